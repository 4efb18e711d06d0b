/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pmu-regs.c: the PMU system registers (Arm ARM D24.5) over the model in pmu.c: encodings,
 * which PMUSERENR_EL0 bits open each one to EL0, and the read/write operations. */
#include <stdio.h>
#include "pmu.h"
#include "sysreg.h"

static SysregAccess to_sysreg(unsigned a)
{
    return a == PMU_ACCESS_UNDEF ? SR_ACCESS_UNDEF : (SysregAccess)a;
}

/* PMEVCNTR<n>_EL0: CRm = 0b10:n[4:3], op2 = n[2:0]; PMEVTYPER<n>_EL0: CRm = 0b11:n[4:3]. */
static int enc_index(const ArmSysReg *r)
{
    return (int)((SR_CRM(r->enc) & 3) << 3 | SR_OP2(r->enc));
}

/* PMSELR_EL0.SEL names the counter of PMXEVTYPER_EL0 (31: PMCCFILTR_EL0) and PMXEVCNTR_EL0
 * (31 is CONSTRAINED UNPREDICTABLE there: UNDEFINED here). */
static int sel_index(CPUARMState *env, bool is_cnt)
{
    int sel = (int)(env->pmu.selr & 31);
    return is_cnt && sel == PMU_CYCLE_IDX ? 32 : sel;
}

/* ---- access functions: the EL0 enables of each register's pseudocode ---- */
static SysregAccess acc_en(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, PMUSERENR_EN, -1, false));
}

static SysregAccess acc_pmcr(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, PMUSERENR_EN, -1, true));
}

static SysregAccess acc_selr(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, PMUSERENR_EN | PMUSERENR_ER, -1, false));
}

static SysregAccess acc_swinc(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (isread) {
        return SR_ACCESS_UNDEF;         /* write-only: no MRS encoding */
    }
    return to_sysreg(pmu_access(env, PMUSERENR_EN | PMUSERENR_SW, -1, false));
}

static SysregAccess acc_ceid(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (!isread) {
        return SR_ACCESS_UNDEF;         /* read-only: no MSR encoding */
    }
    return to_sysreg(pmu_access(env, PMUSERENR_EN, -1, false));
}

static SysregAccess acc_ccnt(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    unsigned el0 = isread ? PMUSERENR_EN | PMUSERENR_CR : PMUSERENR_EN;
    return to_sysreg(pmu_access(env, el0, PMU_CYCLE_IDX, false));
}

static SysregAccess acc_evcnt(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    unsigned el0 = isread ? PMUSERENR_EN | PMUSERENR_ER : PMUSERENR_EN;
    return to_sysreg(pmu_access(env, el0, enc_index(r), false));
}

static SysregAccess acc_evtyper(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, PMUSERENR_EN, enc_index(r), false));
}

static SysregAccess acc_ccfiltr(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, PMUSERENR_EN, PMU_CYCLE_IDX, false));
}

static SysregAccess acc_xevtyper(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, PMUSERENR_EN, sel_index(env, false), false));
}

static SysregAccess acc_xevcnt(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    unsigned el0 = isread ? PMUSERENR_EN | PMUSERENR_ER : PMUSERENR_EN;
    return to_sysreg(pmu_access(env, el0, sel_index(env, true), false));
}

/* PMUSERENR_EL0: readable at EL0 whatever its value, writable from EL1. */
static SysregAccess acc_userenr(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, isread ? PMU_EL0_ALWAYS : 0, -1, false));
}

/* PMINTENSET/CLR_EL1: EL1 and above only. */
static SysregAccess acc_el1(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    return to_sysreg(pmu_access(env, 0, -1, false));
}

/* ---- read/write functions ---- */
static uint64_t pmcr_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_pmcr_read(env); }
static void pmcr_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_pmcr_write(env, v); }

/* PMCNTENSET/CLR (CRm 12, op2 1/2), PMINTENSET/CLR (CRm 14, op2 1/2), PMOVSCLR (CRm 12, op2 3),
 * PMOVSSET (CRm 14, op2 3): the SET/CLR pair share their state. */
static int set_which(const ArmSysReg *r)
{
    if (SR_OP2(r->enc) == 3) {
        return PMU_SET_OVS;
    }
    return SR_OP1(r->enc) == 0 ? PMU_SET_INTEN : PMU_SET_CNTEN;
}

static bool set_is_set(const ArmSysReg *r)
{
    return SR_OP2(r->enc) == 3 ? SR_CRM(r->enc) == 14 : SR_OP2(r->enc) == 1;
}

static uint64_t set_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_set_read(env, set_which(r)); }
static void set_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    pmu_set_write(env, set_which(r), v, set_is_set(r));
}

static void swinc_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_sw_increment(env, v); }
static uint64_t ceid_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_ceid(env, SR_OP2(r->enc) & 1); }
static uint64_t selr_rd(CPUARMState *env, const ArmSysReg *r) { return env->pmu.selr; }
static void selr_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { env->pmu.selr = v & 31; }
static uint64_t userenr_rd(CPUARMState *env, const ArmSysReg *r) { return env->pmu.userenr; }
static void userenr_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { env->pmu.userenr = v & 0xf; }

static uint64_t ccnt_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_counter_read(env, PMU_CYCLE_IDX); }
static void ccnt_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_counter_write(env, PMU_CYCLE_IDX, v); }
static uint64_t ccfiltr_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_typer_read(env, PMU_CYCLE_IDX); }
static void ccfiltr_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_typer_write(env, PMU_CYCLE_IDX, v); }
static uint64_t evcnt_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_counter_read(env, enc_index(r)); }
static void evcnt_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_counter_write(env, enc_index(r), v); }
static uint64_t evtyper_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_typer_read(env, enc_index(r)); }
static void evtyper_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_typer_write(env, enc_index(r), v); }
static uint64_t xevtyper_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_typer_read(env, sel_index(env, false)); }
static void xevtyper_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_typer_write(env, sel_index(env, false), v); }
static uint64_t xevcnt_rd(CPUARMState *env, const ArmSysReg *r) { return pmu_counter_read(env, sel_index(env, true)); }
static void xevcnt_wr(CPUARMState *env, const ArmSysReg *r, uint64_t v) { pmu_counter_write(env, sel_index(env, true), v); }

#define PMREG(name, op1, crm, op2, acc, rd, wr, check) \
    { name, SR_ENC(3, op1, 9, crm, op2), acc, 0, 0, 0, 0, rd, wr, check }
#define SR_ALL_W (SR_EL0_W | SR_EL1_W | SR_EL2_W | SR_EL3_W)

static const ArmSysReg pmu_regs[] = {
    PMREG("PMCR_EL0", 3, 12, 0, SR_EL0_RW, pmcr_rd, pmcr_wr, acc_pmcr),
    PMREG("PMCNTENSET_EL0", 3, 12, 1, SR_EL0_RW, set_rd, set_wr, acc_en),
    PMREG("PMCNTENCLR_EL0", 3, 12, 2, SR_EL0_RW, set_rd, set_wr, acc_en),
    PMREG("PMOVSCLR_EL0", 3, 12, 3, SR_EL0_RW, set_rd, set_wr, acc_en),
    PMREG("PMSWINC_EL0", 3, 12, 4, SR_ALL_W, NULL, swinc_wr, acc_swinc),
    PMREG("PMSELR_EL0", 3, 12, 5, SR_EL0_RW, selr_rd, selr_wr, acc_selr),
    PMREG("PMCEID0_EL0", 3, 12, 6, SR_EL0_RO, ceid_rd, NULL, acc_ceid),
    PMREG("PMCEID1_EL0", 3, 12, 7, SR_EL0_RO, ceid_rd, NULL, acc_ceid),
    PMREG("PMCCNTR_EL0", 3, 13, 0, SR_EL0_RW, ccnt_rd, ccnt_wr, acc_ccnt),
    PMREG("PMXEVTYPER_EL0", 3, 13, 1, SR_EL0_RW, xevtyper_rd, xevtyper_wr, acc_xevtyper),
    PMREG("PMXEVCNTR_EL0", 3, 13, 2, SR_EL0_RW, xevcnt_rd, xevcnt_wr, acc_xevcnt),
    PMREG("PMUSERENR_EL0", 3, 14, 0, SR_EL0_R | SR_EL1_RW, userenr_rd, userenr_wr, acc_userenr),
    PMREG("PMINTENSET_EL1", 0, 14, 1, SR_EL1_RW, set_rd, set_wr, acc_el1),
    PMREG("PMINTENCLR_EL1", 0, 14, 2, SR_EL1_RW, set_rd, set_wr, acc_el1),
    PMREG("PMOVSSET_EL0", 3, 14, 3, SR_EL0_RW, set_rd, set_wr, acc_en),
    { "PMCCFILTR_EL0", SR_ENC(3, 3, 14, 15, 7), SR_EL0_RW, 0, 0, 0, 0, ccfiltr_rd, ccfiltr_wr,
      acc_ccfiltr },
};

/* PMEVCNTR<n>_EL0 and PMEVTYPER<n>_EL0 for n = 0..30: every encoding exists, so that n >= N
 * is UNDEFINED by the access rule rather than an unimplemented register. */
static ArmSysReg ev_regs[62];
static char ev_names[62][20];

void sysreg_init_pmu(void)
{
    for (int n = 0; n < 31; n++) {
        for (int t = 0; t < 2; t++) {
            ArmSysReg *r = &ev_regs[2 * n + t];
            snprintf(ev_names[2 * n + t], sizeof(ev_names[0]), t ? "PMEVTYPER%d_EL0" : "PMEVCNTR%d_EL0", n);
            r->name = ev_names[2 * n + t];
            r->enc = SR_ENC(3, 3, 14, (t ? 0xc : 0x8) | (n >> 3), n & 7);
            r->access = SR_EL0_RW;
            r->readfn = t ? evtyper_rd : evcnt_rd;
            r->writefn = t ? evtyper_wr : evcnt_wr;
            r->accessfn = t ? acc_evtyper : acc_evcnt;
        }
    }
    sysreg_register(pmu_regs, sizeof(pmu_regs) / sizeof(pmu_regs[0]));
    sysreg_register(ev_regs, 62);
}
