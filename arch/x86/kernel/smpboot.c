/* Bringing up the other CPUs (seed concept: SMP, per-CPU data). The boot CPU
 * makes each AP an idle task, writes the trampoline's parameters and sends
 * INIT-SIPI-SIPI; the AP sets itself up in start_secondary() and reports
 * online. APs come up one at a time, so the trampoline data is not shared. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/acpi.h>
#include <linux/gfp.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/start_kernel.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/page.h>

#define TRAMPOLINE_BASE 0x8000
extern char trampoline_start[], trampoline_end[], trampoline_data[];

struct trampoline_params {
	u32 cr3;
	u32 efer;
	u64 stack;
	u64 entry;
};

static volatile int booting_cpu;
static struct task_struct *booting_idle;
static u64 *tr_pml4;

/* Temporary page tables for the switch to long mode: below 4 GiB (CR3 is
 * loaded in 32-bit mode), the first 2 MiB identity-mapped, kernel half shared. */
static int setup_trampoline_pgd(void)
{
	tr_pml4 = (u64 *)get_zeroed_page(GFP_KERNEL | __GFP_DMA32);
	u64 *pdpt = (u64 *)get_zeroed_page(GFP_KERNEL | __GFP_DMA32);
	u64 *pd = (u64 *)get_zeroed_page(GFP_KERNEL | __GFP_DMA32);
	if (!tr_pml4 || !pdpt || !pd)
		return -ENOMEM;
	pd[0] = 0 | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	pdpt[0] = __pa(pd) | _PAGE_PRESENT | _PAGE_RW;
	tr_pml4[0] = __pa(pdpt) | _PAGE_PRESENT | _PAGE_RW;
	for (int i = KERNEL_PGD_START; i < 512; i++)
		tr_pml4[i] = ((u64 *)swapper_pg_dir)[i];
	return 0;
}

/* The AP's first C code: on its idle task's stack, GS not yet set. */
static void __attribute__((noreturn)) start_secondary(void)
{
	int cpu = booting_cpu;
	load_percpu_segment(cpu);
	cpu_init(cpu);
	cpu_init_features();
	load_cr3(swapper_pg_dir);
	setup_local_APIC();
	cpu_apic_id[cpu] = read_apic_id();
	sched_cpu_starting(booting_idle);
	setup_apic_timer();
	__atomic_or_fetch(&cpu_online_mask, 1UL << cpu, __ATOMIC_SEQ_CST);
	local_irq_enable();
	cpu_startup_entry();
}

static int do_boot_cpu(int cpu)
{
	struct task_struct *idle = fork_idle(cpu);
	if (!idle)
		return -ENOMEM;
	struct trampoline_params *tp = __va(TRAMPOLINE_BASE + (trampoline_data - trampoline_start));
	tp->cr3 = (u32)__pa(tr_pml4);
	tp->efer = EFER_LME | (X86_FEATURE_NX() ? EFER_NX : 0);
	tp->stack = (u64)idle->stack + THREAD_SIZE - 64;
	tp->entry = (u64)start_secondary;
	booting_cpu = cpu;
	booting_idle = idle;
	smp_mb();
	apic_send_init_sipi(acpi_info.cpu_apic_id[cpu], TRAMPOLINE_BASE >> 12);
	/* TCG can be slow to start a vCPU: allow a generous few seconds. */
	u64 deadline = ktime_get_ns() + 5 * NSEC_PER_SEC;
	while (!cpu_online(cpu) && ktime_get_ns() < deadline)
		cpu_relax();
	return cpu_online(cpu) ? 0 : -EIO;
}

void smp_init(void)
{
	/* Logical CPU 0 must be the boot CPU: put its APIC id first. */
	for (int i = 0; i < acpi_info.nr_cpus; i++) {
		if (acpi_info.cpu_apic_id[i] == cpu_apic_id[0]) {
			u8 t = acpi_info.cpu_apic_id[0];
			acpi_info.cpu_apic_id[0] = acpi_info.cpu_apic_id[i];
			acpi_info.cpu_apic_id[i] = t;
			break;
		}
	}
	if (nr_cpu_ids > 1) {
		memcpy(__va(TRAMPOLINE_BASE), trampoline_start, trampoline_end - trampoline_start);
		if (setup_trampoline_pgd())
			panic("smp: no memory for the trampoline page tables");
	}
	for (int cpu = 1; cpu < nr_cpu_ids; cpu++) {
		int err = do_boot_cpu(cpu);
		if (err)
			pr_err("smp: CPU %d (APIC id %u) did not come up (%d)\n", cpu,
			       acpi_info.cpu_apic_id[cpu], err);
	}
	pr_info("smp: Brought up %d CPU%s\n", num_online_cpus(), num_online_cpus() > 1 ? "s" : "");
}
