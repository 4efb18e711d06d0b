/* SPDX-License-Identifier: BSD-3-Clause */
/* cca-platform.c: CCA platform claims (RMM spec DEN0137 A7.2.3.2): parse, validate and sign. */
#include "claim-util.h"
#include "lib/mem.h"

/* PSA security lifecycle (PSA attestation token, RFC 9783 4.1.3): the major state sits in bits
 * 15..8 as 0x00, 0x10 .. 0x60; bits 7..0 are implementation defined. */
static bool lifecycle_valid(uint64_t v)
{
    uint64_t major = v >> 8;

    return v <= 0x60ff && (major & 0x0f) == 0;
}

static TokenErr parse_sw_component(const CborItem *map, CcaSwComponent *sw)
{
    TokenErr t;

    memset(sw, 0, sizeof(*sw));
    if (map->major != CBOR_MAP) {
        return TOKEN_ERR_CLAIM_TYPE;
    }
    t = claim_bstr(map, CCA_SW_COMP_MEASUREMENT_VALUE, true, &sw->measurement);
    if (t == TOKEN_OK && !len_is_digest(sw->measurement.len)) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = claim_bstr(map, CCA_SW_COMP_SIGNER_ID, true, &sw->signer_id);
    }
    if (t == TOKEN_OK && !len_is_digest(sw->signer_id.len)) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(map, CCA_SW_COMP_TYPE, false, &sw->type);
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(map, CCA_SW_COMP_VERSION, false, &sw->version);
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(map, CCA_SW_COMP_HASH_ALGO_ID, false, &sw->hash_algo_id);
    }
    return t;
}

TokenErr cca_platform_sw_component(const CcaPlatformClaims *p, size_t idx, CcaSwComponent *out)
{
    CborCursor top, c;
    CborItem arr, it;

    if (idx >= p->sw_count ||
        cbor_decode_init(&top, p->sw_components.ptr, p->sw_components.len, 0) != CBOR_OK ||
        cbor_next(&top, &arr) != CBOR_OK || cbor_enter(&arr, &c) != CBOR_OK) {
        return TOKEN_ERR_ARG;
    }
    for (size_t i = 0; i <= idx; i++) {
        if (cbor_next(&c, &it) != CBOR_OK) {
            return TOKEN_ERR_ARG;
        }
    }
    return parse_sw_component(&it, out);
}

static TokenErr parse_sw_components(const CborItem *map, CcaPlatformClaims *p)
{
    CborItem arr, it;
    CborCursor c;
    CcaSwComponent sw;
    CborErr e = cbor_map_find_int(map, CCA_PLAT_SW_COMPONENTS, &arr);

    if (e == CBOR_ERR_NOT_FOUND) {
        return TOKEN_ERR_MISSING_CLAIM;
    }
    if (e != CBOR_OK || arr.major != CBOR_ARRAY) {
        return TOKEN_ERR_CLAIM_TYPE;
    }
    /* At least one component: an empty list would attest nothing about the boot chain. */
    if (arr.val == 0 || cbor_enter(&arr, &c) != CBOR_OK) {
        return TOKEN_ERR_CLAIM_VALUE;
    }
    while (!cbor_cursor_done(&c)) {
        TokenErr t;

        if (cbor_next(&c, &it) != CBOR_OK) {
            return TOKEN_ERR_FORMAT;
        }
        t = parse_sw_component(&it, &sw);
        if (t != TOKEN_OK) {
            return t;
        }
    }
    p->sw_components.ptr = arr.raw;
    p->sw_components.len = arr.raw_len;
    p->sw_count = (size_t)arr.val;
    return TOKEN_OK;
}

static TokenErr parse_lifecycle(const CborItem *map, CcaPlatformClaims *p)
{
    CborItem v;
    CborErr e = cbor_map_find_int(map, CCA_PLAT_SECURITY_LIFECYCLE, &v);

    if (e == CBOR_ERR_NOT_FOUND) {
        return TOKEN_ERR_MISSING_CLAIM;
    }
    if (e != CBOR_OK || cbor_item_uint(&v, &p->lifecycle) != CBOR_OK) {
        return TOKEN_ERR_CLAIM_TYPE;
    }
    return lifecycle_valid(p->lifecycle) ? TOKEN_OK : TOKEN_ERR_CLAIM_VALUE;
}

TokenErr cca_platform_claims_parse(const uint8_t *buf, size_t len, CcaPlatformClaims *p,
                                   CborErr *cerr)
{
    CborItem map;
    TokenErr t;

    memset(p, 0, sizeof(*p));
    t = claims_open(buf, len, &map, cerr);
    if (t != TOKEN_OK) {
        return t;
    }
    t = claim_bstr(&map, CCA_PLAT_CHALLENGE, true, &p->challenge);
    if (t == TOKEN_OK && !len_is_digest(p->challenge.len)) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(&map, CCA_PLAT_PROFILE, true, &p->profile);
    }
    if (t == TOKEN_OK) {
        t = claim_bstr(&map, CCA_PLAT_IMPLEMENTATION_ID, true, &p->impl_id);
    }
    if (t == TOKEN_OK && p->impl_id.len != CCA_PLAT_IMPL_ID_LEN) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = claim_bstr(&map, CCA_PLAT_INSTANCE_ID, true, &p->instance_id);
    }
    /* EAT UEID (RFC 9711 4.2.1): type 0x01 = RAND followed by the 32-byte IAK hash. */
    if (t == TOKEN_OK &&
        (p->instance_id.len != CCA_PLAT_INSTANCE_ID_LEN || p->instance_id.ptr[0] != 0x01)) {
        t = TOKEN_ERR_CLAIM_VALUE;
    }
    if (t == TOKEN_OK) {
        t = claim_bstr(&map, CCA_PLAT_CONFIGURATION, true, &p->config);
    }
    if (t == TOKEN_OK) {
        t = parse_lifecycle(&map, p);
    }
    if (t == TOKEN_OK) {
        t = parse_sw_components(&map, p);
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(&map, CCA_PLAT_VERIFICATION_SERVICE, false, &p->verification_service);
    }
    if (t == TOKEN_OK) {
        t = claim_tstr(&map, CCA_PLAT_HASH_ALGO_ID, true, &p->hash_algo_id);
    }
    return t;
}

static void put_sw_component(CborEnc *e, const CcaSwComponent *sw)
{
    cbor_put_map(e, 2 + claim_present(sw->type) + claim_present(sw->version) +
                 claim_present(sw->hash_algo_id));
    put_claim_tstr(e, CCA_SW_COMP_TYPE, sw->type);
    put_claim_bstr(e, CCA_SW_COMP_MEASUREMENT_VALUE, sw->measurement);
    put_claim_tstr(e, CCA_SW_COMP_VERSION, sw->version);
    put_claim_bstr(e, CCA_SW_COMP_SIGNER_ID, sw->signer_id);
    put_claim_tstr(e, CCA_SW_COMP_HASH_ALGO_ID, sw->hash_algo_id);
}

TokenErr cca_platform_token_sign(const CcaPlatformClaims *p, const CcaSwComponent *sw, size_t nsw,
                                 const uint8_t priv[48], uint8_t *out, size_t cap,
                                 size_t *out_len)
{
    CborEnc e;
    size_t mark;
    TokenErr t;

    if (!p->profile.ptr || !p->challenge.ptr || !p->impl_id.ptr || !p->instance_id.ptr ||
        !p->config.ptr || !p->hash_algo_id.ptr || nsw == 0) {
        return TOKEN_ERR_ARG;
    }
    for (size_t i = 0; i < nsw; i++) {
        if (!sw[i].measurement.ptr || !sw[i].signer_id.ptr) {
            return TOKEN_ERR_ARG;
        }
    }
    cbor_enc_init(&e, out, cap);
    cose_sign1_es384_begin(&e, true, &mark);
    cbor_put_map(&e, 8 + claim_present(p->verification_service));
    put_claim_tstr(&e, CCA_PLAT_PROFILE, p->profile);
    put_claim_bstr(&e, CCA_PLAT_CHALLENGE, p->challenge);
    put_claim_bstr(&e, CCA_PLAT_IMPLEMENTATION_ID, p->impl_id);
    put_claim_bstr(&e, CCA_PLAT_INSTANCE_ID, p->instance_id);
    put_claim_bstr(&e, CCA_PLAT_CONFIGURATION, p->config);
    cbor_put_uint(&e, CCA_PLAT_SECURITY_LIFECYCLE);
    cbor_put_uint(&e, p->lifecycle);
    cbor_put_uint(&e, CCA_PLAT_SW_COMPONENTS);
    cbor_put_array(&e, nsw);
    for (size_t i = 0; i < nsw; i++) {
        put_sw_component(&e, &sw[i]);
    }
    put_claim_tstr(&e, CCA_PLAT_VERIFICATION_SERVICE, p->verification_service);
    put_claim_tstr(&e, CCA_PLAT_HASH_ALGO_ID, p->hash_algo_id);
    t = cose_sign1_es384_end(&e, mark, priv);
    if (out_len) {
        cbor_enc_finish(&e, out_len);
    }
    return t;
}
