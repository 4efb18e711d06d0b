/* SPDX-License-Identifier: BSD-3-Clause */
/* pl011.c: polled PL011 UART driver behind console.h. */
#include <stdint.h>
#include <lib/bits.h>
#include <lib/console.h>

/* Register offsets and bits from the PL011 TRM (ARM DDI 0183), section 3.2 and 3.3. */
#define UARTDR      0x000
#define UARTFR      0x018
#define UARTIBRD    0x024
#define UARTFBRD    0x028
#define UARTLCR_H   0x02c
#define UARTCR      0x030
#define UARTIMSC    0x038
#define UARTICR     0x044

#define FR_BUSY     BIT(3)
#define FR_RXFE     BIT(4)
#define FR_TXFF     BIT(5)
#define LCRH_FEN    BIT(4)
#define LCRH_WLEN8  (3u << 5)
#define CR_UARTEN   BIT(0)
#define CR_TXE      BIT(8)
#define CR_RXE      BIT(9)

static uintptr_t console_base;

static inline uint32_t rd(uint32_t off)
{
    return *(volatile uint32_t *)(console_base + off);
}

static inline void wr(uint32_t off, uint32_t v)
{
    *(volatile uint32_t *)(console_base + off) = v;
}

void console_init(uintptr_t base, uint32_t clk_hz, uint32_t baud)
{
    console_base = base;
    if (!base) {
        return;
    }
    if (clk_hz && baud) {
        /* Divisor = clk / (16 * baud) as 16.6 fixed point, rounded (TRM 3.3.6). */
        uint32_t div64 = (uint32_t)(((uint64_t)clk_hz * 4 + baud / 2) / baud);

        wr(UARTCR, 0);
        wr(UARTIBRD, div64 >> 6);
        wr(UARTFBRD, div64 & 0x3f);
        /* LCR_H must be written after the divisors to latch them (TRM 3.3.7). */
        wr(UARTLCR_H, LCRH_WLEN8 | LCRH_FEN);
    }
    wr(UARTIMSC, 0);
    wr(UARTICR, 0x7ff);
    wr(UARTCR, CR_UARTEN | CR_TXE | CR_RXE);
}

static void put_raw(char c)
{
    while (rd(UARTFR) & FR_TXFF) {
        /* Polled: firmware consoles run with interrupts masked. */
    }
    wr(UARTDR, (uint8_t)c);
}

void console_putc(char c)
{
    if (!console_base) {
        return;
    }
    if (c == '\n') {
        put_raw('\r');
    }
    put_raw(c);
}

int console_getc(void)
{
    if (!console_base || (rd(UARTFR) & FR_RXFE)) {
        return -1;
    }
    return (int)(rd(UARTDR) & 0xff);
}

void console_flush(void)
{
    if (!console_base) {
        return;
    }
    while (rd(UARTFR) & FR_BUSY) {
    }
}
