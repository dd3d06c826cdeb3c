/* Load averages (seed concept: the scheduler's view of demand): every 5
 * seconds the number of runnable tasks plus those in uninterruptible sleep
 * is folded into three exponentially decaying averages (1, 5, 15 minutes),
 * in FSHIFT fixed point, exactly Linux's formula. sysinfo(2) reports them
 * and /proc/loadavg will. Only CPU 0's tick updates them. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/jiffies.h>
#include "sched.h"

#define LOAD_FREQ (5 * HZ + 1)
#define EXP_1 1884	/* FIXED_1 / exp(5s/1min) */
#define EXP_5 2014	/* FIXED_1 / exp(5s/5min) */
#define EXP_15 2037	/* FIXED_1 / exp(5s/15min) */

unsigned long avenrun[3];	/* written by CPU 0's tick only; readers take a snapshot */
static unsigned long calc_load_update = LOAD_FREQ;

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);
	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

void calc_global_load(void)
{
	if (time_before(jiffies, calc_load_update))
		return;
	calc_load_update = jiffies + LOAD_FREQ;
	long active = 0;
	int cpu;
	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		active += READ_ONCE(rq->nr_running) + READ_ONCE(rq->nr_uninterruptible);
	}
	unsigned long a = active > 0 ? (unsigned long)active * FIXED_1 : 0;
	WRITE_ONCE(avenrun[0], calc_load(avenrun[0], EXP_1, a));
	WRITE_ONCE(avenrun[1], calc_load(avenrun[1], EXP_5, a));
	WRITE_ONCE(avenrun[2], calc_load(avenrun[2], EXP_15, a));
}
