/* The slab allocator and kmalloc on the host, over the real buddy allocator. */
// SOURCES: mm/memblock.c mm/page_alloc.c mm/slab.c lib/string.c
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/slab.h>

#define RAM (16UL << 20)
unsigned long unit_phys_base;

static void setup(void)
{
	unit_phys_base = (unsigned long)aligned_alloc(1 << 22, RAM);
	memblock_add(0, RAM);
	memblock_reserve(0, 1 << 20);
	free_area_init();
	memblock_free_all();
	kmem_cache_init();
}

static void kmalloc_sizes_round_up(void)
{
	for (size_t s = 1; s <= 8192; s++) {
		void *p = kmalloc(s, 0);
		EXPECT(p != NULL);
		EXPECT(ksize(p) >= s && ksize(p) < 2 * s + 8);
		kfree(p);
	}
	void *big = kmalloc(100000, 0);
	EXPECT(big != NULL);
	EXPECT(ksize(big) >= 100000);
	kfree(big);
	EXPECT(kmalloc(0, 0) == NULL);
}

static void objects_are_distinct_and_keep_contents(void)
{
	enum { N = 3000 };
	static unsigned long *p[N];
	for (int i = 0; i < N; i++) {
		p[i] = kmalloc(24, 0);
		p[i][0] = i;
		p[i][2] = ~(unsigned long)i;
	}
	int bad = 0;
	for (int i = 0; i < N; i++)
		bad += p[i][0] != (unsigned long)i || p[i][2] != ~(unsigned long)i;
	EXPECT_EQ(bad, 0);
	for (int i = 0; i < N; i++)
		kfree(p[i]);
}

static void cache_returns_pages_when_emptied(void)
{
	struct kmem_cache *c = kmem_cache_create("unit", 512, 8, 0, NULL);
	unsigned long before = nr_free_pages();
	void *objs[500];
	for (int i = 0; i < 500; i++)
		objs[i] = kmem_cache_alloc(c, 0);
	EXPECT(nr_free_pages() < before - 50);
	for (int i = 0; i < 500; i++)
		kmem_cache_free(c, objs[i]);
	kmem_cache_destroy(c);
	/* The kmem_cache object itself was allocated before "before". */
	EXPECT_EQ(nr_free_pages(), before);
}

static int ctor_calls;
static void ctor(void *obj)
{
	ctor_calls++;
	*(int *)obj = 77;
}

static void constructor_runs_and_zalloc_zeroes(void)
{
	struct kmem_cache *c = kmem_cache_create("ctor", 40, 8, 0, ctor);
	int *o = kmem_cache_alloc(c, 0);
	EXPECT_EQ(*o, 77);
	EXPECT(ctor_calls >= 1);
	kmem_cache_free(c, o);
	kmem_cache_destroy(c);
	char *z = kzalloc(300, 0);
	int nonzero = 0;
	for (int i = 0; i < 300; i++)
		nonzero += z[i] != 0;
	EXPECT_EQ(nonzero, 0);
	kfree(z);
}

static void krealloc_keeps_contents(void)
{
	char *p = kmalloc(10, 0);
	memcpy(p, "123456789", 10);
	p = krealloc(p, 5000, 0);
	EXPECT_STREQ(p, "123456789");
	kfree(p);
	EXPECT(kcalloc(~0UL / 2, 4, 0) == NULL);	/* overflow is refused */
}

static void slabinfo_lists_caches(void)
{
	static char buf[8192];
	slabinfo_show(buf, sizeof(buf));
	EXPECT(strstr(buf, "slabinfo - version: 2.1") != NULL);
	EXPECT(strstr(buf, "kmalloc-64") != NULL);
}

int main(void)
{
	setup();
	UNIT_RUN(kmalloc_sizes_round_up);
	UNIT_RUN(objects_are_distinct_and_keep_contents);
	UNIT_RUN(cache_returns_pages_when_emptied);
	UNIT_RUN(constructor_runs_and_zalloc_zeroes);
	UNIT_RUN(krealloc_keeps_contents);
	UNIT_RUN(slabinfo_lists_caches);
	return unit_summary();
}
