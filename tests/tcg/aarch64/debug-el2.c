/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Self-hosted debug with EL2: MDCR_EL2.TDE routes EL1 breakpoints and software steps to EL2. */
#include "testlib.h"

/*
 * Runs at EL2 (-M virt,virtualization=on).  Arm ARM D2: DebugTarget() is
 * EL2 when MDCR_EL2.TDE (or HCR_EL2.TGE) is set, and debug exceptions
 * from an EL below the target need neither MDSCR_EL1.KDE nor PSTATE.D
 * clear.  Without TDE the target is EL1, and at EL1 itself the same
 * breakpoint is disabled by KDE = 0.
 */
#define MDSCR_SS    (1ULL << 0)
#define MDSCR_MDE   (1ULL << 15)
#define MDCR_TDE    (1ULL << 8)
#define SPSR_SS     (1ULL << 21)
#define BCR_EL1     ((0xfULL << 5) | (1ULL << 1) | 1)   /* BAS 0b1111, PMC EL1, E */

extern char el_trampoline[], el1_fn[], el1_fn_bp[];
asm(".text\n"
    ".global el1_fn, el1_fn_bp\n"
    "el1_fn:\n\tnop\n"
    "el1_fn_bp:\n\tnop\n\tmov x0, #6\n\tret\n");

static volatile unsigned steps;
static volatile u64 step_elr, step_esr, step_el;

static int step_hook(struct exc_frame *f)
{
    if (ESR_EC(f->esr) != 0x32) {
        return 0;
    }
    steps++;
    step_elr = f->elr;
    step_esr = f->esr;
    step_el = f->el;
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_SS, mdscr_el1);
    isb();
    return 1;
}

void test_main(void)
{
    u64 r;

    if (start_el != 2) {
        skip("expects to start at EL2 (-M virt,virtualization=on)");
        return;
    }
    write_sysreg(0, oslar_el1);
    write_sysreg((u64)el1_fn_bp, dbgbvr0_el1);
    write_sysreg(BCR_EL1, dbgbcr0_el1);
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_MDE, mdscr_el1);
    write_sysreg(read_sysreg(mdcr_el2) | MDCR_TDE, mdcr_el2);
    isb();
    exc_expect(0);
    r = call_at_el(1, (u64 (*)(u64))el1_fn, 0);
    check_true(exc_taken(), "TDE=1: EL1 breakpoint taken");
    check_eq(exc_last.el, 2, "TDE=1: breakpoint taken to EL2");
    check_eq(exc_last.esr, 0xc2000022, "TDE=1: ESR EC 0x30 (lower EL), IFSC 0x22");
    check_eq(exc_last.elr, (u64)el1_fn_bp, "TDE=1: ELR at the breakpoint");
    check_eq(exc_last.vec, VEC_LOWER_A64, "TDE=1: lower EL vector");
    check_eq(r, 6, "EL1 function completes after the breakpoint");

    /* TDE = 0: the target is EL1 itself, where KDE = 0 disables the breakpoint. */
    write_sysreg(read_sysreg(mdcr_el2) & ~MDCR_TDE, mdcr_el2);
    isb();
    check_eq(call_at_el(1, (u64 (*)(u64))el1_fn, 0), 6, "TDE=0, KDE=0: EL1 breakpoint ignored");
    write_sysreg(0, dbgbcr0_el1);

    /* Software step of EL1 with TDE = 1: the step exception goes to EL2. */
    write_sysreg(read_sysreg(mdcr_el2) | MDCR_TDE, mdcr_el2);
    write_sysreg(read_sysreg(mdscr_el1) | MDSCR_SS, mdscr_el1);
    isb();
    sync_hook = step_hook;
    r = call_lower(SPSR_MODE(1, 1) | SPSR_DAIF | SPSR_SS, (u64 (*)(u64))el1_fn, 0);
    sync_hook = 0;
    check_eq(r, 6, "stepped EL1 function returns 6");
    check_eq(steps, 1, "one software step taken");
    check_eq(step_el, 2, "TDE=1: EL1 step taken to EL2");
    check_eq(step_elr, (u64)el_trampoline + 4, "step: ELR after the first EL1 instruction");
    check_eq(step_esr, 0xcb000022, "step: ESR EC 0x32, ISV, IFSC 0x22");
    write_sysreg(read_sysreg(mdcr_el2) & ~MDCR_TDE, mdcr_el2);
    write_sysreg(read_sysreg(mdscr_el1) & ~MDSCR_MDE, mdscr_el1);
    isb();
}
