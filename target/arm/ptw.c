/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ptw.c: address translation for the softmmu TLB. Today: stage 1 disabled (the flat mapping of
 * Arm ARM D8.2.11: PA = VA, Device-nGnRnE data, Normal instruction fetches), with the
 * address-size check against the implemented PA size. Table walks arrive with the memory system
 * issue; the fault plumbing here (aborts with ESR, FAR) is already shared. */
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "gpc.h"
#include "hflags.h"
#include "syndrome.h"

static unsigned pa_bits(const CPUARMState *env)
{
    static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52 };
    unsigned pr = env->features.id_aa64mmfr0 & 0xf;
    return pr < 7 ? bits[pr] : 48;
}

static int mmu_idx_el(int mmu_idx)
{
    return mmu_idx & 3;
}

static int mmu_idx_space(int mmu_idx)
{
    return (mmu_idx >> 2) & 3;
}

/* Raise an instruction or data abort with the given fault status code. */
static void __attribute__((noreturn)) raise_abort(CPUARMState *env, uint64_t vaddr,
                                                  MMUAccessType access, int mmu_idx, int fsc,
                                                  bool ea)
{
    uint32_t target = exception_target_el(env);
    int same_el = target == env->el;
    uint32_t syn;

    cpu_restore_state(env);
    if (access == MMU_INST_FETCH) {
        syn = syn_insn_abort(same_el, ea, 0, fsc);
        env->exception.kind = EXCP_PREFETCH_ABORT;
    } else {
        syn = syn_data_abort_no_iss(same_el, 0, ea, 0, 0, access == MMU_DATA_STORE, fsc);
        env->exception.kind = EXCP_DATA_ABORT;
    }
    env->exception.syndrome = syn;
    env->exception.target_el = target;
    env->exception.vaddress = vaddr;
    env->exception.far_valid = true;
    qemu_log_mask(LOG_MMU, "mmu: %s fault at 0x%llx, FSC 0x%x, to EL%u\n",
                  access == MMU_INST_FETCH ? "instruction" : access == MMU_DATA_STORE ? "write" : "read",
                  (unsigned long long)vaddr, fsc, target);
    siglongjmp(env->jmp_env, 1);
}

bool arm_tlb_fill(CPUARMState *env, uint64_t vaddr, MMUAccessType access, int mmu_idx,
                  unsigned size, bool probe, TlbFillResult *res)
{
    int space = mmu_idx_space(mmu_idx);
    (void)mmu_idx_el(mmu_idx);

    /* Stage 1 disabled: an address above the implemented PA size is an Address size fault at
     * level 0 (Arm ARM D8.2.11, AArch64.S1DisabledOutput). */
    if (vaddr >> pa_bits(env)) {
        if (probe) {
            return false;
        }
        raise_abort(env, vaddr, access, mmu_idx, FSC_ADDRSIZE_L0, false);
    }
    /* RME: every physical access is checked against the GPT (see gpc.h). */
    GpcFault gf;
    if (!arm_gpc_check(env, vaddr, (ArmSecuritySpace)space, &gf)) {
        if (probe) {
            return false;
        }
        GpcAccess ga = { .vaddr = vaddr, .pa = vaddr, .pas = (ArmSecuritySpace)space,
                         .access = access };
        arm_gpc_raise(env, &gf, &ga);
    }
    res->pa = vaddr;
    res->space = (uint8_t)space;
    res->prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
    /* Device-nGnRnE with stage 1 off: the translator already requires alignment for every data
     * access (HF_ALIGN), so RAM keeps the fast path. */
    res->device = false;
    return true;
}

int arm_data_mmu_idx_debug(CPUARMState *env)
{
    return HF_FIELD(env->hflags, HF_MMUIDX_SHIFT, 5);
}

void arm_cpu_do_unaligned_access(CPUARMState *env, uint64_t vaddr, MMUAccessType access,
                                 int mmu_idx)
{
    raise_abort(env, vaddr, access, mmu_idx, FSC_ALIGNMENT, false);
}

/* An access that reached no device or that a device rejected: synchronous external abort. */
void arm_cpu_do_transaction_failed(CPUARMState *env, uint64_t vaddr, uint64_t pa,
                                   MMUAccessType access, int mmu_idx, MemTxResult r)
{
    qemu_log_mask(LOG_GUEST_ERROR, "%s at PA 0x%llx (VA 0x%llx): %s\n",
                  access == MMU_DATA_STORE ? "write" : "read", (unsigned long long)pa,
                  (unsigned long long)vaddr, r == MEMTX_DECODE_ERROR ? "nothing mapped" : "device error");
    raise_abort(env, vaddr, access, mmu_idx, FSC_SYNC_EXTERNAL, true);
}
