#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Random A64 base-integer instructions for differential testing (encodings from the Arm ARM).
"""
Every instruction word below is assembled here from the field layouts in the
Arm Architecture Reference Manual (section C4, "A64 instruction set encoding").
None of it is shared with Granule's decoder, on purpose: a misunderstanding of
an encoding must not be able to hide itself by being made twice.

A test case is a list of *units*.  A unit is one instruction under test plus
the set-up instructions it needs (a base register pointing into the data
buffer, an index register, a branch target register).  Branches only ever jump
to a later unit boundary or to the end of the block, so every path ends at the
block end and set-up is never skipped.

Items of a unit:
  ('w', word, text)   a fixed instruction word (text is a hint for humans)
  ('a', text)         one instruction written for the assembler (ADRP to a symbol)
  ('p', fn, text)     a PC-relative word, fn(pos, starts, unit) -> word, resolved
                      once the layout of the whole block is known (pos: its word
                      index, starts: word index of every unit and of the end,
                      unit: index of its own unit); deterministic, so that a
                      case can be rebuilt with units removed (--shrink)
"""

import random
import sys

MASK64 = (1 << 64) - 1
MASK32 = (1 << 32) - 1

# Fixed by link.ld; both the user-mode and the bare-metal image use them.
MEM_ADDR = 0x40200000
MEM_SIZE = 512

# Set by the runner: plain loads and stores (not exclusives, atomics, acquire/release) may be
# unaligned.  Only valid when the system side runs with its MMU on (--sys-mmu), because with the
# MMU off every data access is to Device memory and an unaligned one faults.
UNALIGNED = False

SPECIAL = [0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 31, 32, 63, 64,
           0x7fffffff, 0x80000000, 0xffffffff, 0x100000000, 0xffffffff80000000,
           0x7fffffffffffffff, 0x8000000000000000, MASK64, MASK64 - 1, 0x00000000ffffffff,
           0x5555555555555555, 0xaaaaaaaaaaaaaaaa, 0x0123456789abcdef]


def rand_value(rng):
    """A register or memory value biased towards the interesting corners."""
    r = rng.random()
    if r < 0.30:
        return rng.choice(SPECIAL)
    if r < 0.45:
        return rng.randint(-300, 300) & MASK64
    if r < 0.60:
        v = rng.getrandbits(32)
        return v if rng.random() < 0.5 else (v | (MASK64 ^ MASK32) if v & 0x80000000 else v)
    return rng.getrandbits(64)


# ---------------------------------------------------------------- helpers

def ri(rng, lo=0, hi=30):
    return rng.randint(lo, hi)


# A few "hot" registers per case, picked often, so that results feed later instructions
# (dependency chains are where a JIT's register allocation and flag handling go wrong).
HOT = [0, 1, 2, 3]


def reg_any(rng):
    """0..30, often one of the case's hot registers, or 31 (ZR or SP by context) now and then."""
    r = rng.random()
    if r < 0.06:
        return 31
    if r < 0.45:
        return rng.choice(HOT)
    return rng.randint(0, 30)


def rname(n, sf, sp=False):
    if n == 31:
        return ('sp' if sf else 'wsp') if sp else ('xzr' if sf else 'wzr')
    return ('x%d' if sf else 'w%d') % n


def W(word, text):
    return ('w', word & MASK32, text)


def add_imm(sf, sub, setflags, rd, rn, imm12, sh=0):
    return (sf << 31) | (sub << 30) | (setflags << 29) | (0b100010 << 23) | (sh << 22) | \
        (imm12 << 10) | (rn << 5) | rd


def movw(sf, opc, hw, imm16, rd):
    """opc: 0 MOVN, 2 MOVZ, 3 MOVK."""
    return (sf << 31) | (opc << 29) | (0b100101 << 23) | (hw << 21) | (imm16 << 5) | rd


def load_const(rd, value):
    """MOVZ/MOVN + MOVK sequence that puts a 64-bit value into Xrd."""
    value &= MASK64
    halves = [(value >> (16 * i)) & 0xffff for i in range(4)]
    ones = sum(1 for h in halves if h == 0xffff)
    zeros = sum(1 for h in halves if h == 0)
    out = []
    if ones > zeros:
        first = next((i for i in range(4) if halves[i] != 0xffff), 0)
        out.append(W(movw(1, 0, first, (~halves[first]) & 0xffff, rd),
                     'movn x%d, #0x%x, lsl #%d' % (rd, (~halves[first]) & 0xffff, 16 * first)))
        skip = 0xffff
    else:
        first = next((i for i in range(4) if halves[i] != 0), 0)
        out.append(W(movw(1, 2, first, halves[first], rd),
                     'movz x%d, #0x%x, lsl #%d' % (rd, halves[first], 16 * first)))
        skip = 0
    for i in range(4):
        if i != first and halves[i] != skip:
            out.append(W(movw(1, 3, i, halves[i], rd),
                         'movk x%d, #0x%x, lsl #%d' % (rd, halves[i], 16 * i)))
    return out


def set_base(rng, rn, off, tmp_pool):
    """Items that make Xrn (or SP when rn == 31) equal MEM_ADDR + off."""
    assert -4095 <= off <= 4095
    items = []
    t = rn if rn != 31 else rng.choice(tmp_pool)
    if rng.random() < 0.5:
        items.append(('a', 'adrp x%d, diff_mem' % t))
        cur = MEM_ADDR
    else:
        items += load_const(t, MEM_ADDR + min(off, 0))
        cur = MEM_ADDR + min(off, 0)
    d = MEM_ADDR + off - cur
    if rn == 31 or d != 0:
        sub = 1 if d < 0 else 0
        items.append(W(add_imm(1, sub, 0, rn, t, abs(d)),
                       '%s %s, x%d, #%d' % ('sub' if sub else 'add', rname(rn, 1, True), t,
                                            abs(d))))
    return items


def pick_distinct(rng, n, exclude=(), lo=0, hi=30):
    pool = [r for r in range(lo, hi + 1) if r not in exclude]
    return rng.sample(pool, n)


def aligned_addr(rng, size, align=None):
    align = align or size
    return rng.randrange(0, MEM_SIZE - size + 1, align)


# ---------------------------------------------------------------- data processing, immediate

def u_addsub_imm(rng):
    sf, sub, s = rng.getrandbits(1), rng.getrandbits(1), rng.getrandbits(1)
    rd, rn = reg_any(rng), reg_any(rng)
    imm, sh = rng.getrandbits(12), rng.getrandbits(1)
    return [W(add_imm(sf, sub, s, rd, rn, imm, sh), 'add/sub imm')]


def bitmask_fields(rng, sf):
    """A valid (N, immr, imms) triple for logical immediates."""
    sizes = [2, 4, 8, 16, 32] + ([64] if sf else [])
    e = rng.choice(sizes)
    ones = rng.randint(1, e - 1)            # all-ones is reserved
    rot = rng.randrange(e)
    if e == 64:
        n, imms = 1, ones - 1
    else:
        n = 0
        prefix = {32: 0b000000, 16: 0b100000, 8: 0b110000, 4: 0b111000, 2: 0b111100}[e]
        imms = prefix | (ones - 1)
    immr = rot
    if e < 64 and rng.random() < 0.3 and sf:
        immr |= rng.getrandbits(6) & ~(e - 1) & 0x3f   # bits above the element size are ignored
    if not sf:
        immr &= 0x1f
    return n, immr, imms


def u_logic_imm(rng):
    sf = rng.getrandbits(1)
    opc = rng.randrange(4)
    n, immr, imms = bitmask_fields(rng, sf)
    rd, rn = reg_any(rng), reg_any(rng)
    return [W((sf << 31) | (opc << 29) | (0b100100 << 23) | (n << 22) | (immr << 16) |
              (imms << 10) |
              (rn << 5) | rd, 'logical imm')]


def u_movewide(rng):
    sf = rng.getrandbits(1)
    opc = rng.choice([0, 2, 3])
    hw = rng.randrange(4 if sf else 2)
    imm = rng.choice([rng.getrandbits(16), 0, 0xffff, 0x8000])
    return [W(movw(sf, opc, hw, imm, reg_any(rng)), 'move wide')]


def u_bitfield(rng):
    sf = rng.getrandbits(1)
    opc = rng.randrange(3)
    width = 64 if sf else 32
    immr, imms = rng.randrange(width), rng.randrange(width)
    return [W((sf << 31) | (opc << 29) | (0b100110 << 23) | (sf << 22) | (immr << 16) |
              (imms << 10) |
              (reg_any(rng) << 5) | reg_any(rng), 'bitfield')]


def u_extr(rng):
    sf = rng.getrandbits(1)
    lsb = rng.randrange(64 if sf else 32)
    return [W((sf << 31) | (0b00100111 << 23) | (sf << 22) | (reg_any(rng) << 16) | (lsb << 10) |
              (reg_any(rng) << 5) | reg_any(rng), 'extr')]


def u_adr(rng):
    op = rng.getrandbits(1)
    imm = rng.getrandbits(21) if rng.random() < 0.5 else rng.randint(-64, 64) & 0x1fffff
    return [W((op << 31) | ((imm & 3) << 29) | (0b10000 << 24) | ((imm >> 2) << 5) | reg_any(rng),
              'adrp' if op else 'adr')]


# ---------------------------------------------------------------- data processing, register

def u_logic_reg(rng):
    sf = rng.getrandbits(1)
    opc, shift, n = rng.randrange(4), rng.randrange(4), rng.getrandbits(1)
    imm6 = rng.randrange(64 if sf else 32) if rng.random() < 0.6 else 0
    return [W((sf << 31) | (opc << 29) | (0b01010 << 24) | (shift << 22) | (n << 21) |
              (reg_any(rng) << 16) |
              (imm6 << 10) | (reg_any(rng) << 5) | reg_any(rng), 'logical reg')]


def u_addsub_shift(rng):
    sf, op, s = rng.getrandbits(1), rng.getrandbits(1), rng.getrandbits(1)
    shift = rng.randrange(3)
    imm6 = rng.randrange(64 if sf else 32) if rng.random() < 0.6 else 0
    return [W((sf << 31) | (op << 30) | (s << 29) | (0b01011 << 24) | (shift << 22) |
              (reg_any(rng) << 16) |
              (imm6 << 10) | (reg_any(rng) << 5) | reg_any(rng), 'add/sub shifted')]


def u_addsub_ext(rng):
    sf, op, s = rng.getrandbits(1), rng.getrandbits(1), rng.getrandbits(1)
    option, imm3 = rng.randrange(8), rng.randrange(5)
    return [W((sf << 31) | (op << 30) | (s << 29) | (0b01011001 << 21) | (reg_any(rng) << 16) |
              (option << 13) | (imm3 << 10) | (reg_any(rng) << 5) | reg_any(rng),
              'add/sub extended')]


def u_adc(rng):
    sf, op, s = rng.getrandbits(1), rng.getrandbits(1), rng.getrandbits(1)
    return [W((sf << 31) | (op << 30) | (s << 29) | (0b11010000 << 21) | (reg_any(rng) << 16) |
              (reg_any(rng) << 5) | reg_any(rng), 'adc/sbc')]


def u_ccmp(rng):
    sf, op, imm = rng.getrandbits(1), rng.getrandbits(1), rng.getrandbits(1)
    rm = rng.getrandbits(5) if imm else reg_any(rng)
    return [W((sf << 31) | (op << 30) | (1 << 29) | (0b11010010 << 21) | (rm << 16) |
              (rng.randrange(16) << 12) |
              (imm << 11) | (reg_any(rng) << 5) | rng.randrange(16), 'ccmp/ccmn')]


def u_csel(rng):
    sf, op, op2 = rng.getrandbits(1), rng.getrandbits(1), rng.getrandbits(1)
    return [W((sf << 31) | (op << 30) | (0b11010100 << 21) | (reg_any(rng) << 16) |
              (rng.randrange(16) << 12) |
              (op2 << 10) | (reg_any(rng) << 5) | reg_any(rng), 'csel')]


def u_dp2(rng):
    kind = rng.choice(['div', 'div', 'shift', 'crc'])
    items = []
    if kind == 'div':
        sf, opcode = rng.getrandbits(1), rng.choice([0b000010, 0b000011])
        rd, rn, rm = reg_any(rng), ri(rng), ri(rng)
        r = rng.random()
        if r < 0.15 and rn != rm:      # INT_MIN / -1
            items += load_const(rn, 0x8000000000000000 if sf else 0xdeadbeef80000000)
            items += load_const(rm, MASK64 if sf else 0x12345678ffffffff)
        elif r < 0.3:                   # divide by zero
            items += load_const(rm, 0 if sf else 0x5a5a5a5a00000000)
    elif kind == 'shift':
        sf, opcode = rng.getrandbits(1), rng.choice([0b001000, 0b001001, 0b001010, 0b001011])
        rd, rn, rm = reg_any(rng), reg_any(rng), reg_any(rng)
    else:
        c, sz = rng.getrandbits(1), rng.randrange(4)
        sf, opcode = (1 if sz == 3 else 0), 0b010000 | (c << 2) | sz
        rd, rn, rm = reg_any(rng), reg_any(rng), reg_any(rng)
    items.append(W((sf << 31) | (0b11010110 << 21) | (rm << 16) | (opcode << 10) | (rn << 5) | rd,
                   'dp 2-source'))
    return items


def u_dp1(rng):
    sf = rng.getrandbits(1)
    opcode = rng.choice([0, 1, 2, 4, 5] + ([3] if sf else []))
    return [W((sf << 31) | (1 << 30) | (0b11010110 << 21) | (opcode << 10) | (reg_any(rng) << 5) |
              reg_any(rng),
              'dp 1-source')]


def u_dp3(rng):
    op = rng.choice([(1, 0, 0), (1, 0, 1), (0, 0, 0), (0, 0, 1), (1, 1, 0), (1, 1, 1), (1, 2, 0),
                     (1, 5, 0), (1, 5, 1), (1, 6, 0)])
    sf, op31, o0 = op
    ra = 31 if op31 in (2, 6) else reg_any(rng)
    return [W((sf << 31) | (0b11011 << 24) | (op31 << 21) | (reg_any(rng) << 16) | (o0 << 15) |
              (ra << 10) |
              (reg_any(rng) << 5) | reg_any(rng), 'dp 3-source')]


def u_flagm(rng):
    k = rng.randrange(4)
    if k == 0:
        return [W(0xd500401f, 'cfinv')]
    if k == 1:
        return [W(0xba000400 | (rng.randrange(64) << 15) | (reg_any(rng) << 5) | rng.randrange(16),
                  'rmif')]
    if k == 2:
        return [W(0x3a00080d | (rng.getrandbits(1) << 14) | (reg_any(rng) << 5), 'setf8/16')]
    return [W(rng.choice([0xd500403f, 0xd500405f]), 'xaflag/axflag')]


def u_misc(rng):
    """Hints, barriers and prefetches: architectural no-ops for this state, decoded all the same."""
    k = rng.randrange(4)
    if k == 0:
        # NOP, YIELD, CSDB, ESB, then BTI, BTI c, BTI j, BTI jc
        return [W(rng.choice([0xd503201f, 0xd503203f, 0xd503229f, 0xd503221f,
                              0xd503241f, 0xd503245f, 0xd503249f, 0xd50324df]), 'hint')]
    if k == 1:
        crm = rng.randrange(16)
        return [W(rng.choice([0xd50330bf | (crm << 8),                            # DMB
                              0xd503309f | (crm << 8),                            # DSB, SSBB, PSSBB
                              0xd5033fdf]),                                       # ISB
                  'barrier')]
    prfop = rng.choice([0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 21])
    rn, rm = reg_any(rng), reg_any(rng)
    form = rng.randrange(4)
    if form == 0:                                                                 # PRFM (imm)
        return [W(0xf9800000 | (rng.getrandbits(12) << 10) | (rn << 5) | prfop, 'prfm')]
    if form == 1:                                                                 # PRFUM
        return [W(0xf8800000 | (rng.getrandbits(9) << 12) | (rn << 5) | prfop, 'prfum')]
    if form == 2:                                                                 # PRFM (reg)
        option = rng.choice([0b010, 0b011, 0b110, 0b111])
        return [W(0xf8a00800 | (rm << 16) | (option << 13) | (rng.getrandbits(1) << 12) |
                  (rn << 5) | prfop, 'prfm reg')]
    return [W(0xd8000000 | (rng.getrandbits(19) << 5) | prfop, 'prfm literal')]


# ---------------------------------------------------------------- loads and stores

# (size log2, opc) pairs that are real loads/stores in the single-register classes.
LS_OPS = [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2), (1, 3), (2, 0), (2, 1), (2, 2),
          (3, 0), (3, 1)]


def ls_rt(rng, rn, opc, writeback):
    """Transfer register: for writeback forms it must differ from the base."""
    while True:
        rt = reg_any(rng)
        if not (writeback and rt == rn and rn != 31):
            return rt


def base_reg(rng, exclude=()):
    if rng.random() < 0.1:
        return 31
    return rng.choice([r for r in range(31) if r not in exclude])


def pick_base_addr(rng, rn, n, align, offset_fn):
    """Choose (base, addr, param) with addr = base + offset inside the buffer and aligned, the base
    settable by set_base, and 16-byte aligned when it is SP.
    offset_fn(rng, n) -> (param, offset, post)
    where post means the access uses the base itself."""
    for _ in range(1000):
        param, off, post = offset_fn(rng, n)
        if rn == 31:
            base = rng.randrange(-256, MEM_SIZE + 256, 16)
        else:
            base = aligned_addr(rng, n, align) - (0 if post else off)
        addr = base if post else base + off
        if 0 <= addr <= MEM_SIZE - n and addr % align == 0 and -4095 <= base <= 4095:
            return base, addr, param
    raise RuntimeError('no address found')


def plain_align(rng, n):
    """Alignment for an ordinary load or store of n bytes: half of them unaligned if allowed."""
    if UNALIGNED and n > 1 and rng.random() < 0.5:
        return 1
    return n


def addr_for(rng, rn, n, align=None):
    align = align or n
    return aligned_addr(rng, n, 16 if rn == 31 else align)


def u_ldst_single(rng):
    size, opc = rng.choice(LS_OPS)
    n = 1 << size
    mode = rng.choice(['uimm', 'uimm', 'unscaled', 'pre', 'post', 'regoff', 'regoff', 'unpriv'])
    rn = base_reg(rng)
    tmp = [r for r in range(31) if r != rn]
    items = []
    if mode == 'uimm':
        def offs(rng, n):
            k = rng.randint(0, 4095) if rng.random() < 0.2 else rng.randint(0, MEM_SIZE // n)
            return k, k * n, False
        base, a, imm12 = pick_base_addr(rng, rn, n, plain_align(rng, n), offs)
        items += set_base(rng, rn, base, tmp)
        rt = ls_rt(rng, rn, opc, False)
        word = (size << 30) | (0b111001 << 24) | (opc << 22) | (imm12 << 10) | (rn << 5) | rt
    elif mode in ('unscaled', 'pre', 'post', 'unpriv'):
        def offs(rng, n):
            k = rng.randint(-256, 255)
            return k, k, mode == 'post'
        base, a, imm9 = pick_base_addr(rng, rn, n, plain_align(rng, n), offs)
        bits = {'unscaled': 0, 'post': 1, 'unpriv': 2, 'pre': 3}[mode]
        items += set_base(rng, rn, base, tmp)
        rt = ls_rt(rng, rn, opc, mode in ('pre', 'post'))
        word = ((size << 30) | (0b111000 << 24) | (opc << 22) | ((imm9 & 0x1ff) << 12) |
                (bits << 10) | (rn << 5) | rt)
    else:
        option = rng.choice([0b010, 0b011, 0b110, 0b111])
        s = rng.getrandbits(1)
        sh = size if s else 0
        rm = rng.choice([r for r in range(31) if r != rn] + [31])

        def offs(rng, n):
            if rm == 31:
                idx = 0
            elif option == 0b010:
                idx = rng.randint(0, 64)
            else:
                idx = rng.randint(-64, 64)
            return idx, idx << sh, False
        base, a, idx = pick_base_addr(rng, rn, n, plain_align(rng, n), offs)
        if rm != 31:
            val = idx & MASK64
            if option in (0b010, 0b110):
                val = (idx & MASK32) | (rng.getrandbits(32) << 32 if rng.random() < 0.5 else 0)
            items += load_const(rm, val)
        items += set_base(rng, rn, base, [r for r in tmp if r != rm])
        rt = ls_rt(rng, rn, opc, False)
        word = ((size << 30) | (0b111000 << 24) | (opc << 22) | (1 << 21) | (rm << 16) |
                (option << 13) | (s << 12) | (0b10 << 10) | (rn << 5) | rt)
    items.append(W(word, 'ldst %s' % mode))
    return items


def u_ldst_pair(rng):
    kind = rng.choice(['w', 'x', 'x', 'sw'])
    opc, n = {'w': (0, 4), 'x': (2, 8), 'sw': (1, 4)}[kind]
    load = 1 if kind == 'sw' else rng.getrandbits(1)
    if kind != 'sw':
        mode = rng.choice([0b000, 0b001, 0b010, 0b010, 0b011])
    else:
        mode = rng.choice([1, 2, 3])
    rn = base_reg(rng)
    tmp = [r for r in range(31) if r != rn]

    def offs(rng, _):
        k = rng.randint(-64, 63)
        return k, k * n, mode == 0b001
    base, a, imm7 = pick_base_addr(rng, rn, 2 * n, plain_align(rng, n), offs)
    items = set_base(rng, rn, base, tmp)
    wb = mode in (0b001, 0b011)
    while True:
        rt, rt2 = reg_any(rng), reg_any(rng)
        if load and rt == rt2:
            continue
        if wb and rn != 31 and rn in (rt, rt2):
            continue
        break
    items.append(W((opc << 30) | (0b101 << 27) | (mode << 23) | (load << 22) |
                   ((imm7 & 0x7f) << 15) |
                   (rt2 << 10) | (rn << 5) | rt, 'ldst pair'))
    return items


def excl_word(size, o2, l, o1, rs, o0, rt2, rn, rt):
    return ((size << 30) | (0b001000 << 24) | (o2 << 23) | (l << 22) | (o1 << 21) | (rs << 16) |
            (o0 << 15) | (rt2 << 10) | (rn << 5) | rt)


def u_exclusive(rng):
    kind = rng.choice(['pair', 'pair', 'pairp', 'lone-st', 'lone-ld'])
    if kind == 'pairp':
        size = rng.choice([2, 3])
        n = 2 << size
    else:
        size = rng.randrange(4)
        n = 1 << size
    rn = base_reg(rng)
    a = addr_for(rng, rn, n)
    items = set_base(rng, rn, a, [r for r in range(31) if r != rn])
    if kind in ('pair', 'lone-ld'):
        rt = rng.choice([r for r in range(31) if r != rn])
        items.append(W(excl_word(size, 0, 1, 0, 31, rng.getrandbits(1), 31, rn, rt), 'ldxr'))
        if kind == 'lone-ld':
            items.append(W(0xd503305f | (rng.randrange(16) << 8), 'clrex'))
            return items
    elif kind == 'pairp':
        rt, rt2 = pick_distinct(rng, 2, exclude=(rn,))
        items.append(W(excl_word(size, 0, 1, 1, 31, rng.getrandbits(1), rt2, rn, rt), 'ldxp'))
    rs = rng.choice([r for r in range(31) if r != rn])
    rt = rng.choice([r for r in range(32) if r != rs])
    if kind == 'pairp':
        rt2 = rng.choice([r for r in range(32) if r != rs])
        items.append(W(excl_word(size, 0, 0, 1, rs, rng.getrandbits(1), rt2, rn, rt), 'stxp'))
    else:
        items.append(W(excl_word(size, 0, 0, 0, rs, rng.getrandbits(1), 31, rn, rt), 'stxr'))
    return items


def u_acqrel(rng):
    size = rng.randrange(4)
    n = 1 << size
    rn = base_reg(rng)
    items = set_base(rng, rn, addr_for(rng, rn, n), [r for r in range(31) if r != rn])
    k = rng.choice(['ldar', 'stlr', 'ldlar', 'stllr', 'ldapr'])
    rt = reg_any(rng)
    if k == 'ldapr':
        word = (size << 30) | (0b111000101 << 21) | (31 << 16) | (0b110000 << 10) | (rn << 5) | rt
    else:
        l = 1 if k.startswith('ld') else 0
        o0 = 0 if k in ('ldlar', 'stllr') else 1
        word = excl_word(size, 1, l, 0, 31, o0, 31, rn, rt)
    items.append(W(word, k))
    return items


def u_rcpc2(rng):
    """LDAPUR*/STLUR* (unscaled, acquire/release, FEAT_LRCPC2)."""
    size, opc = rng.choice([(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2), (1, 3), (2, 0),
                            (2, 1),
                            (2, 2), (3, 0), (3, 1)])
    n = 1 << size
    rn = base_reg(rng)

    def offs(rng, n):
        k = rng.randint(-256, 255)
        return k, k, False
    base, a, imm9 = pick_base_addr(rng, rn, n, n, offs)
    items = set_base(rng, rn, base, [r for r in range(31) if r != rn])
    items.append(W((size << 30) | (0b011001 << 24) | (opc << 22) | ((imm9 & 0x1ff) << 12) |
                   (rn << 5) |
                   reg_any(rng), 'ldapur/stlur'))
    return items


def u_atomic(rng):
    size = rng.randrange(4)
    n = 1 << size
    rn = base_reg(rng)
    items = set_base(rng, rn, addr_for(rng, rn, n), [r for r in range(31) if r != rn])
    a, r = rng.getrandbits(1), rng.getrandbits(1)
    if rng.random() < 0.15:
        o3, opc = 1, 0          # SWP
    else:
        o3, opc = 0, rng.randrange(8)
    items.append(W((size << 30) | (0b111000 << 24) | (a << 23) | (r << 22) | (1 << 21) |
                   (reg_any(rng) << 16) |
                   (o3 << 15) | (opc << 12) | (rn << 5) | reg_any(rng), 'lse atomic'))
    return items


def u_cas(rng):
    pair = rng.random() < 0.35
    l, o0 = rng.getrandbits(1), rng.getrandbits(1)
    if pair:
        sz = rng.getrandbits(1)          # 0: 32-bit pair, 1: 64-bit pair
        n = 4 << sz
        rn = base_reg(rng)
        evens = [r for r in range(0, 30, 2) if r != rn and r + 1 != rn]
        rs, rt = rng.choice(evens), rng.choice(evens)
        a = addr_for(rng, rn, 2 * n)
        items = set_base(rng, rn, a, [r for r in range(31) if r not in (rn, rs, rs + 1)])
        if rng.random() < 0.5 and rs != rn:      # make the compare succeed
            opcp = 2 if sz else 0
            items.append(W((opcp << 30) | (0b101 << 27) | (0b010 << 23) | (1 << 22) |
                           ((rs + 1) << 10) |
                           (rn << 5) | rs, 'ldp (cas setup)'))
        items.append(W((sz << 30) | (0b001000 << 24) | (l << 22) | (1 << 21) | (rs << 16) |
                       (o0 << 15) |
                       (31 << 10) | (rn << 5) | rt, 'casp'))
        return items
    size = rng.randrange(4)
    n = 1 << size
    rn = base_reg(rng)
    rs = rng.choice([r for r in range(31) if r != rn])
    items = set_base(rng, rn, addr_for(rng, rn, n), [r for r in range(31) if r not in (rn, rs)])
    if rng.random() < 0.5:
        items.append(W((size << 30) | (0b111001 << 24) | (1 << 22) | (rn << 5) | rs,
                       'ldr (cas setup)'))
    items.append(W(excl_word(size, 1, l, 1, rs, o0, 31, rn, reg_any(rng)), 'cas'))
    return items


# ---------------------------------------------------------------- Cryptographic Extension

def crypto_words(rng):
    """One Cryptographic Extension instruction (or 64-bit PMULL/PMULL2): (word, text, vd, srcs)."""
    d, n, m, a = (rng.randrange(32) for _ in range(4))
    k = rng.randrange(9)
    if k == 0:      # AESE, AESD, AESMC, AESIMC: 01001110 00 10100 opcode 10 Rn Rd
        return 0x4e280800 | (rng.randrange(4, 8) << 12) | (n << 5) | d, 'aes', d, [d, n]
    if k in (1, 2):  # SHA1C/P/M, SHA1SU0, SHA256H/H2/SU1: 01011110 000 Rm 0 opcode 00 Rn Rd
        return 0x5e000000 | (m << 16) | (rng.randrange(7) << 12) | (n << 5) | d, 'sha 3reg', d, \
            [d, n, m]
    if k == 3:      # SHA1H, SHA1SU1, SHA256SU0: 01011110 00 10100 opcode 10 Rn Rd
        return 0x5e280800 | (rng.randrange(3) << 12) | (n << 5) | d, 'sha 2reg', d, [d, n]
    if k == 4:      # SHA512H/H2/SU1, RAX1: 11001110 011 Rm 1 0 00 opcode Rn Rd
        return 0xce608000 | (m << 16) | (rng.randrange(4) << 10) | (n << 5) | d, 'sha512 3reg', \
            d, [d, n, m]
    if k == 5:      # SHA512SU0
        return 0xcec08000 | (n << 5) | d, 'sha512su0', d, [d, n]
    if k == 6:      # EOR3, BCAX: 11001110 0 Op0 Rm 0 Ra Rn Rd
        return 0xce000000 | (rng.randrange(2) << 21) | (m << 16) | (a << 10) | (n << 5) | d, \
            'eor3/bcax', d, [n, m, a]
    if k == 7:      # XAR: 11001110 100 Rm imm6 Rn Rd
        return 0xce800000 | (m << 16) | (rng.randrange(64) << 10) | (n << 5) | d, 'xar', d, [n, m]
    # PMULL/PMULL2 (1Q): 0 Q 0 01110 11 1 Rm 1110 00 Rn Rd
    return 0x0ee0e000 | (rng.getrandbits(1) << 30) | (m << 16) | (n << 5) | d, 'pmull 1q', d, [n, m]


def u_crypto(rng):
    """Source vector registers loaded from general registers (FMOV Dd, Xn; INS Vd.D[1], Xn), one
    crypto instruction, and the result read back (FMOV Xd, Dn; UMOV Xd, Vn.D[1]), so that the
    general-register comparison sees it. Only with --only crypto (weight 0 in UNITS)."""
    word, text, vd, srcs = crypto_words(rng)
    items = []
    for v in srcs:
        items.append(W(0x9e670000 | (reg_any(rng) << 5) | v, 'fmov d, x (crypto setup)'))
        items.append(W(0x4e181c00 | (reg_any(rng) << 5) | v, 'ins v.d[1], x (crypto setup)'))
    items.append(W(word, text))
    items.append(W(0x9e660000 | (vd << 5) | ri(rng), 'fmov x, d (crypto result)'))
    items.append(W(0x4e183c00 | (vd << 5) | ri(rng), 'umov x, v.d[1] (crypto result)'))
    return items


# ---------------------------------------------------------------- FP/SIMD (trans-simd-fpel.c)

FP_SPECIAL_S = [0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc00001, 0x7f800001,
                0xffa00000, 1, 0x807fffff, 0x00800000, 0x7f7fffff, 0x3f800000, 0xbf800000,
                0x40000000, 0x3f800001, 0x7e800000, 0x7f000000, 0x00200000, 0x001fffff,
                0x80000000 | 0x00400000, 0x4f000000, 0xcf000000, 0x5f000000, 0x3effffff]
FP_SPECIAL_D = [0, 1 << 63, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
                0x7ff8000000000001, 0x7ff0000000000001, 1, 0x800fffffffffffff,
                0x0010000000000000, 0x7fefffffffffffff, 0x3ff0000000000000, 0xbff0000000000000,
                0x4000000000000000, 0x3ff0000000000001, 0x7fd0000000000000, 0x7fe0000000000000,
                0x0004000000000000, 0x0003ffffffffffff, 0x3ff0000001000000, 0x3ff0000010000000,
                0x43e0000000000000, 0xc3e0000000000000, 0x47efffffe0000000, 0x3810000000000000,
                0x36a0000000000000]


def fp_elem_value(rng, dp):
    """A single or double: a special value, or a random one with a small exponent range."""
    if rng.random() < 0.45:
        return rng.choice(FP_SPECIAL_D if dp else FP_SPECIAL_S)
    if dp:
        e = rng.choice([rng.randrange(1008, 1040), rng.randrange(2048)])
        return (rng.getrandbits(1) << 63) | (e << 52) | rng.getrandbits(52)
    e = rng.choice([rng.randrange(112, 144), rng.randrange(256)])
    return (rng.getrandbits(1) << 31) | (e << 23) | rng.getrandbits(23)


def fp_reg_value(rng):
    """128 bits made of singles, doubles or integers (lane sizes are picked per half)."""
    halves = []
    for _ in range(2):
        k = rng.randrange(3)
        if k == 0:
            halves.append(fp_elem_value(rng, True))
        elif k == 1:
            halves.append(fp_elem_value(rng, False) | (fp_elem_value(rng, False) << 32))
        else:
            halves.append(rand_value(rng))
    return halves


def fpsimd_word(rng):
    """One FP/SIMD instruction of trans-simd-fpel.c: (word, text)."""
    d, n, m = (rng.randrange(32) for _ in range(3))
    sz = rng.getrandbits(1)
    q = 1 if sz else rng.getrandbits(1)
    k = rng.randrange(9)
    if k == 0:      # three same vector: 0 Q U 01110 a sz 1 Rm opcode 1 Rn Rd
        u, a, opc = rng.choice([(0, 0, 0b11001), (0, 1, 0b11001), (0, 0, 0b11011), (0, 0, 0b11111),
                                (0, 1, 0b11111)])
        return (q << 30) | (u << 29) | 0x0e200400 | (a << 23) | (sz << 22) | (m << 16) | \
            (opc << 11) | (n << 5) | d, 'fp three same (vector)'
    if k == 1:      # scalar three same: 01 U 11110 a sz 1 Rm opcode 1 Rn Rd
        u, a, opc = rng.choice([(0, 0, 0b11011), (0, 0, 0b11111), (0, 1, 0b11111), (1, 1, 0b11010),
                                (0, 0, 0b11100), (1, 0, 0b11100), (1, 1, 0b11100), (1, 0, 0b11101),
                                (1, 1, 0b11101)])
        return 0x5e200400 | (u << 29) | (a << 23) | (sz << 22) | (m << 16) | (opc << 11) | \
            (n << 5) | d, 'fp three same (scalar)'
    if k in (2, 3):  # by element: 0 Q U 01111 1 sz L M Rm opcode H 0 Rn Rd (scalar: 01 U 11111)
        u, opc = rng.choice([(0, 0b0001), (0, 0b0101), (0, 0b1001), (1, 0b1001)])
        idx = rng.randrange(2 if sz else 4)
        h, l = (idx, 0) if sz else (idx >> 1, idx & 1)
        base = 0x5f800000 if k == 3 else 0x0f800000 | (q << 30)
        return base | (u << 29) | (sz << 22) | (l << 21) | (m << 16) | (opc << 12) | \
            (h << 11) | (n << 5) | d, 'fp by element'
    if k == 4:      # two-register misc vector: 0 Q U 01110 a sz 10000 opcode 10 Rn Rd
        u, a, s2, opc = rng.choice([(0, 1, sz, 0b11101), (1, 1, sz, 0b11101), (0, 1, 0, 0b11100),
                                    (1, 1, 0, 0b11100), (0, 0, 1, 0b10110), (1, 0, 1, 0b10110),
                                    (0, 0, 1, 0b10111)])
        qq = rng.getrandbits(1) if (s2 == 0 or opc in (0b10110, 0b10111)) else 1
        return (qq << 30) | (u << 29) | 0x0e200800 | (a << 23) | (s2 << 22) | (0b10000 << 17) | \
            (opc << 12) | (n << 5) | d, 'fp misc (vector)'
    if k == 5:      # scalar two-register misc: 01 U 11110 a sz 10000 opcode 10 Rn Rd
        u, a, s2, opc = rng.choice([(0, 1, sz, 0b11101), (1, 1, sz, 0b11101), (0, 1, sz, 0b11111),
                                    (1, 0, 1, 0b10110), (0, 1, sz, 0b01100), (0, 1, sz, 0b01101),
                                    (0, 1, sz, 0b01110), (1, 1, sz, 0b01100), (1, 1, sz, 0b01101)])
        return 0x5e200800 | (u << 29) | (a << 23) | (s2 << 22) | (0b10000 << 17) | (opc << 12) | \
            (n << 5) | d, 'fp misc (scalar)'
    if k == 6:      # scalar pairwise 01 1 11110 a sz 11000 opcode 10, across 0 1 1 01110 a 0 11000
        a, opc = rng.choice([(0, 0b01100), (0, 0b01101), (0, 0b01111), (1, 0b01100), (1, 0b01111)])
        if rng.getrandbits(1) and opc != 0b01101:
            return 0x6e300800 | (a << 23) | (opc << 12) | (n << 5) | d, 'fp across lanes'
        return 0x7e300800 | (a << 23) | (sz << 22) | (opc << 12) | (n << 5) | d, 'fp pairwise'
    # fixed point: 0 Q U 011110 immh immb opcode 1 Rn Rd (scalar: 01 U 111110)
    u, opc = rng.choice([(0, 0b11100), (1, 0b11100), (0, 0b11111), (1, 0b11111)])
    immhb = rng.randrange(64, 128) if sz else rng.randrange(32, 64)
    base = 0x5f000400 if k == 7 else 0x0f000400 | (q << 30)
    return base | (u << 29) | (immhb << 16) | (opc << 11) | (n << 5) | d, 'fp fixed point'


def u_fpsimd(rng):
    """FPCR (RMode, FZ, DN) set and FPSR cleared through a general register, Vd, Vn and Vm loaded
    with FP-rich values (MOVZ/MOVK, FMOV Dd, Xn; INS Vd.D[1], Xn), one instruction of
    trans-simd-fpel.c, then the result (FMOV Xd, Dn; UMOV Xd, Vn.D[1]) and FPSR read back.
    Only with --only fpsimd (weight 0 in UNITS)."""
    word, text = fpsimd_word(rng)
    d, n, m = word & 31, (word >> 5) & 31, (word >> 16) & 31
    t = ri(rng)
    items = load_const(t, rng.randrange(16) << 22)
    items.append(W(0xd51b4400 | t, 'msr fpcr'))
    items.append(W(0xd51b4420 | 31, 'msr fpsr, xzr'))
    for v in dict.fromkeys([d, n, m]):
        lo, hi = fp_reg_value(rng)
        items += load_const(t, lo)
        items.append(W(0x9e670000 | (t << 5) | v, 'fmov d, x (fp setup)'))
        items += load_const(t, hi)
        items.append(W(0x4e181c00 | (t << 5) | v, 'ins v.d[1], x (fp setup)'))
    items.append(W(word, text))
    items.append(W(0x9e660000 | (d << 5) | ri(rng), 'fmov x, d (fp result)'))
    items.append(W(0x4e183c00 | (d << 5) | ri(rng), 'umov x, v.d[1] (fp result)'))
    items.append(W(0xd53b4420 | ri(rng), 'mrs x, fpsr (fp result)'))
    return items


# ---------------------------------------------------------------- PC-relative: literals, branches

def u_ldr_literal(rng):
    opc = rng.randrange(3)           # 0: LDR Wt, 1: LDR Xt, 2: LDRSW
    rt = reg_any(rng)
    frac = rng.random()

    def fn(pos, starts, unit):
        """Any word (8-byte aligned for LDR Xt) of the block itself."""
        nwords = starts[-1]
        step = 2 if opc == 1 else 1
        t = (int(frac * max(nwords - 1, 1)) // step) * step
        return (opc << 30) | (0b011000 << 24) | (((t - pos) & 0x7ffff) << 5) | rt
    return [('p', fn, 'ldr literal')]


def branch_target(frac, unit, starts):
    """A later unit boundary, or the block end; frac in [0, 1) picks which."""
    later = len(starts) - 1 - unit
    return starts[unit + 1 + int(frac * later)]


def u_branch(rng):
    kind = rng.choice(['bcond', 'bcond', 'cbz', 'tbz', 'b', 'bl', 'br'])
    frac = rng.random()
    if kind == 'br':
        rt = ri(rng)
        op = rng.choice([0, 1, 2])         # BR, BLR, RET

        def fadr(pos, starts, unit):
            d = (branch_target(frac, unit, starts) - pos) * 4
            return ((d & 3) << 29) | (0b10000 << 24) | (((d >> 2) & 0x7ffff) << 5) | rt
        return [('p', fadr, 'adr (branch target)'),
                W(0xd61f0000 | (op << 21) | (rt << 5), 'br/blr/ret')]
    cond, sf, op, bit, rt = (rng.randrange(16), rng.getrandbits(1), rng.getrandbits(1),
                             rng.randrange(64), reg_any(rng))

    def fn(pos, starts, unit):
        d = branch_target(frac, unit, starts) - pos
        if kind == 'bcond':
            return 0x54000000 | ((d & 0x7ffff) << 5) | cond
        if kind == 'cbz':
            return (sf << 31) | 0x34000000 | (op << 24) | ((d & 0x7ffff) << 5) | rt
        if kind == 'tbz':
            return ((bit >> 5) << 31) | 0x36000000 | (op << 24) | ((bit & 31) << 19) | \
                ((d & 0x3fff) << 5) | rt
        return (0x94000000 if kind == 'bl' else 0x14000000) | (d & 0x3ffffff)
    return [('p', fn, kind)]


# ---------------------------------------------------------------- cases

UNITS = [
    (u_addsub_imm, 6), (u_logic_imm, 5), (u_movewide, 3), (u_bitfield, 5), (u_extr, 2), (u_adr, 2),
    (u_logic_reg, 5), (u_addsub_shift, 5), (u_addsub_ext, 4), (u_adc, 4), (u_ccmp, 4), (u_csel, 4),
    (u_dp2, 5), (u_dp1, 4), (u_dp3, 5), (u_flagm, 1), (u_misc, 1),
    (u_ldst_single, 10), (u_ldst_pair, 5), (u_exclusive, 3), (u_acqrel, 2), (u_rcpc2, 1),
    (u_atomic, 4),
    (u_cas, 3), (u_ldr_literal, 1),
    ('branch', 6),
    (u_crypto, 0),    # weight 0: only when named (--only crypto), the default cases stay the same
    (u_fpsimd, 0),    # the same (--only fpsimd)
]

GROUPS = {
    'dp': ['addsub_imm', 'logic_imm', 'movewide', 'bitfield', 'extr', 'adr', 'logic_reg',
           'addsub_shift', 'addsub_ext', 'adc', 'ccmp', 'csel', 'dp2', 'dp1', 'dp3', 'flagm'],
    'mem': ['ldst_single', 'ldst_pair', 'exclusive', 'acqrel', 'rcpc2', 'atomic', 'cas',
            'ldr_literal'],
}


def unit_name(u):
    return u if isinstance(u, str) else u.__name__[2:]


def select_units(only=None, exclude=None):
    """UNITS restricted to the named classes or groups (see GROUPS); names as in unit_name()."""
    def expand(names):
        out = set()
        for n in names:
            n = n.strip()
            if n in GROUPS:
                out.update(GROUPS[n])
            elif n in [unit_name(u) for u, _ in UNITS]:
                out.add(n)
            else:
                raise ValueError('unknown instruction class %r; classes: %s; groups: %s'
                                 % (n, ' '.join(unit_name(u) for u, _ in UNITS),
                                    ' '.join(sorted(GROUPS))))
        return out
    keep = expand(only) if only else {unit_name(u) for u, _ in UNITS}
    keep -= expand(exclude or [])
    named = expand(only) if only else set()
    sel = [(u, w or (1 if unit_name(u) in named else 0)) for u, w in UNITS if unit_name(u) in keep]
    sel = [(u, w) for u, w in sel if w]
    if not sel:
        raise ValueError('no instruction class left')
    return sel


ACTIVE_UNITS = UNITS


class Case:
    def __init__(self, index, regs, sp, nzcv, mem, units, kinds=None):
        self.index, self.regs, self.sp, self.nzcv = index, regs, sp, nzcv
        self.mem, self.units = mem, units
        self.kinds = kinds              # class name of every unit, for --stats

    def ninsns(self):
        return sum(len(u) for u in self.units)


def gen_case(rng, index, ninsns, units=None):
    global HOT
    units = units or ACTIVE_UNITS
    HOT = rng.sample(range(31), 4)
    funcs = [u for u, _ in units]
    weights = [w for _, w in units]
    body, kinds = [], []
    total = 0
    while total < ninsns:
        f = rng.choices(funcs, weights)[0]
        u = u_branch(rng) if f == 'branch' else f(rng)
        body.append(u)
        kinds.append(unit_name(f))
        total += len(u)
    regs = [rand_value(rng) for _ in range(31)]
    if rng.random() < 0.7:
        sp = MEM_ADDR + rng.randrange(0, MEM_SIZE, 16)
    else:
        sp = rng.getrandbits(64) & ~15
    mem = bytearray()
    for _ in range(MEM_SIZE // 8):
        mem += rand_value(rng).to_bytes(8, 'little')
    return Case(index, regs, sp, rng.randrange(16) << 28, bytes(mem), body, kinds)


def layout(case):
    """Resolve PC-relative items; returns lines of assembler (one per instruction)."""
    starts, pos = [], 0
    for u in case.units:
        starts.append(pos)
        pos += len(u)
    starts.append(pos)
    lines = []
    pos = 0
    for ui, u in enumerate(case.units):
        for it in u:
            if it[0] == 'w':
                lines.append('.inst 0x%08x /* %s */' % (it[1], it[2]))
            elif it[0] == 'a':
                lines.append(it[1])
            else:
                word = it[1](pos, starts, ui) & MASK32
                lines.append('.inst 0x%08x /* %s */' % (word, it[2]))
            pos += 1
    return lines


def emit_cases(cases, seed, out):
    """Assembler for the case table, the state records and the code of every case."""
    w = out.write
    w('/* SPDX-License-Identifier: GPL-2.0-or-later */\n')
    w('/* Generated by tests/diff/gen.py (seed %d): differential test cases. */\n' % seed)
    w('\t.section .rodata.diffcases, "a"\n\t.balign 8\n\t.global diff_ncases\ndiff_ncases:\n')
    w('\t.quad %d\n\t.global diff_cases\ndiff_cases:\n' % len(cases))
    for c in cases:
        w('\t.quad case_%d, state_%d, mem_%d, %d\n' % (c.index, c.index, c.index, c.index))
    for c in cases:
        w('\t.balign 16\nstate_%d:\n' % c.index)
        vals = c.regs + [c.sp, c.nzcv]
        for i in range(0, len(vals), 4):
            w('\t.quad ' + ', '.join('0x%016x' % v for v in vals[i:i + 4]) + '\n')
        w('mem_%d:\n' % c.index)
        for i in range(0, MEM_SIZE, 32):
            w('\t.quad ' + ', '.join('0x%016x' % int.from_bytes(c.mem[j:j + 8], 'little')
                                     for j in range(i, i + 32, 8)) + '\n')
    w('\t.section .text.diffcases, "ax"\n')
    for c in cases:
        w('\t.balign 16\n\t.global case_%d\ncase_%d:\n' % (c.index, c.index))
        w('\tadrp x30, state_%d\n\tadd x30, x30, :lo12:state_%d\n' % (c.index, c.index))
        w('\tldp x0, x1, [x30, #248]\n\tmov sp, x0\n\tmsr nzcv, x1\n')
        for r in range(0, 30, 2):
            w('\tldp x%d, x%d, [x30, #%d]\n' % (r, r + 1, r * 8))
        w('\tldr x30, [x30, #240]\n\t.balign 16\n\t.global blk_%d\nblk_%d:\n' % (c.index, c.index))
        for line in layout(c):
            w('\t' + line + '\n')
        w('\t.global blkend_%d\nblkend_%d:\n\tb diff_case_exit\n' % (c.index, c.index))


def make_cases(seed, count, block, first_index=0):
    """Cases with about `count` instructions in all, `block` per case, reproducible from seed."""
    cases = []
    total = 0
    i = first_index
    while total < count:
        rng = random.Random((seed << 32) ^ i)
        c = gen_case(rng, i, block)
        cases.append(c)
        total += c.ninsns()
        i += 1
    return cases


def main():
    import argparse
    ap = argparse.ArgumentParser(description='emit differential test cases as assembler')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=200)
    ap.add_argument('--block', type=int, default=20)
    ap.add_argument('-o', '--output', default='-')
    a = ap.parse_args()
    cases = make_cases(a.seed, a.count, a.block)
    if a.output == '-':
        emit_cases(cases, a.seed, sys.stdout)
    else:
        with open(a.output, 'w') as f:
            emit_cases(cases, a.seed, f)


if __name__ == '__main__':
    main()
