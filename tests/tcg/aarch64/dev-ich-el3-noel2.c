/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reference deviation: ICH_*_EL2 at EL3 when EL2 is not implemented (virt,secure=on,
 * gic-version=3). The GICv3 specification (IHI 0069), "Configuration" of each ICH_*_EL2
 * register: "If EL2 is not implemented, this register is RES0 from EL3", so EL3 reads 0 and
 * its writes are ignored. Debian's QEMU 7.2 only defines the ICH registers when the CPU has
 * EL2, so its run takes an UNDEFINED exception on the first access and must fail. Below EL3
 * the encodings stay UNDEFINED (op1 = 4 at EL1). */
#include "testlib.h"

#define ICH_HCR_EL2    "S3_4_C12_C11_0"
#define ICH_VTR_EL2    "S3_4_C12_C11_1"
#define ICH_VMCR_EL2   "S3_4_C12_C11_7"
#define ICH_LR0_EL2    "S3_4_C12_C12_0"
#define ICH_AP0R0_EL2  "S3_4_C12_C8_0"

#define RD(reg) ({ u64 v_; asm volatile("mrs %0, " reg : "=r"(v_)); v_; })
#define WR(reg, v) asm volatile("msr " reg ", %0" :: "r"((u64)(v)) : "memory")

/* MRS ICH_VTR_EL2 at EL1: 1 if UNDEFINED (EC 0 at that instruction), 2 for another
 * exception, 0 for none. */
static u64 el1_probe(u64 unused)
{
    u64 a, v;

    (void)unused;
    exc_expect(0);
    asm volatile("adr %0, 1f\n1:\tmrs %1, " ICH_VTR_EL2 : "=&r"(a), "=r"(v) :: "memory");
    (void)v;
    if (!exc_taken()) {
        return 0;
    }
    return exc_last.elr == a && ESR_EC(exc_last.esr) == 0 ? 1 : 2;
}

void test_main(void)
{
    check_eq(start_el, 3, "entered at EL3");
    check_eq((read_sysreg(id_aa64pfr0_el1) >> 8) & 0xf, 0, "ID_AA64PFR0_EL1.EL2 = 0 (no EL2)");
    check_eq(RD(ICH_VTR_EL2), 0, "EL3: ICH_VTR_EL2 reads 0 (RES0 without EL2)");
    WR(ICH_HCR_EL2, 1);
    check_eq(RD(ICH_HCR_EL2), 0, "EL3: ICH_HCR_EL2 write of En ignored");
    WR(ICH_VMCR_EL2, 0xff000003ULL);
    check_eq(RD(ICH_VMCR_EL2), 0, "EL3: ICH_VMCR_EL2 ignores writes");
    WR(ICH_LR0_EL2, 0x5000000000000020ULL);
    check_eq(RD(ICH_LR0_EL2), 0, "EL3: ICH_LR0_EL2 ignores writes");
    WR(ICH_AP0R0_EL2, 1);
    check_eq(RD(ICH_AP0R0_EL2), 0, "EL3: ICH_AP0R0_EL2 ignores writes");
    check_eq(call_at_el(1, el1_probe, 0), 1, "EL1: MRS ICH_VTR_EL2 is UNDEFINED");
}
