/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Self-hosted debug at EL1: software step of EL0 code, hardware breakpoints and watchpoints, KDE and PSTATE.D masking. */
#include "testlib.h"

/*
 * Runs at EL1 on -M virt.  Arm ARM D2 (AArch64 self-hosted debug):
 * OSLAR_EL1 clears the OS Lock (set at cold reset), MDSCR_EL1.MDE enables
 * breakpoints/watchpoints, .KDE enables debug exceptions at the target EL
 * itself (then PSTATE.D masks them), .SS with SPSR.SS steps one
 * instruction.  ESR: software step EC 0x32/0x33 (ISV 1, EX 0, IFSC 0x22),
 * breakpoint EC 0x30/0x31 (IFSC 0x22), watchpoint EC 0x34/0x35
 * (WnR, DFSC 0x22, FAR = the address accessed).
 */
#define MDSCR_SS    (1ULL << 0)
#define MDSCR_KDE   (1ULL << 13)
#define MDSCR_MDE   (1ULL << 15)
#define SPSR_SS     (1ULL << 21)
#define BCR(pmc)    ((0xfULL << 5) | ((u64)(pmc) << 1) | 1)   /* BAS 0b1111, PMC, E */
#define WCR(pac, lsc) ((0xffULL << 5) | ((u64)(lsc) << 3) | ((u64)(pac) << 1) | 1)

extern char el_trampoline[], step_fn[], step_fn_bp[], el1_bp[], ldex_fn[], svc_fn[];
asm(".text\n"
    ".global step_fn, step_fn_bp, el1_bp, ldex_fn\n"
    "step_fn:\n\tnop\n\tnop\n"
    "step_fn_bp:\n\tnop\n\tmov x0, #5\n\tret\n"
    "el1_bp:\n\tmov x0, #9\n\tret\n"
    "ldex_fn:\n\tldxr x1, [x0]\n\tclrex\n\tmov x0, #7\n\tret\n"
    "svc_fn:\n\tsvc #0x10\n\tmov x0, #8\n\tret\n");

static volatile u64 watched __attribute__((aligned(8)));
static volatile u64 block[4] __attribute__((aligned(32)));
static volatile u64 excl_word __attribute__((aligned(8))) = 0x77;

/* ---- software step ---- */
static volatile unsigned steps;
static volatile u64 step_elr[4], step_esr[4];

static int step_hook(struct exc_frame *f)
{
    if (ESR_EC(f->esr) != 0x32) {
        return 0;
    }
    if (steps < 4) {
        step_elr[steps] = f->elr;
        step_esr[steps] = f->esr;
    }
    steps++;
    if (steps < 3) {
        f->spsr |= SPSR_SS;             /* step one more instruction */
    } else {
        write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_SS, mdscr_el1);
        isb();
    }
    return 1;
}

static void software_step(void)
{
    u64 r;

    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_SS, mdscr_el1);
    isb();
    sync_hook = step_hook;
    r = call_lower(SPSR_MODE(0, 0) | SPSR_DAIF | SPSR_SS, (u64 (*)(u64))step_fn, 0);
    sync_hook = 0;
    check_eq(r, 5, "stepped EL0 function still returns 5");
    check_eq(steps, 3, "three software steps taken, then stepping off");
    /* The first instruction after ERET runs, then each step stops before the next one. */
    check_eq(step_elr[0], (u64)el_trampoline + 4, "step 1: ELR after the first EL0 instruction");
    check_eq(step_elr[1], (u64)step_fn, "step 2: ELR at the BLR target");
    check_eq(step_elr[2], (u64)step_fn + 4, "step 3: ELR at the next instruction");
    check_eq(step_esr[0], 0xcb000022, "software step from EL0: ESR EC 0x32, ISV, IFSC 0x22");
    check_eq(step_esr[2], 0xcb000022, "software step 3: same ESR");
}

/*
 * Stepping a load-exclusive: the step syndrome has EX (bit 6) set.  Steps:
 * the trampoline's first instruction, its BLR, then LDXR.
 */
static int ldex_hook(struct exc_frame *f)
{
    if (ESR_EC(f->esr) != 0x32) {
        return 0;
    }
    if (steps < 4) {
        step_elr[steps] = f->elr;
        step_esr[steps] = f->esr;
    }
    steps++;
    if (steps < 3) {
        f->spsr |= SPSR_SS;
    } else {
        write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_SS, mdscr_el1);
        isb();
    }
    return 1;
}

/*
 * ERET with SPSR.SS = 0 while stepping is active at the target:
 * active-pending, so the step exception comes before the first instruction,
 * with ISV = 0 (no instruction was stepped).
 */
static int pending_hook(struct exc_frame *f)
{
    if (ESR_EC(f->esr) != 0x32) {
        return 0;
    }
    if (steps < 4) {
        step_elr[steps] = f->elr;
        step_esr[steps] = f->esr;
    }
    steps++;
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_SS, mdscr_el1);
    isb();
    return 1;
}

static void software_step_more(void)
{
    u64 r;

    steps = 0;
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_SS, mdscr_el1);
    isb();
    sync_hook = ldex_hook;
    r = call_lower(SPSR_MODE(0, 0) | SPSR_DAIF | SPSR_SS, (u64 (*)(u64))ldex_fn, (u64)&excl_word);
    sync_hook = 0;
    check_eq(r, 7, "stepped load-exclusive function returns 7");
    check_eq(steps, 3, "three steps up to the load-exclusive");
    check_eq(step_elr[2], (u64)ldex_fn + 4, "step after LDXR: ELR at the next instruction");
    check_eq(step_esr[2], 0xcb000062, "step after LDXR: ESR ISV and EX set");
    check_eq(step_esr[1], 0xcb000022, "step after BLR: EX clear");

    steps = 0;
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_SS, mdscr_el1);
    isb();
    sync_hook = pending_hook;
    r = call_lower(SPSR_MODE(0, 0) | SPSR_DAIF, (u64 (*)(u64))step_fn, 0);
    sync_hook = 0;
    check_eq(r, 5, "function entered active-pending still returns 5");
    check_eq(steps, 1, "one step exception from active-pending");
    check_eq(step_elr[0], (u64)el_trampoline, "active-pending: ELR at the first instruction");
    check_eq(step_esr[0], 0xca000022, "active-pending: ESR EC 0x32, ISV 0, IFSC 0x22");
}

/*
 * Stepping EL1 itself needs MDSCR_EL1.KDE and PSTATE.D clear.  An ERET from
 * EL1 (D masked: stepping inactive there) to EL1 with SPSR.D = 0 and
 * SPSR.SS = 1 enters active-not-pending; one instruction later the step
 * exception is taken to the current EL: EC 0x33.
 */
static volatile u64 el1_step_vec;

static int el1_step_hook(struct exc_frame *f)
{
    if (ESR_EC(f->esr) != 0x33) {
        return 0;
    }
    if (steps < 4) {
        step_elr[steps] = f->elr;
        step_esr[steps] = f->esr;
    }
    steps++;
    el1_step_vec = f->vec;
    write_sysreg(read_sysreg(mdscr_el1) & ~(MDSCR_SS | MDSCR_KDE), mdscr_el1);
    isb();
    return 1;
}

static void software_step_el1(void)
{
    u64 after_nop;

    steps = 0;
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_SS | MDSCR_KDE, mdscr_el1);
    isb();
    sync_hook = el1_step_hook;
    asm volatile("msr daifset, #8\n\t"
                 "adr x9, 1f\n\t"
                 "msr elr_el1, x9\n\t"
                 "mov x9, #0x1c5\n\t"            /* EL1h, A, I, F masked, D clear */
                 "orr x9, x9, #(1 << 21)\n\t"    /* SS */
                 "msr spsr_el1, x9\n\t"
                 "eret\n"
                 "1:\tnop\n"
                 "2:\tadr %0, 2b\n\t"
                 "msr daifset, #8"
                 : "=r"(after_nop) :: "x9", "memory");
    sync_hook = 0;
    check_eq(steps, 1, "EL1 step with KDE=1, PSTATE.D=0: one step exception");
    check_eq(step_elr[0], after_nop, "EL1 step: ELR after the stepped NOP");
    check_eq(step_esr[0], 0xcf000022, "EL1 step: ESR EC 0x33, ISV, IFSC 0x22");
    check_eq(el1_step_vec, VEC_CUR_SPX, "EL1 step: current EL vector");
}

/*
 * Stepping an SVC: it completes before its exception is taken, so SPSR.SS
 * is 0, and the return from the SVC handler lands active-pending: a step
 * exception with ISV = 0 before the next instruction.
 */
static volatile u64 svc_esr, svc_spsr;

static int svc_step_hook(struct exc_frame *f)
{
    if (ESR_EC(f->esr) == 0x15) {
        svc_esr = f->esr;
        svc_spsr = f->spsr;
        return 0;
    }
    if (ESR_EC(f->esr) != 0x32) {
        return 0;
    }
    if (steps < 4) {
        step_elr[steps] = f->elr;
        step_esr[steps] = f->esr;
    }
    steps++;
    if (steps < 3) {
        f->spsr |= SPSR_SS;
    } else {
        write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_SS, mdscr_el1);
        isb();
    }
    return 1;
}

static void software_step_svc(void)
{
    u64 r;

    steps = 0;
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_SS, mdscr_el1);
    isb();
    sync_hook = svc_step_hook;
    exc_expect(0);
    r = call_lower(SPSR_MODE(0, 0) | SPSR_DAIF | SPSR_SS, (u64 (*)(u64))svc_fn, 0);
    sync_hook = 0;
    check_true(exc_taken(), "stepped SVC taken");
    check_eq(svc_esr, 0x56000010, "stepped SVC: ESR EC 0x15, imm 0x10");
    check_eq(svc_spsr & SPSR_SS, 0, "stepped SVC: SPSR.SS = 0 (the SVC completed)");
    check_eq(r, 8, "function with a stepped SVC returns 8");
    check_eq(steps, 3, "steps: trampoline, BLR, then after the SVC returns");
    check_eq(step_elr[2], (u64)svc_fn + 4, "step after SVC return: ELR after the SVC");
    check_eq(step_esr[2], 0xca000022, "step after SVC return: active-pending, ISV 0");
}

/* ---- breakpoints ---- */
static u64 el0_read_watched(u64 x)
{
    return watched;
}

static u64 el0_write_watched(u64 x)
{
    watched = x;
    return 0;
}

static void breakpoints(void)
{
    u64 r;

    write_sysreg((u64)step_fn_bp, dbgbvr0_el1);
    write_sysreg(BCR(2), dbgbcr0_el1);          /* PMC 0b10: EL0 */
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_MDE, mdscr_el1);
    isb();
    exc_expect(0);
    r = call_at_el(0, (u64 (*)(u64))step_fn, 0);
    check_true(exc_taken(), "EL0 breakpoint taken");
    check_eq(exc_last.esr, 0xc2000022, "EL0 breakpoint: ESR EC 0x30, IFSC 0x22");
    check_eq(exc_last.elr, (u64)step_fn_bp, "EL0 breakpoint: ELR at the breakpoint");
    check_eq(exc_last.vec, VEC_LOWER_A64, "EL0 breakpoint: lower EL vector");
    check_eq(r, 5, "EL0 function completes after the breakpoint");

    /* MDSCR_EL1.MDE = 0: breakpoints disabled. */
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_MDE, mdscr_el1);
    isb();
    check_eq(call_at_el(0, (u64 (*)(u64))step_fn, 0), 5, "MDE=0: no breakpoint (no exception)");

    /* EL1 breakpoint: needs KDE=1 and PSTATE.D=0 (debug exceptions to the current EL). */
    write_sysreg((u64)el1_bp, dbgbvr0_el1);
    write_sysreg(BCR(1), dbgbcr0_el1);          /* PMC 0b01: EL1 */
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_MDE, mdscr_el1);
    isb();
    asm volatile("msr daifclr, #8\n\tisb");
    check_eq(((u64 (*)(void))el1_bp)(), 9, "KDE=0: EL1 breakpoint ignored");
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_KDE, mdscr_el1);
    isb();
    asm volatile("msr daifset, #8\n\tisb");
    check_eq(((u64 (*)(void))el1_bp)(), 9, "KDE=1, PSTATE.D=1: EL1 breakpoint masked");
    asm volatile("msr daifclr, #8\n\tisb");
    exc_expect(0);
    r = ((u64 (*)(void))el1_bp)();
    check_true(exc_taken(), "KDE=1, PSTATE.D=0: EL1 breakpoint taken");
    check_eq(exc_last.esr, 0xc6000022, "EL1 breakpoint: ESR EC 0x31, IFSC 0x22");
    check_eq(exc_last.elr, (u64)el1_bp, "EL1 breakpoint: ELR");
    check_eq(exc_last.vec, VEC_CUR_SPX, "EL1 breakpoint: current EL vector");
    asm volatile("msr daifset, #8\n\tisb");
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_KDE, mdscr_el1);
    write_sysreg(0, dbgbcr0_el1);
    isb();
}

static u64 el0_read_byte(u64 x)
{
    return ((volatile u8 *)&watched)[x];
}

static u64 el0_read_block(u64 x)
{
    return block[x];
}

/* ID_AA64DFR0_EL1 counts; a second breakpoint register pair. */
static void ids_and_bp1(void)
{
    u64 dfr0 = read_sysreg(id_aa64dfr0_el1);

    check_true(((dfr0 >> 12) & 0xf) >= 5, "ID_AA64DFR0_EL1.BRPs: at least 6 breakpoints");
    check_true(((dfr0 >> 20) & 0xf) >= 3, "ID_AA64DFR0_EL1.WRPs: at least 4 watchpoints");
    write_sysreg((u64)step_fn_bp, dbgbvr1_el1);
    write_sysreg(BCR(2), dbgbcr1_el1);
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_MDE, mdscr_el1);
    isb();
    exc_expect(0);
    call_at_el(0, (u64 (*)(u64))step_fn, 0);
    check_true(exc_taken(), "breakpoint 1 taken");
    check_eq(exc_last.elr, (u64)step_fn_bp, "breakpoint 1: ELR");
    check_eq(exc_last.esr, 0xc2000022, "breakpoint 1: ESR EC 0x30, IFSC 0x22");
    write_sysreg(0, dbgbcr1_el1);
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_MDE, mdscr_el1);
    isb();
}

/* Byte address select and address masks. */
static void watchpoint_ranges(void)
{
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_MDE, mdscr_el1);
    write_sysreg((u64)&watched, dbgwvr2_el1);
    write_sysreg(WCR(2, 1) & ~(0xf0ULL << 5), dbgwcr2_el1);  /* BAS 0x0f: bytes 0..3 */
    isb();
    check_eq(call_at_el(0, el0_read_byte, 4), 0, "BAS 0x0f: byte 4 not watched");
    exc_expect(0);
    call_at_el(0, el0_read_byte, 2);
    check_true(exc_taken(), "BAS 0x0f: byte 2 watched");
    check_eq(exc_last.far, (u64)&watched + 2, "BAS 0x0f: FAR is the byte accessed");
    write_sysreg(0, dbgwcr2_el1);

    write_sysreg((u64)block, dbgwvr3_el1);
    write_sysreg(WCR(2, 1) | (5ULL << 24), dbgwcr3_el1);     /* MASK 5: 32-byte block */
    isb();
    exc_expect(0);
    call_at_el(0, el0_read_block, 3);
    check_true(exc_taken(), "MASK 5: last doubleword of the 32-byte block watched");
    check_eq(exc_last.far, (u64)&block[3], "MASK 5: FAR");
    check_eq(exc_last.esr & ESR_DABT_MASK, 0xd2000022, "MASK 5: ESR EC 0x34, WnR 0");
    write_sysreg(0, dbgwcr3_el1);
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_MDE, mdscr_el1);
    isb();
}

static void watchpoints(void)
{
    u64 r;

    watched = 0x1234;
    write_sysreg((u64)&watched, dbgwvr0_el1);
    write_sysreg(WCR(2, 3), dbgwcr0_el1);       /* PAC 0b10: EL0; LSC 0b11: loads and stores */
    isb();
    exc_expect(0);
    r = call_at_el(0, el0_read_watched, 0);
    check_true(exc_taken(), "EL0 load watchpoint taken");
    check_eq(exc_last.esr & ESR_DABT_MASK, 0xd2000022, "EL0 load watchpoint: ESR EC 0x34, DFSC 0x22");
    check_eq(exc_last.far, (u64)&watched, "EL0 load watchpoint: FAR");
    check_eq(exc_last.vec, VEC_LOWER_A64, "EL0 load watchpoint: lower EL vector");
    (void)r;
    exc_expect(0);
    call_at_el(0, el0_write_watched, 0x5678);
    check_true(exc_taken(), "EL0 store watchpoint taken");
    check_eq(exc_last.esr & ESR_DABT_MASK, 0xd2000062, "EL0 store watchpoint: ESR WnR, DFSC 0x22");
    check_eq(exc_last.far, (u64)&watched, "EL0 store watchpoint: FAR");
    check_eq(watched, 0x1234, "watchpoint taken before the store completes");
    /* LSC 0b01: loads only. */
    write_sysreg(WCR(2, 1), dbgwcr0_el1);
    isb();
    call_at_el(0, el0_write_watched, 0x5678);
    check_eq(watched, 0x5678, "load-only watchpoint lets a store through");
    write_sysreg(0, dbgwcr0_el1);
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_MDE, mdscr_el1);
    isb();
}

void test_main(void)
{
    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt)");
        return;
    }
    /* Clear the OS Lock so that debug exceptions can be generated. */
    write_sysreg(0, oslar_el1);
    isb();
    check_eq(read_sysreg(oslsr_el1) & 2, 0, "OSLSR_EL1.OSLK clear after OSLAR_EL1 = 0");
    software_step();
    software_step_more();
    software_step_el1();
    software_step_svc();
    breakpoints();
    watchpoints();
    ids_and_bp1();
    watchpoint_ranges();
}
