/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Stage 1 at EL1 with 4K, 16K and 64K granules and 39/48-bit VAs: walks, faults, AT, TLBI. */
#include "mmu-lib.h"

/*
 * Runs at EL1 on -M virt.  For each granule and VA size the test builds its own tables
 * (mmu-lib.h): RAM identity-mapped with the largest blocks, the UART as Device, and a window
 * of single pages at VA 8 GiB.  Arm ARM D8.2 (VA ranges: TTBR0 when the bits above the range
 * are 0, TTBR1 when 1, else a level 0 Translation fault; EPDn), D8.3 (descriptors: invalid
 * entries give a Translation fault at their level; Access flag; Address size faults against
 * TCR_EL1.IPS), D8.4 (AP, APTable, PXN/XNTable, PAN), D7.7 (AT, PAR_EL1), D8.13 (TLBI).
 */
#define WIN     0x200000000ULL          /* 8 GiB: below 2^39 */
#define RAM     0x40000000ULL
#define RAM_SZ  0x08000000ULL
#define UART    0x09000000ULL

static u64 tcr_for(unsigned gbits, unsigned tsz, unsigned ips, int epd1)
{
    return tsz | (1 << 8) | (1 << 10) | (3 << 12) | (tg0_field(gbits) << 14) |
           ((u64)tsz << 16) | (1ULL << 24) | (1ULL << 26) | (3ULL << 28) |
           (tg1_field(gbits) << 30) | ((u64)ips << 32) | ((u64)epd1 << 23);
}

static u64 at_s1e1r(u64 va)
{
    asm volatile("at s1e1r, %0\n\tisb" :: "r"(va) : "memory");
    return read_sysreg(par_el1);
}

static u64 at_s1e1w(u64 va)
{
    asm volatile("at s1e1w, %0\n\tisb" :: "r"(va) : "memory");
    return read_sysreg(par_el1);
}

static void run(unsigned gbits, unsigned tsz)
{
    unsigned ia = 64 - tsz;
    u64 g = 1ULL << gbits;
    pt_t lo, hi;
    char cfg[32];

    snprintf(cfg, sizeof(cfg), "%uK/%u-bit", (1u << gbits) >> 10, ia);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    isb();
    pool_reset();
    pt_init(&lo, gbits, ia, -1);
    pt_init(&hi, gbits, ia, -1);
    int bl = block_level(gbits) == 1 && lo.start > 1 ? 2 : block_level(gbits);
    if (bl < lo.start) {
        bl = lo.start;
    }
    pt_identity(&lo, RAM, RAM_SZ, bl, S1_AF | S1_ISH | S1_NORMAL | S1_UXN);
    pt_identity(&lo, UART, 0x1000, bl, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);

    /* Data pages of one granule each */
    u64 p0 = pool_alloc(g, g), p1 = pool_alloc(g, g);
    st64(p0, 0x1111);
    st64(p1, 0x2222);
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN | S1_NG;
    pt_map(&lo, WIN + 0 * g, p0, 3, attrs);
    pt_map(&lo, WIN + 1 * g, p1, 3, attrs | S1_AP_RO);
    *pt_slot(&lo, WIN + 2 * g, 3, 0) = 0;                       /* invalid */
    pt_map(&lo, WIN + 3 * g, p0, 3, attrs & ~S1_AF);            /* Access flag 0 */
    pt_map(&lo, WIN + 4 * g, p0, 3, attrs | S1_AP_EL0);          /* EL0 read/write */
    pt_map(&lo, WIN + 5 * g, 0x100000000ULL, 3, attrs);          /* above IPS (32 bits) */
    /* Hierarchical attributes: the next level-2 region through a table with APTable. */
    u64 l2 = block_size(&lo, 2);
    u64 w_ro = WIN + 4 * l2, w_noel0 = WIN + 6 * l2;
    *pt_slot(&lo, w_ro, 2, 0) = 0;
    (void)pt_slot(&lo, w_ro, 3, T_AP_RO);
    pt_map(&lo, w_ro, p0, 3, attrs);
    (void)pt_slot(&lo, w_noel0, 3, T_AP_NOEL0);
    pt_map(&lo, w_noel0, p0, 3, attrs | S1_AP_EL0);
    /* TTBR1: the same window at the top of the address space */
    u64 hiva = (~0ULL << ia) | WIN;
    pt_map(&hi, WIN, p1, 3, attrs);
    dsb_sy();

    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(tcr_for(gbits, tsz, 0, 0), tcr_el1);
    write_sysreg(lo.root, ttbr0_el1);
    write_sysreg(hi.root, ttbr1_el1);
    isb();
    tlbi_all_el1();
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();

    check_eq(ld64(WIN), 0x1111, "%s: page read through TTBR0", cfg);
    check_eq(ld64(WIN + g), 0x2222, "%s: read-only page readable", cfg);
    check_eq(ld64(hiva), 0x2222, "%s: upper VA read through TTBR1", cfg);
    st64(WIN + 8, 0x77);
    check_eq(*(volatile u64 *)(p0 + 8), 0x77, "%s: store reached the page", cfg);

    expect_dabt_at(cfg, WIN + 2 * g + 16, 0, EC_DABT_CUR, FSC_TRANS(3), 1);
    expect_dabt_at(cfg, WIN + 2 * g, 1, EC_DABT_CUR, FSC_TRANS(3), 1);
    expect_dabt_at(cfg, WIN + 3 * g, 0, EC_DABT_CUR, FSC_AF(3), 1);
    expect_dabt_at(cfg, WIN + g, 1, EC_DABT_CUR, FSC_PERM(3), 1);
    expect_dabt_at(cfg, WIN + 5 * g, 0, EC_DABT_CUR, FSC_ADDRSIZE(3), 1);
    /* An invalid entry at level 2, and at the start level (the top half of the range) */
    expect_dabt_at(cfg, WIN + 2 * l2, 0, EC_DABT_CUR, FSC_TRANS(2), 1);
    expect_dabt_at(cfg, 1ULL << (ia - 1), 0, EC_DABT_CUR, FSC_TRANS(lo.start), 1);
    /* Between the two ranges: level 0 Translation fault (AArch64.S1Walk) */
    expect_dabt_at(cfg, 1ULL << ia, 0, EC_DABT_CUR, FSC_TRANS(0), 1);
    expect_dabt_at(cfg, hiva - (1ULL << ia), 0, EC_DABT_CUR, FSC_TRANS(0), 1);
    /* APTable[1]: read-only below; APTable[0]: no EL0 access below (LDTR is an EL0 access) */
    check_eq(ld64(w_ro), 0x1111, "%s: load under APTable RO", cfg);
    expect_dabt_at(cfg, w_ro, 1, EC_DABT_CUR, FSC_PERM(3), 1);
    u64 v = 0;
    asm volatile("ldtr %0, [%1]" : "=r"(v) : "r"(WIN + 4 * g) : "memory");
    check_eq(v, 0x1111, "%s: LDTR of an EL0-readable page", cfg);
    exc_expect(0);
    asm volatile("ldtr %0, [%1]" : "=r"(v) : "r"(w_noel0) : "memory");
    check_true(exc_taken(), "%s: LDTR under APTable[0] faults", cfg);
    check_eq(exc_last.esr & ESR_DABT_MASK, ((u64)EC_DABT_CUR << 26) | ESR_IL | FSC_PERM(3),
             "%s: LDTR under APTable[0]: ESR", cfg);
    exc_expect(0);
    asm volatile("sttr %0, [%1]" :: "r"(v), "r"(WIN) : "memory");
    check_true(exc_taken(), "%s: STTR to an EL1-only page faults", cfg);
    check_eq(exc_last.esr & ESR_DABT_MASK,
             ((u64)EC_DABT_CUR << 26) | ESR_IL | ESR_WNR | FSC_PERM(3), "%s: STTR: ESR", cfg);
    /* PAN: EL1 data access to an EL0-accessible page */
    asm volatile("msr pan, #1\n\tisb");
    expect_dabt_at(cfg, WIN + 4 * g, 0, EC_DABT_CUR, FSC_PERM(3), 1);
    check_eq(ld64(WIN), 0x1111, "%s: PAN leaves EL1-only pages readable", cfg);
    asm volatile("msr pan, #0\n\tisb");
    check_eq(ld64(WIN + 4 * g), 0x1111, "%s: PAN=0 again: readable", cfg);

    /* AT S1E1R/W */
    u64 par = at_s1e1r(WIN + 0x18);
    check_eq(par & 0xff0000fffffff181ULL, 0xff00000000000000ULL | p0 | (3 << 7),
             "%s: AT S1E1R: PA, ATTR, SH, F 0", cfg);
    check_eq(at_s1e1w(WIN + g) & 0x7f, (FSC_PERM(3) << 1) | 1, "%s: AT S1E1W RO: FST", cfg);
    check_eq(at_s1e1r(WIN + 3 * g) & 0x7f, (FSC_AF(3) << 1) | 1, "%s: AT AF=0: FST", cfg);
    check_eq(at_s1e1r(WIN + 2 * l2) & 0x7f, (FSC_TRANS(2) << 1) | 1, "%s: AT L2: FST", cfg);
    check_eq(at_s1e1r(1ULL << ia) & 0x7f, (FSC_TRANS(0) << 1) | 1, "%s: AT out of range", cfg);
    check_eq(at_s1e1r(hiva) & 0x0000fffffffff001ULL, p1, "%s: AT S1E1R through TTBR1", cfg);
    /* AT S1E0R/W check EL0 permissions; AT S1E1RP applies PSTATE.PAN, AT S1E1R does not. */
    u64 par0;
    asm volatile("at s1e0r, %1\n\tisb\n\tmrs %0, par_el1" : "=r"(par0) : "r"(WIN) : "memory");
    check_eq(par0 & 0x7f, (FSC_PERM(3) << 1) | 1, "%s: AT S1E0R of an EL1-only page: FST", cfg);
    asm volatile("at s1e0w, %1\n\tisb\n\tmrs %0, par_el1" : "=r"(par0) : "r"(WIN + 4 * g)
                 : "memory");
    check_eq(par0 & 0x0000fffffffff001ULL, p0, "%s: AT S1E0W of an EL0 page: PA", cfg);
    asm volatile("msr pan, #1\n\tisb");
    asm volatile("at s1e1rp, %1\n\tisb\n\tmrs %0, par_el1" : "=r"(par0) : "r"(WIN + 4 * g)
                 : "memory");
    check_eq(par0 & 0x7f, (FSC_PERM(3) << 1) | 1, "%s: AT S1E1RP with PAN 1: FST", cfg);
    check_eq(at_s1e1r(WIN + 4 * g) & 0x0000fffffffff001ULL, p0, "%s: AT S1E1R ignores PAN", cfg);
    asm volatile("msr pan, #0\n\tisb");
    /* DC ZVA is a write through the translation: permission and translation faults (WnR 1) */
    exc_expect(0);
    asm volatile("dc zva, %0" :: "r"(WIN + g) : "memory");
    check_true(exc_taken(), "%s: DC ZVA to a read-only page faults", cfg);
    check_eq(exc_last.esr & ESR_DABT_MASK,
             ((u64)EC_DABT_CUR << 26) | ESR_IL | ESR_WNR | FSC_PERM(3), "%s: DC ZVA: ESR", cfg);
    check_eq(ld64(WIN + g), 0x2222, "%s: DC ZVA fault left the page", cfg);

    /* TLBI: break-before-make remaps of WIN, each followed by one TLBI form */
    static const char *const forms[] = { "vae1", "vale1", "vaae1", "vaale1", "aside1", "vmalle1" };
    for (int i = 0; i < 6; i++) {
        u64 target = (i & 1) ? p0 : p1;
        *pt_slot(&lo, WIN, 3, 0) = 0;
        dsb_sy();
        u64 arg = (WIN >> 12) & 0xfffffffffffULL;
        switch (i) {
        case 0: asm volatile("tlbi vae1, %0" :: "r"(arg) : "memory"); break;
        case 1: asm volatile("tlbi vale1, %0" :: "r"(arg) : "memory"); break;
        case 2: asm volatile("tlbi vaae1, %0" :: "r"(arg) : "memory"); break;
        case 3: asm volatile("tlbi vaale1, %0" :: "r"(arg) : "memory"); break;
        case 4: asm volatile("tlbi aside1, %0" :: "r"(0ULL) : "memory"); break;
        default: asm volatile("tlbi vmalle1" ::: "memory"); break;
        }
        asm volatile("dsb ish\n\tisb" ::: "memory");
        expect_dabt_at(forms[i], WIN, 0, EC_DABT_CUR, FSC_TRANS(3), 1);
        pt_map(&lo, WIN, target, 3, attrs);
        dsb_sy();
        isb();
        check_eq(ld64(WIN), (i & 1) ? 0x1111 : 0x2222, "%s: TLBI %s then remap", cfg, forms[i]);
    }

    /* EPD1: walks through TTBR1 fault at level 0 */
    write_sysreg(tcr_for(gbits, tsz, 0, 1), tcr_el1);
    isb();
    tlbi_all_el1();
    expect_dabt_at(cfg, hiva, 0, EC_DABT_CUR, FSC_TRANS(0), 1);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    isb();
}

void test_main(void)
{
    u64 mmfr0 = read_sysreg(id_aa64mmfr0_el1);

    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt)");
        return;
    }
    /* ID_AA64MMFR0_EL1: TGran4 [31:28] and TGran64 [27:24] are 0xf when not supported,
     * TGran16 [23:20] is 0 when not supported. */
    check_true(((mmfr0 >> 28) & 0xf) != 0xf, "TGran4 supported");
    check_true(((mmfr0 >> 24) & 0xf) != 0xf, "TGran64 supported");
    check_true(((mmfr0 >> 20) & 0xf) != 0, "TGran16 supported");
    static const unsigned grans[] = { 12, 14, 16 };
    for (int i = 0; i < 3; i++) {
        run(grans[i], 25);
        run(grans[i], 16);
    }
}
