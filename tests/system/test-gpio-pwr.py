#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-gpio-pwr: power-off and reset through the secure PL061 GPIO of virt,secure=on (pin 0 and
pin 1, as TF-A's plat/qemu drives them), run on Granule and, when installed, on Debian's
qemu-system-aarch64: exit status and console output must be identical, and must be what the
guest and the PL061 TRM say (PeriphID/PCellID 61 10 04 00 0d f0 05 b1; a reset runs the
guest again, -no-reboot turns it into an exit).

usage: test-gpio-pwr.py EMULATOR GPIO-PWR.elf GPIO-OFF.elf [--reference QEMU]
"""
import subprocess
import sys

FAILS = []
IDS = "gpio: ids 61 10 04 00 0d f0 05 b1 \n"


def check(cond, what):
    print(("PASS: " if cond else "FAIL: ") + what)
    if not cond:
        FAILS.append(what)


def run(emu, image, extra):
    args = [emu, "-M", "virt,secure=on", "-cpu", "max", "-display", "none", "-serial", "stdio",
            "-kernel", image] + extra
    try:
        p = subprocess.run(args, capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "(timeout)"
    return p.returncode, p.stdout.decode(errors="replace")


def main():
    emu, pwr, off = sys.argv[1:4]
    ref = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--reference" else None
    cases = [
        ("power off via pin 0", off, [], IDS + "gpio: power off via pin 0\n"),
        ("reset via pin 1, then power off", pwr, [],
         IDS + "gpio: reset via pin 1\n" + IDS + "gpio: running again after the reset\n" +
         "gpio: power off via pin 0\n"),
        ("reset via pin 1 with -no-reboot exits", pwr, ["-no-reboot"],
         IDS + "gpio: reset via pin 1\n"),
    ]
    for name, image, extra, expected in cases:
        code, out = run(emu, image, extra)
        check(code == 0 and out == expected, f"{name}: exit 0 and the expected output "
              f"(got {code}, {out!r})")
        if ref:
            rcode, rout = run(ref, image, extra)
            check(rcode == code and rout == out,
                  f"{name}: identical on the reference QEMU (got {rcode}, {rout!r})")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
