/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-ct.c: checks under valgrind memcheck that P-384 secret-scalar code never branches on or
 * indexes memory by secret data (secrets are marked undefined, so any such use is reported). */
#include <string.h>
#include <valgrind/memcheck.h>
#include "crypto/hmac.h"
#include "mont384.h"
#include "p384-curve.h"
#include "rfc6979.h"
#include "vectors.h"

#define SECRET(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define PUBLIC(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))

static volatile unsigned sink;

/* Errors memcheck reported while running fn. */
static unsigned long errors_during(void (*fn)(void))
{
    unsigned long before = VALGRIND_COUNT_ERRORS;

    fn();
    return VALGRIND_COUNT_ERRORS - before;
}

static const uint8_t secret_bytes[48] = {
    0x5a, 0x17, 0xc3, 0x09, 0x88, 0x21, 0x4e, 0xf0, 0x33, 0x6b, 0x90, 0x02,
    0xde, 0xad, 0xbe, 0xef, 0x10, 0x20, 0x30, 0x40, 0x55, 0x66, 0x77, 0x88,
    0x99, 0xaa, 0xbb, 0xcc, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
    0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69, 0x78, 0x87, 0x96, 0xa5, 0xb4,
};

/* Deliberately leaky: proves the harness sees a secret-dependent branch. */
static void canary(void)
{
    uint8_t s[48];

    memcpy(s, secret_bytes, 48);
    SECRET(s, 48);
    if (s[3] & 1) {
        sink++;
    }
}

static void scalar_mult(void)
{
    uint8_t s[48];
    Fe k;
    P384Point r;

    memcpy(s, secret_bytes, 48);
    SECRET(s, 48);
    PUBLIC(&sink, sizeof(sink));
    fe_from_bytes(&p384_n, &k, s);
    p384_scalar_mult_base(&r, &k);
    /* The product is published (as r of a signature) from here on. */
    PUBLIC(&r, sizeof(r));
    sink += (unsigned)r.x.v[0];
}

static void scalar_arith(void)
{
    uint8_t s[48];
    Fe k, d, km, kinv, dm, t;

    memcpy(s, secret_bytes, 48);
    SECRET(s, 48);
    fe_from_bytes(&p384_n, &k, s);
    s[0] ^= 0x11;
    fe_from_bytes(&p384_n, &d, s);
    /* The s = k^-1 (e + r d) chain of signing, with every secret operand undefined. */
    mod_to_mont(&p384_n, &km, &k);
    mod_inv(&p384_n, &kinv, &km);
    mod_to_mont(&p384_n, &dm, &d);
    mod_mul(&p384_n, &t, &dm, &km);
    mod_add(&p384_n, &t, &t, &dm);
    mod_sub(&p384_n, &t, &t, &km);
    mod_mul(&p384_n, &t, &t, &kinv);
    mod_from_mont(&p384_n, &t, &t);
    mod_reduce_once(&p384_n, &t, &t);
    fe_cmov(&t, &k, fe_is_zero(&d) | fe_equal(&k, &d));
    PUBLIC(&t, sizeof(t));
    sink += (unsigned)t.v[0];
}

static void nonce_and_hmac(void)
{
    uint8_t x[48], h[48], mac[64];
    Rfc6979 gen;

    memcpy(x, secret_bytes, 48);
    memset(h, 0x42, sizeof(h));
    SECRET(x, 48);
    /* RFC 6979 steps a-g and HMAC keyed by a secret: SHA-2 has no data-dependent control. */
    rfc6979_init(&gen, HASH_SHA384, x, h);
    hmac(HASH_SHA512, x, 48, h, 48, mac);
    PUBLIC(&gen, sizeof(gen));
    PUBLIC(mac, sizeof(mac));
    sink += gen.v[0] + mac[0];
}

int main(void)
{
    Tally t = { .name = "crypto-constant-time" };

    if (!RUNNING_ON_VALGRIND) {
        fprintf(stderr, "must run under valgrind (memcheck)\n");
        return 1;
    }
    tally_check(&t, errors_during(canary) > 0, __LINE__,
                "harness did not notice a deliberate secret-dependent branch");
    fprintf(stderr, "(the error above is the deliberate canary)\n");
    unsigned long e;

    e = errors_during(scalar_mult);
    tally_check(&t, e == 0, __LINE__, "p384_scalar_mult_base: %lu secret-dependent uses", e);
    e = errors_during(scalar_arith);
    tally_check(&t, e == 0, __LINE__, "scalar arithmetic mod n: %lu secret-dependent uses", e);
    e = errors_during(nonce_and_hmac);
    tally_check(&t, e == 0, __LINE__, "RFC 6979 / HMAC: %lu secret-dependent uses", e);
    return tally_report(&t);
}
