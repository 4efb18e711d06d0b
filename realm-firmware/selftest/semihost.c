/* SPDX-License-Identifier: BSD-3-Clause */
/* semihost.c: semihosting SYS_EXIT, and the image's panic_halt built on it. */
#include <stdint.h>
#include <lib/panic.h>
#include "selftest.h"

/* Semihosting for AArch64 (Arm DUI0003 / IHI0078): HLT #0xF000 with the operation in w0.  On
 * AArch64, SYS_EXIT (0x18) takes in x1 the address of a two-word block {reason, subcode}; with
 * reason ADP_Stopped_ApplicationExit the subcode is the exit status. */
#define SYS_EXIT                        0x18
#define ADP_STOPPED_APPLICATION_EXIT    0x20026

void semihost_exit(uint32_t status)
{
    volatile uint64_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };
    register uint64_t x0 __asm__("x0") = SYS_EXIT;
    register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    for (;;) {
        /* Without -semihosting the HLT is undefined and we end up in the vectors instead. */
    }
}

void panic_halt(void)
{
    semihost_exit(2);
    for (;;) {
    }
}
