/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-fpest.inc.c: included by helper-fpel.inc.c: the reciprocal and reciprocal square root
 * estimates of Arm ARM shared/functions/float (FPRecipEstimate, FPRSqrtEstimate, FPRecpX) and
 * shared/functions/vector (UnsignedRecipEstimate, UnsignedRSqrtEstimate), 8-bit accurate
 * without FEAT_RPRES, computed from the pseudocode's integer algorithms (no table). */

/* RecipEstimate: a in 256..511 is 0.5 <= x < 1.0 in units of 2^-9; the result in 256..511 is
 * 1/x in units of 2^-8, rounded. */
static unsigned recip_estimate(unsigned a)
{
    unsigned b;

    a = a * 2 + 1;
    b = (1u << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in 128..511 is 0.25 <= x < 1.0 (128..255 in units of 2^-9, 256..511 in
 * units of 2^-9 with the last bit dropped); the result in 256..511 is 1/sqrt(x) in units of
 * 2^-8. */
static unsigned rsqrt_estimate(unsigned a)
{
    uint64_t b = 512;

    if (a < 256) {
        a = a * 2 + 1;
    } else {
        a = (a >> 1) << 1;
        a = (a + 1) * 2;
    }
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28)) {
        b++;
    }
    return (unsigned)((b + 1) / 2);
}

/* The operand's exponent and its fraction as the pseudocode's 52-bit fraction field. */
static void fp_est_unpack(const FpCtx *c, uint64_t x, int *exp, uint64_t *frac)
{
    if (c->dp) {
        *exp = (int)((x >> 52) & 0x7ff);
        *frac = x & 0x000fffffffffffffull;
    } else {
        *exp = (int)((x >> 23) & 0xff);
        *frac = (x & 0x7fffffull) << 29;
    }
}

static uint64_t fp_est_pack(const FpCtx *c, uint64_t sign, int exp, uint64_t frac)
{
    if (c->dp) {
        return sign | ((uint64_t)exp & 0x7ff) << 52 | (frac & 0x000fffffffffffffull);
    }
    return sign | ((uint64_t)exp & 0xff) << 23 | ((frac >> 29) & 0x7fffff);
}

/* FPRecipEstimate (FRECPE) */
static uint64_t fp_recip_estimate(FpCtx *c, uint64_t op)
{
    uint64_t x = fp_in(c, op), sign = x & fp_sign(c), mag = x & ~fp_sign(c), frac;
    int exp, rexp;

    if (fp_is_nan(c, x)) {
        return fp_process_nan(c, x);
    }
    if (mag == fp_exp_mask(c)) {
        return sign;                                    /* 1/inf = 0 */
    }
    if (!mag) {
        c->flags |= FPSR_DZC;
        return sign | fp_exp_mask(c);
    }
    fp_est_unpack(c, x, &exp, &frac);
    if (exp == 0 && !(frac >> 50)) {
        /* |x| < 2^-128 (2^-1024): the estimate overflows */
        bool to_inf = c->rmode == 0 || (c->rmode == 1 && !sign) || (c->rmode == 2 && sign);
        c->flags |= FPSR_OFC | FPSR_IXC;
        return sign | (to_inf ? fp_exp_mask(c) : fp_exp_mask(c) - 1);
    }
    if (c->fz && exp >= (c->dp ? 2045 : 253)) {
        /* |x| >= 2^126 (2^1022) with FZ: the denormal result is flushed */
        c->flags |= FPSR_UFC;
        return sign;
    }
    if (exp == 0) {
        if (!((frac >> 51) & 1)) {
            exp = -1;
            frac = (frac << 2) & 0x000fffffffffffffull;
        } else {
            frac = (frac << 1) & 0x000fffffffffffffull;
        }
    }
    rexp = (c->dp ? 2045 : 253) - exp;
    frac = (uint64_t)(recip_estimate(0x100 | (unsigned)(frac >> 44)) & 0xff) << 44;
    if (rexp == 0) {
        frac = (1ull << 51) | (frac >> 1);
    } else if (rexp == -1) {
        frac = (1ull << 50) | (frac >> 2);
        rexp = 0;
    }
    return fp_est_pack(c, sign, rexp, frac);
}

/* FPRSqrtEstimate (FRSQRTE) */
static uint64_t fp_rsqrt_estimate(FpCtx *c, uint64_t op)
{
    uint64_t x = fp_in(c, op), sign = x & fp_sign(c), mag = x & ~fp_sign(c), frac;
    int exp, rexp;
    unsigned scaled;

    if (fp_is_nan(c, x)) {
        return fp_process_nan(c, x);
    }
    if (!mag) {
        c->flags |= FPSR_DZC;
        return sign | fp_exp_mask(c);
    }
    if (sign) {
        c->flags |= FPSR_IOC;
        return fp_default_nan(c);
    }
    if (mag == fp_exp_mask(c)) {
        return 0;
    }
    fp_est_unpack(c, x, &exp, &frac);
    if (exp == 0) {
        while (!((frac >> 51) & 1)) {
            frac <<= 1;
            exp--;
        }
        frac = (frac << 1) & 0x000fffffffffffffull;
    }
    scaled = (exp & 1) ? 0x80 | (unsigned)(frac >> 45) : 0x100 | (unsigned)(frac >> 44);
    rexp = ((c->dp ? 3068 : 380) - exp) / 2;
    frac = (uint64_t)(rsqrt_estimate(scaled) & 0xff) << 44;
    return fp_est_pack(c, 0, rexp, frac);
}

/* FPRecpX (FRECPX): the exponent inverted, the fraction cleared; zero and denormal give the
 * largest normal exponent. */
static uint64_t fp_recpx(FpCtx *c, uint64_t op)
{
    uint64_t x = fp_in(c, op), sign = op & fp_sign(c), frac;
    int exp;

    if (fp_is_nan(c, x)) {
        return fp_process_nan(c, x);
    }
    fp_est_unpack(c, op, &exp, &frac);
    if (exp == 0) {
        return fp_est_pack(c, sign, c->dp ? 0x7fe : 0xfe, 0);
    }
    return fp_est_pack(c, sign, ~exp, 0);
}

/* UnsignedRecipEstimate (URECPE) and UnsignedRSqrtEstimate (URSQRTE), 32-bit lanes */
static uint64_t u_recip_estimate(uint32_t x)
{
    if (!(x >> 31)) {
        return 0xffffffffu;
    }
    return (uint64_t)(recip_estimate(x >> 23) & 0x1ff) << 23;
}

static uint64_t u_rsqrt_estimate(uint32_t x)
{
    if (!(x >> 30)) {
        return 0xffffffffu;
    }
    return (uint64_t)(rsqrt_estimate(x >> 23) & 0x1ff) << 23;
}
