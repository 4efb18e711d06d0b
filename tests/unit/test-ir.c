/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-ir.c: the IR builder, checker and interpreter back end, against the semantics documented
 * in include/tcg/ir-ops.def computed with plain C: every ALU op in both widths with register and
 * constant operands in every position, conditions, branches and labels, guest loads and stores
 * through a fake TLB (fast path and slow path), helper calls, TB exits, and the checker's errors. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "tcg/ir.h"
#include "cpu.h"

/* ---- the small world the interpreter needs ---- */
CPUARMState *first_cpu;
static uint8_t guest_mem[2 * TARGET_PAGE_SIZE] __attribute__((aligned(4096)));
static int slow_loads, slow_stores;

uint64_t tlb_ld_slow(CPUARMState *env, uint64_t addr, unsigned memop, int mmu_idx)
{
    slow_loads++;
    return 0xdeadull;
}

void tlb_st_slow(CPUARMState *env, uint64_t addr, uint64_t val, unsigned memop, int mmu_idx)
{
    slow_stores++;
}

TranslationBlock *tb_lookup_fast(CPUARMState *env)
{
    return NULL;
}

static uint64_t h_add3(void *env, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    return a + b + c + d * 1000;
}

const IrHelperInfo ir_helpers[] = { { "add3", h_add3, 4, IR_HELPER_NO_SIDE_EFFECTS } };
const int ir_nb_helpers = 1;

static CPUARMState *env;
static IrContext *ir;

static void setup(void)
{
    if (!env) {
        env = calloc(1, sizeof(*env));
        ir = calloc(1, sizeof(*ir));
        env->tlb = calloc(1, sizeof(CPUTLB));
    }
    memset(env->xregs, 0, sizeof(env->xregs));
    /* VA 0x10000..0x11fff maps to guest_mem with MMU index 0, read and write */
    CPUTLB *tlb = env->tlb;
    memset(tlb->table, 0xff, sizeof(tlb->table));
    for (int p = 0; p < 2; p++) {
        uint64_t va = 0x10000 + p * TARGET_PAGE_SIZE;
        CPUTLBEntry *e = tlb_entry(tlb, 0, va);
        e->addr_read = e->addr_write = va;
        e->addend = (uintptr_t)guest_mem - 0x10000;
    }
    ir_init(ir, IR_SLOT(tmp));
}

static uintptr_t run(void)
{
    TranslationBlock tb = { 0 };
    char err[128];

    g_assert_true(ir_verify(ir, err, sizeof(err)));
    ir_gen_exit_tb(ir);
    g_assert_true(interp_gen_code(ir, &tb));
    uintptr_t r = interp_exec(env, &tb);
    free(tb.code);
    free(tb.insn_starts);
    return r;
}

typedef uint64_t RefFn(uint64_t a, uint64_t b, int is64);

#define M32(x) ((uint64_t)(uint32_t)(x))
static uint64_t r_add(uint64_t a, uint64_t b, int w) { return w ? a + b : M32(a + b); }
static uint64_t r_sub(uint64_t a, uint64_t b, int w) { return w ? a - b : M32(a - b); }
static uint64_t r_mul(uint64_t a, uint64_t b, int w) { return w ? a * b : M32(a * b); }
static uint64_t r_and(uint64_t a, uint64_t b, int w) { return w ? (a & b) : M32(a & b); }
static uint64_t r_or(uint64_t a, uint64_t b, int w) { return w ? (a | b) : M32(a | b); }
static uint64_t r_xor(uint64_t a, uint64_t b, int w) { return w ? (a ^ b) : M32(a ^ b); }
static uint64_t r_andc(uint64_t a, uint64_t b, int w) { return w ? (a & ~b) : M32(a & ~b); }
static uint64_t r_orc(uint64_t a, uint64_t b, int w) { return w ? (a | ~b) : M32(a | ~b); }
static uint64_t r_eqv(uint64_t a, uint64_t b, int w) { return w ? (a ^ ~b) : M32(a ^ ~b); }
static uint64_t r_shl(uint64_t a, uint64_t b, int w)
{
    return w ? a << (b % 64) : M32((uint32_t)a << (b % 32));
}
static uint64_t r_shr(uint64_t a, uint64_t b, int w)
{
    return w ? a >> (b % 64) : M32((uint32_t)a >> (b % 32));
}
static uint64_t r_sar(uint64_t a, uint64_t b, int w)
{
    return w ? (uint64_t)((int64_t)a >> (b % 64)) : M32((int32_t)a >> (b % 32));
}
static uint64_t r_rotr(uint64_t a, uint64_t b, int w)
{
    unsigned n = w ? b % 64 : b % 32;
    if (w) {
        return n ? (a >> n) | (a << (64 - n)) : a;
    }
    uint32_t x = (uint32_t)a;
    return n ? M32((x >> n) | (x << (32 - n))) : x;
}
static uint64_t r_muluh(uint64_t a, uint64_t b, int w)
{
    return w ? (uint64_t)(((unsigned __int128)a * b) >> 64)
             : M32(((uint64_t)(uint32_t)a * (uint32_t)b) >> 32);
}
static uint64_t r_mulsh(uint64_t a, uint64_t b, int w)
{
    return w ? (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64)
             : M32(((int64_t)(int32_t)a * (int32_t)b) >> 32);
}

static const struct { IrOpcode op; RefFn *ref; const char *name; } binops[] = {
    { IR_OP_add, r_add, "add" }, { IR_OP_sub, r_sub, "sub" }, { IR_OP_mul, r_mul, "mul" },
    { IR_OP_and, r_and, "and" }, { IR_OP_or, r_or, "or" }, { IR_OP_xor, r_xor, "xor" },
    { IR_OP_andc, r_andc, "andc" }, { IR_OP_orc, r_orc, "orc" }, { IR_OP_eqv, r_eqv, "eqv" },
    { IR_OP_shl, r_shl, "shl" }, { IR_OP_shr, r_shr, "shr" }, { IR_OP_sar, r_sar, "sar" },
    { IR_OP_rotr, r_rotr, "rotr" }, { IR_OP_muluh, r_muluh, "muluh" },
    { IR_OP_mulsh, r_mulsh, "mulsh" },
};

static const uint64_t special[] = {
    0, 1, 2, 31, 32, 33, 63, 64, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull, 0xdeadbeefcafef00dull,
};

static uint64_t pick(GRand *r)
{
    return g_rand_boolean(r) ? special[g_rand_int_range(r, 0, G_N_ELEMENTS(special))]
                             : ((uint64_t)g_rand_int(r) << 32 | g_rand_int(r));
}

/* Binary ops: operands as registers, or constant a, or constant b (the lowering's imm forms and
 * its materialisation of constant first operands). */
static void test_binops(void)
{
    GRand *r = g_rand_new_with_seed(1);

    for (size_t k = 0; k < G_N_ELEMENTS(binops); k++) {
        for (int iter = 0; iter < 400; iter++) {
            for (int w = 0; w < 2; w++) {
                uint64_t a = pick(r), b = pick(r);
                int form = iter % 3;
                setup();
                env->xregs[1] = a;
                env->xregs[2] = b;
                IrTemp ta = form == 1 ? ir_const(ir, a) : IR_SLOT(xregs[1]);
                IrTemp tb = form == 2 ? ir_const(ir, b) : IR_SLOT(xregs[2]);
                ir_emit(ir, binops[k].op, w ? IR_I64 : IR_I32, 0, 0, 3, IR_SLOT(xregs[0]), ta, tb);
                run();
                uint64_t want = binops[k].ref(a, b, w);
                if (env->xregs[0] != want) {
                    g_test_message("%s_i%d(0x%llx, 0x%llx) form %d: got 0x%llx want 0x%llx",
                                   binops[k].name, w ? 64 : 32, (unsigned long long)a,
                                   (unsigned long long)b, form, (unsigned long long)env->xregs[0],
                                   (unsigned long long)want);
                }
                g_assert_cmphex(env->xregs[0], ==, want);
            }
        }
    }
    g_rand_free(r);
}

static bool cond_ref(IrCond c, uint64_t a, uint64_t b, int w)
{
    if (!w) {
        int32_t sa = (int32_t)a, sb = (int32_t)b;
        uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
        switch (c) {
        case IR_COND_EQ: return ua == ub;
        case IR_COND_NE: return ua != ub;
        case IR_COND_LT: return sa < sb;
        case IR_COND_GE: return sa >= sb;
        case IR_COND_LE: return sa <= sb;
        case IR_COND_GT: return sa > sb;
        case IR_COND_LTU: return ua < ub;
        case IR_COND_GEU: return ua >= ub;
        case IR_COND_LEU: return ua <= ub;
        case IR_COND_GTU: return ua > ub;
        case IR_COND_TSTEQ: return (ua & ub) == 0;
        case IR_COND_TSTNE: return (ua & ub) != 0;
        case IR_COND_ALWAYS: return true;
        default: return false;
        }
    }
    switch (c) {
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return (int64_t)a < (int64_t)b;
    case IR_COND_GE: return (int64_t)a >= (int64_t)b;
    case IR_COND_LE: return (int64_t)a <= (int64_t)b;
    case IR_COND_GT: return (int64_t)a > (int64_t)b;
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    case IR_COND_TSTEQ: return (a & b) == 0;
    case IR_COND_TSTNE: return (a & b) != 0;
    case IR_COND_ALWAYS: return true;
    default: return false;
    }
}

/* setcond, movcond and brcond on every condition, with constants on either side. */
static void test_conditions(void)
{
    GRand *r = g_rand_new_with_seed(2);

    for (int c = IR_COND_EQ; c <= IR_COND_NEVER; c++) {
        for (int iter = 0; iter < 300; iter++) {
            for (int w = 0; w < 2; w++) {
                uint64_t a = pick(r), b = iter % 5 == 0 ? a : pick(r);
                int form = iter % 3;
                bool want = cond_ref(c, a, b, w);
                IrType ty = w ? IR_I64 : IR_I32;
                setup();
                env->xregs[1] = a;
                env->xregs[2] = b;
                IrTemp ta = form == 1 ? ir_const(ir, a) : IR_SLOT(xregs[1]);
                IrTemp tb = form == 2 ? ir_const(ir, b) : IR_SLOT(xregs[2]);
                ir_gen_setcond(ir, ty, c, IR_SLOT(xregs[0]), ta, tb);
                ir_gen_movcond(ir, ty, c, IR_SLOT(xregs[3]), ta, tb, ir_const(ir, 111),
                               ir_const(ir, 222));
                int lbl = ir_new_label(ir);
                ir_gen_movi(ir, IR_SLOT(xregs[4]), 0);
                ir_gen_brcond(ir, ty, c, ta, tb, lbl);
                ir_gen_movi(ir, IR_SLOT(xregs[4]), 7);
                ir_gen_set_label(ir, lbl);
                run();
                g_assert_cmpuint(env->xregs[0], ==, want);
                g_assert_cmpuint(env->xregs[3], ==, want ? 111 : 222);
                g_assert_cmpuint(env->xregs[4], ==, want ? 0 : 7);
            }
        }
    }
    g_rand_free(r);
}

static uint64_t rbit_ref(uint64_t x, int bits)
{
    uint64_t y = 0;
    for (int i = 0; i < bits; i++) {
        if (x & (1ull << i)) {
            y |= 1ull << (bits - 1 - i);
        }
    }
    return y;
}

static uint64_t clz_ref(uint64_t x, int bits)
{
    int n = 0;
    for (int i = bits - 1; i >= 0 && !(x & (1ull << i)); i--) {
        n++;
    }
    return n;
}

/* A64 CLS: leading bits equal to the sign bit, not counting the sign bit. */
static uint64_t cls_ref(uint64_t x, int bits)
{
    int sign = (x >> (bits - 1)) & 1, n = 0;
    for (int i = bits - 2; i >= 0 && (int)((x >> i) & 1) == sign; i--) {
        n++;
    }
    return n;
}

static void test_unary_and_fields(void)
{
    GRand *r = g_rand_new_with_seed(3);

    for (int iter = 0; iter < 2000; iter++) {
        uint64_t a = pick(r), b = pick(r);
        int pos = g_rand_int_range(r, 0, 64), len = g_rand_int_range(r, 1, 65 - pos);
        int pos32 = pos % 32, len32 = 1 + (len - 1) % (32 - pos32);
        setup();
        env->xregs[1] = a;
        env->xregs[2] = b;
        IrTemp x = IR_SLOT(xregs[1]), y = IR_SLOT(xregs[2]);
        ir_gen_neg(ir, IR_I64, IR_SLOT(xregs[3]), x);
        ir_gen_not(ir, IR_I32, IR_SLOT(xregs[4]), x);
        ir_gen_ext8s(ir, IR_I64, IR_SLOT(xregs[5]), x);
        ir_gen_ext16u(ir, IR_I64, IR_SLOT(xregs[6]), x);
        ir_gen_ext32s(ir, IR_I64, IR_SLOT(xregs[7]), x);
        ir_gen_bswap64(ir, IR_I64, IR_SLOT(xregs[8]), x);
        ir_gen_bswap32(ir, IR_I32, IR_SLOT(xregs[9]), x);
        ir_gen_bswap16(ir, IR_I64, IR_SLOT(xregs[10]), x);
        ir_gen_clz(ir, IR_I64, IR_SLOT(xregs[11]), x);
        ir_gen_clz(ir, IR_I32, IR_SLOT(xregs[12]), x);
        ir_gen_cls(ir, IR_I64, IR_SLOT(xregs[13]), x);
        ir_gen_cls(ir, IR_I32, IR_SLOT(xregs[14]), x);
        ir_gen_rbit(ir, IR_I64, IR_SLOT(xregs[15]), x);
        ir_gen_rbit(ir, IR_I32, IR_SLOT(xregs[16]), x);
        ir_gen_extract(ir, IR_I64, IR_SLOT(xregs[17]), x, pos, len);
        ir_gen_sextract(ir, IR_I64, IR_SLOT(xregs[18]), x, pos, len);
        ir_gen_deposit(ir, IR_I64, IR_SLOT(xregs[19]), x, y, pos, len);
        ir_gen_extract(ir, IR_I32, IR_SLOT(xregs[20]), x, pos32, len32);
        ir_gen_sextract(ir, IR_I32, IR_SLOT(xregs[21]), x, pos32, len32);
        ir_gen_deposit(ir, IR_I32, IR_SLOT(xregs[22]), x, y, pos32, len32);
        run();
        uint64_t m = len == 64 ? ~0ull : (1ull << len) - 1;
        uint64_t m32 = len32 == 32 ? 0xffffffffull : (1ull << len32) - 1;
        g_assert_cmphex(env->xregs[3], ==, -a);
        g_assert_cmphex(env->xregs[4], ==, M32(~a));
        g_assert_cmphex(env->xregs[5], ==, (uint64_t)(int64_t)(int8_t)a);
        g_assert_cmphex(env->xregs[6], ==, (uint16_t)a);
        g_assert_cmphex(env->xregs[7], ==, (uint64_t)(int64_t)(int32_t)a);
        g_assert_cmphex(env->xregs[8], ==, __builtin_bswap64(a));
        g_assert_cmphex(env->xregs[9], ==, __builtin_bswap32((uint32_t)a));
        uint64_t h = 0;
        for (int i = 0; i < 4; i++) {
            h |= (uint64_t)__builtin_bswap16((uint16_t)(a >> (16 * i))) << (16 * i);
        }
        g_assert_cmphex(env->xregs[10], ==, h);
        g_assert_cmpuint(env->xregs[11], ==, clz_ref(a, 64));
        g_assert_cmpuint(env->xregs[12], ==, clz_ref((uint32_t)a, 32));
        g_assert_cmpuint(env->xregs[13], ==, cls_ref(a, 64));
        g_assert_cmpuint(env->xregs[14], ==, cls_ref((uint32_t)a, 32));
        g_assert_cmphex(env->xregs[15], ==, rbit_ref(a, 64));
        g_assert_cmphex(env->xregs[16], ==, rbit_ref((uint32_t)a, 32));
        g_assert_cmphex(env->xregs[17], ==, (a >> pos) & m);
        uint64_t f = (a >> pos) & m;
        uint64_t sx = len < 64 && (f >> (len - 1)) & 1 ? f | ~m : f;
        g_assert_cmphex(env->xregs[18], ==, sx);
        g_assert_cmphex(env->xregs[19], ==, (a & ~(m << pos)) | ((b & m) << pos));
        uint64_t f32 = ((uint32_t)a >> pos32) & m32;
        g_assert_cmphex(env->xregs[20], ==, f32);
        uint64_t sx32 = len32 < 32 && (f32 >> (len32 - 1)) & 1 ? (f32 | ~m32) : f32;
        g_assert_cmphex(env->xregs[21], ==, M32(sx32));
        g_assert_cmphex(env->xregs[22], ==, M32((a & ~(m32 << pos32)) | ((b & m32) << pos32)));
    }
    g_rand_free(r);
}

/* A loop with a backward branch: sum of 1..100. */
static void test_loop(void)
{
    setup();
    int top = ir_new_label(ir);
    ir_gen_movi(ir, IR_SLOT(xregs[0]), 0);
    ir_gen_movi(ir, IR_SLOT(xregs[1]), 100);
    ir_gen_set_label(ir, top);
    ir_gen_add(ir, IR_I64, IR_SLOT(xregs[0]), IR_SLOT(xregs[0]), IR_SLOT(xregs[1]));
    ir_gen_sub(ir, IR_I64, IR_SLOT(xregs[1]), IR_SLOT(xregs[1]), ir_const(ir, 1));
    ir_gen_brcond(ir, IR_I64, IR_COND_NE, IR_SLOT(xregs[1]), ir_const(ir, 0), top);
    run();
    g_assert_cmpuint(env->xregs[0], ==, 5050);
}

/* Guest memory: hits go straight to host memory, misses and forced-alignment misses take the
 * slow path. */
static void test_memory(void)
{
    setup();
    memset(guest_mem, 0, sizeof(guest_mem));
    env->xregs[1] = 0x10008;
    env->xregs[2] = 0x80818283848586f7ull;
    ir_gen_qemu_st(ir, IR_SLOT(xregs[2]), IR_SLOT(xregs[1]), MO_64, 0);
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[3]), IR_SLOT(xregs[1]), MO_8 | MO_SIGN, 0);
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[4]), IR_SLOT(xregs[1]), MO_16, 0);
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[5]), IR_SLOT(xregs[1]), MO_32 | MO_SIGN, 0);
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[6]), IR_SLOT(xregs[1]), MO_64, 0);
    slow_loads = slow_stores = 0;
    run();
    g_assert_cmphex(env->xregs[3], ==, 0xfffffffffffffff7ull);
    g_assert_cmphex(env->xregs[4], ==, 0x86f7);
    g_assert_cmphex(env->xregs[5], ==, 0xffffffff848586f7ull);
    g_assert_cmphex(env->xregs[6], ==, 0x80818283848586f7ull);
    g_assert_cmpint(slow_loads + slow_stores, ==, 0);
    g_assert_cmphex(guest_mem[8], ==, 0xf7);

    setup();
    env->xregs[1] = 0x10009;                                   /* misaligned */
    env->xregs[7] = 0x90000;                                   /* not in the TLB */
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[3]), IR_SLOT(xregs[1]), MO_32 | MO_ALIGN, 0);
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[4]), IR_SLOT(xregs[1]), MO_32, 0);
    ir_gen_qemu_st(ir, IR_SLOT(xregs[2]), IR_SLOT(xregs[7]), MO_64, 0);
    ir_gen_qemu_ld(ir, IR_SLOT(xregs[5]), IR_SLOT(xregs[1]), MO_8, 1);   /* other MMU index */
    slow_loads = slow_stores = 0;
    run();
    g_assert_cmphex(env->xregs[3], ==, 0xdead);                /* from the slow path */
    g_assert_cmphex(env->xregs[4], ==, 0x84858687ull >> 8 | 0x83000000ull);
    g_assert_cmpint(slow_loads, ==, 2);
    g_assert_cmpint(slow_stores, ==, 1);
}

static void test_helper_and_exits(void)
{
    TranslationBlock tb = { 0 };
    IrTemp in[4];

    setup();
    env->xregs[1] = 5;
    in[0] = IR_SLOT(xregs[1]);
    in[1] = ir_const(ir, 10);
    in[2] = ir_const(ir, 100);
    in[3] = ir_const(ir, 2);
    ir_gen_call(ir, 0, IR_SLOT(xregs[0]), 4, in);
    run();
    g_assert_cmpuint(env->xregs[0], ==, 2115);

    /* goto_tb with no chained target asks the run loop to chain that slot */
    setup();
    ir_gen_movi(ir, IR_SLOT(pc), 0x1234);
    ir_gen_goto_tb(ir, 1);
    g_assert_true(interp_gen_code(ir, &tb));
    uintptr_t ret = interp_exec(env, &tb);
    g_assert_true(ret == ((uintptr_t)&tb | 2));
    g_assert_cmphex(env->pc, ==, 0x1234);
    free(tb.code);
    free(tb.insn_starts);
}

static void test_verify_rejects(void)
{
    char err[128];

    setup();
    ir_gen_br(ir, 5);                                          /* undefined label */
    g_assert_false(ir_verify(ir, err, sizeof(err)));
    setup();
    ir_gen_add(ir, IR_I64, ir_const(ir, 1), IR_SLOT(xregs[0]), IR_SLOT(xregs[0]));
    g_assert_false(ir_verify(ir, err, sizeof(err)));           /* writes a constant */
    setup();
    ir_gen_call(ir, 7, IR_NO_TEMP, 0, NULL);                   /* unknown helper */
    g_assert_false(ir_verify(ir, err, sizeof(err)));
    setup();
    int l = ir_new_label(ir);
    ir_gen_set_label(ir, l);
    ir_gen_set_label(ir, l);                                   /* defined twice */
    g_assert_false(ir_verify(ir, err, sizeof(err)));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/ir/binops", test_binops);
    g_test_add_func("/ir/conditions", test_conditions);
    g_test_add_func("/ir/unary-and-fields", test_unary_and_fields);
    g_test_add_func("/ir/loop", test_loop);
    g_test_add_func("/ir/memory", test_memory);
    g_test_add_func("/ir/helper-and-exits", test_helper_and_exits);
    g_test_add_func("/ir/verify-rejects", test_verify_rejects);
    return g_test_run();
}
