/* SPDX-License-Identifier: BSD-3-Clause */
/* selftest.h: pieces shared by the self-test image's files. */
#ifndef FW_SELFTEST_H
#define FW_SELFTEST_H
#include <stddef.h>
#include <stdint.h>
#include <lib/xlat.h>

void semihost_exit(uint32_t status) __attribute__((noreturn));
/* The semihosting command line into buf; its length, or -1 if there is none. */
int semihost_cmdline(char *buf, size_t size);
void selftest_main(uintptr_t dtb);
void selftest_exception(uint64_t index);

/* Builds tables, enables the MMU at the current EL and probes it; results go through check(). */
void selftest_mmu(void);
/* The tables selftest_mmu enabled, for other CPUs to use; NULL if the MMU is off. */
const struct xlat_ctx *selftest_mmu_ctx(void);

/* Two-CPU spinlock test through PSCI CPU_ON; results go through check(). */
void selftest_smp(const void *dtb);
void selftest_secondary(uint64_t context);

/* Record a check: prints "ok" or "FAIL" with the description. */
void check(int ok, const char *what);

#endif
