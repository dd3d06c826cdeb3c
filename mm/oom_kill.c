/* The out-of-memory killer (seed concept: memory pressure, OOM).
 *
 * A user page fault that finds no free page cannot be satisfied by waiting:
 * Lucid has no swap and no page cache to reclaim. As Linux does, some
 * process must give its memory back: the one holding the most resident
 * pages, never init and never a kernel thread, gets SIGKILL, and the log
 * names it ("Out of memory: Killed process ..."). If that was not the
 * faulting task, it sleeps a tick, so that the victim can run and exit, and
 * takes the fault again. While a victim still holds its memory, nobody else
 * is killed.
 * [LINUX-DIFF] no oom_score_adj, no oom_reaper, no per-cgroup OOM. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/mm_struct.h>
#include <linux/oom.h>

static pid_t oom_victim;	/* [tasklist_lock] the last task killed, 0: none */

/* Resident pages of @t's memory; 0 for a task without one. */
static unsigned long task_rss(struct task_struct *t)
{
	unsigned long flags, rss;
	spin_lock_irqsave(&t->pi_lock, flags);	/* t->mm stays while we read it */
	rss = t->mm ? (unsigned long)atomic64_read(&t->mm->rss) : 0;
	spin_unlock_irqrestore(&t->pi_lock, flags);
	return rss;
}

/* Send @t SIGKILL and say so; tasklist_lock held. */
static void oom_kill_process(struct task_struct *t, unsigned long rss, const char *why)
{
	struct sigpending_info info = { .code = SI_KERNEL };
	send_signal(t, SIGKILL, &info);
	pr_err("Out of memory: Killed process %d (%s) anon-rss:%lukB, UID:%u%s\n", t->pid, t->comm,
	       rss << (PAGE_SHIFT - 10), t->cred.uid, why);
}

/* The victim has not exited after a second of retries: it may be waiting,
 * unkillably, for the faulting task itself (a vfork parent waits for its
 * child). The faulting task goes instead. */
void oom_kill_current(void)
{
	unsigned long flags;
	spin_lock_irqsave(&tasklist_lock, flags);
	oom_kill_process(current, task_rss(current), " (its victim did not exit)");
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

int pagefault_out_of_memory(void)
{
	struct task_struct *t, *victim = NULL;
	unsigned long flags, best = 0;
	bool waiting = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (t->pid <= 1 || (t->flags & PF_KTHREAD) || t->exit_state)
			continue;
		unsigned long rss = task_rss(t);
		if (!rss)
			continue;
		if (t->pid == oom_victim) {
			waiting = true;		/* killed already, still exiting */
			victim = t;
			break;
		}
		if (rss > best) {
			best = rss;
			victim = t;
		}
	}
	if (victim && !waiting) {
		oom_victim = victim->pid;
		oom_kill_process(victim, best, "");
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!victim) {
		pr_err("Out of memory and no killable process\n");
		return OOM_NOTHING_TO_KILL;
	}
	if (victim == current)
		return OOM_KILLED_CURRENT;
	schedule_timeout_interruptible(1);	/* let the victim run and exit */
	return OOM_RETRY;
}
