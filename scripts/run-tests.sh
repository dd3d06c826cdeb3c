#!/usr/bin/env bash
# `make test`: every test layer in order (ARCHITECTURE.md §6), each writing
# "PASS name"/"FAIL name" lines to build/test-results/<step>.log, then one
# closing line "N passed, N failed". Exits non-zero if anything failed.
# Run steps alone with: scripts/run-tests.sh <step>... (unit docs build ktest
# boot oops console iso user linux bench, plus the steps other areas add in
# their rules.mk through TEST_STEPS); the closing count then covers only them.
# A step without a step_<name> function here is `make test-step-<name>`.
set -uo pipefail
cd "$(dirname "$0")/.."
R=build/test-results
mkdir -p "$R"
MAKE=${MAKE:-make}
JOBS=${JOBS:-2}
steps=("$@")
if [ ${#steps[@]} -eq 0 ]; then
	# shellcheck disable=SC2206	# TEST_STEPS is a list of words from make
	steps=(unit docs build ktest boot oops console iso user ${TEST_STEPS:-} linux bench)
	rm -f "$R"/*.log	# a full run counts nothing left over from earlier runs
fi

record() {	# record <step> : read PASS/FAIL lines on stdin, echo and save them
	tee -a "$R/$1.log" | grep -E '^(PASS|FAIL) ' || true
}

step_unit() {
	scripts/unit-tests.sh 2>&1 | tee "$R/unit.out" | grep -E '^(PASS|FAIL) ' | sed 's/^\(PASS\|FAIL\) /\1 unit:/'
}

step_docs() {
	scripts/check-concepts.sh
}

step_build() {
	# The kernel with gcc (-Werror), then with clang into its own directory.
	if $MAKE -s kernel >"$R/build-gcc.out" 2>&1; then
		echo "PASS build:gcc"
	else
		echo "FAIL build:gcc"; tail -n 30 "$R/build-gcc.out" >&2
	fi
	if $MAKE -s O=build/clang CC=clang kernel >"$R/build-clang.out" 2>&1; then
		echo "PASS build:clang"
	else
		echo "FAIL build:clang"; tail -n 30 "$R/build-clang.out" >&2
	fi
}

# Words that the params ktests look for where init should see them.
PARAMS_WORDS="LUCID_KTEST_ENV=1 lucidword lucid.dotted=1 -- after_dashes k=v"

# One canonical boot runs every ktest; its cases are recorded one by one.
step_ktest() {
	scripts/qemu-test.sh ktest-all 33 240 -machine q35 -smp 2 -m 256M -append "ktest=all $PARAMS_WORDS" \
		-expect 'ktest: summary: [0-9]+ passed, 0 failed' >/dev/null
	local log=$R/ktest-all.serial
	if ! grep -aq 'ktest: summary' "$log"; then
		echo "FAIL ktest:run-did-not-finish"
		tail -n 40 "$log" >&2
		return
	fi
	grep -aoE 'ktest: (ok|FAIL) [a-z0-9_]+\.[a-z0-9_]+' "$log" |
		sed -E 's/ktest: ok /PASS ktest:/; s/ktest: FAIL /FAIL ktest:/'
}

# The boot matrix: machines, CPU counts and memory sizes.
step_boot() {
	local t=240
	scripts/qemu-test.sh boot-pc-smp1-64M 33 $t -machine pc -smp 1 -m 64M -append "ktest=smp,time,buddy" \
		-expect 'Brought up 1 CPU' -expect 'summary: [0-9]+ passed, 0 failed'
	scripts/qemu-test.sh boot-q35-smp4-maxcpus2 33 $t -machine q35 -smp 4 -m 128M -append "maxcpus=2 ktest=smp" \
		-expect '4 CPUs described, 2 possible' -expect 'Brought up 2 CPUs' -expect 'summary: [0-9]+ passed, 0 failed'
	scripts/qemu-test.sh boot-q35-smp1-nosmp 33 $t -machine q35 -smp 2 -m 128M -append "nosmp ktest=smp" \
		-expect 'Brought up 1 CPU' -expect 'summary: [0-9]+ passed, 0 failed'
	scripts/qemu-test.sh boot-pc-smp2-2G 33 $t -machine pc -smp 2 -m 2G -append "ktest=all" \
		-expect 'Brought up 2 CPUs' -expect 'summary: [0-9]+ passed, 0 failed'
	scripts/qemu-test.sh boot-pc-smp4-512M 33 $t -machine pc -smp 4 -m 512M -append "ktest=all" \
		-expect 'Brought up 4 CPUs' -expect 'summary: [0-9]+ passed, 0 failed'
	scripts/qemu-test.sh boot-q35-smp4-4G 33 $t -machine q35 -smp 4 -m 4G -append "ktest=smp,time,buddy,slab" \
		-expect 'Brought up 4 CPUs' -expect 'summary: [0-9]+ passed, 0 failed'
	scripts/qemu-test.sh boot-q35-smp8-1G 33 $t -machine q35 -smp 8 -m 1G -append "ktest=smp,kthread" \
		-expect 'Brought up 8 CPUs' -expect 'summary: [0-9]+ passed, 0 failed'
	# More vCPUs than host cores, little memory: the buddy stress convoyed
	# on fair spinlocks (waiting vCPUs descheduled by the host) for minutes.
	scripts/qemu-test.sh boot-q35-smp8-64M 33 $t -machine q35 -smp 8 -m 64M -append "ktest=buddy,locking" \
		-expect 'Brought up 8 CPUs' -expect 'summary: [0-9]+ passed, 0 failed'
	scripts/qemu-test.sh boot-q35-mem48M 33 $t -machine q35 -smp 2 -m 256M -append "mem=48M ktest=buddy" \
		-expect 'RAM limited to 4[0-9]M' -expect 'summary: [0-9]+ passed, 0 failed'
	# Serial input through the receive interrupt (IRQ 4 via the I/O APIC).
	scripts/qemu-test.sh serial-rx-irq 33 $t -machine pc -smp 2 -m 128M -append "ktest=serial" \
		-input $'lucid-rx-test\r' -expect "received 'lucid-rx-test'"
	# The same through the 8259 PIC fallback (noapic): ExtINT on LINT0.
	scripts/qemu-test.sh serial-rx-8259-noapic 33 $t -machine pc -smp 2 -m 128M -append "noapic ktest=serial,time" \
		-input $'lucid-rx-test\r' -expect 'IOAPIC: disabled by noapic; using the 8259 PIC' \
		-expect "received 'lucid-rx-test'" -expect 'summary: [0-9]+ passed, 0 failed'
	# ACPI S5 power-off: QEMU exits 0 (pc and q35 have different \_S5 values).
	scripts/qemu-test.sh poweroff-acpi-pc 0 $t -machine pc -smp 2 -m 128M -append "ktest=power.acpi_s5" \
		-expect 'ktest: power off now'
	scripts/qemu-test.sh poweroff-acpi-q35 0 $t -machine q35 -smp 2 -m 128M -append "ktest=power.acpi_s5" \
		-expect 'ktest: power off now'
	scripts/qemu-test.sh reboot-no-reboot 0 $t -machine q35 -smp 2 -m 128M -append "ktest=power.restart" \
		-expect 'ktest: restart now'
}

# A deliberate kernel NULL dereference must give an oops with a symbolized
# backtrace naming the faulting function, and a failure exit.
step_oops() {
	scripts/qemu-test.sh oops-null-deref 35 120 -machine q35 -smp 2 -append "ktest=fault.null_deref_oops" \
		-expect 'Oops: page fault' -expect 'Call Trace:' -expect 'ktest_null_deref_victim\+0x' \
		-expect 'Kernel panic - not syncing'
	# panic=1 reboots after a second (here without the test exit device, so
	# the reboot itself ends QEMU: -no-reboot turns a reset into an exit).
	scripts/qemu-test.sh panic-reboots-after-timeout 0 120 -no-debug-exit -machine pc -smp 2 \
		-append "panic=1 ktest=fault.null_deref_oops" -expect 'Rebooting in 1 seconds'
	# A double fault (here: an unmapped kernel stack) is handled on its own
	# IST stack: still an oops with a backtrace, not a triple-fault reset.
	scripts/qemu-test.sh oops-double-fault 35 120 -machine q35 -smp 2 -append "ktest=fault.double_fault_on_ist_stack" \
		-expect 'Oops: double fault' -expect 'Call Trace:' -expect 'ktest_double_fault_victim\+0x' \
		-expect 'Kernel panic - not syncing'
}

# Console log levels: quiet hides informational lines, loglevel=8 shows debug.
step_console() {
	scripts/qemu-test.sh console-quiet 33 120 -append "quiet ktest=smp" \
		-reject '== memory' -reject 'BIOS-e820' -reject 'ktest: ok'
	scripts/qemu-test.sh console-loglevel-7-default 33 120 -append "ktest=smp" \
		-expect '== memory' -expect 'ktest: ok smp'
}

# The same ELF booted by GRUB through multiboot2.
step_iso() {
	if $MAKE -s iso ISO=build/lucid-test.iso ISO_APPEND="ktest=smp,time" >"$R/iso.out" 2>&1; then
		scripts/qemu-test.sh grub-multiboot2 33 300 -machine pc -smp 2 -m 256M -cdrom build/lucid-test.iso \
			-expect 'Booted by multiboot2' -expect 'summary: [0-9]+ passed, 0 failed'
	else
		echo "FAIL grub-multiboot2"; tail -n 20 "$R/iso.out" >&2
	fi
}

# Layer 3: user-space C tests (musl-gcc -static), each the /init of its own
# initramfs, on Lucid; `linux` runs the very same initramfs on Debian's kernel.
USER_TESTS="basic proc misc exec syscall_entry syscall_traps syscall_signals signals_frame mm ids pgrp fs_namei fs_attr signals_stop sys_misc fs_fd fs_dev statfs fs_pipe fs_proc kmsg efault fs_lock tty_pty fuzz"
build_user_tests() {
	mkdir -p build/user
	for t in $USER_TESTS segv exit42 tty_input; do
		musl-gcc -static -O2 -Wall -o build/user/$t tools/testing/user/$t.c || return 1
	done
	# Every test but exec is alone in its initramfs.
	for t in $USER_TESTS segv tty_input; do
		[ "$t" = exec ] && continue
		usr/gen_test_initramfs.sh build/user/$t build/user/$t.cpio || return 1
	done
	# exec also needs corrupt executables and #! scripts under /bad/.
	usr/gen_exec_initramfs.sh build/user/exec build/user/exit42 build/user/exec.cpio
}

run_user_tests() {	# run_user_tests <prefix> <kernel> <extra append> <panic exit>
	local prefix=$1 kernel=$2 append=$3 panic_exit=$4 running=0
	# $JOBS tests at a time (each is its own QEMU); results are reported
	# afterwards in list order, each failure with its serial log's tail.
	for t in $USER_TESTS; do
		scripts/qemu-test.sh $prefix-$t 0 240 -kernel "$kernel" -initrd build/user/$t.cpio \
			-append "rdinit=/init $append" -expect "^$t: [0-9]+ passed, 0 failed" \
			>/dev/null 2>"$R/$prefix-$t.why" &
		running=$((running + 1))
		if [ "$running" -ge "$JOBS" ]; then
			wait -n
			running=$((running - 1))
		fi
	done
	wait
	for t in $USER_TESTS; do
		grep -aE '^(PASS|FAIL) ' build/test-results/$prefix-$t.serial | sed "s/^\(PASS\|FAIL\) /\1 $prefix:$t:/"
		grep -aqE "^$t: [0-9]+ passed" build/test-results/$prefix-$t.serial ||
			echo "FAIL $prefix:$t:did-not-finish"
		cat "$R/$prefix-$t.why" >&2
	done
	# Console line input typed on the serial port: erase, kill, word
	# erase, CR -> NL, ^D, then raw mode (tools/testing/user/tty_input.c).
	scripts/qemu-test.sh $prefix-tty_input 0 240 -kernel "$kernel" -initrd build/user/tty_input.cpio \
		-append "rdinit=/init $append" -input-after 'tty_input: type now' -input $'ab\x7fc\x15xyz\x17uv\rone\x04q\r' \
		-expect "^tty_input: [0-9]+ passed, 0 failed" >/dev/null
	grep -aE '^(PASS|FAIL) ' build/test-results/$prefix-tty_input.serial | sed "s/^\(PASS\|FAIL\) /\1 $prefix:tty_input:/"
	grep -aqE "^tty_input: [0-9]+ passed" build/test-results/$prefix-tty_input.serial ||
		echo "FAIL $prefix:tty_input:did-not-finish"
	# A NULL write in user mode is SIGSEGV for the process (PID 1 here, so
	# the kernel then panics exactly as Linux does), never a kernel oops.
	scripts/qemu-test.sh $prefix-segv-kills-process-not-kernel $panic_exit 30 -kernel "$kernel" \
		-initrd build/user/segv.cpio -append "rdinit=/init panic=0 $append" \
		-expect 'Attempted to kill init! exitcode=0x0000000b' -expect 'segv: writing through NULL'
}

step_user() {
	build_user_tests || { echo "FAIL user:build"; return; }
	run_user_tests lucid build/lucid "LUCID_STRICT_LEAK=1" 35	# Lucid's panic exits QEMU with 35
	# proc's leak check once more on one CPU, where an exiting child and
	# its waking parent share the CPU (kernel/exit.c: no preemption there).
	scripts/qemu-test.sh lucid-smp1-proc 0 240 -smp 1 -kernel build/lucid -initrd build/user/proc.cpio \
		-append "rdinit=/init LUCID_STRICT_LEAK=1" -expect "^proc: [0-9]+ passed, 0 failed"
}

step_linux() {
	build_user_tests || { echo "FAIL linux:build"; return; }
	local k
	k=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)
	[ -n "$k" ] || { echo "FAIL linux:no-debian-kernel-installed"; return; }
	run_user_tests linux "$k" "quiet" 124	# Linux with panic=0 waits forever
	# Layer 4: the busybox scenarios (tools/testing/e2e) on Linux too.
	if $MAKE -s initramfs >"$R/initramfs.out" 2>&1; then
		tools/testing/e2e/boot-kernel linux "$k" quiet
		python3 tools/testing/interactive/run.py linux "$k" quiet
	else
		echo "FAIL linux-e2e:initramfs-build"; tail -n 20 "$R/initramfs.out" >&2
	fi
}

# make bench's programs run to completion on both kernels (tiny counts; no timing).
step_bench() {
	python3 tools/bench/run.py --smoke
}

run_step() {	# a step of another area, from its rules.mk
	if declare -F "step_$1" >/dev/null; then
		"step_$1"
	elif ! $MAKE -s --no-print-directory "test-step-$1"; then
		echo "FAIL $1:make-test-step-$1-failed"
	fi
}

logs=()
for s in "${steps[@]}"; do
	rm -f "$R/$s.log"
	echo "== $s"
	run_step "$s" | record "$s"
	# A step that records nothing is a failure, never a silent skip.
	grep -qE '^(PASS|FAIL) ' "$R/$s.log" 2>/dev/null || echo "FAIL $s:step-recorded-no-result" | record "$s"
	logs+=("$R/$s.log")
done

pass=$(cat "${logs[@]}" | grep -c '^PASS ')
fail=$(cat "${logs[@]}" | grep -c '^FAIL ')
if [ "$fail" -gt 0 ]; then
	echo "Failed:"
	cat "${logs[@]}" | grep '^FAIL ' | sed 's/^/  /'
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
