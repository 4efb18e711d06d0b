/* SPDX-License-Identifier: BSD-3-Clause */
/* encode.h: CBOR (RFC 8949) encoder into a caller buffer, preferred serialization, no malloc. */
#ifndef FW_CBOR_ENCODE_H
#define FW_CBOR_ENCODE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cbor/cbor.h"

/*
 * Every put function writes the shortest head (RFC 8949 4.2.1 preferred serialization). When the
 * buffer is too small the encoder keeps counting without writing, so cbor_enc_finish() reports
 * CBOR_ERR_OVERFLOW and the size that would have been needed. buf may be NULL with cap 0 to
 * measure. Arrays and maps are definite: the caller gives the element count up front and then
 * puts that many items (map: key, value, key, value ...).
 */

#define CBOR_ENC_MAX_WRAP 4

typedef struct {
    uint8_t *buf;
    size_t cap;
    size_t len;           /* bytes produced so far, including any that did not fit */
    size_t peak;          /* largest len seen: a bstr wrap briefly reserves a 9-byte head */
    CborErr err;          /* first error, sticky */
    unsigned nwrap;
    size_t wrap_start[CBOR_ENC_MAX_WRAP];
} CborEnc;

void cbor_enc_init(CborEnc *e, uint8_t *buf, size_t cap);
/* CBOR_OK with *len = bytes written. On CBOR_ERR_OVERFLOW *len is a capacity that suffices (at
 * most 8 bytes per bstr wrap above the final size, because a wrap reserves the longest head). */
CborErr cbor_enc_finish(const CborEnc *e, size_t *len);

void cbor_put_uint(CborEnc *e, uint64_t v);
void cbor_put_int(CborEnc *e, int64_t v);
/* The negative integer -1 - arg, which reaches -2^64 (RFC 8949 3.1 major type 1). */
void cbor_put_nint_arg(CborEnc *e, uint64_t arg);
void cbor_put_bstr(CborEnc *e, const void *p, size_t n);
void cbor_put_tstr(CborEnc *e, const char *s, size_t n);
/* Text string from a NUL-terminated C string. */
void cbor_put_tstr_z(CborEnc *e, const char *s);
void cbor_put_array(CborEnc *e, uint64_t count);
void cbor_put_map(CborEnc *e, uint64_t pairs);
void cbor_put_tag(CborEnc *e, uint64_t tag);
/* Simple value 0..19 or 32..255 (20..23 through the helpers below; 24..31 are not simple
 * values, RFC 8949 3.3). */
void cbor_put_simple(CborEnc *e, uint8_t v);
void cbor_put_bool(CborEnc *e, bool v);
void cbor_put_null(CborEnc *e);
void cbor_put_undefined(CborEnc *e);
/* Head of a byte string whose n content bytes the caller appends with cbor_put_raw(). */
void cbor_put_bstr_head(CborEnc *e, size_t n);
/* Already-encoded CBOR (or string content after a head). */
void cbor_put_raw(CborEnc *e, const void *p, size_t n);

/* Everything put between begin and end becomes the content of one byte string (for COSE
 * payloads and protected headers, which are bstr-wrapped CBOR). Nests CBOR_ENC_MAX_WRAP deep. */
void cbor_wrap_bstr_begin(CborEnc *e);
void cbor_wrap_bstr_end(CborEnc *e);

#endif
