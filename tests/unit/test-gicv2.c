/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-gicv2.c: GICv2 distributor and CPU interface against IHI 0048B (section cited per
 * check): reset values, the Secure and Non-secure copies and views, SGIR, acknowledge, EOI,
 * preemption and the IRQ/FIQ lines. */
#include <glib.h>
#include <string.h>
#include "cpu-stubs.h"
#include "hw/intc/gicv2.h"
#include "qemu/log.h"

#define D       0x08000000ull
#define C       0x08010000ull
#define IRQ     CPU_INTERRUPT_IRQ
#define FIQ     CPU_INTERRUPT_FIQ

static const MemTxAttrs S = { .space = ARMSS_SECURE, .secure = true };
static const MemTxAttrs NS = { .space = ARMSS_NONSECURE, .secure = false };

static CPUARMState env;
static AddressSpace as_s, as_ns;
static GICv2State *gic;

static void setup(bool secext)
{
    AddressSpace *views[2] = { &as_s, &as_ns };

    memset(&env, 0, sizeof(env));
    address_space_init(&as_s, "secure");
    address_space_init(&as_ns, "non-secure");
    stub_cpu_lines = 0;
    gic = gicv2_create(&env, D, C, 64, secext, views, 2);
    g_assert_nonnull(gic);
}

static uint32_t rd(uint64_t pa, MemTxAttrs a)
{
    uint64_t v = 0xdeadbeef;
    g_assert_cmpint(address_space_ld(a.secure ? &as_s : &as_ns, pa, 4, &v, a), ==, MEMTX_OK);
    return (uint32_t)v;
}

static uint8_t rdb(uint64_t pa, MemTxAttrs a)
{
    uint64_t v = 0xdeadbeef;
    g_assert_cmpint(address_space_ld(a.secure ? &as_s : &as_ns, pa, 1, &v, a), ==, MEMTX_OK);
    return (uint8_t)v;
}

static void wr(uint64_t pa, uint32_t v, MemTxAttrs a)
{
    g_assert_cmpint(address_space_st(a.secure ? &as_s : &as_ns, pa, 4, v, a), ==, MEMTX_OK);
}

static void wrb(uint64_t pa, uint8_t v, MemTxAttrs a)
{
    g_assert_cmpint(address_space_st(a.secure ? &as_s : &as_ns, pa, 1, v, a), ==, MEMTX_OK);
}

/* Configure irq from Secure: group, priority, enabled. */
static void cfg(int irq, int g1, uint8_t prio)
{
    uint32_t g = rd(D + 0x80 + irq / 32 * 4, S) & ~(1u << (irq % 32));
    wr(D + 0x80 + irq / 32 * 4, g | (g1 ? 1u << (irq % 32) : 0), S);
    wrb(D + 0x400 + irq, prio, S);
    wr(D + 0x100 + irq / 32 * 4, 1u << (irq % 32), S);
}

static void enable_all(void)
{
    wr(D + 0x000, 3, S);
    wr(C + 0x00, 3 | 1u << 3, S);       /* EnableGrp0/1, FIQEn */
    wr(C + 0x04, 0xff, S);
}

/* 4.3.2, 4.3.5, 4.3.13, 4.4.x reset values and identification. */
static void test_reset_ids(void)
{
    setup(true);
    g_assert_cmphex(rd(D + 0x004, S), ==, (96 / 32 - 1) | 1u << 10);   /* ITLines, SecurityExtn */
    g_assert_cmphex(rd(D + 0x000, S), ==, 0);
    g_assert_cmphex(rd(D + 0x100, S), ==, 0xffff);     /* SGIs enabled (RAO/WI) */
    wr(D + 0x180, 0xffffffff, S);
    g_assert_cmphex(rd(D + 0x100, S), ==, 0xffff);
    g_assert_cmphex(rd(D + 0xc00, S), ==, 0xaaaaaaaa); /* SGIs edge, read-only */
    wr(D + 0xc00, 0, S);
    g_assert_cmphex(rd(D + 0xc00, S), ==, 0xaaaaaaaa);
    g_assert_cmphex(rd(D + 0xc04, S), ==, 0);          /* PPIs level at reset */
    g_assert_cmphex(rd(D + 0x800, S), ==, 0);          /* uniprocessor: ITARGETSR RAZ/WI */
    g_assert_cmphex((rd(D + 0xfe8, S) >> 4) & 0xf, ==, 2);
    g_assert_cmphex(rd(C + 0xfc, S), ==, 0x0002043b);
    g_assert_cmphex(rd(C + 0x14, S), ==, 0xff);        /* RPR idle */
    g_assert_cmphex(rd(C + 0x0c, S), ==, 1023);        /* IAR: nothing */
    setup(false);
    g_assert_cmphex(rd(D + 0x004, S) >> 10 & 1, ==, 0);
}

/* 4.3.1, 4.3.4, 4.3.11, 4.4.1, 4.4.2, 4.4.3: Non-secure copies and views. */
static void test_ns_views(void)
{
    setup(true);
    wr(D + 0x000, 3, S);
    g_assert_cmphex(rd(D + 0x000, NS), ==, 1);
    wr(D + 0x000, 0, NS);
    g_assert_cmphex(rd(D + 0x000, S), ==, 1);          /* NS cleared EnableGrp1 only */
    cfg(40, 1, 0xc0);
    cfg(41, 0, 0x40);
    g_assert_cmphex(rd(D + 0x084, NS), ==, 0);         /* IGROUPR RAZ/WI */
    wr(D + 0x084, 0, NS);
    g_assert_cmphex(rd(D + 0x084, S), ==, 1u << 8);
    g_assert_cmphex(rdb(D + 0x400 + 40, NS), ==, 0x80);    /* (0xc0 << 1) & 0xff */
    g_assert_cmphex(rdb(D + 0x400 + 41, NS), ==, 0);
    wrb(D + 0x400 + 40, 0x10, NS);
    g_assert_cmphex(rdb(D + 0x400 + 40, S), ==, 0x88); /* 0x80 | (0x10 >> 1) */
    wrb(D + 0x400 + 41, 0x10, NS);
    g_assert_cmphex(rdb(D + 0x400 + 41, S), ==, 0x40);
    g_assert_cmphex(rd(D + 0x104, NS), ==, 1u << 8);   /* only the Group 1 enable bit */
    wr(D + 0x184, 0xffffffff, NS);
    g_assert_cmphex(rd(D + 0x104, S), ==, 1u << 9);

    /* GICC_CTLR Non-secure copy: EnableGrp1 [0], bypass [6:5], EOImodeNS [9]. */
    wr(C + 0x00, 0x7ff, S);
    g_assert_cmphex(rd(C + 0x00, NS), ==, 0x261);
    wr(C + 0x00, 0, NS);
    g_assert_cmphex(rd(C + 0x00, S), ==, 0x7ff & ~(0x2u | 0x80 | 0x100 | 0x400));
    wr(C + 0x00, 0x21f, NS);
    g_assert_cmphex(rd(C + 0x00, S), ==, 0x7ff & ~(0x80u | 0x100u));   /* [4:1] WI */

    /* PMR (3.6.2): below 0x80 a NS read is 0 and a NS write ignored. */
    wr(C + 0x04, 0x40, S);
    g_assert_cmphex(rd(C + 0x04, NS), ==, 0);
    wr(C + 0x04, 0xff, NS);
    g_assert_cmphex(rd(C + 0x04, S), ==, 0x40);
    wr(C + 0x04, 0xf0, S);
    g_assert_cmphex(rd(C + 0x04, NS), ==, 0xe0);
    wr(C + 0x04, 0x20, NS);
    g_assert_cmphex(rd(C + 0x04, S), ==, 0x90);

    /* BPR: NS accesses reach GICC_ABPR (min 1); with CBPR they read BPR + 1, writes ignored. */
    wr(C + 0x00, 0, S);
    wr(C + 0x08, 2, S);
    wr(C + 0x08, 0, NS);
    g_assert_cmphex(rd(C + 0x08, NS), ==, 1);
    g_assert_cmphex(rd(C + 0x1c, S), ==, 1);
    g_assert_cmphex(rd(C + 0x1c, NS), ==, 0);          /* ABPR Secure-only */
    wr(C + 0x00, 1u << 4, S);
    g_assert_cmphex(rd(C + 0x08, NS), ==, 3);
    wr(C + 0x08, 5, NS);
    g_assert_cmphex(rd(C + 0x1c, S), ==, 1);
    g_assert_cmphex(rd(C + 0x08, S), ==, 2);
}

/* 4.3.15 GICD_SGIR, 4.3.14 SPENDSGIR/CPENDSGIR. */
static void test_sgir(void)
{
    setup(true);
    cfg(1, 0, 0x10);
    cfg(2, 1, 0x90);
    wr(D + 0xf00, 2u << 24 | 2, S);                   /* NSATT 0, Group 1 SGI: not sent */
    wr(D + 0xf00, 2u << 24 | 1u << 15 | 1, S);        /* NSATT 1, Group 0 SGI: not sent */
    wr(D + 0xf00, 1u << 24 | 1, S);                   /* all but self: nobody */
    wr(D + 0xf00, 0u << 24 | 2u << 16 | 1, S);        /* list without CPU 0 */
    wr(D + 0xf00, 2u << 24 | 1, NS);                  /* NS, Group 0 SGI: not sent */
    g_assert_cmphex(rd(D + 0x200, S) & 0xffff, ==, 0);
    wr(D + 0xf00, 1u << 16 | 1, S);                   /* list with CPU 0, NSATT 0 */
    wr(D + 0xf00, 2u << 24 | 2, NS);
    g_assert_cmphex(rd(D + 0x200, S) & 0xffff, ==, 0x6);
    g_assert_cmphex(rd(D + 0xf20, S), ==, 0x00010100);
    g_assert_cmphex(rd(D + 0xf20, NS), ==, 0x00010000);
    wrb(D + 0xf10 + 2, 1, NS);
    wrb(D + 0xf10 + 1, 1, NS);                        /* Group 0 from NS: ignored */
    g_assert_cmphex(rd(D + 0x200, S) & 0xffff, ==, 0x2);
    wr(D + 0x200, 1u << 3, S);                        /* ISPENDR cannot pend an SGI */
    g_assert_cmphex(rd(D + 0x200, S) & 0xffff, ==, 0x2);
    wrb(D + 0xf20 + 3, 1, S);
    g_assert_cmphex(rd(D + 0x200, S) & 0xffff, ==, 0xa);
}

/* 3.2.x signalling, 4.4.4 IAR / 1022 / AckCtl, aliases 4.4.11-13, 4.4.5 EOIR + EOImode. */
static void test_ack_groups(void)
{
    setup(true);
    enable_all();
    cfg(33, 0, 0x40);
    cfg(34, 1, 0x20);
    wr(D + 0x204, 1u << 1, S);                        /* pend SPI 33 (Group 0) */
    g_assert_cmphex(stub_cpu_lines, ==, FIQ);
    wr(C + 0x00, 3, S);                               /* FIQEn = 0: Group 0 as IRQ */
    g_assert_cmphex(stub_cpu_lines, ==, IRQ);
    wr(C + 0x00, 3 | 1u << 3, S);
    wr(D + 0x204, 1u << 2, S);                        /* Group 1 SPI 34, higher priority */
    g_assert_cmphex(stub_cpu_lines, ==, IRQ);
    g_assert_cmphex(rd(C + 0x18, S), ==, 1022);       /* Secure HPPIR, AckCtl 0 */
    g_assert_cmphex(rd(C + 0x18, NS), ==, 34);
    g_assert_cmphex(rd(C + 0x28, S), ==, 34);         /* AHPPIR */
    g_assert_cmphex(rd(C + 0x28, NS), ==, 0);
    g_assert_cmphex(rd(C + 0x0c, S), ==, 1022);       /* not acknowledged */
    g_assert_cmphex(rd(D + 0x304, S), ==, 0);
    g_assert_cmphex(rd(C + 0x20, S), ==, 34);         /* AIAR */
    g_assert_cmphex(rd(D + 0x304, S), ==, 1u << 2);
    g_assert_cmphex(rd(C + 0x14, S), ==, 0x20);
    g_assert_cmphex(rd(C + 0xe0, S), ==, 1u << 0x10); /* NSAPR0: group priority 0x20 */
    g_assert_cmphex(rd(C + 0xd0, S), ==, 0);
    g_assert_cmphex(stub_cpu_lines, ==, 0);           /* 0x40 cannot preempt 0x20 */
    wr(C + 0x10, 34, NS);                             /* NS EOIR of Group 1 */
    g_assert_cmphex(rd(D + 0x304, S), ==, 0);
    g_assert_cmphex(stub_cpu_lines, ==, FIQ);
    g_assert_cmphex(rd(C + 0x0c, NS), ==, 1023);      /* NS IAR cannot see Group 0 */
    g_assert_cmphex(rd(C + 0x0c, S), ==, 33);
    wr(C + 0x10, 33, NS);                             /* NS EOIR of Group 0: ignored */
    g_assert_cmphex(rd(C + 0x14, S), ==, 0x40);
    g_assert_cmphex(rd(C + 0xd4, S), ==, 1u);         /* APR1 bit 0: group priority 0x40 */
    wr(C + 0x00, rd(C + 0x00, S) | 1u << 9, S);       /* EOImodeS */
    wr(C + 0x10, 33, S);
    g_assert_cmphex(rd(C + 0x14, S), ==, 0xff);
    g_assert_cmphex(rd(D + 0x304, S), ==, 1u << 1);   /* still active */
    wr(C + 0x1000, 33, NS);                           /* NS DIR of Group 0: ignored */
    g_assert_cmphex(rd(D + 0x304, S), ==, 1u << 1);
    wr(C + 0x1000, 33, S);
    g_assert_cmphex(rd(D + 0x304, S), ==, 0);
    /* AckCtl = 1: the Secure IAR acknowledges Group 1 too. */
    wr(C + 0x00, 3 | 1u << 2 | 1u << 3, S);
    wr(D + 0x204, 1u << 2, S);
    g_assert_cmphex(rd(C + 0x0c, S), ==, 34);
    g_assert_cmphex(rd(C + 0xd0, NS), ==, 0);         /* 0x20 is not in the NS view */
    wr(C + 0x10, 34, S);
    g_assert_cmphex(rd(C + 0x14, S), ==, 0xff);
}

/* 3.3 preemption with BPR/ABPR/CBPR, PMR, RPR views, the APR Non-secure view. */
static void test_preemption(void)
{
    setup(true);
    enable_all();
    cfg(33, 0, 0x40);
    cfg(34, 0, 0x42);
    cfg(35, 1, 0xa0);
    cfg(36, 1, 0xa4);
    wr(D + 0x204, 1u << 1, S);
    g_assert_cmphex(rd(C + 0x0c, S), ==, 33);
    wr(D + 0x204, 1u << 2, S);                        /* 0x42: group prio 0x42 with BPR 0 */
    g_assert_cmphex(stub_cpu_lines, ==, 0);           /* 0x42 > 0x40: no preemption */
    wr(C + 0x10, 33, S);
    g_assert_cmphex(stub_cpu_lines, ==, FIQ);
    g_assert_cmphex(rd(C + 0x0c, S), ==, 34);
    wr(C + 0x10, 34, S);
    /* Group 1 with ABPR 3: 0xa0 and 0xa4 share group priority 0xa0. */
    wr(C + 0x1c, 3, S);
    wr(D + 0x204, 1u << 4, S);
    g_assert_cmphex(rd(C + 0x0c, NS), ==, 36);
    g_assert_cmphex(rd(C + 0x14, S), ==, 0xa0);
    g_assert_cmphex(rd(C + 0x14, NS), ==, 0x40);      /* (0xa0 << 1) & 0xff */
    g_assert_cmphex(rd(C + 0xd0, NS), ==, 1u << 16);  /* NS APR0 = NSAPR2: bit (0xa0>>1)-64 */
    wr(D + 0x204, 1u << 3, S);
    g_assert_cmphex(stub_cpu_lines, ==, 0);           /* 0xa0 does not preempt group 0xa0 */
    wr(C + 0x1c, 1, S);
    g_assert_cmphex(stub_cpu_lines, ==, 0);           /* running priority fixed at ack */
    wr(C + 0x10, 36, NS);
    g_assert_cmphex(rd(C + 0x14, S), ==, 0xff);
    g_assert_cmphex(stub_cpu_lines, ==, IRQ);
    wr(C + 0x00, rd(C + 0x00, S) | 1u << 4, S);       /* CBPR: BPR 0 governs Group 1 */
    g_assert_cmphex(rd(C + 0x0c, NS), ==, 35);
    g_assert_cmphex(rd(C + 0x14, NS), ==, 0x40);
    g_assert_cmphex(rd(C + 0xd0, NS), ==, 1u << 16);
    wr(C + 0x10, 35, NS);
    g_assert_cmphex(rd(C + 0x14, NS), ==, 0xfe);      /* idle 0xff through the NS view */
    /* PMR */
    wr(C + 0x04, 0x40, S);
    wr(D + 0x204, 1u << 1, S);
    g_assert_cmphex(stub_cpu_lines, ==, 0);
    g_assert_cmphex(rd(C + 0x0c, S), ==, 1023);
    wr(C + 0x04, 0x41, S);
    g_assert_cmphex(stub_cpu_lines, ==, FIQ);
    /* Disabled CPU-interface group: not signalled. */
    wr(C + 0x00, 2 | 1u << 3, S);
    g_assert_cmphex(stub_cpu_lines, ==, 0);
}

/* 1.4.2 / 4.3.8: level-sensitive and edge-triggered inputs. */
static void test_lines(void)
{
    setup(false);
    enable_all();
    cfg(30, 0, 0x10);
    qemu_set_irq(gicv2_ppi(gic, 30), 1);
    g_assert_cmphex(stub_cpu_lines, ==, FIQ);
    g_assert_cmphex(rd(C + 0x0c, S), ==, 30);
    wr(C + 0x10, 30, S);
    g_assert_cmphex(stub_cpu_lines, ==, FIQ);         /* level still high: pending again */
    wr(D + 0x280, 1u << 30, S);
    g_assert_cmphex(rd(D + 0x200, S) >> 30 & 1, ==, 1);   /* ICPENDR: line still asserted */
    qemu_set_irq(gicv2_ppi(gic, 30), 0);
    g_assert_cmphex(stub_cpu_lines, ==, 0);
    /* Edge-triggered SPI: latches on the rising edge, stays pending after the line drops. */
    cfg(40, 1, 0x20);
    wr(D + 0xc08, 2u << 16, S);
    g_assert_cmphex(rd(D + 0xc08, S), ==, 2u << 16);
    qemu_set_irq(gicv2_spi(gic, 8), 1);
    qemu_set_irq(gicv2_spi(gic, 8), 0);
    g_assert_cmphex(stub_cpu_lines, ==, IRQ);
    wr(C + 0x00, 3 | 1u << 2, S);
    g_assert_cmphex(rd(C + 0x0c, S), ==, 40);
    wr(C + 0x10, 40, S);
    g_assert_cmphex(stub_cpu_lines, ==, 0);
    g_assert_null(gicv2_spi(gic, 64));
    g_assert_null(gicv2_ppi(gic, 15));
    /* Without the Security Extensions "Non-secure" accesses see everything. */
    g_assert_cmphex(rd(D + 0x000, NS), ==, 3);
    g_assert_cmphex(rd(D + 0x080, NS), ==, 0);
    g_assert_cmphex(rd(D + 0x084, NS), ==, 1u << 8);
    gicv2_reset(gic);
    g_assert_cmphex(rd(D + 0x084, S), ==, 0);
    g_assert_cmphex(rd(C + 0x00, S), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gicv2/reset-ids", test_reset_ids);
    g_test_add_func("/gicv2/ns-views", test_ns_views);
    g_test_add_func("/gicv2/sgir", test_sgir);
    g_test_add_func("/gicv2/ack-groups", test_ack_groups);
    g_test_add_func("/gicv2/preemption", test_preemption);
    g_test_add_func("/gicv2/lines", test_lines);
    return g_test_run();
}
