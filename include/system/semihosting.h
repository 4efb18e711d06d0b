/* SPDX-License-Identifier: GPL-2.0-or-later */
/* semihosting.h: Arm semihosting (HLT #0xF000 in A64): host file, console and exit calls. */
#ifndef SYSTEM_SEMIHOSTING_H
#define SYSTEM_SEMIHOSTING_H
#include <stdbool.h>

struct CPUARMState;

typedef struct SemihostingConfig {
    bool enabled;
    bool userspace;          /* also from EL0 */
    int argc;
    char **argv;             /* for SYS_GET_CMDLINE */
} SemihostingConfig;

extern SemihostingConfig semihosting;

/* Perform the call in W0/X1 and write the result to X0; env->pc is the HLT instruction. */
void semihosting_call(struct CPUARMState *env);

#endif
