/* SPDX-License-Identifier: BSD-3-Clause */
/* mmu.c: programs the translation registers and enables the MMU at EL1, EL2 or EL3. */
#include <stdint.h>
#include <arch/barrier.h>
#include <arch/cache.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <lib/bits.h>
#include <lib/xlat.h>

/*
 * Same sequence in every regime, only the register names differ (they are part of the
 * instruction, hence a macro): tables and attributes first, then invalidate stale TLB entries,
 * and only after that set SCTLR.M, with ISBs so each step is seen by the next (Arm ARM D8.16).
 */
#define MMU_PROGRAM(el, tlbi_op, ctx, tcr) do { \
        write_sysreg(xlat_mair_value(), MAIR_##el); \
        write_sysreg(tcr, TCR_##el); \
        write_sysreg(xlat_root_pa(ctx), TTBR0_##el); \
        isb(); \
        __asm__ volatile("tlbi " tlbi_op : : : "memory"); \
        dsb(ish); \
        isb(); \
        write_sysreg(read_sysreg(SCTLR_##el) | SCTLR_M | SCTLR_C | SCTLR_I, SCTLR_##el); \
    } while (0)

int mmu_enable(const struct xlat_ctx *ctx)
{
    uint64_t tcr;
    unsigned int el = current_el();

    if (!ctx || !ctx->root) {
        return XLAT_EINVAL;
    }
    if ((ctx->regime == XLAT_REGIME_EL3 && el != 3) ||
        (ctx->regime == XLAT_REGIME_EL2 && el != 2) ||
        (ctx->regime == XLAT_REGIME_EL1 && el != 1)) {
        return XLAT_EINVAL;
    }
    /* TCR_EL2 has the EL1-like two-range layout when HCR_EL2.E2H is set (Arm ARM D8.1.2);
     * this code programs the one-range layout only. */
    if (ctx->regime == XLAT_REGIME_EL2 && (read_sysreg(HCR_EL2) & BIT(34))) {
        return XLAT_EINVAL;
    }
    if (FIELD_GET(read_sysreg(ID_AA64MMFR0_EL1), ID_AA64MMFR0_TGRAN4_SHIFT, 4) == 0xf) {
        return XLAT_EINVAL;     /* 4KB granule not implemented */
    }
    tcr = mmu_tcr_value(ctx->regime, read_sysreg(ID_AA64MMFR0_EL1));
    /* The walker may read memory written with the MMU and caches off; stale lines must not
     * shadow it (Arm ARM D8.2.5). */
    dcache_clean_inval_range(ctx->pool, ctx->used_tables * XLAT_GRANULE);
    switch (ctx->regime) {
    case XLAT_REGIME_EL3:
        MMU_PROGRAM(EL3, "alle3", ctx, tcr);
        break;
    case XLAT_REGIME_EL2:
        MMU_PROGRAM(EL2, "alle2", ctx, tcr);
        break;
    default:
        MMU_PROGRAM(EL1, "vmalle1", ctx, tcr);
        break;
    }
    isb();
    return XLAT_OK;
}
