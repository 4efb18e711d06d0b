/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-negative.c: rejection of bad signatures, digests, keys and lengths; scalar edge cases. */
#include <string.h>
#include "crypto/ecdsa.h"
#include "crypto/hkdf.h"
#include "crypto/hmac.h"
#include "crypto/p384.h"
#include "vectors.h"

/* Group order n, field prime p and generator G of P-384 (FIPS 186-4 D.1.2.4). */
static const char n_hex[] =
    "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
    "581a0db248b0a77aecec196accc52973";
static const char p_hex[] =
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"
    "ffffffff0000000000000000ffffffff";
static const char gx_hex[] =
    "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a38"
    "5502f25dbf55296c3a545e3872760ab7";
static const char gy_hex[] =
    "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c0"
    "0a60b1ce1d7e819d7a431d7c90ea0e5f";
/* RFC 6979 A.2.6 private key, as a known-good key. */
static const char x_hex[] =
    "6B9D3DAD2E1B8C1C05B19875B6659F4DE23C3B667BF297BA9AA47740787137D8"
    "96D5724E4C70A825F872C9EA60D2EDF5";

/* a - b on 48-byte big-endian numbers (a >= b). */
static void sub48(uint8_t *r, const uint8_t *a, const uint8_t *b)
{
    int borrow = 0;

    for (int i = 47; i >= 0; i--) {
        int d = a[i] - b[i] - borrow;

        borrow = d < 0;
        r[i] = (uint8_t)(d + (borrow ? 256 : 0));
    }
}

static void set_small(uint8_t *r, uint8_t v)
{
    memset(r, 0, 48);
    r[47] = v;
}

int main(void)
{
    Tally t = { .name = "crypto-negative" };
    uint8_t n[48], p[48], one[48], zero[48], x[48], pub[97], bad[97], tmp[48];
    uint8_t digest[48], sig[96], sig2[96], g[97], neg_g[97];

    hex_fixed(n_hex, n, 48);
    hex_fixed(p_hex, p, 48);
    hex_fixed(x_hex, x, 48);
    g[0] = 0x04;
    hex_fixed(gx_hex, g + 1, 48);
    hex_fixed(gy_hex, g + 49, 48);
    set_small(one, 1);
    set_small(zero, 0);
    sha384("negative", 8, digest);

    /* Baseline: a fresh signature verifies, so each rejection below is due to its change. */
    tally_check(&t, p384_public_from_private(x, pub) == 0, __LINE__, "key derivation");
    tally_check(&t, ecdsa_p384_sign(x, HASH_SHA384, digest, 48, sig) == 0, __LINE__, "sign");
    tally_check(&t, ecdsa_p384_verify(pub, digest, 48, sig) == 0, __LINE__, "baseline verify");

    /* Any single flipped bit in r, in s or in the digest must be rejected. */
    for (int bit = 0; bit < 96 * 8; bit += 37) {
        memcpy(sig2, sig, 96);
        sig2[bit / 8] ^= (uint8_t)(1 << (bit % 8));
        tally_check(&t, ecdsa_p384_verify(pub, digest, 48, sig2) != 0, __LINE__,
                    "signature with bit %d flipped accepted", bit);
    }
    for (int bit = 0; bit < 48 * 8; bit += 29) {
        uint8_t d2[48];

        memcpy(d2, digest, 48);
        d2[bit / 8] ^= (uint8_t)(1 << (bit % 8));
        tally_check(&t, ecdsa_p384_verify(pub, d2, 48, sig) != 0, __LINE__,
                    "digest with bit %d flipped accepted", bit);
    }

    /* (r, n - s) is the other valid signature of the same digest (ECDSA has no low-s rule). */
    memcpy(sig2, sig, 48);
    sub48(sig2 + 48, n, sig + 48);
    tally_check(&t, ecdsa_p384_verify(pub, digest, 48, sig2) == 0, __LINE__, "(r, n-s) rejected");

    /* SEC1 4.1.4 step 1: r and s outside [1, n-1]; 0 and n are the values just past each end. */
    const uint8_t *bad_scalars[] = { zero, n };

    for (int i = 0; i < 2; i++) {
        memcpy(sig2, sig, 96);
        memcpy(sig2, bad_scalars[i], 48);
        tally_check(&t, ecdsa_p384_verify(pub, digest, 48, sig2) != 0, __LINE__,
                    "r = %s accepted", i ? "n" : "0");
        memcpy(sig2, sig, 96);
        memcpy(sig2 + 48, bad_scalars[i], 48);
        tally_check(&t, ecdsa_p384_verify(pub, digest, 48, sig2) != 0, __LINE__,
                    "s = %s accepted", i ? "n" : "0");
    }
    memset(sig2, 0xff, 96);
    tally_check(&t, ecdsa_p384_verify(pub, digest, 48, sig2) != 0, __LINE__,
                "r = s = 2^384 - 1 accepted");

    /* Bad public keys: off the curve, coordinate >= p, wrong prefix, all zero. */
    memcpy(bad, pub, 97);
    bad[96] ^= 1;
    tally_check(&t, p384_public_key_check(bad) != 0, __LINE__, "off-curve key accepted");
    tally_check(&t, ecdsa_p384_verify(bad, digest, 48, sig) != 0, __LINE__,
                "verify with off-curve key accepted");
    memcpy(bad, pub, 97);
    memcpy(bad + 1, p, 48);
    tally_check(&t, p384_public_key_check(bad) != 0, __LINE__, "X = p accepted");
    memcpy(bad, pub, 97);
    bad[0] = 0x02;
    tally_check(&t, p384_public_key_check(bad) != 0, __LINE__, "prefix 0x02 accepted");
    memset(bad, 0, 97);
    bad[0] = 0x04;
    tally_check(&t, p384_public_key_check(bad) != 0, __LINE__, "(0, 0) accepted");
    tally_check(&t, p384_public_key_check(pub) == 0, __LINE__, "good key rejected");
    /* (x, p - y) is the negated point: also on the curve. */
    memcpy(bad, pub, 97);
    sub48(bad + 49, p, pub + 49);
    tally_check(&t, p384_public_key_check(bad) == 0, __LINE__, "-Q rejected");
    tally_check(&t, ecdsa_p384_verify(bad, digest, 48, sig) != 0, __LINE__,
                "signature accepted under -Q");

    /* Private key range [1, n-1]: 0 and n fail; 1 gives G; n - 1 gives -G = (Gx, p - Gy). */
    tally_check(&t, p384_public_from_private(zero, bad) != 0, __LINE__, "d = 0 accepted");
    tally_check(&t, p384_public_from_private(n, bad) != 0, __LINE__, "d = n accepted");
    tally_check(&t, ecdsa_p384_sign(n, HASH_SHA384, digest, 48, sig2) != 0, __LINE__,
                "signing with d = n accepted");
    tally_check(&t, p384_public_from_private(one, bad) == 0 && memcmp(bad, g, 97) == 0,
                __LINE__, "1 G != G");
    sub48(tmp, n, one);
    memcpy(neg_g, g, 49);
    sub48(neg_g + 49, p, g + 49);
    tally_check(&t, p384_public_from_private(tmp, bad) == 0 && memcmp(bad, neg_g, 97) == 0,
                __LINE__, "(n-1) G != -G");
    tally_check(&t, ecdsa_p384_sign_with_k(x, zero, digest, 48, sig2) != 0, __LINE__,
                "k = 0 accepted");
    tally_check(&t, ecdsa_p384_sign_with_k(x, n, digest, 48, sig2) != 0, __LINE__,
                "k = n accepted");

    /* With Q = G, e = 1 and r = n - 1, u1 G + u2 Q = (e + r) w G is the point at infinity:
     * verification must fail cleanly (SEC1 4.1.4 step 5). */
    uint8_t e1[48];

    set_small(e1, 1);
    sub48(sig2, n, one);
    set_small(sig2 + 48, 5);
    tally_check(&t, ecdsa_p384_verify(g, e1, 48, sig2) != 0, __LINE__,
                "signature reaching infinity accepted");

    /* HKDF output bound (RFC 5869 2.3: L <= 255 HashLen). */
    static uint8_t okm[255 * 64 + 1];
    uint8_t prk[32] = { 1 };

    tally_check(&t, hkdf_expand(HASH_SHA256, prk, 32, NULL, 0, okm, 255 * 32) == 0, __LINE__,
                "255 HashLen refused");
    tally_check(&t, hkdf_expand(HASH_SHA256, prk, 32, NULL, 0, okm, 255 * 32 + 1) != 0,
                __LINE__, "more than 255 HashLen accepted");
    tally_check(&t, hkdf_expand(HASH_SHA512, prk, 32, NULL, 0, okm, 255 * 64 + 1) != 0,
                __LINE__, "more than 255 HashLen accepted (SHA-512)");

    /* A HashAlg outside the enum is inert: length 0, and nothing is written. */
    HashAlg bogus = (HashAlg)7;
    uint8_t mac[64];

    memset(mac, 0xa5, sizeof(mac));
    hmac(bogus, prk, sizeof(prk), digest, 48, mac);
    hash_digest(bogus, digest, 48, mac);
    tally_check(&t, hash_len(bogus) == 0 && mac[0] == 0xa5 && mac[63] == 0xa5, __LINE__,
                "unknown hash algorithm produced output");
    tally_check(&t, hkdf_expand(bogus, prk, 32, NULL, 0, okm, 1) != 0, __LINE__,
                "HKDF with unknown hash accepted");
    tally_check(&t, ecdsa_p384_sign(x, bogus, digest, 48, sig2) != 0, __LINE__,
                "signing with unknown hash accepted");

    return tally_report(&t);
}
