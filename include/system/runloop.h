/* SPDX-License-Identifier: GPL-2.0-or-later */
/* runloop.h: the main execution loop and requests that stop or reset the machine. */
#ifndef SYSTEM_RUNLOOP_H
#define SYSTEM_RUNLOOP_H
#include <stdbool.h>

typedef enum ShutdownCause {
    SHUTDOWN_NONE = 0,
    SHUTDOWN_GUEST_POWEROFF,   /* PSCI SYSTEM_OFF, GPIO power button ... */
    SHUTDOWN_GUEST_RESET,
    SHUTDOWN_HOST_QUIT,        /* monitor quit, Ctrl-A x, signal */
    SHUTDOWN_GUEST_PANIC,
} ShutdownCause;

void qemu_system_shutdown_request(ShutdownCause cause);
void qemu_system_reset_request(void);
/* Semihosting SYS_EXIT: the process exits with this status once the loop unwinds. */
void qemu_system_exit_request(int status);
/* Pause or resume the CPU (monitor stop/cont, gdbstub). */
void runloop_set_paused(bool paused);
bool runloop_is_paused(void);
/* Hooks polled between TB batches (gdbstub, monitor). */
typedef void RunloopPollFn(void *opaque);
void runloop_add_poll(RunloopPollFn *fn, void *opaque);
/* Run until shutdown; returns the process exit status. */
int runloop_run(bool no_reboot, bool no_shutdown);
/* Board reset callback set by the machine. */
void runloop_set_reset_handler(void (*fn)(void *opaque), void *opaque);

#endif
