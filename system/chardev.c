/* SPDX-License-Identifier: GPL-2.0-or-later */
/* chardev.c: character back ends: stdio (raw terminal), file, null, and the mon:stdio
 * multiplexer with QEMU's Ctrl-A escapes (x: exit, c: switch monitor/guest, h: help, s: none,
 * Ctrl-A Ctrl-A: send Ctrl-A). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "system/chardev.h"
#include "system/runloop.h"

#define MAX_CHARDEVS 8
#define PENDING_MAX 4096

struct Chardev {
    int in_fd;                 /* -1: no input */
    int out_fd;
    bool mux;                  /* mon:stdio */
    bool escape;               /* saw Ctrl-A */
    bool to_monitor;           /* mux input currently goes to the monitor */
    ChardevCanRead *can_read;
    ChardevRead *read;
    void *opaque;
    ChardevMonitorInput *mon_fn;
    void *mon_opaque;
    uint8_t pending[PENDING_MAX];
    int npending;
};

static Chardev *devs[MAX_CHARDEVS];
static int ndevs;
static struct termios saved_tty;
static bool tty_raw;
static bool stdio_taken;

void chardev_cleanup(void)
{
    if (tty_raw) {
        tcsetattr(0, TCSANOW, &saved_tty);
        tty_raw = false;
    }
}

static void stdio_raw(void)
{
    struct termios t;

    if (tty_raw || !isatty(0) || tcgetattr(0, &saved_tty) != 0) {
        return;
    }
    t = saved_tty;
    t.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t.c_oflag |= OPOST;
    t.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN | ISIG);
    t.c_cflag &= ~(CSIZE | PARENB);
    t.c_cflag |= CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(0, TCSANOW, &t) == 0) {
        tty_raw = true;
        atexit(chardev_cleanup);
    }
}

Chardev *chardev_open(const char *spec, char *err, size_t err_len)
{
    Chardev *c;

    if (ndevs == MAX_CHARDEVS) {
        snprintf(err, err_len, "too many character devices");
        return NULL;
    }
    c = calloc(1, sizeof(*c));
    if (!c) {
        snprintf(err, err_len, "out of memory");
        return NULL;
    }
    c->in_fd = -1;
    c->out_fd = -1;
    if (strcmp(spec, "stdio") == 0 || strcmp(spec, "mon:stdio") == 0) {
        if (stdio_taken) {
            snprintf(err, err_len, "cannot use stdio by multiple character devices");
            free(c);
            return NULL;
        }
        stdio_taken = true;
        c->in_fd = 0;
        c->out_fd = 1;
        c->mux = strcmp(spec, "mon:stdio") == 0;
        fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);
        stdio_raw();
    } else if (strncmp(spec, "file:", 5) == 0) {
        c->out_fd = open(spec + 5, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (c->out_fd < 0) {
            snprintf(err, err_len, "could not open '%s': %s", spec + 5, strerror(errno));
            free(c);
            return NULL;
        }
    } else if (strcmp(spec, "null") == 0) {
        /* nothing in, nothing out */
    } else {
        snprintf(err, err_len, "chardev '%s' is not supported", spec);
        free(c);
        return NULL;
    }
    devs[ndevs++] = c;
    return c;
}

bool chardev_is_mux(const Chardev *chr)
{
    return chr && chr->mux;
}

void chardev_write(Chardev *chr, const uint8_t *buf, size_t len)
{
    if (!chr || chr->out_fd < 0) {
        return;
    }
    while (len) {
        ssize_t n = write(chr->out_fd, buf, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                struct pollfd p = { .fd = chr->out_fd, .events = POLLOUT };
                poll(&p, 1, 100);
                continue;
            }
            return;   /* the reader went away: drop output, as a UART with nothing attached */
        }
        buf += n;
        len -= (size_t)n;
    }
}

void chardev_set_handlers(Chardev *chr, ChardevCanRead *can_read, ChardevRead *read, void *opaque)
{
    chr->can_read = can_read;
    chr->read = read;
    chr->opaque = opaque;
}

void chardev_mux_set_monitor(Chardev *chr, ChardevMonitorInput *fn, void *opaque)
{
    chr->mon_fn = fn;
    chr->mon_opaque = opaque;
}

static void deliver_pending(Chardev *c)
{
    while (c->npending && c->read && c->can_read) {
        int room = c->can_read(c->opaque);
        if (room <= 0) {
            return;
        }
        int n = room < c->npending ? room : c->npending;
        c->read(c->opaque, c->pending, n);
        memmove(c->pending, c->pending + n, (size_t)(c->npending - n));
        c->npending -= n;
    }
}

static void to_guest(Chardev *c, uint8_t b)
{
    if (c->npending < PENDING_MAX) {
        c->pending[c->npending++] = b;
    }
}

static void mux_input(Chardev *c, uint8_t b)
{
    static const char help[] =
        "\r\nC-a h    print this help\r\nC-a x    exit emulator\r\n"
        "C-a c    switch between console and monitor\r\nC-a C-a  sends C-a\r\n";

    if (c->escape) {
        c->escape = false;
        switch (b) {
        case 'x':
            chardev_write(c, (const uint8_t *)"QEMU: Terminated\r\n", 18);
            qemu_system_shutdown_request(SHUTDOWN_HOST_QUIT);
            return;
        case 'c':
            if (c->mon_fn) {
                c->to_monitor = !c->to_monitor;
                if (c->to_monitor) {
                    c->mon_fn(c->mon_opaque, NULL, 0);   /* show the prompt */
                }
            }
            return;
        case 'h':
            chardev_write(c, (const uint8_t *)help, sizeof(help) - 1);
            return;
        case 1:
            break;   /* literal Ctrl-A */
        default:
            return;
        }
    } else if (b == 1) {
        c->escape = true;
        return;
    }
    if (c->to_monitor && c->mon_fn) {
        c->mon_fn(c->mon_opaque, &b, 1);
    } else {
        to_guest(c, b);
    }
}

void chardev_poll_all(int timeout_ms)
{
    struct pollfd fds[MAX_CHARDEVS];
    int idx[MAX_CHARDEVS], n = 0;

    for (int i = 0; i < ndevs; i++) {
        deliver_pending(devs[i]);
        if (devs[i]->in_fd >= 0 && devs[i]->npending < PENDING_MAX) {
            fds[n].fd = devs[i]->in_fd;
            fds[n].events = POLLIN;
            idx[n++] = i;
        }
    }
    if (n == 0) {
        if (timeout_ms > 0) {
            usleep((useconds_t)timeout_ms * 1000);
        }
        return;
    }
    if (poll(fds, (nfds_t)n, timeout_ms) <= 0) {
        return;
    }
    for (int k = 0; k < n; k++) {
        Chardev *c = devs[idx[k]];
        if (fds[k].revents & (POLLHUP | POLLERR)) {
            if (!(fds[k].revents & POLLIN)) {
                c->in_fd = -1;   /* end of input: keep running, as QEMU does */
                continue;
            }
        }
        if (!(fds[k].revents & POLLIN)) {
            continue;
        }
        uint8_t buf[256];
        ssize_t r = read(c->in_fd, buf, sizeof(buf));
        if (r == 0) {
            c->in_fd = -1;
            continue;
        }
        for (ssize_t j = 0; j < r; j++) {
            if (c->mux) {
                mux_input(c, buf[j]);
            } else {
                to_guest(c, buf[j]);
            }
        }
        deliver_pending(c);
    }
}
