/* SPDX-License-Identifier: BSD-3-Clause */
/* mont384.c: constant-time Montgomery arithmetic modulo an odd 384-bit modulus (HAC 14.36). */
#include "mont384.h"

/* Masks are built from carries and borrows, never from branches, so the instruction trace is
 * the same for every secret value (no secret-dependent branches or addresses). */

limb_t fe_is_zero(const Fe *x)
{
    limb_t acc = 0;

    for (int i = 0; i < NLIMBS; i++) {
        acc |= x->v[i];
    }
    /* acc == 0 exactly when (acc | -acc) has a clear top bit. */
    return ((acc | (0 - acc)) >> (LIMB_BITS - 1)) - 1;
}

limb_t fe_equal(const Fe *a, const Fe *b)
{
    Fe d;

    for (int i = 0; i < NLIMBS; i++) {
        d.v[i] = a->v[i] ^ b->v[i];
    }
    return fe_is_zero(&d);
}

void fe_cmov(Fe *r, const Fe *a, limb_t mask)
{
    for (int i = 0; i < NLIMBS; i++) {
        r->v[i] ^= mask & (r->v[i] ^ a->v[i]);
    }
}

/* r = a - b over NLIMBS limbs; returns the final borrow (0 or 1). */
static limb_t sub_limbs(limb_t *r, const limb_t *a, const limb_t *b)
{
    limb_t borrow = 0;

    for (int i = 0; i < NLIMBS; i++) {
        dlimb_t d = (dlimb_t)a[i] - b[i] - borrow;

        r[i] = (limb_t)d;
        borrow = (limb_t)(d >> LIMB_BITS) & 1;
    }
    return borrow;
}

/* r = a + b over NLIMBS limbs; returns the carry out. */
static limb_t add_limbs(limb_t *r, const limb_t *a, const limb_t *b)
{
    limb_t carry = 0;

    for (int i = 0; i < NLIMBS; i++) {
        dlimb_t s = (dlimb_t)a[i] + b[i] + carry;

        r[i] = (limb_t)s;
        carry = (limb_t)(s >> LIMB_BITS);
    }
    return carry;
}

bool fe_from_bytes(const ModCtx *m, Fe *r, const uint8_t in[48])
{
    Fe t;

    for (int i = 0; i < NLIMBS; i++) {
        limb_t w = 0;

        for (int j = 0; j < LIMB_BITS / 8; j++) {
            w = (w << 8) | in[48 - (i + 1) * (LIMB_BITS / 8) + j];
        }
        r->v[i] = w;
    }
    return sub_limbs(t.v, r->v, m->m.v) == 1;
}

void fe_to_bytes(uint8_t out[48], const Fe *a)
{
    for (int i = 0; i < NLIMBS; i++) {
        limb_t w = a->v[i];

        for (int j = LIMB_BITS / 8 - 1; j >= 0; j--) {
            out[48 - (i + 1) * (LIMB_BITS / 8) + j] = (uint8_t)w;
            w >>= 8;
        }
    }
}

void mod_add(const ModCtx *m, Fe *r, const Fe *a, const Fe *b)
{
    Fe s, d;
    limb_t carry = add_limbs(s.v, a->v, b->v);
    limb_t borrow = sub_limbs(d.v, s.v, m->m.v);

    /* a + b - m is the answer unless it went negative without a carry out of a + b. */
    fe_cmov(&s, &d, 0 - (carry | (borrow ^ 1)));
    *r = s;
}

void mod_sub(const ModCtx *m, Fe *r, const Fe *a, const Fe *b)
{
    Fe d, mm;
    limb_t borrow = sub_limbs(d.v, a->v, b->v);
    limb_t mask = 0 - borrow;

    for (int i = 0; i < NLIMBS; i++) {
        mm.v[i] = m->m.v[i] & mask;
    }
    add_limbs(r->v, d.v, mm.v);
}

void mod_reduce_once(const ModCtx *m, Fe *r, const Fe *a)
{
    Fe d = *a;
    Fe t;
    limb_t borrow = sub_limbs(t.v, a->v, m->m.v);

    fe_cmov(&d, &t, borrow - 1);
    *r = d;
}

void mod_mul(const ModCtx *m, Fe *r, const Fe *a, const Fe *b)
{
    /* Coarsely integrated operand scanning: after each outer step t < 2m, with one extra limb
     * t[NLIMBS] for the overflow bit. */
    limb_t t[NLIMBS + 1] = { 0 };

    for (int i = 0; i < NLIMBS; i++) {
        limb_t carry = 0;
        limb_t top;
        dlimb_t s;

        for (int j = 0; j < NLIMBS; j++) {
            s = (dlimb_t)a->v[j] * b->v[i] + t[j] + carry;
            t[j] = (limb_t)s;
            carry = (limb_t)(s >> LIMB_BITS);
        }
        s = (dlimb_t)t[NLIMBS] + carry;
        t[NLIMBS] = (limb_t)s;
        top = (limb_t)(s >> LIMB_BITS);

        /* Add u * m, u chosen so the low limb becomes zero, and shift down one limb. */
        limb_t u = t[0] * m->m0inv;

        s = (dlimb_t)u * m->m.v[0] + t[0];
        carry = (limb_t)(s >> LIMB_BITS);
        for (int j = 1; j < NLIMBS; j++) {
            s = (dlimb_t)u * m->m.v[j] + t[j] + carry;
            t[j - 1] = (limb_t)s;
            carry = (limb_t)(s >> LIMB_BITS);
        }
        s = (dlimb_t)t[NLIMBS] + carry;
        t[NLIMBS - 1] = (limb_t)s;
        t[NLIMBS] = top + (limb_t)(s >> LIMB_BITS);
    }

    Fe d;
    limb_t borrow = sub_limbs(d.v, t, m->m.v);

    /* t - m is the answer unless t < m, i.e. the subtraction borrowed and t had no top bit. */
    for (int i = 0; i < NLIMBS; i++) {
        r->v[i] = t[i];
    }
    fe_cmov(r, &d, 0 - (t[NLIMBS] | (borrow ^ 1)));
}

void mod_sqr(const ModCtx *m, Fe *r, const Fe *a)
{
    mod_mul(m, r, a, a);
}

void mod_to_mont(const ModCtx *m, Fe *r, const Fe *a)
{
    mod_mul(m, r, a, &m->rr);
}

void mod_from_mont(const ModCtx *m, Fe *r, const Fe *a)
{
    Fe one = { { 1 } };

    mod_mul(m, r, a, &one);
}

void mod_inv(const ModCtx *m, Fe *r, const Fe *a)
{
    /* Fermat: a^(m-2). Left-to-right square-and-multiply over the bits of the public exponent.
     * The low limb of both P-384 moduli (p and n) is odd and far above 2, so m - 2 needs no
     * borrow into the next limb. */
    Fe e = m->m;
    Fe acc = m->one;

    e.v[0] -= 2;
    for (int i = 383; i >= 0; i--) {
        mod_sqr(m, &acc, &acc);
        if ((e.v[i / LIMB_BITS] >> (i % LIMB_BITS)) & 1) {
            mod_mul(m, &acc, &acc, a);
        }
    }
    *r = acc;
}
