/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-xlat.c: tables from lib/xlat walked by an independent VMSAv8-64 4KB-granule walker. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <lib/xlat.h>
#include "fwtest.h"

/*
 * The walker below is written from the Arm ARM (D8.2 translation process, D8.3 descriptor
 * formats, 4KB granule, 48-bit input and output addresses, starting level 0) without using
 * anything from lib/xlat but the root address.  The expected result for an address is the last
 * map request covering it (the documented overlap rule), kept in a plain list.
 */

#define POOL_PA     UINT64_C(0x0000000880000000)   /* where the tables "are" for the walker */

struct walk {
    int fault;
    int level;
    uint64_t pa;
    uint64_t desc;
};

static uint8_t *g_pool;
static size_t g_pool_size;

static uint64_t read_desc(uint64_t pa)
{
    uint64_t v;

    if (pa < POOL_PA || pa - POOL_PA + 8 > g_pool_size || (pa & 7)) {
        fwtest_failures++;
        fprintf(stderr, "walker: descriptor address 0x%llx is outside the table pool\n",
                (unsigned long long)pa);
        return 0;
    }
    memcpy(&v, g_pool + (pa - POOL_PA), 8);
    return v;
}

static struct walk walk(uint64_t root_pa, uint64_t va)
{
    struct walk w = { 1, 0, 0, 0 };
    uint64_t table = root_pa;

    /* TTBR0 with T0SZ = 16: bits [63:48] of the VA must be zero (D8.2.2). */
    if (va >> 48) {
        return w;
    }
    for (int level = 0; level <= 3; level++) {
        unsigned int shift = 39 - 9 * level;
        uint64_t idx = (va >> shift) & 0x1ff;
        uint64_t d = read_desc(table + idx * 8);

        w.level = level;
        w.desc = d;
        if (!(d & 1)) {
            return w;                           /* invalid: translation fault */
        }
        if (level == 3) {
            if (!(d & 2)) {
                return w;                       /* 0b01 at level 3 is reserved: fault */
            }
            w.fault = 0;
            w.pa = (d & 0x0000fffffffff000ull) | (va & 0xfff);
            return w;
        }
        if (d & 2) {
            table = d & 0x0000fffffffff000ull;  /* next-level table address [47:12] */
            continue;
        }
        if (level == 0) {
            return w;                           /* no level 0 blocks with 4KB, 48-bit OA */
        }
        {
            uint64_t mask = (UINT64_C(1) << shift) - 1;

            w.fault = 0;
            w.pa = (d & 0x0000ffffffffffffull & ~mask) | (va & mask);
        }
        return w;
    }
    return w;
}

struct req {
    uint64_t va, pa, size;
    uint32_t attrs;
};

#define MAX_REQS 2048
static struct req reqs[MAX_REQS];
static int nreqs;

static const struct req *expected(uint64_t va)
{
    for (int i = nreqs - 1; i >= 0; i--) {
        if (va >= reqs[i].va && va - reqs[i].va < reqs[i].size) {
            return &reqs[i];
        }
    }
    return NULL;
}

/* Check a leaf descriptor's attributes against what the flags mean (Arm ARM D8.4, D8.5, D8.6
 * and the MAIR encodings of D23.2.104). */
static void check_attrs(enum xlat_regime regime, uint32_t attrs, uint64_t d, uint64_t va)
{
    static const unsigned int want_mair[4] = { 0x00, 0xff, 0x44, 0x04 };
    unsigned int idx = (unsigned int)(d >> 2) & 7;
    unsigned int mair = (unsigned int)(xlat_mair_value() >> (8 * idx)) & 0xff;
    int ns = (int)((d >> 5) & 1);
    int bit11 = (int)((d >> 11) & 1);
    uint32_t pas = attrs & XLAT_PAS_MASK;

    CHECK(mair == want_mair[attrs & XLAT_MT_MASK], "va 0x%llx: MAIR byte 0x%x for type %u",
          (unsigned long long)va, mair, attrs & XLAT_MT_MASK);
    CHECK((d >> 10) & 1, "va 0x%llx: AF set", (unsigned long long)va);
    CHECK(((d >> 7) & 1) == !(attrs & XLAT_RW), "va 0x%llx: AP[2] vs writable",
          (unsigned long long)va);
    if ((attrs & XLAT_MT_MASK) == XLAT_MT_NORMAL) {
        CHECK(((d >> 8) & 3) == 3, "va 0x%llx: write-back memory inner shareable",
              (unsigned long long)va);
    }
    if (regime == XLAT_REGIME_EL1) {
        CHECK(((d >> 6) & 1) == !!(attrs & XLAT_USER), "va 0x%llx: AP[1] vs EL0 access",
              (unsigned long long)va);
        CHECK(((d >> 53) & 1) == !(attrs & XLAT_EXEC), "va 0x%llx: PXN", (unsigned long long)va);
        CHECK(((d >> 54) & 1) == !(attrs & XLAT_USER_EXEC), "va 0x%llx: UXN",
              (unsigned long long)va);
        CHECK(bit11 == 0, "va 0x%llx: global (nG = 0)", (unsigned long long)va);
    } else {
        CHECK(((d >> 54) & 1) == !(attrs & XLAT_EXEC), "va 0x%llx: XN", (unsigned long long)va);
        CHECK(((d >> 53) & 1) == 0, "va 0x%llx: bit 53 RES0", (unsigned long long)va);
    }
    /* Output PA space: NS alone, or {NSE, NS} in the EL3 regime under RME. */
    CHECK(ns == (pas == XLAT_PAS_NS || pas == XLAT_PAS_REALM), "va 0x%llx: NS",
          (unsigned long long)va);
    if (regime == XLAT_REGIME_EL3) {
        CHECK(bit11 == (pas == XLAT_PAS_ROOT || pas == XLAT_PAS_REALM), "va 0x%llx: NSE",
              (unsigned long long)va);
    }
    /* Nothing else set: no contiguous hint, DBM, GP or software bits. */
    CHECK((d & 0xff87000000000000ull) == 0, "va 0x%llx: stray upper bits 0x%llx",
          (unsigned long long)va, (unsigned long long)d);
}

static void probe(const struct xlat_ctx *ctx, uint64_t va)
{
    const struct req *r = expected(va & ~0xfffull);
    struct walk w = walk(xlat_root_pa(ctx), va);

    if (!r) {
        CHECK(w.fault, "va 0x%llx: unmapped but translates", (unsigned long long)va);
        return;
    }
    CHECK(!w.fault && w.pa == r->pa + (va - r->va), "va 0x%llx: pa 0x%llx want 0x%llx%s",
          (unsigned long long)va, (unsigned long long)w.pa,
          (unsigned long long)(r->pa + (va - r->va)), w.fault ? " (fault)" : "");
    if (!w.fault) {
        check_attrs(ctx->regime, r->attrs, w.desc, va);
    }
}

static void probe_all(const struct xlat_ctx *ctx, unsigned long long *seed)
{
    for (int i = 0; i < nreqs; i++) {
        const struct req *r = &reqs[i];
        uint64_t pts[8] = {
            r->va, r->va + r->size - XLAT_GRANULE, r->va + r->size / 2,
            r->va + (fwtest_rand(seed) % r->size), r->va + r->size, r->va - XLAT_GRANULE,
            r->va + r->size + 0x200000, r->va - 0x200000,
        };

        for (int k = 0; k < 8; k++) {
            if (pts[k] < (UINT64_C(1) << 48)) {
                probe(ctx, pts[k] + (fwtest_rand(seed) & 0xfff));
            }
        }
    }
}

static int map(struct xlat_ctx *ctx, uint64_t va, uint64_t pa, uint64_t size, uint32_t attrs)
{
    int ret = xlat_map(ctx, va, pa, size, attrs);

    if (ret == XLAT_OK && nreqs < MAX_REQS) {
        reqs[nreqs++] = (struct req){ va, pa, size, attrs };
    }
    return ret;
}

static void new_ctx(struct xlat_ctx *ctx, enum xlat_regime regime, size_t tables)
{
    g_pool_size = tables * XLAT_GRANULE;
    free(g_pool);
    g_pool = aligned_alloc(XLAT_GRANULE, g_pool_size);
    memset(g_pool, 0xa5, g_pool_size);
    nreqs = 0;
    if (xlat_init(ctx, regime, g_pool, g_pool_size, POOL_PA) != XLAT_OK) {
        fprintf(stderr, "xlat_init failed\n");
        exit(1);
    }
}

/* Block use: 1GB where VA and PA are 1GB aligned, 2MB likewise, pages otherwise. */
static void test_levels(void)
{
    struct xlat_ctx ctx;
    unsigned long long seed = 1;

    new_ctx(&ctx, XLAT_REGIME_EL3, 16);
    CHECK(map(&ctx, 0x40000000, 0x80000000, 0x80000000, XLAT_DATA) == XLAT_OK, "2GB map");
    CHECK(walk(xlat_root_pa(&ctx), 0x40000000).level == 1, "1GB block used");
    CHECK(walk(xlat_root_pa(&ctx), 0xbffff000).level == 1, "second 1GB block");
    CHECK(ctx.used_tables == 2, "root and one level 1 table: %zu", ctx.used_tables);
    CHECK(map(&ctx, 0x1000000000, 0x200000, 0x600000, XLAT_CODE) == XLAT_OK, "6MB map");
    CHECK(walk(xlat_root_pa(&ctx), 0x1000400000).level == 2, "2MB block used");
    /* VA 2MB aligned but PA only 4KB aligned: pages throughout. */
    CHECK(map(&ctx, 0x2000000000, 0x3000, 0x400000, XLAT_RODATA) == XLAT_OK, "pages map");
    CHECK(walk(xlat_root_pa(&ctx), 0x2000200000).level == 3, "PA alignment forces pages");
    /* 1GB aligned range of 1GB + 8KB, starting 4KB below a 1GB boundary. */
    CHECK(map(&ctx, 0x3fffff000, 0x3fffff000, 0x40002000, XLAT_MMIO) == XLAT_OK, "straddle");
    CHECK(walk(xlat_root_pa(&ctx), 0x3fffff000).level == 3, "head page");
    CHECK(walk(xlat_root_pa(&ctx), 0x400000000).level == 1, "middle block");
    CHECK(walk(xlat_root_pa(&ctx), 0x440000000).level == 3, "tail page");
    probe_all(&ctx, &seed);
}

/* A later request carves into an earlier block: the block is split, the rest keeps its PA and
 * attributes; a block-sized request over existing pages reuses the tables. */
static void test_split_and_overlap(enum xlat_regime regime)
{
    struct xlat_ctx ctx;
    unsigned long long seed = 2;
    size_t before;

    new_ctx(&ctx, regime, 32);
    CHECK(map(&ctx, 0x40000000, 0xc0000000, 0x40000000, XLAT_DATA) == XLAT_OK, "1GB block");
    CHECK(map(&ctx, 0x40123000, 0x7000, 0x2000, XLAT_RODATA) == XLAT_OK, "carve 2 pages");
    CHECK(walk(xlat_root_pa(&ctx), 0x40122000).level == 3, "neighbour page after split");
    CHECK(walk(xlat_root_pa(&ctx), 0x40400000).level == 2, "neighbour 2MB block after split");
    CHECK(map(&ctx, 0x40000000, 0x0, 0x200000, XLAT_MMIO) == XLAT_OK, "2MB over pages");
    before = ctx.used_tables;
    CHECK(map(&ctx, 0x40000000, 0x40000000, 0x40000000, XLAT_CODE) == XLAT_OK, "1GB over all");
    CHECK(ctx.used_tables == before, "remapping over tables allocates nothing");
    CHECK(map(&ctx, 0x40200000, 0x9000000, 0x1000, XLAT_MMIO | XLAT_PAS_NS) == XLAT_OK, "page");
    probe_all(&ctx, &seed);
}

static void test_errors(void)
{
    struct xlat_ctx ctx;
    uint8_t *snapshot;
    size_t used;

    new_ctx(&ctx, XLAT_REGIME_EL3, 3);
    CHECK(xlat_map(&ctx, 0x1001, 0, 0x1000, XLAT_DATA) == XLAT_EINVAL, "va misaligned");
    CHECK(xlat_map(&ctx, 0x1000, 0x800, 0x1000, XLAT_DATA) == XLAT_EINVAL, "pa misaligned");
    CHECK(xlat_map(&ctx, 0x1000, 0x1000, 0x1800, XLAT_DATA) == XLAT_EINVAL, "size misaligned");
    CHECK(xlat_map(&ctx, 0x1000, 0x1000, 0, XLAT_DATA) == XLAT_EINVAL, "empty");
    CHECK(xlat_map(&ctx, 0xfffffffff000ull, 0, 0x2000, XLAT_DATA) == XLAT_EINVAL,
          "VA past 48 bits");
    CHECK(xlat_map(&ctx, 0x1000000000000ull, 0, 0x1000, XLAT_DATA) == XLAT_EINVAL, "VA 2^48");
    CHECK(xlat_map(&ctx, 0, 0xfffffffff000ull, 0x2000, XLAT_DATA) == XLAT_EINVAL,
          "PA past 48 bits");
    CHECK(xlat_map(&ctx, 0, 0, 0xfffffffffffff000ull, XLAT_DATA) == XLAT_EINVAL, "huge size");
    CHECK(xlat_map(&ctx, 0, 0, 0x1000, XLAT_DATA | XLAT_USER) == XLAT_EATTR, "EL0 at EL3");
    CHECK(xlat_map(&ctx, 0, 0, 0x1000, XLAT_MMIO | XLAT_EXEC) == XLAT_EATTR, "exec device");
    CHECK(xlat_map(&ctx, 0, 0, 0x1000, 5) == XLAT_EATTR, "bad memory type");
    CHECK(xlat_map(&ctx, 0, 0, 0x1000, XLAT_DATA | (1u << 20)) == XLAT_EATTR, "unknown flag");
    CHECK(ctx.used_tables == 1, "errors allocate nothing");

    /* A page needs level 1, 2 and 3 tables: one more than the pool has.  Nothing may change. */
    snapshot = malloc(g_pool_size);
    memcpy(snapshot, g_pool, g_pool_size);
    used = ctx.used_tables;
    CHECK(xlat_map(&ctx, 0x40000000, 0x40000000, 0x1000, XLAT_DATA) == XLAT_ENOMEM,
          "pool exhausted");
    CHECK(ctx.used_tables == used && memcmp(snapshot, g_pool, g_pool_size) == 0,
          "failed map left the tables untouched");
    /* A 2MB block needs only levels 1 and 2: fits. */
    CHECK(xlat_map(&ctx, 0x40000000, 0x40000000, 0x200000, XLAT_DATA) == XLAT_OK,
          "2MB fits in the remaining pool");
    free(snapshot);

    new_ctx(&ctx, XLAT_REGIME_EL2, 4);
    CHECK(xlat_map(&ctx, 0, 0, 0x1000, XLAT_DATA | XLAT_PAS_ROOT) == XLAT_EATTR, "Root at EL2");
    CHECK(xlat_map(&ctx, 0, 0, 0x1000, XLAT_DATA | XLAT_PAS_REALM) == XLAT_EATTR,
          "Realm at EL2");
    CHECK(xlat_map(&ctx, 0, 0, 0x1000, XLAT_DATA | XLAT_USER_EXEC) == XLAT_EATTR,
          "EL0 exec at EL2");
    {
        struct xlat_ctx c2;

        CHECK(xlat_init(&c2, XLAT_REGIME_EL3, g_pool + 8, XLAT_GRANULE, POOL_PA) == XLAT_EINVAL,
              "misaligned pool");
        CHECK(xlat_init(&c2, XLAT_REGIME_EL3, g_pool, 100, POOL_PA) == XLAT_EINVAL, "tiny pool");
        CHECK(xlat_init(&c2, XLAT_REGIME_EL3, g_pool, XLAT_GRANULE, POOL_PA + 8) == XLAT_EINVAL,
              "misaligned pool PA");
        CHECK(xlat_init(&c2, (enum xlat_regime)7, g_pool, XLAT_GRANULE, POOL_PA) == XLAT_EINVAL,
              "bad regime");
    }
}

static uint32_t random_attrs(enum xlat_regime regime, unsigned long long *seed)
{
    uint32_t mt = (uint32_t)(fwtest_rand(seed) % 4);
    uint32_t a = mt;
    int device = mt == XLAT_MT_DEVICE || mt == XLAT_MT_DEVICE_NGNRE;

    if (fwtest_rand(seed) & 1) {
        a |= XLAT_RW;
    }
    if (!device && (fwtest_rand(seed) & 1)) {
        a |= XLAT_EXEC;
    }
    if (regime == XLAT_REGIME_EL1) {
        if (fwtest_rand(seed) & 1) {
            a |= XLAT_USER;
        }
        if (!device && (fwtest_rand(seed) & 1)) {
            a |= XLAT_USER_EXEC;
        }
        a |= (fwtest_rand(seed) & 1) ? XLAT_PAS_NS : XLAT_PAS_CURRENT;
    } else if (regime == XLAT_REGIME_EL3) {
        a |= (uint32_t)(fwtest_rand(seed) % 4) << XLAT_PAS_SHIFT;
    } else {
        a |= (fwtest_rand(seed) & 1) ? XLAT_PAS_NS : XLAT_PAS_CURRENT;
    }
    return a;
}

/* Random overlapping requests in two windows (low memory and the top of the 48-bit space). */
static void test_random(enum xlat_regime regime, unsigned long long seed)
{
    struct xlat_ctx ctx;
    int nomem = 0;

    printf("random %d: seed 0x%llx\n", (int)regime, seed);
    new_ctx(&ctx, regime, 4096);
    for (int i = 0; i < 400; i++) {
        uint64_t size, va, pa, window, align;
        size_t used = ctx.used_tables;
        int ret;

        /* Alignment is drawn per size class, so gigabyte requests are mostly blocks and the
         * page-granular ones stay small enough for the pool. */
        switch (fwtest_rand(&seed) % 3) {
        case 0:
            size = (1 + fwtest_rand(&seed) % 64) * 0x1000;
            align = (fwtest_rand(&seed) & 1) ? 0x1000 : 0x200000;
            break;
        case 1:
            size = (1 + fwtest_rand(&seed) % 8) * 0x200000 + (fwtest_rand(&seed) % 3) * 0x1000;
            align = (fwtest_rand(&seed) & 1) ? 0x1000 : 0x200000;
            break;
        default:
            size = (1 + fwtest_rand(&seed) % 2) * 0x40000000;
            align = (fwtest_rand(&seed) & 1) ? 0x200000 : 0x40000000;
            break;
        }
        window = (fwtest_rand(&seed) & 1) ? 0 : (UINT64_C(1) << 48) - 0x200000000ull;
        va = window + ALIGN_DOWN(fwtest_rand(&seed) % (0x200000000ull - size), align);
        pa = ALIGN_DOWN(fwtest_rand(&seed) % ((UINT64_C(1) << 48) - size),
                        (fwtest_rand(&seed) % 8) ? align : 0x1000);
        ret = map(&ctx, va, pa, size, random_attrs(regime, &seed));
        /* Unaligned gigabytes need hundreds of page tables: running out is allowed, but must
         * change nothing (the walk below would see any half-done request). */
        CHECK(ret == XLAT_OK || (ret == XLAT_ENOMEM && ctx.used_tables == used),
              "random map %d: %d", i, ret);
        nomem += ret == XLAT_ENOMEM;
    }
    CHECK(nomem < 40, "too many requests ran out of pool: %d", nomem);
    printf("random %d: %d requests mapped, %d out of pool, %zu tables\n", (int)regime, nreqs,
           nomem, ctx.used_tables);
    probe_all(&ctx, &seed);
    for (int i = 0; i < 20000; i++) {
        uint64_t window = (fwtest_rand(&seed) & 1) ? 0 : (UINT64_C(1) << 48) - 0x200000000ull;

        probe(&ctx, window + fwtest_rand(&seed) % 0x200000000ull);
    }
}

int main(void)
{
    test_levels();
    test_split_and_overlap(XLAT_REGIME_EL3);
    test_split_and_overlap(XLAT_REGIME_EL2);
    test_split_and_overlap(XLAT_REGIME_EL1);
    test_errors();
    test_random(XLAT_REGIME_EL3, 0x452821e638d01377ull);
    test_random(XLAT_REGIME_EL2, 0xbe5466cf34e90c6cull);
    test_random(XLAT_REGIME_EL1, 0xc0ac29b7c97c50ddull);
    free(g_pool);
    return fwtest_report("fw-lib-xlat");
}
