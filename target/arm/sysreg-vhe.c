/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-vhe.c: FEAT_VHE register access: with HCR_EL2.E2H == 1, EL2 accesses to the EL1
 * register encodings are redirected to the EL2 registers, and the *_EL12 (and *_EL02 timer)
 * encodings reach the EL1 registers from EL2 and EL3 (Arm ARM D8.x "Virtualization Host
 * Extensions", and the accessibility pseudocode of each *_EL12 register). The *_EL02 timer
 * aliases live with the other timer registers in sysreg-timer.c. */
#include <stdio.h>
#include "cpu.h"
#include "cpu-features.h"
#include "sysreg.h"

#define HCR_E2H (1ull << 34)

/* EL1 encoding -> EL2 encoding, for redirection at EL2 with E2H. */
static const struct { uint32_t el1, el2; } redirects[] = {
    { SR_ENC(3, 0, 1, 0, 0), SR_ENC(3, 4, 1, 0, 0) },    /* SCTLR */
    { SR_ENC(3, 0, 1, 0, 2), SR_ENC(3, 4, 1, 1, 2) },    /* CPACR -> CPTR_EL2 */
    { SR_ENC(3, 0, 2, 0, 0), SR_ENC(3, 4, 2, 0, 0) },    /* TTBR0 */
    { SR_ENC(3, 0, 2, 0, 1), SR_ENC(3, 4, 2, 0, 1) },    /* TTBR1 */
    { SR_ENC(3, 0, 2, 0, 2), SR_ENC(3, 4, 2, 0, 2) },    /* TCR */
    { SR_ENC(3, 0, 5, 1, 0), SR_ENC(3, 4, 5, 1, 0) },    /* AFSR0 */
    { SR_ENC(3, 0, 5, 1, 1), SR_ENC(3, 4, 5, 1, 1) },    /* AFSR1 */
    { SR_ENC(3, 0, 5, 2, 0), SR_ENC(3, 4, 5, 2, 0) },    /* ESR */
    { SR_ENC(3, 0, 6, 0, 0), SR_ENC(3, 4, 6, 0, 0) },    /* FAR */
    { SR_ENC(3, 0, 10, 2, 0), SR_ENC(3, 4, 10, 2, 0) },  /* MAIR */
    { SR_ENC(3, 0, 10, 3, 0), SR_ENC(3, 4, 10, 3, 0) },  /* AMAIR */
    { SR_ENC(3, 0, 12, 0, 0), SR_ENC(3, 4, 12, 0, 0) },  /* VBAR */
    { SR_ENC(3, 0, 13, 0, 1), SR_ENC(3, 4, 13, 0, 1) },  /* CONTEXTIDR */
    { SR_ENC(3, 0, 14, 1, 0), SR_ENC(3, 4, 14, 1, 0) },  /* CNTKCTL -> CNTHCTL_EL2 */
    { SR_ENC(3, 0, 4, 0, 0), SR_ENC(3, 4, 4, 0, 0) },    /* SPSR */
    { SR_ENC(3, 0, 4, 0, 1), SR_ENC(3, 4, 4, 0, 1) },    /* ELR */
};

static bool e2h_active(const CPUARMState *env)
{
    return isar_aa64_vh(&env->features) && env->features.has_el2 && (env->hcr_el2 & HCR_E2H);
}

uint32_t sysreg_vhe_redirect(const CPUARMState *env, uint32_t enc)
{
    if (env->el == 2 && e2h_active(env)) {
        for (size_t i = 0; i < sizeof(redirects) / sizeof(redirects[0]); i++) {
            if (redirects[i].el1 == enc) {
                return redirects[i].el2;
            }
        }
    }
    return enc;
}

/* *_EL12 / *_EL02: UNDEFINED unless at EL2 with E2H == 1, or at EL3 with E2H == 1. */
SysregAccess sysreg_el12_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el < 2 || !e2h_active(env)) {
        return SR_ACCESS_UNDEF;
    }
    return SR_ACCESS_OK;
}

#define NAMES 16
static ArmSysReg el12_regs[NAMES];
static char el12_names[NAMES][24];

/* Build the *_EL12 aliases from the EL1 registers' own entries (same storage and behaviour),
 * so the two can never disagree. Called after the EL1 table is registered. */
void sysreg_init_vhe(void)
{
    int n = 0;

    for (size_t i = 0; i < sizeof(redirects) / sizeof(redirects[0]) && n < NAMES; i++) {
        const ArmSysReg *base = sysreg_lookup(redirects[i].el1);
        if (!base) {
            continue;
        }
        ArmSysReg r = *base;
        const char *suffix = "_EL1";
        size_t len = 0;
        while (base->name[len] && !(base->name[len] == '_' && base->name[len + 1] == 'E' &&
                                    base->name[len + 2] == 'L' && base->name[len + 3] == '1')) {
            len++;
        }
        (void)suffix;
        snprintf(el12_names[n], sizeof(el12_names[n]), "%.*s_EL12", (int)len, base->name);
        r.name = el12_names[n];
        r.enc = (base->enc & ~(7u << 11)) | (5u << 11);
        r.access = SR_EL2_RW;
        r.flags = base->flags | SR_NEEDS_EL2;
        r.accessfn = sysreg_el12_access;
        el12_regs[n++] = r;
    }
    sysreg_register(el12_regs, (size_t)n);
}
