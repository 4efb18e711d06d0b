/* SPDX-License-Identifier: BSD-3-Clause */
/* console-printf.c: printf, vprintf and puts on top of the console and the format engine. */
#include <stdarg.h>
#include <stddef.h>
#include <lib/console.h>
#include <lib/printf.h>

static void console_sink(void *ctx, char c)
{
    (void)ctx;
    console_putc(c);
}

int FW_LIBC(vprintf)(const char *fmt, va_list ap)
{
    return fmt_vformat(console_sink, NULL, fmt, ap);
}

int FW_LIBC(printf)(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = FW_LIBC(vprintf)(fmt, ap);
    va_end(ap);
    return n;
}

int FW_LIBC(puts)(const char *s)
{
    int n = 0;

    for (; *s; s++, n++) {
        console_putc(*s);
    }
    console_putc('\n');
    return n + 1;
}
