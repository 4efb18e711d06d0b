/* SPDX-License-Identifier: GPL-2.0-or-later */
/* TLB maintenance: every TLBI form of EL1, EL2 and EL3, with FEAT_TLBIOS and FEAT_TLBIRANGE,
 * removes the translation it names (data and instruction side); UNDEFINED and trapped forms. */
#include "mmu-lib.h"

/*
 * Runs at EL3 on -M virt,secure=on,virtualization=on with -cpu max (ID_AA64ISAR0_EL1.TLB = 2).
 * Each check follows break-before-make (Arm ARM D8.16.1): a page maps frame A and is used for a
 * load and an instruction fetch, so its translation is cached; the descriptor is then made
 * invalid and the TLBI form under test runs (DSB ISHST before, DSB ISH and ISB after). The Arm ARM
 * (C5.5, each TLBI's Purpose; D8.13 "TLB maintenance") requires the cached translation to be gone:
 * the load and the fetch must take Translation faults. The page then maps frame B, which must be
 * what both see (an invalid entry is never cached). Range forms (TLBI RVAE1 etc.: TG [47:46],
 * SCALE [45:44], NUM [43:39], TTL [38:37], BaseADDR [36:0] in granules; the range is
 * [BaseADDR, BaseADDR + (NUM + 1) * 2^(5 * SCALE + 1) * granule)) are checked on a page inside the
 * range: only invalidation inside the range is guaranteed, so pages outside it are not checked.
 * TLBI by IPA need only remove stage 2 entries: a combined stage 1+2 entry is removed by the
 * sequence IPAS2E1; DSB; VMALLE1 that the Arm ARM prescribes, which is what is checked for them.
 */
#define RAM      0x40000000ULL
#define RAM_SZ   0x08000000ULL
#define UART     0x09000000ULL
#define WIN      0x200000000ULL            /* VA window (8 GiB) */
#define WIN_HI   0xffffffc000000000ULL     /* TTBR1_EL1 window (39-bit upper range) */
#define IPA_WIN  0x300000000ULL            /* IPA window of the by-IPA checks */
#define BLK_VA   0x240000000ULL            /* a 2 MiB block (4K granule) */
#define FRAME_A  0x47000000ULL             /* 64K frames: "mov x0, #1; ret" and "mov x0, #2; ret" */
#define FRAME_B  0x47010000ULL
#define BLOCK_A  0x47200000ULL             /* 2 MiB frames, the same code at BLK_OFF */
#define BLOCK_B  0x47400000ULL
#define BLK_OFF  0x85000ULL
#define WORD_A   0xd65f03c0d2800020ULL
#define WORD_B   0xd65f03c0d2800040ULL
#define ASID     5ULL

#define HCR_VM   (1ULL << 0)
#define HCR_FB   (1ULL << 9)
#define HCR_TTLB (1ULL << 25)
#define HCR_RW   (1ULL << 31)
#define EC_SYS64 0x18

extern char fetch_fn[], fetch_resume[];
asm(".text\n.global fetch_fn, fetch_resume\nfetch_fn:\n\tbr x0\nfetch_resume:\n\tret\n");

typedef void (*tlbi_fn)(u64);
/* Operand kinds: none, ASID, VA (+ASID), range (+ASID), IPA, IPA range */
enum { K_ALL, K_ASID, K_VA, K_RANGE, K_IPA, K_RIPA };
struct form {
    const char *name;
    tlbi_fn fn;
    int kind;
};

#define F0(op) static void t_##op(u64 x) \
    { (void)x; asm volatile("dsb ishst\n\ttlbi " #op "\n\tdsb ish\n\tisb" ::: "memory"); }
#define F1(op) static void t_##op(u64 x) \
    { asm volatile("dsb ishst\n\ttlbi " #op ", %0\n\tdsb ish\n\tisb" :: "r"(x) : "memory"); }
#define E(op, k) { #op, t_##op, k }

F0(alle3) F0(alle3is) F0(alle3os)
F1(vae3) F1(vale3) F1(vae3is) F1(vale3is) F1(vae3os) F1(vale3os)
F1(rvae3) F1(rvale3) F1(rvae3is) F1(rvale3is) F1(rvae3os) F1(rvale3os)
F0(alle2) F0(alle2is) F0(alle2os)
F1(vae2) F1(vale2) F1(vae2is) F1(vale2is) F1(vae2os) F1(vale2os)
F1(rvae2) F1(rvale2) F1(rvae2is) F1(rvale2is) F1(rvae2os) F1(rvale2os)
F0(vmalle1) F0(vmalle1is) F0(vmalle1os)
F1(aside1) F1(aside1is) F1(aside1os)
F1(vae1) F1(vae1is) F1(vae1os) F1(vaae1) F1(vaae1is) F1(vaae1os)
F1(vale1) F1(vale1is) F1(vale1os) F1(vaale1) F1(vaale1is) F1(vaale1os)
F1(rvae1) F1(rvae1is) F1(rvae1os) F1(rvaae1) F1(rvaae1is) F1(rvaae1os)
F1(rvale1) F1(rvale1is) F1(rvale1os) F1(rvaale1) F1(rvaale1is) F1(rvaale1os)
F0(alle1) F0(alle1is) F0(alle1os) F0(vmalls12e1) F0(vmalls12e1is) F0(vmalls12e1os)
F1(ipas2e1) F1(ipas2e1is) F1(ipas2e1os) F1(ipas2le1) F1(ipas2le1is) F1(ipas2le1os)
F1(ripas2e1) F1(ripas2e1is) F1(ripas2e1os) F1(ripas2le1) F1(ripas2le1is) F1(ripas2le1os)

static const struct form el3_forms[] = {
    E(alle3, K_ALL), E(alle3is, K_ALL), E(alle3os, K_ALL),
    E(vae3, K_VA), E(vale3, K_VA), E(vae3is, K_VA), E(vale3is, K_VA), E(vae3os, K_VA),
    E(vale3os, K_VA), E(rvae3, K_RANGE), E(rvale3, K_RANGE), E(rvae3is, K_RANGE),
    E(rvale3is, K_RANGE), E(rvae3os, K_RANGE), E(rvale3os, K_RANGE),
};
static const struct form el2_forms[] = {
    E(alle2, K_ALL), E(alle2is, K_ALL), E(alle2os, K_ALL),
    E(vae2, K_VA), E(vale2, K_VA), E(vae2is, K_VA), E(vale2is, K_VA), E(vae2os, K_VA),
    E(vale2os, K_VA), E(rvae2, K_RANGE), E(rvale2, K_RANGE), E(rvae2is, K_RANGE),
    E(rvale2is, K_RANGE), E(rvae2os, K_RANGE), E(rvale2os, K_RANGE),
};
static const struct form el1_forms[] = {
    E(vmalle1, K_ALL), E(vmalle1is, K_ALL), E(vmalle1os, K_ALL),
    E(aside1, K_ASID), E(aside1is, K_ASID), E(aside1os, K_ASID),
    E(vae1, K_VA), E(vae1is, K_VA), E(vae1os, K_VA), E(vaae1, K_VA), E(vaae1is, K_VA),
    E(vaae1os, K_VA), E(vale1, K_VA), E(vale1is, K_VA), E(vale1os, K_VA), E(vaale1, K_VA),
    E(vaale1is, K_VA), E(vaale1os, K_VA),
    E(rvae1, K_RANGE), E(rvae1is, K_RANGE), E(rvae1os, K_RANGE), E(rvaae1, K_RANGE),
    E(rvaae1is, K_RANGE), E(rvaae1os, K_RANGE), E(rvale1, K_RANGE), E(rvale1is, K_RANGE),
    E(rvale1os, K_RANGE), E(rvaale1, K_RANGE), E(rvaale1is, K_RANGE), E(rvaale1os, K_RANGE),
};
/* Executed at EL2 on EL1&0 translations (stage 1 changed for the first six, stage 2 for the
 * by-IPA ones). */
static const struct form el2_el1_forms[] = {
    E(alle1, K_ALL), E(alle1is, K_ALL), E(alle1os, K_ALL),
    E(vmalls12e1, K_ALL), E(vmalls12e1is, K_ALL), E(vmalls12e1os, K_ALL),
};
static const struct form ipa_forms[] = {
    E(ipas2e1, K_IPA), E(ipas2e1is, K_IPA), E(ipas2e1os, K_IPA), E(ipas2le1, K_IPA),
    E(ipas2le1is, K_IPA), E(ipas2le1os, K_IPA), E(ripas2e1, K_RIPA), E(ripas2e1is, K_RIPA),
    E(ripas2e1os, K_RIPA), E(ripas2le1, K_RIPA), E(ripas2le1is, K_RIPA), E(ripas2le1os, K_RIPA),
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Range operands: the checked page is `before` granules above BaseADDR, inside the range. */
static const struct { unsigned scale, num, ttl; u64 before; } rcase[] = {
    { 0, 0, 0, 1 },         /* 2 granules, the page is the second */
    { 0, 31, 3, 63 },       /* 64 granules (NUM's top bit), TTL level 3 */
    { 1, 0, 0, 40 },        /* 64 */
    { 1, 2, 3, 150 },       /* 192 */
    { 2, 0, 0, 2047 },      /* 2048, the page is the last */
    { 3, 1, 0, 70000 },     /* 131072 */
};

static u64 range_op(u64 addr, unsigned gbits, unsigned n, u64 asid)
{
    unsigned c = n % N(rcase);
    /* Debian's QEMU 7.2 does not invalidate a range of 4 GiB or more correctly (dev-tlbi-fetch),
     * which the 64K granule would reach with the last case. */
    if (gbits == 16 && c == N(rcase) - 1) {
        c--;
    }
    u64 tg = gbits == 12 ? 1 : gbits == 14 ? 2 : 3;
    u64 base = ((addr >> gbits) - rcase[c].before) & ((1ULL << 37) - 1);
    return asid << 48 | tg << 46 | (u64)rcase[c].scale << 44 | (u64)rcase[c].num << 39 |
           (u64)rcase[c].ttl << 37 | base;
}

static u64 operand(int kind, u64 addr, unsigned gbits, unsigned n)
{
    switch (kind) {
    case K_ASID: return ASID << 48;
    case K_VA: return ASID << 48 | ((addr >> 12) & ((1ULL << 44) - 1));
    case K_RANGE: return range_op(addr, gbits, n, ASID);
    case K_IPA: return (addr >> 12) & ((1ULL << 36) - 1);
    case K_RIPA: return range_op(addr, gbits, n, 0);
    default: return 0;
    }
}

/* ---- accesses, at this EL or at EL1 ---- */

static int lower;           /* the accesses run at EL1 (call_at_el) */

static u64 do_read(u64 va) { return ld64(va); }
static u64 do_exec(u64 va) { return ((u64 (*)(void))va)(); }
static u64 do_read_fault(u64 va) { exc_expect(0); (void)ld64(va); return exc_taken(); }
static u64 do_exec_fault(u64 va)
{
    exc_expect((u64)fetch_resume);
    ((void (*)(u64))fetch_fn)(va);
    return exc_taken();
}
static u64 run(u64 (*fn)(u64), u64 va) { return lower ? call_at_el(1, fn, va) : fn(va); }

/* The expected fault: taken to fault_el with the current-EL or lower-EL EC, at level fl. */
struct fault { unsigned el; int from_lower; int level; };

static void expect_gone(const char *what, u64 va, const struct fault *f)
{
    unsigned dec = f->from_lower ? EC_DABT_LOWER : EC_DABT_CUR;
    unsigned iec = f->from_lower ? EC_IABT_LOWER : EC_IABT_CUR;
    u64 taken = run(do_read_fault, va);
    struct exc_record r = exc_last;
    u64 itaken = run(do_exec_fault, va);

    check_true(taken, "%s: load faults", what);
    check_eq(r.el, f->el, "%s: load: to EL%u", what, f->el);
    check_eq(r.esr & ESR_DABT_MASK, ((u64)dec << 26) | ESR_IL | FSC_TRANS(f->level),
             "%s: load: ESR (Translation fault)", what);
    check_eq(r.far, va, "%s: load: FAR", what);
    check_true(itaken, "%s: fetch faults", what);
    check_eq(exc_last.esr, ((u64)iec << 26) | ESR_IL | FSC_TRANS(f->level),
             "%s: fetch: ESR (Translation fault)", what);
    check_eq(exc_last.far, va, "%s: fetch: FAR", what);
}

/*
 * One break-before-make round on the descriptor *slot that translates va: map a, use it, make it
 * invalid, run the form (with the operand for addr: the VA, or the IPA for by-IPA forms), expect
 * faults, map b, expect b. `after` runs after the form (VMALLE1 for the by-IPA forms); `all`
 * cleans up the regime at the end.
 */
static void round_trip(const char *ctx, const struct form *fm, u64 va, u64 addr, u64 *slot,
                       u64 desc_a, u64 desc_b, unsigned gbits, unsigned n,
                       const struct fault *f, tlbi_fn after, tlbi_fn all)
{
    char what[96];

    snprintf(what, sizeof(what), "%s TLBI %s", ctx, fm->name);
    *slot = desc_a;
    dsb_sy();
    isb();
    /* Nothing is printed between the accesses that fill the TLB and the TLBI, so that the
     * entries stay cached (the window's pages are chosen not to share a direct-mapped slot with
     * the code and data the test runs meanwhile). */
    u64 d = run(do_read, va), x = run(do_exec, va);
    *slot = 0;
    fm->fn(operand(fm->kind, addr, gbits, n));
    if (after) {
        after(0);
    }
    check_eq(d, WORD_A, "%s: load before", what);
    check_eq(x, 1, "%s: fetch before", what);
    expect_gone(what, va, f);
    *slot = desc_b;
    dsb_sy();
    isb();
    check_eq(run(do_read, va), WORD_B, "%s: load sees the new mapping", what);
    check_eq(run(do_exec, va), 2, "%s: fetch sees the new mapping", what);
    *slot = 0;
    all(0);
}

static void put_code(u64 pa, u64 word)
{
    st64(pa, word);
    asm volatile("dc cvau, %0\n\tdsb ish\n\tic iallu\n\tdsb ish\n\tisb" :: "r"(pa) : "memory");
}

/* ---- EL3 ---- */

static void el3_regime(void)
{
    pt_t p;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL;
    struct fault f = { 3, 0, 3 };

    pool_reset();
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, attrs);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_XN);
    write_sysreg(MAIR_VALUE, mair_el3);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31) | (1 << 23),
                 tcr_el3);
    write_sysreg(p.root, ttbr0_el3);
    isb();
    t_alle3(0);
    write_sysreg(read_sysreg(sctlr_el3) | 1 | (1 << 2) | (1 << 12), sctlr_el3);
    isb();
    for (unsigned i = 0; i < N(el3_forms); i++) {
        u64 va = WIN + i * 0x100000 + 0x80000;
        round_trip("EL3", &el3_forms[i], va, va, pt_slot(&p, va, 3, 0), FRAME_A | attrs | 3,
                   FRAME_B | attrs | 3, 12, i, &f, 0, t_alle3);
    }
    write_sysreg(read_sysreg(sctlr_el3) & ~1ULL, sctlr_el3);
    isb();
}

/* ---- EL2 ---- */

static u64 el2_regime(u64 arg)
{
    pt_t p;
    u64 attrs = S1_AF | S1_ISH | S1_NORMAL;
    struct fault f = { 2, 0, 3 };

    (void)arg;
    pool_reset();
    pt_init(&p, 12, 39, -1);
    pt_identity(&p, RAM, RAM_SZ, 1, attrs);
    pt_identity(&p, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_XN);
    write_sysreg(MAIR_VALUE, mair_el2);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31) | (1 << 23),
                 tcr_el2);
    write_sysreg(p.root, ttbr0_el2);
    isb();
    t_alle2(0);
    write_sysreg(read_sysreg(sctlr_el2) | 1 | (1 << 2) | (1 << 12), sctlr_el2);
    isb();
    for (unsigned i = 0; i < N(el2_forms); i++) {
        u64 va = WIN + i * 0x100000 + 0x80000;
        round_trip("EL2", &el2_forms[i], va, va, pt_slot(&p, va, 3, 0), FRAME_A | attrs | 3,
                   FRAME_B | attrs | 3, 12, i, &f, 0, t_alle2);
    }
    write_sysreg(read_sysreg(sctlr_el2) & ~1ULL, sctlr_el2);
    isb();
    return 0;
}

/* ---- UNDEFINED and trapped forms ---- */

#define UNDEF_CHECK(what, insn) do { \
        exc_expect(0); \
        asm volatile(insn ::: "memory"); \
        check_true(exc_taken(), "%s: %s is UNDEFINED", what, insn); \
        check_eq(exc_last.esr, 0x02000000, "%s: %s: ESR EC 0", what, insn); \
        check_eq(exc_last.el, here, "%s: %s: taken to EL%u", what, insn, here); \
    } while (0)

static u64 el0_undef(u64 arg)
{
    unsigned here = 1;
    (void)arg;
    UNDEF_CHECK("EL0", "tlbi vmalle1");
    UNDEF_CHECK("EL0", "tlbi vae1, x1");
    UNDEF_CHECK("EL0", "tlbi rvae1is, x1");
    UNDEF_CHECK("EL0", "tlbi vmalle1os");
    return 0;
}

static u64 el1_undef(u64 arg)
{
    unsigned here = 1;
    (void)arg;
    call_at_el(0, el0_undef, 0);
    UNDEF_CHECK("EL1", "tlbi vae2, x1");
    UNDEF_CHECK("EL1", "tlbi alle2");
    UNDEF_CHECK("EL1", "tlbi rvae2is, x1");
    UNDEF_CHECK("EL1", "tlbi alle1");
    UNDEF_CHECK("EL1", "tlbi ipas2e1, x1");
    UNDEF_CHECK("EL1", "tlbi ripas2e1os, x1");
    UNDEF_CHECK("EL1", "tlbi vae3, x1");
    UNDEF_CHECK("EL1", "tlbi alle3os");
    UNDEF_CHECK("EL1", "tlbi rvale3, x1");
    return 0;
}

/* ESR of a trapped TLBI (EC 0x18, ISS: Op0 [21:20] = 1, Op2, Op1, CRn, Rt, CRm, Direction 0) */
static u64 sys_esr(unsigned op1, unsigned crm, unsigned op2, unsigned rt)
{
    return ((u64)EC_SYS64 << 26) | ESR_IL | (1ULL << 20) | ((u64)op2 << 17) | ((u64)op1 << 14) |
           (8ULL << 10) | ((u64)rt << 5) | ((u64)crm << 1);
}

#define TRAP_CHECK(insn, op1, crm, op2, rt) do { \
        exc_expect(0); \
        asm volatile("mov x1, xzr\n\t" insn ::: "x1", "memory"); \
        check_true(exc_taken(), "HCR_EL2.TTLB: %s traps", insn); \
        check_eq(exc_last.el, 2, "HCR_EL2.TTLB: %s: to EL2", insn); \
        check_eq(exc_last.esr, sys_esr(op1, crm, op2, rt), "HCR_EL2.TTLB: %s: ESR", insn); \
    } while (0)

static u64 el1_ttlb(u64 arg)
{
    (void)arg;
    TRAP_CHECK("tlbi vmalle1", 0, 7, 0, 31);
    TRAP_CHECK("tlbi vae1is, x1", 0, 3, 1, 1);
    TRAP_CHECK("tlbi aside1os, x1", 0, 1, 2, 1);
    TRAP_CHECK("tlbi vaale1os, x1", 0, 1, 7, 1);
    TRAP_CHECK("tlbi rvae1, x1", 0, 6, 1, 1);
    TRAP_CHECK("tlbi rvaae1is, x1", 0, 2, 3, 1);
    TRAP_CHECK("tlbi rvale1os, x1", 0, 5, 5, 1);
    return 0;
}

/* ---- EL1&0 ---- */

static pt_t s1, s1hi, s2;
static unsigned el1_gbits;
static u64 el1_attrs = S1_AF | S1_ISH | S1_NORMAL | S1_NG | S1_UXN;

/* EL1&0 stage 1 with granule gbits (39-bit VA in both ranges, ASID 5 in TTBR0_EL1), under a
 * stage 2 that maps RAM one to one and IPA_WIN to its own page. Written at EL2. */
static void el1_setup(unsigned gbits)
{
    u64 ram = S1_AF | S1_ISH | S1_NORMAL;

    el1_gbits = gbits;
    pool_reset();
    pt_init(&s2, 12, 40, 1);
    pt_identity(&s2, RAM, RAM_SZ, 1, S2_AF | S2_ISH | S2_NORMAL | S2_R | S2_W);
    pt_identity(&s2, UART, 0x1000, 2, S2_AF | S2_R | S2_W | S2_XN);
    pt_init(&s1, gbits, 39, -1);
    pt_identity(&s1, RAM, RAM_SZ, block_level(gbits), ram);
    pt_identity(&s1, UART, 0x1000, 2, S1_AF | S1_DEVICE | S1_PXN | S1_UXN);
    pt_init(&s1hi, gbits, 39, -1);
    dsb_sy();
    /* VTCR_EL2: T0SZ 24 (40-bit IPA), SL0 1 (start at level 1), WB, inner, 4K, PS 40 bits */
    write_sysreg(24 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31),
                 vtcr_el2);
    write_sysreg(s2.root, vttbr_el2);
    write_sysreg(MAIR_VALUE, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (tg0_field(gbits) << 14) | (25 << 16) |
                 (1ULL << 24) | (1ULL << 26) | (3ULL << 28) | (tg1_field(gbits) << 30) |
                 (2ULL << 32), tcr_el1);
    write_sysreg(s1.root | ASID << 48, ttbr0_el1);
    write_sysreg(s1hi.root, ttbr1_el1);
    write_sysreg(read_sysreg(hcr_el2) | HCR_VM, hcr_el2);
    isb();
    asm volatile("tlbi vmalls12e1\n\tdsb ish\n\tisb" ::: "memory");
    write_sysreg(read_sysreg(sctlr_el1) | 1 | (1 << 2) | (1 << 12), sctlr_el1);
    isb();
}

/* At EL1: every EL1 form on a TTBR0 page; with 4K also on a TTBR1 page and on a block. */
static u64 el1_forms_run(u64 arg)
{
    unsigned g = el1_gbits;
    u64 gs = 1ULL << g;
    struct fault f = { 1, 0, 3 };
    char ctx[40];

    snprintf(ctx, sizeof(ctx), "EL1 %lluK%s", (unsigned long long)(gs >> 10),
             arg ? " HCR_EL2.FB" : "");
    for (unsigned i = 0; i < N(el1_forms); i++) {
        u64 va = WIN + i * 0x100000 + 0x80000;
        round_trip(ctx, &el1_forms[i], va, va, pt_slot(&s1, va, 3, 0), FRAME_A | el1_attrs | 3,
                   FRAME_B | el1_attrs | 3, g, i, &f, 0, t_vmalle1);
    }
    if (g != 12 || arg) {
        return 0;
    }
    /* TTBR1_EL1 addresses: BaseADDR of a range form is sign-extended from its top bit. */
    static const struct form hi[] = { E(vae1, K_VA), E(vaale1is, K_VA), E(rvae1, K_RANGE),
                                      E(rvaae1os, K_RANGE), E(rvale1is, K_RANGE) };
    for (unsigned i = 0; i < N(hi); i++) {
        u64 va = WIN_HI + i * 0x100000 + 0x80000;
        round_trip("EL1 TTBR1", &hi[i], va, va, pt_slot(&s1hi, va, 3, 0),
                   FRAME_A | el1_attrs | 3, FRAME_B | el1_attrs | 3, g, i + 1, &f, 0, t_vmalle1);
    }
    /* A 2 MiB block: a TLBI by VA of its first page removes the whole block, so a load from
     * another page of it faults (level 2) afterwards. The fetches use the page named by the
     * TLBI: Debian's QEMU 7.2 clears its jump cache only for that page, and would run stale code
     * from the other pages (dev-tlbi-fetch). */
    static const struct form blk[] = { E(vae1, K_VA), E(vale1os, K_VA), E(rvae1is, K_RANGE) };
    struct fault f2 = { 1, 0, 2 };
    u64 *slot = pt_slot(&s1, BLK_VA, 2, 0);
    u64 code = BLK_VA + 0x80000;
    for (unsigned i = 0; i < N(blk); i++) {
        char what[64];
        u64 va = BLK_VA + BLK_OFF;
        snprintf(what, sizeof(what), "EL1 block TLBI %s", blk[i].name);
        *slot = BLOCK_A | el1_attrs | 1;
        dsb_sy();
        isb();
        u64 d = do_read(va), x = do_exec(code);
        *slot = 0;
        blk[i].fn(operand(blk[i].kind, code, 12, 0));
        u64 taken = do_read_fault(va);
        struct exc_record r = exc_last;
        check_eq(d, WORD_A, "%s: load before", what);
        check_eq(x, 1, "%s: fetch before", what);
        check_true(taken, "%s: load from another page of the block faults", what);
        check_eq(r.esr & ESR_DABT_MASK, ((u64)EC_DABT_CUR << 26) | ESR_IL | FSC_TRANS(2),
                 "%s: load: ESR (level 2 Translation fault)", what);
        check_eq(r.far, va, "%s: load: FAR", what);
        expect_gone(what, code, &f2);
        *slot = BLOCK_B | el1_attrs | 1;
        dsb_sy();
        isb();
        check_eq(do_read(va), WORD_B, "%s: load sees the new block", what);
        check_eq(do_exec(code), 2, "%s: fetch sees the new block", what);
        *slot = 0;
        t_vmalle1(0);
    }
    return 0;
}

/* At EL2: the EL2 forms that act on EL1&0 translations, accesses made at EL1. */
static void el2_on_el1(void)
{
    struct fault f1 = { 1, 0, 3 };      /* stage 1 fault at EL1 */
    struct fault f2 = { 2, 1, 3 };      /* stage 2 fault, from EL1 to EL2 */

    lower = 1;
    for (unsigned i = 0; i < N(el2_el1_forms); i++) {
        u64 va = WIN + i * 0x100000 + 0x80000;
        round_trip("EL2 on EL1&0", &el2_el1_forms[i], va, va, pt_slot(&s1, va, 3, 0),
                   FRAME_A | el1_attrs | 3, FRAME_B | el1_attrs | 3, 12, i, &f1, 0, t_vmalle1);
    }
    /* By IPA: the EL1 page maps IPA_WIN + n pages, whose stage 2 entry changes. */
    for (unsigned i = 0; i < N(ipa_forms); i++) {
        u64 va = WIN + 0x4000000 + i * 0x100000 + 0x80000;
        u64 ipa = IPA_WIN + i * 0x100000 + 0x80000;
        *pt_slot(&s1, va, 3, 0) = ipa | el1_attrs | 3;
        round_trip("EL2 stage 2", &ipa_forms[i], va, ipa, pt_slot(&s2, ipa, 3, 0),
                   FRAME_A | S2_AF | S2_ISH | S2_NORMAL | S2_R | S2_W | 3,
                   FRAME_B | S2_AF | S2_ISH | S2_NORMAL | S2_R | S2_W | 3, 12, i, &f2,
                   t_vmalle1, t_vmalls12e1);
    }
    lower = 0;
}

static u64 el2_main(u64 arg)
{
    (void)arg;
    el2_regime(0);
    /* EL1 with its MMU off: UNDEFINED forms, EL0, and the HCR_EL2.TTLB trap. */
    write_sysreg(HCR_RW, hcr_el2);
    isb();
    call_at_el(1, el1_undef, 0);
    write_sysreg(HCR_RW | HCR_TTLB, hcr_el2);
    isb();
    call_at_el(1, el1_ttlb, 0);
    write_sysreg(HCR_RW, hcr_el2);
    isb();
    {
        unsigned here = 2;
        UNDEF_CHECK("EL2", "tlbi vae3, x1");
        UNDEF_CHECK("EL2", "tlbi rvae3os, x1");
        UNDEF_CHECK("EL2", "tlbi alle3");
    }
    /* EL1&0 under stage 2, each granule; HCR_EL2.FB (broadcast) changes nothing on one PE. */
    static const unsigned gran[] = { 12, 14, 16 };
    for (unsigned i = 0; i < N(gran); i++) {
        el1_setup(gran[i]);
        call_at_el(1, el1_forms_run, 0);
        if (gran[i] == 12) {
            el2_on_el1();
            write_sysreg(read_sysreg(hcr_el2) | HCR_FB, hcr_el2);
            isb();
            call_at_el(1, el1_forms_run, 1);
            write_sysreg(read_sysreg(hcr_el2) & ~HCR_FB, hcr_el2);
            isb();
        }
        write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
        write_sysreg(HCR_RW, hcr_el2);
        isb();
    }
    return 0;
}

void test_main(void)
{
    if (start_el != 3) {
        skip("expects to start at EL3 (-M virt,secure=on,virtualization=on)");
        return;
    }
    /* ID_AA64ISAR0_EL1.TLB [59:56] = 2: FEAT_TLBIOS and FEAT_TLBIRANGE */
    check_eq((read_sysreg(id_aa64isar0_el1) >> 56) & 0xf, 2, "ID_AA64ISAR0_EL1.TLB = 2");
    put_code(FRAME_A, WORD_A);
    put_code(FRAME_B, WORD_B);
    put_code(BLOCK_A + 0x80000, WORD_A);
    put_code(BLOCK_B + 0x80000, WORD_B);
    put_code(BLOCK_A + BLK_OFF, WORD_A);
    put_code(BLOCK_B + BLK_OFF, WORD_B);
    el3_regime();
    call_at_el(2, el2_main, 0);
}
