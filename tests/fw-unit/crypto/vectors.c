/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vectors.c: reader for "key = value" test-vector files, hex decoding and result tallies. */
#include "vectors.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void free_pairs(KvPair *p, int *n)
{
    for (int i = 0; i < *n; i++) {
        free(p[i].key);
        free(p[i].value);
    }
    *n = 0;
}

int kv_open(KvReader *r, const char *path, const char *start_key)
{
    memset(r, 0, sizeof(*r));
    r->path = path;
    r->start_key = start_key;
    r->f = fopen(path, "r");
    if (!r->f) {
        perror(path);
        return -1;
    }
    return 0;
}

void kv_close(KvReader *r)
{
    free_pairs(r->fields, &r->nfields);
    free_pairs(r->attrs, &r->nattrs);
    free(r->pending);
    if (r->f) {
        fclose(r->f);
    }
    r->f = NULL;
}

/* Next line without its CR/LF and trailing blanks, or NULL at end of file. */
static char *read_line(KvReader *r)
{
    char *line = NULL;
    size_t cap = 0;

    if (r->pending) {
        line = r->pending;
        r->pending = NULL;
        return line;
    }
    if (getline(&line, &cap, r->f) < 0) {
        free(line);
        return NULL;
    }
    r->line_no++;
    size_t n = strlen(line);

    while (n && isspace((unsigned char)line[n - 1])) {
        line[--n] = '\0';
    }
    return line;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) {
        s++;
    }
    size_t n = strlen(s);

    while (n && isspace((unsigned char)s[n - 1])) {
        s[--n] = '\0';
    }
    return s;
}

static int add_pair(KvReader *r, KvPair *p, int *n, const char *key, const char *value)
{
    if (*n == KV_MAX_FIELDS) {
        fprintf(stderr, "%s:%d: more than %d fields\n", r->path, r->line_no, KV_MAX_FIELDS);
        return -1;
    }
    p[*n].key = strdup(key);
    p[*n].value = strdup(value);
    (*n)++;
    return 0;
}

static void add_header(KvReader *r, const char *h)
{
    if (r->section_closed) {
        r->section[0] = '\0';
        free_pairs(r->attrs, &r->nattrs);
        r->section_closed = false;
    }
    size_t used = strlen(r->section);

    /* Headers are kept as "\x1f"-separated names so kv_in_section can match whole names. */
    snprintf(r->section + used, sizeof(r->section) - used, "%s%s\x1f", used ? "" : "\x1f", h);
}

int kv_next(KvReader *r)
{
    bool in_record = false;
    char *line;

    free_pairs(r->fields, &r->nfields);
    while ((line = read_line(r)) != NULL) {
        char *s = trim(line);

        if (*s == '\0' || *s == '#') {
            free(line);
            continue;
        }
        if (*s == '[') {
            if (in_record) {
                r->pending = line;
                return 1;
            }
            char *end = strchr(s, ']');

            if (!end) {
                fprintf(stderr, "%s:%d: unterminated section header\n", r->path, r->line_no);
                free(line);
                return -1;
            }
            *end = '\0';
            add_header(r, trim(s + 1));
            free(line);
            continue;
        }
        char *eq = strchr(s, '=');

        if (!eq) {
            fprintf(stderr, "%s:%d: expected 'key = value': %s\n", r->path, r->line_no, s);
            free(line);
            return -1;
        }
        *eq = '\0';
        char *key = trim(s), *value = trim(eq + 1);
        int rc;

        r->section_closed = true;
        if (strcmp(key, r->start_key) == 0) {
            if (in_record) {
                /* Rebuild the line so the next call starts its record with it. */
                size_t n = strlen(key) + strlen(value) + 4;

                r->pending = malloc(n);
                snprintf(r->pending, n, "%s = %s", key, value);
                free(line);
                return 1;
            }
            in_record = true;
            r->record_line = r->line_no;
        }
        if (in_record) {
            rc = add_pair(r, r->fields, &r->nfields, key, value);
        } else {
            rc = add_pair(r, r->attrs, &r->nattrs, key, value);
        }
        free(line);
        if (rc) {
            return -1;
        }
    }
    return in_record ? 1 : 0;
}

const char *kv_get(const KvReader *r, const char *key)
{
    for (int i = 0; i < r->nfields; i++) {
        if (strcmp(r->fields[i].key, key) == 0) {
            return r->fields[i].value;
        }
    }
    for (int i = 0; i < r->nattrs; i++) {
        if (strcmp(r->attrs[i].key, key) == 0) {
            return r->attrs[i].value;
        }
    }
    return NULL;
}

bool kv_in_section(const KvReader *r, const char *name)
{
    char want[256];

    snprintf(want, sizeof(want), "\x1f%s\x1f", name);
    return strstr(r->section, want) != NULL;
}

static int nibble(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)tolower((unsigned char)c);
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

uint8_t *hex_alloc(const char *hex, size_t *len)
{
    size_t n = strlen(hex);
    uint8_t *out;

    if (n % 2) {
        return NULL;
    }
    out = malloc(n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) {
        int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);

        if (hi < 0 || lo < 0) {
            free(out);
            return NULL;
        }
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    *len = n / 2;
    return out;
}

int hex_fixed(const char *hex, uint8_t *out, size_t width)
{
    size_t n = strlen(hex);

    memset(out, 0, width);
    /* Walk from the least significant digit; excess digits must be zero. */
    for (size_t i = 0; i < n; i++) {
        int v = nibble(hex[n - 1 - i]);

        if (v < 0) {
            return -1;
        }
        if (i / 2 >= width) {
            if (v) {
                return -1;
            }
            continue;
        }
        out[width - 1 - i / 2] |= (uint8_t)(i % 2 ? v << 4 : v);
    }
    return 0;
}

int hash_alg_from_name(const char *name, HashAlg *alg)
{
    static const struct {
        const char *a, *b;
        HashAlg alg;
    } names[] = {
        { "SHA-256", "sha256", HASH_SHA256 },
        { "SHA-384", "sha384", HASH_SHA384 },
        { "SHA-512", "sha512", HASH_SHA512 },
    };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (strcmp(name, names[i].a) == 0 || strcmp(name, names[i].b) == 0) {
            *alg = names[i].alg;
            return 0;
        }
    }
    return -1;
}

void tally_check(Tally *t, bool ok, int line, const char *fmt, ...)
{
    va_list ap;

    if (ok) {
        t->pass++;
        return;
    }
    t->fail++;
    fprintf(stderr, "%s: FAIL (line %d): ", t->name, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int tally_report(const Tally *t)
{
    printf("%s: %d/%d vectors passed\n", t->name, t->pass, t->pass + t->fail);
    return t->fail == 0 && t->pass > 0 ? 0 : 1;
}
