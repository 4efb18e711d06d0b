/* SPDX-License-Identifier: GPL-2.0-or-later */
/* boot.c: how the virt board starts: firmware in flash (-bios, pflash) at the highest EL; a
 * bare-metal ELF (-kernel) at its entry point at the highest EL; a Linux Image (or raw image)
 * by the arm64 boot protocol (Documentation/arch/arm64/booting.rst: x0 = DTB, EL2 or EL1,
 * Non-secure, MMU off); -device loader images and values; and PSCI answered by the emulator
 * when no EL3 firmware is present (PSCI DEN0022). */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exec/cputlb.h"
#include "hw/arm/virt.h"
#include "hw/block/pflash.h"
#include "hw/intc/gicv3.h"
#include "hw/loader.h"
#include "qemu/log.h"
#include "system/runloop.h"
#include "cpu.h"
#include "pauth.h"

#define MiB (1ull << 20)
#define LINUX_RAW_OFFSET 0x80000ull

static uint64_t align_up(uint64_t v, uint64_t a)
{
    return (v + a - 1) & ~(a - 1);
}

static int set_chosen(void *fdt, const GranuleOptions *o, uint64_t initrd_start, uint64_t initrd_end,
                      char *err, size_t err_len)
{
    int node = fdt_path_offset(fdt, "/chosen");
    int r = 0;

    if (node < 0) {
        node = fdt_add_subnode(fdt, 0, "chosen");
    }
    if (node < 0) {
        snprintf(err, err_len, "device tree: cannot create /chosen: %s", fdt_strerror(node));
        return -1;
    }
    if (o->append) {
        r = fdt_setprop_string(fdt, node, "bootargs", o->append);
    }
    if (r == 0 && initrd_end) {
        r = fdt_setprop_u64(fdt, node, "linux,initrd-start", initrd_start);
        if (r == 0) {
            r = fdt_setprop_u64(fdt, node, "linux,initrd-end", initrd_end);
        }
    }
    if (r < 0) {
        snprintf(err, err_len, "device tree: cannot set /chosen: %s", fdt_strerror(r));
        return -1;
    }
    return 0;
}

static int load_bios(VirtMachine *vm, char *err, size_t err_len)
{
    const GranuleOptions *o = vm->opts;
    size_t size;
    uint8_t *buf;

    if (o->bios && o->pflash[0].file) {
        snprintf(err, err_len, "The contents of the first flash device may not be specified "
                 "with -bios and with -drive/-pflash");
        return -1;
    }
    if (!o->bios) {
        return 0;
    }
    buf = load_file(o->bios, &size, virt_memmap[VIRT_FLASH0].size, err, err_len);
    if (!buf) {
        return -1;
    }
    pflash_write_image(vm->flash[0], buf, size);
    free(buf);
    return 0;
}

int virt_boot_setup(VirtMachine *vm, char *err, size_t err_len)
{
    const GranuleOptions *o = vm->opts;
    AddressSpace *as = &vm->secure_as;       /* sees every device and memory */
    uint64_t ram_base = virt_memmap[VIRT_RAM].base, ram_end = ram_base + vm->ram_size;
    uint64_t top = ram_base, initrd_start = 0, initrd_end = 0;
    LoadedImage img = { 0 };
    void *fdt;
    int fdt_size;

    if (load_bios(vm, err, err_len) < 0) {
        return -1;
    }
    vm->firmware_boot = o->bios || o->pflash[0].file;
    vm->entry = virt_memmap[VIRT_FLASH0].base;

    if (o->kernel) {
        size_t size;
        uint8_t *buf = load_file(o->kernel, &size, vm->ram_size, err, err_len);
        if (!buf) {
            return -1;
        }
        if (image_is_elf(buf, size)) {
            if (load_elf_image(as, o->kernel, buf, size, &img, err, err_len) < 0) {
                free(buf);
                return -1;
            }
        } else {
            uint64_t off = LINUX_RAW_OFFSET;
            if (image_is_arm64_linux(buf, size)) {
                uint64_t text_offset, image_size;
                memcpy(&text_offset, buf + 8, 8);
                memcpy(&image_size, buf + 16, 8);
                off = image_size ? text_offset : LINUX_RAW_OFFSET;
                if (image_size > vm->ram_size) {
                    snprintf(err, err_len, "could not load kernel '%s': its image size (%llu bytes) "
                             "does not fit in RAM", o->kernel, (unsigned long long)image_size);
                    free(buf);
                    return -1;
                }
                top = ram_base + off + image_size;
            }
            if (off + size > vm->ram_size ||
                load_raw_image(as, o->kernel, buf, size, ram_base + off, &img, err, err_len) < 0) {
                snprintf(err, err_len, "could not load kernel '%s': %zu bytes do not fit in RAM "
                         "at 0x%llx", o->kernel, size, (unsigned long long)(ram_base + off));
                free(buf);
                return -1;
            }
            vm->linux_boot = true;
        }
        free(buf);
        if (img.high > top) {
            top = img.high;
        }
        if (!vm->firmware_boot) {
            vm->entry = img.entry;
        }
    }
    if (o->initrd) {
        size_t size;
        uint8_t *buf = load_file(o->initrd, &size, vm->ram_size, err, err_len);
        if (!buf) {
            return -1;
        }
        uint64_t want = ram_base + (vm->ram_size / 2 < 128 * MiB ? vm->ram_size / 2 : 128 * MiB);
        initrd_start = align_up(top > want ? top : want, 4096);
        initrd_end = initrd_start + size;
        if (initrd_end > ram_end) {
            snprintf(err, err_len, "could not load initrd '%s': %zu bytes do not fit in RAM",
                     o->initrd, size);
            free(buf);
            return -1;
        }
        int r = rom_add_blob(as, initrd_start, buf, size, o->initrd, err, err_len);
        free(buf);
        if (r < 0) {
            return -1;
        }
        top = initrd_end;
    }

    /* Device tree: the user's (-dtb) or ours, with /chosen filled in. */
    if (o->dtb) {
        size_t size;
        uint8_t *buf = load_file(o->dtb, &size, 2 * MiB, err, err_len);
        if (!buf) {
            return -1;
        }
        if (fdt_check_header(buf) != 0 || fdt_totalsize(buf) > size) {
            snprintf(err, err_len, "'%s' is not a valid device tree blob", o->dtb);
            free(buf);
            return -1;
        }
        free(vm->fdt);
        vm->fdt = buf;
        vm->fdt_size = (int)fdt_totalsize(buf);
    }
    fdt_size = vm->fdt_size + 4096 + (o->append ? (int)strlen(o->append) : 0);
    fdt = calloc(1, (size_t)fdt_size);
    if (!fdt || fdt_open_into(vm->fdt, fdt, fdt_size) != 0 ||
        set_chosen(fdt, o, initrd_start, initrd_end, err, err_len) < 0) {
        if (fdt && !*err) {
            snprintf(err, err_len, "device tree: cannot be edited");
        }
        free(fdt);
        return -1;
    }
    fdt_pack(fdt);
    free(vm->fdt);
    vm->fdt = fdt;
    vm->fdt_size = (int)fdt_totalsize(fdt);
    if (o->dumpdtb) {
        FILE *f = fopen(o->dumpdtb, "wb");
        if (!f || fwrite(fdt, 1, (size_t)vm->fdt_size, f) != (size_t)vm->fdt_size) {
            snprintf(err, err_len, "could not write the device tree to '%s'", o->dumpdtb);
            if (f) {
                fclose(f);
            }
            return -1;
        }
        fclose(f);
        exit(0);
    }
    /* Firmware boots find the DTB at the start of RAM; kernels after their image and initrd. */
    vm->dtb_addr = vm->linux_boot ? align_up(top, 2 * MiB) : ram_base;
    if (vm->dtb_addr + (uint64_t)vm->fdt_size > ram_end) {
        snprintf(err, err_len, "not enough RAM for the device tree after the images (-m %llu MiB)",
                 (unsigned long long)(vm->ram_size / MiB));
        return -1;
    }
    if (vm->dtb_addr == ram_base && img.high > ram_base && img.low < ram_base + (uint64_t)vm->fdt_size) {
        /* A bare-metal image occupies the start of RAM: do not overwrite it with the DTB. */
        vm->dtb_addr = align_up(img.high, 2 * MiB);
    }
    if (vm->dtb_addr + (uint64_t)vm->fdt_size <= ram_end &&
        rom_add_blob(as, vm->dtb_addr, vm->fdt, (size_t)vm->fdt_size, "dtb", err, err_len) < 0) {
        return -1;
    }

    for (unsigned i = 0; i < o->nb_loaders; i++) {
        const GranuleLoader *l = &o->loaders[i];
        if (l->kind == GRANULE_LOADER_FILE) {
            size_t size;
            uint8_t *buf = load_file(l->file, &size, 1ull << 32, err, err_len);
            LoadedImage li;
            if (!buf) {
                return -1;
            }
            int r = (!l->force_raw && image_is_elf(buf, size))
                        ? load_elf_image(as, l->file, buf, size, &li, err, err_len)
                        : load_raw_image(as, l->file, buf, size, l->addr, &li, err, err_len);
            free(buf);
            if (r < 0) {
                return -1;
            }
            if (l->cpu_num >= 0) {
                vm->entry = li.entry;
            }
        } else if (l->kind == GRANULE_LOADER_DATA) {
            uint8_t bytes[8];
            for (unsigned b = 0; b < l->data_len; b++) {
                unsigned shift = l->data_be ? 8 * (l->data_len - 1 - b) : 8 * b;
                bytes[b] = (uint8_t)(l->data >> shift);
            }
            if (rom_add_blob(as, l->addr, bytes, l->data_len, "-device loader data", err,
                             err_len) != 0) {
                return -1;
            }
        } else {
            vm->entry = l->addr;
        }
    }
    return 0;
}

void virt_boot_reset_cpu(VirtMachine *vm)
{
    CPUARMState *env = &vm->cpu;

    rom_reset_all();
    arm_cpu_reset(env, vm->entry);
    if (vm->linux_boot && !vm->firmware_boot) {
        /* Linux boot protocol: enter the kernel in Non-secure state at EL2 if present, else EL1,
         * with MMU off, interrupts masked and x0 = DTB. */
        arm_sp_save(env);
        if (env->features.has_el3) {
            env->scr_el3 = 0x30 | 1 | (1ull << 10) | (env->features.has_el2 ? (1ull << 8) : 0);
            if (isar_aa64_pauth(&env->features)) {
                env->scr_el3 |= (1ull << 16) | (1ull << 17);   /* APK, API: PAuth usable below */
            }
        }
        if (env->features.has_el2) {
            env->hcr_el2 = 1ull << 31;
        }
        env->el = env->features.has_el2 ? 2 : 1;
        env->pstate = PSTATE_DAIF | PSTATE_SP;
        arm_sp_restore(env);
        env->xregs[0] = vm->dtb_addr;
        env->pc = vm->entry;
        arm_rebuild_hflags(env);
        tlb_flush(env);
    }
}

/* PSCI function IDs (DEN0022): 32-bit 0x840000xx and 64-bit 0xC40000xx. */
bool virt_psci_call(CPUARMState *env, bool is_smc)
{
    VirtMachine *vm = env->board;
    uint64_t fid = env->xregs[0];
    int64_t ret;

    if (!vm || !vm->psci_emulated || vm->psci_conduit != (is_smc ? 2 : 1)) {
        return false;
    }
    if ((fid & ~0x1full) != 0x84000000ull && (fid & ~0x1full) != 0xc4000000ull) {
        return false;
    }
    switch (fid & 0x1f) {
    case 0x00: ret = 0x10000; break;                       /* PSCI_VERSION: 1.0 */
    case 0x01: ret = 0; break;                             /* CPU_SUSPEND: a wake-up is a return */
    case 0x02:                                             /* CPU_OFF: the only CPU stops */
        env->halted = true;
        env->interrupt_request = 0;
        ret = 0;
        break;
    case 0x03:                                             /* CPU_ON */
        ret = (env->xregs[1] & 0xff00ffffffull) == 0 ? -4 /* ALREADY_ON */ : -2;
        break;
    case 0x04:                                             /* AFFINITY_INFO */
        ret = (env->xregs[1] & 0xff00ffffffull) == 0 ? 0 : -2;
        break;
    case 0x06: ret = 2; break;                             /* MIGRATE_INFO_TYPE: not required */
    case 0x08:                                             /* SYSTEM_OFF */
        qemu_system_shutdown_request(SHUTDOWN_GUEST_POWEROFF);
        ret = 0;
        break;
    case 0x09:                                             /* SYSTEM_RESET */
        qemu_system_reset_request();
        ret = 0;
        break;
    case 0x0a: {                                           /* PSCI_FEATURES */
        uint64_t q = env->xregs[1] & 0xffffffffull;
        unsigned n = q & 0x1f;
        bool known = ((q & ~0x1full) == 0x84000000ull || (q & ~0x1full) == 0xc4000000ull) &&
                     (n <= 4 || n == 6 || n == 8 || n == 9 || n == 10);
        ret = known ? 0 : -1;
        break;
    }
    default:
        ret = -1;                                          /* NOT_SUPPORTED */
        break;
    }
    qemu_log_mask(LOG_SMC, "psci: fid 0x%llx -> %lld (emulated, %s conduit)\n",
                  (unsigned long long)fid, (long long)ret, is_smc ? "SMC" : "HVC");
    env->xregs[0] = (uint64_t)ret;
    return true;
}
