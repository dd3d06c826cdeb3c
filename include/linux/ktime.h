/* Clocks (kernel/time/timekeeping.c): monotonic ns from the TSC, wall time
 * from the RTC at boot plus the monotonic clock since. */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H
#include <linux/types.h>
#include <linux/jiffies.h>
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_MSEC 1000000ULL
#define NSEC_PER_USEC 1000ULL
struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};
u64 ktime_get_ns(void);		/* monotonic since boot */
u64 ktime_get_real_ns(void);	/* wall clock, ns since the epoch */
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);
void timekeeping_set_real(u64 real_ns);
#endif
