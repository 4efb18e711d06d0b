/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Arm semihosting via HLT #0xF000: console output, file I/O on a temp file, errno, command line, clocks, exit. */
#include "testlib.h"

/*
 * Semihosting for AArch64 (Arm "Semihosting for AArch32 and AArch64",
 * version 2.0): operation in W0, parameter block address in X1, result in
 * X0.  The runner starts the emulator in a private temporary directory,
 * so relative file names land there.  It also passes
 * -semihosting-config arg=granule-tcg,arg=alpha,arg=beta and expects the
 * console lines written with SYS_WRITEC and SYS_WRITE0.
 */
static u64 call(u64 op, u64 a, u64 b, u64 c)
{
    u64 block[3] = { a, b, c };
    return semihost(op, (u64)block);
}

static void console(void)
{
    static const char line[] = "SEMIHOST-WRITEC: ok\n";
    for (const char *p = line; *p; p++) {
        semihost(SYS_WRITEC, (u64)p);
    }
    semihost(SYS_WRITE0, (u64)"SEMIHOST-WRITE0: ok\n");
    check_true(1, "SYS_WRITEC and SYS_WRITE0 returned");
}

static void files(void)
{
    static const char name[] = "granule-semihosting.tmp";
    static const char data[] = "0123456789abcdef";
    char buf[32];
    s64 h, r;

    h = call(SYS_OPEN, (u64)name, 6 /* "w+" */, sizeof(name) - 1);
    check_true(h >= 0, "SYS_OPEN w+ returns a handle");
    check_eq(call(SYS_WRITE, h, (u64)data, 16), 0, "SYS_WRITE 16 bytes: 0 bytes left");
    check_eq(call(SYS_FLEN, h, 0, 0), 16, "SYS_FLEN after writing 16 bytes");
    check_eq(call(SYS_ISTTY, h, 0, 0), 0, "SYS_ISTTY on a file is 0");
    check_eq(call(SYS_SEEK, h, 10, 0), 0, "SYS_SEEK to 10");
    memset(buf, 0, sizeof(buf));
    check_eq(call(SYS_READ, h, (u64)buf, 4), 0, "SYS_READ 4 bytes at 10: 0 left");
    check_true(memcmp(buf, "abcd", 4) == 0, "SYS_READ data at offset 10");
    check_eq(call(SYS_READ, h, (u64)buf, 10), 8, "SYS_READ 10 bytes with 2 left: 8 not read");
    check_true(memcmp(buf, "ef", 2) == 0, "SYS_READ partial data");
    check_eq(call(SYS_READ, h, (u64)buf, 5), 5, "SYS_READ at EOF: nothing read");
    check_eq(call(SYS_SEEK, h, 0, 0), 0, "SYS_SEEK to 0");
    check_eq(call(SYS_WRITE, h, (u64)"XY", 2), 0, "SYS_WRITE overwrites at 0");
    check_eq(call(SYS_FLEN, h, 0, 0), 16, "SYS_FLEN unchanged by an overwrite");
    check_eq(call(SYS_CLOSE, h, 0, 0), 0, "SYS_CLOSE");

    h = call(SYS_OPEN, (u64)name, 0 /* "r" */, sizeof(name) - 1);
    check_true(h >= 0, "SYS_OPEN r of the file just written");
    memset(buf, 0, sizeof(buf));
    check_eq(call(SYS_READ, h, (u64)buf, 16), 0, "SYS_READ whole file");
    check_true(memcmp(buf, "XY23456789abcdef", 16) == 0, "file content after reopen");
    check_eq(call(SYS_CLOSE, h, 0, 0), 0, "SYS_CLOSE read handle");

    check_eq(call(SYS_REMOVE, (u64)name, sizeof(name) - 1, 0), 0, "SYS_REMOVE");
    h = call(SYS_OPEN, (u64)name, 0, sizeof(name) - 1);
    check_eq(h, (u64)-1, "SYS_OPEN r of a removed file fails with -1");
    r = semihost(SYS_ERRNO, 0);
    check_true(r != 0, "SYS_ERRNO non-zero after a failed open");
}

static void cmdline_and_clocks(void)
{
    char buf[80];
    u64 block[2] = { (u64)buf, sizeof(buf) };
    u64 e1[1], e2[1];

    memset(buf, 0x55, sizeof(buf));
    check_eq(semihost(SYS_GET_CMDLINE, (u64)block), 0, "SYS_GET_CMDLINE succeeds");
    check_true(strcmp(buf, "granule-tcg alpha beta") == 0, "SYS_GET_CMDLINE text is \"granule-tcg alpha beta\"");
    check_eq(block[1], 22, "SYS_GET_CMDLINE returns the length");

    check_true((s64)semihost(SYS_CLOCK, 0) >= 0, "SYS_CLOCK non-negative");
    check_true(semihost(SYS_TIME, 0) > 1600000000ULL, "SYS_TIME is seconds since 1970");
    check_true(semihost(SYS_TICKFREQ, 0) > 0, "SYS_TICKFREQ positive");
    check_eq(semihost(SYS_ELAPSED, (u64)e1), 0, "SYS_ELAPSED succeeds");
    for (volatile int i = 0; i < 100000; i++) {
        /* let time pass */
    }
    semihost(SYS_ELAPSED, (u64)e2);
    check_true(e2[0] > e1[0], "SYS_ELAPSED increases");
}

void test_main(void)
{
    u64 block[2] = { ADP_Stopped_ApplicationExit, 0 };

    console();
    files();
    cmdline_and_clocks();
    /* Finish with SYS_EXIT_EXTENDED: the emulator's exit status is the subcode. */
    printf("SUMMARY: %u passed, %u failed (SYS_EXIT_EXTENDED)\n", checks_passed, checks_failed);
    block[1] = checks_failed ? 1 : 0;
    semihost(SYS_EXIT_EXTENDED, (u64)block);
    check_true(0, "SYS_EXIT_EXTENDED returned");
}
