/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bare-metal (virt, EL1, MMU off) start-up of the differential-test guest: vectors, semihosting exit. */

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
    isb
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

/* Any exception means the case is broken or the emulator is: report and stop with status 3. */
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
    mov w0, #3
    b sys_exit

    .data
    .balign 16
sys_exit_block:
    .quad 0, 0

    .bss
    .balign 16
    .skip 4096
sys_exc_stack_top:
