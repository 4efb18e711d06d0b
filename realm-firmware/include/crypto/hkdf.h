/* SPDX-License-Identifier: BSD-3-Clause */
/* hkdf.h: HMAC-based key derivation (RFC 5869) over the SHA-2 family. */
#ifndef FW_CRYPTO_HKDF_H
#define FW_CRYPTO_HKDF_H
#include <stddef.h>
#include <stdint.h>
#include "crypto/sha2.h"

/* PRK = HMAC-Hash(salt, IKM); writes hash_len(a) bytes. An empty salt (salt_len 0, salt may be
 * NULL) means HashLen zero bytes (RFC 5869 2.2). */
void hkdf_extract(HashAlg a, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
                  size_t ikm_len, uint8_t *prk_out);

/* OKM = T(1) | T(2) | ... truncated to out_len (RFC 5869 2.3). Returns 0, or -1 (writing nothing)
 * if out_len > 255 * HashLen. */
int hkdf_expand(HashAlg a, const uint8_t *prk, size_t prk_len, const uint8_t *info,
                size_t info_len, uint8_t *out, size_t out_len);

#endif
