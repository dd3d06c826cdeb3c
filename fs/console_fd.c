/* [LINUX-DIFF] TEMPORARY, until /dev/console is a char device (the tty
 * layer, drivers/tty/): PID 1 gets fds 0, 1 and 2 on an anonymous file
 * whose writes go to the kernel console. Reads return EOF: there is no
 * line input yet. console_open_boot_fds() is replaced by opening
 * /dev/console when devtmpfs lands. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/console.h>
#include <linux/err.h>
#include <linux/kdev_t.h>
#include <uapi/linux/fcntl.h>

static ssize_t console_fd_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)f; (void)buf; (void)count; (void)pos;
	return 0;
}

static ssize_t console_fd_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	(void)f; (void)pos;
	console_write(buf, count);
	return count;
}

const struct file_operations console_fops = {
	.llseek = no_llseek,
	.read = console_fd_read,
	.write = console_fd_write,
};

#include <linux/anon_inodes.h>

/* fds 0, 1, 2 of the calling task (which must have an empty table), all on
 * one open file, as /dev/console opened once and dup'ed twice. */
int console_open_boot_fds(void)
{
	struct inode *inode = anon_inode_new(S_IFCHR | 0600);
	if (!inode)
		return -ENOMEM;
	inode->i_rdev = MKDEV(5, 1);	/* /dev/console's number */
	struct file *f = alloc_file_pseudo(inode, "console", O_RDWR, &console_fops);
	if (IS_ERR(f)) {
		iput(inode);
		return PTR_ERR(f);
	}
	for (int i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);
		if (fd != i) {
			if (fd >= 0)
				put_unused_fd(fd);
			fput(f);
			return fd < 0 ? fd : -EBUSY;
		}
		fd_install(fd, get_file(f));
	}
	fput(f);
	return 0;
}
