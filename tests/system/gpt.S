/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gpt.S: at EL3 with RME, build a level-0 Granule Protection Table (PPS 4 GB, L0GPTSZ 1 GB, four
 * block descriptors: [0,1G) any, [1G,2G) any (this code runs there, as Root), [2G,3G) Realm,
 * [3G,4G) Non-secure), enable the GPC, print "gpt ready" and wait, for the monitor's info gpt /
 * info pas to describe. */
    .global _start
_start:
    ldr x0, =gpt
    mov x1, #0xf1                    /* GPI any (0b1111), block */
    str x1, [x0]
    str x1, [x0, #8]                 /* any: RAM holding this code */
    mov x1, #0xb1                    /* Realm (0b1011) */
    str x1, [x0, #16]
    mov x1, #0x91                    /* Non-secure (0b1001) */
    str x1, [x0, #24]
    dsb sy
    lsr x1, x0, #12
    msr S3_6_C2_C1_4, x1             /* GPTBR_EL3.BADDR = PA[51:12] */
    movz x1, #0x3500                 /* SH inner (3 << 12), ORGN WB (1 << 10), IRGN WB (1 << 8) */
    movk x1, #0x1, lsl #16           /* GPC enable; PPS 0 (4 GB), PGS 0 (4 KB) */
    msr S3_6_C2_C1_6, x1             /* GPCCR_EL3 */
    isb
    sys #6, c8, c7, #4               /* TLBI PAALL */
    dsb sy
    isb
    mov x1, #0x09000000
    adr x2, msg
1:  ldrb w3, [x2], #1
    cbz w3, 2f
    str w3, [x1]
    b 1b
2:  wfi
    b 2b
msg: .asciz "gpt ready\n"
    .balign 4096
gpt: .space 4096
