/* SPDX-License-Identifier: GPL-2.0-or-later */
/* FP/SIMD register file: FMOV/INS/UMOV, LDR/STR B..Q, LDP/STP Q, a few FP ops, FPCR/FPSR, CPACR/CPTR traps (EC 0x07). */
#include "testlib.h"

/*
 * Runs on virt,secure=on,virtualization=on (entered at EL3).  The C code
 * is built with -mgeneral-regs-only, so all FP/SIMD work is inline asm on
 * v0-v3.  Arm ARM: C1.2.5 (writes to a scalar FP register zero the rest
 * of the vector register), D1.10 / D19 CPACR_EL1.FPEN, CPTR_EL2.TFP,
 * CPTR_EL3.TFP (EC 0x07, ISS CV=1 COND=0b1110 from AArch64), C5.2.7/8 FPCR/FPSR.
 */
#define FPREGS "v0", "v1", "v2", "v3"

static u8 src[64] __attribute__((aligned(16)));
static u8 dst[64] __attribute__((aligned(16)));

static u64 le(const u8 *p, int n)
{
    u64 v = 0;
    for (int i = n - 1; i >= 0; i--) {
        v = (v << 8) | p[i];
    }
    return v;
}

/* Set all of v0 to ones, run `text` (%2 = input), then check both halves of v0. */
#define V0(text, in, lo_exp, hi_exp) do {                                   \
    u64 lo_, hi_;                                                           \
    asm volatile("movi v0.2d, #0xffffffffffffffff\n\t" text "\n\t"          \
                 "fmov %0, d0\n\tmov %1, v0.d[1]"                           \
                 : "=&r"(lo_), "=&r"(hi_) : "r"((u64)(in)) : FPREGS, "memory"); \
    check_eq(lo_, lo_exp, "%s: V0[63:0]", text);                            \
    check_eq(hi_, hi_exp, "%s: V0[127:64]", text);                          \
} while (0)

static void moves(void)
{
    u64 r;

    V0("fmov d0, %2", 0x0123456789abcdefULL, 0x0123456789abcdefULL, 0);
    V0("fmov s0, %w2", 0xdeadbeefcafef00dULL, 0xcafef00d, 0);
    /* FMOV Hd, Wn needs FEAT_FP16 (ID_AA64PFR0_EL1.FP = 1); without it, it is UNDEFINED. */
    if (((read_sysreg(id_aa64pfr0_el1) >> 16) & 0xf) == 1) {
        V0("fmov h0, %w2", 0x12345678, 0x5678, 0);
    } else {
        exc_expect(0);
        asm volatile("fmov h0, %w0" :: "r"(0x1234) : "v0");
        check_eq(exc_taken() ? exc_last.esr : 0, 0x02000000, "fmov h0, w without FEAT_FP16 is UNDEFINED");
    }
    V0("fmov v0.d[1], %2", 0x1111222233334444ULL, ~0ULL, 0x1111222233334444ULL);
    V0("mov v0.s[1], %w2", 0x55aa55aa, 0x55aa55aaffffffffULL, ~0ULL);
    V0("mov v0.b[15], %w2", 0x42, ~0ULL, 0x42ffffffffffffffULL);
    V0("dup v0.4s, %w2", 0x89abcdef, 0x89abcdef89abcdefULL, 0x89abcdef89abcdefULL);
    V0("movi v0.16b, #0x5a", 0, 0x5a5a5a5a5a5a5a5aULL, 0x5a5a5a5a5a5a5a5aULL);
    V0("movi d0, #0xff00ff00ff00ff00", 0, 0xff00ff00ff00ff00ULL, 0);
    V0("fmov d0, #1.5", 0, 0x3ff8000000000000ULL, 0);
    V0("fmov s0, #-2.0", 0, 0xc0000000ULL, 0);

    asm volatile("fmov d1, %1\n\tfmov %0, d1" : "=r"(r) : "r"(0x8000000000000001ULL) : FPREGS);
    check_eq(r, 0x8000000000000001ULL, "fmov x -> d -> x round trip");
    asm volatile("fmov s1, %w1\n\tfmov %w0, s1" : "=r"(r) : "r"(0xffffffff80000000ULL) : FPREGS);
    check_eq(r, 0x80000000, "fmov w -> s -> w round trip, zero-extended");
    asm volatile("dup v1.2d, %1\n\tumov %w0, v1.h[3]" : "=r"(r) : "r"(0x8765432100000000ULL) : FPREGS);
    check_eq(r, 0x8765, "umov w, v.h[3]");
    asm volatile("dup v1.2d, %1\n\tsmov %0, v1.b[6]" : "=r"(r) : "r"(0x0080000000000000ULL) : FPREGS);
    check_eq(r, 0xffffffffffffff80ULL, "smov x, v.b[6] sign-extends");
    asm volatile("dup v1.2d, %1\n\tsmov %w0, v1.h[0]" : "=r"(r) : "r"(0x8000ULL) : FPREGS);
    check_eq(r, 0xffff8000, "smov w, v.h[0] sign-extends to 32 bits");
}

static void loads_stores(void)
{
    u64 s = (u64)src, b, lo, hi;

    V0("ldr b0, [%2, #3]", s, 0x83, 0);
    V0("ldr h0, [%2, #2]", s, 0x8382, 0);
    V0("ldr s0, [%2, #4]", s, 0x87868584, 0);
    V0("ldr d0, [%2, #8]", s, 0x8f8e8d8c8b8a8988ULL, 0);
    V0("ldr q0, [%2, #16]", s, 0x9796959493929190ULL, 0x9f9e9d9c9b9a9998ULL);
    V0("ldur q0, [%2, #-16]", s + 32, 0x9796959493929190ULL, 0x9f9e9d9c9b9a9998ULL);
    V0("mov x9, #2\n\tldr d0, [%2, x9, lsl #3]", s, 0x9796959493929190ULL, 0);
    V0("ld1 {v0.16b}, [%2]", s, 0x8786858483828180ULL, 0x8f8e8d8c8b8a8988ULL);
    V0("ld1r {v0.4s}, [%2]", s, 0x8382818083828180ULL, 0x8382818083828180ULL);
    V0("ldr d0, 1f\n\tb 2f\n\t.balign 8\n1:\t.quad 0x0102030405060708\n2:", 0, 0x0102030405060708ULL, 0);

    memset(dst, 0, sizeof(dst));
    asm volatile("ldr q1, [%0]\n\tstr b1, [%1, #1]\n\tstr h1, [%1, #2]\n\tstr s1, [%1, #4]\n\t"
                 "str d1, [%1, #8]\n\tstr q1, [%1, #16]"
                 :: "r"(src), "r"(dst) : FPREGS, "memory");
    check_eq(dst[0], 0, "str b leaves byte 0");
    check_eq(dst[1], 0x80, "str b stores the low byte");
    check_eq(le(dst + 2, 2), 0x8180, "str h stores the low halfword");
    check_eq(le(dst + 4, 4), 0x83828180, "str s stores the low word");
    check_eq(le(dst + 8, 8), 0x8786858483828180ULL, "str d stores the low doubleword");
    check_eq(le(dst + 16, 8), 0x8786858483828180ULL, "str q low half");
    check_eq(le(dst + 24, 8), 0x8f8e8d8c8b8a8988ULL, "str q high half");

    /* LDP/STP Q with writeback. */
    b = (u64)src;
    asm volatile("ldp q2, q3, [%0], #32\n\tfmov %1, d3\n\tmov %2, v2.d[1]"
                 : "+r"(b), "=&r"(lo), "=&r"(hi) :: FPREGS, "memory");
    check_eq(b, (u64)src + 32, "ldp q post-index writeback");
    check_eq(lo, 0x9796959493929190ULL, "ldp q second register low");
    check_eq(hi, 0x8f8e8d8c8b8a8988ULL, "ldp q first register high");
    b = (u64)dst + 64;
    asm volatile("ldp q2, q3, [%1]\n\tstp q3, q2, [%0, #-32]!" : "+r"(b) : "r"(src) : FPREGS, "memory");
    check_eq(b, (u64)dst + 32, "stp q pre-index writeback");
    check_eq(le(dst + 32, 8), 0x9796959493929190ULL, "stp q first slot holds q3");
    check_eq(le(dst + 56, 8), 0x8f8e8d8c8b8a8988ULL, "stp q second slot holds q2");
    asm volatile("ldp d2, d3, [%0, #8]\n\tstp d3, d2, [%1]" :: "r"(src), "r"(dst) : FPREGS, "memory");
    check_eq(le(dst, 8), 0x9796959493929190ULL, "ldp/stp d swap, first");
    check_eq(le(dst + 8, 8), 0x8f8e8d8c8b8a8988ULL, "ldp/stp d swap, second");
}

/* Result of an FP op on d1, d2 (inputs as bit patterns), and FPSR afterwards. */
#define FOP(text, a, b, exp, exp_fpsr) do {                                 \
    u64 r_, s_;                                                             \
    asm volatile("msr fpsr, xzr\n\tfmov d1, %2\n\tfmov d2, %3\n\t" text "\n\t" \
                 "fmov %0, d0\n\tmrs %1, fpsr"                              \
                 : "=&r"(r_), "=&r"(s_) : "r"((u64)(a)), "r"((u64)(b)) : FPREGS); \
    check_eq(r_, exp, "%s", text);                                          \
    check_eq(s_, exp_fpsr, "%s: FPSR", text);                               \
} while (0)

#define ONE   0x3ff0000000000000ULL
#define TWO   0x4000000000000000ULL
#define THREE 0x4008000000000000ULL
#define DNAN  0x7ff8000000000000ULL
#define IOC 1
#define DZC 2
#define IXC 0x10

static void arith(void)
{
    write_sysreg(0, fpcr);
    FOP("fadd d0, d1, d2", 0x3ff8000000000000ULL, 0x4002000000000000ULL, 0x400e000000000000ULL, 0);
    FOP("fsub d0, d1, d2", ONE, THREE, 0xc000000000000000ULL, 0);
    FOP("fmul d0, d1, d2", THREE, THREE, 0x4022000000000000ULL, 0);
    FOP("fdiv d0, d1, d2", ONE, THREE, 0x3fd5555555555555ULL, IXC);
    FOP("fdiv d0, d1, d2", ONE, 0, 0x7ff0000000000000ULL, DZC);
    FOP("fdiv d0, d1, d2", 0, 0, DNAN, IOC);
    FOP("fsqrt d0, d1", TWO, 0, 0x3ff6a09e667f3bcdULL, IXC);
    FOP("fabs d0, d1", 0xc000000000000000ULL, 0, TWO, 0);
    FOP("fneg d0, d1", TWO, 0, 0xc000000000000000ULL, 0);
    FOP("fmax d0, d1, d2", ONE, THREE, THREE, 0);
    FOP("fmadd d0, d1, d2, d2", TWO, THREE, 0x4022000000000000ULL, 0);
    FOP("scvtf d0, %3", 0, -7ULL, 0xc01c000000000000ULL, 0);
    FOP("ucvtf d0, %3", 0, 7, 0x401c000000000000ULL, 0);
    FOP("fcvtzs %0, d1\n\tfmov d0, %0", 0x400e000000000000ULL, 0, 3, IXC);
    FOP("fcvtzu %0, d1\n\tfmov d0, %0", 0xc000000000000000ULL, 0, 0, IOC);
    FOP("fcvt s0, d1", THREE, 0, 0x40400000, 0);
    /* NaN propagation: a quiet NaN operand is returned with its payload (FPCR.DN = 0). */
    FOP("fadd d0, d1, d2", 0x7ff8000000000123ULL, ONE, 0x7ff8000000000123ULL, 0);
    /* A signalling NaN is quietened and raises Invalid Operation. */
    FOP("fadd d0, d1, d2", 0x7ff0000000000123ULL, ONE, 0x7ff8000000000123ULL, IOC);

    /* FCMP flags (C7.2.66): less N, equal Z C, greater C, unordered C V. */
    {
        static const u64 a[] = { ONE, TWO, THREE, DNAN };
        static const u64 f[] = { 0x8, 0x6, 0x2, 0x3 };
        for (int i = 0; i < 4; i++) {
            u64 n;
            asm volatile("fmov d1, %1\n\tfmov d2, %2\n\tfcmp d1, d2\n\tmrs %0, nzcv"
                         : "=r"(n) : "r"(a[i]), "r"(TWO) : FPREGS, "cc");
            check_eq(n >> 28, f[i], "fcmp case %d flags", i);
        }
    }
}

static void control(void)
{
    u64 r;
    static const u64 frint_exp[4] = {
        0x4000000000000000ULL,      /* RN: 2.5 -> 2.0 (ties to even) */
        0x4008000000000000ULL,      /* RP: 3.0 */
        0x4000000000000000ULL,      /* RM: 2.0 */
        0x4000000000000000ULL,      /* RZ: 2.0 */
    };

    write_sysreg((1 << 26) | (1 << 25) | (1 << 24) | (3 << 22), fpcr);
    check_eq(read_sysreg(fpcr), (1 << 26) | (1 << 25) | (1 << 24) | (3 << 22), "FPCR AHP, DN, FZ, RMode read back");
    for (u64 m = 0; m < 4; m++) {
        write_sysreg(m << 22, fpcr);
        asm volatile("fmov d1, %1\n\tfrintx d0, d1\n\tfmov %0, d0" : "=r"(r) : "r"(0x4004000000000000ULL) : FPREGS);
        check_eq(r, frint_exp[m], "frintx 2.5 with FPCR.RMode %lu", m);
    }
    write_sysreg(2ULL << 22, fpcr);
    asm volatile("fmov d1, %1\n\tfrintx d0, d1\n\tfmov %0, d0" : "=r"(r) : "r"(0xc004000000000000ULL) : FPREGS);
    check_eq(r, 0xc008000000000000ULL, "frintx -2.5 with RMode RM is -3.0");
    /* FPCR.DN: NaN results are the default NaN. */
    write_sysreg(1 << 25, fpcr);
    FOP("fadd d0, d1, d2", 0x7ff8000000000123ULL, ONE, DNAN, 0);
    /* FPCR.FZ: a denormal input is flushed to zero and IDC (bit 7) is set. */
    write_sysreg(1 << 24, fpcr);
    FOP("fadd d0, d1, d2", 0x0000000000000001ULL, 0, 0, 0x80);
    write_sysreg(0, fpcr);
    write_sysreg(0x9f | (1 << 27), fpsr);
    check_eq(read_sysreg(fpsr), 0x9f | (1 << 27), "FPSR cumulative flags and QC read back");
    write_sysreg(0, fpsr);
    check_eq(read_sysreg(fpsr), 0, "FPSR cleared");
}

/* ---- traps ---- */

#define EC_FP_ESR 0x1fe00000ULL    /* EC 0x07, IL, CV 1, COND 0b1110 */

static u64 fp_op(u64 x)
{
    u64 r = 0;
    asm volatile("fmov d1, %1\n\tfmov %0, d1" : "+r"(r) : "r"(x) : FPREGS);
    return r;
}

/* Run an FP instruction here and report where its trap was taken (0: no trap). */
static u64 fp_probe(u64 what)
{
    u64 a;
    exc_expect(0);
    if (what == 0) {
        asm volatile("adr %0, 1f\n1:\tfmov d1, xzr" : "=&r"(a) :: FPREGS);
    } else {
        asm volatile("adr %0, 1f\n1:\tmrs x9, fpcr" : "=&r"(a) :: "x9");
    }
    if (!exc_taken()) {
        return 0;
    }
    check_eq(exc_last.esr, EC_FP_ESR, "FP trap (%s) ESR", what ? "mrs fpcr" : "fmov");
    check_eq(exc_last.elr, a, "FP trap (%s) ELR at the instruction", what ? "mrs fpcr" : "fmov");
    return exc_last.el * 16 + (exc_last.vec >> 9);
}

static u64 el1_cpacr(u64 fpen)
{
    u64 old = read_sysreg(cpacr_el1), r;
    write_sysreg((old & ~(3ULL << 20)) | (fpen << 20), cpacr_el1);
    isb();
    r = fp_probe(fpen == 2);
    write_sysreg(old, cpacr_el1);
    isb();
    return r;
}

static u64 el0_fp(u64 x)
{
    return fp_probe(0);
}

static u64 el1_plain(u64 x)
{
    return fp_probe(0);
}

static void traps(void)
{
    /* Result encoding: EL * 16 + vector group (1: current EL SPx, 2: lower EL). */
    check_eq(call_at_el(1, el1_cpacr, 0), 0x11, "CPACR_EL1.FPEN=00: EL1 FP traps to EL1 (current EL)");
    check_eq(call_at_el(1, el1_cpacr, 2), 0x11, "CPACR_EL1.FPEN=10: EL1 mrs fpcr traps to EL1");
    check_eq(call_at_el(1, el1_cpacr, 1), 0, "CPACR_EL1.FPEN=01: EL1 not trapped");
    check_eq(call_at_el(1, el1_cpacr, 3), 0, "CPACR_EL1.FPEN=11: EL1 not trapped");
    write_sysreg((read_sysreg(cpacr_el1) & ~(3ULL << 20)) | (1ULL << 20), cpacr_el1);
    isb();
    check_eq(call_at_el(0, el0_fp, 0), 0x12, "CPACR_EL1.FPEN=01: EL0 FP traps to EL1 (lower EL)");
    write_sysreg(read_sysreg(cpacr_el1) | (3ULL << 20), cpacr_el1);
    isb();
    check_eq(call_at_el(0, el0_fp, 0), 0, "CPACR_EL1.FPEN=11: EL0 not trapped");

    /* CPTR_EL2.TFP (bit 10): EL1 and EL2 accesses trap to EL2. */
    write_sysreg(read_sysreg(cptr_el2) | (1 << 10), cptr_el2);
    isb();
    check_eq(call_at_el(1, el1_plain, 0), 0x22, "CPTR_EL2.TFP: EL1 FP traps to EL2");
    check_eq(call_at_el(2, el1_plain, 0), 0x21, "CPTR_EL2.TFP: EL2 FP traps to EL2");
    check_eq(call_at_el(0, el0_fp, 0), 0x22, "CPTR_EL2.TFP: EL0 FP traps to EL2");
    /* CPACR_EL1 has priority over CPTR_EL2 for EL1 (AArch64.CheckFPEnabled order). */
    check_eq(call_at_el(1, el1_cpacr, 0), 0x11, "CPACR_EL1.FPEN=00 and CPTR_EL2.TFP: EL1 trap goes to EL1");
    write_sysreg(read_sysreg(cptr_el2) & ~(1ULL << 10), cptr_el2);
    isb();

    /* CPTR_EL3.TFP (bit 10): every EL traps to EL3. */
    write_sysreg(read_sysreg(cptr_el3) | (1 << 10), cptr_el3);
    isb();
    check_eq(fp_probe(0), 0x31, "CPTR_EL3.TFP: EL3 FP traps to EL3");
    check_eq(call_at_el(2, el1_plain, 0), 0x32, "CPTR_EL3.TFP: EL2 FP traps to EL3");
    check_eq(call_at_el(1, el1_plain, 0), 0x32, "CPTR_EL3.TFP: EL1 FP traps to EL3");
    write_sysreg(read_sysreg(cptr_el3) & ~(1ULL << 10), cptr_el3);
    isb();
    check_eq(call_at_el(1, fp_op, 0x1234), 0x1234, "FP works again at EL1 with all traps off");
}

void test_main(void)
{
    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2 (-M virt,secure=on,virtualization=on)");
        return;
    }
    for (int i = 0; i < 64; i++) {
        src[i] = 0x80 + i;
    }
    moves();
    loads_stores();
    arith();
    control();
    traps();
}
