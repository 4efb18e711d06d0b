/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cputlb.h: the softmmu TLB: per MMU index, a hit costs a compare and an add; a miss calls the
 * target's translation (stage 1, stage 2, and the Granule Protection Check) and caches the result. */
#ifndef EXEC_CPUTLB_H
#define EXEC_CPUTLB_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/memory.h"

#define TARGET_PAGE_BITS 12
#define TARGET_PAGE_SIZE (1ull << TARGET_PAGE_BITS)
#define TARGET_PAGE_MASK (~(TARGET_PAGE_SIZE - 1))
#define CPU_TLB_BITS 8
#define CPU_TLB_SIZE (1 << CPU_TLB_BITS)
#define NB_MMU_MODES 22   /* target/arm/mmuidx.h ARM_MMU_IDX_COUNT */

/* Flags in the low bits of a tag force the slow path. */
#define TLB_INVALID   (1ull << 0)
#define TLB_MMIO      (1ull << 1)   /* not RAM: go through the memory core */
#define TLB_NOTDIRTY  (1ull << 2)   /* RAM page holding translated code: writes invalidate TBs */
#define TLB_FLAGS_MASK 0xfffull

typedef enum MMUAccessType { MMU_DATA_LOAD = 0, MMU_DATA_STORE = 1, MMU_INST_FETCH = 2 } MMUAccessType;

typedef struct CPUTLBEntry {
    uint64_t addr_read;
    uint64_t addr_write;
    uint64_t addr_code;
    uintptr_t addend;        /* host = guest VA + addend, for RAM */
} CPUTLBEntry;

typedef struct CPUTLBIoEntry {
    uint64_t pa_page;
    uint8_t space;           /* ArmSecuritySpace of the physical access */
    bool device;             /* Device memory type: unaligned accesses fault */
} CPUTLBIoEntry;

/* Counters for GRANULE_STATS=1 (printed at exit as "granule-stats: tlb ..."). */
typedef struct CPUTLBStats {
    uint64_t fills;          /* translations cached (every successful fill) */
    uint64_t flush_idx;      /* MMU indexes flushed whole (one count per index) */
    uint64_t flush_page;     /* by-VA page flushes (one count per call) */
    uint64_t flush_range;    /* by-VA range flushes */
    uint64_t flush_large;    /* page/range flushes that hit an index's large-page region */
} CPUTLBStats;

typedef struct CPUTLB {
    CPUTLBEntry table[NB_MMU_MODES][CPU_TLB_SIZE];
    CPUTLBIoEntry io[NB_MMU_MODES][CPU_TLB_SIZE];
    /* Per index, the naturally aligned VA region (bits [55:12], the top byte ignored) that holds
     * every entry filled from a mapping larger than a page (a block or a contiguous run, cached
     * as page-sized pieces); large_mask 0: none. A by-VA flush that touches it flushes the whole
     * index, since the other pieces of the mapping may sit anywhere in it. */
    uint64_t large_addr[NB_MMU_MODES];
    uint64_t large_mask[NB_MMU_MODES];
    CPUTLBStats stats;
} CPUTLB;

/* What the target's translation returns for one page. */
typedef struct TlbFillResult {
    uint64_t pa;             /* physical address of vaddr */
    uint8_t space;           /* ArmSecuritySpace of the output */
    uint8_t prot;            /* PAGE_READ | PAGE_WRITE | PAGE_EXEC for this mmu_idx */
    bool device;             /* Device memory: unaligned accesses fault */
    uint8_t lg_page_size;    /* log2 of the size of the mapping holding vaddr that a TLB
                              * invalidation by VA names (the stage 1 block or contiguous run;
                              * TARGET_PAGE_BITS for a page or no stage 1) */
} TlbFillResult;

#define PAGE_READ  1
#define PAGE_WRITE 2
#define PAGE_EXEC  4

struct CPUARMState;

/* Provided by the target: translate vaddr for an access; on a fault either raises the guest
 * exception (probe == false: never returns) or returns false (probe == true). */
bool arm_tlb_fill(struct CPUARMState *env, uint64_t vaddr, MMUAccessType access, int mmu_idx,
                  unsigned size, bool probe, TlbFillResult *res);
/* Provided by the target: raise the fault for an access the memory system rejected
 * (alignment, or an external abort from the bus). */
void arm_cpu_do_unaligned_access(struct CPUARMState *env, uint64_t vaddr, MMUAccessType access,
                                 int mmu_idx) __attribute__((noreturn));
void arm_cpu_do_transaction_failed(struct CPUARMState *env, uint64_t vaddr, uint64_t pa,
                                   MMUAccessType access, int mmu_idx, MemTxResult r)
    __attribute__((noreturn));

void tlb_init(struct CPUARMState *env);
void tlb_flush(struct CPUARMState *env);
void tlb_flush_by_mmuidx(struct CPUARMState *env, uint32_t idxmap);
/* Invalidate, in the MMU indexes of idxmap, every entry that may cache a translation of a VA in
 * [vaddr, vaddr + len) (len 0: the page of vaddr), comparing VA bits [55:12] only (the top byte may hold
 * a TBI tag). An index whose large-page region meets the range is flushed whole. Never less than
 * required; more is allowed (Arm ARM D8.13: a TLBI may invalidate more than it names). */
void tlb_flush_range_by_mmuidx(struct CPUARMState *env, uint64_t vaddr, uint64_t len,
                               uint32_t idxmap);

/* The RAM page at host_page now holds translated code: every TLB entry that writes to it (under
 * any VA and MMU index) takes the slow path (TLB_NOTDIRTY), which invalidates its TBs. */
void tlb_protect_code(struct CPUARMState *env, uintptr_t host_page);

/* Slow paths, called by the back end when the fast path misses. */
uint64_t tlb_ld_slow(struct CPUARMState *env, uint64_t addr, unsigned memop, int mmu_idx);
void tlb_st_slow(struct CPUARMState *env, uint64_t addr, uint64_t val, unsigned memop, int mmu_idx);
/* Instruction fetch for the translator: host pointer to the page, or raises a prefetch abort. */
const uint8_t *tlb_get_code_page(struct CPUARMState *env, uint64_t vaddr, int mmu_idx,
                                 uintptr_t *host_page);
/* Debug access (gdbstub, monitor): translate without side effects; false if unmapped. */
int arm_data_mmu_idx_debug(struct CPUARMState *env);
bool cpu_memory_rw_debug(struct CPUARMState *env, uint64_t vaddr, void *buf, size_t len, bool write);

static inline CPUTLBEntry *tlb_entry(CPUTLB *tlb, int mmu_idx, uint64_t addr)
{
    return &tlb->table[mmu_idx][(addr >> TARGET_PAGE_BITS) & (CPU_TLB_SIZE - 1)];
}

#endif
