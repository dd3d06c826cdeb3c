# The root filesystem (ARCHITECTURE.md §6; usr/ in Linux builds the
# initramfs too): Debian's static busybox with its applet links, /init and
# /etc from usr/rootfs/, the end-to-end scenarios and their helper programs
# under /tests. `make run` and `make iso` boot it; `make initramfs` builds it.
#   BUSYBOX=/path/to/static/busybox   another busybox (must be static)
#   ROOTFS_EXTRA="prog1 prog2"         your own static programs, copied to
#                                      /usr/local/bin (on the shell's PATH)
INITRAMFS := build/initramfs.cpio
BUSYBOX ?= /bin/busybox
MUSL_CC ?= musl-gcc

ROOTFS_SRC := $(shell find usr/rootfs -type f 2>/dev/null)
E2E_SRC := $(wildcard tools/testing/e2e/*.sh) tools/testing/e2e/run tools/testing/e2e/lib
ROOTFS_PROGS := build/rootfs/probe
ROOTFS_EXTRA ?=
# The archive depends on the value of ROOTFS_EXTRA too: a file that changes
# only when the value does.
ROOTFS_EXTRA_STAMP := build/rootfs.extra
$(shell mkdir -p build; echo '$(ROOTFS_EXTRA)' | cmp -s - $(ROOTFS_EXTRA_STAMP) || \
	echo '$(ROOTFS_EXTRA)' > $(ROOTFS_EXTRA_STAMP))

build/rootfs/%: tools/testing/e2e/helpers/%.c
	@mkdir -p $(dir $@)
	@echo "  MUSL    $@"
	$(Q)$(MUSL_CC) -static -O2 -Wall -o $@ $<

$(INITRAMFS): usr/gen_rootfs.sh usr/gen_init_cpio.py usr/rules.mk $(ROOTFS_SRC) $(E2E_SRC) $(ROOTFS_PROGS) $(BUSYBOX) \
		$(ROOTFS_EXTRA) $(ROOTFS_EXTRA_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CPIO    $@"
	$(Q)ROOTFS_EXTRA="$(ROOTFS_EXTRA)" usr/gen_rootfs.sh $(BUSYBOX) $(ROOTFS_PROGS) > build/rootfs.list
	$(Q)python3 usr/gen_init_cpio.py build/rootfs.list $@.tmp && mv $@.tmp $@
