/* SPDX-License-Identifier: GPL-2.0-or-later */
/* optimize.c: a small IR optimizer run on each TB before the back end.
 *
 * The translator emits straightforward IR: every flag-setting instruction writes all four flag
 * slots, operands pass through TB-local temps, conditions are materialised as 0/1 values before
 * a branch tests them. Two cheap passes remove most of that:
 *
 * 1. Forward, within a basic block: copy and constant propagation, constant folding, a few
 *    algebraic identities, and folding a setcond into the xor/brcond/movcond that tests it.
 * 2. Backward: liveness. Pure ops whose result is never read are deleted (this is where the dead
 *    flag computations go), and "op T, ...; mov_i64 D, T" with T dead afterwards becomes
 *    "op D, ...".
 *
 * Liveness rules. Temps (slots handed out by ir_new_temp) are dead when the TB exits. Guest state
 * (every other slot: X registers, flags, pc, vector registers, ...) is live at an exit, and also at
 * every load, store and helper call, because those can raise a guest exception that must see the
 * architectural state of the instruction boundary, and helpers may read any of it. So a flag
 * write is only removed when it is overwritten before any such op. Loads, stores and calls are
 * never removed. */
#include <string.h>
#include "tcg/ir.h"

#define OPT_MAX_SLOTS 1024
#define OPT_WORDS (OPT_MAX_SLOTS / 64)

typedef uint64_t SlotSet[OPT_WORDS];

enum { INFO_NONE, INFO_COPY, INFO_SETCOND };

/* What is known about a slot's current value in the forward pass. */
typedef struct SlotInfo {
    uint8_t kind;
    uint8_t cond;     /* INFO_SETCOND */
    uint8_t type;     /* INFO_SETCOND */
    IrTemp a, b;      /* INFO_COPY: the value is a (slot or constant); INFO_SETCOND: operands */
} SlotInfo;

typedef struct OptState {
    IrContext *ir;
    uint32_t temp_lo, temp_hi;          /* TB-local temps are [temp_lo, temp_hi) */
    SlotInfo info[OPT_MAX_SLOTS];
    uint16_t active[OPT_MAX_SLOTS];     /* slots whose info may be valid */
    int nactive;
    SlotSet globals;
    SlotSet label_live[IR_MAX_LABELS];
    uint8_t label_seen[IR_MAX_LABELS];
    uint8_t dead[IR_MAX_OPS];
} OptState;

static OptState opt_state;

static bool is_temp(const OptState *s, IrTemp t)
{
    return !ir_is_const(t) && t >= s->temp_lo && t < s->temp_hi;
}

static uint64_t mask_type(int type, uint64_t v)
{
    return type == IR_I64 ? v : (uint32_t)v;
}

/* ---- forward pass ---- */

static void info_reset(OptState *s)
{
    for (int i = 0; i < s->nactive; i++) {
        s->info[s->active[i]].kind = INFO_NONE;
    }
    s->nactive = 0;
}

/* Slot t is about to be written: forget what we knew about it and anything derived from it. */
static void info_kill(OptState *s, IrTemp t)
{
    int n = 0;

    for (int i = 0; i < s->nactive; i++) {
        uint16_t k = s->active[i];
        SlotInfo *in = &s->info[k];
        if (k == t || in->a == t || (in->kind == INFO_SETCOND && in->b == t)) {
            in->kind = INFO_NONE;
        }
        if (in->kind != INFO_NONE) {
            s->active[n++] = k;
        }
    }
    s->nactive = n;
}

static void info_set(OptState *s, IrTemp t, SlotInfo in)
{
    if (s->info[t].kind == INFO_NONE) {
        s->active[s->nactive++] = (uint16_t)t;
    }
    s->info[t] = in;
}

/* The value to use in place of slot t (itself if nothing better is known). */
static IrTemp subst(const OptState *s, IrTemp t, bool allow_const)
{
    if (ir_is_const(t) || t == IR_NO_TEMP || s->info[t].kind != INFO_COPY) {
        return t;
    }
    IrTemp v = s->info[t].a;
    return ir_is_const(v) && !allow_const ? t : v;
}

static bool is_const_val(const IrContext *ir, IrTemp t, uint64_t v)
{
    return ir_is_const(t) && ir_const_val(ir, t) == v;
}

/* Constant-fold a pure op with constant inputs. Only the common ops: the rest stay as they are. */
static bool fold(const IrOp *op, uint64_t a, uint64_t b, uint64_t *res)
{
    bool w = op->type == IR_I64;
    unsigned sh = (unsigned)b & (w ? 63 : 31);
    uint64_t r;

    switch (op->opc) {
    case IR_OP_mov: r = a; break;
    case IR_OP_add: r = a + b; break;
    case IR_OP_sub: r = a - b; break;
    case IR_OP_mul: r = a * b; break;
    case IR_OP_and: r = a & b; break;
    case IR_OP_or: r = a | b; break;
    case IR_OP_xor: r = a ^ b; break;
    case IR_OP_andc: r = a & ~b; break;
    case IR_OP_orc: r = a | ~b; break;
    case IR_OP_eqv: r = a ^ ~b; break;
    case IR_OP_shl: r = (w ? a : (uint32_t)a) << sh; break;
    case IR_OP_shr: r = (w ? a : (uint32_t)a) >> sh; break;
    case IR_OP_sar: r = w ? (uint64_t)((int64_t)a >> sh) : (uint64_t)((int32_t)a >> sh); break;
    case IR_OP_neg: r = -a; break;
    case IR_OP_not: r = ~a; break;
    case IR_OP_ext8s: r = (uint64_t)(int64_t)(int8_t)a; break;
    case IR_OP_ext8u: r = (uint8_t)a; break;
    case IR_OP_ext16s: r = (uint64_t)(int64_t)(int16_t)a; break;
    case IR_OP_ext16u: r = (uint16_t)a; break;
    case IR_OP_ext32s: r = (uint64_t)(int64_t)(int32_t)a; break;
    case IR_OP_ext32u: r = (uint32_t)a; break;
    case IR_OP_setcond: r = ir_eval_cond(op->cond, a, b, op->type == IR_I64); break;
    default: return false;
    }
    *res = mask_type(op->type, r);
    return true;
}

static void make_mov(IrOp *op, IrType type, IrTemp d, IrTemp src)
{
    op->opc = IR_OP_mov;
    op->type = type;
    op->cond = 0;
    op->imm = 0;
    op->args[0] = d;
    op->args[1] = src;
    op->args[2] = op->args[3] = op->args[4] = IR_NO_TEMP;
}

/* x op identity -> mov (i64 only: an i32 op also zero-extends, which a copy would not). */
static bool is_identity(const IrContext *ir, const IrOp *op)
{
    IrTemp b = op->args[2];

    switch (op->opc) {
    case IR_OP_add: case IR_OP_sub: case IR_OP_or: case IR_OP_xor:
    case IR_OP_shl: case IR_OP_shr: case IR_OP_sar: case IR_OP_rotr:
        return is_const_val(ir, b, 0);
    case IR_OP_and:
        return is_const_val(ir, b, ~0ull);
    default:
        return false;
    }
}

static void forward_pass(OptState *s)
{
    IrContext *ir = s->ir;

    info_reset(s);
    for (int k = 0; k < ir->nb_ops; k++) {
        IrOp *op = &ir->ops[k];
        int nout = ir_op_nout(op->opc), nin = ir_op_nin(op->opc);

        switch (op->opc) {
        case IR_OP_set_label:
            info_reset(s);   /* a join point: facts from one predecessor do not hold */
            continue;
        case IR_OP_insn_start: case IR_OP_mb: case IR_OP_br: case IR_OP_goto_tb:
        case IR_OP_lookup_and_goto: case IR_OP_exit_tb:
            continue;
        case IR_OP_call:
            for (int i = 1; i <= op->cond; i++) {
                op->args[i] = subst(s, op->args[i], false);
            }
            /* A helper may write any guest state. */
            info_reset(s);
            continue;
        case IR_OP_qemu_ld: case IR_OP_qemu_st:
            op->args[1] = subst(s, op->args[1], false);
            if (op->opc == IR_OP_qemu_st) {
                op->args[0] = subst(s, op->args[0], false);
            } else {
                info_kill(s, op->args[0]);
            }
            continue;
        case IR_OP_brcond: {
            IrTemp a = subst(s, op->args[0], true), b = subst(s, op->args[1], true);
            SlotInfo *in = ir_is_const(a) ? NULL : &s->info[a];
            if (ir_is_const(a) && ir_is_const(b)) {
                if (ir_eval_cond(op->cond, ir_const_val(ir, a), ir_const_val(ir, b),
                                 op->type == IR_I64)) {
                    op->opc = IR_OP_br;
                    op->args[0] = op->args[1] = IR_NO_TEMP;
                } else {
                    s->dead[k] = 1;
                }
                continue;
            }
            if (in && in->kind == INFO_SETCOND && is_const_val(ir, b, 0) &&
                (op->cond == IR_COND_EQ || op->cond == IR_COND_NE)) {
                /* branch on a 0/1 setcond result: test the setcond's operands directly */
                op->type = in->type;
                op->cond = op->cond == IR_COND_NE ? in->cond : in->cond ^ 1;
                a = in->a;
                b = in->b;
            }
            if (ir_is_const(a) && !ir_is_const(b)) {
                /* the back end wants the constant second */
                static const uint8_t swapped[] = {
                    [IR_COND_EQ] = IR_COND_EQ, [IR_COND_NE] = IR_COND_NE,
                    [IR_COND_LT] = IR_COND_GT, [IR_COND_GE] = IR_COND_LE,
                    [IR_COND_LE] = IR_COND_GE, [IR_COND_GT] = IR_COND_LT,
                    [IR_COND_LTU] = IR_COND_GTU, [IR_COND_GEU] = IR_COND_LEU,
                    [IR_COND_LEU] = IR_COND_GEU, [IR_COND_GTU] = IR_COND_LTU,
                    [IR_COND_TSTEQ] = IR_COND_TSTEQ, [IR_COND_TSTNE] = IR_COND_TSTNE,
                    [IR_COND_ALWAYS] = IR_COND_ALWAYS, [IR_COND_NEVER] = IR_COND_NEVER,
                };
                IrTemp t = a;
                a = b;
                b = t;
                op->cond = swapped[op->cond];
            }
            op->args[0] = a;
            op->args[1] = b;
            continue;
        }
        default:
            break;
        }
        if (nout != 1 || nin < 1) {
            continue;   /* not expected; leave alone */
        }

        /* Substitute inputs. Constants go only where the back end takes an immediate (second
         * operand of a binary op, either side when commutative) or where the op then folds. */
        IrTemp in[4], orig_src = op->args[1];
        bool all_const = true;
        for (int i = 0; i < nin; i++) {
            in[i] = subst(s, op->args[1 + i], true);
            all_const &= ir_is_const(in[i]);
        }
        uint64_t v;
        if (all_const && ir->nb_consts < IR_MAX_CONSTS - 1 &&
            fold(op, ir_const_val(ir, in[0]), nin > 1 ? ir_const_val(ir, in[1]) : 0, &v)) {
            IrTemp d = op->args[0];
            make_mov(op, IR_I64, d, ir_const(ir, v));
            info_kill(s, d);
            info_set(s, d, (SlotInfo){ .kind = INFO_COPY, .a = op->args[1] });
            continue;
        }
        bool binary = nin == 2 && op->opc != IR_OP_deposit;
        for (int i = 0; i < nin; i++) {
            bool ok = !ir_is_const(in[i]) || op->opc == IR_OP_mov ||
                      (binary && (i == 1 || ir_op_is_commutative(op->opc) ||
                                  op->opc == IR_OP_setcond));
            op->args[1 + i] = ok ? in[i] : subst(s, op->args[1 + i], false);
        }
        if (op->opc == IR_OP_mov && !is_temp(s, op->args[0]) && is_temp(s, orig_src) &&
            !ir_is_const(in[0]) && !is_temp(s, in[0])) {
            /* A temp copied to several guest slots (nf, zf, ...): each copy reads the temp, not
             * the first guest slot, so that a dead copy can go and a live one can take over the
             * temp's definition in the backward pass. */
            op->args[1] = orig_src;
        }
        if (binary && ir_is_const(op->args[1]) && !ir_is_const(op->args[2]) &&
            ir_op_is_commutative(op->opc)) {
            IrTemp t = op->args[1];
            op->args[1] = op->args[2];
            op->args[2] = t;
        }

        IrTemp d = op->args[0];
        if (op->type == IR_I64 && binary && is_identity(ir, op)) {
            make_mov(op, IR_I64, d, op->args[1]);
        } else if (binary && (op->opc == IR_OP_and || op->opc == IR_OP_mul) &&
                   is_const_val(ir, op->args[2], 0)) {
            make_mov(op, IR_I64, d, op->args[2]);
        } else if (op->opc == IR_OP_xor && is_const_val(ir, op->args[2], 1) &&
                   !ir_is_const(op->args[1]) && s->info[op->args[1]].kind == INFO_SETCOND) {
            /* !setcond(c) is setcond(!c): IR conditions pair as (c, c ^ 1) */
            SlotInfo si = s->info[op->args[1]];
            op->opc = IR_OP_setcond;
            op->type = si.type;
            op->cond = si.cond ^ 1;
            op->args[1] = si.a;
            op->args[2] = si.b;
        } else if (op->opc == IR_OP_movcond && is_const_val(ir, op->args[2], 0) &&
                   !ir_is_const(op->args[1]) && s->info[op->args[1]].kind == INFO_SETCOND &&
                   s->info[op->args[1]].type == op->type &&
                   (op->cond == IR_COND_EQ || op->cond == IR_COND_NE)) {
            SlotInfo si = s->info[op->args[1]];
            op->cond = op->cond == IR_COND_NE ? si.cond : si.cond ^ 1;
            op->args[1] = subst(s, si.a, false);
            op->args[2] = subst(s, si.b, false);
        }

        info_kill(s, d);
        if (op->opc == IR_OP_mov && op->type == IR_I64) {
            IrTemp src = op->args[1];
            if (src == d) {
                s->dead[k] = 1;
            } else if (is_temp(s, src) && !is_temp(s, d)) {
                /* guest state copied from a temp: later readers of the temp read the guest
                 * slot, so the temp can die here and the backward pass can merge the two */
                info_set(s, src, (SlotInfo){ .kind = INFO_COPY, .a = d });
            } else {
                info_set(s, d, (SlotInfo){ .kind = INFO_COPY, .a = src });
            }
        } else if (op->opc == IR_OP_mov && ir_is_const(op->args[1])) {
            uint64_t c = (uint32_t)ir_const_val(ir, op->args[1]);
            if (ir->nb_consts < IR_MAX_CONSTS - 1) {
                make_mov(op, IR_I64, d, ir_const(ir, c));
                info_set(s, d, (SlotInfo){ .kind = INFO_COPY, .a = op->args[1] });
            }
        } else if (op->opc == IR_OP_setcond && op->args[1] != d && op->args[2] != d) {
            info_set(s, d, (SlotInfo){ .kind = INFO_SETCOND, .cond = op->cond, .type = op->type,
                                       .a = op->args[1], .b = op->args[2] });
        }
    }
}

/* ---- sinking ---- */

static bool op_is_pure(int opc);

/* "op T, ins...; <loads/stores/...>; mov_i64 D, T": move op down to just before the mov, so that
 * the backward pass can merge the two. This is the shape of a post-indexed load or store, whose
 * base register is written after the access (which may fault). Moving a pure op that only writes
 * a temp past ops that do not touch T or write its inputs changes nothing observable: if one of
 * them faults, T is dead anyway. Only within straight-line code, over a short window. */
static void sink_pass(OptState *s)
{
    IrContext *ir = s->ir;

    for (int m = 1; m < ir->nb_ops; m++) {
        IrOp *mv = &ir->ops[m];
        if (mv->opc != IR_OP_mov || mv->type != IR_I64 || !is_temp(s, mv->args[1]) ||
            ir->ops[m - 1].args[0] == mv->args[1]) {
            continue;
        }
        IrTemp t = mv->args[1];
        int p = m - 1;
        for (; p >= 0 && p >= m - 8; p--) {
            const IrOp *q = &ir->ops[p];
            if (ir_op_writes(q, t) || ir_op_reads(q, t) || q->opc == IR_OP_set_label ||
                q->opc == IR_OP_br || q->opc == IR_OP_brcond || q->opc == IR_OP_call) {
                break;
            }
        }
        if (p < 0 || p < m - 8 || !ir_op_writes(&ir->ops[p], t) ||
            !op_is_pure(ir->ops[p].opc) || ir->ops[p].opc == IR_OP_insn_start) {
            continue;
        }
        IrOp def = ir->ops[p];
        int nin = ir_op_nin(def.opc);
        bool ok = !ir_op_reads(&def, t);
        for (int q = p + 1; q < m && ok; q++) {
            for (int a = 0; a < nin; a++) {
                ok &= !ir_op_writes(&ir->ops[q], def.args[1 + a]);
            }
        }
        if (ok) {
            memmove(&ir->ops[p], &ir->ops[p + 1], sizeof(IrOp) * (size_t)(m - 1 - p));
            ir->ops[m - 1] = def;
        }
    }
}

/* ---- backward pass ---- */

static void set_add(SlotSet set, IrTemp t)
{
    if (!ir_is_const(t) && t != IR_NO_TEMP) {
        set[t / 64] |= 1ull << (t % 64);
    }
}

static void set_del(SlotSet set, IrTemp t)
{
    set[t / 64] &= ~(1ull << (t % 64));
}

static bool set_has(const SlotSet set, IrTemp t)
{
    return (set[t / 64] >> (t % 64)) & 1;
}

static void set_or(SlotSet d, const SlotSet a)
{
    for (int i = 0; i < OPT_WORDS; i++) {
        d[i] |= a[i];
    }
}

/* Ops that may be deleted when their result is unused. */
static bool op_is_pure(int opc)
{
    switch (opc) {
    case IR_OP_qemu_ld: case IR_OP_qemu_st: case IR_OP_call: case IR_OP_brcond: case IR_OP_br:
    case IR_OP_set_label: case IR_OP_goto_tb: case IR_OP_lookup_and_goto: case IR_OP_exit_tb:
    case IR_OP_insn_start: case IR_OP_mb:
        return false;
    default:
        return true;
    }
}

/* Index of the op that runs just before op k (skipping deleted ones), or -1. */
static int prev_op(const OptState *s, int k)
{
    for (k--; k >= 0; k--) {
        if (!s->dead[k]) {
            return k;
        }
    }
    return -1;
}

static void backward_pass(OptState *s)
{
    IrContext *ir = s->ir;
    SlotSet live, all;

    memset(all, 0xff, sizeof(all));
    memcpy(live, s->globals, sizeof(live));
    memset(s->label_seen, 0, (size_t)ir->nb_labels);
    for (int k = ir->nb_ops - 1; k >= 0; k--) {
        IrOp *op = &ir->ops[k];

        if (s->dead[k]) {
            continue;
        }
        switch (op->opc) {
        case IR_OP_goto_tb: case IR_OP_lookup_and_goto: case IR_OP_exit_tb:
            memcpy(live, s->globals, sizeof(live));
            continue;
        case IR_OP_set_label:
            memcpy(s->label_live[op->imm], live, sizeof(live));
            s->label_seen[op->imm] = 1;
            continue;
        case IR_OP_br:
            /* a backward branch (label not seen yet) keeps everything */
            memcpy(live, s->label_seen[op->imm] ? s->label_live[op->imm] : all, sizeof(live));
            continue;
        case IR_OP_brcond:
            set_or(live, s->label_seen[op->imm] ? s->label_live[op->imm] : all);
            set_add(live, op->args[0]);
            set_add(live, op->args[1]);
            continue;
        case IR_OP_insn_start: case IR_OP_mb:
            continue;
        case IR_OP_qemu_ld: case IR_OP_qemu_st: case IR_OP_call: {
            int nin = op->opc == IR_OP_call ? op->cond : ir_op_nin(op->opc);
            int first = op->opc == IR_OP_qemu_st ? 0 : 1;
            if (op->opc != IR_OP_qemu_st && op->args[0] != IR_NO_TEMP) {
                set_del(live, op->args[0]);
            }
            set_or(live, s->globals);
            for (int i = 0; i < nin; i++) {
                set_add(live, op->args[first + i]);
            }
            continue;
        }
        default:
            break;
        }
        if (!op_is_pure(op->opc) || ir_op_nout(op->opc) != 1) {
            continue;
        }
        IrTemp d = op->args[0];
        if (!set_has(live, d)) {
            s->dead[k] = 1;
            continue;
        }
        if ((op->opc == IR_OP_mov || op->opc == IR_OP_ext32u) && op->type == IR_I64 &&
            is_temp(s, op->args[1]) && !set_has(live, op->args[1])) {
            /* "op T, ...; mov D, T" with T dead afterwards: compute into D directly. The inputs
             * of op are read before its output is written, so D may be one of them. An i32 op
             * already zero-extends its result, so "op_i32 T; ext32u_i64 D, T" merges too. */
            IrTemp t = op->args[1];
            int p = prev_op(s, k);
            if (p >= 0 && ir->ops[p].args[0] == t && ir_op_nout(ir->ops[p].opc) == 1 &&
                (op->opc == IR_OP_mov || ir->ops[p].type == IR_I32)) {
                ir->ops[p].args[0] = d;
                s->dead[k] = 1;
                continue;   /* live is unchanged: d is now defined by op p */
            }
        }
        set_del(live, d);
        int nin = ir_op_nin(op->opc);
        for (int i = 0; i < nin; i++) {
            set_add(live, op->args[1 + i]);
        }
    }
}

void ir_optimize(IrContext *ir)
{
    OptState *s = &opt_state;
    uint32_t max_slot = 0;

    if (ir->overflow || ir->nb_labels > IR_MAX_LABELS) {
        return;
    }
    for (int k = 0; k < ir->nb_ops; k++) {
        for (int i = 0; i < 5; i++) {
            IrTemp t = ir->ops[k].args[i];
            if (t != IR_NO_TEMP && !ir_is_const(t) && t > max_slot) {
                max_slot = t;
            }
        }
    }
    if (max_slot >= OPT_MAX_SLOTS) {
        return;
    }
    s->ir = ir;
    s->temp_lo = ir->first_temp_slot;
    s->temp_hi = ir->first_temp_slot + ir->max_temps_used;
    memset(s->globals, 0, sizeof(s->globals));
    for (uint32_t t = 0; t <= max_slot; t++) {
        if (!is_temp(s, t)) {
            set_add(s->globals, t);
        }
    }
    memset(s->dead, 0, (size_t)ir->nb_ops);
    sink_pass(s);
    forward_pass(s);
    /* The first backward pass deletes dead ops; merging "op T; mov D, T" needs the two to be
     * adjacent, which they often become only once the dead flag ops between them are gone. */
    backward_pass(s);
    backward_pass(s);

    int n = 0;
    for (int k = 0; k < ir->nb_ops; k++) {
        if (!s->dead[k]) {
            ir->ops[n++] = ir->ops[k];
        }
    }
    ir->nb_ops = n;
}
