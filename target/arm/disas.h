/* SPDX-License-Identifier: GPL-2.0-or-later */
/* disas.h: guest disassembly for -d in_asm and the monitor (capstone). */
#ifndef TARGET_ARM_DISAS_H
#define TARGET_ARM_DISAS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

void arm_disas_log(uint64_t pc, const uint8_t *code, size_t len);
/* One instruction into buf ("mnemonic operands"); returns false if capstone cannot decode it. */
bool arm_disas_one(uint64_t pc, uint32_t insn, char *buf, size_t len);

#endif
