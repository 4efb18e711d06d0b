/* SPDX-License-Identifier: BSD-3-Clause */
/* xlat.c: builds VMSAv8-64 stage-1 tables (4KB granule, levels 0-3) from a list of map calls. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <lib/bits.h>
#include <lib/mem.h>
#include <lib/xlat.h>

/*
 * With a 4KB granule and 48-bit VA the walk starts at level 0 and each level resolves 9 bits:
 * level 0 -> 512GB per entry, 1 -> 1GB, 2 -> 2MB, 3 -> 4KB (Arm ARM D8.2.7, table D8-9).
 * Blocks exist at levels 1 and 2 only; level 0 blocks need FEAT_LPA2 descriptors.
 */
#define LEVEL_SHIFT(l)      (39 - 9 * (l))
#define LEVEL_SIZE(l)       (UINT64_C(1) << LEVEL_SHIFT(l))
#define MAX_LEVEL           3
#define ATTR_BITS_MASK      (~(XLAT_DESC_OA_MASK | GENMASK(1, 0)))

/* MAIR attribute encodings (Arm ARM D23.2.104): 0x00 Device-nGnRnE, 0xff Normal WB RW-allocate,
 * 0x44 Normal NC, 0x04 Device-nGnRE, at the indices of XLAT_MT_*. */
uint64_t xlat_mair_value(void)
{
    return (UINT64_C(0x00) << (8 * XLAT_MT_DEVICE)) | (UINT64_C(0xff) << (8 * XLAT_MT_NORMAL)) |
           (UINT64_C(0x44) << (8 * XLAT_MT_NORMAL_NC)) |
           (UINT64_C(0x04) << (8 * XLAT_MT_DEVICE_NGNRE));
}

int xlat_init(struct xlat_ctx *ctx, enum xlat_regime regime, void *pool, size_t pool_size,
              uint64_t pool_pa)
{
    if (!ctx || !pool || pool_size < XLAT_GRANULE || !IS_ALIGNED((uintptr_t)pool, XLAT_GRANULE) ||
        !IS_ALIGNED(pool_pa, XLAT_GRANULE) || (pool_pa >> XLAT_PA_BITS) ||
        (regime != XLAT_REGIME_EL3 && regime != XLAT_REGIME_EL2 && regime != XLAT_REGIME_EL1)) {
        return XLAT_EINVAL;
    }
    ctx->regime = regime;
    ctx->pool = pool;
    ctx->pool_tables = pool_size / XLAT_GRANULE;
    if (((pool_pa + (uint64_t)ctx->pool_tables * XLAT_GRANULE - 1) >> XLAT_PA_BITS)) {
        return XLAT_EINVAL;
    }
    ctx->pool_pa = pool_pa;
    ctx->root = (uint64_t *)(void *)pool;
    ctx->used_tables = 1;
    FW_LIBC(memset)(ctx->root, 0, XLAT_GRANULE);
    return XLAT_OK;
}

uint64_t xlat_root_pa(const struct xlat_ctx *ctx)
{
    return ctx->pool_pa;
}

/* Lower and upper attributes of a block or page descriptor for attrs in ctx's regime. */
static int make_attrs(const struct xlat_ctx *ctx, uint32_t attrs, uint64_t *out)
{
    uint32_t mt = attrs & XLAT_MT_MASK;
    uint32_t pas = attrs & XLAT_PAS_MASK;
    bool device = mt == XLAT_MT_DEVICE || mt == XLAT_MT_DEVICE_NGNRE;
    uint64_t d = XLAT_DESC_AF | FIELD_PREP(mt, XLAT_DESC_ATTRIDX_SHIFT, 3);

    if (mt > XLAT_MT_DEVICE_NGNRE ||
        (attrs & ~(XLAT_MT_MASK | XLAT_RW | XLAT_EXEC | XLAT_USER | XLAT_USER_EXEC |
                   XLAT_PAS_MASK))) {
        return XLAT_EATTR;
    }
    /* Executable device memory invites speculative fetches from MMIO (Arm ARM B2.7.2). */
    if (device && (attrs & (XLAT_EXEC | XLAT_USER_EXEC))) {
        return XLAT_EATTR;
    }
    /* Device and non-cacheable memory are effectively Outer Shareable whatever SH says; the
     * write-back normal memory the firmware shares between CPUs must be Inner Shareable. */
    d |= FIELD_PREP(mt == XLAT_MT_NORMAL ? XLAT_SH_INNER : XLAT_SH_OUTER, XLAT_DESC_SH_SHIFT, 2);
    if (!(attrs & XLAT_RW)) {
        d |= XLAT_DESC_AP2;
    }
    if (ctx->regime == XLAT_REGIME_EL1) {
        /* Two privilege levels: AP[1] grants EL0 access, PXN and UXN are separate. */
        if (attrs & XLAT_USER) {
            d |= XLAT_DESC_AP1;
        }
        if (!(attrs & XLAT_EXEC)) {
            d |= XLAT_DESC_PXN;
        }
        if (!(attrs & XLAT_USER_EXEC)) {
            d |= XLAT_DESC_XN;
        }
        /* EL1&0 has ASIDs; firmware mappings are global (nG = 0). */
    } else {
        if (attrs & (XLAT_USER | XLAT_USER_EXEC)) {
            return XLAT_EATTR;
        }
        /* One privilege level: AP[1] is RES1 and bit 54 is XN (Arm ARM D8.4.1). */
        d |= XLAT_DESC_AP1;
        if (!(attrs & XLAT_EXEC)) {
            d |= XLAT_DESC_XN;
        }
    }
    switch (pas) {
    case XLAT_PAS_CURRENT:
        break;
    case XLAT_PAS_NS:
        d |= XLAT_DESC_NS;
        break;
    case XLAT_PAS_ROOT:
    case XLAT_PAS_REALM:
        /* NSE exists only in the EL3 regime; elsewhere bit 11 is nG. */
        if (ctx->regime != XLAT_REGIME_EL3) {
            return XLAT_EATTR;
        }
        d |= XLAT_DESC_NSE | (pas == XLAT_PAS_REALM ? XLAT_DESC_NS : 0);
        break;
    default:
        return XLAT_EATTR;
    }
    *out = d;
    return XLAT_OK;
}

/* The pool table a table descriptor points to, or NULL if it points outside the pool. */
static uint64_t *desc_table(const struct xlat_ctx *ctx, uint64_t desc)
{
    uint64_t pa = desc & XLAT_DESC_OA_MASK;
    uint64_t off = pa - ctx->pool_pa;

    if (pa < ctx->pool_pa || off / XLAT_GRANULE >= ctx->used_tables) {
        return NULL;
    }
    return (uint64_t *)(void *)(ctx->pool + off);
}

static bool is_table(uint64_t desc, int level)
{
    return level < MAX_LEVEL && (desc & (XLAT_DESC_VALID | XLAT_DESC_TABLE)) ==
           (XLAT_DESC_VALID | XLAT_DESC_TABLE);
}

static uint64_t *alloc_table(struct xlat_ctx *ctx)
{
    uint64_t *t = (uint64_t *)(void *)(ctx->pool + ctx->used_tables * XLAT_GRANULE);

    ctx->used_tables++;
    FW_LIBC(memset)(t, 0, XLAT_GRANULE);
    return t;
}

/*
 * Map [va, va+size) in table (a level `level` table).  With dry set nothing is written and
 * *need counts the tables the request would allocate; table is NULL for a table that does not
 * exist yet (all its entries are then treated as invalid or as blocks: either way a partially
 * covered entry needs a new table).
 */
static int map_level(struct xlat_ctx *ctx, int level, uint64_t *table, uint64_t va, uint64_t pa,
                     uint64_t size, uint64_t attr, bool dry, size_t *need)
{
    uint64_t esz = LEVEL_SIZE(level);

    while (size) {
        unsigned int idx = (unsigned int)((va >> LEVEL_SHIFT(level)) & (XLAT_ENTRIES - 1));
        uint64_t chunk = ALIGN_DOWN(va, esz) + esz - va;
        uint64_t old = table ? table[idx] : 0;
        uint64_t *child = NULL;
        int ret;

        if (chunk > size) {
            chunk = size;
        }
        if (level == MAX_LEVEL) {
            if (!dry) {
                table[idx] = pa | attr | XLAT_DESC_VALID | XLAT_DESC_TABLE;
            }
        } else if (level >= 1 && chunk == esz && IS_ALIGNED(pa, esz) && !is_table(old, level)) {
            /* A whole aligned entry: a block.  An existing table below it is kept and
             * overwritten entry by entry instead, so that its pool memory is not leaked. */
            if (!dry) {
                table[idx] = pa | attr | XLAT_DESC_VALID;
            }
        } else {
            if (is_table(old, level)) {
                child = desc_table(ctx, old);
                if (!child) {
                    return XLAT_ECORRUPT;
                }
            } else if (dry) {
                (*need)++;
            } else {
                child = alloc_table(ctx);
                if (old & XLAT_DESC_VALID) {
                    /* Split a block: the new table reproduces it with next-level entries
                     * carrying the same attributes, then the request overwrites its part. */
                    uint64_t csz = LEVEL_SIZE(level + 1);
                    uint64_t base = old & XLAT_DESC_OA_MASK & ~(esz - 1);
                    uint64_t type = level + 1 == MAX_LEVEL ? XLAT_DESC_TABLE : 0;

                    for (unsigned int i = 0; i < XLAT_ENTRIES; i++) {
                        child[i] = (base + i * csz) | (old & ATTR_BITS_MASK) | type |
                                   XLAT_DESC_VALID;
                    }
                }
                table[idx] = (ctx->pool_pa + (uint64_t)((uint8_t *)child - ctx->pool)) |
                             XLAT_DESC_VALID | XLAT_DESC_TABLE;
            }
            ret = map_level(ctx, level + 1, child, va, pa, chunk, attr, dry, need);
            if (ret) {
                return ret;
            }
        }
        va += chunk;
        pa += chunk;
        size -= chunk;
    }
    return XLAT_OK;
}

int xlat_map(struct xlat_ctx *ctx, uint64_t va, uint64_t pa, uint64_t size, uint32_t attrs)
{
    uint64_t attr;
    size_t need = 0;
    int ret;

    if (!ctx || !ctx->root || !size || !IS_ALIGNED(va | pa | size, XLAT_GRANULE) ||
        size > (UINT64_C(1) << XLAT_VA_BITS) || va > (UINT64_C(1) << XLAT_VA_BITS) - size ||
        pa > (UINT64_C(1) << XLAT_PA_BITS) - size) {
        return XLAT_EINVAL;
    }
    ret = make_attrs(ctx, attrs, &attr);
    if (ret) {
        return ret;
    }
    /* Dry run first, so that running out of pool leaves the tables untouched. */
    ret = map_level(ctx, 0, ctx->root, va, pa, size, attr, true, &need);
    if (ret) {
        return ret;
    }
    if (need > ctx->pool_tables - ctx->used_tables) {
        return XLAT_ENOMEM;
    }
    return map_level(ctx, 0, ctx->root, va, pa, size, attr, false, &need);
}
