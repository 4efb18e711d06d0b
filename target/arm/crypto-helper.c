/* SPDX-License-Identifier: GPL-2.0-or-later */
/* crypto-helper.c: the Armv8 Cryptographic Extension, run out of line by trans-crypto.c.
 * One helper, helper_crypto(desc), with desc = op | rd << 8 | rn << 13 | rm << 18 | ra << 23 |
 * imm << 28 (CRYPTO_DESC in crypto.h). It reads and writes only env->vregs.
 * Each operation follows the Arm ARM pseudocode of its instruction (section C7.2) and the
 * shared functions it calls (shared/functions/crypto: AESSubBytes, AESShiftRows,
 * AESMixColumns and their inverses, SHAchoose, SHAparity, SHAmajority, SHA256hash,
 * SHAhashSIGMA0/1). The AES S-box is computed from its definition in FIPS-197 section 5.1.1
 * (multiplicative inverse in GF(2^8), then the affine transformation), not from a table. */
#include <string.h>
#include "cpu.h"
#include "helper.h"
#include "crypto.h"

typedef struct {
    uint32_t w[4];
} V128w;

static V128w vget(CPUARMState *env, unsigned r)
{
    V128w v;

    for (int i = 0; i < 4; i++) {
        v.w[i] = (uint32_t)(env->vregs[r][i / 2] >> (32 * (i % 2)));
    }
    return v;
}

static void vset(CPUARMState *env, unsigned r, V128w v)
{
    env->vregs[r][0] = v.w[0] | (uint64_t)v.w[1] << 32;
    env->vregs[r][1] = v.w[2] | (uint64_t)v.w[3] << 32;
}

static uint8_t vbyte(const V128w *v, int i)
{
    return (uint8_t)(v->w[i / 4] >> (8 * (i % 4)));
}

static void vsetbyte(V128w *v, int i, uint8_t b)
{
    v->w[i / 4] = (v->w[i / 4] & ~(0xffu << (8 * (i % 4)))) | (uint32_t)b << (8 * (i % 4));
}

static uint32_t ror32(uint32_t x, int n)
{
    n &= 31;
    return n ? (x >> n) | (x << (32 - n)) : x;
}

static uint32_t rol32(uint32_t x, int n)
{
    return ror32(x, 32 - (n & 31));
}

static uint64_t ror64(uint64_t x, int n)
{
    n &= 63;
    return n ? (x >> n) | (x << (64 - n)) : x;
}

/* ---- AES (FIPS-197) ---- */

/* Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 section 4.2). */
static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t p = 0;

    while (b) {
        if (b & 1) {
            p ^= a;
        }
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

static uint8_t sbox[256], inv_sbox[256];

/* FIPS-197 5.1.1: b = inverse(x) (0 maps to 0), then b'_i = b_i ^ b_(i+4) ^ b_(i+5) ^ b_(i+6) ^
 * b_(i+7) ^ c_i with c = 0x63 (bit indices modulo 8). */
static void aes_init_sboxes(void)
{
    if (sbox[0]) {
        return;
    }
    for (int x = 0; x < 256; x++) {
        uint8_t inv = 0, s;
        for (int y = 1; y < 256 && x; y++) {
            if (gf_mul((uint8_t)x, (uint8_t)y) == 1) {
                inv = (uint8_t)y;
                break;
            }
        }
        s = 0x63;
        for (int i = 0; i < 8; i++) {
            int bit = ((inv >> i) ^ (inv >> ((i + 4) % 8)) ^ (inv >> ((i + 5) % 8)) ^
                       (inv >> ((i + 6) % 8)) ^ (inv >> ((i + 7) % 8))) & 1;
            s ^= (uint8_t)(bit << i);
        }
        sbox[x] = s;
        inv_sbox[s] = (uint8_t)x;
    }
}

/* The state is column-major: byte 4 * c + r of the vector is row r, column c (AESShiftRows
 * etc. index it the same way as FIPS-197's in[r + 4c]). */
static V128w aes_shift_rows(V128w in, bool inverse)
{
    V128w out = in;

    for (int c = 0; c < 4; c++) {
        for (int r = 0; r < 4; r++) {
            if (inverse) {
                vsetbyte(&out, 4 * ((c + r) % 4) + r, vbyte(&in, 4 * c + r));
            } else {
                vsetbyte(&out, 4 * c + r, vbyte(&in, 4 * ((c + r) % 4) + r));
            }
        }
    }
    return out;
}

static V128w aes_sub_bytes(V128w in, bool inverse)
{
    for (int i = 0; i < 16; i++) {
        uint8_t b = vbyte(&in, i);
        vsetbyte(&in, i, inverse ? inv_sbox[b] : sbox[b]);
    }
    return in;
}

/* FIPS-197 5.1.3 (coefficients {02}{03}{01}{01}) and 5.3.3 ({0e}{0b}{0d}{09}). */
static V128w aes_mix_columns(V128w in, bool inverse)
{
    static const uint8_t fwd[4] = { 2, 3, 1, 1 }, inv[4] = { 14, 11, 13, 9 };
    const uint8_t *k = inverse ? inv : fwd;
    V128w out = in;

    for (int c = 0; c < 4; c++) {
        for (int r = 0; r < 4; r++) {
            uint8_t acc = 0;
            for (int j = 0; j < 4; j++) {
                acc ^= gf_mul(k[(j - r + 4) % 4], vbyte(&in, 4 * c + j));
            }
            vsetbyte(&out, 4 * c + r, acc);
        }
    }
    return out;
}

/* ---- SHA shared functions ---- */

static uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
static uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
static uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }

/* SHA1C/SHA1P/SHA1M (C7.2.262..264): X = Qd, Y = Sn, W = Vm.4S. */
static V128w sha1_hash(V128w x, uint32_t y, V128w w, uint32_t (*f)(uint32_t, uint32_t, uint32_t))
{
    for (int e = 0; e < 4; e++) {
        uint32_t t = f(x.w[1], x.w[2], x.w[3]), top;
        y = y + rol32(x.w[0], 5) + t + w.w[e];
        x.w[1] = rol32(x.w[1], 30);
        /* <Y, X> = ROL(Y : X, 32) */
        top = x.w[3];
        x.w[3] = x.w[2];
        x.w[2] = x.w[1];
        x.w[1] = x.w[0];
        x.w[0] = y;
        y = top;
    }
    return x;
}

static uint32_t sha256_S0(uint32_t x) { return ror32(x, 2) ^ ror32(x, 13) ^ ror32(x, 22); }
static uint32_t sha256_S1(uint32_t x) { return ror32(x, 6) ^ ror32(x, 11) ^ ror32(x, 25); }

/* SHA256hash(X, Y, W, part1) (shared/functions/crypto). */
static V128w sha256_hash(V128w x, V128w y, V128w w, bool part1)
{
    for (int e = 0; e < 4; e++) {
        uint32_t chs = sha_choose(y.w[0], y.w[1], y.w[2]);
        uint32_t maj = sha_majority(x.w[0], x.w[1], x.w[2]);
        uint32_t t = y.w[3] + sha256_S1(y.w[0]) + chs + w.w[e];
        uint32_t xt, yt;
        x.w[3] = t + x.w[3];
        y.w[3] = t + sha256_S0(x.w[0]) + maj;
        /* <Y, X> = ROL(Y : X, 32) */
        xt = x.w[3];
        yt = y.w[3];
        memmove(&x.w[1], &x.w[0], 3 * sizeof(uint32_t));
        memmove(&y.w[1], &y.w[0], 3 * sizeof(uint32_t));
        x.w[0] = yt;
        y.w[0] = xt;
    }
    return part1 ? x : y;
}

static uint64_t sha512_s0(uint64_t x) { return ror64(x, 1) ^ ror64(x, 8) ^ (x >> 7); }
static uint64_t sha512_s1(uint64_t x) { return ror64(x, 19) ^ ror64(x, 61) ^ (x >> 6); }
static uint64_t sha512_S0(uint64_t x) { return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39); }
static uint64_t sha512_S1(uint64_t x) { return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41); }

/* Carry-less 64 x 64 -> 128 multiplication (PolynomialMult). */
static void clmul64(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi)
{
    uint64_t l = 0, h = 0;

    for (int i = 0; i < 64; i++) {
        if ((b >> i) & 1) {
            l ^= a << i;
            h ^= i ? a >> (64 - i) : 0;
        }
    }
    *lo = l;
    *hi = h;
}

DEF_HELPER_FN(crypto)
{
    CPUARMState *env = env_;
    unsigned op = a0 & 0xff, rd = (a0 >> 8) & 31, rn = (a0 >> 13) & 31, rm = (a0 >> 18) & 31;
    unsigned ra = (a0 >> 23) & 31, imm = (a0 >> 28) & 63;
    V128w d = vget(env, rd), n = vget(env, rn), m = vget(env, rm), r;
    uint64_t *vd = env->vregs[rd], *vn = env->vregs[rn], *vm = env->vregs[rm];
    uint64_t *va = env->vregs[ra], lo, hi, t;

    aes_init_sboxes();
    switch (op) {
    case CRYPTO_AESE:   /* C7.2.7: AESSubBytes(AESShiftRows(V[d] EOR V[n])) */
    case CRYPTO_AESD:   /* C7.2.6: AESInvSubBytes(AESInvShiftRows(V[d] EOR V[n])) */
        for (int i = 0; i < 4; i++) {
            r.w[i] = d.w[i] ^ n.w[i];
        }
        r = aes_sub_bytes(aes_shift_rows(r, op == CRYPTO_AESD), op == CRYPTO_AESD);
        vset(env, rd, r);
        break;
    case CRYPTO_AESMC:  /* C7.2.9: AESMixColumns(V[n]) */
    case CRYPTO_AESIMC: /* C7.2.8: AESInvMixColumns(V[n]) */
        vset(env, rd, aes_mix_columns(n, op == CRYPTO_AESIMC));
        break;
    case CRYPTO_SHA1C:
        vset(env, rd, sha1_hash(d, n.w[0], m, sha_choose));
        break;
    case CRYPTO_SHA1P:
        vset(env, rd, sha1_hash(d, n.w[0], m, sha_parity));
        break;
    case CRYPTO_SHA1M:
        vset(env, rd, sha1_hash(d, n.w[0], m, sha_majority));
        break;
    case CRYPTO_SHA1H:  /* C7.2.263: ROL(Sn, 30), zero-extended */
        vd[0] = rol32(n.w[0], 30);
        vd[1] = 0;
        break;
    case CRYPTO_SHA1SU0: /* C7.2.266: (V[n]<63:0> : V[d]<127:64>) EOR V[d] EOR V[m] */
        r.w[0] = d.w[2];
        r.w[1] = d.w[3];
        r.w[2] = n.w[0];
        r.w[3] = n.w[1];
        for (int i = 0; i < 4; i++) {
            r.w[i] ^= d.w[i] ^ m.w[i];
        }
        vset(env, rd, r);
        break;
    case CRYPTO_SHA1SU1: { /* C7.2.267: T = V[d] EOR LSR(V[n], 32) */
        uint32_t tw[4] = { d.w[0] ^ n.w[1], d.w[1] ^ n.w[2], d.w[2] ^ n.w[3], d.w[3] };
        for (int i = 0; i < 4; i++) {
            r.w[i] = rol32(tw[i], 1);
        }
        r.w[3] ^= rol32(tw[0], 2);
        vset(env, rd, r);
        break;
    }
    case CRYPTO_SHA256H:  /* C7.2.269: SHA256hash(V[d], V[n], V[m], TRUE) */
        vset(env, rd, sha256_hash(d, n, m, true));
        break;
    case CRYPTO_SHA256H2: /* C7.2.268: SHA256hash(V[n], V[d], V[m], FALSE) */
        vset(env, rd, sha256_hash(n, d, m, false));
        break;
    case CRYPTO_SHA256SU0: { /* C7.2.270: T = V[n]<31:0> : V[d]<127:32> */
        uint32_t tw[4] = { d.w[1], d.w[2], d.w[3], n.w[0] };
        for (int i = 0; i < 4; i++) {
            r.w[i] = (ror32(tw[i], 7) ^ ror32(tw[i], 18) ^ (tw[i] >> 3)) + d.w[i];
        }
        vset(env, rd, r);
        break;
    }
    case CRYPTO_SHA256SU1: { /* C7.2.271: T0 = V[m]<31:0> : V[n]<127:32>, T1 = V[m]<127:64> */
        uint32_t t0[4] = { n.w[1], n.w[2], n.w[3], m.w[0] };
        for (int e = 0; e < 4; e++) {
            uint32_t elt = e < 2 ? m.w[2 + e] : r.w[e - 2];
            elt = ror32(elt, 17) ^ ror32(elt, 19) ^ (elt >> 10);
            r.w[e] = elt + d.w[e] + t0[e];
        }
        vset(env, rd, r);
        break;
    }
    case CRYPTO_SHA512H: { /* C7.2.273: X = V[n], Y = V[m], W = V[d] */
        uint64_t x0 = vn[0], x1 = vn[1], y0 = vm[0], y1 = vm[1], w0 = vd[0], w1 = vd[1], r0, r1;
        r1 = ((y1 & x0) ^ (~y1 & x1)) + sha512_S1(y1) + w1;
        t = r1 + y0;
        r0 = ((t & y1) ^ (~t & x0)) + sha512_S1(t) + w0;
        vd[0] = r0;
        vd[1] = r1;
        break;
    }
    case CRYPTO_SHA512H2: { /* C7.2.274: X = V[n], Y = V[m], W = V[d] */
        uint64_t x0 = vn[0], y0 = vm[0], y1 = vm[1], w0 = vd[0], w1 = vd[1], r0, r1;
        r1 = ((x0 & y1) ^ (x0 & y0) ^ (y1 & y0)) + sha512_S0(y0) + w1;
        r0 = ((r1 & y0) ^ (r1 & y1) ^ (y1 & y0)) + sha512_S0(r1) + w0;
        vd[0] = r0;
        vd[1] = r1;
        break;
    }
    case CRYPTO_SHA512SU0: { /* C7.2.275 */
        uint64_t d0 = vd[0], d1 = vd[1], n0 = vn[0];
        vd[0] = d0 + sha512_s0(d1);
        vd[1] = d1 + sha512_s0(n0);
        break;
    }
    case CRYPTO_SHA512SU1: { /* C7.2.276 */
        uint64_t r0 = vd[0] + sha512_s1(vn[0]) + vm[0], r1 = vd[1] + sha512_s1(vn[1]) + vm[1];
        vd[0] = r0;
        vd[1] = r1;
        break;
    }
    case CRYPTO_EOR3: { /* C7.2.51: Vn EOR Vm EOR Va */
        uint64_t r0 = vn[0] ^ vm[0] ^ va[0], r1 = vn[1] ^ vm[1] ^ va[1];
        vd[0] = r0;
        vd[1] = r1;
        break;
    }
    case CRYPTO_BCAX: { /* C7.2.21: Vn EOR (Vm AND NOT(Va)) */
        uint64_t r0 = vn[0] ^ (vm[0] & ~va[0]), r1 = vn[1] ^ (vm[1] & ~va[1]);
        vd[0] = r0;
        vd[1] = r1;
        break;
    }
    case CRYPTO_RAX1: { /* C7.2.215: Vn EOR ROL(Vm, 1), per 64-bit element */
        uint64_t r0 = vn[0] ^ ror64(vm[0], 63), r1 = vn[1] ^ ror64(vm[1], 63);
        vd[0] = r0;
        vd[1] = r1;
        break;
    }
    case CRYPTO_XAR: { /* C7.2.403: ROR(Vn EOR Vm, imm6), per 64-bit element */
        uint64_t r0 = ror64(vn[0] ^ vm[0], imm), r1 = ror64(vn[1] ^ vm[1], imm);
        vd[0] = r0;
        vd[1] = r1;
        break;
    }
    case CRYPTO_PMULL64:  /* C7.2.211: PolynomialMult(Vn.D[0], Vm.D[0]) */
    case CRYPTO_PMULL2_64: { /* the upper halves */
        unsigned part = op == CRYPTO_PMULL2_64;
        clmul64(vn[part], vm[part], &lo, &hi);
        vd[0] = lo;
        vd[1] = hi;
        break;
    }
    default:
        break;
    }
    return 0;
}
