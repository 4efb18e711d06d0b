/* SPDX-License-Identifier: BSD-3-Clause */
/* semihost.c: semihosting SYS_EXIT and SYS_GET_CMDLINE; the image's panic_halt exits with 2. */
#include <stddef.h>
#include <stdint.h>
#include <lib/panic.h>
#include "selftest.h"

/* Semihosting for AArch64 (Arm DUI0003 / IHI0078): HLT #0xF000 with the operation in w0.  On
 * AArch64, SYS_EXIT (0x18) takes in x1 the address of a two-word block {reason, subcode}; with
 * reason ADP_Stopped_ApplicationExit the subcode is the exit status. */
#define SYS_GET_CMDLINE                 0x15
#define SYS_EXIT                        0x18
#define ADP_STOPPED_APPLICATION_EXIT    0x20026

static uint64_t semihost_call(uint64_t op, uint64_t arg)
{
    register uint64_t x0 __asm__("x0") = op;
    register uint64_t x1 __asm__("x1") = arg;

    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

void semihost_exit(uint32_t status)
{
    volatile uint64_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };

    semihost_call(SYS_EXIT, (uint64_t)(uintptr_t)block);
    for (;;) {
        /* Without -semihosting the HLT is undefined and we end up in the vectors instead. */
    }
}

int semihost_cmdline(char *buf, size_t size)
{
    /* SYS_GET_CMDLINE: block {buffer, size}; on success x0 = 0 and the size is updated to the
     * length without the terminator. */
    volatile uint64_t block[2] = { (uint64_t)(uintptr_t)buf, size };

    if (size == 0 || semihost_call(SYS_GET_CMDLINE, (uint64_t)(uintptr_t)block) != 0 ||
        block[1] >= size) {
        return -1;
    }
    buf[block[1]] = '\0';
    return (int)block[1];
}

void panic_halt(void)
{
    semihost_exit(2);
    for (;;) {
    }
}
