/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-hmac.c: HMAC-SHA-256/384/512 against the RFC 4231 cases (pyca vector files). */
#include <stdlib.h>
#include <string.h>
#include "crypto/hmac.h"
#include "vectors.h"

int main(int argc, char **argv)
{
    KvReader r;
    HashAlg alg;
    int rc;

    if (argc < 4) {
        fprintf(stderr, "usage: %s FILE sha256|sha384|sha512 NAME\n", argv[0]);
        return 2;
    }
    if (hash_alg_from_name(argv[2], &alg) != 0) {
        fprintf(stderr, "unknown hash '%s'\n", argv[2]);
        return 2;
    }
    Tally t = { .name = argv[3] };

    if (kv_open(&r, argv[1], "Len") != 0) {
        return 2;
    }
    while ((rc = kv_next(&r)) == 1) {
        const char *key_hex = kv_get(&r, "Key"), *msg_hex = kv_get(&r, "Msg");
        const char *md_hex = kv_get(&r, "MD");
        size_t key_len, msg_len, md_len;
        uint8_t *key = key_hex ? hex_alloc(key_hex, &key_len) : NULL;
        uint8_t *msg = msg_hex ? hex_alloc(msg_hex, &msg_len) : NULL;
        uint8_t *md = md_hex ? hex_alloc(md_hex, &md_len) : NULL;
        uint8_t got[HASH_MAX_DIGEST_LEN], got2[HASH_MAX_DIGEST_LEN];

        if (!key || !msg || !md || md_len != hash_len(alg)) {
            tally_check(&t, false, r.record_line, "malformed vector");
        } else {
            HmacCtx c;

            hmac(alg, key, key_len, msg, msg_len, got);
            /* The streaming form, with the message split unevenly. */
            hmac_init(&c, alg, key, key_len);
            hmac_update(&c, msg, msg_len / 3);
            hmac_update(&c, msg + msg_len / 3, msg_len - msg_len / 3);
            hmac_final(&c, got2);
            tally_check(&t, memcmp(got, md, md_len) == 0 && memcmp(got2, md, md_len) == 0,
                        r.record_line, "key %zu bytes, message %zu bytes", key_len, msg_len);
        }
        free(key);
        free(msg);
        free(md);
    }
    kv_close(&r);
    if (rc < 0) {
        tally_check(&t, false, r.line_no, "parse error");
    }
    return tally_report(&t);
}
