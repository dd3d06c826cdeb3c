/* memblock: the boot-time memory manager, before the buddy allocator exists.
 * It knows which physical ranges are RAM and which are reserved (kernel image,
 * initrd, low memory), and hands out early allocations from what is left. */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H
#include <linux/types.h>

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

#define MEMBLOCK_MAX 128
struct memblock_type {
	int cnt;
	struct memblock_region regions[MEMBLOCK_MAX];
};

extern struct memblock_type memblock_memory, memblock_reserved;

void memblock_add(phys_addr_t base, phys_addr_t size);
void memblock_reserve(phys_addr_t base, phys_addr_t size);
/* Zeroed, @align-aligned, below @limit; 0 on failure. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t limit);
phys_addr_t memblock_end_of_ram(void);
bool memblock_is_reserved(phys_addr_t addr);
phys_addr_t memblock_total_ram(void);
#endif
