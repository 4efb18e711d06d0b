/* SPDX-License-Identifier: BSD-3-Clause */
/* main.c: self-test image: library checks on the real target, reported on the PL011. */
#include <stdint.h>
#include <arch/cache.h>
#include <arch/sysreg.h>
#include <crypto/sha2.h>
#include <lib/console.h>
#include <lib/fdt.h>
#include <lib/mem.h>
#include <lib/panic.h>
#include <lib/printf.h>
#include <lib/spinlock.h>
#include "selftest.h"

/* virt board UART0 and RAM base (shared/facts/virt-memory-map.md). */
#define VIRT_UART0      0x09000000u
#define VIRT_RAM_BASE   0x40000000u

static int failures;
static char cmdline[128];

static int strstr_simple(const char *hay, const char *needle)
{
    size_t n = strlen(needle);

    for (; *hay; hay++) {
        if (strncmp(hay, needle, n) == 0) {
            return 1;
        }
    }
    return 0;
}

void check(int ok, const char *what)
{
    printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    if (!ok) {
        failures++;
    }
}

static int str_is(const char *got, const char *want)
{
    return strcmp(got, want) == 0;
}

/* Expected strings follow ISO C 7.21.6.1; the host suite compares many more against libc. */
static void test_printf(void)
{
    char buf[64];
    int n;

    n = snprintf(buf, sizeof(buf), "%d|%5u|%-5x|%05X|%c|%s|%%", -42, 7u, 0xabu, 0xbeefu, 'q', "hi");
    check(str_is(buf, "-42|    7|ab   |0BEEF|q|hi|%") && n == (int)strlen(buf),
          "snprintf int/char/string");
    snprintf(buf, sizeof(buf), "%lld %llx %zu %lu", -9000000000ll, 0x123456789abcdefull,
             (size_t)4096, 18446744073709551615ul);
    check(str_is(buf, "-9000000000 123456789abcdef 4096 18446744073709551615"),
          "snprintf 64-bit sizes");
    snprintf(buf, sizeof(buf), "%p", (void *)(uintptr_t)0x9000000);
    check(str_is(buf, "0x9000000"), "snprintf %p");
    /* More arguments than the 8 argument registers: the rest come from the stack (AAPCS64
     * C.12), and the va_list must walk from one area to the other. */
    snprintf(buf, sizeof(buf), "%d %d %d %d %d %d %d %d %d %d %s %llx", 1, 2, 3, 4, 5, 6, 7, 8, 9,
             10, "s", 0x1122334455667788ull);
    check(str_is(buf, "1 2 3 4 5 6 7 8 9 10 s 1122334455667788"), "snprintf stack arguments");
    n = snprintf(buf, 5, "%s", "truncated");
    check(n == 9 && str_is(buf, "trun"), "snprintf truncation and return value");
    n = printf("printf to the console: %08x\n", 0x1234u);
    check(n == snprintf(NULL, 0, "printf to the console: %08x\n", 0x1234u),
          "printf and snprintf count alike");
}

static void test_string(void)
{
    char a[32] = "0123456789";
    char b[32];

    memmove(a + 2, a, 8);
    check(memcmp(a, "0101234567", 10) == 0, "memmove forward overlap");
    memmove(a, a + 2, 8);
    check(memcmp(a, "01234567", 8) == 0, "memmove backward overlap");
    memset(b, 'x', sizeof(b));
    memcpy(b + 3, "abc", 4);
    check(b[2] == 'x' && str_is(b + 3, "abc") && b[7] == 'x', "memset/memcpy");
    check(strlen("hello") == 5 && strnlen("hello", 3) == 3, "strlen/strnlen");
    check(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strncmp("abcx", "abcy", 3) == 0,
          "strcmp/strncmp");
}

/* FIPS 180-2, appendix B.1: SHA-256("abc"). */
static void test_sha256(void)
{
    static const uint8_t want[32] = {
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae,
        0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61,
        0xf2, 0x00, 0x15, 0xad,
    };
    uint8_t got[32];

    sha256("abc", 3, got);
    check(memcmp(got, want, sizeof(want)) == 0, "sha256(\"abc\")");
}

static void test_spinlock(void)
{
    static spinlock_t lock;

    printf("spinlock uses %s\n", spinlock_uses_lse() ? "LSE" : "exclusives");
    spin_lock(&lock);
    check(!spin_trylock(&lock), "trylock fails on a held lock");
    spin_unlock(&lock);
    check(spin_trylock(&lock), "trylock takes a free lock");
    spin_unlock(&lock);
    check(lock.lock == 0, "unlock releases");
}

/*
 * Overruns a protected local array.  The canary check in the epilogue must call
 * __stack_chk_fail, which panics, which exits through semihosting with status 2: the function
 * never returns into the frame it damaged.
 */
static __attribute__((noinline)) void smash_stack(volatile size_t n)
{
    char buf[16];

    for (size_t i = 0; i < n; i++) {
        ((volatile char *)buf)[i] = 0x5a;
    }
}

static void test_cache(void)
{
    static uint8_t area[256] __attribute__((aligned(64)));

    memset(area, 0x33, sizeof(area));
    dcache_clean_range(area, sizeof(area));
    dcache_clean_inval_range(area + 1, 100);
    dcache_inval_range(area + 3, 70);
    icache_inval_all();
    check(dcache_line_size() >= 16 && area[0] == 0x33 && area[255] == 0x33,
          "cache maintenance by range keeps the data");
}

/* The board passes a DTB in x0 (Linux protocol) or, for firmware boots, at the base of RAM. */
static const void *find_dtb(uintptr_t x0)
{
    if (x0 && *(volatile uint32_t *)x0 == 0xedfe0dd0u) {
        return (const void *)x0;
    }
    if (*(volatile uint32_t *)(uintptr_t)VIRT_RAM_BASE == 0xedfe0dd0u) {
        return (const void *)(uintptr_t)VIRT_RAM_BASE;
    }
    return NULL;
}

static void test_fdt(const void *blob)
{
    struct dtb d;
    struct dtb_mem_iter it = DTB_MEM_ITER_INIT;
    uint64_t base, size, addr;
    uintptr_t self = (uintptr_t)&failures;
    int covered = 0;
    int node;

    if (!blob) {
        printf("SKIP: no device tree found\n");
        return;
    }
    /* The header's totalsize bounds the blob; dtb_open re-checks it against this limit. */
    check(dtb_open(&d, blob, 0x200000) == DTB_OK, "dtb_open on the board's DTB");
    while (dtb_memory_next(&d, &it, &base, &size) == 1) {
        printf("memory: 0x%llx size 0x%llx\n", (unsigned long long)base,
               (unsigned long long)size);
        if (self >= base && self - base < size) {
            covered = 1;
        }
    }
    check(covered, "a memory node covers this image's data");
    node = dtb_find_path(&d, "/pl011@9000000");
    check(node >= 0 && dtb_reg(&d, node, 0, &addr, &size) == DTB_OK && addr == VIRT_UART0,
          "the DTB's pl011 is the console UART");
}

void selftest_exception(uint64_t index)
{
    uint64_t esr, elr;

    switch (current_el()) {
    case 3:
        esr = read_sysreg(ESR_EL3);
        elr = read_sysreg(ELR_EL3);
        break;
    case 2:
        esr = read_sysreg(ESR_EL2);
        elr = read_sysreg(ELR_EL2);
        break;
    default:
        esr = read_sysreg(ESR_EL1);
        elr = read_sysreg(ELR_EL1);
        break;
    }
    printf("FAIL: unexpected exception, vector %llu ESR 0x%llx ELR 0x%llx\n",
           (unsigned long long)index, (unsigned long long)esr, (unsigned long long)elr);
    semihost_exit(3);
}

/* Seeds the stack-protector guard, so it must not itself be protected (see panic.h). */
FW_NO_STACK_PROTECTOR void selftest_main(uintptr_t dtb)
{
    stack_protector_init(read_sysreg(CNTPCT_EL0) ^ (uint64_t)dtb);
    console_init(VIRT_UART0, 0, 0);
    printf("granule firmware self-test: running at EL%u\n", current_el());
    if (semihost_cmdline(cmdline, sizeof(cmdline)) > 0 && strstr_simple(cmdline, "smash")) {
        printf("smashing the stack on purpose\n");
        smash_stack(64);
        check(0, "the stack protector caught the overrun");
    }
    check(__stack_chk_guard != 0, "stack protector guard set");
    test_printf();
    test_string();
    test_sha256();
    test_cache();
    test_fdt(find_dtb(dtb));
    selftest_mmu();
    test_spinlock();
    selftest_smp(find_dtb(dtb));
    if (failures) {
        printf("SELFTEST FAIL (%d)\n", failures);
    } else {
        printf("SELFTEST PASS\n");
    }
    console_flush();
    semihost_exit(failures ? 1 : 0);
}
