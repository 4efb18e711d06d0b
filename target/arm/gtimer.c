/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gtimer.c: Arm generic timer: counter from the virtual clock, comparators, outputs, traps. */
#include <stddef.h>
#include "gtimer.h"
#include "qemu/log.h"
#include "qemu/timer.h"

#define HCR_TGE     (1ull << 27)
#define HCR_E2H     (1ull << 34)
#define SCR_ST      (1ull << 11)

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

static bool host_regime(const CPUARMState *env)
{
    return env->features.has_el2 && (env->hcr_el2 & (HCR_E2H | HCR_TGE)) == (HCR_E2H | HCR_TGE);
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

uint64_t gt_cnt_read(CPUARMState *env, bool virt)
{
    uint64_t count = phys_count();
    bool e2h = env->features.has_el2 && (env->hcr_el2 & HCR_E2H);

    if (!virt || !env->features.has_el2) {
        return count;
    }
    if ((env->el == 2 && e2h) || (env->el == 0 && host_regime(env))) {
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

int gt_redirect_el0_timer(CPUARMState *env, int timer)
{
    bool e2h = env->features.has_el2 && (env->hcr_el2 & HCR_E2H);

    if ((env->el == 2 && e2h) || (env->el == 0 && host_regime(env))) {
        if (timer == GTIMER_PHYS) {
            return GTIMER_HYP;
        }
        if (timer == GTIMER_VIRT) {
            return GTIMER_HYPVIRT;
        }
    }
    return timer;
}

static bool is_physical(int timer)
{
    return timer == GTIMER_PHYS || timer == GTIMER_HYP;
}

/* EL2 control of EL0/EL1 physical counter and timer accesses (CNTHCTL_EL2). */
static bool el2_blocks(CPUARMState *env, int timer, bool is_counter)
{
    uint32_t bit;

    if (!arm_el2_enabled(env) || !is_physical(timer)) {
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
        return is_physical(timer) ? CNTKCTL_EL0PCTEN : CNTKCTL_EL0VCTEN;
    }
    return is_physical(timer) ? CNTKCTL_EL0PTEN : CNTKCTL_EL0VTEN;
}

uint32_t gt_access_trap_el(CPUARMState *env, int timer, bool is_counter, bool is_write)
{
    bool hyp_timer = timer == GTIMER_HYP || timer == GTIMER_HYPVIRT;

    (void)is_write;     /* the enables cover reads and writes alike */
    if (timer < 0 || timer >= GTIMER_NUM) {
        return GT_ACCESS_UNDEFINED;
    }
    switch (env->el) {
    case 0:
        if (timer == GTIMER_SEC) {
            return GT_ACCESS_UNDEFINED;
        }
        if (host_regime(env) && arm_el2_enabled(env)) {
            /* EL2&0 host regime: CNTHCTL_EL2 takes the role of CNTKCTL_EL1 (Arm ARM,
             * CNTHCTL_EL2 with E2H = 1); traps go to EL2. */
            return (env->cnthctl_el2 & el0_enable_bit(timer, is_counter)) ? 0 : 2;
        }
        if (hyp_timer && !is_counter) {
            return GT_ACCESS_UNDEFINED;
        }
        if (!(env->cntkctl_el1 & el0_enable_bit(timer, is_counter))) {
            return (arm_el2_enabled(env) && (env->hcr_el2 & HCR_TGE)) ? 2 : 1;
        }
        return el2_blocks(env, timer, is_counter) ? 2 : 0;
    case 1:
        if (hyp_timer && !is_counter) {
            return GT_ACCESS_UNDEFINED;
        }
        if (timer == GTIMER_SEC && !is_counter) {
            /* CNTPS_*_EL1: Secure EL1 only, and only when SCR_EL3.ST allows it. */
            if (!arm_is_secure_below_el3(env)) {
                return GT_ACCESS_UNDEFINED;
            }
            return (env->features.has_el3 && !(env->scr_el3 & SCR_ST)) ? 3 : 0;
        }
        return el2_blocks(env, timer, is_counter) ? 2 : 0;
    case 2:
        return (timer == GTIMER_SEC && !is_counter) ? GT_ACCESS_UNDEFINED : 0;
    default:
        return 0;
    }
}
