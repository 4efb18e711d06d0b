/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-ldst.c: A64 "Loads and Stores" (Arm ARM C4.1.88): general and SIMD&FP registers, pairs,
 * exclusives, ordered accesses, LSE atomics and CAS, and the Advanced SIMD structure loads. */
#include "translate.h"
#include "cpu-features.h"
#include "decode-a64-ldst.h"

/*
 * Choices this file makes where the Arm ARM leaves them open (they follow Debian's
 * qemu-aarch64 where it and the differential test can observe them):
 *
 * - Writeback with Rn == Rt (loads; Unpredictable_WBOVERLAPLD): Constraint_UNKNOWN, done as
 *   "the writeback wins": the loaded value is written first and then replaced by the new base.
 *   Pairs with Rn == Rt or Rn == Rt2 behave the same way.
 * - Writeback with Rn == Rt (stores; Unpredictable_WBOVERLAPST): Constraint_NONE, the value
 *   stored is Rt as it was before the writeback.
 * - LDP/LDNP/LDPSW/LDXP with Rt == Rt2 (Unpredictable_LDPOVERLAP): Constraint_UNKNOWN, done
 *   as "the second load wins" (the register holds the word at the higher address). Debian's
 *   QEMU 7.2 keeps the first word for LDP/LDNP/LDPSW (the second for LDXP); the differential
 *   generator never emits this form.
 * - STXR/STXP with Rs == Rt, Rt2 or Rn: Constraint_NONE; the data and the address are read
 *   before the status is written.
 * - Every loaded register is written only after the last access of the instruction, so a fault
 *   on any access leaves the general registers (and so the base) unchanged, and the instruction
 *   can be restarted.
 *
 * Exclusive monitor (AArch64.ExclusiveMonitorsPass, shared/functions/exclusive): one local
 * monitor per PE in env->exclusive_addr (-1 = Open Access state), with the value(s) the
 * load-exclusive read in exclusive_val/exclusive_high. A store-exclusive passes when the
 * address matches AND memory still holds the value the load-exclusive read; the second test
 * stands in for the global monitor, so that another vCPU's store between the two (vCPUs run
 * round-robin, one TB at a time) makes it fail. Every store-exclusive clears the monitor.
 * CLREX (trans-branch-sys.c), ERET and exception entry set exclusive_addr = -1.
 */

/* Bits [19:16] of ID_AA64MMFR1_EL1 (LO): FEAT_LOR. */
static bool have_lor(DisasContext *s)
{
    return id_field(s->env->features.id_aa64mmfr1, 16) >= 1;
}

/* ---- addressing ---- */

/* The base register: SP (checked by CheckSPAlignment when SCTLR_ELx.SA/SA0 say so) or X[n]. */
static IrTemp gen_base(DisasContext *s, int rn)
{
    if (rn == 31 && s->sp_align_check) {
        gen_helper(s, HELPER_check_sp_alignment, IR_NO_TEMP, 1, IR_SLOT(xregs[31]));
    }
    return cpu_reg_sp(s, rn);
}

/* Address for [Xn|SP, #off] with optional pre/post-index writeback. *wb receives the value to
 * write back to Rn after the access, or IR_NO_TEMP. */
static IrTemp gen_addr_imm(DisasContext *s, int rn, int64_t off, bool post, bool wback,
                           IrTemp *wb)
{
    IrTemp base = gen_base(s, rn);
    IrTemp addr = new_tmp(s);
    IrTemp upd = new_tmp(s);

    ir_gen_add(s->ir, IR_I64, upd, base, tcg_const(s, (uint64_t)off));
    if (post) {
        ir_gen_mov(s->ir, IR_I64, addr, base);
    } else {
        ir_gen_mov(s->ir, IR_I64, addr, upd);
    }
    *wb = wback ? upd : IR_NO_TEMP;
    return addr;
}

static void gen_writeback(DisasContext *s, int rn, IrTemp wb)
{
    if (wb != IR_NO_TEMP) {
        ir_gen_mov(s->ir, IR_I64, cpu_reg_sp(s, rn), wb);
    }
}

/* ExtendReg(m, option, shift) (shared/functions/common/ExtendReg). */
static IrTemp gen_extend_reg(DisasContext *s, int rm, int option, int shift)
{
    IrTemp t = new_tmp(s);
    IrTemp src = cpu_reg(s, rm);
    int len = 8 << (option & 3);

    if (len == 64) {
        ir_gen_mov(s->ir, IR_I64, t, src);
    } else if (option & 4) {
        ir_gen_sextract(s->ir, IR_I64, t, src, 0, len);
    } else {
        ir_gen_extract(s->ir, IR_I64, t, src, 0, len);
    }
    if (shift) {
        ir_gen_shl(s->ir, IR_I64, t, t, tcg_const(s, (uint64_t)shift));
    }
    return t;
}

static IrTemp gen_addr_reg(DisasContext *s, int rn, int rm, int option, int shift)
{
    IrTemp base = gen_base(s, rn);
    IrTemp off = gen_extend_reg(s, rm, option, shift);
    IrTemp addr = new_tmp(s);

    ir_gen_add(s->ir, IR_I64, addr, base, off);
    return addr;
}

static IrTemp gen_addi(DisasContext *s, IrTemp a, uint64_t off)
{
    IrTemp t = new_tmp(s);
    ir_gen_add(s->ir, IR_I64, t, a, tcg_const(s, off));
    return t;
}

/* Alignment fault unless addr is a multiple of bytes (a power of two), for the cases the MemOp
 * of a single access cannot express: 16-byte quantities built from two 8-byte accesses, and
 * store-exclusives whose check comes before the monitor test (AArch64.ExclusiveMonitorsPass). */
static void gen_check_align(DisasContext *s, IrTemp addr, unsigned bytes, bool is_write,
                            int mmu_idx)
{
    int ok = ir_new_label(s->ir);

    ir_gen_brcond(s->ir, IR_I64, IR_COND_TSTEQ, addr, tcg_const(s, bytes - 1), ok);
    gen_helper(s, HELPER_alignment_fault, IR_NO_TEMP, 2, addr,
               tcg_const(s, (uint64_t)is_write | (uint64_t)mmu_idx << 8));
    ir_gen_set_label(s->ir, ok);
}

/* ---- general-purpose register transfers ---- */

/* Load 1 << size bytes; sign-extends to 64 bits (sf) or 32 bits (!sf) when sign. */
static IrTemp gen_load_gpr(DisasContext *s, IrTemp addr, int size, bool sign, bool sf,
                           unsigned extra, int mmu_idx)
{
    IrTemp t = new_tmp(s);

    gen_ld_idx(s, t, addr, (unsigned)size | (sign ? MO_SIGN : 0) | extra, mmu_idx);
    if (sign && !sf) {
        ir_gen_ext32u(s->ir, IR_I64, t, t);
    }
    return t;
}

/* One register from or to [addr] with writeback: the core of LDR/STR in every form. */
static void do_ldst_gpr(DisasContext *s, bool is_load, int rt, int rn, IrTemp addr, IrTemp wb,
                        int size, bool sign, bool sf, unsigned extra, int mmu_idx)
{
    if (is_load) {
        IrTemp v = gen_load_gpr(s, addr, size, sign, sf, extra, mmu_idx);
        gen_write_reg(s, rt, v, true);
    } else {
        gen_st_idx(s, cpu_reg(s, rt), addr, (unsigned)size | extra, mmu_idx);
    }
    gen_writeback(s, rn, wb);
}

static bool do_ldst_imm(DisasContext *s, arg_ldst_imm *a, bool is_load, int64_t off, int mmu_idx)
{
    IrTemp wb;
    IrTemp addr = gen_addr_imm(s, a->rn, off, a->p, a->w, &wb);

    do_ldst_gpr(s, is_load, a->rt, a->rn, addr, wb, a->size, a->sign, a->sf, 0, mmu_idx);
    return true;
}

/* LDR/STR (immediate, post-index / pre-index) and LDUR/STUR: C6.2.131, C6.2.314... */
bool trans_STR_i(DisasContext *s, arg_ldst_imm *a)
{
    return do_ldst_imm(s, a, false, a->imm, s->mmu_idx);
}

bool trans_LDR_i(DisasContext *s, arg_ldst_imm *a)
{
    return do_ldst_imm(s, a, true, a->imm, s->mmu_idx);
}

/* Unsigned offset: imm12 << size. */
bool trans_STR_u(DisasContext *s, arg_ldst_imm *a)
{
    return do_ldst_imm(s, a, false, (int64_t)a->imm << a->size, s->mmu_idx);
}

bool trans_LDR_u(DisasContext *s, arg_ldst_imm *a)
{
    return do_ldst_imm(s, a, true, (int64_t)a->imm << a->size, s->mmu_idx);
}

/* LDTR and STTR, all sizes (C6.2.170...): checked as if made from EL0 (AccType_UNPRIV);
 * unpriv_mmu_idx already is the normal index where the Arm ARM says they act as LDR/STR. */
bool trans_STTR(DisasContext *s, arg_ldst_imm *a)
{
    return do_ldst_imm(s, a, false, a->imm, s->unpriv_mmu_idx);
}

bool trans_LDTR(DisasContext *s, arg_ldst_imm *a)
{
    return do_ldst_imm(s, a, true, a->imm, s->unpriv_mmu_idx);
}

/* Register offset: Xn + ExtendReg(m, option, S ? size : 0). */
bool trans_STR_r(DisasContext *s, arg_ldst_reg *a)
{
    IrTemp addr = gen_addr_reg(s, a->rn, a->rm, a->option, a->s ? a->size : 0);
    do_ldst_gpr(s, false, a->rt, a->rn, addr, IR_NO_TEMP, a->size, false, false, 0, s->mmu_idx);
    return true;
}

bool trans_LDR_r(DisasContext *s, arg_ldst_reg *a)
{
    IrTemp addr = gen_addr_reg(s, a->rn, a->rm, a->option, a->s ? a->size : 0);
    do_ldst_gpr(s, true, a->rt, a->rn, addr, IR_NO_TEMP, a->size, a->sign, a->sf, 0,
                s->mmu_idx);
    return true;
}

/* PRFM/PRFUM: hints with no architectural effect, and never a fault (C6.2.247); the
 * unallocated prfop values are hints too. */
bool trans_PRFM_lit(DisasContext *s, arg_prfm_lit *a) { return true; }
bool trans_PRFM_u(DisasContext *s, arg_prfm_imm *a) { return true; }
bool trans_PRFUM(DisasContext *s, arg_prfm_imm *a) { return true; }
bool trans_PRFM_r(DisasContext *s, arg_prfm_reg *a) { return true; }

/* LDR (literal), LDRSW (literal): PC-relative, imm19 words (C6.2.167, C6.2.179). */
bool trans_LDR_lit(DisasContext *s, arg_ldlit *a)
{
    IrTemp addr = new_tmp(s);

    ir_gen_movi(s->ir, addr, s->pc_curr + (uint64_t)((int64_t)a->imm * 4));
    IrTemp v = gen_load_gpr(s, addr, a->size, a->sign, true, 0, s->mmu_idx);
    gen_write_reg(s, a->rt, v, true);
    return true;
}

/* ---- pairs: STP/LDP/LDPSW/STNP/LDNP (C6.2.321, C6.2.164, C6.2.165) ---- */

static bool do_ldst_pair(DisasContext *s, arg_ldst_pair *a, bool is_load)
{
    unsigned dbytes = 1u << a->size;
    IrTemp wb;
    IrTemp addr = gen_addr_imm(s, a->rn, (int64_t)a->imm << a->size, a->p, a->w, &wb);
    IrTemp addr2 = gen_addi(s, addr, dbytes);

    if (is_load) {
        IrTemp v1 = gen_load_gpr(s, addr, a->size, a->sign, true, 0, s->mmu_idx);
        IrTemp v2 = gen_load_gpr(s, addr2, a->size, a->sign, true, 0, s->mmu_idx);
        gen_write_reg(s, a->rt, v1, true);
        gen_write_reg(s, a->rt2, v2, true);
    } else {
        gen_st(s, cpu_reg(s, a->rt), addr, (unsigned)a->size);
        gen_st(s, cpu_reg(s, a->rt2), addr2, (unsigned)a->size);
    }
    gen_writeback(s, a->rn, wb);
    return true;
}

bool trans_STP(DisasContext *s, arg_ldst_pair *a) { return do_ldst_pair(s, a, false); }
bool trans_LDP(DisasContext *s, arg_ldst_pair *a) { return do_ldst_pair(s, a, true); }
bool trans_STNP(DisasContext *s, arg_ldst_pair *a) { return do_ldst_pair(s, a, false); }
bool trans_LDNP(DisasContext *s, arg_ldst_pair *a) { return do_ldst_pair(s, a, true); }

/* ---- SIMD&FP registers ---- */

/* Load a B/H/S/D/Q quantity into V[rt]; a narrower write zeroes the rest of the 128-bit
 * register (Arm ARM V[] setter in AArch64 state). The register is written only after every
 * access has succeeded. */
typedef struct VecVal {
    IrTemp lo, hi;
} VecVal;

/* A Q register moves as two doublewords. The fast path checks at most 8-byte alignment, so
 * when every access must be aligned (HF_ALIGN) the 16-byte check is explicit; for Device memory
 * met through the slow path, MO_ALIGN_16 on the first half does it. */
static VecVal gen_load_vec(DisasContext *s, IrTemp addr, int size)
{
    VecVal v = { new_tmp(s), IR_NO_TEMP };

    if (size == 4) {
        if (s->align_all) {
            gen_check_align(s, addr, 16, false, s->mmu_idx);
        }
        v.hi = new_tmp(s);
        gen_ld(s, v.lo, addr, MO_64 | MO_ALIGN_16);
        gen_ld(s, v.hi, gen_addi(s, addr, 8), MO_64);
    } else {
        gen_ld(s, v.lo, addr, (unsigned)size);
    }
    return v;
}

static void gen_write_vec(DisasContext *s, int rt, VecVal v)
{
    ir_gen_mov(s->ir, IR_I64, IR_SLOT(vregs[rt][0]), v.lo);
    if (v.hi != IR_NO_TEMP) {
        ir_gen_mov(s->ir, IR_I64, IR_SLOT(vregs[rt][1]), v.hi);
    } else {
        ir_gen_movi(s->ir, IR_SLOT(vregs[rt][1]), 0);
    }
}

static void gen_store_vec(DisasContext *s, int rt, IrTemp addr, int size)
{
    if (size == 4) {
        if (s->align_all) {
            gen_check_align(s, addr, 16, true, s->mmu_idx);
        }
        gen_st(s, IR_SLOT(vregs[rt][0]), addr, MO_64 | MO_ALIGN_16);
        gen_st(s, IR_SLOT(vregs[rt][1]), gen_addi(s, addr, 8), MO_64);
    } else {
        gen_st(s, IR_SLOT(vregs[rt][0]), addr, (unsigned)size);
    }
}

static void do_ldst_vec(DisasContext *s, bool is_load, int rt, int rn, IrTemp addr, IrTemp wb,
                        int size)
{
    if (is_load) {
        gen_write_vec(s, rt, gen_load_vec(s, addr, size));
    } else {
        gen_store_vec(s, rt, addr, size);
    }
    gen_writeback(s, rn, wb);
}

static bool do_ldst_vec_imm(DisasContext *s, arg_ldst_imm_v *a, bool is_load, int64_t off)
{
    IrTemp wb;

    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp addr = gen_addr_imm(s, a->rn, off, a->p, a->w, &wb);
    do_ldst_vec(s, is_load, a->rt, a->rn, addr, wb, a->size);
    return true;
}

/* LDR/STR (immediate, SIMD&FP) and LDUR/STUR (SIMD&FP): C7.2.176, C7.2.315... */
bool trans_STR_v_i(DisasContext *s, arg_ldst_imm_v *a)
{
    return do_ldst_vec_imm(s, a, false, a->imm);
}

bool trans_LDR_v_i(DisasContext *s, arg_ldst_imm_v *a)
{
    return do_ldst_vec_imm(s, a, true, a->imm);
}

bool trans_STR_v_u(DisasContext *s, arg_ldst_imm_v *a)
{
    return do_ldst_vec_imm(s, a, false, (int64_t)a->imm << a->size);
}

bool trans_LDR_v_u(DisasContext *s, arg_ldst_imm_v *a)
{
    return do_ldst_vec_imm(s, a, true, (int64_t)a->imm << a->size);
}

static bool do_ldst_vec_reg(DisasContext *s, arg_ldst_reg_v *a, bool is_load)
{
    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp addr = gen_addr_reg(s, a->rn, a->rm, a->option, a->s ? a->size : 0);
    do_ldst_vec(s, is_load, a->rt, a->rn, addr, IR_NO_TEMP, a->size);
    return true;
}

bool trans_STR_v_r(DisasContext *s, arg_ldst_reg_v *a) { return do_ldst_vec_reg(s, a, false); }
bool trans_LDR_v_r(DisasContext *s, arg_ldst_reg_v *a) { return do_ldst_vec_reg(s, a, true); }

/* LDR (literal, SIMD&FP): C7.2.177. */
bool trans_LDR_v_lit(DisasContext *s, arg_ldlit_v *a)
{
    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp addr = new_tmp(s);
    ir_gen_movi(s->ir, addr, s->pc_curr + (uint64_t)((int64_t)a->imm * 4));
    gen_write_vec(s, a->rt, gen_load_vec(s, addr, a->size));
    return true;
}

/* STP/LDP/STNP/LDNP (SIMD&FP): C7.2.330, C7.2.190... */
static bool do_ldst_pair_vec(DisasContext *s, arg_ldst_pair_v *a, bool is_load)
{
    unsigned dbytes = 1u << a->size;
    IrTemp wb;

    if (!fp_access_check(s)) {
        return true;
    }
    IrTemp addr = gen_addr_imm(s, a->rn, (int64_t)a->imm << a->size, a->p, a->w, &wb);
    IrTemp addr2 = gen_addi(s, addr, dbytes);
    if (is_load) {
        VecVal v1 = gen_load_vec(s, addr, a->size);
        VecVal v2 = gen_load_vec(s, addr2, a->size);
        gen_write_vec(s, a->rt, v1);
        gen_write_vec(s, a->rt2, v2);
    } else {
        gen_store_vec(s, a->rt, addr, a->size);
        gen_store_vec(s, a->rt2, addr2, a->size);
    }
    gen_writeback(s, a->rn, wb);
    return true;
}

bool trans_STP_v(DisasContext *s, arg_ldst_pair_v *a) { return do_ldst_pair_vec(s, a, false); }
bool trans_LDP_v(DisasContext *s, arg_ldst_pair_v *a) { return do_ldst_pair_vec(s, a, true); }
bool trans_STNP_v(DisasContext *s, arg_ldst_pair_v *a) { return do_ldst_pair_vec(s, a, false); }
bool trans_LDNP_v(DisasContext *s, arg_ldst_pair_v *a) { return do_ldst_pair_vec(s, a, true); }

/* ---- exclusives (C6.2.158 LDXR, C6.2.336 STXR, C6.2.157 LDXP, C6.2.335 STXP) ---- */

bool trans_LDXR(DisasContext *s, arg_ldst_excl *a)
{
    IrTemp addr = new_tmp(s);
    IrTemp v = new_tmp(s);

    ir_gen_mov(s->ir, IR_I64, addr, gen_base(s, a->rn));
    gen_ld(s, v, addr, (unsigned)a->size | MO_EXCL);
    ir_gen_mov(s->ir, IR_I64, IR_SLOT(exclusive_addr), addr);
    ir_gen_mov(s->ir, IR_I64, IR_SLOT(exclusive_val), v);
    gen_write_reg(s, a->rt, v, true);
    if (a->lasr) {
        ir_gen_mb(s->ir);   /* LDAXR: acquire */
    }
    return true;
}

bool trans_LDXP(DisasContext *s, arg_ldst_excl *a)
{
    IrTemp addr = new_tmp(s);
    IrTemp lo = new_tmp(s);

    ir_gen_mov(s->ir, IR_I64, addr, gen_base(s, a->rn));
    if (a->size == 2) {
        /* Two words, accessed as one single-copy atomic doubleword. */
        IrTemp hi = new_tmp(s);
        gen_ld(s, lo, addr, MO_64 | MO_EXCL);
        ir_gen_mov(s->ir, IR_I64, IR_SLOT(exclusive_addr), addr);
        ir_gen_mov(s->ir, IR_I64, IR_SLOT(exclusive_val), lo);
        ir_gen_extract(s->ir, IR_I64, hi, lo, 32, 32);
        ir_gen_ext32u(s->ir, IR_I64, lo, lo);
        gen_write_reg(s, a->rt, lo, true);
        gen_write_reg(s, a->rt2, hi, true);
    } else {
        IrTemp hi = new_tmp(s);
        gen_check_align(s, addr, 16, false, s->mmu_idx);
        gen_ld(s, lo, addr, MO_64 | MO_EXCL);
        gen_ld(s, hi, gen_addi(s, addr, 8), MO_64 | MO_EXCL);
        ir_gen_mov(s->ir, IR_I64, IR_SLOT(exclusive_addr), addr);
        ir_gen_mov(s->ir, IR_I64, IR_SLOT(exclusive_val), lo);
        ir_gen_mov(s->ir, IR_I64, IR_SLOT(exclusive_high), hi);
        gen_write_reg(s, a->rt, lo, true);
        gen_write_reg(s, a->rt2, hi, true);
    }
    if (a->lasr) {
        ir_gen_mb(s->ir);
    }
    return true;
}

/* Store-exclusive of one register (pair = false) or a pair: status 0 on success, 1 on failure. */
static bool do_store_excl(DisasContext *s, arg_ldst_excl *a, bool pair)
{
    IrContext *ir = s->ir;
    IrTemp addr = new_tmp(s);
    IrTemp status = new_tmp(s);
    IrTemp cur = new_tmp(s);
    int fail = ir_new_label(ir), done = ir_new_label(ir);
    unsigned bytes = (1u << a->size) * (pair ? 2 : 1);

    if (a->lasr) {
        ir_gen_mb(ir);      /* STLXR: release */
    }
    ir_gen_mov(ir, IR_I64, addr, gen_base(s, a->rn));
    /* AArch64.ExclusiveMonitorsPass: the alignment check comes before the monitor test. */
    gen_check_align(s, addr, bytes, true, s->mmu_idx);
    ir_gen_brcond(ir, IR_I64, IR_COND_NE, addr, IR_SLOT(exclusive_addr), fail);
    if (!pair || a->size == 2) {
        IrTemp val = cpu_reg(s, a->rt);
        unsigned mop = pair ? MO_64 : (unsigned)a->size;
        if (pair) {
            val = new_tmp(s);
            ir_gen_deposit(ir, IR_I64, val, cpu_reg(s, a->rt), cpu_reg(s, a->rt2), 32, 32);
        }
        gen_ld(s, cur, addr, mop | MO_EXCL);
        ir_gen_brcond(ir, IR_I64, IR_COND_NE, cur, IR_SLOT(exclusive_val), fail);
        gen_st(s, val, addr, mop | MO_EXCL);
    } else {
        IrTemp addr2 = gen_addi(s, addr, 8);
        IrTemp cur2 = new_tmp(s);
        IrTemp v1 = new_tmp(s), v2 = new_tmp(s);
        ir_gen_mov(ir, IR_I64, v1, cpu_reg(s, a->rt));
        ir_gen_mov(ir, IR_I64, v2, cpu_reg(s, a->rt2));
        gen_ld(s, cur, addr, MO_64 | MO_EXCL);
        gen_ld(s, cur2, addr2, MO_64 | MO_EXCL);
        ir_gen_brcond(ir, IR_I64, IR_COND_NE, cur, IR_SLOT(exclusive_val), fail);
        ir_gen_brcond(ir, IR_I64, IR_COND_NE, cur2, IR_SLOT(exclusive_high), fail);
        gen_st(s, v1, addr, MO_64 | MO_EXCL);
        gen_st(s, v2, addr2, MO_64 | MO_EXCL);
    }
    ir_gen_movi(ir, status, 0);
    ir_gen_br(ir, done);
    ir_gen_set_label(ir, fail);
    ir_gen_movi(ir, status, 1);
    ir_gen_set_label(ir, done);
    ir_gen_movi(ir, IR_SLOT(exclusive_addr), ~0ull);
    gen_write_reg(s, a->rs, status, true);
    return true;
}

bool trans_STXR(DisasContext *s, arg_ldst_excl *a) { return do_store_excl(s, a, false); }
bool trans_STXP(DisasContext *s, arg_ldst_excl *a) { return do_store_excl(s, a, true); }

/* ---- load-acquire / store-release (C6.2.151 LDAR, C6.2.325 STLR, LDLAR, STLLR, LDAPR) ----
 * All of them need natural alignment (B2.5.2, without FEAT_LSE2). */
static bool do_ld_acq(DisasContext *s, int rt, int rn, int size)
{
    IrTemp addr = new_tmp(s);

    ir_gen_mov(s->ir, IR_I64, addr, gen_base(s, rn));
    IrTemp v = gen_load_gpr(s, addr, size, false, false, MO_ALIGN, s->mmu_idx);
    gen_write_reg(s, rt, v, true);
    ir_gen_mb(s->ir);
    return true;
}

static bool do_st_rel(DisasContext *s, int rt, int rn, int size)
{
    IrTemp addr = new_tmp(s);

    ir_gen_mb(s->ir);
    ir_gen_mov(s->ir, IR_I64, addr, gen_base(s, rn));
    gen_st(s, cpu_reg(s, rt), addr, (unsigned)size | MO_ALIGN);
    return true;
}

bool trans_LDAR(DisasContext *s, arg_ldst_ord *a) { return do_ld_acq(s, a->rt, a->rn, a->size); }
bool trans_STLR(DisasContext *s, arg_ldst_ord *a) { return do_st_rel(s, a->rt, a->rn, a->size); }

/* FEAT_LOR: the LORegion variants act as LDAR/STLR (a single LORegion, the whole memory). */
bool trans_LDLAR(DisasContext *s, arg_ldst_ord *a)
{
    return have_lor(s) && do_ld_acq(s, a->rt, a->rn, a->size);
}

bool trans_STLLR(DisasContext *s, arg_ldst_ord *a)
{
    return have_lor(s) && do_st_rel(s, a->rt, a->rn, a->size);
}

/* FEAT_LRCPC: LDAPR (C6.2.152), RCpc acquire: the same as LDAR for a single PE. */
bool trans_LDAPR(DisasContext *s, arg_ldst_ord *a)
{
    return isar_aa64_rcpc(&s->env->features) && do_ld_acq(s, a->rt, a->rn, a->size);
}

/* FEAT_LRCPC2: LDAPUR* (C6.2.153...) and STLUR* (C6.2.327...), base plus signed imm9. */
bool trans_LDAPUR(DisasContext *s, arg_ldst_imm *a)
{
    IrTemp wb;

    if (!isar_aa64_rcpc2(&s->env->features)) {
        return false;
    }
    IrTemp addr = gen_addr_imm(s, a->rn, a->imm, false, false, &wb);
    do_ldst_gpr(s, true, a->rt, a->rn, addr, wb, a->size, a->sign, a->sf, MO_ALIGN, s->mmu_idx);
    ir_gen_mb(s->ir);
    return true;
}

bool trans_STLUR(DisasContext *s, arg_ldst_imm *a)
{
    IrTemp wb;

    if (!isar_aa64_rcpc2(&s->env->features)) {
        return false;
    }
    ir_gen_mb(s->ir);
    IrTemp addr = gen_addr_imm(s, a->rn, a->imm, false, false, &wb);
    do_ldst_gpr(s, false, a->rt, a->rn, addr, wb, a->size, false, false, MO_ALIGN, s->mmu_idx);
    return true;
}

/* ---- FEAT_LSE atomics: LD<op> and SWP (C6.2.122...), CAS (C6.2.43), CASP (C6.2.45) ----
 * A read-modify-write of one naturally aligned location. Loaded and stored in one TB step, so
 * no other vCPU can come in between. The ST<op> aliases are Rt = XZR: nothing is written back. */
typedef enum AtomicOp {
    AT_ADD, AT_CLR, AT_EOR, AT_SET, AT_SMAX, AT_SMIN, AT_UMAX, AT_UMIN, AT_SWP
} AtomicOp;

static void gen_ext_size(DisasContext *s, IrTemp d, IrTemp v, int size, bool sign)
{
    static void (*const ext[2][3])(IrContext *, IrType, IrTemp, IrTemp) = {
        { ir_gen_ext8u, ir_gen_ext16u, ir_gen_ext32u },
        { ir_gen_ext8s, ir_gen_ext16s, ir_gen_ext32s },
    };
    if (size == 3) {
        ir_gen_mov(s->ir, IR_I64, d, v);
    } else {
        ext[sign][size](s->ir, IR_I64, d, v);
    }
}

static bool do_atomic(DisasContext *s, arg_atomic *a, AtomicOp op)
{
    IrContext *ir = s->ir;
    IrTemp addr = new_tmp(s), old = new_tmp(s), val = new_tmp(s), res = new_tmp(s);
    unsigned mop = (unsigned)a->size | MO_EXCL;

    if (!isar_aa64_atomics(&s->env->features)) {
        return false;
    }
    if (a->r) {
        ir_gen_mb(ir);
    }
    ir_gen_mov(ir, IR_I64, addr, gen_base(s, a->rn));
    ir_gen_mov(ir, IR_I64, val, cpu_reg(s, a->rs));
    gen_ld(s, old, addr, mop);
    switch (op) {
    case AT_ADD:
        ir_gen_add(ir, IR_I64, res, old, val);
        break;
    case AT_CLR:
        ir_gen_andc(ir, IR_I64, res, old, val);
        break;
    case AT_EOR:
        ir_gen_xor(ir, IR_I64, res, old, val);
        break;
    case AT_SET:
        ir_gen_or(ir, IR_I64, res, old, val);
        break;
    case AT_SWP:
        ir_gen_mov(ir, IR_I64, res, val);
        break;
    default: {
        bool sign = op == AT_SMAX || op == AT_SMIN;
        bool max = op == AT_SMAX || op == AT_UMAX;
        IrTemp x = new_tmp(s), y = new_tmp(s);
        gen_ext_size(s, x, old, a->size, sign);
        gen_ext_size(s, y, val, a->size, sign);
        IrCond c = sign ? (max ? IR_COND_GT : IR_COND_LT) : (max ? IR_COND_GTU : IR_COND_LTU);
        ir_gen_movcond(ir, IR_I64, c, res, x, y, x, y);
        break;
    }
    }
    gen_st(s, res, addr, mop);
    gen_write_reg(s, a->rt, old, true);
    if (a->a) {
        ir_gen_mb(ir);
    }
    return true;
}

bool trans_LDADD(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_ADD); }
bool trans_LDCLR(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_CLR); }
bool trans_LDEOR(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_EOR); }
bool trans_LDSET(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_SET); }
bool trans_LDSMAX(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_SMAX); }
bool trans_LDSMIN(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_SMIN); }
bool trans_LDUMAX(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_UMAX); }
bool trans_LDUMIN(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_UMIN); }
bool trans_SWP(DisasContext *s, arg_atomic *a) { return do_atomic(s, a, AT_SWP); }

/* CAS: the location is always written (with its old value when the compare fails), so that the
 * write permission is checked either way, as a single atomic read-modify-write would. */
bool trans_CAS(DisasContext *s, arg_cas *a)
{
    IrContext *ir = s->ir;
    IrTemp addr = new_tmp(s), old = new_tmp(s), cmp = new_tmp(s), nv = new_tmp(s);
    IrTemp res = new_tmp(s);
    unsigned mop = (unsigned)a->size | MO_EXCL;

    if (!isar_aa64_atomics(&s->env->features)) {
        return false;
    }
    if (a->l) {
        ir_gen_mb(ir);
    }
    ir_gen_mov(ir, IR_I64, addr, gen_base(s, a->rn));
    gen_ext_size(s, cmp, cpu_reg(s, a->rs), a->size, false);
    ir_gen_mov(ir, IR_I64, nv, cpu_reg(s, a->rt));
    gen_ld(s, old, addr, mop);
    ir_gen_movcond(ir, IR_I64, IR_COND_EQ, res, old, cmp, nv, old);
    gen_st(s, res, addr, mop);
    gen_write_reg(s, a->rs, old, true);
    if (a->a) {
        ir_gen_mb(ir);
    }
    return true;
}

bool trans_CASP(DisasContext *s, arg_casp *a)
{
    IrContext *ir = s->ir;
    IrTemp addr = new_tmp(s);

    if (!isar_aa64_atomics(&s->env->features) || (a->rs & 1) || (a->rt & 1)) {
        return false;   /* odd registers: CONSTRAINED UNPREDICTABLE, we take UNDEFINED */
    }
    if (a->l) {
        ir_gen_mb(ir);
    }
    ir_gen_mov(ir, IR_I64, addr, gen_base(s, a->rn));
    if (a->size == 2) {
        /* Two words as one naturally aligned doubleword, Rs/Rt in the low half. */
        IrTemp old = new_tmp(s), cmp = new_tmp(s), nv = new_tmp(s), res = new_tmp(s);
        IrTemp hi = new_tmp(s);
        ir_gen_deposit(ir, IR_I64, cmp, cpu_reg(s, a->rs), cpu_reg(s, a->rs + 1), 32, 32);
        ir_gen_deposit(ir, IR_I64, nv, cpu_reg(s, a->rt), cpu_reg(s, a->rt + 1), 32, 32);
        gen_ld(s, old, addr, MO_64 | MO_EXCL);
        ir_gen_movcond(ir, IR_I64, IR_COND_EQ, res, old, cmp, nv, old);
        gen_st(s, res, addr, MO_64 | MO_EXCL);
        ir_gen_extract(ir, IR_I64, hi, old, 32, 32);
        ir_gen_ext32u(ir, IR_I64, old, old);
        gen_write_reg(s, a->rs, old, true);
        gen_write_reg(s, a->rs + 1, hi, true);
    } else {
        IrTemp addr2 = gen_addi(s, addr, 8);
        IrTemp o1 = new_tmp(s), o2 = new_tmp(s), eq = new_tmp(s), t = new_tmp(s);
        IrTemp c1 = new_tmp(s), c2 = new_tmp(s), n1 = new_tmp(s), n2 = new_tmp(s);
        IrTemp r1 = new_tmp(s), r2 = new_tmp(s);
        ir_gen_mov(ir, IR_I64, c1, cpu_reg(s, a->rs));
        ir_gen_mov(ir, IR_I64, c2, cpu_reg(s, a->rs + 1));
        ir_gen_mov(ir, IR_I64, n1, cpu_reg(s, a->rt));
        ir_gen_mov(ir, IR_I64, n2, cpu_reg(s, a->rt + 1));
        gen_check_align(s, addr, 16, false, s->mmu_idx);
        gen_ld(s, o1, addr, MO_64 | MO_EXCL);
        gen_ld(s, o2, addr2, MO_64 | MO_EXCL);
        ir_gen_setcond(ir, IR_I64, IR_COND_EQ, eq, o1, c1);
        ir_gen_setcond(ir, IR_I64, IR_COND_EQ, t, o2, c2);
        ir_gen_and(ir, IR_I64, eq, eq, t);
        ir_gen_movcond(ir, IR_I64, IR_COND_NE, r1, eq, tcg_const(s, 0), n1, o1);
        ir_gen_movcond(ir, IR_I64, IR_COND_NE, r2, eq, tcg_const(s, 0), n2, o2);
        gen_st(s, r1, addr, MO_64 | MO_EXCL);
        gen_st(s, r2, addr2, MO_64 | MO_EXCL);
        gen_write_reg(s, a->rs, o1, true);
        gen_write_reg(s, a->rs + 1, o2, true);
    }
    if (a->a) {
        ir_gen_mb(ir);
    }
    return true;
}

/* ---- Advanced SIMD structures: LD1-LD4/ST1-ST4 (multiple and single), LD1R-LD4R ----
 * (C7.2.165... shared pseudocode in "Load/store SIMD multiple/single structures").
 * Elements are accessed one at a time, so an element-sized alignment check (SCTLR.A, Device
 * memory) applies to each, as the Arm ARM's per-element Mem[] accesses do. */

static IrTemp vreg_half(int reg, int half)
{
    return half ? IR_SLOT(vregs[reg][1]) : IR_SLOT(vregs[reg][0]);
}

static void gen_load_elem(DisasContext *s, int reg, int index, int esize_log, IrTemp addr)
{
    unsigned bitpos = (unsigned)index << (esize_log + 3);
    IrTemp slot = vreg_half(reg, bitpos >= 64);

    if (esize_log == 3) {
        gen_ld(s, slot, addr, MO_64);
    } else {
        IrTemp t = new_tmp(s);
        gen_ld(s, t, addr, (unsigned)esize_log);
        ir_gen_deposit(s->ir, IR_I64, slot, slot, t, (int)(bitpos & 63), 8 << esize_log);
    }
}

static void gen_store_elem(DisasContext *s, int reg, int index, int esize_log, IrTemp addr)
{
    unsigned bitpos = (unsigned)index << (esize_log + 3);
    IrTemp slot = vreg_half(reg, bitpos >= 64);

    if ((bitpos & 63) == 0) {
        gen_st(s, slot, addr, (unsigned)esize_log);
    } else {
        IrTemp t = new_tmp(s);
        ir_gen_extract(s->ir, IR_I64, t, slot, (int)(bitpos & 63), 8 << esize_log);
        gen_st(s, t, addr, (unsigned)esize_log);
    }
}

/* Post-index writeback for the structure forms: Rm = 31 means by the transfer size. */
static void gen_struct_wb(DisasContext *s, int rn, int rm, IrTemp base, unsigned bytes)
{
    IrTemp t = new_tmp(s);

    if (rm == 31) {
        ir_gen_add(s->ir, IR_I64, t, base, tcg_const(s, bytes));
    } else {
        ir_gen_add(s->ir, IR_I64, t, base, cpu_reg(s, rm));
    }
    ir_gen_mov(s->ir, IR_I64, cpu_reg_sp(s, rn), t);
}

static bool do_ldst_mult(DisasContext *s, arg_ldst_mult *a, bool is_load)
{
    int ebytes = 1 << a->size;
    int elements = (a->q ? 16 : 8) / ebytes;
    unsigned total = (unsigned)(ebytes * elements * a->selem * a->rpt);
    IrTemp base, addr;

    if (!fp_access_check(s)) {
        return true;
    }
    base = new_tmp(s);
    ir_gen_mov(s->ir, IR_I64, base, gen_base(s, a->rn));
    if (a->selem == 1 && !s->align_all) {
        /* LD1/ST1: the register image is the memory image; move whole doublewords. */
        for (int r = 0; r < a->rpt; r++) {
            int reg = (a->rt + r) % 32;
            for (int h = 0; h < (a->q ? 2 : 1); h++) {
                addr = gen_addi(s, base, (unsigned)(r * (a->q ? 16 : 8) + h * 8));
                if (is_load) {
                    gen_ld(s, vreg_half(reg, h), addr, MO_64);
                } else {
                    gen_st(s, vreg_half(reg, h), addr, MO_64);
                }
            }
        }
    } else {
        unsigned off = 0;
        for (int r = 0; r < a->rpt; r++) {
            for (int e = 0; e < elements; e++) {
                for (int k = 0; k < a->selem; k++) {
                    int reg = (a->rt + r + k) % 32;
                    addr = gen_addi(s, base, off);
                    if (is_load) {
                        gen_load_elem(s, reg, e, a->size, addr);
                    } else {
                        gen_store_elem(s, reg, e, a->size, addr);
                    }
                    off += (unsigned)ebytes;
                }
            }
        }
    }
    if (is_load && !a->q) {
        for (int r = 0; r < a->rpt * a->selem; r++) {
            ir_gen_movi(s->ir, IR_SLOT(vregs[(a->rt + r) % 32][1]), 0);
        }
    }
    if (a->p) {
        gen_struct_wb(s, a->rn, a->rm, base, total);
    }
    return true;
}

bool trans_ST_mult(DisasContext *s, arg_ldst_mult *a) { return do_ldst_mult(s, a, false); }
bool trans_LD_mult(DisasContext *s, arg_ldst_mult *a) { return do_ldst_mult(s, a, true); }

/* Single structure: one lane of selem consecutive registers; the other lanes are kept. */
static bool do_ldst_single(DisasContext *s, arg_ldst_single *a, bool is_load)
{
    int ebytes = 1 << a->scale;
    IrTemp base;

    if (!fp_access_check(s)) {
        return true;
    }
    base = new_tmp(s);
    ir_gen_mov(s->ir, IR_I64, base, gen_base(s, a->rn));
    for (int k = 0; k < a->selem; k++) {
        int reg = (a->rt + k) % 32;
        IrTemp addr = gen_addi(s, base, (unsigned)(k * ebytes));
        if (is_load) {
            gen_load_elem(s, reg, a->index, a->scale, addr);
        } else {
            gen_store_elem(s, reg, a->index, a->scale, addr);
        }
    }
    if (a->p) {
        gen_struct_wb(s, a->rn, a->rm, base, (unsigned)(ebytes * a->selem));
    }
    return true;
}

bool trans_ST_single(DisasContext *s, arg_ldst_single *a) { return do_ldst_single(s, a, false); }
bool trans_LD_single(DisasContext *s, arg_ldst_single *a) { return do_ldst_single(s, a, true); }

/* LD1R-LD4R: one structure, each element replicated to every lane (upper half zero if !Q). */
bool trans_LD_repl(DisasContext *s, arg_ldst_repl *a)
{
    static const uint64_t rep[4] = {
        0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1
    };
    int ebytes = 1 << a->size;
    IrTemp base;

    if (!fp_access_check(s)) {
        return true;
    }
    base = new_tmp(s);
    ir_gen_mov(s->ir, IR_I64, base, gen_base(s, a->rn));
    IrTemp vals[4];
    for (int k = 0; k < a->selem; k++) {
        vals[k] = new_tmp(s);
        gen_ld(s, vals[k], gen_addi(s, base, (unsigned)(k * ebytes)), (unsigned)a->size);
    }
    for (int k = 0; k < a->selem; k++) {
        int reg = (a->rt + k) % 32;
        ir_gen_mul(s->ir, IR_I64, IR_SLOT(vregs[reg][0]), vals[k], tcg_const(s, rep[a->size]));
        if (a->q) {
            ir_gen_mov(s->ir, IR_I64, IR_SLOT(vregs[reg][1]), IR_SLOT(vregs[reg][0]));
        } else {
            ir_gen_movi(s->ir, IR_SLOT(vregs[reg][1]), 0);
        }
    }
    if (a->p) {
        gen_struct_wb(s, a->rn, a->rm, base, (unsigned)(ebytes * a->selem));
    }
    return true;
}

/* ---- features this CPU does not advertise: UNDEFINED without a -d unimp line ---- */
/* FEAT_MTE (ID_AA64PFR1_EL1.MTE = 0): the tag loads and stores and STGP. */
bool trans_STGP(DisasContext *s, arg_stgp *a) { return false; }
bool trans_STZGM(DisasContext *s, arg_ldst_tag_m *a) { return false; }
bool trans_STGM(DisasContext *s, arg_ldst_tag_m *a) { return false; }
bool trans_LDGM(DisasContext *s, arg_ldst_tag_m *a) { return false; }
bool trans_STG(DisasContext *s, arg_ldst_tag *a) { return false; }
bool trans_LDG(DisasContext *s, arg_ldst_tag *a) { return false; }
bool trans_STZG(DisasContext *s, arg_ldst_tag *a) { return false; }
bool trans_ST2G(DisasContext *s, arg_ldst_tag *a) { return false; }
bool trans_STZ2G(DisasContext *s, arg_ldst_tag *a) { return false; }
