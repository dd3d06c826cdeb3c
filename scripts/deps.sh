#!/usr/bin/env bash
# Install the Debian packages Lucid needs, if any are missing (as root, via
# apt-get), or print the command to run. Quiet when everything is present.
set -euo pipefail

need=()
check() {	# check <command-or-path> <package>
	if [[ "$1" == /* ]]; then
		compgen -G "$1" >/dev/null || need+=("$2")
	else
		command -v "$1" >/dev/null 2>&1 || need+=("$2")
	fi
}
check gcc gcc
check make make
check ld binutils
check python3 python3
check qemu-system-x86_64 qemu-system-x86
check musl-gcc musl-tools
check /bin/busybox busybox-static
check cpio cpio
check grub-mkrescue grub-common
check /usr/lib/grub/i386-pc/moddep.lst grub-pc-bin
check xorriso xorriso
check mformat mtools
check gdb gdb
check clang clang
check gnuplot gnuplot-nox
check '/boot/vmlinuz-*' linux-image-amd64

[ ${#need[@]} -eq 0 ] && exit 0
# Each package once.
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
	echo "deps: missing packages; run as root:"
	echo "  apt-get install -y ${need[*]}"
	exit 1
fi
