/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-misc.c: PSTATE access registers (NZCV, DAIF, SPSel, CurrentEL, PAN, UAO, DIT, SSBS),
 * FPCR/FPSR, the banked ELR/SPSR/SP registers and the thread ID registers (Arm ARM C5.2). */
#include "cpu.h"
#include "cpu-features.h"
#include "hflags.h"
#include "sysreg.h"

static uint64_t nzcv_read(CPUARMState *env, const ArmSysReg *r)
{
    return cpsr_read_nzcv(env);
}

static void nzcv_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    cpsr_write_nzcv(env, (uint32_t)v);
}

/* DAIF at EL0 needs SCTLR_EL1.UMA (else trap to EL1, or EL2 with TGE). */
static SysregAccess daif_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 0 && !(env->sctlr_el[1] & (1ull << 9))) {
        return SR_ACCESS_TRAP_EL1;
    }
    return SR_ACCESS_OK;
}

static uint64_t daif_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->pstate & PSTATE_DAIF;
}

static void daif_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->pstate = (env->pstate & ~PSTATE_DAIF) | ((uint32_t)v & PSTATE_DAIF);
}

static uint64_t spsel_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->pstate & PSTATE_SP;
}

static void spsel_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    arm_sp_save(env);
    env->pstate = (env->pstate & ~PSTATE_SP) | ((uint32_t)v & 1);
    arm_sp_restore(env);
}

static uint64_t currentel_read(CPUARMState *env, const ArmSysReg *r)
{
    return (uint64_t)env->el << 2;
}

#define PSTATE_BIT_RW(fn, bit) \
    static uint64_t fn##_read(CPUARMState *env, const ArmSysReg *r) { return env->pstate & (bit); } \
    static void fn##_write(CPUARMState *env, const ArmSysReg *r, uint64_t v) \
    { env->pstate = (env->pstate & ~(bit)) | ((uint32_t)v & (bit)); }
PSTATE_BIT_RW(pan, PSTATE_PAN)
PSTATE_BIT_RW(uao, PSTATE_UAO)
PSTATE_BIT_RW(dit, PSTATE_DIT)
PSTATE_BIT_RW(ssbs, PSTATE_SSBS)

static SysregAccess pan_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return isar_aa64_pan(&env->features) ? SR_ACCESS_OK : SR_ACCESS_UNDEF;
}

static SysregAccess uao_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return isar_aa64_uao(&env->features) ? SR_ACCESS_OK : SR_ACCESS_UNDEF;
}

static SysregAccess dit_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return isar_aa64_dit(&env->features) ? SR_ACCESS_OK : SR_ACCESS_UNDEF;
}

static SysregAccess ssbs_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    /* MRS/MSR SSBS need ID_AA64PFR1_EL1.SSBS >= 2 */
    return ((env->features.id_aa64pfr1 >> 4) & 0xf) >= 2 ? SR_ACCESS_OK : SR_ACCESS_UNDEF;
}

/* FPCR/FPSR are subject to the FP/SIMD enable controls. */
static SysregAccess fp_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return HF_FIELD(env->hflags, HF_FPTRAP_SHIFT, 2) ? SR_ACCESS_TRAP_FP : SR_ACCESS_OK;
}

static uint64_t fpcr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->fpcr;
}

/* FPCR: AHP, DN, FZ, RMode, FZ16, IDE..IXE trap enables are RAZ/WI (no FP exception traps) */
static void fpcr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->fpcr = (uint32_t)v & 0x07f80000u;
}

static uint64_t fpsr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->fpsr;
}

static void fpsr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->fpsr = (uint32_t)v & 0xf800009fu;
}

/* SP_EL0 is UNDEFINED while it is the current stack pointer (PSTATE.SP == 0). */
static SysregAccess sp_el0_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return (env->pstate & PSTATE_SP) ? SR_ACCESS_OK : SR_ACCESS_UNDEF;
}

static SysregAccess tpidrro_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return SR_ACCESS_OK;
}

static const ArmSysReg misc_regs[] = {
    { "NZCV", SR_ENC(3, 3, 4, 2, 0), SR_EL0_RW, 0, 0, 0, 0, nzcv_read, nzcv_write },
    { "DAIF", SR_ENC(3, 3, 4, 2, 1), SR_EL0_RW, SR_REBUILD_HFLAGS, 0, 0, 0, daif_read, daif_write,
      daif_access },
    { "SPSel", SR_ENC(3, 0, 4, 2, 0), SR_EL1_RW, SR_REBUILD_HFLAGS, 0, 0, 0, spsel_read, spsel_write },
    { "CurrentEL", SR_ENC(3, 0, 4, 2, 2), SR_EL1_RO, 0, 0, 0, 0, currentel_read },
    { "PAN", SR_ENC(3, 0, 4, 2, 3), SR_EL1_RW, SR_REBUILD_HFLAGS, 0, 0, 0, pan_read, pan_write,
      pan_access },
    { "UAO", SR_ENC(3, 0, 4, 2, 4), SR_EL1_RW, SR_REBUILD_HFLAGS, 0, 0, 0, uao_read, uao_write,
      uao_access },
    { "DIT", SR_ENC(3, 3, 4, 2, 5), SR_EL0_RW, 0, 0, 0, 0, dit_read, dit_write, dit_access },
    { "SSBS", SR_ENC(3, 3, 4, 2, 6), SR_EL0_RW, 0, 0, 0, 0, ssbs_read, ssbs_write, ssbs_access },
    { "FPCR", SR_ENC(3, 3, 4, 4, 0), SR_EL0_RW, 0, 0, 0, 0, fpcr_read, fpcr_write, fp_access },
    { "FPSR", SR_ENC(3, 3, 4, 4, 1), SR_EL0_RW, 0, 0, 0, 0, fpsr_read, fpsr_write, fp_access },
    { "SPSR_EL1", SR_ENC(3, 0, 4, 0, 0), SR_EL1_RW, 0, SR_FIELD(spsr_el[1]) },
    { "ELR_EL1", SR_ENC(3, 0, 4, 0, 1), SR_EL1_RW, 0, SR_FIELD(elr_el[1]) },
    { "SP_EL0", SR_ENC(3, 0, 4, 1, 0), SR_EL1_RW, 0, SR_FIELD(sp_el[0]), 0, 0, NULL, NULL,
      sp_el0_access },
    { "SPSR_EL2", SR_ENC(3, 4, 4, 0, 0), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(spsr_el[2]) },
    { "ELR_EL2", SR_ENC(3, 4, 4, 0, 1), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(elr_el[2]) },
    /* SP_EL1 is accessible at EL2 and EL3 whether or not EL2 is implemented (Arm ARM C5.2,
     * SP_EL1 accessibility pseudocode: no HaveEL(EL2) condition). */
    { "SP_EL1", SR_ENC(3, 4, 4, 1, 0), SR_EL2_RW, 0, SR_FIELD(sp_el[1]) },
    { "SPSR_irq", SR_ENC(3, 4, 4, 3, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_RAZ },
    { "SPSR_abt", SR_ENC(3, 4, 4, 3, 1), SR_EL2_RW, SR_NEEDS_EL2 | SR_RAZ },
    { "SPSR_und", SR_ENC(3, 4, 4, 3, 2), SR_EL2_RW, SR_NEEDS_EL2 | SR_RAZ },
    { "SPSR_fiq", SR_ENC(3, 4, 4, 3, 3), SR_EL2_RW, SR_NEEDS_EL2 | SR_RAZ },
    { "SPSR_EL3", SR_ENC(3, 6, 4, 0, 0), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(spsr_el[3]) },
    { "ELR_EL3", SR_ENC(3, 6, 4, 0, 1), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(elr_el[3]) },
    { "SP_EL2", SR_ENC(3, 6, 4, 1, 0), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(sp_el[2]) },
    { "TPIDR_EL0", SR_ENC(3, 3, 13, 0, 2), SR_EL0_RW, 0, SR_FIELD(tpidr_el0) },
    { "TPIDRRO_EL0", SR_ENC(3, 3, 13, 0, 3), SR_EL0_R | SR_EL1_RW, 0, SR_FIELD(tpidrro_el0), 0, 0,
      NULL, NULL, tpidrro_access },
    { "TPIDR_EL1", SR_ENC(3, 0, 13, 0, 4), SR_EL1_RW, 0, SR_FIELD(tpidr_el[1]) },
    { "TPIDR_EL2", SR_ENC(3, 4, 13, 0, 2), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(tpidr_el[2]) },
    { "TPIDR_EL3", SR_ENC(3, 6, 13, 0, 2), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(tpidr_el[3]) },
};

void sysreg_init_misc(void)
{
    sysreg_register(misc_regs, sizeof(misc_regs) / sizeof(misc_regs[0]));
}
