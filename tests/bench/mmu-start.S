/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mmu-start.S: entry of the MMU-on benchmark images: from EL3 build the GPT (and enable the GPC
 * when FEAT_RME is present) and ERET to NS-EL1; from EL2 ERET to EL1; at EL1 turn the MMU on
 * (mmu.c), call main, and exit through semihosting SYS_EXIT with main's return value. */

/*
 * Everything EL3 executes or reads after it has enabled the GPC lives in this section:
 * gpt_build() gives the granules of [_start, el3_text_end) GPI Any, every other RAM granule
 * GPI Non-secure, so that the Root-state fetches of the last EL3 instructions pass the check.
 */
    .section .text.start, "ax"
    .global _start
_start:
    ldr     x0, =stack_top
    mov     sp, x0
    mrs     x0, CurrentEL
    ubfx    x0, x0, #2, #2
    cmp     x0, #3
    b.eq    from_el3
    cmp     x0, #2
    b.eq    from_el2
    b       el1_entry

from_el3:
    adr     x0, vectors_el3
    msr     vbar_el3, x0
    /* SCR_EL3: RW (EL2/EL1 AArch64), bits 5:4 RES1, NS; NSE = 0: Non-secure below EL3 */
    mov     x0, #(1 << 10) | (3 << 4) | 1
    msr     scr_el3, x0
    mov     x0, #(1 << 31)              /* HCR_EL2.RW: EL1 is AArch64; no stage 2 */
    msr     hcr_el2, x0
    msr     cptr_el3, xzr
    isb
    bl      gpt_build                   /* GPCCR_EL3 value, or 0 without RME */
    cbz     x0, 1f
    dsb     sy
    msr     s3_6_c2_c1_6, x0            /* GPCCR_EL3 */
    isb
    sys     #6, c8, c7, #4              /* TLBI PAALL */
    dsb     sy
    isb
1:  mov     x0, #0x3c5                  /* EL1h, DAIF masked */
    msr     spsr_el3, x0
    adr     x0, el1_entry
    msr     elr_el3, x0
    eret

from_el2:
    mov     x0, #(1 << 31)
    msr     hcr_el2, x0
    mov     x0, #0x3c5
    msr     spsr_el2, x0
    adr     x0, el1_entry
    msr     elr_el2, x0
    eret

el1_entry:
    ldr     x0, =stack_top
    mov     sp, x0
    adr     x0, vectors_el1
    msr     vbar_el1, x0
    isb
    bl      mmu_on
    bl      main
    adr     x1, exit_block
    str     x0, [x1, #8]
    mov     x0, #0x18
    hlt     #0xf000
2:  b       2b

/* Any exception is a failure: exit with status 3 (taken to EL3) or 4 (taken to EL1). */
fail:
    mov     x0, #0x18
    hlt     #0xf000
    b       fail

.macro vtable name, blk
    .balign 2048
\name:
    .rept 16
    .balign 0x80
    adr     x1, \blk
    b       fail
    .endr
.endm
    vtable  vectors_el3, exit_el3
    vtable  vectors_el1, exit_el1

    .balign 8
exit_el3:
    .quad   0x20026, 3
exit_el1:
    .quad   0x20026, 4
    .ltorg
    .global el3_text_end
el3_text_end:

    .data
    .align 3
exit_block:
    .quad 0x20026
    .quad 0

    .bss
    .align 4
    .space 65536
stack_top:
