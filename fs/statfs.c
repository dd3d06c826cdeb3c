/* statfs(2), fstatfs(2): figures about the filesystem a path lives on, as
 * df(1) shows them. The filesystem's ->statfs fills them in; without one,
 * Linux's simple_statfs() answer: the magic number, PAGE_SIZE blocks,
 * NAME_MAX, and no block or inode counts (ramfs, devtmpfs, proc on Linux
 * report the same zeros). f_flags are the mount's flags plus ST_VALID. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mount.h>
#include <linux/dcache.h>
#include <linux/statfs.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <uapi/asm/statfs.h>
#include <uapi/linux/fcntl.h>

static long flags_by_mnt(int mnt_flags)
{
	long f = ST_VALID;
	if (mnt_flags & MNT_READONLY)
		f |= ST_RDONLY;
	if (mnt_flags & MNT_NOSUID)
		f |= ST_NOSUID;
	if (mnt_flags & MNT_NODEV)
		f |= ST_NODEV;
	if (mnt_flags & MNT_NOEXEC)
		f |= ST_NOEXEC;
	if (mnt_flags & MNT_NOATIME)
		f |= ST_NOATIME;
	if (mnt_flags & MNT_NODIRATIME)
		f |= ST_NODIRATIME;
	if (mnt_flags & MNT_RELATIME)
		f |= ST_RELATIME;
	return f;
}

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_inode->i_sb;
	memset(buf, 0, sizeof(*buf));
	buf->f_type = sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	if (sb->s_op && sb->s_op->statfs) {
		int err = sb->s_op->statfs(sb, buf);
		if (err)
			return err;
	}
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	buf->f_flags = flags_by_mnt(path->mnt ? path->mnt->mnt_flags : 0);
	return 0;
}

static int do_statfs_native(const struct kstatfs *k, struct statfs __user *ubuf)
{
	struct statfs s;
	memset(&s, 0, sizeof(s));
	s.f_type = k->f_type;
	s.f_bsize = k->f_bsize;
	s.f_blocks = k->f_blocks;
	s.f_bfree = k->f_bfree;
	s.f_bavail = k->f_bavail;
	s.f_files = k->f_files;
	s.f_ffree = k->f_ffree;
	s.f_fsid[0] = k->f_fsid[0];
	s.f_fsid[1] = k->f_fsid[1];
	s.f_namelen = k->f_namelen;
	s.f_frsize = k->f_frsize;
	s.f_flags = k->f_flags;
	return copy_to_user(ubuf, &s, sizeof(s)) ? -EFAULT : 0;
}

long sys_statfs(const char __user *pathname, struct statfs __user *buf)
{
	struct path path;
	struct kstatfs k;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_statfs(&path, &k);
	path_put(&path);
	return err ?: do_statfs_native(&k, buf);
}

long sys_fstatfs(unsigned int fd, struct statfs __user *buf)
{
	struct file *f = fget_raw(fd);	/* O_PATH files too, as Linux */
	if (!f)
		return -EBADF;
	struct kstatfs k;
	int err = vfs_statfs(&f->f_path, &k);
	fput(f);
	return err ?: do_statfs_native(&k, buf);
}
