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

static void test_errors(void)
{
	CHECK_ERRNO("sigaction_on_sigkill_gives_einval", set_handler(SIGKILL, on_signal, 0), EINVAL);
	CHECK_ERRNO("kill_signal_65_gives_einval", kill(getpid(), 65), EINVAL);
	CHECK_ERRNO("kill_missing_pid_gives_esrch", kill(999999, 0), ESRCH);
	CHECK("kill_signal_0_checks_existence", kill(getpid(), 0) == 0);
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
	test_errors();
	printf("syscall_signals: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
