/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-branch-sys.c: A64 "Branches, Exception Generating and System instructions" (Arm ARM
 * C4.1.87): conditional and unconditional branches, compare/test and branch, SVC/HVC/SMC/BRK/
 * HLT, hints, barriers, MSR (immediate), SYS/SYSL, MSR/MRS (register) and ERET. Features that
 * are not advertised (BTI, FlagM, WFxT, XS, SB, HBC) are UNDEFINED outside the hint space and
 * NOPs inside it, as the architecture requires. The PAuth forms are in trans-pauth.c. */
#include "exec/cputlb.h"
#include "system/semihosting.h"
#include "cpu-features.h"
#include "translate.h"
#include "decode-a64-branch-sys.h"

/* Two-way branch on a 0/1 (or any) temp: taken when `t cond rhs`. */
static void gen_branch_cond(DisasContext *s, IrType ty, IrCond cond, IrTemp t, IrTemp rhs,
                            uint64_t target)
{
    int not_taken = ir_new_label(s->ir);

    ir_gen_brcond(s->ir, ty, cond ^ 1, t, rhs, not_taken);   /* IR conds pair as (c, c ^ 1) */
    gen_goto_tb(s, 0, target);
    ir_gen_set_label(s->ir, not_taken);
    gen_goto_tb(s, 1, s->pc_next);
    s->is_jmp = DISAS_CHAINED;
}

bool trans_B(DisasContext *s, arg_i *a)
{
    gen_goto_tb(s, 0, s->pc_curr + (int64_t)a->imm * 4);
    s->is_jmp = DISAS_CHAINED;
    return true;
}

bool trans_BL(DisasContext *s, arg_i *a)
{
    ir_gen_movi(s->ir, IR_SLOT(xregs[30]), s->pc_next);
    return trans_B(s, a);
}

bool trans_B_cond(DisasContext *s, arg_bcond *a)
{
    uint64_t target = s->pc_curr + (int64_t)a->imm * 4;

    if (a->cond >= 14) {     /* AL and NV: always */
        gen_goto_tb(s, 0, target);
        s->is_jmp = DISAS_CHAINED;
        return true;
    }
    gen_branch_cond(s, IR_I64, IR_COND_NE, gen_cond(s, a->cond), tcg_const(s, 0), target);
    return true;
}

/* FEAT_HBC is not advertised. */
bool trans_BC_cond(DisasContext *s, arg_bcond *a) { return false; }

bool trans_CBZ(DisasContext *s, arg_ri_br *a)
{
    gen_branch_cond(s, a->sf ? IR_I64 : IR_I32, IR_COND_EQ, cpu_reg(s, a->rt), tcg_const(s, 0),
                    s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

bool trans_CBNZ(DisasContext *s, arg_ri_br *a)
{
    gen_branch_cond(s, a->sf ? IR_I64 : IR_I32, IR_COND_NE, cpu_reg(s, a->rt), tcg_const(s, 0),
                    s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

bool trans_TBZ(DisasContext *s, arg_tbz *a)
{
    gen_branch_cond(s, IR_I64, IR_COND_TSTEQ, cpu_reg(s, a->rt), tcg_const(s, 1ull << a->bit),
                    s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

bool trans_TBNZ(DisasContext *s, arg_tbz *a)
{
    gen_branch_cond(s, IR_I64, IR_COND_TSTNE, cpu_reg(s, a->rt), tcg_const(s, 1ull << a->bit),
                    s->pc_curr + (int64_t)a->imm * 4);
    return true;
}

bool trans_BR(DisasContext *s, arg_r_br *a)
{
    gen_jump_reg(s, cpu_reg(s, a->rn));
    return true;
}

bool trans_BLR(DisasContext *s, arg_r_br *a)
{
    IrTemp t = new_tmp(s);
    ir_gen_mov(s->ir, IR_I64, t, cpu_reg(s, a->rn));    /* BLR X30 reads X30 before linking */
    ir_gen_movi(s->ir, IR_SLOT(xregs[30]), s->pc_next);
    gen_jump_reg(s, t);
    return true;
}

bool trans_RET(DisasContext *s, arg_r_br *a)
{
    gen_jump_reg(s, cpu_reg(s, a->rn));
    return true;
}

/* DRPS and DCPSx are UNDEFINED outside Debug state, which is not modelled. */
bool trans_DRPS(DisasContext *s, arg_empty *a) { return false; }
bool trans_DCPS1(DisasContext *s, arg_excp *a) { return false; }
bool trans_DCPS2(DisasContext *s, arg_excp *a) { return false; }
bool trans_DCPS3(DisasContext *s, arg_excp *a) { return false; }

bool trans_ERET(DisasContext *s, arg_empty *a)
{
    if (s->el == 0) {
        return false;
    }
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_eret, IR_NO_TEMP, 0);
    s->is_jmp = DISAS_EXIT;
    return true;
}

bool trans_SVC(DisasContext *s, arg_excp *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_svc, IR_NO_TEMP, 1, tcg_const(s, (uint64_t)a->imm));
    s->is_jmp = DISAS_NORETURN;
    return true;
}

/* HVC and SMC may be answered without an exception (PSCI without EL3 firmware). */
bool trans_HVC(DisasContext *s, arg_excp *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_hvc, IR_NO_TEMP, 1, tcg_const(s, (uint64_t)a->imm));
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

bool trans_SMC(DisasContext *s, arg_excp *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_smc, IR_NO_TEMP, 1, tcg_const(s, (uint64_t)a->imm));
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

bool trans_BRK(DisasContext *s, arg_excp *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_brk, IR_NO_TEMP, 1, tcg_const(s, (uint64_t)a->imm));
    s->is_jmp = DISAS_NORETURN;
    return true;
}

/* HLT #0xF000 is the A64 semihosting call when semihosting is enabled (from EL0 only if
 * userspace semihosting is allowed); otherwise HLT is UNDEFINED (halting debug disabled). */
bool trans_HLT(DisasContext *s, arg_excp *a)
{
    gen_set_pc(s, s->pc_curr);
    if (a->imm == 0xf000 && semihosting.enabled && (s->el > 0 || semihosting.userspace)) {
        gen_helper(s, HELPER_semihosting, IR_NO_TEMP, 0);
        s->is_jmp = DISAS_UPDATE_NEXT;
    } else {
        gen_helper(s, HELPER_hlt, IR_NO_TEMP, 1, tcg_const(s, (uint64_t)a->imm));
        s->is_jmp = DISAS_NORETURN;
    }
    return true;
}

/* FEAT_WFxT is not advertised. */
bool trans_WFET(DisasContext *s, arg_wfxt *a) { return false; }
bool trans_WFIT(DisasContext *s, arg_wfxt *a) { return false; }

bool trans_NOP(DisasContext *s, arg_empty *a) { return true; }
bool trans_YIELD(DisasContext *s, arg_empty *a) { return true; }
bool trans_SEV(DisasContext *s, arg_empty *a)
{
    gen_helper(s, HELPER_sev, IR_NO_TEMP, 0);
    return true;
}

bool trans_SEVL(DisasContext *s, arg_empty *a)
{
    gen_helper(s, HELPER_sev, IR_NO_TEMP, 0);
    return true;
}
bool trans_DGH(DisasContext *s, arg_empty *a) { return true; }
bool trans_ESB(DisasContext *s, arg_empty *a) { return true; }
bool trans_PSB_CSYNC(DisasContext *s, arg_empty *a) { return true; }
bool trans_TSB_CSYNC(DisasContext *s, arg_empty *a) { return true; }
bool trans_CSDB(DisasContext *s, arg_empty *a) { return true; }
bool trans_CLRBHB(DisasContext *s, arg_empty *a) { return true; }
bool trans_HINT(DisasContext *s, arg_hint *a) { return true; }
bool trans_BTI(DisasContext *s, arg_bti *a) { return true; }

bool trans_WFE(DisasContext *s, arg_empty *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_wfe, IR_NO_TEMP, 0);
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

bool trans_WFI(DisasContext *s, arg_empty *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_wfi, IR_NO_TEMP, 0);
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

bool trans_CLREX(DisasContext *s, arg_crm *a)
{
    ir_gen_movi(s->ir, IR_SLOT(exclusive_addr), ~0ull);
    return true;
}

bool trans_DSB(DisasContext *s, arg_barrier *a)
{
    ir_gen_mb(s->ir);
    return true;
}

bool trans_DMB(DisasContext *s, arg_barrier *a)
{
    ir_gen_mb(s->ir);
    return true;
}

/* ISB is a context synchronization event: end the TB so changed state is seen. */
bool trans_ISB(DisasContext *s, arg_barrier *a)
{
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

bool trans_DSB_nXS(DisasContext *s, arg_dsb_nxs *a) { return false; }   /* FEAT_XS */
bool trans_SB(DisasContext *s, arg_empty *a)
{
    if (!isar_aa64_sb(&s->env->features)) {
        return false;
    }
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}
/* FEAT_FlagM (ID_AA64ISAR0_EL1.TS >= 1) and FEAT_FlagM2 (TS >= 2). */
static bool do_flagm(DisasContext *s, int op, unsigned need_ts)
{
    if (id_field(s->env->features.id_aa64isar0, 52) < need_ts) {
        return false;
    }
    gen_helper(s, HELPER_flagm, IR_NO_TEMP, 1, tcg_const(s, (uint64_t)op));
    return true;
}

bool trans_CFINV(DisasContext *s, arg_empty *a) { return do_flagm(s, 0, 1); }
bool trans_AXFLAG(DisasContext *s, arg_empty *a) { return do_flagm(s, 1, 2); }
bool trans_XAFLAG(DisasContext *s, arg_empty *a) { return do_flagm(s, 2, 2); }

bool trans_MSR_i(DisasContext *s, arg_msr_i *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_msr_i_pstate, IR_NO_TEMP, 2, tcg_const(s, (uint64_t)(a->op1 << 3 | a->op2)),
               tcg_const(s, (uint64_t)a->crm));
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

static uint64_t sys_arg(arg_sys *a)
{
    return (uint64_t)((a->op0 << 14 | a->op1 << 11 | a->crn << 7 | a->crm << 3 | a->op2) |
                      a->rt << 16);
}

bool trans_SYS(DisasContext *s, arg_sys *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_sys, IR_NO_TEMP, 2, tcg_const(s, sys_arg(a)), cpu_reg(s, a->rt));
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

bool trans_SYSL(DisasContext *s, arg_sys *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_sysl, cpu_reg_dest(s, a->rt), 1, tcg_const(s, sys_arg(a)));
    return true;
}

bool trans_MSR_r(DisasContext *s, arg_sys *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_msr, IR_NO_TEMP, 2, tcg_const(s, sys_arg(a)), cpu_reg(s, a->rt));
    s->is_jmp = DISAS_UPDATE_NEXT;
    return true;
}

bool trans_MRS(DisasContext *s, arg_sys *a)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_mrs, cpu_reg_dest(s, a->rt), 1, tcg_const(s, sys_arg(a)));
    return true;
}
