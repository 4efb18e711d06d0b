/* SPDX-License-Identifier: BSD-3-Clause */
/* token-err.c: printable names for TokenErr. */
#include "token/token-err.h"

static const char *const token_err_names[TOKEN_ERR_COUNT] = {
    [TOKEN_OK] = "ok",
    [TOKEN_ERR_CBOR] = "malformed CBOR",
    [TOKEN_ERR_TAG] = "missing or unexpected tag",
    [TOKEN_ERR_FORMAT] = "unexpected structure",
    [TOKEN_ERR_HEADER] = "invalid COSE header",
    [TOKEN_ERR_UNSUPPORTED_ALG] = "unsupported algorithm",
    [TOKEN_ERR_DETACHED] = "detached payload",
    [TOKEN_ERR_SIG_SIZE] = "wrong signature size",
    [TOKEN_ERR_SIGNATURE] = "signature does not verify",
    [TOKEN_ERR_KEY] = "invalid key",
    [TOKEN_ERR_MISSING_CLAIM] = "mandatory claim missing",
    [TOKEN_ERR_CLAIM_TYPE] = "claim has the wrong type",
    [TOKEN_ERR_CLAIM_VALUE] = "claim has a wrong size or value",
    [TOKEN_ERR_UNSUPPORTED_HASH] = "unsupported hash algorithm",
    [TOKEN_ERR_BINDING] = "platform challenge does not bind the realm key",
    [TOKEN_ERR_CHALLENGE] = "challenge mismatch",
    [TOKEN_ERR_BUFFER] = "output buffer too small",
    [TOKEN_ERR_ARG] = "invalid argument",
};

const char *token_err_name(TokenErr e)
{
    if ((unsigned)e >= TOKEN_ERR_COUNT || !token_err_names[e]) {
        return "unknown error";
    }
    return token_err_names[e];
}
