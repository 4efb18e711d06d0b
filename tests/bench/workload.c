/* SPDX-License-Identifier: GPL-2.0-or-later */
/* workload.c: a CPU-bound bare-metal workload for scripts/bench: integer arithmetic loops,
 * memory copy, byte search and data-dependent branches. Returns 0 when the checksums match the
 * values computed by the same code on the host (so both emulators must compute them right). */
#include <stddef.h>
#include <stdint.h>

#define BUF 65536

static uint8_t src[BUF], dst[BUF];

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

static uint64_t int_loop(unsigned n)
{
    uint64_t a = 1, b = 2, acc = 0;
    for (unsigned i = 0; i < n; i++) {
        a = a * 3 + (b >> 3);
        b ^= a << 7 | a >> 57;
        acc += (a & 0xff) < 0x80 ? a : b;
        acc = (acc << 1) | (acc >> 63);
    }
    return acc;
}

static void copy(uint8_t *d, const uint8_t *s, size_t n)
{
    /* 8 bytes at a time: the buffers are aligned (the MMU may be off: Device memory) */
    for (size_t i = 0; i < n; i += 8) {
        *(uint64_t *)(d + i) = *(const uint64_t *)(s + i);
    }
}

static size_t count_byte(const uint8_t *p, size_t n, uint8_t c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        k += p[i] == c;
    }
    return k;
}

static uint64_t branches(unsigned n)
{
    uint64_t s = 12345, acc = 0;
    for (unsigned i = 0; i < n; i++) {
        uint64_t r = lcg(&s);
        switch (r & 7) {
        case 0: acc += r; break;
        case 1: acc ^= r; break;
        case 2: acc -= r >> 3; break;
        case 3: acc = acc * 5 + 1; break;
        case 4: acc |= r & 0xf0; break;
        default: acc += 7; break;
        }
    }
    return acc;
}

uint64_t workload(unsigned scale)
{
    uint64_t s = 1, sum = 0;
    for (size_t i = 0; i < BUF; i++) {
        src[i] = (uint8_t)lcg(&s);
    }
    for (unsigned r = 0; r < scale; r++) {
        sum += int_loop(20000);
        copy(dst, src, BUF);
        sum += count_byte(dst, BUF, (uint8_t)r);
        sum += branches(20000);
    }
    return sum;
}

#ifndef BENCH_HOST
#ifndef BENCH_EXPECTED
#error "BENCH_EXPECTED (the host-computed checksum) must be defined"
#endif
int main(void)
{
    return workload(BENCH_SCALE) == BENCH_EXPECTED ? 0 : 1;
}
#else
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    printf("0x%llxull\n", (unsigned long long)workload((unsigned)atoi(argv[1])));
    return 0;
}
#endif
