/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tlb-maint.c: the address translation instructions (AT, filling PAR_EL1; pseudocode AArch64.AT)
 * and TLB maintenance (TLBI) scoped to the MMU indexes of the regime and security state they
 * name (Arm ARM C5.5, D8.13 "TLB maintenance"). */
#include "exec/cputlb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "gpc.h"
#include "ptw.h"
#include "syndrome.h"
#include "sysreg.h"

#define HCR_TGE (1ull << 27)
#define HCR_E2H (1ull << 34)
#define PAR_F   1ull

static bool e2h_tge(const CPUARMState *env)
{
    return arm_el2_enabled(env) && (env->hcr_el2 & HCR_E2H) && (env->hcr_el2 & HCR_TGE);
}

/* PAR_EL1 for a successful translation (D24 PAR_EL1, F = 0): PA, ATTR, SH, NS (and NSE with
 * RME: {NSE,NS} name the output PA space). Device and Normal Non-cacheable report Outer
 * Shareable. */
static uint64_t par_success(const CPUARMState *env, const ArmTranslation *t)
{
    bool outer = t->device || t->attr == 0x44;
    uint64_t par = (t->pa & 0x0000fffffffff000ull) | ((uint64_t)t->attr << 56) |
                   ((uint64_t)(outer ? 2 : t->sh) << 7);

    if (t->space == ARMSS_NONSECURE || t->space == ARMSS_REALM) {
        par |= 1ull << 9;
    }
    if (env->features.has_rme && (t->space == ARMSS_ROOT || t->space == ARMSS_REALM)) {
        par |= 1ull << 11;
    }
    return par;
}

static uint64_t par_fault(unsigned fst, bool ptw, bool s)
{
    return PAR_F | ((uint64_t)fst << 1) | ((uint64_t)ptw << 8) | ((uint64_t)s << 9) | (1ull << 11);
}

static unsigned fault_fst(const ArmFault *f)
{
    switch (f->type) {
    case ARMFAULT_TRANSLATION: return 0x04 + f->level;
    case ARMFAULT_ADDRSIZE: return 0x00 + f->level;
    case ARMFAULT_ACCESS: return 0x08 + f->level;
    case ARMFAULT_PERMISSION: return 0x0c + f->level;
    case ARMFAULT_SEA_WALK: return 0x14 + f->level;
    default: return 0x10;
    }
}

/* AT S1E1R/W, S1E0R/W, S1E1RP/WP, S1E2R/W, S12E1R/W, S12E0R/W, S1E3R/W. */
void arm_at_exec(CPUARMState *env, uint32_t enc, uint64_t va)
{
    unsigned op1 = SR_OP1(enc), crm = SR_CRM(enc), op2 = SR_OP2(enc);
    MMUAccessType access = (op2 & 1) ? MMU_DATA_STORE : MMU_DATA_LOAD;
    ArmSecuritySpace ss = arm_space_for_el(env, 1);
    bool stage12 = false;
    int idx, at_el;

    /* At EL3: every AT other than S1E3* is UNDEFINED while SCR_EL3.{NSE,NS} is the reserved
     * 0b10 (RME), and AT S1E2R/W is UNDEFINED when EL2 is not enabled in the Security state
     * SCR_EL3 selects (the AT S1E2R/S1E2W and AT S12E1R/... "Executing" pseudocode). */
    if (env->el == 3 && op1 != 6 &&
        ((env->features.has_rme && ((env->scr_el3 >> 62) & 1) && !(env->scr_el3 & 1)) ||
         (op1 == 4 && op2 < 4 && !arm_el2_enabled(env)))) {
        qemu_log_mask(LOG_GUEST_ERROR, "AT op1 %u op2 %u is UNDEFINED at EL3 in this SCR_EL3 "
                      "state\n", op1, op2);
        raise_exception(env, EXCP_UDEF, syn_uncategorized(), 3);
    }
    if (op1 == 6) {
        idx = ARM_MMU_IDX_E3;
        at_el = 3;
    } else if (op1 == 4 && op2 < 4) {
        idx = arm_mmu_idx_make(ss, (env->hcr_el2 & HCR_E2H) ? MMUK_E20_2 : MMUK_E2);
        at_el = 2;
    } else {
        bool el0 = op1 == 4 ? (op2 & 2) != 0 : (crm == 8 && (op2 & 2));
        /* S1E1RP/WP take PSTATE.PAN into account; the others do not (FEAT_PAN2). */
        bool pan = op1 == 0 && crm == 9 && (env->pstate & PSTATE_PAN);
        stage12 = op1 == 4;
        at_el = el0 ? 0 : 1;
        /* AT S1E0*, S1E1* at EL2 and AT S12E* at EL2 or EL3 use the EL2&0 regime when
         * HCR_EL2.{E2H,TGE} = {1,1} (their "Purpose": ELIsInHost(EL0)). */
        if (e2h_tge(env) && ((op1 == 0 && env->el == 2) || op1 == 4)) {
            idx = arm_mmu_idx_make(ss, el0 ? MMUK_E20_0 : pan ? MMUK_E20_2_PAN : MMUK_E20_2);
        } else {
            idx = arm_mmu_idx_make(ss, el0 ? MMUK_E10_0 : pan ? MMUK_E10_1_PAN : MMUK_E10_1);
        }
    }
    ArmTranslation t;
    ArmFault f;
    /* RME: an AT checks the GPT for its table walks only (R_ZTRDD). */
    unsigned flags = PTW_NO_GPC_OUT | (stage12 ? 0 : PTW_S1_ONLY);
    if (arm_translate(env, va, access, idx, flags, &t, &f)) {
        env->par_el1 = par_success(env, &t);
    } else if (f.type == ARMFAULT_GPC) {
        uint32_t fst;
        GpcAccess a = f.gpca;
        a.cm = true;
        if (!arm_gpc_at_result(env, &f.gpc, &a, stage12, at_el, &fst)) {
            arm_raise_fault(env, va, access, &f, true);
        }
        env->par_el1 = par_fault(fst, a.s1ptw, a.stage2_walk);
    } else if (f.stage2 && !stage12 && env->el < 2) {
        /* A stage 2 fault on the stage 1 walk of an AT S1E* executed at EL1 is taken to EL2
         * (AArch64.AT: the fault is reported as an exception, CM = 1). */
        arm_raise_fault(env, va, access, &f, true);
    } else {
        env->par_el1 = par_fault(fault_fst(&f), f.s1ptw, f.stage2);
    }
    qemu_log_mask(LOG_MMU, "mmu: AT op1 %u CRm %u op2 %u VA 0x%llx -> PAR 0x%llx\n", op1, crm,
                  op2, (unsigned long long)va, (unsigned long long)env->par_el1);
}

/* TLBI (Arm ARM C5.5 "TLB maintenance instructions", D8.13 "TLB maintenance"). The softmmu TLB
 * caches one entry per page and MMU index, with the final (combined stage 1+2) result and no ASID
 * or VMID, so:
 *  - VMALL, ASID, ALL and VMALLS12 operations flush every index of the regime;
 *  - by-VA operations (VA, VAA, VAL, VAAL and the range forms) flush the VA's pages in the regime's
 *    indexes whatever the ASID (over-invalidation), and the whole index when the VA meets a
 *    mapping cached from a block or contiguous run (cputlb.c tracks those);
 *  - by-IPA operations (IPAS2*, RIPAS2*) flush the EL1&0 indexes: the IPA of an entry is not
 *    kept, so every entry might come from that IPA.
 * There is one PE (-smp 1): the Inner/Outer Shareable forms (and HCR_EL2.FB, which upgrades EL1
 * operations to Inner Shareable) act on this PE only, which is all they need to do here. */

typedef enum { TLBI_WHOLE, TLBI_VA, TLBI_RANGE } TlbiScope;

/* CRm of the range forms: 2 (IS), 5 (OS), 6 (non-shareable); op1 4 CRm 0/4 are the IPA forms. */
static bool crm_is_range(unsigned crm)
{
    return crm == 2 || crm == 5 || crm == 6;
}

/* The range of a TLBI R* operand (field descriptions of TLBI RVAE1 and RIPAS2E1): TG [47:46]
 * (0b01 4K, 0b10 16K, 0b11 64K), SCALE [45:44], NUM [43:39], TTL [38:37] (a level hint: ignored,
 * every level is invalidated), BaseADDR [36:0] in units of the granule, and the range
 * [BaseADDR, BaseADDR + (NUM + 1) * 2^(5 * SCALE + 1) * granule). BaseADDR is sign-extended from
 * its top bit, so that the TTBR1 half of a two-range regime is reachable. TG = 0b00 is Reserved:
 * no translation uses that granule, so no entry is required to be invalidated (a translation with
 * another granule than TG need not be), and none is. Returns false for TG = 0b00. */
static bool tlbi_range(uint64_t xt, uint64_t *base, uint64_t *len)
{
    unsigned tg = (xt >> 46) & 3, scale = (xt >> 44) & 3, num = (xt >> 39) & 31;

    if (tg == 0) {
        return false;
    }
    unsigned gbits = 12 + 2 * (tg - 1);      /* 4K, 16K, 64K */
    int64_t b = (int64_t)(xt << 27) >> 27;   /* BaseADDR [36:0], sign-extended */
    *base = (uint64_t)b << gbits;
    *len = (uint64_t)(num + 1) << (5 * scale + 1 + gbits);
    return true;
}

void arm_tlbi_exec(CPUARMState *env, uint32_t enc, uint64_t xt)
{
    unsigned op1 = SR_OP1(enc), crm = SR_CRM(enc), op2 = SR_OP2(enc);
    ArmSecuritySpace ss = arm_space_for_el(env, 1);
    TlbiScope scope = TLBI_WHOLE;
    unsigned map;

    if (op1 == 0) {
        /* EL1 operations: the EL1&0 regime, or EL2&0 when executed at EL2 or EL3 with
         * HCR_EL2.{E2H,TGE} = {1,1} (ELIsInHost(EL0) in the instructions' pseudocode). */
        map = arm_mmu_idxmap_regime(ss, env->el >= 2 && e2h_tge(env) ? REGIME_E20 : REGIME_E10);
        if (op2 & 1) {                                    /* VAE1, VAAE1, VALE1, VAALE1, R* */
            scope = crm_is_range(crm) ? TLBI_RANGE : TLBI_VA;
        }                                                 /* else VMALLE1, ASIDE1 */
    } else if (op1 == 4) {
        bool ipa_op = crm == 0 || crm == 4;               /* (R)IPAS2E1*, (R)IPAS2LE1* */
        bool el1_op = op2 == 4 || op2 == 6;               /* ALLE1*, VMALLS12E1* */
        if (ipa_op || el1_op) {
            map = arm_mmu_idxmap_regime(ss, REGIME_E10);
        } else {                                          /* ALLE2*, VAE2*, VALE2*, RVA(L)E2* */
            map = arm_mmu_idxmap_regime(ss, REGIME_E2) | arm_mmu_idxmap_regime(ss, REGIME_E20);
            if (op2 == 1 || op2 == 5) {
                scope = crm_is_range(crm) ? TLBI_RANGE : TLBI_VA;
            }
        }
    } else {
        map = arm_mmu_idxmap_regime(ss, REGIME_E3);       /* ALLE3*, VAE3*, VALE3*, RVA(L)E3* */
        if (op2 == 1 || op2 == 5) {
            scope = crm_is_range(crm) ? TLBI_RANGE : TLBI_VA;
        }
    }
    if (scope == TLBI_VA) {
        /* VA[55:12] is Xt[43:0]; ASID [63:48] and the TTL hint [47:44] do not narrow it here. */
        tlb_flush_range_by_mmuidx(env, (xt & 0x00000fffffffffffull) << 12, TARGET_PAGE_SIZE, map);
    } else if (scope == TLBI_RANGE) {
        uint64_t base, len;
        if (!tlbi_range(xt, &base, &len)) {
            qemu_log_mask(LOG_GUEST_ERROR, "TLBI range operation with TG = 0b00 (Reserved): "
                          "no entry invalidated\n");
            return;
        }
        tlb_flush_range_by_mmuidx(env, base, len, map);
    } else {
        tlb_flush_by_mmuidx(env, map);
    }
}
