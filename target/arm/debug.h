/* SPDX-License-Identifier: GPL-2.0-or-later */
/* debug.h: AArch64 self-hosted debug (Arm ARM D2): hooks for hflags, exception entry and return. */
#ifndef TARGET_ARM_DEBUG_H
#define TARGET_ARM_DEBUG_H
#include <stdint.h>
#include "cpu.h"

/* The HF_SS_ACTIVE, HF_PSTATE_SS, HF_BP_CHECK and HF_WP_CHECK bits of the current state. */
uint32_t arm_debug_hflags(const CPUARMState *env);
/* SPSR_ELx.SS on taking an exception of `kind` from the current state (spsr: PSTATE as read). */
uint32_t arm_debug_exception_spsr(const CPUARMState *env, int kind, uint32_t spsr);
/* PSTATE.SS after an exception return to dest_el with `spsr` (DebugExceptionReturnSS). */
uint32_t arm_debug_eret_ss(const CPUARMState *env, uint64_t spsr, int dest_el);
/* The debug system registers (sysreg-el1.c calls this from its init function). */
void sysreg_init_debug(void);

#endif
