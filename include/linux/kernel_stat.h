/* CPU time per CPU, by kind, for /proc/stat (Linux's kernel_cpustat), and
 * the counters /proc/stat prints beside it. Each CPU's tick charges one
 * tick to where it found that CPU: user or system mode of a task, or idle.
 * Implementation: fs/proc/stat.c. */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H
#include <linux/types.h>
#include <linux/atomic.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct task_struct;
/* From the tick of the CPU that ran curr (interrupts off): one tick of
 * user (nice when its nice > 0), system or idle time. */
void account_cpustat_tick(struct task_struct *curr, bool user);

extern atomic64_t total_forks;	/* kernel/fork.c: tasks ever created */
#endif
