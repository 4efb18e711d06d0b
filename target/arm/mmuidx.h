/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mmuidx.h: MMU indexes: one softmmu TLB per translation regime, access privilege and security
 * state, so that no TLB entry is ever shared across regimes or worlds (RME: TLB entries are tagged
 * by security state). */
#ifndef TARGET_ARM_MMUIDX_H
#define TARGET_ARM_MMUIDX_H
#include <stdbool.h>
#include "exec/memory.h"

/* Regime kinds inside one security state (Arm ARM D8.1.2 "Translation regimes"). */
typedef enum ArmMmuKind {
    MMUK_E10_0 = 0,     /* EL1&0 regime, EL0 (and LDTR/STTR at EL1) */
    MMUK_E10_1,         /* EL1&0 regime, EL1 */
    MMUK_E10_1_PAN,     /* EL1&0 regime, EL1 with PSTATE.PAN = 1 */
    MMUK_E20_0,         /* EL2&0 regime (HCR_EL2.{E2H,TGE} = {1,1}), EL0 */
    MMUK_E20_2,         /* EL2&0 regime, EL2 */
    MMUK_E20_2_PAN,     /* EL2&0 regime, EL2 with PSTATE.PAN = 1 */
    MMUK_E2,            /* EL2 regime (HCR_EL2.E2H = 0) */
    MMUK_PER_SPACE,
} ArmMmuKind;

/* Index = slot * MMUK_PER_SPACE + kind for Secure (slot 0), Non-secure (1) and Realm (2); the EL3
 * regime (Root with RME, Secure without) has the last index. */
#define ARM_MMU_IDX_E3   (3 * MMUK_PER_SPACE)
#define ARM_MMU_IDX_COUNT (ARM_MMU_IDX_E3 + 1)

typedef enum ArmRegime { REGIME_E10, REGIME_E20, REGIME_E2, REGIME_E3 } ArmRegime;

static inline int arm_mmu_idx_make(ArmSecuritySpace space, ArmMmuKind kind)
{
    int slot = space == ARMSS_REALM ? 2 : space == ARMSS_NONSECURE ? 1 : 0;
    return slot * MMUK_PER_SPACE + (int)kind;
}

static inline ArmMmuKind arm_mmu_idx_kind(int idx)
{
    return (ArmMmuKind)(idx % MMUK_PER_SPACE);
}

/* Security state of a non-EL3 index. */
static inline ArmSecuritySpace arm_mmu_idx_space(int idx)
{
    static const ArmSecuritySpace slots[3] = { ARMSS_SECURE, ARMSS_NONSECURE, ARMSS_REALM };
    return slots[idx / MMUK_PER_SPACE];
}

static inline ArmRegime arm_mmu_idx_regime(int idx)
{
    if (idx == ARM_MMU_IDX_E3) {
        return REGIME_E3;
    }
    switch (arm_mmu_idx_kind(idx)) {
    case MMUK_E10_0: case MMUK_E10_1: case MMUK_E10_1_PAN:
        return REGIME_E10;
    case MMUK_E20_0: case MMUK_E20_2: case MMUK_E20_2_PAN:
        return REGIME_E20;
    default:
        return REGIME_E2;
    }
}

/* The access is unprivileged (EL0 permissions). */
static inline bool arm_mmu_idx_is_user(int idx)
{
    return idx != ARM_MMU_IDX_E3 &&
           (arm_mmu_idx_kind(idx) == MMUK_E10_0 || arm_mmu_idx_kind(idx) == MMUK_E20_0);
}

static inline bool arm_mmu_idx_pan(int idx)
{
    return idx != ARM_MMU_IDX_E3 &&
           (arm_mmu_idx_kind(idx) == MMUK_E10_1_PAN || arm_mmu_idx_kind(idx) == MMUK_E20_2_PAN);
}

/* Bitmap of the indexes of one regime in one security state (for TLB maintenance). */
static inline unsigned arm_mmu_idxmap_regime(ArmSecuritySpace space, ArmRegime r)
{
    int base = arm_mmu_idx_make(space, MMUK_E10_0);
    switch (r) {
    case REGIME_E10:
        return 7u << base;
    case REGIME_E20:
        return 7u << (base + MMUK_E20_0);
    case REGIME_E2:
        return 1u << (base + MMUK_E2);
    default:
        return 1u << ARM_MMU_IDX_E3;
    }
}

#endif
