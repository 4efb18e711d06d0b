/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of A64 integer add/subtract, flags, conditional compare and select. */
#include "testlib.h"

/*
 * Flags are NZCV as a 4-bit value (N=8, Z=4, C=2, V=1).  Expectations are
 * computed by hand from the Arm ARM pseudocode AddWithCarry() (J1.1.3):
 * C is the unsigned carry out, V the signed overflow; SUBS is
 * AddWithCarry(a, NOT(b), 1), so C=1 means "no borrow".
 */
#define N 8
#define Z 4
#define C 2
#define V 1

/* Xd = op(Xn, Xm), then NZCV. */
#define RRRF(insn, a, b, exp, expf) do {                                    \
    u64 r_, f_;                                                             \
    asm volatile(insn " %0, %2, %3\n\tmrs %1, nzcv"                         \
                 : "=&r"(r_), "=r"(f_) : "r"((u64)(a)), "r"((u64)(b)) : "cc"); \
    check_eq(r_, exp, insn " x 0x%lx, 0x%lx", (u64)(a), (u64)(b));          \
    check_eq(f_ >> 28, expf, insn " x 0x%lx, 0x%lx flags", (u64)(a), (u64)(b)); \
} while (0)

/* Wd = op(Wn, Wm): the result is zero-extended into Xd (Arm ARM C1.2.5). */
#define RRRFW(insn, a, b, exp, expf) do {                                   \
    u64 r_ = ~0ULL, f_;                                                     \
    asm volatile(insn " %w0, %w2, %w3\n\tmrs %1, nzcv"                      \
                 : "+&r"(r_), "=r"(f_) : "r"((u64)(a)), "r"((u64)(b)) : "cc"); \
    check_eq(r_, exp, insn " w 0x%lx, 0x%lx", (u64)(a), (u64)(b));          \
    check_eq(f_ >> 28, expf, insn " w 0x%lx, 0x%lx flags", (u64)(a), (u64)(b)); \
} while (0)

/* Same with an incoming NZCV value (for ADC/SBC and conditionals). */
#define RRR_IN(insn, fin, a, b, exp, expf) do {                             \
    u64 r_, f_;                                                             \
    asm volatile("msr nzcv, %4\n\t" insn "\n\tmrs %1, nzcv"      \
                 : "=&r"(r_), "=&r"(f_) : "r"((u64)(a)), "r"((u64)(b)),     \
                   "r"((u64)(fin) << 28) : "cc");                           \
    check_eq(r_, exp, "%s [0x%lx, 0x%lx, nzcv %x]", insn, (u64)(a), (u64)(b), fin); \
    check_eq(f_ >> 28, expf, "%s [0x%lx, 0x%lx, nzcv %x] flags", insn, (u64)(a), (u64)(b), fin); \
} while (0)

/* One-source form with a fixed instruction text. */
#define R1(text, a, exp) do {                                               \
    u64 r_;                                                                 \
    asm volatile(text : "=&r"(r_) : "r"((u64)(a)));                         \
    check_eq(r_, exp, "%s [0x%lx]", text, (u64)(a));                        \
} while (0)

#define R2(text, a, b, exp) do {                                            \
    u64 r_;                                                                 \
    asm volatile(text : "=&r"(r_) : "r"((u64)(a)), "r"((u64)(b)));          \
    check_eq(r_, exp, "%s [0x%lx, 0x%lx]", text, (u64)(a), (u64)(b));       \
} while (0)

static void add_sub(void)
{
    RRRF("adds", 1, 2, 3, 0);
    RRRF("adds", 0x7fffffffffffffffULL, 1, 0x8000000000000000ULL, N | V);
    RRRF("adds", ~0ULL, 1, 0, Z | C);
    RRRF("adds", 0x8000000000000000ULL, 0x8000000000000000ULL, 0, Z | C | V);
    RRRF("adds", ~0ULL, ~0ULL, ~1ULL, N | C);
    RRRF("subs", 5, 3, 2, C);
    RRRF("subs", 3, 5, ~1ULL, N);
    RRRF("subs", 5, 5, 0, Z | C);
    RRRF("subs", 0x8000000000000000ULL, 1, 0x7fffffffffffffffULL, C | V);
    RRRF("subs", 0, 0x8000000000000000ULL, 0x8000000000000000ULL, N | V);

    RRRFW("adds", 0x7fffffff, 1, 0x80000000, N | V);
    RRRFW("adds", 0xffffffff, 1, 0, Z | C);
    RRRFW("adds", 0xffffffff, 0xffffffff, 0xfffffffe, N | C);
    RRRFW("subs", 0, 1, 0xffffffff, N);
    RRRFW("subs", 0x80000000, 1, 0x7fffffff, C | V);
    RRRFW("subs", 7, 7, 0, Z | C);
    /* Upper input bits are ignored by the 32-bit form. */
    RRRFW("adds", 0xabcd000000000001ULL, 0x1234000000000001ULL, 2, 0);

    /* ADCS/SBCS: AddWithCarry(a, b, C) and AddWithCarry(a, NOT(b), C). */
    RRR_IN("adcs %0, %2, %3", C, ~0ULL, 0, 0, Z | C);
    RRR_IN("adcs %0, %2, %3", 0, 1, 1, 2, 0);
    RRR_IN("adcs %0, %2, %3", C, 0x7fffffffffffffffULL, 0, 0x8000000000000000ULL, N | V);
    RRR_IN("sbcs %0, %2, %3", 0, 5, 3, 1, C);
    RRR_IN("sbcs %0, %2, %3", C, 5, 3, 2, C);
    RRR_IN("sbcs %0, %2, %3", 0, 0, 0, ~0ULL, N);
    RRR_IN("adc %0, %2, %3", N | Z | C | V, 10, 20, 31, N | Z | C | V);
    RRR_IN("sbc %w0, %w2, %w3", 0, 10, 20, 0xfffffff5, 0);
    RRR_IN("adcs %w0, %w2, %w3", C, 0xfffffffe, 1, 0, Z | C);
}

static void imm_ext_shift(void)
{
    R1("add %0, %1, #0xfff, lsl #12", 0, 0xfff000);
    R1("add %0, %1, #1", ~0ULL, 0);
    R1("sub %0, %1, #4095", 4095, 0);
    R1("sub %w0, %w1, #1", 0, 0xffffffff);
    R1("neg %0, %1", 1, ~0ULL);
    R1("neg %w0, %w1", 0x80000000, 0x80000000);
    R1("mov %0, sp\n\tsub %0, %0, %1", 0, get_sp());
    R2("add %0, %1, %2, lsl #4", 1, 3, 0x31);
    R2("sub %0, %1, %2, asr #1", 0, 0x8000000000000000ULL, 0x4000000000000000ULL);
    R2("add %w0, %w1, %w2, lsr #31", 1, 0x80000000, 2);
    R2("sub %0, %1, %2, lsr #63", 10, 0x8000000000000000ULL, 9);
    R2("add %0, %1, %w2, sxtw #2", 0x1000, 0xfffffffe, 0xff8);
    R2("add %0, %1, %w2, uxtb", 0x1000, 0x1ff, 0x10ff);
    R2("sub %0, %1, %w2, uxth #1", 0x10000, 0x18000, 0);
    R2("add %0, %1, %w2, sxtb", 0x100, 0x80, 0x80);
    R2("add %0, %1, %w2, sxth #3", 0, 0xffff, ~7ULL);
    R2("add %0, %1, %2, uxtx #4", 1, 1, 0x11);
    R2("add %0, %1, %w2, uxtw", 0x100000000ULL, 0xffffffff, 0x1ffffffffULL);
}

static void cond(void)
{
    /* CCMP: if cond holds, flags of (a - b), else the immediate (C6.2.62). */
    RRR_IN("ccmp %2, %3, #0xf, eq\n\tcset %0, lt", Z, 1, 2, 1, N);
    RRR_IN("ccmp %2, %3, #0xf, ne\n\tcset %0, lt", Z, 1, 2, 0, N | Z | C | V);
    RRR_IN("ccmn %2, %3, #0x0, eq\n\tcset %0, eq", Z, 1, ~0ULL, 1, Z | C);
    RRR_IN("ccmp %w2, #3, #0x2, mi\n\tcset %0, hs", N, 3, 0, 1, Z | C);
    /* CSEL family (C6.2.69-C6.2.72). */
    RRR_IN("csel %0, %2, %3, eq", Z, 11, 22, 11, Z);
    RRR_IN("csel %0, %2, %3, ne", Z, 11, 22, 22, Z);
    RRR_IN("csinc %0, %2, %3, ne", Z, 11, 22, 23, Z);
    RRR_IN("csinv %0, %2, %3, hi", C, 11, 22, 11, C);
    RRR_IN("csinv %0, %2, %3, hi", C | Z, 11, 22, ~22ULL, C | Z);
    RRR_IN("csneg %0, %2, %3, ge", N, 11, 22, -22ULL, N);
    RRR_IN("csneg %0, %2, %3, ge", N | V, 11, 22, 11, N | V);
    RRR_IN("csinc %w0, %w2, %w3, vs", 0, 1, 0xffffffff, 0, 0);
    RRR_IN("cset %0, gt", 0, 0, 0, 1, 0);
    RRR_IN("cset %0, le", Z, 0, 0, 1, Z);
    RRR_IN("csetm %0, cc", 0, 0, 0, ~0ULL, 0);
    RRR_IN("cset %0, ls", C, 0, 0, 0, C);
    RRR_IN("cset %0, pl", V, 0, 0, 1, V);
    /* CMP/CMN/TST write only the flags. */
    RRR_IN("cmp %2, %3\n\tmov %0, #7", 0, 2, 3, 7, N);
    RRR_IN("cmn %2, %3\n\tmov %0, #7", 0, 1, ~0ULL, 7, Z | C);
    RRR_IN("tst %2, %3\n\tmov %0, #7", N | Z | C | V, 0xf0, 0x0f, 7, Z);
}

static void pc_rel(void)
{
    extern char pc_rel_target[];
    u64 a, b;
    asm volatile("adrp %0, pc_rel_target\n\tadr %1, pc_rel_target" : "=r"(a), "=r"(b));
    check_eq(a, (u64)pc_rel_target & ~0xfffULL, "adrp page of a symbol");
    check_eq(b, (u64)pc_rel_target, "adr of a symbol");
    asm volatile("adr %0, 1f\n\tbl 1f\n1:\tmov %1, x30" : "=r"(a), "=r"(b) :: "x30");
    check_eq(b, a, "bl writes the return address to x30");
}

asm(".pushsection .rodata\n.balign 8\n.global pc_rel_target\npc_rel_target: .quad 0\n.popsection");

void test_main(void)
{
    add_sub();
    imm_ext_shift();
    cond();
    pc_rel();
}
