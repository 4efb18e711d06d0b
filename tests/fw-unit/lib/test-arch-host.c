/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-arch-host.c: the host system-register store and the TCR value checked field by field. */
#include <stdint.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include "fwtest.h"

static void test_store(void)
{
    host_sysreg_reset();
    CHECK(read_sysreg(SCTLR_EL2) == 0, "unwritten register reads 0");
    write_sysreg(0x30c50838, SCTLR_EL2);
    write_sysreg(UINT64_C(0xffff000012345000), TTBR0_EL2);
    CHECK(read_sysreg(SCTLR_EL2) == 0x30c50838, "register keeps its value");
    CHECK(read_sysreg(TTBR0_EL2) == UINT64_C(0xffff000012345000), "64-bit value");
    CHECK(read_sysreg(TTBR0_EL3) == 0, "registers are separate");
    /* CurrentEL.EL is bits [3:2]. */
    write_sysreg(2u << 2, CurrentEL);
    CHECK(current_el() == 2, "current_el from CurrentEL");
    host_sysreg_reset();
    CHECK(read_sysreg(SCTLR_EL2) == 0 && current_el() == 0, "reset forgets everything");
}

/* Field by field from the TCR_EL3/TCR_EL2 (E2H = 0) and TCR_EL1 descriptions (Arm ARM D23.2). */
static void test_tcr(void)
{
    static const enum xlat_regime regimes[] = {
        XLAT_REGIME_EL3, XLAT_REGIME_EL2, XLAT_REGIME_EL1,
    };

    for (unsigned int r = 0; r < 3; r++) {
        for (uint64_t parange = 0; parange < 16; parange++) {
            /* Other ID fields set, to show they do not leak into the result. */
            uint64_t mmfr0 = parange | UINT64_C(0xfffffff0);
            uint64_t tcr = mmu_tcr_value(regimes[r], mmfr0);
            uint64_t want_ps = parange > 5 ? 5 : parange;
            uint64_t known = 0x3f | (3u << 8) | (3u << 10) | (3u << 12) | (3u << 14);

            CHECK((tcr & 0x3f) == 16, "T0SZ = 64 - 48");
            CHECK(((tcr >> 8) & 3) == 1 && ((tcr >> 10) & 3) == 1, "walks write-back cacheable");
            CHECK(((tcr >> 12) & 3) == 3, "walks inner shareable");
            CHECK(((tcr >> 14) & 3) == 0, "TG0 = 4KB");
            if (regimes[r] == XLAT_REGIME_EL1) {
                CHECK(((tcr >> 32) & 7) == want_ps, "IPS for PARange %llu",
                      (unsigned long long)parange);
                CHECK((tcr >> 23) & 1, "EPD1: no TTBR1 walks");
                CHECK(((tcr >> 16) & 0x3f) == 16 && ((tcr >> 30) & 3) == 2,
                      "T1SZ and TG1 (4KB = 0b10) valid although unused");
                known |= (UINT64_C(7) << 32) | (UINT64_C(1) << 23) | (UINT64_C(0x3f) << 16) |
                         (UINT64_C(3) << 30);
            } else {
                CHECK(((tcr >> 16) & 7) == want_ps, "PS for PARange %llu",
                      (unsigned long long)parange);
                CHECK(((tcr >> 31) & 1) && ((tcr >> 23) & 1), "RES1 bits 31 and 23");
                known |= (UINT64_C(7) << 16) | (UINT64_C(1) << 31) | (UINT64_C(1) << 23);
            }
            CHECK((tcr & ~known) == 0, "no other field set: 0x%llx", (unsigned long long)tcr);
        }
    }
}

int main(void)
{
    test_store();
    test_tcr();
    return fwtest_report("fw-lib-arch-host");
}
