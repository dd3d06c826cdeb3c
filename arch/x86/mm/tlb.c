/* TLB shootdown: after changing a mapping other CPUs may have cached, ask each
 * online CPU to invalidate it (seed concept: page tables, SMP). Kernel
 * mappings carry _PAGE_GLOBAL, so a CR3 reload is not enough: use invlpg. */
#include <linux/kernel.h>
#include <linux/smp.h>
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
