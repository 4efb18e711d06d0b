/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-fpel.inc.c: included by helper-ldst.c (its FpCtx rules): the Advanced SIMD floating
 * point multiplies by element and their vector/scalar companions FMLA/FMLS (vector), FMULX,
 * FRECPS and FRSQRTS, and the one-operand estimates FRECPE, FRSQRTE, FRECPX, URECPE and
 * URSQRTE (helper-fpest.inc.c), and FCVTN/FCVTN2, FCVTL/FCVTL2 and FCVTXN/FCVTXN2 between
 * single and double, and the Advanced SIMD fixed-point SCVTF/UCVTF/FCVTZS/FCVTZU (through the
 * general-register forms' fp_from_int / fp_to_int), and through FPEL_BIN the scalar FABD,
 * compares, pairwise reductions and the across-lanes FMAXV family. One call per instruction: a0 = FPEL_DESC() (simd-sat.h). */

#include "helper-fpest.inc.c"

/* FPMulX (shared/functions/float/fpmulx): FPMul, except inf * 0 gives 2.0 with the sign of
 * the product and no exception. */
static uint64_t fp_mulx(FpCtx *c, uint64_t a, uint64_t b)
{
    uint64_t mag = c->dp ? 0x7fffffffffffffffull : 0x7fffffffull, two, r;
    uint64_t x = fp_in(c, a), y = fp_in(c, b);

    if (fp_process_nans(c, x, y, &r)) {
        return r;
    }
    two = c->dp ? 0x4000000000000000ull : 0x40000000ull;
    if (((x & mag) == fp_exp_mask(c) && !(y & mag)) ||
        (!(x & mag) && (y & mag) == fp_exp_mask(c))) {
        return two | ((x ^ y) & fp_sign(c));
    }
    return fp_binop(c, FPOP_MUL, a, b);
}

/* FPRecipStepFused / FPRSqrtStepFused (shared/functions/float/fprecipstepfused,
 * fprsqrtstepfused): op1 negated, NaNs as FPProcessNaNs, inf * 0 gives 2.0 (1.5), an infinite
 * operand an infinity of the product's sign, else 2 + op1 * op2 (or (3 + op1 * op2) / 2)
 * rounded once. */
static uint64_t fp_step(FpCtx *c, bool rsqrt, uint64_t a, uint64_t b)
{
    uint64_t mag = c->dp ? 0x7fffffffffffffffull : 0x7fffffffull, r;
    uint64_t x = fp_in(c, a ^ fp_sign(c)), y = fp_in(c, b);
    bool inf_x = (x & mag) == fp_exp_mask(c), inf_y = (y & mag) == fp_exp_mask(c);
    unsigned ex, ey;

    if (fp_process_nans(c, x, y, &r)) {
        return r;
    }
    if ((inf_x && !(y & mag)) || (!(x & mag) && inf_y)) {
        if (rsqrt) {
            return c->dp ? 0x3ff8000000000000ull : 0x3fc00000ull;
        }
        return c->dp ? 0x4000000000000000ull : 0x40000000ull;
    }
    if (inf_x || inf_y) {
        return fp_exp_mask(c) | ((x ^ y) & fp_sign(c));
    }
    if (!rsqrt) {
        return fp_fma(c, x, y, c->dp ? 0x4000000000000000ull : 0x40000000ull);
    }
    /* (3 + x * y) / 2 = 1.5 + (x / 2) * y: halving an operand whose biased exponent is above 1
     * is exact. When both are that small the product is far below half an ulp of 1.5 and
     * 1.5 + x * y rounds the same way. */
    ex = (unsigned)((x & mag) >> (c->dp ? 52 : 23));
    ey = (unsigned)((y & mag) >> (c->dp ? 52 : 23));
    if (ex > 1) {
        x -= c->dp ? 1ull << 52 : 1ull << 23;
    } else if (ey > 1) {
        y -= c->dp ? 1ull << 52 : 1ull << 23;
    }
    return fp_fma(c, x, y, c->dp ? 0x3ff8000000000000ull : 0x3fc00000ull);
}

/* FPConvert(op, fpcr, FPRounding_ODD) from double to single (FCVTXN): rounded toward zero,
 * then the lowest bit set when the result is inexact; NaNs as FPConvertNaN. */
static uint64_t fp_cvt_odd(CPUARMState *env, uint64_t a)
{
    FpCtx c = fp_ctx(env, true), o = fp_ctx(env, false);
    uint64_t x = fp_in(&c, a), r;

    if (fp_is_nan(&c, x)) {
        return helper_fp_cvt_sd(env, 0, a, 0, 0);
    }
    o.rmode = 3;
    fp_host_begin(&o);
    {
        volatile double d = d_of(x);
        volatile float f = (float)d;
        r = of_f(f);
    }
    r = fp_host_end(&o, r);
    if (o.flags & FPSR_IXC) {
        r |= 1;
    }
    c.flags |= o.flags;
    fp_done(&c);
    return r;
}

/* FCVTN, FCVTXN (narrow: the two doubles of Vn to the lower half of Vd, upper half zeroed, or
 * with q (the "2" forms) to the upper half, the lower half kept), FCVTL (widen: the lower or,
 * with q, the upper two singles of Vn), FCVTXN (scalar). */
static void fp_cvt_vec(CPUARMState *env, int op, bool q, bool scalar, int rd, int rn)
{
    const uint64_t *n = env->vregs[rn];
    uint64_t res[2];

    if (op == FPEL_CVTL) {
        uint64_t src = n[q];
        res[0] = helper_fp_cvt_sd(env, 1, src & 0xffffffffu, 0, 0);
        res[1] = helper_fp_cvt_sd(env, 1, src >> 32, 0, 0);
    } else {
        int count = scalar ? 1 : 2;
        uint64_t pack = 0;
        for (int e = 0; e < count; e++) {
            uint64_t r = op == FPEL_CVTXN ? fp_cvt_odd(env, n[e])
                                          : helper_fp_cvt_sd(env, 0, n[e], 0, 0);
            pack |= (r & 0xffffffffu) << (32 * e);
        }
        res[0] = q ? env->vregs[rd][0] : pack;
        res[1] = q ? pack : 0;
    }
    env->vregs[rd][0] = res[0];
    env->vregs[rd][1] = res[1];
}

/* one helper_fp_binop operation, with FABD and the compares (as helper_fp_vec) */
static uint64_t fp_bin(FpCtx *c, int op, uint64_t x, uint64_t y)
{
    if (op >= FPOP_CMEQ) {
        return fp_cmp_mask(c, op, x, y);
    }
    if (op == FPOP_ABD) {
        return fp_binop(c, FPOP_SUB, x, y) & ~fp_sign(c);
    }
    return fp_binop(c, op, x, y);
}

/* FPEL_BIN: FABD/FACGE/FACGT/FCMEQ/FCMGE/FCMGT (scalar, register and zero), FADDP/FMAXP/
 * FMINP/FMAXNMP/FMINNMP (scalar pairwise), FMAXV/FMINV/FMAXNMV/FMINNMV (FPReduce) */
static void fp_bin_vec(CPUARMState *env, uint64_t a0)
{
    int op = a0 & 15, rd = (a0 >> 10) & 31, rn = (a0 >> 15) & 31, rm = (a0 >> 20) & 31;
    int mode = (int)((a0 >> 34) & 3);
    bool dp = (a0 >> 4) & 1, q = (a0 >> 5) & 1, scalar = (a0 >> 6) & 1;
    bool zero = (a0 >> 36) & 1, swap = (a0 >> 37) & 1;
    FpCtx c = fp_ctx(env, dp);
    int esz = dp ? 3 : 2, lanes = scalar ? 1 : (q ? 128 : 64) >> (esz + 3);
    const uint64_t *n = env->vregs[rn], *m = env->vregs[rm];
    uint64_t res[2] = { 0, 0 };

    if (mode == FPEL_PAIR) {
        res[0] = fp_bin(&c, op, (uint64_t)lane_get(n, 0, esz, 0), (uint64_t)lane_get(n, 1, esz, 0));
    } else if (mode == FPEL_ACROSS) {
        uint64_t lo = fp_bin(&c, op, (uint64_t)lane_get(n, 0, 2, 0), (uint64_t)lane_get(n, 1, 2, 0));
        uint64_t hi = fp_bin(&c, op, (uint64_t)lane_get(n, 2, 2, 0), (uint64_t)lane_get(n, 3, 2, 0));
        res[0] = fp_bin(&c, op, lo, hi);
    } else {
        for (int e = 0; e < lanes; e++) {
            uint64_t x = (uint64_t)lane_get(n, e, esz, 0);
            uint64_t y = zero ? 0 : (uint64_t)lane_get(m, e, esz, 0);
            lane_set(res, e, esz, swap ? fp_bin(&c, op, y, x) : fp_bin(&c, op, x, y));
        }
    }
    fp_done(&c);
    env->vregs[rd][0] = res[0];
    env->vregs[rd][1] = res[1];
}

DEF_HELPER_FN(fp_elem)
{
    CPUARMState *env = env_;
    int op = a0 & 15, rd = (a0 >> 10) & 31, rn = (a0 >> 15) & 31, rm = (a0 >> 20) & 31;
    bool dp = (a0 >> 4) & 1, q = (a0 >> 5) & 1, scalar = (a0 >> 6) & 1, byelem = (a0 >> 7) & 1;
    int idx = (int)((a0 >> 8) & 3);
    FpCtx c = fp_ctx(env, dp);
    int esz = dp ? 3 : 2, lanes = scalar ? 1 : (q ? 128 : 64) >> (esz + 3);
    uint64_t res[2] = { 0, 0 };
    const uint64_t *n = env->vregs[rn], *m = env->vregs[rm], *d = env->vregs[rd];

    int fbits = (int)((a0 >> 25) & 0x7f);
    bool u = (a0 >> 32) & 1;

    if ((a0 >> 33) & 1) {
        fp_bin_vec(env, a0);
        return 0;
    }
    if (op >= FPEL_CVTN && op <= FPEL_CVTL) {
        fp_cvt_vec(env, op, q, scalar, rd, rn);
        return 0;
    }
    for (int e = 0; e < lanes; e++) {
        uint64_t x = (uint64_t)lane_get(n, e, esz, 0);
        uint64_t y = (uint64_t)lane_get(m, byelem ? idx : e, esz, 0);
        uint64_t acc = (uint64_t)lane_get(d, e, esz, 0), r;

        switch (op) {
        case FPEL_MUL: r = fp_binop(&c, FPOP_MUL, x, y); break;
        case FPEL_MULX: r = fp_mulx(&c, x, y); break;
        case FPEL_MLA: r = fp_fma(&c, x, y, acc); break;
        case FPEL_MLS: r = fp_fma(&c, x ^ fp_sign(&c), y, acc); break;
        case FPEL_RECPS: r = fp_step(&c, false, x, y); break;
        case FPEL_RSQRTS: r = fp_step(&c, true, x, y); break;
        case FPEL_RECPE: r = fp_recip_estimate(&c, x); break;
        case FPEL_RSQRTE: r = fp_rsqrt_estimate(&c, x); break;
        case FPEL_RECPX: r = fp_recpx(&c, x); break;
        case FPEL_URECPE: r = u_recip_estimate((uint32_t)x); break;
        case FPEL_TOFIX:    /* FPToFixed, FPRounding_ZERO, integer as wide as the lane */
            r = helper_fp_to_int(env, (uint64_t)dp | (uint64_t)u << 1 | (uint64_t)dp << 2 |
                                 3u << 3 | (uint64_t)fbits << 8, x, 0, 0);
            break;
        case FPEL_FROMFIX:  /* FixedToFP under FPCR.RMode */
            r = helper_fp_from_int(env, (uint64_t)dp | (uint64_t)u << 1 | (uint64_t)dp << 2 |
                                   (uint64_t)fbits << 8, x, 0, 0);
            break;
        default: r = u_rsqrt_estimate((uint32_t)x); break;
        }
        lane_set(res, e, esz, r);
    }
    fp_done(&c);
    env->vregs[rd][0] = res[0];
    env->vregs[rd][1] = res[1];
    return 0;
}
