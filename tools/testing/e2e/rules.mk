# End-to-end scenarios (layer 4): busybox sh scripts run inside the guest.
#   make e2e          on Lucid
#   make e2e-linux    the same on Debian's kernel (also part of `make test-linux`)
# `make test` runs them as the step "e2e" (scripts/run-tests.sh).
TEST_STEPS += e2e
E2E_LINUX_KERNEL = $(lastword $(sort $(wildcard /boot/vmlinuz-*)))

e2e: kernel initramfs
	@tools/testing/e2e/boot-kernel lucid $(O)/lucid LUCID_STRICT_LEAK=1

e2e-linux: initramfs
	@tools/testing/e2e/boot-kernel linux $(E2E_LINUX_KERNEL) quiet

test-step-e2e: kernel initramfs
	@tools/testing/e2e/boot-kernel lucid $(O)/lucid LUCID_STRICT_LEAK=1

.PHONY: e2e e2e-linux test-step-e2e
