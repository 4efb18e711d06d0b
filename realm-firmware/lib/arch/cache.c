/* SPDX-License-Identifier: BSD-3-Clause */
/* cache.c: range-based cache maintenance with DC CVAC/CIVAC/IVAC and IC IALLU. */
#include <stddef.h>
#include <stdint.h>
#include <arch/barrier.h>
#include <arch/cache.h>
#include <arch/sysreg.h>
#include <lib/bits.h>

size_t dcache_line_size(void)
{
    /* DminLine, bits [19:16]: log2 of the number of 4-byte words (Arm ARM D23.2.34). */
    return (size_t)4 << FIELD_GET(read_sysreg(CTR_EL0), 16, 4);
}

enum dc_op { DC_CVAC, DC_CIVAC, DC_IVAC };

static void dc_range(uintptr_t start, size_t size, enum dc_op op)
{
    uintptr_t line = dcache_line_size();
    uintptr_t p = start & ~(line - 1);
    uintptr_t end = start + size;

    if (!size) {
        return;
    }
    /* Order earlier stores before the maintenance, and the maintenance before what follows
     * (Arm ARM D7.5.9: DC by VA is only ordered by DSB). */
    dsb(sy);
    for (; p < end; p += line) {
        switch (op) {
        case DC_CVAC:
            __asm__ volatile("dc cvac, %0" : : "r"(p) : "memory");
            break;
        case DC_CIVAC:
            __asm__ volatile("dc civac, %0" : : "r"(p) : "memory");
            break;
        default:
            __asm__ volatile("dc ivac, %0" : : "r"(p) : "memory");
            break;
        }
    }
    dsb(sy);
}

void dcache_clean_range(const void *start, size_t size)
{
    dc_range((uintptr_t)start, size, DC_CVAC);
}

void dcache_clean_inval_range(const void *start, size_t size)
{
    dc_range((uintptr_t)start, size, DC_CIVAC);
}

void dcache_inval_range(void *start, size_t size)
{
    uintptr_t line = dcache_line_size();
    uintptr_t s = (uintptr_t)start;
    uintptr_t e = s + size;

    if (!size) {
        return;
    }
    if (s & (line - 1)) {
        dc_range(s, 1, DC_CIVAC);
        s = (s | (line - 1)) + 1;
    }
    if ((e & (line - 1)) && e > s) {
        dc_range(e - 1, 1, DC_CIVAC);
        e &= ~(line - 1);
    }
    if (e > s) {
        dc_range(s, e - s, DC_IVAC);
    }
}

void icache_inval_all(void)
{
    __asm__ volatile("ic iallu" : : : "memory");
    dsb(ish);
    isb();
}
