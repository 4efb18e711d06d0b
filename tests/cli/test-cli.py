#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# test-cli.py: run qemu-system-aarch64 with good and bad command lines, one group per meson test.
"""Usage: test-cli.py EMULATOR GROUP

Good command lines end in the hidden test hook -x-dump-options, which prints the parsed options
as key=value lines and exits 0; the test compares the keys it cares about. Bad command lines must
exit 1 with exactly one line on stderr that names the problem, and print nothing on stdout.
Where Debian's QEMU is installed, a few help outputs are also compared with it in shape.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

PREFIX = 'qemu-system-aarch64: '
REAL_QEMU = '/usr/bin/qemu-system-aarch64'


class Runner:
    def __init__(self, emu, tmp):
        self.emu = emu
        self.tmp = tmp
        self.failures = 0
        self.count = 0

    def run(self, args, binary=None):
        proc = subprocess.run([binary or self.emu] + args, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=30)
        return proc.returncode, proc.stdout, proc.stderr

    def report(self, ok, what, detail=''):
        self.count += 1
        what = what.replace('\n', '\\n')
        if ok:
            print(f'ok {self.count} - {what}')
        else:
            self.failures += 1
            print(f'not ok {self.count} - {what}')
            for line in detail.splitlines():
                print(f'#   {line}')

    def ok(self, args, expect=None):
        """args parse; the dumped options contain every key=value of expect."""
        args = [a.replace('@T', self.tmp) for a in args]
        rc, out, err = self.run(args + ['-x-dump-options'])
        what = ' '.join(args)
        if rc != 0 or err:
            self.report(False, what, f'exit {rc}, stderr: {err}')
            return None
        dump = dict(line.split('=', 1) for line in out.splitlines())
        bad = []
        for key, value in (expect or {}).items():
            value = value.replace('@T', self.tmp)
            if dump.get(key) != value:
                bad.append(f'{key}: expected {value!r}, got {dump.get(key)!r}')
        self.report(not bad, what, '\n'.join(bad))
        return dump

    def err(self, args, *needles):
        """args fail: exit 1, nothing on stdout, one stderr line with PREFIX and every needle."""
        args = [a.replace('@T', self.tmp) for a in args]
        rc, out, err = self.run(args)
        what = 'error: ' + ' '.join(args)
        lines = err.splitlines()
        problems = []
        if rc != 1:
            problems.append(f'exit status {rc}, expected 1')
        if out:
            problems.append(f'unexpected stdout: {out!r}')
        if len(lines) != 1 or not err.endswith('\n'):
            problems.append(f'expected exactly one stderr line, got {err!r}')
        elif not lines[0].startswith(PREFIX):
            problems.append(f'stderr line lacks the {PREFIX!r} prefix: {lines[0]!r}')
        for needle in needles:
            if needle.replace('@T', self.tmp) not in err:
                problems.append(f'stderr {err!r} does not mention {needle!r}')
        self.report(not problems, what, '\n'.join(problems))

    def exits0(self, args, *needles):
        """A help-like command: exit 0, no stderr, stdout contains every needle."""
        rc, out, err = self.run(args)
        problems = []
        if rc != 0 or err:
            problems.append(f'exit {rc}, stderr {err!r}')
        for needle in needles:
            if needle not in out:
                problems.append(f'stdout does not contain {needle!r}')
        self.report(not problems, ' '.join(args), '\n'.join(problems))
        return out


def make_files(tmp):
    with open(os.path.join(tmp, 'kernel.bin'), 'wb') as f:
        f.write(b'\x00' * 4096)
    with open(os.path.join(tmp, 'initrd.img'), 'wb') as f:
        f.write(b'initrd')
    with open(os.path.join(tmp, 'board.dtb'), 'wb') as f:
        f.write(bytes.fromhex('d00dfeed') + b'\x00' * 60)
    with open(os.path.join(tmp, 'flash0.img'), 'wb') as f:
        f.truncate(64 << 20)
    with open(os.path.join(tmp, 'flash1.img'), 'wb') as f:
        f.truncate(1 << 20)
    with open(os.path.join(tmp, 'huge.img'), 'wb') as f:
        f.truncate(65 << 20)
    open(os.path.join(tmp, 'empty.img'), 'wb').close()
    os.mkdir(os.path.join(tmp, 'fwdir'))
    with open(os.path.join(tmp, 'fwdir', 'bl1.bin'), 'wb') as f:
        f.write(b'\x00' * 1024)


def group_machine(t):
    t.ok(['-M', 'virt'], {'machine': 'virt', 'machine.secure': 'off', 'machine.gic-version': '3',
                          'cpu': 'max'})
    t.ok(['-machine', 'virt,secure=on,virtualization=on'],
         {'machine.secure': 'on', 'machine.virtualization': 'on', 'machine.rme': 'off'})
    t.ok(['-machine', 'type=virt,secure=on'], {'machine': 'virt', 'machine.secure': 'on'})
    t.ok(['--machine', 'virt-7.2'], {'machine': 'virt-7.2'})
    t.ok(['-M', 'virt-2.6'], {'machine': 'virt-2.6'})
    t.ok(['-M', 'virt,gic-version=max'], {'machine.gic-version': '3'})
    t.ok(['-M', 'virt,gic-version=3,acpi=off,its=on,highmem=off'],
         {'machine.acpi': 'off', 'machine.its': 'on', 'machine.highmem': 'off'})
    t.ok(['-M', 'virt,rme=on'],
         {'machine.rme': 'on', 'machine.secure': 'on', 'machine.virtualization': 'on',
          'machine.gic-version': '3', 'cpu': 'max', 'cpu.rme': 'on'})
    t.ok(['-M', 'virt,rme=on,secure=on,virtualization=on', '-cpu', 'max,x-rme=on'],
         {'cpu.rme': 'on'})
    t.ok(['-M', 'virt', '-M', 'secure=on'], {'machine': 'virt', 'machine.secure': 'on'})
    t.ok(['-M', 'virt,secure=yes,virtualization=true'],
         {'machine.secure': 'on', 'machine.virtualization': 'on'})
    t.ok(['-M', 'virt,accel=tcg,usb=off,dtb-randomness=off,iommu=none,mte=off'])
    t.ok(['-M', 'virt,dumpdtb=@T/out.dtb'], {'machine.dumpdtb': '@T/out.dtb'})
    t.err(['-M'], '-M: requires an argument')
    t.err(['-M', 'foo'], "unsupported machine type 'foo'")
    t.err(['-M', 'virt-1.0'], "unsupported machine type 'virt-1.0'")
    t.err(['-M', 'foo\nbar'], "unsupported machine type 'foo\\x0abar'")
    t.err(['-machine', 'type=raspi3b'], "unsupported machine type 'raspi3b'")
    t.ok(['-M', 'virt,gic-version=2'], {'machine.gic-version': '2'})
    t.ok(['-M', 'virt,gic-version=2,secure=on'], {'machine.gic-version': '2', 'machine.secure': 'on'})
    t.err(['-M', 'virt,gic-version=4'], 'gic-version=4', 'not supported yet')
    t.err(['-M', 'virt,gic-version=2,rme=on'], 'rme=on requires a GICv3')
    t.err(['-M', 'virt,gic-version=host'], 'gic-version=host requires KVM')
    t.err(['-M', 'virt,gic-version=5'], "Invalid gic-version value '5'")
    # With firmware and no gic-version (QEMU would give GICv2, this board a GICv3) the board warns
    # once on stderr and still starts (here: dumps its DTB); an explicit version or a kernel
    # (which reads the GIC from the DT) gets no warning.
    for extra, warned in ((['-bios', '@T/flash0.img'], True),
                          (['-drive', 'if=pflash,format=raw,file=@T/flash0.img'], True),
                          (['-M', 'gic-version=3', '-bios', '@T/flash0.img'], False),
                          (['-M', 'gic-version=max', '-bios', '@T/flash0.img'], False),
                          (['-M', 'gic-version=2', '-bios', '@T/flash0.img'], False),
                          (['-kernel', '@T/kernel.bin'], False)):
        args = ['-M', 'virt,dumpdtb=@T/gic.dtb', '-display', 'none'] + extra
        args = [a.replace('@T', t.tmp) for a in args]
        if os.path.exists(os.path.join(t.tmp, 'gic.dtb')):
            os.unlink(os.path.join(t.tmp, 'gic.dtb'))
        rc, out, err = t.run(args)
        want = ('qemu-system-aarch64: warning: no gic-version given: this virt board has a '
                'GICv3 (QEMU\'s default is GICv2); add gic-version=3, or gic-version=2 for '
                'firmware built for QEMU\'s default\n'
                if warned else '')
        t.report(rc == 0 and err == want and os.path.exists(os.path.join(t.tmp, 'gic.dtb')),
                 ' '.join(args) + (': one GICv3 warning line' if warned else ': no warning'),
                 f'exit {rc}, stderr {err!r}')
    t.err(['-M', 'virt,secure=maybe'], "Parameter 'secure' expects 'on' or 'off'")
    t.err(['-M', 'virt,foo=on'], "no property 'foo'")
    t.err(['-M', 'virt,rme=on,secure=off'], 'rme=on requires secure=on')
    t.err(['-M', 'virt,rme=on,virtualization=off'], 'rme=on requires virtualization=on')
    t.err(['-M', 'virt,rme=on', '-cpu', 'cortex-a57'], 'rme=on requires -cpu max')
    t.err(['-M', 'virt,rme=on', '-cpu', 'max,x-rme=off'], 'conflicts with -cpu max,x-rme=off')
    t.err(['-M', 'virt,acpi=on'], 'acpi=on is not supported yet')
    t.err(['-M', 'virt,accel=kvm'], "accelerator 'kvm' is not supported")
    t.err(['-M', 'virt,dumpdtb=/nonexistent-dir/x.dtb'], '/nonexistent-dir/x.dtb')
    t.err(['-cpu', 'max'], 'No machine specified')
    t.err(['-M', 'secure=on'], 'No machine specified')
    out = t.exits0(['-M', 'help'], 'Supported machines are:', 'virt ', 'virt-7.2', 'virt-9.2')
    t.report(all(line.startswith('virt') for line in out.splitlines()[1:]),
             '-M help lists only virt machines', out)
    if os.path.exists(REAL_QEMU):
        real = t.run(['-M', 'help'], REAL_QEMU)[1].splitlines()
        real_virt = [line for line in real if line.startswith('virt ')]
        ours_virt = [line for line in out.splitlines() if line.startswith('virt ')]
        shape = re.compile(r'virt {17}QEMU \d+\.\d+ ARM Virtual Machine '
                           r'\(alias of virt-\d+\.\d+\)$')
        t.report(real[0] == out.splitlines()[0] and len(ours_virt) == 1 and
                 all(shape.match(line) for line in real_virt + ours_virt),
                 '-M help: same header and alias line shape as QEMU', f'{real_virt} {ours_virt}')
    t.exits0(['-M', 'virt,help'], 'secure=<bool>', 'gic-version=<string>', 'rme=<bool>')
    # The command lines of Linaro's RME stack and QEMU's RME functional test.
    t.ok(['-M', 'virt,virtualization=on,secure=on,gic-version=3', '-M', 'acpi=off',
          '-cpu', 'max,x-rme=on,pauth-impdef=on', '-m', '2G', '-bios', '@T/flash0.img',
          '-kernel', '@T/kernel.bin', '-append', 'console=ttyAMA0', '-nographic'],
         {'machine.secure': 'on', 'machine.virtualization': 'on', 'machine.acpi': 'off',
          'cpu.rme': 'on', 'cpu.pauth-impdef': 'on', 'ram_size': str(2 << 30),
          'serial0': 'mon:stdio', 'bios': '@T/flash0.img'})
    t.ok(['-machine', 'virt,secure=on,virtualization=on,gic-version=3', '-cpu', 'max',
          '-d', 'unimp,guest_errors', '-display', 'none', '-serial', 'stdio',
          '-serial', 'file:@T/secure.log', '-monitor', 'none', '-no-reboot'],
         {'serial1': 'file:@T/secure.log', 'no_reboot': 'on'})
    t.exits0(['-machine', 'help'], 'Supported machines are:')


def group_cpu(t):
    t.ok(['-M', 'virt', '-cpu', 'max'], {'cpu': 'max', 'cpu.rme': 'off', 'cpu.l0gptsz': '30'})
    for model in ('cortex-a53', 'cortex-a57', 'cortex-a72'):
        t.ok(['-M', 'virt', '-cpu', model], {'cpu': model})
    t.ok(['-M', 'virt,secure=on', '-cpu', 'max,x-rme=on'],
         {'cpu.rme': 'on', 'machine.rme': 'off', 'machine.secure': 'on'})
    t.ok(['-M', 'virt,secure=on', '-cpu', 'max,x-rme=on,x-l0gptsz=39'], {'cpu.l0gptsz': '39'})
    t.ok(['-M', 'virt,rme=on', '-cpu', 'max,x-l0gptsz=34'],
         {'cpu.l0gptsz': '34', 'cpu.rme': 'on'})
    t.ok(['-M', 'virt', '-cpu', 'max,pauth=off,sve=off,pmu=on,lpa2=off'],
         {'cpu.pauth': 'off', 'cpu.sve': 'off', 'cpu.pmu': 'on', 'cpu.lpa2': 'off',
          'cpu.sme': 'auto'})
    t.ok(['-M', 'virt', '-cpu', 'max,pauth-impdef=on,pauth-qarma3=off'],
         {'cpu.pauth-impdef': 'on', 'cpu.pauth-qarma3': 'off'})
    t.ok(['-M', 'virt', '-cpu', 'cortex-a53,pmu=off,aarch64=on'], {'cpu.pmu': 'off'})
    t.ok(['-M', 'virt', '-cpu', 'max,pauth=off', '-cpu', 'cortex-a72'],
         {'cpu': 'cortex-a72', 'cpu.pauth': 'auto'})
    t.err(['-M', 'virt', '-cpu', 'foo'], "unable to find CPU model 'foo'")
    t.err(['-M', 'virt', '-cpu', 'host'], "'host' requires KVM")
    t.err(['-M', 'virt', '-cpu', 'cortex-a15'], "unable to find CPU model 'cortex-a15'")
    t.err(['-M', 'virt', '-cpu', 'max,foo=on'], "CPU model 'max' has no property 'foo'")
    t.err(['-M', 'virt', '-cpu', 'max,pauth=maybe'], "Parameter 'pauth' expects 'on' or 'off'")
    t.err(['-M', 'virt', '-cpu', 'cortex-a53,x-rme=on'], "'cortex-a53' has no property 'x-rme'")
    t.err(['-M', 'virt', '-cpu', 'cortex-a57,pauth=off'], "'cortex-a57' has no property 'pauth'")
    t.err(['-M', 'virt', '-cpu', 'max,x-l0gptsz=32'], "invalid x-l0gptsz value '32'")
    t.err(['-M', 'virt', '-cpu', 'max,x-rme=on'], 'requires -machine secure=on')
    t.err(['-M', 'virt', '-cpu', 'max,aarch64=off'], 'AArch32 is not supported')
    t.err(['-M', 'virt', '-cpu', 'pauth=off'], 'CPU model name must come first')
    t.err(['-M', 'virt', '-cpu'], '-cpu: requires an argument')
    out = t.exits0(['-M', 'virt', '-cpu', 'help'], 'Available CPUs:', '  max', '  cortex-a57')
    if os.path.exists(REAL_QEMU):
        real = t.run(['-M', 'virt', '-cpu', 'help'], REAL_QEMU)[1].splitlines()
        ours = out.splitlines()
        t.report(ours[0] == real[0] and all(line in real for line in ours[1:]),
                 '-cpu help: same header as QEMU and only models QEMU also lists', out)


def group_memory(t):
    t.ok(['-M', 'virt'], {'ram_size': str(128 << 20), 'smp': '1'})
    cases = {'512': 512 << 20, '1G': 1 << 30, '2g': 2 << 30, '1024M': 1 << 30,
             '16M': 16 << 20, '1.5G': 3 << 29, '262144k': 256 << 20, '255G': 255 << 30,
             'size=2G': 2 << 30, '0x400': 1 << 30, '17000001B': 17006592}
    for arg, size in cases.items():
        t.ok(['-M', 'virt', '-m', arg], {'ram_size': str(size)})
    t.ok(['-M', 'virt', '--m', '1G'], {'ram_size': str(1 << 30)})
    t.err(['-M', 'virt', '-m', '10x'], "invalid size '10x'")
    t.err(['-M', 'virt', '-m', ''], 'empty parameter')
    t.err(['-M', 'virt', '-m', '-5'], "invalid size '-5'")
    t.err(['-M', 'virt', '-m', '1.G'], "invalid size '1.G'")
    t.err(['-M', 'virt', '-m', '99999999999999999999'], 'invalid size')
    t.err(['-M', 'virt', '-m', '8'], 'RAM size 8 MiB is below the minimum of 16 MiB')
    t.err(['-M', 'virt', '-m', '0'], 'below the minimum')
    t.err(['-M', 'virt', '-m', '256G'], '256 GiB', 'maximum of 255 GiB')
    t.err(['-M', 'virt', '-m', '4T'], '4 TiB')
    t.err(['-M', 'virt', '-m', '16E'], 'invalid size')
    t.err(['-M', 'virt', '-m', '2G,slots=2,maxmem=4G'], 'memory hotplug')
    t.err(['-M', 'virt', '-m', '2G,foo=1'], "Invalid parameter 'foo'")
    t.err(['-M', 'virt', '-m'], '-m: requires an argument')
    for arg in ('1', 'cpus=1', '1,sockets=1,cores=1,threads=1', '1,maxcpus=1',
                'cpus=1,clusters=1,dies=1'):
        t.ok(['-M', 'virt', '-smp', arg], {'smp': '1'})
    t.err(['-M', 'virt', '-smp', '2'], 'SMP is not supported yet')
    t.err(['-M', 'virt', '-smp', '1,maxcpus=4'], 'SMP is not supported yet', 'maxcpus=4')
    t.err(['-M', 'virt', '-smp', '1,sockets=2'], 'SMP is not supported yet')
    t.err(['-M', 'virt', '-smp', 'x'], "Parameter 'smp.cpus' expects integer")
    t.err(['-M', 'virt', '-smp', '0'], 'must be greater than zero')
    t.err(['-M', 'virt', '-smp', '1,foo=1'], "Parameter 'smp.foo' is unexpected")


def group_images(t):
    t.ok(['-M', 'virt', '-kernel', '@T/kernel.bin', '-initrd', '@T/initrd.img',
          '-append', 'console=ttyAMA0 root=/dev/vda', '-dtb', '@T/board.dtb'],
         {'kernel': '@T/kernel.bin', 'initrd': '@T/initrd.img',
          'append': 'console=ttyAMA0 root=/dev/vda', 'dtb': '@T/board.dtb'})
    t.ok(['-M', 'virt', '-bios', '@T/kernel.bin'], {'bios': '@T/kernel.bin'})
    t.ok(['-M', 'virt', '-bios', '@T/flash0.img'], {'bios': '@T/flash0.img'})
    t.ok(['-M', 'virt,kernel=@T/kernel.bin,append=quiet'],
         {'kernel': '@T/kernel.bin', 'append': 'quiet'})
    t.ok(['-M', 'virt', '-drive', 'if=pflash,format=raw,file=@T/flash0.img',
          '-drive', 'if=pflash,format=raw,unit=1,file=@T/flash1.img,readonly=on'],
         {'pflash0': '@T/flash0.img', 'pflash0.size': str(64 << 20),
          'pflash0.readonly': 'off', 'pflash1': '@T/flash1.img', 'pflash1.readonly': 'on'})
    t.ok(['-M', 'virt', '-drive', 'if=pflash,format=raw,unit=1,file=@T/flash1.img',
          '-pflash', '@T/flash0.img'],
         {'pflash0': '@T/flash0.img', 'pflash1': '@T/flash1.img'})
    t.ok(['-M', 'virt', '-pflash', '@T/flash0.img', '-pflash', '@T/flash1.img'],
         {'pflash0': '@T/flash0.img', 'pflash1': '@T/flash1.img'})
    t.ok(['-M', 'virt', '-bios', '@T/kernel.bin', '-drive',
          'if=pflash,format=raw,unit=1,file=@T/flash1.img'], {'pflash0': ''})
    t.ok(['-M', 'virt', '-L', '@T/fwdir'], {'firmware_dir': '@T/fwdir'})
    t.ok(['-M', 'virt', '-bios', 'bl1.bin', '-L', '@T/fwdir'], {'bios': '@T/fwdir/bl1.bin'})
    t.ok(['-M', 'virt', '-L', '@T/fwdir', '-bios', 'bl1.bin'], {'bios': '@T/fwdir/bl1.bin'})
    t.err(['-M', 'virt', '-bios', 'missing.bin', '-L', '@T/fwdir'],
          "Could not find ROM image 'missing.bin'", '-L directory')
    t.err(['-M', 'virt', '-bios', 'missing.bin'], "Could not find ROM image 'missing.bin'")
    t.err(['-M', 'virt', '-icount', '3', '-accel', 'tcg,thread=multi'],
          'No MTTCG when icount is enabled')
    t.err(['-M', 'virt', '-kernel', '/nonexistent/Image'],
          "could not load kernel '/nonexistent/Image'", 'No such file or directory')
    t.err(['-M', 'virt', '-kernel', '@T'], "could not load kernel '@T'", 'Is a directory')
    t.err(['-M', 'virt', '-bios', '/nonexistent/bl1.bin'], "'/nonexistent/bl1.bin'",
          'No such file')
    t.err(['-M', 'virt', '-bios', '@T/huge.img'], 'more than the 64 MiB flash bank')
    t.err(['-M', 'virt', '-kernel', '@T/kernel.bin', '-initrd', '/nonexistent/initrd'],
          "could not load initial ram disk '/nonexistent/initrd'")
    t.err(['-M', 'virt', '-dtb', '/nonexistent/x.dtb'], "'/nonexistent/x.dtb'")
    t.err(['-M', 'virt', '-dtb', '@T/kernel.bin'], 'not a flattened device tree')
    t.err(['-M', 'virt', '-append', 'quiet'], '-append only allowed with -kernel option')
    t.err(['-M', 'virt', '-initrd', '@T/initrd.img'], '-initrd only allowed with -kernel option')
    t.err(['-M', 'virt', '-kernel'], '-kernel: requires an argument')
    t.err(['-M', 'virt', '-bios', '@T/kernel.bin', '-drive',
           'if=pflash,format=raw,file=@T/flash0.img'], 'cannot use both options at once')
    t.err(['-M', 'virt', '-drive', 'if=pflash,format=raw,file=/nonexistent/f.img'],
          "Could not open '/nonexistent/f.img'")
    t.err(['-M', 'virt', '-drive', 'if=pflash,format=raw,file=@T/huge.img'],
          'a virt flash bank holds')
    t.err(['-M', 'virt', '-drive', 'if=pflash,format=raw,file=@T/empty.img'],
          'a virt flash bank holds')
    t.err(['-M', 'virt', '-drive', 'if=pflash,format=raw,file=@T/flash1.img,unit=2'],
          'unit 2 is out of range')
    t.err(['-M', 'virt', '-drive', 'if=pflash,format=raw,file=@T/flash1.img',
           '-drive', 'if=pflash,format=raw,file=@T/flash1.img,unit=0'],
          'pflash unit 0 is already in use')
    t.err(['-M', 'virt', '-pflash', '@T/flash1.img', '-pflash', '@T/flash1.img',
           '-pflash', '@T/flash1.img'], 'too many pflash drives')
    t.err(['-M', 'virt', '-drive', 'if=pflash,format=qcow2,file=@T/flash1.img'],
          "format 'qcow2' is not supported")
    t.err(['-M', 'virt', '-drive', 'if=virtio,format=raw,file=@T/flash1.img'],
          'if=virtio is not supported yet')
    t.err(['-M', 'virt', '-drive', 'file=@T/flash1.img,format=raw'],
          'if=ide is not supported yet')
    t.err(['-M', 'virt', '-drive', 'if=floppyish,file=@T/flash1.img'],
          "unsupported bus type 'floppyish'")
    t.err(['-M', 'virt', '-drive', 'if=pflash,format=raw'], 'needs file=')
    t.err(['-M', 'virt', '-drive', 'if=pflash,file=@T/flash1.img,cache=none'],
          "Invalid parameter 'cache'")
    t.err(['-M', 'virt', '-pflash', '/nonexistent/f.img'], "Could not open '/nonexistent/f.img'")
    t.err(['-M', 'virt', '-L', '/nonexistent/dir'], '-L /nonexistent/dir', 'No such file')
    t.err(['-M', 'virt', '-L', '@T/kernel.bin'], 'Not a directory')
    t.err(['-M', 'virt', '@T/flash0.img'], '@T/flash0.img', 'disk image')
    if os.geteuid() != 0:
        os.chmod(os.path.join(t.tmp, 'initrd.img'), 0)
        t.err(['-M', 'virt', '-kernel', '@T/initrd.img'], 'Permission denied')
        os.chmod(os.path.join(t.tmp, 'initrd.img'), 0o644)


def group_serial(t):
    t.ok(['-M', 'virt'], {'nb_serials': '1', 'serial0': 'null', 'monitor': 'none',
                          'monitor_serial': '-1', 'nographic': 'off'})
    t.ok(['-M', 'virt', '-nographic'],
         {'serial0': 'mon:stdio', 'monitor': 'none', 'monitor_serial': '0', 'nographic': 'on'})
    t.ok(['-M', 'virt', '-nographic', '-serial', 'mon:stdio'],
         {'serial0': 'mon:stdio', 'monitor': 'none', 'monitor_serial': '0'})
    t.ok(['-M', 'virt', '-nographic', '-monitor', 'none'],
         {'serial0': 'stdio', 'monitor': 'none', 'monitor_serial': '-1'})
    t.ok(['-M', 'virt', '-nographic', '-serial', 'null'],
         {'serial0': 'null', 'monitor': 'stdio'})
    t.ok(['-M', 'virt', '-nographic', '-nodefaults'],
         {'nb_serials': '0', 'serial0': 'none', 'monitor': 'none'})
    t.ok(['-M', 'virt', '-display', 'none', '-serial', 'stdio'],
         {'serial0': 'stdio', 'monitor': 'none'})
    t.ok(['-M', 'virt', '-display', 'none', '-serial', 'stdio', '-serial', 'file:@T/secure.log'],
         {'nb_serials': '2', 'serial0': 'stdio', 'serial1': 'file:@T/secure.log'})
    t.ok(['-M', 'virt', '-serial', 'null', '-serial', 'none', '-serial', 'null', '-serial',
          'mon:stdio'], {'nb_serials': '4', 'serial1': 'none', 'serial3': 'mon:stdio',
                         'monitor_serial': '3'})
    t.ok(['-M', 'virt', '-display', 'none', '-monitor', 'stdio'],
         {'monitor': 'stdio', 'serial0': 'null'})
    t.ok(['-M', 'virt', '-serial', 'file:@T/uart.log', '-monitor', 'mon:stdio'],
         {'monitor': 'mon:stdio', 'serial0': 'file:@T/uart.log'})
    t.ok(['-M', 'virt', '-vga', 'none', '-display', 'none'])
    t.report(not os.path.exists(os.path.join(t.tmp, 'uart.log')),
             '-serial file: is not created while parsing')
    t.err(['-M', 'virt', '-nographic', '-serial', 'stdio'],
          '-serial stdio: cannot use stdio by multiple character devices')
    t.err(['-M', 'virt', '-nographic', '-monitor', 'stdio'],
          'cannot use stdio by multiple character devices')
    t.err(['-M', 'virt', '-serial', 'stdio', '-monitor', 'stdio'],
          'cannot use stdio by multiple character devices')
    t.err(['-M', 'virt', '-serial', 'mon:stdio', '-serial', 'stdio'],
          '-serial stdio: cannot use stdio by multiple character devices')
    t.err(['-M', 'virt', '-serial', 'foo'], "'foo' is not a valid char driver")
    t.err(['-M', 'virt', '-serial', 'tcp::5555,server'], "character backend 'tcp'",
          'not supported yet')
    t.err(['-M', 'virt', '-serial', 'unix:/tmp/s'], "character backend 'unix'")
    t.err(['-M', 'virt', '-serial', 'pty'], "character backend 'pty'")
    t.err(['-M', 'virt', '-serial', 'mon:file:@T/x'], 'mon:stdio')
    t.err(['-M', 'virt', '-serial', 'file:/nonexistent/dir/uart.log'],
          "Could not open '/nonexistent/dir/uart.log'", 'No such file or directory')
    t.err(['-M', 'virt', '-serial', 'file:@T'], 'Is a directory')
    t.err(['-M', 'virt'] + ['-serial', 'null'] * 5, 'too many serial ports')
    t.err(['-M', 'virt', '-monitor', 'foo'], "'foo' is not a valid char driver")
    t.err(['-M', 'virt', '-monitor', 'file:@T/mon.txt'], 'two-way backend')
    t.err(['-M', 'virt', '-monitor', 'none', '-monitor', 'stdio'], 'only one monitor')
    t.err(['-M', 'virt', '-display', 'gtk'], '-display gtk: no display support')
    t.err(['-M', 'virt', '-display', 'sdl,gl=on'], 'no display support')
    t.err(['-M', 'virt', '-display', 'foo'], "Parameter 'type' does not accept value 'foo'")
    t.err(['-M', 'virt', '-vga', 'std'], 'no display support')
    t.ok(['-M', 'virt', '-nographic'], {'stdio_signal': 'off'})
    t.ok(['-M', 'virt', '-display', 'none', '-serial', 'stdio'], {'stdio_signal': 'on'})
    # -chardev: stdio, null and file backends, shared with mux=on.
    t.ok(['-M', 'virt', '-nographic', '-chardev', 'stdio,id=con,mux=on,signal=off',
          '-serial', 'chardev:con', '-mon', 'chardev=con,mode=readline'],
         {'serial0': 'mon:stdio', 'monitor': 'none', 'monitor_serial': '0',
          'stdio_signal': 'off'})
    t.ok(['-M', 'virt', '-chardev', 'stdio,id=c0', '-serial', 'chardev:c0'],
         {'serial0': 'stdio', 'stdio_signal': 'on', 'monitor': 'none'})
    t.ok(['-M', 'virt', '-serial', 'chardev:f', '-chardev', 'file,id=f,path=@T/uart0.log',
          '-serial', 'null'], {'serial0': 'file:@T/uart0.log', 'serial1': 'null'})
    t.ok(['-M', 'virt', '-chardev', 'null,id=n', '-monitor', 'chardev:n', '-nographic'],
         {'serial0': 'stdio', 'monitor': 'null'})
    t.ok(['-M', 'virt', '-chardev', 'stdio,id=c0,mux=on', '-serial', 'chardev:c0',
          '-semihosting-config', 'enable=on,chardev=c0'],
         {'serial0': 'stdio', 'semihosting': 'on'})
    t.ok(['-M', 'virt', '-display', 'none', '-chardev', 'stdio,id=sh', '-semihosting-config',
          'enable=on,target=native,chardev=sh'], {'serial0': 'null', 'semihosting': 'on'})
    t.ok(['-M', 'virt', '-chardev', 'stdio,id=unused'], {'serial0': 'null'})
    t.err(['-M', 'virt', '-chardev', 'stdio,id=c0', '-serial', 'chardev:c0',
           '-mon', 'chardev=c0'], "chardev 'c0' is used by 2 devices", 'mux=on')
    t.err(['-M', 'virt', '-serial', 'chardev:nope'], "chardev 'nope' not found")
    t.err(['-M', 'virt', '-mon', 'chardev=nope'], "chardev 'nope' not found")
    t.err(['-M', 'virt', '-chardev', 'stdio,id=c0', '-serial', 'chardev:c0', '-serial', 'stdio'],
          '-serial stdio: cannot use stdio by multiple character devices')
    t.err(['-M', 'virt', '-chardev', 'stdio,id=c0,mux=on', '-mon', 'chardev=c0', '-nographic'],
          'cannot use stdio by multiple character devices')
    t.err(['-M', 'virt', '-chardev', 'socket,id=s,port=4444,server=on'],
          "chardev backend 'socket' is not supported yet")
    t.err(['-M', 'virt', '-chardev', 'bogus,id=b'], "'bogus' is not a valid char driver name")
    t.err(['-M', 'virt', '-chardev', 'stdio'], 'no id specified')
    t.err(['-M', 'virt', '-chardev', 'stdio,id=a', '-chardev', 'null,id=a'],
          "chardev 'a' already exists")
    t.err(['-M', 'virt', '-chardev', 'file,id=f'], 'no filename given')
    t.err(['-M', 'virt', '-chardev', 'file,id=f,path=/nonexistent/dir/x'],
          "Could not open '/nonexistent/dir/x'")
    t.err(['-M', 'virt', '-chardev', 'null,id=n,signal=off'], "Invalid parameter 'signal'")
    t.err(['-M', 'virt', '-chardev', 'stdio,id=s,logfile=@T/l'], 'logfile= is not supported')
    t.err(['-M', 'virt', '-chardev', 'file,id=f,path=@T/m.txt', '-mon', 'chardev=f'],
          'two-way backend')
    t.err(['-M', 'virt', '-chardev', 'stdio,id=c', '-mon', 'chardev=c,mode=control'],
          'QMP (mode=control) is not supported yet')
    t.err(['-M', 'virt', '-monitor', 'none', '-mon', 'chardev=c'], 'only one monitor')
    t.err(['-M', 'virt', '-chardev', 'null,id=n', '-semihosting-config', 'enable=on,chardev=n'],
          'only a stdio chardev is supported yet')
    t.err(['-M', 'virt', '-semihosting-config', 'enable=on,chardev=nope'],
          "semihosting chardev 'nope' not found")
    t.err(['-M', 'virt', '-chardev', 'stdio,id=s', '-serial', 'stdio',
           '-semihosting-config', 'enable=on,chardev=s'],
          'cannot use stdio by multiple character devices')
    t.err(['-M', 'virt', '-serial'], '-serial: requires an argument')


def group_logging(t):
    dump = t.ok(['-M', 'virt', '-d', 'in_asm,int,guest_errors,unimp'])
    t.report(dump is not None and dump.get('log_mask') not in (None, '0x0'),
             '-d sets a non-empty mask')
    t.ok(['-M', 'virt', '-d', 'gpc,world,smc,rmi,rsi', '-D', '@T/log.txt'],
         {'log_file': '@T/log.txt'})
    t.report(not os.path.exists(os.path.join(t.tmp, 'log.txt')),
             '-D file is not created by -x-dump-options')
    t.ok(['-M', 'virt', '-d', 'in_asm', '-d', 'int'])
    t.err(['-M', 'virt', '-d', 'foo'], "unknown log item 'foo'", '-d help')
    t.err(['-M', 'virt', '-d', 'in_asm,bogus'], "'bogus'")
    t.err(['-M', 'virt', '-D', '/nonexistent/dir/log.txt'],
          'Error opening logfile /nonexistent/dir/log.txt', 'No such file or directory')
    t.err(['-M', 'virt', '-D', '@T'], 'Is a directory')
    t.err(['-M', 'virt', '-d'], '-d: requires an argument')
    t.err(['-M', 'virt', '-D', '@T/never.txt', '-bogus'], '-bogus: invalid option')
    t.report(not os.path.exists(os.path.join(t.tmp, 'never.txt')),
             'nothing is created when the command line is bad')
    out = t.exits0(['-d', 'help'], 'Log items (comma separated):', 'in_asm', 'gpc', 'rmi')
    if os.path.exists(REAL_QEMU):
        real = t.run(['-d', 'help'], REAL_QEMU)[1]
        names = ('in_asm', 'op', 'int', 'exec', 'cpu', 'mmu', 'unimp', 'guest_errors',
                 'nochain', 'page')
        missing = [n for n in names if f'\n{n} ' not in out and f'\n{n} ' in real]
        t.report(out.splitlines()[0] == real.splitlines()[0] and not missing,
                 '-d help: same header and category names as QEMU', f'missing: {missing}')
    t.exits0(['-M', 'virt', '-d', 'help'], 'Log items')


def group_semihosting(t):
    t.ok(['-M', 'virt'], {'semihosting': 'off', 'semihosting.argc': '0'})
    t.ok(['-M', 'virt', '-semihosting'], {'semihosting': 'on', 'semihosting.target': 'auto'})
    t.ok(['-M', 'virt', '-semihosting-config', 'enable=on,target=native'],
         {'semihosting': 'on', 'semihosting.target': 'native'})
    t.ok(['-M', 'virt', '-semihosting-config', 'target=gdb'],
         {'semihosting': 'on', 'semihosting.target': 'gdb'})
    t.ok(['-M', 'virt', '-semihosting', '-semihosting-config', 'enable=off'],
         {'semihosting': 'off'})
    t.ok(['-M', 'virt', '-semihosting-config', 'on,userspace=on'],
         {'semihosting': 'on', 'semihosting.userspace': 'on'})
    t.ok(['-M', 'virt', '-semihosting-config',
          'enable=on,target=native,arg=test.elf,arg=--flag,arg=a,,b', '-semihosting-config',
          'arg=last one'],
         {'semihosting.argc': '4', 'semihosting.arg0': 'test.elf',
          'semihosting.arg1': '--flag', 'semihosting.arg2': 'a,b',
          'semihosting.arg3': 'last one'})
    t.err(['-M', 'virt', '-semihosting-config', 'enable=maybe'],
          "Parameter 'enable' expects 'on' or 'off'")
    t.err(['-M', 'virt', '-semihosting-config', 'target=foo'], "semihosting target 'foo'")
    t.err(['-M', 'virt', '-semihosting-config', 'foo=1'], "Invalid parameter 'foo'")
    t.err(['-M', 'virt', '-semihosting-config', 'enable=on,'], 'empty parameter')
    t.err(['-M', 'virt', '-semihosting-config'], 'requires an argument')


def group_loader(t):
    t.ok(['-M', 'virt', '-device', 'loader,file=@T/kernel.bin,addr=0x40080000,cpu-num=0'],
         {'nb_loaders': '1', 'loader0': 'file file=@T/kernel.bin addr=0x40080000 data=0x0 '
          'data-len=0 data-be=off force-raw=off cpu-num=0'})
    t.ok(['-M', 'virt', '-device', 'loader,file=@T/kernel.bin,force-raw=on,addr=4096',
          '-device', 'loader,addr=0x4000000,data=0x12345678,data-len=4,data-be=on',
          '-device', 'loader,addr=0x0,cpu-num=0'],
         {'nb_loaders': '3',
          'loader0': 'file file=@T/kernel.bin addr=0x1000 data=0x0 data-len=0 data-be=off '
                     'force-raw=on cpu-num=-1',
          'loader1': 'data file= addr=0x4000000 data=0x12345678 data-len=4 data-be=on '
                     'force-raw=off cpu-num=-1',
          'loader2': 'set-pc file= addr=0x0 data=0x0 data-len=0 data-be=off force-raw=off '
                     'cpu-num=0'})
    t.ok(['-M', 'virt', '-device', 'loader,file=@T/kernel.bin'],
         {'loader0': 'file file=@T/kernel.bin addr=none:0x0 data=0x0 data-len=0 data-be=off '
                     'force-raw=off cpu-num=-1'})
    for n in ('1', '2', '8'):
        t.ok(['-M', 'virt', '-device', f'loader,addr=0x40000000,data=1,data-len={n}'],
             {'nb_loaders': '1'})
    t.ok(['--device', 'loader,addr=0x40000000,data=1,data-len=1', '-M', 'virt'],
         {'nb_loaders': '1'})
    t.err(['-M', 'virt', '-device', 'loader'], 'please include valid arguments')
    t.err(['-M', 'virt', '-device', 'loader,addr=0x40000000'], 'please include valid arguments')
    t.err(['-M', 'virt', '-device', 'loader,data=1'], 'Both data and data-len must be specified')
    t.err(['-M', 'virt', '-device', 'loader,addr=0x40000000,data=1,data-len=3'],
          'data-len must be 1, 2, 4 or 8')
    t.err(['-M', 'virt', '-device', 'loader,addr=0x40000000,data=1,data-len=16'],
          'data-len must be 1, 2, 4 or 8')
    t.err(['-M', 'virt', '-device', 'loader,data=1,data-len=4'], 'addr must be specified')
    t.err(['-M', 'virt', '-device', 'loader,file=@T/kernel.bin,data=1,data-len=4,addr=0'],
          'Specifying a file is not supported when loading memory values')
    t.err(['-M', 'virt', '-device', 'loader,addr=0,data=1,data-len=4,force-raw=on'],
          'Specifying force-raw is not supported')
    t.err(['-M', 'virt', '-device', 'loader,file=/nonexistent/fw.elf'],
          "Cannot load specified image '/nonexistent/fw.elf'", 'No such file')
    t.err(['-M', 'virt', '-device', 'loader,addr=0x40000000,data=1,data-len=4,cpu-num=3'],
          'Specified boot CPU#3 is nonexistent')
    t.err(['-M', 'virt', '-device', 'loader,addr=0x40000000,data=1,data-len=4,foo=3'],
          "Property 'loader.foo' not found")
    t.err(['-M', 'virt', '-device', 'loader,addr=zzz,data=1,data-len=4'],
          "Parameter 'addr' expects a non-negative number")
    t.err(['-M', 'virt', '-device', 'loader,addr=-1,data=1,data-len=4'],
          "Parameter 'addr' expects")
    t.err(['-M', 'virt', '-device', 'loader,addr=0,data=1,data-len=4,data-be=maybe'],
          "Parameter 'data-be' expects 'on' or 'off'")
    t.err(['-M', 'virt', '-device', 'virtio-net-device'],
          "'virtio-net-device' is not a valid device model name")
    t.err(['-M', 'virt', '-device', 'foo,bar=1'], "-device foo,bar=1: 'foo' is not a valid "
          'device model name')
    t.err(['-M', 'virt', '-device', 'file=x'], "Parameter 'driver' is missing")
    t.exits0(['-M', 'virt', '-device', 'help'], 'loader')
    t.exits0(['-M', 'virt', '-device', 'loader,help'], 'loader options:', 'data-len=',
             'cpu-num=', 'force-raw=')


def group_gdb(t):
    t.ok(['-M', 'virt'], {'gdb': 'none', 'start_stopped': 'off'})
    t.ok(['-M', 'virt', '-s', '-S'], {'gdb': 'tcp::1234', 'start_stopped': 'on'})
    t.ok(['-M', 'virt', '-gdb', 'tcp::4321'], {'gdb': 'tcp::4321'})
    t.ok(['-M', 'virt', '-gdb', 'tcp:localhost:5000'], {'gdb': 'tcp:localhost:5000'})
    t.ok(['-M', 'virt', '-gdb', 'tcp:127.0.0.1:65535,server,nowait'],
         {'gdb': 'tcp:127.0.0.1:65535'})
    t.ok(['-M', 'virt', '-s', '-gdb', 'none'], {'gdb': 'none'})
    t.ok(['-M', 'virt', '-gdb', 'tcp::4321', '-s'], {'gdb': 'tcp::1234'})
    t.err(['-M', 'virt', '-gdb', 'foo'], "'foo' is not a valid char driver")
    t.err(['-M', 'virt', '-gdb', 'tcp::99999'], "invalid port '99999'")
    t.err(['-M', 'virt', '-gdb', 'tcp::0'], "invalid port '0'")
    t.err(['-M', 'virt', '-gdb', 'tcp::abc'], "invalid port 'abc'")
    t.err(['-M', 'virt', '-gdb', 'tcp:1234'], 'expected tcp:[HOST]:PORT')
    t.err(['-M', 'virt', '-gdb', 'tcp::1234,reconnect=1'], "unsupported gdb socket option")
    t.err(['-M', 'virt', '-gdb', 'stdio'], 'not supported yet')
    t.err(['-M', 'virt', '-gdb'], '-gdb: requires an argument')


def group_misc(t):
    dump = t.ok(['-M', 'virt', '-no-reboot', '-no-shutdown', '-nodefaults', '-no-user-config',
                 '-accel', 'tcg,thread=single', '-nic', 'none', '-net', 'none',
                 '-rtc', 'base=utc,clock=vm', '-icount', 'shift=7,align=off,sleep=off',
                 '-name', 'guest=rmm-test,debug-threads=on',
                 '-uuid', '12345678-9abc-def0-1234-56789abcdef0', '-boot', 'menu=on'],
                {'no_reboot': 'on', 'no_shutdown': 'on', 'nodefaults': 'on',
                 'accel.thread': 'single', 'rtc.base': 'utc', 'icount': 'on',
                 'icount.shift': '7', 'icount.sleep': 'off', 'name': 'rmm-test',
                 'uuid': '12345678-9abc-def0-1234-56789abcdef0'})
    t.ok(['-M', 'virt', '-accel', 'tcg,thread=multi'], {'accel.thread': 'multi', 'icount': 'off'})
    t.ok(['-M', 'virt', '-icount', 'auto'], {'icount.shift': 'auto'})
    t.ok(['-M', 'virt', '-icount', '0'], {'icount': 'on', 'icount.shift': '0'})
    t.ok(['-M', 'virt', '-rtc', 'base=2006-06-17T16:01:21'], {'rtc.base': '2006-06-17T16:01:21'})
    t.ok(['-M', 'virt', '-rtc', 'base=2006-06-17'], {'rtc.base': '2006-06-17'})
    t.ok(['-M', 'virt', '-accel', 'tcg', '--accel', 'accel=tcg,tb-size=64'])
    t.ok(['-M', 'virt', '-name', 'plain'], {'name': 'plain'})
    t.err(['-foo'], '-foo: invalid option')
    t.err(['--foo'], '--foo: invalid option')
    t.err(['-M', 'virt', '-'], '-: disk image')
    t.err(['-M', 'virt', '-hda', 'x.img'], '-hda', 'not supported by Granule')
    t.err(['-M', 'virt', '-accel', 'kvm'], "accelerator 'kvm' is not supported")
    t.err(['-M', 'virt', '-accel', 'foo'], 'invalid accelerator foo')
    t.err(['-M', 'virt', '-accel', 'tcg,thread=many'], "Invalid 'thread' setting many")
    t.err(['-M', 'virt', '-accel', 'tcg,foo=1'], "'tcg-accel.foo' not found")
    t.err(['-M', 'virt', '-enable-kvm'], '-enable-kvm', 'KVM is not supported')
    t.err(['-M', 'virt', '-nic', 'user'], 'networking is not supported yet')
    t.err(['-M', 'virt', '-net', 'nic'], 'networking is not supported yet')
    t.err(['-M', 'virt', '-rtc', 'base=yesterday'], "invalid datetime format 'yesterday'")
    t.err(['-M', 'virt', '-rtc', 'base=2006-13-01'], 'invalid datetime format')
    t.err(['-M', 'virt', '-rtc', 'clock=wall'], "invalid option value 'wall'")
    t.err(['-M', 'virt', '-icount', 'shift=x'], "Invalid shift value 'x'")
    t.err(['-M', 'virt', '-icount', 'shift=11'], "Invalid shift value '11'")
    t.err(['-M', 'virt', '-icount', 'auto,align=on'], 'incompatible')
    t.err(['-M', 'virt', '-icount', 'shift=1,rr=record'], 'record/replay')
    t.err(['-M', 'virt', '-uuid', 'not-a-uuid'], 'UUID')
    t.err(['-M', 'virt', '-name', 'x,foo=1'], "Invalid parameter 'foo'")
    t.err(['-M', 'virt', '-x-dump-options', '-smp', '4'], 'SMP')
    out = t.exits0(['-version'], 'QEMU emulator version ', 'Granule')
    t.exits0(['--version'], 'QEMU emulator version ')
    if os.path.exists(REAL_QEMU):
        real = t.run(['-version'], REAL_QEMU)[1]
        t.report(out.split()[:3] == real.split()[:3] and out.split()[3][0].isdigit(),
                 '-version: first line shaped like QEMU\'s', out)
    help_out = t.exits0(['-h'], 'usage: qemu-system-aarch64', '-machine', '-semihosting-config',
                        '-device loader', '-nographic')
    t.report(help_out.startswith('QEMU emulator version '), '-h starts with the version line')
    t.exits0(['-help'], 'usage:')
    t.exits0(['--help'], 'usage:')
    t.exits0(['-M', 'virt', '-accel', 'help'], 'tcg')
    t.exits0(['-h', '-foo'], 'usage:')


GROUPS = {
    'machine': group_machine, 'cpu': group_cpu, 'memory': group_memory,
    'images': group_images, 'serial': group_serial, 'logging': group_logging,
    'semihosting': group_semihosting, 'loader': group_loader, 'gdb': group_gdb,
    'misc': group_misc,
}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in GROUPS:
        sys.exit(f'usage: {sys.argv[0]} EMULATOR {{{"|".join(GROUPS)}}}')
    tmp = tempfile.mkdtemp(prefix='granule-cli-')
    try:
        make_files(tmp)
        runner = Runner(os.path.abspath(sys.argv[1]), tmp)
        GROUPS[sys.argv[2]](runner)
        print(f'1..{runner.count}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if runner.failures else 0)


if __name__ == '__main__':
    main()
