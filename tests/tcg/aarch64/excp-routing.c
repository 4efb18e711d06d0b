/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Asynchronous exception routing: HCR_EL2.IMO/FMO/AMO with virtual IRQ/FIQ/SError, SCR_EL3.IRQ, DAIF masking, vector offsets. */
#include "gicv3.h"

/*
 * Runs on virt,secure=on,virtualization=on,gic-version=3, entered at EL3.
 * Arm ARM D1.3.6 (asynchronous exception routing and masking: an
 * exception targeting a higher EL than the current one is not masked by
 * PSTATE; one targeting a lower EL is not taken), D1.3.7 / HCR_EL2.VI,
 * VF, VSE (virtual interrupts are taken only at EL1/EL0 and only when
 * IMO/FMO/AMO are set), D1.3.1 (vector offsets).
 */
#define HCR_RW  (1ULL << 31)
#define HCR_FMO (1ULL << 3)
#define HCR_IMO (1ULL << 4)
#define HCR_AMO (1ULL << 5)
#define HCR_VF  (1ULL << 6)
#define HCR_VI  (1ULL << 7)
#define HCR_VSE (1ULL << 8)
#define SCR_IRQ (1ULL << 1)
#define SGI     5

static void set_hcr(u64 v)
{
    write_sysreg(v, hcr_el2);
    isb();
}

static void spin(void)
{
    for (volatile int i = 0; i < 2000; i++) {
        /* let a pending interrupt in */
    }
}

/*
 * At EL1 (entered with DAIF masked): wait, then unmask the DAIF bits in x
 * and wait again.  The runtime records an asynchronous exception without
 * a hook and masks its class in the interrupted context, so each source
 * is taken once.  Returns 100 if something was taken while masked.
 */
static u64 el1_unmask(u64 daif_bits)
{
    unsigned before = async_count;
    spin();
    if (async_count != before) {
        return 100;
    }
    write_sysreg(read_sysreg(daif) & ~daif_bits, daif);
    isb();
    spin();
    return 0;
}

static u64 just_spin(u64 x)
{
    spin();
    return 0;
}

/* Asynchronous exceptions taken while running fn at a lower EL (100 + n: taken while masked). */
static unsigned async_during(u64 spsr, u64 (*fn)(u64), u64 arg)
{
    unsigned before = async_count;
    u64 r = call_lower(spsr, fn, arg);
    return r + async_count - before;
}

#define EL1H SPSR_MODE(1, 1) | SPSR_DAIF
#define EL2H SPSR_MODE(2, 1) | SPSR_DAIF

static void virtual_interrupts(void)
{
    unsigned n;

    /* vIRQ, EL1h: vector 0x280 of EL1's table. */
    set_hcr(HCR_RW | HCR_IMO | HCR_VI);
    n = async_during(EL1H, el1_unmask, 1 << 7);
    check_eq(n, 1, "vIRQ (IMO, VI): taken once at EL1 after unmasking PSTATE.I");
    check_eq(exc_last.el, 1, "vIRQ: taken to EL1");
    check_eq(exc_last.vec, VEC_CUR_SPX | VEC_IRQ, "vIRQ from EL1h: vector 0x280");
    /* EL1t: vector 0x080. */
    n = async_during(SPSR_MODE(1, 0) | SPSR_DAIF, el1_unmask, 1 << 7);
    check_eq(n, 1, "vIRQ from EL1t taken once");
    check_eq(exc_last.vec, VEC_CUR_SP0 | VEC_IRQ, "vIRQ from EL1t: vector 0x080");
    /* EL0 with PSTATE.I clear: lower EL AArch64, vector 0x480. */
    n = async_during(SPSR_MODE(0, 0), just_spin, 0);
    check_eq(n, 1, "vIRQ from EL0 taken once");
    check_eq(exc_last.el, 1, "vIRQ from EL0: taken to EL1");
    check_eq(exc_last.vec, VEC_LOWER_A64 | VEC_IRQ, "vIRQ from EL0: vector 0x480");
    /* EL0 with PSTATE.I set: masked. */
    n = async_during(SPSR_MODE(0, 0) | (1 << 7), just_spin, 0);
    check_eq(n, 0, "vIRQ masked by PSTATE.I at EL0");
    /* At EL2 virtual interrupts are never taken. */
    n = async_during(EL2H, el1_unmask, 0xf << 6);
    check_eq(n, 0, "vIRQ not taken at EL2");
    /* Without IMO, VI has no effect. */
    set_hcr(HCR_RW | HCR_VI);
    n = async_during(EL1H, el1_unmask, 1 << 7);
    check_eq(n, 0, "VI without IMO: no virtual IRQ");
    /* vIRQ is not masked by PSTATE.F, only by PSTATE.I. */
    set_hcr(HCR_RW | HCR_IMO | HCR_VI);
    n = async_during(EL1H, el1_unmask, 1 << 6);
    check_eq(n, 0, "vIRQ not unmasked by clearing PSTATE.F");

    /* vFIQ (FMO, VF): vector 0x300. */
    set_hcr(HCR_RW | HCR_FMO | HCR_VF);
    n = async_during(EL1H, el1_unmask, 1 << 6);
    check_eq(n, 1, "vFIQ (FMO, VF): taken once at EL1");
    check_eq(exc_last.vec, VEC_CUR_SPX | VEC_FIQ, "vFIQ from EL1h: vector 0x300");
    n = async_during(SPSR_MODE(0, 0), just_spin, 0);
    check_eq(n, 1, "vFIQ from EL0 taken once");
    check_eq(exc_last.vec, VEC_LOWER_A64 | VEC_FIQ, "vFIQ from EL0: vector 0x500");
    set_hcr(HCR_RW | HCR_VF);
    n = async_during(EL1H, el1_unmask, 1 << 6);
    check_eq(n, 0, "VF without FMO: no virtual FIQ");

    /*
     * vSError (AMO, VSE): vector 0x380, ESR_EL1 = EC 0x2F with the ISS
     * from VSESR_EL2 (FEAT_RAS), and HCR_EL2.VSE clears when it is taken.
     */
    if (((read_sysreg(id_aa64pfr0_el1) >> 28) & 0xf) != 0) {
        write_sysreg(0x1234, vsesr_el2);
    }
    set_hcr(HCR_RW | HCR_AMO | HCR_VSE);
    n = async_during(EL1H, el1_unmask, 1 << 8);
    check_eq(n, 1, "vSError (AMO, VSE): taken once at EL1");
    check_eq(exc_last.vec, VEC_CUR_SPX | VEC_SERROR, "vSError from EL1h: vector 0x380");
    if (((read_sysreg(id_aa64pfr0_el1) >> 28) & 0xf) != 0) {
        check_eq(exc_last.esr, 0xbe001234, "vSError: ESR_EL1 = EC 0x2F, IL, ISS from VSESR_EL2");
    }
    check_eq(read_sysreg(hcr_el2) & HCR_VSE, 0, "HCR_EL2.VSE cleared when the vSError is taken");
    set_hcr(HCR_RW | HCR_VSE);
    n = async_during(EL1H, el1_unmask, 1 << 8);
    check_eq(n, 0, "VSE without AMO: no virtual SError");
    set_hcr(HCR_RW);
}

/* ---- physical IRQ through the GIC (SGIs from EL3 use ICC_ASGI1R_EL1: Group 1 Non-secure) ---- */

static volatile unsigned irq_el, irq_vec, irq_id;

static void irq(struct exc_frame *f)
{
    irq_id = read_sysreg(icc_iar1_el1) & 0xffffff;
    if (irq_id < 1020) {
        write_sysreg(irq_id, icc_eoir1_el1);
    }
    isb();
    irq_el = f->el;
    irq_vec = f->vec;
}

static u64 send_sgi(u64 x)
{
    gic_sgi1(SGI);
    spin();
    return 0;
}

/* With IMO or FMO set, ICC_SGI1R_EL1 writes at EL1 trap to EL2 (GICv3, IHI 0069 12.2). */
static u64 el1_sgi_trapped(u64 x)
{
    exc_expect(0);
    asm volatile("mov x2, %0\n\tmsr icc_sgi1r_el1, x2" :: "r"(((u64)SGI << 24) | 1) : "x2", "memory");
    check_true(exc_taken(), "IMO: ICC_SGI1R_EL1 write at EL1 trapped");
    check_eq(exc_last.el, 2, "IMO: ICC_SGI1R_EL1 trap taken to EL2");
    /* EC 0x18, Op0 3, Op2 5, Op1 0, CRn 12, Rt 2, CRm 11, write. */
    check_eq(exc_last.esr, 0x623a3056, "IMO: ICC_SGI1R_EL1 trap ESR");
    return 0;
}

static u64 el2_masked_then_unmasked(u64 x)
{
    unsigned before = async_count;
    gic_sgi1(SGI);
    spin();
    if (async_count != before) {
        return 100;
    }
    asm volatile("msr daifclr, #2\n\tisb" ::: "memory");
    spin();
    asm volatile("msr daifset, #2\n\tisb" ::: "memory");
    return 0;
}

static void physical_irq(void)
{
    gic_init();
    gic_config_private(SGI, GIC_G1NS, 0xc0, 1);
    irq_hook = irq;

    /* HCR_EL2.IMO: an IRQ pending for EL1 goes to EL2, even with EL1's PSTATE.I set. */
    set_hcr(HCR_RW | HCR_IMO);
    gic_asgi1(SGI);
    spin();
    check_eq(gic_private_pending(SGI), 1, "IRQ routed below EL3 stays pending at EL3");
    check_eq(async_during(EL1H, just_spin, 0), 1, "IMO: IRQ at EL1 with PSTATE.I set is taken");
    check_eq(irq_el, 2, "IMO: IRQ from EL1 taken to EL2");
    check_eq(irq_vec, VEC_LOWER_A64 | VEC_IRQ, "IMO: vector 0x480 of EL2");
    check_eq(irq_id, SGI, "IMO: EL2 acknowledges the SGI");
    call_at_el(1, el1_sgi_trapped, 0);
    /* At EL2 with IMO, PSTATE.I masks (target EL = current EL); vector 0x280 once unmasked. */
    check_eq(async_during(EL2H, el2_masked_then_unmasked, 0), 1, "IMO: at EL2 masked by PSTATE.I, then taken");
    check_eq(irq_el, 2, "IMO: IRQ at EL2 taken to EL2");
    check_eq(irq_vec, VEC_CUR_SPX | VEC_IRQ, "IMO: vector 0x280 of EL2");
    /* From EL0 with IMO: EL2 as well, even with PSTATE.I set at EL0. */
    gic_asgi1(SGI);
    check_eq(async_during(SPSR_MODE(0, 0) | SPSR_DAIF, just_spin, 0), 1, "IMO: pending IRQ taken from EL0");
    check_eq(irq_el, 2, "IMO: IRQ from EL0 taken to EL2");
    check_eq(irq_vec, VEC_LOWER_A64 | VEC_IRQ, "IMO: from EL0 vector 0x480");

    /* SCR_EL3.IRQ wins over HCR_EL2.IMO. */
    write_sysreg(read_sysreg(scr_el3) | SCR_IRQ, scr_el3);
    isb();
    gic_asgi1(SGI);
    check_eq(async_during(EL1H, just_spin, 0), 1, "SCR_EL3.IRQ and IMO: IRQ taken");
    check_eq(irq_el, 3, "SCR_EL3.IRQ and IMO: taken to EL3");
    check_eq(irq_vec, VEC_LOWER_A64 | VEC_IRQ, "SCR_EL3.IRQ: vector 0x480 of EL3");
    check_eq(async_during(EL2H, send_sgi, 0), 1, "SCR_EL3.IRQ: IRQ from EL2 with PSTATE.I set taken");
    check_eq(irq_el, 3, "SCR_EL3.IRQ: from EL2 taken to EL3");
    write_sysreg(read_sysreg(scr_el3) & ~SCR_IRQ, scr_el3);
    isb();

    /* Neither: EL1 masks with PSTATE.I; EL2 does not take an IRQ meant for EL1. */
    set_hcr(HCR_RW);
    check_eq(async_during(EL1H, send_sgi, 0), 0, "no routing: EL1 PSTATE.I masks the IRQ");
    check_eq(async_during(EL2H, el2_masked_then_unmasked, 0), 0, "no routing: not taken at EL2");
    check_eq(async_during(EL1H, el1_unmask, 1 << 7), 1, "no routing: taken at EL1 once unmasked");
    check_eq(irq_el, 1, "no routing: taken to EL1");
    check_eq(irq_vec, VEC_CUR_SPX | VEC_IRQ, "no routing: vector 0x280 of EL1");
    check_eq(gic_private_pending(SGI), 0, "no SGI left pending");
    irq_hook = 0;
}

void test_main(void)
{
    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2 (-M virt,secure=on,virtualization=on,gic-version=3)");
        return;
    }
    virtual_interrupts();
    physical_irq();
}
