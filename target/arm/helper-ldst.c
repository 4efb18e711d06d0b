/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-ldst.c: runtime helpers for the load/store translator (trans-ldst.c), and TBL/TBX. */
#include <string.h>
#include "exec/cputlb.h"
#include "cpu.h"
#include "helper.h"

/* Alignment fault on addr (Arm ARM AArch64.Abort with AlignmentFault), for the checks a single
 * access's MemOp cannot express: 16-byte quantities made of two accesses, and store-exclusives,
 * whose check comes before the monitor test (AArch64.ExclusiveMonitorsPass).
 * a0 = address, a1 = is_write | mmu_idx << 8. */
DEF_HELPER_FN(alignment_fault)
{
    CPUARMState *env = env_;

    arm_cpu_do_unaligned_access(env, a0, (a1 & 1) ? MMU_DATA_STORE : MMU_DATA_LOAD,
                                (int)(a1 >> 8));
    return 0;
}

/* TBL/TBX (Arm ARM C7.2.345, C7.2.346): a0 = rd | rn << 5 | rm << 10 | len << 15 | q << 17 |
 * tbx << 18. The table is V[rn]..V[rn+len] (modulo 32); an index past its end gives 0 (TBL)
 * or leaves the destination byte (TBX). The helper only touches env->vregs. */
DEF_HELPER_FN(simd_tbl)
{
    CPUARMState *env = env_;
    unsigned rd = a0 & 31, rn = (a0 >> 5) & 31, rm = (a0 >> 10) & 31;
    unsigned nregs = ((a0 >> 15) & 3) + 1, bytes = (a0 >> 17) & 1 ? 16 : 8;
    bool tbx = (a0 >> 18) & 1;
    uint8_t table[64], idx[16], res[16];

    for (unsigned r = 0; r < nregs; r++) {
        memcpy(table + 16 * r, env->vregs[(rn + r) % 32], 16);
    }
    memcpy(idx, env->vregs[rm], 16);
    memcpy(res, env->vregs[rd], 16);
    for (unsigned i = 0; i < bytes; i++) {
        if (idx[i] < 16 * nregs) {
            res[i] = table[idx[i]];
        } else if (!tbx) {
            res[i] = 0;
        }
    }
    if (bytes == 8) {
        memset(res + 8, 0, 8);
    }
    memcpy(env->vregs[rd], res, 16);
    return 0;
}
