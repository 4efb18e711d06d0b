/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpc-trace.c: RME observability: "info gpt" / "info pas ADDR" in the monitor, and -d rmi / -d rsi
 * (RMI and RSI calls decoded by function ID, RMM 1.0-REL0 names, with their results logged when
 * the caller is resumed). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qemu/log.h"
#include "system/monitor.h"
#include "cpu.h"
#include "gpc.h"
#include "gpc-trace.h"

/* ---- RMI / RSI function IDs (RMM specification 1.0-REL0, SMC64 fast calls, OEN 4) ---- */

typedef struct CallName {
    uint32_t fid;
    const char *name;
    int nargs;          /* argument registers x1..xN */
} CallName;

static const CallName calls[] = {
    { 0xC4000150, "RMI_VERSION", 1 },
    { 0xC4000151, "RMI_GRANULE_DELEGATE", 1 },
    { 0xC4000152, "RMI_GRANULE_UNDELEGATE", 1 },
    { 0xC4000153, "RMI_DATA_CREATE", 5 },
    { 0xC4000154, "RMI_DATA_CREATE_UNKNOWN", 3 },
    { 0xC4000155, "RMI_DATA_DESTROY", 2 },
    { 0xC4000157, "RMI_REALM_ACTIVATE", 1 },
    { 0xC4000158, "RMI_REALM_CREATE", 2 },
    { 0xC4000159, "RMI_REALM_DESTROY", 1 },
    { 0xC400015A, "RMI_REC_CREATE", 3 },
    { 0xC400015B, "RMI_REC_DESTROY", 1 },
    { 0xC400015C, "RMI_REC_ENTER", 2 },
    { 0xC400015D, "RMI_RTT_CREATE", 4 },
    { 0xC400015E, "RMI_RTT_DESTROY", 3 },
    { 0xC400015F, "RMI_RTT_MAP_UNPROTECTED", 4 },
    { 0xC4000161, "RMI_RTT_READ_ENTRY", 3 },
    { 0xC4000162, "RMI_RTT_UNMAP_UNPROTECTED", 3 },
    { 0xC4000164, "RMI_PSCI_COMPLETE", 3 },
    { 0xC4000165, "RMI_FEATURES", 1 },
    { 0xC4000166, "RMI_RTT_FOLD", 3 },
    { 0xC4000167, "RMI_REC_AUX_COUNT", 1 },
    { 0xC4000168, "RMI_RTT_INIT_RIPAS", 3 },
    { 0xC4000169, "RMI_RTT_SET_RIPAS", 4 },
    { 0xC400018F, "RMM_RMI_REQ_COMPLETE", 5 },
    { 0xC4000190, "RSI_VERSION", 1 },
    { 0xC4000191, "RSI_FEATURES", 1 },
    { 0xC4000192, "RSI_MEASUREMENT_READ", 1 },
    { 0xC4000193, "RSI_MEASUREMENT_EXTEND", 10 },
    { 0xC4000194, "RSI_ATTEST_TOKEN_INIT", 8 },
    { 0xC4000195, "RSI_ATTEST_TOKEN_CONTINUE", 3 },
    { 0xC4000196, "RSI_REALM_CONFIG", 1 },
    { 0xC4000197, "RSI_IPA_STATE_SET", 4 },
    { 0xC4000198, "RSI_IPA_STATE_GET", 2 },
    { 0xC4000199, "RSI_HOST_CALL", 1 },
};

const char *gpc_rmi_rsi_name(uint32_t fid, int *nargs)
{
    for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
        if (calls[i].fid == fid) {
            if (nargs) {
                *nargs = calls[i].nargs;
            }
            return calls[i].name;
        }
    }
    if (nargs) {
        *nargs = 6;     /* unknown: show the SMCCC argument registers x1..x6 */
    }
    return NULL;
}

static const char *rmi_status(uint64_t x0)
{
    static const char *const names[] = { "RMI_SUCCESS", "RMI_ERROR_INPUT", "RMI_ERROR_REALM",
                                         "RMI_ERROR_REC", "RMI_ERROR_RTT" };
    return (x0 & 0xff) < 5 && !(x0 >> 16) ? names[x0 & 0xff] : NULL;
}

static const char *rsi_status(uint64_t x0)
{
    static const char *const names[] = { "RSI_SUCCESS", "RSI_ERROR_INPUT", "RSI_ERROR_STATE",
                                         "RSI_INCOMPLETE" };
    return x0 < 4 ? names[x0] : NULL;
}

/* One outstanding call per CPU: RMI from NS-EL2, RSI from Realm EL1 (a call from the other world
 * may be in flight at the same time: an RSI call is made while an RMI_REC_ENTER is pending). */
#define MAX_TRACE_CPUS 16
typedef struct PendingCall {
    bool valid;
    uint32_t fid;
} PendingCall;
static PendingCall pending_rmi[MAX_TRACE_CPUS], pending_rsi[MAX_TRACE_CPUS];
/* -d smc: the last SMC of each CPU, with the EL and world to which its results return. */
static struct {
    bool valid;
    uint32_t fid;
    uint32_t el;
    ArmSecuritySpace space;
} pending_smc[MAX_TRACE_CPUS];

static void log_call(uint32_t mask, const char *who, CPUARMState *env)
{
    uint32_t fid = (uint32_t)env->xregs[0];
    int nargs;
    const char *name = gpc_rmi_rsi_name(fid, &nargs);
    char buf[320];
    int n;

    if (name) {
        n = snprintf(buf, sizeof(buf), "%s: %s (0x%08x)", who, name, fid);
    } else {
        n = snprintf(buf, sizeof(buf), "%s: unknown function 0x%08x", who, fid);
    }
    for (int i = 1; i <= nargs && n > 0 && (size_t)n < sizeof(buf); i++) {
        n += snprintf(buf + n, sizeof(buf) - (size_t)n, " x%d=0x%" PRIx64, i, env->xregs[i]);
    }
    qemu_log_mask(mask, "%s\n", buf);
}

/* Function ID ranges: RMI 0xC4000150-0xC400018F and (RMM 1.1/2.0) 0xC40001D0-0xC40002CF, as
 * TF-A's RMM dispatcher accepts them; RSI 0xC4000190-0xC40001AF. Other SMCs (PSCI, SMCCC
 * queries, firmware services) are not RMI/RSI and are left to -d smc. */
static bool is_rmi(uint32_t fid)
{
    return (fid >= 0xC4000150 && fid <= 0xC400018F) || (fid >= 0xC40001D0 && fid <= 0xC40002CF);
}

static bool is_rsi(uint32_t fid)
{
    return fid >= 0xC4000190 && fid <= 0xC40001AF;
}

void gpc_trace_smc(CPUARMState *env)
{
    uint32_t fid = (uint32_t)env->xregs[0];
    int cpu = env->cpu_index & (MAX_TRACE_CPUS - 1);
    ArmSecuritySpace space = arm_current_space(env);

    /* SMCs that end UNDEFINED (no EL3, SCR_EL3.SMD) return nothing; one trapped to EL2 by
     * HCR_EL2.TSC does (through EL2). */
    bool trapped = env->el == 1 && arm_el2_enabled(env) && (env->hcr_el2 & (1ull << 19));
    if (!trapped && (!env->features.has_el3 || (env->scr_el3 & (1ull << 7)))) {
        return;
    }
    pending_smc[cpu].valid = true;
    pending_smc[cpu].fid = fid;
    pending_smc[cpu].el = env->el;
    pending_smc[cpu].space = space;
    if (!env->features.has_rme) {
        return;
    }
    if (env->el == 2 && space == ARMSS_NONSECURE && is_rmi(fid)) {
        /* RMI: the host at NS-EL2 calls the RMM through EL3 (RMM spec, "RMI") */
        if (qemu_loglevel_mask(LOG_RMI)) {
            log_call(LOG_RMI, "rmi: call", env);
        }
        pending_rmi[cpu].valid = true;
        pending_rmi[cpu].fid = (uint32_t)env->xregs[0];
    } else if (env->el == 1 && space == ARMSS_REALM && is_rsi(fid)) {
        /* RSI: a realm calls the RMM (trapped to Realm EL2 by HCR_EL2.TSC) */
        if (qemu_loglevel_mask(LOG_RSI)) {
            log_call(LOG_RSI, "rsi: call", env);
        }
        pending_rsi[cpu].valid = true;
        pending_rsi[cpu].fid = (uint32_t)env->xregs[0];
    } else if (env->el == 2 && space == ARMSS_REALM && fid == 0xC400018F) {
        qemu_log_mask(LOG_RMI, "rmi: RMM_RMI_REQ_COMPLETE x1=0x%" PRIx64 " x2=0x%" PRIx64 "\n",
                      env->xregs[1], env->xregs[2]);
    }
}

static void log_result(uint32_t mask, const char *who, uint32_t fid, const char *status,
                       CPUARMState *env)
{
    const char *name = gpc_rmi_rsi_name(fid, NULL);
    char fbuf[32];

    if (!name) {
        snprintf(fbuf, sizeof(fbuf), "0x%08x", fid);
        name = fbuf;
    }
    qemu_log_mask(mask, "%s: %s -> x0=0x%" PRIx64 "%s%s%s x1=0x%" PRIx64 " x2=0x%" PRIx64
                  " x3=0x%" PRIx64 " x4=0x%" PRIx64 "\n", who, name, env->xregs[0],
                  status ? " (" : "", status ? status : "", status ? ")" : "",
                  env->xregs[1], env->xregs[2], env->xregs[3], env->xregs[4]);
}

void gpc_trace_eret(CPUARMState *env)
{
    int cpu = env->cpu_index & (MAX_TRACE_CPUS - 1);
    ArmSecuritySpace space = arm_current_space(env);

    if (pending_smc[cpu].valid && pending_smc[cpu].el == env->el &&
        pending_smc[cpu].space == space) {
        pending_smc[cpu].valid = false;
        if (qemu_loglevel_mask(LOG_SMC)) {
            const char *name = gpc_rmi_rsi_name(pending_smc[cpu].fid, NULL);
            qemu_log("smc: EL%u %s fid 0x%08x%s%s%s returns x0 0x%" PRIx64 " x1 0x%" PRIx64
                     " x2 0x%" PRIx64 " x3 0x%" PRIx64 "\n", env->el, arm_space_name(space),
                     pending_smc[cpu].fid, name ? " (" : "", name ? name : "", name ? ")" : "",
                     env->xregs[0], env->xregs[1], env->xregs[2], env->xregs[3]);
        }
    }
    if (!env->features.has_rme) {
        return;
    }
    if (env->el == 2 && space == ARMSS_NONSECURE && pending_rmi[cpu].valid) {
        pending_rmi[cpu].valid = false;
        if (qemu_loglevel_mask(LOG_RMI)) {
            log_result(LOG_RMI, "rmi: return", pending_rmi[cpu].fid, rmi_status(env->xregs[0]),
                       env);
        }
    } else if (env->el == 1 && space == ARMSS_REALM && pending_rsi[cpu].valid) {
        pending_rsi[cpu].valid = false;
        if (qemu_loglevel_mask(LOG_RSI)) {
            log_result(LOG_RSI, "rsi: return", pending_rsi[cpu].fid, rsi_status(env->xregs[0]),
                       env);
        }
    }
}

/* ---- info gpt / info pas ---- */

typedef struct RangeAcc {
    bool open;
    uint64_t start, end;
    char what[96];
    GpcPrintFn *print;
    void *opaque;
} RangeAcc;

static void range_flush(RangeAcc *r)
{
    char line[192];
    if (r->open) {
        snprintf(line, sizeof(line), "0x%012" PRIx64 "-0x%012" PRIx64 " %s", r->start,
                 r->end - 1, r->what);
        r->print(r->opaque, line);
        r->open = false;
    }
}

static void range_add(RangeAcc *r, uint64_t start, uint64_t size, const char *what)
{
    if (r->open && r->end == start && !strcmp(r->what, what)) {
        r->end = start + size;
        return;
    }
    range_flush(r);
    r->open = true;
    r->start = start;
    r->end = start + size;
    snprintf(r->what, sizeof(r->what), "%s", what);
}

void gpc_dump_gpt(const GpcConfig *cfg, bool (*read)(void *, uint64_t, uint64_t *), void *opaque,
                  GpcPrintFn *print, void *print_opaque)
{
    unsigned pps = gpc_pps_bits(cfg->gpccr), pgs = gpc_pgs_bits(cfg->gpccr);
    unsigned l0sz = gpc_l0gptsz_bits(cfg->gpccr);
    RangeAcc r = { .print = print, .opaque = print_opaque };
    char line[160];
    GpcFault f;

    if (!(cfg->gpccr & (1ull << 16))) {
        print(print_opaque, "GPC disabled (GPCCR_EL3.GPC = 0): every access passes");
        return;
    }
    snprintf(line, sizeof(line), "GPCCR_EL3 0x%" PRIx64 " (PPS %u bits, PGS %u bits, L0GPTSZ %u "
             "bits), GPTBR_EL3 0x%" PRIx64, cfg->gpccr, pps, pgs, l0sz, cfg->gptbr);
    print(print_opaque, line);
    /* GPCRegistersConsistent failing: every access is a level-0 walk fault. */
    unsigned sh = (cfg->gpccr >> 12) & 3, cache = (cfg->gpccr >> 8) & 0xf;
    if (!pps || !pgs || !l0sz || pps > cfg->pa_bits || sh == 1 || (!cache && sh != 2)) {
        print(print_opaque, "invalid configuration (every access: GPT walk fault at level 0)");
        return;
    }
    for (uint64_t pa = 0; pa < (1ull << pps);) {
        uint64_t step;
        char what[96];
        bool ok = gpc_check(cfg, pa, ARMSS_ROOT, (GpcReadFn *)read, opaque, &f);
        if (ok || f.kind == GPC_FAULT_GPF) {
            if (f.source == GPC_SRC_L0_BLOCK) {
                step = 1ull << l0sz;
            } else if (f.source == GPC_SRC_L1_CONTIG ||
                       f.desc == (f.desc & 0xf) * 0x1111111111111111ull) {
                step = 1ull << (pgs + 4);     /* one GPI for the 16 granules of the entry */
            } else {
                step = 1ull << pgs;
            }
            snprintf(what, sizeof(what), "%s (GPI 0x%x)", gpc_gpi_name(f.gpi), f.gpi);
        } else {
            step = f.level == 0 ? 1ull << l0sz : 1ull << (pgs + 4);
            snprintf(what, sizeof(what), "%s at level %d", gpc_fault_name(f.kind), f.level);
        }
        step = step - (pa & (step - 1));
        range_add(&r, pa, step, what);
        pa += step;
    }
    range_flush(&r);
}

static bool monitor_read_root(void *opaque, uint64_t pa, uint64_t *val)
{
    CPUARMState *env = opaque;
    MemTxAttrs attrs = { .space = ARMSS_ROOT, .secure = true, .unspecified = true };
    return address_space_ld(env->as[ARMSS_ROOT], pa, 8, val, attrs) == MEMTX_OK;
}

static void monitor_line(void *opaque, const char *line)
{
    (void)opaque;
    monitor_printf("%s\n", line);
}

static void info_gpt(CPUARMState *env, const char *args)
{
    GpcConfig cfg;
    (void)args;
    if (!env->features.has_rme) {
        monitor_printf("RME is not enabled (use -M virt,rme=on)\n");
        return;
    }
    arm_gpc_config(env, &cfg);
    gpc_dump_gpt(&cfg, monitor_read_root, env, monitor_line, NULL);
}

static void info_pas(CPUARMState *env, const char *args)
{
    static const char *const src[] = { "no GPT lookup", "level-0 block descriptor",
                                       "level-1 contiguous descriptor",
                                       "level-1 granules descriptor" };
    GpcConfig cfg;
    GpcFault f;
    char *end;
    uint64_t pa = (uint64_t)strtoull(args, &end, 0);

    if (!env->features.has_rme) {
        monitor_printf("RME is not enabled (use -M virt,rme=on)\n");
        return;
    }
    if (end == args) {
        monitor_printf("usage: info pas ADDR\n");
        return;
    }
    arm_gpc_config(env, &cfg);
    unsigned pgs = gpc_pgs_bits(cfg.gpccr);
    monitor_printf("PA 0x%" PRIx64 " (granule 0x%" PRIx64 "):\n", pa,
                   pgs ? pa & ~(uint64_t)((1ull << pgs) - 1) : pa);
    gpc_check(&cfg, pa, ARMSS_ROOT, monitor_read_root, env, &f);
    if (!(cfg.gpccr & (1ull << 16))) {
        monitor_printf("  GPC disabled: every PA space may access it\n");
        return;
    }
    if (f.kind == GPC_OK || f.kind == GPC_FAULT_GPF) {
        if (f.source == GPC_SRC_NONE) {
            monitor_printf("  above the PPS: no GPT lookup\n");
        } else {
            monitor_printf("  GPI 0x%x (%s) from the %s 0x%016" PRIx64 " at 0x%" PRIx64 "\n",
                           f.gpi, gpc_gpi_name(f.gpi), src[f.source], f.desc, f.desc_pa);
        }
    } else {
        monitor_printf("  %s at level %d (descriptor 0x%016" PRIx64 " at 0x%" PRIx64 ")\n",
                       gpc_fault_name(f.kind), f.level, f.desc, f.desc_pa);
    }
    for (int s = 0; s < 4; s++) {
        bool ok = gpc_check(&cfg, pa, (ArmSecuritySpace)s, monitor_read_root, env, &f);
        monitor_printf("  %-10s %s\n", arm_space_name((ArmSecuritySpace)s),
                       ok ? "permitted" : gpc_fault_name(f.kind));
    }
}

/* Registered once at start-up, before the monitor runs (it keeps a static table). */
static void __attribute__((constructor)) gpc_trace_register(void)
{
    monitor_register_info("gpt", "RME: the granule protection table as PA ranges with their GPI",
                          info_gpt);
    monitor_register_info("pas", "RME: info pas ADDR -- one granule's GPI and how it was found",
                          info_pas);
}
