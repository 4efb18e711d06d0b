/* SPDX-License-Identifier: BSD-3-Clause */
/* hkdf.c: HKDF extract and expand (RFC 5869 section 2). */
#include "crypto/hkdf.h"
#include "crypto/hmac.h"
#include "lib/mem.h"
#include "util.h"

void hkdf_extract(HashAlg a, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
                  size_t ikm_len, uint8_t *prk_out)
{
    /* RFC 5869 2.2: a missing salt is HashLen zeros; HMAC pads a short key with zeros to the
     * block size, so an empty key gives the same K0 and needs no special buffer. */
    hmac(a, salt, salt_len, ikm, ikm_len, prk_out);
}

int hkdf_expand(HashAlg a, const uint8_t *prk, size_t prk_len, const uint8_t *info,
                size_t info_len, uint8_t *out, size_t out_len)
{
    size_t hl = hash_len(a);
    uint8_t t[HASH_MAX_DIGEST_LEN];
    size_t t_len = 0;
    uint8_t counter = 0;

    if (hl == 0 || out_len > 255 * hl) {
        return -1;
    }
    /* T(i) = HMAC(PRK, T(i-1) | info | i), T(0) empty. */
    while (out_len) {
        HmacCtx c;
        size_t take;

        counter++;
        hmac_init(&c, a, prk, prk_len);
        hmac_update(&c, t, t_len);
        hmac_update(&c, info, info_len);
        hmac_update(&c, &counter, 1);
        hmac_final(&c, t);
        t_len = hl;

        take = out_len < hl ? out_len : hl;
        memcpy(out, t, take);
        out += take;
        out_len -= take;
    }
    crypto_wipe(t, sizeof(t));
    return 0;
}
