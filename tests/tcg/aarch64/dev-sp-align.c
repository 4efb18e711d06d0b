/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SP alignment checking (SCTLR_EL1.SA, EC 0x26); missing in Debian's QEMU 7.2: expected reference failure. */
#include "testlib.h"

/*
 * Arm ARM D1.3.5.2: with SCTLR_EL1.SA=1, a load or store at EL1 that uses
 * SP as base with SP not 16-byte aligned takes an SP alignment fault,
 * EC 0x26.  The test runs on SP_EL0 (SPSel=0) so the handler keeps an
 * aligned SP_EL1.
 */
void test_main(void)
{
    u64 v = 0, old_sp0 = read_sysreg(sp_el0);

    write_sysreg(read_sysreg(sctlr_el1) | (1 << 3), sctlr_el1);
    isb();
    exc_expect(0);
    asm volatile("msr sp_el0, %1\n\t"
                 "msr spsel, #0\n\t"
                 "ldr %0, [sp]\n\t"
                 "msr spsel, #1"
                 : "+r"(v) : "r"(stack_top[0] - 0x108) : "memory");
    check_true(exc_taken(), "ldr [sp] with SP misaligned and SA=1 faults");
    check_eq(exc_last.esr, 0x9a000000, "SP alignment: ESR EC 0x26");
    check_eq(exc_last.vec, VEC_CUR_SP0, "SP alignment: current EL SP0 vector");
    write_sysreg(read_sysreg(sctlr_el1) & ~(1ULL << 3), sctlr_el1);
    write_sysreg(old_sp0, sp_el0);
    isb();
}
