/* SPDX-License-Identifier: GPL-2.0-or-later */
/* virt.c: the `virt` board, laid out as QEMU's virt machine (shared/facts/virt-memory-map.md):
 * RAM at 1 GiB, two CFI flash banks at 0 (bank 0 secure-only with secure=on), secure RAM,
 * GICv3 or GICv2, PL011 UARTs (UART1 secure), PL031 RTC, PL061 GPIOs (virt-gpio.c) and the generic
 * timers wired to their PPIs.
 * Two physical views: the Secure view (Secure and Root accesses: everything) and the Non-secure
 * view (Non-secure and Realm accesses: only non-secure devices and memory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hw/arm/virt.h"
#include "hw/block/pflash.h"
#include "hw/char/pl011.h"
#include "hw/intc/gicv2.h"
#include "hw/intc/gicv3.h"
#include "hw/rtc/pl031.h"
#include "qemu/log.h"
#include "system/chardev.h"
#include "system/runloop.h"
#include "system/semihosting.h"
#include "gtimer.h"
#include "pmu.h"
#include "sysreg.h"

const VirtMemMapEntry virt_memmap[VIRT_MEMMAP_COUNT] = {
#define MEMMAP(id, base, size, pas, name) [VIRT_##id] = { base, size, name },
#include "hw/arm/virt-memmap.def"
#undef MEMMAP
};

#define NUM_SPIS 256

static Chardev *open_serial(const GranuleCharSpec *spec, char *err, size_t err_len)
{
    switch (spec->kind) {
    case GRANULE_CHAR_STDIO:
        return chardev_open(spec->mux_monitor ? "mon:stdio" : "stdio", err, err_len);
    case GRANULE_CHAR_FILE: {
        char buf[4200];
        snprintf(buf, sizeof(buf), "file:%s", spec->path);
        return chardev_open(buf, err, err_len);
    }
    case GRANULE_CHAR_NULL:
        return chardev_open("null", err, err_len);
    default:
        return NULL;
    }
}

VirtMachine *virt_create(const GranuleOptions *opts)
{
    VirtMachine *vm = calloc(1, sizeof(*vm));
    CPUARMState *env;
    char err[512];
    AddressSpace *both[2], *secure_only[1], *ns_only[1];
    bool rme = opts->rme || opts->cpu_rme;

    if (!vm) {
        fprintf(stderr, "qemu-system-aarch64: out of memory\n");
        return NULL;
    }
    vm->opts = opts;
    vm->secure = opts->secure || rme;
    vm->virtualization = opts->virtualization || opts->rme;
    vm->rme = rme;
    vm->ram_size = opts->ram_size;
    env = &vm->cpu;
    if (arm_cpu_init(env, opts->cpu_name ? opts->cpu_name : "max", rme,
                     opts->l0gptsz ? (int)opts->l0gptsz : 30, vm->virtualization, vm->secure,
                     err, sizeof(err)) < 0) {
        fprintf(stderr, "qemu-system-aarch64: %s\n", err);
        return NULL;
    }
    if (!arm_cpu_apply_properties(&env->features, opts->pauth, opts->pauth_impdef,
                                  opts->pauth_qarma3, opts->pmu, err, sizeof(err))) {
        fprintf(stderr, "qemu-system-aarch64: -cpu: %s\n", err);
        return NULL;
    }
    env->board = vm;
    sysreg_init_all(env);

    address_space_init(&vm->secure_as, "secure");
    address_space_init(&vm->ns_as, "non-secure");
    both[0] = &vm->secure_as;
    both[1] = &vm->ns_as;
    secure_only[0] = &vm->secure_as;
    ns_only[0] = &vm->ns_as;
    /* RME: Secure and Root see the secure view; Non-secure and Realm the non-secure view. */
    env->as[ARMSS_SECURE] = &vm->secure_as;
    env->as[ARMSS_ROOT] = &vm->secure_as;
    env->as[ARMSS_NONSECURE] = &vm->ns_as;
    env->as[ARMSS_REALM] = &vm->ns_as;
    (void)ns_only;

    vm->ram = memory_region_new_ram("ram", virt_memmap[VIRT_RAM].base, opts->ram_size);
    if (!vm->ram || address_space_add(&vm->secure_as, vm->ram) < 0 ||
        address_space_add(&vm->ns_as, vm->ram) < 0) {
        return NULL;
    }
    if (vm->secure) {
        vm->secure_ram = memory_region_new_ram("secure-ram", virt_memmap[VIRT_SECURE_MEM].base,
                                               virt_memmap[VIRT_SECURE_MEM].size);
        if (!vm->secure_ram || address_space_add(&vm->secure_as, vm->secure_ram) < 0) {
            return NULL;
        }
    }
    for (int i = 0; i < 2; i++) {
        const GranulePflash *pf = &opts->pflash[i];
        int id = i ? VIRT_FLASH1 : VIRT_FLASH0;
        bool sec_only = i == 0 && vm->secure;
        vm->flash[i] = pflash_create(i ? "virt.flash1" : "virt.flash0", virt_memmap[id].base,
                                     virt_memmap[id].size, pf->file, pf->readonly,
                                     sec_only ? secure_only : both, sec_only ? 1 : 2,
                                     err, sizeof(err));
        if (!vm->flash[i]) {
            fprintf(stderr, "qemu-system-aarch64: %s\n", err);
            return NULL;
        }
    }

    /* QEMU's virt defaults to a GICv2; without gic-version this board builds a GICv3.
     * Kernels find the GIC in the DT, but firmware picks its GIC driver at build time (TF-A's
     * plat/qemu defaults to GICv2): say so once when firmware is loaded without gic-version. */
    if (!opts->gic_version_given && (opts->bios || opts->pflash[0].file)) {
        fprintf(stderr, "qemu-system-aarch64: warning: no gic-version given: this virt board has "
                "a GICv3 (QEMU's default is GICv2); add gic-version=3, or gic-version=2 for "
                "firmware built for QEMU's default\n");
    }
    if (opts->gic_version == 2) {
        /* A GICv2 has no system register interface: ID_AA64PFR0_EL1.GIC = 0, and with
         * env->gic_cpuif left NULL the ICC_* encodings are UNDEFINED. The Security Extensions
         * exist when the board has EL3, as on QEMU's virt. */
        env->features.id_aa64pfr0 &= ~(0xfull << 24);
        vm->gic2 = gicv2_create(env, virt_memmap[VIRT_GIC_DIST].base,
                                virt_memmap[VIRT_GIC_CPU].base, NUM_SPIS, vm->secure, both, 2);
        if (!vm->gic2) {
            fprintf(stderr, "qemu-system-aarch64: could not create the GICv2\n");
            return NULL;
        }
        gicv2_info_register(vm->gic2);
    } else {
        vm->gic = gicv3_create(env, virt_memmap[VIRT_GIC_DIST].base,
                               virt_memmap[VIRT_GIC_REDIST].base, NUM_SPIS, both, 2);
        if (!vm->gic) {
            fprintf(stderr, "qemu-system-aarch64: could not create the GICv3\n");
            return NULL;
        }
        if (!vm->secure) {
            gicv3_set_single_security(vm->gic);
        }
    }
    qemu_irq timer_out[GTIMER_NUM] = {
        [GTIMER_PHYS] = virt_ppi(vm, VIRT_PPI_EL1_PHYS),
        [GTIMER_VIRT] = virt_ppi(vm, VIRT_PPI_EL1_VIRT),
        [GTIMER_HYP] = virt_ppi(vm, VIRT_PPI_EL2_PHYS),
        [GTIMER_SEC] = virt_ppi(vm, VIRT_PPI_SEC_EL1_PHYS),
        [GTIMER_HYPVIRT] = virt_ppi(vm, VIRT_PPI_EL2_VIRT),
        [GTIMER_S_EL2_PHYS] = virt_ppi(vm, VIRT_PPI_SEC_EL2_PHYS),
        [GTIMER_S_EL2_VIRT] = virt_ppi(vm, VIRT_PPI_SEC_EL2_VIRT),
    };
    gt_init(env, timer_out);
    pmu_init(env, virt_ppi(vm, VIRT_PPI_PMU));     /* PMUIRQ: PPI 23, level-sensitive */

    for (int i = 0; i < 2; i++) {
        const GranuleCharSpec *spec = &opts->serial[i];
        Chardev *chr = NULL;
        if (i == 1 && !vm->secure) {
            break;     /* the second UART exists only as the secure UART */
        }
        if (i < (int)opts->nb_serials && spec->kind != GRANULE_CHAR_NONE) {
            chr = open_serial(spec, err, sizeof(err));
            if (!chr) {
                fprintf(stderr, "qemu-system-aarch64: -serial: %s\n", err);
                return NULL;
            }
        }
        vm->serial_chr[i] = chr;
        int id = i ? VIRT_UART1 : VIRT_UART0;
        vm->uart[i] = pl011_create(i ? "pl011-secure" : "pl011", virt_memmap[id].base,
                                   virt_spi(vm, i ? VIRT_SPI_UART1 : VIRT_SPI_UART0), chr,
                                   i ? secure_only : both, i ? 1 : 2);
        if (!vm->uart[i]) {
            return NULL;
        }
    }
    if (!pl031_create(virt_memmap[VIRT_RTC].base, virt_spi(vm, VIRT_SPI_RTC), both, 2)) {
        fprintf(stderr, "qemu-system-aarch64: could not create the PL031 RTC\n");
        return NULL;
    }
    if (virt_gpio_create(vm, both, secure_only) < 0) {
        fprintf(stderr, "qemu-system-aarch64: could not create the PL061 GPIO\n");
        return NULL;
    }

    semihosting.enabled = opts->semihosting;
    semihosting.userspace = opts->semihosting_userspace;
    semihosting.argc = (int)opts->semihosting_argc;
    semihosting.argv = opts->semihosting_argv;

    /* PSCI is the emulator's job whenever the machine has no EL3 (as QEMU's virt: with
     * secure=on, EL3 firmware provides PSCI, or nobody does). Firmware loaded without
     * secure=on (-bios or pflash unit 0: UEFI at EL1, or EL2 with virtualization=on) runs below
     * the emulated PSCI and finds it in the DT: EDK2 resets and powers off through it. */
    vm->psci_emulated = !vm->secure;
    vm->psci_conduit = vm->virtualization ? 2 : 1;
    if (virt_fdt_create(vm, err, sizeof(err)) < 0 || virt_boot_setup(vm, err, sizeof(err)) < 0) {
        fprintf(stderr, "qemu-system-aarch64: %s\n", err);
        return NULL;
    }
    env->psci_handler = virt_psci_call;
    runloop_set_reset_handler(virt_reset, vm);
    virt_reset(vm);
    return vm;
}

qemu_irq virt_spi(VirtMachine *vm, int spi)
{
    return vm->gic ? gicv3_spi(vm->gic, spi) : gicv2_spi(vm->gic2, spi);
}

qemu_irq virt_ppi(VirtMachine *vm, int intid)
{
    return vm->gic ? gicv3_ppi(vm->gic, intid) : gicv2_ppi(vm->gic2, intid);
}

void virt_reset(void *opaque)
{
    VirtMachine *vm = opaque;
    /* Devices first: the CPU reset then clears whatever lines they drove meanwhile. A reboot
     * must not inherit active interrupts or a flash left in a command mode. */
    if (vm->gic) {
        gicv3_reset(vm->gic);
    } else {
        gicv2_reset(vm->gic2);
    }
    virt_gpio_reset(vm);     /* all pins inputs again: the power-off/reset lines drop */
    for (int i = 0; i < 2; i++) {
        if (vm->flash[i]) {
            pflash_reset(vm->flash[i]);
        }
    }
    virt_boot_reset_cpu(vm);
    gt_recompute(&vm->cpu);     /* the CPU reset cleared the timer registers */
}
