/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Minimal GICv3 driver for guest tests: distributor, CPU 0 redistributor, CPU interface, SGI/PPI setup. */
#ifndef GICV3_H
#define GICV3_H

#include "testlib.h"

/* virt board addresses (shared/facts/virt-memory-map.md). */
#define GICD_BASE       0x08000000UL
#define GICR_BASE       0x080a0000UL    /* CPU 0: RD_base, SGI_base = RD_base + 64 KiB */
#define GICR_SGI_BASE   (GICR_BASE + 0x10000)

/* Distributor registers (GICv3 architecture specification, IHI 0069, chapter 12). */
#define GICD_CTLR       0x0000
#define GICD_TYPER      0x0004
#define GICD_PIDR2      0xffe8
#define GICD_CTLR_RWP   (1u << 31)
#define GICD_CTLR_DS    (1u << 6)

/* Redistributor RD_base and SGI_base registers. */
#define GICR_CTLR       0x0000
#define GICR_TYPER      0x0008
#define GICR_WAKER      0x0014
#define GICR_PIDR2      0xffe8
#define GICR_IGROUPR0   0x0080
#define GICR_ISENABLER0 0x0100
#define GICR_ICENABLER0 0x0180
#define GICR_ISPENDR0   0x0200
#define GICR_ICPENDR0   0x0280
#define GICR_ISACTIVER0 0x0300
#define GICR_ICACTIVER0 0x0380
#define GICR_IPRIORITYR 0x0400
#define GICR_ICFGR1     0x0c04
#define GICR_IGRPMODR0  0x0d00

/* Interrupt groups as configured by IGROUPR/IGRPMODR (IHI 0069 3.5.1). */
enum gic_group { GIC_G0, GIC_G1S, GIC_G1NS };

/* Special INTIDs (IHI 0069 2.2.1). */
#define INTID_SECURE_G1     1020
#define INTID_NONSECURE_G1  1021
#define INTID_SPURIOUS      1023

/*
 * Initialise distributor, CPU 0's redistributor and the CPU interface for
 * the current EL (EL1 with DS=1 on a machine without EL3, or EL3 with
 * two security states).  All SGIs/PPIs start disabled, inactive, not pending.
 */
void gic_init(void);
/* 1 if the distributor has a single security state (GICD_CTLR.DS). */
int gic_single_security(void);
/* Configure an SGI/PPI (INTID < 32) of CPU 0. */
void gic_config_private(unsigned intid, enum gic_group g, u8 prio, int enable);
void gic_clear_private(unsigned intid);
int gic_private_pending(unsigned intid);
int gic_private_active(unsigned intid);
/* SGI to CPU 0 (affinity 0.0.0.0) through ICC_SGI1R_EL1 or ICC_SGI0R_EL1 (at EL3 SGI1R is Group 1 Secure). */
void gic_sgi1(unsigned intid);
void gic_sgi0(unsigned intid);
/* Group 1 SGI for the other Security state (at EL3: a Non-secure Group 1 SGI). */
void gic_asgi1(unsigned intid);

#define icc_read(reg) read_sysreg(reg)

#endif
