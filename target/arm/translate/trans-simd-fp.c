/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-simd-fp.c: A64 "Data Processing -- Scalar Floating-Point and Advanced SIMD" (Arm ARM
 * C4.1.95), so far the register moves (FMOV register/general/immediate, DUP, INS, SMOV, UMOV),
 * the Advanced SIMD modified immediates (MOVI, MVNI, ORR, BIC, FMOV vector) and the bitwise
 * three-same operations, and the Advanced SIMD integer classes: three same, two-register misc,
 * across lanes, permute, EXT, TBL/TBX, three different, shift by immediate, by element and
 * their scalar forms (saturating ones through helper_simd_int, helper-ldst.c), and scalar
 * single/double floating point: FADD..FNMUL, FMAX/FMIN(NM), FABS/FNEG, FCMP/FCCMP(E), FCSEL,
 * FCVT S<->D, FSQRT, SCVTF/UCVTF, FCVT<r>S/U to integer and to/from fixed point (general
 * registers), and the vector FP arithmetic, compares and pairwise forms, FMADD/FMSUB/FNMADD/
 * FNMSUB, FRINT<r> (scalar). trans-simd-fpel.c has the FP multiplies by element, FMLA/FMLS
 * (vector), FMULX, FRECPS/FRSQRTS, the estimates (FRECPE, FRSQRTE, FRECPX, URECPE, URSQRTE),
 * FCVTN/FCVTL/FCVTXN and the Advanced SIMD fixed-point conversions; trans-crypto.c the
 * Cryptographic Extension. UNDEFINED because -cpu max does not advertise the feature: half
 * precision (FEAT_FP16), BF16, FRINT32/64 (FEAT_FRINTTS), FJCVTZS (FEAT_JSCVT), FCMLA/FCADD,
 * dot products, FMLAL/FMLSL, SQRDMLAH/SQRDMLSH, I8MM, SM3/SM4. */
#include "translate.h"
#include "cpu-features.h"
#include "simd-sat.h"
#include "decode-a64-simd-fp.h"
#include "trans-crypto.h"

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

/* ---- Advanced SIMD integer vector operations, lane by lane ----
 * Every result is assembled in fresh temps and written to Vd at the end, so Vd may alias any
 * source. A 64-bit (Q = 0) result zeroes the upper half of Vd. esz is log2 of the lane size in
 * bytes; the .decode file leaves out the reserved size/Q pairs. */

typedef struct VRes {
    IrTemp lo, hi;
} VRes;

static VRes vres_new(DisasContext *s)
{
    VRes r = { new_tmp(s), new_tmp(s) };

    ir_gen_movi(s->ir, r.lo, 0);
    ir_gen_movi(s->ir, r.hi, 0);
    return r;
}

static void vres_set(DisasContext *s, VRes *r, int e, int esz, IrTemp v)
{
    unsigned bitpos = (unsigned)e << (esz + 3);
    IrTemp half = bitpos >= 64 ? r->hi : r->lo;

    if (esz == 3) {
        ir_gen_mov(s->ir, IR_I64, half, v);
    } else {
        ir_gen_deposit(s->ir, IR_I64, half, half, v, (int)(bitpos & 63), 8 << esz);
    }
}

static void vres_write(DisasContext *s, int rd, VRes r, bool q)
{
    ir_gen_mov(s->ir, IR_I64, vlo(rd), r.lo);
    if (q) {
        ir_gen_mov(s->ir, IR_I64, vhi(rd), r.hi);
    } else {
        ir_gen_movi(s->ir, vhi(rd), 0);
    }
}

static int lanes(bool q, int esz)
{
    return (q ? 16 : 8) >> esz;
}

/* d = all ones if (a cond b) else 0 */
static void gen_mask(DisasContext *s, IrCond c, IrTemp d, IrTemp a, IrTemp b)
{
    ir_gen_setcond(s->ir, IR_I64, c, d, a, b);
    ir_gen_neg(s->ir, IR_I64, d, d);
}

static void gen_absdiff(DisasContext *s, IrTemp d, IrTemp a, IrTemp b, bool sign)
{
    IrTemp t = new_tmp(s), u = new_tmp(s);

    ir_gen_sub(s->ir, IR_I64, t, a, b);
    ir_gen_sub(s->ir, IR_I64, u, b, a);
    ir_gen_movcond(s->ir, IR_I64, sign ? IR_COND_GT : IR_COND_GTU, d, a, b, t, u);
}

typedef enum Op3 {
    O3_ADD, O3_SUB, O3_MUL, O3_MLA, O3_MLS, O3_CMGT, O3_CMHI, O3_CMGE, O3_CMHS, O3_CMEQ,
    O3_CMTST, O3_SMAX, O3_UMAX, O3_SMIN, O3_UMIN, O3_SABD, O3_UABD, O3_SABA, O3_UABA,
    O3_SHADD, O3_UHADD, O3_SRHADD, O3_URHADD, O3_SHSUB, O3_UHSUB, O3_PMUL,
} Op3;

static bool op3_signed(Op3 op)
{
    switch (op) {
    case O3_CMGT: case O3_CMGE: case O3_SMAX: case O3_SMIN: case O3_SABD: case O3_SABA:
    case O3_SHADD: case O3_SRHADD: case O3_SHSUB:
        return true;
    default:
        return false;
    }
}

/* One lane of a three-same operation on extended inputs; acc is the old Vd lane. */
static void gen_op3(DisasContext *s, Op3 op, IrTemp d, IrTemp n, IrTemp m, IrTemp acc, int esz)
{
    IrContext *ir = s->ir;
    IrTemp t = new_tmp(s);

    switch (op) {
    case O3_ADD: ir_gen_add(ir, IR_I64, d, n, m); break;
    case O3_SUB: ir_gen_sub(ir, IR_I64, d, n, m); break;
    case O3_MUL: ir_gen_mul(ir, IR_I64, d, n, m); break;
    case O3_MLA: ir_gen_mul(ir, IR_I64, t, n, m); ir_gen_add(ir, IR_I64, d, acc, t); break;
    case O3_MLS: ir_gen_mul(ir, IR_I64, t, n, m); ir_gen_sub(ir, IR_I64, d, acc, t); break;
    case O3_CMGT: gen_mask(s, IR_COND_GT, d, n, m); break;
    case O3_CMHI: gen_mask(s, IR_COND_GTU, d, n, m); break;
    case O3_CMGE: gen_mask(s, IR_COND_GE, d, n, m); break;
    case O3_CMHS: gen_mask(s, IR_COND_GEU, d, n, m); break;
    case O3_CMEQ: gen_mask(s, IR_COND_EQ, d, n, m); break;
    case O3_CMTST: gen_mask(s, IR_COND_TSTNE, d, n, m); break;
    case O3_SMAX: ir_gen_movcond(ir, IR_I64, IR_COND_GT, d, n, m, n, m); break;
    case O3_UMAX: ir_gen_movcond(ir, IR_I64, IR_COND_GTU, d, n, m, n, m); break;
    case O3_SMIN: ir_gen_movcond(ir, IR_I64, IR_COND_LT, d, n, m, n, m); break;
    case O3_UMIN: ir_gen_movcond(ir, IR_I64, IR_COND_LTU, d, n, m, n, m); break;
    case O3_SABD: gen_absdiff(s, d, n, m, true); break;
    case O3_UABD: gen_absdiff(s, d, n, m, false); break;
    case O3_SABA: gen_absdiff(s, t, n, m, true); ir_gen_add(ir, IR_I64, d, acc, t); break;
    case O3_UABA: gen_absdiff(s, t, n, m, false); ir_gen_add(ir, IR_I64, d, acc, t); break;
    /* Halving forms: lanes are at most 32 bits, so the 64-bit sum is exact. */
    case O3_SHADD:
        ir_gen_add(ir, IR_I64, t, n, m);
        ir_gen_sar(ir, IR_I64, d, t, tcg_const(s, 1));
        break;
    case O3_UHADD:
        ir_gen_add(ir, IR_I64, t, n, m);
        ir_gen_shr(ir, IR_I64, d, t, tcg_const(s, 1));
        break;
    case O3_SRHADD:
        ir_gen_add(ir, IR_I64, t, n, m);
        ir_gen_add(ir, IR_I64, t, t, tcg_const(s, 1));
        ir_gen_sar(ir, IR_I64, d, t, tcg_const(s, 1));
        break;
    case O3_URHADD:
        ir_gen_add(ir, IR_I64, t, n, m);
        ir_gen_add(ir, IR_I64, t, t, tcg_const(s, 1));
        ir_gen_shr(ir, IR_I64, d, t, tcg_const(s, 1));
        break;
    case O3_SHSUB: case O3_UHSUB:   /* the 64-bit difference is exact; halve it, rounding down */
        ir_gen_sub(ir, IR_I64, t, n, m);
        ir_gen_sar(ir, IR_I64, d, t, tcg_const(s, 1));
        break;
    case O3_PMUL: {
        /* polynomial (carry-less) product of two bytes, low 8 bits */
        IrTemp bit = new_tmp(s), part = new_tmp(s);
        ir_gen_movi(ir, d, 0);
        for (int i = 0; i < 8; i++) {
            ir_gen_extract(ir, IR_I64, bit, m, i, 1);
            ir_gen_neg(ir, IR_I64, bit, bit);
            ir_gen_and(ir, IR_I64, part, n, bit);
            ir_gen_shl(ir, IR_I64, part, part, tcg_const(s, (uint64_t)i));
            ir_gen_xor(ir, IR_I64, d, d, part);
        }
        break;
    }
    }
    (void)esz;
}

/* scalar: one lane, the rest of Vd zeroed; midx >= 0: every lane uses Vm lane midx. */
static bool do_3same_ex(DisasContext *s, bool q, int rd, int rn, int rm, int esz, Op3 op,
                        bool scalar, int midx)
{
    bool sign = op3_signed(op);
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < (scalar ? 1 : lanes(q, esz)); e++) {
        IrTemp n = gen_get_elem(s, rn, e, esz, sign);
        IrTemp m = gen_get_elem(s, rm, midx >= 0 ? midx : e, esz, sign);
        IrTemp acc = gen_get_elem(s, rd, e, esz, false);
        IrTemp d = new_tmp(s);
        gen_op3(s, op, d, n, m, acc, esz);
        vres_set(s, &r, e, esz, d);
    }
    vres_write(s, rd, r, q && !scalar);
    return true;
}

static bool do_3same(DisasContext *s, arg_qrrr_e *a, Op3 op)
{
    return do_3same_ex(s, a->q, a->rd, a->rn, a->rm, a->esz, op, false, -1);
}

#define TRANS_3SAME(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_qrrr_e *a) { return do_3same(s, a, OP); }
TRANS_3SAME(ADD_v, O3_ADD)
TRANS_3SAME(SUB_v, O3_SUB)
TRANS_3SAME(MUL_v, O3_MUL)
TRANS_3SAME(MLA_v, O3_MLA)
TRANS_3SAME(MLS_v, O3_MLS)
TRANS_3SAME(PMUL_v, O3_PMUL)
TRANS_3SAME(CMGT_v, O3_CMGT)
TRANS_3SAME(CMHI_v, O3_CMHI)
TRANS_3SAME(CMGE_v, O3_CMGE)
TRANS_3SAME(CMHS_v, O3_CMHS)
TRANS_3SAME(CMEQ_v, O3_CMEQ)
TRANS_3SAME(CMTST_v, O3_CMTST)
TRANS_3SAME(SMAX_v, O3_SMAX)
TRANS_3SAME(UMAX_v, O3_UMAX)
TRANS_3SAME(SMIN_v, O3_SMIN)
TRANS_3SAME(UMIN_v, O3_UMIN)
TRANS_3SAME(SABD_v, O3_SABD)
TRANS_3SAME(UABD_v, O3_UABD)
TRANS_3SAME(SABA_v, O3_SABA)
TRANS_3SAME(UABA_v, O3_UABA)
TRANS_3SAME(SHADD_v, O3_SHADD)
TRANS_3SAME(UHADD_v, O3_UHADD)
TRANS_3SAME(SRHADD_v, O3_SRHADD)
TRANS_3SAME(URHADD_v, O3_URHADD)
TRANS_3SAME(SHSUB_v, O3_SHSUB)
TRANS_3SAME(UHSUB_v, O3_UHSUB)

/* Pairwise: the lanes of Vn then Vm form one sequence; result lane e combines lanes 2e, 2e+1. */
static bool do_pairwise(DisasContext *s, arg_qrrr_e *a, Op3 op)
{
    bool sign = op3_signed(op);
    int n = lanes(a->q, a->esz);
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        int i = 2 * e, reg = i < n ? a->rn : a->rm;
        IrTemp x = gen_get_elem(s, reg, i % n, a->esz, sign);
        IrTemp y = gen_get_elem(s, reg, (i + 1) % n, a->esz, sign);
        IrTemp d = new_tmp(s);
        gen_op3(s, op, d, x, y, IR_NO_TEMP, a->esz);
        vres_set(s, &r, e, a->esz, d);
    }
    vres_write(s, a->rd, r, a->q);
    return true;
}

bool trans_ADDP_v(DisasContext *s, arg_qrrr_e *a) { return do_pairwise(s, a, O3_ADD); }
bool trans_SMAXP_v(DisasContext *s, arg_qrrr_e *a) { return do_pairwise(s, a, O3_SMAX); }
bool trans_UMAXP_v(DisasContext *s, arg_qrrr_e *a) { return do_pairwise(s, a, O3_UMAX); }
bool trans_SMINP_v(DisasContext *s, arg_qrrr_e *a) { return do_pairwise(s, a, O3_SMIN); }
bool trans_UMINP_v(DisasContext *s, arg_qrrr_e *a) { return do_pairwise(s, a, O3_UMIN); }

/* ---- two-register miscellaneous (integer), the non-saturating ones ---- */

typedef enum Op2 {
    O2_CMGT0, O2_CMGE0, O2_CMEQ0, O2_CMLE0, O2_CMLT0, O2_ABS, O2_NEG, O2_CLS, O2_CLZ,
} Op2;

static bool do_2misc_ex(DisasContext *s, arg_qrr_e *a, Op2 op, bool scalar)
{
    IrContext *ir = s->ir;
    IrTemp zero = tcg_const(s, 0);
    int width = 8 << a->esz;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < (scalar ? 1 : lanes(a->q, a->esz)); e++) {
        IrTemp n = gen_get_elem(s, a->rn, e, a->esz, op != O2_CLZ);
        IrTemp d = new_tmp(s);
        switch (op) {
        case O2_CMGT0: gen_mask(s, IR_COND_GT, d, n, zero); break;
        case O2_CMGE0: gen_mask(s, IR_COND_GE, d, n, zero); break;
        case O2_CMEQ0: gen_mask(s, IR_COND_EQ, d, n, zero); break;
        case O2_CMLE0: gen_mask(s, IR_COND_LE, d, n, zero); break;
        case O2_CMLT0: gen_mask(s, IR_COND_LT, d, n, zero); break;
        case O2_NEG: ir_gen_neg(ir, IR_I64, d, n); break;
        case O2_ABS: {
            IrTemp t = new_tmp(s);
            ir_gen_neg(ir, IR_I64, t, n);
            ir_gen_movcond(ir, IR_I64, IR_COND_LT, d, n, zero, t, n);
            break;
        }
        case O2_CLS:    /* n is sign-extended to 64 bits */
            ir_gen_cls(ir, IR_I64, d, n);
            ir_gen_sub(ir, IR_I64, d, d, tcg_const(s, (uint64_t)(64 - width)));
            break;
        case O2_CLZ:    /* n is zero-extended */
            ir_gen_clz(ir, IR_I64, d, n);
            ir_gen_sub(ir, IR_I64, d, d, tcg_const(s, (uint64_t)(64 - width)));
            break;
        }
        vres_set(s, &r, e, a->esz, d);
    }
    vres_write(s, a->rd, r, a->q && !scalar);
    return true;
}

static bool do_2misc(DisasContext *s, arg_qrr_e *a, Op2 op)
{
    return do_2misc_ex(s, a, op, false);
}

bool trans_CMGT0_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_CMGT0); }
bool trans_CMGE0_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_CMGE0); }
bool trans_CMEQ0_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_CMEQ0); }
bool trans_CMLE0_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_CMLE0); }
bool trans_CMLT0_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_CMLT0); }
bool trans_ABS_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_ABS); }
bool trans_NEG_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_NEG); }
bool trans_CLS_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_CLS); }
bool trans_CLZ_v(DisasContext *s, arg_qrr_e *a) { return do_2misc(s, a, O2_CLZ); }

/* Whole-half bit operations: NOT, RBIT (bits reversed within each byte), CNT (per byte). */
typedef enum OpHalf { OH_NOT, OH_RBIT, OH_CNT } OpHalf;

static bool do_half_op(DisasContext *s, bool q, int rd, int rn, OpHalf op)
{
    IrContext *ir = s->ir;
    IrTemp res[2];

    if (!fp_access_check(s)) {
        return true;
    }
    for (int h = 0; h < (q ? 2 : 1); h++) {
        IrTemp x = h ? vhi(rn) : vlo(rn);
        IrTemp d = new_tmp(s), t = new_tmp(s);
        switch (op) {
        case OH_NOT:
            ir_gen_not(ir, IR_I64, d, x);
            break;
        case OH_RBIT:
            ir_gen_rbit(ir, IR_I64, d, x);
            ir_gen_bswap64(ir, IR_I64, d, d);
            break;
        case OH_CNT:
            /* per-byte population count, in the usual SWAR steps */
            ir_gen_shr(ir, IR_I64, t, x, tcg_const(s, 1));
            ir_gen_and(ir, IR_I64, t, t, tcg_const(s, 0x5555555555555555ull));
            ir_gen_sub(ir, IR_I64, d, x, t);
            ir_gen_shr(ir, IR_I64, t, d, tcg_const(s, 2));
            ir_gen_and(ir, IR_I64, t, t, tcg_const(s, 0x3333333333333333ull));
            ir_gen_and(ir, IR_I64, d, d, tcg_const(s, 0x3333333333333333ull));
            ir_gen_add(ir, IR_I64, d, d, t);
            ir_gen_shr(ir, IR_I64, t, d, tcg_const(s, 4));
            ir_gen_add(ir, IR_I64, d, d, t);
            ir_gen_and(ir, IR_I64, d, d, tcg_const(s, 0x0f0f0f0f0f0f0f0full));
            break;
        }
        res[h] = d;
    }
    ir_gen_mov(ir, IR_I64, vlo(rd), res[0]);
    if (q) {
        ir_gen_mov(ir, IR_I64, vhi(rd), res[1]);
    } else {
        ir_gen_movi(ir, vhi(rd), 0);
    }
    return true;
}

bool trans_NOT_v(DisasContext *s, arg_qrr *a) { return do_half_op(s, a->q, a->rd, a->rn, OH_NOT); }
bool trans_RBIT_v(DisasContext *s, arg_qrr *a)
{
    return do_half_op(s, a->q, a->rd, a->rn, OH_RBIT);
}

bool trans_CNT_v(DisasContext *s, arg_qrr_e *a)
{
    return do_half_op(s, a->q, a->rd, a->rn, OH_CNT);
}

/* REV16/REV32/REV64: reverse the lanes inside each container of 2^cont bytes. */
static bool do_rev(DisasContext *s, arg_qrr_e *a, int cont)
{
    int flip = (1 << (cont - a->esz)) - 1;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < lanes(a->q, a->esz); e++) {
        vres_set(s, &r, e, a->esz, gen_get_elem(s, a->rn, e ^ flip, a->esz, false));
    }
    vres_write(s, a->rd, r, a->q);
    return true;
}

bool trans_REV16_v(DisasContext *s, arg_qrr_e *a) { return do_rev(s, a, 1); }
bool trans_REV32_v(DisasContext *s, arg_qrr_e *a) { return do_rev(s, a, 2); }
bool trans_REV64_v(DisasContext *s, arg_qrr_e *a) { return do_rev(s, a, 3); }

/* XTN/XTN2: narrow each 2*esize lane of Vn to esize; XTN2 (Q = 1) fills the upper half and
 * keeps the lower one. */
bool trans_XTN_v(DisasContext *s, arg_qrr_e *a)
{
    VRes r;
    int n = 8 >> a->esz;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        vres_set(s, &r, e, a->esz, gen_get_elem(s, a->rn, e, a->esz + 1, false));
    }
    if (a->q) {
        ir_gen_mov(s->ir, IR_I64, vhi(a->rd), r.lo);
    } else {
        ir_gen_mov(s->ir, IR_I64, vlo(a->rd), r.lo);
        ir_gen_movi(s->ir, vhi(a->rd), 0);
    }
    return true;
}

/* SHLL/SHLL2: widen the lower (upper for Q = 1) half's lanes, shifted left by esize. */
bool trans_SHLL_v(DisasContext *s, arg_qrr_e *a)
{
    VRes r;
    int n = 8 >> a->esz;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        IrTemp x = gen_get_elem(s, a->rn, e + (a->q ? n : 0), a->esz, false);
        IrTemp d = new_tmp(s);
        ir_gen_shl(s->ir, IR_I64, d, x, tcg_const(s, (uint64_t)(8 << a->esz)));
        vres_set(s, &r, e, a->esz + 1, d);
    }
    vres_write(s, a->rd, r, true);
    return true;
}

/* SADDLP/UADDLP/SADALP/UADALP: add adjacent lane pairs into lanes of twice the size. */
static bool do_addlp(DisasContext *s, arg_qrr_e *a, bool sign, bool acc)
{
    VRes r;
    int n = lanes(a->q, a->esz) / 2;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        IrTemp x = gen_get_elem(s, a->rn, 2 * e, a->esz, sign);
        IrTemp y = gen_get_elem(s, a->rn, 2 * e + 1, a->esz, sign);
        IrTemp d = new_tmp(s);
        ir_gen_add(s->ir, IR_I64, d, x, y);
        if (acc) {
            ir_gen_add(s->ir, IR_I64, d, d, gen_get_elem(s, a->rd, e, a->esz + 1, false));
        }
        vres_set(s, &r, e, a->esz + 1, d);
    }
    vres_write(s, a->rd, r, a->q);
    return true;
}

bool trans_SADDLP_v(DisasContext *s, arg_qrr_e *a) { return do_addlp(s, a, true, false); }
bool trans_UADDLP_v(DisasContext *s, arg_qrr_e *a) { return do_addlp(s, a, false, false); }
bool trans_SADALP_v(DisasContext *s, arg_qrr_e *a) { return do_addlp(s, a, true, true); }
bool trans_UADALP_v(DisasContext *s, arg_qrr_e *a) { return do_addlp(s, a, false, true); }

/* ---- across lanes: ADDV, [SU]ADDLV, [SU]MAXV, [SU]MINV; the scalar result zeroes the rest ---- */
static bool do_across(DisasContext *s, arg_qrr_e *a, Op3 op, bool sign, bool longer)
{
    IrTemp accv = new_tmp(s);
    int out = a->esz + (longer ? 1 : 0);

    if (!fp_access_check(s)) {
        return true;
    }
    ir_gen_mov(s->ir, IR_I64, accv, gen_get_elem(s, a->rn, 0, a->esz, sign));
    for (int e = 1; e < lanes(a->q, a->esz); e++) {
        gen_op3(s, op, accv, accv, gen_get_elem(s, a->rn, e, a->esz, sign), IR_NO_TEMP, a->esz);
    }
    gen_write_scalar(s, a->rd, accv, 8 << out);
    return true;
}

bool trans_ADDV(DisasContext *s, arg_qrr_e *a) { return do_across(s, a, O3_ADD, false, false); }
bool trans_SADDLV(DisasContext *s, arg_qrr_e *a) { return do_across(s, a, O3_ADD, true, true); }
bool trans_UADDLV(DisasContext *s, arg_qrr_e *a) { return do_across(s, a, O3_ADD, false, true); }
bool trans_SMAXV(DisasContext *s, arg_qrr_e *a) { return do_across(s, a, O3_SMAX, true, false); }
bool trans_UMAXV(DisasContext *s, arg_qrr_e *a) { return do_across(s, a, O3_UMAX, false, false); }
bool trans_SMINV(DisasContext *s, arg_qrr_e *a) { return do_across(s, a, O3_SMIN, true, false); }
bool trans_UMINV(DisasContext *s, arg_qrr_e *a) { return do_across(s, a, O3_UMIN, false, false); }

/* ---- permute: UZP1/2, TRN1/2, ZIP1/2 (C7.2.386...) ---- */
typedef enum PermOp { P_UZP1, P_UZP2, P_TRN1, P_TRN2, P_ZIP1, P_ZIP2 } PermOp;

static bool do_permute(DisasContext *s, arg_qrrr_e *a, PermOp op)
{
    int n = lanes(a->q, a->esz);
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        int reg, idx;
        switch (op) {
        case P_UZP1: case P_UZP2: {
            int i = 2 * e + (op == P_UZP2);
            reg = i < n ? a->rn : a->rm;
            idx = i % n;
            break;
        }
        case P_TRN1: case P_TRN2:
            reg = (e & 1) ? a->rm : a->rn;
            idx = (e & ~1) + (op == P_TRN2);
            break;
        default:
            reg = (e & 1) ? a->rm : a->rn;
            idx = e / 2 + (op == P_ZIP2 ? n / 2 : 0);
            break;
        }
        vres_set(s, &r, e, a->esz, gen_get_elem(s, reg, idx, a->esz, false));
    }
    vres_write(s, a->rd, r, a->q);
    return true;
}

bool trans_UZP1_v(DisasContext *s, arg_qrrr_e *a) { return do_permute(s, a, P_UZP1); }
bool trans_UZP2_v(DisasContext *s, arg_qrrr_e *a) { return do_permute(s, a, P_UZP2); }
bool trans_TRN1_v(DisasContext *s, arg_qrrr_e *a) { return do_permute(s, a, P_TRN1); }
bool trans_TRN2_v(DisasContext *s, arg_qrrr_e *a) { return do_permute(s, a, P_TRN2); }
bool trans_ZIP1_v(DisasContext *s, arg_qrrr_e *a) { return do_permute(s, a, P_ZIP1); }
bool trans_ZIP2_v(DisasContext *s, arg_qrrr_e *a) { return do_permute(s, a, P_ZIP2); }

/* EXT: bytes imm.. of the concatenation Vm:Vn (Vn lowest), datasize bytes long. */
bool trans_EXT_v(DisasContext *s, arg_qrrr_i *a)
{
    int bytes = a->q ? 16 : 8;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int j = 0; j < bytes; j++) {
        int i = a->imm + j;
        int reg = i < bytes ? a->rn : a->rm;
        vres_set(s, &r, j, 0, gen_get_elem(s, reg, i % bytes, 0, false));
    }
    vres_write(s, a->rd, r, a->q);
    return true;
}

/* TBL/TBX (C7.2.345): the byte indices are data, so a helper does the lookup. */
static bool do_tbl(DisasContext *s, arg_tbl *a, bool tbx)
{
    uint64_t desc = (uint64_t)a->rd | (uint64_t)a->rn << 5 | (uint64_t)a->rm << 10 |
                    (uint64_t)a->len << 15 | (uint64_t)a->q << 17 | (uint64_t)tbx << 18;

    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_simd_tbl, IR_NO_TEMP, 1, tcg_const(s, desc));
    return true;
}

bool trans_TBL_v(DisasContext *s, arg_tbl *a) { return do_tbl(s, a, false); }
bool trans_TBX_v(DisasContext *s, arg_tbl *a) { return do_tbl(s, a, true); }

/* ---- three different (C4.1.95.23): long, wide and narrow forms; the "2" variants (Q = 1)
 * read the upper half of the narrow sources or write the upper half of the narrow result. ---- */

typedef enum OpL {
    OL_ADD, OL_SUB, OL_ABD, OL_ABA, OL_MUL, OL_MLA, OL_MLS, OL_PMUL,
} OpL;

static void gen_opl(DisasContext *s, OpL op, IrTemp d, IrTemp n, IrTemp m, IrTemp acc, bool sign,
                    int esz)
{
    IrContext *ir = s->ir;
    IrTemp t = new_tmp(s);

    switch (op) {
    case OL_ADD: ir_gen_add(ir, IR_I64, d, n, m); break;
    case OL_SUB: ir_gen_sub(ir, IR_I64, d, n, m); break;
    case OL_ABD: gen_absdiff(s, d, n, m, sign); break;
    case OL_ABA: gen_absdiff(s, t, n, m, sign); ir_gen_add(ir, IR_I64, d, acc, t); break;
    case OL_MUL: ir_gen_mul(ir, IR_I64, d, n, m); break;
    case OL_MLA: ir_gen_mul(ir, IR_I64, t, n, m); ir_gen_add(ir, IR_I64, d, acc, t); break;
    case OL_MLS: ir_gen_mul(ir, IR_I64, t, n, m); ir_gen_sub(ir, IR_I64, d, acc, t); break;
    case OL_PMUL: {
        IrTemp bit = new_tmp(s);
        ir_gen_movi(ir, d, 0);
        for (int i = 0; i < (8 << esz); i++) {
            ir_gen_extract(ir, IR_I64, bit, m, i, 1);
            ir_gen_neg(ir, IR_I64, bit, bit);
            ir_gen_and(ir, IR_I64, bit, n, bit);
            ir_gen_shl(ir, IR_I64, bit, bit, tcg_const(s, (uint64_t)i));
            ir_gen_xor(ir, IR_I64, d, d, bit);
        }
        break;
    }
    }
}

/* Long (both sources narrow) or wide (Vn already wide) forms: result lanes are 2 * esize. */
static bool do_long_ex(DisasContext *s, arg_qrrr_e *a, OpL op, bool sign, bool wide, int midx)
{
    int n = 8 >> a->esz, off = a->q ? n : 0;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        IrTemp x = wide ? gen_get_elem(s, a->rn, e, a->esz + 1, false)
                        : gen_get_elem(s, a->rn, e + off, a->esz, sign);
        IrTemp y = gen_get_elem(s, a->rm, midx >= 0 ? midx : e + off, a->esz, sign);
        IrTemp acc = gen_get_elem(s, a->rd, e, a->esz + 1, false);
        IrTemp d = new_tmp(s);
        gen_opl(s, op, d, x, y, acc, sign, a->esz);
        vres_set(s, &r, e, a->esz + 1, d);
    }
    vres_write(s, a->rd, r, true);
    return true;
}

static bool do_long(DisasContext *s, arg_qrrr_e *a, OpL op, bool sign, bool wide)
{
    return do_long_ex(s, a, op, sign, wide, -1);
}

#define TRANS_LONG(NAME, OP, SIGN, WIDE) \
    bool trans_##NAME(DisasContext *s, arg_qrrr_e *a) { return do_long(s, a, OP, SIGN, WIDE); }
TRANS_LONG(SADDL_v, OL_ADD, true, false)
TRANS_LONG(UADDL_v, OL_ADD, false, false)
TRANS_LONG(SADDW_v, OL_ADD, true, true)
TRANS_LONG(UADDW_v, OL_ADD, false, true)
TRANS_LONG(SSUBL_v, OL_SUB, true, false)
TRANS_LONG(USUBL_v, OL_SUB, false, false)
TRANS_LONG(SSUBW_v, OL_SUB, true, true)
TRANS_LONG(USUBW_v, OL_SUB, false, true)
TRANS_LONG(SABAL_v, OL_ABA, true, false)
TRANS_LONG(UABAL_v, OL_ABA, false, false)
TRANS_LONG(SABDL_v, OL_ABD, true, false)
TRANS_LONG(UABDL_v, OL_ABD, false, false)
TRANS_LONG(SMLAL_v, OL_MLA, true, false)
TRANS_LONG(UMLAL_v, OL_MLA, false, false)
TRANS_LONG(SMLSL_v, OL_MLS, true, false)
TRANS_LONG(UMLSL_v, OL_MLS, false, false)
TRANS_LONG(SMULL_v, OL_MUL, true, false)
TRANS_LONG(UMULL_v, OL_MUL, false, false)

/* PMULL/PMULL2: 8 x 8 -> 16 polynomial products; the 64 x 64 -> 128 form (FEAT_PMULL,
 * ID_AA64ISAR0_EL1.AES >= 2) is in trans-crypto.c. */
bool trans_PMULL_v(DisasContext *s, arg_qrrr_e *a)
{
    if (a->esz == 3) {
        return trans_pmull_64(s, a);
    }
    if (a->esz != 0) {
        return false;
    }
    return do_long(s, a, OL_PMUL, false, false);
}

/* ADDHN/SUBHN/RADDHN/RSUBHN: the high half of each 2 * esize sum or difference. */
static bool do_hn(DisasContext *s, arg_qrrr_e *a, bool sub, bool round)
{
    int n = 8 >> a->esz, w = 8 << a->esz;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        IrTemp x = gen_get_elem(s, a->rn, e, a->esz + 1, false);
        IrTemp y = gen_get_elem(s, a->rm, e, a->esz + 1, false);
        IrTemp d = new_tmp(s);
        if (sub) {
            ir_gen_sub(s->ir, IR_I64, d, x, y);
        } else {
            ir_gen_add(s->ir, IR_I64, d, x, y);
        }
        if (round) {
            ir_gen_add(s->ir, IR_I64, d, d, tcg_const(s, 1ull << (w - 1)));
        }
        ir_gen_extract(s->ir, IR_I64, d, d, w, w);
        vres_set(s, &r, e, a->esz, d);
    }
    if (a->q) {
        ir_gen_mov(s->ir, IR_I64, vhi(a->rd), r.lo);
    } else {
        ir_gen_mov(s->ir, IR_I64, vlo(a->rd), r.lo);
        ir_gen_movi(s->ir, vhi(a->rd), 0);
    }
    return true;
}

bool trans_ADDHN_v(DisasContext *s, arg_qrrr_e *a) { return do_hn(s, a, false, false); }
bool trans_RADDHN_v(DisasContext *s, arg_qrrr_e *a) { return do_hn(s, a, false, true); }
bool trans_SUBHN_v(DisasContext *s, arg_qrrr_e *a) { return do_hn(s, a, true, false); }
bool trans_RSUBHN_v(DisasContext *s, arg_qrrr_e *a) { return do_hn(s, a, true, true); }

/* ---- shift by immediate (C4.1.95.22): the highest set bit of immh gives the lane size;
 * right shifts are 2 * esize - immh:immb, left shifts immh:immb - esize. ---- */

static int shift_esz(const arg_qrr_shift *a)
{
    return 31 - __builtin_clz((unsigned)a->immh);
}

/* x (extended to 64 bits) shifted right by sh in 1..64, rounded when round: the rounding add
 * of 2^(sh-1) is done as floor(x / 2^sh) + bit (sh-1) of x, which cannot overflow. */
static void gen_shr_round(DisasContext *s, IrTemp d, IrTemp x, int sh, bool sign, bool round)
{
    IrContext *ir = s->ir;
    IrTemp t = new_tmp(s);

    if (sh >= 64) {
        if (sign) {
            ir_gen_sar(ir, IR_I64, t, x, tcg_const(s, 63));
        } else {
            ir_gen_movi(ir, t, 0);
        }
    } else if (sign) {
        ir_gen_sar(ir, IR_I64, t, x, tcg_const(s, (uint64_t)sh));
    } else {
        ir_gen_shr(ir, IR_I64, t, x, tcg_const(s, (uint64_t)sh));
    }
    if (round) {
        IrTemp b = new_tmp(s);
        ir_gen_extract(ir, IR_I64, b, x, sh - 1, 1);
        ir_gen_add(ir, IR_I64, t, t, b);
    }
    ir_gen_mov(ir, IR_I64, d, t);
}

typedef enum OpSh { SH_SHR, SH_SRA, SH_RSHR, SH_RSRA, SH_SHL, SH_SLI, SH_SRI } OpSh;

static bool do_shift_imm_ex(DisasContext *s, arg_qrr_shift *a, OpSh op, bool sign, bool scalar)
{
    int esz = shift_esz(a), w = 8 << esz;
    int imm = a->immh << 3 | a->immb;
    int sh = (op == SH_SHL || op == SH_SLI) ? imm - w : 2 * w - imm;
    uint64_t ones = w == 64 ? ~0ull : (1ull << w) - 1;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < (scalar ? 1 : lanes(a->q, esz)); e++) {
        IrTemp x = gen_get_elem(s, a->rn, e, esz, sign);
        IrTemp old = gen_get_elem(s, a->rd, e, esz, false);
        IrTemp d = new_tmp(s);
        switch (op) {
        case SH_SHR: case SH_RSHR:
            gen_shr_round(s, d, x, sh, sign, op == SH_RSHR);
            break;
        case SH_SRA: case SH_RSRA:
            gen_shr_round(s, d, x, sh, sign, op == SH_RSRA);
            ir_gen_add(s->ir, IR_I64, d, d, old);
            break;
        case SH_SHL:
            ir_gen_shl(s->ir, IR_I64, d, x, tcg_const(s, (uint64_t)sh));
            break;
        case SH_SLI: {
            /* keep the low sh bits of the old lane */
            IrTemp t = new_tmp(s);
            ir_gen_shl(s->ir, IR_I64, t, x, tcg_const(s, (uint64_t)sh));
            ir_gen_and(s->ir, IR_I64, d, old, tcg_const(s, ~(ones << sh) & ones));
            ir_gen_or(s->ir, IR_I64, d, d, t);
            break;
        }
        case SH_SRI:
            /* keep the high sh bits of the old lane; sh == esize leaves it unchanged */
            if (sh >= w) {
                ir_gen_mov(s->ir, IR_I64, d, old);
            } else {
                IrTemp t = new_tmp(s);
                ir_gen_shr(s->ir, IR_I64, t, x, tcg_const(s, (uint64_t)sh));
                ir_gen_and(s->ir, IR_I64, d, old, tcg_const(s, ~(ones >> sh) & ones));
                ir_gen_or(s->ir, IR_I64, d, d, t);
            }
            break;
        }
        vres_set(s, &r, e, esz, d);
    }
    vres_write(s, a->rd, r, a->q && !scalar);
    return true;
}

static bool do_shift_imm(DisasContext *s, arg_qrr_shift *a, OpSh op, bool sign)
{
    return do_shift_imm_ex(s, a, op, sign, false);
}

#define TRANS_SHIFT(NAME, OP, SIGN) \
    bool trans_##NAME(DisasContext *s, arg_qrr_shift *a) { return do_shift_imm(s, a, OP, SIGN); }
TRANS_SHIFT(SSHR_v, SH_SHR, true)
TRANS_SHIFT(USHR_v, SH_SHR, false)
TRANS_SHIFT(SSRA_v, SH_SRA, true)
TRANS_SHIFT(USRA_v, SH_SRA, false)
TRANS_SHIFT(SRSHR_v, SH_RSHR, true)
TRANS_SHIFT(URSHR_v, SH_RSHR, false)
TRANS_SHIFT(SRSRA_v, SH_RSRA, true)
TRANS_SHIFT(URSRA_v, SH_RSRA, false)
TRANS_SHIFT(SHL_v, SH_SHL, false)
TRANS_SHIFT(SLI_v, SH_SLI, false)
TRANS_SHIFT(SRI_v, SH_SRI, false)

/* SHRN/RSHRN (and the "2" forms): narrow 2 * esize lanes shifted right by 2 * esize - imm. */
static bool do_shrn(DisasContext *s, arg_qrr_shift *a, bool round)
{
    int esz = shift_esz(a), w = 8 << esz;
    int sh = 2 * w - (a->immh << 3 | a->immb);
    int n = 8 >> esz;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        IrTemp x = gen_get_elem(s, a->rn, e, esz + 1, false);
        IrTemp d = new_tmp(s);
        gen_shr_round(s, d, x, sh, false, round);
        vres_set(s, &r, e, esz, d);
    }
    if (a->q) {
        ir_gen_mov(s->ir, IR_I64, vhi(a->rd), r.lo);
    } else {
        ir_gen_mov(s->ir, IR_I64, vlo(a->rd), r.lo);
        ir_gen_movi(s->ir, vhi(a->rd), 0);
    }
    return true;
}

bool trans_SHRN_v(DisasContext *s, arg_qrr_shift *a) { return do_shrn(s, a, false); }
bool trans_RSHRN_v(DisasContext *s, arg_qrr_shift *a) { return do_shrn(s, a, true); }

/* SSHLL/USHLL (SXTL/UXTL aliases): widen the lower (upper, Q = 1) half, shift left. */
static bool do_shll_imm(DisasContext *s, arg_qrr_shift *a, bool sign)
{
    int esz = shift_esz(a), w = 8 << esz;
    int sh = (a->immh << 3 | a->immb) - w;
    int n = 8 >> esz;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < n; e++) {
        IrTemp x = gen_get_elem(s, a->rn, e + (a->q ? n : 0), esz, sign);
        IrTemp d = new_tmp(s);
        ir_gen_shl(s->ir, IR_I64, d, x, tcg_const(s, (uint64_t)sh));
        vres_set(s, &r, e, esz + 1, d);
    }
    vres_write(s, a->rd, r, true);
    return true;
}

bool trans_SSHLL_v(DisasContext *s, arg_qrr_shift *a) { return do_shll_imm(s, a, true); }
bool trans_USHLL_v(DisasContext *s, arg_qrr_shift *a) { return do_shll_imm(s, a, false); }

/* ---- saturating operations (FPSR.QC) and shifts by register: helper_simd_int ---- */

static bool do_simd_int_x(DisasContext *s, SimdIntOp op, int rd, int rn, int rm, int esz,
                          bool q, int imm, bool scalar, int midx)
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_simd_int, IR_NO_TEMP, 1,
               tcg_const(s, SIMD_INT_DESC_X(op, rd, rn, rm, esz, q, imm, scalar, midx >= 0,
                                            midx >= 0 ? midx : 0)));
    return true;
}

static bool do_simd_int(DisasContext *s, SimdIntOp op, int rd, int rn, int rm, int esz, bool q,
                        int imm)
{
    return do_simd_int_x(s, op, rd, rn, rm, esz, q, imm, false, -1);
}

#define TRANS_SI3(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_qrrr_e *a) \
    { return do_simd_int(s, OP, a->rd, a->rn, a->rm, a->esz, a->q, 0); }
TRANS_SI3(SQADD_v, SI_SQADD)
TRANS_SI3(UQADD_v, SI_UQADD)
TRANS_SI3(SQSUB_v, SI_SQSUB)
TRANS_SI3(UQSUB_v, SI_UQSUB)
TRANS_SI3(SSHL_v, SI_SSHL)
TRANS_SI3(USHL_v, SI_USHL)
TRANS_SI3(SQSHL_v, SI_SQSHL)
TRANS_SI3(UQSHL_v, SI_UQSHL)
TRANS_SI3(SRSHL_v, SI_SRSHL)
TRANS_SI3(URSHL_v, SI_URSHL)
TRANS_SI3(SQRSHL_v, SI_SQRSHL)
TRANS_SI3(UQRSHL_v, SI_UQRSHL)
TRANS_SI3(SQDMULH_v, SI_SQDMULH)
TRANS_SI3(SQRDMULH_v, SI_SQRDMULH)
TRANS_SI3(SQDMLAL_v, SI_SQDMLAL)
TRANS_SI3(SQDMLSL_v, SI_SQDMLSL)
TRANS_SI3(SQDMULL_v, SI_SQDMULL)

#define TRANS_SI2(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_qrr_e *a) \
    { return do_simd_int(s, OP, a->rd, a->rn, 0, a->esz, a->q, 0); }
TRANS_SI2(SQABS_v, SI_SQABS)
TRANS_SI2(SQNEG_v, SI_SQNEG)
TRANS_SI2(SUQADD_v, SI_SUQADD)
TRANS_SI2(USQADD_v, SI_USQADD)
TRANS_SI2(SQXTN_v, SI_SQXTN)
TRANS_SI2(UQXTN_v, SI_UQXTN)
TRANS_SI2(SQXTUN_v, SI_SQXTUN)

/* Saturating shifts by immediate: left by imm - esize, narrowing right by 2 * esize - imm. */
static bool do_sat_shift_imm_ex(DisasContext *s, arg_qrr_shift *a, SimdIntOp op, bool left,
                                bool scalar)
{
    int esz = shift_esz(a), w = 8 << esz;
    int imm = a->immh << 3 | a->immb;

    return do_simd_int_x(s, op, a->rd, a->rn, 0, esz, a->q, left ? imm - w : 2 * w - imm,
                         scalar, -1);
}

static bool do_sat_shift_imm(DisasContext *s, arg_qrr_shift *a, SimdIntOp op, bool left)
{
    return do_sat_shift_imm_ex(s, a, op, left, false);
}

#define TRANS_SIS(NAME, OP, LEFT) \
    bool trans_##NAME(DisasContext *s, arg_qrr_shift *a) \
    { return do_sat_shift_imm(s, a, OP, LEFT); }
TRANS_SIS(SQSHLU_v, SI_SQSHLU_I, true)
TRANS_SIS(SQSHL_i_v, SI_SQSHL_I, true)
TRANS_SIS(UQSHL_i_v, SI_UQSHL_I, true)
TRANS_SIS(SQSHRN_v, SI_SQSHRN, false)
TRANS_SIS(UQSHRN_v, SI_UQSHRN, false)
TRANS_SIS(SQRSHRN_v, SI_SQRSHRN, false)
TRANS_SIS(UQRSHRN_v, SI_UQRSHRN, false)
TRANS_SIS(SQSHRUN_v, SI_SQSHRUN, false)
TRANS_SIS(SQRSHRUN_v, SI_SQRSHRUN, false)

/* ---- vector x indexed element, integer (C4.1.95.28): Vm lane idx for every lane ---- */

static bool do_elem(DisasContext *s, arg_qrrx_e *a, Op3 op)
{
    return do_3same_ex(s, a->q, a->rd, a->rn, a->rm, a->esz, op, false, a->idx);
}

bool trans_MUL_x(DisasContext *s, arg_qrrx_e *a) { return do_elem(s, a, O3_MUL); }
bool trans_MLA_x(DisasContext *s, arg_qrrx_e *a) { return do_elem(s, a, O3_MLA); }
bool trans_MLS_x(DisasContext *s, arg_qrrx_e *a) { return do_elem(s, a, O3_MLS); }

static bool do_elem_long(DisasContext *s, arg_qrrx_e *a, OpL op, bool sign)
{
    arg_qrrr_e b = { .q = a->q, .rd = a->rd, .rn = a->rn, .rm = a->rm, .esz = a->esz };
    return do_long_ex(s, &b, op, sign, false, a->idx);
}

bool trans_SMULL_x(DisasContext *s, arg_qrrx_e *a) { return do_elem_long(s, a, OL_MUL, true); }
bool trans_UMULL_x(DisasContext *s, arg_qrrx_e *a) { return do_elem_long(s, a, OL_MUL, false); }
bool trans_SMLAL_x(DisasContext *s, arg_qrrx_e *a) { return do_elem_long(s, a, OL_MLA, true); }
bool trans_UMLAL_x(DisasContext *s, arg_qrrx_e *a) { return do_elem_long(s, a, OL_MLA, false); }
bool trans_SMLSL_x(DisasContext *s, arg_qrrx_e *a) { return do_elem_long(s, a, OL_MLS, true); }
bool trans_UMLSL_x(DisasContext *s, arg_qrrx_e *a) { return do_elem_long(s, a, OL_MLS, false); }

#define TRANS_SIX(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_qrrx_e *a) \
    { return do_simd_int_x(s, OP, a->rd, a->rn, a->rm, a->esz, a->q, 0, false, a->idx); }
TRANS_SIX(SQDMULH_x, SI_SQDMULH)
TRANS_SIX(SQRDMULH_x, SI_SQRDMULH)
TRANS_SIX(SQDMULL_x, SI_SQDMULL)
TRANS_SIX(SQDMLAL_x, SI_SQDMLAL)
TRANS_SIX(SQDMLSL_x, SI_SQDMLSL)

#define TRANS_SISX(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_rrx_e *a) \
    { return do_simd_int_x(s, OP, a->rd, a->rn, a->rm, a->esz, false, 0, true, a->idx); }
TRANS_SISX(SQDMULH_sx, SI_SQDMULH)
TRANS_SISX(SQRDMULH_sx, SI_SQRDMULH)
TRANS_SISX(SQDMULL_sx, SI_SQDMULL)
TRANS_SISX(SQDMLAL_sx, SI_SQDMLAL)
TRANS_SISX(SQDMLSL_sx, SI_SQDMLSL)

/* ---- Advanced SIMD scalar forms: one lane of the vector operation, the rest of Vd zeroed ---- */

#define TRANS_S3(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_rrr_e *a) \
    { return do_3same_ex(s, false, a->rd, a->rn, a->rm, a->esz, OP, true, -1); }
TRANS_S3(ADD_s, O3_ADD)
TRANS_S3(SUB_s, O3_SUB)
TRANS_S3(CMGT_s, O3_CMGT)
TRANS_S3(CMHI_s, O3_CMHI)
TRANS_S3(CMGE_s, O3_CMGE)
TRANS_S3(CMHS_s, O3_CMHS)
TRANS_S3(CMEQ_s, O3_CMEQ)
TRANS_S3(CMTST_s, O3_CMTST)

#define TRANS_SIS3(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_rrr_e *a) \
    { return do_simd_int_x(s, OP, a->rd, a->rn, a->rm, a->esz, false, 0, true, -1); }
TRANS_SIS3(SQADD_s, SI_SQADD)
TRANS_SIS3(UQADD_s, SI_UQADD)
TRANS_SIS3(SQSUB_s, SI_SQSUB)
TRANS_SIS3(UQSUB_s, SI_UQSUB)
TRANS_SIS3(SSHL_s, SI_SSHL)
TRANS_SIS3(USHL_s, SI_USHL)
TRANS_SIS3(SQSHL_s, SI_SQSHL)
TRANS_SIS3(UQSHL_s, SI_UQSHL)
TRANS_SIS3(SRSHL_s, SI_SRSHL)
TRANS_SIS3(URSHL_s, SI_URSHL)
TRANS_SIS3(SQRSHL_s, SI_SQRSHL)
TRANS_SIS3(UQRSHL_s, SI_UQRSHL)
TRANS_SIS3(SQDMULH_s, SI_SQDMULH)
TRANS_SIS3(SQRDMULH_s, SI_SQRDMULH)
TRANS_SIS3(SQDMLAL_s, SI_SQDMLAL)
TRANS_SIS3(SQDMLSL_s, SI_SQDMLSL)
TRANS_SIS3(SQDMULL_s, SI_SQDMULL)

#define TRANS_S2(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_rr_e *a) \
    { arg_qrr_e b = { .q = 0, .rd = a->rd, .rn = a->rn, .esz = a->esz }; \
      return do_2misc_ex(s, &b, OP, true); }
TRANS_S2(CMGT0_s, O2_CMGT0)
TRANS_S2(CMGE0_s, O2_CMGE0)
TRANS_S2(CMEQ0_s, O2_CMEQ0)
TRANS_S2(CMLE0_s, O2_CMLE0)
TRANS_S2(CMLT0_s, O2_CMLT0)
TRANS_S2(ABS_s, O2_ABS)
TRANS_S2(NEG_s, O2_NEG)

#define TRANS_SIS2(NAME, OP) \
    bool trans_##NAME(DisasContext *s, arg_rr_e *a) \
    { return do_simd_int_x(s, OP, a->rd, a->rn, 0, a->esz, false, 0, true, -1); }
TRANS_SIS2(SUQADD_s, SI_SUQADD)
TRANS_SIS2(USQADD_s, SI_USQADD)
TRANS_SIS2(SQABS_s, SI_SQABS)
TRANS_SIS2(SQNEG_s, SI_SQNEG)
TRANS_SIS2(SQXTN_s, SI_SQXTN)
TRANS_SIS2(UQXTN_s, SI_UQXTN)
TRANS_SIS2(SQXTUN_s, SI_SQXTUN)

#define TRANS_SSH(NAME, OP, SIGN) \
    bool trans_##NAME(DisasContext *s, arg_rr_shift *a) \
    { arg_qrr_shift b = { .q = 0, .rd = a->rd, .rn = a->rn, .immh = a->immh, .immb = a->immb }; \
      return do_shift_imm_ex(s, &b, OP, SIGN, true); }
TRANS_SSH(SSHR_s, SH_SHR, true)
TRANS_SSH(USHR_s, SH_SHR, false)
TRANS_SSH(SSRA_s, SH_SRA, true)
TRANS_SSH(USRA_s, SH_SRA, false)
TRANS_SSH(SRSHR_s, SH_RSHR, true)
TRANS_SSH(URSHR_s, SH_RSHR, false)
TRANS_SSH(SRSRA_s, SH_RSRA, true)
TRANS_SSH(URSRA_s, SH_RSRA, false)
TRANS_SSH(SHL_s, SH_SHL, false)
TRANS_SSH(SLI_s, SH_SLI, false)
TRANS_SSH(SRI_s, SH_SRI, false)

#define TRANS_SSIS(NAME, OP, LEFT) \
    bool trans_##NAME(DisasContext *s, arg_rr_shift *a) \
    { arg_qrr_shift b = { .q = 0, .rd = a->rd, .rn = a->rn, .immh = a->immh, .immb = a->immb }; \
      return do_sat_shift_imm_ex(s, &b, OP, LEFT, true); }
TRANS_SSIS(SQSHLU_s, SI_SQSHLU_I, true)
TRANS_SSIS(SQSHL_i_s, SI_SQSHL_I, true)
TRANS_SSIS(UQSHL_i_s, SI_UQSHL_I, true)
TRANS_SSIS(SQSHRN_s, SI_SQSHRN, false)
TRANS_SSIS(UQSHRN_s, SI_UQSHRN, false)
TRANS_SSIS(SQRSHRN_s, SI_SQRSHRN, false)
TRANS_SSIS(UQRSHRN_s, SI_UQRSHRN, false)
TRANS_SSIS(SQSHRUN_s, SI_SQSHRUN, false)
TRANS_SSIS(SQRSHRUN_s, SI_SQRSHRUN, false)

/* ADDP (scalar): Dd = Vn.D[0] + Vn.D[1]. */
bool trans_ADDP_s(DisasContext *s, arg_rr_v *a)
{
    IrTemp t = new_tmp(s);

    if (!fp_access_check(s)) {
        return true;
    }
    ir_gen_add(s->ir, IR_I64, t, vlo(a->rn), vhi(a->rn));
    gen_write_scalar(s, a->rd, t, 64);
    return true;
}

/* ---- scalar floating point (C4.1.95.30-37), single and double precision; FEAT_FP16 is not
 * advertised, so the half-precision encodings are UNDEFINED ---- */

static bool fp_type_ok(DisasContext *s, int ftype)
{
    return ftype == 0 || ftype == 1;     /* half precision: FEAT_FP16, not advertised */
}

/* FABS, FNEG: sign bit operations, no exceptions (FPAbs, FPNeg). */
static bool do_fp_sign(DisasContext *s, arg_fp_rr *a, bool neg)
{
    int bits = ftype_bits(a->ftype);
    IrTemp t = new_tmp(s);
    uint64_t sign = 1ull << (bits - 1);

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (neg) {
        ir_gen_xor(s->ir, IR_I64, t, vlo(a->rn), tcg_const(s, sign));
    } else {
        ir_gen_and(s->ir, IR_I64, t, vlo(a->rn), tcg_const(s, sign - 1));
    }
    gen_write_scalar(s, a->rd, t, bits);
    return true;
}

bool trans_FABS(DisasContext *s, arg_fp_rr *a) { return do_fp_sign(s, a, false); }
bool trans_FNEG(DisasContext *s, arg_fp_rr *a) { return do_fp_sign(s, a, true); }

static bool do_fp_binop(DisasContext *s, arg_fp_rrr *a, int op)
{
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, HELPER_fp_binop, t, 3, tcg_const(s, (uint64_t)op | (uint64_t)a->ftype << 8),
               vlo(a->rn), vlo(a->rm));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    return true;
}

bool trans_FADD(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_ADD); }
bool trans_FSUB(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_SUB); }
bool trans_FMUL(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_MUL); }
bool trans_FDIV(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_DIV); }
bool trans_FMAX(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_MAX); }
bool trans_FMIN(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_MIN); }
bool trans_FMAXNM(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_MAXNM); }
bool trans_FMINNM(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_MINNM); }
bool trans_FNMUL(DisasContext *s, arg_fp_rrr *a) { return do_fp_binop(s, a, FPOP_NMUL); }

/* FCSEL: Vd = cond ? Vn : Vm, no exceptions. */
bool trans_FCSEL(DisasContext *s, arg_fcsel *a)
{
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    ir_gen_movcond(s->ir, IR_I64, IR_COND_NE, t, gen_cond(s, a->cond), tcg_const(s, 0),
                   vlo(a->rn), vlo(a->rm));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    return true;
}

/* FCMP/FCMPE (with zero when z), FCCMP/FCCMPE: PSTATE.NZCV from FPCompare. */
static bool do_fcmp(DisasContext *s, int ftype, int rn, int rm, bool z, bool e, int cond,
                    int nzcv)
{
    int skip = -1, done = -1;

    if (!fp_type_ok(s, ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    if (cond >= 0) {
        skip = ir_new_label(s->ir);
        done = ir_new_label(s->ir);
        ir_gen_brcond(s->ir, IR_I64, IR_COND_EQ, gen_cond(s, cond), tcg_const(s, 0), skip);
    }
    gen_helper(s, HELPER_fp_cmp, IR_NO_TEMP, 3, tcg_const(s, (uint64_t)ftype | (uint64_t)e << 1),
               vlo(rn), z ? tcg_const(s, 0) : vlo(rm));
    if (cond >= 0) {
        ir_gen_br(s->ir, done);
        ir_gen_set_label(s->ir, skip);
        gen_helper(s, HELPER_write_nzcv, IR_NO_TEMP, 1, tcg_const(s, (uint64_t)nzcv << 28));
        ir_gen_set_label(s->ir, done);
    }
    return true;
}

bool trans_FCMP(DisasContext *s, arg_fcmp *a)
{
    return do_fcmp(s, a->ftype, a->rn, a->rm, a->z, false, -1, 0);
}

bool trans_FCMPE(DisasContext *s, arg_fcmp *a)
{
    return do_fcmp(s, a->ftype, a->rn, a->rm, a->z, true, -1, 0);
}

bool trans_FCCMP(DisasContext *s, arg_fccmp *a)
{
    return do_fcmp(s, a->ftype, a->rn, a->rm, false, false, a->cond, a->nzcv);
}

bool trans_FCCMPE(DisasContext *s, arg_fccmp *a)
{
    return do_fcmp(s, a->ftype, a->rn, a->rm, false, true, a->cond, a->nzcv);
}

/* FCVT (between precisions): single <-> double here; the half-precision forms (base FP, not
 * FEAT_FP16) are not done yet and log -d unimp. */
bool trans_FCVT(DisasContext *s, arg_fcvt *a)
{
    IrTemp t;

    if (a->ftype > 1 || a->dtype > 1) {
        return decode_unimplemented(s, "FCVT (half precision)");
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, HELPER_fp_cvt_sd, t, 2, tcg_const(s, (uint64_t)a->dtype), vlo(a->rn));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->dtype));
    return true;
}

/* SCVTF/UCVTF (scalar, integer): C7.2.236, C7.2.366. */
static bool do_int_to_fp(DisasContext *s, arg_fcvt_int *a, bool u)
{
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, HELPER_fp_from_int, t, 2,
               tcg_const(s, (uint64_t)a->ftype | (uint64_t)u << 1 | (uint64_t)a->sf << 2),
               cpu_reg(s, a->rn));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    return true;
}

bool trans_SCVTF(DisasContext *s, arg_fcvt_int *a) { return do_int_to_fp(s, a, false); }
bool trans_UCVTF(DisasContext *s, arg_fcvt_int *a) { return do_int_to_fp(s, a, true); }

/* FCVT<r>S/FCVT<r>U (scalar, integer): rnd 0 N, 1 P, 2 M, 3 Z, 4 A. */
static bool do_fp_to_int(DisasContext *s, arg_fcvt_int *a, bool u, int rnd)
{
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, HELPER_fp_to_int, t, 2,
               tcg_const(s, (uint64_t)a->ftype | (uint64_t)u << 1 | (uint64_t)a->sf << 2 |
                            (uint64_t)rnd << 3),
               vlo(a->rn));
    gen_write_reg(s, a->rd, t, true);
    return true;
}

bool trans_FCVTNS(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, false, 0); }
bool trans_FCVTNU(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, true, 0); }
bool trans_FCVTPS(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, false, 1); }
bool trans_FCVTPU(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, true, 1); }
bool trans_FCVTMS(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, false, 2); }
bool trans_FCVTMU(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, true, 2); }
bool trans_FCVTZS(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, false, 3); }
bool trans_FCVTZU(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, true, 3); }
bool trans_FCVTAS(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, false, 4); }
bool trans_FCVTAU(DisasContext *s, arg_fcvt_int *a) { return do_fp_to_int(s, a, true, 4); }

/* SCVTF/UCVTF/FCVTZS/FCVTZU (scalar, fixed-point), Arm ARM C7.2: fbits = 64 - scale (the
 * decoder only accepts scale >= 32 for a 32-bit integer); FixedToFP with the FPCR rounding,
 * FPToFixed rounding toward zero. */
static bool do_fcvt_fixed(DisasContext *s, arg_fcvt_fixed *a, bool to_fp, bool u)
{
    uint64_t desc = (uint64_t)a->ftype | (uint64_t)u << 1 | (uint64_t)a->sf << 2 |
                    (uint64_t)(64 - a->scale) << 8;
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    if (to_fp) {
        gen_helper(s, HELPER_fp_from_int, t, 2, tcg_const(s, desc), cpu_reg(s, a->rn));
        gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    } else {
        gen_helper(s, HELPER_fp_to_int, t, 2, tcg_const(s, desc | 3 << 3), vlo(a->rn));
        gen_write_reg(s, a->rd, t, true);
    }
    return true;
}

bool trans_SCVTF_fixed(DisasContext *s, arg_fcvt_fixed *a)
{
    return do_fcvt_fixed(s, a, true, false);
}

bool trans_UCVTF_fixed(DisasContext *s, arg_fcvt_fixed *a)
{
    return do_fcvt_fixed(s, a, true, true);
}

bool trans_FCVTZS_fixed(DisasContext *s, arg_fcvt_fixed *a)
{
    return do_fcvt_fixed(s, a, false, false);
}

bool trans_FCVTZU_fixed(DisasContext *s, arg_fcvt_fixed *a)
{
    return do_fcvt_fixed(s, a, false, true);
}

/* ---- Advanced SIMD floating point, single and double lanes (sz), through helper_fp_vec ---- */

static bool do_fp_vec(DisasContext *s, int op, int sz, bool q, bool pw, int rd, int rn, int rm,
                      bool zero)
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_fp_vec, IR_NO_TEMP, 1,
               tcg_const(s, FP_VEC_DESC(op, sz, q, pw, rd, rn, rm, zero)));
    return true;
}

#define TRANS_FPV(NAME, OP, PW) \
    bool trans_##NAME(DisasContext *s, arg_qrrr_f *a) \
    { return do_fp_vec(s, OP, a->sz, a->q, PW, a->rd, a->rn, a->rm, false); }
TRANS_FPV(FADD_v, FPOP_ADD, false)
TRANS_FPV(FSUB_v, FPOP_SUB, false)
TRANS_FPV(FMUL_v, FPOP_MUL, false)
TRANS_FPV(FDIV_v, FPOP_DIV, false)
TRANS_FPV(FMAX_v, FPOP_MAX, false)
TRANS_FPV(FMIN_v, FPOP_MIN, false)
TRANS_FPV(FMAXNM_v, FPOP_MAXNM, false)
TRANS_FPV(FMINNM_v, FPOP_MINNM, false)
TRANS_FPV(FABD_v, FPOP_ABD, false)
TRANS_FPV(FCMEQ_v, FPOP_CMEQ, false)
TRANS_FPV(FCMGE_v, FPOP_CMGE, false)
TRANS_FPV(FCMGT_v, FPOP_CMGT, false)
TRANS_FPV(FACGE_v, FPOP_ACGE, false)
TRANS_FPV(FACGT_v, FPOP_ACGT, false)
TRANS_FPV(FADDP_v, FPOP_ADD, true)
TRANS_FPV(FMAXP_v, FPOP_MAX, true)
TRANS_FPV(FMINP_v, FPOP_MIN, true)
TRANS_FPV(FMAXNMP_v, FPOP_MAXNM, true)
TRANS_FPV(FMINNMP_v, FPOP_MINNM, true)

/* FCMEQ/FCMGE/FCMGT (zero); FCMLE/FCMLT (zero) compare #0.0 with Vn. */
#define TRANS_FPV0(NAME, OP, SWAP) \
    bool trans_##NAME(DisasContext *s, arg_qrr_f *a) \
    { return SWAP ? do_fp_vec_zero_swapped(s, OP, a) \
                  : do_fp_vec(s, OP, a->sz, a->q, false, a->rd, a->rn, 0, true); }

/* FCMLE/FCMLT (zero) are #0.0 >= lane and #0.0 > lane: one helper call per lane. */
static bool do_fp_vec_zero_swapped(DisasContext *s, int op, arg_qrr_f *a)
{
    int esz = a->sz ? 3 : 2;
    VRes r;

    if (!fp_access_check(s)) {
        return true;
    }
    r = vres_new(s);
    for (int e = 0; e < lanes(a->q, esz); e++) {
        IrTemp x = gen_get_elem(s, a->rn, e, esz, false);
        IrTemp d = new_tmp(s);
        gen_helper(s, HELPER_fp_cmp0_swapped, d, 2,
                   tcg_const(s, (uint64_t)op | (uint64_t)a->sz << 8), x);
        vres_set(s, &r, e, esz, d);
    }
    vres_write(s, a->rd, r, a->q);
    return true;
}

TRANS_FPV0(FCMEQ0_v, FPOP_CMEQ, false)
TRANS_FPV0(FCMGE0_v, FPOP_CMGE, false)
TRANS_FPV0(FCMGT0_v, FPOP_CMGT, false)
TRANS_FPV0(FCMLE0_v, FPOP_CMGE, true)
TRANS_FPV0(FCMLT0_v, FPOP_CMGT, true)

/* FABS/FNEG (vector): sign bits only. */
static bool do_fp_vec_sign(DisasContext *s, arg_qrr_f *a, bool neg)
{
    uint64_t sign = a->sz ? 1ull << 63 : 0x8000000080000000ull;

    if (!fp_access_check(s)) {
        return true;
    }
    for (int h = 0; h < 2; h++) {
        IrTemp d = h ? vhi(a->rd) : vlo(a->rd);
        IrTemp n = h ? vhi(a->rn) : vlo(a->rn);
        if (h && !a->q) {
            ir_gen_movi(s->ir, d, 0);
        } else if (neg) {
            ir_gen_xor(s->ir, IR_I64, d, n, tcg_const(s, sign));
        } else {
            ir_gen_andc(s->ir, IR_I64, d, n, tcg_const(s, sign));
        }
    }
    return true;
}

bool trans_FABS_v(DisasContext *s, arg_qrr_f *a) { return do_fp_vec_sign(s, a, false); }
bool trans_FNEG_v(DisasContext *s, arg_qrr_f *a) { return do_fp_vec_sign(s, a, true); }

/* FSQRT (scalar and vector): C7.2.170. */
bool trans_FSQRT(DisasContext *s, arg_fp_rr *a)
{
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, HELPER_fp_sqrt, t, 2, tcg_const(s, (uint64_t)a->ftype), vlo(a->rn));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    return true;
}

bool trans_FSQRT_v(DisasContext *s, arg_qrr_f *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_fp_sqrt_vec, IR_NO_TEMP, 1,
               tcg_const(s, (uint64_t)a->sz | (uint64_t)a->q << 1 | (uint64_t)a->rd << 2 |
                            (uint64_t)a->rn << 7));
    return true;
}

/* FMADD/FMSUB/FNMADD/FNMSUB: C7.2.113... (Ra + Rn * Rm with Rn and/or Ra negated). */
static bool do_fp_muladd(DisasContext *s, arg_fp_rrrr *a, bool neg_n, bool neg_a)
{
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, HELPER_fp_muladd, t, 4,
               tcg_const(s, (uint64_t)a->ftype | (uint64_t)neg_n << 1 | (uint64_t)neg_a << 2),
               vlo(a->rn), vlo(a->rm), vlo(a->ra));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    return true;
}

bool trans_FMADD(DisasContext *s, arg_fp_rrrr *a) { return do_fp_muladd(s, a, false, false); }
bool trans_FMSUB(DisasContext *s, arg_fp_rrrr *a) { return do_fp_muladd(s, a, true, false); }
bool trans_FNMADD(DisasContext *s, arg_fp_rrrr *a) { return do_fp_muladd(s, a, true, true); }
bool trans_FNMSUB(DisasContext *s, arg_fp_rrrr *a) { return do_fp_muladd(s, a, false, true); }

/* FRINTN/P/M/Z/A/I/X (scalar): C7.2.160...; rnd 5 is the FPCR rounding mode. */
static bool do_frint(DisasContext *s, arg_fp_rr *a, int rnd, bool exact)
{
    IrTemp t;

    if (!fp_type_ok(s, a->ftype)) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, HELPER_fp_rint, t, 2,
               tcg_const(s, (uint64_t)a->ftype | (uint64_t)rnd << 1 | (uint64_t)exact << 4),
               vlo(a->rn));
    gen_write_scalar(s, a->rd, t, ftype_bits(a->ftype));
    return true;
}

bool trans_FRINTN(DisasContext *s, arg_fp_rr *a) { return do_frint(s, a, 0, false); }
bool trans_FRINTP(DisasContext *s, arg_fp_rr *a) { return do_frint(s, a, 1, false); }
bool trans_FRINTM(DisasContext *s, arg_fp_rr *a) { return do_frint(s, a, 2, false); }
bool trans_FRINTZ(DisasContext *s, arg_fp_rr *a) { return do_frint(s, a, 3, false); }
bool trans_FRINTA(DisasContext *s, arg_fp_rr *a) { return do_frint(s, a, 4, false); }
bool trans_FRINTI(DisasContext *s, arg_fp_rr *a) { return do_frint(s, a, 5, false); }
bool trans_FRINTX(DisasContext *s, arg_fp_rr *a) { return do_frint(s, a, 5, true); }

/* Features this CPU does not advertise: UNDEFINED without a -d unimp line. FEAT_FRINTTS
 * (ID_AA64ISAR1_EL1.FRINTTS = 0), FEAT_JSCVT (JSCVT = 0), FEAT_BF16 (BF16 = 0). */
bool trans_FRINT32X(DisasContext *s, arg_fp_rr *a) { return false; }
bool trans_FRINT32Z(DisasContext *s, arg_fp_rr *a) { return false; }
bool trans_FRINT64X(DisasContext *s, arg_fp_rr *a) { return false; }
bool trans_FRINT64Z(DisasContext *s, arg_fp_rr *a) { return false; }
bool trans_FJCVTZS(DisasContext *s, arg_fcvt_int *a) { return false; }
bool trans_BFCVT(DisasContext *s, arg_BFCVT *a) { return false; }

/* ---- Advanced SIMD conversions and roundings, scalar (_s) and vector (_v) forms ----
 * FCVT{N,P,M,Z,A}{S,U} (vector/scalar, integer), SCVTF/UCVTF (vector/scalar, integer) and
 * FRINT{N,P,M,Z,A,I,X} (vector): the same operations as the scalar floating-point forms
 * (FPToFixed / FixedToFP with fbits 0, FPRoundInt), on a single or double (sz) in a SIMD
 * register, the integer as wide as the floating-point value (Arm ARM C7.2, "FCVTZS (vector,
 * integer)": esize = 32 << sz for the scalar and the vector encodings alike). The half-precision
 * encodings (sz = 3 from the decoder) need FEAT_FP16. Each lane goes through the scalar helper,
 * which applies FPCR (rounding, FZ, DN) and accumulates the FPSR cumulative flags. */
enum { CV_TO_INT, CV_FROM_INT, CV_RINT };

static uint64_t cv_desc(int kind, int sz, bool u, int rnd, bool exact)
{
    switch (kind) {
    case CV_TO_INT:     /* dp | unsigned << 1 | to64 << 2 | rnd << 3 */
        return (uint64_t)sz | (uint64_t)u << 1 | (uint64_t)sz << 2 | (uint64_t)rnd << 3;
    case CV_FROM_INT:   /* dp | unsigned << 1 | from64 << 2 */
        return (uint64_t)sz | (uint64_t)u << 1 | (uint64_t)sz << 2;
    default:            /* dp | rnd << 1 | exact << 4 */
        return (uint64_t)sz | (uint64_t)rnd << 1 | (uint64_t)exact << 4;
    }
}

static const int cv_helper[] = { HELPER_fp_to_int, HELPER_fp_from_int, HELPER_fp_rint };

static bool cv_half(DisasContext *s, const char *name)
{
    /* sz = 3: FEAT_FP16 encodings, UNDEFINED without it; not done yet with it */
    return have_fp16(s) ? decode_unimplemented(s, name) : false;
}

static bool do_cv_s(DisasContext *s, arg_rr_f *a, int kind, bool u, int rnd, const char *name)
{
    IrTemp t;

    if (a->sz == 3) {
        return cv_half(s, name);
    }
    if (!fp_access_check(s)) {
        return true;
    }
    t = new_tmp(s);
    gen_helper(s, cv_helper[kind], t, 2, tcg_const(s, cv_desc(kind, a->sz, u, rnd, false)),
               vlo(a->rn));
    gen_write_scalar(s, a->rd, t, a->sz ? 64 : 32);
    return true;
}

static bool do_cv_v(DisasContext *s, arg_qrr_f *a, int kind, bool u, int rnd, bool exact,
                    const char *name)
{
    int esz;
    VRes r;

    if (a->sz == 3) {
        return cv_half(s, name);
    }
    if (!fp_access_check(s)) {
        return true;
    }
    esz = a->sz ? 3 : 2;
    r = vres_new(s);
    for (int e = 0; e < lanes(a->q, esz); e++) {
        IrTemp x = gen_get_elem(s, a->rn, e, esz, false);
        IrTemp d = new_tmp(s);
        gen_helper(s, cv_helper[kind], d, 2, tcg_const(s, cv_desc(kind, a->sz, u, rnd, exact)), x);
        vres_set(s, &r, e, esz, d);
    }
    vres_write(s, a->rd, r, a->q);
    return true;
}

/* rnd: 0 N, 1 P, 2 M, 3 Z, 4 A, 5 FPCR.RMode (FPDecodeRounding) */
#define TRANS_CV(NAME, KIND, U, RND, EXACT) \
    bool trans_##NAME##_s(DisasContext *s, arg_rr_f *a) \
    { return do_cv_s(s, a, KIND, U, RND, #NAME "_s"); } \
    bool trans_##NAME##_v(DisasContext *s, arg_qrr_f *a) \
    { return do_cv_v(s, a, KIND, U, RND, EXACT, #NAME "_v"); }
TRANS_CV(FCVTNS, CV_TO_INT, false, 0, false)
TRANS_CV(FCVTNU, CV_TO_INT, true, 0, false)
TRANS_CV(FCVTPS, CV_TO_INT, false, 1, false)
TRANS_CV(FCVTPU, CV_TO_INT, true, 1, false)
TRANS_CV(FCVTMS, CV_TO_INT, false, 2, false)
TRANS_CV(FCVTMU, CV_TO_INT, true, 2, false)
TRANS_CV(FCVTZS, CV_TO_INT, false, 3, false)
TRANS_CV(FCVTZU, CV_TO_INT, true, 3, false)
TRANS_CV(FCVTAS, CV_TO_INT, false, 4, false)
TRANS_CV(FCVTAU, CV_TO_INT, true, 4, false)
TRANS_CV(SCVTF, CV_FROM_INT, false, 0, false)
TRANS_CV(UCVTF, CV_FROM_INT, true, 0, false)

#define TRANS_RINTV(NAME, RND, EXACT) \
    bool trans_##NAME##_v(DisasContext *s, arg_qrr_f *a) \
    { return do_cv_v(s, a, CV_RINT, false, RND, EXACT, #NAME "_v"); }
TRANS_RINTV(FRINTN, 0, false)
TRANS_RINTV(FRINTP, 1, false)
TRANS_RINTV(FRINTM, 2, false)
TRANS_RINTV(FRINTZ, 3, false)
TRANS_RINTV(FRINTA, 4, false)
TRANS_RINTV(FRINTI, 5, false)
TRANS_RINTV(FRINTX, 5, true)

/* FEAT_FRINTTS is not advertised (ID_AA64ISAR1_EL1.FRINTTS = 0): UNDEFINED. */
bool trans_FRINT32X_v(DisasContext *s, arg_qrr_f *a) { return false; }
bool trans_FRINT32Z_v(DisasContext *s, arg_qrr_f *a) { return false; }
bool trans_FRINT64X_v(DisasContext *s, arg_qrr_f *a) { return false; }
bool trans_FRINT64Z_v(DisasContext *s, arg_qrr_f *a) { return false; }
