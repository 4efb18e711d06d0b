/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit and subcode 3: the emulator exits with status 3. */
#include "testlib.h"

void test_main(void)
{
    static u64 block[2] = { ADP_Stopped_ApplicationExit, 3 };

    check_true(1, "about to exit with status 3 (the runner expects it)");
    semihost(SYS_EXIT_EXTENDED, (u64)block);
    check_true(0, "SYS_EXIT_EXTENDED returned");
}
