/* SPDX-License-Identifier: BSD-3-Clause */
/* mmu.c: programs the translation registers and enables the MMU at EL1, EL2 or EL3. */
#include <stdint.h>
#include <arch/barrier.h>
#include <arch/cache.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <lib/bits.h>
#include <lib/xlat.h>

/* TCR fields for the TTBR0 range (Arm ARM D23.2.165 TCR_EL3, D23.2.163 TCR_EL2, TCR_EL1). */
#define TCR_T0SZ(va_bits)   ((uint64_t)(64 - (va_bits)))
#define TCR_IRGN0_WBWA      FIELD_PREP(1, 8, 2)
#define TCR_ORGN0_WBWA      FIELD_PREP(1, 10, 2)
#define TCR_SH0_INNER       FIELD_PREP(3, 12, 2)
#define TCR_TG0_4K          FIELD_PREP(0, 14, 2)
#define TCR_EL23_RES1       (BIT(31) | BIT(23))
#define TCR_EL23_PS_SHIFT   16
#define TCR_EL1_EPD1        BIT(23)
#define TCR_EL1_IPS_SHIFT   32

uint64_t mmu_tcr_value(enum xlat_regime regime, uint64_t id_aa64mmfr0)
{
    /* The output size field takes the PARange encoding, capped at 48 bits (0b101) because the
     * descriptors are the 48-bit-OA format. */
    uint64_t ps = FIELD_GET(id_aa64mmfr0, ID_AA64MMFR0_PARANGE_SHIFT, 4);
    uint64_t tcr = TCR_T0SZ(XLAT_VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER |
                   TCR_TG0_4K;

    if (ps > 5) {
        ps = 5;
    }
    if (regime == XLAT_REGIME_EL1) {
        /* No TTBR1 range: walks for upper addresses fault instead of using a stale TTBR1. */
        return tcr | TCR_EL1_EPD1 | FIELD_PREP(ps, TCR_EL1_IPS_SHIFT, 3);
    }
    return tcr | TCR_EL23_RES1 | FIELD_PREP(ps, TCR_EL23_PS_SHIFT, 3);
}

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
