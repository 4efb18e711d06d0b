/* SPDX-License-Identifier: BSD-3-Clause */
/* hmac.h: HMAC (RFC 2104, FIPS 198-1) over the SHA-2 family, one-shot and streaming. */
#ifndef FW_CRYPTO_HMAC_H
#define FW_CRYPTO_HMAC_H
#include <stddef.h>
#include <stdint.h>
#include "crypto/sha2.h"

typedef struct {
    HashCtx inner;
    HashCtx outer;      /* already keyed with K ^ opad, finished by hmac_final */
} HmacCtx;

void hmac_init(HmacCtx *c, HashAlg a, const uint8_t *key, size_t key_len);
void hmac_update(HmacCtx *c, const uint8_t *msg, size_t msg_len);
/* Writes hash_len(a) bytes and wipes the context. */
void hmac_final(HmacCtx *c, uint8_t *out);

void hmac(HashAlg a, const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
          uint8_t *out);

#endif
