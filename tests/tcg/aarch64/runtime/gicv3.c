/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Minimal GICv3 driver for guest tests: distributor, CPU 0 redistributor, CPU interface, SGI/PPI setup. */
#include "gicv3.h"

static void gicd_wait_rwp(void)
{
    while (mmio_read32(GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP) {
        /* wait for the register write to take effect */
    }
}

int gic_single_security(void)
{
    return (mmio_read32(GICD_BASE + GICD_CTLR) & GICD_CTLR_DS) != 0;
}

void gic_init(void)
{
    unsigned el = current_el();

    if (el == 3 || gic_single_security()) {
        /*
         * Two security states (accessed from EL3): ARE_S, ARE_NS, EnableGrp0,
         * EnableGrp1NS, EnableGrp1S.  One security state: ARE, EnableGrp0,
         * EnableGrp1 (bits 4, 0, 1).
         */
        mmio_write32(GICD_BASE + GICD_CTLR, gic_single_security() ? 0x13 : 0x37);
        gicd_wait_rwp();
    }
    /* Wake the redistributor: clear ProcessorSleep, wait for ChildrenAsleep to clear. */
    mmio_write32(GICR_BASE + GICR_WAKER, mmio_read32(GICR_BASE + GICR_WAKER) & ~2u);
    while (mmio_read32(GICR_BASE + GICR_WAKER) & 4) {
        /* wait */
    }
    mmio_write32(GICR_SGI_BASE + GICR_ICENABLER0, ~0u);
    mmio_write32(GICR_SGI_BASE + GICR_ICPENDR0, ~0u);
    mmio_write32(GICR_SGI_BASE + GICR_ICACTIVER0, ~0u);

    /* System register interface on, for every EL we have (ICC_SRE_ELx.SRE, Enable). */
    if (el == 3) {
        write_sysreg(0xf, icc_sre_el3);
        isb();
    }
    if (el >= 2) {
        write_sysreg(0xf, icc_sre_el2);
        isb();
    }
    write_sysreg(0x7, icc_sre_el1);
    isb();
    if (el == 3) {
        /* The Secure copy of ICC_SRE_EL1 as well (banked by SCR_EL3.NS). */
        u64 scr = read_sysreg(scr_el3);
        write_sysreg(scr & ~1ULL, scr_el3);
        isb();
        write_sysreg(0x7, icc_sre_el1);
        write_sysreg(0xff, icc_pmr_el1);
        write_sysreg(scr, scr_el3);
        isb();
    }
    write_sysreg(0xff, icc_pmr_el1);
    write_sysreg(0, icc_bpr1_el1);
    write_sysreg(1, icc_igrpen1_el1);
    write_sysreg(1, icc_igrpen0_el1);
    if (el == 3) {
        write_sysreg(3, icc_igrpen1_el3);   /* EnableGrp1NS, EnableGrp1S */
    }
    isb();
}

void gic_config_private(unsigned intid, enum gic_group g, u8 prio, int enable)
{
    u32 bit = 1u << intid;
    u32 grp = mmio_read32(GICR_SGI_BASE + GICR_IGROUPR0);
    u32 mod = mmio_read32(GICR_SGI_BASE + GICR_IGRPMODR0);
    u64 prio_reg = GICR_SGI_BASE + GICR_IPRIORITYR + (intid & ~3u);
    u32 p = mmio_read32(prio_reg);

    mmio_write32(GICR_SGI_BASE + GICR_ICENABLER0, bit);
    grp = g == GIC_G1NS ? grp | bit : grp & ~bit;
    mod = g == GIC_G1S ? mod | bit : mod & ~bit;
    mmio_write32(GICR_SGI_BASE + GICR_IGROUPR0, grp);
    if (!gic_single_security()) {
        mmio_write32(GICR_SGI_BASE + GICR_IGRPMODR0, mod);
    }
    p &= ~(0xffu << ((intid & 3) * 8));
    p |= (u32)prio << ((intid & 3) * 8);
    mmio_write32(prio_reg, p);
    if (enable) {
        mmio_write32(GICR_SGI_BASE + GICR_ISENABLER0, bit);
    }
    dsb_sy();
}

void gic_clear_private(unsigned intid)
{
    mmio_write32(GICR_SGI_BASE + GICR_ICPENDR0, 1u << intid);
    dsb_sy();
}

int gic_private_pending(unsigned intid)
{
    return (mmio_read32(GICR_SGI_BASE + GICR_ISPENDR0) >> intid) & 1;
}

int gic_private_active(unsigned intid)
{
    return (mmio_read32(GICR_SGI_BASE + GICR_ISACTIVER0) >> intid) & 1;
}

/* ICC_SGI1R_EL1/ICC_SGI0R_EL1: INTID [27:24], TargetList [15:0], affinity fields 0. */
void gic_sgi1(unsigned intid)
{
    write_sysreg(((u64)intid << 24) | 1, icc_sgi1r_el1);
    isb();
}

void gic_sgi0(unsigned intid)
{
    write_sysreg(((u64)intid << 24) | 1, icc_sgi0r_el1);
    isb();
}

/* ICC_ASGI1R_EL1: Group 1 SGI for the other Security state (from EL3: Non-secure). */
void gic_asgi1(unsigned intid)
{
    write_sysreg(((u64)intid << 24) | 1, icc_asgi1r_el1);
    isb();
}
