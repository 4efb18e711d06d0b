/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv3-internal.h: GICv3 state shared by the distributor, redistributor and CPU interface. */
#ifndef HW_INTC_GICV3_INTERNAL_H
#define HW_INTC_GICV3_INTERNAL_H
#include "hw/intc/gicv3.h"

#define GIC_INTERNAL        32      /* SGIs 0..15 and PPIs 16..31 live in the redistributor */
#define GIC_MAX_IRQ         1020    /* INTIDs 1020..1023 are special (GIC spec 2.2.1) */
#define GIC_MAX_SPIS        (GIC_MAX_IRQ - GIC_INTERNAL)
#define GIC_WORDS           (1024 / 32)

/* Special INTIDs (GIC spec 2.2.1, "Special INTIDs"). */
#define INTID_SECURE        1020
#define INTID_NONSECURE     1021
#define INTID_SPURIOUS      1023

/* Interrupt groups, also the index of the banked CPU interface state per group. */
enum { GIC_G0 = 0, GIC_G1S = 1, GIC_G1NS = 2, GIC_NGROUPS = 3 };

/* List registers of the virtual CPU interface (ICH_VTR_EL2.ListRegs + 1). */
#define GIC_NUM_LRS         4
/* PPI of the virtual CPU interface maintenance interrupt (virt board: INTID 25). */
#define GIC_MAINT_PPI       25

/* Implemented priority bits: 5 (32 levels), the minimum for a GIC that supports two Security
 * states (GIC spec 4.8 "Interrupt prioritization"). The low three bits are RAZ/WI. All five are
 * preemption bits, so one 32-bit active priorities register per group suffices (ICC_AP0R0). */
#define GIC_PRIBITS         5
#define GIC_PRIO_MASK       ((uint8_t)(0xff << (8 - GIC_PRIBITS)))
#define GIC_MIN_BPR         (7 - GIC_PRIBITS)     /* BPR0 value where all bits are group bits */

/* GICD_CTLR (Secure view layout, GIC spec 12.9.4). */
#define GICD_CTLR_EN_GRP0   (1u << 0)
#define GICD_CTLR_EN_GRP1NS (1u << 1)
#define GICD_CTLR_EN_GRP1S  (1u << 2)
#define GICD_CTLR_ARE_S     (1u << 4)
#define GICD_CTLR_ARE_NS    (1u << 5)
#define GICD_CTLR_DS        (1u << 6)
#define GICD_CTLR_E1NWF     (1u << 7)
#define GICD_CTLR_RWP       (1u << 31)

/* ICC_CTLR_EL1 / ICC_CTLR_EL3 fields (GIC spec 12.2.6, 12.2.7). */
#define ICC_CTLR_EL1_CBPR       (1u << 0)
#define ICC_CTLR_EL1_EOIMODE    (1u << 1)
#define ICC_CTLR_EL3_CBPR_EL1S  (1u << 0)
#define ICC_CTLR_EL3_CBPR_EL1NS (1u << 1)
#define ICC_CTLR_EL3_EOIMODE_EL3   (1u << 2)
#define ICC_CTLR_EL3_EOIMODE_EL1S  (1u << 3)
#define ICC_CTLR_EL3_EOIMODE_EL1NS (1u << 4)
#define ICC_CTLR_PRIBITS_SHIFT  8
#define ICC_CTLR_A3V            (1u << 15)

/* ICC register encodings (GIC spec 12.2, Table 12-2). */
#define ICC_PMR_EL1      GICV3_ENC(3, 0, 4, 6, 0)
#define ICC_IAR0_EL1     GICV3_ENC(3, 0, 12, 8, 0)
#define ICC_EOIR0_EL1    GICV3_ENC(3, 0, 12, 8, 1)
#define ICC_HPPIR0_EL1   GICV3_ENC(3, 0, 12, 8, 2)
#define ICC_BPR0_EL1     GICV3_ENC(3, 0, 12, 8, 3)
#define ICC_AP0R0_EL1    GICV3_ENC(3, 0, 12, 8, 4)
#define ICC_AP0R3_EL1    GICV3_ENC(3, 0, 12, 8, 7)
#define ICC_AP1R0_EL1    GICV3_ENC(3, 0, 12, 9, 0)
#define ICC_AP1R3_EL1    GICV3_ENC(3, 0, 12, 9, 3)
#define ICC_DIR_EL1      GICV3_ENC(3, 0, 12, 11, 1)
#define ICC_RPR_EL1      GICV3_ENC(3, 0, 12, 11, 3)
#define ICC_SGI1R_EL1    GICV3_ENC(3, 0, 12, 11, 5)
#define ICC_ASGI1R_EL1   GICV3_ENC(3, 0, 12, 11, 6)
#define ICC_SGI0R_EL1    GICV3_ENC(3, 0, 12, 11, 7)
#define ICC_IAR1_EL1     GICV3_ENC(3, 0, 12, 12, 0)
#define ICC_EOIR1_EL1    GICV3_ENC(3, 0, 12, 12, 1)
#define ICC_HPPIR1_EL1   GICV3_ENC(3, 0, 12, 12, 2)
#define ICC_BPR1_EL1     GICV3_ENC(3, 0, 12, 12, 3)
#define ICC_CTLR_EL1     GICV3_ENC(3, 0, 12, 12, 4)
#define ICC_SRE_EL1      GICV3_ENC(3, 0, 12, 12, 5)
#define ICC_IGRPEN0_EL1  GICV3_ENC(3, 0, 12, 12, 6)
#define ICC_IGRPEN1_EL1  GICV3_ENC(3, 0, 12, 12, 7)
#define ICC_SRE_EL2      GICV3_ENC(3, 4, 12, 9, 5)
#define ICC_CTLR_EL3     GICV3_ENC(3, 6, 12, 12, 4)
#define ICC_SRE_EL3      GICV3_ENC(3, 6, 12, 12, 5)
#define ICC_IGRPEN1_EL3  GICV3_ENC(3, 6, 12, 12, 7)

/* SCR_EL3 and HCR_EL2 bits the CPU interface looks at (Arm ARM register descriptions). */
#define SCR_NS      (1ull << 0)
#define SCR_IRQ     (1ull << 1)
#define SCR_FIQ     (1ull << 2)
#define HCR_FMO     (1ull << 3)
#define HCR_IMO     (1ull << 4)
#define HCR_TGE     (1ull << 27)
#define HCR_E2H     (1ull << 34)

/* Per-INTID state, one bit per INTID, by field. */
enum {
    GIC_F_GROUP,        /* IGROUPR */
    GIC_F_GRPMOD,       /* IGRPMODR */
    GIC_F_ENABLED,
    GIC_F_PEND,         /* edge latch or software-set pending state */
    GIC_F_ACTIVE,
    GIC_F_LEVEL,        /* current input line level */
    GIC_F_EDGE,         /* ICFGR Int_config[1]: 1 = edge-triggered */
    GIC_NFIELDS
};

#define GIC_MAX_CPUS 64

/* One PE: its redistributor (the SGI/PPI state of INTIDs 0..31), CPU interface and virtual
 * CPU interface. env->gic_cpuif points here. */
typedef struct GICv3CPU {
    GICv3State *gic;
    CPUARMState *env;
    int index;                        /* position in the redistributor region */

    /* Redistributor */
    uint32_t bm0[GIC_NFIELDS];        /* GICR_*R0 state of INTIDs 0..31 */
    uint8_t priority0[GIC_INTERNAL];
    uint32_t gicr_waker;
    uint32_t gicr_nsacr;

    /* CPU interface (GIC spec 12.2) */
    uint8_t icc_pmr;
    uint8_t icc_bpr[GIC_NGROUPS];     /* [G0] = BPR0, [G1S]/[G1NS] = banked BPR1 */
    uint32_t icc_apr[GIC_NGROUPS];    /* AP0R0, AP1R0 (S), AP1R0 (NS) */
    uint32_t icc_ctlr_el1[2];         /* [0] Secure bank, [1] Non-secure: CBPR, EOImode */
    uint32_t icc_ctlr_el3;            /* EOImode_EL3 only; the EL1 fields alias the above */
    bool icc_igrpen[GIC_NGROUPS];

    /* Virtual CPU interface control (GIC spec 12.4, ICH_*_EL2) */
    uint32_t ich_hcr;
    uint32_t ich_vmcr;
    uint32_t ich_apr[2];              /* ICH_AP0R0_EL2, ICH_AP1R0_EL2 */
    uint64_t ich_lr[GIC_NUM_LRS];
    int vhppi_lr;                     /* best pending list register, or -1 */
    bool virq_level, vfiq_level;      /* last VIRQ/VFIQ levels driven to the CPU */

    /* Cached highest-priority pending interrupt, recomputed by gicv3_update() */
    int hppi_irq;                     /* INTID_SPURIOUS if none */
    uint8_t hppi_prio;
    int hppi_grp;

    qemu_irq ppi_in[16];
} GICv3CPU;

struct GICv3State {
    int num_irq;                  /* 32 + SPIs, a multiple of 32 (at most 1020) */

    /* Distributor */
    uint32_t gicd_ctlr;           /* Secure-view layout; ARE_S/ARE_NS are RAO/WI */
    bool single_security;         /* board without Security: DS is RAO/WI, kept over reset */
    uint32_t bm[GIC_NFIELDS][GIC_WORDS];  /* SPI state; word 0 unused (per PE, in bm0) */
    uint8_t priority[1024];       /* SPIs; INTIDs 0..31 are per PE */
    uint64_t irouter[1024];

    int ncpu;
    GICv3CPU *cpus;

    qemu_irq spi_in[GIC_MAX_SPIS];
    MemoryRegion *dist_mr;
    MemoryRegion *redist_mr;
};

/* The word holding field f of an INTID: the PE's for SGIs/PPIs, the distributor's for SPIs. */
static inline uint32_t *gic_word(GICv3State *s, GICv3CPU *cs, int f, int irq)
{
    return irq < GIC_INTERNAL ? &cs->bm0[f] : &s->bm[f][irq / 32];
}

static inline bool gic_test(GICv3State *s, GICv3CPU *cs, int f, int irq)
{
    return (*gic_word(s, cs, f, irq) >> (irq % 32)) & 1;
}

static inline void gic_assign(GICv3State *s, GICv3CPU *cs, int f, int irq, bool v)
{
    uint32_t *w = gic_word(s, cs, f, irq);

    if (v) {
        *w |= 1u << (irq % 32);
    } else {
        *w &= ~(1u << (irq % 32));
    }
}

static inline uint8_t *gic_prio(GICv3State *s, GICv3CPU *cs, int irq)
{
    return irq < GIC_INTERNAL ? &cs->priority0[irq] : &s->priority[irq];
}

static inline bool gic_ds(const GICv3State *s)
{
    return (s->gicd_ctlr & GICD_CTLR_DS) != 0;
}

/* The group of an INTID from IGROUPR and IGRPMODR (GIC spec 3.2, Table 3-1). The modifier is
 * ignored when there is a single Security state; {1,1} is reserved and treated as Group 1 NS. */
static inline int gic_irq_group(GICv3State *s, GICv3CPU *cs, int irq)
{
    if (gic_test(s, cs, GIC_F_GROUP, irq)) {
        return GIC_G1NS;
    }
    if (!gic_ds(s) && gic_test(s, cs, GIC_F_GRPMOD, irq)) {
        return GIC_G1S;
    }
    return GIC_G0;
}

/* A Non-secure access may only see an INTID configured as Non-secure Group 1 unless GICD_CTLR.DS
 * is set (GIC spec 4.8 / 12.1.x, "Non-secure accesses to ... Secure interrupts are RAZ/WI"). */
static inline bool gic_access_ok(GICv3State *s, GICv3CPU *cs, int irq, MemTxAttrs attrs)
{
    return attrs.secure || gic_ds(s) || gic_irq_group(s, cs, irq) == GIC_G1NS;
}

/* gicv3-cpuif.c: recompute each PE's highest-priority pending interrupt and drive IRQ/FIQ. */
void gicv3_update(GICv3State *s);
void gicv3_cpu_update(GICv3CPU *cs);
void gicv3_cpuif_reset(GICv3CPU *cs);

/* gicv3-vcpuif.c: the virtual CPU interface (ICH_* control, ICV_* registers at EL1). */
void gicv3_vcpuif_reset(GICv3CPU *cs);
/* Recompute the maintenance interrupt level (before the physical HPPI, as it feeds PPI 25). */
void gicv3_vcpuif_maint(GICv3CPU *cs);
/* Recompute the virtual HPPI and drive VIRQ/VFIQ. */
void gicv3_vcpuif_update(GICv3CPU *cs);
/* ICH_* access from EL2/EL3; returns false if enc is not an implemented ICH register. */
bool gicv3_ich_access(GICv3CPU *cs, uint32_t enc, bool is_write, uint64_t *val);
bool gicv3_ich_implemented(uint32_t enc, bool is_write);
/* ICV_* access for an ICC_* encoding redirected by HCR_EL2.{IMO,FMO}. */
void gicv3_icv_access(GICv3CPU *cs, uint32_t enc, bool is_write, uint64_t *val);

/* gicv3-dist.c: per-INTID register banks shared by the GICD and GICR_SGI_base frames.
 * kind is the GICD offset of the register block (0x080 IGROUPR ... 0xD00 IGRPMODR); cs is the
 * PE whose SGIs/PPIs a GICR access concerns (unused for SPIs). */
void gicv3_write_bitmap_reg(GICv3State *s, GICv3CPU *cs, uint32_t kind, int first_irq,
                            uint32_t val, MemTxAttrs attrs);
uint32_t gicv3_read_bitmap_reg(GICv3State *s, GICv3CPU *cs, uint32_t kind, int first_irq,
                               MemTxAttrs attrs);
uint8_t gicv3_read_priority(GICv3State *s, GICv3CPU *cs, int irq, MemTxAttrs attrs);
void gicv3_write_priority(GICv3State *s, GICv3CPU *cs, int irq, uint8_t v, MemTxAttrs attrs);
uint32_t gicv3_read_icfgr(GICv3State *s, GICv3CPU *cs, int first_irq, MemTxAttrs attrs);
void gicv3_write_icfgr(GICv3State *s, GICv3CPU *cs, int first_irq, uint32_t val,
                       MemTxAttrs attrs);
/* ID registers (PIDR4..7, PIDR0..3, CIDR0..3) at frame offsets 0xFFD0..0xFFFC. */
uint32_t gicv3_id_reg(uint64_t off);
/* Make SGI irq pending on PE cs for a write to ICC_SGI0R/SGI1R/ASGI1R (GIC spec 12.2.21). */
void gicv3_send_sgi(GICv3CPU *cs, int irq, int grp, bool from_ns);
/* Deactivate a physical interrupt of PE cs (hardware-linked virtual interrupt EOI). */
void gicv3_deactivate_physical(GICv3CPU *cs, int irq);

/* gicv3-redist.c */
extern const MemoryRegionOps gicv3_redist_ops;
void gicv3_redist_reset(GICv3CPU *cs);
/* Affinity of the PE as in MPIDR_EL1 (Aff3:Aff2:Aff1:Aff0 packed as in GICD_IROUTER). */
uint64_t gicv3_pe_affinity(const GICv3CPU *cs);

#endif
