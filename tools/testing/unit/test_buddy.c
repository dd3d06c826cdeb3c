/* The buddy allocator and memblock on the host: "physical memory" is a
 * 32 MiB buffer; the real mm/page_alloc.c manages it. */
// SOURCES: mm/memblock.c mm/page_alloc.c lib/string.c
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"
#include <linux/mm.h>
#include <linux/memblock.h>

#define RAM (32UL << 20)
unsigned long unit_phys_base;

static void setup(void)
{
	void *ram = aligned_alloc(1 << 22, RAM);
	unit_phys_base = (unsigned long)ram;
	memblock_add(0, RAM);
	memblock_reserve(0, 1 << 20);		/* like the real first MiB */
	memblock_reserve(5 << 20, 12345);	/* an odd-sized reservation */
	free_area_init();
	memblock_free_all();
}

static void memblock_merges_and_sorts(void)
{
	EXPECT_EQ(memblock_memory.cnt, 1);
	EXPECT_EQ(memblock_total_ram(), RAM);
	EXPECT(memblock_is_reserved(0));
	EXPECT(memblock_is_reserved((5 << 20) + 12344));
	EXPECT(!memblock_is_reserved((5 << 20) + 12345));
	EXPECT(!memblock_is_reserved((5 << 20) - 1));
}

static void free_count_covers_unreserved_ram(void)
{
	/* All pages but: the first MiB, 4 pages at 5 MiB, mem_map and what
	 * memblock allocated for it. */
	unsigned long reserved = memblock_reserved.cnt;
	EXPECT(reserved >= 2);
	EXPECT(nr_free_pages() > (RAM >> 12) - 256 - 4 - 300);
	EXPECT(nr_free_pages() < (RAM >> 12) - 256 - 4);
	EXPECT_EQ(totalram_pages(), nr_free_pages());
}

static void blocks_are_aligned_to_their_order(void)
{
	for (unsigned o = 0; o <= MAX_ORDER; o++) {
		struct page *p = alloc_pages(0, o);
		EXPECT(p != NULL);
		if (!p)
			continue;
		EXPECT_EQ(page_to_pfn(p) & ((1UL << o) - 1), 0);
		__free_pages(p, o);
	}
}

static void split_then_free_coalesces_back(void)
{
	unsigned long before = nr_free_pages();
	char info_before[512], info_after[512];
	buddyinfo_show(info_before, sizeof(info_before));
	struct page *pages[600];
	for (int i = 0; i < 600; i++)
		pages[i] = alloc_pages(0, 0);
	EXPECT_EQ(nr_free_pages(), before - 600);
	/* Free in a scattered order: merging must not depend on it. */
	for (int i = 0; i < 600; i += 2)
		__free_pages(pages[i], 0);
	for (int i = 1; i < 600; i += 2)
		__free_pages(pages[i], 0);
	EXPECT_EQ(nr_free_pages(), before);
	/* Order-0 frees may sit in per-CPU lists; totals match, and a max-order
	 * block can still be had. */
	struct page *big = alloc_pages(0, MAX_ORDER);
	EXPECT(big != NULL);
	__free_pages(big, MAX_ORDER);
	buddyinfo_show(info_after, sizeof(info_after));
	EXPECT(strstr(info_after, "Node 0, zone    DMA32") != NULL);
}

static void no_double_allocation(void)
{
	enum { N = 2000 };
	static struct page *p[N];
	int dup = 0;
	for (int i = 0; i < N; i++) {
		p[i] = alloc_pages(0, i % 3);
		*(int *)page_address(p[i]) = i;
	}
	for (int i = 0; i < N; i++)
		dup += *(int *)page_address(p[i]) != i;
	EXPECT_EQ(dup, 0);
	for (int i = 0; i < N; i++)
		__free_pages(p[i], i % 3);
}

static void exhaustion_returns_null_then_recovers(void)
{
	unsigned long before = nr_free_pages();
	struct page **all = calloc(RAM >> 12, sizeof(*all));
	int n = 0;
	while ((all[n] = alloc_pages(__GFP_NOWARN | __GFP_ATOMIC, 0)))
		n++;
	EXPECT(n > 6000);
	EXPECT(alloc_pages(__GFP_NOWARN | __GFP_ATOMIC, 0) == NULL);
	for (int i = 0; i < n; i++)
		__free_pages(all[i], 0);
	free(all);
	EXPECT_EQ(nr_free_pages(), before);
	EXPECT(alloc_pages(__GFP_NOWARN, 10 + 1) == NULL);	/* above MAX_ORDER */
}

static void refcount_frees_on_last_put(void)
{
	unsigned long before = nr_free_pages();
	struct page *p = alloc_pages(0, 0);
	get_page(p);
	EXPECT_EQ(page_count(p), 2);
	put_page(p);
	EXPECT_EQ(nr_free_pages(), before - 1);
	put_page(p);
	EXPECT_EQ(nr_free_pages(), before);
}

int main(void)
{
	setup();
	UNIT_RUN(memblock_merges_and_sorts);
	UNIT_RUN(free_count_covers_unreserved_ram);
	UNIT_RUN(blocks_are_aligned_to_their_order);
	UNIT_RUN(split_then_free_coalesces_back);
	UNIT_RUN(no_double_allocation);
	UNIT_RUN(exhaustion_returns_null_then_recovers);
	UNIT_RUN(refcount_frees_on_last_put);
	return unit_summary();
}
