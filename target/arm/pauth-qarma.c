/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pauth-qarma.c: the QARMA5 block cipher as the Arm ARM's architected PAC algorithm defines it
 * (J1.1.3: ComputePACQARMA, PACCellShuffle, PACCellInvShuffle, PACMult, PACSub, PACInvSub,
 * TweakShuffle, TweakInvShuffle, TweakCellRot, TweakCellInvRot). A 64-bit value is 16 4-bit
 * cells; cell i is bits [4i+3:4i]. */
#include "pauth.h"

static inline unsigned cell(uint64_t x, int i)
{
    return (unsigned)(x >> (4 * i)) & 0xf;
}

/* out cell i = in cell src[i] */
static uint64_t permute(uint64_t x, const uint8_t src[16])
{
    uint64_t o = 0;
    for (int i = 0; i < 16; i++) {
        o |= (uint64_t)cell(x, src[i]) << (4 * i);
    }
    return o;
}

/* PACCellShuffle and PACCellInvShuffle */
static const uint8_t shuffle_src[16] = { 13, 6, 11, 0, 7, 12, 1, 10, 8, 3, 14, 5, 2, 9, 4, 15 };
static const uint8_t inv_shuffle_src[16] = { 3, 6, 12, 9, 14, 11, 1, 4, 8, 13, 7, 2, 5, 0, 10, 15 };

uint64_t pauth_cell_shuffle(uint64_t x) { return permute(x, shuffle_src); }
uint64_t pauth_cell_inv_shuffle(uint64_t x) { return permute(x, inv_shuffle_src); }

/* TweakShuffle: out cell i = in cell tweak_src[i], through TweakCellRot where tweak_rot[i]. */
static const uint8_t tweak_src[16] = { 4, 5, 6, 7, 11, 2, 3, 8, 12, 13, 14, 15, 0, 1, 10, 9 };
static const uint8_t tweak_rot[16] = { 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1 };

/* TweakCellRot: out<3> = in<0> EOR in<1>, out<2:0> = in<3:1>. */
static unsigned tweak_cell_rot(unsigned c)
{
    return (c >> 1) | (((c ^ (c >> 1)) & 1) << 3);
}

/* TweakCellInvRot: out<3:1> = in<2:0>, out<0> = in<0> EOR in<3>. */
static unsigned tweak_cell_inv_rot(unsigned c)
{
    return ((c << 1) & 0xe) | ((c ^ (c >> 3)) & 1);
}

uint64_t pauth_tweak_shuffle(uint64_t x)
{
    uint64_t o = 0;
    for (int i = 0; i < 16; i++) {
        unsigned c = cell(x, tweak_src[i]);
        o |= (uint64_t)(tweak_rot[i] ? tweak_cell_rot(c) : c) << (4 * i);
    }
    return o;
}

/* TweakInvShuffle undoes TweakShuffle cell by cell: cell tweak_src[i] comes back from cell i. */
uint64_t pauth_tweak_inv_shuffle(uint64_t x)
{
    uint64_t o = 0;
    for (int i = 0; i < 16; i++) {
        unsigned c = cell(x, i);
        o |= (uint64_t)(tweak_rot[i] ? tweak_cell_inv_rot(c) : c) << (4 * tweak_src[i]);
    }
    return o;
}

/* PACSub (the PRINCE S-box, QARMA's sigma2) and PACInvSub */
static const uint8_t sbox[16] = { 0xb, 0x6, 0x8, 0xf, 0xc, 0x0, 0x9, 0xe,
                                  0x3, 0x7, 0x4, 0x5, 0xd, 0x2, 0x1, 0xa };
static const uint8_t inv_sbox[16] = { 0x5, 0xe, 0xd, 0x8, 0xa, 0xb, 0x1, 0x9,
                                      0x2, 0x6, 0xf, 0x0, 0x4, 0xc, 0x7, 0x3 };

static uint64_t substitute(uint64_t x, const uint8_t box[16])
{
    uint64_t o = 0;
    for (int i = 0; i < 16; i++) {
        o |= (uint64_t)box[cell(x, i)] << (4 * i);
    }
    return o;
}

uint64_t pauth_sub(uint64_t x) { return substitute(x, sbox); }
uint64_t pauth_inv_sub(uint64_t x) { return substitute(x, inv_sbox); }

static inline unsigned rol4(unsigned c, int n)
{
    return ((c << n) | (c >> (4 - n))) & 0xf;
}

/* PACMult: each column (cells i, i+4, i+8, i+12) times the involutory matrix circ(0, r, r^2, r). */
static uint64_t pac_mult(uint64_t s)
{
    uint64_t o = 0;
    for (int i = 0; i < 4; i++) {
        unsigned a = cell(s, i), b = cell(s, i + 4), c = cell(s, i + 8), d = cell(s, i + 12);
        unsigned t0 = rol4(c, 1) ^ rol4(b, 2) ^ rol4(a, 1);
        unsigned t1 = rol4(d, 1) ^ rol4(b, 1) ^ rol4(a, 2);
        unsigned t2 = rol4(d, 2) ^ rol4(c, 1) ^ rol4(a, 1);
        unsigned t3 = rol4(d, 1) ^ rol4(c, 2) ^ rol4(b, 1);
        o |= (uint64_t)t3 << (4 * i) | (uint64_t)t2 << (4 * (i + 4)) |
             (uint64_t)t1 << (4 * (i + 8)) | (uint64_t)t0 << (4 * (i + 12));
    }
    return o;
}

/* ComputePACQARMA, QARMA5 (iterations = 4). */
uint64_t pauth_computepac_qarma5(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1)
{
    static const uint64_t rc[5] = { 0x0000000000000000ull, 0x13198A2E03707344ull,
                                    0xA4093822299F31D0ull, 0x082EFA98EC4E6C89ull,
                                    0x452821E638D01377ull };
    const uint64_t alpha = 0xC0AC29B7C97C50DDull;
    const int iterations = 4;
    /* modk0 = key0<0> : key0<63:2> : (key0<63> EOR key0<1>) */
    uint64_t modk0 = (key0 << 63) | ((key0 >> 2) << 1) | (((key0 >> 63) ^ (key0 >> 1)) & 1);
    uint64_t runningmod = modifier;
    uint64_t w = data ^ key0;

    for (int i = 0; i <= iterations; i++) {
        w ^= key1 ^ runningmod;
        w ^= rc[i];
        if (i > 0) {
            w = pac_mult(pauth_cell_shuffle(w));
        }
        w = pauth_sub(w);
        runningmod = pauth_tweak_shuffle(runningmod);
    }
    w ^= modk0 ^ runningmod;
    w = pauth_sub(pac_mult(pauth_cell_shuffle(w)));
    w = pac_mult(pauth_cell_shuffle(w));
    w ^= key1;
    w = pauth_cell_inv_shuffle(w);
    w = pauth_cell_inv_shuffle(pac_mult(pauth_inv_sub(w)));
    w ^= key0 ^ runningmod;
    for (int i = 0; i <= iterations; i++) {
        w = pauth_inv_sub(w);
        if (i < iterations) {
            w = pauth_cell_inv_shuffle(pac_mult(w));
        }
        runningmod = pauth_tweak_inv_shuffle(runningmod);
        w ^= rc[iterations - i];
        w ^= key1 ^ runningmod;
        w ^= alpha;
    }
    return w ^ modk0;
}
