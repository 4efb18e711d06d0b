/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg-rme.c: RME: the GPC configuration registers GPCCR_EL3, GPTBR_EL3 and MFAR_EL3
 * (Arm ARM D23.2 and the RME supplement). UNDEFINED without FEAT_RME. */
#include "exec/cputlb.h"
#include "cpu.h"
#include "sysreg.h"

/* GPCCR_EL3: L0GPTSZ (bits [23:20]) is read-only and reports the CPU's level-0 GPT size;
 * writable fields are PPS [2:0], IRGN [9:8], ORGN [11:10], SH [13:12], PGS [15:14], GPC [16],
 * GPCP [17]. Any write may change every GPC result cached in the TLB: flush it. */
static void gpccr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    uint64_t mask = 0x7ull | 0x3ull << 8 | 0x3ull << 10 | 0x3ull << 12 | 0x3ull << 14 |
                    1ull << 16 | 1ull << 17;
    env->gpccr_el3 = v & mask;
}

static uint64_t gpccr_read(CPUARMState *env, const ArmSysReg *r)
{
    return env->gpccr_el3 | ((uint64_t)(env->features.gpccr_l0gptsz - 30) << 20);
}

static const ArmSysReg rme_regs[] = {
    { "GPCCR_EL3", SR_ENC(3, 6, 2, 1, 6), SR_EL3_RW, SR_NEEDS_RME | SR_FLUSH_TLB,
      SR_FIELD(gpccr_el3), 0, 0, gpccr_read, gpccr_write },
    /* GPTBR_EL3.BADDR is bits [39:0] (PA[51:12]) */
    { "GPTBR_EL3", SR_ENC(3, 6, 2, 1, 4), SR_EL3_RW, SR_NEEDS_RME | SR_FLUSH_TLB,
      SR_FIELD(gptbr_el3), 0, 0xffffffffffull },
    { "MFAR_EL3", SR_ENC(3, 6, 6, 0, 5), SR_EL3_RW, SR_NEEDS_RME, SR_FIELD(mfar_el3), 0,
      (0xffffffffffull << 12) | (3ull << 62) },
};

void sysreg_init_rme(void)
{
    sysreg_register(rme_regs, sizeof(rme_regs) / sizeof(rme_regs[0]));
}
