/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pmu.c: the Performance Monitors Extension model (FEAT_PMUv3, Arm ARM D13 and the D24.5
 * register descriptions): six 32-bit event counters and the 64-bit cycle counter, filtered by EL
 * and Security state (CountPMUEvents), the MDCR_EL2.HPMN partition, overflow flags and PMUIRQ
 * (CheckForPMUOverflow), and the access rules of the PMU registers.
 *
 * Events: SW_INCR (0x00) on PMSWINC_EL0 writes; INST_RETIRED (0x08) and CPU_CYCLES (0x11) from
 * the engine's retired-instruction count. A cycle is one retired instruction (CPI = 1): the
 * count is deterministic, costs nothing on the hot path, and filtering by EL is exact. Counters
 * are brought up to date lazily: whenever the filter inputs change (EL, Security state, PMU or
 * MDCR_ELx writes), when software reads them, and when the run loop reaches the instruction count
 * at which the next enabled counter overflows (the PMU interrupt is asynchronous: it is raised at
 * the end of the TB chain in which the overflow happened). */
#include <string.h>
#include "exec/tb.h"
#include "qemu/log.h"
#include "pmu.h"

#define PMEVTYPER_P   (1ull << 31)
#define PMEVTYPER_U   (1ull << 30)
#define PMEVTYPER_NSK (1ull << 29)
#define PMEVTYPER_NSU (1ull << 28)
#define PMEVTYPER_NSH (1ull << 27)
#define PMEVTYPER_M   (1ull << 26)
#define PMEVTYPER_SH  (1ull << 24)
#define PMEVTYPER_RLK (1ull << 22)
#define PMEVTYPER_RLU (1ull << 21)
#define PMEVTYPER_RLH (1ull << 20)

unsigned pmu_version(const CPUARMState *env)
{
    return (env->features.id_aa64dfr0 >> 8) & 0xf;
}

static bool pmuv3p1(const CPUARMState *env)
{
    unsigned v = pmu_version(env);
    return v >= 4 && v != 0xf;
}

unsigned pmu_num_counters(const CPUARMState *env)
{
    return pmu_present(env) ? ARM_PMU_COUNTERS : 0;
}

static uint64_t counters_mask(const CPUARMState *env)
{
    return (1ull << PMU_CYCLE_IDX) | ((1ull << pmu_num_counters(env)) - 1);
}

/* EffectiveHPMN(): MDCR_EL2.HPMN when EL2 is implemented, else N. The reserved values are
 * CONSTRAINED UNPREDICTABLE; this model treats HPMN > N as N and, without FEAT_HPMN0, HPMN = 0
 * as "all counters in the second range" (both permitted by the MDCR_EL2.HPMN description). */
static unsigned effective_hpmn(const CPUARMState *env)
{
    unsigned n = pmu_num_counters(env), hpmn;

    if (!env->features.has_el2) {
        return n;
    }
    hpmn = env->mdcr_el2 & MDCR_HPMN_MASK;
    return hpmn > n ? n : hpmn;
}

/* GetNumEventCountersAccessible() */
static unsigned counters_accessible(CPUARMState *env)
{
    if (env->el <= 1 && arm_el2_enabled(env)) {
        return effective_hpmn(env);
    }
    return pmu_num_counters(env);
}

uint64_t pmu_access_mask(CPUARMState *env)
{
    return (1ull << PMU_CYCLE_IDX) | ((1ull << counters_accessible(env)) - 1);
}

/* The filter bits software can set in PMEVTYPER<n>_EL0 and PMCCFILTR_EL0: NSK/NSU/M need EL3,
 * NSH EL2, SH Secure EL2 (with EL3), RLK/RLU/RLH FEAT_RME. */
static uint64_t filter_mask(const CPUARMState *env)
{
    uint64_t m = PMEVTYPER_P | PMEVTYPER_U;

    if (env->features.has_el3) {
        m |= PMEVTYPER_NSK | PMEVTYPER_NSU | PMEVTYPER_M;
        if (env->features.has_el2 && ((env->features.id_aa64pfr0 >> 36) & 0xf)) {
            m |= PMEVTYPER_SH;
        }
    }
    if (env->features.has_el2) {
        m |= PMEVTYPER_NSH;
    }
    if (env->features.has_rme) {
        m |= PMEVTYPER_RLK | PMEVTYPER_RLU | PMEVTYPER_RLH;
    }
    return m;
}

/* evtCount: 16 bits with FEAT_PMUv3p1, 10 bits before. */
static uint64_t evtcount_mask(const CPUARMState *env)
{
    return pmuv3p1(env) ? 0xffff : 0x3ff;
}

/* The event filter of CountPMUEvents(): true when the counter does not count in the current EL
 * and Security state. */
static bool filtered(const CPUARMState *env, uint64_t f)
{
    bool p = f & PMEVTYPER_P, u = f & PMEVTYPER_U, nsk = f & PMEVTYPER_NSK;
    bool nsu = f & PMEVTYPER_NSU, nsh = f & PMEVTYPER_NSH, m = f & PMEVTYPER_M;
    bool sh = f & PMEVTYPER_SH, rlk = f & PMEVTYPER_RLK, rlu = f & PMEVTYPER_RLU;
    bool rlh = f & PMEVTYPER_RLH;
    ArmSecuritySpace ss = arm_current_space(env);

    switch (env->el) {
    case 0:
        return ss == ARMSS_SECURE ? u : ss == ARMSS_REALM ? u != rlu : u != nsu;
    case 1:
        return ss == ARMSS_SECURE ? p : ss == ARMSS_REALM ? p != rlk : p != nsk;
    case 2:
        return ss == ARMSS_SECURE ? nsh == sh : ss == ARMSS_REALM ? nsh == rlh : !nsh;
    default:
        return m != p;
    }
}

/* CountPMUEvents(idx) for every counter at once (bit 31: the cycle counter). Prohibited regions:
 * Secure state and EL3 without MDCR_EL3.SPME, EL2 with MDCR_EL2.HPMD (first range, FEAT_PMUv3p1).
 * The authentication interface reports ExternalSecureNoninvasiveDebugEnabled() FALSE, so the
 * prohibitions stand (FEAT_Debugv8p2 is not implemented). */
static uint64_t counting_mask(CPUARMState *env)
{
    unsigned n = pmu_num_counters(env), hpmn = effective_hpmn(env);
    ArmSecuritySpace ss = arm_current_space(env);
    bool e = env->pmu.pmcr & PMCR_E, hpme = env->mdcr_el2 & MDCR_HPME;
    bool secure_prohibited = env->features.has_el3 && (ss == ARMSS_SECURE || env->el == 3) &&
                             !(env->mdcr_el3 & MDCR_SPME);
    uint64_t mask = 0;

    if (!env->pmu.cnten || (!e && !hpme)) {
        return 0;
    }
    for (unsigned idx = 0; idx < 32; idx++) {
        bool r2 = idx < n && idx >= hpmn, enabled, prohibited;
        uint64_t f;

        if (idx >= n && idx != PMU_CYCLE_IDX) {
            continue;
        }
        enabled = (r2 ? hpme : e) && ((env->pmu.cnten >> idx) & 1);
        if (!enabled) {
            continue;
        }
        prohibited = secure_prohibited;
        if (!prohibited && env->el == 2 && pmuv3p1(env) && !r2) {
            prohibited = env->mdcr_el2 & MDCR_HPMD;
        }
        if (idx == PMU_CYCLE_IDX) {
            /* PMCR_EL0.DP: the cycle counter stops where event counting is prohibited. */
            if (prohibited && (env->pmu.pmcr & PMCR_DP)) {
                continue;
            }
            prohibited = false;
            f = env->pmu.ccfiltr;
        } else {
            f = env->pmu.evtyper[idx];
        }
        if (!prohibited && !filtered(env, f)) {
            mask |= 1ull << idx;
        }
    }
    return mask;
}

/* The counters in mask that count instructions retired: the cycle counter, CPU_CYCLES and
 * INST_RETIRED. */
static uint64_t insn_driven(CPUARMState *env, uint64_t mask)
{
    uint64_t out = mask & (1ull << PMU_CYCLE_IDX);

    for (unsigned i = 0; i < pmu_num_counters(env); i++) {
        uint64_t evt = env->pmu.evtyper[i] & evtcount_mask(env);
        if (((mask >> i) & 1) && (evt == PMU_EVT_INST_RETIRED || evt == PMU_EVT_CPU_CYCLES)) {
            out |= 1ull << i;
        }
    }
    return out;
}

/* AArch64.IncrementEventCounter / IncrementCycleCounter: event counters are 32 bits (no
 * FEAT_PMUv3p5) and overflow on a carry out of bit 31; the cycle counter is 64 bits and, with
 * PMCR_EL0.LC RES1 (no AArch32), overflows on a carry out of bit 63. */
static void counter_add(CPUARMState *env, int idx, uint64_t d)
{
    if (idx == PMU_CYCLE_IDX) {
        uint64_t old = env->pmu.ccnt;
        env->pmu.ccnt = old + d;
        if (env->pmu.ccnt < old) {
            env->pmu.ovs |= 1ull << PMU_CYCLE_IDX;
        }
    } else {
        uint64_t v = env->pmu.evcnt[idx] + d;
        if (v >> 32) {
            env->pmu.ovs |= 1ull << idx;
        }
        env->pmu.evcnt[idx] = (uint32_t)v;
    }
}

static uint64_t insns_now(CPUARMState *env)
{
    return env->insn_count + cpu_tb_insns_done(env);
}

/* Credit the instructions retired since the last sync to the counters that were counting. */
static void pmu_sync_to(CPUARMState *env, uint64_t now)
{
    uint64_t d = now - env->pmu.last;
    uint64_t m = env->pmu.counting;

    if ((int64_t)d <= 0) {
        return;     /* already credited up to here (an ERET counted ahead, pmu_exception_return) */
    }
    env->pmu.last = now;
    if (!m) {
        return;
    }
    while (m) {
        int idx = __builtin_ctzll(m);
        m &= m - 1;
        counter_add(env, idx, d);
    }
}

/* Nothing to credit while no counter counts instructions: `last` only matters from the moment
 * one starts (pmu_update), so the common case costs no look at the current TB. */
static void pmu_sync(CPUARMState *env)
{
    if (env->pmu.counting) {
        pmu_sync_to(env, insns_now(env));
    }
}

/* An exception return retires at the EL it is executed at: credit it before the EL changes
 * (or, when counting starts at the new EL, leave it out: pmu_update). */
void pmu_exception_return(CPUARMState *env)
{
    if (pmu_present(env)) {
        if (env->pmu.counting) {
            pmu_sync_to(env, insns_now(env) + 1);
        }
        env->pmu.in_eret = true;
    }
}

/* CheckForPMUOverflow() / CheckPMUOverflowCondition(IRQ): an overflow flag set with its
 * PMINTENSET bit, for a counter whose range is enabled (PMCR_EL0.E, or MDCR_EL2.HPME for the
 * second range). */
bool pmu_irq_level(CPUARMState *env)
{
    uint64_t pending = env->pmu.ovs & env->pmu.inten & counters_mask(env), en = 0;
    unsigned n = pmu_num_counters(env), hpmn = effective_hpmn(env);

    if (env->pmu.pmcr & PMCR_E) {
        en |= (1ull << PMU_CYCLE_IDX) | ((1ull << hpmn) - 1);
    }
    if (env->mdcr_el2 & MDCR_HPME) {
        en |= ((1ull << n) - 1) & ~((1ull << hpmn) - 1);
    }
    return (pending & en) != 0;
}

static void update_irq(CPUARMState *env)
{
    bool level = pmu_irq_level(env);

    if (level != env->pmu.irq_level) {
        env->pmu.irq_level = level;
        qemu_set_irq((qemu_irq)env->pmu_irq, level);
    }
}

/* The instruction count at which the first instruction-driven counter overflows. */
static void update_deadline(CPUARMState *env)
{
    uint64_t m = env->pmu.counting, left = UINT64_MAX;

    while (m) {
        int idx = __builtin_ctzll(m);
        uint64_t l;
        m &= m - 1;
        l = idx == PMU_CYCLE_IDX ? (env->pmu.ccnt ? -env->pmu.ccnt : UINT64_MAX)
                                 : (1ull << 32) - env->pmu.evcnt[idx];
        if (l < left) {
            left = l;
        }
    }
    /* Compared with env->insn_count, which lags insns_now() by the current TB's progress. */
    env->pmu.deadline = left > UINT64_MAX - env->pmu.last ? UINT64_MAX : env->pmu.last + left;
}

void pmu_update(CPUARMState *env)
{
    if (!pmu_present(env)) {
        return;
    }
    uint64_t was = env->pmu.counting;

    pmu_sync(env);
    env->pmu.counting = insn_driven(env, counting_mask(env));
    if (env->pmu.counting && !was) {
        env->pmu.last = insns_now(env) + (env->pmu.in_eret ? 1 : 0);
    }
    env->pmu.in_eret = false;
    update_deadline(env);
    update_irq(env);
}

void pmu_deadline_reached(CPUARMState *env)
{
    pmu_update(env);
}

void pmu_init(CPUARMState *env, qemu_irq irq)
{
    env->pmu_irq = irq;
}

void pmu_reset(CPUARMState *env)
{
    memset(&env->pmu, 0, sizeof(env->pmu));
    env->pmu.pmcr = PMCR_LC;        /* LC is RES1 without AArch32; E resets to 0 */
    env->pmu.last = insns_now(env);
    env->pmu.deadline = UINT64_MAX;
    if (pmu_present(env) && env->features.has_el2) {
        /* MDCR_EL2.HPMN resets to NUM_PMU_COUNTERS (Warm reset). */
        env->mdcr_el2 = (env->mdcr_el2 & ~MDCR_HPMN_MASK) | pmu_num_counters(env);
    }
    qemu_set_irq((qemu_irq)env->pmu_irq, 0);
}

/* PMCR_EL0.IMP/IDCODE: the MIDR implementer; for Arm's cores the PMU identification code of
 * their TRMs. -cpu max has implementer 0, so IDCODE is RES0 there. */
static uint64_t pmcr_id(const CPUARMState *env)
{
    uint64_t imp = (env->features.midr >> 24) & 0xff, part = (env->features.midr >> 4) & 0xfff;
    uint64_t id = 0;

    if (imp == 0x41) {
        id = part == 0xd03 ? 0x03 : part == 0xd07 ? 0x01 : part == 0xd08 ? 0x02 : 0;
    }
    return imp << 24 | (imp ? id << 16 : 0);
}

/* PMCR_EL0.N reads as the Effective HPMN at EL1 and EL0 when EL2 is enabled. */
uint64_t pmu_pmcr_read(CPUARMState *env)
{
    return pmcr_id(env) | (uint64_t)counters_accessible(env) << PMCR_N_SHIFT | env->pmu.pmcr;
}

/* DP exists with EL3, or with FEAT_PMUv3p1 and EL2; X is RAZ/WI (no export bus); D is RES0 and
 * LC RES1 (no AArch32); LP RES0 (no FEAT_PMUv3p5). P and C are write-only actions. */
void pmu_pmcr_write(CPUARMState *env, uint64_t v)
{
    uint64_t wmask = PMCR_E;

    if (env->features.has_el3 || (pmuv3p1(env) && env->features.has_el2)) {
        wmask |= PMCR_DP;
    }
    pmu_sync(env);
    if (v & PMCR_P) {
        /* ClearEventCounters(): the counters accessible here (GetPMUWriteMask). */
        uint64_t m = pmu_access_mask(env);
        for (unsigned i = 0; i < pmu_num_counters(env); i++) {
            if ((m >> i) & 1) {
                env->pmu.evcnt[i] = 0;
            }
        }
    }
    if (v & PMCR_C) {
        env->pmu.ccnt = 0;
    }
    env->pmu.pmcr = (env->pmu.pmcr & ~wmask) | (v & wmask);
    pmu_update(env);
}

uint64_t pmu_counter_read(CPUARMState *env, int idx)
{
    pmu_sync(env);
    return idx == PMU_CYCLE_IDX ? env->pmu.ccnt : env->pmu.evcnt[idx];
}

void pmu_counter_write(CPUARMState *env, int idx, uint64_t v)
{
    pmu_sync(env);
    if (idx == PMU_CYCLE_IDX) {
        env->pmu.ccnt = v;
    } else {
        env->pmu.evcnt[idx] = (uint32_t)v;      /* bits [63:32] RES0 without FEAT_PMUv3p5 */
    }
    pmu_update(env);
}

uint64_t pmu_typer_read(CPUARMState *env, int idx)
{
    return idx == PMU_CYCLE_IDX ? env->pmu.ccfiltr : env->pmu.evtyper[idx];
}

void pmu_typer_write(CPUARMState *env, int idx, uint64_t v)
{
    pmu_sync(env);
    if (idx == PMU_CYCLE_IDX) {
        env->pmu.ccfiltr = v & filter_mask(env);
    } else {
        uint64_t evt = v & evtcount_mask(env);
        env->pmu.evtyper[idx] = v & (filter_mask(env) | evtcount_mask(env));
        if (evt != PMU_EVT_SW_INCR && evt != PMU_EVT_INST_RETIRED && evt != PMU_EVT_CPU_CYCLES) {
            /* Architecturally fine (no events are counted, the value reads back), but worth
             * saying: software that programs it expects a count. */
            qemu_log_mask(LOG_UNIMP, "PMEVTYPER%d_EL0: event 0x%04llx is not implemented: the "
                          "counter counts nothing (PMCEID0_EL0 = 0x%llx)\n", idx,
                          (unsigned long long)evt, (unsigned long long)pmu_ceid(env, 0));
        }
    }
    pmu_update(env);
}

/* PMUSwIncrement(): SW_INCR events on the accessible counters that count SW_INCR and count in
 * the current state (CountPMUEvents). */
void pmu_sw_increment(CPUARMState *env, uint64_t v)
{
    uint64_t m = v & pmu_access_mask(env) & counting_mask(env) & ~(1ull << PMU_CYCLE_IDX);

    pmu_sync(env);
    while (m) {
        int idx = __builtin_ctzll(m);
        m &= m - 1;
        if ((env->pmu.evtyper[idx] & evtcount_mask(env)) == PMU_EVT_SW_INCR) {
            counter_add(env, idx, 1);
        }
    }
    pmu_update(env);
}

/* PMCEID0_EL0 bit n: common event n is implemented ([63:32]: events 0x4000.. with PMUv3p1,
 * none here); PMCEID1_EL0 covers events 0x20-0x3f: none. */
uint64_t pmu_ceid(const CPUARMState *env, int n)
{
    if (n) {
        return 0;
    }
    return 1ull << PMU_EVT_SW_INCR | 1ull << PMU_EVT_INST_RETIRED | 1ull << PMU_EVT_CPU_CYCLES;
}

static uint64_t *set_reg(CPUARMState *env, int which)
{
    return which == PMU_SET_CNTEN ? &env->pmu.cnten : which == PMU_SET_INTEN ? &env->pmu.inten
                                                                          : &env->pmu.ovs;
}

/* Reads are masked by GetPMUReadMask() and writes by GetPMUWriteMask(): the bits of counters not
 * accessible at this EL read as 0 and ignore writes. */
uint64_t pmu_set_read(CPUARMState *env, int which)
{
    if (which == PMU_SET_OVS) {
        pmu_sync(env);
    }
    return *set_reg(env, which) & pmu_access_mask(env);
}

void pmu_set_write(CPUARMState *env, int which, uint64_t v, bool set)
{
    uint64_t *r = set_reg(env, which), m = v & pmu_access_mask(env);

    pmu_sync(env);
    *r = set ? (*r | m) : (*r & ~m);
    pmu_update(env);
}

/* The common shape of the PMU registers' accessibility pseudocode (D24.5): counter index beyond
 * N (CONSTRAINED UNPREDICTABLE: UNDEFINED, as with FEAT_FGT), PMUSERENR_EL0 at EL0,
 * MDCR_EL2.TPM, MDCR_EL2.TPMCR (PMCR_EL0), the HPMN partition at EL1/EL0 (CONSTRAINED
 * UNPREDICTABLE: trapped to EL2, as with FEAT_FGT), then MDCR_EL3.TPM. */
unsigned pmu_access(CPUARMState *env, unsigned el0_bits, int counter, bool is_pmcr)
{
    bool el2 = arm_el2_enabled(env);

    if (!pmu_present(env)) {
        return PMU_ACCESS_UNDEF;
    }
    if (counter >= 0 && counter != PMU_CYCLE_IDX && (unsigned)counter >= pmu_num_counters(env)) {
        return PMU_ACCESS_UNDEF;
    }
    if (env->el == 0) {
        if (!el0_bits) {
            return PMU_ACCESS_UNDEF;
        }
        if (!(el0_bits & PMU_EL0_ALWAYS) && !(env->pmu.userenr & el0_bits)) {
            return 1;
        }
    }
    if (env->el <= 1 && el2) {
        if (env->mdcr_el2 & MDCR_TPM) {
            return 2;
        }
        if (is_pmcr && (env->mdcr_el2 & MDCR_TPMCR)) {
            return 2;
        }
        if (counter >= 0 && counter != PMU_CYCLE_IDX &&
            (unsigned)counter >= counters_accessible(env)) {
            return 2;
        }
    }
    if (env->el <= 2 && env->features.has_el3 && (env->mdcr_el3 & MDCR_TPM)) {
        return 3;
    }
    return 0;
}
