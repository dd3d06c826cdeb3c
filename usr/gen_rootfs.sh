#!/usr/bin/env bash
# The entry list of Lucid's root filesystem (input of usr/gen_init_cpio.py)
# on stdout:
#   gen_rootfs.sh BUSYBOX [TEST_PROGRAM...]
# Debian's static busybox as /bin/busybox with a symlink for each applet at
# the path `busybox --list-full` gives; /init, /etc and friends from
# usr/rootfs/; the end-to-end scenarios from tools/testing/e2e/ under
# /tests; each TEST_PROGRAM under /tests/bin; each file named in the
# environment variable ROOTFS_EXTRA under /usr/local/bin. Everything is
# owned by root.
set -euo pipefail
busybox=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
src=$here/usr/rootfs
e2e=$here/tools/testing/e2e

# Lucid runs static programs only (no PT_INTERP): Debian's busybox-static.
python3 - "$busybox" <<'PY' || exit 1
import struct, sys
b = open(sys.argv[1], "rb").read()
ok = b[:4] == b"\x7fELF"
if ok:
    phoff, = struct.unpack_from("<Q", b, 32)
    phnum, = struct.unpack_from("<H", b, 56)
    ok = all(struct.unpack_from("<I", b, phoff + i * 56)[0] != 3 for i in range(phnum))
if not ok:
    sys.exit(sys.argv[1] + " is not a static ELF program (apt-get install busybox-static)")
PY

for d in /bin /sbin /usr /usr/bin /usr/sbin /usr/local /usr/local/bin /etc /etc/init.d /dev /mnt /home /var /run /tests /tests/e2e /tests/bin; do
	echo "dir $d 0755 0 0"
done
echo "dir /proc 0555 0 0"
echo "dir /sys 0555 0 0"
echo "dir /root 0700 0 0"
echo "dir /tmp 1777 0 0"
echo "dir /var/tmp 1777 0 0"
# Linux opens /dev/console for PID 1 before devtmpfs is mounted (an
# initramfs root gets no automatic devtmpfs): the node must be here.
echo "nod /dev/console 0600 0 0 c 5 1"

echo "file /bin/busybox $busybox 0755 0 0"
# Every applet as a symlink, as `busybox --install -s` makes them.
# (/linuxrc is for the old initrd scheme: left out.)
"$busybox" --list-full | LC_ALL=C sort | while read -r a; do
	case $a in bin/busybox|linuxrc) continue ;; esac
	echo "slink /$a /bin/busybox 0777 0 0"
done

echo "file /init $src/init 0755 0 0"
echo "file /etc/init.d/rcS $src/etc/init.d/rcS 0755 0 0"
for f in passwd group hostname profile inittab motd shells issue; do
	echo "file /etc/$f $src/etc/$f 0644 0 0"
done

echo "file /tests/run $e2e/run 0755 0 0"
echo "file /tests/lib $e2e/lib 0644 0 0"
for f in "$e2e"/*.sh; do
	echo "file /tests/e2e/${f##*/} $f 0755 0 0"
done
for p in "$@"; do
	echo "file /tests/bin/${p##*/} $p 0755 0 0"
done
for p in ${ROOTFS_EXTRA:-}; do
	[ -f "$p" ] || { echo "gen_rootfs.sh: ROOTFS_EXTRA: no file $p" >&2; exit 1; }
	echo "file /usr/local/bin/${p##*/} $(cd "$(dirname "$p")" && pwd)/${p##*/} 0755 0 0"
done
