/* jiffies: the tick counter, HZ per second (kernel/time/tick.c). */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H
#include <linux/types.h>
#define HZ 100
#define TICK_NSEC (1000000000ULL / HZ)
#define USER_HZ 100	/* clock_t units of times(2) */
extern volatile unsigned long jiffies;
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
static inline unsigned long msecs_to_jiffies(unsigned long ms) { return (ms * HZ + 999) / 1000; }
static inline unsigned long jiffies_to_msecs(unsigned long j) { return j * (1000 / HZ); }
static inline unsigned long nsecs_to_jiffies(u64 ns) { return (unsigned long)((ns * HZ + 999999999ULL) / 1000000000ULL); }
#endif
