/* The idle class and the idle loop (seed concept: the idle task). Each CPU has
 * one idle task, which runs only when nothing else can; it halts the CPU
 * until the next interrupt. */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <asm/irqflags.h>
#include "sched.h"

static void enqueue_task_idle(struct rq *rq, struct task_struct *p, bool wakeup) {}
static void dequeue_task_idle(struct rq *rq, struct task_struct *p) {}
static struct task_struct *pick_next_task_idle(struct rq *rq) { return rq->idle; }
static void put_prev_task_idle(struct rq *rq, struct task_struct *prev) {}
static void task_tick_idle(struct rq *rq, struct task_struct *curr) {}

const struct sched_class idle_sched_class = {
	.next = NULL,
	.enqueue_task = enqueue_task_idle,
	.dequeue_task = dequeue_task_idle,
	.pick_next_task = pick_next_task_idle,
	.put_prev_task = put_prev_task_idle,
	.task_tick = task_tick_idle,
};

void cpu_startup_entry(void)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		/* sti;hlt: an interrupt arriving between the check and the halt
		 * still wakes us, because sti takes effect after hlt begins. */
		safe_halt();
	}
}
