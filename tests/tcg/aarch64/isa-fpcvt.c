/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Advanced SIMD conversions and roundings: FCVT{N,P,M,Z,A}{S,U}, SCVTF/UCVTF (scalar SIMD and vector, integer) and FRINT{N,P,M,Z,A,I,X} (vector). */
#include "testlib.h"

/*
 * Built with -mgeneral-regs-only: operands go into v1 (low, high 64 bits) from general
 * registers, the instruction writes v0, and the test reads both halves of v0 and the FPSR
 * cumulative flags (IOC bit 0, IXC bit 4). Expected values are worked out by hand from the
 * Arm ARM pseudocode: FPToFixed (round, then saturate: an out-of-range or NaN operand gives
 * the saturated value or 0 and IOC only; otherwise a discarded fraction gives IXC), FixedToFP
 * (FPRound: ties to even under FPCR.RMode = RN, IXC when inexact) and FPRoundInt (FRINTX
 * alone reports IXC). The scalar SIMD forms convert to an integer as wide as the operand
 * (esize = 32 << sz) and zero the rest of the register (C1.2.5). Debian's busybox uses
 * "fcvtzs d0, d0", "scvtf d1, d1" and "ucvtf d0, d0" in awk and sleep.
 */
#define IOC 0x01ULL
#define IXC 0x10ULL

#define CV(text, ilo, ihi, elo, ehi, eflags) do {                            \
    u64 lo_, hi_, fl_;                                                      \
    write_sysreg(0, fpsr);                                                  \
    asm volatile("fmov d1, %2\n\tmov v1.d[1], %3\n\t"                        \
                 "movi v0.2d, #0xffffffffffffffff\n\t" text "\n\t"          \
                 "fmov %0, d0\n\tmov %1, v0.d[1]"                           \
                 : "=&r"(lo_), "=&r"(hi_)                                   \
                 : "r"((u64)(ilo)), "r"((u64)(ihi)) : "v0", "v1");          \
    fl_ = read_sysreg(fpsr) & 0x9f;                                         \
    check_eq(lo_, elo, "%s: V0[63:0]", text);                               \
    check_eq(hi_, ehi, "%s: V0[127:64]", text);                             \
    check_eq(fl_, eflags, "%s: FPSR cumulative flags", text);               \
} while (0)

#define GARBAGE 0x0123456789abcdefULL

/* doubles */
#define D_2_5   0x4004000000000000ULL
#define D_M2_5  0xc004000000000000ULL
#define D_1_5   0x3ff8000000000000ULL
#define D_M1_5  0xbff8000000000000ULL
#define D_M0_5  0xbfe0000000000000ULL
#define D_M1    0xbff0000000000000ULL
#define D_2     0x4000000000000000ULL
#define D_M2    0xc000000000000000ULL
#define D_M3    0xc008000000000000ULL
#define D_3     0x4008000000000000ULL
#define D_1E20  0x4415af1d78b58c40ULL
#define D_2P63  0x43e0000000000000ULL
#define D_2P64  0x43f0000000000000ULL
#define D_2P53  0x4340000000000000ULL
#define D_QNAN  0x7ff8000000000000ULL
/* singles */
#define S_2_5   0x40200000ULL
#define S_M2_5  0xc0200000ULL
#define S_1_5   0x3fc00000ULL
#define S_M1_5  0xbfc00000ULL
#define S_2P32  0x4f800000ULL
#define S_QNAN  0x7fc00000ULL
#define PAIR(lane1, lane0) (((u64)(lane1) << 32) | (u64)(lane0))

static void scalar_to_int(void)
{
    CV("fcvtzs d0, d1", D_M2_5, GARBAGE, (u64)-2, 0, IXC);
    CV("fcvtns d0, d1", D_2_5, 0, 2, 0, IXC);
    CV("fcvtns d0, d1", D_M1_5, 0, (u64)-2, 0, IXC);
    CV("fcvtas d0, d1", D_M2_5, 0, (u64)-3, 0, IXC);
    CV("fcvtps d0, d1", D_M2_5, 0, (u64)-2, 0, IXC);
    CV("fcvtms d0, d1", D_M2_5, 0, (u64)-3, 0, IXC);
    CV("fcvtnu d0, d1", D_3, 0, 3, 0, 0);
    CV("fcvtpu d0, d1", D_2_5, 0, 3, 0, IXC);
    CV("fcvtmu d0, d1", D_2_5, 0, 2, 0, IXC);
    CV("fcvtau d0, d1", D_2_5, 0, 3, 0, IXC);
    /* rounded first, then saturated: -2.5 -> -2 -> 0 is an overflow (IOC, no IXC) */
    CV("fcvtzu d0, d1", D_M2_5, 0, 0, 0, IOC);
    /* -0.5 rounds toward zero to 0: in range, inexact */
    CV("fcvtzu d0, d1", D_M0_5, 0, 0, 0, IXC);
    CV("fcvtzs d0, d1", D_1E20, 0, 0x7fffffffffffffffULL, 0, IOC);
    CV("fcvtzu d0, d1", D_2P63, 0, 0x8000000000000000ULL, 0, 0);
    CV("fcvtzs d0, d1", D_QNAN, 0, 0, 0, IOC);
    /* single: a 32-bit integer, the rest of V0 zero; the upper bits of D1 are ignored */
    CV("fcvtzs s0, s1", PAIR(0xdeadbeef, S_M2_5), GARBAGE, 0xfffffffeULL, 0, IXC);
    CV("fcvtzu s0, s1", S_2P32, 0, 0xffffffffULL, 0, IOC);
    CV("fcvtzs s0, s1", S_2P32, 0, 0x7fffffffULL, 0, IOC);
    CV("fcvtns s0, s1", S_M1_5, 0, 0xfffffffeULL, 0, IXC);
    /* the same register as source and destination, as busybox does */
    CV("fcvtzs d1, d1\n\tmov v0.16b, v1.16b", D_M2_5, GARBAGE, (u64)-2, 0, IXC);
}

static void scalar_from_int(void)
{
    CV("scvtf d0, d1", (u64)-3, GARBAGE, D_M3, 0, 0);
    /* 2^64 - 3 rounds to 2^64 */
    CV("ucvtf d0, d1", (u64)-3, 0, D_2P64, 0, IXC);
    /* 2^53 + 1: a tie, to the even neighbour 2^53 */
    CV("scvtf d0, d1", 0x0020000000000001ULL, 0, D_2P53, 0, IXC);
    CV("scvtf s0, s1", PAIR(0x12345678, 0xffffffff), 0, 0xbf800000ULL, 0, 0);
    CV("ucvtf s0, s1", PAIR(0x12345678, 0xffffffff), 0, S_2P32, 0, IXC);
    CV("ucvtf d1, d1\n\tmov v0.16b, v1.16b", 2, GARBAGE, D_2, 0, 0);
}

static void vector(void)
{
    /* lanes 2.5, -2.5, 2^32, NaN -> 2, -2, INT32_MAX (IOC), 0 (IOC) */
    CV("fcvtzs v0.4s, v1.4s", PAIR(S_M2_5, S_2_5), PAIR(S_QNAN, S_2P32),
       PAIR(0xfffffffe, 2), PAIR(0, 0x7fffffff), IXC | IOC);
    CV("fcvtzu v0.2d, v1.2d", D_1_5, D_M1, 1, 0, IXC | IOC);
    /* 64-bit vector: the upper half of V0 is zeroed, that of V1 ignored */
    CV("fcvtns v0.2s, v1.2s", PAIR(S_M1_5, S_2_5), GARBAGE, PAIR(0xfffffffe, 2), 0, IXC);
    CV("fcvtms v0.2d, v1.2d", D_M2_5, D_2_5, (u64)-3, 2, IXC);
    CV("fcvtps v0.2d, v1.2d", D_M2_5, D_2_5, (u64)-2, 3, IXC);
    CV("fcvtas v0.4s, v1.4s", PAIR(S_M2_5, S_2_5), PAIR(S_1_5, S_M1_5),
       PAIR(0xfffffffd, 3), PAIR(2, 0xfffffffe), IXC);
    /* -0.5 ties away from zero to -1, out of the unsigned range: 0 and IOC */
    CV("fcvtau v0.2d, v1.2d", D_2_5, D_M0_5, 3, 0, IXC | IOC);
    CV("fcvtnu v0.4s, v1.4s", PAIR(S_M2_5, S_2_5), PAIR(S_2P32, S_1_5),
       PAIR(0, 2), PAIR(0xffffffff, 2), IXC | IOC);
    /* 1, -1, INT32_MAX (-> 2^31), 2^24 + 1 (a tie -> 2^24) */
    CV("scvtf v0.4s, v1.4s", PAIR(0xffffffff, 1), PAIR(0x01000001, 0x7fffffff),
       PAIR(0xbf800000, 0x3f800000), PAIR(0x4b800000, 0x4f000000), IXC);
    CV("ucvtf v0.2d, v1.2d", (u64)-1, 2, D_2P64, D_2, IXC);
    CV("ucvtf v0.2s, v1.2s", PAIR(0xffffffff, 3), GARBAGE, PAIR(S_2P32, 0x40400000), 0, IXC);
}

static void vector_round(void)
{
    CV("frintn v0.2d, v1.2d", D_2_5, D_M1_5, D_2, D_M2, 0);
    CV("frintz v0.2d, v1.2d", D_M2_5, D_2_5, D_M2, D_2, 0);
    CV("frintm v0.2d, v1.2d", D_M2_5, D_2_5, D_M3, D_2, 0);
    CV("frintp v0.2d, v1.2d", D_M2_5, D_2_5, D_M2, D_3, 0);
    /* 2.5, -2.5, 0.5, -0.25 -> 3, -3, 1, -0 */
    CV("frinta v0.4s, v1.4s", PAIR(S_M2_5, S_2_5), PAIR(0xbe800000, 0x3f000000),
       PAIR(0xc0400000, 0x40400000), PAIR(0x80000000, 0x3f800000), 0);
    /* FRINTX: the FPCR mode (RN) and IXC when the value changes */
    CV("frintx v0.2s, v1.2s", PAIR(0x40000000, S_1_5), GARBAGE, PAIR(0x40000000, 0x40000000),
       0, IXC);
    CV("frintx v0.2d, v1.2d", D_2, D_M2, D_2, D_M2, 0);
    /* FRINTI under FPCR.RMode = 0b10 (toward minus infinity) */
    write_sysreg(2ULL << 22, fpcr);
    CV("frinti v0.2d, v1.2d", D_2_5, D_M2_5, D_2, D_M3, 0);
    write_sysreg(0, fpcr);
    /* FCVTNS uses ties-to-even whatever FPCR says; FCVTZS always truncates */
    write_sysreg(1ULL << 22, fpcr);
    CV("fcvtns d0, d1", D_2_5, 0, 2, 0, IXC);
    CV("fcvtzs v0.2d, v1.2d", D_2_5, D_M2_5, 2, (u64)-2, IXC);
    write_sysreg(0, fpcr);
}

void test_main(void)
{
    write_sysreg(0, fpcr);
    scalar_to_int();
    scalar_from_int();
    vector();
    vector_round();
}
