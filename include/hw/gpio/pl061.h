/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pl061.h: Arm PrimeCell PL061 general-purpose I/O (eight pins, one combined interrupt). */
#ifndef HW_GPIO_PL061_H
#define HW_GPIO_PL061_H
#include <stdint.h>
#include "exec/memory.h"
#include "hw/irq.h"

typedef struct PL061State PL061State;

#define PL061_SIZE 0x1000
#define PL061_NUM_PINS 8

/* A PL061 at base in each view; irq is GPIOINTR (may be NULL). Returns NULL on failure. */
PL061State *pl061_create(const char *name, uint64_t base, qemu_irq irq,
                         AddressSpace *const *views, int nviews);
/* Connect output pin `pin` to `line`: called with the pin's new level whenever it changes.
 * A pin that is not an output is not driven and reads as 0 on the line (pulled down, as on
 * QEMU's virt board). */
void pl061_connect_out(PL061State *s, int pin, qemu_irq line);
/* Drive input pin `pin` from outside (a button); ignored while the pin is an output. */
void pl061_set_input(PL061State *s, int pin, int level);
/* Registers to their reset values (all 0); lines that were high are lowered. */
void pl061_reset(PL061State *s);

#endif
