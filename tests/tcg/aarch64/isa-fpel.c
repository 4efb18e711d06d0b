/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Advanced SIMD floating point: FMLA/FMLS/FMUL/FMULX by element (vector and scalar), FMLA/FMLS
 * (vector), FMULX, FRECPS and FRSQRTS (vector and scalar), the estimates FRECPE, FRSQRTE,
 * FRECPX, URECPE and URSQRTE, FCVTN/FCVTL/FCVTXN, the fixed-point conversions, the scalar FABD
 * and compares, the scalar pairwise reductions and FMAXV/FMINV/FMAXNMV/FMINNMV. */
#include "testlib.h"

/*
 * Expected values worked out by hand from the Arm ARM pseudocode (shared/functions/float):
 *  - FPMulAdd: addend + op1 * op2 rounded once (FMLA; FMLS negates the Vn element first, so a
 *    NaN taken from Vn changes sign); an input signalling NaN gives IOC and is quietened, or
 *    with FPCR.DN the default NaN; FPCR.FZ reads a denormal input as zero with IDC.
 *  - FPMulX: FPMul, except infinity times zero is 2.0 with the product's sign, no exception.
 *  - FPRecipStepFused: 2 - op1 * op2, infinity times zero gives +2.0.
 *  - FPRSqrtStepFused: (3 - op1 * op2) / 2, infinity times zero gives +1.5.
 *  - FPRecipEstimate: RecipEstimate(a) = ((2^19 / (2a + 1)) + 1) / 2 on the top 8 fraction
 *    bits with the leading one (a in 256..511), exponent 253 - exp (2045 - exp): 1.0 gives
 *    511 (0.998), 3.0 gives 341; 0 gives infinity with DZC, infinity 0, |x| < 2^-128 overflows
 *    (OFC, IXC: infinity, or the largest normal under RZ), with FZ |x| >= 2^126 gives 0 (UFC).
 *  - FPRSqrtEstimate: RecipSqrtEstimate, the smallest b >= 512 with a * (b + 1)^2 >= 2^28
 *    (a = 2 * 128 + 1 for an odd exponent and zero fraction, (256 + 1) * 2 for an even one),
 *    (b + 1) / 2: 511 and 361; exponent (380 - exp) / 2; negative gives the default NaN (IOC).
 *  - FPRecpX: the exponent inverted, the fraction zeroed; 0 and denormals give 0xfe (0x7fe).
 *  - UnsignedRecipEstimate / UnsignedRSqrtEstimate: the same integer estimates on bits
 *    [31:23], all ones below 2^31 (2^30).
 *  - FPConvert double -> single under FPCR.RMode (FCVTN), or FPRounding_ODD (FCVTXN: toward
 *    zero, the lowest bit set when inexact, overflow to the largest normal); single -> double
 *    is exact (FCVTL). A signalling NaN is quietened (IOC) keeping the top fraction bits.
 *  - FPToFixed (FCVTZS/FCVTZU #fbits): the operand times 2^fbits toward zero, IXC when a
 *    fraction is dropped, saturation with IOC only, NaN gives 0 (IOC); FixedToFP (SCVTF/UCVTF
 *    #fbits): the integer divided by 2^fbits rounded once under FPCR.RMode.
 *  - compares give all ones or zero; FCMEQ signals IOC for signalling NaNs only, FCMGE/FCMGT
 *    and FACGE/FACGT for any NaN (FPCompareGE/GT); FABD is |op1 - op2| (FPAbs of FPSub).
 *  - FPReduce over four lanes is (e0 op e1) op (e2 op e3); FPMaxNum takes the number when one
 *    operand is a quiet NaN, FPMax propagates the NaN (the first one).
 *  - FPRound detects tininess before rounding: an exact value just below 2^-126 that rounds to
 *    2^-126 still gives UFC (with IXC), or with FZ a zero (UFC only).
 *  - scalar forms write one element and zero the rest of Vd; 64-bit (2S) vectors zero the
 *    upper half.
 */
#define IOC 0x01ULL
#define IXC 0x10ULL
#define IDC 0x80ULL
#define FPCR_RP (1ULL << 22)
#define FPCR_FZ (1ULL << 24)
#define FPCR_DN (1ULL << 25)

static u64 vin[3][2] __attribute__((aligned(16)));
static u64 vout[2] __attribute__((aligned(16)));

/* V0, V1, V2 from the three 128-bit values, then insn, then V0 and FPSR compared. */
#define T(insn, d0, d1, n0, n1, m0, m1, e0, e1, eflags) do {                      \
    u64 fl_;                                                                    \
    vin[0][0] = (d0); vin[0][1] = (d1); vin[1][0] = (n0); vin[1][1] = (n1);     \
    vin[2][0] = (m0); vin[2][1] = (m1);                                         \
    write_sysreg(0, fpsr);                                                      \
    asm volatile("ldp q0, q1, [%0]\n\tldr q2, [%0, #32]\n\t" insn "\n\t"        \
                 "str q0, [%1]" :: "r"(vin), "r"(vout) : "v0", "v1", "v2", "memory"); \
    fl_ = read_sysreg(fpsr) & 0x9f;                                             \
    check_eq(vout[0], (u64)(e0), "%s: result bits [63:0]", insn);               \
    check_eq(vout[1], (u64)(e1), "%s: result bits [127:64]", insn);             \
    check_eq(fl_, (u64)(eflags), "%s: FPSR flags", insn);                       \
} while (0)

/* single-precision pairs (lane 1 in the high word) */
#define S2(hi, lo) (((u64)(hi) << 32) | (u64)(lo))
#define S_0_5   0x3f000000ULL
#define S_1     0x3f800000ULL
#define S_1_5   0x3fc00000ULL
#define S_2     0x40000000ULL
#define S_3     0x40400000ULL
#define S_M1    0xbf800000ULL
#define S_M2    0xc0000000ULL
#define S_INF   0x7f800000ULL
#define S_M0    0x80000000ULL
#define S_DNAN  0x7fc00000ULL
#define D_0_5   0x3fe0000000000000ULL
#define D_1     0x3ff0000000000000ULL
#define D_1_5   0x3ff8000000000000ULL
#define D_2     0x4000000000000000ULL
#define D_2_5   0x4004000000000000ULL
#define D_3     0x4008000000000000ULL
#define D_3_5   0x400c000000000000ULL
#define D_4     0x4010000000000000ULL
#define D_M2    0xc000000000000000ULL
#define D_INF   0x7ff0000000000000ULL
#define D_MINF  0xfff0000000000000ULL
#define D_M0    0x8000000000000000ULL

void test_main(void)
{
    write_sysreg(0, fpcr);

    /* by element: 0.5 + {1, 2, 3, -1} * 2 = {2.5, 4.5, 6.5, -1.5} */
    T("fmla v0.4s, v1.4s, v2.s[1]", S2(S_0_5, S_0_5), S2(S_0_5, S_0_5), S2(S_2, S_1),
      S2(S_M1, S_3), S2(S_2, 0x41100000), 0, S2(0x40900000, 0x40200000),
      S2(0xbfc00000, 0x40d00000), 0);
    /* 2S: the upper half is zeroed */
    T("fmla v0.2s, v1.2s, v2.s[2]", S2(S_0_5, S_0_5), ~0ULL, S2(S_2, S_1), 0, 0, S2(0, S_2),
      S2(0x40900000, 0x40200000), 0, 0);
    /* 4.0 - {1, 3} * 0.5 = {3.5, 2.5} */
    T("fmls v0.2d, v1.2d, v2.d[1]", D_4, D_4, D_1, D_3, 0x4022000000000000ULL, D_0_5,
      D_3_5, D_2_5, 0);
    /* scalar: 3 * -2 = -6, the rest of V0 zeroed */
    T("fmul s0, s1, v2.s[3]", ~0ULL, ~0ULL, S_3, 0, 0, S2(S_M2, 0), 0xc0c00000ULL, 0, 0);
    T("fmla d0, d1, v2.d[0]", D_1, ~0ULL, D_3, 0, D_0_5, 0, D_2_5, 0, 0);
    /* FMUL: inf * 0 is the default NaN with IOC; FMULX gives 2.0 with the product's sign */
    T("fmul v0.2s, v1.2s, v2.s[0]", 0, 0, S2(S_M0, S_INF), 0, 0, 0, S2(S_M0, S_DNAN), 0, IOC);
    T("fmulx v0.2s, v1.2s, v2.s[0]", 0, 0, S2(S_M0, S_INF), 0, 0, 0, S2(S_M0, S_2), 0, 0);
    T("fmulx v0.2s, v1.2s, v2.s[1]", 0, 0, S2(S_M0, S_INF), 0, S2(S_M0, 0), 0,
      S2(0, 0xc0000000), 0, 0);
    T("fmulx d0, d1, v2.d[1]", 0, 0, D_MINF, 0, 0, 0, D_M2, 0, 0);
    T("fmulx d0, d1, d2", 0, 0, D_MINF, 0, 0, 0, D_M2, 0, 0);
    T("fmulx v0.2d, v1.2d, v2.2d", 0, 0, D_3, D_INF, D_M2, D_M0, 0xc018000000000000ULL, D_M2,
      0);

    /* vector FMLA/FMLS: one rounding. (1 + 2^-23)^2 - 1 = 2^-22 + 2^-46: a tie in single
     * precision, to even (2^-22) under RN, up under RP; unfused RP would give 1.5 * 2^-22. */
    T("fmla v0.4s, v1.4s, v2.4s", S2(S_M1, S_M1), 0, S2(0x3f800001, 0x3f800001), 0,
      S2(0x3f800001, 0x3f800001), 0, S2(0x34800000, 0x34800000), 0, IXC);
    write_sysreg(FPCR_RP, fpcr);
    T("fmla v0.4s, v1.4s, v2.s[0]", S2(S_M1, S_M1), 0, S2(0x3f800001, 0x3f800001), 0,
      0x3f800001ULL, 0, S2(0x34800001, 0x34800001), 0, IXC);
    write_sysreg(0, fpcr);
    /* FMLS negates the Vn element: a quiet NaN from Vn changes sign, one from Vd does not */
    T("fmls v0.4s, v1.4s, v2.4s", S2(0x7fc00002, S_1), S2(S_1, S_1), S2(S_1, 0x7fc00001),
      S2(S_1, S_1), S2(S_1, S_1), S2(S_1, S_1), S2(0x7fc00002, 0xffc00001), 0, 0);
    /* a signalling NaN is quietened with IOC; DN gives the default NaN */
    T("fmla v0.2d, v1.2d, v2.2d", D_1, D_1, 0x7ff0000000000001ULL, D_1, D_1, D_1,
      0x7ff8000000000001ULL, D_2, IOC);
    write_sysreg(FPCR_DN, fpcr);
    T("fmla v0.2d, v1.2d, v2.2d", D_1, D_1, 0x7ff0000000000001ULL, D_1, D_1, D_1,
      0x7ff8000000000000ULL, D_2, IOC);
    /* FZ: a denormal input reads as zero (IDC) */
    write_sysreg(FPCR_FZ, fpcr);
    T("fmul v0.4s, v1.4s, v2.s[0]", 0, 0, S2(S_1, 0x00000001), 0, S_1, 0, S2(S_1, 0), 0, IDC);
    write_sysreg(0, fpcr);
    T("fmul v0.4s, v1.4s, v2.s[0]", 0, 0, S2(S_1, 0x00000001), 0, S_1, 0, S2(S_1, 1), 0, 0);

    /* FRECPS: 2 - n * m */
    T("frecps v0.4s, v1.4s, v2.4s", 0, 0, S2(S_INF, S_1), S2(0x7fc00001, S_2),
      S2(0, S_1_5), S2(S_1, 0x3e800000), S2(S_2, S_0_5), S2(0xffc00001, S_1_5), 0);
    T("frecps d0, d1, d2", ~0ULL, ~0ULL, D_INF, 0, D_2, 0, D_MINF, 0, 0);
    T("frecps s0, s1, s2", ~0ULL, ~0ULL, S_M0, 0, S_INF, 0, S_2, 0, 0);
    /* FRSQRTS: (3 - n * m) / 2 */
    T("frsqrts v0.2d, v1.2d, v2.2d", 0, 0, D_2, D_INF, D_0_5, D_M0, D_1, D_1_5, 0);
    T("frsqrts s0, s1, s2", ~0ULL, ~0ULL, S_3, 0, S_1, 0, 0, 0, 0);
    T("frsqrts v0.2s, v1.2s, v2.2s", 0, ~0ULL, S2(S_1, S_M1), 0, S2(S_1, S_1), 0,
      S2(S_1, S_2), 0, 0);
    /* (3 - (1 + 2^-23) * 3) / 2 = -1.5 * 2^-23: exact */
    T("frsqrts s0, s1, s2", 0, 0, 0x3f800001ULL, 0, S_3, 0, 0xb4400000ULL, 0, 0);

    /* FRECPE */
    T("frecpe v0.4s, v1.4s", 0, 0, S2(S_2, S_1), S2(S_INF, S_3), 0, 0,
      S2(0x3eff8000, 0x3f7f8000), S2(0, 0x3eaa8000), 0);
    T("frecpe v0.2s, v1.2s", 0, ~0ULL, S2(S_M0, 0x7f800001), 0, 0, 0,
      S2(0xff800000, 0x7fc00001), 0, IOC | 0x02);
    T("frecpe s0, s1", ~0ULL, ~0ULL, 0x7e800000ULL, 0, 0, 0, 0x007fc000ULL, 0, 0);
    T("frecpe s0, s1", ~0ULL, ~0ULL, 0x7f000000ULL, 0, 0, 0, 0x003fe000ULL, 0, 0);
    T("frecpe s0, s1", 0, 0, 0x00000001ULL, 0, 0, 0, S_INF, 0, 0x14);
    T("frecpe d0, d1", 0, 0, D_1, 0, 0, 0, 0x3feff00000000000ULL, 0, 0);
    T("frecpe v0.2d, v1.2d", 0, 0, D_MINF, 0x8000000000000001ULL, 0, 0, D_M0, D_MINF, 0x14);
    write_sysreg(3ULL << 22, fpcr);                              /* RZ */
    T("frecpe s0, s1", 0, 0, 0x80000001ULL, 0, 0, 0, 0xff7fffffULL, 0, 0x14);
    write_sysreg(FPCR_FZ, fpcr);
    T("frecpe v0.4s, v1.4s", 0, 0, S2(0x00000001, 0x7f000000), 0, 0, 0, S2(S_INF, 0),
      S2(S_INF, S_INF),
      0x08 | 0x02 | IDC);
    write_sysreg(0, fpcr);
    /* FRSQRTE */
    T("frsqrte v0.4s, v1.4s", 0, 0, S2(S_2, S_1), S2(0x40800000, S_INF), 0, 0,
      S2(0x3f348000, 0x3f7f8000), S2(0x3eff8000, 0), 0);
    T("frsqrte v0.2s, v1.2s", 0, 0, S2(S_M0, S_M1), 0, 0, 0, S2(0xff800000, S_DNAN), 0,
      IOC | 0x02);
    T("frsqrte d0, d1", ~0ULL, ~0ULL, D_1, 0, 0, 0, 0x3feff00000000000ULL, 0, 0);
    /* 2^-149: normalised to exponent -22 (even), (380 + 22) / 2 = 201, estimate 361 */
    T("frsqrte s0, s1", ~0ULL, ~0ULL, 0x00000001ULL, 0, 0, 0, 0x64b48000ULL, 0, 0);
    /* FRECPX */
    T("frecpx s0, s1", ~0ULL, ~0ULL, S_1, 0, 0, 0, S_2, 0, 0);
    T("frecpx s0, s1", ~0ULL, ~0ULL, 0x80000001ULL, 0, 0, 0, 0xff000000ULL, 0, 0);
    T("frecpx d0, d1", ~0ULL, ~0ULL, D_3, 0, 0, 0, 0x3ff0000000000000ULL, 0, 0);
    T("frecpx d0, d1", ~0ULL, ~0ULL, 0x7ff0000000000001ULL, 0, 0, 0, 0x7ff8000000000001ULL, 0,
      IOC);
    /* URECPE, URSQRTE */
    T("urecpe v0.4s, v1.4s", 0, 0, S2(0x7fffffff, 0x80000000), S2(0, 0xc0000000), 0, 0,
      S2(0xffffffff, 0xff800000), S2(0xffffffff, 0xaa800000), 0);
    T("ursqrte v0.2s, v1.2s", 0, ~0ULL, S2(0x3fffffff, 0x40000000), 0x80000000ULL, 0, 0,
      S2(0xffffffff, 0xff800000), 0, 0);
    T("ursqrte v0.4s, v1.4s", 0, 0, 0x80000000ULL, 0, 0, 0, S2(0xffffffff, 0xb4800000),
      S2(0xffffffff, 0xffffffff), 0);

    /* FCVTN/FCVTN2: 1 + 2^-24 is a tie (to even: 1.0; RP: up); 1e300 overflows */
    T("fcvtn v0.2s, v1.2d", ~0ULL, ~0ULL, D_1_5, D_M2, 0, 0, S2(S_M2, S_1_5), 0, 0);
    T("fcvtn2 v0.4s, v1.2d", 0x1122334455667788ULL, ~0ULL, 0x3ff0000001000000ULL,
      0x7e37e43c8800759cULL, 0, 0, 0x1122334455667788ULL, S2(S_INF, S_1), 0x04 | IXC);
    write_sysreg(FPCR_RP, fpcr);
    T("fcvtn v0.2s, v1.2d", 0, 0, 0x3ff0000001000000ULL, 0, 0, 0, S2(0, 0x3f800001), 0, IXC);
    write_sysreg(0, fpcr);
    /* FCVTXN/FCVTXN2: round to odd */
    T("fcvtxn v0.2s, v1.2d", ~0ULL, ~0ULL, 0x3ff0000001000000ULL, 0x3ff0000002000000ULL, 0, 0,
      S2(0x3f800001, 0x3f800001), 0, IXC);
    T("fcvtxn2 v0.4s, v1.2d", 5, ~0ULL, 0xbff0000000800000ULL, 0x7e37e43c8800759cULL, 0, 0,
      5, S2(0x7f7fffff, 0xbf800001), 0x04 | IXC);
    T("fcvtxn s0, d1", ~0ULL, ~0ULL, 0x7ff0000000000001ULL, 0, 0, 0, 0x7fc00000ULL, 0, IOC);
    T("fcvtxn s0, d1", ~0ULL, ~0ULL, D_M2, 0, 0, 0, S_M2, 0, 0);
    /* FCVTL/FCVTL2 */
    T("fcvtl v0.2d, v1.2s", 0, 0, S2(S_M2, S_1_5), S2(0x7f800001, S_INF), 0, 0, D_1_5, D_M2,
      0);
    T("fcvtl2 v0.2d, v1.4s", 0, 0, S2(S_M2, S_1_5), S2(0x7f800001, S_INF), 0, 0, D_INF,
      0x7ff8000020000000ULL, IOC);
    T("fcvtl v0.2d, v1.2s", 0, 0, S2(0, 1), 0, 0, 0, 0x36a0000000000000ULL, 0, 0);
    write_sysreg(FPCR_FZ, fpcr);
    T("fcvtl v0.2d, v1.2s", 0, 0, S2(0, 1), 0, 0, 0, 0, 0, IDC);
    write_sysreg(0, fpcr);

    /* fixed point, vector and scalar */
    T("fcvtzs v0.4s, v1.4s, #3", 0, 0, S2(0xc0300000, 0x40200000), S2(S_DNAN, S_1), 0, 0,
      S2(0xffffffea, 20), S2(0, 8), IOC);
    T("fcvtzu v0.2d, v1.2d, #64", 0, 0, D_0_5, 0xbfe0000000000000ULL, 0, 0,
      0x8000000000000000ULL, 0, IOC);
    T("fcvtzs s0, s1, #16", ~0ULL, ~0ULL, S_1_5, 0, 0, 0, 0x18000, 0, 0);
    T("fcvtzs d0, d1, #1", ~0ULL, ~0ULL, 0xc006000000000000ULL, 0, 0, 0, 0xfffffffffffffffbULL,
      0, IXC);
    T("fcvtzu v0.2s, v1.2s, #32", 0, ~0ULL, S2(S_0_5, S_1), 0, 0, 0, S2(0x80000000, 0xffffffff),
      0, IOC);
    T("scvtf v0.4s, v1.4s, #4", 0, 0, S2(16, (u32)-40), S2(0x7fffffff, 1), 0, 0,
      S2(S_1, 0xc0200000), S2(0x4d000000, 0x3d800000), IXC);
    T("ucvtf v0.2s, v1.2s, #32", 0, ~0ULL, S2(0xffffffff, 0x80000000), 0, 0, 0,
      S2(S_1, S_0_5), 0, IXC);
    T("ucvtf d0, d1, #64", ~0ULL, ~0ULL, 1, 0, 0, 0, 0x3bf0000000000000ULL, 0, 0);
    T("scvtf v0.2d, v1.2d, #2", 0, 0, (u64)-3, 5, 0, 0, 0xbfe8000000000000ULL,
      0x3ff4000000000000ULL, 0);
    T("scvtf s0, s1, #1", ~0ULL, ~0ULL, 16777217, 0, 0, 0, 0x4b000000ULL, 0, IXC);
    write_sysreg(FPCR_RP, fpcr);
    T("scvtf s0, s1, #1", ~0ULL, ~0ULL, 16777217, 0, 0, 0, 0x4b000001ULL, 0, IXC);
    write_sysreg(0, fpcr);

    /* scalar FABD and compares */
    T("fabd s0, s1, s2", ~0ULL, ~0ULL, S_1, 0, S_3, 0, S_2, 0, 0);
    T("fabd d0, d1, d2", 0, 0, D_MINF, 0, D_MINF, 0, 0x7ff8000000000000ULL, 0, IOC);
    T("fcmeq s0, s1, s2", ~0ULL, ~0ULL, S_1, 0, S_1, 0, 0xffffffffULL, 0, 0);
    T("fcmeq s0, s1, s2", 0, 0, 0x7fc00001ULL, 0, S_1, 0, 0, 0, 0);
    T("fcmge d0, d1, d2", ~0ULL, ~0ULL, D_1, 0, D_2, 0, 0, 0, 0);
    T("fcmgt s0, s1, s2", ~0ULL, ~0ULL, S_2, 0, 0x7fc00001ULL, 0, 0, 0, IOC);
    T("facgt s0, s1, s2", 0, 0, 0xc0400000ULL, 0, S_2, 0, 0xffffffffULL, 0, 0);
    T("facge d0, d1, d2", 0, 0, D_M2, 0, D_2, 0, ~0ULL, 0, 0);
    T("fcmle s0, s1, #0.0", 0, 0, S_M1, 0, 0, 0, 0xffffffffULL, 0, 0);
    T("fcmlt d0, d1, #0.0", ~0ULL, ~0ULL, D_M0, 0, 0, 0, 0, 0, 0);
    T("fcmge s0, s1, #0.0", 0, 0, S_M0, 0, 0, 0, 0xffffffffULL, 0, 0);
    T("fcmgt d0, d1, #0.0", 0, 0, D_1, 0, 0, 0, ~0ULL, 0, 0);
    write_sysreg(FPCR_FZ, fpcr);
    T("fcmeq d0, d1, #0.0", 0, 0, 1, 0, 0, 0, ~0ULL, 0, IDC);
    write_sysreg(0, fpcr);
    /* scalar pairwise */
    T("faddp s0, v1.2s", ~0ULL, ~0ULL, S2(S_2, S_1), ~0ULL, 0, 0, S_3, 0, 0);
    T("faddp d0, v1.2d", ~0ULL, ~0ULL, D_1_5, D_M2, 0, 0, 0xbfe0000000000000ULL, 0, 0);
    T("fmaxp s0, v1.2s", 0, 0, S2(0x7fc00001, S_1), 0, 0, 0, 0x7fc00001ULL, 0, 0);
    T("fmaxnmp s0, v1.2s", 0, 0, S2(S_1, 0x7fc00001), 0, 0, 0, S_1, 0, 0);
    T("fminp d0, v1.2d", 0, 0, 0, D_M0, 0, 0, D_M0, 0, 0);
    T("fminnmp d0, v1.2d", 0, 0, D_3, D_2, 0, 0, D_2, 0, 0);
    /* across lanes */
    T("fmaxv s0, v1.4s", ~0ULL, ~0ULL, S2(0x40a00000, S_1), S2(S_2, 0xc0400000), 0, 0,
      0x40a00000ULL, 0, 0);
    T("fminv s0, v1.4s", 0, 0, S2(0x40a00000, S_1), S2(S_2, 0xc0400000), 0, 0, 0xc0400000ULL,
      0, 0);
    T("fmaxnmv s0, v1.4s", 0, 0, S2(S_1, 0x7fc00001), S2(0x7fc00002, S_2), 0, 0, S_2, 0, 0);
    T("fmaxv s0, v1.4s", 0, 0, S2(S_1, 0x7fc00001), S2(0x7fc00002, S_2), 0, 0, 0x7fc00001ULL,
      0, 0);
    /* minnm(sNaN, 1) is the quietened NaN (IOC), then minnm(qNaN, -1) = -1 */
    T("fminnmv s0, v1.4s", 0, 0, S2(S_1, 0x7f800001), S2(S_M1, S_2), 0, 0, S_M1, 0, IOC);

    /* tininess before rounding: 2^-126 - 2^-160 (FMLA) and (1 - 2^-24) * 2^-126 (FMUL, a tie
     * between 0x007fffff and 0x00800000, to even) round to 2^-126 */
    T("fmls s0, s1, v2.s[0]", 0x00800000ULL, 0, 0x21800000ULL, 0, 0x0d800000ULL, 0,
      0x00800000ULL, 0, 0x08 | IXC);
    T("fmul v0.2s, v1.2s, v2.s[1]", 0, 0, S2(0x3f7fffff, 0x3f7fffff), 0, S2(0x00800000, 0), 0,
      S2(0x00800000, 0x00800000), 0, 0x08 | IXC);
    write_sysreg(FPCR_FZ, fpcr);
    T("fmls s0, s1, v2.s[0]", 0x00800000ULL, 0, 0x21800000ULL, 0, 0x0d800000ULL, 0, 0, 0,
      0x08);
    T("fmul v0.2s, v1.2s, v2.s[1]", 0, 0, S2(0x3f7fffff, 0xbf7fffff), 0, S2(0x00800000, 0), 0,
      S2(0, 0x80000000), 0, 0x08);
    write_sysreg(0, fpcr);
    /* FCVTN: 2^-126 - 2^-179 rounds to 2^-126, tiny before rounding: UFC; FZ: zero */
    T("fcvtn v0.2s, v1.2d", 0, 0, 0x380fffffffffffffULL, 0, 0, 0, 0x00800000ULL, 0, 0x08 | IXC);
    write_sysreg(FPCR_FZ, fpcr);
    T("fcvtn v0.2s, v1.2d", 0, 0, 0xb80fffffffffffffULL, 0, 0, 0, 0x80000000ULL, 0, 0x08);
    write_sysreg(0, fpcr);
}
