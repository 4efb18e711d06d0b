/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smc.S: self-modifying code with the architected sequence (DC CVAU, DSB, IC IVAU, DSB, ISB,
 * Arm ARM B2.4.4): a function written into RAM, run, rewritten and run again must return the new
 * value; a loop patches an instruction 100 times. Prints PASS/FAIL, exits with the failures. */
    .global _start
_start:
    mov x20, #0x09000000            /* UART */
    mov x21, #0                     /* failures */
    adr x19, code                   /* the patched function, in this writable image */

    movz w2, #0x0020
    movk w2, #0xd280, lsl #16       /* mov x0, #1 */
    bl patch
    blr x19
    cmp x0, #1
    adr x0, msg1
    bl report

    movz w2, #0x0040
    movk w2, #0xd280, lsl #16       /* mov x0, #2 */
    bl patch
    blr x19
    cmp x0, #2
    adr x0, msg2
    bl report

    /* 100 rewrites of the immediate: mov x0, #i (imm16 in bits [20:5]) */
    mov x22, #0
1:  add x22, x22, #1
    movz w2, #0x0000
    movk w2, #0xd280, lsl #16
    orr w2, w2, w22, lsl #5
    bl patch
    blr x19
    cmp x0, x22
    b.ne 2f
    cmp x22, #100
    b.ne 1b
2:  cmp x22, #100
    ccmp x0, x22, #0, eq
    adr x0, msg3
    bl report

    mov x0, #0x18
    adr x1, blk
    str x21, [x1, #8]
    hlt #0xf000
    b .

/* patch: store w2 as the first instruction of the function, then make it visible to fetches */
patch:
    str w2, [x19]
    dc cvau, x19
    dsb ish
    ic ivau, x19
    dsb ish
    isb
    ret

/* report: Z set -> "PASS: msg", else "FAIL: msg" and count it */
report:
    mov x9, x30
    adr x1, pass
    b.eq 3f
    adr x1, fail
    add x21, x21, #1
3:  bl puts_x1
    mov x1, x0
    bl puts_x1
    mov w3, #'\n'
    str w3, [x20]
    ret x9

puts_x1:
    ldrb w3, [x1], #1
    cbz w3, 4f
    str w3, [x20]
    b puts_x1
4:  ret

    .align 4
code:
    .word 0xd2800000                /* mov x0, #0 (rewritten) */
    ret
    .align 3
blk: .quad 0x20026, 0
pass: .asciz "PASS: "
fail: .asciz "FAIL: "
msg1: .asciz "code written at run time executes"
msg2: .asciz "rewritten code executes its new version"
msg3: .asciz "100 rewrites of one instruction each take effect"
