/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv2-info.c: the monitor's "info pic" for a GICv2: distributor and CPU interface state and
 * every enabled, pending, active or asserted interrupt (called from gicv3-info.c, which owns the
 * command, when the CPU has no GICv3). */
#include "gicv2-internal.h"
#include "system/monitor.h"

static GICv2State *gicv2_instance;

void gicv2_info_register(GICv2State *s)
{
    gicv2_instance = s;
}

bool gicv2_monitor_info(void)
{
    GICv2State *s = gicv2_instance;
    CPUARMState *env;

    if (!s) {
        return false;
    }
    env = s->env;
    monitor_printf("GICv2: GICD_CTLR 0x%08x (%s), %d INTIDs, lines %s%s\n", s->dctlr,
                   s->security_extn ? "Security Extensions" : "no Security Extensions",
                   s->num_irq,
                   env && (env->interrupt_request & CPU_INTERRUPT_IRQ) ? "IRQ " : "",
                   env && (env->interrupt_request & CPU_INTERRUPT_FIQ) ? "FIQ" : "");
    monitor_printf("  GICC: CTLR 0x%03x PMR 0x%02x BPR %u ABPR %u HPPI ", s->cctlr, s->pmr,
                   s->bpr, s->abpr);
    if (s->hppi == GICV2_SPURIOUS) {
        monitor_printf("none\n");
    } else {
        monitor_printf("%d (priority 0x%02x)\n", s->hppi, s->hppi_prio);
    }
    monitor_printf("  APR 0x%08x 0x%08x 0x%08x 0x%08x NSAPR 0x%08x 0x%08x 0x%08x 0x%08x\n",
                   s->apr[0], s->apr[1], s->apr[2], s->apr[3], s->nsapr[0], s->nsapr[1],
                   s->nsapr[2], s->nsapr[3]);
    for (int irq = 0; irq < s->num_irq; irq++) {
        bool en = g2_test(s, G2_F_ENABLED, irq), pend = g2_pending(s, irq);
        bool act = g2_test(s, G2_F_ACTIVE, irq), lvl = g2_test(s, G2_F_LEVEL, irq);
        if ((irq < 16 && !pend && !act) || !(en || pend || act || lvl)) {
            continue;   /* SGIs are always enabled: list them only when pending or active */
        }
        monitor_printf("  %4d G%d prio 0x%02x %s%s%s%s%s\n", irq, g2_group(s, irq),
                       s->priority[irq], g2_test(s, G2_F_EDGE, irq) ? "edge" : "level",
                       en ? " enabled" : "", pend ? " pending" : "", act ? " active" : "",
                       lvl ? " asserted" : "");
    }
    return true;
}
