/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-crypto.c: the Armv8 Cryptographic Extension (Arm ARM C4.1.95's "Cryptographic AES",
 * "Cryptographic three-register SHA", "Cryptographic two-register SHA", "Cryptographic three-
 * register SHA 512", "two-register SHA 512", "four-register" and XAR classes) and PMULL/PMULL2
 * with 64-bit elements (FEAT_PMULL). The patterns are in a64-simd-fp.decode; every instruction
 * is one call of helper_crypto (crypto-helper.c), which reads and writes the vector registers.
 * Each is UNDEFINED unless its ID_AA64ISAR0_EL1 field says it is implemented:
 * AES [7:4] (1 FEAT_AES, 2 also FEAT_PMULL), SHA1 [11:8], SHA2 [15:12] (1 FEAT_SHA256,
 * 2 also FEAT_SHA512), SHA3 [35:32]. */
#include "translate.h"
#include "cpu-features.h"
#include "crypto.h"
#include "trans-crypto.h"

static unsigned isar0(DisasContext *s, int shift)
{
    return id_field(s->env->features.id_aa64isar0, shift);
}

static bool gen_crypto(DisasContext *s, bool have, unsigned op, int rd, int rn, int rm, int ra,
                       int imm)
{
    if (!have) {
        return false;
    }
    if (!fp_access_check(s)) {
        return true;
    }
    gen_helper(s, HELPER_crypto, IR_NO_TEMP, 1, tcg_const(s, CRYPTO_DESC(op, rd, rn, rm, ra, imm)));
    return true;
}

#define have_aes(s)    (isar0(s, 4) >= 1)
#define have_pmull(s)  (isar0(s, 4) >= 2)
#define have_sha1(s)   (isar0(s, 8) >= 1)
#define have_sha256(s) (isar0(s, 12) >= 1)
#define have_sha512(s) (isar0(s, 12) >= 2)
#define have_sha3(s)   (isar0(s, 32) >= 1)

/* AESE (C7.2.7), AESD (C7.2.6), AESMC (C7.2.9), AESIMC (C7.2.8): Vd.16B, Vn.16B. */
bool trans_AESE(DisasContext *s, arg_rr_v *a)
{
    return gen_crypto(s, have_aes(s), CRYPTO_AESE, a->rd, a->rn, 0, 0, 0);
}
bool trans_AESD(DisasContext *s, arg_rr_v *a)
{
    return gen_crypto(s, have_aes(s), CRYPTO_AESD, a->rd, a->rn, 0, 0, 0);
}
bool trans_AESMC(DisasContext *s, arg_rr_v *a)
{
    return gen_crypto(s, have_aes(s), CRYPTO_AESMC, a->rd, a->rn, 0, 0, 0);
}
bool trans_AESIMC(DisasContext *s, arg_rr_v *a)
{
    return gen_crypto(s, have_aes(s), CRYPTO_AESIMC, a->rd, a->rn, 0, 0, 0);
}

/* PMULL/PMULL2 with size 11 (C7.2.211): 1Q = 1D x 1D, or the upper halves for PMULL2. Called
 * by trans_PMULL_v (trans-simd-fp.c) for esz 3. */
bool trans_pmull_64(DisasContext *s, arg_qrrr_e *a)
{
    return gen_crypto(s, have_pmull(s), a->q ? CRYPTO_PMULL2_64 : CRYPTO_PMULL64, a->rd, a->rn,
                      a->rm, 0, 0);
}

/* Three-register SHA: SHA1C/P/M (C7.2.262, 265, 264), SHA1SU0 (C7.2.266), SHA256H/H2
 * (C7.2.269, 268), SHA256SU1 (C7.2.271). */
#define TRANS_SHA3REG(NAME, HAVE) \
    bool trans_##NAME(DisasContext *s, arg_rrr_v *a) \
    { \
        return gen_crypto(s, HAVE(s), CRYPTO_##NAME, a->rd, a->rn, a->rm, 0, 0); \
    }
TRANS_SHA3REG(SHA1C, have_sha1)
TRANS_SHA3REG(SHA1P, have_sha1)
TRANS_SHA3REG(SHA1M, have_sha1)
TRANS_SHA3REG(SHA1SU0, have_sha1)
TRANS_SHA3REG(SHA256H, have_sha256)
TRANS_SHA3REG(SHA256H2, have_sha256)
TRANS_SHA3REG(SHA256SU1, have_sha256)
/* SHA512H/H2/SU1 (C7.2.273, 274, 276), RAX1 (C7.2.215). */
TRANS_SHA3REG(SHA512H, have_sha512)
TRANS_SHA3REG(SHA512H2, have_sha512)
TRANS_SHA3REG(SHA512SU1, have_sha512)
TRANS_SHA3REG(RAX1, have_sha3)

/* Two-register SHA: SHA1H (C7.2.263), SHA1SU1 (C7.2.267), SHA256SU0 (C7.2.270), SHA512SU0
 * (C7.2.275). */
#define TRANS_SHA2REG(NAME, HAVE) \
    bool trans_##NAME(DisasContext *s, arg_rr_v *a) \
    { \
        return gen_crypto(s, HAVE(s), CRYPTO_##NAME, a->rd, a->rn, 0, 0, 0); \
    }
TRANS_SHA2REG(SHA1H, have_sha1)
TRANS_SHA2REG(SHA1SU1, have_sha1)
TRANS_SHA2REG(SHA256SU0, have_sha256)
TRANS_SHA2REG(SHA512SU0, have_sha512)

/* EOR3 (C7.2.51), BCAX (C7.2.21): Vd.16B, Vn.16B, Vm.16B, Va.16B. */
bool trans_EOR3(DisasContext *s, arg_rrrr_v *a)
{
    return gen_crypto(s, have_sha3(s), CRYPTO_EOR3, a->rd, a->rn, a->rm, a->ra, 0);
}
bool trans_BCAX(DisasContext *s, arg_rrrr_v *a)
{
    return gen_crypto(s, have_sha3(s), CRYPTO_BCAX, a->rd, a->rn, a->rm, a->ra, 0);
}

/* XAR (C7.2.403): Vd.2D, Vn.2D, Vm.2D, #imm6. */
bool trans_XAR(DisasContext *s, arg_rrr_vi *a)
{
    return gen_crypto(s, have_sha3(s), CRYPTO_XAR, a->rd, a->rn, a->rm, 0, a->imm);
}
