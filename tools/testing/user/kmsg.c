/* The kernel log from user space: syslog(2) (every SYSLOG_ACTION_*, its
 * formats and errnos, who may call what with dmesg_restrict 1 and 0),
 * /dev/kmsg (one record per read as "prio,seq,usec,-;text\n", escaping,
 * EINVAL for a short buffer, EAGAIN, EPIPE after the ring wrapped, seeks,
 * poll, writes with and without "<N>"), /proc/sys/kernel/printk and
 * printk_devkmsg (on/off/ratelimit), /proc/kmsg.
 * Runs as /init on Lucid and on Linux (it mounts devtmpfs and proc itself
 * when they are missing). Messages go in at level 6 with the console level
 * at 1, so the console stays quiet; everything changed is restored. */
#define _GNU_SOURCE
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <sys/sysmacros.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <stdint.h>
#include "utest.h"

#define READ 2
#define READ_ALL 3
#define READ_CLEAR 4
#define CLEAR 5
#define CONSOLE_OFF 6
#define CONSOLE_ON 7
#define CONSOLE_LEVEL 8
#define SIZE_UNREAD 9
#define SIZE_BUFFER 10

static char big[256 * 1024];
static int marker_no;

static long klog(int type, void *buf, long len)
{
	return syscall(SYS_syslog, type, buf, len);
}

static int read_file(const char *name, char *buf, size_t size)
{
	int fd = open(name, O_RDONLY);
	if (fd < 0)
		return -1;
	int n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

static int write_file(const char *name, const char *s)
{
	int fd = open(name, O_WRONLY);
	if (fd < 0)
		return -errno;
	int n = write(fd, s, strlen(s));
	int e = errno;
	close(fd);
	return n < 0 ? -e : n;
}

static int console_level(void)
{
	char buf[64];
	if (read_file("/proc/sys/kernel/printk", buf, sizeof(buf)) <= 0)
		return -1;
	return atoi(buf);
}

/* Inject "kmsgtest <tag> <n>" at level 6 through a fresh /dev/kmsg file
 * (Linux rate-limits writers to 10 messages per open file). Returns n. */
static int inject(const char *tag, char *text, size_t size)
{
	char msg[128];
	int n = ++marker_no;
	snprintf(text, size, "kmsgtest %s %d", tag, n);
	snprintf(msg, sizeof(msg), "<6>%s\n", text);
	int fd = open("/dev/kmsg", O_WRONLY);
	int w = write(fd, msg, strlen(msg));
	close(fd);
	return w == (int)strlen(msg) ? n : -1;
}

struct rec {
	unsigned prio;
	unsigned long long seq, usec;
	char flag;
	char text[1024];
};

/* Parse one /dev/kmsg record; 0 on success. Linux may add dictionary
 * lines (" SUBSYSTEM=pci") after the text; each starts with a space. */
static int parse_rec(const char *buf, int len, struct rec *r)
{
	int off = 0;
	if (len <= 0 || buf[len - 1] != '\n')
		return -1;
	if (sscanf(buf, "%u,%llu,%llu,%c;%n", &r->prio, &r->seq, &r->usec, &r->flag, &off) != 4 || !off)
		return -2;
	const char *nl = memchr(buf + off, '\n', len - off);
	int t = nl - (buf + off);
	if (t >= (int)sizeof(r->text))
		return -3;
	for (const char *p = nl + 1; p < buf + len; p = (const char *)memchr(p, '\n', buf + len - p) + 1)
		if (*p != ' ')
			return -4;
	memcpy(r->text, buf + off, t);
	r->text[t] = 0;
	return 0;
}

/* Every line of a syslog buffer is "<prio>[sssss.uuuuuu] text". */
static int syslog_lines_ok(const char *buf, int len)
{
	int lines = 0;
	for (int i = 0; i < len;) {
		const char *nl = memchr(buf + i, '\n', len - i);
		if (!nl)
			return -1;
		unsigned prio;
		unsigned long sec, usec;
		int off = 0;
		char line[64];
		int l = nl - (buf + i) < 63 ? nl - (buf + i) : 63;
		memcpy(line, buf + i, l);
		line[l] = 0;
		if (sscanf(line, "<%u>[%lu.%6lu]%n", &prio, &sec, &usec, &off) != 3 || !off ||
		    line[off - 8] != '.' || line[off] != ' ')
			return -1;
		lines++;
		i = nl - buf + 1;
	}
	return lines;
}

static int wr(int fd, const char *s)
{
	return write(fd, s, strlen(s)) == (ssize_t)strlen(s);
}

static void test_devkmsg_basics(void)
{
	char buf[8192], text[64], want[64];
	struct rec r;
	struct stat st;
	CHECK("dev_kmsg_is_chr_1_11_0644", stat("/dev/kmsg", &st) == 0 && S_ISCHR(st.st_mode) &&
	      st.st_rdev == makedev(1, 11) && (st.st_mode & 07777) == 0644);

	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	CHECK("open_kmsg_rdonly", fd >= 0);
	/* A new reader starts at the oldest record: the kernel's boot log. */
	int n = read(fd, buf, sizeof(buf));
	CHECK("first_record_parses", parse_rec(buf, n, &r) == 0);
	CHECK("first_record_is_kernels", r.prio < 8 && r.flag == '-' && r.text[0]);
	unsigned long long first = r.seq;
	n = read(fd, buf, sizeof(buf));
	CHECK("second_record_follows", parse_rec(buf, n, &r) == 0 && r.seq == first + 1);

	CHECK("seek_end", lseek(fd, 0, SEEK_END) == 0);
	CHECK_ERRNO("nothing_after_end_eagain", read(fd, buf, sizeof(buf)), EAGAIN);
	struct pollfd p = { fd, POLLIN | POLLRDNORM | POLLPRI, 0 };
	CHECK("poll_nothing_to_read", poll(&p, 1, 0) == 0);
	int m = inject("basic", text, sizeof(text));
	CHECK("write_kmsg_whole_count", m > 0);
	p.revents = 0;
	CHECK("poll_readable_after_write", poll(&p, 1, 0) == 1 && p.revents == (POLLIN | POLLRDNORM));
	n = read(fd, buf, sizeof(buf));
	CHECK("read_one_record", parse_rec(buf, n, &r) == 0);
	CHECK("user_record_prio_is_user_info", r.prio == (1 << 3 | 6));
	CHECK("user_record_text", !strcmp(r.text, text));
	CHECK("user_record_seq_after_boot", r.seq > first);
	unsigned long long s1 = r.seq;
	CHECK_ERRNO("one_record_per_read", read(fd, buf, sizeof(buf)), EAGAIN);

	/* No prefix: LOG_USER at the default level (4); a facility kept;
	 * "<N>" with facility 0 becomes LOG_USER; non-printables escaped. */
	int w = open("/dev/kmsg", O_WRONLY);
	CHECK("write_plain", wr(w, "kmsgtest plain\n"));
	CHECK("write_daemon_debug", wr(w, "<31>kmsgtest daemon\n"));
	CHECK("write_kern_level_2", wr(w, "<2>kmsgtest crit\n"));
	CHECK("write_escapes", wr(w, "<6>kmsgtest\ttab\\x\x7f\n"));
	CHECK("write_not_a_prefix", wr(w, "<6kmsgtest angle\n"));
	close(w);
	n = read(fd, buf, sizeof(buf));
	CHECK("plain_default_level_user", parse_rec(buf, n, &r) == 0 && r.prio == 12 &&
	      !strcmp(r.text, "kmsgtest plain") && r.seq > s1);
	n = read(fd, buf, sizeof(buf));
	CHECK("prefix_31_is_daemon_debug", parse_rec(buf, n, &r) == 0 && r.prio == 31 &&
	      !strcmp(r.text, "kmsgtest daemon"));
	n = read(fd, buf, sizeof(buf));
	CHECK("prefix_facility_0_becomes_user", parse_rec(buf, n, &r) == 0 && r.prio == 10 &&
	      !strcmp(r.text, "kmsgtest crit"));
	n = read(fd, buf, sizeof(buf));
	CHECK("nonprintables_escaped", parse_rec(buf, n, &r) == 0 &&
	      !strcmp(r.text, "kmsgtest\\x09tab\\x5cx\\x7f"));
	n = read(fd, buf, sizeof(buf));
	CHECK("unterminated_prefix_is_text", parse_rec(buf, n, &r) == 0 && r.prio == 12 &&
	      !strcmp(r.text, "<6kmsgtest angle"));

	/* A buffer too small for the record: EINVAL, and the record is gone. */
	int a = inject("small-a", text, sizeof(text));
	int b = inject("small-b", want, sizeof(want));
	CHECK("inject_two", a > 0 && b > 0);
	CHECK_ERRNO("short_buffer_einval", read(fd, buf, 8), EINVAL);
	n = read(fd, buf, sizeof(buf));
	CHECK("short_read_skipped_the_record", parse_rec(buf, n, &r) == 0 && !strcmp(r.text, want));
	CHECK_ERRNO("read_bad_pointer_efault", (inject("efault", text, sizeof(text)),
		    syscall(SYS_read, fd, (void *)8, 4096)), EFAULT);

	/* Seeks: offset must be 0; SEEK_CUR is not supported. */
	CHECK_ERRNO("seek_nonzero_offset_espipe", lseek(fd, 5, SEEK_SET), ESPIPE);
	CHECK_ERRNO("seek_cur_einval", lseek(fd, 0, SEEK_CUR), EINVAL);
	CHECK("seek_set_0", lseek(fd, 0, SEEK_SET) == 0);
	n = read(fd, buf, sizeof(buf));
	CHECK("seek_set_rereads_first", parse_rec(buf, n, &r) == 0 && r.seq == first);

	/* Too long a message. */
	static char huge[4096];
	memset(huge, 'x', sizeof(huge));
	w = open("/dev/kmsg", O_WRONLY);
	CHECK_ERRNO("write_too_long_einval", write(w, huge, sizeof(huge)), EINVAL);
	CHECK_ERRNO("write_bad_pointer_efault", syscall(SYS_write, w, (void *)8, 10), EFAULT);
	close(w);
	close(fd);
}

/* SEEK_DATA: the first record after the last SYSLOG_ACTION_CLEAR. */
static void test_clear_and_seek_data(void)
{
	char buf[8192], before[64], after[64];
	struct rec r;
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	CHECK("inject_before_clear", inject("before-clear", before, sizeof(before)) > 0);
	CHECK("syslog_clear", klog(CLEAR, NULL, 0) == 0);
	CHECK("inject_after_clear", inject("after-clear", after, sizeof(after)) > 0);
	CHECK("seek_data", lseek(fd, 0, SEEK_DATA) == 0);
	int found_before = 0, found_after = 0, n;
	while ((n = read(fd, buf, sizeof(buf))) > 0 && parse_rec(buf, n, &r) == 0) {
		found_before |= !strcmp(r.text, before);
		found_after |= !strcmp(r.text, after);
	}
	CHECK("seek_data_starts_after_clear", !found_before && found_after);
	/* Clearing hides records from syslog, not from /dev/kmsg. */
	CHECK("seek_set_after_clear", lseek(fd, 0, SEEK_SET) == 0);
	found_before = 0;
	while ((n = read(fd, buf, sizeof(buf))) > 0 && parse_rec(buf, n, &r) == 0)
		found_before |= !strcmp(r.text, before);
	CHECK("clear_keeps_records_for_kmsg", found_before);

	n = klog(READ_ALL, big, sizeof(big));
	CHECK("read_all_after_clear", n > 0 && !memmem(big, n, before, strlen(before)) &&
	      memmem(big, n, after, strlen(after)));
	CHECK("read_all_lines_formatted", syslog_lines_ok(big, n) > 0);
	/* <14> is LOG_USER|LOG_INFO, then the timestamp. */
	char want[80];
	snprintf(want, sizeof(want), "] %s\n", after);
	char *line = memmem(big, n, want, strlen(want));
	while (line && line > big && line[-1] != '\n')
		line--;
	CHECK("read_all_record_prefix", line && !strncmp(line, "<14>[", 5));

	/* READ_CLEAR returns the records, then they are cleared. */
	n = klog(READ_CLEAR, big, sizeof(big));
	CHECK("read_clear_returns_records", n > 0 && memmem(big, n, after, strlen(after)));
	n = klog(READ_ALL, big, sizeof(big));
	CHECK("read_clear_cleared", n >= 0 && !memmem(big, n, after, strlen(after)));
	close(fd);
}

static void test_read_all(void)
{
	char text[64];
	int n = klog(SIZE_BUFFER, NULL, 0);
	printf("log buffer: %d bytes\n", n);
	CHECK("size_buffer_is_128k", n == 128 * 1024);
	n = klog(READ_ALL, big, sizeof(big));
	CHECK("read_all_nonempty", n > 0 && n <= (int)sizeof(big));
	CHECK("read_all_whole_lines", n > 0 && syslog_lines_ok(big, n) > 0);
	CHECK("inject_for_small", inject("small-read-all", text, sizeof(text)) > 0);
	/* A small buffer gets the newest records that fit, whole. */
	n = klog(READ_ALL, big, 100);
	char want[80];
	snprintf(want, sizeof(want), "] %s\n", text);
	CHECK("read_all_small_gets_newest", n > 0 && n <= 100 && n >= (int)strlen(want) &&
	      !memcmp(big + n - strlen(want), want, strlen(want)));
	CHECK("read_all_small_whole_lines", syslog_lines_ok(big, n) >= 1);
	CHECK("read_all_tiny_gets_nothing", klog(READ_ALL, big, 10) == 0);
	CHECK("read_all_len_0", klog(READ_ALL, big, 0) == 0);
	CHECK_ERRNO("read_all_null_einval", klog(READ_ALL, NULL, 10), EINVAL);
	CHECK_ERRNO("read_all_negative_einval", klog(READ_ALL, big, -1), EINVAL);
	CHECK_ERRNO("read_all_bad_pointer_efault", klog(READ_ALL, (void *)8, 4096), EFAULT);
	CHECK_ERRNO("read_all_kernel_pointer_efault", klog(READ_ALL, (void *)0xffff800000000000UL, 4096), EFAULT);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* SYSLOG_ACTION_READ consumes: partial reads, SIZE_UNREAD, blocking. */
static void test_syslog_read(void)
{
	char text[64], buf[512];
	/* Drain what nobody has read yet. */
	int guard = 0;
	while (klog(SIZE_UNREAD, NULL, 0) > 0 && guard++ < 1000)
		klog(READ, big, sizeof(big));
	CHECK("size_unread_drained", klog(SIZE_UNREAD, NULL, 0) == 0);

	CHECK("inject_for_read", inject("read", text, sizeof(text)) > 0);
	int unread = klog(SIZE_UNREAD, NULL, 0);
	char want[80];
	snprintf(want, sizeof(want), "] %s\n", text);
	CHECK("size_unread_one_line", unread > (int)strlen(want) && unread < 100);
	int n = klog(READ, buf, 5);
	CHECK("read_partial_5", n == 5 && !memcmp(buf, "<14>[", 5));
	CHECK("size_unread_minus_partial", klog(SIZE_UNREAD, NULL, 0) == unread - 5);
	n = klog(READ, buf, sizeof(buf));
	CHECK("read_rest_of_line", n == unread - 5 && !memcmp(buf + n - strlen(want), want, strlen(want)));
	CHECK("size_unread_0_after_read", klog(SIZE_UNREAD, NULL, 0) == 0);

	/* Several records in one READ. */
	char t2[64];
	inject("read-a", text, sizeof(text));
	inject("read-b", t2, sizeof(t2));
	unread = klog(SIZE_UNREAD, NULL, 0);
	n = klog(READ, big, sizeof(big));
	CHECK("read_two_records", n == unread && syslog_lines_ok(big, n) == 2 &&
	      memmem(big, n, text, strlen(text)) && memmem(big, n, t2, strlen(t2)));

	CHECK("read_len_0", klog(READ, buf, 0) == 0);
	CHECK_ERRNO("read_null_einval", klog(READ, NULL, 10), EINVAL);
	CHECK_ERRNO("read_negative_einval", klog(READ, buf, -5), EINVAL);

	/* Nothing unread: READ sleeps until a signal (no SA_RESTART: EINTR)... */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	CHECK_ERRNO("read_blocks_until_signal", klog(READ, buf, sizeof(buf)), EINTR);
	alarm(0);
	/* ...or until a message comes. */
	pid_t pid = fork();
	if (pid == 0) {
		char t[64];
		usleep(200 * 1000);
		_exit(inject("wakeup", t, sizeof(t)) > 0 ? 0 : 1);
	}
	marker_no++;	/* the child's number */
	snprintf(text, sizeof(text), "kmsgtest wakeup %d", marker_no);
	n = klog(READ, buf, sizeof(buf));
	CHECK("read_woken_by_message", n > 0 && memmem(buf, n, text, strlen(text)));
	int status;
	waitpid(pid, &status, 0);
	CHECK("wakeup_child_ok", WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* /proc/kmsg: SYSLOG_ACTION_READ as a file, root only (0400). */
static void test_proc_kmsg(void)
{
	struct stat st;
	char buf[512], text[64], want[80];
	CHECK("proc_kmsg_mode_0400", stat("/proc/kmsg", &st) == 0 && S_ISREG(st.st_mode) &&
	      (st.st_mode & 07777) == 0400);
	int fd = open("/proc/kmsg", O_RDONLY | O_NONBLOCK);
	CHECK("proc_kmsg_open", fd >= 0);
	int guard = 0;
	while (read(fd, big, sizeof(big)) > 0 && guard++ < 1000)
		;
	CHECK_ERRNO("proc_kmsg_empty_eagain", read(fd, buf, sizeof(buf)), EAGAIN);
	struct pollfd p = { fd, POLLIN, 0 };
	CHECK("proc_kmsg_poll_empty", poll(&p, 1, 0) == 0);
	CHECK("inject_for_proc_kmsg", inject("proc-kmsg", text, sizeof(text)) > 0);
	p.revents = 0;
	CHECK("proc_kmsg_poll_ready", poll(&p, 1, 0) == 1 && (p.revents & POLLIN));
	int n = read(fd, buf, sizeof(buf));
	snprintf(want, sizeof(want), "] %s\n", text);
	CHECK("proc_kmsg_reads_syslog_line", n > (int)strlen(want) && !strncmp(buf, "<14>[", 5) &&
	      !memcmp(buf + n - strlen(want), want, strlen(want)));
	/* One read position for /proc/kmsg and SYSLOG_ACTION_READ. */
	inject("proc-kmsg-shared", text, sizeof(text));
	CHECK("proc_kmsg_unread_counts", klog(SIZE_UNREAD, NULL, 0) > 0);
	n = read(fd, buf, sizeof(buf));
	CHECK("proc_kmsg_read_consumes_for_syslog", n > 0 && klog(SIZE_UNREAD, NULL, 0) == 0);
	close(fd);
}

/* A blocking /dev/kmsg read is woken by a new record. */
static void test_devkmsg_blocking(void)
{
	char buf[8192], text[64];
	struct rec r;
	int fd = open("/dev/kmsg", O_RDONLY);
	lseek(fd, 0, SEEK_END);
	pid_t pid = fork();
	if (pid == 0) {
		char t[64];
		usleep(200 * 1000);
		_exit(inject("kmsg-wakeup", t, sizeof(t)) > 0 ? 0 : 1);
	}
	marker_no++;
	snprintf(text, sizeof(text), "kmsgtest kmsg-wakeup %d", marker_no);
	int n = read(fd, buf, sizeof(buf));
	CHECK("kmsg_read_woken", parse_rec(buf, n, &r) == 0 && !strcmp(r.text, text));
	int status;
	waitpid(pid, &status, 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	CHECK_ERRNO("kmsg_read_blocks_until_signal", read(fd, buf, sizeof(buf)), EINTR);
	alarm(0);
	close(fd);
}

static void test_console_level(void)
{
	char buf[64];
	int saved = console_level();
	CHECK_ERRNO("console_level_0_einval", klog(CONSOLE_LEVEL, NULL, 0), EINVAL);
	CHECK_ERRNO("console_level_9_einval", klog(CONSOLE_LEVEL, NULL, 9), EINVAL);
	CHECK("console_level_3", klog(CONSOLE_LEVEL, NULL, 3) == 0 && console_level() == 3);
	CHECK("console_off", klog(CONSOLE_OFF, NULL, 0) == 0 && console_level() == 1);
	CHECK("console_off_twice", klog(CONSOLE_OFF, NULL, 0) == 0 && console_level() == 1);
	CHECK("console_on_restores", klog(CONSOLE_ON, NULL, 0) == 0 && console_level() == 3);
	CHECK("console_on_again_no_change", klog(CONSOLE_ON, NULL, 0) == 0 && console_level() == 3);
	CHECK("console_level_8", klog(CONSOLE_LEVEL, NULL, 8) == 0 && console_level() == 8);
	CHECK_ERRNO("bad_type_11_einval", klog(11, NULL, 0), EINVAL);
	CHECK_ERRNO("bad_type_neg_einval", klog(-1, NULL, 0), EINVAL);
	CHECK("close_open_noop", klog(0, NULL, 0) == 0 && klog(1, NULL, 0) == 0);

	/* /proc/sys/kernel/printk: four levels; writing one changes the first. */
	int a, b, c, d;
	CHECK("printk_sysctl_4_fields", read_file("/proc/sys/kernel/printk", buf, sizeof(buf)) > 0 &&
	      sscanf(buf, "%d %d %d %d", &a, &b, &c, &d) == 4 && a == 8 && c == 1);
	CHECK("printk_sysctl_write", write_file("/proc/sys/kernel/printk", "2\n") == 2 && console_level() == 2);
	int a2, b2, c2, d2;
	CHECK("printk_sysctl_others_kept", read_file("/proc/sys/kernel/printk", buf, sizeof(buf)) > 0 &&
	      sscanf(buf, "%d %d %d %d", &a2, &b2, &c2, &d2) == 4 && b2 == b && c2 == c && d2 == d);
	CHECK("printk_sysctl_write_bad", write_file("/proc/sys/kernel/printk", "x\n") == -EINVAL);
	snprintf(buf, sizeof(buf), "%d", saved);
	CHECK("printk_sysctl_restore", write_file("/proc/sys/kernel/printk", buf) > 0 && console_level() == saved);
}

/* Run @fn as uid 65534 in a child; its exit status. */
static int as_nobody(int (*fn)(void))
{
	pid_t pid = fork();
	if (pid == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(99);
		_exit(fn());
	}
	int status = -1;
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int expect_errno(long r, int err)
{
	if (r == -1 && errno == err)
		return 1;
	printf("got %ld/%s, expected %s\n", r, strerror(errno), strerror(err));
	return 0;
}

static int nobody_restricted(void)
{
	char buf[256];
	if (!expect_errno(klog(READ_ALL, buf, sizeof(buf)), EPERM)) return 1;
	if (!expect_errno(klog(SIZE_BUFFER, NULL, 0), EPERM)) return 2;
	if (!expect_errno(klog(CONSOLE_LEVEL, NULL, 3), EPERM)) return 3;
	if (!expect_errno(open("/dev/kmsg", O_RDONLY), EPERM)) return 4;
	if (!expect_errno(open("/dev/kmsg", O_WRONLY), EACCES)) return 5;	/* mode 0644 */
	if (!expect_errno(klog(99, NULL, 0), EPERM)) return 6;
	return 0;
}

static int nobody_unrestricted(void)
{
	char buf[8192];
	struct rec r;
	long n = klog(READ_ALL, big, sizeof(big));
	if (n <= 0 || syslog_lines_ok(big, n) <= 0) return 1;
	if (klog(SIZE_BUFFER, NULL, 0) != 128 * 1024) return 2;
	if (!expect_errno(klog(READ, buf, sizeof(buf)), EPERM)) return 3;
	if (!expect_errno(klog(READ_CLEAR, buf, sizeof(buf)), EPERM)) return 4;
	if (!expect_errno(klog(CLEAR, NULL, 0), EPERM)) return 5;
	if (!expect_errno(klog(CONSOLE_OFF, NULL, 0), EPERM)) return 6;
	if (!expect_errno(klog(CONSOLE_LEVEL, NULL, 3), EPERM)) return 7;
	if (!expect_errno(klog(SIZE_UNREAD, NULL, 0), EPERM)) return 8;
	if (!expect_errno(klog(99, NULL, 0), EPERM)) return 9;	/* checked before the type */
	if (!expect_errno(klog(0, NULL, 0), EPERM)) return 10;
	int fd = open("/dev/kmsg", O_RDONLY);
	if (fd < 0) return 11;
	n = read(fd, buf, sizeof(buf));
	if (parse_rec(buf, n, &r)) return 12;
	close(fd);
	if (!expect_errno(open("/proc/sys/kernel/dmesg_restrict", O_WRONLY), EACCES)) return 13;
	if (!expect_errno(open("/proc/kmsg", O_RDONLY), EACCES)) return 14;	/* 0400 root */
	return 0;
}

static void test_permissions(void)
{
	char buf[16];
	CHECK("dmesg_restrict_readable", read_file("/proc/sys/kernel/dmesg_restrict", buf, sizeof(buf)) > 0);
	int saved = atoi(buf);
	printf("dmesg_restrict: %d\n", saved);
	CHECK("dmesg_restrict_2_einval", write_file("/proc/sys/kernel/dmesg_restrict", "2") == -EINVAL);
	CHECK("dmesg_restrict_set_1", write_file("/proc/sys/kernel/dmesg_restrict", "1\n") == 2);
	int r = as_nobody(nobody_restricted);
	if (r)
		printf("nobody_restricted: step %d failed\n", r);
	CHECK("restricted_user_gets_eperm", r == 0);
	CHECK("dmesg_restrict_set_0", write_file("/proc/sys/kernel/dmesg_restrict", "0\n") == 2);
	r = as_nobody(nobody_unrestricted);
	if (r)
		printf("nobody_unrestricted: step %d failed\n", r);
	CHECK("unrestricted_user_may_read_all_only", r == 0);
	snprintf(buf, sizeof(buf), "%d", saved);
	CHECK("dmesg_restrict_restore", write_file("/proc/sys/kernel/dmesg_restrict", buf) == 1);
}

/* /proc/sys/kernel/printk_devkmsg: off closes /dev/kmsg, on lifts the
 * write ratelimit (15 messages through one file all arrive). */
static void test_devkmsg_mode(void)
{
	char buf[8192], mode[32];
	struct rec r;
	CHECK("printk_devkmsg_default_ratelimit", read_file("/proc/sys/kernel/printk_devkmsg", mode, sizeof(mode)) > 0 &&
	      !strcmp(mode, "ratelimit\n"));
	CHECK("printk_devkmsg_without_newline_einval", write_file("/proc/sys/kernel/printk_devkmsg", "on") == -EINVAL);
	CHECK("printk_devkmsg_bogus_einval", write_file("/proc/sys/kernel/printk_devkmsg", "bogus\n") == -EINVAL);
	CHECK("printk_devkmsg_off", write_file("/proc/sys/kernel/printk_devkmsg", "off\n") == 4);
	CHECK_ERRNO("kmsg_off_open_wronly_eperm", open("/dev/kmsg", O_WRONLY), EPERM);
	CHECK_ERRNO("kmsg_off_open_rdonly_eperm", open("/dev/kmsg", O_RDONLY), EPERM);
	CHECK("printk_devkmsg_on", write_file("/proc/sys/kernel/printk_devkmsg", "on\n") == 3 &&
	      read_file("/proc/sys/kernel/printk_devkmsg", mode, sizeof(mode)) > 0 && !strcmp(mode, "on\n"));
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	lseek(fd, 0, SEEK_END);
	int w = open("/dev/kmsg", O_WRONLY), ok = 1;
	for (int i = 0; i < 15; i++) {
		char msg[64];
		snprintf(msg, sizeof(msg), "<6>kmsgtest unlimited %d\n", i);
		ok &= wr(w, msg);
	}
	close(w);
	int seen = 0, n;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (parse_rec(buf, n, &r) == 0 && !strncmp(r.text, "kmsgtest unlimited ", 19))
			seen++;
	CHECK("devkmsg_on_not_ratelimited", ok && seen == 15);
	close(fd);
	CHECK("printk_devkmsg_restore", write_file("/proc/sys/kernel/printk_devkmsg", "ratelimit\n") == 10);
}

/* Overwriting: a reader whose next record was dropped gets EPIPE once
 * (poll says POLLERR|POLLPRI), then goes on from the oldest kept. */
static void test_epipe(void)
{
	char buf[8192], msg[1000];
	struct rec r;
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	CHECK("epipe_reader_open", fd >= 0);
	memset(msg, 'y', sizeof(msg));
	memcpy(msg, "<6>kmsgtest flood ", 18);
	msg[900] = '\n';
	int ok = 1;
	/* 300 x 900 bytes is twice the ring (10 per open file: ratelimit). */
	for (int i = 0; i < 30 && ok; i++) {
		int w = open("/dev/kmsg", O_WRONLY);
		for (int j = 0; j < 10; j++)
			ok &= write(w, msg, 901) == 901;
		close(w);
	}
	CHECK("flood_written", ok);
	struct pollfd p = { fd, POLLIN | POLLRDNORM | POLLPRI, 0 };
	CHECK("poll_reports_lost_records", poll(&p, 1, 0) == 1 &&
	      p.revents == (POLLIN | POLLRDNORM | POLLERR | POLLPRI));
	CHECK_ERRNO("read_after_wrap_epipe", read(fd, buf, sizeof(buf)), EPIPE);
	int n = read(fd, buf, sizeof(buf));
	CHECK("read_after_epipe_goes_on", parse_rec(buf, n, &r) == 0);
	p.revents = 0;
	CHECK("poll_after_epipe_plain", poll(&p, 1, 0) == 1 && p.revents == (POLLIN | POLLRDNORM));
	close(fd);
	n = klog(READ_ALL, big, sizeof(big));
	CHECK("read_all_after_wrap", n > 0 && n < (int)sizeof(big) && syslog_lines_ok(big, n) > 0);
}

int main(void)
{
	struct stat st;
	setvbuf(stdout, NULL, _IONBF, 0);
	if (stat("/dev/kmsg", &st) != 0) {	/* Linux from an initramfs */
		mkdir("/dev", 0755);
		CHECK("mount_devtmpfs_on_dev", mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) == 0);
	}
	if (stat("/proc/sys", &st) != 0) {
		mkdir("/proc", 0555);
		CHECK("mount_proc", mount("proc", "/proc", "proc", 0, NULL) == 0);
	}
	/* The initramfs root may be 0700; the unprivileged children must
	 * reach /dev and /proc. */
	chmod("/", 0755);
	int saved = console_level();
	printf("console level: %d\n", saved);
	CHECK("quiet_console_for_test", klog(CONSOLE_LEVEL, NULL, 1) == 0 && console_level() == 1);
	test_devkmsg_basics();
	test_read_all();
	test_clear_and_seek_data();
	test_syslog_read();
	test_proc_kmsg();
	test_devkmsg_blocking();
	test_permissions();
	test_console_level();
	klog(CONSOLE_LEVEL, NULL, 1);
	test_devkmsg_mode();
	test_epipe();
	CHECK("console_level_restored", klog(CONSOLE_LEVEL, NULL, saved) == 0 && console_level() == saved);
	printf("kmsg: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
