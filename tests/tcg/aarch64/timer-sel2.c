/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Secure EL2 timers (FEAT_SEL2): CNTHPS/CNTHVS access, TVAL, E2H redirection, PPIs 20/19. */
#include "gicv3.h"

/*
 * Runs on virt,secure=on,virtualization=on,gic-version=3, entered at EL3.
 * Expectations come from the Arm ARM (DDI 0487) D24.10 register descriptions:
 *  - CNTHPS_{CTL,CVAL,TVAL}_EL2 (op1 4, CRm 5) and CNTHVS_*_EL2 (op1 4, CRm 4, also needs
 *    FEAT_VHE): UNDEFINED at EL0, at EL1 (no FEAT_NV), at EL2 outside Secure state and at EL3
 *    when SCR_EL3.EEL2 = 0;
 *  - TVAL writes: CVAL = SignExtend(TVAL<31:0>) + PhysicalCountInt() for both timers (no
 *    CNTVOFF_EL2 in the Secure EL2 virtual timer's TVAL view);
 *  - CNTP_*_EL0 / CNTV_*_EL0 name CNTHPS / CNTHVS when ELIsInHost(PSTATE.EL) in Secure state,
 *    CNTHP / CNTHV outside it; CNTHP_*_EL2 and CNTHV_*_EL2 keep naming the Non-secure EL2
 *    timers at Secure EL2 (their pseudocode has no Secure case);
 *  - CNTPS_*_EL1 at Secure EL1: UNDEFINED when SCR_EL3.EEL2 = 1, before the SCR_EL3.ST check;
 *  - CNTP_*_EL0 at Secure EL1 trapped by CNTHCTL_EL2.EL1PCEN only when EL2Enabled().
 * Interrupts: the virt board wires the Secure EL2 physical timer to PPI 20 and the Secure EL2
 * virtual timer to PPI 19 (upstream QEMU's ARCH_TIMER_S_EL2_IRQ / _VIRT_IRQ; Arm BSA). GICv3
 * (IHI 0069) 4.6.2: in Secure state below EL3, Group 1 Secure is signalled as IRQ and Group 0 as
 * FIQ; HCR_EL2.IMO/FMO route them to EL2 (Arm ARM D1.3.6). The PPIs are level-sensitive, so
 * their pending state follows ISTATUS && !IMASK.
 */
#define PPI_SEL2_VIRT   19
#define PPI_SEL2_PHYS   20
#define HCR_FMO         (1ULL << 3)
#define HCR_IMO         (1ULL << 4)
#define HCR_TGE         (1ULL << 27)
#define HCR_E2H         (1ULL << 34)
#define SCR_NS          (1ULL << 0)
#define SCR_ST          (1ULL << 11)
#define SCR_EEL2        (1ULL << 18)
#define CTL_ENABLE      1
#define CTL_IMASK       2
#define CTL_ISTATUS     4
#define ESR_UNDEF       (0ULL << 26 | ESR_IL)   /* EC 0x00 Unknown reason, IL = 1 */

/* Encodings by number, so that the assembler's -march does not matter; rd/wr expand them
 * before read_sysreg/write_sysreg turn the name into text. */
#define rd(r) read_sysreg(r)
#define wr(v, r) write_sysreg(v, r)
#define cnthps_tval_el2 S3_4_C14_C5_0
#define cnthps_ctl_el2  S3_4_C14_C5_1
#define cnthps_cval_el2 S3_4_C14_C5_2
#define cnthvs_tval_el2 S3_4_C14_C4_0
#define cnthvs_ctl_el2  S3_4_C14_C4_1
#define cnthvs_cval_el2 S3_4_C14_C4_2
#define cnthv_cval_el2  S3_4_C14_C3_2

static u64 tick;

/* ---- UNDEFINED and trap checks ---- */

static void expect_exc(const char *what, unsigned el, u64 esr, u64 esr_mask)
{
    int taken = exc_taken();

    check_true(taken, "%s: exception taken", what);
    if (taken) {
        check_eq(exc_last.el, el, "%s: taken to the expected EL", what);
        check_eq(exc_last.esr & esr_mask, esr, "%s: ESR", what);
    }
}

#define UNDEF_READ(reg, el, what) do { \
        exc_expect(0); \
        (void)rd(reg); \
        expect_exc(what, el, ESR_UNDEF, ~0ULL); \
    } while (0)
#define UNDEF_WRITE(reg, el, what) do { \
        exc_expect(0); \
        wr(1, reg); \
        expect_exc(what, el, ESR_UNDEF, ~0ULL); \
    } while (0)

/* ESR of an MRS of CNTP_CTL_EL0 trapped with EC 0x18 (ISS: Op0 3, Op2 1, Op1 3, CRn 14, CRm 2,
 * direction read; Rt masked out). */
#define ESR_CNTP_CTL_READ ((0x18ULL << 26) | ESR_IL | (3 << 20) | (1 << 17) | (3 << 14) | \
                           (14 << 10) | (2 << 1) | 1)
#define ESR_RT_MASK (~(0x1fULL << 5))

/* ---- interrupts ---- */

static volatile unsigned irqs;
static volatile u64 last_intid, last_vec, last_el, last_ctl, last_count, last_cval;

static void hook(struct exc_frame *f)
{
    int fiq = (f->vec & 0x180) == VEC_FIQ;
    u64 intid = (fiq ? rd(icc_iar0_el1) : rd(icc_iar1_el1)) & 0xffffff;

    last_intid = intid;
    last_vec = f->vec;
    last_el = f->el;
    last_count = rd(cntpct_el0);
    if (intid == PPI_SEL2_PHYS) {
        last_ctl = rd(cnthps_ctl_el2);
        last_cval = rd(cnthps_cval_el2);
        wr(0, cnthps_ctl_el2);
    } else if (intid == PPI_SEL2_VIRT) {
        last_ctl = rd(cnthvs_ctl_el2);
        last_cval = rd(cnthvs_cval_el2);
        wr(0, cnthvs_ctl_el2);
    }
    isb();
    if (intid < 1020) {
        if (fiq) {
            wr(intid, icc_eoir0_el1);
        } else {
            wr(intid, icc_eoir1_el1);
        }
    }
    isb();
    irqs++;
}

/* Unmask IRQ and FIQ and wait (at most 2 s of counter time) for one interrupt. */
static void wait_irq(void)
{
    u64 start = rd(cntpct_el0), frq = rd(cntfrq_el0);

    asm volatile("msr daifclr, #3" ::: "memory");
    while (!irqs && rd(cntpct_el0) - start < 2 * frq) {
        asm volatile("wfi" ::: "memory");
    }
    asm volatile("msr daifset, #3" ::: "memory");
}

/* Poll the PPI's pending bit until it equals want (at most 100 ms of counter time). */
static int pending_becomes(unsigned intid, int want)
{
    u64 start = rd(cntpct_el0), frq = rd(cntfrq_el0);

    while (gic_private_pending(intid) != want && rd(cntpct_el0) - start < frq / 10) {
        /* the timer output reaches the redistributor */
    }
    return gic_private_pending(intid);
}

static void expect_irq(const char *what, unsigned intid, unsigned vec)
{
    check_eq(irqs, 1, "%s: one interrupt", what);
    check_eq(last_intid, intid, "%s: INTID", what);
    check_eq(last_el, 2, "%s: taken to EL2", what);
    check_eq(last_vec, vec, "%s: vector", what);
    check_eq(last_ctl, CTL_ENABLE | CTL_ISTATUS, "%s: CTL.ISTATUS = 1 in the handler", what);
    check_true(last_count >= last_cval, "%s: taken once the count reached CVAL", what);
}

/* ---- Secure EL0 and EL1 ---- */

static u64 s_el0(u64 arg)
{
    (void)arg;
    UNDEF_READ(cnthps_ctl_el2, 1, "Secure EL0: MRS CNTHPS_CTL_EL2");
    UNDEF_READ(cnthvs_cval_el2, 1, "Secure EL0: MRS CNTHVS_CVAL_EL2");
    return 0;
}

static u64 s_el1(u64 arg)
{
    (void)arg;
    check_eq(current_el(), 1, "Secure EL1 reached");
    UNDEF_READ(cnthps_ctl_el2, 1, "Secure EL1: MRS CNTHPS_CTL_EL2");
    UNDEF_WRITE(cnthps_tval_el2, 1, "Secure EL1: MSR CNTHPS_TVAL_EL2");
    UNDEF_READ(cnthvs_ctl_el2, 1, "Secure EL1: MRS CNTHVS_CTL_EL2");
    UNDEF_WRITE(cnthvs_cval_el2, 1, "Secure EL1: MSR CNTHVS_CVAL_EL2");
    UNDEF_READ(cnthp_ctl_el2, 1, "Secure EL1: MRS CNTHP_CTL_EL2");
    /* SCR_EL3.ST = 1 would allow CNTPS_*_EL1, but EEL2 = 1 makes them UNDEFINED */
    UNDEF_READ(cntps_ctl_el1, 1, "Secure EL1, SCR_EL3.{EEL2,ST} = {1,1}: MRS CNTPS_CTL_EL1");
    UNDEF_WRITE(cntps_cval_el1, 1, "Secure EL1, SCR_EL3.{EEL2,ST} = {1,1}: MSR CNTPS_CVAL_EL1");
    /* Secure EL2 set CNTHCTL_EL2.EL1PCEN = 0: the EL1 physical timer traps to EL2 */
    exc_expect(0);
    (void)rd(cntp_ctl_el0);
    expect_exc("Secure EL1, CNTHCTL_EL2.EL1PCEN = 0: MRS CNTP_CTL_EL0", 2, ESR_CNTP_CTL_READ,
               ESR_RT_MASK);
    call_at_el(0, s_el0, 0);
    return 0;
}

/* Secure EL1 with SCR_EL3.EEL2 = 0 (called from EL3): CNTPS is allowed (ST = 1), CNTHCTL_EL2
 * does not apply. */
static u64 s_el1_no_sel2(u64 arg)
{
    u64 v;

    exc_expect(0);
    wr(arg, cntps_cval_el1);
    v = rd(cntps_cval_el1);
    check_true(!exc_taken(), "Secure EL1, SCR_EL3.{EEL2,ST} = {0,1}: CNTPS_CVAL_EL1 accessible");
    check_eq(v, arg, "Secure EL1, EEL2 = 0: CNTPS_CVAL_EL1 read-back");
    exc_expect(0);
    (void)rd(cntp_ctl_el0);
    check_true(!exc_taken(),
               "Secure EL1, EEL2 = 0, CNTHCTL_EL2.EL1PCEN = 0: CNTP_CTL_EL0 not trapped");
    return 0;
}

/* Secure EL0 in the host regime (HCR_EL2.{E2H,TGE} = {1,1}): CNTP_CVAL_EL0 is CNTHPS_CVAL_EL2. */
static u64 s_el0_host(u64 v)
{
    wr(v, cntp_cval_el0);
    isb();
    UNDEF_READ(cnthps_ctl_el2, 2, "Secure EL0 host (TGE = 1): MRS CNTHPS_CTL_EL2");
    return rd(cntp_cval_el0);
}

/* ---- Secure EL2 ---- */

static void sel2_tval(void)
{
    u64 p1, p2, cval, t;

    /* CNTHPS_TVAL_EL2 write: CVAL = count + SignExtend(TVAL) */
    p1 = rd(cntpct_el0);
    wr(1000 * tick, cnthps_tval_el2);
    isb();
    p2 = rd(cntpct_el0);
    cval = rd(cnthps_cval_el2);
    check_true(cval >= p1 + 1000 * tick && cval <= p2 + 1000 * tick,
               "CNTHPS_TVAL_EL2 write: CVAL = CNTPCT + TVAL");
    /* negative TVAL, bits [63:32] of the written value ignored */
    p1 = rd(cntpct_el0);
    wr(0xabcd0000ffffff00ULL, cnthps_tval_el2);         /* -256 */
    isb();
    p2 = rd(cntpct_el0);
    cval = rd(cnthps_cval_el2);
    check_true(cval >= p1 - 256 && cval <= p2 - 256,
               "CNTHPS_TVAL_EL2 write: TVAL<31:0> sign-extended");
    /* TVAL read: (CVAL - count)<31:0>, zero-extended */
    cval = p2 + 100000 * tick;
    wr(cval, cnthps_cval_el2);
    wr(CTL_ENABLE | CTL_IMASK, cnthps_ctl_el2);
    isb();
    p1 = rd(cntpct_el0);
    t = rd(cnthps_tval_el2);
    p2 = rd(cntpct_el0);
    check_true(t <= cval - p1 && t >= cval - p2, "CNTHPS_TVAL_EL2 read = CVAL - CNTPCT");
    wr(0, cnthps_ctl_el2);

    /* CNTHVS: the physical count, whatever CNTVOFF_EL2 holds */
    wr(1ULL << 40, cntvoff_el2);
    isb();
    p1 = rd(cntpct_el0);
    wr(500 * tick, cnthvs_tval_el2);
    isb();
    p2 = rd(cntpct_el0);
    cval = rd(cnthvs_cval_el2);
    check_true(cval >= p1 + 500 * tick && cval <= p2 + 500 * tick,
               "CNTHVS_TVAL_EL2 write: CVAL = CNTPCT + TVAL (CNTVOFF_EL2 not applied)");
    wr(0, cntvoff_el2);
    isb();
}

/* CNTHP_*_EL2 / CNTHV_*_EL2 at Secure EL2 are the Non-secure EL2 timers' registers. */
static void sel2_distinct(void)
{
    wr(0x1111, cnthp_cval_el2);
    wr(0x2222, cnthps_cval_el2);
    wr(0x3333, cnthv_cval_el2);
    wr(0x4444, cnthvs_cval_el2);
    isb();
    check_eq(rd(cnthp_cval_el2), 0x1111, "Secure EL2: CNTHP_CVAL_EL2 is its own register");
    check_eq(rd(cnthps_cval_el2), 0x2222, "Secure EL2: CNTHPS_CVAL_EL2 read-back");
    check_eq(rd(cnthv_cval_el2), 0x3333, "Secure EL2: CNTHV_CVAL_EL2 is its own register");
    check_eq(rd(cnthvs_cval_el2), 0x4444, "Secure EL2: CNTHVS_CVAL_EL2 read-back");
}

static void sel2_interrupts(void)
{
    /* PPI 20 follows CNTHPS's ISTATUS && !IMASK (level-sensitive) */
    wr(rd(cntpct_el0) - 1, cnthps_cval_el2);
    wr(CTL_ENABLE | CTL_IMASK, cnthps_ctl_el2);
    isb();
    check_eq(rd(cnthps_ctl_el2), CTL_ENABLE | CTL_IMASK | CTL_ISTATUS,
             "CNTHPS: ISTATUS = 1 once CVAL is reached, IMASK kept");
    check_eq(pending_becomes(PPI_SEL2_PHYS, 0), 0, "CNTHPS masked by IMASK: PPI 20 not pending");
    wr(CTL_ENABLE, cnthps_ctl_el2);
    isb();
    check_eq(pending_becomes(PPI_SEL2_PHYS, 1), 1, "CNTHPS unmasked: PPI 20 pending");
    check_eq(rd(icc_hppir1_el1) & 0xffffff, PPI_SEL2_PHYS,
             "CNTHPS: ICC_HPPIR1_EL1 at Secure EL2 = 20 (Group 1 Secure)");
    wr(0, cnthps_ctl_el2);
    isb();
    check_eq(pending_becomes(PPI_SEL2_PHYS, 0), 0, "CNTHPS disabled: PPI 20 no longer pending");
    check_eq(rd(cnthps_ctl_el2), 0, "CNTHPS disabled: CTL reads 0");

    /* CNTHPS -> PPI 20, Group 1 Secure: IRQ at Secure EL2 (HCR_EL2.IMO) */
    irqs = 0;
    wr(20 * tick, cnthps_tval_el2);
    wr(CTL_ENABLE, cnthps_ctl_el2);
    isb();
    wait_irq();
    expect_irq("CNTHPS", PPI_SEL2_PHYS, VEC_CUR_SPX | VEC_IRQ);

    /* CNTHVS -> PPI 19, Group 0: FIQ at Secure EL2 (HCR_EL2.FMO) */
    irqs = 0;
    wr(10000 * tick, cnthvs_tval_el2);                 /* one second ahead */
    wr(CTL_ENABLE, cnthvs_ctl_el2);
    isb();
    check_eq(rd(cnthvs_ctl_el2), CTL_ENABLE, "CNTHVS: ISTATUS 0 before CVAL");
    check_eq(gic_private_pending(PPI_SEL2_VIRT), 0, "CNTHVS: PPI 19 not pending before CVAL");
    wr(20 * tick, cnthvs_tval_el2);
    isb();
    wait_irq();
    expect_irq("CNTHVS", PPI_SEL2_VIRT, VEC_CUR_SPX | VEC_FIQ);
}

/* HCR_EL2.E2H = 1 at Secure EL2: the CNTP/CNTV encodings name CNTHPS/CNTHVS. */
static void sel2_e2h(void)
{
    u64 hcr = rd(hcr_el2);

    wr(hcr | HCR_E2H, hcr_el2);
    isb();
    wr(0x5555, cntp_cval_el0);
    wr(0x6666, cntv_cval_el0);
    isb();
    check_eq(rd(cnthps_cval_el2), 0x5555, "Secure EL2, E2H: CNTP_CVAL_EL0 is CNTHPS_CVAL_EL2");
    check_eq(rd(cnthvs_cval_el2), 0x6666, "Secure EL2, E2H: CNTV_CVAL_EL0 is CNTHVS_CVAL_EL2");
    check_eq(rd(cnthp_cval_el2), 0x1111, "Secure EL2, E2H: CNTHP_CVAL_EL2 untouched");
    check_eq(rd(cnthv_cval_el2), 0x3333, "Secure EL2, E2H: CNTHV_CVAL_EL2 untouched");
    irqs = 0;
    wr(20 * tick, cntp_tval_el0);
    wr(CTL_ENABLE, cntp_ctl_el0);
    isb();
    check_eq(rd(cnthps_ctl_el2), CTL_ENABLE, "Secure EL2, E2H: CNTP_CTL_EL0 is CNTHPS_CTL_EL2");
    wait_irq();
    expect_irq("Secure EL2, E2H: CNTP_*_EL0", PPI_SEL2_PHYS, VEC_CUR_SPX | VEC_IRQ);
    irqs = 0;
    wr(20 * tick, cntv_tval_el0);
    wr(CTL_ENABLE, cntv_ctl_el0);
    isb();
    wait_irq();
    expect_irq("Secure EL2, E2H: CNTV_*_EL0", PPI_SEL2_VIRT, VEC_CUR_SPX | VEC_FIQ);

    /* Secure EL0 with TGE = 1: the host regime, CNTHCTL_EL2.EL0PTEN (bit 9) lets it in */
    wr(hcr | HCR_E2H | HCR_TGE, hcr_el2);
    wr(0x303 | (3 << 10), cnthctl_el2);
    isb();
    check_eq(call_at_el(0, s_el0_host, 0x7777), 0x7777, "Secure EL0 host: CNTP_CVAL_EL0 read-back");
    check_eq(rd(cnthps_cval_el2), 0x7777, "Secure EL0 host: CNTP_CVAL_EL0 is CNTHPS_CVAL_EL2");
    wr(hcr, hcr_el2);
    wr(3, cnthctl_el2);
    isb();
}

static u64 s_el2(u64 arg)
{
    (void)arg;
    check_eq(current_el(), 2, "Secure EL2 reached");
    exc_expect(0);
    (void)rd(cnthps_ctl_el2);
    (void)rd(cnthvs_ctl_el2);
    check_true(!exc_taken(), "Secure EL2: CNTHPS_CTL_EL2 and CNTHVS_CTL_EL2 accessible");
    sel2_tval();
    sel2_distinct();
    wr(rd(hcr_el2) | HCR_IMO | HCR_FMO, hcr_el2);
    isb();
    irq_hook = hook;
    sel2_interrupts();
    sel2_e2h();
    irq_hook = 0;
    wr(rd(hcr_el2) & ~(HCR_IMO | HCR_FMO), hcr_el2);
    /* Secure EL1 and EL0, with CNTHCTL_EL2.EL1PCEN = 0 (EL1PCTEN = 1) */
    wr(1, cnthctl_el2);
    isb();
    call_at_el(1, s_el1, 0);
    wr(3, cnthctl_el2);
    isb();
    return 0;
}

/* ---- Non-secure EL2 ---- */

static u64 ns_el2(u64 arg)
{
    u64 hcr = rd(hcr_el2);

    (void)arg;
    UNDEF_READ(cnthps_ctl_el2, 2, "Non-secure EL2: MRS CNTHPS_CTL_EL2");
    UNDEF_WRITE(cnthps_cval_el2, 2, "Non-secure EL2: MSR CNTHPS_CVAL_EL2");
    UNDEF_READ(cnthvs_tval_el2, 2, "Non-secure EL2: MRS CNTHVS_TVAL_EL2");
    UNDEF_WRITE(cnthvs_ctl_el2, 2, "Non-secure EL2: MSR CNTHVS_CTL_EL2");
    /* E2H = 1 outside Secure state: CNTP_CVAL_EL0 is CNTHP_CVAL_EL2 */
    wr(hcr | HCR_E2H, hcr_el2);
    isb();
    wr(0x8888, cntp_cval_el0);
    isb();
    check_eq(rd(cnthp_cval_el2), 0x8888, "Non-secure EL2, E2H: CNTP_CVAL_EL0 is CNTHP_CVAL_EL2");
    wr(hcr, hcr_el2);
    isb();
    return 0;
}

void test_main(void)
{
    u64 scr = rd(scr_el3);

    if (start_el != 3) {
        skip("expects to start at EL3 (-M virt,secure=on,virtualization=on,gic-version=3)");
        return;
    }
    tick = rd(cntfrq_el0) / 10000;
    if (!tick) {
        tick = 1;
    }
    check_eq((rd(id_aa64pfr0_el1) >> 36) & 0xf, 1, "ID_AA64PFR0_EL1.SEL2 = 1");
    check_eq((rd(id_aa64mmfr1_el1) >> 8) & 0xf, 1, "ID_AA64MMFR1_EL1.VH = 1");

    /* EL3 with SCR_EL3.EEL2 = 0 */
    wr(scr & ~SCR_EEL2, scr_el3);
    isb();
    UNDEF_READ(cnthps_ctl_el2, 3, "EL3, EEL2 = 0: MRS CNTHPS_CTL_EL2");
    UNDEF_WRITE(cnthps_cval_el2, 3, "EL3, EEL2 = 0: MSR CNTHPS_CVAL_EL2");
    UNDEF_READ(cnthps_tval_el2, 3, "EL3, EEL2 = 0: MRS CNTHPS_TVAL_EL2");
    UNDEF_READ(cnthvs_ctl_el2, 3, "EL3, EEL2 = 0: MRS CNTHVS_CTL_EL2");
    UNDEF_WRITE(cnthvs_tval_el2, 3, "EL3, EEL2 = 0: MSR CNTHVS_TVAL_EL2");

    /* EL3 with EEL2 = 1: accessible */
    wr(scr | SCR_EEL2, scr_el3);
    isb();
    exc_expect(0);
    wr(0xaaaa, cnthps_cval_el2);
    wr(0xbbbb, cnthvs_cval_el2);
    check_true(!exc_taken(), "EL3, EEL2 = 1: CNTHPS_CVAL_EL2 and CNTHVS_CVAL_EL2 accessible");
    check_eq(rd(cnthps_cval_el2), 0xaaaa, "EL3: CNTHPS_CVAL_EL2 read-back");
    check_eq(rd(cnthvs_cval_el2), 0xbbbb, "EL3: CNTHVS_CVAL_EL2 read-back");
    wr(0x9999, cntp_cval_el0);             /* the EL1 timers, for later */
    wr(0x9898, cntv_cval_el0);

    /* Non-secure EL2 */
    wr(scr | SCR_EEL2, scr_el3);
    isb();
    call_at_el(2, ns_el2, 0);
    check_eq(rd(cnthps_cval_el2), 0xaaaa, "Non-secure EL2 E2H write did not reach CNTHPS");

    /* Secure EL1 with EEL2 = 0 and SCR_EL3.ST = 1 */
    wr(0, cnthctl_el2);
    wr((scr & ~(SCR_NS | SCR_EEL2)) | SCR_ST, scr_el3);
    isb();
    call_at_el(1, s_el1_no_sel2, 0x4242);
    wr(3, cnthctl_el2);

    /* Secure EL2: GIC groups first (Secure accesses from EL3) */
    gic_init();
    gic_config_private(PPI_SEL2_PHYS, GIC_G1S, 0x80, 1);
    gic_config_private(PPI_SEL2_VIRT, GIC_G0, 0x80, 1);
    wr((scr & ~SCR_NS) | SCR_EEL2 | SCR_ST, scr_el3);
    isb();
    call_at_el(2, s_el2, 0);
    wr(scr | SCR_EEL2, scr_el3);
    isb();
    check_eq(rd(cntp_cval_el0), 0x9999, "EL1 physical timer untouched by the redirected accesses");
    check_eq(rd(cntv_cval_el0), 0x9898, "EL1 virtual timer untouched by the redirected accesses");
    check_eq(rd(cnthps_cval_el2), 0x7777, "EL3: CNTHPS_CVAL_EL2 holds the Secure EL0 host write");
    wr(0, cnthps_ctl_el2);
    wr(0, cnthvs_ctl_el2);
    wr(scr, scr_el3);
    isb();
}
