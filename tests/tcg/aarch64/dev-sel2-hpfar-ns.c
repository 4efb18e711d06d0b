/* SPDX-License-Identifier: GPL-2.0-or-later */
/* HPFAR_EL2.NS for a stage 2 fault on a stage 1 walk of a Non-secure IPA (NSTable) at Secure EL1; Debian's QEMU 7.2 reports 0: expected reference failure. */
#include "mmu/sel2.h"

/*
 * Arm ARM AArch64.S1NextWalkStateTable: in a Secure regime, NSTable = 1 puts the next-level
 * table in the Non-secure IPA space, which the Secure stage 2 translates with VTTBR_EL2.  A
 * stage 2 Translation fault on that fetch is reported with S1PTW = 1 and, IPAValid() being
 * true, AArch64.ReportException sets HPFAR_EL2.FIPA to the table's IPA and HPFAR_EL2.NS to
 * except.NS = 1 (the IPA is in the Non-secure IPA space; Secure EL2 is enabled and the fault
 * comes from Secure state).  The control case, a table at an unmapped Secure IPA, has NS = 0.
 * Both stage 2 faults are at level 3, as is the stage 1 lookup, so dev-s1ptw-level's rule does
 * not interfere.
 */
#define WIN     0x200000000ULL
#define RNS     (WIN + 0x200000)    /* level 2 table descriptor with NSTable = 1 */
#define RS      (WIN + 0x400000)    /* level 2 table descriptor at a Secure IPA */
#define T_SEC   0x80000000ULL       /* Secure IPA of that table, invalid at stage 2 level 3 */

static u64 tns;

static u64 el1_ldx(u64 va)
{
    exc_expect(0);
    asm volatile("mov x6, %0\n\tldr x7, [x6]" :: "r"(va) : "x6", "x7", "memory");
    return 0;
}

static void expect_ptw(const char *what, u64 va, u64 hpfar)
{
    call_at_el(1, el1_ldx, va);
    check_true(exc_taken(), "%s: taken", what);
    check_eq(exc_last.el, 2, "%s: to EL2", what);
    check_eq(exc_last.esr, ESR_OF(EC_DABT_LOWER, ESR_S1PTW | FSC_TRANS(3)), "%s: ESR_EL2", what);
    check_eq(exc_last.far, va, "%s: FAR_EL2", what);
    check_eq(exc_last.hpfar, hpfar, "%s: HPFAR_EL2 (FIPA and NS)", what);
}

static u64 sel2(u64 x)
{
    write_sysreg(read_sysreg(hcr_el2) | HCR_VM, hcr_el2);
    isb();
    asm volatile("tlbi vmalls12e1\n\tdsb ish\n\tisb" ::: "memory");
    expect_ptw("table at an unmapped Secure IPA", RS, (T_SEC >> 12) << 4);
    expect_ptw("NSTable: table at an unmapped Non-secure IPA", RNS, ((tns >> 12) << 4) | HPFAR_NS);
    write_sysreg(read_sysreg(hcr_el2) & ~HCR_VM, hcr_el2);
    isb();
    asm volatile("tlbi vmalls12e1\n\tdsb ish\n\tisb" ::: "memory");
    return 0;
}

void test_main(void)
{
    pt_t ss2, ns2, s1;
    u64 s2attrs = S2_AF | S2_ISH | S2_NORMAL | S2_R | S2_W;
    u64 s1data = S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN;

    if (start_el != 3 || !have_el2 || ((read_sysreg(id_aa64pfr0_el1) >> 36) & 0xf) == 0) {
        skip("needs EL3, EL2 and FEAT_SEL2");
        return;
    }
    pool_reset();
    tns = pool_alloc(0x1000, 0x1000);
    /* Secure IPA space (VSTTBR_EL2): RAM and the UART; T_SEC invalid at level 3. */
    pt_init(&ss2, 12, 39, -1);
    pt_map(&ss2, RAM, RAM, 1, s2attrs);
    pt_map(&ss2, UART, UART, 2, S2_AF | S2_R | S2_W | S2_XN);
    pt_map(&ss2, T_SEC + 0x1000, RAM, 3, s2attrs | S2_XN);
    /* Non-secure IPA space (VTTBR_EL2): tns invalid at level 3, its neighbour mapped. */
    pt_init(&ns2, 12, 39, -1);
    pt_map(&ns2, tns + 0x1000, tns + 0x1000, 3, s2attrs | S2_XN);
    /* Secure EL1 stage 1 */
    pt_init(&s1, 12, 39, -1);
    pt_identity(&s1, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL | S1_UXN);
    pt_identity(&s1, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    *pt_slot(&s1, RNS, 2, 0) = tns | 3 | T_NS;
    *pt_slot(&s1, RS, 2, 0) = T_SEC | 3;
    pt_map(&s1, RNS, RAM, 3, s1data);           /* written at PA tns, never reached */
    dsb_sy();

    write_sysreg(read_sysreg(scr_el3) | SCR_EEL2, scr_el3);
    isb();
    wr_vsttbr(ss2.root);
    wr_vstcr((1ULL << 31) | (1 << 6) | 25);
    write_sysreg(ns2.root, vttbr_el2);
    write_sysreg((1ULL << 31) | (2 << 16) | (3 << 12) | (1 << 10) | (1 << 8) | (1 << 6) | 25,
                 vtcr_el2);
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg(s1.root, ttbr0_el1);
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();
    at_sel2(sel2, 0);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    write_sysreg(read_sysreg(scr_el3) & ~SCR_EEL2, scr_el3);
    isb();
}
