/* SPDX-License-Identifier: GPL-2.0-or-later */
/* translate.c: the A64 translation loop, the top-level encoding dispatch (Arm ARM C4.1, op0 =
 * bits[28:25]) and the gen_*() building blocks shared by the trans-*.c files. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "exec/cputlb.h"
#include "qemu/log.h"
#include "system/gdbstub.h"
#include "disas.h"
#include "translate-entry.h"
#include "translate.h"

#define MAX_INSNS_PER_TB 512

bool decode_unimplemented(DisasContext *s, const char *pattern_name)
{
    qemu_log_mask(LOG_UNIMP, "unimplemented instruction %s (0x%08x) at 0x%016llx\n",
                  pattern_name, s->insn, (unsigned long long)s->pc_curr);
    return false;
}

/* Decoders for groups whose pattern file does not exist yet: everything there is UNDEFINED. */
__attribute__((weak)) bool decode_a64_dp_imm(DisasContext *s, uint32_t insn) { return false; }
__attribute__((weak)) bool decode_a64_dp_reg(DisasContext *s, uint32_t insn) { return false; }
__attribute__((weak)) bool decode_a64_branch_sys(DisasContext *s, uint32_t insn) { return false; }
__attribute__((weak)) bool decode_a64_ldst(DisasContext *s, uint32_t insn) { return false; }
__attribute__((weak)) bool decode_a64_simd_fp(DisasContext *s, uint32_t insn) { return false; }

IrTemp new_tmp(DisasContext *s)
{
    return ir_new_temp(s->ir);
}

IrTemp tcg_const(DisasContext *s, uint64_t v)
{
    return ir_const(s->ir, v);
}

IrTemp cpu_reg(DisasContext *s, int r)
{
    return r == 31 ? ir_const(s->ir, 0) : IR_SLOT(xregs[r]);
}

IrTemp cpu_reg_dest(DisasContext *s, int rd)
{
    return rd == 31 ? new_tmp(s) : IR_SLOT(xregs[rd]);
}

void gen_write_reg(DisasContext *s, int rd, IrTemp val, bool sf)
{
    if (rd != 31) {
        gen_write_reg_sp(s, rd, val, sf);
    }
}

void gen_write_reg_sp(DisasContext *s, int rd, IrTemp val, bool sf)
{
    if (sf) {
        if (val != IR_SLOT(xregs[rd])) {
            ir_gen_mov(s->ir, IR_I64, IR_SLOT(xregs[rd]), val);
        }
    } else {
        ir_gen_ext32u(s->ir, IR_I64, IR_SLOT(xregs[rd]), val);
    }
}

/* NZCV are kept as: N = bit 63 of nf, Z = (zf == 0), C = cf (0/1), V = bit 63 of vf. */
void gen_logic_flags(DisasContext *s, bool sf, IrTemp res)
{
    IrContext *ir = s->ir;

    if (sf) {
        ir_gen_mov(ir, IR_I64, IR_SLOT(nf), res);
        ir_gen_mov(ir, IR_I64, IR_SLOT(zf), res);
    } else {
        ir_gen_ext32s(ir, IR_I64, IR_SLOT(nf), res);
        ir_gen_ext32u(ir, IR_I64, IR_SLOT(zf), res);
    }
    ir_gen_movi(ir, IR_SLOT(cf), 0);
    ir_gen_movi(ir, IR_SLOT(vf), 0);
}

/* AddWithCarry (Arm ARM shared/functions/integer/AddWithCarry) for x + y + carry_in, where the
 * caller passes y already inverted for subtraction. */
static void gen_add_with_carry(DisasContext *s, bool sf, IrTemp d, IrTemp x, IrTemp y,
                               IrTemp carry_in, bool set_flags)
{
    IrContext *ir = s->ir;

    if (!set_flags) {
        if (carry_in == IR_NO_TEMP) {
            ir_gen_add(ir, sf ? IR_I64 : IR_I32, d, x, y);
        } else {
            IrTemp t = new_tmp(s);
            ir_gen_add(ir, IR_I64, t, x, y);
            ir_gen_add(ir, sf ? IR_I64 : IR_I32, d, t, carry_in);
        }
        return;
    }
    IrTemp res = new_tmp(s);
    IrTemp t = new_tmp(s);
    if (sf) {
        if (carry_in == IR_NO_TEMP) {
            ir_gen_add(ir, IR_I64, res, x, y);
            ir_gen_setcond(ir, IR_I64, IR_COND_LTU, IR_SLOT(cf), res, x);
        } else {
            IrTemp c1 = new_tmp(s);
            ir_gen_add(ir, IR_I64, t, x, carry_in);
            ir_gen_setcond(ir, IR_I64, IR_COND_LTU, c1, t, x);
            ir_gen_add(ir, IR_I64, res, t, y);
            ir_gen_setcond(ir, IR_I64, IR_COND_LTU, t, res, t);
            ir_gen_or(ir, IR_I64, IR_SLOT(cf), c1, t);
        }
        /* V = (res ^ x) & ~(x ^ y), bit 63 */
        IrTemp v = new_tmp(s);
        ir_gen_xor(ir, IR_I64, v, res, x);
        ir_gen_xor(ir, IR_I64, t, x, y);
        ir_gen_andc(ir, IR_I64, IR_SLOT(vf), v, t);
        ir_gen_mov(ir, IR_I64, IR_SLOT(nf), res);
        ir_gen_mov(ir, IR_I64, IR_SLOT(zf), res);
        ir_gen_mov(ir, IR_I64, d, res);
    } else if (carry_in == IR_NO_TEMP) {
        /* 32-bit ADDS: C = res < x (unsigned, 32 bits); V from bit 31, sign-extended to 63. */
        IrTemp v = new_tmp(s);
        ir_gen_add(ir, IR_I32, res, x, y);
        ir_gen_setcond(ir, IR_I32, IR_COND_LTU, IR_SLOT(cf), res, x);
        ir_gen_xor(ir, IR_I32, v, res, x);
        ir_gen_xor(ir, IR_I32, t, x, y);
        ir_gen_andc(ir, IR_I32, v, v, t);
        ir_gen_ext32s(ir, IR_I64, IR_SLOT(vf), v);
        ir_gen_ext32s(ir, IR_I64, IR_SLOT(nf), res);
        ir_gen_mov(ir, IR_I64, IR_SLOT(zf), res);
        ir_gen_mov(ir, IR_I64, d, res);
    } else {
        /* 32-bit: do the sum in 64 bits of zero-extended operands; carry is bit 32. */
        IrTemp xs = new_tmp(s), ys = new_tmp(s);
        ir_gen_ext32u(ir, IR_I64, xs, x);
        ir_gen_ext32u(ir, IR_I64, ys, y);
        ir_gen_add(ir, IR_I64, t, xs, ys);
        if (carry_in != IR_NO_TEMP) {
            ir_gen_add(ir, IR_I64, t, t, carry_in);
        }
        ir_gen_extract(ir, IR_I64, IR_SLOT(cf), t, 32, 1);
        ir_gen_ext32u(ir, IR_I64, res, t);
        IrTemp v = new_tmp(s);
        ir_gen_xor(ir, IR_I64, v, res, xs);
        ir_gen_xor(ir, IR_I64, t, xs, ys);
        ir_gen_andc(ir, IR_I64, v, v, t);
        ir_gen_ext32s(ir, IR_I64, IR_SLOT(vf), v);
        ir_gen_ext32s(ir, IR_I64, IR_SLOT(nf), res);
        ir_gen_mov(ir, IR_I64, IR_SLOT(zf), res);
        ir_gen_mov(ir, IR_I64, d, res);
    }
}

void gen_add(DisasContext *s, bool sf, IrTemp d, IrTemp a, IrTemp b, bool set_flags, bool with_carry)
{
    gen_add_with_carry(s, sf, d, a, b, with_carry ? IR_SLOT(cf) : IR_NO_TEMP, set_flags);
}

void gen_sub(DisasContext *s, bool sf, IrTemp d, IrTemp a, IrTemp b, bool set_flags, bool with_carry)
{
    IrContext *ir = s->ir;

    if (!with_carry && !set_flags) {
        ir_gen_sub(ir, sf ? IR_I64 : IR_I32, d, a, b);
        return;
    }
    if (!with_carry) {
        /* x - y: C = x >= y (unsigned), V = (res ^ x) & (x ^ y); for 32 bits the sign bit is
         * bit 31, sign-extended into bit 63 where nf and vf keep it. */
        IrType ty = sf ? IR_I64 : IR_I32;
        IrTemp res = new_tmp(s), t = new_tmp(s), v = new_tmp(s);
        ir_gen_sub(ir, ty, res, a, b);
        ir_gen_setcond(ir, ty, IR_COND_GEU, IR_SLOT(cf), a, b);
        ir_gen_xor(ir, ty, v, res, a);
        ir_gen_xor(ir, ty, t, a, b);
        if (sf) {
            ir_gen_and(ir, IR_I64, IR_SLOT(vf), v, t);
            ir_gen_mov(ir, IR_I64, IR_SLOT(nf), res);
        } else {
            ir_gen_and(ir, IR_I32, v, v, t);
            ir_gen_ext32s(ir, IR_I64, IR_SLOT(vf), v);
            ir_gen_ext32s(ir, IR_I64, IR_SLOT(nf), res);
        }
        ir_gen_mov(ir, IR_I64, IR_SLOT(zf), res);
        ir_gen_mov(ir, IR_I64, d, res);
        return;
    }
    IrTemp nb = new_tmp(s);
    ir_gen_not(ir, sf ? IR_I64 : IR_I32, nb, b);
    gen_add_with_carry(s, sf, d, a, nb, with_carry ? IR_SLOT(cf) : ir_const(ir, 1), set_flags);
}

IrTemp gen_cond(DisasContext *s, int cond)
{
    IrContext *ir = s->ir;
    IrTemp t = new_tmp(s);
    IrTemp u;

    switch (cond >> 1) {
    case 0: /* EQ: Z */
        ir_gen_setcond(ir, IR_I64, IR_COND_EQ, t, IR_SLOT(zf), ir_const(ir, 0));
        break;
    case 1: /* CS: C */
        ir_gen_mov(ir, IR_I64, t, IR_SLOT(cf));
        break;
    case 2: /* MI: N */
        ir_gen_setcond(ir, IR_I64, IR_COND_LT, t, IR_SLOT(nf), ir_const(ir, 0));
        break;
    case 3: /* VS: V */
        ir_gen_setcond(ir, IR_I64, IR_COND_LT, t, IR_SLOT(vf), ir_const(ir, 0));
        break;
    case 4: /* HI: C && !Z, i.e. cf > Z as 0/1 values (LS is cf <= Z): one op the optimizer can
             * fold into the branch or select that tests it */
        u = new_tmp(s);
        ir_gen_setcond(ir, IR_I64, IR_COND_EQ, u, IR_SLOT(zf), ir_const(ir, 0));
        ir_gen_setcond(ir, IR_I64, cond & 1 ? IR_COND_LEU : IR_COND_GTU, t, IR_SLOT(cf), u);
        return t;
    case 5: /* GE: N == V */
        ir_gen_xor(ir, IR_I64, t, IR_SLOT(nf), IR_SLOT(vf));
        ir_gen_setcond(ir, IR_I64, IR_COND_GE, t, t, ir_const(ir, 0));
        break;
    case 6: /* GT: !Z && N == V, i.e. (N == V) > Z as 0/1 values (LE is <=) */
        u = new_tmp(s);
        ir_gen_xor(ir, IR_I64, t, IR_SLOT(nf), IR_SLOT(vf));
        ir_gen_setcond(ir, IR_I64, IR_COND_GE, t, t, ir_const(ir, 0));
        ir_gen_setcond(ir, IR_I64, IR_COND_EQ, u, IR_SLOT(zf), ir_const(ir, 0));
        ir_gen_setcond(ir, IR_I64, cond & 1 ? IR_COND_LEU : IR_COND_GTU, t, t, u);
        return t;
    default: /* AL, NV: always */
        ir_gen_movi(ir, t, 1);
        return t;
    }
    if (cond & 1) {
        ir_gen_xor(ir, IR_I64, t, t, ir_const(ir, 1));
    }
    return t;
}

/* Self-hosted debug (debug.c): while a watchpoint is enabled every access is checked first
 * (AArch64.CheckWatchpoint); LDTR/STTR use the unprivileged MMU index and match as EL0. */
static void gen_check_watchpoint(DisasContext *s, IrTemp addr, unsigned memop, int mmu_idx,
                                 bool is_write)
{
    uint64_t info = (1u << (memop & MO_SIZE)) | (is_write ? 0x100u : 0) |
                    (mmu_idx != s->mmu_idx ? 0x200u : 0);

    gen_helper(s, HELPER_check_watchpoint, IR_NO_TEMP, 2, addr, tcg_const(s, info));
}

void gen_ld_idx(DisasContext *s, IrTemp dest, IrTemp addr, unsigned memop, int mmu_idx)
{
    if (s->align_all) {
        memop |= MO_ALIGN;
    }
    if (s->hflags & HF_WP_CHECK) {
        gen_check_watchpoint(s, addr, memop, mmu_idx, false);
    }
    ir_gen_qemu_ld(s->ir, dest, addr, memop, mmu_idx);
}

void gen_st_idx(DisasContext *s, IrTemp val, IrTemp addr, unsigned memop, int mmu_idx)
{
    if (s->align_all) {
        memop |= MO_ALIGN;
    }
    if (s->hflags & HF_WP_CHECK) {
        gen_check_watchpoint(s, addr, memop, mmu_idx, true);
    }
    ir_gen_qemu_st(s->ir, val, addr, memop, mmu_idx);
}

void gen_ld(DisasContext *s, IrTemp dest, IrTemp addr, unsigned memop)
{
    gen_ld_idx(s, dest, addr, memop, s->mmu_idx);
}

void gen_st(DisasContext *s, IrTemp val, IrTemp addr, unsigned memop)
{
    gen_st_idx(s, val, addr, memop, s->mmu_idx);
}

void gen_set_pc(DisasContext *s, uint64_t pc)
{
    ir_gen_movi(s->ir, IR_SLOT(pc), pc);
}

/* Software step, active-not-pending (HF_SS_ACTIVE with PSTATE.SS): the TB is this one
 * instruction. */
static bool ss_stepping(const DisasContext *s)
{
    return (s->hflags & (HF_SS_ACTIVE | HF_PSTATE_SS)) == (HF_SS_ACTIVE | HF_PSTATE_SS);
}

/* LDXR, LDAXR, LDXP, LDAXP (load/store exclusive, o2 = 0, L = 1): the EX bit of the step
 * syndrome. */
static bool insn_is_load_exclusive(uint32_t insn)
{
    return (insn & 0x3fc00000u) == 0x08400000u;
}

/* The stepped instruction completed with env->pc already holding the next PC: leave through
 * the step exception (CheckSoftwareStep), or to the run loop if stepping ended. */
static void gen_ss_step_done(DisasContext *s)
{
    gen_helper(s, HELPER_ss_step_done, IR_NO_TEMP, 1,
               tcg_const(s, insn_is_load_exclusive(s->insn)));
    ir_gen_exit_tb(s->ir);
}

void gen_goto_tb(DisasContext *s, int slot, uint64_t dest)
{
    gen_set_pc(s, dest);
    if (ss_stepping(s)) {
        gen_ss_step_done(s);
        return;
    }
    if (((dest ^ s->tb->pc) & TARGET_PAGE_MASK) == 0 && !s->env->singlestep) {
        ir_gen_goto_tb(s->ir, slot);
    } else {
        ir_gen_lookup_and_goto(s->ir);
    }
}

void gen_jump_reg(DisasContext *s, IrTemp dest)
{
    ir_gen_mov(s->ir, IR_I64, IR_SLOT(pc), dest);
    s->is_jmp = DISAS_JUMP;
}

void gen_helper(DisasContext *s, int h, IrTemp d, int nin, ...)
{
    IrTemp in[4];
    va_list ap;

    va_start(ap, nin);
    for (int i = 0; i < nin && i < 4; i++) {
        in[i] = va_arg(ap, IrTemp);
    }
    va_end(ap);
    ir_gen_call(s->ir, h, d, nin, in);
}

void gen_exception(DisasContext *s, int kind, uint32_t syndrome, int target_el)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_exception, IR_NO_TEMP, 4, tcg_const(s, kind), tcg_const(s, syndrome),
               tcg_const(s, target_el), tcg_const(s, 0));
    s->is_jmp = DISAS_NORETURN;
}

void gen_undef(DisasContext *s)
{
    gen_set_pc(s, s->pc_curr);
    gen_helper(s, HELPER_undef, IR_NO_TEMP, 0);
    s->is_jmp = DISAS_NORETURN;
}

bool fp_access_check(DisasContext *s)
{
    if (s->fp_trap_el) {
        gen_exception(s, EXCP_UDEF, syn_fp_access_trap(), s->fp_trap_el);
        return false;
    }
    return true;
}

/* Arm ARM shared/functions/bitmasks/DecodeBitMasks, immediate = TRUE. */
bool logic_imm_decode_wmask(uint64_t *result, unsigned n, unsigned imms, unsigned immr, bool sf)
{
    unsigned len, levels, s, r, esize;
    uint64_t welem;

    unsigned x = (n << 6) | (~imms & 0x3f);

    if (x == 0) {
        return false;
    }
    len = 31 - __builtin_clz(x);
    if (len < 1) {
        return false;
    }
    if (!sf && n) {
        return false;
    }
    esize = 1u << len;
    levels = esize - 1;
    s = imms & levels;
    r = immr & levels;
    if (s == levels) {
        return false;   /* all-ones element is reserved */
    }
    welem = (s + 1 == 64) ? ~0ull : (1ull << (s + 1)) - 1;
    if (r) {
        welem = (welem >> r) | (welem << (esize - r));
        if (esize < 64) {
            welem &= (1ull << esize) - 1;
        }
    }
    /* Replicate to 64 bits */
    while (esize < 64) {
        welem |= welem << esize;
        esize *= 2;
    }
    *result = sf ? welem : (welem & 0xffffffffull);
    return true;
}

const char *arm_ir_slot_name(uint32_t slot, char *buf)
{
    if (slot < 31) {
        snprintf(buf, 32, "x%u", slot);
    } else if (slot == IR_SLOT(xregs[31])) {
        snprintf(buf, 32, "sp");
    } else if (slot == IR_SLOT(pc)) {
        snprintf(buf, 32, "pc");
    } else if (slot == IR_SLOT(nf)) {
        snprintf(buf, 32, "NF");
    } else if (slot == IR_SLOT(zf)) {
        snprintf(buf, 32, "ZF");
    } else if (slot == IR_SLOT(cf)) {
        snprintf(buf, 32, "CF");
    } else if (slot == IR_SLOT(vf)) {
        snprintf(buf, 32, "VF");
    } else if (slot == IR_SLOT(exclusive_addr)) {
        snprintf(buf, 32, "excl_addr");
    } else if (slot == IR_SLOT(exclusive_val)) {
        snprintf(buf, 32, "excl_val");
    } else if (slot == IR_SLOT(exclusive_high)) {
        snprintf(buf, 32, "excl_high");
    } else if (slot >= IR_SLOT(tmp) && slot < IR_SLOT(tmp) + IR_NUM_TEMPS) {
        snprintf(buf, 32, "tmp%u", slot - IR_SLOT(tmp));
    } else {
        snprintf(buf, 32, "slot%u", slot);
    }
    return buf;
}

int arm_code_mmu_idx(CPUARMState *env)
{
    return HF_FIELD(env->hflags, HF_MMUIDX_SHIFT, 5);
}

static bool disas_a64_insn(DisasContext *s, uint32_t insn)
{
    unsigned op0 = (insn >> 25) & 0xf;

    if ((op0 & 0xe) == 0x8) {
        return decode_a64_dp_imm(s, insn);
    }
    if ((op0 & 0xe) == 0xa) {
        return decode_a64_branch_sys(s, insn);
    }
    if ((op0 & 0x5) == 0x4) {
        return decode_a64_ldst(s, insn);
    }
    if ((op0 & 0x7) == 0x5) {
        return decode_a64_dp_reg(s, insn);
    }
    if ((op0 & 0x7) == 0x7) {
        return decode_a64_simd_fp(s, insn);
    }
    return false;   /* op0 = 0000 (UDF and reserved), 0001, 0010 (SVE), 0011: UNDEFINED here */
}

void arm_translate_block(CPUARMState *env, TranslationBlock *tb, IrContext *ir,
                         const uint8_t *code_page)
{
    DisasContext s = { 0 };
    uint32_t hf = env->hflags;
    int max = (env->singlestep || (hf & HF_PSTATE_SS)) ? 1 : MAX_INSNS_PER_TB;
    int n = 0;

    s.env = env;
    s.tb = tb;
    s.ir = ir;
    s.hflags = hf;
    s.el = HF_FIELD(hf, HF_EL_SHIFT, 2);
    s.space = HF_FIELD(hf, HF_SPACE_SHIFT, 2);
    s.mmu_idx = HF_FIELD(hf, HF_MMUIDX_SHIFT, 5);
    s.unpriv_mmu_idx = HF_FIELD(hf, HF_UNPRIV_SHIFT, 5);
    s.align_all = (hf & HF_ALIGN) != 0;
    s.fp_trap_el = HF_FIELD(hf, HF_FPTRAP_SHIFT, 2);
    s.sp_align_check = (hf & HF_SA) != 0;
    s.pc_next = tb->pc;

    do {
        s.pc_curr = s.pc_next;
        s.pc_next += 4;
        ir_free_temps(ir);
        ir_gen_insn_start(ir, s.pc_curr);
        if ((hf & (HF_SS_ACTIVE | HF_PSTATE_SS)) == HF_SS_ACTIVE) {
            /* Software step active-pending: the step exception comes before the PC alignment
             * fault and anything else the instruction could raise (a TB's first instruction
             * only: HF_PSTATE_SS clear means nothing was stepped yet). */
            gen_set_pc(&s, s.pc_curr);
            gen_helper(&s, HELPER_ss_pending, IR_NO_TEMP, 0);
            s.is_jmp = DISAS_NORETURN;
            n++;
            break;
        }
        if (s.pc_curr & 3) {
            /* PC alignment fault on fetch (Arm ARM D1.3.5.2): FAR and ELR get the PC. */
            gen_helper(&s, HELPER_pc_alignment_fault, IR_NO_TEMP, 1, tcg_const(&s, s.pc_curr));
            s.is_jmp = DISAS_NORETURN;
            n++;
            break;
        }
        if (gdb_has_breakpoints() && gdb_breakpoint_at(s.pc_curr) && !env->singlestep) {
            /* gdbstub breakpoint: stop before executing this instruction */
            gen_set_pc(&s, s.pc_curr);
            gen_helper(&s, HELPER_debug_breakpoint, IR_NO_TEMP, 0);
            s.is_jmp = DISAS_NORETURN;
            n++;
            break;
        }
        if (hf & HF_BP_CHECK) {
            /* AArch64.CheckBreakpoint, before the instruction executes (debug.c) */
            gen_helper(&s, HELPER_check_breakpoint, IR_NO_TEMP, 1, tcg_const(&s, s.pc_curr));
        }
        if (hf & HF_IL) {
            /* PSTATE.IL: the instruction is not executed; Illegal Execution state exception. */
            gen_exception(&s, EXCP_UDEF, syn_illegalstate(), 0);
            n++;
            break;
        }
        memcpy(&s.insn, code_page + (s.pc_curr & ~TARGET_PAGE_MASK), 4);
        int before = ir->nb_ops, before_consts = ir->nb_consts, before_labels = ir->nb_labels;
        if (!disas_a64_insn(&s, s.insn)) {
            /* Drop anything a failed trans_ function emitted before giving up. */
            ir->nb_ops = before;
            qemu_log_mask(LOG_GUEST_ERROR | LOG_UNIMP, "UNDEFINED instruction 0x%08x at 0x%016llx\n",
                          s.insn, (unsigned long long)s.pc_curr);
            gen_undef(&s);
        }
        if (ir->overflow && n > 0) {
            /* Out of IR space: drop this instruction; the next TB starts with it. */
            ir->nb_ops = before - 1;
            ir->nb_consts = before_consts;
            ir->nb_labels = before_labels;
            ir->overflow = false;
            s.pc_next = s.pc_curr;
            s.is_jmp = DISAS_NEXT;
            break;
        }
        n++;
    } while (s.is_jmp == DISAS_NEXT && n < max &&
             ((s.pc_next ^ tb->pc) & TARGET_PAGE_MASK) == 0 &&
             ir->nb_ops < IR_MAX_OPS - 256);

    if (ss_stepping(&s) && s.is_jmp != DISAS_NORETURN && s.is_jmp != DISAS_CHAINED) {
        /* The stepped instruction completed. After an exception return (DISAS_EXIT)
         * PSTATE.SS came from DebugExceptionReturnSS(): the new state decides. */
        if (s.is_jmp == DISAS_NEXT || s.is_jmp == DISAS_UPDATE_NEXT) {
            gen_set_pc(&s, s.pc_next);
        }
        if (s.is_jmp == DISAS_EXIT) {
            ir_gen_exit_tb(ir);
        } else {
            gen_ss_step_done(&s);
        }
        s.is_jmp = DISAS_NORETURN;
    }
    switch (s.is_jmp) {
    case DISAS_NEXT:
        gen_goto_tb(&s, 0, s.pc_next);
        break;
    case DISAS_UPDATE_NEXT:
        gen_set_pc(&s, s.pc_next);
        ir_gen_exit_tb(ir);
        break;
    case DISAS_EXIT:
        ir_gen_exit_tb(ir);
        break;
    case DISAS_JUMP:
        if (env->singlestep) {
            ir_gen_exit_tb(ir);
        } else {
            ir_gen_lookup_and_goto(ir);
        }
        break;
    case DISAS_NORETURN:
    case DISAS_CHAINED:
        break;
    }
    if (qemu_loglevel_mask(LOG_IN_ASM)) {
        arm_disas_log(tb->pc, code_page + (tb->pc & ~TARGET_PAGE_MASK), (size_t)n * 4);
    }
}
