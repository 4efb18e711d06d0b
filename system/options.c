/* SPDX-License-Identifier: GPL-2.0-or-later */
/* options.c: parse and validate qemu-system-aarch64's command line into GranuleOptions. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include "qemu/log.h"
#include "system/options.h"

#define PROG "qemu-system-aarch64"
#ifndef GRANULE_VERSION
#define GRANULE_VERSION "0.1.0"
#endif

enum { OPT_OK = 0, OPT_EXIT = 1, OPT_ERR = -1 };

/* Which help text to print once the whole command line parsed. */
typedef enum {
    HELP_NONE = 0,
    HELP_MACHINES,
    HELP_MACHINE_PROPS,
    HELP_CPUS,
    HELP_LOG,
    HELP_DEVICES,
    HELP_LOADER_PROPS,
    HELP_ACCELS,
} HelpKind;

/* Parser state beyond GranuleOptions: what was given explicitly, for cross-checks at the end. */
typedef struct {
    GranuleOptions *o;
    const char *opt;        /* the option being parsed as typed ("-M", "--cpu") */
    const char *arg;        /* its argument, NULL for flags */
    HelpKind help;
    bool dump;
    bool machine_given;
    bool secure_set;
    bool virt_set;
    bool cpu_set;
    GranuleOnOffAuto cpu_rme_req;  /* x-rme as given on -cpu */
    bool serial_given;
    bool monitor_given;
    bool bios_given;
    char *bios_name;        /* a bare -bios NAME not in the current directory: look in -L */
    GPtrArray *sh_args;
    GArray *loaders;
    GArray *chardevs;       /* Chardev, from -chardev */
    char *serial_ref[GRANULE_MAX_SERIALS];  /* -serial chardev:ID */
    char *monitor_ref;      /* -mon chardev=ID or -monitor chardev:ID */
    char *sh_ref;           /* -semihosting-config chardev=ID */
} Ctx;

/* One -chardev; frontends refer to it by id, and only a mux=on chardev may have several. */
typedef struct {
    char *id;
    char *arg;              /* the -chardev argument, for error messages */
    GranuleCharSpec spec;
    bool mux;
    bool signal;
    unsigned users;
} Chardev;

/* One key=value item of a QEMU-style option string. */
typedef struct {
    char *key;
    char *value;
} KeyValue;

/* ---- errors ---- */

/* Print the one error line: "qemu-system-aarch64: -opt arg: message". Control characters
 * from the command line are escaped so that the error stays on one line. */
static int G_GNUC_PRINTF(2, 3) fail(Ctx *c, const char *fmt, ...)
{
    GString *line = g_string_new(NULL);
    va_list ap;

    if (c->opt) {
        g_string_append_printf(line, "%s%s%s: ", c->opt, c->arg ? " " : "",
                               c->arg ? c->arg : "");
    }
    va_start(ap, fmt);
    g_string_append_vprintf(line, fmt, ap);
    va_end(ap);
    fputs(PROG ": ", stderr);
    for (const char *p = line->str; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f) {
            fprintf(stderr, "\\x%02x", (unsigned char)*p);
        } else {
            fputc(*p, stderr);
        }
    }
    fputc('\n', stderr);
    g_string_free(line, TRUE);
    return OPT_ERR;
}

/* ---- small parsers ---- */

static void kv_free(GArray *kvs)
{
    if (!kvs) {
        return;
    }
    for (guint i = 0; i < kvs->len; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        g_free(kv->key);
        g_free(kv->value);
    }
    g_array_free(kvs, TRUE);
}

/* Split "a,k=v,,w,flag" QEMU-style: ",," is a literal comma; a first item without '=' is the
 * implied key's value (when implied is not NULL); a later bare item means item=on. */
static GArray *kv_split(Ctx *c, const char *arg, const char *implied)
{
    GArray *kvs = g_array_new(FALSE, TRUE, sizeof(KeyValue));
    const char *p = arg;

    while (true) {
        GString *item = g_string_new(NULL);
        KeyValue kv = { 0 };
        char *eq;

        while (*p) {
            if (*p == ',' && p[1] == ',') {
                g_string_append_c(item, ',');
                p += 2;
            } else if (*p == ',') {
                break;
            } else {
                g_string_append_c(item, *p++);
            }
        }
        eq = strchr(item->str, '=');
        if (item->len == 0) {
            g_string_free(item, TRUE);
            fail(c, "empty parameter in '%s'", arg);
            kv_free(kvs);
            return NULL;
        }
        if (eq) {
            kv.key = g_strndup(item->str, eq - item->str);
            kv.value = g_strdup(eq + 1);
        } else if (kvs->len == 0 && implied) {
            kv.key = g_strdup(implied);
            kv.value = g_strdup(item->str);
        } else {
            kv.key = g_strdup(item->str);
            kv.value = g_strdup("on");
        }
        g_string_free(item, TRUE);
        if (kv.key[0] == '\0') {
            fail(c, "missing parameter name before '='");
            g_free(kv.key);
            g_free(kv.value);
            kv_free(kvs);
            return NULL;
        }
        g_array_append_val(kvs, kv);
        if (*p == '\0') {
            break;
        }
        p++;
    }
    return kvs;
}

/* QEMU's bool spellings: on/off, yes/no, true/false. */
static int parse_bool(Ctx *c, const char *key, const char *v, bool *out)
{
    if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "true")) {
        *out = true;
        return OPT_OK;
    }
    if (!strcmp(v, "off") || !strcmp(v, "no") || !strcmp(v, "false")) {
        *out = false;
        return OPT_OK;
    }
    return fail(c, "Parameter '%s' expects 'on' or 'off'", key);
}

static int parse_tristate(Ctx *c, const char *key, const char *v, GranuleOnOffAuto *out)
{
    bool b;

    if (!strcmp(v, "auto")) {
        *out = GRANULE_AUTO;
        return OPT_OK;
    }
    if (parse_bool(c, key, v, &b) < 0) {
        return OPT_ERR;
    }
    *out = b ? GRANULE_ON : GRANULE_OFF;
    return OPT_OK;
}

/* Unsigned integer in C notation (decimal, 0x hex, leading-0 octal), the whole string. */
static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    guint64 v;

    if (!*s || *s == '-' || *s == '+' || g_ascii_isspace(*s)) {
        return false;
    }
    errno = 0;
    v = g_ascii_strtoull(s, &end, 0);
    if (errno || *end) {
        return false;
    }
    *out = v;
    return true;
}

static bool parse_decimal(const char *s, uint64_t *out)
{
    char *end;
    guint64 v;

    if (!g_ascii_isdigit(*s)) {
        return false;
    }
    for (const char *p = s; *p; p++) {
        if (!g_ascii_isdigit(*p)) {
            return false;
        }
    }
    errno = 0;
    v = g_ascii_strtoull(s, &end, 10);
    if (errno || *end) {
        return false;
    }
    *out = v;
    return true;
}

/* A size as QEMU writes them: "512", "1.5G", "0x1000", with an optional B/K/M/G/T/P/E suffix;
 * a bare number counts in units of default_unit. */
static bool parse_size(const char *s, uint64_t default_unit, uint64_t *out)
{
    static const char suffixes[] = "BKMGTPE";
    uint64_t whole = 0, unit = default_unit, frac_num = 0, frac_den = 1;
    const char *p = s;
    const char *sfx;

    if (g_str_has_prefix(s, "0x") || g_str_has_prefix(s, "0X")) {
        char *end;
        p = s + 2;
        if (!g_ascii_isxdigit(*p)) {
            return false;
        }
        errno = 0;
        whole = g_ascii_strtoull(p, &end, 16);
        if (errno) {
            return false;
        }
        p = end;
    } else {
        if (!g_ascii_isdigit(*p)) {
            return false;
        }
        for (; g_ascii_isdigit(*p); p++) {
            if (whole > (UINT64_MAX - 9) / 10) {
                return false;
            }
            whole = whole * 10 + (*p - '0');
        }
        if (*p == '.') {
            p++;
            if (!g_ascii_isdigit(*p)) {
                return false;
            }
            for (; g_ascii_isdigit(*p); p++) {
                if (frac_den < 1000000000000ull) {
                    frac_num = frac_num * 10 + (*p - '0');
                    frac_den *= 10;
                }
            }
        }
    }
    if (*p) {
        sfx = strchr(suffixes, g_ascii_toupper(*p));
        if (!sfx || p[1]) {
            return false;
        }
        unit = 1ull << (10 * (sfx - suffixes));
    }
    if (whole > UINT64_MAX / unit) {
        return false;
    }
    *out = whole * unit + (uint64_t)((double)frac_num / (double)frac_den * (double)unit);
    return true;
}

/* "64 MiB"-style text for messages. */
static char *size_text(uint64_t bytes)
{
    static const char *units[] = { "bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    int u = 0;

    while (u < 6 && bytes && (bytes & 1023) == 0) {
        bytes >>= 10;
        u++;
    }
    return g_strdup_printf("%llu %s", (unsigned long long)bytes, units[u]);
}

/* ---- files ---- */

/* A file we will read later: it must exist, be readable and not be a directory. */
static bool file_readable(const char *path, uint64_t *size, const char **why)
{
    struct stat st;
    int fd = open(path, O_RDONLY);

    if (fd < 0) {
        *why = g_strerror(errno);
        return false;
    }
    if (fstat(fd, &st) < 0) {
        *why = g_strerror(errno);
        close(fd);
        return false;
    }
    close(fd);
    if (S_ISDIR(st.st_mode)) {
        *why = g_strerror(EISDIR);
        return false;
    }
    if (size) {
        *size = (uint64_t)st.st_size;
    }
    return true;
}

/* A file we will create or overwrite later, checked without creating it now. */
static bool file_writable(const char *path, const char **why)
{
    struct stat st;
    char *dir;
    bool ok;

    if (!*path) {
        *why = g_strerror(ENOENT);
        return false;
    }
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            *why = g_strerror(EISDIR);
            return false;
        }
        if (access(path, W_OK) < 0) {
            *why = g_strerror(errno);
            return false;
        }
        return true;
    }
    if (errno != ENOENT) {
        *why = g_strerror(errno);
        return false;
    }
    dir = g_path_get_dirname(path);
    ok = stat(dir, &st) == 0;
    if (!ok) {
        *why = g_strerror(errno);
    } else if (!S_ISDIR(st.st_mode)) {
        *why = g_strerror(ENOTDIR);
        ok = false;
    } else if (access(dir, W_OK | X_OK) < 0) {
        *why = g_strerror(errno);
        ok = false;
    }
    g_free(dir);
    return ok;
}

static void set_str(char **dst, const char *src)
{
    g_free(*dst);
    *dst = src ? g_strdup(src) : NULL;
}

/* ---- -M / -machine ---- */

/* The QEMU releases whose virt-X.Y machine versions we accept as aliases of virt. */
static const struct { int major, minor; } virt_versions[] = {
    { 2, 6 }, { 2, 7 }, { 2, 8 }, { 2, 9 }, { 2, 10 }, { 2, 11 }, { 2, 12 },
    { 3, 0 }, { 3, 1 }, { 4, 0 }, { 4, 1 }, { 4, 2 }, { 5, 0 }, { 5, 1 }, { 5, 2 },
    { 6, 0 }, { 6, 1 }, { 6, 2 }, { 7, 0 }, { 7, 1 }, { 7, 2 }, { 8, 0 }, { 8, 1 }, { 8, 2 },
    { 9, 0 }, { 9, 1 }, { 9, 2 },
};

static bool machine_lookup(const char *name, int *major, int *minor)
{
    if (!strcmp(name, "virt")) {
        *major = *minor = 0;
        return true;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(virt_versions); i++) {
        char buf[32];
        snprintf(buf, sizeof(buf), "virt-%d.%d", virt_versions[i].major, virt_versions[i].minor);
        if (!strcmp(name, buf)) {
            *major = virt_versions[i].major;
            *minor = virt_versions[i].minor;
            return true;
        }
    }
    return false;
}

static int set_image(Ctx *c, const char *which, const char *path);

static int machine_prop(Ctx *c, const char *key, const char *v)
{
    GranuleOptions *o = c->o;
    bool b;

    if (!strcmp(key, "type")) {
        if (!strcmp(v, "help")) {
            c->help = c->help ? c->help : HELP_MACHINES;
            return OPT_OK;
        }
        if (!machine_lookup(v, &o->machine_version_major, &o->machine_version_minor)) {
            return fail(c, "unsupported machine type '%s' (use -machine help to list supported "
                        "machines)", v);
        }
        c->machine_given = true;
        return OPT_OK;
    }
    if (!strcmp(key, "help")) {
        c->help = c->help ? c->help : HELP_MACHINE_PROPS;
        return OPT_OK;
    }
    if (!strcmp(key, "secure")) {
        c->secure_set = true;
        return parse_bool(c, key, v, &o->secure);
    }
    if (!strcmp(key, "virtualization")) {
        c->virt_set = true;
        return parse_bool(c, key, v, &o->virtualization);
    }
    if (!strcmp(key, "rme")) {
        return parse_bool(c, key, v, &o->rme);
    }
    if (!strcmp(key, "gic-version")) {
        if (!strcmp(v, "2") || !strcmp(v, "3") || !strcmp(v, "max")) {
            o->gic_version = v[0] == '2' ? 2 : 3;
            o->gic_version_given = true;
            return OPT_OK;
        }
        if (!strcmp(v, "4")) {
            return fail(c, "gic-version=%s is not supported yet (only 2, 3 or max)", v);
        }
        if (!strcmp(v, "host")) {
            return fail(c, "gic-version=host requires KVM, which is not supported");
        }
        return fail(c, "Invalid gic-version value '%s' (valid values are 2, 3 and max)", v);
    }
    if (!strcmp(key, "acpi")) {
        if (parse_tristate(c, key, v, &o->acpi) < 0) {
            return OPT_ERR;
        }
        if (o->acpi == GRANULE_ON) {
            return fail(c, "acpi=on is not supported yet (no ACPI tables; use acpi=off)");
        }
        return OPT_OK;
    }
    if (!strcmp(key, "highmem")) {
        return parse_tristate(c, key, v, &o->highmem);
    }
    if (!strcmp(key, "its")) {
        return parse_tristate(c, key, v, &o->its);
    }
    if (!strcmp(key, "mte")) {
        if (parse_bool(c, key, v, &b) < 0) {
            return OPT_ERR;
        }
        return b ? fail(c, "mte=on is not supported yet") : OPT_OK;
    }
    if (!strcmp(key, "iommu")) {
        if (!strcmp(v, "none")) {
            return OPT_OK;
        }
        if (!strcmp(v, "smmuv3")) {
            return fail(c, "iommu=smmuv3 is not supported yet");
        }
        return fail(c, "Invalid iommu value '%s' (valid values are none and smmuv3)", v);
    }
    if (!strcmp(key, "accel")) {
        gchar **names = g_strsplit(v, ":", -1);
        bool tcg = false;
        for (gchar **n = names; *n; n++) {
            tcg |= !strcmp(*n, "tcg");
        }
        g_strfreev(names);
        return tcg ? OPT_OK : fail(c, "accelerator '%s' is not supported (only tcg)", v);
    }
    if (!strcmp(key, "dumpdtb")) {
        const char *why;
        if (!file_writable(v, &why)) {
            return fail(c, "cannot write device tree to '%s': %s", v, why);
        }
        set_str(&o->dumpdtb, v);
        return OPT_OK;
    }
    if (!strcmp(key, "kernel") || !strcmp(key, "initrd") || !strcmp(key, "dtb") ||
        !strcmp(key, "firmware")) {
        return set_image(c, !strcmp(key, "firmware") ? "bios" : key, v);
    }
    if (!strcmp(key, "append")) {
        set_str(&o->append, v);
        return OPT_OK;
    }
    /* Properties that only matter to QEMU's other features: validated, then ignored. */
    static const char *const ignored_bools[] = {
        "dtb-randomness", "dtb-kaslr-seed", "usb", "graphics", "dump-guest-core", "mem-merge",
        "suppress-vmdesc", "default-bus-bypass-iommu", "ras",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(ignored_bools); i++) {
        if (!strcmp(key, ignored_bools[i])) {
            return parse_bool(c, key, v, &b);
        }
    }
    return fail(c, "machine 'virt' has no property '%s'", key);
}

static int opt_machine(Ctx *c, const char *arg)
{
    GArray *kvs = kv_split(c, arg, "type");
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        ret = machine_prop(c, kv->key, kv->value);
    }
    kv_free(kvs);
    return ret;
}

/* ---- -cpu ---- */

static const struct {
    const char *name;
    GranuleCpuModel model;
} cpu_models[] = {
    { "cortex-a53", GRANULE_CPU_CORTEX_A53 },
    { "cortex-a57", GRANULE_CPU_CORTEX_A57 },
    { "cortex-a72", GRANULE_CPU_CORTEX_A72 },
    { "max", GRANULE_CPU_MAX },
};

static void cpu_reset_props(GranuleOptions *o)
{
    o->cpu_rme = false;
    o->l0gptsz = 30;
    o->pauth = o->pauth_impdef = o->pauth_qarma3 = GRANULE_AUTO;
    o->sve = o->sme = o->lpa2 = o->pmu = GRANULE_AUTO;
}

static int cpu_prop(Ctx *c, const char *key, const char *v)
{
    GranuleOptions *o = c->o;
    bool is_max = o->cpu_model == GRANULE_CPU_MAX;
    static const struct { const char *name; size_t off; } max_props[] = {
        { "pauth", offsetof(GranuleOptions, pauth) },
        { "pauth-impdef", offsetof(GranuleOptions, pauth_impdef) },
        { "pauth-qarma3", offsetof(GranuleOptions, pauth_qarma3) },
        { "sve", offsetof(GranuleOptions, sve) },
        { "sme", offsetof(GranuleOptions, sme) },
        { "lpa2", offsetof(GranuleOptions, lpa2) },
    };
    bool b;

    if (!strcmp(key, "pmu")) {
        return parse_tristate(c, key, v, &o->pmu);
    }
    if (!strcmp(key, "aarch64")) {
        if (parse_bool(c, key, v, &b) < 0) {
            return OPT_ERR;
        }
        return b ? OPT_OK : fail(c, "aarch64=off: AArch32 is not supported");
    }
    if (!strcmp(key, "x-rme") && is_max) {
        if (parse_bool(c, key, v, &b) < 0) {
            return OPT_ERR;
        }
        c->cpu_rme_req = b ? GRANULE_ON : GRANULE_OFF;
        o->cpu_rme = b;
        return OPT_OK;
    }
    if (!strcmp(key, "x-l0gptsz") && is_max) {
        if (strcmp(v, "30") && strcmp(v, "34") && strcmp(v, "36") && strcmp(v, "39")) {
            return fail(c, "invalid x-l0gptsz value '%s' (valid values are 30, 34, 36 and 39)",
                        v);
        }
        o->l0gptsz = (unsigned)atoi(v);
        return OPT_OK;
    }
    for (size_t i = 0; is_max && i < G_N_ELEMENTS(max_props); i++) {
        if (!strcmp(key, max_props[i].name)) {
            return parse_tristate(c, key, v,
                                  (GranuleOnOffAuto *)((char *)o + max_props[i].off));
        }
    }
    if (!strcmp(key, "x-rme") || !strcmp(key, "x-l0gptsz")) {
        return fail(c, "CPU model '%s' has no property '%s' (RME needs -cpu max)", o->cpu_name,
                    key);
    }
    return fail(c, "CPU model '%s' has no property '%s'", o->cpu_name, key);
}

static int opt_cpu(Ctx *c, const char *arg)
{
    GranuleOptions *o = c->o;
    GArray *kvs = kv_split(c, arg, "model");
    KeyValue *first;
    bool found = false;
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    first = &g_array_index(kvs, KeyValue, 0);
    if (strcmp(first->key, "model")) {
        kv_free(kvs);
        return fail(c, "a CPU model name must come first (use -cpu help for a list)");
    }
    if (!strcmp(first->value, "help")) {
        c->help = c->help ? c->help : HELP_CPUS;
        kv_free(kvs);
        return OPT_OK;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(cpu_models); i++) {
        if (!strcmp(first->value, cpu_models[i].name)) {
            o->cpu_model = cpu_models[i].model;
            o->cpu_name = cpu_models[i].name;
            found = true;
        }
    }
    if (!found) {
        ret = !strcmp(first->value, "host")
            ? fail(c, "CPU model 'host' requires KVM, which is not supported")
            : fail(c, "unable to find CPU model '%s' (use -cpu help for a list)", first->value);
        kv_free(kvs);
        return ret;
    }
    c->cpu_set = true;
    c->cpu_rme_req = GRANULE_AUTO;
    cpu_reset_props(o);
    for (guint i = 1; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        ret = cpu_prop(c, kv->key, kv->value);
    }
    kv_free(kvs);
    return ret;
}

/* ---- -m, -smp ---- */

static int opt_memory(Ctx *c, const char *arg)
{
    GArray *kvs = kv_split(c, arg, "size");
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        uint64_t size;

        if (!strcmp(kv->key, "size")) {
            if (!parse_size(kv->value, 1ull << 20, &size)) {
                ret = fail(c, "invalid size '%s' (a number of MiB, or with a K, M, G or T "
                           "suffix)", kv->value);
            } else if (size < GRANULE_RAM_MIN) {
                char *t = size_text(size);
                ret = fail(c, "RAM size %s is below the minimum of 16 MiB", t);
                g_free(t);
            } else if (size > GRANULE_RAM_MAX) {
                char *t = size_text(size);
                ret = fail(c, "RAM size %s is above the virt board's maximum of 255 GiB "
                           "(RAM from 0x40000000 must end below 256 GiB)", t);
                g_free(t);
            } else {
                /* QEMU rounds RAM up to its 8 KiB target page alignment. */
                c->o->ram_size = (size + 8191) & ~8191ull;
            }
        } else if (!strcmp(kv->key, "slots") || !strcmp(kv->key, "maxmem")) {
            ret = fail(c, "memory hotplug (%s=) is not supported", kv->key);
        } else {
            ret = fail(c, "Invalid parameter '%s'", kv->key);
        }
    }
    kv_free(kvs);
    return ret;
}

static int opt_smp(Ctx *c, const char *arg)
{
    static const char *const keys[] = {
        "cpus", "maxcpus", "drawers", "books", "sockets", "dies", "clusters", "cores", "threads",
    };
    GArray *kvs = kv_split(c, arg, "cpus");
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        bool known = false;
        uint64_t n = 0;

        for (size_t k = 0; k < G_N_ELEMENTS(keys); k++) {
            known |= !strcmp(kv->key, keys[k]);
        }
        if (!known) {
            ret = fail(c, "Parameter 'smp.%s' is unexpected", kv->key);
        } else if (!parse_decimal(kv->value, &n)) {
            ret = fail(c, "Parameter 'smp.%s' expects integer", kv->key);
        } else if (n == 0) {
            ret = fail(c, "Parameter 'smp.%s' must be greater than zero", kv->key);
        } else if (n > 1) {
            ret = fail(c, "SMP is not supported yet: %s=%s (only 1 CPU)", kv->key, kv->value);
        }
    }
    kv_free(kvs);
    c->o->smp_cpus = 1;
    return ret;
}

/* ---- images ---- */

static int check_bios(Ctx *c, const char *path)
{
    const char *why;
    uint64_t size;

    if (!file_readable(path, &size, &why)) {
        return fail(c, "Could not load ROM image '%s': %s", path, why);
    }
    if (size > GRANULE_PFLASH_BANK_SIZE) {
        return fail(c, "ROM image '%s' is %llu bytes, more than the 64 MiB flash bank", path,
                    (unsigned long long)size);
    }
    set_str(&c->o->bios, path);
    return OPT_OK;
}

static int set_image(Ctx *c, const char *which, const char *path)
{
    GranuleOptions *o = c->o;
    const char *why;

    if (!strcmp(which, "bios")) {
        c->bios_given = true;
        set_str(&c->bios_name, NULL);
        set_str(&o->bios, NULL);
        /* Like QEMU, a bare firmware name is also looked up in the -L directory, which may
         * come later on the command line. */
        if (!strchr(path, '/') && access(path, F_OK) < 0 && errno == ENOENT) {
            set_str(&c->bios_name, path);
            return OPT_OK;
        }
        return check_bios(c, path);
    } else if (!strcmp(which, "kernel")) {
        if (!file_readable(path, NULL, &why)) {
            return fail(c, "could not load kernel '%s': %s", path, why);
        }
        set_str(&o->kernel, path);
    } else if (!strcmp(which, "initrd")) {
        if (!file_readable(path, NULL, &why)) {
            return fail(c, "could not load initial ram disk '%s': %s", path, why);
        }
        set_str(&o->initrd, path);
    } else {
        int fd;
        unsigned char magic[4] = { 0 };
        ssize_t n;

        if (!file_readable(path, NULL, &why)) {
            return fail(c, "Couldn't open dtb file '%s': %s", path, why);
        }
        fd = open(path, O_RDONLY);
        n = fd >= 0 ? read(fd, magic, sizeof(magic)) : -1;
        if (fd >= 0) {
            close(fd);
        }
        /* A flattened device tree starts with the big-endian magic 0xd00dfeed. */
        if (n != 4 || magic[0] != 0xd0 || magic[1] != 0x0d || magic[2] != 0xfe ||
            magic[3] != 0xed) {
            return fail(c, "'%s' is not a flattened device tree (no 0xd00dfeed magic)", path);
        }
        set_str(&o->dtb, path);
    }
    return OPT_OK;
}

static int opt_bios(Ctx *c, const char *arg)
{
    return set_image(c, "bios", arg);
}

static int opt_kernel(Ctx *c, const char *arg)
{
    return set_image(c, "kernel", arg);
}

static int opt_initrd(Ctx *c, const char *arg)
{
    return set_image(c, "initrd", arg);
}

static int opt_dtb(Ctx *c, const char *arg)
{
    return set_image(c, "dtb", arg);
}

static int opt_append(Ctx *c, const char *arg)
{
    set_str(&c->o->append, arg);
    return OPT_OK;
}

static int opt_firmware_dir(Ctx *c, const char *arg)
{
    struct stat st;

    if (stat(arg, &st) < 0) {
        return fail(c, "%s", g_strerror(errno));
    }
    if (!S_ISDIR(st.st_mode)) {
        return fail(c, "%s", g_strerror(ENOTDIR));
    }
    set_str(&c->o->firmware_dir, arg);
    return OPT_OK;
}

/* Attach FILE to pflash bank unit (-1: the first free one). */
static int add_pflash(Ctx *c, const char *file, long unit, bool readonly)
{
    GranuleOptions *o = c->o;
    const char *why;
    uint64_t size;

    if (unit < 0) {
        for (unit = 0; unit < GRANULE_PFLASH_UNITS && o->pflash[unit].file; unit++) {
        }
        if (unit == GRANULE_PFLASH_UNITS) {
            return fail(c, "too many pflash drives (the virt board has 2 flash banks)");
        }
    } else if (o->pflash[unit].file) {
        return fail(c, "pflash unit %ld is already in use", unit);
    }
    if (!file_readable(file, &size, &why)) {
        return fail(c, "Could not open '%s': %s", file, why);
    }
    /* Flash is writable by the guest: QEMU opens the image read-write unless readonly=on. */
    if (!readonly && access(file, W_OK) < 0) {
        return fail(c, "Could not open '%s': %s (or use readonly=on)", file, g_strerror(errno));
    }
    if (size == 0 || size > GRANULE_PFLASH_BANK_SIZE) {
        return fail(c, "pflash image '%s' is %llu bytes; a virt flash bank holds 1 to %llu bytes",
                    file, (unsigned long long)size, GRANULE_PFLASH_BANK_SIZE);
    }
    o->pflash[unit].file = g_strdup(file);
    o->pflash[unit].readonly = readonly;
    o->pflash[unit].size = size;
    return OPT_OK;
}

static int opt_pflash(Ctx *c, const char *arg)
{
    return add_pflash(c, arg, -1, false);
}

static int opt_drive(Ctx *c, const char *arg)
{
    static const char *const other_ifs[] = {
        "ide", "scsi", "virtio", "none", "sd", "mtd", "floppy", "xen",
    };
    GArray *kvs = kv_split(c, arg, NULL);
    const char *iface = "ide", *file = NULL, *format = "raw";
    long unit = -1;
    bool readonly = false;
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        uint64_t n = 0;

        if (!strcmp(kv->key, "if")) {
            iface = kv->value;
        } else if (!strcmp(kv->key, "file")) {
            file = kv->value;
        } else if (!strcmp(kv->key, "format")) {
            format = kv->value;
        } else if (!strcmp(kv->key, "unit") || !strcmp(kv->key, "index")) {
            if (!parse_decimal(kv->value, &n)) {
                ret = fail(c, "Parameter '%s' expects a number", kv->key);
            } else if (n >= GRANULE_PFLASH_UNITS) {
                ret = fail(c, "unit %s is out of range (the virt board has pflash units 0 and 1)",
                           kv->value);
            } else {
                unit = (long)n;
            }
        } else if (!strcmp(kv->key, "bus")) {
            if (strcmp(kv->value, "0")) {
                ret = fail(c, "bus %s does not exist (pflash drives are on bus 0)", kv->value);
            }
        } else if (!strcmp(kv->key, "readonly")) {
            ret = parse_bool(c, kv->key, kv->value, &readonly);
        } else if (strcmp(kv->key, "id")) {
            ret = fail(c, "Invalid parameter '%s'", kv->key);
        }
    }
    if (ret == OPT_OK) {
        bool other = false;
        for (size_t i = 0; i < G_N_ELEMENTS(other_ifs); i++) {
            other |= !strcmp(iface, other_ifs[i]);
        }
        if (other) {
            ret = fail(c, "if=%s is not supported yet (only if=pflash)", iface);
        } else if (strcmp(iface, "pflash")) {
            ret = fail(c, "unsupported bus type '%s'", iface);
        } else if (strcmp(format, "raw")) {
            ret = fail(c, "format '%s' is not supported (only raw)", format);
        } else if (!file) {
            ret = fail(c, "a pflash drive needs file=");
        } else {
            ret = add_pflash(c, file, unit, readonly);
        }
    }
    kv_free(kvs);
    return ret;
}

/* ---- character devices ---- */

static int parse_char(Ctx *c, const char *spec, GranuleCharSpec *out)
{
    static const char *const unsupported[] = {
        "vc", "pty", "tcp", "telnet", "websocket", "udp", "unix", "pipe", "chardev", "serial",
        "tty", "parallel", "par", "msmouse", "braille", "ringbuf", "memory", "spicevmc",
        "spiceport", "qemu-vdagent", "dbus",
    };
    const char *p = spec;
    size_t name_len;

    memset(out, 0, sizeof(*out));
    if (g_str_has_prefix(p, "mon:")) {
        out->mux_monitor = true;
        p += 4;
        if (strcmp(p, "stdio")) {
            return fail(c, "'%s' is not supported yet: the monitor can only share stdio "
                        "(mon:stdio)", spec);
        }
    }
    if (!strcmp(p, "stdio")) {
        out->kind = GRANULE_CHAR_STDIO;
        return OPT_OK;
    }
    if (!strcmp(p, "null")) {
        out->kind = GRANULE_CHAR_NULL;
        return OPT_OK;
    }
    if (!strcmp(p, "none")) {
        out->kind = GRANULE_CHAR_NONE;
        return OPT_OK;
    }
    if (g_str_has_prefix(p, "file:")) {
        const char *why;
        if (!file_writable(p + 5, &why)) {
            return fail(c, "Could not open '%s': %s", p + 5, why);
        }
        out->kind = GRANULE_CHAR_FILE;
        out->path = g_strdup(p + 5);
        return OPT_OK;
    }
    if (g_str_has_prefix(p, "/dev/")) {
        return fail(c, "host device character backends are not supported yet (use stdio, "
                    "file:PATH, null or none)");
    }
    name_len = strcspn(p, ":,");
    for (size_t i = 0; i < G_N_ELEMENTS(unsupported); i++) {
        if (strlen(unsupported[i]) == name_len && !strncmp(p, unsupported[i], name_len)) {
            return fail(c, "character backend '%s' is not supported yet (use stdio, file:PATH, "
                        "null or none)", unsupported[i]);
        }
    }
    return fail(c, "'%s' is not a valid char driver", p);
}

static int opt_serial(Ctx *c, const char *arg)
{
    GranuleOptions *o = c->o;
    GranuleCharSpec spec;

    if (o->nb_serials == GRANULE_MAX_SERIALS) {
        return fail(c, "too many serial ports (at most %d)", GRANULE_MAX_SERIALS);
    }
    if (g_str_has_prefix(arg, "chardev:")) {
        /* Resolved once every -chardev is known: QEMU creates chardevs first. */
        memset(&o->serial[o->nb_serials], 0, sizeof(spec));
        c->serial_ref[o->nb_serials++] = g_strdup(arg + 8);
        c->serial_given = true;
        return OPT_OK;
    }
    if (parse_char(c, arg, &spec) < 0) {
        return OPT_ERR;
    }
    o->serial[o->nb_serials++] = spec;
    c->serial_given = true;
    return OPT_OK;
}

static int opt_monitor(Ctx *c, const char *arg)
{
    GranuleOptions *o = c->o;
    GranuleCharSpec spec;

    if (c->monitor_given) {
        return fail(c, "only one monitor (-monitor or -mon) is supported");
    }
    if (g_str_has_prefix(arg, "chardev:")) {
        c->monitor_ref = g_strdup(arg + 8);
        c->monitor_given = true;
        return OPT_OK;
    }
    if (parse_char(c, arg, &spec) < 0) {
        return OPT_ERR;
    }
    if (spec.kind == GRANULE_CHAR_FILE) {
        g_free(spec.path);
        return fail(c, "the monitor needs a two-way backend (stdio, mon:stdio, null or none)");
    }
    o->monitor = spec;
    c->monitor_given = true;
    return OPT_OK;
}

static int opt_nographic(Ctx *c, const char *arg)
{
    c->o->nographic = true;
    return OPT_OK;
}

static int opt_display(Ctx *c, const char *arg)
{
    static const char *const known[] = {
        "default", "gtk", "sdl", "vnc", "curses", "egl-headless", "cocoa", "dbus", "spice-app",
    };
    size_t len = strcspn(arg, ",");

    if (!strcmp(arg, "none")) {
        return OPT_OK;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(known); i++) {
        if (strlen(known[i]) == len && !strncmp(arg, known[i], len)) {
            return fail(c, "no display support (use -display none or -nographic)");
        }
    }
    if (len > 4 && !strncmp(arg, "none", 4)) {
        return fail(c, "-display none takes no parameters");
    }
    return fail(c, "Parameter 'type' does not accept value '%.*s'", (int)len, arg);
}

static int opt_vga(Ctx *c, const char *arg)
{
    return strcmp(arg, "none") ? fail(c, "no display support (only -vga none)") : OPT_OK;
}

static int opt_chardev(Ctx *c, const char *arg)
{
    static const char *const unsupported[] = {
        "socket", "udp", "pty", "pipe", "serial", "tty", "parallel", "vc", "ringbuf", "memory",
        "msmouse", "braille", "testdev", "spicevmc", "spiceport", "qemu-vdagent", "dbus",
        "wctablet", "mux", "console",
    };
    GArray *kvs = kv_split(c, arg, "backend");
    Chardev cd = { .signal = true };
    const char *backend = NULL, *bad_key = NULL;
    bool has_signal = false;
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);

        if (!strcmp(kv->key, "backend")) {
            backend = kv->value;
        } else if (!strcmp(kv->key, "id")) {
            set_str(&cd.id, kv->value);
        } else if (!strcmp(kv->key, "mux")) {
            ret = parse_bool(c, kv->key, kv->value, &cd.mux);
        } else if (!strcmp(kv->key, "signal")) {
            ret = parse_bool(c, kv->key, kv->value, &cd.signal);
            has_signal = true;
        } else if (!strcmp(kv->key, "path")) {
            set_str(&cd.spec.path, kv->value);
        } else if (!bad_key) {
            /* Reported after the backend, so an unsupported backend is named first. */
            bad_key = kv->key;
        }
    }
    for (guint i = 0; ret == OPT_OK && cd.id && i < c->chardevs->len; i++) {
        if (!strcmp(g_array_index(c->chardevs, Chardev, i).id, cd.id)) {
            ret = fail(c, "chardev '%s' already exists", cd.id);
        }
    }
    if (ret == OPT_OK) {
        bool known = false;
        for (size_t i = 0; backend && i < G_N_ELEMENTS(unsupported); i++) {
            known |= !strcmp(backend, unsupported[i]);
        }
        if (!cd.id) {
            ret = fail(c, "chardev: no id specified");
        } else if (!backend) {
            ret = fail(c, "chardev: \"%s\" missing backend", cd.id);
        } else if (known) {
            ret = fail(c, "chardev backend '%s' is not supported yet (use stdio, file or null)",
                       backend);
        } else if (strcmp(backend, "stdio") && strcmp(backend, "null") && strcmp(backend, "file")) {
            ret = fail(c, "'%s' is not a valid char driver name", backend);
        } else if (bad_key && (!strcmp(bad_key, "logfile") || !strcmp(bad_key, "logappend"))) {
            ret = fail(c, "%s= is not supported yet", bad_key);
        } else if (bad_key) {
            ret = fail(c, "Invalid parameter '%s'", bad_key);
        } else if (!strcmp(backend, "stdio")) {
            cd.spec.kind = GRANULE_CHAR_STDIO;
        } else if (!strcmp(backend, "null")) {
            cd.spec.kind = GRANULE_CHAR_NULL;
        } else if (!strcmp(backend, "file")) {
            const char *why;
            cd.spec.kind = GRANULE_CHAR_FILE;
            if (!cd.spec.path) {
                ret = fail(c, "chardev: file: no filename given");
            } else if (!file_writable(cd.spec.path, &why)) {
                ret = fail(c, "Could not open '%s': %s", cd.spec.path, why);
            }
        }
    }
    if (ret == OPT_OK && cd.spec.path && cd.spec.kind != GRANULE_CHAR_FILE) {
        ret = fail(c, "Invalid parameter 'path'");
    }
    if (ret == OPT_OK && has_signal && cd.spec.kind != GRANULE_CHAR_STDIO) {
        ret = fail(c, "Invalid parameter 'signal'");
    }
    kv_free(kvs);
    if (ret != OPT_OK) {
        g_free(cd.id);
        g_free(cd.spec.path);
        return ret;
    }
    cd.arg = g_strdup(arg);
    g_array_append_val(c->chardevs, cd);
    return OPT_OK;
}

static int opt_mon(Ctx *c, const char *arg)
{
    GArray *kvs = kv_split(c, arg, "chardev");
    const char *id = NULL;
    int ret = OPT_OK;
    bool b;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);

        if (!strcmp(kv->key, "chardev")) {
            id = kv->value;
        } else if (!strcmp(kv->key, "mode")) {
            if (!strcmp(kv->value, "control")) {
                ret = fail(c, "QMP (mode=control) is not supported yet");
            } else if (strcmp(kv->value, "readline")) {
                ret = fail(c, "Parameter 'mode' does not accept value '%s'", kv->value);
            }
        } else if (!strcmp(kv->key, "pretty")) {
            ret = parse_bool(c, kv->key, kv->value, &b);
        } else if (strcmp(kv->key, "id")) {
            ret = fail(c, "Invalid parameter '%s'", kv->key);
        }
    }
    if (ret == OPT_OK && !id) {
        ret = fail(c, "Parameter 'chardev' is missing");
    } else if (ret == OPT_OK && c->monitor_given) {
        ret = fail(c, "only one monitor (-monitor or -mon) is supported");
    } else if (ret == OPT_OK) {
        c->monitor_ref = g_strdup(id);
        c->monitor_given = true;
    }
    kv_free(kvs);
    return ret;
}

/* ---- logging ---- */

static int opt_log_items(Ctx *c, const char *arg)
{
    char bad[64];
    uint32_t mask;

    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        c->help = c->help ? c->help : HELP_LOG;
        return OPT_OK;
    }
    if (qemu_log_parse(arg, &mask, bad, sizeof(bad)) < 0) {
        return fail(c, "unknown log item '%s' (use -d help for a list)", bad);
    }
    c->o->log_mask = mask;
    return OPT_OK;
}

static int opt_log_file(Ctx *c, const char *arg)
{
    const char *why;

    if (!file_writable(arg, &why)) {
        return fail(c, "Error opening logfile %s: %s", arg, why);
    }
    set_str(&c->o->log_file, arg);
    return OPT_OK;
}

/* ---- semihosting ---- */

static int opt_semihosting(Ctx *c, const char *arg)
{
    c->o->semihosting = true;
    return OPT_OK;
}

static int opt_semihosting_config(Ctx *c, const char *arg)
{
    GranuleOptions *o = c->o;
    GArray *kvs = kv_split(c, arg, "enable");
    bool enable = true;
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);

        if (!strcmp(kv->key, "enable")) {
            ret = parse_bool(c, kv->key, kv->value, &enable);
        } else if (!strcmp(kv->key, "userspace")) {
            ret = parse_bool(c, kv->key, kv->value, &o->semihosting_userspace);
        } else if (!strcmp(kv->key, "target")) {
            if (!strcmp(kv->value, "native")) {
                o->semihosting_target = GRANULE_SEMIHOSTING_NATIVE;
            } else if (!strcmp(kv->value, "gdb")) {
                o->semihosting_target = GRANULE_SEMIHOSTING_GDB;
            } else if (!strcmp(kv->value, "auto")) {
                o->semihosting_target = GRANULE_SEMIHOSTING_AUTO;
            } else {
                ret = fail(c, "unsupported semihosting target '%s' (valid values are native, gdb "
                           "and auto)", kv->value);
            }
        } else if (!strcmp(kv->key, "chardev")) {
            set_str(&c->sh_ref, kv->value);
        } else if (!strcmp(kv->key, "arg")) {
            g_ptr_array_add(c->sh_args, g_strdup(kv->value));
        } else {
            ret = fail(c, "Invalid parameter '%s'", kv->key);
        }
    }
    kv_free(kvs);
    if (ret == OPT_OK) {
        o->semihosting = enable;
    }
    return ret;
}

/* ---- -device ---- */

static int loader_parse(Ctx *c, GArray *kvs)
{
    GranuleLoader l = { .cpu_num = -1 };
    bool has_data = false, has_len = false, has_be = false, has_raw = false;
    int ret = OPT_OK;
    const char *why;

    for (guint i = 1; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        uint64_t n = 0;
        bool is_num = !strcmp(kv->key, "addr") || !strcmp(kv->key, "data") ||
                      !strcmp(kv->key, "data-len") || !strcmp(kv->key, "cpu-num");

        if (!strcmp(kv->key, "help")) {
            c->help = c->help ? c->help : HELP_LOADER_PROPS;
            continue;
        }
        if (is_num && !parse_u64(kv->value, &n)) {
            ret = fail(c, "Parameter '%s' expects a non-negative number", kv->key);
        } else if (!strcmp(kv->key, "file")) {
            set_str(&l.file, kv->value);
        } else if (!strcmp(kv->key, "addr")) {
            l.addr = n;
            l.has_addr = true;
        } else if (!strcmp(kv->key, "data")) {
            l.data = n;
            has_data = true;
        } else if (!strcmp(kv->key, "data-len")) {
            if (n != 1 && n != 2 && n != 4 && n != 8) {
                ret = fail(c, "data-len must be 1, 2, 4 or 8 (got %s)", kv->value);
            }
            l.data_len = (unsigned)n;
            has_len = true;
        } else if (!strcmp(kv->key, "cpu-num")) {
            if (n > INT32_MAX) {
                ret = fail(c, "Specified boot CPU#%s is nonexistent", kv->value);
            }
            l.cpu_num = (int)n;
        } else if (!strcmp(kv->key, "data-be")) {
            ret = parse_bool(c, kv->key, kv->value, &l.data_be);
            has_be = true;
        } else if (!strcmp(kv->key, "force-raw")) {
            ret = parse_bool(c, kv->key, kv->value, &l.force_raw);
            has_raw = true;
        } else if (strcmp(kv->key, "id")) {
            ret = fail(c, "Property 'loader.%s' not found", kv->key);
        }
    }
    if (ret == OPT_OK && c->help != HELP_LOADER_PROPS) {
        if (has_data || has_len || has_be) {
            l.kind = GRANULE_LOADER_DATA;
            if (l.file) {
                ret = fail(c, "Specifying a file is not supported when loading memory values");
            } else if (has_raw) {
                ret = fail(c, "Specifying force-raw is not supported when loading memory values");
            } else if (!has_data || !has_len) {
                ret = fail(c, "Both data and data-len must be specified");
            } else if (!l.has_addr) {
                ret = fail(c, "addr must be specified when loading memory values");
            }
        } else if (l.file) {
            l.kind = GRANULE_LOADER_FILE;
            if (!file_readable(l.file, NULL, &why)) {
                ret = fail(c, "Cannot load specified image '%s': %s", l.file, why);
            }
        } else if (l.has_addr && l.cpu_num >= 0) {
            l.kind = GRANULE_LOADER_SET_PC;
        } else {
            ret = fail(c, "please include valid arguments (file=, addr= with data= and "
                       "data-len=, or addr= with cpu-num=)");
        }
    }
    if (ret == OPT_OK && c->help != HELP_LOADER_PROPS) {
        g_array_append_val(c->loaders, l);
    } else {
        g_free(l.file);
    }
    return ret;
}

static int opt_device(Ctx *c, const char *arg)
{
    GArray *kvs = kv_split(c, arg, "driver");
    KeyValue *first;
    int ret;

    if (!kvs) {
        return OPT_ERR;
    }
    first = &g_array_index(kvs, KeyValue, 0);
    if (strcmp(first->key, "driver")) {
        ret = fail(c, "Parameter 'driver' is missing");
    } else if (!strcmp(first->value, "help") || !strcmp(first->value, "?")) {
        c->help = c->help ? c->help : HELP_DEVICES;
        ret = OPT_OK;
    } else if (!strcmp(first->value, "loader")) {
        ret = loader_parse(c, kvs);
    } else {
        ret = fail(c, "'%s' is not a valid device model name", first->value);
    }
    kv_free(kvs);
    return ret;
}

/* ---- gdb ---- */

static int opt_gdb(Ctx *c, const char *arg)
{
    GranuleOptions *o = c->o;
    gchar **parts;
    const char *addr, *colon;
    uint64_t port;
    int ret = OPT_OK;

    if (!strcmp(arg, "none")) {
        o->gdb = false;
        return OPT_OK;
    }
    if (!g_str_has_prefix(arg, "tcp:")) {
        size_t len = strcspn(arg, ":,");
        if ((len == 5 && !strncmp(arg, "stdio", 5)) || (len == 4 && !strncmp(arg, "unix", 4)) ||
            (len == 6 && !strncmp(arg, "telnet", 6)) || (len == 3 && !strncmp(arg, "pty", 3))) {
            return fail(c, "gdb over '%.*s' is not supported yet (use tcp::PORT)", (int)len, arg);
        }
        return fail(c, "'%s' is not a valid char driver", arg);
    }
    parts = g_strsplit(arg + 4, ",", -1);
    addr = parts[0];
    colon = strrchr(addr, ':');
    /* The gdb stub is always a non-waiting server; accept the spellings that say so. */
    for (gchar **p = parts + 1; *p && ret == OPT_OK; p++) {
        if (strcmp(*p, "server") && strcmp(*p, "server=on") && strcmp(*p, "nowait") &&
            strcmp(*p, "wait=off") && strcmp(*p, "nodelay") && strcmp(*p, "nodelay=on") &&
            strcmp(*p, "ipv4") && strcmp(*p, "ipv4=on")) {
            ret = fail(c, "unsupported gdb socket option '%s'", *p);
        }
    }
    if (ret == OPT_OK && !colon) {
        ret = fail(c, "expected tcp:[HOST]:PORT");
    } else if (ret == OPT_OK && (!parse_decimal(colon + 1, &port) || port == 0 || port > 65535)) {
        ret = fail(c, "invalid port '%s' (1 to 65535)", colon + 1);
    } else if (ret == OPT_OK) {
        o->gdb = true;
        o->gdb_port = (unsigned)port;
        g_free(o->gdb_host);
        o->gdb_host = colon > addr ? g_strndup(addr, colon - addr) : NULL;
    }
    g_strfreev(parts);
    return ret;
}

static int opt_gdb_default(Ctx *c, const char *arg)
{
    c->o->gdb = true;
    c->o->gdb_port = GRANULE_GDB_DEFAULT_PORT;
    set_str(&c->o->gdb_host, NULL);
    return OPT_OK;
}

static int opt_freeze(Ctx *c, const char *arg)
{
    c->o->start_stopped = true;
    return OPT_OK;
}

/* ---- accepted, mostly without effect yet ---- */

static int opt_accel(Ctx *c, const char *arg)
{
    static const char *const others[] = { "kvm", "xen", "hvf", "whpx", "nvmm", "hax", "qtest" };
    GArray *kvs = kv_split(c, arg, "accel");
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        uint64_t n = 0;

        if (!strcmp(kv->key, "accel")) {
            bool other = false;
            for (size_t k = 0; k < G_N_ELEMENTS(others); k++) {
                other |= !strcmp(kv->value, others[k]);
            }
            if (!strcmp(kv->value, "help")) {
                c->help = c->help ? c->help : HELP_ACCELS;
            } else if (other) {
                ret = fail(c, "accelerator '%s' is not supported (only tcg)", kv->value);
            } else if (strcmp(kv->value, "tcg")) {
                ret = fail(c, "invalid accelerator %s", kv->value);
            }
        } else if (!strcmp(kv->key, "thread")) {
            if (!strcmp(kv->value, "single") || !strcmp(kv->value, "multi")) {
                c->o->accel_multi_thread = !strcmp(kv->value, "multi");
            } else {
                ret = fail(c, "Invalid 'thread' setting %s", kv->value);
            }
        } else if (!strcmp(kv->key, "tb-size")) {
            if (!parse_decimal(kv->value, &n)) {
                ret = fail(c, "Parameter 'tb-size' expects integer");
            }
        } else {
            ret = fail(c, "Property 'tcg-accel.%s' not found", kv->key);
        }
    }
    kv_free(kvs);
    return ret;
}

static int opt_enable_kvm(Ctx *c, const char *arg)
{
    return fail(c, "KVM is not supported (Granule emulates with TCG only)");
}

static int opt_net(Ctx *c, const char *arg)
{
    return strcmp(arg, "none") ? fail(c, "networking is not supported yet (only none)") : OPT_OK;
}

static int opt_flag_nodefaults(Ctx *c, const char *arg)
{
    c->o->nodefaults = true;
    return OPT_OK;
}

static int opt_flag_no_reboot(Ctx *c, const char *arg)
{
    c->o->no_reboot = true;
    return OPT_OK;
}

static int opt_flag_no_shutdown(Ctx *c, const char *arg)
{
    c->o->no_shutdown = true;
    return OPT_OK;
}

static int opt_ignore(Ctx *c, const char *arg)
{
    return OPT_OK;
}

static bool valid_date(const char *s)
{
    int y, mo, d, h, mi, sec, n = 0;

    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) == 6 &&
        s[n] == '\0' && strlen(s) == 19) {
        return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && sec < 60;
    }
    n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && s[n] == '\0' && strlen(s) == 10) {
        return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
    }
    return false;
}

static int opt_rtc(Ctx *c, const char *arg)
{
    GArray *kvs = kv_split(c, arg, NULL);
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);

        if (!strcmp(kv->key, "base")) {
            if (strcmp(kv->value, "utc") && strcmp(kv->value, "localtime") &&
                !valid_date(kv->value)) {
                ret = fail(c, "invalid datetime format '%s' (use utc, localtime, "
                           "2006-06-17T16:01:21 or 2006-06-17)", kv->value);
            } else {
                set_str(&c->o->rtc_base, kv->value);
            }
        } else if (!strcmp(kv->key, "clock")) {
            if (strcmp(kv->value, "host") && strcmp(kv->value, "rt") && strcmp(kv->value, "vm")) {
                ret = fail(c, "invalid option value '%s' (clock is host, rt or vm)", kv->value);
            }
        } else if (!strcmp(kv->key, "driftfix")) {
            if (strcmp(kv->value, "none") && strcmp(kv->value, "slew")) {
                ret = fail(c, "invalid option value '%s' (driftfix is none or slew)", kv->value);
            }
        } else {
            ret = fail(c, "Invalid parameter '%s'", kv->key);
        }
    }
    kv_free(kvs);
    return ret;
}

static int opt_icount(Ctx *c, const char *arg)
{
    GranuleOptions *o = c->o;
    GArray *kvs = kv_split(c, arg, "shift");
    int ret = OPT_OK;

    if (!kvs) {
        return OPT_ERR;
    }
    o->icount = true;
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);
        uint64_t n = 0;

        if (!strcmp(kv->key, "shift")) {
            if (!strcmp(kv->value, "auto")) {
                o->icount_shift = -1;
            } else if (!parse_decimal(kv->value, &n) || n > 10) {
                ret = fail(c, "icount: Invalid shift value '%s' (0 to 10 or auto)", kv->value);
            } else {
                o->icount_shift = (int)n;
            }
        } else if (!strcmp(kv->key, "align")) {
            ret = parse_bool(c, kv->key, kv->value, &o->icount_align);
        } else if (!strcmp(kv->key, "sleep")) {
            ret = parse_bool(c, kv->key, kv->value, &o->icount_sleep);
        } else if (!strcmp(kv->key, "rr") || !strcmp(kv->key, "rrfile") ||
                   !strcmp(kv->key, "rrsnapshot")) {
            ret = fail(c, "record/replay (%s=) is not supported", kv->key);
        } else {
            ret = fail(c, "Invalid parameter '%s'", kv->key);
        }
    }
    if (ret == OPT_OK && o->icount_align && o->icount_shift < 0) {
        ret = fail(c, "shift=auto and align=on are incompatible");
    }
    kv_free(kvs);
    return ret;
}

static int opt_name(Ctx *c, const char *arg)
{
    GArray *kvs = kv_split(c, arg, "guest");
    int ret = OPT_OK;
    bool b;

    if (!kvs) {
        return OPT_ERR;
    }
    for (guint i = 0; i < kvs->len && ret == OPT_OK; i++) {
        KeyValue *kv = &g_array_index(kvs, KeyValue, i);

        if (!strcmp(kv->key, "guest")) {
            set_str(&c->o->name, kv->value);
        } else if (!strcmp(kv->key, "debug-threads")) {
            ret = parse_bool(c, kv->key, kv->value, &b);
        } else if (strcmp(kv->key, "process")) {
            ret = fail(c, "Invalid parameter '%s'", kv->key);
        }
    }
    kv_free(kvs);
    return ret;
}

static int opt_uuid(Ctx *c, const char *arg)
{
    static const char layout[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    bool ok = strlen(arg) == strlen(layout);

    for (size_t i = 0; ok && layout[i]; i++) {
        ok = layout[i] == '-' ? arg[i] == '-' : g_ascii_isxdigit(arg[i]);
    }
    if (!ok) {
        return fail(c, "Fail to parse UUID string. Wrong format.");
    }
    set_str(&c->o->uuid, arg);
    return OPT_OK;
}

static int opt_dump_options(Ctx *c, const char *arg)
{
    c->dump = true;
    return OPT_OK;
}

/* ---- help and version ---- */

static void print_version(void)
{
    printf("QEMU emulator version " GRANULE_QEMU_COMPAT_VERSION " (Granule " GRANULE_VERSION ")\n");
    printf("Granule: an AArch64 full-system emulator with a QEMU-compatible command line "
           "(not QEMU)\n");
}

static int opt_version(Ctx *c, const char *arg)
{
    print_version();
    return OPT_EXIT;
}

static int opt_help(Ctx *c, const char *arg)
{
    print_version();
    printf("usage: " PROG " [options]\n\n"
        "Machine and CPU:\n"
        "-machine [type=]virt[,secure=on|off][,virtualization=on|off][,gic-version=2|3|max]\n"
        "         [,rme=on|off][,acpi=off][,highmem=on|off][,its=on|off][,dumpdtb=FILE]\n"
        "                select the machine ('-machine help' for a list); rme=on implies\n"
        "                secure=on, virtualization=on and -cpu max,x-rme=on\n"
        "-cpu model[,x-rme=on|off][,x-l0gptsz=30|34|36|39][,pauth=on|off][,pmu=on|off]...\n"
        "                select the CPU ('-cpu help' for a list)\n"
        "-m [size=]N[KMGT]  RAM size (a bare number is MiB; 16 MiB to 255 GiB, default 128M)\n"
        "-smp [cpus=]1   number of CPUs (only 1 for now)\n"
        "-accel tcg[,thread=single|multi]  the accelerator (only tcg)\n"
        "\nBoot images:\n"
        "-bios FILE      firmware loaded at the start of flash (0x0)\n"
        "-drive if=pflash,format=raw,file=FILE[,unit=0|1][,readonly=on]\n"
        "-pflash FILE    flash bank image (next free unit)\n"
        "-kernel FILE    Linux kernel or bare-metal image\n"
        "-initrd FILE    initial ram disk (needs -kernel)\n"
        "-append STRING  kernel command line (needs -kernel)\n"
        "-dtb FILE       device tree blob to use instead of the generated one\n"
        "-L DIR          directory searched first for the bundled firmware\n"
        "-device loader,file=FILE[,addr=A][,cpu-num=N][,force-raw=on]\n"
        "-device loader,addr=A,data=V,data-len=1|2|4|8[,data-be=on]\n"
        "-device loader,addr=A,cpu-num=N  set CPU N's PC to A\n"
        "\nConsole and display:\n"
        "-nographic      no display; serial and monitor on stdio (Ctrl-A c switches)\n"
        "-display none   no display\n"
        "-serial DEV     next serial port: stdio, mon:stdio, file:PATH, null, none or\n"
        "                chardev:ID\n"
        "                (the first is UART0, the second the secure UART)\n"
        "-monitor DEV    the monitor: stdio, mon:stdio, null, none or chardev:ID\n"
        "-chardev stdio|null|file,id=ID[,mux=on|off][,signal=on|off][,path=FILE]\n"
        "                a character backend for -serial chardev:ID, -mon chardev=ID and\n"
        "                -semihosting-config chardev=ID\n"
        "-mon [chardev=]ID[,mode=readline]  the monitor on a -chardev\n"
        "\nDebugging:\n"
        "-d item1,...    log the given items ('-d help' for a list)\n"
        "-D FILE         write the log to FILE instead of stderr\n"
        "-gdb tcp:[HOST]:PORT|none  wait for gdb on that TCP port\n"
        "-s              shorthand for -gdb tcp::1234\n"
        "-S              do not start the CPU at startup\n"
        "-semihosting    enable Arm semihosting\n"
        "-semihosting-config [enable=]on|off[,target=native|gdb|auto][,chardev=ID][,arg=STR]...\n"
        "-icount [shift=]N|auto[,align=on|off][,sleep=on|off]\n"
        "\nOther:\n"
        "-no-reboot      exit instead of rebooting\n"
        "-no-shutdown    stop instead of exiting when the guest powers off\n"
        "-nodefaults     no default serial port or monitor\n"
        "-rtc base=utc|localtime|DATE, -name NAME, -uuid UUID, -boot ..., -nic none,\n"
        "-net none, -no-user-config, -vga none: accepted for compatibility\n"
        "-h, -help       this text\n"
        "-version        version information\n");
    return OPT_EXIT;
}

static void print_help(HelpKind kind)
{
    switch (kind) {
    case HELP_MACHINES:
        printf("Supported machines are:\n");
        printf("%-20s QEMU %d.%d ARM Virtual Machine (alias of virt-%d.%d)\n", "virt",
               GRANULE_QEMU_COMPAT_MAJOR, GRANULE_QEMU_COMPAT_MINOR, GRANULE_QEMU_COMPAT_MAJOR,
               GRANULE_QEMU_COMPAT_MINOR);
        for (size_t i = G_N_ELEMENTS(virt_versions); i-- > 0;) {
            char name[32];
            snprintf(name, sizeof(name), "virt-%d.%d", virt_versions[i].major,
                     virt_versions[i].minor);
            printf("%-20s QEMU %d.%d ARM Virtual Machine\n", name, virt_versions[i].major,
                   virt_versions[i].minor);
        }
        break;
    case HELP_MACHINE_PROPS:
        printf("virt-machine options:\n"
               "  acpi=<OnOffAuto>       - Enable ACPI (only off/auto)\n"
               "  append=<string>        - Linux kernel command line\n"
               "  dtb=<string>           - Linux kernel device tree file\n"
               "  dumpdtb=<string>       - Dump current dtb to a file and quit\n"
               "  firmware=<string>      - Firmware image\n"
               "  gic-version=<string>   - Set GIC version. Valid values are 2, 3 and max\n"
               "  highmem=<bool>         - Use the physical address space above 32 bits\n"
               "  initrd=<string>        - Linux initial ramdisk file\n"
               "  iommu=<string>         - The IOMMU type (only none)\n"
               "  its=<bool>             - Instantiate the GICv3 ITS\n"
               "  kernel=<string>        - Linux kernel image file\n"
               "  rme=<bool>             - Arm CCA: RME with secure=on, virtualization=on\n"
               "  secure=<bool>          - Emulate the Security Extensions (EL3, TrustZone)\n"
               "  virtualization=<bool>  - Emulate the Virtualization Extensions (EL2)\n");
        break;
    case HELP_CPUS:
        printf("Available CPUs:\n");
        for (size_t i = 0; i < G_N_ELEMENTS(cpu_models); i++) {
            printf("  %s\n", cpu_models[i].name);
        }
        break;
    case HELP_LOG:
        qemu_log_print_help(stdout);
        break;
    case HELP_DEVICES:
        printf("Misc devices:\n");
        printf("name \"loader\", desc \"Generic Loader\"\n");
        break;
    case HELP_LOADER_PROPS:
        printf("loader options:\n"
               "  addr=<uint64>          -  (default: 0)\n"
               "  cpu-num=<uint32>       -  (default: none)\n"
               "  data-be=<bool>         -  (default: false)\n"
               "  data-len=<uint8>       -  1, 2, 4 or 8 (default: 0)\n"
               "  data=<uint64>          -  (default: 0)\n"
               "  file=<str>\n"
               "  force-raw=<bool>       -  (default: false)\n");
        break;
    case HELP_ACCELS:
        printf("Accelerators supported in QEMU binary:\ntcg\n");
        break;
    case HELP_NONE:
        break;
    }
}

/* ---- the option table ---- */

typedef int (*OptHandler)(Ctx *c, const char *arg);

static const struct {
    const char *name;
    bool has_arg;
    OptHandler fn;
} options_table[] = {
    { "M", true, opt_machine },
    { "machine", true, opt_machine },
    { "cpu", true, opt_cpu },
    { "m", true, opt_memory },
    { "smp", true, opt_smp },
    { "bios", true, opt_bios },
    { "kernel", true, opt_kernel },
    { "initrd", true, opt_initrd },
    { "append", true, opt_append },
    { "dtb", true, opt_dtb },
    { "L", true, opt_firmware_dir },
    { "drive", true, opt_drive },
    { "pflash", true, opt_pflash },
    { "nographic", false, opt_nographic },
    { "display", true, opt_display },
    { "vga", true, opt_vga },
    { "serial", true, opt_serial },
    { "monitor", true, opt_monitor },
    { "chardev", true, opt_chardev },
    { "mon", true, opt_mon },
    { "d", true, opt_log_items },
    { "D", true, opt_log_file },
    { "semihosting", false, opt_semihosting },
    { "semihosting-config", true, opt_semihosting_config },
    { "device", true, opt_device },
    { "s", false, opt_gdb_default },
    { "S", false, opt_freeze },
    { "gdb", true, opt_gdb },
    { "no-reboot", false, opt_flag_no_reboot },
    { "no-shutdown", false, opt_flag_no_shutdown },
    { "version", false, opt_version },
    { "h", false, opt_help },
    { "help", false, opt_help },
    { "accel", true, opt_accel },
    { "enable-kvm", false, opt_enable_kvm },
    { "nic", true, opt_net },
    { "net", true, opt_net },
    { "nodefaults", false, opt_flag_nodefaults },
    { "rtc", true, opt_rtc },
    { "icount", true, opt_icount },
    { "name", true, opt_name },
    { "uuid", true, opt_uuid },
    { "no-user-config", false, opt_ignore },
    { "boot", true, opt_ignore },
    /* Test hook: print the parsed options as key=value lines and exit 0 (tests/cli). */
    { "x-dump-options", false, opt_dump_options },
};

/* Real QEMU options we do not implement: a clearer message than "invalid option". */
static const char *const qemu_only_options[] = {
    "global", "object", "netdev", "usb", "usbdevice", "hda", "hdb", "hdc", "hdd", "cdrom", "sd",
    "mtdblock", "fda", "fdb", "fsdev", "virtfs", "vnc", "spice", "qmp", "qmp-pretty",
    "pidfile", "daemonize", "loadvm", "incoming", "trace", "plugin", "numa", "overcommit",
    "msg", "sandbox", "action", "audiodev", "audio", "full-screen", "k", "snapshot", "mem-path",
    "mem-prealloc", "fw_cfg", "add-fd", "readconfig", "writeconfig", "preconfig", "runas",
    "chroot", "parallel", "debugcon", "iscsi", "blockdev", "watchdog-action", "echr",
    "virtioconsole", "show-cursor", "tpmdev", "set", "portrait", "rotate", "g", "win2k-hack",
    "no-hpet", "only-migratable", "run-with", "async-teardown", "compat", "xen-domid",
    "semihosting-config-old", "dfilter", "seed", "singlestep", "one-insn-per-tb", "qtest",
    "qtest-log", "alt-grab", "ctrl-grab", "no-quit", "no-frame", "sdl", "curses", "bt",
    "acpitable", "smbios", "device-list", "list-features",
};

/* ---- cross-checks once every option is known ---- */

static int chardev_lookup(Ctx *c, const char *id)
{
    for (guint i = 0; i < c->chardevs->len; i++) {
        Chardev *cd = &g_array_index(c->chardevs, Chardev, i);
        if (!strcmp(cd->id, id)) {
            cd->users++;
            return (int)i;
        }
    }
    return -1;
}

/* Count one more user of stdio; users of the same chardev count once. */
static int stdio_claim(const GranuleCharSpec *spec, int src, bool *seen, int *users)
{
    if (spec->kind != GRANULE_CHAR_STDIO) {
        return *users;
    }
    if (src < 0 || !seen[src]) {
        (*users)++;
    }
    if (src >= 0) {
        seen[src] = true;
    }
    return *users;
}

/* Ctrl-C on stdio ends the emulator unless the monitor shares it (mon:) or signal=off. */
static bool stdio_signal_of(Ctx *c, const GranuleCharSpec *spec, int src)
{
    if (src >= 0) {
        return g_array_index(c->chardevs, Chardev, src).signal;
    }
    return !spec->mux_monitor;
}

static int resolve_consoles(Ctx *c)
{
    GranuleOptions *o = c->o;
    int serial_src[GRANULE_MAX_SERIALS] = { -1, -1, -1, -1 };
    int monitor_src = -1, sh_src = -1, users = 0, ret = OPT_OK;
    bool default_serial = !c->serial_given && !o->nodefaults;
    bool default_monitor = !c->monitor_given && !o->nodefaults;
    bool signal_set = false;
    bool *seen;

    /* Frontends that name a -chardev get its backend. */
    for (unsigned i = 0; i < o->nb_serials; i++) {
        Chardev *cd;
        if (!c->serial_ref[i]) {
            continue;
        }
        serial_src[i] = chardev_lookup(c, c->serial_ref[i]);
        if (serial_src[i] < 0) {
            return fail(c, "-serial chardev:%s: chardev '%s' not found", c->serial_ref[i],
                        c->serial_ref[i]);
        }
        cd = &g_array_index(c->chardevs, Chardev, serial_src[i]);
        o->serial[i].kind = cd->spec.kind;
        set_str(&o->serial[i].path, cd->spec.path);
    }
    if (c->monitor_ref && (monitor_src = chardev_lookup(c, c->monitor_ref)) < 0) {
        return fail(c, "monitor: chardev '%s' not found", c->monitor_ref);
    }
    if (c->sh_ref && o->semihosting) {
        sh_src = chardev_lookup(c, c->sh_ref);
        if (sh_src < 0) {
            return fail(c, "semihosting chardev '%s' not found", c->sh_ref);
        }
        if (g_array_index(c->chardevs, Chardev, sh_src).spec.kind != GRANULE_CHAR_STDIO) {
            return fail(c, "semihosting chardev '%s': only a stdio chardev is supported yet",
                        c->sh_ref);
        }
    }
    for (guint i = 0; i < c->chardevs->len; i++) {
        Chardev *cd = &g_array_index(c->chardevs, Chardev, i);
        if (!cd->mux && cd->users > 1) {
            c->opt = "-chardev";
            c->arg = cd->arg;
            return fail(c, "chardev '%s' is used by %u devices (add mux=on to share it)", cd->id,
                        cd->users);
        }
    }
    if (monitor_src >= 0) {
        Chardev *cd = &g_array_index(c->chardevs, Chardev, monitor_src);
        bool shared = false;

        if (cd->spec.kind == GRANULE_CHAR_FILE) {
            return fail(c, "monitor: chardev '%s' is a file; the monitor needs a two-way "
                        "backend (stdio or null)", cd->id);
        }
        for (unsigned i = 0; i < o->nb_serials && !shared; i++) {
            if (serial_src[i] == monitor_src) {
                o->serial[i].mux_monitor = shared = true;
            }
        }
        if (!shared) {
            o->monitor.kind = cd->spec.kind;
            o->monitor.mux_monitor = cd->mux;
        }
    }

    /* A "mon:" serial carries the monitor, so QEMU adds no default monitor. */
    for (unsigned i = 0; i < o->nb_serials; i++) {
        if (o->serial[i].mux_monitor) {
            default_monitor = false;
        }
    }
    if (o->nographic) {
        if (default_serial && default_monitor) {
            o->serial[0].kind = GRANULE_CHAR_STDIO;
            o->serial[0].mux_monitor = true;
            o->nb_serials = 1;
        } else if (default_serial) {
            o->serial[0].kind = GRANULE_CHAR_STDIO;
            o->nb_serials = 1;
        } else if (default_monitor) {
            o->monitor.kind = GRANULE_CHAR_STDIO;
        }
    } else if (default_serial) {
        /* QEMU's default is a graphical console; without a display its output goes nowhere. */
        o->serial[0].kind = GRANULE_CHAR_NULL;
        o->nb_serials = 1;
    }
    o->monitor_serial = -1;
    for (unsigned i = 0; i < o->nb_serials; i++) {
        if (o->serial[i].mux_monitor && o->monitor_serial < 0) {
            o->monitor_serial = (int)i;
        }
    }

    /* Like QEMU, the monitor claims stdio first, then the serial ports in order. */
    seen = g_new0(bool, c->chardevs->len + 1);
    o->stdio_signal = true;
    if (stdio_claim(&o->monitor, monitor_src, seen, &users) == 1) {
        o->stdio_signal = stdio_signal_of(c, &o->monitor, monitor_src);
        signal_set = true;
    }
    for (unsigned i = 0; i < o->nb_serials && ret == OPT_OK; i++) {
        int before = users;

        if (stdio_claim(&o->serial[i], serial_src[i], seen, &users) == before) {
            continue;
        }
        if (users == 1) {
            o->stdio_signal = stdio_signal_of(c, &o->serial[i], serial_src[i]);
            signal_set = true;
            continue;
        }
        if (!c->serial_given) {
            ret = fail(c, "cannot use stdio by multiple character devices (-nographic puts "
                       "serial0 on stdio too; add -serial none or -monitor none)");
        } else if (c->serial_ref[i]) {
            ret = fail(c, "-serial chardev:%s: cannot use stdio by multiple character devices",
                       c->serial_ref[i]);
        } else {
            c->opt = "-serial";
            c->arg = o->serial[i].mux_monitor ? "mon:stdio" : "stdio";
            if (!c->monitor_given && o->monitor.kind == GRANULE_CHAR_STDIO) {
                ret = fail(c, "cannot use stdio by multiple character devices (-nographic puts "
                           "the monitor on stdio too; use -serial mon:stdio or -monitor none)");
            } else {
                ret = fail(c, "cannot use stdio by multiple character devices");
            }
        }
    }
    if (ret == OPT_OK && sh_src >= 0) {
        const GranuleCharSpec *spec = &g_array_index(c->chardevs, Chardev, sh_src).spec;
        int before = users;

        if (stdio_claim(spec, sh_src, seen, &users) > 1 && users != before) {
            ret = fail(c, "semihosting chardev '%s': cannot use stdio by multiple character "
                       "devices", c->sh_ref);
        } else if (!signal_set && users == 1) {
            o->stdio_signal = stdio_signal_of(c, spec, sh_src);
        }
    }
    g_free(seen);
    return ret;
}

static int cross_check(Ctx *c)
{
    GranuleOptions *o = c->o;

    c->opt = c->arg = NULL;
    if (!c->machine_given) {
        return fail(c, "No machine specified, and there is no default (use -machine help to "
                    "list supported machines)");
    }
    if (o->rme) {
        /* RME: the CCA configuration needs EL3 (the monitor owns the GPT) and EL2 (the RMM). */
        if (c->secure_set && !o->secure) {
            return fail(c, "-machine rme=on requires secure=on");
        }
        if (c->virt_set && !o->virtualization) {
            return fail(c, "-machine rme=on requires virtualization=on");
        }
        if (o->gic_version == 2) {
            return fail(c, "-machine rme=on requires a GICv3 (gic-version=3 or max)");
        }
        if (o->cpu_model != GRANULE_CPU_MAX) {
            return fail(c, "-machine rme=on requires -cpu max (CPU model '%s' has no RME)",
                        o->cpu_name);
        }
        if (c->cpu_rme_req == GRANULE_OFF) {
            return fail(c, "-machine rme=on conflicts with -cpu max,x-rme=off");
        }
        o->secure = o->virtualization = true;
        o->cpu_rme = true;
    } else if (o->cpu_rme && !o->secure) {
        return fail(c, "-cpu max,x-rme=on requires -machine secure=on (RME needs EL3)");
    }
    if (!o->kernel && o->append) {
        return fail(c, "-append only allowed with -kernel option");
    }
    if (!o->kernel && o->initrd) {
        return fail(c, "-initrd only allowed with -kernel option");
    }
    if (c->bios_name) {
        char *full = o->firmware_dir ? g_build_filename(o->firmware_dir, c->bios_name, NULL)
                                     : NULL;
        int ret;

        if (!full || access(full, F_OK) < 0) {
            g_free(full);
            return fail(c, "Could not find ROM image '%s' (not in the current directory%s)",
                        c->bios_name, o->firmware_dir ? " nor in the -L directory" : "");
        }
        ret = check_bios(c, full);
        g_free(full);
        if (ret < 0) {
            return ret;
        }
    }
    if (o->icount && o->accel_multi_thread) {
        return fail(c, "-accel tcg,thread=multi: No MTTCG when icount is enabled");
    }
    if (c->bios_given && o->pflash[0].file) {
        return fail(c, "The contents of the first flash device may be specified with -bios or "
                    "with -drive if=pflash... but you cannot use both options at once");
    }
    for (guint i = 0; i < c->loaders->len; i++) {
        GranuleLoader *l = &g_array_index(c->loaders, GranuleLoader, i);
        if (l->cpu_num >= 0 && (unsigned)l->cpu_num >= o->smp_cpus) {
            return fail(c, "-device loader: Specified boot CPU#%d is nonexistent", l->cpu_num);
        }
    }
    return resolve_consoles(c);
}

/* ---- entry points ---- */

static void options_init(GranuleOptions *o)
{
    memset(o, 0, sizeof(*o));
    o->gic_version = 3;
    o->cpu_model = GRANULE_CPU_MAX;
    o->cpu_name = "max";
    cpu_reset_props(o);
    o->ram_size = GRANULE_RAM_DEFAULT;
    o->smp_cpus = 1;
    o->monitor_serial = -1;
    o->icount_sleep = true;
}

static int parse_args(Ctx *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *word = argv[i];
        const char *name;
        int ret;
        bool found = false;

        c->opt = c->arg = NULL;
        if (word[0] != '-' || word[1] == '\0') {
            c->opt = word;
            return fail(c, "disk image arguments are not supported (use -drive "
                        "if=pflash,format=raw,file=... for flash images)");
        }
        name = word + (word[1] == '-' ? 2 : 1);
        c->opt = word;
        for (size_t k = 0; k < G_N_ELEMENTS(options_table); k++) {
            if (strcmp(name, options_table[k].name)) {
                continue;
            }
            found = true;
            if (options_table[k].has_arg) {
                if (i + 1 >= argc) {
                    return fail(c, "requires an argument");
                }
                c->arg = argv[++i];
            }
            ret = options_table[k].fn(c, c->arg);
            if (ret != OPT_OK) {
                return ret;
            }
            break;
        }
        if (found) {
            continue;
        }
        for (size_t k = 0; k < G_N_ELEMENTS(qemu_only_options); k++) {
            if (!strcmp(name, qemu_only_options[k])) {
                return fail(c, "this QEMU option is not supported by Granule");
            }
        }
        return fail(c, "invalid option");
    }
    return OPT_OK;
}

int options_parse(int argc, char **argv, GranuleOptions *opts)
{
    Ctx c = { .o = opts };
    int ret;

    options_init(opts);
    c.sh_args = g_ptr_array_new_with_free_func(g_free);
    c.loaders = g_array_new(FALSE, TRUE, sizeof(GranuleLoader));
    c.chardevs = g_array_new(FALSE, TRUE, sizeof(Chardev));

    ret = parse_args(&c, argc, argv);
    if (ret == OPT_OK && c.help != HELP_NONE) {
        print_help(c.help);
        ret = OPT_EXIT;
    }
    if (ret == OPT_OK) {
        ret = cross_check(&c);
    }

    /* Hand the collected lists over to opts even on error, so options_free() frees them. */
    opts->semihosting_argc = c.sh_args->len;
    if (c.sh_args->len) {
        g_ptr_array_add(c.sh_args, NULL);
        opts->semihosting_argv = (char **)g_ptr_array_free(c.sh_args, FALSE);
    } else {
        g_ptr_array_free(c.sh_args, TRUE);
    }
    opts->nb_loaders = c.loaders->len;
    opts->loaders = (GranuleLoader *)(void *)g_array_free(c.loaders, FALSE);
    g_free(c.bios_name);
    for (guint i = 0; i < c.chardevs->len; i++) {
        Chardev *cd = &g_array_index(c.chardevs, Chardev, i);
        g_free(cd->id);
        g_free(cd->arg);
        g_free(cd->spec.path);
    }
    g_array_free(c.chardevs, TRUE);
    for (int i = 0; i < GRANULE_MAX_SERIALS; i++) {
        g_free(c.serial_ref[i]);
    }
    g_free(c.monitor_ref);
    g_free(c.sh_ref);

    if (ret != OPT_OK) {
        return ret;
    }
    if (c.dump) {
        options_dump(opts, stdout);
        return OPT_EXIT;
    }
    qemu_loglevel = opts->log_mask;
    if (opts->log_file && qemu_log_set_file(opts->log_file) < 0) {
        c.opt = c.arg = NULL;
        return fail(&c, "Error opening logfile %s: %s", opts->log_file, g_strerror(errno));
    }
    return OPT_OK;
}

void options_free(GranuleOptions *o)
{
    g_free(o->dumpdtb);
    g_free(o->bios);
    g_free(o->kernel);
    g_free(o->initrd);
    g_free(o->append);
    g_free(o->dtb);
    g_free(o->firmware_dir);
    for (int i = 0; i < GRANULE_PFLASH_UNITS; i++) {
        g_free(o->pflash[i].file);
    }
    for (int i = 0; i < GRANULE_MAX_SERIALS; i++) {
        g_free(o->serial[i].path);
    }
    g_free(o->monitor.path);
    g_free(o->log_file);
    g_free(o->gdb_host);
    g_strfreev(o->semihosting_argv);
    for (unsigned i = 0; i < o->nb_loaders; i++) {
        g_free(o->loaders[i].file);
    }
    g_free(o->loaders);
    g_free(o->rtc_base);
    g_free(o->name);
    g_free(o->uuid);
    memset(o, 0, sizeof(*o));
}

/* ---- the test hook's output ---- */

static const char *onoff(bool b)
{
    return b ? "on" : "off";
}

static const char *tristate(GranuleOnOffAuto t)
{
    return t == GRANULE_ON ? "on" : t == GRANULE_OFF ? "off" : "auto";
}

static const char *str_or_empty(const char *s)
{
    return s ? s : "";
}

static void dump_char(FILE *out, const char *key, const GranuleCharSpec *s)
{
    static const char *const kinds[] = { "none", "null", "stdio", "file:" };

    fprintf(out, "%s=%s%s%s\n", key, s->mux_monitor ? "mon:" : "", kinds[s->kind],
            s->kind == GRANULE_CHAR_FILE ? s->path : "");
}

void options_dump(const GranuleOptions *o, FILE *out)
{
    static const char *const sh_targets[] = { "auto", "native", "gdb" };
    static const char *const loader_kinds[] = { "file", "data", "set-pc" };

    if (o->machine_version_major) {
        fprintf(out, "machine=virt-%d.%d\n", o->machine_version_major, o->machine_version_minor);
    } else {
        fprintf(out, "machine=virt\n");
    }
    fprintf(out, "machine.secure=%s\n", onoff(o->secure));
    fprintf(out, "machine.virtualization=%s\n", onoff(o->virtualization));
    fprintf(out, "machine.gic-version=%d\n", o->gic_version);
    fprintf(out, "machine.rme=%s\n", onoff(o->rme));
    fprintf(out, "machine.acpi=%s\n", tristate(o->acpi));
    fprintf(out, "machine.highmem=%s\n", tristate(o->highmem));
    fprintf(out, "machine.its=%s\n", tristate(o->its));
    fprintf(out, "machine.dumpdtb=%s\n", str_or_empty(o->dumpdtb));
    fprintf(out, "cpu=%s\n", o->cpu_name);
    fprintf(out, "cpu.rme=%s\n", onoff(o->cpu_rme));
    fprintf(out, "cpu.l0gptsz=%u\n", o->l0gptsz);
    fprintf(out, "cpu.pauth=%s\n", tristate(o->pauth));
    fprintf(out, "cpu.pauth-impdef=%s\n", tristate(o->pauth_impdef));
    fprintf(out, "cpu.pauth-qarma3=%s\n", tristate(o->pauth_qarma3));
    fprintf(out, "cpu.sve=%s\n", tristate(o->sve));
    fprintf(out, "cpu.sme=%s\n", tristate(o->sme));
    fprintf(out, "cpu.lpa2=%s\n", tristate(o->lpa2));
    fprintf(out, "cpu.pmu=%s\n", tristate(o->pmu));
    fprintf(out, "ram_size=%llu\n", (unsigned long long)o->ram_size);
    fprintf(out, "smp=%u\n", o->smp_cpus);
    fprintf(out, "bios=%s\n", str_or_empty(o->bios));
    fprintf(out, "kernel=%s\n", str_or_empty(o->kernel));
    fprintf(out, "initrd=%s\n", str_or_empty(o->initrd));
    fprintf(out, "append=%s\n", str_or_empty(o->append));
    fprintf(out, "dtb=%s\n", str_or_empty(o->dtb));
    fprintf(out, "firmware_dir=%s\n", str_or_empty(o->firmware_dir));
    for (int i = 0; i < GRANULE_PFLASH_UNITS; i++) {
        fprintf(out, "pflash%d=%s\n", i, str_or_empty(o->pflash[i].file));
        fprintf(out, "pflash%d.readonly=%s\n", i, onoff(o->pflash[i].readonly));
        fprintf(out, "pflash%d.size=%llu\n", i, (unsigned long long)o->pflash[i].size);
    }
    fprintf(out, "nb_serials=%u\n", o->nb_serials);
    for (unsigned i = 0; i < GRANULE_MAX_SERIALS; i++) {
        char key[24];
        snprintf(key, sizeof(key), "serial%u", i);
        dump_char(out, key, &o->serial[i]);
    }
    dump_char(out, "monitor", &o->monitor);
    fprintf(out, "monitor_serial=%d\n", o->monitor_serial);
    fprintf(out, "nographic=%s\n", onoff(o->nographic));
    fprintf(out, "stdio_signal=%s\n", onoff(o->stdio_signal));
    fprintf(out, "log_mask=0x%x\n", o->log_mask);
    fprintf(out, "log_file=%s\n", str_or_empty(o->log_file));
    if (o->gdb) {
        fprintf(out, "gdb=tcp:%s:%u\n", str_or_empty(o->gdb_host), o->gdb_port);
    } else {
        fprintf(out, "gdb=none\n");
    }
    fprintf(out, "start_stopped=%s\n", onoff(o->start_stopped));
    fprintf(out, "semihosting=%s\n", onoff(o->semihosting));
    fprintf(out, "semihosting.target=%s\n", sh_targets[o->semihosting_target]);
    fprintf(out, "semihosting.userspace=%s\n", onoff(o->semihosting_userspace));
    fprintf(out, "semihosting.argc=%u\n", o->semihosting_argc);
    for (unsigned i = 0; i < o->semihosting_argc; i++) {
        fprintf(out, "semihosting.arg%u=%s\n", i, o->semihosting_argv[i]);
    }
    fprintf(out, "nb_loaders=%u\n", o->nb_loaders);
    for (unsigned i = 0; i < o->nb_loaders; i++) {
        const GranuleLoader *l = &o->loaders[i];
        fprintf(out, "loader%u=%s file=%s addr=%s0x%llx data=0x%llx data-len=%u data-be=%s "
                "force-raw=%s cpu-num=%d\n", i, loader_kinds[l->kind], str_or_empty(l->file),
                l->has_addr ? "" : "none:", (unsigned long long)l->addr,
                (unsigned long long)l->data, l->data_len, onoff(l->data_be),
                onoff(l->force_raw), l->cpu_num);
    }
    fprintf(out, "no_reboot=%s\n", onoff(o->no_reboot));
    fprintf(out, "no_shutdown=%s\n", onoff(o->no_shutdown));
    fprintf(out, "nodefaults=%s\n", onoff(o->nodefaults));
    fprintf(out, "accel.thread=%s\n", o->accel_multi_thread ? "multi" : "single");
    fprintf(out, "icount=%s\n", onoff(o->icount));
    if (o->icount_shift < 0) {
        fprintf(out, "icount.shift=auto\n");
    } else {
        fprintf(out, "icount.shift=%d\n", o->icount_shift);
    }
    fprintf(out, "icount.align=%s\n", onoff(o->icount_align));
    fprintf(out, "icount.sleep=%s\n", onoff(o->icount_sleep));
    fprintf(out, "rtc.base=%s\n", str_or_empty(o->rtc_base));
    fprintf(out, "name=%s\n", str_or_empty(o->name));
    fprintf(out, "uuid=%s\n", str_or_empty(o->uuid));
}
