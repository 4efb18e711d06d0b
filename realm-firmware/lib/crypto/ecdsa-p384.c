/* SPDX-License-Identifier: BSD-3-Clause */
/* ecdsa-p384.c: ECDSA signing and verification over P-384 (FIPS 186-4 6.4, SEC1 4.1.3-4.1.4). */
#include "crypto/ecdsa.h"
#include "p384-curve.h"
#include "rfc6979.h"
#include "lib/mem.h"
#include "util.h"

#define FN (&p384_n)

/* e = bits2int(digest) mod n (SEC1 4.1.3 step 5, RFC 6979 2.3.2): the leftmost 384 bits of the
 * digest. qlen is a whole number of bytes, so a longer digest is just cut; a shorter one is the
 * integer of its bytes. One subtraction reduces it since 2^384 < 2n. */
static void digest_to_scalar(Fe *e, const uint8_t *digest, size_t digest_len)
{
    uint8_t buf[48];
    size_t take = digest_len < 48 ? digest_len : 48;
    Fe t;

    memset(buf, 0, sizeof(buf));
    if (take) {
        memcpy(buf + 48 - take, digest, take);
    }
    fe_from_bytes(FN, &t, buf);
    mod_reduce_once(FN, e, &t);
}

/* Core of FIPS 186-4 6.4 for a given nonce; d and k are plain integers in [1, n-1].
 * Returns -1 if r or s is zero. Constant time in d and k apart from that outcome. */
static int sign_core(const Fe *d, const Fe *k, const Fe *e, uint8_t sig[96])
{
    P384Point kg;
    Fe x, y, r, km, kinv, rm, dm, em, s;
    int ret = -1;

    p384_scalar_mult_base(&kg, k);
    if (p384_point_to_affine(&kg, &x, &y) == 0) {
        /* r = x(kG) mod n; x < p < 2n. */
        mod_reduce_once(FN, &r, &x);

        /* s = k^-1 (e + r d) mod n, in Montgomery form; the inverse is by Fermat so it runs
         * in fixed time. */
        mod_to_mont(FN, &km, k);
        mod_inv(FN, &kinv, &km);
        mod_to_mont(FN, &rm, &r);
        mod_to_mont(FN, &dm, d);
        mod_to_mont(FN, &em, e);
        mod_mul(FN, &s, &rm, &dm);
        mod_add(FN, &s, &s, &em);
        mod_mul(FN, &s, &s, &kinv);
        mod_from_mont(FN, &s, &s);

        if (!fe_is_zero(&r) && !fe_is_zero(&s)) {
            fe_to_bytes(sig, &r);
            fe_to_bytes(sig + 48, &s);
            ret = 0;
        }
    }
    crypto_wipe(&km, sizeof(km));
    crypto_wipe(&kinv, sizeof(kinv));
    crypto_wipe(&dm, sizeof(dm));
    crypto_wipe(&kg, sizeof(kg));
    return ret;
}

/* Parses a scalar that must lie in [1, n-1]. */
static bool scalar_in_range(Fe *out, const uint8_t in[48])
{
    return fe_from_bytes(FN, out, in) && !fe_is_zero(out);
}

int ecdsa_p384_sign_with_k(const uint8_t priv[48], const uint8_t k[48], const uint8_t *digest,
                           size_t digest_len, uint8_t sig[96])
{
    Fe d, kk, e;
    int ret = -1;

    if (scalar_in_range(&d, priv) && scalar_in_range(&kk, k)) {
        digest_to_scalar(&e, digest, digest_len);
        ret = sign_core(&d, &kk, &e, sig);
    }
    crypto_wipe(&d, sizeof(d));
    crypto_wipe(&kk, sizeof(kk));
    return ret;
}

int ecdsa_p384_sign(const uint8_t priv[48], HashAlg alg, const uint8_t *digest,
                    size_t digest_len, uint8_t sig[96])
{
    Fe d, e, k;
    uint8_t h[48], kb[48];
    Rfc6979 gen;
    int ret = -1;

    if (hash_len(alg) == 0 || !scalar_in_range(&d, priv)) {
        return -1;
    }
    digest_to_scalar(&e, digest, digest_len);
    /* bits2octets(h1) = int2octets(bits2int(h1) mod n) (RFC 6979 2.3.4). */
    fe_to_bytes(h, &e);
    rfc6979_init(&gen, alg, priv, h);
    /* r = 0 or s = 0 happens with probability about 2^-383; the RFC's answer is the next k. */
    do {
        rfc6979_next(&gen, kb);
        fe_from_bytes(FN, &k, kb);
        ret = sign_core(&d, &k, &e, sig);
    } while (ret != 0);
    rfc6979_wipe(&gen);
    crypto_wipe(&d, sizeof(d));
    crypto_wipe(&k, sizeof(k));
    crypto_wipe(kb, sizeof(kb));
    return ret;
}

int ecdsa_p384_verify(const uint8_t pub[97], const uint8_t *digest, size_t digest_len,
                      const uint8_t sig[96])
{
    P384Point q, x;
    Fe r, s, e, w, u1, u2, t, xa, ya, v;

    /* SEC1 4.1.4 step 1: r and s in [1, n-1]; the public key must be a valid point (3.2.2). */
    if (!scalar_in_range(&r, sig) || !scalar_in_range(&s, sig + 48)) {
        return -1;
    }
    if (p384_point_decode(&q, pub) != 0) {
        return -1;
    }
    digest_to_scalar(&e, digest, digest_len);

    /* w = s^-1; u1 = e w; u2 = r w (all mod n). Montgomery factors cancel: mont(s)^-1 is
     * mont(s^-1), and multiplying a plain value by a Montgomery one yields a plain value. */
    mod_to_mont(FN, &t, &s);
    mod_inv(FN, &w, &t);
    mod_mul(FN, &u1, &e, &w);
    mod_mul(FN, &u2, &r, &w);

    /* X = u1 G + u2 Q; reject infinity, accept iff x(X) mod n == r. */
    p384_double_scalar_mult_vartime(&x, &u1, &u2, &q);
    if (p384_point_to_affine(&x, &xa, &ya) != 0) {
        return -1;
    }
    mod_reduce_once(FN, &v, &xa);
    return fe_equal(&v, &r) ? 0 : -1;
}
