/* SPDX-License-Identifier: GPL-2.0-or-later */
/* semihosting.c: the Arm semihosting calls used by test harnesses and TF-A (Arm "Semihosting for
 * AArch32 and AArch64", release 2.0): console output, host files, time, exit. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "exec/cputlb.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "system/runloop.h"
#include "system/semihosting.h"
#include "cpu.h"

SemihostingConfig semihosting;

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
    SYS_READ = 0x06, SYS_READC = 0x07, SYS_ISERROR = 0x08, SYS_ISTTY = 0x09, SYS_SEEK = 0x0a,
    SYS_FLEN = 0x0c, SYS_TMPNAM = 0x0d, SYS_REMOVE = 0x0e, SYS_RENAME = 0x0f, SYS_CLOCK = 0x10,
    SYS_TIME = 0x11, SYS_SYSTEM = 0x12, SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15,
    SYS_HEAPINFO = 0x16, SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20, SYS_ELAPSED = 0x30,
    SYS_TICKFREQ = 0x31,
};

#define ADP_Stopped_ApplicationExit 0x20026
#define MAX_FILES 64

static int host_fd[MAX_FILES];
static bool fd_init;
static int last_errno;

static bool rd(CPUARMState *env, uint64_t va, void *buf, size_t len)
{
    return cpu_memory_rw_debug(env, va, buf, len, false);
}

static bool wr(CPUARMState *env, uint64_t va, const void *buf, size_t len)
{
    return cpu_memory_rw_debug(env, va, (void *)buf, len, true);
}

static bool arg(CPUARMState *env, uint64_t block, int n, uint64_t *v)
{
    return rd(env, block + 8ull * n, v, 8);
}

static char *read_string(CPUARMState *env, uint64_t va, size_t len_hint)
{
    size_t cap = len_hint ? len_hint + 1 : 256, n = 0;
    char *s = malloc(cap);

    while (s) {
        char c;
        if (len_hint ? n == len_hint : false) {
            break;
        }
        if (!rd(env, va + n, &c, 1)) {
            free(s);
            return NULL;
        }
        if (!len_hint && c == 0) {
            break;
        }
        if (n + 1 >= cap) {
            char *t = realloc(s, cap * 2);
            if (!t) {
                free(s);
                return NULL;
            }
            s = t;
            cap *= 2;
        }
        s[n++] = c;
    }
    if (s) {
        s[n] = 0;
    }
    return s;
}

static int alloc_fd(int host)
{
    if (!fd_init) {
        for (int i = 0; i < MAX_FILES; i++) {
            host_fd[i] = -1;
        }
        fd_init = true;
    }
    for (int i = 1; i < MAX_FILES; i++) {
        if (host_fd[i] < 0) {
            host_fd[i] = host;
            return i;
        }
    }
    return -1;
}

static int get_fd(uint64_t gfd)
{
    if (!fd_init || gfd == 0 || gfd >= MAX_FILES) {
        return -1;
    }
    return host_fd[gfd];
}

static int64_t do_open(CPUARMState *env, uint64_t block)
{
    static const int modes[12] = {
        O_RDONLY, O_RDONLY, O_RDWR, O_RDWR, O_WRONLY | O_CREAT | O_TRUNC, O_WRONLY | O_CREAT | O_TRUNC,
        O_RDWR | O_CREAT | O_TRUNC, O_RDWR | O_CREAT | O_TRUNC, O_WRONLY | O_CREAT | O_APPEND,
        O_WRONLY | O_CREAT | O_APPEND, O_RDWR | O_CREAT | O_APPEND, O_RDWR | O_CREAT | O_APPEND,
    };
    uint64_t name_va, mode, len;
    char *name;
    int fd;

    if (!arg(env, block, 0, &name_va) || !arg(env, block, 1, &mode) || !arg(env, block, 2, &len) ||
        mode > 11) {
        last_errno = EINVAL;
        return -1;
    }
    name = read_string(env, name_va, len);
    if (!name) {
        last_errno = EFAULT;
        return -1;
    }
    if (strcmp(name, ":tt") == 0) {
        fd = mode < 4 ? dup(0) : dup(mode < 8 ? 1 : 2);
    } else {
        fd = open(name, modes[mode], 0644);
    }
    free(name);
    if (fd < 0) {
        last_errno = errno;
        return -1;
    }
    int g = alloc_fd(fd);
    if (g < 0) {
        close(fd);
        last_errno = EMFILE;
    }
    return g;
}

static void do_exit(CPUARMState *env, uint64_t reason, uint64_t subcode)
{
    int status;
    if (reason == ADP_Stopped_ApplicationExit) {
        status = (int)subcode;
    } else {
        status = 1;
    }
    qemu_log_mask(LOG_SEMIHOSTING, "semihosting: exit, reason 0x%llx status %d\n",
                  (unsigned long long)reason, status);
    qemu_system_exit_request(status & 0xff);
    env->exception.kind = EXCP_EXIT;
    env->pc += 4;
    siglongjmp(env->jmp_env, 1);
}

void semihosting_call(CPUARMState *env)
{
    uint64_t op = env->xregs[0] & 0xffffffff, p = env->xregs[1];
    int64_t ret = -1;
    uint64_t a0, a1, a2;
    char c;

    qemu_log_mask(LOG_SEMIHOSTING, "semihosting: call 0x%llx param 0x%llx\n",
                  (unsigned long long)op, (unsigned long long)p);
    switch (op) {
    case SYS_WRITEC:
        if (rd(env, p, &c, 1)) {
            fputc(c, stderr);
            ret = 0;
        }
        break;
    case SYS_WRITE0: {
        char *s = read_string(env, p, 0);
        if (s) {
            fputs(s, stderr);
            free(s);
            ret = 0;
        }
        break;
    }
    case SYS_OPEN:
        ret = do_open(env, p);
        break;
    case SYS_CLOSE: {
        int fd;
        if (arg(env, p, 0, &a0) && (fd = get_fd(a0)) >= 0) {
            ret = close(fd);
            host_fd[a0] = -1;
        } else {
            last_errno = EBADF;
        }
        break;
    }
    case SYS_WRITE: case SYS_READ: {
        int fd;
        if (!arg(env, p, 0, &a0) || !arg(env, p, 1, &a1) || !arg(env, p, 2, &a2) ||
            (fd = get_fd(a0)) < 0 || a2 > (1u << 30)) {
            last_errno = EBADF;
            ret = -1;
            break;
        }
        uint8_t *buf = malloc(a2 ? a2 : 1);
        if (!buf) {
            ret = (int64_t)a2;
            break;
        }
        if (op == SYS_WRITE) {
            ssize_t n = rd(env, a1, buf, a2) ? write(fd, buf, a2) : -1;
            ret = n < 0 ? (int64_t)a2 : (int64_t)(a2 - n);   /* bytes NOT written */
        } else {
            ssize_t n = read(fd, buf, a2);
            if (n < 0) {
                last_errno = errno;
                ret = -1;
            } else {
                wr(env, a1, buf, n);
                ret = (int64_t)(a2 - n);                     /* bytes NOT read */
            }
        }
        free(buf);
        break;
    }
    case SYS_READC:
        ret = getchar();
        break;
    case SYS_ISERROR:
        ret = arg(env, p, 0, &a0) && (int64_t)a0 < 0;
        break;
    case SYS_ISTTY: {
        int fd;
        ret = arg(env, p, 0, &a0) && (fd = get_fd(a0)) >= 0 ? isatty(fd) : 0;
        break;
    }
    case SYS_SEEK: {
        int fd;
        if (arg(env, p, 0, &a0) && arg(env, p, 1, &a1) && (fd = get_fd(a0)) >= 0) {
            ret = lseek(fd, (off_t)a1, SEEK_SET) < 0 ? -1 : 0;
            if (ret) {
                last_errno = errno;
            }
        }
        break;
    }
    case SYS_FLEN: {
        int fd;
        struct stat st;
        if (arg(env, p, 0, &a0) && (fd = get_fd(a0)) >= 0 && fstat(fd, &st) == 0) {
            ret = st.st_size;
        }
        break;
    }
    case SYS_REMOVE: {
        char *name;
        if (arg(env, p, 0, &a0) && arg(env, p, 1, &a1) && (name = read_string(env, a0, a1))) {
            ret = unlink(name) ? errno : 0;
            free(name);
        }
        break;
    }
    case SYS_CLOCK:
        ret = clock_get_ns() / 10000000;     /* centiseconds since start */
        break;
    case SYS_TIME:
        ret = time(NULL);
        break;
    case SYS_ERRNO:
        ret = last_errno;
        break;
    case SYS_GET_CMDLINE: {
        char line[1024] = "";
        size_t n = 0;
        for (int i = 0; i < semihosting.argc; i++) {
            n += snprintf(line + n, sizeof(line) - n, "%s%s", i ? " " : "", semihosting.argv[i]);
            if (n >= sizeof(line)) {
                n = sizeof(line) - 1;
                break;
            }
        }
        if (arg(env, p, 0, &a0) && arg(env, p, 1, &a1) && n < a1 && wr(env, a0, line, n + 1)) {
            uint64_t len = n;
            wr(env, p + 8, &len, 8);
            ret = 0;
        }
        break;
    }
    case SYS_HEAPINFO: {
        uint64_t zero[4] = { 0, 0, 0, 0 };
        if (arg(env, p, 0, &a0) && wr(env, a0, zero, sizeof(zero))) {
            ret = 0;
        }
        break;
    }
    case SYS_EXIT:
        /* AArch64: X1 points to {reason, subcode} */
        if (!arg(env, p, 0, &a0) || !arg(env, p, 1, &a1)) {
            a0 = p;
            a1 = 0;
        }
        do_exit(env, a0, a1);
        break;
    case SYS_EXIT_EXTENDED:
        if (arg(env, p, 0, &a0) && arg(env, p, 1, &a1)) {
            do_exit(env, a0, a1);
        }
        break;
    case SYS_ELAPSED: {
        uint64_t ticks = (uint64_t)clock_get_ns();
        ret = wr(env, p, &ticks, 8) ? 0 : -1;
        break;
    }
    case SYS_TICKFREQ:
        ret = 1000000000;
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "semihosting: unsupported call 0x%llx\n", (unsigned long long)op);
        break;
    }
    env->xregs[0] = (uint64_t)ret;
}
