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
	if (which == CLOCK_PROCESS_CPUTIME_ID || which == CLOCK_THREAD_CPUTIME_ID)
		return -EOPNOTSUPP;
	u64 req = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	u64 deadline = (flags & TIMER_ABSTIME) ? req : now + req;
	long ret = sleep_until(which, deadline, &left);
	if (ret == -EINTR && rmtp && !(flags & TIMER_ABSTIME) && put_timespec(left, rmtp))
		return -EFAULT;
	return ret;
}

long sys_nanosleep(const struct __kernel_timespec __user *rqtp, struct __kernel_timespec __user *rmtp)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

long sys_clock_nanosleep(int which, int flags, const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp)
{
	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC && which != CLOCK_BOOTTIME &&
	    which != CLOCK_PROCESS_CPUTIME_ID && which != CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	return do_nanosleep(which, flags, rqtp, rmtp);
}

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

long sys_times(struct tms __user *buf)
{
	if (buf) {
		struct tms t = { (long)nsecs_to_jiffies(current->se.sum_exec_runtime), 0, 0, 0 };
		if (copy_to_user(buf, &t, sizeof(t)))
			return -EFAULT;
	}
	return (long)jiffies;
}
