/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The EL2 regime, stage 2 under an EL1 stage 1 (4K/16K/64K, S1PTW), and the EL2&0 regime. */
#include "mmu-lib.h"

/*
 * Runs at EL2 on -M virt,virtualization=on.  Arm ARM D8.1 (regimes), D8.2 (TCR_EL2 with E2H 0:
 * one VA range; with E2H 1: the EL1 layout and two ranges), D8.3.3 (stage 2 descriptors),
 * D8.2.7 (stage 2 start level from VTCR_EL2.SL0 and concatenated tables), ESR_EL2 ISS for
 * Data Aborts (ISV, SAS, SRT, SF, WnR, S1PTW), HPFAR_EL2 (IPA of the faulting stage 2 access;
 * for S1PTW the IPA of the stage 1 descriptor), AArch64.AT (PAR_EL1: S, PTW, FST).
 */
#define RAM     0x40000000ULL
#define RAM_SZ  0x08000000ULL
#define UART    0x09000000ULL
#define WIN     0x200000000ULL      /* VA 8 GiB at EL2 and EL1 */
#define IPA_WIN 0x200000000ULL      /* IPA window of the stage 2 tests */
#define IPA_BAD 0x100000000ULL      /* IPA with no stage 2 mapping (level 1 entry invalid) */
#define HCR_VM  1ULL
#define HCR_E2H (1ULL << 34)

static u64 q0, q1;

extern char el2_fetch_fn[], el2_fetch_resume[];
asm(".text\n.global el2_fetch_fn, el2_fetch_resume\nel2_fetch_fn:\n\tbr x0\n"
    "el2_fetch_resume:\n\tret\n");

static u64 at(u64 va, int op)
{
    switch (op) {
    case 0: asm volatile("at s1e2r, %0\n\tisb" :: "r"(va) : "memory"); break;
    case 1: asm volatile("at s1e2w, %0\n\tisb" :: "r"(va) : "memory"); break;
    case 2: asm volatile("at s12e1r, %0\n\tisb" :: "r"(va) : "memory"); break;
    case 3: asm volatile("at s12e1w, %0\n\tisb" :: "r"(va) : "memory"); break;
    default: asm volatile("at s1e1r, %0\n\tisb" :: "r"(va) : "memory"); break;
    }
    return read_sysreg(par_el1);
}

static void sctlr_el2_m(int on)
{
    u64 s = read_sysreg(sctlr_el2);
    write_sysreg(on ? (s | 1 | (1 << 2) | (1 << 12)) : (s & ~1ULL), sctlr_el2);
    isb();
}

/* EL2 stage 1, HCR_EL2.E2H = 0: one VA range from TTBR0_EL2. */
static void el2_regime(void)
{
    pt_t p;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_XN;
    static const u32 code[] = { 0xd2800540, 0xd65f03c0 };  /* mov x0, #42; ret */

    pool_reset();
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_XN);
    q0 = pool_alloc(0x10000, 0x10000);
    q1 = pool_alloc(0x10000, 0x10000);
    st64(q0, 0xa0a0);
    st64(q1, 0xb1b1);
    memcpy((void *)(q1 + 0x1000), code, sizeof(code));
    asm volatile("dc cvau, %0\n\tdsb ish\n\tic iallu\n\tdsb ish\n\tisb"
                 :: "r"(q1 + 0x1000) : "memory");
    pt_map(&p, WIN, q0, 3, attrs);
    pt_map(&p, WIN + 0x1000, q1, 3, attrs | S1_AP_RO);
    pt_map(&p, WIN + 0x3000, q0, 3, attrs & ~S1_AF);
    pt_map(&p, WIN + 0x4000, q1 + 0x1000, 3, attrs);                    /* code, XN */
    pt_map(&p, WIN + 0x5000, q1 + 0x1000, 3, (attrs & ~S1_XN) | S1_AP_RO); /* code */
    dsb_sy();
    write_sysreg(MAIR_VALUE, mair_el2);
    /* T0SZ 25, IRGN0/ORGN0 WB, SH0 inner, TG0 4K, PS 40 bits, RES1 bits 31 and 23 */
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31) | (1 << 23),
                 tcr_el2);
    write_sysreg(p.root, ttbr0_el2);
    isb();
    asm volatile("tlbi alle2\n\tdsb ish\n\tisb" ::: "memory");
    sctlr_el2_m(1);

    check_eq(ld64(WIN), 0xa0a0, "EL2: read through TTBR0_EL2");
    check_eq(ld64(WIN + 0x1000), 0xb1b1, "EL2: read-only page readable");
    expect_dabt_at("EL2: store to a read-only page", WIN + 0x1000, 1, EC_DABT_CUR, FSC_PERM(3), 2);
    expect_dabt_at("EL2: invalid page", WIN + 0x2000, 0, EC_DABT_CUR, FSC_TRANS(3), 2);
    expect_dabt_at("EL2: AF 0", WIN + 0x3000, 0, EC_DABT_CUR, FSC_AF(3), 2);
    expect_dabt_at("EL2: invalid L1 entry", 1ULL << 38, 0, EC_DABT_CUR, FSC_TRANS(1), 2);
    /* No TTBR1 in this regime: any VA with bits above 39 set is out of range. */
    expect_dabt_at("EL2: upper VA", 0xffffff8000000000ULL | WIN, 0, EC_DABT_CUR, FSC_TRANS(0), 2);
    check_eq(((u64 (*)(void))(WIN + 0x5000))(), 42, "EL2: executable page runs");
    exc_expect((u64)el2_fetch_resume);
    ((void (*)(u64))el2_fetch_fn)(WIN + 0x4000);
    check_true(exc_taken(), "EL2: XN page: instruction abort");
    check_eq(exc_last.esr, ((u64)EC_IABT_CUR << 26) | ESR_IL | FSC_PERM(3), "EL2: XN: ESR");
    check_eq(exc_last.far, WIN + 0x4000, "EL2: XN: FAR");
    /* AT S1E2R/W */
    check_eq(at(WIN + 0x28, 0) & 0xff0000fffffff181ULL, 0xff00000000000000ULL | q0 | (3 << 7),
             "EL2: AT S1E2R: PA, ATTR, SH");
    check_eq(at(WIN + 0x1000, 1) & 0x7f, (FSC_PERM(3) << 1) | 1, "EL2: AT S1E2W RO: FST");
    check_eq(at(WIN + 0x2000, 0) & 0x7f, (FSC_TRANS(3) << 1) | 1, "EL2: AT S1E2R invalid");
    /* TLBI VAE2 and ALLE2 after break-before-make */
    *pt_slot(&p, WIN, 3, 0) = 0;
    asm volatile("dsb ishst\n\ttlbi vae2, %0\n\tdsb ish\n\tisb" :: "r"(WIN >> 12) : "memory");
    expect_dabt_at("EL2: after TLBI VAE2", WIN, 0, EC_DABT_CUR, FSC_TRANS(3), 2);
    pt_map(&p, WIN, q1, 3, attrs);
    asm volatile("dsb ishst\n\ttlbi alle2\n\tdsb ish\n\tisb" ::: "memory");
    check_eq(ld64(WIN), 0xb1b1, "EL2: remapped after TLBI ALLE2");
    sctlr_el2_m(0);
}

/* EL1 side of the stage 2 tests (stage 1 on). */
static u64 el1_side(u64 g2)
{
    u64 v = ld64(WIN);
    exc_expect(0);
    asm volatile("mov x6, %0\n\tmov x5, #1\n\tstr x5, [x6]" :: "r"(WIN + g2)
                 : "x5", "x6", "memory");
    /* Stage 2 permission fault with the instruction syndrome: ISV, SAS 3, SRT 5, SF, WnR */
    check_eq(exc_last.esr, (0x24ULL << 26) | ESR_IL | (1ULL << 24) | (3ULL << 22) | (5ULL << 16) |
             (1ULL << 15) | ESR_WNR | FSC_PERM(3), "EL1 store to a stage 2 RO page: ESR_EL2");
    check_eq(exc_last.el, 2, "EL1 store to a stage 2 read-only page: to EL2");
    check_eq(exc_last.far, WIN + g2, "EL1 store to a stage 2 read-only page: FAR_EL2");
    exc_expect(0);
    asm volatile("mov x6, %0\n\tldr w7, [x6]" :: "r"(WIN + 2 * g2 + 4) : "x6", "x7", "memory");
    return v;
}

static u64 el1_ttbr1(u64 va)
{
    exc_expect(0);
    return ld64(va);
}

static void expect_s2(const char *what, u64 esr, u64 far, u64 hpfar)
{
    check_true(exc_taken(), "%s: taken", what);
    check_eq(exc_last.el, 2, "%s: to EL2", what);
    check_eq(exc_last.esr, esr, "%s: ESR_EL2", what);
    check_eq(exc_last.far, far, "%s: FAR_EL2", what);
    if (hpfar != ~0ULL) {
        check_eq(exc_last.hpfar, hpfar, "%s: HPFAR_EL2", what);
    }
}

static void stage2(unsigned g2bits)
{
    u64 g2 = 1ULL << g2bits;
    pt_t s1, s2;
    char what[64];
    u64 s1attrs = S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN;
    u64 s2attrs = S2_AF | S2_ISH | S2_NORMAL | S2_R | S2_W | S2_XN;

    pool_reset();
    q0 = pool_alloc(0x10000, 0x10000);
    q1 = pool_alloc(0x10000, 0x10000);
    st64(q0, 0xa0a0);
    st64(q1, 0xb1b1);
    /* Stage 2: 40-bit IPA, SL0 = 1: start level 1 (4K, two concatenated tables), level 2 (16K,
     * sixteen concatenated tables; 64K, one table). */
    int start = g2bits == 12 ? 1 : 2;
    pt_init(&s2, g2bits, 40, start);
    pt_identity(&s2, RAM, RAM_SZ, g2bits == 12 ? 1 : 2, s2attrs & ~S2_XN);
    pt_identity(&s2, UART, 0x1000, 2, S2_AF | S2_R | S2_W | S2_XN);
    pt_map(&s2, IPA_WIN, q1, 3, s2attrs);
    pt_map(&s2, IPA_WIN + g2, q0, 3, s2attrs & ~S2_W);           /* read-only */
    *pt_slot(&s2, IPA_WIN + 2 * g2, 3, 0) = 0;                    /* invalid */
    /* EL1 stage 1 (4K, 39-bit VA, both ranges): VA WIN -> IPA_WIN; TTBR1 -> an IPA that
     * stage 2 does not map. */
    pt_init(&s1, 12, 39, -1);
    pt_identity(&s1, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&s1, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    for (u64 i = 0; i < 3; i++) {
        pt_map(&s1, WIN + i * g2, IPA_WIN + i * g2, 3, s1attrs);
    }
    dsb_sy();
    u64 vtcr = 24 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (tg0_field(g2bits) << 14) |
               (2 << 16) | (1ULL << 31);
    write_sysreg(vtcr, vtcr_el2);
    write_sysreg(s2.root, vttbr_el2);
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (25 << 16) | (1ULL << 24) |
                 (1ULL << 26) | (3ULL << 28) | (2ULL << 30) | (2ULL << 32), tcr_el1);
    write_sysreg(s1.root, ttbr0_el1);
    write_sysreg(IPA_BAD, ttbr1_el1);
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    write_sysreg(read_sysreg(hcr_el2) | HCR_VM, hcr_el2);
    isb();
    asm volatile("tlbi vmalls12e1\n\tdsb ish\n\tisb" ::: "memory");

    snprintf(what, sizeof(what), "S2 %uK", (unsigned)(g2 >> 10));
    check_eq(call_at_el(1, el1_side, g2), 0xb1b1, "%s: EL1 VA -> IPA -> PA", what);
    /* The second record: the LDR W from the invalid IPA (ISV 1, SAS 2, SRT 7, SF 0) */
    expect_s2(what, (0x24ULL << 26) | ESR_IL | (1ULL << 24) | (2ULL << 22) | (7ULL << 16) |
              FSC_TRANS(3), WIN + 2 * g2 + 4, ((IPA_WIN + 2 * g2) >> 12) << 4);
    check_eq(*(volatile u64 *)q0, 0xa0a0, "%s: the faulting store did not reach PA", what);

    /* Stage 2 fault on the stage 1 walk through TTBR1_EL1 (S1PTW = 1, HPFAR = the table IPA).
     * Stage 2 faults at level 1 here only with the 4K granule; the stage 2 level is what the
     * DFSC reports (dev-s1ptw-level covers a stage 2 level different from the stage 1 one). */
    if (g2bits == 12) {
        u64 hiva = 0xffffff8000000000ULL | WIN;
        call_at_el(1, el1_ttbr1, hiva);
        expect_s2("S1PTW", (0x24ULL << 26) | ESR_IL | ESR_S1PTW | FSC_TRANS(1), hiva,
                  (IPA_BAD >> 12) << 4);
        u64 par = at(hiva, 2);
        check_eq(par & 0x3ff, 1 | (FSC_TRANS(1) << 1) | (1 << 8) | (1 << 9),
                 "AT S12E1R S1PTW: F, FST, PTW, S");
    }

    /* AT from EL2: S12E1R gives the PA, S1E1R the IPA; stage 2 faults in PAR with S = 1. */
    check_eq(at(WIN + 0x10, 2) & 0x0000fffffffff001ULL, q1, "%s: AT S12E1R: PA", what);
    check_eq(at(WIN + 0x10, 4) & 0x0000fffffffff001ULL, IPA_WIN, "%s: AT S1E1R: IPA", what);
    check_eq(at(WIN + g2, 3) & 0x3ff, 1 | (FSC_PERM(3) << 1) | (1 << 9),
             "%s: AT S12E1W RO: F, FST, S", what);
    check_eq(at(WIN + 2 * g2, 2) & 0x3ff, 1 | (FSC_TRANS(3) << 1) | (1 << 9),
             "%s: AT S12E1R invalid IPA: F, FST, S", what);

    /* Remap IPA_WIN to q0 with TLBI IPAS2E1 + VMALLE1 */
    *pt_slot(&s2, IPA_WIN, 3, 0) = 0;
    asm volatile("dsb ishst\n\ttlbi ipas2e1, %0\n\tdsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb"
                 :: "r"(IPA_WIN >> 12) : "memory");
    pt_map(&s2, IPA_WIN, q0, 3, s2attrs);
    dsb_sy();
    isb();
    check_eq(at(WIN + 0x10, 2) & 0x0000fffffffff001ULL, q0, "%s: remapped IPA: AT", what);

    write_sysreg(read_sysreg(hcr_el2) & ~HCR_VM, hcr_el2);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    isb();
}

/* The EL2&0 regime: HCR_EL2.E2H = 1 gives TCR_EL2 the EL1 layout, TTBR1_EL2 and EL0
 * permissions, so PAN applies at EL2 (FEAT_VHE, FEAT_PAN). */
static void el20_regime(void)
{
    pt_t lo, hi;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN;

    if (((read_sysreg(id_aa64mmfr1_el1) >> 8) & 0xf) == 0) {
        skip("no FEAT_VHE");
        return;
    }
    pool_reset();
    q0 = pool_alloc(0x10000, 0x10000);
    st64(q0, 0xc2c2);
    pt_init(&lo, 12, 39, -1);
    pt_init(&hi, 12, 39, -1);
    pt_identity(&lo, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL | S1_UXN);
    pt_identity(&lo, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    pt_map(&lo, WIN, q0, 3, attrs | S1_AP_EL0);
    pt_map(&hi, WIN, q0, 3, attrs);
    dsb_sy();
    write_sysreg(read_sysreg(hcr_el2) | HCR_E2H, hcr_el2);
    isb();
    write_sysreg(MAIR_VALUE, mair_el2);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (25 << 16) | (1ULL << 24) |
                 (1ULL << 26) | (3ULL << 28) | (2ULL << 30) | (2ULL << 32), tcr_el2);
    write_sysreg(lo.root, ttbr0_el2);
    write_sysreg(hi.root, ttbr1_el2);
    isb();
    asm volatile("tlbi alle2\n\tdsb ish\n\tisb" ::: "memory");
    sctlr_el2_m(1);
    u64 hiva = 0xffffff8000000000ULL | WIN;
    check_eq(ld64(WIN), 0xc2c2, "EL2&0: EL0-accessible page read with PAN 0");
    check_eq(ld64(hiva), 0xc2c2, "EL2&0: upper VA through TTBR1_EL2");
    asm volatile("msr pan, #1\n\tisb");
    expect_dabt_at("EL2&0: PAN 1 load of an EL0 page", WIN, 0, EC_DABT_CUR, FSC_PERM(3), 2);
    check_eq(ld64(hiva), 0xc2c2, "EL2&0: PAN 1: EL2-only page readable");
    asm volatile("msr pan, #0\n\tisb");
    check_eq(at(hiva, 0) & 0x0000fffffffff001ULL, q0, "EL2&0: AT S1E2R via TTBR1_EL2");
    sctlr_el2_m(0);
    write_sysreg(read_sysreg(hcr_el2) & ~HCR_E2H, hcr_el2);
    isb();
}

void test_main(void)
{
    if (start_el != 2) {
        skip("expects to start at EL2 (-M virt,virtualization=on)");
        return;
    }
    el2_regime();
    stage2(12);
    stage2(14);
    stage2(16);
    el20_regime();
}
