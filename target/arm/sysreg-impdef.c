/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-impdef.c: the IMPLEMENTATION DEFINED registers of -cpu cortex-a53/a57/a72 that firmware
 * touches at reset (TF-A's cortex_a5x reset functions: SMPEN, errata workarounds). Encodings and
 * access from the register summaries of the Cortex-A53 TRM (DDI 0500, 4.2.x "AArch64
 * IMPLEMENTATION DEFINED registers"), Cortex-A57 TRM (DDI 0488, Table 4-15) and Cortex-A72 TRM
 * (DDI 0555): EL1 and above, read/write, common to both Security states. `-cpu max` is a
 * generic Armv8 CPU and has none of them (UNDEFINED). Reset values are 0 as on Debian's QEMU
 * 7.2 (the TRMs give some non-zero L2/prefetch fields that no software relies on); L2CTLR_EL1
 * [25:24] is the read-only number of cores minus one (the board has one). Not modelled: the
 * ACTLR_EL3/ACTLR_EL2 write-access enables for EL1/EL2 writes, and any effect of the bits. */
#include <string.h>
#include "sysreg.h"

static SysregAccess a5x_only(CPUARMState *env, const ArmSysReg *r, bool isread)
{
    const char *m = env->features.model;

    (void)r;
    (void)isread;
    return m && (!strcmp(m, "cortex-a53") || !strcmp(m, "cortex-a57") ||
                 !strcmp(m, "cortex-a72")) ? SR_ACCESS_OK : SR_ACCESS_UNDEF;
}

#define IMPDEF(name, crn, crm, op2, idx, mask) \
    { name, SR_ENC(3, 1, crn, crm, op2), SR_EL1_RW, 0, SR_FIELD(impdef[idx]), 0, mask, NULL, \
      NULL, a5x_only }

#define L2CTLR_NUM_CPUS (3ull << 24)   /* read-only: cores - 1 */

static const ArmSysReg impdef_regs[] = {
    IMPDEF("L2CTLR_EL1", 11, 0, 2, 0, 0xffffffffull & ~L2CTLR_NUM_CPUS),
    IMPDEF("L2ECTLR_EL1", 11, 0, 3, 1, 0xffffffffull),
    IMPDEF("L2ACTLR_EL1", 15, 0, 0, 2, 0xffffffffull),
    IMPDEF("CPUACTLR_EL1", 15, 2, 0, 3, ~0ull),
    IMPDEF("CPUECTLR_EL1", 15, 2, 1, 4, ~0ull),
    IMPDEF("CPUMERRSR_EL1", 15, 2, 2, 5, ~0ull),
    IMPDEF("L2MERRSR_EL1", 15, 2, 3, 6, ~0ull),
};

void sysreg_init_impdef(void)
{
    sysreg_register(impdef_regs, sizeof(impdef_regs) / sizeof(impdef_regs[0]));
}
