/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysinsn.h: SYS-space instructions (op0 = 1): DC, IC, AT, TLBI, with their trap rules. */
#ifndef TARGET_ARM_SYSINSN_H
#define TARGET_ARM_SYSINSN_H
#include <stdint.h>
#include "cpu.h"

/* Execute SYS encoding `enc` (op0=1 packing of sysreg.h) with Xt value; raises on UNDEF/trap. */
void sysinsn_exec(CPUARMState *env, uint32_t enc, int rt, uint64_t xt);

#endif
