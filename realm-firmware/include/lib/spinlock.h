/* SPDX-License-Identifier: BSD-3-Clause */
/* spinlock.h: a test-and-set spinlock for multi-core firmware (acquire/release ordering). */
#ifndef FW_LIB_SPINLOCK_H
#define FW_LIB_SPINLOCK_H
#include <stdbool.h>
#include <stdint.h>

/* 0 = free, 1 = held.  Zero-initialised storage is an unlocked lock. */
typedef struct spinlock {
    volatile uint32_t lock;
} spinlock_t;

void spin_lock(spinlock_t *l);
bool spin_trylock(spinlock_t *l);
void spin_unlock(spinlock_t *l);

/* True when this CPU has FEAT_LSE, which the lock then uses (ID_AA64ISAR0_EL1.Atomic). */
bool spinlock_uses_lse(void);

#endif
