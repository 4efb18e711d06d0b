/* SPDX-License-Identifier: BSD-3-Clause */
/* cca-token.c: CCA token collection (tag 907 CMW or legacy tag 399), binding and verification. */
#include "claim-util.h"
#include "crypto/sha2.h"
#include "lib/mem.h"

/* One collection entry: a bstr (legacy) or a CMW record [263, bstr] (draft-ffm-rats-cca-token,
 * draft-ietf-rats-msg-wrap CBOR record form). */
static TokenErr collection_entry(const CborItem *v, bool legacy, TokenBytes *out)
{
    CborCursor c;
    CborItem ct, b;

    if (legacy) {
        if (v->major != CBOR_BSTR) {
            return TOKEN_ERR_FORMAT;
        }
        out->ptr = v->data;
        out->len = v->len;
        return TOKEN_OK;
    }
    if (v->major != CBOR_ARRAY || v->val != 2 || cbor_enter(v, &c) != CBOR_OK ||
        cbor_next(&c, &ct) != CBOR_OK || cbor_next_expect(&c, CBOR_BSTR, &b) != CBOR_OK) {
        return TOKEN_ERR_FORMAT;
    }
    if (ct.major != CBOR_UINT || ct.val != CCA_CONTENT_TYPE_EAT_CWT) {
        return TOKEN_ERR_FORMAT;
    }
    out->ptr = b.data;
    out->len = b.len;
    return TOKEN_OK;
}

static TokenErr parse_collection(const uint8_t *buf, size_t len, CcaToken *tok)
{
    CborCursor top, m;
    CborItem it, k, v;
    CborErr e = cbor_decode_init(&top, buf, len, 0);

    if (e == CBOR_OK) {
        e = cbor_next(&top, &it);
    }
    if (e != CBOR_OK) {
        tok->cbor_err = e;
        return TOKEN_ERR_CBOR;
    }
    if (it.major != CBOR_TAG ||
        (it.val != CCA_TAG_TOKEN_COLLECTION && it.val != CCA_TAG_TOKEN_LEGACY)) {
        return TOKEN_ERR_TAG;
    }
    tok->legacy = it.val == CCA_TAG_TOKEN_LEGACY;
    if (cbor_enter(&it, &top) != CBOR_OK || cbor_next(&top, &it) != CBOR_OK ||
        it.major != CBOR_MAP || it.val != 2 || cbor_enter(&it, &m) != CBOR_OK) {
        return TOKEN_ERR_FORMAT;
    }
    /* Exactly the two entries, in any order; the decoder already rejected duplicate keys. */
    while (!cbor_cursor_done(&m)) {
        TokenBytes *dst;
        TokenErr t;

        if (cbor_next(&m, &k) != CBOR_OK || cbor_next(&m, &v) != CBOR_OK) {
            return TOKEN_ERR_FORMAT;
        }
        if (cbor_item_is_int(&k, CCA_PLAT_TOKEN)) {
            dst = &tok->platform_token;
        } else if (cbor_item_is_int(&k, CCA_REALM_DELEGATED_TOKEN)) {
            dst = &tok->realm_token;
        } else {
            return TOKEN_ERR_FORMAT;
        }
        t = collection_entry(&v, tok->legacy, dst);
        if (t != TOKEN_OK) {
            return t;
        }
    }
    return TOKEN_OK;
}

TokenErr cca_token_parse(const uint8_t *buf, size_t len, CcaToken *tok)
{
    TokenErr t;

    memset(tok, 0, sizeof(*tok));
    tok->fail_part = CCA_PART_COLLECTION;
    t = parse_collection(buf, len, tok);
    if (t != TOKEN_OK) {
        return t;
    }
    tok->fail_part = CCA_PART_PLATFORM;
    t = cose_sign1_parse(tok->platform_token.ptr, tok->platform_token.len, &tok->platform_cose,
                         &tok->cbor_err);
    if (t == TOKEN_OK) {
        t = cca_platform_claims_parse(tok->platform_cose.payload, tok->platform_cose.payload_len,
                                      &tok->platform, &tok->cbor_err);
    }
    if (t != TOKEN_OK) {
        return t;
    }
    tok->fail_part = CCA_PART_REALM;
    t = cose_sign1_parse(tok->realm_token.ptr, tok->realm_token.len, &tok->realm_cose,
                         &tok->cbor_err);
    if (t == TOKEN_OK) {
        t = cca_realm_claims_parse(tok->realm_cose.payload, tok->realm_cose.payload_len,
                                   &tok->realm, &tok->cbor_err);
    }
    return t;
}

TokenErr cca_hash_alg_from_name(TokenBytes name, HashAlg *alg)
{
    static const struct {
        const char *name;
        HashAlg alg;
    } names[] = {
        { "sha-256", HASH_SHA256 },
        { "sha-384", HASH_SHA384 },
        { "sha-512", HASH_SHA512 },
    };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        size_t n = strlen(names[i].name);
        if (name.ptr && name.len == n && memcmp(name.ptr, names[i].name, n) == 0) {
            *alg = names[i].alg;
            return TOKEN_OK;
        }
    }
    return TOKEN_ERR_UNSUPPORTED_HASH;
}

TokenErr cca_rak_binding_digest(const CcaRealmClaims *realm, uint8_t out[HASH_MAX_DIGEST_LEN],
                                size_t *len)
{
    HashAlg alg;
    TokenErr t = cca_hash_alg_from_name(realm->rak_hash_algo_id, &alg);

    if (t != TOKEN_OK) {
        return t;
    }
    /* The hash covers claim 44237 exactly as carried (raw point or serialized COSE_Key). */
    hash_digest(alg, realm->rak_pub_encoded.ptr, realm->rak_pub_encoded.len, out);
    *len = hash_len(alg);
    return TOKEN_OK;
}

TokenErr cca_token_verify_platform(const CcaToken *tok, const uint8_t cpak[CCA_RAK_PUB_LEN])
{
    if (!cpak) {
        return TOKEN_ERR_ARG;
    }
    return cose_sign1_verify_es384(&tok->platform_cose, cpak);
}

TokenErr cca_token_verify_realm(const CcaToken *tok)
{
    return cose_sign1_verify_es384(&tok->realm_cose, tok->realm.rak_pub);
}

TokenErr cca_token_check_binding(const CcaToken *tok)
{
    uint8_t digest[HASH_MAX_DIGEST_LEN];
    size_t n = 0;
    TokenErr t = cca_rak_binding_digest(&tok->realm, digest, &n);

    if (t != TOKEN_OK) {
        return t;
    }
    if (tok->platform.challenge.len != n || memcmp(tok->platform.challenge.ptr, digest, n) != 0) {
        return TOKEN_ERR_BINDING;
    }
    return TOKEN_OK;
}

TokenErr cca_token_check_challenge(const CcaToken *tok, const uint8_t *challenge, size_t len)
{
    if (!challenge || len != CCA_REALM_CHALLENGE_LEN) {
        return TOKEN_ERR_ARG;
    }
    if (tok->realm.challenge.len != len || memcmp(tok->realm.challenge.ptr, challenge, len) != 0) {
        return TOKEN_ERR_CHALLENGE;
    }
    return TOKEN_OK;
}

TokenErr cca_token_collection_build(const uint8_t *plat, size_t plat_len, const uint8_t *realm,
                                    size_t realm_len, bool legacy, uint8_t *out, size_t cap,
                                    size_t *out_len)
{
    CborEnc e;
    CborErr err;

    cbor_enc_init(&e, out, cap);
    cbor_put_tag(&e, legacy ? CCA_TAG_TOKEN_LEGACY : CCA_TAG_TOKEN_COLLECTION);
    cbor_put_map(&e, 2);
    cbor_put_uint(&e, CCA_PLAT_TOKEN);
    if (!legacy) {
        cbor_put_array(&e, 2);
        cbor_put_uint(&e, CCA_CONTENT_TYPE_EAT_CWT);
    }
    cbor_put_bstr(&e, plat, plat_len);
    cbor_put_uint(&e, CCA_REALM_DELEGATED_TOKEN);
    if (!legacy) {
        cbor_put_array(&e, 2);
        cbor_put_uint(&e, CCA_CONTENT_TYPE_EAT_CWT);
    }
    cbor_put_bstr(&e, realm, realm_len);
    err = cbor_enc_finish(&e, out_len);
    return err == CBOR_OK ? TOKEN_OK : TOKEN_ERR_BUFFER;
}
