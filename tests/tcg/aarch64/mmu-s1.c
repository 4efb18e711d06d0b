/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Stage 1 translation at EL1 (4 KiB granule): faults per level, permissions, AF, PAN, PXN, BTI, aliases, TLBI, AT/PAR. */
#include "testlib.h"

/*
 * Runs at EL1 on -M virt.  Tables: 39-bit VA (T0SZ 25, start at level 1),
 * 4 KiB granule, TTBR0_EL1 only (EPD1).  L1[0] = 1 GiB Device block,
 * L1[1] -> L2 of 2 MiB Normal blocks (identity), except L2[256] -> L3
 * describing the test window at VA 0x60000000, and L2[257] invalid.
 * Arm ARM D8 (VMSAv8-64): D8.3 descriptors, D8.4 access permissions
 * (AP, PAN, XN), D8.5 AF, D8.14 faults (DFSC/IFSC: translation
 * 0b0001LL, access flag 0b0010LL, permission 0b0011LL), D7.7 AT/PAR_EL1.
 */
#define WIN         0x60000000ULL
#define PAGE        4096
#define D_VALID     1ULL
#define D_TABLE     3ULL
#define D_PAGE      3ULL
#define D_AF        (1ULL << 10)
#define D_SH_INNER  (3ULL << 8)
#define D_AP_RW_EL0 (1ULL << 6)     /* AP = 0b01: EL1 RW, EL0 RW */
#define D_AP_RO     (2ULL << 6)     /* AP = 0b10: EL1 RO, EL0 none */
#define D_AP_RO_ALL (3ULL << 6)     /* AP = 0b11: EL1 RO, EL0 RO */
#define D_PXN       (1ULL << 53)
#define D_UXN       (1ULL << 54)
#define D_NORMAL    (1ULL << 2)     /* AttrIndx 1: MAIR attr1 Normal WB */
#define D_GP        (1ULL << 50)    /* Guarded Page (FEAT_BTI) */
#define D_DEVICE    (0ULL << 2)

#define EC_IABT_CUR 0x21
#define EC_DABT_CUR 0x25
#define ESR_WNR     (1ULL << 6)

static u64 l1[512] __attribute__((aligned(PAGE)));
static u64 l2[512] __attribute__((aligned(PAGE)));
static u64 l3[512] __attribute__((aligned(PAGE)));
static u8 pages[11][PAGE] __attribute__((aligned(PAGE)));

extern char fetch_fn[], fetch_resume[];
asm(".text\n.global fetch_fn, fetch_resume\nfetch_fn:\n\tbr x0\nfetch_resume:\n\tret\n");

static u64 pa(int i)
{
    return (u64)pages[i];
}

static u64 page_desc(int i, u64 attrs)
{
    return pa(i) | D_AF | D_SH_INNER | D_NORMAL | D_PAGE | attrs;
}

static void tlbi_va(u64 va)
{
    asm volatile("dsb ishst\n\ttlbi vae1, %0\n\tdsb ish\n\tisb" :: "r"(va >> 12) : "memory");
}

static void tlbi_all(void)
{
    asm volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
}

static void build_tables(void)
{
    l1[0] = 0 | D_AF | D_DEVICE | D_VALID | D_PXN | D_UXN;      /* 1 GiB Device block */
    l1[1] = (u64)l2 | D_TABLE;
    for (u64 i = 0; i < 512; i++) {
        l2[i] = (0x40000000ULL + (i << 21)) | D_AF | D_SH_INNER | D_NORMAL | D_VALID;
    }
    l2[256] = (u64)l3 | D_TABLE;
    l2[257] = 0;
    l3[0] = page_desc(0, D_PXN | D_UXN);            /* RW, no execution */
    l3[1] = page_desc(1, D_AP_RO | D_PXN | D_UXN);   /* read-only at EL1 */
    l3[2] = 0;                                      /* invalid */
    l3[3] = page_desc(3, D_PXN | D_UXN) & ~D_AF;    /* Access flag clear */
    l3[4] = page_desc(0, D_PXN | D_UXN);            /* alias of page 0 */
    l3[5] = page_desc(5, D_AP_RW_EL0 | D_PXN | D_UXN); /* EL0-accessible (PAN) */
    l3[6] = page_desc(6, D_UXN);                    /* RW, EL1-executable */
    l3[7] = page_desc(7, D_PXN | D_UXN);            /* code page, not executable */
    l3[8] = page_desc(8, D_AP_RO_ALL | D_PXN | D_UXN); /* read-only at EL1 and EL0 */
    l3[9] = page_desc(9, D_AP_RO | D_UXN | D_GP);   /* guarded code page */
    l3[10] = page_desc(10, D_AP_RO | D_UXN);        /* the same code, not guarded */
    dsb_sy();
}

static void mmu_on(void)
{
    write_sysreg(0xff00, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg((u64)l1, ttbr0_el1);
    isb();
    tlbi_all();
    write_sysreg(read_sysreg(sctlr_el1) | (1 << 12) | (1 << 2) | 1, sctlr_el1);
    isb();
}

static u64 load(u64 va)
{
    u64 v;
    asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static void store(u64 va, u64 v)
{
    asm volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
}

/* A load or store at va must take a data abort with this DFSC (and WnR for stores). */
static void expect_dabt(const char *what, u64 va, int write, unsigned dfsc)
{
    exc_expect(0);
    if (write) {
        store(va, 0xbad);
    } else {
        (void)load(va);
    }
    check_true(exc_taken(), "%s: data abort", what);
    check_eq(exc_last.esr & ESR_DABT_MASK,
             ((u64)EC_DABT_CUR << 26) | ESR_IL | (write ? ESR_WNR : 0) | dfsc, "%s: ESR", what);
    check_eq(exc_last.far, va, "%s: FAR", what);
}

/* AT S1E1R/W: PAR_EL1.F and FST (bits 6:1) on failure. */
static u64 at(u64 va, int write)
{
    if (write) {
        asm volatile("at s1e1w, %0\n\tisb" :: "r"(va) : "memory");
    } else {
        asm volatile("at s1e1r, %0\n\tisb" :: "r"(va) : "memory");
    }
    return read_sysreg(par_el1);
}

static void faults(void)
{
    /* Level of the translation fault follows the level of the invalid descriptor. */
    expect_dabt("invalid L3 page", WIN + 2 * PAGE, 0, 0x07);
    expect_dabt("invalid L2 entry", WIN + (2 << 20), 0, 0x06);
    expect_dabt("invalid L1 entry", 0x80000000ULL, 0, 0x05);
    expect_dabt("store to invalid L3 page", WIN + 2 * PAGE + 8, 1, 0x07);
    /* A VA above the TTBR0 range (bit 39 set) is a level 0 translation fault. */
    expect_dabt("VA beyond T0SZ", 1ULL << 39, 0, 0x04);
    /* AF = 0 with hardware AF management off (TCR_EL1.HA = 0): Access flag fault. */
    expect_dabt("access flag clear", WIN + 3 * PAGE, 0, 0x0b);
    expect_dabt("store to a read-only page", WIN + PAGE, 1, 0x0f);
    expect_dabt("store to an AP=11 page", WIN + 8 * PAGE, 1, 0x0f);
    check_eq(load(WIN + PAGE), 0x1111, "load from a read-only page works");
    check_eq(load(WIN + 8 * PAGE), 0x8888, "load from an AP=11 page works");
    check_eq(pages[1][0], 0x11, "read-only page not written by the faulting store");
}

static void aliases_and_tlbi(void)
{
    store(WIN, 0x0123456789abcdefULL);
    check_eq(load(WIN + 4 * PAGE), 0x0123456789abcdefULL, "alias VA sees the store");
    check_eq(load(pa(0)), 0x0123456789abcdefULL, "identity VA of the same PA sees the store");
    check_eq(load(WIN + 0x18), 0x0000000000000000ULL, "other offsets of the page untouched");

    /* Break-before-make, then the alias points to page 1. */
    l3[4] = 0;
    tlbi_va(WIN + 4 * PAGE);
    l3[4] = page_desc(1, D_PXN | D_UXN);
    dsb_sy();
    isb();
    check_eq(load(WIN + 4 * PAGE), 0x1111, "after TLBI VAE1 the remapped VA reads page 1");
    store(WIN + 4 * PAGE, 0x2222);
    check_eq(pages[1][0] | (pages[1][1] << 8), 0x2222, "new mapping is writable (AP from the new descriptor)");
    l3[4] = 0;
    tlbi_va(WIN + 4 * PAGE);
    expect_dabt("after TLBI the unmapped VA faults", WIN + 4 * PAGE, 0, 0x07);
}

static void at_par(void)
{
    u64 par = at(WIN, 0);
    check_eq(par & 1, 0, "AT S1E1R mapped page: PAR.F 0");
    check_eq(par & 0x0000fffffffff000ULL, pa(0), "AT S1E1R: PAR.PA");
    check_eq(par >> 56, 0xff, "AT S1E1R: PAR.ATTR from MAIR attr1");
    check_eq((par >> 7) & 3, 3, "AT S1E1R: PAR.SH inner shareable");
    check_eq(at(WIN + PAGE + 0x123, 0) & 0x0000fffffffff001ULL, pa(1), "AT S1E1R read-only page: PA, F 0");
    check_eq(at(WIN + PAGE, 1) & 0x7f, (0x0f << 1) | 1, "AT S1E1W read-only page: F 1, FST permission L3");
    check_eq(at(WIN + 2 * PAGE, 0) & 0x7f, (0x07 << 1) | 1, "AT S1E1R invalid page: FST translation L3");
    check_eq(at(WIN + 3 * PAGE, 0) & 0x7f, (0x0b << 1) | 1, "AT S1E1R AF clear: FST access flag L3");
    check_eq(at(WIN + (2 << 20), 0) & 0x7f, (0x06 << 1) | 1, "AT S1E1R invalid L2: FST translation L2");
    check_eq(at(0x80000000ULL, 0) & 0x7f, (0x05 << 1) | 1, "AT S1E1R invalid L1: FST translation L1");
    check_eq(at(0x09000000ULL, 0) >> 56, 0x00, "AT S1E1R UART: PAR.ATTR Device-nGnRnE");
}

static void pan(void)
{
    u64 v;

    pages[5][0] = 0x55;
    check_eq(load(WIN + 5 * PAGE) & 0xff, 0x55, "PAN=0: EL1 reads an EL0-accessible page");
    asm volatile("msr pan, #1\n\tisb");
    expect_dabt("PAN=1: EL1 load from an EL0-accessible page", WIN + 5 * PAGE, 0, 0x0f);
    expect_dabt("PAN=1: EL1 store to an EL0-accessible page", WIN + 5 * PAGE, 1, 0x0f);
    /* LDTR is checked as an EL0 access, which PAN does not restrict. */
    asm volatile("ldtr %0, [%1]" : "=r"(v) : "r"(WIN + 5 * PAGE) : "memory");
    check_eq(v & 0xff, 0x55, "PAN=1: LDTR reads the EL0-accessible page");
    check_eq(load(WIN) >> 56, 0x01, "PAN=1: EL1-only page still readable");
    asm volatile("msr pan, #0\n\tisb");
}

static void execute(void)
{
    static const u32 code[] = { 0xd2800540, 0xd65f03c0 };  /* mov x0, #42; ret */
    u64 r;

    memcpy(pages[6], code, sizeof(code));
    memcpy(pages[7], code, sizeof(code));
    /* Make the new instructions visible to fetch (D7.5.9: DC CVAU, DSB, IC IVAU, DSB, ISB). */
    asm volatile("dc cvau, %0\n\tdc cvau, %1\n\tdsb ish\n\tic ivau, %2\n\tic ivau, %3\n\tdsb ish\n\tisb"
                 :: "r"(pa(6)), "r"(pa(7)), "r"(WIN + 6 * PAGE), "r"(WIN + 7 * PAGE) : "memory");
    r = ((u64 (*)(void))(WIN + 6 * PAGE))();
    check_eq(r, 42, "executable page runs");

    exc_expect((u64)fetch_resume);
    ((void (*)(u64))fetch_fn)(WIN + 7 * PAGE);
    check_true(exc_taken(), "PXN page: instruction abort");
    check_eq(exc_last.esr, ((u64)EC_IABT_CUR << 26) | ESR_IL | 0x0f, "PXN page: ESR IFSC permission L3");
    check_eq(exc_last.far, WIN + 7 * PAGE, "PXN page: FAR");
    check_eq(exc_last.elr, WIN + 7 * PAGE, "PXN page: ELR");

    exc_expect((u64)fetch_resume);
    ((void (*)(u64))fetch_fn)(WIN + 2 * PAGE);
    check_true(exc_taken(), "invalid page: instruction abort");
    check_eq(exc_last.esr, ((u64)EC_IABT_CUR << 26) | ESR_IL | 0x07, "invalid page: ESR IFSC translation L3");
}

/*
 * BTI (FEAT_BTI, Arm ARM D8.4 and the BTI/BR/BLR pseudocode): in a guarded
 * page the first instruction after an indirect branch must be a
 * compatible BTI.  BLR sets BTYPE 0b10; BR from a guarded page with a
 * register other than X16/X17 sets 0b11.  BTI C accepts 0b01/0b10, BTI J
 * 0b01/0b11.  Violations: Branch Target exception, EC 0x0D, ISS = BTYPE.
 */
static u64 call_via_br(u64 tramp, u64 target)
{
    u64 r;
    asm volatile("mov x9, %2\n\tblr %1\n\tmov %0, x0" : "=r"(r) : "r"(tramp), "r"(target)
                 : "x0", "x9", "x30", "memory");
    return r;
}

static void bti(void)
{
    static const u32 code[] = {
        0xd503245f, 0xd2800020, 0xd65f03c0, 0xd503201f,     /* 0x00: bti c; mov x0, #1; ret */
        0xd503201f, 0xd2800040, 0xd65f03c0, 0xd503201f,     /* 0x10: nop; mov x0, #2; ret */
        0xd503249f, 0xd2800060, 0xd65f03c0, 0xd503201f,     /* 0x20: bti j; mov x0, #3; ret */
        0xd503245f, 0xd61f0120,                             /* 0x30: bti c; br x9 */
    };
    u64 g = WIN + 9 * PAGE, r;

    if (((read_sysreg(id_aa64pfr1_el1) & 0xf) == 0)) {
        skip("no FEAT_BTI");
        return;
    }
    memcpy(pages[9], code, sizeof(code));
    memcpy(pages[10], code, sizeof(code));
    asm volatile("dc cvau, %0\n\tdc cvau, %1\n\tdsb ish\n\tic iallu\n\tdsb ish\n\tisb"
                 :: "r"(pa(9)), "r"(pa(10)) : "memory");

    check_eq(((u64 (*)(void))g)(), 1, "BTI: BLR to BTI C in a guarded page");
    exc_expect(0);
    r = ((u64 (*)(void))(g + 0x10))();
    check_true(exc_taken(), "BTI: BLR to a non-BTI instruction in a guarded page faults");
    check_eq(exc_last.esr, (0x0dULL << 26) | ESR_IL | 2, "BTI: ESR EC 0x0D, BTYPE 0b10");
    check_eq(exc_last.elr, g + 0x10, "BTI: ELR at the branch target");
    check_eq(r, 2, "BTI: execution continues after the skipped target");
    check_eq(call_via_br(g + 0x30, g + 0x20), 3, "BTI: BR x9 inside a guarded page to BTI J");
    exc_expect(0);
    r = call_via_br(g + 0x30, g);
    check_true(exc_taken(), "BTI: BR x9 inside a guarded page to BTI C faults");
    check_eq(exc_last.esr, (0x0dULL << 26) | ESR_IL | 3, "BTI: ESR EC 0x0D, BTYPE 0b11");
    check_eq(r, 1, "BTI: execution continues after BTI C");
    check_eq(((u64 (*)(void))(WIN + 10 * PAGE + 0x10))(), 2, "BTI: unguarded page needs no BTI");
    check_eq(call_via_br(WIN + 10 * PAGE + 0x30, WIN + 10 * PAGE), 1, "BTI: BR within an unguarded page");
}

static void alignment(void)
{
    u64 v;
    /* Normal memory: unaligned is fine with SCTLR_EL1.A = 0, an Alignment fault with A = 1. */
    pages[0][1] = 0x77;
    asm volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(WIN + 1) : "memory");
    check_eq(v, 0x77, "ldrb through the window");
    asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(WIN + 1) : "memory");
    check_true(1, "unaligned ldr with SCTLR_EL1.A=0 completes");
    write_sysreg(read_sysreg(sctlr_el1) | 2, sctlr_el1);
    isb();
    expect_dabt("unaligned ldr with SCTLR_EL1.A=1", WIN + 1, 0, 0x21);
    write_sysreg(read_sysreg(sctlr_el1) & ~2ULL, sctlr_el1);
    isb();
}

void test_main(void)
{
    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt)");
        return;
    }
    for (int i = 0; i < 11; i++) {
        pages[i][0] = 0x11 * i;
        pages[i][1] = 0x11 * i;
    }
    pages[0][7] = 0x01;
    build_tables();
    mmu_on();
    check_eq(read_sysreg(sctlr_el1) & 1, 1, "SCTLR_EL1.M set");
    check_eq(load(pa(2)) & 0xffff, 0x2222, "identity-mapped RAM readable with the MMU on");
    faults();
    aliases_and_tlbi();
    at_par();
    pan();
    execute();
    bti();
    alignment();
}
