/* SPDX-License-Identifier: GPL-2.0-or-later */
/* loader.h: reading guest images (ELF64, Linux arm64 Image, raw) into guest memory. */
#ifndef HW_LOADER_H
#define HW_LOADER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "exec/memory.h"

typedef struct LoadedImage {
    uint64_t entry;
    uint64_t low, high;     /* lowest and highest+1 physical address written */
} LoadedImage;

/* Whole file into a malloc'd buffer; NULL and err on failure (names the file and the reason). */
uint8_t *load_file(const char *path, size_t *size, size_t max, char *err, size_t err_len);
bool image_is_elf(const uint8_t *buf, size_t size);
bool image_is_arm64_linux(const uint8_t *buf, size_t size);
/* ELF64 little-endian AArch64: PT_LOAD segments at their physical addresses. */
int load_elf_image(AddressSpace *as, const char *path, const uint8_t *buf, size_t size,
                   LoadedImage *out, char *err, size_t err_len);
/* Raw bytes at addr. */
int load_raw_image(AddressSpace *as, const char *path, const uint8_t *buf, size_t size,
                   uint64_t addr, LoadedImage *out, char *err, size_t err_len);

/* Loaded images are remembered and written again on every system reset, as ROM contents.
 * Fails (-1, message in err) if the bytes are not all in memory, or overlap an earlier image:
 * two images claiming the same memory is a user error, reported with both names. */
int rom_add_blob(AddressSpace *as, uint64_t pa, const void *data, size_t len, const char *name,
                 char *err, size_t err_len);
void rom_reset_all(void);

#endif
