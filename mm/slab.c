/* The slab allocator and kmalloc (seed concept: slab, kmalloc).
 *
 * A kmem_cache hands out objects of one size. Objects live in slabs: runs of
 * 2^order pages carved into equal objects; free objects of a slab are linked
 * through their first word (page->freelist on the slab's first page). Each
 * CPU keeps a small stack of free objects per cache (the fast path: no lock,
 * interrupts off for a few instructions); it is refilled from, and drained
 * to, the slabs in batches under the cache lock. kmalloc is a set of caches
 * of power-of-two sizes (8 .. 8192); larger requests go straight to the page
 * allocator.
 *
 * Locking: kmem_cache.lock (irqsave) protects the slab lists and the freelists
 * and inuse counts of the slabs; cpu[c] is touched only by CPU c with
 * interrupts off; cache_list_lock protects the list of caches. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/smp.h>

#define CPU_CACHE_SIZE 15
#define CPU_CACHE_BATCH 8

struct kmem_cache_cpu {
	int avail;
	void *objs[CPU_CACHE_SIZE];
};

struct kmem_cache {
	const char *name;
	size_t object_size;	/* what the user asked for */
	size_t size;		/* object stride, aligned */
	unsigned int order;	/* pages per slab = 2^order */
	unsigned int objs_per_slab;
	void (*ctor)(void *);
	spinlock_t lock;
	struct list_head partial;	/* slabs with free objects (lock) */
	struct list_head full;		/* slabs with none (lock) */
	unsigned long nr_slabs;		/* lock */
	unsigned long active_objs;	/* objects handed out of slabs, incl. CPU stacks (lock) */
	struct list_head list;		/* cache_list (cache_list_lock) */
	struct kmem_cache_cpu cpu[NR_CPUS];
};

extern atomic64_t nr_slab_pages;
static LIST_HEAD(cache_list);
static DEFINE_SPINLOCK(cache_list_lock);
static struct kmem_cache cache_cache;		/* the cache of kmem_cache structs */
static struct kmem_cache *kmalloc_caches[11];	/* 8, 16, ... 8192 */
static const char *const kmalloc_names[11] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-128", "kmalloc-256",
	"kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k", "kmalloc-8k",
};

static void cache_setup(struct kmem_cache *s, const char *name, size_t size, size_t align,
			void (*ctor)(void *))
{
	if (align < sizeof(void *))
		align = sizeof(void *);
	s->name = name;
	s->object_size = size;
	s->size = ALIGN(max(size, sizeof(void *)), align);
	s->order = 0;
	/* At least 8 objects per slab, at most 32 KiB per slab. */
	while ((PAGE_SIZE << s->order) < s->size * 8 && s->order < 3)
		s->order++;
	s->objs_per_slab = (PAGE_SIZE << s->order) / s->size;
	s->ctor = ctor;
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	s->nr_slabs = 0;
	s->active_objs = 0;
	memset(s->cpu, 0, sizeof(s->cpu));
	spin_lock(&cache_list_lock);
	list_add_tail(&s->list, &cache_list);
	spin_unlock(&cache_list_lock);
}

/* A new slab: pages from the buddy allocator, objects threaded on a freelist. */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *head = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	if (!head)
		return NULL;
	for (unsigned int i = 0; i < (1u << s->order); i++) {
		set_bit(PG_slab, &head[i].flags);
		head[i].slab_cache = s;
		head[i].slab_head = head;
	}
	char *base = page_address(head);
	void *prev = NULL;
	for (int i = (int)s->objs_per_slab - 1; i >= 0; i--) {
		void *obj = base + (size_t)i * s->size;
		*(void **)obj = prev;
		prev = obj;
	}
	head->freelist = prev;
	head->inuse = 0;
	atomic64_add(1L << s->order, &nr_slab_pages);
	return head;
}

static void discard_slab(struct kmem_cache *s, struct page *head)
{
	for (unsigned int i = 0; i < (1u << s->order); i++) {
		clear_bit(PG_slab, &head[i].flags);
		head[i].slab_cache = NULL;
	}
	atomic64_sub(1L << s->order, &nr_slab_pages);
	__free_pages(head, s->order);
}

/* Take up to @n objects from the slabs into @out; cache lock held. */
static int take_objects(struct kmem_cache *s, void **out, int n)
{
	int got = 0;
	while (got < n && !list_empty(&s->partial)) {
		struct page *slab = list_first_entry(&s->partial, struct page, slab_list);
		while (got < n && slab->freelist) {
			void *obj = slab->freelist;
			slab->freelist = *(void **)obj;
			slab->inuse++;
			out[got++] = obj;
		}
		if (!slab->freelist)
			list_move(&slab->slab_list, &s->full);
	}
	s->active_objs += got;
	return got;
}

/* Return one object to its slab; cache lock held. Empty slabs beyond one
 * spare are given back to the page allocator. */
static void put_object(struct kmem_cache *s, void *obj)
{
	struct page *slab = virt_to_page(obj)->slab_head;
	bool was_full = !slab->freelist;
	*(void **)obj = slab->freelist;
	slab->freelist = obj;
	slab->inuse--;
	s->active_objs--;
	if (was_full)
		list_move(&slab->slab_list, &s->partial);
	if (slab->inuse == 0 && s->nr_slabs > 1) {
		list_del(&slab->slab_list);
		s->nr_slabs--;
		discard_slab(s, slab);
	}
}

static void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp)
{
	void *batch[CPU_CACHE_BATCH];
	unsigned long flags;
	int n;

	spin_lock_irqsave(&s->lock, flags);
	n = take_objects(s, batch, CPU_CACHE_BATCH);
	spin_unlock_irqrestore(&s->lock, flags);
	if (!n) {
		struct page *slab = new_slab(s, gfp);
		if (!slab)
			return NULL;
		spin_lock_irqsave(&s->lock, flags);
		list_add(&slab->slab_list, &s->partial);
		s->nr_slabs++;
		n = take_objects(s, batch, CPU_CACHE_BATCH);
		spin_unlock_irqrestore(&s->lock, flags);
	}
	/* Keep the rest on this CPU's stack; it may have been refilled meanwhile. */
	local_irq_save(flags);
	struct kmem_cache_cpu *c = &s->cpu[smp_processor_id()];
	while (n > 1 && c->avail < CPU_CACHE_SIZE)
		c->objs[c->avail++] = batch[--n];
	local_irq_restore(flags);
	if (n > 1) {
		spin_lock_irqsave(&s->lock, flags);
		while (n > 1)
			put_object(s, batch[--n]);
		spin_unlock_irqrestore(&s->lock, flags);
	}
	return batch[0];
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	void *obj = NULL;

	local_irq_save(flags);
	struct kmem_cache_cpu *c = &s->cpu[smp_processor_id()];
	if (c->avail)
		obj = c->objs[--c->avail];
	local_irq_restore(flags);
	if (!obj)
		obj = slab_alloc_slow(s, gfp);
	if (!obj)
		return NULL;
	if (s->ctor)
		s->ctor(obj);
	else if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	return obj;
}

void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	unsigned long flags;
	if (!obj)
		return;
	local_irq_save(flags);
	struct kmem_cache_cpu *c = &s->cpu[smp_processor_id()];
	if (c->avail < CPU_CACHE_SIZE) {
		c->objs[c->avail++] = obj;
		local_irq_restore(flags);
		return;
	}
	/* Stack full: push half of it back to the slabs, then keep this one. */
	spin_lock(&s->lock);
	while (c->avail > CPU_CACHE_SIZE - CPU_CACHE_BATCH)
		put_object(s, c->objs[--c->avail]);
	spin_unlock(&s->lock);
	c->objs[c->avail++] = obj;
	local_irq_restore(flags);
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags, void (*ctor)(void *))
{
	struct kmem_cache *s = kmem_cache_alloc(&cache_cache, GFP_KERNEL);
	if (!s) {
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create(%s) failed", name);
		return NULL;
	}
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (size_t)64);
	cache_setup(s, name, size, align, ctor);
	return s;
}

/* Every object must have been freed. Pending per-CPU objects are drained
 * here (callers ensure no CPU uses the cache any more). */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;
	struct page *slab, *n;
	if (!s)
		return;
	spin_lock_irqsave(&s->lock, flags);
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		while (s->cpu[cpu].avail)
			put_object(s, s->cpu[cpu].objs[--s->cpu[cpu].avail]);
	if (s->active_objs)
		pr_err("kmem_cache_destroy %s: %lu objects still in use\n", s->name, s->active_objs);
	list_for_each_entry_safe(slab, n, &s->partial, slab_list) {
		list_del(&slab->slab_list);
		discard_slab(s, slab);
	}
	spin_unlock_irqrestore(&s->lock, flags);
	spin_lock(&cache_list_lock);
	list_del(&s->list);
	spin_unlock(&cache_list_lock);
	kmem_cache_free(&cache_cache, s);
}

static int kmalloc_index(size_t size)
{
	int i = 0;
	while ((8UL << i) < size)
		i++;
	return i;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return NULL;
	if (size <= 8192)
		return kmem_cache_alloc(kmalloc_caches[kmalloc_index(size)], gfp);
	unsigned int order = get_order(size);
	struct page *p = alloc_pages(gfp, order);
	if (!p)
		return NULL;
	set_bit(PG_large_kmalloc, &p->flags);
	p->private = order;
	return page_address(p);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	if (size && n > ULONG_MAX / size)
		return NULL;
	return kzalloc(n * size, gfp);
}

size_t ksize(const void *obj)
{
	struct page *p = virt_to_page(obj);
	if (PageSlab(p))
		return p->slab_cache->object_size;
	return PAGE_SIZE << p->private;
}

void kfree(const void *obj)
{
	if (!obj)
		return;
	struct page *p = virt_to_page(obj);
	if (PageSlab(p)) {
		kmem_cache_free(p->slab_cache, (void *)obj);
		return;
	}
	if (WARN_ON(!test_bit(PG_large_kmalloc, &p->flags)))
		return;
	clear_bit(PG_large_kmalloc, &p->flags);
	__free_pages(p, p->private);
}

void *krealloc(void *obj, size_t new_size, gfp_t gfp)
{
	if (!new_size) {
		kfree(obj);
		return NULL;
	}
	if (obj && ksize(obj) >= new_size)
		return obj;
	void *n = kmalloc(new_size, gfp);
	if (n && obj) {
		memcpy(n, obj, ksize(obj));
		kfree(obj);
	}
	return n;
}

void kmem_cache_init(void)
{
	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 64, NULL);
	for (int i = 0; i < 11; i++)
		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i], 8UL << i, 8UL << i > 64 ? 64 : 8UL << i,
						      SLAB_PANIC, NULL);
}

/* /proc/slabinfo, version 2.1 columns (tunables and slabdata partly zero). */
int slabinfo_show(char *buf, size_t size)
{
	struct kmem_cache *s;
	int len = scnprintf(buf, size, "slabinfo - version: 2.1\n"
			    "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
			    " : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock(&cache_list_lock);
	list_for_each_entry(s, &cache_list, list) {
		len += scnprintf(buf + len, size - len,
				 "%-17s %6lu %6lu %6zu %4u %4u : tunables %4d %4d %4d : slabdata %6lu %6lu %6d\n",
				 s->name, s->active_objs, s->nr_slabs * s->objs_per_slab, s->size,
				 s->objs_per_slab, 1u << s->order, CPU_CACHE_SIZE, CPU_CACHE_BATCH, 0,
				 s->nr_slabs, s->nr_slabs, 0);
	}
	spin_unlock(&cache_list_lock);
	return len;
}
