/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu.h: the AArch64 CPU state (registers, PSTATE, banked system registers) and its public API.
 * The first block of CPUARMState is the IR register file: the translator names guest state by
 * 64-bit slot index (offset / 8) and the interpreter addresses it directly. */
#ifndef TARGET_ARM_CPU_H
#define TARGET_ARM_CPU_H
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include "exec/memory.h"
#include "qemu/timer.h"

#define IR_NUM_TEMPS 512

/* PSTATE bits in their SPSR positions (Arm ARM C5.2.19 SPSR_ELx, AArch64 state). */
#define PSTATE_SP    (1u << 0)
#define PSTATE_EL_SHIFT 2
#define PSTATE_nRW   (1u << 4)
#define PSTATE_F     (1u << 6)
#define PSTATE_I     (1u << 7)
#define PSTATE_A     (1u << 8)
#define PSTATE_D     (1u << 9)
#define PSTATE_DAIF  (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F)
#define PSTATE_BTYPE_SHIFT 10
#define PSTATE_SSBS  (1u << 12)
#define PSTATE_IL    (1u << 20)
#define PSTATE_SS    (1u << 21)
#define PSTATE_PAN   (1u << 22)
#define PSTATE_UAO   (1u << 23)
#define PSTATE_DIT   (1u << 24)
#define PSTATE_TCO   (1u << 25)
#define PSTATE_V     (1u << 28)
#define PSTATE_C     (1u << 29)
#define PSTATE_Z     (1u << 30)
#define PSTATE_N     (1u << 31)

/* Exception kinds the core raises (the syndrome says the rest). */
enum {
    EXCP_NONE = 0,
    EXCP_UDEF,         /* UNDEFINED and most synchronous exceptions with an ESR */
    EXCP_SWI,          /* SVC */
    EXCP_HVC,
    EXCP_SMC,
    EXCP_PREFETCH_ABORT,
    EXCP_DATA_ABORT,
    EXCP_BKPT,
    EXCP_IRQ,
    EXCP_FIQ,
    EXCP_VIRQ,
    EXCP_VFIQ,
    EXCP_SERROR,
    EXCP_GPC,          /* RME: GPC exception to EL3 (EC 0x1E) */
    EXCP_HALTED,       /* internal: WFI */
    EXCP_DEBUG,        /* internal: gdbstub breakpoint/single-step */
    EXCP_EXIT,         /* internal: leave the run loop (shutdown, reset, monitor) */
};

/* Interrupt request lines into the CPU (set by the GIC, the timers, the board). */
enum {
    CPU_INTERRUPT_IRQ = 1u << 0,
    CPU_INTERRUPT_FIQ = 1u << 1,
    CPU_INTERRUPT_VIRQ = 1u << 2,
    CPU_INTERRUPT_VFIQ = 1u << 3,
    CPU_INTERRUPT_SERROR = 1u << 4,
    CPU_INTERRUPT_VSERROR = 1u << 5,
};

/* Self-hosted debug: implemented breakpoints (the last ARM_NUM_CTX_BRPS are context-aware)
 * and watchpoints, as ID_AA64DFR0_EL1.{BRPs,WRPs,CTX_CMPs} advertise. */
#define ARM_NUM_BRPS 6
#define ARM_NUM_CTX_BRPS 2
#define ARM_NUM_WRPS 4

/* Generic timers (Arm ARM D11): EL1 physical (CNTP), EL1 virtual (CNTV), Non-secure EL2
 * physical (CNTHP), Secure EL1 physical (CNTPS), Non-secure EL2 virtual (CNTHV), and with
 * FEAT_SEL2 the Secure EL2 physical (CNTHPS) and virtual (CNTHVS) timers. */
enum { GTIMER_PHYS, GTIMER_VIRT, GTIMER_HYP, GTIMER_SEC, GTIMER_HYPVIRT, GTIMER_S_EL2_PHYS,
       GTIMER_S_EL2_VIRT, GTIMER_NUM };

typedef struct ArmGenericTimer {
    uint64_t cval;
    uint64_t ctl;
} ArmGenericTimer;

/* Performance Monitors (target/arm/pmu.c, Arm ARM D13): PMCR_EL0.N event counters. */
#define ARM_PMU_COUNTERS 6

typedef struct ArmPmuState {
    uint64_t pmcr;            /* the writable PMCR_EL0 bits (E, DP) and LC (RES1) */
    uint64_t cnten, inten, ovs;   /* PMCNTENSET_EL0, PMINTENSET_EL1, PMOVSSET_EL0 */
    uint64_t selr, userenr, ccfiltr, ccnt;
    uint64_t evcnt[ARM_PMU_COUNTERS], evtyper[ARM_PMU_COUNTERS];
    /* Lazy counting of instruction-driven events (INST_RETIRED, CPU_CYCLES, the cycle counter):
     * the counters in `counting` advance by the instructions retired since `last` (a value of
     * insn_count + cpu_tb_insns_done); `deadline` is the insn_count at the next overflow. */
    uint64_t counting, last, deadline;
    bool irq_level;
    bool in_eret;             /* an ERET is changing the EL: it retired at the old one */
} ArmPmuState;

typedef struct ArmCpuFeatures {
    uint64_t id_aa64pfr0, id_aa64pfr1, id_aa64isar0, id_aa64isar1, id_aa64isar2;
    uint64_t id_aa64mmfr0, id_aa64mmfr1, id_aa64mmfr2, id_aa64dfr0, id_aa64dfr1;
    uint64_t id_aa64zfr0, id_aa64smfr0, id_aa64afr0, id_aa64afr1;
    uint64_t midr, revidr, mpidr, ctr, dczid, clidr;
    uint64_t id_pfr0, id_pfr1, id_dfr0, id_mmfr0, id_mmfr1, id_mmfr2, id_mmfr3, id_mmfr4;
    uint64_t id_isar0, id_isar1, id_isar2, id_isar3, id_isar4, id_isar5, id_isar6;
    uint64_t mvfr0, mvfr1, mvfr2;
    uint64_t gpccr_l0gptsz;   /* RME: L0GPTSZ reported in GPCCR_EL3 (30, 34, 36 or 39) */
    bool has_el2, has_el3, has_rme, has_secure_el2;
    const char *model;
} ArmCpuFeatures;

typedef struct CPUARMState {
    /* ---- IR register file: fixed slots, keep first ---- */
    uint64_t xregs[32];       /* X0..X30; [31] is the current stack pointer */
    uint64_t pc;
    uint64_t nf;              /* N is bit 63 (results of 32-bit ops are sign-extended) */
    uint64_t zf;              /* Z is (zf == 0) */
    uint64_t cf;              /* C is cf (0 or 1) */
    uint64_t vf;              /* V is bit 63 */
    uint64_t exclusive_addr;  /* -1: monitor open */
    uint64_t exclusive_val;
    uint64_t exclusive_high;
    uint64_t tmp[IR_NUM_TEMPS];
    /* ---- end of IR register file ---- */

    /* FP/SIMD: 32 x 128-bit, as two little-endian halves */
    uint64_t vregs[32][2];
    uint32_t fpcr, fpsr;

    /* PSTATE other than NZCV (kept in nf/zf/cf/vf) */
    uint32_t pstate;          /* DAIF, SPSel (bit 0), IL, SS, PAN, UAO, SSBS, DIT, TCO, BTYPE */
    uint32_t el;              /* current exception level 0..3 */
    uint64_t sp_el[4];        /* SP_EL0..SP_EL3 when not the current SP */

    /* Banked exception registers per EL (index 1..3; [0] unused) */
    uint64_t elr_el[4], spsr_el[4], esr_el[4], far_el[4], vbar_el[4];
    uint64_t sctlr_el[4], tcr_el[4], ttbr0_el[4], ttbr1_el[4], mair_el[4], amair_el[4];
    uint64_t afsr0_el[4], afsr1_el[4], tpidr_el[4], contextidr_el[4], cptr_el[4];
    uint64_t actlr_el[4];
    uint64_t impdef[8];        /* Cortex-A5x IMPLEMENTATION DEFINED registers (sysreg-impdef.c) */
    uint64_t hpfar_el2, hcr_el2, hcrx_el2, hstr_el2, vtcr_el2, vttbr_el2, vmpidr_el2, vpidr_el2;
    uint64_t vstcr_el2, vsttbr_el2;   /* FEAT_SEL2: stage 2 of the Secure IPA space */
    uint64_t mdcr_el2, hacr_el2, cnthctl_el2, cntvoff_el2, cnthctl_unused;
    uint64_t scr_el3, mdcr_el3, rvbar_el3;
    uint64_t cpacr_el1, par_el1, tpidrro_el0, tpidr_el0, mdscr_el1, oslsr_el1, osdlr_el1;
    uint64_t cntkctl_el1, csselr_el1, disr_el1, vdisr_el2, mdccint_el1, pmcr_el0;
    uint64_t cntfrq_el0;
    uint64_t sder32_el3;
    /* Self-hosted debug (debug.c): DBGBVR<n>/DBGBCR<n>_EL1, DBGWVR<n>/DBGWCR<n>_EL1 */
    uint64_t dbgbvr[ARM_NUM_BRPS], dbgbcr[ARM_NUM_BRPS];
    uint64_t dbgwvr[ARM_NUM_WRPS], dbgwcr[ARM_NUM_WRPS];
    /* RME (Arm ARM D9.7 "GPC configuration") */
    uint64_t gpccr_el3, gptbr_el3, mfar_el3;
    /* FEAT_PAuth keys APIA, APIB, APDA, APDB, APGA (pauth.h PAUTH_KEY_*): [0] KeyLo, [1] KeyHi */
    uint64_t apkey[5][2];

    ArmGenericTimer gt[GTIMER_NUM];
    QEMUTimer gt_timer[GTIMER_NUM];
    uint32_t gt_irq_state;    /* one bit per timer: output line level */

    /* GICv3 CPU interface lives in hw/intc; the CPU only sees the lines */
    void *gic_cpuif;

    uint32_t interrupt_request;   /* CPU_INTERRUPT_* lines currently asserted */
    uint32_t gic_virtual_lines;   /* VIRQ/VFIQ as driven by the GIC's virtual CPU interface */
    bool halted;                  /* in WFI */
    bool event_register;          /* set by SEV/SEVL and exception return, consumed by WFE */
    bool exit_request;            /* leave the current TB chain at the next boundary */

    /* Translation flags of the current state, rebuilt by arm_rebuild_hflags() */
    uint32_t hflags;

    /* Exception in progress (filled by raise, consumed by arm_cpu_do_interrupt) */
    struct {
        int kind;           /* EXCP_* */
        uint32_t syndrome;
        uint32_t target_el;
        uint64_t vaddress;  /* FAR value where the ESR says it is valid */
        uint64_t ipa;       /* HPFAR for stage-2 faults */
        uint64_t pa;        /* MFAR for GPC exceptions */
        bool far_valid;
        bool ipa_valid;
    } exception;

    /* Execution engine bookkeeping */
    sigjmp_buf jmp_env;
    struct TranslationBlock *cur_tb;   /* TB being executed, for state restore on fault */
    const void *cur_ip;                /* interpreter position at the last helper/slow-path call */
    uint64_t insn_count;               /* retired guest instructions (approximate: per TB) */
    int singlestep;                    /* gdbstub: translate one insn per TB */

    ArmCpuFeatures features;
    AddressSpace *as[4];               /* physical view per ArmSecuritySpace */
    void *tlb;                         /* accel/tcg/cputlb.c state */
    void *gpc;                         /* RME: target/arm/gpc-fault.c state (GpcCache) */
    void *board;
    /* Firmware-less boots: the board answers PSCI calls made with this conduit. */
    bool (*psci_handler)(struct CPUARMState *env, bool is_smc);
    int cpu_index;
    /* Performance Monitors (pmu.c): last, away from the fields the hot path uses; pmu_reset()
     * clears it, pmu_irq (the PMUIRQ output, a qemu_irq) survives resets. */
    void *pmu_irq;
    ArmPmuState pmu;
} CPUARMState;

#define IR_SLOT(field) ((uint32_t)(offsetof(CPUARMState, field) / 8))

/* cpu.c */
int arm_cpu_init(CPUARMState *env, const char *model, bool rme, int l0gptsz, bool has_el2,
                 bool has_el3, char *err, size_t err_len);
/* Apply the -cpu properties pauth, pauth-impdef, pauth-qarma3 and pmu (0 not given, 1 on, 2 off)
 * to the model's features (cpu-models.c); false with a message in err when one cannot apply. */
bool arm_cpu_apply_properties(ArmCpuFeatures *f, int pauth, int pauth_impdef, int pauth_qarma3,
                              int pmu, char *err, size_t err_len);
void arm_cpu_reset(CPUARMState *env, uint64_t reset_pc);
/* Recompute env->hflags after any change of EL, PSTATE or translation-relevant registers. */
void arm_rebuild_hflags(CPUARMState *env);
/* Pack NZCV into PSTATE form and back. */
uint32_t cpsr_read_nzcv(const CPUARMState *env);
void cpsr_write_nzcv(CPUARMState *env, uint32_t nzcv);
uint32_t pstate_read(const CPUARMState *env);          /* SPSR-format PSTATE of the current state */
void pstate_write(CPUARMState *env, uint32_t spsr);    /* for exception return / gdb */
/* Switch the visible SP after a change of EL or SPSel (xregs[31] <-> sp_el[]). */
void arm_sp_save(CPUARMState *env);
void arm_sp_restore(CPUARMState *env);

/* Security state of the current EL from SCR_EL3.{NSE,NS} (RME: R_GQSGM). */
ArmSecuritySpace arm_current_space(const CPUARMState *env);
ArmSecuritySpace arm_space_for_el(const CPUARMState *env, int el);
bool arm_is_secure_below_el3(const CPUARMState *env);
bool arm_el2_enabled(const CPUARMState *env);  /* EL2 implemented and enabled in current state */

/* excp.c */
void arm_set_irq_line(CPUARMState *env, uint32_t line, int level);
/* The virtual IRQ/FIQ lines are the OR of HCR_EL2.{VI,VF} and the GIC's virtual interface. */
void arm_set_gic_virtual_line(CPUARMState *env, uint32_t line, int level);
void arm_update_virtual_lines(CPUARMState *env);
bool arm_cpu_exec_interrupt(CPUARMState *env);   /* take a pending unmasked interrupt */
void arm_cpu_do_interrupt(CPUARMState *env);      /* deliver env->exception */
void arm_exception_return(CPUARMState *env);      /* ERET */
/* Raise a synchronous exception now: restores the PC of the current instruction and longjmps. */
void raise_exception(CPUARMState *env, int kind, uint32_t syndrome, uint32_t target_el)
    __attribute__((noreturn));
/* Default target EL for a synchronous exception from the current state (EL1, or EL2 with
 * HCR_EL2.TGE from EL0). */
uint32_t exception_target_el(const CPUARMState *env);

/* Per-CPU global list for the board (single CPU until SMP lands) */
extern CPUARMState *first_cpu;

#endif
