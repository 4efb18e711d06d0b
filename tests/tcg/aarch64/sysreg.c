/* SPDX-License-Identifier: GPL-2.0-or-later */
/* System registers: architectural reset state, PSTATE fields, read-back, access rules, virtualised ID regs, counters. */
#include "testlib.h"

/* Entered at EL3 on virt,secure=on,virtualization=on: the entry state is the reset state. */

static void reset_state(void)
{
    /* On reset to AArch64, PSTATE.{D,A,I,F} are set to 1 (Arm ARM D1.9.1). */
    check_eq(boot_daif, 0x3c0, "reset: PSTATE.DAIF all masked");
    /* SCTLR_EL3.M and SCTLR_EL3.C reset to 0 (D19.2 SCTLR_EL3). */
    check_eq(boot_sctlr & 1, 0, "reset: SCTLR_EL3.M is 0");
    check_eq(boot_sctlr & 4, 0, "reset: SCTLR_EL3.C is 0");
}

/* Features -cpu max must report (mandatory from Armv8.1 and later, and the ELs the board gives). */
static void id_regs(void)
{
    u64 pfr0 = read_sysreg(id_aa64pfr0_el1);
    u64 isar0 = read_sysreg(id_aa64isar0_el1);
    u64 mmfr1 = read_sysreg(id_aa64mmfr1_el1);

    check_true((pfr0 & 0xf) == 1 || (pfr0 & 0xf) == 2, "ID_AA64PFR0.EL0 AArch64");
    check_true(((pfr0 >> 4) & 0xf) == 1 || ((pfr0 >> 4) & 0xf) == 2, "ID_AA64PFR0.EL1 AArch64");
    check_true(((pfr0 >> 8) & 0xf) != 0, "ID_AA64PFR0.EL2 implemented (virtualization=on)");
    check_true(((pfr0 >> 12) & 0xf) != 0, "ID_AA64PFR0.EL3 implemented (secure=on)");
    check_true(((pfr0 >> 16) & 0xf) != 0xf, "ID_AA64PFR0.FP implemented");
    check_true(((pfr0 >> 20) & 0xf) != 0xf, "ID_AA64PFR0.AdvSIMD implemented");
    check_eq((isar0 >> 16) & 0xf, 1, "ID_AA64ISAR0.CRC32 (mandatory from v8.1)");
    check_eq((isar0 >> 20) & 0xf, 2, "ID_AA64ISAR0.Atomic LSE (mandatory from v8.1)");
    check_true(((mmfr1 >> 8) & 0xf) >= 1, "ID_AA64MMFR1.VH (mandatory from v8.1)");
    check_true(((mmfr1 >> 20) & 0xf) >= 1, "ID_AA64MMFR1.PAN (mandatory from v8.1)");
    check_true(((read_sysreg(id_aa64mmfr0_el1) >> 28) & 0xf) != 0xf, "ID_AA64MMFR0.TGran4 supported");
    check_eq(read_sysreg(CurrentEL) & ~0xcULL, 0, "CurrentEL RES0 bits read 0");
}

static void pstate(void)
{
    u64 v;

    for (u64 f = 0; f < 16; f++) {
        write_sysreg(f << 28, nzcv);
        check_eq(read_sysreg(nzcv), f << 28, "NZCV write/read 0x%lx", f);
    }
    asm volatile("msr daifset, #0xf");
    check_eq(read_sysreg(daif), 0x3c0, "msr daifset #0xf");
    asm volatile("msr daifclr, #2");
    check_eq(read_sysreg(daif), 0x340, "msr daifclr #2 clears I only");
    asm volatile("msr daifclr, #0xd");
    check_eq(read_sysreg(daif), 0, "msr daifclr #0xd clears D, A, F");
    asm volatile("msr daifset, #8");
    check_eq(read_sysreg(daif), 0x200, "msr daifset #8 sets D");
    write_sysreg(0x3c0, daif);
    check_eq(read_sysreg(daif), 0x3c0, "msr daif, register form");
    asm volatile("msr spsel, #0\n\tmrs %0, spsel\n\tmsr spsel, #1" : "=r"(v));
    check_eq(v, 0, "SPSel=0 reads back");
    check_eq(read_sysreg(spsel), 1, "SPSel=1 reads back");
    asm volatile("msr pan, #1");
    check_eq(read_sysreg(pan), 1 << 22, "PAN set (FEAT_PAN)");
    asm volatile("msr pan, #0");
    check_eq(read_sysreg(pan), 0, "PAN cleared");
    asm volatile("msr uao, #1");
    check_eq(read_sysreg(uao), 1 << 23, "UAO set (FEAT_UAO)");
    asm volatile("msr uao, #0");
    asm volatile("msr dit, #1");
    check_eq(read_sysreg(dit), 1 << 24, "DIT set (FEAT_DIT)");
    asm volatile("msr dit, #0");
    check_eq(read_sysreg(dit), 0, "DIT cleared");
}

#define RW(reg, val) do {                                                   \
    write_sysreg(val, reg);                                                 \
    check_eq(read_sysreg(reg), val, #reg " read back");                     \
} while (0)

static void read_back(void)
{
    RW(tpidr_el0, 0x0123456789abcdefULL);
    RW(tpidrro_el0, 0xfedcba9876543210ULL);
    RW(tpidr_el1, 0x1111111111111111ULL);
    RW(tpidr_el2, 0x2222222222222222ULL);
    RW(tpidr_el3, 0x3333333333333333ULL);
    RW(mair_el1, 0x44ff04bb0cf00408ULL);
    RW(mair_el2, 0x00ff00ff00ff00ffULL);
    RW(far_el1, 0xffff000012345678ULL);
    RW(far_el2, 0x0000ffff87654321ULL);
    RW(elr_el1, 0xffffffffffffff00ULL);
    RW(contextidr_el1, 0x12345678ULL);
    RW(cntv_cval_el0, 0xffffffffffffffffULL);
    RW(cntp_cval_el0, 0x8000000000000001ULL);
    RW(vbar_el1, 0x40201800ULL);
    RW(vbar_el1, (u64)0xffff000000000000ULL);
    RW(esr_el1, 0x96000045ULL);
    RW(actlr_el1, read_sysreg(actlr_el1));
    RW(cnthctl_el2, 3);
    RW(cntvoff_el2, 0x1000);
    RW(cntvoff_el2, 0);
    {
        extern char vectors_el1[];
        write_sysreg(vectors_el1, vbar_el1);
    }
}

/* SCTLR_ELx.EE and SCTLR_EL1.E0E: RES0 when ID_AA64MMFR0_EL1.BigEnd / BigEndEL0 say mixed
 * endianness is not implemented, writable otherwise (SCTLR_EL1 field descriptions). Only
 * SCTLR_EL1 is tried: it is not in use at EL3, and the write is undone at once. */
static void endianness(void)
{
    u64 mmfr0 = read_sysreg(id_aa64mmfr0_el1), s = read_sysreg(sctlr_el1);
    int bigend = ((mmfr0 >> 8) & 0xf) != 0, bigend_el0 = bigend || ((mmfr0 >> 16) & 0xf) != 0;

    write_sysreg(s | (1ULL << 25) | (1ULL << 24), sctlr_el1);
    isb();
    u64 r = read_sysreg(sctlr_el1);
    write_sysreg(s, sctlr_el1);
    isb();
    check_eq((r >> 25) & 1, (u64)bigend, "SCTLR_EL1.EE writable iff ID_AA64MMFR0.BigEnd");
    check_eq((r >> 24) & 1, (u64)bigend_el0, "SCTLR_EL1.E0E writable iff mixed-endian at EL0");
}

static u64 el1_mpidr_midr(u64 which)
{
    return which ? read_sysreg(mpidr_el1) : read_sysreg(midr_el1);
}

static u64 el1_write_cntfrq(u64 x)
{
    exc_expect(0);
    asm volatile("msr cntfrq_el0, %0" :: "r"(x));
    return exc_taken() ? exc_last.esr : 1;
}

static u64 el1_counters(u64 voff)
{
    u64 p1, v, p2;
    asm volatile("isb\n\tmrs %0, cntpct_el0\n\tisb\n\tmrs %1, cntvct_el0\n\tisb\n\tmrs %2, cntpct_el0"
                 : "=r"(p1), "=r"(v), "=r"(p2));
    check_true(p2 >= p1, "CNTPCT_EL0 does not go backwards");
    check_true(v >= p1 - voff && v <= p2 - voff, "CNTVCT_EL0 = CNTPCT_EL0 - CNTVOFF_EL2");
    return 0;
}

static u64 el0_tpidr(u64 x)
{
    u64 r;
    asm volatile("msr tpidr_el0, %1\n\tmrs %0, tpidr_el0" : "=r"(r) : "r"(x));
    check_eq(r, x, "EL0 TPIDR_EL0 read/write");
    asm volatile("mrs %0, tpidrro_el0" : "=r"(r));
    check_eq(r, 0xabcdef, "EL0 TPIDRRO_EL0 readable");
    exc_expect(0);
    asm volatile("msr tpidrro_el0, %0" :: "r"(x));
    check_true(exc_taken(), "EL0 write to TPIDRRO_EL0 is UNDEFINED");
    check_eq(exc_last.esr, 0x02000000, "EL0 write to TPIDRRO_EL0: ESR EC 0");
    return 0;
}

static void virt_and_access(void)
{
    u64 mpidr = read_sysreg(mpidr_el1), midr = read_sysreg(midr_el1);

    /* With EL2 enabled, EL1 reads of MIDR_EL1/MPIDR_EL1 return VPIDR_EL2/VMPIDR_EL2 (D19.2). */
    write_sysreg(0x41fedcbaULL, vpidr_el2);
    write_sysreg(0x80000102ULL, vmpidr_el2);
    isb();
    check_eq(call_at_el(1, el1_mpidr_midr, 0), 0x41fedcba, "EL1 MIDR_EL1 reads VPIDR_EL2");
    check_eq(call_at_el(1, el1_mpidr_midr, 1), 0x80000102, "EL1 MPIDR_EL1 reads VMPIDR_EL2");
    check_eq(read_sysreg(midr_el1), midr, "EL3 MIDR_EL1 unaffected by VPIDR_EL2");
    check_eq(read_sysreg(mpidr_el1), mpidr, "EL3 MPIDR_EL1 unaffected by VMPIDR_EL2");
    check_eq((mpidr >> 31) & 1, 1, "MPIDR_EL1 bit 31 is RES1");
    write_sysreg(midr, vpidr_el2);
    write_sysreg(mpidr, vmpidr_el2);

    /* CNTFRQ_EL0 is writable only at the highest implemented EL (D19.11). */
    {
        u64 frq = read_sysreg(cntfrq_el0);
        check_true(frq != 0, "CNTFRQ_EL0 is programmed");
        write_sysreg(12345678, cntfrq_el0);
        check_eq(read_sysreg(cntfrq_el0), 12345678, "CNTFRQ_EL0 writable at EL3");
        write_sysreg(frq, cntfrq_el0);
        check_eq(call_at_el(1, el1_write_cntfrq, 1000), 0x02000000, "EL1 write to CNTFRQ_EL0 is UNDEFINED");
    }
    write_sysreg(0x100000, cntvoff_el2);
    isb();
    call_at_el(1, el1_counters, 0x100000);
    write_sysreg(0, cntvoff_el2);
    write_sysreg(0xabcdef, tpidrro_el0);
    call_at_el(0, el0_tpidr, 0x5555aaaa5555aaaaULL);
}

void test_main(void)
{
    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2 (-M virt,secure=on,virtualization=on)");
        return;
    }
    reset_state();
    id_regs();
    pstate();
    read_back();
    endianness();
    virt_and_access();
}
