/* Opening and closing files: open, openat, creat, close (and the kernel's
 * filp_open), on top of the path walk (fs/namei.c) and the fd table
 * (fs/file.c). Seed concepts: "VFS objects: file", "file descriptors". */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/dcache.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/syscalls.h>
#include <linux/mount.h>
#include <uapi/linux/fcntl.h>
#include "internal.h"

/* The access the open asks for must be allowed on the inode. */
int may_open(struct inode *inode, unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP;		/* only reached with O_NOFOLLOW */
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_CREAT)))
		return -EISDIR;
	int mask = (acc == O_RDONLY || acc == O_RDWR ? MAY_READ : 0) |
		   (acc == O_WRONLY || acc == O_RDWR ? MAY_WRITE : 0);
	if (flags & O_TRUNC)
		mask |= MAY_WRITE;
	return inode_permission(inode, mask);
}

static bool has_trailing_slash(const char *name)
{
	size_t n = strlen(name);
	return n && name[n - 1] == '/';
}

/* O_CREAT: make the file unless it exists. *created tells whether we did
 * (then the mode, not the permission bits, decides the access). Returns 1
 * when the name exists and must be opened by a normal lookup (it may be a
 * symlink to follow). */
static int open_create(int dfd, const char *name, int flags, umode_t mode,
		       struct path *path, bool *created)
{
	if (has_trailing_slash(name))
		return -EISDIR;	/* O_CREAT never makes or opens "name/" */
	struct path parent;
	struct dentry *d = filename_create(dfd, name, &parent, 0);
	if (IS_ERR(d))
		return PTR_ERR(d) == -EEXIST ? -EISDIR : PTR_ERR(d);	/* ".", ".." */
	int err = 0;
	*created = false;
	if (d->d_inode) {
		if (flags & O_EXCL)
			err = -EEXIST;
		else if (S_ISDIR(d->d_inode->i_mode))
			err = -EISDIR;
		else
			err = 1;
	} else {
		err = vfs_create(parent.dentry->d_inode, d, mode & ~current_umask() & 07777);
		if (!err) {
			*created = true;
			path->mnt = mntget(parent.mnt);
			path->dentry = dget(d);
		}
	}
	done_path_create(&parent, d);
	return err;
}

struct file *do_filp_open(int dfd, const char *name, int flags, umode_t mode)
{
	struct path path;
	bool created = false;
	int err = 1;
	if ((flags & O_CREAT) && !(flags & O_PATH))
		err = open_create(dfd, name, flags, mode, &path, &created);
	if (err == 1) {
		unsigned int lf = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
		if (flags & O_DIRECTORY)
			lf |= LOOKUP_DIRECTORY;	/* a symlink with O_NOFOLLOW: ENOTDIR */
		err = filename_lookup(dfd, name, lf, &path);
		if (!err && (flags & O_CREAT) && (flags & O_NOFOLLOW) &&
		    S_ISLNK(path.dentry->d_inode->i_mode))
			err = -ELOOP;
		if (err)
			path.dentry = NULL;
	}
	if (err)
		return ERR_PTR(err);
	struct inode *inode = path.dentry->d_inode;
	if (flags & O_PATH) {
		if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode)) {
			path_put(&path);
			return ERR_PTR(-ENOTDIR);
		}
	} else if (!created) {
		err = may_open(inode, flags);
		if (!err && (S_ISCHR(inode->i_mode) || (inode->i_mode & S_IFMT) == S_IFBLK) &&
		    path.mnt && (path.mnt->mnt_flags & MNT_NODEV))
			err = -EACCES;	/* devices on a nodev mount */
		if (err) {
			path_put(&path);
			return ERR_PTR(err);
		}
	}
	struct file *f = do_dentry_open(&path, flags);
	if (IS_ERR(f))
		return f;
	/* Even an empty file: its times change and a non-root opener takes
	 * its set-id bits away, as on Linux. */
	if ((flags & O_TRUNC) && !(flags & O_PATH) && S_ISREG(inode->i_mode) && !created) {
		err = do_truncate(f->f_path.dentry, 0, ATTR_MTIME | ATTR_CTIME);
		if (err) {
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
}

struct file *filp_open(const char *name, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, name, flags, mode);
}

/* Flags open(2) knows; any other bit is ignored, as Linux does. */
#define VALID_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | \
			  O_NONBLOCK | O_DSYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | \
			  O_NOFOLLOW | O_NOATIME | O_CLOEXEC | O_PATH | __O_SYNC | __O_TMPFILE)

long do_sys_open(int dfd, const char __user *filename, int flags, unsigned short mode)
{
	flags &= VALID_OPEN_FLAGS;
	if (flags & __O_TMPFILE)
		return -EOPNOTSUPP;	/* [LINUX-DIFF] no O_TMPFILE yet */
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	char *name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	long fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		struct file *f = do_filp_open(dfd, name, flags | O_LARGEFILE, mode);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
		}
	}
	putname(name);
	return fd;
}

long sys_open(const char __user *filename, int flags, unsigned short mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

long sys_openat(int dfd, const char __user *filename, int flags, unsigned short mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

long sys_creat(const char __user *pathname, unsigned short mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

/* chroot: the process's "/" (and the ceiling of "..": the path walk starts
 * absolute names and stops ".." at current->fs->root) becomes @filename.
 * The current directory stays where it is, as on Linux. Checks in Linux's
 * order: lookup errors, search permission, then privilege. */
long sys_chroot(const char __user *filename)
{
	struct path p;
	long r = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p);
	if (r)
		return r;
	if (!S_ISDIR(p.dentry->d_inode->i_mode))
		r = -ENOTDIR;
	else
		r = inode_permission(p.dentry->d_inode, MAY_EXEC);
	/* [LINUX-DIFF] no capability sets: CAP_SYS_CHROOT is euid 0. */
	if (!r && current->cred.euid != 0)
		r = -EPERM;
	if (!r)
		set_fs_root(current->fs, &p);
	path_put(&p);
	return r;
}
