/* SPDX-License-Identifier: BSD-3-Clause */
/* p384-curve.h: private P-384 group arithmetic shared by key handling and ECDSA. */
#ifndef FW_CRYPTO_P384_CURVE_H
#define FW_CRYPTO_P384_CURVE_H
#include <stdint.h>
#include "mont384.h"

/* Homogeneous projective (X : Y : Z) with x = X/Z, y = Y/Z, coordinates in Montgomery form
 * modulo p. The point at infinity is (0 : 1 : 0); the complete formulas below need no special
 * case for it. */
typedef struct {
    Fe x, y, z;
} P384Point;

/* The field prime p and the group order n (FIPS 186-4 D.1.2.4). */
extern const ModCtx p384_p;
extern const ModCtx p384_n;

void p384_point_infinity(P384Point *r);
void p384_point_generator(P384Point *r);
void p384_point_add(P384Point *r, const P384Point *a, const P384Point *b);
void p384_point_double(P384Point *r, const P384Point *a);

/* r = k * a for a plain integer k < 2^384. Constant time in k: fixed 4-bit windows, every
 * table entry read for each lookup. */
void p384_scalar_mult(P384Point *r, const P384Point *a, const Fe *k);

/* r = k1 * G + k2 * a for public k1, k2 (verification only: runs in variable time). */
void p384_double_scalar_mult_vartime(P384Point *r, const Fe *k1, const Fe *k2,
                                     const P384Point *a);

/* Affine x and y of a as plain integers below p. Returns -1 (leaving x, y zero) for infinity. */
int p384_point_to_affine(const P384Point *a, Fe *x, Fe *y);

/* Decodes 0x04 || X || Y and checks X, Y < p and y^2 = x^3 - 3x + b. Returns 0 or -1. */
int p384_point_decode(P384Point *r, const uint8_t in[97]);

/* Writes 0x04 || X || Y. Returns -1 for the point at infinity, which has no such encoding. */
int p384_point_encode(uint8_t out[97], const P384Point *a);

#endif
