/* SPDX-License-Identifier: BSD-3-Clause */
/* sha2.h: SHA-256, SHA-384 and SHA-512 (FIPS 180-4) with one-shot, streaming and generic APIs. */
#ifndef FW_CRYPTO_SHA2_H
#define FW_CRYPTO_SHA2_H
#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA384_DIGEST_LEN 48
#define SHA512_DIGEST_LEN 64
#define SHA256_BLOCK_LEN 64
#define SHA512_BLOCK_LEN 128
/* The largest digest and block of any HashAlg, for sizing buffers. */
#define HASH_MAX_DIGEST_LEN 64
#define HASH_MAX_BLOCK_LEN 128

typedef struct {
    uint32_t h[8];
    uint64_t len;       /* message bytes absorbed so far */
    uint8_t buf[64];
    size_t used;        /* bytes waiting in buf */
} Sha256Ctx;

/* Shared by SHA-384 and SHA-512 (FIPS 180-4 5.3.4: same compression, other initial value). */
typedef struct {
    uint64_t h[8];
    uint64_t len_lo, len_hi;    /* 128-bit message length in bytes */
    uint8_t buf[128];
    size_t used;
} Sha512Ctx;

/* The *_final functions wipe the context; call *_init again before reusing it. */
void sha256_init(Sha256Ctx *c);
void sha256_update(Sha256Ctx *c, const void *p, size_t n);
void sha256_final(Sha256Ctx *c, uint8_t out[32]);

void sha384_init(Sha512Ctx *c);
void sha384_update(Sha512Ctx *c, const void *p, size_t n);
void sha384_final(Sha512Ctx *c, uint8_t out[48]);

void sha512_init(Sha512Ctx *c);
void sha512_update(Sha512Ctx *c, const void *p, size_t n);
void sha512_final(Sha512Ctx *c, uint8_t out[64]);

void sha256(const void *p, size_t n, uint8_t out[32]);
void sha384(const void *p, size_t n, uint8_t out[48]);
void sha512(const void *p, size_t n, uint8_t out[64]);

typedef enum { HASH_SHA256, HASH_SHA384, HASH_SHA512 } HashAlg;

/* Digest length in bytes; 0 for a value outside HashAlg. */
size_t hash_len(HashAlg a);
/* Input block length in bytes (the HMAC key-pad width); 0 for a value outside HashAlg. */
size_t hash_block_len(HashAlg a);

typedef struct {
    HashAlg alg;
    union {
        Sha256Ctx s256;
        Sha512Ctx s512;
    } u;
} HashCtx;

/* A value of a outside HashAlg gives an inert context (updates ignored, nothing written). */
void hash_init(HashCtx *c, HashAlg a);
void hash_update(HashCtx *c, const void *p, size_t n);
/* Writes hash_len(c->alg) bytes. */
void hash_final(HashCtx *c, uint8_t *out);
void hash_digest(HashAlg a, const void *p, size_t n, uint8_t *out);

#endif
