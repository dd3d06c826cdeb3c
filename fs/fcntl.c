/* dup, dup2, dup3 and fcntl: more fds for one open file, and the per-fd
 * (FD_CLOEXEC) and per-file (O_APPEND, O_NONBLOCK) flags. Seed concept:
 * "file descriptors: dup, close-on-exec". */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/filelock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/pipe_fs_i.h>
#include <uapi/linux/fcntl.h>

long sys_dup(unsigned int fildes)
{
	struct file *f = fget_raw(fildes);
	if (!f)
		return -EBADF;
	int fd = get_unused_fd_flags(0);
	if (fd >= 0)
		fd_install(fd, get_file(f));
	fput(f);
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	struct file *f = fget_raw(oldfd);
	if (!f)
		return -EBADF;
	long r = replace_fd(newfd, f, flags);
	fput(f);
	return r;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) {	/* only checks that oldfd is open */
		struct file *f = fget_raw(oldfd);
		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

/* The file status flags F_SETFL may change; the access mode and creation
 * flags stay as opened. [LINUX-DIFF] O_ASYNC, O_DIRECT and O_NOATIME are
 * accepted and ignored. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME)

static long setfl(struct file *f, unsigned long arg)
{
	spin_lock(&f->f_lock);
	f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
	spin_unlock(&f->f_lock);
	return 0;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget_raw(fd);
	if (!f)
		return -EBADF;
	long r;
	bool path = f->f_mode & FMODE_PATH;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		r = f_dupfd(arg, f, cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		break;
	case F_GETFD:
		r = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		r = 0;
		break;
	case F_GETFL:
		r = f->f_flags;
		break;
	case F_SETFL:
		r = path ? -EBADF : setfl(f, arg);
		break;
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		r = path ? -EBADF : pipe_fcntl(f, cmd, arg);
		break;
	case F_GETLK:
		r = path ? -EBADF : fcntl_getlk(f, (struct flock __user *)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
		r = path ? -EBADF : fcntl_setlk(f, cmd, (struct flock __user *)arg);
		break;
	default:
		/* [LINUX-DIFF] OFD locks, owners, leases, seals: not yet. */
		r = path ? -EBADF : -EINVAL;
	}
	fput(f);
	return r;
}
