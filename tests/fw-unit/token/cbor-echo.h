/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cbor-echo.h: re-encode what a decoder cursor yields (round-trip oracle for tests and fuzzing). */
#ifndef TEST_CBOR_ECHO_H
#define TEST_CBOR_ECHO_H
#include "cbor/decode.h"
#include "cbor/encode.h"

/* Re-encodes a decoded item with the encoder: equal bytes prove the cursor saw every item with
 * its value intact. */
static inline CborErr cbor_echo(CborCursor *c, CborEnc *e)
{
    CborItem it;
    CborCursor child;
    CborErr err = cbor_next(c, &it);

    if (err != CBOR_OK) {
        return err;
    }
    switch (it.major) {
    case CBOR_UINT:
        cbor_put_uint(e, it.val);
        return CBOR_OK;
    case CBOR_NINT:
        cbor_put_nint_arg(e, it.val);
        return CBOR_OK;
    case CBOR_BSTR:
        cbor_put_bstr(e, it.data, it.len);
        return CBOR_OK;
    case CBOR_TSTR:
        cbor_put_tstr(e, (const char *)it.data, it.len);
        return CBOR_OK;
    case CBOR_ARRAY:
        cbor_put_array(e, it.val);
        break;
    case CBOR_MAP:
        cbor_put_map(e, it.val);
        break;
    case CBOR_TAG:
        cbor_put_tag(e, it.val);
        break;
    case CBOR_SIMPLE:
        if (it.ai <= CBOR_AI_1BYTE) {
            cbor_put_simple(e, (uint8_t)it.val);
        } else {
            cbor_put_raw(e, it.raw, it.raw_len);     /* float bits */
        }
        return CBOR_OK;
    }
    err = cbor_enter(&it, &child);
    while (err == CBOR_OK && !cbor_cursor_done(&child)) {
        err = cbor_echo(&child, e);
    }
    return err;
}

#endif
