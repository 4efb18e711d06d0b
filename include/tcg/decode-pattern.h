/* SPDX-License-Identifier: GPL-2.0-or-later */
/* decode-pattern.h: one row of a generated decoder's pattern table (tracing, coverage, insngen). */
#ifndef TCG_DECODE_PATTERN_H
#define TCG_DECODE_PATTERN_H

#include <stdint.h>

/*
 * scripts/decodegen.py emits decode_<file>_patterns[] in source order.  An instruction word
 * matches a row when (insn & mask) == bits.  Rows with the same non-zero group belong to one
 * overlapping group '{ }' and are tried in table order; group 0 means the row overlaps nothing.
 */
typedef struct DecodePattern {
    const char *name;       /* pattern name; the decoder calls trans_<name>() */
    uint32_t mask;          /* fixed bits */
    uint32_t bits;          /* their values */
    const char *file;       /* .decode file base name */
    int line;               /* line of the pattern in that file */
    int group;              /* overlapping-group number, 0 if none */
} DecodePattern;

#endif
