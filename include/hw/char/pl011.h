/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pl011.h: the Arm PrimeCell UART (PL011). */
#ifndef HW_CHAR_PL011_H
#define HW_CHAR_PL011_H
#include "exec/memory.h"
#include "hw/irq.h"
#include "system/chardev.h"

typedef struct Pl011State Pl011State;

/* chr may be NULL (output dropped, no input). The region is added to every view given. */
Pl011State *pl011_create(const char *name, uint64_t base, qemu_irq irq, Chardev *chr,
                         AddressSpace *const *views, int nviews);
void pl011_reset(Pl011State *s);

#endif
