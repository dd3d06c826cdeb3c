#!/usr/bin/env bash
# Host unit tests (ARCHITECTURE.md §6 layer 1): each tools/testing/unit/test_*.c
# is built with AddressSanitizer and UBSan together with the kernel sources on
# its "// SOURCES:" line and run; its PASS/FAIL lines are passed through.
# Kernel sources get tools/testing/unit/rename.h forced in (their libc-named
# functions become lucid_*) and see the host shims in tools/testing/unit/shim.
set -uo pipefail
cd "$(dirname "$0")/.."
O=build/unit
mkdir -p "$O"
CC=${HOSTCC:-gcc}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
KFLAGS="-std=gnu11 -g -O1 -Wall -Wno-unused-parameter -fno-builtin -D__KERNEL__ -DUNIT_TEST \
	-include tools/testing/unit/rename.h -Itools/testing/unit/shim -Iinclude -Iarch/x86/include"
status=0
for t in tools/testing/unit/test_*.c; do
	name=$(basename "$t" .c)
	srcs=$(sed -n 's|^// SOURCES: *||p' "$t")
	objs=()
	ok=1
	for s in $srcs; do
		o=$O/$name-$(echo "$s" | tr '/' '_').o
		if ! $CC $SAN $KFLAGS -c "$s" -o "$o" 2>"$O/$name.err"; then
			echo "FAIL $name (build of $s)"; cat "$O/$name.err" >&2; ok=0; break
		fi
		objs+=("$o")
	done
	[ $ok = 1 ] || { status=1; continue; }
	if ! $CC $SAN -g -O1 -Wall -Wno-unused-parameter -D__KERNEL__ -DUNIT_TEST -Itools/testing/unit -Itools/testing/unit/shim -Iinclude -Iarch/x86/include "$t" tools/testing/unit/support.c "${objs[@]}" \
		-o "$O/$name" 2>"$O/$name.err"; then
		echo "FAIL $name (build)"; cat "$O/$name.err" >&2; status=1; continue
	fi
	if ! ASAN_OPTIONS=detect_leaks=1 timeout 60 "$O/$name"; then
		echo "FAIL $name (exit status)"
		status=1
	fi
done
exit $status
