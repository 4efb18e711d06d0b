/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-simd-fp.c: A64 "Data Processing -- Scalar Floating-Point and Advanced SIMD" (Arm ARM
 * C4.1.95), so far the register moves (FMOV register/general/immediate, DUP, INS, SMOV, UMOV),
 * the Advanced SIMD modified immediates (MOVI, MVNI, ORR, BIC, FMOV vector) and the bitwise
 * three-same operations. */
#include "translate.h"
#include "cpu-features.h"
#include "decode-a64-simd-fp.h"

/* ID_AA64PFR0_EL1.FP (bits [19:16]) = 1: half-precision support (FEAT_FP16). */
static bool have_fp16(DisasContext *s)
{
    return id_field(s->env->features.id_aa64pfr0, 16) == 1;
}

static IrTemp vlo(int r)
{
    return IR_SLOT(vregs[r][0]);
}

static IrTemp vhi(int r)
{
    return IR_SLOT(vregs[r][1]);
}

/* Write a scalar of `bits` bits (already zero-extended in v) to V[rd]: the rest of the 128-bit
 * register becomes zero (Arm ARM V[] setter). */
static void gen_write_scalar(DisasContext *s, int rd, IrTemp v, int bits)
{
    if (bits == 64) {
        ir_gen_mov(s->ir, IR_I64, vlo(rd), v);
    } else {
        ir_gen_extract(s->ir, IR_I64, vlo(rd), v, 0, bits);
    }
    ir_gen_movi(s->ir, vhi(rd), 0);
}

/* ftype: 0 single, 1 double, 3 half (decode-format.md). */
static int ftype_bits(int ftype)
{
    return ftype == 0 ? 32 : ftype == 1 ? 64 : 16;
}

/* FMOV (register): C7.2.130. */
bool trans_FMOV_r(DisasContext *s, arg_fmov_r *a)
{
    IrTemp t;

    if (a->ftype == 3 && !have_fp16(s)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    ir_gen_mov(s->ir, IR_I64, t, vlo(a->rn));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    return true;
}

/* FMOV (general): C7.2.131. FP/SIMD register to general register. */
bool trans_FMOV_to_gp(DisasContext *s, arg_fmov_g *a)
{
    IrTemp t;

    if (a->ftype == 3 && !have_fp16(s)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    if (a->top) {
        ir_gen_mov(s->ir, IR_I64, t, vhi(a->rn));          /* Xd = Vn.D[1] */
    } else if (a->ftype == 1) {
        ir_gen_mov(s->ir, IR_I64, t, vlo(a->rn));          /* Xd = Dn */
    } else {
        ir_gen_extract(s->ir, IR_I64, t, vlo(a->rn), 0, ftype_bits(a->ftype));
    }
    gen_write_reg(s, a->rd, t, true);
    return true;
}

/* FMOV (general): general register to FP/SIMD register. */
bool trans_FMOV_from_gp(DisasContext *s, arg_fmov_g *a)
{
    IrTemp t;

    if (a->ftype == 3 && !have_fp16(s)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    ir_gen_mov(s->ir, IR_I64, t, cpu_reg(s, a->rn));
    if (a->top) {
        ir_gen_mov(s->ir, IR_I64, vhi(a->rd), t);          /* Vd.D[1] = Xn, D[0] kept */
    } else {
        gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    }
    return true;
}

/* VFPExpandImm (shared/functions/float/vfpexpandimm): imm8 = a:b:cdefgh to an N-bit constant
 * sign = a, exponent = NOT(b):Replicate(b, E-3):cd, fraction = efgh:Zeros(F-4). */
static uint64_t vfp_expand_imm(unsigned imm8, int n)
{
    int e = n == 16 ? 5 : n == 32 ? 8 : 11;
    int f = n - e - 1;
    uint64_t sign = (imm8 >> 7) & 1;
    uint64_t b = (imm8 >> 6) & 1;
    uint64_t exp = (b ^ 1) << (e - 1);

    if (b) {
        exp |= ((1ull << (e - 3)) - 1) << 2;
    }
    exp |= (imm8 >> 4) & 3;
    uint64_t frac = (uint64_t)(imm8 & 0xf) << (f - 4);
    return sign << (n - 1) | exp << f | frac;
}

/* FMOV (scalar, immediate): C7.2.132. */
bool trans_FMOV_i(DisasContext *s, arg_fmov_i *a)
{
    int bits = ftype_bits(a->ftype);

    if (a->ftype == 3 && !have_fp16(s)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    ir_gen_movi(s->ir, vlo(a->rd), vfp_expand_imm((unsigned)a->imm, bits));
    ir_gen_movi(s->ir, vhi(a->rd), 0);
    return true;
}

/* ---- Advanced SIMD copy (C4.1.95.7): the lowest set bit of imm5 gives the element size, the
 * bits above it the index (the .decode file leaves out the reserved imm5 values). ---- */

static int copy_size(int imm5)
{
    return __builtin_ctz((unsigned)imm5);
}

static int copy_index(int imm5)
{
    return imm5 >> (copy_size(imm5) + 1);
}

/* Element `index` of size 8 << size bits of V[reg], zero- or sign-extended to 64 bits. */
static IrTemp gen_get_elem(DisasContext *s, int reg, int index, int size, bool sign)
{
    unsigned bitpos = (unsigned)index << (size + 3);
    IrTemp half = bitpos >= 64 ? vhi(reg) : vlo(reg);
    IrTemp t = new_tmp(s);

    if (size == 3) {
        ir_gen_mov(s->ir, IR_I64, t, half);
    } else if (sign) {
        ir_gen_sextract(s->ir, IR_I64, t, half, (int)(bitpos & 63), 8 << size);
    } else {
        ir_gen_extract(s->ir, IR_I64, t, half, (int)(bitpos & 63), 8 << size);
    }
    return t;
}

static void gen_set_elem(DisasContext *s, int reg, int index, int size, IrTemp v)
{
    unsigned bitpos = (unsigned)index << (size + 3);
    IrTemp half = bitpos >= 64 ? vhi(reg) : vlo(reg);

    if (size == 3) {
        ir_gen_mov(s->ir, IR_I64, half, v);
    } else {
        ir_gen_deposit(s->ir, IR_I64, half, half, v, (int)(bitpos & 63), 8 << size);
    }
}

/* Replicate the zero-extended element v over the vector; Q = 0 zeroes the upper half. */
static void gen_dup(DisasContext *s, int rd, IrTemp v, int size, bool q)
{
    static const uint64_t rep[4] = {
        0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1
    };
    IrTemp t = new_tmp(s);

    ir_gen_mul(s->ir, IR_I64, t, v, tcg_const(s, rep[size]));
    ir_gen_mov(s->ir, IR_I64, vlo(rd), t);
    if (q) {
        ir_gen_mov(s->ir, IR_I64, vhi(rd), t);
    } else {
        ir_gen_movi(s->ir, vhi(rd), 0);
    }
}

/* DUP (element), vector: C7.2.39. */
bool trans_DUP_element(DisasContext *s, arg_simd_copy *a)
{
    int size = copy_size(a->imm5);

    if (!fp_access_check(s)) {
        return true;
    }
    gen_dup(s, a->rd, gen_get_elem(s, a->rn, copy_index(a->imm5), size, false), size, a->q);
    return true;
}

/* DUP (element), scalar (the MOV scalar alias): C7.2.39. */
bool trans_DUP_element_s(DisasContext *s, arg_simd_dup_s *a)
{
    int size = copy_size(a->imm5);

    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp t = gen_get_elem(s, a->rn, copy_index(a->imm5), size, false);
    gen_write_scalar(s, a->rd, t, 8 << size);
    return true;
}

/* DUP (general): C7.2.40. */
bool trans_DUP_general(DisasContext *s, arg_simd_copy *a)
{
    int size = copy_size(a->imm5);
    IrTemp t;

    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    if (size == 3) {
        ir_gen_mov(s->ir, IR_I64, t, cpu_reg(s, a->rn));
    } else {
        ir_gen_extract(s->ir, IR_I64, t, cpu_reg(s, a->rn), 0, 8 << size);
    }
    gen_dup(s, a->rd, t, size, a->q);
    return true;
}

/* INS (general), the MOV (from general) alias: C7.2.176. Other elements are kept. */
bool trans_INS_general(DisasContext *s, arg_simd_copy *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_set_elem(s, a->rd, copy_index(a->imm5), copy_size(a->imm5), cpu_reg(s, a->rn));
    return true;
}

/* INS (element), the MOV (element) alias: C7.2.175; imm4 holds the source index << size. */
bool trans_INS_element(DisasContext *s, arg_simd_copy *a)
{
    int size = copy_size(a->imm5);

    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp t = gen_get_elem(s, a->rn, a->imm4 >> size, size, false);
    gen_set_elem(s, a->rd, copy_index(a->imm5), size, t);
    return true;
}

/* SMOV: C7.2.279; sign-extends to W (Q = 0) or X (Q = 1). */
bool trans_SMOV(DisasContext *s, arg_simd_copy *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp t = gen_get_elem(s, a->rn, copy_index(a->imm5), copy_size(a->imm5), true);
    gen_write_reg(s, a->rd, t, a->q);
    return true;
}

/* UMOV, the MOV (to general) alias: C7.2.371; zero-extends. */
bool trans_UMOV(DisasContext *s, arg_simd_copy *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp t = gen_get_elem(s, a->rn, copy_index(a->imm5), copy_size(a->imm5), false);
    gen_write_reg(s, a->rd, t, true);
    return true;
}

/* ---- Advanced SIMD modified immediate (C4.1.95.21) ---- */

/* AdvSIMDExpandImm (shared/functions/vector/AdvSIMDExpandImm). */
static uint64_t adv_simd_expand_imm(int op, int cmode, uint64_t imm8)
{
    uint64_t imm;

    switch (cmode >> 1) {
    case 0: case 1: case 2: case 3:    /* 32-bit elements, imm8 shifted by 0, 8, 16, 24 */
        imm = imm8 << (8 * (cmode >> 1));
        return imm | imm << 32;
    case 4: case 5:                    /* 16-bit elements, imm8 shifted by 0, 8 */
        imm = imm8 << (8 * ((cmode >> 1) & 1));
        return imm * 0x0001000100010001ull;
    case 6:                            /* 32-bit elements, shifting ones in */
        imm = (cmode & 1) ? (imm8 << 16 | 0xffff) : (imm8 << 8 | 0xff);
        return imm | imm << 32;
    default:
        if (!(cmode & 1) && !op) {
            return imm8 * 0x0101010101010101ull;
        }
        if (!(cmode & 1) && op) {
            imm = 0;
            for (int i = 0; i < 8; i++) {
                if (imm8 & (1u << i)) {
                    imm |= 0xffull << (8 * i);
                }
            }
            return imm;
        }
        if (!op) {
            /* a:NOT(b):Replicate(b, 5):cdefgh:Zeros(19), twice */
            uint64_t b = (imm8 >> 6) & 1;
            imm = (imm8 >> 7) << 31 | (b ^ 1) << 30 | (b ? 0x1full << 25 : 0) |
                  (imm8 & 0x3f) << 19;
            return imm | imm << 32;
        } else {
            /* a:NOT(b):Replicate(b, 8):cdefgh:Zeros(48) */
            uint64_t b = (imm8 >> 6) & 1;
            return (imm8 >> 7) << 63 | (b ^ 1) << 62 | (b ? 0xffull << 54 : 0) |
                   (imm8 & 0x3f) << 48;
        }
    }
}

typedef enum ImmOp { IMM_MOV, IMM_MVN, IMM_ORR, IMM_BIC } ImmOp;

static bool do_simd_imm(DisasContext *s, arg_simd_imm *a, ImmOp op)
{
    uint64_t imm = adv_simd_expand_imm(a->op, a->cmode, (uint64_t)a->imm);

    if (!fp_access_check(s)) {
        return true;
    }
    if (op == IMM_MVN) {
        imm = ~imm;
    }
    for (int h = 0; h < 2; h++) {
        IrTemp half = h ? vhi(a->rd) : vlo(a->rd);
        if (h && !a->q) {
            ir_gen_movi(s->ir, half, 0);    /* 64-bit result: V[d] upper half is zeroed */
        } else if (op == IMM_ORR) {
            ir_gen_or(s->ir, IR_I64, half, half, tcg_const(s, imm));
        } else if (op == IMM_BIC) {
            ir_gen_and(s->ir, IR_I64, half, half, tcg_const(s, ~imm));
        } else {
            ir_gen_movi(s->ir, half, imm);
        }
    }
    return true;
}

/* MOVI, MVNI, ORR (vector, immediate), BIC (vector, immediate): C7.2.204, C7.2.206... */
bool trans_MOVI_v(DisasContext *s, arg_simd_imm *a) { return do_simd_imm(s, a, IMM_MOV); }
bool trans_MVNI_v(DisasContext *s, arg_simd_imm *a) { return do_simd_imm(s, a, IMM_MVN); }
bool trans_ORR_vi(DisasContext *s, arg_simd_imm *a) { return do_simd_imm(s, a, IMM_ORR); }
bool trans_BIC_vi(DisasContext *s, arg_simd_imm *a) { return do_simd_imm(s, a, IMM_BIC); }

/* FMOV (vector, immediate): C7.2.133. Bit 11 (o2) = 1 is the half-precision form (FEAT_FP16),
 * whose expansion is a:NOT(b):Replicate(b, 2):cdefgh:Zeros(6) per 16-bit lane. */
bool trans_FMOV_v(DisasContext *s, arg_simd_imm *a)
{
    if ((s->insn >> 11) & 1) {
        if (!have_fp16(s)) {
            return false;
        }
        if (!fp_access_check(s)) {
            return true;
        }
        uint64_t h = vfp_expand_imm((unsigned)a->imm, 16) * 0x0001000100010001ull;
        ir_gen_movi(s->ir, vlo(a->rd), h);
        ir_gen_movi(s->ir, vhi(a->rd), a->q ? h : 0);
        return true;
    }
    return do_simd_imm(s, a, IMM_MOV);
}

/* ---- Advanced SIMD three same, bitwise (opcode 00011): AND, BIC, ORR, ORN, EOR, BSL, BIT,
 * BIF (C7.2.11, C7.2.21...). Each 64-bit half is independent, so Vd may alias Vn or Vm. ---- */

typedef enum LogicOp { LG_AND, LG_BIC, LG_ORR, LG_ORN, LG_EOR, LG_BSL, LG_BIT, LG_BIF } LogicOp;

static bool do_logic_v(DisasContext *s, arg_qrrr *a, LogicOp op)
{
    IrContext *ir = s->ir;

    if (!fp_access_check(s)) {
        return true;
    }
    for (int h = 0; h < 2; h++) {
        IrTemp d = h ? vhi(a->rd) : vlo(a->rd);
        IrTemp n = h ? vhi(a->rn) : vlo(a->rn);
        IrTemp m = h ? vhi(a->rm) : vlo(a->rm);
        IrTemp t = new_tmp(s);

        if (h && !a->q) {
            ir_gen_movi(ir, d, 0);
            break;
        }
        switch (op) {
        case LG_AND: ir_gen_and(ir, IR_I64, t, n, m); break;
        case LG_BIC: ir_gen_andc(ir, IR_I64, t, n, m); break;
        case LG_ORR: ir_gen_or(ir, IR_I64, t, n, m); break;
        case LG_ORN: ir_gen_orc(ir, IR_I64, t, n, m); break;
        case LG_EOR: ir_gen_xor(ir, IR_I64, t, n, m); break;
        case LG_BSL:    /* d ? n : m, bitwise: m ^ ((m ^ n) & d) */
            ir_gen_xor(ir, IR_I64, t, m, n);
            ir_gen_and(ir, IR_I64, t, t, d);
            ir_gen_xor(ir, IR_I64, t, t, m);
            break;
        case LG_BIT:    /* insert n where m is set: d ^ ((d ^ n) & m) */
            ir_gen_xor(ir, IR_I64, t, d, n);
            ir_gen_and(ir, IR_I64, t, t, m);
            ir_gen_xor(ir, IR_I64, t, t, d);
            break;
        case LG_BIF:    /* insert n where m is clear: d ^ ((d ^ n) & ~m) */
            ir_gen_xor(ir, IR_I64, t, d, n);
            ir_gen_andc(ir, IR_I64, t, t, m);
            ir_gen_xor(ir, IR_I64, t, t, d);
            break;
        }
        ir_gen_mov(ir, IR_I64, d, t);
    }
    return true;
}

bool trans_AND_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_AND); }
bool trans_BIC_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_BIC); }
bool trans_ORR_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_ORR); }
bool trans_ORN_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_ORN); }
bool trans_EOR_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_EOR); }
bool trans_BSL_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_BSL); }
bool trans_BIT_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_BIT); }
bool trans_BIF_v(DisasContext *s, arg_qrrr *a) { return do_logic_v(s, a, LG_BIF); }
