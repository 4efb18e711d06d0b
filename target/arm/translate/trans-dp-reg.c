/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-dp-reg.c: A64 "Data Processing -- Register" (Arm ARM C4.1): logical and add/subtract
 * (shifted and extended register), with carry, conditional compare and select, and the
 * 1-, 2- and 3-source data-processing instructions. */
#include "translate.h"
#include "cpu-features.h"
#include "decode-a64-dp-reg.h"

static inline IrType ir_ty(int sf)
{
    return sf ? IR_I64 : IR_I32;
}

/* FEAT_FlagM: ID_AA64ISAR0_EL1.TS (bits [55:52]) >= 1. */
static bool have_flagm(DisasContext *s)
{
    return id_field(s->env->features.id_aa64isar0, 52) >= 1;
}

/* FEAT_CSSC: ID_AA64ISAR2_EL1.CSSC (bits [55:52]) >= 1. */
static bool have_cssc(DisasContext *s)
{
    return id_field(s->env->features.id_aa64isar2, 52) >= 1;
}

/* ShiftReg(m, shift_type, amount) (Arm ARM shared/functions/integer/ShiftReg) for the shifted
 * register forms; the shift is done at the operation width, so that a W operand shifts only its
 * low 32 bits. */
static IrTemp gen_shift_reg(DisasContext *s, int sf, int rm, int shift, int amount)
{
    IrTemp m = cpu_reg(s, rm);
    IrTemp t;

    if (amount == 0) {
        return m;
    }
    t = new_tmp(s);
    switch (shift) {
    case 0:
        ir_gen_shl(s->ir, ir_ty(sf), t, m, tcg_const(s, amount));
        break;
    case 1:
        ir_gen_shr(s->ir, ir_ty(sf), t, m, tcg_const(s, amount));
        break;
    case 2:
        ir_gen_sar(s->ir, ir_ty(sf), t, m, tcg_const(s, amount));
        break;
    default:
        ir_gen_rotr(s->ir, ir_ty(sf), t, m, tcg_const(s, amount));
        break;
    }
    return t;
}

/* ---- Logical (shifted register) ---- */

typedef void IrBinFn(IrContext *, IrType, IrTemp, IrTemp, IrTemp);

/* Rd, Rn and Rm are all XZR when 31.  The N-inverted forms (BIC, ORN, EON, BICS) use the
 * and-not / or-not / xor-not ops on the shifted operand. */
static bool do_logic_reg(DisasContext *s, arg_rrr_shift *a, IrBinFn *fn, bool set_flags)
{
    IrTemp m = gen_shift_reg(s, a->sf, a->rm, a->shift, a->amount);
    IrTemp d = cpu_reg_dest(s, a->rd);

    fn(s->ir, ir_ty(a->sf), d, cpu_reg(s, a->rn), m);
    if (set_flags) {
        gen_logic_flags(s, a->sf, d);
    }
    return true;
}

#define TRANS_LOGIC(name, fn, set_flags) \
    bool trans_##name(DisasContext *s, arg_rrr_shift *a) \
    { \
        return do_logic_reg(s, a, fn, set_flags); \
    }
TRANS_LOGIC(AND_r, ir_gen_and, false)
TRANS_LOGIC(BIC, ir_gen_andc, false)
TRANS_LOGIC(ORR_r, ir_gen_or, false)
TRANS_LOGIC(ORN, ir_gen_orc, false)
TRANS_LOGIC(EOR_r, ir_gen_xor, false)
TRANS_LOGIC(EON, ir_gen_eqv, false)
TRANS_LOGIC(ANDS_r, ir_gen_and, true)
TRANS_LOGIC(BICS, ir_gen_andc, true)
#undef TRANS_LOGIC

/* ---- Add/subtract (shifted register): all registers are XZR when 31 ---- */

static bool do_addsub_shift(DisasContext *s, arg_rrr_shift *a, bool sub, bool set_flags)
{
    IrTemp m = gen_shift_reg(s, a->sf, a->rm, a->shift, a->amount);
    IrTemp d = cpu_reg_dest(s, a->rd);

    if (sub) {
        gen_sub(s, a->sf, d, cpu_reg(s, a->rn), m, set_flags, false);
    } else {
        gen_add(s, a->sf, d, cpu_reg(s, a->rn), m, set_flags, false);
    }
    return true;
}

bool trans_ADD_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_shift(s, a, false, false); }
bool trans_ADDS_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_shift(s, a, false, true); }
bool trans_SUB_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_shift(s, a, true, false); }
bool trans_SUBS_r(DisasContext *s, arg_rrr_shift *a) { return do_addsub_shift(s, a, true, true); }

/* ---- Add/subtract (extended register) ---- */

/* ExtendReg(m, extend_type, shift) (Arm ARM shared/functions/integer/ExtendReg): Rm (XZR when
 * 31) extended from 8/16/32/64 bits, then shifted left by 0..4.  Computed in 64 bits; a 32-bit
 * operation then uses the low half, which is what ExtendReg's final truncation to N gives. */
static IrTemp gen_extend_reg(DisasContext *s, int rm, int option, int amount)
{
    IrTemp m = cpu_reg(s, rm);
    IrTemp t = new_tmp(s);
    int len = 8 << (option & 3);

    if (len == 64) {
        ir_gen_mov(s->ir, IR_I64, t, m);
    } else if (option & 4) {
        ir_gen_sextract(s->ir, IR_I64, t, m, 0, len);
    } else {
        ir_gen_extract(s->ir, IR_I64, t, m, 0, len);
    }
    if (amount) {
        ir_gen_shl(s->ir, IR_I64, t, t, tcg_const(s, amount));
    }
    return t;
}

/* Rn is SP when 31; Rd is SP for ADD/SUB and XZR for ADDS/SUBS. */
static bool do_addsub_ext(DisasContext *s, arg_rrr_ext *a, bool sub, bool set_flags)
{
    IrTemp m = gen_extend_reg(s, a->rm, a->option, a->amount);
    IrTemp n = cpu_reg_sp(s, a->rn);
    IrTemp d = set_flags ? cpu_reg_dest(s, a->rd) : cpu_reg_sp(s, a->rd);

    if (sub) {
        gen_sub(s, a->sf, d, n, m, set_flags, false);
    } else {
        gen_add(s, a->sf, d, n, m, set_flags, false);
    }
    return true;
}

bool trans_ADD_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_ext(s, a, false, false); }
bool trans_ADDS_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_ext(s, a, false, true); }
bool trans_SUB_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_ext(s, a, true, false); }
bool trans_SUBS_x(DisasContext *s, arg_rrr_ext *a) { return do_addsub_ext(s, a, true, true); }

/* ---- Add/subtract (with carry): AddWithCarry(Rn, Rm or NOT(Rm), PSTATE.C) ---- */

static bool do_adc(DisasContext *s, arg_rrr *a, bool sub, bool set_flags)
{
    IrTemp d = cpu_reg_dest(s, a->rd);

    if (sub) {
        gen_sub(s, a->sf, d, cpu_reg(s, a->rn), cpu_reg(s, a->rm), set_flags, true);
    } else {
        gen_add(s, a->sf, d, cpu_reg(s, a->rn), cpu_reg(s, a->rm), set_flags, true);
    }
    return true;
}

bool trans_ADC(DisasContext *s, arg_rrr *a) { return do_adc(s, a, false, false); }
bool trans_ADCS(DisasContext *s, arg_rrr *a) { return do_adc(s, a, false, true); }
bool trans_SBC(DisasContext *s, arg_rrr *a) { return do_adc(s, a, true, false); }
bool trans_SBCS(DisasContext *s, arg_rrr *a) { return do_adc(s, a, true, true); }

/* ---- FEAT_FlagM: RMIF, SETF8, SETF16 (UNDEFINED unless ID_AA64ISAR0_EL1.TS says so) ---- */

/* RMIF: tmp = ROR(X[n], imm); each PSTATE flag selected by mask<3:0> (N Z C V) takes tmp<3:0>. */
bool trans_RMIF(DisasContext *s, arg_rmif *a)
{
    IrContext *ir = s->ir;
    IrTemp t = new_tmp(s);

    if (!have_flagm(s)) {
        return false;
    }
    ir_gen_rotr(ir, IR_I64, t, cpu_reg(s, a->rn), tcg_const(s, a->imm));
    if (a->mask & 8) {
        ir_gen_shl(ir, IR_I64, IR_SLOT(nf), t, tcg_const(s, 60));         /* N = tmp<3> */
    }
    if (a->mask & 4) {
        IrTemp z = new_tmp(s);
        ir_gen_extract(ir, IR_I64, z, t, 2, 1);                            /* Z = tmp<2> */
        ir_gen_xor(ir, IR_I64, IR_SLOT(zf), z, tcg_const(s, 1));
    }
    if (a->mask & 2) {
        ir_gen_extract(ir, IR_I64, IR_SLOT(cf), t, 1, 1);                 /* C = tmp<1> */
    }
    if (a->mask & 1) {
        ir_gen_shl(ir, IR_I64, IR_SLOT(vf), t, tcg_const(s, 63));         /* V = tmp<0> */
    }
    return true;
}

/* SETF8/SETF16: N = Wn<msb>, Z = (Wn<msb:0> == 0), V = Wn<msb+1> XOR Wn<msb>; C unchanged. */
bool trans_SETF(DisasContext *s, arg_setf *a)
{
    IrContext *ir = s->ir;
    int bits = a->sz ? 16 : 8;
    IrTemp n = cpu_reg(s, a->rn);
    IrTemp t = new_tmp(s);

    if (!have_flagm(s)) {
        return false;
    }
    ir_gen_shr(ir, IR_I64, t, n, tcg_const(s, 1));
    ir_gen_xor(ir, IR_I64, t, t, n);                    /* t<i> = n<i+1> ^ n<i> */
    ir_gen_shl(ir, IR_I64, IR_SLOT(vf), t, tcg_const(s, 64 - bits));
    ir_gen_shl(ir, IR_I64, IR_SLOT(nf), n, tcg_const(s, 64 - bits));
    ir_gen_extract(ir, IR_I64, IR_SLOT(zf), n, 0, bits);
    return true;
}

/* ---- Conditional compare and select ---- */

/* ConditionHolds(cond) as the IR comparison (a c b).  The conditions that test one flag compare
 * its slot directly (N and V are bit 63, Z is zf == 0, C is cf != 0) when the consumer compares
 * 64 bits (wide), or for C, which is 0/1; the others go through gen_cond()'s 0/1 temp. */
typedef struct CondTest {
    IrTemp a, b;
    IrCond c;
} CondTest;

static CondTest gen_cond_test(DisasContext *s, int cond, bool wide)
{
    static const IrCond holds[4] = { IR_COND_EQ, IR_COND_NE, IR_COND_LT, IR_COND_LT };
    static const uint32_t flag[4] = { IR_SLOT(zf), IR_SLOT(cf), IR_SLOT(nf), IR_SLOT(vf) };
    CondTest t = { .b = tcg_const(s, 0) };
    int base = cond >> 1;

    if (base < 4 && (wide || base == 1)) {
        t.a = flag[base];
        t.c = holds[base];
        if (cond & 1) {
            t.c ^= 1;       /* IR conditions pair as (c, c ^ 1): EQ/NE, LT/GE */
        }
    } else {
        t.a = gen_cond(s, cond);
        t.c = IR_COND_NE;
    }
    return t;
}

/* CCMN/CCMP: if ConditionHolds(cond), NZCV = the flags of Rn + op2 / Rn - op2, else NZCV = the
 * nzcv immediate (AL and NV always compare). */
static void do_ccmp(DisasContext *s, int sf, int rn, IrTemp op2, int cond, int nzcv, bool sub)
{
    IrContext *ir = s->ir;
    IrTemp discard = new_tmp(s);
    int fail = -1, done = -1;

    if ((cond >> 1) != 7) {
        CondTest t = gen_cond_test(s, cond, true);
        fail = ir_new_label(ir);
        done = ir_new_label(ir);
        ir_gen_brcond(ir, IR_I64, t.c ^ 1, t.a, t.b, fail);
    }
    if (sub) {
        gen_sub(s, sf, discard, cpu_reg(s, rn), op2, true, false);
    } else {
        gen_add(s, sf, discard, cpu_reg(s, rn), op2, true, false);
    }
    if (fail < 0) {
        return;
    }
    ir_gen_br(ir, done);
    ir_gen_set_label(ir, fail);
    ir_gen_movi(ir, IR_SLOT(nf), (nzcv & 8) ? 1ull << 63 : 0);
    ir_gen_movi(ir, IR_SLOT(zf), (nzcv & 4) ? 0 : 1);
    ir_gen_movi(ir, IR_SLOT(cf), (nzcv >> 1) & 1);
    ir_gen_movi(ir, IR_SLOT(vf), (nzcv & 1) ? 1ull << 63 : 0);
    ir_gen_set_label(ir, done);
}

bool trans_CCMN(DisasContext *s, arg_ccmp *a)
{
    do_ccmp(s, a->sf, a->rn, cpu_reg(s, a->rm), a->cond, a->nzcv, false);
    return true;
}

bool trans_CCMP(DisasContext *s, arg_ccmp *a)
{
    do_ccmp(s, a->sf, a->rn, cpu_reg(s, a->rm), a->cond, a->nzcv, true);
    return true;
}

bool trans_CCMN_i(DisasContext *s, arg_ccmp_i *a)
{
    do_ccmp(s, a->sf, a->rn, tcg_const(s, a->imm), a->cond, a->nzcv, false);
    return true;
}

bool trans_CCMP_i(DisasContext *s, arg_ccmp_i *a)
{
    do_ccmp(s, a->sf, a->rn, tcg_const(s, a->imm), a->cond, a->nzcv, true);
    return true;
}

/* Conditional select: Rd = ConditionHolds(cond) ? Rn : f(Rm). */
enum { CS_SEL, CS_INC, CS_INV, CS_NEG };

static bool do_csel(DisasContext *s, arg_csel *a, int kind)
{
    IrContext *ir = s->ir;
    IrType ty = ir_ty(a->sf);
    IrTemp m = cpu_reg(s, a->rm);
    IrTemp d = cpu_reg_dest(s, a->rd);
    IrTemp f;
    CondTest t;

    if ((a->cond >> 1) == 7) {
        /* AL/NV: always Rn (an i32 mov zero-extends the W result) */
        ir_gen_mov(ir, ty, d, cpu_reg(s, a->rn));
        return true;
    }
    /* An i32 movcond compares only the low halves, so it tests the flags directly only for C. */
    t = gen_cond_test(s, a->cond, a->sf);
    switch (kind) {
    case CS_INC:
        f = new_tmp(s);
        ir_gen_add(ir, ty, f, m, tcg_const(s, 1));
        break;
    case CS_INV:
        f = new_tmp(s);
        ir_gen_not(ir, ty, f, m);
        break;
    case CS_NEG:
        f = new_tmp(s);
        ir_gen_neg(ir, ty, f, m);
        break;
    default:
        f = m;
        break;
    }
    /* An i32 movcond writes the zero-extended W result. */
    ir_gen_movcond(ir, ty, t.c, d, t.a, t.b, cpu_reg(s, a->rn), f);
    return true;
}

bool trans_CSEL(DisasContext *s, arg_csel *a) { return do_csel(s, a, CS_SEL); }
bool trans_CSINC(DisasContext *s, arg_csel *a) { return do_csel(s, a, CS_INC); }
bool trans_CSINV(DisasContext *s, arg_csel *a) { return do_csel(s, a, CS_INV); }
bool trans_CSNEG(DisasContext *s, arg_csel *a) { return do_csel(s, a, CS_NEG); }

/* ---- Data-processing (1 source) ---- */

typedef void IrUnFn(IrContext *, IrType, IrTemp, IrTemp);

static bool do_unary(DisasContext *s, arg_rr *a, IrUnFn *fn)
{
    fn(s->ir, ir_ty(a->sf), cpu_reg_dest(s, a->rd), cpu_reg(s, a->rn));
    return true;
}

bool trans_RBIT(DisasContext *s, arg_rr *a) { return do_unary(s, a, ir_gen_rbit); }
/* REV16: bytes swapped within each halfword. */
bool trans_REV16(DisasContext *s, arg_rr *a) { return do_unary(s, a, ir_gen_bswap16); }
/* REV32 (64-bit only): bytes swapped within each word. */
bool trans_REV32(DisasContext *s, arg_rr *a) { return do_unary(s, a, ir_gen_bswap32); }
/* REV: the whole register (sf=0: the i32 bswap32 of the W register). */
bool trans_REV(DisasContext *s, arg_rr *a)
{
    return do_unary(s, a, a->sf ? ir_gen_bswap64 : ir_gen_bswap32);
}
bool trans_CLZ(DisasContext *s, arg_rr *a) { return do_unary(s, a, ir_gen_clz); }
bool trans_CLS(DisasContext *s, arg_rr *a) { return do_unary(s, a, ir_gen_cls); }

/* FEAT_CSSC CTZ: CountLeadingZeroBits of the bit-reversed operand. */
bool trans_CTZ(DisasContext *s, arg_rr *a)
{
    IrType ty = ir_ty(a->sf);
    IrTemp t;

    if (!have_cssc(s)) {
        return false;
    }
    t = new_tmp(s);
    ir_gen_rbit(s->ir, ty, t, cpu_reg(s, a->rn));
    ir_gen_clz(s->ir, ty, cpu_reg_dest(s, a->rd), t);
    return true;
}

/* FEAT_CSSC CNT: BitCount of the operand, as a SWAR sum of ever wider bit fields. */
bool trans_CNT(DisasContext *s, arg_rr *a)
{
    IrContext *ir = s->ir;
    IrType ty = ir_ty(a->sf);
    uint64_t m1 = 0x5555555555555555ull, m2 = 0x3333333333333333ull;
    uint64_t m4 = 0x0f0f0f0f0f0f0f0full, ones = 0x0101010101010101ull;
    IrTemp x, t;

    if (!have_cssc(s)) {
        return false;
    }
    x = new_tmp(s);
    t = new_tmp(s);
    /* x = n - ((n >> 1) & m1): 2-bit counts */
    ir_gen_shr(ir, ty, t, cpu_reg(s, a->rn), tcg_const(s, 1));
    ir_gen_and(ir, ty, t, t, tcg_const(s, m1));
    ir_gen_sub(ir, ty, x, cpu_reg(s, a->rn), t);
    /* 4-bit counts */
    ir_gen_shr(ir, ty, t, x, tcg_const(s, 2));
    ir_gen_and(ir, ty, t, t, tcg_const(s, m2));
    ir_gen_and(ir, ty, x, x, tcg_const(s, m2));
    ir_gen_add(ir, ty, x, x, t);
    /* byte counts */
    ir_gen_shr(ir, ty, t, x, tcg_const(s, 4));
    ir_gen_add(ir, ty, x, x, t);
    ir_gen_and(ir, ty, x, x, tcg_const(s, m4));
    /* the sum of all bytes ends up in the top byte */
    ir_gen_mul(ir, ty, x, x, tcg_const(s, ones));
    ir_gen_shr(ir, ty, cpu_reg_dest(s, a->rd), x, tcg_const(s, a->sf ? 56 : 24));
    return true;
}

/* FEAT_CSSC ABS: the signed operand's absolute value (INT_MIN stays INT_MIN). */
bool trans_ABS(DisasContext *s, arg_rr *a)
{
    IrType ty = ir_ty(a->sf);
    IrTemp n = cpu_reg(s, a->rn);
    IrTemp t;

    if (!have_cssc(s)) {
        return false;
    }
    t = new_tmp(s);
    ir_gen_neg(s->ir, ty, t, n);
    ir_gen_movcond(s->ir, ty, IR_COND_LT, cpu_reg_dest(s, a->rd), n, tcg_const(s, 0), t, n);
    return true;
}

/* ---- Data-processing (2 source) ---- */

static bool do_div(DisasContext *s, arg_rrr *a, bool is_signed)
{
    int h = is_signed ? (a->sf ? HELPER_sdiv64 : HELPER_sdiv32)
                      : (a->sf ? HELPER_udiv64 : HELPER_udiv32);
    IrTemp t = new_tmp(s);

    /* The helpers give 0 for a zero divisor and INT_MIN for INT_MIN / -1 (Arm ARM SDIV/UDIV). */
    gen_helper(s, h, t, 2, cpu_reg(s, a->rn), cpu_reg(s, a->rm));
    gen_write_reg(s, a->rd, t, a->sf);
    return true;
}

bool trans_UDIV(DisasContext *s, arg_rrr *a) { return do_div(s, a, false); }
bool trans_SDIV(DisasContext *s, arg_rrr *a) { return do_div(s, a, true); }

/* LSLV/LSRV/ASRV/RORV: the count is Rm MOD datasize, which is how the IR shift ops count. */
static bool do_shiftv(DisasContext *s, arg_rrr *a, IrBinFn *fn)
{
    fn(s->ir, ir_ty(a->sf), cpu_reg_dest(s, a->rd), cpu_reg(s, a->rn), cpu_reg(s, a->rm));
    return true;
}

bool trans_LSLV(DisasContext *s, arg_rrr *a) { return do_shiftv(s, a, ir_gen_shl); }
bool trans_LSRV(DisasContext *s, arg_rrr *a) { return do_shiftv(s, a, ir_gen_shr); }
bool trans_ASRV(DisasContext *s, arg_rrr *a) { return do_shiftv(s, a, ir_gen_sar); }
bool trans_RORV(DisasContext *s, arg_rrr *a) { return do_shiftv(s, a, ir_gen_rotr); }

/* FEAT_CSSC SMAX/UMAX/SMIN/UMIN (register): Rd = Rn if (Rn cond Rm) else Rm. */
static bool do_minmax(DisasContext *s, arg_rrr *a, IrCond cond)
{
    IrTemp n = cpu_reg(s, a->rn), m = cpu_reg(s, a->rm);

    if (!have_cssc(s)) {
        return false;
    }
    ir_gen_movcond(s->ir, ir_ty(a->sf), cond, cpu_reg_dest(s, a->rd), n, m, n, m);
    return true;
}

bool trans_SMAX(DisasContext *s, arg_rrr *a) { return do_minmax(s, a, IR_COND_GT); }
bool trans_UMAX(DisasContext *s, arg_rrr *a) { return do_minmax(s, a, IR_COND_GTU); }
bool trans_SMIN(DisasContext *s, arg_rrr *a) { return do_minmax(s, a, IR_COND_LT); }
bool trans_UMIN(DisasContext *s, arg_rrr *a) { return do_minmax(s, a, IR_COND_LTU); }

/* FEAT_MTE is not implemented: SUBP(S), IRG and GMI are UNDEFINED (PACGA: trans-pauth.c). */
bool trans_SUBP(DisasContext *s, arg_rrr *a) { return false; }
bool trans_SUBPS(DisasContext *s, arg_rrr *a) { return false; }
bool trans_IRG(DisasContext *s, arg_rrr *a) { return false; }
bool trans_GMI(DisasContext *s, arg_rrr *a) { return false; }

/* CRC32{B,H,W,X} / CRC32C{B,H,W,X}: Wd = CRC of Wn updated with the low 8 << sz bits of Rm;
 * UNDEFINED when ID_AA64ISAR0_EL1.CRC32 is 0. */
bool trans_CRC32(DisasContext *s, arg_crc32 *a)
{
    IrTemp t;

    if (!isar_aa64_crc32(&s->env->features)) {
        return false;
    }
    t = new_tmp(s);
    gen_helper(s, a->c ? HELPER_crc32c : HELPER_crc32, t, 3, cpu_reg(s, a->rn),
               cpu_reg(s, a->rm), tcg_const(s, 1u << a->sz));
    gen_write_reg(s, a->rd, t, false);
    return true;
}

/* ---- Data-processing (3 source); every register is XZR when 31 ---- */

/* MADD/MSUB: Rd = Ra +/- Rn * Rm at the operation width. */
static bool do_madd(DisasContext *s, arg_rrrr *a, bool sub)
{
    IrType ty = ir_ty(a->sf);
    IrTemp p = new_tmp(s);
    IrTemp d = cpu_reg_dest(s, a->rd);

    ir_gen_mul(s->ir, ty, p, cpu_reg(s, a->rn), cpu_reg(s, a->rm));
    if (sub) {
        ir_gen_sub(s->ir, ty, d, cpu_reg(s, a->ra), p);
    } else {
        ir_gen_add(s->ir, ty, d, cpu_reg(s, a->ra), p);
    }
    return true;
}

bool trans_MADD(DisasContext *s, arg_rrrr *a) { return do_madd(s, a, false); }
bool trans_MSUB(DisasContext *s, arg_rrrr *a) { return do_madd(s, a, true); }

/* SMADDL/SMSUBL/UMADDL/UMSUBL: Xd = Xa +/- Wn * Wm, the W operands sign- or zero-extended. */
static bool do_maddl(DisasContext *s, arg_rrr_wide *a, bool is_signed, bool sub)
{
    IrContext *ir = s->ir;
    IrTemp n = new_tmp(s), m = new_tmp(s);
    IrTemp d = cpu_reg_dest(s, a->rd);

    if (is_signed) {
        ir_gen_ext32s(ir, IR_I64, n, cpu_reg(s, a->rn));
        ir_gen_ext32s(ir, IR_I64, m, cpu_reg(s, a->rm));
    } else {
        ir_gen_ext32u(ir, IR_I64, n, cpu_reg(s, a->rn));
        ir_gen_ext32u(ir, IR_I64, m, cpu_reg(s, a->rm));
    }
    ir_gen_mul(ir, IR_I64, n, n, m);
    if (sub) {
        ir_gen_sub(ir, IR_I64, d, cpu_reg(s, a->ra), n);
    } else {
        ir_gen_add(ir, IR_I64, d, cpu_reg(s, a->ra), n);
    }
    return true;
}

bool trans_SMADDL(DisasContext *s, arg_rrr_wide *a) { return do_maddl(s, a, true, false); }
bool trans_SMSUBL(DisasContext *s, arg_rrr_wide *a) { return do_maddl(s, a, true, true); }
bool trans_UMADDL(DisasContext *s, arg_rrr_wide *a) { return do_maddl(s, a, false, false); }
bool trans_UMSUBL(DisasContext *s, arg_rrr_wide *a) { return do_maddl(s, a, false, true); }

/* SMULH/UMULH: Xd = bits [127:64] of the 128-bit product. */
bool trans_SMULH(DisasContext *s, arg_rrr_high *a)
{
    ir_gen_mulsh(s->ir, IR_I64, cpu_reg_dest(s, a->rd), cpu_reg(s, a->rn), cpu_reg(s, a->rm));
    return true;
}

bool trans_UMULH(DisasContext *s, arg_rrr_high *a)
{
    ir_gen_muluh(s->ir, IR_I64, cpu_reg_dest(s, a->rd), cpu_reg(s, a->rn), cpu_reg(s, a->rm));
    return true;
}
