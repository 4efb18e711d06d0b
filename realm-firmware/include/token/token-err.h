/* SPDX-License-Identifier: BSD-3-Clause */
/* token-err.h: error codes of the COSE_Sign1 and CCA attestation token layers. */
#ifndef FW_TOKEN_TOKEN_ERR_H
#define FW_TOKEN_TOKEN_ERR_H

typedef enum {
    TOKEN_OK = 0,
    TOKEN_ERR_CBOR,             /* not valid CBOR; the CborErr is reported beside */
    TOKEN_ERR_TAG,              /* missing or unexpected CBOR tag */
    TOKEN_ERR_FORMAT,           /* CBOR is valid but the structure is not the specified one */
    TOKEN_ERR_HEADER,           /* COSE header: alg missing, unknown crit label, label in both */
    TOKEN_ERR_UNSUPPORTED_ALG,  /* an algorithm this build cannot verify or sign with */
    TOKEN_ERR_DETACHED,         /* COSE_Sign1 without payload (nil) */
    TOKEN_ERR_SIG_SIZE,         /* signature length does not match the algorithm */
    TOKEN_ERR_SIGNATURE,        /* signature does not verify */
    TOKEN_ERR_KEY,              /* public or private key not usable */
    TOKEN_ERR_MISSING_CLAIM,    /* a mandatory claim is absent */
    TOKEN_ERR_CLAIM_TYPE,       /* a claim has the wrong CBOR type */
    TOKEN_ERR_CLAIM_VALUE,      /* a claim has the wrong size or an out-of-range value */
    TOKEN_ERR_UNSUPPORTED_HASH, /* hash algorithm name other than sha-256/384/512 */
    TOKEN_ERR_BINDING,          /* platform challenge is not the hash of the realm's RAK */
    TOKEN_ERR_CHALLENGE,        /* realm challenge differs from the one the verifier sent */
    TOKEN_ERR_BUFFER,           /* output buffer too small */
    TOKEN_ERR_ARG,              /* invalid argument from the caller */
    TOKEN_ERR_COUNT
} TokenErr;

/* Printable name ("signature does not verify"); never NULL. */
const char *token_err_name(TokenErr e);

#endif
