/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mmu-lib.h: translation table builder for the MMU tests (any granule, stage 1 or 2). */
#ifndef MMU_LIB_H
#define MMU_LIB_H
#include "testlib.h"

/*
 * Arm ARM D8.2/D8.3 (VMSAv8-64): a granule of 1 << gbits bytes (12, 14, 16) resolves
 * gbits - 3 address bits per level; the start level is the one that leaves at most that many
 * bits (stage 2 may concatenate up to 16 tables there instead, D8.2.7).  Tables come from a
 * pool in RAM far above the test image (virt has 128 MiB at 1 GiB).
 */
#define POOL_BASE   0x46000000ULL
#define POOL_END    0x47000000ULL

/* Stage 1 block/page attributes (D8.3.2) */
#define S1_AF       (1ULL << 10)
#define S1_ISH      (3ULL << 8)
#define S1_AP_EL0   (1ULL << 6)      /* AP[1]: EL0 access */
#define S1_AP_RO    (1ULL << 7)      /* AP[2]: read-only */
#define S1_NS       (1ULL << 5)
#define S1_NG       (1ULL << 11)
#define S1_NORMAL   (1ULL << 2)      /* AttrIndx 1: MAIR attr1 = 0xff */
#define S1_DEVICE   (0ULL << 2)      /* AttrIndx 0: MAIR attr0 = Device-nGnRnE */
#define S1_PXN      (1ULL << 53)
#define S1_UXN      (1ULL << 54)
#define S1_XN       (1ULL << 54)
/* Table descriptor attributes (D8.3.1) */
#define T_PXN       (1ULL << 59)
#define T_XN        (1ULL << 60)
#define T_AP_NOEL0  (1ULL << 61)
#define T_AP_RO     (1ULL << 62)
#define T_NS        (1ULL << 63)
/* Stage 2 (D8.3.3): MemAttr [5:2], S2AP [7:6], XN [54] */
#define S2_AF       (1ULL << 10)
#define S2_ISH      (3ULL << 8)
#define S2_R        (1ULL << 6)
#define S2_W        (1ULL << 7)
#define S2_NORMAL   (0xfULL << 2)
#define S2_XN       (2ULL << 53)

#define MAIR_VALUE  0xff00ULL        /* attr0 Device-nGnRnE, attr1 Normal WB RA WA */

typedef struct pt {
    unsigned gbits, ia_bits;
    int start;
    u64 root;
} pt_t;

static u64 pool_next = POOL_BASE;

static inline void pool_reset(void)
{
    pool_next = POOL_BASE;
}

static inline u64 pool_alloc(u64 size, u64 align)
{
    u64 p = (pool_next + align - 1) & ~(align - 1);
    pool_next = p + size;
    memset((void *)p, 0, size);
    return p;
}

static inline unsigned pt_shift(const pt_t *p, int level)
{
    return p->gbits + (p->gbits - 3) * (unsigned)(3 - level);
}

static inline int pt_start_level(unsigned gbits, unsigned ia_bits)
{
    unsigned stride = gbits - 3;
    return 4 - (int)((ia_bits - gbits + stride - 1) / stride);
}

/* start < 0: the architectural start level; otherwise a (stage 2) start level whose table may
 * be several concatenated tables. */
static inline void pt_init(pt_t *p, unsigned gbits, unsigned ia_bits, int start)
{
    p->gbits = gbits;
    p->ia_bits = ia_bits;
    p->start = start < 0 ? pt_start_level(gbits, ia_bits) : start;
    u64 bytes = 8ULL << (ia_bits - pt_shift(p, p->start));
    p->root = pool_alloc(bytes < 64 ? 64 : bytes, bytes < 4096 ? 4096 : bytes);
}

/* Pointer to the descriptor for ia at level, creating tables (with tattr) on the way. */
static inline u64 *pt_slot(pt_t *p, u64 ia, int level, u64 tattr)
{
    u64 table = p->root;
    for (int l = p->start;; l++) {
        unsigned shift = pt_shift(p, l);
        unsigned bits = l == p->start ? p->ia_bits - shift : p->gbits - 3;
        u64 *d = (u64 *)table + ((ia >> shift) & ((1ULL << bits) - 1));
        if (l == level) {
            return d;
        }
        if ((*d & 3) != 3) {
            *d = pool_alloc(1ULL << p->gbits, 1ULL << p->gbits) | 3;
        }
        if (l == level - 1) {
            *d |= tattr;                /* table attributes of the table holding the slot */
        }
        table = *d & 0x0000fffffffff000ULL & ~((1ULL << p->gbits) - 1);
    }
}

/* Map ia -> oa with a block (level < 3) or page (level 3) descriptor. */
static inline void pt_map(pt_t *p, u64 ia, u64 oa, int level, u64 attrs)
{
    *pt_slot(p, ia, level, 0) = oa | attrs | (level == 3 ? 3 : 1);
}

static inline u64 block_size(const pt_t *p, int level)
{
    return 1ULL << pt_shift(p, level);
}

/* The largest level with blocks for this granule (4K: 1; 16K, 64K: 2). */
static inline int block_level(unsigned gbits)
{
    return gbits == 12 ? 1 : 2;
}

/* Identity map [base, base + size) with blocks of the given level. */
static inline void pt_identity(pt_t *p, u64 base, u64 size, int level, u64 attrs)
{
    u64 bs = block_size(p, level);
    for (u64 a = base & ~(bs - 1); a < base + size; a += bs) {
        pt_map(p, a, a, level, attrs);
    }
}

static inline u64 tg0_field(unsigned gbits)
{
    return gbits == 16 ? 1 : gbits == 14 ? 2 : 0;
}

static inline u64 tg1_field(unsigned gbits)
{
    return gbits == 16 ? 3 : gbits == 14 ? 1 : 2;
}

static inline u64 ld64(u64 va)
{
    u64 v;
    asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static inline void st64(u64 va, u64 v)
{
    asm volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
}

/* DFSC/IFSC (D24.2.45): level-encoded fault codes */
#define FSC_ADDRSIZE(l)     (0x00 + (l))
#define FSC_TRANS(l)        (0x04 + (l))
#define FSC_AF(l)           (0x08 + (l))
#define FSC_PERM(l)         (0x0c + (l))

#define EC_IABT_LOWER   0x20
#define EC_IABT_CUR     0x21
#define EC_DABT_LOWER   0x24
#define EC_DABT_CUR     0x25
#define ESR_WNR         (1ULL << 6)
#define ESR_S1PTW       (1ULL << 7)
#define ESR_CM          (1ULL << 8)

/* A load (or store) at va takes a data abort with this EC and DFSC: ESR (without the ISV
 * block), FAR, and the EL it went to. */
static inline void expect_dabt_at(const char *what, u64 va, int write, unsigned ec, unsigned dfsc,
                                  unsigned el)
{
    exc_expect(0);
    if (write) {
        st64(va, 0xbad);
    } else {
        (void)ld64(va);
    }
    check_true(exc_taken(), "%s: data abort", what);
    check_eq(exc_last.el, el, "%s: taken to EL%u", what, el);
    check_eq(exc_last.esr & ESR_DABT_MASK,
             ((u64)ec << 26) | ESR_IL | (write ? ESR_WNR : 0) | dfsc, "%s: ESR", what);
    check_eq(exc_last.far, va, "%s: FAR", what);
}

static inline void tlbi_all_el1(void)
{
    asm volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
}

#endif
