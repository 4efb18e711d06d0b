/* SPDX-License-Identifier: BSD-3-Clause */
/* cose.h: COSE_Sign1 (RFC 9052 4.2) parsing, Sig_structure hashing, ES384 signing and checking. */
#ifndef FW_TOKEN_COSE_H
#define FW_TOKEN_COSE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cbor/decode.h"
#include "cbor/encode.h"
#include "crypto/sha2.h"
#include "token/token-err.h"

#define COSE_TAG_SIGN1 18           /* RFC 9052 2, table 1 */
#define COSE_HDR_ALG 1              /* RFC 9052 3.1, table 2 */
#define COSE_HDR_CRIT 2
#define COSE_ALG_ES256 (-7)         /* RFC 9053 2.1, table 1 */
#define COSE_ALG_ES384 (-35)
#define COSE_ALG_ES512 (-36)
#define COSE_ES384_SIG_LEN 96       /* r || s, 48 bytes each (RFC 9053 2.1) */

typedef struct {
    const uint8_t *protected_hdr;   /* bstr content: the serialized header map, as signed */
    size_t protected_len;
    const uint8_t *unprotected;     /* encoded header map */
    size_t unprotected_len;
    const uint8_t *payload;
    size_t payload_len;
    const uint8_t *signature;
    size_t signature_len;
    int64_t alg;                    /* protected header label 1 */
    bool tagged;                    /* carried CBOR tag 18 */
} CoseSign1;

/* Parses a tagged or untagged COSE_Sign1. The header maps are validated: alg must be an integer
 * in the protected bucket, crit may only name labels this code understands, and no label may sit
 * in both buckets (RFC 9052 3). *cerr (may be NULL) gets the CBOR detail for TOKEN_ERR_CBOR. */
TokenErr cose_sign1_parse(const uint8_t *buf, size_t len, CoseSign1 *msg, CborErr *cerr);

/* Hash of Sig_structure = ["Signature1", protected, external_aad = h'', payload]
 * (RFC 9052 4.4), streamed so no copy of the payload is needed. out: hash_len(alg) bytes. */
void cose_sig_structure_digest(HashAlg alg, const uint8_t *prot, size_t prot_len,
                               const uint8_t *payload, size_t payload_len, uint8_t *out);

/* Checks an ES384 signature with an uncompressed P-384 key (0x04 || X || Y). */
TokenErr cose_sign1_verify_es384(const CoseSign1 *msg, const uint8_t pub[97]);

/* Two-step signing straight into an encoder: begin writes [tag 18,] the array head, the
 * protected header {1: -35}, an empty unprotected map and opens the payload bstr; the caller
 * encodes the payload; end closes it and appends the signature over the Sig_structure. */
void cose_sign1_es384_begin(CborEnc *e, bool tagged, size_t *payload_mark);
TokenErr cose_sign1_es384_end(CborEnc *e, size_t payload_mark, const uint8_t priv[48]);

/* One-shot: signs an already-encoded payload. */
TokenErr cose_sign1_sign_es384(const uint8_t priv[48], const uint8_t *payload, size_t payload_len,
                               bool tagged, uint8_t *out, size_t cap, size_t *out_len);

#endif
