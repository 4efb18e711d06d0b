/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hflags.h: the translation flags (TB cache key) and MMU indexes. Everything that changes how an
 * instruction translates is in hflags; arm_rebuild_hflags() is its only producer. */
#ifndef TARGET_ARM_HFLAGS_H
#define TARGET_ARM_HFLAGS_H

#define HF_EL_SHIFT        0    /* 2 bits: current EL */
#define HF_SPACE_SHIFT     2    /* 2 bits: ArmSecuritySpace of the current state (RME: TBs never shared across PAS) */
#define HF_MMUIDX_SHIFT    4    /* 5 bits: MMU index for data accesses */
#define HF_ALIGN           (1u << 9)    /* every data access must be aligned (SCTLR.A, or stage 1 off: Device) */
#define HF_FPTRAP_SHIFT    10   /* 2 bits: EL an FP/SIMD access traps to (0 = enabled) */
#define HF_UNPRIV_SHIFT    12   /* 5 bits: MMU index for LDTR/STTR */
#define HF_SS_ACTIVE       (1u << 17)   /* software step active: MDSCR_EL1.SS and debug exceptions
                                         * enabled from the current state (debug.c) */
#define HF_SA              (1u << 18)   /* SP alignment checking (SCTLR.SA / SA0) */
#define HF_IL              (1u << 20)   /* PSTATE.IL: every instruction raises an Illegal Execution state exception */
#define HF_PSTATE_SS       (1u << 21)   /* with HF_SS_ACTIVE: PSTATE.SS (active-not-pending: one insn) */
#define HF_BP_CHECK        (1u << 22)   /* hardware breakpoints may match: check every instruction */
#define HF_WP_CHECK        (1u << 23)   /* watchpoints may match: check every load and store */

#define HF_FIELD(f, shift, bits) (((f) >> (shift)) & ((1u << (bits)) - 1))

/* MMU indexes: see mmuidx.h (one per regime, privilege, PAN and security state). */

#endif
