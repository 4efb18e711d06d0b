/* SPDX-License-Identifier: GPL-2.0-or-later */
/* WFE at EL0 traps to EL1 when SCTLR_EL1.nTWE=0; Debian's QEMU 7.2 never traps WFE: expected reference failure. */
#include "testlib.h"

/*
 * Arm ARM C6.2.386 WFE: if the Event Register is clear, WFE at EL0 with
 * SCTLR_EL1.nTWE=0 is trapped to EL1 with EC 0x01, ISS CV=1, COND=0b1110,
 * TI=0b01.  SEVL then a first WFE leaves the Event Register clear.
 */
static u64 el0(u64 x)
{
    u64 a;
    exc_expect(0);
    asm volatile("sevl\n\twfe\n\tadr %0, 1f\n1:\twfe" : "=&r"(a) :: "memory");
    check_true(exc_taken(), "EL0 wfe trapped with nTWE=0");
    check_eq(exc_last.esr, 0x07e00001, "EL0 wfe: ESR EC 0x01 CV COND TI=WFE");
    check_eq(exc_last.elr, a, "EL0 wfe: ELR at the WFE");
    return 0;
}

void test_main(void)
{
    call_at_el(0, el0, 0);
}
