/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pl031.c: Arm PrimeCell PL031 real-time clock (match interrupt, load, PrimeCell IDs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "hw/rtc/pl031.h"
#include "qemu/log.h"
#include "qemu/timer.h"

/* Register map (PL031 TRM, 3.2 "Register summary"). */
#define RTCDR   0x00    /* data: current count, RO */
#define RTCMR   0x04    /* match */
#define RTCLR   0x08    /* load */
#define RTCCR   0x0c    /* control: bit 0 start */
#define RTCIMSC 0x10    /* interrupt mask set/clear: bit 0 */
#define RTCRIS  0x14    /* raw interrupt status, RO */
#define RTCMIS  0x18    /* masked interrupt status, RO */
#define RTCICR  0x1c    /* interrupt clear, WO */
#define PL031_ID 0xfe0  /* RTCPeriphID0..3, RTCPCellID0..3 */

#define NS_PER_SEC 1000000000LL

/* PeriphID0..3 (part 0x031, designer Arm 0x41, revision 0) and PCellID0..3 (PL031 TRM 3.3.9,
 * 3.3.10). */
static const uint8_t pl031_ids[8] = { 0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

struct PL031State {
    MemoryRegion *mr;
    qemu_irq irq;
    QEMUTimer match_timer;
    /* RTCDR = base_count + whole seconds of virtual time elapsed since base_ns. */
    uint32_t base_count;
    int64_t base_ns;
    uint32_t mr_val;
    uint32_t lr_val;
    uint32_t imsc;
    uint32_t ris;
};

static uint32_t pl031_count(PL031State *s)
{
    return s->base_count + (uint32_t)((clock_get_ns() - s->base_ns) / NS_PER_SEC);
}

static void pl031_update_irq(PL031State *s)
{
    qemu_set_irq(s->irq, (s->ris & s->imsc & 1) != 0);
}

/* Arm the timer for the moment the 32-bit counter next equals RTCMR (it wraps modulo 2^32). */
static void pl031_arm_match(PL031State *s)
{
    uint32_t now = pl031_count(s);
    uint64_t delta = (uint32_t)(s->mr_val - now);
    int64_t second_start = s->base_ns + (int64_t)(uint32_t)(now - s->base_count) * NS_PER_SEC;

    if (delta == 0) {
        delta = 1ull << 32;     /* matched during this second: next match after a full wrap */
    }
    timer_mod(&s->match_timer, second_start + (int64_t)delta * NS_PER_SEC);
}

static void pl031_match_cb(void *opaque)
{
    PL031State *s = opaque;

    /* RTCRIS is set when the counter equals the match register (PL031 TRM 2.2.2). */
    if (pl031_count(s) == s->mr_val) {
        s->ris |= 1;
        pl031_update_irq(s);
    }
    pl031_arm_match(s);
}

static MemTxResult pl031_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                              MemTxAttrs attrs)
{
    PL031State *s = opaque;

    switch (addr) {
    case RTCDR:
        *data = pl031_count(s);
        break;
    case RTCMR:
        *data = s->mr_val;
        break;
    case RTCLR:
        *data = s->lr_val;
        break;
    case RTCCR:
        *data = 1;  /* the counter runs from power-on and cannot be stopped (see pl031_write) */
        break;
    case RTCIMSC:
        *data = s->imsc;
        break;
    case RTCRIS:
        *data = s->ris;
        break;
    case RTCMIS:
        *data = s->ris & s->imsc;
        break;
    default:
        if (addr >= PL031_ID && addr < PL031_ID + 0x20 && !(addr & 3)) {
            *data = pl031_ids[(addr - PL031_ID) / 4];
            break;
        }
        qemu_log_mask(LOG_GUEST_ERROR, "pl031: read of %s offset 0x%llx\n",
                      addr == RTCICR ? "write-only" : "reserved", (unsigned long long)addr);
        *data = 0;
    }
    return MEMTX_OK;
}

static MemTxResult pl031_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                               MemTxAttrs attrs)
{
    PL031State *s = opaque;
    uint32_t v = (uint32_t)data;

    switch (addr) {
    case RTCMR:
        s->mr_val = v;
        pl031_arm_match(s);
        break;
    case RTCLR:
        /* Loading sets the counter to v at the start of a new one-second period. */
        s->lr_val = v;
        s->base_count = v;
        s->base_ns = clock_get_ns();
        pl031_arm_match(s);
        break;
    case RTCCR:
        /* Writing 1 starts the counter; it already runs (as on QEMU's virt board, where the
         * RTC is live at boot) and writing 0 has no effect (PL031 TRM 3.3.4). */
        break;
    case RTCIMSC:
        s->imsc = v & 1;
        pl031_update_irq(s);
        break;
    case RTCICR:
        s->ris &= ~(v & 1);
        pl031_update_irq(s);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "pl031: write of %s offset 0x%llx\n",
                      (addr == RTCDR || addr == RTCRIS || addr == RTCMIS ||
                       (addr >= PL031_ID && addr < PL031_ID + 0x20)) ? "read-only" : "reserved",
                      (unsigned long long)addr);
    }
    return MEMTX_OK;
}

static const MemoryRegionOps pl031_ops = {
    .read = pl031_read,
    .write = pl031_write,
    .min_access = 4,
    .max_access = 4,
};

PL031State *pl031_create(uint64_t base, qemu_irq irq, AddressSpace *const *views, int nviews)
{
    PL031State *s = calloc(1, sizeof(*s));

    if (!s) {
        return NULL;
    }
    s->irq = irq;
    s->base_count = (uint32_t)time(NULL);
    s->base_ns = clock_get_ns();
    timer_init(&s->match_timer, pl031_match_cb, s);
    s->mr = memory_region_new_io("pl031", base, PL031_SIZE, &pl031_ops, s);
    if (!s->mr) {
        free(s);
        return NULL;
    }
    if (address_space_add_views(views, nviews, s->mr) < 0) {
        return NULL;
    }
    pl031_arm_match(s);
    return s;
}

void pl031_set_time(PL031State *s, uint32_t seconds)
{
    s->base_count = seconds;
    s->base_ns = clock_get_ns();
    pl031_arm_match(s);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (no timegm() dependency,
 * no time zone involved). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    int64_t era;
    unsigned yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

int pl031_rtc_base_seconds(const char *base, int64_t *seconds, char *err, size_t err_len)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    time_t now = time(NULL);

    if (!base || !strcmp(base, "utc")) {
        *seconds = now;
        return 0;
    }
    if (!strcmp(base, "localtime")) {
        struct tm tm;
        localtime_r(&now, &tm);
        *seconds = (int64_t)now + tm.tm_gmtoff;
        return 0;
    }
    if (!(sscanf(base, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) == 6 &&
          base[n] == '\0') &&
        !(h = mi = sec = n = 0, sscanf(base, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 &&
          base[n] == '\0')) {
        snprintf(err, err_len, "invalid datetime format '%s'", base);
        return -1;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) {
        snprintf(err, err_len, "invalid date '%s'", base);
        return -1;
    }
    *seconds = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + sec;
    return 0;
}
