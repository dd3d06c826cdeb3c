/* Time system calls (seed concept: clocks): the monotonic clock is the TSC,
 * the wall clock is the RTC reading at boot plus the monotonic time since. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1

struct __kernel_timespec {
	s64 tv_sec;
	long tv_nsec;
};

struct __kernel_timeval {
	long tv_sec;
	long tv_usec;
};

static int clock_read(int which, u64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = current->se.sum_exec_runtime;
		return 0;
	default:
		return -EINVAL;
	}
}

static int put_timespec(u64 ns, struct __kernel_timespec __user *u)
{
	struct __kernel_timespec ts = { (s64)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
	return copy_to_user(u, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_gettime(int which, struct __kernel_timespec __user *tp)
{
	u64 ns;
	int err = clock_read(which, &ns);
	return err ? err : put_timespec(ns, tp);
}

long sys_clock_getres(int which, struct __kernel_timespec __user *tp)
{
	u64 ns;
	int err = clock_read(which, &ns);
	if (err)
		return err;
	if (!tp)
		return 0;
	bool coarse = which == CLOCK_REALTIME_COARSE || which == CLOCK_MONOTONIC_COARSE;
	return put_timespec(coarse ? NSEC_PER_SEC / HZ : 1, tp);
}

long sys_gettimeofday(struct __kernel_timeval __user *tv, void __user *tz)
{
	if (tv) {
		u64 ns = ktime_get_real_ns();
		struct __kernel_timeval v = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC / 1000) };
		if (copy_to_user(tv, &v, sizeof(v)))
			return -EFAULT;
	}
	if (tz && clear_user(tz, 8))	/* struct timezone: UTC, no DST */
		return -EFAULT;
	return 0;
}

long sys_time(long __user *tloc)
{
	long t = (long)(ktime_get_real_ns() / NSEC_PER_SEC);
	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/* Setting the wall clock. Only the offset between the monotonic clock and
 * the wall clock changes (timekeeping_set_real), so CLOCK_MONOTONIC,
 * sleeps and timers on it are not disturbed; CLOCK_REALTIME, gettimeofday,
 * time() and new file timestamps all read ktime_get_real_ns and see it.
 * Linux refuses times so late that uptime could overflow ktime_t. */
#define KTIME_SEC_MAX (LONG_MAX / (s64)NSEC_PER_SEC)
#define TIME_UPTIME_SEC_MAX (30LL * 365 * 24 * 3600)
#define TIME_SETTOD_SEC_MAX (KTIME_SEC_MAX - TIME_UPTIME_SEC_MAX)

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

static bool timespec_valid_settod(const struct __kernel_timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_sec <= TIME_SETTOD_SEC_MAX &&
	       ts->tv_nsec >= 0 && ts->tv_nsec < (long)NSEC_PER_SEC;
}

/* Linux's do_sys_settimeofday64: validate, then the privilege check (made
 * even when there is nothing to set), then the timezone, then the time.
 * [LINUX-DIFF] the timezone is validated and otherwise ignored (Linux keeps
 * it in sys_tz for the FAT driver and the RTC's local-time mode). */
static long do_settimeofday(const struct __kernel_timespec *ts, const struct timezone *tz)
{
	if (ts && !timespec_valid_settod(ts))
		return -EINVAL;
	if (current->cred.euid != 0)	/* [LINUX-DIFF] CAP_SYS_TIME is euid 0 */
		return -EPERM;
	if (tz && (tz->tz_minuteswest > 15 * 60 || tz->tz_minuteswest < -15 * 60))
		return -EINVAL;
	if (ts)
		timekeeping_set_real((u64)ts->tv_sec * NSEC_PER_SEC + (u64)ts->tv_nsec);
	return 0;
}

long sys_clock_settime(int which, const struct __kernel_timespec __user *tp)
{
	/* Only the wall clock can be set; the CPU-time clocks say EPERM, every
	 * other clock (monotonic, boottime, coarse, unknown) EINVAL, as Linux. */
	if (which == CLOCK_PROCESS_CPUTIME_ID || which == CLOCK_THREAD_CPUTIME_ID)
		return -EPERM;
	if (which != CLOCK_REALTIME)
		return -EINVAL;
	struct __kernel_timespec ts;
	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	return do_settimeofday(&ts, NULL);
}

long sys_settimeofday(const struct __kernel_timeval __user *tv, const void __user *tz)
{
	struct __kernel_timespec ts;
	struct timezone z;
	if (tv) {
		struct __kernel_timeval v;
		if (copy_from_user(&v, tv, sizeof(v)))
			return -EFAULT;
		if (v.tv_sec < 0 || (unsigned long)v.tv_usec >= 1000000UL)
			return -EINVAL;
		ts.tv_sec = v.tv_sec;
		ts.tv_nsec = v.tv_usec * 1000;
	}
	if (tz && copy_from_user(&z, tz, sizeof(z)))
		return -EFAULT;
	return do_settimeofday(tv ? &ts : NULL, tz ? &z : NULL);
}

/* Sleep until the monotonic (or wall) clock reaches @deadline. Returns 0, or
 * -EINTR (with the time left in *left) when a signal arrives first. */
static long sleep_until(int which, u64 deadline, u64 *left)
{
	for (;;) {
		u64 now = 0;
		clock_read(which, &now);
		if (now >= deadline)
			return 0;
		if (signal_pending(current)) {
			*left = deadline - now;
			return -EINTR;
		}
		/* Round up to whole jiffies: never wake before the deadline. */
		schedule_timeout_interruptible((long)nsecs_to_jiffies(deadline - now) + 1);
	}
}

/* A relative sleep cut short by a signal: the time left to *rmtp, and
 * -ERESTART_RESTARTBLOCK, which becomes EINTR if a handler runs, or else
 * restart_syscall(2) sleeping on to the same deadline (a stop and
 * continue, for instance, does not end a sleep). */
static long nanosleep_interrupted(struct restart_block *rb, u64 left)
{
	if (rb->nanosleep.rmtp && put_timespec(left, rb->nanosleep.rmtp))
		return -EFAULT;
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *rb)
{
	u64 left = 0;
	long ret = sleep_until(rb->nanosleep.clockid, rb->nanosleep.expires, &left);
	return ret ? nanosleep_interrupted(rb, left) : 0;
}

static long do_nanosleep(int which, int flags, const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp)
{
	struct __kernel_timespec ts;
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	u64 now = 0, left = 0;
	int err = clock_read(which, &now);
	if (err)
		return err;
	u64 req = (u64)ts.tv_sec > (u64)LONG_MAX / NSEC_PER_SEC ? (u64)LONG_MAX
		  : (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	u64 deadline = (flags & TIMER_ABSTIME) ? req : (req > U64_MAX - now ? U64_MAX : now + req);
	if (!sleep_until(which, deadline, &left))
		return 0;
	/* An absolute sleep is simply made again: same arguments, same deadline. */
	if (flags & TIMER_ABSTIME)
		return -ERESTARTNOHAND;
	struct restart_block *rb = &current->restart_block;
	rb->fn = nanosleep_restart;
	rb->nanosleep.clockid = which;
	rb->nanosleep.expires = deadline;
	rb->nanosleep.rmtp = rmtp;
	return nanosleep_interrupted(rb, left);
}

long sys_nanosleep(const struct __kernel_timespec __user *rqtp, struct __kernel_timespec __user *rmtp)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

long sys_clock_nanosleep(int which, int flags, const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp)
{
	/* The thread CPU clock cannot be slept on (Linux: EOPNOTSUPP too). */
	if (which == CLOCK_THREAD_CPUTIME_ID)
		return -EOPNOTSUPP;
	if (which == CLOCK_PROCESS_CPUTIME_ID) {
		pr_info_once("%s[%d]: clock_nanosleep on CLOCK_PROCESS_CPUTIME_ID not supported\n",
			     current->comm, current->pid);
		return -EOPNOTSUPP;	/* [LINUX-DIFF] Linux sleeps until the process has used that much CPU */
	}
	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC && which != CLOCK_BOOTTIME)
		return -EINVAL;
	return do_nanosleep(which, flags, rqtp, rmtp);
}

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

static long ns_to_clock_t(u64 ns)
{
	return (long)(ns / (NSEC_PER_SEC / USER_HZ));
}

/* CPU times in clock ticks (USER_HZ); the result is clock ticks since boot. */
long sys_times(struct tms __user *buf)
{
	if (buf) {
		u64 ut, st;
		unsigned long flags;
		task_cputime_adjusted(current, &ut, &st);
		spin_lock_irqsave(&tasklist_lock, flags);
		struct tms t = { ns_to_clock_t(ut), ns_to_clock_t(st), ns_to_clock_t(current->cutime),
				 ns_to_clock_t(current->cstime) };
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (copy_to_user(buf, &t, sizeof(t)))
			return -EFAULT;
	}
	return (long)(jiffies * USER_HZ / HZ);
}
