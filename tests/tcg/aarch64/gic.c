/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GICv3 with two security states: SGIs via ICC_SGI1R/SGI0R, priorities, PMR, groups signalled as IRQ/FIQ and routed by SCR_EL3. */
#include "gicv3.h"

/*
 * Runs on virt,secure=on,virtualization=on,gic-version=3, entered at EL3.
 * References: GICv3 architecture specification (IHI 0069) 4.6.2 (interrupt
 * signalling: at NS EL1/EL2 Group 1 NS is IRQ, Group 0 and Group 1 Secure
 * are FIQ; at EL3 all groups are FIQ), 4.8.6 (Non-secure view of
 * priorities: NS accesses see (secure value << 1) for NS-half priorities),
 * 2.2.1 (INTIDs 1020/1021 from ICC_IAR0/HPPIR0 at EL3); Arm ARM D1.3.6
 * (routing by SCR_EL3.IRQ/FIQ, masking by PSTATE only at the target EL).
 */
#define SGI_NS_LOW  1   /* Group 1 Non-secure, priority 0xc0 (NS view 0x80) */
#define SGI_NS_HIGH 2   /* Group 1 Non-secure, priority 0xa0 (NS view 0x40) */
#define SGI_G0      3   /* Group 0, priority 0x20 */
#define SGI_G1S     4   /* Group 1 Secure, priority 0x40 */

#define SCR_IRQ (1ULL << 1)
#define SCR_FIQ (1ULL << 2)

struct rec {
    unsigned el, vec, intid;
    u64 hppir0, rpr;
};
static volatile struct rec recs[8];
static volatile unsigned nrec;

static void hook(struct exc_frame *f)
{
    struct rec r = { .el = f->el, .vec = f->vec, .hppir0 = ~0ULL };
    unsigned kind = f->vec & 0x180;

    if (f->el == 3 && kind == VEC_FIQ) {
        r.hppir0 = read_sysreg(icc_hppir0_el1) & 0xffffff;
        if (r.hppir0 == INTID_SECURE_G1) {
            /* Acknowledge through the Secure copy of ICC_IAR1_EL1 (SCR_EL3.NS = 0). */
            u64 scr = read_sysreg(scr_el3);
            write_sysreg(scr & ~1ULL, scr_el3);
            isb();
            r.intid = read_sysreg(icc_iar1_el1) & 0xffffff;
            r.rpr = read_sysreg(icc_rpr_el1);
            write_sysreg(r.intid, icc_eoir1_el1);
            write_sysreg(scr, scr_el3);
            isb();
        } else if (r.hppir0 == INTID_NONSECURE_G1) {
            r.intid = read_sysreg(icc_iar1_el1) & 0xffffff;
            r.rpr = read_sysreg(icc_rpr_el1);
            write_sysreg(r.intid, icc_eoir1_el1);
        } else {
            r.intid = read_sysreg(icc_iar0_el1) & 0xffffff;
            r.rpr = read_sysreg(icc_rpr_el1);
            write_sysreg(r.intid, icc_eoir0_el1);
        }
    } else {
        r.intid = read_sysreg(icc_iar1_el1) & 0xffffff;
        r.rpr = read_sysreg(icc_rpr_el1);
        if (r.intid < 1020) {
            write_sysreg(r.intid, icc_eoir1_el1);
        }
    }
    isb();
    if (nrec < 8) {
        recs[nrec] = r;
    }
    nrec++;
}

static void window(void)
{
    asm volatile("msr daifclr, #3\n\tisb" ::: "memory");
    for (volatile int i = 0; i < 2000; i++) {
        /* give the GIC time to signal */
    }
    asm volatile("msr daifset, #3\n\tisb" ::: "memory");
}

static void expect_rec(unsigned i, const char *what, unsigned el, unsigned vec, unsigned intid)
{
    check_eq(recs[i].el, el, "%s: taken to EL", what);
    check_eq(recs[i].vec, vec, "%s: vector offset", what);
    check_eq(recs[i].intid, intid, "%s: acknowledged INTID", what);
}

/* NS EL1: two Group 1 NS SGIs to self, taken as IRQ at EL1 in priority order. */
static u64 el1_sgi_priority(u64 x)
{
    gic_sgi1(SGI_NS_LOW);
    gic_sgi1(SGI_NS_HIGH);
    check_eq(read_sysreg(icc_hppir1_el1), SGI_NS_HIGH, "EL1: ICC_HPPIR1_EL1 is the higher-priority SGI");
    check_eq(gic_private_pending(SGI_NS_LOW) + gic_private_pending(SGI_NS_HIGH), 2,
             "EL1: both SGIs pending in GICR_ISPENDR0");
    check_eq(read_sysreg(icc_rpr_el1), 0xff, "EL1: idle running priority 0xff");
    check_eq(mmio_read32(GICR_SGI_BASE + GICR_IPRIORITYR) >> 8 & 0xff, 0x80,
             "EL1: Non-secure view of priority 0xc0 is 0x80");
    check_eq(nrec, 0, "EL1: nothing taken while PSTATE.I is set");
    window();
    check_eq(nrec, 2, "EL1: two IRQs taken");
    expect_rec(0, "EL1 first IRQ", 1, VEC_CUR_SPX | VEC_IRQ, SGI_NS_HIGH);
    expect_rec(1, "EL1 second IRQ", 1, VEC_CUR_SPX | VEC_IRQ, SGI_NS_LOW);
    check_eq(recs[0].rpr, 0x40, "EL1: running priority of the first (NS view of 0xa0)");
    check_eq(recs[1].rpr, 0x80, "EL1: running priority of the second (NS view of 0xc0)");

    /* PMR: a NS write of 0x80 is 0xc0 in the Secure view and masks priority 0xc0. */
    nrec = 0;
    write_sysreg(0x80, icc_pmr_el1);
    isb();
    check_eq(read_sysreg(icc_pmr_el1), 0x80, "EL1: ICC_PMR_EL1 reads back 0x80");
    gic_sgi1(SGI_NS_LOW);
    window();
    check_eq(nrec, 0, "EL1: PMR 0x80 masks the NS priority 0x80 SGI");
    check_eq(read_sysreg(icc_hppir1_el1), SGI_NS_LOW, "EL1: masked SGI still the highest pending");
    write_sysreg(0x90, icc_pmr_el1);
    isb();
    window();
    check_eq(nrec, 1, "EL1: PMR 0x90 lets it through");
    write_sysreg(0xff, icc_pmr_el1);
    check_eq(read_sysreg(icc_iar1_el1), INTID_SPURIOUS, "EL1: ICC_IAR1_EL1 reads 1023 when idle");
    return x;
}

/* NS EL1 with PSTATE.I/F set: an interrupt routed to EL3 is still taken. */
static u64 el1_send_sgi(u64 intid)
{
    gic_sgi1(intid);
    for (volatile int i = 0; i < 2000; i++) {
        /* wait */
    }
    return nrec;
}

static u64 el1_idle(u64 x)
{
    for (volatile int i = 0; i < 2000; i++) {
        /* wait */
    }
    return nrec;
}

void test_main(void)
{
    if (start_el != 3) {
        skip("needs EL3 (-M virt,secure=on,virtualization=on,gic-version=3)");
        return;
    }
    gic_init();
    check_eq(gic_single_security(), 0, "GICD_CTLR.DS=0: two security states");
    check_eq(mmio_read32(GICD_BASE + GICD_CTLR) & 0x37, 0x37, "GICD_CTLR: ARE_S, ARE_NS and all groups enabled");
    gic_config_private(SGI_NS_LOW, GIC_G1NS, 0xc0, 1);
    gic_config_private(SGI_NS_HIGH, GIC_G1NS, 0xa0, 1);
    gic_config_private(SGI_G0, GIC_G0, 0x20, 1);
    gic_config_private(SGI_G1S, GIC_G1S, 0x40, 1);
    check_eq(mmio_read32(GICR_SGI_BASE + GICR_IGROUPR0) & 0x1e, 0x06, "GICR_IGROUPR0 read back");
    check_eq(mmio_read32(GICR_SGI_BASE + GICR_IGRPMODR0) & 0x1e, 0x10, "GICR_IGRPMODR0 read back");
    irq_hook = hook;

    /*
     * A: SCR_EL3.IRQ=0: Group 1 NS is an IRQ at NS EL1, taken there.
     * SCR_EL3.FIQ=1 (Group 0 belongs to EL3), so Non-secure accesses to
     * ICC_PMR_EL1/ICC_RPR_EL1 use the Non-secure view (IHI 0069 4.8.6).
     */
    write_sysreg((read_sysreg(scr_el3) & ~SCR_IRQ) | SCR_FIQ, scr_el3);
    isb();
    call_at_el(1, el1_sgi_priority, 0);

    write_sysreg(read_sysreg(scr_el3) & ~SCR_FIQ, scr_el3);

    /* B: SCR_EL3.IRQ=1: the same IRQ from EL1 is taken to EL3, even with EL1's PSTATE.I set. */
    nrec = 0;
    write_sysreg(read_sysreg(scr_el3) | SCR_IRQ, scr_el3);
    isb();
    check_eq(call_at_el(1, el1_send_sgi, SGI_NS_LOW), 1, "SCR_EL3.IRQ: taken while EL1 has PSTATE.I set");
    expect_rec(0, "SCR_EL3.IRQ: Group 1 NS from EL1", 3, VEC_LOWER_A64 | VEC_IRQ, SGI_NS_LOW);
    write_sysreg(read_sysreg(scr_el3) & ~SCR_IRQ, scr_el3);

    /* C: Group 0 SGI from EL3 (ICC_SGI0R_EL1), FIQ at NS EL1, routed to EL3 by SCR_EL3.FIQ. */
    nrec = 0;
    write_sysreg(read_sysreg(scr_el3) | SCR_FIQ, scr_el3);
    isb();
    gic_sgi0(SGI_G0);
    check_eq(read_sysreg(icc_hppir0_el1) & 0xffffff, SGI_G0, "EL3: ICC_HPPIR0_EL1 shows the Group 0 SGI");
    check_eq(nrec, 0, "EL3: PSTATE.F masks the FIQ at EL3");
    check_eq(call_at_el(1, el1_idle, 0), 1, "SCR_EL3.FIQ: Group 0 taken from EL1 with PSTATE.F set");
    expect_rec(0, "SCR_EL3.FIQ: Group 0 from EL1", 3, VEC_LOWER_A64 | VEC_FIQ, SGI_G0);
    check_eq(recs[0].rpr, 0x20, "Group 0 running priority 0x20");

    /* D: Group 1 Secure SGI from EL3 (ICC_SGI1R_EL1 at EL3): HPPIR0 at EL3 reads 1020. */
    nrec = 0;
    gic_sgi1(SGI_G1S);
    check_eq(read_sysreg(icc_hppir0_el1) & 0xffffff, INTID_SECURE_G1, "EL3: ICC_HPPIR0_EL1 reads 1020 for Group 1 Secure");
    check_eq(call_at_el(1, el1_idle, 0), 1, "Group 1 Secure is an FIQ at NS EL1, taken to EL3");
    expect_rec(0, "Group 1 Secure from EL1", 3, VEC_LOWER_A64 | VEC_FIQ, SGI_G1S);
    check_eq(recs[0].hppir0, INTID_SECURE_G1, "Group 1 Secure: HPPIR0 1020 in the EL3 handler");

    /* E: Group 1 NS pending while at EL3 with SCR_EL3.FIQ=1: an FIQ at EL3, HPPIR0 1021. */
    nrec = 0;
    write_sysreg(read_sysreg(scr_el3) & ~SCR_FIQ, scr_el3);
    isb();
    check_eq(call_at_el(1, el1_send_sgi, SGI_NS_LOW), 0, "EL1 with PSTATE.I set: IRQ stays pending");
    check_eq(gic_private_pending(SGI_NS_LOW), 1, "EL3: Group 1 NS SGI pending");
    window();
    check_eq(nrec, 0, "EL3 with SCR_EL3.FIQ/IRQ=0: interrupt for a lower EL not taken at EL3");
    write_sysreg(read_sysreg(scr_el3) | SCR_FIQ, scr_el3);
    isb();
    check_eq(read_sysreg(icc_hppir0_el1) & 0xffffff, INTID_NONSECURE_G1, "EL3: ICC_HPPIR0_EL1 reads 1021 for Group 1 NS");
    window();
    check_eq(nrec, 1, "EL3 with SCR_EL3.FIQ=1: Group 1 NS taken as FIQ at EL3");
    expect_rec(0, "Group 1 NS at EL3", 3, VEC_CUR_SPX | VEC_FIQ, SGI_NS_LOW);
    write_sysreg(read_sysreg(scr_el3) & ~SCR_FIQ, scr_el3);
    isb();
    check_eq(read_sysreg(icc_hppir0_el1) & 0xffffff, INTID_SPURIOUS, "EL3: nothing pending at the end");
    irq_hook = 0;
}
