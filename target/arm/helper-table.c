/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-table.c: ir_helpers[], built from helper-defs.h. */
#include "helper.h"

const IrHelperInfo ir_helpers[] = {
#define DEF_HELPER(name, nargs, flags) [HELPER_##name] = { #name, helper_##name, nargs, flags },
#include "helper-defs.h"
#undef DEF_HELPER
};
const int ir_nb_helpers = HELPER_COUNT;
