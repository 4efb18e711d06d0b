/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of exclusives (LDXR/STXR/CLREX), LSE atomics (LDADD..SWP) and CAS/CASP. */
#include "testlib.h"

/*
 * Exclusives and atomics are only guaranteed on Normal memory (Arm ARM
 * B2.9.5, B2.7.2), so the test turns on the EL1 identity map first.
 */
static u64 mem[4] __attribute__((aligned(16)));

static void exclusives(void)
{
    u64 v, st;

    mem[0] = 5;
    asm volatile("ldxr %0, [%2]\n\tstxr %w1, %3, [%2]"
                 : "=&r"(v), "=&r"(st) : "r"(mem), "r"(6ULL) : "memory");
    check_eq(v, 5, "ldxr value");
    check_eq(st, 0, "stxr after ldxr succeeds (status 0)");
    check_eq(mem[0], 6, "stxr after ldxr writes");

    /* CLREX clears the local monitor: the store-exclusive must fail (C6.2.54). */
    asm volatile("ldxr %0, [%2]\n\tclrex\n\tstxr %w1, %3, [%2]"
                 : "=&r"(v), "=&r"(st) : "r"(mem), "r"(7ULL) : "memory");
    check_eq(st, 1, "stxr after clrex fails (status 1)");
    check_eq(mem[0], 6, "failed stxr does not write");

    asm volatile("clrex\n\tstxr %w0, %2, [%1]" : "=&r"(st) : "r"(mem), "r"(8ULL) : "memory");
    check_eq(st, 1, "stxr without ldxr fails");
    check_eq(mem[0], 6, "stxr without ldxr does not write");

    mem[1] = 0x11223344aabbccddULL;
    asm volatile("ldaxr %w0, [%2]\n\tstlxr %w1, %w3, [%2]"
                 : "=&r"(v), "=&r"(st) : "r"(&mem[1]), "r"(0x55667788) : "memory");
    check_eq(v, 0xaabbccdd, "ldaxr w value");
    check_eq(st, 0, "stlxr w succeeds");
    check_eq(mem[1], 0x1122334455667788ULL, "stlxr w writes 32 bits");

    asm volatile("ldxrb %w0, [%2]\n\tstxrb %w1, %w3, [%2]"
                 : "=&r"(v), "=&r"(st) : "r"(&mem[1]), "r"(0x1ff) : "memory");
    check_eq(v, 0x88, "ldxrb value");
    check_eq(st, 0, "stxrb succeeds");
    check_eq(mem[1], 0x11223344556677ffULL, "stxrb writes one byte");

    mem[2] = 1;
    mem[3] = 2;
    {
        u64 a, b;
        asm volatile("ldxp %0, %1, [%3]\n\tstxp %w2, %4, %5, [%3]"
                     : "=&r"(a), "=&r"(b), "=&r"(st)
                     : "r"(&mem[2]), "r"(10ULL), "r"(20ULL) : "memory");
        check_eq(a * 16 + b, 0x12, "ldxp values");
        check_eq(st, 0, "stxp succeeds");
        check_eq(mem[2] * 100 + mem[3], 1020, "stxp writes both");
    }

    /* An exclusive access must be aligned to its size, whatever SCTLR.A (B2.5.2). */
    exc_expect(0);
    asm volatile("ldxr %w0, [%1]" : "=r"(v) : "r"((u64)mem + 2) : "memory");
    check_true(exc_taken(), "unaligned ldxr faults");
    check_eq(ESR_EC(exc_last.esr), 0x25, "unaligned ldxr: EC data abort same EL");
    check_eq(exc_last.esr & 0x3f, 0x21, "unaligned ldxr: DFSC alignment fault");
    check_eq(exc_last.far, (u64)mem + 2, "unaligned ldxr: FAR");
}

/* LD<op> Rs, Rt, [Xn]: Rt = old memory value, memory = old <op> Rs (C6.2.119 etc.). */
#define LSE(insn, init, operand, exp_old, exp_mem) do {                     \
    u64 old_;                                                               \
    mem[0] = (init);                                                        \
    asm volatile(insn " %1, %0, [%2]" : "=&r"(old_)                         \
                 : "r"((u64)(operand)), "r"(mem) : "memory");               \
    check_eq(old_, exp_old, insn " old value");                             \
    check_eq(mem[0], exp_mem, insn " memory");                              \
} while (0)

#define LSEW(insn, init, operand, exp_old, exp_mem) do {                    \
    u64 old_;                                                               \
    mem[0] = (init);                                                        \
    asm volatile(insn " %w1, %w0, [%2]" : "=&r"(old_)                       \
                 : "r"((u64)(operand)), "r"(mem) : "memory");               \
    check_eq(old_, exp_old, insn " (w) old value");                         \
    check_eq(mem[0], exp_mem, insn " (w) memory");                          \
} while (0)

static void lse(void)
{
    LSE("ldadd", 40, 2, 40, 42);
    LSE("ldaddal", ~0ULL, 1, ~0ULL, 0);
    LSE("ldclr", 0xff, 0x0f, 0xff, 0xf0);
    LSE("ldeor", 0xff, 0x0f, 0xff, 0xf0);
    LSE("ldset", 0xf0, 0x0f, 0xf0, 0xff);
    LSE("ldsmax", 5, -3ULL, 5, 5);
    LSE("ldsmax", -5ULL, -3ULL, -5ULL, -3ULL);
    LSE("ldsmin", 5, -3ULL, 5, -3ULL);
    LSE("ldumax", 5, -3ULL, 5, -3ULL);
    LSE("ldumin", 5, -3ULL, 5, 5);
    LSE("swp", 0x1111, 0x2222, 0x1111, 0x2222);
    LSE("swpal", 0x3333, 0x4444, 0x3333, 0x4444);
    LSEW("ldadd", 0xaaaaaaaaffffffffULL, 1, 0xffffffff, 0xaaaaaaaa00000000ULL);
    LSEW("ldsmax", 0x0000000080000000ULL, 1, 0x80000000, 1);
    LSEW("ldumax", 0x0000000080000000ULL, 1, 0x80000000, 0x80000000);
    LSEW("ldaddb", 0x12345678000000ffULL, 2, 0xff, 0x1234567800000001ULL);
    LSEW("ldaddh", 0x123456780000ffffULL, 2, 0xffff, 0x1234567800000001ULL);
    LSEW("ldsminh", 0x0000000000000001ULL, 0x8000, 1, 0x8000);
    LSEW("swpb", 0xffffffffffffffffULL, 0, 0xff, 0xffffffffffffff00ULL);

    /* STADD is LDADD with XZR as destination. */
    mem[0] = 10;
    asm volatile("stadd %0, [%1]" :: "r"(5ULL), "r"(mem) : "memory");
    check_eq(mem[0], 15, "stadd memory");
}

static void cas(void)
{
    u64 s;

    /* CAS Rs, Rt: if mem == Rs then mem = Rt; Rs = old value either way (C6.2.40). */
    mem[0] = 100;
    s = 100;
    asm volatile("cas %0, %1, [%2]" : "+r"(s) : "r"(200ULL), "r"(mem) : "memory");
    check_eq(s, 100, "cas match: Rs = old");
    check_eq(mem[0], 200, "cas match: memory updated");
    s = 100;
    asm volatile("casal %0, %1, [%2]" : "+r"(s) : "r"(300ULL), "r"(mem) : "memory");
    check_eq(s, 200, "casal mismatch: Rs = current value");
    check_eq(mem[0], 200, "casal mismatch: memory unchanged");
    mem[0] = 0xffffffff00000007ULL;
    s = 0x1234567800000007ULL;
    asm volatile("cas %w0, %w1, [%2]" : "+r"(s) : "r"(9ULL), "r"(mem) : "memory");
    check_eq(s, 7, "cas w: compares 32 bits, Rs zero-extended");
    check_eq(mem[0], 0xffffffff00000009ULL, "cas w: writes 32 bits");
    mem[0] = 0x80;
    s = 0x80;
    asm volatile("casb %w0, %w1, [%2]" : "+r"(s) : "r"(0x7f), "r"(mem) : "memory");
    check_eq(mem[0], 0x7f, "casb match");

    /* CASP: even/odd register pairs. */
    mem[2] = 1;
    mem[3] = 2;
    {
        register u64 s0 asm("x4") = 1, s1 asm("x5") = 2;
        register u64 t0 asm("x6") = 11, t1 asm("x7") = 22;
        asm volatile("casp x4, x5, x6, x7, [%4]"
                     : "+r"(s0), "+r"(s1) : "r"(t0), "r"(t1), "r"(&mem[2]) : "memory");
        check_eq(s0 * 16 + s1, 0x12, "casp match: old pair returned");
        check_eq(mem[2] * 100 + mem[3], 1122, "casp match: pair written");
        s0 = 1;
        s1 = 2;
        asm volatile("casp x4, x5, x6, x7, [%4]"
                     : "+r"(s0), "+r"(s1) : "r"(t0), "r"(t1), "r"(&mem[2]) : "memory");
        check_eq(s0 * 100 + s1, 1122, "casp mismatch: current pair returned");
    }
}

void test_main(void)
{
    mmu_identity_el1();
    exclusives();
    /* LSE atomics and CAS need FEAT_LSE (ID_AA64ISAR0_EL1.Atomic = 2, mandatory from v8.1). */
    if (((read_sysreg(id_aa64isar0_el1) >> 20) & 0xf) >= 2) {
        lse();
        cas();
    } else {
        exc_expect(0);
        asm volatile("ldadd %0, xzr, [%1]" :: "r"(1ULL), "r"(mem) : "memory");
        check_eq(exc_taken() ? exc_last.esr : 0, 0x02000000, "ldadd without FEAT_LSE is UNDEFINED");
    }
}
