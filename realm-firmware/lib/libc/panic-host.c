/* SPDX-License-Identifier: BSD-3-Clause */
/* panic-host.c: panic for host builds of firmware code (unit tests, fuzzers): report and abort. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <lib/panic.h>

void panic_halt(void)
{
    abort();
}

void panic(const char *fmt, ...)
{
    va_list ap;

    fputs("PANIC: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    panic_halt();
}
