/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Guest test runtime: EL setup, exception recorder, checks, PL011 output, semihosting exit. */
#include "testlib.h"

#define UART_BASE   0x09000000UL
#define UART_DR     0x00
#define UART_FR     0x18
#define UART_FR_TXFF (1u << 5)
#define STACK_SIZE  0x4000

extern char stacks[];
extern char vectors_el1[], vectors_el2[], vectors_el3[];
extern void upcall_return(u64 value) __attribute__((noreturn));
extern struct { u64 r[12], sp, daif, active, pad; } el_ctx[4];

unsigned start_el, have_el2, have_el3;
u64 boot_daif, boot_sctlr;
unsigned checks_passed, checks_failed;
volatile unsigned exc_count, async_count;
volatile struct exc_record exc_last;
irq_hook_t irq_hook;
sync_hook_t sync_hook;
u64 stack_top[4];

static volatile int exc_armed;
static volatile int exc_arrived;
static volatile u64 exc_resume;

/* ---- output ---- */

void uart_putc(char c)
{
    while (mmio_read32(UART_BASE + UART_FR) & UART_FR_TXFF) {
        /* wait for room in the FIFO */
    }
    mmio_write32(UART_BASE + UART_DR, (u8)c);
}

void puts_raw(const char *s)
{
    while (*s) {
        uart_putc(*s++);
    }
}

void *memset(void *d, int c, size_t n)
{
    u8 *p = d;
    while (n--) {
        *p++ = (u8)c;
    }
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    u8 *p = d;
    const u8 *q = s;
    while (n--) {
        *p++ = *q++;
    }
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const u8 *p = a, *q = b;
    for (; n; n--, p++, q++) {
        if (*p != *q) {
            return *p < *q ? -1 : 1;
        }
    }
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (u8)*a - (u8)*b;
}

/* Formatter shared by printf and snprintf: sink is a buffer or the UART. */
struct sink {
    char *buf;
    size_t size, len;
};

static void sink_put(struct sink *s, char c)
{
    if (s->buf) {
        if (s->len + 1 < s->size) {
            s->buf[s->len] = c;
        }
    } else {
        uart_putc(c);
    }
    s->len++;
}

static void put_num(struct sink *s, u64 v, unsigned base, int neg, int width, char pad)
{
    char tmp[24];
    int n = 0;
    do {
        unsigned d = v % base;
        tmp[n++] = d < 10 ? '0' + d : 'a' + d - 10;
        v /= base;
    } while (v);
    if (neg) {
        if (pad == '0') {
            sink_put(s, '-');
        } else {
            tmp[n++] = '-';
        }
        width--;
    }
    for (int i = n; i < width; i++) {
        sink_put(s, pad);
    }
    while (n) {
        sink_put(s, tmp[--n]);
    }
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            sink_put(s, *fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0, lng = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        while (*fmt == 'l' || *fmt == 'z') {
            lng = 1;
            fmt++;
        }
        switch (*fmt) {
        case 'd': {
            s64 v = lng ? va_arg(ap, s64) : va_arg(ap, int);
            put_num(s, v < 0 ? -(u64)v : (u64)v, 10, v < 0, width, pad);
            break;
        }
        case 'u':
            put_num(s, lng ? va_arg(ap, u64) : va_arg(ap, unsigned), 10, 0, width, pad);
            break;
        case 'x':
            put_num(s, lng ? va_arg(ap, u64) : va_arg(ap, unsigned), 16, 0, width, pad);
            break;
        case 'p':
            sink_put(s, '0');
            sink_put(s, 'x');
            put_num(s, (u64)va_arg(ap, void *), 16, 0, width, pad);
            break;
        case 'c':
            sink_put(s, (char)va_arg(ap, int));
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str) {
                str = "(null)";
            }
            for (int n = strlen(str); n < width; n++) {
                sink_put(s, ' ');
            }
            while (*str) {
                sink_put(s, *str++);
            }
            break;
        }
        case '%':
            sink_put(s, '%');
            break;
        case 0:
            return;
        default:
            sink_put(s, '%');
            sink_put(s, *fmt);
            break;
        }
    }
}

int vprintf(const char *fmt, va_list ap)
{
    struct sink s = { 0 };
    format(&s, fmt, ap);
    return s.len;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    struct sink s = { buf, size, 0 };
    va_list ap;
    va_start(ap, fmt);
    format(&s, fmt, ap);
    va_end(ap);
    if (size) {
        buf[s.len < size ? s.len : size - 1] = 0;
    }
    return s.len;
}

/* ---- semihosting exit ---- */

void exit(int status)
{
    /* AArch64 SYS_EXIT takes a (reason, subcode) block; the subcode is the status. */
    static u64 block[2];
    block[0] = ADP_Stopped_ApplicationExit;
    block[1] = (u64)status;
    semihost(SYS_EXIT, (u64)block);
    for (;;) {
        asm volatile("wfi");
    }
}

/* ---- checks ---- */

static void vcheck(int ok, u64 got, u64 exp, int show, const char *fmt, va_list ap)
{
    char name[256];
    struct sink sk = { name, sizeof(name), 0 };

    /* A check's name stays on one line: newlines and tabs of asm text become "; ". */
    format(&sk, fmt, ap);
    name[sk.len < sizeof(name) ? sk.len : sizeof(name) - 1] = 0;
    puts_raw(ok ? "PASS: " : "FAIL: ");
    for (const char *p = name; *p; p++) {
        if (*p == '\n') {
            puts_raw("; ");
        } else if (*p != '\t') {
            uart_putc(*p);
        }
    }
    if (!ok && show) {
        printf(": expected 0x%lx got 0x%lx", exp, got);
    } else if (!ok) {
        puts_raw(": expected true got false");
    }
    uart_putc('\n');
    if (ok) {
        checks_passed++;
    } else {
        checks_failed++;
    }
}

int check_eq(u64 got, u64 exp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vcheck(got == exp, got, exp, 1, fmt, ap);
    va_end(ap);
    return got == exp;
}

int check_true(int ok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vcheck(ok, 0, 0, 0, fmt, ap);
    va_end(ap);
    return ok;
}

void skip(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    puts_raw("SKIP: ");
    vprintf(fmt, ap);
    uart_putc('\n');
    va_end(ap);
}

/* ---- exceptions ---- */

void exc_expect(u64 resume)
{
    exc_resume = resume;
    exc_arrived = 0;
    exc_armed = 1;
    memset((void *)&exc_last, 0, sizeof(exc_last));
    asm volatile("" ::: "memory");
}

int exc_taken(void)
{
    int r = exc_arrived;
    exc_armed = 0;
    exc_arrived = 0;
    return r;
}

/*
 * Preferred return address (Arm ARM D1.3.4): SVC, HVC and SMC executed
 * normally return to the next instruction; trapped or faulting
 * instructions return to themselves.  An SMC taken to EL2 is always a
 * trap (HCR_EL2.TSC).  Software Step exceptions return to the instruction
 * that was about to be stepped.
 */
static int returns_past(unsigned ec, unsigned el)
{
    /* A Software Step exception's ELR is already the next instruction. */
    return ec == 0x15 || ec == 0x16 || (ec == 0x17 && el == 3) || ec == 0x32 || ec == 0x33;
}

/* Returns 1 to resume the call_lower() caller at this EL (upcall). */
u64 exc_dispatch(struct exc_frame *f)
{
    unsigned kind = f->vec & 0x180;
    unsigned ec = ESR_EC(f->esr);

    exc_count++;
    if (kind == VEC_SYNC && (ec == 0x15 || ec == 0x16 || ec == 0x17) &&
        (f->esr & 0xffff) == UPCALL_RETURN) {
        if (el_ctx[f->el].active) {
            return 1;
        }
        upcall_return(f->x[0]);
    }
    exc_last.el = f->el;
    exc_last.vec = f->vec;
    exc_last.esr = f->esr;
    exc_last.far = f->far;
    exc_last.elr = f->elr;
    exc_last.spsr = f->spsr;
    exc_last.hpfar = f->el == 2 ? read_sysreg(hpfar_el2) : 0;
    if (kind != VEC_SYNC) {
        /*
         * No test takes more than a few dozen interrupts: thousands mean
         * a source that nobody quiets (or an emulator that does not let
         * the hook quiet it).  Fail instead of spinning until the timeout.
         */
        if (++async_count > 10000) {
            printf("FAIL: interrupt storm at EL%lu vector 0x%lx\n", f->el, f->vec);
            exit(1);
        }
        if (irq_hook) {
            irq_hook(f);
            return 0;
        }
        /* No hook: mask the class in the interrupted context so we make progress. */
        f->spsr |= kind == VEC_IRQ ? (1 << 7) : kind == VEC_FIQ ? (1 << 6) : (1 << 8);
        return 0;
    }
    if (sync_hook && sync_hook(f)) {
        return 0;
    }
    if (!exc_armed) {
        printf("FAIL: unexpected exception at EL%lu vector 0x%lx ESR 0x%lx ELR 0x%lx "
               "FAR 0x%lx SPSR 0x%lx\n", f->el, f->vec, f->esr, f->elr, f->far, f->spsr);
        exit(1);
    }
    exc_armed = 0;
    exc_arrived = 1;
    if (ec == 0x0e) {
        /* Illegal Execution state: resume with PSTATE.IL clear (Arm ARM D1.4.4). */
        f->spsr &= ~(1ULL << 20);
    }
    if (ec == 0x0d) {
        /* Branch Target: resume with PSTATE.BTYPE clear, or the next instruction faults too. */
        f->spsr &= ~(3ULL << 10);
    }
    if (exc_resume) {
        f->elr = exc_resume;
    } else if (!returns_past(ec, f->el)) {
        f->elr += 4;
    }
    return 0;
}

/* ---- EL switching ---- */

/* Called from call_lower's C-side: give each lower EL a fresh stack. */
static void setup_lower_stacks(void)
{
    unsigned cur = current_el();
    if (cur > 0) {
        write_sysreg(stack_top[0], sp_el0);
    }
    if (cur > 1) {
        write_sysreg(stack_top[1], sp_el1);
    }
    if (cur > 2) {
        write_sysreg(stack_top[2], sp_el2);
    }
}

extern u64 call_lower_raw(u64 spsr, u64 (*fn)(u64), u64 arg);

u64 call_lower(u64 spsr, u64 (*fn)(u64), u64 arg)
{
    setup_lower_stacks();
    return call_lower_raw(spsr, fn, arg);
}

u64 call_at_el(unsigned el, u64 (*fn)(u64), u64 arg)
{
    return call_lower(SPSR_MODE(el, el != 0) | SPSR_DAIF, fn, arg);
}

/* ---- MMU ---- */

static u64 l1_table[512] __attribute__((aligned(4096)));

void mmu_identity_el1(void)
{
    /* Level 1 block descriptors (Arm ARM D8.3): AF (bit 10), SH inner (3 << 8), AttrIndx. */
    l1_table[0] = 0x00000000ULL | (1 << 10) | (0 << 2) | 1;
    for (u64 i = 1; i < 4; i++) {
        l1_table[i] = (i << 30) | (1 << 10) | (3 << 8) | (1 << 2) | 1;
    }
    dsb_sy();
    write_sysreg(0xff00, mair_el1);             /* attr0 Device-nGnRnE, attr1 Normal WB */
    /* T0SZ 25 (39-bit VA), IRGN0/ORGN0 WB, SH0 inner, TG0 4K, EPD1, IPS 40 bits. */
    write_sysreg(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2ULL << 32), tcr_el1);
    write_sysreg((u64)l1_table, ttbr0_el1);
    isb();
    asm volatile("tlbi vmalle1\n\tdsb nsh\n\tisb" ::: "memory");
    write_sysreg(read_sysreg(sctlr_el1) | (1 << 12) | (1 << 2) | 1, sctlr_el1);
    isb();
}

/* ---- start ---- */

#define SCTLR_EL1_RES1  0x30d00800ULL  /* bits 11, 20, 22, 23, 28, 29 */
#define SCTLR_EL23_RES1 0x30c50830ULL  /* bits 4, 5, 11, 16, 18, 22, 23, 28, 29 */

static void init_el1(void)
{
    write_sysreg(vectors_el1, vbar_el1);
    write_sysreg(SCTLR_EL1_RES1, sctlr_el1);
    write_sysreg(3ULL << 20, cpacr_el1);        /* FPEN: no FP/SIMD traps */
    write_sysreg(3, cntkctl_el1);               /* EL0PCTEN, EL0VCTEN */
}

static void init_el2(void)
{
    write_sysreg(vectors_el2, vbar_el2);
    write_sysreg(SCTLR_EL23_RES1, sctlr_el2);
    write_sysreg(1ULL << 31, hcr_el2);          /* RW: EL1 is AArch64 */
    write_sysreg(0x33ff, cptr_el2);             /* RES1 bits, TFP = 0 */
    write_sysreg(3, cnthctl_el2);               /* EL1PCTEN, EL1PCEN */
    write_sysreg(0, cntvoff_el2);
    write_sysreg(read_sysreg(midr_el1), vpidr_el2);
    write_sysreg(read_sysreg(mpidr_el1), vmpidr_el2);
    write_sysreg(0, mdcr_el2);
    write_sysreg(0, vttbr_el2);
}

static void init_el3(void)
{
    u64 scr = (1 << 10) | (3 << 4) | 1;         /* RW, RES1, NS */
    if (have_el2) {
        scr |= 1 << 8;                          /* HCE */
    }
    write_sysreg(vectors_el3, vbar_el3);
    write_sysreg(SCTLR_EL23_RES1, sctlr_el3);
    write_sysreg(scr, scr_el3);
    write_sysreg(0, cptr_el3);
    write_sysreg(0, mdcr_el3);
}

void runtime_start(unsigned el, u64 daif)
{
    u64 pfr0;

    boot_daif = daif;
    boot_sctlr = el == 3 ? read_sysreg(sctlr_el3) : el == 2 ? read_sysreg(sctlr_el2)
                                                            : read_sysreg(sctlr_el1);

    for (int i = 0; i < 4; i++) {
        stack_top[i] = (u64)stacks + (i + 1) * STACK_SIZE;
    }
    start_el = el;
    pfr0 = read_sysreg(id_aa64pfr0_el1);
    have_el2 = ((pfr0 >> 8) & 0xf) != 0;
    have_el3 = ((pfr0 >> 12) & 0xf) != 0;
    if (el >= 3) {
        init_el3();
    }
    if (el >= 2 && have_el2) {
        init_el2();
    }
    init_el1();
    isb();
    test_main();
    printf("SUMMARY: %u passed, %u failed\n", checks_passed, checks_failed);
    exit(checks_failed ? 1 : (checks_passed ? 0 : 2));
}
