/* SPDX-License-Identifier: GPL-2.0-or-later */
/* token-tool.c: test helper that builds a CCA token with the C library (make) or parses and
 * verifies one and prints its claims as key=value lines (check), for cross-check.py. */
#include <stdbool.h>
#include "crypto/p384.h"
#include "token/cca.h"
#include "test-util.h"

static void fill(uint8_t *p, size_t n, uint8_t v)
{
    memset(p, v, n);
}

#define TB(p, n) ((TokenBytes){ (const uint8_t *)(p), (n) })
#define TS(s) ((TokenBytes){ (const uint8_t *)(s), sizeof(s) - 1 })

/* The fixed claim set; cross-check.py holds the same values as its expectation (C_MADE_CLAIMS). */
static int cmd_make(const char *out_path, const char *iak_hex, const char *rak_hex, bool legacy,
                    bool cose_key)
{
    static uint8_t plat_tok[4096], realm_tok[4096], coll[8192];
    uint8_t iak[48], rak[48], challenge[64], rpv[64], rim[32], rem[4][32], binding[64];
    uint8_t impl[32], inst[33], m0[32], s0[32], m1[48], s1[48];
    size_t plen = 0, rlen = 0, clen = 0, blen = 0;
    CcaRealmClaims r;
    CcaPlatformClaims p;
    CcaSwComponent sw[2];
    TokenErr t;
    FILE *f;

    if (test_unhex(iak_hex, iak, 48) != 48 || test_unhex(rak_hex, rak, 48) != 48) {
        fprintf(stderr, "keys must be 48-byte hex scalars\n");
        return 2;
    }
    for (unsigned i = 0; i < 64; i++) {
        challenge[i] = (uint8_t)i;
    }
    fill(rpv, 64, 0x50);
    fill(rim, 32, 0x11);
    for (unsigned i = 0; i < 4; i++) {
        fill(rem[i], 32, (uint8_t)(0x20 + i));
    }
    memset(&r, 0, sizeof(r));
    r.challenge = TB(challenge, 64);
    r.personalization = TB(rpv, 64);
    r.rim = TB(rim, 32);
    for (unsigned i = 0; i < 4; i++) {
        r.rem[i] = TB(rem[i], 32);
    }
    r.hash_algo_id = TS("sha-256");
    r.rak_hash_algo_id = TS("sha-384");
    r.profile = TS("tag:arm.com,2023:realm#1.0.0");
    r.rak_is_cose_key = cose_key;
    t = cca_realm_token_sign(&r, rak, realm_tok, sizeof(realm_tok), &rlen);
    if (t != TOKEN_OK) {
        fprintf(stderr, "realm token: %s\n", token_err_name(t));
        return 1;
    }
    /* Bind: the platform challenge is the hash of the RAK claim as the realm token carries it. */
    {
        CcaToken parsed;
        CoseSign1 m;

        if (cose_sign1_parse(realm_tok, rlen, &m, NULL) != TOKEN_OK ||
            cca_realm_claims_parse(m.payload, m.payload_len, &parsed.realm, NULL) != TOKEN_OK ||
            cca_rak_binding_digest(&parsed.realm, binding, &blen) != TOKEN_OK) {
            fprintf(stderr, "cannot reparse the realm token\n");
            return 1;
        }
    }
    fill(impl, 32, 0x7f);
    inst[0] = 0x01;
    fill(inst + 1, 32, 0x33);
    fill(m0, 32, 0x44);
    fill(s0, 32, 0x55);
    fill(m1, 48, 0x66);
    fill(s1, 48, 0x77);
    memset(&p, 0, sizeof(p));
    p.profile = TS("tag:arm.com,2023:cca_platform#1.0.0");
    p.challenge = TB(binding, blen);
    p.impl_id = TB(impl, 32);
    p.instance_id = TB(inst, 33);
    p.config = TS("cfg");
    p.lifecycle = 0x3003;
    p.verification_service = TS("https://verifier.example");
    p.hash_algo_id = TS("sha-256");
    memset(sw, 0, sizeof(sw));
    sw[0].type = TS("RMM");
    sw[0].measurement = TB(m0, 32);
    sw[0].version = TS("1.0");
    sw[0].signer_id = TB(s0, 32);
    sw[0].hash_algo_id = TS("sha-256");
    sw[1].measurement = TB(m1, 48);
    sw[1].signer_id = TB(s1, 48);
    t = cca_platform_token_sign(&p, sw, 2, iak, plat_tok, sizeof(plat_tok), &plen);
    if (t == TOKEN_OK) {
        t = cca_token_collection_build(plat_tok, plen, realm_tok, rlen, legacy, coll,
                                       sizeof(coll), &clen);
    }
    if (t != TOKEN_OK) {
        fprintf(stderr, "platform token: %s\n", token_err_name(t));
        return 1;
    }
    f = fopen(out_path, "wb");
    if (!f || fwrite(coll, 1, clen, f) != clen || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", out_path);
        return 2;
    }
    return 0;
}

static void print_bytes(const char *key, TokenBytes b)
{
    printf("%s=", key);
    for (size_t i = 0; i < b.len; i++) {
        printf("%02x", b.ptr[i]);
    }
    printf("\n");
}

static void print_text(const char *key, TokenBytes b)
{
    if (b.ptr) {
        printf("%s=%.*s\n", key, (int)b.len, (const char *)b.ptr);
    }
}

static void print_claims(const CcaToken *tok)
{
    const CcaPlatformClaims *p = &tok->platform;
    const CcaRealmClaims *r = &tok->realm;
    char key[64];

    printf("form=%s\n", tok->legacy ? "legacy" : "collection");
    print_text("platform.profile", p->profile);
    print_bytes("platform.challenge", p->challenge);
    print_bytes("platform.implementation-id", p->impl_id);
    print_bytes("platform.instance-id", p->instance_id);
    print_bytes("platform.config", p->config);
    printf("platform.lifecycle=%llu\n", (unsigned long long)p->lifecycle);
    print_text("platform.verification-service", p->verification_service);
    print_text("platform.hash-algo-id", p->hash_algo_id);
    for (size_t i = 0; i < p->sw_count; i++) {
        CcaSwComponent sw;

        if (cca_platform_sw_component(p, i, &sw) != TOKEN_OK) {
            printf("platform.sw[%zu]=unreadable\n", i);
            continue;
        }
        snprintf(key, sizeof(key), "platform.sw[%zu].component-type", i);
        print_text(key, sw.type);
        snprintf(key, sizeof(key), "platform.sw[%zu].measurement-value", i);
        print_bytes(key, sw.measurement);
        snprintf(key, sizeof(key), "platform.sw[%zu].version", i);
        print_text(key, sw.version);
        snprintf(key, sizeof(key), "platform.sw[%zu].signer-id", i);
        print_bytes(key, sw.signer_id);
        snprintf(key, sizeof(key), "platform.sw[%zu].hash-algo-id", i);
        print_text(key, sw.hash_algo_id);
    }
    print_text("realm.profile", r->profile);
    print_bytes("realm.challenge", r->challenge);
    print_bytes("realm.personalization-value", r->personalization);
    print_bytes("realm.initial-measurement", r->rim);
    for (unsigned i = 0; i < CCA_REM_COUNT; i++) {
        snprintf(key, sizeof(key), "realm.extensible-measurements[%u]", i);
        print_bytes(key, r->rem[i]);
    }
    print_text("realm.hash-algo-id", r->hash_algo_id);
    print_bytes("realm.public-key", r->rak_pub_encoded);
    print_text("realm.public-key-hash-algo-id", r->rak_hash_algo_id);
}

static int cmd_check(const char *path, const char *cpak_hex)
{
    static uint8_t buf[16384];
    static const char *const parts[] = { "collection", "platform", "realm" };
    uint8_t cpak[97];
    CcaToken tok;
    TokenErr t, tp, tr, tb;
    size_t n;
    FILE *f = fopen(path, "rb");

    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 2;
    }
    n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    if (test_unhex(cpak_hex, cpak, sizeof(cpak)) != 97) {
        fprintf(stderr, "CPAK must be 97 bytes of hex\n");
        return 2;
    }
    t = cca_token_parse(buf, n, &tok);
    if (t != TOKEN_OK) {
        printf("error=%s: %s%s%s\n", parts[tok.fail_part], token_err_name(t),
               t == TOKEN_ERR_CBOR ? ": " : "", t == TOKEN_ERR_CBOR ? cbor_err_name(tok.cbor_err)
                                                                    : "");
        return 2;
    }
    print_claims(&tok);
    tp = cca_token_verify_platform(&tok, cpak);
    tr = cca_token_verify_realm(&tok);
    tb = cca_token_check_binding(&tok);
    printf("verify.platform=%s\n", tp == TOKEN_OK ? "ok" : token_err_name(tp));
    printf("verify.realm=%s\n", tr == TOKEN_OK ? "ok" : token_err_name(tr));
    printf("verify.binding=%s\n", tb == TOKEN_OK ? "ok" : token_err_name(tb));
    return tp == TOKEN_OK && tr == TOKEN_OK && tb == TOKEN_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 7 && strcmp(argv[1], "make") == 0) {
        return cmd_make(argv[2], argv[3], argv[4], strcmp(argv[5], "legacy") == 0,
                        strcmp(argv[6], "cose-key") == 0);
    }
    if (argc == 4 && strcmp(argv[1], "check") == 0) {
        return cmd_check(argv[2], argv[3]);
    }
    fprintf(stderr, "usage: token-tool make OUT IAK_HEX RAK_HEX collection|legacy raw|cose-key\n"
                    "       token-tool check FILE CPAK_HEX\n");
    return 2;
}
