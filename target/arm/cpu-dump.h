/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-dump.h: text dump of the CPU registers (monitor, -d cpu, -d cpu_reset). */
#ifndef TARGET_ARM_CPU_DUMP_H
#define TARGET_ARM_CPU_DUMP_H
#include <stdbool.h>
#include <stddef.h>
#include "cpu.h"

/* Formats into buf (always NUL-terminated when len > 0); returns the length it needed. */
size_t arm_cpu_format_state(const CPUARMState *env, char *buf, size_t len, bool fpu);

#endif
