/* chroot, setting the wall clock, and file locks (fcntl record locks,
 * flock). Runs as /init (root) under Lucid and Linux; conflicts are between
 * forked processes, so every check is about who owns a lock, not timing. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sched.h>
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

static int lk(int fd, int cmd, short type, off_t start, off_t len)
{
	struct flock l = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	return (int)syscall(SYS_fcntl, fd, cmd, &l);
}

/* F_GETLK for a write lock on [start, start+len): fills *out. */
static int getlk(int fd, off_t start, off_t len, struct flock *out)
{
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	int r = (int)syscall(SYS_fcntl, fd, F_GETLK, &l);
	*out = l;
	return r;
}

#define LKFILE "/lk/file"
static pid_t parent_pid;
static int child_fd;

/* What another process sees: each child check returns a distinct code. */
static int see_conflict_0_10(void)
{
	struct flock l;
	if (lk(child_fd, F_SETLK, F_WRLCK, 5, 1) != -1 || errno != EAGAIN)
		return 1;
	if (lk(child_fd, F_SETLK, F_RDLCK, 9, 1) != -1 || errno != EAGAIN)
		return 2;
	if (getlk(child_fd, 0, 0, &l) || l.l_type != F_WRLCK || l.l_whence != SEEK_SET ||
	    l.l_start != 0 || l.l_len != 10 || l.l_pid != parent_pid)
		return 3;
	if (lk(child_fd, F_SETLK, F_WRLCK, 10, 10))	/* just past it: free */
		return 4;
	return 0;
}

static int see_split(void)
{
	struct flock l;
	/* Parent holds [0,40) and [60,100) after unlocking the middle. */
	if (lk(child_fd, F_SETLK, F_WRLCK, 40, 20))
		return 1;
	if (getlk(child_fd, 0, 50, &l) || l.l_type != F_WRLCK || l.l_start != 0 || l.l_len != 40)
		return 2;
	if (getlk(child_fd, 50, 0, &l) || l.l_type != F_WRLCK || l.l_start != 60 || l.l_len != 40)
		return 3;
	if (lk(child_fd, F_SETLK, F_WRLCK, 39, 2) != -1 || errno != EAGAIN)
		return 4;
	return 0;
}

static int see_merged(void)
{
	struct flock l;
	/* [0,10) and [10,20) read locks are one lock [0,20). */
	if (getlk(child_fd, 0, 0, &l) || l.l_type != F_RDLCK || l.l_start != 0 || l.l_len != 20)
		return 1;
	if (lk(child_fd, F_SETLK, F_RDLCK, 0, 30))	/* shared with a reader */
		return 2;
	return 0;
}

static int see_upgrade(void)
{
	struct flock l;
	/* Parent: read [0,10) then write [5,6): read [0,5), write [5,6), read [6,10). */
	struct flock r = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	if (syscall(SYS_fcntl, child_fd, F_GETLK, &r) || r.l_type != F_WRLCK || r.l_start != 5 || r.l_len != 1)
		return 1;
	if (lk(child_fd, F_SETLK, F_RDLCK, 0, 5) || lk(child_fd, F_SETLK, F_RDLCK, 6, 4))
		return 2;
	if (getlk(child_fd, 6, 4, &l) || l.l_type != F_RDLCK || l.l_start != 6 || l.l_len != 4)
		return 3;
	return 0;
}

static int see_free(void)
{
	struct flock l;
	if (getlk(child_fd, 0, 0, &l) || l.l_type != F_UNLCK)
		return 1;
	if (lk(child_fd, F_SETLK, F_WRLCK, 0, 0))
		return 2;
	return 0;
}

static int see_locked(void)
{
	if (lk(child_fd, F_SETLK, F_WRLCK, 0, 0) != -1 || errno != EAGAIN)
		return 1;
	return 0;
}

static int hold_and_exit(void)
{
	return lk(child_fd, F_SETLK, F_WRLCK, 0, 0) ? 1 : 0;	/* exit drops it */
}

static void on_sig(int s) { (void)s; }

static int ready_fd;

static int setlkw_interrupted(void)
{
	struct sigaction sa = { .sa_handler = on_sig };	/* no SA_RESTART */
	sigaction(SIGUSR1, &sa, NULL);
	write(ready_fd, "r", 1);
	int r = lk(child_fd, F_SETLKW, F_WRLCK, 0, 1);
	if (r == -1 && errno == EINTR)
		return 0;
	printf("setlkw_interrupted: %d errno %d\n", r, errno);
	return 1;
}

static void test_posix_locks(void)
{
	parent_pid = getpid();
	int fd = open(LKFILE, O_CREAT | O_RDWR | O_TRUNC, 0644);
	child_fd = fd;
	CHECK("setlk-write", fd >= 0 && lk(fd, F_SETLK, F_WRLCK, 0, 10) == 0);
	CHECK("setlk-own-lock-no-conflict", lk(fd, F_SETLK, F_WRLCK, 5, 1) == 0 && lk(fd, F_SETLK, F_WRLCK, 0, 10) == 0);
	struct flock l;
	CHECK("getlk-own-lock-is-unlocked", getlk(fd, 0, 0, &l) == 0 && l.l_type == F_UNLCK);
	int st = in_child(see_conflict_0_10);
	if (st)
		printf("see_conflict_0_10: %d\n", st);
	CHECK("setlk-conflict-eagain-getlk-owner", st == 0);
	CHECK("setlk-unlock-all", lk(fd, F_SETLK, F_UNLCK, 0, 0) == 0);

	CHECK("setlk-split-setup", lk(fd, F_SETLK, F_WRLCK, 0, 100) == 0 && lk(fd, F_SETLK, F_UNLCK, 40, 20) == 0);
	st = in_child(see_split);
	if (st)
		printf("see_split: %d\n", st);
	CHECK("setlk-unlock-splits-range", st == 0);
	lk(fd, F_SETLK, F_UNLCK, 0, 0);

	CHECK("setlk-merge-setup", lk(fd, F_SETLK, F_RDLCK, 0, 10) == 0 && lk(fd, F_SETLK, F_RDLCK, 10, 10) == 0);
	st = in_child(see_merged);
	if (st)
		printf("see_merged: %d\n", st);
	CHECK("setlk-adjacent-read-locks-merge", st == 0);
	lk(fd, F_SETLK, F_UNLCK, 0, 0);

	CHECK("setlk-upgrade-setup", lk(fd, F_SETLK, F_RDLCK, 0, 10) == 0 && lk(fd, F_SETLK, F_WRLCK, 5, 1) == 0);
	st = in_child(see_upgrade);
	if (st)
		printf("see_upgrade: %d\n", st);
	CHECK("setlk-partial-upgrade-splits", st == 0);
	lk(fd, F_SETLK, F_UNLCK, 0, 0);

	/* Negative length: the bytes before l_start. */
	CHECK("setlk-negative-len", lk(fd, F_SETLK, F_WRLCK, 10, -10) == 0);
	CHECK("getlk-negative-len-range", in_child(see_conflict_0_10) == 0);
	lk(fd, F_SETLK, F_UNLCK, 0, 0);
	CHECK("unlocked-seen-free", in_child(see_free) == 0);

	/* Closing any fd of the file drops the process's locks. */
	int fd2 = open(LKFILE, O_RDONLY);
	CHECK("close-other-fd-setup", lk(fd, F_SETLK, F_WRLCK, 0, 0) == 0 && in_child(see_locked) == 0);
	close(fd2);
	CHECK("close-any-fd-releases", in_child(see_free) == 0);
	lk(fd, F_SETLK, F_WRLCK, 0, 0);
	int fd3 = dup(fd);
	close(fd3);
	CHECK("close-dup-releases", in_child(see_free) == 0);

	/* A child's locks go when it exits; fork does not inherit them. */
	CHECK("exit-releases-child-lock", in_child(hold_and_exit) == 0 && in_child(see_free) == 0);
	lk(fd, F_SETLK, F_WRLCK, 0, 0);
	CHECK("fork-does-not-inherit", in_child(see_locked) == 0);

	/* F_SETLKW waits for the holder and gets the lock when it lets go. */
	int p[2];
	if (pipe(p) == 0) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			close(p[0]);
			int r = lk(fd, F_SETLKW, F_WRLCK, 0, 1);
			char c = r == 0 ? 'y' : 'n';
			write(p[1], &c, 1);
			_exit(0);
		}
		close(p[1]);
		fcntl(p[0], F_SETFL, O_NONBLOCK);
		char c = 0;
		CHECK("setlkw-not-granted-while-held", read(p[0], &c, 1) == -1 && errno == EAGAIN);
		lk(fd, F_SETLK, F_UNLCK, 0, 0);
		fcntl(p[0], F_SETFL, 0);
		CHECK("setlkw-granted-after-unlock", read(p[0], &c, 1) == 1 && c == 'y');
		waitpid(pid, NULL, 0);
		close(p[0]);
	}

	/* F_SETLKW is interruptible: a signal without SA_RESTART -> EINTR. The
	 * signal is sent until the child reports, so it lands while blocked. */
	lk(fd, F_SETLK, F_WRLCK, 0, 0);
	int rp[2];
	pipe(rp);
	ready_fd = rp[1];
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(setlkw_interrupted());
	char rc;
	read(rp[0], &rc, 1);	/* the handler is in place */
	close(rp[0]);
	close(rp[1]);
	int status = 0;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		kill(pid, SIGUSR1);
		sched_yield();
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		printf("setlkw-eintr: status %#x\n", status);
	CHECK("setlkw-eintr", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	lk(fd, F_SETLK, F_UNLCK, 0, 0);

	/* Deadlock: parent holds byte 0, child byte 1, each then waits for the
	 * other's. Whichever blocks second gets EDEADLK and lets go. */
	int go[2], ready[2];
	if (pipe(go) == 0 && pipe(ready) == 0) {
		lk(fd, F_SETLK, F_WRLCK, 0, 1);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			char c;
			if (lk(fd, F_SETLK, F_WRLCK, 1, 1))
				_exit(10);
			write(ready[1], "r", 1);
			read(go[0], &c, 1);
			int r = lk(fd, F_SETLKW, F_WRLCK, 0, 1);
			if (r == -1 && errno == EDEADLK)
				_exit(1);	/* exit drops byte 1 */
			_exit(r == 0 ? 0 : 11);
		}
		char c;
		read(ready[0], &c, 1);
		write(go[1], "g", 1);
		int r = lk(fd, F_SETLKW, F_WRLCK, 1, 1);
		int e = errno;
		if (r == -1 && e == EDEADLK)
			lk(fd, F_SETLK, F_UNLCK, 0, 0);	/* lets the child through */
		waitpid(pid, &status, 0);
		int cst = WIFEXITED(status) ? WEXITSTATUS(status) : 100;
		CHECK("setlkw-edeadlk-exactly-one", (r == 0 && cst == 1) || (r == -1 && e == EDEADLK && cst == 0));
		lk(fd, F_SETLK, F_UNLCK, 0, 0);
		close(go[0]); close(go[1]); close(ready[0]); close(ready[1]);
	}

	/* Errors. */
	int ro = open(LKFILE, O_RDONLY), wo = open(LKFILE, O_WRONLY);
	CHECK_ERRNO("setlk-write-on-rdonly-ebadf", lk(ro, F_SETLK, F_WRLCK, 0, 1), EBADF);
	CHECK_ERRNO("setlk-read-on-wronly-ebadf", lk(wo, F_SETLK, F_RDLCK, 0, 1), EBADF);
	CHECK("setlk-read-on-rdonly", lk(ro, F_SETLK, F_RDLCK, 0, 1) == 0 && lk(ro, F_SETLK, F_UNLCK, 0, 1) == 0);
	CHECK_ERRNO("setlk-bad-type-einval", lk(fd, F_SETLK, 7, 0, 1), EINVAL);
	struct flock bw = { .l_type = F_WRLCK, .l_whence = 7 };
	CHECK_ERRNO("setlk-bad-whence-einval", syscall(SYS_fcntl, fd, F_SETLK, &bw), EINVAL);
	CHECK_ERRNO("setlk-negative-start-einval", lk(fd, F_SETLK, F_WRLCK, -1, 1), EINVAL);
	CHECK_ERRNO("setlk-len-before-0-einval", lk(fd, F_SETLK, F_WRLCK, 2, -3), EINVAL);
	CHECK_ERRNO("getlk-unlck-einval", lk(fd, F_GETLK, F_UNLCK, 0, 1), EINVAL);
	CHECK_ERRNO("setlk-efault", syscall(SYS_fcntl, fd, F_SETLK, BAD_PTR), EFAULT);
	CHECK_ERRNO("getlk-efault", syscall(SYS_fcntl, fd, F_GETLK, BAD_PTR), EFAULT);
	CHECK_ERRNO("setlk-bad-fd", lk(999, F_SETLK, F_WRLCK, 0, 1), EBADF);
	close(ro);
	close(wo);
	close(fd);
}

static int flock_nb(int how)
{
	int fd = open(LKFILE, O_RDONLY);	/* its own open file description */
	int r = (int)syscall(SYS_flock, fd, how | LOCK_NB);
	int e = errno;
	close(fd);
	return r == 0 ? 0 : e == EWOULDBLOCK ? 1 : 2;
}
static int flock_ex_nb(void) { return flock_nb(LOCK_EX); }
static int flock_sh_nb(void) { return flock_nb(LOCK_SH); }
static int flock_inherited_fd(void)
{
	/* Same open file description as the parent: its lock is ours too. */
	return syscall(SYS_flock, child_fd, LOCK_EX | LOCK_NB) == 0 ? 0 : 1;
}

static int flock_blocks_then_granted(void)
{
	int fd = open(LKFILE, O_RDONLY);
	return syscall(SYS_flock, fd, LOCK_EX) == 0 ? 0 : 1;
}

static void test_flock(void)
{
	int fd = open(LKFILE, O_RDWR);
	child_fd = fd;
	CHECK("flock-ex", syscall(SYS_flock, fd, LOCK_EX) == 0);
	CHECK("flock-ex-other-ofd-ewouldblock", in_child(flock_ex_nb) == 1);
	CHECK("flock-sh-other-ofd-ewouldblock", in_child(flock_sh_nb) == 1);
	CHECK("flock-same-ofd-after-fork", in_child(flock_inherited_fd) == 0);
	CHECK("flock-independent-of-fcntl", lk(fd, F_SETLK, F_WRLCK, 0, 0) == 0 && in_child(see_locked) == 0);
	lk(fd, F_SETLK, F_UNLCK, 0, 0);
	CHECK("flock-convert-to-sh", syscall(SYS_flock, fd, LOCK_SH) == 0);
	CHECK("flock-sh-shared", in_child(flock_sh_nb) == 0);
	CHECK("flock-sh-blocks-ex", in_child(flock_ex_nb) == 1);
	CHECK("flock-un", syscall(SYS_flock, fd, LOCK_UN) == 0 && in_child(flock_ex_nb) == 0);
	CHECK("flock-un-unlocked", syscall(SYS_flock, fd, LOCK_UN) == 0);
	/* Released at the last close of the open file description, not before. */
	int a = open(LKFILE, O_RDONLY);
	int b = dup(a);
	CHECK("flock-dup-setup", syscall(SYS_flock, a, LOCK_EX) == 0);
	close(a);
	CHECK("flock-kept-while-dup-open", in_child(flock_ex_nb) == 1);
	close(b);
	CHECK("flock-released-at-last-close", in_child(flock_ex_nb) == 0);
	/* A blocking LOCK_EX waits and is granted once the holder lets go. */
	CHECK("flock-wait-setup", syscall(SYS_flock, fd, LOCK_EX) == 0);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(flock_blocks_then_granted());
	CHECK("flock-still-held", in_child(flock_ex_nb) == 1);
	syscall(SYS_flock, fd, LOCK_UN);
	int status;
	waitpid(pid, &status, 0);
	CHECK("flock-blocking-granted", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_ERRNO("flock-bad-cmd-einval", syscall(SYS_flock, fd, 0), EINVAL);
	CHECK_ERRNO("flock-bad-fd-ebadf", syscall(SYS_flock, 999, LOCK_EX), EBADF);
	close(fd);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_chroot();
	test_clock_settime();
	test_posix_locks();
	test_flock();
	printf("fs_lock: %d passed, %d failed\n", utest_passes, utest_failures);
	reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
