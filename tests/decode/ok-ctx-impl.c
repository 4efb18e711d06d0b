/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ok-ctx-impl.c: decode_unimplemented() for the capstone cross-check: record the name, accept. */
#include <stdio.h>

#include "ok-ctx.h"

bool decode_unimplemented(struct DisasContext *s, const char *pattern_name)
{
    s->calls++;
    snprintf(s->unimp, sizeof(s->unimp), "%s", pattern_name);
    return s->unimp_result;
}
