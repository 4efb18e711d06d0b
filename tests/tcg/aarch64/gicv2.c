/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GICv2 (-M virt,gic-version=2): distributor and memory-mapped CPU interface, SGI/PPI/SPI
 * flows, priorities, PMR, running and active priorities, groups as FIQ/IRQ, and with the
 * Security Extensions (entered at EL3) the Non-secure view of both frames. */
#include "testlib.h"

/*
 * References: GICv2 architecture specification (IHI 0048B): 4.3 distributor registers
 * (4.3.1 GICD_CTLR banking, 4.3.2 GICD_TYPER, 4.3.4 IGROUPR Secure-only, 4.3.11 the
 * Non-secure priority view, 4.3.13 SGIs edge-triggered, 4.3.15 GICD_SGIR and NSATT),
 * 4.4 CPU interface registers (4.4.1 GICC_CTLR and its Non-secure copy, 4.4.2 PMR and its
 * Non-secure view, 4.4.4 IAR/1022 with AckCtl = 0, 4.4.5 EOIR and EOImode, 4.4.6 RPR,
 * 4.4.15 DIR), 3.3 preemption and priority drop, 3.6 the Non-secure views;
 * Arm ARM D1.3.6 (SCR_EL3.IRQ/FIQ routing) and ID_AA64PFR0_EL1.GIC.
 */
#define GICD            0x08000000UL
#define GICC            0x08010000UL
#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IIDR       0x008
#define GICD_IGROUPR    0x080
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_ISACTIVER  0x300
#define GICD_ICACTIVER  0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ICFGR      0xc00
#define GICD_SGIR       0xf00
#define GICD_SPENDSGIR  0xf20
#define GICD_PIDR2      0xfe8
#define GICD_CIDR0      0xff0
#define GICC_CTLR       0x00
#define GICC_PMR        0x04
#define GICC_BPR        0x08
#define GICC_IAR        0x0c
#define GICC_EOIR       0x10
#define GICC_RPR        0x14
#define GICC_HPPIR      0x18
#define GICC_APR0       0xd0
#define GICC_IIDR       0xfc
#define GICC_DIR        0x1000

#define SCR_IRQ (1ULL << 1)
#define SCR_FIQ (1ULL << 2)

#define SPI_A   42      /* SPI 10: pended through GICD_ISPENDR */
#define PPI_TMR 30      /* EL1 physical timer */

static u32 rd(u64 a) { return mmio_read32(a); }
static void wr(u64 a, u32 v) { mmio_write32(a, v); }
static u8 rdb(u64 a) { return *(volatile u8 *)a; }
static void wrb(u64 a, u8 v) { *(volatile u8 *)a = v; }

static int bit(u64 base, unsigned irq) { return (rd(base + irq / 32 * 4) >> (irq % 32)) & 1; }
static void setbit(u64 base, unsigned irq) { wr(base + irq / 32 * 4, 1u << (irq % 32)); }

static void set_group(unsigned irq, int g1)
{
    u64 a = GICD + GICD_IGROUPR + irq / 32 * 4;
    u32 v = rd(a) & ~(1u << (irq % 32));
    wr(a, v | (g1 ? 1u << (irq % 32) : 0));
}

static void config(unsigned irq, int g1, u8 prio)
{
    set_group(irq, g1);
    wrb(GICD + GICD_IPRIORITYR + irq, prio);
    setbit(GICD + GICD_ICPENDR, irq);
    setbit(GICD + GICD_ICACTIVER, irq);
    setbit(GICD + GICD_ISENABLER, irq);
}

/* GICD_SGIR: target list filter 0b10 (this processor only), NSATT. */
static void sgi_self(unsigned irq, int nsatt)
{
    wr(GICD + GICD_SGIR, 2u << 24 | (nsatt ? 1u << 15 : 0) | irq);
}

struct rec { unsigned el, vec, intid; u32 rpr; };
static volatile struct rec recs[8];
static volatile unsigned nrec;

/* Interrupt handler: acknowledge, record, complete. */
static void hook(struct exc_frame *f)
{
    struct rec r = { .el = f->el, .vec = f->vec };
    r.intid = rd(GICC + GICC_IAR) & 0x3ff;
    r.rpr = rd(GICC + GICC_RPR);
    if (r.intid == PPI_TMR) {
        write_sysreg(3, cntp_ctl_el0);      /* IMASK: quiet the timer */
    }
    if (r.intid < 1020) {
        wr(GICC + GICC_EOIR, r.intid);
    }
    if (nrec < 8) {
        recs[nrec] = r;
    }
    nrec++;
}

static void window(void)
{
    asm volatile("msr daifclr, #3\n\tisb" ::: "memory");
    for (volatile int i = 0; i < 3000; i++) {
    }
    asm volatile("msr daifset, #3\n\tisb" ::: "memory");
}

static void expect(unsigned n, unsigned i, const char *what, unsigned el, unsigned vec,
                   unsigned intid)
{
    check_eq(nrec, n, "%s: interrupts taken", what);
    check_eq(recs[i].el, el, "%s: taken to EL", what);
    check_eq(recs[i].vec & 0x180, vec, "%s: IRQ/FIQ vector", what);
    check_eq(recs[i].intid, intid, "%s: acknowledged INTID", what);
}

static unsigned prio_bits;

/* Priority field implemented bits: write 0xff, count the ones read back (4.3.11). */
static void probe_priority(void)
{
    u8 v;

    wrb(GICD + GICD_IPRIORITYR + SPI_A, 0xff);
    v = rdb(GICD + GICD_IPRIORITYR + SPI_A);
    prio_bits = 0;
    for (unsigned i = 0; i < 8; i++) {
        prio_bits += (v >> i) & 1;
    }
    check_true(prio_bits >= 4 && (u8)(0xff << (8 - prio_bits)) == v,
               "IPRIORITYR: 0xff reads back as the implemented high-order bits (got 0x%x)", v);
}

/* Bit of GICC_APRn for an active group priority (4.4.10 recommended layout). */
static unsigned apr_bit(u8 prio)
{
    unsigned shift = 8 - (prio_bits > 7 ? 7 : prio_bits);
    return prio >> shift;
}

static void identification(int secure)
{
    u32 typer = rd(GICD + GICD_TYPER);

    check_eq(typer & 0x1f, 8, "GICD_TYPER.ITLinesNumber (288 interrupts on virt)");
    check_eq((typer >> 5) & 7, 0, "GICD_TYPER.CPUNumber: one processor");
    check_eq((typer >> 10) & 1, secure, "GICD_TYPER.SecurityExtn");
    check_eq(rd(GICD + GICD_IIDR) & 0xfff, 0x43b, "GICD_IIDR implementer Arm");
    check_eq((rd(GICD + GICD_PIDR2) >> 4) & 0xf, 2, "ICPIDR2.ArchRev = 2 (GICv2)");
    check_eq(rd(GICD + GICD_CIDR0) | rd(GICD + GICD_CIDR0 + 4) << 8 |
             rd(GICD + GICD_CIDR0 + 8) << 16 | rd(GICD + GICD_CIDR0 + 12) << 24, 0xb105f00d,
             "ICCIDR0..3 component ID");
    check_eq((rd(GICC + GICC_IIDR) >> 16) & 0xf, 2, "GICC_IIDR.ArchitectureVersion = 2");
    check_eq(rd(GICC + GICC_IIDR) & 0xfff, 0x43b, "GICC_IIDR implementer Arm");
    check_eq(rd(GICD + GICD_ICFGR), 0xaaaaaaaa, "GICD_ICFGR0: SGIs edge-triggered");
    wr(GICD + 0x828, 0x01010101);
    check_eq(rd(GICD + 0x800) | rd(GICD + 0x81c) | rd(GICD + 0x828), 0,
             "GICD_ITARGETSRn RAZ/WI on a uniprocessor (4.3.12)");
    check_eq((read_sysreg(id_aa64pfr0_el1) >> 24) & 0xf, 0, "ID_AA64PFR0_EL1.GIC = 0");
    exc_expect(0);
    (void)read_sysreg(s3_0_c12_c12_5);      /* ICC_SRE_EL1 */
    check_true(exc_taken() && ESR_EC(exc_last.esr) == 0, "ICC_SRE_EL1 is UNDEFINED");
}

/* Acknowledge by polling (interrupts masked): nesting, running and active priorities. */
static void priorities(int g1, u32 eoimode_bit)
{
    unsigned iar_off = GICC_IAR;

    config(5, g1, 0x80);
    config(6, g1, 0x20);
    config(7, g1, 0x10);
    sgi_self(5, g1);
    sgi_self(6, g1);
    check_eq(rd(GICC + GICC_RPR), 0xff, "RPR idle 0xff");
    check_eq(rd(GICC + GICC_HPPIR) & 0x3ff, 6, "HPPIR: the higher-priority SGI");
    check_eq(rd(GICC + iar_off) & 0x3ff, 6, "IAR: SGI 6 (priority 0x20) first");
    check_eq(rd(GICC + GICC_RPR), 0x20, "RPR 0x20 while SGI 6 is active");
    check_eq(bit(GICD + GICD_ISACTIVER, 6), 1, "ISACTIVER: SGI 6 active");
    check_eq(rd(GICC + iar_off) & 0x3ff, 1023, "IAR: SGI 5 (0x80) cannot preempt 0x20");
    sgi_self(7, g1);
    check_eq(rd(GICC + iar_off) & 0x3ff, 7, "IAR: SGI 7 (0x10) preempts");
    check_eq(rd(GICC + GICC_RPR), 0x10, "RPR 0x10 with SGI 7 active over SGI 6");
    if (!g1) {
        u32 want = 1u << apr_bit(0x10) | 1u << apr_bit(0x20);
        check_eq(rd(GICC + GICC_APR0), want, "GICC_APR0: bits of group priorities 0x10 and 0x20");
    }
    wr(GICC + GICC_EOIR, 7);
    check_eq(rd(GICC + GICC_RPR), 0x20, "EOIR of SGI 7: running priority back to 0x20");
    wr(GICC + GICC_EOIR, 6);
    check_eq(rd(GICC + GICC_RPR), 0xff, "EOIR of SGI 6: idle");
    /* PMR masking: 0x80 is not below PMR 0x80. */
    wr(GICC + GICC_PMR, 0x80);
    check_eq(rd(GICC + GICC_IAR) & 0x3ff, 1023, "PMR 0x80 masks priority 0x80: IAR 1023");
    wr(GICC + GICC_PMR, 0xff);
    /* EOImode = 1: EOIR drops the priority only; GICC_DIR deactivates. */
    wr(GICC + GICC_CTLR, rd(GICC + GICC_CTLR) | eoimode_bit);
    check_eq(rd(GICC + iar_off) & 0x3ff, 5, "IAR: SGI 5 once unmasked");
    wr(GICC + GICC_EOIR, 5);
    check_eq(rd(GICC + GICC_RPR), 0xff, "EOImode 1: EOIR drops the running priority");
    check_eq(bit(GICD + GICD_ISACTIVER, 5), 1, "EOImode 1: SGI 5 still active after EOIR");
    wr(GICC + GICC_DIR, 5);
    check_eq(bit(GICD + GICD_ISACTIVER, 5), 0, "GICC_DIR deactivates SGI 5");
    wr(GICC + GICC_CTLR, rd(GICC + GICC_CTLR) & ~eoimode_bit);
}

/* SPI pended by software; active bits; ICPENDR. */
static void spi_pend(int g1, unsigned vec, unsigned el, const char *what)
{
    config(SPI_A, g1, 0x40);
    setbit(GICD + GICD_ICENABLER, SPI_A);
    setbit(GICD + GICD_ISPENDR, SPI_A);
    check_eq(bit(GICD + GICD_ISPENDR, SPI_A), 1, "%s: ISPENDR sets the SPI pending", what);
    setbit(GICD + GICD_ICPENDR, SPI_A);
    check_eq(bit(GICD + GICD_ISPENDR, SPI_A), 0, "%s: ICPENDR clears it", what);
    setbit(GICD + GICD_ISACTIVER, SPI_A);
    check_eq(bit(GICD + GICD_ICACTIVER, SPI_A), 1, "%s: ISACTIVER sets active", what);
    setbit(GICD + GICD_ICACTIVER, SPI_A);
    check_eq(bit(GICD + GICD_ISACTIVER, SPI_A), 0, "%s: ICACTIVER clears it", what);
    setbit(GICD + GICD_ISPENDR, SPI_A);
    nrec = 0;
    window();
    check_eq(nrec, 0, "%s: disabled SPI not signalled", what);
    setbit(GICD + GICD_ISENABLER, SPI_A);
    window();
    expect(1, 0, what, el, vec, SPI_A);
    check_eq(recs[0].rpr, 0x40, "%s: RPR in the handler", what);
    check_eq(bit(GICD + GICD_ISPENDR, SPI_A) | bit(GICD + GICD_ISACTIVER, SPI_A), 0,
             "%s: neither pending nor active after EOI", what);
}

/* EL1 physical timer, PPI 30, level-sensitive, taken as an interrupt. */
static void timer_ppi(int g1, unsigned vec, unsigned el, const char *what)
{
    config(PPI_TMR, g1, 0x60);
    nrec = 0;
    write_sysreg(100, cntp_tval_el0);
    write_sysreg(1, cntp_ctl_el0);
    isb();
    for (volatile int i = 0; i < 100000 && !(read_sysreg(cntp_ctl_el0) & 4); i++) {
    }
    check_eq(bit(GICD + GICD_ISPENDR, PPI_TMR), 1, "%s: timer PPI pending", what);
    window();
    expect(1, 0, what, el, vec, PPI_TMR);
    write_sysreg(0, cntp_ctl_el0);
    setbit(GICD + GICD_ICENABLER, PPI_TMR);
}

/* ---- Without the Security Extensions: NS EL1 on -M virt,gic-version=2 ---- */

static void test_el1(void)
{
    identification(0);
    wr(GICD + GICD_CTLR, 3);
    check_eq(rd(GICD + GICD_CTLR), 3, "GICD_CTLR: EnableGrp0 and EnableGrp1");
    wr(GICC + GICC_CTLR, 3);        /* both groups, FIQEn = 0: Group 0 is IRQ too */
    wr(GICC + GICC_PMR, 0xff);
    wr(GICC + GICC_BPR, 0);
    probe_priority();
    irq_hook = hook;
    priorities(0, 1u << 9);

    spi_pend(0, VEC_IRQ, 1, "Group 0 SPI with FIQEn = 0 (IRQ)");
    wr(GICC + GICC_CTLR, 3 | 1u << 3);
    nrec = 0;
    config(3, 0, 0x20);
    sgi_self(3, 0);
    window();
    expect(1, 0, "Group 0 SGI with FIQEn = 1", 1, VEC_FIQ, 3);

    /* Group 1 with AckCtl = 0: IAR reads 1022; with AckCtl = 1 it acknowledges. (The
     * GICC_AIAR/AEOIR/AHPPIR aliases are left to the unit test: Debian's QEMU 7.2 reads
     * them as 0.) */
    config(4, 1, 0x30);
    sgi_self(4, 1);
    check_eq(rd(GICC + GICC_HPPIR) & 0x3ff, 1022, "HPPIR: 1022 for Group 1 with AckCtl = 0");
    check_eq(rd(GICC + GICC_IAR) & 0x3ff, 1022, "IAR: 1022, not acknowledged");
    wr(GICC + GICC_CTLR, rd(GICC + GICC_CTLR) | 1u << 2);
    check_eq(rd(GICC + GICC_HPPIR) & 0x3ff, 4, "HPPIR with AckCtl = 1: the Group 1 SGI");
    check_eq(rd(GICC + GICC_IAR) & 0x3ff, 4, "IAR with AckCtl = 1 acknowledges it");
    wr(GICC + GICC_EOIR, 4);
    check_eq(rd(GICC + GICC_RPR), 0xff, "EOIR completes it");
    timer_ppi(1, VEC_IRQ, 1, "Group 1 timer PPI");
}

/* ---- With the Security Extensions: EL3 (Secure) and NS EL1 ---- */

static u64 ns_el1_part(u64 x)
{
    u32 v;

    /* Non-secure views (4.3.1, 4.3.4, 4.3.11, 4.4.1, 4.4.2). */
    check_eq(rd(GICD + GICD_CTLR), 1, "NS GICD_CTLR: bit 0 is EnableGrp1");
    check_eq(rd(GICD + GICD_IGROUPR), 0, "NS GICD_IGROUPR0 is RAZ");
    wr(GICD + GICD_IGROUPR, 0);     /* WI: checked from EL3 */
    check_eq(rd(GICC + GICC_CTLR), 1, "NS GICC_CTLR: EnableGrp1 only");
    wr(GICC + GICC_CTLR, 1 | 0x1e);  /* bits [4:1] reserved in the Non-secure copy */
    check_eq(rdb(GICD + GICD_IPRIORITYR + 8), 0x80, "NS view of Group 1 priority 0xc0 is 0x80");
    check_eq(rdb(GICD + GICD_IPRIORITYR + 9), 0, "NS read of a Group 0 priority is RAZ");
    wrb(GICD + GICD_IPRIORITYR + 9, 0x12);
    check_eq(bit(GICD + GICD_ISENABLER, SPI_A), 0, "NS ISENABLER bit of a Group 0 SPI is RAZ");
    check_eq(rd(GICC + GICC_PMR), 0xfe, "NS view of PMR 0xff is 0xfe");

    /* Group 1 SGI from the Non-secure side: an IRQ at NS EL1. */
    nrec = 0;
    sgi_self(8, 0);
    window();
    expect(1, 0, "NS EL1: Group 1 SGI", 1, VEC_IRQ, 8);
    check_eq(recs[0].rpr, 0x80, "NS EL1: RPR is the NS view of 0xc0");

    /* PMR: a NS write of 0x80 is 0xc0 in the Secure view and masks the SGI. */
    wr(GICC + GICC_PMR, 0x80);
    v = rd(GICC + GICC_PMR);
    check_eq(v, 0x80, "NS PMR reads back 0x80");
    nrec = 0;
    sgi_self(8, 0);
    window();
    check_eq(nrec, 0, "NS PMR 0x80 masks NS priority 0x80");
    check_eq(rd(GICC + GICC_IAR) & 0x3ff, 1023, "NS IAR 1023 while masked");
    wr(GICC + GICC_PMR, 0xff);
    window();
    check_eq(nrec, 1, "NS PMR 0xff lets it through");

    timer_ppi(1, VEC_IRQ, 1, "NS EL1: Group 1 timer PPI");
    return x;
}

static void test_el3(void)
{
    identification(1);
    wr(GICD + GICD_CTLR, 3);
    check_eq(rd(GICD + GICD_CTLR), 3, "Secure GICD_CTLR: EnableGrp0 and EnableGrp1");
    wr(GICC + GICC_CTLR, 3 | 1u << 3);      /* EnableGrp0/1, FIQEn */
    check_eq(rd(GICC + GICC_CTLR), 0xb, "Secure GICC_CTLR reads back");
    wr(GICC + GICC_PMR, 0xff);
    wr(GICC + GICC_BPR, 0);
    probe_priority();
    irq_hook = hook;
    write_sysreg(read_sysreg(scr_el3) | SCR_FIQ | SCR_IRQ, scr_el3);
    isb();

    priorities(0, 1u << 9);

    /* Group 0 as FIQ at EL3; Group 1 as IRQ, acknowledged at EL3 with AckCtl = 1. */
    config(3, 0, 0x20);
    nrec = 0;
    sgi_self(3, 0);
    sgi_self(3, 1);
    window();
    expect(1, 0, "EL3: Group 0 SGI", 3, VEC_FIQ, 3);
    check_eq(recs[0].rpr, 0x20, "EL3: RPR 0x20 in the FIQ handler");
    spi_pend(0, VEC_FIQ, 3, "EL3: Group 0 SPI");

    config(4, 1, 0x30);
    nrec = 0;
    sgi_self(4, 1);     /* NSATT = 1: a Group 1 SGI */
    check_eq(rd(GICD + GICD_SPENDSGIR + 4) & 1, 1, "EL3: GICD_SGIR with NSATT = 1 pends it (SPENDSGIR)");
    check_eq(rd(GICC + GICC_HPPIR) & 0x3ff, 1022, "EL3: Secure HPPIR 1022 for Group 1, AckCtl 0");
    check_eq(rd(GICC + GICC_IAR) & 0x3ff, 1022, "EL3: Secure IAR 1022 for Group 1, AckCtl 0");
    wr(GICC + GICC_CTLR, rd(GICC + GICC_CTLR) | 1u << 2);
    window();
    expect(1, 0, "EL3: Group 1 SGI (IRQ, AckCtl = 1)", 3, VEC_IRQ, 4);
    wr(GICC + GICC_CTLR, rd(GICC + GICC_CTLR) & ~(1u << 2));

    /* Non-secure EL1: SCR_EL3.IRQ = 0 leaves Group 1 IRQs at EL1. */
    config(8, 1, 0xc0);
    config(9, 0, 0x50);
    config(SPI_A, 0, 0x40);
    setbit(GICD + GICD_ICENABLER, SPI_A);
    config(PPI_TMR, 1, 0x60);
    write_sysreg(read_sysreg(scr_el3) & ~SCR_IRQ, scr_el3);
    isb();
    call_at_el(1, ns_el1_part, 0);
    write_sysreg(read_sysreg(scr_el3) | SCR_IRQ, scr_el3);
    isb();
    check_eq(rd(GICD + GICD_IGROUPR) & 0x300, 0x100, "EL3: the NS IGROUPR write was ignored");
    check_eq(rdb(GICD + GICD_IPRIORITYR + 9), 0x50, "EL3: the NS write to a Group 0 priority was ignored");
    check_eq(rd(GICC + GICC_CTLR), 0xb, "EL3: NS GICC_CTLR write left the Secure bits");
    wr(GICC + GICC_CTLR, 1 | 1u << 3);
    check_eq(rd(GICD + GICD_CTLR), 3, "EL3: GICD_CTLR unchanged");
    wr(GICD + GICD_CTLR, 1);
    check_eq(rd(GICD + GICD_CTLR), 1, "EL3: Secure GICD_CTLR clears EnableGrp1");
}

void test_main(void)
{
    if (start_el == 3) {
        test_el3();
    } else if (start_el == 1) {
        test_el1();
    } else {
        skip("needs virt,gic-version=2 at EL1 or virt,secure=on,virtualization=on,gic-version=2");
    }
}
