/* SPDX-License-Identifier: BSD-3-Clause */
/* console.h: the PL011 console every firmware image prints through. */
#ifndef FW_LIB_CONSOLE_H
#define FW_LIB_CONSOLE_H
#include <stdint.h>

/*
 * Use the PL011 at base.  With clk_hz and baud non-zero the divisors are programmed (PL011 TRM
 * 3.3.6); with 0 the firmware keeps whatever the previous stage set, which is right on QEMU where
 * the rate is ignored.  Before console_init every output character is dropped.
 */
void console_init(uintptr_t base, uint32_t clk_hz, uint32_t baud);
/* Waits while the TX FIFO is full; "\n" goes out as "\r\n" for terminals. */
void console_putc(char c);
/* A received byte, or -1 when the RX FIFO is empty. */
int console_getc(void);
/* Waits until every queued character has left the UART. */
void console_flush(void);

#endif
