/* SPDX-License-Identifier: GPL-2.0-or-later */
/* RME tracing: RMI calls from NS-EL2 and RSI calls from Realm EL1 (trapped to Realm EL2 by
 * HCR_EL2.TSC), answered by a stand-in RMM, for the -d rmi,rsi lines the runner expects. */
#include "testlib.h"

/*
 * Runs on Granule with -M virt,rme=on -d rmi,rsi. EL3 plays the monitor and RMM for RMI (the
 * SMC from NS-EL2 is taken to EL3, EC 0x17, preferred return past the SMC); Realm EL2 plays
 * the RMM for RSI (the SMC from Realm EL1 is trapped by HCR_EL2.TSC: EC 0x17 at EL2 with ELR
 * at the SMC itself, Arm ARM D1.4 "SMC ... trapped"). The function IDs are RMM 1.0-REL0
 * (SMC64 fast calls, OEN 4). The meson entry lists the log lines that must appear.
 */
#define SCR_NS      (1ULL << 0)
#define SCR_NSE     (1ULL << 62)
#define HCR_TSC     (1ULL << 19)

static int fake_rmm(struct exc_frame *f)
{
    if (ESR_EC(f->esr) != 0x17 || (f->esr & 0xffff) != 0) {
        return 0;
    }
    u64 fid = f->x[0];
    /* results: status 0 (success) except for the unknown IDs: 1 (ERROR_INPUT) */
    f->x[0] = (fid == 0xc4000170 || fid == 0xc40001a5) ? 1 : 0;
    f->x[1] = fid == 0xc4000150 ? 0x10000 : fid == 0xc4000190 ? 0x10000 : 0x11;
    f->x[2] = fid == 0xc4000150 ? 0x10000 : 0x22;
    f->x[3] = 0;
    f->x[4] = 0;
    if (f->el == 2) {
        f->elr += 4;        /* a trapped SMC returns to itself */
    }
    return 1;
}

static u64 smc(u64 fid, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5, u64 *r1)
{
    register u64 x0 asm("x0") = fid, x1 asm("x1") = a1, x2 asm("x2") = a2, x3 asm("x3") = a3;
    register u64 x4 asm("x4") = a4, x5 asm("x5") = a5, x6 asm("x6") = 0;
    asm volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6)
                 :: "memory", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
                    "x16", "x17");
    *r1 = x1;
    return x0;
}

static u64 host(u64 unused)
{
    u64 r1;
    (void)unused;
    check_eq(smc(0xc4000150, 0x10000, 0, 0, 0, 0, &r1), 0, "RMI_VERSION status");
    check_eq(r1, 0x10000, "RMI_VERSION x1");
    check_eq(smc(0xc4000151, 0x46000000, 0, 0, 0, 0, &r1), 0, "RMI_GRANULE_DELEGATE status");
    check_eq(smc(0xc4000153, 0x46001000, 0x46002000, 0x8000, 0x46003000, 1, &r1), 0,
             "RMI_DATA_CREATE status");
    check_eq(smc(0xc4000170, 7, 0, 0, 0, 0, &r1), 1, "unknown RMI 0xc4000170 status");
    return 0;
}

static u64 realm(u64 unused)
{
    u64 r1;
    (void)unused;
    check_eq(smc(0xc4000190, 0x10000, 0, 0, 0, 0, &r1), 0, "RSI_VERSION status");
    check_eq(smc(0xc4000198, 0x1000, 0x2000, 0, 0, 0, &r1), 0, "RSI_IPA_STATE_GET status");
    check_eq(r1, 0x11, "RSI_IPA_STATE_GET x1");
    check_eq(smc(0xc40001a5, 0, 0, 0, 0, 0, &r1), 1, "unknown RSI 0xc40001a5 status");
    return 0;
}

void test_main(void)
{
    if (current_el() != 3 || ((read_sysreg(id_aa64pfr0_el1) >> 52) & 0xf) == 0) {
        skip("needs EL3 and FEAT_RME (-M virt,rme=on)");
        return;
    }
    sync_hook = fake_rmm;
    u64 scr = read_sysreg(scr_el3);
    call_at_el(2, host, 0);                              /* Non-secure EL2 */
    write_sysreg(scr | SCR_NS | SCR_NSE, scr_el3);       /* Realm */
    write_sysreg(read_sysreg(hcr_el2) | HCR_TSC, hcr_el2);
    isb();
    call_at_el(1, realm, 0);
    write_sysreg(read_sysreg(hcr_el2) & ~HCR_TSC, hcr_el2);
    write_sysreg(scr, scr_el3);
    isb();
    sync_hook = 0;
}
