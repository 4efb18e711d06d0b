/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc-cache.h: RME: what the TLB-fill path keeps between Granule Protection Checks, per CPU. It
 * caches no GPT contents, so every check still sees the GPT as it is in memory at that moment:
 *   - the decoded GPC configuration (gpc_decode), redone when GPCCR_EL3, GPTBR_EL3 or the CPU
 *     features it depends on differ from what it was decoded from;
 *   - a host pointer to the RAM region of the Root PA space view that held the last GPT
 *     descriptor read, used while that view's map is unchanged (AddressSpace.generation).
 * GPT reads outside that region go through the memory API, so a GPT in MMIO or unmapped space
 * still reads (or fails, as an external abort on the GPT fetch) exactly as before. */
#ifndef TARGET_ARM_GPC_CACHE_H
#define TARGET_ARM_GPC_CACHE_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/memory.h"
#include "gpc.h"

typedef struct GpcCache {
    AddressSpace *as;           /* the Root PA space view the GPT is read from */
    bool decoded;
    GpcDecoded dc;
    /* The read window: the plain RAM region of `as` that held the last descriptor read through
     * the memory API, valid while `as` is win_as and its generation is win_gen. */
    const AddressSpace *win_as;
    unsigned win_gen;
    uint64_t win_pa, win_last;  /* 8-byte reads may start in [win_pa, win_pa + win_last] */
    const uint8_t *win_host;
    /* Counters (tests and measurements): configurations decoded, reads made through the memory
     * API (those that did not come from the window). */
    uint64_t decodes, slow_reads;
} GpcCache;

/* The decoded form of cfg, decoded again only when cfg differs from the last one. */
const GpcDecoded *gpc_cache_config(GpcCache *c, const GpcConfig *cfg);

/* A GpcReadFn (opaque = the GpcCache): one little-endian 64-bit GPT descriptor from c->as
 * through the memory API, with the Root PA space's attributes; false when the memory API
 * reports an error. It sets the window up for the next check when the region is plain RAM. */
bool gpc_cache_read(void *opaque, uint64_t pa, uint64_t *val);

/* Fill *rd for gpc_check_decoded(): GPT reads from the view `as`, through the window while it
 * is still valid (same view, map unchanged), else through gpc_cache_read(). */
static inline void gpc_cache_reader(GpcCache *c, AddressSpace *as, GpcReader *rd)
{
    c->as = as;
    rd->read = gpc_cache_read;
    rd->opaque = c;
    rd->win_host = c->win_as == as && c->win_gen == as->generation ? c->win_host : NULL;
    rd->win_pa = c->win_pa;
    rd->win_last = c->win_last;
}

#endif
