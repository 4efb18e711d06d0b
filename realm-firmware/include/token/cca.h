/* SPDX-License-Identifier: BSD-3-Clause */
/* cca.h: the Arm CCA attestation token (RMM spec DEN0137 A7): claims, collection, verification. */
#ifndef FW_TOKEN_CCA_H
#define FW_TOKEN_CCA_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cbor/cbor.h"
#include "token/cose.h"
#include "token/token-err.h"

/* Top level (TF-RMM attestation_defs_priv.h; draft-ffm-rats-cca-token). */
#define CCA_TAG_TOKEN_LEGACY 399        /* {44234: platform bstr, 44241: realm bstr} */
#define CCA_TAG_TOKEN_COLLECTION 907    /* {44234: [263, bstr], 44241: [263, bstr]} (CMW) */
#define CCA_CONTENT_TYPE_EAT_CWT 263    /* CoAP content format application/eat+cwt */
#define CCA_PLAT_TOKEN 44234
#define CCA_REALM_DELEGATED_TOKEN 44241

/* Realm claims. */
#define CCA_REALM_CHALLENGE 10
#define CCA_REALM_PROFILE 265
#define CCA_REALM_PERSONALIZATION_VALUE 44235
#define CCA_REALM_HASH_ALGM_ID 44236
#define CCA_REALM_PUB_KEY 44237
#define CCA_REALM_INITIAL_MEASUREMENT 44238
#define CCA_REALM_EXTENSIBLE_MEASUREMENTS 44239
#define CCA_REALM_PUB_KEY_HASH_ALGO_ID 44240

/* Platform claims. */
#define CCA_PLAT_CHALLENGE 10
#define CCA_PLAT_INSTANCE_ID 256
#define CCA_PLAT_PROFILE 265
#define CCA_PLAT_SECURITY_LIFECYCLE 2395
#define CCA_PLAT_IMPLEMENTATION_ID 2396
#define CCA_PLAT_SW_COMPONENTS 2399
#define CCA_PLAT_VERIFICATION_SERVICE 2400
#define CCA_PLAT_CONFIGURATION 2401
#define CCA_PLAT_HASH_ALGO_ID 2402

/* Software component map keys. */
#define CCA_SW_COMP_TYPE 1
#define CCA_SW_COMP_MEASUREMENT_VALUE 2
#define CCA_SW_COMP_VERSION 4
#define CCA_SW_COMP_SIGNER_ID 5
#define CCA_SW_COMP_HASH_ALGO_ID 6

#define CCA_REALM_CHALLENGE_LEN 64
#define CCA_REALM_PERSONALIZATION_LEN 64
#define CCA_REM_COUNT 4
#define CCA_PLAT_IMPL_ID_LEN 32
#define CCA_PLAT_INSTANCE_ID_LEN 33     /* EAT UEID: type byte 0x01 (RAND) + 32 bytes */
#define CCA_RAK_PUB_LEN 97

/* A byte or text string inside the input (or, for building, the caller's data). */
typedef struct {
    const uint8_t *ptr;
    size_t len;
} TokenBytes;

typedef struct {
    TokenBytes challenge;
    TokenBytes personalization;
    TokenBytes hash_algo_id;        /* text, e.g. "sha-256" */
    TokenBytes rak_pub_encoded;     /* claim 44237 as carried: the bytes the binding hashes */
    TokenBytes rim;
    TokenBytes rem[CCA_REM_COUNT];
    TokenBytes rak_hash_algo_id;    /* text */
    TokenBytes profile;             /* text; ptr NULL when absent */
    uint8_t rak_pub[CCA_RAK_PUB_LEN];   /* 0x04 || X || Y whichever the encoding */
    bool rak_is_cose_key;           /* 44237 held a COSE_Key (RFC 9052 7) rather than a raw point */
} CcaRealmClaims;

typedef struct {
    TokenBytes type;                /* text; ptr NULL when absent (also version, hash_algo_id) */
    TokenBytes measurement;
    TokenBytes version;
    TokenBytes signer_id;
    TokenBytes hash_algo_id;
} CcaSwComponent;

typedef struct {
    TokenBytes profile;
    TokenBytes challenge;
    TokenBytes impl_id;
    TokenBytes instance_id;
    TokenBytes config;
    TokenBytes verification_service;    /* optional */
    TokenBytes hash_algo_id;
    uint64_t lifecycle;
    TokenBytes sw_components;       /* the encoded array; see cca_platform_sw_component() */
    size_t sw_count;
} CcaPlatformClaims;

typedef enum { CCA_PART_COLLECTION, CCA_PART_PLATFORM, CCA_PART_REALM } CcaPart;

typedef struct {
    bool legacy;                    /* tag 399 form rather than the 907 collection */
    TokenBytes platform_token;      /* COSE_Sign1 encodings */
    TokenBytes realm_token;
    CoseSign1 platform_cose;
    CoseSign1 realm_cose;
    CcaPlatformClaims platform;
    CcaRealmClaims realm;
    CcaPart fail_part;              /* where a parse error was found */
    CborErr cbor_err;               /* detail for TOKEN_ERR_CBOR */
} CcaToken;

/* Claims sets (COSE payloads). Unknown claims are tolerated; duplicates and wrong types are not.
 * *cerr (may be NULL) receives the CBOR detail for TOKEN_ERR_CBOR. */
TokenErr cca_realm_claims_parse(const uint8_t *buf, size_t len, CcaRealmClaims *out,
                                CborErr *cerr);
TokenErr cca_platform_claims_parse(const uint8_t *buf, size_t len, CcaPlatformClaims *out,
                                   CborErr *cerr);
/* Software component idx (0-based) of claims already accepted by cca_platform_claims_parse. */
TokenErr cca_platform_sw_component(const CcaPlatformClaims *p, size_t idx, CcaSwComponent *out);

/* Whole token: either top-level form, both COSE envelopes and both claims sets. */
TokenErr cca_token_parse(const uint8_t *buf, size_t len, CcaToken *tok);

/* Maps "sha-256", "sha-384", "sha-512" (IANA Named Information Hash Algorithm names). */
TokenErr cca_hash_alg_from_name(TokenBytes name, HashAlg *alg);

/* The platform challenge a realm token binds to: hash_{RAK hash alg}(claim 44237 bytes). */
TokenErr cca_rak_binding_digest(const CcaRealmClaims *realm, uint8_t out[HASH_MAX_DIGEST_LEN],
                                size_t *len);

/* Verification steps (RMM spec A7.2; order as rust-ccatoken: platform, realm, binding). */
TokenErr cca_token_verify_platform(const CcaToken *tok, const uint8_t cpak[CCA_RAK_PUB_LEN]);
TokenErr cca_token_verify_realm(const CcaToken *tok);
TokenErr cca_token_check_binding(const CcaToken *tok);
/* Realm challenge equals the verifier's nonce (64 bytes). */
TokenErr cca_token_check_challenge(const CcaToken *tok, const uint8_t *challenge, size_t len);

/* Building. Claims come in the parse structs; the realm's RAK public key is derived from
 * rak_priv, placed raw or as a COSE_Key after realm->rak_is_cose_key, and the token is signed
 * with it. Optional text claims are left out when their ptr is NULL. */
TokenErr cca_realm_token_sign(const CcaRealmClaims *realm, const uint8_t rak_priv[48],
                              uint8_t *out, size_t cap, size_t *out_len);
TokenErr cca_platform_token_sign(const CcaPlatformClaims *plat, const CcaSwComponent *sw,
                                 size_t nsw, const uint8_t priv[48], uint8_t *out, size_t cap,
                                 size_t *out_len);
/* Wraps two signed tokens in the 907 collection (legacy false) or the 399 map. */
TokenErr cca_token_collection_build(const uint8_t *plat, size_t plat_len, const uint8_t *realm,
                                    size_t realm_len, bool legacy, uint8_t *out, size_t cap,
                                    size_t *out_len);

#endif
