/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of A64 multiply, multiply-accumulate, long/high multiply and divide. */
#include "isa.h"

#define MIN64 0x8000000000000000ULL

/* MADD/MSUB and aliases, widening and high multiplies (Arm ARM C6.2.186, C6.2.240-C6.2.250, C6.2.359-C6.2.364). */
static void multiply(void)
{
    R2("mul %0, %1, %2", 6, 7, 42);
    R2("mul %0, %1, %2", 0x100000001ULL, 0x100000001ULL, 0x200000001ULL);
    R2("mul %0, %1, %2", ~0ULL, ~0ULL, 1);
    R2("mul %w0, %w1, %w2", 0x10000, 0x10000, 0);
    R2("mul %w0, %w1, %w2", 0xffffffff, 3, 0xfffffffd);
    R3("madd %0, %1, %2, %3", 3, 4, 5, 17);
    R3("msub %0, %1, %2, %3", 3, 4, 5, 0xfffffffffffffff9ULL);
    R3("madd %w0, %w1, %w2, %w3", 0x80000000, 2, 7, 7);
    R2("mneg %0, %1, %2", 3, 4, 0xfffffffffffffff4ULL);
    R2("umulh %0, %1, %2", ~0ULL, ~0ULL, 0xfffffffffffffffeULL);
    R2("umulh %0, %1, %2", 1ULL << 63, 4, 2);
    R2("smulh %0, %1, %2", ~0ULL, ~0ULL, 0);
    R2("smulh %0, %1, %2", MIN64, 2, ~0ULL);
    R2("smulh %0, %1, %2", MIN64, MIN64, 0x4000000000000000ULL);
    R2("smulh %0, %1, %2", 0x7fffffffffffffffULL, 0x7fffffffffffffffULL, 0x3fffffffffffffffULL);
    R2("smull %0, %w1, %w2", 0xffffffff, 5, 0xfffffffffffffffbULL);
    R2("umull %0, %w1, %w2", 0xffffffff, 5, 0x4fffffffbULL);
    R2("umull %0, %w1, %w2", 0xffffffff, 0xffffffff, 0xfffffffe00000001ULL);
    R2("smull %0, %w1, %w2", 0x80000000, 0x80000000, 0x4000000000000000ULL);
    R3("smaddl %0, %w1, %w2, %3", 0xfffffffe, 3, 10, 4);
    R3("umaddl %0, %w1, %w2, %3", 0xfffffffe, 3, 10, 0x300000004ULL);  /* 0x2fffffffa + 10 */
    R3("umsubl %0, %w1, %w2, %3", 0xffffffff, 2, 0x200000000ULL, 2);
    R3("smsubl %0, %w1, %w2, %3", 0xffffffff, 0xffffffff, 0, ~0ULL);
    R2("smnegl %0, %w1, %w2", 2, 0xfffffffd, 6);
    R2("umnegl %0, %w1, %w2", 2, 3, 0xfffffffffffffffaULL);
}

/*
 * UDIV/SDIV (C6.2.356, C6.2.245): round towards zero; division by zero
 * gives 0 without any exception; the most negative number divided by -1
 * gives the most negative number (the result is truncated).
 */
static void divide(void)
{
    R2("udiv %0, %1, %2", 100, 7, 14);
    R2("udiv %0, %1, %2", ~0ULL, 1, ~0ULL);
    R2("udiv %0, %1, %2", ~0ULL, 2, 0x7fffffffffffffffULL);
    R2("udiv %0, %1, %2", 12345, 0, 0);
    R2("udiv %0, %1, %2", 3, 4, 0);
    R2("sdiv %0, %1, %2", -100ULL, 7, -14ULL);
    R2("sdiv %0, %1, %2", 100, -7ULL, -14ULL);
    R2("sdiv %0, %1, %2", -100ULL, -7ULL, 14);
    R2("sdiv %0, %1, %2", MIN64, ~0ULL, MIN64);
    R2("sdiv %0, %1, %2", MIN64, 0, 0);
    R2("sdiv %0, %1, %2", -7ULL, 2, -3ULL);
    R2("udiv %w0, %w1, %w2", 0xffffffff, 0, 0);
    R2("udiv %w0, %w1, %w2", 0xffffffff, 0x10, 0x0fffffff);
    R2("udiv %w0, %w1, %w2", 0x1ffffffffULL, 1, 0xffffffff);
    R2("sdiv %w0, %w1, %w2", 0xfffffff9, 2, 0xfffffffd);
    R2("sdiv %w0, %w1, %w2", 0x80000000, 0xffffffff, 0x80000000);
    R2("sdiv %w0, %w1, %w2", 0x80000000, 0, 0);
    R2("sdiv %w0, %w1, %w2", 0x7fffffff, 0xffffffff, 0x80000001);
    /* A divide never touches the flags. */
    R2F("msr nzcv, %3\n\tudiv %0, %2, %2", 0, 0x90000000, 0, 9);
}

void test_main(void)
{
    multiply();
    divide();
}
