/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pflash.h: parallel NOR flash with the Intel/Sharp CFI command set (CFI ID 0001). */
#ifndef HW_BLOCK_PFLASH_H
#define HW_BLOCK_PFLASH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "exec/memory.h"

typedef struct PFlashState PFlashState;

/* Geometry of a virt flash bank: two x16 devices side by side on a 32-bit bus, so a bank word
 * is 4 bytes, commands go to both devices and their answers appear in both 16-bit halves. */
#define PFLASH_BANK_WIDTH    4
#define PFLASH_SECTOR_SIZE   0x40000u   /* 256 KiB per bank erase block (128 KiB per device) */
#define PFLASH_BUFFER_SIZE   4096u      /* write buffer per bank (2 KiB per device) */

/* A bank of size bytes (a multiple of PFLASH_SECTOR_SIZE) at base, added to every view.
 * file may be NULL (erased flash, all 0xFF). A file larger than the bank is refused; a smaller
 * one is padded with 0xFF. Unless readonly, programs and erases are written back to the file
 * (growing it up to the bank size). With readonly, program/erase fail as on a locked device.
 * Returns NULL and a message in err on failure. */
PFlashState *pflash_create(const char *name, uint64_t base, uint64_t size, const char *file,
                           bool readonly, AddressSpace *const *views, int nviews,
                           char *err, size_t err_len);

/* System reset: back to read-array mode with a clear status register and all blocks unlocked
 * (the contents are kept). */
void pflash_reset(PFlashState *s);

/* The bank's contents, for loaders (-bios). Loader writes are not written back to the file. */
uint8_t *pflash_ram(PFlashState *s);
/* Place an image (-bios) at the start of the bank; len must not exceed the bank size. */
void pflash_write_image(PFlashState *s, const void *data, size_t len);

#endif
