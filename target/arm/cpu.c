/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu.c: CPU creation, reset, PSTATE packing, the stack-pointer bank and the translation flags. */
#include <stdio.h>
#include <string.h>
#include "exec/cputlb.h"
#include "cpu.h"
#include "cpu-dump.h"
#include "qemu/log.h"
#include "cpu-features.h"
#include "debug.h"
#include "gtimer.h"
#include "hflags.h"
#include "mmuidx.h"
#include "pmu.h"
#include "ptw.h"
#include "hw/intc/gicv3.h"
#include "sysreg.h"

CPUARMState *first_cpu;

bool arm_cpu_model_features(const char *name, bool rme, int l0gptsz, bool has_el2, bool has_el3,
                            ArmCpuFeatures *f);

int arm_cpu_init(CPUARMState *env, const char *model, bool rme, int l0gptsz, bool has_el2,
                 bool has_el3, char *err, size_t err_len)
{
    memset(env, 0, sizeof(*env));
    if (!arm_cpu_model_features(model, rme, l0gptsz, has_el2, has_el3, &env->features)) {
        snprintf(err, err_len, "unable to find CPU model '%s'", model);
        return -1;
    }
    tlb_init(env);
    if (!first_cpu) {
        first_cpu = env;
    }
    return 0;
}

uint32_t cpsr_read_nzcv(const CPUARMState *env)
{
    return ((env->nf >> 63) ? PSTATE_N : 0) | (env->zf == 0 ? PSTATE_Z : 0) |
           (env->cf ? PSTATE_C : 0) | ((env->vf >> 63) ? PSTATE_V : 0);
}

void cpsr_write_nzcv(CPUARMState *env, uint32_t nzcv)
{
    env->nf = (nzcv & PSTATE_N) ? ~0ull : 0;
    env->zf = (nzcv & PSTATE_Z) ? 0 : 1;
    env->cf = (nzcv & PSTATE_C) ? 1 : 0;
    env->vf = (nzcv & PSTATE_V) ? ~0ull : 0;
}

uint32_t pstate_read(const CPUARMState *env)
{
    return cpsr_read_nzcv(env) | (env->pstate & ~(uint32_t)(0xf << 28 | 0x1f)) |
           (env->el << PSTATE_EL_SHIFT) | (env->pstate & PSTATE_SP);
}

void pstate_write(CPUARMState *env, uint32_t spsr)
{
    arm_sp_save(env);
    cpsr_write_nzcv(env, spsr);
    env->el = (spsr >> PSTATE_EL_SHIFT) & 3;
    env->pstate = spsr & ~(uint32_t)(0xf << 28 | PSTATE_nRW | (3u << PSTATE_EL_SHIFT));
    arm_sp_restore(env);
    arm_rebuild_hflags(env);
}

/* SP_EL0 is used at EL0 and when PSTATE.SP == 0; otherwise SP_ELx of the current EL. */
static int current_sp_index(const CPUARMState *env)
{
    return (env->pstate & PSTATE_SP) ? (int)env->el : 0;
}

void arm_sp_save(CPUARMState *env)
{
    env->sp_el[current_sp_index(env)] = env->xregs[31];
}

void arm_sp_restore(CPUARMState *env)
{
    env->xregs[31] = env->sp_el[current_sp_index(env)];
}

/* RME: the security state from the EL and SCR_EL3.{NSE,NS} (Arm ARM D1.2, R_GQSGM). */
ArmSecuritySpace arm_space_for_el(const CPUARMState *env, int el)
{
    if (!env->features.has_el3) {
        return ARMSS_NONSECURE;
    }
    if (el == 3) {
        return env->features.has_rme ? ARMSS_ROOT : ARMSS_SECURE;
    }
    unsigned ns = env->scr_el3 & 1;
    unsigned nse = env->features.has_rme ? (env->scr_el3 >> 62) & 1 : 0;
    return (ArmSecuritySpace)(nse << 1 | ns);
}

ArmSecuritySpace arm_current_space(const CPUARMState *env)
{
    return arm_space_for_el(env, env->el);
}

bool arm_is_secure_below_el3(const CPUARMState *env)
{
    return arm_space_for_el(env, 1) == ARMSS_SECURE;
}

/* EL2 is enabled in the current security state: implemented, and for Secure state SCR_EL3.EEL2. */
bool arm_el2_enabled(const CPUARMState *env)
{
    if (!env->features.has_el2) {
        return false;
    }
    if (arm_is_secure_below_el3(env)) {
        return isar_aa64_sel2(&env->features) && ((env->scr_el3 >> 18) & 1);
    }
    return true;
}

/* The EL whose SCTLR governs data accesses at the current EL (EL1&0 regime unless at EL2/EL3,
 * or EL2&0 with HCR_EL2.{E2H,TGE} = {1,1}). */
static int regime_el(const CPUARMState *env, int el)
{
    if (el == 3) {
        return 3;
    }
    if (el == 2) {
        return 2;
    }
    if (el == 0 && arm_el2_enabled(env) && (env->hcr_el2 & (1ull << 34)) &&
        (env->hcr_el2 & (1ull << 27))) {
        return 2;
    }
    return 1;
}

/* CheckFPAdvSIMDEnabled64: the EL an FP/SIMD instruction traps to, 0 if enabled. */
static int fp_trap_el(const CPUARMState *env)
{
    int el = env->el;
    bool e2h_tge = arm_el2_enabled(env) && (env->hcr_el2 & (1ull << 34)) && (env->hcr_el2 & (1ull << 27));

    if (el <= 1 && !e2h_tge) {
        unsigned fpen = (env->cpacr_el1 >> 20) & 3;
        bool tge = arm_el2_enabled(env) && (env->hcr_el2 & (1ull << 27));
        if (fpen == 0 || fpen == 2 || (fpen == 1 && el == 0)) {
            /* Traps from EL0 go to EL2 when HCR_EL2.TGE routes EL0 exceptions there. */
            return (el == 0 && tge) ? 2 : 1;
        }
    }
    if (el <= 2 && arm_el2_enabled(env)) {
        if (env->hcr_el2 & (1ull << 34)) {
            unsigned fpen = (env->cptr_el[2] >> 20) & 3;
            if (fpen == 0 || fpen == 2 || (fpen == 1 && el == 0 && e2h_tge)) {
                return 2;
            }
        } else if (env->cptr_el[2] & (1ull << 10)) {   /* CPTR_EL2.TFP */
            return 2;
        }
    }
    if (env->features.has_el3 && (env->cptr_el[3] & (1ull << 10))) {   /* CPTR_EL3.TFP */
        return 3;
    }
    return 0;
}

/* The MMU index of data accesses at the current EL, and of LDTR/STTR (mmuidx.h): regime from the
 * EL and HCR_EL2.{E2H,TGE}, PSTATE.PAN for privileged EL1&0 and EL2&0 accesses. LDTR/STTR are
 * unprivileged at EL1 and at EL2 with E2H and TGE, unless PSTATE.UAO (FEAT_UAO). */
static int data_mmu_idx(const CPUARMState *env, ArmSecuritySpace space, int *unpriv)
{
    bool e2h = arm_el2_enabled(env) && (env->hcr_el2 & (1ull << 34));
    bool tge = arm_el2_enabled(env) && (env->hcr_el2 & (1ull << 27));
    bool pan = isar_aa64_pan(&env->features) && (env->pstate & PSTATE_PAN);
    bool uao = env->pstate & PSTATE_UAO;
    int idx;

    switch (env->el) {
    case 3:
        *unpriv = ARM_MMU_IDX_E3;
        return ARM_MMU_IDX_E3;
    case 2:
        idx = arm_mmu_idx_make(space, !e2h ? MMUK_E2 : pan ? MMUK_E20_2_PAN : MMUK_E20_2);
        *unpriv = e2h && tge && !uao ? arm_mmu_idx_make(space, MMUK_E20_0) : idx;
        return idx;
    case 1:
        idx = arm_mmu_idx_make(space, pan ? MMUK_E10_1_PAN : MMUK_E10_1);
        *unpriv = uao ? idx : arm_mmu_idx_make(space, MMUK_E10_0);
        return idx;
    default:
        idx = arm_mmu_idx_make(space, e2h && tge ? MMUK_E20_0 : MMUK_E10_0);
        *unpriv = idx;
        return idx;
    }
}

void arm_rebuild_hflags(CPUARMState *env)
{
    int el = env->el;
    int space = arm_current_space(env);
    int rel = regime_el(env, el);
    uint64_t sctlr = env->sctlr_el[rel];
    uint32_t hf = 0;
    int unpriv, idx = data_mmu_idx(env, (ArmSecuritySpace)space, &unpriv);

    hf |= (uint32_t)el << HF_EL_SHIFT;
    hf |= (uint32_t)space << HF_SPACE_SHIFT;
    hf |= (uint32_t)idx << HF_MMUIDX_SHIFT;
    hf |= (uint32_t)unpriv << HF_UNPRIV_SHIFT;
    /* Stage 1 off: data accesses are Device-nGnRnE and must be aligned (Arm ARM D8.2.11), unless
     * HCR_EL2.DC makes them Normal for the EL1&0 regime. SCTLR.A asks for alignment checks. */
    bool s1_off = !arm_s1_enabled(env, idx) && arm_s1_off_is_device(env, idx);
    if (s1_off || (sctlr & 2)) {
        hf |= HF_ALIGN;
    }
    hf |= (uint32_t)fp_trap_el(env) << HF_FPTRAP_SHIFT;
    if (el == 0 ? (sctlr & (1ull << 4)) : (sctlr & (1ull << 3))) {   /* SA0 / SA */
        hf |= HF_SA;
    }
    if (env->pstate & PSTATE_IL) {
        hf |= HF_IL;
    }
    hf |= arm_debug_hflags(env);    /* software step, breakpoint and watchpoint checks */
    env->hflags = hf;
    /* The GIC decides IRQ versus FIQ from the current EL and security state (GICv3 4.6.2). */
    gicv3_cpuif_el_change(env);
    gt_el_change(env);      /* RME: CNTHCTL_EL2.CNT[PV]MASK depend on the Security state */
    pmu_update(env);        /* PMU event filtering depends on the EL, state and MDCR_ELx */
}

void arm_cpu_reset(CPUARMState *env, uint64_t reset_pc)
{
    ArmCpuFeatures f = env->features;
    void *tlb = env->tlb, *board = env->board, *gic = env->gic_cpuif;
    AddressSpace *as[4];
    QEMUTimer timers[GTIMER_NUM];

    if (qemu_loglevel_mask(LOG_CPU_RESET)) {
        char regs[8192];
        arm_cpu_format_state(env, regs, sizeof(regs), qemu_loglevel_mask(LOG_FPU));
        qemu_log("CPU Reset (CPU %d)\n%s", env->cpu_index, regs);
    }
    memcpy(as, env->as, sizeof(as));
    memcpy(timers, env->gt_timer, sizeof(timers));
    /* Everything up to the engine bookkeeping is architectural state: clear it. */
    memset(env, 0, offsetof(CPUARMState, jmp_env));
    env->features = f;
    env->tlb = tlb;
    env->board = board;
    env->gic_cpuif = gic;
    memcpy(env->as, as, sizeof(as));
    memcpy(env->gt_timer, timers, sizeof(timers));
    env->cur_tb = NULL;
    env->cur_ip = NULL;
    env->exception.kind = EXCP_NONE;

    /* Reset into the highest implemented EL, SPx, all interrupts masked (Arm ARM D1.9). */
    env->el = f.has_el3 ? 3 : f.has_el2 ? 2 : 1;
    env->pstate = PSTATE_SP | PSTATE_DAIF;
    env->exclusive_addr = ~0ull;
    env->zf = 1;
    /* Registers with a table entry take its reset value (SCTLR_ELx RES1 bits, SCR_EL3 = 0x430:
     * Secure state, CNTFRQ_EL0, ...). */
    sysreg_reset(env);
    pmu_reset(env);
    env->rvbar_el3 = reset_pc;
    env->pc = reset_pc;
    env->vpidr_el2 = f.midr;
    env->vmpidr_el2 = f.mpidr;
    env->fpcr = 0;
    env->fpsr = 0;
    if (!f.has_el3 && f.has_el2) {
        /* No EL3: behave as if SCR_EL3.NS = 1, RW = 1, HCE = 1 (Arm ARM D1.2). */
        env->scr_el3 = 1 | (1ull << 10) | (1ull << 8);
    } else if (!f.has_el3) {
        env->scr_el3 = 1 | (1ull << 10);
    }
    arm_sp_restore(env);
    arm_rebuild_hflags(env);
    tlb_flush(env);
}
