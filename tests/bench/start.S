/* SPDX-License-Identifier: GPL-2.0-or-later */
/* start.S: entry of the MMU-off benchmark image: a stack, call main, then exit through
 * semihosting SYS_EXIT with main's return value (mmu-start.S is the MMU-on entry). */
    .section .text.start
    .global _start
_start:
    ldr x0, =stack_top
    mov sp, x0
    bl main
    adr x1, exit_block
    str x0, [x1, #8]
    mov x0, #0x18
    hlt #0xf000
1:  b 1b

    .data
    .align 3
exit_block:
    .quad 0x20026
    .quad 0

    .bss
    .align 4
    .space 65536
stack_top:
