/* SPDX-License-Identifier: GPL-2.0-or-later */
/* chardev.h: character back ends (stdio, file, null, mon:stdio multiplexer) for UARTs and the monitor. */
#ifndef SYSTEM_CHARDEV_H
#define SYSTEM_CHARDEV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Chardev Chardev;

/* The front end (a UART) says how many bytes it can take, then receives them. */
typedef int ChardevCanRead(void *opaque);
typedef void ChardevRead(void *opaque, const uint8_t *buf, int len);

/* spec: "stdio", "mon:stdio", "file:PATH", "null", "none"; returns NULL (and *err) on failure. */
Chardev *chardev_open(const char *spec, char *err, size_t err_len);
void chardev_write(Chardev *chr, const uint8_t *buf, size_t len);
void chardev_set_handlers(Chardev *chr, ChardevCanRead *can_read, ChardevRead *read, void *opaque);
/* Poll all open back ends for input (non-blocking) and deliver it; timeout_ms < 0 blocks. */
void chardev_poll_all(int timeout_ms);
/* Restore the terminal (raw mode) at exit. */
void chardev_cleanup(void);

#endif

/* mon:stdio multiplexing: Ctrl-A c switches input between the guest device and the monitor.
 * The monitor registers its front end here; output from both goes to the same back end. */
typedef void ChardevMonitorInput(void *opaque, const uint8_t *buf, int len);
void chardev_mux_set_monitor(Chardev *chr, ChardevMonitorInput *fn, void *opaque);
bool chardev_is_mux(const Chardev *chr);
