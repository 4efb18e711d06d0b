/* SPDX-License-Identifier: BSD-3-Clause */
/* claim-util.c: typed claim lookup and encoding shared by the realm and platform claim sets. */
#include "claim-util.h"

TokenErr claims_open(const uint8_t *buf, size_t len, CborItem *map, CborErr *cerr)
{
    CborCursor c;
    CborErr e = cbor_decode_init(&c, buf, len, 0);

    if (e == CBOR_OK) {
        e = cbor_next(&c, map);
    }
    if (cerr) {
        *cerr = e;
    }
    if (e != CBOR_OK) {
        return TOKEN_ERR_CBOR;
    }
    return map->major == CBOR_MAP ? TOKEN_OK : TOKEN_ERR_FORMAT;
}

static TokenErr claim_string(const CborItem *map, int64_t key, bool mandatory, CborMajor m,
                             TokenBytes *out)
{
    CborItem v;
    CborErr e = cbor_map_find_int(map, key, &v);

    out->ptr = NULL;
    out->len = 0;
    if (e == CBOR_ERR_NOT_FOUND) {
        return mandatory ? TOKEN_ERR_MISSING_CLAIM : TOKEN_OK;
    }
    if (e != CBOR_OK) {
        return TOKEN_ERR_FORMAT;
    }
    if (v.major != m) {
        return TOKEN_ERR_CLAIM_TYPE;
    }
    out->ptr = v.data;
    out->len = v.len;
    return TOKEN_OK;
}

TokenErr claim_bstr(const CborItem *map, int64_t key, bool mandatory, TokenBytes *out)
{
    return claim_string(map, key, mandatory, CBOR_BSTR, out);
}

TokenErr claim_tstr(const CborItem *map, int64_t key, bool mandatory, TokenBytes *out)
{
    return claim_string(map, key, mandatory, CBOR_TSTR, out);
}

bool len_is_digest(size_t n)
{
    return n == 32 || n == 48 || n == 64;
}

void put_claim_bstr(CborEnc *e, int64_t key, TokenBytes b)
{
    if (b.ptr) {
        cbor_put_int(e, key);
        cbor_put_bstr(e, b.ptr, b.len);
    }
}

void put_claim_tstr(CborEnc *e, int64_t key, TokenBytes b)
{
    if (b.ptr) {
        cbor_put_int(e, key);
        cbor_put_tstr(e, (const char *)b.ptr, b.len);
    }
}

unsigned claim_present(TokenBytes b)
{
    return b.ptr != NULL;
}
