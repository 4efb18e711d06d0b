/* SPDX-License-Identifier: GPL-2.0-or-later */
/* FEAT_PAuth (Arm ARM D8.10 "Pointer authentication", J1.1.3 AddPAC/Authenticate/Strip/
 * ComputePAC, C6.2 instruction pages): PAC values with fixed keys, AUT success and failure,
 * XPAC, the hint forms, the combined branches, ERETAA/ERETAB and LDRAA/LDRAB, the SCTLR_ELx
 * enables, TBI/TBID and TxSZ at EL1, EL2 and EL2 with E2H (the EL2&0 regime's two ranges), and
 * the HCR_EL2.{API,APK} / SCR_EL3.{API,APK} traps.
 *
 * Runs on virt,secure=on,virtualization=on (entered at EL3). The CPU is QEMU 7.2's `max`
 * level: ID_AA64ISAR1_EL1.APA = 1 (QARMA5), GPA = 1, no FEAT_PAuth2/FPAC, so a failed AUT
 * corrupts the pointer (Authenticate(): error code key_number:NOT(key_number) in bits
 * [62:61], or [54:53] with TBI) instead of raising EC 0x1C.
 *
 * Expectations: the exact PAC values (EXP_*) are those Debian's QEMU 7.2 computes with these
 * keys (the reference run of this test); everything else follows from the pseudocode: AUT
 * undoes PAC, the error code, Strip, the bits PAC leaves alone, the enables, and PACGA on the
 * published QARMA-64 test vector (Avanzi, ToSC 2017(1): sigma2, r = 5). */
#include "testlib.h"

#define SCTLR_EnIA (1ULL << 31)
#define SCTLR_EnIB (1ULL << 30)
#define SCTLR_EnDA (1ULL << 27)
#define SCTLR_EnDB (1ULL << 13)
#define SCTLR_EN_ALL (SCTLR_EnIA | SCTLR_EnIB | SCTLR_EnDA | SCTLR_EnDB)
#define HCR_APK (1ULL << 40)
#define HCR_API (1ULL << 41)
#define SCR_APK (1ULL << 16)
#define SCR_API (1ULL << 17)
#define TCR_T0SZ(n) ((u64)(n))
#define TCR_T1SZ(n) ((u64)(n) << 16)
#define TCR_TBI0 (1ULL << 37)
#define TCR_TBI1 (1ULL << 38)
#define TCR_TBID0 (1ULL << 51)

#define ESR_PACTRAP ((0x09ULL << 26) | ESR_IL)   /* TrapPACUse: EC 0x09, ISS 0 */
/* EC 0x18 for MRS/MSR of AP*Key*_EL1 (op0 3, op1 0, CRn 2) with Rt = x5 */
#define ESR_KEY(crm, op2, read) \
    ((0x18ULL << 26) | ESR_IL | (3ULL << 20) | ((u64)(op2) << 17) | (2ULL << 10) | (5 << 5) | \
     ((u64)(crm) << 1) | (read))

/* Values computed by Debian's QEMU 7.2 (reference run). */
#define EXP_PACIA_LOW   0x2306000040201234ULL
#define EXP_PACIB_LOW   0x6959000040201234ULL
#define EXP_PACDA_LOW   0x5e62000040201234ULL
#define EXP_PACDB_LOW   0x3e0e000040201234ULL
#define EXP_PACIA_HIGH  0x60f7800012345678ULL
#define EXP_PACIB_HIGH  0x9ab6800012345678ULL
#define EXP_PACDA_HIGH  0x78a8800012345678ULL
#define EXP_PACDB_HIGH  0x5abc800012345678ULL
#define EXP_PACIZA      0x8b14000040201234ULL
#define EXP_PACIZB      0x152c000040201234ULL
#define EXP_PACDZA      0xd87b000040201234ULL
#define EXP_PACDZB      0xda2c000040201234ULL
#define EXP_PACIA_NONC  0x6306000040201234ULL
#define EXP_PACGA_2     0x9760821500000000ULL
#define EXP_PACDA_TBI   0x5a54000040201234ULL
#define EXP_PACIA_TBID  0x6306000040201234ULL
#define EXP_PACDA_TBID  0x5a54000040201234ULL
#define EXP_PACIA_T0SZ25 0x2306430040201234ULL
#define EXP_PACIA_T1SZ25 0xbf9f710012345678ULL
#define EXP_PACIA_EL2   0x2306000040201234ULL
#define EXP_PACIB_EL2_TBI 0x5a66000040201234ULL
#define EXP_PACIA_EL3   0xf528000000001000ULL
#define EXP_PACIA_EL3_B55 0xb528000000001000ULL
#define EXP_PACIA_EL3_TBI_B55 0xb0000000001000ULL

static const u64 P_LOW = 0x0000000040201234ULL;
static const u64 P_HIGH = 0xffff800012345678ULL;
static const u64 P_NONC = 0x0001000040201234ULL;    /* bit 48 set: not canonical with T0SZ 16 */
static const u64 P_TAG = 0x5a00000040201234ULL;     /* top byte 0x5a */
static const u64 MOD = 0x1122334455667788ULL;

/* ---- key set-up (from EL3 or EL1) ---- */
static void set_keys(void)
{
    write_sysreg(0x0123456789abcdefULL, apiakeylo_el1);
    write_sysreg(0xfedcba9876543210ULL, apiakeyhi_el1);
    write_sysreg(0x1111222233334444ULL, apibkeylo_el1);
    write_sysreg(0x5555666677778888ULL, apibkeyhi_el1);
    write_sysreg(0x0f1e2d3c4b5a6978ULL, apdakeylo_el1);
    write_sysreg(0x8796a5b4c3d2e1f0ULL, apdakeyhi_el1);
    write_sysreg(0xdeadbeefcafef00dULL, apdbkeylo_el1);
    write_sysreg(0x0badc0de12345678ULL, apdbkeyhi_el1);
    /* QARMA-64 test vector keys: K = w0 : k0 (key0 = APGAKeyHi, key1 = APGAKeyLo) */
    write_sysreg(0x84be85ce9804e94bULL, apgakeyhi_el1);
    write_sysreg(0xec2802d4e0a488e9ULL, apgakeylo_el1);
    isb();
}

/* One instruction "insn Xd, Xn" (PAC*, AUT*) or "insn Xd" (Z forms, XPAC*) on a value. */
#define OP2(insn, v, m) ({ u64 x_ = (v); asm volatile(insn " %0, %1" : "+r"(x_) : "r"((u64)(m))); x_; })
#define OP1(insn, v) ({ u64 x_ = (v); asm volatile(insn " %0" : "+r"(x_)); x_; })

static u64 err_bits(u64 orig, int key_b, int tbi)
{
    /* Authenticate(): error_code = key_number:NOT(key_number) at [62:61] ([54:53] with TBI) */
    int shift = tbi ? 53 : 61;
    u64 code = key_b ? 2 : 1;
    return (orig & ~(3ULL << shift)) | (code << shift);
}

/* ---- EL1: values, round trips, failures, XPAC, hints ---- */
static u64 el1_values(u64 unused)
{
    write_sysreg(read_sysreg(sctlr_el1) | SCTLR_EN_ALL, sctlr_el1);
    write_sysreg(TCR_T0SZ(16) | TCR_T1SZ(16), tcr_el1);
    isb();

    u64 ia = OP2("pacia", P_LOW, MOD), ib = OP2("pacib", P_LOW, MOD);
    u64 da = OP2("pacda", P_LOW, MOD), db = OP2("pacdb", P_LOW, MOD);
    check_eq(ia, EXP_PACIA_LOW, "EXP_PACIA_LOW pacia low pointer");
    check_eq(ib, EXP_PACIB_LOW, "EXP_PACIB_LOW pacib low pointer");
    check_eq(da, EXP_PACDA_LOW, "EXP_PACDA_LOW pacda low pointer");
    check_eq(db, EXP_PACDB_LOW, "EXP_PACDB_LOW pacdb low pointer");
    /* InsertPAC without TBI: bits [47:0] and bit 55 (the range) kept, the PAC in [63:56],[54:48] */
    check_eq(ia & 0x0080ffffffffffffULL, P_LOW, "pacia keeps bits [47:0] and bit 55");
    check_true(ia != P_LOW && ib != ia && da != ia && db != da, "the four keys give four PACs");
    check_eq(OP2("autia", ia, MOD), P_LOW, "autia undoes pacia");
    check_eq(OP2("autib", ib, MOD), P_LOW, "autib undoes pacib");
    check_eq(OP2("autda", da, MOD), P_LOW, "autda undoes pacda");
    check_eq(OP2("autdb", db, MOD), P_LOW, "autdb undoes pacdb");
    check_eq(OP2("autia", ia, MOD + 1), err_bits(P_LOW, 0, 0), "autia, wrong modifier: error 01");
    check_eq(OP2("autib", ib, MOD + 1), err_bits(P_LOW, 1, 0), "autib, wrong modifier: error 10");
    check_eq(OP2("autda", ib, MOD), err_bits(P_LOW, 0, 0), "autda of an IB pointer: error 01");
    check_eq(OP2("autdb", da, MOD), err_bits(P_LOW, 1, 0), "autdb of a DA pointer: error 10");

    u64 hia = OP2("pacia", P_HIGH, MOD), hib = OP2("pacib", P_HIGH, MOD);
    u64 hda = OP2("pacda", P_HIGH, MOD), hdb = OP2("pacdb", P_HIGH, MOD);
    check_eq(hia, EXP_PACIA_HIGH, "EXP_PACIA_HIGH pacia upper-range pointer");
    check_eq(hib, EXP_PACIB_HIGH, "EXP_PACIB_HIGH pacib upper-range pointer");
    check_eq(hda, EXP_PACDA_HIGH, "EXP_PACDA_HIGH pacda upper-range pointer");
    check_eq(hdb, EXP_PACDB_HIGH, "EXP_PACDB_HIGH pacdb upper-range pointer");
    check_eq(hia & 0x0080ffffffffffffULL, P_HIGH & 0x0080ffffffffffffULL,
             "pacia upper range keeps bits [47:0] and bit 55 = 1");
    check_eq(OP2("autia", hia, MOD), P_HIGH, "autia undoes pacia (upper range)");
    check_eq(OP2("autdb", hdb, MOD), P_HIGH, "autdb undoes pacdb (upper range)");
    check_eq(OP2("autia", hia, 0), err_bits(P_HIGH, 0, 0), "autia upper range, wrong modifier");
    check_eq(OP2("autib", hib, 0), err_bits(P_HIGH, 1, 0), "autib upper range, wrong modifier");

    u64 za = OP1("paciza", P_LOW), zb = OP1("pacizb", P_LOW);
    u64 zda = OP1("pacdza", P_LOW), zdb = OP1("pacdzb", P_LOW);
    check_eq(za, EXP_PACIZA, "EXP_PACIZA paciza");
    check_eq(zb, EXP_PACIZB, "EXP_PACIZB pacizb");
    check_eq(zda, EXP_PACDZA, "EXP_PACDZA pacdza");
    check_eq(zdb, EXP_PACDZB, "EXP_PACDZB pacdzb");
    check_eq(za, OP2("pacia", P_LOW, 0), "paciza is pacia with a zero modifier");
    check_eq(zdb, OP2("pacdb", P_LOW, 0), "pacdzb is pacdb with a zero modifier");
    check_eq(OP1("autiza", za), P_LOW, "autiza undoes paciza");
    check_eq(OP1("autizb", zb), P_LOW, "autizb undoes pacizb");
    check_eq(OP1("autdza", zda), P_LOW, "autdza undoes pacdza");
    check_eq(OP1("autdzb", zdb), P_LOW, "autdzb undoes pacdzb");
    check_eq(OP1("autiza", zb), err_bits(P_LOW, 0, 0), "autiza of an IB pointer fails");

    /* Not canonical: AddPAC inverts PAC bit 62, so the AUT of the result always fails. */
    u64 nc = OP2("pacia", P_NONC, MOD);
    check_eq(nc, EXP_PACIA_NONC, "EXP_PACIA_NONC pacia of a non-canonical pointer");
    check_eq(OP2("autia", nc, MOD), err_bits(P_LOW, 0, 0), "autia of it fails, canonical result");

    /* Strip */
    check_eq(OP1("xpaci", ia), P_LOW, "xpaci strips");
    check_eq(OP1("xpacd", db), P_LOW, "xpacd strips");
    check_eq(OP1("xpaci", hib), P_HIGH, "xpaci strips (upper range: ones)");
    check_eq(OP1("xpacd", P_NONC), P_LOW, "xpacd canonicalizes bits [63:48]");

    /* PACGA: the published QARMA-64 vector; the result is PAC<63:32> : Zeros(32). */
    u64 ga;
    asm volatile("pacga %0, %1, %2" : "=r"(ga) : "r"(0xfb623599da6e8127ULL),
                 "r"(0x477d469dec0b8762ULL));
    check_eq(ga, 0xc003b93900000000ULL, "pacga on the QARMA-64 sigma2 r=5 test vector");
    asm volatile("pacga %0, %1, %2" : "=r"(ga) : "r"(P_LOW), "r"(MOD));
    check_eq(ga, EXP_PACGA_2, "EXP_PACGA_2 pacga");

    /* Hint forms: the same operations on X17/X16, X30/SP and X30/zero. */
    u64 r17, r30, r30z, sp;
    asm volatile("mov x17, %3\n\tmov x16, %4\n\tpacia1716\n\tmov %0, x17\n\t"
                 "mov x30, %3\n\tpaciasp\n\tmov %1, x30\n\tmov %2, sp\n\t"
                 : "=&r"(r17), "=&r"(r30), "=&r"(sp) : "r"(P_LOW), "r"(MOD) : "x16", "x17", "x30");
    asm volatile("mov x30, %1\n\tpaciaz\n\tmov %0, x30" : "=&r"(r30z) : "r"(P_LOW) : "x30");
    check_eq(r17, ia, "pacia1716 is pacia x17, x16");
    check_eq(r30, OP2("pacia", P_LOW, sp), "paciasp is pacia x30, sp");
    u64 rsp, gsp, gx, gy;
    asm volatile("mov %0, %3\n\tpacia %0, sp\n\tmov %1, sp\n\tpacga %2, %3, sp"
                 : "=&r"(rsp), "=&r"(gsp), "=&r"(gx) : "r"(P_LOW));
    check_eq(rsp, OP2("pacia", P_LOW, gsp), "pacia Xd, SP: Rn = 31 is SP");
    asm volatile("pacga %0, %1, %2" : "=r"(gy) : "r"(P_LOW), "r"(gsp));
    check_eq(gx, gy, "pacga Xd, Xn, SP: Rm = 31 is SP");
    check_eq(r30z, za, "paciaz is paciza x30");
    asm volatile("mov x17, %2\n\tmov x16, %3\n\tpacib1716\n\tmov %0, x17\n\t"
                 "autib1716\n\tmov %1, x17" : "=&r"(r17), "=&r"(r30) : "r"(P_LOW), "r"(MOD)
                 : "x16", "x17");
    check_eq(r17, ib, "pacib1716 is pacib x17, x16");
    check_eq(r30, P_LOW, "autib1716 undoes it");
    asm volatile("mov x30, %2\n\tpacibsp\n\tmov %0, x30\n\tautibsp\n\tmov %1, x30"
                 : "=&r"(r17), "=&r"(r30) : "r"(P_LOW) : "x30");
    check_true(r17 != P_LOW, "pacibsp signs x30");
    check_eq(r30, P_LOW, "autibsp undoes pacibsp");
    asm volatile("mov x30, %2\n\tpacibz\n\tmov %0, x30\n\tautiaz\n\tmov %1, x30"
                 : "=&r"(r17), "=&r"(r30) : "r"(P_LOW) : "x30");
    check_eq(r17, zb, "pacibz is pacizb x30");
    check_eq(r30, err_bits(P_LOW, 0, 0), "autiaz of an IB pointer fails");
    asm volatile("mov x30, %1\n\txpaclri\n\tmov %0, x30" : "=&r"(r17) : "r"(hia) : "x30");
    check_eq(r17, P_HIGH, "xpaclri strips x30");
    return 0;
}

/* ---- EL1: TBI, TBID and TxSZ move or shrink the PAC field ---- */
static u64 el1_tbi(u64 unused)
{
    write_sysreg(TCR_T0SZ(16) | TCR_T1SZ(16) | TCR_TBI0, tcr_el1);
    isb();
    u64 d = OP2("pacda", P_TAG, MOD);
    check_eq(d, EXP_PACDA_TBI, "EXP_PACDA_TBI pacda, TBI0: tag kept");
    check_eq(d & 0xff80ffffffffffffULL, P_TAG, "TBI: top byte, bit 55 and bits [47:0] kept");
    check_eq(OP2("autda", d, MOD), P_TAG, "autda undoes pacda with TBI");
    check_eq(OP2("autda", d, 0), err_bits(P_TAG, 0, 1), "autda with TBI, wrong modifier: [54:53]");
    check_eq(OP2("autia", OP2("pacia", P_TAG, MOD), MOD), P_TAG, "pacia/autia with TBI0 (no TBID)");
    check_eq(OP1("xpacd", d), P_TAG, "xpacd keeps the tag");

    write_sysreg(TCR_T0SZ(16) | TCR_T1SZ(16) | TCR_TBI0 | TCR_TBID0, tcr_el1);
    isb();
    u64 i = OP2("pacia", P_TAG, MOD);
    check_eq(i, EXP_PACIA_TBID, "EXP_PACIA_TBID pacia, TBI0 with TBID0: no TBI for instructions");
    check_eq(OP2("autia", i, MOD), err_bits(P_LOW, 0, 0),
             "TBID0: a tagged code pointer is not canonical, its AUT fails");
    check_eq(OP2("pacda", P_TAG, MOD), EXP_PACDA_TBID, "EXP_PACDA_TBID pacda, TBID0: data keeps TBI");
    check_eq(OP1("xpaci", i), P_LOW, "xpaci with TBID0 strips the top byte too");

    write_sysreg(TCR_T0SZ(25) | TCR_T1SZ(25), tcr_el1);
    isb();
    u64 s = OP2("pacia", P_LOW, MOD);
    check_eq(s, EXP_PACIA_T0SZ25, "EXP_PACIA_T0SZ25 pacia, T0SZ 25");
    check_eq(s & 0x008000ffffffffffULL, P_LOW, "T0SZ 25: bits [38:0] and bit 55 kept");
    check_eq(OP2("autia", s, MOD), P_LOW, "autia undoes it");
    u64 h = OP2("pacia", 0xffffff8012345678ULL, MOD);
    check_eq(h, EXP_PACIA_T1SZ25, "EXP_PACIA_T1SZ25 pacia, T1SZ 25, upper range");
    check_eq(OP2("autia", h, MOD), 0xffffff8012345678ULL, "autia undoes it (upper range)");

    /* SCTLR_EL1.EnIA/EnDB = 0: those keys' PAC/AUT do nothing; the others still work. */
    write_sysreg(TCR_T0SZ(16) | TCR_T1SZ(16), tcr_el1);
    write_sysreg(read_sysreg(sctlr_el1) & ~(SCTLR_EnIA | SCTLR_EnDB), sctlr_el1);
    isb();
    check_eq(OP2("pacia", P_LOW, MOD), P_LOW, "EnIA = 0: pacia is a NOP");
    check_eq(OP2("autia", P_HIGH + 0x100000000000000ULL, MOD), P_HIGH + 0x100000000000000ULL,
             "EnIA = 0: autia is a NOP");
    check_eq(OP1("pacdzb", P_LOW), P_LOW, "EnDB = 0: pacdzb is a NOP");
    check_true(OP2("pacib", P_LOW, MOD) != P_LOW, "EnIB = 1: pacib still signs");
    u64 r;
    asm volatile("mov x30, %1\n\tpaciasp\n\tmov %0, x30" : "=&r"(r) : "r"(P_LOW) : "x30");
    check_eq(r, P_LOW, "EnIA = 0: paciasp is a NOP");
    check_eq(OP1("xpaci", OP2("pacib", P_LOW, MOD)), P_LOW, "xpaci needs no enable");
    write_sysreg(read_sysreg(sctlr_el1) | SCTLR_EN_ALL, sctlr_el1);
    isb();
    return 0;
}

/* ---- combined branches and ERETAA/ERETAB (landing pads in assembly) ---- */
u64 pa_braa(u64 target, u64 mod);
u64 pa_brabz(u64 target);
u64 pa_blraa(u64 target, u64 mod);
u64 pa_blrabz(u64 target);
u64 pa_retaa(u64 target);
u64 pa_retab_bad(u64 target);
u64 pa_eretaa(u64 target);
u64 pa_eretab_bad(u64 target);
void pa_land(void);
void pa_land_lr(void);
void pa_fail(void);
void pa_blraa_ret(void);
void pa_blrabz_ret(void);
asm(".text\n.balign 4\n"
    "pa_braa: mov x9, x30\n braa x0, x1\n"
    "pa_brabz: mov x9, x30\n brabz x0\n"
    "pa_blraa: mov x9, x30\n blraa x0, x1\n"
    "pa_blraa_ret: mov x30, x9\n ret\n"
    "pa_blrabz: mov x9, x30\n blrabz x0\n"
    "pa_blrabz_ret: mov x30, x9\n ret\n"
    /* RETAA/RETAB: X30 = target, signed with SP by PACIASP */
    "pa_retaa: mov x9, x30\n mov x30, x0\n paciasp\n retaa\n"
    "pa_retab_bad: mov x9, x30\n mov x30, x0\n paciasp\n retab\n"
    /* ERETAA/ERETAB at EL1: ELR_EL1 = target signed with SP (key A), SPSR = EL1h, DAIF set */
    "pa_eretaa: mov x9, x30\n mov x1, sp\n pacia x0, x1\n msr elr_el1, x0\n mov x2, #0x3c5\n"
    " msr spsr_el1, x2\n eretaa\n"
    "pa_eretab_bad: mov x9, x30\n mov x1, sp\n pacia x0, x1\n msr elr_el1, x0\n mov x2, #0x3c5\n"
    " msr spsr_el1, x2\n eretab\n"
    "pa_land: mov x30, x9\n mov x0, #1\n ret\n"
    "pa_land_lr: mov x0, x30\n ret\n"
    "pa_fail: mov x30, x9\n mov x0, #0xfa11\n ret\n");

/* Branch to the corrupted address of a failed AUT: an Instruction Abort at EL1 (the address is
 * outside the 48-bit VA/PA: Address size or Translation fault at level 0) with FAR = that
 * address; the handler resumes at pa_fail. */
static void check_bad_branch(u64 r, u64 bad, const char *what)
{
    check_eq(r, 0xfa11, "%s: the branch faulted", what);
    check_eq(exc_last.el, 1, "%s: abort taken to EL1", what);
    check_eq(ESR_EC(exc_last.esr), 0x21, "%s: Instruction Abort, same EL", what);
    check_eq(exc_last.far, bad, "%s: FAR is the corrupted address", what);
    check_eq(exc_last.elr, bad, "%s: ELR is the corrupted address", what);
}

static u64 el1_branches(u64 unused)
{
    u64 land = (u64)pa_land, lr = (u64)pa_land_lr;

    check_eq(pa_braa(OP2("pacia", land, MOD), MOD), 1, "braa to a pacia-signed target");
    check_eq(pa_brabz(OP1("pacizb", land)), 1, "brabz to a pacizb-signed target");
    check_eq(pa_blraa(OP2("pacia", lr, MOD), MOD), (u64)pa_blraa_ret,
             "blraa: lands, X30 = the next instruction");
    check_eq(pa_blrabz(OP1("pacizb", lr)), (u64)pa_blrabz_ret,
             "blrabz: lands, X30 = the next instruction");
    check_eq(pa_retaa(land), 1, "paciasp + retaa returns to the target");
    u64 elr = 0;
    check_eq(pa_eretaa(land), 1, "eretaa returns to the signed ELR_EL1");
    elr = read_sysreg(elr_el1);
    check_eq(OP1("xpaci", elr), land, "eretaa leaves ELR_EL1 signed (unchanged)");

    exc_expect((u64)pa_fail);
    u64 r = pa_braa(OP2("pacia", land, MOD), MOD + 1);
    check_true(exc_taken(), "braa, wrong modifier: exception");
    check_bad_branch(r, err_bits(land, 0, 0), "braa, wrong modifier");
    exc_expect((u64)pa_fail);
    r = pa_brabz(OP1("paciza", land));
    check_true(exc_taken(), "brabz of an IA pointer: exception");
    check_bad_branch(r, err_bits(land, 1, 0), "brabz of an IA pointer");
    exc_expect((u64)pa_fail);
    r = pa_retab_bad(land);
    check_true(exc_taken(), "paciasp + retab: exception");
    check_bad_branch(r, err_bits(land, 1, 0), "paciasp + retab");
    exc_expect((u64)pa_fail);
    r = pa_eretab_bad(land);
    check_true(exc_taken(), "pacia + eretab: exception");
    check_bad_branch(r, err_bits(land, 1, 0), "pacia + eretab");
    return 0;
}

/* ---- LDRAA/LDRAB: base authenticated with a zero modifier, offset scaled by 8 ---- */
static volatile u64 words[8] = { 0x1000, 0x1001, 0x1002, 0x1003, 0x1004, 0x1005, 0x1006, 0x1007 };

static u64 el1_ldra(u64 unused)
{
    u64 base = (u64)&words[2], v, b;

    b = OP1("pacdza", base);
    asm volatile("ldraa %0, [%1]" : "=r"(v) : "r"(b) : "memory");
    check_eq(v, 0x1002, "ldraa [pacdza base]");
    asm volatile("ldraa %0, [%1, #8]" : "=r"(v) : "r"(b) : "memory");
    check_eq(v, 0x1003, "ldraa [base, #8]");
    asm volatile("ldraa %0, [%1, #-16]" : "=r"(v) : "r"(b) : "memory");
    check_eq(v, 0x1000, "ldraa [base, #-16]");
    asm volatile("ldraa %0, [%1, #24]!" : "=r"(v), "+r"(b) :: "memory");
    check_eq(v, 0x1005, "ldraa [base, #24]!");
    check_eq(b, base + 24, "ldraa writeback: authenticated base + offset");
    b = OP1("pacdzb", base);
    asm volatile("ldrab %0, [%1, #8]!" : "=r"(v), "+r"(b) :: "memory");
    check_eq(v, 0x1003, "ldrab [pacdzb base, #8]!");
    check_eq(b, base + 8, "ldrab writeback");

    /* LDRAA of a DB-signed base: the address is corrupted, a Data Abort at EL1. */
    b = OP1("pacdzb", base);
    v = 0x5a5a;
    exc_expect(0);
    asm volatile("ldraa %0, [%1]" : "+r"(v) : "r"(b) : "memory");
    check_true(exc_taken(), "ldraa of a DB-signed base: exception");
    check_eq(v, 0x5a5a, "ldraa that faulted leaves Xt");
    check_eq(exc_last.el, 1, "ldraa fault taken to EL1");
    check_eq(ESR_EC(exc_last.esr), 0x25, "ldraa fault: Data Abort, same EL");
    check_eq(exc_last.far, err_bits(base, 0, 0), "ldraa fault: FAR is the corrupted address");
    return 0;
}

/* ---- EL0 ---- */
static u64 el0_pacia(u64 unused)
{
    return OP2("pacia", P_LOW, MOD);
}

static u64 el0_key_read(u64 unused)
{
    u64 v = 0;
    exc_expect(0);
    asm volatile("mrs %0, apiakeylo_el1" : "+r"(v));
    return exc_taken() ? (exc_last.el << 8 | ESR_EC(exc_last.esr)) : 0xffff;
}

/* ---- traps: run one instruction at EL1 or EL2; return the EL that took it, or 0 ---- */
enum { T_PACIA, T_AUTIA, T_PACGA, T_XPACI, T_PACIASP, T_BRAA, T_KEYRD, T_KEYWR, T_GAKEYWR };
static const char *const tnames[] = { "pacia", "autia", "pacga", "xpaci", "paciasp", "braa",
                                      "mrs apiakeylo_el1", "msr apdbkeyhi_el1", "msr apgakeylo_el1" };

static u64 trap_probe(u64 which)
{
    u64 a = 0, x = P_LOW;

    exc_expect(0);
    switch (which) {
    case T_PACIA:
        asm volatile("adr %0, 1f\n1:\tpacia %1, %2" : "=&r"(a), "+r"(x) : "r"(MOD));
        break;
    case T_AUTIA:
        asm volatile("adr %0, 1f\n1:\tautia %1, %2" : "=&r"(a), "+r"(x) : "r"(MOD));
        break;
    case T_PACGA:
        asm volatile("adr %0, 1f\n1:\tpacga %1, %1, %2" : "=&r"(a), "+r"(x) : "r"(MOD));
        break;
    case T_XPACI:
        asm volatile("adr %0, 1f\n1:\txpaci %1" : "=&r"(a), "+r"(x));
        break;
    case T_PACIASP:
        asm volatile("adr %0, 1f\n1:\tpaciasp" : "=&r"(a) :: "x30");
        break;
    case T_BRAA:    /* branches to the next instruction when not trapped (key disabled) */
        asm volatile("adr %1, 2f\n\tadr %0, 1f\n1:\tbraa %1, %2\n2:" : "=&r"(a), "+r"(x) : "r"(MOD));
        break;
    case T_KEYRD:
        asm volatile("adr %0, 1f\n1:\tmrs x5, apiakeylo_el1" : "=&r"(a) :: "x5");
        break;
    case T_KEYWR:
        asm volatile("mov x5, #0\n\tadr %0, 1f\n1:\tmsr apdbkeyhi_el1, x5" : "=&r"(a) :: "x5");
        break;
    case T_GAKEYWR:
        asm volatile("mov x5, #0\n\tadr %0, 1f\n1:\tmsr apgakeylo_el1, x5" : "=&r"(a) :: "x5");
        break;
    }
    if (!exc_taken()) {
        return 0;
    }
    check_eq(exc_last.elr, a, "%s trap: ELR at the instruction", tnames[which]);
    exc_last.far = exc_last.esr;     /* keep the ESR for the caller */
    return exc_last.el;
}

static void expect_trap(const char *what, unsigned from, unsigned which, unsigned to, u64 esr)
{
    u64 el = call_at_el(from, trap_probe, which);
    check_eq(el, to, "%s: %s at EL%u taken to EL%u", what, tnames[which], from, to);
    if (to && el == to) {
        check_eq(exc_last.esr, esr, "%s: %s at EL%u: ESR", what, tnames[which], from);
    }
}

static void set_ctl(u64 hcr_bits, u64 scr_bits, u64 sctlr1)
{
    write_sysreg((read_sysreg(hcr_el2) & ~(HCR_API | HCR_APK)) | hcr_bits, hcr_el2);
    write_sysreg((read_sysreg(scr_el3) & ~(SCR_API | SCR_APK)) | scr_bits, scr_el3);
    write_sysreg((read_sysreg(sctlr_el1) & ~SCTLR_EN_ALL) | sctlr1, sctlr_el1);
    write_sysreg(read_sysreg(sctlr_el2) | SCTLR_EN_ALL, sctlr_el2);
    isb();
}

static void traps(void)
{
    const u64 all = HCR_API | HCR_APK, sall = SCR_API | SCR_APK;

    /* HCR_EL2.API = 0: enabled PAC instructions at EL1 trap to EL2 (EC 0x09); PACGA too. */
    set_ctl(HCR_APK, sall, SCTLR_EN_ALL);
    expect_trap("HCR_EL2.API=0", 1, T_PACIA, 2, ESR_PACTRAP);
    expect_trap("HCR_EL2.API=0", 1, T_AUTIA, 2, ESR_PACTRAP);
    expect_trap("HCR_EL2.API=0", 1, T_PACGA, 2, ESR_PACTRAP);
    expect_trap("HCR_EL2.API=0", 1, T_PACIASP, 2, ESR_PACTRAP);
    expect_trap("HCR_EL2.API=0", 1, T_BRAA, 2, ESR_PACTRAP);
    expect_trap("HCR_EL2.API=0 (XPAC never traps)", 1, T_XPACI, 0, 0);
    expect_trap("HCR_EL2.API=0", 0, T_PACIA, 2, ESR_PACTRAP);
    expect_trap("HCR_EL2.API=0 at EL2", 2, T_PACIA, 0, 0);
    /* ... but not when SCTLR_EL1.EnIA = 0: the instruction is a NOP first. */
    set_ctl(HCR_APK, sall, SCTLR_EnIB);
    expect_trap("HCR_EL2.API=0, EnIA=0", 1, T_PACIA, 0, 0);
    expect_trap("HCR_EL2.API=0, EnIA=0", 1, T_PACIASP, 0, 0);
    expect_trap("HCR_EL2.API=0, EnIA=0", 1, T_BRAA, 0, 0);
    expect_trap("HCR_EL2.API=0, EnIA=0 (PACGA has no enable)", 1, T_PACGA, 2, ESR_PACTRAP);

    /* SCR_EL3.API = 0: to EL3 from EL1 and EL2; HCR_EL2.API = 0 has priority at EL1. */
    set_ctl(all, SCR_APK, SCTLR_EN_ALL);
    expect_trap("SCR_EL3.API=0", 1, T_PACIA, 3, ESR_PACTRAP);
    expect_trap("SCR_EL3.API=0", 2, T_PACIA, 3, ESR_PACTRAP);
    expect_trap("SCR_EL3.API=0", 2, T_PACGA, 3, ESR_PACTRAP);
    expect_trap("SCR_EL3.API=0", 0, T_AUTIA, 3, ESR_PACTRAP);
    set_ctl(HCR_APK, SCR_APK, SCTLR_EN_ALL);
    expect_trap("HCR_EL2.API=0 and SCR_EL3.API=0", 1, T_PACIA, 2, ESR_PACTRAP);

    /* Key registers: HCR_EL2.APK = 0 traps EL1 to EL2, SCR_EL3.APK = 0 EL1/EL2 to EL3. */
    set_ctl(HCR_API, sall, SCTLR_EN_ALL);
    expect_trap("HCR_EL2.APK=0", 1, T_KEYRD, 2, ESR_KEY(1, 0, 1));
    expect_trap("HCR_EL2.APK=0", 1, T_KEYWR, 2, ESR_KEY(2, 3, 0));
    expect_trap("HCR_EL2.APK=0", 1, T_GAKEYWR, 2, ESR_KEY(3, 0, 0));
    expect_trap("HCR_EL2.APK=0 at EL2", 2, T_KEYRD, 0, 0);
    set_ctl(all, SCR_API, SCTLR_EN_ALL);
    expect_trap("SCR_EL3.APK=0", 1, T_KEYRD, 3, ESR_KEY(1, 0, 1));
    expect_trap("SCR_EL3.APK=0", 2, T_KEYWR, 3, ESR_KEY(2, 3, 0));
    set_ctl(HCR_API, SCR_API, SCTLR_EN_ALL);
    expect_trap("HCR_EL2.APK=0 and SCR_EL3.APK=0", 1, T_KEYRD, 2, ESR_KEY(1, 0, 1));
    set_ctl(all, sall, SCTLR_EN_ALL);
    expect_trap("no trap", 1, T_KEYRD, 0, 0);
    expect_trap("no trap", 1, T_PACIA, 0, 0);
}

/* ---- EL2 (HCR_EL2.E2H = 0): one VA range, TCR_EL2.T0SZ/TBI ---- */
static u64 el2_values(u64 unused)
{
    write_sysreg(read_sysreg(sctlr_el2) | SCTLR_EN_ALL, sctlr_el2);
    write_sysreg(TCR_T0SZ(16), tcr_el2);
    isb();
    u64 a = OP2("pacia", P_LOW, MOD);
    check_eq(a, EXP_PACIA_EL2, "EXP_PACIA_EL2 pacia at EL2");
    check_eq(OP2("autia", a, MOD), P_LOW, "autia undoes it at EL2");
    check_eq(OP2("autia", a, 0), err_bits(P_LOW, 0, 0), "autia at EL2, wrong modifier");
    write_sysreg(TCR_T0SZ(16) | (1ULL << 20), tcr_el2);     /* TCR_EL2.TBI */
    isb();
    u64 b = OP2("pacib", P_TAG, MOD);
    check_eq(b, EXP_PACIB_EL2_TBI, "EXP_PACIB_EL2_TBI pacib at EL2 with TBI");
    check_eq(b >> 56, 0x5a, "EL2 TBI: tag kept");
    check_eq(OP2("autib", b, MOD), P_TAG, "autib undoes it at EL2");
    write_sysreg(TCR_T0SZ(16), tcr_el2);
    isb();
    return 0;
}

/* ---- EL2 with HCR_EL2.E2H = 1: the EL2&0 regime has two VA ranges; TCR_EL2 takes the
 * TCR_EL1 layout (T1SZ at [21:16], TBI0/TBI1 at 37/38). The PAC depends only on the pointer,
 * modifier, key and field, so the values equal the EL1 ones for the same TCR. ---- */
static u64 el2_host_values(u64 unused)
{
    write_sysreg(read_sysreg(sctlr_el2) | SCTLR_EN_ALL, sctlr_el2);
    write_sysreg(TCR_T0SZ(16) | TCR_T1SZ(16), tcr_el2);
    isb();
    u64 h = OP2("pacia", P_HIGH, MOD);
    check_eq(h, EXP_PACIA_HIGH, "E2H: pacia upper-range pointer at EL2 (as at EL1)");
    check_eq(OP2("autia", h, MOD), P_HIGH, "E2H: autia undoes it");
    write_sysreg(TCR_T0SZ(16) | TCR_T1SZ(25), tcr_el2);
    isb();
    check_eq(OP2("pacia", 0xffffff8012345678ULL, MOD), EXP_PACIA_T1SZ25,
             "E2H: T1SZ 25 sizes the upper range's PAC field (as at EL1)");
    check_eq(OP2("pacia", P_LOW, MOD), EXP_PACIA_LOW, "E2H: T0SZ 16 for the lower range");
    write_sysreg(TCR_T0SZ(16) | TCR_T1SZ(16) | TCR_TBI1, tcr_el2);
    isb();
    u64 t = OP2("pacdb", 0x3cff800012345678ULL, MOD);
    check_eq(t >> 56, 0x3c, "E2H: TBI1 keeps the tag of an upper-range pointer");
    check_eq(OP2("autdb", t, MOD), 0x3cff800012345678ULL, "E2H: autdb undoes it");
    check_eq(OP2("autdb", t, 0), err_bits(0x3cff800012345678ULL, 1, 1),
             "E2H: autdb with TBI1, wrong modifier: error in [54:53]");
    write_sysreg(TCR_T0SZ(16), tcr_el2);
    isb();
    return 0;
}

/* ---- EL3: one VA range (TCR_EL3.T0SZ/TBI); bit 55 of a pointer selects nothing, but AddPAC
 * still keeps selbit (bit 63, or bit 55 with TBI) in bit 55 ---- */
static void el3_values(void)
{
    const u64 p55 = 0x0080000000001000ULL, p = 0x0000000000001000ULL;

    write_sysreg(read_sysreg(sctlr_el3) | SCTLR_EnIA, sctlr_el3);
    write_sysreg(TCR_T0SZ(16), tcr_el3);
    isb();
    u64 a = OP2("pacia", p, MOD);
    check_eq(a, EXP_PACIA_EL3, "EXP_PACIA_EL3 pacia at EL3");
    check_eq(OP2("autia", a, MOD), p, "autia undoes it at EL3");
    u64 b = OP2("pacia", p55, MOD);
    check_eq(b, EXP_PACIA_EL3_B55, "EXP_PACIA_EL3_B55 pacia at EL3, bit 55 set, no TBI");
    check_eq(b, a ^ (1ULL << 62), "not canonical: the same PAC with bit 62 inverted, bit 55 = 0");
    write_sysreg(TCR_T0SZ(16) | (1ULL << 20), tcr_el3);     /* TCR_EL3.TBI */
    isb();
    u64 c = OP2("pacia", p55, MOD);
    check_eq(c, EXP_PACIA_EL3_TBI_B55, "EXP_PACIA_EL3_TBI_B55 pacia at EL3, TBI, bit 55 set");
    check_eq(c & 0xff80ffffffffffffULL, p55, "TBI: selbit = bit 55 kept, top byte kept");
    check_eq(OP2("autia", c, MOD), err_bits(0x00ff000000001000ULL, 0, 1),
             "EL3 TBI: bits [54:48] were not a sign extension of bit 55: the AUT fails");
    write_sysreg(TCR_T0SZ(16), tcr_el3);
    write_sysreg(read_sysreg(sctlr_el3) & ~SCTLR_EnIA, sctlr_el3);
    isb();
}

void test_main(void)
{
    if (start_el != 3 || !have_el2) {
        skip("needs EL3 and EL2");
        return;
    }
    u64 isar1 = read_sysreg(id_aa64isar1_el1);
    check_eq((isar1 >> 4) & 0xf, 1, "ID_AA64ISAR1_EL1.APA = 1 (FEAT_PAuth, QARMA5)");
    check_eq((isar1 >> 8) & 0xf, 0, "ID_AA64ISAR1_EL1.API = 0");
    check_eq((isar1 >> 24) & 0xf, 1, "ID_AA64ISAR1_EL1.GPA = 1");
    check_eq((isar1 >> 28) & 0xf, 0, "ID_AA64ISAR1_EL1.GPI = 0");

    set_keys();
    write_sysreg(read_sysreg(hcr_el2) | HCR_API | HCR_APK, hcr_el2);
    write_sysreg(read_sysreg(scr_el3) | SCR_API | SCR_APK, scr_el3);
    isb();
    check_eq(read_sysreg(apdbkeylo_el1), 0xdeadbeefcafef00dULL, "APDBKeyLo_EL1 reads back");
    check_eq(read_sysreg(apgakeyhi_el1), 0x84be85ce9804e94bULL, "APGAKeyHi_EL1 reads back");

    el3_values();
    call_at_el(1, el1_values, 0);
    call_at_el(1, el1_tbi, 0);
    call_at_el(1, el1_branches, 0);
    call_at_el(1, el1_ldra, 0);
    check_eq(call_at_el(0, el0_pacia, 0), EXP_PACIA_LOW, "pacia at EL0 (SCTLR_EL1.EnIA, EL1 keys)");
    check_eq(call_at_el(0, el0_key_read, 0), 1 << 8 | 0, "mrs apiakeylo_el1 at EL0: UNDEFINED");
    call_at_el(2, el2_values, 0);
    write_sysreg(read_sysreg(hcr_el2) | (1ULL << 34), hcr_el2);     /* E2H */
    isb();
    call_at_el(2, el2_host_values, 0);
    write_sysreg(read_sysreg(hcr_el2) & ~(1ULL << 34), hcr_el2);
    isb();
    traps();
}
