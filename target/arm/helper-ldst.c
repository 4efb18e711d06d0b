/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-ldst.c: runtime helpers for the load/store translator (trans-ldst.c), and for the
 * Advanced SIMD operations trans-simd-fp.c does out of line (TBL/TBX, saturating arithmetic). */
#include <string.h>
#include "exec/cputlb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "helper.h"
#include "simd-sat.h"

/* Alignment fault on addr (Arm ARM AArch64.Abort with AlignmentFault), for the checks a single
 * access's MemOp cannot express: 16-byte quantities made of two accesses, and store-exclusives,
 * whose check comes before the monitor test (AArch64.ExclusiveMonitorsPass).
 * a0 = address, a1 = is_write | mmu_idx << 8. */
DEF_HELPER_FN(alignment_fault)
{
    CPUARMState *env = env_;

    arm_cpu_do_unaligned_access(env, a0, (a1 & 1) ? MMU_DATA_STORE : MMU_DATA_LOAD,
                                (int)(a1 >> 8));
    return 0;
}

/* TBL/TBX (Arm ARM C7.2.345, C7.2.346): a0 = rd | rn << 5 | rm << 10 | len << 15 | q << 17 |
 * tbx << 18. The table is V[rn]..V[rn+len] (modulo 32); an index past its end gives 0 (TBL)
 * or leaves the destination byte (TBX). The helper only touches env->vregs. */
DEF_HELPER_FN(simd_tbl)
{
    CPUARMState *env = env_;
    unsigned rd = a0 & 31, rn = (a0 >> 5) & 31, rm = (a0 >> 10) & 31;
    unsigned nregs = ((a0 >> 15) & 3) + 1, bytes = (a0 >> 17) & 1 ? 16 : 8;
    bool tbx = (a0 >> 18) & 1;
    uint8_t table[64], idx[16], res[16];

    for (unsigned r = 0; r < nregs; r++) {
        memcpy(table + 16 * r, env->vregs[(rn + r) % 32], 16);
    }
    memcpy(idx, env->vregs[rm], 16);
    memcpy(res, env->vregs[rd], 16);
    for (unsigned i = 0; i < bytes; i++) {
        if (idx[i] < 16 * nregs) {
            res[i] = table[idx[i]];
        } else if (!tbx) {
            res[i] = 0;
        }
    }
    if (bytes == 8) {
        memset(res + 8, 0, 8);
    }
    memcpy(env->vregs[rd], res, 16);
    return 0;
}

/* ---- Advanced SIMD integer operations that saturate (FPSR.QC) or shift by a register ---- */

#define FPSR_QC (1u << 27)

static int64_t lane_get(const uint64_t *v, int e, int esz, bool sign)
{
    int w = 8 << esz;
    unsigned bit = (unsigned)e * (unsigned)w;
    uint64_t x = v[bit / 64] >> (bit % 64);

    if (w == 64) {
        return (int64_t)x;
    }
    x &= (1ull << w) - 1;
    if (sign && (x >> (w - 1))) {
        x |= ~0ull << w;
    }
    return (int64_t)x;
}

static void lane_set(uint64_t *v, int e, int esz, uint64_t x)
{
    int w = 8 << esz;
    unsigned bit = (unsigned)e * (unsigned)w;
    uint64_t mask = w == 64 ? ~0ull : ((1ull << w) - 1);

    v[bit / 64] = (v[bit / 64] & ~(mask << (bit % 64))) | ((x & mask) << (bit % 64));
}

/* SignedSatQ / UnsignedSatQ to w bits, setting FPSR.QC when the value does not fit. */
static __int128 sat(CPUARMState *env, __int128 x, int w, bool sign)
{
    __int128 max = sign ? (((__int128)1 << (w - 1)) - 1) : (((__int128)1 << w) - 1);
    __int128 min = sign ? -((__int128)1 << (w - 1)) : 0;

    if (x > max) {
        env->fpsr |= FPSR_QC;
        return max;
    }
    if (x < min) {
        env->fpsr |= FPSR_QC;
        return min;
    }
    return x;
}

/* (x + round) << sh for sh in -128..127, with a right shift rounding when round (the Arm ARM
 * SSHL/SRSHL/... pseudocode); x has at most 65 significant bits. */
static __int128 shift_round(__int128 x, int sh, bool round)
{
    if (sh >= 0) {
        return sh >= 64 ? (x == 0 ? 0 : (x < 0 ? -((__int128)1 << 100) : ((__int128)1 << 100)))
                        : x << sh;
    }
    sh = -sh;
    if (sh > 100) {
        return (x < 0 && !round) ? -1 : 0;
    }
    if (round) {
        x += (__int128)1 << (sh - 1);
    }
    return x >> sh;
}

DEF_HELPER_FN(simd_int)
{
    CPUARMState *env = env_;
    int op = a0 & 63, rd = (a0 >> 6) & 31, rn = (a0 >> 11) & 31, rm = (a0 >> 16) & 31;
    int esz = (a0 >> 21) & 3, q = (a0 >> 23) & 1, imm = (int)((a0 >> 24) & 0xff);
    int w = 8 << esz;
    uint64_t res[2] = { env->vregs[rd][0], env->vregs[rd][1] };
    const uint64_t *n = env->vregs[rn], *m = env->vregs[rm], *d = env->vregs[rd];
    int lanes = (q ? 128 : 64) / w;
    bool scalar = (a0 >> 32) & 1, byelem = (a0 >> 33) & 1;
    int idx = (int)((a0 >> 34) & 15);

    if (op >= SI_SQXTN && op <= SI_SQXTUN) {
        lanes = 64 / w;
    } else if (op >= SI_SQSHRN && op <= SI_SQRSHRUN) {
        lanes = 64 / w;
    } else if (op >= SI_SQDMLAL) {
        lanes = 64 / w;
    }
    if (scalar) {
        /* one lane; the rest of the destination becomes zero */
        lanes = 1;
        res[0] = res[1] = 0;
    }
    for (int e = 0; e < lanes; e++) {
        int me = byelem ? idx : e;
        /* lane e of Vn and Vd, lane me of Vm, signed and unsigned */
        __int128 sn = lane_get(n, e, esz, 1), un = (uint64_t)lane_get(n, e, esz, 0);
        __int128 sm = lane_get(m, me, esz, 1), um = (uint64_t)lane_get(m, me, esz, 0);
        __int128 sd = lane_get(d, e, esz, 1), ud = (uint64_t)lane_get(d, e, esz, 0);
        __int128 r = 0;
        int ow = w, oe = e;
        switch (op) {
        case SI_SQADD: r = sat(env, sn + sm, w, 1); break;
        case SI_SQSUB: r = sat(env, sn - sm, w, 1); break;
        case SI_UQADD: r = sat(env, un + um, w, 0); break;
        case SI_UQSUB: r = sat(env, un - um, w, 0); break;
        case SI_SSHL: case SI_USHL: case SI_SQSHL: case SI_UQSHL:
        case SI_SRSHL: case SI_URSHL: case SI_SQRSHL: case SI_UQRSHL: {
            bool u = op == SI_USHL || op == SI_UQSHL || op == SI_URSHL || op == SI_UQRSHL;
            bool rnd = op >= SI_SRSHL;
            bool st = op == SI_SQSHL || op == SI_UQSHL || op == SI_SQRSHL || op == SI_UQRSHL;
            r = shift_round(u ? un : sn, (int8_t)um, rnd);
            if (st) {
                r = sat(env, r, w, !u);
            }
            break;
        }
        case SI_SQDMULH: case SI_SQRDMULH: {
            __int128 p = 2 * sn * sm;
            if (op == SI_SQRDMULH) {
                p += (__int128)1 << (w - 1);
            }
            r = sat(env, p >> w, w, 1);
            break;
        }
        case SI_SQABS: r = sat(env, sn < 0 ? -sn : sn, w, 1); break;
        case SI_SQNEG: r = sat(env, -sn, w, 1); break;
        case SI_SUQADD: r = sat(env, sd + un, w, 1); break;
        case SI_USQADD: r = sat(env, ud + sn, w, 0); break;
        case SI_SQXTN: r = sat(env, lane_get(n, e, esz + 1, 1), w, 1); break;
        case SI_UQXTN: r = sat(env, (__int128)(uint64_t)lane_get(n, e, esz + 1, 0), w, 0); break;
        case SI_SQXTUN: r = sat(env, lane_get(n, e, esz + 1, 1), w, 0); break;
        case SI_SQSHLU_I: r = sat(env, shift_round(sn, imm, 0), w, 0); break;
        case SI_SQSHL_I: r = sat(env, shift_round(sn, imm, 0), w, 1); break;
        case SI_UQSHL_I: r = sat(env, shift_round(un, imm, 0), w, 0); break;
        case SI_SQSHRN: case SI_SQRSHRN:
            r = sat(env, shift_round(lane_get(n, e, esz + 1, 1), -imm, op == SI_SQRSHRN), w, 1);
            break;
        case SI_UQSHRN: case SI_UQRSHRN:
            r = sat(env, shift_round((__int128)(uint64_t)lane_get(n, e, esz + 1, 0), -imm,
                                     op == SI_UQRSHRN), w, 0);
            break;
        case SI_SQSHRUN: case SI_SQRSHRUN:
            r = sat(env, shift_round(lane_get(n, e, esz + 1, 1), -imm, op == SI_SQRSHRUN), w, 0);
            break;
        case SI_SQDMLAL: case SI_SQDMLSL: case SI_SQDMULL: {
            int off = q ? lanes : 0;
            __int128 p = sat(env, (__int128)2 * lane_get(n, e + off, esz, 1) *
                             lane_get(m, byelem ? idx : e + off, esz, 1), 2 * w, 1);
            if (op == SI_SQDMLAL) {
                p = sat(env, lane_get(d, e, esz + 1, 1) + p, 2 * w, 1);
            } else if (op == SI_SQDMLSL) {
                p = sat(env, lane_get(d, e, esz + 1, 1) - p, 2 * w, 1);
            }
            r = p;
            ow = 2 * w;
            break;
        }
        }
        if (ow == 2 * w) {
            lane_set(res, oe, esz + 1, (uint64_t)r);
        } else if ((op >= SI_SQXTN && op <= SI_SQXTUN) || (op >= SI_SQSHRN && op <= SI_SQRSHRUN)) {
            lane_set(res, oe + (q ? lanes : 0), esz, (uint64_t)r);
        } else {
            lane_set(res, oe, esz, (uint64_t)r);
        }
    }
    if ((op >= SI_SQXTN && op <= SI_SQXTUN) || (op >= SI_SQSHRN && op <= SI_SQRSHRUN)) {
        if (!q) {
            res[1] = 0;
        }
    } else if (op < SI_SQDMLAL && !q) {
        res[1] = 0;
    }
    env->vregs[rd][0] = res[0];
    env->vregs[rd][1] = res[1];
    return 0;
}

/* ---- scalar floating point, single and double precision (Arm ARM shared/functions/float) ----
 * The host FPU does the IEEE arithmetic under the FPCR rounding mode; what the Arm ARM specifies
 * beyond IEEE is done here: NaN selection and propagation (FPProcessNaNs), the default NaN (DN),
 * flush-to-zero of inputs (IDC) and outputs (UFC, FZ), and the cumulative FPSR flags.
 * Known difference: the host detects tininess after rounding, the Arm ARM before. */

enum { FPSR_IOC = 1, FPSR_DZC = 2, FPSR_OFC = 4, FPSR_UFC = 8, FPSR_IXC = 16, FPSR_IDC = 128 };

typedef struct FpCtx {
    CPUARMState *env;
    bool dp, fz, dn;
    int rmode;          /* FPCR.RMode: 0 RN, 1 RP, 2 RM, 3 RZ */
    uint32_t flags;
    uint32_t last;      /* the flags of the last fp_host_end() */
} FpCtx;

static FpCtx fp_ctx(CPUARMState *env, bool dp)
{
    FpCtx c = { env, dp, (env->fpcr >> 24) & 1, (env->fpcr >> 25) & 1,
                (int)((env->fpcr >> 22) & 3), 0 };
    return c;
}

static void fp_done(FpCtx *c)
{
    c->env->fpsr |= c->flags;
}

static uint64_t fp_sign(const FpCtx *c)
{
    return c->dp ? 1ull << 63 : 1ull << 31;
}

static uint64_t fp_exp_mask(const FpCtx *c)
{
    return c->dp ? 0x7ff0000000000000ull : 0x7f800000ull;
}

static uint64_t fp_frac_mask(const FpCtx *c)
{
    return c->dp ? 0x000fffffffffffffull : 0x007fffffull;
}

static uint64_t fp_quiet_bit(const FpCtx *c)
{
    return c->dp ? 1ull << 51 : 1ull << 22;
}

static bool fp_is_nan(const FpCtx *c, uint64_t x)
{
    return (x & fp_exp_mask(c)) == fp_exp_mask(c) && (x & fp_frac_mask(c));
}

static bool fp_is_snan(const FpCtx *c, uint64_t x)
{
    return fp_is_nan(c, x) && !(x & fp_quiet_bit(c));
}

static bool fp_is_denormal(const FpCtx *c, uint64_t x)
{
    return !(x & fp_exp_mask(c)) && (x & fp_frac_mask(c));
}

static uint64_t fp_default_nan(const FpCtx *c)
{
    return c->dp ? 0x7ff8000000000000ull : 0x7fc00000ull;
}

/* FPUnpack with FZ: a denormal input reads as zero of the same sign (IDC). */
static uint64_t fp_in(FpCtx *c, uint64_t x)
{
    x &= c->dp ? ~0ull : 0xffffffffull;
    if (c->fz && fp_is_denormal(c, x)) {
        c->flags |= FPSR_IDC;
        return x & fp_sign(c);
    }
    return x;
}

/* FPProcessNaN: a signalling NaN is quietened (IOC); DN gives the default NaN. */
static uint64_t fp_process_nan(FpCtx *c, uint64_t x)
{
    if (fp_is_snan(c, x)) {
        c->flags |= FPSR_IOC;
        x |= fp_quiet_bit(c);
    }
    return c->dn ? fp_default_nan(c) : x;
}

/* FPProcessNaNs: the first signalling NaN, else the first quiet NaN; false if there is none. */
static bool fp_process_nans(FpCtx *c, uint64_t a, uint64_t b, uint64_t *res)
{
    if (fp_is_snan(c, a)) {
        *res = fp_process_nan(c, a);
    } else if (fp_is_snan(c, b)) {
        *res = fp_process_nan(c, b);
    } else if (fp_is_nan(c, a)) {
        *res = fp_process_nan(c, a);
    } else if (fp_is_nan(c, b)) {
        *res = fp_process_nan(c, b);
    } else {
        return false;
    }
    return true;
}

/* The host's floating-point control, without libm's <fenv.h> (the emulator does not link
 * libm): rounding mode in and the IEEE exception flags out, as HOST_FE_* bits. */
enum { HOST_FE_INVALID = 1, HOST_FE_DIVBYZERO = 2, HOST_FE_OVERFLOW = 4, HOST_FE_UNDERFLOW = 8,
       HOST_FE_INEXACT = 16 };

#if defined(__x86_64__) || defined(__i386__)
/* MXCSR: flags IE(0) DE(1) ZE(2) OE(3) UE(4) PE(5), RC bits [14:13] = 0 RN, 1 RM, 2 RP, 3 RZ */
static unsigned host_fp_saved;

static void host_fp_begin(int arm_rmode)
{
    static const unsigned rc[4] = { 0, 2, 1, 3 };   /* Arm RN, RP, RM, RZ */
    unsigned m = __builtin_ia32_stmxcsr();

    host_fp_saved = m;
    m = (m & ~(0x3fu | 3u << 13)) | rc[arm_rmode] << 13;
    __builtin_ia32_ldmxcsr(m);
}

static int host_fp_end(void)
{
    unsigned m = __builtin_ia32_stmxcsr();

    __builtin_ia32_ldmxcsr(host_fp_saved);
    return ((m & 1) ? HOST_FE_INVALID : 0) | ((m & 4) ? HOST_FE_DIVBYZERO : 0) |
           ((m & 8) ? HOST_FE_OVERFLOW : 0) | ((m & 16) ? HOST_FE_UNDERFLOW : 0) |
           ((m & 32) ? HOST_FE_INEXACT : 0);
}
#elif defined(__aarch64__)
/* FPCR.RMode [23:22] uses the guest's encoding; FPSR IOC(0) DZC(1) OFC(2) UFC(3) IXC(4) */
static uint64_t host_fp_saved;

static void host_fp_begin(int arm_rmode)
{
    uint64_t fpcr;

    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    host_fp_saved = fpcr;
    fpcr = (fpcr & ~(3ull << 22 | 1ull << 24 | 1ull << 25)) | (uint64_t)arm_rmode << 22;
    __asm__ volatile("msr fpcr, %0\n msr fpsr, xzr" :: "r"(fpcr));
}

static int host_fp_end(void)
{
    uint64_t fpsr;

    __asm__ volatile("mrs %0, fpsr\n msr fpcr, %1" : "=&r"(fpsr) : "r"(host_fp_saved));
    return (int)(fpsr & 0x1f);
}
#else
#error "helper-ldst.c: no host floating-point control for this host"
#endif

/* Square root by the host instruction (no libm), under the mode set by host_fp_begin(). */
static double host_sqrt_d(double x)
{
#if defined(__x86_64__) || defined(__i386__)
    __asm__ volatile("sqrtsd %1, %0" : "=x"(x) : "x"(x));
#else
    __asm__ volatile("fsqrt %d0, %d1" : "=w"(x) : "w"(x));
#endif
    return x;
}

static float host_sqrt_f(float x)
{
#if defined(__x86_64__) || defined(__i386__)
    __asm__ volatile("sqrtss %1, %0" : "=x"(x) : "x"(x));
#else
    __asm__ volatile("fsqrt %s0, %s1" : "=w"(x) : "w"(x));
#endif
    return x;
}

/* Fused multiply-add a * b + c, one rounding, by the host instruction (FMA3 on x86). */
#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("fma"))) static double host_fma_d(double a, double b, double c)
{
    __asm__ volatile("vfmadd213sd %3, %2, %0" : "=x"(a) : "0"(a), "x"(b), "x"(c));
    return a;
}

__attribute__((target("fma"))) static float host_fma_f(float a, float b, float c)
{
    __asm__ volatile("vfmadd213ss %3, %2, %0" : "=x"(a) : "0"(a), "x"(b), "x"(c));
    return a;
}

static bool host_has_fma(void)
{
    return __builtin_cpu_supports("fma");
}
#else
static double host_fma_d(double a, double b, double c)
{
    __asm__ volatile("fmadd %d0, %d1, %d2, %d3" : "=w"(a) : "w"(a), "w"(b), "w"(c));
    return a;
}

static float host_fma_f(float a, float b, float c)
{
    __asm__ volatile("fmadd %s0, %s1, %s2, %s3" : "=w"(a) : "w"(a), "w"(b), "w"(c));
    return a;
}

static bool host_has_fma(void)
{
    return true;
}
#endif

static void fp_host_begin(const FpCtx *c)
{
    host_fp_begin(c->rmode);
}

/* Collect the host flags, then apply the output rules: NaN results of invalid operations are
 * the default NaN, and with FZ a denormal result is flushed to zero (UFC, no IXC). */
static uint64_t fp_host_end(FpCtx *c, uint64_t r)
{
    int ex = host_fp_end();
    uint32_t f = 0;

    f |= (ex & HOST_FE_INVALID) ? FPSR_IOC : 0;
    f |= (ex & HOST_FE_DIVBYZERO) ? FPSR_DZC : 0;
    f |= (ex & HOST_FE_OVERFLOW) ? FPSR_OFC : 0;
    f |= (ex & HOST_FE_UNDERFLOW) ? FPSR_UFC : 0;
    f |= (ex & HOST_FE_INEXACT) ? FPSR_IXC : 0;
    if (fp_is_nan(c, r)) {
        r = fp_default_nan(c);
    } else if (c->fz && (fp_is_denormal(c, r) || (ex & HOST_FE_UNDERFLOW))) {
        /* also a tiny result the host rounded to zero or to the smallest normal: UFC only */
        r &= fp_sign(c);
        f = (f & ~(FPSR_IXC | FPSR_UFC)) | FPSR_UFC;
    }
    c->flags |= f;
    c->last = f;
    return r;
}

/* Arm detects tininess before rounding (FPRound: "exponent < minimum_exp" on the exact value),
 * the x86 host after it: an inexact result of the smallest normal magnitude, without the host's
 * underflow flag, may come from a tiny exact value. The same operation rounded toward zero
 * (raw(), called between fp_host_begin/end) tells: below the smallest normal, the exact value
 * was tiny, so UFC, or with FZ a zero (UFC only). before = c->flags ahead of the operation. */
typedef uint64_t FpRawFn(const FpCtx *c, int op, uint64_t a, uint64_t b, uint64_t acc);

static uint64_t fp_tiny_fixup(FpCtx *c, uint32_t before, uint64_t r, FpRawFn *raw, int op,
                              uint64_t a, uint64_t b, uint64_t acc)
{
    uint64_t min_normal = c->dp ? 1ull << 52 : 1ull << 23, rz;
    FpCtx z = *c;

    if (!(c->last & FPSR_IXC) || (c->last & FPSR_UFC) || (r & ~fp_sign(c)) != min_normal) {
        return r;
    }
    z.rmode = 3;
    host_fp_begin(z.rmode);
    rz = raw(&z, op, a, b, acc);
    host_fp_end();
    if ((rz & ~fp_sign(c)) >= min_normal) {
        return r;
    }
    if (c->fz) {
        c->flags = before | (c->last & ~FPSR_IXC) | FPSR_UFC;
        return r & fp_sign(c);
    }
    c->flags |= FPSR_UFC;
    return r;
}

static double d_of(uint64_t x) { double d; memcpy(&d, &x, 8); return d; }
static uint64_t of_d(double d) { uint64_t x; memcpy(&x, &d, 8); return x; }
static float f_of(uint64_t x) { uint32_t v = (uint32_t)x; float f; memcpy(&f, &v, 4); return f; }
static uint64_t of_f(float f) { uint32_t v; memcpy(&v, &f, 4); return v; }


/* the host operation alone, between fp_host_begin() and fp_host_end() */
static uint64_t fp_binop_raw(const FpCtx *c, int op, uint64_t a, uint64_t b, uint64_t acc)
{
    (void)acc;
    if (c->dp) {
        volatile double x = d_of(a), y = d_of(b), z;
        switch (op) {
        case FPOP_ADD: z = x + y; break;
        case FPOP_SUB: z = x - y; break;
        case FPOP_DIV: z = x / y; break;
        default: z = x * y; break;
        }
        return of_d(z);
    } else {
        volatile float x = f_of(a), y = f_of(b), z;
        switch (op) {
        case FPOP_ADD: z = x + y; break;
        case FPOP_SUB: z = x - y; break;
        case FPOP_DIV: z = x / y; break;
        default: z = x * y; break;
        }
        return of_f(z);
    }
}

static uint64_t fp_binop(FpCtx *c, int op, uint64_t a, uint64_t b)
{
    uint64_t r;
    uint32_t before;

    a = fp_in(c, a);
    b = fp_in(c, b);
    if (op == FPOP_MAXNM || op == FPOP_MINNM) {
        /* FPMaxNum/FPMinNum: one quiet NaN operand gives the other operand */
        bool qa = fp_is_nan(c, a) && !fp_is_snan(c, a), qb = fp_is_nan(c, b) && !fp_is_snan(c, b);
        if (qa && !fp_is_nan(c, b)) {
            a = b;
        } else if (qb && !fp_is_nan(c, a)) {
            b = a;
        }
        op = op == FPOP_MAXNM ? FPOP_MAX : FPOP_MIN;
    }
    if (fp_process_nans(c, a, b, &r)) {
        return op == FPOP_NMUL ? r ^ fp_sign(c) : r;
    }
    if (op == FPOP_MAX || op == FPOP_MIN) {
        bool gt = c->dp ? d_of(a) > d_of(b) : f_of(a) > f_of(b);
        bool eq = c->dp ? d_of(a) == d_of(b) : f_of(a) == f_of(b);
        if (eq) {
            /* +0 and -0: max is +0, min is -0 */
            return op == FPOP_MAX ? (a & b) : (a | b);
        }
        return (gt == (op == FPOP_MAX)) ? a : b;
    }
    before = c->flags;
    fp_host_begin(c);
    r = fp_binop_raw(c, op, a, b, 0);
    r = fp_host_end(c, r);
    if (op == FPOP_MUL || op == FPOP_NMUL || op == FPOP_DIV) {
        r = fp_tiny_fixup(c, before, r, fp_binop_raw, op, a, b, 0);
    }
    return op == FPOP_NMUL ? r ^ fp_sign(c) : r;
}

/* a0 = op | dp << 8, a1, a2 = operands: the result bits. */
DEF_HELPER_FN(fp_binop)
{
    FpCtx c = fp_ctx(env_, (a0 >> 8) & 1);
    uint64_t r = fp_binop(&c, (int)(a0 & 0xff), a1, a2);

    fp_done(&c);
    return r;
}

/* FCMP/FCMPE (FPCompare): a0 = dp | signal_all << 1; returns NZCV in bits [31:28] and sets
 * PSTATE.NZCV. */
DEF_HELPER_FN(fp_cmp)
{
    CPUARMState *env = env_;
    FpCtx c = fp_ctx(env, a0 & 1);
    uint64_t a = fp_in(&c, a1), b = fp_in(&c, a2);
    uint32_t nzcv;

    if (fp_is_nan(&c, a) || fp_is_nan(&c, b)) {
        if (((a0 >> 1) & 1) || fp_is_snan(&c, a) || fp_is_snan(&c, b)) {
            c.flags |= FPSR_IOC;
        }
        nzcv = 0x3;
    } else {
        bool lt = c.dp ? d_of(a) < d_of(b) : f_of(a) < f_of(b);
        bool eq = c.dp ? d_of(a) == d_of(b) : f_of(a) == f_of(b);
        nzcv = eq ? 0x6 : lt ? 0x8 : 0x2;
    }
    fp_done(&c);
    cpsr_write_nzcv(env, nzcv << 28);
    return 0;
}

/* double to single by the host, between fp_host_begin() and fp_host_end() */
static uint64_t fp_narrow_raw(const FpCtx *c, int op, uint64_t a, uint64_t b, uint64_t acc)
{
    volatile double d = d_of(a);
    volatile float f = (float)d;

    (void)c, (void)op, (void)b, (void)acc;
    return of_f(f);
}

/* FCVT between single and double (FPConvert): a0 = to_dp, a1 = operand. */
DEF_HELPER_FN(fp_cvt_sd)
{
    bool to_dp = a0 & 1;
    FpCtx c = fp_ctx(env_, !to_dp);
    FpCtx o = fp_ctx(env_, to_dp);
    uint64_t x = fp_in(&c, a1), r;

    if (fp_is_nan(&c, x)) {
        /* FPConvertNaN: sign kept, quietened, the top fraction bits carried over */
        if (fp_is_snan(&c, x)) {
            c.flags |= FPSR_IOC;
        }
        if (c.dn) {
            r = fp_default_nan(&o);
        } else if (to_dp) {
            r = (x >> 31) << 63 | 0x7ff8000000000000ull | (x & 0x3fffffull) << 29;
        } else {
            r = (x >> 63) << 31 | 0x7fc00000ull | ((x >> 29) & 0x3fffffull);
        }
        fp_done(&c);
        return r;
    }
    fp_host_begin(&o);
    if (to_dp) {
        volatile float f = f_of(x);
        volatile double d = f;
        r = of_d(d);
    } else {
        r = fp_narrow_raw(&o, 0, x, 0, 0);
    }
    r = fp_host_end(&o, r);
    if (!to_dp) {
        r = fp_tiny_fixup(&o, 0, r, fp_narrow_raw, 0, x, 0, 0);
    }
    c.flags |= o.flags;
    fp_done(&c);
    return r;
}

/* 2^n as a double, for |n| <= 64 (a normal number: the exponent field is 1023 + n). */
static double pow2(int n)
{
    return d_of((uint64_t)(1023 + n) << 52);
}

/* SCVTF/UCVTF (integer, and fixed-point with fbits != 0): a0 = dp | unsigned << 1 |
 * from64 << 2 | fbits << 8, a1 = the integer. FixedToFP (Arm ARM shared/functions/float):
 * the value is int / 2^fbits, rounded once. The host rounds the integer to the format; the
 * scaling by 2^-fbits (at most 64) is then exact, as no result can come near the subnormals. */
DEF_HELPER_FN(fp_from_int)
{
    FpCtx c = fp_ctx(env_, a0 & 1);
    bool u = (a0 >> 1) & 1, is64 = (a0 >> 2) & 1;
    int fbits = (int)((a0 >> 8) & 0x7f);
    uint64_t r;

    fp_host_begin(&c);
    if (c.dp) {
        volatile double d;
        if (is64) {
            d = u ? (double)a1 : (double)(int64_t)a1;
        } else {
            d = u ? (double)(uint32_t)a1 : (double)(int32_t)a1;
        }
        if (fbits) {
            d = d * pow2(-fbits);
        }
        r = of_d(d);
    } else {
        volatile float f;
        if (is64) {
            f = u ? (float)a1 : (float)(int64_t)a1;
        } else {
            f = u ? (float)(uint32_t)a1 : (float)(int32_t)a1;
        }
        if (fbits) {
            f = (float)((double)f * pow2(-fbits));  /* exact: a power-of-two scaling */
        }
        r = of_f(f);
    }
    r = fp_host_end(&c, r);
    fp_done(&c);
    return r;
}

/* An integral double: odd? (Beyond 2^53 every representable integer is even.) */
static bool is_odd(double fl)
{
    return fl > -9007199254740992.0 && fl < 9007199254740992.0 && ((int64_t)fl & 1);
}

/* FCVT{N,P,M,Z,A}{S,U} (FPToFixed, Arm ARM shared/functions/float): a0 = dp | unsigned << 1 |
 * to64 << 2 | rounding << 3 (0 N, 1 P, 2 M, 3 Z, 4 A) | fbits << 8 (the fixed-point forms),
 * a1 = operand. The value is operand * 2^fbits, then rounded to an integer. Out of range
 * saturates (IOC), NaN gives 0 (IOC), a fractional value sets IXC. */
DEF_HELPER_FN(fp_to_int)
{
    FpCtx c = fp_ctx(env_, a0 & 1);
    bool u = (a0 >> 1) & 1, is64 = (a0 >> 2) & 1;
    int rnd = (int)((a0 >> 3) & 7);
    int fbits = (int)((a0 >> 8) & 0x7f);
    uint64_t x = fp_in(&c, a1);
    double v, t;
    int64_t lo, hi;
    uint64_t r;

    if (fp_is_nan(&c, x)) {
        c.flags |= FPSR_IOC;
        fp_done(&c);
        return 0;
    }
    v = c.dp ? d_of(x) : (double)f_of(x);   /* exact */
    if (fbits) {
        /* exact, or +-infinity for a double far beyond the integer range: saturates anyway */
        v = v * pow2(fbits);
    }
    if (u) {
        lo = 0;
        hi = is64 ? -1 : (int64_t)0xffffffffll;
    } else {
        lo = is64 ? INT64_MIN : INT32_MIN;
        hi = is64 ? INT64_MAX : INT32_MAX;
    }
    /* the integer part, rounded as asked; |v| < 2^64 here or it saturates anyway */
    if (v >= 18446744073709551616.0 || v <= -18446744073709551616.0 || v != v) {
        t = v;
    } else {
        double fl;
        if (v >= 9223372036854775808.0) {
            fl = (double)(uint64_t)v;                    /* integral already (ulp >= 2^11) */
        } else if (v < -9223372036854775808.0) {
            fl = v;                                       /* integral already */
        } else {
            fl = (double)(int64_t)v;                      /* truncation, exact */
            if (fl > v) {
                fl -= 1.0;                                /* floor */
            }
        }
        double frac = v - fl;                             /* exact, in [0, 1) */
        switch (rnd) {
        case 0:     /* to nearest, ties to even */
            t = (frac > 0.5 || (frac == 0.5 && is_odd(fl))) ? fl + 1.0 : fl;
            break;
        case 1: t = frac > 0 ? fl + 1.0 : fl; break;
        case 2: t = fl; break;
        case 3: t = (v < 0 && frac > 0) ? fl + 1.0 : fl; break;
        default:    /* to nearest, ties away from zero */
            t = (frac > 0.5 || (frac == 0.5 && v > 0)) ? fl + 1.0 : fl;
            break;
        }
        if (t != v) {
            c.flags |= FPSR_IXC;
        }
    }
    if (u ? t <= -1.0 || t >= (is64 ? 18446744073709551616.0 : 4294967296.0)
          : t < (double)lo || t >= (is64 ? 9223372036854775808.0 : 2147483648.0)) {
        c.flags = (c.flags & ~FPSR_IXC) | FPSR_IOC;
        r = (uint64_t)(t < 0 ? lo : hi);
    } else if (u) {
        r = t >= 9223372036854775808.0 ? (uint64_t)(t - 9223372036854775808.0) + (1ull << 63)
                                        : (uint64_t)(int64_t)t;
    } else {
        r = (uint64_t)(int64_t)t;
    }
    if (!is64) {
        r &= 0xffffffffull;
    }
    fp_done(&c);
    return r;
}

/* FPCompareEQ/GE/GT (FACGE/FACGT on absolute values): all ones or zero. EQ signals only for a
 * signalling NaN, GE and GT for any NaN. */
static uint64_t fp_cmp_mask(FpCtx *c, int op, uint64_t a, uint64_t b)
{
    bool r;

    a = fp_in(c, a);
    b = fp_in(c, b);
    if (op == FPOP_ACGE || op == FPOP_ACGT) {
        a &= ~fp_sign(c);
        b &= ~fp_sign(c);
    }
    if (fp_is_nan(c, a) || fp_is_nan(c, b)) {
        if (op != FPOP_CMEQ || fp_is_snan(c, a) || fp_is_snan(c, b)) {
            c->flags |= FPSR_IOC;
        }
        return 0;
    }
    double x = c->dp ? d_of(a) : (double)f_of(a), y = c->dp ? d_of(b) : (double)f_of(b);
    switch (op) {
    case FPOP_CMEQ: r = x == y; break;
    case FPOP_CMGE: case FPOP_ACGE: r = x >= y; break;
    default: r = x > y; break;
    }
    return r ? ~0ull : 0;
}

/* Advanced SIMD floating point, vector three-same and pairwise forms (FP_VEC_DESC). */
DEF_HELPER_FN(fp_vec)
{
    CPUARMState *env = env_;
    int op = a0 & 0xff, rd = (a0 >> 11) & 31, rn = (a0 >> 16) & 31, rm = (a0 >> 21) & 31;
    bool dp = (a0 >> 8) & 1, q = (a0 >> 9) & 1, pw = (a0 >> 10) & 1, zero = (a0 >> 26) & 1;
    FpCtx c = fp_ctx(env, dp);
    int esz = dp ? 3 : 2, lanes = (q ? 128 : 64) >> (esz + 3);
    uint64_t res[2] = { 0, 0 };
    const uint64_t *n = env->vregs[rn], *m = env->vregs[rm];

    for (int e = 0; e < lanes; e++) {
        uint64_t x, y, r;
        if (pw) {
            int i = 2 * e;
            const uint64_t *src = i < lanes ? n : m;
            x = (uint64_t)lane_get(src, i % lanes, esz, 0);
            y = (uint64_t)lane_get(src, (i + 1) % lanes, esz, 0);
        } else {
            x = (uint64_t)lane_get(n, e, esz, 0);
            y = zero ? 0 : (uint64_t)lane_get(m, e, esz, 0);
        }
        if (op >= FPOP_CMEQ) {
            r = fp_cmp_mask(&c, op, x, y);
        } else if (op == FPOP_ABD) {
            r = fp_binop(&c, FPOP_SUB, x, y) & ~fp_sign(&c);
        } else {
            r = fp_binop(&c, op, x, y);
        }
        lane_set(res, e, esz, r);
    }
    fp_done(&c);
    env->vregs[rd][0] = res[0];
    env->vregs[rd][1] = res[1];
    return 0;
}

/* FCMLE/FCMLT (zero): #0.0 compared with the lane, a0 = op | dp << 8, a1 = lane. */
DEF_HELPER_FN(fp_cmp0_swapped)
{
    FpCtx c = fp_ctx(env_, (a0 >> 8) & 1);
    uint64_t r = fp_cmp_mask(&c, (int)(a0 & 0xff), 0, a1);

    fp_done(&c);
    return r;
}

/* FSQRT (FPSqrt): a0 = dp, a1 = operand. */
static uint64_t fp_sqrt(FpCtx *c, uint64_t a)
{
    uint64_t r;

    a = fp_in(c, a);
    if (fp_is_nan(c, a)) {
        return fp_process_nan(c, a);
    }
    fp_host_begin(c);
    r = c->dp ? of_d(host_sqrt_d(d_of(a))) : of_f(host_sqrt_f(f_of(a)));
    return fp_host_end(c, r);
}

DEF_HELPER_FN(fp_sqrt)
{
    FpCtx c = fp_ctx(env_, a0 & 1);
    uint64_t r = fp_sqrt(&c, a1);

    fp_done(&c);
    return r;
}

/* FSQRT (vector): a0 = dp | q << 1 | rd << 2 | rn << 7. */
DEF_HELPER_FN(fp_sqrt_vec)
{
    CPUARMState *env = env_;
    bool dp = a0 & 1, q = (a0 >> 1) & 1;
    int rd = (a0 >> 2) & 31, rn = (a0 >> 7) & 31, esz = dp ? 3 : 2;
    FpCtx c = fp_ctx(env, dp);
    uint64_t res[2] = { 0, 0 };

    for (int e = 0; e < ((q ? 128 : 64) >> (esz + 3)); e++) {
        lane_set(res, e, esz, fp_sqrt(&c, (uint64_t)lane_get(env->vregs[rn], e, esz, 0)));
    }
    fp_done(&c);
    env->vregs[rd][0] = res[0];
    env->vregs[rd][1] = res[1];
    return 0;
}

/* FMADD/FMSUB/FNMADD/FNMSUB (FPMulAdd): a0 = dp | neg_n << 1 | neg_a << 2, a1 = Rn, a2 = Rm,
 * a3 = Ra; the result is Ra + Rn * Rm after the requested negations (FPNeg, NaNs included). */
/* FPMulAdd(acc, n, m) on operands already negated as requested; the caller calls fp_done. */
/* n * m + acc by the host, between fp_host_begin() and fp_host_end() */
static uint64_t fp_fma_raw(const FpCtx *c, int op, uint64_t n, uint64_t m, uint64_t acc)
{
    (void)op;
    if (!host_has_fma()) {
        return c->dp ? of_d(d_of(n) * d_of(m) + d_of(acc))
                     : of_f((float)((double)f_of(n) * f_of(m) + f_of(acc)));
    }
    return c->dp ? of_d(host_fma_d(d_of(n), d_of(m), d_of(acc)))
                 : of_f(host_fma_f(f_of(n), f_of(m), f_of(acc)));
}

static uint64_t fp_fma(FpCtx *cp, uint64_t n, uint64_t m, uint64_t acc)
{
    FpCtx c = *cp;
    uint64_t r = 0;
    uint32_t before;

    n = fp_in(&c, n);
    m = fp_in(&c, m);
    acc = fp_in(&c, acc);
    {
        /* FPProcessNaNs3(addend, op1, op2), then inf * 0 with a quiet NaN addend */
        uint64_t ops[3] = { acc, n, m };
        bool nan = false;
        for (int i = 0; i < 3 && !nan; i++) {
            if (fp_is_snan(&c, ops[i])) {
                r = fp_process_nan(&c, ops[i]);
                nan = true;
            }
        }
        for (int i = 0; i < 3 && !nan; i++) {
            if (fp_is_nan(&c, ops[i])) {
                r = fp_process_nan(&c, ops[i]);
                nan = true;
            }
        }
        uint64_t mag = ~fp_sign(&c) & (c.dp ? ~0ull : 0xffffffffull);
        bool inf_n = (n & mag) == fp_exp_mask(&c), inf_m = (m & mag) == fp_exp_mask(&c);
        bool zero_n = !(n & mag), zero_m = !(m & mag);
        if (fp_is_nan(&c, acc) && !fp_is_snan(&c, acc) &&
            ((inf_n && zero_m) || (zero_n && inf_m))) {
            r = fp_default_nan(&c);
            c.flags |= FPSR_IOC;
        }
        if (nan) {
            *cp = c;
            return r;
        }
    }
    if (!host_has_fma()) {
        qemu_log_mask(LOG_UNIMP, "FMADD: no host fused multiply-add, rounded twice\n");
    }
    before = c.flags;
    fp_host_begin(&c);
    r = fp_fma_raw(&c, 0, n, m, acc);
    r = fp_host_end(&c, r);
    r = fp_tiny_fixup(&c, before, r, fp_fma_raw, 0, n, m, acc);
    *cp = c;
    return r;
}

DEF_HELPER_FN(fp_muladd)
{
    FpCtx c = fp_ctx(env_, a0 & 1);
    uint64_t n = a1, acc = a3, r;

    if ((a0 >> 1) & 1) {
        n ^= fp_sign(&c);
    }
    if ((a0 >> 2) & 1) {
        acc ^= fp_sign(&c);
    }
    r = fp_fma(&c, n, a2, acc);
    fp_done(&c);
    return r;
}

#include "helper-fpel.inc.c"

/* Round the finite double v to an integral value: rnd 0 N (ties to even), 1 P, 2 M, 3 Z,
 * 4 A (ties away). |v| < 2^63 so that the truncation below is exact. */
static double round_integral(double v, int rnd)
{
    double fl = (double)(int64_t)v, frac;

    if (fl > v) {
        fl -= 1.0;          /* floor */
    }
    frac = v - fl;          /* exact, in [0, 1) */
    switch (rnd) {
    case 0: return (frac > 0.5 || (frac == 0.5 && is_odd(fl))) ? fl + 1.0 : fl;
    case 1: return frac > 0 ? fl + 1.0 : fl;
    case 2: return fl;
    case 3: return (v < 0 && frac > 0) ? fl + 1.0 : fl;
    default: return (frac > 0.5 || (frac == 0.5 && v > 0)) ? fl + 1.0 : fl;
    }
}

/* FRINT{N,P,M,Z,A,I,X} (FPRoundInt): a0 = dp | rnd << 1 (5: the FPCR mode) | exact << 4,
 * a1 = operand. Only FRINTX reports Inexact; a zero result keeps the operand's sign. */
DEF_HELPER_FN(fp_rint)
{
    FpCtx c = fp_ctx(env_, a0 & 1);
    int rnd = (int)((a0 >> 1) & 7);
    bool exact = (a0 >> 4) & 1;
    uint64_t x = fp_in(&c, a1), r;
    double v, t;

    if (fp_is_nan(&c, x)) {
        r = fp_process_nan(&c, x);
        fp_done(&c);
        return r;
    }
    if (rnd == 5) {
        static const int from_fpcr[4] = { 0, 1, 2, 3 };
        rnd = from_fpcr[c.rmode];
    }
    v = c.dp ? d_of(x) : (double)f_of(x);
    if (!(v > -4503599627370496.0 && v < 4503599627370496.0)) {
        r = x;                                  /* infinite, or integral already (>= 2^52) */
    } else {
        t = round_integral(v, rnd);
        if (t == 0) {
            t = (x & fp_sign(&c)) ? -0.0 : 0.0;
        }
        if (exact && t != v) {
            c.flags |= FPSR_IXC;
        }
        r = c.dp ? of_d(t) : of_f((float)t);
    }
    fp_done(&c);
    return r;
}
