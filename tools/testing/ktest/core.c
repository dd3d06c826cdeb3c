/* In-kernel tests for printk's ring buffer, SMP cross-calls, the clock, and
 * the deliberate oops used by the harness to check backtraces. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ktest.h>
#include <linux/printk_ringbuffer.h>
#include <linux/smp.h>
#include <linux/ktime.h>
#include <linux/atomic.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/reboot.h>
#include <linux/serial.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/completion.h>

KTEST(printk, records_keep_level_text_and_order)
{
	u64 seq = printk_next_seq();
	printk(KERN_NOTICE "ktest printk marker %d\n", 12345);
	pr_info("ktest second marker\n");
	struct printk_info info;
	char text[128];
	KEXPECT_EQ(t, printk_read_record(seq, &info, text, sizeof(text)), (long)seq);
	KEXPECT_EQ(t, info.level, 5);
	KEXPECT(t, !strcmp(text, "ktest printk marker 12345"));
	KEXPECT_EQ(t, printk_read_record(seq + 1, &info, text, sizeof(text)), (long)seq + 1);
	KEXPECT(t, !strcmp(text, "ktest second marker"));
	KEXPECT(t, info.level == 6);
}

KTEST(printk, ring_buffer_wraps_and_drops_oldest)
{
	u64 first = printk_next_seq();
	int saved = console_loglevel;
	console_loglevel = 0;	/* keep 3000 lines off the console */
	for (int i = 0; i < 3000; i++)
		printk(KERN_DEBUG "ktest wrap filler line %04d with some padding to fill the buffer\n", i);
	console_loglevel = saved;
	KEXPECT(t, printk_first_seq() > first);	/* the oldest were dropped */
	struct printk_info info;
	char text[128];
	u64 last = printk_next_seq() - 1;
	KEXPECT_EQ(t, printk_read_record(last, &info, text, sizeof(text)), (long)last);
	KEXPECT(t, !strcmp(text, "ktest wrap filler line 2999 with some padding to fill the buffer"));
}

static u64 log_waiter_seq;
static atomic_t log_waiter_woke;
static struct completion log_waiter_done;

static int log_waiter(void *arg)
{
	(void)arg;
	int r = printk_wait_for(READ_ONCE(log_waiter_seq));
	atomic_set(&log_waiter_woke, 1);
	complete(&log_waiter_done);
	return r;
}

/* A message stored with interrupts off cannot wake anyone at once (the
 * caller may hold the scheduler's locks); the next tick must. If it does
 * not, this test never finishes and the run times out. */
KTEST(printk, message_with_irqs_off_wakes_a_sleeping_reader)
{
	WRITE_ONCE(log_waiter_seq, printk_next_seq());
	atomic_set(&log_waiter_woke, 0);
	init_completion(&log_waiter_done);
	struct task_struct *k = kthread_create(log_waiter, NULL, "logwait");
	KASSERT(t, k);
	get_task_struct(k);
	wake_up_new_task(k);
	/* Until it sleeps on the log (or another message already woke it). */
	while (!atomic_read(&log_waiter_woke) && READ_ONCE(k->__state) != TASK_INTERRUPTIBLE)
		msleep(1);
	unsigned long flags;
	local_irq_save(flags);
	pr_debug("ktest: printk with interrupts off\n");
	local_irq_restore(flags);
	wait_for_completion(&log_waiter_done);
	KEXPECT_EQ(t, atomic_read(&log_waiter_woke), 1);
	wait_for_completion(&k->kthread_exited);
	put_task_struct(k);
}

static atomic_t cpus_seen;
static unsigned long cpu_bits;

static void mark_cpu(void *info)
{
	atomic_inc(&cpus_seen);
	set_bit(smp_processor_id(), &cpu_bits);
}

KTEST(smp, on_each_cpu_reaches_every_online_cpu)
{
	atomic_set(&cpus_seen, 0);
	cpu_bits = 0;
	on_each_cpu(mark_cpu, NULL, true);
	KEXPECT_EQ(t, atomic_read(&cpus_seen), num_online_cpus());
	KEXPECT_EQ(t, cpu_bits, cpu_online_mask);
}

KTEST(smp, call_function_single_runs_on_that_cpu)
{
	int cpu;
	for_each_online_cpu(cpu) {
		cpu_bits = 0;
		KEXPECT_EQ(t, smp_call_function_single(cpu, mark_cpu, NULL, true), 0);
		KEXPECT_EQ(t, cpu_bits, 1UL << cpu);
	}
	KEXPECT_EQ(t, smp_call_function_single(NR_CPUS - 1, mark_cpu, NULL, true), -ENXIO);
}

static u64 last_seen[NR_CPUS];
static atomic_t backwards;

static void read_clock(void *info)
{
	u64 now = ktime_get_ns();
	int cpu = smp_processor_id();
	if (now < last_seen[cpu])
		atomic_inc(&backwards);
	last_seen[cpu] = now;
}

KTEST(time, monotonic_clock_never_goes_backwards)
{
	atomic_set(&backwards, 0);
	u64 prev = ktime_get_ns();
	for (int i = 0; i < 200; i++) {
		u64 now = ktime_get_ns();
		if (now < prev)
			atomic_inc(&backwards);
		prev = now;
		on_each_cpu(read_clock, NULL, true);
	}
	KEXPECT_EQ(t, atomic_read(&backwards), 0);
	KEXPECT(t, ktime_get_real_ns() > 1600000000ULL * NSEC_PER_SEC);	/* after 2020 */
}

/* Deliberately crash (suite "fault": runs only when named). The harness
 * checks for the oops, "Call Trace" and this function's name in the log. */
static noinline void ktest_null_deref_victim(void)
{
	volatile int *p = NULL;
	*p = 1;
}

KTEST(fault, null_deref_oops)
{
	ktest_null_deref_victim();
	ktest_fail(t, __FILE__, __LINE__, "survived a NULL dereference");
}

/* Suite "power" (only when named): QEMU must exit 0 through ACPI S5, or
 * (with -no-reboot) through a reset. A failure would hang: the harness's
 * timeout catches it. */
KTEST(power, acpi_s5)
{
	pr_info("ktest: power off now\n");
	machine_power_off();
}

KTEST(power, restart)
{
	pr_info("ktest: restart now\n");
	machine_restart();
}

/* Suite "serial" (only when named): the harness types a line on the serial
 * port a few seconds after boot; it must arrive through the RX interrupt. */
KTEST(serial, rx_interrupt_receives_typed_line)
{
	char line[64];
	int len = 0;
	pr_info("ktest: waiting for a line on ttyS0\n");
	while (len < (int)sizeof(line) - 1) {
		long left = wait_event_interruptible_timeout(serial8250_rx_wait, serial8250_rx_ready(), 30 * HZ);
		if (left <= 0)
			break;
		int n = serial8250_read(line + len, 1);
		if (n == 1 && (line[len] == '\n' || line[len] == '\r'))
			break;
		len += n;
	}
	line[len] = 0;
	KEXPECT(t, !strcmp(line, "lucid-rx-test"));
	pr_info("ktest: received '%s'\n", line);
}
