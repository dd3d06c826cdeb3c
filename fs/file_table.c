/* struct file: an open file's lifetime, and the in-kernel open/read/write
 * used by exec and by kernel code (filp_open, kernel_read). Seed concept:
 * "VFS objects: file" and "read(): fd -> file -> VFS -> filesystem". */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/mount.h>
#include <uapi/linux/fcntl.h>

struct file *get_file(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}

/* Drop a reference; the last one calls ->release and lets the dentry go. */
void fput(struct file *f)
{
	if (atomic_dec_return(&f->f_count) > 0)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	path_put(&f->f_path);
	kfree(f);
}

/* A new open file on path (whose reference we take over). */
static struct file *do_dentry_open(struct path *path, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f) {
		path_put(path);
		return ERR_PTR(-ENOMEM);
	}
	f->f_path = *path;
	f->f_inode = path->dentry->d_inode;
	f->f_op = f->f_inode->i_fop;
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	unsigned int acc = flags & O_ACCMODE;
	f->f_mode = (acc == O_RDONLY || acc == O_RDWR ? FMODE_READ : 0) |
		    (acc == O_WRONLY || acc == O_RDWR ? FMODE_WRITE : 0);
	atomic_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	mutex_init(&f->f_pos_lock);
	if (f->f_op && f->f_op->open) {
		int err = f->f_op->open(f->f_inode, f);
		if (err) {
			f->f_op = NULL;	/* no ->release for a failed open */
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
}

/* Open or create name for the kernel. [LINUX-DIFF] O_TRUNC is not applied
 * yet (truncate lands with the syscalls). */
static int filp_create(const char *name, umode_t mode, bool excl, struct path *path)
{
	struct path parent;
	struct dentry *d = kern_path_create(name, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	int err = 0;
	if (d->d_inode && excl)
		err = -EEXIST;
	else if (!d->d_inode)
		err = vfs_create(parent.dentry->d_inode, d, mode);
	if (!err) {
		path->mnt = mntget(parent.mnt);
		path->dentry = dget(d);
	}
	done_path_create(&parent, d);
	return err;
}

static int may_open(struct inode *inode, unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;
	if (S_ISDIR(inode->i_mode) && acc != O_RDONLY)
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP;		/* only reached with O_NOFOLLOW */
	int mask = (acc == O_RDONLY || acc == O_RDWR ? MAY_READ : 0) |
		   (acc == O_WRONLY || acc == O_RDWR ? MAY_WRITE : 0);
	return inode_permission(inode, mask);
}

struct file *filp_open(const char *name, int flags, umode_t mode)
{
	struct path path;
	int err;
	if (flags & O_CREAT) {
		err = filp_create(name, mode, flags & O_EXCL, &path);
	} else {
		err = kern_path(name, flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &path);
	}
	if (err)
		return ERR_PTR(err);
	err = may_open(path.dentry->d_inode, flags);
	umode_t m = path.dentry->d_inode->i_mode;
	if (!err && (S_ISCHR(m) || (m & S_IFMT) == S_IFBLK) && (path.mnt->mnt_flags & MNT_NODEV))
		err = -EACCES;	/* devices on a nodev mount */
	if (err) {
		path_put(&path);
		return ERR_PTR(err);
	}
	return do_dentry_open(&path, flags);
}

/* An open file on an already-resolved path (the caller keeps its own
 * reference); no permission check: the caller did its own (exec checks
 * MAY_EXEC, not MAY_READ). [LINUX-DIFF] takes no cred argument. */
struct file *dentry_open(const struct path *path, int flags)
{
	struct path p = *path;
	path_get(&p);
	return do_dentry_open(&p, flags);
}

int filp_close(struct file *f)
{
	fput(f);
	return 0;
}

/* Read into a kernel buffer at *pos. */
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t *pos)
{
	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(f->f_inode->i_mode))
		return -EISDIR;
	if (!f->f_op || !f->f_op->read)
		return -EINVAL;
	return f->f_op->read(f, buf, count, pos);
}

ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t *pos)
{
	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op || !f->f_op->write)
		return -EINVAL;
	return f->f_op->write(f, buf, count, pos);
}
