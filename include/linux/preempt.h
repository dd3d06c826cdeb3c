/* Preemption counting: per-CPU count in pcpu_hot (non-zero: no preemption). */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H
#include <asm/percpu.h>
#include <asm/irqflags.h>

void preempt_schedule(void);	/* kernel/sched/core.c: reschedule if needed */
static __always_inline void preempt_disable(void) { __preempt_count_add(1); barrier(); }
static __always_inline void preempt_enable_no_resched(void) { barrier(); __preempt_count_add(-1); }
static __always_inline void preempt_enable(void)
{
	barrier();
	__preempt_count_add(-1);
	if (preempt_count() == 0)
		preempt_schedule();
}
#define preemptible() (preempt_count() == 0 && !irqs_disabled())
/* Interrupt handlers run with this added, so in_interrupt() can tell. */
#define HARDIRQ_OFFSET (1 << 16)
#define in_interrupt() (preempt_count() >= HARDIRQ_OFFSET)
#endif
