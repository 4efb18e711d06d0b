/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The EL3 regime and Secure EL1&0: NS/NSTable select the PA space, faults, AT S1E3, TLBI. */
#include "mmu-lib.h"

/*
 * Runs at EL3 on -M virt,secure=on,virtualization=on (no RME: EL3 is in Secure state).
 * Arm ARM D8.1 (the EL3 regime), D8.3.2 (NS in block/page descriptors, NSTable in table
 * descriptors of Secure-state regimes: the output and later walks use the Non-secure PA space),
 * D7.7 PAR_EL1.NS.  The virt board's secure RAM (0x0e000000) exists only in the Secure physical
 * view: a Non-secure access there is an external abort (DFSC 0b010000).
 */
#define RAM     0x40000000ULL
#define RAM_SZ  0x08000000ULL
#define UART    0x09000000ULL
#define SECRAM  0x0e000000ULL
#define WIN     0x200000000ULL
#define FSC_SEA 0x10
#define ESR_EA  (1ULL << 9)

static u64 at3(u64 va, int write)
{
    if (write) {
        asm volatile("at s1e3w, %0\n\tisb" :: "r"(va) : "memory");
    } else {
        asm volatile("at s1e3r, %0\n\tisb" :: "r"(va) : "memory");
    }
    return read_sysreg(par_el1);
}

/* A load from va at EL3 is a synchronous external abort (EA is IMPLEMENTATION DEFINED). */
static void expect_sea(const char *what, u64 va)
{
    exc_expect(0);
    (void)ld64(va);
    check_true(exc_taken(), "%s: data abort", what);
    check_eq(exc_last.el, 3, "%s: to EL3", what);
    check_eq(exc_last.esr & ESR_DABT_MASK & ~ESR_EA, ((u64)EC_DABT_CUR << 26) | ESR_IL | FSC_SEA,
             "%s: ESR (synchronous external abort)", what);
    check_eq(exc_last.far, va, "%s: FAR", what);
}

static pt_t s1e10;

static u64 el1_secure(u64 va)
{
    return ld64(va);
}

void test_main(void)
{
    pt_t p;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_XN;

    if (start_el != 3) {
        skip("expects to start at EL3 (-M virt,secure=on,virtualization=on)");
        return;
    }
    if (((read_sysreg(id_aa64pfr0_el1) >> 52) & 0xf) != 0) {
        skip("written for a CPU without RME (EL3 in Secure state)");
        return;
    }
    pool_reset();
    u64 q0 = pool_alloc(0x1000, 0x1000);
    st64(q0, 0x3333);
    st64(SECRAM, 0x5ec5ec);
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_XN);
    pt_map(&p, WIN, SECRAM, 3, attrs);                       /* Secure PA */
    pt_map(&p, WIN + 0x1000, SECRAM, 3, attrs | S1_NS);      /* Non-secure PA */
    pt_map(&p, WIN + 0x2000, q0, 3, attrs | S1_AP_RO | S1_NS);
    pt_map(&p, WIN + 0x4000, q0, 3, attrs & ~S1_AF);
    /* NSTable = 1 on the table of the next 2 MiB: the leaf NS = 0 is ignored there. */
    u64 w2 = WIN + 0x200000;
    (void)pt_slot(&p, w2, 3, T_NS);
    pt_map(&p, w2, SECRAM, 3, attrs);
    pt_map(&p, w2 + 0x1000, q0, 3, attrs);
    dsb_sy();
    write_sysreg(MAIR_VALUE, mair_el3);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31) | (1 << 23),
                 tcr_el3);
    write_sysreg(p.root, ttbr0_el3);
    isb();
    asm volatile("tlbi alle3\n\tdsb ish\n\tisb" ::: "memory");
    write_sysreg(read_sysreg(sctlr_el3) | 1 | (1 << 2) | (1 << 12), sctlr_el3);
    isb();

    check_eq(ld64(WIN), 0x5ec5ec, "EL3: NS = 0 page reads secure RAM");
    expect_sea("EL3: NS = 1 page to secure RAM", WIN + 0x1000);
    check_eq(ld64(WIN + 0x2000), 0x3333, "EL3: NS = 1 page to normal RAM");
    expect_dabt_at("EL3: store to a read-only page", WIN + 0x2000, 1, EC_DABT_CUR, FSC_PERM(3), 3);
    expect_dabt_at("EL3: invalid page", WIN + 0x3000, 0, EC_DABT_CUR, FSC_TRANS(3), 3);
    expect_dabt_at("EL3: AF 0", WIN + 0x4000, 0, EC_DABT_CUR, FSC_AF(3), 3);
    expect_sea("EL3: under NSTable, NS = 0 leaf is Non-secure", w2);
    check_eq(ld64(w2 + 0x1000), 0x3333, "EL3: under NSTable, normal RAM");

    /* AT S1E3R/W: PAR_EL1.NS follows the output PA space */
    u64 par = at3(WIN + 0x10, 0);
    check_eq(par & 0x0000fffffffff201ULL, SECRAM, "EL3: AT S1E3R Secure page: PA, NS 0, F 0");
    par = at3(WIN + 0x1010, 0);
    check_eq(par & 0x0000fffffffff201ULL, SECRAM | (1 << 9), "EL3: AT S1E3R NS page: NS 1");
    check_eq(at3(w2, 0) & 0x0000fffffffff201ULL, SECRAM | (1 << 9), "EL3: AT under NSTable: NS 1");
    check_eq(at3(WIN + 0x2000, 1) & 0x7f, (FSC_PERM(3) << 1) | 1, "EL3: AT S1E3W RO: FST");

    /* TLBI VAE3 and ALLE3 after break-before-make */
    *pt_slot(&p, WIN, 3, 0) = 0;
    asm volatile("dsb ishst\n\ttlbi vae3, %0\n\tdsb ish\n\tisb" :: "r"(WIN >> 12) : "memory");
    expect_dabt_at("EL3: after TLBI VAE3", WIN, 0, EC_DABT_CUR, FSC_TRANS(3), 3);
    pt_map(&p, WIN, q0, 3, attrs);
    asm volatile("dsb ishst\n\ttlbi alle3\n\tdsb ish\n\tisb" ::: "memory");
    check_eq(ld64(WIN), 0x3333, "EL3: remapped after TLBI ALLE3");
    write_sysreg(read_sysreg(sctlr_el3) & ~1ULL, sctlr_el3);
    isb();

    /* Secure EL1&0 (SCR_EL3.NS = 0): the NS bit of its stage 1 selects the PA space too. */
    pt_init(&s1e10, 12, 39, -1);
    pt_identity(&s1e10, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&s1e10, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    pt_map(&s1e10, WIN, SECRAM, 3, S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN);
    pt_map(&s1e10, WIN + 0x1000, SECRAM, 3, S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN | S1_NS);
    dsb_sy();
    u64 scr = read_sysreg(scr_el3);
    write_sysreg(scr & ~1ULL, scr_el3);
    isb();
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg(s1e10.root, ttbr0_el1);
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();
    asm volatile("tlbi alle1\n\tdsb ish\n\tisb" ::: "memory");
    check_eq(call_at_el(1, el1_secure, WIN), 0x5ec5ec, "S-EL1: NS = 0 page reads secure RAM");
    asm volatile("at s1e1r, %0\n\tisb" :: "r"(WIN + 0x1000) : "memory");
    check_eq(read_sysreg(par_el1) & 0x0000fffffffff201ULL, SECRAM | (1 << 9),
             "S-EL1: AT S1E1R of an NS = 1 page: NS 1");
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    write_sysreg(scr, scr_el3);
    isb();
}
