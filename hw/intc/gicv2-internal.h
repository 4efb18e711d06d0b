/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv2-internal.h: GICv2 state shared by the distributor and the CPU interface. */
#ifndef HW_INTC_GICV2_INTERNAL_H
#define HW_INTC_GICV2_INTERNAL_H
#include "hw/intc/gicv2.h"

#define GICV2_INTERNAL      32      /* SGIs 0..15 and PPIs 16..31 */
#define GICV2_MAX_IRQ       1020    /* 1020..1023 are special (IHI 0048B 3.2.5) */
#define GICV2_SPURIOUS      1023
#define GICV2_G1_PENDING    1022    /* Secure GICC_IAR/HPPIR with a Group 1 HPPI and AckCtl = 0 */

/* Eight priority bits (256 levels, IHI 0048B 3.3: "up to 256 levels"). The minimum Secure
 * GICC_BPR is then 0 (group priority [7:1], 128 preemption levels), the minimum GICC_ABPR 1,
 * and the active priorities take four 32-bit GICC_APRn (4.3.x, recommended layout:
 * bit n = group priority n << 1). */
#define GICV2_MIN_BPR       0
#define GICV2_MIN_ABPR      1
#define GICV2_NR_APRS       4

/* GICD_CTLR (4.3.1) */
#define GICD_CTLR_EN_GRP0   (1u << 0)
#define GICD_CTLR_EN_GRP1   (1u << 1)

/* GICC_CTLR, Secure (or only) copy (4.4.1, Table 4-31) */
#define GICC_CTLR_EN_GRP0   (1u << 0)
#define GICC_CTLR_EN_GRP1   (1u << 1)
#define GICC_CTLR_ACKCTL    (1u << 2)
#define GICC_CTLR_FIQEN     (1u << 3)
#define GICC_CTLR_CBPR      (1u << 4)
#define GICC_CTLR_BYPASS    (0xfu << 5)     /* FIQBypDisGrp0 .. IRQBypDisGrp1: stored only */
#define GICC_CTLR_EOIMODES  (1u << 9)
#define GICC_CTLR_EOIMODENS (1u << 10)
#define GICC_CTLR_MASK      0x7ffu

enum { G2_F_GROUP, G2_F_ENABLED, G2_F_PEND, G2_F_ACTIVE, G2_F_LEVEL, G2_F_EDGE, G2_NFIELDS };

struct GICv2State {
    CPUARMState *env;
    bool security_extn;
    int num_irq;                      /* 32 + SPIs, a multiple of 32 (at most 1020) */

    /* Distributor */
    uint32_t dctlr;                   /* EnableGrp0, EnableGrp1 (Secure layout) */
    uint32_t bm[G2_NFIELDS][1024 / 32];
    uint8_t priority[1024];

    /* CPU interface */
    uint32_t cctlr;                   /* Secure layout; the Non-secure copy is a view of it */
    uint8_t pmr;
    uint8_t bpr, abpr;
    uint32_t apr[GICV2_NR_APRS];      /* Group 0 active priorities */
    uint32_t nsapr[GICV2_NR_APRS];    /* Group 1 active priorities (Secure-view priorities) */
    int hppi;                         /* highest-priority pending interrupt, or 1023 */
    uint8_t hppi_prio;

    qemu_irq spi_in[GICV2_MAX_IRQ - GICV2_INTERNAL];
    qemu_irq ppi_in[16];
    MemoryRegion *dist_mr, *cpu_mr;
};

static inline bool g2_test(const GICv2State *s, int f, int irq)
{
    return (s->bm[f][irq / 32] >> (irq % 32)) & 1;
}

static inline void g2_assign(GICv2State *s, int f, int irq, bool v)
{
    if (v) {
        s->bm[f][irq / 32] |= 1u << (irq % 32);
    } else {
        s->bm[f][irq / 32] &= ~(1u << (irq % 32));
    }
}

/* A Non-secure access to a GIC with the Security Extensions (4.3, 4.4: the Non-secure copies
 * and views). Without the extensions every access sees the one (Secure-layout) copy. */
static inline bool g2_ns(const GICv2State *s, MemTxAttrs attrs)
{
    return s->security_extn && !attrs.secure;
}

/* Group 1 or Group 0 (GICD_IGROUPR). */
static inline int g2_group(const GICv2State *s, int irq)
{
    return g2_test(s, G2_F_GROUP, irq);
}

/* Pending: the latch (edge, software or SGI) or, for a level-sensitive interrupt, the line. */
static inline bool g2_pending(const GICv2State *s, int irq)
{
    return g2_test(s, G2_F_PEND, irq) ||
           (g2_test(s, G2_F_LEVEL, irq) && !g2_test(s, G2_F_EDGE, irq));
}

/* gicv2-cpuif.c */
void gicv2_update(GICv2State *s);
void gicv2_cpuif_reset(GICv2State *s);
extern const MemoryRegionOps gicv2_cpu_ops;

#endif
