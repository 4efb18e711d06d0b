/* SPDX-License-Identifier: BSD-3-Clause */
/* mem.h: the memory and string primitives firmware code may call; prototypes match ISO C so host
 * builds link against the host libc and firmware builds against realm-firmware/lib/libc. */
#ifndef FW_LIB_MEM_H
#define FW_LIB_MEM_H
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

#endif
