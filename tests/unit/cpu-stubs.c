/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-stubs.c: stand-ins for the CPU core functions the device models call, for unit tests. */
#include "cpu-stubs.h"

uint32_t stub_cpu_lines;
int stub_line_calls;

/* Records the level of each line the GIC drives, as the CPU core would latch it, per CPU;
 * stub_cpu_lines mirrors the CPU driven last (the only one in single-CPU tests). */
void arm_set_irq_line(CPUARMState *env, uint32_t line, int level)
{
    stub_line_calls++;
    if (level) {
        env->interrupt_request |= line;
    } else {
        env->interrupt_request &= ~line;
    }
    stub_cpu_lines = env->interrupt_request;
}

/* Security state from SCR_EL3.{NSE,NS} (RME rule R_GQSGM); EL3 is Root with RME, else Secure. */
ArmSecuritySpace arm_current_space(const CPUARMState *env)
{
    unsigned ns = env->scr_el3 & 1, nse = (env->scr_el3 >> 62) & 1;

    if (env->el == 3) {
        return env->features.has_rme ? ARMSS_ROOT : ARMSS_SECURE;
    }
    if (!env->features.has_el3) {
        return ARMSS_NONSECURE;
    }
    return (ArmSecuritySpace)(nse << 1 | ns) == ARMSS_ROOT ? ARMSS_SECURE
                                                          : (ArmSecuritySpace)(nse << 1 | ns);
}

bool arm_is_secure_below_el3(const CPUARMState *env)
{
    return env->el != 3 && arm_current_space(env) == ARMSS_SECURE;
}

/* EL2 is enabled in Non-secure and Realm state, and in Secure state with SCR_EL3.EEL2. */
bool arm_el2_enabled(const CPUARMState *env)
{
    if (!env->features.has_el2) {
        return false;
    }
    return !arm_is_secure_below_el3(env) || (env->scr_el3 & (1ull << 18));
}

/* The virtual lines the GIC drives: the stub records them like the physical ones. */
void arm_set_gic_virtual_line(CPUARMState *env, uint32_t line, int level)
{
    arm_set_irq_line(env, line, level);
}
