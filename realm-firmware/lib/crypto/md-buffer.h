/* SPDX-License-Identifier: BSD-3-Clause */
/* md-buffer.h: private block buffering and padding shared by SHA-256 and SHA-512. */
#ifndef FW_CRYPTO_MD_BUFFER_H
#define FW_CRYPTO_MD_BUFFER_H
#include <stddef.h>
#include <stdint.h>

/* Compresses one block into the chaining state (a uint32_t[8] or uint64_t[8]). */
typedef void (*MdCompress)(void *state, const uint8_t *block);

/* Feeds n bytes: completes a partly filled buf first, compresses whole blocks straight from
 * the input, and keeps the tail in buf. *used is the number of bytes waiting in buf. */
void md_absorb(void *state, MdCompress compress, uint8_t *buf, size_t *used, size_t block_len,
               const uint8_t *in, size_t n);

/* FIPS 180-4 5.1: appends the 1 bit and zeros so that len_field bytes remain free at the end
 * of the (possibly fresh) last block; the caller writes the big-endian bit length there and
 * compresses buf. */
void md_pad(void *state, MdCompress compress, uint8_t *buf, size_t used, size_t block_len,
            size_t len_field);

#endif
