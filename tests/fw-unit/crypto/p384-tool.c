/* SPDX-License-Identifier: GPL-2.0-or-later */
/* p384-tool.c: line-oriented front end to the P-384/ECDSA API for differential tests.
 *   pub D           -> Q or "err"           check Q          -> "ok" or "bad"
 *   sign D ALG DIG  -> SIG or "err"         verify Q DIG SIG -> "ok" or "bad"
 * D, Q, DIG and SIG are hex; ALG is sha256, sha384 or sha512. One answer line per request. */
#include <stdlib.h>
#include <string.h>
#include "crypto/ecdsa.h"
#include "crypto/p384.h"
#include "vectors.h"

static void put_hex(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
    putchar('\n');
}

/* Exactly n bytes of hex, else false. */
static bool get_exact(const char *hex, uint8_t *out, size_t n)
{
    return hex && strlen(hex) == 2 * n && hex_fixed(hex, out, n) == 0;
}

static void handle(char *line)
{
    char *argv[5] = { 0 };
    int argc = 0;

    for (char *tok = strtok(line, " \t\n"); tok && argc < 5; tok = strtok(NULL, " \t\n")) {
        argv[argc++] = tok;
    }
    if (argc == 0) {
        puts("err");
        return;
    }
    uint8_t d[48], q[97], sig[96];

    if (strcmp(argv[0], "pub") == 0 && argc == 2 && get_exact(argv[1], d, 48)) {
        if (p384_public_from_private(d, q) == 0) {
            put_hex(q, 97);
        } else {
            puts("err");
        }
    } else if (strcmp(argv[0], "check") == 0 && argc == 2 && get_exact(argv[1], q, 97)) {
        puts(p384_public_key_check(q) == 0 ? "ok" : "bad");
    } else if (strcmp(argv[0], "sign") == 0 && argc == 4 && get_exact(argv[1], d, 48)) {
        HashAlg alg;
        size_t dl;
        uint8_t *dig = hex_alloc(argv[3], &dl);

        if (dig && hash_alg_from_name(argv[2], &alg) == 0
            && ecdsa_p384_sign(d, alg, dig, dl, sig) == 0) {
            put_hex(sig, 96);
        } else {
            puts("err");
        }
        free(dig);
    } else if (strcmp(argv[0], "verify") == 0 && argc == 4 && get_exact(argv[1], q, 97)
               && get_exact(argv[3], sig, 96)) {
        size_t dl;
        uint8_t *dig = hex_alloc(argv[2], &dl);

        puts(dig && ecdsa_p384_verify(q, dig, dl, sig) == 0 ? "ok" : "bad");
        free(dig);
    } else {
        puts("err");
    }
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;

    while (getline(&line, &cap, stdin) > 0) {
        handle(line);
        fflush(stdout);
    }
    free(line);
    return 0;
}
