/* SPDX-License-Identifier: GPL-2.0-or-later */
/* OS Lock: breakpoints off, BRK still taken; Debian QEMU ignores the lock (ref_fails). */
#include "testlib.h"

/*
 * Arm ARM D2, AArch64.GenerateDebugExceptionsFrom: while OSLSR_EL1.OSLK
 * is 1 no debug exception is generated (Breakpoint Instruction exceptions
 * excepted).  OSLAR_EL1 = 1 sets the lock; clearing it enables the
 * breakpoint again.
 */
#define MDSCR_MDE   (1ULL << 15)
#define BCR_EL0     ((0xfULL << 5) | (2ULL << 1) | 1)   /* BAS 0b1111, PMC EL0, E */

extern char bp_fn[], bp_at[];
asm(".text\n"
    ".global bp_fn, bp_at\n"
    "bp_fn:\n\tnop\n"
    "bp_at:\n\tnop\n\tmov x0, #5\n\tret\n");

void test_main(void)
{
    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt)");
        return;
    }
    write_sysreg((u64)bp_at, dbgbvr0_el1);
    write_sysreg(BCR_EL0, dbgbcr0_el1);
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_MDE, mdscr_el1);
    write_sysreg(1, oslar_el1);
    isb();
    check_eq(read_sysreg(oslsr_el1) & 2, 2, "OSLSR_EL1.OSLK set by OSLAR_EL1 = 1");
    exc_expect(0);
    call_at_el(0, (u64 (*)(u64))bp_fn, 0);
    check_true(!exc_taken(), "OS Lock set: EL0 breakpoint not taken");
    exc_expect(0);
    asm volatile("brk #0x42");
    check_true(exc_taken(), "OS Lock set: BRK still taken");
    check_eq(exc_last.esr, 0xf2000042, "BRK: ESR EC 0x3c, comment 0x42");
    write_sysreg(0, oslar_el1);
    isb();
    check_eq(read_sysreg(oslsr_el1) & 2, 0, "OSLSR_EL1.OSLK clear after OSLAR_EL1 = 0");
    exc_expect(0);
    call_at_el(0, (u64 (*)(u64))bp_fn, 0);
    check_true(exc_taken(), "OS Lock clear: EL0 breakpoint taken");
    check_eq(exc_last.elr, (u64)bp_at, "breakpoint: ELR");
    write_sysreg(0, dbgbcr0_el1);
    isb();
}
