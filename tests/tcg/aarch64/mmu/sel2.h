/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sel2.h: constants shared by the FEAT_SEL2 test files (mmu/sel2.c, mmu/sel2-s2.c). */
#ifndef SEL2_H
#define SEL2_H
#include "mmu-lib.h"

/*
 * -M virt,secure=on,virtualization=on (shared/facts/virt-memory-map.md): 128 MiB of RAM at
 * 1 GiB, seen in both PA spaces; 16 MiB of secure RAM at 0x0e000000, only in the Secure PA
 * space (a Non-secure access there is a synchronous external abort, DFSC 0b010000).
 */
#define RAM         0x40000000ULL
#define RAM_SZ      0x08000000ULL
#define UART        0x09000000ULL
#define SECRAM      0x0e000000ULL
#define SECPOOL     (SECRAM + 0x100000)     /* translation tables that must be Secure-only */
#define SEC_V0      0x5ec0de00ULL           /* at SECRAM */
#define SEC_V1      0x5ec0de01ULL           /* at SECRAM + 0x1000 */
#define SEC_V2      0x5ec0de02ULL           /* at SECRAM + 0x10000 */

/* SCR_EL3 (D24.2.x SCR_EL3): NS bit 0, EEL2 bit 18 */
#define SCR_NS      1ULL
#define SCR_EEL2    (1ULL << 18)
/* HCR_EL2: VM 0, TWI 13, TSC 19, TGE 27 */
#define HCR_VM      1ULL
#define HCR_TWI     (1ULL << 13)
#define HCR_TSC     (1ULL << 19)
#define HCR_TGE     (1ULL << 27)
/* VSTCR_EL2.SW bit 29, SA bit 30; VTCR_EL2.NSW bit 29, NSA bit 30 (FEAT_SEL2) */
#define VSTCR_SW    (1ULL << 29)
#define VSTCR_SA    (1ULL << 30)
#define VTCR_NSW    (1ULL << 29)
#define VTCR_NSA    (1ULL << 30)
#define HPFAR_NS    (1ULL << 63)
/* VSTTBR_EL2 = S3_4_C2_C6_0, VSTCR_EL2 = S3_4_C2_C6_2 (encodings from the register pages) */
#define rd_vsttbr() read_sysreg(S3_4_C2_C6_0)
#define rd_vstcr()  read_sysreg(S3_4_C2_C6_2)
#define wr_vsttbr(v) write_sysreg(v, S3_4_C2_C6_0)
#define wr_vstcr(v) write_sysreg(v, S3_4_C2_C6_2)

#define ESR_OF(ec, iss) (((u64)(ec) << 26) | ESR_IL | (iss))
#define EC_UNKNOWN  0x00
#define EC_WFX      0x01
#define EC_ILLEGAL  0x0e
#define EC_SVC      0x15
#define EC_HVC      0x16
#define EC_SMC      0x17
#define ESR_EA      (1ULL << 9)
#define FSC_SEA     0x10
#define FSC_SEA_WALK(l) (0x14 + (l))
#define SPSR_EL1H_MASKED 0x3c5ULL
#define PAR_PA_NS_F 0x0000fffffffff201ULL   /* PAR_EL1 PA[47:12], NS (9), F (0) */
#define PAR_NS      (1ULL << 9)

/* The Secure stage 2 part (mmu/sel2-s2.c), run from EL3 with SCR_EL3.EEL2 = 1. */
void sel2_stage2(void);

/* Run fn at Secure EL2 (SCR_EL3.NS = 0, EEL2 = 1) or at Non-secure EL2 and restore SCR_EL3. */
static inline u64 at_sel2(u64 (*fn)(u64), u64 arg)
{
    u64 scr = read_sysreg(scr_el3);
    write_sysreg((scr & ~SCR_NS) | SCR_EEL2, scr_el3);
    isb();
    u64 r = call_at_el(2, fn, arg);
    write_sysreg(scr, scr_el3);
    isb();
    return r;
}

#endif
