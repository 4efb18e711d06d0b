/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unaligned accesses with the MMU off fault (Device memory); Debian's QEMU 7.2 lets them pass: expected reference failure. */
#include "testlib.h"

/*
 * With stage 1 translation disabled, data accesses are Device-nGnRnE
 * (Arm ARM D8.2.10), and an unaligned access to Device memory generates
 * an Alignment fault whatever SCTLR_ELx.A (B2.5.2): EC 0x25, DFSC 0x21,
 * FAR the accessed address.
 */
static u64 buf[4] __attribute__((aligned(16)));

void test_main(void)
{
    u64 a, v = 0x5a5a;
    u64 addr = (u64)buf + 1;

    exc_expect(0);
    asm volatile("adr %0, 1f\n1:\tldr %1, [%2]" : "=&r"(a), "+r"(v) : "r"(addr) : "memory");
    check_true(exc_taken(), "unaligned ldr x with MMU off faults");
    check_eq(exc_last.esr & ESR_DABT_MASK, 0x96000021, "unaligned ldr: ESR EC 0x25 DFSC alignment");
    check_eq(exc_last.far, addr, "unaligned ldr: FAR");
    check_eq(exc_last.elr, a, "unaligned ldr: ELR");
    check_eq(v, 0x5a5a, "unaligned ldr: destination unchanged");

    exc_expect(0);
    asm volatile("str %w0, [%1]" :: "r"(0xffffffff), "r"((u64)buf + 2) : "memory");
    check_true(exc_taken(), "unaligned str w with MMU off faults");
    check_eq(exc_last.esr & ESR_DABT_MASK, 0x96000061, "unaligned str: ESR EC 0x25 WnR DFSC alignment");
    check_eq(buf[0], 0, "unaligned str: memory unchanged");
}
