/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-el1.c: EL1 system registers with their EL2/EL3 trap controls (HCR_EL2.{TVM,TRVM,TACR,
 * TID1,TID2}, CPTR_EL2/EL3.TCPAC) and the EL0 cache-type controls. */
#include "exec/cputlb.h"
#include "cpu.h"
#include "debug.h"
#include "sysreg.h"

#define HCR_TACR (1ull << 21)
#define HCR_TID1 (1ull << 15)
#define HCR_TID2 (1ull << 17)
#define HCR_TVM  (1ull << 26)
#define HCR_TRVM (1ull << 30)

static bool el2_traps_el1(CPUARMState *env)
{
    return env->el == 1 && arm_el2_enabled(env);
}

/* Virtual-memory control registers: HCR_EL2.TVM traps writes, TRVM reads (Arm ARM D13.2). */
static SysregAccess vm_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (el2_traps_el1(env) && (env->hcr_el2 & (isread ? HCR_TRVM : HCR_TVM))) {
        return SR_ACCESS_TRAP_EL2;
    }
    return SR_ACCESS_OK;
}

static SysregAccess actlr_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (el2_traps_el1(env) && (env->hcr_el2 & HCR_TACR)) {
        return SR_ACCESS_TRAP_EL2;
    }
    return SR_ACCESS_OK;
}

/* CPACR_EL1: CPTR_EL2.TCPAC (bit 31) traps EL1 accesses to EL2, CPTR_EL3.TCPAC to EL3. */
static SysregAccess cpacr_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 1 && arm_el2_enabled(env) && (env->cptr_el[2] & (1ull << 31))) {
        return SR_ACCESS_TRAP_EL2;
    }
    if (env->el <= 2 && env->features.has_el3 && (env->cptr_el[3] & (1ull << 31))) {
        return SR_ACCESS_TRAP_EL3;
    }
    return SR_ACCESS_OK;
}

/* FEAT_LOR registers: SCR_EL3.TLOR traps to EL3, HCR_EL2.TLOR to EL2; with LORID_EL1 reporting
 * no LORegions and no descriptors the others are RES0 (reads 0, writes ignored). */
static SysregAccess lor_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (((env->features.id_aa64mmfr1 >> 16) & 0xf) == 0) {
        return SR_ACCESS_UNDEF;
    }
    if (env->el == 1 && arm_el2_enabled(env) && (env->hcr_el2 & (1ull << 35))) {
        return SR_ACCESS_TRAP_EL2;
    }
    if (env->el <= 2 && env->features.has_el3 && (env->scr_el3 & (1ull << 14))) {
        return SR_ACCESS_TRAP_EL3;
    }
    return SR_ACCESS_OK;
}

static SysregAccess cache_id_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (el2_traps_el1(env) && (env->hcr_el2 & HCR_TID2)) {
        return SR_ACCESS_TRAP_EL2;
    }
    return SR_ACCESS_OK;
}

static uint64_t ccsidr_read(CPUARMState *env, const ArmSysReg *r)
{
    /* 64-byte lines for every level and type; geometry as a Cortex-A57 L1D/L1I/L2. */
    switch (env->csselr_el1 & 0xf) {
    case 0: return 0x701fe01aull;   /* L1 D: 32 KiB, 2-way */
    case 1: return 0x201fe01aull;   /* L1 I: 48 KiB */
    case 2: return 0x707fe03aull;   /* L2 unified */
    default: return 0;
    }
}

/* ISR_EL1: pending physical/virtual IRQ, FIQ and SError (bits 7, 6, 8). */
static uint64_t isr_read(CPUARMState *env, const ArmSysReg *r)
{
    uint64_t v = 0;
    bool virt = env->el <= 1 && arm_el2_enabled(env) && !(env->hcr_el2 & (1ull << 27));

    if (virt && (env->hcr_el2 & (1ull << 4))) {
        v |= (env->interrupt_request & CPU_INTERRUPT_VIRQ) ? 0x80 : 0;
    } else {
        v |= (env->interrupt_request & CPU_INTERRUPT_IRQ) ? 0x80 : 0;
    }
    if (virt && (env->hcr_el2 & (1ull << 3))) {
        v |= (env->interrupt_request & CPU_INTERRUPT_VFIQ) ? 0x40 : 0;
    } else {
        v |= (env->interrupt_request & CPU_INTERRUPT_FIQ) ? 0x40 : 0;
    }
    return v;
}

static uint64_t clidr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->features.clidr;
}

static const ArmSysReg el1_regs[] = {
    { "SCTLR_EL1", SR_ENC(3, 0, 1, 0, 0), SR_EL1_RW, SR_REBUILD_HFLAGS | SR_FLUSH_TLB,
      SR_FIELD(sctlr_el[1]), 0x30d00800ull, 0, NULL, sysreg_sctlr_write, vm_access },
    { "ACTLR_EL1", SR_ENC(3, 0, 1, 0, 1), SR_EL1_RW, 0, SR_FIELD(actlr_el[1]), 0, 0, NULL, NULL,
      actlr_access },
    { "CPACR_EL1", SR_ENC(3, 0, 1, 0, 2), SR_EL1_RW, SR_REBUILD_HFLAGS, SR_FIELD(cpacr_el1), 0,
      0x3ull << 20, NULL, NULL, cpacr_access },
    { "TTBR0_EL1", SR_ENC(3, 0, 2, 0, 0), SR_EL1_RW, SR_FLUSH_TLB, SR_FIELD(ttbr0_el[1]), 0, 0,
      NULL, NULL, vm_access },
    { "TTBR1_EL1", SR_ENC(3, 0, 2, 0, 1), SR_EL1_RW, SR_FLUSH_TLB, SR_FIELD(ttbr1_el[1]), 0, 0,
      NULL, NULL, vm_access },
    { "TCR_EL1", SR_ENC(3, 0, 2, 0, 2), SR_EL1_RW, SR_FLUSH_TLB | SR_REBUILD_HFLAGS,
      SR_FIELD(tcr_el[1]), 0, 0, NULL, NULL, vm_access },
    { "AFSR0_EL1", SR_ENC(3, 0, 5, 1, 0), SR_EL1_RW, 0, SR_FIELD(afsr0_el[1]), 0, 0, NULL, NULL,
      vm_access },
    { "AFSR1_EL1", SR_ENC(3, 0, 5, 1, 1), SR_EL1_RW, 0, SR_FIELD(afsr1_el[1]), 0, 0, NULL, NULL,
      vm_access },
    { "ESR_EL1", SR_ENC(3, 0, 5, 2, 0), SR_EL1_RW, 0, SR_FIELD(esr_el[1]), 0, 0, NULL, NULL,
      vm_access },
    { "FAR_EL1", SR_ENC(3, 0, 6, 0, 0), SR_EL1_RW, 0, SR_FIELD(far_el[1]), 0, 0, NULL, NULL,
      vm_access },
    { "PAR_EL1", SR_ENC(3, 0, 7, 4, 0), SR_EL1_RW, 0, SR_FIELD(par_el1) },
    { "MAIR_EL1", SR_ENC(3, 0, 10, 2, 0), SR_EL1_RW, SR_FLUSH_TLB, SR_FIELD(mair_el[1]), 0, 0,
      NULL, NULL, vm_access },
    { "AMAIR_EL1", SR_ENC(3, 0, 10, 3, 0), SR_EL1_RW, 0, SR_FIELD(amair_el[1]), 0, 0, NULL, NULL,
      vm_access },
    { "VBAR_EL1", SR_ENC(3, 0, 12, 0, 0), SR_EL1_RW, 0, SR_FIELD(vbar_el[1]), 0,
      ~0x7ffull },
    { "ISR_EL1", SR_ENC(3, 0, 12, 1, 0), SR_EL1_RO, SR_IO, 0, 0, 0, isr_read },
    { "CONTEXTIDR_EL1", SR_ENC(3, 0, 13, 0, 1), SR_EL1_RW, 0, SR_FIELD(contextidr_el[1]), 0,
      0xffffffffull, NULL, NULL, vm_access },
    { "CSSELR_EL1", SR_ENC(3, 2, 0, 0, 0), SR_EL1_RW, 0, SR_FIELD(csselr_el1), 0, 0xf, NULL, NULL,
      cache_id_access },
    { "CCSIDR_EL1", SR_ENC(3, 1, 0, 0, 0), SR_EL1_RO, 0, 0, 0, 0, ccsidr_read, NULL,
      cache_id_access },
    { "CLIDR_EL1", SR_ENC(3, 1, 0, 0, 1), SR_EL1_RO, 0, 0, 0, 0, clidr_read, NULL, cache_id_access },
    { "LORSA_EL1", SR_ENC(3, 0, 10, 4, 0), SR_EL1_RW, SR_RAZ, 0, 0, 0, NULL, NULL, lor_access },
    { "LOREA_EL1", SR_ENC(3, 0, 10, 4, 1), SR_EL1_RW, SR_RAZ, 0, 0, 0, NULL, NULL, lor_access },
    { "LORN_EL1", SR_ENC(3, 0, 10, 4, 2), SR_EL1_RW, SR_RAZ, 0, 0, 0, NULL, NULL, lor_access },
    { "LORC_EL1", SR_ENC(3, 0, 10, 4, 3), SR_EL1_RW, SR_RAZ, 0, 0, 0, NULL, NULL, lor_access },
    { "LORID_EL1", SR_ENC(3, 0, 10, 4, 7), SR_EL1_RO, SR_RAZ, 0, 0, 0, NULL, NULL, lor_access },
};

void sysreg_init_el1(void)
{
    sysreg_register(el1_regs, sizeof(el1_regs) / sizeof(el1_regs[0]));
    sysreg_init_debug();     /* debug.c: MDSCR_EL1, the OS Lock, breakpoints, watchpoints */
}
