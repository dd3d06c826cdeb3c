/* A system call fuzzer: forked children call every syscall number many
 * times with arguments drawn from a mix of interesting values (0, -1, small
 * ints, huge, page-unaligned, kernel and non-canonical addresses, NULL,
 * valid small and large buffers, pointers just before an unmapped page,
 * read-only strings, valid fds of every kind). Nothing they do may panic,
 * hang or leak the kernel: the parent (PID 1) checks that it survives, that
 * every child can be killed and reaped, and that free memory comes back.
 *
 * Reproducing: the seed is printed; boot with fuzz_seed=N on the kernel
 * command line (it reaches /init as the FUZZ_SEED environment variable... as
 * Linux passes unknown a=b parameters: FUZZ_SEED=N) and FUZZ_VERBOSE=1 to
 * print every call before it is made. FUZZ_CHILDREN and FUZZ_CALLS change
 * the amount of work. Children are deterministic given the seed (child i
 * uses seed*1000003+i), so FUZZ_FIRST=i starts at the child that crashed.
 *
 * Only calls that would end or cripple the test itself are skipped or
 * tamed (see skip() and tame()): exit, vfork, clone3 and clone sharing
 * memory, reboot with its magic, signals to PID 1 / -1, and Linux-only
 * root calls that reach outside the child (kexec, modules, swap, ptrace,
 * process_vm_*, pivot_root, the new mount API). Runs as /init then powers
 * off, or as an ordinary program. */
#define _GNU_SOURCE
#include <dirent.h>
#include <sched.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "utest.h"

static unsigned long rng;
static unsigned long rnd(void)	/* xorshift64*: fixed, so seeds reproduce */
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717UL;
}

static long rawsys(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 asm("r10") = d, r8 asm("r8") = e, r9 asm("r9") = f;
	long ret;
	asm volatile("syscall" : "=a"(ret)
		     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
		     : "rcx", "r11", "memory");
	return ret;
}

static __attribute__((noreturn)) void raw_exit(int code)
{
	for (;;)
		rawsys(60, code, 0, 0, 0, 0, 0);
}

#define FZ "/tmp/fz"
static const char *const paths[] = {
	FZ "/a", FZ "/d", FZ "/d/x", FZ "/l", FZ "/p", FZ "/n", FZ "/a/", FZ "/d/../a",
	"/proc/self/status", "/proc/self", "/proc", "/", ".", "..", "", "tmpfs", "proc",
	"ramfs", "devpts", "/tmp",
};
static char longname[300], longpath[5000];
static char small[256] __attribute__((aligned(64)));
static char *large;		/* 64 KiB */
static char *edge;		/* end of a page followed by an unmapped one */
static int fds[16], nfds;
static int verbose;
static long nr_lo, nr_hi = 1L << 40;	/* FUZZ_NR_LO/HI: bisecting a leak */

static long kptrs[] = {
	(long)0xffff800000000000UL, (long)0xffff888000000000UL, (long)0xffffffff81000000UL,
	(long)0xffffffff80000000UL, (long)0xfffffffffffff000UL, (long)0x0000800000000000UL,
	(long)0x00007ffffffff000UL, (long)0x00007fffffffffffUL, 0x1000, 8,
};
static long bounds[] = {
	0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0x80000000L, 0xffffffffL,
	0x100000000L, 0x7fffffffffffffffL, (long)0x8000000000000000UL, 4095, 4096, 4097,
	65536, 1 << 20, 1 << 30, 511, 4 << 10, 1L << 40,
};

static long pick_path(void)
{
	unsigned n = sizeof(paths) / sizeof(paths[0]);
	unsigned r = rnd() % (n + 2);
	if (r == n)
		return (long)longname;
	if (r == n + 1)
		return (long)longpath;
	return (long)paths[r];
}

static long val(void)
{
	switch (rnd() % 16) {
	case 0: return 0;
	case 1: return rnd() % 17;
	case 2: return -(long)(1 + rnd() % 16);
	case 3: case 4: return nfds ? fds[rnd() % nfds] : 0;
	case 5: { long v = 1L << (rnd() % 63); return v + (long)(rnd() % 3) - 1; }
	case 6: return bounds[rnd() % (sizeof(bounds) / sizeof(bounds[0]))];
	case 7: return kptrs[rnd() % (sizeof(kptrs) / sizeof(kptrs[0]))];
	case 8: return (long)(small + (rnd() % 4 ? 0 : rnd() % 8));
	case 9: return (long)(large + (rnd() % 4 ? 0 : rnd() % 65536));
	case 10: { static const int k[] = { 1, 2, 4, 8, 16, 24, 64, 256, 0 };
		return (long)(edge - k[rnd() % 9]); }
	case 11: return pick_path();
	case 12: return (long)rnd();
	case 13: return (long)(unsigned)rnd();
	case 14: return (1L << (rnd() % 32)) | (1L << (rnd() % 32));
	default: return (long)(rnd() % 4096);
	}
}

static void fill_words(void *p, size_t bytes)
{
	long *w = p;
	for (size_t i = 0; i < bytes / 8; i++)
		w[i] = rnd() % 3 ? val() : (long)(rnd() % 64);
}

/* Calls that would end or cripple the test rather than test the kernel. */
static int skip(long nr)
{
	switch (nr) {
	case 58:	/* vfork: the child would run on our stack */
	case 60: case 231:	/* exit, exit_group */
	case 435:	/* clone3: may share memory without a stack */
	case 101:	/* ptrace: could attach to PID 1 on Linux */
	case 155:	/* pivot_root: changes everyone's root */
	case 163:	/* acct */
	case 167: case 168:	/* swapon, swapoff */
	case 175: case 176: case 313:	/* modules */
	case 246: case 320:	/* kexec */
	case 310: case 311:	/* process_vm_readv/writev into PID 1 */
	case 321:	/* bpf */
	case 428: case 429: case 430: case 431: case 432: case 433: case 442:	/* new mount API */
		return 1;
	}
	return 0;
}

static int in_fz(long p)
{
	for (unsigned i = 0; i < 8; i++)
		if (p == (long)paths[i])
			return 1;
	return 0;
}

/* Keep the child fuzzing and PID 1 unharmed without hiding kernel paths. */
static void tame(long nr, long *a)
{
	long self = rawsys(39, 0, 0, 0, 0, 0, 0);
	switch (nr) {
	case 62: case 129:	/* kill, rt_sigqueueinfo: never PID 1 or everyone */
		if ((int)a[1] == SIGSTOP || (int)a[1] == SIGTSTP)
			a[1] = SIGCONT;
		if ((int)a[0] == 1 || (int)a[0] == -1)
			a[0] = self;
		break;
	case 200:	/* tkill */
		if ((int)a[1] == SIGSTOP)
			a[1] = SIGCONT;	/* a stopped child only waits for the timeout */
		if ((int)a[0] == 1)
			a[0] = self;
		break;
	case 234: case 297:	/* tgkill, rt_tgsigqueueinfo */
		if ((int)a[0] == 1 || (int)a[0] == -1)
			a[0] = self;
		if ((int)a[1] == 1)
			a[1] = self;
		break;
	case 302:	/* prlimit64 on PID 1 would starve the parent */
	case 203: case 142: case 144:	/* sched_setaffinity, setparam, setscheduler */
		if ((int)a[0] == 1)
			a[0] = 0;
		break;
	case 56:	/* clone: never share memory or return to the parent */
		a[0] &= ~(long)(CLONE_VM | CLONE_VFORK | CLONE_THREAD | CLONE_SIGHAND | CLONE_PARENT);
		a[1] = 0;
		break;
	case 169:	/* reboot: never with the real magic */
		if ((unsigned)a[0] == 0xfee1dead)
			a[0] = 0;
		break;
	case 165:	/* mount: only on our own directories */
		if (!in_fz(a[1]))
			a[1] = (long)(FZ "/d");
		break;
	case 166:
		if (!in_fz(a[0]))
			a[0] = (long)(FZ "/d");
		break;
	case 13:	/* rt_sigaction: keep our SIGALRM, it bounds blocking calls */
		if (a[0] == SIGALRM)
			a[0] = SIGUSR2;
		break;
	case 9:		/* mmap: nothing that commits all of RAM at once */
		a[3] &= ~(long)(MAP_POPULATE | MAP_LOCKED);
		break;
	}
	/* A blocked SIGALRM would let a blocking call hang until the parent
	 * gives up on the child: clear it wherever a mask may be read from. */
	small[1] &= ~(1 << (SIGALRM - 9));
	large[1] &= ~(1 << (SIGALRM - 9));
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void arm(void)
{
	struct itimerval it = { { 0, 20000 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
}

static void say(const char *s)
{
	if (write(100, s, strlen(s)) < 0) {
		int c = open("/dev/console", O_WRONLY | O_NOCTTY);
		if (c >= 0) {
			dup2(c, 100);
			close(c);
			(void)!write(100, s, strlen(s));
		}
	}
}

static void child(unsigned long seed, int idx, int calls)
{
	rng = seed * 1000003UL + idx + 1;
	setsid();
	if (chdir(FZ))
		(void)0;
	if (verbose)
		dup2(1, 100);
	/* Every kind of fd. */
	nfds = 0;
	int p[2];
	fds[nfds++] = open(FZ "/a", O_RDWR);
	fds[nfds++] = open(FZ "/d", O_RDONLY | O_DIRECTORY);
	if (pipe(p) == 0) {
		fds[nfds++] = p[0];
		fds[nfds++] = p[1];
	}
	fds[nfds++] = open("/dev/null", O_RDWR);
	fds[nfds++] = open("/dev/zero", O_RDONLY);
	fds[nfds++] = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	fds[nfds++] = open("/proc/self/status", O_RDONLY);
	fds[nfds++] = open("/proc", O_RDONLY | O_DIRECTORY);
	fds[nfds++] = open(FZ "/a", O_PATH);
	fds[nfds++] = open(FZ "/p", O_RDWR | O_NONBLOCK);
	fds[nfds++] = 1000;	/* never open */
	/* The console (0-2) stays out of reach: a hangup of it would silence PID 1. */
	close(0);
	close(1);
	close(2);
	fill_words(large, 65536);
	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	sigaction(SIGALRM, &sa, NULL);
	/* Signals the fuzzed calls send to themselves should not end the
	 * child at once (faults keep their default: a handler would loop). */
	for (int sig = 1; sig < 65; sig++)
		if (sig != SIGSEGV && sig != SIGBUS && sig != SIGILL && sig != SIGFPE &&
		    sig != SIGKILL && sig != SIGSTOP && sig != SIGPIPE && (sig < 32 || sig >= 35))
			sigaction(sig, &sa, NULL);
	arm();
	for (int i = 0; i < calls; i++) {
		long nr;
		unsigned r = rnd() % 64;
		if (r == 0)
			nr = (long)rnd() % 1024 * (rnd() % 2 ? 1 : -1);
		else if (r == 1)
			nr = 0x40000000L + (long)(rnd() % 512);	/* x32 bit */
		else {
			nr = rnd() % (335 + 27);
			if (nr >= 335)
				nr = 424 + (nr - 335);
		}
		long a[6];
		for (int k = 0; k < 6; k++)
			a[k] = val();
		fill_words(small, sizeof(small));
		if (skip(nr) || nr < nr_lo || nr > nr_hi)
			continue;
		if (nr == 15 && rnd() % 8)
			continue;	/* rt_sigreturn mostly ends the child: keep it rarer */
		tame(nr, a);
		if (verbose) {
			char line[200];
			snprintf(line, sizeof(line), "fuzz: child %d call %d: %ld(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n",
				 idx, i, nr, a[0], a[1], a[2], a[3], a[4], a[5]);
			say(line);
		}
		long ret = rawsys(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		if ((nr == 56 || nr == 57) && ret == 0)
			raw_exit(0);	/* the new process: only its creation was tested */
		if (nr == 37 || nr == 38)
			arm();
	}
	raw_exit(0);
}

static pid_t running;
static void parent_alarm(int sig)
{
	(void)sig;
}

/* Wait for @pid for at most @secs seconds; 1 if reaped. */
static int wait_bounded(pid_t pid, int secs, int *status)
{
	alarm(secs);
	pid_t w = waitpid(pid, status, 0);
	alarm(0);
	return w == pid;
}

/* Remove what the children made under FZ, never crossing into a mount. */
static void rm_tree(const char *path, dev_t dev)
{
	struct stat st;
	if (lstat(path, &st))
		return;
	if (S_ISDIR(st.st_mode)) {
		if (st.st_dev != dev)
			return;
		chmod(path, 0755);
		DIR *d = opendir(path);
		if (d) {
			struct dirent *e;
			char sub[512];
			while ((e = readdir(d))) {
				if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
					continue;
				snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
				rm_tree(sub, dev);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

static void cleanup(void)
{
	for (int round = 0; round < 8; round++)
		for (unsigned i = 0; i < 8; i++)
			umount2(paths[i], MNT_DETACH);
	struct stat st;
	if (stat("/tmp", &st) == 0)
		rm_tree(FZ, st.st_dev);
}

static void setup(void)
{
	mkdir("/tmp", 01777);
	cleanup();
	mkdir(FZ, 0777);
	mkdir(FZ "/d", 0777);
	int f = open(FZ "/a", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (f >= 0) {
		(void)!write(f, "fuzz\n", 5);
		close(f);
	}
	symlink("a", FZ "/l");
	mkfifo(FZ "/p", 0666);
}

/* Regressions found by this fuzzer, as direct calls. */
static void regressions(void)
{
	/* FUZZ_SEED=5 child 199: brk(8 TiB) then fork. fork walked every page
	 * of a huge sparse mapping, unkillable (also mprotect and mremap). */
	size_t huge = 1UL << 45;	/* 32 TiB: a walk per page never ends */
	char *m = mmap(NULL, huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK("mmap_32TiB_noreserve", m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	m[0] = 'a';
	m[huge - 1] = 'z';
	pid_t pid = fork();
	if (pid == 0)
		_exit(m[0] == 'a' && m[huge - 1] == 'z' ? 0 : 1);
	int st = -1;
	CHECK("fork_with_a_sparse_32TiB_mapping_completes", pid > 0 && waitpid(pid, &st, 0) == pid &&
	      WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK("mprotect_of_a_sparse_32TiB_mapping_completes", mprotect(m, huge, PROT_READ) == 0 && m[huge - 1] == 'z');
	char *n = mremap(m, huge, huge, MREMAP_MAYMOVE);
	CHECK("mremap_of_a_sparse_32TiB_mapping_completes", n != MAP_FAILED && n[0] == 'a' && n[huge - 1] == 'z');
	CHECK("munmap_of_a_sparse_32TiB_mapping", munmap(n != MAP_FAILED ? n : m, huge) == 0);
}

/* FUZZ_SEED=2, clone with random exit signals: a child cloned with exit
 * signal 0 whose parent died was handed to init still "a clone child", so
 * init's wait() never reaped it: ~7 pages lost per orphan. */
static void orphan_clone_child_is_reaped_by_init(void)
{
	pid_t gc = -1;
	int p[2];
	if (pipe(p))
		return;
	pid_t mid = fork();
	if (mid == 0) {
		long c = rawsys(56, 0 /* exit signal 0 */, 0, 0, 0, 0, 0);
		if (c == 0)
			raw_exit(5);
		siginfo_t si;
		/* It is a zombie before this process exits. */
		waitid(P_PID, c, &si, WEXITED | WNOWAIT | __WCLONE);
		(void)!write(p[1], &c, sizeof(c));
		_exit(0);
	}
	long c = -1;
	(void)!read(p[0], &c, sizeof(c));
	close(p[0]);
	close(p[1]);
	gc = c;
	int st = -1;
	waitpid(mid, &st, 0);
	CHECK("clone_child_with_exit_signal_0_exists", gc > 0);
	st = -1;
	CHECK("init_reaps_orphan_cloned_with_exit_signal_0", gc > 0 && waitpid(gc, &st, WNOHANG) == gc &&
	      WIFEXITED(st) && WEXITSTATUS(st) == 5);
}

static long getenv_long(const char *n, long def)
{
	const char *s = getenv(n);
	return s && *s ? strtol(s, NULL, 0) : def;
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	memset(longname, 'n', sizeof(longname) - 1);
	memset(longpath, 'p', sizeof(longpath) - 1);
	for (int i = 100; i < (int)sizeof(longpath) - 1; i += 100)
		longpath[i] = '/';
	large = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *two = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("buffers_mapped", large != MAP_FAILED && two != MAP_FAILED);
	if (large == MAP_FAILED || two == MAP_FAILED)
		goto out;
	munmap(two + 4096, 4096);
	memset(two, 'e', 4096);	/* no NUL before the hole */
	edge = two + 4096;

	unsigned long seed = getenv_long("FUZZ_SEED", 1);
	int children = getenv_long("FUZZ_CHILDREN", 64);
	int calls = getenv_long("FUZZ_CALLS", 300);
	int first = getenv_long("FUZZ_FIRST", 0);
	verbose = getenv_long("FUZZ_VERBOSE", 0);
	nr_lo = getenv_long("FUZZ_NR_LO", -(1L << 40));
	nr_hi = getenv_long("FUZZ_NR_HI", 1L << 40);
	printf("fuzz: seed %lu, children %d..%d, %d calls each (FUZZ_SEED=%lu FUZZ_FIRST=%d reproduces)\n",
	       seed, first, children - 1, calls, seed, first);

	regressions();
	orphan_clone_child_is_reaped_by_init();
	struct sigaction sa = { .sa_handler = parent_alarm };
	sigaction(SIGALRM, &sa, NULL);
	setup();
	struct sysinfo si0, si1;
	sysinfo(&si0);

	int hung = 0, reaped = 0, spawned = 0, by_signal = 0;
	for (int i = first; i < children && !hung; i++) {
		setup();
		pid_t pid = fork();
		if (pid < 0) {
			printf("fuzz: fork failed: %s\n", strerror(errno));
			break;
		}
		if (pid == 0)
			child(seed, i, calls);
		running = pid;
		spawned++;
		int st = 0;
		if (!wait_bounded(pid, 10, &st)) {
			kill(pid, SIGKILL);
			if (!wait_bounded(pid, 10, &st)) {
				printf("fuzz: child %d (pid %d, seed %lu) survives SIGKILL: a hang in the kernel\n",
				       i, pid, seed);
				hung++;
				continue;
			}
		}
		reaped++;
		if (WIFSIGNALED(st))
			by_signal++;
		/* Grandchildren (fork/clone) that outlived their parent. */
		while (waitpid(-1, &st, WNOHANG) > 0)
			;
	}
	printf("fuzz: %d children, %d reaped, %d ended by a signal\n", spawned, reaped, by_signal);
	CHECK("every_child_was_spawned", spawned == children - first);
	CHECK("every_child_could_be_killed_and_reaped", hung == 0 && reaped == spawned);
	/* Orphans get a bounded time to be reaped too. */
	for (int k = 0; k < 5; k++) {
		alarm(2);
		pid_t w = waitpid(-1, NULL, 0);
		alarm(0);
		if (w < 0 && errno == ECHILD)
			break;
	}
	CHECK_ERRNO("no_process_left_behind", waitpid(-1, NULL, WNOHANG), ECHILD);

	cleanup();
	/* The kernel still works: a file round trip and a fork. */
	int f = open("/fuzz_after", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char buf[8] = { 0 };
	CHECK("file_round_trip_after_fuzzing", f >= 0 && write(f, "alive", 5) == 5 &&
	      pread(f, buf, 5, 0) == 5 && !memcmp(buf, "alive", 5));
	close(f);
	unlink("/fuzz_after");
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	int st = 0;
	CHECK("fork_after_fuzzing", pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	      WEXITSTATUS(st) == 7);

	sysinfo(&si1);
	long lost = ((long)si0.freeram - (long)si1.freeram) * (long)si0.mem_unit / 4096;
	printf("fuzz leak check: %ld pages lost over %d children\n", lost, spawned);
	/* Lost kernel objects per call would be thousands of pages; caches
	 * and the page-table of PID 1 account for a few dozen. */
	if (getenv("LUCID_STRICT_LEAK"))
		CHECK("fuzzing_returns_memory_within_256_pages", lost <= 256);
out:
	printf("fuzz: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
