/* Attributes of a file as user space sees them: vfs_getattr and the stat
 * family of system calls. Seed concept: "VFS objects: inode" (stat is the
 * inode made visible).
 * Relative names start at dfd (AT_FDCWD: the cwd); AT_EMPTY_PATH with an
 * empty name stats dfd itself. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/kdev_t.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/file.h>
#include <linux/mount.h>
#include <uapi/linux/fcntl.h>
#include <uapi/asm/stat.h>
#include <uapi/linux/stat.h>
#include <asm/page.h>

/* The user-visible encoding of a device number (Linux's new_encode_dev). */
static unsigned long new_encode_dev(dev_t dev)
{
	unsigned long ma = MAJOR(dev), mi = MINOR(dev);
	return (mi & 0xff) | (ma << 8) | ((mi & ~0xfful) << 12);
}

/* Fill a struct stat from path's inode, under its i_lock. */
int vfs_getattr(const struct path *path, struct stat *st)
{
	struct inode *inode = path->dentry->d_inode;
	memset(st, 0, sizeof(*st));
	spin_lock(&inode->i_lock);
	st->st_dev = new_encode_dev(inode->i_sb->s_dev);
	st->st_ino = inode->i_ino;
	st->st_nlink = inode->i_nlink;
	st->st_mode = inode->i_mode;
	st->st_uid = inode->i_uid;
	st->st_gid = inode->i_gid;
	st->st_rdev = new_encode_dev(inode->i_rdev);
	st->st_size = inode->i_size;
	st->st_blksize = PAGE_SIZE;
	st->st_blocks = inode->i_blocks;	/* what is allocated: a sparse file has less */
	st->st_atime = inode->i_atime.tv_sec;
	st->st_atime_nsec = inode->i_atime.tv_nsec;
	st->st_mtime = inode->i_mtime.tv_sec;
	st->st_mtime_nsec = inode->i_mtime.tv_nsec;
	st->st_ctime = inode->i_ctime.tv_sec;
	st->st_ctime_nsec = inode->i_ctime.tv_nsec;
	spin_unlock(&inode->i_lock);
	return 0;
}

/* statx: the same attributes in struct statx (which has room for more).
 * tmpfs knows everything in STATX_BASIC_STATS; we say so in stx_mask
 * whatever was asked, as Linux does (the mask is a hint). The lookup
 * rules are newfstatat's; AT_STATX_* sync hints mean nothing for memory
 * filesystems, but asking for both is EINVAL. */
/* The path-walk flags an AT_SYMLINK_NOFOLLOW/AT_EMPTY_PATH word asks for. */
static unsigned int at_lookup_flags(int at_flags)
{
	unsigned int lf = (at_flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (at_flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	return lf;
}

long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer)
{
	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	struct path p;
	long err = user_path_at(dfd, filename, at_lookup_flags(flags), &p);
	if (err)
		return err;
	struct stat st;
	vfs_getattr(&p, &st);
	struct statx sx;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS;
	/* A birth time only when asked for (as Linux's tmpfs) and only from
	 * filesystems that record one (tmpfs). */
	struct inode *inode = p.dentry->d_inode;
	spin_lock(&inode->i_lock);
	if ((mask & STATX_BTIME) && (inode->i_btime.tv_sec || inode->i_btime.tv_nsec)) {
		sx.stx_mask |= STATX_BTIME;
		sx.stx_btime.tv_sec = inode->i_btime.tv_sec;
		sx.stx_btime.tv_nsec = inode->i_btime.tv_nsec;
	}
	spin_unlock(&inode->i_lock);
	/* Which STATX_ATTR_* we can say anything about, as Linux's generic
	 * code: automount, DAX (never set here) and the root of a mount. */
	sx.stx_attributes_mask = STATX_ATTR_AUTOMOUNT | STATX_ATTR_MOUNT_ROOT | STATX_ATTR_DAX;
	if (p.mnt && p.dentry == p.mnt->mnt_root)
		sx.stx_attributes |= STATX_ATTR_MOUNT_ROOT;
	path_put(&p);
	sx.stx_blksize = st.st_blksize;
	sx.stx_nlink = st.st_nlink;
	sx.stx_uid = st.st_uid;
	sx.stx_gid = st.st_gid;
	sx.stx_mode = st.st_mode;
	sx.stx_ino = st.st_ino;
	sx.stx_size = st.st_size;
	sx.stx_blocks = st.st_blocks;
	sx.stx_atime.tv_sec = st.st_atime;
	sx.stx_atime.tv_nsec = st.st_atime_nsec;
	sx.stx_mtime.tv_sec = st.st_mtime;
	sx.stx_mtime.tv_nsec = st.st_mtime_nsec;
	sx.stx_ctime.tv_sec = st.st_ctime;
	sx.stx_ctime.tv_nsec = st.st_ctime_nsec;
	/* Back from the struct stat encoding to major and minor. */
	sx.stx_rdev_major = (st.st_rdev >> 8) & 0xfff;
	sx.stx_rdev_minor = (st.st_rdev & 0xff) | ((st.st_rdev >> 12) & ~0xffu);
	sx.stx_dev_major = (st.st_dev >> 8) & 0xfff;
	sx.stx_dev_minor = (st.st_dev & 0xff) | ((st.st_dev >> 12) & ~0xffu);
	return copy_to_user(buffer, &sx, sizeof(sx)) ? -EFAULT : 0;
}

long sys_newfstatat(int dfd, const char __user *filename, struct stat __user *statbuf, int flag)
{
	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	struct path p;
	long err = user_path_at(dfd, filename, at_lookup_flags(flag), &p);
	if (err)
		return err;
	struct stat st;
	vfs_getattr(&p, &st);
	path_put(&p);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* fstat works on O_PATH files too, as on Linux. */
long sys_newfstat(unsigned int fd, struct stat __user *statbuf)
{
	struct file *f = fget_raw(fd);
	if (!f)
		return -EBADF;
	struct stat st;
	vfs_getattr(&f->f_path, &st);
	fput(f);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_newstat(const char __user *filename, struct stat __user *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

long sys_newlstat(const char __user *filename, struct stat __user *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}
