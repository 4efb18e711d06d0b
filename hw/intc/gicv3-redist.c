/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv3-redist.c: GICv3 redistributor of the PE (RD_base and SGI_base frames, no LPIs). */
#include <string.h>
#include "gicv3-internal.h"
#include "qemu/log.h"

/* RD_base frame (GIC spec 12.10, Table 12-27). */
#define GICR_CTLR       0x0000
#define GICR_IIDR       0x0004
#define GICR_TYPER      0x0008
#define GICR_STATUSR    0x0010
#define GICR_WAKER      0x0014
#define GICR_LPI_FIRST  0x0040      /* SETLPIR .. SYNCR: LPI support, absent (TYPER.PLPIS=0) */
#define GICR_LPI_LAST   0x00c7
#define GICR_IDREGS     0xffd0

/* SGI_base frame, at RD_base + 64 KiB (GIC spec 12.11, Table 12-28). */
#define SGI_BASE        0x10000
#define GICR_IGROUPR0   0x0080
#define GICR_ICACTIVER0 0x0380
#define GICR_IPRIORITYR 0x0400
#define GICR_ICFGR0     0x0c00
#define GICR_ICFGR1     0x0c04
#define GICR_IGRPMODR0  0x0d00
#define GICR_NSACR      0x0e00

#define WAKER_PROCESSOR_SLEEP (1u << 1)
#define WAKER_CHILDREN_ASLEEP (1u << 2)

#define GIC_IIDR_VALUE  0x0000043bu

uint64_t gicv3_pe_affinity(const GICv3CPU *c)
{
    uint64_t mpidr = c->env ? c->env->features.mpidr : 0;

    return mpidr & 0xff00ffffffull;
}

void gicv3_redist_reset(GICv3CPU *c)
{
    /* SGIs are edge-triggered; PPIs reset to level-sensitive. The PPI levels are kept. */
    for (int f = 0; f < GIC_NFIELDS; f++) {
        if (f != GIC_F_LEVEL) {
            c->bm0[f] = 0;
        }
    }
    c->bm0[GIC_F_EDGE] = 0xffff;
    memset(c->priority0, 0, sizeof(c->priority0));
    /* Out of reset the PE is asleep as far as the GIC is concerned; firmware wakes it by
     * clearing ProcessorSleep (GIC spec 12.10.25). */
    c->gicr_waker = WAKER_PROCESSOR_SLEEP | WAKER_CHILDREN_ASLEEP;
    c->gicr_nsacr = 0;
}

static uint64_t redist_typer(GICv3CPU *c)
{
    uint64_t aff = gicv3_pe_affinity(c);
    uint64_t aff32 = (aff & 0xffffff) | ((aff >> 32) & 0xff) << 24;
    uint64_t pn = (uint64_t)c->index;
    uint64_t last = c->index == c->gic->ncpu - 1;

    /* Last (bit 4): the final redistributor of the region; PLPIS = 0: no LPIs. */
    return aff32 << 32 | pn << 8 | last << 4;
}

static bool secure_only_ok(GICv3State *s, MemTxAttrs attrs)
{
    return attrs.secure || gic_ds(s);
}

static uint32_t rd_read32(GICv3CPU *c, uint64_t off, MemTxAttrs attrs)
{
    GICv3State *s = c->gic;

    switch (off) {
    case GICR_CTLR:
        return 0;   /* EnableLPIs RES0 without LPIs; writes complete at once: RWP/UWP are 0 */
    case GICR_IIDR:
        return GIC_IIDR_VALUE;
    case GICR_TYPER:
        return (uint32_t)redist_typer(c);
    case GICR_TYPER + 4:
        return (uint32_t)(redist_typer(c) >> 32);
    case GICR_STATUSR:
        return 0;
    case GICR_WAKER:
        /* Secure-only when there are two Security states (GIC spec 12.10.25). */
        return secure_only_ok(s, attrs) ? c->gicr_waker : 0;
    }
    if (off >= GICR_LPI_FIRST && off <= GICR_LPI_LAST) {
        return 0;
    }
    if (off >= GICR_IDREGS && off < 0x10000) {
        return gicv3_id_reg(off);
    }
    qemu_log_mask(LOG_GUEST_ERROR, "gicv3: read of reserved GICR offset 0x%llx\n",
                  (unsigned long long)off);
    return 0;
}

static void rd_write32(GICv3CPU *c, uint64_t off, uint32_t v, MemTxAttrs attrs)
{
    GICv3State *s = c->gic;

    switch (off) {
    case GICR_CTLR:
    case GICR_STATUSR:
        return;
    case GICR_WAKER:
        if (!secure_only_ok(s, attrs)) {
            return;
        }
        /* Only ProcessorSleep is writable. The redistributor has no outstanding traffic, so
         * ChildrenAsleep follows it immediately; software polling for the handshake sees the
         * final state on its first read. Delivery is not gated on it (as on QEMU). */
        if (v & WAKER_PROCESSOR_SLEEP) {
            c->gicr_waker = WAKER_PROCESSOR_SLEEP | WAKER_CHILDREN_ASLEEP;
        } else {
            c->gicr_waker = 0;
        }
        return;
    case GICR_IIDR:
    case GICR_TYPER:
    case GICR_TYPER + 4:
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: write to read-only GICR offset 0x%llx\n",
                      (unsigned long long)off);
        return;
    }
    if (off >= GICR_LPI_FIRST && off <= GICR_LPI_LAST) {
        qemu_log_mask(LOG_UNIMP, "gicv3: LPIs are not implemented (GICR offset 0x%llx)\n",
                      (unsigned long long)off);
        return;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "gicv3: write to %s GICR offset 0x%llx\n",
                  off >= GICR_IDREGS ? "read-only" : "reserved", (unsigned long long)off);
}

static uint32_t sgi_read32(GICv3CPU *c, uint64_t off, MemTxAttrs attrs)
{
    GICv3State *s = c->gic;

    if (off >= GICR_IGROUPR0 && off <= GICR_ICACTIVER0 && !(off & 0x7f)) {
        return gicv3_read_bitmap_reg(s, c, (uint32_t)off, 0, attrs);
    }
    if (off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR + 32) {
        uint32_t v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (uint32_t)gicv3_read_priority(s, c, (int)(off - GICR_IPRIORITYR) + i, attrs)
                 << (8 * i);
        }
        return v;
    }
    switch (off) {
    case GICR_ICFGR0:
        return gicv3_read_icfgr(s, c, 0, attrs);
    case GICR_ICFGR1:
        return gicv3_read_icfgr(s, c, 16, attrs);
    case GICR_IGRPMODR0:
        return gicv3_read_bitmap_reg(s, c, 0xd00, 0, attrs);
    case GICR_NSACR:
        return (attrs.secure && !gic_ds(s)) ? c->gicr_nsacr : 0;
    }
    if (off >= GICR_IDREGS) {
        return 0;   /* the ID registers live in RD_base only */
    }
    qemu_log_mask(LOG_GUEST_ERROR, "gicv3: read of reserved GICR SGI_base offset 0x%llx\n",
                  (unsigned long long)off);
    return 0;
}

static void sgi_write32(GICv3CPU *c, uint64_t off, uint32_t v, MemTxAttrs attrs)
{
    GICv3State *s = c->gic;

    if (off >= GICR_IGROUPR0 && off <= GICR_ICACTIVER0 && !(off & 0x7f)) {
        gicv3_write_bitmap_reg(s, c, (uint32_t)off, 0, v, attrs);
        return;
    }
    if (off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR + 32) {
        for (int i = 0; i < 4; i++) {
            gicv3_write_priority(s, c, (int)(off - GICR_IPRIORITYR) + i, (uint8_t)(v >> (8 * i)),
                                 attrs);
        }
        gicv3_cpu_update(c);
        return;
    }
    switch (off) {
    case GICR_ICFGR0:
        return;     /* SGIs are always edge-triggered: read-only (GIC spec 12.11.8) */
    case GICR_ICFGR1:
        gicv3_write_icfgr(s, c, 16, v, attrs);
        return;
    case GICR_IGRPMODR0:
        gicv3_write_bitmap_reg(s, c, 0xd00, 0, v, attrs);
        return;
    case GICR_NSACR:
        /* Secure-only; RAZ/WI with a single Security state (GIC spec 12.11.10). Field value
         * 3 is reserved: treat as 2. SGIs only: PPI fields are RES0. */
        if (attrs.secure && !gic_ds(s)) {
            uint32_t nv = 0;
            for (int i = 0; i < 16; i++) {
                uint32_t f = (v >> (2 * i)) & 3;
                nv |= (f == 3 ? 2 : f) << (2 * i);
            }
            c->gicr_nsacr = nv;
        }
        return;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "gicv3: write to reserved GICR SGI_base offset 0x%llx\n",
                  (unsigned long long)off);
}

static uint32_t redist_read32(GICv3CPU *c, uint64_t addr, MemTxAttrs attrs)
{
    return addr >= SGI_BASE ? sgi_read32(c, addr - SGI_BASE, attrs) : rd_read32(c, addr, attrs);
}

static void redist_write32(GICv3CPU *c, uint64_t addr, uint32_t v, MemTxAttrs attrs)
{
    if (addr >= SGI_BASE) {
        sgi_write32(c, addr - SGI_BASE, v, attrs);
    } else {
        rd_write32(c, addr, v, attrs);
    }
}

static bool is_sgi_priority(uint64_t addr)
{
    return addr >= SGI_BASE + GICR_IPRIORITYR && addr < SGI_BASE + GICR_IPRIORITYR + 32;
}

/* The region holds one RD_base + SGI_base pair per PE, in PE order. */
static GICv3CPU *frame_cpu(GICv3State *s, uint64_t *addr)
{
    GICv3CPU *c = &s->cpus[*addr / GICV3_REDIST_SIZE];

    *addr %= GICV3_REDIST_SIZE;
    return c;
}

static MemTxResult redist_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                               MemTxAttrs attrs)
{
    GICv3CPU *c = frame_cpu(opaque, &addr);

    if (size == 8 && !(addr & 7)) {
        *data = redist_read32(c, addr, attrs) | (uint64_t)redist_read32(c, addr + 4, attrs) << 32;
    } else if (size == 4 && !(addr & 3)) {
        *data = redist_read32(c, addr, attrs);
    } else if (size == 1 && is_sgi_priority(addr)) {
        *data = gicv3_read_priority(c->gic, c, (int)(addr - SGI_BASE - GICR_IPRIORITYR), attrs);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: bad %u-byte GICR read at 0x%llx\n", size,
                      (unsigned long long)addr);
        *data = 0;
    }
    return MEMTX_OK;
}

static MemTxResult redist_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                                MemTxAttrs attrs)
{
    GICv3CPU *c = frame_cpu(opaque, &addr);

    if (size == 8 && !(addr & 7)) {
        redist_write32(c, addr, (uint32_t)data, attrs);
        redist_write32(c, addr + 4, (uint32_t)(data >> 32), attrs);
    } else if (size == 4 && !(addr & 3)) {
        redist_write32(c, addr, (uint32_t)data, attrs);
    } else if (size == 1 && is_sgi_priority(addr)) {
        gicv3_write_priority(c->gic, c, (int)(addr - SGI_BASE - GICR_IPRIORITYR), (uint8_t)data,
                             attrs);
        gicv3_cpu_update(c);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: bad %u-byte GICR write at 0x%llx\n", size,
                      (unsigned long long)addr);
    }
    return MEMTX_OK;
}

const MemoryRegionOps gicv3_redist_ops = {
    .read = redist_read,
    .write = redist_write,
    .min_access = 1,
    .max_access = 8,
};
