/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fault priorities at EL1: alignment before translation, then Translation > AS > AF > Perm. */
#include "mmu-lib.h"

/*
 * Runs at EL1 on -M virt.  Arm ARM D8.14 "Prioritization of faults" and the pseudocode order:
 * AArch64.CheckAlignment (SCTLR_EL1.A, exclusives) before any translation; within
 * AArch64.S1Walk: Translation, then Address size of the output (AArch64.OAOutOfRange), then
 * Access flag; AArch64.S1CheckPermissions last.  An unaligned access to Device memory is an
 * Alignment fault found after translation, so an invalid descriptor wins over it.
 */
#define WIN     0x200000000ULL
#define RAM     0x40000000ULL
#define RAM_SZ  0x08000000ULL
#define UART    0x09000000ULL
#define FSC_ALIGN 0x21

static u64 ld64u(u64 va)
{
    u64 v;
    asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static void expect_ldxr(const char *what, u64 va, unsigned dfsc)
{
    u64 v;
    exc_expect(0);
    asm volatile("ldxr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
    check_true(exc_taken(), "%s: data abort", what);
    check_eq(exc_last.esr & ESR_DABT_MASK, ((u64)EC_DABT_CUR << 26) | ESR_IL | dfsc, "%s: ESR",
             what);
}

void test_main(void)
{
    pt_t p;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN;

    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt)");
        return;
    }
    pool_reset();
    u64 q = pool_alloc(0x1000, 0x1000);
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    *pt_slot(&p, WIN, 3, 0) = 0;                                         /* invalid */
    pt_map(&p, WIN + 0x1000, 0x100000000ULL, 3, attrs & ~S1_AF);          /* OA > IPS, AF 0 */
    pt_map(&p, WIN + 0x2000, q, 3, (attrs & ~S1_AF) | S1_AP_RO);          /* AF 0, read-only */
    pt_map(&p, WIN + 0x3000, q, 3, (attrs & ~S1_AF) | S1_AP_EL0);         /* AF 0, EL0 page */
    pt_map(&p, WIN + 0x4000, q, 3, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);   /* Device */
    pt_map(&p, WIN + 0x5000, q, 3, attrs | S1_AP_RO);
    dsb_sy();
    write_sysreg(MAIR_VALUE, mair_el1);
    /* T0SZ 25, 4K, EPD1, IPS 32 bits */
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23), tcr_el1);
    write_sysreg(p.root, ttbr0_el1);
    isb();
    tlbi_all_el1();
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();

    /* Translation before Address size and Access flag; Address size before Access flag;
     * Access flag before Permission (also with PAN). */
    expect_dabt_at("invalid page", WIN, 0, EC_DABT_CUR, FSC_TRANS(3), 1);
    expect_dabt_at("OA above IPS with AF 0", WIN + 0x1000, 0, EC_DABT_CUR, FSC_ADDRSIZE(3), 1);
    expect_dabt_at("store to a read-only AF 0 page", WIN + 0x2000, 1, EC_DABT_CUR, FSC_AF(3), 1);
    asm volatile("msr pan, #1\n\tisb");
    expect_dabt_at("PAN load of an AF 0 EL0 page", WIN + 0x3000, 0, EC_DABT_CUR, FSC_AF(3), 1);
    asm volatile("msr pan, #0\n\tisb");
    /* Exclusives need alignment before translation: Alignment over Translation */
    expect_ldxr("unaligned LDXR to an invalid page", WIN + 4, FSC_ALIGN);
    expect_ldxr("aligned LDXR to an invalid page", WIN + 8, FSC_TRANS(3));
    /* Unaligned access to Normal memory with A = 0 is fine; to an invalid page a Translation
     * fault; with A = 1 an Alignment fault even on an invalid page. */
    st64(q, 0x1122334455667788ULL);
    st64(q + 8, 0x99aabbccddeeff00ULL);
    check_eq(ld64u(WIN + 0x5001), 0x0011223344556677ULL, "unaligned load from Normal memory");
    expect_dabt_at("unaligned load from an invalid page", WIN + 1, 0, EC_DABT_CUR, FSC_TRANS(3), 1);
    write_sysreg(read_sysreg(sctlr_el1) | 2, sctlr_el1);
    isb();
    expect_dabt_at("A = 1: unaligned load from an invalid page", WIN + 1, 0, EC_DABT_CUR,
                   FSC_ALIGN, 1);
    expect_dabt_at("A = 1: unaligned store to a read-only page", WIN + 0x5001, 1, EC_DABT_CUR,
                   FSC_ALIGN, 1);
    write_sysreg(read_sysreg(sctlr_el1) & ~2ULL, sctlr_el1);
    isb();
    /* Device memory: aligned access works; the store permission is checked before anything. */
    check_eq(ld64(WIN + 0x4000), 0x1122334455667788ULL, "aligned load from a Device page");
    expect_dabt_at("store to a read-only page", WIN + 0x5000, 1, EC_DABT_CUR, FSC_PERM(3), 1);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    isb();
}
