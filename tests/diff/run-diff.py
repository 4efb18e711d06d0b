#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# RISU-style differential test: random A64 integer code, qemu-aarch64 vs a system emulator.
"""
Generates random test cases (gen.py), links them twice around the same
guest harness (guest/), once as a Linux static executable for user-mode
qemu-aarch64 and once as a bare-metal image for `-M virt`, runs both, and
compares X0-X30, SP, NZCV and the data buffer after every case.

The two images hold the same bytes at the same addresses for everything but
a small environment area (start-up, output, exit); this is checked before
running.  Exit status: 0 all cases agree, 1 mismatches, 2 the harness itself
failed (build error, crash, exception, truncated output).
"""

import argparse
import bisect
import os
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import model  # noqa: E402

GUEST = os.path.join(HERE, 'guest')
REG_NAMES = ['x%d' % i for i in range(31)] + ['sp', 'nzcv']

CFLAGS = ['-O2', '-ffreestanding', '-fno-builtin', '-nostdlib', '-fno-pie', '-mgeneral-regs-only',
          '-mstrict-align', '-fno-asynchronous-unwind-tables', '-fno-unwind-tables',
          '-fno-tree-loop-distribute-patterns', '-fno-stack-protector',
          '-Wall', '-Wextra', '-Werror',
          '-I', GUEST]
LDFLAGS = ['-static', '-nostdlib', '-z', 'max-page-size=4096', '--build-id=none', '-T',
           os.path.join(GUEST, 'link.ld')]

# Sections that must be byte-identical (and at the same address) in both images.
COMMON_SECTIONS = ('.diffmem', '.text', '.rodata', '.data')


class HarnessError(Exception):
    pass


class Hang(HarnessError):
    """An emulator did not finish in time; output holds what it printed."""
    def __init__(self, msg, output):
        super().__init__(msg)
        self.output = output


class GuestFault(HarnessError):
    """The guest took an exception (or signal) while running a case."""
    def __init__(self, side, case, line):
        super().__init__('%s: guest fault in case %s: %s' % (side, case, line.strip()))
        self.side, self.case, self.line = side, case, line.strip()


def run(cmd, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if p.returncode != 0:
        raise HarnessError('command failed (%d): %s\n%s%s' % (p.returncode, ' '.join(cmd), p.stdout,
                                                              p.stderr))
    return p.stdout


def ld_supports_rwx_flag(ld):
    p = subprocess.run([ld, '--help'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return '--no-warn-rwx-segments' in p.stdout


def elf_sections(path):
    """{name: (addr, bytes)} for the allocated PROGBITS sections of a little-endian ELF64."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'\x7fELF' or data[4] != 2:
        raise HarnessError('%s: not an ELF64 file' % path)
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
    hdrs = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize) for i in range(shnum)]
    stroff = hdrs[shstrndx][4]
    out = {}
    for h in hdrs:
        name = data[stroff + h[0]:data.index(b'\0', stroff + h[0])].decode()
        if h[1] == 1 and h[2] & 2:         # SHT_PROGBITS, SHF_ALLOC
            out[name] = (h[3], data[h[4]:h[4] + h[5]])
    return out


def elf_symbols(nm, path):
    syms = {}
    for line in run([nm, path]).splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16)
    return syms


class Builder:
    def __init__(self, args, workdir):
        self.a = args
        self.dir = workdir
        p = args.cross_prefix
        self.cc, self.ld, self.nm, self.objdump = p + 'gcc', p + 'ld', p + 'nm', p + 'objdump'
        self.objcopy = p + 'objcopy'
        self.ldflags = list(LDFLAGS)
        if ld_supports_rwx_flag(self.ld):
            self.ldflags.append('--no-warn-rwx-segments')
        self.objs = {}

    def obj(self, src, extra=()):
        key = (src, tuple(extra))
        if key not in self.objs:
            base = os.path.splitext(os.path.basename(src))[0]
            tag = ('-' + '-'.join(e.lstrip('-D').replace('=', '') for e in extra)) if extra else ''
            out = os.path.join(self.dir, base + tag + '.o')
            run([self.cc] + CFLAGS + list(extra) + ['-c', src, '-o', out])
            self.objs[key] = out
        return self.objs[key]

    def env(self, name, objs):
        """The environment objects as one object whose sections all start with .env (link.ld
        places those at 0x40400000, away from the common code)."""
        out = os.path.join(self.dir, name + '.o')
        if out not in self.objs.values():
            run([self.ld, '-r', '-o', out] + objs)
            run([self.objcopy, '--prefix-alloc-sections=.env', out])
            self.objs[('env', name)] = out
        return out

    def link(self, name, env_obj, cases_obj):
        common = [self.obj(os.path.join(GUEST, 'harness.c')),
                  self.obj(os.path.join(GUEST, 'trampoline.S'))]
        out = os.path.join(self.dir, name)
        run([self.ld] + self.ldflags + ['-o', out, env_obj] + common + [cases_obj])
        return out

    def build_chunk(self, chunk_no, cases, self_test=None):
        src = os.path.join(self.dir, 'cases-%s.S' % chunk_no)
        with open(src, 'w') as f:
            gen.emit_cases(cases, self.a.seed, f)
        cobj = os.path.join(self.dir, 'cases-%s.o' % chunk_no)
        run([self.cc] + CFLAGS + ['-c', src, '-o', cobj])
        user_env = self.env('envpack-user', [self.obj(os.path.join(GUEST, 'env-user.S')),
                                             self.obj(os.path.join(GUEST, 'env-user-sig.c'))])
        user = self.link('user-%s.elf' % chunk_no, user_env, cobj)
        sys_defs = []
        if self_test is not None:
            sys_defs = ['-DDIFF_SELF_TEST_CASE=%d' % self_test[0],
                        '-DDIFF_SELF_TEST_KIND=%d' % self_test[1],
                        '-DDIFF_SELF_TEST_REG=%d' % self_test[2]]
        start_defs = ['-DDIFF_SYS_MMU'] if self.a.sys_mmu else []
        sys_env = self.env('envpack-sys-%s' % '-'.join(str(x) for x in self_test or ['plain']),
                           [self.obj(os.path.join(GUEST, 'env-sys-start.S'), start_defs),
                            self.obj(os.path.join(GUEST, 'env-sys.c'), sys_defs)])
        sysimg = self.link('sys-%s.elf' % chunk_no, sys_env, cobj)
        us, ss = elf_sections(user), elf_sections(sysimg)
        for name in COMMON_SECTIONS:
            if us.get(name) != ss.get(name):
                raise HarnessError('section %s differs between the two images' % name)
        return user, sysimg


def parse_output(text, what):
    """{case index: ({reg: value}, {offset: value}) or the GuestFault that ended the case}."""
    lines = text.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith('diff-begin '))
    except StopIteration:
        raise HarnessError('%s: no diff-begin line in the output:\n%s' % (what, text[-2000:]))
    res, cur, ended, fault = {}, None, False, None
    for line in lines[start + 1:]:
        if line.startswith('diff-end'):
            ended = True
            break
        if line.startswith('diff-exception'):
            idx = int(line.split('case=')[1].split()[0], 16)
            if idx == (1 << 64) - 1:
                raise HarnessError('%s: guest fault outside any case: %s' % (what, line))
            fault = GuestFault(what, idx, line)
        elif line.startswith('c'):
            cur = int(line[1:], 16)
            res[cur] = ({}, {})
        elif line == 'F' and cur is not None:
            if fault is None or fault.case != cur:
                raise HarnessError('%s: case %d abandoned without a fault report' % (what, cur))
            res[cur] = fault
        elif line.startswith('r') and cur is not None:
            k, v = line[1:].split('=')
            res[cur][0][int(k, 16)] = int(v, 16)
        elif line.startswith('m') and cur is not None:
            k, v = line[1:].split('=')
            res[cur][1][int(k, 16)] = int(v, 16)
        elif line.strip():
            raise HarnessError('%s: unexpected output line %r' % (what, line))
    if not ended:
        raise HarnessError('%s: output ends without diff-end (last case %s):\n%s'
                           % (what, cur, '\n'.join(lines[-10:])))
    return res


def run_emulators(args, user, sysimg):
    ucmd = [args.reference, '-cpu', 'max', user]
    scmd = [args.emulator, '-M', 'virt', '-cpu', 'max', '-nographic', '-semihosting',
            '-kernel', sysimg] + args.sys_arg
    procs = []
    for cmd in ((ucmd, scmd) if args.emulator else (ucmd,)):
        procs.append((cmd, subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE)))
    outs = []
    for cmd, p in procs:
        try:
            o, e = p.communicate(timeout=args.timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            o, e = p.communicate()
            raise Hang('timeout after %ds: %s' % (args.timeout, ' '.join(cmd)), o.decode('latin-1'))
        o, e = o.decode('latin-1'), e.decode('latin-1')
        if (p.returncode != 0 and 'diff-exception' not in o) or 'diff-begin' not in o:
            raise HarnessError('exit status %d from %s\nstdout: %s\nstderr: %s'
                               % (p.returncode, ' '.join(cmd), o[-2000:], e[-2000:]))
        outs.append(o)
    if not args.emulator:
        outs.append(None)
    return outs, (ucmd, scmd)


def full_state(case, changes):
    regs = list(case.regs) + [case.sp, case.nzcv]
    for r, v in changes[0].items():
        regs[r] = v
    mem = {o: int.from_bytes(case.mem[o:o + 8], 'little') for o in range(0, gen.MEM_SIZE, 8)}
    mem.update(changes[1])
    return regs, mem


def disassemble(builder, elf, syms, idx):
    lo, hi = syms['blk_%d' % idx], syms['blkend_%d' % idx]
    text = run([builder.objdump, '-d', '--start-address=0x%x' % lo, '--stop-address=0x%x' % hi,
                elf])
    return [l for l in text.splitlines() if l.startswith('  ') and ':' in l]


def flags(nzcv):
    """NZCV as letters, upper case when set: 'nZCv'."""
    return ''.join(c.upper() if (nzcv >> (31 - i)) & 1 else c for i, c in enumerate('nzcv'))


def describe_case(builder, case, user_elf):
    syms = elf_symbols(builder.nm, user_elf)
    out = ['  case %d, code (block at 0x%x):' % (case.index, syms['blk_%d' % case.index])]
    out += ['   ' + l for l in disassemble(builder, user_elf, syms, case.index)]
    ir = list(case.regs) + [case.sp, case.nzcv]
    out.append('  initial: ' + ' '.join('%s=%x' % (n, v) for n, v in zip(REG_NAMES, ir)))
    return '\n'.join(out)


def report(args, builder, case, chunk, ref, emu, user_elf, labels):
    out = []
    side = '--emulator %s' % args.emulator if args.emulator else '--model'
    for opt in ('only', 'exclude'):
        if getattr(args, opt):
            side += ' --%s %s' % (opt, getattr(args, opt))
    if args.unaligned:
        side += ' --unaligned'
    out.append('MISMATCH seed %d case %d (block %d, rerun: %s %s --seed %d --block %d --case %d)'
               % (args.seed, case.index, args.block, sys.argv[0], side, args.seed, args.block,
                  case.index))
    syms = elf_symbols(builder.nm, user_elf)
    out.append('  code (block at 0x%x, words as executed by both):' % syms['blk_%d' % case.index])
    out += ['   ' + l for l in disassemble(builder, user_elf, syms, case.index)]
    rr, rm = full_state(case, ref)
    er, em = full_state(case, emu)
    ir = list(case.regs) + [case.sp, case.nzcv]
    out.append('  %-6s %-18s  %-18s  %-18s' % ('reg', 'initial', labels[0], labels[1]))
    for i, n in enumerate(REG_NAMES):
        mark = '  <<<' if rr[i] != er[i] else ''
        out.append('  %-6s %016x    %016x    %016x%s' % (n, ir[i], rr[i], er[i], mark))
    out.append('  %-6s %-18s  %-18s  %-18s'
               % ('flags', flags(ir[32]), flags(rr[32]), flags(er[32])))
    for o in range(0, gen.MEM_SIZE, 8):
        init = int.from_bytes(case.mem[o:o + 8], 'little')
        if rm[o] != init or em[o] != init:
            mark = '  <<<' if rm[o] != em[o] else ''
            out.append('  m+%03x  %016x    %016x    %016x%s' % (o, init, rm[o], em[o], mark))
    return '\n'.join(out)


def report_any(args, builder, case, ref, emu, user_elf, labels):
    """A mismatch report, or the faults and the case when either side faulted."""
    faults = [r for r in (ref, emu) if isinstance(r, GuestFault)]
    if not faults:
        return report(args, builder, case, 0, ref, emu, user_elf, labels)
    out = ['FAULT seed %d case %d (block %d, rerun with --case %d):'
           % (args.seed, case.index, args.block, case.index)]
    out += ['  %s: %s' % (f.side, f.line) for f in faults]
    out.append(describe_case(builder, case, user_elf))
    return '\n'.join(out)


def run_one(args, builder, case, labels):
    """Build and run a single case: (goes wrong?, ref result, sys result, user elf)."""
    user, sysimg = builder.build_chunk('one', [case])
    (uo, so), _ = run_emulators(args, user, sysimg)
    ref = parse_output(uo, labels[0]).get(case.index)
    emu = parse_output(so, labels[1]).get(case.index)
    if isinstance(ref, GuestFault) or isinstance(emu, GuestFault):
        return True, ref, emu, user
    return full_state(case, ref) != full_state(case, emu), ref, emu, user


def shrink(args, builder, case, labels):
    """Drop units one at a time while the case still goes wrong; print the smallest one."""
    units = list(case.units)
    runs = 0
    progress = True
    while progress and len(units) > 1:
        progress = False
        for i in range(len(units)):
            trial = gen.Case(case.index, case.regs, case.sp, case.nzcv, case.mem,
                             units[:i] + units[i + 1:])
            runs += 1
            if run_one(args, builder, trial, labels)[0]:
                units = trial.units
                progress = True
                break
    small = gen.Case(case.index, case.regs, case.sp, case.nzcv, case.mem, units)
    bad, ref, emu, user = run_one(args, builder, small, labels)
    print('SHRUNK case %d from %d to %d units (%d runs); the units left still go wrong:'
          % (case.index, len(case.units), len(units), runs))
    print(report_any(args, builder, small, ref, emu, user, labels))


def chunks_of(args):
    """Cases in chunks of at most args.chunk instructions, each chunk one pair of emulator runs."""
    if args.case is not None:
        rng = gen.random.Random((args.seed << 32) ^ args.case)
        yield [gen.gen_case(rng, args.case, args.block)]
        return
    done, index = 0, 0
    while done < args.count:
        n = min(args.chunk, args.count - done)
        cases = gen.make_cases(args.seed, n, args.block, first_index=index)
        done += sum(c.ninsns() for c in cases)
        index += len(cases)
        yield cases


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--emulator', help='system emulator under test (qemu-system-aarch64 CLI)')
    ap.add_argument('--model', action='store_true',
                    help='also compare the reference with the Python interpreter in model.py')
    ap.add_argument('--reference', default='/usr/bin/qemu-aarch64-static',
                    help='user-mode reference')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=None, help='instructions in all (default 20000)')
    ap.add_argument('--block', type=int, default=20, help='instructions per test case')
    ap.add_argument('--long', action='store_true', help='a long local run: 1,000,000 instructions')
    ap.add_argument('--case', type=int, default=None,
                    help='run only this case (as numbered for --seed/--block)')
    ap.add_argument('--chunk', type=int, default=40000, help='instructions per emulator invocation')
    ap.add_argument('--max-report', type=int, default=5, help='mismatching cases to print in full')
    ap.add_argument('--only', metavar='CLASSES',
                    help='generate only these comma-separated classes or groups (dp, mem, '
                    'branch, misc, or e.g. dp2,ldst_pair); for bring-up')
    ap.add_argument('--exclude', metavar='CLASSES', help='leave out these classes or groups')
    ap.add_argument('--sys-mmu', action='store_true',
                    help='system side runs with an identity-mapped MMU (RAM is Normal memory)')
    ap.add_argument('--unaligned', action='store_true',
                    help='also generate unaligned plain loads/stores (needs --sys-mmu)')
    ap.add_argument('--sys-arg', action='append', default=[], metavar='ARG',
                    help='extra argument for the system emulator (repeatable), e.g. -d in_asm')
    ap.add_argument('--cross-prefix', default='aarch64-linux-gnu-')
    ap.add_argument('--timeout', type=int, default=300)
    ap.add_argument('--keep', metavar='DIR', help='build in DIR and keep the files')
    ap.add_argument('--self-test', choices=['reg', 'nzcv', 'mem', 'fault'],
                    help='corrupt one case on the system side (or make it fault on both) and '
                    'succeed only if exactly that is reported')
    ap.add_argument('--shrink', action='store_true',
                    help='reduce each reported failing case to the fewest units that still fail')
    ap.add_argument('--stats', action='store_true',
                    help='print how many units of each class, and of each mnemonic, were run')
    ap.add_argument('--check-encodings', action='store_true',
                    help='also require objdump to decode every generated word')
    args = ap.parse_args()
    if not args.emulator and not args.model:
        ap.error('give --emulator, --model or both')
    if args.unaligned and args.emulator and not args.sys_mmu:
        ap.error('--unaligned needs --sys-mmu: with the MMU off data accesses are Device memory')
    gen.UNALIGNED = args.unaligned
    try:
        gen.ACTIVE_UNITS = gen.select_units(args.only and args.only.split(','),
                                            args.exclude and args.exclude.split(','))
    except ValueError as e:
        ap.error(str(e))
    if args.count is None:
        args.count = 1000000 if args.long else 20000

    t0 = time.time()
    tmp = None
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix='diff-')
        workdir = tmp.name
    builder = Builder(args, workdir)
    labels = ('ref:' + os.path.basename(args.reference),
              'sys:' + os.path.basename(args.emulator or 'none'))
    ncases = ninsns = nunits = model_errors = 0
    sys_faults, ref_faults = [], []
    kind_count, mnemonic_count = {}, {}
    mismatches = []
    printed = 0
    try:
        for chunk_no, cases in enumerate(chunks_of(args)):
            self_test = None
            if args.self_test == 'fault':
                victim = cases[len(cases) // 2]
                victim.units.append([gen.W(0x00000000, 'udf #0 (self-test)')])
                self_test = (victim.index,)
                user, sysimg = builder.build_chunk(chunk_no, cases)
            else:
                if args.self_test:
                    victim = cases[len(cases) // 2]
                    kind = {'reg': 0, 'nzcv': 1, 'mem': 2}[args.self_test]
                    which = 5 if kind == 0 else 7
                    self_test = (victim.index, kind, which)
                user, sysimg = builder.build_chunk(chunk_no, cases, self_test)
            if args.check_encodings:
                check_encodings(builder, user, cases)
            if args.stats:
                count_stats(builder, user, cases, kind_count, mnemonic_count)
            try:
                (uo, so), cmds = run_emulators(args, user, sysimg)
            except Hang as h:
                done = [int(l[1:], 16) for l in h.output.splitlines()
                        if l.startswith('c') and len(l) == 9]
                later = [c for c in cases if not done or c.index > done[-1]]
                if 'diff-begin' not in h.output:
                    print('HANG before the guest printed anything: check ELF loading, the '
                          'PL011 and the entry at EL1')
                elif later:
                    print('HANG in case %d (the last case that finished: %s)'
                          % (later[0].index, done[-1] if done else 'none'))
                    print(describe_case(builder, later[0], user))
                raise
            ures = parse_output(uo, labels[0])
            sres = parse_output(so, labels[1]) if so is not None else ures
            if args.self_test == 'fault':
                return fault_verdict(cases, ures, sres, self_test[0])
            if args.model:
                model_errors += check_model(args, builder, cases, ures, user, labels)
            for c in cases:
                ref, emu = ures.get(c.index), sres.get(c.index)
                if ref is None or emu is None:
                    raise HarnessError('case %d missing from the output' % c.index)
                ncases += 1
                ninsns += c.ninsns()
                nunits += len(c.units)
                rf, ef = isinstance(ref, GuestFault), isinstance(emu, GuestFault)
                if rf:
                    ref_faults.append(c.index)
                elif ef:
                    sys_faults.append(c.index)
                elif full_state(c, ref) != full_state(c, emu):
                    mismatches.append(c.index)
                else:
                    continue
                if printed < args.max_report:
                    print(report_any(args, builder, c, ref, emu, user, labels))
                    printed += 1
                    if args.shrink and not rf:
                        shrink(args, builder, c, labels)
            if args.self_test:
                return self_test_verdict(cases, ures, sres, mismatches, sys_faults + ref_faults,
                                         self_test)
    except HarnessError as e:
        print('HARNESS FAILURE: %s' % e)
        if tmp is None:
            print('files kept in %s' % workdir)
        return 2
    finally:
        if tmp is not None:
            tmp.cleanup()
    print('diff: seed %d, %d cases, %d instructions (%d under test, %d set-up), '
          '%d mismatching cases, %.1fs'
          % (args.seed, ncases, ninsns, nunits, ninsns - nunits, len(mismatches), time.time() - t0))
    print('diff: reference %s, system %s' % (args.reference, args.emulator or '(none)'))
    if args.stats:
        for title, d in (('units by class', kind_count),
                         ('instructions by mnemonic', mnemonic_count)):
            items = sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))
            print('diff: %s (%d kinds): %s'
                  % (title, len(items), ' '.join('%s:%d' % kv for kv in items)))
    if args.model:
        print('diff: model (tests/diff/model.py) disagreed with the reference on %d cases'
              % model_errors)
    if sys_faults:
        print('diff: %d cases faulted on the system side only: %s'
              % (len(sys_faults), ' '.join(str(i) for i in sys_faults[:50])))
    if ref_faults:
        print('diff: %d cases faulted on the reference (a generator or harness bug): %s'
              % (len(ref_faults), ' '.join(str(i) for i in ref_faults[:50])))
        return 2
    return 1 if mismatches or model_errors or sys_faults else 0


def fault_verdict(cases, ures, sres, victim):
    """--self-test fault: both sides must abandon exactly the victim and agree on the rest."""
    bad = []
    for c in cases:
        ref, emu = ures.get(c.index), sres.get(c.index)
        faulted = (isinstance(ref, GuestFault), isinstance(emu, GuestFault))
        if c.index == victim:
            if faulted != (True, True):
                bad.append('case %d: faults %s, expected on both sides' % (c.index, faulted))
        elif ref is None or emu is None or any(faulted) or \
                full_state(c, ref) != full_state(c, emu):
            bad.append('case %d: should have run and agreed' % c.index)
    if bad:
        print('SELF-TEST FAILED: ' + '; '.join(bad[:10]))
        return 1
    print('SELF-TEST PASSED: the fault planted in case %d was reported by both sides, and the '
          'other %d cases ran on and agreed:' % (victim, len(cases) - 1))
    print('  ' + ures[victim].line)
    print('  ' + sres[victim].line)
    return 0


def self_test_verdict(cases, ures, sres, mismatches, faults, self_test):
    """--self-test reg/nzcv/mem: exactly the corrupted field of exactly the victim must differ."""
    victim, kind, which = self_test
    want = {0: 'x%d' % which, 1: 'nzcv', 2: 'm+%03x' % (which * 8)}[kind]
    if mismatches != [victim] or faults:
        print('SELF-TEST FAILED: expected exactly case %d to mismatch, got %s (faults: %s)'
              % (victim, mismatches, faults))
        return 1
    c = next(c for c in cases if c.index == victim)
    ref, emu = ures[victim], sres[victim]
    rr, rm = full_state(c, ref)
    er, em = full_state(c, emu)
    diff = [REG_NAMES[i] for i in range(33) if rr[i] != er[i]] + \
        ['m+%03x' % o for o in rm if rm[o] != em[o]]
    if diff != [want]:
        print('SELF-TEST FAILED: expected only %s to differ, got %s' % (want, diff))
        return 1
    print('SELF-TEST PASSED: the injected %s corruption of case %d was detected and reported'
          % (want, victim))
    return 0


def check_model(args, builder, cases, ures, user, labels):
    """Run every case through model.py and compare with the reference; returns disagreements."""
    text_addr, text = elf_sections(user)['.text']
    syms = elf_symbols(builder.nm, user)
    bad = 0
    for c in cases:
        if isinstance(ures.get(c.index), GuestFault):
            continue
        cpu = model.Cpu(c.regs, c.sp, c.nzcv, gen.MEM_ADDR, c.mem, text_addr, text)
        try:
            cpu.run(syms['blk_%d' % c.index], syms['blkend_%d' % c.index])
        except (model.Unsupported, model.ModelFault) as e:
            bad += 1
            if bad <= args.max_report:
                print('MODEL CANNOT RUN case %d at pc 0x%x: %s' % (c.index, cpu.pc, e))
                print(describe_case(builder, c, user))
            continue
        regs = cpu.x + [cpu.sp, cpu.nzcv()]
        mem = {o: int.from_bytes(cpu.mem[o:o + 8], 'little') for o in range(0, gen.MEM_SIZE, 8)}
        init_mem = {o: int.from_bytes(c.mem[o:o + 8], 'little') for o in range(0, gen.MEM_SIZE, 8)}
        init = list(c.regs) + [c.sp, c.nzcv]
        mchanges = ({i: regs[i] for i in range(33) if regs[i] != init[i]},
                    {o: mem[o] for o in mem if mem[o] != init_mem[o]})
        if full_state(c, mchanges) != full_state(c, ures[c.index]):
            bad += 1
            if bad <= args.max_report:
                print(report(args, builder, c, 0, mchanges, ures[c.index], user,
                             ('model.py', labels[0]))
                      .replace('MISMATCH', 'MODEL MISMATCH', 1))
    return bad


def count_stats(builder, elf, cases, kind_count, mnemonic_count):
    for c in cases:
        for k in c.kinds or []:
            kind_count[k] = kind_count.get(k, 0) + 1
    syms = elf_symbols(builder.nm, elf)
    spans = sorted((syms['blk_%d' % c.index], syms['blkend_%d' % c.index]) for c in cases)
    starts = [a for a, _ in spans]
    text = run([builder.objdump, '-d', '--start-address=0x%x' % spans[0][0],
                '--stop-address=0x%x' % spans[-1][1], elf])
    for line in text.splitlines():
        parts = line.split('\t')
        if len(parts) < 3 or not line.startswith('  '):
            continue
        addr = int(parts[0].strip().rstrip(':'), 16)
        i = bisect.bisect_right(starts, addr) - 1
        if i >= 0 and addr < spans[i][1]:          # inside a block, not a case stub
            m = parts[2].split()[0]
            mnemonic_count[m] = mnemonic_count.get(m, 0) + 1


def check_encodings(builder, elf, cases):
    """objdump must decode every word of every block (catches generator encoding slips)."""
    syms = elf_symbols(builder.nm, elf)
    lo = min(syms['blk_%d' % c.index] for c in cases)
    hi = max(syms['blkend_%d' % c.index] for c in cases)
    text = run([builder.objdump, '-d', '--start-address=0x%x' % lo, '--stop-address=0x%x' % hi,
                elf])
    bad = [l for l in text.splitlines() if 'undefined' in l or '.inst' in l]
    if bad:
        raise HarnessError('objdump cannot decode %d generated words, e.g.\n%s'
                           % (len(bad), '\n'.join(bad[:10])))


if __name__ == '__main__':
    sys.exit(main())
