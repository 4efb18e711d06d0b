/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Configurable traps: CNTKCTL/CNTHCTL timer access, HCR_EL2.TID3/TVM/TRVM/TWI, MDCR_EL2.TDA, SCR_EL3.TWI. */
#include "testlib.h"

/*
 * Runs on virt,secure=on,virtualization=on (entered at EL3).  Each case
 * sets one trap control from EL3, runs one instruction at a lower EL and
 * checks the EL that took the exception, ESR and ELR.  ESR for EC 0x18
 * (Arm ARM D24.2.40, ISS encoding for MSR/MRS traps): Op0 [21:20],
 * Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5], CRm [4:1], Direction [0]
 * (1 = read).  EC 0x01 (WFx traps): CV 1, COND 0b1110, TI 0 for WFI.
 * The system register instructions all use x5 (Rt = 5).
 */
#define ISS_SYS(op0, op1, crn, crm, op2, read) \
    (((u64)(op0) << 20) | ((u64)(op2) << 17) | ((u64)(op1) << 14) | ((u64)(crn) << 10) | \
     (5 << 5) | ((u64)(crm) << 1) | (read))
#define ESR_SYS(iss)    ((0x18ULL << 26) | ESR_IL | (iss))
#define ESR_WFI         ((0x01ULL << 26) | ESR_IL | (1 << 24) | (0xe << 20))

#define HCR_TWI  (1ULL << 13)
#define HCR_TID3 (1ULL << 18)
#define HCR_TVM  (1ULL << 26)
#define HCR_TRVM (1ULL << 30)
#define SCR_TWI  (1ULL << 12)

enum probe {
    P_CNTPCT, P_CNTVCT, P_CNTP_CTL, P_ID_PFR0, P_SCTLR_W, P_SCTLR_R, P_MDSCR, P_WFI,
};

static const char *const names[] = {
    "mrs cntpct_el0", "mrs cntvct_el0", "mrs cntp_ctl_el0", "mrs id_aa64pfr0_el1",
    "msr sctlr_el1", "mrs sctlr_el1", "mrs mdscr_el1", "wfi",
};

/* SCTLR_EL1 as set up by the runtime (reading it at EL1 may itself trap). */
static volatile u64 sctlr_el1_value;

/* Run one probe instruction; return (EL << 4) | 1 if it trapped, else 0. */
static u64 probe(u64 p)
{
    u64 a = 0;

    exc_expect(0);
    switch (p) {
    case P_CNTPCT:
        asm volatile("adr %0, 1f\n1:\tmrs x5, cntpct_el0" : "=&r"(a) :: "x5");
        break;
    case P_CNTVCT:
        asm volatile("adr %0, 1f\n1:\tmrs x5, cntvct_el0" : "=&r"(a) :: "x5");
        break;
    case P_CNTP_CTL:
        asm volatile("adr %0, 1f\n1:\tmrs x5, cntp_ctl_el0" : "=&r"(a) :: "x5");
        break;
    case P_ID_PFR0:
        asm volatile("adr %0, 1f\n1:\tmrs x5, id_aa64pfr0_el1" : "=&r"(a) :: "x5");
        break;
    case P_SCTLR_W:
        asm volatile("mov x5, %1\n\tadr %0, 1f\n1:\tmsr sctlr_el1, x5" : "=&r"(a) : "r"(sctlr_el1_value) : "x5");
        break;
    case P_SCTLR_R:
        asm volatile("adr %0, 1f\n1:\tmrs x5, sctlr_el1" : "=&r"(a) :: "x5");
        break;
    case P_MDSCR:
        asm volatile("adr %0, 1f\n1:\tmrs x5, mdscr_el1" : "=&r"(a) :: "x5");
        break;
    case P_WFI:
        asm volatile("adr %0, 1f\n1:\twfi" : "=&r"(a) :: "memory");
        break;
    }
    if (!exc_taken()) {
        return 0;
    }
    check_eq(exc_last.elr, a, "%s trap: ELR at the instruction", names[p]);
    return (exc_last.el << 4) | 1;
}

static void expect_trap(const char *what, unsigned el_from, enum probe p, unsigned el_to, u64 esr)
{
    u64 r = call_at_el(el_from, probe, p);
    check_eq(r, el_to ? (el_to << 4) | 1 : 0, "%s: %s at EL%u %s", what, names[p], el_from,
             el_to ? "trapped" : "not trapped");
    if (el_to) {
        check_eq(exc_last.esr, esr, "%s: %s at EL%u ESR", what, names[p], el_from);
    }
}

static void timers(void)
{
    u64 kctl = read_sysreg(cntkctl_el1), hctl = read_sysreg(cnthctl_el2);

    /* CNTKCTL_EL1.EL0PCTEN (0), EL0VCTEN (1), EL0PTEN (9): EL0 accesses trap to EL1. */
    write_sysreg(0, cntkctl_el1);
    isb();
    expect_trap("CNTKCTL_EL1.EL0PCTEN=0", 0, P_CNTPCT, 1, ESR_SYS(ISS_SYS(3, 3, 14, 0, 1, 1)));
    expect_trap("CNTKCTL_EL1.EL0VCTEN=0", 0, P_CNTVCT, 1, ESR_SYS(ISS_SYS(3, 3, 14, 0, 2, 1)));
    expect_trap("CNTKCTL_EL1.EL0PTEN=0", 0, P_CNTP_CTL, 1, ESR_SYS(ISS_SYS(3, 3, 14, 2, 1, 1)));
    write_sysreg(3 | (1 << 9), cntkctl_el1);
    isb();
    expect_trap("CNTKCTL_EL1 EL0 access enabled", 0, P_CNTPCT, 0, 0);
    expect_trap("CNTKCTL_EL1 EL0 access enabled", 0, P_CNTP_CTL, 0, 0);
    write_sysreg(kctl, cntkctl_el1);

    /* CNTHCTL_EL2.EL1PCTEN (0), EL1PCEN (1) with E2H=0: EL1 accesses trap to EL2. */
    write_sysreg(0, cnthctl_el2);
    isb();
    expect_trap("CNTHCTL_EL2.EL1PCTEN=0", 1, P_CNTPCT, 2, ESR_SYS(ISS_SYS(3, 3, 14, 0, 1, 1)));
    expect_trap("CNTHCTL_EL2.EL1PCEN=0", 1, P_CNTP_CTL, 2, ESR_SYS(ISS_SYS(3, 3, 14, 2, 1, 1)));
    expect_trap("CNTHCTL_EL2 does not affect the virtual count", 1, P_CNTVCT, 0, 0);
    expect_trap("CNTHCTL_EL2 does not affect EL2 itself", 2, P_CNTP_CTL, 0, 0);
    write_sysreg(hctl, cnthctl_el2);
    isb();
    expect_trap("CNTHCTL_EL2 EL1 access enabled", 1, P_CNTP_CTL, 0, 0);
}

static void hcr(void)
{
    u64 h = read_sysreg(hcr_el2);

    write_sysreg(h | HCR_TID3, hcr_el2);
    isb();
    expect_trap("HCR_EL2.TID3", 1, P_ID_PFR0, 2, ESR_SYS(ISS_SYS(3, 0, 0, 4, 0, 1)));
    expect_trap("HCR_EL2.TID3 does not trap EL2", 2, P_ID_PFR0, 0, 0);
    write_sysreg(h | HCR_TVM, hcr_el2);
    isb();
    expect_trap("HCR_EL2.TVM", 1, P_SCTLR_W, 2, ESR_SYS(ISS_SYS(3, 0, 1, 0, 0, 0)));
    expect_trap("HCR_EL2.TVM traps writes only", 1, P_SCTLR_R, 0, 0);
    write_sysreg(h | HCR_TRVM, hcr_el2);
    isb();
    expect_trap("HCR_EL2.TRVM", 1, P_SCTLR_R, 2, ESR_SYS(ISS_SYS(3, 0, 1, 0, 0, 1)));
    expect_trap("HCR_EL2.TRVM traps reads only", 1, P_SCTLR_W, 0, 0);
    write_sysreg(h | HCR_TWI, hcr_el2);
    isb();
    expect_trap("HCR_EL2.TWI", 1, P_WFI, 2, ESR_WFI);
    write_sysreg(h, hcr_el2);
    isb();
    expect_trap("no HCR_EL2 traps", 1, P_ID_PFR0, 0, 0);
    expect_trap("no HCR_EL2 traps", 1, P_SCTLR_W, 0, 0);
}

static void mdcr_scr(void)
{
    u64 m = read_sysreg(mdcr_el2), s = read_sysreg(scr_el3);

    /* MDCR_EL2.TDA (bit 9): EL1 debug register accesses trap to EL2 (D19). */
    write_sysreg(m | (1 << 9), mdcr_el2);
    isb();
    expect_trap("MDCR_EL2.TDA", 1, P_MDSCR, 2, ESR_SYS(ISS_SYS(2, 0, 0, 2, 2, 1)));
    write_sysreg(m, mdcr_el2);
    isb();
    expect_trap("MDCR_EL2.TDA clear", 1, P_MDSCR, 0, 0);

    /* SCR_EL3.TWI: WFI at EL2 and EL1 traps to EL3 (HCR_EL2.TWI clear). */
    write_sysreg(s | SCR_TWI, scr_el3);
    isb();
    expect_trap("SCR_EL3.TWI", 2, P_WFI, 3, ESR_WFI);
    expect_trap("SCR_EL3.TWI", 1, P_WFI, 3, ESR_WFI);
    /* With both set, the EL2 trap has priority for EL1 (AArch64.CheckForWFxTrap order). */
    write_sysreg(read_sysreg(hcr_el2) | HCR_TWI, hcr_el2);
    isb();
    expect_trap("SCR_EL3.TWI and HCR_EL2.TWI", 1, P_WFI, 2, ESR_WFI);
    write_sysreg(read_sysreg(hcr_el2) & ~HCR_TWI, hcr_el2);
    write_sysreg(s, scr_el3);
    isb();
}

void test_main(void)
{
    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2 (-M virt,secure=on,virtualization=on)");
        return;
    }
    sctlr_el1_value = read_sysreg(sctlr_el1);
    timers();
    hcr();
    mdcr_scr();
}
