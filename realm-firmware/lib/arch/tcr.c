/* SPDX-License-Identifier: BSD-3-Clause */
/* tcr.c: the TCR_ELx value for tables built by lib/xlat (48-bit VA, 4KB granule, TTBR0). */
#include <stdint.h>
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
#define TCR_EL1_T1SZ(bits)  FIELD_PREP(64 - (bits), 16, 6)
#define TCR_EL1_TG1_4K      FIELD_PREP(2, 30, 2)
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
        /* No TTBR1 range: walks for upper addresses fault instead of using a stale TTBR1.  T1SZ
         * and TG1 still get valid values so that nothing is CONSTRAINED UNPREDICTABLE. */
        return tcr | TCR_EL1_EPD1 | TCR_EL1_T1SZ(XLAT_VA_BITS) | TCR_EL1_TG1_4K |
               FIELD_PREP(ps, TCR_EL1_IPS_SHIFT, 3);
    }
    return tcr | TCR_EL23_RES1 | FIELD_PREP(ps, TCR_EL23_PS_SHIFT, 3);
}
