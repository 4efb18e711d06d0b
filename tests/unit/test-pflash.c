/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test-pflash.c: CFI flash command sequences, status, query table and backing files. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include "cpu-stubs.h"
#include "hw/block/pflash.h"
#include "qemu/log.h"

#define BASE  0x04000000ull
#define SECT  PFLASH_SECTOR_SIZE
#define MB    (1024 * 1024ull)

static AddressSpace as;
static PFlashState *fl;
static char err[256];

static uint64_t rd(uint64_t off, unsigned size)
{
    uint64_t v = 0xdeadbeef;
    g_assert_cmpint(address_space_ld(&as, BASE + off, size, &v, MEMTXATTRS_UNSPECIFIED), ==,
                    MEMTX_OK);
    return v;
}

static void wr(uint64_t off, uint32_t v)
{
    g_assert_cmpint(address_space_st(&as, BASE + off, 4, v, MEMTXATTRS_UNSPECIFIED), ==,
                    MEMTX_OK);
}

/* A command as software for two interleaved x16 devices sends it: in both halves. */
static void cmd(uint64_t off, uint8_t c)
{
    wr(off, (uint32_t)c | (uint32_t)c << 16);
}

static PFlashState *make(uint64_t size, const char *file, bool ro)
{
    AddressSpace *views[1] = { &as };

    address_space_init(&as, "test");
    err[0] = 0;
    fl = pflash_create("flash1", BASE, size, file, ro, views, 1, err, sizeof(err));
    return fl;
}

static char *temp_file(const void *data, size_t len)
{
    char *path = NULL;
    GError *e = NULL;
    int fd = g_file_open_tmp("pflash-XXXXXX", &path, &e);

    g_assert_no_error(e);
    g_assert_cmpint(write(fd, data, len), ==, (ssize_t)len);
    close(fd);
    return path;
}

/* Read array, word program (0x40) and NOR AND semantics, read status (0x70). */
static void test_program(void)
{
    g_assert_nonnull(make(MB, NULL, false));
    g_assert_cmpuint(rd(0x100, 4), ==, 0xffffffff);    /* erased */
    g_assert_true(as.regions[0]->romd);
    cmd(0x100, 0x40);
    g_assert_false(as.regions[0]->romd);               /* reads now come from the device */
    wr(0x100, 0x12345678);
    g_assert_cmpuint(rd(0x100, 4), ==, 0x00800080);    /* status: ready, both devices */
    g_assert_cmpuint(rd(0x102, 2), ==, 0x0080);
    cmd(0, 0xff);
    g_assert_true(as.regions[0]->romd);
    g_assert_cmpuint(rd(0x100, 4), ==, 0x12345678);
    cmd(0x100, 0x10);                                  /* alternate setup code */
    wr(0x100, 0xffff00ff);                             /* programming only clears bits */
    cmd(0, 0xff);
    g_assert_cmpuint(rd(0x100, 4), ==, 0x12340078);
    g_assert_cmpuint(pflash_ram(fl)[0x100], ==, 0x78);
}

/* Block erase (0x20, 0xD0) erases exactly one 256 KiB sector. */
static void test_erase(void)
{
    g_assert_nonnull(make(MB, NULL, false));
    memset(pflash_ram(fl), 0, MB);
    cmd(SECT + 0x10, 0x20);
    cmd(SECT + 0x20, 0xd0);
    g_assert_cmpuint(rd(0, 4) & 0x00ff00ff, ==, 0x00800080);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(SECT - 4, 4), ==, 0);
    g_assert_cmpuint(rd(SECT, 4), ==, 0xffffffff);
    g_assert_cmpuint(rd(2 * SECT - 4, 4), ==, 0xffffffff);
    g_assert_cmpuint(rd(2 * SECT, 4), ==, 0);
}

/* A wrong second cycle is a command sequence error: SR.4 and SR.5; 0x50 clears them. */
static void test_sequence_error(void)
{
    g_assert_nonnull(make(MB, NULL, false));
    memset(pflash_ram(fl), 0, MB);
    cmd(0, 0x20);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(0, 4), ==, 0x00b000b0);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(0, 4), ==, 0);                 /* nothing erased */
    cmd(0, 0x70);
    g_assert_cmpuint(rd(0, 4), ==, 0x00b000b0);        /* errors are sticky */
    cmd(0, 0x50);
    g_assert_cmpuint(rd(0, 4), ==, 0x00800080);
}

/* Buffered program: 0xE8, count N-1, N data cycles, 0xD0. */
static void test_buffered_program(void)
{
    g_assert_nonnull(make(MB, NULL, false));
    cmd(0x200, 0xe8);
    g_assert_cmpuint(rd(0x200, 4) & 0x80, ==, 0x80);   /* buffer available */
    wr(0x200, 0x00020002);                             /* three words */
    wr(0x200, 0x11111111);
    wr(0x204, 0x22222222);
    wr(0x208, 0x33333333);
    g_assert_cmpuint(pflash_ram(fl)[0x200], ==, 0xff); /* nothing before the confirm */
    cmd(0x200, 0xd0);
    g_assert_cmpuint(rd(0, 4), ==, 0x00800080);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(0x200, 4), ==, 0x11111111);
    g_assert_cmpuint(rd(0x208, 4), ==, 0x33333333);
    g_assert_cmpuint(rd(0x20c, 4), ==, 0xffffffff);
    /* a count beyond the 4 KiB buffer is an error */
    cmd(0x400, 0xe8);
    wr(0x400, 0x04000400);
    g_assert_cmpuint(rd(0, 4) & 0x30, ==, 0x30);
    cmd(0, 0x50);
    /* no confirm: error, nothing written */
    cmd(0x400, 0xe8);
    wr(0x400, 0);
    wr(0x400, 0);
    cmd(0x400, 0xff);
    g_assert_cmpuint(rd(0, 4) & 0x30, ==, 0x30);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(0x400, 4), ==, 0xffffffff);
}

/* CFI query (0x98) of each x16 device (JESD68): "QRY", command set, geometry. */
static void test_cfi_query(void)
{
    g_assert_nonnull(make(64 * MB, NULL, false));
    cmd(0x55 * 4, 0x98);
    g_assert_cmpuint(rd(0x10 * 4, 4), ==, 0x00510051);   /* 'Q' from both devices */
    g_assert_cmpuint(rd(0x11 * 4, 4), ==, 0x00520052);
    g_assert_cmpuint(rd(0x12 * 4, 4), ==, 0x00590059);
    g_assert_cmpuint(rd(0x13 * 4, 1), ==, 0x01);          /* Intel/Sharp command set */
    g_assert_cmpuint(rd(0x15 * 4, 1), ==, 0x31);
    g_assert_cmpuint(rd(0x27 * 4, 1), ==, 25);            /* 32 MiB per device */
    g_assert_cmpuint(rd(0x28 * 4, 1), ==, 0x01);          /* x16 interface */
    g_assert_cmpuint(rd(0x2a * 4, 1), ==, 11);            /* 2 KiB write buffer per device */
    g_assert_cmpuint(rd(0x2c * 4, 1), ==, 1);
    g_assert_cmpuint(rd(0x2d * 4, 1), ==, 0xff);          /* 256 blocks */
    g_assert_cmpuint(rd(0x2e * 4, 1), ==, 0x00);
    g_assert_cmpuint(rd(0x2f * 4, 1), ==, 0x00);          /* 128 KiB = 0x200 * 256 */
    g_assert_cmpuint(rd(0x30 * 4, 1), ==, 0x02);
    g_assert_cmpuint(rd(0x31 * 4, 4), ==, 0x00500050);    /* "PRI" */
    g_assert_cmpuint(rd(0x80 * 4, 4), ==, 0);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(0x10 * 4, 4), ==, 0xffffffff);
}

/* Read identifier (0x90) and block locking (0x60 with 0x01 / 0xD0 / 0x2F). */
static void test_id_and_locking(void)
{
    g_assert_nonnull(make(MB, NULL, false));
    cmd(0, 0x90);
    g_assert_cmpuint(rd(0, 4), ==, 0x00890089);
    g_assert_cmpuint(rd(4, 4), ==, 0x00180018);
    g_assert_cmpuint(rd(SECT + 8, 4), ==, 0);             /* block 1 unlocked */
    cmd(SECT, 0x60);
    cmd(SECT, 0x01);
    cmd(0, 0x90);
    g_assert_cmpuint(rd(SECT + 8, 4), ==, 0x00010001);
    g_assert_cmpuint(rd(8, 4), ==, 0);
    cmd(SECT, 0x20);
    cmd(SECT, 0xd0);
    g_assert_cmpuint(rd(0, 4), ==, 0x00a200a2);           /* SR.5 + SR.1: locked */
    cmd(0, 0x50);
    cmd(SECT, 0x60);
    cmd(SECT, 0xd0);
    cmd(SECT, 0x40);
    wr(SECT, 0);
    g_assert_cmpuint(rd(0, 4), ==, 0x00800080);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(SECT, 4), ==, 0);
    cmd(0, 0x60);
    cmd(0, 0x2f);                                         /* lock-down: unlock fails */
    cmd(0, 0x60);
    cmd(0, 0xd0);
    g_assert_cmpuint(rd(0, 4) & 0x22, ==, 0x22);
    /* reset: read-array mode, status clear, lock-down released */
    pflash_reset(fl);
    g_assert_true(as.regions[0]->romd);
    g_assert_cmpuint(rd(SECT, 4), ==, 0);
    cmd(0, 0x70);
    g_assert_cmpuint(rd(0, 4), ==, 0x00800080);
    cmd(0, 0x90);
    g_assert_cmpuint(rd(8, 4), ==, 0);
}

/* Backing file: loaded, padded with 0xFF, written back; size and open errors. */
static void test_backing_file(void)
{
    static const uint8_t img[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    char *path = temp_file(img, sizeof(img));
    uint8_t back[16];
    FILE *f;

    g_assert_nonnull(make(MB, path, false));
    g_assert_cmpuint(rd(0, 4), ==, 0x04030201);
    g_assert_cmpuint(rd(8, 4), ==, 0xffffffff);           /* padded */
    cmd(4, 0x40);
    wr(4, 0x00000000);
    cmd(0, 0xff);
    f = fopen(path, "rb");
    g_assert_nonnull(f);
    g_assert_cmpuint(fread(back, 1, sizeof(back), f), ==, 8);
    fclose(f);
    g_assert_cmpuint(back[3], ==, 4);
    g_assert_cmpuint(back[4], ==, 0);                     /* written back */
    g_assert_cmpuint(back[7], ==, 0);

    /* read-only: the program fails like a locked block and the file is untouched */
    g_assert_nonnull(make(MB, path, true));
    cmd(0, 0x40);
    wr(0, 0);
    g_assert_cmpuint(rd(0, 4) & 0x12, ==, 0x12);
    cmd(0, 0xff);
    g_assert_cmpuint(rd(0, 4), ==, 0x04030201);
    f = fopen(path, "rb");
    g_assert_cmpuint(fread(back, 1, sizeof(back), f), ==, 8);
    fclose(f);
    g_assert_cmpuint(back[0], ==, 1);
    g_unlink(path);
    g_free(path);
}

static void test_bad_files(void)
{
    char *dir = g_dir_make_tmp("pflash-XXXXXX", NULL);
    char *missing = g_build_filename(dir, "missing.img", NULL);
    uint8_t *big = g_malloc0(MB + 1);
    char *path = temp_file(big, MB + 1);

    g_assert_null(make(MB, missing, false));
    g_assert_nonnull(strstr(err, "missing.img"));
    g_assert_null(make(MB, path, false));
    g_assert_nonnull(strstr(err, "larger than the flash bank"));
    g_assert_null(make(MB, dir, true));
    g_assert_cmpuint(strlen(err), >, 0);
    g_assert_null(make(MB + 4096, NULL, false));          /* not a whole number of sectors */
    g_assert_cmpuint(strlen(err), >, 0);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(missing);
    g_free(dir);
    g_free(big);
}

/* Robustness: random command/data sequences never crash and keep the bank's geometry. */
static void test_random_commands(void)
{
    static const uint8_t cmds[] = { 0xff, 0x70, 0x50, 0x90, 0x98, 0x20, 0xd0, 0x40, 0x10, 0xe8,
                                    0x60, 0x01, 0x2f, 0xb0, 0x00, 0xf0, 0x03, 0x12 };
    uint32_t x = 0xdeadbeef;

    g_assert_nonnull(make(MB, NULL, false));
    for (int i = 0; i < 100000; i++) {
        uint64_t off;
        unsigned size;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        size = 1u << (x & 3);
        off = ((x >> 4) % MB) & ~(uint64_t)(size - 1);
        if (size == 8) {
            rd(off, 4);
            continue;
        }
        if (x & 0x100000) {
            rd(off, size);
        } else {
            uint32_t data = (x & 0x200000) ? cmds[(x >> 22) % sizeof(cmds)] : x;
            g_assert_cmpint(address_space_st(&as, BASE + off, size, data,
                                             MEMTXATTRS_UNSPECIFIED), ==, MEMTX_OK);
        }
    }
    cmd(0, 0x50);
    cmd(0, 0x98);
    g_assert_cmpuint(rd(0x10 * 4, 4), ==, 0x00510051);
    g_assert_cmpuint(rd(0x2d * 4, 1), ==, 3);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pflash/program", test_program);
    g_test_add_func("/pflash/erase", test_erase);
    g_test_add_func("/pflash/sequence-error", test_sequence_error);
    g_test_add_func("/pflash/buffered-program", test_buffered_program);
    g_test_add_func("/pflash/cfi-query", test_cfi_query);
    g_test_add_func("/pflash/id-and-locking", test_id_and_locking);
    g_test_add_func("/pflash/backing-file", test_backing_file);
    g_test_add_func("/pflash/bad-files", test_bad_files);
    g_test_add_func("/pflash/random-commands", test_random_commands);
    return g_test_run();
}
