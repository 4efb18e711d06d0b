/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-ir-opt.c: the IR optimizer (accel/tcg/optimize.c). Random IR programs (ALU ops of both
 * widths, flags-like slots, setcond/xor/brcond/movcond chains, forward branches, loads, stores,
 * helper calls) are run through the interpreter before and after optimization from the same
 * state: every guest slot and guest memory must end up identical. Then a few fixed programs check
 * that the expected work is actually removed: dead flag writes go, flags stay live across an op
 * that can fault, a materialised condition folds into its branch, "op T; mov D, T" merges (after
 * sinking op past the accesses of a post-indexed load); and the interpreter's fused CMP/SUBS
 * bytecode computes NZCV as the Arm ARM defines them, and its address-offset folding into loads
 * and stores keeps every other reader of the address. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "tcg/ir.h"
#include "cpu.h"

CPUARMState *first_cpu;
static uint8_t guest_mem[TARGET_PAGE_SIZE] __attribute__((aligned(4096)));

uint64_t tlb_ld_slow(CPUARMState *env, uint64_t addr, unsigned memop, int mmu_idx)
{
    return 0xdeadull;
}

void tlb_st_slow(CPUARMState *env, uint64_t addr, uint64_t val, unsigned memop, int mmu_idx)
{
}

TranslationBlock *tb_lookup_fast(CPUARMState *env)
{
    return NULL;
}

static uint64_t h_mix(void *env, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    /* reads guest state, as real helpers may: the optimizer must keep it up to date */
    return a * 3 + b + c * 7 + d + ((CPUARMState *)env)->xregs[1];
}

const IrHelperInfo ir_helpers[] = { { "mix", h_mix, 4, 0 } };
const int ir_nb_helpers = 1;

static CPUARMState *env;
static IrContext *ir, *ir_opt;

#define BASE_REG 10           /* holds the guest_mem address; never written by random ops */
#define MEM_VA 0x10000ull

static void setup(void)
{
    if (!env) {
        env = calloc(1, sizeof(*env));
        ir = calloc(1, sizeof(*ir));
        ir_opt = calloc(1, sizeof(*ir_opt));
        env->tlb = calloc(1, sizeof(CPUTLB));
    }
    CPUTLB *tlb = env->tlb;
    memset(tlb->table, 0xff, sizeof(tlb->table));
    CPUTLBEntry *e = tlb_entry(tlb, 0, MEM_VA);
    e->addr_read = e->addr_write = MEM_VA;
    e->addend = (uintptr_t)guest_mem - MEM_VA;
    ir_init(ir, IR_SLOT(tmp));
}

static void run_ir(IrContext *c)
{
    TranslationBlock tb = { 0 };

    g_assert_true(interp_gen_code(c, &tb));
    interp_exec(env, &tb);
    free(tb.code);
    free(tb.insn_starts);
}

/* ---- random programs ---- */

static const IrOpcode bin_ops[] = {
    IR_OP_add, IR_OP_sub, IR_OP_mul, IR_OP_and, IR_OP_or, IR_OP_xor, IR_OP_andc, IR_OP_orc,
    IR_OP_eqv, IR_OP_shl, IR_OP_shr, IR_OP_sar, IR_OP_rotr,
};
static const IrOpcode un_ops[] = {
    IR_OP_mov, IR_OP_neg, IR_OP_not, IR_OP_ext8s, IR_OP_ext8u, IR_OP_ext16s, IR_OP_ext16u,
    IR_OP_ext32s, IR_OP_ext32u,
};
static const uint64_t consts[] = { 0, 1, 2, 7, 31, 32, 63, 0xff, 0x80000000ull, 0xffffffffull,
                                   0x8000000000000000ull, ~0ull };

static IrTemp temps[6];

static IrTemp rnd_dest(GRand *r)
{
    static const uint32_t flags[] = { IR_SLOT(nf), IR_SLOT(zf), IR_SLOT(cf), IR_SLOT(vf) };
    switch (g_rand_int_range(r, 0, 3)) {
    case 0: return IR_SLOT(xregs[g_rand_int_range(r, 0, 6)]);
    case 1: return flags[g_rand_int_range(r, 0, 4)];
    default: return temps[g_rand_int_range(r, 0, G_N_ELEMENTS(temps))];
    }
}

static IrTemp rnd_src(GRand *r)
{
    if (g_rand_int_range(r, 0, 4) == 0) {
        return ir_const(ir, consts[g_rand_int_range(r, 0, G_N_ELEMENTS(consts))]);
    }
    return rnd_dest(r);
}

static IrTemp mem_addr(GRand *r)
{
    IrTemp t = temps[g_rand_int_range(r, 0, G_N_ELEMENTS(temps))];
    ir_gen_add(ir, IR_I64, t, IR_SLOT(xregs[BASE_REG]), ir_const(ir, 8 * g_rand_int_range(r, 0, 8)));
    return t;
}

static void gen_random(GRand *r, int n)
{
    int pending = -1;   /* a label branched to and not yet placed */

    for (unsigned k = 0; k < G_N_ELEMENTS(temps); k++) {
        temps[k] = ir_new_temp(ir);
    }
    for (int k = 0; k < n; k++) {
        IrType ty = g_rand_boolean(r) ? IR_I64 : IR_I32;
        int what = g_rand_int_range(r, 0, 20);
        if (what == 0 || k % 7 == 0) {
            ir_gen_insn_start(ir, 0x1000 + 4 * k);
        }
        if (pending >= 0 && g_rand_int_range(r, 0, 4) == 0) {
            ir_gen_set_label(ir, pending);
            pending = -1;
        }
        if (what < 8) {
            ir_emit(ir, bin_ops[g_rand_int_range(r, 0, G_N_ELEMENTS(bin_ops))], ty, 0, 0, 3,
                    rnd_dest(r), rnd_src(r), rnd_src(r));
        } else if (what < 11) {
            ir_emit(ir, un_ops[g_rand_int_range(r, 0, G_N_ELEMENTS(un_ops))], ty, 0, 0, 2,
                    rnd_dest(r), rnd_src(r));
        } else if (what == 11) {
            /* a condition materialised, negated and tested, as the A64 translator does */
            IrTemp t = temps[g_rand_int_range(r, 0, G_N_ELEMENTS(temps))];
            IrCond c = g_rand_int_range(r, 0, IR_COND_TSTNE + 1);
            ir_gen_setcond(ir, ty, c, t, rnd_src(r), rnd_src(r));
            if (g_rand_boolean(r)) {
                ir_gen_xor(ir, IR_I64, t, t, ir_const(ir, 1));
            }
            if (pending < 0 && g_rand_boolean(r)) {
                pending = ir_new_label(ir);
                ir_gen_brcond(ir, IR_I64, g_rand_boolean(r) ? IR_COND_EQ : IR_COND_NE, t,
                              ir_const(ir, 0), pending);
            } else {
                ir_gen_movcond(ir, ty, g_rand_boolean(r) ? IR_COND_EQ : IR_COND_NE, rnd_dest(r),
                               t, ir_const(ir, 0), rnd_src(r), rnd_src(r));
            }
        } else if (what == 12) {
            ir_gen_setcond(ir, ty, g_rand_int_range(r, 0, IR_COND_TSTNE + 1), rnd_dest(r),
                           rnd_src(r), rnd_src(r));
        } else if (what == 13) {
            ir_gen_extract(ir, ty, rnd_dest(r), rnd_src(r), g_rand_int_range(r, 0, 16),
                           g_rand_int_range(r, 1, 16));
        } else if (what == 14) {
            IrTemp a = mem_addr(r);
            ir_gen_qemu_ld(ir, rnd_dest(r), a, MO_64, 0);
        } else if (what == 15) {
            IrTemp a = mem_addr(r);
            ir_gen_qemu_st(ir, rnd_src(r), a, g_rand_boolean(r) ? MO_64 : MO_32, 0);
        } else if (what == 16) {
            IrTemp in[4] = { rnd_src(r), rnd_src(r), rnd_src(r), rnd_src(r) };
            ir_gen_call(ir, 0, rnd_dest(r), 4, in);
        } else if (what == 17 && pending < 0) {
            pending = ir_new_label(ir);
            ir_gen_brcond(ir, ty, g_rand_int_range(r, 0, IR_COND_TSTNE + 1), rnd_src(r),
                          rnd_src(r), pending);
        } else {
            /* op into a temp, then copied to guest state: the shape of most A64 instructions */
            IrTemp t = temps[g_rand_int_range(r, 0, G_N_ELEMENTS(temps))];
            ir_emit(ir, bin_ops[g_rand_int_range(r, 0, G_N_ELEMENTS(bin_ops))], ty, 0, 0, 3, t,
                    rnd_src(r), rnd_src(r));
            switch (g_rand_int_range(r, 0, 4)) {   /* something between (post-indexed shape) */
            case 0:
                ir_gen_qemu_ld(ir, rnd_dest(r), IR_SLOT(xregs[BASE_REG]), MO_64, 0);
                break;
            case 1:
                ir_gen_qemu_st(ir, rnd_src(r), IR_SLOT(xregs[BASE_REG]), MO_32, 0);
                break;
            case 2:
                ir_emit(ir, un_ops[g_rand_int_range(r, 0, G_N_ELEMENTS(un_ops))], ty, 0, 0, 2,
                        rnd_dest(r), rnd_src(r));
                break;
            default:
                break;
            }
            if (g_rand_boolean(r)) {
                ir_gen_mov(ir, IR_I64, rnd_dest(r), t);
            } else {
                ir_gen_ext32u(ir, IR_I64, rnd_dest(r), t);   /* a W register write */
            }
            if (g_rand_boolean(r)) {
                ir_gen_mov(ir, IR_I64, rnd_dest(r), t);
            }
        }
    }
    if (pending >= 0) {
        ir_gen_set_label(ir, pending);
    }
    ir_gen_mov(ir, IR_I64, IR_SLOT(pc), ir_const(ir, 0x2000));
    ir_gen_exit_tb(ir);
}

static void test_random_equivalence(void)
{
    GRand *r = g_rand_new_with_seed(1234);
    static CPUARMState init, ref;
    static uint8_t mem_init[sizeof(guest_mem)], mem_ref[sizeof(guest_mem)];
    int removed = 0, total = 0;

    setup();
    for (int iter = 0; iter < 3000; iter++) {
        char err[128];
        setup();
        gen_random(r, g_rand_int_range(r, 5, 60));
        g_assert_true(ir_verify(ir, err, sizeof(err)));
        memcpy(ir_opt, ir, sizeof(*ir));
        ir_optimize(ir_opt);
        g_assert_true(ir_verify(ir_opt, err, sizeof(err)));
        total += ir->nb_ops;
        removed += ir->nb_ops - ir_opt->nb_ops;

        /* the same start state for both runs, temps included */
        for (size_t s = 0; s < IR_SLOT(tmp) + IR_NUM_TEMPS; s++) {
            ((uint64_t *)env)[s] = g_rand_boolean(r) ? consts[s % G_N_ELEMENTS(consts)]
                                                     : ((uint64_t)g_rand_int(r) << 32) | s;
        }
        env->xregs[BASE_REG] = MEM_VA;
        for (size_t b = 0; b < sizeof(guest_mem); b++) {
            guest_mem[b] = (uint8_t)g_rand_int(r);
        }
        memcpy(&init, env, sizeof(init));
        memcpy(mem_init, guest_mem, sizeof(mem_init));

        run_ir(ir);
        memcpy(&ref, env, sizeof(ref));
        memcpy(mem_ref, guest_mem, sizeof(mem_ref));

        memcpy(env, &init, sizeof(init));
        memcpy(guest_mem, mem_init, sizeof(mem_init));
        run_ir(ir_opt);

        for (size_t s = 0; s < IR_SLOT(tmp); s++) {
            if (((uint64_t *)env)[s] != ((uint64_t *)&ref)[s]) {
                fprintf(stderr, "iteration %d: slot %zu differs: 0x%llx, expected 0x%llx\n",
                        iter, s, (unsigned long long)((uint64_t *)env)[s],
                        (unsigned long long)((uint64_t *)&ref)[s]);
                g_assert_not_reached();
            }
        }
        g_assert_cmpmem(guest_mem, sizeof(guest_mem), mem_ref, sizeof(mem_ref));
    }
    g_test_message("%d of %d ops removed", removed, total);
    g_assert_cmpint(removed, >, total / 10);
    g_rand_free(r);
}

/* ---- what gets removed ---- */

static int count_ops(const IrContext *c, IrOpcode opc, IrTemp out)
{
    int n = 0;
    for (int k = 0; k < c->nb_ops; k++) {
        if (c->ops[k].opc == opc && (out == IR_NO_TEMP || c->ops[k].args[0] == out)) {
            n++;
        }
    }
    return n;
}

/* SUBS-like: all four flags from x0 - x1 through a temp (as gen_sub emits them). */
static void gen_flags(IrTemp a, IrTemp b)
{
    IrTemp res = ir_new_temp(ir), t = ir_new_temp(ir), v = ir_new_temp(ir);
    ir_gen_sub(ir, IR_I64, res, a, b);
    ir_gen_setcond(ir, IR_I64, IR_COND_GEU, IR_SLOT(cf), a, b);
    ir_gen_xor(ir, IR_I64, v, res, a);
    ir_gen_xor(ir, IR_I64, t, a, b);
    ir_gen_and(ir, IR_I64, IR_SLOT(vf), v, t);
    ir_gen_mov(ir, IR_I64, IR_SLOT(nf), res);
    ir_gen_mov(ir, IR_I64, IR_SLOT(zf), res);
    ir_free_temps(ir);
}

static void test_dead_flags(void)
{
    setup();
    ir_gen_insn_start(ir, 0x1000);
    gen_flags(IR_SLOT(xregs[0]), IR_SLOT(xregs[1]));
    ir_gen_insn_start(ir, 0x1004);
    gen_flags(IR_SLOT(xregs[2]), IR_SLOT(xregs[3]));
    ir_gen_exit_tb(ir);
    ir_optimize(ir);
    /* the first instruction's flags are overwritten unread: only the second's remain */
    g_assert_cmpint(count_ops(ir, IR_OP_setcond, IR_SLOT(cf)), ==, 1);
    g_assert_cmpint(count_ops(ir, IR_OP_and, IR_SLOT(vf)), ==, 1);
    g_assert_cmpint(count_ops(ir, IR_OP_sub, IR_NO_TEMP), ==, 1);
    g_assert_cmpint(ir->nb_ops, <=, 10);

    /* a load between them may fault: the first flags must then be architecturally visible */
    setup();
    ir_gen_insn_start(ir, 0x1000);
    gen_flags(IR_SLOT(xregs[0]), IR_SLOT(xregs[1]));
    ir_gen_insn_start(ir, 0x1004);
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[5]), IR_SLOT(xregs[6]), MO_64, 0);
    ir_gen_insn_start(ir, 0x1008);
    gen_flags(IR_SLOT(xregs[2]), IR_SLOT(xregs[3]));
    ir_gen_exit_tb(ir);
    ir_optimize(ir);
    g_assert_cmpint(count_ops(ir, IR_OP_setcond, IR_SLOT(cf)), ==, 2);
    g_assert_cmpint(count_ops(ir, IR_OP_sub, IR_NO_TEMP), ==, 2);
}

static void test_branch_fusion(void)
{
    /* "b.ne": setcond t = (zf == 0); t ^= 1; brcond t == 0 -> one brcond on zf */
    setup();
    IrTemp t = ir_new_temp(ir);
    int l = ir_new_label(ir);
    ir_gen_setcond(ir, IR_I64, IR_COND_EQ, t, IR_SLOT(zf), ir_const(ir, 0));
    ir_gen_xor(ir, IR_I64, t, t, ir_const(ir, 1));
    ir_gen_brcond(ir, IR_I64, IR_COND_EQ, t, ir_const(ir, 0), l);
    ir_gen_movi(ir, IR_SLOT(pc), 0x1000);
    ir_gen_exit_tb(ir);
    ir_gen_set_label(ir, l);
    ir_gen_movi(ir, IR_SLOT(pc), 0x2000);
    ir_gen_exit_tb(ir);
    ir_optimize(ir);
    g_assert_cmpint(count_ops(ir, IR_OP_setcond, IR_NO_TEMP), ==, 0);
    g_assert_cmpint(count_ops(ir, IR_OP_xor, IR_NO_TEMP), ==, 0);
    g_assert_cmpint(ir->ops[0].opc, ==, IR_OP_brcond);
    g_assert_cmpuint(ir->ops[0].args[0], ==, IR_SLOT(zf));
    g_assert_cmpint(ir->ops[0].cond, ==, IR_COND_EQ);   /* taken when zf == 0, i.e. Z set */

    env->zf = 0;
    run_ir(ir);
    g_assert_cmpuint(env->pc, ==, 0x2000);
    env->zf = 5;
    run_ir(ir);
    g_assert_cmpuint(env->pc, ==, 0x1000);
}

static void test_merge_and_propagate(void)
{
    /* ldr x2, [x1], #1 as translated: the load lands in x2 directly, the address copy goes */
    setup();
    IrTemp t0 = ir_new_temp(ir), t1 = ir_new_temp(ir), t2 = ir_new_temp(ir);
    ir_gen_add(ir, IR_I64, t1, IR_SLOT(xregs[1]), ir_const(ir, 1));
    ir_gen_mov(ir, IR_I64, t0, IR_SLOT(xregs[1]));
    ir_gen_qemu_ld(ir, t2, t0, MO_8, 0);
    ir_gen_mov(ir, IR_I64, IR_SLOT(xregs[2]), t2);
    ir_gen_mov(ir, IR_I64, IR_SLOT(xregs[1]), t1);
    /* constants fold through copies */
    ir_gen_movi(ir, IR_SLOT(xregs[3]), 40);
    ir_gen_add(ir, IR_I64, t0, IR_SLOT(xregs[3]), ir_const(ir, 2));
    ir_gen_mov(ir, IR_I64, IR_SLOT(xregs[4]), t0);
    ir_gen_exit_tb(ir);
    ir_optimize(ir);
    /* the base update sinks below the load and merges with its mov: "add x1, x1, 1" */
    g_assert_cmpint(ir->nb_ops, ==, 5);
    g_assert_cmpint(ir->ops[0].opc, ==, IR_OP_qemu_ld);
    g_assert_cmpuint(ir->ops[0].args[0], ==, IR_SLOT(xregs[2]));
    g_assert_cmpuint(ir->ops[0].args[1], ==, IR_SLOT(xregs[1]));
    g_assert_cmpint(ir->ops[1].opc, ==, IR_OP_add);
    g_assert_cmpuint(ir->ops[1].args[0], ==, IR_SLOT(xregs[1]));
    g_assert_cmpint(ir->ops[3].opc, ==, IR_OP_mov);
    g_assert_true(ir_is_const(ir->ops[3].args[1]));
    g_assert_cmpuint(ir_const_val(ir, ir->ops[3].args[1]), ==, 42);

    env->xregs[1] = MEM_VA + 5;
    guest_mem[5] = 0x99;
    run_ir(ir);
    g_assert_cmpuint(env->xregs[1], ==, MEM_VA + 6);
    g_assert_cmpuint(env->xregs[2], ==, 0x99);
    g_assert_cmpuint(env->xregs[4], ==, 42);
}

/* The interpreter runs gen_sub's CMP/SUBS sequence as one fused bytecode: check it against the
 * Arm NZCV definitions for both widths, register and immediate operands. */
static void test_fused_subs(void)
{
    GRand *r = g_rand_new_with_seed(99);

    setup();
    for (int iter = 0; iter < 4000; iter++) {
        bool w = iter & 1, imm = iter & 2;
        uint64_t a = g_rand_boolean(r) ? consts[g_rand_int_range(r, 0, G_N_ELEMENTS(consts))]
                                       : ((uint64_t)g_rand_int(r) << 32) | g_rand_int(r);
        uint64_t b = g_rand_int_range(r, 0, 3) == 0 ? a
                     : g_rand_boolean(r) ? consts[g_rand_int_range(r, 0, G_N_ELEMENTS(consts))]
                                         : ((uint64_t)g_rand_int(r) << 32) | g_rand_int(r);
        IrType ty = w ? IR_I64 : IR_I32;
        TranslationBlock tb = { 0 };

        setup();
        IrTemp res = ir_new_temp(ir), t = ir_new_temp(ir), v = ir_new_temp(ir);
        IrTemp A = IR_SLOT(xregs[0]), B = imm ? ir_const(ir, b) : IR_SLOT(xregs[1]);
        ir_gen_sub(ir, ty, res, A, B);
        ir_gen_setcond(ir, ty, IR_COND_GEU, IR_SLOT(cf), A, B);
        ir_gen_xor(ir, ty, v, res, A);
        ir_gen_xor(ir, ty, t, A, B);
        if (w) {
            ir_gen_and(ir, IR_I64, IR_SLOT(vf), v, t);
            ir_gen_mov(ir, IR_I64, IR_SLOT(nf), res);
        } else {
            ir_gen_and(ir, IR_I32, v, v, t);
            ir_gen_ext32s(ir, IR_I64, IR_SLOT(vf), v);
            ir_gen_ext32s(ir, IR_I64, IR_SLOT(nf), res);
        }
        ir_gen_mov(ir, IR_I64, IR_SLOT(zf), res);
        ir_gen_mov(ir, IR_I64, IR_SLOT(xregs[2]), res);
        ir_gen_exit_tb(ir);
        g_assert_true(interp_gen_code(ir, &tb));
        g_assert_cmpuint(tb.ncode, ==, 4);   /* fused op, mov, exit, the lowering's guard exit */
        env->xregs[0] = a;
        env->xregs[1] = b;
        interp_exec(env, &tb);
        free(tb.code);
        free(tb.insn_starts);

        uint64_t m = w ? ~0ull : 0xffffffffull, sign = w ? 1ull << 63 : 1ull << 31;
        uint64_t x = a & m, y = b & m, d = (x - y) & m;
        g_assert_cmpuint(env->xregs[2], ==, d);
        g_assert_cmpint(env->nf >> 63, ==, (d & sign) != 0);
        g_assert_cmpint(env->zf == 0, ==, d == 0);
        g_assert_cmpuint(env->cf, ==, x >= y);
        g_assert_cmpint(env->vf >> 63, ==, (((x ^ y) & (x ^ d)) & sign) != 0);
    }
    g_rand_free(r);
}

/* The interpreter folds "add T, X, $c" into the load or store that is T's only reader. */
static void test_addr_fold(void)
{
    for (int variant = 0; variant < 3; variant++) {
        TranslationBlock tb = { 0 };
        setup();
        IrTemp t = ir_new_temp(ir), u = ir_new_temp(ir);
        int l = ir_new_label(ir);
        ir_gen_add(ir, IR_I64, t, IR_SLOT(xregs[1]), ir_const(ir, 16));
        ir_gen_qemu_ld(ir, IR_SLOT(xregs[2]), t, MO_64, 0);
        ir_gen_add(ir, IR_I64, u, IR_SLOT(xregs[1]), ir_const(ir, -8));
        ir_gen_qemu_st(ir, IR_SLOT(xregs[2]), u, MO_32, 0);
        if (variant == 1) {
            ir_gen_mov(ir, IR_I64, IR_SLOT(xregs[3]), t);   /* T read later: no fold for it */
        } else if (variant == 2) {
            /* read only on a path that skips a write: still a reader */
            ir_gen_brcond(ir, IR_I64, IR_COND_EQ, IR_SLOT(xregs[4]), ir_const(ir, 0), l);
            ir_gen_movi(ir, t, 5);
            ir_gen_set_label(ir, l);
            ir_gen_mov(ir, IR_I64, IR_SLOT(xregs[3]), t);
        }
        ir_gen_exit_tb(ir);
        g_assert_true(interp_gen_code(ir, &tb));
        g_assert_cmpuint(tb.ncode, ==, variant == 0 ? 4 : variant == 1 ? 6 : 8);
        memset(guest_mem, 0, sizeof(guest_mem));
        guest_mem[0x30 + 16] = 0x77;
        guest_mem[0x30 + 17] = 0x66;
        env->xregs[1] = MEM_VA + 0x30;
        env->xregs[4] = 0;
        interp_exec(env, &tb);
        free(tb.code);
        free(tb.insn_starts);
        g_assert_cmpuint(env->xregs[2], ==, 0x6677);
        g_assert_cmpuint(guest_mem[0x30 - 8], ==, 0x77);
        g_assert_cmpuint(guest_mem[0x30 - 7], ==, 0x66);
        if (variant) {
            g_assert_cmpuint(env->xregs[3], ==, MEM_VA + 0x30 + 16);
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ir-opt/random-equivalence", test_random_equivalence);
    g_test_add_func("/ir-opt/dead-flags", test_dead_flags);
    g_test_add_func("/ir-opt/branch-fusion", test_branch_fusion);
    g_test_add_func("/ir-opt/merge-and-propagate", test_merge_and_propagate);
    g_test_add_func("/ir-opt/fused-subs", test_fused_subs);
    g_test_add_func("/ir-opt/addr-fold", test_addr_fold);
    return g_test_run();
}
