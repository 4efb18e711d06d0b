/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pauth-qarma.c: the QARMA5 block cipher as the Arm ARM's architected PAC algorithm defines it
 * (J1.1.3: ComputePACQARMA, PACCellShuffle, PACCellInvShuffle, PACMult, PACSub, PACInvSub,
 * TweakShuffle, TweakInvShuffle, TweakCellRot, TweakCellInvRot). A 64-bit value is 16 4-bit
 * cells; cell i is bits [4i+3:4i]. */
#include <stdbool.h>
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

static uint64_t cell_shuffle_cells(uint64_t x) { return permute(x, shuffle_src); }
static uint64_t cell_inv_shuffle_cells(uint64_t x) { return permute(x, inv_shuffle_src); }

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

static uint64_t tweak_shuffle_cells(uint64_t x)
{
    uint64_t o = 0;
    for (int i = 0; i < 16; i++) {
        unsigned c = cell(x, tweak_src[i]);
        o |= (uint64_t)(tweak_rot[i] ? tweak_cell_rot(c) : c) << (4 * i);
    }
    return o;
}

/* TweakInvShuffle undoes TweakShuffle cell by cell: cell tweak_src[i] comes back from cell i. */
static uint64_t tweak_inv_shuffle_cells(uint64_t x)
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

static uint64_t sub_cells(uint64_t x) { return substitute(x, sbox); }
static uint64_t inv_sub_cells(uint64_t x) { return substitute(x, inv_sbox); }

/* ---- Fast forms: every step above maps each byte of the input to its own contribution to
 * the output (the S-boxes keep cells in place, the shuffles move them), so a step is the OR
 * over the 8 input bytes of a 256-entry table, built once from the cell-by-cell functions
 * (6 x 16 KiB). ---- */
typedef uint64_t (*CellFn)(uint64_t);
enum { T_SHUFFLE, T_INV_SHUFFLE, T_TWEAK, T_TWEAK_INV, T_SUB, T_INV_SUB, T_NUM };
static uint64_t tables[T_NUM][8][256];
static bool tables_ready;

static void init_once(void)
{
    static const CellFn fns[T_NUM] = { cell_shuffle_cells, cell_inv_shuffle_cells,
                                       tweak_shuffle_cells, tweak_inv_shuffle_cells,
                                       sub_cells, inv_sub_cells };
    if (tables_ready) {
        return;
    }
    for (int t = 0; t < T_NUM; t++) {
        for (int b = 0; b < 8; b++) {
            for (int v = 0; v < 256; v++) {
                uint64_t out = fns[t]((uint64_t)v << (8 * b));
                /* An S-box maps the other (zero) cells to non-zero values: keep this byte's. */
                if (t == T_SUB || t == T_INV_SUB) {
                    out &= 0xffull << (8 * b);
                }
                tables[t][b][v] = out;
            }
        }
    }
    tables_ready = true;
}

static inline uint64_t lookup(int t, uint64_t x)
{
    const uint64_t (*tb)[256] = tables[t];
    return tb[0][x & 0xff] | tb[1][(x >> 8) & 0xff] | tb[2][(x >> 16) & 0xff] |
           tb[3][(x >> 24) & 0xff] | tb[4][(x >> 32) & 0xff] | tb[5][(x >> 40) & 0xff] |
           tb[6][(x >> 48) & 0xff] | tb[7][(x >> 56) & 0xff];
}

uint64_t pauth_cell_shuffle(uint64_t x) { init_once(); return lookup(T_SHUFFLE, x); }
uint64_t pauth_cell_inv_shuffle(uint64_t x) { init_once(); return lookup(T_INV_SHUFFLE, x); }
uint64_t pauth_tweak_shuffle(uint64_t x) { init_once(); return lookup(T_TWEAK, x); }
uint64_t pauth_tweak_inv_shuffle(uint64_t x) { init_once(); return lookup(T_TWEAK_INV, x); }
uint64_t pauth_sub(uint64_t x) { init_once(); return lookup(T_SUB, x); }
uint64_t pauth_inv_sub(uint64_t x) { init_once(); return lookup(T_INV_SUB, x); }

/* Rotate every 4-bit cell left by 1 or 2 at once. */
static inline uint64_t rol1_cells(uint64_t x)
{
    return ((x << 1) & 0xeeeeeeeeeeeeeeeeull) | ((x >> 3) & 0x1111111111111111ull);
}

static inline uint64_t rol2_cells(uint64_t x)
{
    return ((x << 2) & 0xccccccccccccccccull) | ((x >> 2) & 0x3333333333333333ull);
}

/* PACMult: cells i, i+4, i+8, i+12 form a column, so the 16-bit rows (cells 4r..4r+3) combine
 * whole. With a, b, c, d the rows 0..3:
 *   row 3 = ROL1(c) ^ ROL2(b) ^ ROL1(a)      row 2 = ROL1(d) ^ ROL1(b) ^ ROL2(a)
 *   row 1 = ROL2(d) ^ ROL1(c) ^ ROL1(a)      row 0 = ROL1(d) ^ ROL2(c) ^ ROL1(b) */
static uint64_t pac_mult(uint64_t s)
{
    uint64_t r1 = rol1_cells(s), r2 = rol2_cells(s);
#define ROW(v, k) (((v) >> (16 * (k))) & 0xffff)
    uint64_t o3 = ROW(r1, 2) ^ ROW(r2, 1) ^ ROW(r1, 0);
    uint64_t o2 = ROW(r1, 3) ^ ROW(r1, 1) ^ ROW(r2, 0);
    uint64_t o1 = ROW(r2, 3) ^ ROW(r1, 2) ^ ROW(r1, 0);
    uint64_t o0 = ROW(r1, 3) ^ ROW(r2, 2) ^ ROW(r1, 1);
#undef ROW
    return o0 | o1 << 16 | o2 << 32 | o3 << 48;
}

uint64_t pauth_mult(uint64_t x) { return pac_mult(x); }

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

    init_once();

    for (int i = 0; i <= iterations; i++) {
        w ^= key1 ^ runningmod;
        w ^= rc[i];
        if (i > 0) {
            w = pac_mult(lookup(T_SHUFFLE, w));
        }
        w = lookup(T_SUB, w);
        runningmod = lookup(T_TWEAK, runningmod);
    }
    w ^= modk0 ^ runningmod;
    w = lookup(T_SUB, pac_mult(lookup(T_SHUFFLE, w)));
    w = pac_mult(lookup(T_SHUFFLE, w));
    w ^= key1;
    w = lookup(T_INV_SHUFFLE, w);
    w = lookup(T_INV_SHUFFLE, pac_mult(lookup(T_INV_SUB, w)));
    w ^= key0 ^ runningmod;
    for (int i = 0; i <= iterations; i++) {
        w = lookup(T_INV_SUB, w);
        if (i < iterations) {
            w = lookup(T_INV_SHUFFLE, pac_mult(w));
        }
        runningmod = lookup(T_TWEAK_INV, runningmod);
        w ^= rc[iterations - i];
        w ^= key1 ^ runningmod;
        w ^= alpha;
    }
    return w ^ modk0;
}
