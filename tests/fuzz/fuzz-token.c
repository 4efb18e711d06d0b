/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz-token.c: libFuzzer target over the CBOR decoder (with an encode round-trip oracle), the
 * COSE_Sign1 parser, both claim-set parsers and the whole CCA token parser. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cbor/decode.h"
#include "cbor/encode.h"
#include "token/cca.h"
#include "cbor-echo.h"

/* cbor_echo() re-encodes what the cursor yields. In deterministic mode every head is already
 * shortest, so the output must equal the input byte for byte (RFC 8949 4.2.1); anything else is
 * a decoder or encoder bug. */
static void check_cbor(const uint8_t *data, size_t size)
{
    static uint8_t out[1 << 16];
    CborCursor c;
    CborEnc e;
    size_t n = 0;

    if (cbor_decode_init(&c, data, size, 0) == CBOR_OK) {
        cbor_enc_init(&e, out, sizeof(out));
        if (cbor_echo(&c, &e) != CBOR_OK || !cbor_cursor_done(&c)) {
            abort();        /* validated input must be walkable to the end */
        }
    }
    if (cbor_decode_init(&c, data, size, CBOR_DEC_DETERMINISTIC) == CBOR_OK) {
        cbor_enc_init(&e, out, sizeof(out));
        if (cbor_echo(&c, &e) != CBOR_OK || cbor_enc_finish(&e, &n) != CBOR_OK) {
            abort();
        }
        if (n != size || memcmp(out, data, size) != 0) {
            abort();
        }
    }
}

static void check_token(const uint8_t *data, size_t size)
{
    CcaToken tok;
    CcaRealmClaims r;
    CcaPlatformClaims p;
    CcaSwComponent sw;
    CoseSign1 m;
    uint8_t digest[HASH_MAX_DIGEST_LEN];
    size_t n;

    (void)cose_sign1_parse(data, size, &m, NULL);
    if (cca_realm_claims_parse(data, size, &r, NULL) == TOKEN_OK) {
        (void)cca_rak_binding_digest(&r, digest, &n);
    }
    if (cca_platform_claims_parse(data, size, &p, NULL) == TOKEN_OK) {
        for (size_t i = 0; i < p.sw_count; i++) {
            if (cca_platform_sw_component(&p, i, &sw) != TOKEN_OK) {
                abort();    /* accepted claims must expose every component */
            }
        }
    }
    if (cca_token_parse(data, size, &tok) == TOKEN_OK) {
        (void)cca_token_check_binding(&tok);
        /* Signatures are not checked here: ECDSA would slow the search a thousandfold and the
         * parsers, not the crypto, are the target. */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_cbor(data, size);
    check_token(data, size);
    return 0;
}
