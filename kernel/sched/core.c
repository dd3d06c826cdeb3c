/* The scheduler core (seed concepts: the scheduler, context switch, process
 * states, per-CPU run queues).
 *
 * Each CPU has a run queue. schedule() asks the classes, highest first, for
 * the next task and switches to it; the previous task stays queued if it is
 * still TASK_RUNNING, otherwise it has gone to sleep and leaves the queue.
 * A wakeup (try_to_wake_up) puts a task back on a run queue, on its previous
 * CPU or, for a new task, on the least busy one, and asks that CPU to
 * reschedule (an IPI if it is another CPU).
 *
 * The rq->lock is taken in __schedule() and released by the task we switch
 * to, in finish_task_switch(): the switch itself happens under the lock.
 * Every task therefore enters switch_to with the same preempt count, which is
 * why the per-CPU preempt count stays right across switches. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/slab.h>
#include <linux/init.h>
#include <linux/start_kernel.h>
#include <linux/ktime.h>
#include <linux/timer.h>
#include <asm/irqflags.h>
#include <asm/desc.h>
#include "sched.h"

DEFINE_PER_CPU(struct rq, runqueues);

u64 sched_clock(void)
{
	return ktime_get_ns();
}

void might_sleep_check(const char *file, int line)
{
	if (preempt_count() || irqs_disabled())
		pr_warn_once("BUG: sleeping function called from invalid context at %s:%d (preempt_count %d, irqs %s)\n",
			     file, line, preempt_count(), irqs_disabled() ? "off" : "on");
}

static void rq_init(int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	memset(rq, 0, sizeof(*rq));
	spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->cfs.tasks);
	rq->cpu = cpu;
}

static void init_sched_fields(struct task_struct *p)
{
	p->static_prio = 120;
	p->prio = 120;
	p->se.weight = 1024;
	p->sched_class = &fair_sched_class;
	INIT_LIST_HEAD(&p->se.run_node);
	p->cpus_mask = ~0UL;
}

/* The boot context becomes CPU 0's idle task (init_task). */
void sched_init(void)
{
	int cpu;
	for_each_possible_cpu(cpu)
		rq_init(cpu);
	struct rq *rq = cpu_rq(0);
	init_sched_fields(&init_task);
	init_task.sched_class = &idle_sched_class;
	init_task.on_cpu = 1;
	rq->curr = rq->idle = &init_task;
	this_cpu_write(pcpu_hot.current_task, &init_task);
	pr_info("sched: fair class (vruntime), %d run queues, HZ=%d\n", nr_cpu_ids, HZ);
}

/* A new idle task for @cpu, which runs on its stack once brought up. */
struct task_struct *fork_idle(int cpu)
{
	struct task_struct *t = alloc_task_struct();
	if (!t)
		return NULL;
	init_sched_fields(t);
	t->sched_class = &idle_sched_class;
	t->flags |= PF_IDLE | PF_KTHREAD;
	t->pid = 0;
	t->cpu = cpu;
	t->on_cpu = 1;
	t->__state = TASK_RUNNING;
	t->active_mm = init_task.active_mm;
	snprintf(t->comm, sizeof(t->comm), "swapper/%d", cpu);
	struct rq *rq = cpu_rq(cpu);
	rq->curr = rq->idle = t;
	return t;
}

/* Run on the new CPU before it enters cpu_startup_entry(). */
void sched_cpu_starting(struct task_struct *idle)
{
	this_cpu_write(pcpu_hot.current_task, idle);
	update_task_stack((unsigned long)idle->stack + THREAD_SIZE);
}

static void activate_task(struct rq *rq, struct task_struct *p, bool wakeup)
{
	p->sched_class->enqueue_task(rq, p, wakeup);
	p->on_rq = 1;
	rq->nr_running++;
}

static void deactivate_task(struct rq *rq, struct task_struct *p)
{
	p->sched_class->dequeue_task(rq, p);
	p->on_rq = 0;
	rq->nr_running--;
}

/* Make @rq's CPU reschedule: directly if it is us, else by IPI. */
static void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	if (test_tsk_need_resched(curr))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

static void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (rq->curr == rq->idle || (p->sched_class->check_preempt_curr &&
				     p->sched_class->check_preempt_curr(rq, p)))
		resched_curr(rq);
}

/* Least busy allowed online CPU, preferring @prev on ties. */
static int select_task_rq(struct task_struct *p, int prev)
{
	int best = -1;
	unsigned int best_load = ~0u;
	int cpu;
	for_each_online_cpu(cpu) {
		if (!(p->cpus_mask & (1UL << cpu)))
			continue;
		unsigned int load = READ_ONCE(cpu_rq(cpu)->nr_running);
		if (load < best_load || (load == best_load && cpu == prev)) {
			best = cpu;
			best_load = load;
		}
	}
	return best < 0 ? prev : best;
}

/* Wake @p if its state is in @state. Returns 1 if it was woken. */
static int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (!(READ_ONCE(p->__state) & state))
		goto out;
	ret = 1;
	if (READ_ONCE(p->on_rq)) {
		/* Still queued (it has not finished going to sleep): just make it
		 * runnable again. schedule() reads __state under this lock. */
		struct rq *rq = cpu_rq(p->cpu);
		arch_spin_lock(&rq->lock);
		if (p->on_rq) {
			WRITE_ONCE(p->__state, TASK_RUNNING);
			arch_spin_unlock(&rq->lock);
			goto out;
		}
		arch_spin_unlock(&rq->lock);
	}
	/* Off every queue. It may still be switching out on its old CPU: wait,
	 * or two CPUs could run on the same stack. */
	while (smp_load_acquire(&p->on_cpu))
		cpu_relax();
	int cpu = select_task_rq(p, p->cpu);
	struct rq *rq = cpu_rq(cpu);
	arch_spin_lock(&rq->lock);
	p->cpu = cpu;
	WRITE_ONCE(p->__state, TASK_RUNNING);
	if (p->sched_contributes_to_load) {
		rq->nr_uninterruptible--;
		p->sched_contributes_to_load = 0;
	}
	activate_task(rq, p, true);
	check_preempt_curr(rq, p);
	arch_spin_unlock(&rq->lock);
out:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return ret;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state);
}

void sched_fork(struct task_struct *p)
{
	init_sched_fields(p);
	if (current->mm) {	/* a process inherits its parent's nice value and CPUs */
		p->static_prio = p->prio = current->static_prio;
		p->policy = current->policy;
		p->rt_priority = current->rt_priority;
		p->se.weight = current->se.weight;
		p->cpus_mask = READ_ONCE(current->cpus_mask);
	}
	p->__state = TASK_NEW;
	p->cpu = smp_processor_id();
	p->sched_class->task_fork(p);
}

void wake_up_new_task(struct task_struct *p)
{
	p->__state = TASK_UNINTERRUPTIBLE;	/* so that the wakeup below applies */
	try_to_wake_up(p, TASK_UNINTERRUPTIBLE);
}

/* Second half of a switch, run by the task switched to. */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	/* Dead only if its last schedule() took it off the queue: a task
	 * preempted between setting TASK_DEAD and that call is still queued
	 * and will run again to finish dying; dropping its reference here
	 * let its parent's reap free a stack that was still queued to run
	 * (ktest sched.preempted_while_dying_keeps_its_reference). on_rq is
	 * stable: we still hold rq->lock. */
	bool dead = READ_ONCE(prev->__state) == TASK_DEAD && !prev->on_rq;
	smp_store_release(&prev->on_cpu, 0);
	arch_spin_unlock(&rq->lock);
	local_irq_enable();
	preempt_enable_no_resched();
	if (dead)
		put_task_struct(prev);	/* the dead task's own reference */
}

/* First code a new task runs (from ret_from_fork). */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
}

static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq;

	local_irq_disable();
	preempt_disable();
	rq = this_rq();
	arch_spin_lock(&rq->lock);
	clear_tsk_need_resched(prev);
	rq->clock = sched_clock();

	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING && prev != rq->idle) {
		if ((prev->__state & TASK_INTERRUPTIBLE) && signal_pending(prev)) {
			WRITE_ONCE(prev->__state, TASK_RUNNING);	/* a signal cancels the sleep */
		} else {
			/* The load average counts D-state sleepers (user tasks:
			 * kernel threads idle in that state too). */
			prev->sched_contributes_to_load = (prev->__state & TASK_UNINTERRUPTIBLE) && prev->mm;
			if (prev->sched_contributes_to_load)
				rq->nr_uninterruptible++;
			deactivate_task(rq, prev);
		}
		prev->nvcsw++;
	} else if (prev != rq->idle) {
		prev->nivcsw += preempt;
	}
	prev->sched_class->put_prev_task(rq, prev);

	next = NULL;
	for (const struct sched_class *c = &fair_sched_class; c && !next; c = c->next)
		next = c->pick_next_task(rq);

	if (next == prev) {
		arch_spin_unlock(&rq->lock);
		local_irq_enable();
		preempt_enable_no_resched();
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	next->on_cpu = 1;
	__switch_to(prev, next);
	prev = __switch_to_asm(prev, next);
	finish_task_switch(prev);
}

void schedule(void)
{
	__schedule(false);
}

/* preempt_enable() found the count at 0 with a reschedule pending. */
void preempt_schedule(void)
{
	if (preempt_count() || irqs_disabled() || !current || !need_resched())
		return;
	__schedule(true);
}

/* From interrupt exit, interrupts off, returning to preemptible kernel code. */
void preempt_schedule_irq(void)
{
	while (need_resched()) {
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
	}
}

void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr = current;
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	rq->clock = sched_clock();
	curr->sched_class->task_tick(rq, curr);
	spin_unlock_irqrestore(&rq->lock, flags);
}

void scheduler_ipi(void)
{
	/* need_resched was set by the sender; the interrupt exit acts on it. */
}

void cond_resched(void)
{
	if (need_resched() && !preempt_count())
		schedule();
}

void yield(void)
{
	struct rq *rq = this_rq();
	unsigned long flags;
	spin_lock_irqsave(&rq->lock, flags);
	if (current->sched_class->yield_task)
		current->sched_class->yield_task(rq);
	spin_unlock_irqrestore(&rq->lock, flags);
	schedule();
}

#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_IDLE 5
#define WEIGHT_IDLEPRIO 3

/* The weight a task's policy and nice value give it. [LINUX-DIFF] No
 * real-time class: SCHED_FIFO/RR tasks run in the fair class with the
 * weight of nice -20. SCHED_IDLE gets Linux's idle weight (3). */
static unsigned long policy_weight(unsigned int policy, int static_prio)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return sched_prio_to_weight[0];
	if (policy == SCHED_IDLE)
		return WEIGHT_IDLEPRIO;
	return sched_prio_to_weight[static_prio - 100];
}

void sched_set_policy(struct task_struct *p, unsigned int policy, unsigned int rt_priority)
{
	unsigned long flags;
	spin_lock_irqsave(&p->pi_lock, flags);
	struct rq *rq = cpu_rq(p->cpu);
	arch_spin_lock(&rq->lock);
	p->policy = policy;
	p->rt_priority = rt_priority;
	p->se.weight = policy_weight(policy, p->static_prio);
	arch_spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

void set_user_nice(struct task_struct *p, long nice)
{
	unsigned long flags;
	nice = clamp(nice, -20L, 19L);
	spin_lock_irqsave(&p->pi_lock, flags);
	struct rq *rq = cpu_rq(p->cpu);
	arch_spin_lock(&rq->lock);
	p->static_prio = p->prio = 120 + (int)nice;
	p->se.weight = policy_weight(p->policy, p->static_prio);
	arch_spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

u64 sched_nr_switches(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_switches);
}

unsigned int sched_nr_running(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}
