# Layer 4, typed at the console as a person would (tools/testing/interactive/run.py):
#   make interactive          on Lucid
#   make interactive-linux    the same keystrokes on Debian's kernel (also in `make test-linux`)
# `make test` runs it as the step "interactive".
TEST_STEPS += interactive
INTERACTIVE_LINUX_KERNEL = $(lastword $(sort $(wildcard /boot/vmlinuz-*)))

interactive test-step-interactive: kernel initramfs
	@python3 tools/testing/interactive/run.py lucid $(O)/lucid

interactive-linux: initramfs
	@python3 tools/testing/interactive/run.py linux $(INTERACTIVE_LINUX_KERNEL) quiet

.PHONY: interactive interactive-linux test-step-interactive
