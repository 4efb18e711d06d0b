/* SPDX-License-Identifier: BSD-3-Clause */
/* mont384.h: private constant-time Montgomery arithmetic modulo an odd 384-bit modulus. */
#ifndef FW_CRYPTO_MONT384_H
#define FW_CRYPTO_MONT384_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 64-bit limbs where the compiler has a double-width type (aarch64 and x86-64 gcc/clang),
 * 32-bit limbs elsewhere; all code is written in terms of limb_t so both widths work.
 * FW_CRYPTO_LIMB32 forces the 32-bit path so host tests cover it too. */
#if defined(__SIZEOF_INT128__) && !defined(FW_CRYPTO_LIMB32)
typedef uint64_t limb_t;
__extension__ typedef unsigned __int128 dlimb_t;
#define LIMB_BITS 64
/* Spreads a 64-bit constant over the limbs it occupies. */
#define L64(x) ((limb_t)(x))
#else
typedef uint32_t limb_t;
typedef uint64_t dlimb_t;
#define LIMB_BITS 32
#define L64(x) ((limb_t)(x)), ((limb_t)((uint64_t)(x) >> 32))
#endif

#define NLIMBS (384 / LIMB_BITS)

/* A residue, least significant limb first; in Montgomery form (x * 2^384 mod m) unless a
 * function says otherwise. */
typedef struct {
    limb_t v[NLIMBS];
} Fe;

typedef struct {
    Fe m;           /* the modulus */
    Fe rr;          /* 2^768 mod m, to enter Montgomery form */
    Fe one;         /* 2^384 mod m: 1 in Montgomery form */
    limb_t m0inv;   /* -m^-1 mod 2^LIMB_BITS */
} ModCtx;

/* All-ones if x == 0, else 0, without branching on x. */
limb_t fe_is_zero(const Fe *x);
/* All-ones if a == b, else 0. */
limb_t fe_equal(const Fe *a, const Fe *b);
/* r = mask ? a : r for mask 0 or all-ones, touching both in every case. */
void fe_cmov(Fe *r, const Fe *a, limb_t mask);

/* Big-endian 48 bytes to a plain integer; returns true if it is below m. */
bool fe_from_bytes(const ModCtx *m, Fe *r, const uint8_t in[48]);
/* Plain integer to big-endian 48 bytes. */
void fe_to_bytes(uint8_t out[48], const Fe *a);

void mod_add(const ModCtx *m, Fe *r, const Fe *a, const Fe *b);
void mod_sub(const ModCtx *m, Fe *r, const Fe *a, const Fe *b);
/* r = a * b / 2^384 mod m (Montgomery product); inputs below m. */
void mod_mul(const ModCtx *m, Fe *r, const Fe *a, const Fe *b);
void mod_sqr(const ModCtx *m, Fe *r, const Fe *a);
void mod_to_mont(const ModCtx *m, Fe *r, const Fe *a);
void mod_from_mont(const ModCtx *m, Fe *r, const Fe *a);
/* r = a^(m-2) = a^-1 for prime m (0 maps to 0). The exponent is public, so the run time does
 * not depend on a. */
void mod_inv(const ModCtx *m, Fe *r, const Fe *a);
/* r = a mod m for any 384-bit a (m has its top bit set, so one conditional subtraction). */
void mod_reduce_once(const ModCtx *m, Fe *r, const Fe *a);

#endif
