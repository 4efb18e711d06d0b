/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-fdt.c: the firmware DTB reader on dtc-built blobs, checked against libfdt and corruption. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include <lib/fdt.h>
#include "fwtest.h"

/*
 * Usage: test-fdt basic.dtb cells.dtb [fuzz-iterations]
 * libfdt (the host's, built by dtc's authors) is the oracle for every node and property; the
 * expectations spelled out below come from the .dts sources in data/.
 */

struct blob {
    uint8_t *data;
    size_t size;
};

static struct blob load(const char *path)
{
    struct blob b = { NULL, 0 };
    FILE *f = fopen(path, "rb");
    long n;

    if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET)) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    b.size = (size_t)n;
    b.data = malloc(b.size);
    if (!b.data || fread(b.data, 1, b.size, f) != b.size) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    return b;
}

/* An exactly sized heap copy, so that any read past the end is caught by ASan. */
static uint8_t *exact_copy(const uint8_t *p, size_t n)
{
    uint8_t *c = malloc(n ? n : 1);

    memcpy(c, p, n);
    return c;
}

static uint32_t get_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static uint64_t cells_value(const uint8_t *p, int n)
{
    uint64_t v = 0;

    for (int i = 0; i < n; i++) {
        v = (v << 32) | get_be32(p + 4 * i);
    }
    return v;
}

/* Every node: same offset for the same path, same name, same properties, same children. */
static void compare_node(const struct dtb *d, const void *fdt, int node, const char *path,
                         int depth)
{
    int lnode = fdt_path_offset(fdt, path);
    int prop;
    int child;
    int nchildren = 0;
    int lchildren = 0;

    CHECK(lnode == node, "%s: libfdt offset %d, ours %d", path, lnode, node);
    CHECK(dtb_find_path(d, path) == node, "%s: dtb_find_path", path);
    CHECK(strcmp(dtb_node_name(d, node), fdt_get_name(fdt, lnode, NULL)) == 0, "%s: name", path);
    if (depth > 0) {
        CHECK(dtb_parent(d, node) == fdt_parent_offset(fdt, lnode), "%s: parent", path);
    } else {
        CHECK(dtb_parent(d, node) == DTB_E_NOTFOUND, "root has no parent");
    }
    fdt_for_each_property_offset(prop, fdt, lnode) {
        const char *name;
        int llen;
        const void *lval = fdt_getprop_by_offset(fdt, prop, &name, &llen);
        const void *val = NULL;
        uint32_t len = 0;

        CHECK(dtb_get_prop(d, node, name, &val, &len) == DTB_OK, "%s: prop %s", path, name);
        CHECK(len == (uint32_t)llen && (len == 0 || memcmp(val, lval, len) == 0),
              "%s: prop %s value", path, name);
        if (llen == 4) {
            uint32_t v = 0;

            CHECK(dtb_prop_u32(d, node, name, &v) == DTB_OK && v == fdt32_to_cpu(*(const
                  fdt32_t *)lval), "%s: u32 %s", path, name);
        }
    }
    CHECK(dtb_get_prop(d, node, "no-such-property", NULL, NULL) == DTB_E_NOTFOUND,
          "%s: missing property", path);

    fdt_for_each_subnode(child, fdt, lnode) {
        lchildren++;
    }
    for (child = dtb_first_child(d, node); child >= 0; child = dtb_next_sibling(d, child)) {
        char sub[512];

        nchildren++;
        snprintf(sub, sizeof(sub), "%s%s%s", path, depth ? "/" : "", dtb_node_name(d, child));
        compare_node(d, fdt, child, sub, depth + 1);
    }
    CHECK(child == DTB_E_NOTFOUND, "%s: child iteration ends with NOTFOUND", path);
    CHECK(nchildren == lchildren, "%s: %d children, libfdt %d", path, nchildren, lchildren);

    /* reg decoded by hand from libfdt's view of the parent's cells. */
    if (depth > 0 && fdt_getprop(fdt, lnode, "reg", NULL)) {
        int parent = fdt_parent_offset(fdt, lnode);
        int ac = fdt_address_cells(fdt, parent);
        int sc = fdt_size_cells(fdt, parent);
        int rlen;
        const uint8_t *r = fdt_getprop(fdt, lnode, "reg", &rlen);
        uint64_t addr, size;
        int stride = 4 * (ac + sc);

        if (ac >= 1 && ac <= 2 && sc >= 0 && sc <= 2 && rlen % stride == 0) {
            int i;

            for (i = 0; i < rlen / stride; i++) {
                CHECK(dtb_reg(d, node, (uint32_t)i, &addr, &size) == DTB_OK &&
                      addr == cells_value(r + i * stride, ac) &&
                      size == cells_value(r + i * stride + 4 * ac, sc), "%s: reg[%d]", path, i);
            }
            CHECK(dtb_reg(d, node, (uint32_t)i, &addr, &size) == DTB_E_NOTFOUND,
                  "%s: reg past the end", path);
        } else if (ac < 1 || ac > 2 || sc > 2) {
            CHECK(dtb_reg(d, node, 0, &addr, &size) == DTB_E_BADCELLS, "%s: reg cells", path);
        } else {
            CHECK(dtb_reg(d, node, 0, &addr, &size) == DTB_E_BADVALUE, "%s: reg length", path);
        }
    }
}

/* Memory ranges the way a reader of the spec would list them, using libfdt. */
static int libfdt_memory(const void *fdt, uint64_t *bases, uint64_t *sizes, int max)
{
    int n = 0;
    int node;
    int ac = fdt_address_cells(fdt, 0);
    int sc = fdt_size_cells(fdt, 0);

    fdt_for_each_subnode(node, fdt, 0) {
        const char *dt = fdt_getprop(fdt, node, "device_type", NULL);
        const char *st = fdt_getprop(fdt, node, "status", NULL);
        const char *name = fdt_get_name(fdt, node, NULL);
        const uint8_t *r;
        int rlen;

        if (dt ? strcmp(dt, "memory") != 0 :
            (strncmp(name, "memory", 6) != 0 || (name[6] != '\0' && name[6] != '@'))) {
            continue;
        }
        if (st && strcmp(st, "okay") != 0 && strcmp(st, "ok") != 0) {
            continue;
        }
        r = fdt_getprop(fdt, node, "reg", &rlen);
        for (int off = 0; r && off + 4 * (ac + sc) <= rlen && n < max; off += 4 * (ac + sc)) {
            bases[n] = cells_value(r + off, ac);
            sizes[n] = cells_value(r + off + 4 * ac, sc);
            n++;
        }
    }
    return n;
}

static void check_memory(const struct dtb *d, const void *fdt, const uint64_t *want_base,
                         const uint64_t *want_size, int nwant)
{
    uint64_t lb[16], ls[16], base, size;
    int ln = libfdt_memory(fdt, lb, ls, 16);
    struct dtb_mem_iter it = DTB_MEM_ITER_INIT;
    int n = 0;
    int ret;

    while ((ret = dtb_memory_next(d, &it, &base, &size)) == 1) {
        CHECK(n < ln && base == lb[n] && size == ls[n], "memory range %d vs libfdt", n);
        CHECK(n < nwant && base == want_base[n] && size == want_size[n],
              "memory range %d: 0x%llx+0x%llx vs the .dts", n, (unsigned long long)base,
              (unsigned long long)size);
        n++;
    }
    CHECK(ret == 0 && n == ln && n == nwant, "memory ranges: %d, libfdt %d, dts %d", n, ln, nwant);
    CHECK(dtb_memory_next(d, &it, &base, &size) == 0, "iterator stays finished");
}

static void test_basic(const struct blob *b)
{
    static const uint64_t mb[] = { 0x40000000, 0x100000000, 0x300000000 };
    static const uint64_t ms[] = { 0x20000000, 0x40000000, 0x100000000 };
    uint8_t *blob = exact_copy(b->data, b->size);
    struct dtb d;
    const char *s;
    uint32_t u32;
    uint64_t u64, addr, size;
    int node;

    CHECK(fdt_check_full(blob, b->size) == 0, "libfdt accepts basic.dtb");
    CHECK(dtb_open(&d, blob, b->size) == DTB_OK, "dtb_open basic.dtb");
    compare_node(&d, blob, dtb_root(&d), "/", 0);
    check_memory(&d, blob, mb, ms, 3);

    node = dtb_find_path(&d, "/chosen");
    CHECK(dtb_prop_string(&d, node, "bootargs", &s) == DTB_OK &&
          strcmp(s, "console=ttyAMA0 earlycon") == 0, "bootargs");
    CHECK(dtb_prop_u32(&d, node, "u32-prop", &u32) == DTB_OK && u32 == 0xdeadbeef, "u32-prop");
    CHECK(dtb_prop_u64(&d, node, "linux,initrd-start", &u64) == DTB_OK && u64 == 0x48000000,
          "u64 from two cells");
    CHECK(dtb_prop_u64(&d, node, "u32-prop", &u64) == DTB_OK && u64 == 0xdeadbeef,
          "u64 from one cell");
    CHECK(dtb_prop_u32(&d, node, "linux,initrd-start", &u32) == DTB_E_BADVALUE, "u32 of 8 bytes");
    CHECK(dtb_prop_string(&d, node, "not-a-string", &s) == DTB_E_BADVALUE, "unterminated string");
    CHECK(dtb_prop_string(&d, node, "empty-prop", &s) == DTB_E_BADVALUE, "empty string");
    CHECK(dtb_prop_u64(&d, node, "not-a-string", &u64) == DTB_E_BADVALUE, "u64 of 3 bytes");

    /* Unit-address shorthand, repeated and trailing slashes, and misses. */
    CHECK(dtb_find_path(&d, "/pl011") == dtb_find_path(&d, "/pl011@9000000"), "shorthand");
    CHECK(dtb_find_path(&d, "//soc//bus@2000/dev@5/") == fdt_path_offset(blob, "/soc/bus/dev@5"),
          "slashes");
    CHECK(dtb_find_path(&d, "/deep/a/b/c/d") == fdt_path_offset(blob, "/deep/a/b/c/d"), "deep");
    CHECK(dtb_find_path(&d, "/soc/nothing") == DTB_E_NOTFOUND, "missing node");
    CHECK(dtb_find_path(&d, "/pl011@9000001") == DTB_E_NOTFOUND, "wrong unit address");
    CHECK(dtb_find_path(&d, "/pl01") == DTB_E_NOTFOUND, "name prefix is not a match");
    CHECK(dtb_find_path(&d, "soc") == DTB_E_BADPATH, "relative path");
    CHECK(dtb_find_path(&d, NULL) == DTB_E_BADPATH, "NULL path");
    CHECK(dtb_find_path(&d, "/") == dtb_root(&d), "root path");

    node = dtb_find_path(&d, "/soc/timer@1000");
    CHECK(dtb_reg(&d, node, 1, &addr, &size) == DTB_OK && addr == 0x3000 && size == 0x20,
          "1-cell reg");
    node = dtb_find_path(&d, "/soc/bus@2000/dev@5");
    CHECK(dtb_reg(&d, node, 0, &addr, &size) == DTB_OK && addr == 5 && size == 0, "0 size cells");

    /* Reservation map against libfdt and the /memreserve/ lines. */
    CHECK(fdt_num_mem_rsv(blob) == 2, "libfdt sees two reservations");
    for (int i = 0; i < fdt_num_mem_rsv(blob); i++) {
        uint64_t la, ls;

        fdt_get_mem_rsv(blob, i, &la, &ls);
        CHECK(dtb_rsvmap(&d, (uint32_t)i, &addr, &size) == DTB_OK && addr == la && size == ls,
              "rsvmap %d", i);
    }
    CHECK(dtb_rsvmap(&d, 0, &addr, &size) == DTB_OK && addr == 0x48000000 && size == 0x100000,
          "first /memreserve/");
    CHECK(dtb_rsvmap(&d, 2, &addr, &size) == DTB_E_NOTFOUND, "rsvmap terminator");

    /* Offsets that do not name a node. */
    {
        int bad[] = { -1, 1, 2, 4, (int)d.size_struct, (int)d.size_struct + 4, 0x7ffffff0 };

        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
            CHECK(dtb_get_prop(&d, bad[i], "reg", NULL, NULL) == DTB_E_BADOFFSET,
                  "offset %d", bad[i]);
            CHECK(dtb_node_name(&d, bad[i]) == NULL, "name at offset %d", bad[i]);
            CHECK(dtb_first_child(&d, bad[i]) == DTB_E_BADOFFSET, "child at offset %d", bad[i]);
            CHECK(dtb_next_sibling(&d, bad[i]) == DTB_E_BADOFFSET, "sibling at %d", bad[i]);
            CHECK(dtb_parent(&d, bad[i]) == DTB_E_BADOFFSET, "parent at %d", bad[i]);
        }
        /* The offset of a property token inside /chosen is not a node either. */
        node = dtb_find_path(&d, "/chosen");
        CHECK(dtb_get_prop(&d, node + 12, "reg", NULL, NULL) == DTB_E_BADOFFSET, "prop offset");
    }
    free(blob);
}

static void test_cells(const struct blob *b)
{
    static const uint64_t mb[] = { 0x80000000, 0xc0000000 };
    static const uint64_t ms[] = { 0x08000000, 0x01000000 };
    uint8_t *blob = exact_copy(b->data, b->size);
    struct dtb d;
    uint64_t addr, size;

    CHECK(dtb_open(&d, blob, b->size) == DTB_OK, "dtb_open cells.dtb");
    compare_node(&d, blob, dtb_root(&d), "/", 0);
    check_memory(&d, blob, mb, ms, 2);
    CHECK(dtb_reg(&d, dtb_find_path(&d, "/pci/child@0"), 0, &addr, &size) == DTB_E_BADCELLS,
          "3 address cells are refused");
    CHECK(dtb_reg(&d, dtb_find_path(&d, "/odd/bad-reg@0"), 0, &addr, &size) == DTB_E_BADVALUE,
          "reg not a multiple of the entry size");
    free(blob);
}

/* Offset of the first FDT_PROP token of the structure block. */
static uint32_t first_prop(const uint8_t *b)
{
    uint32_t off = get_be32(b + 8);

    while (get_be32(b + off) != 3) {
        off += 4;
    }
    return off;
}

static int open_mutated(const struct blob *b, void (*mutate)(uint8_t *, size_t), size_t size)
{
    uint8_t *c = malloc(b->size + 64);
    uint8_t *exact;
    struct dtb d;
    int ret;

    memcpy(c, b->data, b->size);
    mutate(c, b->size);
    exact = exact_copy(c, size);
    ret = dtb_open(&d, exact, size);
    free(exact);
    free(c);
    return ret;
}

static void m_magic(uint8_t *p, size_t n)
{
    p[0] ^= 1;
}

static void m_version16(uint8_t *p, size_t n)
{
    put_be32(p + 0x14, 16);
}

static void m_lastcomp18(uint8_t *p, size_t n)
{
    put_be32(p + 0x18, 18);
}

static void m_total_big(uint8_t *p, size_t n)
{
    put_be32(p + 4, (uint32_t)n + 1);
}

static void m_total_small(uint8_t *p, size_t n)
{
    put_be32(p + 4, 39);
}

static void m_struct_misaligned(uint8_t *p, size_t n)
{
    put_be32(p + 8, get_be32(p + 8) + 2);
}

static void m_rsv_misaligned(uint8_t *p, size_t n)
{
    put_be32(p + 0x10, get_be32(p + 0x10) + 4);
}

static void m_strings_huge(uint8_t *p, size_t n)
{
    put_be32(p + 0x20, 0xfffffff0u);
}

static void m_struct_huge(uint8_t *p, size_t n)
{
    put_be32(p + 0x24, 0xfffffff0u);
}

static void m_struct_wrap(uint8_t *p, size_t n)
{
    put_be32(p + 0x08, 0xfffffff8u);
}

static void m_nameoff(uint8_t *p, size_t n)
{
    put_be32(p + first_prop(p) + 8, get_be32(p + 0x20));
}

static void m_proplen(uint8_t *p, size_t n)
{
    put_be32(p + first_prop(p) + 4, 0x7ffffff0u);
}

static void m_bad_token(uint8_t *p, size_t n)
{
    put_be32(p + first_prop(p), 7);
}

/* Replace the final FDT_END by a NOP: the walk must stop at the block end, not run past it. */
static void m_no_end(uint8_t *p, size_t n)
{
    put_be32(p + get_be32(p + 8) + get_be32(p + 0x24) - 4, 4);
}

/* Replace the root's FDT_END_NODE (just before FDT_END) by a NOP: unbalanced. */
static void m_unbalanced(uint8_t *p, size_t n)
{
    put_be32(p + get_be32(p + 8) + get_be32(p + 0x24) - 8, 4);
}

/* A property before the root node opens. */
static void m_prop_outside(uint8_t *p, size_t n)
{
    uint32_t s = get_be32(p + 8);

    put_be32(p + s, 3);
}

static void m_root_named(uint8_t *p, size_t n)
{
    p[get_be32(p + 8) + 4] = 'x';
}

static void m_strings_overlap(uint8_t *p, size_t n)
{
    put_be32(p + 0x0c, get_be32(p + 0x08));
}

static void test_corrupt(const struct blob *b)
{
    static const struct {
        void (*fn)(uint8_t *, size_t);
        int want;
        const char *what;
    } cases[] = {
        { m_magic, DTB_E_BADMAGIC, "magic" },
        { m_version16, DTB_E_BADVERSION, "version 16" },
        { m_lastcomp18, DTB_E_BADVERSION, "last_comp_version 18" },
        { m_total_big, DTB_E_TRUNCATED, "totalsize beyond the buffer" },
        { m_total_small, DTB_E_BADLAYOUT, "totalsize below the header" },
        { m_struct_misaligned, DTB_E_BADLAYOUT, "structure block misaligned" },
        { m_rsv_misaligned, DTB_E_BADLAYOUT, "reservation map misaligned" },
        { m_strings_huge, DTB_E_TRUNCATED, "strings block too large" },
        { m_struct_huge, DTB_E_TRUNCATED, "structure block too large" },
        { m_struct_wrap, DTB_E_TRUNCATED, "structure offset near 4G" },
        { m_nameoff, DTB_E_BADSTRING, "property name offset past the strings" },
        { m_proplen, DTB_E_BADSTRUCT, "property length past the block" },
        { m_bad_token, DTB_E_BADSTRUCT, "unknown token" },
        { m_no_end, DTB_E_BADSTRUCT, "missing FDT_END" },
        { m_unbalanced, DTB_E_BADSTRUCT, "unbalanced nodes" },
        { m_prop_outside, DTB_E_BADSTRUCT, "property outside the root" },
        { m_root_named, DTB_E_BADSTRUCT, "root with a name" },
        { m_strings_overlap, DTB_E_BADLAYOUT, "strings overlap the structure" },
    };
    struct dtb d;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int got = open_mutated(b, cases[i].fn, b->size);

        CHECK(got == cases[i].want, "%s: got %d (%s), want %d", cases[i].what, got,
              dtb_strerror(got), cases[i].want);
    }
    CHECK(dtb_open(&d, b->data, 0) == DTB_E_TRUNCATED, "empty buffer");
    CHECK(dtb_open(&d, NULL, 100) == DTB_E_BADARG, "NULL blob");
    CHECK(dtb_find_path(&d, "/") == DTB_E_BADOFFSET, "a failed open leaves nothing usable");

    /* Every truncation, with and without totalsize patched to match, is refused. */
    for (size_t n = 0; n < b->size; n++) {
        uint8_t *c = exact_copy(b->data, n);
        int ret = dtb_open(&d, c, n);

        CHECK(ret < 0, "truncated to %zu accepted", n);
        if (n >= 40) {
            put_be32(c + 4, (uint32_t)n);
            ret = dtb_open(&d, c, n);
            CHECK(ret < 0, "truncated to %zu with totalsize patched accepted", n);
        }
        free(c);
    }
}

/* Everything a consumer might call, to be run on blobs dtb_open accepted. */
static void exercise(const struct dtb *d, int node, int depth)
{
    static const char *const props[] = { "reg", "compatible", "device_type", "status",
                                         "#address-cells", "bootargs", "leaf" };
    uint64_t a, s;
    const char *str;
    uint32_t u;

    if (depth > DTB_MAX_DEPTH + 2) {
        return;
    }
    (void)dtb_node_name(d, node);
    (void)dtb_parent(d, node);
    for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
        const void *v;
        uint32_t len;

        if (dtb_get_prop(d, node, props[i], &v, &len) == DTB_OK && len) {
            /* Touch the first and last byte: ASan flags them if they lie outside the blob. */
            CHECK(((const uint8_t *)v)[0] + ((const uint8_t *)v)[len - 1] >= 0, "prop bytes");
        }
        (void)dtb_prop_string(d, node, props[i], &str);
        (void)dtb_prop_u32(d, node, props[i], &u);
        (void)dtb_prop_u64(d, node, props[i], &a);
    }
    for (uint32_t i = 0; i < 4; i++) {
        (void)dtb_reg(d, node, i, &a, &s);
    }
    for (int c = dtb_first_child(d, node); c >= 0; c = dtb_next_sibling(d, c)) {
        exercise(d, c, depth + 1);
    }
}

static void fuzz(const struct blob *b, unsigned long long seed, int iterations)
{
    static const uint32_t interesting[] = { 0, 1, 3, 4, 8, 39, 40, 0x7fffffff, 0x80000000,
                                            0xfffffffc, 0xffffffff };
    int accepted = 0;

    printf("fuzz: seed 0x%llx, %d iterations\n", seed, iterations);
    for (int it = 0; it < iterations; it++) {
        size_t n = b->size;
        uint8_t *c;
        struct dtb d;
        int flips = 1 + (int)(fwtest_rand(&seed) % 4);

        if (fwtest_rand(&seed) % 8 == 0) {
            n = fwtest_rand(&seed) % b->size;   /* random truncation on top */
        }
        c = exact_copy(b->data, n);
        for (int f = 0; f < flips && n; f++) {
            size_t off = fwtest_rand(&seed) % n;
            unsigned long long kind = fwtest_rand(&seed) % 4;

            if (kind == 0 && off + 4 <= n) {
                put_be32(c + (off & ~(size_t)3),
                         interesting[fwtest_rand(&seed) % (sizeof(interesting) / 4)]);
            } else if (kind == 1) {
                c[off] = (uint8_t)fwtest_rand(&seed);
            } else {
                c[off] ^= (uint8_t)(1u << (fwtest_rand(&seed) % 8));
            }
        }
        if (dtb_open(&d, c, n) == DTB_OK) {
            struct dtb_mem_iter mi = DTB_MEM_ITER_INIT;
            uint64_t base, size;
            int guard = 0;

            accepted++;
            exercise(&d, dtb_root(&d), 0);
            while (dtb_memory_next(&d, &mi, &base, &size) == 1 && guard++ < 10000) {
            }
            (void)dtb_find_path(&d, "/soc/bus@2000/dev@5");
            (void)dtb_find_path(&d, "/memory");
            (void)dtb_rsvmap(&d, 0, &base, &size);
        }
        free(c);
    }
    printf("fuzz: %d of %d mutated blobs accepted\n", accepted, iterations);
}

int main(int argc, char **argv)
{
    struct blob basic, cells;
    int iterations = argc > 3 ? atoi(argv[3]) : 20000;

    if (argc < 3) {
        fprintf(stderr, "usage: %s basic.dtb cells.dtb [fuzz-iterations]\n", argv[0]);
        return 2;
    }
    basic = load(argv[1]);
    cells = load(argv[2]);
    test_basic(&basic);
    test_cells(&cells);
    test_corrupt(&basic);
    test_corrupt(&cells);
    fuzz(&basic, 0xa4093822299f31d0ull, iterations);
    fuzz(&cells, 0x082efa98ec4e6c89ull, iterations / 2);
    free(basic.data);
    free(cells.data);
    return fwtest_report("fw-lib-fdt");
}
