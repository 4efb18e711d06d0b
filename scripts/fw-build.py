#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# fw-build.py: cross-compile realm-firmware (library archive and linked images) for meson.
"""Build driver for the freestanding aarch64 firmware.

Meson cannot hold a second C compiler for the same language, so the top-level build calls this
script from custom_target()s.  It compiles sources with the aarch64 compiler into objects (kept
between runs and rebuilt only when a source, header or flag changed), archives them, links images
with a per-image linker script and writes one depfile per target so ninja reruns it when any
header changes.

  fw-build.py probe --cc CC --kind gcc|clang
  fw-build.py lib   --cc CC --kind K --out libfw.a --objdir D --depfile F [-I DIR]... SRC...
  fw-build.py image --cc CC --kind K --out x.elf --bin x.bin --ldscript x.ld --lib libfw.a
                    --objdir D --depfile F [-I DIR]... SRC...
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

# Flags every firmware object is built with; see realm-firmware/README.md for the reasons.
COMMON_CFLAGS = [
    '-std=gnu11', '-O2', '-g', '-Wall', '-Wextra', '-Werror', '-Wno-unused-parameter',
    '-ffreestanding', '-fno-builtin', '-nostdinc', '-fno-common', '-fno-pic', '-fno-pie',
    '-fno-omit-frame-pointer', '-ffunction-sections', '-fdata-sections',
    '-fstack-protector-strong', '-mgeneral-regs-only', '-mstrict-align', '-march=armv8-a',
    '-fno-asynchronous-unwind-tables', '-fno-exceptions',
]
# gcc turns byte loops into memcpy/memset calls even with -ffreestanding, which would make
# mem.c call itself; clang only does that when the builtins are available (-fno-builtin).
GCC_CFLAGS = ['-fno-tree-loop-distribute-patterns', '-mstack-protector-guard=global']
CLANG_TARGET = '--target=aarch64-none-elf'


def fail(msg):
    print('fw-build: ' + msg, file=sys.stderr)
    sys.exit(1)


def run(cmd, **kw):
    try:
        return subprocess.run(cmd, check=True, **kw)
    except FileNotFoundError:
        fail('cannot run %s: not found' % cmd[0])
    except subprocess.CalledProcessError as e:
        fail('command failed (exit %d): %s' % (e.returncode, ' '.join(cmd)))


def capture(cmd):
    try:
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ''


class Toolchain:
    """Compiler driver plus the archiver and objcopy that belong to it."""

    def __init__(self, cc, kind):
        self.cc = [cc] + ([CLANG_TARGET] if kind == 'clang' else [])
        self.kind = kind
        if kind == 'clang':
            res = capture(self.cc + ['-print-resource-dir'])
            self.sysinc = os.path.join(res, 'include') if res else ''
            self.ar = self._find(['llvm-ar'], 'llvm-ar')
            self.objcopy = self._find(['llvm-objcopy'], 'llvm-objcopy')
            self.ldflags = ['-fuse-ld=lld']
            self.libs = []
        else:
            self.sysinc = capture(self.cc + ['-print-file-name=include'])
            self.ar = self._gcc_tool('ar')
            self.objcopy = self._gcc_tool('objcopy')
            self.ldflags = ['-no-pie']
            # libgcc supplies out-of-line helpers such as 128-bit division.
            self.libs = ['-lgcc']
        if not self.sysinc or not os.path.isdir(self.sysinc):
            fail('%s has no freestanding include directory' % cc)
        self.cflags = COMMON_CFLAGS + (GCC_CFLAGS if kind == 'gcc' else []) + [
            '-isystem', self.sysinc]

    @staticmethod
    def _find(names, what):
        for n in names:
            path = shutil.which(n)
            if path:
                return path
        fail('%s not found' % what)
        return None

    def _gcc_tool(self, tool):
        # The driver knows its own binutils; fall back to the prefixed name next to it.
        path = capture(self.cc + ['-print-prog-name=' + tool])
        if path and os.path.isabs(path) and os.access(path, os.X_OK):
            return path
        base = os.path.basename(self.cc[0])
        if base.endswith('gcc'):
            prefixed = base[:-3] + tool
            if shutil.which(prefixed):
                return shutil.which(prefixed)
        return self._find([tool], tool)


def obj_name(objdir, src):
    # Unique per source path, readable in the build tree.
    digest = hashlib.sha1(os.path.abspath(src).encode()).hexdigest()[:8]
    return os.path.join(objdir, '%s-%s.o' % (os.path.splitext(os.path.basename(src))[0], digest))


def parse_depfile(path):
    """Prerequisites listed in a make-style depfile written by -MD."""
    try:
        with open(path) as f:
            text = f.read().replace('\\\n', ' ')
    except OSError:
        return None
    _, _, deps = text.partition(': ')
    out = []
    for tok in deps.replace('\n', ' ').split(' '):
        if tok and tok != '\\':
            out.append(tok)
    return out


def up_to_date(obj, dep, stamp, flags_key):
    try:
        with open(stamp) as f:
            if f.read() != flags_key:
                return False
        mtime = os.path.getmtime(obj)
    except OSError:
        return False
    deps = parse_depfile(dep)
    if deps is None:
        return False
    for d in deps:
        try:
            if os.path.getmtime(d) > mtime:
                return False
        except OSError:
            return False
    return True


def compile_all(tc, srcs, objdir, incs, defines):
    os.makedirs(objdir, exist_ok=True)
    flags = tc.cflags + ['-I' + i for i in incs] + ['-D' + d for d in defines]
    flags_key = ' '.join(tc.cc + flags)
    objs, alldeps = [], []
    for src in srcs:
        obj = obj_name(objdir, src)
        dep = obj + '.d'
        stamp = obj + '.flags'
        if not up_to_date(obj, dep, stamp, flags_key):
            run(tc.cc + flags + ['-MD', '-MF', dep, '-c', src, '-o', obj])
            with open(stamp, 'w') as f:
                f.write(flags_key)
        objs.append(obj)
        alldeps.extend(parse_depfile(dep) or [src])
    return objs, alldeps


def write_depfile(path, target, deps):
    seen = []
    for d in deps:
        if d not in seen:
            seen.append(d)
    with open(path, 'w') as f:
        f.write('%s: \\\n' % target.replace(' ', '\\ '))
        for d in seen:
            f.write('  %s \\\n' % d.replace(' ', '\\ '))
        f.write('\n')


def cmd_probe(args):
    tc = Toolchain(args.cc, args.kind)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'probe.c')
        with open(src, 'w') as f:
            f.write('#include <stdint.h>\n#include <stddef.h>\n#include <stdarg.h>\n'
                    'uintptr_t __stack_chk_guard;\nvoid __stack_chk_fail(void) { for (;;) {} }\n'
                    'void _start(void) { __asm__ volatile("wfe"); }\n')
        obj = os.path.join(tmp, 'probe.o')
        elf = os.path.join(tmp, 'probe.elf')
        for cmd in (tc.cc + tc.cflags + ['-c', src, '-o', obj],
                    tc.cc + tc.ldflags + ['-nostdlib', '-static', '-o', elf, obj] + tc.libs,
                    [tc.ar, 'rcs', os.path.join(tmp, 'probe.a'), obj],
                    [tc.objcopy, '-O', 'binary', elf, os.path.join(tmp, 'probe.bin')]):
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode:
                print('probe failed: %s\n%s' % (' '.join(cmd), r.stderr.strip()[:400]))
                return 1
    print('ok')
    return 0


def cmd_lib(args):
    tc = Toolchain(args.cc, args.kind)
    objs, deps = compile_all(tc, args.srcs, args.objdir, args.inc, args.define)
    tmp = args.out + '.tmp'
    if os.path.exists(tmp):
        os.unlink(tmp)
    if objs:
        run([tc.ar, 'rcsD', tmp] + objs)
    else:
        # An archive with no members is valid; ar will not write one from an empty list.
        with open(tmp, 'wb') as f:
            f.write(b'!<arch>\n')
    os.replace(tmp, args.out)
    write_depfile(args.depfile, args.out, deps)
    return 0


def cmd_image(args):
    tc = Toolchain(args.cc, args.kind)
    objs, deps = compile_all(tc, args.srcs, args.objdir, args.inc, args.define)
    link = tc.cc + tc.ldflags + [
        '-nostdlib', '-static', '-Wl,--gc-sections', '-Wl,--build-id=none',
        '-Wl,-z,max-page-size=4096', '-Wl,-z,noexecstack', '-Wl,-T,' + args.ldscript,
        '-Wl,-Map,' + args.out + '.map', '-o', args.out] + objs + args.lib + tc.libs
    run(link)
    if args.bin:
        run([tc.objcopy, '-O', 'binary', args.out, args.bin])
    write_depfile(args.depfile, args.out, deps + [args.ldscript] + args.lib)
    return 0


def main():
    ap = argparse.ArgumentParser(description='cross-build realm-firmware')
    ap.add_argument('mode', choices=['probe', 'lib', 'image'])
    ap.add_argument('--cc', required=True)
    ap.add_argument('--kind', choices=['gcc', 'clang'], required=True)
    ap.add_argument('--out')
    ap.add_argument('--bin')
    ap.add_argument('--objdir')
    ap.add_argument('--depfile')
    ap.add_argument('--ldscript')
    ap.add_argument('--lib', action='append', default=[])
    ap.add_argument('-I', dest='inc', action='append', default=[])
    ap.add_argument('-D', dest='define', action='append', default=[])
    ap.add_argument('srcs', nargs='*')
    args = ap.parse_intermixed_args()
    if args.mode == 'probe':
        return cmd_probe(args)
    for need in ('out', 'objdir', 'depfile'):
        if not getattr(args, need):
            fail('--%s is required for %s' % (need, args.mode))
    if args.mode == 'image' and not args.ldscript:
        fail('--ldscript is required for image')
    if args.mode == 'lib':
        return cmd_lib(args)
    return cmd_image(args)


if __name__ == '__main__':
    sys.exit(main())
