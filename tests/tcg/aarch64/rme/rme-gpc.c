/* SPDX-License-Identifier: GPL-2.0-or-later */
/* RME conformance: GPTs built at EL3, then reads, writes and fetches from every security state
 * and EL against granules of every GPI, with the exact GPC exception / GPF abort outcome. */
#include "testlib.h"

/*
 * Runs on Granule with -M virt,rme=on (entered at EL3, Root state). Every access here is made
 * with the MMU off, so its PA space is the security state's: Root at EL3, and SCR_EL3.{NSE,NS}
 * (00 Secure, 01 Non-secure, 11 Realm) below. The expected outcomes are derived by hand from
 * the Arm ARM (DDI 0487 M.a) pseudocode and rules, in expect_fault() below:
 *  - AArch64.GranuleProtectionCheck / GPTWalk / GPICheck / GPIValid (which GPI lets which PAS
 *    in; GPI Secure is reserved without FEAT_SEL2; a reserved GPI anywhere in a level-1
 *    granules descriptor makes it invalid, R_KYZMZ; a PA above the PPS is a level-0 GPF except
 *    for Non-secure accesses, R_TCWMD);
 *  - ReportAsGPCException: GPT walk, address size and external abort faults are always GPC
 *    exceptions (EC 0x1E to EL3); a GPF is one only with SCR_EL3.GPF = 1 from below EL3
 *    (R_VBZMW), never at EL3 (R_BLYPM);
 *  - TakeGPCException / EncodeGPCSC: ISS InD [20], GPCSC [19:14] (AddressSize 0b00000L, Walk
 *    0b00010L, GPF 0b00110L, EABT 0b01010L with L the GPT level), WnR [6], xFSC [5:0] = 0b101000
 *    (GPF on the output address); MFAR_EL3 = PA[55:12] with {NS,NSE} = 10 NS, 01 Root, 11
 *    Realm, 00 Secure (AArch64.ReportException);
 *  - AArch64.DataAbort / AArch64.InstructionAbort: a GPF not reported as a GPC exception is an
 *    abort with FSC 0b101000, to EL2 from EL0/EL1 when EL2 is enabled and HCR_EL2.GPF = 1, else
 *    to the current EL (EL1 from EL0/EL1).
 */

#define GPCCR_PPS(x)    ((u64)(x))
#define GPCCR_IRGN_WB   (1ULL << 8)
#define GPCCR_ORGN_WB   (1ULL << 10)
#define GPCCR_SH_IS     (3ULL << 12)
#define GPCCR_PGS(x)    ((u64)(x) << 14)
#define GPCCR_GPC       (1ULL << 16)
#define SCR_NS          (1ULL << 0)
#define SCR_EEL2        (1ULL << 18)
#define SCR_GPF         (1ULL << 48)
#define SCR_NSE         (1ULL << 62)
#define HCR_GPF         (1ULL << 63)

#define GPI_NO          0x0
#define GPI_SECURE      0x8
#define GPI_NS          0x9
#define GPI_ROOT        0xa
#define GPI_REALM       0xb
#define GPI_ANY         0xf

enum { PAS_SECURE = 0, PAS_NS = 1, PAS_ROOT = 2, PAS_REALM = 3 };

#define RAM_END         0x48000000ULL   /* -m 128M */
#define L1_POOL         0x44000000ULL   /* 64 MB aligned: fits any level-1 table alignment */
#define L0_TABLE        0x45000000ULL
#define TEST_BASE       0x46000000ULL   /* one 16-granule block per test GPI */
#define SPARE_L1        0x40000000ULL   /* level-1 table for the level-0 test region */
#define NO_MEMORY       0xc0000000ULL   /* nothing mapped: GPT fetches from here abort */

#define FAULT_SENTINEL  0xfa17fa17fa17fa17ULL
#define CODE_WORD       0xd65f03c0d2824680ULL   /* movz x0, #0x1234; ret */
#define FETCH_RESULT    0x1234ULL

static inline u64 gpccr_read(void)
{
    return read_sysreg(s3_6_c2_c1_6);
}

static inline void gpccr_write(u64 v)
{
    write_sysreg(v, s3_6_c2_c1_6);
}

static inline void gptbr_write(u64 v)
{
    write_sysreg(v, s3_6_c2_c1_4);
}

static inline u64 mfar_read(void)
{
    return read_sysreg(s3_6_c6_c0_5);
}

/* The firmware sequence after a GPT or GPCCR change: DSB, TLBI PAALL, DSB, ISB. */
static void tlbi_paall(void)
{
    asm volatile("dsb sy\n\tsys #6, c8, c7, #4\n\tdsb sy\n\tisb" ::: "memory");
}

/* ---- configuration of the current GPT ---- */

static unsigned pgs_bits, pps_bits, l0_bits;
static u64 cur_gpccr;
static int have_sel2;

static u64 granules(unsigned gpi)
{
    u64 d = 0;
    for (int i = 0; i < 16; i++) {
        d |= (u64)gpi << (4 * i);
    }
    return d;
}

static u64 block_bytes(void)
{
    return 16ULL << pgs_bits;    /* bytes covered by one level-1 descriptor */
}

/* Address of the level-1 descriptor for pa inside the table for its level-0 region. */
static volatile u64 *l1_entry(u64 table, u64 pa)
{
    u64 idx = (pa & ((1ULL << l0_bits) - 1)) >> (pgs_bits + 4);
    return (volatile u64 *)(table + idx * 8);
}

static u64 l1_table_for_ram;

/*
 * Build a GPT for PPS code pps and PGS code pgs: every level-0 entry a GPI Any block, except the
 * one(s) covering RAM: a table whose entries for [region start, RAM_END) are GPI Any granules.
 * GPC stays disabled here; gpc_on() enables it.
 */
static void build_gpt(unsigned pps, unsigned pgs)
{
    static const unsigned pps_tab[] = { 32, 36, 40, 42, 44, 48, 52 };
    static const unsigned pgs_tab[] = { 12, 16, 14 };
    u64 nl0;

    gpccr_write(0);
    tlbi_paall();
    pps_bits = pps_tab[pps];
    pgs_bits = pgs_tab[pgs];
    l0_bits = 30 + (unsigned)((gpccr_read() >> 20) & 0xf);   /* 0, 4, 6, 9 -> 30, 34, 36, 39 */
    nl0 = pps_bits > l0_bits ? 1ULL << (pps_bits - l0_bits) : 1;
    for (u64 i = 0; i < nl0; i++) {
        ((volatile u64 *)L0_TABLE)[i] = (GPI_ANY << 4) | 1;
    }
    /* RAM lies in level-0 entry 0 (l0 >= 34) or 1 (l0 = 30) */
    u64 region = (0x40000000ULL >> l0_bits) << l0_bits;
    l1_table_for_ram = L1_POOL;
    for (u64 pa = region; pa < RAM_END; pa += block_bytes()) {
        *l1_entry(L1_POOL, pa) = granules(GPI_ANY);
    }
    ((volatile u64 *)L0_TABLE)[region >> l0_bits] = L1_POOL | 3;
    cur_gpccr = GPCCR_PPS(pps) | GPCCR_IRGN_WB | GPCCR_ORGN_WB | GPCCR_SH_IS | GPCCR_PGS(pgs);
    gptbr_write(L0_TABLE >> 12);
}

static void gpc_on(void)
{
    dsb_sy();
    gpccr_write(cur_gpccr | GPCCR_GPC);
    tlbi_paall();
}

static void gpc_off(void)
{
    gpccr_write(cur_gpccr);
    tlbi_paall();
}

/* The test block of a GPI: 16 granules, each holding CODE_WORD at offset 0. */
static u64 test_block(int i)
{
    return TEST_BASE + (u64)i * block_bytes();
}

static void set_block_gpi(u64 pa, u64 desc)
{
    *l1_entry(l1_table_for_ram, pa) = desc;
    tlbi_paall();
}

/* ---- contexts ---- */

typedef struct Ctx {
    const char *name;
    unsigned el;
    u64 scr;            /* SCR_EL3.{NSE,NS} */
    unsigned pas;
    int el2_enabled;    /* EL2 enabled in that state (Secure: SCR_EL3.EEL2, FEAT_SEL2) */
} Ctx;

static const Ctx ctxs[] = {
    { "Root EL3", 3, 0, PAS_ROOT, 0 },
    { "NS EL2", 2, SCR_NS, PAS_NS, 1 },
    { "NS EL1", 1, SCR_NS, PAS_NS, 1 },
    { "Realm EL2", 2, SCR_NSE | SCR_NS, PAS_REALM, 1 },
    { "Realm EL1", 1, SCR_NSE | SCR_NS, PAS_REALM, 1 },
    { "Secure EL1", 1, 0, PAS_SECURE, 0 },
    /* FEAT_SEL2 (SCR_EL3.EEL2 = 1): Secure EL2, and Secure EL1 with EL2 enabled, so that
     * HCR_EL2.GPF routes its GPFs to Secure EL2 (AArch64.DataAbort: EL2Enabled()). */
    { "Secure EL2", 2, SCR_EEL2, PAS_SECURE, 1 },
    { "Secure EL1 (EEL2)", 1, SCR_EEL2, PAS_SECURE, 1 },
};
/* Without FEAT_SEL2 the last two contexts do not exist. */
#define NCTX (sizeof(ctxs) / sizeof(ctxs[0]) - (have_sel2 ? 0 : 2))

enum { ACC_READ, ACC_WRITE, ACC_FETCH, ACC_AT };
static const char *const acc_names[] = { "read", "write", "fetch", "AT S1E1R" };

/* ---- one access and its recorded outcome ---- */

static volatile int probe_armed, probe_taken;
static volatile u64 probe_el, probe_esr, probe_far, probe_mfar, probe_hpfar;

static volatile u64 acc_addr;
static volatile unsigned acc_kind;

static int probe_hook(struct exc_frame *f)
{
    unsigned ec = ESR_EC(f->esr);
    if (!probe_armed) {
        return 0;
    }
    probe_armed = 0;
    probe_taken = 1;
    probe_el = f->el;
    probe_esr = f->esr;
    probe_far = f->far;
    probe_mfar = f->el == 3 ? mfar_read() : 0;
    probe_hpfar = f->el >= 2 ? read_sysreg(hpfar_el2) : 0;
    if (ec == 0x20 || ec == 0x21 || (ec == 0x1e && (f->esr & (1ULL << 20)))) {
        f->elr = f->x[30];          /* a fetch: return to the caller of the fetched code */
        f->x[0] = FAULT_SENTINEL;
    } else {
        /* a load, or the store of "str; ldr" (skip both): the result stays the sentinel */
        f->elr += acc_kind == ACC_WRITE ? 8 : 4;
    }
    return 1;
}

static u64 do_access(u64 unused)
{
    u64 a = acc_addr, v = FAULT_SENTINEL;
    (void)unused;
    if (acc_kind == ACC_READ) {
        asm volatile("ldr %0, [%1]" : "+r"(v) : "r"(a) : "memory");
    } else if (acc_kind == ACC_WRITE) {
        u64 w = 0x5a5a000000000000ULL | a;
        asm volatile("str %1, [%2]\n\tldr %0, [%2]" : "+r"(v) : "r"(w), "r"(a + 8) : "memory");
        if (v == w) {
            v = CODE_WORD;          /* written and read back */
        }
    } else if (acc_kind == ACC_FETCH) {
        u64 (*fn)(void) = (u64 (*)(void))a;
        v = fn();
        v = v == FETCH_RESULT ? CODE_WORD : v;
    } else {
        write_sysreg(FAULT_SENTINEL, par_el1);
        asm volatile("at s1e1r, %0\n\tisb" :: "r"(a) : "memory");
        v = read_sysreg(par_el1);
    }
    return v;
}

/* Run one access from context c with SCR_EL3.GPF/HCR_EL2.GPF as given; returns the value. */
static u64 run_access(const Ctx *c, u64 addr, unsigned kind, int scr_gpf, int hcr_gpf)
{
    u64 scr0 = read_sysreg(scr_el3), hcr0 = read_sysreg(hcr_el2);
    u64 scr = scr0 & ~(SCR_NS | SCR_NSE | SCR_GPF | SCR_EEL2);
    /* at EL3 the security state is Root whatever SCR_EL3.{NSE,NS} say: leave them */
    u64 scr1 = (c->el == 3 ? scr0 & ~SCR_GPF : scr | c->scr) | (scr_gpf ? SCR_GPF : 0);
    u64 hcr1 = (hcr0 & ~HCR_GPF) | (hcr_gpf ? HCR_GPF : 0);
    u64 v;

    /* Registers are written only when they change: these writes may flush the TLB, and the
     * TLBI tests need the TLB contents to survive between accesses. */
    if (scr1 != scr0) {
        write_sysreg(scr1, scr_el3);
    }
    if (hcr1 != hcr0) {
        write_sysreg(hcr1, hcr_el2);
    }
    isb();
    acc_addr = addr;
    acc_kind = kind;
    probe_taken = 0;
    probe_armed = 1;
    v = c->el == 3 ? do_access(0) : call_at_el(c->el, do_access, 0);
    probe_armed = 0;
    if (read_sysreg(scr_el3) != (scr | SCR_NS)) {
        write_sysreg(scr | SCR_NS, scr_el3);
    }
    if (read_sysreg(hcr_el2) & HCR_GPF) {
        write_sysreg(read_sysreg(hcr_el2) & ~HCR_GPF, hcr_el2);
    }
    isb();
    return v;
}

/* ---- expected outcomes (hand-derived, see the header comment) ---- */

enum { OUT_OK, OUT_GPF, OUT_WALK, OUT_ADDRSIZE, OUT_EABT, OUT_PASS_ANY };

typedef struct Expect {
    int taken;
    u64 el, esr, far, mfar;
    int gpc_exc;
} Expect;

static u64 mfar_bits(unsigned pas)
{
    return pas == PAS_NS ? 1ULL << 63 : pas == PAS_ROOT ? 1ULL << 62 :
           pas == PAS_REALM ? 3ULL << 62 : 0;
}

static Expect expect_fault(const Ctx *c, u64 addr, unsigned kind, int out, int level,
                           int scr_gpf, int hcr_gpf)
{
    Expect e = { .taken = 1, .far = addr };
    int fetch = kind == ACC_FETCH, write = kind == ACC_WRITE;
    u64 off = write ? 8 : 0;

    e.far = addr + off;
    if (out != OUT_GPF || (scr_gpf && c->el != 3)) {
        unsigned gpcsc = out == OUT_ADDRSIZE ? 0x00 : out == OUT_WALK ? 0x04 :
                         out == OUT_GPF ? 0x0c : 0x14;
        e.gpc_exc = 1;
        e.el = 3;
        e.esr = (0x1eULL << 26) | ESR_IL | ((u64)fetch << 20) | ((u64)(gpcsc | level) << 14) |
                ((u64)write << 6) | 0x28;
        e.mfar = ((addr + off) & 0x00fffffffffff000ULL) | mfar_bits(c->pas);
        return e;
    }
    if (c->el == 3) {
        e.el = 3;
    } else if (c->el == 2) {
        e.el = 2;
    } else {
        e.el = c->el2_enabled && hcr_gpf ? 2 : 1;
    }
    u64 ec = fetch ? (e.el == c->el ? 0x21 : 0x20) : (e.el == c->el ? 0x25 : 0x24);
    e.esr = (ec << 26) | ESR_IL | ((u64)write << 6) | 0x28;
    return e;
}

static int gpi_permits(unsigned gpi, unsigned pas)
{
    return gpi == GPI_ANY || (gpi == GPI_SECURE && pas == PAS_SECURE) ||
           (gpi == GPI_NS && pas == PAS_NS) || (gpi == GPI_ROOT && pas == PAS_ROOT) ||
           (gpi == GPI_REALM && pas == PAS_REALM);
}

static int gpi_valid(unsigned gpi)
{
    if (gpi == GPI_SECURE) {
        return have_sel2;
    }
    return gpi == GPI_NO || gpi == GPI_NS || gpi == GPI_ROOT || gpi == GPI_REALM ||
           gpi == GPI_ANY;
}

/* Run the access and check every part of the outcome; `out` is the GPC result expected. */
static void check_case(const char *tag, const Ctx *c, u64 addr, unsigned kind, int out, int level,
                       int scr_gpf, int hcr_gpf)
{
    u64 v = run_access(c, addr, kind, scr_gpf, hcr_gpf);
    char name[160];

    snprintf(name, sizeof(name), "%s: %s %s 0x%lx (SCR.GPF=%d HCR.GPF=%d)", tag, c->name,
             acc_names[kind], addr, scr_gpf, hcr_gpf);
    if (out == OUT_OK) {
        check_eq(probe_taken, 0, "%s: no exception", name);
        check_eq(v, CODE_WORD, "%s: value", name);
        return;
    }
    if (out == OUT_PASS_ANY) {
        /* the GPC passes; the access itself may reach no memory: an external abort (FSC 0x10)
         * is then the only exception allowed */
        check_true(!probe_taken || (ESR_ISS(probe_esr) & 0x3f) == 0x10,
                   "%s: GPC passes (no GPC fault)", name);
        return;
    }
    Expect e = expect_fault(c, addr, kind, out, level, scr_gpf, hcr_gpf);
    check_eq(probe_taken, 1, "%s: exception taken", name);
    check_eq(probe_el, e.el, "%s: target EL", name);
    check_eq(probe_esr, e.esr, "%s: ESR", name);
    check_eq(probe_far, e.far, "%s: FAR", name);
    if (e.gpc_exc) {
        check_eq(probe_mfar, e.mfar, "%s: MFAR_EL3", name);
    }
}

/* The outcome of an access in PAS pas to a level-1 granule with GPI gpi (all 16 the same). */
static int l1_outcome(unsigned gpi, unsigned pas)
{
    if (!gpi_valid(gpi)) {
        return OUT_WALK;
    }
    return gpi_permits(gpi, pas) ? OUT_OK : OUT_GPF;
}

/* ---- the test groups ---- */

static const unsigned gpis[] = { GPI_NO, GPI_SECURE, GPI_NS, GPI_ROOT, GPI_REALM, GPI_ANY };
#define NGPI (sizeof(gpis) / sizeof(gpis[0]))

static void setup_test_blocks(void)
{
    for (unsigned i = 0; i < NGPI + 7; i++) {
        for (u64 g = 0; g < 16; g++) {
            *(volatile u64 *)(test_block((int)i) + (g << pgs_bits)) = CODE_WORD;
        }
    }
    asm volatile("dsb sy\n\tic iallu\n\tdsb sy\n\tisb" ::: "memory");
    for (unsigned i = 0; i < NGPI; i++) {
        u64 d = granules(gpis[i]);
        *l1_entry(l1_table_for_ram, test_block((int)i)) = d;
    }
}

/* Every context x access x GPI, under one routing. */
static void gpi_matrix(const char *tag, int scr_gpf, int hcr_gpf)
{
    for (unsigned g = 0; g < NGPI; g++) {
        /* a granule in the middle of the block: index 5 */
        u64 addr = test_block((int)g) + (5ULL << pgs_bits);
        for (unsigned c = 0; c < NCTX; c++) {
            for (unsigned k = 0; k < 3; k++) {
                char t[64];
                snprintf(t, sizeof(t), "%s GPI 0x%x", tag, gpis[g]);
                check_case(t, &ctxs[c], addr, k, l1_outcome(gpis[g], ctxs[c].pas), 1,
                           scr_gpf, hcr_gpf);
            }
        }
    }
}

static void test_gpc_disabled(void)
{
    /* GPCCR_EL3.GPC = 0: no check at all, even for GPI no-access */
    gpc_off();
    for (unsigned c = 0; c < NCTX; c++) {
        for (unsigned k = 0; k < 3; k++) {
            check_case("GPC disabled, GPI 0x0", &ctxs[c], test_block(0) + (3ULL << pgs_bits), k,
                       OUT_OK, 0, 1, 1);
        }
    }
    gpc_on();
}

/* Expected outcome for PAS pas of a descriptor that either yields GPI gpi (gpi >= 0, at the
 * given level) or faults with `out` (gpi < 0). pass_out: the outcome when permitted. */
static int desc_outcome(int gpi, int out, unsigned pas, int pass_out)
{
    if (gpi < 0) {
        return out;
    }
    return gpi_permits((unsigned)gpi, pas) ? pass_out : OUT_GPF;
}

/* Level-1 descriptor defects and contiguous descriptors (GPTWalk level 1), in the spare test
 * block NGPI; from Root, NS EL1 and Realm EL1 (the latter with SCR_EL3.GPF = 1). */
static void test_l1_descriptors(void)
{
    u64 blk = test_block(NGPI);
    u64 addr = blk + (2ULL << pgs_bits);
    static const struct { const char *name; u64 desc; int gpi; } cases[] = {
        /* R_KYZMZ: a reserved GPI in another field invalidates the whole descriptor */
        { "granules with reserved GPI 0x1 in field 15", 0x1fffffffffffffffULL, -1 },
        { "granules with reserved GPI 0xc in field 0", 0xfffffffffffffffcULL, -1 },
        { "granules with reserved GPI 0x7 in field 2", 0xfffffffffffff7ffULL, -1 },
        /* DecodeGPTContiguous */
        { "contiguous 2MB GPI Root", (1ULL << 8) | (GPI_ROOT << 4) | 1, GPI_ROOT },
        { "contiguous 32MB GPI NS", (2ULL << 8) | (GPI_NS << 4) | 1, GPI_NS },
        { "contiguous 512MB GPI Any", (3ULL << 8) | (GPI_ANY << 4) | 1, GPI_ANY },
        { "contiguous 2MB GPI Realm", (1ULL << 8) | (GPI_REALM << 4) | 1, GPI_REALM },
        { "contiguous with Contig 0", (GPI_ANY << 4) | 1, -1 },
        { "contiguous with bit 10 set", (1ULL << 10) | (1ULL << 8) | (GPI_ANY << 4) | 1, -1 },
        { "contiguous with reserved GPI 0xe", (1ULL << 8) | (0xeULL << 4) | 1, -1 },
    };
    static const struct { int ctx; int scr_gpf; } who[] = { { 0, 0 }, { 2, 0 }, { 4, 1 } };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        set_block_gpi(blk, cases[i].desc);
        for (unsigned w = 0; w < 3; w++) {
            const Ctx *c = &ctxs[who[w].ctx];
            for (unsigned k = 0; k < 3; k++) {
                check_case(cases[i].name, c, addr, k,
                           desc_outcome(cases[i].gpi, OUT_WALK, c->pas, OUT_OK), 1,
                           who[w].scr_gpf, 0);
            }
        }
    }
    set_block_gpi(blk, granules(GPI_ANY));
}

/*
 * Level-0 descriptors, in the first level-0 region above RAM (nothing is mapped there: a
 * permitted access ends in an external abort or reaches a device, which shows that the GPC
 * passed). Reads and writes from Root, NS EL1 and Realm EL1, with SCR_EL3.GPF 0 and 1.
 */
static void test_l0_descriptors(u64 region)
{
    u64 addr = region + 0x1000;
    volatile u64 *l0e = (volatile u64 *)(L0_TABLE + (region >> l0_bits) * 8);
    u64 l1_align = 1ULL << (l0_bits - pgs_bits - 1);
    struct { const char *name; u64 desc; int gpi; int out; int level; u64 l1; } cases[] = {
        { "L0 block GPI Any", (GPI_ANY << 4) | 1, GPI_ANY, 0, 0, 0 },
        { "L0 block GPI no-access", (GPI_NO << 4) | 1, GPI_NO, 0, 0, 0 },
        { "L0 block GPI Realm", (GPI_REALM << 4) | 1, GPI_REALM, 0, 0, 0 },
        { "L0 block GPI Root", (GPI_ROOT << 4) | 1, GPI_ROOT, 0, 0, 0 },
        { "L0 block GPI NS", (GPI_NS << 4) | 1, GPI_NS, 0, 0, 0 },
        { "L0 invalid descriptor (type 0)", 0, -1, OUT_WALK, 0, 0 },
        { "L0 reserved type 0x7", (GPI_ANY << 4) | 7, -1, OUT_WALK, 0, 0 },
        { "L0 block reserved GPI 0x5", (0x5ULL << 4) | 1, -1, OUT_WALK, 0, 0 },
        { "L0 block bit 8 set", (1ULL << 8) | (GPI_ANY << 4) | 1, -1, OUT_WALK, 0, 0 },
        { "L0 table bits [11:4] set", SPARE_L1 | 0x10 | 3, -1, OUT_WALK, 0, 0 },
        { "L0 table bit 52 set", SPARE_L1 | (1ULL << 52) | 3, -1, OUT_WALK, 0, 0 },
        { "L0 table misaligned level-1 address", (SPARE_L1 + l1_align / 2) | 3, -1, OUT_WALK,
          0, 0 },
        { "L0 table above the PPS", (1ULL << (pps_bits + 1)) | 3, -1, OUT_ADDRSIZE, 0, 0 },
        { "L0 table, level-1 fetch aborts", NO_MEMORY | 3, -1, OUT_EABT, 1, 0 },
        { "L0 table, L1 granules GPI Realm", SPARE_L1 | 3, GPI_REALM, 0, 1,
          0xbbbbbbbbbbbbbbbbULL },
        { "L0 table, L1 contiguous GPI Root", SPARE_L1 | 3, GPI_ROOT, 0, 1,
          (1ULL << 8) | (GPI_ROOT << 4) | 1 },
        { "L0 table, L1 invalid granules", SPARE_L1 | 3, -1, OUT_WALK, 1,
          0x3ffffffffffffbbbULL },
    };
    static const int who[] = { 0, 2, 4 };

    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        *(volatile u64 *)SPARE_L1 = cases[i].l1;
        *l0e = cases[i].desc;
        tlbi_paall();
        for (unsigned w = 0; w < 3; w++) {
            const Ctx *c = &ctxs[who[w]];
            for (unsigned k = 0; k < 2; k++) {      /* read, write (a fetch would run garbage) */
                for (int sg = 0; sg < 2; sg++) {
                    check_case(cases[i].name, c, addr, k,
                               desc_outcome(cases[i].gpi, cases[i].out, c->pas, OUT_PASS_ANY),
                               cases[i].level, sg, 0);
                }
            }
        }
    }
    *l0e = (GPI_ANY << 4) | 1;
    tlbi_paall();
}

/* R_TCWMD: PAs above the PPS (here 4GB): Non-secure passes, the other PA spaces get a GPF at
 * level 0. Nothing is mapped at 4GB, so a Non-secure access ends in an external abort. */
static void test_above_pps(void)
{
    u64 addr = 1ULL << pps_bits;
    for (unsigned c = 0; c < NCTX; c++) {
        for (unsigned k = 0; k < 2; k++) {
            for (unsigned sg = 0; sg < 2; sg++) {
                check_case("above PPS", &ctxs[c], addr, k,
                           ctxs[c].pas == PAS_NS ? OUT_PASS_ANY : OUT_GPF, 0, sg, 0);
            }
        }
    }
}

/*
 * GPT changes followed by each TLBI by PA: the new GPI must apply (none may be a no-op). All
 * accesses are made at EL3 so that no system register write (SCR_EL3, HCR_EL2) comes between
 * the access that fills the TLB and the one after the TLBI.
 */
static void test_tlbi_variants(void)
{
    static const char *const names[] = { "TLBI PAALL", "TLBI PAALLOS", "TLBI RPAOS",
                                         "TLBI RPALOS" };
    u64 blk = test_block(NGPI + 1), addr = blk + (1ULL << pgs_bits);
    for (int t = 0; t < 4; t++) {
        char tag[64];
        *l1_entry(l1_table_for_ram, blk) = granules(GPI_ROOT);
        tlbi_paall();
        snprintf(tag, sizeof(tag), "before %s", names[t]);
        check_case(tag, &ctxs[0], addr, ACC_READ, OUT_OK, 1, 0, 0);     /* now cached */
        check_case(tag, &ctxs[0], addr, ACC_FETCH, OUT_OK, 1, 0, 0);
        *l1_entry(l1_table_for_ram, blk) = granules(GPI_NS);
        dsb_sy();
        /* RPAOS/RPALOS: Xt = base PA [39:0] >> 12, SIZE [47:44] = 0 (4KB) */
        u64 xt = (addr >> 12) & 0xffffffffffULL;
        switch (t) {
        case 0: asm volatile("sys #6, c8, c7, #4" ::: "memory"); break;
        case 1: asm volatile("sys #6, c8, c1, #4" ::: "memory"); break;
        case 2: asm volatile("sys #6, c8, c4, #3, %0" :: "r"(xt) : "memory"); break;
        default: asm volatile("sys #6, c8, c4, #7, %0" :: "r"(xt) : "memory"); break;
        }
        asm volatile("dsb sy\n\tisb" ::: "memory");
        snprintf(tag, sizeof(tag), "after %s", names[t]);
        check_case(tag, &ctxs[0], addr, ACC_READ, OUT_GPF, 1, 0, 0);
        check_case(tag, &ctxs[0], addr, ACC_FETCH, OUT_GPF, 1, 0, 0);
        check_case(tag, &ctxs[2], addr, ACC_READ, OUT_OK, 1, 0, 0);
    }
    *l1_entry(l1_table_for_ram, blk) = granules(GPI_ANY);
    tlbi_paall();
}

/*
 * A GPT change not followed by a TLBI: only an invalid entry (a GPT walk fault) is guaranteed
 * not to be cached, so fixing it takes effect without invalidation (like invalid translation
 * table entries). A valid entry may stay cached: its replacement is checked after TLBI only.
 */
static void test_no_tlbi(void)
{
    u64 blk = test_block(NGPI + 2), addr = blk;
    *l1_entry(l1_table_for_ram, blk) = 0xfffffffffffffff2ULL;     /* reserved GPI 0x2 */
    tlbi_paall();
    check_case("invalid L1 entry", &ctxs[0], addr, ACC_READ, OUT_WALK, 1, 0, 0);
    *l1_entry(l1_table_for_ram, blk) = granules(GPI_ROOT);
    dsb_sy();
    check_case("fixed without TLBI", &ctxs[0], addr, ACC_READ, OUT_OK, 1, 0, 0);
    *l1_entry(l1_table_for_ram, blk) = granules(GPI_ANY);
    tlbi_paall();
}

/* World switches: a GPI Realm granule read by Realm EL1 (and cached), then by NS EL1 (GPF),
 * Secure EL1 (GPF), Realm EL2, NS EL2: TLB entries are per security state. */
static void test_world_switch(void)
{
    u64 addr = test_block(4) + (7ULL << pgs_bits);     /* GPI Realm block */
    static const int order[] = { 4, 2, 4, 5, 3, 1, 4, 0 };
    for (unsigned i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        const Ctx *c = &ctxs[order[i]];
        check_case("world switch", c, addr, ACC_READ, l1_outcome(GPI_REALM, c->pas), 1, 0, 0);
    }
}

/* TLBI PA* and DC *PAPA are UNDEFINED below EL3. */
static u64 try_tlbi_paall(u64 unused)
{
    (void)unused;
    exc_expect(0);
    asm volatile("sys #6, c8, c7, #4" ::: "memory");
    return exc_taken() ? exc_last.esr : 0;
}

static u64 try_dc_cipapa(u64 pa)
{
    exc_expect(0);
    asm volatile("sys #6, c7, c14, #1, %0" :: "r"(pa) : "memory");
    return exc_taken() ? exc_last.esr : 0x1;
}

static u64 try_dc_cigdpapa(u64 pa)
{
    exc_expect(0);
    asm volatile("sys #6, c7, c14, #5, %0" :: "r"(pa) : "memory");
    return exc_taken() ? exc_last.esr : 0x1;
}

static void test_el3_only(void)
{
    int mte2 = ((read_sysreg(id_aa64pfr1_el1) >> 8) & 0xf) >= 2;
    /* at EL3: DC CIPAPA executes (no caches to maintain); DC CIGDPAPA needs FEAT_MTE2 */
    check_eq(try_dc_cipapa(TEST_BASE | (1ULL << 63)), 0x1, "DC CIPAPA at EL3: executes");
    check_eq(try_dc_cigdpapa(TEST_BASE), mte2 ? 0x1 : (0x2000000ULL),
             "DC CIGDPAPA at EL3: %s", mte2 ? "executes" : "UNDEFINED without FEAT_MTE2");
    for (unsigned c = 1; c < NCTX; c++) {
        u64 scr = read_sysreg(scr_el3) & ~(SCR_NS | SCR_NSE | SCR_EEL2);
        write_sysreg(scr | ctxs[c].scr, scr_el3);
        isb();
        u64 esr = call_at_el(ctxs[c].el, try_tlbi_paall, 0);
        u64 esr2 = call_at_el(ctxs[c].el, try_dc_cipapa, TEST_BASE);
        write_sysreg(scr | SCR_NS, scr_el3);
        isb();
        check_eq(esr, 0x2000000ULL, "TLBI PAALL at %s: UNDEFINED (EC 0, IL 1)", ctxs[c].name);
        check_eq(esr2, 0x2000000ULL, "DC CIPAPA at %s: UNDEFINED (EC 0, IL 1)", ctxs[c].name);
    }
}

/* ---- GPC on stage-1 table walks (EL1&0 with the MMU on) ---- */

/*
 * TTBR0_EL1: 1GB identity blocks (0-1GB Device, 1-4GB Normal) in ordinary memory, for the code.
 * TTBR1_EL1 (T1SZ 25, 4KB granule): VA 0xffffff8000001000 -> level-1 table (block W+0) ->
 * level-2 table (block W+1) -> level-3 table (block W+2) -> the page at block W+3 (code and
 * data, GPI Any). Each table lives in its own 16-granule GPT block, so that the GPI of one
 * table can forbid the walk at exactly that lookup level (AArch64.S1Walk fetches through
 * FetchDescriptor, which applies the GPC: Fault_GPCFOnWalk at the lookup level).
 */
#define WALK_VA     0xffffff8000001000ULL
static u64 ttbr0_l1[512] __attribute__((aligned(4096)));

static u64 walk_block(int i)
{
    return test_block(NGPI + 3 + i);    /* NGPI+3 .. NGPI+6 */
}

static void walk_setup(void)
{
    volatile u64 *l1 = (volatile u64 *)walk_block(0), *l2 = (volatile u64 *)walk_block(1);
    volatile u64 *l3 = (volatile u64 *)walk_block(2);
    ttbr0_l1[0] = (1 << 10) | 1;                        /* Device-nGnRnE, AF */
    for (u64 i = 1; i < 4; i++) {
        ttbr0_l1[i] = (i << 30) | (1 << 10) | (3 << 8) | (1 << 2) | 1;
    }
    for (int i = 0; i < 512; i++) {
        l1[i] = 0;
        l2[i] = 0;
        l3[i] = 0;
    }
    l1[0] = walk_block(1) | 3;
    l2[0] = walk_block(2) | 3;
    l3[1] = walk_block(3) | (1 << 10) | (3 << 8) | (1 << 2) | 3;   /* EL1 RW, executable */
    *(volatile u64 *)walk_block(3) = CODE_WORD;
    dsb_sy();
    write_sysreg(0xff00, mair_el1);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (25ULL << 16) | (1ULL << 24) |
                 (1ULL << 26) | (3ULL << 28) | (2ULL << 30) | (2ULL << 32), tcr_el1);
    write_sysreg((u64)ttbr0_l1, ttbr0_el1);
    write_sysreg(walk_block(0), ttbr1_el1);
    asm volatile("isb\n\ttlbi alle1\n\tdsb sy\n\tisb" ::: "memory");
    for (int i = 0; i < 4; i++) {
        *l1_entry(l1_table_for_ram, walk_block(i)) = granules(GPI_ANY);
    }
    tlbi_paall();
}

static void walk_case(const Ctx *c, int level, unsigned gpi, unsigned kind, int scr_gpf,
                      int hcr_gpf)
{
    int blocked = !gpi_permits(gpi, c->pas);
    u64 table = walk_block(level - 1);
    char name[160];
    u64 v;

    *l1_entry(l1_table_for_ram, table) = granules(gpi);
    tlbi_paall();
    write_sysreg(read_sysreg(sctlr_el1) | 1, sctlr_el1);           /* stage 1 on */
    isb();
    v = run_access(c, WALK_VA, kind, scr_gpf, hcr_gpf);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    isb();
    *l1_entry(l1_table_for_ram, table) = granules(GPI_ANY);
    tlbi_paall();

    snprintf(name, sizeof(name), "walk: level-%d table GPI 0x%x: %s %s (SCR.GPF=%d HCR.GPF=%d)",
             level, gpi, c->name, acc_names[kind], scr_gpf, hcr_gpf);
    if (!blocked) {
        check_eq(probe_taken, 0, "%s: no exception", name);
        if (kind == ACC_AT) {
            check_eq(v & 1, 0, "%s: PAR_EL1.F = 0", name);
            check_eq(v & 0xfffffffff000ULL, walk_block(3), "%s: PAR_EL1.PA", name);
        } else {
            check_eq(v, CODE_WORD, "%s: value", name);
        }
        return;
    }
    /* Fault_GPCFOnWalk: xFSC = 0b1001:level; GPT level 1 (granules descriptor) */
    u64 fsc = 0x24 + (u64)level;
    int write = kind == ACC_WRITE, fetch = kind == ACC_FETCH, at = kind == ACC_AT;
    u64 far = WALK_VA + (write ? 8 : 0);
    if (scr_gpf) {
        /* TakeGPCException: for AT, CM = 1 and WnR = 1 */
        u64 esr = (0x1eULL << 26) | ESR_IL | ((u64)fetch << 20) | (0xdULL << 14) |
                  ((u64)at << 8) | ((u64)(write || at) << 6) | fsc;
        check_eq(probe_taken, 1, "%s: exception taken", name);
        check_eq(probe_el, 3, "%s: target EL", name);
        check_eq(probe_esr, esr, "%s: ESR", name);
        check_eq(probe_far, far, "%s: FAR", name);
        check_eq(probe_mfar, table | mfar_bits(c->pas), "%s: MFAR_EL3 (the table's PA)", name);
        return;
    }
    if (at && !hcr_gpf) {
        /* R_ZTRDD: AT reports the GPF in PAR_EL1: F = 1, FST, PTW = 0, S = 0, bit 11 RES1 */
        check_eq(probe_taken, 0, "%s: no exception", name);
        check_eq(v & 0xfff, 1 | (fsc << 1) | (1 << 11), "%s: PAR_EL1", name);
        return;
    }
    u64 el = hcr_gpf ? 2 : 1;
    u64 ec = fetch ? (el == 1 ? 0x21 : 0x20) : (el == 1 ? 0x25 : 0x24);
    check_eq(probe_taken, 1, "%s: exception taken", name);
    check_eq(probe_el, el, "%s: target EL", name);
    check_eq(probe_esr, (ec << 26) | ESR_IL | ((u64)at << 8) | ((u64)(write || at) << 6) | fsc,
             "%s: ESR", name);
    check_eq(probe_far, far, "%s: FAR", name);
}

static void test_walks(void)
{
    static const int who[] = { 2, 4 };     /* NS EL1, Realm EL1 */
    walk_setup();
    for (int level = 1; level <= 3; level++) {
        for (unsigned w = 0; w < 2; w++) {
            for (unsigned g = 0; g < 3; g++) {
                unsigned gpi = g == 0 ? GPI_ROOT : g == 1 ? GPI_REALM : GPI_NS;
                for (unsigned k = 0; k < 4; k++) {
                    for (int r = 0; r < 3; r++) {
                        walk_case(&ctxs[who[w]], level, gpi, k, r == 1, r == 2);
                    }
                }
            }
        }
    }
}

/* ---- GPC on stage-2 table walks (EL1 with stage 1 off, HCR_EL2.VM = 1) ---- */

/*
 * VTTBR_EL2 (4KB granule, T0SZ 25, start at level 1): IPA 0-1GB a Device block, 1-2GB a Normal
 * block (identity, for the code and stacks), IPA 0x80000000 -> level-2 table (block W+1) ->
 * level-3 table (block W+2) -> the page at block W+3. The stage-2 level-1 table is ordinary
 * memory: blocking it would stop EL1 itself. A GPF on a stage-2 walk (FetchDescriptor with
 * fault.secondstage) is IsSecondStage: as an abort it goes to EL2 whatever HCR_EL2.GPF says,
 * with the IPA in HPFAR_EL2 (IPAValid); as a GPC exception it has S2PTW = 1 and still writes
 * HPFAR_EL2 (AArch64.ReportException).
 */
#define S2_IPA      0x80001000ULL
static u64 s2_l1[512] __attribute__((aligned(4096)));

static void s2_setup(void)
{
    volatile u64 *l2 = (volatile u64 *)walk_block(1), *l3 = (volatile u64 *)walk_block(2);
    s2_l1[0] = 0 | (1 << 10) | (3 << 6) | 1;                                 /* Device */
    s2_l1[1] = 0x40000000ULL | (1 << 10) | (3 << 8) | (3 << 6) | (0xf << 2) | 1;
    s2_l1[2] = walk_block(1) | 3;
    for (int i = 0; i < 512; i++) {
        l2[i] = 0;
        l3[i] = 0;
    }
    l2[0] = walk_block(2) | 3;
    l3[1] = walk_block(3) | (1 << 10) | (3 << 8) | (3 << 6) | (0xf << 2) | 3;
    *(volatile u64 *)walk_block(3) = CODE_WORD;
    dsb_sy();
    write_sysreg(25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31),
                 vtcr_el2);
    write_sysreg((u64)s2_l1, vttbr_el2);
    asm volatile("isb\n\ttlbi alle1\n\tdsb sy\n\tisb" ::: "memory");
}

static void s2_case(const Ctx *c, int level, unsigned gpi, unsigned kind, int scr_gpf,
                    int hcr_gpf)
{
    int blocked = !gpi_permits(gpi, c->pas);
    u64 table = walk_block(level - 1);
    char name[160];
    u64 v;

    *l1_entry(l1_table_for_ram, table) = granules(gpi);
    tlbi_paall();
    write_sysreg(read_sysreg(hcr_el2) | 1, hcr_el2);                /* HCR_EL2.VM */
    write_sysreg(0x5550, hpfar_el2);       /* a stale value that no case expects */
    isb();
    v = run_access(c, S2_IPA, kind, scr_gpf, hcr_gpf);
    write_sysreg(read_sysreg(hcr_el2) & ~1ULL, hcr_el2);
    isb();
    *l1_entry(l1_table_for_ram, table) = granules(GPI_ANY);
    tlbi_paall();

    snprintf(name, sizeof(name), "stage 2: level-%d table GPI 0x%x: %s %s (SCR.GPF=%d "
             "HCR.GPF=%d)", level, gpi, c->name, acc_names[kind], scr_gpf, hcr_gpf);
    if (!blocked) {
        check_eq(probe_taken, 0, "%s: no exception", name);
        check_eq(v, CODE_WORD, "%s: value", name);
        return;
    }
    u64 fsc = 0x24 + (u64)level;
    int write = kind == ACC_WRITE, fetch = kind == ACC_FETCH;
    u64 far = S2_IPA + (write ? 8 : 0);
    check_eq(probe_taken, 1, "%s: exception taken", name);
    check_eq(probe_far, far, "%s: FAR", name);
    check_eq(probe_hpfar, (far >> 8) & ~0xfULL, "%s: HPFAR_EL2", name);
    if (scr_gpf) {
        u64 esr = (0x1eULL << 26) | ESR_IL | (1ULL << 21) | ((u64)fetch << 20) | (0xdULL << 14) |
                  ((u64)write << 6) | fsc;
        check_eq(probe_el, 3, "%s: target EL", name);
        check_eq(probe_esr, esr, "%s: ESR (S2PTW = 1)", name);
        check_eq(probe_mfar, table | mfar_bits(c->pas), "%s: MFAR_EL3 (the table's PA)", name);
        return;
    }
    u64 ec = fetch ? 0x20 : 0x24;
    check_eq(probe_el, 2, "%s: target EL", name);
    /* a data abort on a stage-2 walk may carry the instruction syndrome: ISS[24:14] ignored */
    check_eq(probe_esr & (fetch ? ~0ULL : ESR_DABT_MASK),
             (ec << 26) | ESR_IL | ((u64)write << 6) | fsc, "%s: ESR", name);
    if (!fetch) {
        check_eq((probe_esr >> 24) & 1, 1, "%s: ISV = 1 (stage 2, not on a stage-1 walk)", name);
    }
}

static void test_s2_walks(void)
{
    static const int who[] = { 2, 4 };     /* NS EL1, Realm EL1 */
    s2_setup();
    for (int level = 2; level <= 3; level++) {
        for (unsigned w = 0; w < 2; w++) {
            for (unsigned g = 0; g < 3; g++) {
                unsigned gpi = g == 0 ? GPI_ROOT : g == 1 ? GPI_REALM : GPI_NS;
                for (unsigned k = 0; k < 3; k++) {
                    for (int r = 0; r < 3; r++) {
                        s2_case(&ctxs[who[w]], level, gpi, k, r == 1, r == 2);
                    }
                }
            }
        }
    }
    write_sysreg(0, vttbr_el2);
}

/* ---- GPC on walks with both stages (EL1&0 stage 1 under stage 2) ---- */

/*
 * TTBR1_EL1 points at IPA 0x80000000; stage 2 maps IPA 0x80000000 -> the stage-1 level-1 table
 * (PA block W+0), 0x80001000/0x80002000 -> the stage-1 level-2/level-3 tables and 0x80003000 ->
 * the page (all in block W+3), through stage-2 level-2/level-3 tables in blocks W+1/W+2.
 * (A) GPI forbids block W+0: the stage-1 descriptor fetch, made after stage 2 translated its
 *     address, fails the GPC with the stage-1 fault record (AArch64.S1Walk -> FetchDescriptor):
 *     a stage-1 GPF on walk at lookup level 1, S1PTW = 0, S2PTW = 0, not a stage-2 fault.
 * (B) GPI forbids block W+2: the stage-2 walk for that stage-1 table address fails at stage-2
 *     lookup level 3 (AArch64.S2Translate sets secondstage and s2fs1walk): S1PTW = 1 and
 *     S2PTW = 1, taken to EL2 as an abort (ISV = 0), HPFAR_EL2 = the table's IPA; an AT from
 *     EL1 raises it too (AArch64.AT: PSTATE.EL == EL1 && s2fs1walk).
 */
static void s12_setup(void)
{
    volatile u64 *l2 = (volatile u64 *)walk_block(1), *l3 = (volatile u64 *)walk_block(2);
    volatile u64 *t1 = (volatile u64 *)walk_block(0);
    volatile u64 *t2 = (volatile u64 *)(walk_block(3) + 0x1000);
    volatile u64 *t3 = (volatile u64 *)(walk_block(3) + 0x2000);
    u64 s2attr = (1 << 10) | (3 << 8) | (3 << 6) | (0xf << 2) | 3;
    for (int i = 0; i < 512; i++) {
        l2[i] = l3[i] = t1[i] = t2[i] = t3[i] = 0;
    }
    s2_l1[0] = 0 | (1 << 10) | (3 << 6) | 1;
    s2_l1[1] = 0x40000000ULL | (1 << 10) | (3 << 8) | (3 << 6) | (0xf << 2) | 1;
    s2_l1[2] = walk_block(1) | 3;
    l2[0] = walk_block(2) | 3;
    l3[0] = walk_block(0) | s2attr;
    l3[1] = (walk_block(3) + 0x1000) | s2attr;
    l3[2] = (walk_block(3) + 0x2000) | s2attr;
    l3[3] = walk_block(3) | s2attr;
    t1[0] = 0x80001000ULL | 3;
    t2[0] = 0x80002000ULL | 3;
    t3[1] = 0x80003000ULL | (1 << 10) | (3 << 8) | (1 << 2) | 3;
    *(volatile u64 *)walk_block(3) = CODE_WORD;
    dsb_sy();
    write_sysreg(25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 31),
                 vtcr_el2);
    write_sysreg((u64)s2_l1, vttbr_el2);
    write_sysreg(0x80000000ULL, ttbr1_el1);
    asm volatile("isb\n\ttlbi alle1\n\tdsb sy\n\tisb" ::: "memory");
}

static void s12_case(const Ctx *c, int b_case, unsigned kind, int scr_gpf, int hcr_gpf)
{
    unsigned gpi = c->pas == PAS_NS ? GPI_ROOT : GPI_NS;
    u64 table = walk_block(b_case ? 2 : 0);
    int write = kind == ACC_WRITE, fetch = kind == ACC_FETCH, at = kind == ACC_AT;
    u64 far = WALK_VA + (write ? 8 : 0);
    u64 fsc = b_case ? 0x27 : 0x25, v;
    char name[160];

    *l1_entry(l1_table_for_ram, table) = granules(gpi);
    tlbi_paall();
    write_sysreg(read_sysreg(hcr_el2) | 1, hcr_el2);
    write_sysreg(0x5550, hpfar_el2);
    write_sysreg(read_sysreg(sctlr_el1) | 1, sctlr_el1);
    isb();
    v = run_access(c, WALK_VA, kind, scr_gpf, hcr_gpf);
    write_sysreg(read_sysreg(sctlr_el1) & ~1ULL, sctlr_el1);
    write_sysreg(read_sysreg(hcr_el2) & ~1ULL, hcr_el2);
    isb();
    *l1_entry(l1_table_for_ram, table) = granules(GPI_ANY);
    tlbi_paall();

    snprintf(name, sizeof(name), "stages 1+2, %s: %s %s (SCR.GPF=%d HCR.GPF=%d)",
             b_case ? "stage-2 L3 table blocked" : "stage-1 L1 table blocked", c->name,
             acc_names[kind], scr_gpf, hcr_gpf);
    u64 iss = ((u64)at << 8) | ((u64)(b_case) << 7) | ((u64)(write || at) << 6) | fsc;
    if (scr_gpf) {
        check_eq(probe_taken, 1, "%s: exception taken", name);
        check_eq(probe_el, 3, "%s: target EL", name);
        check_eq(probe_esr, (0x1eULL << 26) | ESR_IL | ((u64)b_case << 21) | ((u64)fetch << 20) |
                 (0xdULL << 14) | iss, "%s: ESR", name);
        check_eq(probe_far, far, "%s: FAR", name);
        check_eq(probe_mfar, table | mfar_bits(c->pas), "%s: MFAR_EL3", name);
        if (b_case) {
            check_eq(probe_hpfar, 0x800000, "%s: HPFAR_EL2 (IPA of the stage-1 table)", name);
        }
        return;
    }
    if (!b_case && at && !hcr_gpf) {
        /* PAR_EL1.PTW is s2fs1walk (AArch64.AT), 0 here. Not checked yet: the walker's AT
         * (tlb-maint.c:arm_at_exec) reports PTW = 1 for this case; see docs/devel/rme.md. */
        check_eq(probe_taken, 0, "%s: no exception", name);
        check_eq(v & 0xeff, 1 | (fsc << 1) | (1 << 11), "%s: PAR_EL1 (F, FST, S = 0)", name);
        return;
    }
    u64 el = b_case || hcr_gpf ? 2 : 1;
    u64 ec = fetch ? (el == 1 ? 0x21 : 0x20) : (el == 1 ? 0x25 : 0x24);
    check_eq(probe_taken, 1, "%s: exception taken", name);
    check_eq(probe_el, el, "%s: target EL", name);
    check_eq(probe_esr, (ec << 26) | ESR_IL | iss, "%s: ESR", name);
    check_eq(probe_far, far, "%s: FAR", name);
    if (b_case) {
        check_eq(probe_hpfar, 0x800000, "%s: HPFAR_EL2 (IPA of the stage-1 table)", name);
    }
}

static void test_s12_walks(void)
{
    static const int who[] = { 2, 4 };     /* NS EL1, Realm EL1 */
    s12_setup();
    for (int b = 0; b < 2; b++) {
        for (unsigned w = 0; w < 2; w++) {
            for (unsigned k = 0; k < 4; k++) {
                if (b && k == ACC_WRITE) {
                    continue;       /* WnR of a stage-2 fault on a stage-1 walk: not a store */
                }
                for (int r = 0; r < 3; r++) {
                    s12_case(&ctxs[who[w]], b, k, r == 1, r == 2);
                }
            }
        }
    }
    write_sysreg(0, vttbr_el2);
}

/* ---- EL3 accesses to other PA spaces (EL3 stage 1 with descriptor NSE/NS) ---- */

/*
 * With RME, an EL3 stage-1 leaf selects its output PA space with {NSE (bit 11), NS (bit 5)}:
 * 00 Secure, 01 Non-secure, 10 Root, 11 Realm. The GPC then checks that PA space, not the
 * Root state: a GPF at EL3 is a Data Abort at EL3 even with SCR_EL3.GPF = 1 (R_BLYPM), and a
 * walk fault's MFAR_EL3.{NSE,NS} name the access's PA space. The code runs identity-mapped in
 * Root; VA 0x80000000 + n * 4KB maps granule 8 + PAS of the test block of GPI n / 4.
 */
#define EL3_VA      0x80000000ULL
static u64 el3_l1[512] __attribute__((aligned(4096)));
static u64 el3_l2[512] __attribute__((aligned(4096)));
static u64 el3_l3[512] __attribute__((aligned(4096)));

static u64 pas_attr(unsigned pas)
{
    return (pas & 1 ? 1ULL << 5 : 0) | (pas & 2 ? 1ULL << 11 : 0);   /* NS, NSE */
}

static void test_el3_pas(void)
{
    static const char *const pas_names[] = { "Secure", "Non-secure", "Root", "Realm" };
    u64 attr = (1 << 10) | (1 << 6);                   /* AF, AP[1] (RES1 at EL3) */
    el3_l1[0] = 0 | attr | pas_attr(PAS_ROOT) | 1;     /* Device, Root */
    el3_l1[1] = 0x40000000ULL | attr | (3 << 8) | (1 << 2) | pas_attr(PAS_ROOT) | 1;
    el3_l1[2] = (u64)el3_l2 | 3;
    el3_l2[0] = (u64)el3_l3 | 3;
    for (unsigned g = 0; g < NGPI; g++) {
        for (unsigned pas = 0; pas < 4; pas++) {
            el3_l3[g * 4 + pas] = (test_block((int)g) + ((8ULL + pas) << pgs_bits)) | attr |
                                  (3 << 8) | (1 << 2) | pas_attr(pas) | 3;
        }
    }
    dsb_sy();
    write_sysreg(0xff00, mair_el3);
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1ULL << 23) | (1ULL << 31),
                 tcr_el3);
    write_sysreg((u64)el3_l1, ttbr0_el3);
    asm volatile("isb\n\ttlbi alle3\n\tdsb sy\n\tisb" ::: "memory");
    write_sysreg(read_sysreg(sctlr_el3) | 1, sctlr_el3);
    isb();
    for (unsigned g = 0; g < NGPI; g++) {
        for (unsigned pas = 0; pas < 4; pas++) {
            Ctx c = ctxs[0];
            char tag[64];
            c.pas = pas;                /* the access's PA space, from the descriptor */
            snprintf(tag, sizeof(tag), "EL3 MMU on, %s PA space, GPI 0x%x", pas_names[pas],
                     gpis[g]);
            for (unsigned k = 0; k < 2; k++) {
                for (int sg = 0; sg < 2; sg++) {
                    u64 va = EL3_VA + (g * 4 + pas) * 0x1000ULL;
                    int out = l1_outcome(gpis[g], pas);
                    u64 v = run_access(&c, va, k, sg, 0);
                    char name[160];
                    snprintf(name, sizeof(name), "%s: %s (SCR.GPF=%d)", tag, acc_names[k], sg);
                    if (out == OUT_OK) {
                        check_eq(probe_taken, 0, "%s: no exception", name);
                        check_eq(v, CODE_WORD, "%s: value", name);
                        continue;
                    }
                    u64 pa = test_block((int)g) + ((8ULL + pas) << pgs_bits) + (k ? 8 : 0);
                    u64 far = va + (k ? 8 : 0);
                    check_eq(probe_taken, 1, "%s: exception taken", name);
                    check_eq(probe_el, 3, "%s: target EL", name);
                    check_eq(probe_far, far, "%s: FAR", name);
                    if (out == OUT_GPF) {
                        check_eq(probe_esr, (0x25ULL << 26) | ESR_IL | ((u64)k << 6) | 0x28,
                                 "%s: ESR (Data Abort, GPF)", name);
                    } else {
                        check_eq(probe_esr, (0x1eULL << 26) | ESR_IL | (0x5ULL << 14) |
                                 ((u64)k << 6) | 0x28, "%s: ESR (GPC exception, walk L1)", name);
                        check_eq(probe_mfar, (pa & ~0xfffULL) | mfar_bits(pas),
                                 "%s: MFAR_EL3 with the access's PA space", name);
                    }
                }
            }
        }
    }
    write_sysreg(read_sysreg(sctlr_el3) & ~1ULL, sctlr_el3);
    asm volatile("isb\n\ttlbi alle3\n\tdsb sy\n\tisb" ::: "memory");
}

static void run_config(unsigned pps, unsigned pgs, int full)
{
    char tag[48];
    build_gpt(pps, pgs);
    setup_test_blocks();
    gpc_on();
    printf("# GPT: PPS %u bits, PGS %u bits, L0GPTSZ %u bits\n", pps_bits, pgs_bits, l0_bits);
    snprintf(tag, sizeof(tag), "PPS%u PGS%u", pps_bits, pgs_bits);
    gpi_matrix(tag, 0, 0);
    if (full) {
        gpi_matrix(tag, 1, 0);          /* SCR_EL3.GPF: GPFs become GPC exceptions */
        gpi_matrix(tag, 0, 1);          /* HCR_EL2.GPF: GPFs from EL1 go to EL2 */
        gpi_matrix(tag, 1, 1);          /* SCR_EL3.GPF takes priority */
        test_gpc_disabled();
        test_l1_descriptors();
        test_tlbi_variants();
        test_no_tlbi();
        test_world_switch();
        test_walks();
        test_s2_walks();
        test_s12_walks();
        test_el3_pas();
    }
    if (pps_bits == 32) {
        test_above_pps();
    }
    u64 region = ((RAM_END + (1ULL << l0_bits) - 1) >> l0_bits) << l0_bits;
    if (pps_bits > l0_bits && region < (1ULL << pps_bits)) {
        test_l0_descriptors(region);
    }
    gpc_off();
}

void test_main(void)
{
    if (current_el() != 3 || ((read_sysreg(id_aa64pfr0_el1) >> 52) & 0xf) == 0) {
        skip("needs EL3 and FEAT_RME (-M virt,rme=on)");
        return;
    }
    have_sel2 = ((read_sysreg(id_aa64pfr0_el1) >> 36) & 0xf) != 0;
    printf("# FEAT_SEL2 %s: GPI Secure is %s\n", have_sel2 ? "present" : "absent",
           have_sel2 ? "valid" : "reserved (GPT walk fault)");
    sync_hook = probe_hook;
    test_el3_only();
    run_config(0, 0, 1);        /* PPS 4GB, PGS 4KB: everything */
    run_config(1, 2, 0);        /* PPS 64GB, PGS 16KB */
    run_config(2, 1, 0);        /* PPS 1TB, PGS 64KB */
    run_config(2, 0, 0);        /* PPS 1TB, PGS 4KB */
    sync_hook = 0;
}
