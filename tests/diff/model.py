#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Third opinion for differential testing: an A64 integer interpreter from Arm ARM pseudocode.
"""
run-diff.py --model runs every block through this interpreter as well and
compares it with the user-mode reference.  The interpreter knows only what
gen.py generates (it decodes the real words from the linked image, set-up
instructions included) and raises Unsupported for anything else.  A
disagreement is either a bug here or a bug in the reference; the comparison
exists to find the second kind, which a QEMU-vs-QEMU run cannot.
"""

M64 = (1 << 64) - 1


class Unsupported(Exception):
    pass


class ModelFault(Exception):
    pass


def ones(n):
    return (1 << n) - 1


def sext(v, bits):
    v &= ones(bits)
    return v - (1 << bits) if v >> (bits - 1) else v


def ror(v, r, bits):
    r %= bits
    v &= ones(bits)
    return ((v >> r) | (v << (bits - r))) & ones(bits)


def replicate(elem, esize, bits):
    out = 0
    for i in range(0, bits, esize):
        out |= elem << i
    return out


def highest_set_bit(v):
    return v.bit_length() - 1


def decode_bit_masks(n, imms, immr, immediate, bits):
    length = highest_set_bit((n << 6) | (~imms & 0x3f))
    if length < 1:
        raise Unsupported('reserved bitmask')
    levels = ones(length)
    if immediate and (imms & levels) == levels:
        raise Unsupported('reserved bitmask')
    s, r = imms & levels, immr & levels
    esize = 1 << length
    d = (s - r) & levels
    welem, telem = ones(s + 1), ones(d + 1)
    wmask = replicate(ror(welem, r, esize), esize, bits)
    tmask = replicate(telem, esize, bits)
    return wmask, tmask


def add_with_carry(x, y, carry, bits):
    mask = ones(bits)
    x &= mask
    y &= mask
    usum = x + y + carry
    ssum = sext(x, bits) + sext(y, bits) + carry
    res = usum & mask
    n = res >> (bits - 1)
    z = 1 if res == 0 else 0
    c = 1 if res != usum else 0
    v = 1 if sext(res, bits) != ssum else 0
    return res, (n << 3) | (z << 2) | (c << 1) | v


def crc32(acc, val, size, poly):
    acc &= 0xffffffff
    for i in range(size):
        bit = (acc ^ (val >> i)) & 1
        acc = (acc >> 1) ^ (poly if bit else 0)
    return acc


class Cpu:
    def __init__(self, regs, sp, nzcv, mem_addr, mem, code_addr, code):
        self.x = list(regs)
        self.sp = sp
        self.flags = (nzcv >> 28) & 15
        self.mem_addr, self.mem = mem_addr, bytearray(mem)
        self.code_addr, self.code = code_addr, code
        self.pc = 0
        self.monitor = None

    # registers: r31 is ZR unless sp is True
    def rx(self, r, bits=64, sp=False):
        if r == 31:
            v = self.sp if sp else 0
        else:
            v = self.x[r]
        return v & ones(bits)

    def wx(self, r, v, bits=64, sp=False):
        v &= ones(bits)
        if r == 31:
            if sp:
                self.sp = v
        else:
            self.x[r] = v

    def cond(self, c):
        n, z, cf, v = self.nzcv_bits()
        base = c >> 1
        r = [z == 1, cf == 1, n == 1, v == 1, cf == 1 and z == 0, n == v, n == v and z == 0,
             True][base]
        if c & 1 and c != 15:
            r = not r
        return r

    # memory: only the data buffer (writable) and the code (read-only) exist
    def load(self, addr, size):
        off = addr - self.mem_addr
        if 0 <= off and off + size <= len(self.mem):
            return int.from_bytes(self.mem[off:off + size], 'little')
        off = addr - self.code_addr
        if 0 <= off and off + size <= len(self.code):
            return int.from_bytes(self.code[off:off + size], 'little')
        raise ModelFault('load of %d bytes at 0x%x outside the buffer' % (size, addr))

    def store(self, addr, size, v):
        off = addr - self.mem_addr
        if not (0 <= off and off + size <= len(self.mem)):
            raise ModelFault('store of %d bytes at 0x%x outside the buffer' % (size, addr))
        self.mem[off:off + size] = (v & ones(8 * size)).to_bytes(size, 'little')

    def run(self, start, end, limit=10000):
        self.pc = start
        for _ in range(limit):
            if self.pc == end:
                return
            w = self.load(self.pc, 4)
            npc = self.step(w)
            self.pc = npc if npc is not None else self.pc + 4
        raise ModelFault('block did not reach its end')

    def nzcv(self):
        return self.flags << 28

    def nzcv_bits(self):
        f = self.flags
        return (f >> 3) & 1, (f >> 2) & 1, (f >> 1) & 1, f & 1

    # ------------------------------------------------------------ decode and execute
    def step(self, w):
        op0 = (w >> 25) & 0xf
        if op0 in (0b1000, 0b1001):
            return self.dp_imm(w)
        if op0 in (0b1010, 0b1011):
            return self.branch_sys(w)
        if op0 & 0b0101 == 0b0100:
            return self.ldst(w)
        if op0 & 0b0111 == 0b0101:
            return self.dp_reg(w)
        raise Unsupported('0x%08x' % w)

    def dp_imm(self, w):
        sf = w >> 31
        bits = 64 if sf else 32
        rd, rn = w & 31, (w >> 5) & 31
        kind = (w >> 23) & 7
        if kind in (0, 1):                                   # ADR, ADRP
            imm = sext((((w >> 5) & 0x7ffff) << 2) | ((w >> 29) & 3), 21)
            if sf:
                self.wx(rd, (self.pc & ~0xfff) + (imm << 12))
            else:
                self.wx(rd, self.pc + imm)
            return None
        if kind == 2:                                        # add/sub immediate
            sub, s = (w >> 30) & 1, (w >> 29) & 1
            imm = ((w >> 10) & 0xfff) << (12 if (w >> 22) & 1 else 0)
            if (w >> 22) & 2:
                raise Unsupported('add/sub imm sh>1')
            n = self.rx(rn, bits, sp=True)
            res, fl = add_with_carry(n, (~imm if sub else imm), 1 if sub else 0, bits)
            if s:
                self.flags = fl
            self.wx(rd, res, bits, sp=not s)
            return None
        if kind == 4:                                        # logical immediate
            opc, nbit = (w >> 29) & 3, (w >> 22) & 1
            if not sf and nbit:
                raise Unsupported('logical imm N=1 in 32-bit')
            imm, _ = decode_bit_masks(nbit, (w >> 10) & 0x3f, (w >> 16) & 0x3f, True, bits)
            n = self.rx(rn, bits)
            res = [n & imm, n | imm, n ^ imm, n & imm][opc]
            if opc == 3:
                self.flags = ((res >> (bits - 1)) << 3) | ((1 if res == 0 else 0) << 2)
            self.wx(rd, res, bits, sp=opc != 3)
            return None
        if kind == 5:                                        # move wide
            opc, hw, imm = (w >> 29) & 3, (w >> 21) & 3, (w >> 5) & 0xffff
            if opc == 1 or (not sf and hw > 1):
                raise Unsupported('move wide')
            pos = hw * 16
            if opc == 0:
                res = ~(imm << pos)
            elif opc == 2:
                res = imm << pos
            else:
                res = (self.rx(rd, bits) & ~(0xffff << pos)) | (imm << pos)
            self.wx(rd, res, bits)
            return None
        if kind == 6:                                        # bitfield
            opc, nbit = (w >> 29) & 3, (w >> 22) & 1
            immr, imms = (w >> 16) & 0x3f, (w >> 10) & 0x3f
            if opc == 3 or nbit != sf or (not sf and (immr > 31 or imms > 31)):
                raise Unsupported('bitfield')
            wmask, tmask = decode_bit_masks(nbit, imms, immr, False, bits)
            src = self.rx(rn, bits)
            dst = 0 if opc != 1 else self.rx(rd, bits)
            bot = (dst & ~wmask) | (ror(src, immr, bits) & wmask)
            if opc == 0:
                top = ones(bits) if (src >> imms) & 1 else 0
            else:
                top = dst
            self.wx(rd, (top & ~tmask) | (bot & tmask), bits)
            return None
        if kind == 7:                                        # EXTR
            if ((w >> 22) & 1) != sf or (w >> 29) & 3 or (w >> 21) & 1:
                raise Unsupported('extr')
            lsb = (w >> 10) & 0x3f
            rm = (w >> 16) & 31
            concat = (self.rx(rn, bits) << bits) | self.rx(rm, bits)
            self.wx(rd, concat >> lsb, bits)
            return None
        raise Unsupported('dp imm 0x%08x' % w)

    def branch_sys(self, w):
        if w & 0xff000010 == 0x54000000:                     # B.cond
            return self.pc + 4 * sext((w >> 5) & 0x7ffff, 19) if self.cond(w & 15) else None
        if w & 0x7c000000 == 0x14000000:                     # B, BL
            if w >> 31:
                self.x[30] = self.pc + 4
            return (self.pc + 4 * sext(w & 0x3ffffff, 26)) & M64
        if w & 0x7e000000 == 0x34000000:                     # CBZ, CBNZ
            v = self.rx(w & 31, 64 if w >> 31 else 32)
            take = (v == 0) != bool((w >> 24) & 1)
            return self.pc + 4 * sext((w >> 5) & 0x7ffff, 19) if take else None
        if w & 0x7e000000 == 0x36000000:                     # TBZ, TBNZ
            b = ((w >> 31) << 5) | ((w >> 19) & 31)
            take = ((self.rx(w & 31) >> b) & 1) == ((w >> 24) & 1)
            return self.pc + 4 * sext((w >> 5) & 0x3fff, 14) if take else None
        if w & 0xff9ffc1f == 0xd61f0000:                     # BR, BLR, RET
            op = (w >> 21) & 3
            if op == 3:
                raise Unsupported('branch register')
            target = self.rx((w >> 5) & 31)
            if op == 1:
                self.x[30] = self.pc + 4
            return target
        if w == 0xd500401f:                                  # CFINV
            self.flags ^= 2
            return None
        if w in (0xd500403f, 0xd500405f):                    # XAFLAG, AXFLAG
            n, z, c, v = self.nzcv_bits()
            if w == 0xd500405f:
                n2, z2, c2, v2 = 0, z | v, c & (1 - v), 0
            else:
                n2, z2, c2, v2 = (1 - c) & (1 - z), z & c, c | z, (1 - c) & z
            self.flags = (n2 << 3) | (z2 << 2) | (c2 << 1) | v2
            return None
        if w & 0xfffff0ff == 0xd503305f:                     # CLREX
            self.monitor = None
            return None
        if w & 0xfffff01f in (0xd503201f, 0xd503301f):       # hints, barriers: no effect here
            return None
        raise Unsupported('branch/system 0x%08x' % w)

    # ------------------------------------------------------------ register data processing
    def shift(self, v, kind, amount, bits):
        v &= ones(bits)
        if kind == 0:
            return (v << amount) & ones(bits)
        if kind == 1:
            return v >> amount
        if kind == 2:
            return (sext(v, bits) >> amount) & ones(bits)
        return ror(v, amount, bits)

    def extend(self, v, option, shift, bits):
        size = 8 << (option & 3)
        v &= ones(size)
        if option & 4:
            v = sext(v, size) & M64
        return (v << shift) & ones(bits)

    def dp_reg(self, w):
        sf = w >> 31
        bits = 64 if sf else 32
        rd, rn, rm = w & 31, (w >> 5) & 31, (w >> 16) & 31
        op28 = (w >> 21) & 0xff
        if (w >> 24) & 0x1f == 0b01010:                      # logical shifted register
            opc, kind, nbit, amt = (w >> 29) & 3, (w >> 22) & 3, (w >> 21) & 1, (w >> 10) & 0x3f
            if not sf and amt > 31:
                raise Unsupported('logical shift amount')
            m = self.shift(self.rx(rm, bits), kind, amt, bits)
            if nbit:
                m = ~m & ones(bits)
            n = self.rx(rn, bits)
            res = [n & m, n | m, n ^ m, n & m][opc]
            if opc == 3:
                self.flags = ((res >> (bits - 1)) << 3) | ((1 if res == 0 else 0) << 2)
            self.wx(rd, res, bits)
            return None
        if (w >> 24) & 0x1f == 0b01011:                      # add/sub shifted or extended
            sub, s = (w >> 30) & 1, (w >> 29) & 1
            if (w >> 21) & 1:
                option, amt = (w >> 13) & 7, (w >> 10) & 7
                if amt > 4 or (w >> 22) & 3:
                    raise Unsupported('add/sub extended')
                m = self.extend(self.rx(rm), option, amt, bits)
                n = self.rx(rn, bits, sp=True)
                res, fl = add_with_carry(n, (~m if sub else m), 1 if sub else 0, bits)
                if s:
                    self.flags = fl
                self.wx(rd, res, bits, sp=not s)
            else:
                kind, amt = (w >> 22) & 3, (w >> 10) & 0x3f
                if kind == 3 or (not sf and amt > 31):
                    raise Unsupported('add/sub shifted')
                m = self.shift(self.rx(rm, bits), kind, amt, bits)
                res, fl = add_with_carry(self.rx(rn, bits), (~m if sub else m), 1 if sub else 0,
                                         bits)
                if s:
                    self.flags = fl
                self.wx(rd, res, bits)
            return None
        if op28 == 0b11010000:
            if w & 0xffe07c10 == 0xba000400:                 # RMIF
                tmp = ror(self.rx(rn), (w >> 15) & 0x3f, 64)
                mask = w & 15
                self.flags = (self.flags & ~mask) | (tmp & mask)
                return None
            if w & 0xbfffbc1f == 0x3a00080d:                 # SETF8, SETF16
                size = 16 if (w >> 14) & 1 else 8
                v = self.rx(rn)
                n = (v >> (size - 1)) & 1
                z = 1 if v & ones(size) == 0 else 0
                vv = ((v >> size) & 1) ^ n
                self.flags = (n << 3) | (z << 2) | (self.flags & 2) | vv
                return None
            if (w >> 10) & 0x3f:
                raise Unsupported('adc/sbc')
            sub, s = (w >> 30) & 1, (w >> 29) & 1
            m = self.rx(rm, bits)
            res, fl = add_with_carry(self.rx(rn, bits), (~m if sub else m), (self.flags >> 1) & 1,
                                     bits)
            if s:
                self.flags = fl
            self.wx(rd, res, bits)
            return None
        if op28 == 0b11010010:                               # CCMP, CCMN
            if not (w >> 29) & 1 or (w >> 10) & 1 or (w >> 4) & 1:
                raise Unsupported('ccmp')
            sub = (w >> 30) & 1
            m = rm if (w >> 11) & 1 else self.rx(rm, bits)
            if self.cond((w >> 12) & 15):
                _, self.flags = add_with_carry(self.rx(rn, bits), (~m if sub else m),
                                               1 if sub else 0, bits)
            else:
                self.flags = w & 15
            return None
        if op28 == 0b11010100:                               # conditional select
            op, op2 = (w >> 30) & 1, (w >> 10) & 3
            if (w >> 29) & 1 or op2 > 1:
                raise Unsupported('csel')
            if self.cond((w >> 12) & 15):
                res = self.rx(rn, bits)
            else:
                m = self.rx(rm, bits)
                res = [[m, m + 1], [~m, -m]][op][op2]
            self.wx(rd, res, bits)
            return None
        if op28 == 0b11010110:
            if (w >> 29) & 1:
                raise Unsupported('dp S')
            if (w >> 30) & 1:
                return self.dp1(w, sf, bits, rd, rn)
            return self.dp2(w, sf, bits, rd, rn, rm)
        if (w >> 24) & 0x1f == 0b11011:
            return self.dp3(w, sf, bits, rd, rn, rm)
        raise Unsupported('dp reg 0x%08x' % w)

    def dp1(self, w, sf, bits, rd, rn):
        opcode = (w >> 10) & 0x3f
        if (w >> 16) & 31:
            raise Unsupported('dp1 opcode2')
        v = self.rx(rn, bits)
        if opcode == 0:
            res = int(format(v, '0%db' % bits)[::-1], 2)
        elif opcode in (1, 2, 3):
            if opcode == 3 and not sf:
                raise Unsupported('rev')
            cont = {1: 16, 2: 32 if sf else 64, 3: 64}[opcode]
            cont = min(cont, bits)
            res = 0
            for i in range(0, bits, cont):
                chunk = (v >> i) & ones(cont)
                res |= int.from_bytes(chunk.to_bytes(cont // 8, 'little'), 'big') << i
        elif opcode == 4:
            res = bits - v.bit_length()
        elif opcode == 5:
            x = ((v >> 1) ^ v) & ones(bits - 1)
            res = (bits - 1) - x.bit_length()
        else:
            raise Unsupported('dp1 0x%08x' % w)
        self.wx(rd, res, bits)
        return None

    def dp2(self, w, sf, bits, rd, rn, rm):
        opcode = (w >> 10) & 0x3f
        n, m = self.rx(rn, bits), self.rx(rm, bits)
        if opcode == 2:
            res = 0 if m == 0 else n // m
        elif opcode == 3:
            sn, sm = sext(n, bits), sext(m, bits)
            if sm == 0:
                res = 0
            else:
                q = abs(sn) // abs(sm)
                res = -q if (sn < 0) != (sm < 0) else q
        elif 8 <= opcode <= 11:
            res = self.shift(n, opcode - 8, m % bits, bits)
        elif opcode & 0x38 == 0x10:
            sz = opcode & 3
            if (sz == 3) != bool(sf):
                raise Unsupported('crc width')
            poly = 0x82f63b78 if opcode & 4 else 0xedb88320
            res = crc32(self.rx(rn, 32), self.rx(rm) & ones(8 << sz), 8 << sz, poly)
        else:
            raise Unsupported('dp2 0x%08x' % w)
        self.wx(rd, res, bits)
        return None

    def dp3(self, w, sf, bits, rd, rn, rm):
        op31, o0, ra = (w >> 21) & 7, (w >> 15) & 1, (w >> 10) & 31
        if (w >> 29) & 3:
            raise Unsupported('dp3 op54')
        a = self.rx(ra, bits)
        if op31 == 0:
            p = self.rx(rn, bits) * self.rx(rm, bits)
            res = a - p if o0 else a + p
        elif sf and op31 in (1, 5):
            if op31 == 1:
                p = sext(self.rx(rn, 32), 32) * sext(self.rx(rm, 32), 32)
            else:
                p = self.rx(rn, 32) * self.rx(rm, 32)
            res = a - p if o0 else a + p
        elif sf and op31 in (2, 6) and not o0:
            if op31 == 2:
                res = (sext(self.rx(rn), 64) * sext(self.rx(rm), 64)) >> 64
            else:
                res = (self.rx(rn) * self.rx(rm)) >> 64
        else:
            raise Unsupported('dp3 0x%08x' % w)
        self.wx(rd, res, bits)
        return None

    # ------------------------------------------------------------ loads and stores
    def ldst_value(self, opc, size, rt, addr):
        """Single-register load or store with the usual opc meaning."""
        n = 1 << size
        if opc == 0:
            self.store(addr, n, self.rx(rt))
        elif opc == 1:
            self.wx(rt, self.load(addr, n), 64 if size == 3 else 32)
        elif opc == 2 and size < 3:
            self.wx(rt, sext(self.load(addr, n), 8 * n), 64)
        elif opc == 3 and size < 2:
            self.wx(rt, sext(self.load(addr, n), 8 * n), 32)
        else:
            raise Unsupported('load/store opc')

    def ldst(self, w):
        size = w >> 30
        rt, rn = w & 31, (w >> 5) & 31
        if (w >> 26) & 1:
            raise Unsupported('SIMD&FP load/store')
        top = (w >> 24) & 0x3f
        opc = (w >> 22) & 3
        if size == 3 and opc == 2:
            b21, b1110 = (w >> 21) & 1, (w >> 10) & 3
            if top == 0b111001 or (top == 0b111000 and (b21, b1110) in ((0, 0), (1, 2))):
                return None                                  # PRFM (imm), PRFUM, PRFM (reg)
        if w & 0xff000000 == 0xd8000000:                     # PRFM (literal)
            return None
        if top == 0b111001:                                  # unsigned offset
            addr = (self.rx(rn, sp=True) + (((w >> 10) & 0xfff) << size)) & M64
            self.ldst_value((w >> 22) & 3, size, rt, addr)
            return None
        if top == 0b111000 and not (w >> 21) & 1:            # unscaled, pre, post, unprivileged
            imm = sext((w >> 12) & 0x1ff, 9)
            mode = (w >> 10) & 3
            base = self.rx(rn, sp=True)
            addr = base if mode == 1 else (base + imm) & M64
            self.ldst_value((w >> 22) & 3, size, rt, addr)
            if mode in (1, 3):
                self.wx(rn, base + imm, sp=True)
            return None
        if top == 0b111000 and (w >> 10) & 3 == 2:           # register offset
            option = (w >> 13) & 7
            if not option & 2:
                raise Unsupported('register offset option')
            off = self.extend(self.rx((w >> 16) & 31), option, size if (w >> 12) & 1 else 0, 64)
            self.ldst_value((w >> 22) & 3, size, rt, (self.rx(rn, sp=True) + off) & M64)
            return None
        if top == 0b111000 and (w >> 10) & 3 == 0:           # LSE atomics, SWP, LDAPR
            return self.atomic(w, size, rt, rn)
        if (w >> 27) & 7 == 0b101:                           # load/store pair
            return self.pair(w, rt, rn)
        if top == 0b011000 or top == 0b011100:               # LDR (literal)
            opc = w >> 30
            addr = self.pc + 4 * sext((w >> 5) & 0x7ffff, 19)
            if opc == 0:
                self.wx(rt, self.load(addr, 4), 32)
            elif opc == 1:
                self.wx(rt, self.load(addr, 8))
            elif opc == 2:
                self.wx(rt, sext(self.load(addr, 4), 32))
            else:
                raise Unsupported('prfm literal')
            return None
        if top == 0b011001 and not (w >> 21) & 1 and not (w >> 10) & 3:   # LDAPUR/STLUR
            addr = (self.rx(rn, sp=True) + sext((w >> 12) & 0x1ff, 9)) & M64
            self.ldst_value((w >> 22) & 3, size, rt, addr)
            return None
        if top == 0b001000:                                  # exclusives, ordered, CAS
            return self.excl(w, size, rt, rn)
        raise Unsupported('load/store 0x%08x' % w)

    def pair(self, w, rt, rn):
        opc, mode, load = w >> 30, (w >> 23) & 7, (w >> 22) & 1
        if opc == 3 or mode > 3 or (opc == 1 and not load):
            raise Unsupported('pair')
        scale = 3 if opc == 2 else 2
        n = 1 << scale
        imm = sext((w >> 15) & 0x7f, 7) << scale
        rt2 = (w >> 10) & 31
        base = self.rx(rn, sp=True)
        addr = base if mode == 1 else (base + imm) & M64
        if load:
            a, b = self.load(addr, n), self.load(addr + n, n)
            if opc == 1:
                self.wx(rt, sext(a, 32))
                self.wx(rt2, sext(b, 32))
            else:
                self.wx(rt, a, 8 * n)
                self.wx(rt2, b, 8 * n)
        else:
            a, b = self.rx(rt), self.rx(rt2)
            self.store(addr, n, a)
            self.store(addr + n, n, b)
        if mode in (1, 3):
            self.wx(rn, base + imm, sp=True)
        return None

    def atomic(self, w, size, rt, rn):
        n = 1 << size
        bits = 8 * n
        rs, o3, opc = (w >> 16) & 31, (w >> 15) & 1, (w >> 12) & 7
        addr = self.rx(rn, sp=True)
        if o3 and opc == 4 and rs == 31 and (w >> 22) & 3 == 2:      # LDAPR
            self.wx(rt, self.load(addr, n), 64 if size == 3 else 32)
            return None
        old = self.load(addr, n)
        s = self.rx(rs, bits)
        if o3:
            if opc:
                raise Unsupported('atomic')
            new = s                                                   # SWP
        else:
            new = [old + s, old & ~s, old ^ s, old | s,
                   max(sext(old, bits), sext(s, bits)), min(sext(old, bits), sext(s, bits)),
                   max(old, s), min(old, s)][opc]
        self.store(addr, n, new)
        self.wx(rt, old, 64 if size == 3 else 32)
        return None

    def excl(self, w, size, rt, rn):
        o2, l, o1, o0 = (w >> 23) & 1, (w >> 22) & 1, (w >> 21) & 1, (w >> 15) & 1
        rs, rt2 = (w >> 16) & 31, (w >> 10) & 31
        addr = self.rx(rn, sp=True)
        n = 1 << size
        if o2 and not o1:                                    # LDAR/STLR/LDLAR/STLLR
            if l:
                self.wx(rt, self.load(addr, n), 64 if size == 3 else 32)
            else:
                self.store(addr, n, self.rx(rt))
            return None
        if o2 and o1:                                        # CAS
            bits = 8 * n
            old = self.load(addr, n)
            if old == self.rx(rs, bits):
                self.store(addr, n, self.rx(rt))
            self.wx(rs, old, 64 if size == 3 else 32)
            return None
        if not o2 and o1 and size < 2:                       # CASP
            en = 4 << size
            bits = 8 * en
            old1, old2 = self.load(addr, en), self.load(addr + en, en)
            if old1 == self.rx(rs, bits) and old2 == self.rx(rs + 1, bits):
                self.store(addr, en, self.rx(rt))
                self.store(addr + en, en, self.rx(rt + 1))
            self.wx(rs, old1, bits)
            self.wx(rs + 1, old2, bits)
            return None
        pairx = bool(o1)                                     # LDXP/STXP
        total = 2 * n if pairx else n
        if l:
            if pairx:
                self.wx(rt, self.load(addr, n), 8 * n)
                self.wx(rt2, self.load(addr + n, n), 8 * n)
            else:
                self.wx(rt, self.load(addr, n), 64 if size == 3 else 32)
            self.monitor = (addr, total)
            return None
        ok = self.monitor == (addr, total)
        self.monitor = None
        if ok:
            if pairx:
                self.store(addr, n, self.rx(rt))
                self.store(addr + n, n, self.rx(rt2))
            else:
                self.store(addr, n, self.rx(rt))
        self.wx(rs, 0 if ok else 1, 32)
        return None
