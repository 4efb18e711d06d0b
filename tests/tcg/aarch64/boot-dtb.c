/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Board contract for -kernel boots: the DTB at RAM base describes the virt memory map, interrupts, timer and PSCI. */
#include "testlib.h"

/*
 * Runs at EL1 on -M virt,gic-version=3 -m 256.  These are not Arm ARM
 * rules but the virt board's contract that firmware and kernels rely on
 * (shared/facts/virt-memory-map.md; Devicetree Specification v0.4 for
 * the blob format; PSCI, Arm DEN 0022, for the function IDs):
 *  - a bare-metal ELF boot finds a flattened device tree at RAM base;
 *  - it describes RAM at 0x40000000 with the -m size, the PL011 at
 *    0x09000000 (SPI 1), the GICv3 distributor at 0x08000000 and the
 *    redistributors at 0x080a0000, the timer PPIs 29/30/27/26, and PSCI
 *    through HVC (no EL2 or EL3 on this machine), which the board emulates.
 * The FDT walker below is written for this test.
 */
#define DTB_BASE    0x40000000UL
#define FDT_MAGIC   0xd00dfeed
#define FDT_BEGIN   1
#define FDT_END_NODE 2
#define FDT_PROP    3
#define FDT_NOP     4
#define FDT_END     9

static const u8 *blob;

static u32 be32(const void *p)
{
    const u8 *b = p;
    return ((u32)b[0] << 24) | ((u32)b[1] << 16) | ((u32)b[2] << 8) | b[3];
}

static u64 be64(const void *p)
{
    return ((u64)be32(p) << 32) | be32((const u8 *)p + 4);
}

static int str_has(const char *list, u32 len, const char *want)
{
    /* A stringlist property: NUL-separated strings. */
    for (u32 i = 0; i < len; i += strlen(list + i) + 1) {
        if (!strcmp(list + i, want)) {
            return 1;
        }
    }
    return 0;
}

/*
 * Walk the structure block.  For the node whose full path is `path`
 * (or, when path is 0, the first node whose compatible contains
 * `compat`), return property `name` and its length; the node's path goes
 * to path_out.  The decision is taken at the node's END_NODE, since the
 * compatible property may come after the one wanted.
 */
#define MAX_DEPTH 16

static const u8 *find_prop(const char *path, const char *compat, const char *name, u32 *len,
                           char *path_out)
{
    const u8 *p = blob + be32(blob + 8);
    const char *strings = (const char *)blob + be32(blob + 12);
    char cur[256] = "";                 /* "" for the root, then "/a", "/a/b" */
    size_t plen[MAX_DEPTH];
    const u8 *hit[MAX_DEPTH];
    u32 hit_len[MAX_DEPTH];
    int compat_ok[MAX_DEPTH];
    int depth = 0;

    for (;;) {
        u32 tok = be32(p);
        p += 4;
        if (tok == FDT_BEGIN) {
            const char *n = (const char *)p;
            if (depth >= MAX_DEPTH) {
                return 0;
            }
            plen[depth] = strlen(cur);
            if (depth > 0) {
                snprintf(cur + plen[depth], sizeof(cur) - plen[depth], "/%s", n);
            }
            hit[depth] = 0;
            hit_len[depth] = 0;
            compat_ok[depth] = 0;
            depth++;
            p += (strlen(n) + 4) & ~3UL;
        } else if (tok == FDT_END_NODE) {
            const char *shown;
            int match;
            if (depth == 0) {
                return 0;
            }
            depth--;
            shown = cur[0] ? cur : "/";
            match = path ? !strcmp(shown, path) : compat_ok[depth];
            if (match && hit[depth]) {
                if (path_out) {
                    snprintf(path_out, 256, "%s", shown);
                }
                *len = hit_len[depth];
                return hit[depth];
            }
            cur[plen[depth]] = 0;
        } else if (tok == FDT_PROP) {
            u32 l = be32(p);
            const char *pn = strings + be32(p + 4);
            const u8 *v = p + 8;
            if (depth == 0) {
                return 0;
            }
            if (!path && !strcmp(pn, "compatible") && str_has((const char *)v, l, compat)) {
                compat_ok[depth - 1] = 1;
            }
            if (!strcmp(pn, name)) {
                hit[depth - 1] = v;
                hit_len[depth - 1] = l;
            }
            p += 8 + ((l + 3) & ~3UL);
        } else if (tok != FDT_NOP) {
            return 0;               /* FDT_END or a corrupt blob */
        }
    }
}

static void header(void)
{
    blob = (const u8 *)DTB_BASE;
    check_eq(be32(blob), FDT_MAGIC, "DTB magic at RAM base");
    check_true(be32(blob + 20) >= 16, "DTB version >= 16");
    check_true(be32(blob + 24) <= 16, "DTB last compatible version <= 16");
    check_true(DTB_BASE + be32(blob + 4) <= 0x40200000, "DTB ends below the image");
}

static void root_memory(void)
{
    u32 len;
    const u8 *v;

    v = find_prop("/", 0, "#address-cells", &len, 0);
    check_true(v && be32(v) == 2, "/ #address-cells = 2");
    v = find_prop("/", 0, "#size-cells", &len, 0);
    check_true(v && be32(v) == 2, "/ #size-cells = 2");
    v = find_prop("/memory@40000000", 0, "device_type", &len, 0);
    check_true(v && !strcmp((const char *)v, "memory"), "/memory@40000000 device_type memory");
    v = find_prop("/memory@40000000", 0, "reg", &len, 0);
    check_true(v && len == 16, "/memory reg has one (address, size) pair");
    if (v && len == 16) {
        check_eq(be64(v), 0x40000000, "RAM base 0x40000000");
        check_eq(be64(v + 8), 256ULL << 20, "RAM size is the -m 256 value");
    }
}

static void devices(void)
{
    char uart_path[256], chosen[256];
    u32 len;
    const u8 *v;

    v = find_prop(0, "arm,pl011", "reg", &len, uart_path);
    check_true(v && len == 16, "PL011 node with reg");
    if (v && len == 16) {
        check_eq(be64(v), 0x09000000, "PL011 base 0x09000000");
        check_eq(be64(v + 8), 0x1000, "PL011 size 0x1000");
    }
    v = find_prop(0, "arm,pl011", "interrupts", &len, 0);
    check_true(v && len == 12 && be32(v) == 0 && be32(v + 4) == 1, "PL011 interrupt SPI 1 (INTID 33)");
    v = find_prop("/chosen", 0, "stdout-path", &len, chosen);
    check_true(v && !strcmp((const char *)v, uart_path), "/chosen stdout-path is the PL011 node");

    v = find_prop(0, "arm,gic-v3", "reg", &len, 0);
    check_true(v && len >= 32, "GICv3 node with distributor and redistributor regions");
    if (v && len >= 32) {
        check_eq(be64(v), 0x08000000, "GICD base 0x08000000");
        check_eq(be64(v + 8), 0x10000, "GICD size 64 KiB");
        check_eq(be64(v + 16), 0x080a0000, "GICR base 0x080a0000");
        /* At least one RD_base + SGI_base frame pair, at most the board's 0xf60000 window. */
        check_true(be64(v + 24) >= 0x20000 && be64(v + 24) <= 0xf60000,
                   "GICR region size between 0x20000 and 0xf60000");
    }
    v = find_prop(0, "arm,gic-v3", "#interrupt-cells", &len, 0);
    check_true(v && be32(v) == 3, "GICv3 #interrupt-cells = 3");
}

static void timer(void)
{
    static const u32 ppi[4] = { 13, 14, 11, 10 };   /* INTIDs 29, 30, 27, 26 */
    u32 len;
    const u8 *v = find_prop(0, "arm,armv8-timer", "interrupts", &len, 0);

    check_true(v && len == 48, "timer node with four PPIs");
    for (int i = 0; v && len == 48 && i < 4; i++) {
        check_eq(be32(v + 12 * i), 1, "timer interrupt %d is a PPI", i);
        check_eq(16 + be32(v + 12 * i + 4), 16 + ppi[i], "timer interrupt %d INTID", i);
    }
    v = find_prop(0, "arm,armv8-timer", "clock-frequency", &len, 0);
    check_true(!v || be32(v) == read_sysreg(cntfrq_el0),
               "timer clock-frequency, when present, equals CNTFRQ_EL0");
    check_true(read_sysreg(cntfrq_el0) != 0, "CNTFRQ_EL0 programmed at boot");
}

/* PSCI (DEN 0022): function IDs and return values. */
static u64 psci_hvc(u64 fn, u64 a1)
{
    register u64 x0 asm("x0") = fn;
    register u64 x1 asm("x1") = a1;
    asm volatile("hvc #0" : "+r"(x0), "+r"(x1) :: "x2", "x3", "memory");
    return x0;
}

static void psci(void)
{
    u32 len;
    const u8 *v = find_prop(0, "arm,psci-0.2", "method", &len, 0);
    u64 ver;

    check_true(v && !strcmp((const char *)v, "hvc"), "PSCI node: method hvc (no EL2/EL3 on this board)");
    v = find_prop(0, "arm,psci-0.2", "cpu_on", &len, 0);
    check_true(v && be32(v) == 0xc4000003, "PSCI cpu_on = 0xc4000003 (CPU_ON SMC64)");
    /* The board answers HVC itself; an UNDEFINED HVC is reported, not fatal. */
    exc_expect(0);
    ver = psci_hvc(0x84000000, 0);
    if (!check_true(!exc_taken(), "PSCI_VERSION through HVC handled by the board")) {
        return;
    }
    check_true((ver >> 16) >= 1, "PSCI_VERSION through HVC: major >= 1");
    check_eq(psci_hvc(0x8400000a, 0xc4000003), 0, "PSCI_FEATURES(CPU_ON) supported");
    check_eq(psci_hvc(0x8400000a, 0x8400ffff) & 0xffffffff, 0xffffffff,
             "PSCI_FEATURES of an unknown function: NOT_SUPPORTED (-1)");
}

void test_main(void)
{
    if (start_el != 1) {
        skip("expects to start at EL1 (-M virt,gic-version=3)");
        return;
    }
    header();
    if (be32(blob) != FDT_MAGIC) {
        return;
    }
    root_memory();
    devices();
    timer();
    psci();
}
