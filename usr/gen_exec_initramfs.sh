#!/usr/bin/env bash
# The initramfs for the exec test: /init is the test, /bad/ holds corrupt
# executables and scripts derived from a tiny good program.
#   gen_exec_initramfs.sh TEST_BINARY GOOD_SMALL_BINARY OUTPUT.cpio
set -euo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
install -m 0755 "$1" "$dir/init"
python3 "$(dirname "$0")/../tools/testing/user/gen_bad_elfs.py" "$2" "$dir/bad"
(cd "$dir" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) > "$3"
