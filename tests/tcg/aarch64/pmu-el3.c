/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PMUv3 from EL3 down: TF-A's first PMU accesses, MDCR_EL3.SPME/TPM, PMCR_EL0.DP, MDCR_EL2.TPM/TPMCR/HPMN/HPME, filtering by EL and Security state, PMUSERENR_EL0 rules, overflow, INST_RETIRED. */
#include "testlib.h"

/*
 * Runs on virt,secure=on,virtualization=on (entered at EL3).  Arm ARM D13 and
 * the D24.5 register descriptions (accessibility pseudocode), D24.3.17 MDCR_EL2,
 * D24.3.18 MDCR_EL3, and the pseudocode functions CountPMUEvents(),
 * PMUSwIncrement(), GetNumEventCountersAccessible(), CheckForPMUOverflow().
 * Counting is observed with SW_INCR (event 0x00), which every PMUv3 counts
 * exactly, and with the cycle counter (in Secure state and at EL3, where
 * Debian's QEMU 7.2 ignores MDCR_EL2.HPMN: dev-pmu-hpmn).  INST_RETIRED (0x08)
 * is checked only when PMCEID0_EL0 advertises it.  MDCR_EL2.TPMCR is in
 * dev-pmu-tpmcr.  Trapped accesses: EC 0x18 with the ISS of
 * D24.2.40 (Rt = 5); UNDEFINED: EC 0x00.
 */
#define ISS_SYS(op0, op1, crn, crm, op2, read) \
    (((u64)(op0) << 20) | ((u64)(op2) << 17) | ((u64)(op1) << 14) | ((u64)(crn) << 10) | \
     (5 << 5) | ((u64)(crm) << 1) | (read))
#define ESR_SYS(iss)    ((0x18ULL << 26) | ESR_IL | (iss))
#define ESR_UNDEF       (ESR_IL)

#define PMCR_E  (1ULL << 0)
#define PMCR_P  (1ULL << 1)
#define PMCR_C  (1ULL << 2)
#define PMCR_DP (1ULL << 5)
#define PMCR_LC (1ULL << 6)
#define MDCR_TPMCR (1ULL << 5)
#define MDCR_TPM   (1ULL << 6)
#define MDCR_HPME  (1ULL << 7)
#define MDCR3_SPME (1ULL << 17)
#define SCR_NS     (1ULL << 0)
#define F_P   (1ULL << 31)
#define F_U   (1ULL << 30)
#define F_NSK (1ULL << 29)
#define F_NSU (1ULL << 28)
#define F_NSH (1ULL << 27)
#define F_M   (1ULL << 26)
#define CYC   (1ULL << 31)

enum probe {
    P_PMCR_R, P_PMCCNTR_R, P_PMCCNTR_W, P_PMSWINC_W, P_PMSELR_R, P_PMEVCNTR0_R, P_PMEVTYPER0_R,
    P_PMINTENSET_R, P_PMUSERENR_R, P_PMUSERENR_W, P_PMCEID0_R,
};

static const char *const names[] = {
    "mrs pmcr_el0", "mrs pmccntr_el0", "msr pmccntr_el0", "msr pmswinc_el0", "mrs pmselr_el0",
    "mrs pmevcntr0_el0", "mrs pmevtyper0_el0", "mrs pmintenset_el1", "mrs pmuserenr_el0",
    "msr pmuserenr_el0", "mrs pmceid0_el0",
};

static const u64 esrs[] = {
    ESR_SYS(ISS_SYS(3, 3, 9, 12, 0, 1)), ESR_SYS(ISS_SYS(3, 3, 9, 13, 0, 1)),
    ESR_SYS(ISS_SYS(3, 3, 9, 13, 0, 0)), ESR_SYS(ISS_SYS(3, 3, 9, 12, 4, 0)),
    ESR_SYS(ISS_SYS(3, 3, 9, 12, 5, 1)), ESR_SYS(ISS_SYS(3, 3, 14, 8, 0, 1)),
    ESR_SYS(ISS_SYS(3, 3, 14, 12, 0, 1)), ESR_SYS(ISS_SYS(3, 0, 9, 14, 1, 1)),
    ESR_SYS(ISS_SYS(3, 3, 9, 14, 0, 1)), ESR_SYS(ISS_SYS(3, 3, 9, 14, 0, 0)),
    ESR_SYS(ISS_SYS(3, 3, 9, 12, 6, 1)),
};

/* Run one probe instruction; return (EL << 4) | 1 if it took an exception, else 0. The writes
 * write 0: PMSWINC_EL0 = 0 increments nothing, PMCCNTR_EL0 = 0 is harmless here. */
static u64 probe(u64 p)
{
    exc_expect(0);
    switch (p) {
    case P_PMCR_R: asm volatile("mrs x5, pmcr_el0" ::: "x5"); break;
    case P_PMCCNTR_R: asm volatile("mrs x5, pmccntr_el0" ::: "x5"); break;
    case P_PMCCNTR_W: asm volatile("mov x5, xzr\n\tmsr pmccntr_el0, x5" ::: "x5"); break;
    case P_PMSWINC_W: asm volatile("mov x5, xzr\n\tmsr pmswinc_el0, x5" ::: "x5"); break;
    case P_PMSELR_R: asm volatile("mrs x5, pmselr_el0" ::: "x5"); break;
    case P_PMEVCNTR0_R: asm volatile("mrs x5, pmevcntr0_el0" ::: "x5"); break;
    case P_PMEVTYPER0_R: asm volatile("mrs x5, pmevtyper0_el0" ::: "x5"); break;
    case P_PMINTENSET_R: asm volatile("mrs x5, pmintenset_el1" ::: "x5"); break;
    case P_PMUSERENR_R: asm volatile("mrs x5, pmuserenr_el0" ::: "x5"); break;
    case P_PMUSERENR_W: asm volatile("mov x5, xzr\n\tmsr pmuserenr_el0, x5" ::: "x5"); break;
    case P_PMCEID0_R: asm volatile("mrs x5, pmceid0_el0" ::: "x5"); break;
    }
    return exc_taken() ? (exc_last.el << 4) | 1 : 0;
}

/* el_to: 0 allowed, 1-3 trapped there (EC 0x18), 0x10 | el: UNDEFINED taken to el. */
static void expect(const char *what, unsigned el_from, enum probe p, unsigned el_to)
{
    u64 r = call_at_el(el_from, probe, p);
    unsigned to = el_to & 0xf;

    check_eq(r, to ? (to << 4) | 1 : 0, "%s: %s at EL%u %s", what, names[p], el_from,
             !to ? "allowed" : (el_to & 0x10) ? "UNDEFINED" : "trapped");
    if (to) {
        check_eq(exc_last.esr, (el_to & 0x10) ? ESR_UNDEF : esrs[p], "%s: %s at EL%u ESR to EL%u",
                 what, names[p], el_from, to);
    }
}

static unsigned num_counters;

/* ---- helpers run at any EL ---- */
static u64 rd_pmcr(u64 x) { return read_sysreg(pmcr_el0); }
static u64 rd_cnten(u64 x) { return read_sysreg(pmcntenset_el0); }
static u64 wr_cnten_all(u64 x) { write_sysreg(~0ULL, pmcntenset_el0); isb(); return read_sysreg(pmcntenset_el0); }
static u64 swinc(u64 mask) { write_sysreg(mask, pmswinc_el0); isb(); return 0; }
static u64 pmcr_p(u64 x) { write_sysreg(read_sysreg(pmcr_el0) | PMCR_P, pmcr_el0); isb(); return 0; }

/* Counter 0 on SW_INCR with filter bits f: how much one PMSWINC_EL0 write at el adds. */
static u64 swinc_at(unsigned el, u64 f)
{
    u64 before;

    write_sysreg(f | 0x00, pmevtyper0_el0);
    write_sysreg(1, pmcntenset_el0);
    isb();
    before = read_sysreg(pmevcntr0_el0);
    if (el == 3) {
        swinc(1);
    } else {
        call_at_el(el, swinc, 1);
    }
    return read_sysreg(pmevcntr0_el0) - before;
}

static void tfa_style(void)
{
    u64 pmcr = read_sysreg(pmcr_el0), pfr0 = read_sysreg(id_aa64pfr0_el1), c1, c2;

    /* D24.5.8: PMCR_EL0.E resets to 0 (Warm reset); nothing has written it yet. */
    check_eq(pmcr & PMCR_E, 0, "PMCR_EL0.E is 0 out of reset (read at EL3)");
    num_counters = (pmcr >> 11) & 0x1f;
    check_true(num_counters >= 3 && num_counters <= 31, "PMCR_EL0.N = %u event counters (>= 3 for this test)",
               num_counters);
    /* TF-A el3_arch_init: MDCR_EL3 with SPME = 0 (no counting in Secure state / at EL3),
     * MDCR_EL2.HPMN = PMCR_EL0.N, then PMCR_EL0 = DP | LC (and LP): DP exists with EL3. */
    write_sysreg(0, mdcr_el3);
    write_sysreg(num_counters, mdcr_el2);
    write_sysreg(PMCR_DP | PMCR_LC, pmcr_el0);
    isb();
    pmcr = read_sysreg(pmcr_el0);
    check_eq(pmcr & (PMCR_DP | PMCR_E), PMCR_DP, "PMCR_EL0.DP writable at EL3, E stays 0");
    /* LC is RES1 when AArch32 is not implemented (ID_AA64PFR0_EL1.EL0/EL1 = 0b0001). */
    if ((pfr0 & 0xf) == 1 && ((pfr0 >> 4) & 0xf) == 1) {
        write_sysreg(PMCR_DP, pmcr_el0);
        isb();
        check_eq(read_sysreg(pmcr_el0) & PMCR_LC, PMCR_LC, "PMCR_EL0.LC is RES1 without AArch32");
    }
    /* The crash reporter reads PMCCNTR_EL0 at EL3. */
    exc_expect(0);
    c1 = read_sysreg(pmccntr_el0);
    check_true(!exc_taken(), "PMCCNTR_EL0 readable at EL3 (value 0x%llx)", (unsigned long long)c1);

    /* MDCR_EL3.SPME = 0 prohibits counting at EL3; PMCR_EL0.DP = 1 then stops the cycle
     * counter too (CountPMUEvents), DP = 0 does not. */
    write_sysreg(CYC, pmcntenset_el0);
    write_sysreg(PMCR_DP | PMCR_LC | PMCR_E | PMCR_C, pmcr_el0);
    isb();
    c1 = read_sysreg(pmccntr_el0);
    for (volatile int i = 0; i < 2000; i++) {
    }
    c2 = read_sysreg(pmccntr_el0);
    check_eq(c2, c1, "SPME = 0, DP = 1: PMCCNTR_EL0 does not count at EL3");
    write_sysreg(PMCR_LC | PMCR_E, pmcr_el0);
    isb();
    c1 = read_sysreg(pmccntr_el0);
    for (volatile int i = 0; i < 2000; i++) {
    }
    c2 = read_sysreg(pmccntr_el0);
    check_true(c2 > c1, "SPME = 0, DP = 0: PMCCNTR_EL0 counts at EL3");
    write_sysreg(PMCR_DP | PMCR_LC | PMCR_E, pmcr_el0);
    write_sysreg(MDCR3_SPME, mdcr_el3);
    isb();
    c1 = read_sysreg(pmccntr_el0);
    for (volatile int i = 0; i < 2000; i++) {
    }
    c2 = read_sysreg(pmccntr_el0);
    check_true(c2 > c1, "SPME = 1, DP = 1: PMCCNTR_EL0 counts at EL3");

    /* PMCCFILTR_EL0 at EL3: filtered when M != P. */
    write_sysreg(F_P, pmccfiltr_el0);
    isb();
    c1 = read_sysreg(pmccntr_el0);
    for (volatile int i = 0; i < 2000; i++) {
    }
    c2 = read_sysreg(pmccntr_el0);
    check_eq(c2, c1, "PMCCFILTR_EL0 P = 1, M = 0: no cycles counted at EL3");
    write_sysreg(F_P | F_M, pmccfiltr_el0);
    isb();
    c1 = read_sysreg(pmccntr_el0);
    for (volatile int i = 0; i < 2000; i++) {
    }
    c2 = read_sysreg(pmccntr_el0);
    check_true(c2 > c1, "PMCCFILTR_EL0 P = M = 1: cycles counted at EL3");
    write_sysreg(0, pmccfiltr_el0);
    write_sysreg(0, pmcr_el0);
    write_sysreg(~0ULL, pmcntenclr_el0);
    isb();
}

/* Cycles counted while fn runs at Secure EL1 (SCR_EL3.NS = 0), with PMCCFILTR_EL0 = f, M set
 * and P clear so that EL3 itself is filtered out. */
static u64 secure_el1_loop(u64 n)
{
    for (volatile u64 i = 0; i < n; i++) {
    }
    return 0;
}

static u64 secure_cycles(u64 f)
{
    u64 scr = read_sysreg(scr_el3), a, b;

    write_sysreg(scr & ~SCR_NS, scr_el3);
    write_sysreg(f, pmccfiltr_el0);
    write_sysreg(CYC, pmcntenset_el0);
    write_sysreg(PMCR_E | PMCR_DP | PMCR_LC, pmcr_el0);
    isb();
    a = read_sysreg(pmccntr_el0);
    call_at_el(1, secure_el1_loop, 2000);
    b = read_sysreg(pmccntr_el0);
    write_sysreg(0, pmcr_el0);
    write_sysreg(scr, scr_el3);
    isb();
    return b - a;
}

static void filters(void)
{
    u64 scr = read_sysreg(scr_el3);

    /* Non-secure EL1 (P != NSK filters), EL0 (U != NSU), EL2 (NSH = 0 filters). */
    check_eq(swinc_at(1, 0), 1, "NS EL1, P = NSK = 0: counted");
    check_eq(swinc_at(1, F_NSK), 0, "NS EL1, NSK = 1: filtered");
    check_eq(swinc_at(1, F_P | F_NSK), 1, "NS EL1, P = NSK = 1: counted");
    check_eq(swinc_at(1, F_P), 0, "NS EL1, P = 1, NSK = 0: filtered");
    check_eq(swinc_at(2, 0), 0, "NS EL2, NSH = 0: filtered");
    check_eq(swinc_at(2, F_NSH), 1, "NS EL2, NSH = 1: counted");
    write_sysreg(1 | 2, pmuserenr_el0);     /* EN, SW */
    check_eq(swinc_at(0, 0), 1, "NS EL0, U = NSU = 0: counted");
    check_eq(swinc_at(0, F_NSU), 0, "NS EL0, NSU = 1: filtered");
    check_eq(swinc_at(0, F_U), 0, "NS EL0, U = 1, NSU = 0: filtered");
    write_sysreg(0, pmuserenr_el0);

    /* Secure EL1 (SCR_EL3.NS = 0, EEL2 = 0): counting needs MDCR_EL3.SPME = 1 (with
     * PMCR_EL0.DP = 1 the cycle counter obeys it); P filters, NSK does not. */
    write_sysreg(0, mdcr_el3);
    isb();
    check_eq(secure_cycles(F_M), 0, "Secure EL1, SPME = 0, DP = 1: no cycles");
    write_sysreg(MDCR3_SPME, mdcr_el3);
    isb();
    check_true(secure_cycles(F_M) > 0, "Secure EL1, SPME = 1, P = 0: cycles counted");
    check_eq(secure_cycles(F_P), 0, "Secure EL1, P = 1 (and EL3 M != P): no cycles");
    check_true(secure_cycles(F_M | F_NSK) > 0, "Secure EL1: NSK does not filter");
    (void)scr;
    write_sysreg(0, pmccfiltr_el0);
    isb();
}

static void traps(void)
{
    u64 hpmn = num_counters;

    write_sysreg(hpmn, mdcr_el2);
    write_sysreg(0, mdcr_el3);
    write_sysreg(0, pmuserenr_el0);
    isb();
    /* No trap controls set. */
    expect("no traps", 1, P_PMCR_R, 0);
    expect("no traps", 2, P_PMINTENSET_R, 0);
    expect("EN = 0", 0, P_PMCCNTR_R, 1);
    expect("EN = 0", 0, P_PMUSERENR_R, 0);
    expect("EL0", 0, P_PMUSERENR_W, 0x11);
    expect("EL0", 0, P_PMINTENSET_R, 0x11);
    expect("EN = 0", 0, P_PMCEID0_R, 1);

    /* PMUSERENR_EL0.SW: PMSWINC_EL0 only; CR: PMCCNTR_EL0 reads only; ER: event counter reads
     * and PMSELR_EL0, not PMEVTYPER<n>_EL0. */
    write_sysreg(2, pmuserenr_el0);
    expect("SW = 1", 0, P_PMSWINC_W, 0);
    expect("SW = 1", 0, P_PMCR_R, 1);
    write_sysreg(4, pmuserenr_el0);
    expect("CR = 1", 0, P_PMCCNTR_R, 0);
    expect("CR = 1", 0, P_PMCCNTR_W, 1);
    expect("CR = 1", 0, P_PMEVCNTR0_R, 1);
    write_sysreg(8, pmuserenr_el0);
    expect("ER = 1", 0, P_PMEVCNTR0_R, 0);
    expect("ER = 1", 0, P_PMSELR_R, 0);
    expect("ER = 1", 0, P_PMEVTYPER0_R, 1);
    expect("ER = 1", 0, P_PMCCNTR_R, 1);
    write_sysreg(1, pmuserenr_el0);
    expect("EN = 1", 0, P_PMCR_R, 0);
    expect("EN = 1", 0, P_PMCCNTR_W, 0);
    expect("EN = 1", 0, P_PMCEID0_R, 0);
    expect("EN = 1", 0, P_PMINTENSET_R, 0x11);

    /* MDCR_EL2.TPM: EL1 and (permitted) EL0 accesses to EL2; not EL2 itself. */
    write_sysreg(hpmn | MDCR_TPM, mdcr_el2);
    isb();
    expect("MDCR_EL2.TPM", 1, P_PMCCNTR_R, 2);
    expect("MDCR_EL2.TPM", 1, P_PMINTENSET_R, 2);
    expect("MDCR_EL2.TPM", 1, P_PMUSERENR_W, 2);
    expect("MDCR_EL2.TPM", 0, P_PMCR_R, 2);
    expect("MDCR_EL2.TPM", 2, P_PMCR_R, 0);
    write_sysreg(0, pmuserenr_el0);
    expect("MDCR_EL2.TPM, EN = 0", 0, P_PMCCNTR_R, 1);
    write_sysreg(hpmn, mdcr_el2);
    write_sysreg(1, pmuserenr_el0);
    /* MDCR_EL3.TPM: EL2, EL1 and EL0 accesses to EL3, after the EL2 traps; not EL3. */
    write_sysreg(MDCR_TPM, mdcr_el3);
    isb();
    expect("MDCR_EL3.TPM", 2, P_PMCR_R, 3);
    expect("MDCR_EL3.TPM", 1, P_PMCCNTR_R, 3);
    expect("MDCR_EL3.TPM", 1, P_PMINTENSET_R, 3);
    expect("MDCR_EL3.TPM", 0, P_PMSWINC_W, 3);
    expect("MDCR_EL3.TPM", 3, P_PMCR_R, 0);
    write_sysreg(hpmn | MDCR_TPM, mdcr_el2);
    isb();
    expect("MDCR_EL2.TPM before MDCR_EL3.TPM", 1, P_PMCR_R, 2);
    write_sysreg(0, mdcr_el3);
    write_sysreg(hpmn, mdcr_el2);
    write_sysreg(0, pmuserenr_el0);
    isb();
}

/* MDCR_EL2.HPMN = 2: counters 0-1 in the first range (PMCR_EL0.E), the rest in the second
 * (MDCR_EL2.HPME); PMCR_EL0.N reads HPMN at Non-secure EL1 (D24.3.17, D24.5.8). Which counters
 * EL1 may reach is in dev-pmu-hpmn. */
static void hpmn(void)
{
    u64 all = CYC | ((1ULL << num_counters) - 1);

    write_sysreg(~0ULL, pmcntenclr_el0);
    write_sysreg(2, mdcr_el2);
    isb();
    check_eq((call_at_el(1, rd_pmcr, 0) >> 11) & 0x1f, 2, "HPMN = 2: PMCR_EL0.N reads 2 at EL1");
    check_eq((call_at_el(2, rd_pmcr, 0) >> 11) & 0x1f, num_counters,
             "HPMN = 2: PMCR_EL0.N reads N at EL2");
    check_eq(call_at_el(2, wr_cnten_all, 0), all, "at EL2 every counter can be enabled");
    check_eq(call_at_el(2, rd_cnten, 0), all, "PMCNTENSET_EL0 reads them back at EL2");

    /* Counter 0 (first range) and counter 2 (second range) on SW_INCR, counted at EL2 (NSH). */
    write_sysreg(F_NSH, pmevtyper0_el0);
    write_sysreg(F_NSH, pmevtyper2_el0);
    write_sysreg(0, pmevcntr0_el0);
    write_sysreg(0, pmevcntr2_el0);
    write_sysreg(PMCR_E, pmcr_el0);
    isb();
    call_at_el(2, swinc, 5);
    check_eq(read_sysreg(pmevcntr0_el0), 1, "PMCR_EL0.E = 1: counter 0 (first range) counts");
    check_eq(read_sysreg(pmevcntr2_el0), 0, "HPME = 0: counter 2 (second range) does not");
    write_sysreg(0, pmcr_el0);
    write_sysreg(2 | MDCR_HPME, mdcr_el2);
    isb();
    call_at_el(2, swinc, 5);
    check_eq(read_sysreg(pmevcntr0_el0), 1, "PMCR_EL0.E = 0: counter 0 stops");
    check_eq(read_sysreg(pmevcntr2_el0), 1, "HPME = 1: counter 2 counts");
    write_sysreg(0, pmevtyper2_el0);
    isb();
    call_at_el(2, swinc, 4);
    check_eq(read_sysreg(pmevcntr2_el0), 1, "counter 2 with NSH = 0 filtered at EL2");
    /* PMCR_EL0.P at EL2 resets every event counter, whatever their range. */
    write_sysreg(7, pmevcntr0_el0);
    write_sysreg(9, pmevcntr2_el0);
    isb();
    call_at_el(2, pmcr_p, 0);
    check_eq(read_sysreg(pmevcntr0_el0), 0, "PMCR_EL0.P at EL2 resets counter 0");
    check_eq(read_sysreg(pmevcntr2_el0), 0, "PMCR_EL0.P at EL2 resets counter 2");
    write_sysreg(0, pmcr_el0);
    write_sysreg(~0ULL, pmcntenclr_el0);
    write_sysreg(num_counters, mdcr_el2);
    isb();
}

/* 32-bit event counter overflow and the 64-bit cycle counter overflow (PMCR_EL0.LC = 1). */
static void overflow(void)
{
    u64 pfr0 = read_sysreg(id_aa64pfr0_el1);
    unsigned ver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;
    int pmuv3p5 = ver >= 6 && ver != 0xf;

    write_sysreg(MDCR3_SPME, mdcr_el3);
    write_sysreg(~0ULL, pmovsclr_el0);
    write_sysreg(0, pmevtyper0_el0);
    write_sysreg(0xfffffffe, pmevcntr0_el0);
    write_sysreg(1 | CYC, pmcntenset_el0);
    write_sysreg(PMCR_E | PMCR_LC, pmcr_el0);
    isb();
    swinc(1);
    check_eq(read_sysreg(pmovsset_el0) & 1, 0, "0xfffffffe + 1: no overflow yet");
    swinc(1);
    /* With FEAT_PMUv3p5 (PMUVer >= 6) the counter has 64 bits and LP = 0 only moves the overflow
     * point to bit 31; without it bits [63:32] are RES0. */
    check_eq(read_sysreg(pmevcntr0_el0) & (pmuv3p5 ? 0xffffffffULL : ~0ULL), 0,
             "0xffffffff + 1: bits [31:0] wrap to 0");
    check_eq(read_sysreg(pmovsset_el0) & 1, 1, "PMOVSSET_EL0.P0 set on the wrap");
    if ((pfr0 & 0xf) == 1 && ((pfr0 >> 4) & 0xf) == 1) {
        /* LC = 1: the cycle counter overflows from bit 63 only. */
        write_sysreg(0xfffffff0ULL, pmccntr_el0);
        isb();
        for (volatile int i = 0; i < 1000; i++) {
        }
        check_true(read_sysreg(pmccntr_el0) > 0xffffffffULL, "LC = 1: PMCCNTR_EL0 carries into bit 32");
        check_eq(read_sysreg(pmovsset_el0) & CYC, 0, "LC = 1: no overflow at bit 31");
    }
    write_sysreg(~0ULL - 500, pmccntr_el0);
    isb();
    /* Wait for the wrap by reading the counter (an emulator may update the flag lazily, when
     * the counter is accessed). */
    for (volatile int i = 0; i < 1000000 && read_sysreg(pmccntr_el0) > 0xffffffffULL; i++) {
    }
    check_eq(read_sysreg(pmovsset_el0) & CYC, CYC, "PMOVSSET_EL0.C set when PMCCNTR_EL0 wraps");
    check_true(read_sysreg(pmccntr_el0) < 0x100000000ULL, "PMCCNTR_EL0 wrapped to a small value");
    write_sysreg(~0ULL, pmovsclr_el0);
    write_sysreg(~0ULL, pmcntenclr_el0);
    write_sysreg(0, pmcr_el0);
    isb();
}

/* INST_RETIRED, when implemented: exact for straight-line code, filtered by EL. */
static u64 el0_loop(u64 n)
{
    asm volatile("1:\tsubs %0, %0, #1\n\tb.ne 1b" : "+r"(n) :: "cc");
    return 0;
}

static void inst_retired(void)
{
    u64 a, b;

    if (!((read_sysreg(pmceid0_el0) >> 8) & 1)) {
        skip("INST_RETIRED (0x08) not in PMCEID0_EL0");
        return;
    }
    write_sysreg(MDCR3_SPME, mdcr_el3);
    write_sysreg(F_P | F_M | 0x08, pmevtyper1_el0);     /* counted at EL3 (M == P) */
    write_sysreg(0, pmevcntr1_el0);
    write_sysreg(2, pmcntenset_el0);
    write_sysreg(PMCR_E | PMCR_LC, pmcr_el0);
    isb();
    /* Between the two reads: the first MRS itself and 64 NOPs (D13: an event counter read
     * sees the instructions before it; one instruction of slack either way). */
    asm volatile("mrs %0, pmevcntr1_el0\n\t"
                 ".rept 64\n\tnop\n\t.endr\n\t"
                 "mrs %1, pmevcntr1_el0" : "=&r"(a), "=r"(b));
    check_true(b - a >= 64 && b - a <= 66, "INST_RETIRED over 64 NOPs at EL3: %llu",
               (unsigned long long)(b - a));
    /* EL0 only (P = 1 != NSK = 0 filters EL1; EL2/EL3 filtered by NSH = 0, M != P). */
    write_sysreg(F_P | 0x08, pmevtyper1_el0);
    isb();
    a = read_sysreg(pmevcntr1_el0);
    call_at_el(0, el0_loop, 3000);
    b = read_sysreg(pmevcntr1_el0);
    check_true(b - a >= 6000 && b - a <= 6100, "INST_RETIRED at EL0 only: %llu for a 6000-instruction loop",
               (unsigned long long)(b - a));
    /* Everything but Non-secure EL0 (U != NSU filters it). */
    write_sysreg(F_U | F_NSH | 0x08, pmevtyper1_el0);
    isb();
    a = read_sysreg(pmevcntr1_el0);
    call_at_el(0, el0_loop, 3000);
    b = read_sysreg(pmevcntr1_el0);
    check_true(b - a < 1000, "INST_RETIRED with U = 1: the EL0 loop not counted (%llu)",
               (unsigned long long)(b - a));
    write_sysreg(~0ULL, pmcntenclr_el0);
    write_sysreg(0, pmcr_el0);
    isb();
}

void test_main(void)
{
    u64 dfr0 = read_sysreg(id_aa64dfr0_el1);
    unsigned ver = (dfr0 >> 8) & 0xf;

    if (start_el != 3) {
        skip("expects to start at EL3 (-M virt,secure=on,virtualization=on)");
        return;
    }
    if (ver == 0 || ver == 0xf) {
        exc_expect(0);
        asm volatile("mrs x5, pmcr_el0" ::: "x5");
        check_eq(exc_taken() ? exc_last.esr : 0, ESR_UNDEF, "no PMUv3: PMCR_EL0 is UNDEFINED");
        return;
    }
    tfa_style();
    write_sysreg(num_counters, mdcr_el2);      /* the runtime wrote 0: HPMN back to N */
    write_sysreg(PMCR_E | PMCR_LC, pmcr_el0);
    write_sysreg(MDCR3_SPME, mdcr_el3);
    isb();
    filters();
    traps();
    hpmn();
    overflow();
    inst_retired();
}
