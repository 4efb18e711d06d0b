/* SPDX-License-Identifier: BSD-3-Clause */
/* cca-realm.c: CCA realm claims (RMM spec DEN0137 A7.2.3.1): parse, validate and sign. */
#include "claim-util.h"
#include "crypto/p384.h"
#include "lib/mem.h"

/* COSE_Key labels and values for an EC2 P-384 public key (RFC 9052 7.1, RFC 9053 7.1.1). */
#define COSE_KEY_KTY 1
#define COSE_KEY_CRV (-1)
#define COSE_KEY_X (-2)
#define COSE_KEY_Y (-3)
#define COSE_KTY_EC2 2
#define COSE_CRV_P384 2
#define P384_COORD_LEN 48

static TokenErr cose_key_coord(const CborItem *key, int64_t label, uint8_t *out)
{
    CborItem v;

    if (cbor_map_find_int(key, label, &v) != CBOR_OK) {
        return TOKEN_ERR_CLAIM_VALUE;
    }
    /* A boolean y would be a compressed point (RFC 9053 7.1.1); RMM never produces one. */
    if (v.major != CBOR_BSTR || v.len != P384_COORD_LEN) {
        return TOKEN_ERR_CLAIM_VALUE;
    }
    memcpy(out, v.data, P384_COORD_LEN);
    return TOKEN_OK;
}

/* Claim 44237 is either the raw SEC1 point (RMM 1.0 profile) or a COSE_Key (2023 profile). */
static TokenErr parse_rak(CcaRealmClaims *r)
{
    CborCursor c;
    CborItem key, v;
    TokenErr t;

    if (r->rak_pub_encoded.len == CCA_RAK_PUB_LEN && r->rak_pub_encoded.ptr[0] == 0x04) {
        memcpy(r->rak_pub, r->rak_pub_encoded.ptr, CCA_RAK_PUB_LEN);
        r->rak_is_cose_key = false;
        return TOKEN_OK;
    }
    if (cbor_decode_init(&c, r->rak_pub_encoded.ptr, r->rak_pub_encoded.len, 0) != CBOR_OK ||
        cbor_next(&c, &key) != CBOR_OK || key.major != CBOR_MAP) {
        return TOKEN_ERR_CLAIM_VALUE;
    }
    if (cbor_map_find_int(&key, COSE_KEY_KTY, &v) != CBOR_OK ||
        !cbor_item_is_int(&v, COSE_KTY_EC2) ||
        cbor_map_find_int(&key, COSE_KEY_CRV, &v) != CBOR_OK ||
        !cbor_item_is_int(&v, COSE_CRV_P384)) {
        return TOKEN_ERR_CLAIM_VALUE;
    }
    r->rak_pub[0] = 0x04;
    t = cose_key_coord(&key, COSE_KEY_X, r->rak_pub + 1);
    if (t == TOKEN_OK) {
        t = cose_key_coord(&key, COSE_KEY_Y, r->rak_pub + 1 + P384_COORD_LEN);
    }
    r->rak_is_cose_key = true;
    return t;
}

static TokenErr parse_rems(const CborItem *map, CcaRealmClaims *r)
{
    CborItem arr, v;
    CborCursor c;
    CborErr e = cbor_map_find_int(map, CCA_REALM_EXTENSIBLE_MEASUREMENTS, &arr);

    if (e == CBOR_ERR_NOT_FOUND) {
        return TOKEN_ERR_MISSING_CLAIM;
    }
    if (e != CBOR_OK || arr.major != CBOR_ARRAY) {
        return TOKEN_ERR_CLAIM_TYPE;
    }
    if (arr.val != CCA_REM_COUNT || cbor_enter(&arr, &c) != CBOR_OK) {
        return TOKEN_ERR_CLAIM_VALUE;
    }
    for (unsigned i = 0; i < CCA_REM_COUNT; i++) {
        if (cbor_next(&c, &v) != CBOR_OK || v.major != CBOR_BSTR) {
            return TOKEN_ERR_CLAIM_TYPE;
        }
        if (!len_is_digest(v.len)) {
            return TOKEN_ERR_CLAIM_VALUE;
        }
        r->rem[i].ptr = v.data;
        r->rem[i].len = v.len;
    }
    return TOKEN_OK;
}

TokenErr cca_realm_claims_parse(const uint8_t *buf, size_t len, CcaRealmClaims *r, CborErr *cerr)
{
    CborItem map;
    TokenErr t;

    memset(r, 0, sizeof(*r));
    t = claims_open(buf, len, &map, cerr);
    if (t != TOKEN_OK) {
        return t;
    }
    /* The challenge is checked first: it is the claim every realm token must carry (the README
     * of the samples: "the challenge is mandatory"). */
    t = claim_bstr(&map, CCA_REALM_CHALLENGE, true, &r->challenge);
    if (t == TOKEN_OK && r->challenge.len != CCA_REALM_CHALLENGE_LEN) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = claim_bstr(&map, CCA_REALM_PERSONALIZATION_VALUE, true, &r->personalization);
    }
    if (t == TOKEN_OK && r->personalization.len != CCA_REALM_PERSONALIZATION_LEN) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = claim_bstr(&map, CCA_REALM_INITIAL_MEASUREMENT, true, &r->rim);
    }
    if (t == TOKEN_OK && !len_is_digest(r->rim.len)) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = parse_rems(&map, r);
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(&map, CCA_REALM_HASH_ALGM_ID, true, &r->hash_algo_id);
    }
    if (t == TOKEN_OK) {
        t = claim_bstr(&map, CCA_REALM_PUB_KEY, true, &r->rak_pub_encoded);
    }
    if (t == TOKEN_OK) {
        t = parse_rak(r);
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(&map, CCA_REALM_PUB_KEY_HASH_ALGO_ID, true, &r->rak_hash_algo_id);
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(&map, CCA_REALM_PROFILE, false, &r->profile);
    }
    return t;
}

static void put_rak(CborEnc *e, const uint8_t pub[CCA_RAK_PUB_LEN], bool cose_key)
{
    cbor_put_uint(e, CCA_REALM_PUB_KEY);
    if (!cose_key) {
        cbor_put_bstr(e, pub, CCA_RAK_PUB_LEN);
        return;
    }
    cbor_wrap_bstr_begin(e);
    cbor_put_map(e, 4);
    cbor_put_int(e, COSE_KEY_KTY);
    cbor_put_int(e, COSE_KTY_EC2);
    cbor_put_int(e, COSE_KEY_CRV);
    cbor_put_int(e, COSE_CRV_P384);
    cbor_put_int(e, COSE_KEY_X);
    cbor_put_bstr(e, pub + 1, P384_COORD_LEN);
    cbor_put_int(e, COSE_KEY_Y);
    cbor_put_bstr(e, pub + 1 + P384_COORD_LEN, P384_COORD_LEN);
    cbor_wrap_bstr_end(e);
}

TokenErr cca_realm_token_sign(const CcaRealmClaims *r, const uint8_t rak_priv[48], uint8_t *out,
                              size_t cap, size_t *out_len)
{
    uint8_t pub[CCA_RAK_PUB_LEN];
    CborEnc e;
    size_t mark;
    TokenErr t;

    if (!r->challenge.ptr || r->challenge.len != CCA_REALM_CHALLENGE_LEN ||
        !r->personalization.ptr || r->personalization.len != CCA_REALM_PERSONALIZATION_LEN ||
        !r->rim.ptr || !r->hash_algo_id.ptr || !r->rak_hash_algo_id.ptr) {
        return TOKEN_ERR_ARG;
    }
    for (unsigned i = 0; i < CCA_REM_COUNT; i++) {
        if (!r->rem[i].ptr) {
            return TOKEN_ERR_ARG;
        }
    }
    if (p384_public_from_private(rak_priv, pub) != 0) {
        return TOKEN_ERR_KEY;
    }
    cbor_enc_init(&e, out, cap);
    cose_sign1_es384_begin(&e, true, &mark);
    cbor_put_map(&e, 7 + claim_present(r->profile));
    put_claim_tstr(&e, CCA_REALM_PROFILE, r->profile);
    put_claim_bstr(&e, CCA_REALM_CHALLENGE, r->challenge);
    put_claim_bstr(&e, CCA_REALM_PERSONALIZATION_VALUE, r->personalization);
    put_claim_bstr(&e, CCA_REALM_INITIAL_MEASUREMENT, r->rim);
    cbor_put_uint(&e, CCA_REALM_EXTENSIBLE_MEASUREMENTS);
    cbor_put_array(&e, CCA_REM_COUNT);
    for (unsigned i = 0; i < CCA_REM_COUNT; i++) {
        cbor_put_bstr(&e, r->rem[i].ptr, r->rem[i].len);
    }
    put_claim_tstr(&e, CCA_REALM_HASH_ALGM_ID, r->hash_algo_id);
    put_rak(&e, pub, r->rak_is_cose_key);
    put_claim_tstr(&e, CCA_REALM_PUB_KEY_HASH_ALGO_ID, r->rak_hash_algo_id);
    t = cose_sign1_es384_end(&e, mark, rak_priv);
    if (out_len) {
        cbor_enc_finish(&e, out_len);
    }
    return t;
}
