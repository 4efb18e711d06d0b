/* SPDX-License-Identifier: BSD-3-Clause */
/* panic.h: fatal-error reporting (panic, assert) and the stack-protector setup. */
#ifndef FW_LIB_PANIC_H
#define FW_LIB_PANIC_H
#include <stdint.h>
#include <lib/printf.h>

/* Prints "PANIC: <message>" and never returns; see panic_halt. */
void panic(const char *fmt, ...) __attribute__((noreturn)) FW_PRINTF_ATTR(1, 2);

/*
 * What panic does after printing.  The library's weak default parks the CPU in a WFE loop; an
 * image may define its own (the self-test image exits through semihosting with a failure code).
 */
void panic_halt(void) __attribute__((noreturn));

#define FW_ASSERT(cond) do { \
        if (!(cond)) { \
            panic("assertion '%s' failed at %s:%d", #cond, __FILE__, __LINE__); \
        } \
    } while (0)

/* Firmware code says assert(); a host build that already has <assert.h> keeps the libc one. */
#ifndef assert
#define assert(cond) FW_ASSERT(cond)
#endif

/*
 * The guard -fstack-protector-strong compares against.  stack_protector_init replaces the
 * link-time default with a boot-time value; call it before entering any function that returns
 * to a frame which was already live, i.e. from the image's first C function, which must itself
 * be marked FW_NO_STACK_PROTECTOR.
 */
extern uintptr_t __stack_chk_guard;
void stack_protector_init(uint64_t seed);
void __stack_chk_fail(void) __attribute__((noreturn));

#define FW_NO_STACK_PROTECTOR __attribute__((no_stack_protector))

#endif
