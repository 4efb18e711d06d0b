/* SPDX-License-Identifier: GPL-2.0-or-later */
/* options.h: the QEMU-compatible command line, parsed and validated into GranuleOptions. */
#ifndef SYSTEM_OPTIONS_H
#define SYSTEM_OPTIONS_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* The QEMU release whose command line and -version string we present to scripts. */
#define GRANULE_QEMU_COMPAT_MAJOR 9
#define GRANULE_QEMU_COMPAT_MINOR 2
#define GRANULE_QEMU_COMPAT_VERSION "9.2.0"

#define GRANULE_MAX_SERIALS 4
#define GRANULE_PFLASH_UNITS 2
/* Each of the two virt flash banks is 64 MiB (facts/virt-memory-map.md). */
#define GRANULE_PFLASH_BANK_SIZE (64ull << 20)
#define GRANULE_RAM_MIN (16ull << 20)
/* RAM starts at 0x40000000; 255 GiB keeps it below 256 GiB, inside a 40-bit PA space. */
#define GRANULE_RAM_MAX (255ull << 30)
#define GRANULE_RAM_DEFAULT (128ull << 20)
#define GRANULE_GDB_DEFAULT_PORT 1234

/* A tri-state for properties whose absence means "the model's or board's default". */
typedef enum {
    GRANULE_AUTO = 0,
    GRANULE_ON,
    GRANULE_OFF,
} GranuleOnOffAuto;

typedef enum {
    GRANULE_CPU_MAX = 0,
    GRANULE_CPU_CORTEX_A53,
    GRANULE_CPU_CORTEX_A57,
    GRANULE_CPU_CORTEX_A72,
} GranuleCpuModel;

/* A character backend for -serial and -monitor. */
typedef enum {
    GRANULE_CHAR_NONE = 0,  /* "none": the device (or monitor) does not exist */
    GRANULE_CHAR_NULL,      /* "null": the device exists; output is dropped, input never comes */
    GRANULE_CHAR_STDIO,     /* the host's stdin/stdout (a terminal is put in raw mode) */
    GRANULE_CHAR_FILE,      /* output written to path (created or truncated); no input */
} GranuleCharKind;

typedef struct {
    GranuleCharKind kind;
    char *path;             /* GRANULE_CHAR_FILE only */
    /* "mon:" prefix: the HMP monitor is multiplexed on this backend (Ctrl-A c switches). */
    bool mux_monitor;
} GranuleCharSpec;

typedef enum {
    GRANULE_SEMIHOSTING_AUTO = 0,   /* target=auto: native unless a gdb is attached */
    GRANULE_SEMIHOSTING_NATIVE,
    GRANULE_SEMIHOSTING_GDB,
} GranuleSemihostingTarget;

typedef enum {
    GRANULE_LOADER_FILE,    /* file=F[,addr=A][,force-raw=on][,cpu-num=N] */
    GRANULE_LOADER_DATA,    /* addr=A,data=V,data-len=L[,data-be=on][,cpu-num=N] */
    GRANULE_LOADER_SET_PC,  /* addr=A,cpu-num=N: only sets that CPU's PC */
} GranuleLoaderKind;

/* One -device loader, in command-line order (QEMU applies them in that order after reset). */
typedef struct {
    GranuleLoaderKind kind;
    char *file;             /* FILE: readable at parse time */
    bool has_addr;
    uint64_t addr;          /* FILE: raw-image load address (ELF files carry their own) */
    uint64_t data;          /* DATA: the value; only its low data_len bytes are stored */
    unsigned data_len;      /* DATA: 1, 2, 4 or 8 */
    bool data_be;           /* DATA: store big-endian instead of the CPU's endianness */
    bool force_raw;         /* FILE: do not try ELF/uImage/hex first */
    /* -1 when not given. FILE: that CPU's PC gets the ELF entry (or addr for a raw image);
     * DATA: only picks the CPU whose address space is written; SET_PC: PC = addr. */
    int cpu_num;
} GranuleLoader;

/* One -drive if=pflash or -pflash. */
typedef struct {
    char *file;             /* NULL: the bank is absent (left erased) */
    bool readonly;
    uint64_t size;          /* file size, 1..GRANULE_PFLASH_BANK_SIZE; the rest reads as erased */
} GranulePflash;

/* Everything the board needs; filled and validated by options_parse(). Strings are owned. */
typedef struct {
    /* -M virt[-X.Y][,props]: 0.0 for plain "virt" (the newest, GRANULE_QEMU_COMPAT_*) */
    int machine_version_major;
    int machine_version_minor;
    bool secure;            /* secure=on: EL3, secure flash/RAM/UART views; forced by rme=on */
    bool virtualization;    /* virtualization=on: EL2; forced by rme=on */
    int gic_version;        /* always 3 for now (gic-version=3 or max) */
    bool gic_version_given; /* gic-version= was on the command line */
    /* RME: machine rme=on (our shorthand); it also sets secure, virtualization and cpu_rme.
     * QEMU's spelling, -M virt,secure=on[,virtualization=on] -cpu max,x-rme=on, sets only
     * cpu_rme; x-rme=on without secure=on is rejected (FEAT_RME needs EL3). */
    bool rme;
    GranuleOnOffAuto acpi;  /* acpi=on is rejected: no ACPI tables yet */
    GranuleOnOffAuto highmem;
    GranuleOnOffAuto its;
    char *dumpdtb;          /* dumpdtb=FILE: write the generated DTB there and exit */

    /* -cpu MODEL[,props]; the default is max. */
    GranuleCpuModel cpu_model;
    const char *cpu_name;   /* static string, e.g. "cortex-a57" */
    bool cpu_rme;           /* FEAT_RME (max only) */
    unsigned l0gptsz;       /* x-l0gptsz: GPCCR_EL3.L0GPTSZ reported size, 30/34/36/39 */
    GranuleOnOffAuto pauth;
    GranuleOnOffAuto pauth_impdef;
    GranuleOnOffAuto pauth_qarma3;
    GranuleOnOffAuto sve;
    GranuleOnOffAuto sme;
    GranuleOnOffAuto lpa2;
    GranuleOnOffAuto pmu;

    uint64_t ram_size;      /* -m, bytes: 16 MiB..255 GiB, rounded up to 8 KiB; default 128 MiB */
    unsigned smp_cpus;      /* -smp: 1 */

    /* Images; every named file was readable at parse time. */
    char *bios;             /* -bios: loaded at flash bank 0 (0x0) */
    char *kernel;           /* -kernel */
    char *initrd;           /* -initrd (needs -kernel) */
    char *append;           /* -append (needs -kernel) */
    char *dtb;              /* -dtb: used instead of the generated device tree */
    char *firmware_dir;     /* -L DIR: where bundled firmware is looked up first */
    GranulePflash pflash[GRANULE_PFLASH_UNITS];

    /* Character devices. serial[i] is -serial number i: 0 = UART0 (non-secure), 1 = UART1
     * (the secure UART when secure=on); the others have no device on virt. Unset ones are
     * GRANULE_CHAR_NONE. */
    GranuleCharSpec serial[GRANULE_MAX_SERIALS];
    unsigned nb_serials;
    GranuleCharSpec monitor;  /* a dedicated -monitor backend, GRANULE_CHAR_NONE when absent */
    int monitor_serial;       /* index of the serial the monitor is multiplexed on, or -1 */
    bool nographic;           /* -nographic */
    /* Ctrl-C on the stdio terminal ends the emulator (plain stdio, as in QEMU); off when the
     * monitor shares stdio (mon:stdio, -nographic's default) or -chardev stdio,signal=off,
     * so that Ctrl-C reaches the guest. */
    bool stdio_signal;

    /* Debugging and logging */
    uint32_t log_mask;      /* -d: qemu_loglevel is also set */
    char *log_file;         /* -D: already opened by options_parse (qemu_log_set_file) */
    bool gdb;               /* -s or -gdb tcp:... */
    char *gdb_host;         /* NULL: listen on all interfaces */
    unsigned gdb_port;
    bool start_stopped;     /* -S */

    /* -semihosting / -semihosting-config */
    bool semihosting;
    GranuleSemihostingTarget semihosting_target;
    bool semihosting_userspace;
    /* arg=... in order, NULL-terminated (NULL when none given); argv[0] is the program name
     * and SYS_GET_CMDLINE returns them joined by spaces. Without arg=, QEMU answers
     * SYS_GET_CMDLINE with "KERNEL APPEND" from -kernel and -append. */
    char **semihosting_argv;
    unsigned semihosting_argc;

    GranuleLoader *loaders;   /* -device loader, in order */
    unsigned nb_loaders;

    /* Accepted; only some change behaviour yet. */
    bool no_reboot;         /* -no-reboot: a guest reset exits the emulator */
    bool no_shutdown;       /* -no-shutdown: a guest power-off stops the CPU, does not exit */
    bool nodefaults;        /* -nodefaults: no default serial or monitor */
    bool accel_multi_thread;  /* -accel tcg,thread=multi */
    bool icount;            /* -icount given */
    int icount_shift;       /* -icount shift=N (0..10), -1 for shift=auto */
    bool icount_align;
    bool icount_sleep;      /* default on, as in QEMU */
    char *rtc_base;         /* -rtc base=utc|localtime|DATETIME, NULL when not given */
    char *name;             /* -name */
    char *uuid;             /* -uuid, validated 8-4-4-4-12 hex */
} GranuleOptions;

/* Parse and validate the command line. 0: boot; 1: already done (help, version, -x-dump-options),
 * exit 0; -1: one error line printed on stderr, exit 1. opts is always initialised; free it with
 * options_free() in every case. On success the -d mask is in qemu_loglevel and the -D file is
 * open; nothing else (files, sockets, terminals) has been touched. */
int options_parse(int argc, char **argv, GranuleOptions *opts);
void options_free(GranuleOptions *opts);

/* Test hook (-x-dump-options): the parsed options as sorted-by-group "key=value" lines. */
void options_dump(const GranuleOptions *opts, FILE *out);

#endif
