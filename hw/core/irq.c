/* SPDX-License-Identifier: GPL-2.0-or-later */
/* irq.c: allocation of interrupt lines. */
#include <stdlib.h>
#include "hw/irq.h"

qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n)
{
    IRQState *irq = calloc(1, sizeof(*irq));
    if (irq) {
        irq->handler = handler;
        irq->opaque = opaque;
        irq->n = n;
    }
    return irq;
}
