#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-userspace: boot Debian's arm64 kernel with an initramfs built here around Debian's
static busybox (scripts/fetch-linux, scripts/fetch-busybox), on Granule and on Debian's
qemu-system-aarch64. /init mounts proc and sysfs, runs user-space work (shell arithmetic,
awk floating point, md5sum/sha256sum, sort, a dd|gzip|gunzip round trip, date, ls -l /dev,
sleep 1 against /proc/uptime and the timer interrupt count in /proc/interrupts) printing one
"@@ KEY value" line per result, then powers off with `poweroff -f` (PSCI SYSTEM_OFF).

Checks: each result against an expectation computed here in Python (hashes of the data,
the arithmetic, the awk output), the same results on both emulators where they must be
equal, the RTC date against the host's, and the end of the run by power-off with exit
status 0. Skips (77) without the kernel or busybox.

usage: test-userspace.py EMULATOR KERNEL BUSYBOX [--reference QEMU] [--machine M]
"""
import datetime
import hashlib
import os
import random
import re
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mkinitramfs  # noqa: E402

INIT = r"""#!/bin/sh
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo "@@ BEGIN"
echo "@@ UNAME $(uname -a)"
echo "@@ CPUS $(grep -c ^processor /proc/cpuinfo)"
echo "@@ CPUINFO $(grep -m1 ^Features /proc/cpuinfo)"
i=0; s=0; p=1
while [ $i -lt 2000 ]; do
    s=$(( s + i * i * i % 1009 ))
    p=$(( (p * 31 + i) % 1000003 ))
    i=$(( i + 1 ))
done
echo "@@ ARITH $s $p"
echo "@@ ARITH64 $(( 0x7fffffffffffffff / 12345 )) $(( -9 / 4 )) $(( -9 % 4 )) $(( 1 << 62 )) $(( 0x123456789 * 0x987 ^ 0x5555 ))"
awk 'BEGIN { x = 1; for (i = 0; i < 20000; i++) { x = (x * 69069 + 1) % 4294967296; print x } }' > /tmp/lcg
echo "@@ LCG $(sha256sum < /tmp/lcg | cut -d' ' -f1)"
sort -n /tmp/lcg > /tmp/lcg.sorted
echo "@@ SORTED $(sha256sum < /tmp/lcg.sorted | cut -d' ' -f1) $(head -n 1 /tmp/lcg.sorted) $(tail -n 1 /tmp/lcg.sorted)"
echo "@@ AWKFP $(awk 'BEGIN { printf "%.10f %.6e %d %.4f %.0f\n", 2 / 7, 1e10 / 3, int(3.99) * 7, -1 / 3, 1048576 * 1048576 + 1 }')"
echo "@@ MD5 $(md5sum /data/blob | cut -d' ' -f1)"
echo "@@ SHA256 $(sha256sum /data/blob | cut -d' ' -f1)"
dd if=/data/blob bs=4096 2>/dev/null | gzip -9 > /tmp/blob.gz
echo "@@ GZIP $(sha256sum < /tmp/blob.gz | cut -d' ' -f1)"
gunzip -c /tmp/blob.gz > /tmp/blob.out
echo "@@ GUNZIP $(sha256sum < /tmp/blob.out | cut -d' ' -f1)"
cmp /data/blob /tmp/blob.out && echo "@@ ROUNDTRIP ok"
echo "@@ DATE $(date -u +%s)"
ls -l /dev > /tmp/devls
echo "@@ TTYAMA0 $(grep ' ttyAMA0$' /tmp/devls | awk '{ print substr($1, 1, 1), $5, $6 }')"
t0=$(cut -d' ' -f1 /proc/uptime)
i0=$(awk '/arch_timer/ { print $2 }' /proc/interrupts)
sleep 1
t1=$(cut -d' ' -f1 /proc/uptime)
i1=$(awk '/arch_timer/ { print $2 }' /proc/interrupts)
echo "@@ SLEEP $(awk -v a=$t0 -v b=$t1 'BEGIN { d = b - a; print (d >= 1.0 && d < 10) ? "ok" : "bad " d }')"
echo "@@ TIMERIRQ $( [ "$i1" -gt "$i0" ] && echo increased || echo "same $i0 $i1" )"
cat /proc/interrupts
echo "@@ END"
poweroff -f
"""

# Results that must be the same on every emulator (and equal the expectations below).
COMPARED = ["UNAME", "CPUS", "ARITH", "ARITH64", "LCG", "SORTED", "AWKFP", "MD5", "SHA256",
            "GZIP", "GUNZIP", "ROUNDTRIP", "TTYAMA0", "SLEEP", "TIMERIRQ", "END"]


def blob():
    """256 KiB: random bytes and compressible text, the same every run."""
    r = random.Random(20261122)
    words = ["granule", "realm", "arm", "busybox", "kernel", "page", "table", "timer"]
    text = " ".join(r.choice(words) for _ in range(30000)).encode()
    data = r.randbytes(128 * 1024) + text
    return (data * 2)[:256 * 1024]


def c_div(a, b):
    """Integer division truncating toward zero (C, and POSIX shell arithmetic)."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def expectations(data):
    exp = {}
    s, p = 0, 1
    for i in range(2000):
        s += i * i * i % 1009
        p = (p * 31 + i) % 1000003
    exp["ARITH"] = f"{s} {p}"
    m = c_div(0x7fffffffffffffff, 12345)
    r = -9 - c_div(-9, 4) * 4
    x = (0x123456789 * 0x987) ^ 0x5555
    exp["ARITH64"] = f"{m} {c_div(-9, 4)} {r} {1 << 62} {x}"
    x, lines = 1, []
    for _ in range(20000):
        x = (x * 69069 + 1) % 4294967296  # exact in a double: x * 69069 < 2^49
        lines.append(x)
    lcg = "".join(f"{v}\n" for v in lines).encode()
    exp["LCG"] = hashlib.sha256(lcg).hexdigest()
    srt = sorted(lines)
    exp["SORTED"] = (hashlib.sha256("".join(f"{v}\n" for v in srt).encode()).hexdigest()
                     + f" {srt[0]} {srt[-1]}")
    # Debian's busybox awk has no math library (no sqrt/exp): arithmetic and conversions only
    exp["AWKFP"] = "%.10f %.6e %d %.4f %.0f" % (2 / 7, 1e10 / 3, 3 * 7, -1 / 3, 2 ** 40 + 1)
    exp["MD5"] = hashlib.md5(data).hexdigest()
    exp["SHA256"] = hashlib.sha256(data).hexdigest()
    exp["GUNZIP"] = exp["SHA256"]
    exp["ROUNDTRIP"] = "ok"
    exp["CPUS"] = "1"
    exp["TTYAMA0"] = "c 204, 64"  # the PL011's tty: major 204, minor 64 (devices.txt)
    exp["SLEEP"] = "ok"
    exp["TIMERIRQ"] = "increased"
    exp["END"] = ""
    return exp


def boot(emu, kernel, initrd, machine):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "serial.txt")
        t0 = time.monotonic()
        c0 = os.times()
        try:
            p = subprocess.run([emu, "-M", machine, "-cpu", "max", "-m", "512", "-display",
                                "none", "-serial", f"file:{out}", "-kernel", kernel, "-initrd",
                                initrd, "-append", "console=ttyAMA0 rdinit=/init panic=-1",
                                "-no-reboot"], capture_output=True, text=True, timeout=240)
            code, err = p.returncode, p.stderr
        except subprocess.TimeoutExpired:
            code, err = "timeout", ""
        c1 = os.times()
        secs = (time.monotonic() - t0, c1.children_user + c1.children_system
                - c0.children_user - c0.children_system)
        text = open(out, errors="replace").read() if os.path.exists(out) else ""
    return code, text, err, secs


def results(text):
    res = {}
    for line in text.splitlines():
        m = re.match(r"@@ (\S+) ?(.*?)\s*$", line)
        if m and m.group(1) not in res:
            res[m.group(1)] = m.group(2)
    return res


def main():
    args = sys.argv[1:]
    emu, kernel, busybox = args[0], args[1], args[2]
    ref = args[args.index("--reference") + 1] if "--reference" in args else None
    machine = args[args.index("--machine") + 1] if "--machine" in args else "virt"
    for what, path, script in (("kernel", kernel, "fetch-linux"),
                               ("busybox", busybox, "fetch-busybox")):
        if not os.path.exists(path):
            print(f"SKIP: no {what} at {path} (run scripts/{script})")
            return 77
    data = blob()
    exp = expectations(data)
    fails = 0

    def check(ok, msg):
        nonlocal fails
        print(("PASS" if ok else "FAIL") + ": " + msg)
        fails += not ok

    seen = {}
    with tempfile.TemporaryDirectory() as tmp:
        initrd = os.path.join(tmp, "initramfs.cpio.gz")
        with open(initrd, "wb") as f:
            f.write(mkinitramfs.build(busybox, INIT, {"data/blob": data}))
        for name, e in (("granule", emu), ("reference", ref)):
            if not e:
                continue
            before = fails
            host_t = time.time()
            code, text, err, secs = boot(e, kernel, initrd, machine)
            print(f"INFO: {name}: {machine}: {secs[0]:.1f} s elapsed, {secs[1]:.1f} s CPU")
            res = results(text)
            seen[name] = res
            check(code == 0, f"{name}: exit status 0 (got {code}) {err.strip()[:200]}")
            check("reboot: Power down" in text, f"{name}: the kernel powered down")
            check("Illegal instruction" not in text, f"{name}: no command died of SIGILL")
            for k in COMPARED:
                check(k in res, f"{name}: /init printed {k}")
                if k in res and k in exp:
                    check(res[k] == exp[k], f"{name}: {k} = {res[k]!r} (expected {exp[k]!r})")
            d = res.get("DATE", "")
            ok = d.isdigit() and abs(int(d) - host_t) < 600
            check(ok, f"{name}: date -u +%s {d!r} within 10 minutes of the host's {int(host_t)} "
                  f"({datetime.datetime.utcfromtimestamp(host_t):%Y-%m-%d %H:%M} UTC)")
            if fails != before:
                print(text[-4000:])
    if "reference" in seen:
        g, r = seen["granule"], seen["reference"]
        for k in COMPARED:
            check(g.get(k) == r.get(k), f"same {k} on Granule and on the reference")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
