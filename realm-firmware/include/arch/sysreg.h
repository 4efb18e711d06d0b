/* SPDX-License-Identifier: BSD-3-Clause */
/* sysreg.h: system-register accessors and the ID-register fields the library looks at. */
#ifndef FW_ARCH_SYSREG_H
#define FW_ARCH_SYSREG_H
#include <stdint.h>
#include <lib/bits.h>

#define FW_STRINGIFY_(x) #x
#define FW_STRINGIFY(x) FW_STRINGIFY_(x)

/*
 * read_sysreg(SCTLR_EL3) / write_sysreg(v, SCTLR_EL3).  The name is expanded before it is pasted
 * into the instruction, so a register the assembler does not know can be given a generic name,
 * e.g. "#define GPCCR_EL3 S3_6_C2_C1_6" (Arm ARM D23.2, encoding op0_op1_CRn_CRm_op2).
 *
 * Host builds (FW_HOST_BUILD: unit tests, fuzzers) have no system registers: the accessors go
 * to a store keyed by the register's name (lib/arch/sysreg-host.c) that tests preset and
 * inspect, the way TF-RMM's fake-host build does.
 */
#ifdef FW_HOST_BUILD
uint64_t host_sysreg_read(const char *name);
void host_sysreg_write(const char *name, uint64_t value);
/* Forget every register (all read as 0 again). */
void host_sysreg_reset(void);
#define read_sysreg(reg) host_sysreg_read(FW_STRINGIFY(reg))
#define write_sysreg(val, reg) host_sysreg_write(FW_STRINGIFY(reg), (uint64_t)(val))
#else
#define read_sysreg(reg) ({ \
    uint64_t v_; \
    __asm__ volatile("mrs %0, " FW_STRINGIFY(reg) : "=r"(v_)); \
    v_; \
})
#define write_sysreg(val, reg) \
    __asm__ volatile("msr " FW_STRINGIFY(reg) ", %0" : : "r"((uint64_t)(val)) : "memory")
#endif

/* CurrentEL.EL, bits [3:2] (Arm ARM C5.2.1). */
static inline unsigned int current_el(void)
{
    return (unsigned int)FIELD_GET(read_sysreg(CurrentEL), 2, 2);
}

/* ID_AA64ISAR0_EL1.Atomic [23:20]: 0b0010 or more means FEAT_LSE (Arm ARM D23.2.62). */
#define ID_AA64ISAR0_ATOMIC_SHIFT   20
#define ID_AA64ISAR0_ATOMIC_LSE     2

/* ID_AA64MMFR0_EL1.PARange [3:0] and TGran4 [31:28] (Arm ARM D23.2.73). */
#define ID_AA64MMFR0_PARANGE_SHIFT  0
#define ID_AA64MMFR0_TGRAN4_SHIFT   28

/* SCTLR_ELx bits shared by EL1, EL2 and EL3 (Arm ARM D23.2.147). */
#define SCTLR_M     BIT(0)
#define SCTLR_A     BIT(1)
#define SCTLR_C     BIT(2)
#define SCTLR_SA    BIT(3)
#define SCTLR_I     BIT(12)
#define SCTLR_WXN   BIT(19)

#endif
