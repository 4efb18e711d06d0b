/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-simd-fpel.c: Advanced SIMD floating-point multiplies through helper_fp_elem
 * (helper-fpel.inc.c), single and double precision; the half-precision encodings (FEAT_FP16,
 * not advertised) stay UNDEFINED.
 *   by element (vector and scalar): FMLA, FMLS, FMUL, FMULX (Arm ARM C7.2.93 FMLA (by element),
 *     C7.2.97 FMLS (by element), C7.2.128 FMUL (by element), C7.2.132 FMULX (by element));
 *   three same (vector and scalar): FMLA, FMLS (vector), FMULX, FRECPS, FRSQRTS;
 *   two-register miscellaneous: FRECPE (C7.2.142), FRSQRTE (C7.2.165) (vector and scalar),
 *     FRECPX (C7.2.144, scalar), URECPE (C7.2.386) and URSQRTE (C7.2.393) (vector, 32-bit);
 *     FCVTN/FCVTN2 (C7.2.74), FCVTL/FCVTL2 (C7.2.70), FCVTXN/FCVTXN2 (C7.2.83, vector and
 *     scalar) between single and double (sz=1; sz=0 is half precision);
 *   shift by immediate (vector and scalar): SCVTF, UCVTF (fixed-point) C7.2.236/C7.2.356,
 *     FCVTZS, FCVTZU (fixed-point) C7.2.80/C7.2.82 with fbits = 2 * esize - immh:immb;
 *   scalar three same and two-register miscellaneous: FABD, FACGE, FACGT, FCMEQ, FCMGE, FCMGT
 *     (register) and FCMEQ, FCMGE, FCMGT, FCMLE, FCMLT (zero);
 *   scalar pairwise: FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP (scalar);
 *   across lanes (4S only): FMAXV, FMINV, FMAXNMV, FMINNMV. */
#include "translate.h"
#include "simd-sat.h"
#include "decode-a64-simd-fp.h"

static bool do_fpel(DisasContext *s, int op, int sz, bool q, bool scalar, bool byelem, int idx,
                    int rd, int rn, int rm)
{
    if (sz == 3 || (sz == 1 && !q && !scalar)) {
        return false;       /* half precision (FEAT_FP16), or 1D: UNDEFINED */
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_fp_elem, IR_NO_TEMP, 1,
               tcg_const(s, FPEL_DESC(op, sz, q, scalar, byelem, idx, rd, rn, rm)));
    return true;
}

/* by element, vector: Vm lane idx (sz=1: index H, Rm 5 bits) */
#define TRANS_X(NAME, OP) \
    bool trans_##NAME##_x(DisasContext *s, arg_qrrx_f *a) \
    { return do_fpel(s, OP, a->sz, a->q, false, true, a->idx, a->rd, a->rn, a->rm); } \
    bool trans_##NAME##_sx(DisasContext *s, arg_rrx_f *a) \
    { return do_fpel(s, OP, a->sz, false, true, true, a->idx, a->rd, a->rn, a->rm); }
TRANS_X(FMLA, FPEL_MLA)
TRANS_X(FMLS, FPEL_MLS)
TRANS_X(FMUL, FPEL_MUL)
TRANS_X(FMULX, FPEL_MULX)

/* three same: FMLA/FMLS (vector) C7.2.94/C7.2.98, FMULX C7.2.133, FRECPS C7.2.143,
 * FRSQRTS C7.2.166 */
#define TRANS_V(NAME, OP) \
    bool trans_##NAME##_v(DisasContext *s, arg_qrrr_f *a) \
    { return do_fpel(s, OP, a->sz, a->q, false, false, 0, a->rd, a->rn, a->rm); }
#define TRANS_S(NAME, OP) \
    bool trans_##NAME##_s(DisasContext *s, arg_rrr_f *a) \
    { return do_fpel(s, OP, a->sz, false, true, false, 0, a->rd, a->rn, a->rm); }
TRANS_V(FMLA, FPEL_MLA)
TRANS_V(FMLS, FPEL_MLS)
TRANS_V(FMULX, FPEL_MULX)
TRANS_V(FRECPS, FPEL_RECPS)
TRANS_V(FRSQRTS, FPEL_RSQRTS)
TRANS_S(FMULX, FPEL_MULX)
TRANS_S(FRECPS, FPEL_RECPS)
TRANS_S(FRSQRTS, FPEL_RSQRTS)

/* two-register miscellaneous: one source, no Vm */
#define TRANS_V1(NAME, OP) \
    bool trans_##NAME##_v(DisasContext *s, arg_qrr_f *a) \
    { return do_fpel(s, OP, a->sz, a->q, false, false, 0, a->rd, a->rn, 0); }
#define TRANS_S1(NAME, OP) \
    bool trans_##NAME##_s(DisasContext *s, arg_rr_f *a) \
    { return do_fpel(s, OP, a->sz, false, true, false, 0, a->rd, a->rn, 0); }
TRANS_V1(FRECPE, FPEL_RECPE)
TRANS_V1(FRSQRTE, FPEL_RSQRTE)
TRANS_V1(URECPE, FPEL_URECPE)
TRANS_V1(URSQRTE, FPEL_URSQRTE)
TRANS_S1(FRECPE, FPEL_RECPE)
TRANS_S1(FRSQRTE, FPEL_RSQRTE)
TRANS_S1(FRECPX, FPEL_RECPX)

/* FCVTN/FCVTL/FCVTXN: sz=1 converts double <-> single; q picks the upper half ("2" forms) */
static bool do_fcvt_nl(DisasContext *s, int op, arg_qrr_f *a)
{
    if (!a->sz) {
        return false;       /* single <-> half: FEAT_FP16 conversions not offered */
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_fp_elem, IR_NO_TEMP, 1,
               tcg_const(s, FPEL_DESC(op, 1, a->q, false, false, 0, a->rd, a->rn, 0)));
    return true;
}

bool trans_FCVTN_v(DisasContext *s, arg_qrr_f *a) { return do_fcvt_nl(s, FPEL_CVTN, a); }
bool trans_FCVTXN_v(DisasContext *s, arg_qrr_f *a) { return do_fcvt_nl(s, FPEL_CVTXN, a); }
bool trans_FCVTL_v(DisasContext *s, arg_qrr_f *a) { return do_fcvt_nl(s, FPEL_CVTL, a); }

bool trans_FCVTXN_s(DisasContext *s, arg_rr_f *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_fp_elem, IR_NO_TEMP, 1,
               tcg_const(s, FPEL_DESC(FPEL_CVTXN, 1, false, true, false, 0, a->rd, a->rn, 0)));
    return true;
}

/* fixed-point: immh 01xx single (fbits = 64 - immh:immb), 1xxx double (128 - immh:immb; the
 * vector form needs Q=1, left to the decoder), 001x half (FEAT_FP16): UNDEFINED. */
static bool do_fix(DisasContext *s, int op, bool u, bool q, bool scalar, int immh, int immb,
                   int rd, int rn)
{
    int sz, fbits;

    if (immh < 4) {
        return false;
    }
    sz = immh >= 8;
    fbits = (sz ? 128 : 64) - (immh << 3 | immb);
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_fp_elem, IR_NO_TEMP, 1,
               tcg_const(s, FPEL_DESC(op, sz, q, scalar, false, 0, rd, rn, 0) |
                            FPEL_FIX(fbits, u)));
    return true;
}

#define TRANS_FIX(NAME, OP, U) \
    bool trans_##NAME##_vfixed(DisasContext *s, arg_qrr_shift *a) \
    { return do_fix(s, OP, U, a->q, false, a->immh, a->immb, a->rd, a->rn); } \
    bool trans_##NAME##_sfixed(DisasContext *s, arg_rr_shift *a) \
    { return do_fix(s, OP, U, false, true, a->immh, a->immb, a->rd, a->rn); }
TRANS_FIX(SCVTF, FPEL_FROMFIX, false)
TRANS_FIX(UCVTF, FPEL_FROMFIX, true)
TRANS_FIX(FCVTZS, FPEL_TOFIX, false)
TRANS_FIX(FCVTZU, FPEL_TOFIX, true)

static bool do_fpbin(DisasContext *s, uint64_t bin, int sz, bool q, bool scalar, int rd, int rn,
                     int rm)
{
    if (sz == 3) {
        return false;       /* half precision (FEAT_FP16) */
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_fp_elem, IR_NO_TEMP, 1,
               tcg_const(s, bin | FPEL_DESC(0, sz, q, scalar, false, 0, rd, rn, rm)));
    return true;
}

/* scalar three same: FABD C7.2.61, FACGE C7.2.63, FACGT C7.2.64, FCMEQ C7.2.66, FCMGE C7.2.68,
 * FCMGT C7.2.70 (register) */
#define TRANS_SBIN(NAME, FPOP) \
    bool trans_##NAME##_s(DisasContext *s, arg_rrr_f *a) \
    { return do_fpbin(s, FPEL_BIN(FPOP, FPEL_LANES, 0, 0), a->sz, false, true, a->rd, a->rn, \
                      a->rm); }
TRANS_SBIN(FABD, FPOP_ABD)
TRANS_SBIN(FACGE, FPOP_ACGE)
TRANS_SBIN(FACGT, FPOP_ACGT)
TRANS_SBIN(FCMEQ, FPOP_CMEQ)
TRANS_SBIN(FCMGE, FPOP_CMGE)
TRANS_SBIN(FCMGT, FPOP_CMGT)

/* scalar compares with #0.0; FCMLE/FCMLT are 0.0 >= x and 0.0 > x */
#define TRANS_SZERO(NAME, FPOP, SWAP) \
    bool trans_##NAME##_s(DisasContext *s, arg_rr_f *a) \
    { return do_fpbin(s, FPEL_BIN(FPOP, FPEL_LANES, 1, SWAP), a->sz, false, true, a->rd, \
                      a->rn, 0); }
TRANS_SZERO(FCMEQ0, FPOP_CMEQ, 0)
TRANS_SZERO(FCMGE0, FPOP_CMGE, 0)
TRANS_SZERO(FCMGT0, FPOP_CMGT, 0)
TRANS_SZERO(FCMLE0, FPOP_CMGE, 1)
TRANS_SZERO(FCMLT0, FPOP_CMGT, 1)

/* scalar pairwise: FADDP C7.2.57, FMAXP, FMINP, FMAXNMP, FMINNMP (scalar) */
#define TRANS_PAIR(NAME, FPOP) \
    bool trans_##NAME##_s(DisasContext *s, arg_rr_f *a) \
    { return do_fpbin(s, FPEL_BIN(FPOP, FPEL_PAIR, 0, 0), a->sz, false, true, a->rd, a->rn, \
                      0); }
TRANS_PAIR(FADDP, FPOP_ADD)
TRANS_PAIR(FMAXP, FPOP_MAX)
TRANS_PAIR(FMINP, FPOP_MIN)
TRANS_PAIR(FMAXNMP, FPOP_MAXNM)
TRANS_PAIR(FMINNMP, FPOP_MINNM)

/* across lanes: FMAXV C7.2.109, FMINV, FMAXNMV, FMINNMV, single precision 4S: Q=1 U=1 sz=0.
 * The half-precision encodings (U, bit 29, = 0) share the names and stay UNDEFINED. */
#define TRANS_ACROSS(NAME, FPOP) \
    bool trans_##NAME(DisasContext *s, arg_qrr *a) \
    { return a->q && ((s->insn >> 29) & 1) && do_fpbin(s, FPEL_BIN(FPOP, FPEL_ACROSS, 0, 0), 0, true, true, a->rd, \
                              a->rn, 0); }
TRANS_ACROSS(FMAXV, FPOP_MAX)
TRANS_ACROSS(FMINV, FPOP_MIN)
TRANS_ACROSS(FMAXNMV, FPOP_MAXNM)
TRANS_ACROSS(FMINNMV, FPOP_MINNM)
