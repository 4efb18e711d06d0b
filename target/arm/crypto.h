/* SPDX-License-Identifier: GPL-2.0-or-later */
/* crypto.h: operation numbers of helper_crypto (crypto-helper.c, trans-crypto.c). */
#ifndef TARGET_ARM_CRYPTO_H
#define TARGET_ARM_CRYPTO_H

enum {
    CRYPTO_AESE, CRYPTO_AESD, CRYPTO_AESMC, CRYPTO_AESIMC,
    CRYPTO_SHA1C, CRYPTO_SHA1P, CRYPTO_SHA1M, CRYPTO_SHA1H, CRYPTO_SHA1SU0, CRYPTO_SHA1SU1,
    CRYPTO_SHA256H, CRYPTO_SHA256H2, CRYPTO_SHA256SU0, CRYPTO_SHA256SU1,
    CRYPTO_SHA512H, CRYPTO_SHA512H2, CRYPTO_SHA512SU0, CRYPTO_SHA512SU1,
    CRYPTO_EOR3, CRYPTO_BCAX, CRYPTO_RAX1, CRYPTO_XAR,
    CRYPTO_PMULL64, CRYPTO_PMULL2_64,
};

/* The helper's single argument. */
#define CRYPTO_DESC(op, rd, rn, rm, ra, imm) \
    ((uint64_t)(op) | (uint64_t)(rd) << 8 | (uint64_t)(rn) << 13 | (uint64_t)(rm) << 18 | \
     (uint64_t)(ra) << 23 | (uint64_t)(imm) << 28)

#endif
