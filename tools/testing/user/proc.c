/* Processes: fork and copy-on-write, vfork, execve with argv/envp, exit and
 * wait statuses, SIGSEGV status, orphans adopted by init, ECHILD/WNOHANG, and
 * a leak check over many fork+exec+exit cycles. Runs as /init (PID 1) under
 * Lucid and Linux; it re-executes itself ("/init child ...") for exec tests. */
#include <stdlib.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <sched.h>
#include <fcntl.h>
#include "utest.h"

static const char *self = "/init";

static int child_main(int argc, char **argv, char **envp)
{
	if (!strcmp(argv[2], "exit")) {
		int ok = argc == 5 && !strcmp(argv[3], "two words") && !strcmp(argv[4], "x") &&
			 envp[0] && !strcmp(envp[0], "LUCID_TEST=1") && !envp[1];
		return ok ? 42 : 1;
	}
	if (!strcmp(argv[2], "quick"))
		return 0;
	return 2;
}

static int wait_status(pid_t pid)
{
	int st = -1;
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

static void test_fork_and_status(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	int st = wait_status(pid);
	CHECK("fork_child_exit_status_reaches_parent", WIFEXITED(st) && WEXITSTATUS(st) == 7);

	pid = fork();
	if (pid == 0) {
		*(volatile int *)0 = 1;
		_exit(0);
	}
	st = wait_status(pid);
	CHECK("null_write_child_dies_of_sigsegv", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);

	CHECK_ERRNO("wait_without_children_gives_echild", waitpid(-1, &st, 0), ECHILD);
	pid = fork();
	if (pid == 0) {
		for (volatile int i = 0; i < 2000000; i++)
			;
		_exit(3);
	}
	pid_t r = waitpid(pid, &st, WNOHANG);
	CHECK("wnohang_returns_0_while_child_runs_or_its_pid", r == 0 || r == pid);
	if (r == 0)
		r = waitpid(pid, &st, 0);
	CHECK("waitpid_reaps_that_child", r == pid && WEXITSTATUS(st) == 3);
	CHECK_ERRNO("waitpid_on_a_non_child_gives_echild", waitpid(1, &st, 0), ECHILD);

	siginfo_t si;
	pid = fork();
	if (pid == 0)
		_exit(9);
	memset(&si, 0, sizeof(si));
	CHECK("waitid_exited_child", waitid(P_PID, pid, &si, WEXITED) == 0);
	CHECK("waitid_reports_pid_code_status", si.si_pid == pid && si.si_code == CLD_EXITED && si.si_status == 9);
	CHECK_ERRNO("waitid_without_wexited_flags_gives_einval", waitid(P_ALL, 0, &si, 0), EINVAL);
}

static void test_copy_on_write(void)
{
	static int global = 100;
	int *heap = malloc(sizeof(int));
	*heap = 200;
	int *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	*shared = 1;
	pid_t pid = fork();
	if (pid == 0) {
		global = 101;
		*heap = 201;
		*shared = 2;
		_exit(global == 101 && *heap == 201 ? 0 : 1);
	}
	int st = wait_status(pid);
	CHECK("child_sees_its_own_writes", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK("parent_data_unchanged_after_child_writes", global == 100 && *heap == 200);
	CHECK("map_shared_memory_is_shared_across_fork", *shared == 2);
	/* Regression: pages of a MAP_SHARED mapping that nobody had touched
	 * before fork were private to whoever touched them first. */
	int *fresh = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid = fork();
	if (pid == 0) {
		fresh[0] = 3;
		fresh[1024] = 4;	/* the second page */
		_exit(0);
	}
	wait_status(pid);
	CHECK("map_shared_untouched_before_fork_is_shared", fresh[0] == 3 && fresh[1024] == 4);
	munmap(fresh, 2 * 4096);
	global = 102;
	CHECK("parent_can_still_write_after_fork", global == 102);
	munmap(shared, 4096);
	free(heap);
}

static void test_vfork_and_exec(void)
{
	char *argv[] = { (char *)self, "child", "exit", "two words", "x", NULL };
	char *envp[] = { "LUCID_TEST=1", NULL };
	pid_t pid = vfork();
	if (pid == 0) {
		execve(self, argv, envp);
		_exit(99);
	}
	int st = wait_status(pid);
	CHECK("vfork_exec_passes_argv_and_envp", WIFEXITED(st) && WEXITSTATUS(st) == 42);
	pid = fork();
	if (pid == 0) {
		execve("/no/such/program", argv, envp);
		_exit(errno == ENOENT ? 5 : 6);
	}
	st = wait_status(pid);
	CHECK("exec_of_missing_file_gives_enoent", WIFEXITED(st) && WEXITSTATUS(st) == 5);
	CHECK_ERRNO("exec_with_bad_filename_pointer_gives_efault", syscall(SYS_execve, (char *)1, argv, envp), EFAULT);
	CHECK_ERRNO("exec_with_bad_argv_pointer_gives_efault", syscall(SYS_execve, self, (char **)1, envp), EFAULT);
}

static void test_orphans(void)
{
	int fds[2];
	pid_t pid = fork();
	if (pid == 0) {
		pid_t grandchild = fork();
		if (grandchild == 0) {
			while (getppid() != 1)
				sched_yield();
			_exit(11);
		}
		_exit(0);
	}
	(void)fds;
	wait_status(pid);
	/* We are PID 1: the orphaned grandchild is ours to reap now. */
	int st;
	pid_t r = waitpid(-1, &st, 0);
	CHECK("orphan_is_reparented_to_init_and_reaped", r > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 11);
}

/* /proc/loadavg's fourth field is "runnable/total": total counts every
 * task the kernel still holds, dead ones not yet freed included. */
static int tasks_held(void)
{
	char buf[128] = "";
	int fd = open("/proc/loadavg", O_RDONLY), run = -1, total = -1;
	if (fd >= 0) {
		if (read(fd, buf, sizeof(buf) - 1) > 0)
			sscanf(buf, "%*s %*s %*s %d/%d", &run, &total);
		close(fd);
	}
	return total;
}

static int tasks_at_start;	/* before this test forked anything */

static void test_leak(void)
{
	struct sysinfo a, b;
	char *argv[] = { (char *)self, "child", "quick", NULL };
	/* Warm up: caches in the kernel reach their steady size. */
	for (int i = 0; i < 20; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			execve(self, argv, NULL);
			_exit(99);
		}
		wait_status(pid);
	}
	sysinfo(&a);
	int tasks_before = tasks_held();
	int bad = 0;
	for (int i = 0; i < 1000; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			execve(self, argv, NULL);
			_exit(99);
		}
		int st = wait_status(pid);
		bad += !(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	sysinfo(&b);
	int tasks_after = tasks_held();
	CHECK("thousand_fork_exec_exit_cycles_succeed", bad == 0);
	long lost = ((long)a.freeram - (long)b.freeram) * (long)a.mem_unit / 4096;
	printf("leak: free pages before %lu, after %lu (%ld pages)\n",
	       a.freeram * a.mem_unit / 4096, b.freeram * b.mem_unit / 4096, lost);
	/* Strict only where the harness asks (on Lucid): Linux caches vary.
	 * A leak of even one page per cycle would lose >= 1000 pages; up to a
	 * few dozen is slab slack (objects parked in per-CPU caches, partial
	 * slabs), which depends on which CPU freed what and is not a leak. */
	printf("leak: tasks held at start %d, before %d, after %d\n", tasks_at_start, tasks_before, tasks_after);
	if (getenv("LUCID_STRICT_LEAK")) {
		CHECK("fork_exec_exit_returns_memory_within_64_pages", lost <= 64);
		/* Every reaped child is gone, not left queued to finish dying
		 * (with -smp 1 up to 64 were: kernel/exit.c). The last one's
		 * CPU may still be switching away from it as we count (its
		 * final reference goes in finish_task_switch): at most one
		 * per other CPU. Linux's kernel threads come and go, so this
		 * is checked on Lucid only. */
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		CHECK("reaped_children_hold_no_task", tasks_at_start > 0 && cpus > 0 &&
		      tasks_before <= tasks_at_start + cpus - 1 && tasks_after <= tasks_at_start + cpus - 1);
	}
}

int main(int argc, char **argv, char **envp)
{
	if (argc >= 3 && !strcmp(argv[1], "child"))
		return child_main(argc, argv, envp);
	setvbuf(stdout, NULL, _IONBF, 0);
	tasks_at_start = tasks_held();
	test_fork_and_status();
	test_copy_on_write();
	test_vfork_and_exec();
	test_orphans();
	test_leak();
	printf("proc: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
