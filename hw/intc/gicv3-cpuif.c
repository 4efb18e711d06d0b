/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv3-cpuif.c: GICv3 CPU interface: ICC_* system registers, priority logic, IRQ/FIQ output. */
#include "gicv3-internal.h"
#include "qemu/log.h"

/* ICC_SRE_ELx: SRE, DFB, DIB are RAO/WI (no memory-mapped CPU interface, no bypass); the
 * EL2/EL3 copies add Enable, also RAO/WI so lower ELs can always use the system registers. */
#define ICC_SRE_EL1_VALUE 0x7u
#define ICC_SRE_ELX_VALUE 0xfu

/* Which routing controls govern a register (GIC spec 12.2, "Traps and enables" of each one). */
enum { ACC_G0, ACC_G1, ACC_COMMON, ACC_SGI };

/* ---- State of the PE as the GIC sees it ---- */

/* Secure as far as the GIC is concerned: EL3 (Root) and Secure EL0..2. Realm is Non-secure to
 * the GIC (RME: the GIC has two Security states). With GICD_CTLR.DS = 1 everything is. */
static bool gic_secure(GICv3CPU *s, CPUARMState *env)
{
    return !gic_ds(s->gic) && arm_space_is_secure(arm_current_space(env));
}

/* The Non-secure bank of ICC_CTLR_EL1, ICC_BPR1_EL1, ICC_AP1R0_EL1 and ICC_IGRPEN1_EL1 is used in
 * Non-secure state and at EL3 when SCR_EL3.NS is 1 (GIC spec 12.2, "banked registers"). */
static bool bank_ns(GICv3CPU *s, CPUARMState *env)
{
    if (gic_ds(s->gic)) {
        return true;
    }
    if (env->el == 3) {
        return (env->scr_el3 & SCR_NS) != 0;
    }
    return !arm_space_is_secure(arm_current_space(env));
}

static int group1_of(GICv3CPU *s, CPUARMState *env)
{
    return gic_secure(s, env) ? GIC_G1S : GIC_G1NS;
}

/* ---- Priority arithmetic ---- */

static uint8_t gprio_mask(GICv3CPU *s, int grp)
{
    unsigned shift;

    if (grp == GIC_G0) {
        shift = s->icc_bpr[GIC_G0] + 1u;
    } else if (s->icc_ctlr_el1[grp == GIC_G1S ? 0 : 1] & ICC_CTLR_EL1_CBPR) {
        /* CBPR: BPR0 defines the preemption groups of Group 1 too (GIC spec 12.2.6). */
        shift = s->icc_bpr[GIC_G0] + 1u;
    } else {
        /* For BPR1 the group priority field is [7:BPR1] (GIC spec 4.8.3, Table 4-7). */
        shift = s->icc_bpr[grp];
    }
    return (uint8_t)(0xffu << shift);
}

/* Active priorities registers: bit n is set while an interrupt with group priority n << 3 is
 * active (5 preemption bits: n = priority[7:3]). */
static int apr_highest_bit(GICv3CPU *s)
{
    uint32_t all = s->icc_apr[GIC_G0] | s->icc_apr[GIC_G1S] | s->icc_apr[GIC_G1NS];

    return all ? __builtin_ctz(all) : -1;
}

/* Running priority (GIC spec 4.8.2): the group priority of the highest active priority, or
 * idle (0xff). */
static uint8_t running_prio(GICv3CPU *s)
{
    int b = apr_highest_bit(s);

    return b < 0 ? 0xff : (uint8_t)(b << (8 - GIC_PRIBITS));
}

static bool group_enabled(GICv3CPU *s, int grp)
{
    static const uint32_t dist_en[GIC_NGROUPS] = {
        GICD_CTLR_EN_GRP0, GICD_CTLR_EN_GRP1S, GICD_CTLR_EN_GRP1NS
    };

    return (s->gic->gicd_ctlr & dist_en[grp]) && s->icc_igrpen[grp];
}

static bool routed_here(GICv3CPU *s, int irq)
{
    uint64_t r = s->gic->irouter[irq];

    if (irq < GIC_INTERNAL || (r & (1u << 31))) {
        return true;            /* IRM = 1: any participating PE, and this is the only one */
    }
    return (r & 0xff00ffffffull) == gicv3_pe_affinity(s);
}

/* ---- Highest-priority pending interrupt and the CPU lines ---- */

static void compute_hppi(GICv3CPU *s)
{
    int words = (s->gic->num_irq + 31) / 32;

    s->hppi_irq = INTID_SPURIOUS;
    s->hppi_prio = 0xff;
    s->hppi_grp = GIC_G0;
    for (int w = 0; w < words; w++) {
        int first = w * 32;
        uint32_t cand = (*gic_word(s->gic, s, GIC_F_PEND, first) |
                         (*gic_word(s->gic, s, GIC_F_LEVEL, first) &
                          ~*gic_word(s->gic, s, GIC_F_EDGE, first))) &
                        *gic_word(s->gic, s, GIC_F_ENABLED, first) &
                        ~*gic_word(s->gic, s, GIC_F_ACTIVE, first);
        while (cand) {
            int irq = w * 32 + __builtin_ctz(cand);
            cand &= cand - 1;
            if (irq >= s->gic->num_irq) {
                break;
            }
            int grp = gic_irq_group(s->gic, s, irq);
            /* The interrupt is forwarded only when its group is enabled in both the
             * distributor and the CPU interface (GIC spec 4.7.1). Ties go to the lowest
             * INTID because the scan is ascending and the comparison strict. */
            if (!group_enabled(s, grp) || !routed_here(s, irq)) {
                continue;
            }
            if (*gic_prio(s->gic, s, irq) < s->hppi_prio || s->hppi_irq == INTID_SPURIOUS) {
                s->hppi_irq = irq;
                s->hppi_prio = *gic_prio(s->gic, s, irq);
                s->hppi_grp = grp;
            }
        }
    }
}

/* Whether the HPPI is signalled: higher than the priority mask and than the running priority
 * at group-priority granularity (GIC spec 4.8, "Preemption"). */
static bool hppi_can_preempt(GICv3CPU *s)
{
    if (s->hppi_irq == INTID_SPURIOUS || s->hppi_prio >= s->icc_pmr) {
        return false;
    }
    return (s->hppi_prio & gprio_mask(s, s->hppi_grp)) < running_prio(s);
}

void gicv3_update(GICv3State *g)
{
    for (int i = 0; i < g->ncpu; i++) {
        gicv3_cpu_update(&g->cpus[i]);
    }
}

void gicv3_cpu_update(GICv3CPU *s)
{
    CPUARMState *env = s->env;
    bool irq = false, fiq = false;

    gicv3_vcpuif_maint(s);
    compute_hppi(s);
    gicv3_vcpuif_update(s);
    if (!env) {
        return;
    }
    if (hppi_can_preempt(s)) {
        /* GIC spec 4.6.2, Table 4-4 (AArch64 EL3): Group 0 is always FIQ; Group 1 of the
         * current Security state is IRQ, Group 1 of the other state FIQ; at EL3 every
         * Group 1 interrupt is FIQ. */
        bool as_irq = env->el != 3 && s->hppi_grp != GIC_G0 &&
                      s->hppi_grp == group1_of(s, env);
        irq = as_irq;
        fiq = !as_irq;
    }
    arm_set_irq_line(env, CPU_INTERRUPT_IRQ, irq);
    arm_set_irq_line(env, CPU_INTERRUPT_FIQ, fiq);
}

void gicv3_cpuif_el_change(CPUARMState *env)
{
    if (env && env->gic_cpuif) {
        gicv3_cpu_update(env->gic_cpuif);
    }
}

void gicv3_cpuif_reset(GICv3CPU *s)
{
    s->icc_pmr = 0;
    s->icc_bpr[GIC_G0] = GIC_MIN_BPR;
    s->icc_bpr[GIC_G1S] = GIC_MIN_BPR;
    s->icc_bpr[GIC_G1NS] = GIC_MIN_BPR + 1;
    for (int g = 0; g < GIC_NGROUPS; g++) {
        s->icc_apr[g] = 0;
        s->icc_igrpen[g] = false;
    }
    s->icc_ctlr_el1[0] = s->icc_ctlr_el1[1] = 0;
    s->icc_ctlr_el3 = 0;
    gicv3_vcpuif_reset(s);
}

/* ---- Acknowledge, priority drop, deactivation ---- */

/* The CPU's own notion of Security (EL3, or Secure state below it), independent of DS. */
static bool cpu_secure(CPUARMState *env)
{
    return arm_space_is_secure(arm_current_space(env));
}

static bool irq_is_secure(GICv3CPU *s, int grp)
{
    return !gic_ds(s->gic) && grp != GIC_G1NS;
}

/* Which Group 1 interrupts the Group 1 registers may see (GIC spec pseudocode
 * CheckGroup1ForSpecialIdentifiers, 12.2.15/12.2.16): Secure Group 1 only in Secure state
 * (EL3 included); Non-secure Group 1 in Non-secure state and at EL3, not at Secure EL1/EL2. */
static bool group1_visible(GICv3CPU *s, CPUARMState *env, int grp)
{
    if (grp == GIC_G0) {
        return false;
    }
    if (irq_is_secure(s, grp)) {
        return cpu_secure(env);
    }
    return env->el == 3 || !cpu_secure(env);
}

static uint32_t hppir_value(GICv3CPU *s, CPUARMState *env, int reg_grp)
{
    int grp = s->hppi_grp;

    if (s->hppi_irq == INTID_SPURIOUS) {
        return INTID_SPURIOUS;
    }
    if (reg_grp != GIC_G0) {
        return group1_visible(s, env, grp) ? (uint32_t)s->hppi_irq : INTID_SPURIOUS;
    }
    /* Group 0 registers: Group 0 interrupts, which are Secure unless DS is set, and at EL3
     * the special INTIDs naming the Group 1 that is pending (GIC spec 2.2.1, 12.2.11). */
    if (grp != GIC_G0 && env->el != 3) {
        return INTID_SPURIOUS;
    }
    if (irq_is_secure(s, grp) && !cpu_secure(env)) {
        return INTID_SPURIOUS;
    }
    if (grp != GIC_G0) {
        return irq_is_secure(s, grp) ? INTID_SECURE : INTID_NONSECURE;
    }
    return (uint32_t)s->hppi_irq;
}

/* Group of the highest active priority, or -1 if nothing is active. */
static int highest_active_group(GICv3CPU *s)
{
    int bit = apr_highest_bit(s);

    for (int g = 0; bit >= 0 && g < GIC_NGROUPS; g++) {
        if (s->icc_apr[g] & (1u << bit)) {
            return g;
        }
    }
    return -1;
}

static uint32_t icc_ack(GICv3CPU *s, CPUARMState *env, int reg_grp)
{
    uint32_t id;
    int irq, grp;

    compute_hppi(s);
    if (!hppi_can_preempt(s)) {
        return INTID_SPURIOUS;
    }
    id = hppir_value(s, env, reg_grp);
    if (id >= INTID_SECURE) {
        return id;
    }
    irq = (int)id;
    grp = s->hppi_grp;
    /* Activation (GIC spec 4.1.1): pending -> active (or active and pending while a level
     * input stays asserted); the running priority becomes the interrupt's group priority. */
    gic_assign(s->gic, s, GIC_F_ACTIVE, irq, true);
    gic_assign(s->gic, s, GIC_F_PEND, irq, false);
    s->icc_apr[grp] |= 1u << ((*gic_prio(s->gic, s, irq) & gprio_mask(s, grp)) >>
                              (8 - GIC_PRIBITS));
    gicv3_update(s->gic);
    return id;
}

static bool eoimode(GICv3CPU *s, CPUARMState *env)
{
    if (env->el == 3 && !gic_ds(s->gic)) {
        return (s->icc_ctlr_el3 & ICC_CTLR_EL3_EOIMODE_EL3) != 0;
    }
    return (s->icc_ctlr_el1[bank_ns(s, env) ? 1 : 0] & ICC_CTLR_EL1_EOIMODE) != 0;
}

static void deactivate(GICv3CPU *s, int irq, int grp, const char *why)
{
    if (irq >= s->gic->num_irq) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: %s of unimplemented INTID %d\n", why, irq);
        return;
    }
    if (gic_irq_group(s->gic, s, irq) != grp) {
        /* UNPREDICTABLE (GIC spec 12.2.10): the interrupt is not in the writer's group. */
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: %s of INTID %d from the wrong group ignored\n",
                      why, irq);
        return;
    }
    if (!gic_test(s->gic, s, GIC_F_ACTIVE, irq)) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: %s of inactive INTID %d\n", why, irq);
    }
    gic_assign(s->gic, s, GIC_F_ACTIVE, irq, false);
}

static void icc_eoi(GICv3CPU *s, CPUARMState *env, int reg_grp, uint64_t val)
{
    int irq = (int)(val & 0xffffff);
    int grp = highest_active_group(s);
    bool ok;

    if (irq >= INTID_SECURE && irq <= INTID_SPURIOUS) {
        return;     /* special INTIDs: the write has no effect (GIC spec 12.2.10) */
    }
    /* The priority drop applies to the highest active priority. ICC_EOIR0_EL1 may complete
     * it if it is Group 0 and visible to the current state; ICC_EOIR1_EL1 if it is a Group 1
     * interrupt the Group 1 registers see here (EL3 completes both). Otherwise the write is
     * UNPREDICTABLE (GIC spec 4.1.2, 12.2.9/12.2.10); we ignore it. */
    if (reg_grp == GIC_G0) {
        ok = grp == GIC_G0 && !(irq_is_secure(s, grp) && !cpu_secure(env));
    } else {
        ok = grp > GIC_G0 && group1_visible(s, env, grp);
    }
    if (!ok) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: EOI of INTID %d ignored: no active priority "
                      "this register may complete\n", irq);
        return;
    }
    s->icc_apr[grp] &= ~(1u << apr_highest_bit(s));
    if (!eoimode(s, env)) {
        deactivate(s, irq, grp, "EOI");
    }
    gicv3_update(s->gic);
}

static void icc_dir(GICv3CPU *s, CPUARMState *env, uint64_t val)
{
    int irq = (int)(val & 0xffffff);
    int grp;

    if (irq >= INTID_SECURE && irq <= INTID_SPURIOUS) {
        return;
    }
    if (!eoimode(s, env)) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: ICC_DIR_EL1 write with EOImode 0 ignored\n");
        return;
    }
    if (irq >= s->gic->num_irq) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: DIR of unimplemented INTID %d\n", irq);
        return;
    }
    grp = gic_irq_group(s->gic, s, irq);
    /* Who may deactivate what (GIC spec 12.2.10, ICC_DIR_EL1): Non-secure state only
     * Non-secure Group 1; Secure state also Secure Group 1; Group 0 only from EL3 or when
     * Group 0 is not routed to EL3 (SCR_EL3.FIQ == 0). */
    if ((grp == GIC_G1S && !gic_secure(s, env)) ||
        (grp == GIC_G0 && env->el != 3 && !gic_ds(s->gic) && (env->scr_el3 & SCR_FIQ))) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: DIR of INTID %d not permitted here\n", irq);
        return;
    }
    gic_assign(s->gic, s, GIC_F_ACTIVE, irq, false);
    gicv3_update(s->gic);
}

static void icc_sgi(GICv3CPU *s, CPUARMState *env, uint32_t enc, uint64_t val)
{
    int irq = (int)((val >> 24) & 0xf);
    bool secure = gic_secure(s, env);
    int grp;

    if (enc == ICC_SGI0R_EL1) {
        grp = GIC_G0;
    } else if (enc == ICC_SGI1R_EL1) {
        grp = secure ? GIC_G1S : GIC_G1NS;
    } else {
        grp = secure ? GIC_G1NS : GIC_G1S;
    }
    /* Field layout (GIC spec 12.2.22): TargetList [15:0], Aff1 [23:16], INTID [27:24],
     * Aff2 [39:32], IRM [40], RS [47:44], Aff3 [55:48]. IRM = 1 targets every PE but the
     * writer; otherwise the PEs Aff3.Aff2.Aff1.<RS * 16 + n> for the TargetList bits n. */
    for (int i = 0; i < s->gic->ncpu; i++) {
        GICv3CPU *t = &s->gic->cpus[i];
        uint64_t aff = gicv3_pe_affinity(t);
        unsigned aff0 = aff & 0xff;

        if (val & (1ull << 40)) {
            if (t == s) {
                continue;
            }
        } else if (((val >> 16) & 0xff) != ((aff >> 8) & 0xff) ||
                   ((val >> 32) & 0xff) != ((aff >> 16) & 0xff) ||
                   ((val >> 48) & 0xff) != ((aff >> 32) & 0xff) ||
                   ((val >> 44) & 0xf) != aff0 >> 4 || !(val & (1u << (aff0 & 0xf)))) {
            continue;
        }
        gicv3_send_sgi(t, irq, grp, !secure);
    }
}

/* ---- Priority mask / running priority, with the Non-secure view ---- */

/* With two Security states and Group 0 routed to EL3 (SCR_EL3.FIQ = 1), Non-secure accesses
 * see the Non-secure half of the priority range shifted (GIC spec 4.8.6 / 12.2.19). */
static bool ns_prio_view(GICv3CPU *s, CPUARMState *env)
{
    return !gic_ds(s->gic) && env->el != 3 && !gic_secure(s, env) && (env->scr_el3 & SCR_FIQ);
}

static uint64_t ns_view_of(uint8_t p)
{
    if (!(p & 0x80)) {
        return 0;           /* a Secure priority is not visible to Non-secure software */
    }
    return p == 0xff ? 0xff : (uint8_t)(p << 1);
}

/* ---- Access checks ---- */

/* Internal verdict: perform the access on the virtual CPU interface (ICV_*). */
#define ACCESS_VIRTUAL 0xfffffffeu

/* ICH_HCR_EL2 trap controls (GIC spec 12.4.7): TC, TALL0, TALL1, TDIR. */
#define ICH_HCR_TC      (1u << 10)
#define ICH_HCR_TALL0   (1u << 11)
#define ICH_HCR_TALL1   (1u << 12)
#define ICH_HCR_TDIR    (1u << 14)

static uint32_t check_access(GICv3CPU *s, CPUARMState *env, int kind, uint32_t enc)
{
    int el = env->el;

    if (el == 0) {
        return GICV3_ACCESS_UNDEF;
    }
    /* The virtual interface serves EL1 whenever EL2 is enabled in its Security state (Secure
     * EL1 too with FEAT_SEL2, GIC spec 12.1 "ICV_* ... when EL2 is enabled"). */
    if (el == 1 && arm_el2_enabled(env)) {
        uint64_t hcr = env->hcr_el2;
        uint32_t ich = s->ich_hcr;
        bool virt = (kind == ACC_G0 && (hcr & HCR_FMO)) || (kind == ACC_G1 && (hcr & HCR_IMO)) ||
                    (kind == ACC_COMMON && (hcr & (HCR_IMO | HCR_FMO)));
        /* EL2 traps come first and cover the ICC_* and ICV_* forms alike (GIC spec 12.4.7). */
        if ((kind == ACC_G0 && (ich & ICH_HCR_TALL0)) ||
            (kind == ACC_G1 && (ich & ICH_HCR_TALL1)) ||
            ((kind == ACC_COMMON || kind == ACC_SGI) && (ich & ICH_HCR_TC)) ||
            (enc == ICC_DIR_EL1 && (ich & ICH_HCR_TDIR))) {
            return 2;
        }
        if (kind == ACC_SGI && (hcr & (HCR_IMO | HCR_FMO))) {
            return 2;   /* SGI generation traps to EL2 when interrupts are virtualized */
        }
        if (virt) {
            return ACCESS_VIRTUAL;
        }
    }
    /* GIC spec 12.2, "Traps": with both IRQ and FIQ routed to EL3, EL1 and EL2 accesses to
     * the CPU interface trap to EL3 (EL1 only if not redirected to the virtual interface). */
    if ((env->scr_el3 & (SCR_IRQ | SCR_FIQ)) == (SCR_IRQ | SCR_FIQ) && (el == 1 || el == 2) &&
        env->features.has_el3) {
        return 3;
    }
    return GICV3_ACCESS_OK;
}

static bool is_gic_enc(uint32_t enc)
{
    switch (enc) {
    case ICC_PMR_EL1: case ICC_IAR0_EL1: case ICC_EOIR0_EL1: case ICC_HPPIR0_EL1:
    case ICC_BPR0_EL1: case ICC_DIR_EL1: case ICC_RPR_EL1: case ICC_SGI1R_EL1:
    case ICC_ASGI1R_EL1: case ICC_SGI0R_EL1: case ICC_IAR1_EL1: case ICC_EOIR1_EL1:
    case ICC_HPPIR1_EL1: case ICC_BPR1_EL1: case ICC_CTLR_EL1: case ICC_SRE_EL1:
    case ICC_IGRPEN0_EL1: case ICC_IGRPEN1_EL1: case ICC_SRE_EL2: case ICC_CTLR_EL3:
    case ICC_SRE_EL3: case ICC_IGRPEN1_EL3:
        return true;
    }
    return (enc >= ICC_AP0R0_EL1 && enc <= ICC_AP0R3_EL1) ||
           (enc >= ICC_AP1R0_EL1 && enc <= ICC_AP1R3_EL1);
}

/* ICH_* registers: op0 3, op1 4, CRn 12, CRm 8..13 (GIC spec 12.4), other than ICC_SRE_EL2. */
static bool is_ich_enc(uint32_t enc)
{
    unsigned crm = (enc >> 3) & 0xf;

    return (enc & ~0x7fu) == GICV3_ENC(3, 4, 12, 0, 0) && crm >= 8 && crm <= 13 &&
           enc != ICC_SRE_EL2;
}

static int reg_kind(uint32_t enc)
{
    switch (enc) {
    case ICC_IAR0_EL1: case ICC_EOIR0_EL1: case ICC_HPPIR0_EL1: case ICC_BPR0_EL1:
    case ICC_IGRPEN0_EL1:
        return ACC_G0;
    case ICC_IAR1_EL1: case ICC_EOIR1_EL1: case ICC_HPPIR1_EL1: case ICC_BPR1_EL1:
    case ICC_IGRPEN1_EL1:
        return ACC_G1;
    case ICC_SGI0R_EL1: case ICC_SGI1R_EL1: case ICC_ASGI1R_EL1:
        return ACC_SGI;
    }
    if (enc >= ICC_AP0R0_EL1 && enc <= ICC_AP0R3_EL1) {
        return ACC_G0;
    }
    if (enc >= ICC_AP1R0_EL1 && enc <= ICC_AP1R3_EL1) {
        return ACC_G1;
    }
    return ACC_COMMON;
}

/* Read-only and write-only registers: the other direction is UNDEFINED. */
static bool direction_ok(uint32_t enc, bool is_write)
{
    switch (enc) {
    case ICC_IAR0_EL1: case ICC_IAR1_EL1: case ICC_HPPIR0_EL1: case ICC_HPPIR1_EL1:
    case ICC_RPR_EL1:
        return !is_write;
    case ICC_EOIR0_EL1: case ICC_EOIR1_EL1: case ICC_DIR_EL1: case ICC_SGI0R_EL1:
    case ICC_SGI1R_EL1: case ICC_ASGI1R_EL1:
        return is_write;
    }
    return true;
}

static uint64_t ctlr_el1_read(GICv3CPU *s, int bank)
{
    return (s->icc_ctlr_el1[bank] & (ICC_CTLR_EL1_CBPR | ICC_CTLR_EL1_EOIMODE)) |
           (GIC_PRIBITS - 1u) << ICC_CTLR_PRIBITS_SHIFT | ICC_CTLR_A3V;
}

static uint64_t ctlr_el3_read(GICv3CPU *s)
{
    uint64_t v = (s->icc_ctlr_el3 & ICC_CTLR_EL3_EOIMODE_EL3) |
                 (GIC_PRIBITS - 1u) << ICC_CTLR_PRIBITS_SHIFT | ICC_CTLR_A3V;

    if (s->icc_ctlr_el1[0] & ICC_CTLR_EL1_CBPR) {
        v |= ICC_CTLR_EL3_CBPR_EL1S;
    }
    if (s->icc_ctlr_el1[1] & ICC_CTLR_EL1_CBPR) {
        v |= ICC_CTLR_EL3_CBPR_EL1NS;
    }
    if (s->icc_ctlr_el1[0] & ICC_CTLR_EL1_EOIMODE) {
        v |= ICC_CTLR_EL3_EOIMODE_EL1S;
    }
    if (s->icc_ctlr_el1[1] & ICC_CTLR_EL1_EOIMODE) {
        v |= ICC_CTLR_EL3_EOIMODE_EL1NS;
    }
    return v;   /* nDS (bit 17) = 0: GICD_CTLR.DS may be set */
}

static void ctlr_el3_write(GICv3CPU *s, uint64_t v)
{
    s->icc_ctlr_el1[0] = ((v & ICC_CTLR_EL3_CBPR_EL1S) ? ICC_CTLR_EL1_CBPR : 0) |
                         ((v & ICC_CTLR_EL3_EOIMODE_EL1S) ? ICC_CTLR_EL1_EOIMODE : 0);
    s->icc_ctlr_el1[1] = ((v & ICC_CTLR_EL3_CBPR_EL1NS) ? ICC_CTLR_EL1_CBPR : 0) |
                         ((v & ICC_CTLR_EL3_EOIMODE_EL1NS) ? ICC_CTLR_EL1_EOIMODE : 0);
    s->icc_ctlr_el3 = (uint32_t)(v & ICC_CTLR_EL3_EOIMODE_EL3);
}

static uint64_t bpr1_read(GICv3CPU *s, int bank)
{
    if (s->icc_ctlr_el1[bank] & ICC_CTLR_EL1_CBPR) {
        /* GIC spec 12.2.5: with CBPR the Secure bank reads BPR0, the Non-secure bank
         * BPR0 + 1 saturated at 7. */
        unsigned b = s->icc_bpr[GIC_G0] + (bank ? 1u : 0u);
        return b > 7 ? 7 : b;
    }
    return s->icc_bpr[bank ? GIC_G1NS : GIC_G1S];
}

static void bpr_write(GICv3CPU *s, int grp, uint64_t v)
{
    /* Values below the minimum become the minimum (GIC spec 12.2.4/12.2.5); the Non-secure
     * BPR1 minimum is one more than the Group 0 one. */
    unsigned min = GIC_MIN_BPR + (grp == GIC_G1NS ? 1u : 0u);
    unsigned b = (unsigned)(v & 7);

    s->icc_bpr[grp] = (uint8_t)(b < min ? min : b);
}

static void do_write(GICv3CPU *s, CPUARMState *env, uint32_t enc, uint64_t v)
{
    int bank = bank_ns(s, env) ? 1 : 0;

    switch (enc) {
    case ICC_PMR_EL1:
        v &= 0xff;
        if (ns_prio_view(s, env)) {
            if (!(s->icc_pmr & 0x80)) {
                return;     /* a Secure mask value cannot be changed from Non-secure state */
            }
            v = (v >> 1) | 0x80;
        }
        s->icc_pmr = (uint8_t)v & GIC_PRIO_MASK;
        break;
    case ICC_EOIR0_EL1:
        icc_eoi(s, env, GIC_G0, v);
        return;
    case ICC_EOIR1_EL1:
        icc_eoi(s, env, GIC_G1NS, v);
        return;
    case ICC_DIR_EL1:
        icc_dir(s, env, v);
        return;
    case ICC_SGI0R_EL1:
    case ICC_SGI1R_EL1:
    case ICC_ASGI1R_EL1:
        icc_sgi(s, env, enc, v);
        return;
    case ICC_BPR0_EL1:
        bpr_write(s, GIC_G0, v);
        break;
    case ICC_BPR1_EL1:
        if (s->icc_ctlr_el1[bank] & ICC_CTLR_EL1_CBPR) {
            return;         /* writes ignored while CBPR is set */
        }
        bpr_write(s, bank ? GIC_G1NS : GIC_G1S, v);
        break;
    case ICC_AP0R0_EL1:
        s->icc_apr[GIC_G0] = (uint32_t)v;
        break;
    case ICC_AP1R0_EL1:
        s->icc_apr[bank ? GIC_G1NS : GIC_G1S] = (uint32_t)v;
        break;
    case ICC_CTLR_EL1: {
        /* With EL3 and two Security states only EOImode is writable here; CBPR belongs to
         * EL3 (ICC_CTLR_EL3.CBPR_EL1{S,NS}) (GIC spec 12.2.6). */
        uint32_t mask = ICC_CTLR_EL1_EOIMODE;
        if (!env->features.has_el3 || gic_ds(s->gic)) {
            mask |= ICC_CTLR_EL1_CBPR;
        }
        s->icc_ctlr_el1[bank] = (s->icc_ctlr_el1[bank] & ~mask) | ((uint32_t)v & mask);
        break;
    }
    case ICC_CTLR_EL3:
        ctlr_el3_write(s, v);
        break;
    case ICC_SRE_EL1:
    case ICC_SRE_EL2:
    case ICC_SRE_EL3:
        return;             /* all fields RAO/WI */
    case ICC_IGRPEN0_EL1:
        s->icc_igrpen[GIC_G0] = v & 1;
        break;
    case ICC_IGRPEN1_EL1:
        s->icc_igrpen[bank ? GIC_G1NS : GIC_G1S] = v & 1;
        break;
    case ICC_IGRPEN1_EL3:
        s->icc_igrpen[GIC_G1NS] = v & 1;
        s->icc_igrpen[GIC_G1S] = (v >> 1) & 1;
        break;
    }
    gicv3_cpu_update(s);
}

static uint64_t do_read(GICv3CPU *s, CPUARMState *env, uint32_t enc)
{
    int bank = bank_ns(s, env) ? 1 : 0;

    switch (enc) {
    case ICC_PMR_EL1:
        return ns_prio_view(s, env) ? ns_view_of(s->icc_pmr) : s->icc_pmr;
    case ICC_RPR_EL1:
        return ns_prio_view(s, env) ? ns_view_of(running_prio(s)) : running_prio(s);
    case ICC_IAR0_EL1:
        return icc_ack(s, env, GIC_G0);
    case ICC_IAR1_EL1:
        return icc_ack(s, env, GIC_G1NS);
    case ICC_HPPIR0_EL1:
        compute_hppi(s);
        return hppir_value(s, env, GIC_G0);
    case ICC_HPPIR1_EL1:
        compute_hppi(s);
        return hppir_value(s, env, GIC_G1NS);
    case ICC_BPR0_EL1:
        return s->icc_bpr[GIC_G0];
    case ICC_BPR1_EL1:
        return bpr1_read(s, bank);
    case ICC_AP0R0_EL1:
        return s->icc_apr[GIC_G0];
    case ICC_AP1R0_EL1:
        return s->icc_apr[bank ? GIC_G1NS : GIC_G1S];
    case ICC_CTLR_EL1:
        return ctlr_el1_read(s, bank);
    case ICC_CTLR_EL3:
        return ctlr_el3_read(s);
    case ICC_SRE_EL1:
        return ICC_SRE_EL1_VALUE;
    case ICC_SRE_EL2:
    case ICC_SRE_EL3:
        return ICC_SRE_ELX_VALUE;
    case ICC_IGRPEN0_EL1:
        return s->icc_igrpen[GIC_G0];
    case ICC_IGRPEN1_EL1:
        return s->icc_igrpen[bank ? GIC_G1NS : GIC_G1S];
    case ICC_IGRPEN1_EL3:
        return (uint64_t)s->icc_igrpen[GIC_G1NS] | (uint64_t)s->icc_igrpen[GIC_G1S] << 1;
    }
    return 0;
}

bool gicv3_cpuif_sysreg(CPUARMState *env, uint32_t enc, bool is_write, uint64_t *val,
                        uint32_t *trap_el)
{
    GICv3CPU *s = env->gic_cpuif;
    uint32_t op1 = (enc >> 11) & 7;
    uint32_t r;

    /* EL2 is not implemented: ICC_SRE_EL2 and the implemented ICH_* registers are RES0 from
     * EL3 (IHI 0069, the "Configuration" of the ICC_SRE_EL2 and ICH_*_EL2 register descriptions);
     * below EL3 they stay UNDEFINED. */
    if (s && env->el == 3 && !env->features.has_el2 &&
        (enc == ICC_SRE_EL2 || (is_ich_enc(enc) && gicv3_ich_implemented(enc, is_write)))) {
        if (!is_write) {
            *val = 0;
        }
        *trap_el = GICV3_ACCESS_OK;
        return true;
    }
    if (is_ich_enc(enc)) {
        /* ICH_* exist at EL2 and EL3 only; ICH_AP<n>R1..3 and LRs beyond the implemented
         * ones are UNDEFINED (GIC spec 12.4). */
        if (!s || env->el < 2 || !env->features.has_el2 ||
            !gicv3_ich_access(s, enc, is_write, val)) {
            *trap_el = GICV3_ACCESS_UNDEF;
        } else {
            *trap_el = GICV3_ACCESS_OK;
        }
        return true;
    }
    if (!is_gic_enc(enc)) {
        return false;
    }
    /* No GIC, an EL3/EL2 register below its EL, an unimplemented active priorities register
     * (only AP0R0/AP1R0 exist with 5 priority bits, GIC spec 12.2.1/12.2.2) or the wrong
     * direction: UNDEFINED. */
    if (!s || (op1 == 6 && env->el < 3) || (op1 == 4 && (env->el < 2 || !env->features.has_el2)) ||
        (enc > ICC_AP0R0_EL1 && enc <= ICC_AP0R3_EL1) ||
        (enc > ICC_AP1R0_EL1 && enc <= ICC_AP1R3_EL1) || !direction_ok(enc, is_write)) {
        *trap_el = GICV3_ACCESS_UNDEF;
        return true;
    }
    if (op1 == 0 && enc != ICC_SRE_EL1) {
        r = check_access(s, env, reg_kind(enc), enc);
        if (r == ACCESS_VIRTUAL) {
            *trap_el = GICV3_ACCESS_OK;
            gicv3_icv_access(s, enc, is_write, val);
            return true;
        }
        if (r != GICV3_ACCESS_OK) {
            *trap_el = r;
            return true;
        }
    } else if (env->el == 0) {
        *trap_el = GICV3_ACCESS_UNDEF;
        return true;
    }
    *trap_el = GICV3_ACCESS_OK;
    if (is_write) {
        do_write(s, env, enc, *val);
    } else {
        *val = do_read(s, env, enc);
    }
    return true;
}
