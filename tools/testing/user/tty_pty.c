/* The tty layer driven through pseudo-terminals: /dev/ptmx and devpts
 * (TIOCGPTN, unlockpt, the slave's device number), data both ways through
 * the slave's line discipline (canonical editing: erase, kill, werase;
 * echo and its flags; ONLCR), ^C/^\/^Z as SIGINT/SIGQUIT/SIGTSTP to the
 * foreground group, job control (SIGTTOU for a background write with
 * TOSTOP and for tcsetattr/TIOCSPGRP, SIGTTIN for a background read, EIO
 * from an orphaned group), the controlling terminal (acquired on open by
 * a session leader unless O_NOCTTY, /dev/tty, TIOCSCTTY/TIOCNOTTY/
 * TIOCGSID/TIOCSPGRP rules and errnos), SIGWINCH, poll on both sides and
 * hang-up when the master closes. Runs as /init on Lucid and on Linux
 * (which has neither devtmpfs nor devpts in an initramfs: the test mounts
 * them itself when missing).
 *
 * Data from one side reaches the other asynchronously on Linux (a work
 * queue), so reads of the master collect bytes until the expected count
 * arrives; the poll timeouts only stop a broken kernel from hanging the
 * test. */
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>
#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <poll.h>
#include <signal.h>
#include "utest.h"

#define HANG_GUARD_MS 20000

/* Read from fd until n bytes came or nothing arrives for a long time. */
static int read_n(int fd, char *buf, int n)
{
	int got = 0;
	while (got < n) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (poll(&p, 1, HANG_GUARD_MS) <= 0)
			break;
		int r = read(fd, buf + got, n - got);
		if (r <= 0)
			break;
		got += r;
	}
	buf[got] = 0;
	return got;
}

/* Does the master read exactly s next? */
static int master_sees(int m, const char *s)
{
	char buf[256];
	int n = strlen(s);
	return read_n(m, buf, n) == n && memcmp(buf, s, n) == 0;
}

/* A new pair: the master (O_NOCTTY), the slave's name, unlocked. */
static int open_pair(char *name, size_t size)
{
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	unsigned int n;
	int unlock = 0;
	if (m < 0 || ioctl(m, TIOCGPTN, &n) != 0 || ioctl(m, TIOCSPTLCK, &unlock) != 0)
		return -1;
	snprintf(name, size, "/dev/pts/%u", n);
	return m;
}

static void set_lflag(int fd, tcflag_t on, tcflag_t off)
{
	struct termios t;
	tcgetattr(fd, &t);
	t.c_lflag = (t.c_lflag | on) & ~off;
	tcsetattr(fd, TCSANOW, &t);
}

static void setup_dev(void)
{
	struct stat st;
	if (stat("/dev/null", &st) != 0) {	/* Linux from an initramfs */
		mkdir("/dev", 0755);
		CHECK("mount_devtmpfs_on_dev", mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) == 0);
	}
	if (stat("/dev/pts/ptmx", &st) != 0) {
		mkdir("/dev/pts", 0755);
		CHECK("mount_devpts", mount("devpts", "/dev/pts", "devpts", 0, NULL) == 0);
	}
}

static void test_nodes(void)
{
	struct stat st;
	char name[32];
	CHECK("ptmx_is_chr_5_2", stat("/dev/ptmx", &st) == 0 && S_ISCHR(st.st_mode) &&
	      major(st.st_rdev) == 5 && minor(st.st_rdev) == 2);
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	unsigned int n = ~0u;
	CHECK("open_ptmx", m >= 0);
	CHECK("tiocgptn", ioctl(m, TIOCGPTN, &n) == 0 && n < 1000000);
	snprintf(name, sizeof(name), "/dev/pts/%u", n);
	CHECK("slave_node_is_chr_136_n", stat(name, &st) == 0 && S_ISCHR(st.st_mode) &&
	      major(st.st_rdev) >= 136 && major(st.st_rdev) <= 143 &&
	      (major(st.st_rdev) - 136) * 256 + minor(st.st_rdev) == n);
	CHECK_ERRNO("locked_slave_open_gives_eio", open(name, O_RDWR | O_NOCTTY), EIO);
	int unlock = 0;
	CHECK("unlockpt", ioctl(m, TIOCSPTLCK, &unlock) == 0);
	int s = open(name, O_RDWR | O_NOCTTY);
	CHECK("open_slave", s >= 0);
	CHECK("slave_isatty", isatty(s));
	CHECK("master_isatty", isatty(m));
	CHECK_ERRNO("master_lseek_gives_espipe", lseek(m, 0, SEEK_SET), ESPIPE);
	CHECK_ERRNO("tiocgptn_on_slave_gives_enotty", ioctl(s, TIOCGPTN, &n), ENOTTY);
	close(s);
	/* TIOCGPTPEER: the slave without a path lookup. */
	int peer = ioctl(m, 0x5441 /* TIOCGPTPEER */, O_RDWR | O_NOCTTY | O_CLOEXEC);
	struct stat ps;
	CHECK("tiocgptpeer_opens_the_slave", peer >= 0 && isatty(peer) &&
	      fstat(peer, &ps) == 0 && stat(name, &st) == 0 && ps.st_rdev == st.st_rdev);
	CHECK("tiocgptpeer_honours_o_cloexec", peer >= 0 && fcntl(peer, F_GETFD) == FD_CLOEXEC);
	write(m, "p\n", 2);
	char pb[8];
	CHECK("tiocgptpeer_fd_reads_master_input", peer >= 0 && read(peer, pb, sizeof(pb)) == 2 && pb[0] == 'p');
	close(peer);
	close(m);
	CHECK_ERRNO("slave_node_gone_after_master_close", stat(name, &st), ENOENT);
}

static void test_data(void)
{
	char name[32], buf[256];
	int m = open_pair(name, sizeof(name));
	int s = open(name, O_RDWR | O_NOCTTY);
	CHECK("pair_for_data", m >= 0 && s >= 0);
	/* Output processing: ONLCR on the slave's output. */
	CHECK("slave_write", write(s, "a\nb", 3) == 3);
	CHECK("onlcr_maps_nl_to_crnl", master_sees(m, "a\r\nb"));
	struct termios t;
	tcgetattr(s, &t);
	t.c_oflag &= ~OPOST;
	tcsetattr(s, TCSANOW, &t);
	write(s, "c\nd", 3);
	CHECK("no_opost_passes_nl", master_sees(m, "c\nd"));
	t.c_oflag |= OPOST;
	tcsetattr(s, TCSANOW, &t);
	/* The master's termios calls act on the slave. */
	struct termios tm;
	CHECK("tcgetattr_on_master_is_the_slaves",
	      tcgetattr(m, &tm) == 0 && (tm.c_lflag & ICANON) && (tm.c_oflag & ONLCR));

	/* Canonical input with echo (ECHO, ECHOE, ECHOK...: the defaults). */
	write(m, "hi\n", 3);
	CHECK("slave_reads_line", read(s, buf, sizeof(buf)) == 3 && memcmp(buf, "hi\n", 3) == 0);
	CHECK("echo_with_onlcr", master_sees(m, "hi\r\n"));
	write(m, "abx\177c\n", 6);
	CHECK("erase_removes_a_byte", read(s, buf, sizeof(buf)) == 4 && memcmp(buf, "abc\n", 4) == 0);
	CHECK("erase_echoes_bs_space_bs", master_sees(m, "abx\b \bc\r\n"));
	write(m, "junk\025ok\n", 8);
	CHECK("kill_removes_the_line", read(s, buf, sizeof(buf)) == 3 && memcmp(buf, "ok\n", 3) == 0);
	read_n(m, buf, 4 + 4 * 3 + 4);	/* "junk", its erasure (ECHOKE), "ok\r\n" */
	CHECK("kill_echo_ends_with_the_new_line", memcmp(buf + 16, "ok\r\n", 4) == 0);
	write(m, "one two\027three\n", 14);
	CHECK("werase_removes_a_word",
	      read(s, buf, sizeof(buf)) == 10 && memcmp(buf, "one three\n", 10) == 0);
	read_n(m, buf, 7 + 3 * 3 + 7);
	CHECK("werase_echo", memcmp(buf, "one two\b \b\b \b\b \bthree\r\n", 23) == 0);
	/* A partial line is not readable; the newline makes it so. */
	write(m, "part", 4);
	struct pollfd p = { .fd = s, .events = POLLIN };
	CHECK("partial_line_not_readable", poll(&p, 1, 0) == 0);
	write(m, "\n", 1);
	CHECK("line_readable_after_newline", poll(&p, 1, HANG_GUARD_MS) == 1 && (p.revents & POLLIN));
	int avail = -1;
	int fr = ioctl(s, FIONREAD, &avail);
	if (fr != 0 || avail != 5)
		printf("fionread %d avail %d errno %d\n", fr, avail, errno);
	CHECK("fionread_counts_the_line", fr == 0 && avail == 5);
	int rp = read(s, buf, sizeof(buf));
	if (rp != 5)
		printf("read_part %d: %.*s\n", rp, rp > 0 ? rp : 0, buf);
	CHECK("read_part", rp == 5);
	master_sees(m, "part\r\n");
	/* ^D: end of file on an empty line. */
	write(m, "\004", 1);
	CHECK("eof_reads_0", read(s, buf, sizeof(buf)) == 0);
	/* Echo off: nothing comes back before what the slave writes next. */
	set_lflag(s, 0, ECHO);
	write(m, "secret\n", 7);
	CHECK("read_without_echo", read(s, buf, sizeof(buf)) == 7);
	write(s, "Z", 1);
	CHECK("no_echo_without_echo_flag", read_n(m, buf, 1) == 1 && buf[0] == 'Z');
	/* ECHONL: only the newline. */
	set_lflag(s, ECHONL, 0);
	write(m, "x\n", 2);
	CHECK("read_echonl_line", read(s, buf, sizeof(buf)) == 2);
	CHECK("echonl_echoes_newline_only", master_sees(m, "\r\n"));
	set_lflag(s, ECHO, ECHONL);
	/* ECHOCTL: a control byte echoes as ^X. */
	write(m, "\001\n", 2);
	CHECK("read_ctl_line", read(s, buf, sizeof(buf)) == 2 && buf[0] == 1);
	CHECK("echoctl_echoes_caret", master_sees(m, "^A\r\n"));
	/* Raw mode: bytes readable at once, no editing. */
	set_lflag(s, 0, ICANON | ECHO);
	write(m, "q\177", 2);
	CHECK("raw_reads_bytes", read_n(s, buf, 2) == 2 && buf[0] == 'q' && buf[1] == 0177);
	/* Master poll: readable when the slave wrote. */
	p.fd = m;
	write(s, "w", 1);
	CHECK("master_poll_readable", poll(&p, 1, HANG_GUARD_MS) == 1 && (p.revents & POLLIN));
	read_n(m, buf, 1);
	/* Closing the slave: the master reads EIO and polls POLLHUP. */
	close(s);
	CHECK("master_poll_hup_after_slave_close", poll(&p, 1, HANG_GUARD_MS) == 1 && (p.revents & POLLHUP));
	CHECK_ERRNO("master_read_after_slave_close_gives_eio", read(m, buf, 1), EIO);
	close(m);
}

static int exited_with(int st, int code);

/* Nothing lost when one side writes faster than the other reads: the
 * writer waits for room (or gets EAGAIN with O_NONBLOCK). */
static void test_flow(void)
{
	char name[32], buf[4096];
	int m = open_pair(name, sizeof(name));
	int s = open(name, O_RDWR | O_NOCTTY);
	CHECK("pair_for_flow", m >= 0 && s >= 0);
	struct termios t;
	tcgetattr(s, &t);
	cfmakeraw(&t);
	tcsetattr(s, TCSANOW, &t);
	memset(buf, 'x', sizeof(buf));
	/* Slave output with nobody reading the master: EAGAIN at some point. */
	fcntl(s, F_SETFL, O_NONBLOCK);
	long total = 0;
	int r;
	while ((r = write(s, buf, sizeof(buf))) > 0 && total < (1L << 24))
		total += r;
	CHECK("nonblocking_slave_write_gives_eagain_when_master_full", r == -1 && errno == EAGAIN);
	struct pollfd p = { .fd = s, .events = POLLOUT };
	CHECK("slave_poll_not_writable_when_master_full", poll(&p, 1, 0) == 0);
	long got = 0;
	while (got < total && (r = read_n(m, buf, total - got > 4000 ? 4000 : (int)(total - got))) > 0)
		got += r;
	CHECK("master_reads_every_byte_the_slave_wrote", got == total);
	fcntl(s, F_SETFL, 0);
	/* Blocking, both ways: a child writes 3 x 20000 bytes, we read them. */
	pid_t pid = fork();
	if (pid == 0) {
		memset(buf, 'y', sizeof(buf));
		for (int i = 0; i < 5 * 3; i++)
			if (write(s, buf, 4000) != 4000)
				_exit(1);
		_exit(0);
	}
	got = 0;
	while (got < 60000 && (r = read_n(m, buf, 4000)) > 0)
		got += r;
	int st = -1;
	waitpid(pid, &st, 0);
	CHECK("blocking_slave_write_loses_nothing", got == 60000 && exited_with(st, 0));
	pid = fork();
	if (pid == 0) {
		long n = 0;
		while (n < 60000 && (r = read(s, buf, sizeof(buf))) > 0)
			n += r;
		_exit(n == 60000 ? 0 : 1);
	}
	memset(buf, 'z', sizeof(buf));
	long put = 0;
	for (int i = 0; i < 15; i++)
		put += write(m, buf, 4000);
	waitpid(pid, &st, 0);
	CHECK("blocking_master_write_loses_nothing", put == 60000 && exited_with(st, 0));
	close(s);
	close(m);
}

static volatile sig_atomic_t last_sig, sig_count;
static int sig_pipe = -1;

static void note_sig(int sig)
{
	char c = (char)sig;
	last_sig = sig;
	sig_count++;
	if (sig_pipe >= 0)
		write(sig_pipe, &c, 1);
}

/* In a forked child: a new session whose controlling tty is the slave,
 * opened without O_NOCTTY. Returns the slave fd or -1. */
static int become_session_on(const char *name)
{
	if (setsid() != getpid())
		return -1;
	int s = open(name, O_RDWR);
	if (s < 0)
		return -1;
	if (tcgetpgrp(s) != getpid())
		return -1;
	return s;
}

/* Run fn(arg) in a child; its exit status (0 = all right). */
static int in_child(int (*fn)(const char *), const char *arg)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn(arg));
	int st = -1;
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		printf("child status %#x\n", st);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100;
}

/* A background group (a child in a group of its own) doing op:
 * 0 read, 1 read with SIGTTIN ignored, 2 write with TOSTOP, 3 write with
 * TOSTOP and SIGTTOU blocked, 4 tcsetattr, 5 TIOCSPGRP, 6 write without
 * TOSTOP. Returns its wait status (WUNTRACED). */
static int background(int s, int op)
{
	pid_t pid = fork();
	if (pid == 0) {
		char c;
		struct termios t;
		setpgid(0, 0);
		if (op == 1)
			signal(SIGTTIN, SIG_IGN);
		if (op == 3) {
			sigset_t set;
			sigemptyset(&set);
			sigaddset(&set, SIGTTOU);
			sigprocmask(SIG_BLOCK, &set, NULL);
		}
		if (op <= 1)
			_exit(read(s, &c, 1) == -1 && errno == EIO ? 40 : 41);
		if (op == 2 || op == 3 || op == 6)
			_exit(write(s, "B", 1) == 1 ? 42 : 43);
		if (op == 4) {
			tcgetattr(s, &t);
			_exit(tcsetattr(s, TCSANOW, &t) == 0 ? 44 : 45);
		}
		pid_t me = getpid();
		_exit(ioctl(s, TIOCSPGRP, &me) == 0 ? 46 : 47);
	}
	int st = -1;
	waitpid(pid, &st, WUNTRACED);
	if (WIFSTOPPED(st)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return st;
}

static int stopped_by(int st, int sig)
{
	return WIFSTOPPED(st) && WSTOPSIG(st) == sig;
}

static int exited_with(int st, int code)
{
	return WIFEXITED(st) && WEXITSTATUS(st) == code;
}

static int job_control_child(const char *name)
{
	int s = become_session_on(name);
	if (s < 0)
		return 1;
	if (!stopped_by(background(s, 0), SIGTTIN))
		return 2;	/* background read stops with SIGTTIN */
	if (!exited_with(background(s, 1), 40))
		return 3;	/* ... EIO when SIGTTIN is ignored */
	if (!exited_with(background(s, 6), 42))
		return 4;	/* writes go ahead without TOSTOP */
	set_lflag(s, TOSTOP, 0);
	if (!stopped_by(background(s, 2), SIGTTOU))
		return 5;	/* with TOSTOP a background write stops */
	if (!exited_with(background(s, 3), 42))
		return 6;	/* ... unless SIGTTOU is blocked */
	set_lflag(s, 0, TOSTOP);
	if (!stopped_by(background(s, 4), SIGTTOU))
		return 7;	/* background tcsetattr */
	if (!stopped_by(background(s, 5), SIGTTOU))
		return 8;	/* background TIOCSPGRP */
	/* An orphaned background group reads EIO: its only member's parent
	 * is gone (the grandchild reports through a pipe). */
	int pfd[2];
	if (pipe(pfd))
		return 9;
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		if (fork() == 0) {
			char c;
			/* Wait until our parent is gone: the group is orphaned. */
			while (getppid() != 1 && getppid() != 0)
				usleep(1000);
			c = (read(s, &c, 1) == -1 && errno == EIO) ? 'E' : 'x';
			write(pfd[1], &c, 1);
			_exit(0);
		}
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	close(pfd[1]);
	char r = 0;
	if (read(pfd[0], &r, 1) != 1 || r != 'E')
		return 10;
	/* TIOCSPGRP: a group of another session is EPERM. */
	int sync[2];
	if (pipe(sync))
		return 11;
	pid_t other = fork();
	if (other == 0) {
		setsid();
		write(sync[1], "s", 1);
		for (;;)
			pause();
	}
	read(sync[0], &r, 1);
	int bad = ioctl(s, TIOCSPGRP, &other) != -1 || errno != EPERM;
	kill(other, SIGKILL);
	waitpid(other, NULL, 0);
	if (bad)
		return 13;
	/* The foreground group may move it, to an existing group of ours. */
	pid_t me = getpid();
	if (ioctl(s, TIOCSPGRP, &me) != 0)
		return 12;
	return 0;
}

static int isig_child(const char *name)
{
	int s = become_session_on(name);
	if (s < 0)
		return 1;
	/* Tell the parent we are ready and which signals come. */
	struct sigaction sa = { .sa_handler = note_sig };
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	write(sig_pipe, "R", 1);
	for (;;)
		pause();
}

/* Fork @child(name) on the slave of master @m, with sig_pipe the write end
 * of the pipe @pfd it reports on (it closes the master in the child). */
static pid_t fork_slave_child(int m, const char *name, int (*child)(const char *), int pfd[2])
{
	pipe(pfd);
	pid_t pid = fork();
	if (pid == 0) {
		close(m);
		sig_pipe = pfd[1];
		_exit(child(name));
	}
	return pid;
}

static void test_isig_and_winch(void)
{
	char name[32], c = 0;
	int m = open_pair(name, sizeof(name));
	int pfd[2];
	pid_t pid = fork_slave_child(m, name, isig_child, pfd);
	CHECK("isig_child_ready", read(pfd[0], &c, 1) == 1 && c == 'R');
	/* Each echo is read before the next signal byte: ISIG without
	 * NOFLSH flushes what the master has not read yet on Linux. */
	write(m, "\003", 1);
	CHECK("ctrl_c_sends_sigint_to_foreground", read(pfd[0], &c, 1) == 1 && c == SIGINT);
	CHECK("ctrl_c_echoes_caret_c", master_sees(m, "^C"));
	write(m, "\034", 1);
	CHECK("ctrl_backslash_sends_sigquit", read(pfd[0], &c, 1) == 1 && c == SIGQUIT);
	CHECK("ctrl_backslash_echoes", master_sees(m, "^\\"));
	write(m, "\032", 1);
	CHECK("ctrl_z_sends_sigtstp", read(pfd[0], &c, 1) == 1 && c == SIGTSTP);
	CHECK("ctrl_z_echoes", master_sees(m, "^Z"));
	struct winsize ws = { .ws_row = 33, .ws_col = 99 }, got;
	CHECK("tiocswinsz_on_master", ioctl(m, TIOCSWINSZ, &ws) == 0);
	CHECK("winch_to_foreground_group", read(pfd[0], &c, 1) == 1 && c == SIGWINCH);
	CHECK("tiocgwinsz_on_master", ioctl(m, TIOCGWINSZ, &got) == 0 &&
	      got.ws_row == 33 && got.ws_col == 99);
	/* Hang-up: the master's close sends SIGHUP to the session leader. */
	close(m);
	CHECK("master_close_sends_sighup_to_session_leader", read(pfd[0], &c, 1) == 1 && c == SIGHUP);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(pfd[0]);
	close(pfd[1]);
}

/* After the master closed: the session leader gets SIGHUP; the slave
 * reads 0, writes EIO, polls HUP and is no one's terminal. */
static int hangup_child(const char *name)
{
	int s = become_session_on(name);
	char c;
	if (s < 0)
		return 1;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	write(sig_pipe, "R", 1);
	/* The SIGHUP comes once the tty is hung up. (A read already asleep
	 * when it happens gets EIO on Linux: not checked, it is a race.) */
	struct timespec guard = { HANG_GUARD_MS / 1000, 0 };
	if (sigtimedwait(&set, NULL, &guard) != SIGHUP)
		return 6;
	if (read(s, &c, 1) != 0)
		return 2;	/* a hung-up tty reads end of file */
	if (write(s, "x", 1) != -1 || errno != EIO)
		return 3;
	struct pollfd p = { .fd = s, .events = POLLIN | POLLOUT };
	if (poll(&p, 1, 0) != 1 || !(p.revents & POLLHUP))
		return 4;
	if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 5;	/* the hung-up tty is no one's terminal now */
	return 0;
}

static void test_hangup(void)
{
	char name[32], c = 0;
	int m = open_pair(name, sizeof(name));
	int pfd[2];
	pid_t pid = fork_slave_child(m, name, hangup_child, pfd);
	read(pfd[0], &c, 1);
	close(m);
	int st = -1;
	waitpid(pid, &st, 0);
	if (!exited_with(st, 0))
		printf("hangup child status %#x\n", st);
	CHECK("slave_after_master_close_reads_0_writes_eio_polls_hup", exited_with(st, 0));
	close(pfd[0]);
	close(pfd[1]);
}

static int ctty_child(const char *name)
{
	/* Not a session leader: TIOCSCTTY is EPERM. */
	int s = open(name, O_RDWR | O_NOCTTY);
	if (ioctl(s, TIOCSCTTY, 0) != -1 || errno != EPERM)
		return 1;
	if (setsid() != getpid())
		return 2;
	/* No controlling tty: /dev/tty is ENXIO, the tty's calls ENOTTY. */
	if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 3;
	pid_t x;
	if (ioctl(s, TIOCGPGRP, &x) != -1 || errno != ENOTTY)
		return 4;
	if (ioctl(s, TIOCGSID, &x) != -1 || errno != ENOTTY)
		return 5;
	if (ioctl(s, TIOCNOTTY) != -1 || errno != ENOTTY)
		return 6;
	/* Opened with O_NOCTTY by a session leader: still not ours. */
	int s3 = open(name, O_RDWR | O_NOCTTY);
	if (s3 < 0 || tcgetpgrp(s3) != -1 || errno != ENOTTY)
		return 19;
	close(s3);
	/* TIOCSCTTY makes it ours. */
	if (ioctl(s, TIOCSCTTY, 0) != 0)
		return 7;
	if (ioctl(s, TIOCSCTTY, 0) != 0)
		return 8;	/* again: already ours */
	if (ioctl(s, TIOCGSID, &x) != 0 || x != getpid())
		return 9;
	if (tcgetpgrp(s) != getpid())
		return 10;
	/* /dev/tty is now the slave. */
	int t = open("/dev/tty", O_RDWR);
	if (t < 0 || write(t, "T", 1) != 1)
		return 11;
	close(t);
	/* A second pty cannot become our terminal: we have one. */
	char name2[32];
	int m2 = open_pair(name2, sizeof(name2));
	int s2 = open(name2, O_RDWR);	/* no O_NOCTTY: still not acquired */
	if (m2 < 0 || s2 < 0)
		return 12;
	if (ioctl(s2, TIOCGPGRP, &x) != -1 || errno != ENOTTY)
		return 13;
	if (ioctl(s2, TIOCSCTTY, 0) != -1 || errno != EPERM)
		return 14;
	/* Another session cannot take ours. */
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		_exit(ioctl(s, TIOCSCTTY, 0) == -1 && errno == EPERM ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	if (!exited_with(st, 0))
		return 15;
	/* TIOCNOTTY by the leader: the tty is free; the other pty can be ours. */
	signal(SIGHUP, SIG_IGN);
	if (ioctl(s, TIOCNOTTY) != 0)
		return 16;
	if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 17;
	if (ioctl(s2, TIOCSCTTY, 0) != 0)
		return 18;
	close(s2);
	close(m2);
	return 0;
}

/* The controlling tty outlives the fds: the slave closed, /dev/tty still
 * opens it, and the master sees the slave open again. Reports through
 * the pipe fd given in sig_pipe: 'c' closed, 'o' reopened. */
static int reopen_child(const char *name)
{
	char c;
	int s = become_session_on(name);
	if (s < 0)
		return 1;
	close(s);
	write(sig_pipe, "c", 1);
	read(sig_pipe - 1, &c, 1);	/* the parent looked */
	int t = open("/dev/tty", O_RDWR);
	if (t < 0)
		return 2;
	write(sig_pipe, "o", 1);
	read(sig_pipe - 1, &c, 1);
	close(t);
	return 0;	/* our exit (as leader) frees the tty */
}

static int master_hup(int m)
{
	struct pollfd p = { .fd = m, .events = POLLIN };
	return poll(&p, 1, 0) == 1 && (p.revents & POLLHUP);
}

static void test_ctty_reopen(void)
{
	char name[32], c;
	int m = open_pair(name, sizeof(name));
	int to_parent[2], to_child[2];
	pipe(to_parent);
	pipe(to_child);
	/* The child reads from sig_pipe - 1: make that to_child[0]. */
	int rd = dup2(to_child[0], 20), wr = dup2(to_parent[1], 21);
	pid_t pid = fork();
	if (pid == 0) {
		close(m);
		sig_pipe = wr;
		_exit(reopen_child(name));
	}
	close(rd);
	close(wr);
	CHECK("reopen_child_closed_slave", read(to_parent[0], &c, 1) == 1 && c == 'c');
	CHECK("master_hup_with_slave_closed", master_hup(m));
	write(to_child[1], "k", 1);
	CHECK("reopen_child_opened_dev_tty", read(to_parent[0], &c, 1) == 1 && c == 'o');
	CHECK("dev_tty_reopens_closed_slave_for_the_master", !master_hup(m));
	write(to_child[1], "k", 1);
	int st = -1;
	waitpid(pid, &st, 0);
	CHECK("reopen_child_ok", exited_with(st, 0));
	CHECK("master_hup_after_leader_exit", master_hup(m));
	close(m);
	close(to_parent[0]);
	close(to_parent[1]);
	close(to_child[0]);
	close(to_child[1]);
}

static void test_ctty(void)
{
	char name[32];
	int m = open_pair(name, sizeof(name));
	CHECK("tiocsctty_and_dev_tty_rules", in_child(ctty_child, name) == 0);
	CHECK("dev_tty_write_reaches_master", master_sees(m, "T"));
	CHECK("job_control_sigttin_sigttou_eio_eperm", in_child(job_control_child, name) == 0);
	close(m);
	/* /dev/tty without a controlling terminal at all. */
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		_exit(open("/dev/tty", O_RDWR) == -1 && errno == ENXIO ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	CHECK("dev_tty_without_ctty_gives_enxio", exited_with(st, 0));
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	setup_dev();
	test_nodes();
	test_data();
	test_flow();
	test_isig_and_winch();
	test_hangup();
	test_ctty();
	test_ctty_reopen();
	printf("tty_pty: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
