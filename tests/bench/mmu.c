/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mmu.c: set-up of the MMU-on benchmark images: the EL3 Granule Protection Table (RAM Non-secure)
 * and the NS-EL1 stage-1 tables (4K pages, levels 1-3) that identity-map the RAM. */
#include <stdint.h>

typedef uint64_t u64;

#define RAM_BASE    0x40000000ULL
#define RAM_END     0x60000000ULL   /* -m 512 */
#define GPT_L0      0x5bff0000ULL   /* the GPT lives at the top of RAM, away from the workloads */
#define GPT_L1      0x5c000000ULL   /* 64 MiB aligned: fits the level-1 table of any L0GPTSZ */
#define GPT_PPS     32              /* GPCCR_EL3.PPS = 0: 4 GB */
#define GPT_PGS     12              /* GPCCR_EL3.PGS = 0: 4 KB granules */

#ifndef BENCH_GPC
#define BENCH_GPC   1               /* 0: build and install the GPT but leave GPCCR_EL3.GPC = 0 */
#endif

#define GPI_NS      0x9ULL
#define GPI_ANY     0xfULL

#define read_sysreg(r) ({ u64 v_; asm volatile("mrs %0, " #r : "=r"(v_)); v_; })
#define write_sysreg(r, v) asm volatile("msr " #r ", %0" :: "r"((u64)(v)) : "memory")

extern char _start[], el3_text_end[];

static u64 all_granules(u64 gpi)
{
    u64 d = 0;
    for (int i = 0; i < 16; i++) {
        d |= gpi << (4 * i);
    }
    return d;
}

/*
 * Called at EL3 with the MMU off. Level 0: a GPI Any block for every region without RAM (the
 * devices), a table for the region holding RAM. Level 1: granules descriptors, GPI Any below
 * RAM, GPI Non-secure for RAM except the EL3 code of mmu-start.S (GPI Any). The tables are built
 * without FEAT_RME too (the rme=off run does the same start-up); only with it is GPTBR_EL3
 * written and the GPCCR_EL3 value for mmu-start.S returned (GPC = 0 when BENCH_GPC is 0).
 */
u64 gpt_build(void)
{
    int rme = ((read_sysreg(id_aa64pfr0_el1) >> 52) & 0xf) != 0;
    unsigned l0 = rme ? 30 + (unsigned)((read_sysreg(s3_6_c2_c1_6) >> 20) & 0xf) : 30;
    u64 n0 = GPT_PPS > l0 ? 1ULL << (GPT_PPS - l0) : 1;
    volatile u64 *t0 = (volatile u64 *)GPT_L0, *t1 = (volatile u64 *)GPT_L1;
    u64 table_base = 0;

    for (u64 i = 0; i < n0; i++) {
        u64 base = i << l0, end = base + (1ULL << l0);
        if (end <= RAM_BASE || base >= RAM_END) {
            t0[i] = (GPI_ANY << 4) | 1;
            continue;
        }
        table_base = base;
        for (u64 pa = base; pa < end && pa < RAM_END; pa += 16ULL << GPT_PGS) {
            t1[(pa - base) >> (GPT_PGS + 4)] = all_granules(pa < RAM_BASE ? GPI_ANY : GPI_NS);
        }
        t0[i] = GPT_L1 | 3;
    }
    for (u64 pa = (u64)_start & ~0xfffULL; pa < (u64)el3_text_end; pa += 1ULL << GPT_PGS) {
        volatile u64 *d = &t1[(pa - table_base) >> (GPT_PGS + 4)];
        unsigned sh = 4 * (unsigned)((pa >> GPT_PGS) & 15);
        *d = (*d & ~(0xfULL << sh)) | (GPI_ANY << sh);
    }
    if (!rme) {
        return 0;
    }
    asm volatile("dsb sy" ::: "memory");
    write_sysreg(s3_6_c2_c1_4, GPT_L0 >> 12);                  /* GPTBR_EL3 */
    /* PPS 4 GB, IRGN/ORGN write-back, SH inner shareable, PGS 4 KB, GPC */
    return (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | (BENCH_GPC ? 1ULL << 16 : 0);
}

/* EL1 stage 1: 39-bit VA, level 1 -> level 2 -> 256 level-3 tables covering RAM with 4K pages */
static u64 s1_l1[512] __attribute__((aligned(4096)));
static u64 s1_l2[512] __attribute__((aligned(4096)));
static u64 s1_l3[(RAM_END - RAM_BASE) >> 21][512] __attribute__((aligned(4096)));

#define PAGE_NORMAL ((1ULL << 10) | (3ULL << 8) | (0ULL << 2) | 3)   /* AF, inner shareable */
#define BLOCK_DEVICE ((1ULL << 54) | (1ULL << 53) | (1ULL << 10) | (1ULL << 2) | 1)

void mmu_on(void)
{
    u64 n2 = (RAM_END - RAM_BASE) >> 21;

    for (u64 i = 0; i < 512; i++) {
        s1_l1[i] = 0;
        s1_l2[i] = 0;
    }
    for (u64 i = 0; i < n2; i++) {
        for (u64 j = 0; j < 512; j++) {
            s1_l3[i][j] = (RAM_BASE + (i << 21) + (j << 12)) | PAGE_NORMAL;
        }
        s1_l2[i] = (u64)s1_l3[i] | 3;
    }
    s1_l1[0] = 0 | BLOCK_DEVICE;                    /* devices, 1 GB block, never executable */
    s1_l1[RAM_BASE >> 30] = (u64)s1_l2 | 3;
    write_sysreg(mair_el1, 0x00ffULL);              /* attr 0 Normal WB, attr 1 Device-nGnRnE */
    /* T0SZ 25 (39 bits, start at level 1), IRGN0/ORGN0 WB, SH0 inner, TG0 4K, EPD1, IPS 40 bits */
    write_sysreg(tcr_el1, 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | (1ULL << 23) |
                 (2ULL << 32));
    write_sysreg(ttbr0_el1, (u64)s1_l1);
    asm volatile("dsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
    write_sysreg(sctlr_el1, 0x30d00800ULL | (1 << 12) | (1 << 2) | 1);     /* I, C, M */
    asm volatile("isb" ::: "memory");
}
