/* The fair scheduling class (seed concept: CFS and vruntime).
 *
 * Each task accumulates vruntime: the CPU time it received, scaled by 1024 /
 * its weight (nice 0 = 1024; each nice step is ~1.25x). The runnable task with
 * the smallest vruntime runs next, so over time every task receives CPU in
 * proportion to its weight. A task keeps the CPU for a slice (the target
 * latency shared among the runnable tasks, at least a minimum granularity)
 * unless one with less vruntime wakes up. New and woken tasks start near
 * min_vruntime so sleepers neither starve others nor are starved.
 * [LINUX-DIFF] The queue is a sorted list, not a red-black tree: O(n) insert
 * is fine for the handful of runnable tasks a Lucid CPU has. */
#include <linux/kernel.h>
#include "sched.h"

#define SCHED_LATENCY_NS 24000000ULL
#define SCHED_MIN_GRAN_NS 3000000ULL
#define WAKEUP_GRAN_NS 1000000ULL

/* Weights for nice -20 .. 19: each step multiplies by about 1.25. */
const int sched_prio_to_weight[40] = {
	88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
	9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
	1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
	110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
};

static void insert_sorted(struct cfs_rq *cfs, struct task_struct *p)
{
	struct task_struct *t;
	list_for_each_entry(t, &cfs->tasks, se.run_node) {
		if ((s64)(p->se.vruntime - t->se.vruntime) < 0) {
			list_add_tail(&p->se.run_node, &t->se.run_node);
			return;
		}
	}
	list_add_tail(&p->se.run_node, &cfs->tasks);
}

static void update_min_vruntime(struct cfs_rq *cfs, struct task_struct *curr)
{
	u64 v = curr ? curr->se.vruntime : cfs->min_vruntime;
	if (!list_empty(&cfs->tasks)) {
		u64 first = list_first_entry(&cfs->tasks, struct task_struct, se.run_node)->se.vruntime;
		if (!curr || (s64)(first - v) < 0)
			v = first;
	}
	if ((s64)(v - cfs->min_vruntime) > 0)
		cfs->min_vruntime = v;
}

/* Charge the running task for the time since it last was charged. */
static void update_curr(struct rq *rq, struct task_struct *curr)
{
	u64 now = sched_clock();
	u64 delta = now - curr->se.exec_start;
	if ((s64)delta <= 0)
		return;
	curr->se.exec_start = now;
	curr->se.sum_exec_runtime += delta;
	curr->se.vruntime += delta * 1024 / curr->se.weight;
	update_min_vruntime(&rq->cfs, curr);
}

static void enqueue_task_fair(struct rq *rq, struct task_struct *p, bool wakeup)
{
	struct cfs_rq *cfs = &rq->cfs;
	if (wakeup) {
		/* A sleeper gets at most half a latency period of credit. */
		u64 floor = cfs->min_vruntime - SCHED_LATENCY_NS / 2;
		if ((s64)(p->se.vruntime - floor) < 0)
			p->se.vruntime = floor;
	}
	insert_sorted(cfs, p);
	cfs->nr_running++;
}

static void dequeue_task_fair(struct rq *rq, struct task_struct *p)
{
	if (rq->curr == p)
		update_curr(rq, p);
	else
		list_del_init(&p->se.run_node);
	rq->cfs.nr_running--;
}

static struct task_struct *pick_next_task_fair(struct rq *rq)
{
	struct cfs_rq *cfs = &rq->cfs;
	if (list_empty(&cfs->tasks))
		return NULL;
	struct task_struct *p = list_first_entry(&cfs->tasks, struct task_struct, se.run_node);
	list_del_init(&p->se.run_node);
	p->se.exec_start = sched_clock();
	p->se.slice_start = p->se.sum_exec_runtime;
	return p;
}

static void put_prev_task_fair(struct rq *rq, struct task_struct *prev)
{
	update_curr(rq, prev);
	if (prev->on_rq)
		insert_sorted(&rq->cfs, prev);
}

static u64 sched_slice(struct cfs_rq *cfs)
{
	u64 slice = SCHED_LATENCY_NS / (cfs->nr_running ? cfs->nr_running : 1);
	return slice < SCHED_MIN_GRAN_NS ? SCHED_MIN_GRAN_NS : slice;
}

static void task_tick_fair(struct rq *rq, struct task_struct *curr)
{
	update_curr(rq, curr);
	if (list_empty(&rq->cfs.tasks))
		return;
	u64 ran = curr->se.sum_exec_runtime - curr->se.slice_start;
	struct task_struct *first = list_first_entry(&rq->cfs.tasks, struct task_struct, se.run_node);
	if (ran >= sched_slice(&rq->cfs) || (s64)(curr->se.vruntime - first->se.vruntime) > (s64)sched_slice(&rq->cfs))
		set_tsk_need_resched(curr);
}

static void yield_task_fair(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	update_curr(rq, curr);
	/* Go behind everyone currently queued. */
	if (!list_empty(&rq->cfs.tasks)) {
		struct task_struct *last = list_last_entry(&rq->cfs.tasks, struct task_struct, se.run_node);
		if ((s64)(curr->se.vruntime - last->se.vruntime) <= 0)
			curr->se.vruntime = last->se.vruntime + 1;
	}
}

static bool check_preempt_fair(struct rq *rq, struct task_struct *p)
{
	struct task_struct *curr = rq->curr;
	if (curr->sched_class != &fair_sched_class)
		return true;
	update_curr(rq, curr);
	return (s64)(curr->se.vruntime - p->se.vruntime) > (s64)WAKEUP_GRAN_NS;
}

static void task_fork_fair(struct task_struct *p)
{
	struct rq *rq = this_rq();
	p->se.vruntime = rq->cfs.min_vruntime;
	p->se.sum_exec_runtime = 0;
}

const struct sched_class fair_sched_class = {
	.next = &idle_sched_class,
	.enqueue_task = enqueue_task_fair,
	.dequeue_task = dequeue_task_fair,
	.pick_next_task = pick_next_task_fair,
	.put_prev_task = put_prev_task_fair,
	.task_tick = task_tick_fair,
	.yield_task = yield_task_fair,
	.check_preempt_curr = check_preempt_fair,
	.task_fork = task_fork_fair,
};
