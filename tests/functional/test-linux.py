#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-linux: boot Debian's arm64 Linux kernel (Image, Linux boot protocol, no initrd) to the
point where it looks for a root filesystem, on Granule and on Debian's qemu-system-aarch64, and
check the milestones both must print: CPU and machine identification, the generic timer at the
device tree's frequency, the console, and the final "VFS: Unable to mount root fs" panic.
Skips (77) when the kernel has not been fetched (scripts/fetch-linux).

usage: test-linux.py EMULATOR KERNEL [--reference QEMU] [--machine M] [--milestone REGEX]...
"""
import os
import re
import subprocess
import sys
import tempfile

MILESTONES = [
    r"Booting Linux on physical CPU 0x0+ \[0x000f0510\]",
    r"Machine model: linux,dummy-virt",
    r"arch_timer: cp15 timer\(s\) running at 62\.50MHz",
    r"smp: Brought up 1 node, 1 CPU",
    r"printk: console \[ttyAMA0\] enabled",
    r"Kernel panic - not syncing: VFS: Unable to mount root fs",
]


def boot(emu, kernel, machine):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "serial.txt")
        p = subprocess.run([emu, "-M", machine, "-cpu", "max", "-m", "512", "-display", "none",
                            "-serial", f"file:{out}", "-kernel", kernel, "-append",
                            "console=ttyAMA0 panic=-1", "-no-reboot"],
                           capture_output=True, text=True, timeout=240)
        text = open(out, errors="replace").read() if os.path.exists(out) else ""
    return p.returncode, text, p.stderr


def main():
    args = sys.argv[1:]
    emu, kernel = args[0], args[1]
    ref = args[args.index("--reference") + 1] if "--reference" in args else None
    machine = args[args.index("--machine") + 1] if "--machine" in args else "virt"
    extra = [args[i + 1] for i, a in enumerate(args) if a == "--milestone"]
    if not os.path.exists(kernel):
        print(f"SKIP: no kernel at {kernel} (run scripts/fetch-linux)")
        return 77
    fails = 0
    for name, e in (("granule", emu), ("reference", ref)):
        if not e:
            continue
        code, text, err = boot(e, kernel, machine)
        ok = code == 0
        print(("PASS" if ok else "FAIL") + f": {name}: -no-reboot exit status 0 after the panic "
              f"reboot (got {code}) {err.strip()[:200]}")
        fails += not ok
        for m in MILESTONES + extra:
            hit = re.search(m, text) is not None
            print(("PASS" if hit else "FAIL") + f": {name}: /{m}/")
            fails += not hit
        if name == "granule" and fails:
            print(text[-3000:])
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
