/* [LINUX-DIFF] TEMPORARY, until the VFS and the tty exist: file descriptors
 * 0, 1 and 2 of every process are the serial console. write() and writev()
 * go to it; every other descriptor is -EBADF. This file is replaced by
 * fs/read_write.c and drivers/tty/ when they land. */
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/console.h>
#include <linux/sched.h>

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

static long console_write_user(const char __user *buf, size_t count)
{
	char chunk[256];
	size_t done = 0;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		if (copy_from_user(chunk, buf + done, n))
			return done ? (long)done : -EFAULT;
		console_write(chunk, n);
		done += n;
	}
	return (long)done;
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	if (fd > 2)
		return -EBADF;
	if ((long)count < 0)
		return -EINVAL;
	return console_write_user(buf, count);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	long total = 0;
	if (fd > 2)
		return -EBADF;
	if (vlen > 1024)
		return -EINVAL;
	for (unsigned long i = 0; i < vlen; i++) {
		struct iovec iov;
		if (copy_from_user(&iov, &vec[i], sizeof(iov)))
			return total ? total : -EFAULT;
		if ((long)iov.iov_len < 0)
			return -EINVAL;
		long n = console_write_user(iov.iov_base, iov.iov_len);
		if (n < 0)
			return total ? total : n;
		total += n;
	}
	return total;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	if (fd > 2)
		return -EBADF;
	return -ENOTTY;	/* no tty layer yet */
}
