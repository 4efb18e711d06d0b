/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Guest test entry, per-EL vector tables with a C exception recorder, and EL switching. */

#define STACK_SIZE  0x4000
#define FRAME_SIZE  304     /* sizeof(struct exc_frame) */
#define FRAME_ELR   248
#define FRAME_VEC   280
#define FRAME_EL    288
#define CTX_SIZE    128     /* x19..x30, sp, daif, active, pad */
#define CTX_SP      96
#define CTX_ACTIVE  112
#define UPCALL      0xfff

    .section .text.boot, "ax"
    .global _start
_start:
    /* Zero .bss first: the stacks live there. */
    adrp    x1, __bss_start
    add     x1, x1, :lo12:__bss_start
    adrp    x2, __bss_end
    add     x2, x2, :lo12:__bss_end
1:  cmp     x1, x2
    b.hs    2f
    str     xzr, [x1], #8
    b       1b
2:
    mrs     x0, CurrentEL
    ubfx    x0, x0, #2, #2
    /* sp = stacks + (el + 1) * STACK_SIZE */
    adrp    x1, stacks
    add     x1, x1, :lo12:stacks
    add     x2, x0, #1
    mov     x3, #STACK_SIZE
    madd    x1, x2, x3, x1
    mov     sp, x1
    msr     spsel, #1
    mov     sp, x1
    mrs     x1, daif
    bl      runtime_start   /* runtime_start(el, daif) does not return */
3:  wfi
    b       3b

/* ---- vector tables ---- */

.macro ventry el, off
    .balign 0x80
    sub     sp, sp, #FRAME_SIZE
    stp     x0, x1, [sp, #0]
    mov     x0, #\off
    b       exc_entry_el\el
.endm

.macro vtable el
    .balign 2048
    .global vectors_el\el
vectors_el\el:
    ventry  \el, 0x000
    ventry  \el, 0x080
    ventry  \el, 0x100
    ventry  \el, 0x180
    ventry  \el, 0x200
    ventry  \el, 0x280
    ventry  \el, 0x300
    ventry  \el, 0x380
    ventry  \el, 0x400
    ventry  \el, 0x480
    ventry  \el, 0x500
    ventry  \el, 0x580
    ventry  \el, 0x600
    ventry  \el, 0x680
    ventry  \el, 0x700
    ventry  \el, 0x780
.endm

.macro exc_entry el
exc_entry_el\el:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mrs     x1, elr_el\el
    mrs     x2, spsr_el\el
    mrs     x3, esr_el\el
    mrs     x4, far_el\el
    stp     x1, x2, [sp, #FRAME_ELR]
    stp     x3, x4, [sp, #FRAME_ELR + 16]
    mov     x1, #\el
    stp     x0, x1, [sp, #FRAME_VEC]
    mov     x0, sp
    bl      exc_dispatch
    cbnz    x0, 1f
    ldp     x1, x2, [sp, #FRAME_ELR]
    msr     elr_el\el, x1
    msr     spsr_el\el, x2
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    ldp     x0, x1, [sp, #0]
    add     sp, sp, #FRAME_SIZE
    eret
1:  /* Upcall return: resume the call_lower() caller at this EL. */
    ldr     x1, [sp, #0]
    mov     x0, #\el
    b       ctx_restore
.endm

    .text
    vtable  1
    vtable  2
    vtable  3

    .balign 4
    exc_entry 1
    exc_entry 2
    exc_entry 3

/*
 * u64 call_lower_raw(u64 spsr, u64 (*fn)(u64), u64 arg)
 * The C wrapper has set up SP_EL0..SP_EL(cur-1).
 */
    .global call_lower_raw
call_lower_raw:
    mrs     x9, CurrentEL
    ubfx    x9, x9, #2, #2
    adrp    x10, el_ctx
    add     x10, x10, :lo12:el_ctx
    add     x10, x10, x9, lsl #7
    stp     x19, x20, [x10, #0]
    stp     x21, x22, [x10, #16]
    stp     x23, x24, [x10, #32]
    stp     x25, x26, [x10, #48]
    stp     x27, x28, [x10, #64]
    stp     x29, x30, [x10, #80]
    mov     x11, sp
    mrs     x12, daif
    stp     x11, x12, [x10, #CTX_SP]
    mov     x11, #1
    str     x11, [x10, #CTX_ACTIVE]
    adr     x14, el_trampoline
    cmp     x9, #3
    b.eq    3f
    cmp     x9, #2
    b.eq    2f
    msr     spsr_el1, x0
    msr     elr_el1, x14
    b       9f
2:  msr     spsr_el2, x0
    msr     elr_el2, x14
    b       9f
3:  msr     spsr_el3, x0
    msr     elr_el3, x14
9:  ubfx    x3, x0, #2, #2      /* target EL for the trampoline */
    mov     x0, x2
    isb
    eret

/* ctx_restore(el, value): return `value` from the call_lower() made at `el`. */
ctx_restore:
    adrp    x10, el_ctx
    add     x10, x10, :lo12:el_ctx
    add     x10, x10, x0, lsl #7
    ldp     x19, x20, [x10, #0]
    ldp     x21, x22, [x10, #16]
    ldp     x23, x24, [x10, #32]
    ldp     x25, x26, [x10, #48]
    ldp     x27, x28, [x10, #64]
    ldp     x29, x30, [x10, #80]
    ldp     x11, x12, [x10, #CTX_SP]
    mov     sp, x11
    msr     daif, x12
    str     xzr, [x10, #CTX_ACTIVE]
    mov     x0, x1
    ret

/*
 * Lower-EL side: run fn(arg), then go back up with the result in x0.
 * x3 holds the EL (CurrentEL is UNDEFINED at EL0).
 */
    .global el_trampoline
el_trampoline:
    mov     x19, x3
    blr     x1
    mov     x9, x19
    b       upcall_el
    /* upcall_return(value): forward an upcall from a handler at EL1 or EL2. */
    .global upcall_return
upcall_return:
    mrs     x9, CurrentEL
    ubfx    x9, x9, #2, #2
upcall_el:
    cbz     x9, 0f
    cmp     x9, #1
    b.eq    1f
    smc     #UPCALL
    b       .
0:  svc     #UPCALL
    b       .
1:  adrp    x10, el_ctx
    add     x10, x10, :lo12:el_ctx
    ldr     x11, [x10, #(2 * CTX_SIZE + CTX_ACTIVE)]
    cbz     x11, 2f
    hvc     #UPCALL
    b       .
2:  smc     #UPCALL
    b       .

/* u64 semihost(u64 op, u64 arg) */
    .global semihost
semihost:
    hlt     #0xf000
    ret

    .bss
    .balign 16
    .global stacks
stacks:
    .space  4 * STACK_SIZE
    .balign 16
    .global el_ctx
el_ctx:
    .space  4 * CTX_SIZE
