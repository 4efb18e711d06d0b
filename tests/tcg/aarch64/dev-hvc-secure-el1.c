/* SPDX-License-Identifier: GPL-2.0-or-later */
/* HVC at Secure EL1 without Secure EL2 is UNDEFINED; Debian's QEMU 7.2 takes it to EL2: expected reference failure. */
#include "testlib.h"

/*
 * Arm ARM C6.2.87 HVC: UNDEFINED at EL1 when EL2 is not enabled in the
 * current Security state (EL2Enabled() is false at Secure EL1 when
 * SCR_EL3.NS = 0 and Secure EL2 is not enabled), whatever SCR_EL3.HCE.
 * The test runs a function at Secure EL1 (SCR_EL3.NS = 0).
 */
static u64 secure_el1(u64 x)
{
    u64 a;

    exc_expect(0);
    a = AT("hvc #0x21");
    check_true(exc_taken(), "Secure EL1 hvc: exception taken");
    check_eq(exc_last.el, 1, "Secure EL1 hvc: UNDEFINED, taken to EL1");
    check_eq(exc_last.esr, 0x02000000, "Secure EL1 hvc: ESR EC 0");
    check_eq(exc_last.elr, a, "Secure EL1 hvc: ELR at the HVC");
    return 0;
}

void test_main(void)
{
    u64 scr = read_sysreg(scr_el3);

    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2");
        return;
    }
    write_sysreg(scr & ~1ULL, scr_el3);     /* NS = 0: EL1 is Secure; SCR_EL3.EEL2 stays 0 */
    isb();
    call_at_el(1, secure_el1, 0);
    write_sysreg(scr, scr_el3);
    isb();
}
