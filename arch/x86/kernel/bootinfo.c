/* Reading what the boot loader handed us (PVH start_info or multiboot2) into
 * one struct boot_info, before anything else needs memory. The early page
 * tables map the first 4 GiB at PAGE_OFFSET, which is where loaders put it. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <asm/bootinfo.h>
#include <asm/page.h>

struct boot_info boot_info;

/* PVH: struct hvm_start_info and friends (Xen's public ABI, arch-x86/hvm/start_info.h). */
struct hvm_start_info {
	u32 magic;		/* 0x336ec578 */
	u32 version;
	u32 flags;
	u32 nr_modules;
	u64 modlist_paddr;
	u64 cmdline_paddr;
	u64 rsdp_paddr;
	u64 memmap_paddr;	/* version >= 1 */
	u32 memmap_entries;
	u32 reserved;
};
struct hvm_modlist_entry {
	u64 paddr, size, cmdline_paddr, reserved;
};
struct hvm_memmap_entry {
	u64 addr, size;
	u32 type, reserved;
};
#define HVM_START_MAGIC 0x336ec578

static void add_e820(u64 addr, u64 size, u32 type)
{
	if (boot_info.nr_e820 < E820_MAX && size) {
		struct e820_entry *e = &boot_info.e820[boot_info.nr_e820++];
		e->addr = addr;
		e->size = size;
		e->type = type;
	}
}

static void parse_pvh(u32 phys)
{
	const struct hvm_start_info *si = __va(phys);
	boot_info.loader = "PVH";
	if (si->magic != HVM_START_MAGIC)
		panic("PVH start_info has bad magic %#x", si->magic);
	if (si->cmdline_paddr)
		strlcpy(boot_info.cmdline, __va(si->cmdline_paddr), sizeof(boot_info.cmdline));
	if (si->nr_modules && si->modlist_paddr) {
		const struct hvm_modlist_entry *m = __va(si->modlist_paddr);
		boot_info.initrd_start = m->paddr;
		boot_info.initrd_size = m->size;
	}
	boot_info.rsdp = si->rsdp_paddr;
	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_entry *mm = __va(si->memmap_paddr);
		for (u32 i = 0; i < si->memmap_entries; i++)
			add_e820(mm[i].addr, mm[i].size, mm[i].type);
	}
}

/* multiboot2 information: 8-byte aligned tags after an 8-byte header. */
struct mb2_tag {
	u32 type;
	u32 size;
};
#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_MODULE 3
#define MB2_TAG_MMAP 6
#define MB2_TAG_ACPI_OLD 14
#define MB2_TAG_ACPI_NEW 15

static void parse_mb2(u32 phys)
{
	const u8 *base = __va(phys);
	u32 total = *(const u32 *)base;
	boot_info.loader = "multiboot2";
	for (u32 off = 8; off + 8 <= total;) {
		const struct mb2_tag *t = (const void *)(base + off);
		const u8 *body = (const u8 *)(t + 1);
		if (t->type == MB2_TAG_END)
			break;
		switch (t->type) {
		case MB2_TAG_CMDLINE:
			strlcpy(boot_info.cmdline, (const char *)body, sizeof(boot_info.cmdline));
			break;
		case MB2_TAG_MODULE:
			if (!boot_info.initrd_start) {
				const u32 *m = (const u32 *)body;
				boot_info.initrd_start = m[0];
				boot_info.initrd_size = m[1] - m[0];
			}
			break;
		case MB2_TAG_MMAP: {
			u32 esize = ((const u32 *)body)[0];
			for (u32 e = 8; e + 20 <= t->size - 8; e += esize) {
				const u8 *ent = body + e;
				add_e820(*(const u64 *)ent, *(const u64 *)(ent + 8), *(const u32 *)(ent + 16));
			}
			break;
		}
		case MB2_TAG_ACPI_OLD:
		case MB2_TAG_ACPI_NEW:
			/* The tag holds a copy of the RSDP; prefer the ACPI 2.0 one. */
			if (!boot_info.rsdp || t->type == MB2_TAG_ACPI_NEW)
				boot_info.rsdp = __pa(body);
			break;
		}
		off += ALIGN(t->size, 8);
	}
}

void parse_boot_info(u32 proto, u32 info_phys)
{
	if (proto == BOOT_PROTO_PVH)
		parse_pvh(info_phys);
	else
		parse_mb2(info_phys);
	strlcpy(boot_command_line, boot_info.cmdline, sizeof(boot_command_line));
}
