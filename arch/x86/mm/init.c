/* Setting up memory at boot: the e820 map, memblock, the kernel's own page
 * tables (direct map + kernel image with W^X permissions), then the buddy
 * and slab allocators. See Documentation/memory-map.md. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/start_kernel.h>
#include <asm/bootinfo.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

void map_direct_range(phys_addr_t start, phys_addr_t end);
void pgtable_buddy_ready(void);

static u64 mem_limit = ~0ULL;

static int __init parse_mem(char *val)
{
	if (!val)
		return -EINVAL;
	mem_limit = memparse(val, NULL);
	return mem_limit ? 0 : -EINVAL;
}
early_param("mem", parse_mem);

static const char *e820_type_name(u32 t)
{
	switch (t) {
	case E820_RAM: return "usable";
	case E820_ACPI: return "ACPI data";
	case E820_NVS: return "ACPI NVS";
	case E820_UNUSABLE: return "unusable";
	default: return "reserved";
	}
}

/* Sort by address (a tiny insertion sort: at most E820_MAX entries). */
static void e820_sort(void)
{
	for (int i = 1; i < boot_info.nr_e820; i++) {
		struct e820_entry e = boot_info.e820[i];
		int j = i - 1;
		while (j >= 0 && boot_info.e820[j].addr > e.addr) {
			boot_info.e820[j + 1] = boot_info.e820[j];
			j--;
		}
		boot_info.e820[j + 1] = e;
	}
}

static void e820_setup(void)
{
	if (!boot_info.nr_e820)
		panic("the boot loader gave no memory map");
	e820_sort();
	for (int i = 0; i < boot_info.nr_e820; i++) {
		struct e820_entry *e = &boot_info.e820[i];
		pr_info("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n", (unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->size - 1), e820_type_name(e->type));
		if (e->type != E820_RAM)
			continue;
		u64 start = PAGE_ALIGN(e->addr), end = (e->addr + e->size) & PAGE_MASK;
		if (end > mem_limit)
			end = mem_limit;
		if (start < end)
			memblock_add(start, end - start);
	}
	if (mem_limit != ~0ULL)
		pr_info("mem=%lluM: RAM limited to %lluM\n", (unsigned long long)mem_limit >> 20,
			(unsigned long long)memblock_total_ram() >> 20);
}

static void reserve_boot_ranges(void)
{
	/* The first MiB: BIOS data, EBDA, the SMP trampoline (0x8000). */
	memblock_reserve(0, 0x100000);
	memblock_reserve(__pa(_text), __pa(_end) - __pa(_text));
	if (boot_info.initrd_start)
		memblock_reserve(boot_info.initrd_start, PAGE_ALIGN(boot_info.initrd_size));
}

/* Map the kernel image with 4 KiB pages: text RX, rodata R, data RW, all NX but text. */
static void map_kernel_image(void)
{
	struct { char *start, *end; pteval_t prot; const char *what; } sec[] = {
		{ _text, _etext, PAGE_KERNEL_RX, "text" },
		{ _rodata, _erodata, PAGE_KERNEL_RO, "rodata" },
		{ _erodata, _end, PAGE_KERNEL, "data" },
	};
	for (unsigned i = 0; i < ARRAY_SIZE(sec); i++) {
		unsigned long s = ALIGN_DOWN((unsigned long)sec[i].start, PAGE_SIZE);
		unsigned long e = PAGE_ALIGN((unsigned long)sec[i].end);
		if (kernel_map_range(s, __pa((void *)s), e - s, sec[i].prot))
			panic("cannot map kernel %s", sec[i].what);
	}
}

static void paging_init(void)
{
	phys_addr_t pgd = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE, 0x100000000ULL);
	if (!pgd)
		panic("no memory for the kernel page table");
	swapper_pg_dir = __va(pgd);
	/* Direct map of every range the firmware described (RAM, ACPI, NVS, reserved). */
	for (int i = 0; i < boot_info.nr_e820; i++) {
		struct e820_entry *e = &boot_info.e820[i];
		u64 end = e->addr + e->size;
		if (e->type == E820_RAM && end > mem_limit)
			end = max(mem_limit, e->addr);
		if (end > e->addr)
			map_direct_range(e->addr, end);
	}
	map_kernel_image();
	/* Pre-create the PML4 slot for vmalloc, so every later process's copy of
	 * the kernel half sees vmalloc mappings made after it was created. */
	if (!walk_page_table(swapper_pg_dir, VMALLOC_START, true, _PAGE_PRESENT | _PAGE_RW))
		panic("no memory for the vmalloc page tables");
	load_cr3(swapper_pg_dir);
}

static void print_memory_summary(void)
{
	unsigned long code = _etext - _text, ro = _erodata - _rodata;
	unsigned long data = _edata - _data, bss = __bss_stop - __bss_start;
	pr_info("Memory: %luK/%lluK available (%luK kernel code, %luK rwdata, %luK rodata, %luK bss, %luK reserved)\n",
		nr_free_pages() << 2, (unsigned long long)memblock_total_ram() >> 10,
		code >> 10, data >> 10, ro >> 10, bss >> 10,
		(unsigned long)(PFN_DOWN(memblock_total_ram()) - totalram_pages()) << 2);
}

void setup_memory(void)
{
	if (X86_FEATURE_NX())
		page_nx_mask = _PAGE_NX;
	e820_setup();
	reserve_boot_ranges();
	paging_init();
	free_area_init();
	memblock_free_all();
	pgtable_buddy_ready();
	kmem_cache_init();
	vmalloc_init();
	print_memory_summary();
}
