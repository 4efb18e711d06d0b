/* SPDX-License-Identifier: GPL-2.0-or-later */
/* simd-sat.h: operation codes of the out-of-line SIMD&FP helpers (helper_simd_int: saturating
 * operations that set FPSR.QC and register-controlled shifts; helper_fp_binop), shared by
 * trans-simd-fp.c and helper-ldst.c. */
#ifndef TARGET_ARM_SIMD_SAT_H
#define TARGET_ARM_SIMD_SAT_H

typedef enum SimdIntOp {
    /* three same: lanes of Vn and Vm */
    SI_SQADD, SI_UQADD, SI_SQSUB, SI_UQSUB, SI_SSHL, SI_USHL, SI_SQSHL, SI_UQSHL, SI_SRSHL,
    SI_URSHL, SI_SQRSHL, SI_UQRSHL, SI_SQDMULH, SI_SQRDMULH,
    /* two-register misc: lanes of Vn (and Vd for the accumulating ones) */
    SI_SQABS, SI_SQNEG, SI_SUQADD, SI_USQADD,
    /* narrowing: 2 * esize lanes of Vn to esize lanes, Q = 1 writes the upper half */
    SI_SQXTN, SI_UQXTN, SI_SQXTUN,
    /* shift by immediate (imm = shift amount) */
    SI_SQSHLU_I, SI_SQSHL_I, SI_UQSHL_I,
    SI_SQSHRN, SI_UQSHRN, SI_SQRSHRN, SI_UQRSHRN, SI_SQSHRUN, SI_SQRSHRUN,
    /* three different, saturating doubling (esize lanes, Q = 1 reads the upper halves) */
    SI_SQDMLAL, SI_SQDMLSL, SI_SQDMULL,
} SimdIntOp;

/* helper argument: op | rd << 6 | rn << 11 | rm << 16 | esz << 21 | q << 23 | imm << 24 */
#define SIMD_INT_DESC(op, rd, rn, rm, esz, q, imm) \
    ((uint64_t)(op) | (uint64_t)(rd) << 6 | (uint64_t)(rn) << 11 | (uint64_t)(rm) << 16 | \
     (uint64_t)(esz) << 21 | (uint64_t)(q) << 23 | (uint64_t)(imm) << 24)

/* the same, for a scalar (one lane, the rest of Vd zeroed) and/or by-element (Vm lane idx) form */
#define SIMD_INT_DESC_X(op, rd, rn, rm, esz, q, imm, scalar, byelem, idx) \
    (SIMD_INT_DESC(op, rd, rn, rm, esz, q, imm) | (uint64_t)(scalar) << 32 | \
     (uint64_t)(byelem) << 33 | (uint64_t)(idx) << 34)

/* helper_fp_binop operations */
enum { FPOP_ADD, FPOP_SUB, FPOP_MUL, FPOP_DIV, FPOP_MAX, FPOP_MIN, FPOP_MAXNM, FPOP_MINNM,
       FPOP_NMUL, FPOP_ABD, FPOP_CMEQ, FPOP_CMGE, FPOP_CMGT, FPOP_ACGE, FPOP_ACGT };

/* helper_fp_vec argument: op | sz << 8 | q << 9 | pairwise << 10 | rd << 11 | rn << 16 |
 * rm << 21 | zero << 26 (compare with #0.0) */
#define FP_VEC_DESC(op, sz, q, pw, rd, rn, rm, zero) \
    ((uint64_t)(op) | (uint64_t)(sz) << 8 | (uint64_t)(q) << 9 | (uint64_t)(pw) << 10 | \
     (uint64_t)(rd) << 11 | (uint64_t)(rn) << 16 | (uint64_t)(rm) << 21 | (uint64_t)(zero) << 26)

/* helper_fp_elem (helper-fpel.inc.c): op | sz << 4 | q << 5 | scalar << 6 | by-element << 7 |
 * idx << 8 | rd << 10 | rn << 15 | rm << 20 (| FPEL_FIX()) */
enum { FPEL_MUL, FPEL_MULX, FPEL_MLA, FPEL_MLS, FPEL_RECPS, FPEL_RSQRTS, FPEL_RECPE, FPEL_RSQRTE,
       FPEL_RECPX, FPEL_URECPE, FPEL_URSQRTE, FPEL_CVTN, FPEL_CVTXN, FPEL_CVTL, FPEL_TOFIX,
       FPEL_FROMFIX };
/* FPEL_TOFIX / FPEL_FROMFIX: fbits in bits [31:25], unsigned in bit 32 */
#define FPEL_FIX(fbits, u) ((uint64_t)(fbits) << 25 | (uint64_t)(u) << 32)
/* FPEL_BIN(fpop, mode): the op field holds a helper_fp_binop operation (FPOP_*, with FPOP_ABD
 * and the compares), mode FPEL_LANES (lane by lane, Vm or, with zero, #0.0, swap exchanging the
 * operands), FPEL_PAIR (the two lanes of Vn, scalar pairwise), FPEL_ACROSS (Reduce over four
 * single lanes: (e0 op e1) op (e2 op e3)) */
enum { FPEL_LANES, FPEL_PAIR, FPEL_ACROSS };
#define FPEL_BIN(fpop, mode, zero, swap) \
    ((uint64_t)(fpop) | 1ull << 33 | (uint64_t)(mode) << 34 | (uint64_t)(zero) << 36 | \
     (uint64_t)(swap) << 37)
#define FPEL_DESC(op, sz, q, scalar, byelem, idx, rd, rn, rm) \
    ((uint64_t)(op) | (uint64_t)(sz) << 4 | (uint64_t)(q) << 5 | (uint64_t)(scalar) << 6 | \
     (uint64_t)(byelem) << 7 | (uint64_t)(idx) << 8 | (uint64_t)(rd) << 10 | \
     (uint64_t)(rn) << 15 | (uint64_t)(rm) << 20)

#endif
