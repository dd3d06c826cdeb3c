/* User and group ids with POSIX's permission rules; EPERM for privileged
 * calls once root is dropped. Runs as /init (root) under Lucid and Linux. */
#define _GNU_SOURCE
#include <grp.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include "utest.h"

/* Run @fn in a child and return its exit status (0 = all its checks held). */
static int in_child(int (*fn)(void))
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn());
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100;
}

static int drop_to_1000(void)
{
	if (setgroups(0, NULL) || setresgid(1000, 1000, 1000) || setresuid(1000, 1000, 1000))
		return 1;
	if (getuid() != 1000 || geteuid() != 1000 || getgid() != 1000 || getegid() != 1000)
		return 2;
	errno = 0;
	if (setuid(0) != -1 || errno != EPERM)
		return 3;
	if (setresuid(-1, 0, -1) != -1 || errno != EPERM)
		return 4;
	if (setgroups(0, NULL) != -1 || errno != EPERM)
		return 5;
	if (sethostname("x", 1) != -1 || errno != EPERM)
		return 6;
	if (reboot(RB_POWER_OFF) != -1 || errno != EPERM)
		return 7;
	if (setuid(1000) != 0)	/* to one's own id: allowed */
		return 8;
	return 0;
}

static int saved_id_swap(void)
{
	/* Real 1000, effective 2000, saved 2000: may swap back and forth. */
	if (setresuid(1000, 2000, 2000))
		return 1;
	if (seteuid(1000) || geteuid() != 1000)
		return 2;
	if (seteuid(2000) || geteuid() != 2000)	/* via the saved id */
		return 3;
	uid_t r, e, s;
	if (getresuid(&r, &e, &s) || r != 1000 || e != 2000 || s != 2000)
		return 4;
	errno = 0;
	if (seteuid(3000) != -1 || errno != EPERM)
		return 5;
	if (setreuid(2000, 1000) || getuid() != 2000 || geteuid() != 1000)
		return 6;
	if (getresuid(&r, &e, &s) || s != 1000)	/* saved follows the new euid */
		return 7;
	return 0;
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	CHECK("init_runs_as_root", getuid() == 0 && geteuid() == 0 && getgid() == 0);
	gid_t groups[4] = { 10, 20, 30, 40 };
	CHECK("setgroups_as_root", setgroups(4, groups) == 0);
	gid_t got[8];
	CHECK("getgroups_returns_them", getgroups(8, got) == 4 && got[0] == 10 && got[3] == 40);
	CHECK("getgroups_zero_size_counts", getgroups(0, NULL) == 4);
	CHECK_ERRNO("getgroups_too_small_gives_einval", getgroups(2, got), EINVAL);
	CHECK_ERRNO("getgroups_bad_pointer_gives_efault", syscall(SYS_getgroups, 4, (void *)8), EFAULT);
	CHECK_ERRNO("getresuid_bad_pointer_gives_efault", syscall(SYS_getresuid, (void *)8, (void *)8, (void *)8), EFAULT);
	CHECK("dropped_privileges_give_eperm_for_privileged_calls", in_child(drop_to_1000) == 0);
	CHECK("saved_set_user_id_rules", in_child(saved_id_swap) == 0);
	CHECK("ids_are_per_process_parent_still_root", getuid() == 0 && geteuid() == 0);
	printf("ids: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
