/* SPDX-License-Identifier: BSD-3-Clause */
/* panic.c: firmware panic, its weak halt and the stack-protector failure hook. */
#include <stdarg.h>
#include <stdint.h>
#include <arch/barrier.h>
#include <lib/console.h>
#include <lib/panic.h>
#include <lib/printf.h>

/* A fixed non-zero pattern with a zero byte, so string overflows cannot forge it (TF-A does the
 * same); replaced at boot by stack_protector_init when the image has an entropy source. */
uintptr_t __stack_chk_guard = (uintptr_t)UINT64_C(0x00e5a9c31b7d4f26);

__attribute__((weak, noreturn)) void panic_halt(void)
{
    for (;;) {
        wfe();
    }
}

void panic(const char *fmt, ...)
{
    va_list ap;

    FW_LIBC(printf)("PANIC: ");
    va_start(ap, fmt);
    FW_LIBC(vprintf)(fmt, ap);
    va_end(ap);
    FW_LIBC(printf)("\n");
    console_flush();
    panic_halt();
}

void stack_protector_init(uint64_t seed)
{
    /* Mix so that a low-entropy seed (a counter) still spreads over all bits, and keep byte 0
     * zero so that a %s or strcpy overflow stops at the guard. */
    seed ^= seed >> 33;
    seed *= UINT64_C(0xff51afd7ed558ccd);
    seed ^= seed >> 33;
    __stack_chk_guard = (uintptr_t)(seed & ~UINT64_C(0xff));
}

void __stack_chk_fail(void)
{
    panic("stack corruption detected (stack protector)");
}
