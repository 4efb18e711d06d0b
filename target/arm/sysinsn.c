/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysinsn.c: DC, IC, AT and TLBI (Arm ARM C5.3). There is no cache model, so cache maintenance
 * has no effect beyond its trap and UNDEFINED rules; DC ZVA zeroes memory; AT and TLBI are
 * carried out by tlb-maint.c. */
#include <string.h>
#include "exec/cputlb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "cpu-features.h"
#include "ptw.h"
#include "syndrome.h"
#include "sysinsn.h"
#include "sysreg.h"

#define HCR_TPCP (1ull << 23)
#define HCR_TPU  (1ull << 24)
#define HCR_TTLB (1ull << 25)
#define HCR_TSW  (1ull << 22)
#define HCR_TGE  (1ull << 27)

typedef enum {
    SI_DC_VA,        /* DC by VA to PoC/PoU/PoP (EL0 allowed with SCTLR_EL1.UCI) */
    SI_DC_VA_EL1,    /* DC IVAC: EL1 only */
    SI_DC_SW,        /* DC by set/way: EL1 only, HCR_EL2.TSW */
    SI_DC_ZVA,
    SI_IC_ALL,       /* IC IALLU/IALLUIS: EL1 */
    SI_IC_VA,        /* IC IVAU: EL0 with UCI */
    SI_TLBI_EL1,     /* TLBI ... at EL1 (HCR_EL2.TTLB traps) */
    SI_TLBI_EL2,
    SI_TLBI_EL3,
    SI_AT_EL1,       /* AT S1E1*, S1E0* */
    SI_AT_EL2,       /* AT S1E2*, S12E1*, S12E0* */
    SI_AT_EL3,
    SI_TLBI_PA,      /* RME: TLBI PAALL/PAALLOS/RPAOS/RPALOS: EL3 only */
    SI_DC_PA,        /* RME: DC CIPAPA/CIGDPAPA: EL3 only */
} SysInsnKind;

typedef struct SysInsn {
    const char *name;
    uint32_t enc;
    SysInsnKind kind;
    int min_el;
    unsigned tlb;    /* least ID_AA64ISAR0_EL1.TLB: 1 FEAT_TLBIOS, 2 FEAT_TLBIRANGE; else UNDEFINED */
} SysInsn;

#define OS 1         /* FEAT_TLBIOS: the Outer Shareable forms */
#define RANGE 2      /* FEAT_TLBIRANGE: the range forms (their OS forms too) */

#define S(op1, crn, crm, op2) SR_ENC(1, op1, crn, crm, op2)

static const SysInsn sysinsns[] = {
    { "IC IALLUIS", S(0, 7, 1, 0), SI_IC_ALL, 1 },
    { "IC IALLU", S(0, 7, 5, 0), SI_IC_ALL, 1 },
    { "IC IVAU", S(3, 7, 5, 1), SI_IC_VA, 0 },
    { "DC IVAC", S(0, 7, 6, 1), SI_DC_VA_EL1, 1 },
    { "DC ISW", S(0, 7, 6, 2), SI_DC_SW, 1 },
    { "DC CSW", S(0, 7, 10, 2), SI_DC_SW, 1 },
    { "DC CISW", S(0, 7, 14, 2), SI_DC_SW, 1 },
    { "DC ZVA", S(3, 7, 4, 1), SI_DC_ZVA, 0 },
    { "DC CVAC", S(3, 7, 10, 1), SI_DC_VA, 0 },
    { "DC CVAU", S(3, 7, 11, 1), SI_DC_VA, 0 },
    { "DC CVAP", S(3, 7, 12, 1), SI_DC_VA, 0 },
    { "DC CIVAC", S(3, 7, 14, 1), SI_DC_VA, 0 },
    { "AT S1E1R", S(0, 7, 8, 0), SI_AT_EL1, 1 },
    { "AT S1E1W", S(0, 7, 8, 1), SI_AT_EL1, 1 },
    { "AT S1E0R", S(0, 7, 8, 2), SI_AT_EL1, 1 },
    { "AT S1E0W", S(0, 7, 8, 3), SI_AT_EL1, 1 },
    { "AT S1E1RP", S(0, 7, 9, 0), SI_AT_EL1, 1 },
    { "AT S1E1WP", S(0, 7, 9, 1), SI_AT_EL1, 1 },
    { "AT S1E2R", S(4, 7, 8, 0), SI_AT_EL2, 2 },
    { "AT S1E2W", S(4, 7, 8, 1), SI_AT_EL2, 2 },
    { "AT S12E1R", S(4, 7, 8, 4), SI_AT_EL2, 2 },
    { "AT S12E1W", S(4, 7, 8, 5), SI_AT_EL2, 2 },
    { "AT S12E0R", S(4, 7, 8, 6), SI_AT_EL2, 2 },
    { "AT S12E0W", S(4, 7, 8, 7), SI_AT_EL2, 2 },
    { "AT S1E3R", S(6, 7, 8, 0), SI_AT_EL3, 3 },
    { "AT S1E3W", S(6, 7, 8, 1), SI_AT_EL3, 3 },
    /* TLBI at EL1: CRm 3 (IS), 7 (NSH); op2 0 VMALLE1, 1 VAE1, 2 ASIDE1, 3 VAAE1, 5 VALE1, 7 VAALE1 */
    { "TLBI VMALLE1IS", S(0, 8, 3, 0), SI_TLBI_EL1, 1 },
    { "TLBI VAE1IS", S(0, 8, 3, 1), SI_TLBI_EL1, 1 },
    { "TLBI ASIDE1IS", S(0, 8, 3, 2), SI_TLBI_EL1, 1 },
    { "TLBI VAAE1IS", S(0, 8, 3, 3), SI_TLBI_EL1, 1 },
    { "TLBI VALE1IS", S(0, 8, 3, 5), SI_TLBI_EL1, 1 },
    { "TLBI VAALE1IS", S(0, 8, 3, 7), SI_TLBI_EL1, 1 },
    { "TLBI VMALLE1", S(0, 8, 7, 0), SI_TLBI_EL1, 1 },
    { "TLBI VAE1", S(0, 8, 7, 1), SI_TLBI_EL1, 1 },
    { "TLBI ASIDE1", S(0, 8, 7, 2), SI_TLBI_EL1, 1 },
    { "TLBI VAAE1", S(0, 8, 7, 3), SI_TLBI_EL1, 1 },
    { "TLBI VALE1", S(0, 8, 7, 5), SI_TLBI_EL1, 1 },
    { "TLBI VAALE1", S(0, 8, 7, 7), SI_TLBI_EL1, 1 },
    { "TLBI VMALLE1OS", S(0, 8, 1, 0), SI_TLBI_EL1, 1, OS },
    { "TLBI VAE1OS", S(0, 8, 1, 1), SI_TLBI_EL1, 1, OS },
    { "TLBI ASIDE1OS", S(0, 8, 1, 2), SI_TLBI_EL1, 1, OS },
    { "TLBI VAAE1OS", S(0, 8, 1, 3), SI_TLBI_EL1, 1, OS },
    { "TLBI VALE1OS", S(0, 8, 1, 5), SI_TLBI_EL1, 1, OS },
    { "TLBI VAALE1OS", S(0, 8, 1, 7), SI_TLBI_EL1, 1, OS },
    /* Range forms at EL1: CRm 2 (IS), 5 (OS), 6 (NSH); op2 1 RVAE1, 3 RVAAE1, 5 RVALE1, 7 RVAALE1 */
    { "TLBI RVAE1IS", S(0, 8, 2, 1), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAAE1IS", S(0, 8, 2, 3), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVALE1IS", S(0, 8, 2, 5), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAALE1IS", S(0, 8, 2, 7), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAE1OS", S(0, 8, 5, 1), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAAE1OS", S(0, 8, 5, 3), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVALE1OS", S(0, 8, 5, 5), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAALE1OS", S(0, 8, 5, 7), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAE1", S(0, 8, 6, 1), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAAE1", S(0, 8, 6, 3), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVALE1", S(0, 8, 6, 5), SI_TLBI_EL1, 1, RANGE },
    { "TLBI RVAALE1", S(0, 8, 6, 7), SI_TLBI_EL1, 1, RANGE },
    /* EL2 */
    { "TLBI IPAS2E1IS", S(4, 8, 0, 1), SI_TLBI_EL2, 2 },
    { "TLBI IPAS2LE1IS", S(4, 8, 0, 5), SI_TLBI_EL2, 2 },
    { "TLBI IPAS2E1", S(4, 8, 4, 1), SI_TLBI_EL2, 2 },
    { "TLBI IPAS2LE1", S(4, 8, 4, 5), SI_TLBI_EL2, 2 },
    { "TLBI IPAS2E1OS", S(4, 8, 4, 0), SI_TLBI_EL2, 2, OS },
    { "TLBI IPAS2LE1OS", S(4, 8, 4, 4), SI_TLBI_EL2, 2, OS },
    { "TLBI ALLE2IS", S(4, 8, 3, 0), SI_TLBI_EL2, 2 },
    { "TLBI VAE2IS", S(4, 8, 3, 1), SI_TLBI_EL2, 2 },
    { "TLBI ALLE1IS", S(4, 8, 3, 4), SI_TLBI_EL2, 2 },
    { "TLBI VALE2IS", S(4, 8, 3, 5), SI_TLBI_EL2, 2 },
    { "TLBI VMALLS12E1IS", S(4, 8, 3, 6), SI_TLBI_EL2, 2 },
    { "TLBI ALLE2", S(4, 8, 7, 0), SI_TLBI_EL2, 2 },
    { "TLBI VAE2", S(4, 8, 7, 1), SI_TLBI_EL2, 2 },
    { "TLBI ALLE1", S(4, 8, 7, 4), SI_TLBI_EL2, 2 },
    { "TLBI VALE2", S(4, 8, 7, 5), SI_TLBI_EL2, 2 },
    { "TLBI VMALLS12E1", S(4, 8, 7, 6), SI_TLBI_EL2, 2 },
    { "TLBI ALLE2OS", S(4, 8, 1, 0), SI_TLBI_EL2, 2, OS },
    { "TLBI VAE2OS", S(4, 8, 1, 1), SI_TLBI_EL2, 2, OS },
    { "TLBI ALLE1OS", S(4, 8, 1, 4), SI_TLBI_EL2, 2, OS },
    { "TLBI VALE2OS", S(4, 8, 1, 5), SI_TLBI_EL2, 2, OS },
    { "TLBI VMALLS12E1OS", S(4, 8, 1, 6), SI_TLBI_EL2, 2, OS },
    { "TLBI RIPAS2E1IS", S(4, 8, 0, 2), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RIPAS2LE1IS", S(4, 8, 0, 6), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RIPAS2E1", S(4, 8, 4, 2), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RIPAS2LE1", S(4, 8, 4, 6), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RIPAS2E1OS", S(4, 8, 4, 3), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RIPAS2LE1OS", S(4, 8, 4, 7), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RVAE2IS", S(4, 8, 2, 1), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RVALE2IS", S(4, 8, 2, 5), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RVAE2OS", S(4, 8, 5, 1), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RVALE2OS", S(4, 8, 5, 5), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RVAE2", S(4, 8, 6, 1), SI_TLBI_EL2, 2, RANGE },
    { "TLBI RVALE2", S(4, 8, 6, 5), SI_TLBI_EL2, 2, RANGE },
    /* EL3 */
    { "TLBI ALLE3IS", S(6, 8, 3, 0), SI_TLBI_EL3, 3 },
    { "TLBI VAE3IS", S(6, 8, 3, 1), SI_TLBI_EL3, 3 },
    { "TLBI VALE3IS", S(6, 8, 3, 5), SI_TLBI_EL3, 3 },
    { "TLBI ALLE3", S(6, 8, 7, 0), SI_TLBI_EL3, 3 },
    { "TLBI VAE3", S(6, 8, 7, 1), SI_TLBI_EL3, 3 },
    { "TLBI VALE3", S(6, 8, 7, 5), SI_TLBI_EL3, 3 },
    { "TLBI ALLE3OS", S(6, 8, 1, 0), SI_TLBI_EL3, 3, OS },
    { "TLBI VAE3OS", S(6, 8, 1, 1), SI_TLBI_EL3, 3, OS },
    { "TLBI VALE3OS", S(6, 8, 1, 5), SI_TLBI_EL3, 3, OS },
    { "TLBI RVAE3IS", S(6, 8, 2, 1), SI_TLBI_EL3, 3, RANGE },
    { "TLBI RVALE3IS", S(6, 8, 2, 5), SI_TLBI_EL3, 3, RANGE },
    { "TLBI RVAE3OS", S(6, 8, 5, 1), SI_TLBI_EL3, 3, RANGE },
    { "TLBI RVALE3OS", S(6, 8, 5, 5), SI_TLBI_EL3, 3, RANGE },
    { "TLBI RVAE3", S(6, 8, 6, 1), SI_TLBI_EL3, 3, RANGE },
    { "TLBI RVALE3", S(6, 8, 6, 5), SI_TLBI_EL3, 3, RANGE },
    /* RME (FEAT_RME): TLBI by PA and DC by PA, EL3 only */
    { "TLBI PAALLOS", S(6, 8, 1, 4), SI_TLBI_PA, 3 },
    { "TLBI PAALL", S(6, 8, 7, 4), SI_TLBI_PA, 3 },
    { "TLBI RPAOS", S(6, 8, 4, 3), SI_TLBI_PA, 3 },
    { "TLBI RPALOS", S(6, 8, 4, 7), SI_TLBI_PA, 3 },
    { "DC CIPAPA", S(6, 7, 14, 1), SI_DC_PA, 3 },
    { "DC CIGDPAPA", S(6, 7, 14, 5), SI_DC_PA, 3 },
};

static const SysInsn *lookup(uint32_t enc)
{
    for (size_t i = 0; i < sizeof(sysinsns) / sizeof(sysinsns[0]); i++) {
        if (sysinsns[i].enc == enc) {
            return &sysinsns[i];
        }
    }
    return NULL;
}

static void __attribute__((noreturn)) sys_trap(CPUARMState *env, uint32_t enc, int rt, int el)
{
    raise_exception(env, EXCP_UDEF,
                    syn_aa64_sysregtrap(1, SR_OP1(enc), SR_OP2(enc), SR_CRN(enc), SR_CRM(enc), rt, 0),
                    el == 1 ? exception_target_el(env) : (uint32_t)el);
}

static void __attribute__((noreturn)) sys_undef(CPUARMState *env)
{
    raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
}

/* DC ZVA: zero the naturally aligned block of 4 << DCZID_EL0.BS bytes containing the address. */
static void dc_zva(CPUARMState *env, uint64_t va)
{
    unsigned block = 4u << (env->features.dczid & 0xf);
    uint64_t base = va & ~(uint64_t)(block - 1);
    unsigned idx = (env->hflags >> 4) & 31;

    for (unsigned off = 0; off < block; off += 8) {
        tlb_st_slow(env, base + off, 0, 3, (int)idx);
    }
}

void sysinsn_exec(CPUARMState *env, uint32_t enc, int rt, uint64_t xt)
{
    const SysInsn *si = lookup(enc);
    bool el2_on = arm_el2_enabled(env);
    bool tge = el2_on && (env->hcr_el2 & HCR_TGE);
    char name[32];

    if (!si || (si->kind == SI_TLBI_PA && !env->features.has_rme) ||
        (si->kind == SI_DC_PA && !env->features.has_rme) ||
        /* RME: DC CIGDPAPA also needs FEAT_MTE2 (ID_AA64PFR1_EL1.MTE >= 2) */
        (enc == S(6, 7, 14, 5) && ((env->features.id_aa64pfr1 >> 8) & 0xf) < 2) ||
        (si->min_el == 2 && !env->features.has_el2) || (si->min_el == 3 && !env->features.has_el3)) {
        qemu_log_mask(LOG_UNIMP, "SYS instruction %s is not implemented (UNDEFINED)\n",
                      sysreg_name(enc, name, sizeof(name)));
        sys_undef(env);
    }
    /* FEAT_TLBIOS and FEAT_TLBIRANGE forms are UNDEFINED unless ID_AA64ISAR0_EL1.TLB says so. */
    if ((si->tlb == OS && !isar_aa64_tlbios(&env->features)) ||
        (si->tlb == RANGE && !isar_aa64_tlbirange(&env->features))) {
        sys_undef(env);
    }
    if ((int)env->el < si->min_el) {
        /* EL0 cache maintenance by VA: allowed when SCTLR_EL1.UCI (DZE for DC ZVA), else trap */
        if (env->el == 0 && si->min_el == 0) {
            /* unreachable: min_el 0 */
        }
        sys_undef(env);
    }
    if (env->el == 0) {
        uint64_t bit = si->kind == SI_DC_ZVA ? (1ull << 14) : (1ull << 26);   /* DZE : UCI */
        uint64_t sctlr = tge && (env->hcr_el2 & (1ull << 34)) ? env->sctlr_el[2] : env->sctlr_el[1];
        if (!(sctlr & bit)) {
            sys_trap(env, enc, rt, 1);
        }
    }
    if (env->el <= 1 && el2_on && !tge) {
        if ((si->kind == SI_TLBI_EL1 && (env->hcr_el2 & HCR_TTLB) && env->el == 1) ||
            (si->kind == SI_DC_SW && (env->hcr_el2 & HCR_TSW)) ||
            ((si->kind == SI_DC_VA || si->kind == SI_DC_VA_EL1) && (env->hcr_el2 & HCR_TPCP)) ||
            ((si->kind == SI_IC_ALL || si->kind == SI_IC_VA) && (env->hcr_el2 & HCR_TPU))) {
            sys_trap(env, enc, rt, 2);
        }
    }
    switch (si->kind) {
    case SI_DC_ZVA:
        dc_zva(env, xt);
        break;
    case SI_TLBI_EL1: case SI_TLBI_EL2: case SI_TLBI_EL3:
        arm_tlbi_exec(env, enc, xt);
        break;
    case SI_TLBI_PA:
        /* RME: TLBI PAALL/PAALLOS/RPAOS/RPALOS invalidate cached GPT information. Every TLB
         * entry carries the GPC result of its fill, so the whole TLB goes: the range forms are
         * over-invalidation, never a no-op (tests/tcg/aarch64/rme/rme-gpc.c checks all four). */
        tlb_flush(env);
        break;
    case SI_AT_EL1: case SI_AT_EL2: case SI_AT_EL3:
        arm_at_exec(env, enc, xt);
        break;
    default:
        break;   /* no caches are modelled */
    }
}
