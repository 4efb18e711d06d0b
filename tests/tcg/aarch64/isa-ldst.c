/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of A64 loads and stores: sizes, sign extension, every addressing mode, writeback, pairs. */
#include "testlib.h"

/*
 * Runs at EL1 with the identity map on (Normal Write-Back RAM), so the
 * unaligned checks are architectural (SCTLR_EL1.A = 0, Arm ARM B2.5.2).
 * The source buffer holds src[i] = 0x80 + i; reads are little-endian.
 */
static u8 src[64] __attribute__((aligned(16)));
static u8 dst[64] __attribute__((aligned(16)));

#define LD(text, base, exp) do {                                            \
    u64 r_;                                                                 \
    asm volatile(text : "=&r"(r_) : "r"(base) : "memory");                  \
    check_eq(r_, exp, "%s", text);                                          \
} while (0)

#define LD2(text, base, idx, exp) do {                                      \
    u64 r_;                                                                 \
    asm volatile(text : "=&r"(r_) : "r"(base), "r"((u64)(idx)) : "memory"); \
    check_eq(r_, exp, "%s [index 0x%lx]", text, (u64)(idx));                \
} while (0)

/* Load with writeback: %0 = result, %1 = base register (in/out). */
#define LDWB(text, off_from_src, exp, exp_base_off) do {                    \
    u64 r_, b_ = (u64)src + (off_from_src);                                 \
    asm volatile(text : "=&r"(r_), "+r"(b_) :: "memory");                   \
    check_eq(r_, exp, "%s value", text);                                    \
    check_eq(b_ - (u64)src, exp_base_off, "%s writeback", text);            \
} while (0)

static u64 le(const u8 *p, int n)
{
    u64 v = 0;
    for (int i = n - 1; i >= 0; i--) {
        v = (v << 8) | p[i];
    }
    return v;
}

static void loads(void)
{
    u64 s = (u64)src;

    LD("ldrb %w0, [%1, #5]", s, 0x85);
    LD("ldrsb %0, [%1, #5]", s, 0xffffffffffffff85ULL);
    LD("ldrsb %w0, [%1, #5]", s, 0xffffff85);
    LD("ldrh %w0, [%1, #2]", s, 0x8382);
    LD("ldrsh %0, [%1, #2]", s, 0xffffffffffff8382ULL);
    LD("ldrsh %w0, [%1, #2]", s, 0xffff8382);
    LD("ldr %w0, [%1, #4]", s, 0x87868584);
    LD("ldrsw %0, [%1, #4]", s, 0xffffffff87868584ULL);
    LD("ldr %0, [%1, #8]", s, 0x8f8e8d8c8b8a8988ULL);
    LD("ldr %0, [%1, #32760]", s - 32760 + 16, 0x9796959493929190ULL);
    LD("ldur %0, [%1, #-8]", s + 16, 0x8f8e8d8c8b8a8988ULL);
    LD("ldur %w0, [%1, #-1]", s + 4, 0x86858483);
    LD("ldursb %0, [%1, #255]", s - 255 + 1, 0xffffffffffffff81ULL);
    LD("ldurh %w0, [%1, #-256]", s + 256, 0x8180);
    LD2("ldr %0, [%1, %2, lsl #3]", s, 1, 0x8f8e8d8c8b8a8988ULL);
    LD2("ldr %0, [%1, %2]", s, 8, 0x8f8e8d8c8b8a8988ULL);
    LD2("ldr %w0, [%1, %w2, sxtw #2]", s + 8, 0xffffffff, 0x87868584);
    LD2("ldrb %w0, [%1, %2]", s, 3, 0x83);
    LD2("ldrsh %0, [%1, %w2, uxtw #1]", s, 3, 0xffffffffffff8786ULL);
    LD2("ldrh %w0, [%1, %2, lsl #1]", s, 2, 0x8584);
    LD2("ldr %0, [%1, %w2, sxtw]", s + 16, 0xfffffff8, 0x8f8e8d8c8b8a8988ULL);
    /* Writeback: pre-index updates the base before the access, post-index after (C6.2.131). */
    LDWB("ldr %0, [%1, #8]!", 0, 0x8f8e8d8c8b8a8988ULL, 8);
    LDWB("ldr %0, [%1], #16", 0, 0x8786858483828180ULL, 16);
    LDWB("ldrb %w0, [%1, #-1]!", 10, 0x89, 9);
    LDWB("ldrsh %0, [%1], #-2", 6, 0xffffffffffff8786ULL, 4);
    LDWB("ldrsw %0, [%1, #4]!", 0, 0xffffffff87868584ULL, 4);
    /* Unaligned accesses to Normal memory are permitted when SCTLR_EL1.A is 0. */
    LD("ldr %0, [%1, #1]", s, 0x8887868584838281ULL);
    LD("ldr %w0, [%1, #3]", s, 0x86858483);
    LD("ldrh %w0, [%1, #7]", s, 0x8887);
}

static void literal(void)
{
    u64 r;
    asm volatile("ldr %0, 1f\n\tb 2f\n\t.balign 8\n1:\t.quad 0x1122334455667788\n2:" : "=r"(r));
    check_eq(r, 0x1122334455667788ULL, "ldr (literal) 64-bit");
    asm volatile("ldrsw %0, 1f\n\tb 2f\n\t.balign 4\n1:\t.word 0x80000001\n2:" : "=r"(r));
    check_eq(r, 0xffffffff80000001ULL, "ldrsw (literal)");
    asm volatile("ldr %w0, 1f\n\tb 2f\n\t.balign 4\n1:\t.word 0xcafef00d\n2:" : "=r"(r));
    check_eq(r, 0xcafef00d, "ldr (literal) 32-bit");
}

static void stores(void)
{
    u64 d = (u64)dst, b;

    memset(dst, 0, sizeof(dst));
    asm volatile("strb %w0, [%1, #1]" :: "r"(0x1234), "r"(d) : "memory");
    check_eq(le(dst, 4), 0x3400, "strb stores the low byte only");
    asm volatile("strh %w0, [%1, #2]" :: "r"(0xabcdef), "r"(d) : "memory");
    check_eq(le(dst, 4), 0xcdef3400, "strh stores the low halfword only");
    asm volatile("str %w0, [%1, #4]" :: "r"(0x1111222233334444ULL), "r"(d) : "memory");
    check_eq(le(dst + 4, 4), 0x33334444, "str w");
    asm volatile("str %0, [%1, #8]" :: "r"(0x0102030405060708ULL), "r"(d) : "memory");
    check_eq(le(dst + 8, 8), 0x0102030405060708ULL, "str x");
    asm volatile("stur %0, [%1, #-3]" :: "r"(0xa1a2a3a4a5a6a7a8ULL), "r"(d + 19) : "memory");
    check_eq(le(dst + 16, 8), 0xa1a2a3a4a5a6a7a8ULL, "stur x, negative offset");
    asm volatile("str %0, [%1, %2, lsl #3]" :: "r"(0x5555ULL), "r"(d), "r"(3ULL) : "memory");
    check_eq(le(dst + 24, 8), 0x5555, "str x, register offset lsl #3");
    b = d + 40;
    asm volatile("str %1, [%0, #-8]!" : "+r"(b) : "r"(0x77ULL) : "memory");
    check_eq(b, d + 32, "str pre-index writeback");
    check_eq(le(dst + 32, 8), 0x77, "str pre-index value");
    asm volatile("strh %w1, [%0], #6" : "+r"(b) : "r"(0x9999) : "memory");
    check_eq(b, d + 38, "strh post-index writeback");
    check_eq(le(dst + 32, 2), 0x9999, "strh post-index value");
    /* Unaligned store to Normal memory. */
    asm volatile("str %w0, [%1, #41]" :: "r"(0xdeadbeef), "r"(d) : "memory");
    check_eq(le(dst + 41, 4), 0xdeadbeef, "unaligned str w");
    check_eq(dst[40] | dst[45], 0, "unaligned str w leaves neighbours");
}

static void pairs(void)
{
    u64 a, b, base;

    memset(dst, 0, sizeof(dst));
    asm volatile("stp %0, %1, [%2, #16]" :: "r"(0x1111ULL), "r"(0x2222ULL), "r"(dst) : "memory");
    check_eq(le(dst + 16, 8), 0x1111, "stp first register");
    check_eq(le(dst + 24, 8), 0x2222, "stp second register");
    asm volatile("ldp %0, %1, [%2, #16]" : "=&r"(a), "=&r"(b) : "r"(dst) : "memory");
    check_eq(a, 0x1111, "ldp first register");
    check_eq(b, 0x2222, "ldp second register");
    base = (u64)src + 16;
    asm volatile("ldp %w0, %w1, [%2, #-16]!" : "=&r"(a), "=&r"(b), "+r"(base) :: "memory");
    check_eq(a, 0x83828180, "ldp w pre-index first");
    check_eq(b, 0x87868584, "ldp w pre-index second");
    check_eq(base, (u64)src, "ldp pre-index writeback");
    asm volatile("ldpsw %0, %1, [%2], #8" : "=&r"(a), "=&r"(b), "+r"(base) :: "memory");
    check_eq(a, 0xffffffff83828180ULL, "ldpsw first sign-extended");
    check_eq(b, 0xffffffff87868584ULL, "ldpsw second sign-extended");
    check_eq(base, (u64)src + 8, "ldpsw post-index writeback");
    base = (u64)dst + 48;
    asm volatile("stp %w1, %w2, [%0, #-8]!" : "+r"(base) : "r"(0xaaaa5555), "r"(0x12345678) : "memory");
    check_eq(base, (u64)dst + 40, "stp w pre-index writeback");
    check_eq(le(dst + 40, 8), 0x12345678aaaa5555ULL, "stp w pre-index values");
    asm volatile("stnp %0, %1, [%2]" :: "r"(7ULL), "r"(9ULL), "r"(dst) : "memory");
    asm volatile("ldnp %0, %1, [%2]" : "=&r"(a), "=&r"(b) : "r"(dst) : "memory");
    check_eq(a * 16 + b, 7 * 16 + 9, "stnp/ldnp round trip");
}

static void ordered(void)
{
    u64 r;

    asm volatile("stlr %0, [%1]" :: "r"(0x0123456789abcdefULL), "r"(dst) : "memory");
    asm volatile("ldar %0, [%1]" : "=r"(r) : "r"(dst) : "memory");
    check_eq(r, 0x0123456789abcdefULL, "stlr/ldar x");
    asm volatile("stlrb %w0, [%1]" :: "r"(0x5a), "r"(dst) : "memory");
    asm volatile("ldarb %w0, [%1]" : "=r"(r) : "r"(dst) : "memory");
    check_eq(r, 0x5a, "stlrb/ldarb");
    check_eq(le(dst, 8), 0x0123456789abcd5aULL, "stlrb writes one byte");
    asm volatile("stlrh %w0, [%1, #0]" :: "r"(0xffff), "r"(dst + 2) : "memory");
    asm volatile("ldarh %w0, [%1]" : "=r"(r) : "r"(dst + 2) : "memory");
    check_eq(r, 0xffff, "stlrh/ldarh");
    /* LDAPR needs FEAT_LRCPC (ID_AA64ISAR1_EL1.LRCPC >= 1); without it, it is UNDEFINED. */
    exc_expect(0);
    r = 0;
    asm volatile("ldapr %w0, [%1]" : "+r"(r) : "r"(dst) : "memory");
    if (((read_sysreg(id_aa64isar1_el1) >> 20) & 0xf) >= 1) {
        check_true(!exc_taken(), "ldapr executes (FEAT_LRCPC)");
        check_eq(r, 0xffffcd5a, "ldapr w (FEAT_LRCPC)");
    } else {
        check_eq(exc_taken() ? exc_last.esr : 0, 0x02000000, "ldapr without FEAT_LRCPC is UNDEFINED");
    }
}

/* DC ZVA zeroes one aligned block of 4 << DCZID_EL0.BS bytes (C5.3 DC ZVA, D19 DCZID_EL0). */
static u8 zva_buf[3 * 2048] __attribute__((aligned(2048)));

static void dc_zva(void)
{
    u64 dczid = read_sysreg(dczid_el0);
    u64 bs = 4ULL << (dczid & 0xf);
    int ok_inside = 1, ok_outside = 1;

    check_eq((dczid >> 4) & 1, 0, "DCZID_EL0.DZP 0: DC ZVA permitted at EL1");
    check_true(bs >= 16 && bs <= 2048, "DCZID_EL0.BS gives a block of 16..2048 bytes");
    memset(zva_buf, 0xa5, sizeof(zva_buf));
    /* Any address inside the block selects the whole aligned block. */
    asm volatile("dc zva, %0" :: "r"(zva_buf + 2048 + bs / 2 + 3) : "memory");
    for (u64 i = 0; i < sizeof(zva_buf); i++) {
        int in = i >= 2048 && i < 2048 + bs;
        if (in && zva_buf[i] != 0) {
            ok_inside = 0;
        }
        if (!in && zva_buf[i] != 0xa5) {
            ok_outside = 0;
        }
    }
    check_true(ok_inside, "DC ZVA zeroed the whole aligned block");
    check_true(ok_outside, "DC ZVA left the bytes around the block");
}

/* LDTR at EL1 is checked as an EL0 access: EL0 has no access to these pages (AP = 0b00). */
static void unprivileged(void)
{
    u64 r = 0x1234;

    exc_expect(0);
    asm volatile("ldtr %0, [%1]" : "+r"(r) : "r"(src) : "memory");
    check_true(exc_taken(), "ldtr at EL1 to an EL0-inaccessible page faults");
    check_eq(ESR_EC(exc_last.esr), 0x25, "ldtr fault: EC data abort same EL");
    check_eq(exc_last.esr & 0x3f, 0x0d, "ldtr fault: DFSC permission fault level 1");
    check_eq(exc_last.far, (u64)src, "ldtr fault: FAR");
    check_eq(r, 0x1234, "ldtr fault: destination unchanged");
    asm volatile("ldr %0, [%1]" : "=r"(r) : "r"(src) : "memory");
    check_eq(r, 0x8786858483828180ULL, "ldr at EL1 to the same page works");
}

void test_main(void)
{
    for (int i = 0; i < 64; i++) {
        src[i] = 0x80 + i;
    }
    mmu_identity_el1();
    loads();
    literal();
    stores();
    pairs();
    ordered();
    dc_zva();
    unprivileged();
}
