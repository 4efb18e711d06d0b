/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-ldst.c: runtime helpers for the load/store translator (trans-ldst.c), and for the
 * Advanced SIMD operations trans-simd-fp.c does out of line (TBL/TBX, saturating arithmetic). */
#include <string.h>
#include "exec/cputlb.h"
#include "cpu.h"
#include "helper.h"
#include "simd-sat.h"

/* Alignment fault on addr (Arm ARM AArch64.Abort with AlignmentFault), for the checks a single
 * access's MemOp cannot express: 16-byte quantities made of two accesses, and store-exclusives,
 * whose check comes before the monitor test (AArch64.ExclusiveMonitorsPass).
 * a0 = address, a1 = is_write | mmu_idx << 8. */
DEF_HELPER_FN(alignment_fault)
{
    CPUARMState *env = env_;

    arm_cpu_do_unaligned_access(env, a0, (a1 & 1) ? MMU_DATA_STORE : MMU_DATA_LOAD,
                                (int)(a1 >> 8));
    return 0;
}

/* TBL/TBX (Arm ARM C7.2.345, C7.2.346): a0 = rd | rn << 5 | rm << 10 | len << 15 | q << 17 |
 * tbx << 18. The table is V[rn]..V[rn+len] (modulo 32); an index past its end gives 0 (TBL)
 * or leaves the destination byte (TBX). The helper only touches env->vregs. */
DEF_HELPER_FN(simd_tbl)
{
    CPUARMState *env = env_;
    unsigned rd = a0 & 31, rn = (a0 >> 5) & 31, rm = (a0 >> 10) & 31;
    unsigned nregs = ((a0 >> 15) & 3) + 1, bytes = (a0 >> 17) & 1 ? 16 : 8;
    bool tbx = (a0 >> 18) & 1;
    uint8_t table[64], idx[16], res[16];

    for (unsigned r = 0; r < nregs; r++) {
        memcpy(table + 16 * r, env->vregs[(rn + r) % 32], 16);
    }
    memcpy(idx, env->vregs[rm], 16);
    memcpy(res, env->vregs[rd], 16);
    for (unsigned i = 0; i < bytes; i++) {
        if (idx[i] < 16 * nregs) {
            res[i] = table[idx[i]];
        } else if (!tbx) {
            res[i] = 0;
        }
    }
    if (bytes == 8) {
        memset(res + 8, 0, 8);
    }
    memcpy(env->vregs[rd], res, 16);
    return 0;
}

/* ---- Advanced SIMD integer operations that saturate (FPSR.QC) or shift by a register ---- */

#define FPSR_QC (1u << 27)

static int64_t lane_get(const uint64_t *v, int e, int esz, bool sign)
{
    int w = 8 << esz;
    unsigned bit = (unsigned)e * (unsigned)w;
    uint64_t x = v[bit / 64] >> (bit % 64);

    if (w == 64) {
        return (int64_t)x;
    }
    x &= (1ull << w) - 1;
    if (sign && (x >> (w - 1))) {
        x |= ~0ull << w;
    }
    return (int64_t)x;
}

static void lane_set(uint64_t *v, int e, int esz, uint64_t x)
{
    int w = 8 << esz;
    unsigned bit = (unsigned)e * (unsigned)w;
    uint64_t mask = w == 64 ? ~0ull : ((1ull << w) - 1);

    v[bit / 64] = (v[bit / 64] & ~(mask << (bit % 64))) | ((x & mask) << (bit % 64));
}

/* SignedSatQ / UnsignedSatQ to w bits, setting FPSR.QC when the value does not fit. */
static __int128 sat(CPUARMState *env, __int128 x, int w, bool sign)
{
    __int128 max = sign ? (((__int128)1 << (w - 1)) - 1) : (((__int128)1 << w) - 1);
    __int128 min = sign ? -((__int128)1 << (w - 1)) : 0;

    if (x > max) {
        env->fpsr |= FPSR_QC;
        return max;
    }
    if (x < min) {
        env->fpsr |= FPSR_QC;
        return min;
    }
    return x;
}

/* (x + round) << sh for sh in -128..127, with a right shift rounding when round (the Arm ARM
 * SSHL/SRSHL/... pseudocode); x has at most 65 significant bits. */
static __int128 shift_round(__int128 x, int sh, bool round)
{
    if (sh >= 0) {
        return sh >= 64 ? (x == 0 ? 0 : (x < 0 ? -((__int128)1 << 100) : ((__int128)1 << 100)))
                        : x << sh;
    }
    sh = -sh;
    if (sh > 100) {
        return (x < 0 && !round) ? -1 : 0;
    }
    if (round) {
        x += (__int128)1 << (sh - 1);
    }
    return x >> sh;
}

DEF_HELPER_FN(simd_int)
{
    CPUARMState *env = env_;
    int op = a0 & 63, rd = (a0 >> 6) & 31, rn = (a0 >> 11) & 31, rm = (a0 >> 16) & 31;
    int esz = (a0 >> 21) & 3, q = (a0 >> 23) & 1, imm = (int)((a0 >> 24) & 0xff);
    int w = 8 << esz;
    uint64_t res[2] = { env->vregs[rd][0], env->vregs[rd][1] };
    const uint64_t *n = env->vregs[rn], *m = env->vregs[rm], *d = env->vregs[rd];
    int lanes = (q ? 128 : 64) / w;
    bool scalar = (a0 >> 32) & 1, byelem = (a0 >> 33) & 1;
    int idx = (int)((a0 >> 34) & 15);

    if (op >= SI_SQXTN && op <= SI_SQXTUN) {
        lanes = 64 / w;
    } else if (op >= SI_SQSHRN && op <= SI_SQRSHRUN) {
        lanes = 64 / w;
    } else if (op >= SI_SQDMLAL) {
        lanes = 64 / w;
    }
    if (scalar) {
        /* one lane; the rest of the destination becomes zero */
        lanes = 1;
        res[0] = res[1] = 0;
    }
    for (int e = 0; e < lanes; e++) {
        int me = byelem ? idx : e;
        /* lane e of Vn and Vd, lane me of Vm, signed and unsigned */
        __int128 sn = lane_get(n, e, esz, 1), un = (uint64_t)lane_get(n, e, esz, 0);
        __int128 sm = lane_get(m, me, esz, 1), um = (uint64_t)lane_get(m, me, esz, 0);
        __int128 sd = lane_get(d, e, esz, 1), ud = (uint64_t)lane_get(d, e, esz, 0);
        __int128 r = 0;
        int ow = w, oe = e;
        switch (op) {
        case SI_SQADD: r = sat(env, sn + sm, w, 1); break;
        case SI_SQSUB: r = sat(env, sn - sm, w, 1); break;
        case SI_UQADD: r = sat(env, un + um, w, 0); break;
        case SI_UQSUB: r = sat(env, un - um, w, 0); break;
        case SI_SSHL: case SI_USHL: case SI_SQSHL: case SI_UQSHL:
        case SI_SRSHL: case SI_URSHL: case SI_SQRSHL: case SI_UQRSHL: {
            bool u = op == SI_USHL || op == SI_UQSHL || op == SI_URSHL || op == SI_UQRSHL;
            bool rnd = op >= SI_SRSHL;
            bool st = op == SI_SQSHL || op == SI_UQSHL || op == SI_SQRSHL || op == SI_UQRSHL;
            r = shift_round(u ? un : sn, (int8_t)um, rnd);
            if (st) {
                r = sat(env, r, w, !u);
            }
            break;
        }
        case SI_SQDMULH: case SI_SQRDMULH: {
            __int128 p = 2 * sn * sm;
            if (op == SI_SQRDMULH) {
                p += (__int128)1 << (w - 1);
            }
            r = sat(env, p >> w, w, 1);
            break;
        }
        case SI_SQABS: r = sat(env, sn < 0 ? -sn : sn, w, 1); break;
        case SI_SQNEG: r = sat(env, -sn, w, 1); break;
        case SI_SUQADD: r = sat(env, sd + un, w, 1); break;
        case SI_USQADD: r = sat(env, ud + sn, w, 0); break;
        case SI_SQXTN: r = sat(env, lane_get(n, e, esz + 1, 1), w, 1); break;
        case SI_UQXTN: r = sat(env, (__int128)(uint64_t)lane_get(n, e, esz + 1, 0), w, 0); break;
        case SI_SQXTUN: r = sat(env, lane_get(n, e, esz + 1, 1), w, 0); break;
        case SI_SQSHLU_I: r = sat(env, shift_round(sn, imm, 0), w, 0); break;
        case SI_SQSHL_I: r = sat(env, shift_round(sn, imm, 0), w, 1); break;
        case SI_UQSHL_I: r = sat(env, shift_round(un, imm, 0), w, 0); break;
        case SI_SQSHRN: case SI_SQRSHRN:
            r = sat(env, shift_round(lane_get(n, e, esz + 1, 1), -imm, op == SI_SQRSHRN), w, 1);
            break;
        case SI_UQSHRN: case SI_UQRSHRN:
            r = sat(env, shift_round((__int128)(uint64_t)lane_get(n, e, esz + 1, 0), -imm,
                                     op == SI_UQRSHRN), w, 0);
            break;
        case SI_SQSHRUN: case SI_SQRSHRUN:
            r = sat(env, shift_round(lane_get(n, e, esz + 1, 1), -imm, op == SI_SQRSHRUN), w, 0);
            break;
        case SI_SQDMLAL: case SI_SQDMLSL: case SI_SQDMULL: {
            int off = q ? lanes : 0;
            __int128 p = sat(env, (__int128)2 * lane_get(n, e + off, esz, 1) *
                             lane_get(m, byelem ? idx : e + off, esz, 1), 2 * w, 1);
            if (op == SI_SQDMLAL) {
                p = sat(env, lane_get(d, e, esz + 1, 1) + p, 2 * w, 1);
            } else if (op == SI_SQDMLSL) {
                p = sat(env, lane_get(d, e, esz + 1, 1) - p, 2 * w, 1);
            }
            r = p;
            ow = 2 * w;
            break;
        }
        }
        if (ow == 2 * w) {
            lane_set(res, oe, esz + 1, (uint64_t)r);
        } else if ((op >= SI_SQXTN && op <= SI_SQXTUN) || (op >= SI_SQSHRN && op <= SI_SQRSHRUN)) {
            lane_set(res, oe + (q ? lanes : 0), esz, (uint64_t)r);
        } else {
            lane_set(res, oe, esz, (uint64_t)r);
        }
    }
    if ((op >= SI_SQXTN && op <= SI_SQXTUN) || (op >= SI_SQSHRN && op <= SI_SQRSHRUN)) {
        if (!q) {
            res[1] = 0;
        }
    } else if (op < SI_SQDMLAL && !q) {
        res[1] = 0;
    }
    env->vregs[rd][0] = res[0];
    env->vregs[rd][1] = res[1];
    return 0;
}
