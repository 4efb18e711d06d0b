/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ptw.h: the VMSAv8-64 translation (stage 1, stage 2, the GPC of every physical access) and its
 * fault description, shared by the TLB fill, the AT instructions and fault reporting. */
#ifndef TARGET_ARM_PTW_H
#define TARGET_ARM_PTW_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/cputlb.h"
#include "cpu.h"
#include "gpc.h"
#include "mmuidx.h"

typedef enum ArmFaultType {
    ARMFAULT_NONE = 0,
    ARMFAULT_TRANSLATION,
    ARMFAULT_ADDRSIZE,
    ARMFAULT_ACCESS,
    ARMFAULT_PERMISSION,
    ARMFAULT_ALIGNMENT,
    ARMFAULT_SEA_WALK,      /* synchronous external abort on a translation table walk */
    ARMFAULT_GPC,           /* RME: the Granule Protection Check failed (see gpc, gpca) */
} ArmFaultType;

typedef struct ArmFault {
    ArmFaultType type;
    int level;
    bool stage2;            /* a stage 2 fault (taken to EL2) */
    bool s1ptw;             /* ... on a stage 1 translation table walk */
    uint64_t ipa;           /* for HPFAR_EL2 */
    bool ipa_valid;
    GpcFault gpc;           /* RME: ARMFAULT_GPC */
    GpcAccess gpca;
} ArmFault;

typedef struct ArmTranslation {
    uint64_t pa;
    ArmSecuritySpace space; /* PA space of the output */
    uint8_t prot;           /* PAGE_* for the MMU index's EL (PAN applied) */
    uint8_t attr;           /* memory attributes in MAIR format (PAR_EL1.ATTR) */
    uint8_t sh;             /* shareability (PAR_EL1.SH) */
    bool device;
    uint64_t ipa;           /* stage 1 output */
    uint8_t lg_size;        /* log2 of the size of the stage 1 block, page or contiguous run
                             * holding va (TARGET_PAGE_BITS with stage 1 off): the extent a TLBI
                             * by VA of any address in it must invalidate */
} ArmTranslation;

/* Translation flags */
enum {
    PTW_S1_ONLY = 1 << 0,   /* stop after stage 1 (AT S1E*: the output is an IPA) */
    PTW_NO_GPC_OUT = 1 << 1,/* no GPC on the output address (AT: R_ZTRDD, only walks are checked) */
};

/* AArch64.FullTranslate for va with the regime, EL and security state of mmu_idx. Returns false
 * with *f describing the fault (highest priority first); no side effects. */
bool arm_translate(CPUARMState *env, uint64_t va, MMUAccessType access, int mmu_idx,
                   unsigned flags, ArmTranslation *out, ArmFault *f);

/* Raise the abort for fault f of an access to va (never returns). cm: the access is a cache
 * maintenance or AT instruction (ESR CM = 1, WnR = 1). */
void arm_raise_fault(CPUARMState *env, uint64_t va, MMUAccessType access, const ArmFault *f,
                     bool cm) __attribute__((noreturn));

/* Stage 1 of the regime of mmu_idx is enabled (SCTLR_ELx.M, HCR_EL2.{TGE,DC}). */
bool arm_s1_enabled(CPUARMState *env, int mmu_idx);
/* Data accesses with stage 1 off are Device-nGnRnE (not Normal through HCR_EL2.DC). */
bool arm_s1_off_is_device(CPUARMState *env, int mmu_idx);

/* fault.c: ISS[24:14] (ISV = 1 and the instruction syndrome) of the load or store at env->pc when
 * the architecture reports one for a stage 2 data abort (single general-purpose register, no
 * writeback, not exclusive, not atomic), else 0. */
uint32_t arm_ls_iss(CPUARMState *env);

/* tlb-maint.c: AT and TLBI (called from sysinsn.c after its trap checks). */
/* enc: the SYS encoding (sysreg.h SR_ENC packing). */
void arm_at_exec(CPUARMState *env, uint32_t enc, uint64_t va);
void arm_tlbi_exec(CPUARMState *env, uint32_t enc, uint64_t xt);

#endif
