/* SPDX-License-Identifier: BSD-3-Clause */
/* printf.h: the firmware's printf family (snprintf into buffers, printf to the console). */
#ifndef FW_LIB_PRINTF_H
#define FW_LIB_PRINTF_H
#include <stdarg.h>
#include <stddef.h>
#include <lib/libc-name.h>

/*
 * Supported: conversions d i u o x X c s p %, flags - 0 + space #, width and precision (also as *),
 * length modifiers hh h l ll z j t.  No floating point: firmware is built -mgeneral-regs-only.
 * Return values follow ISO C 7.21.6: the number of characters the full output has, even when a
 * buffer truncated it.
 */
#define FW_PRINTF_ATTR(fmt, args) __attribute__((format(printf, fmt, args)))

/* Receives every output character in order; ctx is the caller's. */
typedef void (*fmt_sink_fn)(void *ctx, char c);

int fmt_vformat(fmt_sink_fn sink, void *ctx, const char *fmt, va_list ap);

int FW_LIBC(vsnprintf)(char *buf, size_t size, const char *fmt, va_list ap);
int FW_LIBC(snprintf)(char *buf, size_t size, const char *fmt, ...) FW_PRINTF_ATTR(3, 4);

/* Console output (lib/console): only in firmware images, never in host builds. */
int FW_LIBC(vprintf)(const char *fmt, va_list ap);
int FW_LIBC(printf)(const char *fmt, ...) FW_PRINTF_ATTR(1, 2);
int FW_LIBC(puts)(const char *s);

#endif
