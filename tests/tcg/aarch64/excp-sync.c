/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Synchronous exceptions: SVC/HVC/SMC routing and UNDEFINED rules per EL, BRK, UDF, PC alignment, illegal state, traps. */
#include "testlib.h"

/*
 * Runs on virt,secure=on,virtualization=on: entered at EL3, EL2 and EL1
 * are non-secure.  Each case checks which EL took the exception, the
 * vector offset, and ESR/ELR/FAR/SPSR exactly (Arm ARM D1.3, D24.2.40 ESR_ELx).
 */
#define EC_UNKNOWN  0x00
#define EC_WFX      0x01
#define EC_ILLEGAL  0x0e
#define EC_SVC      0x15
#define EC_HVC      0x16
#define EC_SMC      0x17
#define EC_SYSREG   0x18
#define EC_IABT_LOW 0x20
#define EC_IABT_CUR 0x21
#define EC_PC_ALIGN 0x22
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25
#define EC_BRK      0x3c

#define ESR(ec, iss) (((u64)(ec) << 26) | ESR_IL | (iss))

extern char pcalign_fn[], pcalign_target[], pcalign_resume[];
extern char illegal_fn[], illegal_target[];
extern char ifetch_fn[], ifetch_resume[];
asm(".text\n"
    ".global pcalign_fn, pcalign_target, pcalign_resume\n"
    "pcalign_fn:\n"
    "\tadr x9, pcalign_target\n"
    "\tadd x9, x9, #2\n"
    "\tbr x9\n"
    "pcalign_target:\n"
    "\tnop\n"
    "pcalign_resume:\n"
    "\tret\n"
    /* ERET at EL1 to EL2h: an illegal exception return (D1.4.4). */
    ".global illegal_fn, illegal_target\n"
    "illegal_fn:\n"
    "\tmov x9, #0x3c9\n"
    "\tmsr spsr_el1, x9\n"
    "\tadr x9, illegal_target\n"
    "\tmsr elr_el1, x9\n"
    "\teret\n"
    "illegal_target:\n"
    "\tnop\n"
    "\tret\n"
    ".global ifetch_fn, ifetch_resume\n"
    "ifetch_fn:\n"
    "\tbr x0\n"
    "ifetch_resume:\n"
    "\tret\n");

/* Checks of the last exception record. */
static void expect_exc(const char *what, unsigned el, unsigned vec, u64 esr, u64 elr)
{
    u64 mask = ESR_EC(esr) == EC_DABT_LOW || ESR_EC(esr) == EC_DABT_CUR ? ESR_DABT_MASK : ~0ULL;

    check_true(exc_taken(), "%s: exception taken", what);
    check_eq(exc_last.el, el, "%s: taken to EL", what);
    check_eq(exc_last.vec, vec, "%s: vector offset", what);
    check_eq(exc_last.esr & mask, esr, "%s: ESR", what);
    check_eq(exc_last.elr, elr, "%s: ELR", what);
}

/* SPSR.M[3:0] and DAIF of the interrupted context. */
static void expect_spsr(const char *what, u64 mode_daif)
{
    check_eq(exc_last.spsr & 0x3cf, mode_daif, "%s: SPSR mode and DAIF", what);
}

static u64 pa_limit(void)
{
    static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52 };
    unsigned r = read_sysreg(id_aa64mmfr0_el1) & 0xf;
    return 1ULL << bits[r < 7 ? r : 6];
}

/* ---- EL0 ---- */
static u64 el0_tests(u64 arg)
{
    u64 a, v;

    exc_expect(0);
    a = AT("svc #0x42");
    expect_exc("EL0 svc", 1, VEC_LOWER_A64, ESR(EC_SVC, 0x42), a + 4);
    expect_spsr("EL0 svc", 0x3c0);

    /* HVC and SMC are UNDEFINED at EL0 (C6.2.87 HVC, C6.2.246 SMC). */
    exc_expect(0);
    a = AT("hvc #1");
    expect_exc("EL0 hvc undefined", 1, VEC_LOWER_A64, ESR(EC_UNKNOWN, 0), a);
    exc_expect(0);
    a = AT("smc #1");
    expect_exc("EL0 smc undefined", 1, VEC_LOWER_A64, ESR(EC_UNKNOWN, 0), a);

    exc_expect(0);
    a = AT("brk #0x77");
    expect_exc("EL0 brk", 1, VEC_LOWER_A64, ESR(EC_BRK, 0x77), a);

    /* EL1 system registers are UNDEFINED at EL0 (D19.1). */
    exc_expect(0);
    a = AT("mrs x5, sctlr_el1");
    expect_exc("EL0 mrs sctlr_el1 undefined", 1, VEC_LOWER_A64, ESR(EC_UNKNOWN, 0), a);
    exc_expect(0);
    a = AT("msr vbar_el1, xzr");
    expect_exc("EL0 msr vbar_el1 undefined", 1, VEC_LOWER_A64, ESR(EC_UNKNOWN, 0), a);

    /*
     * CTR_EL0 at EL0 traps to EL1 with EC 0x18 when SCTLR_EL1.UCT is 0.
     * ISS: Op0 3 <<20, Op2 1 <<17, Op1 3 <<14, CRn 0, Rt 5 <<5, CRm 0, read 1.
     */
    exc_expect(0);
    a = AT("mrs x5, ctr_el0");
    expect_exc("EL0 mrs ctr_el0 trapped (UCT=0)", 1, VEC_LOWER_A64,
               ESR(EC_SYSREG, (3 << 20) | (1 << 17) | (3 << 14) | (5 << 5) | 1), a);
    /* DC ZVA at EL0 traps when SCTLR_EL1.DZE is 0: Op0 1, Op1 3, CRn 7, CRm 4, Op2 1, write. */
    exc_expect(0);
    a = AT("dc zva, x6");
    expect_exc("EL0 dc zva trapped (DZE=0)", 1, VEC_LOWER_A64,
               ESR(EC_SYSREG, (1 << 20) | (1 << 17) | (3 << 14) | (7 << 10) | (6 << 5) | (4 << 1)), a);
    /* WFI at EL0 traps when SCTLR_EL1.nTWI is 0: ISS CV=1, COND=0b1110, TI=0. */
    exc_expect(0);
    a = AT("wfi");
    expect_exc("EL0 wfi trapped (nTWI=0)", 1, VEC_LOWER_A64, ESR(EC_WFX, (1 << 24) | (0xe << 20)), a);
    /* WFE trapping (SCTLR_EL1.nTWE) is checked in dev-wfe-trap.c: Debian's QEMU lacks it. */

    /* Readable at EL0 with CNTKCTL_EL1.EL0VCTEN=1: no exception. */
    asm volatile("mrs %0, cntvct_el0" : "=r"(v));
    check_true(v != 0, "EL0 cntvct_el0 readable with EL0VCTEN=1");
    return arg + 1;
}

/* ---- EL1 ---- */
static u64 el1_tests(u64 arg)
{
    u64 a;

    exc_expect(0);
    a = AT("svc #0x1234");
    expect_exc("EL1 svc", 1, VEC_CUR_SPX, ESR(EC_SVC, 0x1234), a + 4);
    expect_spsr("EL1 svc", 0x3c5);

    exc_expect(0);
    a = AT("hvc #0x4321");
    expect_exc("EL1 hvc", 2, VEC_LOWER_A64, ESR(EC_HVC, 0x4321), a + 4);
    expect_spsr("EL1 hvc", 0x3c5);

    exc_expect(0);
    a = AT("smc #0x99");
    expect_exc("EL1 smc", 3, VEC_LOWER_A64, ESR(EC_SMC, 0x99), a + 4);
    expect_spsr("EL1 smc", 0x3c5);

    /* BRK: the preferred return address is the BRK itself. */
    exc_expect(0);
    a = AT("brk #0xffff");
    expect_exc("EL1 brk", 1, VEC_CUR_SPX, ESR(EC_BRK, 0xffff), a);

    /* UDF #n is permanently UNDEFINED: EC 0, IL 1, ISS 0. */
    exc_expect(0);
    a = AT(".inst 0x0000abcd");
    expect_exc("EL1 udf", 1, VEC_CUR_SPX, ESR(EC_UNKNOWN, 0), a);
    /* An EL2 register at EL1 is UNDEFINED. */
    exc_expect(0);
    a = AT("mrs x3, hcr_el2");
    expect_exc("EL1 mrs hcr_el2 undefined", 1, VEC_CUR_SPX, ESR(EC_UNKNOWN, 0), a);
    exc_expect(0);
    a = AT("msr scr_el3, xzr");
    expect_exc("EL1 msr scr_el3 undefined", 1, VEC_CUR_SPX, ESR(EC_UNKNOWN, 0), a);

    /* Branch to a misaligned address: PC alignment fault, FAR = ELR = target (D1.3.5.1). */
    exc_expect((u64)pcalign_resume);
    ((void (*)(void))pcalign_fn)();
    expect_exc("EL1 pc alignment", 1, VEC_CUR_SPX, ESR(EC_PC_ALIGN, 0), (u64)pcalign_target + 2);
    check_eq(exc_last.far, (u64)pcalign_target + 2, "EL1 pc alignment: FAR");

    /* Illegal exception return: the next instruction takes EC 0x0E with SPSR.IL set. */
    exc_expect(0);
    ((void (*)(void))illegal_fn)();
    expect_exc("EL1 illegal eret to EL2", 1, VEC_CUR_SPX, ESR(EC_ILLEGAL, 0), (u64)illegal_target);
    check_eq((exc_last.spsr >> 20) & 1, 1, "EL1 illegal eret: SPSR.IL set");
    check_eq(exc_last.spsr & 0xf, 5, "EL1 illegal eret: EL and SP unchanged (EL1h)");

    return arg + 1;
}

/*
 * With stage 1 off, an address above the implemented PA size gives an
 * Address size fault at level 0 (D8.2.11): DFSC/IFSC 0b000000.
 */
static u64 el1_tests2(u64 arg)
{
    u64 pa = pa_limit(), a;

    exc_expect(0);
    asm volatile("adr %0, 1f\n1:\tldr x3, [%1]" : "=&r"(a) : "r"(pa) : "x3", "memory");
    expect_exc("EL1 load above PA size", 1, VEC_CUR_SPX, ESR(EC_DABT_CUR, 0x00), a);
    check_eq(exc_last.far, pa, "EL1 load above PA size: FAR");
    exc_expect(0);
    asm volatile("adr %0, 1f\n1:\tstr xzr, [%1, #8]" : "=&r"(a) : "r"(pa) : "memory");
    expect_exc("EL1 store above PA size", 1, VEC_CUR_SPX, ESR(EC_DABT_CUR, 1 << 6), a);
    check_eq(exc_last.far, pa + 8, "EL1 store above PA size: FAR");
    exc_expect((u64)ifetch_resume);
    ((void (*)(u64))ifetch_fn)(pa + 0x100);
    expect_exc("EL1 fetch above PA size", 1, VEC_CUR_SPX, ESR(EC_IABT_CUR, 0x00), pa + 0x100);
    check_eq(exc_last.far, pa + 0x100, "EL1 fetch above PA size: FAR");

    /* Exclusives must be aligned: alignment fault even with the MMU off (B2.5.2). */
    exc_expect(0);
    asm volatile("adr %0, 1f\n1:\tldxr x3, [%1]" : "=&r"(a) : "r"(stack_top[1] - 0x1004) : "x3", "memory");
    expect_exc("EL1 unaligned ldxr", 1, VEC_CUR_SPX, ESR(EC_DABT_CUR, 0x21), a);
    check_eq(exc_last.far, stack_top[1] - 0x1004, "EL1 unaligned ldxr: FAR");
    return arg + 2;
}

/* SMC at EL1 with HCR_EL2.TSC=1 traps to EL2; the preferred return is the SMC (D1.3.4). */
static u64 el1_smc_trapped(u64 arg)
{
    u64 a;
    exc_expect(0);
    a = AT("smc #0x5");
    expect_exc("EL1 smc with HCR_EL2.TSC", 2, VEC_LOWER_A64, ESR(EC_SMC, 0x5), a);
    return 0;
}

/* HVC at EL1 with SCR_EL3.HCE=0 is UNDEFINED (C6.2.87). */
static u64 el1_hvc_disabled(u64 arg)
{
    u64 a;
    exc_expect(0);
    a = AT("hvc #0x7");
    expect_exc("EL1 hvc with SCR_EL3.HCE=0", 1, VEC_CUR_SPX, ESR(EC_UNKNOWN, 0), a);
    return 0;
}

static u64 el2_hvc_disabled(u64 arg)
{
    u64 a;
    exc_expect(0);
    a = AT("hvc #0x8");
    expect_exc("EL2 hvc with SCR_EL3.HCE=0", 2, VEC_CUR_SPX, ESR(EC_UNKNOWN, 0), a);
    return 0;
}

static u64 el0_svc_only(u64 arg)
{
    u64 a;
    exc_expect(0);
    a = AT("svc #0x3");
    expect_exc("EL0 svc with HCR_EL2.TGE", 2, VEC_LOWER_A64, ESR(EC_SVC, 3), a + 4);
    return 0;
}

/* ---- EL2 ---- */
static u64 el2_tests(u64 arg)
{
    u64 a;

    exc_expect(0);
    a = AT("hvc #0x22");
    expect_exc("EL2 hvc", 2, VEC_CUR_SPX, ESR(EC_HVC, 0x22), a + 4);
    expect_spsr("EL2 hvc", 0x3c9);
    exc_expect(0);
    a = AT("smc #0x33");
    expect_exc("EL2 smc", 3, VEC_LOWER_A64, ESR(EC_SMC, 0x33), a + 4);
    expect_spsr("EL2 smc", 0x3c9);
    exc_expect(0);
    a = AT("svc #0x44");
    expect_exc("EL2 svc", 2, VEC_CUR_SPX, ESR(EC_SVC, 0x44), a + 4);
    exc_expect(0);
    a = AT("brk #0x1");
    expect_exc("EL2 brk", 2, VEC_CUR_SPX, ESR(EC_BRK, 1), a);
    exc_expect(0);
    a = AT("mrs x4, scr_el3");
    expect_exc("EL2 mrs scr_el3 undefined", 2, VEC_CUR_SPX, ESR(EC_UNKNOWN, 0), a);

    /* HCR_EL2.TGE=1: exceptions from EL0 go to EL2 (D1.3.3). */
    write_sysreg(read_sysreg(hcr_el2) | (1ULL << 27), hcr_el2);
    isb();
    call_at_el(0, el0_svc_only, 0);
    write_sysreg(read_sysreg(hcr_el2) & ~(1ULL << 27), hcr_el2);
    isb();
    return arg + 1;
}

void test_main(void)
{
    u64 a;

    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2 (-M virt,secure=on,virtualization=on)");
        return;
    }
    exc_expect(0);
    a = AT("smc #0x1");
    expect_exc("EL3 smc", 3, VEC_CUR_SPX, ESR(EC_SMC, 1), a + 4);
    expect_spsr("EL3 smc", 0x3cd);
    exc_expect(0);
    a = AT("brk #0x3");
    expect_exc("EL3 brk", 3, VEC_CUR_SPX, ESR(EC_BRK, 3), a);
    exc_expect(0);
    a = AT(".inst 0x00000000");
    expect_exc("EL3 udf", 3, VEC_CUR_SPX, ESR(EC_UNKNOWN, 0), a);

    check_eq(call_at_el(2, el2_tests, 10), 11, "EL2 function returns through SMC");
    check_eq(call_at_el(1, el1_tests, 20), 21, "EL1 function returns through SMC");
    check_eq(call_at_el(1, el1_tests2, 20), 22, "EL1 function (aborts) returns");
    check_eq(call_at_el(0, el0_tests, 30), 31, "EL0 function returns through SVC");

    write_sysreg(read_sysreg(hcr_el2) | (1ULL << 19), hcr_el2);     /* TSC */
    isb();
    call_at_el(1, el1_smc_trapped, 0);
    write_sysreg(read_sysreg(hcr_el2) & ~(1ULL << 19), hcr_el2);

    write_sysreg(read_sysreg(scr_el3) & ~(1ULL << 8), scr_el3);     /* HCE */
    isb();
    call_at_el(1, el1_hvc_disabled, 0);
    call_at_el(2, el2_hvc_disabled, 0);
    write_sysreg(read_sysreg(scr_el3) | (1ULL << 8), scr_el3);
    isb();
}
