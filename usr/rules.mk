# The root filesystem (ARCHITECTURE.md §6; usr/ in Linux builds the
# initramfs too): Debian's static busybox with its applet links, /init and
# /etc from usr/rootfs/, the end-to-end scenarios and their helper programs
# under /tests. `make run` and `make iso` boot it; `make initramfs` builds it.
#   BUSYBOX=/path/to/static/busybox   another busybox (must be static)
INITRAMFS := build/initramfs.cpio
BUSYBOX ?= /bin/busybox
MUSL_CC ?= musl-gcc

ROOTFS_SRC := $(shell find usr/rootfs -type f 2>/dev/null)
E2E_SRC := $(wildcard tools/testing/e2e/*.sh) tools/testing/e2e/run tools/testing/e2e/lib
ROOTFS_PROGS := build/rootfs/probe

build/rootfs/%: tools/testing/e2e/helpers/%.c
	@mkdir -p $(dir $@)
	@echo "  MUSL    $@"
	$(Q)$(MUSL_CC) -static -O2 -Wall -o $@ $<

$(INITRAMFS): usr/gen_rootfs.sh usr/gen_init_cpio.py usr/rules.mk $(ROOTFS_SRC) $(E2E_SRC) $(ROOTFS_PROGS) $(BUSYBOX)
	@mkdir -p $(dir $@)
	@echo "  CPIO    $@"
	$(Q)usr/gen_rootfs.sh $(BUSYBOX) $(ROOTFS_PROGS) > build/rootfs.list
	$(Q)python3 usr/gen_init_cpio.py build/rootfs.list $@
