/* Per-CPU areas (see asm/percpu.h for the design). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/gfp.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/page.h>

unsigned long __per_cpu_offset[NR_CPUS];
/* First in the section, so its offset in every copy is the same. */
__section(".data..percpu..first") struct pcpu_hot pcpu_hot;

void load_percpu_segment(int cpu)
{
	struct pcpu_hot *hot = per_cpu_ptr(&pcpu_hot, cpu);
	hot->self = hot;
	hot->this_cpu_off = __per_cpu_offset[cpu];
	hot->cpu_number = cpu;
	wrmsr(MSR_GS_BASE, (unsigned long)hot);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/* Copy the section for every possible CPU but 0, which keeps the original. */
void setup_per_cpu_areas(void)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	unsigned int order = get_order(size);
	for (int cpu = 1; cpu < nr_cpu_ids; cpu++) {
		void *area = (void *)__get_free_pages(GFP_KERNEL, order);
		if (!area)
			panic("no memory for CPU %d's per-CPU area", cpu);
		memcpy(area, __per_cpu_start, size);
		__per_cpu_offset[cpu] = (char *)area - __per_cpu_start;
		/* Each CPU's copy starts clean of CPU 0's runtime state. */
		memset(per_cpu_ptr(&pcpu_hot, cpu), 0, sizeof(struct pcpu_hot));
	}
	pr_info("percpu: %zu bytes per CPU for %d CPUs\n", size, nr_cpu_ids);
}
