/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gtimer.h: the Arm generic timer: system counter, the seven per-PE timers and their traps. */
#ifndef TARGET_ARM_GTIMER_H
#define TARGET_ARM_GTIMER_H
#include <stdbool.h>
#include <stdint.h>
#include "cpu.h"
#include "hw/irq.h"

/* System counter frequency: 62.5 MHz, what QEMU's virt machine (Debian's QEMU 7.2) uses for
 * pre-Armv8.6 CPUs. CNTFRQ_EL0 resets to this value and the device tree must advertise it. */
#define GTIMER_FREQ_HZ 62500000ull

/* Register of a timer for gt_reg_read/gt_reg_write. */
enum { GT_REG_CTL, GT_REG_CVAL, GT_REG_TVAL };

/* CNTx_CTL fields (Arm ARM D12.2.4 / CNTP_CTL_EL0). ISTATUS is read-only. */
#define GT_CTL_ENABLE   (1u << 0)
#define GT_CTL_IMASK    (1u << 1)
#define GT_CTL_ISTATUS  (1u << 2)

/* Connect the timer outputs (indexed by GTIMER_*; entries may be NULL), set up the QEMUTimers
 * and, if CNTFRQ_EL0 is still 0, reset it to GTIMER_FREQ_HZ. Call once per CPU before reset.
 * virt wiring: GTIMER_PHYS -> PPI 30, GTIMER_VIRT -> 27, GTIMER_HYP -> 26, GTIMER_SEC -> 29,
 * GTIMER_HYPVIRT -> 28, GTIMER_S_EL2_PHYS -> 20, GTIMER_S_EL2_VIRT -> 19. */
void gt_init(CPUARMState *env, qemu_irq out[GTIMER_NUM]);

/* CNTPCT_EL0 (virt = false) or CNTVCT_EL0 (virt = true) as read at the current EL: the virtual
 * count is the physical count minus CNTVOFF_EL2, except that the offset is 0 in the EL2&0
 * regime with HCR_EL2.E2H = 1 (EL2, or EL0 with TGE = 1) and when EL2 is not implemented. */
uint64_t gt_cnt_read(CPUARMState *env, bool virt);

/* Timer registers (timer = GTIMER_*). TVAL reads give the signed 32-bit CVAL - count (bits
 * [63:32] zero); TVAL writes set CVAL = count + SignExtend(v[31:0]). CTL writes keep ISTATUS. */
uint64_t gt_reg_read(CPUARMState *env, int timer, int reg);
void gt_reg_write(CPUARMState *env, int timer, int reg, uint64_t v);

/* Re-evaluate every timer of the PE: call after writes to CNTVOFF_EL2 and CNTHCTL_EL2 and
 * after a CPU reset (which clears the CTL/CVAL registers). */
void gt_recompute(CPUARMState *env);

/* With FEAT_RME the EL1 physical and virtual timer outputs also depend on the Security state
 * (CNTHCTL_EL2.CNTPMASK/CNTVMASK apply in Root and Realm state): call after every change of EL
 * or of SCR_EL3.{NS,NSE}. Cheap (no timer re-arming); does nothing without RME. */
void gt_el_change(CPUARMState *env);

/* FEAT_VHE redirection: with HCR_EL2.E2H = 1 at EL2, or E2H = TGE = 1 at EL0 (ELIsInHost, EL2
 * enabled in the current Security state), the CNTP_*_EL0 and CNTV_*_EL0 encodings name the EL2
 * physical/virtual timers: the Secure EL2 ones (GTIMER_S_EL2_*) in Secure state, the Non-secure
 * EL2 ones (GTIMER_HYP, GTIMER_HYPVIRT) otherwise. Call for those encodings only (not for the
 * *_EL02 aliases, which always name the EL1 timers); returns the timer to use. */
int gt_redirect_el0_timer(CPUARMState *env, int timer);

/* Access check for a timer register (is_counter = false) or for a counter register
 * (CNTPCT_EL0 for timer GTIMER_PHYS, CNTVCT_EL0 for timer GTIMER_VIRT; is_counter = true),
 * made at the current EL. timer is the one the encoding names, BEFORE gt_redirect_el0_timer:
 * the rules are those of the encoding's register description (CNTP_CTL_EL0 at EL2 with
 * E2H = 1 follows CNTP_CTL_EL0's rules even though it reaches the EL2 timer). Returns
 *   0                      allowed;
 *   1, 2 or 3              trapped to that EL (system register trap, EC 0x18), from the
 *                          enables in CNTKCTL_EL1 (EL0 -> EL1, or EL2 when HCR_EL2.TGE = 1),
 *                          CNTHCTL_EL2 (EL0/EL1 -> EL2) and SCR_EL3.ST (Secure EL1 -> EL3);
 *   GT_ACCESS_UNDEFINED    UNDEFINED at the current EL (e.g. CNTPS_* from Non-secure EL1, from
 *                          Secure EL1 with SCR_EL3.EEL2 = 1 or from EL0/EL2; EL2 timers below
 *                          EL2; CNTHPS_* and CNTHVS_* outside Secure EL2 and EL3 with EEL2 = 1).
 * Rules from the accessibility pseudocode of the Arm ARM D24.10 register descriptions. */
#define GT_ACCESS_UNDEFINED 0x100u
uint32_t gt_access_trap_el(CPUARMState *env, int timer, bool is_counter, bool is_write);

/* Convert between virtual-clock nanoseconds and counter ticks (exposed for tests). */
uint64_t gt_ns_to_ticks(int64_t ns);

#endif
