/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-pl031.c: PL031 RTC registers, load, match interrupt and IDs (Arm DDI 0224). */
#include <glib.h>
#include <string.h>
#include <time.h>
#include "cpu-stubs.h"
#include "hw/rtc/pl031.h"
#include "qemu/log.h"
#include "qemu/timer.h"

#define BASE 0x09010000ull
#define NS_PER_SEC 1000000000ull

static AddressSpace as;
static int irq_level;

static void irq_handler(void *opaque, int n, int level)
{
    irq_level = level;
}

static uint32_t rd(uint64_t off)
{
    uint64_t v = 0xdeadbeef;
    g_assert_cmpint(address_space_ld(&as, BASE + off, 4, &v, MEMTXATTRS_UNSPECIFIED), ==,
                    MEMTX_OK);
    return (uint32_t)v;
}

static void wr(uint64_t off, uint32_t v)
{
    g_assert_cmpint(address_space_st(&as, BASE + off, 4, v, MEMTXATTRS_UNSPECIFIED), ==,
                    MEMTX_OK);
}

static void advance_ns(uint64_t ns)
{
    clock_icount_advance(ns);
    timers_run_expired();
}

static void setup(void)
{
    AddressSpace *views[1] = { &as };

    address_space_init(&as, "test");
    irq_level = 0;
    g_assert_nonnull(pl031_create(BASE, qemu_allocate_irq(irq_handler, NULL, 0), views, 1));
}

/* RTCDR starts at host wall-clock time (seconds since the epoch). */
static void test_host_time(void)
{
    uint32_t before = (uint32_t)time(NULL), dr;

    setup();
    dr = rd(0x00);
    g_assert_cmpuint(dr, >=, before);
    g_assert_cmpuint(dr, <=, (uint32_t)time(NULL));
    g_assert_cmpuint(rd(0x0c), ==, 1);     /* RTCCR: running */
}

/* RTCLR loads the counter, which then counts seconds of virtual time (TRM 2.2, 3.3.3). */
static void test_load_and_count(void)
{
    setup();
    wr(0x08, 1000);
    g_assert_cmpuint(rd(0x08), ==, 1000);
    g_assert_cmpuint(rd(0x00), ==, 1000);
    advance_ns(NS_PER_SEC * 5 / 2);
    g_assert_cmpuint(rd(0x00), ==, 1002);
    wr(0x00, 5);                            /* RTCDR is read-only */
    g_assert_cmpuint(rd(0x00), ==, 1002);
    wr(0x0c, 0);                            /* cannot be stopped */
    advance_ns(NS_PER_SEC);
    g_assert_cmpuint(rd(0x00), ==, 1003);
}

/* Match sets RTCRIS; RTCIMSC gates the line; RTCICR clears (TRM 3.3.5 - 3.3.8). */
static void test_match_interrupt(void)
{
    setup();
    wr(0x08, 2000);
    wr(0x04, 2003);
    g_assert_cmpuint(rd(0x04), ==, 2003);
    advance_ns(NS_PER_SEC * 2);
    g_assert_cmpuint(rd(0x14), ==, 0);
    advance_ns(NS_PER_SEC);
    g_assert_cmpuint(rd(0x00), ==, 2003);
    g_assert_cmpuint(rd(0x14), ==, 1);      /* raw status set */
    g_assert_cmpuint(rd(0x18), ==, 0);      /* masked */
    g_assert_cmpint(irq_level, ==, 0);
    wr(0x10, 1);
    g_assert_cmpuint(rd(0x10), ==, 1);
    g_assert_cmpuint(rd(0x18), ==, 1);
    g_assert_cmpint(irq_level, ==, 1);
    wr(0x1c, 1);
    g_assert_cmpuint(rd(0x14), ==, 0);
    g_assert_cmpint(irq_level, ==, 0);
    advance_ns(NS_PER_SEC * 10);            /* no second match without a wrap */
    g_assert_cmpuint(rd(0x14), ==, 0);
}

/* PrimeCell identification (TRM 3.3.9, 3.3.10) and reserved offsets. */
static void test_ids_and_reserved(void)
{
    static const uint32_t ids[8] = { 0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

    setup();
    for (int i = 0; i < 8; i++) {
        g_assert_cmpuint(rd(0xfe0 + 4 * i), ==, ids[i]);
    }
    g_assert_cmpuint(rd(0x40), ==, 0);
    g_assert_cmpuint(rd(0x1c), ==, 0);      /* write-only */
    wr(0x800, 1);
}

/* -rtc base= forms: a date is UTC; the counter starts there and keeps counting. */
static void test_rtc_base(void)
{
    int64_t t = 0;
    char err[128];
    PL031State *s;
    AddressSpace *views[1] = { &as };

    g_assert_cmpint(pl031_rtc_base_seconds("2006-06-17T16:01:21", &t, err, sizeof(err)), ==, 0);
    g_assert_cmpint(t, ==, 1150560081);
    g_assert_cmpint(pl031_rtc_base_seconds("1970-01-01", &t, err, sizeof(err)), ==, 0);
    g_assert_cmpint(t, ==, 0);
    g_assert_cmpint(pl031_rtc_base_seconds("2000-03-01", &t, err, sizeof(err)), ==, 0);
    g_assert_cmpint(t, ==, 951868800);          /* after a leap day */
    g_assert_cmpint(pl031_rtc_base_seconds("utc", &t, err, sizeof(err)), ==, 0);
    g_assert_cmpint(t, >=, 1700000000);
    g_assert_cmpint(pl031_rtc_base_seconds("2006-13-01", &t, err, sizeof(err)), ==, -1);
    g_assert_cmpint(pl031_rtc_base_seconds("tomorrow", &t, err, sizeof(err)), ==, -1);
    g_assert_nonnull(strstr(err, "tomorrow"));

    address_space_init(&as, "test");
    s = pl031_create(BASE, NULL, views, 1);
    g_assert_nonnull(s);
    pl031_set_time(s, 1150560081);
    g_assert_cmpuint(rd(0x00), ==, 1150560081);
    g_assert_cmpuint(rd(0x08), ==, 0);          /* RTCLR untouched */
    advance_ns(NS_PER_SEC);
    g_assert_cmpuint(rd(0x00), ==, 1150560082);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    clock_set_icount(0);
    g_test_add_func("/pl031/host-time", test_host_time);
    g_test_add_func("/pl031/load-and-count", test_load_and_count);
    g_test_add_func("/pl031/match-interrupt", test_match_interrupt);
    g_test_add_func("/pl031/ids-and-reserved", test_ids_and_reserved);
    g_test_add_func("/pl031/rtc-base", test_rtc_base);
    return g_test_run();
}
