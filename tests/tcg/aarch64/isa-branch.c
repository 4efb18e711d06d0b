/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of A64 branches: B.cond for every condition and NZCV value, CBZ/CBNZ, TBZ/TBNZ, BR/BLR/RET. */
#include "testlib.h"

/*
 * B.cond: for each condition, run it under all 16 NZCV values and collect
 * a 16-bit mask (bit v set = branch taken with NZCV = v).  Expected masks
 * are worked out by hand from ConditionHolds() (Arm ARM J1.3.3):
 * EQ Z, CS C, MI N, VS V, HI C && !Z, GE N == V, GT !Z && N == V,
 * AL/NV always; the odd encodings are the inverses.
 */
#define BCOND(cond, expect) do {                                            \
    u64 mask_ = 0;                                                          \
    for (u64 v_ = 0; v_ < 16; v_++) {                                       \
        u64 t_;                                                             \
        asm volatile("msr nzcv, %1\n\tmov %0, #0\n\tb." cond " 1f\n\tb 2f\n" \
                     "1:\tmov %0, #1\n2:" : "=&r"(t_) : "r"(v_ << 28) : "cc"); \
        mask_ |= t_ << v_;                                                  \
    }                                                                       \
    check_eq(mask_, expect, "b." cond " taken for NZCV values (mask)");     \
} while (0)

static void bcond(void)
{
    BCOND("eq", 0xf0f0);
    BCOND("ne", 0x0f0f);
    BCOND("cs", 0xcccc);
    BCOND("cc", 0x3333);
    BCOND("mi", 0xff00);
    BCOND("pl", 0x00ff);
    BCOND("vs", 0xaaaa);
    BCOND("vc", 0x5555);
    BCOND("hi", 0x0c0c);
    BCOND("ls", 0xf3f3);
    BCOND("ge", 0xaa55);
    BCOND("lt", 0x55aa);
    BCOND("gt", 0x0a05);
    BCOND("le", 0xf5fa);
    BCOND("al", 0xffff);
    BCOND("nv", 0xffff);
}

/* Result 1 if the branch in `text` (to label 1) is taken; %1 is the operand. */
#define TAKEN(text, val, expect) do {                                       \
    u64 t_;                                                                 \
    asm volatile("mov %0, #0\n\t" text "\n\tb 2f\n1:\tmov %0, #1\n2:"       \
                 : "=&r"(t_) : "r"((u64)(val)) : "cc");                     \
    check_eq(t_, expect, "%s [0x%lx]", text, (u64)(val));                   \
} while (0)

static void compare_test(void)
{
    TAKEN("cbz %1, 1f", 0, 1);
    TAKEN("cbz %1, 1f", 0x8000000000000000ULL, 0);
    TAKEN("cbnz %1, 1f", 0x8000000000000000ULL, 1);
    TAKEN("cbnz %1, 1f", 0, 0);
    /* The W forms look at bits [31:0] only. */
    TAKEN("cbz %w1, 1f", 0x100000000ULL, 1);
    TAKEN("cbnz %w1, 1f", 0xffffffff00000000ULL, 0);
    TAKEN("cbnz %w1, 1f", 0x80000000, 1);
    TAKEN("tbz %1, #63, 1f", 0x8000000000000000ULL, 0);
    TAKEN("tbnz %1, #63, 1f", 0x8000000000000000ULL, 1);
    TAKEN("tbz %1, #0, 1f", 2, 1);
    TAKEN("tbnz %1, #1, 1f", 2, 1);
    TAKEN("tbz %w1, #31, 1f", 0x7fffffff, 1);
    TAKEN("tbnz %1, #40, 1f", 1ULL << 40, 1);
    TAKEN("tbz %1, #40, 1f", ~(1ULL << 40), 1);
    /* Branches do not change the flags. */
    {
        u64 f;
        asm volatile("msr nzcv, %1\n\tcbz xzr, 1f\n1:\ttbz xzr, #3, 2f\n2:\tmrs %0, nzcv"
                     : "=r"(f) : "r"(0x90000000ULL) : "cc");
        check_eq(f, 0x90000000, "cbz/tbz leave NZCV unchanged");
    }
}

extern char ret7[], ret7_x9[], ret_x30[];
asm(".text\n"
    ".global ret7, ret7_x9, ret_x30\n"
    "ret7:\n\tmov x0, #7\n\tret\n"
    "ret7_x9:\n\tmov x0, #7\n\tret x9\n"
    "ret_x30:\n\tmov x0, x30\n\tret x9\n");

static void indirect(void)
{
    u64 r, lr, a;

    asm volatile("mov x0, #0\n\tblr %1\n\tmov %0, x0" : "=r"(r) : "r"(ret7) : "x0", "x30");
    check_eq(r, 7, "blr to a function and ret");
    /* BLR X30: the target is the old X30, then X30 gets the return address (C6.2.35). */
    asm volatile("adr x9, 1f\n\tmov x30, %2\n\tblr x30\n1:\tmov %0, x0\n\tmov %1, x9"
                 : "=r"(lr), "=r"(a) : "r"(ret_x30) : "x0", "x9", "x30");
    check_eq(lr, a, "blr x30 branches to the old x30 and links the return address");
    /* RET Xn returns through any register. */
    asm volatile("adr x9, 1f\n\tmov x0, #0\n\tbr %1\n1:\tmov %0, x0" : "=r"(r) : "r"(ret7_x9) : "x0", "x9", "x30");
    check_eq(r, 7, "br to a function that returns with ret x9");
}

/* Forward and backward B, and BL link. */
static void direct(void)
{
    u64 n = 0, lr, a;
    asm volatile("mov %0, #0\n"
                 "1:\tadd %0, %0, #1\n\tcmp %0, #5\n\tb.lt 1b\n\tb 2f\n\tmov %0, #99\n2:"
                 : "=&r"(n) :: "cc");
    check_eq(n, 5, "backward b.lt loop runs 5 times, forward b skips");
    asm volatile("bl 1f\n2:\tb 3f\n1:\tmov %0, x30\n\tadr %1, 2b\n3:" : "=r"(lr), "=r"(a) :: "x30");
    check_eq(lr, a, "bl links the address of the next instruction");
}

void test_main(void)
{
    bcond();
    compare_test();
    indirect();
    direct();
}
