/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Run a generated case with the harness saved; capture the state after. */

    .section .bss.diff, "aw", %nobits
    .balign 16
diff_hsave:
    .skip 16 * 8
    .global diff_out
diff_out:
    .skip 33 * 8
    .balign 16
diff_stack:
    .skip 65536
    .global diff_stack_top
diff_stack_top:

/* The data buffer: loaded (not NOLOAD) so that user mode maps it too. */
    .section .diffmem, "aw"
    .balign 4096
    .global diff_mem
diff_mem:
    .skip 512

    .text
/*
 * void diff_run_case(void (*entry)(void)): does not return by itself;
 * diff_case_exit returns for it.
 */
    .global diff_run_case
    .type diff_run_case, %function
diff_run_case:
    adrp x9, diff_hsave
    add x9, x9, :lo12:diff_hsave
    stp x19, x20, [x9, #0]
    stp x21, x22, [x9, #16]
    stp x23, x24, [x9, #32]
    stp x25, x26, [x9, #48]
    stp x27, x28, [x9, #64]
    stp x29, x30, [x9, #80]
    mov x10, sp
    str x10, [x9, #96]
    clrex                       /* each case starts with no reservation */
    br x0

/*
 * Each block ends with "b diff_case_exit".  Nothing here may change NZCV
 * before it is read; x0 is parked in TPIDR_EL0 (usable at EL0 and EL1).
 */
    .global diff_case_exit
    .type diff_case_exit, %function
diff_case_exit:
    msr tpidr_el0, x0
    adrp x0, diff_out
    add x0, x0, :lo12:diff_out
    stp x1, x2, [x0, #8]
    stp x3, x4, [x0, #24]
    stp x5, x6, [x0, #40]
    stp x7, x8, [x0, #56]
    stp x9, x10, [x0, #72]
    stp x11, x12, [x0, #88]
    stp x13, x14, [x0, #104]
    stp x15, x16, [x0, #120]
    stp x17, x18, [x0, #136]
    stp x19, x20, [x0, #152]
    stp x21, x22, [x0, #168]
    stp x23, x24, [x0, #184]
    stp x25, x26, [x0, #200]
    stp x27, x28, [x0, #216]
    stp x29, x30, [x0, #232]
    mrs x1, tpidr_el0
    str x1, [x0]
    mov x1, sp
    mrs x2, nzcv
    stp x1, x2, [x0, #248]
    /* fall through */

/* Also entered from the fault handlers to give up on a case. */
    .global diff_case_abort
    .type diff_case_abort, %function
diff_case_abort:
    adrp x9, diff_hsave
    add x9, x9, :lo12:diff_hsave
    ldp x19, x20, [x9, #0]
    ldp x21, x22, [x9, #16]
    ldp x23, x24, [x9, #32]
    ldp x25, x26, [x9, #48]
    ldp x27, x28, [x9, #64]
    ldp x29, x30, [x9, #80]
    ldr x10, [x9, #96]
    mov sp, x10
    ret
