/* Attribute changes: who may change a file's mode, owner, times and size
 * (setattr_prepare), and the one path every such change takes
 * (notify_change -> ->setattr). Seed concept: "VFS objects: inode" (the
 * attributes stat shows are the inode's) and "security: uid/gid".
 *
 * The rules, as Linux's:
 * - mode: only the owner (or fsuid 0); S_ISGID is dropped when the caller
 *   is not in the file's group.
 * - uid: only fsuid 0 may give a file away (the owner may "chown" to itself).
 * - gid: the owner may pick any group it is in; fsuid 0 any group.
 * - explicit times: the owner; "now": the owner or anyone who may write.
 * - chown of a non-directory drops S_ISUID, and S_ISGID if group-executable;
 *   so does a write or truncate by anyone but root (file_remove_privs).
 * - size: not past RLIMIT_FSIZE (EFBIG and SIGXFSZ).
 * - nothing at all on a read-only mount or filesystem (EROFS).
 * [LINUX-DIFF] no capability sets: fsuid 0 stands for CAP_CHOWN, CAP_FOWNER
 * and CAP_FSETID (Linux drops those with a non-zero fsuid too). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/ktime.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

bool inode_owner_or_capable(const struct inode *inode)
{
	uid_t fsuid = current_fsuid();
	return fsuid == 0 || fsuid == inode->i_uid;
}

static bool chown_ok(const struct inode *inode, uid_t uid)
{
	uid_t fsuid = current_fsuid();
	return fsuid == 0 || (fsuid == inode->i_uid && uid == inode->i_uid);
}

static bool chgrp_ok(const struct inode *inode, gid_t gid)
{
	uid_t fsuid = current_fsuid();
	return fsuid == 0 || (fsuid == inode->i_uid && (gid == inode->i_gid || in_group_p(gid)));
}

/* A file may not grow past the caller's RLIMIT_FSIZE: SIGXFSZ (which kills
 * by default) and EFBIG, as Linux. */
static int file_size_limit_hit(void)
{
	struct sigpending_info info = { .code = SI_USER, .pid = current->tgid,
					.uid = current_cred()->uid };
	send_signal(current, SIGXFSZ, &info);
	return -EFBIG;
}

/* The caller's RLIMIT_FSIZE. Kernel threads (the initramfs unpacker,
 * devtmpfs) write without one: the boot task's rlim[] is not set up. */
static unsigned long fsize_limit(void)
{
	return current->mm ? rlimit(RLIMIT_FSIZE) : RLIM_INFINITY;
}

int inode_newsize_ok(const struct inode *inode, loff_t offset)
{
	if (offset < 0)
		return -EINVAL;
	if (offset > inode->i_size) {
		unsigned long limit = fsize_limit();
		if (limit != RLIM_INFINITY && (unsigned long)offset > limit)
			return file_size_limit_hit();
	}
	return 0;
}

/* How much of a write of *count bytes at pos may happen (Linux's
 * generic_write_checks for RLIMIT_FSIZE): cut short at the limit; nothing
 * at all -> EFBIG. Regular files only. */
int generic_write_check_limits(loff_t pos, size_t *count)
{
	unsigned long limit = fsize_limit();
	if (limit == RLIM_INFINITY || !*count)
		return 0;
	if ((unsigned long)pos >= limit)
		return file_size_limit_hit();
	if (*count > limit - pos)
		*count = limit - pos;
	return 0;
}

/* May the caller make the change attr asks for? Strips S_ISGID from a new
 * mode when the caller may not set it. Called by ->setattr. */
int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int valid = attr->ia_valid;
	/* Size limits hold even for ATTR_FORCE. */
	if (valid & ATTR_SIZE) {
		int err = inode_newsize_ok(inode, attr->ia_size);
		if (err)
			return err;
	}
	if (valid & ATTR_FORCE)
		return 0;
	if ((valid & ATTR_UID) && !chown_ok(inode, attr->ia_uid))
		return -EPERM;
	if ((valid & ATTR_GID) && !chgrp_ok(inode, attr->ia_gid))
		return -EPERM;
	if (valid & ATTR_MODE) {
		if (!inode_owner_or_capable(inode))
			return -EPERM;
		gid_t gid = valid & ATTR_GID ? attr->ia_gid : inode->i_gid;
		if (current_fsuid() != 0 && !in_group_p(gid))
			attr->ia_mode &= ~S_ISGID;
	}
	if ((valid & (ATTR_ATIME_SET | ATTR_MTIME_SET | ATTR_TIMES_SET)) &&
	    !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

/* Copy the checked attributes into the inode, under its i_lock. The size
 * is the filesystem's business (it frees or zeroes contents first). */
void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;
	spin_lock(&inode->i_lock);
	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	spin_unlock(&inode->i_lock);
}

/* ->setattr for filesystems with nothing behind the inode to change. */
int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	int err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	if (attr->ia_valid & ATTR_SIZE)
		dentry->d_inode->i_size = attr->ia_size;	/* [i_mutex], held */
	setattr_copy(dentry->d_inode, attr);
	return 0;
}

/* Must a change drop S_ISGID (Linux's setattr_should_drop_sgid)? When it
 * is a real set-gid (group-executable), or when the caller is neither in
 * the file's group nor privileged (fsuid 0 standing for CAP_FSETID). */
static unsigned int setattr_should_drop_sgid(const struct inode *inode)
{
	umode_t mode = inode->i_mode;
	if (!(mode & S_ISGID))
		return 0;
	if (mode & S_IXGRP)
		return ATTR_KILL_SGID;
	if (current_fsuid() != 0 && !in_group_p(inode->i_gid))
		return ATTR_KILL_SGID;
	return 0;
}

/* Which set-id bits does changing inode's contents cost it (ATTR_KILL_*)?
 * Only a writer without CAP_FSETID (fsuid 0 here) loses them, only from
 * regular files. */
static unsigned int should_remove_suid(const struct inode *inode)
{
	umode_t mode = inode->i_mode;
	if (current_fsuid() == 0 || !S_ISREG(mode))
		return 0;
	return (mode & S_ISUID ? ATTR_KILL_SUID : 0) | setattr_should_drop_sgid(inode);
}

/* Apply attr to dentry's inode. The caller holds the inode's i_mutex. */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	umode_t mode = inode->i_mode;
	struct timespec64 now;
	ktime_get_real_ts64(&now);

	/* utimensat(NULL): "now" needs the owner or write permission, which
	 * setattr_prepare does not check (it only sees ATTR_[AM]TIME). */
	if ((attr->ia_valid & ATTR_TOUCH) && !(attr->ia_valid & ATTR_FORCE) &&
	    !inode_owner_or_capable(inode)) {
		int err = inode_permission(inode, MAY_WRITE);
		if (err)
			return err;
	}

	/* chown of a non-directory: the set-id bits would hand the new owner's
	 * (or group's) rights to whoever runs the file. */
	if ((attr->ia_valid & ATTR_KILL_SUID) && (mode & S_ISUID)) {
		attr->ia_valid |= ATTR_MODE;
		attr->ia_mode = mode & ~S_ISUID;
	}
	if ((attr->ia_valid & ATTR_KILL_SGID) && (mode & S_ISGID)) {
		if (!(attr->ia_valid & ATTR_MODE)) {
			attr->ia_valid |= ATTR_MODE;
			attr->ia_mode = mode;
		}
		attr->ia_mode &= ~S_ISGID;
	}
	/* The ATTR_MODE added above passes setattr_prepare's owner check
	 * whenever the chown itself does (only the owner or root may chown). */
	attr->ia_valid &= ~(ATTR_KILL_SUID | ATTR_KILL_SGID);
	attr->ia_ctime = now;
	if (!(attr->ia_valid & ATTR_ATIME_SET))
		attr->ia_atime = now;
	if (!(attr->ia_valid & ATTR_MTIME_SET))
		attr->ia_mtime = now;
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}

/* ---- The system calls ----
 * [LINUX-DIFF] Linux keeps chmod, chown, access, truncate and umask in
 * fs/open.c and kernel/sys.c, utimensat in fs/utimes.c; they are here, next
 * to the rules they apply. */

/* May anything under path be changed? A read-only mount or filesystem:
 * EROFS, before any other check, whatever the file type (a device node's
 * attributes are stored in the filesystem too). [LINUX-DIFF] Linux also
 * counts writers so that a remount read-only waits for them; we check
 * once. */
int mnt_want_write(const struct path *path)
{
	if ((path->mnt && (path->mnt->mnt_flags & MNT_READONLY)) || sb_rdonly(path->dentry->d_sb))
		return -EROFS;
	return 0;
}

/* ---- chmod ---- */

static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	int err = mnt_want_write(path);
	if (err)
		return err;
	struct iattr ia = { .ia_valid = ATTR_MODE | ATTR_CTIME };
	mutex_lock(&inode->i_mutex);
	ia.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	err = notify_change(path->dentry, &ia);
	mutex_unlock(&inode->i_mutex);
	return err;
}

long sys_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	int err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

long sys_chmod(const char __user *filename, umode_t mode)
{
	return sys_fchmodat(AT_FDCWD, filename, mode);
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	struct file *f = fget(fd);	/* O_PATH files: EBADF */
	if (!f)
		return -EBADF;
	int err = chmod_common(&f->f_path, mode);
	fput(f);
	return err;
}

/* ---- chown ---- */

static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = path->dentry->d_inode;
	int err = mnt_want_write(path);
	if (err)
		return err;
	struct iattr ia = { .ia_valid = ATTR_CTIME };
	if (user != (uid_t)-1) {
		ia.ia_valid |= ATTR_UID;
		ia.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		ia.ia_valid |= ATTR_GID;
		ia.ia_gid = group;
	}
	if (!S_ISDIR(inode->i_mode))
		ia.ia_valid |= ATTR_KILL_SUID | setattr_should_drop_sgid(inode);
	mutex_lock(&inode->i_mutex);
	err = notify_change(path->dentry, &ia);
	mutex_unlock(&inode->i_mutex);
	return err;
}

long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag)
{
	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	unsigned int lookup = (flag & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			      (flag & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0);
	struct path path;
	int err = user_path_at(dfd, filename, lookup, &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

long sys_chown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

long sys_lchown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	int err = chown_common(&f->f_path, user, group);
	fput(f);
	return err;
}

/* ---- umask ---- */

long sys_umask(int mask)
{
	struct fs_struct *fs = current->fs;
	spin_lock(&fs->lock);
	int old = fs->umask;
	fs->umask = mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}

/* ---- access ----
 * access() asks "may the REAL user do this?" (a set-uid program checking on
 * behalf of whoever ran it): the check runs with fsuid/fsgid set to the
 * real ids, unless AT_EACCESS asks for the effective ones.
 * [LINUX-DIFF] Linux overrides with a copied cred; our cred is the task's
 * own (no threads share it), so we swap the two fields and put them back. */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	if (mode & ~7)		/* R_OK | W_OK | X_OK */
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct cred *cred = &current->cred;
	uid_t fsuid = cred->fsuid;
	gid_t fsgid = cred->fsgid;
	if (!(flags & AT_EACCESS)) {
		cred->fsuid = cred->uid;
		cred->fsgid = cred->gid;
	}
	unsigned int lookup = (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			      (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0);
	struct path path;
	int err = user_path_at(dfd, filename, lookup, &path);
	if (!err) {
		/* MAY_* and R_OK/W_OK/X_OK share their values (4, 2, 1). */
		if (mode)
			err = inode_permission(path.dentry->d_inode, mode);
		path_put(&path);
	}
	cred->fsuid = fsuid;
	cred->fsgid = fsgid;
	return err;
}

long sys_faccessat2(int dfd, const char __user *filename, int mode, int flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

long sys_faccessat(int dfd, const char __user *filename, int mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

long sys_access(const char __user *filename, int mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* ---- truncate ---- */

/* Drop the set-id bits before a write (Linux's file_remove_privs). The
 * caller holds the inode's i_mutex. ATTR_FORCE: the mode change is the
 * kernel's, not the writer's (who need not own the file). */
int file_remove_privs(struct file *file)
{
	unsigned int kill = should_remove_suid(file->f_inode);
	if (!kill)
		return 0;
	struct iattr ia = { .ia_valid = kill | ATTR_FORCE };
	return notify_change(file->f_path.dentry, &ia);
}

/* Set dentry's size; a writer who is not root loses the set-id bits. */
int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs)
{
	if (length < 0)
		return -EINVAL;
	struct inode *inode = dentry->d_inode;
	struct iattr ia = { .ia_valid = ATTR_SIZE | time_attrs, .ia_size = length };
	mutex_lock(&inode->i_mutex);
	unsigned int kill = should_remove_suid(inode);
	if (kill)
		ia.ia_valid |= kill | ATTR_FORCE;
	int err = notify_change(dentry, &ia);
	mutex_unlock(&inode->i_mutex);
	return err;
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	int err = mnt_want_write(path);
	if (!err)
		err = inode_permission(inode, MAY_WRITE);
	if (err)
		return err;
	return do_truncate(path->dentry, length, 0);
}

long sys_truncate(const char __user *filename, long length)
{
	if (length < 0)
		return -EINVAL;
	struct path path;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_truncate(&path, length);
	path_put(&path);
	return err;
}

/* ftruncate: a regular file open for writing (else EINVAL, as Linux). */
long sys_ftruncate(unsigned int fd, long length)
{
	if (length < 0)
		return -EINVAL;
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	int err = -EINVAL;
	if (S_ISREG(f->f_inode->i_mode) && (f->f_mode & FMODE_WRITE))
		err = do_truncate(f->f_path.dentry, length, ATTR_MTIME | ATTR_CTIME);
	fput(f);
	return err;
}

/* ---- fallocate ----
 * The generic checks in Linux's order, then the filesystem's ->fallocate. */
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file->f_inode;
	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (mode & ~FALLOC_FL_SUPPORTED_MASK)
		return -EOPNOTSUPP;
	if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (S_ISFIFO(inode->i_mode))
		return -ESPIPE;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) && !S_ISBLK(inode->i_mode))
		return -ENODEV;
	if (offset + len < 0)		/* wrapped */
		return -EFBIG;
	if (!file->f_op || !file->f_op->fallocate)
		return -EOPNOTSUPP;
	return file->f_op->fallocate(file, mode, offset, len);
}

long sys_fallocate(int fd, int mode, long offset, long len)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	int err = vfs_fallocate(f, mode, offset, len);
	fput(f);
	return err;
}

/* ---- utimensat ---- */

struct __kernel_timespec {	/* as kernel/time/time.c: the UAPI layout */
	long long tv_sec;
	long long tv_nsec;
};

static bool nsec_valid(long long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW || (nsec >= 0 && nsec <= 999999999);
}

/* times NULL (or both UTIME_NOW): "touch", allowed to the owner or anyone
 * who may write. Anything explicit (even one UTIME_NOW beside a
 * UTIME_OMIT): the owner only. */
static int vfs_utimes(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	int err = mnt_want_write(path);
	if (err)
		return err;
	struct iattr ia = { .ia_valid = ATTR_CTIME | ATTR_MTIME | ATTR_ATIME };
	if (times && times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT)
			ia.ia_valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW) {
			ia.ia_atime = times[0];
			ia.ia_valid |= ATTR_ATIME_SET;
		}
		if (times[1].tv_nsec == UTIME_OMIT)
			ia.ia_valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW) {
			ia.ia_mtime = times[1];
			ia.ia_valid |= ATTR_MTIME_SET;
		}
		ia.ia_valid |= ATTR_TIMES_SET;
	} else {
		ia.ia_valid |= ATTR_TOUCH;
	}
	mutex_lock(&inode->i_mutex);
	err = notify_change(path->dentry, &ia);
	mutex_unlock(&inode->i_mutex);
	return err;
}

/* times NULL: both "now". filename NULL with a real dfd: the fd's own file
 * (futimens, futimesat(fd, NULL, ...)). */
static long do_utimes(int dfd, const char __user *filename, struct timespec64 *times, int flags)
{
	if (times && (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (!filename && dfd != AT_FDCWD) {
		if (flags)
			return -EINVAL;
		struct file *f = fget(dfd);
		if (!f)
			return -EBADF;
		int err = vfs_utimes(&f->f_path, times);
		fput(f);
		return err;
	}
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	unsigned int lookup = (flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW) |
			      (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0);
	struct path path;
	int err = user_path_at(dfd, filename, lookup, &path);
	if (err)
		return err;
	err = vfs_utimes(&path, times);
	path_put(&path);
	return err;
}

long sys_utimensat(int dfd, const char __user *filename,
		   const struct __kernel_timespec __user *utimes, int flags)
{
	struct timespec64 t[2];
	if (utimes) {
		struct __kernel_timespec k[2];
		if (copy_from_user(k, utimes, sizeof(k)))
			return -EFAULT;
		/* Nothing to change: Linux does not even look the path up. */
		if (k[0].tv_nsec == UTIME_OMIT && k[1].tv_nsec == UTIME_OMIT)
			return 0;
		for (int i = 0; i < 2; i++) {
			t[i].tv_sec = k[i].tv_sec;
			t[i].tv_nsec = k[i].tv_nsec;
			if (!nsec_valid(k[i].tv_nsec))	/* before truncation to long */
				return -EINVAL;
		}
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, flags);
}

/* The older interfaces, in seconds (utime) and microseconds (utimes,
 * futimesat); no UTIME_NOW/OMIT there. */
struct utimbuf {
	long actime;
	long modtime;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

long sys_utime(const char __user *filename, const struct utimbuf __user *times)
{
	struct timespec64 t[2] = { { 0, 0 }, { 0, 0 } };
	if (times) {
		struct utimbuf u;
		if (copy_from_user(&u, times, sizeof(u)))
			return -EFAULT;
		t[0].tv_sec = u.actime;
		t[1].tv_sec = u.modtime;
	}
	return do_utimes(AT_FDCWD, filename, times ? t : NULL, 0);
}

long sys_futimesat(int dfd, const char __user *filename, const struct __kernel_old_timeval __user *utimes)
{
	struct timespec64 t[2];
	if (utimes) {
		struct __kernel_old_timeval tv[2];
		if (copy_from_user(tv, utimes, sizeof(tv)))
			return -EFAULT;
		/* Checked here: usec * 1000 could land on UTIME_NOW/OMIT. */
		for (int i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return -EINVAL;
			t[i].tv_sec = tv[i].tv_sec;
			t[i].tv_nsec = tv[i].tv_usec * 1000;
		}
	}
	return do_utimes(dfd, filename, utimes ? t : NULL, 0);
}

long sys_utimes(const char __user *filename, const struct __kernel_old_timeval __user *utimes)
{
	return sys_futimesat(AT_FDCWD, filename, utimes);
}
