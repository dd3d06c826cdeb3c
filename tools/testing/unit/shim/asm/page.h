/* Host stand-in for asm/page.h: "physical memory" is a buffer the test
 * allocates; physical address p lives at unit_phys_base + p. */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H
#include <linux/types.h>
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define VMALLOC_START 0xffffc90000000000UL
extern unsigned long unit_phys_base;
#define PAGE_OFFSET unit_phys_base
static inline phys_addr_t __pa(const volatile void *v) { return (unsigned long)v - unit_phys_base; }
static inline void *__va(phys_addr_t p) { return (void *)(p + unit_phys_base); }
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#endif
