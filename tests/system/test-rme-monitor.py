#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-rme-monitor: the monitor's RME views. The guest (gpt.S) builds a level-0 GPT at EL3 with
known GPIs and enables the GPC; then `info gpt` must list the configuration and the PA ranges
(adjacent equal blocks merged) and `info pas` must give each granule's GPI, the descriptor it
came from, and for each PA space whether an access is permitted — the outcome the GPI's
definition gives (Arm ARM RME: any permits every PAS; Realm, Non-secure permit only their own).

usage: test-rme-monitor.py EMULATOR GPT.elf
"""
import os
import re
import subprocess
import sys
import tempfile
import time

FAILS = []


def check(cond, what):
    print(("PASS: " if cond else "FAIL: ") + what)
    if not cond:
        FAILS.append(what)


def main():
    emu, elf = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        serial = os.path.join(tmp, "serial.txt")
        p = subprocess.Popen([emu, "-M", "virt,rme=on", "-display", "none", "-monitor", "stdio",
                              "-serial", f"file:{serial}", "-kernel", elf],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready = False
        for _ in range(200):
            if os.path.exists(serial) and "gpt ready" in open(serial).read():
                ready = True
                break
            time.sleep(0.05)
        check(ready, "the guest enabled the GPC and kept running (its own fetches permitted)")
        cmds = "info gpt\ninfo pas 0x40000000\ninfo pas 0x80001000\ninfo pas 0xc0000000\nquit\n"
        out, err = p.communicate(cmds.encode(), timeout=30)
        text = out.decode(errors="replace").replace("\r", "")
    check(p.returncode == 0, f"quit exits 0 (got {p.returncode})")
    check(re.search(r"GPCCR_EL3 0x13500 \(PPS 32 bits, PGS 12 bits, L0GPTSZ 30 bits\)", text)
          is not None, "info gpt decodes GPCCR_EL3 (PPS 4 GB, 4 KB granules, 1 GB level 0)")
    check(re.search(r"0x0+-0x0*7fffffff any \(GPI 0xf\)", text) is not None,
          "info gpt merges the two adjacent 'any' blocks into [0, 2G)")
    check(re.search(r"0x0*80000000-0x0*bfffffff realm \(GPI 0xb\)", text) is not None,
          "info gpt: [2G, 3G) Realm")
    check(re.search(r"0x0*c0000000-0x0*ffffffff non-secure \(GPI 0x9\)", text) is not None,
          "info gpt: [3G, 4G) Non-secure")

    def pas_block(addr):
        m = re.search(r"PA %s .*?(?=\(qemu\))" % re.escape(addr), text, re.S)
        return m.group(0) if m else ""

    expect = {
        "0x40000000": ("0xf", {"Secure": True, "Non-secure": True, "Root": True, "Realm": True}),
        "0x80001000": ("0xb", {"Secure": False, "Non-secure": False, "Root": False, "Realm": True}),
        "0xc0000000": ("0x9", {"Secure": False, "Non-secure": True, "Root": False, "Realm": False}),
    }
    for addr, (gpi, perms) in expect.items():
        b = pas_block(addr)
        check(f"GPI {gpi}" in b and "level-0 block descriptor" in b,
              f"info pas {addr}: GPI {gpi} from a level-0 block descriptor")
        for space, ok in perms.items():
            line = re.search(r"\n\s+%s\s+(\S+)" % re.escape(space), b)
            got = line.group(1) if line else "?"
            check(got == ("permitted" if ok else "GPF"), f"info pas {addr}: {space} {got}")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
