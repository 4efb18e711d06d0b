/* SPDX-License-Identifier: GPL-2.0-or-later */
/* debug-hooks.c: where the monitor and gdbstub are started; they register their own pollers. */
#include <stdio.h>
#include "system/debug-hooks.h"

/* Provided by system/monitor.c and system/gdbstub.c when they are built in. */
__attribute__((weak)) int monitor_start(const GranuleOptions *opts, VirtMachine *vm)
{
    (void)opts;
    (void)vm;
    return 0;
}

__attribute__((weak)) int gdbstub_start(const GranuleOptions *opts, VirtMachine *vm)
{
    if (opts->gdb) {
        fprintf(stderr, "qemu-system-aarch64: -gdb: the gdbstub is not built in\n");
        return -1;
    }
    return 0;
}

int debug_hooks_start(const GranuleOptions *opts, VirtMachine *vm)
{
    if (monitor_start(opts, vm) < 0 || gdbstub_start(opts, vm) < 0) {
        return -1;
    }
    return 0;
}
