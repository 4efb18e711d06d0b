/* SPDX-License-Identifier: BSD-3-Clause */
/* util.h: private byte-order and wiping helpers shared by the crypto sources. */
#ifndef FW_CRYPTO_UTIL_H
#define FW_CRYPTO_UTIL_H
#include <stddef.h>
#include <stdint.h>

static inline uint32_t load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static inline uint64_t load_be64(const uint8_t *p)
{
    return ((uint64_t)load_be32(p) << 32) | load_be32(p + 4);
}

static inline void store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static inline void store_be64(uint8_t *p, uint64_t v)
{
    store_be32(p, (uint32_t)(v >> 32));
    store_be32(p + 4, (uint32_t)v);
}

/* Clears secrets through a volatile pointer so the stores are not removed as dead (a plain
 * memset before a return may legally be dropped by the compiler). */
static inline void crypto_wipe(void *p, size_t n)
{
    volatile uint8_t *v = (volatile uint8_t *)p;

    while (n--) {
        *v++ = 0;
    }
}

#endif
