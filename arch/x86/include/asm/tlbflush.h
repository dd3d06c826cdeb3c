/* TLB flushing, local and across CPUs (arch/x86/mm/tlb.c). */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H
#include <asm/page.h>

struct mm_struct;
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void flush_tlb_all(void);

/* Invalidate the user range [start, end) of @mm on every CPU that has @mm
 * loaded (mm->cpu_mask), this one included, and wait until they have. The
 * PTEs must already be changed. May send IPIs, so call it with interrupts
 * enabled (spinlocks held are fine: IPIs are served while spinning). */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);

static inline void flush_tlb_page(struct mm_struct *mm, unsigned long addr)
{
	flush_tlb_mm_range(mm, addr, addr + PAGE_SIZE);
}

static inline void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_mm_range(mm, 0, TASK_SIZE_MAX);
}
#endif
