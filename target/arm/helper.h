/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper.h: helper indices for IR calls and the prototype macro for their implementations. */
#ifndef TARGET_ARM_HELPER_H
#define TARGET_ARM_HELPER_H
#include <stdint.h>
#include "tcg/ir.h"

enum {
#define DEF_HELPER(name, nargs, flags) HELPER_##name,
#include "helper-defs.h"
#undef DEF_HELPER
    HELPER_COUNT
};

#define DEF_HELPER_FN(name) \
    uint64_t helper_##name(void *env_, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)

#define DEF_HELPER(name, nargs, flags) DEF_HELPER_FN(name);
#include "helper-defs.h"
#undef DEF_HELPER

#endif
