/* SPDX-License-Identifier: GPL-2.0-or-later */
/* log.c: the -d category mask, -D log file and the qemu_log() sink. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "qemu/log.h"

uint32_t qemu_loglevel;
FILE *qemu_logfile;

static const struct { const char *name; uint32_t mask; const char *help; } log_items[] = {
#define LOG_ITEM(bit, name, help) { name, bit, help },
    LOG_CATEGORIES(LOG_ITEM)
#undef LOG_ITEM
};

int qemu_log_parse(const char *list, uint32_t *mask, char *bad, size_t bad_len)
{
    uint32_t m = 0;
    const char *p = list;

    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool found = false;

        if (len == 3 && strncmp(p, "all", 3) == 0) {
            m = ~0u;
            found = true;
        } else if (len > 6 && strncmp(p, "trace:", 6) == 0) {
            /* QEMU trace events: there is no tracing back end; accepted so scripts keep working */
            found = true;
        }
        for (size_t i = 0; !found && i < sizeof(log_items) / sizeof(log_items[0]); i++) {
            if (strlen(log_items[i].name) == len && strncmp(p, log_items[i].name, len) == 0) {
                m |= log_items[i].mask;
                found = true;
            }
        }
        if (!found) {
            snprintf(bad, bad_len, "%.*s", (int)len, p);
            return -1;
        }
        p += len + (end ? 1 : 0);
    }
    *mask = m;
    return 0;
}

void qemu_log_print_help(FILE *out)
{
    fprintf(out, "Log items (comma separated):\n");
    for (size_t i = 0; i < sizeof(log_items) / sizeof(log_items[0]); i++) {
        fprintf(out, "%-15s %s\n", log_items[i].name, log_items[i].help);
    }
    fprintf(out, "%-15s %s\n", "all", "all of the above");
    fprintf(out, "trace:PATTERN   accepted for compatibility; Granule has no trace events\n");
}

int qemu_log_set_file(const char *path)
{
    FILE *f = fopen(path, "w");

    if (!f) {
        return -1;
    }
    setvbuf(f, NULL, _IOLBF, 0);
    if (qemu_logfile && qemu_logfile != stderr) {
        fclose(qemu_logfile);
    }
    qemu_logfile = f;
    return 0;
}

void qemu_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(qemu_logfile ? qemu_logfile : stderr, fmt, ap);
    va_end(ap);
}
