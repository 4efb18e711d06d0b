/* SPDX-License-Identifier: BSD-3-Clause */
/* cache.h: data and instruction cache maintenance by address range, to the Point of Coherency. */
#ifndef FW_ARCH_CACHE_H
#define FW_ARCH_CACHE_H
#include <stddef.h>
#include <stdint.h>

/* Smallest data cache line of the system (CTR_EL0.DminLine), in bytes. */
size_t dcache_line_size(void);

/* Write dirty lines back (DC CVAC): before another observer reads memory we wrote, e.g. a table
 * walker with the MMU off or a DMA master. */
void dcache_clean_range(const void *start, size_t size);
/* Clean and invalidate (DC CIVAC): before memory changes owner or attributes. */
void dcache_clean_inval_range(const void *start, size_t size);
/* Invalidate (DC IVAC) after someone else wrote memory; partial lines at either end are cleaned
 * first, so that bytes outside the range sharing those lines are not lost. */
void dcache_inval_range(void *start, size_t size);
/* Invalidate the instruction cache to the PoU (IC IALLU) after code was written. */
void icache_inval_all(void);

#endif
