/* The buddy page allocator (seed concept: buddy allocator, zones, watermarks).
 *
 * Physical memory is split into zones (DMA32: below 4 GiB; Normal: above).
 * Each zone keeps free blocks of 2^order pages on free_area[order], order
 * 0..MAX_ORDER. Allocating splits a larger block into buddies; freeing merges
 * a block with its buddy (the block whose pfn differs only in bit `order`)
 * whenever that buddy is free too, so large blocks re-form. Order-0 pages go
 * through small per-CPU lists first (pcp), which saves the zone lock on the
 * hot path; pcp lists are refilled and drained in batches.
 *
 * Locking: zone->lock (irqsave: interrupt handlers may allocate with
 * GFP_ATOMIC) protects free_area, nr_free and PG_buddy/private of free
 * pages. A CPU's pcp list is touched only by that CPU with interrupts off. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/spinlock.h>
#include <linux/smp.h>

#define PCP_BATCH 16
#define PCP_HIGH 64

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;
};

struct per_cpu_pages {
	struct list_head list;	/* order-0 pages, this CPU only, irqs off */
	int count;
};

struct zone {
	const char *name;
	unsigned long start_pfn, end_pfn;
	spinlock_t lock;
	struct free_area free_area[MAX_ORDER + 1];	/* lock */
	unsigned long nr_free;		/* pages in free_area, lock */
	unsigned long managed;		/* pages ever given to this zone */
	unsigned long watermark_min;	/* GFP_KERNEL stops here; GFP_ATOMIC may dig below */
	struct per_cpu_pages pcp[NR_CPUS];
};

enum { ZONE_DMA32, ZONE_NORMAL, MAX_NR_ZONES };
static struct zone zones[MAX_NR_ZONES] = {
	[ZONE_DMA32] = { .name = "DMA32" },
	[ZONE_NORMAL] = { .name = "Normal" },
};

struct page *mem_map;
unsigned long max_pfn;
static unsigned long reserved_pages;
atomic64_t nr_slab_pages, nr_pgtable_pages;

static struct zone *page_zone(struct page *p)
{
	return page_to_pfn(p) < zones[ZONE_NORMAL].start_pfn ? &zones[ZONE_DMA32] : &zones[ZONE_NORMAL];
}

/* Allocate mem_map from memblock and mark every frame reserved; the free
 * ones are released by memblock_free_all(). */
void free_area_init(void)
{
	max_pfn = PFN_DOWN(memblock_end_of_ram());
	size_t size = PAGE_ALIGN(max_pfn * sizeof(struct page));
	phys_addr_t p = memblock_phys_alloc(size, PAGE_SIZE, memblock_end_of_ram());
	if (!p)
		panic("cannot allocate %zu bytes for struct pages", size);
	mem_map = __va(p);
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		struct page *pg = &mem_map[pfn];
		pg->flags = 1UL << PG_reserved;
		atomic_set(&pg->_refcount, 1);
		INIT_LIST_HEAD(&pg->lru);
	}
	unsigned long dma32_end = min(max_pfn, PFN_DOWN(0x100000000ULL));
	zones[ZONE_DMA32].start_pfn = 0;
	zones[ZONE_DMA32].end_pfn = dma32_end;
	zones[ZONE_NORMAL].start_pfn = dma32_end;
	zones[ZONE_NORMAL].end_pfn = max_pfn;
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		spin_lock_init(&zones[z].lock);
		for (int o = 0; o <= MAX_ORDER; o++)
			INIT_LIST_HEAD(&zones[z].free_area[o].free_list);
		for (int c = 0; c < NR_CPUS; c++)
			INIT_LIST_HEAD(&zones[z].pcp[c].list);
	}
}

static void set_buddy(struct page *p, unsigned int order)
{
	p->private = order;
	set_bit(PG_buddy, &p->flags);
}

static bool is_free_buddy(struct page *p, unsigned int order)
{
	return test_bit(PG_buddy, &p->flags) && p->private == order;
}

/* Give the block [pfn, pfn + 2^order) back, merging with free buddies.
 * Caller holds zone->lock. */
static void __free_one_block(struct zone *z, unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		if (buddy_pfn < z->start_pfn || buddy_pfn + (1UL << order) > z->end_pfn)
			break;
		struct page *buddy = pfn_to_page(buddy_pfn);
		if (!is_free_buddy(buddy, order))
			break;
		list_del_init(&buddy->lru);
		clear_bit(PG_buddy, &buddy->flags);
		z->free_area[order].nr_free--;
		pfn &= ~(1UL << order);
		order++;
	}
	struct page *p = pfn_to_page(pfn);
	set_buddy(p, order);
	list_add(&p->lru, &z->free_area[order].free_list);
	z->free_area[order].nr_free++;
}

/* Take a block of exactly @order, splitting a larger one if needed. */
static struct page *__rmqueue(struct zone *z, unsigned int order)
{
	for (unsigned int o = order; o <= MAX_ORDER; o++) {
		struct free_area *fa = &z->free_area[o];
		if (list_empty(&fa->free_list))
			continue;
		struct page *p = list_first_entry(&fa->free_list, struct page, lru);
		list_del_init(&p->lru);
		clear_bit(PG_buddy, &p->flags);
		fa->nr_free--;
		/* Hand the upper halves back until the block has the size asked for. */
		while (o > order) {
			o--;
			struct page *half = p + (1UL << o);
			set_buddy(half, o);
			list_add(&half->lru, &z->free_area[o].free_list);
			z->free_area[o].nr_free++;
		}
		z->nr_free -= 1UL << order;
		return p;
	}
	return NULL;
}

/* The free pages a request must leave in the zone. GFP_ATOMIC may dig into
 * the last watermark_min; GFP_KERNEL stops there; user pages stop at twice
 * that, so that a program eating all memory meets the OOM killer in its page
 * fault while the kernel can still allocate what the kill and the syscalls
 * around it need (before, the hog's mremap got ENOMEM first and it exited
 * by itself, and any other syscall needing a page could fail the same way). */
static unsigned long zone_reserve(struct zone *z, gfp_t gfp)
{
	return gfp & __GFP_USER ? 2 * z->watermark_min : z->watermark_min;
}

static struct page *zone_alloc(struct zone *z, unsigned int order, gfp_t gfp)
{
	unsigned long flags, reserve = zone_reserve(z, gfp);
	struct page *p = NULL;

	if (!READ_ONCE(z->managed))	/* Normal, on a machine below 4 GiB: no lock to take */
		return NULL;
	if (order == 0) {
		local_irq_save(flags);
		struct per_cpu_pages *pcp = &z->pcp[smp_processor_id()];
		if (!pcp->count) {
			spin_lock(&z->lock);
			for (int i = 0; i < PCP_BATCH && z->nr_free > reserve; i++) {
				struct page *q = __rmqueue(z, 0);
				if (!q)
					break;
				list_add_tail(&q->lru, &pcp->list);
				pcp->count++;
			}
			spin_unlock(&z->lock);
		}
		if (pcp->count) {
			p = list_first_entry(&pcp->list, struct page, lru);
			list_del_init(&p->lru);
			pcp->count--;
		}
		local_irq_restore(flags);
		if (p || !(gfp & __GFP_ATOMIC))
			return p;
	}
	spin_lock_irqsave(&z->lock, flags);
	if (z->nr_free >= (1UL << order) &&
	    (gfp & __GFP_ATOMIC || z->nr_free - (1UL << order) >= reserve))
		p = __rmqueue(z, order);
	spin_unlock_irqrestore(&z->lock, flags);
	return p;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *p = NULL;
	if (order > MAX_ORDER)
		return NULL;
	/* Prefer Normal for ordinary requests, keeping DMA32 for those who need it. */
	if (!(gfp & (__GFP_DMA32 | __GFP_LOW)))
		p = zone_alloc(&zones[ZONE_NORMAL], order, gfp);
	if (!p)
		p = zone_alloc(&zones[ZONE_DMA32], order, gfp);
	if (!p) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order %u, gfp %#x\n", order, gfp);
		return NULL;
	}
	for (unsigned long i = 0; i < (1UL << order); i++) {
		p[i].flags = 0;
		atomic_set(&p[i]._refcount, i == 0);
		atomic_set(&p[i]._mapcount, 0);
	}
	p->private = order;
	if (gfp & __GFP_ZERO)
		memset(page_address(p), 0, PAGE_SIZE << order);
	return p;
}

static void free_pages_ok(struct page *p, unsigned int order)
{
	struct zone *z = page_zone(p);
	unsigned long flags;

	p->flags = 0;
	if (order == 0) {
		local_irq_save(flags);
		struct per_cpu_pages *pcp = &z->pcp[smp_processor_id()];
		list_add(&p->lru, &pcp->list);
		if (++pcp->count >= PCP_HIGH) {
			spin_lock(&z->lock);
			while (pcp->count > PCP_HIGH - PCP_BATCH) {
				struct page *q = list_last_entry(&pcp->list, struct page, lru);
				list_del_init(&q->lru);
				pcp->count--;
				__free_one_block(z, page_to_pfn(q), 0);
				z->nr_free++;
			}
			spin_unlock(&z->lock);
		}
		local_irq_restore(flags);
		return;
	}
	spin_lock_irqsave(&z->lock, flags);
	__free_one_block(z, page_to_pfn(p), order);
	z->nr_free += 1UL << order;
	spin_unlock_irqrestore(&z->lock, flags);
}

void __free_pages(struct page *p, unsigned int order)
{
	if (!p)
		return;
	if (atomic_dec_and_test(&p->_refcount))
		free_pages_ok(p, order);
}

void put_page(struct page *p)
{
	__free_pages(p, 0);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *p = alloc_pages(gfp, order);
	return p ? (unsigned long)page_address(p) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/* Release every frame memblock did not reserve, in the largest aligned
 * blocks that fit. After this, memblock is no longer used. */
void memblock_free_all(void)
{
	for (int i = 0; i < memblock_memory.cnt; i++) {
		struct memblock_region *r = &memblock_memory.regions[i];
		unsigned long pfn = PFN_UP(r->base), end = PFN_DOWN(r->base + r->size);
		for (; pfn < end; pfn++) {
			if (memblock_is_reserved(PFN_PHYS(pfn)))
				continue;
			struct page *p = pfn_to_page(pfn);
			struct zone *z = page_zone(p);
			p->flags = 0;
			atomic_set(&p->_refcount, 0);
			spin_lock(&z->lock);
			__free_one_block(z, pfn, 0);
			z->nr_free++;
			z->managed++;
			spin_unlock(&z->lock);
		}
	}
	unsigned long total = 0;
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		/* Keep a small reserve (~0.4%, at least 32 pages) for atomic allocations. */
		zones[z].watermark_min = zones[z].managed ? max(zones[z].managed / 256, 32UL) : 0;
		total += zones[z].managed;
	}
	reserved_pages = PFN_DOWN(memblock_total_ram()) - total;
}

/* Hand pages memblock reserved at boot to the buddy allocator once their
 * contents are no longer needed (Linux's free_reserved_area(); the initrd
 * after unpacking). Only whole pages inside [start, end) go; poison >= 0
 * fills them with that byte first. Returns the number of pages freed. */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pfn = PFN_UP(__pa(start)), last = PFN_DOWN(__pa(end)), n = 0;
	for (; pfn < last; pfn++, n++) {
		struct page *p = pfn_to_page(pfn);
		struct zone *z = page_zone(p);
		if (poison >= 0)
			memset(page_address(p), poison, PAGE_SIZE);
		p->flags = 0;
		atomic_set(&p->_refcount, 0);
		spin_lock_irq(&z->lock);
		__free_one_block(z, pfn, 0);
		z->nr_free++;
		z->managed++;
		reserved_pages--;
		spin_unlock_irq(&z->lock);
	}
	if (n && s)
		pr_info("Freeing %s memory: %luK\n", s, n << (PAGE_SHIFT - 10));
	return n;
}

static unsigned long pcp_pages(void)
{
	unsigned long n = 0;
	for (int z = 0; z < MAX_NR_ZONES; z++)
		for (int c = 0; c < NR_CPUS; c++)
			n += READ_ONCE(zones[z].pcp[c].count);
	return n;
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(zones[ZONE_DMA32].nr_free) + READ_ONCE(zones[ZONE_NORMAL].nr_free) + pcp_pages();
}

unsigned long totalram_pages(void)
{
	return zones[ZONE_DMA32].managed + zones[ZONE_NORMAL].managed;
}

void mem_get_stats(struct mem_stats *st)
{
	st->total_pages = totalram_pages();
	st->free_pages = nr_free_pages();
	st->reserved_pages = reserved_pages;
	st->slab_pages = atomic64_read(&nr_slab_pages);
	st->pgtable_pages = atomic64_read(&nr_pgtable_pages);
}

/* /proc/buddyinfo format: "Node 0, zone   Normal   n0 n1 ... n10". */
int buddyinfo_show(char *buf, size_t size)
{
	int len = 0;
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		if (!zones[z].managed)
			continue;
		len += scnprintf(buf + len, size - len, "Node 0, zone %8s ", zones[z].name);
		for (int o = 0; o <= MAX_ORDER; o++)
			len += scnprintf(buf + len, size - len, "%6lu ", READ_ONCE(zones[z].free_area[o].nr_free));
		len += scnprintf(buf + len, size - len, "\n");
	}
	return len;
}
