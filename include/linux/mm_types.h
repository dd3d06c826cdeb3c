/* struct page: one per physical page frame (seed concept: buddy allocator).
 * A frame is in exactly one of these lives at a time, told by its flags:
 * reserved (kernel image, firmware), free in the buddy allocator (PG_buddy on
 * the first page of a free block), a slab (PG_slab), a large kmalloc
 * (PG_large_kmalloc), or allocated (page tables, user pages, stacks). */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H
#include <linux/types.h>
#include <linux/list.h>

struct kmem_cache;

struct page {
	unsigned long flags;		/* PG_* bits: zone lock for PG_buddy, atomic otherwise */
	atomic_t _refcount;		/* users of the frame; freed when it drops to 0 */
	atomic_t _mapcount;		/* user page-table entries mapping it (COW decisions) */
	union {
		struct {			/* buddy, or a kernel/user page */
			struct list_head lru;	/* free list (zone lock) or owner's list */
			unsigned long private;	/* buddy: order of the free block */
			void *mapping;
			unsigned long index;
		};
		struct {			/* slab pages (cache lock) */
			struct list_head slab_list;
			struct kmem_cache *slab_cache;
			void *freelist;		/* first free object */
			struct page *slab_head;	/* first page of this slab */
			unsigned int inuse;	/* objects handed out */
		};
	};
};

#define PG_reserved 0
#define PG_buddy 1
#define PG_slab 2
#define PG_large_kmalloc 3
#define PG_pgtable 4
#endif
