/* SPDX-License-Identifier: BSD-3-Clause */
/* decode.h: strict, allocation-free CBOR (RFC 8949) decoder with a cursor API for nested items. */
#ifndef FW_CBOR_DECODE_H
#define FW_CBOR_DECODE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cbor/cbor.h"

/*
 * Usage: cbor_decode_init() checks that a buffer holds exactly one well-formed item (RFC 8949
 * appendix C, plus the validity rules below) and returns a cursor that yields it. cbor_next()
 * returns the next item of a cursor as a CborItem whose pointers point into the input;
 * cbor_enter() opens an array, map (keys and values alternate) or tag as a child cursor.
 *
 * Always rejected: truncation, reserved additional information (28..30), indefinite lengths
 * (CCA tokens and COSE deterministic encoding never use them, RFC 9052 9), stray breaks,
 * two-byte simple values below 32, invalid UTF-8 in text strings, duplicate map keys, nesting
 * deeper than CBOR_MAX_DEPTH and trailing bytes. Keys are duplicates when they are the same
 * integer or string, whatever the width of their heads; other key types compare by encoding.
 * Floats (major 7, additional information 25..27) are accepted as raw bits; this code has no FP.
 */

/* Also reject arguments not in preferred (shortest) form, RFC 8949 4.2.1. */
#define CBOR_DEC_DETERMINISTIC 0x1u
/* Internal: the bytes were already fully validated, so skipping may omit the costly checks. */
#define CBOR_DEC_VALIDATED 0x80u

typedef struct {
    CborMajor major;
    uint8_t ai;           /* additional information of the head; for floats 25/26/27 = size */
    uint8_t depth;        /* 0 for the top-level item */
    uint8_t flags;
    uint64_t val;         /* integer argument, string length, element count (map: pairs),
                           * tag number, simple value or raw float bits */
    const uint8_t *data;  /* strings: content; arrays, maps, tags: first enclosed item */
    size_t len;           /* strings: content length; containers and tags: enclosed bytes */
    const uint8_t *raw;   /* the complete encoding of the item, head included */
    size_t raw_len;
} CborItem;

typedef struct {
    const uint8_t *p;     /* next item */
    const uint8_t *end;   /* end of the enclosing item's content */
    uint64_t left;        /* items still to come (a map pair counts as two) */
    uint8_t depth;        /* depth of the items this cursor yields */
    uint8_t flags;
} CborCursor;

/* Validates buf[0..len) as one item and sets *c to yield it. On error *c yields nothing. */
CborErr cbor_decode_init(CborCursor *c, const uint8_t *buf, size_t len, unsigned flags);

/* Validates the single item at the start of buf[0..len); *item_len (may be NULL) receives its
 * length, so trailing bytes are the caller's business. */
CborErr cbor_check_prefix(const uint8_t *buf, size_t len, unsigned flags, size_t *item_len);

/* Next item of the cursor; CBOR_ERR_END when the container is exhausted. */
CborErr cbor_next(CborCursor *c, CborItem *it);
/* As cbor_next, but CBOR_ERR_TYPE unless the item has major type m. */
CborErr cbor_next_expect(CborCursor *c, CborMajor m, CborItem *it);
/* Child cursor over an array's elements, a map's keys and values, or a tag's content. */
CborErr cbor_enter(const CborItem *it, CborCursor *child);
bool cbor_cursor_done(const CborCursor *c);

/* Typed accessors: CBOR_ERR_TYPE for another major type, CBOR_ERR_RANGE if it does not fit. */
CborErr cbor_item_uint(const CborItem *it, uint64_t *v);
CborErr cbor_item_int(const CborItem *it, int64_t *v);
CborErr cbor_item_bool(const CborItem *it, bool *v);
bool cbor_item_is_null(const CborItem *it);
/* True if the item is the integer v. */
bool cbor_item_is_int(const CborItem *it, int64_t v);
/* True if the item is a text string equal to the NUL-terminated s. */
bool cbor_item_tstr_eq(const CborItem *it, const char *s);
/* Same key under the duplicate rule above. */
bool cbor_item_equal(const CborItem *a, const CborItem *b);

/* Value of integer key `key` in map `map`, or CBOR_ERR_NOT_FOUND. */
CborErr cbor_map_find_int(const CborItem *map, int64_t key, CborItem *val);

#endif
