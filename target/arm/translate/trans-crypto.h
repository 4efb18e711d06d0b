/* SPDX-License-Identifier: GPL-2.0-or-later */
/* trans-crypto.h: what trans-crypto.c offers the other A64 translators. */
#ifndef TARGET_ARM_TRANSLATE_TRANS_CRYPTO_H
#define TARGET_ARM_TRANSLATE_TRANS_CRYPTO_H
#include "decode-a64-simd-fp.h"

/* PMULL/PMULL2 with 64-bit source elements (FEAT_PMULL); false (UNDEFINED) without it. */
bool trans_pmull_64(DisasContext *s, arg_qrrr_e *a);

#endif
