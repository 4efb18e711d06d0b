/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg.h: the table-driven system register model: encoding -> access check, read, write, reset.
 * Registers are declared in per-feature tables (sysreg-*.c) and registered at CPU creation. */
#ifndef TARGET_ARM_SYSREG_H
#define TARGET_ARM_SYSREG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cpu.h"

/* op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2: the packing of MRS/MSR bits [20:5] */
#define SR_ENC(op0, op1, crn, crm, op2) \
    ((uint32_t)((op0) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | (op2)))
#define SR_OP0(e) (((e) >> 14) & 3)
#define SR_OP1(e) (((e) >> 11) & 7)
#define SR_CRN(e) (((e) >> 7) & 15)
#define SR_CRM(e) (((e) >> 3) & 15)
#define SR_OP2(e) ((e) & 7)

/* Minimum EL for reads and writes (the "PLx_R/W" of the Arm ARM register descriptions). */
enum {
    SR_EL0_R = 1 << 0, SR_EL0_W = 1 << 1,
    SR_EL1_R = 1 << 2, SR_EL1_W = 1 << 3,
    SR_EL2_R = 1 << 4, SR_EL2_W = 1 << 5,
    SR_EL3_R = 1 << 6, SR_EL3_W = 1 << 7,
};
#define SR_EL0_RW (SR_EL0_R | SR_EL0_W | SR_EL1_RW)
#define SR_EL1_RW (SR_EL1_R | SR_EL1_W | SR_EL2_RW)
#define SR_EL2_RW (SR_EL2_R | SR_EL2_W | SR_EL3_RW)
#define SR_EL3_RW (SR_EL3_R | SR_EL3_W)
#define SR_EL0_RO (SR_EL0_R | SR_EL1_R | SR_EL2_R | SR_EL3_R)
#define SR_EL1_RO (SR_EL1_R | SR_EL2_R | SR_EL3_R)
#define SR_EL2_RO (SR_EL2_R | SR_EL3_R)
#define SR_EL3_RO (SR_EL3_R)
#define SR_EL1_WO (SR_EL1_W | SR_EL2_W | SR_EL3_W)

/* Flags */
enum {
    SR_REBUILD_HFLAGS = 1 << 0,   /* a write changes translation: end the TB, recompute hflags */
    SR_FLUSH_TLB = 1 << 1,        /* a write changes translation of addresses: flush the TLB */
    SR_IO = 1 << 2,               /* reads have side effects (timers, GIC): end the TB after */
    SR_NEEDS_EL2 = 1 << 3,        /* UNDEFINED when EL2 is not implemented */
    SR_NEEDS_EL3 = 1 << 4,
    SR_NEEDS_RME = 1 << 5,        /* RME: UNDEFINED without FEAT_RME */
    SR_RAZ = 1 << 6,              /* reads as zero, writes ignored */
    SR_CONST = 1 << 7,            /* read-only constant: resetvalue */
    SR_NOEL2_READFN = 1 << 8,     /* without EL2, EL3 reads still use readfn (not RES0) */
};

/* Access check result: OK, UNDEFINED, or a trap to EL1/2/3 (system register trap, EC 0x18). */
typedef enum SysregAccess {
    SR_ACCESS_OK = 0,
    SR_ACCESS_TRAP_EL1 = 1,
    SR_ACCESS_TRAP_EL2 = 2,
    SR_ACCESS_TRAP_EL3 = 3,
    SR_ACCESS_UNDEF = 4,
    SR_ACCESS_TRAP_FP = 5,        /* FP/SIMD access trap (FPCR/FPSR with FP disabled) */
} SysregAccess;

typedef struct ArmSysReg ArmSysReg;
struct ArmSysReg {
    const char *name;
    uint32_t enc;
    uint16_t access;       /* SR_ELx_R/W bits */
    uint16_t flags;
    size_t fieldoffset;    /* offset of a uint64_t in CPUARMState, or 0 */
    uint64_t resetvalue;
    uint64_t writemask;    /* bits software may change (0 means all) */
    uint64_t (*readfn)(CPUARMState *env, const ArmSysReg *r);
    void (*writefn)(CPUARMState *env, const ArmSysReg *r, uint64_t v);
    SysregAccess (*accessfn)(CPUARMState *env, const ArmSysReg *r, bool isread);
};

#define SR_FIELD(f) offsetof(CPUARMState, f)

/* Register a table (sysreg-*.c call this from their init function). */
void sysreg_register(const ArmSysReg *regs, size_t n);
const ArmSysReg *sysreg_lookup(uint32_t enc);
/* Reset every register that has a fieldoffset to its resetvalue. */
void sysreg_reset(CPUARMState *env);
/* All tables: called once at start-up. */
void sysreg_init_all(CPUARMState *env);
/* Name for -d unimp and gdb: "SCTLR_EL1" or "S3_0_C1_C0_0". */
const char *sysreg_name(uint32_t enc, char *buf, size_t len);

/* Full MRS/MSR semantics for the helpers (raise on trap/UNDEF, never return then). */
uint64_t sysreg_read(CPUARMState *env, uint32_t enc, int rt);
void sysreg_write(CPUARMState *env, uint32_t enc, int rt, uint64_t v);
/* Raw access for gdb and the monitor: no checks, no side effects beyond the write. */
bool sysreg_raw_read(CPUARMState *env, uint32_t enc, uint64_t *v);

/* Write function of SCTLR_EL1/2/3: EE and E0E are RES0 (little-endian only). */
void sysreg_sctlr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v);

/* Per-feature tables */
void sysreg_init_el1(void);
void sysreg_init_el2(void);
void sysreg_init_el3(void);
void sysreg_init_id(void);
void sysreg_init_misc(void);
void sysreg_init_timer(void);
void sysreg_init_rme(void);
void sysreg_init_vhe(void);
void sysreg_init_pmu(void);      /* pmu-regs.c */
void sysreg_init_pauth(void);
void sysreg_init_impdef(void);     /* sysreg-impdef.c: Cortex-A5x only */
/* FEAT_VHE: the encoding an access really names at the current EL (EL1 -> EL2 redirection). */
uint32_t sysreg_vhe_redirect(const CPUARMState *env, uint32_t enc);
/* Access rule of the *_EL12 and *_EL02 aliases (FEAT_VHE): EL2 or EL3 with HCR_EL2.E2H == 1. */
SysregAccess sysreg_el12_access(CPUARMState *env, const ArmSysReg *r, bool isread);

#endif
