/* SPDX-License-Identifier: BSD-3-Clause */
/* mmu.h: turn on stage-1 translation at the current EL with tables from lib/xlat. */
#ifndef FW_ARCH_MMU_H
#define FW_ARCH_MMU_H
#include <stdint.h>
#include <lib/xlat.h>

/*
 * Program MAIR, TCR and TTBR0 of ctx's regime and set SCTLR_ELx.{M,C,I}.  The regime must be
 * that of the current EL (EL1 for XLAT_REGIME_EL1) and the tables must identity-map the code
 * that is running.  Returns XLAT_EINVAL without touching anything otherwise.
 */
int mmu_enable(const struct xlat_ctx *ctx);

/* The TCR_ELx value mmu_enable would program, for inspection and tests. */
uint64_t mmu_tcr_value(enum xlat_regime regime, uint64_t id_aa64mmfr0);

#endif
