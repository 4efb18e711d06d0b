/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pmu.h: the Performance Monitors Extension (FEAT_PMUv3, Arm ARM D13): event counters, the cycle
 * counter, filtering by EL and Security state, overflow and the PMU interrupt (PMUIRQ). */
#ifndef TARGET_ARM_PMU_H
#define TARGET_ARM_PMU_H
#include <stdbool.h>
#include <stdint.h>
#include "cpu.h"
#include "hw/irq.h"

/* Index of the cycle counter in PMCNTENSET/PMOVSSET/PMINTENSET (CYCLE_COUNTER_ID). */
#define PMU_CYCLE_IDX 31

/* Common events counted (Arm ARM D17.x "Common event numbers"); PMCEID0_EL0 advertises them. */
#define PMU_EVT_SW_INCR      0x00
#define PMU_EVT_INST_RETIRED 0x08
#define PMU_EVT_CPU_CYCLES   0x11

/* PMCR_EL0 fields (Arm ARM D24.5.8) */
#define PMCR_E   (1ull << 0)
#define PMCR_P   (1ull << 1)
#define PMCR_C   (1ull << 2)
#define PMCR_D   (1ull << 3)
#define PMCR_X   (1ull << 4)
#define PMCR_DP  (1ull << 5)
#define PMCR_LC  (1ull << 6)
#define PMCR_N_SHIFT 11

/* PMUSERENR_EL0 (D24.5.26) */
#define PMUSERENR_EN (1ull << 0)
#define PMUSERENR_SW (1ull << 1)
#define PMUSERENR_CR (1ull << 2)
#define PMUSERENR_ER (1ull << 3)

/* MDCR_EL2 / MDCR_EL3 fields the PMU reads (D24.3.17, D24.3.18) */
#define MDCR_HPMN_MASK 0x1full
#define MDCR_TPMCR (1ull << 5)
#define MDCR_TPM   (1ull << 6)
#define MDCR_HPME  (1ull << 7)
#define MDCR_HPMD  (1ull << 17)
#define MDCR_SPME  (1ull << 17)    /* MDCR_EL3 */

/* ID_AA64DFR0_EL1.PMUVer [11:8]: 0 none, 1 PMUv3, 4 PMUv3 for Armv8.1, 0xf IMPLEMENTATION DEFINED */
unsigned pmu_version(const CPUARMState *env);
static inline bool pmu_present(const CPUARMState *env)
{
    unsigned v = pmu_version(env);
    return v != 0 && v != 0xf;
}

/* Connect the PMU interrupt request (PMUIRQ; PPI 23 on the virt board). */
void pmu_init(CPUARMState *env, qemu_irq irq);
/* Warm reset of the PMU state; call after the system register reset (MDCR_EL2.HPMN = N). */
void pmu_reset(CPUARMState *env);
/* After any change of EL, Security state, MDCR_ELx or PMU control: bring the counters up to
 * date under the old filter, then re-evaluate which counters count, the next overflow point and
 * the interrupt line. Cheap when nothing counts. Called from arm_rebuild_hflags(). */
void pmu_update(CPUARMState *env);
/* ERET: count the instruction under the filter of the EL it executes at (before the change). */
void pmu_exception_return(CPUARMState *env);
/* Run loop: env->insn_count reached env->pmu.deadline (a counter may have overflowed). */
void pmu_deadline_reached(CPUARMState *env);

/* The model's operations, used by the register table (pmu-regs.c) and the unit test. */
unsigned pmu_num_counters(const CPUARMState *env);       /* PMCR_EL0.N as implemented */
uint64_t pmu_access_mask(CPUARMState *env);              /* GetPMUAccessMask() */
uint64_t pmu_pmcr_read(CPUARMState *env);
void pmu_pmcr_write(CPUARMState *env, uint64_t v);
uint64_t pmu_counter_read(CPUARMState *env, int idx);    /* idx 0..N-1 or PMU_CYCLE_IDX */
void pmu_counter_write(CPUARMState *env, int idx, uint64_t v);
uint64_t pmu_typer_read(CPUARMState *env, int idx);      /* PMEVTYPER<idx> or PMCCFILTR (31) */
void pmu_typer_write(CPUARMState *env, int idx, uint64_t v);
void pmu_sw_increment(CPUARMState *env, uint64_t v);     /* PMSWINC_EL0 (PMUSwIncrement) */
uint64_t pmu_ceid(const CPUARMState *env, int n);        /* PMCEID0/1_EL0 */
/* PMCNTENSET/CLR (reg 0), PMINTENSET/CLR (1), PMOVSSET/CLR (2): read, and set or clear bits. */
enum { PMU_SET_CNTEN, PMU_SET_INTEN, PMU_SET_OVS };
uint64_t pmu_set_read(CPUARMState *env, int which);
void pmu_set_write(CPUARMState *env, int which, uint64_t v, bool set);
/* Level of PMUIRQ as CheckForPMUOverflow() computes it. */
bool pmu_irq_level(CPUARMState *env);

/* Access check shared by the PMU registers (the accessibility pseudocode of D24.5): el0_bits
 * are the PMUSERENR_EL0 bits any of which permits the access at EL0 (0: UNDEFINED at EL0;
 * PMU_EL0_ALWAYS: no PMUSERENR check); counter is the event counter the access names (-1 none,
 * PMU_CYCLE_IDX the cycle counter); is_pmcr adds MDCR_EL2.TPMCR. Returns 0 (allowed), 1, 2 or
 * 3 (trap to that EL; 1 means the EL0 trap target, EL2 with HCR_EL2.TGE) or PMU_ACCESS_UNDEF. */
#define PMU_EL0_ALWAYS 0x100u
#define PMU_ACCESS_UNDEF 4u
unsigned pmu_access(CPUARMState *env, unsigned el0_bits, int counter, bool is_pmcr);

#endif
