/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc-fault.c: RME: the CPU side of the Granule Protection Check: the check against the CPU's
 * GPCCR_EL3/GPTBR_EL3 and the GPT in the Root PA space, and the reporting of failures (GPC
 * exceptions to EL3, GPFs as instruction/data aborts, AT results), from the Arm ARM pseudocode
 * AArch64.Abort, ReportAsGPCException, TakeGPCException, EncodeGPCSC, AArch64.DataAbort,
 * AArch64.InstructionAbort, AArch64.ReportException and AArch64.AT. */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "cpu-features.h"
#include "gpc.h"
#include "gpc-cache.h"
#include "syndrome.h"

#define SCR_GPF (1ull << 48)
#define HCR_TGE (1ull << 27)
#define HCR_GPF (1ull << 63)
#define GPCCR_L0GPTSZ_MASK (0xfull << 20)

static unsigned cpu_pa_bits(const CPUARMState *env)
{
    static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52 };
    unsigned pr = env->features.id_aa64mmfr0 & 0xf;
    return pr < 7 ? bits[pr] : 48;
}

void arm_gpc_config(const CPUARMState *env, GpcConfig *cfg)
{
    /* L0GPTSZ encodings 0, 4, 6, 9 are the sizes 30, 34, 36, 39 minus 30 */
    cfg->gpccr = env->gpccr_el3 | ((uint64_t)(env->features.gpccr_l0gptsz - 30) << 20);
    cfg->gptbr = env->gptbr_el3;
    cfg->pa_bits = cpu_pa_bits(env);
    cfg->has_sel2 = isar_aa64_sel2(&env->features);
}

static const char *const source_names[] = {
    [GPC_SRC_NONE] = "no lookup", [GPC_SRC_L0_BLOCK] = "L0 block",
    [GPC_SRC_L1_CONTIG] = "L1 contiguous", [GPC_SRC_L1_GRANULES] = "L1 granules",
};

/* The CPU's GpcCache, made at its first check and kept across resets (env->gpc lies after
 * jmp_env); it holds no architectural state. Without memory for it, a blank one gives the same
 * results, only slower. */
static GpcCache *cpu_gpc_cache(CPUARMState *env)
{
    static GpcCache spare;

    env->gpc = calloc(1, sizeof(GpcCache));
    if (!env->gpc) {
        memset(&spare, 0, sizeof(spare));
        return &spare;
    }
    return env->gpc;
}

bool arm_gpc_check(CPUARMState *env, uint64_t pa, ArmSecuritySpace pas, GpcFault *f)
{
    GpcCache *c = env->gpc;
    GpcConfig cfg;
    GpcReader rd;
    bool ok;

    if (!env->features.has_rme || !(env->gpccr_el3 & (1ull << 16))) {
        f->kind = GPC_OK;
        f->source = GPC_SRC_NONE;
        return true;
    }
    if (!c) {
        c = cpu_gpc_cache(env);
    }
    /* The decoded configuration is redone whenever GPCCR_EL3 or GPTBR_EL3 differ from what it
     * was decoded from. The ID register fields it also depends on never change after CPU init,
     * so comparing the two registers (GPCCR_EL3 without its read-only L0GPTSZ) is enough. */
    if (!c->decoded || c->dc.cfg.gptbr != env->gptbr_el3 ||
        (c->dc.cfg.gpccr & ~GPCCR_L0GPTSZ_MASK) != env->gpccr_el3) {
        arm_gpc_config(env, &cfg);
        gpc_cache_config(c, &cfg);
    }
    /* The GPT is read from the Root PA space (GPTWalk), through the cache's RAM window when it
     * can be. */
    gpc_cache_reader(c, env->as[ARMSS_ROOT], &rd);
    ok = gpc_check_decoded(&c->dc, pa, pas, &rd, f);
    if (qemu_loglevel_mask(LOG_GPC)) {
        if (ok) {
            qemu_log("gpc: PA 0x%llx %s: ok (GPI %s, %s)\n", (unsigned long long)pa,
                     arm_space_name(pas), gpc_gpi_name(f->gpi), source_names[f->source]);
        } else {
            qemu_log("gpc: PA 0x%llx %s: %s at level %d (GPI 0x%x %s, descriptor 0x%llx at "
                     "0x%llx)\n", (unsigned long long)pa, arm_space_name(pas),
                     gpc_fault_name(f->kind), f->level, f->gpi, gpc_gpi_name(f->gpi),
                     (unsigned long long)f->desc, (unsigned long long)f->desc_pa);
        }
    }
    return ok;
}

/* ReportAsGPCException: GPT walk, address size and external abort faults always are (R_PYTGX);
 * a GPF is one only when SCR_EL3.GPF == 1 and the access is not from EL3 (R_VBZMW, R_BLYPM). */
static bool report_as_gpc_exception(const CPUARMState *env, const GpcFault *f)
{
    if (f->kind != GPC_FAULT_GPF) {
        return true;
    }
    return (env->scr_el3 & SCR_GPF) && env->el != 3;
}

/* EncodeGPCSC: the GPT level in bit 0. */
static uint32_t encode_gpcsc(const GpcFault *f)
{
    uint32_t lvl = f->level & 1;
    switch (f->kind) {
    case GPC_FAULT_ADDRSIZE: return 0x00 | lvl;
    case GPC_FAULT_WALK: return 0x04 | lvl;
    case GPC_FAULT_GPF: return 0x0c | lvl;
    default: return 0x14 | lvl;   /* GPC_FAULT_EA */
    }
}

/* EncodeLDFSC of Fault_GPCFOnWalk (0b1001xx with the lookup level, 0b100011 for level -1) or
 * Fault_GPCFOnOutput (0b101000). */
static uint32_t gpf_fsc(const GpcAccess *a)
{
    if (a->walk) {
        return a->walk_level < 0 ? 0x23 : (uint32_t)(FSC_GPF_PTW_L0 + a->walk_level);
    }
    return FSC_GPF;
}

static uint64_t mfar_space_bits(ArmSecuritySpace pas)
{
    /* AArch64.ReportException: MFAR_EL3.{NS,NSE} = bits [63:62]: Secure 00, Non-secure 10,
     * Root 01, Realm 11 (R_MZSDN: bits [11:0] RES0 for GPC exceptions, cleared in excp.c). */
    switch (pas) {
    case ARMSS_NONSECURE: return 1ull << 63;
    case ARMSS_ROOT: return 1ull << 62;
    case ARMSS_REALM: return 3ull << 62;
    default: return 0;
    }
}

/* S1PTW is fault.s2fs1walk: set only for a fault on a stage-2 walk made for a stage-1 walk
 * access (AArch64.S2Translate). A GPF on the stage-1 descriptor fetch itself, after its address
 * went through stage 2, is checked with the stage-1 fault record (AArch64.S1Walk passes `fault`,
 * not `s2fault`, to FetchDescriptor): S1PTW = 0 there, and it is not a stage-2 fault. */
static bool s2fs1walk(const GpcAccess *a)
{
    return a->s1ptw && a->stage2_walk;
}

void arm_gpc_raise(CPUARMState *env, const GpcFault *f, const GpcAccess *a)
{
    bool ifetch = a->access == MMU_INST_FETCH;
    bool wnr = a->cm || a->access == MMU_DATA_STORE;
    uint32_t s1ptw = s2fs1walk(a);
    uint32_t syn, target;

    cpu_restore_state(env);
    env->exception.vaddress = a->vaddr;
    env->exception.far_valid = true;
    env->exception.ipa_valid = false;

    if (report_as_gpc_exception(env, f)) {
        /* TakeGPCException: EC 0x1E to EL3; ISS S2PTW [21], InD [20], GPCSC [19:14], CM [8],
         * S1PTW [7], WnR [6], xFSC [5:0] (the translation-walk level, not the GPT level). */
        syn = (EC_GPC << ARM_EL_EC_SHIFT) | ARM_EL_IL | ((uint32_t)a->stage2_walk << 21) |
              ((uint32_t)ifetch << 20) | (encode_gpcsc(f) << 14) | ((uint32_t)a->cm << 8) |
              (s1ptw << 7) | ((uint32_t)(!ifetch && wnr) << 6) | gpf_fsc(a);
        env->exception.kind = EXCP_GPC;
        env->exception.syndrome = syn;
        env->exception.target_el = 3;
        env->exception.pa = (a->pa & 0x00fffffffffff000ull) | mfar_space_bits(a->pas);
        /* IPAValid: a GPC fault on a stage-2 walk records the IPA in HPFAR_EL2 even though the
         * exception goes to EL3 (AArch64.ReportException). */
        if (a->stage2_walk && a->ipa_valid) {
            env->hpfar_el2 = (a->ipa >> 8) & 0x00000ffffffffff0ull;
        }
        qemu_log_mask(LOG_GPC, "gpc: GPC exception to EL3: ESR 0x%x, MFAR PA 0x%llx %s, "
                      "FAR 0x%llx\n", syn, (unsigned long long)(a->pa & ~0xfffull),
                      arm_space_name(a->pas), (unsigned long long)a->vaddr);
        siglongjmp(env->jmp_env, 1);
    }

    /* A GPF reported as an abort (AArch64.DataAbort / AArch64.InstructionAbort): at EL3 and EL2
     * it stays there; from EL0/EL1 it goes to EL2 when EL2 is enabled and HCR_EL2.TGE or
     * HCR_EL2.GPF is set (pseudocode route_to_el2, with HCR_EL2.GPF only for GPFs) or the
     * fault is on a stage-2 walk; else to EL1. */
    if (env->el == 3) {
        target = 3;
    } else if (env->el == 2) {
        target = 2;
    } else if (arm_el2_enabled(env) &&
               (env->hcr_el2 & (HCR_TGE | HCR_GPF) || a->stage2_walk)) {
        target = 2;
    } else {
        target = 1;
    }
    if (ifetch) {
        syn = syn_insn_abort(target == env->el, 0, (int)s1ptw, (int)gpf_fsc(a));
        env->exception.kind = EXCP_PREFETCH_ABORT;
    } else {
        syn = syn_data_abort_no_iss(target == env->el, 0, 0, a->cm, (int)s1ptw, wnr,
                                    (int)gpf_fsc(a));
        if (a->stage2_walk && !s1ptw) {
            syn |= a->ls_iss & 0x01ffc000u;
        }
        env->exception.kind = EXCP_DATA_ABORT;
    }
    if (a->stage2_walk && a->ipa_valid && target == 2) {
        env->exception.ipa = a->ipa;
        env->exception.ipa_valid = true;
    }
    env->exception.syndrome = syn;
    env->exception.target_el = target;
    qemu_log_mask(LOG_GPC, "gpc: GPF as %s abort to EL%u: ESR 0x%x, FAR 0x%llx\n",
                  ifetch ? "instruction" : "data", target, syn, (unsigned long long)a->vaddr);
    siglongjmp(env->jmp_env, 1);
}

bool arm_gpc_at_result(CPUARMState *env, const GpcFault *f, const GpcAccess *a, bool stage12,
                       int at_el, uint32_t *fst)
{
    /* AArch64.AT (R_ZTRDD): the fault is raised when it is a GPC exception, when the stage-2
     * fault is on a stage-1 walk of an AT executed at EL1, or when HCR_EL2.GPF routes a GPF of
     * an AT S1E0* / S1E1* executed at EL1 to EL2; otherwise PAR_EL1 reports it. */
    if (report_as_gpc_exception(env, f)) {
        return false;
    }
    if (env->el == 1 && s2fs1walk(a)) {
        return false;
    }
    if (arm_el2_enabled(env) && (env->hcr_el2 & HCR_GPF) && env->el == 1 && at_el <= 1 &&
        !stage12) {
        return false;
    }
    *fst = gpf_fsc(a);
    return true;
}
