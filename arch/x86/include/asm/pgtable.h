/* x86-64 4-level page tables (seed concept: 4-level page tables, page-table walk).
 * PML4 (pgd) -> PDPT (pud) -> PD (pmd) -> PT (pte), 9 bits of the address each,
 * 12 bits of page offset. Intel SDM Vol. 3A §4.5. */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H
#include <linux/types.h>
#include <asm/page.h>

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_RW	(1UL << 1)
#define _PAGE_USER	(1UL << 2)
#define _PAGE_PWT	(1UL << 3)
#define _PAGE_PCD	(1UL << 4)
#define _PAGE_ACCESSED	(1UL << 5)
#define _PAGE_DIRTY	(1UL << 6)
#define _PAGE_PSE	(1UL << 7)	/* 2 MiB (pmd) or 1 GiB (pud) page */
#define _PAGE_GLOBAL	(1UL << 8)
#define _PAGE_COW	(1UL << 9)	/* software bit: read-only because shared after fork */
#define _PAGE_PROTNONE	(1UL << 10)	/* software bit: a PROT_NONE page, kept but not present */
#define _PAGE_NX	(1UL << 63)
#define PTE_PFN_MASK	0x000ffffffffff000UL

#define PGDIR_SHIFT 39
#define PUD_SHIFT 30
#define PMD_SHIFT 21
#define PTRS_PER_TABLE 512
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PUD_SIZE (1UL << PUD_SHIFT)
#define pgd_index(a) (((a) >> PGDIR_SHIFT) & 511)
#define pud_index(a) (((a) >> PUD_SHIFT) & 511)
#define pmd_index(a) (((a) >> PMD_SHIFT) & 511)
#define pte_index(a) (((a) >> PAGE_SHIFT) & 511)
#define KERNEL_PGD_START 256	/* PML4 entries 256..511 are the shared kernel half */

typedef u64 pteval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pteval_t pgd; } pgd_t;

/* Usual protections. _PAGE_NX only takes effect when EFER.NX is on;
 * page_nx_mask is 0 on CPUs without NX so we never set a reserved bit. */
extern pteval_t page_nx_mask;
#define PAGE_KERNEL (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL | page_nx_mask)
#define PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | page_nx_mask)
#define PAGE_KERNEL_RX (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL_NOCACHE (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

static inline unsigned long pte_pfn(pteval_t v) { return (v & PTE_PFN_MASK) >> PAGE_SHIFT; }
/* A user PTE that holds a page: present, or PROT_NONE (which the CPU must see as absent). */
static inline bool pte_mapped(pteval_t v) { return v & (_PAGE_PRESENT | _PAGE_PROTNONE); }
static inline pteval_t *table_of(pteval_t entry) { return __va(entry & PTE_PFN_MASK); }

/* @addr if a page table (PT) exists for it in @pgd, else the first address
 * past the absent table at the highest missing level: walks over a sparse
 * user range (fork, mprotect, mremap of terabytes) must cost per table,
 * not per page, or they run unkillable for hours. */
static inline unsigned long pt_next_present(pgd_t *pgd, unsigned long addr)
{
	pteval_t e = ((pteval_t *)pgd)[pgd_index(addr)];
	if (!(e & _PAGE_PRESENT))
		return (addr & ~((1UL << PGDIR_SHIFT) - 1)) + (1UL << PGDIR_SHIFT);
	e = table_of(e)[pud_index(addr)];
	if (!(e & _PAGE_PRESENT))
		return (addr & ~(PUD_SIZE - 1)) + PUD_SIZE;
	e = table_of(e)[pmd_index(addr)];
	if (!(e & _PAGE_PRESENT))
		return (addr & ~(PMD_SIZE - 1)) + PMD_SIZE;
	return addr;
}

extern pgd_t *swapper_pg_dir;	/* the kernel's PML4: init_mm.pgd */

/* Walk @pgd to the PTE of @addr, allocating missing tables when @alloc.
 * Returns NULL if a table is missing (and !alloc) or allocation failed, or if
 * a large page maps the address. arch/x86/mm/pgtable.c */
pteval_t *walk_page_table(pgd_t *pgd, unsigned long addr, bool alloc, pteval_t table_flags);
/* Map [virt, virt+size) to [phys, ...) with 4 KiB pages in the kernel half. */
int kernel_map_range(unsigned long virt, phys_addr_t phys, size_t size, pteval_t prot);
void kernel_unmap_range(unsigned long virt, size_t size);

static inline void load_cr3(pgd_t *pgd)
{
	__asm__ volatile("mov %0, %%cr3" :: "r"(__pa(pgd)) : "memory");
}
static inline void __flush_tlb_local(void)
{
	unsigned long cr3;
	__asm__ volatile("mov %%cr3, %0; mov %0, %%cr3" : "=r"(cr3) :: "memory");
}
#endif
