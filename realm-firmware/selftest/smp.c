/* SPDX-License-Identifier: BSD-3-Clause */
/* smp.c: mutual exclusion of lib/spinlock checked with two CPUs started through PSCI CPU_ON. */
#include <stdint.h>
#include <arch/barrier.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <lib/fdt.h>
#include <lib/mem.h>
#include <lib/printf.h>
#include <lib/spinlock.h>
#include "selftest.h"

/* PSCI 1.1 (Arm DEN0022), SMC64 CPU_ON: x1 target MPIDR, x2 entry, x3 context ID. */
#define PSCI_CPU_ON_64      0xc4000003u
#define ITERATIONS          20000
#define WAIT_SECONDS        10
#define ROUNDS              20
#define HOLD_POLLS          200000

extern char _secondary_start[];

static spinlock_t lock;
static volatile uint64_t counter;
static volatile uint32_t secondary_done;
static volatile uint32_t secondary_ready;
static volatile uint32_t go;
/* Handshake test: round numbers the second CPU has reached, and its trylock failures. */
static volatile uint32_t sec_trying;
static volatile uint32_t sec_inside;
static volatile uint32_t sec_trylock_failed;
static volatile uint32_t round_start;
static volatile uint32_t sec_hammered;

/* Each CPU does a slow, non-atomic read-modify-write under the lock: the delay between the
 * read and the write makes an overlap certain if the lock ever lets both CPUs in, and any lost
 * update shows in the final count. */
static void hammer(void)
{
    for (int i = 0; i < ITERATIONS; i++) {
        uint64_t v;

        spin_lock(&lock);
        v = counter;
        for (volatile int d = 0; d < 20; d++) {
        }
        counter = v + 1;
        spin_unlock(&lock);
    }
}

void selftest_secondary(uint64_t context)
{
    const struct xlat_ctx *tables = selftest_mmu_ctx();

    /* Same memory view as the primary: exclusives need the lock in Normal cacheable memory. */
    if (tables && mmu_enable(tables) != XLAT_OK) {
        secondary_done = 2;
        for (;;) {
            wfe();
        }
    }
    (void)context;
    /* Start together with the primary, so that the two loops really overlap. */
    secondary_ready = 1;
    dsb(ish);
    while (!go) {
        dmb(ish);
    }
    hammer();
    sec_hammered = 1;
    dsb(ish);
    /* Handshake rounds: ask for the lock while the primary holds it. */
    for (uint32_t r = 1; r <= ROUNDS; r++) {
        while (round_start != r) {
            dmb(ish);
        }
        sec_trying = r;
        dsb(ish);
        if (!spin_trylock(&lock)) {
            sec_trylock_failed++;
            spin_lock(&lock);
        }
        sec_inside = r;
        spin_unlock(&lock);
    }
    dmb(ish);
    secondary_done = 1;
    dsb(ish);
    sev();
    for (;;) {
        wfe();
    }
}

/*
 * Wait until *flag == want, for at most WAIT_SECONDS of the generic timer (CNTPCT_EL0 at
 * CNTFRQ_EL0 Hz): long enough for a starved host thread, bounded when the other CPU is broken.
 */
static int wait_for(volatile uint32_t *flag, uint32_t want)
{
    uint64_t end = read_sysreg(CNTPCT_EL0) + WAIT_SECONDS * read_sysreg(CNTFRQ_EL0);

    while (*flag != want) {
        if (read_sysreg(CNTPCT_EL0) > end) {
            return 0;
        }
        dmb(ish);
    }
    return 1;
}

static uint64_t psci_call(int use_hvc, uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
    register uint64_t x0 __asm__("x0") = fid;
    register uint64_t x1 __asm__("x1") = a1;
    register uint64_t x2 __asm__("x2") = a2;
    register uint64_t x3 __asm__("x3") = a3;

    if (use_hvc) {
        __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    } else {
        __asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
    }
    return x0;
}

void selftest_smp(const void *blob)
{
    struct dtb d;
    const char *method;
    int node;
    int use_hvc;
    int64_t ret;
    int handshake_ok;

    /* The board's DTB says whether PSCI exists and which conduit reaches it. */
    if (!blob || dtb_open(&d, blob, 0x200000) != DTB_OK ||
        dtb_find_path(&d, "/cpus/cpu@1") < 0 || (node = dtb_find_path(&d, "/psci")) < 0 ||
        dtb_prop_string(&d, node, "method", &method) != DTB_OK) {
        printf("SKIP: no second CPU or no PSCI in the device tree\n");
        return;
    }
    use_hvc = strcmp(method, "hvc") == 0;
    if (!use_hvc && strcmp(method, "smc") != 0) {
        printf("SKIP: unknown PSCI method %s\n", method);
        return;
    }
    if ((use_hvc && current_el() >= 2) || current_el() == 3) {
        printf("SKIP: PSCI conduit %s is not below this EL\n", method);
        return;
    }
    ret = (int64_t)psci_call(use_hvc, PSCI_CPU_ON_64, 1, (uintptr_t)_secondary_start, 0);
    check(ret == 0, "PSCI CPU_ON for CPU 1");
    if (ret != 0) {
        return;
    }
    wait_for(&secondary_ready, 1);
    go = 1;
    dsb(ish);
    hammer();
    /* The handshake holds the lock on purpose: the other CPU must be out of hammer() first. */
    wait_for(&sec_hammered, 1);
    handshake_ok = 1;
    for (uint32_t r = 1; r <= ROUNDS && handshake_ok; r++) {
        /* Hold the lock, let the other CPU ask for it, and watch that it stays outside for a
         * while; then release and see it get in.  A lock that let both in fails at once. */
        spin_lock(&lock);
        round_start = r;
        dsb(ish);
        handshake_ok = wait_for(&sec_trying, r);
        for (uint32_t i = 0; i < HOLD_POLLS && sec_inside != r; i++) {
            dmb(ish);
        }
        handshake_ok = handshake_ok && sec_inside != r;
        spin_unlock(&lock);
        handshake_ok = wait_for(&sec_inside, r) && handshake_ok;
    }
    wait_for(&secondary_done, 1);
    printf("spinlock: 2 CPUs, counter %llu, %u of %u trylocks refused while held\n",
           (unsigned long long)counter, sec_trylock_failed, ROUNDS);
    check(secondary_done == 1, "second CPU finished");
    check(counter == 2 * ITERATIONS, "no lost updates under the lock on two CPUs");
    check(handshake_ok, "the other CPU waits while the lock is held and gets it on release");
    check(sec_trylock_failed == ROUNDS, "trylock from the other CPU fails while the lock is held");
}
