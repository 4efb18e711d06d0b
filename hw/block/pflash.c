/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pflash.c: CFI parallel NOR flash, Intel/Sharp command set, with optional file backing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hw/block/pflash.h"
#include "qemu/log.h"

#define DEVICE_SECTOR   (PFLASH_SECTOR_SIZE / 2)    /* erase block of one x16 device */
#define BUFFER_WORDS    (PFLASH_BUFFER_SIZE / PFLASH_BANK_WIDTH)
#define MAX_VIEWS       8

/* Status register bits (Intel basic command set; CFI publication 100 / Intel AP-646). */
#define SR_READY        0x80    /* SR.7 write state machine ready */
#define SR_ERASE_ERR    0x20    /* SR.5 erase / clear lock-bit error */
#define SR_PROGRAM_ERR  0x10    /* SR.4 program / set lock-bit error; with SR.5: bad sequence */
#define SR_LOCKED       0x02    /* SR.1 operation attempted on a locked block */

/* Identifier codes: Intel (0x89), a 28F-series device code as QEMU's virt flash reports. */
#define ID_MANUFACTURER 0x89
#define ID_DEVICE       0x18

enum { MODE_ARRAY, MODE_STATUS, MODE_ID, MODE_CFI };

struct PFlashState {
    MemoryRegion *mr;
    uint64_t size;
    AddressSpace *views[MAX_VIEWS];
    int nviews;
    int fd;                     /* backing file, -1 if none or read-only */
    const char *file;
    bool readonly;
    bool wb_error_reported;

    int mode;
    uint8_t status;
    uint8_t cmd;                /* first cycle of a multi-cycle command in progress, or 0 */
    uint64_t cmd_addr;
    /* Buffered program (0xE8): count cycle, then data cycles, then confirm. */
    bool buf_have_count;
    uint32_t buf_total, buf_filled;
    uint64_t buf_addr[BUFFER_WORDS];
    uint32_t buf_data[BUFFER_WORDS];
    uint8_t buf_size[BUFFER_WORDS];

    uint8_t *lock;              /* per erase block: bit 0 locked, bit 1 locked down */
    uint8_t cfi[0x3f];          /* query table of one x16 device */
};

/* The query table of one x16 device (JEDEC JESD68.01 CFI, Intel primary extended table). */
static void build_cfi(PFlashState *s)
{
    uint8_t *q = s->cfi;
    uint64_t dev_size = s->size / 2;
    uint32_t blocks = (uint32_t)(s->size / PFLASH_SECTOR_SIZE);
    int size_log2 = 0;

    while ((1ull << size_log2) < dev_size) {
        size_log2++;
    }
    memset(q, 0, sizeof(s->cfi));
    q[0x00] = ID_MANUFACTURER;
    q[0x01] = ID_DEVICE;
    q[0x10] = 'Q';
    q[0x11] = 'R';
    q[0x12] = 'Y';
    q[0x13] = 0x01;     /* primary command set 0x0001: Intel/Sharp extended */
    q[0x15] = 0x31;     /* primary extended table at 0x31 */
    q[0x1b] = 0x27;     /* Vcc min 2.7 V (BCD volts.tenths) */
    q[0x1c] = 0x36;     /* Vcc max 3.6 V */
    q[0x1f] = 0x07;     /* typical word program 2^7 us */
    q[0x20] = 0x08;     /* typical buffer program 2^8 us */
    q[0x21] = 0x0a;     /* typical block erase 2^10 ms */
    q[0x23] = 0x04;     /* maximum = typical x 2^4 */
    q[0x24] = 0x04;
    q[0x25] = 0x04;
    q[0x27] = (uint8_t)size_log2;               /* device size 2^n bytes */
    q[0x28] = 0x01;     /* interface: x16 asynchronous */
    q[0x2a] = 0x0b;     /* write buffer 2^11 bytes per device */
    q[0x2c] = 0x01;     /* one erase block region */
    q[0x2d] = (uint8_t)((blocks - 1) & 0xff);   /* number of blocks - 1 */
    q[0x2e] = (uint8_t)((blocks - 1) >> 8);
    q[0x2f] = (uint8_t)((DEVICE_SECTOR / 256) & 0xff);     /* block size / 256 */
    q[0x30] = (uint8_t)((DEVICE_SECTOR / 256) >> 8);
    q[0x31] = 'P';
    q[0x32] = 'R';
    q[0x33] = 'I';
    q[0x34] = '1';      /* extended table version 1.0 */
    q[0x35] = '0';
    q[0x36] = 0x20;     /* features: instant individual block locking */
    q[0x3b] = 0x01;     /* block status register: lock bit */
    q[0x3d] = 0x33;     /* Vcc optimum program/erase 3.3 V */
}

static void set_mode(PFlashState *s, int mode)
{
    bool romd;

    s->mode = mode;
    romd = mode == MODE_ARRAY && s->cmd == 0;
    if (s->mr->romd != romd) {
        s->mr->romd = romd;
        /* Reads switch between host RAM and the read callback: invalidate cached lookups. */
        for (int i = 0; i < s->nviews; i++) {
            s->views[i]->generation++;
        }
    }
}

/* A value one device returns, as seen on the 32-bit bus: both devices answer alike. */
static uint32_t both_devices(uint16_t v)
{
    return (uint32_t)v | (uint32_t)v << 16;
}

static MemTxResult pflash_read(void *opaque, uint64_t addr, uint64_t *data, unsigned size,
                               MemTxAttrs attrs)
{
    PFlashState *s = opaque;
    uint64_t word = addr & ~(uint64_t)(PFLASH_BANK_WIDTH - 1);
    uint32_t v = 0;

    switch (s->mode) {
    case MODE_ARRAY:
        memory_region_touch(s->mr, word, PFLASH_BANK_WIDTH);
        memcpy(&v, s->mr->ram + word, PFLASH_BANK_WIDTH);
        break;
    case MODE_STATUS:
        v = both_devices(s->status);
        break;
    case MODE_ID: {
        /* Device word address: bank byte offset / 4; within an erase block offset 0 is the
         * manufacturer, 1 the device code, 2 the block's lock configuration. */
        uint64_t in_block = (addr % PFLASH_SECTOR_SIZE) / PFLASH_BANK_WIDTH;
        if (in_block == 0) {
            v = both_devices(ID_MANUFACTURER);
        } else if (in_block == 1) {
            v = both_devices(ID_DEVICE);
        } else if (in_block == 2) {
            v = both_devices(s->lock[addr / PFLASH_SECTOR_SIZE] & 3);
        }
        break;
    }
    case MODE_CFI: {
        uint64_t idx = addr / PFLASH_BANK_WIDTH;
        v = both_devices(idx < sizeof(s->cfi) ? s->cfi[idx] : 0);
        break;
    }
    }
    v >>= (addr - word) * 8;
    *data = size >= 4 ? v : v & ((1u << (size * 8)) - 1);
    return MEMTX_OK;
}

static void write_back(PFlashState *s, uint64_t off, uint64_t len)
{
    if (s->fd < 0) {
        return;
    }
    if (pwrite(s->fd, s->mr->ram + off, len, (off_t)off) != (ssize_t)len &&
        !s->wb_error_reported) {
        s->wb_error_reported = true;
        fprintf(stderr, "qemu-system-aarch64: pflash: cannot write back to '%s': %s\n",
                s->file, strerror(errno));
    }
}

static bool block_writable(PFlashState *s, uint64_t addr, uint8_t err_bit)
{
    if (s->readonly || (s->lock[addr / PFLASH_SECTOR_SIZE] & 1)) {
        qemu_log_mask(LOG_GUEST_ERROR, "pflash: %s at 0x%llx in a %s block\n",
                      err_bit == SR_ERASE_ERR ? "erase" : "program", (unsigned long long)addr,
                      s->readonly ? "read-only" : "locked");
        s->status |= SR_LOCKED | err_bit;
        return false;
    }
    return true;
}

/* NOR programming can only clear bits: the result is the AND of old contents and data. */
static void program(PFlashState *s, uint64_t addr, uint32_t data, unsigned size)
{
    if (!block_writable(s, addr, SR_PROGRAM_ERR)) {
        return;
    }
    memory_region_touch(s->mr, addr, size);
    for (unsigned i = 0; i < size; i++) {
        s->mr->ram[addr + i] &= (uint8_t)(data >> (8 * i));
    }
    write_back(s, addr, size);
}

static void erase_block(PFlashState *s, uint64_t addr)
{
    uint64_t base = addr & ~(uint64_t)(PFLASH_SECTOR_SIZE - 1);

    if (!block_writable(s, addr, SR_ERASE_ERR)) {
        return;
    }
    memory_region_touch(s->mr, base, PFLASH_SECTOR_SIZE);
    memset(s->mr->ram + base, 0xff, PFLASH_SECTOR_SIZE);
    write_back(s, base, PFLASH_SECTOR_SIZE);
}

static void sequence_error(PFlashState *s, uint8_t cmd)
{
    qemu_log_mask(LOG_GUEST_ERROR, "pflash: command sequence error (0x%02x after 0x%02x)\n",
                  cmd, s->cmd);
    s->status |= SR_ERASE_ERR | SR_PROGRAM_ERR;
}

static void finish(PFlashState *s, int mode)
{
    s->cmd = 0;
    set_mode(s, mode);
}

static void buffered_cycle(PFlashState *s, uint64_t addr, uint32_t data, unsigned size)
{
    if (!s->buf_have_count) {
        /* Word count N - 1, in device words (= bank words, the devices work in parallel). */
        uint32_t n = (data & 0xffff) + 1;
        if (n > BUFFER_WORDS) {
            sequence_error(s, (uint8_t)data);
            finish(s, MODE_STATUS);
            return;
        }
        s->buf_have_count = true;
        s->buf_total = n;
        s->buf_filled = 0;
        return;
    }
    if (s->buf_filled < s->buf_total) {
        /* All data must lie in the block named by the setup cycle. */
        if (addr / PFLASH_SECTOR_SIZE != s->cmd_addr / PFLASH_SECTOR_SIZE) {
            qemu_log_mask(LOG_GUEST_ERROR, "pflash: buffered program data at 0x%llx outside "
                          "the block of 0x%llx\n", (unsigned long long)addr,
                          (unsigned long long)s->cmd_addr);
            s->status |= SR_PROGRAM_ERR | SR_ERASE_ERR;
            finish(s, MODE_STATUS);
            return;
        }
        s->buf_addr[s->buf_filled] = addr;
        s->buf_data[s->buf_filled] = data;
        s->buf_size[s->buf_filled] = (uint8_t)size;
        s->buf_filled++;
        return;
    }
    if ((data & 0xff) == 0xd0) {
        for (uint32_t i = 0; i < s->buf_filled; i++) {
            program(s, s->buf_addr[i], s->buf_data[i], s->buf_size[i]);
        }
    } else {
        sequence_error(s, (uint8_t)data);
    }
    finish(s, MODE_STATUS);
}

static MemTxResult pflash_write(void *opaque, uint64_t addr, uint64_t data, unsigned size,
                                MemTxAttrs attrs)
{
    PFlashState *s = opaque;
    uint8_t cmd = (uint8_t)data;    /* both devices receive the same command byte */

    switch (s->cmd) {
    case 0x20:      /* block erase: setup, confirm */
        if (cmd == 0xd0) {
            erase_block(s, addr);
        } else {
            sequence_error(s, cmd);
        }
        finish(s, MODE_STATUS);
        return MEMTX_OK;
    case 0x40:      /* word program: setup, data */
        program(s, addr, (uint32_t)data, size);
        finish(s, MODE_STATUS);
        return MEMTX_OK;
    case 0xe8:
        buffered_cycle(s, addr, (uint32_t)data, size);
        return MEMTX_OK;
    case 0x60:      /* lock setup, then lock (01), unlock (D0), lock-down (2F) */
        if (cmd == 0x01) {
            s->lock[addr / PFLASH_SECTOR_SIZE] |= 1;
        } else if (cmd == 0xd0) {
            if (s->lock[addr / PFLASH_SECTOR_SIZE] & 2) {
                s->status |= SR_LOCKED | SR_ERASE_ERR;   /* locked down until reset */
            } else {
                s->lock[addr / PFLASH_SECTOR_SIZE] = 0;
            }
        } else if (cmd == 0x2f) {
            s->lock[addr / PFLASH_SECTOR_SIZE] = 3;
        } else if (cmd != 0x03) {                   /* 0x03: read configuration, accepted */
            sequence_error(s, cmd);
        }
        finish(s, MODE_STATUS);
        return MEMTX_OK;
    }

    switch (cmd) {
    case 0xff:      /* read array */
    case 0xf0:      /* the AMD reset command, which probing software sends to any flash */
        finish(s, MODE_ARRAY);
        break;
    case 0x70:
        finish(s, MODE_STATUS);
        break;
    case 0x50:      /* clear status register; the read mode is unchanged */
        s->status = SR_READY;
        break;
    case 0x90:
        finish(s, MODE_ID);
        break;
    case 0x98:
        finish(s, MODE_CFI);
        break;
    case 0x20:
    case 0x40:
    case 0x10:      /* alternate word program setup */
    case 0x60:
    case 0xe8:
        s->cmd = cmd == 0x10 ? 0x40 : cmd;
        s->cmd_addr = addr;
        s->buf_have_count = false;
        set_mode(s, MODE_STATUS);   /* the status register (ready) is read while setting up */
        break;
    case 0xb0:      /* suspend / resume: operations complete at once, nothing to suspend */
    case 0xd0:
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "pflash: unknown command 0x%02x at 0x%llx\n", cmd,
                      (unsigned long long)addr);
        finish(s, MODE_ARRAY);
        break;
    }
    return MEMTX_OK;
}

static const MemoryRegionOps pflash_ops = {
    .read = pflash_read,
    .write = pflash_write,
    .min_access = 1,
    .max_access = 4,
};

static PFlashState *fail(PFlashState *s, char *err, size_t err_len, const char *fmt,
                         const char *a, const char *b)
{
    snprintf(err, err_len, fmt, a, b);
    if (s) {
        if (s->fd >= 0) {
            close(s->fd);
        }
        if (s->mr) {
            free(s->mr->ram);
            free(s->mr);
        }
        free(s->lock);
        free(s);
    }
    return NULL;
}

static int load_file(PFlashState *s, const char *file, char *err, size_t err_len)
{
    struct stat st;
    int fd = open(file, s->readonly ? O_RDONLY : O_RDWR);
    uint64_t done = 0;

    if (fd < 0) {
        snprintf(err, err_len, "could not open '%s'%s: %s", file,
                 s->readonly ? "" : " read-write", strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode)) {
        snprintf(err, err_len, "'%s' is not a regular file", file);
        close(fd);
        return -1;
    }
    if ((uint64_t)st.st_size > s->size) {
        snprintf(err, err_len, "'%s' (%llu bytes) is larger than the flash bank (%llu bytes)",
                 file, (unsigned long long)st.st_size, (unsigned long long)s->size);
        close(fd);
        return -1;
    }
    memory_region_touch(s->mr, 0, (uint64_t)st.st_size);
    while (done < (uint64_t)st.st_size) {
        ssize_t n = pread(fd, s->mr->ram + done, (size_t)st.st_size - done, (off_t)done);
        if (n <= 0) {
            snprintf(err, err_len, "could not read '%s': %s", file,
                     n < 0 ? strerror(errno) : "unexpected end of file");
            close(fd);
            return -1;
        }
        done += (uint64_t)n;
    }
    if (s->readonly) {
        close(fd);
        fd = -1;
    }
    s->fd = fd;
    return 0;
}

static void fill_erased(MemoryRegion *mr, uint64_t page_offset)
{
    memset(mr->ram + page_offset, 0xff, 4096);
}

PFlashState *pflash_create(const char *name, uint64_t base, uint64_t size, const char *file,
                           bool readonly, AddressSpace *const *views, int nviews,
                           char *err, size_t err_len)
{
    PFlashState *s;

    if (size == 0 || size % PFLASH_SECTOR_SIZE) {
        return fail(NULL, err, err_len, "%s: flash size must be a non-zero multiple of 256 KiB%s",
                    name, "");
    }
    if (nviews > MAX_VIEWS) {
        return fail(NULL, err, err_len, "%s: too many address spaces%s", name, "");
    }
    s = calloc(1, sizeof(*s));
    if (!s) {
        return fail(NULL, err, err_len, "%s: out of memory%s", name, "");
    }
    s->fd = -1;
    s->size = size;
    s->readonly = readonly;
    s->file = file;
    s->lock = calloc(size / PFLASH_SECTOR_SIZE, 1);
    s->mr = memory_region_new_ram(name, base, size);
    if (!s->mr || !s->lock) {
        return fail(s, err, err_len, "%s: cannot allocate the flash contents%s", name, "");
    }
    /* Erased NOR reads as all ones. Filling 64 MiB up front costs tens of milliseconds of
     * start-up, so pages are filled on first use (memory_region_touch). */
    s->mr->lazy_fill = fill_erased;
    s->mr->lazy_done = calloc((size / 4096 + 7) / 8, 1);
    if (!s->mr->lazy_done) {
        return fail(s, err, err_len, "%s: out of memory%s", name, "");
    }
    if (file && load_file(s, file, err, err_len) < 0) {
        char msg[512];
        snprintf(msg, sizeof(msg), "%s", err);
        return fail(s, err, err_len, "%s%s", msg, "");
    }
    s->mr->ops = &pflash_ops;
    s->mr->opaque = s;
    s->mr->romd = true;
    s->mode = MODE_ARRAY;
    s->status = SR_READY;
    build_cfi(s);
    for (int i = 0; i < nviews; i++) {
        if (address_space_add(views[i], s->mr) < 0) {
            /* earlier views may hold the region already: report, do not free */
            snprintf(err, err_len, "%s: cannot map the flash at its address", name);
            return NULL;
        }
        s->views[s->nviews++] = views[i];
    }
    return s;
}

void pflash_reset(PFlashState *s)
{
    s->cmd = 0;
    s->status = SR_READY;
    memset(s->lock, 0, s->size / PFLASH_SECTOR_SIZE);
    set_mode(s, MODE_ARRAY);
}

uint8_t *pflash_ram(PFlashState *s)
{
    memory_region_touch(s->mr, 0, s->size);   /* the caller may read or write any of it */
    return s->mr->ram;
}

void pflash_write_image(PFlashState *s, const void *data, size_t len)
{
    memory_region_touch(s->mr, 0, len);
    memcpy(s->mr->ram, data, len);
}
