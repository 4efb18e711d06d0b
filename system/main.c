/* SPDX-License-Identifier: GPL-2.0-or-later */
/* main.c: qemu-system-aarch64: parse the command line, build the board, run until shutdown. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include "hw/arm/virt.h"
#include "qemu/timer.h"
#include "system/chardev.h"
#include "system/debug-hooks.h"
#include "system/options.h"
#include "system/runloop.h"

static void on_signal(int sig)
{
    (void)sig;
    qemu_system_shutdown_request(SHUTDOWN_HOST_QUIT);
}

int main(int argc, char **argv)
{
    GranuleOptions opts;
    VirtMachine *vm;
    int ret = options_parse(argc, argv, &opts);

    if (ret != 0) {
        options_free(&opts);
        return ret < 0 ? 1 : 0;
    }
    if (opts.icount) {
        clock_set_icount(opts.icount_shift < 0 ? 3 : opts.icount_shift);
    }
    vm = virt_create(&opts);
    if (!vm) {
        chardev_cleanup();
        options_free(&opts);
        return 1;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
    signal(SIGPIPE, SIG_IGN);
    if (debug_hooks_start(&opts, vm) < 0) {
        chardev_cleanup();
        options_free(&opts);
        return 1;
    }
    if (opts.start_stopped) {
        runloop_set_paused(true);
    }
    ret = runloop_run(opts.no_reboot, opts.no_shutdown);
    if (getenv("GRANULE_STATS")) {
        /* For scripts/bench: retired guest instructions (counted per executed TB). */
        fprintf(stderr, "granule-stats: insns=%llu\n", (unsigned long long)vm->cpu.insn_count);
    }
    chardev_cleanup();
    options_free(&opts);
    return ret;
}
