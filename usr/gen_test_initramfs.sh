#!/usr/bin/env bash
# Build an initramfs (cpio newc) whose /init is one test program.
#   gen_test_initramfs.sh PROGRAM OUTPUT.cpio
set -euo pipefail
prog=$1 out=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
install -m 0755 "$prog" "$dir/init"
(cd "$dir" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) > "$out"
