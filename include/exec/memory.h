/* SPDX-License-Identifier: GPL-2.0-or-later */
/* memory.h: physical address spaces, RAM and MMIO regions, and the attributes every access carries. */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The four physical address spaces of RME (Arm ARM: "Physical address spaces"); without RME only
 * Secure and Non-secure exist. Numbering matches the {NSE,NS} encoding of SCR_EL3. */
typedef enum ArmSecuritySpace {
    ARMSS_SECURE = 0,     /* NSE=0 NS=0 */
    ARMSS_NONSECURE = 1,  /* NSE=0 NS=1 */
    ARMSS_ROOT = 2,       /* NSE=1 NS=0 (EL3 only) */
    ARMSS_REALM = 3,      /* NSE=1 NS=1 */
} ArmSecuritySpace;

static inline bool arm_space_is_secure(ArmSecuritySpace s)
{
    return s == ARMSS_SECURE || s == ARMSS_ROOT;
}

const char *arm_space_name(ArmSecuritySpace s);

/* What a device sees of the access that reached it. */
typedef struct MemTxAttrs {
    uint8_t space;      /* ArmSecuritySpace of the physical access */
    bool secure;        /* space is Secure or Root: the GIC and secure devices look at this */
    bool unspecified;   /* debug or loader access, not from the CPU */
} MemTxAttrs;

#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs){ .space = ARMSS_ROOT, .secure = true, .unspecified = true })

typedef enum MemTxResult {
    MEMTX_OK = 0,
    MEMTX_ERROR = 1,          /* the device signalled an error (slave error) */
    MEMTX_DECODE_ERROR = 2,   /* nothing is mapped at that address */
} MemTxResult;

/* MMIO callbacks. size is 1, 2, 4 or 8; accesses outside [min_access, max_access] are split or
 * widened by the memory core, never passed through. addr is relative to the region base. */
typedef struct MemoryRegionOps {
    MemTxResult (*read)(void *opaque, uint64_t addr, uint64_t *data, unsigned size, MemTxAttrs attrs);
    MemTxResult (*write)(void *opaque, uint64_t addr, uint64_t data, unsigned size, MemTxAttrs attrs);
    unsigned min_access;   /* 0 means 1 */
    unsigned max_access;   /* 0 means 8 */
} MemoryRegionOps;

typedef struct MemoryRegion {
    const char *name;
    uint64_t base;
    uint64_t size;
    uint8_t *ram;              /* host memory backing RAM/ROM, or NULL for pure MMIO */
    bool readonly;             /* ROM: writes go to ops->write if ops, else are ignored with a log */
    bool romd;                 /* reads come from ram, writes go to ops (flash in read-array mode) */
    const MemoryRegionOps *ops;
    void *opaque;
    /* Lazily initialised backing store (erased flash reads 0xFF): lazy_fill is called once per
     * 4 KiB page, before its bytes are first used directly; lazy_done has a bit per page. */
    void (*lazy_fill)(struct MemoryRegion *mr, uint64_t page_offset);
    uint8_t *lazy_done;
} MemoryRegion;

/* Reads of mr are served from its backing store: RAM, ROM, or a ROM device in read-array (ROMD)
 * mode. Writes are, only for plain RAM. address_space_ld/st and the TLB fill use these. */
static inline bool memory_region_reads_ram(const MemoryRegion *mr)
{
    return mr->ram && (!mr->ops || mr->romd || mr->readonly);
}

static inline bool memory_region_writes_ram(const MemoryRegion *mr)
{
    return mr->ram && !mr->ops && !mr->romd && !mr->readonly;
}

/* Make [offset, offset + len) of mr's backing store valid (no-op for ordinary RAM). */
static inline void memory_region_touch(MemoryRegion *mr, uint64_t offset, uint64_t len)
{
    if (mr->lazy_done && len) {
        for (uint64_t pg = offset >> 12; pg <= (offset + len - 1) >> 12; pg++) {
            if (!(mr->lazy_done[pg >> 3] & (1u << (pg & 7)))) {
                mr->lazy_fill(mr, pg << 12);
                mr->lazy_done[pg >> 3] |= (uint8_t)(1u << (pg & 7));
            }
        }
    }
}

#define AS_MAX_REGIONS 64

/* A view of the board from one bus master's point of view (the Secure view or the Non-secure
 * view). Regions never overlap within one address space; lookups binary-search a sorted array. */
typedef struct AddressSpace {
    const char *name;
    int nr;
    MemoryRegion *regions[AS_MAX_REGIONS];
    unsigned generation;      /* bumped when the map or a region's romd mode changes */
} AddressSpace;

void address_space_init(AddressSpace *as, const char *name);
/* Returns -1 with a message on stderr if the region overlaps another or the table is full. */
int address_space_add(AddressSpace *as, MemoryRegion *mr);
/* Add mr to each of the views (a device seen from several PA spaces); -1 on the first failure
 * (address_space_add has printed why; earlier views keep the region). */
int address_space_add_views(AddressSpace *const *views, int nviews, MemoryRegion *mr);
MemoryRegion *address_space_lookup(AddressSpace *as, uint64_t pa);

MemTxResult address_space_read(AddressSpace *as, uint64_t pa, void *buf, size_t len, MemTxAttrs attrs);
MemTxResult address_space_write(AddressSpace *as, uint64_t pa, const void *buf, size_t len,
                                MemTxAttrs attrs);
/* Image loaders: write straight into RAM/ROM/flash backing store, bypassing device semantics.
 * Fails (MEMTX_DECODE_ERROR) if any byte is not backed by memory. */
MemTxResult address_space_write_rom(AddressSpace *as, uint64_t pa, const void *buf, size_t len);

/* One naturally sized access (1, 2, 4, 8 bytes), little-endian value, as the CPU makes it. */
MemTxResult address_space_ld(AddressSpace *as, uint64_t pa, unsigned size, uint64_t *val, MemTxAttrs attrs);
MemTxResult address_space_st(AddressSpace *as, uint64_t pa, unsigned size, uint64_t val, MemTxAttrs attrs);

/* Region constructors. ram regions are zero-filled; returns NULL with a message if out of memory. */
MemoryRegion *memory_region_new_ram(const char *name, uint64_t base, uint64_t size);
MemoryRegion *memory_region_new_io(const char *name, uint64_t base, uint64_t size,
                                   const MemoryRegionOps *ops, void *opaque);

#endif
