/* SPDX-License-Identifier: BSD-3-Clause */
/* md-buffer.c: Merkle-Damgard block buffering and padding for the SHA-2 family. */
#include "md-buffer.h"
#include "lib/mem.h"

void md_absorb(void *state, MdCompress compress, uint8_t *buf, size_t *used, size_t block_len,
               const uint8_t *in, size_t n)
{
    if (*used) {
        size_t take = block_len - *used;

        if (take > n) {
            take = n;
        }
        memcpy(buf + *used, in, take);
        *used += take;
        in += take;
        n -= take;
        if (*used < block_len) {
            return;
        }
        compress(state, buf);
        *used = 0;
    }
    while (n >= block_len) {
        compress(state, in);
        in += block_len;
        n -= block_len;
    }
    if (n) {
        memcpy(buf, in, n);
    }
    *used = n;
}

void md_pad(void *state, MdCompress compress, uint8_t *buf, size_t used, size_t block_len,
            size_t len_field)
{
    buf[used++] = 0x80;
    if (used > block_len - len_field) {
        memset(buf + used, 0, block_len - used);
        compress(state, buf);
        used = 0;
    }
    memset(buf + used, 0, block_len - len_field - used);
}
