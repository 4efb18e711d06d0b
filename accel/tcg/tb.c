/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tb.c: the translation-block cache: lookup by (PC, code page, flags), translation on a miss,
 * direct chaining, and invalidation when the guest writes a page that holds code. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "tcg/ir.h"
#include "cpu.h"
#include "translate-entry.h"

#define TB_HASH_BITS 15
#define TB_JMP_CACHE_BITS 12
#define TB_MAX_COUNT (1 << 18)

static TranslationBlock *tb_hash[1 << TB_HASH_BITS];
static TranslationBlock *jmp_cache[1 << TB_JMP_CACHE_BITS];
static GHashTable *code_pages;     /* host page -> first TB on that page */
static TranslationBlock **all_tbs;
static int nb_tbs;
static IrContext *ir_ctx;

static inline unsigned tb_hash_fn(uint64_t pc, uintptr_t page, uint32_t flags)
{
    uint64_t h = pc * 0x9e3779b97f4a7c15ull ^ (uint64_t)page * 0xc2b2ae3d27d4eb4full ^ flags;
    return (unsigned)(h >> (64 - TB_HASH_BITS));
}

static inline unsigned jmp_hash(uint64_t pc)
{
    return (unsigned)((pc >> 2) ^ (pc >> (2 + TB_JMP_CACHE_BITS))) & ((1 << TB_JMP_CACHE_BITS) - 1);
}

static void tb_free(TranslationBlock *tb)
{
    free(tb->code);
    free(tb->insn_starts);
    free(tb);
}

void tb_jmp_cache_clear(void)
{
    memset(jmp_cache, 0, sizeof(jmp_cache));
}

void tb_flush(void)
{
    for (int i = 0; i < nb_tbs; i++) {
        tb_free(all_tbs[i]);
    }
    nb_tbs = 0;
    memset(tb_hash, 0, sizeof(tb_hash));
    tb_jmp_cache_clear();
    if (code_pages) {
        g_hash_table_remove_all(code_pages);
    }
    if (first_cpu) {
        /* TLB write entries carry TLB_NOTDIRTY for code pages: recompute them lazily. */
        tlb_flush(first_cpu);
    }
}

bool tb_host_page_has_code(uintptr_t host_page)
{
    return code_pages && g_hash_table_contains(code_pages, (gpointer)host_page);
}

void tb_invalidate_host_page(uintptr_t host_page)
{
    TranslationBlock *tb;

    if (!code_pages) {
        return;
    }
    tb = g_hash_table_lookup(code_pages, (gpointer)host_page);
    for (; tb; tb = tb->page_next) {
        tb->invalid = true;
        unsigned h = tb_hash_fn(tb->pc, tb->host_page, tb->flags);
        for (TranslationBlock **p = &tb_hash[h]; *p; p = &(*p)->hash_next) {
            if (*p == tb) {
                *p = tb->hash_next;
                break;
            }
        }
    }
    g_hash_table_remove(code_pages, (gpointer)host_page);
    tb_jmp_cache_clear();
}

TranslationBlock *tb_lookup_fast(CPUARMState *env)
{
    TranslationBlock *tb = jmp_cache[jmp_hash(env->pc)];

    if (tb && tb->pc == env->pc && tb->flags == env->hflags && !tb->invalid) {
        return tb;
    }
    return NULL;
}

static bool opt_enabled;

static TranslationBlock *tb_gen_code(CPUARMState *env, uintptr_t host_page, const uint8_t *code)
{
    TranslationBlock *tb;
    char err[128];

    if (!ir_ctx) {
        /* GRANULE_NO_OPT=1 runs the translator's IR unoptimized (to bisect a suspected
         * optimizer bug against the plain reference semantics). */
        const char *no_opt = getenv("GRANULE_NO_OPT");
        opt_enabled = !(no_opt && *no_opt && strcmp(no_opt, "0") != 0);
        ir_ctx = malloc(sizeof(*ir_ctx));
        all_tbs = malloc(sizeof(*all_tbs) * TB_MAX_COUNT);
        code_pages = g_hash_table_new(g_direct_hash, g_direct_equal);
        if (!ir_ctx || !all_tbs) {
            fprintf(stderr, "qemu-system-aarch64: out of memory for the translation cache\n");
            exit(1);
        }
    }
    if (nb_tbs == TB_MAX_COUNT) {
        tb_flush();
    }
    tb = calloc(1, sizeof(*tb));
    if (!tb) {
        fprintf(stderr, "qemu-system-aarch64: out of memory for the translation cache\n");
        exit(1);
    }
    tb->pc = env->pc;
    tb->flags = env->hflags;
    tb->host_page = host_page;

    ir_init(ir_ctx, IR_SLOT(tmp));
    arm_translate_block(env, tb, ir_ctx, code);
    if (!ir_verify(ir_ctx, err, sizeof(err))) {
        fprintf(stderr, "qemu-system-aarch64: internal error: bad IR at pc 0x%llx: %s\n",
                (unsigned long long)env->pc, err);
        ir_dump(ir_ctx, stderr, arm_ir_slot_name);
        abort();
    }
    if (qemu_loglevel_mask(LOG_OP)) {
        qemu_log("OP: pc 0x%016llx flags 0x%x\n", (unsigned long long)tb->pc, tb->flags);
        ir_dump(ir_ctx, qemu_logfile ? qemu_logfile : stderr, arm_ir_slot_name);
        qemu_log("\n");
    }
    if (opt_enabled) {
        ir_optimize(ir_ctx);
    }
    if (qemu_loglevel_mask(LOG_OP_OPT)) {
        qemu_log("OP after optimization: pc 0x%016llx flags 0x%x\n", (unsigned long long)tb->pc,
                 tb->flags);
        ir_dump(ir_ctx, qemu_logfile ? qemu_logfile : stderr, arm_ir_slot_name);
        qemu_log("\n");
    }
    if (!interp_gen_code(ir_ctx, tb)) {
        fprintf(stderr, "qemu-system-aarch64: out of memory generating code\n");
        exit(1);
    }
    all_tbs[nb_tbs++] = tb;
    unsigned h = tb_hash_fn(tb->pc, host_page, tb->flags);
    tb->hash_next = tb_hash[h];
    tb_hash[h] = tb;
    bool new_page = !g_hash_table_contains(code_pages, (gpointer)host_page);
    tb->page_next = g_hash_table_lookup(code_pages, (gpointer)host_page);
    g_hash_table_insert(code_pages, (gpointer)host_page, tb);
    if (new_page) {
        /* Writes to this page must now take the slow path that invalidates its TBs. */
        tlb_protect_code(env, host_page);
    }
    return tb;
}

TranslationBlock *tb_find(CPUARMState *env)
{
    TranslationBlock *tb = tb_lookup_fast(env);
    uintptr_t host_page;
    const uint8_t *code;

    if (tb) {
        return tb;
    }
    code = tlb_get_code_page(env, env->pc, arm_code_mmu_idx(env), &host_page);
    unsigned h = tb_hash_fn(env->pc, host_page, env->hflags);
    for (tb = tb_hash[h]; tb; tb = tb->hash_next) {
        if (tb->pc == env->pc && tb->host_page == host_page && tb->flags == env->hflags) {
            break;
        }
    }
    if (!tb) {
        tb = tb_gen_code(env, host_page, code);
    }
    jmp_cache[jmp_hash(env->pc)] = tb;
    return tb;
}
