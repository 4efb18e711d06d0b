/* SPDX-License-Identifier: BSD-3-Clause */
/* bits.h: single-bit and bit-field helpers for register and descriptor layouts. */
#ifndef FW_LIB_BITS_H
#define FW_LIB_BITS_H
#include <stdint.h>

/* 64-bit on purpose: system registers and translation descriptors are 64 bits wide. */
#define BIT(n)              (UINT64_C(1) << (n))
/* Bits hi..lo inclusive set; the shift form avoids the undefined 1 << 64 when hi == 63. */
#define GENMASK(hi, lo)     ((~UINT64_C(0) >> (63 - (hi))) & (~UINT64_C(0) << (lo)))

/* A field is described by its lowest bit and width, as the Arm ARM register tables give them. */
#define FIELD_MASK(shift, width)        GENMASK((shift) + (width) - 1, (shift))
#define FIELD_GET(val, shift, width)    (((uint64_t)(val) >> (shift)) & GENMASK((width) - 1, 0))
#define FIELD_PREP(fv, shift, width)    (((uint64_t)(fv) & GENMASK((width) - 1, 0)) << (shift))
#define FIELD_SET(val, fv, shift, width) \
    (((uint64_t)(val) & ~FIELD_MASK(shift, width)) | FIELD_PREP(fv, shift, width))

#define IS_ALIGNED(x, a)    (((uint64_t)(x) & ((uint64_t)(a) - 1)) == 0)
#define ALIGN_DOWN(x, a)    ((uint64_t)(x) & ~((uint64_t)(a) - 1))
#define ALIGN_UP(x, a)      ALIGN_DOWN((uint64_t)(x) + (uint64_t)(a) - 1, a)
#define ARRAY_SIZE(a)       (sizeof(a) / sizeof((a)[0]))

#endif
