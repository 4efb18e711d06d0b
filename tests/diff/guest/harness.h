/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Diff-test guest: state records, case table, environment hooks. */
#ifndef DIFF_HARNESS_H
#define DIFF_HARNESS_H

#include <stdint.h>

/* Must match MEM_SIZE in gen.py and the address of .diffmem in link.ld. */
#define DIFF_MEM_SIZE 512
#define DIFF_MEM_WORDS (DIFF_MEM_SIZE / 8)

/* x0..x30, then SP, then NZCV (in bits 31..28), as the case stub loads them. */
#define DIFF_NREGS 33
#define DIFF_REG_SP 31
#define DIFF_REG_NZCV 32

struct diff_state {
    uint64_t r[DIFF_NREGS];
};

/* One entry of the generated table in cases.S. */
struct diff_case {
    void (*entry)(void);
    const struct diff_state *in;
    const uint64_t *mem;
    uint64_t index;
};

extern const uint64_t diff_ncases;
extern const struct diff_case diff_cases[];
extern uint64_t diff_mem[DIFF_MEM_WORDS];
extern struct diff_state diff_out;

/* trampoline.S: save the harness, run the case stub and block, come back. */
void diff_run_case(void (*entry)(void));
int diff_main(void);

/*
 * For the fault handlers: the case being run, pushing out buffered output,
 * and abandoning the case (diff_faulted set first) to go on with the next.
 */
extern volatile uint64_t diff_current;
extern volatile uint64_t diff_faulted;
void diff_flush(void);
void diff_case_abort(void) __attribute__((noreturn));

/*
 * The environment (Linux user mode or bare metal) provides these through a
 * jump table at the very start of the image, so their addresses, and with
 * them every byte of the common code, are the same in both images.
 */
void env_write(const char *buf, unsigned long len);
void env_exit(int code) __attribute__((noreturn));
void env_post_case(uint64_t index, struct diff_state *out, uint64_t *mem);

#endif
