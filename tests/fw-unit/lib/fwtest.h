/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fwtest.h: minimal check macros for the realm-firmware host tests (exit status = verdict). */
#ifndef FWTEST_H
#define FWTEST_H
#include <stdio.h>
#include <stdlib.h>

static int fwtest_checks;
static int fwtest_failures;

#define CHECK(cond, ...) do { \
        fwtest_checks++; \
        if (!(cond)) { \
            fwtest_failures++; \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
        } \
    } while (0)

static inline int fwtest_report(const char *name)
{
    printf("%s: %d checks, %d failures\n", name, fwtest_checks, fwtest_failures);
    return fwtest_failures ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* xorshift64*: a reproducible generator; tests print their seed so failures can be replayed. */
static inline unsigned long long fwtest_rand(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dull;
}

#endif
