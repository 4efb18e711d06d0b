/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pl031.h: Arm PrimeCell PL031 real-time clock. */
#ifndef HW_RTC_PL031_H
#define HW_RTC_PL031_H
#include <stddef.h>
#include <stdint.h>
#include "exec/memory.h"
#include "hw/irq.h"

typedef struct PL031State PL031State;

#define PL031_SIZE 0x1000

/* The counter starts at the host's wall-clock time (seconds since the Unix epoch) when the
 * device is created and advances with the virtual clock. Returns NULL on failure. */
PL031State *pl031_create(uint64_t base, qemu_irq irq, AddressSpace *const *views, int nviews);

/* Set the counter (RTCDR) to seconds since the epoch now, as a load would, without touching
 * RTCLR: for the board's -rtc base=. */
void pl031_set_time(PL031State *s, uint32_t seconds);

/* Start time for -rtc base=utc|localtime|YYYY-MM-DD[THH:MM:SS] (a date is taken as UTC, as by
 * QEMU; localtime is the host's local wall-clock time presented as UTC). Returns 0 and sets
 * *seconds, or -1 with a message in err. */
int pl031_rtc_base_seconds(const char *base, int64_t *seconds, char *err, size_t err_len);

#endif
