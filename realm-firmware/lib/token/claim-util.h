/* SPDX-License-Identifier: BSD-3-Clause */
/* claim-util.h: directory-private helpers to fetch typed claims from a CBOR claims map. */
#ifndef FW_TOKEN_CLAIM_UTIL_H
#define FW_TOKEN_CLAIM_UTIL_H
#include <stdbool.h>
#include "cbor/decode.h"
#include "cbor/encode.h"
#include "token/cca.h"

/* Decodes buf as one CBOR item that must be a map (a claims set, RFC 8392 7.1). */
TokenErr claims_open(const uint8_t *buf, size_t len, CborItem *map, CborErr *cerr);

/* Claim `key` as a byte (claim_bstr) or text (claim_tstr) string. Absent: MISSING_CLAIM when
 * mandatory, else TOKEN_OK with out->ptr NULL. Wrong type: CLAIM_TYPE. */
TokenErr claim_bstr(const CborItem *map, int64_t key, bool mandatory, TokenBytes *out);
TokenErr claim_tstr(const CborItem *map, int64_t key, bool mandatory, TokenBytes *out);

/* Digest sizes allowed for measurements: SHA-256, SHA-384, SHA-512. */
bool len_is_digest(size_t n);

/* Encoder helpers that skip absent optional text claims. */
void put_claim_bstr(CborEnc *e, int64_t key, TokenBytes b);
void put_claim_tstr(CborEnc *e, int64_t key, TokenBytes b);
/* Map entry count contribution of an optional claim. */
unsigned claim_present(TokenBytes b);

#endif
