/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Instruction fetches after a TLBI that removes more than one page: Debian's QEMU 7.2 keeps
 * running the old code of a block's other pages (its jump cache is cleared only for the page the
 * TLBI names), and does not invalidate a page inside an 8 GiB range at all, so its reference run
 * is an expected failure. */
#include "mmu-lib.h"

/*
 * Runs at EL1 on -M virt. Break-before-make (Arm ARM D8.16.1), then the TLBI; the Arm ARM (C5.5,
 * TLBI VAE1 and TLBI RVAE1, Purpose) requires every cached copy of an entry that would translate
 * a named address to go, so after the TLBI, DSB and ISB an instruction fetch from any page of
 * the removed translation takes a Translation fault:
 *  - a 2 MiB block, removed by TLBI VAE1 of its first page, fetched from another page;
 *  - a page inside an 8 GiB range (TLBI RVAE1, 4K granule, SCALE 3, NUM 31), not its first.
 */
#define RAM      0x40000000ULL
#define RAM_SZ   0x08000000ULL
#define UART     0x09000000ULL
#define BLK_VA   0x240000000ULL
#define PAGE_VA  0x280000000ULL
#define BLOCK_A  0x47200000ULL
#define BLOCK_B  0x47400000ULL
#define OFF      0x80000ULL
#define WORD_A   0xd65f03c0d2800020ULL     /* mov x0, #1; ret */
#define WORD_B   0xd65f03c0d2800040ULL     /* mov x0, #2; ret */

extern char dev_fetch_fn[], dev_fetch_resume[];
asm(".text\n.global dev_fetch_fn, dev_fetch_resume\ndev_fetch_fn:\n\tbr x0\n"
    "dev_fetch_resume:\n\tret\n");

static u64 call(u64 va)
{
    return ((u64 (*)(void))va)();
}

static void put_code(u64 pa, u64 word)
{
    st64(pa, word);
    asm volatile("dc cvau, %0\n\tdsb ish\n\tic iallu\n\tdsb ish\n\tisb" :: "r"(pa) : "memory");
}

static void expect_fetch_fault(const char *what, u64 va, int level)
{
    exc_expect((u64)dev_fetch_resume);
    ((void (*)(u64))dev_fetch_fn)(va);
    int taken = exc_taken();
    check_true(taken, "%s: fetch faults", what);
    check_eq(exc_last.esr, ((u64)EC_IABT_CUR << 26) | ESR_IL | FSC_TRANS(level), "%s: ESR", what);
    check_eq(exc_last.far, va, "%s: FAR", what);
}

void test_main(void)
{
    pt_t p;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_UXN;

    pool_reset();
    put_code(BLOCK_A + OFF, WORD_A);
    put_code(BLOCK_B + OFF, WORD_B);
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    u64 *blk = pt_slot(&p, BLK_VA, 2, 0);
    u64 *page = pt_slot(&p, PAGE_VA + OFF, 3, 0);
    dsb_sy();
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg(p.root, ttbr0_el1);
    isb();
    tlbi_all_el1();
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();

    /* The block: run its page at OFF, remove it by a TLBI of its first page. */
    *blk = BLOCK_A | attrs | 1;
    dsb_sy();
    isb();
    u64 r = call(BLK_VA + OFF);
    *blk = 0;
    asm volatile("dsb ishst\n\ttlbi vae1, %0\n\tdsb ish\n\tisb" :: "r"(BLK_VA >> 12) : "memory");
    expect_fetch_fault("block, TLBI VAE1 of its first page", BLK_VA + OFF, 2);
    check_eq(r, 1, "block: fetch before");
    *blk = BLOCK_B | attrs | 1;
    dsb_sy();
    isb();
    check_eq(call(BLK_VA + OFF), 2, "block: fetch sees the new block");

    /* The page OFF above PAGE_VA, inside an 8 GiB range that starts at PAGE_VA. */
    *page = (BLOCK_A + OFF) | attrs | 3;
    dsb_sy();
    isb();
    r = call(PAGE_VA + OFF);
    *page = 0;
    u64 op = (1ULL << 46) | (3ULL << 44) | (31ULL << 39) | ((PAGE_VA >> 12) & ((1ULL << 37) - 1));
    asm volatile("dsb ishst\n\ttlbi rvae1, %0\n\tdsb ish\n\tisb" :: "r"(op) : "memory");
    expect_fetch_fault("8 GiB range, TLBI RVAE1", PAGE_VA + OFF, 3);
    check_eq(r, 1, "range: fetch before");
    *page = (BLOCK_B + OFF) | attrs | 3;
    dsb_sy();
    isb();
    check_eq(call(PAGE_VA + OFF), 2, "range: fetch sees the new page");
}
