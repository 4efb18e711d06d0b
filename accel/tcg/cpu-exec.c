/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-exec.c: the run loop: take interrupts, find or translate the next TB, run it, chain it;
 * fire timers and poll character devices between TB batches; sleep in WFI. */
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "system/chardev.h"
#include "system/runloop.h"
#include "cpu.h"
#include "cpu-dump.h"
#include "pmu.h"

static ShutdownCause shutdown_cause;
static bool reset_requested;
static int exit_status = -1;
static bool paused;
static void (*reset_fn)(void *);
static void *reset_opaque;

#define MAX_POLLS 8
static struct { RunloopPollFn *fn; void *opaque; } polls[MAX_POLLS];
static int npolls;

void qemu_system_shutdown_request(ShutdownCause cause)
{
    shutdown_cause = cause;
    if (first_cpu) {
        first_cpu->exit_request = true;
    }
}

void qemu_system_reset_request(void)
{
    reset_requested = true;
    if (first_cpu) {
        first_cpu->exit_request = true;
    }
}

void qemu_system_exit_request(int status)
{
    exit_status = status;
    qemu_system_shutdown_request(SHUTDOWN_GUEST_POWEROFF);
}

void runloop_set_paused(bool p)
{
    paused = p;
    if (p) {
        clock_stop();
    } else {
        clock_start();
    }
    if (first_cpu) {
        first_cpu->exit_request = true;
    }
}

bool runloop_is_paused(void)
{
    return paused;
}

void runloop_add_poll(RunloopPollFn *fn, void *opaque)
{
    if (npolls < MAX_POLLS) {
        polls[npolls].fn = fn;
        polls[npolls].opaque = opaque;
        npolls++;
    }
}

void runloop_set_reset_handler(void (*fn)(void *opaque), void *opaque)
{
    reset_fn = fn;
    reset_opaque = opaque;
}

static void log_exec(CPUARMState *env, TranslationBlock *tb)
{
    qemu_log("Trace: %p [%08x/%016llx/%08x] \n", (void *)tb, 0, (unsigned long long)tb->pc, tb->flags);
}

/* Let devices and timers run; block when the CPU waits for an interrupt. */
static void service_events(CPUARMState *env)
{
    int64_t next;

    for (int i = 0; i < npolls; i++) {
        polls[i].fn(polls[i].opaque);
    }
    next = timers_run_expired();
    if ((env->halted || paused) && !shutdown_cause && !reset_requested) {
        int timeout_ms = -1;
        if (!paused && next >= 0) {
            int64_t now = clock_get_ns();
            if (clock_icount_enabled()) {
                /* No host time passes in icount mode: jump virtual time to the deadline. */
                if (next > now) {
                    clock_icount_advance((uint64_t)(next - now) >> 0);
                }
                timers_run_expired();
                return;
            }
            timeout_ms = next > now ? (int)((next - now + 999999) / 1000000) : 0;
        }
        if (paused && npolls) {
            timeout_ms = 10;
        }
        chardev_poll_all(timeout_ms);
        timers_run_expired();
    } else {
        chardev_poll_all(0);
    }
}

int runloop_run(bool no_reboot, bool no_shutdown)
{
    CPUARMState *env = first_cpu;
    /* Live across sigsetjmp: volatile so a guest exception's longjmp leaves them defined. */
    volatile unsigned batch = 0;
    TranslationBlock *volatile last_tb = NULL;
    volatile int last_slot = -1;

    for (;;) {
        if (sigsetjmp(env->jmp_env, 0) != 0) {
            /* A guest exception was raised inside a TB: deliver it. The instructions of the TB
             * before the one that raised it retired (the TB's count is added only when it ends);
             * SVC/HVC/SMC and a WFI that waits retire too. */
            env->insn_count += cpu_tb_insns_done(env);
            if (env->cur_ip && (env->exception.kind == EXCP_SWI || env->exception.kind == EXCP_HVC ||
                                env->exception.kind == EXCP_SMC || env->exception.kind == EXCP_HALTED)) {
                env->insn_count++;
            }
            env->cur_tb = NULL;
            env->cur_ip = NULL;
            last_tb = NULL;
            if (env->exception.kind == EXCP_EXIT) {
                env->exception.kind = EXCP_NONE;
            } else if (env->exception.kind == EXCP_HALTED) {
                env->exception.kind = EXCP_NONE;
                env->halted = true;
            } else if (env->exception.kind == EXCP_DEBUG) {
                env->exception.kind = EXCP_NONE;
                runloop_set_paused(true);
            } else if (env->exception.kind != EXCP_NONE) {
                arm_cpu_do_interrupt(env);
                if (env->singlestep) {
                    runloop_set_paused(true);   /* the step ends at the exception vector */
                }
            }
        }
        while (!shutdown_cause) {
            if (reset_requested) {
                reset_requested = false;
                if (no_reboot) {
                    shutdown_cause = SHUTDOWN_GUEST_RESET;
                    break;
                }
                if (reset_fn) {
                    reset_fn(reset_opaque);
                }
                last_tb = NULL;
            }
            env->exit_request = false;
            if ((++batch & 15) == 0 || env->halted || paused) {
                service_events(env);
                if (shutdown_cause) {
                    break;
                }
            } else if (timers_next_deadline() >= 0 && timers_next_deadline() <= clock_get_ns()) {
                timers_run_expired();
            }
            if (paused) {
                last_tb = NULL;
                continue;
            }
            if (env->interrupt_request) {
                /* WFI wakes on any pending interrupt, masked or not (Arm ARM D1.6.2). */
                env->halted = false;
                if (arm_cpu_exec_interrupt(env)) {
                    last_tb = NULL;
                }
            }
            if (env->halted) {
                continue;
            }
            uint64_t before = env->insn_count;
            TranslationBlock *tb = tb_find(env);
            if (env->singlestep) {
                env->exit_request = true;       /* one TB of one instruction, no chaining */
            }
            if (last_tb && last_slot >= 0 && !last_tb->invalid && !qemu_loglevel_mask(LOG_NOCHAIN) &&
                !env->singlestep) {
                last_tb->jmp_dest[last_slot] = tb;
            }
            if (qemu_loglevel_mask(LOG_EXEC)) {
                log_exec(env, tb);
            }
            if (qemu_loglevel_mask(LOG_CPU)) {
                char regs[8192];
                arm_cpu_format_state(env, regs, sizeof(regs), qemu_loglevel_mask(LOG_FPU));
                qemu_log("%s", regs);
            }
            uintptr_t ret = interp_exec(env, tb);
            if (env->insn_count >= env->pmu.deadline) {
                pmu_deadline_reached(env);      /* a PMU counter overflowed: PMUIRQ */
            }
            if (clock_icount_enabled()) {
                clock_icount_advance(env->insn_count - before);
            }
            if (env->singlestep) {
                runloop_set_paused(true);
            }
            if (ret & 3) {
                last_tb = (TranslationBlock *)(ret & ~(uintptr_t)3);
                last_slot = (int)(ret & 3) - 1;
            } else {
                last_tb = NULL;
                last_slot = -1;
            }
        }
        if (shutdown_cause) {
            break;
        }
    }
    if (exit_status >= 0) {
        return exit_status;
    }
    if (shutdown_cause == SHUTDOWN_GUEST_PANIC) {
        return 1;
    }
    (void)no_shutdown;
    return 0;
}
