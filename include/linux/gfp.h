/* Page allocation interface (mm/page_alloc.c, the buddy allocator). */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H
#include <linux/types.h>
#include <asm/page.h>

#define __GFP_ZERO 0x1u		/* zero the memory */
#define __GFP_NOWARN 0x2u	/* no message on failure */
#define __GFP_ATOMIC 0x4u	/* may not sleep: interrupt context or spinlock held */
#define __GFP_DMA32 0x8u	/* physical address below 4 GiB */
#define __GFP_LOW 0x10u		/* below 1 MiB (the SMP trampoline) */
#define __GFP_USER 0x20u	/* a page of user memory: leaves the kernel a reserve (page_alloc.c) */
#define GFP_KERNEL 0u
#define GFP_ATOMIC __GFP_ATOMIC
#define GFP_NOWAIT __GFP_ATOMIC
#define GFP_USER __GFP_USER
#define GFP_HIGHUSER GFP_USER
#define GFP_DMA32 __GFP_DMA32

#define MAX_ORDER 10	/* largest block: 2^10 pages = 4 MiB */

struct page;
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __free_page(p) __free_pages(p, 0)
/* Direct-map virtual address of the block, 0 on failure. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages(addr, 0)

static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;
	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/* Counters for /proc/meminfo and leak checks. */
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
#endif
