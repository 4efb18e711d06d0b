/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-printf.c: realm-firmware snprintf against the host libc's over generated formats. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <lib/printf.h>
#include "fwtest.h"

#define OUT 512

static char fw_out[OUT], host_out[OUT];

/* Call both implementations with the same arguments, compare text and return value, then again
 * into every shorter buffer to check truncation and that nothing is written past the size. */
#define COMPARE(fmt, ...) do { \
        int fw_n = fw_snprintf(fw_out, OUT, fmt, __VA_ARGS__); \
        int host_n = snprintf(host_out, OUT, fmt, __VA_ARGS__); \
        CHECK(fw_n == host_n && strcmp(fw_out, host_out) == 0, \
              "format \"%s\": got [%s] %d, libc [%s] %d", fmt, fw_out, fw_n, host_out, host_n); \
        for (size_t sz = 0; sz <= (size_t)host_n + 1 && sz < 40; sz++) { \
            char b1[48], b2[48]; \
            memset(b1, '#', sizeof(b1)); \
            memset(b2, '#', sizeof(b2)); \
            fw_n = fw_snprintf(b1, sz, fmt, __VA_ARGS__); \
            host_n = snprintf(b2, sz, fmt, __VA_ARGS__); \
            CHECK(fw_n == host_n && memcmp(b1, b2, sizeof(b1)) == 0, \
                  "format \"%s\" into %zu bytes", fmt, sz); \
        } \
    } while (0)

/* Built with -Wno-format: the cases include conversions gcc rightly flags as odd on purpose. */
static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z", "j", "t" };

/* One integer conversion with the argument type its length modifier demands. */
static void compare_int(const char *fmt, int li, char conv, uint64_t v, int stars, int w, int p)
{
    int is_signed = conv == 'd' || conv == 'i';

#define WITH_STARS(arg) do { \
        if (stars == 0) { \
            COMPARE(fmt, arg); \
        } else if (stars == 1) { \
            COMPARE(fmt, w, arg); \
        } else { \
            COMPARE(fmt, w, p, arg); \
        } \
    } while (0)

    switch (li) {
    case 0:
    case 1:
    case 2:
        if (is_signed) {
            WITH_STARS((int)v);
        } else {
            WITH_STARS((unsigned int)v);
        }
        break;
    case 3:
        if (is_signed) {
            WITH_STARS((long)v);
        } else {
            WITH_STARS((unsigned long)v);
        }
        break;
    case 4:
        if (is_signed) {
            WITH_STARS((long long)v);
        } else {
            WITH_STARS((unsigned long long)v);
        }
        break;
    case 5:
        WITH_STARS((size_t)v);
        break;
    case 6:
        if (is_signed) {
            WITH_STARS((intmax_t)v);
        } else {
            WITH_STARS((uintmax_t)v);
        }
        break;
    default:
        WITH_STARS((ptrdiff_t)v);
        break;
    }
#undef WITH_STARS
}

/* Flags valid for each conversion (others are undefined or ignored by ISO C). */
static const char *flags_for(char conv)
{
    switch (conv) {
    case 'd':
    case 'i':
        return "-0+ ";
    case 'u':
        return "-0+";
    default:
        return "-0#";
    }
}

static void test_integers(unsigned long long *seed)
{
    static const char convs[] = "diuoxX";
    static const uint64_t edges[] = {
        0, 1, 9, 10, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
        0xffffffff, 0x100000000ull, 0x7fffffffffffffffull, 0x8000000000000000ull,
        0xffffffffffffffffull, 1000000000000ull,
    };
    static const char *const widths[] = { "", "1", "5", "21", "*" };
    static const char *const precs[] = { "", ".0", ".1", ".4", ".25", ".*" };

    for (const char *c = convs; *c; c++) {
        const char *fl = flags_for(*c);
        size_t nfl = strlen(fl);

        for (unsigned int fmask = 0; fmask < (1u << nfl); fmask++) {
            for (size_t wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++) {
                for (size_t pi = 0; pi < sizeof(precs) / sizeof(precs[0]); pi++) {
                    for (int li = 0; li < 8; li++) {
                        char fmt[32];
                        char *f = fmt;
                        int stars = (widths[wi][0] == '*') + (precs[pi][1] == '*');

                        *f++ = '<';
                        *f++ = '%';
                        for (size_t k = 0; k < nfl; k++) {
                            if (fmask & (1u << k)) {
                                *f++ = fl[k];
                            }
                        }
                        f += sprintf(f, "%s%s%s%c>", widths[wi], precs[pi], lengths[li], *c);
                        /* With one star it is whichever of width/precision carries it. */
                        int w = (int)(fwtest_rand(seed) % 41) - 20;
                        int p = (int)(fwtest_rand(seed) % 30) - 5;
                        if (stars == 1 && precs[pi][1] == '*') {
                            w = p;
                        }
                        uint64_t v = edges[fwtest_rand(seed) % (sizeof(edges) / sizeof(edges[0]))];
                        compare_int(fmt, li, *c, v, stars, w, p);
                        v = fwtest_rand(seed) >> (fwtest_rand(seed) % 64);
                        compare_int(fmt, li, *c, v, stars, w, p);
                        compare_int(fmt, li, *c, (uint64_t)-(int64_t)v, stars, w, p);
                    }
                }
            }
        }
    }
}

static void test_strings_and_chars(void)
{
    static const char *const strs[] = { "", "a", "hello", "a longer string, 29 characters" };
    char nonterminated[4] = { 'w', 'x', 'y', 'z' };

    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        const char *s = strs[i];

        COMPARE("%s", s);
        COMPARE("[%10s]", s);
        COMPARE("[%-10s]", s);
        COMPARE("[%.3s]", s);
        COMPARE("[%-8.2s]", s);
        COMPARE("[%*s]", 7, s);
        COMPARE("[%*s]", -7, s);
        COMPARE("[%.*s]", 2, s);
        COMPARE("[%.*s]", -1, s);
        COMPARE("[%*.*s]", 12, 4, s);
    }
    /* A precision lets the argument lack a terminator. */
    COMPARE("%.4s|", nonterminated);
    COMPARE("%.2s|", nonterminated);
    for (int c = 1; c < 256; c += 17) {
        COMPARE("%c", c);
        COMPARE("[%5c]", c);
        COMPARE("[%-5c]", c);
        COMPARE("[%*c]", -3, c);
    }
    COMPARE("%%", 0);
    COMPARE("[%5%]", 0);
    COMPARE("%s %d %c %x", "mix", -5, 'z', 255u);
    COMPARE("no conversions at all%s", "");
    COMPARE("%s", "");
}

static void test_pointers(unsigned long long *seed)
{
    for (int i = 0; i < 200; i++) {
        void *p = (void *)(uintptr_t)(fwtest_rand(seed) >> (fwtest_rand(seed) % 60));

        if (!p) {
            continue;   /* glibc prints NULL as "(nil)"; ours prints 0x0 by design */
        }
        COMPARE("%p", p);
        COMPARE("[%20p]", p);
        COMPARE("[%-20p]", p);
    }
}

/* Behaviour that has no libc oracle (our documented choices). */
static void test_own_choices(void)
{
    char b[32];

    CHECK(fw_snprintf(b, sizeof(b), "%p", (void *)0) == 3 && strcmp(b, "0x0") == 0,
          "NULL %%p: %s", b);
    CHECK(fw_snprintf(b, sizeof(b), "a%qb") == 4 && strcmp(b, "a%qb") == 0,
          "unknown conversion kept: %s", b);
    CHECK(fw_snprintf(b, sizeof(b), "tail%") == 5 && strcmp(b, "tail%") == 0,
          "lone %% at end kept: %s", b);
    CHECK(fw_snprintf(NULL, 0, "%d", 12345) == 5, "size 0 with NULL buffer counts");
}

int main(void)
{
    unsigned long long seed = 0x13198a2e03707344ull;

    printf("seed 0x%llx\n", seed);
    test_integers(&seed);
    test_strings_and_chars();
    test_pointers(&seed);
    test_own_choices();
    return fwtest_report("fw-lib-printf");
}
