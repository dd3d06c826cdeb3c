/* The process-and-machine calls busybox and musl reach for, beyond misc.c:
 * getrusage and times (CPU accounting, page faults, children), scheduler
 * policy, nice values and CPU affinity, per-process resource limits
 * (prlimit64 on other processes, permissions), sysinfo, nanosleep
 * interrupted by a handler (EINTR, time left), interval timers and alarm,
 * rt_sigqueueinfo. Success paths and exact errnos; passes on Linux too.
 * No check has an upper time bound: sleeps are checked as "at least". */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include "utest.h"

static long cpu_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

static volatile unsigned long sink;

/* Run in user mode for at least @ms of CPU time. */
static void burn_ms(long ms)
{
	long start = cpu_ns();
	while (cpu_ns() - start < ms * 1000000L)
		for (int i = 0; i < 10000; i++)
			sink += i;
}

static long tv_us(struct timeval tv) { return tv.tv_sec * 1000000L + tv.tv_usec; }

static int wait_status(pid_t pid)
{
	int st = -1;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return st;
}

static void test_getrusage(void)
{
	struct rusage ru, ru2;
	burn_ms(100);
	CHECK("getrusage_self", getrusage(RUSAGE_SELF, &ru) == 0);
	CHECK("getrusage_counts_cpu_time", tv_us(ru.ru_utime) + tv_us(ru.ru_stime) >= 50000);
	CHECK("getrusage_maxrss_is_positive", ru.ru_maxrss > 0);
	char *p = mmap(NULL, 100 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (int i = 0; i < 100; i++)
		p[i * 4096] = 1;
	getrusage(RUSAGE_SELF, &ru2);
	CHECK("getrusage_counts_minor_faults", ru2.ru_minflt - ru.ru_minflt >= 100);
	munmap(p, 100 * 4096);
	CHECK("getrusage_thread", getrusage(RUSAGE_THREAD, &ru2) == 0 &&
	      tv_us(ru2.ru_utime) + tv_us(ru2.ru_stime) >= 50000);

	struct rusage before, after, child;
	getrusage(RUSAGE_CHILDREN, &before);
	pid_t pid = fork();
	if (pid == 0) {
		burn_ms(100);
		_exit(0);
	}
	int st;
	CHECK("wait4_returns_the_child", wait4(pid, &st, 0, &child) == pid);
	CHECK("wait4_rusage_has_the_childs_cpu_time", tv_us(child.ru_utime) + tv_us(child.ru_stime) >= 50000);
	getrusage(RUSAGE_CHILDREN, &after);
	CHECK("rusage_children_adds_reaped_childs_time",
	      tv_us(after.ru_utime) + tv_us(after.ru_stime) - tv_us(before.ru_utime) - tv_us(before.ru_stime) >= 50000);
	CHECK_ERRNO("getrusage_bad_who_gives_einval", syscall(SYS_getrusage, 99, &ru), EINVAL);
	CHECK_ERRNO("getrusage_bad_pointer_gives_efault", syscall(SYS_getrusage, RUSAGE_SELF, (void *)8), EFAULT);
}

static void test_times(void)
{
	struct tms t;
	long c1 = syscall(SYS_times, &t);
	CHECK("times_counts_own_cpu_time", t.tms_utime + t.tms_stime >= 5);	/* >= 100 ms burnt so far */
	CHECK("times_counts_reaped_children", t.tms_cutime + t.tms_cstime >= 5);
	struct timespec req = { 0, 100 * 1000 * 1000 };
	nanosleep(&req, NULL);
	long c2 = syscall(SYS_times, NULL);
	CHECK("times_result_advances_with_the_clock", c2 - c1 >= 9);	/* 100 ms at 100 ticks a second */
	CHECK_ERRNO("times_bad_pointer_gives_efault", syscall(SYS_times, (void *)8), EFAULT);
}

static void test_affinity(void)
{
	unsigned long m[2] = { 0, 0 }, one = 1, zero = 0, high = 1UL << 63, all = ~0UL;
	CHECK("sched_getaffinity_returns_mask_size", syscall(SYS_sched_getaffinity, 0, 8, m) == 8 && (m[0] & 1));
	CHECK("sched_getaffinity_bigger_buffer_same_size", syscall(SYS_sched_getaffinity, 0, 16, m) == 8);
	CHECK_ERRNO("sched_getaffinity_len_not_multiple_of_long_gives_einval",
		    syscall(SYS_sched_getaffinity, 0, 12, m), EINVAL);
	CHECK_ERRNO("sched_getaffinity_len_too_small_gives_einval", syscall(SYS_sched_getaffinity, 0, 0, m), EINVAL);
	CHECK_ERRNO("sched_getaffinity_no_such_pid_gives_esrch", syscall(SYS_sched_getaffinity, 999999, 8, m), ESRCH);
	CHECK_ERRNO("sched_getaffinity_bad_pointer_gives_efault",
		    syscall(SYS_sched_getaffinity, 0, 8, (void *)8), EFAULT);
	CHECK("sched_setaffinity_cpu0", syscall(SYS_sched_setaffinity, 0, 8, &one) == 0);
	unsigned cpu = 99;
	CHECK("sched_getaffinity_shows_cpu0_only", syscall(SYS_sched_getaffinity, 0, 8, m) == 8 && m[0] == 1);
	CHECK("getcpu_runs_on_cpu0", syscall(SYS_getcpu, &cpu, NULL, NULL) == 0 && cpu == 0);
	CHECK_ERRNO("sched_setaffinity_empty_gives_einval", syscall(SYS_sched_setaffinity, 0, 8, &zero), EINVAL);
	CHECK_ERRNO("sched_setaffinity_no_online_cpu_gives_einval",
		    syscall(SYS_sched_setaffinity, 0, 8, &high), EINVAL);
	CHECK("sched_setaffinity_all", syscall(SYS_sched_setaffinity, 0, 8, &all) == 0);
}

static void test_sched_policy(void)
{
	struct sched_param sp = { 99 };
	CHECK("sched_getscheduler_is_sched_other", syscall(SYS_sched_getscheduler, 0) == SCHED_OTHER);
	CHECK_ERRNO("sched_getscheduler_negative_pid_gives_einval", syscall(SYS_sched_getscheduler, -1), EINVAL);
	CHECK_ERRNO("sched_getscheduler_no_such_pid_gives_esrch", syscall(SYS_sched_getscheduler, 999999), ESRCH);
	CHECK("sched_getparam_priority_0", syscall(SYS_sched_getparam, 0, &sp) == 0 && sp.sched_priority == 0);
	CHECK_ERRNO("sched_getparam_null_gives_einval", syscall(SYS_sched_getparam, 0, NULL), EINVAL);
	CHECK_ERRNO("sched_getparam_bad_pointer_gives_efault", syscall(SYS_sched_getparam, 0, (void *)8), EFAULT);
	CHECK("priority_range_fifo_1_99", syscall(SYS_sched_get_priority_max, SCHED_FIFO) == 99 &&
	      syscall(SYS_sched_get_priority_min, SCHED_FIFO) == 1);
	CHECK("priority_range_other_0_0", syscall(SYS_sched_get_priority_max, SCHED_OTHER) == 0 &&
	      syscall(SYS_sched_get_priority_min, SCHED_OTHER) == 0);
	CHECK_ERRNO("priority_max_bad_policy_gives_einval", syscall(SYS_sched_get_priority_max, 42), EINVAL);
	CHECK_ERRNO("priority_min_bad_policy_gives_einval", syscall(SYS_sched_get_priority_min, -1), EINVAL);

	struct sched_param zero = { 0 }, five = { 5 }, ten = { 10 };
	CHECK("sched_setscheduler_batch", syscall(SYS_sched_setscheduler, 0, SCHED_BATCH, &zero) == 0 &&
	      syscall(SYS_sched_getscheduler, 0) == SCHED_BATCH);
	CHECK("sched_setparam_keeps_the_policy", syscall(SYS_sched_setparam, 0, &zero) == 0 &&
	      syscall(SYS_sched_getscheduler, 0) == SCHED_BATCH);
	CHECK_ERRNO("sched_other_with_priority_gives_einval", syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &five), EINVAL);
	CHECK_ERRNO("sched_fifo_priority_0_gives_einval", syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, &zero), EINVAL);
	CHECK_ERRNO("sched_unknown_policy_gives_einval", syscall(SYS_sched_setscheduler, 0, 42, &zero), EINVAL);
	CHECK_ERRNO("sched_negative_policy_gives_einval", syscall(SYS_sched_setscheduler, 0, -1, &zero), EINVAL);
	CHECK_ERRNO("sched_setscheduler_null_gives_einval", syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL), EINVAL);
	CHECK_ERRNO("sched_setscheduler_bad_pointer_gives_efault",
		    syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, (void *)8), EFAULT);
	CHECK_ERRNO("sched_setscheduler_no_such_pid_gives_esrch",
		    syscall(SYS_sched_setscheduler, 999999, SCHED_OTHER, &zero), ESRCH);
	struct timespec ts = { -1, -1 };
	CHECK("root_may_set_sched_fifo", syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, &ten) == 0 &&
	      syscall(SYS_sched_getscheduler, 0) == SCHED_FIFO && syscall(SYS_sched_getparam, 0, &sp) == 0 &&
	      sp.sched_priority == 10 && syscall(SYS_sched_rr_get_interval, 0, &ts) == 0 && ts.tv_sec == 0 &&
	      ts.tv_nsec == 0);
	CHECK("back_to_sched_other", syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &zero) == 0 &&
	      syscall(SYS_sched_getscheduler, 0) == SCHED_OTHER && syscall(SYS_sched_getparam, 0, &sp) == 0 &&
	      sp.sched_priority == 0);
	CHECK("sched_rr_get_interval_other", syscall(SYS_sched_rr_get_interval, 0, &ts) == 0 && ts.tv_sec >= 0 &&
	      ts.tv_nsec >= 0);
	CHECK_ERRNO("sched_rr_get_interval_no_such_pid_gives_esrch", syscall(SYS_sched_rr_get_interval, 999999, &ts), ESRCH);
}

/* As an ordinary user: exit status is a bit mask of failed checks. */
static void unprivileged(void)
{
	int bad = 0;
	setpgid(0, 0);
	if (setuid(4321) != 0)
		_exit(255);
	errno = 0;
	if (!(syscall(SYS_setpriority, PRIO_PROCESS, 0, -1) == -1 && errno == EACCES))
		bad |= 1;	/* a lower nice value needs privilege */
	if (!(syscall(SYS_setpriority, PRIO_PROCESS, 1, 0) == -1 && errno == EPERM))
		bad |= 2;	/* another user's process */
	if (syscall(SYS_setpriority, PRIO_PROCESS, 0, 7) != 0 || syscall(SYS_getpriority, PRIO_PGRP, 0) != 13 ||
	    syscall(SYS_getpriority, PRIO_USER, 0) != 13)
		bad |= 4;
	unsigned long one = 1;
	if (!(syscall(SYS_sched_setaffinity, 1, 8, &one) == -1 && errno == EPERM))
		bad |= 8;
	struct rlimit r;
	if (!(syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &r) == -1 && errno == EPERM))
		bad |= 16;	/* even reading another user's limits */
	getrlimit(RLIMIT_NOFILE, &r);
	struct rlimit raise = { r.rlim_cur, r.rlim_max + 1 };
	if (!(setrlimit(RLIMIT_NOFILE, &raise) == -1 && errno == EPERM))
		bad |= 32;	/* a higher hard limit needs privilege */
	struct rlimit lower = { 10, 20 };
	if (setrlimit(RLIMIT_NOFILE, &lower) != 0)
		bad |= 64;
	struct sched_param p1 = { 1 }, zero = { 0 };
	if (!(syscall(SYS_sched_setscheduler, 0, SCHED_FIFO, &p1) == -1 && errno == EPERM))
		bad |= 128;	/* RLIMIT_RTPRIO is 0 */
	if (!(syscall(SYS_sched_setscheduler, 1, SCHED_OTHER, &zero) == -1 && errno == EPERM))
		bad |= 256;	/* another user's process */
	if (syscall(SYS_sched_setscheduler, 0, SCHED_IDLE, &zero) != 0 ||
	    !(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &zero) == -1 && errno == EPERM))
		bad |= 512;	/* into SCHED_IDLE, but not back out */
	_exit(bad);
}

static void test_priority(void)
{
	CHECK("getpriority_raw_is_20_minus_nice", syscall(SYS_getpriority, PRIO_PROCESS, 0) == 20);
	CHECK("setpriority_nice_5", syscall(SYS_setpriority, PRIO_PROCESS, 0, 5) == 0 &&
	      syscall(SYS_getpriority, PRIO_PROCESS, getpid()) == 15);
	pid_t pid = fork();
	if (pid == 0)
		_exit(syscall(SYS_getpriority, PRIO_PROCESS, 0) == 15 ? 0 : 1);
	int st = wait_status(pid);
	CHECK("fork_inherits_nice", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK("setpriority_clamps_to_19", syscall(SYS_setpriority, PRIO_PROCESS, 0, 100) == 0 &&
	      syscall(SYS_getpriority, PRIO_PROCESS, 0) == 1);
	CHECK("root_may_lower_nice", syscall(SYS_setpriority, PRIO_PROCESS, 0, 0) == 0 &&
	      syscall(SYS_getpriority, PRIO_PROCESS, 0) == 20);
	CHECK_ERRNO("setpriority_bad_which_gives_einval", syscall(SYS_setpriority, 99, 0, 0), EINVAL);
	CHECK_ERRNO("getpriority_no_such_pid_gives_esrch", syscall(SYS_getpriority, PRIO_PROCESS, 999999), ESRCH);
	pid = fork();
	if (pid == 0)
		unprivileged();
	st = wait_status(pid);
	CHECK("unprivileged_nice_affinity_and_rlimit_rules", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		printf("  (failed mask %d)\n", WEXITSTATUS(st));
}

static void test_prlimit(void)
{
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit r = { 200, 4096 };
		setrlimit(RLIMIT_NOFILE, &r);
		kill(getppid(), SIGUSR1);
		for (;;)
			pause();
	}
	sigwaitinfo(&usr1, NULL);
	struct rlimit old, new = { 100, 1000 };
	CHECK("prlimit64_reads_another_process", syscall(SYS_prlimit64, pid, RLIMIT_NOFILE, NULL, &old) == 0 &&
	      old.rlim_cur == 200 && old.rlim_max == 4096);
	CHECK("prlimit64_sets_another_process", syscall(SYS_prlimit64, pid, RLIMIT_NOFILE, &new, &old) == 0 &&
	      old.rlim_cur == 200 && syscall(SYS_prlimit64, pid, RLIMIT_NOFILE, NULL, &old) == 0 &&
	      old.rlim_cur == 100 && old.rlim_max == 1000);
	struct rlimit mine;
	getrlimit(RLIMIT_NOFILE, &mine);
	CHECK("limits_are_per_process", mine.rlim_cur != 100);
	kill(pid, SIGKILL);
	wait_status(pid);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	CHECK_ERRNO("prlimit64_no_such_pid_gives_esrch", syscall(SYS_prlimit64, 999999, RLIMIT_NOFILE, NULL, &old), ESRCH);
	CHECK_ERRNO("prlimit64_bad_resource_gives_einval", syscall(SYS_prlimit64, 0, 99, NULL, &old), EINVAL);
	struct rlimit huge = { 1024, 2000000 };
	CHECK_ERRNO("nofile_above_nr_open_gives_eperm", setrlimit(RLIMIT_NOFILE, &huge), EPERM);
	struct rlimit core = { 4096, RLIM_INFINITY };
	setrlimit(RLIMIT_CORE, &core);
	pid = fork();
	if (pid == 0) {
		struct rlimit r;
		getrlimit(RLIMIT_CORE, &r);
		_exit(r.rlim_cur == 4096 ? 0 : 1);
	}
	int st = wait_status(pid);
	CHECK("fork_inherits_limits", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	core.rlim_cur = 0;
	setrlimit(RLIMIT_CORE, &core);
}

static volatile int *xcpu_seen;
static void on_xcpu(int sig) { xcpu_seen[0]++; }

/* RLIMIT_CPU: SIGXCPU at the soft limit (default action: it dies of it),
 * the soft limit then moving a second on; SIGKILL at the hard limit. */
static void test_rlimit_cpu(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit r = { 1, 2 };
		setrlimit(RLIMIT_CPU, &r);
		for (;;)
			sink++;
	}
	int st = wait_status(pid);
	CHECK("rlimit_cpu_soft_limit_sends_sigxcpu", WIFSIGNALED(st) && WTERMSIG(st) == SIGXCPU);

	xcpu_seen = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	xcpu_seen[0] = xcpu_seen[1] = 0;
	pid = fork();
	if (pid == 0) {
		signal(SIGXCPU, on_xcpu);
		struct rlimit r = { 1, 3 };
		setrlimit(RLIMIT_CPU, &r);
		while (!xcpu_seen[0])
			sink++;
		getrlimit(RLIMIT_CPU, &r);
		xcpu_seen[1] = (int)r.rlim_cur;
		for (;;)
			sink++;
	}
	st = wait_status(pid);
	CHECK("rlimit_cpu_handled_sigxcpu_moves_the_soft_limit", xcpu_seen[0] >= 1 && xcpu_seen[1] == 2);
	if (xcpu_seen[1] != 2)
		printf("  (SIGXCPU seen %d times, soft limit then %d)\n", xcpu_seen[0], xcpu_seen[1]);
	CHECK("rlimit_cpu_hard_limit_sends_sigkill", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	munmap((void *)xcpu_seen, 4096);
}

static void test_sysinfo(void)
{
	struct sysinfo si;
	memset(&si, 0xff, sizeof(si));
	CHECK("sysinfo_succeeds", sysinfo(&si) == 0);
	unsigned long long unit = si.mem_unit;
	CHECK("sysinfo_memory_adds_up", unit >= 1 && si.totalram * unit >= (16ULL << 20) && si.freeram <= si.totalram);
	CHECK("sysinfo_counts_processes", si.procs >= 1);
	CHECK("sysinfo_loads_are_plausible", si.loads[0] < (1000UL << 16) && si.loads[2] < (1000UL << 16));
	CHECK_ERRNO("sysinfo_bad_pointer_gives_efault", syscall(SYS_sysinfo, (void *)8), EFAULT);
}

static volatile sig_atomic_t got_sig, got_code, nr_alrm;
static void on_sig(int sig, siginfo_t *si, void *uc)
{
	got_sig = sig;
	got_code = si->si_code;
	if (sig == SIGALRM)
		nr_alrm++;
}

static void set_handler(int sig, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sig;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(sig, &sa, NULL);
}

static int set_timer_ms(int which, long value_ms, long interval_ms)
{
	struct itimerval it = { { interval_ms / 1000, interval_ms % 1000 * 1000 },
				{ value_ms / 1000, value_ms % 1000 * 1000 } };
	return (int)syscall(SYS_setitimer, which, &it, NULL);
}

static void test_interrupted_sleep(void)
{
	struct timespec req = { 5, 0 }, rem = { 0, 0 };
	for (int flags = 0; flags <= SA_RESTART; flags += SA_RESTART) {
		set_handler(SIGALRM, flags);
		got_sig = 0;
		/* Every 50 ms: should one come before the sleep starts, the
		 * next interrupts it. */
		set_timer_ms(ITIMER_REAL, 50, 50);
		long r = syscall(SYS_nanosleep, &req, &rem);
		int e = errno;
		CHECK(flags ? "nanosleep_eintr_even_with_sa_restart" : "nanosleep_interrupted_by_a_handler_gives_eintr",
		      r == -1 && e == EINTR && got_sig == SIGALRM);
		CHECK("nanosleep_reports_the_time_left", rem.tv_sec >= 0 && (rem.tv_sec > 0 || rem.tv_nsec > 0) &&
		      (rem.tv_sec < 5 || (rem.tv_sec == 5 && rem.tv_nsec == 0)));
	}
	struct timespec abs;
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_sec += 5;
	CHECK_ERRNO("abstime_sleep_interrupted_by_a_handler_gives_eintr",
		    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL), EINTR);
	CHECK_ERRNO("interrupted_sleep_bad_rmtp_gives_efault", syscall(SYS_nanosleep, &req, (void *)8), EFAULT);
	set_timer_ms(ITIMER_REAL, 0, 0);
	struct timespec short_req = { 0, 10 * 1000 * 1000 };
	CHECK("clock_nanosleep_boottime", syscall(SYS_clock_nanosleep, CLOCK_BOOTTIME, 0, &short_req, NULL) == 0);
	CHECK("clock_nanosleep_realtime", syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &short_req, NULL) == 0);
	CHECK_ERRNO("clock_nanosleep_thread_cputime_gives_eopnotsupp",
		    syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &short_req, NULL), EOPNOTSUPP);
	CHECK_ERRNO("clock_nanosleep_bad_clock_gives_einval",
		    syscall(SYS_clock_nanosleep, 99, 0, &short_req, NULL), EINVAL);
	signal(SIGALRM, SIG_DFL);
}

static void test_itimers(void)
{
	struct itimerval it, old;
	memset(&it, 0xff, sizeof(it));
	CHECK("getitimer_unarmed_is_zero", syscall(SYS_getitimer, ITIMER_REAL, &it) == 0 &&
	      !it.it_value.tv_sec && !it.it_value.tv_usec && !it.it_interval.tv_sec && !it.it_interval.tv_usec);
	set_timer_ms(ITIMER_REAL, 10000, 2000);
	syscall(SYS_getitimer, ITIMER_REAL, &it);
	CHECK("getitimer_real_value_and_interval", (it.it_value.tv_sec > 0 || it.it_value.tv_usec > 0) &&
	      it.it_value.tv_sec < 10 + (it.it_value.tv_usec == 0) && it.it_interval.tv_sec == 2 &&
	      it.it_interval.tv_usec == 0);
	pid_t pid = fork();
	if (pid == 0) {
		syscall(SYS_getitimer, ITIMER_REAL, &it);
		_exit(it.it_value.tv_sec || it.it_value.tv_usec ? 1 : 0);
	}
	int st = wait_status(pid);
	CHECK("fork_child_has_no_itimer", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	CHECK("setitimer_returns_the_old_timer", syscall(SYS_setitimer, ITIMER_REAL, &off, &old) == 0 &&
	      old.it_interval.tv_sec == 2 && (old.it_value.tv_sec > 0 || old.it_value.tv_usec > 0));
	CHECK("alarm_with_nothing_pending_returns_0", alarm(5) == 0);
	unsigned left = alarm(0);
	CHECK("alarm_returns_the_seconds_left", left == 5 || left == 4);

	/* SIGALRM blocked except inside sigsuspend: none is missed. */
	sigset_t alrm, none;
	sigemptyset(&alrm);
	sigemptyset(&none);
	sigaddset(&alrm, SIGALRM);
	sigprocmask(SIG_BLOCK, &alrm, NULL);
	set_handler(SIGALRM, 0);
	got_sig = got_code = nr_alrm = 0;
	set_timer_ms(ITIMER_REAL, 20, 0);
	while (!nr_alrm)
		sigsuspend(&none);
	CHECK("itimer_real_sends_sigalrm_si_kernel", got_sig == SIGALRM && got_code == SI_KERNEL);
	nr_alrm = 0;
	set_timer_ms(ITIMER_REAL, 10, 10);
	while (nr_alrm < 3)
		sigsuspend(&none);
	set_timer_ms(ITIMER_REAL, 0, 0);
	CHECK("itimer_real_interval_repeats", nr_alrm >= 3);
	sigprocmask(SIG_UNBLOCK, &alrm, NULL);
	signal(SIGALRM, SIG_DFL);

	static const struct { int which, sig; const char *name; } cpu[] = {
		{ ITIMER_VIRTUAL, SIGVTALRM, "itimer_virtual_sends_sigvtalrm_after_user_time" },
		{ ITIMER_PROF, SIGPROF, "itimer_prof_sends_sigprof_after_cpu_time" },
	};
	for (int i = 0; i < 2; i++) {
		set_handler(cpu[i].sig, 0);
		got_sig = 0;
		set_timer_ms(cpu[i].which, 30, 0);
		long start = cpu_ns();
		while (got_sig != cpu[i].sig && cpu_ns() - start < 5000000000L)	/* give up after 5 s of CPU */
			for (int j = 0; j < 10000; j++)
				sink += j;
		CHECK(cpu[i].name, got_sig == cpu[i].sig);
		set_timer_ms(ITIMER_VIRTUAL, 1000, 250);
		syscall(SYS_getitimer, ITIMER_VIRTUAL, &it);
		CHECK("getitimer_virtual_keeps_interval", it.it_interval.tv_usec == 250000 && it.it_value.tv_sec <= 1);
		set_timer_ms(ITIMER_VIRTUAL, 0, 0);
		signal(cpu[i].sig, SIG_DFL);
	}

	CHECK_ERRNO("setitimer_bad_which_gives_einval", syscall(SYS_setitimer, 3, &off, NULL), EINVAL);
	CHECK_ERRNO("getitimer_bad_which_gives_einval", syscall(SYS_getitimer, 5, &it), EINVAL);
	struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
	CHECK_ERRNO("setitimer_usec_out_of_range_gives_einval", syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL), EINVAL);
	bad.it_value.tv_usec = 0;
	bad.it_value.tv_sec = -1;
	CHECK_ERRNO("setitimer_negative_gives_einval", syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL), EINVAL);
	CHECK_ERRNO("getitimer_bad_pointer_gives_efault", syscall(SYS_getitimer, ITIMER_REAL, (void *)8), EFAULT);
	CHECK_ERRNO("setitimer_bad_pointer_gives_efault", syscall(SYS_setitimer, ITIMER_REAL, (void *)8, NULL), EFAULT);
}

static void test_sigqueueinfo(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	siginfo_t si, got;
	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = 42;
	CHECK("rt_sigqueueinfo_to_self", syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si) == 0);
	memset(&got, 0, sizeof(got));
	CHECK("sigwaitinfo_sees_code_and_value", sigwaitinfo(&set, &got) == SIGUSR1 && got.si_code == SI_QUEUE &&
	      got.si_value.sival_int == 42 && got.si_pid == getpid());
	union sigval v = { .sival_int = 7 };
	memset(&got, 0, sizeof(got));
	CHECK("sigqueue_carries_a_value", sigqueue(getpid(), SIGUSR1, v) == 0 && sigwaitinfo(&set, &got) == SIGUSR1 &&
	      got.si_value.sival_int == 7 && got.si_code == SI_QUEUE);
	pid_t pid = fork();
	if (pid == 0)
		for (;;)
			pause();
	si.si_code = SI_USER;
	CHECK_ERRNO("rt_sigqueueinfo_si_user_to_another_gives_eperm",
		    syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si), EPERM);
	si.si_code = SI_QUEUE;
	CHECK_ERRNO("rt_sigqueueinfo_no_such_pid_gives_esrch", syscall(SYS_rt_sigqueueinfo, 999999, SIGUSR1, &si), ESRCH);
	CHECK_ERRNO("rt_sigqueueinfo_bad_pointer_gives_efault",
		    syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, (void *)8), EFAULT);
	kill(pid, SIGKILL);
	wait_status(pid);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	CHECK("set_tid_address_returns_the_tid", syscall(SYS_set_tid_address, NULL) == syscall(SYS_gettid));
}

/* Real-time signals queue: every instance arrives, in order, with its own
 * value; lower numbers first; standard signals collapse into one. */
static void test_rt_queue(void)
{
	sigset_t set;
	siginfo_t si;
	struct timespec zero = { 0, 0 };
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGRTMIN + 1);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 1; i <= 3; i++)
		sigqueue(getpid(), SIGRTMIN + 1, (union sigval){ .sival_int = i });
	sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 9 });
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	int order[6], vals[6], n = 0;
	while (n < 6 && sigtimedwait(&set, &si, &zero) > 0) {
		order[n] = si.si_signo;
		vals[n++] = si.si_value.sival_int;
	}
	CHECK("standard_signal_sent_twice_is_pending_once", n == 5 && order[0] == SIGUSR1);
	CHECK("lower_realtime_signal_first", n == 5 && order[1] == SIGRTMIN && vals[1] == 9);
	CHECK("realtime_instances_all_queued_in_order", n == 5 && order[2] == SIGRTMIN + 1 && vals[2] == 1 &&
	      order[3] == SIGRTMIN + 1 && vals[3] == 2 && order[4] == SIGRTMIN + 1 && vals[4] == 3);
	CHECK_ERRNO("queue_empty_afterwards", sigtimedwait(&set, &si, &zero), EAGAIN);
	sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 1 });
	sigqueue(getpid(), SIGRTMIN, (union sigval){ .sival_int = 2 });
	signal(SIGRTMIN, SIG_IGN);	/* discards every queued instance */
	signal(SIGRTMIN, SIG_DFL);
	CHECK_ERRNO("sig_ign_discards_queued_instances", sigtimedwait(&set, &si, &zero), EAGAIN);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static volatile int *pr_shared;
static void on_pdeath(int sig) { pr_shared[0] = sig; }

static void test_prctl(void)
{
	char name[16] = { 0 };
	CHECK("pr_set_name", prctl(PR_SET_NAME, "a-long-name-for-comm-field") == 0);
	CHECK("pr_get_name_truncates_to_15", prctl(PR_GET_NAME, name) == 0 && !strcmp(name, "a-long-name-for"));
	char comm[32] = { 0 };
	int fd = open("/proc/self/comm", O_RDONLY);
	if (fd < 0) {	/* Linux does not mount /proc for a bare /init */
		mkdir("/proc", 0555);
		mount("proc", "/proc", "proc", 0, NULL);
		fd = open("/proc/self/comm", O_RDONLY);
	}
	if (fd >= 0) {
		read(fd, comm, sizeof(comm) - 1);
		close(fd);
	}
	CHECK("proc_self_comm_shows_the_name", !strcmp(comm, "a-long-name-for\n"));
	prctl(PR_SET_NAME, "init");
	CHECK_ERRNO("pr_get_name_bad_pointer_gives_efault", syscall(SYS_prctl, PR_GET_NAME, (void *)8, 0, 0, 0), EFAULT);
	CHECK_ERRNO("prctl_unknown_option_gives_einval", syscall(SYS_prctl, 9999, 0, 0, 0, 0), EINVAL);
	CHECK("pr_get_dumpable_is_1", prctl(PR_GET_DUMPABLE) == 1);
	CHECK_ERRNO("pr_set_dumpable_2_gives_einval", prctl(PR_SET_DUMPABLE, 2), EINVAL);
	CHECK_ERRNO("pr_set_pdeathsig_bad_signal_gives_einval", prctl(PR_SET_PDEATHSIG, 65), EINVAL);
	CHECK_ERRNO("pr_set_no_new_privs_needs_1", prctl(PR_SET_NO_NEW_PRIVS, 2, 0, 0, 0), EINVAL);

	/* Not dumpable: no core bit even with RLIMIT_CORE. */
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };
		setrlimit(RLIMIT_CORE, &r);
		prctl(PR_SET_DUMPABLE, 0);
		if (prctl(PR_GET_DUMPABLE) != 0)
			_exit(1);
		raise(SIGQUIT);
		_exit(2);
	}
	int st = wait_status(pid);
	CHECK("not_dumpable_means_no_core_bit", WIFSIGNALED(st) && WTERMSIG(st) == SIGQUIT && !WCOREDUMP(st));

	pr_shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pr_shared[0] = pr_shared[1] = pr_shared[2] = 0;
	/* A: a subreaper. B, its child, forks C and exits: C gets its
	 * PDEATHSIG and A as its new parent, which can wait for it. */
	pid = fork();
	if (pid == 0) {
		prctl(PR_SET_CHILD_SUBREAPER, 1);
		int sr = 0;
		prctl(PR_GET_CHILD_SUBREAPER, &sr);
		pid_t b = fork();
		if (b == 0) {
			pid_t c = fork();
			if (c == 0) {
				signal(SIGUSR1, on_pdeath);
				prctl(PR_SET_PDEATHSIG, SIGUSR1);
				int pd = 0;
				prctl(PR_GET_PDEATHSIG, &pd);
				pr_shared[2] = pd;
				kill(getppid(), SIGUSR2);	/* ready: B may exit */
				struct timespec tick = { 0, 10 * 1000 * 1000 };
				for (int i = 0; i < 3000 && !pr_shared[0]; i++)
					nanosleep(&tick, NULL);
				pr_shared[1] = getppid();
				_exit(0);
			}
			sigset_t u2;
			sigemptyset(&u2);
			sigaddset(&u2, SIGUSR2);
			sigwaitinfo(&u2, NULL);
			_exit(0);
		}
		sigset_t u2;
		sigemptyset(&u2);
		sigaddset(&u2, SIGUSR2);
		(void)u2;
		wait_status(b);
		/* C is now ours: wait for it. */
		pid_t r;
		int cst;
		while ((r = waitpid(-1, &cst, 0)) < 0 && errno == EINTR)
			;
		_exit(sr == 1 && r > 0 && pr_shared[1] == getpid() ? 0 : 1);
	}
	st = wait_status(pid);
	CHECK("pdeathsig_arrives_when_the_parent_exits", pr_shared[0] == SIGUSR1 && pr_shared[2] == SIGUSR1);
	CHECK("child_subreaper_adopts_orphaned_descendants", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	munmap((void *)pr_shared, 4096);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_getrusage();
	test_times();
	test_affinity();
	test_sched_policy();
	test_priority();
	test_prlimit();
	test_rlimit_cpu();
	test_sysinfo();
	test_interrupted_sleep();
	test_itimers();
	test_sigqueueinfo();
	test_rt_queue();
	test_prctl();
	printf("sys_misc: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
