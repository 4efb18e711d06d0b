/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CFI flash commands through a Normal-memory mapping: reads follow the flash's read mode. */
#include "mmu-lib.h"

/*
 * Runs at EL1 on -M virt. The second flash bank (0x04000000, two x16 Intel/Sharp command-set
 * devices side by side on a 32-bit bus, as QEMU's virt builds it) is mapped as Normal
 * write-back memory, the way UEFI firmware maps its variable store, with the MMU on. After a
 * command, a read of the same word must return what the command selected (Intel/Sharp basic
 * command set, CFI publication 100 / JESD68.01): 0x90 the identifier codes (manufacturer
 * 0x89 at word 0, the device code at word 1, the block lock status at word 2), 0x70 the status
 * register (SR.7 ready), 0x98 the CFI query ("QRY" at words 0x10..0x12), 0xFF the array
 * again. Each device answers on its half of the bus. The loads follow the stores in one
 * straight-line sequence, so an emulator that cached the first read of the page as plain
 * memory would return the array contents instead. Also: block erase (0x20, 0xD0) and word
 * program (0x40) leave their result in the array.
 */
#define FLASH1  0x04000000ULL
#define RAM     0x40000000ULL
#define RAM_SZ  0x08000000ULL
#define UART    0x09000000ULL

static inline void st32(u64 va, u32 v)
{
    asm volatile("str %w0, [%1]" :: "r"(v), "r"(va) : "memory");
}

static inline u32 ld32(u64 va)
{
    u32 v;
    asm volatile("ldr %w0, [%1]" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static u32 both(u32 v)
{
    return v | v << 16;
}

void test_main(void)
{
    pt_t p;
    u32 w;

    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt)");
        return;
    }
    pool_reset();
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    pt_identity(&p, FLASH1, 0x200000, 2, S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN);
    dsb_sy();
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg(p.root, ttbr0_el1);
    isb();
    tlbi_all_el1();
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();

    /* Start from a known array: erase block 0, then read it (the page is now cached). */
    st32(FLASH1, both(0x20));
    st32(FLASH1, both(0xd0));
    check_eq(ld32(FLASH1), both(0x80), "block erase: status register, SR.7 ready");
    st32(FLASH1, both(0xff));
    check_eq(ld32(FLASH1), 0xffffffff, "erased block reads all ones");
    check_eq(ld32(FLASH1 + 4), 0xffffffff, "erased block reads all ones (word 1)");

    /* Read identifier: the very next load returns the codes, not the array. */
    st32(FLASH1, both(0x90));
    w = ld32(FLASH1);
    check_eq(w, both(0x89), "read identifier: manufacturer code (Intel 0x89) at word 0");
    check_eq(ld32(FLASH1 + 8), 0, "read identifier: block 0 lock status (unlocked) at word 2");

    /* Read status register */
    st32(FLASH1, both(0x70));
    check_eq(ld32(FLASH1), both(0x80), "read status register: SR.7 ready");
    check_eq(ld32(FLASH1 + 4), both(0x80), "read status register: any address");

    /* CFI query */
    st32(FLASH1, both(0x98));
    check_eq(ld32(FLASH1 + 0x10 * 4), both('Q'), "CFI query: 'Q' at word 0x10");
    check_eq(ld32(FLASH1 + 0x11 * 4), both('R'), "CFI query: 'R' at word 0x11");
    check_eq(ld32(FLASH1 + 0x12 * 4), both('Y'), "CFI query: 'Y' at word 0x12");

    /* Back to read array */
    st32(FLASH1, both(0xff));
    check_eq(ld32(FLASH1), 0xffffffff, "read array again after the query");

    /* Word program: NOR programming clears bits; the array shows the data afterwards. */
    st32(FLASH1 + 0x10, both(0x40));
    st32(FLASH1 + 0x10, 0x12345678);
    check_eq(ld32(FLASH1 + 0x10), both(0x80), "word program: status register, SR.7 ready");
    st32(FLASH1, both(0xff));
    check_eq(ld32(FLASH1 + 0x10), 0x12345678, "word program: the array holds the data");
    check_eq(ld32(FLASH1 + 0x14), 0xffffffff, "word program: the next word is untouched");

    /* Erase again: the programmed word is back to all ones. */
    st32(FLASH1, both(0x20));
    st32(FLASH1, both(0xd0));
    st32(FLASH1, both(0xff));
    check_eq(ld32(FLASH1 + 0x10), 0xffffffff, "block erase: the programmed word reads all ones");

    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    isb();
}
