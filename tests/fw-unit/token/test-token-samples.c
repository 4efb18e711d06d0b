/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-token-samples.c: the C parser and verifier reach the verdicts that
 * shared/testdata/cca-tokens/README.md documents for every sample (argv[1] = that directory). */
#include <stdbool.h>
#include <sys/stat.h>
#include "token/cca.h"
#include "test-util.h"

static const char *dir;

static size_t read_sample(const char *name, uint8_t *buf, size_t cap)
{
    char path[1024];
    FILE *f;
    size_t n;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    n = fread(buf, 1, cap, f);
    fclose(f);
    return n;
}

static int b64url_val(char c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '-' ? 62 : c == '_' ? 63 : -1;
}

/* Value of the first "name": "..." in a JWK or trust-anchor file, base64url-decoded (RFC 7518
 * 6.2.1.2: x and y are the big-endian coordinates). A test-only reader for these flat files. */
static size_t jwk_field(const char *json, const char *name, uint8_t *out, size_t cap)
{
    char key[16];
    const char *p;
    size_t n = 0;
    unsigned acc = 0, bits = 0;

    snprintf(key, sizeof(key), "\"%s\"", name);
    p = strstr(json, key);
    if (!p || !(p = strchr(p + strlen(key), '"'))) {
        return 0;
    }
    for (p++; *p && *p != '"'; p++) {
        int v = b64url_val(*p);
        if (v < 0) {
            return 0;
        }
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (n < cap) {
                out[n] = (uint8_t)(acc >> bits);
            }
            n++;
        }
    }
    return n;
}

/* The P-384 CPAK of a JWK/trust-anchor file as 0x04 || X || Y. */
static bool load_cpak(const char *name, uint8_t pub[97])
{
    char json[2048];
    size_t n = read_sample(name, (uint8_t *)json, sizeof(json) - 1);

    json[n] = '\0';
    if (!strstr(json, "\"P-384\"")) {
        return false;
    }
    pub[0] = 0x04;
    return jwk_field(json, "x", pub + 1, 48) == 48 && jwk_field(json, "y", pub + 49, 48) == 48;
}

static bool all_bytes(TokenBytes b, size_t len, uint8_t v)
{
    if (!b.ptr || b.len != len) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (b.ptr[i] != v) {
            return false;
        }
    }
    return true;
}

static bool text_is(TokenBytes b, const char *s)
{
    return b.ptr && b.len == strlen(s) && memcmp(b.ptr, s, b.len) == 0;
}

static void parse_token(const char *name, uint8_t *buf, CcaToken *tok)
{
    size_t n = read_sample(name, buf, 8192);
    TokenErr t = cca_token_parse(buf, n, tok);

    CHECK(t == TOKEN_OK, "%s: %s (part %d, cbor '%s')", name, token_err_name(t), tok->fail_part,
          cbor_err_name(tok->cbor_err));
}

/* cca-token-01: decodes (legacy form); both signatures and the binding hold with cpak.json. */
static void test_token_01(void)
{
    static uint8_t buf[8192];
    CcaToken tok;
    CcaSwComponent sw;
    uint8_t cpak[97];

    parse_token("cca-token-01.cbor", buf, &tok);
    CHECK(tok.legacy, "token-01 is the tag 399 form");
    CHECK(load_cpak("cpak.json", cpak), "cpak.json");
    CHECK(cca_token_verify_platform(&tok, cpak) == TOKEN_OK, "token-01 platform signature");
    CHECK(cca_token_verify_realm(&tok) == TOKEN_OK, "token-01 realm signature");
    CHECK(cca_token_check_binding(&tok) == TOKEN_OK, "token-01 binding");
    /* Claim values from cca-token-01.diag. */
    CHECK(text_is(tok.platform.profile, "http://arm.com/CCA-SSD/1.0.0"), "profile");
    CHECK(tok.platform.lifecycle == 12291 && tok.platform.sw_count == 4, "lifecycle/sw count");
    CHECK(text_is(tok.platform.verification_service, "whatever.com"), "verification service");
    CHECK(cca_platform_sw_component(&tok.platform, 2, &sw) == TOKEN_OK &&
          text_is(sw.type, "M2") && text_is(sw.version, "1.2.3") && !sw.hash_algo_id.ptr,
          "sw component 2");
    CHECK(cca_platform_sw_component(&tok.platform, 4, &sw) == TOKEN_ERR_ARG, "sw index 4");
    CHECK(all_bytes(tok.realm.challenge, 64, 0xab) && all_bytes(tok.realm.rim, 32, 0) &&
          all_bytes(tok.realm.rem[3], 32, 0), "realm measurements");
    CHECK(!tok.realm.rak_is_cose_key && text_is(tok.realm.rak_hash_algo_id, "sha-256"), "rak");
    /* A verifier's nonce other than the realm challenge is refused. */
    {
        uint8_t nonce[64];
        memset(nonce, 0xab, sizeof(nonce));
        CHECK(cca_token_check_challenge(&tok, nonce, 64) == TOKEN_OK, "challenge");
        nonce[63] = 0;
        CHECK(cca_token_check_challenge(&tok, nonce, 64) == TOKEN_ERR_CHALLENGE, "nonce");
    }
    /* A CPAK other than the platform's: crypto validation fails. */
    {
        uint8_t other[97];
        CHECK(load_cpak("ta-tfa.json", other), "ta-tfa.json");
        CHECK(memcmp(other, cpak, 97) == 0, "ta-tfa.json and cpak.json hold the same key");
        other[48] ^= 1;
        CHECK(cca_token_verify_platform(&tok, other) != TOKEN_OK, "altered CPAK accepted");
    }
}

/* cca-token-02: the README says both signatures verify with ta-02-ok.json and the platform one
 * fails with ta-02-bad.json. Its platform token is ES256 (P-256), which the firmware crypto does
 * not implement, so this verifier must say "unsupported algorithm" for it (scripts/cca-token
 * checks the P-256 verdicts); the realm (ES384, RAK hash sha-512) verifies. */
static void test_token_02(void)
{
    static uint8_t buf[8192];
    CcaToken tok;
    uint8_t cpak[97];

    parse_token("cca-token-02.cbor", buf, &tok);
    CHECK(tok.platform_cose.alg == COSE_ALG_ES256, "token-02 platform alg");
    CHECK(!load_cpak("ta-02-ok.json", cpak), "ta-02-ok.json is P-256");
    memset(cpak, 0, sizeof(cpak));
    CHECK(cca_token_verify_platform(&tok, cpak) == TOKEN_ERR_UNSUPPORTED_ALG, "token-02 ES256");
    CHECK(cca_token_verify_realm(&tok) == TOKEN_OK, "token-02 realm signature");
    CHECK(cca_token_check_binding(&tok) == TOKEN_OK, "token-02 binding (sha-512)");
    CHECK(tok.platform.challenge.len == 64 && tok.platform.sw_count == 1, "token-02 claims");
}

/* draft-ffm-00: both verify with ta-tfa.json; the RAK is a COSE_Key and profiles are present. */
static void test_token_ffm(void)
{
    static uint8_t buf[8192];
    CcaToken tok;
    uint8_t cpak[97];

    parse_token("cca-token-draft-ffm-00.cbor", buf, &tok);
    CHECK(load_cpak("ta-tfa.json", cpak), "ta-tfa.json");
    CHECK(cca_token_verify_platform(&tok, cpak) == TOKEN_OK, "ffm platform signature");
    CHECK(cca_token_verify_realm(&tok) == TOKEN_OK, "ffm realm signature");
    CHECK(cca_token_check_binding(&tok) == TOKEN_OK, "ffm binding over the COSE_Key bytes");
    CHECK(tok.realm.rak_is_cose_key && tok.realm.rak_pub_encoded.len == 107, "ffm COSE_Key");
    CHECK(text_is(tok.realm.profile, "tag:arm.com,2023:realm#1.0.0"), "realm profile");
    CHECK(text_is(tok.platform.profile, "tag:arm.com,2023:cca_platform#1.0.0"), "plat profile");
    CHECK(tok.platform.sw_count == 13, "ffm sw count %zu", tok.platform.sw_count);
}

/* bug-33-repro: platform verifies with ta-tfa.json; the realm fails (rust-ccatoken issue 33:
 * the platform challenge does not bind the RAK, although the RAK's own signature holds). */
static void test_bug_33(void)
{
    static uint8_t buf[8192];
    CcaToken tok;
    uint8_t cpak[97];

    parse_token("bug-33-repro.cbor", buf, &tok);
    CHECK(load_cpak("ta-tfa.json", cpak), "ta-tfa.json");
    CHECK(cca_token_verify_platform(&tok, cpak) == TOKEN_OK, "bug-33 platform signature");
    CHECK(cca_token_verify_realm(&tok) == TOKEN_OK, "bug-33 realm signature itself");
    CHECK(cca_token_check_binding(&tok) == TOKEN_ERR_BINDING, "bug-33 binding must fail");
}

typedef struct {
    const char *name;   /* file, or NULL with hex */
    const char *hex;
    bool realm;
    TokenErr want;
} ClaimsCase;

static const ClaimsCase claims_cases[] = {
    { "realm-claims.cbor", NULL, true, TOKEN_OK },
    { "realm-claims+spurious-numeric-key.cbor", NULL, true, TOKEN_OK },
    { "realm-claims+spurious-text-key.cbor", NULL, true, TOKEN_OK },
    { "realm-claims-missing-challenge.cbor", NULL, true, TOKEN_ERR_MISSING_CLAIM },
    { "platform-claims.cbor", NULL, false, TOKEN_OK },
    /* The README's extra rejections, for both claim sets. */
    { NULL, "a0", true, TOKEN_ERR_MISSING_CLAIM },
    { NULL, "a0", false, TOKEN_ERR_MISSING_CLAIM },
    { NULL, "a10a0a", true, TOKEN_ERR_CLAIM_TYPE },
    { NULL, "a10a0a", false, TOKEN_ERR_CLAIM_TYPE },
    { NULL, "a10a48deadbeefdeadbeef", true, TOKEN_ERR_CLAIM_VALUE },
    { NULL, "a10a48deadbeefdeadbeef", false, TOKEN_ERR_CLAIM_VALUE },
    { NULL, "ffffffff", true, TOKEN_ERR_CBOR },
    { NULL, "ffffffff", false, TOKEN_ERR_CBOR },
};

static void test_claims(void)
{
    for (size_t i = 0; i < sizeof(claims_cases) / sizeof(claims_cases[0]); i++) {
        const ClaimsCase *c = &claims_cases[i];
        static uint8_t buf[4096];
        size_t n = c->name ? read_sample(c->name, buf, sizeof(buf))
                           : test_unhex(c->hex, buf, sizeof(buf));
        CcaRealmClaims r;
        CcaPlatformClaims p;
        CborErr ce = CBOR_OK;
        TokenErr t = c->realm ? cca_realm_claims_parse(buf, n, &r, &ce)
                              : cca_platform_claims_parse(buf, n, &p, &ce);

        CHECK(t == c->want, "%s (%s): got '%s', want '%s'", c->name ? c->name : c->hex,
              c->realm ? "realm" : "platform", token_err_name(t), token_err_name(c->want));
    }
    /* Values from realm-claims.diag and platform-claims.diag. */
    {
        static uint8_t buf[4096];
        size_t n = read_sample("realm-claims.cbor", buf, sizeof(buf));
        CcaRealmClaims r;
        CcaPlatformClaims p;
        CcaSwComponent sw;

        CHECK(cca_realm_claims_parse(buf, n, &r, NULL) == TOKEN_OK &&
              all_bytes(r.personalization, 64, 0xab) && text_is(r.hash_algo_id, "sha-256") &&
              r.rak_pub[0] == 0x04 && r.rak_pub[1] == 0x76 && r.rak_pub[96] == 0xae &&
              !r.profile.ptr, "realm-claims values");
        n = read_sample("platform-claims.cbor", buf, sizeof(buf));
        CHECK(cca_platform_claims_parse(buf, n, &p, NULL) == TOKEN_OK && p.lifecycle == 12288 &&
              p.sw_count == 2 && all_bytes(p.impl_id, 32, 0xaa) && all_bytes(p.config, 4, 0xcf) &&
              text_is(p.verification_service, "https://cca_verifier.org"),
              "platform-claims values");
        CHECK(cca_platform_sw_component(&p, 1, &sw) == TOKEN_OK &&
              all_bytes(sw.measurement, 64, 0xcc) && all_bytes(sw.signer_id, 64, 0xdd) &&
              text_is(sw.version, "1.0.0") && text_is(sw.hash_algo_id, "sha-256") &&
              !sw.type.ptr, "sw component 1");
    }
}

int main(int argc, char **argv)
{
    struct stat st;

    if (argc < 2 || stat(argv[1], &st) != 0) {
        printf("SKIP: sample directory %s not present\n", argc < 2 ? "(none)" : argv[1]);
        return 77;
    }
    dir = argv[1];
    test_token_01();
    test_token_02();
    test_token_ffm();
    test_bug_33();
    test_claims();
    return fwtest_report("token-samples");
}
