/* SPDX-License-Identifier: BSD-3-Clause */
/* p384.c: P-384 public key derivation and validation. */
#include "crypto/p384.h"
#include "p384-curve.h"
#include "util.h"

int p384_public_from_private(const uint8_t priv[48], uint8_t pub[97])
{
    Fe d;
    P384Point q;
    int ret = -1;

    /* FIPS 186-4 B.4: the private key lies in [1, n-1]. Rejecting a bad key may branch: the
     * caller learns that from the return value anyway. */
    if (fe_from_bytes(&p384_n, &d, priv) && !fe_is_zero(&d)) {
        p384_scalar_mult_base(&q, &d);
        ret = p384_point_encode(pub, &q);
    }
    crypto_wipe(&d, sizeof(d));
    return ret;
}

int p384_public_key_check(const uint8_t pub[97])
{
    P384Point q;

    return p384_point_decode(&q, pub);
}
