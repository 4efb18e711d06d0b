/* SPDX-License-Identifier: GPL-2.0-or-later */
/* virt-gpio.c: the virt board's two PL061 GPIO controllers, placed and wired as on QEMU's virt
 * machine (shared/facts/virt-memory-map.md):
 * - the Non-secure GPIO at 0x09030000 (SPI 7), present unless firmware is loaded with ACPI
 *   (QEMU puts its ACPI GED there instead), with a gpio-keys power button on pin 3 in the DT;
 * - with secure=on, the secure-only GPIO at 0x090b0000 whose pin 0 powers the system off and
 *   pin 1 resets it, both on a rising edge (TF-A's plat/qemu drives them for PSCI SYSTEM_OFF
 *   and SYSTEM_RESET). QEMU wires its interrupt to SPI 0 (the board has no number for it); so
 *   does this board, and the DT says so. */
#include <libfdt.h>
#include <stdio.h>
#include "hw/arm/virt.h"
#include "hw/gpio/pl061.h"
#include "hw/intc/gicv3.h"
#include "system/runloop.h"

#define SECURE_GPIO_POWEROFF 0
#define SECURE_GPIO_RESET 1
#define GPIO_KEY_POWER_PIN 3
#define KEY_POWER 116           /* linux,code of the power button (input-event-codes.h) */
#define VIRT_SPI_SECURE_GPIO 0
#define PHANDLE_GPIO 0x8004
#define PHANDLE_SECURE_GPIO 0x8005
#define PHANDLE_CLK 0x8000      /* the apb-pclk node of virt-fdt.c */

/* The secure GPIO's pins 0 and 1: what QEMU's gpio-pwr device does with them. */
static void secure_gpio_line(void *opaque, int pin, int level)
{
    (void)opaque;
    if (!level) {
        return;
    }
    if (pin == SECURE_GPIO_POWEROFF) {
        qemu_system_shutdown_request(SHUTDOWN_GUEST_POWEROFF);
    } else if (pin == SECURE_GPIO_RESET) {
        qemu_system_reset_request();
    }
}

static bool has_ns_gpio(const VirtMachine *vm)
{
    bool firmware = vm->opts->bios || vm->opts->pflash[0].file;
    return !firmware || vm->opts->acpi == GRANULE_OFF;
}

int virt_gpio_create(VirtMachine *vm, AddressSpace *const *both, AddressSpace *const *secure_only)
{
    if (has_ns_gpio(vm)) {
        vm->gpio = pl061_create("pl061", virt_memmap[VIRT_GPIO].base,
                                virt_spi(vm, VIRT_SPI_GPIO), both, 2);
        if (!vm->gpio) {
            return -1;
        }
    }
    if (vm->secure) {
        vm->secure_gpio = pl061_create("pl061-secure", virt_memmap[VIRT_SECURE_GPIO].base,
                                       virt_spi(vm, VIRT_SPI_SECURE_GPIO), secure_only, 1);
        if (!vm->secure_gpio) {
            return -1;
        }
        for (int pin = SECURE_GPIO_POWEROFF; pin <= SECURE_GPIO_RESET; pin++) {
            pl061_connect_out(vm->secure_gpio, pin, qemu_allocate_irq(secure_gpio_line, vm, pin));
        }
    }
    return 0;
}

void virt_gpio_reset(VirtMachine *vm)
{
    if (vm->gpio) {
        pl061_reset(vm->gpio);
    }
    if (vm->secure_gpio) {
        pl061_reset(vm->secure_gpio);
    }
}

#define CHECK(x) do { int r_ = (x); if (r_ < 0) { return r_; } } while (0)

static int pl061_node(void *fdt, uint64_t base, int spi, uint32_t phandle, bool secure_only)
{
    static const char compat[] = "arm,pl061\0arm,primecell";
    fdt64_t reg[2] = { cpu_to_fdt64(base), cpu_to_fdt64(PL061_SIZE) };
    fdt32_t irq[3] = { cpu_to_fdt32(0), cpu_to_fdt32(spi), cpu_to_fdt32(4) };
    char path[64];
    int node;

    snprintf(path, sizeof(path), "pl061@%llx", (unsigned long long)base);
    CHECK(node = fdt_add_subnode(fdt, 0, path));
    CHECK(fdt_setprop(fdt, node, "compatible", compat, sizeof(compat)));
    CHECK(fdt_setprop(fdt, node, "reg", reg, sizeof(reg)));
    CHECK(fdt_setprop_u32(fdt, node, "#gpio-cells", 2));
    CHECK(fdt_setprop_empty(fdt, node, "gpio-controller"));
    CHECK(fdt_setprop(fdt, node, "interrupts", irq, sizeof(irq)));
    CHECK(fdt_setprop_u32(fdt, node, "clocks", PHANDLE_CLK));
    CHECK(fdt_setprop_string(fdt, node, "clock-names", "apb_pclk"));
    CHECK(fdt_setprop_u32(fdt, node, "phandle", phandle));
    if (secure_only) {
        CHECK(fdt_setprop_string(fdt, node, "status", "disabled"));
        CHECK(fdt_setprop_string(fdt, node, "secure-status", "okay"));
    }
    return 0;
}

/* gpios = <&controller pin flags>, flags 0 = active high. */
static int gpios_prop(void *fdt, int node, uint32_t phandle, int pin)
{
    fdt32_t cells[3] = { cpu_to_fdt32(phandle), cpu_to_fdt32(pin), cpu_to_fdt32(0) };
    return fdt_setprop(fdt, node, "gpios", cells, sizeof(cells));
}

static int secure_pwr_node(void *fdt, const char *name, int pin)
{
    int node;

    CHECK(node = fdt_add_subnode(fdt, 0, name));
    CHECK(fdt_setprop_string(fdt, node, "compatible", name));
    CHECK(gpios_prop(fdt, node, PHANDLE_SECURE_GPIO, pin));
    CHECK(fdt_setprop_string(fdt, node, "status", "disabled"));
    CHECK(fdt_setprop_string(fdt, node, "secure-status", "okay"));
    return 0;
}

int virt_gpio_fdt(VirtMachine *vm, void *fdt)
{
    int node, key;

    if (vm->gpio) {
        CHECK(pl061_node(fdt, virt_memmap[VIRT_GPIO].base, VIRT_SPI_GPIO, PHANDLE_GPIO, false));
        CHECK(node = fdt_add_subnode(fdt, 0, "gpio-keys"));
        CHECK(fdt_setprop_string(fdt, node, "compatible", "gpio-keys"));
        CHECK(key = fdt_add_subnode(fdt, node, "poweroff"));
        CHECK(fdt_setprop_string(fdt, key, "label", "GPIO Key Poweroff"));
        CHECK(fdt_setprop_u32(fdt, key, "linux,code", KEY_POWER));
        CHECK(gpios_prop(fdt, key, PHANDLE_GPIO, GPIO_KEY_POWER_PIN));
    }
    if (vm->secure_gpio) {
        CHECK(pl061_node(fdt, virt_memmap[VIRT_SECURE_GPIO].base, VIRT_SPI_SECURE_GPIO,
                         PHANDLE_SECURE_GPIO, true));
        CHECK(secure_pwr_node(fdt, "gpio-poweroff", SECURE_GPIO_POWEROFF));
        CHECK(secure_pwr_node(fdt, "gpio-restart", SECURE_GPIO_RESET));
    }
    return 0;
}
