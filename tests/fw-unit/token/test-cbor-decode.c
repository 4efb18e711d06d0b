/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-cbor-decode.c: decoder round trips over RFC 8949 Appendix A, rejections and cursor API. */
#include <stdbool.h>
#include "cbor/decode.h"
#include "cbor/encode.h"
#include "cbor-echo.h"
#include "test-util.h"

/* Every definite-length encoding of RFC 8949 Appendix A table 6, floats included (they decode as
 * raw bits). These are all in preferred form, so they must also pass deterministic mode. */
static const char *const appendix_a[] = {
    "00", "01", "0a", "17", "1818", "1819", "1864", "1903e8", "1a000f4240",
    "1b000000e8d4a51000", "1bffffffffffffffff", "c249010000000000000000", "3bffffffffffffffff",
    "c349010000000000000000", "20", "29", "3863", "3903e7",
    "f90000", "f98000", "f93c00", "fb3ff199999999999a", "f93e00", "f97bff", "fa47c35000",
    "fa7f7fffff", "fb7e37e43c8800759c", "f90001", "f90400", "f9c400", "fbc010666666666666",
    "f97c00", "f97e00", "f9fc00", "fa7f800000", "fa7fc00000", "faff800000",
    "fb7ff0000000000000", "fb7ff8000000000000", "fbfff0000000000000",
    "f4", "f5", "f6", "f7", "f0", "f8ff",
    "c074323031332d30332d32315432303a30343a30305a", "c11a514b67b0", "c1fb41d452d9ec200000",
    "d74401020304", "d818456449455446", "d82076687474703a2f2f7777772e6578616d706c652e636f6d",
    "40", "4401020304", "60", "6161", "6449455446", "62225c", "62c3bc", "63e6b0b4", "64f0908591",
    "80", "83010203", "8301820203820405",
    "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
    "a0", "a201020304", "a26161016162820203", "826161a161626163",
    "a56161614161626142616361436164614461656145",
};

static void test_round_trip(void)
{
    for (size_t i = 0; i < sizeof(appendix_a) / sizeof(appendix_a[0]); i++) {
        uint8_t in[64], out[64];
        size_t n = test_unhex(appendix_a[i], in, sizeof(in)), on = 0;
        CborCursor c;
        CborEnc e;
        CborErr err;

        err = cbor_decode_init(&c, in, n, CBOR_DEC_DETERMINISTIC);
        CHECK(err == CBOR_OK, "%s: %s", appendix_a[i], cbor_err_name(err));
        cbor_enc_init(&e, out, sizeof(out));
        err = cbor_echo(&c, &e);
        CHECK(err == CBOR_OK && cbor_cursor_done(&c), "%s: echo %s", appendix_a[i],
              cbor_err_name(err));
        CHECK(cbor_enc_finish(&e, &on) == CBOR_OK && on == n && memcmp(in, out, n) == 0,
              "%s: round trip differs", appendix_a[i]);
        CHECK(cbor_next(&c, &(CborItem){ 0 }) == CBOR_ERR_END, "%s: second item", appendix_a[i]);
    }
}

typedef struct {
    const char *hex;
    CborErr want;
    unsigned flags;
} Reject;

static const Reject rejects[] = {
    { "", CBOR_ERR_TRUNCATED, 0 },
    { "18", CBOR_ERR_TRUNCATED, 0 },
    { "1901", CBOR_ERR_TRUNCATED, 0 },
    { "1b00000000000000", CBOR_ERR_TRUNCATED, 0 },
    { "820118", CBOR_ERR_TRUNCATED, 0 },
    /* RFC 8949 3: additional information 28..30 is reserved */
    { "1c", CBOR_ERR_RESERVED_AI, 0 },
    { "3d", CBOR_ERR_RESERVED_AI, 0 },
    { "5e", CBOR_ERR_RESERVED_AI, 0 },
    { "fc", CBOR_ERR_RESERVED_AI, 0 },
    /* RFC 8949 3.2: 31 with major type 0, 1 or 6 is not well-formed */
    { "1f", CBOR_ERR_RESERVED_AI, 0 },
    { "3f", CBOR_ERR_RESERVED_AI, 0 },
    { "df00", CBOR_ERR_RESERVED_AI, 0 },
    /* indefinite lengths, RFC 8949 Appendix A examples, are deliberately not supported */
    { "5f42010243030405ff", CBOR_ERR_INDEFINITE, 0 },
    { "7f657374726561646d696e67ff", CBOR_ERR_INDEFINITE, 0 },
    { "9fff", CBOR_ERR_INDEFINITE, 0 },
    { "bf61610161629f0203ffff", CBOR_ERR_INDEFINITE, 0 },
    { "839f0102ff0304", CBOR_ERR_INDEFINITE, 0 },
    { "ff", CBOR_ERR_BREAK, 0 },
    { "81ff", CBOR_ERR_BREAK, 0 },
    /* RFC 8949 3.3: simple values 0..31 never take the one-byte extension */
    { "f800", CBOR_ERR_BAD_SIMPLE, 0 },
    { "f81f", CBOR_ERR_BAD_SIMPLE, 0 },
    { "4401020304ff", CBOR_ERR_TRAILING, 0 },
    { "0000", CBOR_ERR_TRAILING, 0 },
    { "440102", CBOR_ERR_TOO_LONG, 0 },
    { "5bffffffffffffffff00", CBOR_ERR_TOO_LONG, 0 },
    { "7b0000000100000000", CBOR_ERR_TOO_LONG, 0 },
    { "9bffffffffffffffff", CBOR_ERR_TOO_LONG, 0 },
    { "bb8000000000000000", CBOR_ERR_TOO_LONG, 0 },
    { "8301", CBOR_ERR_TOO_LONG, 0 },
    { "a101", CBOR_ERR_TOO_LONG, 0 },
    /* RFC 8949 5.6: duplicate keys, also when spelled with different head widths */
    { "a201020103", CBOR_ERR_DUPLICATE_KEY, 0 },
    { "a20102180103", CBOR_ERR_DUPLICATE_KEY, 0 },
    { "a2616101616102", CBOR_ERR_DUPLICATE_KEY, 0 },
    { "a3010221030104", CBOR_ERR_DUPLICATE_KEY, 0 },
    { "81a2820102008201020a", CBOR_ERR_DUPLICATE_KEY, 0 },
    /* RFC 3629: stray continuation, overlong, surrogate, above U+10FFFF, cut sequence */
    { "6180", CBOR_ERR_BAD_UTF8, 0 },
    { "62c080", CBOR_ERR_BAD_UTF8, 0 },
    { "63eda080", CBOR_ERR_BAD_UTF8, 0 },
    { "64f4908080", CBOR_ERR_BAD_UTF8, 0 },
    { "62e6b0", CBOR_ERR_BAD_UTF8, 0 },
    { "61ff", CBOR_ERR_BAD_UTF8, 0 },
    /* RFC 8949 4.2.1 preferred serialization, only in deterministic mode */
    { "1817", CBOR_ERR_NON_SHORTEST, CBOR_DEC_DETERMINISTIC },
    { "1900ff", CBOR_ERR_NON_SHORTEST, CBOR_DEC_DETERMINISTIC },
    { "1a0000ffff", CBOR_ERR_NON_SHORTEST, CBOR_DEC_DETERMINISTIC },
    { "1b00000000ffffffff", CBOR_ERR_NON_SHORTEST, CBOR_DEC_DETERMINISTIC },
    { "5800", CBOR_ERR_NON_SHORTEST, CBOR_DEC_DETERMINISTIC },
    { "d8010a", CBOR_ERR_NON_SHORTEST, CBOR_DEC_DETERMINISTIC },
    { "3817", CBOR_ERR_NON_SHORTEST, CBOR_DEC_DETERMINISTIC },
};

/* Accepted: the same non-preferred heads outside deterministic mode, distinct keys. */
static const char *const accepts[] = {
    "1817", "1900ff", "1b00000000ffffffff", "5800", "f820",
    "a2010221 03", "a241610161 6102", "a2 8101 00 8102 00",
};

static void test_rejects(void)
{
    for (size_t i = 0; i < sizeof(rejects) / sizeof(rejects[0]); i++) {
        uint8_t in[64];
        size_t n = test_unhex(rejects[i].hex, in, sizeof(in));
        CborCursor c;
        CborErr err = cbor_decode_init(&c, in, n, rejects[i].flags);

        CHECK(err == rejects[i].want, "%s: got '%s', want '%s'", rejects[i].hex,
              cbor_err_name(err), cbor_err_name(rejects[i].want));
        CHECK(cbor_next(&c, &(CborItem){ 0 }) == CBOR_ERR_END, "%s: cursor not empty",
              rejects[i].hex);
    }
    for (size_t i = 0; i < sizeof(accepts) / sizeof(accepts[0]); i++) {
        uint8_t in[64];
        size_t n = test_unhex(accepts[i], in, sizeof(in));
        CborCursor c;
        CborErr err = cbor_decode_init(&c, in, n, 0);

        CHECK(err == CBOR_OK, "%s: %s", accepts[i], cbor_err_name(err));
    }
}

/* CBOR_MAX_DEPTH counts arrays, maps and tags: depth-1 nested containers are fine, depth not. */
static void test_depth(void)
{
    for (unsigned kind = 0; kind < 3; kind++) {
        static const uint8_t open[3] = { 0x81, 0xc1, 0xa1 };
        for (unsigned levels = CBOR_MAX_DEPTH - 1; levels <= CBOR_MAX_DEPTH; levels++) {
            uint8_t in[3 * CBOR_MAX_DEPTH];
            size_t n = 0;
            CborCursor c;
            CborErr err;

            for (unsigned i = 0; i < levels; i++) {
                in[n++] = open[kind];
                if (kind == 2) {
                    in[n++] = (uint8_t)i;   /* key of the map whose value nests further */
                }
            }
            in[n++] = 0x00;
            err = cbor_decode_init(&c, in, n, 0);
            CHECK(err == (levels < CBOR_MAX_DEPTH ? CBOR_OK : CBOR_ERR_DEPTH),
                  "kind %u levels %u: %s", kind, levels, cbor_err_name(err));
        }
    }
}

static void test_cursor(void)
{
    uint8_t in[64];
    size_t n = test_unhex("a3 6161 01 6162 820203 20 3b7fffffffffffffff", in, sizeof(in));
    CborCursor top, map, arr;
    CborItem it, m, v;
    int64_t iv;
    uint64_t uv;
    bool b;

    CHECK(cbor_decode_init(&top, in, n, 0) == CBOR_OK, "init");
    CHECK(cbor_next_expect(&top, CBOR_MAP, &m) == CBOR_OK && m.val == 3, "map");
    CHECK(cbor_enter(&m, &map) == CBOR_OK && map.left == 6, "enter map");
    CHECK(cbor_next(&map, &it) == CBOR_OK && cbor_item_tstr_eq(&it, "a"), "key a");
    CHECK(cbor_next(&map, &it) == CBOR_OK && cbor_item_uint(&it, &uv) == CBOR_OK && uv == 1,
          "value 1");
    CHECK(cbor_next(&map, &it) == CBOR_OK && !cbor_item_tstr_eq(&it, "a") &&
          cbor_item_tstr_eq(&it, "b"), "key b");
    CHECK(cbor_next_expect(&map, CBOR_ARRAY, &it) == CBOR_OK && it.len == 2 && it.raw_len == 3,
          "array spans");
    CHECK(cbor_enter(&it, &arr) == CBOR_OK, "enter array");
    CHECK(cbor_next(&arr, &v) == CBOR_OK && cbor_item_is_int(&v, 2), "elem 2");
    CHECK(cbor_next(&arr, &v) == CBOR_OK && cbor_item_is_int(&v, 3), "elem 3");
    CHECK(cbor_next(&arr, &v) == CBOR_ERR_END, "array end");
    CHECK(cbor_next(&map, &it) == CBOR_OK && cbor_item_int(&it, &iv) == CBOR_OK && iv == -1,
          "key -1");
    CHECK(cbor_next(&map, &it) == CBOR_OK && cbor_item_int(&it, &iv) == CBOR_OK &&
          iv == INT64_MIN, "INT64_MIN");
    CHECK(cbor_cursor_done(&map), "map done");
    CHECK(cbor_enter(&it, &arr) == CBOR_ERR_TYPE, "enter integer");
    CHECK(cbor_item_bool(&it, &b) == CBOR_ERR_TYPE, "int as bool");

    CHECK(cbor_map_find_int(&m, -1, &v) == CBOR_OK && v.major == CBOR_NINT, "find -1");
    CHECK(cbor_map_find_int(&m, 1, &v) == CBOR_ERR_NOT_FOUND, "find 1 (text key 'a' differs)");

    n = test_unhex("3bffffffffffffffff", in, sizeof(in));
    CHECK(cbor_decode_init(&top, in, n, 0) == CBOR_OK && cbor_next(&top, &it) == CBOR_OK &&
          cbor_item_int(&it, &iv) == CBOR_ERR_RANGE && cbor_item_uint(&it, &uv) == CBOR_ERR_TYPE,
          "-2^64 does not fit int64");
    n = test_unhex("83 f5 f6 f7", in, sizeof(in));
    CHECK(cbor_decode_init(&top, in, n, 0) == CBOR_OK && cbor_next(&top, &m) == CBOR_OK &&
          cbor_enter(&m, &arr) == CBOR_OK, "simple array");
    CHECK(cbor_next(&arr, &it) == CBOR_OK && cbor_item_bool(&it, &b) == CBOR_OK && b, "true");
    CHECK(cbor_next(&arr, &it) == CBOR_OK && cbor_item_is_null(&it), "null");
    CHECK(cbor_next(&arr, &it) == CBOR_OK && !cbor_item_is_null(&it) &&
          cbor_item_bool(&it, &b) == CBOR_ERR_TYPE, "undefined");

    /* cbor_check_prefix measures the first item of a CBOR sequence (RFC 8742). */
    n = test_unhex("8201 02 ff", in, sizeof(in));
    CHECK(cbor_check_prefix(in, n, 0, NULL) == CBOR_OK, "prefix without length");
    {
        size_t len = 0;
        CHECK(cbor_check_prefix(in, n, 0, &len) == CBOR_OK && len == 3, "prefix len %zu", len);
    }
    for (int e = 0; e <= CBOR_ERR_COUNT; e++) {
        CHECK(cbor_err_name((CborErr)e) != NULL && cbor_err_name((CborErr)e)[0] != '\0',
              "name %d", e);
    }
}

int main(void)
{
    test_round_trip();
    test_rejects();
    test_depth();
    test_cursor();
    return fwtest_report("cbor-decode");
}
