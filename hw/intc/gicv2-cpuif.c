/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv2-cpuif.c: GICv2 memory-mapped CPU interface (GICC_* frame, IHI 0048B 4.4), priority
 * logic and the processor's IRQ/FIQ lines. */
#include "gicv2-internal.h"
#include "qemu/log.h"

/* CPU interface register map (IHI 0048B 4.1.3, Table 4-2). */
#define GICC_CTLR   0x00
#define GICC_PMR    0x04
#define GICC_BPR    0x08
#define GICC_IAR    0x0c
#define GICC_EOIR   0x10
#define GICC_RPR    0x14
#define GICC_HPPIR  0x18
#define GICC_ABPR   0x1c
#define GICC_AIAR   0x20
#define GICC_AEOIR  0x24
#define GICC_AHPPIR 0x28
#define GICC_APR0   0xd0
#define GICC_NSAPR0 0xe0
#define GICC_IIDR   0xfc
#define GICC_DIR    0x1000

/* ArchitectureVersion [19:16] = 2, implementer Arm (4.4.16). */
#define GICC_IIDR_VALUE 0x0002043bu

/* ---- Priority arithmetic (3.3) ---- */

/* Mask of the group priority field of an interrupt of group grp: [7:BPR+1] from the Secure
 * GICC_BPR for Group 0, and for Group 1 when GICC_CTLR.CBPR is set; [7:ABPR] from the
 * Non-secure copy (GICC_ABPR) otherwise (3.3.3, Table 3-6 and the GICC_ABPR description). */
static uint8_t group_prio_mask(GICv2State *s, int grp)
{
    if (grp == 0 || (s->cctlr & GICC_CTLR_CBPR)) {
        return (uint8_t)(0xffu << (s->bpr + 1));
    }
    return (uint8_t)(0xffu << s->abpr);
}

/* Highest active priority: the lowest set bit over GICC_APRn and GICC_NSAPRn (bit n stands
 * for group priority n << 1), or -1 when nothing is active. */
static int apr_lowest_bit(GICv2State *s)
{
    for (int i = 0; i < GICV2_NR_APRS; i++) {
        uint32_t w = s->apr[i] | s->nsapr[i];
        if (w) {
            return i * 32 + __builtin_ctz(w);
        }
    }
    return -1;
}

/* Running priority (3.3.1, 4.4.6): the group priority of the highest-priority active
 * interrupt, 0xFF (idle) when none is active. */
static uint8_t running_prio(GICv2State *s)
{
    int b = apr_lowest_bit(s);

    return b < 0 ? 0xff : (uint8_t)(b << 1);
}

/* ---- Highest-priority pending interrupt and the IRQ/FIQ lines (3.2, 3.3.x) ---- */

static void compute_hppi(GICv2State *s)
{
    s->hppi = GICV2_SPURIOUS;
    s->hppi_prio = 0xff;
    for (int w = 0; w < s->num_irq / 32; w++) {
        uint32_t cand = (s->bm[G2_F_PEND][w] | (s->bm[G2_F_LEVEL][w] & ~s->bm[G2_F_EDGE][w])) &
                        s->bm[G2_F_ENABLED][w] & ~s->bm[G2_F_ACTIVE][w];
        while (cand) {
            int irq = w * 32 + __builtin_ctz(cand);
            int grp = g2_group(s, irq);
            cand &= cand - 1;
            /* Forwarded only with the group enabled in the distributor (4.3.1) and signalled
             * only with it enabled in the CPU interface (4.4.1). Ties: lowest INTID. */
            if (!(s->dctlr & (1u << grp)) || !(s->cctlr & (1u << grp))) {
                continue;
            }
            if (s->hppi == GICV2_SPURIOUS || s->priority[irq] < s->hppi_prio) {
                s->hppi = irq;
                s->hppi_prio = s->priority[irq];
            }
        }
    }
}

/* Above the priority mask (4.4.2) and, at group-priority granularity, higher than the
 * running priority: preemption (3.3.3). */
static bool hppi_above_pmr(GICv2State *s)
{
    return s->hppi != GICV2_SPURIOUS && s->hppi_prio < s->pmr;
}

static bool hppi_signalled(GICv2State *s)
{
    return hppi_above_pmr(s) &&
           (s->hppi_prio & group_prio_mask(s, g2_group(s, s->hppi))) < running_prio(s);
}

void gicv2_update(GICv2State *s)
{
    bool irq = false, fiq = false;

    compute_hppi(s);
    if (hppi_signalled(s)) {
        /* Group 0 is signalled as FIQ when GICC_CTLR.FIQEn is set, everything else as IRQ
         * (3.2.x "Interrupt signalling", 4.4.1 FIQEn). */
        if (g2_group(s, s->hppi) == 0 && (s->cctlr & GICC_CTLR_FIQEN)) {
            fiq = true;
        } else {
            irq = true;
        }
    }
    if (s->env) {
        arm_set_irq_line(s->env, CPU_INTERRUPT_IRQ, irq);
        arm_set_irq_line(s->env, CPU_INTERRUPT_FIQ, fiq);
    }
}

void gicv2_cpuif_reset(GICv2State *s)
{
    s->cctlr = 0;
    s->pmr = 0;
    s->bpr = GICV2_MIN_BPR;
    s->abpr = GICV2_MIN_ABPR;
    for (int i = 0; i < GICV2_NR_APRS; i++) {
        s->apr[i] = s->nsapr[i] = 0;
    }
}

/* ---- Acknowledge, priority drop, deactivation (3.2.x, 4.4.4 - 4.4.5, 4.4.15) ---- */

/* The INTID GICC_IAR/HPPIR return for a view: ns_view for a Non-secure access and for the
 * aliased registers (GICC_AIAR/AHPPIR), which only see Group 1. A Secure GICC_IAR/HPPIR with
 * a Group 1 interrupt highest returns 1022 unless GICC_CTLR.AckCtl is set (4.4.4, 4.4.8). */
static int visible_hppi(GICv2State *s, bool ns_view)
{
    int grp;

    if (!hppi_above_pmr(s)) {
        return GICV2_SPURIOUS;
    }
    grp = g2_group(s, s->hppi);
    if (ns_view) {
        return grp ? s->hppi : GICV2_SPURIOUS;
    }
    if (grp && !(s->cctlr & GICC_CTLR_ACKCTL)) {
        return GICV2_G1_PENDING;
    }
    return s->hppi;
}

static uint32_t acknowledge(GICv2State *s, bool ns_view)
{
    int irq = visible_hppi(s, ns_view);
    int grp, bit;

    /* An interrupt that cannot preempt the running priority is not acknowledged (4.4.4). */
    if (irq >= GICV2_G1_PENDING || !hppi_signalled(s)) {
        return irq >= GICV2_G1_PENDING ? (uint32_t)irq : GICV2_SPURIOUS;
    }
    grp = g2_group(s, irq);
    g2_assign(s, G2_F_PEND, irq, false);    /* a level-sensitive line keeps it pending */
    g2_assign(s, G2_F_ACTIVE, irq, true);
    bit = (s->priority[irq] & group_prio_mask(s, grp)) >> 1;
    if (grp) {
        s->nsapr[bit / 32] |= 1u << (bit % 32);
    } else {
        s->apr[bit / 32] |= 1u << (bit % 32);
    }
    gicv2_update(s);
    return (uint32_t)irq;   /* SGIs: CPUID [12:10] = 0, the only source processor */
}

/* Whether a view may complete or deactivate irq: not a Group 0 one from the Non-secure view. */
static bool may_complete(GICv2State *s, int irq, bool ns_view)
{
    return irq < s->num_irq && !(ns_view && !g2_group(s, irq) && s->security_extn);
}

static void end_of_interrupt(GICv2State *s, uint32_t v, bool ns_view, bool eoimode)
{
    int irq = (int)(v & 0x3ff), bit = apr_lowest_bit(s);

    if (!may_complete(s, irq, ns_view)) {
        return;     /* spurious IDs and Group 0 from Non-secure are ignored */
    }
    if (bit < 0) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv2: EOI of %d with no active priority\n", irq);
        return;
    }
    /* Priority drop: the highest active priority (3.2.x, "Priority drop and interrupt
     * deactivation"). With EOImode = 0 the write also deactivates the interrupt. */
    s->apr[bit / 32] &= ~(1u << (bit % 32));
    s->nsapr[bit / 32] &= ~(1u << (bit % 32));
    if (!eoimode) {
        g2_assign(s, G2_F_ACTIVE, irq, false);
    }
}

/* ---- Register access ---- */

/* GICC_CTLR, Non-secure copy (4.4.1, Table 4-32): EnableGrp1 [0], FIQBypDisGrp1 [5],
 * IRQBypDisGrp1 [6], EOImodeNS [9], each a view of a Secure-copy bit. */
static const struct { uint8_t ns, s; } ctlr_ns_bits[] = { { 0, 1 }, { 5, 7 }, { 6, 8 }, { 9, 10 } };

static uint32_t ctlr_read(GICv2State *s, bool ns)
{
    uint32_t v = 0;

    if (!ns) {
        return s->cctlr;
    }
    for (unsigned i = 0; i < sizeof(ctlr_ns_bits) / sizeof(ctlr_ns_bits[0]); i++) {
        v |= ((s->cctlr >> ctlr_ns_bits[i].s) & 1u) << ctlr_ns_bits[i].ns;
    }
    return v;
}

static void ctlr_write(GICv2State *s, uint32_t v, bool ns)
{
    if (!ns) {
        s->cctlr = v & GICC_CTLR_MASK;
        return;
    }
    for (unsigned i = 0; i < sizeof(ctlr_ns_bits) / sizeof(ctlr_ns_bits[0]); i++) {
        s->cctlr = (s->cctlr & ~(1u << ctlr_ns_bits[i].s)) |
                   ((v >> ctlr_ns_bits[i].ns) & 1u) << ctlr_ns_bits[i].s;
    }
}

/* Non-secure view of a priority-like value (GICC_PMR, GICC_RPR; 3.6.2): values below 0x80
 * read as 0, the others shifted left by one. */
static uint32_t ns_prio_view(uint8_t v)
{
    return v < 0x80 ? 0 : (uint8_t)(v << 1);
}

static uint32_t eoi_mode_bit(GICv2State *s, bool ns_view)
{
    if (!s->security_extn) {
        return s->cctlr & GICC_CTLR_EOIMODES;
    }
    return s->cctlr & (ns_view ? GICC_CTLR_EOIMODENS : GICC_CTLR_EOIMODES);
}

static uint32_t cpu_read32(GICv2State *s, uint32_t off, MemTxAttrs attrs)
{
    bool ns = g2_ns(s, attrs);

    switch (off) {
    case GICC_CTLR:
        return ctlr_read(s, ns);
    case GICC_PMR:
        return ns ? ns_prio_view(s->pmr) : s->pmr;
    case GICC_BPR:
        if (!ns) {
            return s->bpr;
        }
        /* Non-secure GICC_BPR is the Non-secure copy (GICC_ABPR); with CBPR it reads as the
         * Secure value plus one, saturated at 7 (4.4.3). */
        return (s->cctlr & GICC_CTLR_CBPR) ? (s->bpr < 7 ? s->bpr + 1u : 7u) : s->abpr;
    case GICC_IAR:
        return acknowledge(s, ns);
    case GICC_RPR:
        return ns ? ns_prio_view(running_prio(s)) : running_prio(s);
    case GICC_HPPIR:
        return (uint32_t)visible_hppi(s, ns);
    case GICC_ABPR:
        return ns ? 0 : s->abpr;      /* the aliases are Secure-only (4.4.x): RAZ/WI */
    case GICC_AIAR:
        return ns ? 0 : acknowledge(s, true);
    case GICC_AHPPIR:
        return ns ? 0 : (uint32_t)visible_hppi(s, true);
    case GICC_IIDR:
        return GICC_IIDR_VALUE;
    case GICC_EOIR:
    case GICC_AEOIR:
    case GICC_DIR:
        return 0;   /* write-only */
    }
    if (off >= GICC_APR0 && off < GICC_APR0 + 16) {
        int n = (int)(off - GICC_APR0) / 4;
        /* The Non-secure view of GICC_APRn: the Group 1 priorities 0x80..0xFF, which the
         * Non-secure side sees as 0x00..0x7F, that is GICC_NSAPR2/3 (IMPLEMENTATION DEFINED
         * layout, 4.4.10; the same choice as QEMU). */
        return ns ? (n < 2 ? s->nsapr[n + 2] : 0) : s->apr[n];
    }
    if (off >= GICC_NSAPR0 && off < GICC_NSAPR0 + 16) {
        return ns ? 0 : s->nsapr[(off - GICC_NSAPR0) / 4];
    }
    qemu_log_mask(LOG_GUEST_ERROR, "gicv2: read of reserved GICC offset 0x%x\n", off);
    return 0;
}

static void cpu_write32(GICv2State *s, uint32_t off, uint32_t v, MemTxAttrs attrs)
{
    bool ns = g2_ns(s, attrs);

    switch (off) {
    case GICC_CTLR:
        ctlr_write(s, v, ns);
        break;
    case GICC_PMR:
        if (!ns) {
            s->pmr = (uint8_t)v;
        } else if (s->pmr >= 0x80) {
            s->pmr = (uint8_t)(0x80 | ((v & 0xff) >> 1));   /* 3.6.2 */
        }
        break;
    case GICC_BPR:
        if (!ns) {
            s->bpr = (uint8_t)(v & 7);     /* GICV2_MIN_BPR is 0: every value is valid */
        } else if (!(s->cctlr & GICC_CTLR_CBPR)) {
            s->abpr = (v & 7) < GICV2_MIN_ABPR ? GICV2_MIN_ABPR : (uint8_t)(v & 7);
        }
        break;
    case GICC_ABPR:
        if (!ns) {
            s->abpr = (v & 7) < GICV2_MIN_ABPR ? GICV2_MIN_ABPR : (uint8_t)(v & 7);
        }
        break;
    case GICC_EOIR:
        end_of_interrupt(s, v, ns, eoi_mode_bit(s, ns));
        break;
    case GICC_AEOIR:
        if (!ns) {
            end_of_interrupt(s, v, true, eoi_mode_bit(s, true));
        }
        break;
    case GICC_DIR:
        /* Deactivation, meaningful with EOImode = 1 (4.4.15). */
        if (may_complete(s, (int)(v & 0x3ff), ns)) {
            g2_assign(s, G2_F_ACTIVE, (int)(v & 0x3ff), false);
        }
        break;
    default:
        if (off >= GICC_APR0 && off < GICC_APR0 + 16) {
            int n = (int)(off - GICC_APR0) / 4;
            if (!ns) {
                s->apr[n] = v;
            } else if (n < 2) {
                s->nsapr[n + 2] = v;
            }
        } else if (off >= GICC_NSAPR0 && off < GICC_NSAPR0 + 16) {
            if (!ns) {
                s->nsapr[(off - GICC_NSAPR0) / 4] = v;
            }
        } else if (off != GICC_RPR && off != GICC_HPPIR && off != GICC_AHPPIR &&
                   off != GICC_IAR && off != GICC_AIAR && off != GICC_IIDR) {
            qemu_log_mask(LOG_GUEST_ERROR, "gicv2: write of reserved GICC offset 0x%x\n", off);
        }
        break;
    }
    gicv2_update(s);
}

static MemTxResult cpu_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                            MemTxAttrs attrs)
{
    GICv2State *s = opaque;

    if (size != 4 || (addr & 3) || addr > GICC_DIR) {
        /* Word accesses only (4.1.4); beyond GICC_DIR the frame is reserved. */
        if (addr <= GICC_DIR) {
            qemu_log_mask(LOG_GUEST_ERROR, "gicv2: bad %u-byte GICC read at 0x%llx\n", size,
                          (unsigned long long)addr);
        }
        *data = 0;
        return MEMTX_OK;
    }
    *data = cpu_read32(s, (uint32_t)addr, attrs);
    return MEMTX_OK;
}

static MemTxResult cpu_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                             MemTxAttrs attrs)
{
    GICv2State *s = opaque;

    if (size != 4 || (addr & 3) || addr > GICC_DIR) {
        if (addr <= GICC_DIR) {
            qemu_log_mask(LOG_GUEST_ERROR, "gicv2: bad %u-byte GICC write at 0x%llx\n", size,
                          (unsigned long long)addr);
        }
        return MEMTX_OK;
    }
    cpu_write32(s, (uint32_t)addr, (uint32_t)data, attrs);
    return MEMTX_OK;
}

const MemoryRegionOps gicv2_cpu_ops = {
    .read = cpu_read,
    .write = cpu_write,
    .min_access = 1,
    .max_access = 8,
};
