/* SPDX-License-Identifier: GPL-2.0-or-later */
/* debug.c: AArch64 self-hosted debug (Arm ARM D2): debug registers, software step, breakpoints,
 * watchpoints, debug exception routing and masking. */
#include <setjmp.h>
#include "qemu/log.h"
#include "cpu.h"
#include "debug.h"
#include "helper.h"
#include "hflags.h"
#include "syndrome.h"
#include "sysreg.h"

#define MDSCR_SS     (1ull << 0)
#define MDSCR_TDCC   (1ull << 12)
#define MDSCR_KDE    (1ull << 13)
#define MDSCR_MDE    (1ull << 15)
/* Bits software may write: SS, ERR, TDCC, KDE, HDE, MDE, SC2, TDA, INTdis (the DCC flags are
 * read-only while the OS Lock is clear, and there is no DCC to set them). */
#define MDSCR_WMASK  (MDSCR_SS | (1ull << 6) | (0xfull << 12) | (1ull << 19) | (1ull << 21) | \
                      (3ull << 22))
#define OSLSR_OSLK   (1ull << 1)
#define OSLSR_OSLM   (1ull << 3)     /* OSLM = 0b10: OS Lock implemented, AArch64 OSLAR_EL1 */
#define OSDLR_DLK    (1ull << 0)
#define MDCR_TDE     (1ull << 8)     /* MDCR_EL2: route debug exceptions to EL2 */
#define MDCR_TDA     (1ull << 9)     /* MDCR_EL2/EL3: trap debug register accesses */
#define MDCR_TDOSA   (1ull << 10)    /* MDCR_EL2/EL3: trap OS lock and power-down registers */
#define MDCR_SDD     (1ull << 16)    /* MDCR_EL3: Secure self-hosted debug disabled */
#define HCR_TGE      (1ull << 27)
#define HCR_E2H      (1ull << 34)

/* DBGBCR<n>_EL1 / DBGWCR<n>_EL1 fields */
#define XCR_E        (1ull << 0)
#define XCR_PXC(c)   (((c) >> 1) & 3)    /* PMC (breakpoints) / PAC (watchpoints) */
#define XCR_HMC(c)   (((c) >> 13) & 1)
#define XCR_SSC(c)   (((c) >> 14) & 3)
#define XCR_LBN(c)   (((c) >> 16) & 0xf)
#define BCR_BT(c)    (((c) >> 20) & 0xf)
#define WCR_LSC(c)   (((c) >> 3) & 3)
#define WCR_BAS(c)   (((c) >> 5) & 0xff)
#define WCR_WT       (1ull << 20)
#define WCR_MASK(c)  (((c) >> 24) & 0x1f)
#define BCR_WMASK    0x00ffe1e7ull       /* E, PMC, BAS, HMC, SSC, LBN, BT */
#define BCR_BAS_RES1 (0xfull << 5)
#define WCR_WMASK    0x1f1fffffull       /* E, PAC, LSC, BAS, HMC, SSC, LBN, WT, MASK */

/* Breakpoint types (DBGBCR_EL1.BT) implemented here. */
enum {
    BT_ADDR = 0x0, BT_ADDR_LINKED = 0x1, BT_CTX = 0x2, BT_CTX_LINKED = 0x3,
};

/* Virtual addresses are compared on bits [48:2] (no FEAT_LVA; the higher bits of DBGBVR and
 * DBGWVR are RESS, a sign extension of bit 48). */
#define VA_TOP 48

static inline uint64_t bits_from(int lo, int hi)
{
    return ((hi == 63) ? ~0ull : ((1ull << (hi + 1)) - 1)) & ~((1ull << lo) - 1);
}

/* ---- syndromes (Arm ARM D24.2 ESR_ELx, ISS encodings for EC 0x30..0x35) ---- */

#define FSC_DEBUG 0x22

static uint32_t syn_breakpoint(bool same_el)
{
    return ((EC_BREAKPOINT + same_el) << ARM_EL_EC_SHIFT) | ARM_EL_IL | FSC_DEBUG;
}

/* ISV (bit 24) says whether EX (bit 6, a load-exclusive was stepped) is valid. */
static uint32_t syn_swstep(bool same_el, bool isv, bool ex)
{
    return ((EC_SOFTWARESTEP + same_el) << ARM_EL_EC_SHIFT) | ARM_EL_IL | ((uint32_t)isv << 24) |
           ((uint32_t)ex << 6) | FSC_DEBUG;
}

static uint32_t syn_watchpoint(bool same_el, bool wnr)
{
    return ((EC_WATCHPOINT + same_el) << ARM_EL_EC_SHIFT) | ARM_EL_IL | ((uint32_t)wnr << 6) |
           FSC_DEBUG;
}

/* ---- routing and masking ---- */

/* DebugTarget(): EL2 when EL2 is enabled and HCR_EL2.TGE or MDCR_EL2.TDE is set, else EL1. */
static int debug_target_el(const CPUARMState *env)
{
    if (arm_el2_enabled(env) && ((env->hcr_el2 & HCR_TGE) || (env->mdcr_el2 & MDCR_TDE))) {
        return 2;
    }
    return 1;
}

/* DoubleLockStatus(): OSDLR_EL1.DLK with DBGPRCR_EL1.CORENPDRQ = 0 (it reads as zero here) and
 * the PE not in Debug state (never, here). */
static bool double_locked(const CPUARMState *env)
{
    return (env->osdlr_el1 & OSDLR_DLK) != 0;
}

/* AArch64.GenerateDebugExceptionsFrom(from_el, from_secure, mask): the OS Lock and the OS
 * Double Lock disable all debug exceptions but BRK; MDCR_EL3.SDD disables them in Secure state;
 * at the target EL itself they need MDSCR_EL1.KDE and PSTATE.D (mask) clear; never from an EL
 * above the target. */
static bool debug_enabled_from(const CPUARMState *env, int from_el, bool mask)
{
    int target = debug_target_el(env);

    if ((env->oslsr_el1 & OSLSR_OSLK) || double_locked(env)) {
        return false;
    }
    if (env->features.has_el3 && arm_space_for_el(env, from_el) == ARMSS_SECURE &&
        (env->mdcr_el3 & MDCR_SDD)) {
        return false;
    }
    if (from_el == target) {
        return (env->mdscr_el1 & MDSCR_KDE) && !mask;
    }
    return target > from_el;
}

/* AArch64.GenerateDebugExceptions() for the current state. */
static bool debug_enabled(const CPUARMState *env)
{
    return debug_enabled_from(env, env->el, (env->pstate & PSTATE_D) != 0);
}

uint32_t arm_debug_hflags(const CPUARMState *env)
{
    uint32_t hf = 0;

    if (!(env->mdscr_el1 & (MDSCR_SS | MDSCR_MDE)) || !debug_enabled(env)) {
        return 0;
    }
    if (env->mdscr_el1 & MDSCR_SS) {
        hf |= HF_SS_ACTIVE;
        if (env->pstate & PSTATE_SS) {
            hf |= HF_PSTATE_SS;
        }
    }
    if (env->mdscr_el1 & MDSCR_MDE) {
        for (int n = 0; n < ARM_NUM_BRPS; n++) {
            if (env->dbgbcr[n] & XCR_E) {
                hf |= HF_BP_CHECK;
            }
        }
        for (int n = 0; n < ARM_NUM_WRPS; n++) {
            if (env->dbgwcr[n] & XCR_E) {
                hf |= HF_WP_CHECK;
            }
        }
    }
    return hf;
}

/* On exception entry SPSR.SS records PSTATE.SS while software step is active. SVC, HVC and SMC
 * complete before their exception is taken, so SSAdvance() has already cleared PSTATE.SS
 * (AArch64.CallSupervisor, AArch64.CallHypervisor, AArch64.CallSecureMonitor). */
uint32_t arm_debug_exception_spsr(const CPUARMState *env, int kind, uint32_t spsr)
{
    if (!(env->hflags & HF_SS_ACTIVE) || kind == EXCP_SWI || kind == EXCP_HVC ||
        kind == EXCP_SMC) {
        spsr &= ~PSTATE_SS;
    }
    return spsr;
}

/* DebugExceptionReturnSS(): PSTATE.SS takes SPSR.SS only when software step was inactive in the
 * state executing the return and is active in the state returned to; otherwise 0 (so stepping
 * an ERET at an EL where stepping is active ends active-pending at its target). */
uint32_t arm_debug_eret_ss(const CPUARMState *env, uint64_t spsr, int dest_el)
{
    if (!(env->mdscr_el1 & MDSCR_SS)) {
        return 0;
    }
    bool at_source = debug_enabled(env);
    bool at_dest = debug_enabled_from(env, dest_el, (spsr & PSTATE_D) != 0);
    return (!at_source && at_dest) ? (uint32_t)(spsr & PSTATE_SS) : 0;
}

/* Raise a debug exception to DebugTarget(): ESR, and FAR for watchpoints. */
static void __attribute__((noreturn)) debug_raise(CPUARMState *env, int kind, uint32_t syn)
{
    raise_exception(env, kind, syn, (uint32_t)debug_target_el(env));
}

/* ---- software step (Arm ARM D2.12, CheckSoftwareStep) ---- */

/* Active-pending on entry to an instruction (PSTATE.SS == 0): the Software Step exception is
 * taken before it executes. No instruction was stepped, so ISV = 0. */
DEF_HELPER_FN(ss_pending)
{
    CPUARMState *env = env_;
    int target = debug_target_el(env);

    raise_exception(env, EXCP_UDEF, syn_swstep(target == (int)env->el, false, false),
                    (uint32_t)target);
}

/* The stepped instruction completed (env->pc is the next one): SSAdvance() clears PSTATE.SS,
 * and if stepping is still active in the new state the PE is active-pending, so the exception is
 * taken now with ELR = the next instruction, ISV = 1 and EX = a0 (a load-exclusive was stepped).
 * If the instruction disabled stepping (MDSCR_EL1.SS, KDE, PSTATE.D, OS Lock), execution simply
 * goes on. Not raise_exception(): that would restore the PC of the stepped instruction. */
DEF_HELPER_FN(ss_step_done)
{
    CPUARMState *env = env_;

    env->pstate &= ~PSTATE_SS;
    arm_rebuild_hflags(env);
    if (env->hflags & HF_SS_ACTIVE) {
        int target = debug_target_el(env);
        env->exception.kind = EXCP_UDEF;
        env->exception.syndrome = syn_swstep(target == (int)env->el, true, a0 != 0);
        env->exception.target_el = (uint32_t)target;
        siglongjmp(env->jmp_env, 1);
    }
    return 0;
}

/* ---- breakpoints and watchpoints ---- */

/* AArch64.StateMatch(): the EL filter from HMC, SSC and PxC, and the Security state filter. An
 * unprivileged access (LDTR/STTR) is matched as an EL0 access by watchpoints. */
static bool state_match(const CPUARMState *env, uint64_t ctl, bool is_bp, bool ispriv)
{
    unsigned ssc = XCR_SSC(ctl), hmc = XCR_HMC(ctl), pxc = XCR_PXC(ctl);
    bool el3_match = env->features.has_el3 && hmc && !(ssc & 1);
    bool el2_match = env->features.has_el2 && ((hmc && ((ssc << 2 | pxc) != 0x8)) || ssc == 3);
    bool el1_match = pxc & 1;
    bool el0_match = (pxc & 2) != 0;
    bool priv_match, sec_match;
    ArmSecuritySpace space = arm_current_space(env);
    bool secure = space == ARMSS_SECURE || (space == ARMSS_ROOT && !env->features.has_rme);

    if (!ispriv && !is_bp) {
        priv_match = el0_match;
    } else {
        switch (env->el) {
        case 3: priv_match = el3_match; break;
        case 2: priv_match = el2_match; break;
        case 1: priv_match = el1_match; break;
        default: priv_match = el0_match; break;
        }
    }
    switch (ssc) {
    case 0: sec_match = true; break;
    case 1: sec_match = space == ARMSS_NONSECURE; break;
    case 2: sec_match = secure; break;
    default: sec_match = hmc || secure; break;
    }
    return priv_match && sec_match;
}

/* IsInHost(): the EL2&0 regime is in use (CONTEXTIDR_EL2 holds the context ID). */
static bool in_host(const CPUARMState *env)
{
    if (!arm_el2_enabled(env) || !(env->hcr_el2 & HCR_E2H)) {
        return false;
    }
    return env->el == 2 || (env->el == 0 && (env->hcr_el2 & HCR_TGE));
}

static bool bt_implemented(unsigned bt)
{
    return bt <= BT_CTX_LINKED;
}

/* AArch64.BreakpointValueMatch(n, vaddress, linked_to): address types compare DBGBVR<n>[48:2]
 * with the PC; context types (the last ARM_NUM_CTX_BRPS breakpoints only) compare
 * DBGBVR<n>[31:0] with CONTEXTIDR_EL1 at EL0/EL1 or CONTEXTIDR_EL2 in the EL2&0 regime. A
 * breakpoint that another one links to must be a linked context type. */
static bool bp_value_match(const CPUARMState *env, int n, uint64_t pc, bool linked_to)
{
    uint64_t ctl, bvr;
    unsigned bt;

    if (n >= ARM_NUM_BRPS || !(env->dbgbcr[n] & XCR_E)) {
        return false;
    }
    ctl = env->dbgbcr[n];
    bvr = env->dbgbvr[n];
    bt = BCR_BT(ctl);
    if (bt == BT_CTX || bt == BT_CTX_LINKED) {
        if (n < ARM_NUM_BRPS - ARM_NUM_CTX_BRPS || linked_to != (bt == BT_CTX_LINKED)) {
            return false;
        }
        if (in_host(env)) {
            return (uint32_t)env->contextidr_el[2] == (uint32_t)bvr;
        }
        return env->el <= 1 && (uint32_t)env->contextidr_el[1] == (uint32_t)bvr;
    }
    if ((bt != BT_ADDR && bt != BT_ADDR_LINKED) || linked_to) {
        return false;       /* unimplemented type (logged when written), or a reserved link */
    }
    return ((pc ^ bvr) & bits_from(2, VA_TOP)) == 0;
}

/* AArch64.BreakpointMatch(n, vaddress): the value, the state, and for linked types the context
 * breakpoint DBGBCR<n>.LBN names. */
static bool bp_match(const CPUARMState *env, int n, uint64_t pc)
{
    uint64_t ctl = env->dbgbcr[n];
    unsigned bt = BCR_BT(ctl);

    if (bt == BT_CTX_LINKED || !bp_value_match(env, n, pc, false)) {
        return false;       /* a linked context breakpoint never fires by itself */
    }
    if (!state_match(env, ctl, true, true)) {
        return false;
    }
    if (bt == BT_ADDR_LINKED) {
        return bp_value_match(env, (int)XCR_LBN(ctl), pc, true);
    }
    return true;
}

/* AArch64.CheckBreakpoint(): before the instruction at a0 executes (called for every
 * instruction while HF_BP_CHECK is set). */
DEF_HELPER_FN(check_breakpoint)
{
    CPUARMState *env = env_;

    if (!(env->mdscr_el1 & MDSCR_MDE) || !debug_enabled(env)) {
        return 0;
    }
    for (int n = 0; n < ARM_NUM_BRPS; n++) {
        if (bp_match(env, n, a0)) {
            int target = debug_target_el(env);
            debug_raise(env, EXCP_PREFETCH_ABORT, syn_breakpoint(target == (int)env->el));
        }
    }
    return 0;
}

/* AArch64.WatchpointByteMatch(n, vaddress). DBGWVR<n>[2] selects a word (BAS[3:0]) or a
 * doubleword (BAS[7:0]); MASK (>= 3) watches a 2^MASK-byte aligned block. CONSTRAINED
 * UNPREDICTABLE choices: with MASK != 0 every byte of the block matches whatever BAS says, a
 * reserved MASK of 1 or 2 behaves as 3, a non-contiguous BAS is used as written. */
static bool wp_byte_match(uint64_t ctl, uint64_t wvr, uint64_t va)
{
    int bottom = (wvr & 4) ? 2 : 3;
    unsigned mask = WCR_MASK(ctl);
    bool byte_match;

    if (mask == 1 || mask == 2) {
        mask = 3;
    }
    if (mask) {
        byte_match = true;
    } else {
        byte_match = (WCR_BAS(ctl) >> (va & ((1u << bottom) - 1))) & 1;
    }
    if ((int)mask > bottom) {
        return byte_match && ((va ^ wvr) & bits_from((int)mask, VA_TOP)) == 0;
    }
    return byte_match && ((va ^ wvr) & bits_from(bottom, VA_TOP)) == 0;
}

/* AArch64.WatchpointMatch(n, vaddress, size, ispriv, iswrite) */
static bool wp_match(const CPUARMState *env, int n, uint64_t va, unsigned size, bool ispriv,
                     bool iswrite)
{
    uint64_t ctl = env->dbgwcr[n];

    if (!(ctl & XCR_E) || !((WCR_LSC(ctl) >> iswrite) & 1)) {
        return false;
    }
    if (!state_match(env, ctl, false, ispriv)) {
        return false;
    }
    if ((ctl & WCR_WT) && !bp_value_match(env, (int)XCR_LBN(ctl), env->pc, true)) {
        return false;
    }
    for (unsigned i = 0; i < size; i++) {
        if (wp_byte_match(ctl, env->dbgwvr[n], va + i)) {
            return true;
        }
    }
    return false;
}

/* AArch64.CheckWatchpoint(): before a load or store of a1 & 0xff bytes at a0 (bit 8 of a1: a
 * store, bit 9: unprivileged). FAR reports the address the instruction accessed. */
DEF_HELPER_FN(check_watchpoint)
{
    CPUARMState *env = env_;
    bool iswrite = (a1 >> 8) & 1, ispriv = env->el != 0 && !((a1 >> 9) & 1);

    if (!(env->mdscr_el1 & MDSCR_MDE) || !debug_enabled(env)) {
        return 0;
    }
    for (int n = 0; n < ARM_NUM_WRPS; n++) {
        if (wp_match(env, n, a0, (unsigned)(a1 & 0xff), ispriv, iswrite)) {
            int target = debug_target_el(env);
            env->exception.vaddress = a0;
            env->exception.far_valid = true;
            debug_raise(env, EXCP_DATA_ABORT, syn_watchpoint(target == (int)env->el, iswrite));
        }
    }
    return 0;
}

/* ---- system registers (Arm ARM D23.3 debug registers) ---- */

/* MDCR_EL2.TDA (or TDE) traps EL0/EL1 accesses to EL2, MDCR_EL3.TDA accesses below EL3 to EL3.
 * EL0 accesses to EL1-only registers stay UNDEFINED. */
static SysregAccess debug_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 0 && !(r->access & (SR_EL0_R | SR_EL0_W))) {
        return SR_ACCESS_OK;
    }
    if (env->el <= 1 && arm_el2_enabled(env) && (env->mdcr_el2 & (MDCR_TDA | MDCR_TDE))) {
        return SR_ACCESS_TRAP_EL2;
    }
    if (env->el <= 2 && env->features.has_el3 && (env->mdcr_el3 & MDCR_TDA)) {
        return SR_ACCESS_TRAP_EL3;
    }
    return SR_ACCESS_OK;
}

/* OS lock and power-down registers: MDCR_EL2.TDOSA (or TDE) / MDCR_EL3.TDOSA. */
static SysregAccess os_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 0) {
        return SR_ACCESS_OK;
    }
    if (env->el <= 1 && arm_el2_enabled(env) && (env->mdcr_el2 & (MDCR_TDOSA | MDCR_TDE))) {
        return SR_ACCESS_TRAP_EL2;
    }
    if (env->el <= 2 && env->features.has_el3 && (env->mdcr_el3 & MDCR_TDOSA)) {
        return SR_ACCESS_TRAP_EL3;
    }
    return SR_ACCESS_OK;
}

/* The DCC registers: MDSCR_EL1.TDCC traps EL0 accesses to EL1 (EL2 with HCR_EL2.TGE), before
 * the MDCR_ELx.TDA traps. */
static SysregAccess dcc_access(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    if (env->el == 0 && (env->mdscr_el1 & MDSCR_TDCC) && !in_host(env)) {
        return SR_ACCESS_TRAP_EL1;
    }
    return debug_access(env, r, isread);
}

/* OSLAR_EL1.OSLK (bit 0) sets or clears the OS Lock, OSLSR_EL1.OSLK (bit 1). */
static void oslar_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->oslsr_el1 = (env->oslsr_el1 & ~OSLSR_OSLK) | ((v & 1) ? OSLSR_OSLK : 0);
}

static void bvr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->dbgbvr[SR_CRM(r->enc)] = v & ~3ull;
}

static void bcr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    unsigned n = SR_CRM(r->enc);

    if ((v & XCR_E) && !bt_implemented(BCR_BT(v))) {
        qemu_log_mask(LOG_UNIMP, "DBGBCR%u_EL1: breakpoint type 0x%x (VMID or mismatch) is not "
                      "implemented: never matches\n", n, (unsigned)BCR_BT(v));
    }
    /* BAS is RES1: AArch32 is implemented at no EL, so A64 instructions are always whole. */
    env->dbgbcr[n] = (v & BCR_WMASK) | BCR_BAS_RES1;
}

static void wvr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->dbgwvr[SR_CRM(r->enc)] = v & ~3ull;
}

static void wcr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    env->dbgwcr[SR_CRM(r->enc)] = v & WCR_WMASK;
}

#define BP_REGS(n) \
    { "DBGBVR" #n "_EL1", SR_ENC(2, 0, 0, n, 4), SR_EL1_RW, 0, SR_FIELD(dbgbvr[n]), 0, 0, NULL, \
      bvr_write, debug_access }, \
    { "DBGBCR" #n "_EL1", SR_ENC(2, 0, 0, n, 5), SR_EL1_RW, SR_REBUILD_HFLAGS, \
      SR_FIELD(dbgbcr[n]), BCR_BAS_RES1, 0, NULL, bcr_write, debug_access }
#define WP_REGS(n) \
    { "DBGWVR" #n "_EL1", SR_ENC(2, 0, 0, n, 6), SR_EL1_RW, 0, SR_FIELD(dbgwvr[n]), 0, 0, NULL, \
      wvr_write, debug_access }, \
    { "DBGWCR" #n "_EL1", SR_ENC(2, 0, 0, n, 7), SR_EL1_RW, SR_REBUILD_HFLAGS, \
      SR_FIELD(dbgwcr[n]), 0, 0, NULL, wcr_write, debug_access }

static const ArmSysReg debug_regs[] = {
    /* MDSCR_EL1.{SS,KDE,MDE} change which checks are translated. */
    { "MDSCR_EL1", SR_ENC(2, 0, 0, 2, 2), SR_EL1_RW, SR_REBUILD_HFLAGS, SR_FIELD(mdscr_el1), 0,
      MDSCR_WMASK, NULL, NULL, debug_access },
    /* The OS Lock is set by a cold reset (OSLSR_EL1.OSLK resets to 1). */
    { "OSLAR_EL1", SR_ENC(2, 0, 1, 0, 4), SR_EL1_WO, SR_REBUILD_HFLAGS, 0, 0, 0, NULL, oslar_write,
      os_access },
    { "OSLSR_EL1", SR_ENC(2, 0, 1, 1, 4), SR_EL1_RO, 0, SR_FIELD(oslsr_el1),
      OSLSR_OSLM | OSLSR_OSLK, 0, NULL, NULL, os_access },
    { "OSDLR_EL1", SR_ENC(2, 0, 1, 3, 4), SR_EL1_RW, SR_REBUILD_HFLAGS, SR_FIELD(osdlr_el1), 0,
      OSDLR_DLK, NULL, NULL, os_access },
    { "DBGPRCR_EL1", SR_ENC(2, 0, 1, 4, 4), SR_EL1_RW, SR_RAZ, 0, 0, 0, NULL, NULL, os_access },
    { "MDCCINT_EL1", SR_ENC(2, 0, 0, 2, 0), SR_EL1_RW, 0, SR_FIELD(mdccint_el1), 0, 0, NULL, NULL,
      debug_access },
    /* No Debug Communications Channel partner: the DCC registers read as zero. */
    { "MDCCSR_EL0", SR_ENC(2, 3, 0, 1, 0), SR_EL0_RO, SR_RAZ, 0, 0, 0, NULL, NULL, dcc_access },
    { "DBGDTR_EL0", SR_ENC(2, 3, 0, 4, 0), SR_EL0_RW, SR_RAZ, 0, 0, 0, NULL, NULL, dcc_access },
    { "DBGDTRRX_EL0", SR_ENC(2, 3, 0, 5, 0), SR_EL0_RW, SR_RAZ, 0, 0, 0, NULL, NULL, dcc_access },
    { "DBGCLAIMSET_EL1", SR_ENC(2, 0, 7, 8, 6), SR_EL1_RW, SR_RAZ, 0, 0, 0, NULL, NULL,
      debug_access },
    { "DBGCLAIMCLR_EL1", SR_ENC(2, 0, 7, 9, 6), SR_EL1_RW, SR_RAZ, 0, 0, 0, NULL, NULL,
      debug_access },
    { "DBGAUTHSTATUS_EL1", SR_ENC(2, 0, 7, 14, 6), SR_EL1_RO, SR_CONST, 0, 0xaa, 0, NULL, NULL,
      debug_access },
    BP_REGS(0), BP_REGS(1), BP_REGS(2), BP_REGS(3), BP_REGS(4), BP_REGS(5),
    WP_REGS(0), WP_REGS(1), WP_REGS(2), WP_REGS(3),
};

_Static_assert(ARM_NUM_BRPS == 6 && ARM_NUM_WRPS == 4, "debug_regs[] lists 6 BRPs and 4 WRPs");

void sysreg_init_debug(void)
{
    sysreg_register(debug_regs, sizeof(debug_regs) / sizeof(debug_regs[0]));
}
