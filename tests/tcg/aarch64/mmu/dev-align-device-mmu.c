/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reference deviation: unaligned access to a Device page with stage 1 on: Alignment fault. */
#include "mmu-lib.h"

/*
 * Runs at EL1 on -M virt.  Arm ARM B2.5.2 ("Alignment of data accesses": an unaligned access
 * to any type of Device memory generates an Alignment fault) and AArch64.S1Translate /
 * AArch64.FullTranslate, which check it after the translation found the memory type: DFSC
 * 0b100001, FAR the address.  The same page mapped Normal allows the access.
 */
#define WIN     0x200000000ULL
#define RAM     0x40000000ULL
#define RAM_SZ  0x08000000ULL
#define UART    0x09000000ULL

void test_main(void)
{
    pt_t p;
    u64 v;

    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt)");
        return;
    }
    pool_reset();
    u64 q = pool_alloc(0x1000, 0x1000);
    st64(q, 0x1122334455667788ULL);
    st64(q + 8, 0x99aabbccddeeff00ULL);
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    pt_map(&p, WIN, q, 3, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    pt_map(&p, WIN + 0x1000, q, 3, S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN);
    dsb_sy();
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg(p.root, ttbr0_el1);
    isb();
    tlbi_all_el1();
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();
    asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(WIN + 0x1004) : "memory");
    check_eq(v, 0xddeeff0011223344ULL, "unaligned load from the page mapped Normal");
    check_eq(ld64(WIN + 8), 0x99aabbccddeeff00ULL, "aligned load from the page mapped Device");
    expect_dabt_at("unaligned load from Device", WIN + 4, 0, EC_DABT_CUR, 0x21, 1);
    expect_dabt_at("unaligned store to Device", WIN + 2, 1, EC_DABT_CUR, 0x21, 1);
    check_eq(ld64(WIN), 0x1122334455667788ULL, "the faulting store wrote nothing");
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    isb();
}
