/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gtimer.c: Arm generic timer: counter from the virtual clock, comparators, outputs, traps. */
#include <stddef.h>
#include "cpu-features.h"
#include "gtimer.h"
#include "qemu/log.h"
#include "qemu/timer.h"

#define HCR_TGE     (1ull << 27)
#define HCR_E2H     (1ull << 34)
#define SCR_ST      (1ull << 11)
#define SCR_EEL2    (1ull << 18)

/* CNTKCTL_EL1 and CNTHCTL_EL2 (E2H = 1 layout) EL0 enables (Arm ARM register descriptions). */
#define CNTKCTL_EL0PCTEN (1u << 0)
#define CNTKCTL_EL0VCTEN (1u << 1)
#define CNTKCTL_EL0VTEN  (1u << 8)
#define CNTKCTL_EL0PTEN  (1u << 9)
/* CNTHCTL_EL2 EL1 enables: bits 0/1 when E2H = 0, bits 10/11 when E2H = 1. */
#define CNTHCTL_EL1PCTEN_NVHE (1u << 0)
#define CNTHCTL_EL1PCEN_NVHE  (1u << 1)
#define CNTHCTL_EL1PCTEN_VHE  (1u << 10)
#define CNTHCTL_EL1PTEN_VHE   (1u << 11)
/* FEAT_RME output masks */
#define CNTHCTL_CNTVMASK      (1u << 18)
#define CNTHCTL_CNTPMASK      (1u << 19)

#define GT_MAX_CPUS 64

typedef struct GTimerCtx {
    CPUARMState *env;
    int timer;
} GTimerCtx;

/* The output lines of each PE's timers; CPUARMState has no slot for them. */
static struct {
    CPUARMState *env;
    qemu_irq out[GTIMER_NUM];
    GTimerCtx ctx[GTIMER_NUM];
} gt_cpus[GT_MAX_CPUS];

static qemu_irq *gt_outputs(CPUARMState *env)
{
    for (int i = 0; i < GT_MAX_CPUS; i++) {
        if (gt_cpus[i].env == env) {
            return gt_cpus[i].out;
        }
    }
    return NULL;
}

uint64_t gt_ns_to_ticks(int64_t ns)
{
    if (ns <= 0) {
        return 0;
    }
    return (uint64_t)((unsigned __int128)ns * GTIMER_FREQ_HZ / 1000000000u);
}

/* First virtual-clock time at which the counter reaches ticks (inverse of gt_ns_to_ticks,
 * rounded up), saturated at INT64_MAX. */
static int64_t ticks_to_ns_ceil(uint64_t ticks)
{
    unsigned __int128 ns = ((unsigned __int128)ticks * 1000000000u + GTIMER_FREQ_HZ - 1) /
                           GTIMER_FREQ_HZ;

    return ns > INT64_MAX ? INT64_MAX : (int64_t)ns;
}

static uint64_t phys_count(void)
{
    return gt_ns_to_ticks(clock_get_ns());
}

/* Pseudocode ELIsInHost(el) for el = 0 or 2 (FEAT_VHE): EL2 is enabled in the current Security
 * state (EL2Enabled(), which in Secure state needs SCR_EL3.EEL2) and HCR_EL2.E2H = 1; for EL0
 * also HCR_EL2.TGE = 1. Always FALSE for EL1 and EL3. */
static bool el_is_in_host(const CPUARMState *env, unsigned el)
{
    if ((el != 0 && el != 2) || !arm_el2_enabled(env) || !(env->hcr_el2 & HCR_E2H)) {
        return false;
    }
    return el == 2 || (env->hcr_el2 & HCR_TGE);
}

/* Offset between the physical count and the count a timer compares against (Arm ARM D12.2.4.1,
 * "Operation of the CompareValue views of the timers"): CNTVOFF_EL2 for the EL1 virtual timer
 * whatever the current regime, zero for every other timer. CNTVOFF_EL2 is zero when EL2 is not
 * implemented. Direct TVAL accesses use the same offset: in the EL2&0 host regime the CNTV_*
 * encodings are redirected to the EL2 virtual timer before reaching here. */
static uint64_t timer_offset(const CPUARMState *env, int timer)
{
    if (timer == GTIMER_VIRT && env->features.has_el2) {
        return env->cntvoff_el2;
    }
    return 0;
}

/* CNTVCT_EL0 accessibility pseudocode: PhysicalCountInt() - CNTVOFF_EL2 when EL2 is implemented,
 * except PhysicalCountInt() when ELIsInHost(PSTATE.EL). */
uint64_t gt_cnt_read(CPUARMState *env, bool virt)
{
    uint64_t count = phys_count();

    if (!virt || !env->features.has_el2 || el_is_in_host(env, env->el)) {
        return count;
    }
    return count - env->cntvoff_el2;
}

/* FEAT_RME: in Root and Realm state CNTHCTL_EL2.CNTPMASK/CNTVMASK act as IMASK for the EL1
 * physical/virtual timer (Arm ARM pseudocode AArch64.CheckTimerConditions); RES0 elsewhere. */
static bool rme_masked(CPUARMState *env, int t)
{
    ArmSecuritySpace ss;

    if (!env->features.has_rme || (t != GTIMER_PHYS && t != GTIMER_VIRT)) {
        return false;
    }
    ss = arm_current_space(env);
    if (ss != ARMSS_ROOT && ss != ARMSS_REALM) {
        return false;
    }
    return (env->cnthctl_el2 & (t == GTIMER_PHYS ? CNTHCTL_CNTPMASK : CNTHCTL_CNTVMASK)) != 0;
}

static void gt_set_output(CPUARMState *env, int t)
{
    qemu_irq *out = gt_outputs(env);
    uint64_t ctl = env->gt[t].ctl;
    bool level = (ctl & GT_CTL_ENABLE) && (ctl & GT_CTL_ISTATUS) && !(ctl & GT_CTL_IMASK) &&
                 !rme_masked(env, t);

    if (level) {
        env->gt_irq_state |= 1u << t;
    } else {
        env->gt_irq_state &= ~(1u << t);
    }
    if (out) {
        qemu_set_irq(out[t], level);
    }
}

void gt_el_change(CPUARMState *env)
{
    if (env->features.has_rme) {
        gt_set_output(env, GTIMER_PHYS);
        gt_set_output(env, GTIMER_VIRT);
    }
}

static void gt_recalc(CPUARMState *env, int t)
{
    ArmGenericTimer *gt = &env->gt[t];

    if (gt->ctl & GT_CTL_ENABLE) {
        uint64_t phys = phys_count();
        uint64_t count = phys - timer_offset(env, t);
        /* The condition is met when the (offset) count is at or past CVAL, as unsigned
         * 64-bit values (Arm ARM D12.2.4, "Operation of the CompareValue views"). */
        bool met = count >= gt->cval;

        if (met) {
            gt->ctl |= GT_CTL_ISTATUS;
            timer_del(&env->gt_timer[t]);
        } else {
            uint64_t target = phys + (gt->cval - count);
            gt->ctl &= ~(uint64_t)GT_CTL_ISTATUS;
            /* If the sum wraps, the expiry lies beyond the counter's range: never. */
            timer_mod(&env->gt_timer[t], target < phys ? INT64_MAX : ticks_to_ns_ceil(target));
        }
    } else {
        /* ISTATUS is UNKNOWN while disabled; report 0 and stop the QEMUTimer. */
        gt->ctl &= ~(uint64_t)GT_CTL_ISTATUS;
        timer_del(&env->gt_timer[t]);
    }
    gt_set_output(env, t);
}

static void gt_timer_cb(void *opaque)
{
    GTimerCtx *c = opaque;

    gt_recalc(c->env, c->timer);
}

void gt_init(CPUARMState *env, qemu_irq out[GTIMER_NUM])
{
    int slot = -1;

    for (int i = 0; i < GT_MAX_CPUS; i++) {
        if (gt_cpus[i].env == env || (slot < 0 && !gt_cpus[i].env)) {
            slot = i;
            if (gt_cpus[i].env == env) {
                break;
            }
        }
    }
    if (slot < 0) {
        qemu_log_mask(LOG_UNIMP, "gtimer: more than %d CPUs\n", GT_MAX_CPUS);
        return;
    }
    gt_cpus[slot].env = env;
    for (int t = 0; t < GTIMER_NUM; t++) {
        gt_cpus[slot].out[t] = out ? out[t] : NULL;
        gt_cpus[slot].ctx[t].env = env;
        gt_cpus[slot].ctx[t].timer = t;
        timer_init(&env->gt_timer[t], gt_timer_cb, &gt_cpus[slot].ctx[t]);
    }
    if (!env->cntfrq_el0) {
        env->cntfrq_el0 = GTIMER_FREQ_HZ;
    }
}

void gt_recompute(CPUARMState *env)
{
    for (int t = 0; t < GTIMER_NUM; t++) {
        gt_recalc(env, t);
    }
}

uint64_t gt_reg_read(CPUARMState *env, int timer, int reg)
{
    ArmGenericTimer *gt;

    if (timer < 0 || timer >= GTIMER_NUM) {
        return 0;
    }
    gt = &env->gt[timer];
    switch (reg) {
    case GT_REG_CTL:
        gt_recalc(env, timer);      /* ISTATUS reflects the count at the time of the read */
        return gt->ctl;
    case GT_REG_CVAL:
        return gt->cval;
    case GT_REG_TVAL:
        /* TimerValue = CompareValue - Counter, low 32 bits (Arm ARM D12.2.4). */
        return (uint32_t)(gt->cval - (phys_count() - timer_offset(env, timer)));
    }
    return 0;
}

void gt_reg_write(CPUARMState *env, int timer, int reg, uint64_t v)
{
    ArmGenericTimer *gt;

    if (timer < 0 || timer >= GTIMER_NUM) {
        return;
    }
    gt = &env->gt[timer];
    switch (reg) {
    case GT_REG_CTL:
        gt->ctl = (gt->ctl & GT_CTL_ISTATUS) | (v & (GT_CTL_ENABLE | GT_CTL_IMASK));
        break;
    case GT_REG_CVAL:
        gt->cval = v;
        break;
    case GT_REG_TVAL:
        /* CompareValue = Counter + SignExtend(TimerValue[31:0]) (Arm ARM D12.2.4). */
        gt->cval = phys_count() - timer_offset(env, timer) + (uint64_t)(int64_t)(int32_t)v;
        break;
    default:
        return;
    }
    gt_recalc(env, timer);
}

/* Accessibility pseudocode of CNTP_{CTL,CVAL,TVAL}_EL0 and CNTV_*_EL0 (Arm ARM D24.10): when
 * ELIsInHost(PSTATE.EL), they name CNTHPS_* / CNTHVS_* in Secure state with FEAT_SEL2 and
 * CNTHP_* / CNTHV_* outside Secure state; otherwise the EL1 timers. EL3 never redirects. */
int gt_redirect_el0_timer(CPUARMState *env, int timer)
{
    bool secure;

    if ((timer != GTIMER_PHYS && timer != GTIMER_VIRT) || !el_is_in_host(env, env->el)) {
        return timer;
    }
    secure = arm_current_space(env) == ARMSS_SECURE;
    if (secure && isar_aa64_sel2(&env->features)) {
        return timer == GTIMER_PHYS ? GTIMER_S_EL2_PHYS : GTIMER_S_EL2_VIRT;
    }
    if (!secure) {
        return timer == GTIMER_PHYS ? GTIMER_HYP : GTIMER_HYPVIRT;
    }
    return timer;
}

/* EL2 control of EL0/EL1 physical counter and timer accesses (CNTHCTL_EL2). */
static bool el2_blocks(CPUARMState *env, int timer, bool is_counter)
{
    uint32_t bit;

    if (!arm_el2_enabled(env) || timer != GTIMER_PHYS) {
        return false;
    }
    if (env->hcr_el2 & HCR_E2H) {
        bit = is_counter ? CNTHCTL_EL1PCTEN_VHE : CNTHCTL_EL1PTEN_VHE;
    } else {
        bit = is_counter ? CNTHCTL_EL1PCTEN_NVHE : CNTHCTL_EL1PCEN_NVHE;
    }
    return !(env->cnthctl_el2 & bit);
}

static uint32_t el0_enable_bit(int timer, bool is_counter)
{
    if (is_counter) {
        return timer == GTIMER_PHYS ? CNTKCTL_EL0PCTEN : CNTKCTL_EL0VCTEN;
    }
    return timer == GTIMER_PHYS ? CNTKCTL_EL0PTEN : CNTKCTL_EL0VTEN;
}

/* CNTPCT_EL0 / CNTVCT_EL0 and the CNTP_*_EL0 / CNTV_*_EL0 encodings (timer = GTIMER_PHYS or
 * GTIMER_VIRT): the EL0 enables of CNTKCTL_EL1, or of CNTHCTL_EL2 when ELIsInHost(EL0), then
 * the CNTHCTL_EL2 EL1 enables for physical accesses from EL0 and EL1. */
static uint32_t el0_el1_access(CPUARMState *env, int timer, bool is_counter)
{
    switch (env->el) {
    case 0:
        if (el_is_in_host(env, 0)) {
            return (env->cnthctl_el2 & el0_enable_bit(timer, is_counter)) ? 0 : 2;
        }
        if (!(env->cntkctl_el1 & el0_enable_bit(timer, is_counter))) {
            return (arm_el2_enabled(env) && (env->hcr_el2 & HCR_TGE)) ? 2 : 1;
        }
        return el2_blocks(env, timer, is_counter) ? 2 : 0;
    case 1:
        return el2_blocks(env, timer, is_counter) ? 2 : 0;
    default:
        return 0;
    }
}

/* CNTPS_{CTL,CVAL,TVAL}_EL1: EL3, or Secure EL1 when SCR_EL3.ST = 1 (trap to EL3 otherwise);
 * UNDEFINED at Secure EL1 when SCR_EL3.EEL2 = 1 (Secure EL2 owns the Secure EL1 timers then),
 * in Non-secure/Realm EL1, at EL0 and at EL2. */
static uint32_t cntps_access(CPUARMState *env)
{
    switch (env->el) {
    case 1:
        if (!arm_is_secure_below_el3(env) || (env->scr_el3 & SCR_EEL2)) {
            return GT_ACCESS_UNDEFINED;
        }
        return (env->features.has_el3 && !(env->scr_el3 & SCR_ST)) ? 3 : 0;
    case 3:
        return 0;
    default:
        return GT_ACCESS_UNDEFINED;
    }
}

/* CNTHP_*_EL2 and CNTHV_*_EL2 (the latter only with FEAT_VHE): EL2 and EL3, in any Security
 * state (no redirection at Secure EL2); at EL1 they trap to EL2 only with HCR_EL2.NV, and
 * FEAT_NV is not implemented, so UNDEFINED at EL0 and EL1. */
static uint32_t hyp_access(CPUARMState *env, int timer)
{
    if (timer == GTIMER_HYPVIRT && !isar_aa64_vh(&env->features)) {
        return GT_ACCESS_UNDEFINED;
    }
    return env->el >= 2 ? 0 : GT_ACCESS_UNDEFINED;
}

/* CNTHPS_*_EL2 (FEAT_SEL2) and CNTHVS_*_EL2 (FEAT_SEL2 and FEAT_VHE): UNDEFINED at EL0, at EL1
 * (no FEAT_NV), at EL2 outside Secure state, and at EL3 when SCR_EL3.EEL2 = 0. */
static uint32_t sel2_access(CPUARMState *env, int timer)
{
    if (!isar_aa64_sel2(&env->features) ||
        (timer == GTIMER_S_EL2_VIRT && !isar_aa64_vh(&env->features))) {
        return GT_ACCESS_UNDEFINED;
    }
    switch (env->el) {
    case 2:
        return arm_current_space(env) == ARMSS_SECURE ? 0 : GT_ACCESS_UNDEFINED;
    case 3:
        return (env->scr_el3 & SCR_EEL2) ? 0 : GT_ACCESS_UNDEFINED;
    default:
        return GT_ACCESS_UNDEFINED;
    }
}

uint32_t gt_access_trap_el(CPUARMState *env, int timer, bool is_counter, bool is_write)
{
    (void)is_write;     /* the rules are the same for reads and writes */
    if (is_counter) {
        return (timer == GTIMER_PHYS || timer == GTIMER_VIRT) ? el0_el1_access(env, timer, true)
                                                              : GT_ACCESS_UNDEFINED;
    }
    switch (timer) {
    case GTIMER_PHYS:
    case GTIMER_VIRT:
        return el0_el1_access(env, timer, false);
    case GTIMER_SEC:
        return cntps_access(env);
    case GTIMER_HYP:
    case GTIMER_HYPVIRT:
        return hyp_access(env, timer);
    case GTIMER_S_EL2_PHYS:
    case GTIMER_S_EL2_VIRT:
        return sel2_access(env, timer);
    default:
        return GT_ACCESS_UNDEFINED;
    }
}
