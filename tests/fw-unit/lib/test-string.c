/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-string.c: realm-firmware mem/str functions against the host libc on random inputs. */
#include <stdint.h>
#include <string.h>
#include <lib/mem.h>
#include "fwtest.h"

#define BUF 256

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void fill(unsigned char *p, size_t n, unsigned long long *seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (unsigned char)fwtest_rand(seed);
    }
}

/* Every (dst offset, src offset, length) inside a buffer, so all alignment paths are taken. */
static void test_copy(unsigned long long *seed)
{
    unsigned char src[BUF], a[BUF], b[BUF];

    for (size_t doff = 0; doff < 16; doff++) {
        for (size_t soff = 0; soff < 16; soff++) {
            for (size_t n = 0; n < 80; n++) {
                fill(src, BUF, seed);
                fill(a, BUF, seed);
                memcpy(b, a, BUF);
                CHECK(fw_memcpy(a + doff, src + soff, n) == a + doff, "memcpy return");
                memcpy(b + doff, src + soff, n);
                CHECK(memcmp(a, b, BUF) == 0, "memcpy d%zu s%zu n%zu", doff, soff, n);

                fill(a, BUF, seed);
                memcpy(b, a, BUF);
                /* Overlapping both ways: source inside the same buffer. */
                CHECK(fw_memmove(a + doff, a + soff + 8, n) == a + doff, "memmove return");
                memmove(b + doff, b + soff + 8, n);
                CHECK(memcmp(a, b, BUF) == 0, "memmove d%zu s%zu n%zu", doff, soff + 8, n);
                fw_memmove(a + soff + 8, a + doff, n);
                memmove(b + soff + 8, b + doff, n);
                CHECK(memcmp(a, b, BUF) == 0, "memmove back d%zu s%zu n%zu", soff + 8, doff, n);

                fw_memset(a + doff, (int)(n * 7 + soff), n);
                memset(b + doff, (int)(n * 7 + soff), n);
                CHECK(memcmp(a, b, BUF) == 0, "memset off %zu n %zu", doff, n);
            }
        }
    }
}

static void test_compare(unsigned long long *seed)
{
    unsigned char a[BUF], b[BUF];
    char sa[64], sb[64];

    for (int iter = 0; iter < 20000; iter++) {
        size_t n = fwtest_rand(seed) % 64;
        size_t diff = fwtest_rand(seed) % 70;
        size_t la = fwtest_rand(seed) % 63;
        size_t lb = fwtest_rand(seed) % 63;
        size_t cmpn = fwtest_rand(seed) % 70;
        int c = (int)(fwtest_rand(seed) % 256);

        fill(a, BUF, seed);
        memcpy(b, a, BUF);
        if (diff < n) {
            b[diff] = (unsigned char)fwtest_rand(seed);
        }
        CHECK(sign(fw_memcmp(a, b, n)) == sign(memcmp(a, b, n)), "memcmp n=%zu", n);
        CHECK(fw_memchr(a, c, n) == memchr(a, c, n), "memchr c=%d n=%zu", c, n);

        /* Strings from a small alphabet (including bytes >= 0x80) so prefixes often match. */
        for (size_t i = 0; i < la; i++) {
            sa[i] = (char)("ab\x80\xff"[fwtest_rand(seed) % 4]);
        }
        for (size_t i = 0; i < lb; i++) {
            sb[i] = (char)("ab\x80\xff"[fwtest_rand(seed) % 4]);
        }
        sa[la] = '\0';
        sb[lb] = '\0';
        if (iter % 3 == 0) {
            memcpy(sb, sa, la + 1);
        }
        CHECK(sign(fw_strcmp(sa, sb)) == sign(strcmp(sa, sb)), "strcmp '%s' '%s'", sa, sb);
        CHECK(sign(fw_strncmp(sa, sb, cmpn)) == sign(strncmp(sa, sb, cmpn)), "strncmp %zu", cmpn);
        CHECK(fw_strlen(sa) == strlen(sa), "strlen");
        CHECK(fw_strnlen(sa, cmpn) == strnlen(sa, cmpn), "strnlen %zu", cmpn);
        CHECK(fw_strchr(sa, c) == strchr(sa, c), "strchr %d", c);
        CHECK(fw_strrchr(sa, c) == strrchr(sa, c), "strrchr %d", c);
        CHECK(fw_strchr(sa, 0) == strchr(sa, 0), "strchr NUL");
    }
}

/* strnlen must not read past max even if there is no terminator: a buffer exactly max long. */
static void test_strnlen_bound(void)
{
    char *p = malloc(8);

    memcpy(p, "abcdefgh", 8);
    CHECK(fw_strnlen(p, 8) == 8, "strnlen unterminated");
    CHECK(fw_strnlen(p, 3) == 3, "strnlen short");
    free(p);
}

int main(void)
{
    unsigned long long seed = 0x243f6a8885a308d3ull;

    printf("seed 0x%llx\n", seed);
    test_copy(&seed);
    test_compare(&seed);
    test_strnlen_bound();
    return fwtest_report("fw-lib-string");
}
