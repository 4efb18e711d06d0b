/* SPDX-License-Identifier: GPL-2.0-or-later */
/* loader.c: image loading with bounds checks: every offset and size read from an image is checked
 * against the file before use, and every byte must land in memory, or the load fails with a
 * message naming the image. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "hw/loader.h"

uint8_t *load_file(const char *path, size_t *size, size_t max, char *err, size_t err_len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    uint8_t *buf;

    if (!f) {
        snprintf(err, err_len, "could not open '%s': %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, err_len, "'%s' is not a regular file", path);
        fclose(f);
        return NULL;
    }
    if ((uint64_t)st.st_size > max) {
        snprintf(err, err_len, "'%s' is too large (%lld bytes, at most %zu fit)", path,
                 (long long)st.st_size, max);
        fclose(f);
        return NULL;
    }
    buf = malloc(st.st_size ? (size_t)st.st_size : 1);
    if (!buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        snprintf(err, err_len, "could not read '%s'", path);
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *size = (size_t)st.st_size;
    return buf;
}

static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const uint8_t *p) { return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16; }
static uint64_t rd64(const uint8_t *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

bool image_is_elf(const uint8_t *buf, size_t size)
{
    return size >= 4 && memcmp(buf, "\177ELF", 4) == 0;
}

/* Linux arm64 boot protocol header: magic "ARM\x64" at offset 56. */
bool image_is_arm64_linux(const uint8_t *buf, size_t size)
{
    return size >= 64 && rd32(buf + 56) == 0x644d5241;
}

int load_elf_image(AddressSpace *as, const char *path, const uint8_t *buf, size_t size,
                   LoadedImage *out, char *err, size_t err_len)
{
    uint64_t phoff;
    uint16_t phentsize, phnum;
    bool any = false;

    if (size < 64 || buf[4] != 2 || buf[5] != 1) {
        snprintf(err, err_len, "'%s': not a 64-bit little-endian ELF file", path);
        return -1;
    }
    if (rd16(buf + 18) != 183) {
        snprintf(err, err_len, "'%s': ELF machine %u is not AArch64", path, rd16(buf + 18));
        return -1;
    }
    phoff = rd64(buf + 32);
    phentsize = rd16(buf + 54);
    phnum = rd16(buf + 56);
    if (phentsize < 56 || phoff > size || (uint64_t)phnum * phentsize > size - phoff) {
        snprintf(err, err_len, "'%s': ELF program headers lie outside the file", path);
        return -1;
    }
    out->entry = rd64(buf + 24);
    out->low = ~0ull;
    out->high = 0;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = buf + phoff + (uint64_t)i * phentsize;
        if (rd32(ph) != 1) {   /* PT_LOAD */
            continue;
        }
        uint64_t off = rd64(ph + 8), paddr = rd64(ph + 24), filesz = rd64(ph + 32), memsz = rd64(ph + 40);
        if (off > size || filesz > size - off || filesz > memsz || paddr + memsz < paddr) {
            snprintf(err, err_len, "'%s': ELF segment %u lies outside the file", path, i);
            return -1;
        }
        if (filesz && rom_add_blob(as, paddr, buf + off, filesz, path, err, err_len) != 0) {
            return -1;
        }
        if (memsz > filesz) {
            uint64_t zlen = memsz - filesz;
            uint8_t *z = calloc(1, zlen > (1u << 20) ? (1u << 20) : zlen);
            for (uint64_t done = 0; z && done < zlen;) {
                uint64_t n = zlen - done > (1u << 20) ? (1u << 20) : zlen - done;
                if (rom_add_blob(as, paddr + filesz + done, z, n, path, err, err_len) != 0) {
                    free(z);
                    return -1;
                }
                done += n;
            }
            free(z);
        }
        if (paddr < out->low) {
            out->low = paddr;
        }
        if (paddr + memsz > out->high) {
            out->high = paddr + memsz;
        }
        any = true;
    }
    if (!any) {
        snprintf(err, err_len, "'%s': ELF file has no loadable segment", path);
        return -1;
    }
    return 0;
}

int load_raw_image(AddressSpace *as, const char *path, const uint8_t *buf, size_t size,
                   uint64_t addr, LoadedImage *out, char *err, size_t err_len)
{
    if (rom_add_blob(as, addr, buf, size, path, err, err_len) != 0) {
        return -1;
    }
    out->entry = addr;
    out->low = addr;
    out->high = addr + size;
    return 0;
}

typedef struct Rom {
    AddressSpace *as;
    const char *name;
    uint64_t pa;
    uint8_t *data;
    size_t len;
    struct Rom *next;
} Rom;

static Rom *roms, **roms_tail = &roms;

int rom_add_blob(AddressSpace *as, uint64_t pa, const void *data, size_t len, const char *name,
                 char *err, size_t err_len)
{
    Rom *r;

    for (Rom *o = roms; o; o = o->next) {
        if (o->as == as && len && o->len && pa < o->pa + o->len && o->pa < pa + len) {
            snprintf(err, err_len, "%s [0x%llx-0x%llx] overlaps %s [0x%llx-0x%llx] in guest memory",
                     name, (unsigned long long)pa, (unsigned long long)(pa + len - 1), o->name,
                     (unsigned long long)o->pa, (unsigned long long)(o->pa + o->len - 1));
            return -1;
        }
    }
    if (address_space_write_rom(as, pa, data, len) != MEMTX_OK) {
        snprintf(err, err_len, "%s (%zu bytes at 0x%llx) does not fit in guest memory", name, len,
                 (unsigned long long)pa);
        return -1;
    }
    r = calloc(1, sizeof(*r));
    if (!r || !(r->data = malloc(len ? len : 1))) {
        free(r);
        return -1;
    }
    memcpy(r->data, data, len);
    r->name = strdup(name);
    r->as = as;
    r->pa = pa;
    r->len = len;
    *roms_tail = r;
    roms_tail = &r->next;
    return 0;
}

void rom_reset_all(void)
{
    for (Rom *r = roms; r; r = r->next) {
        address_space_write_rom(r->as, r->pa, r->data, r->len);
    }
}
