/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-pauth.c: FEAT_PAuth key registers AP{IA,IB,DA,DB,GA}Key{Lo,Hi}_EL1 (Arm ARM D23.2
 * APIAKeyLo_EL1 and siblings). UNDEFINED at EL0 and without FEAT_PAuth; from EL1, trapped to EL2
 * by HCR_EL2.APK == 0 and to EL3 by SCR_EL3.APK == 0 (EC 0x18). */
#include "cpu.h"
#include "pauth.h"
#include "sysreg.h"

#define HCR_APK (1ull << 40)
#define SCR_APK (1ull << 16)

/* The accessibility pseudocode of APIAKeyLo_EL1 (all ten registers share it). */
static SysregAccess pauth_key_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (!isar_aa64_pauth(&env->features) || env->el == 0) {
        return SR_ACCESS_UNDEF;
    }
    if (env->el == 1 && arm_el2_enabled(env) && !(env->hcr_el2 & HCR_APK)) {
        return SR_ACCESS_TRAP_EL2;
    }
    if (env->el < 3 && env->features.has_el3 && !(env->scr_el3 & SCR_APK)) {
        return SR_ACCESS_TRAP_EL3;
    }
    return SR_ACCESS_OK;
}

#define KEY(name, crm, op2, k, hi) \
    { name, SR_ENC(3, 0, 2, crm, op2), SR_EL1_RW, 0, SR_FIELD(apkey[k][hi]), 0, 0, NULL, NULL, \
      pauth_key_access }

static const ArmSysReg pauth_regs[] = {
    KEY("APIAKeyLo_EL1", 1, 0, PAUTH_KEY_IA, 0),
    KEY("APIAKeyHi_EL1", 1, 1, PAUTH_KEY_IA, 1),
    KEY("APIBKeyLo_EL1", 1, 2, PAUTH_KEY_IB, 0),
    KEY("APIBKeyHi_EL1", 1, 3, PAUTH_KEY_IB, 1),
    KEY("APDAKeyLo_EL1", 2, 0, PAUTH_KEY_DA, 0),
    KEY("APDAKeyHi_EL1", 2, 1, PAUTH_KEY_DA, 1),
    KEY("APDBKeyLo_EL1", 2, 2, PAUTH_KEY_DB, 0),
    KEY("APDBKeyHi_EL1", 2, 3, PAUTH_KEY_DB, 1),
    KEY("APGAKeyLo_EL1", 3, 0, PAUTH_KEY_GA, 0),
    KEY("APGAKeyHi_EL1", 3, 1, PAUTH_KEY_GA, 1),
};

void sysreg_init_pauth(void)
{
    sysreg_register(pauth_regs, sizeof(pauth_regs) / sizeof(pauth_regs[0]));
}
