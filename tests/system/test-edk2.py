#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test-edk2: Debian's UEFI firmware (qemu-efi-aarch64's QEMU_EFI.fd, EDK2 ArmVirtQemu) boots
with -bios on -M virt,gic-version=3 -cpu max -m 1024 to the UEFI shell, on Granule and, when
installed, on Debian's qemu-system-aarch64 (both with -net none: Debian's QEMU would otherwise add
a virtio NIC and try PXE first). The milestones must appear in the same order on both:

  1. the firmware banner ("UEFI firmware (version ...");
  2. the boot manager loading and starting Boot0001 "EFI Internal Shell" (BdsDxe: DXE found the
     Variable and BDS architectural protocols, so the variable store in flash bank 1 was
     formatted through CFI commands);
  3. the shell banner and its prompt;
  4. "reset" at the prompt: PSCI SYSTEM_RESET (the DT's psci node, HVC conduit), the firmware
     runs again from the banner to the prompt, reading the variables it stored before;
  5. "reset -s": PSCI SYSTEM_OFF, exit status 0.

No "Synchronous Exception" may appear. Skipped (77) when the firmware file is missing.

usage: test-edk2.py EMULATOR [--reference QEMU] [--firmware QEMU_EFI.fd]
"""
import os
import re
import subprocess
import sys
import threading
import time

FIRMWARE = "/usr/share/qemu-efi-aarch64/QEMU_EFI.fd"
STEP_TIMEOUT = 40       # seconds for one boot to the prompt (Granule: about 12 s, 5 of them the
                        # shell's startup.nsh countdown, which a key press cuts short)
FAILS = []


def check(cond, what):
    print(("PASS: " if cond else "FAIL: ") + what, flush=True)
    if not cond:
        FAILS.append(what)


class Console:
    """The emulator with its serial port on stdin/stdout; output is collected by a thread."""

    def __init__(self, emu, firmware):
        self.args = [emu, "-M", "virt,gic-version=3", "-cpu", "max", "-m", "1024",
                     "-display", "none", "-serial", "stdio", "-net", "none", "-bios", firmware]
        self.p = subprocess.Popen(self.args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.out = b""
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            d = os.read(self.p.stdout.fileno(), 4096)
            if not d:
                return
            with self.lock:
                self.out += d

    def text(self):
        with self.lock:
            return self.out.decode(errors="replace")

    def wait_for(self, needle, start, timeout):
        """Offset just past the first `needle` at or after `start`, or None on timeout/exit."""
        end = time.time() + timeout
        while time.time() < end:
            i = self.text().find(needle, start)
            if i >= 0:
                return i + len(needle)
            if self.p.poll() is not None:
                time.sleep(0.2)             # let the reader drain the pipe
                i = self.text().find(needle, start)
                return i + len(needle) if i >= 0 else None
            time.sleep(0.1)
        return None

    def type(self, s):
        """Type slowly: the firmware polls the UART and keeps no more than a FIFO's worth."""
        for ch in s.encode():
            try:
                self.p.stdin.write(bytes([ch]))
                self.p.stdin.flush()
            except BrokenPipeError:
                return
            time.sleep(0.03)

    def finish(self, timeout):
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            return None


def boot_to_prompt(con, start, tag, events):
    """One boot from the banner to the shell prompt; appends the milestones seen to events."""
    pos = con.wait_for("UEFI firmware (version", start, STEP_TIMEOUT)
    if pos is None:
        return None
    events.append(f"{tag}: firmware banner")
    pos2 = con.wait_for("Shell> ", pos, STEP_TIMEOUT)
    if pos2 is None:
        return None
    chunk = con.text()[pos:pos2]
    for m in re.finditer(r'BdsDxe: (loading|starting) (Boot[0-9A-F]{4} "[^"]*")', chunk):
        events.append(f"{tag}: BdsDxe {m.group(1)} {m.group(2)}")
    if "UEFI Interactive Shell" in chunk:
        events.append(f"{tag}: UEFI Interactive Shell")
    events.append(f"{tag}: Shell> prompt")
    return pos2


def countdown_skipper(con, stop):
    """Press Enter whenever the shell counts down to startup.nsh (saves 5 s per boot)."""
    seen = 0
    while not stop.is_set():
        i = con.text().find("seconds to skip", seen)
        if i >= 0:
            seen = i + 1
            con.type("\r")
        time.sleep(0.2)


def run(emu, firmware):
    """The milestones seen, the exit status, the elapsed time and the console output."""
    t0 = time.time()
    con = Console(emu, firmware)
    stop = threading.Event()
    threading.Thread(target=countdown_skipper, args=(con, stop), daemon=True).start()
    events = []
    pos = boot_to_prompt(con, 0, "boot 1", events)
    if pos is not None:
        # Only now: a key typed during the countdown of boot 1 must not reach boot 2 early.
        time.sleep(0.5)
        con.type("reset\r")
        pos = boot_to_prompt(con, pos, "boot 2", events)
    if pos is not None:
        time.sleep(0.5)
        con.type("reset -s\r")
    stop.set()
    status = con.finish(20 if pos is not None else 0)
    events.append(f"exit status {status}")
    return events, status, time.time() - t0, con.text()


def main():
    args = sys.argv[1:]
    emu = args.pop(0)
    ref, firmware = None, FIRMWARE
    while args:
        opt = args.pop(0)
        if opt == "--reference":
            ref = args.pop(0)
        elif opt == "--firmware":
            firmware = args.pop(0)
    if not os.path.exists(firmware):
        print(f"SKIP: {firmware} not installed (Debian package qemu-efi-aarch64)")
        return 77

    results = {}
    threads = [threading.Thread(target=lambda n=n, e=e: results.__setitem__(n, run(e, firmware)))
               for n, e in (("granule", emu), ("reference", ref)) if e]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    events, status, elapsed, out = results["granule"]
    print(f"granule: {elapsed:.1f} s; milestones: {events}")
    expected = ["boot 1: firmware banner",
                'boot 1: BdsDxe loading Boot0001 "EFI Internal Shell"',
                'boot 1: BdsDxe starting Boot0001 "EFI Internal Shell"',
                "boot 1: UEFI Interactive Shell", "boot 1: Shell> prompt",
                "boot 2: firmware banner",
                'boot 2: BdsDxe loading Boot0001 "EFI Internal Shell"',
                'boot 2: BdsDxe starting Boot0001 "EFI Internal Shell"',
                "boot 2: UEFI Interactive Shell", "boot 2: Shell> prompt",
                "exit status 0"]
    for e in expected:
        check(e in events, e)
    check(events == expected, "the milestones in this order and no others")
    check("Synchronous Exception" not in out, "no exception reported by the firmware")
    if status != 0:
        print("--- console (last 2000 characters) ---\n" + out[-2000:])
    if ref:
        revents, rstatus, relapsed, rout = results["reference"]
        print(f"reference: {relapsed:.1f} s; milestones: {revents}")
        check(revents == events, "the same milestones on Debian's QEMU")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
