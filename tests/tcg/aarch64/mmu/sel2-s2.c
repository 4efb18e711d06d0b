/* SPDX-License-Identifier: GPL-2.0-or-later */
/* FEAT_SEL2: Secure stage 2 (VSTTBR/VSTCR and VTTBR/VTCR for the two IPA spaces), AT S12E1, TLBI. */
#include "sel2.h"

/*
 * Secure EL1&0 with HCR_EL2.VM = 1 at Secure EL2.  Arm ARM pseudocode: AArch64.SS2TTWParams
 * (Secure IPA: VSTCR_EL2.{TG0,T0SZ,SL0}; Non-secure IPA: VTCR_EL2's), AArch64.SS2InitialTTWState
 * (walks of the Secure IPA space use VSTTBR_EL2 and the Secure PA space unless VSTCR_EL2.SW;
 * walks of the Non-secure IPA space use VTTBR_EL2 and the Secure PA space unless VTCR_EL2.NSW),
 * AArch64.SS2OutputPASpace (Secure IPA: Secure PA iff SW,SA = 00; Non-secure IPA: Secure PA iff
 * SW,SA,NSW,NSA = 0000), AArch64.S1NextWalkStateLeaf/Table (stage 1 NS and NSTable give a
 * Non-secure IPA), AArch64.ReportException (HPFAR_EL2.NS = the faulting IPA space when the IPA
 * is valid, IPAValid(): not for a stage 2 Permission fault outside a stage 1 walk),
 * AArch64.EncodePAR, TLBI IPAS2E1 (Xt bit 63: NS, the IPA space), TLBI VMALLS12E1.
 *
 * The stage 2 level 3 tables of the two test windows live in secure RAM: a walk that reaches
 * them through the Non-secure PA space (SW or NSW = 1) takes a synchronous external abort on
 * the walk (DFSC 0b0101LL), which shows which PA space the walk used.
 */
#define WIN     0x200000000ULL      /* Secure EL1 VA window */
#define S2W     0x80000000ULL       /* Secure IPA window (VSTTBR_EL2, 4K granule) */
#define NSW_IPA 0x90000000ULL       /* Non-secure IPA window (VTTBR_EL2, 64K granule) */
#define R1      (WIN + 0x200000)    /* stage 1 table with NSTable = 1, table IPA mapped */
#define R2      (WIN + 0x400000)    /* stage 1 table with NSTable = 1, table IPA unmapped */
#define ISS_LDR_X7  ((1ULL << 24) | (3ULL << 22) | (7ULL << 16) | (1ULL << 15))
#define ISS_STR_X5  ((1ULL << 24) | (3ULL << 22) | (5ULL << 16) | (1ULL << 15) | ESR_WNR)

static pt_t ss2, ns2, s1;
static u64 q0, q1, q3, q4, qc, t1, t2;
static u64 vstcr0, vtcr0;

extern char sel2_fetch_fn[], sel2_fetch_resume[];
asm(".text\n.global sel2_fetch_fn, sel2_fetch_resume\nsel2_fetch_fn:\n\tbr x0\n"
    "sel2_fetch_resume:\n\tret\n");

/* ---- Secure EL1 side ---- */

static u64 el1_ld(u64 va)
{
    return ld64(va);
}

/* A load (ldr x7, [x6]) or store (str x5, [x6]) that is expected to fault; returns the EL
 * it resumed at (after the handler's ERET). */
static u64 el1_pc;     /* address of the faulting load or store */

static u64 el1_ldx(u64 va)
{
    u64 pc;

    exc_expect(0);
    asm volatile("mov x6, %1\n\tadr %0, 1f\n1:\tldr x7, [x6]" : "=&r"(pc) : "r"(va)
                 : "x6", "x7", "memory");
    el1_pc = pc;
    return current_el();
}

static u64 el1_stx(u64 va)
{
    u64 pc;

    exc_expect(0);
    asm volatile("mov x6, %1\n\tmov x5, #1\n\tadr %0, 1f\n1:\tstr x5, [x6]" : "=&r"(pc)
                 : "r"(va) : "x5", "x6", "memory");
    el1_pc = pc;
    return current_el();
}

static u64 el1_fetch(u64 va)
{
    exc_expect((u64)sel2_fetch_resume);
    ((void (*)(u64))sel2_fetch_fn)(va);
    return current_el();
}

static u64 el1_call(u64 va)
{
    return ((u64 (*)(void))va)();
}

/* ---- Secure EL2 side ---- */

static u64 at_op(u64 va, int op)
{
    switch (op) {
    case 0: asm volatile("at s12e1r, %0\n\tisb" :: "r"(va) : "memory"); break;
    case 1: asm volatile("at s12e1w, %0\n\tisb" :: "r"(va) : "memory"); break;
    default: asm volatile("at s1e1r, %0\n\tisb" :: "r"(va) : "memory"); break;
    }
    return read_sysreg(par_el1);
}

static void tlbi_s12(void)
{
    asm volatile("dsb ishst\n\ttlbi vmalls12e1\n\tdsb ish\n\tisb" ::: "memory");
}

static void set_pas(const char *cfg, u64 vstcr_bits, u64 vtcr_bits)
{
    wr_vstcr(vstcr0 | vstcr_bits);
    write_sysreg(vtcr0 | vtcr_bits, vtcr_el2);
    isb();
    tlbi_s12();
    printf("# Secure stage 2 with %s\n", cfg);
}

/* A stage 2 Data Abort from Secure EL1, taken to Secure EL2 (EC 0x24, lower-EL vector). */
static void expect_s2(const char *what, u64 el, u64 esr, u64 esr_mask, u64 far, u64 hpfar)
{
    check_eq(el, 1, "%s: resumed at EL1 after ERET", what);
    check_true(exc_taken(), "%s: taken", what);
    check_eq(exc_last.el, 2, "%s: to EL2", what);
    check_eq(exc_last.vec, VEC_LOWER_A64, "%s: VBAR_EL2 lower-EL AArch64 vector", what);
    check_eq(exc_last.esr & esr_mask, esr, "%s: ESR_EL2", what);
    check_eq(exc_last.far, far, "%s: FAR_EL2", what);
    check_eq(exc_last.spsr & 0x3cf, SPSR_EL1H_MASKED, "%s: SPSR_EL2 = EL1h", what);
    check_eq(exc_last.elr, el1_pc, "%s: ELR_EL2 = the faulting instruction", what);
    if (hpfar != ~0ULL) {
        check_eq(exc_last.hpfar, hpfar, "%s: HPFAR_EL2", what);
    }
}

/* A synchronous external abort on the access itself: not a stage 2 fault, taken to EL1. */
static void expect_sea1(const char *what, u64 va)
{
    check_eq(call_at_el(1, el1_ldx, va), 1, "%s: resumed at EL1", what);
    check_true(exc_taken(), "%s: taken", what);
    check_eq(exc_last.el, 1, "%s: to EL1", what);
    check_eq(exc_last.esr & ESR_DABT_MASK & ~ESR_EA, ESR_OF(EC_DABT_CUR, FSC_SEA),
             "%s: ESR_EL1 (synchronous external abort)", what);
    check_eq(exc_last.far, va, "%s: FAR_EL1", what);
}

static u64 hpfar_of(u64 ipa, int ns)
{
    return ((ipa >> 12) << 4) | (ns ? HPFAR_NS : 0);
}

static void all_secure(void)
{
    u64 dabt = ESR_OF(EC_DABT_LOWER, 0);

    set_pas("SW SA NSW NSA = 0000", 0, 0);
    check_eq(call_at_el(1, el1_ld, WIN), SEC_V0, "0000: Secure IPA -> Secure PA (secure RAM)");
    check_eq(call_at_el(1, el1_ld, WIN + 0x1000), SEC_V2,
             "0000: Non-secure IPA -> Secure PA (secure RAM)");
    check_eq(call_at_el(1, el1_ld, WIN + 0x2000), 0xa3a3, "0000: Non-secure IPA -> RAM");
    check_eq(call_at_el(1, el1_ld, WIN + 0xa000), 0xa0a0, "0000: Secure IPA -> RAM");
    expect_s2("Non-secure IPA unmapped", call_at_el(1, el1_ldx, WIN + 0x3000),
              dabt | ISS_LDR_X7 | FSC_TRANS(3), ~0ULL, WIN + 0x3000,
              hpfar_of(NSW_IPA + 0x20000, 1));
    expect_s2("Non-secure IPA read-only store", call_at_el(1, el1_stx, WIN + 0x4000),
              dabt | ISS_STR_X5 | FSC_PERM(3), ~0ULL, WIN + 0x4000, ~0ULL);
    check_eq(ld64(q3), 0xa3a3, "Non-secure IPA read-only store: memory unchanged");
    expect_s2("Secure IPA unmapped", call_at_el(1, el1_ldx, WIN + 0x5000),
              dabt | ISS_LDR_X7 | FSC_TRANS(3), ~0ULL, WIN + 0x5000, hpfar_of(S2W + 0x3000, 0));
    expect_s2("Secure IPA read-only store", call_at_el(1, el1_stx, WIN + 0x6000),
              dabt | ISS_STR_X5 | FSC_PERM(3), ~0ULL, WIN + 0x6000, ~0ULL);
    check_eq(ld64(SECRAM + 0x1000), SEC_V1, "Secure IPA read-only store: memory unchanged");
    expect_s2("Secure IPA AF 0", call_at_el(1, el1_ldx, WIN + 0x7000),
              dabt | ISS_LDR_X7 | FSC_AF(3), ~0ULL, WIN + 0x7000, hpfar_of(S2W + 0x4000, 0));
    /* Stage 2 XN on a Secure IPA: Instruction Abort from a lower EL (EC 0x20) to EL2. */
    check_eq(call_at_el(1, el1_fetch, WIN + 0x8000), 1, "S2 XN fetch: resumed at EL1");
    check_true(exc_taken(), "S2 XN fetch: taken");
    check_eq(exc_last.el, 2, "S2 XN fetch: to EL2");
    check_eq(exc_last.esr, ESR_OF(EC_IABT_LOWER, FSC_PERM(3)), "S2 XN fetch: ESR_EL2");
    check_eq(exc_last.far, WIN + 0x8000, "S2 XN fetch: FAR_EL2");
    check_eq(exc_last.elr, WIN + 0x8000, "S2 XN fetch: ELR_EL2");
    check_eq(call_at_el(1, el1_call, WIN + 0x9000), 42, "Secure IPA executable page runs");
    /* IPA NSW_IPA + 0x10000 in each IPA space: two translations, never confused. */
    for (int i = 0; i < 2; i++) {
        check_eq(call_at_el(1, el1_ld, WIN + 0xc000), 0xb1b1,
                 "Secure IPA with a Non-secure IPA's number: own mapping (%d)", i);
        check_eq(call_at_el(1, el1_ld, WIN + 0x2000), 0xa3a3,
                 "Non-secure IPA with a Secure IPA's number: own mapping (%d)", i);
    }
    check_eq(at_op(WIN + 0xc000, 0) & PAR_PA_NS_F, q1, "AT S12E1R Secure IPA, same number: PA");
    /* Stage 1 NSTable = 1: the next table and the output are in the Non-secure IPA space. */
    check_eq(call_at_el(1, el1_ld, R1), 0xa3a3, "NSTable: leaf NS 0 is a Non-secure IPA");
    /* HPFAR_EL2.NS of this fault (1: the table's IPA is Non-secure) is dev-sel2-hpfar-ns. */
    expect_s2("NSTable: table at an unmapped Non-secure IPA (S1PTW)", call_at_el(1, el1_ldx, R2),
              dabt | ESR_S1PTW | FSC_TRANS(3), ~0ULL, R2, ~0ULL);
    check_eq(exc_last.hpfar & ~HPFAR_NS, hpfar_of(t2, 0),
             "NSTable: table at an unmapped Non-secure IPA (S1PTW): HPFAR_EL2.FIPA");

    /* AT from Secure EL2 */
    check_eq(at_op(WIN + 0x10, 0) & PAR_PA_NS_F, SECRAM, "0000: AT S12E1R Secure IPA: PA, NS 0");
    check_eq(at_op(WIN + 0x1000, 0) & PAR_PA_NS_F, SECRAM + 0x10000,
             "0000: AT S12E1R Non-secure IPA: PA, NS 0");
    check_eq(at_op(WIN + 0x2000, 1) & PAR_PA_NS_F, q3, "0000: AT S12E1W Non-secure IPA: RAM");
    check_eq(at_op(R1, 0) & PAR_PA_NS_F, q3, "0000: AT S12E1R under NSTable: PA, NS 0");
    check_eq(at_op(WIN + 0x4000, 1) & 0x3ff, 1 | (FSC_PERM(3) << 1) | (1 << 9),
             "AT S12E1W Non-secure IPA read-only: F, FST, S");
    check_eq(at_op(WIN + 0x3000, 0) & 0x3ff, 1 | (FSC_TRANS(3) << 1) | (1 << 9),
             "AT S12E1R Non-secure IPA unmapped: F, FST, S");
    check_eq(at_op(WIN + 0x5000, 0) & 0x3ff, 1 | (FSC_TRANS(3) << 1) | (1 << 9),
             "AT S12E1R Secure IPA unmapped: F, FST, S");
    check_eq(at_op(R2, 0) & 0x3ff, 1 | (FSC_TRANS(3) << 1) | (1 << 8) | (1 << 9),
             "AT S12E1R table at an unmapped Non-secure IPA: F, FST, PTW, S");
    /* AArch64.SS2TTWParams: PS comes from VTCR_EL2 (40 bits) for the Secure IPA space too. */
    check_eq(at_op(WIN + 0xb000, 0) & PAR_PA_NS_F, 0x100000000ULL,
             "AT S12E1R Secure IPA to PA 4 GiB: VTCR_EL2.PS (40 bits) applies, no fault");
    check_eq(at_op(WIN + 0x10, 2) & PAR_PA_NS_F, S2W, "AT S1E1R NS 0 page: Secure IPA, NS 0");
    check_eq(at_op(WIN + 0x1000, 2) & PAR_PA_NS_F, NSW_IPA | PAR_NS,
             "AT S1E1R NS 1 page: Non-secure IPA, NS 1");
    check_eq(at_op(R1, 2) & PAR_PA_NS_F, (NSW_IPA + 0x10000) | PAR_NS,
             "AT S1E1R under NSTable: Non-secure IPA, NS 1");
}

static void pa_spaces(void)
{
    u64 dabt = ESR_OF(EC_DABT_LOWER, 0);
    u64 walk_mask = ESR_DABT_MASK & ~ESR_EA;

    /* NSA = 1: Non-secure IPAs output to the Non-secure PA space; Secure IPAs unaffected. */
    set_pas("NSA = 1", 0, VTCR_NSA);
    check_eq(call_at_el(1, el1_ld, WIN), SEC_V0, "NSA 1: Secure IPA -> Secure PA");
    expect_sea1("NSA 1: Non-secure IPA to secure RAM is Non-secure", WIN + 0x1000);
    check_eq(call_at_el(1, el1_ld, WIN + 0x2000), 0xa3a3, "NSA 1: Non-secure IPA -> RAM");
    check_eq(at_op(WIN + 0x1000, 0) & PAR_PA_NS_F, (SECRAM + 0x10000) | PAR_NS,
             "NSA 1: AT S12E1R Non-secure IPA: NS 1");
    check_eq(at_op(WIN, 0) & PAR_PA_NS_F, SECRAM, "NSA 1: AT S12E1R Secure IPA: NS 0");

    /* NSW = 1: walks for Non-secure IPAs are Non-secure (the level 3 table is secure RAM),
     * and NSA behaves as 1. */
    set_pas("NSW = 1", 0, VTCR_NSW);
    expect_s2("NSW 1: Non-secure IPA walk to secure RAM", call_at_el(1, el1_ldx, WIN + 0x1000),
              dabt | FSC_SEA_WALK(3), walk_mask, WIN + 0x1000, ~0ULL);
    check_eq(call_at_el(1, el1_ld, WIN), SEC_V0, "NSW 1: Secure IPA -> Secure PA");

    /* SA = 1: every output is Non-secure, for both IPA spaces. */
    set_pas("SA = 1", VSTCR_SA, 0);
    expect_sea1("SA 1: Secure IPA to secure RAM is Non-secure", WIN);
    expect_sea1("SA 1: Non-secure IPA to secure RAM is Non-secure", WIN + 0x1000);
    check_eq(call_at_el(1, el1_ld, WIN + 0xa000), 0xa0a0, "SA 1: Secure IPA -> RAM");
    check_eq(at_op(WIN, 0) & PAR_PA_NS_F, SECRAM | PAR_NS, "SA 1: AT S12E1R Secure IPA: NS 1");
    check_eq(at_op(WIN + 0x2000, 0) & PAR_PA_NS_F, q3 | PAR_NS,
             "SA 1: AT S12E1R Non-secure IPA: NS 1");

    /* SW = 1: walks for Secure IPAs are Non-secure and SA behaves as 1. */
    set_pas("SW = 1", VSTCR_SW, 0);
    expect_s2("SW 1: Secure IPA walk to secure RAM", call_at_el(1, el1_ldx, WIN),
              dabt | FSC_SEA_WALK(3), walk_mask, WIN, ~0ULL);
    check_eq(call_at_el(1, el1_ld, WIN + 0x2000), 0xa3a3, "SW 1: Non-secure IPA -> RAM");
    expect_sea1("SW 1: Non-secure IPA to secure RAM is Non-secure", WIN + 0x1000);
    check_eq(at_op(WIN + 0x2000, 0) & PAR_PA_NS_F, q3 | PAR_NS,
             "SW 1: AT S12E1R Non-secure IPA: NS 1");
    set_pas("SW SA NSW NSA = 0000", 0, 0);
}

/* Break-before-make on a stage 2 descriptor with the given TLBI, then read the new page. */
static void remap(pt_t *p, u64 ipa, u64 oa, u64 attrs, int how, int ns)
{
    u64 op = (ipa >> 12) | (ns ? (1ULL << 63) : 0);

    *pt_slot(p, ipa, 3, 0) = 0;
    if (how == 0) {
        asm volatile("dsb ishst\n\ttlbi ipas2e1, %0\n\tdsb ish\n\ttlbi vmalle1\n\tdsb ish\n\tisb"
                     :: "r"(op) : "memory");
    } else {
        tlbi_s12();
    }
    pt_map(p, ipa, oa, 3, attrs);
    dsb_sy();
    isb();
}

static void tlbi(void)
{
    u64 s2attrs = S2_AF | S2_ISH | S2_NORMAL | S2_R | S2_W | S2_XN;

    check_eq(call_at_el(1, el1_ld, WIN + 0xa000), 0xa0a0, "TLBI: Secure IPA page before");
    remap(&ss2, S2W + 0x1000, q1, s2attrs, 0, 0);
    check_eq(call_at_el(1, el1_ld, WIN + 0xa000), 0xb1b1,
             "TLBI IPAS2E1 (NS 0) + VMALLE1: Secure IPA remapped");
    check_eq(call_at_el(1, el1_ld, WIN + 0x2000), 0xa3a3, "TLBI: Non-secure IPA page before");
    remap(&ns2, NSW_IPA + 0x10000, q4, s2attrs, 0, 1);
    check_eq(call_at_el(1, el1_ld, WIN + 0x2000), 0xb4b4,
             "TLBI IPAS2E1 (NS 1) + VMALLE1: Non-secure IPA remapped");
    remap(&ss2, S2W + 0x1000, q0, s2attrs, 1, 0);
    remap(&ns2, NSW_IPA + 0x10000, q3, s2attrs, 1, 1);
    check_eq(call_at_el(1, el1_ld, WIN + 0xa000), 0xa0a0, "TLBI VMALLS12E1: Secure IPA back");
    check_eq(call_at_el(1, el1_ld, WIN + 0x2000), 0xa3a3, "TLBI VMALLS12E1: Non-secure IPA back");
}

static u64 sel2_s2_main(u64 x)
{
    write_sysreg(read_sysreg(hcr_el2) | HCR_VM, hcr_el2);
    isb();
    all_secure();
    pa_spaces();
    tlbi();
    write_sysreg(read_sysreg(hcr_el2) & ~HCR_VM, hcr_el2);
    isb();
    tlbi_s12();
    return 0;
}

/* Allocate the level 3 table for ipa from secure RAM (the levels above from RAM). */
static void l3_in_secram(pt_t *p, u64 ipa, u64 *secnext)
{
    u64 saved;

    if (p->start < 2) {
        (void)pt_slot(p, ipa, 2, 0);
    }
    saved = pool_next;
    pool_next = *secnext;
    (void)pt_slot(p, ipa, 3, 0);
    *secnext = pool_next;
    pool_next = saved;
}

void sel2_stage2(void)
{
    static const u32 code[] = { 0xd2800540, 0xd65f03c0 };  /* mov x0, #42; ret */
    u64 s2attrs = S2_AF | S2_ISH | S2_NORMAL | S2_R | S2_W | S2_XN;
    u64 s1data = S1_AF | S1_ISH | S1_NORMAL | S1_PXN | S1_UXN;
    u64 secnext = SECPOOL;

    pool_reset();
    q0 = pool_alloc(0x10000, 0x10000);
    q1 = pool_alloc(0x10000, 0x10000);
    q3 = pool_alloc(0x10000, 0x10000);
    q4 = pool_alloc(0x10000, 0x10000);
    qc = pool_alloc(0x10000, 0x10000);
    t1 = pool_alloc(0x10000, 0x10000);
    t2 = pool_alloc(0x10000, 0x10000);
    st64(q0, 0xa0a0);
    st64(q1, 0xb1b1);
    st64(q3, 0xa3a3);
    st64(q4, 0xb4b4);
    st64(SECRAM, SEC_V0);
    st64(SECRAM + 0x1000, SEC_V1);
    st64(SECRAM + 0x10000, SEC_V2);
    memcpy((void *)qc, code, sizeof(code));
    asm volatile("dc cvau, %0\n\tdsb ish\n\tic iallu\n\tdsb ish\n\tisb" :: "r"(qc) : "memory");

    /* Secure IPA space: 4K granule, 39-bit IPA, start level 1 (VSTCR_EL2.SL0 = 1). */
    pt_init(&ss2, 12, 39, -1);
    pt_map(&ss2, RAM, RAM, 1, s2attrs & ~S2_XN);
    pt_map(&ss2, UART, UART, 2, S2_AF | S2_R | S2_W | S2_XN);
    l3_in_secram(&ss2, S2W, &secnext);
    pt_map(&ss2, S2W, SECRAM, 3, s2attrs);
    pt_map(&ss2, S2W + 0x1000, q0, 3, s2attrs);
    pt_map(&ss2, S2W + 0x2000, SECRAM + 0x1000, 3, s2attrs & ~S2_W);
    pt_map(&ss2, S2W + 0x4000, q1, 3, s2attrs & ~S2_AF);
    pt_map(&ss2, S2W + 0x5000, qc, 3, s2attrs);
    pt_map(&ss2, S2W + 0x6000, qc, 3, s2attrs & ~S2_XN & ~S2_W);
    pt_map(&ss2, S2W + 0x7000, 0x100000000ULL, 3, s2attrs);      /* above 32 bits */
    pt_map(&ss2, NSW_IPA + 0x10000, q1, 3, s2attrs);     /* same number, other IPA space */

    /* Non-secure IPA space: 64K granule, 40-bit IPA, start level 2 (VTCR_EL2.SL0 = 1). */
    pt_init(&ns2, 16, 40, 2);
    l3_in_secram(&ns2, NSW_IPA, &secnext);
    pt_map(&ns2, NSW_IPA, SECRAM + 0x10000, 3, s2attrs);
    pt_map(&ns2, NSW_IPA + 0x10000, q3, 3, s2attrs);
    pt_map(&ns2, NSW_IPA + 0x30000, q3, 3, s2attrs & ~S2_W);
    pt_map(&ns2, t1, t1, 3, s2attrs);           /* t2 stays unmapped at level 3 */

    /* Secure EL1 stage 1: 4K, 39-bit VA, TTBR0_EL1. */
    pt_init(&s1, 12, 39, -1);
    pt_identity(&s1, RAM, RAM_SZ, 1, S1_AF | S1_ISH | S1_NORMAL | S1_UXN);
    pt_identity(&s1, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    pt_map(&s1, WIN, S2W, 3, s1data);
    pt_map(&s1, WIN + 0x1000, NSW_IPA, 3, s1data | S1_NS);
    pt_map(&s1, WIN + 0x2000, NSW_IPA + 0x10000, 3, s1data | S1_NS);
    pt_map(&s1, WIN + 0x3000, NSW_IPA + 0x20000, 3, s1data | S1_NS);
    pt_map(&s1, WIN + 0x4000, NSW_IPA + 0x30000, 3, s1data | S1_NS);
    pt_map(&s1, WIN + 0x5000, S2W + 0x3000, 3, s1data);
    pt_map(&s1, WIN + 0x6000, S2W + 0x2000, 3, s1data);
    pt_map(&s1, WIN + 0x7000, S2W + 0x4000, 3, s1data);
    pt_map(&s1, WIN + 0x8000, S2W + 0x5000, 3, (s1data & ~S1_PXN) | S1_AP_RO);
    pt_map(&s1, WIN + 0x9000, S2W + 0x6000, 3, (s1data & ~S1_PXN) | S1_AP_RO);
    pt_map(&s1, WIN + 0xa000, S2W + 0x1000, 3, s1data);
    pt_map(&s1, WIN + 0xb000, S2W + 0x7000, 3, s1data);
    pt_map(&s1, WIN + 0xc000, NSW_IPA + 0x10000, 3, s1data);
    *pt_slot(&s1, R1, 2, 0) = t1 | 3 | T_NS;
    *pt_slot(&s1, R2, 2, 0) = t2 | 3 | T_NS;
    pt_map(&s1, R1, NSW_IPA + 0x10000, 3, s1data);
    pt_map(&s1, R2, NSW_IPA + 0x10000, 3, s1data);
    dsb_sy();

    /* VSTCR_EL2: T0SZ 25, SL0 1, TG0 4K.  VTCR_EL2: T0SZ 24, SL0 1, WB, inner, TG0 64K, PS 40
     * bits (PS, IRGN0, ORGN0, SH0 also apply to the Secure IPA space: AArch64.SS2TTWParams). */
    vstcr0 = (1ULL << 31) | (1 << 6) | 25;
    vtcr0 = (1ULL << 31) | (2 << 16) | (1 << 14) | (3 << 12) | (1 << 10) | (1 << 8) | (1 << 6) |
            24;
    write_sysreg(read_sysreg(scr_el3) | SCR_EEL2, scr_el3);
    isb();
    wr_vsttbr(ss2.root);
    wr_vstcr(vstcr0);
    write_sysreg(ns2.root, vttbr_el2);
    write_sysreg(vtcr0, vtcr_el2);
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg(s1.root, ttbr0_el1);
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();
    at_sel2(sel2_s2_main, 0);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    write_sysreg(read_sysreg(scr_el3) & ~SCR_EEL2, scr_el3);
    isb();
}
