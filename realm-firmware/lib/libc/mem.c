/* SPDX-License-Identifier: BSD-3-Clause */
/* mem.c: memcpy, memmove, memset, memcmp and memchr for freestanding firmware. */
#include <stddef.h>
#include <stdint.h>
#include <lib/mem.h>

/*
 * Word accesses are used only when every pointer involved is 8-byte aligned: with the MMU off all
 * data accesses are Device-nGnRnE and an unaligned access faults (Arm ARM B2.5.2), and the firmware
 * is built with -mstrict-align for the same reason.  This file must be compiled with -fno-builtin
 * (and gcc's -fno-tree-loop-distribute-patterns) so that the loops are not turned back into calls
 * to the very functions they implement.
 */
#define WORD sizeof(uint64_t)

static int both_aligned(const void *a, const void *b)
{
    return (((uintptr_t)a | (uintptr_t)b) & (WORD - 1)) == 0;
}

void *FW_LIBC(memcpy)(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (both_aligned(d, s)) {
        for (; n >= WORD; n -= WORD, d += WORD, s += WORD) {
            *(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
        }
    }
    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

void *FW_LIBC(memmove)(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    /* Forward copy is safe unless the destination starts inside the source. */
    if ((uintptr_t)d - (uintptr_t)s >= n) {
        return FW_LIBC(memcpy)(dst, src, n);
    }
    d += n;
    s += n;
    if (both_aligned(d, s)) {
        for (; n >= WORD; n -= WORD) {
            d -= WORD;
            s -= WORD;
            *(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
        }
    }
    while (n--) {
        *--d = *--s;
    }
    return dst;
}

void *FW_LIBC(memset)(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    unsigned char b = (unsigned char)c;

    while (n && ((uintptr_t)d & (WORD - 1))) {
        *d++ = b;
        n--;
    }
    if (n >= WORD) {
        uint64_t w = b * UINT64_C(0x0101010101010101);

        for (; n >= WORD; n -= WORD, d += WORD) {
            *(uint64_t *)(void *)d = w;
        }
    }
    while (n--) {
        *d++ = b;
    }
    return dst;
}

int FW_LIBC(memcmp)(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a;
    const unsigned char *q = b;

    for (; n; n--, p++, q++) {
        if (*p != *q) {
            return *p < *q ? -1 : 1;
        }
    }
    return 0;
}

void *FW_LIBC(memchr)(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for (; n; n--, p++) {
        if (*p == (unsigned char)c) {
            return (void *)(uintptr_t)p;
        }
    }
    return NULL;
}
