/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cputlb.c: the softmmu TLB: fill from the target's translation, slow-path loads and stores
 * (MMIO, unaligned, page-crossing, writes to pages holding code), flushes and debug access. */
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "tcg/ir.h"
#include "cpu.h"

/* VA bits [55:12]: TLB maintenance by VA names VA[55:12] (the top byte may be a TBI tag, and the
 * softmmu TLB keys entries by the whole VA as accessed). */
#define VA_PAGE_BITS 0x00fffffffffff000ull
#define VA_BITS56    0x00ffffffffffffffull

static CPUTLB *stats_tlb;

static void tlb_print_stats(void)
{
    const CPUTLBStats *st = &stats_tlb->stats;

    fprintf(stderr, "granule-stats: tlb fills=%llu flush_idx=%llu flush_page=%llu flush_range=%llu "
            "flush_large=%llu\n", (unsigned long long)st->fills, (unsigned long long)st->flush_idx,
            (unsigned long long)st->flush_page, (unsigned long long)st->flush_range,
            (unsigned long long)st->flush_large);
}

void tlb_init(CPUARMState *env)
{
    env->tlb = calloc(1, sizeof(CPUTLB));
    if (!env->tlb) {
        fprintf(stderr, "qemu-system-aarch64: out of memory for the TLB\n");
        exit(1);
    }
    tlb_flush(env);
    if (getenv("GRANULE_STATS") && !stats_tlb) {
        stats_tlb = env->tlb;
        atexit(tlb_print_stats);
    }
}

static void flush_index(CPUTLB *tlb, int i)
{
    memset(tlb->table[i], 0xff, sizeof(tlb->table[i]));
    tlb->large_mask[i] = 0;
    tlb->large_addr[i] = 0;
    tlb->stats.flush_idx++;
}

void tlb_flush_by_mmuidx(CPUARMState *env, uint32_t idxmap)
{
    CPUTLB *tlb = env->tlb;

    for (int i = 0; i < NB_MMU_MODES; i++) {
        if (idxmap & (1u << i)) {
            flush_index(tlb, i);
        }
    }
    /* The jump cache is keyed by VA and flags, not by translation: drop it with the TLB. */
    tb_jmp_cache_clear();
}

void tlb_flush(CPUARMState *env)
{
    tlb_flush_by_mmuidx(env, ~0u);
}

void tlb_protect_code(CPUARMState *env, uintptr_t host_page)
{
    CPUTLB *tlb = env->tlb;

    for (int i = 0; i < NB_MMU_MODES; i++) {
        for (int k = 0; k < CPU_TLB_SIZE; k++) {
            CPUTLBEntry *e = &tlb->table[i][k];
            uint64_t w = e->addr_write;
            if (!(w & (TLB_INVALID | TLB_MMIO)) &&
                (uintptr_t)((w & TARGET_PAGE_MASK) + e->addend) == host_page) {
                e->addr_write = w | TLB_NOTDIRTY;
            }
        }
    }
}

/* Record that index i caches pieces of a 2^lg-byte mapping holding va: grow the index's
 * large-page region to the smallest naturally aligned region holding both (the approach of
 * QEMU's tlb_add_large_page). */
static void add_large(CPUTLB *tlb, int i, uint64_t va, unsigned lg)
{
    uint64_t mask = ~((1ull << lg) - 1) & VA_BITS56;
    uint64_t m = tlb->large_mask[i];

    if (!m) {
        m = mask;
    } else {
        m &= mask;
        while ((tlb->large_addr[i] ^ va) & m) {
            m <<= 1;
            m &= VA_BITS56;
        }
    }
    tlb->large_mask[i] = m;
    tlb->large_addr[i] = va & m;
}

/* [a, a + asize) and [b, b + bsize) meet, in the 56-bit VA space (sizes at most 2^56). */
static bool va_overlap(uint64_t a, uint64_t asize, uint64_t b, uint64_t bsize)
{
    return ((b - a) & VA_BITS56) < asize || ((a - b) & VA_BITS56) < bsize;
}

/* The entry caches a page whose VA[55:12] lies in [first, first + span). */
static bool entry_in(const CPUTLBEntry *e, uint64_t first, uint64_t span)
{
    const uint64_t tags[3] = { e->addr_read, e->addr_write, e->addr_code };

    for (int k = 0; k < 3; k++) {
        if (!(tags[k] & TLB_INVALID) && ((tags[k] - first) & VA_PAGE_BITS) < span) {
            return true;
        }
    }
    return false;
}

void tlb_flush_range_by_mmuidx(CPUARMState *env, uint64_t vaddr, uint64_t len, uint32_t idxmap)
{
    CPUTLB *tlb = env->tlb;
    uint64_t first = vaddr & VA_PAGE_BITS;
    /* Bytes from the first page to the end of the last one (a zero length is one page). */
    uint64_t span = ((vaddr & ~TARGET_PAGE_MASK) + (len ? len : 1) + TARGET_PAGE_SIZE - 1) &
                    TARGET_PAGE_MASK;
    uint64_t npages = span >> TARGET_PAGE_BITS;

    if (span > VA_BITS56 || !span) {
        tlb_flush_by_mmuidx(env, idxmap);
        return;
    }
    if (npages == 1) {
        tlb->stats.flush_page++;
    } else {
        tlb->stats.flush_range++;
    }
    for (int i = 0; i < NB_MMU_MODES; i++) {
        if (!(idxmap & (1u << i))) {
            continue;
        }
        uint64_t lm = tlb->large_mask[i];
        if (lm && va_overlap(tlb->large_addr[i], (~lm & VA_BITS56) + 1, first, span)) {
            tlb->stats.flush_large++;
            flush_index(tlb, i);
            continue;
        }
        if (npages >= CPU_TLB_SIZE) {
            for (int k = 0; k < CPU_TLB_SIZE; k++) {
                if (entry_in(&tlb->table[i][k], first, span)) {
                    memset(&tlb->table[i][k], 0xff, sizeof(CPUTLBEntry));
                }
            }
        } else {
            for (uint64_t p = 0; p < npages; p++) {
                uint64_t page = first + (p << TARGET_PAGE_BITS);
                CPUTLBEntry *e = tlb_entry(tlb, i, page);
                if (entry_in(e, page, TARGET_PAGE_SIZE)) {
                    memset(e, 0xff, sizeof(*e));
                }
            }
        }
    }
    /* The jump cache is keyed by VA, so a TB found through it may come from a page whose
     * translation just went: clear it, as the whole-index flush does. */
    tb_jmp_cache_clear();
}

/* Fill the entry for vaddr; returns it. Raises the guest fault unless probe. */
static CPUTLBEntry *tlb_fill_entry(CPUARMState *env, uint64_t vaddr, MMUAccessType access,
                                   int mmu_idx, unsigned size, bool probe, bool *ok)
{
    CPUTLB *tlb = env->tlb;
    TlbFillResult res;
    uint64_t page = vaddr & TARGET_PAGE_MASK;
    CPUTLBEntry *e = tlb_entry(tlb, mmu_idx, vaddr);
    CPUTLBIoEntry *io = &tlb->io[mmu_idx][(vaddr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)];

    if (!arm_tlb_fill(env, vaddr, access, mmu_idx, size, probe, &res)) {
        *ok = false;
        return e;
    }
    *ok = true;
    tlb->stats.fills++;
    if (res.lg_page_size > TARGET_PAGE_BITS) {
        add_large(tlb, mmu_idx, vaddr, res.lg_page_size);
    }
    uint64_t pa_page = res.pa & TARGET_PAGE_MASK;
    MemoryRegion *mr = address_space_lookup(env->as[res.space], pa_page);
    uint64_t flags = 0;
    uintptr_t addend = 0;

    if (mr && mr->ram && pa_page + TARGET_PAGE_SIZE - mr->base <= mr->size) {
        memory_region_touch(mr, pa_page - mr->base, TARGET_PAGE_SIZE);
        uintptr_t host = (uintptr_t)(mr->ram + (pa_page - mr->base));
        addend = host - page;
    } else {
        flags |= TLB_MMIO;
    }
    /* Device memory requires natural alignment (Arm ARM B2.5.2): route every access through the
     * slow path's alignment check by forcing the slow path. */
    if (res.device) {
        flags |= TLB_MMIO;
    }
    e->addend = addend;
    /* Reads come from the backing store only when address_space_ld would take them from there
     * too: a ROM device (flash) out of its read-array (ROMD) mode answers reads itself. The
     * code tag keeps the host page: execution from flash in a command mode is not modelled. */
    uint64_t rflags = flags;
    if (!(flags & TLB_MMIO) && !memory_region_reads_ram(mr)) {
        rflags |= TLB_MMIO;
    }
    e->addr_read = (res.prot & PAGE_READ) ? (page | rflags) : TLB_INVALID;
    uint64_t wflags = flags;
    if (!(flags & TLB_MMIO) && !memory_region_writes_ram(mr)) {
        wflags |= TLB_MMIO;
    }
    if (!(wflags & TLB_MMIO) && tb_host_page_has_code(addend + page)) {
        wflags |= TLB_NOTDIRTY;
    }
    e->addr_write = (res.prot & PAGE_WRITE) ? (page | wflags) : TLB_INVALID;
    e->addr_code = (res.prot & PAGE_EXEC) ? (page | flags) : TLB_INVALID;
    io->pa_page = pa_page;
    io->space = res.space;
    io->device = res.device;
    return e;
}

static uint64_t io_ld(CPUARMState *env, uint64_t addr, unsigned size, int mmu_idx)
{
    CPUTLBIoEntry *io = &((CPUTLB *)env->tlb)->io[mmu_idx][(addr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)];
    uint64_t pa = io->pa_page | (addr & ~TARGET_PAGE_MASK);
    MemTxAttrs attrs = { .space = io->space, .secure = arm_space_is_secure(io->space) };
    uint64_t v;
    MemTxResult r = address_space_ld(env->as[io->space], pa, size, &v, attrs);

    if (r != MEMTX_OK) {
        arm_cpu_do_transaction_failed(env, addr, pa, MMU_DATA_LOAD, mmu_idx, r);
    }
    return v;
}

static void io_st(CPUARMState *env, uint64_t addr, uint64_t val, unsigned size, int mmu_idx)
{
    CPUTLBIoEntry *io = &((CPUTLB *)env->tlb)->io[mmu_idx][(addr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)];
    uint64_t pa = io->pa_page | (addr & ~TARGET_PAGE_MASK);
    MemTxAttrs attrs = { .space = io->space, .secure = arm_space_is_secure(io->space) };
    AddressSpace *as = env->as[io->space];
    unsigned generation = as->generation;
    MemTxResult r = address_space_st(as, pa, size, val, attrs);

    /* The store changed how the map answers reads (a flash command took a bank out of
     * read-array mode, or put it back): entries filled before would read the wrong source. */
    if (as->generation != generation) {
        tlb_flush(env);
    }
    if (r != MEMTX_OK) {
        arm_cpu_do_transaction_failed(env, addr, pa, MMU_DATA_STORE, mmu_idx, r);
    }
}

static uint64_t ld_one_page(CPUARMState *env, uint64_t addr, unsigned size, int mmu_idx)
{
    CPUTLBEntry *e = tlb_entry(env->tlb, mmu_idx, addr);
    bool ok;

    if ((e->addr_read & (TARGET_PAGE_MASK | TLB_INVALID)) != (addr & TARGET_PAGE_MASK)) {
        e = tlb_fill_entry(env, addr, MMU_DATA_LOAD, mmu_idx, size, false, &ok);
    }
    if (e->addr_read & TLB_MMIO) {
        return io_ld(env, addr, size, mmu_idx);
    }
    uint64_t v = 0;
    memcpy(&v, (void *)(uintptr_t)(addr + e->addend), size);
    return v;
}

static void st_one_page(CPUARMState *env, uint64_t addr, uint64_t val, unsigned size, int mmu_idx)
{
    CPUTLBEntry *e = tlb_entry(env->tlb, mmu_idx, addr);
    bool ok;

    if ((e->addr_write & (TARGET_PAGE_MASK | TLB_INVALID)) != (addr & TARGET_PAGE_MASK)) {
        e = tlb_fill_entry(env, addr, MMU_DATA_STORE, mmu_idx, size, false, &ok);
    }
    if (e->addr_write & TLB_MMIO) {
        io_st(env, addr, val, size, mmu_idx);
        return;
    }
    if (e->addr_write & TLB_NOTDIRTY) {
        uintptr_t host_page = (uintptr_t)((addr & TARGET_PAGE_MASK) + e->addend);
        tb_invalidate_host_page(host_page);
        e->addr_write &= ~TLB_NOTDIRTY;
    }
    memcpy((void *)(uintptr_t)(addr + e->addend), &val, size);
}

static bool needs_align(CPUARMState *env, uint64_t addr, unsigned memop, int mmu_idx,
                        MMUAccessType access)
{
    unsigned size = 1u << (memop & MO_SIZE);
    CPUTLBEntry *e = tlb_entry(env->tlb, mmu_idx, addr);
    uint64_t tag = access == MMU_DATA_STORE ? e->addr_write : e->addr_read;
    bool ok;

    if (memop & MO_ALIGN_16) {
        size = 16;      /* the two 8-byte halves of a Q access align as one 16-byte access */
    }
    if (!(addr & (size - 1))) {
        return false;
    }
    if (memop & (MO_ALIGN | MO_EXCL)) {
        return true;
    }
    /* Unaligned access to Device memory faults whatever SCTLR.A says (Arm ARM B2.5.2). The
     * translation (and its faults) comes first in the priority order, so fill before deciding. */
    if ((tag & (TARGET_PAGE_MASK | TLB_INVALID)) != (addr & TARGET_PAGE_MASK)) {
        tlb_fill_entry(env, addr, access, mmu_idx, size, false, &ok);
    }
    return ((CPUTLB *)env->tlb)->io[mmu_idx][(addr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)].device;
}

uint64_t tlb_ld_slow(CPUARMState *env, uint64_t addr, unsigned memop, int mmu_idx)
{
    unsigned size = 1u << (memop & MO_SIZE);
    uint64_t v;

    if (needs_align(env, addr, memop, mmu_idx, MMU_DATA_LOAD)) {
        arm_cpu_do_unaligned_access(env, addr, MMU_DATA_LOAD, mmu_idx);
    }
    if ((addr & ~TARGET_PAGE_MASK) + size > TARGET_PAGE_SIZE) {
        /* Page-crossing: translate both pages first so a fault on the second leaves no effect. */
        v = 0;
        for (unsigned i = 0; i < size; i++) {
            v |= ld_one_page(env, addr + i, 1, mmu_idx) << (8 * i);
        }
    } else {
        v = ld_one_page(env, addr, size, mmu_idx);
    }
    if (memop & MO_SIGN) {
        unsigned shift = 64 - 8 * size;
        v = (uint64_t)((int64_t)(v << shift) >> shift);
    }
    return v;
}

void tlb_st_slow(CPUARMState *env, uint64_t addr, uint64_t val, unsigned memop, int mmu_idx)
{
    unsigned size = 1u << (memop & MO_SIZE);

    if (needs_align(env, addr, memop, mmu_idx, MMU_DATA_STORE)) {
        arm_cpu_do_unaligned_access(env, addr, MMU_DATA_STORE, mmu_idx);
    }
    if ((addr & ~TARGET_PAGE_MASK) + size > TARGET_PAGE_SIZE) {
        uint64_t second = (addr + size - 1) & TARGET_PAGE_MASK;
        bool ok;
        CPUTLBEntry *e = tlb_entry(env->tlb, mmu_idx, second);
        if ((e->addr_write & (TARGET_PAGE_MASK | TLB_INVALID)) != second) {
            tlb_fill_entry(env, second, MMU_DATA_STORE, mmu_idx, 1, false, &ok);
        }
        for (unsigned i = 0; i < size; i++) {
            st_one_page(env, addr + i, (val >> (8 * i)) & 0xff, 1, mmu_idx);
        }
        return;
    }
    st_one_page(env, addr, val, size, mmu_idx);
}

const uint8_t *tlb_get_code_page(CPUARMState *env, uint64_t vaddr, int mmu_idx,
                                 uintptr_t *host_page)
{
    CPUTLBEntry *e = tlb_entry(env->tlb, mmu_idx, vaddr);
    bool ok;

    if ((e->addr_code & (TARGET_PAGE_MASK | TLB_INVALID)) != (vaddr & TARGET_PAGE_MASK)) {
        e = tlb_fill_entry(env, vaddr, MMU_INST_FETCH, mmu_idx, 4, false, &ok);
    }
    if (e->addr_code & TLB_MMIO) {
        /* Executing from a device: the fetch is an external abort on this memory system. */
        CPUTLBIoEntry *io = &((CPUTLB *)env->tlb)->io[mmu_idx][(vaddr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)];
        qemu_log_mask(LOG_GUEST_ERROR, "instruction fetch from non-RAM address 0x%llx (PA 0x%llx)\n",
                      (unsigned long long)vaddr, (unsigned long long)io->pa_page);
        arm_cpu_do_transaction_failed(env, vaddr, io->pa_page | (vaddr & ~TARGET_PAGE_MASK),
                                      MMU_INST_FETCH, mmu_idx, MEMTX_DECODE_ERROR);
    }
    *host_page = (uintptr_t)((vaddr & TARGET_PAGE_MASK) + e->addend);
    return (const uint8_t *)*host_page;
}

bool cpu_memory_rw_debug(CPUARMState *env, uint64_t vaddr, void *buf, size_t len, bool write)
{
    uint8_t *p = buf;

    while (len) {
        TlbFillResult res;
        size_t chunk = TARGET_PAGE_SIZE - (vaddr & ~TARGET_PAGE_MASK);
        if (chunk > len) {
            chunk = len;
        }
        if (!arm_tlb_fill(env, vaddr, write ? MMU_DATA_STORE : MMU_DATA_LOAD,
                          arm_data_mmu_idx_debug(env), 1, true, &res)) {
            return false;
        }
        MemTxAttrs attrs = { .space = res.space, .secure = arm_space_is_secure(res.space),
                             .unspecified = true };
        MemTxResult r = write ? address_space_write(env->as[res.space], res.pa, p, chunk, attrs)
                              : address_space_read(env->as[res.space], res.pa, p, chunk, attrs);
        if (r != MEMTX_OK) {
            return false;
        }
        if (write) {
            MemoryRegion *mr = address_space_lookup(env->as[res.space], res.pa);
            if (mr && mr->ram) {
                tb_invalidate_host_page((uintptr_t)(mr->ram + ((res.pa - mr->base) & TARGET_PAGE_MASK)));
            }
        }
        vaddr += chunk;
        p += chunk;
        len -= chunk;
    }
    return true;
}
