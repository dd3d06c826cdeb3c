/* ioctl(2): the commands every file understands (close-on-exec and
 * non-blocking flags), then the file's own ->unlocked_ioctl, else ENOTTY. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <uapi/linux/fcntl.h>
#include <uapi/asm/ioctls.h>

long vfs_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (!f->f_op->unlocked_ioctl)
		return -ENOTTY;
	long r = f->f_op->unlocked_ioctl(f, cmd, arg);
	return r == -ENOIOCTLCMD ? -ENOTTY : r;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long r;
	int on;
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		r = 0;
		break;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		r = 0;
		break;
	case FIONBIO:
		r = get_user(on, (int __user *)arg);
		if (r)
			break;
		spin_lock(&f->f_lock);
		if (on)
			f->f_flags |= O_NONBLOCK;
		else
			f->f_flags &= ~O_NONBLOCK;
		spin_unlock(&f->f_lock);
		break;
	case FIONREAD:
		/* Regular files: the bytes between f_pos and the end. */
		if (S_ISREG(f->f_inode->i_mode)) {
			loff_t left = READ_ONCE(f->f_inode->i_size) - READ_ONCE(f->f_pos);
			r = put_user((int)max(left, (loff_t)0), (int __user *)arg);
			break;
		}
		r = vfs_ioctl(f, cmd, arg);
		break;
	default:
		r = vfs_ioctl(f, cmd, arg);
	}
	fput(f);
	return r;
}
