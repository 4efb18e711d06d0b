/* SPDX-License-Identifier: GPL-2.0-or-later */
/* FEAT_SEL2: SCR_EL3.EEL2, entry to Secure EL2, EL2Enabled() in Secure state, the Secure EL2 regime. */
#include "sel2.h"

/*
 * Runs at EL3 on -M virt,secure=on,virtualization=on -cpu max (EL3 in Secure state, no RME).
 * Arm ARM references: ID_AA64PFR0_EL1.SEL2; SCR_EL3.EEL2; IllegalExceptionReturn() ("to EL2
 * in Secure state, when SecureEL2 is not enabled"); EL2Enabled() and IsSecureEL2Enabled();
 * C6.2 HVC/SMC pseudocode and HCR_EL2.TSC/TWI/TGE; the VSTTBR_EL2/VSTCR_EL2 accessibility
 * pseudocode; AArch64.S1DisabledOutput (Secure state: Secure PA space);
 * AArch64.S1NextWalkStateLeaf/Table (NS and NSTable in a Secure regime select the Non-secure PA
 * space); AArch64.EncodePAR (PAR_EL1.NS for a Secure regime).  The second half, Secure stage 2,
 * is in sel2-s2.c.
 */
#define WIN     0x200000000ULL      /* VA window of the Secure EL2 stage 1 tests */

static void expect(const char *what, unsigned el, unsigned vec, u64 esr, u64 elr)
{
    check_true(exc_taken(), "%s: exception taken", what);
    check_eq(exc_last.el, el, "%s: taken to EL%u", what, el);
    check_eq(exc_last.vec, vec, "%s: vector offset", what);
    check_eq(exc_last.esr, esr, "%s: ESR", what);
    check_eq(exc_last.elr, elr, "%s: ELR", what);
}

/* ---- 1, 2: the feature, SCR_EL3.EEL2 and the return to EL2 in Secure state ---- */

static void id_and_eret(void)
{
    u64 scr = read_sysreg(scr_el3), tgt, spsr;

    check_eq((read_sysreg(id_aa64pfr0_el1) >> 36) & 0xf, 1, "ID_AA64PFR0_EL1.SEL2 = 1");
    write_sysreg(scr | SCR_EEL2, scr_el3);
    isb();
    check_eq(read_sysreg(scr_el3) & SCR_EEL2, SCR_EEL2, "SCR_EL3.EEL2 reads back 1");
    write_sysreg(scr & ~SCR_EEL2, scr_el3);
    isb();
    check_eq(read_sysreg(scr_el3) & SCR_EEL2, 0, "SCR_EL3.EEL2 reads back 0");

    /*
     * IllegalExceptionReturn(): an ERET to EL2 in Secure state (SCR_EL3.NS = 0) with Secure EL2
     * disabled is illegal.  SetPSTATEFromPSR keeps EL and SP, sets PSTATE.IL and still restores
     * NZCV and DAIF; the PC is ELR_EL3.  The next instruction takes an Illegal Execution state
     * exception (EC 0x0E) to EL3, whose SPSR_EL3 has IL = 1 and M = EL3h.
     */
    write_sysreg(scr & ~(SCR_NS | SCR_EEL2), scr_el3);
    isb();
    spsr = (0xaULL << 28) | SPSR_DAIF | SPSR_MODE(2, 1);
    exc_expect(0);
    asm volatile("adr %0, 1f\n\tmsr elr_el3, %0\n\tmsr spsr_el3, %1\n\tisb\n\teret\n1:\tnop"
                 : "=&r"(tgt) : "r"(spsr) : "memory", "cc");
    expect("EEL2 0: ERET to EL2h with NS 0 is illegal", 3, VEC_CUR_SPX, ESR_OF(EC_ILLEGAL, 0),
           tgt);
    check_eq(exc_last.spsr & 0xf01003dfULL, (0xaULL << 28) | (1 << 20) | SPSR_DAIF | 0xd,
             "EEL2 0: illegal return: SPSR_EL3 NZCV from SPSR, IL 1, DAIF, M = EL3h");
    write_sysreg(scr, scr_el3);
    isb();
}

/* ---- 2, 3, 7, 9: Secure EL2, Secure EL1 and Secure EL0 ---- */

static u64 sel0_svc(u64 x)
{
    exc_expect(0);
    return AT("svc #0x55");
}

static u64 sel1_calls(u64 x)
{
    u64 a;

    check_eq(current_el(), 1, "S-EL1: CurrentEL is 1");
    /* EL2Enabled(): HVC and a TSC-trapped SMC from Secure EL1 go to Secure EL2. */
    exc_expect(0);
    a = AT("hvc #0x21");
    expect("S-EL1 hvc (EEL2 1)", 2, VEC_LOWER_A64, ESR_OF(EC_HVC, 0x21), a + 4);
    check_eq(exc_last.spsr & 0x3cf, SPSR_EL1H_MASKED, "S-EL1 hvc: SPSR_EL2 = EL1h, DAIF");
    exc_expect(0);
    a = AT("smc #0x22");
    expect("S-EL1 smc with HCR_EL2.TSC (EEL2 1)", 2, VEC_LOWER_A64, ESR_OF(EC_SMC, 0x22), a);
    exc_expect(0);
    a = AT("wfi");
    expect("S-EL1 wfi with HCR_EL2.TWI", 2, VEC_LOWER_A64,
           ESR_OF(EC_WFX, (1 << 24) | (0xe << 20)), a);
    /* VSTTBR_EL2/VSTCR_EL2 at EL1 without FEAT_NV: UNDEFINED, taken to EL1. */
    exc_expect(0);
    a = AT("mrs x0, S3_4_C2_C6_2");
    expect("S-EL1 mrs VSTCR_EL2", 1, VEC_CUR_SPX, ESR_OF(EC_UNKNOWN, 0), a);
    exc_expect(0);
    a = AT("msr S3_4_C2_C6_0, xzr");
    expect("S-EL1 msr VSTTBR_EL2", 1, VEC_CUR_SPX, ESR_OF(EC_UNKNOWN, 0), a);
    /* S1DisabledOutput: Secure EL1 with stage 1 and stage 2 off accesses the Secure PA space. */
    return ld64(SECRAM);
}

static u64 sel2_basic(u64 x)
{
    u64 a, v;

    check_eq(current_el(), 2, "S-EL2: CurrentEL is 2 after ERET with NS 0, EEL2 1");
    /* S1DisabledOutput: Secure EL2 with its MMU off accesses the Secure PA space. */
    check_eq(ld64(SECRAM), SEC_V0, "S-EL2: MMU off load from secure RAM");
    /* VSTTBR_EL2/VSTCR_EL2 accessible at Secure EL2 */
    wr_vsttbr(0x46001000ULL);
    isb();
    check_eq(rd_vsttbr(), 0x46001000ULL, "S-EL2: VSTTBR_EL2 read back");
    v = (1ULL << 31) | VSTCR_SA | (2ULL << 14) | (1 << 6) | 28;
    wr_vstcr(v);
    isb();
    check_eq(rd_vstcr(), v, "S-EL2: VSTCR_EL2 read back (SA, TG0, SL0, T0SZ)");
    /* SVC and HVC at EL2 are taken to EL2, SMC to EL3 (C6.2 SVC/HVC/SMC). */
    exc_expect(0);
    a = AT("svc #0x41");
    expect("S-EL2 svc", 2, VEC_CUR_SPX, ESR_OF(EC_SVC, 0x41), a + 4);
    exc_expect(0);
    a = AT("hvc #0x42");
    expect("S-EL2 hvc", 2, VEC_CUR_SPX, ESR_OF(EC_HVC, 0x42), a + 4);
    exc_expect(0);
    a = AT("smc #0x43");
    expect("S-EL2 smc", 3, VEC_LOWER_A64, ESR_OF(EC_SMC, 0x43), a + 4);
    check_eq(exc_last.spsr & 0xf, 0x9, "S-EL2 smc: SPSR_EL3.M = EL2h");

    /* Secure EL1 under Secure EL2 */
    write_sysreg(read_sysreg(hcr_el2) | HCR_TSC | HCR_TWI, hcr_el2);
    isb();
    check_eq(call_at_el(1, sel1_calls, 0), SEC_V0, "S-EL1: MMU off load from secure RAM");
    write_sysreg(read_sysreg(hcr_el2) & ~(HCR_TSC | HCR_TWI), hcr_el2);
    /* HCR_EL2.TGE: an SVC from Secure EL0 is taken to Secure EL2 (AArch64.TakeException). */
    write_sysreg(read_sysreg(hcr_el2) | HCR_TGE, hcr_el2);
    isb();
    a = call_at_el(0, sel0_svc, 0);
    write_sysreg(read_sysreg(hcr_el2) & ~HCR_TGE, hcr_el2);
    isb();
    expect("S-EL0 svc with HCR_EL2.TGE", 2, VEC_LOWER_A64, ESR_OF(EC_SVC, 0x55), a + 4);
    check_eq(exc_last.spsr & 0x3cf, 0x3c0, "S-EL0 svc: SPSR_EL2 = EL0t, DAIF");
    return current_el();
}

static u64 nsel1_access(u64 x)
{
    u64 a;

    exc_expect(0);
    a = AT("mrs x0, S3_4_C2_C6_0");
    expect("NS-EL1 mrs VSTTBR_EL2", 1, VEC_CUR_SPX, ESR_OF(EC_UNKNOWN, 0), a);
    return 0;
}

/* Non-secure EL2: VSTTBR_EL2/VSTCR_EL2 are UNDEFINED; secure RAM is not in its PA space. */
static u64 nsel2_access(u64 x)
{
    u64 a;

    exc_expect(0);
    a = AT("mrs x0, S3_4_C2_C6_0");
    expect("NS-EL2 mrs VSTTBR_EL2", 2, VEC_CUR_SPX, ESR_OF(EC_UNKNOWN, 0), a);
    exc_expect(0);
    a = AT("msr S3_4_C2_C6_2, xzr");
    expect("NS-EL2 msr VSTCR_EL2", 2, VEC_CUR_SPX, ESR_OF(EC_UNKNOWN, 0), a);
    exc_expect(0);
    (void)ld64(SECRAM);
    check_true(exc_taken(), "NS-EL2: MMU off load from secure RAM: data abort");
    check_eq(exc_last.esr & ESR_DABT_MASK & ~ESR_EA, ESR_OF(EC_DABT_CUR, FSC_SEA),
             "NS-EL2: MMU off load from secure RAM: ESR (external abort)");
    call_at_el(1, nsel1_access, 0);
    return 0;
}

/* SMC from Secure EL1 with EEL2 = 0: EL2 is not enabled, so HCR_EL2.TSC has no effect. */
static u64 sel1_no_el2(u64 x)
{
    exc_expect(0);
    return AT("smc #0x33");
}

static void states(void)
{
    u64 scr = read_sysreg(scr_el3), a;

    st64(SECRAM, SEC_V0);
    check_eq(at_sel2(sel2_basic, 0), 2, "S-EL2: back from Secure EL2");

    /* EL3 with EEL2 = 1: VSTTBR_EL2/VSTCR_EL2 accessible (register accessibility pseudocode). */
    write_sysreg(scr | SCR_EEL2, scr_el3);
    isb();
    wr_vsttbr(0x46002000ULL);
    isb();
    check_eq(rd_vsttbr(), 0x46002000ULL, "EL3 (EEL2 1): VSTTBR_EL2 read back");
    wr_vstcr((1ULL << 31) | VSTCR_SW | 25);
    isb();
    check_eq(rd_vstcr(), (1ULL << 31) | VSTCR_SW | 25, "EL3 (EEL2 1): VSTCR_EL2 read back");
    write_sysreg(scr, scr_el3);
    isb();

    call_at_el(2, nsel2_access, 0);

    write_sysreg(read_sysreg(hcr_el2) | HCR_TSC, hcr_el2);
    write_sysreg(scr & ~(SCR_NS | SCR_EEL2), scr_el3);
    isb();
    a = call_at_el(1, sel1_no_el2, 0);
    expect("S-EL1 smc with HCR_EL2.TSC, EEL2 0", 3, VEC_LOWER_A64, ESR_OF(EC_SMC, 0x33), a + 4);
    write_sysreg(scr, scr_el3);
    write_sysreg(read_sysreg(hcr_el2) & ~HCR_TSC, hcr_el2);
    isb();
}

/* ---- 4, 8: the Secure EL2 regime (stage 1, TTBR0_EL2, NS/NSTable, AT S1E2, TLBI) ---- */

static pt_t s1e2;
static u64 q0;

static void expect_sea2(const char *what, u64 va)
{
    exc_expect(0);
    (void)ld64(va);
    check_true(exc_taken(), "%s: data abort", what);
    check_eq(exc_last.el, 2, "%s: to EL2", what);
    check_eq(exc_last.esr & ESR_DABT_MASK & ~ESR_EA, ESR_OF(EC_DABT_CUR, FSC_SEA),
             "%s: ESR (synchronous external abort)", what);
    check_eq(exc_last.far, va, "%s: FAR_EL2", what);
}

static u64 at_s1e2(u64 va, int write)
{
    if (write) {
        asm volatile("at s1e2w, %0\n\tisb" :: "r"(va) : "memory");
    } else {
        asm volatile("at s1e2r, %0\n\tisb" :: "r"(va) : "memory");
    }
    return read_sysreg(par_el1);
}

static void sctlr2_m(int on)
{
    u64 s = read_sysreg(sctlr_el2);
    write_sysreg(on ? (s | 1 | (1 << 2) | (1 << 12)) : (s & ~1ULL), sctlr_el2);
    isb();
}

static u64 sel2_regime(u64 x)
{
    u64 w2 = WIN + 0x200000;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_XN;

    asm volatile("tlbi alle2\n\tdsb ish\n\tisb" ::: "memory");
    sctlr2_m(1);
    check_eq(ld64(WIN), SEC_V0, "S-EL2 stage 1: NS 0 page reads secure RAM");
    expect_sea2("S-EL2 stage 1: NS 1 page to secure RAM", WIN + 0x1000);
    check_eq(ld64(WIN + 0x2000), 0xa0a0, "S-EL2 stage 1: NS 1 page to RAM");
    expect_dabt_at("S-EL2 stage 1: store to a read-only page", WIN + 0x3000, 1, EC_DABT_CUR,
                   FSC_PERM(3), 2);
    expect_dabt_at("S-EL2 stage 1: invalid page", WIN + 0x4000, 0, EC_DABT_CUR, FSC_TRANS(3), 2);
    expect_dabt_at("S-EL2 stage 1: AF 0", WIN + 0x5000, 0, EC_DABT_CUR, FSC_AF(3), 2);
    expect_sea2("S-EL2 stage 1: under NSTable, NS 0 leaf is Non-secure", w2);
    check_eq(ld64(w2 + 0x1000), 0xa0a0, "S-EL2 stage 1: under NSTable, RAM");
    /* AT S1E2R/W at Secure EL2: PAR_EL1.NS is the output PA space (AArch64.EncodePAR). */
    check_eq(at_s1e2(WIN + 0x18, 0) & PAR_PA_NS_F, SECRAM, "S-EL2: AT S1E2R NS 0 page: PA, NS 0");
    check_eq(at_s1e2(WIN + 0x1000, 0) & PAR_PA_NS_F, SECRAM | PAR_NS,
             "S-EL2: AT S1E2R NS 1 page: NS 1");
    check_eq(at_s1e2(w2, 0) & PAR_PA_NS_F, SECRAM | PAR_NS, "S-EL2: AT S1E2R under NSTable: NS 1");
    check_eq(at_s1e2(WIN + 0x2000, 1) & PAR_PA_NS_F, q0 | PAR_NS, "S-EL2: AT S1E2W RAM page");
    check_eq(at_s1e2(WIN + 0x3000, 1) & 0x7f, (FSC_PERM(3) << 1) | 1,
             "S-EL2: AT S1E2W read-only page: F, FST");
    check_eq(at_s1e2(WIN + 0x4000, 0) & 0x7f, (FSC_TRANS(3) << 1) | 1,
             "S-EL2: AT S1E2R invalid page: F, FST");
    /* TLBI VAE2 / ALLE2 at Secure EL2 after break-before-make: the new entry is used. */
    *pt_slot(&s1e2, WIN, 3, 0) = 0;
    asm volatile("dsb ishst\n\ttlbi vae2, %0\n\tdsb ish\n\tisb" :: "r"(WIN >> 12) : "memory");
    expect_dabt_at("S-EL2: after TLBI VAE2", WIN, 0, EC_DABT_CUR, FSC_TRANS(3), 2);
    pt_map(&s1e2, WIN, q0, 3, attrs);
    asm volatile("dsb ishst\n\ttlbi alle2\n\tdsb ish\n\tisb" ::: "memory");
    check_eq(ld64(WIN), 0xa0a0, "S-EL2: remapped after TLBI ALLE2");
    pt_map(&s1e2, WIN, SECRAM, 3, attrs);
    asm volatile("dsb ishst\n\ttlbi vae2, %0\n\tdsb ish\n\tisb" :: "r"(WIN >> 12) : "memory");
    check_eq(ld64(WIN), SEC_V0, "S-EL2: remapped to secure RAM after TLBI VAE2");
    return 0;
}

/*
 * Non-secure EL2 with the same SCTLR_EL2/TCR_EL2/TTBR0_EL2: a different regime, whose walks
 * and output are Non-secure (descriptor NS ignored).  Entries cached by Secure EL2 for WIN do
 * not apply here.
 */
static u64 nsel2_regime(u64 x)
{
    expect_sea2("NS-EL2 stage 1: same tables, secure RAM page is Non-secure", WIN);
    check_eq(ld64(WIN + 0x2000), 0xa0a0, "NS-EL2 stage 1: RAM page");
    check_eq(at_s1e2(WIN + 0x2000, 0) & 0x0000fffffffff001ULL, q0, "NS-EL2: AT S1E2R: PA");
    sctlr2_m(0);
    return 0;
}

static void sel2_stage1(void)
{
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL | S1_XN;
    u64 w2 = WIN + 0x200000;

    pool_reset();
    q0 = pool_alloc(0x1000, 0x1000);
    st64(q0, 0xa0a0);
    pt_init(&s1e2, 12, 39, -1);
    pt_identity(&s1e2, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL);
    pt_identity(&s1e2, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_XN);
    pt_map(&s1e2, WIN, SECRAM, 3, attrs);
    pt_map(&s1e2, WIN + 0x1000, SECRAM, 3, attrs | S1_NS);
    pt_map(&s1e2, WIN + 0x2000, q0, 3, attrs | S1_NS);
    pt_map(&s1e2, WIN + 0x3000, q0, 3, attrs | S1_AP_RO);
    pt_map(&s1e2, WIN + 0x5000, q0, 3, attrs & ~S1_AF);
    (void)pt_slot(&s1e2, w2, 3, T_NS);
    pt_map(&s1e2, w2, SECRAM, 3, attrs);
    pt_map(&s1e2, w2 + 0x1000, q0, 3, attrs);
    dsb_sy();
    write_sysreg(MAIR_VALUE, mair_el2);
    /* T0SZ 25, IRGN0/ORGN0 WB, SH0 inner, TG0 4K, PS 40 bits, RES1 bits 31 and 23 */
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31) | (1 << 23),
                 tcr_el2);
    write_sysreg(s1e2.root, ttbr0_el2);
    isb();
    at_sel2(sel2_regime, 0);
    call_at_el(2, nsel2_regime, 0);
}

void test_main(void)
{
    if (start_el != 3 || !have_el2) {
        skip("expects to start at EL3 with EL2 (-M virt,secure=on,virtualization=on)");
        return;
    }
    if (((read_sysreg(id_aa64pfr0_el1) >> 52) & 0xf) != 0) {
        skip("written for a CPU without RME (EL3 in Secure state)");
        return;
    }
    id_and_eret();
    states();
    sel2_stage1();
    sel2_stage2();
}
