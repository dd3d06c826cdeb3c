#!/usr/bin/env python3
"""Write an uncompressed cpio "newc" archive (what Lucid's initramfs
unpacker reads) from a list of entries, the format of Linux's
usr/gen_init_cpio. No root needed for device nodes or owners, and the same
input always gives the same archive.

    gen_init_cpio.py LIST OUTPUT.cpio

LIST lines (# starts a comment; paths inside the archive are absolute):
    file  <name> <source file> <mode> <uid> <gid>
    dir   <name> <mode> <uid> <gid>
    nod   <name> <mode> <uid> <gid> <c|b> <major> <minor>
    slink <name> <target> <mode> <uid> <gid>
    pipe  <name> <mode> <uid> <gid>
Modes are octal permission bits. Parent directories must come first.
"""
import os
import stat
import sys

MTIME = int(os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))


def header(ino, mode, uid, gid, nlink, size, major, minor, name):
    fields = [ino, mode, uid, gid, nlink, MTIME, size, 0, 0, major, minor,
              len(name) + 1, 0]
    return b"070701" + b"".join(b"%08X" % f for f in fields)


def pad4(n):
    return (4 - n % 4) % 4


def entry(out, ino, mode, uid, gid, data=b"", major=0, minor=0, name=""):
    nm = name.lstrip("/").encode()
    nlink = 2 if stat.S_ISDIR(mode) else 1
    h = header(ino, mode, uid, gid, nlink, len(data), major, minor, nm)
    out.write(h + nm + b"\0")
    out.write(b"\0" * pad4(len(h) + len(nm) + 1))
    out.write(data)
    out.write(b"\0" * pad4(len(data)))


def main():
    lines = open(sys.argv[1]).read().splitlines()
    with open(sys.argv[2], "wb") as out:
        ino = 300
        for n, line in enumerate(lines, 1):
            w = line.split("#", 1)[0].split()
            if not w:
                continue
            kind, name = w[0], w[1]
            ino += 1
            try:
                if kind == "file":
                    src, mode, uid, gid = w[2], int(w[3], 8), int(w[4]), int(w[5])
                    data = open(src, "rb").read()
                    entry(out, ino, stat.S_IFREG | mode, uid, gid, data, name=name)
                elif kind == "dir":
                    mode, uid, gid = int(w[2], 8), int(w[3]), int(w[4])
                    entry(out, ino, stat.S_IFDIR | mode, uid, gid, name=name)
                elif kind == "nod":
                    mode, uid, gid = int(w[2], 8), int(w[3]), int(w[4])
                    t = stat.S_IFCHR if w[5] == "c" else stat.S_IFBLK
                    entry(out, ino, t | mode, uid, gid, major=int(w[6]),
                          minor=int(w[7]), name=name)
                elif kind == "slink":
                    target, mode, uid, gid = w[2], int(w[3], 8), int(w[4]), int(w[5])
                    entry(out, ino, stat.S_IFLNK | mode, uid, gid,
                          target.encode(), name=name)
                elif kind == "pipe":
                    mode, uid, gid = int(w[2], 8), int(w[3]), int(w[4])
                    entry(out, ino, stat.S_IFIFO | mode, uid, gid, name=name)
                else:
                    raise ValueError("unknown entry type " + kind)
            except (IndexError, ValueError, OSError) as e:
                sys.exit("%s:%d: %s" % (sys.argv[1], n, e))
        entry(out, 0, 0, 0, 0, name="TRAILER!!!")
        # Pad the archive to a 512-byte block as cpio(1) does.
        pos = out.tell()
        out.write(b"\0" * ((512 - pos % 512) % 512))


if __name__ == "__main__":
    main()
