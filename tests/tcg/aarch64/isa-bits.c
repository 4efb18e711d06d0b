/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of A64 bit counting and reversal (CLZ, CLS, RBIT, REV*) and CRC32/CRC32C. */
#include "isa.h"

static void count_reverse(void)
{
    /* CLZ, CLS (C6.2.58, C6.2.56): CLS counts bits equal to the top bit, excluding it. */
    R1("clz %0, %1", 0, 64);
    R1("clz %0, %1", 1, 63);
    R1("clz %0, %1", 0x8000000000000000ULL, 0);
    R1("clz %w0, %w1", 0x00010000, 15);
    R1("clz %w0, %w1", 0, 32);
    R1("cls %0, %1", ~0ULL, 63);
    R1("cls %0, %1", 0, 63);
    R1("cls %0, %1", 0x4000000000000000ULL, 0);
    R1("cls %0, %1", 0xf000000000000000ULL, 3);
    R1("cls %w0, %w1", 0xffff0000, 15);
    R1("cls %w0, %w1", 1, 30);
    /* RBIT, REV, REV16, REV32 (C6.2.217, C6.2.218-C6.2.221). */
    R1("rbit %0, %1", 1, 0x8000000000000000ULL);
    R1("rbit %w0, %w1", 0x12345678, 0x1e6a2c48);
    R1("rbit %0, %1", 0x00000000000000f0ULL, 0x0f00000000000000ULL);
    R1("rev %0, %1", 0x0123456789abcdefULL, 0xefcdab8967452301ULL);
    R1("rev16 %0, %1", 0x0123456789abcdefULL, 0x23016745ab89efcdULL);
    R1("rev32 %0, %1", 0x0123456789abcdefULL, 0x67452301efcdab89ULL);
    R1("rev %w0, %w1", 0x12345678, 0x78563412);
    R1("rev16 %w0, %w1", 0x12345678, 0x34127856);
    R1("rev %w0, %w1", 0xffffffff00000001ULL, 0x01000000);
}

/*
 * CRC32 (polynomial 0x04C11DB7, bit-reflected) and CRC32C (0x1EDC6F41)
 * with the conventional ~0 seed and final inversion give the standard
 * check values for "123456789": 0xCBF43926 and 0xE3069283.
 */
static const char check_str[] = "123456789";

static u32 crc_bytes(int castagnoli)
{
    u32 crc = ~0u;
    for (int i = 0; i < 9; i++) {
        if (castagnoli) {
            asm("crc32cb %w0, %w0, %w1" : "+r"(crc) : "r"((u32)check_str[i]));
        } else {
            asm("crc32b %w0, %w0, %w1" : "+r"(crc) : "r"((u32)check_str[i]));
        }
    }
    return ~crc;
}

static u64 le_bytes(int off, int n)
{
    u64 v = 0;
    for (int i = n - 1; i >= 0; i--) {
        v = (v << 8) | (u8)check_str[off + i];
    }
    return v;
}

static void crc(void)
{
    u32 c;

    check_eq(crc_bytes(0), 0xcbf43926, "crc32b over \"123456789\"");
    check_eq(crc_bytes(1), 0xe3069283, "crc32cb over \"123456789\"");

    /* The wider forms consume little-endian data: X over 8 bytes, then B. */
    c = ~0u;
    asm("crc32x %w0, %w0, %1" : "+r"(c) : "r"(le_bytes(0, 8)));
    asm("crc32b %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(8, 1)));
    check_eq(~c, 0xcbf43926, "crc32x + crc32b over \"123456789\"");
    c = ~0u;
    asm("crc32cx %w0, %w0, %1" : "+r"(c) : "r"(le_bytes(0, 8)));
    asm("crc32cb %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(8, 1)));
    check_eq(~c, 0xe3069283, "crc32cx + crc32cb over \"123456789\"");
    c = ~0u;
    asm("crc32w %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(0, 4)));
    asm("crc32h %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(4, 2)));
    asm("crc32h %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(6, 2)));
    asm("crc32b %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(8, 1)));
    check_eq(~c, 0xcbf43926, "crc32w + crc32h + crc32b over \"123456789\"");
    c = ~0u;
    asm("crc32cw %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(0, 4)));
    asm("crc32ch %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(4, 2)));
    asm("crc32ch %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(6, 2)));
    asm("crc32cb %w0, %w0, %w1" : "+r"(c) : "r"((u32)le_bytes(8, 1)));
    check_eq(~c, 0xe3069283, "crc32cw + crc32ch + crc32cb over \"123456789\"");
    /* Only the low byte/halfword of the data register is used. */
    R2("crc32b %w0, %w1, %w2", 0, 0xffffff00, 0);
    R2("crc32h %w0, %w1, %w2", 0, 0xffff0000, 0);
    /* CRC of a zero seed over zero data stays zero (no implicit inversion). */
    R2("crc32x %w0, %w1, %2", 0, 0, 0);
}

void test_main(void)
{
    count_reverse();
    /* CRC32 instructions need FEAT_CRC32 (ID_AA64ISAR0_EL1.CRC32 = 1, mandatory from v8.1). */
    if (((read_sysreg(id_aa64isar0_el1) >> 16) & 0xf) >= 1) {
        crc();
    } else {
        exc_expect(0);
        asm volatile("crc32b w0, w0, w1" ::: "x0");
        check_eq(exc_taken() ? exc_last.esr : 0, 0x02000000, "crc32b without FEAT_CRC32 is UNDEFINED");
    }
}
