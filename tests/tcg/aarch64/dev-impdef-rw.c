/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reference deviation (-cpu cortex-a57): CPUECTLR_EL1, CPUACTLR_EL1, L2ECTLR_EL1 and L2ACTLR_EL1
 * are read/write registers (Cortex-A57 TRM, DDI 0488, 4.3.57-4.3.67: "A 64-bit read/write
 * register" / "A 32-bit register"), so a written value reads back; L2CTLR_EL1[25:24] (number
 * of processors) is read-only. TF-A sets CPUECTLR_EL1.SMPEN (bit 6) this way. Debian's QEMU
 * 7.2 makes them read-as-zero, write-ignored, so its run fails on the first read-back. */
#include "testlib.h"

#define L2CTLR_EL1     "S3_1_C11_C0_2"
#define L2ECTLR_EL1    "S3_1_C11_C0_3"
#define L2ACTLR_EL1    "S3_1_C15_C0_0"
#define CPUACTLR_EL1   "S3_1_C15_C2_0"
#define CPUECTLR_EL1   "S3_1_C15_C2_1"

#define RD(reg) ({ u64 v_; asm volatile("mrs %0, " reg : "=r"(v_)); v_; })
#define WR(reg, v) asm volatile("msr " reg ", %0" :: "r"((u64)(v)) : "memory")

static u64 el1_smpen(u64 unused)
{
    (void)unused;
    return RD(CPUECTLR_EL1) & (1u << 6);
}

void test_main(void)
{
    WR(CPUECTLR_EL1, 1u << 6);
    check_eq(RD(CPUECTLR_EL1), 1u << 6, "CPUECTLR_EL1.SMPEN reads back 1");
    check_eq(call_at_el(1, el1_smpen, 0), 1u << 6, "EL1 sees the same CPUECTLR_EL1 (one copy)");
    WR(CPUACTLR_EL1, 1ull << 49);
    check_eq(RD(CPUACTLR_EL1), 1ull << 49, "CPUACTLR_EL1 bit 49 reads back");
    WR(L2ECTLR_EL1, 7);
    check_eq(RD(L2ECTLR_EL1), 7, "L2ECTLR_EL1 reads back");
    WR(L2ACTLR_EL1, 1u << 3);
    check_eq(RD(L2ACTLR_EL1), 1u << 3, "L2ACTLR_EL1 reads back");
    WR(L2CTLR_EL1, 3u << 24);
    check_eq((RD(L2CTLR_EL1) >> 24) & 3, 0, "L2CTLR_EL1[25:24] read-only (one core)");
}
