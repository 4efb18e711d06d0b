/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-gtimer.c: generic timer counter, CVAL/TVAL/ISTATUS, outputs and traps (Arm ARM D12). */
#include <glib.h>
#include <string.h>
#include "cpu-stubs.h"
#include "gtimer.h"
#include "qemu/log.h"
#include "qemu/timer.h"

#define NS_PER_TICK 16      /* 62.5 MHz */
#define HCR_TGE (1ull << 27)
#define HCR_E2H (1ull << 34)
#define SCR_NS  (1ull << 0)
#define SCR_ST  (1ull << 11)
#define SCR_EEL2 (1ull << 18)
#define SCR_NSE (1ull << 62)
#define PFR0_SEL2 (1ull << 36)     /* ID_AA64PFR0_EL1.SEL2 = 1 */
#define MMFR1_VH  (1ull << 8)      /* ID_AA64MMFR1_EL1.VH = 1 */
#define UNDEF GT_ACCESS_UNDEFINED

static CPUARMState env;
static int line_level[GTIMER_NUM];
static qemu_irq lines[GTIMER_NUM];

static void line_handler(void *opaque, int n, int level)
{
    line_level[n] = level;
}

static void setup(void)
{
    for (int i = 0; i < GTIMER_NUM; i++) {
        timer_del(&env.gt_timer[i]);    /* unlink from the clock's list before reuse */
    }
    memset(&env, 0, sizeof(env));
    memset(line_level, 0, sizeof(line_level));
    env.features.has_el2 = env.features.has_el3 = true;
    env.el = 1;
    env.scr_el3 = SCR_NS;
    for (int i = 0; i < GTIMER_NUM; i++) {
        if (!lines[i]) {
            lines[i] = qemu_allocate_irq(line_handler, NULL, i);
        }
    }
    gt_init(&env, lines);
}

/* Advance the virtual clock by whole counter ticks and fire expired timers. */
static void advance_ticks(uint64_t ticks)
{
    clock_icount_advance(ticks * NS_PER_TICK);
    timers_run_expired();
}

static void test_frequency_and_counter(void)
{
    uint64_t c0, c1;

    setup();
    g_assert_cmpuint(env.cntfrq_el0, ==, 62500000);
    g_assert_cmpuint(gt_ns_to_ticks(1000000000), ==, 62500000);   /* one second */
    g_assert_cmpuint(gt_ns_to_ticks(15), ==, 0);
    c0 = gt_cnt_read(&env, false);
    advance_ticks(100);
    c1 = gt_cnt_read(&env, false);
    g_assert_cmpuint(c1 - c0, ==, 100);
    /* CNTVCT = CNTPCT - CNTVOFF_EL2 (Arm ARM D12.2.2) */
    env.cntvoff_el2 = 40;
    g_assert_cmpuint(gt_cnt_read(&env, true), ==, c1 - 40);
    env.el = 2;
    env.hcr_el2 = HCR_E2H;                  /* EL2&0 host regime: offset reads as zero */
    g_assert_cmpuint(gt_cnt_read(&env, true), ==, c1);
    env.features.has_el2 = false;
    env.el = 1;
    env.hcr_el2 = 0;
    g_assert_cmpuint(gt_cnt_read(&env, true), ==, c1);
}

/* CVAL comparison, ISTATUS, IMASK and the output line (Arm ARM D12.2.4). */
static void test_cval_istatus(void)
{
    uint64_t now;

    setup();
    now = gt_cnt_read(&env, false);
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CVAL, now + 10);
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CTL, GT_CTL_ENABLE);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_PHYS, GT_REG_CTL), ==, GT_CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    /* the QEMUTimer is armed for the first ns at which the count reaches CVAL */
    g_assert_cmpint(env.gt_timer[GTIMER_PHYS].expire_ns, ==, (int64_t)(now + 10) * NS_PER_TICK);
    advance_ticks(9);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    advance_ticks(1);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_PHYS, GT_REG_CTL), ==,
                     GT_CTL_ENABLE | GT_CTL_ISTATUS);
    g_assert_cmpuint(env.gt_irq_state, ==, 1u << GTIMER_PHYS);
    /* IMASK hides the output but not ISTATUS */
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CTL, GT_CTL_ENABLE | GT_CTL_IMASK | GT_CTL_ISTATUS);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_PHYS, GT_REG_CTL), ==,
                     GT_CTL_ENABLE | GT_CTL_IMASK | GT_CTL_ISTATUS);
    /* ISTATUS is read-only: writing 0 to it does not clear a met condition */
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CTL, GT_CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
    /* moving CVAL ahead deasserts */
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CVAL, gt_cnt_read(&env, false) + 5);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    /* disabling: no output, ISTATUS reads 0, timer stopped */
    advance_ticks(5);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CTL, 0);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_PHYS, GT_REG_CTL), ==, 0);
    g_assert_false(timer_pending(&env.gt_timer[GTIMER_PHYS]));
}

/* TVAL is the signed 32-bit view: CVAL = count + SignExtend(TVAL) (Arm ARM D12.2.4). */
static void test_tval(void)
{
    uint64_t now;

    setup();
    advance_ticks(1000);
    now = gt_cnt_read(&env, false);
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_TVAL, 0xfffffffbu);   /* -5 */
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_VIRT, GT_REG_CVAL), ==, now - 5);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_VIRT, GT_REG_TVAL), ==, 0xfffffffbu);
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_CTL, GT_CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 1);               /* already met */
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_TVAL, 0x1234567812345678ull);   /* high bits ignored */
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_VIRT, GT_REG_CVAL), ==, now + 0x12345678);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 0);
    advance_ticks(0x10);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_VIRT, GT_REG_TVAL), ==, 0x12345678 - 0x10);
    /* CVAL in the past by more than 2^31 ticks: TVAL wraps, bits [63:32] stay zero */
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_CVAL, 0);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_VIRT, GT_REG_TVAL) >> 32, ==, 0);
}

/* The EL1 virtual timer compares against the offset count; CNTVOFF changes take effect after
 * gt_recompute (Arm ARM D12.2.2). */
static void test_virtual_offset(void)
{
    uint64_t phys;

    setup();
    advance_ticks(500);
    phys = gt_cnt_read(&env, false);
    env.cntvoff_el2 = 100;
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_CVAL, phys - 50);
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_CTL, GT_CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 0);               /* virtual count = phys-100 */
    g_assert_cmpint(env.gt_timer[GTIMER_VIRT].expire_ns, ==, (int64_t)(phys + 50) * NS_PER_TICK);
    /* the timer condition keeps the offset in the EL2&0 host regime (D12.2.4.1) */
    env.hcr_el2 = HCR_E2H | HCR_TGE;
    gt_recompute(&env);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 0);
    env.hcr_el2 = 0;
    env.cntvoff_el2 = 0;
    gt_recompute(&env);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 1);
    /* the physical timer ignores the offset */
    env.cntvoff_el2 = 100;
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CVAL, phys - 50);
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CTL, GT_CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
}

/* FEAT_RME: CNTHCTL_EL2.CNTPMASK/CNTVMASK mask the EL1 timers in Root and Realm state only
 * (Arm ARM AArch64.CheckTimerConditions). */
static void test_rme_masks(void)
{
    setup();
    env.features.has_rme = true;
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CVAL, 0);
    gt_reg_write(&env, GTIMER_PHYS, GT_REG_CTL, GT_CTL_ENABLE);
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_CVAL, 0);
    gt_reg_write(&env, GTIMER_VIRT, GT_REG_CTL, GT_CTL_ENABLE);
    env.cnthctl_el2 = 1u << 19;                         /* CNTPMASK */
    gt_el_change(&env);                                 /* Non-secure: RES0 */
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
    env.scr_el3 = SCR_NS | (1ull << 62);                /* Realm */
    gt_el_change(&env);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 1);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_PHYS, GT_REG_CTL) & GT_CTL_ISTATUS, !=, 0);
    env.cnthctl_el2 = 1u << 18;                         /* CNTVMASK */
    gt_recompute(&env);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 1);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 0);
    env.el = 3;                                         /* Root */
    gt_el_change(&env);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 0);
    env.el = 1;
    env.scr_el3 = SCR_NS;
    gt_el_change(&env);
    g_assert_cmpint(line_level[GTIMER_VIRT], ==, 1);
}

/* Each timer drives its own line; far-future CVAL never fires. */
static void test_independent_timers(void)
{
    uint64_t now;

    setup();
    now = gt_cnt_read(&env, false);
    gt_reg_write(&env, GTIMER_HYP, GT_REG_CVAL, now + 3);
    gt_reg_write(&env, GTIMER_HYP, GT_REG_CTL, GT_CTL_ENABLE);
    gt_reg_write(&env, GTIMER_SEC, GT_REG_CVAL, UINT64_MAX);
    gt_reg_write(&env, GTIMER_SEC, GT_REG_CTL, GT_CTL_ENABLE);
    advance_ticks(3);
    g_assert_cmpint(line_level[GTIMER_HYP], ==, 1);
    g_assert_cmpint(line_level[GTIMER_SEC], ==, 0);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);
    g_assert_cmpuint(env.gt_irq_state, ==, 1u << GTIMER_HYP);
}

/* Access rules (Arm ARM register descriptions: CNTKCTL_EL1, CNTHCTL_EL2; CNTPS_CTL_EL1). */
static void test_traps(void)
{
    setup();
    env.el = 0;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 1);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, true, false), ==, 1);
    env.cntkctl_el1 = 1u << 9 | 1u << 0;               /* EL0PTEN, EL0PCTEN */
    env.cnthctl_el2 = 3;                                /* EL1PCTEN, EL1PCEN (E2H = 0) */
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, true), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, true, false), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, false, false), ==, 1);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, true, false), ==, 1);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, GT_ACCESS_UNDEFINED);
    env.cnthctl_el2 = 0;                                /* EL2 traps EL0 physical accesses */
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 2);
    env.cntkctl_el1 = 0;
    env.hcr_el2 = HCR_TGE;                              /* EL0 traps go to EL2 */
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, false, false), ==, 2);
    env.hcr_el2 = HCR_TGE | HCR_E2H;                    /* host: CNTHCTL_EL2 controls EL0 */
    env.cntkctl_el1 = 0xffff;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, true, false), ==, 2);
    env.cnthctl_el2 = 1u << 1;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, true, false), ==, 0);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_HYP);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_VIRT), ==, GTIMER_HYPVIRT);

    env.el = 1;
    env.hcr_el2 = 0;
    env.cnthctl_el2 = 0;
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_PHYS);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 2);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, true, false), ==, 2);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, false, false), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, true, false), ==, 0);
    env.hcr_el2 = HCR_E2H;                              /* E2H layout: bits 10 and 11 */
    env.cnthctl_el2 = 3;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 2);
    env.cnthctl_el2 = 1u << 10 | 1u << 11;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYP, false, false), ==, GT_ACCESS_UNDEFINED);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, GT_ACCESS_UNDEFINED);
    env.scr_el3 = 0;                                    /* Secure EL1 */
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, 3);
    env.scr_el3 = SCR_ST;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, true), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, true), ==, 0);   /* no EL2 */
    env.el = 2;
    env.scr_el3 = SCR_NS;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, GT_ACCESS_UNDEFINED);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYP, false, false), ==, 0);
    env.el = 3;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, 0);
}

/* A PE with FEAT_SEL2 and FEAT_VHE, at Secure EL2 (SCR_EL3.{NS,EEL2} = {0,1}). */
static void setup_sel2(void)
{
    setup();
    env.features.id_aa64pfr0 |= PFR0_SEL2;
    env.features.id_aa64mmfr1 |= MMFR1_VH;
    env.el = 2;
    env.scr_el3 = SCR_EEL2;
}

/* Accessibility of CNTHPS_*_EL2 and CNTHVS_*_EL2 (Arm ARM D24.10.6-8, D24.10.12-14): EL0 and EL1
 * UNDEFINED (no FEAT_NV), EL2 only in Secure state, EL3 only with SCR_EL3.EEL2 = 1; CNTHVS also
 * needs FEAT_VHE; both need FEAT_SEL2. */
static void test_sel2_access(void)
{
    static const int t[2] = { GTIMER_S_EL2_PHYS, GTIMER_S_EL2_VIRT };

    setup_sel2();
    for (int i = 0; i < 2; i++) {
        env.el = 2;
        env.scr_el3 = SCR_EEL2;                                 /* Secure EL2 */
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, false), ==, 0);
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, true), ==, 0);
        env.scr_el3 = SCR_NS;                                   /* Non-secure EL2 */
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, false), ==, UNDEF);
        env.scr_el3 = SCR_NS | SCR_EEL2;
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, true), ==, UNDEF);
        env.el = 1;                                             /* Secure EL1: no FEAT_NV */
        env.scr_el3 = SCR_EEL2;
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, false), ==, UNDEF);
        env.el = 0;
        env.hcr_el2 = HCR_E2H | HCR_TGE;                        /* even in the host regime */
        env.cnthctl_el2 = 0x303;
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, false), ==, UNDEF);
        env.hcr_el2 = 0;
        env.cnthctl_el2 = 0;
        env.el = 3;
        env.scr_el3 = SCR_NS;                                   /* EEL2 = 0 */
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, false), ==, UNDEF);
        env.scr_el3 = 0;
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, true), ==, UNDEF);
        env.scr_el3 = SCR_EEL2;
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, false), ==, 0);
        env.scr_el3 = SCR_NS | SCR_EEL2;                        /* NS does not matter at EL3 */
        g_assert_cmpuint(gt_access_trap_el(&env, t[i], false, true), ==, 0);
    }
    /* Realm EL2 (FEAT_RME) is not Secure state */
    env.features.has_rme = true;
    env.el = 2;
    env.scr_el3 = SCR_NSE | SCR_NS | SCR_EEL2;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_S_EL2_PHYS, false, false), ==, UNDEF);
    env.features.has_rme = false;
    /* FEAT_VHE absent: CNTHVS_* and CNTHV_* are UNDEFINED, CNTHPS_* and CNTHP_* remain */
    env.scr_el3 = SCR_EEL2;
    env.features.id_aa64mmfr1 = 0;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_S_EL2_VIRT, false, false), ==, UNDEF);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYPVIRT, false, false), ==, UNDEF);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_S_EL2_PHYS, false, false), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYP, false, false), ==, 0);
    /* FEAT_SEL2 absent: both UNDEFINED even at EL3 */
    env.features.id_aa64mmfr1 = MMFR1_VH;
    env.features.id_aa64pfr0 = 0;
    env.el = 3;
    env.scr_el3 = SCR_EEL2;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_S_EL2_PHYS, false, false), ==, UNDEF);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_S_EL2_VIRT, false, false), ==, UNDEF);
    /* the timers are not counters */
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_S_EL2_PHYS, true, false), ==, UNDEF);
}

/* Neighbouring rules that Secure EL2 changes (Arm ARM D24.10): CNTHP_*_EL2 / CNTHV_*_EL2 stay the
 * Non-secure EL2 timers at Secure EL2 and are UNDEFINED at EL0 whatever CNTHCTL_EL2 says;
 * CNTPS_*_EL1 is UNDEFINED at Secure EL1 when SCR_EL3.EEL2 = 1, before the SCR_EL3.ST trap;
 * CNTHCTL_EL2 traps Secure EL1 physical accesses only when Secure EL2 is enabled. */
static void test_sel2_neighbours(void)
{
    setup_sel2();
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYP, false, false), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYPVIRT, false, true), ==, 0);
    env.el = 0;
    env.scr_el3 = SCR_NS;
    env.hcr_el2 = HCR_E2H | HCR_TGE;
    env.cnthctl_el2 = 0x303;                 /* EL0PTEN, EL0VTEN, EL0PCTEN, EL0VCTEN */
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYP, false, false), ==, UNDEF);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_HYPVIRT, false, false), ==, UNDEF);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 0);
    env.hcr_el2 = 0;
    env.cnthctl_el2 = 0;

    env.el = 1;
    env.scr_el3 = SCR_EEL2 | SCR_ST;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, UNDEF);
    env.scr_el3 = SCR_EEL2;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, true), ==, UNDEF);
    env.scr_el3 = 0;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, 3);
    env.scr_el3 = SCR_ST;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_SEC, false, false), ==, 0);

    /* Secure EL1, CNTHCTL_EL2.EL1PCEN = 0: trapped to EL2 only with EEL2 = 1 (EL2Enabled()) */
    env.scr_el3 = 0;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 0);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, true, false), ==, 0);
    env.scr_el3 = SCR_EEL2;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 2);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, true, false), ==, 2);
    env.cnthctl_el2 = 3;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 0);

    /* Secure EL0, HCR_EL2.{E2H,TGE} = {1,1} but EEL2 = 0: not in the host regime, so
     * CNTKCTL_EL1 decides and its traps go to EL1 (EL2Enabled() is FALSE). */
    env.el = 0;
    env.scr_el3 = 0;
    env.hcr_el2 = HCR_E2H | HCR_TGE;
    env.cnthctl_el2 = 0x303;
    env.cntkctl_el1 = 0;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 1);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, true, false), ==, 1);
    /* with EEL2 = 1 it is the host regime: CNTHCTL_EL2's EL0 enables, traps to EL2 */
    env.scr_el3 = SCR_EEL2;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 0);
    env.cnthctl_el2 = 0;
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_PHYS, false, false), ==, 2);
    g_assert_cmpuint(gt_access_trap_el(&env, GTIMER_VIRT, false, false), ==, 2);
}

/* FEAT_VHE redirection of CNTP_*_EL0 / CNTV_*_EL0 (their accessibility pseudocode): to CNTHPS /
 * CNTHVS when ELIsInHost and Secure, to CNTHP / CNTHV when ELIsInHost and not Secure. */
static void test_sel2_redirect(void)
{
    setup_sel2();
    env.hcr_el2 = HCR_E2H;                                      /* Secure EL2, E2H */
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_S_EL2_PHYS);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_VIRT), ==, GTIMER_S_EL2_VIRT);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_HYP), ==, GTIMER_HYP);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_SEC), ==, GTIMER_SEC);
    env.hcr_el2 = 0;                                            /* Secure EL2, E2H = 0 */
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_PHYS);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_VIRT), ==, GTIMER_VIRT);
    env.el = 0;
    env.hcr_el2 = HCR_E2H | HCR_TGE;                            /* Secure EL0 in the host */
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_S_EL2_PHYS);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_VIRT), ==, GTIMER_S_EL2_VIRT);
    env.hcr_el2 = HCR_E2H;                                      /* TGE = 0: EL1&0 regime */
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_PHYS);
    env.hcr_el2 = HCR_E2H | HCR_TGE;
    env.scr_el3 = 0;                                            /* EEL2 = 0: EL2 disabled */
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_PHYS);
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_VIRT), ==, GTIMER_VIRT);
    env.scr_el3 = SCR_NS;                                       /* Non-secure EL0 in the host */
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_HYP);
    env.el = 2;                                                 /* Non-secure EL2 */
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_VIRT), ==, GTIMER_HYPVIRT);
    env.features.has_rme = true;                                /* Realm EL2 */
    env.scr_el3 = SCR_NSE | SCR_NS;
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_HYP);
    env.features.has_rme = false;
    env.el = 1;                                                 /* never at EL1 or EL3 */
    env.scr_el3 = SCR_EEL2;
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_PHYS), ==, GTIMER_PHYS);
    env.el = 3;
    g_assert_cmpint(gt_redirect_el0_timer(&env, GTIMER_VIRT), ==, GTIMER_VIRT);
}

/* The Secure EL2 timers: CVAL/TVAL against the physical count with no offset (the TVAL
 * pseudocode uses PhysicalCountInt() for both), ISTATUS, IMASK and their own output lines;
 * CNTHCTL_EL2.CNTPMASK/CNTVMASK (FEAT_RME) affect only the EL1 timers. */
static void test_sel2_timers(void)
{
    uint64_t now;

    setup_sel2();
    advance_ticks(1000);
    now = gt_cnt_read(&env, false);
    env.cntvoff_el2 = 100;
    /* TVAL write: CVAL = count + SignExtend(TVAL[31:0]) */
    gt_reg_write(&env, GTIMER_S_EL2_VIRT, GT_REG_TVAL, 0xffffffffffffffceull);   /* -50 */
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_VIRT, GT_REG_CVAL), ==, now - 50);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_VIRT, GT_REG_TVAL), ==, 0xffffffceu);
    gt_reg_write(&env, GTIMER_S_EL2_VIRT, GT_REG_CTL, GT_CTL_ENABLE);
    /* with CNTVOFF_EL2 = 100 applied the count would be below CVAL: it is not applied */
    g_assert_cmpint(line_level[GTIMER_S_EL2_VIRT], ==, 1);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_VIRT, GT_REG_CTL), ==,
                     GT_CTL_ENABLE | GT_CTL_ISTATUS);
    g_assert_cmpuint(env.gt_irq_state, ==, 1u << GTIMER_S_EL2_VIRT);

    gt_reg_write(&env, GTIMER_S_EL2_PHYS, GT_REG_TVAL, 7);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_PHYS, GT_REG_CVAL), ==, now + 7);
    gt_reg_write(&env, GTIMER_S_EL2_PHYS, GT_REG_CTL, GT_CTL_ENABLE | GT_CTL_IMASK);
    g_assert_cmpint(env.gt_timer[GTIMER_S_EL2_PHYS].expire_ns, ==,
                    (int64_t)(now + 7) * NS_PER_TICK);
    advance_ticks(6);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_PHYS, GT_REG_TVAL), ==, 1);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_PHYS, GT_REG_CTL), ==,
                     GT_CTL_ENABLE | GT_CTL_IMASK);
    advance_ticks(1);
    /* met: ISTATUS = 1 but IMASK holds the line low */
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_PHYS, GT_REG_CTL), ==,
                     GT_CTL_ENABLE | GT_CTL_IMASK | GT_CTL_ISTATUS);
    g_assert_cmpint(line_level[GTIMER_S_EL2_PHYS], ==, 0);
    gt_reg_write(&env, GTIMER_S_EL2_PHYS, GT_REG_CTL, GT_CTL_ENABLE);
    g_assert_cmpint(line_level[GTIMER_S_EL2_PHYS], ==, 1);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_PHYS, GT_REG_TVAL), ==, 0);
    g_assert_cmpint(line_level[GTIMER_HYP], ==, 0);          /* the other EL2 timers are quiet */
    g_assert_cmpint(line_level[GTIMER_HYPVIRT], ==, 0);
    g_assert_cmpint(line_level[GTIMER_PHYS], ==, 0);

    /* FEAT_RME masks (Realm state here) leave the Secure EL2 timers alone */
    env.features.has_rme = true;
    env.scr_el3 = SCR_NSE | SCR_NS;
    env.cnthctl_el2 = (1u << 19) | (1u << 18);
    gt_el_change(&env);
    gt_recompute(&env);
    g_assert_cmpint(line_level[GTIMER_S_EL2_PHYS], ==, 1);
    g_assert_cmpint(line_level[GTIMER_S_EL2_VIRT], ==, 1);

    /* disabling drops the line and ISTATUS; far-future CVAL never fires */
    gt_reg_write(&env, GTIMER_S_EL2_PHYS, GT_REG_CTL, 0);
    g_assert_cmpint(line_level[GTIMER_S_EL2_PHYS], ==, 0);
    g_assert_cmpuint(gt_reg_read(&env, GTIMER_S_EL2_PHYS, GT_REG_CTL), ==, 0);
    g_assert_false(timer_pending(&env.gt_timer[GTIMER_S_EL2_PHYS]));
    gt_reg_write(&env, GTIMER_S_EL2_VIRT, GT_REG_CVAL, UINT64_MAX);
    g_assert_cmpint(line_level[GTIMER_S_EL2_VIRT], ==, 0);
    advance_ticks(1000);
    g_assert_cmpint(line_level[GTIMER_S_EL2_VIRT], ==, 0);
    g_assert_cmpuint(env.gt_irq_state, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    clock_set_icount(0);    /* 1 ns of virtual time per "instruction": fully deterministic */
    g_test_add_func("/gtimer/frequency-and-counter", test_frequency_and_counter);
    g_test_add_func("/gtimer/cval-istatus", test_cval_istatus);
    g_test_add_func("/gtimer/tval", test_tval);
    g_test_add_func("/gtimer/virtual-offset", test_virtual_offset);
    g_test_add_func("/gtimer/independent-timers", test_independent_timers);
    g_test_add_func("/gtimer/traps", test_traps);
    g_test_add_func("/gtimer/rme-masks", test_rme_masks);
    g_test_add_func("/gtimer/sel2-access", test_sel2_access);
    g_test_add_func("/gtimer/sel2-neighbours", test_sel2_neighbours);
    g_test_add_func("/gtimer/sel2-redirect", test_sel2_redirect);
    g_test_add_func("/gtimer/sel2-timers", test_sel2_timers);
    return g_test_run();
}
