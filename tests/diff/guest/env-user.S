/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Linux user-mode diff-test guest: start-up, write(2), exit_group(2). */

/* Jump table: one instruction a slot, same offsets in env-sys-start.S. */
    .section .text.envtab, "ax"
    .global env_write, env_exit, env_post_case
env_write:
    b user_write
env_exit:
    b user_exit
env_post_case:
    ret

    .text
    .global _start
_start:
    adrp x0, diff_stack_top
    add x0, x0, :lo12:diff_stack_top
    mov sp, x0
    bl user_setup_signals
    bl diff_main
    b user_exit

/* x0 = buffer, x1 = length; loops over short writes. */
user_write:
    mov x2, x1
    mov x1, x0
1:  cbz x2, 2f
    mov x0, #1
    mov x8, #64                 /* write */
    svc #0
    cmp x0, #0
    b.le 3f
    add x1, x1, x0
    sub x2, x2, x0
    b 1b
2:  ret
3:  mov x0, #4

/* w0 = exit status */
    .global user_exit_status
user_exit_status:
user_exit:
    mov x8, #94                 /* exit_group */
    svc #0
    b user_exit
