/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Spot checks of A64 logical, move-wide, bitfield, extract and shift instructions. */
#include "isa.h"

/* Logical (shifted register and bitmask immediate), Arm ARM C6.2: AND, ORR, EOR, BIC, ORN, EON, ANDS. */
static void logical(void)
{
    R2("and %0, %1, %2", 0xff00ff00ff00ff00ULL, 0x0ff00ff00ff00ff0ULL, 0x0f000f000f000f00ULL);
    R2("orr %0, %1, %2", 0xf0, 0x0f, 0xff);
    R2("eor %0, %1, %2", 0xffff0000ffff0000ULL, 0xff00ff00ff00ff00ULL, 0x00ffff0000ffff00ULL);
    R2("bic %0, %1, %2", 0xff, 0x0f, 0xf0);
    R2("orn %0, %1, %2", 0, 0xffffffff00000000ULL, 0x00000000ffffffffULL);
    R2("eon %0, %1, %2", 0x1234, 0x1234, ~0ULL);
    R2("orn %w0, %w1, %w2", 0, 0xffff0000, 0x0000ffff);
    R2("and %0, %1, %2, lsl #8", 0xff00, 0xff, 0xff00);
    R2("orr %0, %1, %2, ror #4", 0, 0xf, 0xf000000000000000ULL);
    R2("eor %w0, %w1, %w2, asr #4", 0, 0x80000000, 0xf8000000);
    R2("bic %0, %1, %2, lsr #60", 0xff, 0xf000000000000000ULL, 0xf0);
    R1("and %0, %1, #0xff00ff00ff00ff00", ~0ULL, 0xff00ff00ff00ff00ULL);
    R1("orr %w0, %w1, #0x55555555", 0, 0x55555555);
    R1("eor %0, %1, #0x8000000000000001", 0, 0x8000000000000001ULL);
    R1("and %0, %1, #0xfffffffffffffffe", 0x1234567, 0x1234566);
    R1("orr %0, %1, #0x3ffff0", 0, 0x3ffff0);
    R1("eor %w0, %w1, #0xf0f0f0f0", 0xffffffff, 0x0f0f0f0f);
    /* ANDS: N and Z from the result, C and V cleared (C6.2.13). */
    R2F("ands %0, %2, %3", 0x8000000000000000ULL, ~0ULL, 0x8000000000000000ULL, 8);
    R2F("ands %0, %2, %3", 0xf0, 0x0f, 0, 4);
    R2F("msr nzcv, %3\n\tands %w0, %w2, #0x80000000", 0x80000000, 0x30000000, 0x80000000, 8);
    R2F("msr nzcv, %3\n\tbics %0, %2, %2", 5, 0xf0000000, 0, 4);
    R2F("msr nzcv, %3\n\tbics %w0, %w2, %w3", 0xffffffff, 0x30000000, 0xcfffffff, 8);
}

/* MOVZ, MOVN, MOVK (C6.2.190-C6.2.192). */
static void move_wide(void)
{
    R1("movz %0, #0x1234, lsl #32", 0, 0x123400000000ULL);
    R1("movz %w0, #0xabcd, lsl #16", 0, 0xabcd0000);
    R1("movn %0, #0", 0, ~0ULL);
    R1("movn %0, #0x1234, lsl #48", 0, 0xedcbffffffffffffULL);
    R1("movn %w0, #0x1234, lsl #16", 0, 0xedcbffff);
    R1("movn %w0, #0", 0, 0xffffffff);
    RM("movk %0, #0xbeef", 0x1111222233334444ULL, 0, 0x111122223333beefULL);
    RM("movk %0, #0xdead, lsl #48", 0x1111222233334444ULL, 0, 0xdead222233334444ULL);
    RM("movk %w0, #0x5678, lsl #16", 0xffffffffffffffffULL, 0, 0x5678ffff);
    R1("mov %0, #-2", 0, ~1ULL);
    R1("mov %w0, #-2", 0, 0xfffffffe);
}

/* Bitfield moves and their aliases (C6.2.29 BFM, C6.2.238 SBFM, C6.2.346 UBFM), EXTR. */
static void bitfield(void)
{
    R1("ubfx %0, %1, #8, #12", 0x123456789abcdef0ULL, 0xcde);
    R1("ubfx %0, %1, #63, #1", 0x8000000000000000ULL, 1);
    R1("ubfx %w0, %w1, #28, #4", 0xa0000000, 0xa);
    R1("sbfx %0, %1, #4, #8", 0xf80, 0xfffffffffffffff8ULL);
    R1("sbfx %0, %1, #4, #8", 0x780, 0x78);
    R1("sbfx %w0, %w1, #0, #16", 0x8000, 0xffff8000);
    RM("bfi %0, %1, #16, #8", ~0ULL, 0x12, 0xffffffffff12ffffULL);
    RM("bfi %w0, %w1, #28, #4", 0, 0xff, 0xf0000000);
    RM("bfxil %0, %1, #8, #8", 0, 0xabcd, 0xab);
    RM("bfxil %0, %1, #60, #4", 0x1111111111111111ULL, 0xa000000000000000ULL, 0x111111111111111aULL);
    RM("bfc %0, #8, #16", ~0ULL, 0, 0xffffffffff0000ffULL);
    R1("ubfiz %0, %1, #4, #4", 0xff, 0xf0);
    R1("ubfiz %0, %1, #32, #32", 0xffffffffffffffffULL, 0xffffffff00000000ULL);
    R1("sbfiz %0, %1, #60, #4", 0x8, 0x8000000000000000ULL);
    R1("sbfiz %0, %1, #8, #4", 0xc, 0xfffffffffffffc00ULL);
    R1("sxtb %0, %w1", 0x80, 0xffffffffffffff80ULL);
    R1("sxth %0, %w1", 0x8000, 0xffffffffffff8000ULL);
    R1("sxtw %0, %w1", 0x80000000, 0xffffffff80000000ULL);
    R1("sxtw %0, %w1", 0x123456789ULL, 0x23456789);
    R1("sxtb %w0, %w1", 0xff, 0xffffffff);
    R1("uxtb %w0, %w1", 0x1ff, 0xff);
    R1("uxth %w0, %w1", 0x12345, 0x2345);
    R1("mov %w0, %w1", 0xffffffffffffffffULL, 0xffffffff);
    R2("extr %0, %1, %2, #16", 0x1111222233334444ULL, 0x5555666677778888ULL, 0x4444555566667777ULL);
    R2("extr %w0, %w1, %w2, #8", 0x11223344, 0x55667788, 0x44556677);
    R2("extr %0, %1, %2, #0", 0x1, 0x2, 0x2);
}

/* Shifts by register take the amount modulo the data size (C6.2.179 LSLV etc.). */
static void shifts(void)
{
    R2("lslv %0, %1, %2", 1, 65, 2);
    R2("lsrv %0, %1, %2", 0x8000000000000000ULL, 63, 1);
    R2("asrv %0, %1, %2", 0x8000000000000000ULL, 63, ~0ULL);
    R2("asrv %0, %1, %2", 0x4000000000000000ULL, 62, 1);
    R2("rorv %0, %1, %2", 1, 1, 0x8000000000000000ULL);
    R2("rorv %0, %1, %2", 0x0123456789abcdefULL, 128 + 16, 0xcdef0123456789abULL);
    R2("lslv %w0, %w1, %w2", 1, 33, 2);
    R2("lsrv %w0, %w1, %w2", 0x80000000, 31, 1);
    R2("asrv %w0, %w1, %w2", 0x80000000, 31, 0xffffffff);
    R2("rorv %w0, %w1, %w2", 1, 4, 0x10000000);
    R2("lslv %0, %1, %2", 0xff, 0, 0xff);
    R1("lsl %0, %1, #63", 3, 0x8000000000000000ULL);
    R1("lsr %0, %1, #4", 0xf0, 0xf);
    R1("asr %0, %1, #8", 0xff00000000000000ULL, 0xffff000000000000ULL);
    R1("ror %0, %1, #8", 0xff, 0xff00000000000000ULL);
    R1("lsl %w0, %w1, #31", 3, 0x80000000);
    R1("asr %w0, %w1, #16", 0x80000000, 0xffff8000);
    R1("ror %w0, %w1, #16", 0x12345678, 0x56781234);
}

void test_main(void)
{
    logical();
    move_wide();
    bitfield();
    shifts();
}
