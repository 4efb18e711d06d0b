/* SPDX-License-Identifier: GPL-2.0-or-later */
/* sysreg.c: the system register registry and the MRS/MSR access semantics (Arm ARM D23 "AArch64
 * System Register Descriptions"; accessibility pseudocode of each register). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "exec/tb.h"
#include "qemu/log.h"
#include "cpu.h"
#include "syndrome.h"
#include "sysreg.h"
#include "hw/intc/gicv3.h"

#define MAX_SYSREGS 1024

static const ArmSysReg *regs[MAX_SYSREGS];
static int nregs;
static bool sorted;

void sysreg_register(const ArmSysReg *table, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (nregs == MAX_SYSREGS) {
            fprintf(stderr, "qemu-system-aarch64: internal error: system register table full\n");
            abort();
        }
        regs[nregs++] = &table[i];
    }
    sorted = false;
}

static int cmp_reg(const void *a, const void *b)
{
    uint32_t ea = (*(const ArmSysReg *const *)a)->enc, eb = (*(const ArmSysReg *const *)b)->enc;
    return ea < eb ? -1 : ea > eb;
}

const ArmSysReg *sysreg_lookup(uint32_t enc)
{
    int lo = 0, hi;

    if (!sorted) {
        qsort(regs, nregs, sizeof(regs[0]), cmp_reg);
        for (int i = 1; i < nregs; i++) {
            if (regs[i]->enc == regs[i - 1]->enc) {
                fprintf(stderr, "qemu-system-aarch64: internal error: %s and %s share an encoding\n",
                        regs[i]->name, regs[i - 1]->name);
                abort();
            }
        }
        sorted = true;
    }
    hi = nregs - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (regs[mid]->enc == enc) {
            return regs[mid];
        }
        if (regs[mid]->enc < enc) {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return NULL;
}

const char *sysreg_name(uint32_t enc, char *buf, size_t len)
{
    const ArmSysReg *r = sysreg_lookup(enc);

    if (r) {
        snprintf(buf, len, "%s", r->name);
    } else {
        snprintf(buf, len, "S%u_%u_C%u_C%u_%u", SR_OP0(enc), SR_OP1(enc), SR_CRN(enc), SR_CRM(enc),
                 SR_OP2(enc));
    }
    return buf;
}

void sysreg_reset(CPUARMState *env)
{
    for (int i = 0; i < nregs; i++) {
        const ArmSysReg *r = regs[i];
        if (r->fieldoffset && !(r->flags & SR_CONST)) {
            *(uint64_t *)((char *)env + r->fieldoffset) = r->resetvalue;
        }
    }
}

void sysreg_init_all(CPUARMState *env)
{
    static bool done;

    if (!done) {
        sysreg_init_misc();
        sysreg_init_el1();
        sysreg_init_el2();
        sysreg_init_el3();
        sysreg_init_id();
        sysreg_init_timer();
        sysreg_init_rme();
        sysreg_init_vhe();
        sysreg_init_pmu();
        sysreg_init_pauth();
        sysreg_init_impdef();
        done = true;
    }
    (void)env;
}

/* The GICv3 CPU interface registers live with the GIC model (hw/intc): map its verdict. */
static bool gic_sysreg(CPUARMState *env, uint32_t enc, bool is_write, uint64_t *val, int rt);

/* "If EL2 is not implemented, this register is RES0 from EL3" (the Configuration section of
 * the EL2 registers): reads as zero and ignores writes at EL3, UNDEFINED below. */
static bool el2_res0_from_el3(const CPUARMState *env, const ArmSysReg *r)
{
    return (r->flags & SR_NEEDS_EL2) && !env->features.has_el2 && env->el == 3;
}

static bool feature_present(CPUARMState *env, const ArmSysReg *r)
{
    if ((r->flags & SR_NEEDS_EL2) && !env->features.has_el2 && !el2_res0_from_el3(env, r)) {
        return false;
    }
    if ((r->flags & SR_NEEDS_EL3) && !env->features.has_el3) {
        return false;
    }
    if ((r->flags & SR_NEEDS_RME) && !env->features.has_rme) {
        return false;
    }
    return true;
}

static void __attribute__((noreturn)) sysreg_trap(CPUARMState *env, uint32_t enc, int rt,
                                                  bool isread, SysregAccess a)
{
    if (a == SR_ACCESS_UNDEF) {
        raise_exception(env, EXCP_UDEF, syn_uncategorized(), exception_target_el(env));
    }
    if (a == SR_ACCESS_TRAP_FP) {
        int el = (env->hflags >> 10) & 3;
        raise_exception(env, EXCP_UDEF, syn_fp_access_trap(), el ? el : exception_target_el(env));
    }
    uint32_t target = (uint32_t)a;
    if (target == 1) {
        target = exception_target_el(env);
    }
    raise_exception(env, EXCP_UDEF,
                    syn_aa64_sysregtrap(SR_OP0(enc), SR_OP1(enc), SR_OP2(enc), SR_CRN(enc),
                                        SR_CRM(enc), rt, isread),
                    target);
}

static const ArmSysReg *check_access(CPUARMState *env, uint32_t enc, int rt, bool isread)
{
    const ArmSysReg *r = sysreg_lookup(enc);
    char name[32];

    if (!r || !feature_present(env, r)) {
        qemu_log_mask(LOG_UNIMP, "%s to unimplemented system register %s at EL%u, pc 0x%llx\n",
                      isread ? "MRS" : "MSR", sysreg_name(enc, name, sizeof(name)), env->el,
                      (unsigned long long)env->pc);
        sysreg_trap(env, enc, rt, isread, SR_ACCESS_UNDEF);
    }
    unsigned need = isread ? (SR_EL0_R << (2 * env->el)) : (SR_EL0_W << (2 * env->el));
    if (!(r->access & need)) {
        /* Not accessible at this EL: UNDEFINED (the register descriptions' "else UNDEFINED"),
         * unless the access function says it traps first. */
        if (r->accessfn) {
            SysregAccess a = r->accessfn(env, r, isread);
            if (a != SR_ACCESS_OK) {
                sysreg_trap(env, enc, rt, isread, a);
            }
        }
        qemu_log_mask(LOG_GUEST_ERROR, "%s %s is UNDEFINED at EL%u\n", isread ? "MRS" : "MSR",
                      r->name, env->el);
        sysreg_trap(env, enc, rt, isread, SR_ACCESS_UNDEF);
    }
    if (r->accessfn) {
        SysregAccess a = r->accessfn(env, r, isread);
        if (a != SR_ACCESS_OK) {
            sysreg_trap(env, enc, rt, isread, a);
        }
    }
    return r;
}

uint64_t sysreg_read(CPUARMState *env, uint32_t enc, int rt)
{
    uint64_t v;

    if (gic_sysreg(env, enc, false, &v, rt)) {
        return v;
    }
    enc = sysreg_vhe_redirect(env, enc);
    const ArmSysReg *r = check_access(env, enc, rt, true);
    if ((r->flags & SR_RAZ) ||
        (el2_res0_from_el3(env, r) && !(r->flags & SR_NOEL2_READFN))) {
        return 0;
    }
    if (r->readfn) {
        return r->readfn(env, r);
    }
    if (r->flags & SR_CONST) {
        return r->resetvalue;
    }
    return *(uint64_t *)((char *)env + r->fieldoffset);
}

void sysreg_write(CPUARMState *env, uint32_t enc, int rt, uint64_t v)
{
    if (gic_sysreg(env, enc, true, &v, rt)) {
        return;
    }
    enc = sysreg_vhe_redirect(env, enc);
    const ArmSysReg *r = check_access(env, enc, rt, false);
    if ((r->flags & (SR_RAZ | SR_CONST)) || el2_res0_from_el3(env, r)) {
        return;
    }
    if (r->writefn) {
        r->writefn(env, r, v);
    } else {
        uint64_t *p = (uint64_t *)((char *)env + r->fieldoffset);
        uint64_t mask = r->writemask ? r->writemask : ~0ull;
        *p = (*p & ~mask) | (v & mask);
    }
    if (r->flags & SR_FLUSH_TLB) {
        tlb_flush(env);
    }
    if (r->flags & SR_REBUILD_HFLAGS) {
        arm_rebuild_hflags(env);
    }
}

/* SCTLR_ELx: EE (bit 25) and E0E (bit 24) are RES0, since ID_AA64MMFR0_EL1.{BigEnd,BigEndEL0}
 * are 0 (only little-endian data: the SCTLR_EL1.EE/E0E descriptions, "when FEAT_MixedEnd is not
 * implemented"). Software asking for big-endian data gets a -d unimp line. */
void sysreg_sctlr_write(CPUARMState *env, const ArmSysReg *r, uint64_t v)
{
    const uint64_t endian = (1ull << 25) | (1ull << 24);

    if (v & endian) {
        qemu_log_mask(LOG_UNIMP, "%s: big-endian data (EE/E0E) is not implemented "
                      "(ID_AA64MMFR0_EL1.BigEnd = 0): the bits stay 0\n", r->name);
    }
    *(uint64_t *)((char *)env + r->fieldoffset) = v & ~endian;
}

bool sysreg_raw_read(CPUARMState *env, uint32_t enc, uint64_t *v)
{
    const ArmSysReg *r = sysreg_lookup(enc);

    if (!r || !feature_present(env, r)) {
        return false;
    }
    if (r->flags & SR_RAZ) {
        *v = 0;
    } else if (r->readfn) {
        *v = r->readfn(env, r);
    } else if (r->flags & SR_CONST) {
        *v = r->resetvalue;
    } else {
        *v = *(uint64_t *)((char *)env + r->fieldoffset);
    }
    return true;
}

static bool gic_sysreg(CPUARMState *env, uint32_t enc, bool is_write, uint64_t *val, int rt)
{
    uint32_t verdict = GICV3_ACCESS_OK;

    if (!env->gic_cpuif || !gicv3_cpuif_sysreg(env, enc, is_write, val, &verdict)) {
        return false;
    }
    if (verdict == GICV3_ACCESS_UNDEF) {
        sysreg_trap(env, enc, rt, !is_write, SR_ACCESS_UNDEF);
    }
    if (verdict != GICV3_ACCESS_OK) {
        sysreg_trap(env, enc, rt, !is_write, (SysregAccess)verdict);
    }
    return true;
}
