/* The name-changing system calls: mkdir, rmdir, unlink, symlink, link,
 * readlink and their *at forms, on top of fs/namei.c's kern_path_create
 * and vfs_* helpers. Seed concept: "path lookup" seen from user space.
 * Relative names start at dirfd (or the cwd for AT_FDCWD). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/kdev_t.h>
#include <uapi/linux/fcntl.h>

/* rmdir and unlink of ".", ".." or "/" fail before any lookup, with the
 * errnos Linux gives (kern_path_create reports EEXIST, right for creation). */
static int special_last_errno(const char *name, bool rmdir)
{
	size_t len = strlen(name);
	while (len > 1 && name[len - 1] == '/')
		len--;
	size_t start = len;
	while (start && name[start - 1] != '/')
		start--;
	size_t n = len - start;
	if (n == 0 || (len == 1 && name[0] == '/'))
		return rmdir ? -EBUSY : -EISDIR;
	if (n == 1 && name[start] == '.')
		return rmdir ? -EINVAL : -EISDIR;
	if (n == 2 && name[start] == '.' && name[start + 1] == '.')
		return rmdir ? -ENOTEMPTY : -EISDIR;
	return 0;
}

static int rmdir_op(struct inode *dir, struct dentry *d, const void *arg);
static int unlink_op(struct inode *dir, struct dentry *d, const void *arg);

/* Look up the last component of a user path for a change; run op on it. */
typedef int (*name_op_t)(struct inode *dir, struct dentry *d, const void *arg);

static long do_name_op(int dfd, const char __user *pathname, name_op_t op, const void *arg)
{
	char *name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	int err = *name ? 0 : -ENOENT;
	if (!err && (op == rmdir_op || op == unlink_op))
		err = special_last_errno(name, op == rmdir_op);
	if (!err) {
		struct path parent;
		struct dentry *d = filename_create(dfd, name, &parent, 0);
		if (IS_ERR(d))
			err = PTR_ERR(d);
		else {
			err = op(parent.dentry->d_inode, d, arg);
			done_path_create(&parent, d);
		}
	}
	putname(name);
	return err;
}

static int mkdir_op(struct inode *dir, struct dentry *d, const void *arg)
{
	return vfs_mkdir(dir, d, *(const umode_t *)arg & ~current_umask() & 07777);
}

/* mknod: the type decides which vfs_* helper makes it. */
struct mknod_args {
	umode_t mode;
	dev_t dev;
};

static int mknod_op(struct inode *dir, struct dentry *d, const void *arg)
{
	const struct mknod_args *a = arg;
	umode_t mode = a->mode & ~current_umask();
	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
		return vfs_create(dir, d, (mode & 07777) | S_IFREG);
	case S_IFCHR:
	case S_IFBLK:
		return vfs_mknod(dir, d, mode, a->dev);
	default:	/* FIFO, socket */
		return vfs_mknod(dir, d, mode, 0);
	}
}

/* The user-visible dev_t (major in bits 8-19, minor in 0-7 and 20-31)
 * into the kernel's (Linux's new_decode_dev). */
static dev_t new_decode_dev(unsigned int dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
	return MKDEV(major, minor);
}

long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	/* The type is checked before the path is even read. */
	switch (mode & S_IFMT) {
	case 0: case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	struct mknod_args a = { mode, new_decode_dev(dev) };
	return do_name_op(dfd, filename, mknod_op, &a);
}

long sys_mknod(const char __user *filename, umode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, filename, mode, dev);
}

static int rmdir_op(struct inode *dir, struct dentry *d, const void *arg)
{
	(void)arg;
	return vfs_rmdir(dir, d);
}

static int unlink_op(struct inode *dir, struct dentry *d, const void *arg)
{
	(void)arg;
	return vfs_unlink(dir, d);
}

static int symlink_op(struct inode *dir, struct dentry *d, const void *arg)
{
	return vfs_symlink(dir, d, arg);
}

long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	return do_name_op(dfd, pathname, mkdir_op, &mode);
}

long sys_mkdir(const char __user *pathname, umode_t mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

long sys_rmdir(const char __user *pathname)
{
	return do_name_op(AT_FDCWD, pathname, rmdir_op, NULL);
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_name_op(dfd, pathname, flag ? rmdir_op : unlink_op, NULL);
}

long sys_unlink(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_symlinkat(const char __user *target, int dfd, const char __user *linkpath)
{
	char *t = getname(target);
	if (IS_ERR(t))
		return PTR_ERR(t);
	long err = *t ? do_name_op(dfd, linkpath, symlink_op, t) : -ENOENT;
	putname(t);
	return err;
}

long sys_symlink(const char __user *target, const char __user *linkpath)
{
	return sys_symlinkat(target, AT_FDCWD, linkpath);
}

static int link_op(struct inode *dir, struct dentry *d, const void *arg)
{
	return vfs_link(((const struct path *)arg)->dentry, dir, d);
}

long sys_linkat(int olddfd, const char __user *oldname, int newdfd,
		const char __user *newname, int flags)
{
	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* AT_EMPTY_PATH links the file open on olddfd itself; Linux asks for
	 * CAP_DAC_READ_SEARCH (root here), else the empty name is ENOENT. */
	unsigned int how = flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0;
	if ((flags & AT_EMPTY_PATH) && current->cred.euid == 0)
		how |= LOOKUP_EMPTY;
	char *name = getname(oldname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	struct path old;
	long err = filename_lookup(olddfd, name, how, &old);
	putname(name);
	if (err)
		return err;
	err = do_name_op(newdfd, newname, link_op, &old);
	path_put(&old);
	return err;
}

long sys_link(const char __user *oldname, const char __user *newname)
{
	return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

long sys_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	if (bufsiz <= 0)
		return -EINVAL;
	char *name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	/* An empty name reads the symlink open on dfd (O_PATH|O_NOFOLLOW). */
	struct path p;
	bool empty = !*name;
	long err = filename_lookup(dfd, name, LOOKUP_EMPTY, &p);
	putname(name);
	if (err)
		return err;
	struct inode *inode = p.dentry->d_inode;
	const char *target = NULL;
	if (S_ISLNK(inode->i_mode) && inode->i_op && inode->i_op->get_link)
		target = inode->i_op->get_link(p.dentry, inode);
	if (!target)
		err = empty ? -ENOENT : -EINVAL;
	else {
		size_t len = min(strlen(target), (size_t)bufsiz);
		err = copy_to_user(buf, target, len) ? -EFAULT : (long)len;
	}
	path_put(&p);
	return err;
}

long sys_readlink(const char __user *pathname, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, pathname, buf, bufsiz);
}
