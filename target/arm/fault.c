/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fault.c: reporting of MMU faults as Instruction/Data Aborts: target EL, ESR (EC, IL, ISV and
 * the instruction syndrome, EA, CM, S1PTW, WnR, xFSC with level), FAR and HPFAR_EL2 (pseudocode
 * AArch64.Abort, AArch64.DataAbort, AArch64.InstructionAbort, AArch64.FaultSyndrome). */
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "gpc.h"
#include "ptw.h"
#include "syndrome.h"

/* EncodeLDFSC: the fault status code of a fault. */
static unsigned fault_fsc(const ArmFault *f)
{
    switch (f->type) {
    case ARMFAULT_TRANSLATION:
        return FSC_TRANSLATION_L0 + f->level;
    case ARMFAULT_ADDRSIZE:
        return FSC_ADDRSIZE_L0 + f->level;
    case ARMFAULT_ACCESS:
        return FSC_ACCESS_L0 + f->level;
    case ARMFAULT_PERMISSION:
        return FSC_PERMISSION_L0 + f->level;
    case ARMFAULT_ALIGNMENT:
        return FSC_ALIGNMENT;
    case ARMFAULT_SEA_WALK:
        return FSC_SYNC_EXTERNAL_PTW_L0 + f->level;
    default:
        return FSC_SYNC_EXTERNAL;
    }
}

/* The instruction at env->pc (already restored), from the code page of the running TB. */
static bool current_insn(CPUARMState *env, uint32_t *insn)
{
    TranslationBlock *tb = env->cur_tb;

    if (!tb || ((tb->pc ^ env->pc) & TARGET_PAGE_MASK) || !tb->host_page) {
        return false;
    }
    *insn = *(const uint32_t *)(tb->host_page + (env->pc & ~TARGET_PAGE_MASK));
    return true;
}

/* ISS[24:14] of a data abort on a load or store of one general-purpose register without
 * writeback, not exclusive and not atomic (ESR_ELx ISS encoding for a Data Abort, ISV):
 * ISV, SAS (size), SSE (sign extension), SRT (register), SF (64-bit register), AR
 * (acquire/release). */
uint32_t arm_ls_iss(CPUARMState *env)
{
    uint32_t insn;
    unsigned size, sse = 0, sf, ar = 0;

    if (!current_insn(env, &insn)) {
        return 0;
    }
    size = insn >> 30;
    if ((insn & 0x3fa00000u) == 0x08800000u) {
        /* Load-acquire/store-release ordered: LDAR/STLR/LDLAR/STLLR (o2 = 1, o1 = 0) */
        sf = size == 3;
        ar = 1;
    } else if ((insn & 0x3ffffc00u) == 0x38bfc000u) {
        sf = size == 3;                                  /* LDAPR */
        ar = 1;
    } else if ((insn & 0x3f200c00u) == 0x19000000u) {
        unsigned opc = (insn >> 22) & 3;                 /* LDAPUR/STLUR family (RCpc2) */
        ar = 1;
        sse = opc >= 2;
        sf = opc == 2 || (opc < 2 && size == 3);
        if (opc == 2 && size == 3) {
            return 0;
        }
    } else if ((insn & 0x3b000000u) == 0x18000000u && !((insn >> 26) & 1)) {
        unsigned opc = insn >> 30;                       /* LDR (literal) */
        if (opc == 3) {
            return 0;                                    /* PRFM */
        }
        size = opc == 1 ? 3 : 2;
        sse = opc == 2;
        sf = opc != 0;
    } else if (!((insn >> 26) & 1) && ((insn & 0x3f000000u) == 0x39000000u ||
               (insn & 0x3f200c00u) == 0x38000000u || (insn & 0x3f200c00u) == 0x38000800u ||
               (insn & 0x3f200c00u) == 0x38200800u)) {
        /* Unsigned offset, unscaled, unprivileged and register offset forms */
        unsigned opc = (insn >> 22) & 3;
        if (opc >= 2 && size == 3) {
            return 0;                                    /* PRFM / unallocated */
        }
        if (opc == 3 && size == 2) {
            return 0;                                    /* unallocated */
        }
        sse = opc >= 2;
        sf = opc == 2 || (opc < 2 && size == 3);
    } else {
        return 0;
    }
    return (1u << 24) | (size << 22) | (sse << 21) | ((insn & 31) << 16) | (sf << 15) | (ar << 14);
}

void arm_raise_fault(CPUARMState *env, uint64_t va, MMUAccessType access, const ArmFault *f,
                     bool cm)
{
    cpu_restore_state(env);
    if (f->type == ARMFAULT_GPC) {
        /* RME: the GPC module builds the GPC exception or GPF abort (gpc.h). */
        GpcAccess a = f->gpca;
        a.cm = cm;
        bool iss = a.stage2_walk && !a.s1ptw && !cm && access != MMU_INST_FETCH;
        a.ls_iss = iss ? arm_ls_iss(env) : 0;
        arm_gpc_raise(env, &f->gpc, &a);
    }
    /* Stage 2 faults go to EL2; stage 1 faults to EL1 (EL2 from EL0 with HCR_EL2.TGE) or the
     * current EL when higher (AArch64.Abort). */
    uint32_t target = f->stage2 ? 2 : exception_target_el(env);
    int same_el = target == env->el;
    unsigned fsc = fault_fsc(f);
    int ea = f->type == ARMFAULT_SEA_WALK;
    uint32_t syn;

    if (access == MMU_INST_FETCH) {
        syn = syn_insn_abort(same_el, ea, f->s1ptw, (int)fsc);
        env->exception.kind = EXCP_PREFETCH_ABORT;
    } else {
        /* WnR is 1 for stores and for cache maintenance and AT instructions. ISV = 1 only for
         * stage 2 faults that are not on a stage 1 walk (ISV, "for other faults ISV is 0"). */
        int wnr = cm || access == MMU_DATA_STORE;
        syn = syn_data_abort_no_iss(same_el, 0, ea, cm, f->s1ptw, wnr, (int)fsc);
        if (f->stage2 && !f->s1ptw && !cm && f->type != ARMFAULT_SEA_WALK) {
            syn |= arm_ls_iss(env);
        }
        env->exception.kind = EXCP_DATA_ABORT;
    }
    env->exception.syndrome = syn;
    env->exception.target_el = target;
    env->exception.vaddress = va;
    env->exception.far_valid = true;
    env->exception.ipa = f->ipa;
    env->exception.ipa_valid = f->stage2 && f->ipa_valid;
    qemu_log_mask(LOG_MMU, "mmu: %s fault at 0x%llx: stage %d%s, FSC 0x%x, ESR 0x%x, to EL%u\n",
                  access == MMU_INST_FETCH ? "instruction" :
                  access == MMU_DATA_STORE ? "write" : "read", (unsigned long long)va,
                  f->stage2 ? 2 : 1, f->s1ptw ? " (S1PTW)" : "", fsc, syn, target);
    siglongjmp(env->jmp_env, 1);
}

void arm_cpu_do_unaligned_access(CPUARMState *env, uint64_t vaddr, MMUAccessType access,
                                 int mmu_idx)
{
    ArmFault f = { .type = ARMFAULT_ALIGNMENT };

    (void)mmu_idx;
    arm_raise_fault(env, vaddr, access, &f, false);
}

/* An access that reached no device or that a device rejected: synchronous external abort. */
void arm_cpu_do_transaction_failed(CPUARMState *env, uint64_t vaddr, uint64_t pa,
                                   MMUAccessType access, int mmu_idx, MemTxResult r)
{
    uint32_t target, syn;

    (void)mmu_idx;
    qemu_log_mask(LOG_GUEST_ERROR, "%s at PA 0x%llx (VA 0x%llx): %s\n",
                  access == MMU_DATA_STORE ? "write" : "read", (unsigned long long)pa,
                  (unsigned long long)vaddr,
                  r == MEMTX_DECODE_ERROR ? "nothing mapped" : "device error");
    cpu_restore_state(env);
    target = exception_target_el(env);
    if (access == MMU_INST_FETCH) {
        syn = syn_insn_abort(target == env->el, 1, 0, FSC_SYNC_EXTERNAL);
        env->exception.kind = EXCP_PREFETCH_ABORT;
    } else {
        syn = syn_data_abort_no_iss(target == env->el, 0, 1, 0, 0, access == MMU_DATA_STORE,
                                    FSC_SYNC_EXTERNAL);
        env->exception.kind = EXCP_DATA_ABORT;
    }
    env->exception.syndrome = syn;
    env->exception.target_el = target;
    env->exception.vaddress = vaddr;
    env->exception.far_valid = true;
    siglongjmp(env->jmp_env, 1);
}
