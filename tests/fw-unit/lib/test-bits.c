/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-bits.c: BIT, GENMASK and the FIELD_* helpers against bit-by-bit constructions. */
#include <stdint.h>
#include <lib/bits.h>
#include "fwtest.h"

static uint64_t mask_by_bits(int hi, int lo)
{
    uint64_t m = 0;

    for (int b = lo; b <= hi; b++) {
        m |= (uint64_t)1 << b;
    }
    return m;
}

int main(void)
{
    unsigned long long seed = 0x3f84d5b5b5470917ull;

    for (int b = 0; b < 64; b++) {
        CHECK(BIT(b) == (uint64_t)1 << b, "BIT(%d)", b);
    }
    for (int hi = 0; hi < 64; hi++) {
        for (int lo = 0; lo <= hi; lo++) {
            CHECK(GENMASK(hi, lo) == mask_by_bits(hi, lo), "GENMASK(%d, %d)", hi, lo);
        }
    }
    for (int i = 0; i < 100000; i++) {
        uint64_t v = fwtest_rand(&seed);
        uint64_t f = fwtest_rand(&seed);
        int shift = (int)(fwtest_rand(&seed) % 64);
        int width = 1 + (int)(fwtest_rand(&seed) % (uint64_t)(64 - shift));
        uint64_t m = mask_by_bits(shift + width - 1, shift);
        uint64_t fm = mask_by_bits(width - 1, 0);

        CHECK(FIELD_MASK(shift, width) == m, "FIELD_MASK(%d, %d)", shift, width);
        CHECK(FIELD_GET(v, shift, width) == ((v & m) >> shift), "FIELD_GET(%d, %d)", shift, width);
        CHECK(FIELD_PREP(f, shift, width) == ((f & fm) << shift), "FIELD_PREP(%d, %d)", shift,
              width);
        CHECK(FIELD_SET(v, f, shift, width) == ((v & ~m) | ((f & fm) << shift)),
              "FIELD_SET(%d, %d)", shift, width);
        CHECK(FIELD_GET(FIELD_SET(v, f, shift, width), shift, width) == (f & fm), "round trip");
    }
    for (uint64_t a = 1; a <= (UINT64_C(1) << 30); a <<= 1) {
        uint64_t x = fwtest_rand(&seed) >> 2;

        CHECK(ALIGN_DOWN(x, a) == x - x % a, "ALIGN_DOWN %llu", (unsigned long long)a);
        CHECK(ALIGN_UP(x, a) == (x % a ? x - x % a + a : x), "ALIGN_UP %llu",
              (unsigned long long)a);
        CHECK(IS_ALIGNED(x, a) == (x % a == 0), "IS_ALIGNED");
        CHECK(IS_ALIGNED(ALIGN_DOWN(x, a), a), "aligned result");
    }
    return fwtest_report("fw-lib-bits");
}
