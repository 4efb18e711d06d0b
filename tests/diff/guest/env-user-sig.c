/* SPDX-License-Identifier: GPL-2.0-or-later */
/* User-mode diff-test guest: fault report from a handler on an altstack. */
#include "harness.h"

#define NR_SIGALTSTACK 132
#define NR_RT_SIGACTION 134
#define SA_SIGINFO 0x4UL
#define SA_ONSTACK 0x08000000UL
#define SA_NODEFER 0x40000000UL
/*
 * Offset of uc_mcontext.pc in the AArch64 Linux ucontext: 176, then
 * fault_address, regs[31] and sp come before it.
 */
#define UC_PC_OFFSET (176 + 8 + 31 * 8 + 8)

void user_setup_signals(void);
void user_exit_status(int code) __attribute__((noreturn));

struct k_sigaction {
    void (*handler)(int, void *, void *);
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};

struct k_stack {
    void *sp;
    int flags;
    unsigned long size;
};

static char altstack[16384] __attribute__((aligned(16)));

static long sys3(long nr, long a, long b, long c, long d)
{
    register long x8 __asm__("x8") = nr;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x3 __asm__("x3") = d;
    __asm__ volatile("svc #0"
                     : "+r"(x0)
                     : "r"(x8), "r"(x1), "r"(x2), "r"(x3)
                     : "memory");
    return x0;
}

static void put_hex(char *p, uint64_t v)
{
    for (int i = 15; i >= 0; i--) {
        p[15 - i] = "0123456789abcdef"[(v >> (4 * i)) & 15];
    }
}

/*
 * Reports the fault, then abandons the case by jumping straight back into
 * the harness (SA_NODEFER, so the signal is not left blocked).  A fault
 * outside a case, or inside this handler, ends the process with status 3.
 */
static void on_fault(int sig, void *info, void *uc)
{
    static int busy;

    static char line[] = "\ndiff-exception case=0123456789abcdef"
                         " signal=0123456789abcdef"
                         " pc=0123456789abcdef"
                         " addr=0123456789abcdef\n";
    if (busy) {
        user_exit_status(3);
    }
    busy = 1;
    diff_flush();
    put_hex(line + 21, diff_current);
    put_hex(line + 45, (uint64_t)sig);
    put_hex(line + 65, *(uint64_t *)((char *)uc + UC_PC_OFFSET));
    put_hex(line + 87, *(uint64_t *)((char *)info + 16));      /* si_addr */
    env_write(line, sizeof(line) - 1);
    if (diff_current == ~0ULL) {
        user_exit_status(3);
    }
    diff_faulted = 1;
    busy = 0;
    diff_case_abort();
}

void user_setup_signals(void)
{
    /* SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV */
    static const int sigs[] = { 4, 5, 7, 8, 11 };
    struct k_stack st = { altstack, 0, sizeof(altstack) };
    struct k_sigaction sa = {
        on_fault, SA_SIGINFO | SA_ONSTACK | SA_NODEFER, 0, 0
    };

    sys3(NR_SIGALTSTACK, (long)&st, 0, 0, 0);
    for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        sys3(NR_RT_SIGACTION, sigs[i], (long)&sa, 0, 8);
    }
}
