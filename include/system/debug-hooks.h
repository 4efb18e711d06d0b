/* SPDX-License-Identifier: GPL-2.0-or-later */
/* debug-hooks.h: start the monitor and the gdbstub the command line asked for. */
#ifndef SYSTEM_DEBUG_HOOKS_H
#define SYSTEM_DEBUG_HOOKS_H
#include "hw/arm/virt.h"
#include "system/options.h"

/* Returns -1 after printing one error line (e.g. the gdb port is in use). */
int debug_hooks_start(const GranuleOptions *opts, VirtMachine *vm);

#endif
