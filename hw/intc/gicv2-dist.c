/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv2-dist.c: GICv2 distributor (GICD_* frame, IHI 0048B 4.3), input lines, construction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gicv2-internal.h"
#include "qemu/log.h"

/* Distributor register map (IHI 0048B 4.1.2, Table 4-1). */
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
#define GICD_ITARGETSR  0x800
#define GICD_ICFGR      0xc00
#define GICD_NSACR      0xe00
#define GICD_SGIR       0xf00
#define GICD_CPENDSGIR  0xf10
#define GICD_SPENDSGIR  0xf20
#define GICD_IDREGS     0xfd0

/* Implementer Arm (JEP106 0x43b), everything else 0: the value is IMPLEMENTATION DEFINED
 * (4.3.3) and software only reports it. */
#define GICD_IIDR_VALUE 0x0000043bu

/* Identification registers at 0xFD0..0xFFC: ICPIDR4..7, ICPIDR0..3, ICCIDR0..3 (4.3.16 and
 * the ARM Identification Registers appendix). ICPIDR2.ArchRev [7:4] = 2: GICv2. */
static const uint8_t gicv2_id_regs[12] = {
    0x04, 0x00, 0x00, 0x00,
    0x90, 0xb4, 0x2b, 0x00,
    0x0d, 0xf0, 0x05, 0xb1,
};

/* ---- Per-interrupt bit registers (4.3.4 - 4.3.10) ---- */

/* Bits of a 32-interrupt word an access may touch: implemented interrupts, and with the
 * Security Extensions only Group 1 ones for a Non-secure access ("a Non-secure access to a
 * field that corresponds to a Group 0 interrupt is RAZ/WI", 4.3). */
static uint32_t access_mask(GICv2State *s, int first, MemTxAttrs attrs)
{
    uint32_t m = 0;

    if (first >= s->num_irq) {
        return 0;
    }
    m = first + 32 <= s->num_irq ? ~0u : (1u << (s->num_irq - first)) - 1;
    if (g2_ns(s, attrs)) {
        m &= s->bm[G2_F_GROUP][first / 32];
    }
    return m;
}

static uint32_t pending_word(GICv2State *s, int first)
{
    int w = first / 32;

    return s->bm[G2_F_PEND][w] | (s->bm[G2_F_LEVEL][w] & ~s->bm[G2_F_EDGE][w]);
}

static uint32_t read_bits(GICv2State *s, uint32_t base, int first, MemTxAttrs attrs)
{
    uint32_t m = access_mask(s, first, attrs);
    int w = first / 32;

    switch (base) {
    case GICD_IGROUPR:
        /* Secure-only with the Security Extensions (4.3.4). */
        return g2_ns(s, attrs) ? 0 : s->bm[G2_F_GROUP][w] & m;
    case GICD_ISENABLER:
    case GICD_ICENABLER:
        return s->bm[G2_F_ENABLED][w] & m;
    case GICD_ISPENDR:
    case GICD_ICPENDR:
        return pending_word(s, first) & m;
    default:    /* ISACTIVER, ICACTIVER */
        return s->bm[G2_F_ACTIVE][w] & m;
    }
}

static void write_bits(GICv2State *s, uint32_t base, int first, uint32_t v, MemTxAttrs attrs)
{
    uint32_t m = access_mask(s, first, attrs);
    int w = first / 32;

    if (w == 0 && base != GICD_IGROUPR && base != GICD_ISACTIVER && base != GICD_ICACTIVER) {
        /* SGI enables are RAO/WI (4.3.5: IMPLEMENTATION DEFINED, as QEMU); SGI pending state
         * is set and cleared through GICD_SPENDSGIR/CPENDSGIR only (4.3.7, 4.3.8). */
        m &= 0xffff0000u;
    }
    v &= m;
    switch (base) {
    case GICD_IGROUPR:
        if (!g2_ns(s, attrs)) {
            s->bm[G2_F_GROUP][w] = (s->bm[G2_F_GROUP][w] & ~m) | v;
        }
        break;
    case GICD_ISENABLER:
        s->bm[G2_F_ENABLED][w] |= v;
        break;
    case GICD_ICENABLER:
        s->bm[G2_F_ENABLED][w] &= ~v;
        break;
    case GICD_ISPENDR:
        s->bm[G2_F_PEND][w] |= v;
        break;
    case GICD_ICPENDR:
        /* Clears the latch; a level-sensitive interrupt whose line is still asserted stays
         * pending (4.3.8). */
        s->bm[G2_F_PEND][w] &= ~v;
        break;
    case GICD_ISACTIVER:
        s->bm[G2_F_ACTIVE][w] |= v;
        break;
    case GICD_ICACTIVER:
        s->bm[G2_F_ACTIVE][w] &= ~v;
        break;
    }
}

/* ---- Byte-wide registers ---- */

static bool ns_denied(GICv2State *s, int irq, MemTxAttrs attrs)
{
    return irq >= s->num_irq || (g2_ns(s, attrs) && !g2_group(s, irq));
}

/* GICD_IPRIORITYR with the Non-secure view (3.6.1 / 4.3.11: a Non-secure access sees the
 * Secure value shifted left by one; a Non-secure write stores 0x80 | (value >> 1)). */
static uint8_t read_priority(GICv2State *s, int irq, MemTxAttrs attrs)
{
    if (ns_denied(s, irq, attrs)) {
        return 0;
    }
    return g2_ns(s, attrs) ? (uint8_t)(s->priority[irq] << 1) : s->priority[irq];
}

static void write_priority(GICv2State *s, int irq, uint8_t v, MemTxAttrs attrs)
{
    if (ns_denied(s, irq, attrs)) {
        return;
    }
    s->priority[irq] = g2_ns(s, attrs) ? (uint8_t)(0x80 | (v >> 1)) : v;
}

static uint8_t read_byte(GICv2State *s, uint32_t off, MemTxAttrs attrs)
{
    if (off >= GICD_IPRIORITYR && off < GICD_ITARGETSR) {
        return read_priority(s, (int)(off - GICD_IPRIORITYR), attrs);
    }
    if (off >= GICD_ITARGETSR && off < GICD_ICFGR) {
        /* A uniprocessor implementation: all interrupts target the one processor and the
         * GICD_ITARGETSRn are RAZ/WI (4.3.12). */
        return 0;
    }
    if (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 16) {
        /* One byte per SGI, one bit per source processor: only CPU 0 exists (4.3.14). */
        int irq = (int)(off & 0xf);
        return ns_denied(s, irq, attrs) ? 0 : g2_test(s, G2_F_PEND, irq);
    }
    return 0;
}

static void write_byte(GICv2State *s, uint32_t off, uint8_t v, MemTxAttrs attrs)
{
    if (off >= GICD_IPRIORITYR && off < GICD_ITARGETSR) {
        write_priority(s, (int)(off - GICD_IPRIORITYR), v, attrs);
    } else if (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 16) {
        int irq = (int)(off & 0xf);
        if ((v & 1) && !ns_denied(s, irq, attrs)) {
            g2_assign(s, G2_F_PEND, irq, off >= GICD_SPENDSGIR);
        }
    }
}

/* ---- GICD_ICFGR (4.3.13): Int_config[1] per interrupt, 1 = edge-triggered ---- */

static uint32_t read_icfgr(GICv2State *s, int first, MemTxAttrs attrs)
{
    uint32_t v = 0;

    for (int i = 0; i < 16; i++) {
        int irq = first + i;
        if (!ns_denied(s, irq, attrs) && g2_test(s, G2_F_EDGE, irq)) {
            v |= 2u << (2 * i);
        }
    }
    return v;
}

static void write_icfgr(GICv2State *s, int first, uint32_t v, MemTxAttrs attrs)
{
    if (first < 16) {
        return;     /* SGIs: always edge-triggered, read-only */
    }
    for (int i = 0; i < 16; i++) {
        int irq = first + i;
        if (!ns_denied(s, irq, attrs)) {
            g2_assign(s, G2_F_EDGE, irq, (v >> (2 * i + 1)) & 1);
        }
    }
}

/* ---- GICD_SGIR (4.3.15) ---- */

static void write_sgir(GICv2State *s, uint32_t v, MemTxAttrs attrs)
{
    int irq = v & 0xf;
    unsigned filter = (v >> 24) & 3;
    bool to_me = filter == 2 || (filter == 0 && ((v >> 16) & 1));
    /* Which group the SGI must be in to be forwarded: a Secure write picks it with NSATT
     * (0: Group 0, 1: Group 1); a Non-secure write only forwards Group 1 SGIs. */
    int want = g2_ns(s, attrs) ? 1 : (int)((v >> 15) & 1);

    if (!to_me) {
        return;     /* no other processor; filter 0b11 is reserved */
    }
    if (s->security_extn && g2_group(s, irq) != want) {
        return;
    }
    g2_assign(s, G2_F_PEND, irq, true);
}

/* ---- Frame access ---- */

static uint32_t dist_read32(GICv2State *s, uint32_t off, MemTxAttrs attrs)
{
    if (off == GICD_CTLR) {
        return g2_ns(s, attrs) ? (s->dctlr & GICD_CTLR_EN_GRP1) >> 1 : s->dctlr;
    }
    if (off == GICD_TYPER) {
        /* ITLinesNumber [4:0], CPUNumber [7:5] = 0 (one processor), SecurityExtn [10],
         * LSPI [15:11] = 0 (4.3.2). */
        return (uint32_t)(s->num_irq / 32 - 1) | (s->security_extn ? 1u << 10 : 0);
    }
    if (off == GICD_IIDR) {
        return GICD_IIDR_VALUE;
    }
    if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        uint32_t base = off & ~0x7fu;
        return read_bits(s, base, (int)((off - base) / 4 * 32), attrs);
    }
    if ((off >= GICD_IPRIORITYR && off < GICD_ICFGR) ||
        (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 16)) {
        uint32_t v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (uint32_t)read_byte(s, off + i, attrs) << (8 * i);
        }
        return v;
    }
    if (off >= GICD_ICFGR && off < GICD_NSACR) {
        return read_icfgr(s, (int)((off - GICD_ICFGR) / 4 * 16), attrs);
    }
    if (off >= GICD_IDREGS && off < 0x1000) {
        return gicv2_id_regs[(off - GICD_IDREGS) / 4];
    }
    if (off == GICD_SGIR || (off >= GICD_NSACR && off < GICD_SGIR) || off < 0x80) {
        return 0;   /* write-only, optional GICD_NSACRn (not implemented: RAZ/WI), reserved */
    }
    qemu_log_mask(LOG_GUEST_ERROR, "gicv2: read of reserved GICD offset 0x%x\n", off);
    return 0;
}

static void dist_write32(GICv2State *s, uint32_t off, uint32_t v, MemTxAttrs attrs)
{
    if (off == GICD_CTLR) {
        if (g2_ns(s, attrs)) {
            s->dctlr = (s->dctlr & ~GICD_CTLR_EN_GRP1) | (v & 1u) << 1;
        } else {
            s->dctlr = v & (GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1);
        }
    } else if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        uint32_t base = off & ~0x7fu;
        write_bits(s, base, (int)((off - base) / 4 * 32), v, attrs);
    } else if ((off >= GICD_IPRIORITYR && off < GICD_ICFGR) ||
               (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 16)) {
        for (int i = 0; i < 4; i++) {
            write_byte(s, off + i, (uint8_t)(v >> (8 * i)), attrs);
        }
    } else if (off >= GICD_ICFGR && off < GICD_NSACR) {
        write_icfgr(s, (int)((off - GICD_ICFGR) / 4 * 16), v, attrs);
    } else if (off == GICD_SGIR) {
        write_sgir(s, v, attrs);
    } else if (off < 0x80 || (off >= GICD_NSACR && off < GICD_SGIR) || off >= GICD_IDREGS) {
        /* read-only, reserved or RAZ/WI */
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv2: write of reserved GICD offset 0x%x\n", off);
    }
    gicv2_update(s);
}

/* Byte accesses are allowed to IPRIORITYR, ITARGETSR, CPENDSGIR and SPENDSGIR (4.1.4). */
static bool byte_ok(uint32_t off)
{
    return (off >= GICD_IPRIORITYR && off < GICD_ICFGR) ||
           (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 16);
}

static MemTxResult dist_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                             MemTxAttrs attrs)
{
    GICv2State *s = opaque;
    uint32_t off = (uint32_t)addr;

    if (addr >= 0x1000) {
        *data = 0;      /* the rest of the 64 KiB window is reserved */
    } else if (size == 4 && !(off & 3)) {
        *data = dist_read32(s, off, attrs);
    } else if (size == 1 && byte_ok(off)) {
        *data = read_byte(s, off, attrs);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv2: bad %u-byte GICD read at 0x%x\n", size, off);
        *data = 0;
    }
    return MEMTX_OK;
}

static MemTxResult dist_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                              MemTxAttrs attrs)
{
    GICv2State *s = opaque;
    uint32_t off = (uint32_t)addr;

    if (addr >= 0x1000) {
        return MEMTX_OK;
    }
    if (size == 4 && !(off & 3)) {
        dist_write32(s, off, (uint32_t)data, attrs);
    } else if (size == 1 && byte_ok(off)) {
        write_byte(s, off, (uint8_t)data, attrs);
        gicv2_update(s);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv2: bad %u-byte GICD write at 0x%x\n", size, off);
    }
    return MEMTX_OK;
}

static const MemoryRegionOps dist_ops = {
    .read = dist_read,
    .write = dist_write,
    .min_access = 1,
    .max_access = 4,
};

/* ---- Input lines ---- */

static void input_handler(void *opaque, int irq, int level)
{
    GICv2State *s = opaque;
    bool old = g2_test(s, G2_F_LEVEL, irq);

    g2_assign(s, G2_F_LEVEL, irq, level != 0);
    if (level && !old && g2_test(s, G2_F_EDGE, irq)) {
        g2_assign(s, G2_F_PEND, irq, true);     /* rising edge latches (1.4.2) */
    }
    if (old != (level != 0)) {
        gicv2_update(s);
    }
}

qemu_irq gicv2_spi(GICv2State *s, int spi)
{
    return spi >= 0 && spi < s->num_irq - GICV2_INTERNAL ? s->spi_in[spi] : NULL;
}

qemu_irq gicv2_ppi(GICv2State *s, int intid)
{
    return intid >= 16 && intid < 32 ? s->ppi_in[intid - 16] : NULL;
}

/* ---- Construction and reset ---- */

void gicv2_reset(GICv2State *s)
{
    for (int f = 0; f < G2_NFIELDS; f++) {
        if (f != G2_F_LEVEL) {
            memset(s->bm[f], 0, sizeof(s->bm[f]));
        }
    }
    memset(s->priority, 0, sizeof(s->priority));
    s->dctlr = 0;
    /* SGIs: enabled (RAO/WI) and edge-triggered; PPIs and SPIs level-sensitive (4.3.13). */
    s->bm[G2_F_ENABLED][0] = 0xffffu;
    s->bm[G2_F_EDGE][0] = 0xffffu;
    gicv2_cpuif_reset(s);
    gicv2_update(s);
}

GICv2State *gicv2_create(CPUARMState *cpu, uint64_t dist_base, uint64_t cpu_base, int num_spis,
                         bool security_extn, AddressSpace *const *views, int nviews)
{
    GICv2State *s;

    if (num_spis < 0 || num_spis > GICV2_MAX_IRQ - GICV2_INTERNAL) {
        fprintf(stderr, "qemu-system-aarch64: gicv2: %d SPIs requested, at most %d supported\n",
                num_spis, GICV2_MAX_IRQ - GICV2_INTERNAL);
        return NULL;
    }
    s = calloc(1, sizeof(*s));
    if (!s) {
        return NULL;
    }
    s->env = cpu;
    s->security_extn = security_extn;
    s->num_irq = GICV2_INTERNAL + (num_spis + 31) / 32 * 32;
    if (s->num_irq > GICV2_MAX_IRQ) {
        s->num_irq = GICV2_MAX_IRQ;
    }
    for (int i = 0; i < s->num_irq - GICV2_INTERNAL; i++) {
        s->spi_in[i] = qemu_allocate_irq(input_handler, s, GICV2_INTERNAL + i);
    }
    for (int i = 0; i < 16; i++) {
        s->ppi_in[i] = qemu_allocate_irq(input_handler, s, 16 + i);
    }
    s->dist_mr = memory_region_new_io("gicv2-dist", dist_base, GICV2_DIST_SIZE, &dist_ops, s);
    s->cpu_mr = memory_region_new_io("gicv2-cpu", cpu_base, GICV2_CPU_SIZE, &gicv2_cpu_ops, s);
    if (!s->dist_mr || !s->cpu_mr) {
        return NULL;
    }
    if (address_space_add_views(views, nviews, s->dist_mr) < 0 ||
        address_space_add_views(views, nviews, s->cpu_mr) < 0) {
        return NULL;
    }
    gicv2_reset(s);
    return s;
}
