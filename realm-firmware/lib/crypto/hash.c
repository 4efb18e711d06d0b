/* SPDX-License-Identifier: BSD-3-Clause */
/* hash.c: dispatch of the generic HashAlg API onto SHA-256/384/512. */
#include "crypto/sha2.h"
#include "lib/mem.h"

size_t hash_len(HashAlg a)
{
    switch (a) {
    case HASH_SHA256:
        return SHA256_DIGEST_LEN;
    case HASH_SHA384:
        return SHA384_DIGEST_LEN;
    case HASH_SHA512:
        return SHA512_DIGEST_LEN;
    }
    return 0;
}

size_t hash_block_len(HashAlg a)
{
    switch (a) {
    case HASH_SHA256:
        return SHA256_BLOCK_LEN;
    case HASH_SHA384:
    case HASH_SHA512:
        return SHA512_BLOCK_LEN;
    }
    return 0;
}

/* A value outside HashAlg gives an inert context: updates are ignored and hash_final writes
 * nothing (hash_len is 0), so a caller's bad enum cannot reach uninitialised state. */
void hash_init(HashCtx *c, HashAlg a)
{
    memset(c, 0, sizeof(*c));
    c->alg = a;
    switch (a) {
    case HASH_SHA256:
        sha256_init(&c->u.s256);
        break;
    case HASH_SHA384:
        sha384_init(&c->u.s512);
        break;
    case HASH_SHA512:
        sha512_init(&c->u.s512);
        break;
    }
}

void hash_update(HashCtx *c, const void *p, size_t n)
{
    switch (c->alg) {
    case HASH_SHA256:
        sha256_update(&c->u.s256, p, n);
        break;
    case HASH_SHA384:
    case HASH_SHA512:
        sha512_update(&c->u.s512, p, n);
        break;
    }
}

void hash_final(HashCtx *c, uint8_t *out)
{
    switch (c->alg) {
    case HASH_SHA256:
        sha256_final(&c->u.s256, out);
        break;
    case HASH_SHA384:
        sha384_final(&c->u.s512, out);
        break;
    case HASH_SHA512:
        sha512_final(&c->u.s512, out);
        break;
    }
}

void hash_digest(HashAlg a, const void *p, size_t n, uint8_t *out)
{
    HashCtx c;

    hash_init(&c, a);
    hash_update(&c, p, n);
    hash_final(&c, out);
}
