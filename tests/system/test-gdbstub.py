#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-gdbstub: drive gdb-multiarch in batch mode against the gdbstub of an emulator started
with -S -gdb, and check what gdb sees: the entry PC, stepping, a breakpoint hit twice with the
expected register values, register and FP/SIMD register writes, memory reads and writes.
The same script runs against Debian's qemu-system-aarch64 when --reference is given, and the
transcripts of both must agree.

usage: test-gdbstub.py EMULATOR GUEST.elf [--reference QEMU]
"""
import re
import socket
import subprocess
import sys
import time

GDB_CMDS = [
    "set architecture aarch64",
    "set confirm off",
    "target remote :{port}",
    "info registers pc",
    "stepi",
    "info registers pc x1",
    "break *0x40080010",
    "continue",
    "info registers pc x3",
    "continue",
    "info registers pc x3",
    "set $x20 = 0x1122334455667788",
    "info registers x20",
    "set $v7.d.u[1] = 0xabcdef",
    "p/x $v7.d.u[1]",
    "x/2wx 0x40080000",
    "set {{unsigned int}}0x40080038 = 0x21212121",
    "x/1wx 0x40080038",
    "delete",
    "stepi",
    "info registers pc",
    "kill",
]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def transcript(emu, elf):
    port = free_port()
    proc = subprocess.Popen([emu, "-M", "virt", "-cpu", "max", "-display", "none", "-semihosting",
                             "-kernel", elf, "-S", "-gdb", f"tcp::{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        time.sleep(0.3)
        args = ["gdb-multiarch", "-q", "-nx", "-batch"]
        for c in GDB_CMDS:
            args += ["-ex", c.format(port=port)]
        out = subprocess.run(args, capture_output=True, text=True, timeout=60).stdout
    finally:
        # Never leave an emulator waiting for a debugger behind, whatever happened above.
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    lines = []
    for line in out.splitlines():
        line = re.sub(r"\s+", " ", line).strip()
        if line and not line.startswith(("warning", "The target architecture", "[Inferior")):
            lines.append(line)
    return lines


def check(lines):
    text = "\n".join(lines)
    want = [
        r"pc 0x40080000",                       # entry
        r"pc 0x40080004",                       # after one stepi
        r"x1 0x9000000",                        # mov x1, #0x09000000 executed
        r"Breakpoint 1, 0x0*40080010",
        r"x3 0x48 72",                          # 'H'
        r"x3 0x65 101",                         # 'e' on the second hit
        r"x20 0x1122334455667788",
        r"\$\d+ = 0xabcdef",
        r"0x40080000:\s*0xd2a12001\s*0x100001a2",
        r"0x40080038:\s*0x21212121",
        r"pc 0x40080014",                       # stepi from the breakpoint
    ]
    ok = True
    for w in want:
        if not re.search(w, text):
            print(f"FAIL: gdb transcript lacks /{w}/")
            ok = False
        else:
            print(f"PASS: /{w}/")
    return ok


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    emu, elf = sys.argv[1], sys.argv[2]
    ref = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--reference" else None
    try:
        subprocess.run(["gdb-multiarch", "--version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        print("SKIP: gdb-multiarch is not installed")
        return 77
    mine = transcript(emu, elf)
    ok = check(mine)
    if ref:
        theirs = transcript(ref, elf)
        if mine != theirs:
            ok = False
            print("FAIL: transcripts differ from the reference QEMU:")
            for a, b in zip(mine + [""] * len(theirs), theirs + [""] * len(mine)):
                if a != b:
                    print(f"  granule: {a}\n  qemu:    {b}")
        else:
            print("PASS: transcript identical to the reference QEMU")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
