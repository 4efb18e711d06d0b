/* SPDX-License-Identifier: BSD-3-Clause */
/* mem.h: the memory and string primitives firmware code may call; prototypes match ISO C so host
 * builds link against the host libc and firmware builds against realm-firmware/lib/libc. */
#ifndef FW_LIB_MEM_H
#define FW_LIB_MEM_H
#include <stddef.h>
#include <lib/libc-name.h>

/* Without FW_LIBC_PREFIXED these are the ISO C names (see libc-name.h). */
void *FW_LIBC(memcpy)(void *dst, const void *src, size_t n);
void *FW_LIBC(memmove)(void *dst, const void *src, size_t n);
void *FW_LIBC(memset)(void *dst, int c, size_t n);
int FW_LIBC(memcmp)(const void *a, const void *b, size_t n);
void *FW_LIBC(memchr)(const void *s, int c, size_t n);
size_t FW_LIBC(strlen)(const char *s);
size_t FW_LIBC(strnlen)(const char *s, size_t max);
int FW_LIBC(strcmp)(const char *a, const char *b);
int FW_LIBC(strncmp)(const char *a, const char *b, size_t n);
char *FW_LIBC(strchr)(const char *s, int c);
char *FW_LIBC(strrchr)(const char *s, int c);

#endif
