/* SPDX-License-Identifier: GPL-2.0-or-later */
/* disas.c: capstone glue for -d in_asm (QEMU's "IN:" block format). */
#include <capstone/capstone.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "qemu/log.h"
#include "disas.h"

static csh handle;
static bool opened, failed;

static bool disas_open(void)
{
    if (!opened && !failed) {
        if (cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &handle) != CS_ERR_OK) {
            failed = true;
        } else {
            opened = true;
        }
    }
    return opened;
}

bool arm_disas_one(uint64_t pc, uint32_t insn, char *buf, size_t len)
{
    cs_insn *ci;
    uint8_t bytes[4];
    bool ok = false;

    memcpy(bytes, &insn, 4);
    if (disas_open() && cs_disasm(handle, bytes, 4, pc, 1, &ci) == 1) {
        snprintf(buf, len, "%s %s", ci->mnemonic, ci->op_str);
        cs_free(ci, 1);
        ok = true;
    } else {
        snprintf(buf, len, ".word 0x%08x", insn);
    }
    return ok;
}

void arm_disas_log(uint64_t pc, const uint8_t *code, size_t len)
{
    char buf[160];

    qemu_log("----------------\nIN: \n");
    for (size_t off = 0; off < len; off += 4) {
        uint32_t insn;
        memcpy(&insn, code + off, 4);
        arm_disas_one(pc + off, insn, buf, sizeof(buf));
        qemu_log("0x%016" PRIx64 ":  %08x      %s\n", pc + off, insn, buf);
    }
    qemu_log("\n");
}
