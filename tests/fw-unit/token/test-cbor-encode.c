/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-cbor-encode.c: the CBOR encoder against the encodings published in RFC 8949 Appendix A. */
#include <stdbool.h>
#include "cbor/encode.h"
#include "test-util.h"

/* A value tree describing what to encode; the expected bytes come from RFC 8949 Appendix A. */
typedef enum { V_UINT, V_INT, V_NINT_ARG, V_BSTR, V_TSTR, V_ARRAY, V_MAP, V_TAG, V_SIMPLE,
               V_BOOL, V_NULL, V_UNDEF } Kind;

typedef struct Val {
    Kind kind;
    uint64_t u;
    int64_t i;
    const char *s;
    size_t slen;
    const struct Val *kids;
    size_t n;
} Val;

#define UINT(x) { .kind = V_UINT, .u = (x) }
#define INT(x) { .kind = V_INT, .i = (x) }
#define NINT_ARG(x) { .kind = V_NINT_ARG, .u = (x) }
#define BSTR(str) { .kind = V_BSTR, .s = (str), .slen = sizeof(str) - 1 }
#define TSTR(str) { .kind = V_TSTR, .s = (str), .slen = sizeof(str) - 1 }
#define KIDS(...) .kids = (const Val[]){ __VA_ARGS__ }, \
                  .n = sizeof((const Val[]){ __VA_ARGS__ }) / sizeof(Val)
#define ARRAY(...) { .kind = V_ARRAY, KIDS(__VA_ARGS__) }
#define EMPTY_ARRAY { .kind = V_ARRAY }
#define MAP(...) { .kind = V_MAP, KIDS(__VA_ARGS__) }
#define EMPTY_MAP { .kind = V_MAP }
#define TAG(t, v) { .kind = V_TAG, .u = (t), KIDS(v) }
#define SIMPLE(x) { .kind = V_SIMPLE, .u = (x) }

typedef struct {
    const char *hex;
    Val v;
} Case;

/* RFC 8949 Appendix A, table 6 (in its order; floats are left to the decoder test). */
static const Case rfc8949_examples[] = {
    { "00", UINT(0) },
    { "01", UINT(1) },
    { "0a", UINT(10) },
    { "17", UINT(23) },
    { "1818", UINT(24) },
    { "1819", UINT(25) },
    { "1864", UINT(100) },
    { "1903e8", UINT(1000) },
    { "1a000f4240", UINT(1000000) },
    { "1b000000e8d4a51000", UINT(1000000000000ull) },
    { "1bffffffffffffffff", UINT(18446744073709551615ull) },
    /* 18446744073709551616 as tag 2 (unsigned bignum) over a byte string */
    { "c249010000000000000000", TAG(2, BSTR("\x01\x00\x00\x00\x00\x00\x00\x00\x00")) },
    { "3bffffffffffffffff", NINT_ARG(18446744073709551615ull) },     /* -18446744073709551616 */
    { "c349010000000000000000", TAG(3, BSTR("\x01\x00\x00\x00\x00\x00\x00\x00\x00")) },
    { "20", INT(-1) },
    { "29", INT(-10) },
    { "3863", INT(-100) },
    { "3903e7", INT(-1000) },
    { "f4", { .kind = V_BOOL, .u = 0 } },
    { "f5", { .kind = V_BOOL, .u = 1 } },
    { "f6", { .kind = V_NULL } },
    { "f7", { .kind = V_UNDEF } },
    { "f0", SIMPLE(16) },
    { "f8ff", SIMPLE(255) },
    { "c074323031332d30332d32315432303a30343a30305a", TAG(0, TSTR("2013-03-21T20:04:00Z")) },
    { "c11a514b67b0", TAG(1, UINT(1363896240)) },
    { "d74401020304", TAG(23, BSTR("\x01\x02\x03\x04")) },
    { "d818456449455446", TAG(24, BSTR("dIETF")) },
    { "d82076687474703a2f2f7777772e6578616d706c652e636f6d",
      TAG(32, TSTR("http://www.example.com")) },
    { "40", BSTR("") },
    { "4401020304", BSTR("\x01\x02\x03\x04") },
    { "60", TSTR("") },
    { "6161", TSTR("a") },
    { "6449455446", TSTR("IETF") },
    { "62225c", TSTR("\"\\") },
    { "62c3bc", TSTR("\xc3\xbc") },
    { "63e6b0b4", TSTR("\xe6\xb0\xb4") },
    { "64f0908591", TSTR("\xf0\x90\x85\x91") },
    { "80", EMPTY_ARRAY },
    { "83010203", ARRAY(UINT(1), UINT(2), UINT(3)) },
    { "8301820203820405", ARRAY(UINT(1), ARRAY(UINT(2), UINT(3)), ARRAY(UINT(4), UINT(5))) },
    { "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
      ARRAY(UINT(1), UINT(2), UINT(3), UINT(4), UINT(5), UINT(6), UINT(7), UINT(8), UINT(9),
            UINT(10), UINT(11), UINT(12), UINT(13), UINT(14), UINT(15), UINT(16), UINT(17),
            UINT(18), UINT(19), UINT(20), UINT(21), UINT(22), UINT(23), UINT(24), UINT(25)) },
    { "a0", EMPTY_MAP },
    { "a201020304", MAP(UINT(1), UINT(2), UINT(3), UINT(4)) },
    { "a26161016162820203", MAP(TSTR("a"), UINT(1), TSTR("b"), ARRAY(UINT(2), UINT(3))) },
    { "826161a161626163", ARRAY(TSTR("a"), MAP(TSTR("b"), TSTR("c"))) },
    { "a56161614161626142616361436164614461656145",
      MAP(TSTR("a"), TSTR("A"), TSTR("b"), TSTR("B"), TSTR("c"), TSTR("C"), TSTR("d"), TSTR("D"),
          TSTR("e"), TSTR("E")) },
};

static void put_val(CborEnc *e, const Val *v)
{
    switch (v->kind) {
    case V_UINT:
        cbor_put_uint(e, v->u);
        break;
    case V_INT:
        cbor_put_int(e, v->i);
        break;
    case V_NINT_ARG:
        cbor_put_nint_arg(e, v->u);
        break;
    case V_BSTR:
        cbor_put_bstr(e, v->s, v->slen);
        break;
    case V_TSTR:
        cbor_put_tstr(e, v->s, v->slen);
        break;
    case V_ARRAY:
        cbor_put_array(e, v->n);
        for (size_t i = 0; i < v->n; i++) {
            put_val(e, &v->kids[i]);
        }
        break;
    case V_MAP:
        cbor_put_map(e, v->n / 2);
        for (size_t i = 0; i < v->n; i++) {
            put_val(e, &v->kids[i]);
        }
        break;
    case V_TAG:
        cbor_put_tag(e, v->u);
        put_val(e, &v->kids[0]);
        break;
    case V_SIMPLE:
        cbor_put_simple(e, (uint8_t)v->u);
        break;
    case V_BOOL:
        cbor_put_bool(e, v->u != 0);
        break;
    case V_NULL:
        cbor_put_null(e);
        break;
    case V_UNDEF:
        cbor_put_undefined(e);
        break;
    }
}

static void test_appendix_a(void)
{
    for (size_t i = 0; i < sizeof(rfc8949_examples) / sizeof(rfc8949_examples[0]); i++) {
        const Case *c = &rfc8949_examples[i];
        uint8_t want[64], got[64];
        char hex[160];
        size_t wn = test_unhex(c->hex, want, sizeof(want)), gn = 0;
        CborEnc e;

        cbor_enc_init(&e, got, sizeof(got));
        put_val(&e, &c->v);
        CHECK(cbor_enc_finish(&e, &gn) == CBOR_OK, "example %s", c->hex);
        test_hex(got, gn, hex, sizeof(hex));
        CHECK(gn == wn && memcmp(got, want, wn) == 0, "expected %s, got %s", c->hex, hex);
    }
}

/* Extremes of the int64 interface: INT64_MIN is -1 - 0x7fff...ffff. */
static void test_int64_edges(void)
{
    uint8_t out[32], want[32];
    size_t n = 0, wn;
    CborEnc e;

    cbor_enc_init(&e, out, sizeof(out));
    cbor_put_int(&e, INT64_MIN);
    cbor_put_int(&e, INT64_MAX);
    CHECK(cbor_enc_finish(&e, &n) == CBOR_OK, "int64 edges");
    wn = test_unhex("3b7fffffffffffffff 1b7fffffffffffffff", want, sizeof(want));
    CHECK(n == wn && memcmp(out, want, n) == 0, "int64 edges encoding");
}

/* Every capacity below the real size must report overflow with the needed size, and never write
 * past the capacity. */
static void test_overflow(void)
{
    uint8_t want[32];
    size_t wn = test_unhex("83 01 6449455446 4401020304", want, sizeof(want));

    for (size_t cap = 0; cap <= wn; cap++) {
        uint8_t buf[40];
        size_t n = 0;
        CborEnc e;
        CborErr err;

        memset(buf, 0xee, sizeof(buf));
        cbor_enc_init(&e, buf, cap);
        cbor_put_array(&e, 3);
        cbor_put_uint(&e, 1);
        cbor_put_tstr_z(&e, "IETF");
        cbor_put_bstr(&e, "\x01\x02\x03\x04", 4);
        err = cbor_enc_finish(&e, &n);
        if (cap < wn) {
            CHECK(err == CBOR_ERR_OVERFLOW, "cap %zu: %s", cap, cbor_err_name(err));
        } else {
            CHECK(err == CBOR_OK && memcmp(buf, want, wn) == 0, "cap %zu", cap);
        }
        CHECK(n == wn, "cap %zu: needed %zu, want %zu", cap, n, wn);
        for (size_t i = cap; i < sizeof(buf); i++) {
            CHECK(buf[i] == 0xee, "cap %zu: byte %zu written", cap, i);
        }
    }
    /* Measuring mode. */
    {
        CborEnc e;
        size_t n = 0;

        cbor_enc_init(&e, NULL, 0);
        cbor_put_tstr_z(&e, "IETF");
        CHECK(cbor_enc_finish(&e, &n) == CBOR_ERR_OVERFLOW && n == 5, "measure %zu", n);
    }
    /* 24..31 are not simple values (RFC 8949 3.3). */
    {
        CborEnc e;
        uint8_t b[4];

        cbor_enc_init(&e, b, sizeof(b));
        cbor_put_simple(&e, 24);
        CHECK(cbor_enc_finish(&e, NULL) == CBOR_ERR_RANGE, "simple 24 accepted");
    }
}

/* bstr wrapping produces the shortest head, also across the 23/24 and 255/256 boundaries. */
static void test_wrap(void)
{
    static const size_t sizes[] = { 0, 1, 22, 23, 24, 254, 255, 256, 300 };

    for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
        size_t content = sizes[k], n = 0, need = 0;
        uint8_t buf[400], ref[400], small[400];
        CborEnc e, r;

        /* content bytes are one-byte integers 0..23 */
        cbor_enc_init(&e, buf, sizeof(buf));
        cbor_put_array(&e, 1);
        cbor_wrap_bstr_begin(&e);
        for (size_t i = 0; i < content; i++) {
            cbor_put_uint(&e, i % 24);
        }
        cbor_wrap_bstr_end(&e);
        CHECK(cbor_enc_finish(&e, &n) == CBOR_OK, "wrap %zu", content);

        cbor_enc_init(&r, ref, sizeof(ref));
        cbor_put_array(&r, 1);
        cbor_put_bstr_head(&r, content);
        for (size_t i = 0; i < content; i++) {
            cbor_put_uint(&r, i % 24);
        }
        CHECK(n == r.len && memcmp(buf, ref, n) == 0, "wrap %zu differs from direct", content);

        /* The reported capacity must be enough for a retry. */
        cbor_enc_init(&e, small, n - 1);
        cbor_put_array(&e, 1);
        cbor_wrap_bstr_begin(&e);
        for (size_t i = 0; i < content; i++) {
            cbor_put_uint(&e, i % 24);
        }
        cbor_wrap_bstr_end(&e);
        CHECK(cbor_enc_finish(&e, &need) == CBOR_ERR_OVERFLOW && need >= n && need <= n + 8,
              "wrap %zu: need %zu", content, need);
        cbor_enc_init(&e, small, need);
        cbor_put_array(&e, 1);
        cbor_wrap_bstr_begin(&e);
        for (size_t i = 0; i < content; i++) {
            cbor_put_uint(&e, i % 24);
        }
        cbor_wrap_bstr_end(&e);
        CHECK(cbor_enc_finish(&e, &need) == CBOR_OK && need == n && memcmp(small, ref, n) == 0,
              "wrap %zu: retry", content);
    }
    {
        CborEnc e;
        uint8_t b[16];

        cbor_enc_init(&e, b, sizeof(b));
        cbor_wrap_bstr_end(&e);
        CHECK(cbor_enc_finish(&e, NULL) == CBOR_ERR_NESTING, "unbalanced end");
        cbor_enc_init(&e, b, sizeof(b));
        cbor_wrap_bstr_begin(&e);
        CHECK(cbor_enc_finish(&e, NULL) == CBOR_ERR_NESTING, "unclosed wrap");
    }
}

int main(void)
{
    test_appendix_a();
    test_int64_edges();
    test_overflow();
    test_wrap();
    return fwtest_report("cbor-encode");
}
