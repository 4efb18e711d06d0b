/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Stage 2 fault on a stage 1 table walk reports the stage 2 level; Debian's QEMU 7.2 reports the stage 1 level: expected reference failure. */
#include "testlib.h"

/*
 * Entered at EL2 on -M virt,virtualization=on.  Stage 2 maps IPA 0-1 GiB
 * (Device) and 1-2 GiB (Normal, identity, 2 MiB blocks) except IPA
 * 0x60200000-0x603fffff (its level 2 entry is invalid).  EL1's stage 1
 * maps everything identically except VA 0x60000000-0x601fffff, whose
 * level 3 table sits at IPA 0x60200000.  A load from VA 0x60000000 makes
 * the stage 1 walk read that table: a stage 2 Translation fault at level
 * 2 taken to EL2, ESR_EL2.S1PTW = 1, DFSC = 0b000110 (the level is the
 * stage 2 level, Arm ARM D8.14 / ESR_ELx DFSC), HPFAR_EL2 = the table's IPA.
 */
#define PAGE 4096

static u64 s2l1[512] __attribute__((aligned(PAGE)));
static u64 s2l2[512] __attribute__((aligned(PAGE)));
static u64 l1[512] __attribute__((aligned(PAGE)));
static u64 l2[512] __attribute__((aligned(PAGE)));

static u64 el1(u64 x)
{
    u64 v = 0;

    write_sysreg(0xff00, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg((u64)l1, ttbr0_el1);
    isb();
    asm volatile("tlbi vmalle1\n\tdsb ish\n\tisb" ::: "memory");
    write_sysreg(read_sysreg(sctlr_el1) | (1 << 12) | (1 << 2) | 1, sctlr_el1);
    isb();
    exc_expect(0);
    asm volatile("ldr %0, [%1]" : "+r"(v) : "r"(0x60000000ULL) : "memory");
    check_true(exc_taken(), "stage 2 fault on the stage 1 walk taken");
    check_eq(exc_last.el, 2, "taken to EL2");
    check_eq(exc_last.esr & 0xfe0000bfULL, 0x92000086ULL, "ESR_EL2: EC 0x24, S1PTW, DFSC translation level 2");
    check_eq(exc_last.far, 0x60000000, "FAR_EL2 is the VA");
    check_eq(exc_last.hpfar, (0x60200000ULL >> 12) << 4, "HPFAR_EL2 is the IPA of the stage 1 table");
    write_sysreg(read_sysreg(sctlr_el1) & ~((1ULL << 12) | (1 << 2) | 1), sctlr_el1);
    isb();
    return 0;
}

void test_main(void)
{
    if (start_el != 2) {
        skip("expects to start at EL2 (-M virt,virtualization=on)");
        return;
    }
    /* Stage 2: MemAttr Normal WB (0xf << 2), S2AP RW (3 << 6), SH inner, AF. */
    s2l1[0] = 0 | (1 << 10) | (3 << 6) | 1;
    s2l1[1] = (u64)s2l2 | 3;
    for (u64 i = 0; i < 512; i++) {
        s2l2[i] = (0x40000000ULL + (i << 21)) | (1 << 10) | (3 << 8) | (3 << 6) | (0xf << 2) | 1;
    }
    s2l2[257] = 0;
    /* Stage 1 for EL1: AttrIndx 1 Normal, AF, SH inner. */
    l1[0] = 0 | (1 << 10) | 1;
    l1[1] = (u64)l2 | 3;
    for (u64 i = 0; i < 512; i++) {
        l2[i] = (0x40000000ULL + (i << 21)) | (1 << 10) | (3 << 8) | (1 << 2) | 1;
    }
    l2[256] = 0x60200000ULL | 3;
    dsb_sy();
    write_sysreg(25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31), vtcr_el2);
    write_sysreg((u64)s2l1, vttbr_el2);
    isb();
    asm volatile("tlbi vmalls12e1\n\tdsb ish\n\tisb" ::: "memory");
    write_sysreg(read_sysreg(hcr_el2) | 1, hcr_el2);
    isb();
    call_at_el(1, el1, 0);
    write_sysreg(read_sysreg(hcr_el2) & ~1ULL, hcr_el2);
    isb();
}
