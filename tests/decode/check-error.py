#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# check-error.py: run decodegen on an err-*.decode file; pass only if it fails with the message
# given by the file's '# expect: ' comment, continued by '# expect+ ' lines (joined with a
# space); '# args: ' adds generator options.

import os
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) != 3:
        print('usage: check-error.py decodegen.py err-FOO.decode', file=sys.stderr)
        return 2
    gen, src = sys.argv[1], sys.argv[2]
    expect = None
    extra = []
    with open(src, encoding='utf-8') as f:
        for line in f:
            if line.startswith('# expect: '):
                expect = line[len('# expect: '):].rstrip('\n')
            elif line.startswith('# expect+ ') and expect is not None:
                expect += ' ' + line[len('# expect+ '):].rstrip('\n')
            elif line.startswith('# args: '):
                extra += line[len('# args: '):].split()
    if expect is None:
        print('%s: no "# expect: " line' % src, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, gen] + extra + ['--out-c', os.path.join(tmp, 'out.c'),
                                              '--out-h', os.path.join(tmp, 'out.h'), src]
        r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if r.returncode == 0:
        print('FAIL: generator accepted %s; expected: %s' % (src, expect))
        return 1
    if expect not in r.stderr:
        print('FAIL: wrong message for %s\n  expected: %s\n  got: %s'
              % (src, expect, r.stderr.strip()))
        return 1
    if 'Traceback' in r.stderr:
        print('FAIL: generator crashed on %s:\n%s' % (src, r.stderr))
        return 1
    print('ok: %s' % r.stderr.strip().splitlines()[-1])
    return 0


if __name__ == '__main__':
    sys.exit(main())
