/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-gpc.c: the Granule Protection Check core (target/arm/gpc.c) on hand-built GPT images, one
 * case per rule of AArch64.GranuleProtectionCheck, and on random GPTs and configurations against
 * an independent reference model written here from the Arm ARM pseudocode. */
#include <glib.h>
#include <string.h>
#include "gpc.h"

/* ------------------------------------------------------------------------------------------
 * Synthetic physical memory: a sparse table of 64-bit words; reads of "absent" words fail.
 * ------------------------------------------------------------------------------------------ */

typedef struct Mem {
    GHashTable *words;          /* pa -> value */
    GHashTable *absent;         /* pa -> 1: the read aborts */
    uint64_t seed;              /* random mode: unset words are generated from (seed, pa) */
    bool lazy;
    unsigned reads;
} Mem;

static void mem_init(Mem *m)
{
    memset(m, 0, sizeof(*m));
    m->words = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    m->absent = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
}

static void mem_free(Mem *m)
{
    g_hash_table_destroy(m->words);
    g_hash_table_destroy(m->absent);
}

static void mem_set(Mem *m, uint64_t pa, uint64_t v)
{
    uint64_t *k = g_new(uint64_t, 1), *d = g_new(uint64_t, 1);
    *k = pa;
    *d = v;
    g_hash_table_replace(m->words, k, d);
}

static void mem_abort_at(Mem *m, uint64_t pa)
{
    uint64_t *k = g_new(uint64_t, 1);
    *k = pa;
    g_hash_table_replace(m->absent, k, GINT_TO_POINTER(1));
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static uint64_t lazy_word(uint64_t seed, uint64_t pa);

static bool mem_read(void *opaque, uint64_t pa, uint64_t *val)
{
    Mem *m = opaque;
    uint64_t *v;

    m->reads++;
    g_assert_cmpuint(pa & 7, ==, 0);        /* GPT fetches are 8-byte aligned */
    if (g_hash_table_contains(m->absent, &pa)) {
        return false;
    }
    v = g_hash_table_lookup(m->words, &pa);
    if (v) {
        *val = *v;
        return true;
    }
    if (m->lazy) {
        if (mix(m->seed ^ pa ^ 0xabcdef) % 41 == 0) {
            return false;                   /* sparse external aborts */
        }
        *val = lazy_word(m->seed, pa);
        return true;
    }
    *val = 0;                               /* untouched memory reads as zero */
    return true;
}

/* ------------------------------------------------------------------------------------------
 * Reference model: a direct reading of the pseudocode, bit slices spelled out, sharing no code
 * with gpc.c. Outcome: 'P' pass, 'F' GPF, 'W' walk fault, 'A' address size, 'E' external abort.
 * ------------------------------------------------------------------------------------------ */

typedef struct RefOut {
    char what;
    int level;
    int gpi;        /* -1 when no descriptor decoded */
} RefOut;

static uint64_t slice(uint64_t v, int hi, int lo)
{
    int w = hi - lo + 1;
    if (hi < lo) {
        return 0;
    }
    return w >= 64 ? v >> lo : (v >> lo) & ((1ull << w) - 1);
}

static int ref_decode_pps(int f)
{
    switch (f) {
    case 0: return 32;
    case 1: return 36;
    case 2: return 40;
    case 3: return 42;
    case 4: return 44;
    case 5: return 48;
    case 6: return 52;
    }
    return -1;
}

static int ref_decode_pgs(int f)
{
    return f == 0 ? 12 : f == 2 ? 14 : f == 1 ? 16 : -1;
}

static int ref_l0size(int f)
{
    return f == 0 ? 30 : f == 4 ? 34 : f == 6 ? 36 : f == 9 ? 39 : -1;
}

static bool ref_gpi_valid(int gpi, bool sel2)
{
    if (gpi == 8) {
        return sel2;
    }
    return gpi == 0 || gpi == 9 || gpi == 10 || gpi == 11 || gpi == 15;
}

static bool ref_above(uint64_t a, int pps)
{
    return slice(a, 55, pps) != 0 || slice(a, 63, 56) != 0;
}

static RefOut ref_out(char what, int level, int gpi)
{
    RefOut r = { what, level, gpi };
    return r;
}

static RefOut ref_check(const GpcConfig *c, uint64_t pa, ArmSecuritySpace pas, Mem *m)
{
    uint64_t gpccr = c->gpccr;
    int pps, pgs, l0, sh, orgn, irgn;
    uint64_t base, l0e, l1e, tbl;
    int alignment, gpi, level;

    if (slice(gpccr, 16, 16) == 0) {
        return ref_out('P', 0, -1);
    }
    /* GPCRegistersConsistent */
    pps = ref_decode_pps((int)slice(gpccr, 2, 0));
    pgs = ref_decode_pgs((int)slice(gpccr, 15, 14));
    l0 = ref_l0size((int)slice(gpccr, 23, 20));
    sh = (int)slice(gpccr, 13, 12);
    orgn = (int)slice(gpccr, 11, 10);
    irgn = (int)slice(gpccr, 9, 8);
    if (pps < 0 || pps > (int)c->pa_bits || pgs < 0 || sh == 1 ||
        (orgn == 0 && irgn == 0 && sh != 2) || l0 < 0) {
        return ref_out('W', 0, -1);
    }
    if (ref_above(pa, pps)) {
        return pas == ARMSS_NONSECURE ? ref_out('P', 0, -1) : ref_out('F', 0, -1);
    }
    base = slice(c->gptbr, 39, 0) << 12;
    if (ref_above(base, pps)) {
        return ref_out('A', 0, -1);
    }
    alignment = pps - l0 + 3 > 12 ? pps - l0 + 3 : 12;
    base = base >> alignment << alignment;
    if (!mem_read(m, base + (pps <= l0 ? 0 : slice(pa, pps - 1, l0)) * 8, &l0e)) {
        return ref_out('E', 0, -1);
    }
    if (slice(l0e, 3, 0) == 1) {
        if (slice(l0e, 63, 8) != 0 || !ref_gpi_valid((int)slice(l0e, 7, 4), c->has_sel2)) {
            return ref_out('W', 0, -1);
        }
        gpi = (int)slice(l0e, 7, 4);
        level = 0;
    } else if (slice(l0e, 3, 0) == 3) {
        if (slice(l0e, 63, 52) != 0 || slice(l0e, 11, 4) != 0) {
            return ref_out('W', 0, -1);
        }
        if (slice(l0e, l0 - pgs - 2, 12) != 0) {
            return ref_out('W', 0, -1);
        }
        tbl = slice(l0e, 55, 12) << 12;
        if (ref_above(tbl, pps)) {
            return ref_out('A', 0, -1);
        }
        if (!mem_read(m, tbl + slice(pa, l0 - 1, pgs + 4) * 8, &l1e)) {
            return ref_out('E', 1, -1);
        }
        if (slice(l1e, 3, 0) == 1) {
            if (slice(l1e, 63, 10) != 0 || !ref_gpi_valid((int)slice(l1e, 7, 4), c->has_sel2) ||
                slice(l1e, 9, 8) == 0) {
                return ref_out('W', 1, -1);
            }
            gpi = (int)slice(l1e, 7, 4);
        } else {
            for (int i = 0; i < 16; i++) {
                if (!ref_gpi_valid((int)slice(l1e, 4 * i + 3, 4 * i), c->has_sel2)) {
                    return ref_out('W', 1, -1);
                }
            }
            int idx = (int)slice(pa, pgs + 3, pgs);
            gpi = (int)slice(l1e, 4 * idx + 3, 4 * idx);
        }
        level = 1;
    } else {
        return ref_out('W', 0, -1);
    }
    /* GPICheck */
    bool ok = gpi == 15 || (gpi == 8 && pas == ARMSS_SECURE) ||
              (gpi == 9 && pas == ARMSS_NONSECURE) || (gpi == 10 && pas == ARMSS_ROOT) ||
              (gpi == 11 && pas == ARMSS_REALM);
    return ok ? ref_out('P', level, gpi) : ref_out('F', level, gpi);
}

static char kind_char(bool ok, const GpcFault *f)
{
    if (ok) {
        return 'P';
    }
    switch (f->kind) {
    case GPC_FAULT_GPF: return 'F';
    case GPC_FAULT_WALK: return 'W';
    case GPC_FAULT_ADDRSIZE: return 'A';
    case GPC_FAULT_EA: return 'E';
    default: return '?';
    }
}

/* ------------------------------------------------------------------------------------------
 * Hand-built cases. Base configuration: PPS 4GB (0b000), PGS 4KB, L0GPTSZ 1GB, Inner/Outer
 * write-back, Inner Shareable, GPC on; L0 table at 0x1000 (4 entries), L1 tables at 0x100000.
 * ------------------------------------------------------------------------------------------ */

#define GPCCR_ON    ((1ull << 16) | (3ull << 12) | (1ull << 10) | (1ull << 8))
#define L0_BASE     0x1000ull
#define L1_BASE     0x100000ull        /* 1GB / 64KB per L1 entry = 16384 entries = 128KB */

static GpcConfig base_cfg(void)
{
    GpcConfig c = { .gpccr = GPCCR_ON, .gptbr = L0_BASE >> 12, .pa_bits = 48, .has_sel2 = true };
    return c;
}

static uint64_t l0_block(unsigned gpi)
{
    return (uint64_t)gpi << 4 | 1;
}

static uint64_t l0_table(uint64_t pa)
{
    return pa | 3;
}

static uint64_t granules(unsigned gpi)
{
    uint64_t d = 0;
    for (int i = 0; i < 16; i++) {
        d |= (uint64_t)gpi << (4 * i);
    }
    return d;
}

/* Run the model and the reference, require both to give `what` at `level`. */
static void expect(const GpcConfig *c, Mem *m, uint64_t pa, ArmSecuritySpace pas, char what,
                   int level, const char *name)
{
    GpcFault f;
    bool ok = gpc_check(c, pa, pas, mem_read, m, &f);
    RefOut r = ref_check(c, pa, pas, m);
    char got = kind_char(ok, &f);

    if (got != what || (!ok && f.level != level) || r.what != what ||
        (what != 'P' && r.level != level)) {
        g_test_message("%s: PA 0x%llx %s: expected %c@%d, model %c@%d, reference %c@%d", name,
                       (unsigned long long)pa, arm_space_name(pas), what, level, got,
                       ok ? 0 : f.level, r.what, r.level);
        g_test_fail();
    }
}

static const ArmSecuritySpace all_pas[4] = { ARMSS_SECURE, ARMSS_NONSECURE, ARMSS_ROOT,
                                             ARMSS_REALM };

static void test_gpc_disabled(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gpccr &= ~(1ull << 16);
    c.gpccr |= 7;                       /* even a reserved PPS is ignored when GPC == 0 */
    for (int s = 0; s < 4; s++) {
        expect(&c, &m, 0x40000000, all_pas[s], 'P', 0, "GPC disabled");
    }
    g_assert_cmpuint(m.reads, ==, 0);   /* no GPT fetch at all */
    mem_free(&m);
}

static void test_config_pps_reserved(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gpccr |= 7;
    expect(&c, &m, 0x1000, ARMSS_NONSECURE, 'W', 0, "PPS 0b111 reserved");
    mem_free(&m);
}

static void test_config_pps_above_pamax(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gpccr |= 5;           /* 48 bits */
    c.pa_bits = 44;
    expect(&c, &m, 0x1000, ARMSS_ROOT, 'W', 0, "PPS larger than PARange");
    mem_free(&m);
}

static void test_config_pgs_reserved(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gpccr |= 3ull << 14;
    expect(&c, &m, 0x1000, ARMSS_ROOT, 'W', 0, "PGS 0b11 reserved");
    mem_free(&m);
}

static void test_config_sh_reserved(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gpccr = (c.gpccr & ~(3ull << 12)) | (1ull << 12);
    expect(&c, &m, 0x1000, ARMSS_ROOT, 'W', 0, "SH 0b01 reserved");
    mem_free(&m);
}

static void test_config_noncacheable_needs_osh(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE, l0_block(GPI_ANY));
    c.gpccr &= ~(0xfull << 8);          /* IRGN = ORGN = Non-cacheable, SH = Inner */
    expect(&c, &m, 0x1000, ARMSS_ROOT, 'W', 0, "Non-cacheable with SH Inner");
    c.gpccr = (c.gpccr & ~(3ull << 12)) | (2ull << 12);   /* Outer Shareable: consistent */
    expect(&c, &m, 0x1000, ARMSS_ROOT, 'P', 0, "Non-cacheable with SH Outer");
    mem_free(&m);
}

static void test_above_pps(void)
{
    /* R_TCWMD (M.a): above the PPS, Non-secure passes, the others take a GPF at level 0 */
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE + 24, l0_block(GPI_ANY));
    expect(&c, &m, 0x100000000ull, ARMSS_NONSECURE, 'P', 0, "above PPS Non-secure");
    expect(&c, &m, 0x100000000ull, ARMSS_SECURE, 'F', 0, "above PPS Secure");
    expect(&c, &m, 0x100000000ull, ARMSS_ROOT, 'F', 0, "above PPS Root");
    expect(&c, &m, 0x7ffffffff000ull, ARMSS_REALM, 'F', 0, "above PPS Realm");
    expect(&c, &m, 0xfffff000ull, ARMSS_REALM, 'P', 0, "last granule below PPS");
    mem_free(&m);
}

static void test_gptbr_above_pps(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gptbr = 0x100000000ull >> 12;
    expect(&c, &m, 0x1000, ARMSS_NONSECURE, 'A', 0, "GPTBR above PPS");
    /* ... but a PA above the PPS is decided first */
    expect(&c, &m, 0x100000000ull, ARMSS_REALM, 'F', 0, "above PPS before GPTBR check");
    mem_free(&m);
}

static void test_gptbr_low_bits_ignored(void)
{
    /* GPTWalk: the base is aligned down to max(PPS - L0GPTSZ + 3, 12) bits: here 4KB; with
     * PPS 48 and L0GPTSZ 30, 2^21 */
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gpccr |= 5;
    c.gptbr = (0x200000ull | 0x1f000) >> 12;
    mem_set(&m, 0x200000 + 8, l0_block(GPI_REALM));
    expect(&c, &m, 0x40000000, ARMSS_REALM, 'P', 0, "misaligned GPTBR bits ignored");
    expect(&c, &m, 0x40000000, ARMSS_NONSECURE, 'F', 0, "misaligned GPTBR bits ignored, GPF");
    mem_free(&m);
}

static void test_l0_fetch_abort(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_abort_at(&m, L0_BASE + 16);
    expect(&c, &m, 0x80000000ull, ARMSS_ROOT, 'E', 0, "external abort on L0 fetch");
    mem_free(&m);
}

static void test_l0_block_gpis(void)
{
    static const unsigned gpis[] = { GPI_NO_ACCESS, GPI_SECURE, GPI_NONSECURE, GPI_ROOT,
                                     GPI_REALM, GPI_ANY };
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    for (size_t g = 0; g < 6; g++) {
        mem_set(&m, L0_BASE, l0_block(gpis[g]));
        for (int s = 0; s < 4; s++) {
            ArmSecuritySpace pas = all_pas[s];
            bool ok = gpis[g] == GPI_ANY || (gpis[g] == GPI_SECURE && pas == ARMSS_SECURE) ||
                      (gpis[g] == GPI_NONSECURE && pas == ARMSS_NONSECURE) ||
                      (gpis[g] == GPI_ROOT && pas == ARMSS_ROOT) ||
                      (gpis[g] == GPI_REALM && pas == ARMSS_REALM);
            expect(&c, &m, 0x3ffff000, pas, ok ? 'P' : 'F', 0, "L0 block GPI");
        }
    }
    mem_free(&m);
}

static void test_l0_block_res0(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE, l0_block(GPI_ANY) | 1ull << 8);
    expect(&c, &m, 0, ARMSS_ROOT, 'W', 0, "L0 block bit 8 RES0");
    mem_set(&m, L0_BASE, l0_block(GPI_ANY) | 1ull << 63);
    expect(&c, &m, 0, ARMSS_ROOT, 'W', 0, "L0 block bit 63 RES0");
    mem_free(&m);
}

static void test_l0_block_reserved_gpi(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    for (unsigned gpi = 0; gpi < 16; gpi++) {
        bool valid = gpi == 0 || gpi == 8 || gpi == 9 || gpi == 10 || gpi == 11 || gpi == 15;
        mem_set(&m, L0_BASE, l0_block(gpi));
        if (!valid) {
            expect(&c, &m, 0, ARMSS_ROOT, 'W', 0, "L0 block reserved GPI");
        }
    }
    mem_free(&m);
}

static void test_secure_gpi_needs_sel2(void)
{
    /* GPIValid: GPI Secure is reserved without FEAT_SEL2 */
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.has_sel2 = false;
    mem_set(&m, L0_BASE, l0_block(GPI_SECURE));
    expect(&c, &m, 0, ARMSS_SECURE, 'W', 0, "GPI Secure without FEAT_SEL2");
    c.has_sel2 = true;
    expect(&c, &m, 0, ARMSS_SECURE, 'P', 0, "GPI Secure with FEAT_SEL2");
    mem_free(&m);
}

static void test_l0_invalid_types(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    for (unsigned t = 0; t < 16; t++) {
        if (t == 1 || t == 3) {
            continue;
        }
        mem_set(&m, L0_BASE, (uint64_t)GPI_ANY << 4 | t);
        expect(&c, &m, 0, ARMSS_ROOT, 'W', 0, "L0 invalid descriptor type");
    }
    mem_free(&m);
}

static void test_l0_table_checks(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L1_BASE, granules(GPI_ANY));
    mem_set(&m, L0_BASE, l0_table(L1_BASE));
    expect(&c, &m, 0, ARMSS_ROOT, 'P', 1, "L0 table valid");
    mem_set(&m, L0_BASE, l0_table(L1_BASE) | 0x10);
    expect(&c, &m, 0, ARMSS_ROOT, 'W', 0, "L0 table bits [11:4] RES0");
    mem_set(&m, L0_BASE, l0_table(L1_BASE) | 1ull << 60);
    expect(&c, &m, 0, ARMSS_ROOT, 'W', 0, "L0 table bits [63:52] RES0");
    /* L1 table of 1GB/64KB entries * 8 = 128KB: must be 128KB aligned */
    mem_set(&m, L0_BASE, l0_table(L1_BASE + 0x10000));
    expect(&c, &m, 0, ARMSS_ROOT, 'W', 0, "L0 table misaligned L1 address");
    mem_set(&m, L0_BASE, l0_table(0x100000000ull));
    expect(&c, &m, 0, ARMSS_ROOT, 'A', 0, "L0 table address above PPS");
    mem_free(&m);
}

static void test_l1_fetch_abort(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE, l0_table(L1_BASE));
    mem_abort_at(&m, L1_BASE + 8 * 3);
    mem_set(&m, L1_BASE + 8 * 2, granules(GPI_ANY));
    expect(&c, &m, 3 * 0x10000 + 0x5000, ARMSS_ROOT, 'E', 1, "external abort on L1 fetch");
    expect(&c, &m, 2 * 0x10000, ARMSS_ROOT, 'P', 1, "neighbouring L1 entry");
    mem_free(&m);
}

static void test_l1_granules_index(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    /* granule i of the 64KB block gets GPI Realm, the others Non-secure */
    mem_set(&m, L0_BASE + 8, l0_table(L1_BASE));
    for (int i = 0; i < 16; i++) {
        uint64_t d = granules(GPI_NONSECURE) & ~(0xfull << (4 * i));
        d |= (uint64_t)GPI_REALM << (4 * i);
        mem_set(&m, L1_BASE + 8 * 5, d);
        for (int j = 0; j < 16; j++) {
            uint64_t pa = 0x40000000ull + 5 * 0x10000 + j * 0x1000 + 0x123;
            expect(&c, &m, pa, ARMSS_REALM, i == j ? 'P' : 'F', 1, "L1 granule index");
            expect(&c, &m, pa, ARMSS_NONSECURE, i == j ? 'F' : 'P', 1, "L1 granule index NS");
        }
    }
    mem_free(&m);
}

static void test_l1_granules_reserved_anywhere(void)
{
    /* R_KYZMZ: a reserved GPI in any field makes the whole granules descriptor invalid */
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE, l0_table(L1_BASE));
    mem_set(&m, L1_BASE, (granules(GPI_ANY) & ~(0xfull << 60)) | 0x2ull << 60);
    expect(&c, &m, 0x0000, ARMSS_ROOT, 'W', 1, "reserved GPI in field 15, access field 0");
    c.has_sel2 = false;
    mem_set(&m, L1_BASE, (granules(GPI_ANY) & ~(0xfull << 28)) | 0x8ull << 28);
    expect(&c, &m, 0x0000, ARMSS_ROOT, 'W', 1, "GPI Secure without SEL2 in field 7");
    mem_free(&m);
}

/* DecodeGPTGranules with GPIValid on each field, exhaustively: every value in every field of an
 * otherwise valid descriptor, with and without FEAT_SEL2; the expectation is GPIValid and
 * GPICheck spelled out here (ref_gpi_valid), for the field accessed and for another field. */
static void test_l1_granules_every_field_every_gpi(void)
{
    static const unsigned backgrounds[] = { GPI_NO_ACCESS, GPI_NONSECURE, GPI_ROOT, GPI_REALM,
                                            GPI_ANY, GPI_SECURE };
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE, l0_table(L1_BASE));
    for (int sel2 = 0; sel2 < 2; sel2++) {
        c.has_sel2 = sel2;
        for (unsigned nb = 0; nb < 5u + sel2; nb++) {
            unsigned bg = backgrounds[nb];
            for (unsigned field = 0; field < 16; field++) {
                for (unsigned v = 0; v < 16; v++) {
                    uint64_t d = (granules(bg) & ~(0xfull << (4 * field))) |
                                 (uint64_t)v << (4 * field);
                    uint64_t other = (field ^ 1) * 0x1000ull;
                    if ((d & 0xf) == 1) {
                        continue;       /* a contiguous descriptor: test_l1_contiguous */
                    }
                    mem_set(&m, L1_BASE, d);
                    if (!ref_gpi_valid((int)v, sel2)) {
                        expect(&c, &m, field * 0x1000ull, ARMSS_ROOT, 'W', 1, "reserved GPI");
                        expect(&c, &m, other, ARMSS_ROOT, 'W', 1, "reserved GPI elsewhere");
                        continue;
                    }
                    expect(&c, &m, field * 0x1000ull, ARMSS_ROOT,
                           v == GPI_ROOT || v == GPI_ANY ? 'P' : 'F', 1, "valid GPI");
                    expect(&c, &m, other, ARMSS_REALM, bg == GPI_REALM || bg == GPI_ANY
                           ? 'P' : 'F', 1, "valid GPI, other field");
                }
            }
        }
    }
    mem_free(&m);
}

static void test_l1_contiguous(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE, l0_table(L1_BASE));
    for (unsigned contig = 1; contig < 4; contig++) {
        mem_set(&m, L1_BASE + 8, (uint64_t)contig << 8 | (uint64_t)GPI_ROOT << 4 | 1);
        expect(&c, &m, 0x1f000, ARMSS_ROOT, 'P', 1, "L1 contiguous Root");
        expect(&c, &m, 0x1f000, ARMSS_REALM, 'F', 1, "L1 contiguous Root, Realm access");
    }
    mem_set(&m, L1_BASE + 8, (uint64_t)GPI_ROOT << 4 | 1);
    expect(&c, &m, 0x10000, ARMSS_ROOT, 'W', 1, "L1 contiguous Contig = 0");
    mem_set(&m, L1_BASE + 8, 1ull << 10 | 1ull << 8 | (uint64_t)GPI_ROOT << 4 | 1);
    expect(&c, &m, 0x10000, ARMSS_ROOT, 'W', 1, "L1 contiguous bit 10 RES0");
    mem_set(&m, L1_BASE + 8, 1ull << 8 | 0x3ull << 4 | 1);
    expect(&c, &m, 0x10000, ARMSS_ROOT, 'W', 1, "L1 contiguous reserved GPI");
    mem_free(&m);
}

static void test_gpf_levels(void)
{
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    mem_set(&m, L0_BASE, l0_block(GPI_NO_ACCESS));
    mem_set(&m, L0_BASE + 8, l0_table(L1_BASE));
    mem_set(&m, L1_BASE, granules(GPI_NO_ACCESS));
    expect(&c, &m, 0x1000, ARMSS_ROOT, 'F', 0, "GPF from an L0 block is at level 0");
    expect(&c, &m, 0x40001000, ARMSS_ROOT, 'F', 1, "GPF from an L1 entry is at level 1");
    mem_free(&m);
}

static void test_pgs_and_l0gptsz(void)
{
    /* PGS 64KB (0b01) with L0GPTSZ 16GB (0b0100), PPS 64GB: 4 L0 entries; one L1 entry per
     * 1MB; GPI index PA[19:16] */
    Mem m;
    GpcConfig c = base_cfg();
    mem_init(&m);
    c.gpccr |= 1 | 1ull << 14 | 0x4ull << 20;
    mem_set(&m, L0_BASE + 8 * 2, l0_table(L1_BASE));
    mem_set(&m, L1_BASE + 8 * 7, (granules(GPI_NONSECURE) & ~(0xfull << 12)) |
                                 (uint64_t)GPI_REALM << 12);
    expect(&c, &m, 0x800000000ull + 7 * 0x100000 + 3 * 0x10000, ARMSS_REALM, 'P', 1,
           "PGS 64KB index 3");
    expect(&c, &m, 0x800000000ull + 7 * 0x100000 + 4 * 0x10000, ARMSS_REALM, 'F', 1,
           "PGS 64KB index 4");
    /* PGS 16KB (0b10): one L1 entry per 256KB, GPI index PA[17:14] */
    c.gpccr = (c.gpccr & ~(3ull << 14)) | 2ull << 14;
    mem_set(&m, L1_BASE + 8 * 1, (granules(GPI_NONSECURE) & ~(0xfull << 8)) |
                                 (uint64_t)GPI_ROOT << 8);
    expect(&c, &m, 0x800000000ull + 0x40000 + 2 * 0x4000, ARMSS_ROOT, 'P', 1, "PGS 16KB idx 2");
    expect(&c, &m, 0x800000000ull + 0x40000 + 3 * 0x4000, ARMSS_ROOT, 'F', 1, "PGS 16KB idx 3");
    /* PPS (4GB) smaller than L0GPTSZ (512GB): a single L0 entry */
    c = base_cfg();
    c.gpccr |= 0x9ull << 20;
    mem_set(&m, L0_BASE, l0_block(GPI_REALM));
    expect(&c, &m, 0xc0000000ull, ARMSS_REALM, 'P', 0, "PPS below L0GPTSZ: entry 0");
    mem_free(&m);
}

/* ------------------------------------------------------------------------------------------
 * Random GPTs. Memory words are generated lazily from (seed, pa) so that tables of any size
 * exist; each word is a plausible descriptor with occasional defects.
 * ------------------------------------------------------------------------------------------ */

static const unsigned valid_gpis[] = { 0, 8, 9, 10, 11, 15 };

static unsigned rnd_gpi(uint64_t h)
{
    return h % 13 == 0 ? (unsigned)(h >> 8) % 16 : valid_gpis[(h >> 4) % 6];
}

static uint64_t lazy_word(uint64_t seed, uint64_t pa)
{
    uint64_t h = mix(seed * 0x9e3779b97f4a7c15ull + pa);
    uint64_t h2 = mix(h);
    uint64_t d;

    switch (h % 8) {
    case 0: case 1:             /* block */
        d = (uint64_t)rnd_gpi(h2) << 4 | 1;
        break;
    case 2: case 3: {           /* table pointer, mostly below 4GB, aligned to 2^(17..23) */
        unsigned al = 17 + (unsigned)(h2 % 7);
        uint64_t lim = h2 % 11 == 0 ? (1ull << 50) : (1ull << 32);
        d = ((mix(h2) % lim) >> al << al) | 3;
        if (h2 % 17 == 0) {
            d |= 0x1000;        /* misaligned */
        }
        break;
    }
    case 4:                     /* contiguous */
        d = (h2 >> 20) % 4 << 8 | (uint64_t)rnd_gpi(h2) << 4 | 1;
        break;
    default:                    /* granules */
        d = 0;
        for (int i = 0; i < 16; i++) {
            unsigned g = h2 % 31 == (uint64_t)i ? rnd_gpi(mix(h2 + i))
                                                : valid_gpis[mix(h2 + i) % 6];
            d |= (uint64_t)g << (4 * i);
        }
        return d;
    }
    if (h2 % 23 == 0) {
        d |= 1ull << (8 + mix(h2) % 56);    /* a stray RES0 bit */
    }
    return d;
}

static void test_random(void)
{
    static const unsigned pa_sizes[] = { 32, 36, 40, 42, 44, 48, 52 };
    static const unsigned l0sz[] = { 0, 4, 6, 9 };
    GRand *rng = g_rand_new_with_seed(20261122);
    unsigned n = 0, counts[5] = { 0 };

    for (int iter = 0; iter < 1000; iter++) {
        Mem m;
        GpcConfig c;
        mem_init(&m);
        m.lazy = true;
        m.seed = g_rand_int(rng) | (uint64_t)g_rand_int(rng) << 32;
        c.pa_bits = pa_sizes[g_rand_int_range(rng, 0, 7)];
        c.has_sel2 = g_rand_boolean(rng);
        c.gpccr = (uint64_t)g_rand_int_range(rng, 0, 7) |
                  (g_rand_int_range(rng, 0, 10) == 0 ? 7 : 0) |
                  (uint64_t)g_rand_int_range(rng, 0, 16) << 8 |
                  (uint64_t)(g_rand_int_range(rng, 0, 6) == 0 ? 1
                                                    : g_rand_int_range(rng, 2, 4)) << 12 |
                  (uint64_t)g_rand_int_range(rng, 0, g_rand_int_range(rng, 0, 8) == 0 ? 4 : 3)
                      << 14 |
                  (g_rand_int_range(rng, 0, 20) ? 1ull << 16 : 0) |
                  (uint64_t)l0sz[g_rand_int_range(rng, 0, 4)] << 20;
        c.gptbr = (uint64_t)g_rand_int(rng) & 0xfffff;      /* below 4GB mostly */
        if (g_rand_int_range(rng, 0, 10) == 0) {
            c.gptbr |= (uint64_t)g_rand_int(rng) << 20;      /* anywhere */
        }
        for (int k = 0; k < 100; k++) {
            uint64_t pa = ((uint64_t)g_rand_int(rng) << 32 | g_rand_int(rng)) &
                          ((1ull << g_rand_int_range(rng, 30, 53)) - 1);
            ArmSecuritySpace pas = all_pas[g_rand_int_range(rng, 0, 4)];
            GpcFault f;
            bool ok = gpc_check(&c, pa, pas, mem_read, &m, &f);
            RefOut r = ref_check(&c, pa, pas, &m);
            char got = kind_char(ok, &f);
            bool same = got == r.what && (ok || f.level == r.level) &&
                        (r.gpi < 0 || (unsigned)r.gpi == f.gpi);
            if (!same) {
                g_test_message("random %d/%d: gpccr 0x%llx gptbr 0x%llx pa_bits %u sel2 %d "
                               "PA 0x%llx %s: model %c@%d gpi %u, reference %c@%d gpi %d", iter,
                               k, (unsigned long long)c.gpccr, (unsigned long long)c.gptbr,
                               c.pa_bits, c.has_sel2, (unsigned long long)pa,
                               arm_space_name(pas), got, f.level, f.gpi, r.what, r.level, r.gpi);
                g_test_fail();
            }
            counts[got == 'P' ? 0 : got == 'F' ? 1 : got == 'W' ? 2 : got == 'A' ? 3 : 4]++;
            n++;
        }
        mem_free(&m);
    }
    g_test_message("%u random checks: %u pass, %u GPF, %u walk, %u address size, %u abort", n,
                   counts[0], counts[1], counts[2], counts[3], counts[4]);
    /* the generator must exercise every outcome, or the comparison proves little */
    for (int i = 0; i < 5; i++) {
        g_assert_cmpuint(counts[i], >, 20);
    }
    g_rand_free(rng);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gpc/disabled", test_gpc_disabled);
    g_test_add_func("/gpc/config/pps-reserved", test_config_pps_reserved);
    g_test_add_func("/gpc/config/pps-above-parange", test_config_pps_above_pamax);
    g_test_add_func("/gpc/config/pgs-reserved", test_config_pgs_reserved);
    g_test_add_func("/gpc/config/sh-reserved", test_config_sh_reserved);
    g_test_add_func("/gpc/config/non-cacheable-needs-osh", test_config_noncacheable_needs_osh);
    g_test_add_func("/gpc/above-pps-R_TCWMD", test_above_pps);
    g_test_add_func("/gpc/gptbr-above-pps", test_gptbr_above_pps);
    g_test_add_func("/gpc/gptbr-low-bits-ignored", test_gptbr_low_bits_ignored);
    g_test_add_func("/gpc/l0/fetch-abort", test_l0_fetch_abort);
    g_test_add_func("/gpc/l0/block-gpis", test_l0_block_gpis);
    g_test_add_func("/gpc/l0/block-res0", test_l0_block_res0);
    g_test_add_func("/gpc/l0/block-reserved-gpi", test_l0_block_reserved_gpi);
    g_test_add_func("/gpc/gpi-secure-needs-sel2", test_secure_gpi_needs_sel2);
    g_test_add_func("/gpc/l0/invalid-types", test_l0_invalid_types);
    g_test_add_func("/gpc/l0/table-checks", test_l0_table_checks);
    g_test_add_func("/gpc/l1/fetch-abort", test_l1_fetch_abort);
    g_test_add_func("/gpc/l1/granules-index", test_l1_granules_index);
    g_test_add_func("/gpc/l1/granules-reserved-anywhere-R_KYZMZ",
                    test_l1_granules_reserved_anywhere);
    g_test_add_func("/gpc/l1/granules-every-field-every-gpi",
                    test_l1_granules_every_field_every_gpi);
    g_test_add_func("/gpc/l1/contiguous", test_l1_contiguous);
    g_test_add_func("/gpc/gpf-levels", test_gpf_levels);
    g_test_add_func("/gpc/pgs-and-l0gptsz", test_pgs_and_l0gptsz);
    g_test_add_func("/gpc/random-vs-reference", test_random);
    return g_test_run();
}
