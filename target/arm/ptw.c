/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ptw.c: VMSAv8-64 address translation for the softmmu TLB and AT: stage 1 of the EL1&0, EL2&0,
 * EL2 and EL3 regimes, stage 2 of EL1&0, 4K/16K/64K granules, permissions, and the Granule
 * Protection Check of every physical access (Arm ARM D8; pseudocode AArch64.FullTranslate,
 * AArch64.S1Translate, AArch64.S1Walk, AArch64.S2Walk, AArch64.S1CheckPermissions,
 * AArch64.S2CheckPermissions). No side effects: faults are described, fault.c raises them. */
#include <string.h>
#include "exec/cputlb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "cpu-features.h"
#include "gpc.h"
#include "hflags.h"
#include "ptw.h"

#define HCR_VM  (1ull << 0)
#define HCR_DC  (1ull << 12)
#define HCR_TGE (1ull << 27)
#define SCR_SIF (1ull << 9)
#define SCTLR_M   (1ull << 0)
#define SCTLR_WXN (1ull << 19)
#define DESC_AF   (1ull << 10)
/* Output address bits [51:12] of a descriptor: bits above the 48-bit PA make an Address size
 * fault (they are RES0 without FEAT_LPA). */
/* Output address bits of table/block/page descriptors with a 48-bit OA (TCR.DS == 0, no
 * FEAT_LPA): [47:12] (Arm ARM D8.3, VMSAv8-64 descriptor formats). Above them, a table
 * descriptor's [51:48] and a block/page descriptor's [49:48] are RES0 address bits (they hold
 * OA[51:48] only with 52-bit addresses): set, they give an Address size fault. A block or page
 * descriptor's bits 50 and 51 are not address bits at all: GP (BTI) and DBM, which Linux sets on
 * every writable page. */
#define DESC_OA_MASK 0x0000fffffffff000ull
#define DESC_TABLE_RES0_OA 0x000f000000000000ull
#define DESC_LEAF_RES0_OA 0x0003000000000000ull

static unsigned pa_bits(const CPUARMState *env)
{
    static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52 };
    unsigned pr = env->features.id_aa64mmfr0 & 0xf;
    return pr < 7 && bits[pr] <= 48 ? bits[pr] : 48;
}

/* TCR.{IPS,PS}, VTCR_EL2.PS: larger than implemented behaves as the implemented size (D8.2.4). */
static unsigned ps_bits(const CPUARMState *env, unsigned ps)
{
    static const unsigned bits[] = { 32, 36, 40, 42, 44, 48, 52, 52 };
    unsigned b = bits[ps & 7], max = pa_bits(env);
    return b < max ? b : max;
}

static unsigned tg0_bits(unsigned tg)
{
    return tg == 1 ? 16 : tg == 2 ? 14 : 12;      /* 0b11 reserved: behaves as 4K */
}

static unsigned tg1_bits(unsigned tg)
{
    return tg == 1 ? 14 : tg == 3 ? 16 : 12;      /* 0b00 reserved: behaves as 4K */
}

/* TxSZ outside [16, 39] (no FEAT_LVA, FEAT_TTST) behaves as the nearest supported value
 * (a CONSTRAINED UNPREDICTABLE choice the Arm ARM allows, D8.2.4.1). */
static unsigned clamp_tsz(unsigned tsz)
{
    return tsz < 16 ? 16 : tsz > 39 ? 39 : tsz;
}

static uint64_t fault_set(ArmFault *f, ArmFaultType type, int level, bool stage2)
{
    f->type = type;
    f->level = level;
    f->stage2 = stage2;
    return 0;
}

typedef struct Regime {
    ArmRegime r;
    ArmSecuritySpace ss;    /* security state of the translation */
    int el;                 /* EL owning SCTLR/TCR/TTBR/MAIR: 1, 2 or 3 */
    bool user, pan;
    uint64_t sctlr, tcr, mair;
} Regime;

static void regime_of(CPUARMState *env, int mmu_idx, Regime *g)
{
    g->r = arm_mmu_idx_regime(mmu_idx);
    g->ss = mmu_idx == ARM_MMU_IDX_E3 ? arm_space_for_el(env, 3) : arm_mmu_idx_space(mmu_idx);
    g->el = g->r == REGIME_E10 ? 1 : g->r == REGIME_E3 ? 3 : 2;
    g->user = arm_mmu_idx_is_user(mmu_idx);
    g->pan = arm_mmu_idx_pan(mmu_idx);
    g->sctlr = env->sctlr_el[g->el];
    g->tcr = env->tcr_el[g->el];
    g->mair = env->mair_el[g->el];
}

/* HCR_EL2.{TGE,DC} disable stage 1 of EL1&0 (D8.2.11: SCTLR_EL1.M behaves as 0). */
bool arm_s1_enabled(CPUARMState *env, int mmu_idx)
{
    ArmRegime r = arm_mmu_idx_regime(mmu_idx);
    int el = r == REGIME_E10 ? 1 : r == REGIME_E3 ? 3 : 2;

    if (r == REGIME_E10 && arm_el2_enabled(env) && (env->hcr_el2 & (HCR_TGE | HCR_DC))) {
        return false;
    }
    return (env->sctlr_el[el] & SCTLR_M) != 0;
}

bool arm_s1_off_is_device(CPUARMState *env, int mmu_idx)
{
    return !(arm_mmu_idx_regime(mmu_idx) == REGIME_E10 && arm_el2_enabled(env) &&
             (env->hcr_el2 & HCR_DC) && !(env->hcr_el2 & HCR_TGE));
}

/* Stage 2 of EL1&0: HCR_EL2.VM (or DC, which behaves as VM = 1), not with TGE (D8.1.5). */
static bool s2_enabled(CPUARMState *env, int mmu_idx)
{
    return arm_mmu_idx_regime(mmu_idx) == REGIME_E10 && arm_el2_enabled(env) &&
           (env->hcr_el2 & (HCR_VM | HCR_DC)) && !(env->hcr_el2 & HCR_TGE);
}

/* One table walk, stage 1 or stage 2. */
typedef struct Walk {
    int stage;
    unsigned gbits;         /* granule: 12, 14 or 16 */
    unsigned ia_bits;       /* input address size */
    unsigned oa_bits;       /* output address size (TCR.IPS/PS, VTCR_EL2.PS) */
    int start_level;
    uint64_t base;          /* first table: PA, or IPA when s2 */
    ArmSecuritySpace space; /* PA space of the table fetches */
    bool s2;                /* stage 1 table addresses are IPAs translated by stage 2 */
    bool hpd;               /* hierarchical permissions disabled (FEAT_HPDS) */
    bool nstable;           /* NSTable is meaningful (Secure and Root states) */
} Walk;

/* What the access is, for stage 2 and GPC reporting of table fetches. */
typedef struct Ctx {
    uint64_t va;
    MMUAccessType access;
    bool s1ptw;             /* the stage 2 walk in progress is for a stage 1 table fetch */
    ArmSecuritySpace rss;   /* security state of the translation regime */
} Ctx;

typedef struct Leaf {
    uint64_t desc;
    uint64_t oa;            /* output address of the input address */
    int level;
    unsigned lg_size;       /* log2 of the mapping's size: block/page, or the contiguous run */
    unsigned aptable, xntable, pxntable;
    ArmSecuritySpace space; /* after NSTable */
} Leaf;

static bool s2_translate(CPUARMState *env, uint64_t ipa, MMUAccessType access,
                         ArmSecuritySpace ss, const Ctx *c, ArmTranslation *out, ArmFault *f);

/* Number of translation levels that resolve ia_bits with this granule. */
static int start_level_for(unsigned ia_bits, unsigned gbits)
{
    unsigned stride = gbits - 3;
    return 4 - (int)((ia_bits - gbits + stride - 1) / stride);
}

/* Block descriptors exist at level 1 and 2 for 4K, level 2 for 16K and 64K (48-bit OA,
 * no FEAT_LPA2): elsewhere bits[1:0] = 0b01 is an invalid descriptor (D8.3.1). */
static bool block_allowed(unsigned gbits, int level)
{
    return gbits == 12 ? (level == 1 || level == 2) : level == 2;
}

/* Fetch one descriptor: through stage 2 for stage 1 walks of a virtualized EL1&0 (S1PTW), then
 * the GPC (RME: every table walk access is checked), then the read in the walk's PA space. */
static bool fetch_desc(CPUARMState *env, const Walk *w, uint64_t addr, ArmSecuritySpace space,
                       int level, uint64_t ia, const Ctx *c, uint64_t *d, ArmFault *f)
{
    uint64_t pa = addr;
    ArmSecuritySpace pas = space;
    GpcFault gf;

    if (w->s2) {
        ArmTranslation t2;
        Ctx c2 = *c;
        c2.s1ptw = true;
        if (!s2_translate(env, addr, MMU_DATA_LOAD, space, &c2, &t2, f)) {
            f->s1ptw = true;
            return false;
        }
        pa = t2.pa;
        pas = t2.space;
    }
    /* RME: the table fetch is a physical access checked like any other (R_PGLMS). */
    if (!arm_gpc_check(env, pa, pas, &gf)) {
        fault_set(f, ARMFAULT_GPC, level, false);
        f->gpc = gf;
        memset(&f->gpca, 0, sizeof(f->gpca));
        f->gpca.vaddr = c->va;
        f->gpca.pa = pa;
        f->gpca.pas = pas;
        f->gpca.access = c->access;
        f->gpca.walk = true;
        f->gpca.walk_level = level;
        f->gpca.s1ptw = w->stage == 1 ? w->s2 : c->s1ptw;
        f->gpca.stage2_walk = w->stage == 2;
        f->gpca.ipa = w->stage == 2 ? ia : addr;
        f->gpca.ipa_valid = w->stage == 2 || w->s2;
        return false;
    }
    MemTxAttrs attrs = { .space = pas, .secure = arm_space_is_secure(pas) };
    if (address_space_ld(env->as[pas], pa, 8, d, attrs) != MEMTX_OK) {
        fault_set(f, ARMFAULT_SEA_WALK, level, w->stage == 2);
        return false;
    }
    return true;
}

/* log2 of the number of entries in a contiguous run (Contiguous bit, descriptor bit 52; Arm ARM
 * D8.6.1, "The Contiguous bit"): 16 for 4K; 32 (level 2) or 128 (level 3) for 16K; 32 for 64K. */
static unsigned contig_bits(unsigned gbits, int level)
{
    return gbits == 12 ? 4 : gbits == 14 ? (level == 3 ? 7 : 5) : 5;
}

/* The lookup loop shared by AArch64.S1Walk and AArch64.S2Walk: descriptor type per level,
 * Address size faults for next-level table and output addresses, hierarchical attributes. */
static bool walk(CPUARMState *env, const Walk *w, uint64_t ia, const Ctx *c, Leaf *l, ArmFault *f)
{
    unsigned stride = w->gbits - 3;
    int level = w->start_level;
    uint64_t table = w->base;
    ArmSecuritySpace space = w->space;
    unsigned ap = 0, xn = 0, pxn = 0;

    for (;;) {
        unsigned shift = w->gbits + stride * (unsigned)(3 - level);
        unsigned nbits = level == w->start_level ? w->ia_bits - shift : stride;
        uint64_t index = (ia >> shift) & ((1ull << nbits) - 1);
        uint64_t d;

        if (!fetch_desc(env, w, table + index * 8, space, level, ia, c, &d, f)) {
            return false;
        }
        uint64_t addr = d & DESC_OA_MASK & ~((1ull << w->gbits) - 1);
        bool is_table = level < 3 && (d & 2);
        bool is_block = level < 3 && !(d & 2) && block_allowed(w->gbits, level);
        bool is_page = level == 3 && (d & 2);

        if (!(d & 1) || (!is_table && !is_block && !is_page)) {
            fault_set(f, ARMFAULT_TRANSLATION, level, w->stage == 2);
            return false;
        }
        if (is_table) {
            if ((addr >> w->oa_bits) || (d & DESC_TABLE_RES0_OA)) {
                fault_set(f, ARMFAULT_ADDRSIZE, level, w->stage == 2);
                return false;
            }
            if (w->stage == 1) {
                /* APTable [62:61], UXNTable/XNTable [60], PXNTable [59] (D8.4.2), NSTable [63]. */
                if (!w->hpd) {
                    ap |= (d >> 61) & 3;
                    xn |= (d >> 60) & 1;
                    pxn |= (d >> 59) & 1;
                }
                if (w->nstable && (d >> 63)) {
                    space = ARMSS_NONSECURE;
                }
            }
            table = addr;
            level++;
            continue;
        }
        uint64_t oa = addr & ~((1ull << shift) - 1);
        if ((oa >> w->oa_bits) || (d & DESC_LEAF_RES0_OA)) {
            fault_set(f, ARMFAULT_ADDRSIZE, level, w->stage == 2);
            return false;
        }
        l->desc = d;
        l->oa = oa | (ia & ((1ull << shift) - 1));
        l->level = level;
        /* The walk ignores the Contiguous hint, but a TLB may hold the whole run as one entry,
         * so a TLBI by VA for any page of the run must reach all of it. */
        l->lg_size = shift + ((d >> 52) & 1 ? contig_bits(w->gbits, level) : 0);
        l->aptable = ap;
        l->xntable = xn;
        l->pxntable = pxn;
        l->space = space;
        return true;
    }
}

/* AArch64.S1Walk set-up: TTBR selection by VA range, EPD, TxSZ, granule (D8.2). */
static bool s1_setup(CPUARMState *env, const Regime *g, uint64_t va, bool s2, Walk *w,
                     uint64_t *ia, ArmFault *f)
{
    uint64_t tcr = g->tcr, ttbr;
    bool two = g->r == REGIME_E10 || g->r == REGIME_E20;
    bool upper = two && ((va >> 55) & 1);
    unsigned tsz, tbi, ps;
    bool epd = false, hpd;

    if (!two) {
        tsz = tcr & 0x3f;
        w->gbits = tg0_bits((tcr >> 14) & 3);
        tbi = (tcr >> 20) & 1;
        hpd = (tcr >> 24) & 1;
        ps = (tcr >> 16) & 7;
        ttbr = env->ttbr0_el[g->el];
    } else if (!upper) {
        tsz = tcr & 0x3f;
        w->gbits = tg0_bits((tcr >> 14) & 3);
        tbi = (tcr >> 37) & 1;
        epd = (tcr >> 7) & 1;
        hpd = (tcr >> 41) & 1;
        ps = (tcr >> 32) & 7;
        ttbr = env->ttbr0_el[g->el];
    } else {
        tsz = (tcr >> 16) & 0x3f;
        w->gbits = tg1_bits((tcr >> 30) & 3);
        tbi = (tcr >> 38) & 1;
        epd = (tcr >> 23) & 1;
        hpd = (tcr >> 42) & 1;
        ps = (tcr >> 32) & 7;
        ttbr = env->ttbr1_el[g->el];
    }
    tsz = clamp_tsz(tsz);
    w->stage = 1;
    w->ia_bits = 64 - tsz;
    w->oa_bits = ps_bits(env, ps);
    w->start_level = start_level_for(w->ia_bits, w->gbits);
    w->hpd = hpd && id_field(env->features.id_aa64mmfr1, 12) >= 1;
    w->space = g->ss;
    w->s2 = s2;
    w->nstable = g->ss == ARMSS_SECURE || g->ss == ARMSS_ROOT;

    /* The VA bits above the range (up to bit 55 with TBI) must all equal the range select bit;
     * otherwise, or with EPDn = 1, a Translation fault at level 0 (AArch64.S1Walk,
     * AArch64.VAIsOutOfRange). */
    unsigned top = tbi ? 55 : 63;
    uint64_t hi = (va >> w->ia_bits) & ((1ull << (top + 1 - w->ia_bits)) - 1);
    uint64_t want = upper ? (1ull << (top + 1 - w->ia_bits)) - 1 : 0;
    if (hi != want || epd) {
        fault_set(f, ARMFAULT_TRANSLATION, 0, false);
        return false;
    }
    /* TTBR.BADDR beyond the output size: Address size fault at level 0 (AArch64.S1Walk). */
    unsigned stride = w->gbits - 3;
    unsigned first_bits = w->ia_bits - (w->gbits + stride * (unsigned)(3 - w->start_level));
    unsigned align = first_bits + 3 < 6 ? 6 : first_bits + 3;
    uint64_t baddr = ttbr & 0x0000fffffffffffeull;
    if (baddr >> w->oa_bits) {
        fault_set(f, ARMFAULT_ADDRSIZE, 0, false);
        return false;
    }
    w->base = baddr & ~((1ull << align) - 1);
    *ia = va & ((1ull << w->ia_bits) - 1);
    return true;
}

#define VTCR_NSW (1ull << 29)     /* VSTCR_EL2.SW in VSTCR_EL2 */
#define VTCR_NSA (1ull << 30)     /* VSTCR_EL2.SA in VSTCR_EL2 */

/* FEAT_SEL2: the PA space of the stage 2 walks of the Secure EL1&0 regime
 * (AArch64.SS2InitialTTWState): VSTCR_EL2.SW for the Secure IPA space, VTCR_EL2.NSW for the
 * Non-secure IPA space; Non-secure when the bit is 1. */
static ArmSecuritySpace ss2_walk_space(const CPUARMState *env, ArmSecuritySpace ipa_space)
{
    bool ns = ipa_space == ARMSS_SECURE ? (env->vstcr_el2 & VTCR_NSW) : (env->vtcr_el2 & VTCR_NSW);
    return ns ? ARMSS_NONSECURE : ARMSS_SECURE;
}

/* AArch64.SS2OutputPASpace: the output of the Secure IPA space is Secure only when
 * VSTCR_EL2.{SW,SA} are both 0 (SA behaves as 1 when SW is 1); the output of the Non-secure IPA
 * space is Secure only when VSTCR_EL2.{SW,SA} and VTCR_EL2.{NSW,NSA} are all 0. */
static ArmSecuritySpace ss2_output_space(const CPUARMState *env, ArmSecuritySpace ipa_space)
{
    bool ns = (env->vstcr_el2 & (VTCR_NSW | VTCR_NSA)) != 0;
    if (ipa_space != ARMSS_SECURE) {
        ns = ns || (env->vtcr_el2 & (VTCR_NSW | VTCR_NSA)) != 0;
    }
    return ns ? ARMSS_NONSECURE : ARMSS_SECURE;
}

/* AArch64.S2Walk set-up from VTCR_EL2/VTTBR_EL2: start level from SL0 and the granule, with up to
 * 16 concatenated tables at the start level (D8.2.7). The Secure IPA space of the Secure EL1&0
 * regime (FEAT_SEL2) takes T0SZ, SL0 and TG0 from VSTCR_EL2 and its base from VSTTBR_EL2; PS and
 * the other fields still come from VTCR_EL2 (AArch64.GetS2TTWParams). */
static bool s2_setup(CPUARMState *env, uint64_t ipa, ArmSecuritySpace ss, const Ctx *c, Walk *w,
                     ArmFault *f)
{
    bool sipa = c->rss == ARMSS_SECURE && ss == ARMSS_SECURE;
    uint64_t vtcr = sipa ? env->vstcr_el2 : env->vtcr_el2;
    unsigned sl0 = (vtcr >> 6) & 3;
    int start;

    w->stage = 2;
    w->gbits = tg0_bits((vtcr >> 14) & 3);
    w->ia_bits = 64 - clamp_tsz(vtcr & 0x3f);
    w->oa_bits = ps_bits(env, (env->vtcr_el2 >> 16) & 7);
    w->space = c->rss == ARMSS_SECURE ? ss2_walk_space(env, ss) : ss;
    w->s2 = false;
    w->hpd = true;
    w->nstable = false;
    /* IPA beyond the stage 2 input size: stage 2 Translation fault at level 0
     * (AArch64.IPAIsOutOfRange). */
    if (ipa >> w->ia_bits) {
        fault_set(f, ARMFAULT_TRANSLATION, 0, true);
        return false;
    }
    if (w->gbits == 12) {
        start = sl0 == 3 ? -1 : 2 - (int)sl0;
    } else {
        start = sl0 == 3 ? -1 : 3 - (int)sl0;
    }
    unsigned stride = w->gbits - 3;
    int first_bits = start < 0 ? 0 :
                     (int)w->ia_bits - (int)(w->gbits + stride * (unsigned)(3 - start));
    /* AArch64.S2InvalidSL / AArch64.S2InconsistentSL: a Translation fault at level 1. */
    if (start < 0 || (w->gbits == 16 && start == 1 && pa_bits(env) < 52) || first_bits < 1 ||
        first_bits > (int)stride + 4) {
        fault_set(f, ARMFAULT_TRANSLATION, 1, true);
        return false;
    }
    w->start_level = start;
    unsigned align = (unsigned)first_bits + 3 < 6 ? 6 : (unsigned)first_bits + 3;
    uint64_t baddr = (sipa ? env->vsttbr_el2 : env->vttbr_el2) & 0x0000fffffffffffeull;
    if (baddr >> w->oa_bits) {
        fault_set(f, ARMFAULT_ADDRSIZE, 0, true);
        return false;
    }
    w->base = baddr & ~((1ull << align) - 1);
    return true;
}

static unsigned access_prot(MMUAccessType access)
{
    return access == MMU_INST_FETCH ? PAGE_EXEC : access == MMU_DATA_STORE ? PAGE_WRITE : PAGE_READ;
}

/* Stage 2 of EL1&0: walk, Access flag, S2AP/XN (AArch64.S2CheckPermissions), the Realm NS bit. */
static bool s2_translate(CPUARMState *env, uint64_t ipa, MMUAccessType access,
                         ArmSecuritySpace ss, const Ctx *c, ArmTranslation *out, ArmFault *f)
{
    Walk w;
    Leaf l;

    /* HPFAR_EL2.NS (FEAT_SEL2): bit 63 of the recorded IPA marks the Non-secure IPA space of the
     * Secure EL1&0 regime (excp.c copies it); it is RES0 for Non-secure and Realm EL2. */
    f->ipa = ipa | (c->rss == ARMSS_SECURE && ss != ARMSS_SECURE ? 1ull << 63 : 0);
    f->ipa_valid = true;
    if (!s2_setup(env, ipa, ss, c, &w, f) || !walk(env, &w, ipa, c, &l, f)) {
        return false;
    }
    uint64_t d = l.desc;
    if (!(d & DESC_AF)) {
        fault_set(f, ARMFAULT_ACCESS, l.level, true);
        return false;
    }
    /* RME: in Realm state, NS (bit 55) of a stage 2 descriptor selects the Non-secure PA space.
     * FEAT_SEL2: in Secure state VSTCR_EL2/VTCR_EL2 select it (AArch64.SS2OutputPASpace). */
    ArmSecuritySpace space = ss == ARMSS_REALM && ((d >> 55) & 1) ? ARMSS_NONSECURE : ss;
    if (c->rss == ARMSS_SECURE) {
        space = ss2_output_space(env, ss);
    }
    unsigned prot = 0;
    if ((d >> 6) & 1) {
        prot |= PAGE_READ;
    }
    if ((d >> 7) & 1) {
        prot |= PAGE_WRITE;
    }
    /* XN[1] (bit 54); XN[0] is RES0 without FEAT_XNX. Realm instruction fetches from the
     * Non-secure PA space are Permission faults (RME). */
    if (!((d >> 54) & 1) && !(ss == ARMSS_REALM && space == ARMSS_NONSECURE)) {
        prot |= PAGE_EXEC;
    }
    /* A stage 1 table fetch is a read (no hardware update of AF/dirty state). */
    unsigned need = c->s1ptw ? PAGE_READ : access_prot(access);
    if (!(prot & need)) {
        fault_set(f, ARMFAULT_PERMISSION, l.level, true);
        return false;
    }
    unsigned memattr = (d >> 2) & 0xf;
    out->pa = l.oa;
    out->space = space;
    out->prot = (uint8_t)prot;
    out->device = (memattr >> 2) == 0;
    /* MemAttr as a MAIR byte: Device-<memattr[1:0]>, or Normal outer/inner from [3:2]/[1:0]. */
    if (out->device) {
        out->attr = (uint8_t)((memattr & 3) << 2);
    } else {
        static const uint8_t cache[4] = { 0x4, 0x4, 0xa, 0xf };   /* -, NC, WT, WB */
        out->attr = (uint8_t)(cache[memattr >> 2] << 4 | cache[memattr & 3]);
    }
    out->sh = (d >> 8) & 3;
    return true;
}

/* Stage 1 leaf: Access flag, memory attributes, output PA space, permissions
 * (AArch64.S1DirectBasePermissions, AArch64.S1CheckPermissions). */
static bool s1_leaf(CPUARMState *env, const Regime *g, const Leaf *l, MMUAccessType access,
                    ArmTranslation *out, ArmFault *f)
{
    uint64_t d = l->desc;
    bool two = g->r == REGIME_E10 || g->r == REGIME_E20;
    bool wxn = (g->sctlr & SCTLR_WXN) != 0;
    unsigned ap = (d >> 6) & 3;          /* AP[2:1] */
    bool pr = true, pw, ur = false, uw = false, px, ux = false;

    /* Access flag fault when AF = 0: hardware update (FEAT_HAFDBS) is not implemented. */
    if (!(d & DESC_AF)) {
        fault_set(f, ARMFAULT_ACCESS, l->level, false);
        return false;
    }
    /* Output PA space: NS (bit 5) in Secure state, {NSE (bit 11), NS} at EL3 with RME, NS in the
     * Realm EL2 and EL2&0 regimes (RME); NSTable already moved the walk to Non-secure. */
    ArmSecuritySpace space = l->space;
    if (space != ARMSS_NONSECURE) {
        unsigned ns = (d >> 5) & 1;
        switch (g->ss) {
        case ARMSS_SECURE:
            space = ns ? ARMSS_NONSECURE : ARMSS_SECURE;
            break;
        case ARMSS_ROOT:
            space = (ArmSecuritySpace)(((d >> 11) & 1) << 1 | ns);
            break;
        case ARMSS_REALM:
            space = g->r != REGIME_E10 && ns ? ARMSS_NONSECURE : ARMSS_REALM;
            break;
        default:
            break;
        }
    }
    if (two) {
        pw = !(ap & 2);
        ur = ap & 1;
        uw = ap == 1;
        if (l->aptable & 1) {            /* APTable[0]: no access at EL0 */
            ur = uw = false;
        }
        if (l->aptable & 2) {            /* APTable[1]: read-only */
            pw = uw = false;
        }
        /* Locations writable at EL0 are never executable at EL1 (R_?: "PXN for EL0-writable"). */
        px = !((d >> 53) & 1) && !l->pxntable && !uw;
        ux = !((d >> 54) & 1) && !l->xntable;
        if (wxn) {
            px = px && !pw;
            ux = ux && !uw;
        }
        /* PAN: privileged data accesses to EL0-accessible locations fault (FEAT_PAN). */
        if (g->pan && (ur || uw)) {
            pr = pw = false;
        }
    } else {
        pw = !(ap & 2) && !(l->aptable & 2);
        px = !((d >> 54) & 1) && !l->xntable;
        if (wxn) {
            px = px && !pw;
        }
    }
    /* SCR_EL3.SIF: no Secure (or Root) instruction fetch from other PA spaces; RME: no Realm
     * instruction fetch from the Non-secure PA space. */
    if (((g->ss == ARMSS_SECURE || g->ss == ARMSS_ROOT) && (env->scr_el3 & SCR_SIF) &&
         space != g->ss && space != ARMSS_SECURE) ||
        (g->ss == ARMSS_REALM && space == ARMSS_NONSECURE)) {
        px = ux = false;
    }
    unsigned prot;
    if (g->user) {
        prot = (ur ? PAGE_READ : 0) | (uw ? PAGE_WRITE : 0) | (ux ? PAGE_EXEC : 0);
    } else {
        prot = (pr ? PAGE_READ : 0) | (pw ? PAGE_WRITE : 0) | (px ? PAGE_EXEC : 0);
    }
    if (!(prot & access_prot(access))) {
        fault_set(f, ARMFAULT_PERMISSION, l->level, false);
        return false;
    }
    unsigned attr = (g->mair >> (8 * ((d >> 2) & 7))) & 0xff;
    out->pa = l->oa;
    out->space = space;
    out->prot = (uint8_t)prot;
    out->attr = (uint8_t)attr;
    out->device = (attr & 0xf0) == 0;
    out->sh = (d >> 8) & 3;
    out->lg_size = (uint8_t)l->lg_size;
    return true;
}

bool arm_translate(CPUARMState *env, uint64_t va, MMUAccessType access, int mmu_idx,
                   unsigned flags, ArmTranslation *out, ArmFault *f)
{
    Regime g;
    Ctx c = { .va = va, .access = access, .s1ptw = false };
    /* Stage 1 table addresses are IPAs whenever stage 2 is on, even for AT S1E* (whose output
     * is the IPA). */
    bool s2_walk = s2_enabled(env, mmu_idx);
    bool s2 = !(flags & PTW_S1_ONLY) && s2_walk;

    memset(f, 0, sizeof(*f));
    regime_of(env, mmu_idx, &g);
    c.rss = g.ss;
    if (!arm_s1_enabled(env, mmu_idx)) {
        /* AArch64.S1DisabledOutput: flat mapping, Address size fault at level 0 above the PA size
         * (the top byte is ignored with TBI). Data is Device-nGnRnE unless HCR_EL2.DC. */
        bool two = g.r == REGIME_E10 || g.r == REGIME_E20;
        unsigned tbi = two ? (g.tcr >> (((va >> 55) & 1) ? 38 : 37)) & 1 : (g.tcr >> 20) & 1;
        uint64_t a = tbi ? va & 0x00ffffffffffffffull : va;
        if (a >> pa_bits(env)) {
            fault_set(f, ARMFAULT_ADDRSIZE, 0, false);
            return false;
        }
        bool dc = !arm_s1_off_is_device(env, mmu_idx);
        out->pa = a;
        out->space = g.ss;
        out->prot = PAGE_READ | PAGE_WRITE | PAGE_EXEC;
        out->attr = dc ? 0xff : 0x00;
        out->sh = dc ? 0 : 2;
        out->lg_size = TARGET_PAGE_BITS;
        /* The translator requires alignment for every data access (HF_ALIGN) instead: RAM keeps
         * the fast path and instruction fetches stay possible. */
        out->device = false;
    } else {
        Walk w;
        Leaf l;
        uint64_t ia;
        if (!s1_setup(env, &g, va, s2_walk, &w, &ia, f) || !walk(env, &w, ia, &c, &l, f) ||
            !s1_leaf(env, &g, &l, access, out, f)) {
            return false;
        }
    }
    out->ipa = out->pa;
    if (s2) {
        ArmTranslation t2;
        if (!s2_translate(env, out->pa, access, out->space, &c, &t2, f)) {
            return false;
        }
        out->pa = t2.pa;
        out->space = t2.space;
        out->prot &= t2.prot;
        /* Combined attributes: Device at either stage is Device (D8.6.6). */
        if (t2.device && !out->device) {
            out->attr = t2.attr;
        }
        out->device = out->device || t2.device;
    }
    /* RME: the output address is a physical access checked against the GPT. */
    if (!(flags & PTW_NO_GPC_OUT)) {
        GpcFault gf;
        if (!arm_gpc_check(env, out->pa, out->space, &gf)) {
            fault_set(f, ARMFAULT_GPC, 0, false);
            f->gpc = gf;
            memset(&f->gpca, 0, sizeof(f->gpca));
            f->gpca.vaddr = va;
            f->gpca.pa = out->pa;
            f->gpca.pas = out->space;
            f->gpca.access = access;
            f->gpca.ipa = out->ipa;
            f->gpca.ipa_valid = s2;
            return false;
        }
    }
    return true;
}

bool arm_tlb_fill(CPUARMState *env, uint64_t vaddr, MMUAccessType access, int mmu_idx,
                  unsigned size, bool probe, TlbFillResult *res)
{
    ArmTranslation t;
    ArmFault f;

    (void)size;
    if (!arm_translate(env, vaddr, access, mmu_idx, 0, &t, &f)) {
        if (probe) {
            return false;
        }
        arm_raise_fault(env, vaddr, access, &f, false);
    }
    qemu_log_mask(LOG_MMU, "mmu: idx %d %s 0x%llx -> %s PA 0x%llx prot %c%c%c%s\n", mmu_idx,
                  access == MMU_INST_FETCH ? "fetch" : access == MMU_DATA_STORE ? "write" : "read",
                  (unsigned long long)vaddr, arm_space_name(t.space), (unsigned long long)t.pa,
                  (t.prot & PAGE_READ) ? 'r' : '-', (t.prot & PAGE_WRITE) ? 'w' : '-',
                  (t.prot & PAGE_EXEC) ? 'x' : '-', t.device ? " device" : "");
    res->pa = t.pa;
    res->space = (uint8_t)t.space;
    res->prot = t.prot;
    res->device = t.device;
    res->lg_page_size = t.lg_size;
    return true;
}

/* Debugger accesses (gdbstub, monitor) use the current regime without PAN, so that a stop in
 * a kernel with PSTATE.PAN set can still show user memory. */
int arm_data_mmu_idx_debug(CPUARMState *env)
{
    int idx = HF_FIELD(env->hflags, HF_MMUIDX_SHIFT, 5);
    return arm_mmu_idx_pan(idx) ? idx - 1 : idx;    /* *_PAN follows its non-PAN kind */
}
