/* SPDX-License-Identifier: BSD-3-Clause */
/* hmac.c: HMAC (RFC 2104 section 2, FIPS 198-1 section 4) over the SHA-2 family. */
#include "crypto/hmac.h"
#include "lib/mem.h"
#include "util.h"

void hmac_init(HmacCtx *c, HashAlg a, const uint8_t *key, size_t key_len)
{
    size_t block = hash_block_len(a);
    uint8_t k0[HASH_MAX_BLOCK_LEN];

    /* FIPS 198-1 4 steps 1-3: keys longer than the block are hashed, then zero-padded. */
    memset(k0, 0, sizeof(k0));
    if (key_len > block) {
        hash_digest(a, key, key_len, k0);
    } else if (key_len) {
        memcpy(k0, key, key_len);
    }

    for (size_t i = 0; i < block; i++) {
        k0[i] ^= 0x36;
    }
    hash_init(&c->inner, a);
    hash_update(&c->inner, k0, block);

    /* ipad ^ opad = 0x36 ^ 0x5c = 0x6a turns K0 ^ ipad into K0 ^ opad. */
    for (size_t i = 0; i < block; i++) {
        k0[i] ^= 0x36 ^ 0x5c;
    }
    hash_init(&c->outer, a);
    hash_update(&c->outer, k0, block);
    crypto_wipe(k0, sizeof(k0));
}

void hmac_update(HmacCtx *c, const uint8_t *msg, size_t msg_len)
{
    hash_update(&c->inner, msg, msg_len);
}

void hmac_final(HmacCtx *c, uint8_t *out)
{
    uint8_t ih[HASH_MAX_DIGEST_LEN];
    size_t n = hash_len(c->inner.alg);

    hash_final(&c->inner, ih);
    hash_update(&c->outer, ih, n);
    hash_final(&c->outer, out);
    crypto_wipe(ih, sizeof(ih));
    crypto_wipe(c, sizeof(*c));
}

void hmac(HashAlg a, const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
          uint8_t *out)
{
    HmacCtx c;

    hmac_init(&c, a, key, key_len);
    hmac_update(&c, msg, msg_len);
    hmac_final(&c, out);
}
