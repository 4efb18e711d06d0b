/* SPDX-License-Identifier: BSD-3-Clause */
/* printf.c: the format engine behind snprintf and printf, with no floating point. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <lib/mem.h>
#include <lib/printf.h>

enum {
    F_LEFT = 1,     /* '-' */
    F_ZERO = 2,     /* '0' */
    F_PLUS = 4,     /* '+' */
    F_SPACE = 8,    /* ' ' */
    F_ALT = 16,     /* '#' */
};

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T };

struct out {
    fmt_sink_fn sink;
    void *ctx;
    int count;
};

static void emit(struct out *o, char c)
{
    o->sink(o->ctx, c);
    /* The count saturates instead of overflowing (ISO C leaves INT_MAX+ outputs undefined). */
    if (o->count < INT32_MAX) {
        o->count++;
    }
}

static void emit_n(struct out *o, char c, int n)
{
    while (n-- > 0) {
        emit(o, c);
    }
}

/* Fetch an integer argument as the length modifier says; promotion rules of ISO C 7.21.6.1. */
static uint64_t get_unsigned(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_HH:
        return (unsigned char)va_arg(*ap, unsigned int);
    case LEN_H:
        return (unsigned short)va_arg(*ap, unsigned int);
    case LEN_L:
        return va_arg(*ap, unsigned long);
    case LEN_LL:
        return va_arg(*ap, unsigned long long);
    case LEN_Z:
        return va_arg(*ap, size_t);
    case LEN_J:
        return va_arg(*ap, uintmax_t);
    case LEN_T:
        return (uint64_t)va_arg(*ap, ptrdiff_t);
    default:
        return va_arg(*ap, unsigned int);
    }
}

static int64_t get_signed(va_list *ap, enum length len)
{
    switch (len) {
    case LEN_HH:
        return (signed char)va_arg(*ap, int);
    case LEN_H:
        return (short)va_arg(*ap, int);
    case LEN_L:
        return va_arg(*ap, long);
    case LEN_LL:
        return va_arg(*ap, long long);
    case LEN_Z:
        /* %zd takes the signed type corresponding to size_t. */
        return (int64_t)va_arg(*ap, size_t);
    case LEN_J:
        return va_arg(*ap, intmax_t);
    case LEN_T:
        return va_arg(*ap, ptrdiff_t);
    default:
        return va_arg(*ap, int);
    }
}

struct spec {
    unsigned flags;
    int width;
    int prec;   /* -1: none given */
};

/*
 * Lay out one integer: [padding][sign or 0x][zeros][digits][left-justify padding].  Precision is
 * the minimum digit count and disables the '0' flag; precision 0 with value 0 prints no digits,
 * except that "%#.0o" still prints "0" (ISO C 7.21.6.1 p6).
 */
static void put_integer(struct out *o, const struct spec *sp, uint64_t mag, bool negative,
                        unsigned base, bool upper, const char *prefix)
{
    static const char lower_digits[] = "0123456789abcdef";
    static const char upper_digits[] = "0123456789ABCDEF";
    const char *digits = upper ? upper_digits : lower_digits;
    char buf[24];
    int nd = 0;
    int zeros = 0;
    int plen;
    int total;
    char sign = 0;

    while (mag) {
        buf[nd++] = digits[mag % base];
        mag /= base;
    }
    if (nd == 0 && sp->prec != 0) {
        buf[nd++] = '0';
    }
    if (base == 8 && (sp->flags & F_ALT) && (nd == 0 || buf[nd - 1] != '0')) {
        buf[nd++] = '0';
    }
    if (negative) {
        sign = '-';
    } else if (sp->flags & F_PLUS) {
        sign = '+';
    } else if (sp->flags & F_SPACE) {
        sign = ' ';
    }
    plen = (sign ? 1 : 0) + (int)FW_LIBC(strlen)(prefix);
    if (sp->prec > nd) {
        zeros = sp->prec - nd;
    }
    total = plen + zeros + nd;
    if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->prec < 0 && sp->width > total) {
        zeros += sp->width - total;
        total = sp->width;
    }
    if (!(sp->flags & F_LEFT)) {
        emit_n(o, ' ', sp->width - total);
    }
    if (sign) {
        emit(o, sign);
    }
    for (; *prefix; prefix++) {
        emit(o, *prefix);
    }
    emit_n(o, '0', zeros);
    while (nd) {
        emit(o, buf[--nd]);
    }
    if (sp->flags & F_LEFT) {
        emit_n(o, ' ', sp->width - total);
    }
}

static void put_string(struct out *o, const struct spec *sp, const char *s)
{
    int len;

    if (!s) {
        s = "(null)";
    }
    /* With a precision the argument need not be NUL-terminated (ISO C 7.21.6.1 p8). */
    len = (int)FW_LIBC(strnlen)(s, sp->prec >= 0 ? (size_t)sp->prec : (size_t)INT32_MAX);
    if (!(sp->flags & F_LEFT)) {
        emit_n(o, ' ', sp->width - len);
    }
    for (int i = 0; i < len; i++) {
        emit(o, s[i]);
    }
    if (sp->flags & F_LEFT) {
        emit_n(o, ' ', sp->width - len);
    }
}

/* Parse a decimal field; clamps so that absurd widths cannot overflow int. */
static int parse_num(const char **pp)
{
    const char *p = *pp;
    int v = 0;

    while (*p >= '0' && *p <= '9') {
        if (v < 100000000) {
            v = v * 10 + (*p - '0');
        }
        p++;
    }
    *pp = p;
    return v;
}

int fmt_vformat(fmt_sink_fn sink, void *ctx, const char *fmt, va_list ap_in)
{
    struct out o = { sink, ctx, 0 };
    va_list ap;
    const char *p = fmt;

    /* A copy so that helpers can take the list by pointer, which is portable for va_list. */
    va_copy(ap, ap_in);
    while (*p) {
        struct spec sp = { 0, 0, -1 };
        enum length len = LEN_NONE;
        const char *start = p;

        if (*p != '%') {
            emit(&o, *p++);
            continue;
        }
        p++;
        for (;; p++) {
            if (*p == '-') {
                sp.flags |= F_LEFT;
            } else if (*p == '0') {
                sp.flags |= F_ZERO;
            } else if (*p == '+') {
                sp.flags |= F_PLUS;
            } else if (*p == ' ') {
                sp.flags |= F_SPACE;
            } else if (*p == '#') {
                sp.flags |= F_ALT;
            } else {
                break;
            }
        }
        if (*p == '*') {
            sp.width = va_arg(ap, int);
            /* A negative * width means '-' with the absolute width (ISO C 7.21.6.1 p5). */
            if (sp.width < 0) {
                sp.flags |= F_LEFT;
                sp.width = sp.width == INT32_MIN ? INT32_MAX : -sp.width;
            }
            p++;
        } else {
            sp.width = parse_num(&p);
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                sp.prec = va_arg(ap, int);
                if (sp.prec < 0) {
                    sp.prec = -1;   /* "taken as if the precision were omitted" */
                }
                p++;
            } else {
                sp.prec = parse_num(&p);
            }
        }
        switch (*p) {
        case 'h':
            len = p[1] == 'h' ? LEN_HH : LEN_H;
            p += len == LEN_HH ? 2 : 1;
            break;
        case 'l':
            len = p[1] == 'l' ? LEN_LL : LEN_L;
            p += len == LEN_LL ? 2 : 1;
            break;
        case 'z':
            len = LEN_Z;
            p++;
            break;
        case 'j':
            len = LEN_J;
            p++;
            break;
        case 't':
            len = LEN_T;
            p++;
            break;
        default:
            break;
        }
        switch (*p) {
        case 'd':
        case 'i': {
            int64_t v = get_signed(&ap, len);
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

            put_integer(&o, &sp, mag, v < 0, 10, false, "");
            break;
        }
        case 'u':
        case 'o':
            /* '+' and ' ' only concern signed conversions (ISO C 7.21.6.1 p6). */
            sp.flags &= ~(unsigned)(F_PLUS | F_SPACE);
            put_integer(&o, &sp, get_unsigned(&ap, len), false, *p == 'u' ? 10 : 8, false, "");
            break;
        case 'x':
        case 'X': {
            uint64_t v = get_unsigned(&ap, len);
            const char *prefix = (sp.flags & F_ALT) && v ? (*p == 'x' ? "0x" : "0X") : "";

            sp.flags &= ~(unsigned)(F_PLUS | F_SPACE);
            put_integer(&o, &sp, v, false, 16, *p == 'X', prefix);
            break;
        }
        case 'p': {
            /* Always 0x-prefixed hex, also for NULL, so addresses line up in logs. */
            uintptr_t v = (uintptr_t)va_arg(ap, void *);

            sp.flags &= ~(unsigned)(F_PLUS | F_SPACE | F_ALT);
            put_integer(&o, &sp, v, false, 16, false, "0x");
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);

            if (!(sp.flags & F_LEFT)) {
                emit_n(&o, ' ', sp.width - 1);
            }
            emit(&o, c);
            if (sp.flags & F_LEFT) {
                emit_n(&o, ' ', sp.width - 1);
            }
            break;
        }
        case 's':
            put_string(&o, &sp, va_arg(ap, const char *));
            break;
        case '%':
            emit(&o, '%');
            break;
        default:
            /* Unknown or truncated conversion: show it as written rather than guess. */
            while (start < p) {
                emit(&o, *start++);
            }
            if (*p) {
                emit(&o, *p);
            } else {
                continue;
            }
            break;
        }
        p++;
    }
    va_end(ap);
    return o.count;
}

struct buf_sink {
    char *buf;
    size_t size;
    size_t pos;
};

static void buf_put(void *ctx, char c)
{
    struct buf_sink *b = ctx;

    /* Keep one byte for the terminator; characters past the end are only counted. */
    if (b->pos + 1 < b->size) {
        b->buf[b->pos] = c;
    }
    b->pos++;
}

int FW_LIBC(vsnprintf)(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buf_sink b = { buf, size, 0 };
    int n = fmt_vformat(buf_put, &b, fmt, ap);

    if (size) {
        buf[b.pos < size ? b.pos : size - 1] = '\0';
    }
    return n;
}

int FW_LIBC(snprintf)(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = FW_LIBC(vsnprintf)(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
