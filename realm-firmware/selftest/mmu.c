/* SPDX-License-Identifier: BSD-3-Clause */
/* mmu.c: self-test of lib/xlat on the real walker: build tables, enable the MMU, probe with AT. */
#include <stdint.h>
#include <arch/barrier.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <lib/bits.h>
#include <lib/mem.h>
#include <lib/printf.h>
#include <lib/xlat.h>
#include "selftest.h"

/* Addresses outside anything the board has, so only the alias mapping can make them work. */
#define ALIAS_VA        UINT64_C(0x0000008000000000)
#define RO_VA           UINT64_C(0x0000008000200000)
#define UNMAPPED_VA     UINT64_C(0x0000009000000000)
#define PAS_VA          UINT64_C(0x0000008000400000)   /* + 4KB per PA space below */

/* PAR_EL1 after a successful AT: NS is bit 9, NSE bit 11 with FEAT_RME, RES1 without it
 * (Arm ARM D23.2.118). */
#define PAR_NS          BIT(9)
#define PAR_NSE         BIT(11)

static uint8_t pool[16 * XLAT_GRANULE] __attribute__((aligned(XLAT_GRANULE)));
static uint8_t page[XLAT_GRANULE] __attribute__((aligned(XLAT_GRANULE)));
static struct xlat_ctx ctx;
static int mmu_on;

const struct xlat_ctx *selftest_mmu_ctx(void)
{
    return mmu_on ? &ctx : NULL;
}

/* AT S1E<el>{R,W}: returns PAR_EL1 (Arm ARM C5.5 "AT S1E3R" etc.). */
static uint64_t at_probe(unsigned int el, uint64_t va, int write)
{
    if (el == 3) {
        if (write) {
            __asm__ volatile("at s1e3w, %0" : : "r"(va));
        } else {
            __asm__ volatile("at s1e3r, %0" : : "r"(va));
        }
    } else if (el == 2) {
        if (write) {
            __asm__ volatile("at s1e2w, %0" : : "r"(va));
        } else {
            __asm__ volatile("at s1e2r, %0" : : "r"(va));
        }
    } else if (write) {
        __asm__ volatile("at s1e1w, %0" : : "r"(va));
    } else {
        __asm__ volatile("at s1e1r, %0" : : "r"(va));
    }
    isb();
    return read_sysreg(PAR_EL1);
}

void selftest_mmu(void)
{
    static const enum xlat_regime regimes[4] = {
        XLAT_REGIME_EL1, XLAT_REGIME_EL1, XLAT_REGIME_EL2, XLAT_REGIME_EL3,
    };
    unsigned int el = current_el();
    volatile uint32_t *alias = (volatile uint32_t *)(uintptr_t)ALIAS_VA;
    uint64_t par;
    /* ID_AA64PFR0_EL1.RME, bits [55:52] (Arm ARM D23.2.67). */
    int rme = FIELD_GET(read_sysreg(ID_AA64PFR0_EL1), 52, 4) != 0;
    int ok;

    if (el == 0 || (el == 2 && (read_sysreg(HCR_EL2) & BIT(34)))) {
        printf("SKIP: MMU test needs EL1, EL2 with E2H=0 or EL3\n");
        return;
    }
    ok = xlat_init(&ctx, regimes[el], pool, sizeof(pool), (uintptr_t)pool) == XLAT_OK;
    /* Identity maps for what runs after the switch: flash (the -bios image executes there),
     * the UART, and 1GB of RAM as one block. */
    ok = ok && xlat_map(&ctx, 0, 0, 0x04000000, XLAT_CODE) == XLAT_OK;
    ok = ok && xlat_map(&ctx, 0x09000000, 0x09000000, XLAT_GRANULE, XLAT_MMIO) == XLAT_OK;
    ok = ok && xlat_map(&ctx, 0x40000000, 0x40000000, 0x40000000, XLAT_CODE | XLAT_RW) == XLAT_OK;
    ok = ok && xlat_map(&ctx, ALIAS_VA, (uintptr_t)page, XLAT_GRANULE, XLAT_DATA) == XLAT_OK;
    ok = ok && xlat_map(&ctx, RO_VA, (uintptr_t)page, XLAT_GRANULE, XLAT_RODATA) == XLAT_OK;
    ok = ok && xlat_map(&ctx, PAS_VA, (uintptr_t)page, XLAT_GRANULE, XLAT_DATA | XLAT_PAS_NS) ==
         XLAT_OK;
    if (el == 3 && rme) {
        ok = ok && xlat_map(&ctx, PAS_VA + XLAT_GRANULE, (uintptr_t)page, XLAT_GRANULE,
                            XLAT_DATA | XLAT_PAS_ROOT) == XLAT_OK;
        ok = ok && xlat_map(&ctx, PAS_VA + 2 * XLAT_GRANULE, (uintptr_t)page, XLAT_GRANULE,
                            XLAT_DATA | XLAT_PAS_REALM) == XLAT_OK;
    }
    check(ok, "xlat tables built");
    if (!ok) {
        return;
    }
    mmu_on = mmu_enable(&ctx) == XLAT_OK;
    check(mmu_on, "MMU enabled with the built tables");
    printf("MMU on at EL%u, %zu tables used\n", el, ctx.used_tables);

    page[0] = 0;
    *alias = 0x5a5aa5a5u;
    dsb(sy);
    check(*(volatile uint32_t *)page == 0x5a5aa5a5u, "write through the alias lands in the page");
    par = at_probe(el, ALIAS_VA, 1);
    check(!(par & 1) && (par & XLAT_DESC_OA_MASK) == (uintptr_t)page, "AT: alias maps the page");
    par = at_probe(el, RO_VA, 0);
    check(!(par & 1) && (par & XLAT_DESC_OA_MASK) == (uintptr_t)page, "AT: read-only alias reads");
    par = at_probe(el, RO_VA, 1);
    /* PAR_EL1.F = 1 and FST = 0b0011xx: permission fault (Arm ARM D23.2.118). */
    check((par & 1) && ((par >> 1) & 0x3c) == 0x0c, "AT: write to read-only alias faults");
    par = at_probe(el, UNMAPPED_VA, 0);
    check((par & 1) && ((par >> 1) & 0x3c) == 0x04, "AT: unmapped address has a translation fault");
    if (el != 3) {
        return;
    }
    /* At EL3 the descriptor's NS (and, with RME, NSE) bits choose the output PA space, and AT
     * reports the space it used. */
    par = at_probe(el, ALIAS_VA, 0);
    check(!(par & 1) && !(par & PAR_NS) && (!rme || !(par & PAR_NSE)),
          "AT: EL3 mapping without NS/NSE is Secure");
    par = at_probe(el, PAS_VA, 0);
    check(!(par & 1) && (par & PAR_NS) && (!rme || !(par & PAR_NSE)),
          "AT: NS bit gives the Non-secure PAS");
    if (!rme) {
        /* Without RME, PAR_EL1 bit 11 is RES1, not NSE. */
        printf("SKIP: no FEAT_RME, Root and Realm PA spaces not probed\n");
        return;
    }
    par = at_probe(el, PAS_VA + XLAT_GRANULE, 0);
    check(!(par & 1) && !(par & PAR_NS) && (par & PAR_NSE), "AT: NSE alone gives the Root PAS");
    par = at_probe(el, PAS_VA + 2 * XLAT_GRANULE, 0);
    check(!(par & 1) && (par & PAR_NS) && (par & PAR_NSE), "AT: NSE and NS give the Realm PAS");
}
