/* Kernel timers (seed concept: timers). Each CPU keeps its pending timers in a
 * list sorted by expiry; the tick runs the expired ones. [LINUX-DIFF] A sorted
 * list instead of Linux's timer wheel: few timers are pending at once here.
 * A per-CPU base lock (irqsave) protects each list. */
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

struct timer_base {
	spinlock_t lock;
	struct list_head pending;	/* sorted by expires */
	struct timer_list *running;	/* callback running now, for del_timer_sync */
};
static struct timer_base timer_bases[NR_CPUS];

void init_timers(void)
{
	for (int i = 0; i < NR_CPUS; i++) {
		spin_lock_init(&timer_bases[i].lock);
		INIT_LIST_HEAD(&timer_bases[i].pending);
	}
}

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&t->entry);
	t->function = fn;
	t->cpu = -1;
	t->expires = 0;
}

/* Remove @t from whatever base it is on. Returns 1 if it was pending. */
static int detach_timer(struct timer_list *t)
{
	for (;;) {
		int cpu = READ_ONCE(t->cpu);
		if (cpu < 0)
			return 0;
		struct timer_base *b = &timer_bases[cpu];
		unsigned long flags;
		spin_lock_irqsave(&b->lock, flags);
		if (t->cpu == cpu) {
			list_del_init(&t->entry);
			t->cpu = -1;
			spin_unlock_irqrestore(&b->lock, flags);
			return 1;
		}
		spin_unlock_irqrestore(&b->lock, flags);
	}
}

int mod_timer(struct timer_list *t, unsigned long expires)
{
	int was_pending = detach_timer(t);
	unsigned long flags;
	local_irq_save(flags);
	int cpu = smp_processor_id();
	struct timer_base *b = &timer_bases[cpu];
	spin_lock(&b->lock);
	t->expires = expires;
	struct timer_list *pos;
	list_for_each_entry(pos, &b->pending, entry)
		if (time_before(expires, pos->expires))
			break;
	list_add_tail(&t->entry, &pos->entry);
	t->cpu = cpu;
	spin_unlock(&b->lock);
	local_irq_restore(flags);
	return was_pending;
}

int del_timer(struct timer_list *t)
{
	return detach_timer(t);
}

int del_timer_sync(struct timer_list *t)
{
	int ret = detach_timer(t);
	/* Wait until no CPU is running its callback. */
	for (int i = 0; i < NR_CPUS; i++)
		while (READ_ONCE(timer_bases[i].running) == t)
			cpu_relax();
	return ret;
}

/* From the tick, in interrupt context. */
void run_local_timers(void)
{
	struct timer_base *b = &timer_bases[smp_processor_id()];
	spin_lock(&b->lock);
	while (!list_empty(&b->pending)) {
		struct timer_list *t = list_first_entry(&b->pending, struct timer_list, entry);
		if (time_before(jiffies, t->expires))
			break;
		list_del_init(&t->entry);
		t->cpu = -1;
		WRITE_ONCE(b->running, t);
		spin_unlock(&b->lock);
		t->function(t);
		spin_lock(&b->lock);
		WRITE_ONCE(b->running, NULL);
	}
	spin_unlock(&b->lock);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *pt = from_timer(pt, t, timer);
	wake_up_process(pt->task);
}

/* Sleep (in the state the caller set) for up to @timeout jiffies; returns the
 * jiffies left if woken early, 0 if the time ran out. */
long schedule_timeout(long timeout)
{
	struct process_timer pt;
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	unsigned long expire = jiffies + timeout;
	pt.task = current;
	timer_setup(&pt.timer, process_timeout, 0);
	mod_timer(&pt.timer, expire);
	schedule();
	del_timer_sync(&pt.timer);
	long left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	long t = (long)msecs_to_jiffies(msecs) + 1;
	while (t)
		t = schedule_timeout_uninterruptible(t);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	long t = (long)msecs_to_jiffies(msecs) + 1;
	while (t && !signal_pending(current))
		t = schedule_timeout_interruptible(t);
	return jiffies_to_msecs(t);
}
