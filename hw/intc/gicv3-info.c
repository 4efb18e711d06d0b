/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv3-info.c: the monitor's "info pic": GICv3 distributor, PE and interrupt state (a GICv2
 * board's is printed by gicv2-info.c). */
#include <inttypes.h>
#include "gicv3-internal.h"
#include "system/monitor.h"
#include "hw/intc/gicv2.h"

static const char *const group_names[GIC_NGROUPS] = { "G0", "G1S", "G1NS" };

static void show_pe(GICv3CPU *cs)
{
    CPUARMState *env = cs->env;

    monitor_printf("PE %d: affinity 0x%010" PRIx64 "%s, GICR_WAKER 0x%x, lines %s%s%s%s\n",
                   cs->index, gicv3_pe_affinity(cs), env ? "" : " (no CPU)", cs->gicr_waker,
                   env && (env->interrupt_request & CPU_INTERRUPT_IRQ) ? "IRQ " : "",
                   env && (env->interrupt_request & CPU_INTERRUPT_FIQ) ? "FIQ " : "",
                   cs->virq_level ? "vIRQ " : "", cs->vfiq_level ? "vFIQ" : "");
    monitor_printf("  ICC: PMR 0x%02x BPR0 %u BPR1 S/NS %u/%u IGRPEN0 %d IGRPEN1 S/NS %d/%d "
                   "CTLR_EL1 S/NS 0x%x/0x%x CTLR_EL3 0x%x\n",
                   cs->icc_pmr, cs->icc_bpr[GIC_G0], cs->icc_bpr[GIC_G1S], cs->icc_bpr[GIC_G1NS],
                   cs->icc_igrpen[GIC_G0], cs->icc_igrpen[GIC_G1S], cs->icc_igrpen[GIC_G1NS],
                   cs->icc_ctlr_el1[0], cs->icc_ctlr_el1[1], cs->icc_ctlr_el3);
    monitor_printf("  active priorities AP0R0 0x%08x AP1R0 S 0x%08x NS 0x%08x; HPPI ",
                   cs->icc_apr[GIC_G0], cs->icc_apr[GIC_G1S], cs->icc_apr[GIC_G1NS]);
    if (cs->hppi_irq == INTID_SPURIOUS) {
        monitor_printf("none\n");
    } else {
        monitor_printf("%d (priority 0x%02x, %s)\n", cs->hppi_irq, cs->hppi_prio,
                       group_names[cs->hppi_grp]);
    }
    bool lrs = false;
    for (int i = 0; i < GIC_NUM_LRS; i++) {
        lrs |= cs->ich_lr[i] != 0;
    }
    if (cs->ich_hcr || lrs) {
        monitor_printf("  ICH: HCR 0x%08x VMCR 0x%08x AP0R0 0x%08x AP1R0 0x%08x\n", cs->ich_hcr,
                       cs->ich_vmcr, cs->ich_apr[0], cs->ich_apr[1]);
        for (int i = 0; i < GIC_NUM_LRS; i++) {
            if (cs->ich_lr[i]) {
                monitor_printf("    LR%d 0x%016" PRIx64 "\n", i, cs->ich_lr[i]);
            }
        }
    }
}

/* One line per interrupt that is enabled, pending, active or asserted. */
static void show_irq(GICv3State *s, GICv3CPU *cs, int irq)
{
    bool en = gic_test(s, cs, GIC_F_ENABLED, irq), lvl = gic_test(s, cs, GIC_F_LEVEL, irq);
    bool edge = gic_test(s, cs, GIC_F_EDGE, irq), act = gic_test(s, cs, GIC_F_ACTIVE, irq);
    bool pend = gic_test(s, cs, GIC_F_PEND, irq) || (lvl && !edge);

    if (!en && !pend && !act && !lvl) {
        return;
    }
    monitor_printf("  %4d %-4s prio 0x%02x %-5s %s%s%s%s", irq,
                   group_names[gic_irq_group(s, cs, irq)], *gic_prio(s, cs, irq),
                   edge ? "edge" : "level", en ? "enabled " : "", pend ? "pending " : "",
                   act ? "active " : "", lvl ? "asserted " : "");
    if (irq >= GIC_INTERNAL) {
        monitor_printf("route 0x%010" PRIx64, s->irouter[irq]);
    }
    monitor_printf("\n");
}

static void info_pic(CPUARMState *env, const char *args)
{
    GICv3CPU *me = env ? env->gic_cpuif : NULL;
    GICv3State *s = me ? me->gic : NULL;

    (void)args;
    if (!s) {
        if (!gicv2_monitor_info()) {
            monitor_printf("no GIC\n");
        }
        return;
    }
    monitor_printf("GICv3: GICD_CTLR 0x%08x (%s), %d INTIDs, %d PE(s)\n", s->gicd_ctlr,
                   gic_ds(s) ? "single Security state" : "two Security states", s->num_irq,
                   s->ncpu);
    for (int i = 0; i < s->ncpu; i++) {
        GICv3CPU *cs = &s->cpus[i];
        show_pe(cs);
        for (int irq = 0; irq < GIC_INTERNAL; irq++) {
            show_irq(s, cs, irq);
        }
    }
    monitor_printf("SPIs:\n");
    for (int irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        show_irq(s, me, irq);
    }
}

/* Registered once at start-up, before the monitor runs (it keeps a static table). */
static void __attribute__((constructor)) gicv3_info_register(void)
{
    monitor_register_info("pic", "GIC state: PEs, CPU interfaces, enabled/pending/active "
                          "interrupts", info_pic);
}
