/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-token-build.c: CCA tokens built by the C library parse back to the same claims in both
 * top-level forms; malformed collections and claim sets are rejected with the right error. */
#include <stdbool.h>
#include "cbor/encode.h"
#include "crypto/p384.h"
#include "token/cca.h"
#include "test-util.h"

static uint8_t key[48];
static uint8_t challenge[64], rpv[64], rim[48], rem[4][48], impl[32], inst[33], meas[32];

static void setup_claims(CcaRealmClaims *r, CcaPlatformClaims *p, CcaSwComponent *sw)
{
    memset(challenge, 0xc1, sizeof(challenge));
    memset(rpv, 0xc2, sizeof(rpv));
    memset(rim, 0xc3, sizeof(rim));
    memset(rem, 0xc4, sizeof(rem));
    memset(impl, 0xc5, sizeof(impl));
    memset(inst, 0xc6, sizeof(inst));
    inst[0] = 0x01;
    memset(meas, 0xc7, sizeof(meas));
    memset(r, 0, sizeof(*r));
    r->challenge = (TokenBytes){ challenge, 64 };
    r->personalization = (TokenBytes){ rpv, 64 };
    r->rim = (TokenBytes){ rim, 48 };
    for (unsigned i = 0; i < 4; i++) {
        r->rem[i] = (TokenBytes){ rem[i], 48 };
    }
    r->hash_algo_id = (TokenBytes){ (const uint8_t *)"sha-384", 7 };
    r->rak_hash_algo_id = (TokenBytes){ (const uint8_t *)"sha-256", 7 };
    memset(p, 0, sizeof(*p));
    p->profile = (TokenBytes){ (const uint8_t *)"tag:arm.com,2023:cca_platform#1.0.0", 35 };
    p->impl_id = (TokenBytes){ impl, 32 };
    p->instance_id = (TokenBytes){ inst, 33 };
    p->config = (TokenBytes){ impl, 4 };
    p->lifecycle = 0x3000;
    p->hash_algo_id = (TokenBytes){ (const uint8_t *)"sha-256", 7 };
    memset(sw, 0, sizeof(*sw));
    sw->measurement = (TokenBytes){ meas, 32 };
    sw->signer_id = (TokenBytes){ meas, 32 };
}

static bool same(TokenBytes a, TokenBytes b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* realm token -> binding digest -> platform token -> collection -> parse -> verify. */
static size_t build(bool legacy, bool cose_key, uint8_t *out, size_t cap)
{
    static uint8_t rtok[2048], ptok[2048];
    uint8_t bind[64], pub[97];
    size_t rlen = 0, plen = 0, len = 0, blen = 0;
    CcaRealmClaims r, rr;
    CcaPlatformClaims p;
    CcaSwComponent sw;
    CoseSign1 m;
    TokenErr t;

    setup_claims(&r, &p, &sw);
    r.rak_is_cose_key = cose_key;
    t = cca_realm_token_sign(&r, key, rtok, sizeof(rtok), &rlen);
    CHECK(t == TOKEN_OK, "realm sign: %s", token_err_name(t));
    CHECK(cose_sign1_parse(rtok, rlen, &m, NULL) == TOKEN_OK &&
          cca_realm_claims_parse(m.payload, m.payload_len, &rr, NULL) == TOKEN_OK, "reparse");
    CHECK(p384_public_from_private(key, pub) == 0 && memcmp(rr.rak_pub, pub, 97) == 0 &&
          rr.rak_is_cose_key == cose_key && rr.rak_pub_encoded.len == (cose_key ? 107u : 97u),
          "RAK placed in the realm token");
    CHECK(cca_rak_binding_digest(&rr, bind, &blen) == TOKEN_OK && blen == 32, "binding digest");
    p.challenge = (TokenBytes){ bind, blen };
    t = cca_platform_token_sign(&p, &sw, 1, key, ptok, sizeof(ptok), &plen);
    CHECK(t == TOKEN_OK, "platform sign: %s", token_err_name(t));
    t = cca_token_collection_build(ptok, plen, rtok, rlen, legacy, out, cap, &len);
    CHECK(t == TOKEN_OK, "collection: %s", token_err_name(t));
    return len;
}

static void test_round_trip(void)
{
    static uint8_t buf[4096];
    uint8_t pub[97];

    CHECK(p384_public_from_private(key, pub) == 0, "key");
    for (int legacy = 0; legacy <= 1; legacy++) {
        for (int cose_key = 0; cose_key <= 1; cose_key++) {
            size_t n = build(legacy, cose_key, buf, sizeof(buf));
            CcaRealmClaims r;
            CcaPlatformClaims p;
            CcaSwComponent sw, got;
            CcaToken tok;
            TokenErr t = cca_token_parse(buf, n, &tok);

            setup_claims(&r, &p, &sw);
            CHECK(t == TOKEN_OK, "parse legacy=%d: %s", legacy, token_err_name(t));
            /* RMM spec A7.2: the 907 collection wraps each token as [263, bstr]. */
            CHECK(buf[0] == 0xd9 && buf[1] == (legacy ? 0x01 : 0x03) &&
                  buf[2] == (legacy ? 0x8f : 0x8b), "tag bytes");
            CHECK(tok.legacy == legacy, "form");
            CHECK(cca_token_verify_platform(&tok, pub) == TOKEN_OK, "platform verify");
            CHECK(cca_token_verify_realm(&tok) == TOKEN_OK, "realm verify");
            CHECK(cca_token_check_binding(&tok) == TOKEN_OK, "binding");
            CHECK(cca_token_check_challenge(&tok, challenge, 64) == TOKEN_OK, "challenge");
            CHECK(same(tok.realm.rim, r.rim) && same(tok.realm.rem[3], r.rem[3]) &&
                  same(tok.realm.personalization, r.personalization) &&
                  same(tok.realm.hash_algo_id, r.hash_algo_id) && !tok.realm.profile.ptr,
                  "realm claims");
            CHECK(same(tok.platform.profile, p.profile) && same(tok.platform.impl_id, p.impl_id) &&
                  same(tok.platform.instance_id, p.instance_id) &&
                  same(tok.platform.config, p.config) && tok.platform.lifecycle == 0x3000 &&
                  tok.platform.sw_count == 1 && !tok.platform.verification_service.ptr,
                  "platform claims");
            CHECK(cca_platform_sw_component(&tok.platform, 0, &got) == TOKEN_OK &&
                  same(got.measurement, sw.measurement) && !got.type.ptr, "sw component");
        }
    }
    /* Output capacity: too small is reported with the size needed. */
    {
        size_t need = 0;
        size_t n = build(false, false, buf, sizeof(buf));
        static uint8_t ptok[2048], small[64];
        CcaPlatformClaims p;
        CcaRealmClaims r;
        CcaSwComponent sw;

        /* tag 907 (3) + map (1) + 2 * (label (3) + array (1) + 263 (3) + bstr head (1) + 10) */
        CHECK(cca_token_collection_build(buf, 10, buf, 10, false, small, 20, &need) ==
              TOKEN_ERR_BUFFER && need == 3 + 1 + 2 * (3 + 1 + 3 + 1 + 10),
              "collection size %zu", need);
        setup_claims(&r, &p, &sw);
        p.challenge = (TokenBytes){ challenge, 32 };
        CHECK(cca_platform_token_sign(&p, &sw, 1, key, ptok, 100, &need) == TOKEN_ERR_BUFFER &&
              need > 100 && need < n, "platform size %zu", need);
        CHECK(cca_platform_token_sign(&p, &sw, 0, key, ptok, sizeof(ptok), &need) ==
              TOKEN_ERR_ARG, "no sw components");
        r.challenge.len = 32;
        CHECK(cca_realm_token_sign(&r, key, ptok, sizeof(ptok), &need) == TOKEN_ERR_ARG,
              "short realm challenge");
    }
}

/* Collections assembled by hand around two dummy token byte strings. */
static size_t collection(uint8_t *out, uint64_t tag, int variant)
{
    CborEnc e;
    size_t n = 0;

    cbor_enc_init(&e, out, 256);
    cbor_put_tag(&e, tag);
    cbor_put_map(&e, variant == 3 ? 3 : 2);
    cbor_put_uint(&e, CCA_PLAT_TOKEN);
    if (variant != 1) {
        cbor_put_array(&e, 2);
        cbor_put_uint(&e, variant == 2 ? 264 : CCA_CONTENT_TYPE_EAT_CWT);
    }
    cbor_put_bstr(&e, "\x01", 1);
    cbor_put_uint(&e, variant == 4 ? 44242 : CCA_REALM_DELEGATED_TOKEN);
    cbor_put_array(&e, 2);
    cbor_put_uint(&e, CCA_CONTENT_TYPE_EAT_CWT);
    cbor_put_bstr(&e, "\x02", 1);
    if (variant == 3) {
        cbor_put_uint(&e, 1);
        cbor_put_uint(&e, 1);
    }
    cbor_enc_finish(&e, &n);
    return n;
}

static void test_bad_collections(void)
{
    static const struct {
        uint64_t tag;
        int variant;
        TokenErr want;
        CcaPart part;
    } cases[] = {
        { 907, 0, TOKEN_ERR_FORMAT, CCA_PART_PLATFORM },    /* h'01' is no COSE_Sign1 */
        { 400, 0, TOKEN_ERR_TAG, CCA_PART_COLLECTION },
        { 907, 1, TOKEN_ERR_FORMAT, CCA_PART_COLLECTION },      /* bare bstr in 907 form */
        { 907, 2, TOKEN_ERR_FORMAT, CCA_PART_COLLECTION },      /* content type 264 */
        { 907, 3, TOKEN_ERR_FORMAT, CCA_PART_COLLECTION },      /* third entry */
        { 907, 4, TOKEN_ERR_FORMAT, CCA_PART_COLLECTION },      /* unknown label */
        { 399, 0, TOKEN_ERR_FORMAT, CCA_PART_COLLECTION },      /* CMW record in 399 form */
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint8_t buf[256];
        size_t n = collection(buf, cases[i].tag, cases[i].variant);
        CcaToken tok;
        TokenErr t = cca_token_parse(buf, n, &tok);

        CHECK(t == cases[i].want && tok.fail_part == cases[i].part,
              "case %zu: %s at part %d", i, token_err_name(t), tok.fail_part);
    }
}

typedef struct {
    const char *what;
    int64_t key;        /* claim to replace */
    const char *hex;    /* its new encoded value */
    TokenErr want;
} ClaimEdit;

/* Realm claims map with one claim replaced, re-encoded from the values of setup_claims(). */
static size_t realm_map(uint8_t *out, size_t cap, const ClaimEdit *ed)
{
    static const int64_t keys[] = { 10, 44235, 44238, 44239, 44236, 44237, 44240 };
    uint8_t pub[97], val[512];
    CcaRealmClaims r;
    CcaPlatformClaims p;
    CcaSwComponent sw;
    CborEnc e;
    size_t n = 0;

    setup_claims(&r, &p, &sw);
    p384_public_from_private(key, pub);
    cbor_enc_init(&e, out, cap);
    cbor_put_map(&e, 7);
    for (size_t k = 0; k < 7; k++) {
        cbor_put_int(&e, keys[k]);
        if (ed && ed->key == keys[k]) {
            cbor_put_raw(&e, val, test_unhex(ed->hex, val, sizeof(val)));
            continue;
        }
        switch (keys[k]) {
        case 10:
            cbor_put_bstr(&e, challenge, 64);
            break;
        case 44235:
            cbor_put_bstr(&e, rpv, 64);
            break;
        case 44238:
            cbor_put_bstr(&e, rim, 48);
            break;
        case 44239:
            cbor_put_array(&e, 4);
            for (int i = 0; i < 4; i++) {
                cbor_put_bstr(&e, rem[i], 48);
            }
            break;
        case 44237:
            cbor_put_bstr(&e, pub, 97);
            break;
        default:
            cbor_put_tstr_z(&e, "sha-256");
            break;
        }
    }
    cbor_enc_finish(&e, &n);
    return n;
}

static const ClaimEdit realm_edits[] = {
    { "unchanged", 0, "", TOKEN_OK },
    { "challenge 63 bytes", 10,
      "583f000000000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000000"
      "00",
      TOKEN_ERR_CLAIM_VALUE },
    { "RIM 20 bytes", 44238, "540000000000000000000000000000000000000000", TOKEN_ERR_CLAIM_VALUE },
    { "three REMs", 44239, "83 4100 4100 4100", TOKEN_ERR_CLAIM_VALUE },
    { "REM not bstr", 44239, "84 01 02 03 04", TOKEN_ERR_CLAIM_TYPE },
    { "REMs not an array", 44239, "a0", TOKEN_ERR_CLAIM_TYPE },
    { "hash algo as bstr", 44236, "47736861 2d323536", TOKEN_ERR_CLAIM_TYPE },
    { "RAK 96 bytes", 44237,
      "5860040000000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000000"
      "0000000000000000000000000000000000000000000000000000000000000000"
      "0000",
      TOKEN_ERR_CLAIM_VALUE },
    /* COSE_Key {1: 2, -1: 1 (P-256), -2: x, -3: y} */
    { "COSE_Key on P-256", 44237,
      "584ba40102200121582000000000000000000000000000000000000000000000"
      "0000000000000000000022582000000000000000000000000000000000000000"
      "00000000000000000000000000",
      TOKEN_ERR_CLAIM_VALUE },
};

static void test_claim_edits(void)
{
    for (size_t i = 0; i < sizeof(realm_edits) / sizeof(realm_edits[0]); i++) {
        uint8_t buf[1024];
        size_t n = realm_map(buf, sizeof(buf), realm_edits[i].key ? &realm_edits[i] : NULL);
        CcaRealmClaims r;
        TokenErr t = cca_realm_claims_parse(buf, n, &r, NULL);

        CHECK(t == realm_edits[i].want, "realm %s: got '%s', want '%s'", realm_edits[i].what,
              token_err_name(t), token_err_name(realm_edits[i].want));
    }
    /* Platform: lifecycle outside the PSA ranges, instance id with another UEID type. */
    {
        static uint8_t ptok[2048];
        size_t n = 0;
        CcaRealmClaims r;
        CcaPlatformClaims p, q;
        CcaSwComponent sw;
        CoseSign1 m;

        setup_claims(&r, &p, &sw);
        p.challenge = (TokenBytes){ challenge, 48 };
        for (int variant = 0; variant < 4; variant++) {
            static const uint64_t lifecycles[] = { 0x3000, 0x7000, 0x3100, 0x60ff };
            static const TokenErr want[] = { TOKEN_OK, TOKEN_ERR_CLAIM_VALUE,
                                             TOKEN_ERR_CLAIM_VALUE, TOKEN_OK };

            p.lifecycle = lifecycles[variant];
            CHECK(cca_platform_token_sign(&p, &sw, 1, key, ptok, sizeof(ptok), &n) == TOKEN_OK &&
                  cose_sign1_parse(ptok, n, &m, NULL) == TOKEN_OK, "sign");
            CHECK(cca_platform_claims_parse(m.payload, m.payload_len, &q, NULL) == want[variant],
                  "lifecycle %#llx", (unsigned long long)lifecycles[variant]);
        }
        p.lifecycle = 0x3000;
        inst[0] = 0x02;
        CHECK(cca_platform_token_sign(&p, &sw, 1, key, ptok, sizeof(ptok), &n) == TOKEN_OK &&
              cose_sign1_parse(ptok, n, &m, NULL) == TOKEN_OK &&
              cca_platform_claims_parse(m.payload, m.payload_len, &q, NULL) ==
              TOKEN_ERR_CLAIM_VALUE, "instance id type 0x02");
    }
}

int main(void)
{
    memset(key, 0x3c, sizeof(key));
    test_round_trip();
    test_bad_collections();
    test_claim_edits();
    return fwtest_report("token-build");
}
