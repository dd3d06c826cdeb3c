/* Path walk: turning "/a/b/c" into a dentry, one component at a time,
 * through the dentry cache and, on a miss, the directory's ->lookup. Seed
 * concept: "path lookup and the dentry cache". Step by step:
 * Documentation/vfs.md.
 *
 * Relative names start at the directory fd dfd, or at the process's cwd
 * for AT_FDCWD; absolute names (and absolute symlink targets) at the
 * process's root, above which ".." never goes. The walk crosses mount
 * points both ways. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <uapi/linux/fcntl.h>

#define MAXSYMLINKS 40

struct nameidata {
	struct path path;	/* where we are; references held */
	struct path root;	/* "/" and the ceiling of ".."; references held */
	int depth;		/* symlinks followed so far */
};

void path_get(const struct path *p)
{
	mntget(p->mnt);
	dget(p->dentry);
}

void path_put(struct path *p)
{
	dput(p->dentry);
	mntput(p->mnt);
	p->dentry = NULL;
	p->mnt = NULL;
}

char *getname(const char __user *u)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!name)
		return ERR_PTR(-ENOMEM);
	long n = strncpy_from_user(name, u, PATH_MAX);
	if (n < 0 || n >= PATH_MAX) {
		kfree(name);
		return ERR_PTR(n < 0 ? -EFAULT : -ENAMETOOLONG);
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}

/* The child of parent called name, with parent's i_mutex held: from the
 * dcache, or a fresh dentry the filesystem's ->lookup fills in (negative
 * if no such name). */
static struct dentry *lookup_locked(struct dentry *parent, const char *name, unsigned int len)
{
	struct qstr q = { full_name_hash(parent, name, len), len, name };
	struct dentry *d = d_lookup(parent, &q);
	if (d)
		return d;
	struct inode *dir = parent->d_inode;
	d = d_alloc(parent, &q);
	if (!d)
		return ERR_PTR(-ENOMEM);
	if (dir->i_op && dir->i_op->lookup) {
		struct dentry *r = dir->i_op->lookup(dir, d, 0);
		if (IS_ERR(r)) {
			dput(d);
			return r;
		}
	}
	return d;
}

/* The same without the lock held: the parent's i_mutex serialises misses,
 * so two walkers never create twin dentries. */
static struct dentry *lookup_one(struct dentry *parent, const char *name, unsigned int len)
{
	struct qstr q = { full_name_hash(parent, name, len), len, name };
	struct dentry *d = d_lookup(parent, &q);
	if (d)
		return d;
	struct inode *dir = parent->d_inode;
	mutex_lock(&dir->i_mutex);
	d = lookup_locked(parent, name, len);
	mutex_unlock(&dir->i_mutex);
	return d;
}

/* Linux's lookup_one_len: the caller holds base's i_mutex (rename does,
 * through lock_rename); searching base needs MAY_EXEC. */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	int err = inode_permission(base->d_inode, MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	return lookup_locked(base, name, len);
}

static void set_path(struct path *dst, struct path *src)
{
	path_put(dst);
	*dst = *src;
}

static int walk_component(struct nameidata *nd, const char *name, unsigned int len, bool follow);

/* Walk every component of path from nd->path. When last is non-NULL the
 * final component is not walked: it is returned in *last and *lastlen (for
 * create, unlink...). */
static int link_path_walk(struct nameidata *nd, const char *path,
			  const char **last, unsigned int *lastlen, bool follow)
{
	if (*path == '/') {
		struct path root = nd->root;
		path_get(&root);
		set_path(&nd->path, &root);
	}
	for (;;) {
		while (*path == '/')
			path++;
		unsigned int len = 0;
		while (path[len] && path[len] != '/')
			len++;
		const char *rest = path + len;
		while (*rest == '/')
			rest++;
		bool final = !*rest;
		bool trailing_slash = final && path[len] == '/';
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (final && last) {
			*last = path;
			*lastlen = len;
			return 0;
		}
		if (len) {
			int err = walk_component(nd, path, len, !final || follow || trailing_slash);
			if (err)
				return err;
			if (trailing_slash && !S_ISDIR(nd->path.dentry->d_inode->i_mode))
				return -ENOTDIR;
		}
		if (final)
			return 0;
		path = rest;
	}
}

/* "..": up one directory, crossing from a mount's root to the directory it
 * covers (as often as mounts are stacked), never above nd->root; then down
 * through whatever is mounted on the result. */
static void follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		struct path *p = &nd->path;
		if (p->dentry == nd->root.dentry && p->mnt == nd->root.mnt)
			break;
		if (p->dentry != p->mnt->mnt_root) {
			struct dentry *parent = dget(p->dentry->d_parent);
			dput(p->dentry);
			p->dentry = parent;
			break;
		}
		if (!follow_up(p))
			break;
	}
	follow_mount(&nd->path);
}

/* Step into one component, following a symlink when asked to, and down
 * into anything mounted there. */
static int walk_component(struct nameidata *nd, const char *name, unsigned int len, bool follow)
{
	struct dentry *dir = nd->path.dentry;
	struct path next;
	if (!S_ISDIR(dir->d_inode->i_mode))
		return -ENOTDIR;
	int err = inode_permission(dir->d_inode, MAY_EXEC);
	if (err)
		return err;
	if (len == 1 && name[0] == '.')
		return 0;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		follow_dotdot(nd);
		return 0;
	}
	next.dentry = lookup_one(dir, name, len);
	if (IS_ERR(next.dentry))
		return PTR_ERR(next.dentry);
	if (!next.dentry->d_inode) {
		dput(next.dentry);
		return -ENOENT;
	}
	next.mnt = mntget(nd->path.mnt);
	follow_mount(&next);
	if (follow && S_ISLNK(next.dentry->d_inode->i_mode)) {
		struct inode *link = next.dentry->d_inode;
		const char *target = link->i_op && link->i_op->get_link ?
			link->i_op->get_link(next.dentry, link) : NULL;
		if (!target)
			err = -EINVAL;
		else if (++nd->depth > MAXSYMLINKS)
			err = -ELOOP;
		else	/* next keeps the link (and so target) alive meanwhile */
			err = link_path_walk(nd, target, NULL, NULL, true);
		path_put(&next);
		return err;
	}
	set_path(&nd->path, &next);
	return 0;
}

/* Where the walk starts: the root for an absolute name, else dfd's
 * directory or the cwd. An empty name is ENOENT unless LOOKUP_EMPTY (then
 * the walk ends at the start: dfd itself, which need not be a directory). */
static int path_init(struct nameidata *nd, int dfd, const char *name, unsigned int flags)
{
	nd->depth = 0;
	nd->path.mnt = NULL;
	nd->path.dentry = NULL;
	if (!vfs_root.dentry)
		return -ENOENT;
	if (!*name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	if (strlen(name) >= PATH_MAX)
		return -ENAMETOOLONG;
	get_fs_root(current->fs, &nd->root);
	if (*name == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
		return 0;
	}
	if (dfd == AT_FDCWD) {
		get_fs_pwd(current->fs, &nd->path);
		return 0;
	}
	struct file *f = fget_raw(dfd);
	int err = 0;
	if (!f)
		err = -EBADF;
	else if (*name && !S_ISDIR(f->f_inode->i_mode))
		err = -ENOTDIR;
	else {
		nd->path = f->f_path;
		path_get(&nd->path);
	}
	if (f)
		fput(f);
	if (err)
		path_put(&nd->root);
	return err;
}

static void terminate_walk(struct nameidata *nd)
{
	path_put(&nd->path);
	path_put(&nd->root);
}

/* Resolve name to a positive dentry. LOOKUP_FOLLOW follows a final symlink;
 * LOOKUP_DIRECTORY demands a directory at the end. */
int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err = path_init(&nd, dfd, name, flags);
	if (err)
		return err;
	if (*name)
		err = link_path_walk(&nd, name, NULL, NULL, flags & LOOKUP_FOLLOW);
	if (!err && (flags & LOOKUP_DIRECTORY) && !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err) {
		*path = nd.path;
		nd.path.mnt = NULL;
		nd.path.dentry = NULL;
	}
	terminate_walk(&nd);
	return err;
}

int user_path_at(int dfd, const char __user *uname, unsigned int flags, struct path *path)
{
	char *name = getname(uname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	int err = filename_lookup(dfd, name, flags, path);
	putname(name);
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return filename_lookup(AT_FDCWD, name, flags, path);

}

/* Resolve all but the last component of name (Linux's filename_parentat):
 * the directory in *parent (references held), the last component in *last
 * (pointing into name), its kind in *type (LAST_NORM, or LAST_ROOT/DOT/
 * DOTDOT for "/", ".", ".." which rename refuses). The parent must be a
 * directory we may search. */
int filename_parentat(int dfd, const char *name, struct path *parent, struct qstr *last, int *type)
{
	struct nameidata nd;
	const char *l;
	unsigned int len;
	int err = path_init(&nd, dfd, name, 0);
	if (err)
		return err;
	err = link_path_walk(&nd, name, &l, &len, true);
	if (!err && !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err)
		err = inode_permission(nd.path.dentry->d_inode, MAY_EXEC);
	if (err) {
		terminate_walk(&nd);
		return err;
	}
	last->name = l;
	last->len = len;
	last->hash = 0;
	if (!len)
		*type = LAST_ROOT;
	else if (len == 1 && l[0] == '.')
		*type = LAST_DOT;
	else if (len == 2 && l[0] == '.' && l[1] == '.')
		*type = LAST_DOTDOT;
	else
		*type = LAST_NORM;
	*parent = nd.path;
	nd.path.mnt = NULL;
	nd.path.dentry = NULL;
	terminate_walk(&nd);
	return 0;
}

/* Resolve all but the last component of name, lock that directory and
 * return the (possibly negative) dentry for the last one. The caller ends
 * with done_path_create(). "." and ".." as the last name -> -EEXIST, as
 * mkdir(2) reports for them. */
struct dentry *filename_create(int dfd, const char *name, struct path *parent, unsigned int flags)
{
	struct nameidata nd;
	const char *last;
	unsigned int len;
	(void)flags;
	int err = path_init(&nd, dfd, name, 0);
	if (err)
		return ERR_PTR(err);
	err = link_path_walk(&nd, name, &last, &len, true);
	if (!err && !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err && (!len || (len == 1 && last[0] == '.') ||
		     (len == 2 && last[0] == '.' && last[1] == '.')))
		err = -EEXIST;
	if (err) {
		terminate_walk(&nd);
		return ERR_PTR(err);
	}
	/* Look the name up with the parent locked, so nobody creates it
	 * between our lookup and the caller's vfs_create. */
	mutex_lock(&nd.path.dentry->d_inode->i_mutex);
	struct dentry *d = lookup_locked(nd.path.dentry, last, len);
	if (IS_ERR(d)) {
		mutex_unlock(&nd.path.dentry->d_inode->i_mutex);
		terminate_walk(&nd);
		return d;
	}
	*parent = nd.path;
	nd.path.mnt = NULL;
	nd.path.dentry = NULL;
	terminate_walk(&nd);
	return d;
}

struct dentry *kern_path_create(const char *name, struct path *parent)
{
	return filename_create(AT_FDCWD, name, parent, 0);
}

void done_path_create(struct path *parent, struct dentry *dentry)
{
	mutex_unlock(&parent->dentry->d_inode->i_mutex);
	dput(dentry);
	path_put(parent);
}

/* The vfs_* helpers: permission and existence rules common to every
 * filesystem, then the filesystem's op. Parent's i_mutex is held. */
static int may_create(struct inode *dir, struct dentry *dentry)
{
	if (dentry->d_inode)
		return -EEXIST;
	if (!dir->i_nlink)
		return -ENOENT;		/* the directory was removed */
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);
	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, mode, true);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);
	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode);
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir, dentry);
	if (err)
		return err;
	/* Device nodes are a way around every permission check: they need
	 * CAP_MKNOD. [LINUX-DIFF] no capability sets: effective uid 0. */
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && current_cred()->euid != 0)
		return -EPERM;
	if (!dir->i_op || !dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	int err = may_create(dir, dentry);
	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, target);
}

/* Sticky directories: only the owner of the file or of the directory (or
 * root) may remove a name. */
static int may_delete(struct inode *dir, struct dentry *dentry)
{
	if (!dentry->d_inode)
		return -ENOENT;
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	uid_t uid = current_fsuid();
	if ((dir->i_mode & 01000) && uid && uid != dir->i_uid && uid != dentry->d_inode->i_uid)
		return -EPERM;
	return 0;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry);
	if (err)
		return err;
	if (S_ISDIR(dentry->d_inode->i_mode))
		return -EISDIR;
	if (d_mountpoint(dentry))
		return -EBUSY;
	if (!dir->i_op || !dir->i_op->unlink)
		return -EPERM;
	return dir->i_op->unlink(dir, dentry);
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry);
	if (err)
		return err;
	if (!S_ISDIR(dentry->d_inode->i_mode))
		return -ENOTDIR;
	if (dentry == vfs_root.dentry || d_mountpoint(dentry))
		return -EBUSY;
	if (!dir->i_op || !dir->i_op->rmdir)
		return -EPERM;
	return dir->i_op->rmdir(dir, dentry);
}

/* A second name for old's inode. Directories cannot be hard-linked (EPERM),
 * nor can names cross filesystems (EXDEV). */
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	int err = may_create(dir, dentry);
	if (err)
		return err;
	if (!old->d_inode)
		return -ENOENT;
	if (S_ISDIR(old->d_inode->i_mode))
		return -EPERM;
	if (old->d_sb != dir->i_sb)
		return -EXDEV;
	if (!dir->i_op || !dir->i_op->link)
		return -EPERM;
	return dir->i_op->link(old, dir, dentry);
}
