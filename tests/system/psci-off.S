/* SPDX-License-Identifier: GPL-2.0-or-later */
/* psci-off.S: print a line, then PSCI SYSTEM_OFF through the conduit the board emulates (HVC
 * without EL2, SMC with EL2); the emulator must exit with status 0. x19 selects the conduit. */
    .global _start
_start:
    mov x1, #0x09000000
    adr x2, msg
1:  ldrb w3, [x2], #1
    cbz w3, 2f
    str w3, [x1]
    b 1b
2:  movz x0, #0x0008
    movk x0, #0x8400, lsl #16      /* SYSTEM_OFF = 0x84000008 */
    mrs x4, CurrentEL
    cmp x4, #8                     /* EL2: the kernel conduit is SMC */
    b.eq 3f
    hvc #0
    b .
3:  smc #0
    b .
msg: .asciz "powering off\n"
