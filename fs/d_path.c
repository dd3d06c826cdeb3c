/* Turning a dentry back into a name: d_path (for getcwd, /proc later) and
 * the cwd system calls chdir, fchdir, getcwd. Seed concept: "the current
 * directory". Walks d_parent up to the caller's root under dcache_lock,
 * which also keeps every d_name stable meanwhile.
 * [LINUX-DIFF] mount points are not crossed on the way up yet. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/mount.h>
#include <uapi/linux/fcntl.h>

/* Removed from its directory (and not a filesystem root). */
bool d_unlinked(const struct dentry *d)
{
	return !d->d_hashed && d->d_parent != d && !d->d_sb->s_unhashed_names;
}

static char *prepend(char *p, char *start, const char *s, unsigned int len)
{
	if (p - start < (long)len)
		return NULL;
	p -= len;
	memcpy(p, s, len);
	return p;
}

static char *path_from_root(const struct path *path, const struct path *root, char *buf, int buflen)
{
	char *p = buf + buflen;
	p = prepend(p, buf, "", 1);	/* the NUL */
	if (!p)
		return ERR_PTR(-ENAMETOOLONG);
	char *end = p;
	struct path cur = *path;
	path_get(&cur);
	while (p && !(cur.dentry == root->dentry && cur.mnt == root->mnt)) {
		if (cur.mnt && cur.dentry == cur.mnt->mnt_root) {
			if (!follow_up(&cur))
				break;	/* the top of the tree: root is not above us */
			continue;
		}
		if (cur.dentry->d_parent == cur.dentry)
			break;
		spin_lock(&dcache_lock);
		p = prepend(p, buf, cur.dentry->d_name.name, cur.dentry->d_name.len);
		if (p)
			p = prepend(p, buf, "/", 1);
		struct dentry *parent = dget(cur.dentry->d_parent);
		spin_unlock(&dcache_lock);
		dput(cur.dentry);
		cur.dentry = parent;
	}
	path_put(&cur);
	if (p && p == end)
		p = prepend(p, buf, "/", 1);	/* the root itself */
	return p ? p : ERR_PTR(-ENAMETOOLONG);
}

/* [LINUX-DIFF] no " (deleted)" suffix here: /proc adds it (fs/proc/base.c). */
char *d_path(const struct path *path, char *buf, int buflen)
{
	struct path root;
	get_fs_root(current->fs, &root);
	char *p = path_from_root(path, &root, buf, buflen);
	path_put(&root);
	return p;
}

/* getcwd returns the length including the NUL; ERANGE if size is too
 * small, ENOENT if the cwd was removed. */
long sys_getcwd(char __user *ubuf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	struct path pwd;
	get_fs_pwd(current->fs, &pwd);
	long r;
	if (d_unlinked(pwd.dentry)) {
		r = -ENOENT;
	} else {
		char *p = d_path(&pwd, page, PATH_MAX);
		if (IS_ERR(p)) {
			r = PTR_ERR(p);
		} else {
			unsigned long len = page + PATH_MAX - p;
			if (len > size)
				r = -ERANGE;
			else
				r = copy_to_user(ubuf, p, len) ? -EFAULT : (long)len;
		}
	}
	path_put(&pwd);
	kfree(page);
	return r;
}

static long set_pwd_checked(struct path *p)
{
	long r = 0;
	if (!S_ISDIR(p->dentry->d_inode->i_mode))
		r = -ENOTDIR;
	else
		r = inode_permission(p->dentry->d_inode, MAY_EXEC);
	if (!r)
		set_fs_pwd(current->fs, p);
	return r;
}

long sys_chdir(const char __user *filename)
{
	struct path p;
	long r = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p);
	if (r)
		return r;
	r = set_pwd_checked(&p);
	path_put(&p);
	return r;
}

long sys_fchdir(unsigned int fd)
{
	struct file *f = fget_raw(fd);
	if (!f)
		return -EBADF;
	struct path p = f->f_path;
	path_get(&p);
	fput(f);
	long r = set_pwd_checked(&p);
	path_put(&p);
	return r;
}
