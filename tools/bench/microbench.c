/* Lucid's microbenchmarks, lmbench-style. Runs as /init on Lucid or Linux;
 * prints "BENCH <name> <value> <unit>" per benchmark (time per operation,
 * from CLOCK_MONOTONIC in the guest), then powers off. The kernel command
 * line sets the iteration scale: benchscale=N (default 100 = full runs;
 * 1 for the smoke test in make test). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
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
	long n = iters(3000000);
	double t = now_ns();
	for (long i = 0; i < n; i++)
		syscall(SYS_getpid);
	report("getpid", now_ns() - t, n, "ns");
}

static void bench_fork(void)
{
	long n = iters(3000);
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
	long n = iters(500);
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
	long rounds = iters(6);
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
	long n = iters(100000);
	double t = now_ns();
	for (long i = 0; i < n; i++) {
		void *m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		munmap(m, 1 << 20);
	}
	report("mmap+munmap-1MiB", now_ns() - t, n, "ns");
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
	printf("bench: done\n");
	reboot(RB_POWER_OFF);
	return 0;
}
