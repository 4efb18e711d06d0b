/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc-cache.c: RME: the per-CPU state that makes Granule Protection Checks cheap on the TLB-fill
 * path without caching any GPT contents (see gpc-cache.h). */
#include <string.h>
#include "gpc-cache.h"

const GpcDecoded *gpc_cache_config(GpcCache *c, const GpcConfig *cfg)
{
    const GpcConfig *k = &c->dc.cfg;

    if (!c->decoded || k->gpccr != cfg->gpccr || k->gptbr != cfg->gptbr ||
        k->pa_bits != cfg->pa_bits || k->has_sel2 != cfg->has_sel2) {
        gpc_decode(cfg, &c->dc);
        c->decoded = true;
        c->decodes++;
    }
    return &c->dc;
}

/* Plain RAM or ROM: address_space_ld reads those straight from the backing store. Regions with
 * callbacks (MMIO, ROMD flash) or a lazily filled store are never windowed. */
static bool windowable(const MemoryRegion *mr)
{
    return mr->ram && !mr->ops && !mr->lazy_done && mr->size >= 8;
}

bool gpc_cache_read(void *opaque, uint64_t pa, uint64_t *val)
{
    /* GPT fetches are made to the Root PA space (GPTWalk: gptaddrdesc.paddress.paspace =
     * PAS_Root), 64-bit little-endian; any failed read is an external abort on the GPT fetch. */
    static const MemTxAttrs root = { .space = ARMSS_ROOT, .secure = true, .unspecified = false };
    GpcCache *c = opaque;
    AddressSpace *as = c->as;
    MemoryRegion *mr = address_space_lookup(as, pa);

    c->slow_reads++;
    if (mr && windowable(mr) && pa - mr->base <= mr->size - 8) {
        c->win_as = as;
        c->win_gen = as->generation;
        c->win_pa = mr->base;
        c->win_last = mr->size - 8;
        c->win_host = mr->ram;
    }
    return address_space_ld(as, pa, 8, val, root) == MEMTX_OK;
}
