/* ktests for character devices (fs/char_dev.c), devtmpfs
 * (drivers/base/devtmpfs.c), the memory devices (drivers/char/mem.c) and
 * the N_TTY line discipline (drivers/tty/n_tty.c) fed byte by byte. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/mount.h>
#include <linux/kdev_t.h>
#include <linux/tty.h>
#include <linux/ktest.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/mount.h>

static int mknod_k(const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = d->d_inode ? -EEXIST : (S_ISDIR(mode) ? vfs_mkdir(parent.dentry->d_inode, d, mode)
							 : vfs_mknod(parent.dentry->d_inode, d, mode, dev));
	done_path_create(&parent, d);
	return err;
}

static int rm_k(const char *name, bool dir)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = dir ? vfs_rmdir(parent.dentry->d_inode, d) : vfs_unlink(parent.dentry->d_inode, d);
	done_path_create(&parent, d);
	return err;
}

static int kt_opens;
static int kt_open(struct inode *inode, struct file *f)
{
	kt_opens++;
	f->private_data = (void *)(unsigned long)MINOR(inode->i_rdev);
	return 0;
}

static ssize_t kt_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)pos;
	if (count)
		buf[0] = 'a' + (char)(unsigned long)f->private_data;
	return count ? 1 : 0;
}

static const struct file_operations kt_fops = { .open = kt_open, .read = kt_read };

KTEST(chrdev, registry_dispatches_on_rdev)
{
	int major = __register_chrdev(0, 2, 3, "ktest", &kt_fops);	/* dynamic: minors 2..4 */
	KASSERT(t, major > 0);
	KEXPECT_EQ(t, __register_chrdev(major, 4, 1, "ktest2", &kt_fops), -EBUSY);
	KEXPECT_EQ(t, __register_chrdev(major, 5, 1, "ktest3", &kt_fops), major);
	KASSERT(t, mknod_k("/kt_cd", S_IFDIR | 0755, 0) == 0);
	KEXPECT_EQ(t, mknod_k("/kt_cd/c3", S_IFCHR | 0600, MKDEV(major, 3)), 0);
	KEXPECT_EQ(t, mknod_k("/kt_cd/c9", S_IFCHR | 0600, MKDEV(major, 9)), 0);
	kt_opens = 0;
	struct file *f = filp_open("/kt_cd/c3", O_RDONLY, 0);
	KASSERT(t, !IS_ERR(f));
	KEXPECT_EQ(t, kt_opens, 1);
	KEXPECT(t, f->f_op == &kt_fops);
	char c = 0;
	loff_t pos = 0;
	KEXPECT_EQ(t, kernel_read(f, &c, 1, &pos), 1);
	KEXPECT_EQ(t, c, 'd');		/* minor 3 */
	filp_close(f);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/kt_cd/c9", O_RDONLY, 0)), -ENXIO);	/* no driver */
	__unregister_chrdev(major, 2, 3, "ktest");
	__unregister_chrdev(major, 5, 1, "ktest3");
	KEXPECT_EQ(t, PTR_ERR(filp_open("/kt_cd/c3", O_RDONLY, 0)), -ENXIO);	/* gone */
	/* A device node on a nodev mount does not open. */
	KASSERT(t, mknod_k("/kt_cd/m", S_IFDIR | 0755, 0) == 0);
	KASSERT(t, do_mount("none", "/kt_cd/m", "tmpfs", MS_NODEV, NULL) == 0);
	KEXPECT_EQ(t, mknod_k("/kt_cd/m/null", S_IFCHR | 0666, MKDEV(1, 3)), 0);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/kt_cd/m/null", O_RDONLY, 0)), -EACCES);
	KEXPECT_EQ(t, do_umount_path("/kt_cd/m", 0), 0);
	KEXPECT_EQ(t, rm_k("/kt_cd/m", true), 0);
	KEXPECT_EQ(t, rm_k("/kt_cd/c3", false), 0);
	KEXPECT_EQ(t, rm_k("/kt_cd/c9", false), 0);
	KEXPECT_EQ(t, rm_k("/kt_cd", true), 0);
}

KTEST(chrdev, devtmpfs_on_dev_has_the_nodes)
{
	static const struct { const char *name; unsigned int ma, mi, mode; } nodes[] = {
		{ "/dev/null", 1, 3, 0666 }, { "/dev/zero", 1, 5, 0666 }, { "/dev/full", 1, 7, 0666 },
		{ "/dev/random", 1, 8, 0666 }, { "/dev/urandom", 1, 9, 0666 },
		{ "/dev/tty", 5, 0, 0666 }, { "/dev/console", 5, 1, 0600 }, { "/dev/ttyS0", 4, 64, 0600 },
	};
	struct path p;
	KASSERT(t, kern_path("/dev", 0, &p) == 0);
	KEXPECT(t, p.mnt != vfs_root.mnt);
	KEXPECT(t, !strcmp(p.mnt->mnt_sb->s_type->name, "devtmpfs"));
	path_put(&p);
	for (size_t i = 0; i < ARRAY_SIZE(nodes); i++) {
		KASSERT(t, kern_path(nodes[i].name, 0, &p) == 0);
		struct inode *in = p.dentry->d_inode;
		KEXPECT_EQ(t, in->i_mode, S_IFCHR | nodes[i].mode);
		KEXPECT_EQ(t, MAJOR(in->i_rdev), nodes[i].ma);
		KEXPECT_EQ(t, MINOR(in->i_rdev), nodes[i].mi);
		path_put(&p);
	}
	/* A second devtmpfs mount shows the same instance. */
	KASSERT(t, mknod_k("/kt_dev2", S_IFDIR | 0755, 0) == 0);
	KASSERT(t, do_mount("devtmpfs", "/kt_dev2", "devtmpfs", 0, NULL) == 0);
	KEXPECT_EQ(t, mknod_k("/kt_dev2/kt_extra", S_IFCHR | 0600, MKDEV(1, 3)), 0);
	KASSERT(t, kern_path("/dev/kt_extra", 0, &p) == 0);
	path_put(&p);
	KEXPECT_EQ(t, rm_k("/dev/kt_extra", false), 0);
	KEXPECT_EQ(t, do_umount_path("/kt_dev2", 0), 0);
	KEXPECT_EQ(t, rm_k("/kt_dev2", true), 0);
	KASSERT(t, kern_path("/dev/null", 0, &p) == 0);	/* still there */
	path_put(&p);
}

KTEST(chrdev, mem_devices_semantics)
{
	char buf[64];
	loff_t pos = 0;
	struct file *f = filp_open("/dev/null", O_RDWR, 0);
	KASSERT(t, !IS_ERR(f));
	KEXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 0);
	KEXPECT_EQ(t, kernel_write(f, "abc", 3, &pos), 3);
	filp_close(f);
	f = filp_open("/dev/zero", O_RDWR, 0);
	KASSERT(t, !IS_ERR(f));
	memset(buf, 'x', sizeof(buf));
	KEXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	KEXPECT(t, buf[0] == 0 && buf[63] == 0);
	KEXPECT_EQ(t, kernel_write(f, "abc", 3, &pos), 3);
	filp_close(f);
	f = filp_open("/dev/full", O_RDWR, 0);
	KASSERT(t, !IS_ERR(f));
	memset(buf, 'x', sizeof(buf));
	KEXPECT_EQ(t, kernel_read(f, buf, 8, &pos), 8);
	KEXPECT(t, buf[0] == 0 && buf[7] == 0 && buf[8] == 'x');
	KEXPECT_EQ(t, kernel_write(f, "abc", 3, &pos), -ENOSPC);
	filp_close(f);
	f = filp_open("/dev/urandom", O_RDONLY, 0);
	KASSERT(t, !IS_ERR(f));
	char a[32] = { 0 }, b[32] = { 0 };
	KEXPECT_EQ(t, kernel_read(f, a, sizeof(a), &pos), sizeof(a));
	KEXPECT_EQ(t, kernel_read(f, b, sizeof(b), &pos), sizeof(b));
	KEXPECT(t, memcmp(a, b, sizeof(a)));	/* 2^-256 chance of a false failure */
	filp_close(f);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/dev/kt_none", O_RDONLY, 0)), -ENOENT);
}

/* A tty whose output is captured, to test N_TTY without the serial port. */
static char echoed[256];
static size_t echoed_len;
static void capture_write(struct tty_struct *tty, const char *s, size_t n)
{
	(void)tty;
	for (size_t i = 0; i < n && echoed_len < sizeof(echoed) - 1; i++)
		echoed[echoed_len++] = s[i];
}
static const struct tty_operations capture_ops = { .write = capture_write };

static void type(struct tty_struct *tty, const char *s)
{
	while (*s)
		n_tty_receive_char(tty, (unsigned char)*s++);
}

KTEST(chrdev, n_tty_line_editing_and_echo)
{
	static struct tty_struct tty;
	static struct file f;	/* only f_flags is looked at */
	char buf[64];
	memset(&tty, 0, sizeof(tty));
	tty.ops = &capture_ops;
	n_tty_init(&tty);
	echoed_len = 0;
	f.f_flags = O_NONBLOCK;
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), -EAGAIN);
	type(&tty, "lx\x7fs\r");	/* DEL erases x; CR becomes NL */
	echoed[echoed_len] = 0;
	KEXPECT(t, !strcmp(echoed, "lx\b \bs\r\n"));
	KEXPECT_EQ(t, n_tty_chars_in_buffer(&tty), 3);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 3);
	KEXPECT(t, !memcmp(buf, "ls\n", 3));
	/* A partial line is not readable; ^U kills it; ^W erases a word. */
	type(&tty, "abc");
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), -EAGAIN);
	type(&tty, "\x15" "one two\x17" "three\n");
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 10);
	KEXPECT(t, !memcmp(buf, "one three\n", 10));
	/* ^D: the line so far without a newline, then end of file (0). */
	type(&tty, "xy\x04\x04");
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 2);
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 0);
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), -EAGAIN);
	/* Two lines come back one read at a time; a short read splits one. */
	type(&tty, "a\nbcd\n");
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 2);
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, 2), 2);
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 2);
	/* ^C (ISIG) drops the pending line and echoes ^C; no foreground
	 * group here, so no signal goes anywhere. */
	echoed_len = 0;
	type(&tty, "abc\x03" "d\n");
	echoed[echoed_len] = 0;
	KEXPECT(t, !strcmp(echoed, "abc^Cd\r\n"));
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 2);
	KEXPECT(t, !memcmp(buf, "d\n", 2));
	/* Raw mode without echo: bytes at once, CR still mapped by ICRNL. */
	tty.termios.c_lflag &= ~(ICANON | ECHO);
	n_tty_set_termios(&tty);
	echoed_len = 0;
	type(&tty, "q\r\x7f");
	KEXPECT_EQ(t, echoed_len, 0);
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 3);
	KEXPECT(t, !memcmp(buf, "q\n\x7f", 3));
	/* VMIN 0, VTIME 1: no byte within a tenth of a second -> 0. VMIN 2,
	 * VTIME 0 with two bytes there: both at once. */
	f.f_flags = 0;
	tty.termios.c_cc[VMIN] = 0;
	tty.termios.c_cc[VTIME] = 1;
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 0);
	tty.termios.c_cc[VMIN] = 2;
	tty.termios.c_cc[VTIME] = 0;
	type(&tty, "xy");
	KEXPECT_EQ(t, n_tty_read(&tty, &f, buf, sizeof(buf)), 2);
	tty.termios.c_cc[VMIN] = 1;
	f.f_flags = O_NONBLOCK;
	/* Output: ONLCR turns NL into CR NL; without OPOST it does not. */
	echoed_len = 0;
	KEXPECT_EQ(t, n_tty_write(&tty, NULL, "a\nb", 3), 3);
	tty.termios.c_oflag &= ~OPOST;
	KEXPECT_EQ(t, n_tty_write(&tty, NULL, "\n", 1), 1);
	echoed[echoed_len] = 0;
	KEXPECT(t, !strcmp(echoed, "a\r\nb\n"));
}
