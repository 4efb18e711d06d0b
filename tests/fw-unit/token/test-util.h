/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-util.h: hex helpers for the CBOR/COSE/token host tests (checks come from fwtest.h). */
#ifndef TEST_TOKEN_UTIL_H
#define TEST_TOKEN_UTIL_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fwtest.h"

/* Parses hex (whitespace ignored) into out; returns the byte count or exits on bad input, as a
 * broken table is a bug in the test itself. */
static inline size_t test_unhex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    int hi = -1;

    for (const char *p = hex; *p; p++) {
        int v;
        if (*p == ' ' || *p == '\n') {
            continue;
        }
        if (*p >= '0' && *p <= '9') {
            v = *p - '0';
        } else if (*p >= 'a' && *p <= 'f') {
            v = *p - 'a' + 10;
        } else if (*p >= 'A' && *p <= 'F') {
            v = *p - 'A' + 10;
        } else {
            fprintf(stderr, "bad hex in test table: %s\n", hex);
            exit(2);
        }
        if (hi < 0) {
            hi = v;
        } else {
            if (n >= cap) {
                fprintf(stderr, "hex too long for buffer: %s\n", hex);
                exit(2);
            }
            out[n++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    if (hi >= 0) {
        fprintf(stderr, "odd hex length: %s\n", hex);
        exit(2);
    }
    return n;
}

static inline void test_hex(const uint8_t *p, size_t n, char *out, size_t cap)
{
    size_t i;

    for (i = 0; i < n && 2 * i + 2 < cap; i++) {
        snprintf(out + 2 * i, 3, "%02x", p[i]);
    }
    out[2 * i] = '\0';
}

#endif
