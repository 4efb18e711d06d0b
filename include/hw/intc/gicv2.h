/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv2.h: the GICv2 interrupt controller (IHI 0048B): distributor and memory-mapped CPU
 * interface for one processor, optionally with the Security Extensions. */
#ifndef HW_INTC_GICV2_H
#define HW_INTC_GICV2_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/memory.h"
#include "hw/irq.h"
#include "cpu.h"

typedef struct GICv2State GICv2State;

/* Size of each MMIO frame as the virt board maps them (GICD and GICC, 64 KiB apart). The CPU
 * interface needs 8 KiB: GICC_DIR is at offset 0x1000. */
#define GICV2_DIST_SIZE 0x10000
#define GICV2_CPU_SIZE  0x10000

/* Build the GIC for one processor. num_spis is rounded up to a multiple of 32 (max 988).
 * security_extn: the Security Extensions (Secure and Non-secure copies of the banked registers,
 * Non-secure accesses see only Group 1). The two frames are added to every view in
 * views[0..nviews-1]; accesses are Secure or Non-secure by MemTxAttrs.secure. The CPU's
 * IRQ/FIQ lines are driven through arm_set_irq_line(). env->gic_cpuif is NOT set: a GICv2 has
 * no system register interface, so the ICC_* encodings stay UNDEFINED. Returns NULL (with a
 * message on stderr) on failure. */
GICv2State *gicv2_create(CPUARMState *cpu, uint64_t dist_base, uint64_t cpu_base, int num_spis,
                         bool security_extn, AddressSpace *const *views, int nviews);

/* Input lines: SPI n is INTID 32 + n, PPIs are INTIDs 16..31. NULL for an out-of-range number.
 * Level-sensitive or edge-triggered according to GICD_ICFGR (reset: level). */
qemu_irq gicv2_spi(GICv2State *s, int spi);
qemu_irq gicv2_ppi(GICv2State *s, int intid);

/* The monitor's "info pic" (hw/intc/gicv2-info.c): the board registers its GICv2, and
 * gicv2_monitor_info() prints it, or returns false if none was registered. */
void gicv2_info_register(GICv2State *s);
bool gicv2_monitor_info(void);

/* Reset to the power-on state; input line levels are kept. */
void gicv2_reset(GICv2State *s);

#endif
