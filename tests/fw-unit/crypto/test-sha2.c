/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-sha2.c: SHA-256/384/512 against NIST CAVP SHAVS ShortMsg, LongMsg and Monte files. */
#include <stdlib.h>
#include <string.h>
#include "crypto/sha2.h"
#include "vectors.h"

/* The digest size in the "[L = n]" header picks the algorithm. */
static int section_alg(const KvReader *r, HashAlg *alg)
{
    if (kv_in_section(r, "L = 32")) {
        *alg = HASH_SHA256;
    } else if (kv_in_section(r, "L = 48")) {
        *alg = HASH_SHA384;
    } else if (kv_in_section(r, "L = 64")) {
        *alg = HASH_SHA512;
    } else {
        return -1;
    }
    return 0;
}

/* The algorithm-specific one-shot entry points, so they are covered as well as hash_digest. */
static void digest_direct(HashAlg alg, const uint8_t *msg, size_t len, uint8_t *out)
{
    switch (alg) {
    case HASH_SHA256:
        sha256(msg, len, out);
        break;
    case HASH_SHA384:
        sha384(msg, len, out);
        break;
    case HASH_SHA512:
        sha512(msg, len, out);
        break;
    }
}

/* Feeds msg through the streaming API in uneven pieces, so partial-block buffering and block
 * boundaries are crossed in many ways. */
static void digest_chunked(HashAlg alg, const uint8_t *msg, size_t len, uint8_t *out)
{
    static const size_t steps[] = { 1, 3, 63, 64, 65, 7, 128, 129, 0, 200 };
    HashCtx c;
    size_t off = 0;
    unsigned i = 0;

    hash_init(&c, alg);
    while (off < len) {
        size_t n = steps[i++ % (sizeof(steps) / sizeof(steps[0]))];

        if (n > len - off) {
            n = len - off;
        }
        hash_update(&c, msg + off, n);
        off += n;
    }
    hash_final(&c, out);
}

/* SHAVS 6.4 Monte Carlo: from the seed, 100 checkpoints of 1000 chained hashes each, where
 * every input is the concatenation of the previous three digests. */
static void run_monte(KvReader *r, Tally *t, HashAlg alg, uint8_t *seed, const char *md_hex,
                      int line)
{
    size_t hl = hash_len(alg);
    uint8_t md[3][HASH_MAX_DIGEST_LEN], msg[3 * HASH_MAX_DIGEST_LEN], want[HASH_MAX_DIGEST_LEN];

    for (int k = 0; k < 3; k++) {
        memcpy(md[k], seed, hl);
    }
    for (int i = 3; i < 1003; i++) {
        memcpy(msg, md[0], hl);
        memcpy(msg + hl, md[1], hl);
        memcpy(msg + 2 * hl, md[2], hl);
        memmove(md[0], md[1], hl);
        memmove(md[1], md[2], hl);
        hash_digest(alg, msg, 3 * hl, md[2]);
    }
    memcpy(seed, md[2], hl);
    bool ok = hex_fixed(md_hex, want, hl) == 0 && strlen(md_hex) == 2 * hl
              && memcmp(want, seed, hl) == 0;

    tally_check(t, ok, line, "Monte COUNT = %s", kv_get(r, "COUNT"));
}

int main(int argc, char **argv)
{
    KvReader r;
    Tally t = { .name = argc > 2 ? argv[2] : "sha2" };
    uint8_t seed[HASH_MAX_DIGEST_LEN];
    bool have_seed = false;
    int rc;

    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE.rsp [NAME]\n", argv[0]);
        return 2;
    }
    bool monte = strstr(argv[1], "Monte") != NULL;

    if (kv_open(&r, argv[1], monte ? "COUNT" : "Len") != 0) {
        return 2;
    }
    while ((rc = kv_next(&r)) == 1) {
        HashAlg alg;
        const char *md_hex = kv_get(&r, "MD");

        if (section_alg(&r, &alg) != 0 || !md_hex) {
            tally_check(&t, false, r.record_line, "no [L = ..] header or MD");
            continue;
        }
        size_t hl = hash_len(alg);

        if (monte) {
            if (!have_seed) {
                const char *s = kv_get(&r, "Seed");

                if (!s || hex_fixed(s, seed, hl) != 0) {
                    tally_check(&t, false, r.record_line, "missing Seed");
                    continue;
                }
                have_seed = true;
            }
            run_monte(&r, &t, alg, seed, md_hex, r.record_line);
            continue;
        }

        const char *len_s = kv_get(&r, "Len"), *msg_hex = kv_get(&r, "Msg");
        size_t msg_len = 0;
        uint8_t *msg = msg_hex ? hex_alloc(msg_hex, &msg_len) : NULL;
        uint8_t want[HASH_MAX_DIGEST_LEN], got[HASH_MAX_DIGEST_LEN], got2[HASH_MAX_DIGEST_LEN];
        long bits = len_s ? strtol(len_s, NULL, 10) : -1;

        /* Len is in bits; "Len = 0" comes with a placeholder "Msg = 00". */
        if (!msg || bits < 0 || bits % 8 || (size_t)bits / 8 > msg_len
            || hex_fixed(md_hex, want, hl) != 0) {
            tally_check(&t, false, r.record_line, "malformed vector");
            free(msg);
            continue;
        }
        msg_len = (size_t)bits / 8;
        digest_direct(alg, msg, msg_len, got);
        digest_chunked(alg, msg, msg_len, got2);
        tally_check(&t, memcmp(got, want, hl) == 0 && memcmp(got2, want, hl) == 0,
                    r.record_line, "Len = %ld (one-shot %s, streamed %s)", bits,
                    memcmp(got, want, hl) ? "wrong" : "right",
                    memcmp(got2, want, hl) ? "wrong" : "right");
        free(msg);
    }
    kv_close(&r);
    if (rc < 0) {
        tally_check(&t, false, r.line_no, "parse error");
    }
    return tally_report(&t);
}
