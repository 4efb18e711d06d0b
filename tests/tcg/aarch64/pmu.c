/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PMUv3: cycle counter enable/reset, SW_INCR event counts exactly, overflow flag and PPI 23 (SW_INCR, cycle counter and INST_RETIRED overflows), PMSELR aliases, RAZ/WI bits, EL0 access control. */
#include "gicv3.h"

/*
 * Runs at EL1 on -M virt,gic-version=3.  Arm ARM D13 (PMUv3): PMCR_EL0
 * (E bit 0, P bit 1 resets event counters, C bit 2 resets the cycle
 * counter, N [15:11]), PMCNTENSET/CLR_EL0, PMEVTYPER<n>_EL0 event 0x00
 * SW_INCR incremented by writes to PMSWINC_EL0, PMOVSSET/CLR_EL0 overflow
 * flags, PMINTENSET_EL1, PMUSERENR_EL0.EN for EL0 access (else EC 0x18
 * trap to EL1).  The PMU interrupt is PPI 23 on the virt board.
 */
#define PPI_PMU 23

static volatile unsigned irqs;
static volatile u64 irq_id, irq_ovs, irq_cnt1;

static void irq(struct exc_frame *f)
{
    irq_id = read_sysreg(icc_iar1_el1) & 0xffffff;
    irq_ovs = read_sysreg(pmovsset_el0);
    irq_cnt1 = read_sysreg(pmevcntr1_el0);
    write_sysreg(irq_ovs, pmovsclr_el0);       /* quiet the level-sensitive PMU interrupt */
    isb();
    if (irq_id < 1020) {
        write_sysreg(irq_id, icc_eoir1_el1);
    }
    isb();
    irqs++;
}

static u64 el0_read_ccnt(u64 x)
{
    u64 v;
    exc_expect(0);
    asm volatile("mrs x5, pmccntr_el0\n\tmov %0, x5" : "=r"(v) :: "x5");
    return exc_taken() ? exc_last.esr : 0;
}

/* Let interrupts in until one arrives or a second of the generic counter has passed. */
static void wait_irq(void)
{
    u64 end = read_sysreg(cntpct_el0) + read_sysreg(cntfrq_el0);

    asm volatile("msr daifclr, #2\n\tisb" ::: "memory");
    while (!irqs && read_sysreg(cntpct_el0) < end) {
        for (volatile int i = 0; i < 100; i++) {
        }
    }
    asm volatile("msr daifset, #2\n\tisb" ::: "memory");
}

static void sw_incr(int n)
{
    for (int i = 0; i < n; i++) {
        write_sysreg(1, pmswinc_el0);
    }
    isb();
}

void test_main(void)
{
    u64 dfr0 = read_sysreg(id_aa64dfr0_el1), pmcr, c1, c2, c3;
    unsigned ver = (dfr0 >> 8) & 0xf;

    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt,gic-version=3)");
        return;
    }
    if (ver == 0 || ver == 0xf) {
        /* FEAT_PMUv3 is optional: without it, the PMU registers are UNDEFINED. */
        exc_expect(0);
        asm volatile("mrs x5, pmcr_el0" ::: "x5");
        check_eq(exc_taken() ? exc_last.esr : 0, 0x02000000, "no PMUv3: PMCR_EL0 is UNDEFINED");
        return;
    }
    check_true(1, "ID_AA64DFR0_EL1.PMUVer: PMUv3 implemented (%u)", ver);
    pmcr = read_sysreg(pmcr_el0);
    check_true(((pmcr >> 11) & 0x1f) >= 2, "PMCR_EL0.N: at least two event counters");
    check_eq(pmcr & 1, 0, "PMCR_EL0.E is 0 out of reset");

    /* Cycle counter: counts when enabled, frozen when disabled, reset by PMCR.C. */
    write_sysreg(pmcr | 1 | 4, pmcr_el0);       /* E, C */
    write_sysreg(1ULL << 31, pmcntenset_el0);
    isb();
    c1 = read_sysreg(pmccntr_el0);
    for (volatile int i = 0; i < 1000; i++) {
        /* work */
    }
    c2 = read_sysreg(pmccntr_el0);
    check_true(c2 > c1, "PMCCNTR_EL0 counts while enabled");
    write_sysreg(1ULL << 31, pmcntenclr_el0);
    isb();
    c2 = read_sysreg(pmccntr_el0);
    for (volatile int i = 0; i < 1000; i++) {
        /* work */
    }
    c3 = read_sysreg(pmccntr_el0);
    check_eq(c3, c2, "PMCCNTR_EL0 frozen when disabled in PMCNTENCLR");
    check_eq(read_sysreg(pmcntenset_el0) >> 31, 0, "PMCNTENSET_EL0.C reads 0 after PMCNTENCLR");
    write_sysreg(read_sysreg(pmcr_el0) | 4, pmcr_el0);
    isb();
    check_eq(read_sysreg(pmccntr_el0), 0, "PMCR_EL0.C resets PMCCNTR_EL0 to 0");
    check_eq(read_sysreg(pmcr_el0) & 6, 0, "PMCR_EL0.P and .C read as 0");

    /* Event counter 0 on SW_INCR: exact counts. */
    write_sysreg(0, pmselr_el0);
    write_sysreg(0x00, pmevtyper0_el0);
    write_sysreg(read_sysreg(pmcr_el0) | 2, pmcr_el0);
    isb();
    check_eq(read_sysreg(pmevcntr0_el0), 0, "PMCR_EL0.P resets the event counters");
    sw_incr(3);
    check_eq(read_sysreg(pmevcntr0_el0), 0, "SW_INCR does not count while counter 0 is disabled");
    write_sysreg(1, pmcntenset_el0);
    isb();
    sw_incr(5);
    check_eq(read_sysreg(pmevcntr0_el0), 5, "five PMSWINC_EL0 writes: PMEVCNTR0_EL0 = 5");
    write_sysreg(2, pmswinc_el0);               /* bit 1: counter 1, not ours */
    isb();
    check_eq(read_sysreg(pmevcntr0_el0), 5, "PMSWINC_EL0 bit 1 does not touch counter 0");
    write_sysreg(read_sysreg(pmcr_el0) & ~1ULL, pmcr_el0);
    isb();
    sw_incr(2);
    check_eq(read_sysreg(pmevcntr0_el0), 5, "PMCR_EL0.E = 0 stops all counting");
    write_sysreg(read_sysreg(pmcr_el0) | 1, pmcr_el0);
    isb();

    /* Overflow: 0xffffffff + 1 wraps to 0 and sets PMOVSSET_EL0 bit 0 (32-bit counters). */
    write_sysreg(~0ULL, pmovsclr_el0);
    write_sysreg(0xffffffff, pmevcntr0_el0);
    isb();
    sw_incr(1);
    check_eq(read_sysreg(pmevcntr0_el0) & 0xffffffff, 0, "event counter wraps to 0");
    check_eq(read_sysreg(pmovsset_el0) & 1, 1, "overflow flag set in PMOVSSET_EL0");
    write_sysreg(1, pmovsclr_el0);
    isb();
    check_eq(read_sysreg(pmovsset_el0) & 1, 0, "PMOVSCLR_EL0 clears the flag");

    /* Overflow interrupt: PMINTENSET_EL1 bit 0, PPI 23 through the GIC. */
    gic_init();
    gic_config_private(PPI_PMU, GIC_G1NS, 0x80, 1);
    irq_hook = irq;
    write_sysreg(1, pmintenset_el1);
    write_sysreg(0xffffffff, pmevcntr0_el0);
    isb();
    sw_incr(1);
    asm volatile("msr daifclr, #2\n\tisb" ::: "memory");
    for (volatile int i = 0; i < 2000 && !irqs; i++) {
        /* let the interrupt in */
    }
    asm volatile("msr daifset, #2\n\tisb" ::: "memory");
    check_eq(irqs, 1, "counter overflow raises one PMU interrupt");
    check_eq(irq_id, PPI_PMU, "PMU interrupt is PPI 23");
    check_eq(irq_ovs & 1, 1, "handler sees the overflow flag");
    write_sysreg(1, pmintenclr_el1);

    /* The cycle counter's overflow interrupts too (PMINTENSET_EL1.C); the loop is bounded by the
     * generic counter (one second), the interrupt being asynchronous. */
    irqs = 0;
    write_sysreg(~0ULL, pmovsclr_el0);
    write_sysreg(1ULL << 31, pmintenset_el1);
    write_sysreg(1ULL << 31, pmcntenset_el0);
    write_sysreg(~0ULL - 20000, pmccntr_el0);
    isb();
    wait_irq();
    check_eq(irqs, 1, "cycle counter overflow raises one PMU interrupt");
    check_eq(irq_id, PPI_PMU, "cycle counter overflow: PPI 23");
    check_eq(irq_ovs, 1ULL << 31, "handler sees PMOVSSET_EL0.C only");
    write_sysreg(1ULL << 31, pmintenclr_el1);
    write_sysreg(1ULL << 31, pmcntenclr_el0);

    /* INST_RETIRED (when PMCEID0_EL0 says so) on counter 1: the interrupt comes after the
     * counter wraps, within a bounded number of instructions. */
    if ((read_sysreg(pmceid0_el0) >> 8) & 1) {
        irqs = 0;
        write_sysreg(0x08, pmevtyper1_el0);
        write_sysreg(0xffffffffULL - 5000, pmevcntr1_el0);
        write_sysreg(2, pmintenset_el1);
        write_sysreg(2, pmcntenset_el0);
        isb();
        wait_irq();
        check_eq(irqs, 1, "INST_RETIRED overflow raises one PMU interrupt");
        check_eq(irq_ovs, 2, "handler sees PMOVSSET_EL0.P1");
        check_true(irq_cnt1 < 4096, "interrupt within 4096 instructions of the wrap (%llu)",
                   (unsigned long long)irq_cnt1);
        write_sysreg(2, pmintenclr_el1);
        write_sysreg(2, pmcntenclr_el0);
    } else {
        skip("INST_RETIRED (0x08) not in PMCEID0_EL0");
    }
    irq_hook = 0;

    /* PMCEID0_EL0: SW_INCR (bit 0) and CPU_CYCLES (bit 17) are implemented. */
    check_eq(read_sysreg(pmceid0_el0) & (1 | 1 << 17), 1 | 1 << 17, "PMCEID0_EL0: SW_INCR and CPU_CYCLES");

    /* PMXEVTYPER_EL0/PMXEVCNTR_EL0 reach the counter PMSELR_EL0.SEL names; SEL = 31 makes
     * PMXEVTYPER_EL0 PMCCFILTR_EL0 (D24.5.27, D24.5.28). */
    write_sysreg(1, pmselr_el0);
    write_sysreg(0x11, pmxevtyper_el0);
    write_sysreg(1234, pmxevcntr_el0);
    isb();
    check_eq(read_sysreg(pmselr_el0) & 31, 1, "PMSELR_EL0.SEL reads back");
    check_eq(read_sysreg(pmevtyper1_el0) & 0xffff, 0x11, "PMXEVTYPER_EL0 with SEL = 1 is PMEVTYPER1_EL0");
    check_eq(read_sysreg(pmevcntr1_el0), 1234, "PMXEVCNTR_EL0 with SEL = 1 is PMEVCNTR1_EL0");
    check_eq(read_sysreg(pmxevcntr_el0), 1234, "PMXEVCNTR_EL0 reads it back");
    write_sysreg(31, pmselr_el0);
    write_sysreg(1ULL << 31, pmxevtyper_el0);
    isb();
    check_eq(read_sysreg(pmccfiltr_el0) >> 31, 1, "PMXEVTYPER_EL0 with SEL = 31 is PMCCFILTR_EL0");
    write_sysreg(0, pmccfiltr_el0);

    /* PMCNTENSET/PMINTENSET/PMOVSSET: bits of unimplemented counters are RAZ/WI. */
    {
        unsigned n = (read_sysreg(pmcr_el0) >> 11) & 0x1f;
        u64 impl = (1ULL << 31) | ((1ULL << n) - 1);
        write_sysreg(~0ULL, pmcntenset_el0);
        write_sysreg(~0ULL, pmintenset_el1);
        write_sysreg(read_sysreg(pmcr_el0) & ~1ULL, pmcr_el0);     /* E = 0: no interrupt */
        write_sysreg(~0ULL, pmovsset_el0);
        isb();
        check_eq(read_sysreg(pmcntenset_el0), impl, "PMCNTENSET_EL0: C and counters 0..N-1 only");
        check_eq(read_sysreg(pmintenset_el1), impl, "PMINTENSET_EL1: C and counters 0..N-1 only");
        check_eq(read_sysreg(pmovsset_el0), impl, "PMOVSSET_EL0: C and counters 0..N-1 only");
        write_sysreg(~0ULL, pmcntenclr_el0);
        write_sysreg(~0ULL, pmintenclr_el1);
        write_sysreg(~0ULL, pmovsclr_el0);
        isb();
        check_eq(read_sysreg(pmcntenset_el0) | read_sysreg(pmintenset_el1) | read_sysreg(pmovsset_el0), 0,
                 "the CLR registers clear them");
        write_sysreg(read_sysreg(pmcr_el0) | 1, pmcr_el0);
    }

    /* PMEVCNTR<n>_EL0 with n >= N (here n = 30) is CONSTRAINED UNPREDICTABLE (D24.5.10: UNDEFINED,
     * RAZ/WI, a NOP, or an UNKNOWN implemented counter); without EL2 nothing else is permitted,
     * in particular no trap. */
    if (((read_sysreg(pmcr_el0) >> 11) & 0x1f) < 31) {
        exc_expect(0);
        asm volatile("mrs x5, pmevcntr30_el0" ::: "x5");
        check_eq(exc_taken() ? exc_last.esr : 0x02000000, 0x02000000,
                 "PMEVCNTR30_EL0 (n >= N): UNDEFINED or a completed read, no trap");
    }

    /* EL0 access: trapped with PMUSERENR_EL0.EN = 0, allowed with EN = 1. */
    write_sysreg(0, pmuserenr_el0);
    isb();
    /* EC 0x18: Op0 3, Op2 0, Op1 3, CRn 9, Rt 5, CRm 13, read. */
    check_eq(call_at_el(0, el0_read_ccnt, 0),
             (0x18ULL << 26) | ESR_IL | (3 << 20) | (3 << 14) | (9 << 10) | (5 << 5) | (13 << 1) | 1,
             "EL0 PMCCNTR_EL0 read with PMUSERENR_EL0.EN = 0 traps to EL1");
    write_sysreg(1, pmuserenr_el0);
    isb();
    check_eq(call_at_el(0, el0_read_ccnt, 0), 0, "EL0 PMCCNTR_EL0 read allowed with PMUSERENR_EL0.EN = 1");
    write_sysreg(0, pmuserenr_el0);
    write_sysreg(read_sysreg(pmcr_el0) & ~1ULL, pmcr_el0);
}
