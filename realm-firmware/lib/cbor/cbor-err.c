/* SPDX-License-Identifier: BSD-3-Clause */
/* cbor-err.c: printable names for CborErr. */
#include "cbor/cbor.h"

static const char *const cbor_err_names[CBOR_ERR_COUNT] = {
    [CBOR_OK] = "ok",
    [CBOR_ERR_TRUNCATED] = "truncated input",
    [CBOR_ERR_RESERVED_AI] = "reserved additional information",
    [CBOR_ERR_INDEFINITE] = "indefinite length not supported",
    [CBOR_ERR_BREAK] = "unexpected break",
    [CBOR_ERR_BAD_SIMPLE] = "two-byte simple value below 32",
    [CBOR_ERR_NON_SHORTEST] = "argument not in shortest form",
    [CBOR_ERR_TOO_LONG] = "length or count exceeds the input",
    [CBOR_ERR_DEPTH] = "nesting too deep",
    [CBOR_ERR_DUPLICATE_KEY] = "duplicate map key",
    [CBOR_ERR_BAD_UTF8] = "text string is not valid UTF-8",
    [CBOR_ERR_TRAILING] = "trailing bytes after the item",
    [CBOR_ERR_END] = "no more items",
    [CBOR_ERR_TYPE] = "unexpected type",
    [CBOR_ERR_RANGE] = "value out of range",
    [CBOR_ERR_NOT_FOUND] = "key not found",
    [CBOR_ERR_OVERFLOW] = "output buffer too small",
    [CBOR_ERR_NESTING] = "unbalanced or too deep bstr wrap",
};

const char *cbor_err_name(CborErr e)
{
    if ((unsigned)e >= CBOR_ERR_COUNT || !cbor_err_names[e]) {
        return "unknown error";
    }
    return cbor_err_names[e];
}
