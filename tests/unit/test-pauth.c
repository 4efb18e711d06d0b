/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-pauth.c: the QARMA5 cipher of the architected PAC algorithm (target/arm/pauth-qarma.c)
 * against the QARMA-64 test vector published with the cipher (Avanzi, "The QARMA Block Cipher
 * Family", IACR ToSC 2017(1), test vectors: sigma2, r = 5), which is ComputePACQARMA for
 * FEAT_PACQARMA5 (sigma2 is the PRINCE S-box PACSub, 5 rounds is iterations = 4 + 1); plus the
 * inverse pairs of its building blocks and a diffusion check. */
#include <glib.h>
#include "pauth.h"

/* P, T, w0, k0 and the sigma2/r=5 ciphertext of the paper. ComputePAC(data, modifier, key0,
 * key1): data = P, modifier = T (the tweak), key0 = w0 (whitening key), key1 = k0 (core key). */
static void test_published_vector(void)
{
    g_assert_cmphex(pauth_computepac_qarma5(0xfb623599da6e8127ull, 0x477d469dec0b8762ull,
                                            0x84be85ce9804e94bull, 0xec2802d4e0a488e9ull),
                    ==, 0xc003b93999b33765ull);
}

static uint64_t rnd64(void)
{
    return (uint64_t)g_test_rand_int() << 32 ^ (uint32_t)g_test_rand_int();
}

/* PACCellInvShuffle, PACInvSub and TweakInvShuffle undo PACCellShuffle, PACSub, TweakShuffle;
 * PACMult undoes itself. */
static void test_inverse_pairs(void)
{
    for (int i = 0; i < 10000; i++) {
        uint64_t x = rnd64();
        g_assert_cmphex(pauth_cell_inv_shuffle(pauth_cell_shuffle(x)), ==, x);
        g_assert_cmphex(pauth_cell_shuffle(pauth_cell_inv_shuffle(x)), ==, x);
        g_assert_cmphex(pauth_inv_sub(pauth_sub(x)), ==, x);
        g_assert_cmphex(pauth_tweak_inv_shuffle(pauth_tweak_shuffle(x)), ==, x);
        g_assert_cmphex(pauth_tweak_shuffle(pauth_tweak_inv_shuffle(x)), ==, x);
        /* QARMA's MixColumns matrix circ(0, rho, rho^2, rho) is involutory. */
        g_assert_cmphex(pauth_mult(pauth_mult(x)), ==, x);
    }
    /* Cell 15 and cell 8 stay in place in PACCellShuffle; cell 13 moves to cell 0. */
    g_assert_cmphex(pauth_cell_shuffle(0xf000000000000000ull), ==, 0xf000000000000000ull);
    g_assert_cmphex(pauth_cell_shuffle(0x0000000f00000000ull), ==, 0x0000000f00000000ull);
    g_assert_cmphex(pauth_cell_shuffle(0x00f0000000000000ull), ==, 0xfull);
    /* PACMult with only cell 0 = 1: t0 = ROL(1,1) -> cell 12, t1 = ROL(1,2) -> cell 8,
     * t2 = ROL(1,1) -> cell 4, t3 = 0 -> cell 0. */
    g_assert_cmphex(pauth_mult(1), ==, 0x0002000400020000ull);
    /* PACSub of all-zero cells is 0xb in every cell. */
    g_assert_cmphex(pauth_sub(0), ==, 0xbbbbbbbbbbbbbbbbull);
}

/* Every input bit of data, modifier and both keys reaches the output: a one-bit change of any
 * input changes about half of the 64 output bits. */
static void test_diffusion(void)
{
    uint64_t in[4] = { rnd64(), rnd64(), rnd64(), rnd64() };
    uint64_t base = pauth_computepac_qarma5(in[0], in[1], in[2], in[3]);

    for (int which = 0; which < 4; which++) {
        unsigned total = 0;
        for (int bit = 0; bit < 64; bit++) {
            uint64_t v[4] = { in[0], in[1], in[2], in[3] };
            v[which] ^= 1ull << bit;
            uint64_t r = pauth_computepac_qarma5(v[0], v[1], v[2], v[3]);
            g_assert_cmphex(r, !=, base);
            total += (unsigned)__builtin_popcountll(r ^ base);
        }
        g_assert_cmpuint(total, >, 24 * 64);
        g_assert_cmpuint(total, <, 40 * 64);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pauth/qarma5/published-vector", test_published_vector);
    g_test_add_func("/pauth/qarma5/inverse-pairs", test_inverse_pairs);
    g_test_add_func("/pauth/qarma5/diffusion", test_diffusion);
    return g_test_run();
}
