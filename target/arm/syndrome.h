/* SPDX-License-Identifier: GPL-2.0-or-later */
/* syndrome.h: ESR_ELx exception classes and syndrome builders (Arm ARM D24.2.45 ESR_EL1). */
#ifndef TARGET_ARM_SYNDROME_H
#define TARGET_ARM_SYNDROME_H
#include <stdint.h>

enum ArmExceptionClass {
    EC_UNCATEGORIZED = 0x00,
    EC_WFX_TRAP = 0x01,
    EC_CP15RTTRAP = 0x03,
    EC_CP15RRTTRAP = 0x04,
    EC_CP14RTTRAP = 0x05,
    EC_CP14DTTRAP = 0x06,
    EC_ADVSIMDFPACCESSTRAP = 0x07,
    EC_FPIDTRAP = 0x08,
    EC_PACTRAP = 0x09,
    EC_LS64 = 0x0a,
    EC_BTITRAP = 0x0d,
    EC_ILLEGALSTATE = 0x0e,
    EC_AA32_SVC = 0x11,
    EC_AA64_SVC = 0x15,
    EC_AA64_HVC = 0x16,
    EC_AA64_SMC = 0x17,
    EC_SYSTEMREGISTERTRAP = 0x18,
    EC_SVEACCESSTRAP = 0x19,
    EC_ERETTRAP = 0x1a,
    EC_SMETRAP = 0x1d,
    EC_GPC = 0x1e,                 /* RME: Granule Protection Check exception */
    EC_INSNABORT = 0x20,
    EC_INSNABORT_SAME_EL = 0x21,
    EC_PCALIGNMENT = 0x22,
    EC_DATAABORT = 0x24,
    EC_DATAABORT_SAME_EL = 0x25,
    EC_SPALIGNMENT = 0x26,
    EC_AA64_FPTRAP = 0x2c,
    EC_SERROR = 0x2f,
    EC_BREAKPOINT = 0x30,
    EC_BREAKPOINT_SAME_EL = 0x31,
    EC_SOFTWARESTEP = 0x32,
    EC_SOFTWARESTEP_SAME_EL = 0x33,
    EC_WATCHPOINT = 0x34,
    EC_WATCHPOINT_SAME_EL = 0x35,
    EC_AA64_BKPT = 0x3c,
};

#define ARM_EL_EC_SHIFT 26
#define ARM_EL_IL (1u << 25)

static inline uint32_t syn_get_ec(uint32_t syn)
{
    return syn >> ARM_EL_EC_SHIFT;
}

static inline uint32_t syn_uncategorized(void)
{
    return (EC_UNCATEGORIZED << ARM_EL_EC_SHIFT) | ARM_EL_IL;
}

static inline uint32_t syn_aa64_svc(uint32_t imm16)
{
    return (EC_AA64_SVC << ARM_EL_EC_SHIFT) | ARM_EL_IL | (imm16 & 0xffff);
}

static inline uint32_t syn_aa64_hvc(uint32_t imm16)
{
    return (EC_AA64_HVC << ARM_EL_EC_SHIFT) | ARM_EL_IL | (imm16 & 0xffff);
}

static inline uint32_t syn_aa64_smc(uint32_t imm16)
{
    return (EC_AA64_SMC << ARM_EL_EC_SHIFT) | ARM_EL_IL | (imm16 & 0xffff);
}

static inline uint32_t syn_aa64_bkpt(uint32_t imm16)
{
    return (EC_AA64_BKPT << ARM_EL_EC_SHIFT) | ARM_EL_IL | (imm16 & 0xffff);
}

/* MSR/MRS/SYS trap: ISS = Op0:Op2:Op1:CRn:Rt:CRm:Direction (D24.2.45, EC 0x18). */
static inline uint32_t syn_aa64_sysregtrap(int op0, int op1, int op2, int crn, int crm, int rt,
                                           int isread)
{
    return (EC_SYSTEMREGISTERTRAP << ARM_EL_EC_SHIFT) | ARM_EL_IL | (op0 << 20) | (op2 << 17) |
           (op1 << 14) | (crn << 10) | (rt << 5) | (crm << 1) | isread;
}

/* FP/SIMD access trap (EC 0x07). For a trapped A64 instruction the ISS reports CV = 1 and
 * COND = 0b1110 (Arm ARM D24.2.45, ISS encoding for EC 0x07). */
static inline uint32_t syn_fp_access_trap(void)
{
    return (EC_ADVSIMDFPACCESSTRAP << ARM_EL_EC_SHIFT) | ARM_EL_IL | (1u << 24) | (0xeu << 20);
}

static inline uint32_t syn_illegalstate(void)
{
    return (EC_ILLEGALSTATE << ARM_EL_EC_SHIFT) | ARM_EL_IL;
}

static inline uint32_t syn_pcalignment(void)
{
    return (EC_PCALIGNMENT << ARM_EL_EC_SHIFT) | ARM_EL_IL;
}

static inline uint32_t syn_spalignment(void)
{
    return (EC_SPALIGNMENT << ARM_EL_EC_SHIFT) | ARM_EL_IL;
}

static inline uint32_t syn_wfx(int cv, int cond, int ti, int is_16bit)
{
    return (EC_WFX_TRAP << ARM_EL_EC_SHIFT) | (is_16bit ? 0 : ARM_EL_IL) | (cv << 24) |
           (cond << 20) | ti;
}

static inline uint32_t syn_erettrap(uint32_t op)
{
    return (EC_ERETTRAP << ARM_EL_EC_SHIFT) | ARM_EL_IL | op;
}

/* Instruction/data aborts: ISS carries the fault status code (FSC) and, for data aborts,
 * WnR, S1PTW, CM, EA and the ISV block. */
static inline uint32_t syn_insn_abort(int same_el, int ea, int s1ptw, int fsc)
{
    return ((EC_INSNABORT + same_el) << ARM_EL_EC_SHIFT) | ARM_EL_IL | (ea << 9) | (s1ptw << 7) | fsc;
}

static inline uint32_t syn_data_abort_no_iss(int same_el, int fnv, int ea, int cm, int s1ptw,
                                             int wnr, int fsc)
{
    return ((EC_DATAABORT + same_el) << ARM_EL_EC_SHIFT) | ARM_EL_IL | (fnv << 10) | (ea << 9) |
           (cm << 8) | (s1ptw << 7) | (wnr << 6) | fsc;
}

static inline uint32_t syn_data_abort_with_iss(int same_el, int sas, int sse, int srt, int sf,
                                               int ar, int ea, int cm, int s1ptw, int wnr, int fsc)
{
    return ((EC_DATAABORT + same_el) << ARM_EL_EC_SHIFT) | ARM_EL_IL | (1u << 24) | (sas << 22) |
           (sse << 21) | (srt << 16) | (sf << 15) | (ar << 14) | (ea << 9) | (cm << 8) |
           (s1ptw << 7) | (wnr << 6) | fsc;
}

/* Fault status codes (DFSC/IFSC) */
enum {
    FSC_ADDRSIZE_L0 = 0x00,     /* + level */
    FSC_TRANSLATION_L0 = 0x04,  /* + level */
    FSC_ACCESS_L0 = 0x08,       /* + level */
    FSC_PERMISSION_L0 = 0x0c,   /* + level */
    FSC_SYNC_EXTERNAL = 0x10,
    FSC_TAG_CHECK = 0x11,
    FSC_SYNC_EXTERNAL_PTW_L0 = 0x14,
    FSC_GPF_PTW_L0 = 0x24,      /* RME: GPF on translation table walk, + level */
    FSC_GPF = 0x28,             /* RME: GPF not on a walk */
    FSC_ALIGNMENT = 0x21,
    FSC_TLB_CONFLICT = 0x30,
};

#endif
