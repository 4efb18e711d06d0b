/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Stage 2 translation for EL1 (HCR_EL2.VM): IPA->PA mapping, S2AP/XN/AF faults to EL2, ISS syndrome, HPFAR_EL2, TLBI IPAS2E1, AT S12E1R. */
#include "testlib.h"

/*
 * Runs on -M virt,virtualization=on, entered at EL2.  EL1 runs with its
 * own stage 1 off, so its addresses are IPAs.  Stage 2: 4 KiB granule,
 * 39-bit IPA (VTCR_EL2.T0SZ 25, SL0 1: start at level 1).  IPA 0-1 GiB is
 * a Device block, 1-2 GiB identity Normal 2 MiB blocks, except the window
 * at IPA 0x60000000 (an L3 table).  Arm ARM D8 (stage 2 descriptors:
 * S2AP [7:6], MemAttr [5:2], XN [54:53], AF), D24.2.40 (ESR_EL2 ISS for
 * stage 2 data aborts: ISV, SAS, SSE, SRT, SF, AR, WnR, DFSC), HPFAR_EL2
 * (the faulting IPA for stage 2 Translation and Access flag faults; it is
 * not checked for Permission faults, where it may be UNKNOWN).
 */
#define WIN         0x60000000ULL
#define PAGE        4096
#define S2_AF       (1ULL << 10)
#define S2_SH       (3ULL << 8)
#define S2AP_RO     (1ULL << 6)
#define S2AP_RW     (3ULL << 6)
#define S2_NORMAL   (0xfULL << 2)   /* MemAttr: Normal, Outer/Inner Write-Back */
#define S2_DEVICE   (0x0ULL << 2)   /* MemAttr: Device-nGnRnE */
#define S2_XN       (2ULL << 53)    /* XN[1:0] = 0b10: no execution at EL1/EL0 */
#define HCR_VM      1ULL

static u64 s2l1[512] __attribute__((aligned(PAGE)));
static u64 s2l2[512] __attribute__((aligned(PAGE)));
static u64 s2l3[512] __attribute__((aligned(PAGE)));
static u8 pages[8][PAGE] __attribute__((aligned(PAGE)));

extern char fetch2_fn[], fetch2_resume[];
asm(".text\n.global fetch2_fn, fetch2_resume\nfetch2_fn:\n\tbr x0\nfetch2_resume:\n\tret\n");

static u64 page(int i, u64 ap, u64 extra)
{
    return (u64)pages[i] | S2_AF | S2_SH | S2_NORMAL | ap | 3 | extra;
}

static void build(void)
{
    s2l1[0] = 0 | S2_AF | S2_DEVICE | S2AP_RW | S2_XN | 1;
    s2l1[1] = (u64)s2l2 | 3;
    for (u64 i = 0; i < 512; i++) {
        s2l2[i] = (0x40000000ULL + (i << 21)) | S2_AF | S2_SH | S2_NORMAL | S2AP_RW | 1;
    }
    s2l2[256] = (u64)s2l3 | 3;
    s2l3[0] = page(0, S2AP_RW, S2_XN);
    s2l3[1] = page(1, S2AP_RO, S2_XN);      /* read-only */
    s2l3[2] = 0;                            /* invalid */
    s2l3[3] = page(3, S2AP_RW, S2_XN) & ~S2_AF;
    s2l3[4] = page(6, S2AP_RW, S2_XN);      /* IPA page 4 -> PA page 6 */
    s2l3[5] = page(5, S2AP_RW, S2_XN);      /* code, not executable */
    s2l3[7] = page(7, S2AP_RW, 0);          /* code, executable */
    dsb_sy();
    /* T0SZ 25, SL0 1, IRGN0/ORGN0 WB, SH0 inner, TG0 4K, PS 40 bits; VTCR_EL2 bit 31 RES1. */
    write_sysreg(25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31), vtcr_el2);
    write_sysreg((u64)s2l1, vttbr_el2);
    isb();
    asm volatile("tlbi vmalls12e1\n\tdsb ish\n\tisb" ::: "memory");
    write_sysreg(read_sysreg(hcr_el2) | HCR_VM, hcr_el2);
    isb();
}

/* Syndrome of a stage 2 data abort with a valid instruction syndrome. */
static u64 esr_s2(u64 sas, u64 sse, u64 srt, u64 sf, u64 wnr, u64 dfsc)
{
    return (0x24ULL << 26) | ESR_IL | (1ULL << 24) | (sas << 22) | (sse << 21) | (srt << 16) |
           (sf << 15) | (wnr << 6) | dfsc;
}

static void expect_s2(const char *what, u64 esr, u64 far, int hpfar_valid)
{
    check_true(exc_taken(), "%s: taken", what);
    check_eq(exc_last.el, 2, "%s: to EL2", what);
    check_eq(exc_last.vec, VEC_LOWER_A64, "%s: lower EL vector", what);
    check_eq(exc_last.esr, esr, "%s: ESR_EL2", what);
    check_eq(exc_last.far, far, "%s: FAR_EL2", what);
    if (hpfar_valid) {
        check_eq(exc_last.hpfar, (far >> 12) << 4, "%s: HPFAR_EL2 holds the IPA", what);
    }
}

static u64 el1_side(u64 x)
{
    u32 w;

    check_eq(*(volatile u64 *)(WIN + 4 * PAGE), 0x6666, "IPA page 4 reads PA page 6");
    check_eq(*(volatile u64 *)(WIN + 1 * PAGE), 0x1111, "read-only page readable");
    *(volatile u64 *)WIN = 0xabcd;
    check_eq(*(volatile u64 *)WIN, 0xabcd, "read-write page writable");

    exc_expect(0);
    asm volatile("mov x6, %0\n\tmov x5, #1\n\tstr x5, [x6]" :: "r"(WIN + PAGE) : "x5", "x6", "memory");
    expect_s2("store to S2AP=RO", esr_s2(3, 0, 5, 1, 1, 0x0f), WIN + PAGE, 0);

    exc_expect(0);
    asm volatile("mov x6, %0\n\tldrh w7, [x6]" :: "r"(WIN + 2 * PAGE + 6) : "x6", "x7", "memory");
    expect_s2("ldrh from an invalid page", esr_s2(1, 0, 7, 0, 0, 0x07), WIN + 2 * PAGE + 6, 1);

    exc_expect(0);
    asm volatile("mov x6, %0\n\tldrsb x7, [x6]" :: "r"(WIN + 2 * PAGE + 1) : "x6", "x7", "memory");
    expect_s2("ldrsb x from an invalid page", esr_s2(0, 1, 7, 1, 0, 0x07), WIN + 2 * PAGE + 1, 1);

    exc_expect(0);
    asm volatile("mov x6, %0\n\tstr w9, [x6, #8]" :: "r"(WIN + 3 * PAGE) : "x6", "memory");
    expect_s2("str w to an AF=0 page", esr_s2(2, 0, 9, 0, 1, 0x0b), WIN + 3 * PAGE + 8, 1);

    /* A pair has no single-register syndrome: ISV is 0. */
    exc_expect(0);
    asm volatile("mov x6, %0\n\tldp x7, x8, [x6]" :: "r"(WIN + 2 * PAGE) : "x6", "x7", "x8", "memory");
    check_true(exc_taken(), "ldp from an invalid page: taken");
    check_eq((exc_last.esr >> 24) & 1, 0, "ldp: ISV 0");
    check_eq(exc_last.esr & 0x7f, 0x07, "ldp: WnR 0, DFSC translation L3");

    exc_expect((u64)fetch2_resume);
    ((void (*)(u64))fetch2_fn)(WIN + 5 * PAGE);
    check_true(exc_taken(), "fetch from a stage 2 XN page: taken");
    check_eq(exc_last.el, 2, "fetch from XN: to EL2");
    check_eq(exc_last.esr, (0x20ULL << 26) | ESR_IL | 0x0f, "fetch from XN: ESR EC 0x20, IFSC permission L3");
    check_eq(exc_last.far, WIN + 5 * PAGE, "fetch from XN: FAR_EL2");
    check_eq(((u64 (*)(void))(WIN + 7 * PAGE))(), 42, "fetch from an executable stage 2 page");

    asm volatile("ldr %w0, [%1]" : "=r"(w) : "r"(WIN + 6 * PAGE) : "memory");
    return w;
}

static u64 el1_read(u64 ipa)
{
    return *(volatile u64 *)ipa;
}

void test_main(void)
{
    static const u32 code[] = { 0xd2800540, 0xd65f03c0 };  /* mov x0, #42; ret */
    u64 par;

    if (start_el != 2) {
        skip("expects to start at EL2 (-M virt,virtualization=on)");
        return;
    }
    for (int i = 0; i < 8; i++) {
        *(u64 *)pages[i] = 0x1111ULL * i;
    }
    memcpy(pages[5], code, sizeof(code));
    memcpy(pages[7], code, sizeof(code));
    asm volatile("dc cvau, %0\n\tdc cvau, %1\n\tdsb ish\n\tic iallu\n\tdsb ish\n\tisb"
                 :: "r"(pages[5]), "r"(pages[7]) : "memory");
    build();

    /* IPA page 6 maps PA page 2: the EL1 side returns what it reads there. */
    s2l3[6] = page(2, S2AP_RW, S2_XN);
    dsb_sy();
    check_eq(call_at_el(1, el1_side, 0), 0x2222, "EL1 side done (IPA page 6 -> PA page 2)");
    check_eq(*(u64 *)pages[0], 0xabcd, "EL1 store reached PA page 0");
    check_eq(*(u64 *)pages[1], 0x1111, "faulting store did not reach the read-only page");

    /* Break-before-make: remap IPA page 4 to PA page 3, with TLBI IPAS2E1 and VMALLE1. */
    s2l3[4] = 0;
    asm volatile("dsb ishst\n\ttlbi ipas2e1, %0\n\tdsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb"
                 :: "r"((WIN + 4 * PAGE) >> 12) : "memory");
    s2l3[4] = page(3, S2AP_RW, S2_XN);
    dsb_sy();
    isb();
    check_eq(call_at_el(1, el1_read, WIN + 4 * PAGE), 0x3333, "after TLBI IPAS2E1 the IPA reads PA page 3");

    /* AT S12E1R at EL2: the full EL1&0 translation (stage 1 off) gives the PA. */
    asm volatile("at s12e1r, %0\n\tisb" :: "r"(WIN + 4 * PAGE + 0x10) : "memory");
    par = read_sysreg(par_el1);
    check_eq(par & 0x0000fffffffff001ULL, (u64)pages[3], "AT S12E1R: PAR.PA of the remapped page, F 0");
    asm volatile("at s12e1r, %0\n\tisb" :: "r"(WIN + 2 * PAGE) : "memory");
    par = read_sysreg(par_el1);
    check_eq(par & 1, 1, "AT S12E1R invalid IPA: PAR.F 1");
    check_eq((par >> 9) & 1, 1, "AT S12E1R invalid IPA: PAR.S 1 (stage 2 fault)");
    check_eq((par >> 1) & 0x3f, 0x07, "AT S12E1R invalid IPA: FST translation L3");

    write_sysreg(read_sysreg(hcr_el2) & ~HCR_VM, hcr_el2);
    isb();
}
