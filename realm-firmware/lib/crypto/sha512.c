/* SPDX-License-Identifier: BSD-3-Clause */
/* sha512.c: SHA-512 and SHA-384 (FIPS 180-4 6.4, 6.5), streaming. */
#include "crypto/sha2.h"
#include "lib/mem.h"
#include "md-buffer.h"
#include "util.h"

/* FIPS 180-4 4.2.3: first 64 bits of the fractional parts of the cube roots of the first 80
 * primes. */
static const uint64_t k512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019,
    0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242,
    0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275,
    0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f,
    0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc,
    0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6,
    0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001,
    0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc,
    0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915,
    0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba,
    0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
};

static inline uint64_t ror64(uint64_t x, unsigned n)
{
    return (x >> n) | (x << (64 - n));
}

/* One compression of a 128-byte block (FIPS 180-4 6.4.2), 16-word schedule ring. */
static void sha512_block(void *state, const uint8_t *blk)
{
    uint64_t *h = state;
    uint64_t w[16];
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3];
    uint64_t e = h[4], f = h[5], g = h[6], hh = h[7];

    for (int t = 0; t < 80; t++) {
        uint64_t wt;

        if (t < 16) {
            wt = load_be64(blk + 8 * t);
        } else {
            uint64_t w15 = w[(t - 15) & 15], w2 = w[(t - 2) & 15];
            uint64_t s0 = ror64(w15, 1) ^ ror64(w15, 8) ^ (w15 >> 7);
            uint64_t s1 = ror64(w2, 19) ^ ror64(w2, 61) ^ (w2 >> 6);

            wt = s1 + w[(t - 7) & 15] + s0 + w[t & 15];
        }
        w[t & 15] = wt;

        uint64_t t1 = hh + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g))
                      + k512[t] + wt;
        uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));

        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha512_start(Sha512Ctx *c, const uint64_t iv[8])
{
    memcpy(c->h, iv, sizeof(c->h));
    c->len_lo = 0;
    c->len_hi = 0;
    c->used = 0;
}

void sha512_init(Sha512Ctx *c)
{
    /* FIPS 180-4 5.3.5. */
    static const uint64_t iv[8] = {
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    };

    sha512_start(c, iv);
}

void sha384_init(Sha512Ctx *c)
{
    /* FIPS 180-4 5.3.4: from the square roots of the 9th to 16th primes. */
    static const uint64_t iv[8] = {
        0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
        0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
    };

    sha512_start(c, iv);
}

void sha512_update(Sha512Ctx *c, const void *p, size_t n)
{
    if (n == 0) {
        return;
    }
    c->len_lo += n;
    c->len_hi += c->len_lo < n;
    md_absorb(c->h, sha512_block, c->buf, &c->used, SHA512_BLOCK_LEN, p, n);
}

void sha384_update(Sha512Ctx *c, const void *p, size_t n)
{
    sha512_update(c, p, n);
}

/* FIPS 180-4 5.1.2: the message length in bits as the last 128 bits; then the first out_len
 * bytes of H (SHA-384 truncates, 6.5). */
static void sha512_finish(Sha512Ctx *c, uint8_t *out, size_t out_len)
{
    uint8_t full[SHA512_DIGEST_LEN];

    md_pad(c->h, sha512_block, c->buf, c->used, SHA512_BLOCK_LEN, 16);
    store_be64(c->buf + SHA512_BLOCK_LEN - 16, (c->len_hi << 3) | (c->len_lo >> 61));
    store_be64(c->buf + SHA512_BLOCK_LEN - 8, c->len_lo << 3);
    sha512_block(c->h, c->buf);
    for (int i = 0; i < 8; i++) {
        store_be64(full + 8 * i, c->h[i]);
    }
    memcpy(out, full, out_len);
    crypto_wipe(full, sizeof(full));
    crypto_wipe(c, sizeof(*c));
}

void sha512_final(Sha512Ctx *c, uint8_t out[64])
{
    sha512_finish(c, out, SHA512_DIGEST_LEN);
}

void sha384_final(Sha512Ctx *c, uint8_t out[48])
{
    sha512_finish(c, out, SHA384_DIGEST_LEN);
}

void sha512(const void *p, size_t n, uint8_t out[64])
{
    Sha512Ctx c;

    sha512_init(&c);
    sha512_update(&c, p, n);
    sha512_final(&c, out);
}

void sha384(const void *p, size_t n, uint8_t out[48])
{
    Sha512Ctx c;

    sha384_init(&c);
    sha384_update(&c, p, n);
    sha384_final(&c, out);
}
