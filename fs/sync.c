/* sync, syncfs, fsync, fdatasync: write dirty data to the backing store.
 * Every filesystem Lucid has lives in memory (tmpfs, devtmpfs): there is
 * nothing to write, so these succeed once the arguments are checked the way
 * Linux checks them. Files with no ->fsync (pipes, most char devices) give
 * EINVAL as on Linux. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <linux/file.h>

/* ->fsync for memory filesystems: the data is already where it lives. */
int noop_fsync(struct file *f, int datasync)
{
	(void)f;
	(void)datasync;
	return 0;
}

int vfs_fsync(struct file *file, int datasync)
{
	if (!file->f_op || !file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, datasync);
}

long sys_sync(void)
{
	return 0;
}

long sys_syncfs(int fd)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

static long do_fsync(unsigned int fd, int datasync)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	int err = vfs_fsync(f, datasync);
	fput(f);
	return err;
}

long sys_fsync(unsigned int fd)
{
	return do_fsync(fd, 0);
}

long sys_fdatasync(unsigned int fd)
{
	return do_fsync(fd, 1);
}

/* sync_file_range: Linux's argument checks (EBADF, then EINVAL for unknown
 * flags or a negative or wrapping range, then ESPIPE for pipes, sockets and
 * devices); nothing to write. */
#define SYNC_FILE_RANGE_VALID 7	/* WAIT_BEFORE | WRITE | WAIT_AFTER */

long sys_sync_file_range(int fd, long offset, long nbytes, unsigned int flags)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long err = 0;
	long end = (long)((unsigned long)offset + (unsigned long)nbytes);
	umode_t mode = f->f_inode->i_mode;
	if ((flags & ~SYNC_FILE_RANGE_VALID) || offset < 0 || end < 0 || end < offset)
		err = -EINVAL;
	else if (!S_ISREG(mode) && !S_ISBLK(mode) && !S_ISDIR(mode) && !S_ISLNK(mode))
		err = -ESPIPE;
	fput(f);
	return err;
}
