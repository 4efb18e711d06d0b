/* SPDX-License-Identifier: GPL-2.0-or-later */
/* helper-defs.h: THE list of runtime helpers callable from IR.
 * DEF_HELPER(name, number of arguments, flags); each is implemented as
 *   DEF_HELPER_FN(name) { CPUARMState *env = env_; ... }   with arguments a0..a3.
 * Append new helpers at the end of the group they belong to. */
/* exceptions and PSTATE (excp.c, helper-sys.c) */
DEF_HELPER(exception, 4, IR_HELPER_MAY_RAISE)      /* kind, syndrome, target_el, return offset */
DEF_HELPER(undef, 0, IR_HELPER_MAY_RAISE)          /* UNDEFINED instruction at the current PC */
DEF_HELPER(svc, 1, IR_HELPER_MAY_RAISE)            /* imm16 */
DEF_HELPER(hvc, 1, IR_HELPER_MAY_RAISE)            /* imm16 */
DEF_HELPER(smc, 1, IR_HELPER_MAY_RAISE)            /* imm16 */
DEF_HELPER(eret, 0, IR_HELPER_MAY_RAISE)
DEF_HELPER(wfi, 0, IR_HELPER_MAY_RAISE)
DEF_HELPER(wfe, 0, IR_HELPER_MAY_RAISE)
DEF_HELPER(yield, 0, 0)
DEF_HELPER(sev, 0, 0)                              /* SEV and SEVL: set the Event Register */
DEF_HELPER(flagm, 1, 0)                            /* CFINV (0), AXFLAG (1), XAFLAG (2) */
DEF_HELPER(read_nzcv, 0, 0)
DEF_HELPER(write_nzcv, 1, 0)
DEF_HELPER(msr_i_pstate, 2, IR_HELPER_MAY_RAISE)   /* op1:op2 field selector, imm */
DEF_HELPER(mrs, 1, IR_HELPER_MAY_RAISE)            /* encoding -> value */
DEF_HELPER(msr, 2, IR_HELPER_MAY_RAISE)            /* encoding, value */
DEF_HELPER(sys, 2, IR_HELPER_MAY_RAISE)            /* encoding, Xt value (SYS / DC / IC / AT / TLBI) */
DEF_HELPER(sysl, 1, IR_HELPER_MAY_RAISE)           /* encoding -> value (SYSL) */
DEF_HELPER(semihosting, 0, IR_HELPER_MAY_RAISE)    /* HLT #0xF000 with semihosting enabled */
DEF_HELPER(brk, 1, IR_HELPER_MAY_RAISE)
DEF_HELPER(hlt, 1, IR_HELPER_MAY_RAISE)
DEF_HELPER(check_sp_alignment, 1, IR_HELPER_MAY_RAISE)   /* SP value used as a base */
DEF_HELPER(pc_alignment_fault, 1, IR_HELPER_MAY_RAISE)   /* misaligned branch target */
DEF_HELPER(debug_breakpoint, 0, IR_HELPER_MAY_RAISE)     /* gdbstub breakpoint: stop before this insn */
/* arithmetic (helper-arith.c) */
DEF_HELPER(sdiv64, 2, IR_HELPER_NO_SIDE_EFFECTS)
DEF_HELPER(udiv64, 2, IR_HELPER_NO_SIDE_EFFECTS)
DEF_HELPER(sdiv32, 2, IR_HELPER_NO_SIDE_EFFECTS)
DEF_HELPER(udiv32, 2, IR_HELPER_NO_SIDE_EFFECTS)
DEF_HELPER(crc32, 3, IR_HELPER_NO_SIDE_EFFECTS)    /* acc, value, bytes */
DEF_HELPER(crc32c, 3, IR_HELPER_NO_SIDE_EFFECTS)
/* loads and stores (helper-ldst.c) */
DEF_HELPER(alignment_fault, 2, IR_HELPER_MAY_RAISE)   /* address, is_write | mmu_idx << 8 */
DEF_HELPER(simd_tbl, 1, 0)                             /* TBL/TBX: rd, rn, rm, len, q, tbx */
DEF_HELPER(simd_int, 1, 0)                             /* simd-sat.h: SIMD_INT_DESC() */
/* scalar floating point (helper-ldst.c, FPCR/FPSR rules of Arm ARM shared/functions/float) */
DEF_HELPER(fp_binop, 3, 0)                             /* op | dp << 8, a, b -> result */
DEF_HELPER(fp_cmp, 3, 0)                               /* dp | e << 1, a, b: sets NZCV */
DEF_HELPER(fp_cvt_sd, 2, 0)                            /* to_dp, x -> converted */
DEF_HELPER(fp_from_int, 2, 0)                          /* dp | u << 1 | is64 << 2 | fbits << 8 */
DEF_HELPER(fp_to_int, 2, 0)                            /* ... | rnd << 3 | fbits << 8 */
DEF_HELPER(fp_vec, 1, 0)                               /* simd-sat.h: FP_VEC_DESC() */
DEF_HELPER(fp_cmp0_swapped, 2, 0)                      /* op | dp << 8, lane: 0.0 op lane */
DEF_HELPER(fp_sqrt, 2, 0)                              /* dp, x -> sqrt */
DEF_HELPER(fp_sqrt_vec, 1, 0)                          /* dp | q << 1 | rd << 2 | rn << 7 */
DEF_HELPER(fp_muladd, 4, 0)                            /* dp | neg_n << 1 | neg_a << 2, n, m, a */
DEF_HELPER(fp_rint, 2, 0)                              /* dp | rnd << 1 | exact << 4, x */
DEF_HELPER(fp_elem, 1, 0)                              /* simd-sat.h: FPEL_DESC() */
/* self-hosted debug (debug.c) */
DEF_HELPER(ss_pending, 0, IR_HELPER_MAY_RAISE)         /* software step active-pending */
DEF_HELPER(ss_step_done, 1, IR_HELPER_MAY_RAISE)       /* stepped insn done; a0: was LDXR/LDXP */
DEF_HELPER(check_breakpoint, 1, IR_HELPER_MAY_RAISE)   /* pc of the instruction about to run */
DEF_HELPER(check_watchpoint, 2, IR_HELPER_MAY_RAISE)   /* addr, size | write << 8 | unpriv << 9 */
/* pointer authentication (pauth.c, FEAT_PAuth) */
DEF_HELPER(pac, 3, IR_HELPER_MAY_RAISE)                /* ptr, modifier, key -> AddPACxx */
DEF_HELPER(aut, 3, IR_HELPER_MAY_RAISE)                /* ptr, modifier, key -> Authxx */
DEF_HELPER(xpac, 2, 0)                                 /* ptr, data -> Strip */
DEF_HELPER(pacga, 2, IR_HELPER_MAY_RAISE)              /* x, y -> AddPACGA */
DEF_HELPER(eret_auth, 1, IR_HELPER_MAY_RAISE)          /* key: ERETAA / ERETAB */
/* Cryptographic Extension and 64-bit PMULL (crypto-helper.c) */
DEF_HELPER(crypto, 1, 0)                               /* crypto.h: CRYPTO_DESC() */
