/* SPDX-License-Identifier: BSD-3-Clause */
/* encode.c: CBOR encoder writing preferred serialization (RFC 8949 4.2.1) into a caller buffer. */
#include "cbor/encode.h"
#include "lib/mem.h"

/* Longest head: initial byte plus an 8-byte argument (RFC 8949 3, additional information 27). */
#define HEAD_MAX 9

void cbor_enc_init(CborEnc *e, uint8_t *buf, size_t cap)
{
    e->buf = buf;
    e->cap = buf ? cap : 0;
    e->len = 0;
    e->peak = 0;
    e->err = CBOR_OK;
    e->nwrap = 0;
}

CborErr cbor_enc_finish(const CborEnc *e, size_t *len)
{
    CborErr err = e->err;

    if (err == CBOR_OK && e->nwrap != 0) {
        err = CBOR_ERR_NESTING;
    }
    if (len) {
        *len = err == CBOR_ERR_OVERFLOW ? (e->peak > e->len ? e->peak : e->len) : e->len;
    }
    return err;
}

static void advance(CborEnc *e, size_t n)
{
    e->len += n;
    if (e->len > e->peak) {
        e->peak = e->len;
    }
}

static void put_bytes(CborEnc *e, const void *p, size_t n)
{
    if (e->err == CBOR_OK) {
        if (n <= e->cap - e->len) {
            if (n) {
                memcpy(e->buf + e->len, p, n);
            }
        } else {
            e->err = CBOR_ERR_OVERFLOW;
        }
    }
    advance(e, n);
}

/* Encodes a head with the shortest argument width into out; returns its length. */
static size_t head_encode(uint8_t out[HEAD_MAX], unsigned major, uint64_t v)
{
    unsigned n, i;
    uint8_t ib = (uint8_t)(major << 5);

    if (v < 24) {
        out[0] = ib | (uint8_t)v;
        return 1;
    }
    if (v <= 0xff) {
        out[0] = ib | CBOR_AI_1BYTE;
        n = 1;
    } else if (v <= 0xffff) {
        out[0] = ib | CBOR_AI_2BYTE;
        n = 2;
    } else if (v <= 0xffffffffu) {
        out[0] = ib | CBOR_AI_4BYTE;
        n = 4;
    } else {
        out[0] = ib | CBOR_AI_8BYTE;
        n = 8;
    }
    for (i = 0; i < n; i++) {
        out[1 + i] = (uint8_t)(v >> (8 * (n - 1 - i)));
    }
    return 1 + n;
}

static void put_head(CborEnc *e, unsigned major, uint64_t v)
{
    uint8_t h[HEAD_MAX];

    put_bytes(e, h, head_encode(h, major, v));
}

void cbor_put_uint(CborEnc *e, uint64_t v)
{
    put_head(e, CBOR_UINT, v);
}

void cbor_put_nint_arg(CborEnc *e, uint64_t arg)
{
    put_head(e, CBOR_NINT, arg);
}

void cbor_put_int(CborEnc *e, int64_t v)
{
    if (v >= 0) {
        put_head(e, CBOR_UINT, (uint64_t)v);
    } else {
        /* -1 - v computed without overflowing for INT64_MIN. */
        put_head(e, CBOR_NINT, ~(uint64_t)v);
    }
}

void cbor_put_bstr(CborEnc *e, const void *p, size_t n)
{
    put_head(e, CBOR_BSTR, n);
    put_bytes(e, p, n);
}

void cbor_put_bstr_head(CborEnc *e, size_t n)
{
    put_head(e, CBOR_BSTR, n);
}

void cbor_put_tstr(CborEnc *e, const char *s, size_t n)
{
    put_head(e, CBOR_TSTR, n);
    put_bytes(e, s, n);
}

void cbor_put_tstr_z(CborEnc *e, const char *s)
{
    cbor_put_tstr(e, s, strlen(s));
}

void cbor_put_array(CborEnc *e, uint64_t count)
{
    put_head(e, CBOR_ARRAY, count);
}

void cbor_put_map(CborEnc *e, uint64_t pairs)
{
    put_head(e, CBOR_MAP, pairs);
}

void cbor_put_tag(CborEnc *e, uint64_t tag)
{
    put_head(e, CBOR_TAG, tag);
}

void cbor_put_simple(CborEnc *e, uint8_t v)
{
    /* 24..31 would need a two-byte form that RFC 8949 3.3 declares not well-formed. */
    if (v >= 24 && v < 32) {
        if (e->err == CBOR_OK) {
            e->err = CBOR_ERR_RANGE;
        }
        return;
    }
    put_head(e, CBOR_SIMPLE, v);
}

void cbor_put_bool(CborEnc *e, bool v)
{
    put_head(e, CBOR_SIMPLE, v ? CBOR_SIMPLE_TRUE : CBOR_SIMPLE_FALSE);
}

void cbor_put_null(CborEnc *e)
{
    put_head(e, CBOR_SIMPLE, CBOR_SIMPLE_NULL);
}

void cbor_put_undefined(CborEnc *e)
{
    put_head(e, CBOR_SIMPLE, CBOR_SIMPLE_UNDEFINED);
}

void cbor_put_raw(CborEnc *e, const void *p, size_t n)
{
    put_bytes(e, p, n);
}

void cbor_wrap_bstr_begin(CborEnc *e)
{
    if (e->nwrap >= CBOR_ENC_MAX_WRAP) {
        if (e->err == CBOR_OK) {
            e->err = CBOR_ERR_NESTING;
        }
        return;
    }
    e->wrap_start[e->nwrap++] = e->len;
    /* The content length is unknown yet: reserve the longest head and close the gap at the end. */
    if (e->err == CBOR_OK && HEAD_MAX > e->cap - e->len) {
        e->err = CBOR_ERR_OVERFLOW;
    }
    advance(e, HEAD_MAX);
}

void cbor_wrap_bstr_end(CborEnc *e)
{
    uint8_t h[HEAD_MAX];
    size_t start, content, hl;

    if (e->nwrap == 0) {
        if (e->err == CBOR_OK) {
            e->err = CBOR_ERR_NESTING;
        }
        return;
    }
    start = e->wrap_start[--e->nwrap];
    content = e->len - start - HEAD_MAX;
    hl = head_encode(h, CBOR_BSTR, content);
    if (e->err == CBOR_OK) {
        memmove(e->buf + start + hl, e->buf + start + HEAD_MAX, content);
        memcpy(e->buf + start, h, hl);
    }
    e->len = start + hl + content;
}
