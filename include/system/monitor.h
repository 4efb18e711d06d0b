/* SPDX-License-Identifier: GPL-2.0-or-later */
/* monitor.h: the human monitor: output, command execution and extension points. */
#ifndef SYSTEM_MONITOR_H
#define SYSTEM_MONITOR_H
#include "hw/arm/virt.h"
#include "system/options.h"

void monitor_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void monitor_execute(const char *line);
void monitor_dump_registers(CPUARMState *env);
/* "info NAME ARGS": registered by subsystems (RME: info gpt, info pas). */
typedef void MonitorInfoFn(CPUARMState *env, const char *args);
void monitor_register_info(const char *name, const char *help, MonitorInfoFn *fn);
int monitor_start(const GranuleOptions *opts, VirtMachine *vm);

#endif
