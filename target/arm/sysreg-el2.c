/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-el2.c: EL2 system registers (non-VHE layout; E2H only selects the EL2&0 regime). */
#include "exec/cputlb.h"
#include "cpu.h"
#include "cpu-features.h"
#include "sysreg.h"

/* HCR_EL2.RW is RAO/WI: EL1 cannot be AArch32 here. VI, VF and VSE (bits 7, 6, 8) are the
 * virtual IRQ, FIQ and SError lines: they pend the virtual interrupt while set. */
static void hcr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->hcr_el2 = v | (1ull << 31);
    arm_update_virtual_lines(env);
    arm_set_irq_line(env, CPU_INTERRUPT_VSERROR, (v >> 8) & 1);
}

static void cptr_el2_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    /* With E2H == 0, bits [13:12], [9:0] and 8 are RES1 (Arm ARM D23.2.32) */
    env->cptr_el[2] = (env->hcr_el2 & (1ull << 34)) ? v : (v | 0x33ffull);
}

/* VSTTBR_EL2, VSTCR_EL2 (FEAT_SEL2): UNDEFINED without FEAT_SEL2, at EL0/EL1 (no FEAT_NV), at
 * EL2 outside Secure state, and at EL3 when SCR_EL3.EEL2 == 0 (their accessibility pseudocode). */
static SysregAccess vst_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (!isar_aa64_sel2(&env->features) || env->el < 2 ||
        (env->el == 2 && arm_current_space(env) != ARMSS_SECURE) ||
        (env->el == 3 && !((env->scr_el3 >> 18) & 1))) {
        return SR_ACCESS_UNDEF;
    }
    return SR_ACCESS_OK;
}

/* VSTCR_EL2: bit 31 RES1; SA (30), SW (29), TG0 (15:14), SL0 (7:6), T0SZ (5:0). */
static void vstcr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->vstcr_el2 = (v & 0x6000c0ffull) | (1ull << 31);
}

/* VPIDR_EL2 and VMPIDR_EL2 "Configuration": if EL2 is not implemented, reads return MIDR_EL1 /
 * MPIDR_EL1 and writes are ignored (not RES0 like the other EL2 registers). */
static uint64_t vpidr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->features.has_el2 ? env->vpidr_el2 : env->features.midr;
}

static uint64_t vmpidr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->features.has_el2 ? env->vmpidr_el2 : env->features.mpidr;
}

static const ArmSysReg el2_regs[] = {
    { "VPIDR_EL2", SR_ENC(3, 4, 0, 0, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_NOEL2_READFN,
      SR_FIELD(vpidr_el2), 0, 0, vpidr_read },
    { "VMPIDR_EL2", SR_ENC(3, 4, 0, 0, 5), SR_EL2_RW, SR_NEEDS_EL2 | SR_NOEL2_READFN,
      SR_FIELD(vmpidr_el2), 0, 0, vmpidr_read },
    { "SCTLR_EL2", SR_ENC(3, 4, 1, 0, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_REBUILD_HFLAGS | SR_FLUSH_TLB,
      SR_FIELD(sctlr_el[2]), 0x30c50830ull, 0, NULL, sysreg_sctlr_write },
    { "ACTLR_EL2", SR_ENC(3, 4, 1, 0, 1), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(actlr_el[2]) },
    { "HCR_EL2", SR_ENC(3, 4, 1, 1, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_REBUILD_HFLAGS | SR_FLUSH_TLB,
      SR_FIELD(hcr_el2), 1ull << 31, 0, NULL, hcr_write },
    { "MDCR_EL2", SR_ENC(3, 4, 1, 1, 1), SR_EL2_RW, SR_NEEDS_EL2 | SR_REBUILD_HFLAGS,
      SR_FIELD(mdcr_el2) },   /* TDE: debug exceptions to EL2 (debug.c) */
    { "CPTR_EL2", SR_ENC(3, 4, 1, 1, 2), SR_EL2_RW, SR_NEEDS_EL2 | SR_REBUILD_HFLAGS,
      SR_FIELD(cptr_el[2]), 0x33ffull, 0, NULL, cptr_el2_write },
    { "HSTR_EL2", SR_ENC(3, 4, 1, 1, 3), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(hstr_el2) },
    { "HACR_EL2", SR_ENC(3, 4, 1, 1, 7), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(hacr_el2) },
    { "TTBR0_EL2", SR_ENC(3, 4, 2, 0, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB, SR_FIELD(ttbr0_el[2]) },
    { "TTBR1_EL2", SR_ENC(3, 4, 2, 0, 1), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB, SR_FIELD(ttbr1_el[2]) },
    { "TCR_EL2", SR_ENC(3, 4, 2, 0, 2), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB | SR_REBUILD_HFLAGS,
      SR_FIELD(tcr_el[2]) },
    { "VTTBR_EL2", SR_ENC(3, 4, 2, 1, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB, SR_FIELD(vttbr_el2) },
    { "VTCR_EL2", SR_ENC(3, 4, 2, 1, 2), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB, SR_FIELD(vtcr_el2) },
    { "VSTTBR_EL2", SR_ENC(3, 4, 2, 6, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB,
      SR_FIELD(vsttbr_el2), 0, 0x0000fffffffffffeull, NULL, NULL, vst_access },
    { "VSTCR_EL2", SR_ENC(3, 4, 2, 6, 2), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB,
      SR_FIELD(vstcr_el2), 1ull << 31, 0, NULL, vstcr_write, vst_access },
    { "AFSR0_EL2", SR_ENC(3, 4, 5, 1, 0), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(afsr0_el[2]) },
    { "AFSR1_EL2", SR_ENC(3, 4, 5, 1, 1), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(afsr1_el[2]) },
    { "ESR_EL2", SR_ENC(3, 4, 5, 2, 0), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(esr_el[2]) },
    { "FAR_EL2", SR_ENC(3, 4, 6, 0, 0), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(far_el[2]) },
    { "HPFAR_EL2", SR_ENC(3, 4, 6, 0, 4), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(hpfar_el2) },
    { "MAIR_EL2", SR_ENC(3, 4, 10, 2, 0), SR_EL2_RW, SR_NEEDS_EL2 | SR_FLUSH_TLB, SR_FIELD(mair_el[2]) },
    { "AMAIR_EL2", SR_ENC(3, 4, 10, 3, 0), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(amair_el[2]) },
    { "VBAR_EL2", SR_ENC(3, 4, 12, 0, 0), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(vbar_el[2]), 0,
      ~0x7ffull },
    { "CONTEXTIDR_EL2", SR_ENC(3, 4, 13, 0, 1), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(contextidr_el[2]) },
    { "VDISR_EL2", SR_ENC(3, 4, 12, 1, 1), SR_EL2_RW, SR_NEEDS_EL2 | SR_RAZ },
};

void sysreg_init_el2(void)
{
    sysreg_register(el2_regs, sizeof(el2_regs) / sizeof(el2_regs[0]));
}
