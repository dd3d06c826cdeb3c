/* User page faults and page-table teardown (seed concepts: page faults:
 * demand-zero, copy-on-write, stack growth; fork with COW).
 * A user page exists only after it is touched: the first access to an
 * anonymous VMA faults, and we map a zeroed page. A write to a page shared
 * copy-on-write (after fork) gets a private copy, unless nobody else shares
 * it any more, in which case it is simply made writable again. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <asm/pgtable.h>
#include <asm/traps.h>
#include <asm/tlbflush.h>

extern atomic64_t nr_pgtable_pages;
atomic64_t nr_page_faults, nr_cow_faults;

static pteval_t *user_pte(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	return walk_page_table(mm->pgd, addr, alloc, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
}

/* Threads of one mm may run on other CPUs right now (CLONE_VM): a changed
 * PTE is flushed everywhere the mm is loaded, not just here. */
static void flush_user_page(struct mm_struct *mm, unsigned long addr)
{
	flush_tlb_page(mm, addr);
}

static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr, pteval_t *pte)
{
	/* No warning on failure: the OOM killer reports it (arch/x86/mm/fault.c). */
	struct page *page = alloc_page(GFP_HIGHUSER | __GFP_ZERO | __GFP_NOWARN);
	if (!page)
		return -ENOMEM;
	atomic_set(&page->_mapcount, 1);
	*pte = page_to_phys(page) | vm_flags_to_prot(vma->vm_flags);
	atomic64_inc(&mm->rss);
	return 0;
}

static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr, pteval_t *pte)
{
	struct page *old = pfn_to_page(pte_pfn(*pte));
	atomic64_inc(&nr_cow_faults);
	if (page_count(old) == 1) {
		/* The last sharer: reuse the page. */
		*pte = (*pte | _PAGE_RW) & ~_PAGE_COW;
		flush_user_page(mm, addr);
		return 0;
	}
	struct page *page = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);
	if (!page)
		return -ENOMEM;
	memcpy(page_address(page), page_address(old), PAGE_SIZE);
	atomic_set(&page->_mapcount, 1);
	*pte = page_to_phys(page) | vm_flags_to_prot(vma->vm_flags);
	flush_user_page(mm, addr);
	put_page(old);
	return 0;
}

/* Resolve a fault at @addr in @vma. 0 on success, -errno otherwise. */
static int __handle_mm_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
			     unsigned long error_code)
{
	int ret = 0;
	addr &= PAGE_MASK;
	spin_lock(&mm->page_table_lock);
	pteval_t *pte = user_pte(mm, addr, true);
	if (!pte)
		ret = -ENOMEM;
	else if (!pte_mapped(*pte))
		ret = do_anonymous_page(mm, vma, addr, pte);
	else if ((error_code & X86_PF_WRITE) && !(*pte & _PAGE_RW))
		ret = do_wp_page(mm, vma, addr, pte);
	/* else: another thread mapped it meanwhile, or a spurious fault */
	spin_unlock(&mm->page_table_lock);
	return ret;
}

/* Called with no locks held; takes mmap_lock for reading. */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned long error_code)
{
	int ret = -EFAULT;
	atomic64_inc(&nr_page_faults);
	down_read(&mm->mmap_lock);
	struct vm_area_struct *vma = find_vma(mm, addr);
	if (!vma)
		goto out;
	if (addr < vma->vm_start) {
		/* Below the stack: grow it, within RLIMIT_STACK. */
		if (!(vma->vm_flags & VM_GROWSDOWN) || vma->vm_end - (addr & PAGE_MASK) > STACK_MAX_SIZE)
			goto out;
		vma->vm_start = addr & PAGE_MASK;	/* [L] taken shared: [LINUX-DIFF] single-threaded mms */
	}
	/* A mapping is there but forbids this access: -EACCES, which the
	 * fault handler reports as SEGV_ACCERR (no mapping: SEGV_MAPERR),
	 * whether or not the hardware found a page. */
	ret = -EACCES;
	if ((error_code & X86_PF_WRITE) && !(vma->vm_flags & VM_WRITE))
		goto out;
	if ((error_code & X86_PF_INSTR) && !(vma->vm_flags & VM_EXEC))
		goto out;
	if (!(error_code & (X86_PF_WRITE | X86_PF_INSTR)) && !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		goto out;
	ret = __handle_mm_fault(mm, vma, addr, error_code);
out:
	up_read(&mm->mmap_lock);
	return ret;
}

/* Pages unmapped but not yet freed: another CPU may still reach them through
 * a stale TLB entry until the range is flushed, so the free waits for the
 * flush (Linux's mmu_gather, in miniature). */
#define ZAP_BATCH 64
struct zap_batch {
	struct mm_struct *mm;
	unsigned long start;		/* lowest address cleared since the last flush */
	int nr;
	struct page *pages[ZAP_BATCH];
};

static void zap_flush(struct zap_batch *b, unsigned long end)
{
	if (!b->nr)
		return;
	flush_tlb_mm_range(b->mm, b->start, end);
	for (int i = 0; i < b->nr; i++)
		put_page(b->pages[i]);
	b->nr = 0;
}

static void zap_one(struct zap_batch *b, pteval_t *pte, unsigned long addr)
{
	if (b->nr == ZAP_BATCH)
		zap_flush(b, addr);
	if (!b->nr)
		b->start = addr;
	b->pages[b->nr++] = pfn_to_page(pte_pfn(*pte));
	atomic64_dec(&b->mm->rss);
	*pte = 0;
}

/* Unmap and free the user pages in [start, end), skipping absent tables at
 * every level: a sparse address space must not cost a walk per page. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct zap_batch b = { .mm = mm };
	spin_lock(&mm->page_table_lock);
	unsigned long a = start & PAGE_MASK;
	while (a < end) {
		pteval_t e = ((pteval_t *)mm->pgd)[pgd_index(a)];
		if (!(e & _PAGE_PRESENT)) {
			a = ALIGN_DOWN(a, 1UL << PGDIR_SHIFT) + (1UL << PGDIR_SHIFT);
			continue;
		}
		e = table_of(e)[pud_index(a)];
		if (!(e & _PAGE_PRESENT)) {
			a = ALIGN_DOWN(a, PUD_SIZE) + PUD_SIZE;
			continue;
		}
		e = table_of(e)[pmd_index(a)];
		if (!(e & _PAGE_PRESENT)) {
			a = ALIGN_DOWN(a, PMD_SIZE) + PMD_SIZE;
			continue;
		}
		pteval_t *pte = &table_of(e)[pte_index(a)];
		if (pte_mapped(*pte))
			zap_one(&b, pte, a);
		a += PAGE_SIZE;
	}
	zap_flush(&b, a < end ? a : end);
	spin_unlock(&mm->page_table_lock);
}

static void free_table(pteval_t *t)
{
	struct page *p = virt_to_page(t);
	clear_bit(PG_pgtable, &p->flags);
	atomic64_dec(&nr_pgtable_pages);
	free_page((unsigned long)t);
}

/* Free the page-table pages of the user half (the pages themselves are gone). */
void free_pgtables(struct mm_struct *mm)
{
	pteval_t *pgd = (pteval_t *)mm->pgd;
	for (int i = 0; i < KERNEL_PGD_START; i++) {
		if (!(pgd[i] & _PAGE_PRESENT))
			continue;
		pteval_t *pud = table_of(pgd[i]);
		for (int j = 0; j < 512; j++) {
			if (!(pud[j] & _PAGE_PRESENT))
				continue;
			pteval_t *pmd = table_of(pud[j]);
			for (int k = 0; k < 512; k++)
				if (pmd[k] & _PAGE_PRESENT)
					free_table(table_of(pmd[k]));
			free_table(pmd);
		}
		free_table(pud);
		pgd[i] = 0;
	}
}

/* Load @next's page tables on this CPU and keep the cpu_mask of both mms
 * exact, so TLB shootdowns reach every CPU that may cache @next's entries.
 * Called with interrupts off (scheduler) or from exec/exit. The bit is set
 * before CR3 is loaded: see flush_tlb_mm_range() for the pairing. */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	if (prev == next)
		return;
	preempt_disable();
	unsigned long bit = 1UL << smp_processor_id();
	if (next)
		__atomic_fetch_or(&next->cpu_mask, bit, __ATOMIC_SEQ_CST);
	load_cr3(next ? next->pgd : swapper_pg_dir);
	if (prev)
		__atomic_fetch_and(&prev->cpu_mask, ~bit, __ATOMIC_SEQ_CST);
	preempt_enable();
}
