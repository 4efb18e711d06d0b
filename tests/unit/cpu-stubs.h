/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-stubs.h: what the unit tests' CPU stand-in records. */
#ifndef TESTS_UNIT_CPU_STUBS_H
#define TESTS_UNIT_CPU_STUBS_H
#include "cpu.h"

/* CPU_INTERRUPT_* lines asserted on the CPU the devices drove last (each CPU also has them in
 * its interrupt_request). */
extern uint32_t stub_cpu_lines;
extern int stub_line_calls;

#endif
