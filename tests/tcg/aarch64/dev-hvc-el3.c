/* SPDX-License-Identifier: GPL-2.0-or-later */
/* HVC executed at EL3 is taken to EL3 (Debian's QEMU 7.2 takes it to EL2: expected reference failure). */
#include "testlib.h"

/*
 * Arm ARM C6.2.87 HVC and AArch64.CallHypervisor(): with SCR_EL3.HCE=1,
 * an HVC at EL3 is taken to EL3 (only EL1 and EL2 HVCs go to EL2).
 * With SCR_EL3.HCE=0 it is UNDEFINED at EL3.
 */
void test_main(void)
{
    u64 a;

    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2");
        return;
    }
    exc_expect(0);
    a = AT("hvc #0x123");
    check_true(exc_taken(), "EL3 hvc taken");
    check_eq(exc_last.el, 3, "EL3 hvc: taken to EL3");
    check_eq(exc_last.vec, VEC_CUR_SPX, "EL3 hvc: current EL SPx vector");
    check_eq(exc_last.esr, 0x5a000123, "EL3 hvc: ESR EC 0x16 imm 0x123");
    check_eq(exc_last.elr, a + 4, "EL3 hvc: ELR after the HVC");

    write_sysreg(read_sysreg(scr_el3) & ~(1ULL << 8), scr_el3);
    isb();
    exc_expect(0);
    a = AT("hvc #0x1");
    check_true(exc_taken(), "EL3 hvc with HCE=0 taken");
    check_eq(exc_last.el, 3, "EL3 hvc with HCE=0: UNDEFINED at EL3");
    check_eq(exc_last.esr, 0x02000000, "EL3 hvc with HCE=0: ESR EC 0");
    check_eq(exc_last.elr, a, "EL3 hvc with HCE=0: ELR at the HVC");
    write_sysreg(read_sysreg(scr_el3) | (1ULL << 8), scr_el3);
    isb();
}
