/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cpu-dump.c: the register dump shared by the monitor (info registers) and -d cpu / cpu_reset. */
#include <inttypes.h>
#include <stdio.h>
#include "cpu.h"
#include "cpu-dump.h"

static const char *el_mode(const CPUARMState *env)
{
    static const char *const modes[] = { "EL0t", "EL0?", "EL1t", "EL1h", "EL2t", "EL2h",
                                         "EL3t", "EL3h" };
    return modes[env->el * 2 + (env->pstate & PSTATE_SP ? 1 : 0)];
}

#define OUT(...) do { int n_ = snprintf(buf + pos, pos < len ? len - pos : 0, __VA_ARGS__); \
                      if (n_ > 0) pos += (size_t)n_; } while (0)

size_t arm_cpu_format_state(const CPUARMState *env, char *buf, size_t len, bool fpu)
{
    size_t pos = 0;
    uint32_t ps = pstate_read(env);
    uint64_t sp[4];
    int cur = (env->pstate & PSTATE_SP) ? (int)env->el : 0;

    OUT(" PC=%016" PRIx64 " ", env->pc);
    for (int i = 0; i < 31; i++) {
        OUT("X%02d=%016" PRIx64 "%s", i, env->xregs[i], i % 4 == 2 ? "\n" : " ");
    }
    OUT(" SP=%016" PRIx64 "\n", env->xregs[31]);
    OUT("PSTATE=%08x %c%c%c%c %s %s  BTYPE=%u\n", ps, ps & PSTATE_N ? 'N' : '-',
        ps & PSTATE_Z ? 'Z' : '-', ps & PSTATE_C ? 'C' : '-', ps & PSTATE_V ? 'V' : '-',
        arm_space_name(arm_current_space(env)), el_mode(env), (ps >> PSTATE_BTYPE_SHIFT) & 3);
    for (int i = 0; i < 4; i++) {
        sp[i] = i == cur ? env->xregs[31] : env->sp_el[i];
    }
    OUT("SP_EL0=%016" PRIx64 " SP_EL1=%016" PRIx64 " SP_EL2=%016" PRIx64 " SP_EL3=%016" PRIx64
        "\n", sp[0], sp[1], sp[2], sp[3]);
    OUT("ELR_EL1=%016" PRIx64 " ESR_EL1=%08" PRIx64 " SPSR_EL1=%08" PRIx64 "\n",
        env->elr_el[1], env->esr_el[1], env->spsr_el[1]);
    if (env->features.has_el2) {
        OUT("ELR_EL2=%016" PRIx64 " ESR_EL2=%08" PRIx64 " SPSR_EL2=%08" PRIx64
            " HCR_EL2=%016" PRIx64 "\n", env->elr_el[2], env->esr_el[2], env->spsr_el[2],
            env->hcr_el2);
    }
    if (env->features.has_el3) {
        OUT("ELR_EL3=%016" PRIx64 " ESR_EL3=%08" PRIx64 " SPSR_EL3=%08" PRIx64
            " SCR_EL3=%016" PRIx64 "\n", env->elr_el[3], env->esr_el[3], env->spsr_el[3],
            env->scr_el3);
    }
    if (fpu) {
        for (int i = 0; i < 32; i++) {
            OUT("Q%02d=%016" PRIx64 ":%016" PRIx64 "%s", i, env->vregs[i][1], env->vregs[i][0],
                i % 2 ? "\n" : " ");
        }
        OUT("FPCR=%08x FPSR=%08x\n", env->fpcr, env->fpsr);
    }
    return pos;
}
