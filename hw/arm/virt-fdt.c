/* SPDX-License-Identifier: GPL-2.0-or-later */
/* virt-fdt.c: the flattened device tree of the virt board (Devicetree Specification v0.4),
 * generated with libfdt: memory, CPU, PSCI, GICv3 or GICv2, generic timer (with its frequency), UARTs,
 * RTC, flash, secure-only nodes and /chosen. */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hw/arm/virt.h"
#include "gtimer.h"
#include "pmu.h"

#define FDT_SIZE (64 * 1024)
#define PHANDLE_GIC 0x8001
#define PHANDLE_CLK 0x8000
#define IRQ_LEVEL_HIGH 4

#define CHECK(x) do { int r_ = (x); if (r_ < 0) { err_ = r_; goto fail; } } while (0)

static int add_reg(void *fdt, int node, uint64_t base, uint64_t size)
{
    fdt64_t cells[2] = { cpu_to_fdt64(base), cpu_to_fdt64(size) };
    return fdt_setprop(fdt, node, "reg", cells, sizeof(cells));
}

static int add_irq(void *fdt, int node, int type, int num)
{
    fdt32_t cells[3] = { cpu_to_fdt32(type), cpu_to_fdt32(num), cpu_to_fdt32(IRQ_LEVEL_HIGH) };
    return fdt_setprop(fdt, node, "interrupts", cells, sizeof(cells));
}

static int add_primecell(void *fdt, const char *name, const char *compat, size_t compat_len,
                         uint64_t base, int spi, bool secure_only, const char *clock_names,
                         size_t clock_names_len, int nclocks)
{
    char path[64];
    int node, err_ = 0;
    fdt32_t clocks[2] = { cpu_to_fdt32(PHANDLE_CLK), cpu_to_fdt32(PHANDLE_CLK) };

    snprintf(path, sizeof(path), "%s@%llx", name, (unsigned long long)base);
    CHECK(node = fdt_add_subnode(fdt, 0, path));
    CHECK(fdt_setprop(fdt, node, "compatible", compat, compat_len));
    CHECK(add_reg(fdt, node, base, 0x1000));
    CHECK(add_irq(fdt, node, 0, spi));
    CHECK(fdt_setprop(fdt, node, "clock-names", clock_names, clock_names_len));
    CHECK(fdt_setprop(fdt, node, "clocks", clocks, sizeof(fdt32_t) * nclocks));
    if (secure_only) {
        CHECK(fdt_setprop_string(fdt, node, "status", "disabled"));
        CHECK(fdt_setprop_string(fdt, node, "secure-status", "okay"));
    }
    return node;
fail:
    return err_;
}

/* PPI flags: level high; with a GICv2 also the CPU mask in bits [15:8], one bit per CPU
 * (the arm,gic binding's PPI form, as QEMU's virt writes it). */
static uint32_t ppi_flags(VirtMachine *vm)
{
    return IRQ_LEVEL_HIGH | (vm->gic2 ? 1u << 8 : 0);
}

/* The interrupt controller node's properties common to both GIC bindings (at the distributor's
 * address); returns the node or a libfdt error. */
static int gic_node_begin(void *fdt, const char *compatible)
{
    char path[64];
    int node, err_ = 0;

    snprintf(path, sizeof(path), "intc@%llx", (unsigned long long)virt_memmap[VIRT_GIC_DIST].base);
    CHECK(node = fdt_add_subnode(fdt, 0, path));
    CHECK(fdt_setprop_string(fdt, node, "compatible", compatible));
    CHECK(fdt_setprop_u32(fdt, node, "#interrupt-cells", 3));
    CHECK(fdt_setprop(fdt, node, "interrupt-controller", NULL, 0));
    CHECK(fdt_setprop_u32(fdt, node, "#address-cells", 2));
    CHECK(fdt_setprop_u32(fdt, node, "#size-cells", 2));
    CHECK(fdt_setprop(fdt, node, "ranges", NULL, 0));
    return node;
fail:
    return err_;
}

/* GICv2 (the arm,gic binding): distributor and CPU interface. The virtualization extensions
 * (GICH, GICV, maintenance PPI) are not modelled, so neither region nor interrupt is listed. */
static int add_gicv2_node(VirtMachine *vm, void *fdt)
{
    int node, err_ = 0;
    fdt64_t reg[4] = {
        cpu_to_fdt64(virt_memmap[VIRT_GIC_DIST].base), cpu_to_fdt64(virt_memmap[VIRT_GIC_DIST].size),
        cpu_to_fdt64(virt_memmap[VIRT_GIC_CPU].base), cpu_to_fdt64(virt_memmap[VIRT_GIC_CPU].size),
    };

    CHECK(node = gic_node_begin(fdt, "arm,cortex-a15-gic"));
    CHECK(fdt_setprop(fdt, node, "reg", reg, sizeof(reg)));
    CHECK(fdt_setprop_u32(fdt, node, "phandle", PHANDLE_GIC));
    return 0;
fail:
    return err_;
}

int virt_fdt_create(VirtMachine *vm, char *err, size_t err_len)
{
    void *fdt = calloc(1, FDT_SIZE);
    int node, cpus, err_ = 0;
    char path[64];
    static const char pl011_compat[] = "arm,pl011\0arm,primecell";
    static const char pl031_compat[] = "arm,pl031\0arm,primecell";
    static const char uart_clocks[] = "uartclk\0apb_pclk";
    static const char psci_compat[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
    const char *cpu_compat;

    if (!fdt) {
        snprintf(err, err_len, "out of memory for the device tree");
        return -1;
    }
    CHECK(fdt_create_empty_tree(fdt, FDT_SIZE));
    CHECK(fdt_setprop_string(fdt, 0, "compatible", "linux,dummy-virt"));
    CHECK(fdt_setprop_string(fdt, 0, "model", "linux,dummy-virt"));
    CHECK(fdt_setprop_u32(fdt, 0, "#address-cells", 2));
    CHECK(fdt_setprop_u32(fdt, 0, "#size-cells", 2));
    CHECK(fdt_setprop_u32(fdt, 0, "interrupt-parent", PHANDLE_GIC));

    /* /chosen (filled further by boot.c) */
    CHECK(node = fdt_add_subnode(fdt, 0, "chosen"));
    snprintf(path, sizeof(path), "/pl011@%llx", (unsigned long long)virt_memmap[VIRT_UART0].base);
    CHECK(fdt_setprop_string(fdt, node, "stdout-path", path));
    if (vm->secure) {
        CHECK(node = fdt_add_subnode(fdt, 0, "secure-chosen"));
        snprintf(path, sizeof(path), "/pl011@%llx", (unsigned long long)virt_memmap[VIRT_UART1].base);
        CHECK(fdt_setprop_string(fdt, node, "stdout-path", path));
    }

    /* memory */
    snprintf(path, sizeof(path), "memory@%llx", (unsigned long long)virt_memmap[VIRT_RAM].base);
    CHECK(node = fdt_add_subnode(fdt, 0, path));
    CHECK(fdt_setprop_string(fdt, node, "device_type", "memory"));
    CHECK(add_reg(fdt, node, virt_memmap[VIRT_RAM].base, vm->ram_size));

    /* APB clock for the PrimeCells */
    CHECK(node = fdt_add_subnode(fdt, 0, "apb-pclk"));
    CHECK(fdt_setprop_string(fdt, node, "compatible", "fixed-clock"));
    CHECK(fdt_setprop_u32(fdt, node, "#clock-cells", 0));
    CHECK(fdt_setprop_u32(fdt, node, "clock-frequency", 24000000));
    CHECK(fdt_setprop_string(fdt, node, "clock-output-names", "clk24mhz"));
    CHECK(fdt_setprop_u32(fdt, node, "phandle", PHANDLE_CLK));

    /* cpus */
    CHECK(cpus = fdt_add_subnode(fdt, 0, "cpus"));
    CHECK(fdt_setprop_u32(fdt, cpus, "#address-cells", 1));
    CHECK(fdt_setprop_u32(fdt, cpus, "#size-cells", 0));
    CHECK(node = fdt_add_subnode(fdt, cpus, "cpu@0"));
    CHECK(fdt_setprop_string(fdt, node, "device_type", "cpu"));
    cpu_compat = strcmp(vm->cpu.features.model, "max") == 0 ? "arm,arm-v8"
                 : strcmp(vm->cpu.features.model, "cortex-a53") == 0 ? "arm,cortex-a53"
                 : strcmp(vm->cpu.features.model, "cortex-a57") == 0 ? "arm,cortex-a57"
                 : "arm,cortex-a72";
    CHECK(fdt_setprop_string(fdt, node, "compatible", cpu_compat));
    CHECK(fdt_setprop_u32(fdt, node, "reg", 0));
    if (vm->psci_emulated) {
        CHECK(fdt_setprop_string(fdt, node, "enable-method", "psci"));
    }

    /* PSCI: only when the emulator provides it (no EL3 firmware); EL3 firmware adds its own. */
    if (vm->psci_emulated) {
        CHECK(node = fdt_add_subnode(fdt, 0, "psci"));
        CHECK(fdt_setprop(fdt, node, "compatible", psci_compat, sizeof(psci_compat)));
        CHECK(fdt_setprop_string(fdt, node, "method", vm->psci_conduit == 2 ? "smc" : "hvc"));
        CHECK(fdt_setprop_u32(fdt, node, "cpu_suspend", 0xc4000001));
        CHECK(fdt_setprop_u32(fdt, node, "cpu_off", 0x84000002));
        CHECK(fdt_setprop_u32(fdt, node, "cpu_on", 0xc4000003));
        CHECK(fdt_setprop_u32(fdt, node, "migrate", 0xc4000005));
    }

    if (vm->gic2) {
        CHECK(add_gicv2_node(vm, fdt));
    } else {
        /* GICv3: distributor and one redistributor region */
        CHECK(node = gic_node_begin(fdt, "arm,gic-v3"));
        CHECK(fdt_setprop_u32(fdt, node, "#redistributor-regions", 1));
        {
            fdt64_t reg[4] = {
                cpu_to_fdt64(virt_memmap[VIRT_GIC_DIST].base), cpu_to_fdt64(virt_memmap[VIRT_GIC_DIST].size),
                cpu_to_fdt64(virt_memmap[VIRT_GIC_REDIST].base), cpu_to_fdt64(0x20000),
            };
            CHECK(fdt_setprop(fdt, node, "reg", reg, sizeof(reg)));
        }
        CHECK(add_irq(fdt, node, 1, VIRT_PPI_GIC_MAINT - 16));
        CHECK(fdt_setprop_u32(fdt, node, "phandle", PHANDLE_GIC));
    }

    /* Generic timer: secure phys, non-secure phys, virtual, hypervisor PPIs (INTID - 16) */
    CHECK(node = fdt_add_subnode(fdt, 0, "timer"));
    CHECK(fdt_setprop_string(fdt, node, "compatible", "arm,armv8-timer"));
    {
        static const int ppis[4] = { VIRT_PPI_SEC_EL1_PHYS, VIRT_PPI_EL1_PHYS, VIRT_PPI_EL1_VIRT,
                                     VIRT_PPI_EL2_PHYS };
        fdt32_t cells[12];
        for (int i = 0; i < 4; i++) {
            cells[3 * i] = cpu_to_fdt32(1);
            cells[3 * i + 1] = cpu_to_fdt32(ppis[i] - 16);
            cells[3 * i + 2] = cpu_to_fdt32(ppi_flags(vm));
        }
        CHECK(fdt_setprop(fdt, node, "interrupts", cells, sizeof(cells)));
    }
    CHECK(fdt_setprop_u32(fdt, node, "clock-frequency", (uint32_t)GTIMER_FREQ_HZ));
    CHECK(fdt_setprop(fdt, node, "always-on", NULL, 0));

    /* PMUv3: its overflow interrupt PPI (INTID - 16), level high, as QEMU's virt describes it */
    if (pmu_present(&vm->cpu)) {
        CHECK(node = fdt_add_subnode(fdt, 0, "pmu"));
        CHECK(fdt_setprop_string(fdt, node, "compatible", "arm,armv8-pmuv3"));
        fdt32_t cells[3] = { cpu_to_fdt32(1), cpu_to_fdt32(VIRT_PPI_PMU - 16),
                             cpu_to_fdt32(ppi_flags(vm)) };
        CHECK(fdt_setprop(fdt, node, "interrupts", cells, sizeof(cells)));
    }

    /* flash: bank 0 is secure-only with secure=on */
    snprintf(path, sizeof(path), "flash@%llx",
             (unsigned long long)(vm->secure ? virt_memmap[VIRT_FLASH1].base : 0));
    CHECK(node = fdt_add_subnode(fdt, 0, path));
    CHECK(fdt_setprop_string(fdt, node, "compatible", "cfi-flash"));
    if (vm->secure) {
        CHECK(add_reg(fdt, node, virt_memmap[VIRT_FLASH1].base, virt_memmap[VIRT_FLASH1].size));
    } else {
        fdt64_t reg[4] = {
            cpu_to_fdt64(0), cpu_to_fdt64(virt_memmap[VIRT_FLASH0].size),
            cpu_to_fdt64(virt_memmap[VIRT_FLASH1].base), cpu_to_fdt64(virt_memmap[VIRT_FLASH1].size),
        };
        CHECK(fdt_setprop(fdt, node, "reg", reg, sizeof(reg)));
    }
    CHECK(fdt_setprop_u32(fdt, node, "bank-width", 4));

    CHECK(add_primecell(fdt, "pl011", pl011_compat, sizeof(pl011_compat),
                        virt_memmap[VIRT_UART0].base, VIRT_SPI_UART0, false, uart_clocks,
                        sizeof(uart_clocks), 2));
    if (vm->secure) {
        CHECK(add_primecell(fdt, "pl011", pl011_compat, sizeof(pl011_compat),
                            virt_memmap[VIRT_UART1].base, VIRT_SPI_UART1, true, uart_clocks,
                            sizeof(uart_clocks), 2));
        snprintf(path, sizeof(path), "secram@%llx", (unsigned long long)virt_memmap[VIRT_SECURE_MEM].base);
        CHECK(node = fdt_add_subnode(fdt, 0, path));
        CHECK(fdt_setprop_string(fdt, node, "device_type", "memory"));
        CHECK(add_reg(fdt, node, virt_memmap[VIRT_SECURE_MEM].base, virt_memmap[VIRT_SECURE_MEM].size));
        CHECK(fdt_setprop_string(fdt, node, "status", "disabled"));
        CHECK(fdt_setprop_string(fdt, node, "secure-status", "okay"));
    }
    CHECK(add_primecell(fdt, "pl031", pl031_compat, sizeof(pl031_compat),
                        virt_memmap[VIRT_RTC].base, VIRT_SPI_RTC, false, "apb_pclk", 9, 1));
    CHECK(virt_gpio_fdt(vm, fdt));

    CHECK(fdt_pack(fdt));
    vm->fdt = fdt;
    vm->fdt_size = fdt_totalsize(fdt);
    return 0;
fail:
    snprintf(err, err_len, "device tree generation failed: %s", fdt_strerror(err_));
    free(fdt);
    return -1;
}
