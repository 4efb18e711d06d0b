/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bare-metal diff-test guest: PL011 output, fault report, self-test hook. */
#include "harness.h"

#define UART_BASE 0x09000000UL
#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF (1u << 5)

void sys_write(const char *buf, unsigned long len);
void sys_post_case(uint64_t index, struct diff_state *out, uint64_t *mem);
int sys_exception(uint64_t vec, uint64_t esr, uint64_t elr, uint64_t far);

static void uart_putc(char c)
{
    volatile uint32_t *fr = (volatile uint32_t *)(UART_BASE + UART_FR);
    volatile uint32_t *dr = (volatile uint32_t *)(UART_BASE + UART_DR);

    while (*fr & UART_FR_TXFF) {
        /* wait for room */
    }
    *dr = (uint8_t)c;
}

void sys_write(const char *buf, unsigned long len)
{
    while (len--) {
        uart_putc(*buf++);
    }
}

static void sys_hex(const char *name, uint64_t v)
{
    while (*name) {
        uart_putc(*name++);
    }
    for (int i = 15; i >= 0; i--) {
        uart_putc("0123456789abcdef"[(v >> (4 * i)) & 15]);
    }
}

/*
 * Returns 1 to abandon the case and go on with the next one, 0 to stop:
 * when no case is running or the handler itself faulted.
 */
int sys_exception(uint64_t vec, uint64_t esr, uint64_t elr, uint64_t far)
{
    static int busy;

    if (busy) {
        return 0;
    }
    busy = 1;
    diff_flush();
    sys_hex("\ndiff-exception case=", diff_current);
    sys_hex(" vector=", vec);
    sys_hex(" esr=", esr);
    sys_hex(" elr=", elr);
    sys_hex(" far=", far);
    uart_putc('\n');
    if (diff_current == ~0ULL) {
        return 0;
    }
    diff_faulted = 1;
    busy = 0;
    return 1;
}

/*
 * --self-test builds this side with a deliberate corruption of one case, so
 * that the host can prove it notices: kind 0 flips a bit of a register,
 * 1 flips the carry flag, 2 flips a bit of a buffer word.
 */
void sys_post_case(uint64_t index, struct diff_state *out, uint64_t *mem)
{
    (void)index;
    (void)out;
    (void)mem;
#ifdef DIFF_SELF_TEST_CASE
    if (index == DIFF_SELF_TEST_CASE) {
#if DIFF_SELF_TEST_KIND == 0
        out->r[DIFF_SELF_TEST_REG] ^= 1ULL << 17;
#elif DIFF_SELF_TEST_KIND == 1
        out->r[DIFF_REG_NZCV] ^= 1ULL << 29;
#else
        mem[DIFF_SELF_TEST_REG] ^= 1ULL << 40;
#endif
    }
#endif
}
