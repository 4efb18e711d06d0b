/* SPDX-License-Identifier: GPL-2.0-or-later */
/* FEAT_PAuth in the EL1&0 regime (two VA ranges) with pointers whose bit 55 differs from bit 63:
 * InsertPAC's selbit and the PAC field it selects. Debian's QEMU 7.2 always uses bit 55 to pick
 * the range, against the pseudocode: expected reference failure, passes on Granule. */
#include "testlib.h"

/*
 * Arm ARM J1.1.3 InsertPAC(): when the regime has two ranges, selbit is ptr<55> only when TBI
 * applies to some range for this kind of pointer (data: TBI1 or TBI0; instructions: TBI1 and
 * not TBID1, or TBI0 and not TBID0); otherwise it is ptr<63>. selbit picks T0SZ or T1SZ
 * (CalculateBottomPACBit) and becomes bit 55 of the result; ptr<bottom-1:0> is kept. The
 * pointers here are not canonical, so PAC<top_bit-1> is inverted and Authenticate() of the
 * result fails, returning its original_ptr (extension bits from the signed pointer's bit 55,
 * field from T0SZ/T1SZ of that bit) with key_number:NOT(key_number) = 01 in bits [62:61] (no
 * TBI applies to the signed pointer in any case below). Strip() gives that original_ptr.
 *
 * TCR_EL1: T0SZ = 16 (PAC field from bit 48), T1SZ = 25 (from bit 39), so the two choices
 * differ visibly.
 */
#define TCR_BASE  (16ULL | 25ULL << 16)
#define TCR_TBI0  (1ULL << 37)
#define TCR_TBI1  (1ULL << 38)
#define TCR_TBID0 (1ULL << 51)
#define MOD 0x77ULL

#define OP2(insn, v, m) ({ u64 x_ = (v); asm volatile(insn " %0, %1" : "+r"(x_) : "r"((u64)(m))); x_; })
#define OP1(insn, v) ({ u64 x_ = (v); asm volatile(insn " %0" : "+r"(x_)); x_; })

struct sel_case {
    const char *what;
    u64 tcr;
    u64 ptr;
    int data;          /* DA key instead of IA */
    int selbit;        /* InsertPAC's selbit */
    u64 orig;          /* original_ptr of the signed pointer (Strip) */
};

static const struct sel_case cases[] = {
    /* no TBI: selbit = ptr<63> = 0, T0SZ field [54:48] */
    { "no TBI, bit 55 = 1, bit 63 = 0 (IA)", TCR_BASE, 0x0080000012345678ULL, 0, 0,
      0x0000000012345678ULL },
    { "no TBI, bit 55 = 1, bit 63 = 0 (DA)", TCR_BASE, 0x0080000012345678ULL, 1, 0,
      0x0000000012345678ULL },
    /* TBI1: selbit = ptr<55> = 0 for a pointer with bit 63 = 1, T0SZ field */
    { "TBI1, bit 55 = 0, bit 63 = 1 (IA)", TCR_BASE | TCR_TBI1, 0xff7f800012345678ULL, 0, 0,
      0x0000800012345678ULL },
    /* TBI0: selbit = ptr<55> = 1 for a pointer with bit 63 = 0, T1SZ field [54:39] */
    { "TBI0, bit 55 = 1, bit 63 = 0 (IA)", TCR_BASE | TCR_TBI0, 0x0080000012345678ULL, 0, 1,
      0xffffff8012345678ULL },
    /* TBI0 with TBID0: data still selects by bit 55 ... */
    { "TBI0+TBID0, bit 55 = 1 (DA)", TCR_BASE | TCR_TBI0 | TCR_TBID0, 0x0080000012345678ULL, 1, 1,
      0xffffff8012345678ULL },
    /* ... instructions by bit 63 */
    { "TBI0+TBID0, bit 55 = 1 (IA)", TCR_BASE | TCR_TBI0 | TCR_TBID0, 0x0080000012345678ULL, 0, 0,
      0x0000000012345678ULL },
};

void test_main(void)
{
    write_sysreg(0x0123456789abcdefULL, apiakeylo_el1);
    write_sysreg(0xfedcba9876543210ULL, apiakeyhi_el1);
    write_sysreg(0x0f1e2d3c4b5a6978ULL, apdakeylo_el1);
    write_sysreg(0x8796a5b4c3d2e1f0ULL, apdakeyhi_el1);
    write_sysreg(read_sysreg(sctlr_el1) | (1ULL << 31) | (1ULL << 27), sctlr_el1);   /* EnIA, EnDA */

    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct sel_case *c = &cases[i];
        int bottom = c->selbit ? 39 : 48;
        u64 low = (1ULL << bottom) - 1;

        write_sysreg(c->tcr, tcr_el1);
        isb();
        u64 s = c->data ? OP2("pacda", c->ptr, MOD) : OP2("pacia", c->ptr, MOD);
        check_eq((s >> 55) & 1, c->selbit, "%s: bit 55 of the result is selbit", c->what);
        check_eq(s & low, c->ptr & low, "%s: bits below the selected PAC field kept", c->what);
        u64 a = c->data ? OP2("autda", s, MOD) : OP2("autia", s, MOD);
        check_eq(a, (c->orig & ~(3ULL << 61)) | (1ULL << 61),
                 "%s: AUT fails with error 01 on original_ptr", c->what);
        u64 x = c->data ? OP1("xpacd", s) : OP1("xpaci", s);
        check_eq(x, c->orig, "%s: XPAC gives original_ptr", c->what);
    }
    write_sysreg(TCR_BASE, tcr_el1);
    isb();
}
