/* Lucid's microbenchmarks, lmbench-style. Runs as /init on Lucid or Linux;
 * prints "BENCH <name> <value> <unit>" per benchmark (time per operation,
 * from CLOCK_MONOTONIC in the guest), then powers off. The kernel command
 * line sets the iteration scale: benchscale=N (default 100 = full runs;
 * 1 for the smoke test in make test). Full counts are chosen so that each
 * benchmark takes about a second (a few at most) under TCG on the slower of
 * the two kernels, so a round stays a couple of minutes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>

static long scale = 100;

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static long iters(long full)
{
	long n = full * scale / 100;
	return n < 1 ? 1 : n;
}

static void report(const char *name, double total_ns, long n, const char *unit)
{
	double per = total_ns / n;
	if (!strcmp(unit, "us"))
		per /= 1000;
	printf("BENCH %s %.3f %s\n", name, per, unit);
}

static void bench_getpid(void)
{
	long n = iters(1000000);
	double t = now_ns();
	for (long i = 0; i < n; i++)
		syscall(SYS_getpid);
	report("getpid", now_ns() - t, n, "ns");
}

static void bench_fork(void)
{
	long n = iters(100);
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		waitpid(p, NULL, 0);
	}
	report("fork+exit+wait", now_ns() - t, n, "us");
}

static void bench_exec(int use_vfork)
{
	long n = iters(80);
	char *argv[] = { "/tiny", NULL };
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		pid_t p = use_vfork ? vfork() : fork();
		if (p == 0) {
			execve("/tiny", argv, NULL);
			_exit(127);
		}
		waitpid(p, NULL, 0);
	}
	report(use_vfork ? "vfork+exec+wait" : "fork+exec+wait", now_ns() - t, n, "us");
}

static void bench_page_faults(void)
{
	size_t len = 64UL << 20;
	long rounds = iters(2);
	double total = 0;
	for (long r = 0; r < rounds; r++) {
		char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m == MAP_FAILED) {
			printf("BENCH anon-page-fault n/a us\n");
			return;
		}
		double t = now_ns();
		for (size_t off = 0; off < len; off += 4096)
			m[off] = 1;
		total += now_ns() - t;
		munmap(m, len);
	}
	report("anon-page-fault", total, rounds * (long)(len / 4096), "ns");
}

static void bench_mmap(void)
{
	long n = iters(20000);
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		void *m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		munmap(m, 1 << 20);
	}
	report("mmap+munmap-1MiB", now_ns() - t, n, "ns");
}

/* Benchmarks of files, pipes and the shell. Each prints "n/a" when the kernel
 * lacks what it needs (an errno from open, pipe, fork...), never a number. */
static void na(const char *name)
{
	printf("BENCH %s n/a\n", name);
}

static void bench_rw_dev(const char *name, const char *path, int writing)
{
	static char buf[4096];
	int fd = open(path, writing ? O_WRONLY : O_RDONLY);
	if (fd < 0)
		return na(name);
	long n = iters(30000);
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		long r = writing ? write(fd, buf, sizeof buf) : read(fd, buf, sizeof buf);
		if (r != sizeof buf) {
			close(fd);
			return na(name);
		}
	}
	report(name, now_ns() - t, n, "ns");
	close(fd);
}

static void bench_open_stat(void)
{
	struct stat st;
	long n = iters(30000);
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		int fd = open("/tiny", O_RDONLY);
		if (fd < 0) {
			na("open+close");
			break;
		}
		close(fd);
		if (i == n - 1)
			report("open+close", now_ns() - t, n, "ns");
	}
	t = now_ns();
	for (long i = 0; i < n; i++)
		if (stat("/tiny", &st) < 0)
			return na("stat");
	report("stat", now_ns() - t, n, "ns");
}

/* Pipe ping-pong: one byte each way between parent and child. Each round trip
 * is also two context switches, so it gives both rows. */
static void bench_pipe_latency(void)
{
	int a[2], b[2];
	char c = 0;
	if (pipe(a) < 0 || pipe(b) < 0) {
		na("pipe-latency");
		return na("context-switch");
	}
	long n = iters(1000);
	pid_t p = fork();
	if (p < 0) {
		na("pipe-latency");
		return na("context-switch");
	}
	if (p == 0) {
		for (long i = 0; i < n; i++)
			if (read(a[0], &c, 1) != 1 || write(b[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	double t = now_ns();
	long i;
	for (i = 0; i < n; i++)
		if (write(a[1], &c, 1) != 1 || read(b[0], &c, 1) != 1)
			break;
	double dt = now_ns() - t;
	int status = 1;
	close(a[1]);
	close(b[0]);
	waitpid(p, &status, 0);
	close(a[0]);
	close(b[1]);
	if (i < n || status != 0) {
		na("pipe-latency");
		return na("context-switch");
	}
	report("pipe-latency", dt, n, "ns");
	report("context-switch", dt, 2 * n, "ns");
}

static void bench_pipe_throughput(void)
{
	static char buf[65536];
	int fd[2];
	long n = iters(300);
	if (pipe(fd) < 0)
		return na("pipe-throughput-64KiB");
	pid_t p = fork();
	if (p < 0)
		return na("pipe-throughput-64KiB");
	if (p == 0) {
		close(fd[1]);
		long got = 0, r;
		while ((r = read(fd[0], buf, sizeof buf)) > 0)
			got += r;
		_exit(got == n * (long)sizeof buf ? 0 : 1);
	}
	close(fd[0]);
	double t = now_ns();
	for (long i = 0; i < n; i++)
		if (write(fd[1], buf, sizeof buf) != sizeof buf)
			break;
	close(fd[1]);
	int status = 1;
	waitpid(p, &status, 0);
	double dt = now_ns() - t;
	if (status != 0)
		return na("pipe-throughput-64KiB");
	/* MiB/s would be "higher is better"; keep every row a time: us per 64 KiB. */
	report("pipe-throughput-64KiB", dt, n, "us");
}

static void bench_tmpfs(void)
{
	static char buf[1 << 20];
	long n = iters(3000);
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		int fd = open("/tmp/f", O_CREAT | O_WRONLY | O_TRUNC, 0644);
		if (fd < 0 || write(fd, buf, 4096) != 4096)
			return na("tmpfs-create-write-unlink");
		close(fd);
		unlink("/tmp/f");
	}
	report("tmpfs-create-write-unlink", now_ns() - t, n, "us");

	long rounds = iters(4);
	double wt = 0, rt = 0;
	for (long r = 0; r < rounds; r++) {
		int fd = open("/tmp/big", O_CREAT | O_RDWR | O_TRUNC, 0644);
		if (fd < 0) {
			na("tmpfs-16MiB-write");
			return na("tmpfs-16MiB-read");
		}
		t = now_ns();
		for (int i = 0; i < 16; i++)
			if (write(fd, buf, sizeof buf) != sizeof buf)
				goto fail;
		wt += now_ns() - t;
		if (lseek(fd, 0, SEEK_SET) != 0)
			goto fail;
		t = now_ns();
		for (int i = 0; i < 16; i++)
			if (read(fd, buf, sizeof buf) != sizeof buf)
				goto fail;
		rt += now_ns() - t;
		close(fd);
		unlink("/tmp/big");
	}
	report("tmpfs-16MiB-write", wt, rounds, "us");
	report("tmpfs-16MiB-read", rt, rounds, "us");
	return;
fail:
	na("tmpfs-16MiB-write");
	na("tmpfs-16MiB-read");
}

/* busybox sh -c running /tiny 100 times (fork+exec each). */
static void bench_sh(void)
{
	static char script[100 * 8];
	script[0] = 0;
	for (int i = 0; i < 100; i++)
		strcat(script, "/tiny;");
	char *argv[] = { "sh", "-c", script, NULL };
	long n = iters(2);
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		pid_t p = fork();
		if (p < 0)
			return na("sh-100-commands");
		if (p == 0) {
			execve("/bin/sh", argv, NULL);
			_exit(127);
		}
		int status = 1;
		waitpid(p, &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return na("sh-100-commands");
	}
	report("sh-100-commands", now_ns() - t, n, "us");
}

/* The initramfs has no /dev or /tmp: make them (errors only mean that the
 * benchmarks needing them print n/a). */
static void make_nodes(void)
{
	mkdir("/dev", 0755);
	mkdir("/tmp", 01777);
	mknod("/dev/zero", S_IFCHR | 0666, makedev(1, 5));
	mknod("/dev/null", S_IFCHR | 0666, makedev(1, 3));
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("bench: init started\n");
	const char *s = getenv("benchscale");
	if (s)
		scale = atol(s) > 0 ? atol(s) : 1;
	struct sysinfo si;
	if (sysinfo(&si) == 0)
		printf("BENCH free-memory-at-init %lu KiB\n", si.freeram * si.mem_unit / 1024);
	bench_getpid();
	bench_fork();
	bench_exec(0);
	bench_exec(1);
	bench_page_faults();
	bench_mmap();
	make_nodes();
	bench_rw_dev("read-4KiB-/dev/zero", "/dev/zero", 0);
	bench_rw_dev("write-4KiB-/dev/null", "/dev/null", 1);
	bench_open_stat();
	bench_pipe_latency();
	bench_pipe_throughput();
	bench_tmpfs();
	bench_sh();
	printf("bench: done\n");
	reboot(RB_POWER_OFF);
	return 0;
}
