/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GICv2 with the Security Extensions: GICD_SGIR forwards an SGI only when its group matches
 * (NSATT for Secure writes, Group 1 only for Non-secure writes), and the GICC_AIAR/AEOIR/
 * AHPPIR aliases acknowledge and complete Group 1 from the Secure side. Debian's QEMU 7.2
 * forwards regardless of the group and reads the aliases as 0: expected failure there. */
#include "testlib.h"

/*
 * References: IHI 0048B 4.3.15 GICD_SGIR ("NSATT ... 0: forward the SGI ... only if the SGI
 * is configured as Group 0 on that interface; 1: only if Group 1"; "Any Non-secure write to
 * the GICD_SGIR generates an SGI only if the specified SGI is programmed as Group 1"),
 * 4.4.11 - 4.4.13 GICC_AIAR, GICC_AEOIR, GICC_AHPPIR (aliases of the Non-secure GICC_IAR,
 * GICC_EOIR and GICC_HPPIR, for Secure accesses).
 */
#define GICD            0x08000000UL
#define GICC            0x08010000UL
#define GICD_CTLR       0x000
#define GICD_IGROUPR    0x080
#define GICD_ISENABLER  0x100
#define GICD_ISPENDR    0x200
#define GICD_IPRIORITYR 0x400
#define GICD_SGIR       0xf00
#define GICD_CPENDSGIR  0xf10
#define GICC_CTLR       0x00
#define GICC_PMR        0x04
#define GICC_IAR        0x0c
#define GICC_RPR        0x14
#define GICC_AIAR       0x20
#define GICC_AEOIR      0x24
#define GICC_AHPPIR     0x28

static u32 pend0(void) { return mmio_read32(GICD + GICD_ISPENDR) & 0xffff; }

static void sgir(unsigned irq, int nsatt)
{
    mmio_write32(GICD + GICD_SGIR, 2u << 24 | (nsatt ? 1u << 15 : 0) | irq);
}

static u64 ns_sgir(u64 irq)
{
    sgir((unsigned)irq, 0);
    return 0;
}

void test_main(void)
{
    if (start_el != 3) {
        skip("needs EL3 (-M virt,secure=on,virtualization=on,gic-version=2)");
        return;
    }
    /* SGI 1: Group 0; SGI 2: Group 1. CPU interface: both groups, AckCtl = 0. */
    mmio_write32(GICD + GICD_IGROUPR, 1u << 2);
    mmio_write32(GICD + GICD_IPRIORITYR, 0x00404000);
    mmio_write32(GICD + GICD_CTLR, 3);
    mmio_write32(GICC + GICC_CTLR, 3);
    mmio_write32(GICC + GICC_PMR, 0xff);

    sgir(2, 0);
    check_eq(pend0(), 0, "Secure GICD_SGIR, NSATT = 0: Group 1 SGI 2 not forwarded");
    sgir(1, 1);
    check_eq(pend0(), 0, "Secure GICD_SGIR, NSATT = 1: Group 0 SGI 1 not forwarded");
    call_at_el(1, ns_sgir, 1);
    check_eq(pend0(), 0, "Non-secure GICD_SGIR: Group 0 SGI 1 not forwarded");
    call_at_el(1, ns_sgir, 2);
    check_eq(pend0(), 1u << 2, "Non-secure GICD_SGIR: Group 1 SGI 2 forwarded");

    check_eq(mmio_read32(GICC + GICC_IAR) & 0x3ff, 1022, "Secure GICC_IAR: 1022 (AckCtl = 0)");
    check_eq(mmio_read32(GICC + GICC_AHPPIR) & 0x3ff, 2, "GICC_AHPPIR: Group 1 SGI 2");
    check_eq(mmio_read32(GICC + GICC_AIAR) & 0x3ff, 2, "GICC_AIAR acknowledges SGI 2");
    check_eq(mmio_read32(GICC + GICC_RPR), 0x40, "running priority 0x40");
    mmio_write32(GICC + GICC_AEOIR, 2);
    check_eq(mmio_read32(GICC + GICC_RPR), 0xff, "GICC_AEOIR completes it");
    mmio_write32(GICD + GICD_CPENDSGIR, 0xffffffff);
}
