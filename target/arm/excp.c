/* SPDX-License-Identifier: GPL-2.0-or-later */
/* excp.c: exception entry (AArch64.TakeException), exception return (AArch64.ExceptionReturn)
 * and physical interrupt routing and masking (Arm ARM D1.3, D1.4; SCR_EL3.{IRQ,FIQ,EA},
 * HCR_EL2.{IMO,FMO,AMO,TGE}). */
#include <stdio.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "pmu.h"
#include "cpu-features.h"
#include "debug.h"
#include "syndrome.h"

#define HCR_FMO (1ull << 3)
#define HCR_IMO (1ull << 4)
#define HCR_AMO (1ull << 5)
#define HCR_TGE (1ull << 27)
#define HCR_E2H (1ull << 34)
#define SCR_IRQ (1ull << 1)
#define SCR_FIQ (1ull << 2)
#define SCR_EA  (1ull << 3)

static const char *const excp_names[] = {
    [EXCP_NONE] = "none", [EXCP_UDEF] = "Synchronous", [EXCP_SWI] = "SVC", [EXCP_HVC] = "HVC",
    [EXCP_SMC] = "SMC", [EXCP_PREFETCH_ABORT] = "Prefetch Abort",
    [EXCP_DATA_ABORT] = "Data Abort", [EXCP_BKPT] = "Breakpoint", [EXCP_IRQ] = "IRQ",
    [EXCP_FIQ] = "FIQ", [EXCP_VIRQ] = "Virtual IRQ", [EXCP_VFIQ] = "Virtual FIQ",
    [EXCP_SERROR] = "SError", [EXCP_GPC] = "GPC",
};

uint32_t exception_target_el(const CPUARMState *env)
{
    uint32_t el = env->el > 1 ? env->el : 1;

    /* HCR_EL2.TGE routes exceptions from EL0 to EL2 (Arm ARM D1.3.1). */
    if (env->el == 0 && arm_el2_enabled(env) && (env->hcr_el2 & HCR_TGE)) {
        el = 2;
    }
    return el;
}

void raise_exception(CPUARMState *env, int kind, uint32_t syndrome, uint32_t target_el)
{
    cpu_restore_state(env);
    env->exception.kind = kind;
    env->exception.syndrome = syndrome;
    env->exception.target_el = target_el ? target_el : exception_target_el(env);
    siglongjmp(env->jmp_env, 1);
}

static void log_world_change(CPUARMState *env, int old_el, ArmSecuritySpace old_space,
                             const char *why)
{
    ArmSecuritySpace now = arm_current_space(env);
    if (now != old_space) {
        qemu_log_mask(LOG_WORLD, "world: %s EL%d -> %s EL%d (%s)\n", arm_space_name(old_space),
                      old_el, arm_space_name(now), env->el, why);
    }
}

/* AArch64.TakeException */
void arm_cpu_do_interrupt(CPUARMState *env)
{
    int kind = env->exception.kind;
    uint32_t target = env->exception.target_el;
    int old_el = env->el;
    ArmSecuritySpace old_space = arm_current_space(env);
    uint64_t offset;
    uint64_t ret = env->pc;

    switch (kind) {
    case EXCP_IRQ: case EXCP_VIRQ:
        offset = 0x80;
        break;
    case EXCP_FIQ: case EXCP_VFIQ:
        offset = 0x100;
        break;
    case EXCP_SERROR:
        offset = 0x180;
        break;
    default:
        offset = 0;
        break;
    }
    if (target > (uint32_t)old_el) {
        offset += 0x400;               /* lower EL, AArch64 */
    } else if (env->pstate & PSTATE_SP) {
        offset += 0x200;               /* current EL with SP_ELx */
    }
    if (kind == EXCP_SWI || kind == EXCP_HVC || kind == EXCP_SMC) {
        ret += 4;                      /* preferred return: the instruction after the call */
    }
    if (qemu_loglevel_mask(LOG_INT)) {
        qemu_log("Taking exception %d [%s] on CPU %d\n"
                 "...from EL%d to EL%d\n...with ESR 0x%x/0x%x\n",
                 kind, kind < (int)(sizeof(excp_names) / sizeof(excp_names[0])) ? excp_names[kind] : "?",
                 env->cpu_index, old_el, target, syn_get_ec(env->exception.syndrome),
                 env->exception.syndrome);
        if (env->exception.far_valid) {
            qemu_log("...with FAR 0x%llx\n", (unsigned long long)env->exception.vaddress);
        }
        qemu_log("...with ELR 0x%llx\n...to EL%d PC 0x%llx PSTATE 0x%x\n",
                 (unsigned long long)ret, target,
                 (unsigned long long)(env->vbar_el[target] + offset), pstate_read(env));
    }

    /* SPSR.SS: PSTATE.SS while software step is active, cleared by a completed SVC/HVC/SMC. */
    env->spsr_el[target] = arm_debug_exception_spsr(env, kind, pstate_read(env));
    env->elr_el[target] = ret;
    if (kind != EXCP_IRQ && kind != EXCP_FIQ && kind != EXCP_VIRQ && kind != EXCP_VFIQ) {
        /* synchronous exceptions and SError record a syndrome */
        env->esr_el[target] = env->exception.syndrome;
    }
    if (env->exception.far_valid) {
        env->far_el[target] = env->exception.vaddress;
    }
    if (target == 2 && env->exception.ipa_valid) {
        /* HPFAR_EL2.FIPA = IPA[47:12]; NS (bit 63, FEAT_SEL2): the faulting IPA is in the
         * Non-secure IPA space of the Secure EL1&0 regime (ptw.c sets bit 63 of the IPA). */
        env->hpfar_el2 = ((env->exception.ipa & 0x0000fffffffff000ull) >> 8) |
                         (env->exception.ipa & (1ull << 63));
    }
    if (kind == EXCP_GPC) {
        /* RME: MFAR_EL3 holds the faulting PA; bits [11:0] are RES0 (R_MZSDN). */
        env->mfar_el3 = env->exception.pa & ~0xfffull;
    }

    arm_sp_save(env);
    env->el = target;
    uint32_t ps = env->pstate;
    ps |= PSTATE_DAIF | PSTATE_SP;
    ps &= ~(PSTATE_IL | PSTATE_SS | PSTATE_UAO | (3u << PSTATE_BTYPE_SHIFT));
    /* PSTATE.PAN is set on taking an exception to EL1 (or EL2 with E2H+TGE) when SCTLR.SPAN == 0 */
    if (isar_aa64_pan(&env->features) && (target == 1 || (target == 2 && (env->hcr_el2 & HCR_E2H) &&
                                                          (env->hcr_el2 & HCR_TGE)))) {
        if (!(env->sctlr_el[target] & (1ull << 23))) {
            ps |= PSTATE_PAN;
        }
    }
    if (isar_aa64_ssbs(&env->features)) {
        /* PSTATE.SSBS takes SCTLR_ELx.DSSBS (bit 44) */
        ps = (env->sctlr_el[target] & (1ull << 44)) ? (ps | PSTATE_SSBS) : (ps & ~PSTATE_SSBS);
    }
    env->pstate = ps;
    arm_sp_restore(env);
    env->pc = env->vbar_el[target] + offset;
    env->exception.kind = EXCP_NONE;
    env->exception.far_valid = false;
    env->exception.ipa_valid = false;
    env->halted = false;
    arm_rebuild_hflags(env);
    log_world_change(env, old_el, old_space, "exception entry");
}

/* IllegalExceptionReturn and the rest of AArch64.ExceptionReturn. */
void arm_exception_return(CPUARMState *env)
{
    int cur_el = env->el;
    uint64_t spsr = env->spsr_el[cur_el];
    uint64_t new_pc = env->elr_el[cur_el];
    int new_el = (spsr >> PSTATE_EL_SHIFT) & 3;
    bool illegal = false;
    ArmSecuritySpace old_space = arm_current_space(env);

    pmu_exception_return(env);      /* the ERET retires at cur_el (PMU event filtering) */
    if (spsr & PSTATE_nRW) {
        illegal = true;                                      /* AArch32 is not implemented */
    } else if (new_el > cur_el) {
        illegal = true;
    } else if (new_el == 0 && (spsr & PSTATE_SP)) {
        illegal = true;                                      /* M[3:0] = 0b0001 is reserved */
    } else if (new_el == 2 && (!env->features.has_el2 ||
                               (cur_el == 3 && env->features.has_el3 && !(env->scr_el3 & 1) &&
                                !(env->features.has_rme && ((env->scr_el3 >> 62) & 1)) &&
                                !(isar_aa64_sel2(&env->features) && ((env->scr_el3 >> 18) & 1))))) {
        illegal = true;                                      /* EL2 absent or disabled in that state */
    } else if (new_el == 1 && cur_el == 3 && env->features.has_el3 && !((env->scr_el3 >> 10) & 1)) {
        illegal = true;                                      /* SCR_EL3.RW == 0: EL1 would be AArch32 */
    } else if (cur_el == 3 && new_el < 3 && env->features.has_rme &&
               ((env->scr_el3 >> 62) & 1) && !(env->scr_el3 & 1)) {
        illegal = true;                                      /* RME: {NSE,NS} = 10 is reserved */
    } else if (new_el == 1 && arm_el2_enabled(env) && (env->hcr_el2 & HCR_TGE) && cur_el >= 2) {
        illegal = true;                                      /* EL1 with HCR_EL2.TGE set */
    }

    /* PSTATE.SS from SPSR.SS only as DebugExceptionReturnSS() allows (software step). */
    uint32_t ss = arm_debug_eret_ss(env, spsr, illegal ? cur_el : new_el);

    arm_sp_save(env);
    cpsr_write_nzcv(env, (uint32_t)spsr);
    if (illegal) {
        /* PSTATE.{EL,nRW,SP} unchanged, IL set, the rest from SPSR (Arm ARM D1.4.4). */
        uint32_t keep = env->pstate & PSTATE_SP;
        env->pstate = ((uint32_t)spsr & ~(0xfu << 28 | 0x1f)) | keep | PSTATE_IL;
        qemu_log_mask(LOG_GUEST_ERROR, "illegal exception return from EL%d (SPSR 0x%llx)\n",
                      cur_el, (unsigned long long)spsr);
    } else {
        env->el = new_el;
        env->pstate = (uint32_t)spsr & ~(0xfu << 28 | PSTATE_nRW | (3u << PSTATE_EL_SHIFT));
    }
    env->pstate = (env->pstate & ~PSTATE_SS) | ss;
    arm_sp_restore(env);
    /* A return to AArch64 state clears the top bits of the target address as TBI allows; without
     * TBI the PC is the 64-bit ELR (alignment is checked at the next fetch). */
    env->pc = new_pc;
    env->exclusive_addr = ~0ull;    /* ERET clears the local exclusive monitor */
    env->event_register = true;     /* an exception return is a wake-up event (D1.6.1) */
    arm_rebuild_hflags(env);
    qemu_log_mask(LOG_INT, "Exception return from AArch64 EL%d to AArch64 EL%d PC 0x%llx\n",
                  cur_el, env->el, (unsigned long long)new_pc);
    log_world_change(env, cur_el, old_space, "ERET");
}

void arm_set_irq_line(CPUARMState *env, uint32_t line, int level)
{
    if (level) {
        env->interrupt_request |= line;
        env->exit_request = true;
    } else {
        env->interrupt_request &= ~line;
    }
}

void arm_update_virtual_lines(CPUARMState *env)
{
    arm_set_irq_line(env, CPU_INTERRUPT_VIRQ,
                     ((env->hcr_el2 >> 7) & 1) || (env->gic_virtual_lines & CPU_INTERRUPT_VIRQ));
    arm_set_irq_line(env, CPU_INTERRUPT_VFIQ,
                     ((env->hcr_el2 >> 6) & 1) || (env->gic_virtual_lines & CPU_INTERRUPT_VFIQ));
}

void arm_set_gic_virtual_line(CPUARMState *env, uint32_t line, int level)
{
    if (level) {
        env->gic_virtual_lines |= line;
    } else {
        env->gic_virtual_lines &= ~line;
    }
    arm_update_virtual_lines(env);
}

/* Which EL a physical IRQ/FIQ/SError targets, per SCR_EL3 and HCR_EL2 routing (Arm ARM D1.3.5). */
static int interrupt_target_el(const CPUARMState *env, uint64_t scr_bit, uint64_t hcr_bit)
{
    if (env->features.has_el3 && (env->scr_el3 & scr_bit)) {
        return 3;
    }
    if (arm_el2_enabled(env) && (env->hcr_el2 & (hcr_bit | HCR_TGE))) {
        return 2;
    }
    return 1;
}

static bool interrupt_taken(const CPUARMState *env, int target, uint32_t mask_bit)
{
    if (target < (int)env->el) {
        return false;                /* never taken to a lower EL: stays pending */
    }
    if (target > (int)env->el && target >= 2) {
        /* Routed to EL2 or EL3 from a lower EL: PSTATE.{I,F} of the lower EL do not mask it. An
         * EL1 interrupt at EL0 is still masked by PSTATE (Arm ARM D1.3.6, table D1-x). */
        return true;
    }
    return !(env->pstate & mask_bit);
}

bool arm_cpu_exec_interrupt(CPUARMState *env)
{
    uint32_t req = env->interrupt_request;
    int target;

    if (req & CPU_INTERRUPT_FIQ) {
        target = interrupt_target_el(env, SCR_FIQ, HCR_FMO);
        if (interrupt_taken(env, target, PSTATE_F)) {
            env->exception.kind = EXCP_FIQ;
            env->exception.target_el = target;
            arm_cpu_do_interrupt(env);
            return true;
        }
    }
    /* Physical SError: SCR_EL3.EA routes it to EL3, HCR_EL2.AMO (or TGE) to EL2; PSTATE.A
     * masks it like I and F (Arm ARM D1.3.5). Without FEAT_RAS the syndrome is IDS = 0,
     * ISS = 0 (IMPLEMENTATION DEFINED). The line is level: the source clears it. */
    if (req & CPU_INTERRUPT_SERROR) {
        target = interrupt_target_el(env, SCR_EA, HCR_AMO);
        if (interrupt_taken(env, target, PSTATE_A)) {
            env->exception.kind = EXCP_SERROR;
            env->exception.syndrome = (EC_SERROR << ARM_EL_EC_SHIFT) | ARM_EL_IL;
            env->exception.target_el = target;
            arm_cpu_do_interrupt(env);
            return true;
        }
    }
    if (req & CPU_INTERRUPT_IRQ) {
        target = interrupt_target_el(env, SCR_IRQ, HCR_IMO);
        if (interrupt_taken(env, target, PSTATE_I)) {
            env->exception.kind = EXCP_IRQ;
            env->exception.target_el = target;
            arm_cpu_do_interrupt(env);
            return true;
        }
    }
    /* Virtual interrupts (HCR_EL2.VI/VF) target EL1 from EL0/EL1 when IMO/FMO are set. */
    if ((req & CPU_INTERRUPT_VIRQ) && env->el <= 1 && arm_el2_enabled(env) &&
        (env->hcr_el2 & HCR_IMO) && !(env->hcr_el2 & HCR_TGE) && !(env->pstate & PSTATE_I)) {
        env->exception.kind = EXCP_VIRQ;
        env->exception.target_el = 1;
        arm_cpu_do_interrupt(env);
        return true;
    }
    /* Virtual SError (HCR_EL2.VSE with AMO): masked by PSTATE.A; taking it clears VSE. Without
     * FEAT_RAS the syndrome is the IMPLEMENTATION DEFINED value 0 (IDS = 0, ISS = 0). */
    if ((req & CPU_INTERRUPT_VSERROR) && env->el <= 1 && arm_el2_enabled(env) &&
        (env->hcr_el2 & HCR_AMO) && !(env->hcr_el2 & HCR_TGE) && !(env->pstate & PSTATE_A)) {
        env->hcr_el2 &= ~(1ull << 8);
        env->interrupt_request &= ~CPU_INTERRUPT_VSERROR;
        env->exception.kind = EXCP_SERROR;
        env->exception.syndrome = (EC_SERROR << ARM_EL_EC_SHIFT) | ARM_EL_IL;
        env->exception.target_el = 1;
        arm_cpu_do_interrupt(env);
        return true;
    }
    if ((req & CPU_INTERRUPT_VFIQ) && env->el <= 1 && arm_el2_enabled(env) &&
        (env->hcr_el2 & HCR_FMO) && !(env->hcr_el2 & HCR_TGE) && !(env->pstate & PSTATE_F)) {
        env->exception.kind = EXCP_VFIQ;
        env->exception.target_el = 1;
        arm_cpu_do_interrupt(env);
        return true;
    }
    return false;
}
