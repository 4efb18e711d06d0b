/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-el3.c: EL3 system registers. SCR_EL3 decides the security state of the lower ELs. */
#include "exec/cputlb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "cpu-features.h"
#include "pauth.h"
#include "sysreg.h"

/* SCR_EL3: RES1 bits [5:4]; RW (bit 10) RAO/WI because lower ELs are AArch64-only; EEL2 only
 * with FEAT_SEL2; APK/API (bits 16, 17) only with FEAT_PAuth; GPF (bit 48) and NSE (bit 62) only
 * with FEAT_RME. */
static void scr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    uint64_t valid = 0x1ull | 0x2 | 0x4 | 0x8 | (1ull << 7) | (1ull << 8) | (1ull << 9) |
                     (1ull << 11) | (1ull << 12) | (1ull << 13);
    ArmSecuritySpace before = arm_space_for_el(env, 1);

    if (isar_aa64_sel2(&env->features)) {
        valid |= 1ull << 18;
    }
    if (env->features.has_rme) {
        valid |= (1ull << 48) | (1ull << 62);   /* RME: GPF, NSE */
    }
    if (isar_aa64_pauth(&env->features)) {
        valid |= (1ull << 16) | (1ull << 17);   /* FEAT_PAuth: APK, API */
    }
    env->scr_el3 = (v & valid) | 0x30 | (1ull << 10);
    if (arm_space_for_el(env, 1) != before) {
        qemu_log_mask(LOG_WORLD, "world: SCR_EL3 write selects %s for the lower ELs\n",
                      arm_space_name(arm_space_for_el(env, 1)));
    }
}

static void cptr_el3_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->cptr_el[3] = v & ((1ull << 31) | (1ull << 10) | (1ull << 8) | (1ull << 12));
}

static const ArmSysReg el3_regs[] = {
    { "SCTLR_EL3", SR_ENC(3, 6, 1, 0, 0), SR_EL3_RW, SR_NEEDS_EL3 | SR_REBUILD_HFLAGS | SR_FLUSH_TLB,
      SR_FIELD(sctlr_el[3]), 0x30c50830ull, 0, NULL, sysreg_sctlr_write },
    { "ACTLR_EL3", SR_ENC(3, 6, 1, 0, 1), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(actlr_el[3]) },
    { "SCR_EL3", SR_ENC(3, 6, 1, 1, 0), SR_EL3_RW, SR_NEEDS_EL3 | SR_REBUILD_HFLAGS | SR_FLUSH_TLB,
      SR_FIELD(scr_el3), 0x430, 0, NULL, scr_write },
    { "SDER32_EL3", SR_ENC(3, 6, 1, 1, 1), SR_EL3_RW, SR_NEEDS_EL3 | SR_RAZ },
    { "CPTR_EL3", SR_ENC(3, 6, 1, 1, 2), SR_EL3_RW, SR_NEEDS_EL3 | SR_REBUILD_HFLAGS,
      SR_FIELD(cptr_el[3]), 0, 0, NULL, cptr_el3_write },
    { "MDCR_EL3", SR_ENC(3, 6, 1, 3, 1), SR_EL3_RW, SR_NEEDS_EL3 | SR_REBUILD_HFLAGS,
      SR_FIELD(mdcr_el3) },   /* SDD: Secure debug exceptions (debug.c) */
    { "TTBR0_EL3", SR_ENC(3, 6, 2, 0, 0), SR_EL3_RW, SR_NEEDS_EL3 | SR_FLUSH_TLB, SR_FIELD(ttbr0_el[3]) },
    { "TCR_EL3", SR_ENC(3, 6, 2, 0, 2), SR_EL3_RW, SR_NEEDS_EL3 | SR_FLUSH_TLB | SR_REBUILD_HFLAGS,
      SR_FIELD(tcr_el[3]) },
    { "AFSR0_EL3", SR_ENC(3, 6, 5, 1, 0), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(afsr0_el[3]) },
    { "AFSR1_EL3", SR_ENC(3, 6, 5, 1, 1), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(afsr1_el[3]) },
    { "ESR_EL3", SR_ENC(3, 6, 5, 2, 0), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(esr_el[3]) },
    { "FAR_EL3", SR_ENC(3, 6, 6, 0, 0), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(far_el[3]) },
    { "MAIR_EL3", SR_ENC(3, 6, 10, 2, 0), SR_EL3_RW, SR_NEEDS_EL3 | SR_FLUSH_TLB, SR_FIELD(mair_el[3]) },
    { "AMAIR_EL3", SR_ENC(3, 6, 10, 3, 0), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(amair_el[3]) },
    { "VBAR_EL3", SR_ENC(3, 6, 12, 0, 0), SR_EL3_RW, SR_NEEDS_EL3, SR_FIELD(vbar_el[3]), 0,
      ~0x7ffull },
    { "RVBAR_EL3", SR_ENC(3, 6, 12, 0, 1), SR_EL3_RO, SR_NEEDS_EL3, SR_FIELD(rvbar_el3) },
};

void sysreg_init_el3(void)
{
    sysreg_register(el3_regs, sizeof(el3_regs) / sizeof(el3_regs[0]));
}
