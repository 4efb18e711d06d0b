#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-dtb: the generated device tree (-M virt,dumpdtb=FILE) decompiles with dtc and describes
the board the options asked for: memory size, CPU, GICv3 distributor and redistributor, timer
PPIs and frequency, the PMUv3 interrupt, the GICv2 node and PPI CPU masks with gic-version=2, UART, RTC, flash banks, PSCI unless secure=on (also under -bios firmware),
secure-only nodes with secure=on, the PL061 GPIOs (gpio-keys; the secure one's power-off and
restart nodes). Where Debian's QEMU is available, the properties both boards
must share (addresses, interrupts, sizes) are compared with its own dumpdtb output.

usage: test-dtb.py EMULATOR [--reference QEMU]
"""
import os
import re
import subprocess
import sys
import tempfile

FAILS = []


def check(cond, what):
    print(("PASS: " if cond else "FAIL: ") + what)
    if not cond:
        FAILS.append(what)


def dump(emu, machine, extra, tmp):
    dtb = os.path.join(tmp, "out.dtb")
    if os.path.exists(dtb):
        os.unlink(dtb)
    p = subprocess.run([emu, "-M", f"{machine},dumpdtb={dtb}", "-cpu", "max", "-display", "none"]
                       + extra, capture_output=True, text=True, timeout=30)
    if p.returncode != 0 or not os.path.exists(dtb):
        return None, p.stderr
    d = subprocess.run(["dtc", "-I", "dtb", "-O", "dts", dtb], capture_output=True, text=True)
    return (d.stdout if d.returncode == 0 else None), d.stderr


def node(dts, name):
    m = re.search(r"\n\t%s \{(.*?)\n\t\};" % re.escape(name), dts, re.S)
    return m.group(1) if m else None


def prop(body, name):
    if body is None:
        return None
    m = re.search(r"\n\t\t%s = (.*?);" % re.escape(name), body)
    return m.group(1) if m else None


def shared_props(dts):
    """Properties QEMU's virt and ours must agree on."""
    out = {}
    for n, p in (("memory@40000000", "reg"), ("pl011@9000000", "reg"), ("pl011@9000000", "interrupts"),
                 ("pl031@9010000", "reg"), ("pl031@9010000", "interrupts"), ("timer", "interrupts"),
                 ("intc@8000000", "#interrupt-cells"), ("pmu", "compatible"), ("pmu", "interrupts"),
                 ("pl061@9030000", "reg"), ("pl061@9030000", "interrupts"),
                 ("pl061@9030000", "compatible")):
        out[(n, p)] = prop(node(dts, n), p)
    return out


def gpio_key(dts):
    """(linux,code, pin) of the gpio-keys power button."""
    m = re.search(r"\n\tgpio-keys \{.*?linux,code = (<[^>]*>);.*?\n\t\};", dts, re.S)
    g = re.search(r"\n\tgpio-keys \{.*?gpios = <\S+ (\S+) \S+>;.*?\n\t\};", dts, re.S)
    return (m.group(1) if m else None, g.group(1) if g else None)


def secure_gpio(dts):
    """status, secure-status and reg of the secure PL061, and the pins of its power nodes."""
    body = node(dts, "pl061@90b0000")

    def pin(name):
        g = prop(node(dts, name), "gpios")
        return g.strip("<>").split()[1] if g else None
    return (prop(body, "status"), prop(body, "secure-status"), prop(body, "reg"),
            pin("gpio-poweroff"), pin("gpio-restart"))


def main():
    emu = sys.argv[1]
    ref = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--reference" else None
    try:
        subprocess.run(["dtc", "--version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        print("SKIP: dtc (device-tree-compiler) is not installed")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        dts, err = dump(emu, "virt", ["-m", "256"], tmp)
        check(dts is not None, f"virt: dumpdtb output decompiles with dtc ({err.strip()[:80]})")
        if dts is None:
            return 1
        check(prop(node(dts, "memory@40000000"), "reg") == "<0x00 0x40000000 0x00 0x10000000>",
              "memory node: 256 MiB at 0x40000000")
        check("arm,gic-v3" in (prop(node(dts, "intc@8000000"), "compatible") or ""),
              "GICv3 node")
        check(prop(node(dts, "intc@8000000"), "reg") ==
              "<0x00 0x8000000 0x00 0x10000 0x00 0x80a0000 0x00 0x20000>",
              "GIC distributor and one redistributor frame pair")
        timer = node(dts, "timer")
        check(prop(timer, "interrupts") ==
              "<0x01 0x0d 0x04 0x01 0x0e 0x04 0x01 0x0b 0x04 0x01 0x0a 0x04>",
              "timer PPIs 29, 30, 27, 26 (as 13, 14, 11, 10), level high")
        check(prop(timer, "clock-frequency") == "<0x3b9aca0>",
              "timer clock-frequency = CNTFRQ_EL0 (62.5 MHz)")
        check(prop(node(dts, "pmu"), "compatible") == "\"arm,armv8-pmuv3\"" and
              prop(node(dts, "pmu"), "interrupts") == "<0x01 0x07 0x04>",
              "PMUv3 node: PPI 23 (as 7), level high")
        check("arm,pl011" in (prop(node(dts, "pl011@9000000"), "compatible") or ""), "PL011")
        check(prop(node(dts, "pl011@9000000"), "interrupts") == "<0x00 0x01 0x04>", "PL011 SPI 1")
        check(prop(node(dts, "pl031@9010000"), "interrupts") == "<0x00 0x02 0x04>", "PL031 SPI 2")
        check(prop(node(dts, "psci"), "method") == "\"hvc\"", "PSCI over HVC without EL2/EL3")
        check(prop(node(dts, "chosen"), "stdout-path") == "\"/pl011@9000000\"", "stdout-path")

        dts2, _ = dump(emu, "virt,virtualization=on", [], tmp)
        check(dts2 is not None and prop(node(dts2, "psci"), "method") == "\"smc\"",
              "PSCI over SMC when the kernel runs at EL2")
        dts3, _ = dump(emu, "virt,secure=on", [], tmp)
        # With EL3 present, PSCI is EL3 firmware's business: the board neither answers it nor
        # describes it (as QEMU's virt).
        check(dts3 is not None and node(dts3, "psci") is None,
              "secure=on: no emulated PSCI node")
        # Firmware without secure=on (UEFI from -bios at EL1, or at EL2 with virtualization=on)
        # runs below the emulated PSCI and finds it in the DT (QEMU's virt disables its PSCI
        # only for secure=on with firmware). Any file will do for dumpdtb.
        fw = os.path.join(tmp, "fw.bin")
        with open(fw, "wb") as f:
            f.write(bytes(4096))
        fw_dts = {m: dump(emu, m, ["-bios", fw], tmp)[0]
                  for m in ("virt,gic-version=3", "virt,gic-version=3,virtualization=on")}
        for m, method in (("virt,gic-version=3", "hvc"),
                          ("virt,gic-version=3,virtualization=on", "smc")):
            check(fw_dts[m] is not None and prop(node(fw_dts[m], "psci"), "method") ==
                  f"\"{method}\"", f"{m} -bios: PSCI over {method.upper()}")
        check(dts3 is not None and prop(node(dts3, "secram@e000000"), "secure-status") == "\"okay\"",
              "secure=on: secure RAM node, secure-only")
        check(dts3 is not None and prop(node(dts3, "pl011@9040000"), "status") == "\"disabled\"",
              "secure=on: secure UART disabled for the Non-secure world")
        # PL061 GPIOs: the Non-secure one (SPI 7) with a gpio-keys power button on pin 3; with
        # secure=on the secure one at 0x090b0000, disabled for the Non-secure world, with its
        # power-off (pin 0) and restart (pin 1) nodes.
        check(prop(node(dts, "pl061@9030000"), "interrupts") == "<0x00 0x07 0x04>",
              "PL061 at 0x09030000, SPI 7")
        check(gpio_key(dts) == ("<0x74>", "0x03"), "gpio-keys: KEY_POWER on pin 3")
        check(node(dts, "pl061@90b0000") is None, "no secure GPIO without secure=on")
        check(dts3 is not None and secure_gpio(dts3) ==
              ('"disabled"', '"okay"', "<0x00 0x90b0000 0x00 0x1000>", "0x00", "0x01"),
              "secure=on: secure PL061 at 0x090b0000 with gpio-poweroff pin 0, gpio-restart pin 1")
        dts4, _ = dump(emu, "virt", ["-cpu", "cortex-a57"], tmp)
        check(dts4 is not None and "arm,cortex-a57" in dts4, "cortex-a57: CPU compatible")

        # gic-version=2: the arm,gic binding (distributor and CPU interface, no virtualization
        # frames since GICH/GICV are not modelled); PPI flags carry the CPU mask in [15:8].
        v2 = {}
        for m in ("virt,gic-version=2", "virt,gic-version=2,secure=on"):
            v2[m], err = dump(emu, m, ["-m", "256"], tmp)
            check(v2[m] is not None, f"{m}: dumpdtb output decompiles ({err.strip()[:80]})")
            gic = node(v2[m] or "", "intc@8000000")
            check(prop(gic, "compatible") == '"arm,cortex-a15-gic"', f"{m}: GICv2 compatible")
            check(prop(gic, "reg") == "<0x00 0x8000000 0x00 0x10000 0x00 0x8010000 0x00 0x10000>",
                  f"{m}: GICD at 0x08000000 and GICC at 0x08010000")
            check(prop(gic, "#interrupt-cells") == "<0x03>" and gic is not None and
                  "\n\t\tinterrupt-controller;" in gic, f"{m}: interrupt-controller, 3 cells")
            check(prop(node(v2[m] or "", "timer"), "interrupts") ==
                  "<0x01 0x0d 0x104 0x01 0x0e 0x104 0x01 0x0b 0x104 0x01 0x0a 0x104>",
                  f"{m}: timer PPIs with the GICv2 CPU mask (0x104)")
            check(prop(node(v2[m] or "", "pmu"), "interrupts") == "<0x01 0x07 0x104>",
                  f"{m}: PMU PPI with the GICv2 CPU mask")

        if ref:
            # Debian's virt defaults to GICv2 (PPI flags carry a CPU mask there): ask for v3.
            theirs, _ = dump(ref, "virt,gic-version=3", ["-m", "256"], tmp)
            if theirs is None:
                print("SKIP: reference dumpdtb failed")
            else:
                a, b = shared_props(dts), shared_props(theirs)
                sec, _ = dump(ref, "virt,secure=on,gic-version=3", [], tmp)
                check(sec is not None and (node(sec, "psci") is None) == (node(dts3, "psci") is None),
                      "secure=on: PSCI node presence as in Debian's QEMU")
                for m in fw_dts:
                    q, _ = dump(ref, m, ["-bios", fw], tmp)
                    mine = prop(node(fw_dts[m] or "", "psci"), "method")
                    check(q is not None and prop(node(q, "psci"), "method") == mine,
                          f"{m} -bios: PSCI method as in Debian's QEMU ({mine})")
                for k in a:
                    check(a[k] == b[k], f"{k[0]} {k[1]} identical to Debian's QEMU ({a[k]} / {b[k]})")
                check(gpio_key(dts) == gpio_key(theirs), "gpio-keys as in Debian's QEMU")
                check(sec is not None and secure_gpio(dts3) == secure_gpio(sec),
                      f"secure GPIO nodes as in Debian's QEMU ({secure_gpio(sec) if sec else None})")
                check(sec is not None and prop(node(sec, "pl061@90b0000"), "interrupts") ==
                      prop(node(dts3, "pl061@90b0000"), "interrupts"),
                      "secure GPIO interrupt as in Debian's QEMU")
                # GICv2: the GIC node and every shared interrupt property as Debian's QEMU.
                for m in v2:
                    q, _ = dump(ref, m, ["-m", "256"], tmp)
                    if q is None or v2[m] is None:
                        check(False, f"{m}: both dumps decompile")
                        continue
                    a, b = shared_props(v2[m]), shared_props(q)
                    for k in a:
                        check(a[k] == b[k], f"{m}: {k[0]} {k[1]} identical to Debian's QEMU "
                              f"({a[k]} / {b[k]})")
                    for p in ("compatible", "reg", "#address-cells", "#size-cells"):
                        mine = prop(node(v2[m], "intc@8000000"), p)
                        check(mine == prop(node(q, "intc@8000000"), p),
                              f"{m}: GIC {p} identical to Debian's QEMU ({mine})")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
