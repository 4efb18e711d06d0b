/* SPDX-License-Identifier: BSD-3-Clause */
/* spinlock.c: spinlocks with LSE atomics when the CPU has them, exclusives otherwise. */
#include <stdbool.h>
#include <stdint.h>
#include <arch/sysreg.h>
#include <lib/spinlock.h>

/*
 * The choice is made at run time because one image runs on cores with and without FEAT_LSE.
 * 0 = not probed yet; racing probes all compute the same answer, so no ordering is needed.
 * Exclusives and LSE atomics need Normal cacheable memory on real hardware: take locks only after
 * the MMU and caches are on.
 */
static volatile int lse_state;

bool spinlock_uses_lse(void)
{
    if (!lse_state) {
        uint64_t isar0 = read_sysreg(ID_AA64ISAR0_EL1);

        lse_state = FIELD_GET(isar0, ID_AA64ISAR0_ATOMIC_SHIFT, 4) >= ID_AA64ISAR0_ATOMIC_LSE
                    ? 2 : 1;
    }
    return lse_state == 2;
}

/*
 * While the lock is held, waiters sleep in WFE with the lock word in their exclusive monitor, so
 * the releasing store clears the monitor and wakes them (Arm ARM D1.6.2, "event register").
 */
void spin_lock(spinlock_t *l)
{
    uint32_t old;
    uint32_t tmp;

    if (spinlock_uses_lse()) {
        /* SWPA: atomic swap with acquire semantics; the old value says whether we took it. */
        __asm__ volatile(
            ".arch_extension lse\n"
            "1: swpa    %w[one], %w[old], %[lock]\n"
            "   cbz     %w[old], 3f\n"
            "2: ldxr    %w[tmp], %[lock]\n"
            "   cbz     %w[tmp], 1b\n"
            "   wfe\n"
            "   b       2b\n"
            "3:\n"
            : [old] "=&r"(old), [tmp] "=&r"(tmp), [lock] "+Q"(l->lock)
            : [one] "r"(1u)
            : "memory");
        return;
    }
    __asm__ volatile(
        "   sevl\n"
        "1: wfe\n"
        "2: ldaxr   %w[old], %[lock]\n"
        "   cbnz    %w[old], 1b\n"
        "   stxr    %w[tmp], %w[one], %[lock]\n"
        "   cbnz    %w[tmp], 2b\n"
        : [old] "=&r"(old), [tmp] "=&r"(tmp), [lock] "+Q"(l->lock)
        : [one] "r"(1u)
        : "memory");
}

bool spin_trylock(spinlock_t *l)
{
    uint32_t old;
    uint32_t tmp;

    if (spinlock_uses_lse()) {
        /* CASA compares with 0 and stores 1 only on a match; old receives the prior value. */
        old = 0;
        __asm__ volatile(
            ".arch_extension lse\n"
            "casa   %w[old], %w[one], %[lock]\n"
            : [old] "+&r"(old), [lock] "+Q"(l->lock)
            : [one] "r"(1u)
            : "memory");
        return old == 0;
    }
    __asm__ volatile(
        "1: ldaxr   %w[old], %[lock]\n"
        "   cbnz    %w[old], 2f\n"
        "   stxr    %w[tmp], %w[one], %[lock]\n"
        "   cbnz    %w[tmp], 1b\n"
        "   b       3f\n"
        "2: clrex\n"
        "3:\n"
        : [old] "=&r"(old), [tmp] "=&r"(tmp), [lock] "+Q"(l->lock)
        : [one] "r"(1u)
        : "memory");
    return old == 0;
}

void spin_unlock(spinlock_t *l)
{
    /* STLR: release store; it also clears other cores' monitors and so wakes their WFE. */
    __asm__ volatile("stlr  wzr, %[lock]" : [lock] "=Q"(l->lock) : : "memory");
}
