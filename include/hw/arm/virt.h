/* SPDX-License-Identifier: GPL-2.0-or-later */
/* virt.h: the virt board: memory map, interrupt numbers and construction from the options. */
#ifndef HW_ARM_VIRT_H
#define HW_ARM_VIRT_H
#include <stdbool.h>
#include <stdint.h>
#include "exec/memory.h"
#include "hw/irq.h"
#include "cpu.h"
#include "system/options.h"

enum {
#define MEMMAP(id, base, size, pas, name) VIRT_##id,
#include "hw/arm/virt-memmap.def"
#undef MEMMAP
    VIRT_MEMMAP_COUNT
};

typedef struct VirtMemMapEntry {
    uint64_t base;
    uint64_t size;
    const char *name;
} VirtMemMapEntry;

extern const VirtMemMapEntry virt_memmap[VIRT_MEMMAP_COUNT];

/* SPIs (INTID = 32 + n) */
#define VIRT_SPI_UART0 1
#define VIRT_SPI_RTC 2
#define VIRT_SPI_GPIO 7
#define VIRT_SPI_UART1 8
#define VIRT_SPI_VIRTIO 16
/* PPIs */
#define VIRT_PPI_SEC_EL1_PHYS 29
#define VIRT_PPI_EL1_PHYS 30
#define VIRT_PPI_EL1_VIRT 27
#define VIRT_PPI_EL2_PHYS 26
#define VIRT_PPI_EL2_VIRT 28
#define VIRT_PPI_SEC_EL2_PHYS 20   /* FEAT_SEL2 (upstream QEMU's ARCH_TIMER_S_EL2_IRQ) */
#define VIRT_PPI_SEC_EL2_VIRT 19   /* FEAT_SEL2 (ARCH_TIMER_S_EL2_VIRT_IRQ) */
#define VIRT_PPI_GIC_MAINT 25
#define VIRT_PPI_PMU 23

typedef struct VirtMachine {
    CPUARMState cpu;
    AddressSpace secure_as;       /* the Secure view: Secure and Root accesses */
    AddressSpace ns_as;           /* the Non-secure view: Non-secure and Realm accesses */
    MemoryRegion *ram;
    MemoryRegion *secure_ram;
    struct PFlashState *flash[2];
    struct GICv3State *gic;           /* gic-version=3 (NULL with a GICv2) */
    struct GICv2State *gic2;          /* gic-version=2 (NULL with a GICv3) */
    struct Pl011State *uart[2];
    struct PL061State *gpio;          /* Non-secure PL061 (NULL: firmware with ACPI) */
    struct PL061State *secure_gpio;   /* secure=on: power-off (pin 0) and reset (pin 1) */
    struct Chardev *serial_chr[2];   /* back ends of the UARTs (NULL: none) */
    bool secure, virtualization, rme;
    uint64_t ram_size;
    /* boot */
    uint64_t entry;               /* reset PC */
    bool firmware_boot;           /* -bios/pflash: CPU starts in firmware at the highest EL */
    bool linux_boot;              /* -kernel with a Linux Image: enter at EL2/EL1 with x0 = DTB */
    bool psci_emulated;           /* no EL3: the emulator answers PSCI calls */
    int psci_conduit;             /* 1 = HVC, 2 = SMC */
    uint64_t dtb_addr;
    void *fdt;
    int fdt_size;
    const GranuleOptions *opts;
} VirtMachine;

/* Build the machine; returns NULL after printing one error line. */
VirtMachine *virt_create(const GranuleOptions *opts);
void virt_reset(void *machine);

/* The interrupt controller's input lines, whichever GIC the board has: SPI n (INTID 32 + n)
 * and PPI intid (16..31). */
qemu_irq virt_spi(VirtMachine *vm, int spi);
qemu_irq virt_ppi(VirtMachine *vm, int intid);

/* hw/arm/virt-gpio.c: the PL061s (Non-secure one and, with secure=on, the secure one wired to
 * power-off and reset), their reset and their DT nodes. Return 0, or -1 / a libfdt error. */
int virt_gpio_create(VirtMachine *vm, AddressSpace *const *both, AddressSpace *const *secure_only);
void virt_gpio_reset(VirtMachine *vm);
int virt_gpio_fdt(VirtMachine *vm, void *fdt);
/* hw/arm/virt-fdt.c: generate the device tree. Returns 0, or -1 with err set. */
int virt_fdt_create(VirtMachine *vm, char *err, size_t err_len);
/* hw/arm/boot.c: load images, place the DTB, set the entry state. Returns 0, or -1 with err. */
int virt_boot_setup(VirtMachine *vm, char *err, size_t err_len);
void virt_boot_reset_cpu(VirtMachine *vm);
/* PSCI when no EL3 firmware is present: true if the call was a PSCI call and was handled. */
bool virt_psci_call(CPUARMState *env, bool is_smc);

#endif
