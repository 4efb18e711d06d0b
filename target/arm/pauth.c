/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pauth.c: the runtime side of FEAT_PAuth as Debian's QEMU 7.2 `-cpu max` implements it
 * (ID_AA64ISAR1_EL1.APA = 1, GPA = 1: QARMA5, no FEAT_PAuth2, no FEAT_FPAC/FPACCOMBINE, no
 * FEAT_EPAC): AddPAC, Authenticate, Strip, AddPACGA, the IsAP*KeyEnabled enables and traps
 * (TrapPACUse), after the Arm ARM J1.1.3 pseudocode. */
#include "qemu/log.h"
#include "helper.h"
#include "pauth.h"
#include "syndrome.h"

#define HCR_TGE (1ull << 27)
#define HCR_E2H (1ull << 34)
#define HCR_API (1ull << 41)
#define SCR_API (1ull << 17)

/* ComputePAC is a pure function, and code signs and authenticates the same (pointer, modifier)
 * pairs: PACIASP on function entry and AUTIASP on return compute the same PAC. A small
 * direct-mapped memo of recent results, compared on all four inputs, halves the cipher work of
 * such pairs. Per thread, so it needs no locking. */
#define PAC_MEMO_SIZE 512

typedef struct PacMemo {
    uint64_t data, modifier, key0, key1, pac;
    bool valid;
} PacMemo;

static __thread PacMemo pac_memo[PAC_MEMO_SIZE];

/* The IMPLEMENTATION DEFINED algorithm of `-cpu max,pauth-impdef=on` (ID_AA64ISAR1_EL1.API and
 * GPI = 1, the Arm ARM's "PAC computed by an IMPLEMENTATION DEFINED algorithm"): a keyed 64-bit
 * mixing function, much cheaper than QARMA5. Only its use as a PRF keyed by the 128-bit key is
 * architectural, not its values. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static uint64_t pac_impdef(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1)
{
    uint64_t h = mix64(key0 ^ 0x243f6a8885a308d3ull);
    h = mix64(h ^ data);
    h = mix64(h ^ modifier ^ key1);
    return mix64(h + key1);
}

static uint64_t compute_pac(const CPUARMState *env, uint64_t data, uint64_t modifier,
                            uint64_t key0, uint64_t key1)
{
    if ((env->features.id_aa64isar1 >> 8) & 0xf) {      /* API != 0: the IMPDEF algorithm */
        return pac_impdef(data, modifier, key0, key1);
    }

    uint64_t h = (data ^ (modifier * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
    PacMemo *m = &pac_memo[(h >> 40) % PAC_MEMO_SIZE];

    if (!m->valid || m->data != data || m->modifier != modifier || m->key0 != key0 ||
        m->key1 != key1) {
        m->data = data;
        m->modifier = modifier;
        m->key0 = key0;
        m->key1 = key1;
        m->pac = pauth_computepac_qarma5(data, modifier, key0, key1);
        m->valid = true;
    }
    return m->pac;
}

/* SCTLR_ELx enable bits per key (EnIA, EnIB, EnDA, EnDB) */
static const uint64_t sctlr_enable[4] = { 1ull << 31, 1ull << 30, 1ull << 27, 1ull << 13 };

/* IsInHost() at EL0/EL2 here: EL2 enabled with HCR_EL2.{E2H,TGE} = {1,1}. */
static bool in_host(const CPUARMState *env)
{
    return arm_el2_enabled(env) && (env->hcr_el2 & HCR_E2H) && (env->hcr_el2 & HCR_TGE);
}

/* TrapPACUse(): EC 0x09, ISS zero. */
static void __attribute__((noreturn)) trap_pac_use(CPUARMState *env, int target_el)
{
    raise_exception(env, EXCP_UDEF, (EC_PACTRAP << ARM_EL_EC_SHIFT) | ARM_EL_IL, target_el);
}

/* The HCR_EL2.API and SCR_EL3.API traps of IsAP*KeyEnabled() and AddPACGA(): EL2 first. */
static void check_pac_traps(CPUARMState *env)
{
    bool trap2 = false, trap3 = false;

    switch (env->el) {
    case 0:
        trap2 = arm_el2_enabled(env) && !(env->hcr_el2 & HCR_API) && !in_host(env);
        trap3 = env->features.has_el3 && !(env->scr_el3 & SCR_API);
        break;
    case 1:
        trap2 = arm_el2_enabled(env) && !(env->hcr_el2 & HCR_API);
        trap3 = env->features.has_el3 && !(env->scr_el3 & SCR_API);
        break;
    case 2:
        trap3 = env->features.has_el3 && !(env->scr_el3 & SCR_API);
        break;
    default:
        break;
    }
    if (trap2) {
        trap_pac_use(env, 2);
    }
    if (trap3) {
        trap_pac_use(env, 3);
    }
}

/* IsAPIAKeyEnabled() and siblings: false when SCTLR_ELx.EnXX is 0 (the instruction is then a
 * NOP); traps when enabled but HCR_EL2.API / SCR_EL3.API are 0. At EL0, SCTLR_EL2 governs in the
 * EL2&0 regime. */
static bool key_enabled(CPUARMState *env, int key)
{
    int el = env->el;
    uint64_t sctlr = el == 0 ? env->sctlr_el[in_host(env) ? 2 : 1] : env->sctlr_el[el];

    if (!(sctlr & sctlr_enable[key])) {
        return false;
    }
    check_pac_traps(env);
    return true;
}

/* The translation regime of the current EL, as PAC placement sees it. */
typedef struct PacRegime {
    uint64_t tcr;
    bool two_ranges;    /* PtrHasUpperAndLowerAddRanges(): EL1&0 or EL2&0 */
} PacRegime;

static PacRegime pac_regime(const CPUARMState *env)
{
    PacRegime g;
    int el = env->el;

    if (el == 0) {
        el = in_host(env) ? 2 : 1;
    }
    g.tcr = env->tcr_el[el];
    g.two_ranges = el == 1 || (el == 2 && (env->hcr_el2 & HCR_E2H));
    return g;
}

/* EffectiveTBI(ptr, is_instr, EL): TBI of the range bit 55 selects, TBID off for instructions. */
static bool effective_tbi(const PacRegime *g, uint64_t ptr, bool data)
{
    bool tbi, tbid;

    if (g->two_ranges) {
        bool upper = (ptr >> 55) & 1;
        tbi = (g->tcr >> (upper ? 38 : 37)) & 1;
        tbid = (g->tcr >> (upper ? 52 : 51)) & 1;
    } else {
        tbi = (g->tcr >> 20) & 1;
        tbid = (g->tcr >> 29) & 1;
    }
    return tbi && (data || !tbid);
}

/* CalculateBottomPACBit(top_bit): 64 - AArch64.PACEffectiveTxSZ of the range top_bit selects,
 * TxSZ clamped to the range the translation table walk uses (16..39, target/arm/ptw.c). */
static int bottom_pac_bit(const PacRegime *g, bool top_bit)
{
    unsigned tsz = g->two_ranges && top_bit ? (g->tcr >> 16) & 0x3f : g->tcr & 0x3f;

    tsz = tsz < 16 ? 16 : tsz > 39 ? 39 : tsz;
    return 64 - (int)tsz;
}

static inline uint64_t mask_bits(int hi, int lo)   /* bits [hi:lo] */
{
    return (hi == 63 ? ~0ull : (1ull << (hi + 1)) - 1) & ~((1ull << lo) - 1);
}

/* The pointer with its PAC field replaced by the extension bit (Strip's original_ptr). */
static uint64_t original_ptr(uint64_t ptr, bool tbi, int bot, bool ext)
{
    uint64_t field = mask_bits(tbi ? 55 : 63, bot);
    return (ptr & ~field) | (ext ? field : 0);
}

/* InsertPAC() without FEAT_PAuth2, FEAT_EPAC, FEAT_MTE_NO_ADDRESS_TAGS or FEAT_LVA3. */
static uint64_t add_pac(CPUARMState *env, uint64_t ptr, uint64_t modifier, int key, bool data)
{
    PacRegime g = pac_regime(env);
    bool tbi = effective_tbi(&g, ptr, data);
    int top_bit = tbi ? 55 : 63;
    bool sel;

    if (g.two_ranges) {
        uint64_t tcr = g.tcr;
        bool tbi0 = (tcr >> 37) & 1, tbi1 = (tcr >> 38) & 1;
        bool tbid0 = (tcr >> 51) & 1, tbid1 = (tcr >> 52) & 1;
        bool use55 = data ? (tbi1 || tbi0) : ((tbi1 && !tbid1) || (tbi0 && !tbid0));
        sel = (ptr >> (use55 ? 55 : 63)) & 1;
    } else {
        sel = (ptr >> (tbi ? 55 : 63)) & 1;
    }
    int bot = bottom_pac_bit(&g, sel);
    uint64_t ext_ptr = original_ptr(ptr, tbi, bot, sel);
    uint64_t pac = compute_pac(env, ext_ptr, modifier, env->apkey[key][1], env->apkey[key][0]);
    /* A non-canonical pointer gets a corrupted PAC: bit top_bit - 1 inverted. */
    uint64_t ext = ptr & mask_bits(top_bit, bot);
    if (ext != 0 && ext != mask_bits(top_bit, bot)) {
        pac ^= 1ull << (top_bit - 1);
    }
    uint64_t res = (ptr & mask_bits(bot - 1, 0)) | (pac & mask_bits(54, bot)) |
                   ((uint64_t)sel << 55);
    res |= tbi ? (ptr & mask_bits(63, 56)) : (pac & mask_bits(63, 56));
    return res;
}

/* Authenticate() without FEAT_PAuth2/FEAT_FPAC: a failed check corrupts two extension bits with
 * key_number:NOT(key_number) (bits [54:53] with TBI, [62:61] without). */
static uint64_t auth(CPUARMState *env, uint64_t ptr, uint64_t modifier, int key, bool data)
{
    PacRegime g = pac_regime(env);
    bool tbi = effective_tbi(&g, ptr, data);
    bool b55 = (ptr >> 55) & 1;
    int bot = bottom_pac_bit(&g, b55);
    uint64_t orig = original_ptr(ptr, tbi, bot, b55);
    uint64_t pac = compute_pac(env, orig, modifier, env->apkey[key][1], env->apkey[key][0]);
    uint64_t cmp = mask_bits(54, bot) | (tbi ? 0 : mask_bits(63, 56));
    unsigned keynum = key & 1;
    uint64_t err = (uint64_t)(keynum << 1 | (keynum ^ 1));

    if (((pac ^ ptr) & cmp) == 0) {
        return orig;
    }
    return tbi ? (orig & ~mask_bits(54, 53)) | err << 53 : (orig & ~mask_bits(62, 61)) | err << 61;
}

/* Strip() */
static uint64_t strip(CPUARMState *env, uint64_t ptr, bool data)
{
    PacRegime g = pac_regime(env);
    bool tbi = effective_tbi(&g, ptr, data);
    bool b55 = (ptr >> 55) & 1;

    return original_ptr(ptr, tbi, bottom_pac_bit(&g, b55), b55);
}

/* AddPACIA/IB/DA/DB: a0 pointer, a1 modifier, a2 key (PAUTH_KEY_IA..DB). */
DEF_HELPER_FN(pac)
{
    CPUARMState *env = env_;
    int key = (int)a2;

    if (!key_enabled(env, key)) {
        return a0;
    }
    return add_pac(env, a0, a1, key, key >= PAUTH_KEY_DA);
}

/* AuthIA/IB/DA/DB: a0 pointer, a1 modifier, a2 key. */
DEF_HELPER_FN(aut)
{
    CPUARMState *env = env_;
    int key = (int)a2;

    if (!key_enabled(env, key)) {
        return a0;
    }
    return auth(env, a0, a1, key, key >= PAUTH_KEY_DA);
}

/* XPACI / XPACD / XPACLRI: a0 pointer, a1 data (XPACD). Never trapped. */
DEF_HELPER_FN(xpac)
{
    return strip(env_, a0, a1 != 0);
}

/* AddPACGA: ComputePAC(x, y, APGAKey)<63:32> : Zeros(32); trapped like the other keys but
 * with no SCTLR enable. */
DEF_HELPER_FN(pacga)
{
    CPUARMState *env = env_;

    check_pac_traps(env);
    return compute_pac(env, a0, a1, env->apkey[PAUTH_KEY_GA][1], env->apkey[PAUTH_KEY_GA][0]) &
           0xffffffff00000000ull;
}

/* ERETAA / ERETAB: AArch64.ExceptionReturn to AuthIA/IB(ELR_ELx, SP) with ELR itself unchanged.
 * a0: key (PAUTH_KEY_IA or PAUTH_KEY_IB). */
DEF_HELPER_FN(eret_auth)
{
    CPUARMState *env = env_;
    int el = env->el;
    uint64_t elr = env->elr_el[el];
    int key = (int)a0;
    uint64_t target = key_enabled(env, key) ? auth(env, elr, env->xregs[31], key, false) : elr;

    env->elr_el[el] = target;
    arm_exception_return(env);
    env->elr_el[el] = elr;
    return 0;
}
