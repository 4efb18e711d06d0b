/* SPDX-License-Identifier: GPL-2.0-or-later */
/* EL switching: EL3 -> EL2 -> EL1 -> EL0 and back, CurrentEL, SPSel, banked SP_ELx, ELR/SPSR per EL. */
#include "testlib.h"

#define STACK_SIZE 0x4000

static int sp_on_stack(u64 sp, unsigned el)
{
    return sp <= stack_top[el] && sp > stack_top[el] - STACK_SIZE;
}

static u64 spsel(void)
{
    return read_sysreg(spsel) & 1;
}

/* EL0: CurrentEL and SPSel are not accessible (UNDEFINED, D19.2). */
static u64 f0(u64 x)
{
    u64 a;
    check_true(sp_on_stack(get_sp(), 0), "EL0 runs on SP_EL0");
    exc_expect(0);
    a = AT("mrs x2, CurrentEL");
    check_true(exc_taken(), "EL0 mrs CurrentEL is UNDEFINED");
    check_eq(exc_last.esr, 0x02000000, "EL0 mrs CurrentEL: ESR EC 0");
    check_eq(exc_last.elr, a, "EL0 mrs CurrentEL: ELR");
    exc_expect(0);
    AT("msr spsel, #0");
    check_true(exc_taken(), "EL0 msr spsel is UNDEFINED");
    return x + 1;
}

static u64 f1(u64 x)
{
    check_eq(read_sysreg(CurrentEL), 0x4, "EL1 CurrentEL reads 0b0100");
    check_eq(spsel(), 1, "EL1h: SPSel 1");
    check_true(sp_on_stack(get_sp(), 1), "EL1h runs on SP_EL1");
    return call_at_el(0, f0, x) + 10;
}

static u64 f2(u64 x)
{
    check_eq(read_sysreg(CurrentEL), 0x8, "EL2 CurrentEL reads 0b1000");
    check_eq(spsel(), 1, "EL2h: SPSel 1");
    check_true(sp_on_stack(get_sp(), 2), "EL2h runs on SP_EL2");
    return call_at_el(1, f1, x) + 100;
}

/* EL1t: runs on SP_EL0; an exception from it uses the current-EL SP0 vectors (D1.3.1). */
static u64 f1t(u64 x)
{
    u64 a;
    check_eq(spsel(), 0, "EL1t: SPSel 0");
    check_true(sp_on_stack(get_sp(), 0), "EL1t runs on SP_EL0");
    exc_expect(0);
    a = AT("brk #0x10");
    check_true(exc_taken(), "EL1t brk taken");
    check_eq(exc_last.vec, VEC_CUR_SP0, "EL1t brk: current EL with SP0 vector");
    check_eq(exc_last.spsr & 0xf, 4, "EL1t brk: SPSR.M = EL1t");
    check_eq(exc_last.elr, a, "EL1t brk: ELR");
    check_eq(spsel(), 0, "EL1t: SPSel still 0 after the exception return");
    return x * 2;
}

/* PSTATE after ERET comes from SPSR: NZCV and DAIF (D1.4.3). */
static u64 read_pstate(u64 x)
{
    return read_sysreg(nzcv) | read_sysreg(daif);
}

/* SPSel switching at EL1: SP_EL0 and SP_EL1 are distinct registers. */
static u64 spsel_switch(u64 x)
{
    u64 with0, with1, back;
    asm volatile("msr sp_el0, %3\n\t"
                 "mov %1, sp\n\t"
                 "msr spsel, #0\n\t"
                 "mov %0, sp\n\t"
                 "msr spsel, #1\n\t"
                 "mov %2, sp"
                 : "=&r"(with0), "=&r"(with1), "=&r"(back) : "r"(x) : "memory");
    check_eq(with0, x, "EL1 SPSel=0 selects SP_EL0");
    check_eq(back, with1, "EL1 SPSel=1 restores SP_EL1");
    return 0;
}

static u64 svc_only(u64 x)
{
    exc_expect(0);
    asm volatile("svc #0x55" ::: "memory");
    return exc_taken() ? x : 0;
}

void test_main(void)
{
    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2 (-M virt,secure=on,virtualization=on)");
        return;
    }
    check_eq(read_sysreg(CurrentEL), 0xc, "EL3 CurrentEL reads 0b1100");
    check_eq(spsel(), 1, "EL3: SPSel 1");
    check_true(sp_on_stack(get_sp(), 3), "EL3 runs on SP_EL3");

    check_eq(call_at_el(2, f2, 1000), 1111, "EL3 -> EL2 -> EL1 -> EL0 and back");
    check_eq(call_at_el(1, f1, 2000), 2011, "EL3 -> EL1 -> EL0 and back");
    check_eq(call_at_el(0, f0, 3000), 3001, "EL3 -> EL0 and back");
    check_eq(call_lower(SPSR_MODE(1, 0) | SPSR_DAIF, f1t, 21), 42, "EL3 -> EL1t and back");

    /* Banked registers are distinct: write from EL3 and read back (D19.2). */
    write_sysreg(0x1110, sp_el0);
    write_sysreg(0x2220, sp_el1);
    write_sysreg(0x3330, sp_el2);
    check_eq(read_sysreg(sp_el0), 0x1110, "SP_EL0 read back");
    check_eq(read_sysreg(sp_el1), 0x2220, "SP_EL1 read back");
    check_eq(read_sysreg(sp_el2), 0x3330, "SP_EL2 read back");
    write_sysreg(0x40001000, elr_el1);
    write_sysreg(0x40002000, elr_el2);
    write_sysreg(0x40003000, elr_el3);
    check_eq(read_sysreg(elr_el1), 0x40001000, "ELR_EL1 read back");
    check_eq(read_sysreg(elr_el2), 0x40002000, "ELR_EL2 read back");
    check_eq(read_sysreg(elr_el3), 0x40003000, "ELR_EL3 read back");
    write_sysreg(0xf00003c5, spsr_el1);
    write_sysreg(0x600003c9, spsr_el2);
    write_sysreg(0x000001cd, spsr_el3);
    check_eq(read_sysreg(spsr_el1), 0xf00003c5, "SPSR_EL1 read back");
    check_eq(read_sysreg(spsr_el2), 0x600003c9, "SPSR_EL2 read back");
    check_eq(read_sysreg(spsr_el3), 0x000001cd, "SPSR_EL3 read back");

    /* An exception to EL1 (and then EL3) leaves ELR_EL2 and SPSR_EL2 alone. */
    write_sysreg(0x40002000, elr_el2);
    write_sysreg(0x600003c9, spsr_el2);
    call_at_el(0, svc_only, 0);
    check_eq(read_sysreg(elr_el2), 0x40002000, "ELR_EL2 untouched by EL0->EL1->EL3 exceptions");
    check_eq(read_sysreg(spsr_el2), 0x600003c9, "SPSR_EL2 untouched by EL0->EL1->EL3 exceptions");
    check_eq(ESR_EC(read_sysreg(esr_el1)), 0x15, "ESR_EL1 holds the EL0 SVC syndrome");

    check_eq(call_lower(SPSR_MODE(1, 1) | (0xfULL << 28) | (3 << 8), read_pstate, 0),
             (0xfULL << 28) | (3 << 8), "ERET to EL1 restores NZCV=1111 and DAIF=D,A from SPSR");
    check_eq(call_lower(SPSR_MODE(2, 1) | (0x5ULL << 28) | (0xc << 6), read_pstate, 0),
             (0x5ULL << 28) | (0xc << 6), "ERET to EL2 restores NZCV=0101 and DAIF=D,A from SPSR");
    check_eq(call_lower(SPSR_MODE(0, 0) | (0x8ULL << 28), svc_only, 7), 7,
             "ERET to EL0 with interrupts unmasked");
    call_at_el(1, spsel_switch, 0x40123450);
}
