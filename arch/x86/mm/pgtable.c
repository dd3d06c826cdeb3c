/* Page-table walking and kernel mappings (seed concept: page-table walk). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/spinlock.h>
#include <asm/pgtable.h>

pgd_t *swapper_pg_dir;
pteval_t page_nx_mask;
extern atomic64_t nr_pgtable_pages;
/* Serialises changes to the kernel half of the page tables. */
static DEFINE_SPINLOCK(kernel_pgtable_lock);
static bool buddy_ready;

/* One zeroed page for a page table: from memblock at boot, buddy later. */
static pteval_t *alloc_table(void)
{
	if (!buddy_ready) {
		phys_addr_t p = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE, 0x100000000ULL);
		return p ? __va(p) : NULL;
	}
	struct page *pg = alloc_page(GFP_ATOMIC | __GFP_ZERO);
	if (!pg)
		return NULL;
	set_bit(PG_pgtable, &pg->flags);
	atomic64_inc(&nr_pgtable_pages);
	return page_address(pg);
}

void pgtable_buddy_ready(void)
{
	buddy_ready = true;
}

pteval_t *walk_page_table(pgd_t *pgd, unsigned long addr, bool alloc, pteval_t table_flags)
{
	pteval_t *table = (pteval_t *)pgd;
	static const int shifts[3] = { PGDIR_SHIFT, PUD_SHIFT, PMD_SHIFT };
	for (int level = 0; level < 3; level++) {
		pteval_t *e = &table[(addr >> shifts[level]) & 511];
		if (!(*e & _PAGE_PRESENT)) {
			if (!alloc)
				return NULL;
			pteval_t *t = alloc_table();
			if (!t)
				return NULL;
			*e = __pa(t) | table_flags;
		} else if (*e & _PAGE_PSE) {
			return NULL;
		}
		table = table_of(*e);
	}
	return &table[pte_index(addr)];
}

int kernel_map_range(unsigned long virt, phys_addr_t phys, size_t size, pteval_t prot)
{
	unsigned long flags;
	int ret = 0;
	spin_lock_irqsave(&kernel_pgtable_lock, flags);
	for (size_t off = 0; off < size; off += PAGE_SIZE) {
		pteval_t *pte = walk_page_table(swapper_pg_dir, virt + off, true,
						_PAGE_PRESENT | _PAGE_RW);
		if (!pte) {
			ret = -ENOMEM;
			break;
		}
		*pte = (phys + off) | prot;
	}
	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	return ret;
}

/* Clear the PTEs; the caller flushes TLBs (on every CPU). */
void kernel_unmap_range(unsigned long virt, size_t size)
{
	unsigned long flags;
	spin_lock_irqsave(&kernel_pgtable_lock, flags);
	for (size_t off = 0; off < size; off += PAGE_SIZE) {
		pteval_t *pte = walk_page_table(swapper_pg_dir, virt + off, false, 0);
		if (pte)
			*pte = 0;
	}
	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
}

/* Map [phys, phys+size) at PAGE_OFFSET+phys with 2 MiB pages (boot only). */
void map_direct_range(phys_addr_t start, phys_addr_t end)
{
	start = ALIGN_DOWN(start, PMD_SIZE);
	end = ALIGN(end, PMD_SIZE);
	for (phys_addr_t p = start; p < end; p += PMD_SIZE) {
		unsigned long v = PAGE_OFFSET + p;
		pteval_t *table = (pteval_t *)swapper_pg_dir;
		for (int level = 0; level < 2; level++) {
			int shift = level ? PUD_SHIFT : PGDIR_SHIFT;
			pteval_t *e = &table[(v >> shift) & 511];
			if (!(*e & _PAGE_PRESENT)) {
				pteval_t *t = alloc_table();
				if (!t)
					panic("out of memory for the direct map");
				*e = __pa(t) | _PAGE_PRESENT | _PAGE_RW;
			}
			table = table_of(*e);
		}
		table[pmd_index(v)] = p | PAGE_KERNEL | _PAGE_PSE;
	}
}
