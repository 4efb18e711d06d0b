/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Generic timer: CNTP/CNTV at EL1 raise PPIs 30/27 through the GICv3 redistributor and CPU interface. */
#include "gicv3.h"

/*
 * Runs at EL1 on virt,gic-version=3 (one security state).  Timer rules:
 * Arm ARM D11.2.4 (TVAL = CVAL - count, ISTATUS when count >= CVAL, IMASK),
 * PPIs 30 (EL1 physical) and 27 (EL1 virtual) from the virt board.
 */
#define PPI_PTIMER 30
#define PPI_VTIMER 27
#define CTL_ENABLE  1
#define CTL_IMASK   2
#define CTL_ISTATUS 4

static volatile unsigned irqs;
static volatile u64 last_intid, last_rpr, last_vec, last_el;

static void irq(struct exc_frame *f)
{
    u64 intid = read_sysreg(icc_iar1_el1) & 0xffffff;
    last_rpr = read_sysreg(icc_rpr_el1);
    last_intid = intid;
    last_vec = f->vec;
    last_el = f->el;
    irqs++;
    /* Quiet the source (the timer output is level-sensitive), then EOI. */
    if (intid == PPI_PTIMER) {
        write_sysreg(0, cntp_ctl_el0);
    } else if (intid == PPI_VTIMER) {
        write_sysreg(0, cntv_ctl_el0);
    }
    isb();
    if (intid < 1020) {
        write_sysreg(intid, icc_eoir1_el1);
    }
    isb();
}

static void wait_ticks(u64 n)
{
    u64 start = read_sysreg(cntvct_el0);
    while (read_sysreg(cntvct_el0) - start < n) {
        /* spin */
    }
}

/* Let pending interrupts in for a short while (the GIC may take time to signal). */
static void irq_window(u64 tick)
{
    asm volatile("msr daifclr, #2\n\tisb" ::: "memory");
    wait_ticks(tick);
    asm volatile("msr daifset, #2\n\tisb" ::: "memory");
}

static void physical(u64 tick)
{
    u64 pct, cval, ctl;
    s32 tval;

    /* TVAL writes set CVAL = count + TVAL (sign-extended). */
    /* A TVAL of about one second: ample margin however slowly the host runs us. */
    write_sysreg(0, cntp_ctl_el0);
    pct = read_sysreg(cntpct_el0);
    write_sysreg(10000 * tick, cntp_tval_el0);
    isb();
    cval = read_sysreg(cntp_cval_el0);
    check_true(cval >= pct + 10000 * tick && cval <= read_sysreg(cntpct_el0) + 10000 * tick,
               "CNTP_TVAL write sets CVAL = CNTPCT + TVAL");
    tval = (s32)read_sysreg(cntp_tval_el0);
    check_true(tval > 0 && tval <= (s32)(10000 * tick), "CNTP_TVAL counts down towards 0");

    /*
     * Disabled timer: ISTATUS reads 0 whatever the count.  CVAL goes a
     * little into the past (not 0: the count need not start near 0, and
     * TVAL is only 32 bits).
     */
    write_sysreg(read_sysreg(cntpct_el0) - 1000, cntp_cval_el0);
    isb();
    check_eq(read_sysreg(cntp_ctl_el0) & CTL_ISTATUS, 0, "disabled CNTP: ISTATUS 0");
    /* Enabled and masked, CVAL in the past: ISTATUS 1, no interrupt (IMASK). */
    write_sysreg(CTL_ENABLE | CTL_IMASK, cntp_ctl_el0);
    isb();
    check_eq(read_sysreg(cntp_ctl_el0), CTL_ENABLE | CTL_IMASK | CTL_ISTATUS, "CNTP expired with IMASK: ISTATUS 1");
    check_true((s32)read_sysreg(cntp_tval_el0) < 0, "CNTP_TVAL negative after expiry");
    irq_window(tick);
    check_eq(irqs, 0, "CNTP with IMASK raises no interrupt");
    check_eq(gic_private_pending(PPI_PTIMER), 0, "CNTP with IMASK: PPI 30 not pending");

    /* Unmasked timer with IRQs masked in PSTATE: the PPI becomes pending. */
    write_sysreg(CTL_ENABLE, cntp_ctl_el0);
    isb();
    wait_ticks(tick);
    check_eq(gic_private_pending(PPI_PTIMER), 1, "CNTP fired: PPI 30 pending in GICR_ISPENDR0");
    check_eq(read_sysreg(icc_hppir1_el1), PPI_PTIMER, "ICC_HPPIR1_EL1 shows INTID 30");
    check_eq(irqs, 0, "PSTATE.I masks the interrupt");

    /* Priority mask: PMR 0x80 hides a priority 0x80 interrupt (it must be strictly higher). */
    write_sysreg(0x80, icc_pmr_el1);
    isb();
    irq_window(tick);
    check_eq(irqs, 0, "ICC_PMR_EL1 0x80 masks priority 0x80");
    write_sysreg(0x90, icc_pmr_el1);
    isb();
    irq_window(tick);
    check_eq(irqs, 1, "ICC_PMR_EL1 0x90 lets priority 0x80 through");
    check_eq(last_intid, PPI_PTIMER, "CNTP IRQ: ICC_IAR1_EL1 returned INTID 30");
    check_eq(last_rpr, 0x80, "CNTP IRQ: running priority 0x80 while active");
    check_eq(last_vec, VEC_CUR_SPX | VEC_IRQ, "CNTP IRQ: vector current EL SPx IRQ (0x280)");
    check_eq(last_el, 1, "CNTP IRQ: taken to EL1");
    check_eq(read_sysreg(icc_rpr_el1), 0xff, "after EOI: running priority idle (0xff)");
    check_eq(gic_private_active(PPI_PTIMER), 0, "after EOI: PPI 30 not active");
    write_sysreg(0xff, icc_pmr_el1);
    check_eq(read_sysreg(icc_iar1_el1), INTID_SPURIOUS, "ICC_IAR1_EL1 with nothing pending reads 1023");

    /*
     * WFI with PSTATE.I set: the interrupt is still a wake-up event (D1.6.2);
     * WFI may also complete early, hence the loop.  Taken on unmask.
     */
    write_sysreg(20 * tick, cntp_tval_el0);
    write_sysreg(CTL_ENABLE, cntp_ctl_el0);
    isb();
    do {
        asm volatile("dsb sy\n\twfi" ::: "memory");
        ctl = read_sysreg(cntp_ctl_el0);
    } while (!(ctl & CTL_ISTATUS));
    check_eq(irqs, 1, "masked CNTP IRQ not taken during WFI");
    irq_window(tick);
    check_eq(irqs, 2, "second CNTP IRQ taken");
    check_eq(last_intid, PPI_PTIMER, "second CNTP IRQ: INTID 30");
}

static void virtual(u64 tick)
{
    u64 vct, cval;

    irqs = 0;
    write_sysreg(0, cntv_ctl_el0);
    vct = read_sysreg(cntvct_el0);
    write_sysreg(50 * tick, cntv_tval_el0);
    isb();
    cval = read_sysreg(cntv_cval_el0);
    check_true(cval >= vct + 50 * tick && cval <= read_sysreg(cntvct_el0) + 50 * tick,
               "CNTV_TVAL write sets CVAL = CNTVCT + TVAL");
    write_sysreg(CTL_ENABLE, cntv_ctl_el0);
    isb();
    /* Wait in WFI with interrupts unmasked: the IRQ is taken. */
    asm volatile("msr daifclr, #2" ::: "memory");
    while (!irqs && read_sysreg(cntvct_el0) - vct < 20000 * tick) {
        asm volatile("wfi" ::: "memory");
    }
    asm volatile("msr daifset, #2" ::: "memory");
    check_eq(irqs, 1, "CNTV IRQ taken once");
    check_eq(last_intid, PPI_VTIMER, "CNTV IRQ: ICC_IAR1_EL1 returned INTID 27");
    check_eq(last_vec, VEC_CUR_SPX | VEC_IRQ, "CNTV IRQ: vector 0x280");
    check_true(read_sysreg(cntvct_el0) >= cval, "CNTV IRQ not before CVAL");
    check_eq(gic_private_pending(PPI_VTIMER), 0, "CNTV IRQ: PPI 27 no longer pending");
}

void test_main(void)
{
    u64 frq = read_sysreg(cntfrq_el0), tick = frq / 10000;

    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt,gic-version=3)");
        return;
    }
    check_true(frq != 0, "CNTFRQ_EL0 programmed");
    check_eq((mmio_read32(GICD_BASE + GICD_PIDR2) >> 4) & 0xf, 3, "GICD_PIDR2.ArchRev is GICv3");
    gic_init();
    check_eq(gic_single_security(), 1, "GICD_CTLR.DS: one security state without EL3");
    check_eq(read_sysreg(icc_sre_el1) & 1, 1, "ICC_SRE_EL1.SRE enabled");
    check_eq(mmio_read32(GICR_BASE + GICR_WAKER) & 6, 0, "GICR_WAKER awake");
    gic_config_private(PPI_PTIMER, GIC_G1NS, 0x80, 1);
    gic_config_private(PPI_VTIMER, GIC_G1NS, 0x80, 1);
    check_eq((mmio_read32(GICR_SGI_BASE + GICR_IPRIORITYR + 28) >> 16) & 0xff, 0x80,
             "GICR_IPRIORITYR for INTID 30 reads back 0x80");
    check_eq((mmio_read32(GICR_SGI_BASE + GICR_ISENABLER0) >> PPI_PTIMER) & 1, 1,
             "GICR_ISENABLER0 bit 30 set");
    irq_hook = irq;
    physical(tick ? tick : 1);
    virtual(tick ? tick : 1);
    irq_hook = 0;
}
