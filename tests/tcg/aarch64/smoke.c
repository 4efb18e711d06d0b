/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bring-up test: the image starts, prints through the PL011 and exits through semihosting. */
#include "testlib.h"

/* The smallest useful run, for an emulator that has just begun to run guest code. */
void test_main(void)
{
    u64 x = 6, y = 7;

    check_true(1, "image entered at EL%u and printed a line", start_el);
    check_eq(x * y, 42, "6 * 7 computed by the guest");
}
