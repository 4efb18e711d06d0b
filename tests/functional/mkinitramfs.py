#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""mkinitramfs: write a gzip-compressed cpio archive in the "newc" format (the format the
Linux kernel unpacks into its initial rootfs, Documentation/driver-api/early-userspace/
buffer-format.rst) holding /init, /bin/busybox with links for the applets we name, a few
directories, /dev/console and any extra files.

usage: mkinitramfs.py BUSYBOX INIT OUTPUT [NAME=HOSTFILE ...]
"""
import gzip
import os
import stat
import sys

# The applets /init uses, linked to /bin/busybox (busybox runs the applet named by argv[0]).
APPLETS = [
    "sh", "ash", "awk", "cat", "cut", "date", "dd", "echo", "grep", "gunzip", "gzip", "head",
    "ls", "md5sum", "mkdir", "mount", "poweroff", "seq", "sha256sum", "sleep", "sort", "tail",
    "tr", "uname", "wc", "cmp", "true", "false", "test", "[", "expr", "printf", "rm", "sync",
]


class Cpio:
    """The newc format: a 110-byte ASCII header ("070701" then 13 eight-digit hex fields),
    the NUL-terminated name padded to 4 bytes, the data padded to 4 bytes; a final entry
    named TRAILER!!!."""

    def __init__(self):
        self.parts = []
        self.ino = 300000

    def add(self, name, mode, data=b"", rdev=(0, 0), nlink=1):
        self.ino += 1
        name_b = name.encode() + b"\0"
        fields = [self.ino, mode, 0, 0, nlink, 0, len(data), 0, 0, rdev[0], rdev[1],
                  len(name_b), 0]
        hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
        ent = hdr + name_b
        ent += b"\0" * (-len(ent) % 4)
        ent += data
        ent += b"\0" * (-len(ent) % 4)
        self.parts.append(ent)

    def dir(self, name):
        self.add(name, stat.S_IFDIR | 0o755, nlink=2)

    def file(self, name, data, perm=0o644):
        self.add(name, stat.S_IFREG | perm, data)

    def symlink(self, name, target):
        self.add(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor, perm=0o600):
        self.add(name, stat.S_IFCHR | perm, rdev=(major, minor))

    def finish(self):
        self.add("TRAILER!!!", 0)
        return b"".join(self.parts)


def build(busybox, init_text, extra=None):
    """The gzip-compressed archive as bytes. extra maps archive names to bytes."""
    c = Cpio()
    for d in ("bin", "dev", "proc", "sys", "tmp", "data"):
        c.dir(d)
    # The kernel opens /dev/console for init's stdin/out/err before anything is mounted.
    c.chardev("dev/console", 5, 1)
    c.chardev("dev/null", 1, 3, 0o666)
    with open(busybox, "rb") as f:
        c.file("bin/busybox", f.read(), 0o755)
    for a in APPLETS:
        c.symlink("bin/" + a, "busybox")
    c.file("init", init_text.encode(), 0o755)
    for name, data in (extra or {}).items():
        c.file(name, data)
    return gzip.compress(c.finish(), compresslevel=6, mtime=0)


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    busybox, init, out = sys.argv[1:4]
    extra = {}
    for arg in sys.argv[4:]:
        name, path = arg.split("=", 1)
        with open(path, "rb") as f:
            extra[name] = f.read()
    with open(init) as f:
        text = f.read()
    with open(out, "wb") as f:
        f.write(build(busybox, text, extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
