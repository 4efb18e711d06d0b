/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Diff-test guest main loop: run each case, print what it changed. */
#include "harness.h"

/*
 * Output format, one item a line, all numbers in hexadecimal:
 *   diff-begin <ncases>
 *   c<index>              a case has run
 *   r<nn>=<value>         register nn (0-30 X, 31 SP, 32 NZCV) differs
 *                         from its initial value
 *   m<off>=<value>        the 8-byte word at buffer offset off differs
 *                         from its initial value
 *   diff-end
 * A guest fault makes the environment print
 *   diff-exception case=<index> ...
 * and abandon the case, which is then logged as "c<index>" and "F".
 * Printing only changes keeps the serial output small; the host rebuilds
 * the full states.
 */

static char obuf[4096];
static unsigned long opos;
volatile uint64_t diff_current = ~0ULL;
volatile uint64_t diff_faulted;

/* The compiler may turn loops into calls to these, so they must exist. */
void *memcpy(void *d, const void *s, unsigned long n)
{
    char *dp = d;
    const char *sp = s;
    while (n--) {
        *dp++ = *sp++;
    }
    return d;
}

void *memset(void *d, int c, unsigned long n)
{
    char *dp = d;
    while (n--) {
        *dp++ = (char)c;
    }
    return d;
}

void diff_flush(void)
{
    if (opos) {
        env_write(obuf, opos);
        opos = 0;
    }
}

static void put(char c)
{
    if (opos == sizeof(obuf)) {
        diff_flush();
    }
    obuf[opos++] = c;
}

static void puts_(const char *s)
{
    while (*s) {
        put(*s++);
    }
}

static void hex(uint64_t v, int digits)
{
    for (int i = digits - 1; i >= 0; i--) {
        put("0123456789abcdef"[(v >> (4 * i)) & 15]);
    }
}

int diff_main(void)
{
    opos = 0;
    puts_("diff-begin ");
    hex(diff_ncases, 8);
    put('\n');
    for (uint64_t i = 0; i < diff_ncases; i++) {
        const struct diff_case *c = &diff_cases[i];
        for (int w = 0; w < DIFF_MEM_WORDS; w++) {
            diff_mem[w] = c->mem[w];
        }
        diff_flush();           /* a hang is then pinned on the next case */
        diff_current = c->index;
        diff_faulted = 0;
        diff_run_case(c->entry);
        put('c');
        hex(c->index, 8);
        put('\n');
        if (diff_faulted) {
            puts_("F\n");
            continue;
        }
        env_post_case(c->index, &diff_out, diff_mem);
        for (int r = 0; r < DIFF_NREGS; r++) {
            if (diff_out.r[r] != c->in->r[r]) {
                put('r');
                hex(r, 2);
                put('=');
                hex(diff_out.r[r], 16);
                put('\n');
            }
        }
        for (int w = 0; w < DIFF_MEM_WORDS; w++) {
            if (diff_mem[w] != c->mem[w]) {
                put('m');
                hex(w * 8, 3);
                put('=');
                hex(diff_mem[w], 16);
                put('\n');
            }
        }
    }
    puts_("diff-end\n");
    diff_flush();
    return 0;
}
