/* Garbage pointers to every system call of issue 3 that takes one: each
 * gives EFAULT, exactly as on Linux, and the kernel stays up. Every call is
 * made twice, with an unmapped low address and with a kernel address (which
 * access_ok() must refuse before anything is touched). The other arguments
 * are valid, so that the pointer is the only thing wrong. Raw syscall()
 * throughout: libc wrappers may look at the pointers themselves. Runs as
 * /init (then powers off) or as an ordinary program. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <poll.h>
#include <time.h>
#include "utest.h"

#define ARCH_GET_FS 0x1003
#define TCGETS 0x5401
#define TIOCGWINSZ 0x5413
#define P_PID 1
#define STATX_BASIC_STATS 0x7ff

static char tag[32];
static char name[128];

#define E(what, call) do { snprintf(name, sizeof(name), "%s_%s", what, tag); \
	CHECK_ERRNO(name, call, EFAULT); } while (0)

static pid_t zombie(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	/* It has exited once waitid(WNOWAIT) sees it. */
	siginfo_t si;
	syscall(SYS_waitid, P_PID, pid, &si, WEXITED | WNOWAIT, NULL);
	return pid;
}

static void sweep(void *B)
{
	char buf[256];
	struct stat st;
	struct timespec ts = { 0, 0 };
	struct timeval tv = { 0, 0 };
	int rfd = open("/init", O_RDONLY);
	int wfd = open("/efault_file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int dfd = open("/", O_RDONLY | O_DIRECTORY);
	if (rfd < 0 || wfd < 0 || dfd < 0 || write(wfd, "0123456789", 10) != 10) {
		CHECK("setup_files_for_the_sweep", 0);
		return;
	}
	lseek(wfd, 0, SEEK_SET);
	struct iovec bad_base = { B, 10 };

	/* Names. */
	E("open_name", syscall(SYS_open, B, O_RDONLY));
	E("openat_name", syscall(SYS_openat, AT_FDCWD, B, O_RDONLY));
	E("creat_name", syscall(SYS_creat, B, 0644));
	E("stat_name", syscall(SYS_stat, B, &st));
	E("lstat_name", syscall(SYS_lstat, B, &st));
	E("newfstatat_name", syscall(SYS_newfstatat, AT_FDCWD, B, &st, 0));
	E("statx_name", syscall(SYS_statx, AT_FDCWD, B, 0, STATX_BASIC_STATS, buf));
	E("mkdir_name", syscall(SYS_mkdir, B, 0755));
	E("mkdirat_name", syscall(SYS_mkdirat, AT_FDCWD, B, 0755));
	E("rmdir_name", syscall(SYS_rmdir, B));
	E("unlink_name", syscall(SYS_unlink, B));
	E("unlinkat_name", syscall(SYS_unlinkat, AT_FDCWD, B, 0));
	E("rename_old", syscall(SYS_rename, B, "/efault_new"));
	E("rename_new", syscall(SYS_rename, "/efault_file", B));
	E("renameat_old", syscall(SYS_renameat, AT_FDCWD, B, AT_FDCWD, "/efault_new"));
	E("renameat2_new", syscall(SYS_renameat2, AT_FDCWD, "/efault_file", AT_FDCWD, B, 0));
	E("link_old", syscall(SYS_link, B, "/efault_new"));
	E("link_new", syscall(SYS_link, "/efault_file", B));
	E("linkat_new", syscall(SYS_linkat, AT_FDCWD, "/efault_file", AT_FDCWD, B, 0));
	E("symlink_target", syscall(SYS_symlink, B, "/efault_new"));
	E("symlink_name", syscall(SYS_symlink, "/init", B));
	E("symlinkat_name", syscall(SYS_symlinkat, "/init", AT_FDCWD, B));
	E("readlink_name", syscall(SYS_readlink, B, buf, sizeof(buf)));
	E("readlinkat_name", syscall(SYS_readlinkat, AT_FDCWD, B, buf, sizeof(buf)));
	E("chdir_name", syscall(SYS_chdir, B));
	E("chmod_name", syscall(SYS_chmod, B, 0644));
	E("fchmodat_name", syscall(SYS_fchmodat, AT_FDCWD, B, 0644, 0));
	E("chown_name", syscall(SYS_chown, B, 0, 0));
	E("lchown_name", syscall(SYS_lchown, B, 0, 0));
	E("fchownat_name", syscall(SYS_fchownat, AT_FDCWD, B, 0, 0, 0));
	E("access_name", syscall(SYS_access, B, F_OK));
	E("faccessat_name", syscall(SYS_faccessat, AT_FDCWD, B, F_OK));
	E("faccessat2_name", syscall(SYS_faccessat2, AT_FDCWD, B, F_OK, 0));
	E("truncate_name", syscall(SYS_truncate, B, 0));
	E("utimensat_name", syscall(SYS_utimensat, AT_FDCWD, B, NULL, 0));
	E("mknod_name", syscall(SYS_mknod, B, S_IFIFO | 0644, 0));
	E("mknodat_name", syscall(SYS_mknodat, AT_FDCWD, B, S_IFIFO | 0644, 0));
	E("execve_name", syscall(SYS_execve, B, NULL, NULL));
	E("mount_target", syscall(SYS_mount, "none", B, "tmpfs", 0, NULL));
	E("mount_type", syscall(SYS_mount, "none", "/", B, 0, NULL));
	E("umount2_name", syscall(SYS_umount2, B, 0));
	E("sethostname_name", syscall(SYS_sethostname, B, 5));

	/* Buffers filled or read by the kernel. */
	E("read_buffer", syscall(SYS_read, rfd, B, 10));
	E("write_buffer", syscall(SYS_write, wfd, B, 10));
	E("pread64_buffer", syscall(SYS_pread64, rfd, B, 10, 0));
	E("pwrite64_buffer", syscall(SYS_pwrite64, wfd, B, 10, 0));
	E("readv_iovec_array", syscall(SYS_readv, rfd, B, 1));
	E("readv_iovec_base", syscall(SYS_readv, rfd, &bad_base, 1));
	E("writev_iovec_array", syscall(SYS_writev, wfd, B, 1));
	E("writev_iovec_base", syscall(SYS_writev, wfd, &bad_base, 1));
	E("fstat_buffer", syscall(SYS_fstat, rfd, B));
	E("stat_buffer", syscall(SYS_stat, "/init", B));
	E("lstat_buffer", syscall(SYS_lstat, "/init", B));
	E("newfstatat_buffer", syscall(SYS_newfstatat, AT_FDCWD, "/init", B, 0));
	E("statx_buffer", syscall(SYS_statx, AT_FDCWD, "/init", 0, STATX_BASIC_STATS, B));
	E("getdents64_buffer", syscall(SYS_getdents64, dfd, B, 4096));
	E("readlink_buffer", syscall(SYS_readlink, "/efault_link", B, 10));
	E("getcwd_buffer", syscall(SYS_getcwd, B, 256));
	E("utimensat_times", syscall(SYS_utimensat, AT_FDCWD, "/efault_file", B, 0));
	E("pipe_fds", syscall(SYS_pipe, B));
	E("pipe2_fds", syscall(SYS_pipe2, B, 0));
	E("poll_fds", syscall(SYS_poll, B, 1, 0));
	E("ppoll_fds", syscall(SYS_ppoll, B, 1, &ts, NULL, 8));
	struct pollfd pfd = { rfd, POLLIN, 0 };
	E("ppoll_timeout", syscall(SYS_ppoll, &pfd, 1, B, NULL, 8));
	E("select_readfds", syscall(SYS_select, 1, B, NULL, NULL, &tv));
	E("select_timeout", syscall(SYS_select, 0, NULL, NULL, NULL, B));
	E("pselect6_timeout", syscall(SYS_pselect6, 0, NULL, NULL, NULL, B, NULL));
	E("ioctl_tcgets", syscall(SYS_ioctl, 1, TCGETS, B));
	E("ioctl_tiocgwinsz", syscall(SYS_ioctl, 1, TIOCGWINSZ, B));

	/* Processes, time, limits, identity, signals. */
	E("uname_buffer", syscall(SYS_uname, B));
	E("sysinfo_buffer", syscall(SYS_sysinfo, B));
	E("times_buffer", syscall(SYS_times, B));
	E("getrusage_buffer", syscall(SYS_getrusage, RUSAGE_SELF, B));
	E("getrlimit_buffer", syscall(SYS_getrlimit, RLIMIT_NOFILE, B));
	E("setrlimit_buffer", syscall(SYS_setrlimit, RLIMIT_NOFILE, B));
	E("prlimit64_new", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, B, NULL));
	E("prlimit64_old", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, B));
	E("clock_gettime_buffer", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, B));
	E("clock_getres_buffer", syscall(SYS_clock_getres, CLOCK_MONOTONIC, B));
	E("gettimeofday_tv", syscall(SYS_gettimeofday, B, NULL));
	E("gettimeofday_tz", syscall(SYS_gettimeofday, NULL, B));
	E("time_buffer", syscall(SYS_time, B));
	E("nanosleep_request", syscall(SYS_nanosleep, B, NULL));
	E("clock_nanosleep_request", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, B, NULL));
	E("getitimer_buffer", syscall(SYS_getitimer, ITIMER_REAL, B));
	E("setitimer_new", syscall(SYS_setitimer, ITIMER_REAL, B, NULL));
	E("getrandom_buffer", syscall(SYS_getrandom, B, 16, 0));
	E("sched_getaffinity_mask", syscall(SYS_sched_getaffinity, 0, 128, B));
	E("sched_setaffinity_mask", syscall(SYS_sched_setaffinity, 0, 128, B));
	E("getresuid_ruid", syscall(SYS_getresuid, B, buf, buf + 8));
	E("getresgid_egid", syscall(SYS_getresgid, buf, B, buf + 8));
	E("setgroups_list", syscall(SYS_setgroups, 1, B));
	gid_t g0 = 0;
	syscall(SYS_setgroups, 1, &g0);	/* with none, getgroups copies nothing */
	E("getgroups_list", syscall(SYS_getgroups, 10, B));
	E("rt_sigaction_new", syscall(SYS_rt_sigaction, SIGUSR1, B, NULL, 8));
	E("rt_sigaction_old", syscall(SYS_rt_sigaction, SIGUSR1, NULL, B, 8));
	E("rt_sigprocmask_new", syscall(SYS_rt_sigprocmask, SIG_BLOCK, B, NULL, 8));
	E("rt_sigprocmask_old", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, B, 8));
	E("rt_sigpending_set", syscall(SYS_rt_sigpending, B, 8));
	E("rt_sigsuspend_set", syscall(SYS_rt_sigsuspend, B, 8));
	E("rt_sigtimedwait_set", syscall(SYS_rt_sigtimedwait, B, NULL, &ts, 8));
	E("sigaltstack_new", syscall(SYS_sigaltstack, B, NULL));
	E("sigaltstack_old", syscall(SYS_sigaltstack, NULL, B));
	E("arch_prctl_get_fs", syscall(SYS_arch_prctl, ARCH_GET_FS, B));
	E("wait4_status", syscall(SYS_wait4, zombie(), B, 0, NULL));
	E("wait4_rusage", syscall(SYS_wait4, zombie(), buf, 0, B));
	E("waitid_info", syscall(SYS_waitid, P_PID, zombie(), B, WEXITED, NULL));

	close(rfd);
	close(wfd);
	close(dfd);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;	/* children whose wait gave EFAULT were reaped anyway */
}

/* A buffer that runs into an unmapped page part way: the kernel copies up
 * to the boundary and reports exactly that much, wherever the boundary falls
 * relative to the copy's 8-byte steps. */
static void partial_copies(void)
{
	char *m = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || munmap(m + 4096, 4096)) {
		CHECK("setup_partial_copies", 0);
		return;
	}
	int fd = open("/init", O_RDONLY);
	for (int k = 1; k <= 13; k += 12) {
		char *buf = m + 4096 - k;	/* k bytes before the hole */
		char name2[80];
		snprintf(name2, sizeof(name2), "read_into_%d_bytes_before_a_hole_returns_%d", k, k);
		CHECK(name2, syscall(SYS_pread64, fd, buf, 100, 0) == k);
		memset(buf, 'z', k);
		int w = open("/efault_partial", O_RDWR | O_CREAT | O_TRUNC, 0644);
		snprintf(name2, sizeof(name2), "write_from_%d_bytes_before_a_hole_returns_%d", k, k);
		CHECK(name2, syscall(SYS_write, w, buf, 100) == k);
		close(w);
	}
	close(fd);
	munmap(m, 4096);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (symlink("/init", "/efault_link") && errno != EEXIST)
		printf("(cannot make /efault_link: %s)\n", strerror(errno));
	snprintf(tag, sizeof(tag), "unmapped");
	sweep((void *)8);
	snprintf(tag, sizeof(tag), "kernel");
	sweep((void *)0xffff888000000000UL);
	partial_copies();
	CHECK("kernel_survived_the_sweep", getpid() > 0);
	printf("efault: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
