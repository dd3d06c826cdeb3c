/* chroot, setting the wall clock, and file locks (fcntl record locks,
 * flock). Runs as /init (root) under Lucid and Linux; conflicts are between
 * forked processes, so every check is about who owns a lock, not timing. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <sys/file.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "utest.h"

#define BAD_PTR ((void *)1)

/* Run @fn in a child and return its exit status (0 = all its checks held). */
static int in_child(int (*fn)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn());
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100;
}

static int drop_root(void)
{
	return setresgid(1000, 1000, 1000) || setresuid(1000, 1000, 1000);
}

/* In the new root, "/" and "/.." are the same directory, and ".." from
 * the root stays there. */
static int chroot_child(void)
{
	struct stat root, up, m;
	if (syscall(SYS_chroot, "/lk/cr"))
		return 1;
	if (chdir("/"))
		return 2;
	if (stat("/marker", &m))
		return 3;
	if (stat("/", &root) || stat("/..", &up) || root.st_ino != up.st_ino || root.st_dev != up.st_dev)
		return 4;
	if (chdir("..") || stat("marker", &m))	/* still in the new root */
		return 5;
	if (stat("/../../marker", &m))
		return 6;
	if (stat("/lk", &m) == 0)	/* the old tree is out of reach */
		return 7;
	/* Absolute symlink targets resolve in the new root too. */
	if (symlink("/marker", "/link") || stat("/link", &m))
		return 8;
	return 0;
}

static int chroot_unprivileged(void)
{
	if (drop_root())
		return 1;
	errno = 0;
	if (syscall(SYS_chroot, "/lk/cr") != -1 || errno != EPERM)
		return 2;
	errno = 0;	/* no search permission: EACCES comes before EPERM */
	if (syscall(SYS_chroot, "/lk/cr/noexec") != -1 || errno != EACCES)
		return 3;
	return 0;
}

static void test_chroot(void)
{
	chmod("/", 0755);	/* Linux's initramfs root may be 0700 */
	mkdir("/lk", 0755);
	mkdir("/lk/cr", 0755);
	mkdir("/lk/cr/noexec", 0666);
	chmod("/lk/cr/noexec", 0666);
	close(open("/lk/cr/marker", O_CREAT | O_WRONLY, 0644));
	CHECK_ERRNO("chroot-enoent", syscall(SYS_chroot, "/lk/none"), ENOENT);
	CHECK_ERRNO("chroot-enotdir", syscall(SYS_chroot, "/lk/cr/marker"), ENOTDIR);
	CHECK_ERRNO("chroot-efault", syscall(SYS_chroot, BAD_PTR), EFAULT);
	CHECK("chroot-dotdot-stays-at-new-root", in_child(chroot_child) == 0);
	int st = in_child(chroot_unprivileged);
	if (st)
		printf("chroot_unprivileged: step %d\n", st);
	CHECK("chroot-eperm-eacces-unprivileged", st == 0);
	struct stat m;
	CHECK("chroot-parent-root-unchanged", stat("/lk/cr/marker", &m) == 0 && lstat("/lk/cr/link", &m) == 0);
}

static long long ts_ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static int clock_unprivileged(void)
{
	struct timespec t;
	struct timeval tv;
	if (drop_root())
		return 1;
	clock_gettime(CLOCK_REALTIME, &t);
	errno = 0;
	if (syscall(SYS_clock_settime, CLOCK_REALTIME, &t) != -1 || errno != EPERM)
		return 2;
	gettimeofday(&tv, NULL);
	errno = 0;
	if (syscall(SYS_settimeofday, &tv, NULL) != -1 || errno != EPERM)
		return 3;
	return 0;
}

static void test_clock_settime(void)
{
	struct timespec r0, m0, m1, r1, m2, r2, set;
	const long long jump = 1000000LL * 1000000000LL;	/* 10^6 s forward */
	clock_gettime(CLOCK_MONOTONIC, &m0);
	clock_gettime(CLOCK_REALTIME, &r0);
	long long target = ts_ns(&r0) + jump;
	set.tv_sec = target / 1000000000LL;
	set.tv_nsec = target % 1000000000LL;
	CHECK("clock_settime-forward", syscall(SYS_clock_settime, CLOCK_REALTIME, &set) == 0);
	clock_gettime(CLOCK_REALTIME, &r1);
	clock_gettime(CLOCK_MONOTONIC, &m1);
	/* The wall clock moved by the jump; since the set it advanced no more
	 * than the monotonic clock did (1 ms slack for the clocks' rates). */
	CHECK("clock_settime-realtime-jumped", ts_ns(&r1) >= target &&
	      ts_ns(&r1) - target <= ts_ns(&m1) - ts_ns(&m0) + 1000000);
	CHECK("clock_settime-monotonic-unaffected", ts_ns(&m1) >= ts_ns(&m0) && ts_ns(&m1) - ts_ns(&m0) < jump / 2);
	struct timeval tv;
	gettimeofday(&tv, NULL);
	CHECK("clock_settime-gettimeofday", tv.tv_sec >= set.tv_sec);
	CHECK("clock_settime-time", syscall(SYS_time, NULL) >= set.tv_sec);
	int fd = open("/lk/stamp", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	struct stat st;
	CHECK("clock_settime-file-mtime", fd >= 0 && write(fd, "x", 1) == 1 && fstat(fd, &st) == 0 &&
	      st.st_mtim.tv_sec >= set.tv_sec);
	close(fd);
	/* And back, with settimeofday: the wall clock is where it would have
	 * been, the monotonic clock still only moves forward. */
	clock_gettime(CLOCK_MONOTONIC, &m2);
	long long back = ts_ns(&r0) + (ts_ns(&m2) - ts_ns(&m0));
	struct timeval btv = { back / 1000000000LL, back % 1000000000LL / 1000 };
	struct timezone tz = { 0, 0 };
	CHECK("settimeofday-back", syscall(SYS_settimeofday, &btv, &tz) == 0);
	clock_gettime(CLOCK_REALTIME, &r2);
	clock_gettime(CLOCK_MONOTONIC, &m1);
	CHECK("settimeofday-realtime-back", ts_ns(&r2) >= back - 1000 && ts_ns(&r2) < target);
	CHECK("settimeofday-monotonic-unaffected", ts_ns(&m1) >= ts_ns(&m2));
	CHECK("settimeofday-null-null-root", syscall(SYS_settimeofday, NULL, NULL) == 0);

	struct timespec bad = { 1, 1000000000 };
	CHECK_ERRNO("clock_settime-monotonic-einval", syscall(SYS_clock_settime, CLOCK_MONOTONIC, &r2), EINVAL);
	CHECK_ERRNO("clock_settime-boottime-einval", syscall(SYS_clock_settime, CLOCK_BOOTTIME, &r2), EINVAL);
	CHECK_ERRNO("clock_settime-bad-clock-einval", syscall(SYS_clock_settime, 100, &r2), EINVAL);
	CHECK_ERRNO("clock_settime-nsec-einval", syscall(SYS_clock_settime, CLOCK_REALTIME, &bad), EINVAL);
	bad.tv_nsec = -1;
	CHECK_ERRNO("clock_settime-neg-nsec-einval", syscall(SYS_clock_settime, CLOCK_REALTIME, &bad), EINVAL);
	bad.tv_sec = -1;
	bad.tv_nsec = 0;
	CHECK_ERRNO("clock_settime-neg-sec-einval", syscall(SYS_clock_settime, CLOCK_REALTIME, &bad), EINVAL);
	CHECK_ERRNO("clock_settime-efault", syscall(SYS_clock_settime, CLOCK_REALTIME, BAD_PTR), EFAULT);
	struct timeval btv2 = { 1, 1000000 };
	CHECK_ERRNO("settimeofday-usec-einval", syscall(SYS_settimeofday, &btv2, NULL), EINVAL);
	struct timezone badtz = { 1000, 0 };
	CHECK_ERRNO("settimeofday-tz-einval", syscall(SYS_settimeofday, NULL, &badtz), EINVAL);
	CHECK_ERRNO("settimeofday-efault", syscall(SYS_settimeofday, BAD_PTR, NULL), EFAULT);
	CHECK("clock_settime-eperm-unprivileged", in_child(clock_unprivileged) == 0);
}

/* LOCKS_TESTS */

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_chroot();
	test_clock_settime();
	/* LOCKS_CALLS */
	printf("fs_lock: %d passed, %d failed\n", utest_passes, utest_failures);
	reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
