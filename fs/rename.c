/* rename, renameat, renameat2 (RENAME_NOREPLACE, RENAME_EXCHANGE): moving a
 * name, maybe across directories, in one step. Seed concept: "path lookup
 * and the dentry cache" (d_move is the one place a dentry changes its name
 * and parent).
 *
 * Locking (Linux's): the rename mutex keeps the tree's shape still while
 * we ask "is one parent an ancestor of the other?"; then both parents'
 * i_mutex are taken, ancestor first (any other order could deadlock with a
 * rename in the opposite direction), and the two names are looked up under
 * them. The child of the ancestor parent on the way to the other parent is
 * the "trap": the source being it means moving a directory into itself
 * (EINVAL); the target being it means replacing an ancestor of the source
 * (ENOTEMPTY).
 * [LINUX-DIFF] one rename mutex for the whole system, not one per super
 * block; Linux's is s_vfs_rename_mutex. Linux keeps this in fs/namei.c. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <uapi/linux/fcntl.h>

static DEFINE_MUTEX(rename_mutex);

/* The child of ancestor on the path down to d, or NULL if ancestor is not
 * above d. Caller holds rename_mutex (so d_parent links hold still). */
static struct dentry *d_ancestor(struct dentry *ancestor, struct dentry *d)
{
	for (; d->d_parent != d; d = d->d_parent)
		if (d->d_parent == ancestor)
			return d;
	return NULL;
}

/* Lock the two parents of a rename; returns the trap (see above) or NULL. */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *trap;
	if (p1 == p2) {
		mutex_lock(&p1->d_inode->i_mutex);
		return NULL;
	}
	mutex_lock(&rename_mutex);
	if ((trap = d_ancestor(p2, p1))) {
		mutex_lock(&p2->d_inode->i_mutex);
		mutex_lock(&p1->d_inode->i_mutex);
		return trap;
	}
	trap = d_ancestor(p1, p2);
	mutex_lock(&p1->d_inode->i_mutex);
	mutex_lock(&p2->d_inode->i_mutex);
	return trap;
}

void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	mutex_unlock(&p1->d_inode->i_mutex);
	if (p1 != p2) {
		mutex_unlock(&p2->d_inode->i_mutex);
		mutex_unlock(&rename_mutex);
	}
}

/* May the caller remove victim from dir? (Linux's may_delete, with the
 * type check: isdir says what the caller is about to treat it as.) */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	if (!inode)
		return -ENOENT;
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	uid_t uid = current_fsuid();
	if ((dir->i_mode & S_ISVTX) && uid && uid != dir->i_uid && uid != inode->i_uid)
		return -EPERM;		/* sticky directory, not ours */
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (victim->d_parent == victim)
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	if (!dir->i_nlink)
		return -ENOENT;		/* dir was removed */
	return 0;
}

static int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (!dir->i_nlink)
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/* The generic rename rules, then the filesystem's ->rename, then the dcache
 * move. Both parents are locked (lock_rename); the caller has done the
 * trap checks. */
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *source = old_dentry->d_inode, *target = new_dentry->d_inode;
	bool is_dir = S_ISDIR(source->i_mode);
	bool new_is_dir = target && S_ISDIR(target->i_mode);
	/* Two names of one file: POSIX says do nothing, successfully. */
	if (source == target)
		return 0;
	int err = may_delete(old_dir, old_dentry, is_dir);
	if (err)
		return err;
	if (!target)
		err = may_create(new_dir, new_dentry);
	else
		err = may_delete(new_dir, new_dentry, flags & RENAME_EXCHANGE ? new_is_dir : is_dir);
	if (err)
		return err;
	if (!old_dir->i_op || !old_dir->i_op->rename)
		return -EPERM;
	/* A directory changing parent gets a new "..": that writes it. */
	if (new_dir != old_dir) {
		if (is_dir && (err = inode_permission(source, MAY_WRITE)))
			return err;
		if ((flags & RENAME_EXCHANGE) && new_is_dir &&
		    (err = inode_permission(target, MAY_WRITE)))
			return err;
	}
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry))
		return -EBUSY;
	err = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (err)
		return err;
	if (flags & RENAME_EXCHANGE)
		d_exchange(old_dentry, new_dentry);
	else
		d_move(old_dentry, new_dentry);
	return 0;
}

static long do_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
			 unsigned int flags)
{
	struct path old_path, new_path;
	struct qstr old_last, new_last;
	int old_type, new_type;
	int err = filename_parentat(olddfd, oldname, &old_path, &old_last, &old_type);
	if (err)
		return err;
	err = filename_parentat(newdfd, newname, &new_path, &new_last, &new_type);
	if (err)
		goto out_old;
	err = -EXDEV;
	if (old_path.mnt != new_path.mnt || old_path.dentry->d_sb != new_path.dentry->d_sb)
		goto out_new;
	err = -EBUSY;
	if (old_type != LAST_NORM)
		goto out_new;
	if (flags & RENAME_NOREPLACE)
		err = -EEXIST;
	if (new_type != LAST_NORM)
		goto out_new;
	err = mnt_want_write(&old_path);
	if (err)
		goto out_new;

	struct dentry *old_parent = old_path.dentry, *new_parent = new_path.dentry;
	struct dentry *trap = lock_rename(new_parent, old_parent);
	struct dentry *old_dentry = lookup_one_len(old_last.name, old_parent, old_last.len);
	err = PTR_ERR(old_dentry);
	if (IS_ERR(old_dentry))
		goto out_unlock;
	struct dentry *new_dentry = NULL;
	err = -ENOENT;
	if (!old_dentry->d_inode)
		goto out_dput;
	new_dentry = lookup_one_len(new_last.name, new_parent, new_last.len);
	err = PTR_ERR(new_dentry);
	if (IS_ERR(new_dentry)) {
		new_dentry = NULL;
		goto out_dput;
	}
	err = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && new_dentry->d_inode)
		goto out_dput;
	if (flags & RENAME_EXCHANGE) {
		err = -ENOENT;
		if (!new_dentry->d_inode)
			goto out_dput;
		err = -ENOTDIR;
		if (!S_ISDIR(new_dentry->d_inode->i_mode) && new_last.name[new_last.len])
			goto out_dput;
	}
	/* A trailing slash claims a directory. */
	if (!S_ISDIR(old_dentry->d_inode->i_mode)) {
		err = -ENOTDIR;
		if (old_last.name[old_last.len])
			goto out_dput;
		if (!(flags & RENAME_EXCHANGE) && new_last.name[new_last.len])
			goto out_dput;
	}
	err = -EINVAL;
	if (old_dentry == trap)
		goto out_dput;
	err = flags & RENAME_EXCHANGE ? -EINVAL : -ENOTEMPTY;
	if (new_dentry == trap)
		goto out_dput;
	err = vfs_rename(old_parent->d_inode, old_dentry, new_parent->d_inode, new_dentry, flags);
out_dput:
	if (new_dentry)
		dput(new_dentry);
	dput(old_dentry);
out_unlock:
	unlock_rename(new_parent, old_parent);
out_new:
	path_put(&new_path);
out_old:
	path_put(&old_path);
	return err;
}

long sys_renameat2(int olddfd, const char __user *oldname, int newdfd,
		   const char __user *newname, unsigned int flags)
{
	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	/* A whiteout (the 0:0 device left at the old name) needs no
	 * privilege, as on Linux since 5.8: it grants access to nothing. */
	char *from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	char *to = getname(newname);
	long err;
	if (IS_ERR(to))
		err = PTR_ERR(to);
	else {
		err = do_renameat2(olddfd, from, newdfd, to, flags);
		putname(to);
	}
	putname(from);
	return err;
}

long sys_renameat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname)
{
	return sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

long sys_rename(const char __user *oldname, const char __user *newname)
{
	return sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
