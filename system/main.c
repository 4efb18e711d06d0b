/* SPDX-License-Identifier: GPL-2.0-or-later */
/* main.c: qemu-system-aarch64 entry point (parse the command line; the board comes later). */
#include "system/options.h"

int main(int argc, char **argv)
{
    GranuleOptions opts;
    int ret = options_parse(argc, argv, &opts);

    options_free(&opts);
    return ret < 0 ? 1 : 0;
}
