/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-pmu.c: the PMUv3 model (target/arm/pmu.c) against the Arm ARM: reset values, the access
 * rules, SW_INCR, lazy instruction counting under EL/Security filtering, overflow and PMUIRQ, and
 * a random walk compared with an instruction-by-instruction reference of CountPMUEvents(). */
#include <glib.h>
#include <string.h>
#include "cpu-stubs.h"
#include "pmu.h"

#define SCR_NS (1ull << 0)
#define F_P   (1ull << 31)
#define F_U   (1ull << 30)
#define F_NSK (1ull << 29)
#define F_NSU (1ull << 28)
#define F_NSH (1ull << 27)
#define F_M   (1ull << 26)
#define CYC   (1ull << 31)
#define UNDEF PMU_ACCESS_UNDEF

static CPUARMState env;
static int irq_level = -1;
static qemu_irq irq;

/* The engine's count of instructions in the current TB: tests run outside any TB. */
uint64_t cpu_tb_insns_done(CPUARMState *e)
{
    return 0;
}

static void irq_handler(void *opaque, int n, int level)
{
    irq_level = level;
}

static void setup(bool el2, bool el3, unsigned pmuver)
{
    memset(&env, 0, sizeof(env));
    env.features.has_el2 = el2;
    env.features.has_el3 = el3;
    env.features.id_aa64dfr0 = 6 | (uint64_t)pmuver << 8;
    env.features.midr = 0x000f0510;
    env.el = 1;
    env.scr_el3 = SCR_NS;
    if (!irq) {
        irq = qemu_allocate_irq(irq_handler, NULL, 0);
    }
    pmu_init(&env, irq);
    pmu_reset(&env);
    pmu_update(&env);
}

static void run(uint64_t insns)
{
    env.insn_count += insns;
    if (env.insn_count >= env.pmu.deadline) {
        pmu_deadline_reached(&env);
    }
}

static void test_reset(void)
{
    setup(true, true, 4);
    /* D24.5.8: N = 6, IMP = 0 for an implementer-0 MIDR (IDCODE RES0), E = 0, LC RES1. */
    g_assert_cmphex(pmu_pmcr_read(&env), ==, 6u << 11 | PMCR_LC);
    /* D24.3.17: MDCR_EL2.HPMN resets to NUM_PMU_COUNTERS. */
    g_assert_cmphex(env.mdcr_el2 & 0x1f, ==, 6);
    g_assert_cmphex(pmu_ceid(&env, 0), ==, 1u << 0 | 1u << 8 | 1u << 17);
    g_assert_cmpint(irq_level, ==, 0);
    /* Cortex-A57: IMP 0x41, IDCODE 0x01 (its TRM). */
    setup(false, false, 1);
    env.features.midr = 0x411fd070;
    g_assert_cmphex(pmu_pmcr_read(&env) >> 16, ==, 0x4101);
    /* No PMU: every access UNDEFINED. */
    setup(false, false, 0);
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, -1, true), ==, UNDEF);
}

static void test_pmcr_bits(void)
{
    setup(true, true, 4);
    /* DP writable with EL3; X RAZ/WI; D RES0; LC stays 1; P and C read as 0. */
    pmu_pmcr_write(&env, PMCR_E | PMCR_P | PMCR_C | PMCR_D | PMCR_X | PMCR_DP);
    g_assert_cmphex(pmu_pmcr_read(&env) & 0x7ff, ==, PMCR_E | PMCR_DP | PMCR_LC);
    pmu_pmcr_write(&env, 0);
    g_assert_cmphex(pmu_pmcr_read(&env) & 0x7ff, ==, PMCR_LC);
    /* Without EL3 and EL2 DP does not exist. */
    setup(false, false, 4);
    pmu_pmcr_write(&env, PMCR_DP);
    g_assert_cmphex(pmu_pmcr_read(&env) & PMCR_DP, ==, 0);
}

static void test_access(void)
{
    setup(true, true, 4);
    env.el = 0;
    /* EL0: PMUSERENR_EL0 gates (trap to EL1), PMINTEN* UNDEFINED. */
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, -1, true), ==, 1);
    g_assert_cmpuint(pmu_access(&env, 0, -1, false), ==, UNDEF);
    env.pmu.userenr = PMUSERENR_CR;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN | PMUSERENR_CR, PMU_CYCLE_IDX, false), ==, 0);
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, PMU_CYCLE_IDX, false), ==, 1);
    env.pmu.userenr = PMUSERENR_EN;
    /* MDCR_EL2.TPM (EL0 and EL1 to EL2), TPMCR (PMCR_EL0 only), MDCR_EL3.TPM after them. */
    env.mdcr_el2 |= MDCR_TPM;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, -1, false), ==, 2);
    env.mdcr_el2 &= ~MDCR_TPM;
    env.mdcr_el2 |= MDCR_TPMCR;
    env.el = 1;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, -1, true), ==, 2);
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, PMU_CYCLE_IDX, false), ==, 0);
    env.el = 2;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, -1, true), ==, 0);
    env.mdcr_el3 |= MDCR_TPM;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, -1, true), ==, 3);
    env.el = 3;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, -1, true), ==, 0);
    /* Counter index >= N: UNDEFINED at every EL. */
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, 6, false), ==, UNDEF);
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, 5, false), ==, 0);
    /* HPMN = 2: counters 2..5 trap to EL2 from Non-secure EL1, not from Secure EL1 (EL2
     * disabled) nor EL2. */
    env.mdcr_el3 = 0;
    env.mdcr_el2 = 2;
    env.el = 1;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, 2, false), ==, 2);
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, 1, false), ==, 0);
    env.scr_el3 = 0;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, 2, false), ==, 0);
    env.scr_el3 = SCR_NS;
    env.el = 2;
    g_assert_cmpuint(pmu_access(&env, PMUSERENR_EN, 2, false), ==, 0);
    g_assert_cmphex(pmu_pmcr_read(&env) >> 11 & 0x1f, ==, 6);
    env.el = 1;
    g_assert_cmphex(pmu_pmcr_read(&env) >> 11 & 0x1f, ==, 2);
    g_assert_cmphex(pmu_access_mask(&env), ==, CYC | 3);
}

static void test_sw_incr(void)
{
    setup(true, true, 4);
    pmu_typer_write(&env, 0, 0x00);
    pmu_sw_increment(&env, 1);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 0);        /* not enabled */
    pmu_set_write(&env, PMU_SET_CNTEN, 1, true);
    pmu_sw_increment(&env, 1);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 0);        /* PMCR_EL0.E = 0 */
    pmu_pmcr_write(&env, PMCR_E);
    pmu_sw_increment(&env, 3);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 1);
    /* Non-secure EL1 filtered when P != NSK. */
    pmu_typer_write(&env, 0, F_NSK);
    pmu_sw_increment(&env, 1);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 1);
    /* A counter that counts another event ignores SW_INCR. */
    pmu_typer_write(&env, 0, PMU_EVT_INST_RETIRED);
    pmu_sw_increment(&env, 1);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 1);
    /* 32-bit wrap sets the overflow flag. */
    pmu_typer_write(&env, 0, 0);
    pmu_counter_write(&env, 0, 0xffffffff);
    pmu_sw_increment(&env, 1);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 0);
    g_assert_cmphex(pmu_set_read(&env, PMU_SET_OVS), ==, 1);
    /* evtCount is 16 bits with PMUv3p1, 10 bits before; filter bits without EL2/EL3 are RES0. */
    pmu_typer_write(&env, 1, 0xffff | F_NSK | F_NSH);
    g_assert_cmphex(pmu_typer_read(&env, 1), ==, 0xffff | F_NSK | F_NSH);
    setup(false, false, 1);
    pmu_typer_write(&env, 1, 0xffff | F_NSK | F_NSH | F_P);
    g_assert_cmphex(pmu_typer_read(&env, 1), ==, 0x3ff | F_P);
}

static void test_counting_and_irq(void)
{
    setup(true, true, 4);
    env.el = 1;
    pmu_typer_write(&env, 0, PMU_EVT_INST_RETIRED);
    pmu_typer_write(&env, 1, PMU_EVT_CPU_CYCLES | F_P);        /* not at EL1 */
    pmu_set_write(&env, PMU_SET_CNTEN, CYC | 3, true);
    pmu_pmcr_write(&env, PMCR_E);
    run(1000);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 1000);
    g_assert_cmpuint(pmu_counter_read(&env, PMU_CYCLE_IDX), ==, 1000);
    g_assert_cmpuint(pmu_counter_read(&env, 1), ==, 0);
    env.el = 0;
    pmu_update(&env);
    run(10);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 1010);
    g_assert_cmpuint(pmu_counter_read(&env, 1), ==, 10);
    /* Overflow of counter 0 after 0x100 more instructions: PMUIRQ with PMINTENSET bit 0. */
    pmu_counter_write(&env, 0, 0xffffff00);
    pmu_set_write(&env, PMU_SET_INTEN, 1, true);
    g_assert_cmpuint(env.pmu.deadline, ==, env.insn_count + 0x100);
    run(0xff);
    g_assert_cmpint(irq_level, ==, 0);
    run(1);
    g_assert_cmpint(irq_level, ==, 1);
    g_assert_cmphex(env.pmu.ovs, ==, 1);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 0);
    /* The line follows PMCR_EL0.E, PMINTENSET and the flag. */
    pmu_pmcr_write(&env, 0);
    g_assert_cmpint(irq_level, ==, 0);
    pmu_pmcr_write(&env, PMCR_E);
    g_assert_cmpint(irq_level, ==, 1);
    pmu_set_write(&env, PMU_SET_OVS, 1, false);
    g_assert_cmpint(irq_level, ==, 0);
    /* Cycle counter: 64-bit, overflows from bit 63. */
    pmu_counter_write(&env, PMU_CYCLE_IDX, 0xffffffff);
    run(2);
    g_assert_cmphex(pmu_counter_read(&env, PMU_CYCLE_IDX), ==, 0x100000001ull);
    g_assert_cmphex(env.pmu.ovs & CYC, ==, 0);
    pmu_counter_write(&env, PMU_CYCLE_IDX, ~0ull - 4);
    pmu_set_write(&env, PMU_SET_INTEN, CYC, true);
    run(5);
    g_assert_cmphex(env.pmu.ovs & CYC, ==, CYC);
    g_assert_cmpint(irq_level, ==, 1);
}

/* HPMN = 2: counter 3 (second range) follows MDCR_EL2.HPME, also in Secure state. */
static void test_ranges(void)
{
    setup(true, true, 4);
    env.mdcr_el2 = 2;
    env.mdcr_el3 = MDCR_SPME;
    pmu_typer_write(&env, 0, PMU_EVT_INST_RETIRED);
    pmu_typer_write(&env, 3, PMU_EVT_INST_RETIRED);
    env.el = 2;
    pmu_set_write(&env, PMU_SET_CNTEN, 0x9, true);
    pmu_pmcr_write(&env, PMCR_E);
    env.el = 1;
    env.scr_el3 = 0;            /* Secure EL1: EL2 disabled, the ranges stay */
    pmu_update(&env);
    run(7);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 7);
    g_assert_cmpuint(pmu_counter_read(&env, 3), ==, 0);
    env.mdcr_el2 |= MDCR_HPME;
    pmu_update(&env);
    run(5);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 12);
    g_assert_cmpuint(pmu_counter_read(&env, 3), ==, 5);
    /* HPMD (PMUv3p1) prohibits the first range at EL2, not the second. */
    env.scr_el3 = SCR_NS;
    env.el = 2;
    env.mdcr_el2 |= MDCR_HPMD;
    pmu_typer_write(&env, 0, PMU_EVT_INST_RETIRED | F_NSH);
    pmu_typer_write(&env, 3, PMU_EVT_INST_RETIRED | F_NSH);
    run(3);
    g_assert_cmpuint(pmu_counter_read(&env, 0), ==, 12);
    g_assert_cmpuint(pmu_counter_read(&env, 3), ==, 8);
}

/* The reference: CountPMUEvents() for one counter, written out from the J1.3 pseudocode. */
static bool ref_counts(int idx, uint64_t filter, uint64_t cnten, uint64_t pmcr, uint64_t mdcr2,
                       uint64_t mdcr3, int el, bool secure)
{
    unsigned hpmn = mdcr2 & 0x1f;
    bool r2 = idx != 31 && idx >= (int)(hpmn > 6 ? 6 : hpmn);
    bool en = (r2 ? (mdcr2 & MDCR_HPME) : (pmcr & PMCR_E)) && ((cnten >> idx) & 1);
    bool prohib = (secure || el == 3) && !(mdcr3 & MDCR_SPME);
    bool p = filter & F_P, u = filter & F_U, nsk = filter & F_NSK, nsu = filter & F_NSU;
    bool nsh = filter & F_NSH, m = filter & F_M, filtered;

    if (!prohib && el == 2 && !r2) {
        prohib = mdcr2 & MDCR_HPMD;
    }
    if (idx == 31) {
        if (prohib && (pmcr & PMCR_DP)) {
            en = false;
        }
        prohib = false;
    }
    switch (el) {
    case 0: filtered = secure ? u : u != nsu; break;
    case 1: filtered = secure ? p : p != nsk; break;
    case 2: filtered = !nsh; break;
    default: filtered = m != p; break;
    }
    return en && !prohib && !filtered;
}

static void test_random_walk(void)
{
    static const int idxs[] = { 0, 1, 2, 3, 4, 5, 31 };
    uint64_t ref[32] = { 0 }, ovs = 0, counted = 0, overflows = 0;
    GRand *r = g_rand_new_with_seed(1234);

    setup(true, true, 4);
    env.mdcr_el3 = MDCR_SPME;
    for (int step = 0; step < 20000; step++) {
        int what = g_rand_int_range(r, 0, 10);
        if (what == 0) {
            /* a new EL / Security state (EL2 only Non-secure, no Secure EL2) */
            env.el = g_rand_int_range(r, 0, 4);
            env.scr_el3 = g_rand_boolean(r) || env.el == 2 ? SCR_NS : 0;
            pmu_update(&env);
        } else if (what == 1) {
            int i = g_rand_int_range(r, 0, 6);
            uint64_t f = (uint64_t)g_rand_int(r) & (F_P | F_U | F_NSK | F_NSU | F_NSH | F_M);
            uint64_t evt = g_rand_boolean(r) ? PMU_EVT_INST_RETIRED : PMU_EVT_CPU_CYCLES;
            pmu_typer_write(&env, i, f | evt);
        } else if (what == 2) {
            pmu_typer_write(&env, PMU_CYCLE_IDX, (uint64_t)g_rand_int(r) & (F_P | F_U | F_NSK | F_NSU | F_NSH | F_M));
        } else if (what == 3) {
            env.mdcr_el2 = g_rand_int_range(r, 1, 7) | (g_rand_boolean(r) ? MDCR_HPME : 0) |
                           (g_rand_boolean(r) ? MDCR_HPMD : 0);
            env.mdcr_el3 = g_rand_boolean(r) ? MDCR_SPME : 0;
            pmu_update(&env);
        } else if (what == 4) {
            int el = env.el;
            env.el = 3;             /* PMCR_EL0.DP/E and the enables from EL3 */
            pmu_pmcr_write(&env, (g_rand_boolean(r) ? PMCR_E : 0) | (g_rand_boolean(r) ? PMCR_DP : 0));
            pmu_set_write(&env, PMU_SET_CNTEN, (uint64_t)g_rand_int(r) & (CYC | 0x3f), g_rand_boolean(r));
            env.el = el;
            pmu_update(&env);
        } else if (what == 5) {
            int i = idxs[g_rand_int_range(r, 0, 7)];
            uint64_t v = i == 31 ? ~0ull - g_rand_int_range(r, 0, 3000) : 0xffffffffull - g_rand_int_range(r, 0, 3000);
            pmu_counter_write(&env, i, v);
            ref[i] = v;
        } else {
            uint64_t n = g_rand_int_range(r, 0, 400);
            bool secure = env.el != 3 && !(env.scr_el3 & SCR_NS);
            for (int k = 0; k < 7; k++) {
                int i = idxs[k];
                uint64_t f = i == 31 ? env.pmu.ccfiltr : env.pmu.evtyper[i];
                bool evt_ok = i == 31 || (f & 0xffff) == PMU_EVT_INST_RETIRED || (f & 0xffff) == PMU_EVT_CPU_CYCLES;
                if (evt_ok && ref_counts(i, f, env.pmu.cnten, env.pmu.pmcr, env.mdcr_el2, env.mdcr_el3,
                                         env.el, secure)) {
                    uint64_t old = ref[i];
                    ref[i] = i == 31 ? old + n : (uint32_t)(old + n);
                    counted += n;
                    if (i == 31 ? ref[i] < old : old + n > 0xffffffffull) {
                        ovs |= 1ull << i;
                        overflows++;
                    }
                }
            }
            run(n);
        }
        if (step % 97 == 0) {
            int el = env.el;
            env.el = 3;
            for (int k = 0; k < 7; k++) {
                g_assert_cmphex(pmu_counter_read(&env, idxs[k]), ==, ref[idxs[k]]);
            }
            g_assert_cmphex(pmu_set_read(&env, PMU_SET_OVS), ==, ovs);
            if (g_rand_int_range(r, 0, 4) == 0) {
                pmu_set_write(&env, PMU_SET_OVS, ~0ull, false);
                ovs = 0;
            }
            env.el = el;
            pmu_update(&env);
        }
    }
    /* The walk must have exercised counting and overflow. */
    g_assert_cmpuint(counted, >, 100000);
    g_assert_cmpuint(overflows, >, 20);
    g_rand_free(r);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pmu/reset", test_reset);
    g_test_add_func("/pmu/pmcr-bits", test_pmcr_bits);
    g_test_add_func("/pmu/access", test_access);
    g_test_add_func("/pmu/sw-incr", test_sw_incr);
    g_test_add_func("/pmu/counting-and-irq", test_counting_and_irq);
    g_test_add_func("/pmu/ranges", test_ranges);
    g_test_add_func("/pmu/random-walk", test_random_walk);
    return g_test_run();
}
