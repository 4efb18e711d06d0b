/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gdbstub.h: the GDB remote serial protocol server (-s, -gdb tcp::PORT). */
#ifndef SYSTEM_GDBSTUB_H
#define SYSTEM_GDBSTUB_H
#include <stdbool.h>
#include <stdint.h>
#include "hw/arm/virt.h"
#include "system/options.h"

int gdbstub_start(const GranuleOptions *opts, VirtMachine *vm);
/* For the translator: is there a breakpoint at this virtual address? */
bool gdb_breakpoint_at(uint64_t pc);
bool gdb_has_breakpoints(void);

#endif
