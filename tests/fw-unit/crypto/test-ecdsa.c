/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-ecdsa.c: P-384 keys and ECDSA against the NIST CAVP FIPS 186-3 ECDSA files. */
#include <stdlib.h>
#include <string.h>
#include "crypto/ecdsa.h"
#include "crypto/p384.h"
#include "vectors.h"

/* The P-384 sections with a SHA-2 hash this library offers; other curves and SHA-1/224 are
 * outside its scope and are skipped (and counted, so the log shows what was left out). */
static int p384_section_alg(const KvReader *r, HashAlg *alg)
{
    if (kv_in_section(r, "P-384,SHA-256")) {
        *alg = HASH_SHA256;
    } else if (kv_in_section(r, "P-384,SHA-384")) {
        *alg = HASH_SHA384;
    } else if (kv_in_section(r, "P-384,SHA-512")) {
        *alg = HASH_SHA512;
    } else {
        return -1;
    }
    return 0;
}

/* Counts P-384 records whose hash is outside the library (other curves are not counted). */
static void note_skip(const KvReader *r, int *skipped)
{
    if (kv_in_section(r, "P-384,SHA-1") || kv_in_section(r, "P-384,SHA-224")) {
        (*skipped)++;
    }
}

/* 0x04 || Qx || Qy; -1 if a coordinate does not fit in 48 bytes (no such encoding exists). */
static int encode_q(const KvReader *r, uint8_t q[97])
{
    const char *qx = kv_get(r, "Qx"), *qy = kv_get(r, "Qy");

    q[0] = 0x04;
    if (!qx || !qy || hex_fixed(qx, q + 1, 48) != 0 || hex_fixed(qy, q + 49, 48) != 0) {
        return -1;
    }
    return 0;
}

/* "Result = P (0 )" or "F (n - reason)": returns 1 for P, 0 for F, -1 if absent. */
static int expected_pass(const KvReader *r)
{
    const char *res = kv_get(r, "Result");

    if (!res) {
        return -1;
    }
    return res[0] == 'P' ? 1 : res[0] == 'F' ? 0 : -1;
}

static void run_keypair(KvReader *r, Tally *t)
{
    uint8_t d[48], want[97], got[97];

    if (!kv_in_section(r, "P-384")) {
        return;
    }
    const char *d_hex = kv_get(r, "d");

    if (!d_hex || hex_fixed(d_hex, d, 48) != 0 || encode_q(r, want) != 0) {
        tally_check(t, false, r->record_line, "malformed vector");
        return;
    }
    bool ok = p384_public_from_private(d, got) == 0 && memcmp(got, want, 97) == 0
              && p384_public_key_check(got) == 0;

    tally_check(t, ok, r->record_line, "d -> Q");
}

/* Msg is hashed here: the CAVP files give the message, not the digest. */
static uint8_t *digest_msg(const KvReader *r, HashAlg alg, uint8_t *digest)
{
    const char *msg_hex = kv_get(r, "Msg");
    size_t len;
    uint8_t *msg = msg_hex ? hex_alloc(msg_hex, &len) : NULL;

    if (msg) {
        hash_digest(alg, msg, len, digest);
    }
    return msg;
}

static void run_siggen(KvReader *r, Tally *t, int *skipped)
{
    HashAlg alg;
    uint8_t digest[HASH_MAX_DIGEST_LEN], q[97], sig[96], d[48], k[48], got[97];

    if (p384_section_alg(r, &alg) != 0) {
        note_skip(r, skipped);
        return;
    }
    uint8_t *msg = digest_msg(r, alg, digest);
    const char *rh = kv_get(r, "R"), *sh = kv_get(r, "S");
    const char *dh = kv_get(r, "d"), *kh = kv_get(r, "k");

    if (!msg || encode_q(r, q) != 0 || !rh || !sh || hex_fixed(rh, sig, 48) != 0
        || hex_fixed(sh, sig + 48, 48) != 0 || (dh && hex_fixed(dh, d, 48) != 0)
        || (kh && hex_fixed(kh, k, 48) != 0)) {
        tally_check(t, false, r->record_line, "malformed vector");
        free(msg);
        return;
    }
    size_t dl = hash_len(alg);

    tally_check(t, ecdsa_p384_verify(q, digest, dl, sig) == 0, r->record_line,
                "published (r, s) does not verify");
    if (dh) {
        tally_check(t, p384_public_from_private(d, got) == 0 && memcmp(got, q, 97) == 0,
                    r->record_line, "d does not give Q");
    }
    if (dh && kh) {
        uint8_t mine[96];

        tally_check(t, ecdsa_p384_sign_with_k(d, k, digest, dl, mine) == 0
                       && memcmp(mine, sig, 96) == 0,
                    r->record_line, "signing with the given k does not reproduce (r, s)");
    }
    free(msg);
}

static void run_sigver(KvReader *r, Tally *t, int *skipped)
{
    HashAlg alg;
    uint8_t digest[HASH_MAX_DIGEST_LEN], q[97], sig[96];

    if (p384_section_alg(r, &alg) != 0) {
        note_skip(r, skipped);
        return;
    }
    uint8_t *msg = digest_msg(r, alg, digest);
    const char *rh = kv_get(r, "R"), *sh = kv_get(r, "S");
    int want = expected_pass(r);

    if (!msg || want < 0 || !rh || !sh || hex_fixed(rh, sig, 48) != 0
        || hex_fixed(sh, sig + 48, 48) != 0) {
        tally_check(t, false, r->record_line, "malformed vector");
        free(msg);
        return;
    }
    /* A Q that does not fit 48 bytes per coordinate cannot be passed in; it must be a
     * published failure. */
    int got = encode_q(r, q) == 0 && ecdsa_p384_verify(q, digest, hash_len(alg), sig) == 0;

    tally_check(t, got == want, r->record_line, "expected %s, got %s (%s)",
                want ? "P" : "F", got ? "P" : "F", kv_get(r, "Result"));
    free(msg);
}

static void run_pkv(KvReader *r, Tally *t)
{
    uint8_t q[97];

    if (!kv_in_section(r, "P-384")) {
        return;
    }
    int want = expected_pass(r);

    if (want < 0) {
        tally_check(t, false, r->record_line, "malformed vector");
        return;
    }
    int got = encode_q(r, q) == 0 && p384_public_key_check(q) == 0;

    tally_check(t, got == want, r->record_line, "expected %s, got %s (%s)",
                want ? "P" : "F", got ? "P" : "F", kv_get(r, "Result"));
}

int main(int argc, char **argv)
{
    KvReader r;
    int rc, skipped = 0;

    if (argc < 4) {
        fprintf(stderr, "usage: %s keypair|siggen|sigver|pkv FILE NAME\n", argv[0]);
        return 2;
    }
    const char *mode = argv[1];
    const char *start = strcmp(mode, "keypair") == 0 ? "d"
                        : strcmp(mode, "pkv") == 0 ? "Qx" : "Msg";
    Tally t = { .name = argv[3] };

    if (strcmp(mode, "keypair") && strcmp(mode, "siggen") && strcmp(mode, "sigver")
        && strcmp(mode, "pkv")) {
        fprintf(stderr, "unknown mode '%s'\n", mode);
        return 2;
    }
    if (kv_open(&r, argv[2], start) != 0) {
        return 2;
    }
    while ((rc = kv_next(&r)) == 1) {
        if (strcmp(mode, "keypair") == 0) {
            run_keypair(&r, &t);
        } else if (strcmp(mode, "siggen") == 0) {
            run_siggen(&r, &t, &skipped);
        } else if (strcmp(mode, "sigver") == 0) {
            run_sigver(&r, &t, &skipped);
        } else {
            run_pkv(&r, &t);
        }
    }
    kv_close(&r);
    if (rc < 0) {
        tally_check(&t, false, r.line_no, "parse error");
    }
    if (skipped) {
        printf("%s: %d P-384 records with SHA-1/SHA-224 skipped\n", t.name, skipped);
    }
    return tally_report(&t);
}
