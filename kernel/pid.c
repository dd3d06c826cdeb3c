/* PID allocation (seed concept: task_struct and PIDs): a bitmap of pid_max
 * bits, handing out the next free number after the last one given, as Linux
 * does, so numbers are not reused immediately. pidmap_lock protects it. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define PID_MAX_DEFAULT 32768
int pid_max = PID_MAX_DEFAULT;
static unsigned long pidmap[PID_MAX_DEFAULT / BITS_PER_LONG];
static int last_pid;
static DEFINE_SPINLOCK(pidmap_lock);

pid_t alloc_pid(void)
{
	unsigned long flags;
	pid_t pid = -EAGAIN;
	spin_lock_irqsave(&pidmap_lock, flags);
	for (int i = 1; i < pid_max; i++) {
		int candidate = (last_pid + i) % pid_max;
		if (candidate == 0)
			continue;
		if (!test_bit(candidate, pidmap)) {
			set_bit(candidate, pidmap);
			last_pid = candidate;
			pid = candidate;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

void free_pid(pid_t pid)
{
	if (pid > 0 && pid < pid_max)
		clear_bit(pid, pidmap);
}
