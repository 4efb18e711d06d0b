/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpio-pwr.S: EL3 guest on virt,secure=on driving the secure PL061 at 0x090b0000 as TF-A's
 * plat/qemu does (pin 1 = reset, pin 0 = power off, each on a rising edge; PL061 TRM 3.3.1:
 * GPIODATA bit n is written through offset 4 << n). It prints the PL061's PeriphID/PCellID
 * bytes, then on the first boot leaves a marker in RAM and resets through pin 1; after the
 * reset it finds the marker, clears it and powers off through pin 0. Built with -DDIRECT_OFF
 * it powers off at once. */
    .equ UART, 0x09000000
    .equ GPIO, 0x090b0000
    .equ MARK, 0x47f00000      /* near the top of the default 128 MiB */
    .global _start
_start:
    adr x0, m_ids
    bl puts
    mov x20, #GPIO
    add x20, x20, #0xfe0
    mov x21, #8
1:  ldr w0, [x20], #4
    bl puthex8
    subs x21, x21, #1
    b.ne 1b
    adr x0, m_nl
    bl puts
#ifdef DIRECT_OFF
    b power_off
#endif
    mov x5, #MARK
    ldr x6, [x5]
    ldr x7, =0x5245534554474f4f
    cmp x6, x7
    b.eq after_reset
    str x7, [x5]
    adr x0, m_reset
    bl puts
    mov x0, #1
    bl pulse
    b .                         /* the reset request is taken asynchronously */
after_reset:
    str xzr, [x5]
    adr x0, m_after
    bl puts
power_off:
    adr x0, m_off
    bl puts
    mov x0, #0
    bl pulse
    b .

/* Make pin x0 an output (GPIODIR read-modify-write), drive it low, then high. */
pulse:
    mov x1, #GPIO
    mov w2, #1
    lsl w2, w2, w0
    ldrb w3, [x1, #0x400]
    orr w3, w3, w2
    strb w3, [x1, #0x400]
    mov x4, #4
    lsl x4, x4, x0
    strb wzr, [x1, x4]
    strb w2, [x1, x4]
    ret

puts:
    mov x1, #UART
2:  ldrb w2, [x0], #1
    cbz w2, 3f
    str w2, [x1]
    b 2b
3:  ret

/* Two hex digits and a space for the low byte of w0. */
puthex8:
    mov x1, #UART
    ubfx w2, w0, #4, #4
    ubfx w3, w0, #0, #4
    adr x4, hexdig
    ldrb w2, [x4, x2]
    ldrb w3, [x4, x3]
    str w2, [x1]
    str w3, [x1]
    mov w2, #' '
    str w2, [x1]
    ret

hexdig: .ascii "0123456789abcdef"
m_ids: .asciz "gpio: ids "
m_nl: .asciz "\n"
m_reset: .asciz "gpio: reset via pin 1\n"
m_after: .asciz "gpio: running again after the reset\n"
m_off: .asciz "gpio: power off via pin 0\n"
    .align 3
