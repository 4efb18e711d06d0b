/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-id.c: identification registers. Values come from the CPU model (cpu-models.c); the
 * unallocated ID space (op0=3, op1=0, CRn=0, CRm=1..7) reads as zero (Arm ARM D23.1.3);
 * HCR_EL2.TID3/TID1 trap EL1 reads to EL2. */
#include <stddef.h>
#include "cpu.h"
#include "sysreg.h"

#define HCR_TID1 (1ull << 15)
#define HCR_TID3 (1ull << 18)

static SysregAccess tid3_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 1 && arm_el2_enabled(env) && (env->hcr_el2 & HCR_TID3)) {
        return SR_ACCESS_TRAP_EL2;
    }
    return SR_ACCESS_OK;
}

static SysregAccess tid1_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 1 && arm_el2_enabled(env) && (env->hcr_el2 & HCR_TID1)) {
        return SR_ACCESS_TRAP_EL2;
    }
    return SR_ACCESS_OK;
}

#define F(field) offsetof(CPUARMState, features.field)

static uint64_t feature_read(CPUARMState *env, const ArmSysReg *r)
{
    return *(const uint64_t *)((const char *)env + r->resetvalue);
}

/* MIDR_EL1 and MPIDR_EL1 read as VPIDR_EL2/VMPIDR_EL2 from EL1 when EL2 is enabled. */
static uint64_t midr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->el == 1 && arm_el2_enabled(env) ? env->vpidr_el2 : env->features.midr;
}

static uint64_t mpidr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->el == 1 && arm_el2_enabled(env) ? env->vmpidr_el2 : env->features.mpidr;
}

/* CTR_EL0/DCZID_EL0 at EL0 depend on SCTLR_EL1.UCT / DZE. */
static SysregAccess ctr_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 0 && !(env->sctlr_el[1] & (1ull << 15))) {
        return SR_ACCESS_TRAP_EL1;
    }
    return SR_ACCESS_OK;
}

static uint64_t dczid_read(CPUARMState *env, const ArmSysReg *r)
{
    uint64_t v = env->features.dczid;
    /* DZP: DC ZVA prohibited at EL0 unless SCTLR_EL1.DZE */
    if (env->el == 0 && !(env->sctlr_el[1] & (1ull << 14))) {
        v |= 1u << 4;
    }
    return v;
}

#define IDREG(name, crm, op2, field) \
    { name, SR_ENC(3, 0, 0, crm, op2), SR_EL1_RO, 0, 0, F(field), 0, feature_read, NULL, tid3_access }

static const ArmSysReg id_regs[] = {
    { "MIDR_EL1", SR_ENC(3, 0, 0, 0, 0), SR_EL1_RO, 0, 0, 0, 0, midr_read },
    { "MPIDR_EL1", SR_ENC(3, 0, 0, 0, 5), SR_EL1_RO, 0, 0, 0, 0, mpidr_read },
    { "REVIDR_EL1", SR_ENC(3, 0, 0, 0, 6), SR_EL1_RO, 0, 0, F(revidr), 0, feature_read, NULL,
      tid1_access },
    IDREG("ID_PFR0_EL1", 1, 0, id_pfr0), IDREG("ID_PFR1_EL1", 1, 1, id_pfr1),
    IDREG("ID_DFR0_EL1", 1, 2, id_dfr0), IDREG("ID_AFR0_EL1", 1, 3, id_pfr0),
    IDREG("ID_MMFR0_EL1", 1, 4, id_mmfr0), IDREG("ID_MMFR1_EL1", 1, 5, id_mmfr1),
    IDREG("ID_MMFR2_EL1", 1, 6, id_mmfr2), IDREG("ID_MMFR3_EL1", 1, 7, id_mmfr3),
    IDREG("ID_ISAR0_EL1", 2, 0, id_isar0), IDREG("ID_ISAR1_EL1", 2, 1, id_isar1),
    IDREG("ID_ISAR2_EL1", 2, 2, id_isar2), IDREG("ID_ISAR3_EL1", 2, 3, id_isar3),
    IDREG("ID_ISAR4_EL1", 2, 4, id_isar4), IDREG("ID_ISAR5_EL1", 2, 5, id_isar5),
    IDREG("ID_MMFR4_EL1", 2, 6, id_mmfr4), IDREG("ID_ISAR6_EL1", 2, 7, id_isar6),
    IDREG("MVFR0_EL1", 3, 0, mvfr0), IDREG("MVFR1_EL1", 3, 1, mvfr1), IDREG("MVFR2_EL1", 3, 2, mvfr2),
    IDREG("ID_AA64PFR0_EL1", 4, 0, id_aa64pfr0), IDREG("ID_AA64PFR1_EL1", 4, 1, id_aa64pfr1),
    IDREG("ID_AA64ZFR0_EL1", 4, 4, id_aa64zfr0), IDREG("ID_AA64SMFR0_EL1", 4, 5, id_aa64smfr0),
    IDREG("ID_AA64DFR0_EL1", 5, 0, id_aa64dfr0), IDREG("ID_AA64DFR1_EL1", 5, 1, id_aa64dfr1),
    IDREG("ID_AA64AFR0_EL1", 5, 4, id_aa64afr0), IDREG("ID_AA64AFR1_EL1", 5, 5, id_aa64afr1),
    IDREG("ID_AA64ISAR0_EL1", 6, 0, id_aa64isar0), IDREG("ID_AA64ISAR1_EL1", 6, 1, id_aa64isar1),
    IDREG("ID_AA64ISAR2_EL1", 6, 2, id_aa64isar2),
    IDREG("ID_AA64MMFR0_EL1", 7, 0, id_aa64mmfr0), IDREG("ID_AA64MMFR1_EL1", 7, 1, id_aa64mmfr1),
    IDREG("ID_AA64MMFR2_EL1", 7, 2, id_aa64mmfr2),
    { "CTR_EL0", SR_ENC(3, 3, 0, 0, 1), SR_EL0_RO, 0, 0, F(ctr), 0, feature_read, NULL, ctr_access },
    { "DCZID_EL0", SR_ENC(3, 3, 0, 0, 7), SR_EL0_RO, 0, 0, 0, 0, dczid_read },
    { "AIDR_EL1", SR_ENC(3, 1, 0, 0, 7), SR_EL1_RO, SR_CONST, 0, 0, 0, NULL, NULL, tid1_access },
};

/* Reserved encodings of the ID space read as zero (op0=3, op1=0, CRn=0, CRm=1..7). */
static ArmSysReg raz_regs[7 * 8];

void sysreg_init_id(void)
{
    int n = 0;

    sysreg_register(id_regs, sizeof(id_regs) / sizeof(id_regs[0]));
    for (int crm = 1; crm <= 7; crm++) {
        for (int op2 = 0; op2 < 8; op2++) {
            uint32_t enc = SR_ENC(3, 0, 0, crm, op2);
            bool named = false;
            for (size_t i = 0; i < sizeof(id_regs) / sizeof(id_regs[0]); i++) {
                named |= id_regs[i].enc == enc;
            }
            if (!named) {
                raz_regs[n] = (ArmSysReg){ "ID_RESERVED", enc, SR_EL1_RO, SR_RAZ, 0, 0, 0, NULL,
                                           NULL, tid3_access };
                n++;
            }
        }
    }
    sysreg_register(raz_regs, n);
}
