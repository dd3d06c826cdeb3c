/* Scheduler internals: run queues and the sched_class interface. */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H
#include <linux/sched.h>
#include <linux/spinlock.h>

struct cfs_rq {
	struct list_head tasks;		/* runnable, sorted by vruntime (not curr) */
	unsigned int nr_running;	/* including curr if it is fair */
	u64 min_vruntime;
};

/* One per CPU. All fields under lock (irqsave), except where said. */
struct rq {
	spinlock_t lock;
	unsigned int nr_running;	/* runnable tasks, incl. the running one, excl. idle */
	long nr_uninterruptible;	/* user tasks gone to sleep here in D state, minus those woken here (the sum over CPUs is right) */
	struct cfs_rq cfs;
	struct task_struct *curr;
	struct task_struct *idle;
	u64 nr_switches;		/* context switches, for /proc/stat "ctxt" */
	u64 clock;			/* ns, updated at each tick and switch */
	int cpu;
};

/* The scheduling-class interface: CFS-like fair (fair.c) and idle (idle.c).
 * All methods are called with rq->lock held and interrupts off. */
struct sched_class {
	const struct sched_class *next;	/* lower priority class */
	void (*enqueue_task)(struct rq *rq, struct task_struct *p, bool wakeup);
	void (*dequeue_task)(struct rq *rq, struct task_struct *p);
	/* Pick and remove from the queue the task to run next; NULL if none. */
	struct task_struct *(*pick_next_task)(struct rq *rq);
	/* @prev stops running; put it back in the queue if still runnable. */
	void (*put_prev_task)(struct rq *rq, struct task_struct *prev);
	void (*task_tick)(struct rq *rq, struct task_struct *curr);
	void (*yield_task)(struct rq *rq);
	/* Should @p (just woken on this rq) preempt rq->curr? */
	bool (*check_preempt_curr)(struct rq *rq, struct task_struct *p);
	void (*task_fork)(struct task_struct *p);
};

extern const struct sched_class fair_sched_class, idle_sched_class;
DECLARE_PER_CPU(struct rq, runqueues);
#define cpu_rq(cpu) (&per_cpu(runqueues, (cpu)))
#define this_rq() this_cpu_ptr(&runqueues)

u64 sched_clock(void);
extern const int sched_prio_to_weight[40];
#endif
