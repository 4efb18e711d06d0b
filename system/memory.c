/* SPDX-License-Identifier: GPL-2.0-or-later */
/* memory.c: address spaces as sorted region arrays; RAM, ROM, ROMD and MMIO dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exec/memory.h"
#include "qemu/log.h"

const char *arm_space_name(ArmSecuritySpace s)
{
    static const char *const names[] = { "Secure", "Non-secure", "Root", "Realm" };
    return names[s & 3];
}

void address_space_init(AddressSpace *as, const char *name)
{
    memset(as, 0, sizeof(*as));
    as->name = name;
}

int address_space_add(AddressSpace *as, MemoryRegion *mr)
{
    int i;

    if (as->nr == AS_MAX_REGIONS) {
        fprintf(stderr, "qemu-system-aarch64: too many memory regions in %s\n", as->name);
        return -1;
    }
    for (i = 0; i < as->nr; i++) {
        MemoryRegion *o = as->regions[i];
        if (mr->base < o->base + o->size && o->base < mr->base + mr->size) {
            fprintf(stderr, "qemu-system-aarch64: memory region %s [0x%llx, 0x%llx) overlaps %s in %s\n",
                    mr->name, (unsigned long long)mr->base,
                    (unsigned long long)(mr->base + mr->size), o->name, as->name);
            return -1;
        }
    }
    for (i = as->nr; i > 0 && as->regions[i - 1]->base > mr->base; i--) {
        as->regions[i] = as->regions[i - 1];
    }
    as->regions[i] = mr;
    as->nr++;
    as->generation++;
    return 0;
}

int address_space_add_views(AddressSpace *const *views, int nviews, MemoryRegion *mr)
{
    for (int i = 0; i < nviews; i++) {
        if (address_space_add(views[i], mr) < 0) {
            return -1;
        }
    }
    return 0;
}

MemoryRegion *address_space_lookup(AddressSpace *as, uint64_t pa)
{
    int lo = 0, hi = as->nr - 1;

    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        MemoryRegion *mr = as->regions[mid];
        if (pa < mr->base) {
            hi = mid - 1;
        } else if (pa - mr->base >= mr->size) {
            lo = mid + 1;
        } else {
            return mr;
        }
    }
    return NULL;
}

static MemTxResult io_access(MemoryRegion *mr, uint64_t off, unsigned size, uint64_t *val,
                             bool write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned min = ops->min_access ? ops->min_access : 1;
    unsigned max = ops->max_access ? ops->max_access : 8;

    if (size >= min && size <= max) {
        return write ? ops->write(mr->opaque, off, *val, size, attrs)
                     : ops->read(mr->opaque, off, val, size, attrs);
    }
    if (size > max) {
        /* Split into little-endian pieces of the largest size the device accepts. */
        uint64_t result = 0;
        for (unsigned done = 0; done < size; done += max) {
            uint64_t piece = write ? (*val >> (done * 8)) : 0;
            MemTxResult r = io_access(mr, off + done, max, &piece, write, attrs);
            if (r != MEMTX_OK) {
                return r;
            }
            if (max < 8) {
                piece &= (1ull << (max * 8)) - 1;
            }
            result |= piece << (done * 8);
        }
        if (!write) {
            *val = result;
        }
        return MEMTX_OK;
    }
    /* Narrower than the device's minimum: widen to an aligned access of min bytes. */
    uint64_t aligned = off & ~(uint64_t)(min - 1);
    unsigned shift = (off - aligned) * 8;
    uint64_t wide = 0;
    MemTxResult r = ops->read(mr->opaque, aligned, &wide, min, attrs);
    if (r != MEMTX_OK) {
        return r;
    }
    uint64_t mask = (size == 8 ? ~0ull : ((1ull << (size * 8)) - 1)) << shift;
    if (!write) {
        *val = (wide & mask) >> shift;
        return MEMTX_OK;
    }
    wide = (wide & ~mask) | ((*val << shift) & mask);
    return ops->write(mr->opaque, aligned, wide, min, attrs);
}

static inline uint64_t ld_le(const uint8_t *p, unsigned size)
{
    uint64_t v = 0;
    memcpy(&v, p, size);   /* host is little-endian (x86-64, aarch64) */
    return v;
}

MemTxResult address_space_ld(AddressSpace *as, uint64_t pa, unsigned size, uint64_t *val,
                             MemTxAttrs attrs)
{
    MemoryRegion *mr = address_space_lookup(as, pa);

    if (!mr || pa + size - 1 - mr->base >= mr->size) {
        *val = 0;
        return MEMTX_DECODE_ERROR;
    }
    if (memory_region_reads_ram(mr)) {
        memory_region_touch(mr, pa - mr->base, size);
        *val = ld_le(mr->ram + (pa - mr->base), size);
        return MEMTX_OK;
    }
    return io_access(mr, pa - mr->base, size, val, false, attrs);
}

MemTxResult address_space_st(AddressSpace *as, uint64_t pa, unsigned size, uint64_t val,
                             MemTxAttrs attrs)
{
    MemoryRegion *mr = address_space_lookup(as, pa);

    if (!mr || pa + size - 1 - mr->base >= mr->size) {
        return MEMTX_DECODE_ERROR;
    }
    if (mr->ram && !mr->ops) {
        if (mr->readonly) {
            qemu_log_mask(LOG_GUEST_ERROR, "write to ROM %s at 0x%llx ignored\n", mr->name,
                          (unsigned long long)pa);
            return MEMTX_OK;
        }
        memory_region_touch(mr, pa - mr->base, size);
        memcpy(mr->ram + (pa - mr->base), &val, size);
        return MEMTX_OK;
    }
    return io_access(mr, pa - mr->base, size, &val, true, attrs);
}

static MemTxResult as_rw(AddressSpace *as, uint64_t pa, uint8_t *buf, size_t len, bool write,
                         MemTxAttrs attrs)
{
    while (len) {
        MemoryRegion *mr = address_space_lookup(as, pa);
        if (!mr) {
            return MEMTX_DECODE_ERROR;
        }
        size_t chunk = mr->size - (pa - mr->base);
        if (chunk > len) {
            chunk = len;
        }
        if (mr->ram && (!write || !mr->ops) && !(write && mr->readonly && mr->ops)) {
            memory_region_touch(mr, pa - mr->base, chunk);
            if (write) {
                memcpy(mr->ram + (pa - mr->base), buf, chunk);  /* loaders may write ROM */
            } else {
                memcpy(buf, mr->ram + (pa - mr->base), chunk);
            }
        } else {
            for (size_t i = 0; i < chunk; i++) {
                uint64_t v = write ? buf[i] : 0;
                MemTxResult r = write ? address_space_st(as, pa + i, 1, v, attrs)
                                      : address_space_ld(as, pa + i, 1, &v, attrs);
                if (r != MEMTX_OK) {
                    return r;
                }
                buf[i] = v;
            }
        }
        pa += chunk;
        buf += chunk;
        len -= chunk;
    }
    return MEMTX_OK;
}

MemTxResult address_space_read(AddressSpace *as, uint64_t pa, void *buf, size_t len, MemTxAttrs attrs)
{
    return as_rw(as, pa, buf, len, false, attrs);
}

MemTxResult address_space_write(AddressSpace *as, uint64_t pa, const void *buf, size_t len,
                                MemTxAttrs attrs)
{
    return as_rw(as, pa, (uint8_t *)buf, len, true, attrs);
}

MemoryRegion *memory_region_new_ram(const char *name, uint64_t base, uint64_t size)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    if (!mr) {
        return NULL;
    }
    mr->ram = calloc(1, size);
    if (!mr->ram) {
        fprintf(stderr, "qemu-system-aarch64: cannot allocate %llu bytes for %s\n",
                (unsigned long long)size, name);
        free(mr);
        return NULL;
    }
    mr->name = name;
    mr->base = base;
    mr->size = size;
    return mr;
}

MemoryRegion *memory_region_new_io(const char *name, uint64_t base, uint64_t size,
                                   const MemoryRegionOps *ops, void *opaque)
{
    MemoryRegion *mr = calloc(1, sizeof(*mr));
    if (!mr) {
        return NULL;
    }
    mr->name = name;
    mr->base = base;
    mr->size = size;
    mr->ops = ops;
    mr->opaque = opaque;
    return mr;
}

MemTxResult address_space_write_rom(AddressSpace *as, uint64_t pa, const void *buf, size_t len)
{
    const uint8_t *p = buf;

    while (len) {
        MemoryRegion *mr = address_space_lookup(as, pa);
        if (!mr || !mr->ram) {
            return MEMTX_DECODE_ERROR;
        }
        size_t chunk = mr->size - (pa - mr->base);
        if (chunk > len) {
            chunk = len;
        }
        memory_region_touch(mr, pa - mr->base, chunk);
        memcpy(mr->ram + (pa - mr->base), p, chunk);
        pa += chunk;
        p += chunk;
        len -= chunk;
    }
    return MEMTX_OK;
}
