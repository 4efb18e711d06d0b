/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-dp-imm.c: A64 "Data Processing -- Immediate" (Arm ARM C4.1.86): PC-relative addressing,
 * add/subtract, logical, move wide, bitfield and extract. */
#include "translate.h"
#include "decode-a64-dp-imm.h"

bool trans_ADR(DisasContext *s, arg_ri *a)
{
    gen_write_reg(s, a->rd, tcg_const(s, s->pc_curr + (int64_t)a->imm), true);
    return true;
}

bool trans_ADRP(DisasContext *s, arg_ri *a)
{
    uint64_t base = s->pc_curr & ~0xfffull;
    gen_write_reg(s, a->rd, tcg_const(s, base + ((uint64_t)(int64_t)a->imm << 12)), true);
    return true;
}

/* ADD/SUB (immediate): Rn may be SP; Rd is SP for the non-flag-setting forms, XZR otherwise. */
static bool do_addsub_imm(DisasContext *s, arg_rri_addsub *a, bool sub, bool set_flags)
{
    uint64_t imm = (uint64_t)a->imm << (a->shift ? 12 : 0);
    IrTemp rn = cpu_reg_sp(s, a->rn);
    IrTemp d = set_flags ? cpu_reg_dest(s, a->rd) : cpu_reg_sp(s, a->rd);

    if (sub) {
        gen_sub(s, a->sf, d, rn, tcg_const(s, imm), set_flags, false);
    } else {
        gen_add(s, a->sf, d, rn, tcg_const(s, imm), set_flags, false);
    }
    return true;
}

bool trans_ADD_i(DisasContext *s, arg_rri_addsub *a) { return do_addsub_imm(s, a, false, false); }
bool trans_ADDS_i(DisasContext *s, arg_rri_addsub *a) { return do_addsub_imm(s, a, false, true); }
bool trans_SUB_i(DisasContext *s, arg_rri_addsub *a) { return do_addsub_imm(s, a, true, false); }
bool trans_SUBS_i(DisasContext *s, arg_rri_addsub *a) { return do_addsub_imm(s, a, true, true); }

/* FEAT_MTE is not implemented (ID_AA64PFR1_EL1.MTE = 0): ADDG/SUBG are UNDEFINED. */
bool trans_ADDG(DisasContext *s, arg_rri_tag *a) { return false; }
bool trans_SUBG(DisasContext *s, arg_rri_tag *a) { return false; }

typedef void IrBinFn(IrContext *, IrType, IrTemp, IrTemp, IrTemp);

static bool do_logic_imm(DisasContext *s, arg_rri_logic *a, IrBinFn *fn, bool set_flags)
{
    uint64_t imm;
    IrTemp d;

    if (!logic_imm_decode_wmask(&imm, a->n, a->imms, a->immr, a->sf)) {
        return false;   /* reserved bitmask immediate: UNDEFINED */
    }
    /* AND/ORR/EOR write SP when Rd = 31; ANDS writes XZR. */
    d = set_flags ? cpu_reg_dest(s, a->rd) : cpu_reg_sp(s, a->rd);
    fn(s->ir, a->sf ? IR_I64 : IR_I32, d, cpu_reg(s, a->rn), tcg_const(s, imm));
    if (set_flags) {
        gen_logic_flags(s, a->sf, d);
    }
    return true;
}

bool trans_AND_i(DisasContext *s, arg_rri_logic *a) { return do_logic_imm(s, a, ir_gen_and, false); }
bool trans_ORR_i(DisasContext *s, arg_rri_logic *a) { return do_logic_imm(s, a, ir_gen_or, false); }
bool trans_EOR_i(DisasContext *s, arg_rri_logic *a) { return do_logic_imm(s, a, ir_gen_xor, false); }
bool trans_ANDS_i(DisasContext *s, arg_rri_logic *a) { return do_logic_imm(s, a, ir_gen_and, true); }

bool trans_MOVZ(DisasContext *s, arg_movw *a)
{
    uint64_t v = (uint64_t)(uint16_t)a->imm << (16 * a->hw);
    gen_write_reg(s, a->rd, tcg_const(s, v), a->sf);
    return true;
}

bool trans_MOVN(DisasContext *s, arg_movw *a)
{
    uint64_t v = ~((uint64_t)(uint16_t)a->imm << (16 * a->hw));
    gen_write_reg(s, a->rd, tcg_const(s, v), a->sf);      /* !sf: truncated by the write */
    return true;
}

bool trans_MOVK(DisasContext *s, arg_movw *a)
{
    if (a->rd == 31) {
        return true;
    }
    IrTemp rd = IR_SLOT(xregs[a->rd]);
    ir_gen_deposit(s->ir, a->sf ? IR_I64 : IR_I32, rd, rd, tcg_const(s, (uint16_t)a->imm),
                   16 * a->hw, 16);
    return true;
}

/* Bitfield moves follow the Arm ARM's SBFM/BFM/UBFM pseudocode via their common special cases:
 * when imms >= immr the field Rn<imms:immr> goes to the bottom of Rd; otherwise Rn<imms:0> goes
 * to bit position (datasize - immr). */
static bool do_bitfield(DisasContext *s, arg_bitfield *a, int kind)
{
    unsigned width = a->sf ? 64 : 32;
    IrType ty = a->sf ? IR_I64 : IR_I32;
    IrTemp d = cpu_reg_dest(s, a->rd);
    IrTemp rn = cpu_reg(s, a->rn);
    unsigned r = a->immr, sv = a->imms;

    if (r >= width || sv >= width) {
        return false;
    }
    if (sv >= r) {
        unsigned len = sv - r + 1;
        if (kind == 0) {            /* SBFM: ASR, SXTB/H/W, SBFX */
            ir_gen_sextract(s->ir, ty, d, rn, (int)r, (int)len);
        } else if (kind == 2) {     /* UBFM: LSR, UBFX */
            ir_gen_extract(s->ir, ty, d, rn, (int)r, (int)len);
        } else {                    /* BFM: BFXIL — insert into the low bits of Rd */
            IrTemp f = new_tmp(s);
            IrTemp old = cpu_reg(s, a->rd);
            ir_gen_extract(s->ir, ty, f, rn, (int)r, (int)len);
            ir_gen_deposit(s->ir, ty, d, old, f, 0, (int)len);
        }
    } else {
        unsigned len = sv + 1, pos = width - r;
        if (kind == 0) {            /* SBFM: SBFIZ — sign-extend the field then shift up */
            IrTemp f = new_tmp(s);
            ir_gen_sextract(s->ir, ty, f, rn, 0, (int)len);
            ir_gen_shl(s->ir, ty, d, f, tcg_const(s, pos));
        } else if (kind == 2) {     /* UBFM: LSL, UBFIZ */
            IrTemp f = new_tmp(s);
            ir_gen_extract(s->ir, ty, f, rn, 0, (int)len);
            ir_gen_shl(s->ir, ty, d, f, tcg_const(s, pos));
        } else {                    /* BFM: BFI */
            IrTemp old = cpu_reg(s, a->rd);
            ir_gen_deposit(s->ir, ty, d, old, rn, (int)pos, (int)len);
        }
    }
    return true;
}

bool trans_SBFM(DisasContext *s, arg_bitfield *a) { return do_bitfield(s, a, 0); }
bool trans_BFM(DisasContext *s, arg_bitfield *a) { return do_bitfield(s, a, 1); }
bool trans_UBFM(DisasContext *s, arg_bitfield *a) { return do_bitfield(s, a, 2); }

bool trans_EXTR(DisasContext *s, arg_extract *a)
{
    unsigned width = a->sf ? 64 : 32;
    IrType ty = a->sf ? IR_I64 : IR_I32;
    IrTemp d = cpu_reg_dest(s, a->rd);
    unsigned lsb = a->imm;

    if (lsb >= width) {
        return false;
    }
    if (lsb == 0) {
        ir_gen_mov(s->ir, ty, d, cpu_reg(s, a->rm));
    } else if (a->rn == a->rm) {
        ir_gen_rotr(s->ir, ty, d, cpu_reg(s, a->rm), tcg_const(s, lsb));   /* ROR (immediate) */
    } else {
        IrTemp lo = new_tmp(s), hi = new_tmp(s);
        ir_gen_shr(s->ir, ty, lo, cpu_reg(s, a->rm), tcg_const(s, lsb));
        ir_gen_shl(s->ir, ty, hi, cpu_reg(s, a->rn), tcg_const(s, width - lsb));
        ir_gen_or(s->ir, ty, d, lo, hi);
    }
    return true;
}
