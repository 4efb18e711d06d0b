/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-decode-a64-args.c: A64 decoder arguments for hand-assembled encodings (the field rules). */
#include <stdio.h>
#include <string.h>

#include "ok-ctx.h"
#include "decode-a64-dp-imm.h"
#include "decode-a64-branch-sys.h"
#include "decode-a64-ldst.h"
#include "decode-a64-dp-reg.h"
#include "decode-a64-simd-fp.h"

/*
 * Each encoding below was assembled by hand from the Arm ARM encoding diagrams and checked
 * with a disassembler (the comment gives the assembly).  The expected arguments follow
 * docs/devel/decode-format.md section 5, so this test pins down the conventions that the
 * trans-*.c files rely on.
 */

static int failures;
static DisasContext ctx;

/* A strong trans_NAME that keeps a copy of its arguments in last_NAME. */
#define TRANS(NAME, TYPE) \
    static TYPE last_##NAME; \
    bool trans_##NAME(DisasContext *s, TYPE *a) \
    { \
        last_##NAME = *a; \
        snprintf(s->log, sizeof(s->log), "%s", #NAME); \
        return true; \
    }

TRANS(ADR, arg_ri)
TRANS(ADRP, arg_ri)
TRANS(ADD_i, arg_rri_addsub)
TRANS(SUBS_i, arg_rri_addsub)
TRANS(MOVK, arg_movw)
TRANS(SBFM, arg_bitfield)
TRANS(EXTR, arg_extract)
TRANS(AND_i, arg_rri_logic)
TRANS(B_cond, arg_bcond)
TRANS(TBNZ, arg_tbz)
TRANS(CBZ, arg_ri_br)
TRANS(BL, arg_i)
TRANS(SVC, arg_excp)
TRANS(MRS, arg_sys)
TRANS(MSR_i, arg_msr_i)
TRANS(SYS, arg_sys)
TRANS(DSB, arg_barrier)
TRANS(BTI, arg_bti)
TRANS(HINT, arg_hint)
TRANS(RETA, arg_pac_ret)
TRANS(LDR_i, arg_ldst_imm)
TRANS(LDR_u, arg_ldst_imm)
TRANS(STR_v_i, arg_ldst_imm_v)
TRANS(LDP, arg_ldst_pair)
TRANS(LDR_r, arg_ldst_reg)
TRANS(LDXR, arg_ldst_excl)
TRANS(STXR, arg_ldst_excl)
TRANS(CAS, arg_cas)
TRANS(LDADD, arg_atomic)
TRANS(LD_mult, arg_ldst_mult)
TRANS(LD_single, arg_ldst_single)
TRANS(LD_repl, arg_ldst_repl)
TRANS(PRFM_u, arg_prfm_imm)
TRANS(LDR_v_lit, arg_ldlit_v)
TRANS(ADD_r, arg_rrr_shift)
TRANS(SUB_x, arg_rrr_ext)
TRANS(MADD, arg_rrrr)
TRANS(SMULH, arg_rrr_high)
TRANS(CSINC, arg_csel)
TRANS(CCMP_i, arg_ccmp_i)
TRANS(CRC32, arg_crc32)
TRANS(REV32, arg_rr)
TRANS(FMOV_to_gp, arg_fmov_g)
TRANS(FMOV_i, arg_fmov_i)
TRANS(UMOV, arg_simd_copy)
TRANS(INS_element, arg_simd_copy)
TRANS(DUP_general, arg_simd_copy)
TRANS(FADD, arg_fp_rrr)
TRANS(FCVTZS_fixed, arg_fcvt_fixed)
TRANS(FCMP, arg_fcmp)
TRANS(FMADD, arg_fp_rrrr)
TRANS(FCVT, arg_fcvt)
TRANS(SCVTF, arg_fcvt_int)
TRANS(ADD_v, arg_qrrr_e)
TRANS(USHR_v, arg_qrr_shift)
TRANS(MOVI_v, arg_simd_imm)
TRANS(UADDLV, arg_qrr_e)
TRANS(PMULL_v, arg_qrrr_e)
TRANS(FMLA_x, arg_qrrx_f)
TRANS(MUL_x, arg_qrrx_e)
TRANS(FADD_v, arg_qrrr_f)
TRANS(ADDP_s, arg_rr_v)
TRANS(SHA256H, arg_rrr_v)

/* Decode insn with the decoder for its group; the name of the trans_ called lands in ctx.log. */
static void run(bool (*decode)(DisasContext *, uint32_t), uint32_t insn)
{
    memset(&ctx, 0, sizeof(ctx));
    ctx.unimp_result = true;
    if (!decode(&ctx, insn)) {
        snprintf(ctx.log, sizeof(ctx.log), "(no match)");
    } else if (!ctx.log[0]) {
        snprintf(ctx.log, sizeof(ctx.log), "%s (weak default)", ctx.unimp);
    }
}

#define EXPECT(DECODER, INSN, NAME, COND) \
    do { \
        run(decode_a64_##DECODER, INSN); \
        const __typeof__(last_##NAME) *a = &last_##NAME; \
        if (strcmp(ctx.log, #NAME)) { \
            printf("FAIL %s:%d: 0x%08x decoded as %s, expected %s\n", __FILE__, __LINE__, \
                   (unsigned)(INSN), ctx.log, #NAME); \
            failures++; \
        } else if (!(COND)) { \
            printf("FAIL %s:%d: 0x%08x (%s): arguments fail %s\n", __FILE__, __LINE__, \
                   (unsigned)(INSN), #NAME, #COND); \
            failures++; \
        } \
        (void)a; \
    } while (0)

static void test_dp_imm(void)
{
    /* adr x3, . + 0x100 */
    EXPECT(dp_imm, 0x10000803u, ADR, a->rd == 3 && a->imm == 0x100);
    /* adrp x0, . - 4096: one page back */
    EXPECT(dp_imm, 0xf0ffffe0u, ADRP, a->rd == 0 && a->imm == -1);
    /* add x1, sp, #0x12, lsl #12 */
    EXPECT(dp_imm, 0x91404be1u, ADD_i,
           a->sf == 1 && a->rd == 1 && a->rn == 31 && a->imm == 0x12 && a->shift == 1);
    /* subs w2, w3, #0xfff */
    EXPECT(dp_imm, 0x713ffc62u, SUBS_i,
           a->sf == 0 && a->rd == 2 && a->rn == 3 && a->imm == 0xfff && a->shift == 0);
    /* movk x5, #0xbeef, lsl #48 */
    EXPECT(dp_imm, 0xf2f7dde5u, MOVK, a->sf == 1 && a->rd == 5 && a->imm == 0xbeef && a->hw == 3);
    /* asr w1, w2, #3 = sbfm w1, w2, #3, #31 */
    EXPECT(dp_imm, 0x13037c41u, SBFM,
           a->sf == 0 && a->rd == 1 && a->rn == 2 && a->immr == 3 && a->imms == 31);
    /* extr x0, x1, x2, #63 */
    EXPECT(dp_imm, 0x93c2fc20u, EXTR,
           a->sf == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->imm == 63);
    /* and x0, x1, #0xff */
    EXPECT(dp_imm, 0x92401c20u, AND_i,
           a->sf == 1 && a->rd == 0 && a->rn == 1 && a->n == 1 && a->immr == 0 && a->imms == 7);
}

static void test_branch_sys(void)
{
    /* b.ne . - 8 */
    EXPECT(branch_sys, 0x54ffffc1u, B_cond, a->cond == 1 && a->imm == -2);
    /* tbnz x3, #37, . + 16 */
    EXPECT(branch_sys, 0xb7280083u, TBNZ, a->rt == 3 && a->bit == 37 && a->imm == 4);
    /* cbz x9, . - 4 */
    EXPECT(branch_sys, 0xb4ffffe9u, CBZ, a->sf == 1 && a->rt == 9 && a->imm == -1);
    /* bl . - 0x100 */
    EXPECT(branch_sys, 0x97ffffc0u, BL, a->imm == -64);
    /* svc #0x1234 */
    EXPECT(branch_sys, 0xd4024681u, SVC, a->imm == 0x1234);
    /* mrs x0, CurrentEL (S3_0_C4_C2_2) */
    EXPECT(branch_sys, 0xd5384240u, MRS,
           a->op0 == 3 && a->op1 == 0 && a->crn == 4 && a->crm == 2 && a->op2 == 2 && a->rt == 0);
    /* msr daifset, #0xf */
    EXPECT(branch_sys, 0xd5034fdfu, MSR_i, a->op1 == 3 && a->crm == 15 && a->op2 == 6);
    /* dc zva, x1 = sys #3, C7, C4, #1, x1 */
    EXPECT(branch_sys, 0xd50b7421u, SYS,
           a->op0 == 1 && a->op1 == 3 && a->crn == 7 && a->crm == 4 && a->op2 == 1 && a->rt == 1);
    /* dsb sy */
    EXPECT(branch_sys, 0xd5033f9fu, DSB, a->crm == 15);
    /* bti c (hint #34): targets in op2<2:1> */
    EXPECT(branch_sys, 0xd503245fu, BTI, a->op2 == 1);
    /* hint #0x7f: no named hint, so the catch-all */
    EXPECT(branch_sys, 0xd5032fffu, HINT, a->crm == 15 && a->op2 == 7);
    /* retab */
    EXPECT(branch_sys, 0xd65f0fffu, RETA, a->m == 1);
}

static void test_ldst(void)
{
    /* ldrsw x1, [x2, #-4]! */
    EXPECT(ldst, 0xb89fcc41u, LDR_i,
           a->rt == 1 && a->rn == 2 && a->imm == -4 && a->size == 2 && a->sign == 1 &&
           a->sf == 1 && a->p == 0 && a->w == 1);
    /* ldrb w0, [x1, #4095] */
    EXPECT(ldst, 0x397ffc20u, LDR_u,
           a->rt == 0 && a->rn == 1 && a->imm == 4095 && a->size == 0 && a->sign == 0 &&
           a->p == 0 && a->w == 0);
    /* str q0, [sp, #-16]! */
    EXPECT(ldst, 0x3c9f0fe0u, STR_v_i,
           a->rt == 0 && a->rn == 31 && a->imm == -16 && a->size == 4 && a->p == 0 && a->w == 1);
    /* ldp x29, x30, [sp], #16: imm counts 8-byte units */
    EXPECT(ldst, 0xa8c17bfdu, LDP,
           a->rt == 29 && a->rt2 == 30 && a->rn == 31 && a->imm == 2 && a->size == 3 &&
           a->sign == 0 && a->p == 1 && a->w == 1);
    /* ldpsw x0, x1, [x2, #8] */
    EXPECT(ldst, 0x69410440u, LDP,
           a->rt == 0 && a->rt2 == 1 && a->rn == 2 && a->imm == 2 && a->size == 2 &&
           a->sign == 1 && a->p == 0 && a->w == 0);
    /* ldr x0, [x1, w2, sxtw #3] */
    EXPECT(ldst, 0xf862d820u, LDR_r,
           a->rt == 0 && a->rn == 1 && a->rm == 2 && a->option == 6 && a->s == 1 &&
           a->size == 3 && a->sign == 0);
    /* ldaxr w0, [x1] */
    EXPECT(ldst, 0x885ffc20u, LDXR, a->rt == 0 && a->rn == 1 && a->size == 2 && a->lasr == 1);
    /* stlxr w5, x1, [x2] */
    EXPECT(ldst, 0xc805fc41u, STXR,
           a->rs == 5 && a->rt == 1 && a->rn == 2 && a->size == 3 && a->lasr == 1);
    /* casal x0, x1, [x2] */
    EXPECT(ldst, 0xc8e0fc41u, CAS,
           a->rs == 0 && a->rt == 1 && a->rn == 2 && a->size == 3 && a->a == 1 && a->l == 1);
    /* ldaddal w0, w1, [x2] */
    EXPECT(ldst, 0xb8e00041u, LDADD,
           a->rs == 0 && a->rt == 1 && a->rn == 2 && a->size == 2 && a->a == 1 && a->r == 1);
    /* ld1 {v0.16b-v3.16b}, [x0], #64 */
    EXPECT(ldst, 0x4cdf2000u, LD_mult,
           a->rt == 0 && a->rn == 0 && a->rm == 31 && a->q == 1 && a->size == 0 &&
           a->selem == 1 && a->rpt == 4 && a->p == 1);
    /* ld3 {v0.s-v2.s}[3], [x1] */
    EXPECT(ldst, 0x4d40b020u, LD_single,
           a->rt == 0 && a->rn == 1 && a->scale == 2 && a->selem == 3 && a->index == 3 &&
           a->p == 0);
    /* ld4r {v0.8h-v3.8h}, [x2], x3 */
    EXPECT(ldst, 0x4de3e440u, LD_repl,
           a->rt == 0 && a->rn == 2 && a->rm == 3 && a->q == 1 && a->size == 1 &&
           a->selem == 4 && a->p == 1);
    /* prfm pldl1keep, [x0, #8]: imm counts 8-byte units */
    EXPECT(ldst, 0xf9800400u, PRFM_u, a->rt == 0 && a->rn == 0 && a->imm == 1);
    /* ldr d0, . - 4: imm counts words */
    EXPECT(ldst, 0x5cffffe0u, LDR_v_lit, a->rt == 0 && a->imm == -1 && a->size == 3);
}

static void test_dp_reg(void)
{
    /* add x0, x1, x2, lsl #3 */
    EXPECT(dp_reg, 0x8b020c20u, ADD_r,
           a->sf == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->shift == 0 &&
           a->amount == 3);
    /* sub w0, w1, w2, uxtb #2 */
    EXPECT(dp_reg, 0x4b220820u, SUB_x,
           a->sf == 0 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->option == 0 &&
           a->amount == 2);
    /* madd x0, x1, x2, x3 */
    EXPECT(dp_reg, 0x9b020c20u, MADD,
           a->sf == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->ra == 3);
    /* smulh x0, x1, x2 */
    EXPECT(dp_reg, 0x9b427c20u, SMULH, a->rd == 0 && a->rn == 1 && a->rm == 2);
    /* csinc w0, w1, w2, eq */
    EXPECT(dp_reg, 0x1a820420u, CSINC,
           a->sf == 0 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->cond == 0);
    /* ccmp x1, #5, #4, ne */
    EXPECT(dp_reg, 0xfa451824u, CCMP_i,
           a->sf == 1 && a->rn == 1 && a->imm == 5 && a->nzcv == 4 && a->cond == 1);
    /* crc32cx w0, w1, x2 */
    EXPECT(dp_reg, 0x9ac25c20u, CRC32,
           a->rd == 0 && a->rn == 1 && a->rm == 2 && a->c == 1 && a->sz == 3);
    /* rev32 x0, x1 */
    EXPECT(dp_reg, 0xdac00820u, REV32, a->sf == 1 && a->rd == 0 && a->rn == 1);
}

static void test_simd_fp(void)
{
    /* fmov x0, v1.d[1] */
    EXPECT(simd_fp, 0x9eae0020u, FMOV_to_gp,
           a->sf == 1 && a->rd == 0 && a->rn == 1 && a->ftype == 2 && a->top == 1);
    /* fmov d0, #1.0 */
    EXPECT(simd_fp, 0x1e6e1000u, FMOV_i, a->rd == 0 && a->ftype == 1 && a->imm == 0x70);
    /* umov w0, v1.h[3] */
    EXPECT(simd_fp, 0x0e0e3c20u, UMOV, a->q == 0 && a->rd == 0 && a->rn == 1 && a->imm5 == 14);
    /* ins v0.s[1], v1.s[3] */
    EXPECT(simd_fp, 0x6e0c6420u, INS_element,
           a->rd == 0 && a->rn == 1 && a->imm5 == 12 && a->imm4 == 12);
    /* dup v0.4s, w1 */
    EXPECT(simd_fp, 0x4e040c20u, DUP_general, a->q == 1 && a->rd == 0 && a->rn == 1 &&
           a->imm5 == 4);
    /* fadd d0, d1, d2 */
    EXPECT(simd_fp, 0x1e622820u, FADD, a->rd == 0 && a->rn == 1 && a->rm == 2 && a->ftype == 1);
    /* fcvtzs w0, d1, #10: scale = 64 - fbits */
    EXPECT(simd_fp, 0x1e58d820u, FCVTZS_fixed,
           a->sf == 0 && a->rd == 0 && a->rn == 1 && a->ftype == 1 && a->scale == 54);
    /* fcmp s0, #0.0 */
    EXPECT(simd_fp, 0x1e202008u, FCMP, a->rn == 0 && a->rm == 0 && a->ftype == 0 && a->z == 1);
    /* fmadd d0, d1, d2, d3 */
    EXPECT(simd_fp, 0x1f420c20u, FMADD,
           a->rd == 0 && a->rn == 1 && a->rm == 2 && a->ra == 3 && a->ftype == 1);
    /* fcvt s0, h1 */
    EXPECT(simd_fp, 0x1ee24020u, FCVT, a->rd == 0 && a->rn == 1 && a->ftype == 3 && a->dtype == 0);
    /* scvtf d0, x1 */
    EXPECT(simd_fp, 0x9e620020u, SCVTF, a->sf == 1 && a->rd == 0 && a->rn == 1 && a->ftype == 1);
    /* add v0.4s, v1.4s, v2.4s */
    EXPECT(simd_fp, 0x4ea28420u, ADD_v,
           a->q == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->esz == 2);
    /* ushr v0.4s, v1.4s, #3: immh:immb = 64 - 3 */
    EXPECT(simd_fp, 0x6f3d0420u, USHR_v,
           a->q == 1 && a->rd == 0 && a->rn == 1 && a->immh == 7 && a->immb == 5);
    /* movi v0.2d, #0 */
    EXPECT(simd_fp, 0x6f00e400u, MOVI_v,
           a->q == 1 && a->op == 1 && a->cmode == 14 && a->imm == 0 && a->rd == 0);
    /* uaddlv h0, v1.16b */
    EXPECT(simd_fp, 0x6e303820u, UADDLV, a->q == 1 && a->rd == 0 && a->rn == 1 && a->esz == 0);
    /* pmull2 v0.8h, v1.16b, v2.16b */
    EXPECT(simd_fp, 0x4e22e020u, PMULL_v,
           a->q == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->esz == 0);
    /* fmla v0.4s, v1.4s, v2.s[3] */
    EXPECT(simd_fp, 0x4fa21820u, FMLA_x,
           a->q == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->sz == 0 && a->idx == 3);
    /* mul v0.8h, v1.8h, v2.h[7]: Rm is 4 bits for 16-bit elements */
    EXPECT(simd_fp, 0x4f728820u, MUL_x,
           a->q == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->esz == 1 && a->idx == 7);
    /* fadd v0.2d, v1.2d, v2.2d */
    EXPECT(simd_fp, 0x4e62d420u, FADD_v,
           a->q == 1 && a->rd == 0 && a->rn == 1 && a->rm == 2 && a->sz == 1);
    /* addp d0, v1.2d */
    EXPECT(simd_fp, 0x5ef1b820u, ADDP_s, a->rd == 0 && a->rn == 1);
    /* sha256h q0, q1, v2.4s */
    EXPECT(simd_fp, 0x5e024020u, SHA256H, a->rd == 0 && a->rn == 1 && a->rm == 2);
}

int main(void)
{
    test_dp_imm();
    test_branch_sys();
    test_ldst();
    test_dp_reg();
    test_simd_fp();
    if (failures) {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("A64 decoder arguments: all checks passed\n");
    return 0;
}
