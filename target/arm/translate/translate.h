/* SPDX-License-Identifier: GPL-2.0-or-later */
/* translate.h: DisasContext and the gen_*() API shared by all trans-*.c files. */
#ifndef TARGET_ARM_TRANSLATE_H
#define TARGET_ARM_TRANSLATE_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/tb.h"
#include "tcg/ir.h"
#include "cpu.h"
#include "helper.h"
#include "hflags.h"
#include "syndrome.h"

typedef enum DisasJumpType {
    DISAS_NEXT = 0,     /* fall through to the next instruction */
    DISAS_NORETURN,     /* an exception is raised unconditionally: nothing follows */
    DISAS_JUMP,         /* env->pc written with a computed target: look the TB up */
    DISAS_EXIT,         /* state that affects translation changed: return to the run loop */
    DISAS_CHAINED,      /* the instruction emitted its own goto_tb exits */
    DISAS_UPDATE_NEXT,  /* continue at pc_next, but through the run loop (e.g. after MSR) */
} DisasJumpType;

typedef struct DisasContext {
    CPUARMState *env;
    TranslationBlock *tb;
    IrContext *ir;
    uint64_t pc_curr;        /* address of the instruction being translated */
    uint64_t pc_next;        /* address of the next instruction */
    uint32_t insn;
    uint32_t hflags;
    int el;
    int space;               /* ArmSecuritySpace */
    int mmu_idx;             /* data accesses */
    int unpriv_mmu_idx;      /* LDTR/STTR */
    bool align_all;          /* every data access checks alignment */
    int fp_trap_el;          /* 0: FP/SIMD enabled */
    bool sp_align_check;
    DisasJumpType is_jmp;
} DisasContext;

/* Called by generated decoders for patterns whose trans_ function does not exist yet. */
bool decode_unimplemented(DisasContext *s, const char *pattern_name);

/* ---- guest registers ---- */
/* X[r] for reading, with r == 31 meaning XZR (a constant 0). */
IrTemp cpu_reg(DisasContext *s, int r);
/* X[r] or SP for r == 31 (as an operand slot; for writes too). */
static inline IrTemp cpu_reg_sp(DisasContext *s, int r)
{
    (void)s;
    return IR_SLOT(xregs[r]);
}
/* Destination slot for X[rd] (a throw-away temp when rd is XZR), to compute results in place. */
IrTemp cpu_reg_dest(DisasContext *s, int rd);
/* Write val to X[rd] (rd == 31: discarded), zero-extending a 32-bit result when !sf. */
void gen_write_reg(DisasContext *s, int rd, IrTemp val, bool sf);
/* Write val to X[rd] or SP when rd == 31. */
void gen_write_reg_sp(DisasContext *s, int rd, IrTemp val, bool sf);
IrTemp new_tmp(DisasContext *s);
IrTemp tcg_const(DisasContext *s, uint64_t v);

/* ---- flags ---- */
void gen_logic_flags(DisasContext *s, bool sf, IrTemp res);
/* d = a + b (+ carry when with_carry), setting NZCV when set_flags. */
void gen_add(DisasContext *s, bool sf, IrTemp d, IrTemp a, IrTemp b, bool set_flags, bool with_carry);
/* d = a - b (- !carry when with_carry) */
void gen_sub(DisasContext *s, bool sf, IrTemp d, IrTemp a, IrTemp b, bool set_flags, bool with_carry);
/* A 0/1 temp holding ConditionHolds(cond) (Arm ARM shared/functions/system/ConditionHolds). */
IrTemp gen_cond(DisasContext *s, int cond);

/* ---- memory ---- */
/* Load/store of size 1 << (memop & MO_SIZE) using the current (or unprivileged) MMU index. */
void gen_ld(DisasContext *s, IrTemp dest, IrTemp addr, unsigned memop);
void gen_st(DisasContext *s, IrTemp val, IrTemp addr, unsigned memop);
void gen_ld_idx(DisasContext *s, IrTemp dest, IrTemp addr, unsigned memop, int mmu_idx);
void gen_st_idx(DisasContext *s, IrTemp val, IrTemp addr, unsigned memop, int mmu_idx);

/* ---- control flow ---- */
void gen_set_pc(DisasContext *s, uint64_t pc);
/* Branch to a known target: chains directly when the target is on this TB's page. */
void gen_goto_tb(DisasContext *s, int slot, uint64_t dest);
/* Branch to a computed target already in temp `dest` (checks nothing; BR/BLR/RET). */
void gen_jump_reg(DisasContext *s, IrTemp dest);
/* Raise an exception of `kind` with ESR syndrome to target_el (0: the default routing). */
void gen_exception(DisasContext *s, int kind, uint32_t syndrome, int target_el);
/* The instruction is UNDEFINED: EC 0x00 to the routed EL. */
void gen_undef(DisasContext *s);
/* FP/SIMD instructions call this first; false means it raised the access trap. */
bool fp_access_check(DisasContext *s);
/* Emit a call to helper `h` with the given inputs (d may be IR_NO_TEMP). */
void gen_helper(DisasContext *s, int h, IrTemp d, int nin, ...);

/* Decoders (generated from the .decode files) */
bool decode_a64_dp_imm(DisasContext *s, uint32_t insn);
bool decode_a64_dp_reg(DisasContext *s, uint32_t insn);
bool decode_a64_branch_sys(DisasContext *s, uint32_t insn);
bool decode_a64_ldst(DisasContext *s, uint32_t insn);
bool decode_a64_simd_fp(DisasContext *s, uint32_t insn);

/* Arm ARM DecodeBitMasks for logical immediates; false if the encoding is reserved. */
bool logic_imm_decode_wmask(uint64_t *result, unsigned n, unsigned imms, unsigned immr, bool sf);

#endif
