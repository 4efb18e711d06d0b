/* SPDX-License-Identifier: BSD-3-Clause */
/* xlat.h: stage-1 translation-table builder (VMSAv8-64, 4KB granule, 48-bit VA and PA). */
#ifndef FW_LIB_XLAT_H
#define FW_LIB_XLAT_H
#include <stddef.h>
#include <stdint.h>
#include <lib/bits.h>

/*
 * Tables are built in memory the caller provides (the pool) before the MMU uses them.  Changing
 * tables that are live would need break-before-make and TLB maintenance (Arm ARM D8.16); this
 * builder does not do that, so build first, then enable (lib/arch/mmu.c).
 */

enum xlat_regime {
    XLAT_REGIME_EL3,    /* EL3, one VA range, TTBR0_EL3; NS/NSE select the PA space under RME */
    XLAT_REGIME_EL2,    /* EL2 with HCR_EL2.E2H == 0, one VA range, TTBR0_EL2 */
    XLAT_REGIME_EL1,    /* EL1&0 lower range, TTBR0_EL1 (two privilege levels: UXN, PXN, AP[1]) */
};

/* Memory type: the MAIR_ELx attribute index of xlat_mair_value(). */
#define XLAT_MT_DEVICE          0u  /* Device-nGnRnE */
#define XLAT_MT_NORMAL          1u  /* Normal, inner/outer write-back read/write-allocate */
#define XLAT_MT_NORMAL_NC       2u  /* Normal, inner/outer non-cacheable */
#define XLAT_MT_DEVICE_NGNRE    3u  /* Device-nGnRE */
#define XLAT_MT_MASK            7u

#define XLAT_RW         (1u << 3)   /* writable at the privileged level; else read-only */
#define XLAT_EXEC       (1u << 4)   /* executable at the privileged level; else XN (or PXN) */
#define XLAT_USER       (1u << 5)   /* EL1&0 only: EL0 may access (AP[1] = 1) */
#define XLAT_USER_EXEC  (1u << 6)   /* EL1&0 only: EL0 may execute (UXN = 0) */

/*
 * Output physical address space.  XLAT_PAS_CURRENT leaves NS and NSE clear: the Secure PAS at
 * EL3, the PAS of the current security state at EL2 and EL1.  XLAT_PAS_NS sets NS, which from
 * Secure or Realm state selects the Non-secure PAS.  ROOT and REALM are EL3-only and need RME:
 * {NSE, NS} = {1, 0} is Root and {1, 1} is Realm (Arm ARM D8.3.1, "PAS for EL3 stage 1").
 */
#define XLAT_PAS_SHIFT      8
#define XLAT_PAS_CURRENT    (0u << XLAT_PAS_SHIFT)
#define XLAT_PAS_NS         (1u << XLAT_PAS_SHIFT)
#define XLAT_PAS_ROOT       (2u << XLAT_PAS_SHIFT)
#define XLAT_PAS_REALM      (3u << XLAT_PAS_SHIFT)
#define XLAT_PAS_MASK       (3u << XLAT_PAS_SHIFT)

/* Common combinations. */
#define XLAT_CODE       (XLAT_MT_NORMAL | XLAT_EXEC)
#define XLAT_RODATA     (XLAT_MT_NORMAL)
#define XLAT_DATA       (XLAT_MT_NORMAL | XLAT_RW)
#define XLAT_MMIO       (XLAT_MT_DEVICE | XLAT_RW)

/* Results; 0 is success. */
#define XLAT_OK         0
#define XLAT_EINVAL     (-1)    /* misaligned, empty or out-of-range request, bad context */
#define XLAT_ENOMEM     (-2)    /* the pool cannot hold the tables this request needs */
#define XLAT_EATTR      (-3)    /* attribute not valid in this regime */
#define XLAT_ECORRUPT   (-4)    /* an existing descriptor points outside the pool */

#define XLAT_GRANULE    4096u
#define XLAT_VA_BITS    48
#define XLAT_PA_BITS    48
#define XLAT_ENTRIES    512u

struct xlat_ctx {
    enum xlat_regime regime;
    uint64_t *root;         /* level 0 table, the first table of the pool */
    uint8_t *pool;          /* tables, XLAT_GRANULE each, allocated in order */
    size_t pool_tables;     /* capacity in tables */
    size_t used_tables;
    uint64_t pool_pa;       /* physical address of pool[0], as the table walker sees it */
};

/*
 * Prepare ctx to build tables in pool (4KB aligned, a multiple of 4KB, at least one table) whose
 * physical address is pool_pa; with the MMU off or an identity map pool_pa == (uintptr_t)pool.
 */
int xlat_init(struct xlat_ctx *ctx, enum xlat_regime regime, void *pool, size_t pool_size,
              uint64_t pool_pa);

/*
 * Map [va, va + size) to [pa, pa + size).  All three must be 4KB multiples.  1GB and 2MB blocks
 * are used wherever VA and PA are both aligned, pages elsewhere.  A request that overlaps an
 * earlier one wins over it in the overlap (blocks are split as needed).  On error nothing has
 * been changed: the pool use is computed before any descriptor is written.
 */
int xlat_map(struct xlat_ctx *ctx, uint64_t va, uint64_t pa, uint64_t size, uint32_t attrs);

/* Physical address for TTBR0_ELx. */
uint64_t xlat_root_pa(const struct xlat_ctx *ctx);

/* The MAIR_ELx value matching the XLAT_MT_* indices. */
uint64_t xlat_mair_value(void);

/* Descriptor fields (Arm ARM D8.3, "VMSAv8-64 translation table format descriptors"). */
#define XLAT_DESC_VALID     BIT(0)
#define XLAT_DESC_TABLE     BIT(1)  /* table at levels 0-2, page at level 3; 0 = block */
#define XLAT_DESC_ATTRIDX_SHIFT 2
#define XLAT_DESC_NS        BIT(5)
#define XLAT_DESC_AP1       BIT(6)
#define XLAT_DESC_AP2       BIT(7)
#define XLAT_DESC_SH_SHIFT  8
#define XLAT_DESC_AF        BIT(10)
#define XLAT_DESC_NG        BIT(11)
#define XLAT_DESC_NSE       BIT(11) /* EL3 stage 1 with FEAT_RME */
#define XLAT_DESC_PXN       BIT(53)
#define XLAT_DESC_XN        BIT(54) /* UXN in regimes with two privilege levels */
#define XLAT_DESC_OA_MASK   GENMASK(47, 12)

#define XLAT_SH_NONE    0u
#define XLAT_SH_OUTER   2u
#define XLAT_SH_INNER   3u

#endif
