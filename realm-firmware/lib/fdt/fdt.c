/* SPDX-License-Identifier: BSD-3-Clause */
/* fdt.c: validates a DTB and answers node, property and reg queries without trusting it. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <lib/fdt.h>
#include <lib/mem.h>

/* Devicetree Specification v0.4, 5.2 (header) and 5.4.1 (structure block tokens). */
#define DTB_MAGIC           0xd00dfeedu
#define DTB_HEADER_SIZE     40u
#define DTB_VERSION         17u
#define TOK_BEGIN_NODE      1u
#define TOK_END_NODE        2u
#define TOK_PROP            3u
#define TOK_NOP             4u
#define TOK_END             9u

static uint32_t be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static uint64_t be64(const uint8_t *p)
{
    return ((uint64_t)be32(p) << 32) | be32(p + 4);
}

static uint32_t align4(uint32_t x)
{
    return (x + 3u) & ~3u;
}

const char *dtb_strerror(int err)
{
    switch (err) {
    case DTB_OK:
        return "ok";
    case DTB_E_BADMAGIC:
        return "bad magic";
    case DTB_E_BADVERSION:
        return "unsupported version";
    case DTB_E_TRUNCATED:
        return "truncated blob";
    case DTB_E_BADLAYOUT:
        return "bad block layout";
    case DTB_E_BADSTRUCT:
        return "bad structure block";
    case DTB_E_BADSTRING:
        return "bad property name offset";
    case DTB_E_NOTFOUND:
        return "not found";
    case DTB_E_BADVALUE:
        return "bad property value";
    case DTB_E_BADPATH:
        return "bad path";
    case DTB_E_BADCELLS:
        return "unsupported #address-cells/#size-cells";
    case DTB_E_BADOFFSET:
        return "bad node offset";
    case DTB_E_BADARG:
        return "bad argument";
    default:
        return "unknown error";
    }
}

/*
 * Decode the token at structure offset off: its tag and the offset of the next token.  Every
 * length in the token is checked against the structure block, so callers may then read the
 * token's payload.  For FDT_PROP, *plen and *nameoff are filled in.
 */
static int token(const struct dtb *d, uint32_t off, uint32_t *tag, uint32_t *next,
                 uint32_t *plen, uint32_t *nameoff)
{
    const uint8_t *s = d->blob + d->off_struct;
    uint32_t room;

    if ((off & 3u) || off > d->size_struct || d->size_struct - off < 4) {
        return DTB_E_BADSTRUCT;
    }
    *tag = be32(s + off);
    room = d->size_struct - off - 4;
    switch (*tag) {
    case TOK_BEGIN_NODE: {
        const uint8_t *nul = FW_LIBC(memchr)(s + off + 4, 0, room);

        if (!nul) {
            return DTB_E_BADSTRUCT;
        }
        *next = align4(off + 4 + (uint32_t)(nul - (s + off + 4)) + 1);
        break;
    }
    case TOK_PROP: {
        uint32_t len;

        if (room < 8) {
            return DTB_E_BADSTRUCT;
        }
        len = be32(s + off + 4);
        if (len > room - 8) {
            return DTB_E_BADSTRUCT;
        }
        if (plen) {
            *plen = len;
        }
        if (nameoff) {
            *nameoff = be32(s + off + 8);
        }
        *next = align4(off + 12 + len);
        break;
    }
    case TOK_END_NODE:
    case TOK_NOP:
    case TOK_END:
        *next = off + 4;
        break;
    default:
        return DTB_E_BADSTRUCT;
    }
    /* size_struct is a multiple of 4 (checked in dtb_open), so padding never crosses it. */
    return *next <= d->size_struct ? DTB_OK : DTB_E_BADSTRUCT;
}

/* The NUL-terminated string at offset nameoff of the strings block, or NULL. */
static const char *string_at(const struct dtb *d, uint32_t nameoff)
{
    const uint8_t *st = d->blob + d->off_strings;

    if (nameoff >= d->size_strings ||
        !FW_LIBC(memchr)(st + nameoff, 0, d->size_strings - nameoff)) {
        return NULL;
    }
    return (const char *)(st + nameoff);
}

static int check_header(struct dtb *d, const uint8_t *b, size_t buf_size)
{
    uint32_t total;

    if (buf_size < 8) {
        return DTB_E_TRUNCATED;
    }
    if (be32(b) != DTB_MAGIC) {
        return DTB_E_BADMAGIC;
    }
    if (buf_size < DTB_HEADER_SIZE) {
        return DTB_E_TRUNCATED;
    }
    /* version at 0x14, last_comp_version at 0x18: we read the v17 layout, which any blob whose
     * last compatible version is <= 17 and whose own version is >= 17 has (5.2). */
    if (be32(b + 0x14) < DTB_VERSION || be32(b + 0x18) > DTB_VERSION) {
        return DTB_E_BADVERSION;
    }
    total = be32(b + 0x04);
    if (total > buf_size) {
        return DTB_E_TRUNCATED;
    }
    if (total < DTB_HEADER_SIZE) {
        return DTB_E_BADLAYOUT;
    }
    d->blob = b;
    d->totalsize = total;
    d->off_struct = be32(b + 0x08);
    d->off_strings = be32(b + 0x0c);
    d->off_rsvmap = be32(b + 0x10);
    d->size_strings = be32(b + 0x20);
    d->size_struct = be32(b + 0x24);
    /* Blocks must lie after the header and inside totalsize; subtraction form avoids overflow. */
    if (d->off_struct < DTB_HEADER_SIZE || d->off_struct > total ||
        d->size_struct > total - d->off_struct ||
        d->off_strings < DTB_HEADER_SIZE || d->off_strings > total ||
        d->size_strings > total - d->off_strings ||
        d->off_rsvmap < DTB_HEADER_SIZE || d->off_rsvmap > total) {
        return DTB_E_TRUNCATED;
    }
    /* 5.3 and 5.4: the reservation map is 8-byte aligned, the structure block 4-byte aligned. */
    if ((d->off_rsvmap & 7u) || (d->off_struct & 3u) || (d->size_struct & 3u) ||
        d->size_struct < 4) {
        return DTB_E_BADLAYOUT;
    }
    /* The structure and strings blocks must not overlap each other. */
    if (d->size_strings && d->off_strings < d->off_struct + d->size_struct &&
        d->off_struct < d->off_strings + d->size_strings) {
        return DTB_E_BADLAYOUT;
    }
    return DTB_OK;
}

static int check_rsvmap(const struct dtb *d)
{
    for (uint32_t off = d->off_rsvmap;; off += 16) {
        if (d->totalsize - off < 16) {
            return DTB_E_TRUNCATED;
        }
        if (be64(d->blob + off) == 0 && be64(d->blob + off + 8) == 0) {
            return DTB_OK;
        }
    }
}

/* One pass over the structure block: tokens well formed, nodes balanced, exactly one root. */
static int check_struct(struct dtb *d)
{
    uint32_t off = 0;
    int depth = 0;
    bool root_done = false;

    d->root = -1;
    for (;;) {
        uint32_t tag, next, len, nameoff;
        int ret = token(d, off, &tag, &next, &len, &nameoff);

        if (ret) {
            return ret;
        }
        switch (tag) {
        case TOK_BEGIN_NODE:
            if (root_done || depth >= DTB_MAX_DEPTH) {
                return DTB_E_BADSTRUCT;
            }
            if (depth == 0) {
                /* The root node's name is empty (5.4.1). */
                if (d->blob[d->off_struct + off + 4] != 0) {
                    return DTB_E_BADSTRUCT;
                }
                d->root = (int)off;
            }
            depth++;
            break;
        case TOK_END_NODE:
            if (depth == 0) {
                return DTB_E_BADSTRUCT;
            }
            if (--depth == 0) {
                root_done = true;
            }
            break;
        case TOK_PROP:
            if (depth == 0) {
                return DTB_E_BADSTRUCT;
            }
            if (!string_at(d, nameoff)) {
                return DTB_E_BADSTRING;
            }
            break;
        case TOK_NOP:
            break;
        default: /* TOK_END */
            return root_done ? DTB_OK : DTB_E_BADSTRUCT;
        }
        off = next;
    }
}

int dtb_open(struct dtb *d, const void *blob, size_t buf_size)
{
    int ret;

    if (!d || !blob) {
        return DTB_E_BADARG;
    }
    FW_LIBC(memset)(d, 0, sizeof(*d));
    d->root = -1;
    ret = check_header(d, blob, buf_size);
    if (!ret) {
        ret = check_rsvmap(d);
    }
    if (!ret) {
        ret = check_struct(d);
    }
    if (ret) {
        /* Leave nothing usable behind: every accessor then reports DTB_E_BADOFFSET. */
        FW_LIBC(memset)(d, 0, sizeof(*d));
        d->root = -1;
    }
    return ret;
}

int dtb_root(const struct dtb *d)
{
    return d && d->root >= 0 ? d->root : DTB_E_BADOFFSET;
}

/* Offset of the first token after node's BEGIN_NODE, checking that node names one. */
static int node_body(const struct dtb *d, int node, uint32_t *body)
{
    uint32_t tag, next;

    if (!d || !d->blob || node < 0 || token(d, (uint32_t)node, &tag, &next, NULL, NULL) ||
        tag != TOK_BEGIN_NODE) {
        return DTB_E_BADOFFSET;
    }
    *body = next;
    return DTB_OK;
}

const char *dtb_node_name(const struct dtb *d, int node)
{
    uint32_t body;

    if (node_body(d, node, &body)) {
        return NULL;
    }
    return (const char *)(d->blob + d->off_struct + (uint32_t)node + 4);
}

/* Skip properties and NOPs from off; returns the offset of the next BEGIN_NODE or END_NODE. */
static int skip_props(const struct dtb *d, uint32_t off, uint32_t *tag_out)
{
    for (;;) {
        uint32_t tag, next;
        int ret = token(d, off, &tag, &next, NULL, NULL);

        if (ret) {
            return ret;
        }
        if (tag == TOK_BEGIN_NODE || tag == TOK_END_NODE || tag == TOK_END) {
            *tag_out = tag;
            return (int)off;
        }
        off = next;
    }
}

/* Offset just past the END_NODE that closes node. */
static int node_end(const struct dtb *d, int node)
{
    uint32_t off = (uint32_t)node;
    int depth = 0;

    for (;;) {
        uint32_t tag, next;
        int ret = token(d, off, &tag, &next, NULL, NULL);

        if (ret) {
            return ret;
        }
        if (tag == TOK_BEGIN_NODE) {
            depth++;
        } else if (tag == TOK_END_NODE) {
            if (--depth == 0) {
                return (int)next;
            }
        } else if (tag == TOK_END) {
            return DTB_E_BADSTRUCT;
        }
        off = next;
    }
}

/* The node starting at or after off once properties and NOPs are skipped, if there is one
 * before the enclosing node ends. */
static int node_from(const struct dtb *d, uint32_t off)
{
    uint32_t tag = 0;
    int ret = skip_props(d, off, &tag);

    if (ret < 0) {
        return ret;
    }
    return tag == TOK_BEGIN_NODE ? ret : DTB_E_NOTFOUND;
}

int dtb_first_child(const struct dtb *d, int node)
{
    uint32_t body;

    if (node_body(d, node, &body)) {
        return DTB_E_BADOFFSET;
    }
    return node_from(d, body);
}

int dtb_next_sibling(const struct dtb *d, int node)
{
    uint32_t body;
    int off;

    if (node_body(d, node, &body)) {
        return DTB_E_BADOFFSET;
    }
    off = node_end(d, node);
    if (off < 0) {
        return off;
    }
    /* Siblings follow after NOPs; properties cannot appear after a subnode (5.4.2). */
    return node_from(d, (uint32_t)off);
}

int dtb_parent(const struct dtb *d, int node)
{
    int stack[DTB_MAX_DEPTH];
    int depth = 0;
    uint32_t off = 0;
    uint32_t body;

    if (node_body(d, node, &body)) {
        return DTB_E_BADOFFSET;
    }
    for (;;) {
        uint32_t tag, next;
        int ret = token(d, off, &tag, &next, NULL, NULL);

        if (ret) {
            return ret;
        }
        if (tag == TOK_BEGIN_NODE) {
            if (off == (uint32_t)node) {
                return depth ? stack[depth - 1] : DTB_E_NOTFOUND;
            }
            if (depth >= DTB_MAX_DEPTH) {
                return DTB_E_BADSTRUCT;
            }
            stack[depth++] = (int)off;
        } else if (tag == TOK_END_NODE) {
            if (depth == 0) {
                return DTB_E_BADSTRUCT;
            }
            depth--;
        } else if (tag == TOK_END) {
            return DTB_E_BADOFFSET;
        }
        off = next;
    }
}

/* Does node name match path component comp[0..len)?  "memory" matches "memory@40000000" as a
 * unit-address-less shorthand when the name has no other node of that exact name (3.2.1). */
static bool name_matches(const char *name, const char *comp, size_t len)
{
    if (FW_LIBC(strncmp)(name, comp, len) != 0) {
        return false;
    }
    if (name[len] == '\0') {
        return true;
    }
    return name[len] == '@' && !FW_LIBC(memchr)(comp, '@', len);
}

int dtb_find_path(const struct dtb *d, const char *path)
{
    int node = dtb_root(d);

    if (node < 0) {
        return node;
    }
    if (!path || path[0] != '/') {
        return DTB_E_BADPATH;
    }
    while (*path) {
        const char *comp;
        size_t len = 0;
        int child;

        while (*path == '/') {
            path++;
        }
        if (!*path) {
            break;
        }
        comp = path;
        while (comp[len] && comp[len] != '/') {
            len++;
        }
        path += len;
        for (child = dtb_first_child(d, node); child >= 0; child = dtb_next_sibling(d, child)) {
            const char *name = dtb_node_name(d, child);

            if (name && name_matches(name, comp, len)) {
                break;
            }
        }
        if (child < 0) {
            return child == DTB_E_NOTFOUND ? DTB_E_NOTFOUND : child;
        }
        node = child;
    }
    return node;
}

int dtb_get_prop(const struct dtb *d, int node, const char *name, const void **val,
                 uint32_t *len)
{
    uint32_t off;

    if (!name) {
        return DTB_E_BADARG;
    }
    if (node_body(d, node, &off)) {
        return DTB_E_BADOFFSET;
    }
    for (;;) {
        uint32_t tag, next, plen = 0, nameoff = 0;
        int ret = token(d, off, &tag, &next, &plen, &nameoff);
        const char *pname;

        if (ret) {
            return ret;
        }
        if (tag != TOK_PROP && tag != TOK_NOP) {
            return DTB_E_NOTFOUND;
        }
        if (tag == TOK_PROP) {
            pname = string_at(d, nameoff);
            if (!pname) {
                return DTB_E_BADSTRING;
            }
            if (FW_LIBC(strcmp)(pname, name) == 0) {
                if (val) {
                    *val = d->blob + d->off_struct + off + 12;
                }
                if (len) {
                    *len = plen;
                }
                return DTB_OK;
            }
        }
        off = next;
    }
}

int dtb_prop_u32(const struct dtb *d, int node, const char *name, uint32_t *out)
{
    const void *v;
    uint32_t len;
    int ret = dtb_get_prop(d, node, name, &v, &len);

    if (ret) {
        return ret;
    }
    if (len != 4) {
        return DTB_E_BADVALUE;
    }
    *out = be32(v);
    return DTB_OK;
}

int dtb_prop_u64(const struct dtb *d, int node, const char *name, uint64_t *out)
{
    const void *v;
    uint32_t len;
    int ret = dtb_get_prop(d, node, name, &v, &len);

    if (ret) {
        return ret;
    }
    if (len == 4) {
        *out = be32(v);
    } else if (len == 8) {
        *out = be64(v);
    } else {
        return DTB_E_BADVALUE;
    }
    return DTB_OK;
}

int dtb_prop_string(const struct dtb *d, int node, const char *name, const char **out)
{
    const void *v;
    uint32_t len;
    int ret = dtb_get_prop(d, node, name, &v, &len);

    if (ret) {
        return ret;
    }
    if (len == 0 || ((const uint8_t *)v)[len - 1] != 0) {
        return DTB_E_BADVALUE;
    }
    *out = v;
    return DTB_OK;
}

/* A #...-cells property of node, or dflt when absent (2.3.5). */
static int cells_prop(const struct dtb *d, int node, const char *name, uint32_t dflt,
                      uint32_t *out)
{
    int ret = dtb_prop_u32(d, node, name, out);

    if (ret == DTB_E_NOTFOUND) {
        *out = dflt;
        return DTB_OK;
    }
    return ret == DTB_E_BADVALUE ? DTB_E_BADCELLS : ret;
}

int dtb_reg_cells(const struct dtb *d, int node, uint32_t *addr_cells, uint32_t *size_cells)
{
    int parent = dtb_parent(d, node);
    int ret;

    if (parent < 0) {
        /* The root's own reg (rare) is read with the defaults. */
        if (parent != DTB_E_NOTFOUND) {
            return parent;
        }
        *addr_cells = 2;
        *size_cells = 1;
        return DTB_OK;
    }
    ret = cells_prop(d, parent, "#address-cells", 2, addr_cells);
    if (!ret) {
        ret = cells_prop(d, parent, "#size-cells", 1, size_cells);
    }
    if (ret) {
        return ret;
    }
    /* Values wider than 64 bits (PCI's 3-cell addresses) do not fit the uint64_t results. */
    if (*addr_cells < 1 || *addr_cells > 2 || *size_cells > 2) {
        return DTB_E_BADCELLS;
    }
    return DTB_OK;
}

static uint64_t read_cells(const uint8_t *p, uint32_t n)
{
    uint64_t v = 0;

    for (uint32_t i = 0; i < n; i++) {
        v = (v << 32) | be32(p + 4 * i);
    }
    return v;
}

int dtb_reg(const struct dtb *d, int node, uint32_t index, uint64_t *addr, uint64_t *size)
{
    uint32_t ac, sc, len, stride;
    const void *v;
    int ret = dtb_reg_cells(d, node, &ac, &sc);

    if (ret) {
        return ret;
    }
    ret = dtb_get_prop(d, node, "reg", &v, &len);
    if (ret) {
        return ret;
    }
    stride = 4 * (ac + sc);
    if (len % stride) {
        return DTB_E_BADVALUE;
    }
    if (index >= len / stride) {
        return DTB_E_NOTFOUND;
    }
    v = (const uint8_t *)v + (size_t)index * stride;
    if (addr) {
        *addr = read_cells(v, ac);
    }
    if (size) {
        *size = read_cells((const uint8_t *)v + 4 * ac, sc);
    }
    return DTB_OK;
}

int dtb_rsvmap(const struct dtb *d, uint32_t index, uint64_t *addr, uint64_t *size)
{
    if (!d || !d->blob) {
        return DTB_E_BADOFFSET;
    }
    /* dtb_open checked that the terminator is inside totalsize, so stop at it. */
    for (uint32_t i = 0, off = d->off_rsvmap; d->totalsize - off >= 16; i++, off += 16) {
        uint64_t a = be64(d->blob + off);
        uint64_t s = be64(d->blob + off + 8);

        if (a == 0 && s == 0) {
            break;
        }
        if (i == index) {
            *addr = a;
            *size = s;
            return DTB_OK;
        }
    }
    return DTB_E_NOTFOUND;
}

static bool is_memory_node(const struct dtb *d, int node)
{
    const char *s;
    int ret = dtb_prop_string(d, node, "device_type", &s);

    if (ret == DTB_OK) {
        if (FW_LIBC(strcmp)(s, "memory") != 0) {
            return false;
        }
    } else {
        const char *name = dtb_node_name(d, node);

        if (ret != DTB_E_NOTFOUND || !name || !name_matches(name, "memory", 6)) {
            return false;
        }
    }
    /* status absent means "okay" (2.3.4). */
    if (dtb_prop_string(d, node, "status", &s) == DTB_OK && FW_LIBC(strcmp)(s, "okay") != 0 &&
        FW_LIBC(strcmp)(s, "ok") != 0) {
        return false;
    }
    return true;
}

int dtb_memory_next(const struct dtb *d, struct dtb_mem_iter *it, uint64_t *base, uint64_t *size)
{
    int node;

    if (!it || !base || !size) {
        return DTB_E_BADARG;
    }
    node = it->node;
    if (node < -1) {
        return 0;   /* finished earlier */
    }
    if (node < 0) {
        node = dtb_first_child(d, dtb_root(d));
        it->index = 0;
        if (node < 0) {
            it->node = -2;
            return node == DTB_E_NOTFOUND ? 0 : node;
        }
    }
    for (;;) {
        if (is_memory_node(d, node)) {
            int ret = dtb_reg(d, node, it->index, base, size);

            if (ret == DTB_OK) {
                it->node = node;
                it->index++;
                return 1;
            }
            if (ret != DTB_E_NOTFOUND) {
                return ret;
            }
        }
        node = dtb_next_sibling(d, node);
        it->index = 0;
        if (node < 0) {
            it->node = -2;
            return node == DTB_E_NOTFOUND ? 0 : node;
        }
    }
}
