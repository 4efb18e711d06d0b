/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Runtime interface for bare-metal guest tests: output, checks, exceptions, EL switching. */
#ifndef TESTLIB_H
#define TESTLIB_H

#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int64_t s64;
typedef int32_t s32;

/* ---- system register access ---- */
#define read_sysreg(r) ({ u64 __v; asm volatile("mrs %0, " #r : "=r"(__v)); __v; })
#define write_sysreg(v, r) asm volatile("msr " #r ", %0" :: "r"((u64)(v)) : "memory")
#define isb() asm volatile("isb" ::: "memory")
#define dsb_sy() asm volatile("dsb sy" ::: "memory")

static inline unsigned current_el(void)
{
    return (read_sysreg(CurrentEL) >> 2) & 3;
}

static inline u64 get_sp(void)
{
    u64 v;
    asm volatile("mov %0, sp" : "=r"(v));
    return v;
}

/* MMIO accessors (the MMU stays off: Device-nGnRnE, keep accesses aligned). */
static inline void mmio_write32(u64 addr, u32 v)
{
    asm volatile("str %w0, [%1]" :: "r"(v), "r"(addr) : "memory");
}

static inline u32 mmio_read32(u64 addr)
{
    u32 v;
    asm volatile("ldr %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

static inline void mmio_write64(u64 addr, u64 v)
{
    asm volatile("str %0, [%1]" :: "r"(v), "r"(addr) : "memory");
}

static inline u64 mmio_read64(u64 addr)
{
    u64 v;
    asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

/* ---- output (PL011 at 0x09000000) and semihosting ---- */
void uart_putc(char c);
void puts_raw(const char *s);
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

/* Semihosting operation numbers (Arm semihosting specification 2.0). */
#define SYS_OPEN            0x01
#define SYS_CLOSE           0x02
#define SYS_WRITEC          0x03
#define SYS_WRITE0          0x04
#define SYS_WRITE           0x05
#define SYS_READ            0x06
#define SYS_ISTTY           0x09
#define SYS_SEEK            0x0a
#define SYS_FLEN            0x0c
#define SYS_REMOVE          0x0e
#define SYS_CLOCK           0x10
#define SYS_TIME            0x11
#define SYS_ERRNO           0x13
#define SYS_GET_CMDLINE     0x15
#define SYS_HEAPINFO        0x16
#define SYS_EXIT            0x18
#define SYS_EXIT_EXTENDED   0x20
#define SYS_ELAPSED         0x30
#define SYS_TICKFREQ        0x31
#define ADP_Stopped_ApplicationExit 0x20026

u64 semihost(u64 op, u64 arg);
void exit(int status) __attribute__((noreturn));

/* ---- checks: "PASS: name" or "FAIL: name: expected X got Y" ---- */
extern unsigned checks_passed, checks_failed;
int check_eq(u64 got, u64 exp, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int check_true(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- exceptions ---- */
/* Vector offsets within a table (Arm ARM D1.3.1, "Exception vectors"). */
#define VEC_CUR_SP0     0x000
#define VEC_CUR_SPX     0x200
#define VEC_LOWER_A64   0x400
#define VEC_LOWER_A32   0x600
#define VEC_SYNC        0x000
#define VEC_IRQ         0x080
#define VEC_FIQ         0x100
#define VEC_SERROR      0x180

struct exc_frame {
    u64 x[31];
    u64 elr, spsr, esr, far;
    u64 vec;    /* offset of the vector entry */
    u64 el;     /* EL that took the exception */
    u64 pad;
};

struct exc_record {
    unsigned el;
    unsigned vec;
    u64 esr, far, elr, spsr;
    u64 hpfar;  /* HPFAR_EL2 for exceptions taken to EL2, else 0 */
};

/*
 * Number of exceptions taken since start (all, and IRQ/FIQ/SError only),
 * and the last one (synchronous or not; runtime upcalls are not recorded).
 */
extern volatile unsigned exc_count, async_count;
extern volatile struct exc_record exc_last;

/*
 * Arm the recorder for one synchronous exception.  When it comes, it is
 * recorded and the handler resumes at `resume` (0: after the faulting
 * instruction, or at the preferred return address for SVC/HVC/SMC).
 * Unexpected synchronous exceptions print a FAIL line and exit.  After an
 * expected Illegal Execution state exception, SPSR.IL is cleared; after a
 * Branch Target exception, SPSR.BTYPE.
 */
void exc_expect(u64 resume);
/* 1 if the armed exception arrived (and disarm). */
int exc_taken(void);

/*
 * Synchronous exceptions go to this hook first when it is set; it returns
 * 1 when it handled the exception (it may edit f->elr and f->spsr), 0 to
 * fall through to the expect/unexpected logic.  Runtime upcalls never
 * reach it.
 */
typedef int (*sync_hook_t)(struct exc_frame *f);
extern sync_hook_t sync_hook;

/* Asynchronous exceptions call this hook if set; it must quiet the source. */
typedef void (*irq_hook_t)(struct exc_frame *f);
extern irq_hook_t irq_hook;

#define ESR_EC(esr)     (((esr) >> 26) & 0x3f)
#define ESR_IL          (1ULL << 25)
#define ESR_ISS(esr)    ((esr) & 0x1ffffff)
/*
 * Data aborts: ISV and the instruction syndrome (ISS[24:14]) describe the
 * access only when ISV is 1, and whether it is 1 depends on the fault and
 * the EL taking it; checks of data-abort ESRs ignore those bits.
 */
#define ESR_DABT_MASK   (~0x01ffc000ULL)

/* Address of the instruction `insn`, after executing it. */
#define AT(insn) ({ u64 a_; asm volatile("adr %0, 1f\n1:\t" insn : "=&r"(a_) :: "memory"); a_; })

/* Service calls that the runtime itself uses (immediate of SVC/HVC/SMC). */
#define UPCALL_RETURN   0xfff

/* ---- EL switching ---- */
extern unsigned start_el;   /* EL at which the image was entered */
extern unsigned have_el2, have_el3;
/* PSTATE.DAIF and SCTLR_ELx of the entry EL, as found at the first instruction. */
extern u64 boot_daif, boot_sctlr;

/*
 * Run fn(arg) at a lower EL, entered by ERET with SPSR_ELx = spsr, and
 * return its result.  When fn returns, the trampoline goes back up with
 * SVC/HVC/SMC #UPCALL_RETURN (EL0: SVC; EL1: HVC if the caller is EL2,
 * else SMC; EL2: SMC).  The target's SP_ELx is set to its own stack.
 */
u64 call_lower(u64 spsr, u64 (*fn)(u64), u64 arg);
/* SPSR for AArch64 ELn with SP_ELn (h) or SP_EL0 (t), DAIF masked. */
#define SPSR_MODE(el, h)  ((u64)(((el) << 2) | ((h) ? 1 : 0)))
#define SPSR_DAIF         (0xfULL << 6)
u64 call_at_el(unsigned el, u64 (*fn)(u64), u64 arg);

/* Test entry point: runs at start_el; returns nothing, outcome from the checks. */
void test_main(void);

/*
 * Identity-map the first 4 GiB at EL1&0 with 1 GiB blocks: 0-1 GiB Device-nGnRnE,
 * 1-4 GiB Normal Write-Back, then enable the MMU and caches (SCTLR_EL1.M/C/I).
 * Exclusives and atomics are only architecturally guaranteed on Normal memory.
 */
void mmu_identity_el1(void);

/* Stack tops per EL (set up by the runtime). */
extern u64 stack_top[4];

#endif
