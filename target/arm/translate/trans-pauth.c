/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-pauth.c: translation of the FEAT_PAuth instructions (Arm ARM C6.2: PACIA..PACDZB,
 * AUTIA..AUTDZB, XPACD/XPACI/XPACLRI, PACGA, the hint-space PAC/AUT forms, BRAA..BLRABZ,
 * RETAA/RETAB, ERETAA/ERETAB, LDRAA/LDRAB). Their patterns live in the encoding-group .decode
 * files; the work is done by the helpers in target/arm/pauth.c. Without FEAT_PAuth the hint
 * forms are NOPs and everything else is UNDEFINED. */
#include "pauth.h"
#include "translate.h"
#include "decode-a64-branch-sys.h"
#include "decode-a64-dp-reg.h"
#include "decode-a64-ldst.h"

static bool have_pauth(DisasContext *s)
{
    return isar_aa64_pauth(&s->env->features);
}

/* dest = AddPACxx(ptr, modifier) or Authxx(ptr, modifier) */
static void gen_pac_op(DisasContext *s, int helper, IrTemp dest, IrTemp ptr, IrTemp mod, int key)
{
    gen_helper(s, helper, dest, 3, ptr, mod, tcg_const(s, (uint64_t)key));
}

/* ---- Data-processing (1 source), opcode2 = 00001 ---- */

/* PACIA, PACIZA, ... PACDZB <Xd>, <Xn|SP>: key IA, IB, DA, DB in key; Z forms use modifier 0. */
bool trans_PAC(DisasContext *s, arg_pac *a)
{
    IrTemp d = cpu_reg_dest(s, a->rd);

    if (!have_pauth(s)) {
        return false;
    }
    gen_pac_op(s, HELPER_pac, d, cpu_reg(s, a->rd), a->z ? tcg_const(s, 0) : cpu_reg_sp(s, a->rn),
               a->key);
    return true;
}

bool trans_AUT(DisasContext *s, arg_pac *a)
{
    IrTemp d = cpu_reg_dest(s, a->rd);

    if (!have_pauth(s)) {
        return false;
    }
    gen_pac_op(s, HELPER_aut, d, cpu_reg(s, a->rd), a->z ? tcg_const(s, 0) : cpu_reg_sp(s, a->rn),
               a->key);
    return true;
}

/* XPACI (d = 0), XPACD (d = 1): Strip(). */
bool trans_XPAC(DisasContext *s, arg_xpac *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_helper(s, HELPER_xpac, cpu_reg_dest(s, a->rd), 2, cpu_reg(s, a->rd),
               tcg_const(s, (uint64_t)a->d));
    return true;
}

/* ---- Data-processing (2 source): PACGA <Xd>, <Xn>, <Xm|SP> ---- */
bool trans_PACGA(DisasContext *s, arg_rrr *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_helper(s, HELPER_pacga, cpu_reg_dest(s, a->rd), 2, cpu_reg(s, a->rn),
               cpu_reg_sp(s, a->rm));
    return true;
}

/* ---- Hints: NOPs without FEAT_PAuth ---- */

/* X[xd] = PAC or AUT of X[xd] with the modifier `mod` */
static bool hint_pac(DisasContext *s, int helper, int xd, IrTemp mod, int key)
{
    if (have_pauth(s)) {
        gen_pac_op(s, helper, IR_SLOT(xregs[xd]), IR_SLOT(xregs[xd]), mod, key);
    }
    return true;
}

static IrTemp sp(DisasContext *s) { return cpu_reg_sp(s, 31); }
static IrTemp zero(DisasContext *s) { return tcg_const(s, 0); }
static IrTemp x16(DisasContext *s) { return IR_SLOT(xregs[16]); }

bool trans_PACIA1716(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_pac, 17, x16(s), PAUTH_KEY_IA); }
bool trans_PACIB1716(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_pac, 17, x16(s), PAUTH_KEY_IB); }
bool trans_AUTIA1716(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_aut, 17, x16(s), PAUTH_KEY_IA); }
bool trans_AUTIB1716(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_aut, 17, x16(s), PAUTH_KEY_IB); }
bool trans_PACIAZ(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_pac, 30, zero(s), PAUTH_KEY_IA); }
bool trans_PACIBZ(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_pac, 30, zero(s), PAUTH_KEY_IB); }
bool trans_AUTIAZ(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_aut, 30, zero(s), PAUTH_KEY_IA); }
bool trans_AUTIBZ(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_aut, 30, zero(s), PAUTH_KEY_IB); }
bool trans_PACIASP(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_pac, 30, sp(s), PAUTH_KEY_IA); }
bool trans_PACIBSP(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_pac, 30, sp(s), PAUTH_KEY_IB); }
bool trans_AUTIASP(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_aut, 30, sp(s), PAUTH_KEY_IA); }
bool trans_AUTIBSP(DisasContext *s, arg_empty *a) { return hint_pac(s, HELPER_aut, 30, sp(s), PAUTH_KEY_IB); }

bool trans_XPACLRI(DisasContext *s, arg_empty *a)
{
    if (have_pauth(s)) {
        gen_helper(s, HELPER_xpac, IR_SLOT(xregs[30]), 2, IR_SLOT(xregs[30]), tcg_const(s, 0));
    }
    return true;
}

/* ---- Unconditional branch (register) with authentication ---- */

/* The branch target AuthIA/IB(X[rn], modifier), in a fresh temp. */
static IrTemp auth_target(DisasContext *s, int rn, IrTemp mod, int m)
{
    IrTemp t = new_tmp(s);
    gen_pac_op(s, HELPER_aut, t, cpu_reg(s, rn), mod, m ? PAUTH_KEY_IB : PAUTH_KEY_IA);
    return t;
}

/* BRAAZ, BRABZ */
bool trans_BRAZ(DisasContext *s, arg_r_pac *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_jump_reg(s, auth_target(s, a->rn, zero(s), a->m));
    return true;
}

/* BLRAAZ, BLRABZ: the target is read before X30 is written. */
bool trans_BLRAZ(DisasContext *s, arg_r_pac *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    IrTemp t = auth_target(s, a->rn, zero(s), a->m);
    ir_gen_movi(s->ir, IR_SLOT(xregs[30]), s->pc_next);
    gen_jump_reg(s, t);
    return true;
}

/* BRAA, BRAB <Xn>, <Xm|SP> */
bool trans_BRA(DisasContext *s, arg_rr_pac *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_jump_reg(s, auth_target(s, a->rn, cpu_reg_sp(s, a->rm), a->m));
    return true;
}

bool trans_BLRA(DisasContext *s, arg_rr_pac *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    IrTemp t = auth_target(s, a->rn, cpu_reg_sp(s, a->rm), a->m);
    ir_gen_movi(s->ir, IR_SLOT(xregs[30]), s->pc_next);
    gen_jump_reg(s, t);
    return true;
}

/* RETAA, RETAB: X30 authenticated with SP as the modifier. */
bool trans_RETA(DisasContext *s, arg_pac_ret *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    gen_jump_reg(s, auth_target(s, 30, sp(s), a->m));
    return true;
}

/* ERETAA, ERETAB: UNDEFINED at EL0 like ERET. */
bool trans_ERETA(DisasContext *s, arg_pac_ret *a)
{
    if (!have_pauth(s) || s->el == 0) {
        return false;
    }
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_eret_auth, IR_NO_TEMP, 1,
               tcg_const(s, a->m ? PAUTH_KEY_IB : PAUTH_KEY_IA));
    s->is_jmp = DISAS_EXIT;
    return true;
}

/* ---- LDRAA, LDRAB: [Xn|SP, #simm10 * 8]{!} with the base authenticated by AuthDA/DB with a
 * zero modifier (X[31]) ---- */
bool trans_LDRA(DisasContext *s, arg_ldra *a)
{
    if (!have_pauth(s)) {
        return false;
    }
    if (a->rn == 31 && s->sp_align_check) {
        gen_helper(s, HELPER_check_sp_alignment, IR_NO_TEMP, 1, IR_SLOT(xregs[31]));
    }
    IrTemp addr = new_tmp(s);
    IrTemp val = new_tmp(s);
    gen_pac_op(s, HELPER_aut, addr, cpu_reg_sp(s, a->rn), zero(s),
               a->m ? PAUTH_KEY_DB : PAUTH_KEY_DA);
    ir_gen_add(s->ir, IR_I64, addr, addr, tcg_const(s, (uint64_t)((int64_t)a->imm * 8)));
    gen_ld(s, val, addr, MO_64);
    gen_write_reg(s, a->rt, val, true);
    if (a->w) {
        ir_gen_mov(s->ir, IR_I64, cpu_reg_sp(s, a->rn), addr);
    }
    return true;
}
