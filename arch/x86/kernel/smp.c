/* Inter-processor interrupts (seed concept: SMP): reschedule another CPU, run
 * a function on other CPUs (TLB shootdown, tests), stop all CPUs on panic.
 * One cross-call is in flight at a time (call_lock); a CPU waiting for the
 * lock serves pending calls meanwhile, so two callers cannot deadlock. */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/irqflags.h>

unsigned long cpu_online_mask = 1;

struct call_data {
	smp_call_func_t func;
	void *info;
	unsigned long pending;	/* CPUs yet to run func (atomic bit ops) */
};
static struct call_data call_data;
static DEFINE_SPINLOCK(call_lock);

int num_online_cpus(void)
{
	unsigned long m = READ_ONCE(cpu_online_mask);
	int n = 0;
	for (; m; m &= m - 1)
		n++;
	return n;
}

static void serve_call(void)
{
	int cpu = smp_processor_id();
	if (!test_bit(cpu, &call_data.pending))
		return;
	call_data.func(call_data.info);
	clear_bit(cpu, &call_data.pending);
}

static void call_function_interrupt(void)
{
	serve_call();
}

static void reschedule_interrupt(void)
{
	scheduler_ipi();
}

static void stop_interrupt(void)
{
	local_irq_disable();
	for (;;)
		halt();
}

void smp_send_reschedule(int cpu)
{
	apic_send_ipi(cpu_apic_id[cpu], RESCHEDULE_VECTOR);
}

void smp_send_stop(void)
{
	if (num_online_cpus() > 1)
		apic_send_ipi_allbutself(REBOOT_VECTOR);
}

/* Run @func on the CPUs in @mask (never this one) and wait for all of them. */
static void call_on_mask(unsigned long mask, smp_call_func_t func, void *info)
{
	mask &= READ_ONCE(cpu_online_mask) & ~(1UL << smp_processor_id());
	if (!mask)
		return;
	preempt_disable();
	while (!arch_spin_trylock(&call_lock)) {
		serve_call();
		cpu_relax();
	}
	call_data.func = func;
	call_data.info = info;
	__atomic_store_n(&call_data.pending, mask, __ATOMIC_SEQ_CST);
	for (int cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (mask & (1UL << cpu))
			apic_send_ipi(cpu_apic_id[cpu], CALL_FUNCTION_VECTOR);
	while (__atomic_load_n(&call_data.pending, __ATOMIC_ACQUIRE))
		cpu_relax();
	arch_spin_unlock(&call_lock);
	preempt_enable();
}

void smp_call_function(smp_call_func_t func, void *info, bool wait)
{
	call_on_mask(~0UL, func, info);
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, bool wait)
{
	if (cpu < 0 || cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	if (cpu == smp_processor_id()) {
		unsigned long flags;
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	call_on_mask(1UL << cpu, func, info);
	return 0;
}

void on_each_cpu(smp_call_func_t func, void *info, bool wait)
{
	unsigned long flags;
	preempt_disable();
	call_on_mask(~0UL, func, info);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}

void smp_prepare_vectors(void)
{
	set_system_vector(CALL_FUNCTION_VECTOR, call_function_interrupt, "Function call interrupts");
	set_system_vector(RESCHEDULE_VECTOR, reschedule_interrupt, "Rescheduling interrupts");
	set_system_vector(REBOOT_VECTOR, stop_interrupt, "Stop");
}
