/* SPDX-License-Identifier: GPL-2.0-or-later */
/* translate-entry.h: what the TB cache needs from the A64 translator. */
#ifndef TARGET_ARM_TRANSLATE_ENTRY_H
#define TARGET_ARM_TRANSLATE_ENTRY_H
#include <stdint.h>
#include "exec/tb.h"
#include "tcg/ir.h"
#include "cpu.h"

/* Translate guest code at tb->pc (code_page: host pointer to the start of its 4 KiB page). */
void arm_translate_block(CPUARMState *env, TranslationBlock *tb, IrContext *ir,
                         const uint8_t *code_page);
const char *arm_ir_slot_name(uint32_t slot, char *buf);
int arm_code_mmu_idx(CPUARMState *env);

#endif
