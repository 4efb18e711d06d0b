/* SPDX-License-Identifier: GPL-2.0-or-later */
/* interp.c: the portable back end. Lowers IR to a compact bytecode whose operands index the guest
 * state's IR register file directly, and runs it. It is the reference the native back ends will
 * be tested against, so it favours plain, obviously-correct semantics. */
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "tcg/ir.h"
#include "cpu.h"

/* Bytecode opcodes. Ops that differ by width come as i32/i64 and, when they take a second input,
 * as register-register (RR) and register-immediate (RI) forms: op = base * 4 + is64 * 2 + ri. */
#define BIN_OPS(X) X(add) X(sub) X(mul) X(and) X(or) X(xor) X(andc) X(orc) X(eqv) \
                   X(shl) X(shr) X(sar) X(rotr) X(muluh) X(mulsh) X(setcond) X(brcond)
#define UN_OPS(X) X(mov) X(neg) X(not) X(ext8s) X(ext8u) X(ext16s) X(ext16u) X(ext32s) X(ext32u) \
                  X(bswap16) X(bswap32) X(bswap64) X(clz) X(cls) X(rbit) X(extract) X(sextract) \
                  X(deposit) X(movcond)

enum {
#define BASE(name) B_##name,
    BIN_OPS(BASE)
    UN_OPS(BASE)
#undef BASE
    B_COUNT
};

/* setcond, brcond and movcond come once per condition as well, so that the comparison is a
 * compile-time constant in each handler rather than a second switch at run time. */
#define NB_CONDS (IR_COND_NEVER + 1)

enum {
    BC_MOVI = B_COUNT * 4,
    BC_BR,
    BC_LD,
    BC_ST,
    BC_CALL,
    BC_GOTO_TB,
    BC_LOOKUP,
    BC_EXIT,
    BC_SETCOND0,
    BC_BRCOND0 = BC_SETCOND0 + NB_CONDS * 4,
    BC_MOVCOND0 = BC_BRCOND0 + NB_CONDS * 4,
    BC_SUBS0 = BC_MOVCOND0 + NB_CONDS * 2,   /* + is64 * 2 + ri: see match_subs() */
    BC_COUNT = BC_SUBS0 + 4,
};

#define BC(base, is64, ri) ((base) * 4 + (is64) * 2 + (ri))
#define BC_SETCOND(c, is64, ri) (BC_SETCOND0 + (c) * 4 + (is64) * 2 + (ri))
#define BC_BRCOND(c, is64, ri) (BC_BRCOND0 + (c) * 4 + (is64) * 2 + (ri))
#define BC_MOVCOND(c, is64) (BC_MOVCOND0 + (c) * 2 + (is64))

extern const int ir_nb_temp_slots;
const int ir_nb_temp_slots = IR_NUM_TEMPS - 8;   /* the last 8 are the lowering's scratch slots */
#define SCRATCH_SLOT(i) (IR_SLOT(tmp) + IR_NUM_TEMPS - 8 + (i))

static IrCond swap_cond(IrCond c)
{
    switch (c) {
    case IR_COND_LT: return IR_COND_GT;
    case IR_COND_GT: return IR_COND_LT;
    case IR_COND_LE: return IR_COND_GE;
    case IR_COND_GE: return IR_COND_LE;
    case IR_COND_LTU: return IR_COND_GTU;
    case IR_COND_GTU: return IR_COND_LTU;
    case IR_COND_LEU: return IR_COND_GEU;
    case IR_COND_GEU: return IR_COND_LEU;
    default: return c;
    }
}

static int ir_to_base(int opc)
{
    switch (opc) {
#define MAP(name) case IR_OP_##name: return B_##name;
    BIN_OPS(MAP)
    UN_OPS(MAP)
#undef MAP
    default:
        return -1;
    }
}

typedef struct Lowering {
    InterpInsn *code;
    uint32_t n, cap;
    int *label_pos;
    uint32_t *fixups;   /* bytecode indices whose imm is a label number */
    uint32_t nfix;
    int scratch;
    bool fail;
} Lowering;

static InterpInsn *lw_emit(Lowering *lw, int op)
{
    if (lw->n == lw->cap) {
        uint32_t cap = lw->cap ? lw->cap * 2 : 256;
        InterpInsn *c = realloc(lw->code, cap * sizeof(*c));
        if (!c) {
            lw->fail = true;
            lw->n = 0;
        } else {
            lw->code = c;
            lw->cap = cap;
        }
    }
    InterpInsn *i = &lw->code[lw->n++];
    memset(i, 0, sizeof(*i));
    i->op = op;
    return i;
}

/* A register operand: constants are first moved into a scratch slot. */
static uint16_t lw_reg(Lowering *lw, const IrContext *ir, IrTemp t)
{
    if (!ir_is_const(t)) {
        return (uint16_t)t;
    }
    uint16_t s = SCRATCH_SLOT(lw->scratch++ & 7);
    InterpInsn *i = lw_emit(lw, BC_MOVI);
    i->d = s;
    i->imm = ir_const_val(ir, t);
    return s;
}

static bool same_operand(const IrContext *ir, IrTemp x, IrTemp y)
{
    return x == y || (ir_is_const(x) && ir_is_const(y) && ir_const_val(ir, x) == ir_const_val(ir, y));
}

static bool op_is(const IrOp *op, int opc, int type)
{
    return op->opc == opc && op->type == type;
}

/* A subtraction with all four flags, as the A64 translator's gen_sub emits it (CMP/SUBS at the
 * end of a TB, where the flags are live), is the most frequent sequence in guest loops. It runs
 * as one bytecode that writes exactly what the IR ops would have written: the result T, the two
 * xor temps, and nf, zf, cf, vf, which must be consecutive slots (N, Z, C, V).
 *   64-bit: sub T,A,B; setcond.geu C,A,B; xor X,T,A; xor Y,A,B; and V,X,Y; mov N,T; mov Z,T
 *   32-bit: sub T,A,B; setcond.geu C,A,B; xor X,T,A; xor Y,A,B; and X,X,Y; ext32s V,X;
 *           ext32s N,T; mov_i64 Z,T
 * Returns the number of IR ops matched, 0 if none. */
static int match_subs(const IrContext *ir, int k, InterpInsn *f)
{
    const IrOp *o = &ir->ops[k];
    int ty = o->type, n = ty == IR_I64 ? 7 : 8;

    if (k + n > ir->nb_ops || o->opc != IR_OP_sub || ir_is_const(o->args[1])) {
        return 0;
    }
    IrTemp t = o->args[0], a = o->args[1], b = o->args[2], x, y, nf, zf, cf, vf;
    if (!op_is(&o[1], IR_OP_setcond, ty) || o[1].cond != IR_COND_GEU || o[1].args[1] != a ||
        !same_operand(ir, o[1].args[2], b) ||
        !op_is(&o[2], IR_OP_xor, ty) || o[2].args[1] != t || o[2].args[2] != a ||
        !op_is(&o[3], IR_OP_xor, ty) || o[3].args[1] != a || !same_operand(ir, o[3].args[2], b) ||
        !op_is(&o[4], IR_OP_and, ty)) {
        return 0;
    }
    cf = o[1].args[0];
    x = o[2].args[0];
    y = o[3].args[0];
    if (o[4].args[1] != x || o[4].args[2] != y) {
        return 0;
    }
    if (ty == IR_I64) {
        vf = o[4].args[0];
        if (!op_is(&o[5], IR_OP_mov, IR_I64) || !op_is(&o[6], IR_OP_mov, IR_I64) ||
            o[5].args[1] != t || o[6].args[1] != t) {
            return 0;
        }
        nf = o[5].args[0];
        zf = o[6].args[0];
    } else {
        if (o[4].args[0] != x || !op_is(&o[5], IR_OP_ext32s, IR_I64) || o[5].args[1] != x ||
            !op_is(&o[6], IR_OP_ext32s, IR_I64) || o[6].args[1] != t ||
            !op_is(&o[7], IR_OP_mov, IR_I64) || o[7].args[1] != t) {
            return 0;
        }
        vf = o[5].args[0];
        nf = o[6].args[0];
        zf = o[7].args[0];
    }
    /* The fused op reads A and B once, up front: nothing it writes may alias them or each other. */
    if (zf != nf + 1 || cf != nf + 2 || vf != nf + 3) {
        return 0;
    }
    IrTemp outs[4] = { t, x, y, nf };
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            IrTemp lo = outs[j], hi = outs[j] + (j == 3 ? 3 : 0);
            if ((i != j && outs[i] >= lo && outs[i] <= hi) ||
                (a >= lo && a <= hi) || (!ir_is_const(b) && b >= lo && b <= hi)) {
                return 0;
            }
        }
    }
    f->op = BC_SUBS0 + (ty == IR_I64) * 2 + ir_is_const(b);
    f->d = (uint16_t)t;
    f->a = (uint16_t)a;
    f->c = (uint16_t)x;
    f->e = (uint16_t)y;
    f->aux = nf;
    if (ir_is_const(b)) {
        f->imm = ir_const_val(ir, b);
    } else {
        f->b = (uint16_t)b;
    }
    return n;
}

/* Address arithmetic folded into loads and stores: for "add_i64 T, X, $c" (c a 32-bit value)
 * whose only reader is the address operand of a load or store, the memory bytecode takes base X
 * and displacement c, and the add is not emitted. Conditions, kept simple to be obviously safe:
 * between the add and the access nothing reads T, writes X, calls a helper or branches; after
 * the access T (a TB-local temp) is written again or the TB exits before any read; once a branch
 * follows the access, the scan covers the rest of the TB and only the absence of reads counts. Fills skip[] (ops not to emit) and disp[]
 * (for the folded accesses: the add's op index + 1). */
static void find_addr_folds(const IrContext *ir, uint8_t *skip, uint16_t *disp_from)
{
    int label_at[IR_MAX_LABELS];
    uint32_t temp_lo = ir->first_temp_slot, temp_hi = temp_lo + ir->max_temps_used;

    for (int l = 0; l < ir->nb_labels; l++) {
        label_at[l] = -1;
    }
    for (int k = 0; k < ir->nb_ops; k++) {
        if (ir->ops[k].opc == IR_OP_set_label) {
            label_at[ir->ops[k].imm] = k;
        }
    }
    for (int k = 0; k < ir->nb_ops; k++) {
        const IrOp *m = &ir->ops[k];
        if (m->opc != IR_OP_qemu_ld && m->opc != IR_OP_qemu_st) {
            continue;
        }
        IrTemp t = m->args[1];
        if (ir_is_const(t) || t < temp_lo || t >= temp_hi ||
            (m->opc == IR_OP_qemu_st && m->args[0] == t) ||
            (m->opc == IR_OP_qemu_ld && m->args[0] == t)) {
            continue;
        }
        int p = k - 1;
        for (; p >= 0; p--) {
            const IrOp *q = &ir->ops[p];
            if (q->opc == IR_OP_set_label || q->opc == IR_OP_br || q->opc == IR_OP_brcond ||
                q->opc == IR_OP_call || ir_op_writes(q, t) || ir_op_reads(q, t)) {
                break;
            }
        }
        if (p < 0 || skip[p] || !ir_op_writes(&ir->ops[p], t)) {
            continue;
        }
        const IrOp *add = &ir->ops[p];
        IrTemp x = add->args[1];
        if (!op_is(add, IR_OP_add, IR_I64) || ir_is_const(x) || x == t ||
            !ir_is_const(add->args[2]) ||
            (int64_t)ir_const_val(ir, add->args[2]) != (int32_t)ir_const_val(ir, add->args[2])) {
            continue;
        }
        bool ok = true;
        for (int q = p + 1; q < k && ok; q++) {
            ok = !ir_op_writes(&ir->ops[q], x);
        }
        bool branched = false;
        for (int q = k + 1; q < ir->nb_ops && ok; q++) {
            const IrOp *o = &ir->ops[q];
            if (ir_op_reads(o, t)) {
                ok = false;
            } else if (ir_op_writes(o, t) && !branched) {
                break;   /* past a branch, a write may be skipped: keep looking for reads */
            } else if (o->opc == IR_OP_br || o->opc == IR_OP_brcond) {
                ok = label_at[o->imm] > q;   /* a backward branch could read T again */
                branched = true;
            } else if (!branched && (o->opc == IR_OP_goto_tb || o->opc == IR_OP_exit_tb ||
                                     o->opc == IR_OP_lookup_and_goto)) {
                break;   /* temps are dead when the TB exits */
            }
        }
        if (ok) {
            skip[p] = 1;
            disp_from[k] = (uint16_t)(p + 1);
        }
    }
}

bool interp_gen_code(IrContext *ir, TranslationBlock *tb)
{
    Lowering lw = { 0 };
    int label_pos[IR_MAX_LABELS];
    uint32_t fixups[IR_MAX_OPS];
    uint16_t starts[1024];
    uint8_t skip[IR_MAX_OPS];
    uint16_t disp_from[IR_MAX_OPS];
    int nstarts = 0;

    lw.label_pos = label_pos;
    lw.fixups = fixups;
    for (int i = 0; i < ir->nb_labels; i++) {
        label_pos[i] = -1;
    }
    memset(skip, 0, (size_t)ir->nb_ops);
    memset(disp_from, 0, sizeof(disp_from[0]) * (size_t)ir->nb_ops);
    find_addr_folds(ir, skip, disp_from);
    for (int k = 0; k < ir->nb_ops; k++) {
        const IrOp *op = &ir->ops[k];
        int is64 = op->type == IR_I64;
        int base = ir_to_base(op->opc);
        InterpInsn *i;
        lw.scratch = 0;

        if (skip[k]) {
            continue;
        }

        switch (op->opc) {
        case IR_OP_insn_start:
            if (nstarts < 1024) {
                starts[nstarts++] = (uint16_t)lw.n;
            }
            break;
        case IR_OP_set_label:
            label_pos[op->imm] = (int)lw.n;
            break;
        case IR_OP_mb:
            break;
        case IR_OP_mov:
            if (ir_is_const(op->args[1])) {
                uint64_t v = ir_const_val(ir, op->args[1]);
                i = lw_emit(&lw, BC_MOVI);
                i->d = op->args[0];
                i->imm = is64 ? v : (uint32_t)v;
            } else {
                uint16_t a = (uint16_t)op->args[1];
                i = lw_emit(&lw, BC(base, is64, 0));
                i->d = op->args[0];
                i->a = a;
            }
            break;
        case IR_OP_sub: {
            InterpInsn f = { 0 };
            int n = match_subs(ir, k, &f);
            if (n) {
                i = lw_emit(&lw, f.op);
                if (!lw.fail) {
                    *i = f;
                }
                k += n - 1;
                break;
            }
        }
        /* fall through */
        case IR_OP_add: case IR_OP_mul: case IR_OP_and: case IR_OP_or:
        case IR_OP_xor: case IR_OP_andc: case IR_OP_orc: case IR_OP_eqv: case IR_OP_shl:
        case IR_OP_shr: case IR_OP_sar: case IR_OP_rotr: case IR_OP_muluh: case IR_OP_mulsh:
        case IR_OP_setcond: case IR_OP_brcond: {
            bool br = op->opc == IR_OP_brcond;
            IrTemp a = op->args[br ? 0 : 1], b = op->args[br ? 1 : 2];
            int cond = op->cond;
            if (ir_is_const(a) && !ir_is_const(b) &&
                (ir_op_is_commutative(op->opc) || op->opc == IR_OP_setcond || br)) {
                IrTemp t = a;
                a = b;
                b = t;
                cond = swap_cond(cond);
            }
            uint16_t ra = lw_reg(&lw, ir, a);
            int ri = ir_is_const(b);
            i = lw_emit(&lw, op->opc == IR_OP_setcond ? BC_SETCOND(cond, is64, ri) :
                             br ? BC_BRCOND(cond, is64, ri) : BC(base, is64, ri));
            if (ri) {
                i->imm = ir_const_val(ir, b);
            } else {
                i->b = (uint16_t)b;
            }
            i->a = ra;
            if (br) {
                i->c = (uint16_t)op->imm;   /* label, patched below */
                fixups[lw.nfix++] = lw.n - 1;
            } else {
                i->d = op->args[0];
            }
            break;
        }
        case IR_OP_neg: case IR_OP_not: case IR_OP_ext8s: case IR_OP_ext8u: case IR_OP_ext16s:
        case IR_OP_ext16u: case IR_OP_ext32s: case IR_OP_ext32u: case IR_OP_bswap16:
        case IR_OP_bswap32: case IR_OP_bswap64: case IR_OP_clz: case IR_OP_cls: case IR_OP_rbit:
        case IR_OP_extract: case IR_OP_sextract: {
            uint16_t a = lw_reg(&lw, ir, op->args[1]);
            i = lw_emit(&lw, BC(base, is64, 0));
            i->d = op->args[0];
            i->a = a;
            i->aux = (uint32_t)op->imm;
            break;
        }
        case IR_OP_deposit: {
            uint16_t a = lw_reg(&lw, ir, op->args[1]);
            uint16_t b = lw_reg(&lw, ir, op->args[2]);
            i = lw_emit(&lw, BC(base, is64, 0));
            i->d = op->args[0];
            i->a = a;
            i->b = b;
            i->aux = (uint32_t)op->imm;
            break;
        }
        case IR_OP_movcond: {
            uint16_t a = lw_reg(&lw, ir, op->args[1]);
            uint16_t b = lw_reg(&lw, ir, op->args[2]);
            uint16_t c = lw_reg(&lw, ir, op->args[3]);
            uint16_t e = lw_reg(&lw, ir, op->args[4]);
            i = lw_emit(&lw, BC_MOVCOND(op->cond, is64));
            i->d = op->args[0];
            i->a = a;
            i->b = b;
            i->c = c;
            i->e = e;
            break;
        }
        case IR_OP_br:
            i = lw_emit(&lw, BC_BR);
            i->c = (uint16_t)op->imm;
            fixups[lw.nfix++] = lw.n - 1;
            break;
        case IR_OP_qemu_ld: case IR_OP_qemu_st: {
            /* address = R[a] + (int32_t)aux */
            const IrOp *add = disp_from[k] ? &ir->ops[disp_from[k] - 1] : NULL;
            bool st = op->opc == IR_OP_qemu_st;
            uint16_t v = st ? lw_reg(&lw, ir, op->args[0]) : 0;
            uint16_t a = add ? (uint16_t)add->args[1] : lw_reg(&lw, ir, op->args[1]);
            i = lw_emit(&lw, st ? BC_ST : BC_LD);
            if (st) {
                i->b = v;
            } else {
                i->d = op->args[0];
            }
            i->a = a;
            i->aux = add ? (uint32_t)ir_const_val(ir, add->args[2]) : 0;
            i->imm = op->imm;
            break;
        }
        case IR_OP_call: {
            uint16_t in[4] = { 0 };
            for (int n = 0; n < op->cond; n++) {
                in[n] = lw_reg(&lw, ir, op->args[1 + n]);
            }
            i = lw_emit(&lw, BC_CALL);
            i->d = op->args[0] == IR_NO_TEMP ? SCRATCH_SLOT(7) : op->args[0];
            i->a = in[0];
            i->b = in[1];
            i->c = in[2];
            i->e = in[3];
            i->imm = op->imm;
            break;
        }
        case IR_OP_goto_tb: {
            /* The pc store that precedes every goto_tb is folded into it (one dispatch less
             * per TB); without one, the store goes to a scratch slot. */
            uint16_t d = SCRATCH_SLOT(7);
            uint64_t v = 0;
            if (k > 0 && lw.n > 0 && ir->ops[k - 1].opc == IR_OP_mov &&
                ir_is_const(ir->ops[k - 1].args[1]) && lw.code[lw.n - 1].op == BC_MOVI) {
                d = lw.code[lw.n - 1].d;
                v = lw.code[lw.n - 1].imm;
                lw.n--;
            }
            i = lw_emit(&lw, BC_GOTO_TB);
            i->aux = (uint32_t)op->imm;
            i->d = d;
            i->imm = v;
            break;
        }
        case IR_OP_lookup_and_goto:
            lw_emit(&lw, BC_LOOKUP);
            break;
        case IR_OP_exit_tb:
            lw_emit(&lw, BC_EXIT);
            break;
        default:
            lw.fail = true;
            break;
        }
        if (lw.fail) {
            break;
        }
    }
    /* A TB always ends in an exit; guard against a translator that forgot. */
    lw_emit(&lw, BC_EXIT);
    for (uint32_t f = 0; f < lw.nfix && !lw.fail; f++) {
        InterpInsn *i = &lw.code[fixups[f]];
        if (label_pos[i->c] < 0) {
            lw.fail = true;
        } else {
            i->c = (uint16_t)label_pos[i->c];
        }
    }
    if (lw.fail || lw.n > 65535) {
        free(lw.code);
        return false;
    }
    tb->code = lw.code;
    tb->ncode = lw.n;
    tb->insn_starts = malloc(sizeof(uint16_t) * (nstarts ? nstarts : 1));
    if (!tb->insn_starts) {
        free(lw.code);
        return false;
    }
    memcpy(tb->insn_starts, starts, sizeof(uint16_t) * nstarts);
    tb->icount = (uint16_t)nstarts;
    return true;
}

void cpu_restore_state(CPUARMState *env)
{
    TranslationBlock *tb = env->cur_tb;

    if (!tb || !env->cur_ip) {
        return;
    }
    uint32_t pos = (uint32_t)((const InterpInsn *)env->cur_ip - tb->code);
    int k = 0;
    while (k + 1 < tb->icount && tb->insn_starts[k + 1] <= pos) {
        k++;
    }
    env->pc = tb->pc + 4ull * k;
}

uint64_t cpu_tb_insns_done(CPUARMState *env)
{
    TranslationBlock *tb = env->cur_tb;

    if (!tb || !env->cur_ip) {
        return 0;
    }
    uint32_t pos = (uint32_t)((const InterpInsn *)env->cur_ip - tb->code);
    uint64_t k = 0;
    while (k + 1 < tb->icount && tb->insn_starts[k + 1] <= pos) {
        k++;
    }
    return k;
}

static inline uint64_t rbit64(uint64_t x)
{
    x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
    x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
    x = ((x >> 4) & 0x0f0f0f0f0f0f0f0full) | ((x & 0x0f0f0f0f0f0f0f0full) << 4);
    return __builtin_bswap64(x);
}

static inline uint64_t field_mask(unsigned len)
{
    return len >= 64 ? ~0ull : (1ull << len) - 1;
}

/* Loads and stores: the TLB fast path inline, everything else in cputlb.c. */
static inline uint64_t do_ld(CPUARMState *env, uint64_t addr, uint64_t imm, const InterpInsn *ip)
{
    unsigned memop = imm & 0xffff;
    int idx = (int)(imm >> 16);
    unsigned size = 1u << (memop & MO_SIZE);
    uint64_t amask = (memop & (MO_ALIGN | MO_EXCL)) ? size - 1 : 0;
    CPUTLBEntry *e = tlb_entry(env->tlb, idx, addr);

    if ((addr & (TARGET_PAGE_MASK | amask)) == e->addr_read &&
        (addr & ~TARGET_PAGE_MASK) + size <= TARGET_PAGE_SIZE) {
        const void *h = (const void *)(uintptr_t)(addr + e->addend);
        switch (memop & (MO_SIZE | MO_SIGN)) {
        case MO_8: return *(const uint8_t *)h;
        case MO_16: { uint16_t v; memcpy(&v, h, 2); return v; }
        case MO_32: { uint32_t v; memcpy(&v, h, 4); return v; }
        case MO_64: { uint64_t v; memcpy(&v, h, 8); return v; }
        case MO_8 | MO_SIGN: return (uint64_t)(int64_t)*(const int8_t *)h;
        case MO_16 | MO_SIGN: { int16_t v; memcpy(&v, h, 2); return (uint64_t)(int64_t)v; }
        case MO_32 | MO_SIGN: { int32_t v; memcpy(&v, h, 4); return (uint64_t)(int64_t)v; }
        default: { uint64_t v; memcpy(&v, h, 8); return v; }
        }
    }
    env->cur_ip = ip;
    return tlb_ld_slow(env, addr, memop, idx);
}

static inline void do_st(CPUARMState *env, uint64_t addr, uint64_t val, uint64_t imm,
                         const InterpInsn *ip)
{
    unsigned memop = imm & 0xffff;
    int idx = (int)(imm >> 16);
    unsigned size = 1u << (memop & MO_SIZE);
    uint64_t amask = (memop & (MO_ALIGN | MO_EXCL)) ? size - 1 : 0;
    CPUTLBEntry *e = tlb_entry(env->tlb, idx, addr);

    if ((addr & (TARGET_PAGE_MASK | amask)) == e->addr_write &&
        (addr & ~TARGET_PAGE_MASK) + size <= TARGET_PAGE_SIZE) {
        memcpy((void *)(uintptr_t)(addr + e->addend), &val, size);
        return;
    }
    env->cur_ip = ip;
    tlb_st_slow(env, addr, val, memop, idx);
}

#define CHAIN_BUDGET 2048

/* The handlers of the width/operand-form variants of each operation, generated from one
 * expression per operation. The i32 forms read 64-bit slots and zero-extend their result. */
#define BIN_EXPRS(X) \
    X(add, a + b, a + b) \
    X(sub, a - b, a - b) \
    X(mul, a * b, a * b) \
    X(and, a & b, a & b) \
    X(or, a | b, a | b) \
    X(xor, a ^ b, a ^ b) \
    X(andc, a & ~b, a & ~b) \
    X(orc, a | ~b, a | ~b) \
    X(eqv, a ^ ~b, a ^ ~b) \
    X(shl, (uint32_t)a << (b & 31), a << (b & 63)) \
    X(shr, (uint32_t)a >> (b & 31), a >> (b & 63)) \
    X(sar, (int32_t)a >> (b & 31), (uint64_t)((int64_t)a >> (b & 63))) \
    X(rotr, ((uint32_t)a >> (b & 31)) | ((uint32_t)a << ((32 - (b & 31)) & 31)), \
      (a >> (b & 63)) | (a << ((64 - (b & 63)) & 63))) \
    X(muluh, ((uint64_t)(uint32_t)a * (uint32_t)b) >> 32, \
      (uint64_t)(((unsigned __int128)a * b) >> 64)) \
    X(mulsh, ((int64_t)(int32_t)a * (int32_t)b) >> 32, \
      (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64))

#define UN_EXPRS(X) \
    X(mov, a, a) \
    X(neg, -a, -a) \
    X(not, ~a, ~a) \
    X(ext8s, (int8_t)a, (uint64_t)(int64_t)(int8_t)a) \
    X(ext8u, (uint8_t)a, (uint8_t)a) \
    X(ext16s, (int16_t)a, (uint64_t)(int64_t)(int16_t)a) \
    X(ext16u, (uint16_t)a, (uint16_t)a) \
    X(ext32s, (int32_t)a, (uint64_t)(int64_t)(int32_t)a) \
    X(ext32u, (uint32_t)a, (uint32_t)a) \
    X(bswap16, ((a & 0x00ff00ffu) << 8) | ((a >> 8) & 0x00ff00ffu), \
      ((a & 0x00ff00ff00ff00ffull) << 8) | ((a >> 8) & 0x00ff00ff00ff00ffull)) \
    X(bswap32, __builtin_bswap32((uint32_t)a), \
      ((uint64_t)__builtin_bswap32((uint32_t)(a >> 32)) << 32) | __builtin_bswap32((uint32_t)a)) \
    X(bswap64, __builtin_bswap32((uint32_t)a), __builtin_bswap64(a)) \
    X(clz, (uint32_t)a ? __builtin_clz((uint32_t)a) : 32, a ? __builtin_clzll(a) : 64) \
    X(cls, ((uint32_t)(a ^ ((int32_t)a >> 1)) & 0x7fffffffu) \
               ? __builtin_clz((uint32_t)(a ^ ((int32_t)a >> 1)) & 0x7fffffffu) - 1 : 31, \
      ((a ^ (uint64_t)((int64_t)a >> 1)) & 0x7fffffffffffffffull) \
               ? __builtin_clzll((a ^ (uint64_t)((int64_t)a >> 1)) & 0x7fffffffffffffffull) - 1 \
               : 63) \
    X(rbit, rbit64(a) >> 32, rbit64(a)) \
    X(extract, ((uint32_t)a >> (i->aux & 0xff)) & field_mask(i->aux >> 8), \
      (a >> (i->aux & 0xff)) & field_mask(i->aux >> 8)) \
    X(sextract, \
      (uint64_t)((int64_t)(a << (64 - (i->aux & 0xff) - (i->aux >> 8))) >> (64 - (i->aux >> 8))), \
      (uint64_t)((int64_t)(a << (64 - (i->aux & 0xff) - (i->aux >> 8))) >> (64 - (i->aux >> 8))))

#define CONDS(X) X(EQ) X(NE) X(LT) X(GE) X(LE) X(GT) X(LTU) X(GEU) X(LEU) X(GTU) X(TSTEQ) \
                 X(TSTNE) X(ALWAYS) X(NEVER)

/* Threaded dispatch (GNU C labels as values): each handler ends with its own indirect jump to
 * the next one, which the host predicts far better than the single jump of a switch. */
#define NEXT goto *dispatch[(i = ip++)->op]

uintptr_t interp_exec(CPUARMState *env, TranslationBlock *tb)
{
    static const void *const dispatch[BC_COUNT] = {
#define T_BIN(name, e32, e64) \
        [BC(B_##name, 0, 0)] = &&name##_32rr, [BC(B_##name, 0, 1)] = &&name##_32ri, \
        [BC(B_##name, 1, 0)] = &&name##_64rr, [BC(B_##name, 1, 1)] = &&name##_64ri,
#define T_UN(name, e32, e64) [BC(B_##name, 0, 0)] = &&name##_32, [BC(B_##name, 1, 0)] = &&name##_64,
#define T_COND(cc) \
        [BC_SETCOND(IR_COND_##cc, 0, 0)] = &&setcond_##cc##_32rr, \
        [BC_SETCOND(IR_COND_##cc, 0, 1)] = &&setcond_##cc##_32ri, \
        [BC_SETCOND(IR_COND_##cc, 1, 0)] = &&setcond_##cc##_64rr, \
        [BC_SETCOND(IR_COND_##cc, 1, 1)] = &&setcond_##cc##_64ri, \
        [BC_BRCOND(IR_COND_##cc, 0, 0)] = &&brcond_##cc##_32rr, \
        [BC_BRCOND(IR_COND_##cc, 0, 1)] = &&brcond_##cc##_32ri, \
        [BC_BRCOND(IR_COND_##cc, 1, 0)] = &&brcond_##cc##_64rr, \
        [BC_BRCOND(IR_COND_##cc, 1, 1)] = &&brcond_##cc##_64ri, \
        [BC_MOVCOND(IR_COND_##cc, 0)] = &&movcond_##cc##_32, \
        [BC_MOVCOND(IR_COND_##cc, 1)] = &&movcond_##cc##_64,
        BIN_EXPRS(T_BIN)
        UN_EXPRS(T_UN)
        CONDS(T_COND)
        [BC(B_deposit, 0, 0)] = &&deposit_32, [BC(B_deposit, 1, 0)] = &&deposit_64,
        [BC_MOVI] = &&movi, [BC_BR] = &&br, [BC_LD] = &&ld, [BC_ST] = &&st, [BC_CALL] = &&call,
        [BC_GOTO_TB] = &&goto_tb, [BC_LOOKUP] = &&lookup, [BC_EXIT] = &&exit,
        [BC_SUBS0] = &&subs_32rr, [BC_SUBS0 + 1] = &&subs_32ri, [BC_SUBS0 + 2] = &&subs_64rr,
        [BC_SUBS0 + 3] = &&subs_64ri,
#undef T_BIN
#undef T_UN
#undef T_COND
    };
    uint64_t *R = (uint64_t *)env;
    const InterpInsn *ip = tb->code;
    const InterpInsn *i;
    int budget = CHAIN_BUDGET;

    /* A PMU counter counting instructions overflows within the next chain (target/arm/pmu.c):
     * stop after as many TBs (of at most 512 instructions) as fit before it, so that the run
     * loop raises PMUIRQ at most one TB late. Checked once per chain, not per TB. */
    if (env->pmu.counting && env->pmu.deadline - env->insn_count < (uint64_t)CHAIN_BUDGET * 512) {
        budget = (int)((env->pmu.deadline - env->insn_count) / 512) + 1;
    }
    env->cur_tb = tb;
    NEXT;

#define H_BIN(name, expr32, expr64) \
    name##_32rr: { uint64_t a = R[i->a], b = R[i->b]; R[i->d] = (uint32_t)(expr32); NEXT; } \
    name##_32ri: { uint64_t a = R[i->a], b = i->imm; R[i->d] = (uint32_t)(expr32); NEXT; } \
    name##_64rr: { uint64_t a = R[i->a], b = R[i->b]; R[i->d] = (expr64); NEXT; } \
    name##_64ri: { uint64_t a = R[i->a], b = i->imm; R[i->d] = (expr64); NEXT; }
    BIN_EXPRS(H_BIN)
#undef H_BIN

#define H_UN(name, expr32, expr64) \
    name##_32: { uint64_t a = R[i->a]; R[i->d] = (uint32_t)(expr32); NEXT; } \
    name##_64: { uint64_t a = R[i->a]; R[i->d] = (expr64); NEXT; }
    UN_EXPRS(H_UN)
#undef H_UN

#define H_COND(cc) \
    setcond_##cc##_32rr: R[i->d] = ir_eval_cond(IR_COND_##cc, R[i->a], R[i->b], 0); NEXT; \
    setcond_##cc##_32ri: R[i->d] = ir_eval_cond(IR_COND_##cc, R[i->a], i->imm, 0); NEXT; \
    setcond_##cc##_64rr: R[i->d] = ir_eval_cond(IR_COND_##cc, R[i->a], R[i->b], 1); NEXT; \
    setcond_##cc##_64ri: R[i->d] = ir_eval_cond(IR_COND_##cc, R[i->a], i->imm, 1); NEXT; \
    brcond_##cc##_32rr: \
        if (ir_eval_cond(IR_COND_##cc, R[i->a], R[i->b], 0)) { ip = tb->code + i->c; } NEXT; \
    brcond_##cc##_32ri: \
        if (ir_eval_cond(IR_COND_##cc, R[i->a], i->imm, 0)) { ip = tb->code + i->c; } NEXT; \
    brcond_##cc##_64rr: \
        if (ir_eval_cond(IR_COND_##cc, R[i->a], R[i->b], 1)) { ip = tb->code + i->c; } NEXT; \
    brcond_##cc##_64ri: \
        if (ir_eval_cond(IR_COND_##cc, R[i->a], i->imm, 1)) { ip = tb->code + i->c; } NEXT; \
    movcond_##cc##_32: \
        R[i->d] = (uint32_t)(ir_eval_cond(IR_COND_##cc, R[i->a], R[i->b], 0) ? R[i->c] : R[i->e]); \
        NEXT; \
    movcond_##cc##_64: \
        R[i->d] = ir_eval_cond(IR_COND_##cc, R[i->a], R[i->b], 1) ? R[i->c] : R[i->e]; \
        NEXT;
    CONDS(H_COND)
#undef H_COND

    /* match_subs(): R[aux..aux+3] are nf, zf, cf, vf */
#define H_SUBS(name, is64, bval) \
    name: { \
        uint64_t a = R[i->a], b = (bval), r = a - b, x, y; \
        if (is64) { \
            x = r ^ a; \
            y = a ^ b; \
            R[i->aux + 3] = x & y; \
            R[i->aux] = r; \
            R[i->aux + 2] = a >= b; \
        } else { \
            r = (uint32_t)r; \
            x = (uint32_t)((r ^ a) & (a ^ b)); \
            y = (uint32_t)(a ^ b); \
            R[i->aux + 3] = (uint64_t)(int64_t)(int32_t)x; \
            R[i->aux] = (uint64_t)(int64_t)(int32_t)r; \
            R[i->aux + 2] = (uint32_t)a >= (uint32_t)b; \
        } \
        R[i->aux + 1] = r; \
        R[i->d] = r; \
        R[i->c] = x; \
        R[i->e] = y; \
        NEXT; \
    }
    H_SUBS(subs_32rr, 0, R[i->b])
    H_SUBS(subs_32ri, 0, i->imm)
    H_SUBS(subs_64rr, 1, R[i->b])
    H_SUBS(subs_64ri, 1, i->imm)
#undef H_SUBS

deposit_32:
deposit_64: {
        unsigned pos = i->aux & 0xff, len = i->aux >> 8;
        uint64_t m = field_mask(len) << pos;
        uint64_t v = (R[i->a] & ~m) | ((R[i->b] << pos) & m);
        R[i->d] = (i->op >> 1) & 1 ? v : (uint32_t)v;
        NEXT;
    }
movi:
    R[i->d] = i->imm;
    NEXT;
br:
    ip = tb->code + i->c;
    NEXT;
ld:
    R[i->d] = do_ld(env, R[i->a] + (int64_t)(int32_t)i->aux, i->imm, i);
    NEXT;
st:
    do_st(env, R[i->a] + (int64_t)(int32_t)i->aux, R[i->b], i->imm, i);
    NEXT;
call:
    env->cur_ip = i;
    R[i->d] = ir_helpers[i->imm].fn(env, R[i->a], R[i->b], R[i->c], R[i->e]);
    NEXT;
goto_tb: {
        TranslationBlock *next = tb->jmp_dest[i->aux];
        R[i->d] = i->imm;
        env->insn_count += tb->icount;
        if (next && !next->invalid && !env->exit_request && --budget > 0) {
            tb = next;
            env->cur_tb = tb;
            ip = tb->code;
            NEXT;
        }
        env->cur_ip = NULL;
        return (next && !next->invalid) ? 0 : (uintptr_t)tb | (i->aux + 1);
    }
lookup: {
        env->insn_count += tb->icount;
        TranslationBlock *next = env->exit_request || --budget <= 0 ? NULL : tb_lookup_fast(env);
        if (next) {
            tb = next;
            env->cur_tb = tb;
            ip = tb->code;
            NEXT;
        }
        env->cur_ip = NULL;
        return 0;
    }
exit:
    env->insn_count += tb->icount;
    env->cur_ip = NULL;
    return 0;
}
