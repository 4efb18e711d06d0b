/* SPDX-License-Identifier: GPL-2.0-or-later */
/* log.h: -d/-D logging categories; a disabled category costs one test of a global mask. */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* One X-macro list: bit, -d name, help text. The order is the -d help order. */
#define LOG_CATEGORIES(X) \
    X(LOG_IN_ASM,       "in_asm",       "show target assembly code for each compiled TB") \
    X(LOG_OP,           "op",           "show the IR generated for each compiled TB") \
    X(LOG_EXEC,         "exec",         "show trace before each executed TB (lots of logs)") \
    X(LOG_CPU,          "cpu",          "show CPU registers before entering a TB (lots of logs)") \
    X(LOG_INT,          "int",          "show interrupts and exceptions") \
    X(LOG_UNIMP,        "unimp",        "log unimplemented functionality") \
    X(LOG_GUEST_ERROR,  "guest_errors", "log when the guest does something architecturally invalid") \
    X(LOG_MMU,          "mmu",          "log MMU-related activity (walks and faults)") \
    X(LOG_GPC,          "gpc",          "RME: granule protection table walks and faults") \
    X(LOG_WORLD,        "world",        "RME: security state (world) changes") \
    X(LOG_SMC,          "smc",          "SMC calls with their function ID, arguments and results") \
    X(LOG_RMI,          "rmi",          "RME: RMI calls (NS host to RMM), decoded") \
    X(LOG_RSI,          "rsi",          "RME: RSI calls (realm to RMM), decoded") \
    X(LOG_PAGE,         "page",         "dump pages at beginning of user mode emulation") \
    X(LOG_NOCHAIN,      "nochain",      "do not chain compiled TBs so that \"exec\" and \"cpu\" show complete traces") \
    X(LOG_SEMIHOSTING,  "semihosting",  "log semihosting calls") \
    X(LOG_OUT_ASM,      "out_asm",      "show generated host assembly code (the interpreter has none: no output)") \
    X(LOG_OP_OPT,       "op_opt",       "show the IR after optimization") \
    X(LOG_CPU_RESET,    "cpu_reset",    "show CPU state before CPU resets") \
    X(LOG_FPU,          "fpu",          "include FPU registers in the 'cpu' logging") \
    X(LOG_PLUGIN,       "plugin",       "output from TCG plugins (none exist: accepted for compatibility)") \
    X(LOG_STRACE,       "strace",       "log every user-mode syscall (user mode only: no output here)") \
    X(LOG_TID,          "tid",          "open a separate log file per thread (accepted; one thread)")

enum {
#define LOG_BIT_ENUM(bit, name, help) bit##_BIT,
    LOG_CATEGORIES(LOG_BIT_ENUM)
#undef LOG_BIT_ENUM
    LOG_NUM_CATEGORIES
};
#define LOG_MASK_OF(bit, name, help) bit = 1u << bit##_BIT,
enum { LOG_CATEGORIES(LOG_MASK_OF) };
#undef LOG_MASK_OF

extern uint32_t qemu_loglevel;
extern FILE *qemu_logfile;

static inline bool qemu_loglevel_mask(uint32_t mask)
{
    return (qemu_loglevel & mask) != 0;
}

/* Parse a -d list ("in_asm,int" or "all"); returns -1 and fills *bad with the unknown name. */
int qemu_log_parse(const char *list, uint32_t *mask, char *bad, size_t bad_len);
void qemu_log_print_help(FILE *out);
/* -D FILE: returns -1 with errno set when the file cannot be opened. */
int qemu_log_set_file(const char *path);
void qemu_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define qemu_log_mask(MASK, ...) \
    do { if (__builtin_expect(qemu_loglevel_mask(MASK), 0)) { qemu_log(__VA_ARGS__); } } while (0)

#endif
