/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vectors.h: reader for the "key = value" test-vector files (NIST CAVP .rsp, pyca .txt). */
#ifndef FW_UNIT_CRYPTO_VECTORS_H
#define FW_UNIT_CRYPTO_VECTORS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "crypto/sha2.h"

#define KV_MAX_FIELDS 32

typedef struct {
    char *key;
    char *value;
} KvPair;

/* Records begin at a line whose key is start_key and run to the next such line, a section
 * header or the end of the file; blank lines and '#' comments inside a record are skipped (the
 * RFC 5869 file has blank lines within a case). Keys that appear outside a record (CAVP "Seed",
 * "N") are kept as section attributes. Consecutive "[...]" headers form one section. */
typedef struct {
    FILE *f;
    const char *path;
    const char *start_key;
    char section[512];
    bool section_closed;    /* a key line followed the headers: the next header starts anew */
    KvPair attrs[KV_MAX_FIELDS];
    int nattrs;
    KvPair fields[KV_MAX_FIELDS];
    int nfields;
    char *pending;          /* a line read ahead that starts the next record */
    int line_no;
    int record_line;        /* line of the current record's start key, for messages */
} KvReader;

/* Returns 0, or -1 with a message on stderr if the file cannot be opened. */
int kv_open(KvReader *r, const char *path, const char *start_key);
/* 1: a record is ready; 0: end of file; -1: malformed line (message printed). */
int kv_next(KvReader *r);
/* The record's value for key, else the section attribute, else NULL. */
const char *kv_get(const KvReader *r, const char *key);
/* True if one of the section's headers is exactly name (e.g. "P-384,SHA-256", "L = 32"). */
bool kv_in_section(const KvReader *r, const char *name);
void kv_close(KvReader *r);

/* Decodes hex of any even length into a fresh buffer; *len gets its length. Returns NULL on bad
 * hex (an empty string gives a non-NULL zero-length buffer). Free with free(). */
uint8_t *hex_alloc(const char *hex, size_t *len);
/* Decodes hex as a big-endian integer into exactly width bytes, left-padding with zeros.
 * Returns -1 on bad hex or if the value does not fit. */
int hex_fixed(const char *hex, uint8_t *out, size_t width);

/* "SHA-256" or "sha256" (and the 384/512 forms) to a HashAlg; -1 for anything else. */
int hash_alg_from_name(const char *name, HashAlg *alg);

/* Pass/fail counting shared by the test programs. */
typedef struct {
    const char *name;
    int pass;
    int fail;
} Tally;

/* Records one check; on failure prints name, file line and the message. */
void tally_check(Tally *t, bool ok, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prints "name: P/T vectors passed" and returns the process exit code: failure if any check
 * failed or none ran (an empty run must not look like success). */
int tally_report(const Tally *t);

#endif
