#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Run one bare-metal guest test image on an emulator and judge its PASS/FAIL output and exit status.
"""Run a guest test image and check the protocol.

The image prints "PASS: <check>" and "FAIL: <check>: expected X got Y"
lines on the first PL011 UART and exits through semihosting with status 0
only if every check passed.  This runner accepts the run if the emulator
exited with the expected status (0 unless --expect-status), printed at
least one PASS line and no FAIL line.
Exit status: 0 accepted, 1 rejected, 77 emulator not found (skip).
--expect-status and --expect-line serve tests of the semihosting exit
status and console.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--emulator', required=True, help='qemu-system-aarch64 compatible binary')
    ap.add_argument('--machine', default='virt', help='value of -M')
    ap.add_argument('--cpu', default='max', help='value of -cpu')
    ap.add_argument('--image', required=True, help='ELF image passed with -kernel')
    ap.add_argument('--timeout', type=float, default=30.0, help='seconds before the run is killed')
    ap.add_argument('--semihosting-arg', action='append', default=[],
                    help='argument for SYS_GET_CMDLINE (-semihosting-config arg=)')
    ap.add_argument('--extra', action='append', default=[],
                    help='extra emulator argument (repeatable)')
    ap.add_argument('--expect-status', type=int, default=0,
                    help='exit status the image must end with (default 0)')
    ap.add_argument('--expect-line', action='append', default=[],
                    help='a line that must appear in the output (repeatable)')
    ap.add_argument('--quiet', action='store_true', help='print only the verdict')
    args = ap.parse_args()

    emu = args.emulator
    if os.sep not in emu:
        emu = shutil.which(emu) or emu
    else:
        emu = os.path.abspath(emu)   # the emulator runs in a temporary directory
    if not (os.path.isfile(emu) and os.access(emu, os.X_OK)):
        print(f'SKIP: emulator {args.emulator} not found')
        return 77
    image = os.path.abspath(args.image)

    cmd = [emu, '-M', args.machine, '-cpu', args.cpu, '-nographic',
           '-semihosting']
    if args.semihosting_arg:
        cmd += ['-semihosting-config',
                ','.join(['enable=on'] + ['arg=' + a for a in args.semihosting_arg])]
        cmd.remove('-semihosting')
    cmd += args.extra + ['-kernel', image]

    # Semihosting file operations are relative to the emulator's working
    # directory: give every run a private one.
    with tempfile.TemporaryDirectory(prefix='granule-tcg-') as wd:
        try:
            proc = subprocess.run(cmd, cwd=wd, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  timeout=args.timeout)
            out = proc.stdout.decode('utf-8', 'replace')
            status = proc.returncode
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b'').decode('utf-8', 'replace')
            status = None

    lines = out.replace('\r', '').splitlines()
    passes = [l for l in lines if l.startswith('PASS:')]
    fails = [l for l in lines if l.startswith('FAIL:')]
    if not args.quiet:
        print('$ ' + ' '.join(cmd))
        print(out, end='' if out.endswith('\n') or not out else '\n')
    problems = []
    if status is None:
        problems.append(f'timed out after {args.timeout:g}s')
    elif status != args.expect_status:
        problems.append(f'exit status {status}, expected {args.expect_status}')
    for want in args.expect_line:
        if want not in lines:
            problems.append(f'missing line "{want}"')
    if fails:
        problems.append(f'{len(fails)} FAIL line(s)')
    if not passes:
        problems.append('no PASS line')
    if problems:
        print('RESULT: rejected: ' + ', '.join(problems))
        return 1
    print(f'RESULT: accepted: {len(passes)} checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
