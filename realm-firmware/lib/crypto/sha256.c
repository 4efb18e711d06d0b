/* SPDX-License-Identifier: BSD-3-Clause */
/* sha256.c: SHA-256 (FIPS 180-4 6.2), streaming. */
#include "crypto/sha2.h"
#include "lib/mem.h"
#include "md-buffer.h"
#include "util.h"

/* FIPS 180-4 4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64
 * primes. */
static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t ror32(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

/* One compression of a 64-byte block (FIPS 180-4 6.2.2), message schedule kept as a 16-word
 * ring to bound stack use. */
static void sha256_block(void *state, const uint8_t *blk)
{
    uint32_t *h = state;
    uint32_t w[16];
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    uint32_t e = h[4], f = h[5], g = h[6], hh = h[7];

    for (int t = 0; t < 64; t++) {
        uint32_t wt;

        if (t < 16) {
            wt = load_be32(blk + 4 * t);
        } else {
            uint32_t w15 = w[(t - 15) & 15], w2 = w[(t - 2) & 15];
            uint32_t s0 = ror32(w15, 7) ^ ror32(w15, 18) ^ (w15 >> 3);
            uint32_t s1 = ror32(w2, 17) ^ ror32(w2, 19) ^ (w2 >> 10);

            wt = s1 + w[(t - 7) & 15] + s0 + w[t & 15];
        }
        w[t & 15] = wt;

        uint32_t t1 = hh + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) + ((e & f) ^ (~e & g))
                      + k256[t] + wt;
        uint32_t t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

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

void sha256_init(Sha256Ctx *c)
{
    /* FIPS 180-4 5.3.3: fractional parts of the square roots of the first 8 primes. */
    static const uint32_t iv[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    memcpy(c->h, iv, sizeof(iv));
    c->len = 0;
    c->used = 0;
}

void sha256_update(Sha256Ctx *c, const void *p, size_t n)
{
    if (n == 0) {
        return;
    }
    c->len += n;
    md_absorb(c->h, sha256_block, c->buf, &c->used, SHA256_BLOCK_LEN, p, n);
}

void sha256_final(Sha256Ctx *c, uint8_t out[32])
{
    /* FIPS 180-4 5.1.1: the message length in bits as the last 64 bits. */
    md_pad(c->h, sha256_block, c->buf, c->used, SHA256_BLOCK_LEN, 8);
    store_be64(c->buf + SHA256_BLOCK_LEN - 8, c->len << 3);
    sha256_block(c->h, c->buf);
    for (int i = 0; i < 8; i++) {
        store_be32(out + 4 * i, c->h[i]);
    }
    crypto_wipe(c, sizeof(*c));
}

void sha256(const void *p, size_t n, uint8_t out[32])
{
    Sha256Ctx c;

    sha256_init(&c);
    sha256_update(&c, p, n);
    sha256_final(&c, out);
}
