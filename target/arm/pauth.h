/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pauth.h: FEAT_PAuth (pointer authentication). The QARMA5 cipher of the architected PAC
 * algorithm (pauth-qarma.c, no CPU state: host unit tests link it alone) and the runtime side
 * of the PAC*, AUT*, XPAC*, PACGA instructions and their combined branch/load/ERET forms
 * (pauth.c). */
#ifndef TARGET_ARM_PAUTH_H
#define TARGET_ARM_PAUTH_H
#include <stdbool.h>
#include <stdint.h>
#include "cpu.h"
#include "cpu-features.h"

/* Arm ARM J1.1.3 ComputePACQARMA with isqarma3 = FALSE (FEAT_PACQARMA5): the PAC of `data`
 * with tweak `modifier`; key0 is K<127:64> (APxKeyHi_EL1), key1 is K<63:0> (APxKeyLo_EL1). */
uint64_t pauth_computepac_qarma5(uint64_t data, uint64_t modifier, uint64_t key0, uint64_t key1);

/* The cipher's building blocks, exported for the unit test (inverse pairs; PACMult is its
 * own inverse). */
uint64_t pauth_cell_shuffle(uint64_t x);
uint64_t pauth_cell_inv_shuffle(uint64_t x);
uint64_t pauth_tweak_shuffle(uint64_t x);
uint64_t pauth_tweak_inv_shuffle(uint64_t x);
uint64_t pauth_sub(uint64_t x);
uint64_t pauth_inv_sub(uint64_t x);
uint64_t pauth_mult(uint64_t x);

/* Key numbers, the order of env->apkey[] and of the instructions' key fields. */
enum { PAUTH_KEY_IA = 0, PAUTH_KEY_IB = 1, PAUTH_KEY_DA = 2, PAUTH_KEY_DB = 3, PAUTH_KEY_GA = 4 };

/* FEAT_PAuth is advertised: ID_AA64ISAR1_EL1.{APA,API,GPA,GPI} or ISAR2.{APA3,GPA3} non-zero. */
static inline bool isar_aa64_pauth(const ArmCpuFeatures *f)
{
    return id_field(f->id_aa64isar1, 4) || id_field(f->id_aa64isar1, 8) ||
           id_field(f->id_aa64isar1, 24) || id_field(f->id_aa64isar1, 28) ||
           id_field(f->id_aa64isar2, 12) || id_field(f->id_aa64isar2, 8);
}

#endif
