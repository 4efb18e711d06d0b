/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-ptw.c: the translation table walker (target/arm/ptw.c) on hand-built tables: levels,
 * faults and their levels, permissions per MMU index (EL0, EL1, PAN), stage 2 and S1PTW, the
 * output PA space, and the RME contract that every descriptor fetch and output address goes
 * through arm_gpc_check() (gpc.h), with the right context when a check fails. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "cpu.h"
#include "gpc.h"
#include "mmuidx.h"
#include "ptw.h"

#define RAM_BASE 0x40000000ull
#define RAM_SIZE 0x01000000ull

static CPUARMState env;
static AddressSpace as_s, as_ns;
static uint8_t *ram;

/* ---- stand-ins for the rest of the CPU ---- */

ArmSecuritySpace arm_space_for_el(const CPUARMState *e, int el)
{
    if (el == 3) {
        return e->features.has_rme ? ARMSS_ROOT : ARMSS_SECURE;
    }
    return (ArmSecuritySpace)(((e->scr_el3 >> 62) & 1) << 1 | (e->scr_el3 & 1));
}

/* The GPC stand-in records every physical access and fails the one at fail_pa. */
static uint64_t gpc_pa[16];
static ArmSecuritySpace gpc_pas[16];
static int gpc_calls;
static uint64_t fail_pa = ~0ull;

bool arm_gpc_check(CPUARMState *e, uint64_t pa, ArmSecuritySpace pas, GpcFault *f)
{
    (void)e;
    if (gpc_calls < 16) {
        gpc_pa[gpc_calls] = pa;
        gpc_pas[gpc_calls] = pas;
    }
    gpc_calls++;
    if ((pa & ~0xfffull) == fail_pa) {
        f->kind = GPC_FAULT_GPF;
        f->level = 1;
        return false;
    }
    f->kind = GPC_OK;
    return true;
}

void arm_raise_fault(CPUARMState *e, uint64_t va, MMUAccessType access, const ArmFault *f,
                     bool cm)
{
    (void)e; (void)va; (void)access; (void)f; (void)cm;
    abort();
}

/* ---- table building in the RAM region (4K granule) ---- */

static uint64_t next_table;

static uint64_t *host(uint64_t pa)
{
    return (uint64_t *)(ram + (pa - RAM_BASE));
}

static uint64_t new_table(void)
{
    uint64_t pa = next_table;
    next_table += 0x1000;
    memset(host(pa), 0, 0x1000);
    return pa;
}

/* 39-bit VA, 4K: level 1 root; maps va -> pa with a level 3 page. */
static void map4k(uint64_t root, uint64_t va, uint64_t pa, uint64_t attrs)
{
    uint64_t t = root;
    for (int level = 1; level < 3; level++) {
        uint64_t *d = host(t) + ((va >> (12 + 9 * (3 - level))) & 511);
        if (!(*d & 1)) {
            *d = new_table() | 3;
        }
        t = *d & 0x0000fffffffff000ull;
    }
    host(t)[(va >> 12) & 511] = pa | attrs | 3;
}

#define AF (1ull << 10)
#define ATTR_NORMAL (1ull << 2)

static void setup(void)
{
    memset(&env, 0, sizeof(env));
    env.features.id_aa64mmfr0 = 5;           /* 48-bit PA */
    env.features.has_el2 = true;
    env.scr_el3 = 1;                          /* Non-secure below EL3 */
    env.as[ARMSS_SECURE] = &as_s;
    env.as[ARMSS_NONSECURE] = &as_ns;
    env.as[ARMSS_ROOT] = &as_s;
    env.as[ARMSS_REALM] = &as_ns;
    env.mair_el[1] = 0xff00;
    env.tcr_el[1] = 25 | (1ull << 23) | (5ull << 32);   /* T0SZ 25, 4K, EPD1, IPS 48 */
    env.sctlr_el[1] = 1;
    next_table = RAM_BASE;
    memset(ram, 0, 0x100000);
    env.ttbr0_el[1] = new_table();
    gpc_calls = 0;
    fail_pa = ~0ull;
}

static int idx_el1(void)
{
    return arm_mmu_idx_make(ARMSS_NONSECURE, MMUK_E10_1);
}

static void test_walk_and_gpc(void)
{
    ArmTranslation t;
    ArmFault f;

    setup();
    map4k(env.ttbr0_el[1], 0x12345000, 0x40800000, AF | ATTR_NORMAL);
    g_assert_true(arm_translate(&env, 0x12345678, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmphex(t.pa, ==, 0x40800678);
    g_assert_cmpint(t.space, ==, ARMSS_NONSECURE);
    g_assert_cmpint(t.attr, ==, 0xff);
    g_assert_cmpint(t.prot, ==, PAGE_READ | PAGE_WRITE | PAGE_EXEC);
    /* RME contract: three descriptor fetches and the output address, in walk order */
    g_assert_cmpint(gpc_calls, ==, 4);
    g_assert_cmphex(gpc_pa[0], ==, env.ttbr0_el[1] + 8 * (0x12345000 >> 30));
    g_assert_cmphex(gpc_pa[3], ==, 0x40800678);
    for (int i = 0; i < 4; i++) {
        g_assert_cmpint(gpc_pas[i], ==, ARMSS_NONSECURE);
    }
    /* A GPC failure on the level 2 table: a walk fault with level and PA */
    gpc_calls = 0;
    fail_pa = host(env.ttbr0_el[1])[0] & ~0xfffull;
    g_assert_false(arm_translate(&env, 0x12345678, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmpint(f.type, ==, ARMFAULT_GPC);
    g_assert_true(f.gpca.walk);
    g_assert_cmpint(f.gpca.walk_level, ==, 2);
    g_assert_false(f.gpca.s1ptw);
    g_assert_cmphex(f.gpca.vaddr, ==, 0x12345678);
    /* On the output: not a walk; AT skips it (PTW_NO_GPC_OUT) */
    fail_pa = 0x40800000;
    g_assert_false(arm_translate(&env, 0x12345678, MMU_DATA_STORE, idx_el1(), 0, &t, &f));
    g_assert_cmpint(f.type, ==, ARMFAULT_GPC);
    g_assert_false(f.gpca.walk);
    g_assert_cmpint(f.gpca.access, ==, MMU_DATA_STORE);
    g_assert_true(arm_translate(&env, 0x12345678, MMU_DATA_LOAD, idx_el1(), PTW_NO_GPC_OUT, &t,
                                &f));
}

static void test_faults(void)
{
    ArmTranslation t;
    ArmFault f;

    setup();
    map4k(env.ttbr0_el[1], 0x1000, 0x40800000, AF | ATTR_NORMAL);
    map4k(env.ttbr0_el[1], 0x3000, 0x40800000, ATTR_NORMAL);                 /* AF 0 */
    map4k(env.ttbr0_el[1], 0x4000, 0x40800000, AF | (2ull << 6));            /* RO */
    map4k(env.ttbr0_el[1], 0x5000, 0x40800000, AF | (1ull << 6));            /* EL0 RW */
    map4k(env.ttbr0_el[1], 0x6000, 0x1000000000000ull, AF);                  /* OA >= 2^48 */
    struct { uint64_t va; MMUAccessType acc; int idx; ArmFaultType type; int level; } c[] = {
        { 0x2000, MMU_DATA_LOAD, idx_el1(), ARMFAULT_TRANSLATION, 3 },
        { 0x40000000, MMU_DATA_LOAD, idx_el1(), ARMFAULT_TRANSLATION, 1 },
        { 0x200000, MMU_DATA_LOAD, idx_el1(), ARMFAULT_TRANSLATION, 2 },
        { 1ull << 39, MMU_DATA_LOAD, idx_el1(), ARMFAULT_TRANSLATION, 0 },
        { 0x3000, MMU_DATA_LOAD, idx_el1(), ARMFAULT_ACCESS, 3 },
        { 0x4000, MMU_DATA_STORE, idx_el1(), ARMFAULT_PERMISSION, 3 },
        { 0x1000, MMU_DATA_LOAD, arm_mmu_idx_make(ARMSS_NONSECURE, MMUK_E10_0),
          ARMFAULT_PERMISSION, 3 },
        { 0x5000, MMU_DATA_LOAD, arm_mmu_idx_make(ARMSS_NONSECURE, MMUK_E10_1_PAN),
          ARMFAULT_PERMISSION, 3 },
        { 0x5000, MMU_INST_FETCH, idx_el1(), ARMFAULT_PERMISSION, 3 },   /* EL0-writable: PXN */
        { 0x6000, MMU_DATA_LOAD, idx_el1(), ARMFAULT_ADDRSIZE, 3 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(c); i++) {
        g_test_message("case %zu: VA 0x%llx", i, (unsigned long long)c[i].va);
        g_assert_false(arm_translate(&env, c[i].va, c[i].acc, c[i].idx, 0, &t, &f));
        g_assert_cmpint(f.type, ==, c[i].type);
        g_assert_cmpint(f.level, ==, c[i].level);
        g_assert_false(f.stage2);
    }
    /* EL0 reads the EL0 page; PAN leaves fetches alone */
    g_assert_true(arm_translate(&env, 0x5000, MMU_DATA_STORE,
                                arm_mmu_idx_make(ARMSS_NONSECURE, MMUK_E10_0), 0, &t, &f));
    g_assert_true(arm_translate(&env, 0x1000, MMU_INST_FETCH,
                                arm_mmu_idx_make(ARMSS_NONSECURE, MMUK_E10_1_PAN), 0, &t, &f));
}

static void test_stage2(void)
{
    ArmTranslation t;
    ArmFault f;

    setup();
    map4k(env.ttbr0_el[1], 0x1000, 0x80001000ull, AF | ATTR_NORMAL);  /* IPA 2G + 4K */
    /* Stage 2: 4K, T0SZ 25, SL0 1 (level 1): IPA of the stage 1 tables identity (1G block),
     * IPA 2G + 4K -> PA 0x40900000 read-only */
    uint64_t s2 = new_table();
    host(s2)[1] = RAM_BASE | AF | (3ull << 6) | (0xfull << 2) | 1;
    uint64_t s2l2 = new_table(), s2l3 = new_table();
    host(s2)[2] = s2l2 | 3;
    host(s2l2)[0] = s2l3 | 3;
    host(s2l3)[1] = 0x40900000ull | AF | (1ull << 6) | (0xfull << 2) | 3;
    env.vttbr_el2 = s2;
    env.vtcr_el2 = 25 | (1 << 6) | (5ull << 16);
    env.hcr_el2 = 1;
    g_assert_true(arm_translate(&env, 0x1010, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmphex(t.pa, ==, 0x40900010);
    g_assert_cmphex(t.ipa, ==, 0x80001010);
    g_assert_cmpint(t.prot, ==, PAGE_READ | PAGE_EXEC);   /* S2AP read-only, executable */
    g_assert_false(arm_translate(&env, 0x1010, MMU_DATA_STORE, idx_el1(), 0, &t, &f));
    g_assert_true(f.stage2 && !f.s1ptw && f.type == ARMFAULT_PERMISSION && f.level == 3);
    g_assert_cmphex(f.ipa, ==, 0x80001010);
    /* AT S1E1-style: stop at the IPA */
    g_assert_true(arm_translate(&env, 0x1010, MMU_DATA_STORE, idx_el1(), PTW_S1_ONLY, &t, &f));
    g_assert_cmphex(t.pa, ==, 0x80001010);
    /* S1PTW: stage 1 root at an IPA that stage 2 does not map */
    env.ttbr0_el[1] = 0xc0000000ull;
    g_assert_false(arm_translate(&env, 0x1010, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_true(f.stage2 && f.s1ptw && f.type == ARMFAULT_TRANSLATION && f.level == 1);
    g_assert_cmphex(f.ipa, ==, 0xc0000000ull);
}

static void test_secure_ns(void)
{
    ArmTranslation t;
    ArmFault f;

    setup();
    env.scr_el3 = 0;                          /* Secure EL1&0 */
    env.ttbr0_el[1] = new_table();
    map4k(env.ttbr0_el[1], 0x1000, 0x40800000, AF | (1ull << 5));       /* NS = 1 */
    map4k(env.ttbr0_el[1], 0x2000, 0x40800000, AF);
    int idx = arm_mmu_idx_make(ARMSS_SECURE, MMUK_E10_1);
    g_assert_true(arm_translate(&env, 0x1000, MMU_DATA_LOAD, idx, 0, &t, &f));
    g_assert_cmpint(t.space, ==, ARMSS_NONSECURE);
    g_assert_true(arm_translate(&env, 0x2000, MMU_DATA_LOAD, idx, 0, &t, &f));
    g_assert_cmpint(t.space, ==, ARMSS_SECURE);
    g_assert_cmpint(gpc_pas[0], ==, ARMSS_SECURE);
}

/* Execute permissions: WXN, UXN/PXN, UXNTable/PXNTable (AArch64.S1DirectBasePermissions). */
static void test_exec(void)
{
    ArmTranslation t;
    ArmFault f;
    int el0 = arm_mmu_idx_make(ARMSS_NONSECURE, MMUK_E10_0);

    setup();
    map4k(env.ttbr0_el[1], 0x1000, 0x40800000, AF);                          /* RW EL1 */
    map4k(env.ttbr0_el[1], 0x2000, 0x40800000, AF | (2ull << 6));            /* RO EL1 */
    map4k(env.ttbr0_el[1], 0x3000, 0x40800000, AF | (3ull << 6));            /* RO both */
    map4k(env.ttbr0_el[1], 0x4000, 0x40800000, AF | (3ull << 6) | (1ull << 54));  /* UXN */
    map4k(env.ttbr0_el[1], 0x5000, 0x40800000, AF | (3ull << 6) | (1ull << 53));  /* PXN */
    g_assert_true(arm_translate(&env, 0x1000, MMU_INST_FETCH, idx_el1(), 0, &t, &f));
    g_assert_true(arm_translate(&env, 0x3000, MMU_INST_FETCH, el0, 0, &t, &f));
    g_assert_false(arm_translate(&env, 0x4000, MMU_INST_FETCH, el0, 0, &t, &f));
    g_assert_true(arm_translate(&env, 0x4000, MMU_INST_FETCH, idx_el1(), 0, &t, &f));
    g_assert_false(arm_translate(&env, 0x5000, MMU_INST_FETCH, idx_el1(), 0, &t, &f));
    g_assert_true(arm_translate(&env, 0x5000, MMU_INST_FETCH, el0, 0, &t, &f));
    /* SCTLR_EL1.WXN: writable means not executable */
    env.sctlr_el[1] |= 1ull << 19;
    g_assert_false(arm_translate(&env, 0x1000, MMU_INST_FETCH, idx_el1(), 0, &t, &f));
    g_assert_cmpint(f.type, ==, ARMFAULT_PERMISSION);
    g_assert_true(arm_translate(&env, 0x2000, MMU_INST_FETCH, idx_el1(), 0, &t, &f));
    g_assert_cmpint(t.prot, ==, PAGE_READ | PAGE_EXEC);
    env.sctlr_el[1] &= ~(1ull << 19);
    /* PXNTable and UXNTable on the level 2 descriptor of the region at 0x200000 */
    map4k(env.ttbr0_el[1], 0x200000, 0x40800000, AF | (3ull << 6));
    uint64_t l2 = host(env.ttbr0_el[1])[0] & 0x0000fffffffff000ull;
    host(l2)[1] |= 1ull << 59;                                                /* PXNTable */
    g_assert_false(arm_translate(&env, 0x200000, MMU_INST_FETCH, idx_el1(), 0, &t, &f));
    g_assert_cmpint(f.level, ==, 3);
    g_assert_true(arm_translate(&env, 0x200000, MMU_INST_FETCH, el0, 0, &t, &f));
    host(l2)[1] ^= (1ull << 59) | (1ull << 60);                               /* UXNTable */
    g_assert_false(arm_translate(&env, 0x200000, MMU_INST_FETCH, el0, 0, &t, &f));
    g_assert_true(arm_translate(&env, 0x200000, MMU_INST_FETCH, idx_el1(), 0, &t, &f));
    g_assert_true(arm_translate(&env, 0x200000, MMU_DATA_LOAD, el0, 0, &t, &f));
}

/* RME output PA spaces: {NSE, NS} of EL3 descriptors; NS of Realm EL2 stage 1 and of Realm
 * stage 2 descriptors; Realm instruction fetches from the Non-secure PA space fault. */
static void test_rme_spaces(void)
{
    ArmTranslation t;
    ArmFault f;
    static const ArmSecuritySpace want[4] = { ARMSS_SECURE, ARMSS_NONSECURE, ARMSS_ROOT,
                                              ARMSS_REALM };

    setup();
    env.features.has_rme = true;
    env.features.has_el3 = true;
    env.tcr_el[3] = 25 | (5ull << 16);
    env.sctlr_el[3] = 1;
    env.ttbr0_el[3] = new_table();
    for (uint64_t i = 0; i < 4; i++) {
        map4k(env.ttbr0_el[3], 0x1000 * (i + 1), 0x40800000,
              AF | ((i >> 1) << 11) | ((i & 1) << 5));
    }
    for (int i = 0; i < 4; i++) {
        gpc_calls = 0;
        g_assert_true(arm_translate(&env, 0x1000 * (i + 1), MMU_DATA_LOAD, ARM_MMU_IDX_E3, 0,
                                    &t, &f));
        g_assert_cmpint(t.space, ==, want[i]);
        g_assert_cmpint(gpc_pas[0], ==, ARMSS_ROOT);          /* the walk is in Root */
        g_assert_cmpint(gpc_pas[3], ==, want[i]);             /* the output in its space */
    }
    /* Realm EL2 regime: NS selects Non-secure; no Realm fetch from there */
    env.scr_el3 = (1ull << 62) | 1;
    env.tcr_el[2] = 25 | (5ull << 16);
    env.sctlr_el[2] = 1;
    env.ttbr0_el[2] = new_table();
    map4k(env.ttbr0_el[2], 0x1000, 0x40800000, AF | (1ull << 5));
    int e2 = arm_mmu_idx_make(ARMSS_REALM, MMUK_E2);
    g_assert_true(arm_translate(&env, 0x1000, MMU_DATA_LOAD, e2, 0, &t, &f));
    g_assert_cmpint(t.space, ==, ARMSS_NONSECURE);
    g_assert_false(arm_translate(&env, 0x1000, MMU_INST_FETCH, e2, 0, &t, &f));
    g_assert_cmpint(f.type, ==, ARMFAULT_PERMISSION);
    /* Realm EL1&0 under stage 2: stage 1 NS is ignored, stage 2 NS (bit 55) selects */
    env.ttbr0_el[1] = new_table();
    map4k(env.ttbr0_el[1], 0x1000, 0x80001000ull, AF | (1ull << 5));
    uint64_t s2 = new_table(), s2l2 = new_table(), s2l3 = new_table();
    host(s2)[1] = RAM_BASE | AF | (3ull << 6) | (0xfull << 2) | 1;
    host(s2)[2] = s2l2 | 3;
    host(s2l2)[0] = s2l3 | 3;
    host(s2l3)[1] = 0x40900000ull | AF | (3ull << 6) | (0xfull << 2) | (1ull << 55) | 3;
    env.vttbr_el2 = s2;
    env.vtcr_el2 = 25 | (1 << 6) | (5ull << 16);
    env.hcr_el2 = 1;
    int e1 = arm_mmu_idx_make(ARMSS_REALM, MMUK_E10_1);
    g_assert_true(arm_translate(&env, 0x1000, MMU_DATA_LOAD, e1, PTW_S1_ONLY, &t, &f));
    g_assert_cmpint(t.space, ==, ARMSS_REALM);
    g_assert_true(arm_translate(&env, 0x1000, MMU_DATA_STORE, e1, 0, &t, &f));
    g_assert_cmpint(t.space, ==, ARMSS_NONSECURE);
    g_assert_false(arm_translate(&env, 0x1000, MMU_INST_FETCH, e1, 0, &t, &f));
    g_assert_true(f.stage2 && f.type == ARMFAULT_PERMISSION);
}

/* The size of the stage 1 mapping a TLBI by VA must reach (ArmTranslation.lg_size): the page,
 * the block, or with the Contiguous bit (descriptor bit 52) the run of 16 entries (4K granule,
 * Arm ARM D8.6.1); a page with stage 1 off. */
static void test_mapping_size(void)
{
    ArmTranslation t;
    ArmFault f;
    uint64_t contig = 1ull << 52;

    setup();
    map4k(env.ttbr0_el[1], 0x12345000, 0x40800000, AF | ATTR_NORMAL);
    map4k(env.ttbr0_el[1], 0x12346000, 0x40801000, AF | ATTR_NORMAL | contig);
    uint64_t l2 = host(env.ttbr0_el[1])[0] & 0x0000fffffffff000ull;
    host(l2)[0x100] = 0x40a00000 | AF | ATTR_NORMAL | 1;            /* VA 0x20000000: 2 MiB */
    host(l2)[0x101] = 0x40c00000 | AF | ATTR_NORMAL | contig | 1;   /* VA 0x20200000 */
    g_assert_true(arm_translate(&env, 0x12345008, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmpint(t.lg_size, ==, 12);
    g_assert_true(arm_translate(&env, 0x12346008, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmpint(t.lg_size, ==, 16);
    g_assert_true(arm_translate(&env, 0x20012345, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmphex(t.pa, ==, 0x40a12345);
    g_assert_cmpint(t.lg_size, ==, 21);
    g_assert_true(arm_translate(&env, 0x20212345, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmpint(t.lg_size, ==, 25);
    env.sctlr_el[1] = 0;
    g_assert_true(arm_translate(&env, 0x40012345, MMU_DATA_LOAD, idx_el1(), 0, &t, &f));
    g_assert_cmpint(t.lg_size, ==, 12);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    address_space_init(&as_s, "secure");
    address_space_init(&as_ns, "non-secure");
    MemoryRegion *mr = memory_region_new_ram("ram", RAM_BASE, RAM_SIZE);
    address_space_add(&as_s, mr);
    address_space_add(&as_ns, mr);
    ram = mr->ram;
    g_test_add_func("/ptw/walk-and-gpc", test_walk_and_gpc);
    g_test_add_func("/ptw/faults", test_faults);
    g_test_add_func("/ptw/stage2", test_stage2);
    g_test_add_func("/ptw/secure-ns", test_secure_ns);
    g_test_add_func("/ptw/exec", test_exec);
    g_test_add_func("/ptw/rme-spaces", test_rme_spaces);
    g_test_add_func("/ptw/mapping-size", test_mapping_size);
    return g_test_run();
}
