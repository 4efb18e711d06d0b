/* SPDX-License-Identifier: BSD-3-Clause */
/* cose-sign1.c: COSE_Sign1 (RFC 9052 4.2, 4.4) parse, Sig_structure digest, ES384 sign/verify. */
#include "token/cose.h"
#include "crypto/ecdsa.h"
#include "crypto/p384.h"
#include "lib/mem.h"

/* {1: -35}: the protected header of every token we sign (RFC 9053 2.1, ES384). */
static const uint8_t es384_protected[] = { 0xa1, 0x01, 0x38, 0x22 };

static TokenErr cbor_fail(CborErr e, CborErr *cerr)
{
    if (cerr) {
        *cerr = e;
    }
    return TOKEN_ERR_CBOR;
}

/* RFC 9052 3: the protected bucket is a bstr holding a map (empty bstr = empty map). */
static TokenErr parse_protected(CoseSign1 *msg, CborItem *map, bool *empty, CborErr *cerr)
{
    CborCursor c;
    CborErr e;

    *empty = msg->protected_len == 0;
    if (*empty) {
        return TOKEN_OK;
    }
    e = cbor_decode_init(&c, msg->protected_hdr, msg->protected_len, 0);
    if (e == CBOR_OK) {
        e = cbor_next(&c, map);
    }
    if (e != CBOR_OK) {
        return cbor_fail(e, cerr);
    }
    return map->major == CBOR_MAP ? TOKEN_OK : TOKEN_ERR_HEADER;
}

/* crit (RFC 9052 3.1) lists labels the recipient must understand; alg is the only one here. */
static TokenErr check_crit(const CborItem *prot)
{
    CborItem crit, label;
    CborCursor c;

    if (cbor_map_find_int(prot, COSE_HDR_CRIT, &crit) != CBOR_OK) {
        return TOKEN_OK;
    }
    if (crit.major != CBOR_ARRAY || crit.val == 0 || cbor_enter(&crit, &c) != CBOR_OK) {
        return TOKEN_ERR_HEADER;
    }
    while (!cbor_cursor_done(&c)) {
        if (cbor_next(&c, &label) != CBOR_OK || !cbor_item_is_int(&label, COSE_HDR_ALG)) {
            return TOKEN_ERR_HEADER;
        }
    }
    return TOKEN_OK;
}

/* RFC 9052 3: a label must not occur in both buckets. */
static TokenErr check_buckets(const CborItem *prot, bool prot_empty, const CborItem *unprot)
{
    CborCursor u, p;
    CborItem k, v, pk;

    if (prot_empty || cbor_enter(unprot, &u) != CBOR_OK) {
        return TOKEN_OK;
    }
    while (!cbor_cursor_done(&u)) {
        if (cbor_next(&u, &k) != CBOR_OK || cbor_next(&u, &v) != CBOR_OK ||
            cbor_enter(prot, &p) != CBOR_OK) {
            return TOKEN_ERR_HEADER;
        }
        while (!cbor_cursor_done(&p)) {
            if (cbor_next(&p, &pk) != CBOR_OK || cbor_next(&p, &v) != CBOR_OK) {
                return TOKEN_ERR_HEADER;
            }
            if (cbor_item_equal(&k, &pk)) {
                return TOKEN_ERR_HEADER;
            }
        }
    }
    return TOKEN_OK;
}

static TokenErr parse_headers(CoseSign1 *msg, const CborItem *unprot, CborErr *cerr)
{
    CborItem prot, alg;
    bool empty;
    TokenErr t = parse_protected(msg, &prot, &empty, cerr);

    if (t != TOKEN_OK) {
        return t;
    }
    /* alg must be integrity protected, so it is looked up in the protected bucket only. */
    if (empty || cbor_map_find_int(&prot, COSE_HDR_ALG, &alg) != CBOR_OK ||
        cbor_item_int(&alg, &msg->alg) != CBOR_OK) {
        return TOKEN_ERR_HEADER;
    }
    t = check_crit(&prot);
    if (t == TOKEN_OK) {
        t = check_buckets(&prot, empty, unprot);
    }
    return t;
}

TokenErr cose_sign1_parse(const uint8_t *buf, size_t len, CoseSign1 *msg, CborErr *cerr)
{
    CborCursor top, arr;
    CborItem it, prot, unprot, payload, sig;
    CborErr e;

    memset(msg, 0, sizeof(*msg));
    if (cerr) {
        *cerr = CBOR_OK;
    }
    e = cbor_decode_init(&top, buf, len, 0);
    if (e == CBOR_OK) {
        e = cbor_next(&top, &it);
    }
    if (e != CBOR_OK) {
        return cbor_fail(e, cerr);
    }
    /* RFC 9052 4.2: COSE_Sign1_Tagged = #6.18(COSE_Sign1); the untagged form is also legal when
     * the context says what it is. */
    if (it.major == CBOR_TAG) {
        if (it.val != COSE_TAG_SIGN1 || cbor_enter(&it, &top) != CBOR_OK ||
            cbor_next(&top, &it) != CBOR_OK) {
            return TOKEN_ERR_TAG;
        }
        msg->tagged = true;
    }
    if (it.major != CBOR_ARRAY || it.val != 4 || cbor_enter(&it, &arr) != CBOR_OK) {
        return TOKEN_ERR_FORMAT;
    }
    if (cbor_next_expect(&arr, CBOR_BSTR, &prot) != CBOR_OK ||
        cbor_next_expect(&arr, CBOR_MAP, &unprot) != CBOR_OK ||
        cbor_next(&arr, &payload) != CBOR_OK) {
        return TOKEN_ERR_FORMAT;
    }
    if (cbor_item_is_null(&payload)) {
        return TOKEN_ERR_DETACHED;
    }
    if (payload.major != CBOR_BSTR || cbor_next_expect(&arr, CBOR_BSTR, &sig) != CBOR_OK) {
        return TOKEN_ERR_FORMAT;
    }
    msg->protected_hdr = prot.data;
    msg->protected_len = prot.len;
    msg->unprotected = unprot.raw;
    msg->unprotected_len = unprot.raw_len;
    msg->payload = payload.data;
    msg->payload_len = payload.len;
    msg->signature = sig.data;
    msg->signature_len = sig.len;
    return parse_headers(msg, &unprot, cerr);
}

static void hash_head(HashCtx *h, unsigned major, uint64_t v)
{
    uint8_t buf[9];
    CborEnc e;

    cbor_enc_init(&e, buf, sizeof(buf));
    if (major == CBOR_BSTR) {
        cbor_put_bstr_head(&e, (size_t)v);
    } else {
        cbor_put_array(&e, v);
    }
    hash_update(h, buf, e.len);
}

void cose_sig_structure_digest(HashAlg alg, const uint8_t *prot, size_t prot_len,
                               const uint8_t *payload, size_t payload_len, uint8_t *out)
{
    /* Text string "Signature1" (RFC 9052 4.4, context for COSE_Sign1). */
    static const uint8_t context[] = { 0x6a, 'S', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', '1' };
    static const uint8_t empty_bstr = 0x40;    /* external_aad: none */
    HashCtx h;

    hash_init(&h, alg);
    hash_head(&h, CBOR_ARRAY, 4);
    hash_update(&h, context, sizeof(context));
    hash_head(&h, CBOR_BSTR, prot_len);
    hash_update(&h, prot, prot_len);
    hash_update(&h, &empty_bstr, 1);
    hash_head(&h, CBOR_BSTR, payload_len);
    hash_update(&h, payload, payload_len);
    hash_final(&h, out);
}

TokenErr cose_sign1_verify_es384(const CoseSign1 *msg, const uint8_t pub[97])
{
    uint8_t digest[SHA384_DIGEST_LEN];

    if (msg->alg != COSE_ALG_ES384) {
        return TOKEN_ERR_UNSUPPORTED_ALG;
    }
    if (msg->signature_len != COSE_ES384_SIG_LEN) {
        return TOKEN_ERR_SIG_SIZE;
    }
    if (p384_public_key_check(pub) != 0) {
        return TOKEN_ERR_KEY;
    }
    cose_sig_structure_digest(HASH_SHA384, msg->protected_hdr, msg->protected_len, msg->payload,
                              msg->payload_len, digest);
    if (ecdsa_p384_verify(pub, digest, sizeof(digest), msg->signature) != 0) {
        return TOKEN_ERR_SIGNATURE;
    }
    return TOKEN_OK;
}

void cose_sign1_es384_begin(CborEnc *e, bool tagged, size_t *payload_mark)
{
    if (tagged) {
        cbor_put_tag(e, COSE_TAG_SIGN1);
    }
    cbor_put_array(e, 4);
    cbor_put_bstr(e, es384_protected, sizeof(es384_protected));
    cbor_put_map(e, 0);
    *payload_mark = e->len;
    cbor_wrap_bstr_begin(e);
}

TokenErr cose_sign1_es384_end(CborEnc *e, size_t payload_mark, const uint8_t priv[48])
{
    uint8_t digest[SHA384_DIGEST_LEN];
    uint8_t sig[COSE_ES384_SIG_LEN];
    CborCursor c;
    CborItem payload;

    cbor_wrap_bstr_end(e);
    if (e->err != CBOR_OK) {
        /* Keep counting so the caller learns the size it needs. */
        memset(sig, 0, sizeof(sig));
        cbor_put_bstr(e, sig, sizeof(sig));
        return e->err == CBOR_ERR_OVERFLOW ? TOKEN_ERR_BUFFER : TOKEN_ERR_ARG;
    }
    if (cbor_decode_init(&c, e->buf + payload_mark, e->len - payload_mark, 0) != CBOR_OK ||
        cbor_next(&c, &payload) != CBOR_OK) {
        return TOKEN_ERR_ARG;       /* unreachable: the encoder just wrote this bstr */
    }
    cose_sig_structure_digest(HASH_SHA384, es384_protected, sizeof(es384_protected),
                              payload.data, payload.len, digest);
    if (ecdsa_p384_sign(priv, HASH_SHA384, digest, sizeof(digest), sig) != 0) {
        return TOKEN_ERR_KEY;
    }
    cbor_put_bstr(e, sig, sizeof(sig));
    memset(sig, 0, sizeof(sig));
    return e->err == CBOR_OK ? TOKEN_OK : TOKEN_ERR_BUFFER;
}

TokenErr cose_sign1_sign_es384(const uint8_t priv[48], const uint8_t *payload, size_t payload_len,
                               bool tagged, uint8_t *out, size_t cap, size_t *out_len)
{
    CborEnc e;
    size_t mark;
    TokenErr t;

    cbor_enc_init(&e, out, cap);
    cose_sign1_es384_begin(&e, tagged, &mark);
    cbor_put_raw(&e, payload, payload_len);
    t = cose_sign1_es384_end(&e, mark, priv);
    if (out_len) {
        cbor_enc_finish(&e, out_len);
    }
    return t;
}
