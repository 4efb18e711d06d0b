/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-gpc-cache.c: the per-CPU state of the TLB-fill GPC path (target/arm/gpc-cache.c): the
 * decoded configuration is redone when the configuration changes, and GPT reads through the RAM
 * window give what the memory API gives, including after GPT writes, map changes, and for GPTs
 * in MMIO, in unmapped space or across a region's end. The expectations come from the GPT as
 * written here and from gpc_check() with a plain memory-API reader (the path before the cache),
 * which test-gpc.c checks against the pseudocode. */
#include <glib.h>
#include <string.h>
#include "exec/memory.h"
#include "gpc-cache.h"

/* PPS 4GB, PGS 4KB, L0GPTSZ 1GB, Inner/Outer write-back, Inner Shareable, GPC on. */
#define GPCCR_ON    ((1ull << 16) | (3ull << 12) | (1ull << 10) | (1ull << 8))
#define GPCCR_PGS64 (1ull << 14)
#define RAM_BASE    0x40000000ull
#define RAM_SIZE    0x400000ull         /* 4 MiB */
#define L0_PA       (RAM_BASE + 0x1000)
#define L1_PA       (RAM_BASE + 0x100000)   /* 1GB / 64KB = 16384 entries = 128 KiB */

static const MemTxAttrs root_attrs = { .space = ARMSS_ROOT, .secure = true };

static GpcConfig cfg_at(uint64_t l0)
{
    GpcConfig c = { .gpccr = GPCCR_ON, .gptbr = l0 >> 12, .pa_bits = 48, .has_sel2 = true };
    return c;
}

static void put(AddressSpace *as, uint64_t pa, uint64_t v)
{
    g_assert_cmpint(address_space_write(as, pa, &v, 8, root_attrs), ==, MEMTX_OK);
}

static uint64_t granules(unsigned gpi)
{
    return 0x1111111111111111ull * gpi;
}

/* The reader of the code before the cache, and of gpc_check(): the memory API for every read. */
static bool plain_read(void *opaque, uint64_t pa, uint64_t *val)
{
    return address_space_ld(opaque, pa, 8, val, root_attrs) == MEMTX_OK;
}

/* One check as arm_gpc_check() makes it. */
static bool cached_check(GpcCache *c, AddressSpace *as, const GpcConfig *cfg, uint64_t pa,
                         ArmSecuritySpace pas, GpcFault *f)
{
    GpcReader rd;
    const GpcDecoded *dc = gpc_cache_config(c, cfg);
    gpc_cache_reader(c, as, &rd);
    return gpc_check_decoded(dc, pa, pas, &rd, f);
}

/* The cached path and gpc_check() agree on everything the walker and the logs use. */
static void same_as_plain(GpcCache *c, AddressSpace *as, const GpcConfig *cfg, uint64_t pa,
                          ArmSecuritySpace pas, const char *what)
{
    GpcFault a, b;
    bool oa = cached_check(c, as, cfg, pa, pas, &a);
    bool ob = gpc_check(cfg, pa, pas, plain_read, as, &b);

    if (oa != ob || a.kind != b.kind || a.level != b.level || a.gpi != b.gpi ||
        a.source != b.source || a.desc != b.desc || a.desc_pa != b.desc_pa ||
        a.block_size != b.block_size) {
        g_test_message("%s: PA 0x%llx %s: cached %d %s@%d gpi %u desc 0x%llx at 0x%llx, "
                       "plain %d %s@%d gpi %u desc 0x%llx at 0x%llx", what,
                       (unsigned long long)pa, arm_space_name(pas), oa, gpc_fault_name(a.kind),
                       a.level, a.gpi, (unsigned long long)a.desc,
                       (unsigned long long)a.desc_pa, ob, gpc_fault_name(b.kind), b.level, b.gpi,
                       (unsigned long long)b.desc, (unsigned long long)b.desc_pa);
        g_test_fail();
    }
}

/* RAM at RAM_BASE holding a GPT: level 0 entry 1 (1GB..2GB) is a table at L1_PA, all granules
 * GPI Non-secure; the other level-0 entries are GPI Any blocks. */
static AddressSpace *ram_gpt(void)
{
    AddressSpace *as = g_new0(AddressSpace, 1);
    address_space_init(as, "root");
    g_assert_cmpint(address_space_add(as, memory_region_new_ram("ram", RAM_BASE, RAM_SIZE)),
                    ==, 0);
    for (int i = 0; i < 4; i++) {
        put(as, L0_PA + 8 * i, i == 1 ? (L1_PA | 3) : (0xf << 4 | 1));
    }
    for (uint64_t e = 0; e < 16384; e++) {
        put(as, L1_PA + 8 * e, granules(GPI_NONSECURE));
    }
    return as;
}

/* MMIO that serves 8-byte reads from a table of words; reads at `fail` report an error. */
typedef struct Dev {
    uint64_t words[512];
    uint64_t fail;
    unsigned reads;
} Dev;

static MemTxResult dev_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                            MemTxAttrs attrs)
{
    Dev *d = opaque;
    d->reads++;
    g_assert_cmpuint(size, ==, 8);
    g_assert_cmpuint(attrs.space, ==, ARMSS_ROOT);      /* GPT fetches are Root accesses */
    if (addr == d->fail || addr / 8 >= 512) {
        return MEMTX_ERROR;
    }
    *data = d->words[addr / 8];
    return MEMTX_OK;
}

static MemTxResult dev_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                             MemTxAttrs attrs)
{
    return MEMTX_ERROR;
}

static const MemoryRegionOps dev_ops = { .read = dev_read, .write = dev_write };

static void test_config_decoded_on_change(void)
{
    AddressSpace *as = ram_gpt();
    GpcCache c = { 0 };
    GpcConfig cfg = cfg_at(L0_PA);
    GpcFault f;

    /* Same configuration: decoded once. */
    g_assert_true(cached_check(&c, as, &cfg, 0x40000000, ARMSS_NONSECURE, &f));
    g_assert_true(cached_check(&c, as, &cfg, 0x40001000, ARMSS_NONSECURE, &f));
    g_assert_cmpuint(c.decodes, ==, 1);
    g_assert_false(cached_check(&c, as, &cfg, 0x40000000, ARMSS_REALM, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_GPF);
    g_assert_cmpint(f.level, ==, 1);

    /* GPCCR_EL3 write: PGS 64KB (0b01). The level-1 index goes from PA[29:16] to PA[29:20]:
     * PA 0x40010000 reads entry 1 with 4KB granules and entry 0 with 64KB granules. */
    put(as, L1_PA, granules(GPI_ROOT));
    put(as, L1_PA + 8, granules(GPI_REALM));
    g_assert_true(cached_check(&c, as, &cfg, 0x40010000, ARMSS_REALM, &f));
    g_assert_cmpuint(f.desc_pa, ==, L1_PA + 8);
    g_assert_cmpuint(f.block_size, ==, 0x1000);
    cfg.gpccr |= GPCCR_PGS64;
    g_assert_false(cached_check(&c, as, &cfg, 0x40010000, ARMSS_REALM, &f));
    g_assert_cmpuint(f.gpi, ==, GPI_ROOT);
    g_assert_cmpuint(f.desc_pa, ==, L1_PA);
    g_assert_true(cached_check(&c, as, &cfg, 0x40010000, ARMSS_ROOT, &f));
    g_assert_cmpuint(f.block_size, ==, 0x10000);
    g_assert_true(cached_check(&c, as, &cfg, 0x40100000, ARMSS_REALM, &f));
    g_assert_cmpuint(f.desc_pa, ==, L1_PA + 8);
    g_assert_cmpuint(c.decodes, ==, 2);

    /* GPCCR_EL3.GPC = 0: every access passes, whatever the GPT says. */
    cfg.gpccr &= ~(1ull << 16);
    g_assert_true(cached_check(&c, as, &cfg, 0x40000000, ARMSS_SECURE, &f));
    g_assert_cmpuint(c.decodes, ==, 3);
    g_assert_cmpint(f.source, ==, GPC_SRC_NONE);

    /* GPTBR_EL3 write: a second level-0 table whose entry 1 is a GPI Secure block. */
    put(as, RAM_BASE + 0x3000 + 8, 0x8 << 4 | 1);
    cfg = cfg_at(RAM_BASE + 0x3000);
    g_assert_true(cached_check(&c, as, &cfg, 0x40000000, ARMSS_SECURE, &f));
    g_assert_cmpint(f.source, ==, GPC_SRC_L0_BLOCK);
    g_assert_cmpuint(c.decodes, ==, 4);

    /* The CPU features are part of the key too: without FEAT_SEL2, GPI Secure is reserved. */
    cfg.has_sel2 = false;
    g_assert_false(cached_check(&c, as, &cfg, 0x40000000, ARMSS_SECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_WALK);
    g_assert_cmpuint(c.decodes, ==, 5);
    /* PPS 36 bits (the level-0 table keeps its 4KB alignment and entry 1) is fine with a
     * 48-bit PA size and a walk fault at level 0 with a 32-bit one. */
    cfg.has_sel2 = true;
    cfg.gpccr |= 1;
    g_assert_true(cached_check(&c, as, &cfg, 0x40000000, ARMSS_SECURE, &f));
    cfg.pa_bits = 32;
    g_assert_false(cached_check(&c, as, &cfg, 0x40000000, ARMSS_SECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_WALK);
    g_assert_cmpint(f.level, ==, 0);
    g_assert_cmpuint(c.decodes, ==, 7);
}

static void test_gpt_write_seen_at_once(void)
{
    AddressSpace *as = ram_gpt();
    GpcCache c = { 0 };
    GpcConfig cfg = cfg_at(L0_PA);
    uint64_t slow;
    GpcFault f;

    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    slow = c.slow_reads;
    g_assert_cmpuint(slow, >=, 1);          /* the first read set the window up */
    /* Nothing in the GPT is cached: a change shows at the very next check, without any
     * invalidation, and it came through the window (no memory-API read). */
    put(as, L1_PA, granules(GPI_ROOT));
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_GPF);
    g_assert_cmpuint(f.gpi, ==, GPI_ROOT);
    put(as, L0_PA + 8, 0xb << 4 | 1);       /* level 0: a Realm block */
    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_REALM, &f));
    g_assert_cmpint(f.source, ==, GPC_SRC_L0_BLOCK);
    put(as, L0_PA + 8, 0x5 << 4 | 1);       /* a reserved GPI: walk fault at level 0 */
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_REALM, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_WALK);
    g_assert_cmpuint(c.slow_reads, ==, slow);
}

static void test_gpt_in_mmio(void)
{
    AddressSpace *as = ram_gpt();
    GpcCache c = { 0 };
    GpcConfig cfg = cfg_at(0x9000000);
    Dev *d = g_new0(Dev, 1);
    GpcFault f;

    g_assert_cmpint(address_space_add(as, memory_region_new_io("dev", 0x9000000, 0x1000,
                                                               &dev_ops, d)), ==, 0);
    d->fail = ~0ull;
    d->words[1] = L1_PA | 3;                /* level 0 in MMIO, level 1 in RAM */
    for (int round = 0; round < 3; round++) {
        g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
        g_assert_cmpuint(d->reads, ==, round + 1);      /* the device sees every level-0 read */
    }
    d->words[1] = 0xa << 4 | 1;             /* and every change of it */
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    g_assert_cmpuint(f.gpi, ==, GPI_ROOT);
    d->fail = 8;                            /* a slave error: external abort on the fetch */
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_EA);
    g_assert_cmpint(f.level, ==, 0);

    /* Level 0 in RAM, the level-1 table in MMIO (aligned to 2^(30-12-1) = 128 KiB). */
    g_assert_cmpint(address_space_add(as, memory_region_new_io("dev2", 0x9020000, 0x1000,
                                                               &dev_ops, d)), ==, 0);
    put(as, L0_PA + 8, 0x9020000 | 3);
    cfg = cfg_at(L0_PA);
    d->fail = ~0ull;
    d->words[0] = granules(GPI_REALM);
    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_REALM, &f));
    d->fail = 0;
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_REALM, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_EA);
    g_assert_cmpint(f.level, ==, 1);
}

static void test_gpt_unmapped_and_edges(void)
{
    AddressSpace *as = ram_gpt();
    GpcCache c = { 0 };
    GpcConfig cfg = cfg_at(L0_PA);
    GpcFault f;

    /* Warm the window on RAM, then read outside it: unmapped space aborts. */
    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    cfg = cfg_at(RAM_BASE + RAM_SIZE);      /* level 0 just past the end of RAM */
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_EA);
    g_assert_cmpint(f.level, ==, 0);
    cfg = cfg_at(RAM_BASE - 0x1000);        /* and just before it */
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_EA);
    cfg = cfg_at(L0_PA);
    put(as, L0_PA + 8, 0x80000000 | 3);     /* a level-1 table in unmapped space */
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_EA);
    g_assert_cmpint(f.level, ==, 1);

    /* A RAM region whose last word is cut short: 0x30004 bytes at 0x80000000, holding both
     * levels (so that the window stays on it): level 0 at its start, the level-1 table at
     * 0x80020000. The level-1 entry of PA 0x40000000 + 0x2000 * 64K is at offset 0x30000: it
     * crosses the region's end, so the memory API fails it; entry 0x1fff, at 0x2fff8, is
     * whole. */
    g_assert_cmpint(address_space_add(as, memory_region_new_ram("short", 0x80000000, 0x30004)),
                    ==, 0);
    cfg = cfg_at(0x80000000);
    put(as, 0x80000008, 0x80020000 | 3);
    put(as, 0x80020000, granules(GPI_NONSECURE));
    put(as, 0x8002fff8, granules(GPI_REALM));
    for (int i = 0; i < 2; i++) {
        g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
        g_assert_true(cached_check(&c, as, &cfg, 0x40000000 + 0x1fffull * 0x10000,
                                   ARMSS_REALM, &f));
        g_assert_false(cached_check(&c, as, &cfg, 0x40000000 + 0x2000ull * 0x10000,
                                    ARMSS_NONSECURE, &f));
        g_assert_cmpint(f.kind, ==, GPC_FAULT_EA);
        g_assert_cmpint(f.level, ==, 1);
        g_assert_cmpuint(f.desc_pa, ==, 0x80030000);
    }
}

static void test_map_change_and_views(void)
{
    AddressSpace *as = ram_gpt(), *other = ram_gpt();
    GpcCache c = { 0 };
    GpcConfig cfg = cfg_at(L0_PA);
    Dev *d = g_new0(Dev, 1);
    uint64_t slow;
    GpcFault f;

    /* The level-1 table for 1GB..2GB lives in a hole at first: external abort. */
    put(as, L0_PA + 8, 0x50000000 | 3);
    g_assert_false(cached_check(&c, as, &cfg, 0x40005000, ARMSS_NONSECURE, &f));
    g_assert_cmpint(f.kind, ==, GPC_FAULT_EA);
    /* RAM appears there (the map's generation changes): the table is read from it. */
    MemoryRegion *mr = memory_region_new_ram("late", 0x50000000, 0x20000);
    g_assert_cmpint(address_space_add(as, mr), ==, 0);
    memcpy(mr->ram, &(uint64_t){ granules(GPI_REALM) }, 8);
    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_REALM, &f));
    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_REALM, &f));
    /* That region changes mode, as a flash does between read-array and command mode (its
     * backing store stays, reads now go to the device) and the map's generation moves: the
     * window onto it must not be used any more. */
    slow = c.slow_reads;
    d->fail = ~0ull;
    d->words[0] = granules(GPI_ROOT);
    mr->ops = &dev_ops;
    mr->opaque = d;
    as->generation++;
    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_ROOT, &f));
    g_assert_cmpuint(d->reads, ==, 1);
    g_assert_cmpuint(c.slow_reads, ==, slow + 2);   /* level 0 from RAM again, level 1 MMIO */
    g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_ROOT, &f));
    g_assert_cmpuint(d->reads, ==, 2);

    /* Two views (the same map generation) with different contents at the same PAs: the
     * window of one view is never used for the other. */
    as = ram_gpt();
    put(other, L1_PA, granules(GPI_REALM));
    put(as, L1_PA, granules(GPI_SECURE));
    g_assert_cmpuint(as->generation, ==, other->generation);
    for (int i = 0; i < 2; i++) {
        g_assert_true(cached_check(&c, other, &cfg, 0x40005000, ARMSS_REALM, &f));
        g_assert_true(cached_check(&c, as, &cfg, 0x40005000, ARMSS_SECURE, &f));
    }
}

/* Random GPTs over RAM, a short RAM region, MMIO and holes, random PAs and configurations:
 * the cached path and gpc_check() with the memory API agree on every field. */
static void test_random_vs_plain(void)
{
    GRand *rng = g_rand_new_with_seed(1122);
    AddressSpace *as = ram_gpt();
    Dev *d = g_new0(Dev, 1);
    MemoryRegion *ram = address_space_lookup(as, RAM_BASE);
    GpcCache c = { 0 };
    unsigned n = 0, ok = 0, faults[5] = { 0 };

    g_assert_cmpint(address_space_add(as, memory_region_new_io("dev", 0x9000000, 0x1000,
                                                               &dev_ops, d)), ==, 0);
    g_assert_cmpint(address_space_add(as, memory_region_new_ram("short", 0x9100000, 0x1004)),
                    ==, 0);
    d->fail = 0x100;
    for (int iter = 0; iter < 200; iter++) {
        /* Scribble descriptors: tables pointing at RAM, MMIO, the short region or holes,
         * blocks, contiguous and granules descriptors with valid and reserved GPIs. */
        static const uint64_t tables[] = { L1_PA, RAM_BASE + 0x200000, 0x9000000, 0x9100000,
                                           0x9020000, 0x60000000 };
        static const unsigned gpis[] = { 0, 8, 9, 10, 11, 15, 15, 9, 3 };
        for (int k = 0; k < 64; k++) {
            uint64_t v, r = g_rand_int(rng);
            switch (r % 5) {
            case 0: v = tables[(r >> 3) % 6] | 3; break;
            case 1: v = (uint64_t)gpis[(r >> 3) % 9] << 4 | 1; break;
            case 2: v = ((r >> 8) % 4) << 8 | (uint64_t)gpis[(r >> 3) % 9] << 4 | 1; break;
            default:
                v = 0;
                for (int i = 0; i < 16; i++) {
                    v |= (uint64_t)gpis[g_rand_int_range(rng, 0, r % 7 ? 8 : 9)] << (4 * i);
                }
            }
            uint64_t where = g_rand_int_range(rng, 0, 4);
            uint64_t off = (uint64_t)g_rand_int_range(rng, 0, 0x20000) & ~7ull;
            if (where == 0) {
                memcpy(ram->ram + (L0_PA - RAM_BASE) + off % 0x20, &v, 8);
            } else if (where == 1) {
                memcpy(ram->ram + (L1_PA - RAM_BASE) + off, &v, 8);
            } else if (where == 2) {
                d->words[r % 2 ? (off / 8) % 512 : (off / 8) % 4] = v;
            } else {
                memcpy(ram->ram + 0x200000 + off, &v, 8);
            }
        }
        GpcConfig cfg = cfg_at(g_rand_boolean(rng) ? L0_PA : 0x9000000);
        cfg.gpccr |= (uint64_t)(g_rand_int_range(rng, 0, 5) ? 0 : 2) << 14;   /* PGS 4K/16K */
        cfg.has_sel2 = g_rand_int_range(rng, 0, 4) != 0;
        for (int k = 0; k < 50; k++) {
            uint64_t pa = (uint64_t)g_rand_int(rng) & 0xffffffffull;
            ArmSecuritySpace pas = (ArmSecuritySpace)g_rand_int_range(rng, 0, 4);
            GpcFault f;
            if (k % 3 == 0) {
                pa = 0x40000000 + (pa & 0x3ffffff);      /* where the level-1 table is */
            }
            same_as_plain(&c, as, &cfg, pa, pas, "random");
            if (cached_check(&c, as, &cfg, pa, pas, &f)) {
                ok++;
            } else {
                faults[f.kind]++;
            }
            n++;
        }
    }
    g_test_message("%u random checks: %u pass, %u GPF, %u walk, %u address size, %u abort; "
                   "%llu memory-API reads, %llu decodes", n, ok, faults[GPC_FAULT_GPF],
                   faults[GPC_FAULT_WALK], faults[GPC_FAULT_ADDRSIZE], faults[GPC_FAULT_EA],
                   (unsigned long long)c.slow_reads, (unsigned long long)c.decodes);
    /* every outcome must occur, or the comparison proves little */
    g_assert_cmpuint(ok, >, 100);
    g_assert_cmpuint(faults[GPC_FAULT_GPF], >, 100);
    g_assert_cmpuint(faults[GPC_FAULT_WALK], >, 100);
    g_assert_cmpuint(faults[GPC_FAULT_EA], >, 100);
    g_rand_free(rng);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gpc-cache/config/decoded-on-change", test_config_decoded_on_change);
    g_test_add_func("/gpc-cache/read/gpt-write-seen-at-once", test_gpt_write_seen_at_once);
    g_test_add_func("/gpc-cache/read/gpt-in-mmio", test_gpt_in_mmio);
    g_test_add_func("/gpc-cache/read/unmapped-and-region-edges", test_gpt_unmapped_and_edges);
    g_test_add_func("/gpc-cache/read/map-change-and-views", test_map_change_and_views);
    g_test_add_func("/gpc-cache/random-vs-memory-api", test_random_vs_plain);
    return g_test_run();
}
