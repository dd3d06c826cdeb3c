/* Inodes: allocation, reference counting, ownership, timestamps and the
 * permission check. Seed concept: "VFS objects" (the inode is the file,
 * apart from its names). */
#include <linux/filelock.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/cred.h>

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = sb->s_op && sb->s_op->alloc_inode ?
		sb->s_op->alloc_inode(sb) : kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_nlink = 1;
	atomic_set(&inode->i_count, 1);
	spin_lock_init(&inode->i_lock);
	mutex_init(&inode->i_mutex);
	spin_lock(&sb->s_lock);
	inode->i_ino = ++sb->s_next_ino;
	spin_unlock(&sb->s_lock);
	inode_touch(inode, true, true, true);
	return inode;
}

struct inode *ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}

/* Drop a reference. With the last one the inode is evicted: its contents
 * are freed by the filesystem. [LINUX-DIFF] no inode cache: an in-memory
 * filesystem keeps its inodes alive through its pinned dentries. */
void iput(struct inode *inode)
{
	if (!inode || atomic_dec_return(&inode->i_count) > 0)
		return;
	const struct super_operations *op = inode->i_sb->s_op;
	if (op && op->evict_inode)
		op->evict_inode(inode);
	locks_free_lock_context(inode);
	kfree(inode);
}

/* New inodes belong to the caller's fsuid/fsgid; a setgid directory passes
 * its group (and, for directories, the setgid bit) down, as POSIX says. */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	if (dir && (dir->i_mode & 02000)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= 02000;
	}
	inode->i_mode = mode;
}

/* Set the chosen timestamps to the wall clock. */
void inode_touch(struct inode *inode, bool atime, bool mtime, bool ctime)
{
	struct timespec64 now;
	ktime_get_real_ts64(&now);
	spin_lock(&inode->i_lock);
	if (atime)
		inode->i_atime = now;
	if (mtime)
		inode->i_mtime = now;
	if (ctime)
		inode->i_ctime = now;
	spin_unlock(&inode->i_lock);
}

/* POSIX permission bits: owner, else group, else other; root (fsuid 0) may
 * read and write anything and execute anything with at least one x bit.
 * [LINUX-DIFF] no supplementary groups and no capabilities beyond uid 0. */
int generic_permission(struct inode *inode, int mask)
{
	umode_t mode = inode->i_mode;
	uid_t uid = current_fsuid();
	if (uid == 0) {
		if (!(mask & MAY_EXEC) || S_ISDIR(mode) || (mode & 0111))
			return 0;
		return -EACCES;
	}
	if (uid == inode->i_uid)
		mode >>= 6;
	else if (current_fsgid() == inode->i_gid)
		mode >>= 3;
	return (mask & ~mode & 7) ? -EACCES : 0;
}

/* Writing to a file, directory or symlink of a read-only filesystem is
 * EROFS whoever asks; devices and FIFOs stay writable (they are not stored
 * in it). */
int inode_permission(struct inode *inode, int mask)
{
	umode_t m = inode->i_mode;
	if ((mask & MAY_WRITE) && sb_rdonly(inode->i_sb) &&
	    (S_ISREG(m) || S_ISDIR(m) || S_ISLNK(m)))
		return -EROFS;
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}
