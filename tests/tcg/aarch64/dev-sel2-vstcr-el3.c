/* SPDX-License-Identifier: GPL-2.0-or-later */
/* VSTTBR_EL2/VSTCR_EL2 are UNDEFINED at EL3 while SCR_EL3.EEL2 = 0; Debian's QEMU 7.2 allows them: expected reference failure. */
#include "mmu/sel2.h"

/*
 * Arm ARM, VSTTBR_EL2 and VSTCR_EL2, "Accessing ...": at EL3,
 * "if SCR_EL3.EEL2 == '0' then UNDEFINED" for both MRS and MSR.  With EEL2 = 1 they are
 * accessible (the control half, which the reference also passes).
 */
static void expect_undef(const char *what, u64 a)
{
    check_true(exc_taken(), "%s: exception taken", what);
    check_eq(exc_last.el, 3, "%s: taken to EL3", what);
    check_eq(exc_last.esr, ESR_OF(EC_UNKNOWN, 0), "%s: ESR EC 0 (UNDEFINED)", what);
    check_eq(exc_last.elr, a, "%s: ELR at the instruction", what);
}

void test_main(void)
{
    u64 scr = read_sysreg(scr_el3), a;

    if (start_el != 3 || !have_el2 || ((read_sysreg(id_aa64pfr0_el1) >> 36) & 0xf) == 0) {
        skip("needs EL3, EL2 and FEAT_SEL2");
        return;
    }
    write_sysreg(scr | SCR_EEL2, scr_el3);
    isb();
    wr_vstcr((1ULL << 31) | 25);
    isb();
    check_eq(rd_vstcr(), (1ULL << 31) | 25, "EEL2 1: VSTCR_EL2 accessible at EL3");
    write_sysreg(scr & ~SCR_EEL2, scr_el3);
    isb();
    exc_expect(0);
    a = AT("mrs x0, S3_4_C2_C6_2");
    expect_undef("EEL2 0: mrs VSTCR_EL2 at EL3", a);
    exc_expect(0);
    a = AT("msr S3_4_C2_C6_2, xzr");
    expect_undef("EEL2 0: msr VSTCR_EL2 at EL3", a);
    exc_expect(0);
    a = AT("mrs x0, S3_4_C2_C6_0");
    expect_undef("EEL2 0: mrs VSTTBR_EL2 at EL3", a);
    exc_expect(0);
    a = AT("msr S3_4_C2_C6_0, xzr");
    expect_undef("EEL2 0: msr VSTTBR_EL2 at EL3", a);
    write_sysreg(scr, scr_el3);
    isb();
}
