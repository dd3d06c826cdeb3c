/* /proc/stat (CPU time per CPU, interrupts, context switches, boot time,
 * forks, runnable tasks) and /proc/uptime, /proc/loadavg: the figures top
 * and uptime compute their percentages and averages from. Seed concepts:
 * "the scheduler", "timer interrupt". */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/ktime.h>
#include <linux/interrupt.h>
#include <linux/kernel_stat.h>
#include <linux/seq_file.h>
#include <asm/percpu.h>
#include "internal.h"

#define USER_HZ 100

/* Ticks per CPU and kind: only that CPU's tick writes its row (interrupts
 * off), readers take racy snapshots of single words, as Linux. */
static u64 kcpustat[NR_CPUS][NR_STATS];

void account_cpustat_tick(struct task_struct *curr, bool user)
{
	int cpu = smp_processor_id();
	enum cpu_usage_stat k;
	if (curr->flags & PF_IDLE)
		k = CPUTIME_IDLE;
	else if (user)
		k = curr->static_prio > 120 ? CPUTIME_NICE : CPUTIME_USER;
	else
		k = CPUTIME_SYSTEM;
	WRITE_ONCE(kcpustat[cpu][k], kcpustat[cpu][k] + 1);
}

/* Ticks are HZ; /proc shows USER_HZ (both 100 today). */
static unsigned long long ticks_to_clock_t(u64 ticks)
{
	return ticks * USER_HZ / HZ;
}

/* The columns of a cpu line, in /proc/stat's order, which is not the
 * enum's: tools index them by position (top's idle is the 4th). */
static const enum cpu_usage_stat cpu_line_order[NR_STATS] = {
	CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE, CPUTIME_IOWAIT,
	CPUTIME_IRQ, CPUTIME_SOFTIRQ, CPUTIME_STEAL, CPUTIME_GUEST, CPUTIME_GUEST_NICE,
};

static void show_cpu_line(struct seq_file *m, const char *name, const u64 *s)
{
	seq_puts(m, name);
	for (int k = 0; k < NR_STATS; k++)
		seq_printf(m, " %llu", ticks_to_clock_t(s[cpu_line_order[k]]));
	seq_putc(m, '\n');
}

/* Processes in uninterruptible sleep (D state): user tasks only, as the
 * load average counts them (kernel threads wait for work in that state). */
static unsigned int nr_blocked(void)
{
	unsigned long flags;
	unsigned int n = 0;
	struct task_struct *t;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (t->mm && !t->exit_state && (READ_ONCE(t->__state) & TASK_UNINTERRUPTIBLE) &&
		    !(READ_ONCE(t->__state) & __TASK_STOPPED))
			n++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

int stat_proc_show(struct seq_file *m, void *v)
{
	u64 sum[NR_STATS] = { 0 };
	u64 ctxt = 0;
	unsigned int running = 0;
	int cpu;
	(void)v;
	for_each_online_cpu(cpu) {
		for (int k = 0; k < NR_STATS; k++)
			sum[k] += READ_ONCE(kcpustat[cpu][k]);
		ctxt += sched_nr_switches(cpu);
		running += sched_nr_running(cpu);
	}
	show_cpu_line(m, "cpu ", sum);
	for_each_online_cpu(cpu) {
		char name[16];
		u64 row[NR_STATS];
		for (int k = 0; k < NR_STATS; k++)
			row[k] = READ_ONCE(kcpustat[cpu][k]);
		scnprintf(name, sizeof(name), "cpu%d", cpu);
		show_cpu_line(m, name, row);
	}
	/* [LINUX-DIFF] "intr" gives the total only, without the per-IRQ
	 * columns (/proc/interrupts has them). */
	seq_printf(m, "intr %llu\n", (unsigned long long)irq_count_total());
	seq_printf(m, "ctxt %llu\n", (unsigned long long)ctxt);
	u64 boot = (ktime_get_real_ns() - ktime_get_ns()) / NSEC_PER_SEC;
	seq_printf(m, "btime %llu\n", (unsigned long long)boot);
	seq_printf(m, "processes %lld\n", (long long)atomic64_read(&total_forks));
	seq_printf(m, "procs_running %u\nprocs_blocked %u\n", running ? running : 1, nr_blocked());
	seq_printf(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

int uptime_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	u64 up = ktime_get_ns();
	u64 idle = 0;
	int cpu;
	for_each_online_cpu(cpu)
		idle += READ_ONCE(kcpustat[cpu][CPUTIME_IDLE]);
	unsigned long long idle_cs = idle * 100 / HZ;	/* centiseconds, summed over CPUs as Linux */
	seq_printf(m, "%llu.%02llu %llu.%02llu\n", up / NSEC_PER_SEC, up % NSEC_PER_SEC / 10000000,
		   idle_cs / 100, idle_cs % 100);
	return 0;
}

/* The newest task's pid: the last number handed out. */
static pid_t last_pid(void)
{
	unsigned long flags;
	struct task_struct *t;
	pid_t pid = 0;
	u64 newest = 0;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (t->pid > 0 && t->start_time >= newest) {
			newest = t->start_time;
			pid = t->pid;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pid;
}

int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned int running = 0;
	int cpu;
	(void)v;
	for_each_online_cpu(cpu)
		running += sched_nr_running(cpu);
	/* avenrun: kernel/sched/loadavg.c, FSHIFT fixed point, shown with
	 * two decimals rounded as Linux's LOAD_INT/LOAD_FRAC. */
	unsigned long l[3];
	for (int i = 0; i < 3; i++)
		l[i] = READ_ONCE(avenrun[i]) + FIXED_1 / 200;
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n",
		   l[0] >> FSHIFT, ((l[0] & (FIXED_1 - 1)) * 100) >> FSHIFT,
		   l[1] >> FSHIFT, ((l[1] & (FIXED_1 - 1)) * 100) >> FSHIFT,
		   l[2] >> FSHIFT, ((l[2] & (FIXED_1 - 1)) * 100) >> FSHIFT,
		   running ? running : 1, atomic_read(&nr_threads), last_pid());
	return 0;
}
