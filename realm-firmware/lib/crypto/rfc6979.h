/* SPDX-License-Identifier: BSD-3-Clause */
/* rfc6979.h: private deterministic ECDSA nonce generator (RFC 6979 section 3.2) for P-384. */
#ifndef FW_CRYPTO_RFC6979_H
#define FW_CRYPTO_RFC6979_H
#include <stddef.h>
#include <stdint.h>
#include "crypto/sha2.h"

typedef struct {
    HashAlg alg;
    uint8_t k[HASH_MAX_DIGEST_LEN];     /* the HMAC key K */
    uint8_t v[HASH_MAX_DIGEST_LEN];     /* the chaining value V */
} Rfc6979;

/* Steps a-f for private key x (48 bytes, already known to be in [1, n-1]) and the already
 * reduced message representative h = bits2octets(h1) (48 bytes). */
void rfc6979_init(Rfc6979 *g, HashAlg alg, const uint8_t x[48], const uint8_t h[48]);
/* Step h: the next candidate in [1, n-1], written as 48 big-endian bytes. Each later call
 * continues the sequence, as RFC 6979 3.4 asks when a candidate yields r = 0 or s = 0. */
void rfc6979_next(Rfc6979 *g, uint8_t k_out[48]);
void rfc6979_wipe(Rfc6979 *g);

#endif
