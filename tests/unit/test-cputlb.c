/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-cputlb.c: the softmmu TLB's invalidation scope (accel/tcg/cputlb.c): page and range flushes
 * remove every entry they name and keep the others, in the named MMU indexes only; VA bits
 * [63:56] (a TBI tag) are ignored; an entry filled from a mapping larger than a page (a block,
 * cached as page-sized pieces) is removed by a flush of any page of that mapping; pages that get
 * translated code are write-protected without a flush. The translation is a stand-in that maps
 * every VA into one RAM region and reports the mapping size the test chooses. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "tcg/ir.h"
#include "cpu.h"

#define RAM_BASE 0x40000000ull
#define RAM_SIZE 0x00100000ull

static CPUARMState env;
static AddressSpace as;
static unsigned fill_lg = TARGET_PAGE_BITS;    /* mapping size the stand-in reports */
static int jmp_clears;

/* ---- stand-ins ---- */

bool arm_tlb_fill(CPUARMState *e, uint64_t vaddr, MMUAccessType access, int mmu_idx,
                  unsigned size, bool probe, TlbFillResult *res)
{
    (void)e; (void)access; (void)mmu_idx; (void)size; (void)probe;
    res->pa = RAM_BASE + (vaddr & (RAM_SIZE - 1));
    res->space = ARMSS_NONSECURE;
    res->prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
    res->device = false;
    res->lg_page_size = (uint8_t)fill_lg;
    return true;
}

void arm_cpu_do_unaligned_access(CPUARMState *e, uint64_t vaddr, MMUAccessType access,
                                 int mmu_idx)
{
    (void)e; (void)vaddr; (void)access; (void)mmu_idx;
    abort();
}

void arm_cpu_do_transaction_failed(CPUARMState *e, uint64_t vaddr, uint64_t pa,
                                   MMUAccessType access, int mmu_idx, MemTxResult r)
{
    (void)e; (void)vaddr; (void)pa; (void)access; (void)mmu_idx; (void)r;
    abort();
}

int arm_data_mmu_idx_debug(CPUARMState *e)
{
    (void)e;
    return 0;
}

void tb_jmp_cache_clear(void)
{
    jmp_clears++;
}

bool tb_host_page_has_code(uintptr_t host_page)
{
    (void)host_page;
    return false;
}

void tb_invalidate_host_page(uintptr_t host_page)
{
    (void)host_page;
}

/* ---- helpers ---- */

static void fill(int idx, uint64_t va, unsigned lg)
{
    fill_lg = lg;
    (void)tlb_ld_slow(&env, va, MO_64, idx);
    fill_lg = TARGET_PAGE_BITS;
}

static bool cached(int idx, uint64_t va)
{
    CPUTLBEntry *e = tlb_entry(env.tlb, idx, va);
    return (e->addr_read & (TARGET_PAGE_MASK | TLB_INVALID)) == (va & TARGET_PAGE_MASK);
}

static void reset(void)
{
    tlb_flush(&env);
    memset(&((CPUTLB *)env.tlb)->stats, 0, sizeof(CPUTLBStats));
}

/* ---- tests ---- */

static void test_page(void)
{
    reset();
    fill(1, 0x10000, 12);
    fill(1, 0x11000, 12);
    fill(2, 0x10000, 12);
    int before = jmp_clears;
    tlb_flush_range_by_mmuidx(&env, 0x10008, 8, 1u << 1);
    g_assert_false(cached(1, 0x10000));     /* the named page, in the named index */
    g_assert_true(cached(1, 0x11000));      /* not the next page */
    g_assert_true(cached(2, 0x10000));      /* not another index */
    g_assert_cmpint(jmp_clears, >, before); /* the jump cache is keyed by VA: cleared */
    /* A zero length names the page of vaddr. */
    tlb_flush_range_by_mmuidx(&env, 0x11ff8, 0, 1u << 1);
    g_assert_false(cached(1, 0x11000));
    /* An unaligned range reaches every page it touches. */
    fill(3, 0x20000, 12);
    fill(3, 0x21000, 12);
    fill(3, 0x22000, 12);
    tlb_flush_range_by_mmuidx(&env, 0x20ff8, 0x10, 1u << 3);
    g_assert_false(cached(3, 0x20000));
    g_assert_false(cached(3, 0x21000));
    g_assert_true(cached(3, 0x22000));
}

static void test_tbi(void)
{
    /* An entry filled through a tagged VA goes with a flush of the untagged VA and vice versa. */
    reset();
    fill(0, 0x5a00000012345000ull, 12);
    fill(0, 0x0000000012346000ull, 12);
    tlb_flush_range_by_mmuidx(&env, 0x0000000012345000ull, TARGET_PAGE_SIZE, 1u);
    g_assert_false(cached(0, 0x5a00000012345000ull));
    tlb_flush_range_by_mmuidx(&env, 0xff00000012346000ull, TARGET_PAGE_SIZE, 1u);
    g_assert_false(cached(0, 0x0000000012346000ull));
}

static void test_large(void)
{
    CPUTLBStats *st = &((CPUTLB *)env.tlb)->stats;

    reset();
    /* Pieces of a 2 MiB block at 0x200000 and a page elsewhere. */
    fill(4, 0x203000, 21);
    fill(4, 0x3ff000, 21);
    fill(4, 0x900000, 12);
    /* A page outside the block: only that page. */
    tlb_flush_range_by_mmuidx(&env, 0x900000, TARGET_PAGE_SIZE, 1u << 4);
    g_assert_false(cached(4, 0x900000));
    g_assert_true(cached(4, 0x203000));
    g_assert_cmpuint(st->flush_large, ==, 0);
    /* Any page of the block: every piece of it goes (here, the whole index). */
    tlb_flush_range_by_mmuidx(&env, 0x200000, TARGET_PAGE_SIZE, 1u << 4);
    g_assert_false(cached(4, 0x203000));
    g_assert_false(cached(4, 0x3ff000));
    g_assert_cmpuint(st->flush_large, ==, 1);
    /* After the index flush, the block is forgotten: a page flush is a page flush again. */
    fill(4, 0x205000, 12);
    fill(4, 0x206000, 12);
    tlb_flush_range_by_mmuidx(&env, 0x205000, TARGET_PAGE_SIZE, 1u << 4);
    g_assert_true(cached(4, 0x206000));
    /* Two blocks: the region grows to hold both, and a range that ends inside one reaches it. */
    fill(5, 0x40000000, 21);
    fill(5, 0x40600000 + 0x7000, 21);
    tlb_flush_range_by_mmuidx(&env, 0x40500000, 0x101000, 1u << 5);   /* ends at 0x40601000 */
    g_assert_false(cached(5, 0x40607000));
    g_assert_false(cached(5, 0x40000000));
    /* The block of another index is not touched by a flush of this one. */
    fill(6, 0x203000, 21);
    tlb_flush_range_by_mmuidx(&env, 0x200000, TARGET_PAGE_SIZE, 1u << 4);
    g_assert_true(cached(6, 0x203000));
}

static void test_range(void)
{
    reset();
    /* A range of 4096 pages (the scan path): every cached page inside goes, the one above stays. */
    for (uint64_t k = 0; k < 10; k++) {
        fill(7, 0x10000000 + k * 0x1000 + k * 0x100000, 12);
    }
    fill(7, 0x11050000, 12);
    fill(7, 0x0ffff000, 12);
    tlb_flush_range_by_mmuidx(&env, 0x10000000, 0x1000000, 1u << 7);
    for (uint64_t k = 0; k < 10; k++) {
        g_assert_false(cached(7, 0x10000000 + k * 0x1000 + k * 0x100000));
    }
    g_assert_true(cached(7, 0x11050000));
    g_assert_true(cached(7, 0x0ffff000));
    /* The TTBR1 half: a range at the top of the VA space. */
    fill(8, 0xfffffffffff00000ull, 12);
    fill(8, 0xffffffffefe0a000ull, 12);
    tlb_flush_range_by_mmuidx(&env, 0xffffffffff000000ull, 0x1000000, 1u << 8);
    g_assert_false(cached(8, 0xfffffffffff00000ull));
    g_assert_true(cached(8, 0xffffffffefe0a000ull));
    /* Several indexes at once. */
    fill(9, 0x30000000, 12);
    fill(10, 0x30000000, 12);
    fill(11, 0x30000000, 12);
    tlb_flush_range_by_mmuidx(&env, 0x30000000, 0x2000, (1u << 9) | (1u << 10));
    g_assert_false(cached(9, 0x30000000));
    g_assert_false(cached(10, 0x30000000));
    g_assert_true(cached(11, 0x30000000));
}

static void test_protect_code(void)
{
    reset();
    tlb_st_slow(&env, 0x7000, 1, MO_64, 1);
    tlb_st_slow(&env, 0x8000, 1, MO_64, 1);
    CPUTLBEntry *e = tlb_entry(env.tlb, 1, 0x7000);
    uintptr_t host = (uintptr_t)(0x7000 + e->addend);
    g_assert_false(e->addr_write & TLB_NOTDIRTY);
    tlb_protect_code(&env, host);
    g_assert_true(e->addr_write & TLB_NOTDIRTY);
    g_assert_true(cached(1, 0x7000));       /* protected, not flushed */
    g_assert_false(tlb_entry(env.tlb, 1, 0x8000)->addr_write & TLB_NOTDIRTY);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    address_space_init(&as, "ram");
    address_space_add(&as, memory_region_new_ram("ram", RAM_BASE, RAM_SIZE));
    for (int s = 0; s < 4; s++) {
        env.as[s] = &as;
    }
    tlb_init(&env);
    g_test_add_func("/cputlb/page", test_page);
    g_test_add_func("/cputlb/tbi", test_tbi);
    g_test_add_func("/cputlb/large", test_large);
    g_test_add_func("/cputlb/range", test_range);
    g_test_add_func("/cputlb/protect-code", test_protect_code);
    return g_test_run();
}
