/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reference deviation: MDCR_EL2.TPMCR traps EL1 and EL0 accesses to PMCR_EL0 to EL2 (Debian's QEMU 7.2 ignores it). */
#include "testlib.h"

/*
 * Arm ARM D24.3.17 MDCR_EL2.TPMCR (FEAT_PMUv3) and the PMCR_EL0 accessibility
 * pseudocode (D24.5.8): with EL2 enabled, "elsif EL2Enabled() && MDCR_EL2.TPMCR
 * == '1' then AArch64.SystemAccessTrap(EL2, 0x18)" at EL1, and at EL0 once
 * PMUSERENR_EL0.EN permits the access.  Other PMU registers are not affected.
 * Runs on virt,secure=on,virtualization=on (entered at EL3).
 */
#define ESR_PMCR_READ ((0x18ULL << 26) | ESR_IL | (3ULL << 20) | (0ULL << 17) | (3ULL << 14) | \
                       (9ULL << 10) | (5 << 5) | (12 << 1) | 1)
#define MDCR_TPMCR (1ULL << 5)

static u64 read_pmcr(u64 x)
{
    exc_expect(0);
    asm volatile("mrs x5, pmcr_el0" ::: "x5");
    return exc_taken() ? (exc_last.el << 4) | 1 : 0;
}

static u64 read_pmccntr(u64 x)
{
    exc_expect(0);
    asm volatile("mrs x5, pmccntr_el0" ::: "x5");
    return exc_taken() ? (exc_last.el << 4) | 1 : 0;
}

void test_main(void)
{
    unsigned ver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf, n;

    if (start_el != 3) {
        skip("expects to start at EL3 (-M virt,secure=on,virtualization=on)");
        return;
    }
    if (ver == 0 || ver == 0xf) {
        skip("no PMUv3");
        return;
    }
    n = (read_sysreg(pmcr_el0) >> 11) & 0x1f;
    write_sysreg(n | MDCR_TPMCR, mdcr_el2);     /* HPMN = N (the runtime wrote 0) */
    write_sysreg(1, pmuserenr_el0);             /* EN: EL0 accesses permitted */
    isb();
    check_eq(call_at_el(1, read_pmcr, 0), 0x21, "TPMCR = 1: PMCR_EL0 read at EL1 traps to EL2");
    check_eq(exc_last.esr, ESR_PMCR_READ, "TPMCR = 1: ESR_EL2 (EC 0x18, PMCR_EL0 read, Rt 5)");
    check_eq(call_at_el(0, read_pmcr, 0), 0x21, "TPMCR = 1: PMCR_EL0 read at EL0 (EN = 1) traps to EL2");
    check_eq(call_at_el(1, read_pmccntr, 0), 0, "TPMCR = 1: PMCCNTR_EL0 at EL1 not trapped");
    check_eq(call_at_el(2, read_pmcr, 0), 0, "TPMCR = 1: PMCR_EL0 at EL2 not trapped");
    write_sysreg(n, mdcr_el2);
    isb();
    check_eq(call_at_el(1, read_pmcr, 0), 0, "TPMCR = 0: PMCR_EL0 at EL1 not trapped");
    write_sysreg(0, pmuserenr_el0);
}
