/* procfs as programs see it: the formats of /proc/self/{stat,status,statm,
 * maps,cmdline,environ,comm,fd,task}, /proc/<pid> of a zombie child and its
 * disappearance once reaped, and the system-wide files (meminfo, stat,
 * uptime, loadavg, version, mounts, filesystems, cpuinfo, sys/kernel),
 * checked against what the test knows: its own pid and parent, its stack
 * and a fresh mmap, its open fds, its argv and environment, sysinfo(2)'s
 * memory figures, the QEMU memory size (256 MiB in run-tests.sh). Runs as
 * /init under Lucid and Linux; mounts /proc itself when it is not there
 * (Linux in a bare initramfs). */
#include <stdlib.h>
#include <stdint.h>
#include <fcntl.h>
#include <dirent.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/auxv.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "utest.h"

static char text[65536];

/* The whole file into text (NUL-terminated); its length, or -1. */
static long slurp(const char *name)
{
	int fd = open(name, O_RDONLY);
	if (fd < 0)
		return -1;
	long len = 0, n;
	while ((n = read(fd, text + len, sizeof(text) - 1 - len)) > 0)
		len += n;
	close(fd);
	text[len] = 0;
	return n < 0 ? -1 : len;
}

static long field_after(const char *s, const char *key)
{
	const char *p = strstr(s, key);
	if (!p)
		return -1;
	return strtol(p + strlen(key), NULL, 10);
}

/* Does directory dir list name? */
static int lists(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (!strcmp(e->d_name, name))
			found = 1;
	closedir(d);
	return found;
}

/* /proc/<pid>/stat split after the ")" of comm: fields[0] is the state
 * (field 3); returns the number of fields after comm. */
static int stat_fields(const char *s, char *comm, size_t commlen, char fields[][32], int max)
{
	const char *open_ = strchr(s, '('), *close_ = strrchr(s, ')');
	if (!open_ || !close_)
		return -1;
	size_t n = (size_t)(close_ - open_ - 1);
	if (n >= commlen)
		n = commlen - 1;
	memcpy(comm, open_ + 1, n);
	comm[n] = 0;
	int k = 0;
	const char *p = close_ + 1;
	while (*p && *p != '\n' && k < max) {
		while (*p == ' ')
			p++;
		int i = 0;
		while (*p && *p != ' ' && *p != '\n' && i < 31)
			fields[k][i++] = *p++;
		fields[k][i] = 0;
		if (i)
			k++;
	}
	return k;
}

static void check_self_stat(void)
{
	char comm[64], f[64][32];
	CHECK("stat_readable", slurp("/proc/self/stat") > 0);
	CHECK("stat_starts_with_pid", atol(text) == getpid());
	int n = stat_fields(text, comm, sizeof(comm), f, 64);
	CHECK("stat_has_52_fields", n == 50);
	CHECK("stat_comm_is_init", !strcmp(comm, "init"));
	CHECK("stat_state_running", !strcmp(f[0], "R"));
	CHECK("stat_ppid_is_getppid", atol(f[1]) == getppid());
	CHECK("stat_pgrp_is_getpgrp", atol(f[2]) == getpgrp());
	CHECK("stat_session_is_getsid", atol(f[3]) == getsid(0));
	CHECK("stat_num_threads_is_1", atol(f[17]) == 1);
	CHECK("stat_vsize_nonzero", strtoull(f[20], NULL, 10) > 0);
	CHECK("stat_rss_nonzero", atol(f[21]) > 0);
	CHECK("stat_exit_signal_sigchld", atol(f[35]) == SIGCHLD || getpid() == 1);
}

static void check_self_status(void)
{
	CHECK("status_readable", slurp("/proc/self/status") > 0);
	CHECK("status_name_init", !strncmp(text, "Name:\tinit\n", 11));
	CHECK("status_state_running", strstr(text, "\nState:\tR (running)\n") != NULL);
	CHECK("status_pid", field_after(text, "\nPid:\t") == getpid());
	CHECK("status_tgid", field_after(text, "\nTgid:\t") == getpid());
	CHECK("status_ppid", field_after(text, "\nPPid:\t") == getppid());
	char uid[64];
	snprintf(uid, sizeof(uid), "\nUid:\t%u\t%u\t", getuid(), geteuid());
	CHECK("status_uid", strstr(text, uid) != NULL);
	CHECK("status_threads_1", field_after(text, "\nThreads:\t") == 1);
	long vmsize = field_after(text, "\nVmSize:\t");
	CHECK("status_vmsize_nonzero", vmsize > 0);
	CHECK("statm_readable", slurp("/proc/self/statm") > 0);
	CHECK("statm_size_matches_vmsize", atol(text) * (sysconf(_SC_PAGESIZE) / 1024) == vmsize);
	CHECK("comm_is_init", slurp("/proc/self/comm") == 5 && !strcmp(text, "init\n"));
	/* prctl(PR_SET_NAME) renames the process as ps sees it (busybox names
	 * its forked applets so); 15 bytes at most. */
	char name[32] = "";
	CHECK("prctl_set_name", prctl(PR_SET_NAME, "a-much-longer-name-than-15", 0, 0, 0) == 0);
	CHECK("prctl_name_cut_to_15", prctl(PR_GET_NAME, name, 0, 0, 0) == 0 && !strcmp(name, "a-much-longer-n"));
	CHECK("comm_follows_prctl", slurp("/proc/self/comm") > 0 && !strcmp(text, "a-much-longer-n\n"));
	CHECK("stat_comm_follows_prctl", slurp("/proc/self/stat") > 0 && strstr(text, " (a-much-longer-n) "));
	CHECK_ERRNO("prctl_set_name_efault", prctl(PR_SET_NAME, (char *)8, 0, 0, 0), EFAULT);
	CHECK("prctl_back_to_init", prctl(PR_SET_NAME, "init", 0, 0, 0) == 0);
	/* Writing comm renames ourselves; another process's is EINVAL. */
	int cfd = open("/proc/self/comm", O_WRONLY);
	CHECK("comm_write_renames", cfd >= 0 && write(cfd, "renamed", 7) == 7 && close(cfd) == 0 &&
	      slurp("/proc/self/comm") == 8 && !strcmp(text, "renamed\n"));
	pid_t c = fork();
	if (c == 0) {
		int fd = open("/proc/1/comm", O_WRONLY);
		_exit(fd >= 0 && write(fd, "x", 1) == -1 && errno == EINVAL ? 0 : 1);
	}
	int cst = -1;
	CHECK("comm_write_other_process_einval", c > 0 && waitpid(c, &cst, 0) == c && WIFEXITED(cst) &&
	      WEXITSTATUS(cst) == 0);
	cfd = open("/proc/self/comm", O_WRONLY);
	CHECK("comm_write_back", cfd >= 0 && write(cfd, "init", 4) == 4 && close(cfd) == 0);
}

/* Is [lo, hi) inside one line of maps, and with which permissions? */
static int maps_has(uintptr_t lo, uintptr_t hi, const char *perms, const char *name)
{
	char *line = text;
	while (*line) {
		char *end = strchr(line, '\n');
		if (!end)
			break;
		*end = 0;
		unsigned long a, b;
		char p[8];
		int ok = sscanf(line, "%lx-%lx %4s", &a, &b, p) == 3 && a <= lo && hi <= b &&
			 (!perms || !strcmp(p, perms)) && (!name || strstr(line, name));
		*end = '\n';
		if (ok)
			return 1;
		line = end + 1;
	}
	return 0;
}

static void check_maps(void)
{
	int local = 0;
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("maps_mmap_ok", m != MAP_FAILED);
	CHECK("maps_readable", slurp("/proc/self/maps") > 0);
	CHECK("maps_stack_line_holds_a_local", maps_has((uintptr_t)&local, (uintptr_t)&local + 1, "rw-p", "[stack]"));
	CHECK("maps_fresh_mmap_listed_rw", maps_has((uintptr_t)m, (uintptr_t)m + 3 * pg, "rw-p", NULL));
	CHECK("maps_code_listed_rx", maps_has((uintptr_t)check_maps, (uintptr_t)check_maps + 1, "r-xp", NULL));
	/* the line layout: "start-end perms offset major:minor inode" */
	unsigned long a, b, off, ino;
	unsigned int ma, mi;
	char p[8];
	CHECK("maps_line_format", sscanf(text, "%lx-%lx %4s %lx %x:%x %lu", &a, &b, p, &off, &ma, &mi, &ino) == 7);
	munmap(m + pg, pg);	/* a hole in the middle */
	slurp("/proc/self/maps");
	CHECK("maps_munmap_hole_gone", !maps_has((uintptr_t)m + pg, (uintptr_t)m + pg + 1, NULL, NULL));
	CHECK("maps_munmap_rest_stays", maps_has((uintptr_t)m, (uintptr_t)m + pg, "rw-p", NULL) &&
					 maps_has((uintptr_t)m + 2 * pg, (uintptr_t)m + 3 * pg, "rw-p", NULL));
	munmap(m, 3 * pg);
}

static void check_args(int argc, char **argv, char **envp)
{
	char want[4096];
	size_t len = 0;
	for (int i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]) + 1;
		memcpy(want + len, argv[i], n);
		len += n;
	}
	CHECK("cmdline_is_argv", slurp("/proc/self/cmdline") == (long)len && !memcmp(text, want, len));
	len = 0;
	for (int i = 0; envp[i] && len + strlen(envp[i]) + 1 < sizeof(want); i++) {
		size_t n = strlen(envp[i]) + 1;
		memcpy(want + len, envp[i], n);
		len += n;
	}
	/* auxv: the pairs exec gave us, through AT_NULL (getauxval reads the
	 * same from the stack). */
	long an = slurp("/proc/self/auxv");
	unsigned long *av = (unsigned long *)text;
	int pagesz_ok = 0, random_ok = 0;
	for (long i = 0; i + 1 < an / (long)sizeof(long); i += 2) {
		if (av[i] == AT_PAGESZ)
			pagesz_ok = av[i + 1] == 4096;
		if (av[i] == AT_RANDOM)
			random_ok = av[i + 1] == getauxval(AT_RANDOM);
	}
	CHECK("auxv_ends_with_at_null", an >= 16 && an % 16 == 0 && av[an / 8 - 2] == AT_NULL);
	CHECK("auxv_pagesz_and_random_match", pagesz_ok && random_ok);
	CHECK("environ_is_envp", slurp("/proc/self/environ") == (long)len && !memcmp(text, want, len));
}

static void check_fds(void)
{
	char path[64], target[256];
	int fd = open("/fsproc-file", O_CREAT | O_RDWR, 0644);
	CHECK("fd_open_file", fd >= 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	struct stat st;
	CHECK("fd_entry_is_symlink", lstat(path, &st) == 0 && S_ISLNK(st.st_mode));
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	CHECK("fd_link_names_the_file", n == 12 && !memcmp(target, "/fsproc-file", 12));
	char num[16];
	snprintf(num, sizeof(num), "%d", fd);
	CHECK("fd_dir_lists_it", lists("/proc/self/fd", num) == 1);
	CHECK("fdinfo_has_pos_and_flags", (snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd), slurp(path) > 0) &&
	      !strncmp(text, "pos:\t0\nflags:\t", 14));
	/* A pipe has no name in the tree: its link is "pipe:[inode]". */
	int pfd[2];
	CHECK("fd_pipe_made", pipe(pfd) == 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", pfd[0]);
	n = readlink(path, target, sizeof(target) - 1);
	char want[64];
	snprintf(want, sizeof(want), "pipe:[%lu]", fstat(pfd[0], &st) == 0 ? (unsigned long)st.st_ino : 0UL);
	CHECK("fd_pipe_link_names_its_inode", n == (ssize_t)strlen(want) && !memcmp(target, want, n));
	close(pfd[0]);
	close(pfd[1]);
	/* A high number opendir will not reuse. */
	CHECK("fd_dup2_high", dup2(fd, 100) == 100);
	CHECK("fd_dir_lists_dup", lists("/proc/self/fd", "100") == 1);
	CHECK("fd_dup_links_same_file", readlink("/proc/self/fd/100", target, sizeof(target)) == 12);
	close(100);
	CHECK("fd_dir_forgets_closed", lists("/proc/self/fd", "100") == 0);
	CHECK_ERRNO("fd_closed_entry_enoent", lstat("/proc/self/fd/100", &st), ENOENT);
	close(fd);
	unlink("/fsproc-file");
}

static void check_children(void)
{
	char path[64], comm[64], f[64][32], num[16];
	pid_t me = getpid();
	pid_t c = fork();
	if (c == 0) {
		/* The child: its parent is the test. */
		int ok = slurp("/proc/self/stat") > 0 && stat_fields(text, comm, sizeof(comm), f, 64) == 50 &&
			 atol(f[1]) == me && atol(text) == getpid();
		_exit(ok ? 7 : 1);
	}
	CHECK("fork_ok", c > 0);
	/* Wait until it is a zombie without reaping it. */
	siginfo_t si;
	CHECK("waitid_nowait", waitid(P_PID, c, &si, WEXITED | WNOWAIT) == 0);
	snprintf(path, sizeof(path), "/proc/%d/stat", c);
	CHECK("zombie_stat_readable", slurp(path) > 0);
	CHECK("zombie_state_Z", stat_fields(text, comm, sizeof(comm), f, 64) == 50 && !strcmp(f[0], "Z"));
	CHECK("zombie_ppid_is_us", atol(f[1]) == me);
	snprintf(num, sizeof(num), "%d", c);
	CHECK("root_lists_zombie", lists("/proc", num) == 1);
	snprintf(num, sizeof(num), "/proc/%d", c);
	CHECK("chdir_into_zombie_dir", chdir(num) == 0);
	int st = 0;
	CHECK("child_saw_itself", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 7);
	CHECK_ERRNO("reaped_pid_enoent", open(path, O_RDONLY), ENOENT);
	CHECK_ERRNO("reaped_dir_held_as_cwd_esrch", open("stat", O_RDONLY), ESRCH);
	CHECK("chdir_out_of_reaped_dir", chdir("/") == 0);
	CHECK("root_forgets_reaped", lists("/proc", num) == 0);
	snprintf(num, sizeof(num), "%d", me);
	CHECK("root_lists_self", lists("/proc", num) == 1);
	CHECK("root_lists_self_link", lists("/proc", "self") == 1);
	CHECK("task_lists_main_thread", lists("/proc/self/task", num) == 1);
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", me);
	CHECK("task_stat_is_ours", slurp(path) > 0 && atol(text) == me);
}

static void check_system(void)
{
	struct sysinfo si;
	sysinfo(&si);
	CHECK("meminfo_readable", slurp("/proc/meminfo") > 0);
	long total = field_after(text, "MemTotal:"), freek = field_after(text, "MemFree:");
	CHECK("meminfo_total_is_sysinfo", (unsigned long long)total * 1024 == (unsigned long long)si.totalram * si.mem_unit);
	CHECK("meminfo_total_within_qemu_m", total > 128 * 1024 && total <= 256 * 1024);
	CHECK("meminfo_free_below_total", freek > 0 && freek <= total);
	CHECK("meminfo_available_present", field_after(text, "MemAvailable:") >= 0);
	CHECK("meminfo_shmem_is_sysinfo_shared", (unsigned long long)field_after(text, "\nShmem:") * 1024 ==
	      (unsigned long long)si.sharedram * si.mem_unit);
	CHECK("meminfo_unit_kb", strstr(text, "MemTotal:") && strstr(strstr(text, "MemTotal:"), " kB\n"));

	unsigned long up_s, up_cs, idle_s, idle_cs;
	CHECK("uptime_format", slurp("/proc/uptime") > 0 &&
	      sscanf(text, "%lu.%2lu %lu.%2lu", &up_s, &up_cs, &idle_s, &idle_cs) == 4);
	double l1, l5, l15;
	int run, all, last;
	CHECK("loadavg_format", slurp("/proc/loadavg") > 0 &&
	      sscanf(text, "%lf %lf %lf %d/%d %d", &l1, &l5, &l15, &run, &all, &last) == 6 &&
	      run >= 1 && all >= run && last >= getpid());

	CHECK("stat_readable_sys", slurp("/proc/stat") > 0);
	unsigned long long u, n, s, i;
	CHECK("stat_cpu_line", sscanf(text, "cpu  %llu %llu %llu %llu", &u, &n, &s, &i) == 4);
	CHECK("stat_cpu0_line", strstr(text, "\ncpu0 ") != NULL);
	/* The cpu line's columns are user nice system idle iowait irq softirq
	 * steal guest guest_nice; idle (the 4th) is the idle time /proc/uptime
	 * shows, so bracketed by two reads of it (top once read idle as irq). */
	unsigned long i1s, i1cs, i2s, i2cs, dummy_s, dummy_cs;
	unsigned long long cols[10];
	slurp("/proc/uptime");
	sscanf(text, "%lu.%2lu %lu.%2lu", &dummy_s, &dummy_cs, &i1s, &i1cs);
	slurp("/proc/stat");
	int ncols = sscanf(text, "cpu  %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu", &cols[0], &cols[1],
			   &cols[2], &cols[3], &cols[4], &cols[5], &cols[6], &cols[7], &cols[8], &cols[9]);
	slurp("/proc/uptime");
	sscanf(text, "%lu.%2lu %lu.%2lu", &dummy_s, &dummy_cs, &i2s, &i2cs);
	unsigned long long idle_lo = i1s * 100ULL + i1cs, idle_hi = i2s * 100ULL + i2cs;
	CHECK("stat_cpu_line_has_ten_columns", ncols == 10);
	CHECK("stat_idle_column_is_uptime_idle", cols[3] + 2 >= idle_lo && cols[3] <= idle_hi + 2);
	slurp("/proc/stat");
	CHECK("stat_ctxt_btime_processes", strstr(text, "\nctxt ") && field_after(text, "\nbtime ") > 1000000000 &&
	      field_after(text, "\nprocesses ") >= 1);
	CHECK("stat_procs_running", field_after(text, "\nprocs_running ") >= 1);

	struct utsname un;
	uname(&un);
	char want[256];
	snprintf(want, sizeof(want), "Linux version %s ", un.release);
	CHECK("version_names_release", slurp("/proc/version") > 0 && !strncmp(text, want, strlen(want)));
	CHECK("ostype_linux", slurp("/proc/sys/kernel/ostype") > 0 && !strcmp(text, "Linux\n"));
	snprintf(want, sizeof(want), "%s\n", un.release);
	CHECK("osrelease_is_uname", slurp("/proc/sys/kernel/osrelease") > 0 && !strcmp(text, want));
	CHECK("pid_max_sane", slurp("/proc/sys/kernel/pid_max") > 0 && atol(text) >= 32768);
	int fd = open("/proc/sys/kernel/hostname", O_WRONLY);
	CHECK("hostname_sysctl_writable", fd >= 0 && write(fd, "fsproc\n", 7) == 7);
	close(fd);
	uname(&un);
	CHECK("hostname_sysctl_sets_uname", !strcmp(un.nodename, "fsproc"));
	CHECK("hostname_sysctl_reads_back", slurp("/proc/sys/kernel/hostname") > 0 && !strcmp(text, "fsproc\n"));

	CHECK("mounts_lists_proc", slurp("/proc/mounts") > 0 && strstr(text, " /proc proc "));
	CHECK("self_mounts_same", slurp("/proc/self/mounts") > 0 && strstr(text, " /proc proc "));
	CHECK("filesystems_lists_proc", slurp("/proc/filesystems") > 0 && strstr(text, "nodev\tproc\n"));
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int count = 0;
	if (slurp("/proc/cpuinfo") > 0)
		for (char *p = text; (p = strstr(p, "processor\t: ")); p++)
			count++;
	CHECK("cpuinfo_one_block_per_cpu", count >= 1 && count == cpus);
	CHECK("cmdline_has_rdinit", slurp("/proc/cmdline") > 0 && strstr(text, "rdinit=/init"));
	CHECK("vmstat_counts_faults", slurp("/proc/vmstat") > 0 && field_after(text, "\npgfault ") > 0 &&
	      field_after(text, "nr_free_pages ") > 0);
	CHECK("buddyinfo_format", slurp("/proc/buddyinfo") > 0 && !strncmp(text, "Node 0, zone ", 13));
	CHECK("slabinfo_header", slurp("/proc/slabinfo") > 0 && !strncmp(text, "slabinfo - version: 2.1\n", 24));
	CHECK("interrupts_header", slurp("/proc/interrupts") > 0 && strstr(text, "CPU0"));
	CHECK("devices_sections", slurp("/proc/devices") > 0 && !strncmp(text, "Character devices:\n", 19) &&
	      strstr(text, "\nBlock devices:\n"));
	char link[64], num[16];
	snprintf(num, sizeof(num), "%d", getpid());
	ssize_t len = readlink("/proc/self", link, sizeof(link) - 1);
	CHECK("self_link_is_pid", len == (ssize_t)strlen(num) && !memcmp(link, num, len));
	snprintf(want, sizeof(want), "%d/task/%d", getpid(), getpid());
	len = readlink("/proc/thread-self", link, sizeof(link) - 1);
	CHECK("thread_self_link", len == (ssize_t)strlen(want) && !memcmp(link, want, len));
	len = readlink("/proc/self/exe", link, sizeof(link) - 1);
	CHECK("exe_link_is_init", len == 5 && !memcmp(link, "/init", 5));
	len = readlink("/proc/self/root", link, sizeof(link) - 1);
	CHECK("root_link_is_slash", len == 1 && link[0] == '/');
	CHECK("chdir_into_proc_self", chdir("/proc/self") == 0);
	snprintf(want, sizeof(want), "/proc/%d", getpid());
	CHECK("getcwd_inside_proc", getcwd(link, sizeof(link)) && !strcmp(link, want));
	len = readlink("/proc/self/cwd", link, sizeof(link) - 1);
	CHECK("cwd_link_follows_chdir", len == (ssize_t)strlen(want) && !memcmp(link, want, len));
	CHECK("relative_open_in_proc", slurp("stat") > 0 && atol(text) == getpid());
	CHECK("chdir_back", chdir("/") == 0);
	CHECK_ERRNO("missing_pid_enoent", open("/proc/999999/stat", O_RDONLY), ENOENT);
	CHECK_ERRNO("proc_file_not_creatable", open("/proc/newfile", O_CREAT | O_WRONLY, 0644), ENOENT);
}

/* Read every file of every process while processes are born and die: a
 * read may find its process gone (ENOENT, ESRCH) but never fails otherwise,
 * and the kernel survives (the mm, fd table and fs_struct of a dying
 * process are read under the task's lock). */
static void check_racing_exits(void)
{
	static const char *const files[] = { "stat", "status", "statm", "cmdline", "environ", "maps", "comm" };
	pid_t churn = fork();
	if (churn == 0) {
		for (int i = 0; i < 300; i++) {
			pid_t c = fork();
			if (c == 0) {
				mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
				_exit(0);
			}
			if (c > 0)
				waitpid(c, NULL, 0);
		}
		_exit(0);
	}
	int bad = 0, reads = 0;
	char path[300], link[256];
	for (int round = 0; round < 40; round++) {
		DIR *d = opendir("/proc");
		struct dirent *e;
		while (d && (e = readdir(d))) {
			if (e->d_name[0] < '1' || e->d_name[0] > '9')
				continue;
			for (unsigned int f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
				snprintf(path, sizeof(path), "/proc/%s/%s", e->d_name, files[f]);
				int fd = open(path, O_RDONLY);
				if (fd < 0) {
					bad += errno != ENOENT && errno != ESRCH;
					continue;
				}
				ssize_t n;
				while ((n = read(fd, text, sizeof(text))) > 0)
					;
				bad += n < 0 && errno != ESRCH && errno != ENOENT;
				reads++;
				close(fd);
			}
			snprintf(path, sizeof(path), "/proc/%s/exe", e->d_name);
			readlink(path, link, sizeof(link));
			snprintf(path, sizeof(path), "/proc/%s/fd", e->d_name);
			lists(path, "0");
		}
		if (d)
			closedir(d);
	}
	int st = 0;
	CHECK("racing_exits_churn_finished", waitpid(churn, &st, 0) == churn && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK("racing_exits_reads_only_enoent_or_esrch", bad == 0 && reads > 0);
}

/* Every lookup in /proc makes an inode and a dentry that its last user
 * frees: thousands of walks, reads and listings must give the memory back. */
static void check_leak(void)
{
	struct sysinfo a, b;
	char link[64];
	for (int round = 0; round < 2; round++) {
		if (round == 1)
			sysinfo(&a);
		for (int i = 0; i < 1000; i++) {
			slurp("/proc/self/status");
			slurp("/proc/self/maps");
			slurp("/proc/meminfo");
			readlink("/proc/self/exe", link, sizeof(link));
			lists("/proc", "self");
			lists("/proc/self/fd", "0");
		}
	}
	sysinfo(&b);
	long lost = (long)(a.freeram * a.mem_unit / 4096) - (long)(b.freeram * b.mem_unit / 4096);
	printf("leak: %ld pages after 1000 rounds of /proc walks and reads\n", lost);
	/* Strict only where the harness asks (on Lucid): Linux caches vary. */
	if (getenv("LUCID_STRICT_LEAK"))
		CHECK("proc_walks_return_memory_within_64_pages", lost <= 64);
}

int main(int argc, char **argv, char **envp)
{
	struct stat st;
	if (stat("/proc/self", &st) != 0) {	/* a bare initramfs on Linux */
		mkdir("/proc", 0555);
		CHECK("mount_proc", mount("proc", "/proc", "proc", 0, NULL) == 0);
	}
	check_self_stat();
	check_self_status();
	check_maps();
	check_args(argc, argv, envp);
	check_fds();
	check_children();
	check_system();
	check_racing_exits();
	check_leak();
	printf("fs_proc: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
