/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-hkdf.c: HKDF extract and expand against RFC 5869 appendix A and the pyca long vector. */
#include <stdlib.h>
#include <string.h>
#include "crypto/hkdf.h"
#include "vectors.h"

int main(int argc, char **argv)
{
    KvReader r;
    int rc;

    if (argc < 3) {
        fprintf(stderr, "usage: %s FILE NAME\n", argv[0]);
        return 2;
    }
    Tally t = { .name = argv[2] };

    if (kv_open(&r, argv[1], "COUNT") != 0) {
        return 2;
    }
    while ((rc = kv_next(&r)) == 1) {
        const char *hash = kv_get(&r, "Hash"), *l_s = kv_get(&r, "L");
        const char *ikm_h = kv_get(&r, "IKM"), *salt_h = kv_get(&r, "salt");
        const char *info_h = kv_get(&r, "info"), *prk_h = kv_get(&r, "PRK");
        const char *okm_h = kv_get(&r, "OKM");
        HashAlg alg;

        /* Only the SHA-2 members this library offers; anything else in a file is not ours. */
        if (!hash || hash_alg_from_name(hash, &alg) != 0) {
            printf("%s: line %d: skipping Hash = %s\n", t.name, r.record_line,
                   hash ? hash : "(none)");
            continue;
        }
        size_t ikm_len, salt_len, info_len, prk_len = 0, okm_len;
        uint8_t *ikm = ikm_h ? hex_alloc(ikm_h, &ikm_len) : NULL;
        uint8_t *salt = salt_h ? hex_alloc(salt_h, &salt_len) : NULL;
        uint8_t *info = info_h ? hex_alloc(info_h, &info_len) : NULL;
        uint8_t *prk = prk_h ? hex_alloc(prk_h, &prk_len) : NULL;
        uint8_t *okm = okm_h ? hex_alloc(okm_h, &okm_len) : NULL;
        long l = l_s ? strtol(l_s, NULL, 10) : -1;

        if (!ikm || !salt || !info || !okm || (prk_h && !prk) || l < 0
            || (size_t)l != okm_len) {
            tally_check(&t, false, r.record_line, "malformed vector");
        } else {
            uint8_t got_prk[HASH_MAX_DIGEST_LEN];
            uint8_t *got = malloc(okm_len + 1);
            bool ok = true;

            hkdf_extract(alg, salt, salt_len, ikm, ikm_len, got_prk);
            /* PRK is optional in the files; when given it must match too. */
            if (prk && (prk_len != hash_len(alg) || memcmp(prk, got_prk, prk_len) != 0)) {
                ok = false;
            }
            ok = ok && hkdf_expand(alg, got_prk, hash_len(alg), info, info_len, got, okm_len) == 0
                 && memcmp(got, okm, okm_len) == 0;
            tally_check(&t, ok, r.record_line, "COUNT = %s", kv_get(&r, "COUNT"));
            free(got);
        }
        free(ikm);
        free(salt);
        free(info);
        free(prk);
        free(okm);
    }
    kv_close(&r);
    if (rc < 0) {
        tally_check(&t, false, r.line_no, "parse error");
    }
    return tally_report(&t);
}
