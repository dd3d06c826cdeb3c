/* What the boot loader told us, in one loader-independent form
 * (filled by arch/x86/kernel/setup.c from PVH start_info or multiboot2). */
#ifndef _ASM_X86_BOOTINFO_H
#define _ASM_X86_BOOTINFO_H

#define BOOT_PROTO_PVH 1
#define BOOT_PROTO_MB2 2

#ifndef __ASSEMBLY__
#include <linux/types.h>

#define E820_MAX 128
#define E820_RAM 1
#define E820_RESERVED 2
#define E820_ACPI 3
#define E820_NVS 4
#define E820_UNUSABLE 5

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
};

struct boot_info {
	const char *loader;		/* "PVH" or "multiboot2" */
	char cmdline[2048];
	phys_addr_t initrd_start;	/* 0 if none */
	u64 initrd_size;
	phys_addr_t rsdp;		/* 0: search the BIOS areas */
	int nr_e820;
	struct e820_entry e820[E820_MAX];
};
extern struct boot_info boot_info;
extern u32 boot_proto, boot_info_phys;
void parse_boot_info(u32 proto, u32 info_phys);
#endif
#endif
