/* memblock: boot-time bookkeeping of RAM and reservations (see memblock.h).
 * Only the boot CPU runs while memblock is in use, so there is no lock. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <asm/page.h>

struct memblock_type memblock_memory, memblock_reserved;

/* Insert keeping regions sorted and merged (overlapping or adjacent). */
static void memblock_insert(struct memblock_type *t, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;
	int i = 0;
	if (!size)
		return;
	while (i < t->cnt && t->regions[i].base + t->regions[i].size < base)
		i++;
	/* merge every region that touches [base, end) */
	int j = i;
	while (j < t->cnt && t->regions[j].base <= end) {
		phys_addr_t rend = t->regions[j].base + t->regions[j].size;
		base = min(base, t->regions[j].base);
		end = max(end, rend);
		j++;
	}
	int removed = j - i;
	if (removed == 0) {
		if (t->cnt == MEMBLOCK_MAX)
			panic("memblock: too many regions");
		memmove(&t->regions[i + 1], &t->regions[i], (t->cnt - i) * sizeof(t->regions[0]));
		t->cnt++;
	} else if (removed > 1) {
		memmove(&t->regions[i + 1], &t->regions[j], (t->cnt - j) * sizeof(t->regions[0]));
		t->cnt -= removed - 1;
	}
	t->regions[i].base = base;
	t->regions[i].size = end - base;
}

void memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_insert(&memblock_memory, base, size);
}

void memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_insert(&memblock_reserved, base, size);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	for (int i = 0; i < memblock_reserved.cnt; i++) {
		struct memblock_region *r = &memblock_reserved.regions[i];
		if (addr >= r->base && addr < r->base + r->size)
			return true;
	}
	return false;
}

/* First reserved region overlapping [base, base+size), or NULL. */
static struct memblock_region *overlap(phys_addr_t base, phys_addr_t size)
{
	for (int i = 0; i < memblock_reserved.cnt; i++) {
		struct memblock_region *r = &memblock_reserved.regions[i];
		if (base < r->base + r->size && r->base < base + size)
			return r;
	}
	return NULL;
}

/* Top-down within each RAM region, below @limit. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t limit)
{
	for (int i = memblock_memory.cnt - 1; i >= 0; i--) {
		struct memblock_region *m = &memblock_memory.regions[i];
		phys_addr_t lo = m->base, hi = min(m->base + m->size, limit);
		if (hi < lo + size)
			continue;
		phys_addr_t cand = ALIGN_DOWN(hi - size, align);
		while (cand >= lo) {
			struct memblock_region *r = overlap(cand, size);
			if (!r) {
				memblock_reserve(cand, size);
				memset(__va(cand), 0, size);
				return cand;
			}
			if (r->base < size)
				break;
			cand = ALIGN_DOWN(r->base - size, align);
		}
	}
	return 0;
}

phys_addr_t memblock_end_of_ram(void)
{
	if (!memblock_memory.cnt)
		return 0;
	struct memblock_region *r = &memblock_memory.regions[memblock_memory.cnt - 1];
	return r->base + r->size;
}

phys_addr_t memblock_total_ram(void)
{
	phys_addr_t total = 0;
	for (int i = 0; i < memblock_memory.cnt; i++)
		total += memblock_memory.regions[i].size;
	return total;
}
