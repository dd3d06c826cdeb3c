/* Page size and the fixed virtual layout (Documentation/memory-map.md). */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define __START_KERNEL_map 0xffffffff80000000
#define LOAD_PHYSICAL_ADDR 0x200000
#define PAGE_OFFSET_BASE 0xffff888000000000
#define VMALLOC_START 0xffffc90000000000UL
#define VMALLOC_END 0xffffe8ffffffffffUL
#define TASK_SIZE_MAX 0x00007ffffffff000UL

#ifndef __ASSEMBLY__
#include <linux/types.h>
#define PAGE_OFFSET ((unsigned long)PAGE_OFFSET_BASE)

extern char _text[], _etext[], _rodata[], _erodata[], _data[], _edata[], _end[];
extern char __bss_start[], __bss_stop[];

/* Physical <-> direct-map virtual. Kernel-image addresses are handled too. */
static inline phys_addr_t __pa(const volatile void *v)
{
	unsigned long x = (unsigned long)v;
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}
static inline void *__va(phys_addr_t p) { return (void *)(p + PAGE_OFFSET); }
#define virt_to_phys(v) __pa(v)
#define phys_to_virt(p) __va(p)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#endif
#endif
