/* Interrupt dispatch (seed concept: interrupts, IRQ routing). Entry code calls
 * do_IRQ() for vectors 32-255: device IRQs go to the handlers registered with
 * request_irq(); CPU-local vectors (timer, IPIs) to their system handler.
 * Per-CPU counts feed /proc/interrupts. irq_lock protects irq_desc. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/smp.h>
#include <linux/start_kernel.h>
#include <asm/apic.h>
#include <asm/traps.h>

struct irq_desc {
	irq_handler_t handler;
	void *dev;
	const char *name;
	u64 count[NR_CPUS];
};

struct system_vector {
	void (*fn)(void);
	const char *name;
	u64 count[NR_CPUS];
};

static struct irq_desc irq_desc[NR_IRQS];
static struct system_vector sysvec[256 - FIRST_SYSTEM_VECTOR];
static DEFINE_SPINLOCK(irq_lock);
static u64 spurious_count;

void irq_unmask(unsigned int irq);
void smp_prepare_vectors(void);
void irq_mask(unsigned int irq);

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
	unsigned long f;
	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	spin_lock_irqsave(&irq_lock, f);
	if (irq_desc[irq].handler) {
		spin_unlock_irqrestore(&irq_lock, f);
		return -EBUSY;
	}
	irq_desc[irq].handler = handler;
	irq_desc[irq].dev = dev;
	irq_desc[irq].name = name;
	spin_unlock_irqrestore(&irq_lock, f);
	irq_unmask(irq);
	return 0;
}

void free_irq(unsigned int irq, void *dev)
{
	unsigned long f;
	if (irq >= NR_IRQS)
		return;
	irq_mask(irq);
	spin_lock_irqsave(&irq_lock, f);
	if (irq_desc[irq].dev == dev)
		irq_desc[irq].handler = NULL;
	spin_unlock_irqrestore(&irq_lock, f);
}

void set_system_vector(unsigned int vector, void (*fn)(void), const char *name)
{
	sysvec[vector - FIRST_SYSTEM_VECTOR].fn = fn;
	sysvec[vector - FIRST_SYSTEM_VECTOR].name = name;
}

/* The registers an interrupt interrupted (Linux's get_irq_regs()): the
 * tick looks at them to charge user or system time. */
DEFINE_PER_CPU(struct pt_regs *, irq_regs);

struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

void do_IRQ(struct pt_regs *regs, unsigned long vector)
{
	int cpu = smp_processor_id();
	this_cpu_write(irq_regs, regs);
	if (vector >= FIRST_SYSTEM_VECTOR) {
		struct system_vector *sv = &sysvec[vector - FIRST_SYSTEM_VECTOR];
		if (vector == SPURIOUS_APIC_VECTOR) {
			spurious_count++;
			return;		/* no EOI for the spurious vector */
		}
		sv->count[cpu]++;
		apic_eoi();	/* before the handler: the timer handler may switch tasks */
		if (sv->fn)
			sv->fn();
		return;
	}
	if (vector >= ISA_IRQ_VECTOR(0) && vector < ISA_IRQ_VECTOR(NR_IRQS)) {
		unsigned int irq = vector - ISA_IRQ_VECTOR(0);
		struct irq_desc *d = &irq_desc[irq];
		d->count[cpu]++;
		if (d->handler)
			d->handler(irq, d->dev);
		if (legacy_pic_mode())
			pic_eoi(irq);
		else
			apic_eoi();
		return;
	}
	spurious_count++;
	apic_eoi();
}

/* Linux's /proc/interrupts layout: a CPU header, then one row per source. */
int show_interrupts(char *buf, size_t size)
{
	int len = 0, cpu;
	len += scnprintf(buf + len, size - len, "    ");
	for_each_online_cpu(cpu)
		len += scnprintf(buf + len, size - len, "       CPU%d", cpu);
	len += scnprintf(buf + len, size - len, "\n");
	for (int i = 0; i < NR_IRQS; i++) {
		if (!irq_desc[i].handler)
			continue;
		len += scnprintf(buf + len, size - len, "%3d:", i);
		for_each_online_cpu(cpu)
			len += scnprintf(buf + len, size - len, " %10llu", (unsigned long long)irq_desc[i].count[cpu]);
		len += scnprintf(buf + len, size - len, "  IO-APIC  %d-edge      %s\n", i, irq_desc[i].name);
	}
	static const struct { unsigned int v; const char *tag; } rows[] = {
		{ LOCAL_TIMER_VECTOR, "LOC" }, { RESCHEDULE_VECTOR, "RES" }, { CALL_FUNCTION_VECTOR, "CAL" },
	};
	for (unsigned r = 0; r < ARRAY_SIZE(rows); r++) {
		struct system_vector *sv = &sysvec[rows[r].v - FIRST_SYSTEM_VECTOR];
		len += scnprintf(buf + len, size - len, "%s:", rows[r].tag);
		for_each_online_cpu(cpu)
			len += scnprintf(buf + len, size - len, " %10llu", (unsigned long long)sv->count[cpu]);
		len += scnprintf(buf + len, size - len, "   %s\n", sv->name ? sv->name : "");
	}
	len += scnprintf(buf + len, size - len, "ERR: %10llu\n", (unsigned long long)spurious_count);
	return len;
}

u64 irq_count_total(void)
{
	u64 n = 0;
	for (int i = 0; i < NR_IRQS; i++)
		for (int c = 0; c < NR_CPUS; c++)
			n += irq_desc[i].count[c];
	for (unsigned v = 0; v < ARRAY_SIZE(sysvec); v++)
		for (int c = 0; c < NR_CPUS; c++)
			n += sysvec[v].count[c];
	return n;
}

static void error_interrupt(void)
{
	apic_write(APIC_ESR, 0);
	pr_warn("APIC error on CPU %d: %#x\n", smp_processor_id(), apic_read(APIC_ESR));
}

void init_IRQ(void)
{
	setup_local_APIC();
	cpu_apic_id[0] = read_apic_id();
	set_system_vector(ERROR_APIC_VECTOR, error_interrupt, "APIC error");
	smp_prepare_vectors();
	ioapic_setup();
	pr_info("irq: local APIC id %u on CPU 0, %s\n", cpu_apic_id[0],
		legacy_pic_mode() ? "8259 PIC" : "I/O APIC routing");
}
