/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ir.h: the intermediate representation between the A64 translator and the back ends, and the
 * emit API (ir_gen_*) the translator uses. Temps are 64-bit slots of the guest state's IR register
 * file (globals and TB-local temps) or constants; ops carry a type (i32 or i64). */
#ifndef TCG_IR_H
#define TCG_IR_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef enum IrType { IR_I32 = 0, IR_I64 = 1 } IrType;

enum {
    IR_OPF_BB_END = 1,
    IR_OPF_SIDE_EFFECTS = 2,
};

typedef enum IrOpcode {
#define DEF(name, nout, nin, flags) IR_OP_##name,
#include "tcg/ir-ops.def"
#undef DEF
    IR_OP_COUNT
} IrOpcode;

typedef enum IrCond {
    IR_COND_EQ, IR_COND_NE,
    IR_COND_LT, IR_COND_GE, IR_COND_LE, IR_COND_GT,       /* signed */
    IR_COND_LTU, IR_COND_GEU, IR_COND_LEU, IR_COND_GTU,   /* unsigned */
    IR_COND_TSTEQ, IR_COND_TSTNE,                          /* (a & b) == 0, != 0 */
    IR_COND_ALWAYS, IR_COND_NEVER,
} IrCond;

/* Memory operation descriptor (low 16 bits of a qemu_ld/st imm). */
typedef enum MemOp {
    MO_8 = 0, MO_16 = 1, MO_32 = 2, MO_64 = 3, MO_SIZE = 3,
    MO_SIGN = 4,           /* sign-extend a load to 64 bits */
    MO_ALIGN = 8,          /* fault if not aligned to the access size */
    MO_EXCL = 16,          /* part of an exclusive or atomic access: alignment always required */
    MO_NOTRANS_PRIV = 32,  /* unprivileged access (LDTR/STTR): use the EL0 permission check */
    MO_ALIGN_16 = 64,      /* first half of a 16-byte (Q) access: where alignment is checked
                            * (MO_ALIGN, Device memory), the address must be 16-byte aligned */
} MemOp;

/* A temp: below IR_CONST_BIT it is a slot index of the IR register file; otherwise an index
 * into the TB's constant pool. */
typedef uint32_t IrTemp;
#define IR_CONST_BIT 0x80000000u
#define IR_NO_TEMP 0xffffffffu

typedef struct IrOp {
    uint16_t opc;
    uint8_t type;
    uint8_t cond;
    IrTemp args[5];   /* outputs first, then inputs */
    uint64_t imm;
} IrOp;

#define IR_MAX_OPS 8192
#define IR_MAX_CONSTS 4096
#define IR_MAX_LABELS 1024

typedef struct IrContext {
    IrOp ops[IR_MAX_OPS];
    int nb_ops;
    uint64_t consts[IR_MAX_CONSTS];
    int nb_consts;
    int nb_labels;
    uint32_t first_temp_slot;   /* slot of tmp[0] */
    uint32_t nb_temps_used;     /* temps handed out since the last ir_free_temps() */
    uint32_t max_temps_used;
    bool overflow;              /* ran out of ops/consts/temps: the translator ends the TB */
} IrContext;

/* Helpers callable from IR: env plus up to four 64-bit arguments, one 64-bit result. */
typedef uint64_t (*IrHelperFn)(void *env, uint64_t a, uint64_t b, uint64_t c, uint64_t d);

typedef struct IrHelperInfo {
    const char *name;
    IrHelperFn fn;
    uint8_t nargs;
    uint8_t flags;    /* IR_HELPER_* */
} IrHelperInfo;

enum {
    IR_HELPER_NO_SIDE_EFFECTS = 1,   /* pure function of its arguments */
    IR_HELPER_MAY_RAISE = 2,         /* may longjmp out with a guest exception */
};

/* The single helper table, provided by the target (target/arm/helper-defs.h). */
extern const IrHelperInfo ir_helpers[];
extern const int ir_nb_helpers;

void ir_init(IrContext *ir, uint32_t first_temp_slot);
IrTemp ir_new_temp(IrContext *ir);
void ir_free_temps(IrContext *ir);        /* all TB-local temps dead: start of a guest insn */
IrTemp ir_const(IrContext *ir, uint64_t v);
int ir_new_label(IrContext *ir);
IrOp *ir_emit(IrContext *ir, IrOpcode opc, IrType type, int cond, uint64_t imm, int nargs, ...);

static inline bool ir_is_const(IrTemp t)
{
    return (t & IR_CONST_BIT) != 0;
}

static inline uint64_t ir_const_val(const IrContext *ir, IrTemp t)
{
    return ir->consts[t & ~IR_CONST_BIT];
}

/* The value of an IR condition on two operands of the given width (one definition for the
 * interpreter and the optimizer's constant folding). */
static inline bool ir_eval_cond(uint32_t c, uint64_t a, uint64_t b, int is64)
{
    if (!is64) {
        a = (uint32_t)a;
        b = (uint32_t)b;
        switch (c) {
        case IR_COND_LT: return (int32_t)a < (int32_t)b;
        case IR_COND_GE: return (int32_t)a >= (int32_t)b;
        case IR_COND_LE: return (int32_t)a <= (int32_t)b;
        case IR_COND_GT: return (int32_t)a > (int32_t)b;
        default: break;
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

/* Does op read temp t as an input / write it as its output? (for the optimizer and lowering) */
bool ir_op_reads(const IrOp *op, IrTemp t);

/* Binary ops whose two inputs may be swapped (the optimizer's canonical order, the lowering's
 * register-immediate forms). */
static inline bool ir_op_is_commutative(int opc)
{
    switch (opc) {
    case IR_OP_add: case IR_OP_mul: case IR_OP_and: case IR_OP_or: case IR_OP_xor:
    case IR_OP_eqv: case IR_OP_muluh: case IR_OP_mulsh:
        return true;
    default:
        return false;
    }
}
bool ir_op_writes(const IrOp *op, IrTemp t);

const char *ir_op_name(int opc);
int ir_op_nout(int opc);
int ir_op_nin(int opc);
/* -d op: print the ops with slot names from the target's naming callback. */
void ir_dump(const IrContext *ir, FILE *out, const char *(*slot_name)(uint32_t slot, char *buf));
/* Structural checks: operand counts, labels defined once and used, consts in range. */
bool ir_verify(const IrContext *ir, char *err, size_t err_len);
/* optimize.c: propagation, folding and dead-code removal within the TB (semantics unchanged). */
void ir_optimize(IrContext *ir);

/* ---- Emit API ---- */
#define IR_GEN_BIN(name) \
    static inline void ir_gen_##name(IrContext *ir, IrType ty, IrTemp d, IrTemp a, IrTemp b) \
    { ir_emit(ir, IR_OP_##name, ty, 0, 0, 3, d, a, b); }
#define IR_GEN_UN(name) \
    static inline void ir_gen_##name(IrContext *ir, IrType ty, IrTemp d, IrTemp a) \
    { ir_emit(ir, IR_OP_##name, ty, 0, 0, 2, d, a); }
IR_GEN_UN(mov)
IR_GEN_BIN(add) IR_GEN_BIN(sub) IR_GEN_BIN(mul) IR_GEN_BIN(and) IR_GEN_BIN(or) IR_GEN_BIN(xor)
IR_GEN_BIN(andc) IR_GEN_BIN(orc) IR_GEN_BIN(eqv) IR_GEN_BIN(shl) IR_GEN_BIN(shr) IR_GEN_BIN(sar)
IR_GEN_BIN(rotr) IR_GEN_BIN(muluh) IR_GEN_BIN(mulsh)
IR_GEN_UN(neg) IR_GEN_UN(not) IR_GEN_UN(ext8s) IR_GEN_UN(ext8u) IR_GEN_UN(ext16s) IR_GEN_UN(ext16u)
IR_GEN_UN(ext32s) IR_GEN_UN(ext32u) IR_GEN_UN(bswap16) IR_GEN_UN(bswap32) IR_GEN_UN(bswap64)
IR_GEN_UN(clz) IR_GEN_UN(cls) IR_GEN_UN(rbit)
#undef IR_GEN_BIN
#undef IR_GEN_UN

static inline void ir_gen_movi(IrContext *ir, IrTemp d, uint64_t v)
{
    ir_emit(ir, IR_OP_mov, IR_I64, 0, 0, 2, d, ir_const(ir, v));
}
static inline void ir_gen_extract(IrContext *ir, IrType ty, IrTemp d, IrTemp a, int pos, int len)
{
    ir_emit(ir, IR_OP_extract, ty, 0, (uint64_t)(pos | len << 8), 2, d, a);
}
static inline void ir_gen_sextract(IrContext *ir, IrType ty, IrTemp d, IrTemp a, int pos, int len)
{
    ir_emit(ir, IR_OP_sextract, ty, 0, (uint64_t)(pos | len << 8), 2, d, a);
}
static inline void ir_gen_deposit(IrContext *ir, IrType ty, IrTemp d, IrTemp a, IrTemp b, int pos,
                                  int len)
{
    ir_emit(ir, IR_OP_deposit, ty, 0, (uint64_t)(pos | len << 8), 3, d, a, b);
}
static inline void ir_gen_setcond(IrContext *ir, IrType ty, IrCond c, IrTemp d, IrTemp a, IrTemp b)
{
    ir_emit(ir, IR_OP_setcond, ty, c, 0, 3, d, a, b);
}
static inline void ir_gen_movcond(IrContext *ir, IrType ty, IrCond c, IrTemp d, IrTemp a, IrTemp b,
                                  IrTemp t, IrTemp f)
{
    ir_emit(ir, IR_OP_movcond, ty, c, 0, 5, d, a, b, t, f);
}
static inline void ir_gen_brcond(IrContext *ir, IrType ty, IrCond c, IrTemp a, IrTemp b, int label)
{
    ir_emit(ir, IR_OP_brcond, ty, c, (uint64_t)label, 2, a, b);
}
static inline void ir_gen_br(IrContext *ir, int label)
{
    ir_emit(ir, IR_OP_br, IR_I64, 0, (uint64_t)label, 0);
}
static inline void ir_gen_set_label(IrContext *ir, int label)
{
    ir_emit(ir, IR_OP_set_label, IR_I64, 0, (uint64_t)label, 0);
}
static inline void ir_gen_qemu_ld(IrContext *ir, IrTemp d, IrTemp addr, unsigned memop, int mmu_idx)
{
    ir_emit(ir, IR_OP_qemu_ld, IR_I64, 0, memop | (uint64_t)mmu_idx << 16, 2, d, addr);
}
static inline void ir_gen_qemu_st(IrContext *ir, IrTemp val, IrTemp addr, unsigned memop, int mmu_idx)
{
    ir_emit(ir, IR_OP_qemu_st, IR_I64, 0, memop | (uint64_t)mmu_idx << 16, 2, val, addr);
}
/* Call helper number `helper` (index into ir_helpers) with up to 4 inputs; d may be IR_NO_TEMP. */
void ir_gen_call(IrContext *ir, int helper, IrTemp d, int nin, const IrTemp *in);
static inline void ir_gen_goto_tb(IrContext *ir, int slot)
{
    ir_emit(ir, IR_OP_goto_tb, IR_I64, 0, (uint64_t)slot, 0);
}
static inline void ir_gen_lookup_and_goto(IrContext *ir)
{
    ir_emit(ir, IR_OP_lookup_and_goto, IR_I64, 0, 0, 0);
}
static inline void ir_gen_exit_tb(IrContext *ir)
{
    ir_emit(ir, IR_OP_exit_tb, IR_I64, 0, 0, 0);
}
static inline void ir_gen_insn_start(IrContext *ir, uint64_t pc)
{
    ir_emit(ir, IR_OP_insn_start, IR_I64, 0, pc, 0);
}
static inline void ir_gen_mb(IrContext *ir)
{
    ir_emit(ir, IR_OP_mb, IR_I64, 0, 0, 0);
}

#endif
