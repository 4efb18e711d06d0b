#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-boot: ways of starting a guest and observing it, each run on Granule and on Debian's
qemu-system-aarch64, which must behave the same (exit status and guest output): -kernel with an
ELF and with a raw image, -bios into flash at EL3, -device loader with a file and with data,
-serial file:, -d in_asm with -D, PSCI SYSTEM_OFF, and the error paths for images that do not
fit or are missing.

usage: test-boot.py EMULATOR HELLO.elf HELLO.bin PSCI.elf HELLO-HI.elf [--reference QEMU]
(HELLO-HI.elf is the same guest linked at 0x40200000, clear of the DTB at the start of RAM)
"""
import os
import subprocess
import sys
import tempfile

FAILS = []


def check(cond, what):
    print(("PASS: " if cond else "FAIL: ") + what)
    if not cond:
        FAILS.append(what)


def run(emu, args, stdin=b""):
    p = subprocess.run([emu] + args, input=stdin, capture_output=True, timeout=30)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def cases(hello_elf, hello_bin, psci_elf, hello_hi, tmp):
    big = os.path.join(tmp, "big.bin")
    with open(big, "wb") as f:
        f.truncate(40 << 20)
    serial_out = os.path.join(tmp, "serial.txt")
    log = os.path.join(tmp, "log.txt")
    base = ["-M", "virt", "-cpu", "max", "-display", "none", "-semihosting"]
    return [
        ("-kernel ELF at EL1", base + ["-serial", "stdio", "-kernel", hello_elf], None),
        ("-kernel ELF at EL3 (secure=on)", ["-M", "virt,secure=on", "-cpu", "max", "-display",
         "none", "-semihosting", "-serial", "stdio", "-kernel", hello_elf], None),
        ("-kernel raw image (Linux boot protocol, RAM + 0x80000)",
         base + ["-serial", "stdio", "-kernel", hello_bin], None),
        ("-bios raw image in flash, EL3", ["-M", "virt,secure=on", "-cpu", "max", "-display",
         "none", "-semihosting", "-serial", "stdio", "-bios", hello_bin], None),
        ("-device loader,file=ELF,cpu-num=0", base + ["-serial", "stdio", "-device",
         f"loader,file={hello_hi},cpu-num=0"], None),
        ("-device loader data then file", base + ["-serial", "stdio", "-device",
         "loader,addr=0x40100000,data=0x12345678,data-len=4", "-device",
         f"loader,file={hello_hi},cpu-num=0"], None),
        ("-device loader images that overlap", base + ["-device", f"loader,file={hello_hi}",
         "-device", f"loader,file={hello_hi},cpu-num=0"], None),
        ("-serial file:", base + ["-serial", f"file:{serial_out}", "-kernel", hello_elf],
         serial_out),
        ("-d in_asm -D file", base + ["-serial", "stdio", "-d", "in_asm", "-D", log, "-kernel",
         hello_elf], log),
        ("PSCI SYSTEM_OFF (HVC conduit)", base + ["-serial", "stdio", "-kernel", psci_elf], None),
        ("PSCI SYSTEM_OFF (SMC conduit, EL2)", ["-M", "virt,virtualization=on", "-cpu", "max",
         "-display", "none", "-serial", "stdio", "-kernel", psci_elf], None),
        ("kernel larger than RAM", base + ["-m", "32", "-kernel", big], None),
        ("missing kernel", base + ["-kernel", os.path.join(tmp, "nope.elf")], None),
        ("-bios larger than flash bank", ["-M", "virt", "-cpu", "max", "-display", "none",
         "-bios", os.path.join(tmp, "big2.bin")], None),
    ]


def observe(emu, args, side_file):
    if side_file and os.path.exists(side_file):
        os.unlink(side_file)
    code, out, err = run(emu, args)
    side = ""
    if side_file and os.path.exists(side_file):
        side = open(side_file, errors="replace").read()
    return code, out, err, side


def main():
    emu, hello_elf, hello_bin, psci_elf, hello_hi = sys.argv[1:6]
    ref = sys.argv[7] if len(sys.argv) > 7 and sys.argv[6] == "--reference" else None
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "big2.bin"), "wb") as f:
            f.truncate(65 << 20)
        for name, args, side in cases(hello_elf, hello_bin, psci_elf, hello_hi, tmp):
            code, out, err, side_text = observe(emu, args, side)
            text = out + side_text
            if name.startswith(("kernel larger", "missing", "-bios larger", "-device loader images")):
                lines = [l for l in err.splitlines() if l.strip()]
                check(code == 1 and len(lines) == 1 and lines[0].startswith("qemu-system-aarch64:"),
                      f"{name}: exit 1 with one error line (got {code}, {lines})")
            elif name.startswith("PSCI"):
                check(code == 0 and "powering off" in text, f"{name}: prints, exits 0 (got {code})")
            elif name.startswith("-d in_asm"):
                check(code == 0 and "IN:" in side_text and "0x0000000040080000:" in side_text,
                      f"{name}: the log file has the first translated block")
            else:
                check(code == 0 and "Hello from the guest" in text,
                      f"{name}: guest output and exit status 0 (got {code})")
            if ref:
                rcode, rout, rerr, rside = observe(ref, args, side)
                if name.startswith("-d in_asm"):
                    same = rcode == code
                else:
                    same = rcode == code and ("Hello" in rout + rside) == ("Hello" in text)
                check(same, f"{name}: same behaviour as the reference QEMU (exit {rcode})")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
