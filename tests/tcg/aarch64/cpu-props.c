/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The -cpu max properties pauth=off, pauth-impdef=on and pmu=off: the ID registers say what
 * the property asks for, and the instructions and registers follow the ID registers. The
 * test runs at EL1 on plain `virt` (no EL2/EL3, so no PAuth traps). The configuration under
 * test is the semihosting command line (argument 1): "default",
 * "pauth-off", "pauth-impdef" or "pmu-off". */
#include "testlib.h"

/*
 * Arm ARM references:
 * - ID_AA64ISAR1_EL1: APA [7:4] / GPA [27:24] = 1 for QARMA5, API [11:8] / GPI [31:28] = 1 for an
 *   IMPLEMENTATION DEFINED algorithm; all four 0 means no FEAT_PAuth.
 * - PACIA (C6.2): without FEAT_PAuth the register form is UNDEFINED (EC 0); PACIASP, in the hint
 *   space, is a NOP.
 * - AddPAC / Auth (J1.1.3): with the key enabled, AUTIA of a pointer signed with the same key and
 *   modifier gives the original pointer; with another modifier the result is not the original.
 * - ID_AA64DFR0_EL1.PMUVer [11:8] = 0: no PMU, PMCR_EL0 is UNDEFINED.
 */
static char mode[32];

static void read_mode(void)
{
    u64 block[2] = { (u64)mode, sizeof(mode) };
    char *p;

    memset(mode, 0, sizeof(mode));
    semihost(SYS_GET_CMDLINE, (u64)block);
    p = mode;
    while (*p && *p != ' ') {       /* skip argument 0 */
        p++;
    }
    if (*p == ' ') {
        p++;
    }
    for (char *d = mode;; d++, p++) {   /* move the argument to the front */
        *d = *p;
        if (!*p) {
            break;
        }
    }
}

static int is(const char *m)
{
    return strcmp(mode, m) == 0;
}

static u64 undefined_at(u64 addr)
{
    return exc_taken() && exc_last.elr == addr && ESR_EC(exc_last.esr) == 0;
}

static u64 el1_pacia(u64 ptr)
{
    u64 a, v = ptr, mod = 0x1234;
    exc_expect(0);
    asm volatile("adr %0, 1f\n1:\tpacia %1, %2" : "=&r"(a), "+r"(v) : "r"(mod) : "memory");
    return undefined_at(a) ? ~0ULL : v;
}

static void pauth(void)
{
    u64 isar1 = read_sysreg(id_aa64isar1_el1);
    u64 apa = (isar1 >> 4) & 0xf, api = (isar1 >> 8) & 0xf;
    u64 gpa = (isar1 >> 24) & 0xf, gpi = (isar1 >> 28) & 0xf;
    u64 ptr = 0x0000000040123450ULL;

    if (is("pauth-off")) {
        check_eq(apa | api | gpa | gpi, 0, "pauth=off: APA, API, GPA, GPI all 0");
        check_eq(el1_pacia(ptr), ~0ULL, "pauth=off: PACIA is UNDEFINED");
        return;
    }
    if (is("pauth-impdef")) {
        check_eq(apa, 0, "pauth-impdef=on: APA = 0");
        check_eq(gpa, 0, "pauth-impdef=on: GPA = 0");
        check_eq(api, 1, "pauth-impdef=on: API = 1 (IMPLEMENTATION DEFINED algorithm)");
        check_eq(gpi, 1, "pauth-impdef=on: GPI = 1");
    } else {
        check_eq(apa, 1, "default: APA = 1 (QARMA5)");
        check_eq(gpa, 1, "default: GPA = 1");
        check_eq(api | gpi, 0, "default: API = GPI = 0");
    }
    /* With a key and EnIA set, a signed pointer authenticates back to the original. */
    write_sysreg(0x0123456789abcdefULL, apiakeylo_el1);
    write_sysreg(0xfedcba9876543210ULL, apiakeyhi_el1);
    write_sysreg(read_sysreg(sctlr_el1) | (1ULL << 31), sctlr_el1);    /* EnIA */
    isb();
    u64 signed_ptr = el1_pacia(ptr);
    check_true(signed_ptr != ~0ULL, "PACIA executes");
    check_true(signed_ptr != ptr, "PACIA inserts a PAC (pointer changed)");
    check_eq(signed_ptr & 0x0000ffffffffffffULL, ptr, "PACIA keeps the address bits");
    u64 good = signed_ptr, bad = signed_ptr, mod = 0x1234, other = 0x1235;
    asm volatile("autia %0, %1" : "+r"(good) : "r"(mod));
    asm volatile("autia %0, %1" : "+r"(bad) : "r"(other));
    check_eq(good, ptr, "AUTIA with the same modifier restores the pointer");
    check_true(bad != ptr, "AUTIA with another modifier does not restore the pointer");
    u64 s = signed_ptr;
    asm volatile("xpaci %0" : "+r"(s));
    check_eq(s, ptr, "XPACI strips the PAC");
}

static u64 el1_pmcr(u64 unused)
{
    u64 a, v = 0;
    (void)unused;
    exc_expect(0);
    asm volatile("adr %0, 1f\n1:\tmrs %1, pmcr_el0" : "=&r"(a), "=r"(v) :: "memory");
    return undefined_at(a) ? ~0ULL : v;
}

static void pmu(void)
{
    u64 pmuver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;

    if (is("pmu-off")) {
        check_eq(pmuver, 0, "pmu=off: ID_AA64DFR0_EL1.PMUVer = 0");
        check_eq(el1_pmcr(0), ~0ULL, "pmu=off: PMCR_EL0 is UNDEFINED");
    } else {
        check_true(pmuver != 0, "PMUVer non-zero (PMUv3) without pmu=off");
        check_true(el1_pmcr(0) != ~0ULL, "PMCR_EL0 readable at EL1");
    }
}

void test_main(void)
{
    read_mode();
    printf("# configuration: %s\n", mode);
    check_true(is("default") || is("pauth-off") || is("pauth-impdef") || is("pmu-off"),
               "known configuration");
    pauth();
    pmu();
}
