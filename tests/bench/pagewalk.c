/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pagewalk.c: a page-table-heavy workload for scripts/bench: one load and store per 4K page over
 * 256 MiB in a scrambled order, the TLB invalidated before every pass, so each access misses. */
#include <stdint.h>

#define PW_PAGES    65536u              /* 256 MiB of 4K pages */
#ifdef BENCH_HOST
static uint64_t host_slots[PW_PAGES];
#define SLOT(page)  (&host_slots[page])
#else
#define PW_BASE     0x48000000ULL       /* identity-mapped by mmu.c; the image ends far below */
#define SLOT(page)  ((volatile uint64_t *)(PW_BASE + ((uint64_t)(page) << 12) + \
                                           (((page) & 63) << 6)))
#endif

uint64_t pagewalk(unsigned passes)
{
    uint64_t sum = 0;
    for (unsigned pass = 0; pass < passes; pass++) {
#ifndef BENCH_HOST
        /* QEMU grows its TLB to hold every page; invalidating makes both emulators miss */
        asm volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
#endif
        for (uint32_t k = 0; k < PW_PAGES; k++) {
            /* an odd multiplier permutes the pages: consecutive accesses are far apart */
            uint32_t page = (k * 40503u + pass * 977u) & (PW_PAGES - 1);
            volatile uint64_t *p = SLOT(page);
            uint64_t v = pass ? *p : page * 0x9e3779b97f4a7c15ull;
            sum = sum * 31 + v;
            *p = v ^ (sum >> 7);
        }
    }
    return sum;
}

#ifndef BENCH_HOST
#ifndef BENCH_EXPECTED
#error "BENCH_EXPECTED (the host-computed checksum) must be defined"
#endif
int main(void)
{
    return pagewalk(BENCH_SCALE) == BENCH_EXPECTED ? 0 : 1;
}
#else
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    printf("0x%llxull\n", (unsigned long long)pagewalk((unsigned)atoi(argv[1])));
    return 0;
}
#endif
