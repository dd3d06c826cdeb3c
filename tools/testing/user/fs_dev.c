/* Device files and mounts: /dev/null, zero, full, random, urandom,
 * console and tty (numbers, modes, read/write semantics, errnos), device
 * nodes made with mknod in a tmpfs, mount/umount2 of tmpfs with their
 * errnos (EBUSY, EINVAL, ENOENT, ENOTDIR, ENODEV, EROFS, EPERM after
 * setuid), and that fd 0 is a terminal. Runs as /init on Lucid (devtmpfs
 * is on /dev at boot) and on Linux (an initramfs has no devtmpfs: the test
 * mounts it on /dev itself when /dev/null is missing). */
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

static int write_file(const char *name, const char *s)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	int n = write(fd, s, strlen(s));
	close(fd);
	return n;
}

static void check_node(const char *name, unsigned int ma, unsigned int mi, unsigned int mode)
{
	struct stat st;
	char label[64];
	int r = stat(name, &st);
	snprintf(label, sizeof(label), "stat_%s_is_chr_%u_%u_%o", name + 5, ma, mi, mode);
	CHECK(label, r == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == ma &&
		     minor(st.st_rdev) == mi && (st.st_mode & 07777) == mode);
}

static void test_dev_nodes(void)
{
	struct stat st;
	if (stat("/dev/null", &st) != 0) {	/* Linux from an initramfs */
		mkdir("/dev", 0755);
		CHECK("mount_devtmpfs_on_dev", mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) == 0);
	}
	check_node("/dev/null", 1, 3, 0666);
	check_node("/dev/zero", 1, 5, 0666);
	check_node("/dev/full", 1, 7, 0666);
	check_node("/dev/random", 1, 8, 0666);
	check_node("/dev/urandom", 1, 9, 0666);
	check_node("/dev/tty", 5, 0, 0666);
	check_node("/dev/console", 5, 1, 0600);
	check_node("/dev/ttyS0", 4, 64, 0600);
}

static void test_mem_devices(void)
{
	char buf[256];
	int fd = open("/dev/null", O_RDWR);
	CHECK("open_null", fd >= 0);
	CHECK("null_read_is_eof", read(fd, buf, sizeof(buf)) == 0);
	CHECK("null_write_takes_everything", write(fd, buf, sizeof(buf)) == sizeof(buf));
	/* The driver never reads what is written (no copy is made): an unmapped
	 * buffer in user space is fine, a kernel address is not. */
	CHECK("null_write_of_unmapped_buffer_takes_everything", syscall(SYS_write, fd, NULL, 4096) == 4096);
	CHECK_ERRNO("null_write_of_kernel_address_gives_efault",
		    syscall(SYS_write, fd, (void *)0xffffffff81000000UL, 16), EFAULT);
	CHECK("null_lseek_gives_0", lseek(fd, 100, SEEK_SET) == 0);
	struct pollfd pfd = { .fd = fd, .events = POLLIN | POLLOUT };
	CHECK("null_poll_always_ready", poll(&pfd, 1, 0) == 1 && (pfd.revents & (POLLIN | POLLOUT)) == (POLLIN | POLLOUT));
	close(fd);

	fd = open("/dev/zero", O_RDWR);
	CHECK("open_zero", fd >= 0);
	memset(buf, 'x', sizeof(buf));
	int n = read(fd, buf, sizeof(buf));
	int zeros = 0;
	for (int i = 0; i < (int)sizeof(buf); i++)
		zeros += buf[i] == 0;
	CHECK("zero_read_gives_zeros", n == sizeof(buf) && zeros == (int)sizeof(buf));
	CHECK("zero_write_takes_everything", write(fd, "abc", 3) == 3);
	CHECK("zero_write_of_unmapped_buffer_takes_everything", syscall(SYS_write, fd, NULL, 4096) == 4096);
	CHECK_ERRNO("zero_read_bad_buffer_gives_efault", syscall(SYS_read, fd, (void *)8, 16), EFAULT);
	close(fd);

	fd = open("/dev/full", O_RDWR);
	CHECK("open_full", fd >= 0);
	CHECK_ERRNO("full_write_gives_enospc", write(fd, "abc", 3), ENOSPC);
	memset(buf, 'x', sizeof(buf));
	CHECK("full_read_gives_zeros", read(fd, buf, 8) == 8 && buf[0] == 0 && buf[7] == 0 && buf[8] == 'x');
	close(fd);

	char a[32], b[32];
	fd = open("/dev/urandom", O_RDONLY);
	CHECK("open_urandom", fd >= 0);
	CHECK("urandom_reads_fill", read(fd, a, sizeof(a)) == sizeof(a) && read(fd, b, sizeof(b)) == sizeof(b));
	CHECK("urandom_reads_differ", memcmp(a, b, sizeof(a)) != 0);
	close(fd);
	fd = open("/dev/random", O_RDONLY);
	CHECK("random_read_fills", fd >= 0 && read(fd, a, 16) == 16);
	close(fd);
	fd = open("/dev/urandom", O_WRONLY);
	CHECK("urandom_write_accepted", fd >= 0 && write(fd, "seed", 4) == 4);
	close(fd);
}

static void test_console(void)
{
	struct termios t;
	struct winsize ws;
	CHECK("isatty_0", isatty(0));
	CHECK("tcgetattr_0", tcgetattr(0, &t) == 0);
	CHECK("ioctl_tiocgwinsz_0", ioctl(0, TIOCGWINSZ, &ws) == 0);
	CHECK_ERRNO("ioctl_tcgets_bad_pointer_gives_efault", syscall(SYS_ioctl, 0, TCGETS, (void *)8), EFAULT);
	int fd = open("/dev/console", O_RDWR | O_NONBLOCK | O_NOCTTY);
	CHECK("open_console", fd >= 0);
	CHECK("console_is_a_tty", isatty(fd));
	CHECK("console_write", write(fd, "fs_dev: console write\n", 22) == 22);
	char c;
	CHECK_ERRNO("console_nonblocking_read_gives_eagain", read(fd, &c, 1), EAGAIN);
	CHECK_ERRNO("console_lseek_gives_espipe", lseek(fd, 0, SEEK_SET), ESPIPE);
	struct pollfd pfd = { .fd = fd, .events = POLLIN | POLLOUT };
	/* Not readable with nothing typed. (Writability is not checked: on
	 * Linux it depends on how much earlier output is still queued.) */
	int pr = poll(&pfd, 1, 0);
	CHECK("console_poll_not_readable", pr >= 0 && !(pfd.revents & POLLIN));
	int avail = -1;
	CHECK("console_fionread_is_0", ioctl(fd, FIONREAD, &avail) == 0 && avail == 0);
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	CHECK_ERRNO("null_is_not_a_tty", ioctl(fd, TCGETS, &t), ENOTTY);
	close(fd);
}

/* A background process group of the terminal's session: what happens to
 * one of its processes doing op (0 read, 1 read with SIGTTIN ignored,
 * 2 write, 3 tcsetattr). Returns the wait status. */
static int in_background(int op)
{
	pid_t pid = fork();
	if (pid == 0) {
		char c;
		struct termios t;
		setpgid(0, 0);
		/* ttyS0, not console: Linux exempts /dev/console opens. */
		int fd = open("/dev/ttyS0", O_RDWR | O_NONBLOCK | O_NOCTTY);
		if (op == 1)
			signal(SIGTTIN, SIG_IGN);
		if (op == 0 || op == 1)
			_exit(read(fd, &c, 1) == -1 && errno == EIO ? 40 : 41);
		if (op == 2)
			_exit(write(fd, "bg write\n", 9) == 9 ? 42 : 43);
		tcgetattr(fd, &t);
		_exit(tcsetattr(fd, TCSANOW, &t) == 0 ? 44 : 45);
	}
	int status = -1;
	waitpid(pid, &status, WUNTRACED);
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return status;
}

static int background_child_checks(void)
{
	int st = in_background(0);
	if (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTTIN)
		return 20;	/* a background read stops the group with SIGTTIN */
	st = in_background(1);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 40)
		return 21;	/* ... or is EIO when SIGTTIN is ignored */
	st = in_background(2);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 42)
		return 22;	/* writes go ahead without TOSTOP */
	st = in_background(3);
	if (!WIFSTOPPED(st) || WSTOPSIG(st) != SIGTTOU)
		return 23;	/* changing the settings stops it with SIGTTOU */
	return 0;
}

/* Controlling terminal: a session leader takes the console (TIOCSCTTY),
 * sees itself as the foreground group, moves it; others see ENOTTY. */
static int ctty_child(int round)
{
	pid_t me = getpid(), sid = -1;
	if (ioctl(0, TIOCSCTTY, 0) != -1 || errno != EPERM)
		return 1;	/* not a session leader yet */
	if (setsid() != me)
		return 2;
	if (ioctl(0, TIOCSCTTY, 0) != 0)
		return 3 + round * 10;
	if (tcgetpgrp(0) != me)
		return 4;
	if (ioctl(0, TIOCGSID, &sid) != 0 || sid != me)
		return 5;
	if (tcsetpgrp(0, me) != 0)
		return 6;
	return round ? 0 : background_child_checks();
}

static void test_ctty(void)
{
	CHECK_ERRNO("tiocgpgrp_without_ctty_gives_enotty", tcgetpgrp(0), ENOTTY);
	/* Twice: the first session's leader exits and frees the console. */
	for (int round = 0; round < 2; round++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(ctty_child(round));
		int status = -1;
		waitpid(pid, &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			printf("ctty child status %#x\n", status);
		CHECK(round ? "tiocsctty_again_after_leader_exit" :
			      "session_leader_takes_console_and_background_groups_get_sigttin_sigttou",
		      WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	CHECK_ERRNO("tiocgpgrp_still_enotty_for_others", tcgetpgrp(0), ENOTTY);
}

static void test_mknod_devices(void)
{
	CHECK("mkdir_fsd", mkdir("/fsd", 0755) == 0);
	CHECK("mount_tmpfs_fsd", mount("none", "/fsd", "tmpfs", 0, NULL) == 0);
	CHECK("mknod_null_in_tmpfs", mknod("/fsd/mynull", S_IFCHR | 0666, makedev(1, 3)) == 0);
	CHECK("mknod_zero_in_tmpfs", mknod("/fsd/myzero", S_IFCHR | 0666, makedev(1, 5)) == 0);
	/* Major 60 is reserved for local use: no driver on either kernel. */
	CHECK("mknod_nodriver", mknod("/fsd/nodrv", S_IFCHR | 0666, makedev(60, 0)) == 0);
	int fd = open("/fsd/mynull", O_RDWR);
	char buf[8] = "xxxxxxx";
	CHECK("mknod_null_opens_null_driver", fd >= 0 && write(fd, "abc", 3) == 3 && read(fd, buf, 8) == 0);
	close(fd);
	fd = open("/fsd/myzero", O_RDONLY);
	CHECK("mknod_zero_opens_zero_driver", fd >= 0 && read(fd, buf, 8) == 8 && buf[0] == 0 && buf[7] == 0);
	close(fd);
	CHECK_ERRNO("open_node_without_driver_gives_enxio", open("/fsd/nodrv", O_RDONLY), ENXIO);
	CHECK("umount_fsd", umount2("/fsd", 0) == 0);
	CHECK("mount_tmpfs_nodev", mount("none", "/fsd", "tmpfs", MS_NODEV, NULL) == 0);
	CHECK("mknod_on_nodev", mknod("/fsd/mynull", S_IFCHR | 0666, makedev(1, 3)) == 0);
	CHECK_ERRNO("open_device_on_nodev_mount_gives_eacces", open("/fsd/mynull", O_RDONLY), EACCES);
	CHECK("umount_nodev", umount2("/fsd", 0) == 0);
	/* noexec: exec of an executable file there is EACCES. */
	CHECK("mount_tmpfs_noexec", mount("none", "/fsd", "tmpfs", MS_NOEXEC, NULL) == 0);
	int sfd = open("/fsd/s", O_WRONLY | O_CREAT, 0755);
	CHECK("script_on_noexec", sfd >= 0 && write(sfd, "#!/init\n", 8) == 8);
	close(sfd);
	char *argv[] = { "/fsd/s", NULL }, *envp[] = { NULL };
	CHECK_ERRNO("exec_on_noexec_mount_gives_eacces", execve("/fsd/s", argv, envp), EACCES);
	CHECK("umount_noexec", umount2("/fsd", 0) == 0);
}

/* /proc/mounts into buf; 0 if it cannot be read. */
static int read_mounts(char *buf, size_t size)
{
	int fd = open("/proc/mounts", O_RDONLY), n = 0, r;
	if (fd < 0)
		return 0;
	while (n < (int)size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	close(fd);
	return n;
}

static void test_mounts(void)
{
	static char mounts[8192];
	struct stat st;
	if (stat("/proc/self", &st) != 0) {
		mkdir("/proc", 0555);
		CHECK("mount_proc", mount("proc", "/proc", "proc", 0, NULL) == 0);
	}
	CHECK("mount_tmpfs", mount("none", "/fsd", "tmpfs", 0, NULL) == 0);
	CHECK("proc_mounts_lists_it", read_mounts(mounts, sizeof(mounts)) > 0 &&
	      strstr(mounts, "none /fsd tmpfs rw,") != NULL);
	CHECK("proc_mounts_lists_devtmpfs", strstr(mounts, "devtmpfs /dev devtmpfs rw") != NULL);
	CHECK("file_in_mount", write_file("/fsd/f", "hello") == 5 && stat("/fsd/f", &st) == 0 && st.st_size == 5);
	CHECK("mount_root_is_sticky_1777", stat("/fsd", &st) == 0 && (st.st_mode & 07777) == 01777);
	int fd = open("/fsd/f", O_RDONLY);
	CHECK_ERRNO("umount_with_open_file_gives_ebusy", umount2("/fsd", 0), EBUSY);
	close(fd);
	CHECK_ERRNO("rmdir_mount_point_gives_ebusy", rmdir("/fsd"), EBUSY);
	CHECK("umount_after_close", umount2("/fsd", 0) == 0);
	CHECK_ERRNO("file_gone_after_umount", stat("/fsd/f", &st), ENOENT);
	CHECK("proc_mounts_forgets_it", read_mounts(mounts, sizeof(mounts)) > 0 &&
	      strstr(mounts, " /fsd ") == NULL);
	CHECK_ERRNO("umount_not_a_mount_point_gives_einval", umount2("/fsd", 0), EINVAL);
	CHECK_ERRNO("umount_missing_gives_enoent", umount2("/fsd/none", 0), ENOENT);
	CHECK_ERRNO("umount_bad_flags_gives_einval", syscall(SYS_umount2, "/fsd", 0x100), EINVAL);
	CHECK_ERRNO("umount_bad_pointer_gives_efault", syscall(SYS_umount2, (char *)8, 0), EFAULT);
	CHECK_ERRNO("mount_missing_target_gives_enoent", mount("none", "/fsd/none", "tmpfs", 0, NULL), ENOENT);
	CHECK("make_plain_file", write_file("/fsd_file", "x") == 1);
	CHECK_ERRNO("mount_on_file_gives_enotdir", mount("none", "/fsd_file", "tmpfs", 0, NULL), ENOTDIR);
	CHECK_ERRNO("mount_unknown_type_gives_enodev", mount("none", "/fsd", "nosuchfs", 0, NULL), ENODEV);
	CHECK_ERRNO("mount_bad_type_pointer_gives_efault",
		    syscall(SYS_mount, "none", "/fsd", (char *)8, 0, NULL), EFAULT);
	CHECK_ERRNO("tmpfs_bad_option_gives_einval", mount("none", "/fsd", "tmpfs", 0, "bogus=1"), EINVAL);
	/* Harmless flags are accepted; options set the root's mode. */
	CHECK("mount_with_flags_and_options",
	      mount("none", "/fsd", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RELATIME | MS_SILENT,
		    "mode=0750,size=1m") == 0);
	CHECK("mode_option_applies", stat("/fsd", &st) == 0 && (st.st_mode & 07777) == 0750);
	/* Stacked: a second tmpfs on top hides the first; umount shows it again. */
	CHECK("lower_file", write_file("/fsd/low", "l") == 1);
	CHECK("mount_on_top", mount("none", "/fsd", "tmpfs", 0, NULL) == 0);
	CHECK_ERRNO("lower_file_hidden", stat("/fsd/low", &st), ENOENT);
	CHECK("umount_top", umount2("/fsd", 0) == 0);
	CHECK("lower_file_back", stat("/fsd/low", &st) == 0);
	/* Read-only, then remounted read-write. */
	CHECK("remount_read_only", mount(NULL, "/fsd", NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0);
	CHECK_ERRNO("create_on_read_only_gives_erofs", open("/fsd/new", O_WRONLY | O_CREAT, 0644), EROFS);
	CHECK_ERRNO("mkdir_on_read_only_gives_erofs", mkdir("/fsd/d", 0755), EROFS);
	CHECK_ERRNO("open_for_write_on_read_only_gives_erofs", open("/fsd/low", O_WRONLY), EROFS);
	CHECK("remount_read_write", mount(NULL, "/fsd", NULL, MS_REMOUNT, NULL) == 0);
	CHECK("create_after_remount", write_file("/fsd/new", "n") == 1);
	CHECK("mkdir_plain", mkdir("/fsd/plain", 0755) == 0);
	CHECK_ERRNO("remount_of_non_mount_point_gives_einval",
		    mount(NULL, "/fsd/plain", NULL, MS_REMOUNT, NULL), EINVAL);
	/* Busy through a mount below it, and through a cwd inside it. */
	CHECK("mkdir_sub", mkdir("/fsd/sub", 0755) == 0);
	CHECK("mount_sub", mount("none", "/fsd/sub", "tmpfs", 0, NULL) == 0);
	CHECK_ERRNO("umount_with_child_mount_gives_ebusy", umount2("/fsd", 0), EBUSY);
	CHECK("chdir_into_sub", chdir("/fsd/sub") == 0);
	CHECK_ERRNO("umount_cwd_gives_ebusy", umount2("/fsd/sub", 0), EBUSY);
	CHECK("dotdot_leaves_the_mount", chdir("..") == 0 && stat("new", &st) == 0);
	CHECK("chdir_root", chdir("/") == 0);
	CHECK("umount_sub", umount2("/fsd/sub", 0) == 0);
	/* MNT_DETACH: gone from the tree at once, open files still work. */
	CHECK("mount_to_detach", mount("none", "/fsd", "tmpfs", 0, NULL) == 0);
	CHECK("file_to_keep_open", write_file("/fsd/kept", "k") == 1);
	fd = open("/fsd/kept", O_RDONLY);
	CHECK("lazy_umount", umount2("/fsd", MNT_DETACH) == 0);
	char c = 0;
	CHECK("open_file_readable_after_lazy_umount", fd >= 0 && read(fd, &c, 1) == 1 && c == 'k');
	CHECK_ERRNO("detached_file_not_reachable", stat("/fsd/kept", &st), ENOENT);
	CHECK("under_the_mount_again", stat("/fsd/low", &st) == 0);
	close(fd);
	CHECK("umount_lower", umount2("/fsd", 0) == 0);
	CHECK_ERRNO("lower_gone", stat("/fsd/low", &st), ENOENT);
	/* Only root may mount. */
	pid_t pid = fork();
	if (pid == 0) {
		if (setuid(1000) != 0)
			_exit(10);
		/* "/": the walk needs no search permission (the initramfs
		 * root may be 0700), so the privilege check is what fails. */
		if (mount("none", "/", "tmpfs", 0, NULL) != -1 || errno != EPERM)
			_exit(11);
		if (umount2("/", 0) != -1 || errno != EPERM)
			_exit(12);
		_exit(0);
	}
	int status = -1;
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		printf("child status %#x\n", status);
	CHECK("mount_and_umount_as_user_give_eperm", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("rmdir_fsd", rmdir("/fsd") == 0);
	CHECK("unlink_fsd_file", unlink("/fsd_file") == 0);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	test_dev_nodes();
	test_mem_devices();
	test_console();
	test_ctty();
	test_mknod_devices();
	test_mounts();
	printf("fs_dev: %d passed, %d failed\n", utest_passes, utest_failures);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return utest_failures != 0;
}
