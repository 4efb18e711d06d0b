/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of AdvSIMD integer instructions: lane arithmetic, compares, reductions, saturation, permutes, TBL, AES, PMULL. */
#include "testlib.h"

/*
 * Built with -mgeneral-regs-only, so operands go in and out through
 * general registers: v1 = (a_lo, a_hi), v2 = (b_lo, b_hi), result in v0.
 * Lane 0 is the least significant (Arm ARM A1.5.2 / C7.2).  Expected
 * values are worked out by hand; most use A = bytes 0x01..0x10 and
 * B = bytes 0x11..0x20 (byte i of A is i + 1).
 */
#define A_LO 0x0807060504030201ULL
#define A_HI 0x100f0e0d0c0b0a09ULL
#define B_LO 0x1817161514131211ULL
#define B_HI 0x201f1e1d1c1b1a19ULL

#define VOP(text, alo, ahi, blo, bhi, elo, ehi) do {                        \
    u64 lo_, hi_;                                                           \
    asm volatile("fmov d1, %2\n\tmov v1.d[1], %3\n\tfmov d2, %4\n\tmov v2.d[1], %5\n\t" \
                 text "\n\tfmov %0, d0\n\tmov %1, v0.d[1]"                  \
                 : "=&r"(lo_), "=&r"(hi_)                                   \
                 : "r"((u64)(alo)), "r"((u64)(ahi)), "r"((u64)(blo)), "r"((u64)(bhi)) \
                 : "v0", "v1", "v2");                                       \
    check_eq(lo_, elo, "%s: low 64 bits", text);                            \
    check_eq(hi_, ehi, "%s: high 64 bits", text);                           \
} while (0)

/* Same, and FPSR.QC (bit 27) afterwards. */
#define VOPQ(text, alo, ahi, blo, bhi, elo, ehi, eqc) do {                  \
    u64 s_;                                                                 \
    write_sysreg(0, fpsr);                                                  \
    VOP(text, alo, ahi, blo, bhi, elo, ehi);                                \
    s_ = read_sysreg(fpsr);                                                 \
    check_eq((s_ >> 27) & 1, eqc, "%s: FPSR.QC", text);                     \
} while (0)

static void arith(void)
{
    VOP("add v0.4s, v1.4s, v2.4s", 0x0000000200000001ULL, 0xffffffff00000003ULL,
        0x0000000100000001ULL, 0x0000000100000001ULL, 0x0000000300000002ULL, 0x0000000000000004ULL);
    VOP("sub v0.8h, v1.8h, v2.8h", 0x0000000100020003ULL, 0, 0x0001000100010001ULL, 0,
        0xffff000000010002ULL, 0);
    VOP("mul v0.4s, v1.4s, v2.4s", 0x0000000300010000ULL, 0xffffffff00000007ULL,
        0x0000000500010000ULL, 0x0000000200000006ULL, 0x0000000f00000000ULL, 0xfffffffe0000002aULL);
    VOP("addp v0.4s, v1.4s, v2.4s", A_LO, A_HI, B_LO, B_HI,
        0x1c1a18160c0a0806ULL, 0x3c3a38362c2a2826ULL);
    VOP("umull v0.2d, v1.2s, v2.2s", 0x00000002ffffffffULL, 0, 0x00000003ffffffffULL, 0,
        0xfffffffe00000001ULL, 6);
    VOP("neg v0.2d, v1.2d", 1, 0x8000000000000000ULL, 0, 0, ~0ULL, 0x8000000000000000ULL);
    VOP("abs v0.4s, v1.4s", 0x80000000fffffffbULL, 0x7fffffff00000000ULL, 0, 0,
        0x8000000000000005ULL, 0x7fffffff00000000ULL);
}

static void compare(void)
{
    VOP("cmeq v0.2d, v1.2d, v2.2d", 5, 6, 5, 7, ~0ULL, 0);
    /* Lanes: a = [1, -1, 5, INT32_MIN], b = [0, 0, 5, INT32_MAX]. */
    VOP("cmgt v0.4s, v1.4s, v2.4s", 0xffffffff00000001ULL, 0x8000000000000005ULL,
        0, 0x7fffffff00000005ULL, 0x00000000ffffffffULL, 0);
    VOP("cmhi v0.4s, v1.4s, v2.4s", 0xffffffff00000001ULL, 0x8000000000000005ULL,
        0, 0x7fffffff00000005ULL, ~0ULL, 0xffffffff00000000ULL);
    VOP("cmtst v0.16b, v1.16b, v2.16b", A_LO, A_HI, 0x0101010101010101ULL, 0x0101010101010101ULL,
        0x00ff00ff00ff00ffULL, 0x00ff00ff00ff00ffULL);
    VOP("cmeq v0.8h, v1.8h, #0", 0x0000000100000002ULL, 0, 0, 0, 0xffff0000ffff0000ULL, ~0ULL);
}

static void reduce(void)
{
    /* Across-lane results are scalars: the rest of v0 is zeroed. */
    VOP("addv b0, v1.16b", A_LO, A_HI, 0, 0, 0x88, 0);
    VOP("umaxv b0, v1.16b", A_LO, A_HI, 0, 0, 0x10, 0);
    VOP("uminv h0, v1.8h", A_LO, A_HI, 0, 0, 0x0201, 0);
    VOP("smaxv s0, v1.4s", 0x7fffffff80000000ULL, 0xffffffff00000001ULL, 0, 0, 0x7fffffff, 0);
    VOP("uaddlv h0, v1.16b", ~0ULL, ~0ULL, 0, 0, 0x0ff0, 0);
}

static void saturate_shift(void)
{
    VOPQ("sqadd v0.16b, v1.16b, v2.16b", 0x7f7f7f7f7f7f7f7fULL, 0x7f7f7f7f7f7f7f7fULL,
         0x0101010101010101ULL, 0x0101010101010101ULL, 0x7f7f7f7f7f7f7f7fULL, 0x7f7f7f7f7f7f7f7fULL, 1);
    VOPQ("uqsub v0.16b, v1.16b, v2.16b", 0, 0x0505050505050505ULL,
         0x0101010101010101ULL, 0x0101010101010101ULL, 0, 0x0404040404040404ULL, 1);
    VOPQ("add v0.16b, v1.16b, v2.16b", 0xffULL, 0, 1, 0, 0, 0, 0);
    VOPQ("sqadd v0.2d, v1.2d, v2.2d", 1, 2, 3, 4, 4, 6, 0);
    VOP("shl v0.2d, v1.2d, #4", 0x0123456789abcdefULL, 0xf000000000000001ULL, 0, 0,
        0x123456789abcdef0ULL, 0x10);
    VOP("ushr v0.4s, v1.4s, #31", 0x7fffffff80000000ULL, 0x00000000ffffffffULL, 0, 0, 1, 1);
    VOP("sshr v0.2d, v1.2d, #63", 0x8000000000000000ULL, 1, 0, 0, ~0ULL, 0);
    VOP("ushl v0.2d, v1.2d, v2.2d", 1, 0x100, 8, 0xfffffffffffffffcULL, 0x100, 0x10);
}

static void permute(void)
{
    VOP("ext v0.16b, v1.16b, v2.16b, #3", A_LO, A_HI, B_LO, B_HI,
        0x0b0a090807060504ULL, 0x131211100f0e0d0cULL);
    VOP("zip1 v0.4s, v1.4s, v2.4s", A_LO, A_HI, B_LO, B_HI,
        0x1413121104030201ULL, 0x1817161508070605ULL);
    VOP("uzp1 v0.4s, v1.4s, v2.4s", A_LO, A_HI, B_LO, B_HI,
        0x0c0b0a0904030201ULL, 0x1c1b1a1914131211ULL);
    VOP("trn1 v0.8h, v1.8h, v2.8h", A_LO, A_HI, B_LO, B_HI,
        0x1615060512110201ULL, 0x1e1d0e0d1a190a09ULL);
    /* TBL: indices past the table give 0 (C7.2.375). */
    VOP("tbl v0.16b, {v1.16b}, v2.16b", A_LO, A_HI, 0x04030201ff100f00ULL, 0,
        0x0504030200001001ULL, 0x0101010101010101ULL);
    VOP("rev64 v0.16b, v1.16b", A_LO, A_HI, 0, 0, 0x0102030405060708ULL, 0x090a0b0c0d0e0f10ULL);
    VOP("cnt v0.16b, v1.16b", A_LO, A_HI, 0, 0, 0x0103020201020101ULL, 0x0104030302030202ULL);
    VOP("xtn v0.8b, v1.8h", A_LO, A_HI, 0, 0, 0x0f0d0b0907050301ULL, 0);
    VOP("uxtl v0.8h, v1.8b", A_LO, A_HI, 0, 0, 0x0004000300020001ULL, 0x0008000700060005ULL);
    VOP("movi v0.2d, #0x00000000ffffffff\n\tbsl v0.16b, v1.16b, v2.16b", A_LO, A_HI, B_LO, B_HI,
        0x1817161504030201ULL, 0x201f1e1d0c0b0a09ULL);
    VOP("dup v0.8h, v1.h[5]", A_LO, A_HI, 0, 0, 0x0c0b0c0b0c0b0c0bULL, 0x0c0b0c0b0c0b0c0bULL);
}

static void crypto(void)
{
    /* AESE with zero state and key: SubBytes(0) = 0x63 in every byte (FIPS-197 S-box). */
    VOP("movi v0.2d, #0\n\taese v0.16b, v1.16b", 0, 0, 0, 0, 0x6363636363636363ULL, 0x6363636363636363ULL);
    /* PMULL: carry-less multiply, 3 x 3 = 5; 2^63 x 2 = 2^64. */
    VOP("pmull v0.1q, v1.1d, v2.1d", 3, 0, 3, 0, 5, 0);
    VOP("pmull v0.1q, v1.1d, v2.1d", 0x8000000000000000ULL, 0, 2, 0, 0, 1);
    VOP("pmull2 v0.1q, v1.2d, v2.2d", 0, 0xff, 0, 0x101, 0xffff, 0);
}

void test_main(void)
{
    arith();
    compare();
    reduce();
    saturate_shift();
    permute();
    /* FEAT_AES and FEAT_PMULL: ID_AA64ISAR0_EL1.AES = 0b0010. */
    if (check_eq((read_sysreg(id_aa64isar0_el1) >> 4) & 0xf, 2, "ID_AA64ISAR0.AES reports AES and PMULL")) {
        crypto();
    }
}
