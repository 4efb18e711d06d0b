/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc-trace.h: RME observability: -d rmi / -d rsi decoding of SMC calls and their results, and
 * the monitor commands "info gpt" and "info pas". */
#ifndef TARGET_ARM_GPC_TRACE_H
#define TARGET_ARM_GPC_TRACE_H
#include <stddef.h>
#include <stdint.h>
#include "cpu.h"

/* Called by the SMC helper for every SMC that is not UNDEFINED (before trapping or taking it):
 * logs RMI calls from Non-secure EL2 and RSI calls from Realm EL1 when -d rmi / -d rsi is on. */
void gpc_trace_smc(CPUARMState *env);
/* Called after every ERET: when it resumes a caller whose call was logged, logs the results. */
void gpc_trace_eret(CPUARMState *env);
/* Name of an RMI (1.0) or RSI (1.0) function ID, or NULL. */
const char *gpc_rmi_rsi_name(uint32_t fid, int *nargs);

/* Format the GPT of a configuration as merged PA ranges ("info gpt"), one line per range, into
 * a callback (used by the monitor and the unit tests). */
typedef void GpcPrintFn(void *opaque, const char *line);
struct GpcConfig;
void gpc_dump_gpt(const struct GpcConfig *cfg, bool (*read)(void *, uint64_t, uint64_t *),
                  void *opaque, GpcPrintFn *print, void *print_opaque);

#endif
