/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-timer.c: the generic timer's system registers; behaviour and trap rules in gtimer.c. */
#include "cpu.h"
#include "gtimer.h"
#include "sysreg.h"

/* Which timer an encoding names (op2 selects the register): op1 = 7 CNTPS_*_EL1; op1 = 4 the EL2
 * timers, CRm 2 CNTHP, 3 CNTHV, 4 CNTHVS, 5 CNTHPS (Arm ARM D24.10 encodings); op1 = 3 (or 5,
 * the *_EL02 aliases) CRm 2 CNTP, 3 CNTV. */
static int enc_timer(uint32_t enc)
{
    static const int el2_timers[4] = { GTIMER_HYP, GTIMER_HYPVIRT, GTIMER_S_EL2_VIRT,
                                       GTIMER_S_EL2_PHYS };
    unsigned op1 = SR_OP1(enc), crm = SR_CRM(enc);

    if (op1 == 7) {
        return GTIMER_SEC;
    }
    if (op1 == 4) {
        return el2_timers[(crm - 2) & 3];
    }
    return crm == 2 ? GTIMER_PHYS : GTIMER_VIRT;
}

static int timer_for(CPUARMState *env, uint32_t enc)
{
    int t = enc_timer(enc);
    if (SR_OP1(enc) == 3) {
        t = gt_redirect_el0_timer(env, t);
    }
    return t;
}

static SysregAccess map_trap(uint32_t t)
{
    if (t == 0) {
        return SR_ACCESS_OK;
    }
    if (t == GT_ACCESS_UNDEFINED) {
        return SR_ACCESS_UNDEF;
    }
    return (SysregAccess)t;
}

/* The rules are the named register's, before any FEAT_VHE redirection (gtimer.h). */
static SysregAccess timer_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return map_trap(gt_access_trap_el(env, enc_timer(r->enc), false, !isread));
}

static SysregAccess counter_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    bool virt = SR_OP2(r->enc) == 2;
    return map_trap(gt_access_trap_el(env, virt ? GTIMER_VIRT : GTIMER_PHYS, true, false));
}

/* CNTFRQ_EL0 is readable from EL0 when CNTKCTL_EL1.{EL0PCTEN,EL0VCTEN} allow either counter. */
static SysregAccess cntfrq_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 0) {
        uint32_t p = gt_access_trap_el(env, GTIMER_PHYS, true, false);
        uint32_t v = gt_access_trap_el(env, GTIMER_VIRT, true, false);
        if (p && v) {
            return map_trap(p);
        }
    }
    return SR_ACCESS_OK;
}

/* op2 of the timer encodings: 0 TVAL, 1 CTL, 2 CVAL */
static int enc_reg(uint32_t enc)
{
    static const int map[3] = { GT_REG_TVAL, GT_REG_CTL, GT_REG_CVAL };
    return map[SR_OP2(enc) % 3];
}

static uint64_t reg_read(CPUARMState *env, const ArmSysReg *r)
{
    return gt_reg_read(env, timer_for(env, r->enc), enc_reg(r->enc));
}

static void reg_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    gt_reg_write(env, timer_for(env, r->enc), enc_reg(r->enc), v);
}

static uint64_t cnt_read(CPUARMState *env, const ArmSysReg *r)
{
    return gt_cnt_read(env, SR_OP2(r->enc) == 2);
}

static void recompute_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    *(uint64_t *)((char *)env + r->fieldoffset) = v;
    gt_recompute(env);
}

#define T(name, op1, crm, op2, acc, fl) \
    { name, SR_ENC(3, op1, 14, crm, op2), acc, SR_IO | (fl), 0, 0, 0, reg_read, reg_write, timer_access }
#define T02(name, crm, op2) \
    { name, SR_ENC(3, 5, 14, crm, op2), SR_EL2_RW, SR_IO | SR_NEEDS_EL2, 0, 0, 0, reg_read, \
      reg_write, sysreg_el12_access }

static const ArmSysReg timer_regs[] = {
    { "CNTFRQ_EL0", SR_ENC(3, 3, 14, 0, 0), SR_EL0_R | SR_EL1_R | SR_EL2_R | SR_EL3_RW, 0,
      SR_FIELD(cntfrq_el0), GTIMER_FREQ_HZ, 0, NULL, NULL, cntfrq_access },
    { "CNTPCT_EL0", SR_ENC(3, 3, 14, 0, 1), SR_EL0_RO, SR_IO, 0, 0, 0, cnt_read, NULL, counter_access },
    { "CNTVCT_EL0", SR_ENC(3, 3, 14, 0, 2), SR_EL0_RO, SR_IO, 0, 0, 0, cnt_read, NULL, counter_access },
    { "CNTKCTL_EL1", SR_ENC(3, 0, 14, 1, 0), SR_EL1_RW, 0, SR_FIELD(cntkctl_el1) },
    { "CNTHCTL_EL2", SR_ENC(3, 4, 14, 1, 0), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(cnthctl_el2), 3, 0,
      NULL, recompute_write },
    { "CNTVOFF_EL2", SR_ENC(3, 4, 14, 0, 3), SR_EL2_RW, SR_NEEDS_EL2, SR_FIELD(cntvoff_el2), 0, 0,
      NULL, recompute_write },
    T("CNTP_TVAL_EL0", 3, 2, 0, SR_EL0_RW, 0),
    T("CNTP_CTL_EL0", 3, 2, 1, SR_EL0_RW, 0),
    T("CNTP_CVAL_EL0", 3, 2, 2, SR_EL0_RW, 0),
    T("CNTV_TVAL_EL0", 3, 3, 0, SR_EL0_RW, 0),
    T("CNTV_CTL_EL0", 3, 3, 1, SR_EL0_RW, 0),
    T("CNTV_CVAL_EL0", 3, 3, 2, SR_EL0_RW, 0),
    /* FEAT_VHE *_EL02 aliases (op1 = 5): always the EL1 timers, never redirected. */
    T02("CNTP_TVAL_EL02", 2, 0), T02("CNTP_CTL_EL02", 2, 1), T02("CNTP_CVAL_EL02", 2, 2),
    T02("CNTV_TVAL_EL02", 3, 0), T02("CNTV_CTL_EL02", 3, 1), T02("CNTV_CVAL_EL02", 3, 2),
    T("CNTHP_TVAL_EL2", 4, 2, 0, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHP_CTL_EL2", 4, 2, 1, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHP_CVAL_EL2", 4, 2, 2, SR_EL2_RW, SR_NEEDS_EL2),
    /* FEAT_VHE: the Non-secure EL2 virtual timer */
    T("CNTHV_TVAL_EL2", 4, 3, 0, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHV_CTL_EL2", 4, 3, 1, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHV_CVAL_EL2", 4, 3, 2, SR_EL2_RW, SR_NEEDS_EL2),
    /* FEAT_SEL2: the Secure EL2 virtual (FEAT_VHE too) and physical timers */
    T("CNTHVS_TVAL_EL2", 4, 4, 0, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHVS_CTL_EL2", 4, 4, 1, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHVS_CVAL_EL2", 4, 4, 2, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHPS_TVAL_EL2", 4, 5, 0, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHPS_CTL_EL2", 4, 5, 1, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTHPS_CVAL_EL2", 4, 5, 2, SR_EL2_RW, SR_NEEDS_EL2),
    T("CNTPS_TVAL_EL1", 7, 2, 0, SR_EL1_RW, SR_NEEDS_EL3),
    T("CNTPS_CTL_EL1", 7, 2, 1, SR_EL1_RW, SR_NEEDS_EL3),
    T("CNTPS_CVAL_EL1", 7, 2, 2, SR_EL1_RW, SR_NEEDS_EL3),
};

void sysreg_init_timer(void)
{
    sysreg_register(timer_regs, sizeof(timer_regs) / sizeof(timer_regs[0]));
}
