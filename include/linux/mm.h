/* The memory-management interface between mm/ and the rest of the kernel. */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <asm/page.h>

extern struct page *mem_map;		/* struct page for every pfn below max_pfn */
extern unsigned long max_pfn;

static inline struct page *pfn_to_page(unsigned long pfn) { return mem_map + pfn; }
static inline unsigned long page_to_pfn(const struct page *p) { return (unsigned long)(p - mem_map); }
static inline phys_addr_t page_to_phys(const struct page *p) { return PFN_PHYS(page_to_pfn(p)); }
static inline void *page_address(const struct page *p) { return __va(page_to_phys(p)); }
static inline struct page *virt_to_page(const void *v) { return pfn_to_page(__pa(v) >> PAGE_SHIFT); }
static inline bool pfn_valid(unsigned long pfn) { return pfn < max_pfn; }

static inline int page_count(struct page *p) { return atomic_read(&p->_refcount); }
static inline void get_page(struct page *p) { atomic_inc(&p->_refcount); }
/* Drop a reference; the last one frees the frame (order 0). */
void put_page(struct page *p);

static inline bool PageReserved(struct page *p) { return test_bit(PG_reserved, &p->flags); }
static inline bool PageSlab(struct page *p) { return test_bit(PG_slab, &p->flags); }

/* mm/page_alloc.c */
void free_area_init(void);
void memblock_free_all(void);
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);
int buddyinfo_show(char *buf, size_t size);
struct mem_stats {
	unsigned long total_pages, free_pages, reserved_pages, slab_pages, pgtable_pages;
};
void mem_get_stats(struct mem_stats *st);
/* mm/slab.c */
void kmem_cache_init(void);
int slabinfo_show(char *buf, size_t size);
/* mm/vmalloc.c */
void vmalloc_init(void);
int vmallocinfo_show(char *buf, size_t size);
#endif
