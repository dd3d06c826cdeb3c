/* Clocks, sleeping, uname, getrandom, resource limits: success paths and
 * exact errnos. Runs as /init under Lucid and Linux. */
#include <stdlib.h>
#include <time.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/resource.h>
#include <sys/reboot.h>
#include <sys/random.h>
#include "utest.h"

static void test_clocks(void)
{
	struct timespec a, b, res;
	CHECK("clock_gettime_monotonic", clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	int backwards = 0;
	for (int i = 0; i < 1000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &b);
		backwards += b.tv_sec < a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec < a.tv_nsec);
		a = b;
	}
	CHECK("monotonic_clock_never_goes_backwards", backwards == 0);
	struct timespec rt;
	CHECK("clock_gettime_realtime_after_2020", clock_gettime(CLOCK_REALTIME, &rt) == 0 && rt.tv_sec > 1577836800);
	struct timeval tv;
	CHECK("gettimeofday_agrees_with_realtime", gettimeofday(&tv, NULL) == 0 && tv.tv_sec - rt.tv_sec < 5);
	CHECK("time_agrees_with_realtime", time(NULL) - rt.tv_sec < 5);
	CHECK("clock_getres_monotonic_is_positive", clock_getres(CLOCK_MONOTONIC, &res) == 0 &&
	      (res.tv_sec > 0 || res.tv_nsec > 0));
	CHECK_ERRNO("clock_gettime_bad_clock_gives_einval", syscall(SYS_clock_gettime, 999, &a), EINVAL);
	CHECK_ERRNO("clock_gettime_bad_pointer_gives_efault", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, (void *)8), EFAULT);
}

static void test_sleep(void)
{
	struct timespec req = { 0, 20 * 1000 * 1000 }, t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK("nanosleep_20ms_returns_0", syscall(SYS_nanosleep, &req, NULL) == 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ns = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
	CHECK("nanosleep_does_not_wake_early", ns >= 20 * 1000 * 1000);
	struct timespec bad = { 0, 1000000000L };
	CHECK_ERRNO("nanosleep_nsec_out_of_range_gives_einval", syscall(SYS_nanosleep, &bad, NULL), EINVAL);
	struct timespec neg = { -1, 0 };
	CHECK_ERRNO("nanosleep_negative_gives_einval", syscall(SYS_nanosleep, &neg, NULL), EINVAL);
	CHECK_ERRNO("nanosleep_bad_pointer_gives_efault", syscall(SYS_nanosleep, (void *)8, NULL), EFAULT);
	struct timespec abs;
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 10 * 1000 * 1000;
	if (abs.tv_nsec >= 1000000000L) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000L;
	}
	CHECK("clock_nanosleep_abstime", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL) == 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK("clock_nanosleep_abstime_reaches_deadline",
	      t1.tv_sec > abs.tv_sec || (t1.tv_sec == abs.tv_sec && t1.tv_nsec >= abs.tv_nsec));
	CHECK("clock_nanosleep_bad_clock_gives_einval",
	      clock_nanosleep(999, 0, &req, NULL) == EINVAL);	/* returns the error number */
}

static void test_uname_and_hostname(void)
{
	struct utsname u;
	CHECK("uname_succeeds", uname(&u) == 0);
	CHECK("uname_sysname_is_linux", !strcmp(u.sysname, "Linux"));
	CHECK("uname_machine_is_x86_64", !strcmp(u.machine, "x86_64"));
	CHECK_ERRNO("uname_bad_pointer_gives_efault", syscall(SYS_uname, (void *)8), EFAULT);
	CHECK("sethostname_succeeds_as_root", sethostname("lucidtest", 9) == 0);
	CHECK("uname_shows_new_hostname", uname(&u) == 0 && !strcmp(u.nodename, "lucidtest"));
	char big[100];
	memset(big, 'a', sizeof(big));
	CHECK_ERRNO("sethostname_too_long_gives_einval", sethostname(big, 65), EINVAL);
}

static void test_random(void)
{
	unsigned char a[64], b[64];
	CHECK("getrandom_fills_buffer", getrandom(a, sizeof(a), 0) == (ssize_t)sizeof(a));
	getrandom(b, sizeof(b), GRND_NONBLOCK);
	CHECK("getrandom_differs_between_calls", memcmp(a, b, sizeof(a)) != 0);
	CHECK_ERRNO("getrandom_bad_flags_gives_einval", syscall(SYS_getrandom, a, 8, 0x100), EINVAL);
	CHECK_ERRNO("getrandom_bad_pointer_gives_efault", syscall(SYS_getrandom, (void *)8, 8, 0), EFAULT);
}

static void test_rlimits(void)
{
	struct rlimit r;
	CHECK("getrlimit_nofile", getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur > 0 && r.rlim_cur <= r.rlim_max);
	CHECK("getrlimit_stack_default_8m", getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur == 8 << 20);
	struct rlimit lower = { 512, r.rlim_max };
	getrlimit(RLIMIT_NOFILE, &r);
	lower.rlim_max = r.rlim_max;
	CHECK("setrlimit_lowers_soft_limit", setrlimit(RLIMIT_NOFILE, &lower) == 0 &&
	      getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 512);
	struct rlimit inverted = { 10, 5 };
	CHECK_ERRNO("setrlimit_soft_above_hard_gives_einval", setrlimit(RLIMIT_NOFILE, &inverted), EINVAL);
	CHECK_ERRNO("getrlimit_bad_resource_gives_einval", syscall(SYS_getrlimit, 99, &r), EINVAL);
	CHECK_ERRNO("prlimit_bad_pointer_gives_efault", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, (void *)8), EFAULT);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_clocks();
	test_sleep();
	test_uname_and_hostname();
	test_random();
	test_rlimits();
	printf("misc: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
