/* SPDX-License-Identifier: GPL-2.0-or-later */
/* hello.S: a minimal bare-metal guest for the gdbstub and monitor tests: prints a line on the
 * PL011, then exits through semihosting with status 0. */
    .global _start
_start:
    mov x1, #0x09000000
    adr x2, msg
1:  ldrb w3, [x2], #1
    cbz w3, 2f
    str w3, [x1]
    b 1b
2:  mov x0, #0x18
    adr x1, blk
    hlt #0xf000
    b .
    .align 3
blk: .quad 0x20026, 0
msg: .asciz "Hello from the guest\n"
