/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-models.c: ID register values of each -cpu model. Only what Granule implements is
 * advertised: AArch64 at every EL (no AArch32), CRC32, and for `max` LSE atomics, LRCPC, PAuth, PAN,
 * UAO, SSBS, the Cryptographic Extension (AES, PMULL, SHA1, SHA256, SHA512, SHA3) and (with
 * x-rme=on) RME. */
#include <stdio.h>
#include <string.h>
#include "cpu.h"

typedef struct CpuModel {
    const char *name;
    uint64_t midr;
    bool v81;      /* LSE, PAN, ... */
} CpuModel;

static const CpuModel models[] = {
    { "max", 0x000f0510, true },          /* "Arm, implementation-defined part" as QEMU's max */
    { "cortex-a53", 0x410fd034, false },
    { "cortex-a57", 0x411fd070, false },
    { "cortex-a72", 0x410fd083, false },
};

const char *const arm_cpu_model_names[] = { "max", "cortex-a53", "cortex-a57", "cortex-a72", NULL };

bool arm_cpu_model_features(const char *name, bool rme, int l0gptsz, bool has_el2, bool has_el3,
                            ArmCpuFeatures *f)
{
    const CpuModel *m = NULL;

    for (size_t i = 0; i < sizeof(models) / sizeof(models[0]); i++) {
        if (strcmp(models[i].name, name) == 0) {
            m = &models[i];
        }
    }
    if (!m) {
        return false;
    }
    memset(f, 0, sizeof(*f));
    f->model = m->name;
    f->midr = m->midr;
    f->mpidr = 0x80000000ull;          /* RES1 bit 31, Aff0 = 0: CPU 0 */
    f->ctr = 0x8444c004ull;            /* 64-byte lines, PIPT I-cache (as Cortex-A57) */
    f->dczid = 0x4;                    /* DC ZVA zeroes 64 bytes */
    f->clidr = 0x0a200023ull;
    f->has_el2 = has_el2;
    f->has_el3 = has_el3;
    f->has_rme = rme;
    /* ID_AA64PFR0_EL1: EL0..EL3 AArch64 only (1), FP and AdvSIMD 0 (implemented: register file,
     * loads/stores and moves; arithmetic arrives later and logs -d unimp), GIC system registers. */
    f->id_aa64pfr0 = 0x1ull | 0x1ull << 4 | (has_el2 ? 0x1ull << 8 : 0) |
                     (has_el3 ? 0x1ull << 12 : 0) | 0x0ull << 16 | 0x0ull << 20 | 0x1ull << 24;
    if (rme) {
        f->id_aa64pfr0 |= 0x1ull << 52;   /* RME: FEAT_RME */
        f->gpccr_l0gptsz = l0gptsz;
    }
    /* ID_AA64ISAR0_EL1: CRC32 (all three models have it; FEAT_CRC32 is mandatory from v8.1) */
    f->id_aa64isar0 = 0x1ull << 16;
    /* ID_AA64MMFR0_EL1: PARange 48 bits (5), ASIDBits 16 (2), SNSMem (1), TGran4 yes (0),
     * TGran16 yes (1), TGran64 yes (0), TGran4_2/16_2/64_2 = as stage 1 (0): all three
     * granules are walked by target/arm/ptw.c. */
    f->id_aa64mmfr0 = 0x5ull | 0x2ull << 4 | 0x1ull << 12 | 0x1ull << 20;
    f->id_aa64mmfr1 = 0x2ull << 4;     /* VMIDBits 16 */
    if (m->v81) {
        f->id_aa64isar0 |= 0x2ull << 20;          /* Atomic: FEAT_LSE */
        f->id_aa64isar1 |= 0x2ull << 20;          /* LRCPC: LDAPR, LDAPUR/STLUR (FEAT_LRCPC2) */
        /* APA = 1, GPA = 1: FEAT_PAuth with the QARMA5 algorithm, no PAuth2/FPAC (as QEMU 7.2's
         * max; target/arm/pauth.c) */
        f->id_aa64isar1 |= 0x1ull << 4 | 0x1ull << 24;
        f->id_aa64isar0 |= 0x2ull << 52;          /* TS: FEAT_FlagM and FlagM2 */
        f->id_aa64isar0 |= 0x2ull << 56;          /* TLB: FEAT_TLBIOS and FEAT_TLBIRANGE */
        /* Cryptographic Extension (crypto-helper.c, trans-crypto.c): AES 2 (FEAT_AES and
         * FEAT_PMULL), SHA1 1, SHA2 2 (FEAT_SHA256 and FEAT_SHA512), SHA3 1 (EOR3, RAX1, XAR,
         * BCAX). SM3 and SM4 stay 0. */
        f->id_aa64isar0 |= 0x2ull << 4 | 0x1ull << 8 | 0x2ull << 12 | 0x1ull << 32;
        f->id_aa64mmfr1 |= 0x1ull << 16;          /* LO: FEAT_LOR, LORID_EL1 reports no regions */
        f->id_aa64mmfr1 |= 0x1ull << 20;          /* PAN */
        f->id_aa64mmfr1 |= 0x1ull << 8;           /* VH: FEAT_VHE (EL2&0 regime, redirection) */
        f->id_aa64mmfr2 |= 0x1ull << 4;           /* UAO */
        f->id_aa64pfr1 |= 0x1ull << 4;            /* SSBS (PSTATE.SSBS, no MSR SSBS imm) */
        f->id_aa64pfr0 |= 0x1ull << 48;           /* DIT: PSTATE.DIT (timing is data-independent) */
        if (has_el2 && has_el3) {
            f->id_aa64pfr0 |= 0x1ull << 36;       /* SEL2: Secure EL2 (SCR_EL3.EEL2, VSTTBR_EL2) */
        }
    }
    f->id_aa64dfr0 = 0x6ull;           /* Debug architecture v8.0 */
    /* PMUVer: PMUv3 for Armv8.1 (0b0100: 16-bit evtCount, MDCR_EL2.HPMD) on max, PMUv3 (0b0001)
     * on the Cortex models, as their TRMs; the model is target/arm/pmu.c. */
    f->id_aa64dfr0 |= (m->v81 ? 0x4ull : 0x1ull) << 8;
    /* Self-hosted debug (debug.c): BRPs, WRPs and CTX_CMPs are "number - 1". */
    f->id_aa64dfr0 |= (uint64_t)(ARM_NUM_BRPS - 1) << 12 | (uint64_t)(ARM_NUM_WRPS - 1) << 20 |
                      (uint64_t)(ARM_NUM_CTX_BRPS - 1) << 28;
    f->mvfr0 = 0;
    return true;
}

/* The -cpu properties QEMU has for these features (pauth, pauth-impdef, pauth-qarma3, pmu; each
 * 0 = not given, 1 = on, 2 = off, as GranuleOptions). Returns false with a message when a
 * property asks for something this model or this emulator does not have. */
bool arm_cpu_apply_properties(ArmCpuFeatures *f, int pauth, int pauth_impdef, int pauth_qarma3,
                              int pmu, char *err, size_t err_len)
{
    const uint64_t pauth_fields = 0xfull << 4 | 0xfull << 8 | 0xfull << 24 | 0xfull << 28;
    bool has_pauth = (f->id_aa64isar1 & pauth_fields) != 0;

    if ((pauth || pauth_impdef || pauth_qarma3) && !has_pauth) {
        snprintf(err, err_len, "CPU model '%s' has no pointer authentication: the pauth "
                 "properties apply to -cpu max only", f->model);
        return false;
    }
    if (pauth_qarma3 == 1) {
        snprintf(err, err_len, "pauth-qarma3=on: the QARMA3 algorithm (FEAT_PACQARMA3) is not "
                 "implemented; use the default QARMA5 or pauth-impdef=on");
        return false;
    }
    if (pauth == 2 && pauth_impdef == 1) {
        snprintf(err, err_len, "pauth-impdef=on needs pauth=on");
        return false;
    }
    if (pauth == 2) {
        f->id_aa64isar1 &= ~pauth_fields;              /* no FEAT_PAuth at all */
    } else if (pauth_impdef == 1) {
        /* API = 1, GPI = 1: an IMPLEMENTATION DEFINED algorithm (target/arm/pauth.c) instead of
         * APA = 1, GPA = 1 (QARMA5), with the same feature level (no PAuth2/FPAC). */
        f->id_aa64isar1 = (f->id_aa64isar1 & ~pauth_fields) | 0x1ull << 8 | 0x1ull << 28;
    }
    if (pmu == 2) {
        f->id_aa64dfr0 &= ~(0xfull << 8);              /* PMUVer = 0: no PMU */
    }
    return true;
}
