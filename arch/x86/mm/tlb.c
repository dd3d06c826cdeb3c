/* TLB shootdown: after changing a mapping other CPUs may have cached, ask each
 * CPU that may hold it to invalidate it (seed concept: page tables, SMP).
 * Kernel mappings carry _PAGE_GLOBAL, so a CR3 reload is not enough: use
 * invlpg. User mappings are flushed only where their mm is loaded: switch_mm()
 * keeps mm->cpu_mask, the CPUs whose CR3 points at the mm. */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/preempt.h>
#include <linux/atomic.h>
#include <linux/mm_struct.h>
#include <asm/tlbflush.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

struct flush_range {
	unsigned long start, end;
};

static void do_flush_range(void *info)
{
	struct flush_range *r = info;
	if (r->end - r->start > 64 * PAGE_SIZE) {
		/* Toggling CR4.PGE flushes global entries too. */
		unsigned long cr4 = read_cr4();
		write_cr4(cr4 ^ X86_CR4_PGE);
		write_cr4(cr4);
		return;
	}
	for (unsigned long a = r->start; a < r->end; a += PAGE_SIZE)
		invlpg(a);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_range r = { start, end };
	on_each_cpu(do_flush_range, &r, true);
}

void flush_tlb_all(void)
{
	flush_tlb_kernel_range(0, ~0UL);
}

/*
 * Ordering against switch_mm(): it sets its CPU's bit in mm->cpu_mask (a
 * locked RMW, a full barrier) before loading CR3, and we read the mask after
 * the PTE stores with a full barrier. Either we see the bit and interrupt
 * that CPU, or its CR3 load comes after our PTE stores and caches nothing
 * stale. A CPU that left the mm after we read the mask gets a harmless
 * invlpg of addresses it no longer uses.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct flush_range r = { start, end };
	preempt_disable();
	int self = smp_processor_id();
	smp_mb();
	unsigned long mask = __atomic_load_n(&mm->cpu_mask, __ATOMIC_RELAXED);
	if (mask & (1UL << self))
		do_flush_range(&r);
	for (int cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu != self && (mask & (1UL << cpu)))
			smp_call_function_single(cpu, do_flush_range, &r, true);
	preempt_enable();
}
