/* SPDX-License-Identifier: GPL-2.0-or-later */
/* timer.c: the virtual clock and a sorted list of one-shot timers. */
#include <time.h>
#include "qemu/timer.h"

static QEMUTimer *active;         /* sorted by expire_ns */
static int icount_shift = -1;     /* -1: follow host time */
static uint64_t icount_insns;
static int64_t host_base_ns = -1;
static int64_t stopped_at = -1;   /* virtual time while stopped */
static int64_t stopped_total;     /* host ns spent stopped */

int64_t host_clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t clock_get_ns(void)
{
    if (icount_shift >= 0) {
        return (int64_t)(icount_insns << icount_shift);
    }
    if (host_base_ns < 0) {
        host_base_ns = host_clock_ns();
    }
    if (stopped_at >= 0) {
        return stopped_at;
    }
    return host_clock_ns() - host_base_ns - stopped_total;
}

void clock_stop(void)
{
    if (stopped_at < 0) {
        stopped_at = clock_get_ns();
    }
}

void clock_start(void)
{
    if (stopped_at >= 0) {
        int64_t now = stopped_at;
        stopped_at = -1;
        if (icount_shift < 0) {
            stopped_total += clock_get_ns() - now;
        }
    }
}

void clock_set_icount(int shift)
{
    icount_shift = shift;
}

bool clock_icount_enabled(void)
{
    return icount_shift >= 0;
}

void clock_icount_advance(uint64_t insns)
{
    icount_insns += insns;
}

void timer_init(QEMUTimer *t, QEMUTimerCB *cb, void *opaque)
{
    t->expire_ns = -1;
    t->cb = cb;
    t->opaque = opaque;
    t->next = NULL;
}

void timer_del(QEMUTimer *t)
{
    for (QEMUTimer **p = &active; *p; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            break;
        }
    }
    t->expire_ns = -1;
    t->next = NULL;
}

void timer_mod(QEMUTimer *t, int64_t expire_ns)
{
    QEMUTimer **p;

    timer_del(t);
    t->expire_ns = expire_ns < 0 ? 0 : expire_ns;
    for (p = &active; *p && (*p)->expire_ns <= t->expire_ns; p = &(*p)->next) {
    }
    t->next = *p;
    *p = t;
}

bool timer_pending(const QEMUTimer *t)
{
    return t->expire_ns >= 0;
}

int64_t timers_next_deadline(void)
{
    return active ? active->expire_ns : -1;
}

int64_t timers_run_expired(void)
{
    int64_t now = clock_get_ns();

    while (active && active->expire_ns <= now) {
        QEMUTimer *t = active;
        active = t->next;
        t->next = NULL;
        t->expire_ns = -1;
        t->cb(t->opaque);
    }
    return timers_next_deadline();
}
