#!/usr/bin/env bash
# Boot one kernel under QEMU for a test, with a hard timeout.
#   qemu-test.sh NAME EXPECT_EXIT TIMEOUT [options] -- [extra QEMU args]
# options: -m MEM, -smp N, -machine M, -append CMDLINE, -kernel FILE,
#          -initrd FILE, -cdrom ISO, -expect REGEX (may repeat: all must match),
#          -input TEXT (typed on the serial port 5 seconds after start),
#          -input-after REGEX (type -input only once the serial log matches
#          REGEX, e.g. a shell prompt or a program's "type now": on a slow,
#          loaded machine a fixed 5 seconds may be before anything reads),
#          -reject REGEX (may repeat: none may match), -no-debug-exit
# Writes the serial log to build/test-results/NAME.serial and one line,
# "PASS NAME" or "FAIL NAME", to stdout. On failure shows the log's tail.
# isa-debug-exit: the kernel writes 0x10 (exit 33) or 0x11 (exit 35);
# ACPI power-off exits 0; a timeout exits 124.
set -uo pipefail
name=$1 expect_exit=$2 limit=$3
shift 3
mem=256M smp=2 machine=q35 append="" kernel=build/lucid initrd="" cdrom="" input="" input_after=""
patterns=()
rejects=()
debug_exit=(-device isa-debug-exit,iobase=0xf4,iosize=0x04)
while [ $# -gt 0 ]; do
	case "$1" in
	-m) mem=$2; shift 2 ;;
	-smp) smp=$2; shift 2 ;;
	-machine) machine=$2; shift 2 ;;
	-append) append=$2; shift 2 ;;
	-kernel) kernel=$2; shift 2 ;;
	-initrd) initrd=$2; shift 2 ;;
	-cdrom) cdrom=$2; shift 2 ;;
	-expect) patterns+=("$2"); shift 2 ;;
	-input) input=$2; shift 2 ;;
	-input-after) input_after=$2; shift 2 ;;
	-reject) rejects+=("$2"); shift 2 ;;
	-no-debug-exit) debug_exit=(); shift ;;
	--) shift; break ;;
	*) echo "qemu-test.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
mkdir -p build/test-results
log=build/test-results/$name.serial
args=(-machine "$machine" -cpu max -smp "$smp" -m "$mem" -display none -no-reboot
      -monitor none "${debug_exit[@]}")
if [ -n "$cdrom" ]; then
	args+=(-cdrom "$cdrom")
else
	args+=(-kernel "$kernel" -append "console=ttyS0 $append")
	[ -n "$initrd" ] && args+=(-initrd "$initrd")
fi
if [ -n "$input" ]; then
	: >"$log"
	type_input() {
		if [ -z "$input_after" ]; then
			sleep 5
			printf '%s' "$input"
			return
		fi
		local waited=0
		until grep -aqE "$input_after" "$log" 2>/dev/null; do
			sleep 0.5
			waited=$((waited + 1))
			[ "$waited" -lt $((limit * 2)) ] || return
		done
		sleep 0.5
		printf '%s' "$input"
	}
	type_input | timeout --foreground -k 5 "$limit" \
		qemu-system-x86_64 "${args[@]}" -serial stdio "$@" >"$log" 2>"$log.qemu"
	status=${PIPESTATUS[1]}
else
	timeout --foreground -k 5 "$limit" qemu-system-x86_64 "${args[@]}" -serial "file:$log" "$@" \
		</dev/null >/dev/null 2>"$log.qemu"
	status=$?
fi
why=""
if [ "$status" -ne "$expect_exit" ]; then
	case $status in
	124) why="timed out after ${limit}s" ;;
	*) why="QEMU exited $status, expected $expect_exit" ;;
	esac
fi
for p in "${patterns[@]}"; do
	[ -n "$why" ] && break
	grep -aEq -- "$p" "$log" || why="serial log lacks /$p/"
done
for p in "${rejects[@]}"; do
	[ -n "$why" ] && break
	grep -aEq -- "$p" "$log" && why="serial log has /$p/, which it must not"
done
if [ -z "$why" ]; then
	echo "PASS $name"
	exit 0
fi
echo "FAIL $name"
{
	echo "---- $name: $why; last lines of $log:"
	tail -n 60 "$log"
	cat "$log.qemu" 2>/dev/null | tail -n 5
	echo "----"
} >&2
exit 1
