/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tb.h: translation blocks, their cache and the interpreter back end's code format. */
#ifndef EXEC_TB_H
#define EXEC_TB_H
#include <stdbool.h>
#include <stdint.h>

/* One interpreter instruction: operands are slot indices into the guest state's IR register file. */
typedef struct InterpInsn {
    uint16_t op;
    uint16_t d, a, b, c, e;
    uint32_t aux;
    uint64_t imm;
} InterpInsn;

typedef struct TranslationBlock {
    uint64_t pc;             /* guest virtual address of the first instruction */
    uintptr_t host_page;     /* host address of the RAM page holding the code (identity of the PA) */
    uint32_t flags;          /* translation flags (hflags) the code was generated under */
    uint16_t icount;         /* guest instructions */
    bool invalid;            /* code page written since translation: never run again */
    struct TranslationBlock *jmp_dest[2];   /* direct chaining targets, NULL until patched */
    struct TranslationBlock *hash_next;
    struct TranslationBlock *page_next;
    InterpInsn *code;
    uint32_t ncode;
    uint16_t *insn_starts;   /* bytecode index where each guest instruction starts */
} TranslationBlock;

struct CPUARMState;

/* Translate and cache: returns the TB for env->pc under env->hflags (translating if needed). */
TranslationBlock *tb_find(struct CPUARMState *env);
/* Direct-mapped per-CPU cache probe, no translation (NULL on miss). */
TranslationBlock *tb_lookup_fast(struct CPUARMState *env);
void tb_flush(void);
void tb_jmp_cache_clear(void);
/* The guest wrote to a RAM page that holds translated code. */
void tb_invalidate_host_page(uintptr_t host_page);
bool tb_host_page_has_code(uintptr_t host_page);

/* Interpreter back end: lower the IR to bytecode and run it. */
struct IrContext;
bool interp_gen_code(struct IrContext *ir, TranslationBlock *tb);
/* Runs tb (following chains); returns (uintptr_t)tb | (slot + 1) to ask the run loop to chain
 * `slot` of tb to the TB for env->pc, or 0. */
uintptr_t interp_exec(struct CPUARMState *env, TranslationBlock *tb);
/* Set env->pc to the guest instruction that was executing at env->cur_ip. */
void cpu_restore_state(struct CPUARMState *env);
/* Guest instructions of env->cur_tb that retired before the one at env->cur_ip (0 outside a TB):
 * env->insn_count counts whole TBs as they end, this is the rest (PMU, exceptions). */
uint64_t cpu_tb_insns_done(struct CPUARMState *env);

#endif
