/* SPDX-License-Identifier: BSD-3-Clause */
/* cbor.h: CBOR (RFC 8949) major types, simple values and the error codes shared by both halves. */
#ifndef FW_CBOR_CBOR_H
#define FW_CBOR_CBOR_H

/* Major types, RFC 8949 3.1 (the top three bits of the initial byte). */
typedef enum {
    CBOR_UINT = 0,
    CBOR_NINT = 1,
    CBOR_BSTR = 2,
    CBOR_TSTR = 3,
    CBOR_ARRAY = 4,
    CBOR_MAP = 5,
    CBOR_TAG = 6,
    CBOR_SIMPLE = 7,     /* simple values and floats (major type 7) */
} CborMajor;

/* Simple values, RFC 8949 3.3 table 4. */
#define CBOR_SIMPLE_FALSE 20
#define CBOR_SIMPLE_TRUE 21
#define CBOR_SIMPLE_NULL 22
#define CBOR_SIMPLE_UNDEFINED 23

/* Additional-information values with a fixed meaning, RFC 8949 3. */
#define CBOR_AI_1BYTE 24
#define CBOR_AI_2BYTE 25
#define CBOR_AI_4BYTE 26
#define CBOR_AI_8BYTE 27
#define CBOR_AI_INDEFINITE 31

typedef enum {
    CBOR_OK = 0,
    CBOR_ERR_TRUNCATED,       /* input ends inside an item */
    CBOR_ERR_RESERVED_AI,     /* additional information 28..30 (RFC 8949 3, 3.3) */
    CBOR_ERR_INDEFINITE,      /* indefinite length: deliberately unsupported */
    CBOR_ERR_BREAK,           /* 0xff outside an indefinite-length item */
    CBOR_ERR_BAD_SIMPLE,      /* two-byte simple value below 32 (RFC 8949 3.3) */
    CBOR_ERR_NON_SHORTEST,    /* argument not in preferred form (deterministic mode, 4.2.1) */
    CBOR_ERR_TOO_LONG,        /* length or count larger than the remaining input */
    CBOR_ERR_DEPTH,           /* nesting deeper than CBOR_MAX_DEPTH */
    CBOR_ERR_DUPLICATE_KEY,   /* map with two equal keys (RFC 8949 5.6) */
    CBOR_ERR_BAD_UTF8,        /* text string that is not UTF-8 (RFC 8949 3.1 type 3) */
    CBOR_ERR_TRAILING,        /* bytes after the single top-level item */
    CBOR_ERR_END,             /* no item left in the container */
    CBOR_ERR_TYPE,            /* item is not of the type the caller asked for */
    CBOR_ERR_RANGE,           /* integer does not fit the caller's type */
    CBOR_ERR_NOT_FOUND,       /* map has no such key */
    CBOR_ERR_OVERFLOW,        /* encoder output buffer too small */
    CBOR_ERR_NESTING,         /* encoder: unbalanced wrap begin/end */
    CBOR_ERR_COUNT
} CborErr;

/* Nesting limit for arrays, maps and tags together. CCA tokens need 5 levels; 16 leaves room while
 * bounding recursion depth on firmware stacks. */
#define CBOR_MAX_DEPTH 16

/* A stable, human-readable name for an error ("truncated input"); never NULL. */
const char *cbor_err_name(CborErr e);

#endif
