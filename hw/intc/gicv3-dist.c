/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv3-dist.c: GICv3 distributor (GICD_* frame), SPI/PPI input lines and the constructor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gicv3-internal.h"
#include "qemu/log.h"

/* Register offsets in the distributor frame (GIC spec 12.9, Table 12-25). */
#define GICD_CTLR       0x0000
#define GICD_TYPER      0x0004
#define GICD_IIDR       0x0008
#define GICD_TYPER2     0x000c
#define GICD_STATUSR    0x0010
#define GICD_SETSPI_NSR 0x0040
#define GICD_CLRSPI_SR  0x0058
#define GICD_IGROUPR    0x0080
#define GICD_ISENABLER  0x0100
#define GICD_ICENABLER  0x0180
#define GICD_ISPENDR    0x0200
#define GICD_ICPENDR    0x0280
#define GICD_ISACTIVER  0x0300
#define GICD_ICACTIVER  0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ITARGETSR  0x0800
#define GICD_ICFGR      0x0c00
#define GICD_IGRPMODR   0x0d00
#define GICD_NSACR      0x0e00
#define GICD_SGIR       0x0f00
#define GICD_CPENDSGIR  0x0f10
#define GICD_SPENDSGIR  0x0f20
#define GICD_IROUTER    0x6000
#define GICD_IDREGS     0xffd0

/* Implementer: JEP106 code of Arm (0x43b), product 0, revision 0; the GIC is an Arm-architecture
 * device and guests only print this value. */
#define GIC_IIDR_VALUE  0x0000043bu

/* CoreSight-style ID registers at 0xFFD0..0xFFFC (GIC spec 12.1.x "Identification registers"):
 * PIDR4..7, PIDR0..3, CIDR0..3. PIDR2.ArchRev [7:4] = 3 means GICv3. */
static const uint8_t gic_id_regs[12] = {
    0x44, 0x00, 0x00, 0x00,   /* PIDR4 (4KB count, JEP106 continuation 4), PIDR5..7 */
    0x92, 0xb4, 0x3b, 0x00,   /* PIDR0, PIDR1, PIDR2 (ArchRev 3, JEDEC used), PIDR3 */
    0x0d, 0xf0, 0x05, 0xb1,   /* CIDR0..3: the standard component preamble */
};

uint32_t gicv3_id_reg(uint64_t off)
{
    return gic_id_regs[(off - GICD_IDREGS) / 4];
}

/* ---- Per-INTID register banks, shared with the GICR_SGI_base frame ---- */

static uint32_t access_mask(GICv3State *s, GICv3CPU *cs, int first_irq, MemTxAttrs attrs)
{
    uint32_t mask = 0;

    for (int i = 0; i < 32; i++) {
        int irq = first_irq + i;
        if (irq < s->num_irq && gic_access_ok(s, cs, irq, attrs)) {
            mask |= 1u << i;
        }
    }
    return mask;
}

static uint32_t bank_word(GICv3State *s, GICv3CPU *cs, int f, int first_irq)
{
    return *gic_word(s, cs, f, first_irq);
}

uint32_t gicv3_read_bitmap_reg(GICv3State *s, GICv3CPU *cs, uint32_t kind, int first_irq,
                               MemTxAttrs attrs)
{
    uint32_t v = 0;

    switch (kind) {
    case GICD_IGROUPR:
    case GICD_IGRPMODR:
        /* Group configuration is Secure-only state unless DS is set (GIC spec 12.9.15/16). */
        if (!attrs.secure && !gic_ds(s)) {
            return 0;
        }
        if (kind == GICD_IGRPMODR && gic_ds(s)) {
            return 0;   /* a single Security state has no Secure Group 1 */
        }
        v = bank_word(s, cs, kind == GICD_IGROUPR ? GIC_F_GROUP : GIC_F_GRPMOD, first_irq);
        break;
    case GICD_ISENABLER:
    case GICD_ICENABLER:
        v = bank_word(s, cs, GIC_F_ENABLED, first_irq);
        break;
    case GICD_ISPENDR:
    case GICD_ICPENDR:
        v = bank_word(s, cs, GIC_F_PEND, first_irq) |
            (bank_word(s, cs, GIC_F_LEVEL, first_irq) & ~bank_word(s, cs, GIC_F_EDGE, first_irq));
        break;
    case GICD_ISACTIVER:
    case GICD_ICACTIVER:
        v = bank_word(s, cs, GIC_F_ACTIVE, first_irq);
        break;
    }
    return v & access_mask(s, cs, first_irq, attrs);
}

void gicv3_write_bitmap_reg(GICv3State *s, GICv3CPU *cs, uint32_t kind, int first_irq,
                            uint32_t val, MemTxAttrs attrs)
{
    uint32_t mask, *w;

    if (kind == GICD_IGROUPR || kind == GICD_IGRPMODR) {
        if (!attrs.secure && !gic_ds(s)) {
            return;
        }
        if (kind == GICD_IGRPMODR && gic_ds(s)) {
            return;
        }
    }
    mask = access_mask(s, cs, first_irq, attrs);
    val &= mask;
    switch (kind) {
    case GICD_IGROUPR:
        w = gic_word(s, cs, GIC_F_GROUP, first_irq);
        *w = (*w & ~mask) | val;
        break;
    case GICD_IGRPMODR:
        w = gic_word(s, cs, GIC_F_GRPMOD, first_irq);
        *w = (*w & ~mask) | val;
        break;
    case GICD_ISENABLER:
        *gic_word(s, cs, GIC_F_ENABLED, first_irq) |= val;
        break;
    case GICD_ICENABLER:
        *gic_word(s, cs, GIC_F_ENABLED, first_irq) &= ~val;
        break;
    case GICD_ISPENDR:
        /* For a level-sensitive interrupt this sets the software latch; it stays pending
         * until acknowledged or cleared by ICPENDR even if the line is low (GIC spec 4.1.1). */
        *gic_word(s, cs, GIC_F_PEND, first_irq) |= val;
        break;
    case GICD_ICPENDR:
        *gic_word(s, cs, GIC_F_PEND, first_irq) &= ~val;
        break;
    case GICD_ISACTIVER:
        *gic_word(s, cs, GIC_F_ACTIVE, first_irq) |= val;
        break;
    case GICD_ICACTIVER:
        *gic_word(s, cs, GIC_F_ACTIVE, first_irq) &= ~val;
        break;
    }
    gicv3_update(s);
}

/* Priority fields: GIC_PRIBITS implemented bits. A Non-secure access to a Non-secure Group 1
 * priority sees the Non-secure view: writes store (v >> 1) | 0x80, reads return the stored
 * value shifted left by one (GIC spec 4.8.6, "Software accesses of interrupt priority"). */
uint8_t gicv3_read_priority(GICv3State *s, GICv3CPU *cs, int irq, MemTxAttrs attrs)
{
    uint8_t p;

    if (irq >= s->num_irq || !gic_access_ok(s, cs, irq, attrs)) {
        return 0;
    }
    p = *gic_prio(s, cs, irq);
    if (!attrs.secure && !gic_ds(s)) {
        p = (uint8_t)(p << 1);
    }
    return p;
}

void gicv3_write_priority(GICv3State *s, GICv3CPU *cs, int irq, uint8_t v, MemTxAttrs attrs)
{
    if (irq >= s->num_irq || !gic_access_ok(s, cs, irq, attrs)) {
        return;
    }
    if (!attrs.secure && !gic_ds(s)) {
        v = (uint8_t)((v >> 1) | 0x80);
    }
    *gic_prio(s, cs, irq) = v & GIC_PRIO_MASK;
}

/* ICFGR: two bits per INTID, Int_config[1] (odd bit) selects edge. SGIs are always edge and
 * read-only (GIC spec 12.11.8); bit 0 of each field is RES0. */
uint32_t gicv3_read_icfgr(GICv3State *s, GICv3CPU *cs, int first_irq, MemTxAttrs attrs)
{
    uint32_t v = 0;

    for (int i = 0; i < 16; i++) {
        int irq = first_irq + i;
        if (irq < s->num_irq && gic_access_ok(s, cs, irq, attrs) &&
            gic_test(s, cs, GIC_F_EDGE, irq)) {
            v |= 2u << (2 * i);
        }
    }
    return v;
}

void gicv3_write_icfgr(GICv3State *s, GICv3CPU *cs, int first_irq, uint32_t val,
                       MemTxAttrs attrs)
{
    for (int i = 0; i < 16; i++) {
        int irq = first_irq + i;
        if (irq < 16 || irq >= s->num_irq || !gic_access_ok(s, cs, irq, attrs)) {
            continue;
        }
        gic_assign(s, cs, GIC_F_EDGE, irq, (val >> (2 * i + 1)) & 1);
    }
    gicv3_update(s);
}

void gicv3_send_sgi(GICv3CPU *cs, int irq, int grp, bool from_ns)
{
    GICv3State *s = cs->gic;
    int cfg = gic_irq_group(s, cs, irq);

    /* GIC spec 12.2.21, "Forwarding an SGI to a target PE": the SGI is set pending only if it
     * is configured for the group the register names. A Secure Group 1 request also reaches a
     * Group 0 SGI. Non-secure writers reach Secure SGIs only as allowed by GICR_NSACR
     * (1: Group 0, 2: Group 0 and Secure Group 1). */
    if (grp == GIC_G1S && cfg == GIC_G0) {
        grp = GIC_G0;
    }
    if (grp != cfg) {
        return;
    }
    if (from_ns && !gic_ds(s) && cfg != GIC_G1NS) {
        unsigned nsacr = (cs->gicr_nsacr >> (2 * irq)) & 3;
        if ((cfg == GIC_G0 && nsacr < 1) || (cfg == GIC_G1S && nsacr != 2)) {
            return;
        }
    }
    gic_assign(s, cs, GIC_F_PEND, irq, true);
    gicv3_cpu_update(cs);
}

void gicv3_deactivate_physical(GICv3CPU *cs, int irq)
{
    if (irq < cs->gic->num_irq) {
        gic_assign(cs->gic, cs, GIC_F_ACTIVE, irq, false);
    }
}

/* ---- Input lines ---- */

static void set_level(GICv3State *s, GICv3CPU *cs, int irq, int level)
{
    bool old = gic_test(s, cs, GIC_F_LEVEL, irq);

    gic_assign(s, cs, GIC_F_LEVEL, irq, level != 0);
    /* An edge-triggered interrupt becomes pending on the rising edge (GIC spec 4.1.1). */
    if (level && !old && gic_test(s, cs, GIC_F_EDGE, irq)) {
        gic_assign(s, cs, GIC_F_PEND, irq, true);
    }
    if (old != (level != 0)) {
        if (irq < GIC_INTERNAL) {
            gicv3_cpu_update(cs);
        } else {
            gicv3_update(s);
        }
    }
}

static void spi_handler(void *opaque, int n, int level)
{
    set_level(opaque, NULL, n, level);
}

static void ppi_handler(void *opaque, int n, int level)
{
    GICv3CPU *cs = opaque;

    set_level(cs->gic, cs, n, level);
}

qemu_irq gicv3_spi(GICv3State *s, int spi)
{
    if (spi < 0 || GIC_INTERNAL + spi >= s->num_irq) {
        return NULL;
    }
    return s->spi_in[spi];
}

qemu_irq gicv3_ppi_cpu(GICv3State *s, int cpu, int intid)
{
    if (cpu < 0 || cpu >= s->ncpu || intid < 16 || intid >= GIC_INTERNAL) {
        return NULL;
    }
    return s->cpus[cpu].ppi_in[intid - 16];
}

qemu_irq gicv3_ppi(GICv3State *s, int intid)
{
    return gicv3_ppi_cpu(s, 0, intid);
}

/* ---- Distributor frame ---- */

static bool spi_bank(GICv3State *s, uint64_t off, uint64_t base, int bits, int *first_irq)
{
    int n = (int)((off - base) / 4);

    *first_irq = n * (32 / bits);
    /* With affinity routing the GICD copies of the INTID 0..31 registers are RAZ/WI (the
     * redistributor holds that state), and INTIDs beyond ITLinesNumber are reserved. */
    return *first_irq >= GIC_INTERNAL && *first_irq < s->num_irq;
}

static uint32_t dist_ctlr_read(GICv3State *s, MemTxAttrs attrs)
{
    if (gic_ds(s)) {
        return s->gicd_ctlr & (GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1NS | GICD_CTLR_ARE_S |
                               GICD_CTLR_DS);
    }
    if (attrs.secure) {
        return s->gicd_ctlr;
    }
    /* Non-secure view (GIC spec 12.9.4): bit 1 EnableGrp1A aliases EnableGrp1NS, bit 4 ARE_NS;
     * bit 0 is RES0 while ARE_NS is 1. */
    return ((s->gicd_ctlr & GICD_CTLR_EN_GRP1NS) ? (1u << 1) : 0) | (1u << 4);
}

static void dist_ctlr_write(GICv3State *s, uint32_t v, MemTxAttrs attrs)
{
    uint32_t en;

    if (gic_ds(s)) {
        en = GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1NS;
    } else if (attrs.secure) {
        en = GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1NS | GICD_CTLR_EN_GRP1S;
        /* DS can be set by Secure software; it then stays set until reset. */
        if (v & GICD_CTLR_DS) {
            s->gicd_ctlr |= GICD_CTLR_DS;
            s->gicd_ctlr &= ~GICD_CTLR_EN_GRP1S;
            memset(s->bm[GIC_F_GRPMOD], 0, sizeof(s->bm[GIC_F_GRPMOD]));
            for (int i = 0; i < s->ncpu; i++) {
                s->cpus[i].bm0[GIC_F_GRPMOD] = 0;
            }
            en = GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1NS;
        }
    } else {
        en = GICD_CTLR_EN_GRP1NS;
        v = (v & (1u << 1)) ? GICD_CTLR_EN_GRP1NS : 0;
    }
    s->gicd_ctlr = (s->gicd_ctlr & ~en) | (v & en);
    gicv3_update(s);
}

static uint32_t dist_typer(GICv3State *s)
{
    uint32_t v = (uint32_t)((s->num_irq + 31) / 32 - 1);   /* ITLinesNumber */

    if (!gic_ds(s)) {
        v |= 1u << 10;        /* SecurityExtn: two Security states */
    }
    v |= 15u << 19;           /* IDbits: 16 INTID bits, matching ICC_CTLR_EL1.IDbits = 0 */
    v |= 1u << 24;            /* A3V: Aff3 supported */
    return v;
}

static uint64_t *irouter_of(GICv3State *s, uint64_t off, MemTxAttrs attrs, int *irq)
{
    *irq = (int)((off - GICD_IROUTER) / 8);
    if (*irq < GIC_INTERNAL || *irq >= s->num_irq) {
        return NULL;
    }
    if (!gic_access_ok(s, NULL, *irq, attrs)) {
        return NULL;
    }
    return &s->irouter[*irq];
}

static void log_reserved(const char *what, uint64_t off, bool write)
{
    qemu_log_mask(LOG_GUEST_ERROR, "gicv3: %s of reserved %s offset 0x%llx\n",
                  write ? "write" : "read", what, (unsigned long long)off);
}

static uint32_t dist_read32(GICv3State *s, uint64_t off, MemTxAttrs attrs)
{
    int irq;

    if (off == GICD_CTLR) {
        return dist_ctlr_read(s, attrs);
    } else if (off == GICD_TYPER) {
        return dist_typer(s);
    } else if (off == GICD_IIDR) {
        return GIC_IIDR_VALUE;
    } else if (off == GICD_TYPER2 || off == GICD_STATUSR) {
        return 0;
    } else if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        uint32_t kind = off & ~0x7fu;
        return spi_bank(s, off, kind, 1, &irq) ? gicv3_read_bitmap_reg(s, NULL, kind, irq, attrs)
                                               : 0;
    } else if (off >= GICD_IPRIORITYR && off < GICD_ITARGETSR) {
        uint32_t v = 0;
        irq = (int)(off - GICD_IPRIORITYR);
        if (irq >= GIC_INTERNAL) {
            for (int i = 0; i < 4; i++) {
                v |= (uint32_t)gicv3_read_priority(s, NULL, irq + i, attrs) << (8 * i);
            }
        }
        return v;
    } else if (off >= GICD_ITARGETSR && off < GICD_ICFGR) {
        return 0;   /* RAZ/WI with affinity routing (GIC spec 12.9.33) */
    } else if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
        return spi_bank(s, off, GICD_ICFGR, 2, &irq) ? gicv3_read_icfgr(s, NULL, irq, attrs) : 0;
    } else if (off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 0x80) {
        return spi_bank(s, off, GICD_IGRPMODR, 1, &irq)
            ? gicv3_read_bitmap_reg(s, NULL, GICD_IGRPMODR, irq, attrs) : 0;
    } else if ((off >= GICD_NSACR && off < GICD_NSACR + 0x100) || off == GICD_SGIR ||
               (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10)) {
        return 0;   /* legacy-only registers: RAZ/WI with affinity routing */
    } else if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1020) {
        uint64_t *r = irouter_of(s, off & ~7ull, attrs, &irq);
        return r ? (uint32_t)(*r >> ((off & 4) * 8)) : 0;
    } else if (off >= GICD_IDREGS) {
        return gicv3_id_reg(off);
    }
    log_reserved("GICD", off, false);
    return 0;
}

static void dist_write32(GICv3State *s, uint64_t off, uint32_t v, MemTxAttrs attrs)
{
    int irq;

    if (off == GICD_CTLR) {
        dist_ctlr_write(s, v, attrs);
    } else if (off == GICD_TYPER || off == GICD_IIDR || off == GICD_TYPER2 || off >= GICD_IDREGS) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: write to read-only GICD offset 0x%llx\n",
                      (unsigned long long)off);
    } else if (off == GICD_STATUSR) {
        /* optional error-reporting register: not implemented, RAZ/WI */
    } else if (off >= GICD_SETSPI_NSR && off <= GICD_CLRSPI_SR) {
        /* GICD_TYPER.MBIS is 0: message-based SPIs are not supported, so these are reserved */
        log_reserved("GICD (MBIS=0)", off, true);
    } else if (off >= GICD_IGROUPR && off < GICD_IPRIORITYR) {
        uint32_t kind = off & ~0x7fu;
        if (spi_bank(s, off, kind, 1, &irq)) {
            gicv3_write_bitmap_reg(s, NULL, kind, irq, v, attrs);
        }
    } else if (off >= GICD_IPRIORITYR && off < GICD_ITARGETSR) {
        irq = (int)(off - GICD_IPRIORITYR);
        if (irq >= GIC_INTERNAL) {
            for (int i = 0; i < 4; i++) {
                gicv3_write_priority(s, NULL, irq + i, (uint8_t)(v >> (8 * i)), attrs);
            }
            gicv3_update(s);
        }
    } else if (off >= GICD_ITARGETSR && off < GICD_ICFGR) {
        /* RAZ/WI with affinity routing */
    } else if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
        if (spi_bank(s, off, GICD_ICFGR, 2, &irq)) {
            gicv3_write_icfgr(s, NULL, irq, v, attrs);
        }
    } else if (off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 0x80) {
        if (spi_bank(s, off, GICD_IGRPMODR, 1, &irq)) {
            gicv3_write_bitmap_reg(s, NULL, GICD_IGRPMODR, irq, v, attrs);
        }
    } else if ((off >= GICD_NSACR && off < GICD_NSACR + 0x100) || off == GICD_SGIR ||
               (off >= GICD_CPENDSGIR && off < GICD_SPENDSGIR + 0x10)) {
        /* RAZ/WI with affinity routing */
    } else if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1020) {
        uint64_t *r = irouter_of(s, off & ~7ull, attrs, &irq);
        if (r) {
            /* Writable: Aff0..Aff2 [23:0], IRM [31], Aff3 [39:32] (GIC spec 12.9.22). */
            const uint64_t wmask = 0xff80ffffffull;
            unsigned shift = (off & 4) * 8;
            uint64_t nv = (*r & ~(0xffffffffull << shift)) | ((uint64_t)v << shift);
            *r = nv & wmask;
            gicv3_update(s);
        }
    } else {
        log_reserved("GICD", off, true);
    }
}

static bool byte_accessible(uint64_t off)
{
    /* Byte access is permitted only to IPRIORITYR and ITARGETSR (GIC spec 12.1.3). */
    return off >= GICD_IPRIORITYR && off < GICD_ICFGR;
}

static MemTxResult dist_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                             MemTxAttrs attrs)
{
    GICv3State *s = opaque;

    if (size == 8 && !(addr & 7)) {
        *data = dist_read32(s, addr, attrs) | (uint64_t)dist_read32(s, addr + 4, attrs) << 32;
    } else if (size == 4 && !(addr & 3)) {
        *data = dist_read32(s, addr, attrs);
    } else if (size == 1 && byte_accessible(addr)) {
        int irq = (int)(addr - GICD_IPRIORITYR);
        *data = (addr < GICD_ITARGETSR && irq >= GIC_INTERNAL)
            ? gicv3_read_priority(s, NULL, irq, attrs) : 0;
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: bad %u-byte GICD read at 0x%llx\n", size,
                      (unsigned long long)addr);
        *data = 0;
    }
    return MEMTX_OK;
}

static MemTxResult dist_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                              MemTxAttrs attrs)
{
    GICv3State *s = opaque;

    if (size == 8 && !(addr & 7)) {
        dist_write32(s, addr, (uint32_t)data, attrs);
        dist_write32(s, addr + 4, (uint32_t)(data >> 32), attrs);
    } else if (size == 4 && !(addr & 3)) {
        dist_write32(s, addr, (uint32_t)data, attrs);
    } else if (size == 1 && byte_accessible(addr)) {
        int irq = (int)(addr - GICD_IPRIORITYR);
        if (addr < GICD_ITARGETSR && irq >= GIC_INTERNAL) {
            gicv3_write_priority(s, NULL, irq, (uint8_t)data, attrs);
            gicv3_update(s);
        }
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: bad %u-byte GICD write at 0x%llx\n", size,
                      (unsigned long long)addr);
    }
    return MEMTX_OK;
}

static const MemoryRegionOps dist_ops = {
    .read = dist_read,
    .write = dist_write,
    .min_access = 1,
    .max_access = 8,
};

/* ---- Construction and reset ---- */

void gicv3_reset(GICv3State *s)
{
    /* The input levels (GIC_F_LEVEL) are not reset: devices keep driving their lines. */
    for (int f = 0; f < GIC_NFIELDS; f++) {
        if (f != GIC_F_LEVEL) {
            memset(s->bm[f], 0, sizeof(s->bm[f]));
        }
    }
    memset(s->priority, 0, sizeof(s->priority));
    memset(s->irouter, 0, sizeof(s->irouter));
    /* Legacy operation is not supported, so ARE_S and ARE_NS are RAO/WI (GIC spec 12.9.4). */
    s->gicd_ctlr = GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS;
    if (s->single_security) {
        s->gicd_ctlr |= GICD_CTLR_DS;
    }
    for (int i = 0; i < s->ncpu; i++) {
        gicv3_redist_reset(&s->cpus[i]);
        gicv3_cpuif_reset(&s->cpus[i]);
    }
    gicv3_update(s);
}

GICv3State *gicv3_create_smp(CPUARMState *const *cpus, int ncpus, uint64_t dist_base,
                             uint64_t redist_base, int num_spis, AddressSpace *const *views,
                             int nviews)
{
    GICv3State *s;

    if (num_spis < 0 || num_spis > GIC_MAX_SPIS) {
        fprintf(stderr, "qemu-system-aarch64: gicv3: %d SPIs requested, at most %d supported\n",
                num_spis, GIC_MAX_SPIS);
        return NULL;
    }
    if (ncpus < 1 || ncpus > GIC_MAX_CPUS) {
        fprintf(stderr, "qemu-system-aarch64: gicv3: %d CPUs, 1 to %d supported\n", ncpus,
                GIC_MAX_CPUS);
        return NULL;
    }
    s = calloc(1, sizeof(*s));
    if (!s || !(s->cpus = calloc((size_t)ncpus, sizeof(*s->cpus)))) {
        free(s);
        return NULL;
    }
    s->ncpu = ncpus;
    s->num_irq = GIC_INTERNAL + (num_spis + 31) / 32 * 32;
    if (s->num_irq > GIC_MAX_IRQ) {
        s->num_irq = GIC_MAX_IRQ;   /* 1020 is not a multiple of 32: the top word is partial */
    }
    for (int i = 0; i < s->num_irq - GIC_INTERNAL; i++) {
        s->spi_in[i] = qemu_allocate_irq(spi_handler, s, GIC_INTERNAL + i);
    }
    for (int c = 0; c < ncpus; c++) {
        GICv3CPU *cs = &s->cpus[c];
        cs->gic = s;
        cs->env = cpus ? cpus[c] : NULL;
        cs->index = c;
        for (int i = 0; i < 16; i++) {
            cs->ppi_in[i] = qemu_allocate_irq(ppi_handler, cs, 16 + i);
        }
        if (cs->env) {
            cs->env->gic_cpuif = cs;
        }
    }
    s->dist_mr = memory_region_new_io("gicv3-dist", dist_base, GICV3_DIST_SIZE, &dist_ops, s);
    s->redist_mr = memory_region_new_io("gicv3-redist", redist_base,
                                        (uint64_t)ncpus * GICV3_REDIST_SIZE,
                                        &gicv3_redist_ops, s);
    if (!s->dist_mr || !s->redist_mr) {
        return NULL;
    }
    if (address_space_add_views(views, nviews, s->dist_mr) < 0 ||
        address_space_add_views(views, nviews, s->redist_mr) < 0) {
        return NULL;
    }
    gicv3_reset(s);
    return s;
}

GICv3State *gicv3_create(CPUARMState *cpu, uint64_t dist_base, uint64_t redist_base, int num_spis,
                         AddressSpace *const *views, int nviews)
{
    CPUARMState *cpus[1] = { cpu };

    return gicv3_create_smp(cpus, 1, dist_base, redist_base, num_spis, views, nviews);
}

void gicv3_set_single_security(GICv3State *s)
{
    s->single_security = true;
    dist_ctlr_write(s, s->gicd_ctlr | GICD_CTLR_DS, (MemTxAttrs){ .space = ARMSS_SECURE,
                                                                   .secure = true });
}
