/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc.h: RME: the Granule Protection Check (Arm ARM, RME chapter; pseudocode
 * AArch64.GranuleProtectionCheck). THE single home of the check: ptw.c calls arm_gpc_check() for
 * every physical access it resolves (output addresses and each translation-table descriptor
 * fetch) and arm_gpc_raise() when it fails; nothing else decides GPC outcomes. */
#ifndef TARGET_ARM_GPC_H
#define TARGET_ARM_GPC_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/cputlb.h"
#include "exec/memory.h"
#include "cpu.h"

typedef enum GpcFaultKind {
    GPC_OK = 0,
    GPC_FAULT_GPF,          /* Granule Protection Fault: the GPI forbids this PAS */
    GPC_FAULT_WALK,         /* GPT walk fault (invalid/reserved descriptor, bad configuration) */
    GPC_FAULT_ADDRSIZE,     /* GPT address size fault */
    GPC_FAULT_EA,           /* synchronous external abort on a GPT fetch */
} GpcFaultKind;

typedef struct GpcFault {
    GpcFaultKind kind;
    int level;              /* GPT level of the fault (0 or 1) */
    unsigned gpi;           /* GPI found (for GPFs and logging) */
} GpcFault;

/* Check a physical access of the CPU in its current configuration (GPCCR_EL3, GPTBR_EL3, the
 * GPT in Root PA space). Returns true when permitted (always, without FEAT_RME or with
 * GPCCR_EL3.GPC == 0); otherwise false with *f filled. No side effects besides -d gpc logging. */
bool arm_gpc_check(CPUARMState *env, uint64_t pa, ArmSecuritySpace pas, GpcFault *f);

/* Context of the access that failed, for the syndrome. */
typedef struct GpcAccess {
    uint64_t vaddr;         /* FAR value (the VA of the instruction's access) */
    uint64_t pa;
    ArmSecuritySpace pas;
    MMUAccessType access;
    bool walk;              /* the access was a translation-table descriptor fetch */
    int walk_level;         /* lookup level of that fetch */
    bool s1ptw;             /* stage-1 walk access translated by stage 2 */
    bool stage2_walk;       /* stage-2 table fetch */
    uint64_t ipa;           /* for HPFAR_EL2 when relevant */
    bool ipa_valid;
} GpcAccess;

/* Raise the architectural exception for a failed check: a GPC exception to EL3 (EC 0x1E) for
 * walk, address-size and external-abort faults, or when SCR_EL3.GPF routes GPFs there; otherwise
 * the GPF is an Instruction/Data Abort (FSC 0x28, or 0x24 + level on a table walk) taken to EL2
 * when HCR_EL2.GPF routes it, else to the EL the normal abort routing gives. Never returns. */
void arm_gpc_raise(CPUARMState *env, const GpcFault *f, const GpcAccess *a)
    __attribute__((noreturn));

#endif
