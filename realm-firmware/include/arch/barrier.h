/* SPDX-License-Identifier: BSD-3-Clause */
/* barrier.h: instruction and data barriers and the wait/event hints. */
#ifndef FW_ARCH_BARRIER_H
#define FW_ARCH_BARRIER_H

#ifdef FW_HOST_BUILD
/* Host builds run single-threaded tests: a compiler barrier keeps the program order visible. */
#define FW_HOST_BARRIER()   __asm__ volatile("" : : : "memory")
#define isb()       FW_HOST_BARRIER()
#define dsb(opt)    FW_HOST_BARRIER()
#define dmb(opt)    FW_HOST_BARRIER()
#define wfe()       FW_HOST_BARRIER()
#define wfi()       FW_HOST_BARRIER()
#define sev()       FW_HOST_BARRIER()
#else
/* All of these are compiler barriers too ("memory" clobber), as the hardware barrier is useless
 * if the compiler moves the accesses across it. */
#define isb()       __asm__ volatile("isb" : : : "memory")
#define dsb(opt)    __asm__ volatile("dsb " #opt : : : "memory")
#define dmb(opt)    __asm__ volatile("dmb " #opt : : : "memory")
#define wfe()       __asm__ volatile("wfe" : : : "memory")
#define wfi()       __asm__ volatile("wfi" : : : "memory")
#define sev()       __asm__ volatile("sev" : : : "memory")
#endif

#endif
