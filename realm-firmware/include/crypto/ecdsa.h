/* SPDX-License-Identifier: BSD-3-Clause */
/* ecdsa.h: ECDSA over P-384 (FIPS 186-4 6, SEC1 4.1) with RFC 6979 deterministic nonces. */
#ifndef FW_CRYPTO_ECDSA_H
#define FW_CRYPTO_ECDSA_H
#include <stddef.h>
#include <stdint.h>
#include "crypto/sha2.h"

#define ECDSA_P384_SIG_LEN 96

/* The digest may be any length: its leftmost 384 bits are used (bits2int, SEC1 4.1.3 step 5).
 * sig = r || s, each 48 bytes big-endian. k is derived per RFC 6979 3.2 with HMAC-<alg>.
 * Returns 0, or -1 if priv is 0 or >= n or alg is not a HashAlg. Constant time in priv and k
 * (the private key and nonce never steer a branch or a memory index). */
int ecdsa_p384_sign(const uint8_t priv[48], HashAlg alg, const uint8_t *digest,
                    size_t digest_len, uint8_t sig[96]);

/* As ecdsa_p384_sign but with a caller-chosen nonce (for CAVP SigGen vectors). Returns -1 if
 * priv or k is 0 or >= n, or if r or s comes out 0 (the caller must pick another k). */
int ecdsa_p384_sign_with_k(const uint8_t priv[48], const uint8_t k[48], const uint8_t *digest,
                           size_t digest_len, uint8_t sig[96]);

/* Returns 0 if sig is a valid signature of digest under pub, else -1 (also for r or s outside
 * [1, n-1] and for pub not a valid curve point). Not constant time: all inputs are public. */
int ecdsa_p384_verify(const uint8_t pub[97], const uint8_t *digest, size_t digest_len,
                      const uint8_t sig[96]);

#endif
