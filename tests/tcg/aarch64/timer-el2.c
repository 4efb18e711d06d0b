/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Generic timer seen from EL2: CNTHP (PPI 26), CNTV with CNTVOFF_EL2 (PPI 27), EL1 CNTP routed to EL2 by HCR_EL2.IMO. */
#include "gicv3.h"

/*
 * Runs on virt,virtualization=on,gic-version=3, entered at EL2 (GIC with
 * one security state).  HCR_EL2.IMO=1 so that physical IRQs are taken at
 * EL2 (Arm ARM D1.3.6).  Timer rules: D11.2.4; CNTVCT = CNTPCT - CNTVOFF_EL2
 * (D11.1.2, E2H = 0); PPIs from the virt board: 26 EL2 physical, 27 EL1
 * virtual, 30 EL1 physical.
 */
#define PPI_HPTIMER 26
#define PPI_VTIMER  27
#define PPI_PTIMER  30
#define HCR_IMO     (1ULL << 4)

static volatile unsigned irqs;
static volatile u64 last_intid, last_vec, last_el;

static void irq(struct exc_frame *f)
{
    u64 intid = read_sysreg(icc_iar1_el1) & 0xffffff;

    last_intid = intid;
    last_vec = f->vec;
    last_el = f->el;
    irqs++;
    if (intid == PPI_HPTIMER) {
        write_sysreg(0, cnthp_ctl_el2);
    } else if (intid == PPI_VTIMER) {
        write_sysreg(0, cntv_ctl_el0);
    } else if (intid == PPI_PTIMER) {
        write_sysreg(0, cntp_ctl_el0);
    }
    isb();
    if (intid < 1020) {
        write_sysreg(intid, icc_eoir1_el1);
    }
    isb();
}

static void wait_irq(void)
{
    u64 start = read_sysreg(cntpct_el0), frq = read_sysreg(cntfrq_el0);

    asm volatile("msr daifclr, #2" ::: "memory");
    while (!irqs && read_sysreg(cntpct_el0) - start < 2 * frq) {
        asm volatile("wfi" ::: "memory");
    }
    asm volatile("msr daifset, #2" ::: "memory");
}

static u64 el1_cntp(u64 ticks)
{
    write_sysreg(ticks, cntp_tval_el0);
    write_sysreg(1, cntp_ctl_el0);
    isb();
    /* Wait (at most 2 s) with PSTATE.I set: an IRQ routed to EL2 is not masked by it. */
    u64 start = read_sysreg(cntpct_el0), frq = read_sysreg(cntfrq_el0);
    while (!irqs && read_sysreg(cntpct_el0) - start < 2 * frq) {
        /* spin */
    }
    return irqs;
}

void test_main(void)
{
    u64 tick = read_sysreg(cntfrq_el0) / 10000, off, v, p1, p2;

    if (start_el != 2) {
        skip("expects to start at EL2 (-M virt,virtualization=on,gic-version=3)");
        return;
    }
    if (!tick) {
        tick = 1;
    }
    gic_init();
    gic_config_private(PPI_HPTIMER, GIC_G1NS, 0x80, 1);
    gic_config_private(PPI_VTIMER, GIC_G1NS, 0x80, 1);
    gic_config_private(PPI_PTIMER, GIC_G1NS, 0x80, 1);
    write_sysreg(read_sysreg(hcr_el2) | HCR_IMO, hcr_el2);
    isb();
    irq_hook = irq;

    /* EL2 physical timer. */
    write_sysreg(10 * tick, cnthp_tval_el2);
    write_sysreg(1, cnthp_ctl_el2);
    isb();
    wait_irq();
    check_eq(irqs, 1, "CNTHP: one IRQ");
    check_eq(last_intid, PPI_HPTIMER, "CNTHP: INTID 26");
    check_eq(last_el, 2, "CNTHP: taken to EL2");
    check_eq(last_vec, VEC_CUR_SPX | VEC_IRQ, "CNTHP: vector 0x280 of EL2");

    /*
     * Virtual timer with an offset: CVAL compares against CNTPCT - CNTVOFF.
     * The offset exceeds the physical count, so the virtual count sits just
     * below 2^64 (2^40 ticks below) and a CVAL near it can only be reached
     * by the virtual count.
     */
    off = read_sysreg(cntpct_el0) / 2 + (1ULL << 40);
    write_sysreg(off, cntvoff_el2);
    isb();
    p1 = read_sysreg(cntpct_el0);
    isb();
    v = read_sysreg(cntvct_el0);
    isb();
    p2 = read_sysreg(cntpct_el0);
    check_true(v + off >= p1 && v + off <= p2, "CNTVCT_EL0 = CNTPCT_EL0 - CNTVOFF_EL2 at EL2 (E2H 0)");
    irqs = 0;
    /* CVAL a minute of virtual time ahead: not met. */
    write_sysreg(v + 60 * read_sysreg(cntfrq_el0), cntv_cval_el0);
    write_sysreg(1, cntv_ctl_el0);
    isb();
    check_eq(read_sysreg(cntv_ctl_el0) & 4, 0, "CNTV: ISTATUS 0 while the virtual count is below CVAL");
    check_eq(gic_private_pending(PPI_VTIMER), 0, "CNTV: no PPI 27 yet");
    v = read_sysreg(cntvct_el0);
    write_sysreg(v + 20 * tick, cntv_cval_el0);
    isb();
    wait_irq();
    check_eq(irqs, 1, "CNTV: one IRQ");
    check_eq(last_intid, PPI_VTIMER, "CNTV: INTID 27");
    check_true(read_sysreg(cntvct_el0) >= v + 20 * tick, "CNTV: fired once the virtual count reached CVAL");
    write_sysreg(0, cntvoff_el2);

    /* EL1 physical timer, EL1 waiting with PSTATE.I set: the IRQ goes to EL2 (IMO). */
    irqs = 0;
    check_eq(call_at_el(1, el1_cntp, 10 * tick), 1, "CNTP from EL1: IRQ taken while EL1 has PSTATE.I set");
    check_eq(last_intid, PPI_PTIMER, "CNTP from EL1: INTID 30");
    check_eq(last_el, 2, "CNTP from EL1: taken to EL2 (HCR_EL2.IMO)");
    check_eq(last_vec, VEC_LOWER_A64 | VEC_IRQ, "CNTP from EL1: vector 0x480 of EL2");

    write_sysreg(read_sysreg(hcr_el2) & ~HCR_IMO, hcr_el2);
    isb();
    irq_hook = 0;
}
