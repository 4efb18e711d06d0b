/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-arith.c: division (A64 semantics: x/0 = 0, INT_MIN/-1 = INT_MIN) and CRC32/CRC32C. */
#include "helper.h"

DEF_HELPER_FN(sdiv64)
{
    int64_t n = (int64_t)a0, d = (int64_t)a1;
    if (d == 0) {
        return 0;
    }
    if (n == INT64_MIN && d == -1) {
        return (uint64_t)INT64_MIN;
    }
    return (uint64_t)(n / d);
}

DEF_HELPER_FN(udiv64)
{
    return a1 ? a0 / a1 : 0;
}

DEF_HELPER_FN(sdiv32)
{
    int32_t n = (int32_t)a0, d = (int32_t)a1;
    if (d == 0) {
        return 0;
    }
    if (n == INT32_MIN && d == -1) {
        return (uint32_t)INT32_MIN;
    }
    return (uint32_t)(n / d);
}

DEF_HELPER_FN(udiv32)
{
    uint32_t d = (uint32_t)a1;
    return d ? (uint32_t)a0 / d : 0;
}

/* Bit-reflected CRC over `bytes` little-endian bytes of the value (Arm ARM CRC32 pseudocode:
 * reflected polynomial 0xEDB88320 for CRC32, 0x82F63B78 for CRC32C). */
static uint32_t crc_update(uint32_t acc, uint64_t val, unsigned bytes, uint32_t poly)
{
    for (unsigned i = 0; i < bytes; i++) {
        acc ^= (uint8_t)(val >> (8 * i));
        for (int b = 0; b < 8; b++) {
            acc = (acc >> 1) ^ (poly & -(acc & 1));
        }
    }
    return acc;
}

DEF_HELPER_FN(crc32)
{
    return crc_update((uint32_t)a0, a1, (unsigned)a2, 0xedb88320u);
}

DEF_HELPER_FN(crc32c)
{
    return crc_update((uint32_t)a0, a1, (unsigned)a2, 0x82f63b78u);
}
