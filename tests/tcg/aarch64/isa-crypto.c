/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Armv8 Cryptographic Extension end to end: AES-128 encryption and decryption of the
 * FIPS-197 example vectors (Appendix B and C.1) with AESE/AESMC and AESD/AESIMC, SHA-1 and
 * SHA-256 of the FIPS 180-4 example messages ("abc" and the 56-byte two-block message) with
 * SHA1C/P/M/H/SU0/SU1 and SHA256H/H2/SU0/SU1, SHA-512 ("abc" and the 112-byte two-block
 * message) with SHA512H/H2/SU0/SU1, compared with the published digests; and spot
 * checks of the SHA-3 instructions EOR3, BCAX, RAX1 and XAR (values worked out by hand).
 * The key expansion uses AESE for SubWord (all four columns equal, so ShiftRows has no effect);
 * the SHA-256 round constants are derived as FIPS 180-4 section 4.2.2 defines them (the first
 * 32 bits of the fractional parts of the cube roots of the first 64 primes), in integers. */
#include "testlib.h"

typedef struct {
    u64 lo, hi;
} v128;

/* v0 = insn(v0, v1[, v2]); operands in and out through general registers
 * (-mgeneral-regs-only). */
#define VINSN(text, d, n, m) ({                                              \
    v128 r_;                                                                \
    asm volatile("fmov d0, %2\n\tmov v0.d[1], %3\n\tfmov d1, %4\n\tmov v1.d[1], %5\n\t" \
                 "fmov d2, %6\n\tmov v2.d[1], %7\n\t" text                  \
                 "\n\tfmov %0, d0\n\tmov %1, v0.d[1]"                       \
                 : "=&r"(r_.lo), "=&r"(r_.hi)                               \
                 : "r"((d).lo), "r"((d).hi), "r"((n).lo), "r"((n).hi),      \
                   "r"((m).lo), "r"((m).hi)                                 \
                 : "v0", "v1", "v2");                                       \
    r_; })

static const v128 zero;

static v128 vxor(v128 a, v128 b)
{
    return (v128){ a.lo ^ b.lo, a.hi ^ b.hi };
}

/* Bytes in memory order -> vector (byte i is bits [8i+7:8i]). */
static v128 load16(const u8 *p)
{
    v128 v = { 0, 0 };

    for (int i = 0; i < 8; i++) {
        v.lo |= (u64)p[i] << (8 * i);
        v.hi |= (u64)p[8 + i] << (8 * i);
    }
    return v;
}

static u32 lane(v128 v, int i)
{
    return (u32)((i < 2 ? v.lo : v.hi) >> (32 * (i & 1)));
}

static v128 lanes(u32 a, u32 b, u32 c, u32 d)
{
    return (v128){ a | (u64)b << 32, c | (u64)d << 32 };
}

static v128 add32(v128 a, v128 b)
{
    return lanes(lane(a, 0) + lane(b, 0), lane(a, 1) + lane(b, 1), lane(a, 2) + lane(b, 2),
                 lane(a, 3) + lane(b, 3));
}

static int hexval(char c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

static void unhex(const char *s, u8 *out, int n)
{
    for (int i = 0; i < n; i++) {
        out[i] = (u8)(hexval(s[2 * i]) << 4 | hexval(s[2 * i + 1]));
    }
}

/* ---- AES-128 ---- */

static u32 sub_word(u32 w)
{
    v128 r = VINSN("aese v0.16b, v1.16b", zero, lanes(w, w, w, w), zero);
    return lane(r, 0);
}

/* FIPS-197 5.2 KeyExpansion for Nk = 4: 11 round keys. */
static void expand_key(const u8 *key, v128 rk[11])
{
    u32 w[44], rcon = 1;

    for (int i = 0; i < 4; i++) {
        w[i] = key[4 * i] | key[4 * i + 1] << 8 | key[4 * i + 2] << 16 | (u32)key[4 * i + 3] << 24;
    }
    for (int i = 4; i < 44; i++) {
        u32 t = w[i - 1];
        if (i % 4 == 0) {
            t = sub_word(t >> 8 | t << 24) ^ rcon;   /* RotWord, bytes little-endian here */
            rcon = (rcon << 1) ^ ((rcon & 0x80) ? 0x11b : 0);
        }
        w[i] = w[i - 4] ^ t;
    }
    for (int r = 0; r < 11; r++) {
        rk[r] = lanes(w[4 * r], w[4 * r + 1], w[4 * r + 2], w[4 * r + 3]);
    }
}

static void aes128_check(const char *key_hex, const char *pt_hex, const char *ct_hex)
{
    u8 key[16], pt[16], ct[16];
    v128 rk[11], s, p, c;

    unhex(key_hex, key, 16);
    unhex(pt_hex, pt, 16);
    unhex(ct_hex, ct, 16);
    expand_key(key, rk);
    p = load16(pt);
    c = load16(ct);

    /* Cipher (FIPS-197 5.1): AESE = AddRoundKey, ShiftRows, SubBytes; AESMC = MixColumns. */
    s = p;
    for (int r = 0; r < 9; r++) {
        s = VINSN("aese v0.16b, v1.16b", s, rk[r], zero);
        s = VINSN("aesmc v0.16b, v1.16b", zero, s, zero);
    }
    s = vxor(VINSN("aese v0.16b, v1.16b", s, rk[9], zero), rk[10]);
    check_eq(s.lo, c.lo, "AES-128 encrypt %s: bytes 0-7", pt_hex);
    check_eq(s.hi, c.hi, "AES-128 encrypt %s: bytes 8-15", pt_hex);

    /* Equivalent inverse cipher (FIPS-197 5.3.5): round keys 9..1 through InvMixColumns. */
    s = c;
    for (int r = 10; r > 1; r--) {
        s = VINSN("aesd v0.16b, v1.16b", s, r == 10 ? rk[10] :
                  VINSN("aesimc v0.16b, v1.16b", zero, rk[r], zero), zero);
        s = VINSN("aesimc v0.16b, v1.16b", zero, s, zero);
    }
    s = vxor(VINSN("aesd v0.16b, v1.16b", s, VINSN("aesimc v0.16b, v1.16b", zero, rk[1], zero),
                   zero), rk[0]);
    check_eq(s.lo, p.lo, "AES-128 decrypt %s: bytes 0-7", ct_hex);
    check_eq(s.hi, p.hi, "AES-128 decrypt %s: bytes 8-15", ct_hex);
}

/* ---- SHA padding (FIPS 180-4 5.1.1) into 64-byte blocks of big-endian words ---- */

static int pad_message(const char *msg, u32 words[][16])
{
    int len = (int)strlen(msg), nblocks = (len + 8) / 64 + 1;
    u8 buf[128];

    memset(buf, 0, sizeof(buf));
    memcpy(buf, msg, len);
    buf[len] = 0x80;
    for (int i = 0; i < 8; i++) {
        buf[64 * nblocks - 1 - i] = (u8)(((u64)len * 8) >> (8 * i));
    }
    for (int b = 0; b < nblocks; b++) {
        for (int i = 0; i < 16; i++) {
            const u8 *q = buf + 64 * b + 4 * i;
            words[b][i] = (u32)q[0] << 24 | q[1] << 16 | q[2] << 8 | q[3];
        }
    }
    return nblocks;
}

static void check_digest(const u32 *h, int nwords, const char *exp_hex, const char *what)
{
    u8 exp[32];

    unhex(exp_hex, exp, 4 * nwords);
    for (int i = 0; i < nwords; i++) {
        u32 e = (u32)exp[4 * i] << 24 | exp[4 * i + 1] << 16 | exp[4 * i + 2] << 8 | exp[4 * i + 3];
        check_eq(h[i], e, "%s: digest word %d", what, i);
    }
}

/* ---- SHA-1 ---- */

static void sha1_check(const char *msg, const char *digest)
{
    static const u32 k[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };  /* 4.2.1 */
    u32 words[2][16], h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
    int nblocks = pad_message(msg, words);

    for (int b = 0; b < nblocks; b++) {
        v128 w[20], abcd = lanes(h[0], h[1], h[2], h[3]), e = { h[4], 0 };
        for (int i = 0; i < 4; i++) {
            w[i] = lanes(words[b][4 * i], words[b][4 * i + 1], words[b][4 * i + 2],
                         words[b][4 * i + 3]);
        }
        for (int i = 4; i < 20; i++) {   /* message schedule, four words at a time */
            v128 t = VINSN("sha1su0 v0.4s, v1.4s, v2.4s", w[i - 4], w[i - 3], w[i - 2]);
            w[i] = VINSN("sha1su1 v0.4s, v1.4s", t, w[i - 1], zero);
        }
        for (int i = 0; i < 20; i++) {   /* four rounds at a time */
            u32 kk = k[i / 5];
            v128 wk = add32(w[i], lanes(kk, kk, kk, kk));
            v128 e_next = VINSN("sha1h s0, s1", zero, abcd, zero);
            if (i < 5) {
                abcd = VINSN("sha1c q0, s1, v2.4s", abcd, e, wk);
            } else if (i >= 10 && i < 15) {
                abcd = VINSN("sha1m q0, s1, v2.4s", abcd, e, wk);
            } else {
                abcd = VINSN("sha1p q0, s1, v2.4s", abcd, e, wk);
            }
            e = e_next;
        }
        for (int i = 0; i < 4; i++) {
            h[i] += lane(abcd, i);
        }
        h[4] += lane(e, 0);
    }
    check_digest(h, 5, digest, "SHA-1");
}

/* ---- SHA-256 ---- */

/* FIPS 180-4 4.2.2: K[t] = the first 32 bits of the fractional part of cbrt(prime t), that is
 * floor(cbrt(p * 2^96)) mod 2^32, found by bisection in 128-bit integers. */
static void sha256_constants(u32 k[64])
{
    int n = 0;

    for (u32 p = 2; n < 64; p++) {
        int prime = 1;
        for (u32 d = 2; d * d <= p; d++) {
            if (p % d == 0) {
                prime = 0;
            }
        }
        if (!prime) {
            continue;
        }
        unsigned __int128 target = (unsigned __int128)p << 96;
        u64 lo = 0, hi = 1ull << 36;
        while (hi - lo > 1) {
            u64 mid = (lo + hi) / 2;
            unsigned __int128 c = (unsigned __int128)mid * mid * mid;
            if (c <= target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        k[n++] = (u32)lo;
    }
}

static void sha256_check(const char *msg, const char *digest)
{
    u32 k[64], words[2][16];
    u32 h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,     /* 5.3.3 */
                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    int nblocks = pad_message(msg, words);

    sha256_constants(k);
    check_eq(k[0], 0x428a2f98, "SHA-256 K[0] derived");
    check_eq(k[63], 0xc67178f2, "SHA-256 K[63] derived");
    for (int b = 0; b < nblocks; b++) {
        v128 w[16], abcd = lanes(h[0], h[1], h[2], h[3]), efgh = lanes(h[4], h[5], h[6], h[7]);
        for (int i = 0; i < 4; i++) {
            w[i] = lanes(words[b][4 * i], words[b][4 * i + 1], words[b][4 * i + 2],
                         words[b][4 * i + 3]);
        }
        for (int i = 4; i < 16; i++) {
            v128 t = VINSN("sha256su0 v0.4s, v1.4s", w[i - 4], w[i - 3], zero);
            w[i] = VINSN("sha256su1 v0.4s, v1.4s, v2.4s", t, w[i - 2], w[i - 1]);
        }
        for (int i = 0; i < 16; i++) {
            v128 wk = add32(w[i], lanes(k[4 * i], k[4 * i + 1], k[4 * i + 2], k[4 * i + 3]));
            v128 old = abcd;
            abcd = VINSN("sha256h q0, q1, v2.4s", abcd, efgh, wk);
            efgh = VINSN("sha256h2 q0, q1, v2.4s", efgh, old, wk);
        }
        for (int i = 0; i < 4; i++) {
            h[i] += lane(abcd, i);
            h[4 + i] += lane(efgh, i);
        }
    }
    check_digest(h, 8, digest, "SHA-256");
}

/* ---- SHA-512 ---- */

/* FIPS 180-4 4.2.3: the first 64 bits of the fractional parts of the cube roots of the first 80
 * primes, and 5.3.5: of the square roots of the first 8. Generated for this test by exact
 * integer roots (floor(cbrt(p << 192)) and floor(sqrt(p << 128)), modulo 2^64), not copied. */
static const u64 k512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL
};

static void sha512_check(const char *msg, const char *digest)
{
    u64 h[8] = { 0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL };
    int len = (int)strlen(msg), nblocks = (len + 16) / 128 + 1;
    u8 buf[256], exp[64];

    memset(buf, 0, sizeof(buf));
    memcpy(buf, msg, len);
    buf[len] = 0x80;                                    /* 5.1.2: 128-bit length */
    for (int i = 0; i < 8; i++) {
        buf[128 * nblocks - 1 - i] = (u8)(((u64)len * 8) >> (8 * i));
    }
    for (int b = 0; b < nblocks; b++) {
        u64 w[80], a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6];
        u64 hh = h[7];
        for (int i = 0; i < 16; i++) {
            w[i] = 0;
            for (int j = 0; j < 8; j++) {
                w[i] = w[i] << 8 | buf[128 * b + 8 * i + j];
            }
        }
        /* Two schedule words at a time: SHA512SU0 {W[t-16], W[t-15]}, W[t-14] gives
         * W[t-16] + sigma0(W[t-15]) and its successor; SHA512SU1 adds sigma1 of
         * {W[t-2], W[t-1]} and {W[t-7], W[t-6]}. */
        for (int t = 16; t < 80; t += 2) {
            v128 s0 = VINSN("sha512su0 v0.2d, v1.2d", ((v128){ w[t - 16], w[t - 15] }),
                            ((v128){ w[t - 14], w[t - 13] }), zero);
            v128 s1 = VINSN("sha512su1 v0.2d, v1.2d, v2.2d", s0, ((v128){ w[t - 2], w[t - 1] }),
                            ((v128){ w[t - 7], w[t - 6] }));
            w[t] = s1.lo;
            w[t + 1] = s1.hi;
        }
        /* Two rounds at a time: SHA512H with Y = {d, e}, X = {f, g} and W = {g + K + W[t+1],
         * h + K + W[t]} gives T1 of both rounds {T1(t+1), T1(t)}; SHA512H2 with Y = {a, b},
         * X = {c, -} and those T1 gives the two new a {a'', a'}. The new e are d + T1(t) and
         * c + T1(t+1). */
        for (int t = 0; t < 80; t += 2) {
            v128 wk = { g + k512[t + 1] + w[t + 1], hh + k512[t] + w[t] };
            v128 t1 = VINSN("sha512h q0, q1, v2.2d", wk, ((v128){ f, g }), ((v128){ d, e }));
            v128 na = VINSN("sha512h2 q0, q1, v2.2d", t1, ((v128){ c, 0 }), ((v128){ a, bb }));
            u64 e1 = d + t1.hi, e2 = c + t1.lo;
            hh = f;
            g = e;
            f = e1;
            e = e2;
            d = bb;
            c = a;
            bb = na.hi;
            a = na.lo;
        }
        h[0] += a;
        h[1] += bb;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
    unhex(digest, exp, 64);
    for (int i = 0; i < 8; i++) {
        u64 x = 0;
        for (int j = 0; j < 8; j++) {
            x = x << 8 | exp[8 * i + j];
        }
        check_eq(h[i], x, "SHA-512: digest word %d", i);
    }
}

/* ---- SHA-3 helpers ---- */

static void sha3_spot(void)
{
    v128 a = { 0x0123456789abcdefULL, 0xf0f0f0f00f0f0f0fULL };
    v128 b = { 0x8000000000000001ULL, 0x00000000ffffffffULL };
    v128 c = { 0xffffffff00000000ULL, 0x3333333333333333ULL };
    v128 r;

    /* XAR: ROR(a EOR 0, #8) per doubleword */
    r = VINSN("xar v0.2d, v1.2d, v2.2d, #8", zero, a, zero);
    check_eq(r.lo, 0xef0123456789abcdULL, "XAR #8: low");
    check_eq(r.hi, 0x0ff0f0f0f00f0f0fULL, "XAR #8: high");
    /* RAX1: a EOR ROL(b, 1) */
    r = VINSN("rax1 v0.2d, v1.2d, v2.2d", zero, a, b);
    check_eq(r.lo, 0x0123456789abcdefULL ^ 3, "RAX1: low");
    check_eq(r.hi, 0xf0f0f0f00f0f0f0fULL ^ 0x00000001fffffffeULL, "RAX1: high");
    /* EOR3 v0 = v1 ^ v2 ^ v0, BCAX v0 = v1 ^ (v2 & ~v0): Va is v0 */
    r = VINSN("eor3 v0.16b, v1.16b, v2.16b, v0.16b", c, a, b);
    check_eq(r.lo, 0x0123456789abcdefULL ^ 0x8000000000000001ULL ^ 0xffffffff00000000ULL,
             "EOR3: low");
    check_eq(r.hi, 0xf0f0f0f00f0f0f0fULL ^ 0x00000000ffffffffULL ^ 0x3333333333333333ULL,
             "EOR3: high");
    r = VINSN("bcax v0.16b, v1.16b, v2.16b, v0.16b", c, a, b);
    check_eq(r.lo, 0x0123456789abcdefULL ^ 0x0000000000000001ULL, "BCAX: low");
    check_eq(r.hi, 0xf0f0f0f00f0f0f0fULL ^ 0x00000000ccccccccULL, "BCAX: high");
}

void test_main(void)
{
    u64 isar0 = read_sysreg(id_aa64isar0_el1);
    static const char two_block[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

    if (check_true(((isar0 >> 4) & 0xf) >= 1, "ID_AA64ISAR0.AES: FEAT_AES")) {
        /* FIPS-197 Appendix B (cipher example) and Appendix C.1 (AES-128) */
        aes128_check("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734",
                     "3925841d02dc09fbdc118597196a0b32");
        aes128_check("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
                     "69c4e0d86a7b0430d8cdb78070b4c55a");
    }
    if (check_true(((isar0 >> 8) & 0xf) >= 1, "ID_AA64ISAR0.SHA1: FEAT_SHA1")) {
        /* FIPS 180-4 examples (NIST CSRC "Examples with Intermediate Values": SHA1.pdf) */
        sha1_check("abc", "a9993e364706816aba3e25717850c26c9cd0d89d");
        sha1_check(two_block, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    }
    if (check_true(((isar0 >> 12) & 0xf) >= 1, "ID_AA64ISAR0.SHA2: FEAT_SHA256")) {
        sha256_check("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        sha256_check(two_block,
                     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }
    if (check_true(((isar0 >> 12) & 0xf) >= 2, "ID_AA64ISAR0.SHA2: FEAT_SHA512")) {
        sha512_check("abc", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
        sha512_check("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                     "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                     "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                     "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
    }
    if (check_true(((isar0 >> 32) & 0xf) >= 1, "ID_AA64ISAR0.SHA3: FEAT_SHA3")) {
        sha3_spot();
    }
}
