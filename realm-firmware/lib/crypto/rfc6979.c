/* SPDX-License-Identifier: BSD-3-Clause */
/* rfc6979.c: HMAC_DRBG-style nonce derivation of RFC 6979 section 3.2, qlen = 384. */
#include "rfc6979.h"
#include "crypto/hmac.h"
#include "mont384.h"
#include "p384-curve.h"
#include "lib/mem.h"
#include "util.h"

/* K = HMAC_K(V || sep || x || h), then V = HMAC_K(V) (steps d-g); sep < 0 means no suffix, the
 * form used when a candidate is rejected (step h.3). */
static void reseed(Rfc6979 *g, int sep, const uint8_t *x, const uint8_t *h)
{
    size_t hl = hash_len(g->alg);
    HmacCtx c;

    hmac_init(&c, g->alg, g->k, hl);
    hmac_update(&c, g->v, hl);
    if (sep >= 0) {
        uint8_t s = (uint8_t)sep;

        hmac_update(&c, &s, 1);
        hmac_update(&c, x, 48);
        hmac_update(&c, h, 48);
    } else {
        static const uint8_t zero;

        hmac_update(&c, &zero, 1);
    }
    hmac_final(&c, g->k);
    hmac(g->alg, g->k, hl, g->v, hl, g->v);
}

void rfc6979_init(Rfc6979 *g, HashAlg alg, const uint8_t x[48], const uint8_t h[48])
{
    size_t hl = hash_len(alg);

    g->alg = alg;
    memset(g->v, 0x01, hl);
    memset(g->k, 0x00, hl);
    reseed(g, 0x00, x, h);
    reseed(g, 0x01, x, h);
}

void rfc6979_next(Rfc6979 *g, uint8_t k_out[48])
{
    size_t hl = hash_len(g->alg);

    for (;;) {
        uint8_t t[2 * HASH_MAX_DIGEST_LEN];
        size_t tlen = 0;
        Fe k;

        /* Step h.2: concatenate V = HMAC_K(V) until there are qlen = 384 bits; bits2int keeps
         * the leftmost 384, which is a whole number of bytes. */
        while (tlen < 48) {
            hmac(g->alg, g->k, hl, g->v, hl, g->v);
            memcpy(t + tlen, g->v, hl);
            tlen += hl;
        }
        bool ok = fe_from_bytes(&p384_n, &k, t) && !fe_is_zero(&k);

        if (ok) {
            memcpy(k_out, t, 48);
        }
        /* Prepare the state for a further candidate either way (step h.3), so that a caller
         * asking again after r = 0 or s = 0 gets the RFC's next value. */
        reseed(g, -1, NULL, NULL);
        crypto_wipe(t, sizeof(t));
        crypto_wipe(&k, sizeof(k));
        if (ok) {
            return;
        }
    }
}

void rfc6979_wipe(Rfc6979 *g)
{
    crypto_wipe(g, sizeof(*g));
}
