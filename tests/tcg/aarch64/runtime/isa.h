/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Macros for instruction spot checks: run one asm snippet on given inputs and compare the result. */
#ifndef ISA_H
#define ISA_H

#include "testlib.h"

/* Result of `text` with %0 = output and %1 = a. */
#define R1(text, a, exp) do {                                               \
    u64 r_;                                                                 \
    asm volatile(text : "=&r"(r_) : "r"((u64)(a)) : "cc");                  \
    check_eq(r_, exp, "%s [0x%lx]", text, (u64)(a));                        \
} while (0)

/* Result of `text` with %0 = output, %1 = a, %2 = b. */
#define R2(text, a, b, exp) do {                                            \
    u64 r_;                                                                 \
    asm volatile(text : "=&r"(r_) : "r"((u64)(a)), "r"((u64)(b)) : "cc");   \
    check_eq(r_, exp, "%s [0x%lx, 0x%lx]", text, (u64)(a), (u64)(b));       \
} while (0)

/* Result of `text` with %0 = output, %1 = a, %2 = b, %3 = c. */
#define R3(text, a, b, c, exp) do {                                         \
    u64 r_;                                                                 \
    asm volatile(text : "=&r"(r_) : "r"((u64)(a)), "r"((u64)(b)), "r"((u64)(c)) : "cc"); \
    check_eq(r_, exp, "%s [0x%lx, 0x%lx, 0x%lx]", text, (u64)(a), (u64)(b), (u64)(c)); \
} while (0)

/* Result of `text` with %0 = in/out (initially d) and %1 = a. */
#define RM(text, d, a, exp) do {                                            \
    u64 r_ = (u64)(d);                                                      \
    asm volatile(text : "+&r"(r_) : "r"((u64)(a)) : "cc");                  \
    check_eq(r_, exp, "%s [0x%lx, 0x%lx]", text, (u64)(d), (u64)(a));       \
} while (0)

/* Result and NZCV (as 0..15) of `text` with %0 = output, %2 = a, %3 = b. */
#define R2F(text, a, b, exp, expf) do {                                     \
    u64 r_, f_;                                                             \
    asm volatile(text "\n\tmrs %1, nzcv"                                    \
                 : "=&r"(r_), "=&r"(f_) : "r"((u64)(a)), "r"((u64)(b)) : "cc"); \
    check_eq(r_, exp, "%s [0x%lx, 0x%lx]", text, (u64)(a), (u64)(b));       \
    check_eq(f_ >> 28, expf, "%s [0x%lx, 0x%lx] flags", text, (u64)(a), (u64)(b)); \
} while (0)

#endif
