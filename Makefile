# Lucid top-level Makefile.
# Each directory lists its objects in a Kbuild file ("obj-y += dir/file.o"), the
# idea of Linux's kbuild without its machinery. `make V=1` shows the commands.

CC      ?= gcc
ifeq ($(origin CC),default)
CC      := gcc
endif
LD      := ld
OBJCOPY := objcopy
NM      := nm
HOSTCC  := gcc
# Objects do not record which compiler made them, so clang builds into its own
# directory: `make CC=clang` after `make` really builds with clang.
ifneq ($(findstring clang,$(CC)),)
O       ?= build/clang
endif
O       ?= build
QEMU    := qemu-system-x86_64

ifeq ($(V),1)
Q :=
else
Q := @
endif

KERNEL_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie -mcmodel=kernel \
	-mno-red-zone -mgeneral-regs-only -mno-mmx -mno-sse -mno-sse2 \
	-fno-stack-protector -fno-omit-frame-pointer -fno-strict-aliasing -fno-common \
	-fno-asynchronous-unwind-tables -fno-delete-null-pointer-checks \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wno-address-of-packed-member \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -Iarch/x86/include -I$(O)/gen -D__KERNEL__
ifneq ($(findstring clang,$(CC)),)
KERNEL_CFLAGS += -Wno-unknown-warning-option -Wno-gnu-variable-sized-type-not-at-end
else
KERNEL_CFLAGS += -fno-allow-store-data-races
endif
KERNEL_AFLAGS := -D__ASSEMBLY__ -Iinclude -Iarch/x86/include -I$(O)/gen -D__KERNEL__ -g
LDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments -T arch/x86/kernel/vmlinux.lds

obj-y :=
include $(wildcard */Kbuild */*/Kbuild */*/*/Kbuild */*/*/*/Kbuild)
OBJS := $(addprefix $(O)/,$(obj-y))

.PHONY: all kernel clean
all: kernel

kernel: $(O)/lucid

# The syscall table is generated before anything is compiled.
SYSCALL_GEN := $(O)/gen/asm/syscall_table.h
$(SYSCALL_GEN): arch/x86/entry/syscalls/syscall_64.tbl scripts/syscalltbl.py
	@mkdir -p $(O)/gen
	$(Q)python3 scripts/syscalltbl.py $< $(O)/gen Documentation/syscalls.md

$(O)/%.o: %.c $(SYSCALL_GEN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KERNEL_CFLAGS) -MMD -MP -c $< -o $@

$(O)/%.o: %.S $(SYSCALL_GEN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(KERNEL_AFLAGS) -MMD -MP -c $< -o $@

# kallsyms: link once without symbols, generate the table of text symbols, and
# link again. The table lives after .text and .rodata, so text addresses do not
# move between the passes.
$(O)/lucid: $(OBJS) arch/x86/kernel/vmlinux.lds scripts/kallsyms.sh
	@$(if $(Q),echo "  LD      $@")
	$(Q)printf '.section .kallsyms,"a"\n.globl kallsyms_num,kallsyms_addr,kallsyms_name\nkallsyms_num: .quad 0\nkallsyms_addr:\nkallsyms_name:\n' > $(O)/kallsyms0.S
	$(Q)$(CC) $(KERNEL_AFLAGS) -c $(O)/kallsyms0.S -o $(O)/kallsyms0.o
	$(Q)$(LD) $(LDFLAGS) -o $(O)/lucid.tmp $(OBJS) $(O)/kallsyms0.o
	$(Q)sh scripts/kallsyms.sh $(NM) $(O)/lucid.tmp > $(O)/kallsyms.S
	$(Q)$(CC) $(KERNEL_AFLAGS) -c $(O)/kallsyms.S -o $(O)/kallsyms.o
	$(Q)$(LD) $(LDFLAGS) -o $@ $(OBJS) $(O)/kallsyms.o
	$(Q)$(NM) -n $@ | grep ' [tT] ' | awk '{print $$1, $$3}' > $(O)/check1
	$(Q)$(NM) -n $(O)/lucid.tmp | grep ' [tT] ' | awk '{print $$1, $$3}' > $(O)/check0
	$(Q)cmp -s $(O)/check0 $(O)/check1 || { echo "kallsyms: text moved between link passes"; exit 1; }

-include $(OBJS:.o=.d)

include scripts/Makefile.test

clean:
	rm -rf $(O)
