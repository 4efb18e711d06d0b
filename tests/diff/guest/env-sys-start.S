/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bare-metal start-up of the diff-test guest: EL1, vectors, MMU, exit. */

/* Jump table: one instruction a slot, same offsets in env-user.S. */
    .section .text.envtab, "ax"
    .global env_write, env_exit, env_post_case
env_write:
    b sys_write
env_exit:
    b sys_exit
env_post_case:
    b sys_post_case

    .text
    .global _start
_start:
    adrp x0, diff_stack_top
    add x0, x0, :lo12:diff_stack_top
    mov sp, x0
    adrp x0, sys_vectors
    add x0, x0, :lo12:sys_vectors
    msr vbar_el1, x0
    /* CPACR_EL1.FPEN = 0b11: FP/SIMD at EL1 and EL0 untrapped (the crypto class uses them) */
    mov x0, #(3 << 20)
    msr cpacr_el1, x0
    isb
#ifdef DIFF_SYS_MMU
    bl sys_mmu_on
#endif
    bl diff_main
    /* fall through with the status in w0 */

/* Semihosting SYS_EXIT (0x18); in AArch64 x1 points to {reason, subcode}. */
    .global sys_exit
sys_exit:
    adrp x1, sys_exit_block
    add x1, x1, :lo12:sys_exit_block
    mov x2, #0x0026
    movk x2, #0x2, lsl #16      /* ADP_Stopped_ApplicationExit */
    sxtw x0, w0
    stp x2, x0, [x1]
    mov x0, #0x18
    hlt #0xf000
1:  wfi
    b 1b

#ifdef DIFF_SYS_MMU
/*
 * --sys-mmu: an identity map so that data accesses to RAM are Normal memory
 * (as in user mode) and unaligned ones are allowed.  4 KB granule, T0SZ = 25
 * (39-bit VA, walk starts at level 1), TTBR1 walks off.
 *   0x00000000-0x3fffffff  level-1 block, Device-nGnRnE (the UART)
 *   0x40000000-0x7fffffff  level-2 table of 2 MB Normal write-back blocks,
 *                          EL1-only, except the diff_mem block at 0x40200000:
 *                          EL0 read/write (LDTR/STTR must work) and never
 *                          executable (EL0-writable memory is PXN anyway).
 */
sys_mmu_on:
    adrp x0, sys_l2_table
    add x0, x0, :lo12:sys_l2_table
    mov x1, #0x0705                 /* block, AttrIndx 1, inner shareable, AF */
    movk x1, #0x4000, lsl #16
    mov x2, #512
1:  str x1, [x0], #8
    add x1, x1, #0x200000
    subs x2, x2, #1
    b.ne 1b
    adrp x0, sys_l2_table
    add x0, x0, :lo12:sys_l2_table
    ldr x1, [x0, #8]
    orr x1, x1, #(1 << 6)           /* AP[1]: EL0 access */
    orr x1, x1, #(3 << 53)          /* PXN, UXN */
    str x1, [x0, #8]
    adrp x3, sys_l1_table
    add x3, x3, :lo12:sys_l1_table
    mov x1, #0x401                  /* block, AttrIndx 0, AF */
    str x1, [x3]
    orr x1, x0, #3                  /* table descriptor */
    str x1, [x3, #8]
    msr ttbr0_el1, x3
    mov x1, #0xff00                 /* attr0 Device-nGnRnE, attr1 Normal WB */
    msr mair_el1, x1
    mov x1, #0x3519                 /* T0SZ 25, IRGN0/ORGN0 WB, SH0 inner */
    movk x1, #0x80, lsl #16         /* EPD1 */
    msr tcr_el1, x1
    isb
    tlbi vmalle1
    dsb ish
    isb
    mrs x1, sctlr_el1
    orr x1, x1, #(1 << 0)           /* M */
    orr x1, x1, #(1 << 2)           /* C */
    orr x1, x1, #(1 << 12)          /* I */
    bic x1, x1, #(1 << 1)           /* A: no alignment checking */
    msr sctlr_el1, x1
    isb
    ret
#endif

/*
 * An exception in a case is reported, and the case abandoned.  One outside
 * a case, or inside the handler, stops the guest with status 3.
 */
    .balign 2048
sys_vectors:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    mov x0, #\n
    b sys_vector_common
    .endr

sys_vector_common:
    adrp x1, sys_exc_stack_top
    add x1, x1, :lo12:sys_exc_stack_top
    mov sp, x1
    mrs x1, esr_el1
    mrs x2, elr_el1
    mrs x3, far_el1
    bl sys_exception
    cbz w0, 1f
    b diff_case_abort           /* at EL1 still; no ERET needed */
1:  mov w0, #3
    b sys_exit

    .data
    .balign 16
sys_exit_block:
    .quad 0, 0

    .bss
#ifdef DIFF_SYS_MMU
    .balign 4096
sys_l1_table:
    .skip 4096
sys_l2_table:
    .skip 4096
#endif
    .balign 16
    .skip 4096
sys_exc_stack_top:
