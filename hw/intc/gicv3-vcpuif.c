/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv3-vcpuif.c: GICv3 virtual CPU interface: ICH_*_EL2 list registers and ICV_* at EL1. */
#include "gicv3-internal.h"
#include "qemu/log.h"

/* ICH register encodings (GIC spec 12.4, Table 12-4). */
#define ICH_AP0R0_EL2   GICV3_ENC(3, 4, 12, 8, 0)
#define ICH_AP0R3_EL2   GICV3_ENC(3, 4, 12, 8, 3)
#define ICH_AP1R0_EL2   GICV3_ENC(3, 4, 12, 9, 0)
#define ICH_AP1R3_EL2   GICV3_ENC(3, 4, 12, 9, 3)
#define ICH_HCR_EL2     GICV3_ENC(3, 4, 12, 11, 0)
#define ICH_VTR_EL2     GICV3_ENC(3, 4, 12, 11, 1)
#define ICH_MISR_EL2    GICV3_ENC(3, 4, 12, 11, 2)
#define ICH_EISR_EL2    GICV3_ENC(3, 4, 12, 11, 3)
#define ICH_ELRSR_EL2   GICV3_ENC(3, 4, 12, 11, 5)
#define ICH_VMCR_EL2    GICV3_ENC(3, 4, 12, 11, 7)
#define ICH_LR0_EL2     GICV3_ENC(3, 4, 12, 12, 0)

/* ICH_HCR_EL2 (GIC spec 12.4.7). */
#define HCR_EN          (1u << 0)
#define HCR_UIE         (1u << 1)
#define HCR_LRENPIE     (1u << 2)
#define HCR_NPIE        (1u << 3)
#define HCR_VGRP0EIE    (1u << 4)
#define HCR_VGRP0DIE    (1u << 5)
#define HCR_VGRP1EIE    (1u << 6)
#define HCR_VGRP1DIE    (1u << 7)
#define HCR_EOICOUNT_SHIFT 27
#define HCR_WMASK       0xf8005cffu     /* the above, TC, TALL0, TALL1, TDIR, EOIcount */

/* ICH_VMCR_EL2 (GIC spec 12.4.14). VFIQEn is RES1 and VAckCtl RES0 with system registers. */
#define VMCR_VENG0      (1u << 0)
#define VMCR_VENG1      (1u << 1)
#define VMCR_VFIQEN     (1u << 3)
#define VMCR_VCBPR      (1u << 4)
#define VMCR_VEOIM      (1u << 9)
#define VMCR_VBPR1_SHIFT 18
#define VMCR_VBPR0_SHIFT 21
#define VMCR_VPMR_SHIFT 24

/* ICH_LR<n>_EL2 (GIC spec 12.4.10). */
#define LR_VINTID_MASK  0xffffull                /* IDbits = 16 */
#define LR_PINTID_SHIFT 32
#define LR_PINTID_MASK  0x1fffull
#define LR_EOI          (1ull << 41)            /* with HW = 0: maintenance interrupt on EOI */
#define LR_PRIO_SHIFT   48
#define LR_GROUP        (1ull << 60)
#define LR_HW           (1ull << 61)
#define LR_STATE_SHIFT  62
#define LR_PENDING      (1ull << 62)
#define LR_ACTIVE       (1ull << 63)
#define LR_WMASK        (LR_VINTID_MASK | LR_PINTID_MASK << LR_PINTID_SHIFT | \
                         (uint64_t)GIC_PRIO_MASK << LR_PRIO_SHIFT | LR_GROUP | LR_HW | \
                         LR_PENDING | LR_ACTIVE)

static unsigned vmcr_field(GICv3CPU *s, unsigned shift, unsigned bits)
{
    return (s->ich_vmcr >> shift) & ((1u << bits) - 1);
}

static uint8_t vpmr(GICv3CPU *s)
{
    return (uint8_t)vmcr_field(s, VMCR_VPMR_SHIFT, 8);
}

static uint8_t lr_prio(uint64_t lr)
{
    return (uint8_t)(lr >> LR_PRIO_SHIFT);
}

static int lr_group(uint64_t lr)
{
    return (lr & LR_GROUP) ? 1 : 0;
}

/* Virtual group priority mask: as for the physical interface, with VBPR0/VBPR1 and VCBPR. */
static uint8_t vgprio_mask(GICv3CPU *s, int grp)
{
    unsigned shift;

    if (grp == 0 || (s->ich_vmcr & VMCR_VCBPR)) {
        shift = vmcr_field(s, VMCR_VBPR0_SHIFT, 3) + 1;
    } else {
        shift = vmcr_field(s, VMCR_VBPR1_SHIFT, 3);
    }
    return (uint8_t)(0xffu << shift);
}

static int vapr_highest_bit(GICv3CPU *s)
{
    uint32_t all = s->ich_apr[0] | s->ich_apr[1];

    return all ? __builtin_ctz(all) : -1;
}

static uint8_t vrunning_prio(GICv3CPU *s)
{
    int b = vapr_highest_bit(s);

    return b < 0 ? 0xff : (uint8_t)(b << (8 - GIC_PRIBITS));
}

void gicv3_vcpuif_reset(GICv3CPU *s)
{
    s->ich_hcr = 0;
    s->ich_vmcr = VMCR_VFIQEN | (GIC_MIN_BPR << VMCR_VBPR0_SHIFT) |
                  ((GIC_MIN_BPR + 1) << VMCR_VBPR1_SHIFT);
    s->ich_apr[0] = s->ich_apr[1] = 0;
    for (int i = 0; i < GIC_NUM_LRS; i++) {
        s->ich_lr[i] = 0;
    }
    s->vhppi_lr = -1;
}

/* ---- Status registers derived from the list registers (GIC spec 12.4.5, 12.4.6, 12.4.9) ---- */

static uint32_t ich_eisr(GICv3CPU *s)
{
    uint32_t v = 0;

    for (int i = 0; i < GIC_NUM_LRS; i++) {
        uint64_t lr = s->ich_lr[i];
        if (!(lr & (LR_PENDING | LR_ACTIVE)) && !(lr & LR_HW) && (lr & LR_EOI)) {
            v |= 1u << i;
        }
    }
    return v;
}

static uint32_t ich_elrsr(GICv3CPU *s)
{
    uint32_t v = 0;

    for (int i = 0; i < GIC_NUM_LRS; i++) {
        uint64_t lr = s->ich_lr[i];
        if (!(lr & (LR_PENDING | LR_ACTIVE)) && ((lr & LR_HW) || !(lr & LR_EOI))) {
            v |= 1u << i;
        }
    }
    return v;
}

static uint32_t ich_misr(GICv3CPU *s)
{
    uint32_t v = 0, hcr = s->ich_hcr;
    int valid = 0;
    bool any_pending = false;

    if (!(hcr & HCR_EN)) {
        return 0;
    }
    for (int i = 0; i < GIC_NUM_LRS; i++) {
        uint64_t lr = s->ich_lr[i];
        valid += (lr & (LR_PENDING | LR_ACTIVE)) != 0;
        any_pending |= (lr & (LR_PENDING | LR_ACTIVE)) == LR_PENDING;
    }
    if (ich_eisr(s)) {
        v |= 1u << 0;                                           /* EOI */
    }
    if ((hcr & HCR_UIE) && valid <= 1) {
        v |= 1u << 1;                                           /* U: underflow */
    }
    if ((hcr & HCR_LRENPIE) && (hcr >> HCR_EOICOUNT_SHIFT)) {
        v |= 1u << 2;                                           /* LRENP */
    }
    if ((hcr & HCR_NPIE) && !any_pending) {
        v |= 1u << 3;                                           /* NP: no pending */
    }
    if ((hcr & HCR_VGRP0EIE) && (s->ich_vmcr & VMCR_VENG0)) {
        v |= 1u << 4;
    }
    if ((hcr & HCR_VGRP0DIE) && !(s->ich_vmcr & VMCR_VENG0)) {
        v |= 1u << 5;
    }
    if ((hcr & HCR_VGRP1EIE) && (s->ich_vmcr & VMCR_VENG1)) {
        v |= 1u << 6;
    }
    if ((hcr & HCR_VGRP1DIE) && !(s->ich_vmcr & VMCR_VENG1)) {
        v |= 1u << 7;
    }
    return v;
}

/* The maintenance interrupt is asserted while ICH_HCR_EL2.En and any ICH_MISR_EL2 bit are set
 * (GIC spec 6.4.x "Maintenance interrupts"); it is a level-sensitive PPI of this PE. */
void gicv3_vcpuif_maint(GICv3CPU *s)
{
    bool level = ich_misr(s) != 0;
    bool old = gic_test(s->gic, s, GIC_F_LEVEL, GIC_MAINT_PPI);

    gic_assign(s->gic, s, GIC_F_LEVEL, GIC_MAINT_PPI, level);
    if (level && !old && gic_test(s->gic, s, GIC_F_EDGE, GIC_MAINT_PPI)) {
        gic_assign(s->gic, s, GIC_F_PEND, GIC_MAINT_PPI, true);
    }
}

/* ---- Virtual HPPI and signalling (GIC spec 6.x "Virtual interrupt handling") ---- */

static void compute_vhppi(GICv3CPU *s)
{
    uint8_t best = 0xff;

    s->vhppi_lr = -1;
    for (int i = 0; i < GIC_NUM_LRS; i++) {
        uint64_t lr = s->ich_lr[i];
        int grp = lr_group(lr);
        if ((lr & (LR_PENDING | LR_ACTIVE)) != LR_PENDING) {
            continue;
        }
        if (!(s->ich_vmcr & (grp ? VMCR_VENG1 : VMCR_VENG0))) {
            continue;
        }
        if (s->vhppi_lr < 0 || lr_prio(lr) < best) {
            s->vhppi_lr = i;
            best = lr_prio(lr);
        }
    }
}

static bool vhppi_can_preempt(GICv3CPU *s)
{
    uint64_t lr;

    if (s->vhppi_lr < 0) {
        return false;
    }
    lr = s->ich_lr[s->vhppi_lr];
    if (lr_prio(lr) >= vpmr(s)) {
        return false;
    }
    return (lr_prio(lr) & vgprio_mask(s, lr_group(lr))) < vrunning_prio(s);
}

void gicv3_vcpuif_update(GICv3CPU *s)
{
    bool virq = false, vfiq = false;

    compute_vhppi(s);
    if ((s->ich_hcr & HCR_EN) && vhppi_can_preempt(s)) {
        /* Virtual Group 0 is signalled as vFIQ (VFIQEn is RES1), Group 1 as vIRQ. */
        if (lr_group(s->ich_lr[s->vhppi_lr])) {
            virq = true;
        } else {
            vfiq = true;
        }
    }
    /* Only drive the lines on a change, so software-injected HCR_EL2.VI/VF state the CPU core
     * keeps on the same lines is not disturbed while the list registers are unused. */
    if (s->env && virq != s->virq_level) {
        arm_set_gic_virtual_line(s->env, CPU_INTERRUPT_VIRQ, virq);
    }
    if (s->env && vfiq != s->vfiq_level) {
        arm_set_gic_virtual_line(s->env, CPU_INTERRUPT_VFIQ, vfiq);
    }
    s->virq_level = virq;
    s->vfiq_level = vfiq;
}

/* ---- ICH_* registers ---- */

static uint64_t ich_vtr(void)
{
    /* ListRegs [4:0], TDS [19] (TDIR supported), nV4 [20] (no direct vLPI injection),
     * A3V [21], IDbits [25:23] = 0 (16 bits), PREbits [28:26], PRIbits [31:29]. */
    return (GIC_NUM_LRS - 1) | 1u << 19 | 1u << 20 | 1u << 21 |
           (uint32_t)(GIC_PRIBITS - 1) << 26 | (uint32_t)(GIC_PRIBITS - 1) << 29;
}

static void vmcr_write(GICv3CPU *s, uint64_t v)
{
    unsigned bpr0 = (v >> VMCR_VBPR0_SHIFT) & 7, bpr1 = (v >> VMCR_VBPR1_SHIFT) & 7;

    /* Binary points below the minimum read back as the minimum (GIC spec 12.4.14). */
    if (bpr0 < GIC_MIN_BPR) {
        bpr0 = GIC_MIN_BPR;
    }
    if (bpr1 < GIC_MIN_BPR + 1) {
        bpr1 = GIC_MIN_BPR + 1;
    }
    s->ich_vmcr = (uint32_t)(v & (VMCR_VENG0 | VMCR_VENG1 | VMCR_VCBPR | VMCR_VEOIM)) |
                  VMCR_VFIQEN | bpr0 << VMCR_VBPR0_SHIFT | bpr1 << VMCR_VBPR1_SHIFT |
                  (uint32_t)((v >> VMCR_VPMR_SHIFT) & GIC_PRIO_MASK) << VMCR_VPMR_SHIFT;
}

/* Whether an ICH_* access names an implemented register in the right direction (the same
 * cases gicv3_ich_access() accepts), without touching any state. */
bool gicv3_ich_implemented(uint32_t enc, bool is_write)
{
    if (enc >= ICH_LR0_EL2 && enc < ICH_LR0_EL2 + GIC_NUM_LRS) {
        return true;
    }
    switch (enc) {
    case ICH_AP0R0_EL2: case ICH_AP1R0_EL2: case ICH_HCR_EL2: case ICH_VMCR_EL2:
        return true;
    case ICH_VTR_EL2: case ICH_MISR_EL2: case ICH_EISR_EL2: case ICH_ELRSR_EL2:
        return !is_write;
    }
    return false;
}

bool gicv3_ich_access(GICv3CPU *s, uint32_t enc, bool is_write, uint64_t *val)
{
    uint64_t v = is_write ? *val : 0;
    bool ro = false;

    if (enc >= ICH_LR0_EL2 && enc < ICH_LR0_EL2 + GIC_NUM_LRS) {
        uint64_t *lr = &s->ich_lr[enc - ICH_LR0_EL2];
        if (is_write) {
            *lr = v & LR_WMASK;
        } else {
            *val = *lr;
        }
    } else {
        switch (enc) {
        case ICH_AP0R0_EL2:
        case ICH_AP1R0_EL2:
            if (is_write) {
                s->ich_apr[enc == ICH_AP1R0_EL2] = (uint32_t)v;
            } else {
                *val = s->ich_apr[enc == ICH_AP1R0_EL2];
            }
            break;
        case ICH_HCR_EL2:
            if (is_write) {
                s->ich_hcr = (uint32_t)v & HCR_WMASK;
            } else {
                *val = s->ich_hcr;
            }
            break;
        case ICH_VMCR_EL2:
            if (is_write) {
                vmcr_write(s, v);
            } else {
                *val = s->ich_vmcr;
            }
            break;
        case ICH_VTR_EL2:
            ro = true;
            *val = ich_vtr();
            break;
        case ICH_MISR_EL2:
            ro = true;
            *val = ich_misr(s);
            break;
        case ICH_EISR_EL2:
            ro = true;
            *val = ich_eisr(s);
            break;
        case ICH_ELRSR_EL2:
            ro = true;
            *val = ich_elrsr(s);
            break;
        default:
            /* ICH_AP<n>R1..3 (only 5 preemption bits) and list registers beyond the fourth */
            return false;
        }
    }
    if (ro && is_write) {
        return false;
    }
    if (is_write) {
        gicv3_update(s->gic);
    }
    return true;
}

/* ---- ICV_* registers ---- */

static uint32_t vhppir(GICv3CPU *s, int grp)
{
    uint64_t lr;

    compute_vhppi(s);
    if (s->vhppi_lr < 0) {
        return INTID_SPURIOUS;
    }
    lr = s->ich_lr[s->vhppi_lr];
    return lr_group(lr) == grp ? (uint32_t)(lr & LR_VINTID_MASK) : INTID_SPURIOUS;
}

static uint32_t icv_ack(GICv3CPU *s, int grp)
{
    uint32_t id = vhppir(s, grp);
    uint64_t *lr;

    if (id == INTID_SPURIOUS || !vhppi_can_preempt(s)) {
        return INTID_SPURIOUS;
    }
    lr = &s->ich_lr[s->vhppi_lr];
    *lr = (*lr & ~LR_PENDING) | LR_ACTIVE;
    s->ich_apr[grp] |= 1u << ((lr_prio(*lr) & vgprio_mask(s, grp)) >> (8 - GIC_PRIBITS));
    gicv3_update(s->gic);
    return id;
}

/* Deactivate the list register holding vintid; if none does, count it in EOIcount so the
 * hypervisor can find it elsewhere (GIC spec 6.x, ICH_HCR_EL2.EOIcount). */
static void vdeactivate(GICv3CPU *s, uint32_t vintid)
{
    for (int i = 0; i < GIC_NUM_LRS; i++) {
        uint64_t *lr = &s->ich_lr[i];
        if ((*lr & LR_ACTIVE) && (*lr & LR_VINTID_MASK) == vintid) {
            *lr &= ~LR_ACTIVE;
            if (*lr & LR_HW) {
                int pintid = (int)((*lr >> LR_PINTID_SHIFT) & LR_PINTID_MASK);
                if (pintid < INTID_SECURE) {
                    gicv3_deactivate_physical(s, pintid);
                }
            }
            return;
        }
    }
    s->ich_hcr += 1u << HCR_EOICOUNT_SHIFT;     /* 5-bit field at the top: wraps */
}

static void icv_eoi(GICv3CPU *s, int grp, uint64_t val)
{
    uint32_t vintid = (uint32_t)(val & 0xffffff);
    int bit = vapr_highest_bit(s);

    if (vintid >= INTID_SECURE && vintid <= INTID_SPURIOUS) {
        return;
    }
    if (bit < 0 || !(s->ich_apr[grp] & (1u << bit))) {
        qemu_log_mask(LOG_GUEST_ERROR, "gicv3: virtual EOI of %u with no matching active "
                      "priority\n", vintid);
        return;
    }
    s->ich_apr[grp] &= ~(1u << bit);
    if (!(s->ich_vmcr & VMCR_VEOIM)) {
        vdeactivate(s, vintid);
    }
    gicv3_update(s->gic);
}

void gicv3_icv_access(GICv3CPU *s, uint32_t enc, bool is_write, uint64_t *val)
{
    uint64_t v = is_write ? *val : 0;
    uint64_t r = 0;

    switch (enc) {
    case ICC_PMR_EL1:
        if (is_write) {
            s->ich_vmcr = (s->ich_vmcr & ~(0xffu << VMCR_VPMR_SHIFT)) |
                          (uint32_t)(v & GIC_PRIO_MASK) << VMCR_VPMR_SHIFT;
        }
        r = vpmr(s);
        break;
    case ICC_RPR_EL1:
        r = vrunning_prio(s);
        break;
    case ICC_IAR0_EL1:
    case ICC_IAR1_EL1:
        r = icv_ack(s, enc == ICC_IAR1_EL1);
        break;
    case ICC_HPPIR0_EL1:
    case ICC_HPPIR1_EL1:
        r = vhppir(s, enc == ICC_HPPIR1_EL1);
        break;
    case ICC_EOIR0_EL1:
    case ICC_EOIR1_EL1:
        icv_eoi(s, enc == ICC_EOIR1_EL1, v);
        return;
    case ICC_DIR_EL1:
        if (!(s->ich_vmcr & VMCR_VEOIM)) {
            qemu_log_mask(LOG_GUEST_ERROR, "gicv3: ICV_DIR_EL1 write with EOImode 0\n");
            return;
        }
        vdeactivate(s, (uint32_t)(v & 0xffffff));
        break;
    case ICC_BPR0_EL1:
        if (is_write) {
            vmcr_write(s, (s->ich_vmcr & ~(7u << VMCR_VBPR0_SHIFT)) |
                          (uint32_t)(v & 7) << VMCR_VBPR0_SHIFT);
        }
        r = vmcr_field(s, VMCR_VBPR0_SHIFT, 3);
        break;
    case ICC_BPR1_EL1:
        if (s->ich_vmcr & VMCR_VCBPR) {
            /* reads give VBPR0 + 1 (saturated), writes are ignored (GIC spec 12.5.4) */
            unsigned b = vmcr_field(s, VMCR_VBPR0_SHIFT, 3) + 1;
            r = b > 7 ? 7 : b;
            break;
        }
        if (is_write) {
            vmcr_write(s, (s->ich_vmcr & ~(7u << VMCR_VBPR1_SHIFT)) |
                          (uint32_t)(v & 7) << VMCR_VBPR1_SHIFT);
        }
        r = vmcr_field(s, VMCR_VBPR1_SHIFT, 3);
        break;
    case ICC_AP0R0_EL1:
    case ICC_AP1R0_EL1:
        if (is_write) {
            s->ich_apr[enc == ICC_AP1R0_EL1] = (uint32_t)v;
        }
        r = s->ich_apr[enc == ICC_AP1R0_EL1];
        break;
    case ICC_CTLR_EL1:
        if (is_write) {
            s->ich_vmcr = (s->ich_vmcr & ~(VMCR_VCBPR | VMCR_VEOIM)) |
                          ((v & 1) ? VMCR_VCBPR : 0) | ((v & 2) ? VMCR_VEOIM : 0);
        }
        r = ((s->ich_vmcr & VMCR_VCBPR) ? 1u : 0u) | ((s->ich_vmcr & VMCR_VEOIM) ? 2u : 0u) |
            (GIC_PRIBITS - 1u) << ICC_CTLR_PRIBITS_SHIFT | ICC_CTLR_A3V;
        break;
    case ICC_IGRPEN0_EL1:
    case ICC_IGRPEN1_EL1: {
        uint32_t bit = enc == ICC_IGRPEN1_EL1 ? VMCR_VENG1 : VMCR_VENG0;
        if (is_write) {
            s->ich_vmcr = (s->ich_vmcr & ~bit) | ((v & 1) ? bit : 0);
        }
        r = (s->ich_vmcr & bit) != 0;
        break;
    }
    default:
        qemu_log_mask(LOG_UNIMP, "gicv3: ICV register 0x%x not implemented\n", enc);
        break;
    }
    if (is_write) {
        gicv3_update(s->gic);
    } else {
        *val = r;
    }
}
