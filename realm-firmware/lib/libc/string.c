/* SPDX-License-Identifier: BSD-3-Clause */
/* string.c: NUL-terminated string functions for freestanding firmware. */
#include <stddef.h>
#include <stdint.h>
#include <lib/mem.h>

size_t FW_LIBC(strlen)(const char *s)
{
    const char *p = s;

    while (*p) {
        p++;
    }
    return (size_t)(p - s);
}

size_t FW_LIBC(strnlen)(const char *s, size_t max)
{
    size_t n = 0;

    /* Never look at s[max]: callers use strnlen on buffers that may not be terminated. */
    while (n < max && s[n]) {
        n++;
    }
    return n;
}

/* ISO C 7.24.4: the sign of the result is that of the difference between unsigned chars. */
int FW_LIBC(strcmp)(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;

    while (*p && *p == *q) {
        p++;
        q++;
    }
    return (*p > *q) - (*p < *q);
}

int FW_LIBC(strncmp)(const char *a, const char *b, size_t n)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;

    for (; n; n--, p++, q++) {
        if (*p != *q || !*p) {
            return (*p > *q) - (*p < *q);
        }
    }
    return 0;
}

char *FW_LIBC(strchr)(const char *s, int c)
{
    /* The terminator is part of the string (ISO C 7.24.5.2), so strchr(s, 0) finds it. */
    for (;; s++) {
        if (*s == (char)c) {
            return (char *)(uintptr_t)s;
        }
        if (!*s) {
            return NULL;
        }
    }
}

char *FW_LIBC(strrchr)(const char *s, int c)
{
    const char *last = NULL;

    for (;; s++) {
        if (*s == (char)c) {
            last = s;
        }
        if (!*s) {
            return (char *)(uintptr_t)last;
        }
    }
}
