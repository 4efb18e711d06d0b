/* SPDX-License-Identifier: GPL-2.0-or-later */
/* monitor.c: the human monitor (a subset of QEMU's HMP): info registers/status/gpt/pas,
 * x and xp memory dumps (with /i disassembly), stop/cont, system_reset, quit. It runs on a
 * dedicated -monitor back end or multiplexed on a serial port (mon:stdio, Ctrl-A c). */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "hw/arm/virt.h"
#include "system/chardev.h"
#include "system/monitor.h"
#include "system/runloop.h"
#include "cpu.h"
#include "cpu-dump.h"
#include "disas.h"

typedef struct Monitor {
    Chardev *chr;
    VirtMachine *vm;
    char line[512];
    int len;
} Monitor;

static Monitor mon;

void monitor_printf(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t)n >= sizeof(buf)) {
        n = sizeof(buf) - 1;
    }
    /* The terminal is in raw mode: turn \n into \r\n. */
    for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
            chardev_write(mon.chr, (const uint8_t *)"\r\n", 2);
        } else {
            chardev_write(mon.chr, (const uint8_t *)&buf[i], 1);
        }
    }
}

static void prompt(void)
{
    monitor_printf("(qemu) ");
}

void monitor_dump_registers(CPUARMState *env)
{
    char buf[4096];

    arm_cpu_format_state(env, buf, sizeof(buf), false);
    monitor_printf("%s", buf);
}

/* Parse "/NFU" (count, format x d u o c i s, unit b h w g) as QEMU's x/xp. */
static const char *parse_fmt(const char *p, int *count, char *fmt, int *size)
{
    *count = 1;
    *fmt = 'x';
    *size = 4;
    if (*p != '/') {
        return p;
    }
    p++;
    if (*p >= '0' && *p <= '9') {
        *count = (int)strtol(p, (char **)&p, 10);
    }
    for (; *p && *p != ' '; p++) {
        switch (*p) {
        case 'x': case 'd': case 'u': case 'o': case 'c': case 'i': case 's':
            *fmt = *p;
            break;
        case 'b': *size = 1; break;
        case 'h': *size = 2; break;
        case 'w': *size = 4; break;
        case 'g': *size = 8; break;
        default:
            return NULL;
        }
    }
    return p;
}

static bool read_mem(CPUARMState *env, uint64_t addr, void *buf, size_t len, bool physical)
{
    if (!physical) {
        return cpu_memory_rw_debug(env, addr, buf, len, false);
    }
    /* Physical: through the view of the CPU's current security state. */
    ArmSecuritySpace sp = arm_current_space(env);
    MemTxAttrs attrs = { .space = sp, .secure = arm_space_is_secure(sp), .unspecified = true };
    return address_space_read(env->as[sp], addr, buf, len, attrs) == MEMTX_OK;
}

static void cmd_x(const char *args, bool physical)
{
    CPUARMState *env = &mon.vm->cpu;
    int count, size;
    char fmt;
    const char *p = parse_fmt(args, &count, &fmt, &size);
    char *end;

    if (!p) {
        monitor_printf("invalid format in '%s'\n", args);
        return;
    }
    while (*p == ' ') {
        p++;
    }
    uint64_t addr = strtoull(p, &end, 0);
    if (end == p) {
        monitor_printf("%s: address expected\n", physical ? "xp" : "x");
        return;
    }
    if (count < 1 || count > 4096) {
        monitor_printf("count out of range\n");
        return;
    }
    if (fmt == 'i') {
        for (int i = 0; i < count; i++, addr += 4) {
            uint32_t insn;
            char buf[160];
            if (!read_mem(env, addr, &insn, 4, physical)) {
                monitor_printf("Cannot access memory at 0x%" PRIx64 "\n", addr);
                return;
            }
            arm_disas_one(addr, insn, buf, sizeof(buf));
            monitor_printf("0x%016" PRIx64 ":  %08x  %s\n", addr, insn, buf);
        }
        return;
    }
    int per_line = 16 / size;
    for (int i = 0; i < count; i++) {
        uint64_t v = 0;
        if (i % per_line == 0) {
            monitor_printf("%s%016" PRIx64 ":", i ? "\n" : "", addr);
        }
        if (!read_mem(env, addr, &v, (size_t)size, physical)) {
            monitor_printf("\nCannot access memory at 0x%" PRIx64 "\n", addr);
            return;
        }
        switch (fmt) {
        case 'd': monitor_printf(" %" PRId64, size == 8 ? (int64_t)v : size == 4 ? (int32_t)v
                                 : size == 2 ? (int16_t)v : (int8_t)v); break;
        case 'u': monitor_printf(" %" PRIu64, v); break;
        case 'o': monitor_printf(" %#" PRIo64, v); break;
        case 'c': monitor_printf(" '%c'", v >= 32 && v < 127 ? (int)v : '.'); break;
        default: monitor_printf(" 0x%0*" PRIx64, size * 2, v); break;
        }
        addr += (uint64_t)size;
    }
    monitor_printf("\n");
}

/* Extra "info" handlers registered by other subsystems (info gpt, info pas ...). */
#define MAX_INFO 16
static struct { const char *name; const char *help; MonitorInfoFn *fn; } infos[MAX_INFO];
static int ninfos;

void monitor_register_info(const char *name, const char *help, MonitorInfoFn *fn)
{
    if (ninfos < MAX_INFO) {
        infos[ninfos].name = name;
        infos[ninfos].help = help;
        infos[ninfos].fn = fn;
        ninfos++;
    }
}

static void cmd_help(void)
{
    monitor_printf("cont|c -- resume emulation\n"
                   "help|? -- show this help\n"
                   "info registers -- show the cpu registers\n"
                   "info status -- show the VM status (running|paused)\n");
    for (int i = 0; i < ninfos; i++) {
        monitor_printf("info %s -- %s\n", infos[i].name, infos[i].help);
    }
    monitor_printf("quit|q -- quit the emulator\n"
                   "stop -- stop emulation\n"
                   "system_reset -- reset the system\n"
                   "x /fmt addr -- virtual memory dump starting at 'addr'\n"
                   "xp /fmt addr -- physical memory dump starting at 'addr'\n");
}

void monitor_execute(const char *line)
{
    CPUARMState *env = &mon.vm->cpu;
    char cmd[32] = "";
    const char *args;
    int n = 0;

    while (*line == ' ') {
        line++;
    }
    sscanf(line, "%31s%n", cmd, &n);
    args = line + n;
    while (*args == ' ') {
        args++;
    }
    if (!cmd[0]) {
        return;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "?")) {
        cmd_help();
    } else if (!strcmp(cmd, "quit") || !strcmp(cmd, "q")) {
        qemu_system_shutdown_request(SHUTDOWN_HOST_QUIT);
    } else if (!strcmp(cmd, "stop")) {
        runloop_set_paused(true);
    } else if (!strcmp(cmd, "cont") || !strcmp(cmd, "c")) {
        runloop_set_paused(false);
    } else if (!strcmp(cmd, "system_reset")) {
        qemu_system_reset_request();
    } else if (!strcmp(cmd, "x") || !strcmp(cmd, "xp")) {
        cmd_x(args, cmd[1] == 'p');
    } else if (!strcmp(cmd, "info")) {
        if (!strcmp(args, "registers") || !strncmp(args, "registers ", 10)) {
            monitor_dump_registers(env);
        } else if (!strcmp(args, "status")) {
            monitor_printf("VM status: %s\n", runloop_is_paused() ? "paused" : "running");
        } else {
            char sub[32] = "";
            int m = 0;
            sscanf(args, "%31s%n", sub, &m);
            for (int i = 0; i < ninfos; i++) {
                if (!strcmp(sub, infos[i].name)) {
                    const char *rest = args + m;
                    while (*rest == ' ') {
                        rest++;
                    }
                    infos[i].fn(env, rest);
                    return;
                }
            }
            monitor_printf("info: unknown or missing argument '%s' (try 'help')\n", args);
        }
    } else {
        monitor_printf("unknown command: '%s'\n", cmd);
    }
}

static void monitor_input(void *opaque, const uint8_t *buf, int len)
{
    if (!buf) {            /* the mux switched to us */
        prompt();
        return;
    }
    for (int i = 0; i < len; i++) {
        uint8_t c = buf[i];
        if (c == '\r' || c == '\n') {
            monitor_printf("\n");
            mon.line[mon.len] = 0;
            monitor_execute(mon.line);
            mon.len = 0;
            prompt();
        } else if (c == 127 || c == 8) {
            if (mon.len) {
                mon.len--;
                monitor_printf("\b \b");
            }
        } else if (c >= 32 && mon.len < (int)sizeof(mon.line) - 1) {
            mon.line[mon.len++] = (char)c;
            chardev_write(mon.chr, &c, 1);
        }
    }
}

static int monitor_can_read(void *opaque)
{
    return 256;
}

static void monitor_read(void *opaque, const uint8_t *buf, int len)
{
    monitor_input(opaque, buf, len);
}

int monitor_start(const GranuleOptions *opts, VirtMachine *vm)
{
    char err[256];

    mon.vm = vm;
    if (opts->monitor_serial >= 0 && opts->monitor_serial < 2 && vm->serial_chr[opts->monitor_serial]) {
        mon.chr = vm->serial_chr[opts->monitor_serial];
        chardev_mux_set_monitor(mon.chr, monitor_input, &mon);
        return 0;
    }
    if (opts->monitor.kind == GRANULE_CHAR_STDIO || opts->monitor.kind == GRANULE_CHAR_FILE) {
        char spec[4200];
        if (opts->monitor.kind == GRANULE_CHAR_FILE) {
            snprintf(spec, sizeof(spec), "file:%s", opts->monitor.path);
        } else {
            snprintf(spec, sizeof(spec), "stdio");
        }
        mon.chr = chardev_open(spec, err, sizeof(err));
        if (!mon.chr) {
            fprintf(stderr, "qemu-system-aarch64: -monitor: %s\n", err);
            return -1;
        }
        chardev_set_handlers(mon.chr, monitor_can_read, monitor_read, &mon);
        monitor_printf("QEMU 9.2.0 monitor (Granule) - type 'help' for more information\n");
        prompt();
    }
    return 0;
}
