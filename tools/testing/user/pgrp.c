/* Process groups and sessions: setpgid/getpgid/getpgrp/setsid/getsid with
 * their errnos, and wait4/waitid by process group. Runs as /init under
 * Lucid and Linux (init is the leader of session 1 on both). */
#include <sys/wait.h>
#include <sys/reboot.h>
#include <time.h>
#include <signal.h>
#include "utest.h"

static int sleeper(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		struct timespec ts = { 0, 300 * 1000 * 1000 };
		nanosleep(&ts, NULL);
		_exit(0);
	}
	return pid;
}

static int leader_setsid(void)
{
	if (setpgid(0, 0))
		return 1;
	errno = 0;
	return setsid() == -1 && errno == EPERM ? 0 : 2;
}

int main(int argc, char **argv)
{
	if (argc > 1) {		/* the exec'd child: say so, then linger until told */
		char c;
		if (write(3, "x", 1) != 1)
			return 1;
		while (read(4, &c, 1) > 0)	/* EOF: the parent is done */
			;
		return 0;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	CHECK("init_starts_in_group_0_session_0", getpgrp() == 0 && getsid(0) == 0);
	CHECK("setsid_makes_init_leader_of_session_1", setsid() == 1 && getpgrp() == 1 && getsid(0) == 1);
	pid_t l = fork();
	if (l == 0)
		_exit(leader_setsid());
	int lst;
	waitpid(l, &lst, 0);
	CHECK("setsid_as_group_leader_gives_eperm", WIFEXITED(lst) && WEXITSTATUS(lst) == 0);
	CHECK_ERRNO("getpgid_of_missing_pid_gives_esrch", getpgid(99999), ESRCH);
	CHECK_ERRNO("getsid_of_missing_pid_gives_esrch", getsid(99999), ESRCH);
	CHECK_ERRNO("setpgid_negative_gives_einval", setpgid(0, -5), EINVAL);
	CHECK_ERRNO("setpgid_on_non_child_gives_esrch", setpgid(99999, 0), ESRCH);

	/* A child in a new session: its own group and session. */
	pid_t pid = fork();
	if (pid == 0)
		_exit(setsid() == getpid() && getsid(0) == getpid() && getpgrp() == getpid() ? 0 : 1);
	int st;
	waitpid(pid, &st, 0);
	CHECK("setsid_in_child_creates_session_and_group", WIFEXITED(st) && WEXITSTATUS(st) == 0);

	/* Children moved into a new group; wait for that group only. */
	pid_t a = sleeper(), b = sleeper(), other = sleeper();
	CHECK("setpgid_child_into_new_group", setpgid(a, a) == 0 && getpgid(a) == a);
	CHECK("setpgid_second_child_joins_group", setpgid(b, a) == 0 && getpgid(b) == a);
	CHECK_ERRNO("setpgid_to_group_in_no_session_gives_eperm", setpgid(other, 424242), EPERM);
	int reaped = 0, wrong = 0;
	for (int i = 0; i < 2; i++) {
		pid_t r = waitpid(-a, &st, 0);
		reaped += r == a || r == b;
		wrong += r == other;
	}
	CHECK("waitpid_negative_pgid_reaps_only_that_group", reaped == 2 && wrong == 0);
	CHECK_ERRNO("group_is_now_empty_gives_echild", waitpid(-a, &st, WNOHANG), ECHILD);
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	CHECK("waitid_p_pgid_own_group", waitid(P_PGID, 0, &si, WEXITED) == 0 && si.si_pid == other);
	CHECK_ERRNO("waitpid_zero_with_no_children_in_group_gives_echild", waitpid(0, &st, 0), ECHILD);

	/* kill(-pgrp) reaches every member of the group, and only them. */
	pid_t k1 = fork();
	if (k1 == 0) {
		struct timespec ts = { 20, 0 };
		nanosleep(&ts, NULL);
		_exit(0);
	}
	setpgid(k1, k1);
	pid_t k2 = fork();
	if (k2 == 0) {
		struct timespec ts = { 20, 0 };
		nanosleep(&ts, NULL);
		_exit(0);
	}
	setpgid(k2, k1);
	CHECK("kill_negative_pgid_succeeds", kill(-k1, SIGTERM) == 0);
	int s1, s2;
	waitpid(k1, &s1, 0);
	waitpid(k2, &s2, 0);
	CHECK("kill_group_terminates_every_member", WIFSIGNALED(s1) && WTERMSIG(s1) == SIGTERM &&
	      WIFSIGNALED(s2) && WTERMSIG(s2) == SIGTERM);
	CHECK("caller_outside_group_survived", getpid() == 1);
	CHECK_ERRNO("kill_empty_group_gives_esrch", kill(-k1, SIGTERM), ESRCH);
	CHECK_ERRNO("kill_missing_group_gives_esrch", kill(-424242, 0), ESRCH);
	CHECK("kill_zero_sig_zero_checks_own_group", kill(0, 0) == 0);

	/* After exec, a child's group can no longer be changed by its parent.
	 * The child reports its exec through a pipe (fd 3) and stays until the
	 * other pipe (fd 4) reaches EOF: a busy loop here once lost the race on
	 * a slow machine (setpgid came before the exec). */
	int done[2], hold[2];
	CHECK("exec_pipes", pipe(done) == 0 && pipe(hold) == 0);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "/init", "--exec-and-wait", NULL };
		dup2(done[1], 3);
		dup2(hold[0], 4);
		close(hold[1]);
		execve("/init", argv, NULL);
		_exit(9);
	}
	close(done[1]);
	close(hold[0]);
	char c;
	CHECK("child_reports_exec", read(done[0], &c, 1) == 1);
	int r = setpgid(pid, pid);
	CHECK("setpgid_after_child_exec_gives_eacces", r == -1 && errno == EACCES);
	close(hold[1]);
	close(done[0]);
	waitpid(pid, &st, 0);
	CHECK("exec_child_exits_cleanly", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	printf("pgrp: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
