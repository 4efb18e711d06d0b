/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-features.h: feature predicates read from the ID registers, so that what the CPU advertises
 * and what the translator accepts can never disagree. */
#ifndef TARGET_ARM_CPU_FEATURES_H
#define TARGET_ARM_CPU_FEATURES_H
#include "cpu.h"

static inline unsigned id_field(uint64_t reg, int shift)
{
    return (reg >> shift) & 0xf;
}

static inline bool isar_aa64_crc32(const ArmCpuFeatures *f) { return id_field(f->id_aa64isar0, 16) >= 1; }
static inline bool isar_aa64_atomics(const ArmCpuFeatures *f) { return id_field(f->id_aa64isar0, 20) >= 2; }
static inline bool isar_aa64_rcpc(const ArmCpuFeatures *f) { return id_field(f->id_aa64isar1, 20) >= 1; }
static inline bool isar_aa64_rcpc2(const ArmCpuFeatures *f) { return id_field(f->id_aa64isar1, 20) >= 2; }
static inline bool isar_aa64_sb(const ArmCpuFeatures *f) { return id_field(f->id_aa64isar1, 36) >= 1; }
static inline bool isar_aa64_pan(const ArmCpuFeatures *f) { return id_field(f->id_aa64mmfr1, 20) >= 1; }
static inline bool isar_aa64_uao(const ArmCpuFeatures *f) { return id_field(f->id_aa64mmfr2, 4) >= 1; }
static inline bool isar_aa64_vh(const ArmCpuFeatures *f) { return id_field(f->id_aa64mmfr1, 8) >= 1; }
static inline bool isar_aa64_ssbs(const ArmCpuFeatures *f) { return id_field(f->id_aa64pfr1, 4) >= 1; }
static inline bool isar_aa64_dit(const ArmCpuFeatures *f) { return id_field(f->id_aa64pfr0, 48) >= 1; }
/* ID_AA64ISAR0_EL1.TLB [59:56]: 1 FEAT_TLBIOS (Outer Shareable TLBI), 2 also FEAT_TLBIRANGE */
static inline bool isar_aa64_tlbios(const ArmCpuFeatures *f) { return id_field(f->id_aa64isar0, 56) >= 1; }
static inline bool isar_aa64_tlbirange(const ArmCpuFeatures *f) { return id_field(f->id_aa64isar0, 56) >= 2; }
static inline bool isar_aa64_sel2(const ArmCpuFeatures *f) { return id_field(f->id_aa64pfr0, 36) >= 1; }
/* RME: FEAT_RME (ID_AA64PFR0_EL1.RME, bits [55:52]) */
static inline bool isar_aa64_rme(const ArmCpuFeatures *f) { return id_field(f->id_aa64pfr0, 52) >= 1; }
static inline bool isar_aa64_fp(const ArmCpuFeatures *f) { return id_field(f->id_aa64pfr0, 16) != 0xf; }

#endif
