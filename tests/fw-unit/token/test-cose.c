/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-cose.c: COSE_Sign1 (RFC 9052) Sig_structure, ES384 sign/verify round trip and tampering. */
#include <stdbool.h>
#include "crypto/p384.h"
#include "token/cose.h"
#include "test-util.h"

/* An arbitrary P-384 private key (any scalar in [1, n-1] will do). */
static const char priv_hex[] =
    "6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d8"
    "96d5724e4c70a825f872c9ea60d2edf5";

static uint8_t priv[48], pub[97];

/* RFC 9052 Appendix C.2.1: protected h'a10126', payload "This is the content.", no external AAD.
 * Its ToBe_Signed is the Sig_structure below, built by hand from RFC 9052 4.4. */
static void test_sig_structure(void)
{
    static const char tbs_hex[] =
        "84 6a 5369676e617475726531 43 a10126 40"
        " 54 546869732069732074686520636f6e74656e742e";
    uint8_t tbs[64], want[32], got[32], prot[3] = { 0xa1, 0x01, 0x26 };
    size_t n = test_unhex(tbs_hex, tbs, sizeof(tbs));

    sha256(tbs, n, want);
    cose_sig_structure_digest(HASH_SHA256, prot, sizeof(prot),
                              (const uint8_t *)"This is the content.", 20, got);
    CHECK(memcmp(want, got, 32) == 0, "Sig_structure digest differs from RFC 9052 C.2.1");
}

static size_t sign(const uint8_t *payload, size_t n, bool tagged, uint8_t *out, size_t cap)
{
    size_t len = 0;
    TokenErr t = cose_sign1_sign_es384(priv, payload, n, tagged, out, cap, &len);

    CHECK(t == TOKEN_OK, "sign: %s", token_err_name(t));
    return len;
}

static void test_round_trip(void)
{
    static const uint8_t payload[] = { 0xa1, 0x0a, 0x43, 1, 2, 3 };   /* {10: h'010203'} */
    uint8_t msg[256], other_pub[97], other_priv[48];
    size_t n;
    CoseSign1 m;
    TokenErr t;

    for (int tagged = 0; tagged <= 1; tagged++) {
        n = sign(payload, sizeof(payload), tagged, msg, sizeof(msg));
        t = cose_sign1_parse(msg, n, &m, NULL);
        CHECK(t == TOKEN_OK, "parse: %s", token_err_name(t));
        CHECK(m.tagged == (bool)tagged && (msg[0] == 0xd2) == (bool)tagged, "tag %d", tagged);
        CHECK(m.alg == COSE_ALG_ES384 && m.signature_len == 96, "alg/siglen");
        CHECK(m.payload_len == sizeof(payload) && memcmp(m.payload, payload, sizeof(payload)) == 0,
              "payload");
        t = cose_sign1_verify_es384(&m, pub);
        CHECK(t == TOKEN_OK, "verify: %s", token_err_name(t));
    }

    /* Any changed byte of payload, signature or protected header must break the signature. */
    n = sign(payload, sizeof(payload), true, msg, sizeof(msg));
    for (size_t i = 0; i < n; i++) {
        uint8_t bad[256];

        memcpy(bad, msg, n);
        bad[i] ^= 0x01;
        t = cose_sign1_parse(bad, n, &m, NULL);
        if (t == TOKEN_OK) {
            t = cose_sign1_verify_es384(&m, pub);
        }
        CHECK(t != TOKEN_OK, "flipping byte %zu went unnoticed", i);
    }

    /* Another key. */
    memcpy(other_priv, priv, sizeof(priv));
    other_priv[47] ^= 0x02;
    CHECK(p384_public_from_private(other_priv, other_pub) == 0, "other key");
    CHECK(cose_sign1_parse(msg, n, &m, NULL) == TOKEN_OK, "reparse");
    CHECK(cose_sign1_verify_es384(&m, other_pub) == TOKEN_ERR_SIGNATURE, "wrong key accepted");
    other_pub[96] ^= 0x01;
    CHECK(cose_sign1_verify_es384(&m, other_pub) == TOKEN_ERR_KEY, "off-curve key");

    /* Too small an output buffer reports what is needed. */
    {
        size_t need = 0;
        t = cose_sign1_sign_es384(priv, payload, sizeof(payload), true, msg, 50, &need);
        CHECK(t == TOKEN_ERR_BUFFER && need >= n, "small buffer: %s %zu", token_err_name(t),
              need);
    }
}

typedef struct {
    const char *hex;
    TokenErr want;
} Bad;

/* Hand-made envelopes: [prot, unprot, payload, sig] with a 96-byte zero signature appended where
 * the signature is "S" (replaced below). */
static const Bad bad_msgs[] = {
    { "d284 44a1013822 a0 41aa S", TOKEN_OK },
    { "84 44a1013822 a0 41aa S", TOKEN_OK },
    { "d1 84 44a1013822 a0 41aa S", TOKEN_ERR_TAG },
    { "d283 44a1013822 a0 41aa", TOKEN_ERR_FORMAT },
    { "d284 a1013822 a0 41aa S", TOKEN_ERR_FORMAT },
    { "d284 44a1013822 80 41aa S", TOKEN_ERR_FORMAT },
    { "d284 44a1013822 a0 f6 S", TOKEN_ERR_DETACHED },
    { "d284 44a1013822 a0 6161 S", TOKEN_ERR_FORMAT },
    /* alg missing, not an integer, unprotected only */
    { "d284 40 a1013822 41aa S", TOKEN_ERR_HEADER },
    { "d284 44a1046161 a0 41aa S", TOKEN_ERR_HEADER },
    { "d284 48a101654553333834 a0 41aa S", TOKEN_ERR_HEADER },
    /* crit naming a label this code does not understand; empty crit */
    { "d284 48a201382202811821 a0 41aa S", TOKEN_ERR_HEADER },
    { "d284 46a20138220280 a0 41aa S", TOKEN_ERR_HEADER },
    { "d284 47a20138220281 01 a0 41aa S", TOKEN_OK },
    /* a label in both buckets (RFC 9052 3) */
    { "d284 44a1013822 a1013822 41aa S", TOKEN_ERR_HEADER },
    /* protected bucket not a map, or not CBOR */
    { "d284 4101 a0 41aa S", TOKEN_ERR_HEADER },
    { "d284 41ff a0 41aa S", TOKEN_ERR_CBOR },
    { "d284 44a1013822 a0 41aa", TOKEN_ERR_CBOR },
    { "d284 44a1013822 a0 41aa S 00", TOKEN_ERR_CBOR },
};

static void test_bad_envelopes(void)
{
    for (size_t i = 0; i < sizeof(bad_msgs) / sizeof(bad_msgs[0]); i++) {
        char hex[600];
        const char *s = strchr(bad_msgs[i].hex, 'S');
        uint8_t buf[300];
        size_t n;
        CoseSign1 m;
        TokenErr t;

        if (s) {
            /* 5860 = bstr of 96 bytes */
            snprintf(hex, sizeof(hex), "%.*s 5860%0192d%s", (int)(s - bad_msgs[i].hex),
                     bad_msgs[i].hex, 0, s + 1);
        } else {
            snprintf(hex, sizeof(hex), "%s", bad_msgs[i].hex);
        }
        n = test_unhex(hex, buf, sizeof(buf));
        t = cose_sign1_parse(buf, n, &m, NULL);
        CHECK(t == bad_msgs[i].want, "%s: got '%s', want '%s'", bad_msgs[i].hex,
              token_err_name(t), token_err_name(bad_msgs[i].want));
        if (t == TOKEN_OK) {
            /* Well-formed but the zero signature is out of range [1, n-1]. */
            CHECK(cose_sign1_verify_es384(&m, pub) == TOKEN_ERR_SIGNATURE, "zero signature");
        }
    }
    /* ES256 and a short signature. */
    {
        uint8_t buf[128];
        size_t n = test_unhex("d284 43a10126 a0 41aa 5840"
                              "0101010101010101010101010101010101010101010101010101010101010101"
                              "0101010101010101010101010101010101010101010101010101010101010101",
                              buf, sizeof(buf));
        CoseSign1 m;

        CHECK(cose_sign1_parse(buf, n, &m, NULL) == TOKEN_OK && m.alg == COSE_ALG_ES256, "es256");
        CHECK(cose_sign1_verify_es384(&m, pub) == TOKEN_ERR_UNSUPPORTED_ALG, "es256 verify");
        n = test_unhex("d284 44a1013822 a0 41aa 4101", buf, sizeof(buf));
        CHECK(cose_sign1_parse(buf, n, &m, NULL) == TOKEN_OK, "short sig parse");
        CHECK(cose_sign1_verify_es384(&m, pub) == TOKEN_ERR_SIG_SIZE, "short sig");
    }
}

int main(void)
{
    test_unhex(priv_hex, priv, sizeof(priv));
    if (p384_public_from_private(priv, pub) != 0) {
        fprintf(stderr, "test key rejected\n");
        return 1;
    }
    test_sig_structure();
    test_round_trip();
    test_bad_envelopes();
    for (int e = 0; e <= TOKEN_ERR_COUNT; e++) {
        CHECK(token_err_name((TokenErr)e)[0] != '\0', "name %d", e);
    }
    return fwtest_report("cose");
}
