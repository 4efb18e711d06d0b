/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicv3.h: the GICv3 interrupt controller (distributor, one redistributor, CPU interface). */
#ifndef HW_INTC_GICV3_H
#define HW_INTC_GICV3_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/memory.h"
#include "hw/irq.h"
#include "cpu.h"

typedef struct GICv3State GICv3State;

/* Size of the MMIO frames: GICV3_REDIST_SIZE per PE (RD_base + SGI_base). */
#define GICV3_DIST_SIZE     0x10000
#define GICV3_REDIST_SIZE   0x20000

/* Build the GIC for one PE (gicv3_create_smp with one CPU). num_spis is rounded up to a
 * multiple of 32 (max 988). The distributor and redistributor regions are added to every view
 * in views[0..nviews-1]; accesses see MemTxAttrs.secure, so the Secure and Non-secure views can
 * share them. Points cpu->gic_cpuif at the PE's CPU interface. Returns NULL (with a message on
 * stderr) on failure. */
GICv3State *gicv3_create(CPUARMState *cpu, uint64_t dist_base, uint64_t redist_base, int num_spis,
                         AddressSpace *const *views, int nviews);

/* Several PEs: one redistributor (2 x 64 KiB frames) per PE at redist_base + i * 128 KiB, in
 * the order of cpus[] (GICR_TYPER.Processor_Number = i, Last on the final one). SGIs and SPI
 * affinity routing use each CPU's MPIDR_EL1 affinity. */
GICv3State *gicv3_create_smp(CPUARMState *const *cpus, int ncpus, uint64_t dist_base,
                             uint64_t redist_base, int num_spis, AddressSpace *const *views,
                             int nviews);

/* Input lines: SPI n is INTID 32 + n; PPIs are INTIDs 16..31. Level-sensitive or edge-triggered
 * according to GICD_ICFGR/GICR_ICFGR1 (reset: level). Returns NULL for an out-of-range number. */
qemu_irq gicv3_spi(GICv3State *s, int spi);
qemu_irq gicv3_ppi(GICv3State *s, int intid);           /* PE 0 */
qemu_irq gicv3_ppi_cpu(GICv3State *s, int cpu, int intid);

/* Reset to the power-on state (system reset): configuration, pending/active state, the CPU
 * interface and the virtual interface control registers. Input line levels are kept. */
void gicv3_reset(GICv3State *s);

/* Single security state (GICD_CTLR.DS = 1), for boards without EL3 firmware: all registers are
 * then accessible to Non-secure accesses, as when the board firmware had set DS. */
void gicv3_set_single_security(GICv3State *s);

/* CPU interface system registers. enc = op0 << 14 | op1 << 11 | CRn << 7 | CRm << 3 | op2.
 * Returns false if enc is not a GIC CPU interface register (the caller handles it as unknown).
 * Returns true otherwise and sets *trap_el: GICV3_ACCESS_OK if the access was performed (*val
 * holds the value read), GICV3_ACCESS_UNDEF (0) if it is UNDEFINED at the current EL, or 2 / 3
 * if it traps to that EL (system register trap, EC 0x18); nothing is performed then.
 * Reads of write-only and writes of read-only registers are UNDEFINED. ICH_*_EL2 (4 list
 * registers) are implemented; at EL1 with HCR_EL2.{IMO,FMO} the ICC_* encodings reach the
 * virtual interface (ICV_*), which drives CPU_INTERRUPT_VIRQ/VFIQ and the maintenance PPI 25. */
#define GICV3_ACCESS_UNDEF  0u
#define GICV3_ACCESS_OK     0xffffffffu
bool gicv3_cpuif_sysreg(CPUARMState *env, uint32_t enc, bool is_write, uint64_t *val,
                        uint32_t *trap_el);

/* Whether an interrupt is signalled as IRQ or FIQ depends on the current EL and Security state
 * (GIC spec 4.6.2): the CPU core calls this after every change of EL, of SCR_EL3 (NS, NSE, IRQ,
 * FIQ) and of HCR_EL2 (IMO, FMO, TGE). Safe to call with no GIC (env->gic_cpuif == NULL). */
void gicv3_cpuif_el_change(CPUARMState *env);

#define GICV3_ENC(op0, op1, crn, crm, op2) \
    ((uint32_t)(op0) << 14 | (uint32_t)(op1) << 11 | (uint32_t)(crn) << 7 | (uint32_t)(crm) << 3 | \
     (uint32_t)(op2))

#endif
