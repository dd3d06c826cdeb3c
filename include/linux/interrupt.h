/* Device interrupt handlers (arch/x86/kernel/irq.c). IRQ numbers are the
 * legacy ISA lines 0..15 (routed through the I/O APIC). Handlers run in
 * interrupt context: no sleeping, spinlocks taken irqsave elsewhere. */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H
#include <linux/types.h>

typedef enum { IRQ_NONE = 0, IRQ_HANDLED = 1 } irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev);
#define NR_IRQS 16
#define IRQF_SHARED 0x80

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
void free_irq(unsigned int irq, void *dev);
/* A handler for a CPU-local vector (timer, IPIs). */
void set_system_vector(unsigned int vector, void (*fn)(void), const char *name);
int show_interrupts(char *buf, size_t size);	/* /proc/interrupts */
u64 irq_count_total(void);
void init_IRQ(void);
#endif
