/* SPDX-License-Identifier: GPL-2.0-or-later */
/* EL3 without EL2 (virt,secure=on,gic-version=3): SP_EL1 and ICC_SRE_EL2 at EL3.
 * The ICH_* half is dev-ich-el3-noel2 (Debian's QEMU 7.2 makes those UNDEFINED). */
#include "testlib.h"

/*
 * References:
 * - Arm ARM C5.2, SP_EL1: MRS/MSR SP_EL1 are allowed at EL2 and EL3; the accessibility
 *   pseudocode has no HaveEL(EL2) condition, so EL3 reaches SP_EL1 with EL2 absent. At EL1
 *   the encoding (op1 = 4) is UNDEFINED.
 * - GICv3 specification (IHI 0069), ICC_SRE_EL2 description, "Configuration":
 *   "If EL2 is not implemented, this register is RES0 from EL3". RES0 from EL3: reads give 0
 *   and writes are ignored; below EL3 the EL2 encodings are UNDEFINED (Arm ARM D1.3: MRS of
 *   an op1 = 4 register at EL1).
 */

/* Run one access; return 1 if it was UNDEFINED (EC 0), 2 for any other exception, 0 if not. */
static unsigned undefined_after(u64 addr)
{
    if (!exc_taken()) {
        return 0;
    }
    if (exc_last.elr != addr) {
        return 2;
    }
    return ESR_EC(exc_last.esr) == 0 ? 1 : 2;
}

#define PROBE_READ(reg) ({ u64 a_, v_; exc_expect(0); \
    asm volatile("adr %0, 1f\n1:\tmrs %1, " reg : "=&r"(a_), "=r"(v_) :: "memory"); \
    (void)v_; undefined_after(a_); })

#define SP_EL1_ENC     "S3_4_C4_C1_0"
#define ICC_SRE_EL2    "S3_4_C12_C9_5"

#define RD(reg) ({ u64 v_; asm volatile("mrs %0, " reg : "=r"(v_)); v_; })
#define WR(reg, v) asm volatile("msr " reg ", %0" :: "r"((u64)(v)) : "memory")

static u64 el1_probe(u64 which)
{
    switch (which) {
    case 0:
        return PROBE_READ(SP_EL1_ENC);
    default:
        return PROBE_READ(ICC_SRE_EL2);
    }
}

static void sp_el1(void)
{
    u64 old = RD(SP_EL1_ENC);

    WR(SP_EL1_ENC, 0x40123450ULL);
    check_eq(RD(SP_EL1_ENC), 0x40123450ULL, "EL3: MSR/MRS SP_EL1 with EL2 absent");
    WR(SP_EL1_ENC, 0xfffffffffffffff0ULL);
    check_eq(RD(SP_EL1_ENC), 0xfffffffffffffff0ULL, "EL3: SP_EL1 holds all 64 bits");
    WR(SP_EL1_ENC, old);
    check_eq(call_at_el(1, el1_probe, 0), 1, "EL1: MRS SP_EL1 is UNDEFINED");
}

static void gic_el2_regs(void)
{
    u64 sre3 = read_sysreg(icc_sre_el3);

    /* The machine has a GICv3 with its system register interface (ICC_SRE_EL3.SRE is 1 on
     * both emulators), so the EL2 registers below are present in the GIC sense. */
    check_eq(sre3 & 1, 1, "ICC_SRE_EL3.SRE = 1 (GICv3 system register interface)");
    check_eq(RD(ICC_SRE_EL2), 0, "EL3: ICC_SRE_EL2 reads 0 (RES0 without EL2)");
    WR(ICC_SRE_EL2, 0xfULL);
    check_eq(RD(ICC_SRE_EL2), 0, "EL3: ICC_SRE_EL2 ignores writes");
    check_eq(call_at_el(1, el1_probe, 1), 1, "EL1: MRS ICC_SRE_EL2 is UNDEFINED");
}

/* The EL2 registers' Configuration sections: "If EL2 is not implemented, this register is RES0
 * from EL3". Each is written with all ones at EL3 and must read back 0. */
#define RES0_AT_EL3(reg) do {                                                   \
    WR(reg, ~0ULL);                                                             \
    check_eq(RD(reg), 0, "EL3: " reg " is RES0 without EL2");                   \
} while (0)

static void el2_regs_res0(void)
{
    RES0_AT_EL3("hcr_el2");
    RES0_AT_EL3("vbar_el2");
    RES0_AT_EL3("ttbr0_el2");
    RES0_AT_EL3("tcr_el2");
    RES0_AT_EL3("vttbr_el2");
    RES0_AT_EL3("vtcr_el2");
    RES0_AT_EL3("hpfar_el2");
    RES0_AT_EL3("mair_el2");
    RES0_AT_EL3("elr_el2");
    RES0_AT_EL3("esr_el2");
    RES0_AT_EL3("far_el2");
    RES0_AT_EL3("cptr_el2");
    RES0_AT_EL3("hstr_el2");
    /* except these two: "reads return the value of MIDR_EL1 / MPIDR_EL1, writes ignored" */
    WR("vpidr_el2", 0x12345678ULL);
    check_eq(RD("vpidr_el2"), read_sysreg(midr_el1), "EL3: VPIDR_EL2 reads MIDR_EL1 without EL2");
    WR("vmpidr_el2", 0x12345678ULL);
    check_eq(RD("vmpidr_el2"), read_sysreg(mpidr_el1),
             "EL3: VMPIDR_EL2 reads MPIDR_EL1 without EL2");
    RES0_AT_EL3("cnthctl_el2");
    RES0_AT_EL3("cntvoff_el2");
}

void test_main(void)
{
    check_eq(start_el, 3, "entered at EL3");
    check_eq((read_sysreg(id_aa64pfr0_el1) >> 8) & 0xf, 0, "ID_AA64PFR0_EL1.EL2 = 0 (no EL2)");
    sp_el1();
    gic_el2_regs();
    el2_regs_res0();
}
