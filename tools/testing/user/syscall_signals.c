/* Signals as a program sees them (seed concept: signals): handlers run
 * and return to the interrupted code with its registers and FPU state
 * intact, masks hold signals back, dispositions (ignore, default, reset)
 * apply, SIGSEGV handlers see the fault address, SIGCHLD reports a child's
 * exit, and bad arguments get EINVAL/ESRCH/EFAULT. Passes on Linux too. */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <sched.h>
#include <time.h>
#include "utest.h"

static volatile sig_atomic_t got_sig, got_code, got_pid, got_status;
static void *volatile got_addr;

static void on_signal(int sig) { got_sig = sig; }

static void on_siginfo(int sig, siginfo_t *si, void *uc)
{
	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_status = si->si_status;
	(void)uc;
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	_exit(si->si_addr == (void *)0x10 ? 42 : 43);
}

static int set_handler(int sig, void *fn, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	if (flags & SA_SIGINFO)
		sa.sa_sigaction = fn;
	else
		sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

static int wait_status(pid_t pid)
{
	int st = -1;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return st;
}

/* Run @fn in a child; its wait status. */
static int in_child(void (*fn)(void))
{
	pid_t pid = fork();
	if (pid == 0) {
		fn();
		_exit(0);
	}
	return pid < 0 ? -1 : wait_status(pid);
}

static void test_handlers(void)
{
	got_sig = 0;
	CHECK("sigaction_installs_handler", set_handler(SIGUSR1, on_signal, 0) == 0);
	CHECK("kill_self_runs_handler_before_kill_returns", kill(getpid(), SIGUSR1) == 0 && got_sig == SIGUSR1);

	got_sig = got_code = got_pid = 0;
	set_handler(SIGUSR2, on_siginfo, SA_SIGINFO);
	kill(getpid(), SIGUSR2);
	CHECK("siginfo_has_signo_code_and_sender", got_sig == SIGUSR2 && got_code == SI_USER && got_pid == getpid());

	sigset_t set, old, pend;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	got_sig = 0;
	CHECK("sigprocmask_blocks", sigprocmask(SIG_BLOCK, &set, &old) == 0);
	kill(getpid(), SIGUSR1);
	CHECK("blocked_signal_is_not_delivered", got_sig == 0);
	CHECK("blocked_signal_is_pending", sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1));
	sigprocmask(SIG_SETMASK, &old, NULL);
	CHECK("unblocking_delivers_it", got_sig == SIGUSR1);

	signal(SIGUSR1, SIG_IGN);
	CHECK("ignored_signal_does_nothing", kill(getpid(), SIGUSR1) == 0);
	signal(SIGUSR1, SIG_DFL);
}

static void handler_clobbers_registers(int sig)
{
	got_sig = sig;
	__asm__ volatile("xorps %%xmm6, %%xmm6\n\t" "movq $0, %%r12" ::: "xmm6", "r12");
}

/* xmm6 and r12 hold patterns across a kill() whose handler zeroes them. */
static int state_survives_handler(void)
{
	static const uint64_t pat[2] __attribute__((aligned(16))) = { 0x0123456789abcdefULL, 0xfedcba9876543210ULL };
	uint64_t xmm[2] __attribute__((aligned(16)));
	uint64_t r12;
	long nr = SYS_kill;
	set_handler(SIGUSR2, handler_clobbers_registers, 0);
	__asm__ volatile("movdqa (%[p]), %%xmm6\n\t"
			 "movq $0x5a5a5a5a5a5a5a5a, %%r12\n\t"
			 "syscall\n\t"
			 "movdqa %%xmm6, (%[x])\n\t"
			 "movq %%r12, %[r]\n\t"
			 : "+a"(nr), [r] "=m"(r12)
			 : [p] "r"(pat), [x] "r"(xmm), "D"((long)getpid()), "S"((long)SIGUSR2)
			 : "rcx", "r11", "r12", "xmm6", "memory");
	return got_sig == SIGUSR2 && nr == 0 && r12 == 0x5a5a5a5a5a5a5a5aULL && !memcmp(xmm, pat, sizeof(xmm));
}

static void child_dies_of_default_sigusr1(void) { kill(getpid(), SIGUSR1); }

static void child_segv_with_handler(void)
{
	static int *volatile bad = (int *)0x10;
	set_handler(SIGSEGV, on_segv, SA_SIGINFO);
	*bad = 1;
}

static void child_resethand(void)
{
	set_handler(SIGUSR1, on_signal, SA_RESETHAND);
	kill(getpid(), SIGUSR1);	/* handled, and the action resets */
	if (got_sig != SIGUSR1)
		_exit(1);
	kill(getpid(), SIGUSR1);	/* default: dies */
	_exit(2);
}

static void test_dispositions(void)
{
	got_sig = 0;
	CHECK("registers_and_fpu_survive_a_handler", state_survives_handler());
	int st = in_child(child_dies_of_default_sigusr1);
	CHECK("default_sigusr1_terminates", WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1);
	st = in_child(child_segv_with_handler);
	CHECK("sigsegv_handler_sees_fault_address", WIFEXITED(st) && WEXITSTATUS(st) == 42);
	st = in_child(child_resethand);
	CHECK("sa_resethand_runs_handler_once", WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1);

	got_sig = got_pid = got_status = 0;
	set_handler(SIGCHLD, on_siginfo, SA_SIGINFO);
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	st = wait_status(pid);
	CHECK("sigchld_handler_sees_child_exit", got_sig == SIGCHLD && got_pid == pid && got_status == 7 &&
	      WIFEXITED(st) && WEXITSTATUS(st) == 7);
	signal(SIGCHLD, SIG_DFL);
}

/* The way busybox ash waits for children: SIGCHLD blocked, then
 * sigsuspend with it unblocked; the handler runs, sigsuspend returns EINTR,
 * and the old mask (SIGCHLD blocked) is back. */
static void test_sigsuspend(void)
{
	sigset_t chld, old, during, now;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	got_sig = 0;
	set_handler(SIGCHLD, on_signal, 0);
	sigprocmask(SIG_BLOCK, &chld, &old);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	sigemptyset(&during);
	int r = sigsuspend(&during);
	CHECK("sigsuspend_returns_eintr_after_handler", r == -1 && errno == EINTR && got_sig == SIGCHLD);
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK("sigsuspend_restores_the_old_mask", sigismember(&now, SIGCHLD));
	wait_status(pid);
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGCHLD, SIG_DFL);

	got_sig = 0;
	set_handler(SIGUSR1, on_signal, 0);
	/* The child keeps signalling (one signal could come before pause()
	 * starts, and pause would then wait forever) until it is killed. */
	pid = fork();
	if (pid == 0) {
		for (;;) {
			kill(getppid(), SIGUSR1);
			sched_yield();
		}
	}
	r = pause();
	CHECK("pause_returns_eintr_after_handler", r == -1 && errno == EINTR && got_sig == SIGUSR1);
	kill(pid, SIGKILL);
	CHECK("sigkill_ends_a_running_child", WIFSIGNALED(wait_status(pid)) );
	signal(SIGUSR1, SIG_DFL);
}

static volatile sig_atomic_t nr_signals;
static void count_signal(int sig) { nr_signals++; }

/* A child that signals its parent until it is killed. */
static pid_t start_pest(void)
{
	pid_t pid = fork();
	if (pid == 0)
		for (;;) {
			kill(getppid(), SIGUSR1);
			sched_yield();
		}
	return pid;
}

/* A blocking call interrupted by a handled signal: EINTR without
 * SA_RESTART; with SA_RESTART it goes on and returns its real result. */
static void test_restart(void)
{
	set_handler(SIGUSR1, count_signal, 0);
	pid_t sleeper = fork();
	if (sleeper == 0)
		for (;;)
			pause();
	pid_t pest = start_pest();
	int st;
	pid_t r = waitpid(sleeper, &st, 0);
	CHECK("interrupted_wait_gives_eintr_without_sa_restart", r == -1 && errno == EINTR && nr_signals > 0);
	kill(pest, SIGKILL);
	wait_status(pest);
	kill(sleeper, SIGKILL);
	wait_status(sleeper);

	nr_signals = 0;
	set_handler(SIGUSR1, count_signal, SA_RESTART);
	pid_t worker = fork();
	if (worker == 0) {
		for (int i = 0; i < 20000; i++)
			sched_yield();
		_exit(5);
	}
	pest = start_pest();
	r = waitpid(worker, &st, 0);
	CHECK("interrupted_wait_restarts_with_sa_restart", r == worker && WIFEXITED(st) && WEXITSTATUS(st) == 5);
	kill(pest, SIGKILL);
	wait_status(pest);
	signal(SIGUSR1, SIG_DFL);
}

static char altstack_mem[65536];
static volatile int alt_used, alt_eperm, alt_onstack;

static void on_altstack_handler(int sig)
{
	char local;
	alt_used = &local >= altstack_mem && &local < altstack_mem + sizeof(altstack_mem);
	stack_t ss = { .ss_sp = altstack_mem, .ss_size = sizeof(altstack_mem) }, cur;
	alt_eperm = sigaltstack(&ss, NULL) == -1 && errno == EPERM;
	alt_onstack = sigaltstack(NULL, &cur) == 0 && cur.ss_flags == SS_ONSTACK;
}

static void test_altstack(void)
{
	stack_t ss = { .ss_sp = altstack_mem, .ss_size = sizeof(altstack_mem) }, old;
	CHECK("sigaltstack_set", sigaltstack(&ss, NULL) == 0);
	CHECK("sigaltstack_reports_it", sigaltstack(NULL, &old) == 0 && old.ss_sp == altstack_mem &&
	      old.ss_size == sizeof(altstack_mem) && old.ss_flags == 0);
	set_handler(SIGUSR2, on_altstack_handler, SA_ONSTACK);
	kill(getpid(), SIGUSR2);
	CHECK("sa_onstack_handler_runs_on_the_alternate_stack", alt_used);
	CHECK("sigaltstack_while_on_it_gives_eperm", alt_eperm);
	CHECK("sigaltstack_says_onstack_inside_handler", alt_onstack);
	ss.ss_size = 512;
	CHECK_ERRNO("sigaltstack_too_small_gives_enomem", sigaltstack(&ss, NULL), ENOMEM);
	ss.ss_flags = SS_DISABLE;
	CHECK("sigaltstack_disable", sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &old) == 0 &&
	      old.ss_flags == SS_DISABLE);
	signal(SIGUSR2, SIG_DFL);
}

/* sigwaitinfo/sigtimedwait take a blocked signal without a handler. */
static void test_sigtimedwait(void)
{
	sigset_t set, old;
	siginfo_t si;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	kill(getpid(), SIGUSR2);
	memset(&si, 0, sizeof(si));
	CHECK("sigwaitinfo_takes_a_pending_blocked_signal",
	      sigwaitinfo(&set, &si) == SIGUSR2 && si.si_signo == SIGUSR2 && si.si_pid == getpid());
	struct timespec zero = { 0, 0 };
	CHECK_ERRNO("sigtimedwait_with_nothing_pending_gives_eagain", sigtimedwait(&set, &si, &zero), EAGAIN);
	struct timespec bad = { 0, 2000000000L };
	CHECK_ERRNO("sigtimedwait_bad_timeout_gives_einval", sigtimedwait(&set, &si, &bad), EINVAL);
	/* A child signals while we wait (repeatedly: one could come early). */
	pid_t pid = fork();
	if (pid == 0)
		for (;;) {
			kill(getppid(), SIGUSR2);
			sched_yield();
		}
	CHECK("sigwaitinfo_sleeps_until_the_signal_comes", sigwaitinfo(&set, &si) == SIGUSR2 && si.si_pid == pid);
	kill(pid, SIGKILL);
	wait_status(pid);
	while (sigtimedwait(&set, &si, &zero) == SIGUSR2)
		;	/* drain the child's extra signals */
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void test_errors(void)
{
	CHECK_ERRNO("sigaction_on_sigkill_gives_einval", set_handler(SIGKILL, on_signal, 0), EINVAL);
	CHECK_ERRNO("kill_signal_65_gives_einval", kill(getpid(), 65), EINVAL);
	CHECK_ERRNO("kill_missing_pid_gives_esrch", kill(999999, 0), ESRCH);
	CHECK("kill_signal_0_checks_existence", kill(getpid(), 0) == 0);
	pid_t zombie = fork();
	if (zombie == 0)
		_exit(0);
	siginfo_t si;
	waitid(P_PID, zombie, &si, WEXITED | WNOWAIT);	/* it is a zombie now */
	CHECK("kill_on_a_zombie_succeeds", kill(zombie, 0) == 0 && kill(zombie, SIGTERM) == 0);
	wait_status(zombie);
	CHECK_ERRNO("kill_on_a_reaped_child_gives_esrch", kill(zombie, 0), ESRCH);
	CHECK_ERRNO("sigprocmask_bad_how_gives_einval",
		    syscall(SYS_rt_sigprocmask, 99, &(uint64_t){ 0 }, NULL, 8), EINVAL);
	CHECK_ERRNO("rt_sigaction_bad_sigsetsize_gives_einval",
		    syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4), EINVAL);
	CHECK_ERRNO("rt_sigaction_bad_pointer_gives_efault",
		    syscall(SYS_rt_sigaction, SIGUSR1, (void *)8, NULL, 8), EFAULT);
	CHECK_ERRNO("rt_sigprocmask_bad_pointer_gives_efault",
		    syscall(SYS_rt_sigprocmask, SIG_BLOCK, (void *)8, NULL, 8), EFAULT);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_handlers();
	test_dispositions();
	test_sigsuspend();
	test_restart();
	test_altstack();
	test_sigtimedwait();
	test_errors();
	printf("syscall_signals: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
