/* SPDX-License-Identifier: BSD-3-Clause */
/* p384.h: NIST P-384 (FIPS 186-4 D.1.2.4, SEC 2 secp384r1) key generation and validation. */
#ifndef FW_CRYPTO_P384_H
#define FW_CRYPTO_P384_H
#include <stdint.h>

#define P384_SCALAR_LEN 48
/* Uncompressed SEC1 encoding: 0x04 || X || Y. */
#define P384_PUBKEY_LEN 97

/* pub = d * G in uncompressed form. Returns -1 if priv (big-endian) is 0 or >= n.
 * Constant time in priv. */
int p384_public_from_private(const uint8_t priv[48], uint8_t pub[97]);

/* Returns 0 if pub is 0x04 || X || Y with X, Y < p and on the curve (SEC1 3.2.2.1: for a
 * prime-order curve with cofactor 1 this implies nQ = O), else -1. */
int p384_public_key_check(const uint8_t pub[97]);

#endif
