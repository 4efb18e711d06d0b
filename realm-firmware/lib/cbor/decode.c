/* SPDX-License-Identifier: BSD-3-Clause */
/* decode.c: strict CBOR (RFC 8949) well-formedness and validity checks, cursor and accessors. */
#include "cbor/decode.h"
#include "lib/mem.h"

typedef struct {
    CborMajor major;
    uint8_t ai;
    uint64_t val;
    size_t hlen;
} Head;

/* Reads the head at p (RFC 8949 3): major type, additional information and argument. */
static CborErr read_head(const uint8_t *p, const uint8_t *end, unsigned flags, Head *h)
{
    size_t avail = (size_t)(end - p);
    unsigned n, i;
    uint8_t ib;

    if (avail == 0) {
        return CBOR_ERR_TRUNCATED;
    }
    ib = p[0];
    h->major = (CborMajor)(ib >> 5);
    h->ai = ib & 0x1f;
    if (h->ai < CBOR_AI_1BYTE) {
        h->val = h->ai;
        h->hlen = 1;
        return CBOR_OK;
    }
    if (h->ai == CBOR_AI_INDEFINITE) {
        /* RFC 8949 3.2: 31 is indefinite length for major types 2..5, the break stop code for
         * major type 7, and not well-formed for 0, 1 and 6. */
        if (h->major == CBOR_SIMPLE) {
            return CBOR_ERR_BREAK;
        }
        if (h->major >= CBOR_BSTR && h->major <= CBOR_MAP) {
            return CBOR_ERR_INDEFINITE;
        }
        return CBOR_ERR_RESERVED_AI;
    }
    if (h->ai > CBOR_AI_8BYTE) {
        return CBOR_ERR_RESERVED_AI;
    }
    n = 1u << (h->ai - CBOR_AI_1BYTE);
    if (avail < 1 + (size_t)n) {
        return CBOR_ERR_TRUNCATED;
    }
    h->val = 0;
    for (i = 0; i < n; i++) {
        h->val = (h->val << 8) | p[1 + i];
    }
    h->hlen = 1 + n;
    if (h->major == CBOR_SIMPLE) {
        /* RFC 8949 3.3: a one-byte-extension simple value below 32 is not well-formed.
         * 25..27 are floats: their bits are not an integer argument, so no width rule. */
        if (h->ai == CBOR_AI_1BYTE && h->val < 32) {
            return CBOR_ERR_BAD_SIMPLE;
        }
        return CBOR_OK;
    }
    if (flags & CBOR_DEC_DETERMINISTIC) {
        /* RFC 8949 4.2.1: the argument must use the shortest width that holds it. */
        uint64_t min = h->ai == CBOR_AI_1BYTE ? 24 : (uint64_t)1 << (4 * n);
        if (h->val < min) {
            return CBOR_ERR_NON_SHORTEST;
        }
    }
    return CBOR_OK;
}

/* RFC 3629 4 (as required by RFC 8949 3.1 for major type 3): no overlong forms, no surrogates,
 * nothing above U+10FFFF. */
static bool utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        uint8_t c = s[i];
        unsigned extra;
        uint32_t cp, min;

        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (n - i - 1 < extra) {
            return false;
        }
        for (unsigned k = 1; k <= extra; k++) {
            uint8_t cc = s[i + k];
            if ((cc & 0xc0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        i += 1 + extra;
    }
    return true;
}

static CborErr skip_item(const uint8_t *p, const uint8_t *end, unsigned depth, unsigned flags,
                         CborItem *it, const uint8_t **next);

/* RFC 8949 5.6: a map with duplicate keys is not valid. Walks the already validated pairs and
 * compares each key with every earlier one; quadratic, but token maps hold a dozen keys and the
 * walk only re-reads heads. Kept out of line so its three CborItems do not enlarge every
 * recursive skip_item frame (firmware stacks are small). */
static __attribute__((noinline)) CborErr check_duplicates(const uint8_t *first,
                                                          const uint8_t *end, uint64_t pairs,
                                                          unsigned depth, unsigned flags)
{
    const uint8_t *pi = first;
    unsigned fast = flags | CBOR_DEC_VALIDATED;

    for (uint64_t i = 0; i < pairs; i++) {
        CborItem ki, kj, v;
        const uint8_t *pj = first;
        const uint8_t *after;

        if (skip_item(pi, end, depth, fast, &ki, &after) != CBOR_OK ||
            skip_item(after, end, depth, fast, &v, &after) != CBOR_OK) {
            return CBOR_ERR_TRUNCATED;      /* unreachable after validation */
        }
        for (uint64_t j = 0; j < i; j++) {
            if (skip_item(pj, end, depth, fast, &kj, &pj) != CBOR_OK ||
                skip_item(pj, end, depth, fast, &v, &pj) != CBOR_OK) {
                return CBOR_ERR_TRUNCATED;
            }
            if (cbor_item_equal(&ki, &kj)) {
                return CBOR_ERR_DUPLICATE_KEY;
            }
        }
        pi = after;
    }
    return CBOR_OK;
}

/* Validates (or, with CBOR_DEC_VALIDATED, just measures) the item at p; fills *it and sets *next
 * past it. Recursion is bounded by CBOR_MAX_DEPTH. */
static CborErr skip_item(const uint8_t *p, const uint8_t *end, unsigned depth, unsigned flags,
                         CborItem *it, const uint8_t **next)
{
    const uint8_t *q;
    size_t avail;
    uint64_t count;
    Head h;
    CborErr err;

    err = read_head(p, end, flags, &h);
    if (err != CBOR_OK) {
        return err;
    }
    q = p + h.hlen;
    avail = (size_t)(end - q);
    it->major = h.major;
    it->ai = h.ai;
    it->val = h.val;
    it->depth = (uint8_t)depth;
    it->flags = (uint8_t)flags;
    it->data = q;
    it->len = 0;
    it->raw = p;

    switch (h.major) {
    case CBOR_BSTR:
    case CBOR_TSTR:
        if (h.val > avail) {
            return CBOR_ERR_TOO_LONG;
        }
        it->len = (size_t)h.val;
        if (h.major == CBOR_TSTR && !(flags & CBOR_DEC_VALIDATED) &&
            !utf8_valid(q, it->len)) {
            return CBOR_ERR_BAD_UTF8;
        }
        q += it->len;
        break;
    case CBOR_ARRAY:
    case CBOR_MAP:
    case CBOR_TAG:
        if (depth + 1 >= CBOR_MAX_DEPTH) {
            return CBOR_ERR_DEPTH;
        }
        if (h.major == CBOR_TAG) {
            count = 1;
        } else if (h.major == CBOR_MAP) {
            /* Every item takes at least one byte, so this rejects absurd counts early and
             * keeps 2 * pairs from overflowing. */
            if (h.val > avail / 2) {
                return CBOR_ERR_TOO_LONG;
            }
            count = 2 * h.val;
        } else {
            if (h.val > avail) {
                return CBOR_ERR_TOO_LONG;
            }
            count = h.val;
        }
        for (uint64_t i = 0; i < count; i++) {
            CborItem child;
            err = skip_item(q, end, depth + 1, flags, &child, &q);
            if (err != CBOR_OK) {
                return err;
            }
        }
        it->len = (size_t)(q - it->data);
        if (h.major == CBOR_MAP && !(flags & CBOR_DEC_VALIDATED)) {
            err = check_duplicates(it->data, q, h.val, depth + 1, flags);
            if (err != CBOR_OK) {
                return err;
            }
        }
        break;
    default:
        break;
    }
    it->raw_len = (size_t)(q - p);
    *next = q;
    return CBOR_OK;
}

CborErr cbor_check_prefix(const uint8_t *buf, size_t len, unsigned flags, size_t *item_len)
{
    CborItem it;
    const uint8_t *next;
    CborErr err;

    if (!buf) {
        return CBOR_ERR_TRUNCATED;
    }
    err = skip_item(buf, buf + len, 0, flags & ~CBOR_DEC_VALIDATED, &it, &next);
    if (err == CBOR_OK && item_len) {
        *item_len = (size_t)(next - buf);
    }
    return err;
}

CborErr cbor_decode_init(CborCursor *c, const uint8_t *buf, size_t len, unsigned flags)
{
    size_t n = 0;
    CborErr err = cbor_check_prefix(buf, len, flags, &n);

    c->p = buf;
    c->end = buf ? buf + len : buf;
    c->left = 0;
    c->depth = 0;
    c->flags = (uint8_t)(flags | CBOR_DEC_VALIDATED);
    if (err == CBOR_OK && n != len) {
        err = CBOR_ERR_TRAILING;
    }
    if (err == CBOR_OK) {
        c->left = 1;
    }
    return err;
}

CborErr cbor_next(CborCursor *c, CborItem *it)
{
    const uint8_t *next;
    CborErr err;

    if (c->left == 0) {
        return CBOR_ERR_END;
    }
    err = skip_item(c->p, c->end, c->depth, c->flags, it, &next);
    if (err != CBOR_OK) {
        c->left = 0;
        return err;
    }
    c->p = next;
    c->left--;
    return CBOR_OK;
}

CborErr cbor_next_expect(CborCursor *c, CborMajor m, CborItem *it)
{
    CborErr err = cbor_next(c, it);

    if (err == CBOR_OK && it->major != m) {
        return CBOR_ERR_TYPE;
    }
    return err;
}

CborErr cbor_enter(const CborItem *it, CborCursor *child)
{
    child->p = it->data;
    child->end = it->data + it->len;
    child->depth = (uint8_t)(it->depth + 1);
    child->flags = it->flags;
    switch (it->major) {
    case CBOR_ARRAY:
        child->left = it->val;
        return CBOR_OK;
    case CBOR_MAP:
        child->left = 2 * it->val;
        return CBOR_OK;
    case CBOR_TAG:
        child->left = 1;
        return CBOR_OK;
    default:
        child->left = 0;
        return CBOR_ERR_TYPE;
    }
}

bool cbor_cursor_done(const CborCursor *c)
{
    return c->left == 0;
}

CborErr cbor_item_uint(const CborItem *it, uint64_t *v)
{
    if (it->major != CBOR_UINT) {
        return CBOR_ERR_TYPE;
    }
    *v = it->val;
    return CBOR_OK;
}

CborErr cbor_item_int(const CborItem *it, int64_t *v)
{
    if (it->major != CBOR_UINT && it->major != CBOR_NINT) {
        return CBOR_ERR_TYPE;
    }
    if (it->val > (uint64_t)INT64_MAX) {
        return CBOR_ERR_RANGE;
    }
    /* Major type 1 encodes -1 - argument (RFC 8949 3.1). */
    *v = it->major == CBOR_UINT ? (int64_t)it->val : -1 - (int64_t)it->val;
    return CBOR_OK;
}

CborErr cbor_item_bool(const CborItem *it, bool *v)
{
    if (it->major != CBOR_SIMPLE || it->ai >= CBOR_AI_1BYTE ||
        (it->val != CBOR_SIMPLE_FALSE && it->val != CBOR_SIMPLE_TRUE)) {
        return CBOR_ERR_TYPE;
    }
    *v = it->val == CBOR_SIMPLE_TRUE;
    return CBOR_OK;
}

bool cbor_item_is_null(const CborItem *it)
{
    return it->major == CBOR_SIMPLE && it->ai == CBOR_SIMPLE_NULL;
}

bool cbor_item_is_int(const CborItem *it, int64_t v)
{
    int64_t x;

    return cbor_item_int(it, &x) == CBOR_OK && x == v;
}

bool cbor_item_tstr_eq(const CborItem *it, const char *s)
{
    size_t n = strlen(s);

    return it->major == CBOR_TSTR && it->len == n && memcmp(it->data, s, n) == 0;
}

bool cbor_item_equal(const CborItem *a, const CborItem *b)
{
    if (a->major != b->major) {
        return false;
    }
    switch (a->major) {
    case CBOR_UINT:
    case CBOR_NINT:
        return a->val == b->val;
    case CBOR_BSTR:
    case CBOR_TSTR:
        return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
    default:
        return a->raw_len == b->raw_len && memcmp(a->raw, b->raw, a->raw_len) == 0;
    }
}

CborErr cbor_map_find_int(const CborItem *map, int64_t key, CborItem *val)
{
    CborCursor c;
    CborItem k;
    CborErr err = cbor_enter(map, &c);

    if (err != CBOR_OK || map->major != CBOR_MAP) {
        return CBOR_ERR_TYPE;
    }
    while (!cbor_cursor_done(&c)) {
        err = cbor_next(&c, &k);
        if (err == CBOR_OK) {
            err = cbor_next(&c, val);
        }
        if (err != CBOR_OK) {
            return err;
        }
        if (cbor_item_is_int(&k, key)) {
            return CBOR_OK;
        }
    }
    return CBOR_ERR_NOT_FOUND;
}
