/* Interval timers (setitimer, getitimer, alarm) and the tick's CPU-time
 * accounting (seed concepts: timers, accounting, signals).
 *
 * ITIMER_REAL counts wall time: a kernel timer that sends SIGALRM and,
 * with an interval, re-arms itself. ITIMER_VIRTUAL counts the process's
 * user time and ITIMER_PROF its user and system time; both count down in
 * the tick of the CPU the process runs on (SIGVTALRM, SIGPROF). The tick
 * also samples whether it found the task in user or kernel mode: that ratio
 * splits the exact run time into utime and stime (getrusage, times).
 *
 * itimer_lock (irqsave; the timer callback and the tick take it) guards
 * it_real_expires, it_real_incr and it[]. Lock order: itimer_lock, then a
 * timer base lock; signals are sent after it is dropped. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2
#define USEC_PER_SEC 1000000L
#define NSEC_PER_USEC 1000ULL

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};
struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval, it_value;
};

static DEFINE_SPINLOCK(itimer_lock);

static bool timer_is_pending(const struct timer_list *t)
{
	return READ_ONCE(t->cpu) >= 0;
}

/* itimer_lock held: fire @p's real timer @delta ns from now, never early
 * (whole jiffies, rounded up, plus the one already under way). */
static void arm_real(struct task_struct *p, u64 delta)
{
	u64 max = (u64)(LONG_MAX / 4) / HZ * NSEC_PER_SEC;
	if (delta > max)
		delta = max;
	mod_timer(&p->real_timer, jiffies + nsecs_to_jiffies(delta) + 1);
}

static void send_timer_signal(struct task_struct *p, int sig)
{
	struct sigpending_info info = { .code = SI_KERNEL };
	send_signal(p, sig, &info);
}

/* Interrupt context (the timer's CPU). */
static void it_real_fn(struct timer_list *t)
{
	struct task_struct *p = from_timer(p, t, real_timer);
	unsigned long flags;
	bool fire = false;

	spin_lock_irqsave(&itimer_lock, flags);
	/* Re-armed by setitimer meanwhile (pending again), or switched off. */
	if (p->it_real_expires && !timer_is_pending(t)) {
		u64 now = ktime_get_ns();
		if (now < p->it_real_expires) {
			arm_real(p, p->it_real_expires - now);	/* the tick came early */
		} else {
			fire = true;
			if (p->it_real_incr) {
				/* Missed periods are skipped, not queued (one SIGALRM
				 * can be pending at a time anyway). */
				u64 next = p->it_real_expires + p->it_real_incr;
				if (next <= now)
					next = now + p->it_real_incr;
				p->it_real_expires = next;
				arm_real(p, next - now);
			} else {
				p->it_real_expires = 0;
			}
		}
	}
	spin_unlock_irqrestore(&itimer_lock, flags);
	if (fire)
		send_timer_signal(p, SIGALRM);
}

/* Every task (alloc_task_struct): the timer is idle until setitimer. */
void itimer_init_task(struct task_struct *p)
{
	timer_setup(&p->real_timer, it_real_fn, 0);
}

/* do_exit: no timer may fire at a task that is gone. */
void itimers_exit(struct task_struct *t)
{
	unsigned long flags;
	spin_lock_irqsave(&itimer_lock, flags);
	t->it_real_expires = 0;
	t->it[0].expires = t->it[1].expires = 0;
	spin_unlock_irqrestore(&itimer_lock, flags);
	del_timer_sync(&t->real_timer);
}

/* itimer_lock held: one tick of CPU time against a VIRTUAL/PROF timer. */
static bool cpu_itimer_tick(struct cpu_itimer *it)
{
	if (!it->expires)
		return false;
	if (it->expires > TICK_NSEC) {
		it->expires -= TICK_NSEC;
		return false;
	}
	it->expires = it->incr;	/* reload, or off */
	return true;
}

/* RLIMIT_CPU, from the tick: past the hard limit SIGKILL; past the soft
 * one SIGXCPU, and (as Linux) the soft limit moves a second on, so the
 * signal comes again every CPU second until the hard limit. */
static void check_rlimit_cpu(struct task_struct *p)
{
	u64 secs = READ_ONCE(p->se.sum_exec_runtime) / NSEC_PER_SEC;
	int sig = 0;
	rlimit_cpu_tick(p, secs, &sig);
	if (sig) {
		struct sigpending_info info = { .code = SI_KERNEL };
		send_signal(p, sig, &info);
	}
}

/* From every CPU's tick, for the task it interrupted. */
void account_process_tick(struct task_struct *p, bool user)
{
	if (p->flags & PF_IDLE)
		return;
	if (user)
		p->utime += TICK_NSEC;
	else
		p->stime += TICK_NSEC;
	if (!p->mm)
		return;
	if (READ_ONCE(p->rlim[RLIMIT_CPU].rlim_cur) != RLIM_INFINITY)
		check_rlimit_cpu(p);
	if (!(READ_ONCE(p->it[0].expires) | READ_ONCE(p->it[1].expires)))
		return;
	bool virt = false, prof;
	spin_lock(&itimer_lock);	/* interrupts are off in the tick */
	if (user)
		virt = cpu_itimer_tick(&p->it[0]);
	prof = cpu_itimer_tick(&p->it[1]);
	spin_unlock(&itimer_lock);
	if (virt)
		send_timer_signal(p, SIGVTALRM);
	if (prof)
		send_timer_signal(p, SIGPROF);
}

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = (long)(ns / NSEC_PER_SEC);
	tv->tv_usec = (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC);
}

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	u64 max = (u64)LONG_MAX / NSEC_PER_SEC;
	if ((u64)tv->tv_sec >= max)
		return (u64)LONG_MAX;
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

/* itimer_lock held. */
static void get_itimer(int which, struct __kernel_old_itimerval *v)
{
	struct task_struct *p = current;
	if (which == ITIMER_REAL) {
		u64 left = 0;
		if (p->it_real_expires) {
			u64 now = ktime_get_ns();
			/* Due but not yet fired: Linux says 1 us. */
			left = p->it_real_expires > now ? p->it_real_expires - now : NSEC_PER_USEC;
		}
		ns_to_timeval(left, &v->it_value);
		ns_to_timeval(p->it_real_incr, &v->it_interval);
	} else {
		struct cpu_itimer *it = &p->it[which - 1];
		ns_to_timeval(it->expires, &v->it_value);
		ns_to_timeval(it->incr, &v->it_interval);
	}
}

static long do_setitimer(int which, const struct __kernel_old_itimerval *new,
			 struct __kernel_old_itimerval *old)
{
	struct task_struct *p = current;
	unsigned long flags;
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	u64 value = timeval_to_ns(&new->it_value), incr = timeval_to_ns(&new->it_interval);
	spin_lock_irqsave(&itimer_lock, flags);
	if (old)
		get_itimer(which, old);
	if (which == ITIMER_REAL) {
		del_timer(&p->real_timer);
		p->it_real_incr = value ? incr : 0;
		p->it_real_expires = value ? ktime_get_ns() + value : 0;
		if (value)
			arm_real(p, value);
	} else {
		/* As Linux: one tick more, so a timer never fires early. */
		p->it[which - 1].expires = value ? value + TICK_NSEC : 0;
		p->it[which - 1].incr = incr;
	}
	spin_unlock_irqrestore(&itimer_lock, flags);
	return 0;
}

long sys_getitimer(int which, struct __kernel_old_itimerval __user *value)
{
	struct __kernel_old_itimerval v;
	unsigned long flags;
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	spin_lock_irqsave(&itimer_lock, flags);
	get_itimer(which, &v);
	spin_unlock_irqrestore(&itimer_lock, flags);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < USEC_PER_SEC;
}

long sys_setitimer(int which, const struct __kernel_old_itimerval __user *value,
		   struct __kernel_old_itimerval __user *ovalue)
{
	struct __kernel_old_itimerval new, old;
	memset(&new, 0, sizeof(new));
	/* NULL: switch it off (a misfeature Linux keeps, with a warning). */
	if (value) {
		if (copy_from_user(&new, value, sizeof(new)))
			return -EFAULT;
		if (!timeval_valid(&new.it_value) || !timeval_valid(&new.it_interval))
			return -EINVAL;
	}
	long err = do_setitimer(which, &new, ovalue ? &old : NULL);
	if (!err && ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

/* The seconds left on the previous alarm, rounded to nearest (at least 1
 * if any time was left). */
long sys_alarm(unsigned int seconds)
{
	struct __kernel_old_itimerval new = { .it_value = { (long)seconds, 0 } }, old;
	do_setitimer(ITIMER_REAL, &new, &old);
	long s = old.it_value.tv_sec;
	if ((!s && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
		s++;
	return s;
}
