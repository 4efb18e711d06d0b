/* SPDX-License-Identifier: BSD-3-Clause */
/* entry.S: self-test image entry at EL1, EL2 or EL3: stack, vectors, .data/.bss, then C. */

    .section .text.entry, "ax"
    .global _start
_start:
    /* Every CPU starts here on a reset boot (-bios): only CPU 0 (MPIDR affinity 0.0.0.0) runs
     * the test, the others wait forever, as nothing hands them work. */
    mrs     x1, mpidr_el1
    ldr     x2, =0xff00ffffff
    and     x1, x1, x2
    cbz     x1, 1f
0:  wfe
    b       0b
1:
    /* x0 carries the DTB address when a loader follows the Linux boot protocol; keep it. */
    mov     x19, x0
    ldr     x1, =__stack_top
    mov     sp, x1

    /* Vectors for the current EL, so that a stray exception is reported instead of looping. */
    ldr     x3, =selftest_vectors
    mrs     x2, CurrentEL
    lsr     x2, x2, #2
    cmp     x2, #3
    b.ne    1f
    msr     vbar_el3, x3
    b       3f
1:  cmp     x2, #2
    b.ne    2f
    msr     vbar_el2, x3
    b       3f
2:  msr     vbar_el1, x3
3:  isb

    /* .data is linked to run in RAM; the flash image carries its initial values elsewhere. */
    ldr     x0, =__data_start
    ldr     x1, =__data_lma
    ldr     x2, =__data_end
    cmp     x0, x1
    b.eq    5f
4:  cmp     x0, x2
    b.hs    5f
    ldr     x3, [x1], #8
    str     x3, [x0], #8
    b       4b
5:  ldr     x0, =__bss_start
    ldr     x1, =__bss_end
6:  cmp     x0, x1
    b.hs    7f
    str     xzr, [x0], #8
    b       6b
7:  mov     x0, x19
    bl      selftest_main
8:  wfe
    b       8b

/* PSCI CPU_ON entry of the second CPU: its own stack, the same vectors, then C. */
    .global _secondary_start
_secondary_start:
    mov     x19, x0
    ldr     x1, =__stack2_top
    mov     sp, x1
    ldr     x3, =selftest_vectors
    mrs     x2, CurrentEL
    cmp     x2, #(2 << 2)
    b.ne    1f
    msr     vbar_el2, x3
    b       2f
1:  msr     vbar_el1, x3
2:  isb
    mov     x0, x19
    bl      selftest_secondary
3:  wfe
    b       3b

/* 16 entries of 0x80 bytes; the table is 2KB aligned (VBAR_ELx bits [10:0] are RES0). */
    .section .text.vectors, "ax"
    .balign 2048
    .global selftest_vectors
selftest_vectors:
    .irp idx, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    mov     x0, #\idx
    b       selftest_exception
    .endr
