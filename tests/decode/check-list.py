#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# check-list.py: decodegen --list on a .decode file must print exactly the expected table
# (name, fixed mask, fixed bits, file:line, overlapping group), which tools such as random
# instruction generators read.

import subprocess
import sys


def main():
    if len(sys.argv) != 4:
        print('usage: check-list.py decodegen.py FILE.decode EXPECTED.list', file=sys.stderr)
        return 2
    gen, src, expected_path = sys.argv[1:]
    r = subprocess.run([sys.executable, gen, '--list', src], capture_output=True, text=True,
                       check=False)
    if r.returncode != 0:
        print('FAIL: decodegen --list failed:\n%s' % r.stderr)
        return 1
    with open(expected_path, encoding='utf-8') as f:
        expected = f.read().splitlines()
    got = r.stdout.splitlines()
    bad = 0
    for i in range(max(len(expected), len(got))):
        e = expected[i] if i < len(expected) else '(nothing)'
        g = got[i] if i < len(got) else '(nothing)'
        if e != g:
            print('FAIL line %d: expected "%s", got "%s"' % (i + 1, e, g))
            bad += 1
    print('%d table row(s), %d different' % (len(got), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
