/* SPDX-License-Identifier: BSD-3-Clause */
/* p384-point.c: P-384 curve constants, complete point formulas and scalar multiplication. */
#include "p384-curve.h"
#include "lib/mem.h"
#include "util.h"

/* Constants are least significant 64 bits first. rr, one and m0inv follow from m; they were
 * derived offline and are checked indirectly by every published vector the tests run. */
const ModCtx p384_p = {
    /* p = 2^384 - 2^128 - 2^96 + 2^32 - 1 */
    .m = { { L64(0x00000000ffffffff), L64(0xffffffff00000000), L64(0xfffffffffffffffe),
             L64(0xffffffffffffffff), L64(0xffffffffffffffff), L64(0xffffffffffffffff) } },
    .rr = { { L64(0xfffffffe00000001), L64(0x0000000200000000), L64(0xfffffffe00000000),
              L64(0x0000000200000000), L64(0x0000000000000001), L64(0x0000000000000000) } },
    .one = { { L64(0xffffffff00000001), L64(0x00000000ffffffff), L64(0x0000000000000001),
               L64(0x0000000000000000), L64(0x0000000000000000), L64(0x0000000000000000) } },
    /* The low LIMB_BITS of -p^-1 mod 2^64 are -p^-1 mod 2^LIMB_BITS for either limb width. */
    .m0inv = (limb_t)0x0000000100000001,
};

const ModCtx p384_n = {
    .m = { { L64(0xecec196accc52973), L64(0x581a0db248b0a77a), L64(0xc7634d81f4372ddf),
             L64(0xffffffffffffffff), L64(0xffffffffffffffff), L64(0xffffffffffffffff) } },
    .rr = { { L64(0x2d319b2419b409a9), L64(0xff3d81e5df1aa419), L64(0xbc3e483afcb82947),
              L64(0xd40d49174aab1cc5), L64(0x3fb05b7a28266895), L64(0x0c84ee012b39bf21) } },
    .one = { { L64(0x1313e695333ad68d), L64(0xa7e5f24db74f5885), L64(0x389cb27e0bc8d220),
               L64(0x0000000000000000), L64(0x0000000000000000), L64(0x0000000000000000) } },
    .m0inv = (limb_t)0x6ed46089e88fdc45,
};

/* Curve coefficient b and generator G (FIPS 186-4 D.1.2.4), in Montgomery form mod p. */
static const Fe p384_b_mont = { {
    L64(0x081188719d412dcc), L64(0xf729add87a4c32ec), L64(0x77f2209b1920022e),
    L64(0xe3374bee94938ae2), L64(0xb62b21f41f022094), L64(0xcd08114b604fbff9) } };
static const Fe p384_gx_mont = { {
    L64(0x3dd0756649c0b528), L64(0x20e378e2a0d6ce38), L64(0x879c3afc541b4d6e),
    L64(0x6454868459a30eff), L64(0x812ff723614ede2b), L64(0x4d3aadc2299e1513) } };
static const Fe p384_gy_mont = { {
    L64(0x23043dad4b03a4fe), L64(0xa1bfa8bf7bb4a9ac), L64(0x8bade7562e83b050),
    L64(0xc6c3521968f4ffd9), L64(0xdd8002263969a840), L64(0x2b78abc25a15c5e9) } };

#define FP (&p384_p)

void p384_point_infinity(P384Point *r)
{
    memset(r, 0, sizeof(*r));
    r->y = p384_p.one;
}

void p384_point_generator(P384Point *r)
{
    r->x = p384_gx_mont;
    r->y = p384_gy_mont;
    r->z = p384_p.one;
}

/* Complete addition for a = -3 (Renes, Costello, Batina, "Complete addition formulas for prime
 * order elliptic curves", 2016, algorithm 4): correct for every pair of inputs, including
 * doubling and infinity, so no input-dependent branch is needed. */
void p384_point_add(P384Point *r, const P384Point *a, const P384Point *b)
{
    Fe t0, t1, t2, t3, t4, x3, y3, z3;

    mod_mul(FP, &t0, &a->x, &b->x);
    mod_mul(FP, &t1, &a->y, &b->y);
    mod_mul(FP, &t2, &a->z, &b->z);
    mod_add(FP, &t3, &a->x, &a->y);
    mod_add(FP, &t4, &b->x, &b->y);
    mod_mul(FP, &t3, &t3, &t4);
    mod_add(FP, &t4, &t0, &t1);
    mod_sub(FP, &t3, &t3, &t4);         /* t3 = X1 Y2 + X2 Y1 */
    mod_add(FP, &t4, &a->y, &a->z);
    mod_add(FP, &x3, &b->y, &b->z);
    mod_mul(FP, &t4, &t4, &x3);
    mod_add(FP, &x3, &t1, &t2);
    mod_sub(FP, &t4, &t4, &x3);         /* t4 = Y1 Z2 + Y2 Z1 */
    mod_add(FP, &x3, &a->x, &a->z);
    mod_add(FP, &y3, &b->x, &b->z);
    mod_mul(FP, &x3, &x3, &y3);
    mod_add(FP, &y3, &t0, &t2);
    mod_sub(FP, &y3, &x3, &y3);         /* y3 = X1 Z2 + X2 Z1 */
    mod_mul(FP, &z3, &p384_b_mont, &t2);
    mod_sub(FP, &x3, &y3, &z3);
    mod_add(FP, &z3, &x3, &x3);
    mod_add(FP, &x3, &x3, &z3);
    mod_sub(FP, &z3, &t1, &x3);
    mod_add(FP, &x3, &t1, &x3);
    mod_mul(FP, &y3, &p384_b_mont, &y3);
    mod_add(FP, &t1, &t2, &t2);
    mod_add(FP, &t2, &t1, &t2);         /* t2 = 3 Z1 Z2 */
    mod_sub(FP, &y3, &y3, &t2);
    mod_sub(FP, &y3, &y3, &t0);
    mod_add(FP, &t1, &y3, &y3);
    mod_add(FP, &y3, &t1, &y3);
    mod_add(FP, &t1, &t0, &t0);
    mod_add(FP, &t0, &t1, &t0);
    mod_sub(FP, &t0, &t0, &t2);
    mod_mul(FP, &t1, &t4, &y3);
    mod_mul(FP, &t2, &t0, &y3);
    mod_mul(FP, &y3, &x3, &z3);
    mod_add(FP, &y3, &y3, &t2);
    mod_mul(FP, &x3, &t3, &x3);
    mod_sub(FP, &x3, &x3, &t1);
    mod_mul(FP, &z3, &t4, &z3);
    mod_mul(FP, &t1, &t3, &t0);
    mod_add(FP, &z3, &z3, &t1);
    r->x = x3;
    r->y = y3;
    r->z = z3;
}

/* Exception-free doubling for a = -3 (same paper, algorithm 6). */
void p384_point_double(P384Point *r, const P384Point *a)
{
    Fe t0, t1, t2, t3, x3, y3, z3;

    mod_sqr(FP, &t0, &a->x);
    mod_sqr(FP, &t1, &a->y);
    mod_sqr(FP, &t2, &a->z);
    mod_mul(FP, &t3, &a->x, &a->y);
    mod_add(FP, &t3, &t3, &t3);
    mod_mul(FP, &z3, &a->x, &a->z);
    mod_add(FP, &z3, &z3, &z3);
    mod_mul(FP, &y3, &p384_b_mont, &t2);
    mod_sub(FP, &y3, &y3, &z3);
    mod_add(FP, &x3, &y3, &y3);
    mod_add(FP, &y3, &x3, &y3);
    mod_sub(FP, &x3, &t1, &y3);
    mod_add(FP, &y3, &t1, &y3);
    mod_mul(FP, &y3, &x3, &y3);
    mod_mul(FP, &x3, &x3, &t3);
    mod_add(FP, &t3, &t2, &t2);
    mod_add(FP, &t2, &t2, &t3);
    mod_mul(FP, &z3, &p384_b_mont, &z3);
    mod_sub(FP, &z3, &z3, &t2);
    mod_sub(FP, &z3, &z3, &t0);
    mod_add(FP, &t3, &z3, &z3);
    mod_add(FP, &z3, &z3, &t3);
    mod_add(FP, &t3, &t0, &t0);
    mod_add(FP, &t0, &t3, &t0);
    mod_sub(FP, &t0, &t0, &t2);
    mod_mul(FP, &t0, &t0, &z3);
    mod_add(FP, &y3, &y3, &t0);
    mod_mul(FP, &t0, &a->y, &a->z);
    mod_add(FP, &t0, &t0, &t0);
    mod_mul(FP, &z3, &t0, &z3);
    mod_sub(FP, &x3, &x3, &z3);
    mod_mul(FP, &z3, &t0, &t1);
    mod_add(FP, &z3, &z3, &z3);
    mod_add(FP, &z3, &z3, &z3);
    r->x = x3;
    r->y = y3;
    r->z = z3;
}

#define WINDOW_BITS 4
#define TABLE_SIZE (1 << WINDOW_BITS)
_Static_assert(TABLE_SIZE == P384_COMB_SIZE, "table_select serves both tables");

/* table[i] = i * a for i in [0, 16). */
static void build_table(P384Point table[TABLE_SIZE], const P384Point *a)
{
    p384_point_infinity(&table[0]);
    table[1] = *a;
    for (int i = 2; i < TABLE_SIZE; i++) {
        if (i & 1) {
            p384_point_add(&table[i], &table[i - 1], a);
        } else {
            p384_point_double(&table[i], &table[i / 2]);
        }
    }
}

/* The 4-bit digit of k at window w (bits 4w .. 4w+3). Window positions are public. */
static unsigned scalar_digit(const Fe *k, int w)
{
    int bit = w * WINDOW_BITS;

    return (unsigned)(k->v[bit / LIMB_BITS] >> (bit % LIMB_BITS)) & (TABLE_SIZE - 1);
}

/* r = table[idx], reading every entry so the memory trace does not depend on idx. */
static void table_select(P384Point *r, const P384Point table[TABLE_SIZE], unsigned idx)
{
    p384_point_infinity(r);
    for (unsigned i = 0; i < TABLE_SIZE; i++) {
        /* all-ones exactly when i == idx: (i ^ idx) - 1 underflows only for zero. */
        limb_t mask = 0 - (limb_t)((((uint64_t)(i ^ idx)) - 1) >> 63);

        fe_cmov(&r->x, &table[i].x, mask);
        fe_cmov(&r->y, &table[i].y, mask);
        fe_cmov(&r->z, &table[i].z, mask);
    }
}

/* Bit i of k; positions are public. */
static unsigned scalar_bit(const Fe *k, int i)
{
    return (unsigned)(k->v[i / LIMB_BITS] >> (i % LIMB_BITS)) & 1;
}

void p384_scalar_mult_base(P384Point *r, const Fe *k)
{
    const int spacing = 384 / P384_COMB_TEETH;
    P384Point acc, t;

    p384_point_infinity(&acc);
    for (int i = spacing - 1; i >= 0; i--) {
        unsigned d = 0;

        for (int j = 0; j < P384_COMB_TEETH; j++) {
            d |= scalar_bit(k, spacing * j + i) << j;
        }
        p384_point_double(&acc, &acc);
        table_select(&t, p384_comb_table, d);
        p384_point_add(&acc, &acc, &t);
    }
    *r = acc;
    crypto_wipe(&t, sizeof(t));
}

void p384_double_scalar_mult_vartime(P384Point *r, const Fe *k1, const Fe *k2,
                                     const P384Point *a)
{
    P384Point tg[TABLE_SIZE], ta[TABLE_SIZE], g, acc;

    /* Shamir's trick: one shared doubling chain for both scalars. */
    p384_point_generator(&g);
    build_table(tg, &g);
    build_table(ta, a);
    p384_point_infinity(&acc);
    for (int w = 384 / WINDOW_BITS - 1; w >= 0; w--) {
        unsigned d1 = scalar_digit(k1, w), d2 = scalar_digit(k2, w);

        for (int i = 0; i < WINDOW_BITS; i++) {
            p384_point_double(&acc, &acc);
        }
        if (d1) {
            p384_point_add(&acc, &acc, &tg[d1]);
        }
        if (d2) {
            p384_point_add(&acc, &acc, &ta[d2]);
        }
    }
    *r = acc;
}

int p384_point_to_affine(const P384Point *a, Fe *x, Fe *y)
{
    Fe zinv, t;

    memset(x, 0, sizeof(*x));
    memset(y, 0, sizeof(*y));
    if (fe_is_zero(&a->z)) {
        return -1;
    }
    mod_inv(FP, &zinv, &a->z);
    mod_mul(FP, &t, &a->x, &zinv);
    mod_from_mont(FP, x, &t);
    mod_mul(FP, &t, &a->y, &zinv);
    mod_from_mont(FP, y, &t);
    return 0;
}

int p384_point_decode(P384Point *r, const uint8_t in[97])
{
    Fe x, y, lhs, rhs, t;

    /* SEC1 2.3.4: only the uncompressed form is accepted here. */
    if (in[0] != 0x04) {
        return -1;
    }
    if (!fe_from_bytes(FP, &x, in + 1) || !fe_from_bytes(FP, &y, in + 49)) {
        return -1;
    }
    mod_to_mont(FP, &r->x, &x);
    mod_to_mont(FP, &r->y, &y);
    r->z = p384_p.one;

    /* y^2 == x^3 - 3x + b (FIPS 186-4 D.1.2). */
    mod_sqr(FP, &lhs, &r->y);
    mod_sqr(FP, &rhs, &r->x);
    mod_mul(FP, &rhs, &rhs, &r->x);
    mod_add(FP, &t, &r->x, &r->x);
    mod_add(FP, &t, &t, &r->x);
    mod_sub(FP, &rhs, &rhs, &t);
    mod_add(FP, &rhs, &rhs, &p384_b_mont);
    return fe_equal(&lhs, &rhs) ? 0 : -1;
}

int p384_point_encode(uint8_t out[97], const P384Point *a)
{
    Fe x, y;

    if (p384_point_to_affine(a, &x, &y) != 0) {
        return -1;
    }
    out[0] = 0x04;
    fe_to_bytes(out + 1, &x);
    fe_to_bytes(out + 49, &y);
    return 0;
}
