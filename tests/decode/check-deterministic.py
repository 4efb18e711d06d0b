#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# check-deterministic.py: decodegen must give byte-identical output for the same input, whatever
# the output directory (reproducible builds), and must not embed the source or build path.

import filecmp
import os
import subprocess
import sys
import tempfile


def generate(gen, src, outdir):
    base = os.path.basename(src)[:-len('.decode')]
    c = os.path.join(outdir, 'decode-%s.c' % base)
    h = os.path.join(outdir, 'decode-%s.h' % base)
    r = subprocess.run([sys.executable, gen, '--Werror', '--include', 'translate.h',
                        '--out-c', c, '--out-h', h, src],
                       capture_output=True, text=True, check=False)
    if r.returncode != 0:
        print('FAIL: generator failed on %s:\n%s' % (src, r.stderr))
        return None
    return c, h


def main():
    if len(sys.argv) < 3:
        print('usage: check-deterministic.py decodegen.py FILE.decode...', file=sys.stderr)
        return 2
    gen = sys.argv[1]
    bad = 0
    for src in sys.argv[2:]:
        with tempfile.TemporaryDirectory() as d1, tempfile.TemporaryDirectory() as d2:
            sub = os.path.join(d2, 'elsewhere')
            os.mkdir(sub)
            a = generate(gen, src, d1)
            b = generate(gen, src, sub)
            if a is None or b is None:
                bad += 1
                continue
            for x, y in zip(a, b):
                if not filecmp.cmp(x, y, shallow=False):
                    print('FAIL: %s differs between runs' % os.path.basename(x))
                    bad += 1
                with open(x, encoding='utf-8') as f:
                    text = f.read()
                for path in (os.path.dirname(os.path.abspath(src)), d1):
                    if path in text:
                        print('FAIL: %s embeds the path %s' % (os.path.basename(x), path))
                        bad += 1
            print('ok: %s' % os.path.basename(src))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
