/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ok-ctx.h: the DisasContext the decode tests give generated decoders (via --include). */
#ifndef TESTS_DECODE_OK_CTX_H
#define TESTS_DECODE_OK_CTX_H

#include <stdbool.h>
#include <stdint.h>

/* Records what the decoder did, so tests can compare it with hand-computed expectations. */
struct DisasContext {
    int calls;                  /* trans_* and decode_unimplemented() calls for this insn */
    char log[256];              /* their names, space separated */
    char unimp[64];             /* last name passed to decode_unimplemented() */
    bool unimp_result;          /* what decode_unimplemented() returns */
};

bool decode_unimplemented(struct DisasContext *s, const char *pattern_name);

#endif
