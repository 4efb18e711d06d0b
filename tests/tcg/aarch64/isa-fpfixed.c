/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Conversions between floating point and fixed point, general-register forms: SCVTF, UCVTF, FCVTZS, FCVTZU (scalar, fixed-point). */
#include "testlib.h"

/*
 * Arm ARM C7.2 "FCVTZS (scalar, fixed-point)" and friends: fbits = 64 - scale. Expected values
 * are worked out by hand from the pseudocode in shared/functions/float:
 *  - FPToFixed: the operand times 2^fbits, rounded toward zero; a discarded fraction gives IXC,
 *    an out-of-range result saturates with IOC only, a NaN gives 0 with IOC.
 *  - FixedToFP: the integer divided by 2^fbits, rounded once under FPCR.RMode (IXC when
 *    inexact).
 * Debian's EDK2 (QEMU_EFI.fd) runs "fcvtzu x3, d1, #3" while it dispatches DXE drivers.
 */
#define IOC 0x01ULL
#define IXC 0x10ULL

#define FPCR_RP (1ULL << 22)

/* FP -> fixed: the operand in d1 (s1 for a single), the result in a general register. */
#define TO_FIXED(insn, in, exp, eflags) do {                                  \
    u64 r_, fl_;                                                            \
    write_sysreg(0, fpsr);                                                  \
    asm volatile("fmov d1, %1\n\t" insn "\n\t"                              \
                 : "=&r"(r_) : "r"((u64)(in)) : "v1");                      \
    fl_ = read_sysreg(fpsr) & 0x9f;                                         \
    check_eq(r_, (u64)(exp), "%s (operand 0x%llx): result", insn,           \
             (unsigned long long)(in));                                     \
    check_eq(fl_, (u64)(eflags), "%s (operand 0x%llx): FPSR flags", insn,    \
             (unsigned long long)(in));                                     \
} while (0)

/* fixed -> FP: the integer in a general register (operand %1), the result read back from d0
 * (all 64 bits: a single-precision result zeroes the rest of the register). */
#define FROM_FIXED(insn, in, exp, eflags) do {                                \
    u64 r_, fl_;                                                            \
    write_sysreg(0, fpsr);                                                  \
    asm volatile("movi v0.2d, #0xffffffffffffffff\n\t" insn "\n\t"          \
                 "fmov %0, d0" : "=&r"(r_) : "r"((u64)(in)) : "v0");        \
    fl_ = read_sysreg(fpsr) & 0x9f;                                         \
    check_eq(r_, (u64)(exp), "%s (operand 0x%llx): result", insn,           \
             (unsigned long long)(in));                                     \
    check_eq(fl_, (u64)(eflags), "%s (operand 0x%llx): FPSR flags", insn,    \
             (unsigned long long)(in));                                     \
} while (0)

#define D_2_5       0x4004000000000000ULL   /* 2.5 */
#define D_2_0625    0x4000800000000000ULL   /* 2.0625 */
#define D_M2_75     0xc006000000000000ULL   /* -2.75 */
#define D_0_5       0x3fe0000000000000ULL   /* 0.5 */
#define D_M0_5      0xbfe0000000000000ULL   /* -0.5 */
#define D_M0_0625   0xbfb0000000000000ULL   /* -0.0625 */
#define D_QNAN      0x7ff8000000000000ULL
#define D_2P_M64    0x3bf0000000000000ULL   /* 2^-64 */
#define S_1_5       0x3fc00000ULL
#define S_1         0x3f800000ULL

void test_main(void)
{
    write_sysreg(0, fpcr);

    /* FPToFixed, rounding toward zero */
    TO_FIXED("fcvtzu %0, d1, #3", D_2_5, 20, 0);                      /* 2.5 * 8 = 20 */
    TO_FIXED("fcvtzu %0, d1, #3", D_2_0625, 16, IXC);                 /* 16.5 -> 16 */
    TO_FIXED("fcvtzs %w0, d1, #1", D_M2_75, 0xfffffffbULL, IXC);      /* -5.5 -> -5 */
    TO_FIXED("fcvtzs %w0, s1, #16", S_1_5, 0x18000, 0);               /* 1.5 * 2^16 */
    TO_FIXED("fcvtzu %w0, s1, #32", S_1, 0xffffffffULL, IOC);         /* 2^32: saturates */
    TO_FIXED("fcvtzs %0, d1, #64", D_0_5, 0x7fffffffffffffffULL, IOC); /* 2^63: saturates */
    TO_FIXED("fcvtzu %0, d1, #64", D_0_5, 0x8000000000000000ULL, 0);  /* 2^63 fits */
    TO_FIXED("fcvtzs %0, d1, #64", D_M0_5, 0x8000000000000000ULL, 0); /* -2^63 fits */
    TO_FIXED("fcvtzu %0, d1, #3", D_M0_0625, 0, IXC);                 /* -0.5 -> 0, not IOC */
    TO_FIXED("fcvtzs %0, d1, #10", D_QNAN, 0, IOC);                   /* NaN: 0 */

    /* FixedToFP, rounding per FPCR (to nearest, ties to even, then toward +infinity) */
    FROM_FIXED("scvtf d0, %1, #4", (u64)-40, 0xc004000000000000ULL, 0);   /* -40/16 = -2.5 */
    FROM_FIXED("ucvtf s0, %w1, #16", 0x18000, S_1_5, 0);                  /* 1.5 */
    FROM_FIXED("scvtf d0, %w1, #32", 0x80000000ULL, D_M0_5, 0);           /* INT32_MIN/2^32 */
    FROM_FIXED("ucvtf s0, %1, #64", ~0ULL, S_1, IXC);                     /* (2^64-1)/2^64 */
    FROM_FIXED("ucvtf d0, %1, #64", 1, D_2P_M64, 0);                      /* 2^-64 */
    FROM_FIXED("scvtf s0, %1, #1", 16777217, 0x4b000000ULL, IXC);         /* 2^23 + 0.5: even */
    write_sysreg(FPCR_RP, fpcr);
    FROM_FIXED("scvtf s0, %1, #1", 16777217, 0x4b000001ULL, IXC);         /* RP: 2^23 + 1 */
    FROM_FIXED("scvtf d0, %1, #2", (u64)-3, 0xbfe8000000000000ULL, 0);    /* -0.75 exact */
    write_sysreg(0, fpcr);
}
