/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-ldst.c: runtime helpers for the load/store translator (trans-ldst.c). */
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
