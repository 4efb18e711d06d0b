/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reference deviation: the MDCR_EL2.HPMN partition as the pseudocode defines it: in force where EL2 is disabled, and limiting what EL1 reaches (Debian's QEMU 7.2 does neither). */
#include "testlib.h"

/*
 * Arm ARM J1.3 GetPMUCounterRange() / EffectiveHPMN(): with EL2 implemented,
 * counters below MDCR_EL2.HPMN are in the first range, enabled by PMCR_EL0.E,
 * whatever the current Security state (D24.3.17 HPME: the second range "applies
 * even when EL2 is disabled in the current Security state").  QEMU 7.2 uses an
 * effective MDCR_EL2 of 0 at Secure EL1 without Secure EL2, so counter 0 stops there.
 * GetPMUAccessMask() / GetNumEventCountersAccessible(): at Non-secure EL1 only
 * counters below HPMN are accessible: PMCNTENSET_EL0 reads and writes are
 * masked (GetPMUReadMask/GetPMUWriteMask), PMSWINC_EL0 ignores the other bits
 * (PMUSwIncrement), PMCR_EL0.P resets only the first range (ZeroPMUCounters).
 * Runs on virt,secure=on,virtualization=on (entered at EL3).
 */
#define PMCR_E  (1ULL << 0)
#define PMCR_P  (1ULL << 1)
#define MDCR_HPME  (1ULL << 7)
#define MDCR3_SPME (1ULL << 17)
#define F_NSH (1ULL << 27)
#define CYC   (1ULL << 31)

static u64 swinc(u64 mask) { write_sysreg(mask, pmswinc_el0); isb(); return 0; }
static u64 cnten_all(u64 x) { write_sysreg(~0ULL, pmcntenset_el0); isb(); return read_sysreg(pmcntenset_el0); }
static u64 pmcr_p(u64 x) { write_sysreg(read_sysreg(pmcr_el0) | PMCR_P, pmcr_el0); isb(); return 0; }

void test_main(void)
{
    unsigned ver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf, n;
    u64 scr = read_sysreg(scr_el3);

    if (start_el != 3) {
        skip("expects to start at EL3 (-M virt,secure=on,virtualization=on)");
        return;
    }
    if (ver == 0 || ver == 0xf || ((read_sysreg(pmcr_el0) >> 11) & 0x1f) < 3) {
        skip("needs PMUv3 with 3 event counters");
        return;
    }
    n = (read_sysreg(pmcr_el0) >> 11) & 0x1f;

    /* First range at EL3 and Secure EL1: SW_INCR on counter 0 with PMCR_EL0.E = 1, HPME = 0. */
    write_sysreg(n, mdcr_el2);
    write_sysreg(MDCR3_SPME, mdcr_el3);
    write_sysreg(0, pmevtyper0_el0);
    write_sysreg(0, pmevcntr0_el0);
    write_sysreg(1, pmcntenset_el0);
    write_sysreg(PMCR_E, pmcr_el0);
    isb();
    swinc(1);
    check_eq(read_sysreg(pmevcntr0_el0), 1, "HPMN = N: counter 0 counts SW_INCR at EL3 under PMCR_EL0.E");
    write_sysreg(scr & ~1ULL, scr_el3);
    isb();
    call_at_el(1, swinc, 1);
    write_sysreg(scr, scr_el3);
    isb();
    check_eq(read_sysreg(pmevcntr0_el0), 2, "HPMN = N: counter 0 counts SW_INCR at Secure EL1 (EEL2 = 0)");

    /* HPMN = 2 at Non-secure EL1: counters 2.. are out of reach. */
    write_sysreg(~0ULL, pmcntenclr_el0);
    write_sysreg(2 | MDCR_HPME, mdcr_el2);
    isb();
    check_eq(call_at_el(1, cnten_all, 0), CYC | 3, "HPMN = 2: PMCNTENSET_EL0 at EL1 sets and shows C and counters 0-1 only");
    check_eq(read_sysreg(pmcntenset_el0), CYC | 3, "HPMN = 2: counters >= 2 stay disabled (read at EL3)");
    write_sysreg(~0ULL, pmcntenset_el0);
    write_sysreg(0, pmevtyper2_el0);             /* SW_INCR, counted at EL1 (P = 0) */
    write_sysreg(5, pmevcntr2_el0);
    write_sysreg(7, pmevcntr0_el0);
    isb();
    call_at_el(1, swinc, 4);
    check_eq(read_sysreg(pmevcntr2_el0), 5, "HPMN = 2: PMSWINC_EL0 bit 2 at EL1 is ignored");
    call_at_el(1, pmcr_p, 0);
    check_eq(read_sysreg(pmevcntr0_el0), 0, "HPMN = 2: PMCR_EL0.P at EL1 resets counter 0");
    check_eq(read_sysreg(pmevcntr2_el0), 5, "HPMN = 2: PMCR_EL0.P at EL1 leaves counter 2");
    write_sysreg(~0ULL, pmcntenclr_el0);
    write_sysreg(0, pmcr_el0);
    write_sysreg(n, mdcr_el2);
    write_sysreg(0, mdcr_el3);
    isb();
}
