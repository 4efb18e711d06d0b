/* SPDX-License-Identifier: BSD-3-Clause */
/* sysreg-host.c: the system-register store behind read_sysreg/write_sysreg in host builds. */
#include <stdint.h>
#include <string.h>
#include <arch/sysreg.h>
#include <lib/panic.h>

/* Enough for the registers one unit test touches; overflowing it is a test bug, so panic. */
#define HOST_SYSREGS    128
#define NAME_MAX_LEN    32

static struct {
    char name[NAME_MAX_LEN];
    uint64_t value;
} regs[HOST_SYSREGS];
static unsigned int nregs;

static int find(const char *name)
{
    for (unsigned int i = 0; i < nregs; i++) {
        if (strcmp(regs[i].name, name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

uint64_t host_sysreg_read(const char *name)
{
    int i = find(name);

    return i < 0 ? 0 : regs[i].value;
}

void host_sysreg_write(const char *name, uint64_t value)
{
    int i = find(name);

    if (i < 0) {
        if (nregs == HOST_SYSREGS || strlen(name) >= NAME_MAX_LEN) {
            panic("host sysreg store: cannot add %s", name);
        }
        i = (int)nregs++;
        strcpy(regs[i].name, name);
    }
    regs[i].value = value;
}

void host_sysreg_reset(void)
{
    nregs = 0;
}
