/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ir.c: building IR (temps, constants, labels, ops), the -d op printer and the structural checker. */
#include <stdarg.h>
#include <string.h>
#include "tcg/ir.h"

static const struct { const char *name; uint8_t nout, nin, flags; } op_defs[IR_OP_COUNT] = {
#define DEF(n, o, i, f) [IR_OP_##n] = { #n, o, i, f },
#include "tcg/ir-ops.def"
#undef DEF
};

const char *ir_op_name(int opc)
{
    return opc >= 0 && opc < IR_OP_COUNT ? op_defs[opc].name : "?";
}

int ir_op_nout(int opc)
{
    return op_defs[opc].nout;
}

int ir_op_nin(int opc)
{
    return op_defs[opc].nin;
}

bool ir_op_reads(const IrOp *op, IrTemp t)
{
    int first = ir_op_nout(op->opc), n = op->opc == IR_OP_call ? op->cond : ir_op_nin(op->opc);
    for (int a = 0; a < n; a++) {
        if (op->args[first + a] == t) {
            return true;
        }
    }
    return false;
}

bool ir_op_writes(const IrOp *op, IrTemp t)
{
    return ir_op_nout(op->opc) == 1 && op->args[0] == t;
}

void ir_init(IrContext *ir, uint32_t first_temp_slot)
{
    ir->nb_ops = 0;
    ir->nb_consts = 0;
    ir->nb_labels = 0;
    ir->first_temp_slot = first_temp_slot;
    ir->nb_temps_used = 0;
    ir->max_temps_used = 0;
    ir->overflow = false;
}

IrTemp ir_new_temp(IrContext *ir)
{
    extern const int ir_nb_temp_slots;

    if (ir->nb_temps_used >= (uint32_t)ir_nb_temp_slots) {
        /* A single guest instruction never needs this many; keep going safely and let the
         * translator end the TB (the temp is reused, the TB is discarded). */
        ir->overflow = true;
        return ir->first_temp_slot;
    }
    uint32_t slot = ir->first_temp_slot + ir->nb_temps_used++;
    if (ir->nb_temps_used > ir->max_temps_used) {
        ir->max_temps_used = ir->nb_temps_used;
    }
    return slot;
}

void ir_free_temps(IrContext *ir)
{
    ir->nb_temps_used = 0;
}

IrTemp ir_const(IrContext *ir, uint64_t v)
{
    /* Reuse a recent identical constant: TBs use few distinct values. */
    for (int i = ir->nb_consts - 1; i >= 0 && i >= ir->nb_consts - 16; i--) {
        if (ir->consts[i] == v) {
            return IR_CONST_BIT | (uint32_t)i;
        }
    }
    if (ir->nb_consts == IR_MAX_CONSTS) {
        ir->overflow = true;
        ir->consts[0] = v;   /* value is wrong but the TB will be discarded */
        return IR_CONST_BIT;
    }
    ir->consts[ir->nb_consts] = v;
    return IR_CONST_BIT | (uint32_t)ir->nb_consts++;
}

int ir_new_label(IrContext *ir)
{
    if (ir->nb_labels == IR_MAX_LABELS) {
        ir->overflow = true;
        return 0;
    }
    return ir->nb_labels++;
}

IrOp *ir_emit(IrContext *ir, IrOpcode opc, IrType type, int cond, uint64_t imm, int nargs, ...)
{
    static IrOp sink;
    va_list ap;
    IrOp *op;

    if (ir->nb_ops == IR_MAX_OPS) {
        ir->overflow = true;
        op = &sink;
    } else {
        op = &ir->ops[ir->nb_ops++];
    }
    op->opc = opc;
    op->type = type;
    op->cond = cond;
    op->imm = imm;
    va_start(ap, nargs);
    for (int i = 0; i < 5; i++) {
        op->args[i] = i < nargs ? va_arg(ap, IrTemp) : IR_NO_TEMP;
    }
    va_end(ap);
    return op;
}

void ir_gen_call(IrContext *ir, int helper, IrTemp d, int nin, const IrTemp *in)
{
    IrOp *op = ir_emit(ir, IR_OP_call, IR_I64, nin, (uint64_t)helper, 1, d);
    for (int i = 0; i < 4; i++) {
        op->args[1 + i] = i < nin ? in[i] : IR_NO_TEMP;
    }
}

static const char *const cond_names[] = {
    "eq", "ne", "lt", "ge", "le", "gt", "ltu", "geu", "leu", "gtu", "tsteq", "tstne", "always", "never",
};

static void print_temp(const IrContext *ir, FILE *out, IrTemp t,
                       const char *(*slot_name)(uint32_t, char *))
{
    char buf[32];

    if (t == IR_NO_TEMP) {
        fprintf(out, "-");
    } else if (ir_is_const(t)) {
        fprintf(out, "$0x%llx", (unsigned long long)ir_const_val(ir, t));
    } else {
        fprintf(out, "%s", slot_name(t, buf));
    }
}

void ir_dump(const IrContext *ir, FILE *out, const char *(*slot_name)(uint32_t slot, char *buf))
{
    for (int i = 0; i < ir->nb_ops; i++) {
        const IrOp *op = &ir->ops[i];
        int nargs = op_defs[op->opc].nout + op_defs[op->opc].nin;

        if (op->opc == IR_OP_insn_start) {
            fprintf(out, " ---- %016llx\n", (unsigned long long)op->imm);
            continue;
        }
        if (op->opc == IR_OP_set_label) {
            fprintf(out, " L%llu:\n", (unsigned long long)op->imm);
            continue;
        }
        fprintf(out, " %s%s", ir_op_name(op->opc),
                nargs && op->opc != IR_OP_call ? (op->type == IR_I32 ? "_i32" : "_i64") : "");
        if (op->opc == IR_OP_call) {
            fprintf(out, " %s", op->imm < (uint64_t)ir_nb_helpers ? ir_helpers[op->imm].name : "?");
            nargs = 1 + op->cond;
        }
        for (int a = 0; a < nargs; a++) {
            fputs(a ? ", " : " ", out);
            print_temp(ir, out, op->args[a], slot_name);
        }
        switch (op->opc) {
        case IR_OP_setcond: case IR_OP_movcond: case IR_OP_brcond:
            fprintf(out, ", %s", cond_names[op->cond]);
            break;
        default:
            break;
        }
        switch (op->opc) {
        case IR_OP_brcond: case IR_OP_br:
            fprintf(out, ", L%llu", (unsigned long long)op->imm);
            break;
        case IR_OP_extract: case IR_OP_sextract: case IR_OP_deposit:
            fprintf(out, ", pos=%u, len=%u", (unsigned)(op->imm & 0xff), (unsigned)(op->imm >> 8));
            break;
        case IR_OP_qemu_ld: case IR_OP_qemu_st:
            fprintf(out, ", memop=0x%x, mmu_idx=%u", (unsigned)(op->imm & 0xffff),
                    (unsigned)(op->imm >> 16));
            break;
        case IR_OP_goto_tb:
            fprintf(out, " %llu", (unsigned long long)op->imm);
            break;
        default:
            break;
        }
        fputc('\n', out);
    }
}

bool ir_verify(const IrContext *ir, char *err, size_t err_len)
{
    uint8_t defined[IR_MAX_LABELS] = { 0 };

    if (ir->overflow) {
        snprintf(err, err_len, "IR buffer overflow");
        return false;
    }
    for (int i = 0; i < ir->nb_ops; i++) {
        const IrOp *op = &ir->ops[i];
        if (op->opc >= IR_OP_COUNT) {
            snprintf(err, err_len, "op %d: bad opcode %u", i, op->opc);
            return false;
        }
        int n = op->opc == IR_OP_call ? 1 + op->cond : op_defs[op->opc].nout + op_defs[op->opc].nin;
        for (int a = 0; a < n; a++) {
            IrTemp t = op->args[a];
            if (op->opc == IR_OP_call && a == 0 && t == IR_NO_TEMP) {
                continue;
            }
            if (t == IR_NO_TEMP) {
                snprintf(err, err_len, "op %d (%s): missing operand %d", i, ir_op_name(op->opc), a);
                return false;
            }
            if (ir_is_const(t) && (t & ~IR_CONST_BIT) >= (uint32_t)ir->nb_consts) {
                snprintf(err, err_len, "op %d: constant out of range", i);
                return false;
            }
            if (ir_is_const(t) && a < op_defs[op->opc].nout) {
                snprintf(err, err_len, "op %d (%s): writes a constant", i, ir_op_name(op->opc));
                return false;
            }
        }
        if (op->opc == IR_OP_set_label) {
            if (op->imm >= (uint64_t)ir->nb_labels || defined[op->imm]) {
                snprintf(err, err_len, "op %d: label L%llu defined twice or unknown", i,
                         (unsigned long long)op->imm);
                return false;
            }
            defined[op->imm] = 1;
        }
        if (op->opc == IR_OP_call && op->imm >= (uint64_t)ir_nb_helpers) {
            snprintf(err, err_len, "op %d: unknown helper %llu", i, (unsigned long long)op->imm);
            return false;
        }
    }
    for (int i = 0; i < ir->nb_ops; i++) {
        const IrOp *op = &ir->ops[i];
        if ((op->opc == IR_OP_brcond || op->opc == IR_OP_br) &&
            (op->imm >= (uint64_t)ir->nb_labels || !defined[op->imm])) {
            snprintf(err, err_len, "op %d: branch to undefined label L%llu", i,
                     (unsigned long long)op->imm);
            return false;
        }
    }
    return true;
}
