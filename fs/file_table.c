/* struct file: an open file's lifetime (get_file/fput), opening a path
 * (do_dentry_open), files with no name (alloc_file_pseudo), and the
 * in-kernel read/write used by exec and the initramfs (kernel_read).
 * Seed concepts: "VFS objects: file" and "read(): fd -> file -> VFS ->
 * filesystem". */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/filelock.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/mount.h>
#include <uapi/linux/fcntl.h>
#include "internal.h"

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
	locks_remove_file(f);	/* flock locks belong to the open file description */
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	path_put(&f->f_path);
	kfree(f);
}

static struct file *alloc_empty_file(unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return NULL;
	/* Flags that only matter at open time are not remembered (O_NOCTTY:
	 * once ->open has seen it, as Linux's do_dentry_open; a tty's open
	 * decides on it whether to become the controlling terminal). */
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC);
	unsigned int acc = flags & O_ACCMODE;
	f->f_mode = (acc == O_RDONLY || acc == O_RDWR ? FMODE_READ : 0) |
		    (acc == O_WRONLY || acc == O_RDWR ? FMODE_WRITE : 0);
	atomic_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	mutex_init(&f->f_pos_lock);
	return f;
}

static const struct file_operations empty_fops;

struct file *do_dentry_open(struct path *path, unsigned int flags)
{
	struct file *f = alloc_empty_file(flags);
	if (!f) {
		path_put(path);
		return ERR_PTR(-ENOMEM);
	}
	f->f_path = *path;
	f->f_inode = path->dentry->d_inode;
	if (flags & O_PATH) {
		/* A handle on the name only: fstat, fchdir, *at, dup, close. */
		f->f_mode = FMODE_PATH;
		f->f_flags = flags & (O_PATH | O_DIRECTORY | O_NOFOLLOW);
		f->f_op = &empty_fops;
		return f;
	}
	f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	f->f_op = f->f_inode->i_fop ? f->f_inode->i_fop : &empty_fops;
	if (f->f_op->open) {
		int err = f->f_op->open(f->f_inode, f);
		if (err) {
			f->f_op = NULL;	/* no ->release for a failed open */
			fput(f);
			return ERR_PTR(err);
		}
	}
	f->f_flags &= ~O_NOCTTY;
	if (f->f_op->llseek == no_llseek)	/* ->open may have changed f_op */
		f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return f;
}

/* The dentry has no parent and is never hashed: nobody can look it up, and
 * the last fput frees it and the inode. */
struct file *alloc_file_pseudo(struct inode *inode, const char *name, int flags,
			       const struct file_operations *fop)
{
	struct qstr q = { 0, (unsigned int)strlen(name), name };
	struct dentry *d = d_alloc_pseudo(inode->i_sb, &q);
	if (!d)
		return ERR_PTR(-ENOMEM);
	d_instantiate(d, inode);
	struct file *f = alloc_empty_file(flags);
	if (!f) {
		ihold(inode);	/* the caller keeps its reference on failure */
		dput(d);
		return ERR_PTR(-ENOMEM);
	}
	f->f_flags &= ~O_NOCTTY;
	f->f_path.mnt = NULL;
	f->f_path.dentry = d;
	f->f_inode = inode;
	f->f_op = fop;
	if (fop->llseek != no_llseek)
		f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return f;
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
	/* POSIX: closing any fd of a file drops the process's record locks on it. */
	locks_remove_posix(f);
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
