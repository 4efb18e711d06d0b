/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pl031.h: Arm PrimeCell PL031 real-time clock. */
#ifndef HW_RTC_PL031_H
#define HW_RTC_PL031_H
#include <stdint.h>
#include "exec/memory.h"
#include "hw/irq.h"

typedef struct PL031State PL031State;

#define PL031_SIZE 0x1000

/* The counter starts at the host's wall-clock time (seconds since the Unix epoch) when the
 * device is created and advances with the virtual clock. Returns NULL on failure. */
PL031State *pl031_create(uint64_t base, qemu_irq irq, AddressSpace *const *views, int nviews);

#endif
