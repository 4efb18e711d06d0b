#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# run-selftest.py: run the firmware self-test image on a QEMU and check what it reports.
"""Usage: run-selftest.py --expect-el N [--expect-lock LSE|exclusives] [--timeout S] -- QEMU ARGS

Passes when the image prints its banner for the expected EL, every check line says "ok", the
final line is "SELFTEST PASS", and QEMU exits with status 0 through semihosting SYS_EXIT.
With --expect-panic TEXT the image must instead print "PANIC: TEXT..." and exit with status 2
(what panic_halt reports), before any check fails.
"""

import argparse
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--expect-el', type=int, required=True)
    ap.add_argument('--expect-lock', choices=['LSE', 'exclusives'])
    ap.add_argument('--expect-mmu', action='store_true', help='MMU checks must have run')
    ap.add_argument('--expect-smp', action='store_true', help='two-CPU lock checks must have run')
    ap.add_argument('--expect-panic', metavar='TEXT')
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('qemu', nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = [a for a in args.qemu if a != '--']
    if not cmd:
        ap.error('no QEMU command line given')
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=args.timeout)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode(errors='replace')
        print(out)
        print('run-selftest: timed out after %gs' % args.timeout)
        return 1
    out = r.stdout.decode(errors='replace').replace('\r\n', '\n')
    print(out)
    lines = [l.strip() for l in out.split('\n') if l.strip()]
    problems = []
    banner = 'granule firmware self-test: running at EL%d' % args.expect_el
    if lines.count(banner) != 1:
        problems.append('banner "%s" seen %d times, want once' % (banner, lines.count(banner)))
    fails = [l for l in lines if l.startswith('FAIL')]
    if fails:
        problems.append('failed checks: %s' % '; '.join(fails))
    if args.expect_panic:
        if not any(l.startswith('PANIC: ' + args.expect_panic) for l in lines):
            problems.append('no "PANIC: %s" line' % args.expect_panic)
        if r.returncode != 2:
            problems.append('QEMU exit status %d, want 2 (panic)' % r.returncode)
        for p in problems:
            print('run-selftest: ' + p)
        return 1 if problems else 0
    checks = [l for l in lines if l.startswith('ok: ')]
    if len(checks) < 10:
        problems.append('only %d checks ran' % len(checks))
    if args.expect_lock and ('spinlock uses %s' % args.expect_lock) not in lines:
        problems.append('spinlock did not use %s' % args.expect_lock)
    if args.expect_mmu and not any(l.startswith('MMU on at EL%d' % args.expect_el) for l in lines):
        problems.append('MMU checks did not run')
    if args.expect_smp and not any(l.startswith('spinlock: 2 CPUs') for l in lines):
        problems.append('two-CPU spinlock checks did not run')
    if not lines or lines[-1] != 'SELFTEST PASS':
        problems.append('last line is not "SELFTEST PASS"')
    if r.returncode != 0:
        problems.append('QEMU exit status %d' % r.returncode)
    for p in problems:
        print('run-selftest: ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
