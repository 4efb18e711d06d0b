/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bench-crypto.c: host throughput of SHA-256/512 and latency of P-384 ECDSA (not a test). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "crypto/ecdsa.h"
#include "crypto/p384.h"
#include "crypto/sha2.h"

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void bench_hash(const char *name, HashAlg alg, const uint8_t *buf, size_t len, int reps)
{
    uint8_t out[HASH_MAX_DIGEST_LEN];
    double t0 = now();

    for (int i = 0; i < reps; i++) {
        hash_digest(alg, buf, len, out);
    }
    double dt = now() - t0;

    printf("%-8s %8.1f MB/s  (%d x %zu bytes, digest[0] %02x)\n", name,
           (double)len * reps / dt / 1e6, reps, len, out[0]);
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 200;
    size_t len = 1 << 20;
    uint8_t *buf = malloc(len);
    uint8_t priv[48], pub[97], digest[48], sig[96];

    if (!buf || rounds <= 0) {
        fprintf(stderr, "usage: %s [ECDSA-ROUNDS]\n", argv[0]);
        return 2;
    }
    for (size_t i = 0; i < len; i++) {
        buf[i] = (uint8_t)(i * 131 + 7);
    }
    bench_hash("SHA-256", HASH_SHA256, buf, len, 64);
    bench_hash("SHA-512", HASH_SHA512, buf, len, 64);

    /* A fixed key (the SHA-384 of a label, far below n) and a digest that changes every round
     * so each signature is a fresh RFC 6979 nonce. */
    sha384("bench key", 9, priv);
    priv[0] &= 0x7f;
    if (p384_public_from_private(priv, pub) != 0) {
        fprintf(stderr, "key derivation failed\n");
        return 1;
    }
    double sign_t = 0, verify_t = 0;
    int bad = 0;

    for (int i = 0; i < rounds; i++) {
        sha384(&i, sizeof(i), digest);
        double t0 = now();

        ecdsa_p384_sign(priv, HASH_SHA384, digest, 48, sig);
        double t1 = now();

        bad |= ecdsa_p384_verify(pub, digest, 48, sig);
        sign_t += t1 - t0;
        verify_t += now() - t1;
    }
    printf("P-384 sign   %8.3f ms  (mean of %d)\n", sign_t / rounds * 1e3, rounds);
    printf("P-384 verify %8.3f ms  (mean of %d)%s\n", verify_t / rounds * 1e3, rounds,
           bad ? "  VERIFY FAILED" : "");
    free(buf);
    return bad ? 1 : 0;
}
