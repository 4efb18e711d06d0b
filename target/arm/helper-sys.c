/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-sys.c: runtime helpers for exception-generating and system instructions: SVC/HVC/SMC
 * with their UNDEFINED and trap rules (Arm ARM C6.2 pseudocode of each instruction), ERET,
 * WFI/WFE, MSR (immediate), MRS/MSR/SYS/SYSL, BRK/HLT and the alignment faults. */
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "system/semihosting.h"
#include "cpu.h"
#include "cpu-features.h"
#include "gpc-trace.h"
#include "helper.h"
#include "hflags.h"
#include "syndrome.h"
#include "sysinsn.h"
#include "sysreg.h"

#define HCR_TSC (1ull << 19)
#define HCR_TWI (1ull << 13)
#define HCR_TWE (1ull << 14)
#define HCR_TGE (1ull << 27)
#define SCR_SMD (1ull << 7)
#define SCR_HCE (1ull << 8)
#define SCR_TWI (1ull << 12)
#define SCR_TWE (1ull << 13)

DEF_HELPER_FN(exception)
{
    CPUARMState *env = env_;
    raise_exception(env, (int)a0, (uint32_t)a1, (uint32_t)a2);
}

DEF_HELPER_FN(undef)
{
    CPUARMState *env = env_;
    raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
}

DEF_HELPER_FN(svc)
{
    CPUARMState *env = env_;
    raise_exception(env, EXCP_SWI, syn_aa64_svc((uint32_t)a0), exception_target_el(env));
}

/* HVC: UNDEFINED at EL0, when EL2 is not implemented or not enabled in the current security
 * state, and when SCR_EL3.HCE == 0; otherwise taken to EL2, or EL3 from EL3. */
DEF_HELPER_FN(hvc)
{
    CPUARMState *env = env_;
    bool undef = env->el == 0 || !env->features.has_el2;

    /* Firmware-less boots: the board answers PSCI on its conduit before the architectural
     * rules apply (as QEMU's virt does), even where HVC would be UNDEFINED (no EL2). */
    if (env->el > 0 && env->psci_handler && env->psci_handler(env, false)) {
        return 0;
    }

    if (!undef && env->el < 3 && !arm_el2_enabled(env)) {
        undef = true;          /* e.g. Secure EL1 without Secure EL2 */
    }
    if (!undef && env->features.has_el3 && !(env->scr_el3 & SCR_HCE)) {
        undef = true;
    }
    if (undef) {
        raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
    }
    raise_exception(env, EXCP_HVC, syn_aa64_hvc((uint32_t)a0), env->el == 3 ? 3 : 2);
}

/* SMC: UNDEFINED at EL0; at EL1 with HCR_EL2.TSC trapped to EL2 (preferred return address is
 * the SMC itself) before SCR_EL3.SMD is considered; UNDEFINED with SCR_EL3.SMD or no EL3. */
DEF_HELPER_FN(smc)
{
    CPUARMState *env = env_;
    uint32_t syn = syn_aa64_smc((uint32_t)a0);

    if (env->el == 0) {
        raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
    }
    /* RME: -d rmi / -d rsi decode RMI calls from NS-EL2 and RSI calls from Realm EL1. */
    gpc_trace_smc(env);
    if (env->el == 1 && arm_el2_enabled(env) && (env->hcr_el2 & HCR_TSC)) {
        raise_exception(env, EXCP_UDEF, syn, 2);
    }
    if (!env->features.has_el3 && env->psci_handler && env->psci_handler(env, true)) {
        return 0;     /* firmware-less boot with EL2 and no EL3: PSCI over SMC */
    }
    if (!env->features.has_el3 || (env->scr_el3 & SCR_SMD)) {
        raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
    }
    qemu_log_mask(LOG_SMC, "smc: EL%u %s fid 0x%08llx x1 0x%llx x2 0x%llx x3 0x%llx\n", env->el,
                  arm_space_name(arm_current_space(env)), (unsigned long long)env->xregs[0],
                  (unsigned long long)env->xregs[1], (unsigned long long)env->xregs[2],
                  (unsigned long long)env->xregs[3]);
    if (env->psci_handler && env->psci_handler(env, true)) {
        return 0;
    }
    raise_exception(env, EXCP_SMC, syn, 3);
}

DEF_HELPER_FN(eret)
{
    CPUARMState *env = env_;
    arm_exception_return(env);
    /* RME: log the results of a traced RMI/RSI call when its caller is resumed. */
    gpc_trace_eret(env);
    return 0;
}

/* WFI/WFE traps: SCTLR_EL1.nTWI/nTWE at EL0 (to EL1, or EL2 with TGE), HCR_EL2.TWI/TWE at
 * EL0/EL1 (to EL2), SCR_EL3.TWI/TWE below EL3 (to EL3). ISS: CV=1, COND=0xE, TI. */
static void wfx_trap_check(CPUARMState *env, bool is_wfe)
{
    uint32_t syn = syn_wfx(1, 0xe, is_wfe, 0);

    if (env->el == 0 && !(env->sctlr_el[1] & (is_wfe ? (1ull << 18) : (1ull << 16)))) {
        raise_exception(env, EXCP_UDEF, syn, exception_target_el(env));
    }
    if (env->el <= 1 && arm_el2_enabled(env) && !(env->hcr_el2 & HCR_TGE) &&
        (env->hcr_el2 & (is_wfe ? HCR_TWE : HCR_TWI))) {
        raise_exception(env, EXCP_UDEF, syn, 2);
    }
    if (env->el < 3 && env->features.has_el3 && (env->scr_el3 & (is_wfe ? SCR_TWE : SCR_TWI))) {
        raise_exception(env, EXCP_UDEF, syn, 3);
    }
}

DEF_HELPER_FN(wfi)
{
    CPUARMState *env = env_;

    wfx_trap_check(env, false);
    /* WFI completes when any interrupt is pending, masked or not (Arm ARM D1.6.2). */
    if (env->interrupt_request) {
        return 0;
    }
    /* A WFI may complete at any time: while it is being software-stepped it completes at once,
     * so that the Software Step exception follows it (debug.c). */
    if (env->hflags & HF_PSTATE_SS) {
        return 0;
    }
    cpu_restore_state(env);
    env->pc += 4;
    env->exception.kind = EXCP_HALTED;
    siglongjmp(env->jmp_env, 1);
}

/* WFE: with the Event Register set it clears it and completes without trapping (Arm ARM
 * C6.2 WFE, D1.6.1); otherwise the trap controls apply. A single PE has no other source of
 * events than interrupts, so a WFE that would wait completes at once (IMPLEMENTATION DEFINED
 * events may end the wait at any time). */
DEF_HELPER_FN(wfe)
{
    CPUARMState *env = env_;

    if (env->event_register) {
        env->event_register = false;
        return 0;
    }
    wfx_trap_check(env, true);
    return 0;
}

DEF_HELPER_FN(sev)
{
    CPUARMState *env = env_;
    env->event_register = true;
    return 0;
}

DEF_HELPER_FN(yield)
{
    return 0;
}

DEF_HELPER_FN(read_nzcv)
{
    return cpsr_read_nzcv(env_);
}

DEF_HELPER_FN(write_nzcv)
{
    cpsr_write_nzcv(env_, (uint32_t)a0);
    return 0;
}

/* MSR (immediate): a0 = op1 << 3 | op2, a1 = CRm. */
DEF_HELPER_FN(msr_i_pstate)
{
    CPUARMState *env = env_;
    unsigned sel = (unsigned)a0, crm = (unsigned)a1;

    switch (sel) {
    case 0x05: /* SPSel, op1=0 op2=5 */
        if (env->el == 0) {
            break;
        }
        arm_sp_save(env);
        env->pstate = (env->pstate & ~PSTATE_SP) | (crm & 1);
        arm_sp_restore(env);
        arm_rebuild_hflags(env);
        return 0;
    case 0x1e: /* DAIFSet, op1=3 op2=6 */
    case 0x1f: /* DAIFClr, op1=3 op2=7 */
        if (env->el == 0 && !(env->sctlr_el[1] & (1ull << 9))) {
            raise_exception(env, EXCP_UDEF, syn_aa64_sysregtrap(0, 3, sel & 7, 4, crm, 31, 0),
                            exception_target_el(env));
        }
        if (sel == 0x1e) {
            env->pstate |= (crm & 0xf) << 6;
        } else {
            env->pstate &= ~((crm & 0xf) << 6);
        }
        if (crm & 8) {
            arm_rebuild_hflags(env);    /* PSTATE.D masks debug exceptions (HF_SS_ACTIVE, ...) */
        }
        return 0;
    case 0x04: /* PAN, op1=0 op2=4 */
        if (env->el == 0 || !isar_aa64_pan(&env->features)) {
            break;
        }
        env->pstate = (env->pstate & ~PSTATE_PAN) | ((crm & 1) ? PSTATE_PAN : 0);
        arm_rebuild_hflags(env);
        return 0;
    case 0x03: /* UAO, op1=0 op2=3 */
        if (env->el == 0 || !isar_aa64_uao(&env->features)) {
            break;
        }
        env->pstate = (env->pstate & ~PSTATE_UAO) | ((crm & 1) ? PSTATE_UAO : 0);
        arm_rebuild_hflags(env);
        return 0;
    case 0x1a: /* DIT, op1=3 op2=2 */
        if (!isar_aa64_dit(&env->features)) {
            break;
        }
        env->pstate = (env->pstate & ~PSTATE_DIT) | ((crm & 1) ? PSTATE_DIT : 0);
        return 0;
    case 0x19: /* SSBS, op1=3 op2=1 */
        if (((env->features.id_aa64pfr1 >> 4) & 0xf) < 2) {
            break;
        }
        env->pstate = (env->pstate & ~PSTATE_SSBS) | ((crm & 1) ? PSTATE_SSBS : 0);
        return 0;
    default:
        break;
    }
    qemu_log_mask(LOG_UNIMP, "MSR (immediate) op1:op2=0x%x is UNDEFINED here\n", sel);
    raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
}

/* a0 = encoding | Rt << 16 */
DEF_HELPER_FN(mrs)
{
    return sysreg_read(env_, (uint32_t)a0 & 0xffff, (int)(a0 >> 16) & 31);
}

DEF_HELPER_FN(msr)
{
    sysreg_write(env_, (uint32_t)a0 & 0xffff, (int)(a0 >> 16) & 31, a1);
    return 0;
}

DEF_HELPER_FN(sys)
{
    sysinsn_exec(env_, (uint32_t)a0 & 0xffff, (int)(a0 >> 16) & 31, a1);
    return 0;
}

DEF_HELPER_FN(sysl)
{
    CPUARMState *env = env_;
    qemu_log_mask(LOG_UNIMP, "SYSL encoding 0x%x is not implemented\n", (unsigned)(a0 & 0xffff));
    raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
}

DEF_HELPER_FN(semihosting)
{
    CPUARMState *env = env_;
    cpu_restore_state(env);
    semihosting_call(env);
    return 0;
}

DEF_HELPER_FN(brk)
{
    CPUARMState *env = env_;
    raise_exception(env, EXCP_BKPT, syn_aa64_bkpt((uint32_t)a0), exception_target_el(env));
}

/* HLT without semihosting: halting debug is not enabled, so it is UNDEFINED. */
DEF_HELPER_FN(hlt)
{
    CPUARMState *env = env_;
    raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
}

DEF_HELPER_FN(check_sp_alignment)
{
    CPUARMState *env = env_;
    if (a0 & 0xf) {
        raise_exception(env, EXCP_UDEF, syn_spalignment(), exception_target_el(env));
    }
    return 0;
}

DEF_HELPER_FN(pc_alignment_fault)
{
    CPUARMState *env = env_;
    cpu_restore_state(env);
    env->exception.vaddress = a0;
    env->exception.far_valid = true;
    env->exception.kind = EXCP_UDEF;
    env->exception.syndrome = syn_pcalignment();
    env->exception.target_el = exception_target_el(env);
    siglongjmp(env->jmp_env, 1);
}

DEF_HELPER_FN(debug_breakpoint)
{
    CPUARMState *env = env_;
    cpu_restore_state(env);
    env->exception.kind = EXCP_DEBUG;
    siglongjmp(env->jmp_env, 1);
}

/* FEAT_FlagM CFINV and FEAT_FlagM2 AXFLAG/XAFLAG (Arm ARM C6.2 pseudocode of each). */
DEF_HELPER_FN(flagm)
{
    CPUARMState *env = env_;
    uint32_t f = cpsr_read_nzcv(env);
    bool n = f & PSTATE_N, z = f & PSTATE_Z, c = f & PSTATE_C, v = f & PSTATE_V;

    switch (a0) {
    case 0:     /* CFINV */
        c = !c;
        break;
    case 1: {   /* AXFLAG: Arm to external format */
        bool z2 = z || v, c2 = c && !v;
        n = false;
        z = z2;
        c = c2;
        v = false;
        break;
    }
    default: {  /* XAFLAG: external to Arm format */
        bool n2 = !c && !z, z2 = z && c, c2 = c || z, v2 = !c && z;
        n = n2;
        z = z2;
        c = c2;
        v = v2;
        break;
    }
    }
    cpsr_write_nzcv(env, (n ? PSTATE_N : 0) | (z ? PSTATE_Z : 0) | (c ? PSTATE_C : 0) |
                         (v ? PSTATE_V : 0));
    return 0;
}
