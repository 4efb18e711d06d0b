/* SPDX-License-Identifier: GPL-2.0-or-later */
/* timer.h: the virtual clock (host time, or instruction count with -icount) and one-shot timers
 * that the run loop fires between translation blocks. */
#ifndef QEMU_TIMER_H
#define QEMU_TIMER_H
#include <stdbool.h>
#include <stdint.h>

typedef void QEMUTimerCB(void *opaque);

typedef struct QEMUTimer {
    int64_t expire_ns;        /* -1 when not armed */
    QEMUTimerCB *cb;
    void *opaque;
    struct QEMUTimer *next;
} QEMUTimer;

/* Nanoseconds of virtual time since the machine started; monotonic, frozen while stopped. */
int64_t clock_get_ns(void);
/* Host monotonic time, for the run loop's own pacing. */
int64_t host_clock_ns(void);

void timer_init(QEMUTimer *t, QEMUTimerCB *cb, void *opaque);
void timer_mod(QEMUTimer *t, int64_t expire_ns);
void timer_del(QEMUTimer *t);
bool timer_pending(const QEMUTimer *t);
/* Fire every expired timer; returns the next deadline in virtual ns, or -1 if none. */
int64_t timers_run_expired(void);
int64_t timers_next_deadline(void);

/* -icount shift=N: virtual time advances 2^N ns per guest instruction (0 = follow host time). */
void clock_set_icount(int shift);
bool clock_icount_enabled(void);
void clock_icount_advance(uint64_t insns);
/* Pause/resume virtual time (monitor 'stop', gdb halts). */
void clock_stop(void);
void clock_start(void);

#endif
