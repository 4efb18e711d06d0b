/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-gicv3.c: GICv3 register semantics, security rules and IRQ/FIQ flows (IHI 0069). */
#include <glib.h>
#include <string.h>
#include "cpu-stubs.h"
#include "hw/intc/gicv3.h"
#include "qemu/log.h"

#define DIST    0x08000000ull
#define REDIST  0x080a0000ull
#define SGI     (REDIST + 0x10000)

#define SCR_NS  (1ull << 0)
#define SCR_IRQ (1ull << 1)
#define SCR_FIQ (1ull << 2)
#define HCR_IMO (1ull << 4)

#define IRQ CPU_INTERRUPT_IRQ
#define FIQ CPU_INTERRUPT_FIQ

static const MemTxAttrs S = { .space = ARMSS_SECURE, .secure = true };
static const MemTxAttrs NS = { .space = ARMSS_NONSECURE, .secure = false };

/* ICC encodings (GIC spec 12.2, Table 12-2). */
#define PMR      GICV3_ENC(3, 0, 4, 6, 0)
#define IAR0     GICV3_ENC(3, 0, 12, 8, 0)
#define EOIR0    GICV3_ENC(3, 0, 12, 8, 1)
#define HPPIR0   GICV3_ENC(3, 0, 12, 8, 2)
#define BPR0     GICV3_ENC(3, 0, 12, 8, 3)
#define AP0R0    GICV3_ENC(3, 0, 12, 8, 4)
#define AP0R1    GICV3_ENC(3, 0, 12, 8, 5)
#define AP1R0    GICV3_ENC(3, 0, 12, 9, 0)
#define DIR      GICV3_ENC(3, 0, 12, 11, 1)
#define RPR      GICV3_ENC(3, 0, 12, 11, 3)
#define SGI1R    GICV3_ENC(3, 0, 12, 11, 5)
#define SGI0R    GICV3_ENC(3, 0, 12, 11, 7)
#define IAR1     GICV3_ENC(3, 0, 12, 12, 0)
#define EOIR1    GICV3_ENC(3, 0, 12, 12, 1)
#define HPPIR1   GICV3_ENC(3, 0, 12, 12, 2)
#define BPR1     GICV3_ENC(3, 0, 12, 12, 3)
#define CTLR1    GICV3_ENC(3, 0, 12, 12, 4)
#define SRE1     GICV3_ENC(3, 0, 12, 12, 5)
#define IGRPEN0  GICV3_ENC(3, 0, 12, 12, 6)
#define IGRPEN1  GICV3_ENC(3, 0, 12, 12, 7)
#define CTLR3    GICV3_ENC(3, 6, 12, 12, 4)
#define SRE3     GICV3_ENC(3, 6, 12, 12, 5)
#define IGRPEN13 GICV3_ENC(3, 6, 12, 12, 7)
#define ICH_HCR  GICV3_ENC(3, 4, 12, 11, 0)

static CPUARMState env;
static AddressSpace as_s, as_ns;
static GICv3State *gic;

static void setup(void)
{
    AddressSpace *views[2] = { &as_s, &as_ns };

    memset(&env, 0, sizeof(env));
    env.features.has_el3 = env.features.has_el2 = true;
    env.el = 3;
    address_space_init(&as_s, "secure");
    address_space_init(&as_ns, "non-secure");
    stub_cpu_lines = 0;
    gic = gicv3_create(&env, DIST, REDIST, 64, views, 2);
    g_assert_nonnull(gic);
}

static uint64_t rd(uint64_t pa, unsigned size, MemTxAttrs a)
{
    uint64_t v = 0xdeadbeef;
    g_assert_cmpint(address_space_ld(a.secure ? &as_s : &as_ns, pa, size, &v, a), ==, MEMTX_OK);
    return v;
}

static void wr(uint64_t pa, unsigned size, uint64_t v, MemTxAttrs a)
{
    g_assert_cmpint(address_space_st(a.secure ? &as_s : &as_ns, pa, size, v, a), ==, MEMTX_OK);
}

static uint64_t sysrd(uint32_t enc)
{
    uint64_t v = 0;
    uint32_t t = 12345;
    g_assert_true(gicv3_cpuif_sysreg(&env, enc, false, &v, &t));
    g_assert_cmpuint(t, ==, GICV3_ACCESS_OK);
    return v;
}

static void syswr(uint32_t enc, uint64_t v)
{
    uint32_t t = 12345;
    g_assert_true(gicv3_cpuif_sysreg(&env, enc, true, &v, &t));
    g_assert_cmpuint(t, ==, GICV3_ACCESS_OK);
}

static uint32_t sys_verdict(uint32_t enc, bool is_write)
{
    uint64_t v = 0;
    uint32_t t = 12345;
    g_assert_true(gicv3_cpuif_sysreg(&env, enc, is_write, &v, &t));
    return t;
}

/* Run at a given EL and Security state (SCR_EL3.NS for EL0..2). */
static void at(int el, bool ns)
{
    env.el = el;
    env.scr_el3 = (env.scr_el3 & ~SCR_NS) | (ns ? SCR_NS : 0);
    gicv3_cpuif_el_change(&env);
}

/* Configure SPI/PPI intid: group (0 = G0, 1 = G1S, 2 = G1NS), priority, enabled, from Secure. */
static void config_irq(int intid, int grp, uint8_t prio)
{
    uint64_t base = intid < 32 ? SGI : DIST;
    uint64_t word = (uint64_t)(intid / 32) * 4;
    uint32_t bit = 1u << (intid % 32);
    uint32_t g = (uint32_t)rd(base + 0x080 + word, 4, S);
    uint32_t m = (uint32_t)rd(base + 0xd00 + word, 4, S);

    g = grp == 2 ? g | bit : g & ~bit;
    m = grp == 1 ? m | bit : m & ~bit;
    wr(base + 0x080 + word, 4, g, S);
    wr(base + 0xd00 + word, 4, m, S);
    wr(base + 0x400 + intid, 1, prio, S);
    wr(base + 0x100 + word, 4, bit, S);
}

/* All groups enabled in the distributor and the CPU interface, nothing masked. */
static void enable_all(void)
{
    wr(DIST, 4, 0x7, S);
    at(3, false);
    syswr(IGRPEN13, 3);
    syswr(IGRPEN0, 1);
    syswr(PMR, 0xff);
}

/* GIC spec 12.9.38 (GICD_TYPER), 12.1.x ID registers, 12.10.29 (GICR_TYPER). */
static void test_id_registers(void)
{
    uint64_t typer;

    setup();
    typer = rd(DIST + 0x4, 4, S);
    g_assert_cmpuint(typer & 0x1f, ==, 2);          /* 96 INTIDs: ITLinesNumber = 2 */
    g_assert_cmpuint((typer >> 10) & 1, ==, 1);     /* SecurityExtn */
    g_assert_cmpuint((typer >> 19) & 0x1f, ==, 15); /* IDbits */
    g_assert_cmpuint((rd(DIST + 0xffe8, 4, S) >> 4) & 0xf, ==, 3);     /* PIDR2.ArchRev */
    g_assert_cmpuint((rd(REDIST + 0xffe8, 4, NS) >> 4) & 0xf, ==, 3);
    g_assert_cmpuint(rd(DIST + 0xfff0, 4, S), ==, 0x0d);
    g_assert_cmpuint(rd(DIST + 0xfffc, 4, S), ==, 0xb1);
    typer = rd(REDIST + 0x8, 8, NS);
    g_assert_cmpuint(typer & (1u << 4), !=, 0);      /* Last */
    g_assert_cmpuint(typer & 1, ==, 0);              /* PLPIS: no LPIs */
    g_assert_cmpuint(typer >> 32, ==, 0);            /* affinity 0.0.0.0 */
    g_assert_cmpuint(rd(REDIST + 0xc, 4, NS), ==, typer >> 32);
}

/* GICD_CTLR Secure and Non-secure views (GIC spec 12.9.4). */
static void test_ctlr_views(void)
{
    setup();
    g_assert_cmpuint(rd(DIST, 4, S), ==, 0x30);        /* ARE_S, ARE_NS RAO */
    wr(DIST, 4, 0x7, S);
    g_assert_cmpuint(rd(DIST, 4, S), ==, 0x37);
    g_assert_cmpuint(rd(DIST, 4, NS), ==, 0x12);       /* EnableGrp1A, ARE_NS */
    wr(DIST, 4, 0x1, NS);                              /* bit 0 is RES0 for NS with ARE */
    g_assert_cmpuint(rd(DIST, 4, S), ==, 0x35);        /* only EnableGrp1NS cleared */
    wr(DIST, 4, 0x2, NS);
    g_assert_cmpuint(rd(DIST, 4, S), ==, 0x37);
    wr(DIST, 4, 0, S);
    g_assert_cmpuint(rd(DIST, 4, S), ==, 0x30);        /* ARE bits are WI */
}

/* Group registers are Secure-only; Non-secure accesses to Secure interrupts are RAZ/WI
 * (GIC spec 12.9.15, 4.8.x). */
static void test_ns_access_rules(void)
{
    setup();
    wr(DIST + 0x84, 4, 0xffff0000, S);     /* INTIDs 48..63 Non-secure Group 1 */
    g_assert_cmpuint(rd(DIST + 0x84, 4, S), ==, 0xffff0000);
    g_assert_cmpuint(rd(DIST + 0x84, 4, NS), ==, 0);
    wr(DIST + 0x84, 4, 0xffffffff, NS);
    g_assert_cmpuint(rd(DIST + 0x84, 4, S), ==, 0xffff0000);
    wr(DIST + 0x104, 4, 0xffffffff, NS);   /* ISENABLER1 */
    g_assert_cmpuint(rd(DIST + 0x104, 4, S), ==, 0xffff0000);
    g_assert_cmpuint(rd(DIST + 0x104, 4, NS), ==, 0xffff0000);
    wr(DIST + 0x400 + 40, 1, 0x40, S);
    g_assert_cmpuint(rd(DIST + 0x400 + 40, 1, NS), ==, 0);
    wr(DIST + 0x400 + 40, 1, 0x80, NS);
    g_assert_cmpuint(rd(DIST + 0x400 + 40, 1, S), ==, 0x40);
    /* INTID 0..31 copies in the distributor are RAZ/WI with affinity routing */
    wr(DIST + 0x100, 4, 0xffffffff, S);
    g_assert_cmpuint(rd(DIST + 0x100, 4, S), ==, 0);
    g_assert_cmpuint(rd(SGI + 0x100, 4, S), ==, 0);
    /* INTIDs beyond ITLinesNumber are reserved: RAZ/WI */
    wr(DIST + 0x10c, 4, 0xffffffff, S);
    g_assert_cmpuint(rd(DIST + 0x10c, 4, S), ==, 0);
}

/* Priority fields: 5 bits implemented, Non-secure view shifted (GIC spec 4.8.6). */
static void test_priority_views(void)
{
    setup();
    wr(DIST + 0x400 + 40, 1, 0xff, S);
    g_assert_cmpuint(rd(DIST + 0x400 + 40, 1, S), ==, 0xf8);
    wr(DIST + 0x84, 4, 1u << 16, S);       /* INTID 48 Non-secure Group 1 */
    wr(DIST + 0x400 + 48, 1, 0xa0, NS);
    g_assert_cmpuint(rd(DIST + 0x400 + 48, 1, S), ==, 0xd0);
    g_assert_cmpuint(rd(DIST + 0x400 + 48, 1, NS), ==, 0xa0);
    wr(DIST + 0x430, 4, 0x10203040, S);    /* word access to INTIDs 48..51 */
    g_assert_cmpuint(rd(DIST + 0x430, 4, S), ==, 0x10203040);
    g_assert_cmpuint(rd(DIST + 0x400 + 49, 1, S), ==, 0x30);
}

/* ICFGR: SGIs edge and read-only (GIC spec 12.11.8), SPIs reset level and configurable. */
static void test_icfgr(void)
{
    setup();
    g_assert_cmpuint(rd(SGI + 0xc00, 4, S), ==, 0xaaaaaaaa);
    wr(SGI + 0xc00, 4, 0, S);
    g_assert_cmpuint(rd(SGI + 0xc00, 4, S), ==, 0xaaaaaaaa);
    g_assert_cmpuint(rd(DIST + 0xc08, 4, S), ==, 0);
    wr(DIST + 0xc08, 4, 0x0000000a, S);    /* INTIDs 32, 33 edge */
    g_assert_cmpuint(rd(DIST + 0xc08, 4, S), ==, 0xa);
    g_assert_cmpuint(rd(DIST + 0xc08, 4, NS), ==, 0);  /* Secure interrupts: RAZ to NS */
}

/* GICR_WAKER handshake, Secure only (GIC spec 12.10.25). */
static void test_waker(void)
{
    setup();
    g_assert_cmpuint(rd(REDIST + 0x14, 4, S), ==, 0x6);
    wr(REDIST + 0x14, 4, 0, NS);
    g_assert_cmpuint(rd(REDIST + 0x14, 4, S), ==, 0x6);
    g_assert_cmpuint(rd(REDIST + 0x14, 4, NS), ==, 0);
    wr(REDIST + 0x14, 4, 0, S);
    g_assert_cmpuint(rd(REDIST + 0x14, 4, S), ==, 0);
    wr(REDIST + 0x14, 4, 0x2, S);
    g_assert_cmpuint(rd(REDIST + 0x14, 4, S), ==, 0x6);
}

/* Non-secure Group 1 level interrupt at NS EL1: IRQ, acknowledge, EOI, re-pend while the
 * line is high (GIC spec 4.1.1, 4.6.2). */
static void test_g1ns_flow(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x80);
    at(1, true);
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
    g_assert_cmpuint(sysrd(HPPIR1), ==, 40);
    g_assert_cmpuint(sysrd(HPPIR0), ==, 1023);
    g_assert_cmpuint(sysrd(IAR0), ==, 1023);           /* not a Group 0 interrupt */
    g_assert_cmpuint(sysrd(IAR1), ==, 40);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    g_assert_cmpuint(sysrd(RPR), ==, 0x80);
    g_assert_cmpuint(rd(DIST + 0x304, 4, NS), ==, 1u << 8);    /* ISACTIVER1 */
    g_assert_cmpuint(rd(DIST + 0x204, 4, NS), ==, 1u << 8);    /* still pending: level */
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);           /* active and pending: not again */
    syswr(EOIR1, 40);
    g_assert_cmpuint(sysrd(RPR), ==, 0xff);
    g_assert_cmpuint(rd(DIST + 0x304, 4, NS), ==, 0);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);         /* line still high */
    qemu_set_irq(gicv3_spi(gic, 8), 0);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);
}

/* IRQ or FIQ by group and current state (GIC spec 4.6.2, Table 4-4). */
static void test_irq_fiq_routing(void)
{
    setup();
    enable_all();
    config_irq(33, 0, 0x10);       /* Group 0 */
    config_irq(34, 1, 0x20);       /* Secure Group 1 */
    config_irq(35, 2, 0x30);       /* Non-secure Group 1 */

    qemu_set_irq(gicv3_spi(gic, 3), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);         /* G1NS at EL3: FIQ */
    at(3, true);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);
    g_assert_cmpuint(sysrd(HPPIR0), ==, 1021);          /* EL3 sees "Non-secure Group 1" */
    at(1, true);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
    at(1, false);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);         /* other state's Group 1: FIQ */
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);           /* Secure EL1 cannot take G1NS */

    qemu_set_irq(gicv3_spi(gic, 2), 1);                /* higher priority G1S */
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);         /* Secure EL1: its own Group 1 */
    at(1, true);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);
    at(3, false);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);         /* every Group 1 is FIQ at EL3 */
    g_assert_cmpuint(sysrd(HPPIR0), ==, 1020);
    g_assert_cmpuint(sysrd(IAR0), ==, 1020);           /* EL3: special INTID, no ack */
    g_assert_cmpuint(rd(DIST + 0x304, 4, S), ==, 0);

    qemu_set_irq(gicv3_spi(gic, 1), 1);                /* highest: Group 0 */
    at(1, true);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);
    at(1, false);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);
    g_assert_cmpuint(sysrd(IAR0), ==, 33);
    g_assert_cmpuint(sysrd(RPR), ==, 0x10);
    /* 34 (prio 0x20) cannot preempt the active 0x10 */
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    syswr(EOIR0, 33);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);         /* level still high: pending again */
    qemu_set_irq(gicv3_spi(gic, 1), 0);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);         /* now 34, Secure Group 1 */
}

/* Preemption uses the group priority from the binary point (GIC spec 4.8.3). */
static void test_preemption_bpr(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x88);
    config_irq(41, 2, 0x80);
    at(1, true);
    g_assert_cmpuint(sysrd(BPR1), ==, 3);              /* reset: the NS minimum */
    syswr(BPR1, 0);
    g_assert_cmpuint(sysrd(BPR1), ==, 3);              /* clamped to the minimum */
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    g_assert_cmpuint(sysrd(IAR1), ==, 40);
    g_assert_cmpuint(sysrd(RPR), ==, 0x88);
    qemu_set_irq(gicv3_spi(gic, 9), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);         /* 0x80 < 0x88: preempts */
    qemu_set_irq(gicv3_spi(gic, 9), 0);
    syswr(EOIR1, 40);

    syswr(BPR1, 4);                                    /* group priority = bits [7:4] */
    g_assert_cmpuint(sysrd(IAR1), ==, 40);
    g_assert_cmpuint(sysrd(RPR), ==, 0x80);
    qemu_set_irq(gicv3_spi(gic, 9), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);           /* same group priority: no preemption */
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);
    syswr(EOIR1, 40);
    g_assert_cmpuint(sysrd(IAR1), ==, 41);
    syswr(EOIR1, 41);
    qemu_set_irq(gicv3_spi(gic, 9), 0);
    qemu_set_irq(gicv3_spi(gic, 8), 0);

    /* Mixed binary points: a Group 0 interrupt active at 0x88 (BPR0 = 2, all five bits are
     * group bits) is preempted by a Group 1 interrupt of priority 0x90 when BPR1 = 7 makes
     * its group priority 0x80. */
    config_irq(42, 0, 0x88);
    config_irq(43, 2, 0x90);
    qemu_set_irq(gicv3_spi(gic, 10), 1);
    g_assert_cmpuint(sysrd(IAR0), ==, 1023);            /* Group 0 is Secure: not from NS */
    at(3, false);
    g_assert_cmpuint(sysrd(IAR0), ==, 42);
    g_assert_cmpuint(sysrd(RPR), ==, 0x88);
    at(1, true);
    qemu_set_irq(gicv3_spi(gic, 11), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);            /* BPR1 = 4: group 0x90 > 0x88 */
    syswr(BPR1, 7);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
    g_assert_cmpuint(sysrd(IAR1), ==, 43);
    g_assert_cmpuint(sysrd(RPR), ==, 0x80);
}

/* ICC_PMR_EL1 masking and the Non-secure view when SCR_EL3.FIQ = 1 (GIC spec 4.8.6). */
static void test_pmr(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x80);
    at(1, true);
    syswr(PMR, 0x80);
    g_assert_cmpuint(sysrd(PMR), ==, 0x80);
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);           /* priority must be below the mask */
    g_assert_cmpuint(sysrd(HPPIR1), ==, 40);           /* HPPIR ignores the mask */
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);
    syswr(PMR, 0x88);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);

    env.scr_el3 |= SCR_FIQ;
    syswr(PMR, 0xff);
    g_assert_cmpuint(sysrd(PMR), ==, 0xf0);
    at(3, false);
    g_assert_cmpuint(sysrd(PMR), ==, 0xf8);            /* (0xff >> 1) | 0x80, 5 bits */
    syswr(PMR, 0x40);
    at(1, true);
    g_assert_cmpuint(sysrd(PMR), ==, 0);               /* Secure value hidden */
    syswr(PMR, 0xff);                                  /* and not writable */
    at(3, false);
    g_assert_cmpuint(sysrd(PMR), ==, 0x40);
}

/* EOImode = 1 splits priority drop (EOIR) from deactivation (DIR) (GIC spec 4.1.2). */
static void test_eoimode(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x80);
    at(1, true);
    syswr(CTLR1, 0x2);
    g_assert_cmpuint(sysrd(CTLR1) & 0x3, ==, 0x2);
    g_assert_cmpuint((sysrd(CTLR1) >> 8) & 7, ==, 4);  /* PRIbits: 5 bits */
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    qemu_set_irq(gicv3_spi(gic, 8), 0);
    wr(DIST + 0x204, 4, 1u << 8, NS);                  /* make it pending by software */
    g_assert_cmpuint(sysrd(IAR1), ==, 40);
    syswr(EOIR1, 40);
    g_assert_cmpuint(sysrd(RPR), ==, 0xff);
    g_assert_cmpuint(rd(DIST + 0x304, 4, NS), ==, 1u << 8);   /* still active */
    syswr(DIR, 40);
    g_assert_cmpuint(rd(DIST + 0x304, 4, NS), ==, 0);
    /* the Secure bank is separate */
    at(3, false);
    g_assert_cmpuint(sysrd(CTLR3) & 0x1c, ==, 0x10);   /* EOImode_EL1NS only */
}

/* SGI generation and GICR_NSACR (GIC spec 12.2.21, 12.11.10). */
static void test_sgi(void)
{
    setup();
    enable_all();
    config_irq(3, 2, 0x40);        /* SGI 3: Non-secure Group 1 */
    config_irq(5, 0, 0x20);        /* SGI 5: Group 0 */
    at(1, true);
    syswr(SGI1R, 3ull << 24 | 0x2);                    /* TargetList bit 1: not this PE */
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    syswr(SGI1R, 3ull << 24 | 0x1);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
    g_assert_cmpuint(sysrd(IAR1), ==, 3);
    syswr(EOIR1, 3);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);           /* edge: no longer pending */

    syswr(SGI0R, 5ull << 24 | 0x1);                    /* NS to a Group 0 SGI, NSACR 0 */
    g_assert_cmpuint(rd(SGI + 0x200, 4, S) & (1u << 5), ==, 0);
    wr(SGI + 0xe00, 4, 1u << 10, S);                   /* NSACR field 5 = 1 */
    g_assert_cmpuint(rd(SGI + 0xe00, 4, NS), ==, 0);   /* Secure-only register */
    syswr(SGI0R, 5ull << 24 | 0x1);
    g_assert_cmpuint(rd(SGI + 0x200, 4, S) & (1u << 5), !=, 0);
    g_assert_cmpuint(stub_cpu_lines, ==, FIQ);
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);
    g_assert_cmpuint(sysrd(IAR0), ==, 1023);            /* Secure Group 0: not from NS */
    at(3, true);
    g_assert_cmpuint(sysrd(IAR0), ==, 5);
}

/* EL3 sees and completes both Group 1s through the Group 1 registers; Secure EL1 only its own
 * (GIC spec pseudocode CheckGroup1ForSpecialIdentifiers, ICC_EOIR1_EL1). */
static void test_el3_group1(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x80);
    config_irq(41, 1, 0x90);
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    at(1, false);
    g_assert_cmpuint(sysrd(HPPIR1), ==, 1023);          /* Secure EL1: not NS Group 1 */
    at(3, true);
    g_assert_cmpuint(sysrd(IAR1), ==, 40);              /* EL3 acknowledges NS Group 1 */
    g_assert_cmpuint(sysrd(RPR), ==, 0x80);
    at(1, false);
    syswr(EOIR1, 40);                                   /* Secure EL1 may not complete it */
    g_assert_cmpuint(sysrd(RPR), ==, 0x80);
    at(3, false);
    syswr(EOIR1, 40);
    g_assert_cmpuint(sysrd(RPR), ==, 0xff);
    g_assert_cmpuint(rd(DIST + 0x304, 4, S), ==, 0);
    qemu_set_irq(gicv3_spi(gic, 8), 0);

    qemu_set_irq(gicv3_spi(gic, 9), 1);
    at(1, true);
    g_assert_cmpuint(sysrd(HPPIR1), ==, 1023);          /* NS: not Secure Group 1 */
    at(3, true);
    g_assert_cmpuint(sysrd(IAR1), ==, 41);              /* whatever SCR_EL3.NS says */
    at(1, true);
    syswr(EOIR1, 41);                                   /* Non-secure may not complete it */
    g_assert_cmpuint(rd(DIST + 0x304, 4, S), ==, 1u << 9);
    at(3, true);
    syswr(EOIR1, 41);
    g_assert_cmpuint(rd(DIST + 0x304, 4, S), ==, 0);
}

/* Trap and UNDEFINED rules of gicv3_cpuif_sysreg (GIC spec 12.2 "Traps and enables"). */
static void test_traps(void)
{
    uint64_t v = 0;
    uint32_t t = 0;

    setup();
    g_assert_false(gicv3_cpuif_sysreg(&env, GICV3_ENC(3, 0, 12, 11, 0), false, &v, &t));
    g_assert_false(gicv3_cpuif_sysreg(&env, GICV3_ENC(3, 0, 1, 0, 0), false, &v, &t));
    at(0, true);
    g_assert_cmpuint(sys_verdict(PMR, false), ==, GICV3_ACCESS_UNDEF);
    at(1, true);
    g_assert_cmpuint(sys_verdict(SRE3, false), ==, GICV3_ACCESS_UNDEF);
    g_assert_cmpuint(sys_verdict(CTLR3, true), ==, GICV3_ACCESS_UNDEF);
    g_assert_cmpuint(sys_verdict(AP0R1, false), ==, GICV3_ACCESS_UNDEF);
    g_assert_cmpuint(sys_verdict(EOIR1, false), ==, GICV3_ACCESS_UNDEF);   /* write-only */
    g_assert_cmpuint(sys_verdict(IAR1, true), ==, GICV3_ACCESS_UNDEF);     /* read-only */
    g_assert_cmpuint(sys_verdict(ICH_HCR, false), ==, GICV3_ACCESS_UNDEF);
    g_assert_cmpuint(sysrd(SRE1), ==, 0x7);
    env.scr_el3 |= SCR_IRQ | SCR_FIQ;
    g_assert_cmpuint(sys_verdict(PMR, false), ==, 3);
    g_assert_cmpuint(sys_verdict(IAR1, false), ==, 3);
    at(3, false);
    g_assert_cmpuint(sys_verdict(PMR, false), ==, GICV3_ACCESS_OK);
    env.scr_el3 &= ~(SCR_IRQ | SCR_FIQ);
    at(1, true);
    env.hcr_el2 = HCR_IMO;
    g_assert_cmpuint(sys_verdict(SGI1R, true), ==, 2);
    g_assert_cmpuint(sys_verdict(IAR1, false), ==, GICV3_ACCESS_OK);       /* ICV_IAR1 */
    g_assert_cmpuint(sys_verdict(IAR0, false), ==, GICV3_ACCESS_OK);       /* FMO clear */
}

/* Banked ICC_IGRPEN1_EL1 and its EL3 alias; CBPR (GIC spec 12.2.13, 12.2.5). */
static void test_banking(void)
{
    setup();
    at(1, true);
    syswr(IGRPEN1, 1);
    at(1, false);
    g_assert_cmpuint(sysrd(IGRPEN1), ==, 0);
    syswr(IGRPEN1, 1);
    at(3, false);
    g_assert_cmpuint(sysrd(IGRPEN13), ==, 3);
    syswr(IGRPEN13, 2);
    at(1, true);
    g_assert_cmpuint(sysrd(IGRPEN1), ==, 0);
    at(3, false);
    syswr(CTLR3, 0x2);                                  /* CBPR_EL1NS */
    syswr(BPR0, 5);
    at(1, true);
    g_assert_cmpuint(sysrd(BPR1), ==, 6);               /* BPR0 + 1 */
    syswr(BPR1, 7);
    g_assert_cmpuint(sysrd(BPR1), ==, 6);               /* write ignored */
    syswr(CTLR1, 0x1);                                  /* CBPR RO at EL1 with EL3 */
    g_assert_cmpuint(sysrd(CTLR1) & 1, ==, 1);
}

/* GICD_IROUTER affinity routing (GIC spec 12.9.22). */
static void test_irouter(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x80);
    at(1, true);
    wr(DIST + 0x6000 + 8 * 40, 8, 0x1, S);              /* Aff0 = 1: another PE */
    g_assert_cmpuint(rd(DIST + 0x6000 + 8 * 40, 8, NS), ==, 0x1);
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    wr(DIST + 0x6000 + 8 * 40, 4, 1u << 31, NS);        /* IRM: any PE */
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
    wr(DIST + 0x6000 + 8 * 40, 8, 0xffffffffffffffffull, S);
    g_assert_cmpuint(rd(DIST + 0x6000 + 8 * 40, 8, S), ==, 0xff80ffffffull);
    wr(DIST + 0x6000 + 8 * 41, 8, 0x1, NS);             /* INTID 41 is Secure: WI */
    g_assert_cmpuint(rd(DIST + 0x6000 + 8 * 41, 8, S), ==, 0);
}

/* Edge-triggered SPIs latch the rising edge; ICPENDR clears it (GIC spec 4.1.1). */
static void test_edge(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x80);
    wr(DIST + 0xc08, 4, 2u << 16, S);                   /* INTID 40 edge */
    at(1, true);
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    qemu_set_irq(gicv3_spi(gic, 8), 0);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
    wr(DIST + 0x284, 4, 1u << 8, NS);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    g_assert_cmpuint(sysrd(IAR1), ==, 40);
    syswr(EOIR1, 40);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);            /* no new edge */
}

/* PPIs and the disabled-group rule (GIC spec 4.7.1): a disabled group is not forwarded. */
static void test_ppi_and_group_enable(void)
{
    setup();
    enable_all();
    config_irq(27, 2, 0x80);
    at(1, true);
    g_assert_null(gicv3_ppi(gic, 15));
    g_assert_null(gicv3_spi(gic, 64));
    qemu_set_irq(gicv3_ppi(gic, 27), 1);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
    syswr(IGRPEN1, 0);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    syswr(IGRPEN1, 1);
    wr(DIST, 4, 0, NS);                                 /* EnableGrp1NS off */
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    g_assert_cmpuint(sysrd(HPPIR1), ==, 1023);
}

/* Bad sizes and offsets are logged and harmless. */
static void test_bad_accesses(void)
{
    setup();
    g_assert_cmpuint(rd(DIST + 0x2, 2, S), ==, 0);
    wr(DIST + 0x1, 1, 0xff, S);
    g_assert_cmpuint(rd(DIST, 4, S), ==, 0x30);
    g_assert_cmpuint(rd(DIST + 0x8000, 4, S), ==, 0);
    wr(REDIST + 0x8000, 4, 1, NS);
    g_assert_cmpuint(rd(SGI + 0x5000, 4, NS), ==, 0);
    g_assert_cmpuint(rd(SGI + 0x400 + 3, 1, S), ==, 0);
}

/* A single Security state (GICD_CTLR.DS = 1): Non-secure accesses see everything. */
static void test_single_security(void)
{
    setup();
    gicv3_set_single_security(gic);
    g_assert_cmpuint(rd(DIST, 4, NS) & 0x40, ==, 0x40);
    g_assert_cmpuint((rd(DIST + 0x4, 4, NS) >> 10) & 1, ==, 0);
    wr(DIST + 0x84, 4, 0xffffffff, NS);
    g_assert_cmpuint(rd(DIST + 0x84, 4, NS), ==, 0xffffffff);
    wr(REDIST + 0x14, 4, 0, NS);
    g_assert_cmpuint(rd(REDIST + 0x14, 4, NS), ==, 0);
    gicv3_reset(gic);                                   /* a board property: kept */
    g_assert_cmpuint(rd(DIST, 4, NS) & 0x40, ==, 0x40);
    g_assert_cmpuint(rd(DIST + 0x84, 4, NS), ==, 0);
}

/* System reset returns configuration and CPU interface state to their reset values but keeps
 * the input levels (a device still asserting its line is pending again once enabled). */
static void test_reset(void)
{
    setup();
    enable_all();
    config_irq(40, 2, 0x80);
    at(1, true);
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    g_assert_cmpuint(sysrd(IAR1), ==, 40);
    gicv3_reset(gic);
    g_assert_cmpuint(stub_cpu_lines, ==, 0);
    g_assert_cmpuint(rd(DIST, 4, S), ==, 0x30);
    g_assert_cmpuint(rd(REDIST + 0x14, 4, S), ==, 0x6);
    g_assert_cmpuint(sysrd(RPR), ==, 0xff);
    g_assert_cmpuint(sysrd(PMR), ==, 0);
    g_assert_cmpuint(rd(DIST + 0x304, 4, S), ==, 0);
    g_assert_cmpuint(rd(DIST + 0x204, 4, S), ==, 1u << 8);  /* line still high: pending */
    enable_all();
    config_irq(40, 2, 0x80);
    at(1, true);
    g_assert_cmpuint(stub_cpu_lines, ==, IRQ);
}

#define ICH_AP0R1 GICV3_ENC(3, 4, 12, 8, 1)
#define ICH_VTR   GICV3_ENC(3, 4, 12, 11, 1)
#define ICH_MISR  GICV3_ENC(3, 4, 12, 11, 2)
#define ICH_EISR  GICV3_ENC(3, 4, 12, 11, 3)
#define ICH_ELRSR GICV3_ENC(3, 4, 12, 11, 5)
#define ICH_VMCR  GICV3_ENC(3, 4, 12, 11, 7)
#define ICH_LR(n) GICV3_ENC(3, 4, 12, 12 + ((n) >> 3), (n) & 7)
#define HCR_FMO   (1ull << 3)

#define LR_PENDING (1ull << 62)
#define LR_ACTIVE  (1ull << 63)
#define LR_HW      (1ull << 61)
#define LR_G1      (1ull << 60)
#define LR_EOI     (1ull << 41)
#define LR_PRIO(p) ((uint64_t)(p) << 48)

/* Virtual CPU interface (GIC spec chapter 6, 12.4, 12.5): list registers, ICV acknowledge and
 * EOI, vIRQ/vFIQ, hardware deactivation, EOIcount and the maintenance interrupt. */
static void test_virtual_cpuif(void)
{
    setup();
    enable_all();
    config_irq(25, 2, 0x20);                             /* maintenance PPI, NS Group 1 */
    config_irq(40, 2, 0x80);
    at(2, true);
    g_assert_cmpuint(sysrd(ICH_VTR) & 0x1f, ==, 3);      /* four list registers */
    g_assert_cmpuint((sysrd(ICH_VTR) >> 26) & 7, ==, 4); /* PREbits: 5 */
    g_assert_cmpuint(sysrd(ICH_ELRSR), ==, 0xf);
    g_assert_cmpuint(sys_verdict(ICH_AP0R1, false), ==, GICV3_ACCESS_UNDEF);
    g_assert_cmpuint(sys_verdict(ICH_LR(4), false), ==, GICV3_ACCESS_UNDEF);
    g_assert_cmpuint(sys_verdict(ICH_VTR, true), ==, GICV3_ACCESS_UNDEF);
    syswr(ICH_VMCR, 0xffu << 24 | 0x2);                  /* VPMR 0xff, VENG1 */
    g_assert_cmpuint(sysrd(ICH_VMCR) >> 24, ==, 0xf8);
    g_assert_cmpuint((sysrd(ICH_VMCR) >> 18) & 7, ==, 3);   /* VBPR1 minimum */
    syswr(ICH_LR(0), LR_PENDING | LR_G1 | LR_PRIO(0x80) | 100);
    g_assert_cmpuint(stub_cpu_lines & CPU_INTERRUPT_VIRQ, ==, 0);   /* ICH_HCR.En = 0 */
    syswr(ICH_HCR, 1);
    g_assert_cmpuint(stub_cpu_lines & CPU_INTERRUPT_VIRQ, ==, CPU_INTERRUPT_VIRQ);
    g_assert_cmpuint(sysrd(ICH_ELRSR), ==, 0xe);

    env.hcr_el2 = HCR_IMO | HCR_FMO;
    at(1, true);
    g_assert_cmpuint(sys_verdict(ICH_HCR, false), ==, GICV3_ACCESS_UNDEF);
    g_assert_cmpuint(sysrd(HPPIR1), ==, 100);
    g_assert_cmpuint(sysrd(IAR0), ==, 1023);
    g_assert_cmpuint(sysrd(IAR1), ==, 100);
    g_assert_cmpuint(stub_cpu_lines & CPU_INTERRUPT_VIRQ, ==, 0);
    g_assert_cmpuint(sysrd(RPR), ==, 0x80);
    syswr(EOIR1, 100);
    g_assert_cmpuint(sysrd(RPR), ==, 0xff);
    at(2, true);
    g_assert_cmpuint(sysrd(ICH_LR(0)) >> 62, ==, 0);    /* invalid again */

    /* Group 0 is a vFIQ; a hardware LR deactivates its physical interrupt on EOI */
    qemu_set_irq(gicv3_spi(gic, 8), 1);
    g_assert_cmpuint(sysrd(IAR1), ==, 40);               /* the hypervisor takes INTID 40 */
    syswr(EOIR1, 40);                                    /* drop only: EOImode 0 deactivates */
    wr(DIST + 0x304, 4, 1u << 8, NS);                    /* keep it active for the guest */
    qemu_set_irq(gicv3_spi(gic, 8), 0);
    syswr(ICH_VMCR, 0xffu << 24 | 0x3);
    syswr(ICH_LR(1), LR_PENDING | LR_HW | (40ull << 32) | LR_PRIO(0x40) | 41);
    g_assert_cmpuint(stub_cpu_lines & CPU_INTERRUPT_VFIQ, ==, CPU_INTERRUPT_VFIQ);
    at(1, true);
    g_assert_cmpuint(sysrd(IAR1), ==, 1023);
    g_assert_cmpuint(sysrd(IAR0), ==, 41);
    syswr(EOIR0, 41);
    g_assert_cmpuint(rd(DIST + 0x304, 4, NS), ==, 0);   /* physical 40 deactivated */
    g_assert_cmpuint(stub_cpu_lines & CPU_INTERRUPT_VFIQ, ==, 0);

    /* EOI of an interrupt in no list register counts in EOIcount; LRENPIE raises the
     * maintenance interrupt */
    syswr(AP1R0, 1u << 4);               /* pretend 0x20 is active */
    syswr(EOIR1, 77);
    at(2, true);
    g_assert_cmpuint(sysrd(ICH_HCR) >> 27, ==, 1);
    g_assert_cmpuint(sysrd(ICH_MISR), ==, 0);
    syswr(ICH_HCR, sysrd(ICH_HCR) | 0x4);
    g_assert_cmpuint(sysrd(ICH_MISR), ==, 0x4);
    g_assert_cmpuint(rd(SGI + 0x200, 4, S) & (1u << 25), !=, 0);   /* PPI 25 pending */
    g_assert_cmpuint(stub_cpu_lines & IRQ, ==, IRQ);
    syswr(ICH_HCR, 1);
    g_assert_cmpuint(rd(SGI + 0x200, 4, S) & (1u << 25), ==, 0);

    /* an LR with the EOI bit reports in ICH_EISR_EL2 once deactivated */
    syswr(ICH_LR(2), LR_PENDING | LR_G1 | LR_EOI | LR_PRIO(0x80) | 50);
    at(1, true);
    g_assert_cmpuint(sysrd(IAR1), ==, 50);
    syswr(EOIR1, 50);
    at(2, true);
    g_assert_cmpuint(sysrd(ICH_EISR), ==, 1u << 2);
    g_assert_cmpuint(sysrd(ICH_MISR) & 1, ==, 1);
    g_assert_cmpuint(sysrd(ICH_ELRSR) & (1u << 2), ==, 0);

    /* ICH_HCR_EL2.TALL1 traps EL1 Group 1 accesses to EL2 */
    syswr(ICH_HCR, 1u | 1u << 12);
    at(1, true);
    g_assert_cmpuint(sys_verdict(IAR1, false), ==, 2);
    g_assert_cmpuint(sys_verdict(IAR0, false), ==, GICV3_ACCESS_OK);
}

static uint64_t sys_on(CPUARMState *e, uint32_t enc, bool is_write, uint64_t v)
{
    uint32_t t = 12345;
    g_assert_true(gicv3_cpuif_sysreg(e, enc, is_write, &v, &t));
    g_assert_cmpuint(t, ==, GICV3_ACCESS_OK);
    return v;
}

/* Two PEs: one redistributor frame each (GICR_TYPER.Last on the final one), SGIs by target
 * list and IRM, SPIs by GICD_IROUTER affinity or to any PE with IRM (GIC spec 12.9.22,
 * 12.10.29, 12.2.22). */
static void test_two_pes(void)
{
    static CPUARMState e[2];
    CPUARMState *cpus[2] = { &e[0], &e[1] };
    AddressSpace *views[2] = { &as_s, &as_ns };
    GICv3State *g;

    memset(e, 0, sizeof(e));
    address_space_init(&as_s, "secure");
    address_space_init(&as_ns, "non-secure");
    for (int i = 0; i < 2; i++) {
        e[i].features.has_el3 = e[i].features.has_el2 = true;
        e[i].features.mpidr = 0x80000000u | (unsigned)i;
        e[i].el = 3;
    }
    g = gicv3_create_smp(cpus, 2, DIST, REDIST, 64, views, 2);
    g_assert_nonnull(g);
    g_assert_cmpuint(rd(REDIST + 0x8, 8, NS), ==, 0);                 /* PE 0, not Last */
    g_assert_cmpuint(rd(REDIST + 0x20008, 8, NS), ==, 1ull << 32 | 1u << 8 | 1u << 4);
    {
        uint64_t v;                                                    /* nothing beyond */
        g_assert_cmpint(address_space_ld(&as_ns, REDIST + 0x40008, 8, &v, NS), ==,
                        MEMTX_DECODE_ERROR);
    }

    wr(DIST, 4, 0x7, S);
    wr(DIST + 0x84, 4, 0xffffffff, S);                                 /* SPIs NS Group 1 */
    wr(DIST + 0x104, 4, 0xffffffff, S);
    for (int i = 0; i < 2; i++) {
        uint64_t sgi = REDIST + 0x20000 * (uint64_t)i + 0x10000;
        wr(sgi + 0x80, 4, 0xffffffff, S);                              /* all NS Group 1 */
        wr(sgi + 0x100, 4, 0xffffffff, S);
        sys_on(&e[i], IGRPEN13, true, 3);
        sys_on(&e[i], PMR, true, 0xff);
        e[i].el = 1;
        e[i].scr_el3 = SCR_NS;
        gicv3_cpuif_el_change(&e[i]);
    }

    sys_on(&e[0], SGI1R, true, 3ull << 24 | 0x2);                      /* SGI 3 to Aff0 = 1 */
    g_assert_cmpuint(e[0].interrupt_request, ==, 0);
    g_assert_cmpuint(e[1].interrupt_request, ==, IRQ);
    g_assert_cmpuint(sys_on(&e[1], IAR1, false, 0), ==, 3);
    sys_on(&e[1], EOIR1, true, 3);
    sys_on(&e[1], SGI1R, true, 5ull << 24 | 1ull << 40);               /* IRM: all but self */
    g_assert_cmpuint(e[0].interrupt_request, ==, IRQ);
    g_assert_cmpuint(e[1].interrupt_request, ==, 0);
    g_assert_cmpuint(sys_on(&e[0], IAR1, false, 0), ==, 5);
    sys_on(&e[0], EOIR1, true, 5);

    qemu_set_irq(gicv3_ppi_cpu(g, 1, 27), 1);                          /* a PPI of PE 1 */
    g_assert_cmpuint(e[0].interrupt_request, ==, 0);
    g_assert_cmpuint(e[1].interrupt_request, ==, IRQ);
    g_assert_cmpuint(rd(REDIST + 0x10200, 4, NS) & (1u << 27), ==, 0);
    g_assert_cmpuint(rd(REDIST + 0x30200, 4, NS) & (1u << 27), !=, 0);
    qemu_set_irq(gicv3_ppi_cpu(g, 1, 27), 0);
    g_assert_null(gicv3_ppi_cpu(g, 2, 27));

    wr(DIST + 0x6000 + 8 * 40, 8, 0x1, NS);                            /* INTID 40 to PE 1 */
    qemu_set_irq(gicv3_spi(g, 8), 1);
    g_assert_cmpuint(e[0].interrupt_request, ==, 0);
    g_assert_cmpuint(e[1].interrupt_request, ==, IRQ);
    wr(DIST + 0x6000 + 8 * 40, 4, 1u << 31, NS);                       /* IRM: any PE */
    g_assert_cmpuint(e[0].interrupt_request, ==, IRQ);
    g_assert_cmpuint(sys_on(&e[0], IAR1, false, 0), ==, 40);            /* PE 0 takes it */
    g_assert_cmpuint(e[1].interrupt_request, ==, 0);                   /* active: gone */
    g_assert_cmpuint(sys_on(&e[1], IAR1, false, 0), ==, 1023);
    qemu_set_irq(gicv3_spi(g, 8), 0);
    sys_on(&e[0], EOIR1, true, 40);
    g_assert_cmpuint(e[0].interrupt_request | e[1].interrupt_request, ==, 0);
}

/* Robustness: random MMIO accesses of every size and random CPU interface accesses at random
 * ELs must neither crash nor fail the bus transaction; architectural constants survive. */
static void test_random_accesses(void)
{
    static const unsigned sizes[4] = { 1, 2, 4, 8 };
    uint32_t x = 0x12345678;

    setup();
    for (int i = 0; i < 200000; i++) {
        uint64_t v = 0;
        uint32_t t;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        unsigned size = sizes[x & 3];
        MemTxAttrs a = (x & 4) ? S : NS;
        uint64_t off = (x >> 8) % (i & 1 ? 0x10000 : 0x20000);
        uint64_t base = i & 1 ? DIST : REDIST;
        off &= ~(uint64_t)(size - 1);
        if (base == DIST && off == 0 && (x & 0x40)) {
            continue;           /* keep DS clear so both security states stay exercised */
        }
        if (x & 8) {
            wr(base + off, size, (uint64_t)x * 0x9e3779b97f4a7c15ull, a);
        } else {
            rd(base + off, size, a);
        }
        env.el = (x >> 4) & 3;
        env.scr_el3 = x & 0x7;
        env.hcr_el2 = (x & 0x18) << 0;
        v = (uint64_t)x << 7;
        gicv3_cpuif_sysreg(&env, GICV3_ENC(3, (x >> 20) & 7, 12, 8 + ((x >> 23) & 7),
                                           (x >> 26) & 7), (x >> 29) & 1, &v, &t);
        if ((i & 1023) == 0) {
            qemu_set_irq(gicv3_spi(gic, (x >> 9) % 64), (x >> 3) & 1);
            qemu_set_irq(gicv3_ppi(gic, 16 + ((x >> 11) & 15)), (x >> 2) & 1);
        }
    }
    g_assert_cmpuint((rd(DIST + 0xffe8, 4, S) >> 4) & 0xf, ==, 3);
    g_assert_cmpuint(rd(DIST + 0x4, 4, S) & 0x1f, ==, 2);
    g_assert_cmpuint(rd(SGI + 0xc00, 4, S), ==, 0xaaaaaaaa);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qemu_loglevel = 0;
    g_test_add_func("/gicv3/id-registers", test_id_registers);
    g_test_add_func("/gicv3/ctlr-views", test_ctlr_views);
    g_test_add_func("/gicv3/ns-access-rules", test_ns_access_rules);
    g_test_add_func("/gicv3/priority-views", test_priority_views);
    g_test_add_func("/gicv3/icfgr", test_icfgr);
    g_test_add_func("/gicv3/waker", test_waker);
    g_test_add_func("/gicv3/g1ns-flow", test_g1ns_flow);
    g_test_add_func("/gicv3/irq-fiq-routing", test_irq_fiq_routing);
    g_test_add_func("/gicv3/preemption-bpr", test_preemption_bpr);
    g_test_add_func("/gicv3/pmr", test_pmr);
    g_test_add_func("/gicv3/eoimode", test_eoimode);
    g_test_add_func("/gicv3/sgi", test_sgi);
    g_test_add_func("/gicv3/el3-group1", test_el3_group1);
    g_test_add_func("/gicv3/traps", test_traps);
    g_test_add_func("/gicv3/banking", test_banking);
    g_test_add_func("/gicv3/irouter", test_irouter);
    g_test_add_func("/gicv3/edge", test_edge);
    g_test_add_func("/gicv3/ppi-group-enable", test_ppi_and_group_enable);
    g_test_add_func("/gicv3/bad-accesses", test_bad_accesses);
    g_test_add_func("/gicv3/single-security", test_single_security);
    g_test_add_func("/gicv3/virtual-cpuif", test_virtual_cpuif);
    g_test_add_func("/gicv3/reset", test_reset);
    g_test_add_func("/gicv3/random-accesses", test_random_accesses);
    g_test_add_func("/gicv3/two-pes", test_two_pes);
    return g_test_run();
}
