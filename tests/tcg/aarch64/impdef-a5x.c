/* SPDX-License-Identifier: GPL-2.0-or-later */
/* IMPLEMENTATION DEFINED registers of -cpu cortex-a53/a57/a72 that TF-A's CPU reset functions
 * use: present at EL3 and EL1, UNDEFINED at EL0, reset value 0, L2CTLR_EL1[25:24] = cores - 1.
 * Encodings and EL1+ access: the register summaries of the Cortex-A53 TRM (DDI 0500), A57
 * (DDI 0488, Table 4-15) and A72 (DDI 0555); the reset values are the ones Debian's QEMU 7.2
 * gives (the reference run). Write/read-back, which QEMU 7.2 ignores, is dev-impdef-rw. With any
 * other MIDR (Granule's -cpu max) the encodings must be UNDEFINED. */
#include "testlib.h"

#define L2CTLR_EL1     "S3_1_C11_C0_2"
#define L2ECTLR_EL1    "S3_1_C11_C0_3"
#define L2ACTLR_EL1    "S3_1_C15_C0_0"
#define CPUACTLR_EL1   "S3_1_C15_C2_0"
#define CPUECTLR_EL1   "S3_1_C15_C2_1"
#define CPUMERRSR_EL1  "S3_1_C15_C2_2"
#define L2MERRSR_EL1   "S3_1_C15_C2_3"

/* Read register `reg` into *v; return 0, or 1 if UNDEFINED (EC 0 at that MRS), 2 otherwise. */
#define TRY_READ(reg, v) ({ u64 a_; exc_expect(0); \
    asm volatile("mov x5, xzr\n\tadr %0, 1f\n1:\tmrs x5, " reg "\n\tmov %1, x5" \
                 : "=&r"(a_), "=r"(*(v)) :: "x5", "memory"); \
    !exc_taken() ? 0u : (exc_last.elr == a_ && ESR_EC(exc_last.esr) == 0) ? 1u : 2u; })

struct reg { const char *name; unsigned idx; };
static const struct reg regs[] = {
    { "L2CTLR_EL1", 0 }, { "L2ECTLR_EL1", 1 }, { "L2ACTLR_EL1", 2 }, { "CPUACTLR_EL1", 3 },
    { "CPUECTLR_EL1", 4 }, { "CPUMERRSR_EL1", 5 }, { "L2MERRSR_EL1", 6 },
};

static unsigned read_reg(unsigned idx, u64 *v)
{
    switch (idx) {
    case 0: return TRY_READ(L2CTLR_EL1, v);
    case 1: return TRY_READ(L2ECTLR_EL1, v);
    case 2: return TRY_READ(L2ACTLR_EL1, v);
    case 3: return TRY_READ(CPUACTLR_EL1, v);
    case 4: return TRY_READ(CPUECTLR_EL1, v);
    case 5: return TRY_READ(CPUMERRSR_EL1, v);
    default: return TRY_READ(L2MERRSR_EL1, v);
    }
}

/* At a lower EL: the outcome of reading every register, one bit pair per register. */
static u64 probe_all(u64 unused)
{
    u64 r = 0, v;

    (void)unused;
    for (unsigned i = 0; i < 7; i++) {
        r |= (u64)read_reg(i, &v) << (2 * i);
    }
    return r;
}

/* -cpu max (Granule only, impdef-max): a generic Armv8 CPU has none of these encodings, so
 * they are UNDEFINED at every EL (Debian's QEMU 7.2 builds its max on the A57 and has them). */
static void generic_cpu(void)
{
    u64 v;

    for (unsigned i = 0; i < 7; i++) {
        check_eq(read_reg(i, &v), 1, "max: MRS %s is UNDEFINED at EL3", regs[i].name);
    }
    check_eq(call_at_el(1, probe_all, 0), 0x1555, "max: all seven UNDEFINED at EL1");
}

void test_main(void)
{
    u64 midr = read_sysreg(midr_el1), v, el1, el0, all_undef = 0;
    unsigned part = (midr >> 4) & 0xfff;

    check_eq(start_el, 3, "entered at EL3");
    if ((midr >> 24) == 0x41 && (part == 0xd03 || part == 0xd07 || part == 0xd08)) {
        check_true(1, "MIDR_EL1: Arm Cortex-A53, A57 or A72 (PartNum 0x%x)", part);
    } else {
        generic_cpu();
        return;
    }
    for (unsigned i = 0; i < 7; i++) {
        unsigned r = read_reg(i, &v);
        check_eq(r, 0, "EL3: MRS %s is not UNDEFINED", regs[i].name);
        check_eq(v, 0, "EL3: %s reset value 0", regs[i].name);
        all_undef |= 1ull << (2 * i);
    }
    /* A write of the value read back (what a read-modify-write of no bits does) is allowed. */
    exc_expect(0);
    asm volatile("mrs x5, " CPUECTLR_EL1 "\n\tmsr " CPUECTLR_EL1 ", x5" ::: "x5");
    check_eq(exc_taken(), 0, "EL3: MSR CPUECTLR_EL1 allowed");
    exc_expect(0);
    asm volatile("mrs x5, " CPUACTLR_EL1 "\n\tmsr " CPUACTLR_EL1 ", x5" ::: "x5");
    check_eq(exc_taken(), 0, "EL3: MSR CPUACTLR_EL1 allowed");
    read_reg(0, &v);
    check_eq((v >> 24) & 3, 0, "L2CTLR_EL1[25:24]: one core");
    el1 = call_at_el(1, probe_all, 0);
    check_eq(el1, 0, "EL1: all seven readable (0x%lx)", el1);
    el0 = call_at_el(0, probe_all, 0);
    check_eq(el0, all_undef, "EL0: all seven UNDEFINED (0x%lx)", el0);
}
