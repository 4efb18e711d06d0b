/* SPDX-License-Identifier: GPL-2.0-or-later */
/* irq.h: interrupt lines between devices, the GIC and the CPU (level-sensitive wires). */
#ifndef HW_IRQ_H
#define HW_IRQ_H

typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

typedef struct IRQState {
    qemu_irq_handler handler;
    void *opaque;
    int n;
} IRQState;

typedef IRQState *qemu_irq;

qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);

static inline void qemu_set_irq(qemu_irq irq, int level)
{
    if (irq) {
        irq->handler(irq->opaque, irq->n, level);
    }
}

#endif
