/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gdbstub.c: GDB remote serial protocol over TCP (GDB manual, "Remote Protocol"): registers
 * (org.gnu.gdb.aarch64.core and .fpu through qXfer:features), memory, software and hardware
 * breakpoints (both implemented as translator checks), single step, continue, Ctrl-C. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "system/gdbstub.h"
#include "system/runloop.h"
#include "cpu.h"

#define MAX_BP 64
#define PKT_MAX 16384

static struct {
    int listen_fd;
    int fd;
    VirtMachine *vm;
    bool running;          /* the last command resumed the CPU: report when it stops */
    bool stepping;
    bool continue_after_step;  /* stepping over a breakpoint at the resume PC */
    uint8_t in[PKT_MAX + 8];
    int in_len;
    uint64_t bp[MAX_BP];
    int nbp;
    bool no_ack;
} gs = { .listen_fd = -1, .fd = -1 };

static const char target_xml[] =
    "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
    "<target><architecture>aarch64</architecture>"
    "<feature name=\"org.gnu.gdb.aarch64.core\">"
    "<reg name=\"x0\" bitsize=\"64\"/><reg name=\"x1\" bitsize=\"64\"/><reg name=\"x2\" bitsize=\"64\"/>"
    "<reg name=\"x3\" bitsize=\"64\"/><reg name=\"x4\" bitsize=\"64\"/><reg name=\"x5\" bitsize=\"64\"/>"
    "<reg name=\"x6\" bitsize=\"64\"/><reg name=\"x7\" bitsize=\"64\"/><reg name=\"x8\" bitsize=\"64\"/>"
    "<reg name=\"x9\" bitsize=\"64\"/><reg name=\"x10\" bitsize=\"64\"/><reg name=\"x11\" bitsize=\"64\"/>"
    "<reg name=\"x12\" bitsize=\"64\"/><reg name=\"x13\" bitsize=\"64\"/><reg name=\"x14\" bitsize=\"64\"/>"
    "<reg name=\"x15\" bitsize=\"64\"/><reg name=\"x16\" bitsize=\"64\"/><reg name=\"x17\" bitsize=\"64\"/>"
    "<reg name=\"x18\" bitsize=\"64\"/><reg name=\"x19\" bitsize=\"64\"/><reg name=\"x20\" bitsize=\"64\"/>"
    "<reg name=\"x21\" bitsize=\"64\"/><reg name=\"x22\" bitsize=\"64\"/><reg name=\"x23\" bitsize=\"64\"/>"
    "<reg name=\"x24\" bitsize=\"64\"/><reg name=\"x25\" bitsize=\"64\"/><reg name=\"x26\" bitsize=\"64\"/>"
    "<reg name=\"x27\" bitsize=\"64\"/><reg name=\"x28\" bitsize=\"64\"/><reg name=\"x29\" bitsize=\"64\"/>"
    "<reg name=\"x30\" bitsize=\"64\"/><reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>"
    "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/><reg name=\"cpsr\" bitsize=\"32\"/>"
    "</feature><feature name=\"org.gnu.gdb.aarch64.fpu\">"
    "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/><vector id=\"v2u\" type=\"uint64\" count=\"2\"/>"
    "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/><vector id=\"v4u\" type=\"uint32\" count=\"4\"/>"
    "<vector id=\"v16u\" type=\"uint8\" count=\"16\"/>"
    "<union id=\"vnd\"><field name=\"f\" type=\"v2d\"/><field name=\"u\" type=\"v2u\"/></union>"
    "<union id=\"vns\"><field name=\"f\" type=\"v4f\"/><field name=\"u\" type=\"v4u\"/></union>"
    "<union id=\"vnb\"><field name=\"u\" type=\"v16u\"/></union>"
    "<union id=\"aarch64v\"><field name=\"d\" type=\"vnd\"/><field name=\"s\" type=\"vns\"/>"
    "<field name=\"b\" type=\"vnb\"/><field name=\"q\" type=\"uint128\"/></union>"
    "<reg name=\"v0\" bitsize=\"128\" type=\"aarch64v\" regnum=\"34\"/>"
    "%s"
    "<reg name=\"fpsr\" bitsize=\"32\"/><reg name=\"fpcr\" bitsize=\"32\"/>"
    "</feature></target>";

static char *build_xml(void)
{
    static char *xml;
    char regs[2048] = "";

    if (xml) {
        return xml;
    }
    for (int i = 1; i < 32; i++) {
        char one[80];
        snprintf(one, sizeof(one), "<reg name=\"v%d\" bitsize=\"128\" type=\"aarch64v\"/>", i);
        strcat(regs, one);
    }
    size_t len = sizeof(target_xml) + strlen(regs);
    xml = malloc(len);
    if (xml) {
        snprintf(xml, len, target_xml, regs);
    }
    return xml;
}

bool gdb_has_breakpoints(void)
{
    return gs.nbp > 0;
}

bool gdb_breakpoint_at(uint64_t pc)
{
    for (int i = 0; i < gs.nbp; i++) {
        if (gs.bp[i] == pc) {
            return true;
        }
    }
    return false;
}

static void send_raw(const void *buf, size_t len)
{
    const uint8_t *p = buf;
    while (gs.fd >= 0 && len) {
        ssize_t n = send(gs.fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            continue;
        }
        if (n <= 0) {
            close(gs.fd);
            gs.fd = -1;
            return;
        }
        p += n;
        len -= (size_t)n;
    }
}

static void send_packet(const char *data)
{
    size_t len = strlen(data);
    char *pkt = malloc(len + 5);
    uint8_t sum = 0;

    if (!pkt) {
        return;
    }
    for (size_t i = 0; i < len; i++) {
        sum += (uint8_t)data[i];
    }
    pkt[0] = '$';
    memcpy(pkt + 1, data, len);
    snprintf(pkt + 1 + len, 4, "#%02x", sum);
    send_raw(pkt, len + 4);
    free(pkt);
}

static void hex_encode(char *out, const uint8_t *in, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        sprintf(out + 2 * i, "%02x", in[i]);
    }
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static bool hex_decode(uint8_t *out, const char *in, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        int hi = hexval(in[2 * i]), lo = hexval(in[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return false;
        }
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

/* Register numbering of the target description: x0-x30 (0-30), sp 31, pc 32, cpsr 33,
 * v0-v31 (34-65), fpsr 66, fpcr 67. Returns the byte size, 0 if no such register. */
static int reg_get(CPUARMState *env, int n, uint8_t *buf)
{
    uint64_t v;
    uint32_t w;

    if (n <= 31) {
        v = env->xregs[n];
        memcpy(buf, &v, 8);
        return 8;
    }
    if (n == 32) {
        memcpy(buf, &env->pc, 8);
        return 8;
    }
    if (n == 33) {
        w = pstate_read(env);
        memcpy(buf, &w, 4);
        return 4;
    }
    if (n >= 34 && n < 66) {
        memcpy(buf, env->vregs[n - 34], 16);
        return 16;
    }
    if (n == 66 || n == 67) {
        w = n == 66 ? env->fpsr : env->fpcr;
        memcpy(buf, &w, 4);
        return 4;
    }
    return 0;
}

static int reg_set(CPUARMState *env, int n, const uint8_t *buf)
{
    uint32_t w;

    if (n <= 31) {
        memcpy(&env->xregs[n], buf, 8);
        return 8;
    }
    if (n == 32) {
        memcpy(&env->pc, buf, 8);
        return 8;
    }
    if (n == 33) {
        memcpy(&w, buf, 4);
        pstate_write(env, w);
        return 4;
    }
    if (n >= 34 && n < 66) {
        memcpy(env->vregs[n - 34], buf, 16);
        return 16;
    }
    if (n == 66 || n == 67) {
        memcpy(&w, buf, 4);
        if (n == 66) {
            env->fpsr = w;
        } else {
            env->fpcr = w;
        }
        return 4;
    }
    return 0;
}

static void report_stop(int sig)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "T%02xthread:01;", sig);
    send_packet(buf);
}

static void resume(bool step)
{
    CPUARMState *env = &gs.vm->cpu;
    gs.running = true;
    gs.continue_after_step = !step && gdb_breakpoint_at(env->pc);
    step = step || gs.continue_after_step;
    gs.stepping = step;
    env->singlestep = step ? 1 : 0;
    tb_flush();          /* TBs were translated without (or with) single-step limits */
    runloop_set_paused(false);
}

static void handle_query(const char *p)
{
    if (!strncmp(p, "qSupported", 10)) {
        send_packet("PacketSize=4000;qXfer:features:read+;swbreak+;hwbreak+;QStartNoAckMode+");
    } else if (!strncmp(p, "qXfer:features:read:target.xml:", 31)) {
        unsigned long off, len;
        const char *xml = build_xml();
        if (!xml || sscanf(p + 31, "%lx,%lx", &off, &len) != 2) {
            send_packet("E01");
            return;
        }
        size_t total = strlen(xml);
        if (off >= total) {
            send_packet("l");
            return;
        }
        size_t n = total - off < len ? total - off : len;
        char *out = malloc(n + 2);
        if (!out) {
            send_packet("E01");
            return;
        }
        out[0] = off + n < total ? 'm' : 'l';
        memcpy(out + 1, xml + off, n);
        out[n + 1] = 0;
        send_packet(out);
        free(out);
    } else if (!strcmp(p, "qAttached")) {
        send_packet("1");
    } else if (!strcmp(p, "qC")) {
        send_packet("QC01");
    } else if (!strcmp(p, "qfThreadInfo")) {
        send_packet("m01");
    } else if (!strcmp(p, "qsThreadInfo")) {
        send_packet("l");
    } else if (!strncmp(p, "qThreadExtraInfo", 16)) {
        char hex[64];
        hex_encode(hex, (const uint8_t *)"CPU#0 [running]", 15);
        send_packet(hex);
    } else if (!strcmp(p, "QStartNoAckMode")) {
        send_packet("OK");
        gs.no_ack = true;
    } else {
        send_packet("");
    }
}

static void handle_packet(char *p)
{
    CPUARMState *env = &gs.vm->cpu;
    char *buf;

    switch (p[0]) {
    case '?':
        report_stop(5);
        break;
    case 'g': {
        buf = malloc(2 * (8 * 33 + 4 + 16 * 32 + 8) + 1);
        size_t pos = 0;
        uint8_t r[16];
        for (int n = 0; n < 68 && buf; n++) {
            int sz = reg_get(env, n, r);
            hex_encode(buf + pos, r, (size_t)sz);
            pos += 2 * (size_t)sz;
        }
        if (buf) {
            buf[pos] = 0;
            send_packet(buf);
            free(buf);
        }
        break;
    }
    case 'G': {
        const char *h = p + 1;
        uint8_t r[16];
        for (int n = 0; n < 68; n++) {
            int sz = reg_get(env, n, r);
            if (strlen(h) < 2 * (size_t)sz || !hex_decode(r, h, (size_t)sz)) {
                break;
            }
            reg_set(env, n, r);
            h += 2 * sz;
        }
        tb_jmp_cache_clear();
        send_packet("OK");
        break;
    }
    case 'p': {
        uint8_t r[16];
        char hex[40];
        int sz = reg_get(env, (int)strtol(p + 1, NULL, 16), r);
        if (!sz) {
            send_packet("E00");
            break;
        }
        hex_encode(hex, r, (size_t)sz);
        send_packet(hex);
        break;
    }
    case 'P': {
        char *eq = strchr(p, '=');
        uint8_t r[16];
        int n = (int)strtol(p + 1, NULL, 16), sz = reg_get(env, n, r);
        if (!eq || !sz || strlen(eq + 1) < 2 * (size_t)sz || !hex_decode(r, eq + 1, (size_t)sz)) {
            send_packet("E00");
            break;
        }
        reg_set(env, n, r);
        tb_jmp_cache_clear();
        send_packet("OK");
        break;
    }
    case 'm': {
        unsigned long long addr, len;
        if (sscanf(p + 1, "%llx,%llx", &addr, &len) != 2 || len > PKT_MAX / 2) {
            send_packet("E01");
            break;
        }
        uint8_t *mem = malloc(len + 1);
        buf = malloc(2 * len + 1);
        if (!mem || !buf || !cpu_memory_rw_debug(env, addr, mem, len, false)) {
            send_packet("E14");
        } else {
            hex_encode(buf, mem, len);
            buf[2 * len] = 0;
            send_packet(buf);
        }
        free(mem);
        free(buf);
        break;
    }
    case 'M': {
        unsigned long long addr, len;
        char *colon = strchr(p, ':');
        if (!colon || sscanf(p + 1, "%llx,%llx", &addr, &len) != 2 || len > PKT_MAX / 2 ||
            strlen(colon + 1) < 2 * len) {
            send_packet("E01");
            break;
        }
        uint8_t *mem = malloc(len + 1);
        if (!mem || !hex_decode(mem, colon + 1, len) ||
            !cpu_memory_rw_debug(env, addr, mem, len, true)) {
            send_packet("E14");
        } else {
            send_packet("OK");
        }
        free(mem);
        break;
    }
    case 'c':
        if (p[1]) {
            env->pc = strtoull(p + 1, NULL, 16);
        }
        resume(false);
        break;
    case 's':
        if (p[1]) {
            env->pc = strtoull(p + 1, NULL, 16);
        }
        resume(true);
        break;
    case 'v':
        if (!strncmp(p, "vCont?", 6)) {
            send_packet("vCont;c;C;s;S");
        } else if (!strncmp(p, "vCont;", 6)) {
            resume(p[6] == 's' || p[6] == 'S');
        } else if (!strncmp(p, "vMustReplyEmpty", 15)) {
            send_packet("");
        } else if (!strncmp(p, "vKill", 5)) {
            send_packet("OK");
            qemu_system_shutdown_request(SHUTDOWN_HOST_QUIT);
        } else {
            send_packet("");
        }
        break;
    case 'Z': case 'z': {
        unsigned type;
        unsigned long long addr;
        if (sscanf(p + 1, "%u,%llx", &type, &addr) != 2 || type > 1) {
            send_packet("");     /* watchpoints are not supported */
            break;
        }
        if (p[0] == 'Z') {
            if (!gdb_breakpoint_at(addr)) {
                if (gs.nbp == MAX_BP) {
                    send_packet("E22");
                    break;
                }
                gs.bp[gs.nbp++] = addr;
            }
        } else {
            for (int i = 0; i < gs.nbp; i++) {
                if (gs.bp[i] == addr) {
                    gs.bp[i] = gs.bp[--gs.nbp];
                    break;
                }
            }
        }
        tb_flush();
        send_packet("OK");
        break;
    }
    case 'H': case 'T':
        send_packet("OK");
        break;
    case 'D':
        send_packet("OK");
        gs.nbp = 0;
        tb_flush();
        close(gs.fd);
        gs.fd = -1;
        runloop_set_paused(false);
        break;
    case 'k':
        qemu_system_shutdown_request(SHUTDOWN_HOST_QUIT);
        break;
    case 'q': case 'Q':
        handle_query(p);
        break;
    default:
        send_packet("");
        break;
    }
}

/* Split the input into packets; '\x03' is an interrupt request. */
static void process_input(void)
{
    int i = 0;

    while (i < gs.in_len) {
        uint8_t c = gs.in[i];
        if (c == 0x03) {
            i++;
            if (!runloop_is_paused()) {
                runloop_set_paused(true);
                gs.running = false;
                report_stop(2);
            }
            continue;
        }
        if (c != '$') {
            i++;      /* '+' / '-' acks and noise */
            continue;
        }
        uint8_t *hash = memchr(gs.in + i, '#', (size_t)(gs.in_len - i));
        if (!hash || hash + 2 >= gs.in + gs.in_len) {
            break;    /* incomplete */
        }
        *hash = 0;
        if (!gs.no_ack) {
            send_raw("+", 1);
        }
        handle_packet((char *)gs.in + i + 1);
        i = (int)(hash + 3 - gs.in);
        if (gs.fd < 0) {
            gs.in_len = 0;
            return;
        }
    }
    memmove(gs.in, gs.in + i, (size_t)(gs.in_len - i));
    gs.in_len -= i;
}

static void gdb_poll(void *opaque)
{
    (void)opaque;
    if (gs.fd < 0 && gs.listen_fd >= 0) {
        int fd = accept(gs.listen_fd, NULL, NULL);
        if (fd >= 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
            gs.fd = fd;
            gs.in_len = 0;
            gs.no_ack = false;
            runloop_set_paused(true);
            gs.running = false;
        }
    }
    if (gs.fd < 0) {
        return;
    }
    /* The CPU stopped (breakpoint, step) after we resumed it: tell gdb. */
    if (gs.running && runloop_is_paused()) {
        gs.running = false;
        gs.vm->cpu.singlestep = 0;
        if (gs.stepping) {
            tb_flush();
        }
        if (gs.continue_after_step && !gdb_breakpoint_at(gs.vm->cpu.pc)) {
            resume(false);          /* stepped off the breakpoint: now really continue */
        } else {
            report_stop(5);
        }
    }
    ssize_t n = recv(gs.fd, gs.in + gs.in_len, (size_t)(PKT_MAX - gs.in_len), 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        close(gs.fd);
        gs.fd = -1;
        gs.nbp = 0;
        runloop_set_paused(false);
        return;
    }
    if (n > 0) {
        gs.in_len += (int)n;
        process_input();
        if (gs.in_len >= PKT_MAX) {
            gs.in_len = 0;       /* oversized packet: drop it */
        }
    }
}

int gdbstub_start(const GranuleOptions *opts, VirtMachine *vm)
{
    struct sockaddr_in addr = { .sin_family = AF_INET };
    int one = 1;

    if (!opts->gdb) {
        return 0;
    }
    gs.vm = vm;
    gs.listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    addr.sin_port = htons((uint16_t)opts->gdb_port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (opts->gdb_host && inet_pton(AF_INET, opts->gdb_host, &addr.sin_addr) != 1) {
        if (!strcmp(opts->gdb_host, "localhost")) {
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        } else {
            fprintf(stderr, "qemu-system-aarch64: -gdb: cannot use host '%s'\n", opts->gdb_host);
            return -1;
        }
    }
    setsockopt(gs.listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (gs.listen_fd < 0 || bind(gs.listen_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(gs.listen_fd, 1) < 0) {
        fprintf(stderr, "qemu-system-aarch64: -gdb tcp::%u: cannot listen: %s\n", opts->gdb_port,
                strerror(errno));
        return -1;
    }
    fcntl(gs.listen_fd, F_SETFL, fcntl(gs.listen_fd, F_GETFL) | O_NONBLOCK);
    runloop_add_poll(gdb_poll, NULL);
    return 0;
}
