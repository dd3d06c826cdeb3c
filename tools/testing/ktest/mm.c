/* In-kernel tests for the page allocator, slab and vmalloc. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/kthread.h>
#include <linux/smp.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/completion.h>

/* Per-CPU page lists hold pages that count as free; compare totals only. */
KTEST(buddy, alloc_free_every_order_returns_all_pages)
{
	unsigned long before = nr_free_pages();
	struct page *p[MAX_ORDER + 1];
	for (unsigned o = 0; o <= MAX_ORDER; o++) {
		p[o] = alloc_pages(GFP_KERNEL, o);
		KASSERT(t, p[o]);
		KEXPECT(t, IS_ALIGNED(page_to_pfn(p[o]), 1UL << o));
	}
	for (unsigned o = 0; o <= MAX_ORDER; o++)
		__free_pages(p[o], o);
	KEXPECT_EQ(t, nr_free_pages(), before);
}

KTEST(buddy, zeroed_page_is_zero)
{
	unsigned long addr = get_zeroed_page(GFP_KERNEL);
	KASSERT(t, addr);
	const unsigned long *w = (const unsigned long *)addr;
	bool zero = true;
	for (unsigned i = 0; i < PAGE_SIZE / sizeof(*w); i++)
		zero &= w[i] == 0;
	KEXPECT(t, zero);
	free_page(addr);
}

KTEST(buddy, dma32_pages_are_below_4g)
{
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_DMA32, 2);
	KASSERT(t, p);
	KEXPECT(t, page_to_phys(p) + 4 * PAGE_SIZE <= 0x100000000ULL);
	__free_pages(p, 2);
}

KTEST(slab, kmalloc_every_size_class_is_usable)
{
	for (size_t size = 1; size <= 64 * 1024; size = size * 2 + 3) {
		unsigned char *p = kmalloc(size, GFP_KERNEL);
		KASSERT(t, p);
		memset(p, 0xa5, size);
		KEXPECT(t, ksize(p) >= size);
		kfree(p);
	}
}

KTEST(slab, kzalloc_is_zero_and_objects_do_not_overlap)
{
	void *objs[200];
	for (int i = 0; i < 200; i++) {
		objs[i] = kzalloc(48, GFP_KERNEL);
		KASSERT(t, objs[i]);
		KEXPECT(t, ((unsigned char *)objs[i])[47] == 0);
		memset(objs[i], i, 48);
	}
	for (int i = 0; i < 200; i++)
		KEXPECT_EQ(t, ((unsigned char *)objs[i])[0], (unsigned char)i);
	for (int i = 0; i < 200; i++)
		kfree(objs[i]);
}

KTEST(slab, cache_create_destroy_frees_its_pages)
{
	/* Once first: the cache of kmem_cache structs may grow by a slab. */
	kmem_cache_destroy(kmem_cache_create("ktest-warm", 200, 8, 0, NULL));
	unsigned long before = nr_free_pages();
	struct kmem_cache *c = kmem_cache_create("ktest-obj", 200, 8, 0, NULL);
	KASSERT(t, c);
	void *objs[100];
	for (int i = 0; i < 100; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (int i = 0; i < 100; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	KEXPECT_EQ(t, nr_free_pages(), before);
}

KTEST(vmalloc, round_trip_and_guard)
{
	unsigned long before = nr_free_pages();
	char *p = vmalloc(5 * PAGE_SIZE + 100);
	KASSERT(t, p);
	KEXPECT(t, is_vmalloc_addr(p));
	memset(p, 0x5a, 5 * PAGE_SIZE + 100);
	KEXPECT_EQ(t, p[5 * PAGE_SIZE + 99], 0x5a);
	vfree(p);
	KEXPECT(t, nr_free_pages() + 4 >= before);
}

/* Every CPU hammers the page allocator at once; afterwards no page is
 * missing. The threads exist during both counts, so only the allocator's
 * own bookkeeping is compared: the count must be exact.
 * A task that exited in an earlier test frees its stack only when its CPU
 * switches away from it (finish_task_switch), which may be during this
 * test: 12 pages once appeared from nowhere. So the first count is taken
 * only after every stress thread has run, i.e. after every CPU has
 * switched at least once since the test began. */
static struct completion stress_go, stress_release;
static atomic_t stress_done, stress_started;
static struct completion stress_all_done;
static int stress_threads;

static int alloc_stress(void *arg)
{
	unsigned long seed = (unsigned long)arg * 2654435761UL + 1;
	unsigned long held[32] = { 0 };
	unsigned int orders[32];
	atomic_inc(&stress_started);
	wait_for_completion(&stress_go);
	for (int i = 0; i < 4000; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		int slot = (seed >> 33) % 32;
		if (held[slot]) {
			free_pages(held[slot], orders[slot]);
			held[slot] = 0;
		} else {
			orders[slot] = (seed >> 45) % 5;
			held[slot] = __get_free_pages(GFP_KERNEL | __GFP_NOWARN, orders[slot]);
		}
	}
	for (int slot = 0; slot < 32; slot++)
		if (held[slot])
			free_pages(held[slot], orders[slot]);
	if (atomic_inc_return(&stress_done) == stress_threads)
		complete(&stress_all_done);
	wait_for_completion(&stress_release);
	return 0;
}

KTEST(buddy, stress_from_all_cpus_loses_no_page)
{
	int n = num_online_cpus() * 2;
	struct task_struct *k[2 * NR_CPUS];
	init_completion(&stress_go);
	init_completion(&stress_release);
	init_completion(&stress_all_done);
	atomic_set(&stress_done, 0);
	atomic_set(&stress_started, 0);
	stress_threads = n;
	for (int i = 0; i < n; i++) {
		k[i] = kthread_create(alloc_stress, (void *)(unsigned long)i, "stress/%d", i);
		KASSERT(t, k[i]);
		kthread_bind(k[i], i % num_online_cpus());
		get_task_struct(k[i]);
		wake_up_new_task(k[i]);
	}
	while (atomic_read(&stress_started) < n)
		msleep(1);
	unsigned long before = nr_free_pages();
	complete_all(&stress_go);
	wait_for_completion(&stress_all_done);
	unsigned long after = nr_free_pages();
	complete_all(&stress_release);
	for (int i = 0; i < n; i++) {
		wait_for_completion(&k[i]->kthread_exited);
		put_task_struct(k[i]);
	}
	KEXPECT_EQ(t, atomic_read(&stress_done), n);
	KEXPECT_EQ(t, after, before);
}
