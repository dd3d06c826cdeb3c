/* The mount table: which filesystem instance is attached where, mount(2)
 * and umount2(2). Seed concept: "VFS objects" (mounts make one tree of
 * many filesystems). The path walk crosses mounts through lookup_mnt (down)
 * and mnt_parent/mnt_mountpoint (up, for ".."): fs/namei.c.
 *
 * Locking: mount_lock (spinlock) guards the tree links ([m] fields in
 * <linux/mount.h>), the mount list and every dentry's d_mounted count; the
 * walk takes it briefly. namespace_sem (mutex) serialises whole mount,
 * umount and remount operations and /proc/mounts walks, which sleep
 * (making a super block, freeing one). Order: namespace_sem -> a directory's
 * i_mutex -> mount_lock.
 *
 * [LINUX-DIFF] one mount namespace; no propagation (every mount is
 * private; MS_SHARED/MS_SLAVE are accepted and ignored); MS_MOVE and
 * MNT_EXPIRE return EINVAL; MS_REC with MS_BIND binds only the top mount;
 * read-only is per super block (a read-only bind mount of a writable
 * filesystem is not supported: EINVAL). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <uapi/linux/mount.h>
#include <asm/page.h>

static DEFINE_SPINLOCK(mount_lock);
static LIST_HEAD(mount_list);		/* [mount_lock] attached mounts, mount order */
static DEFINE_MUTEX(namespace_sem);

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&mnt->mnt_count);
	return mnt;
}

/* The last reference to a detached mount frees it, and with it the super
 * block's active reference: the last one tears the filesystem down. */
void mntput(struct vfsmount *mnt)
{
	if (!mnt || atomic_dec_return(&mnt->mnt_count) > 0)
		return;
	if (READ_ONCE(mnt->mnt_attached)) {
		/* Someone dropped a reference they never took (a path copied
		 * with dget instead of path_get): keep the mount rather than
		 * free what the tree still uses, and say so. */
		atomic_inc(&mnt->mnt_count);
		pr_err("mntput: reference count of mounted %s underflowed\n", mnt->mnt_devname);
		dump_stack();
		return;
	}
	struct super_block *sb = mnt->mnt_sb;
	dput(mnt->mnt_root);
	dput(mnt->mnt_mountpoint);	/* detach left it pointing at mnt_root */
	kfree(mnt->mnt_devname);
	kfree(mnt);
	deactivate_super(sb);
}

static struct vfsmount *alloc_vfsmnt(const char *devname)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	if (!mnt)
		return NULL;
	size_t n = strlen(devname ? devname : "none");
	mnt->mnt_devname = kmalloc(n + 1, GFP_KERNEL);
	if (!mnt->mnt_devname) {
		kfree(mnt);
		return NULL;
	}
	memcpy(mnt->mnt_devname, devname ? devname : "none", n + 1);
	atomic_set(&mnt->mnt_count, 1);
	INIT_LIST_HEAD(&mnt->mnt_list);
	return mnt;
}

/* A detached mount of a new (or, for single-instance types, the shared)
 * super block; the caller owns its one reference. */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *devname, void *data)
{
	struct vfsmount *mnt = alloc_vfsmnt(devname);
	if (!mnt)
		return ERR_PTR(-ENOMEM);
	struct super_block *sb = type->mount(type, flags, data);
	if (IS_ERR(sb)) {
		kfree(mnt->mnt_devname);
		kfree(mnt);
		return ERR_PTR(PTR_ERR(sb));
	}
	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = dget(sb->s_root);
	if (flags & MS_RDONLY)
		mnt->mnt_flags |= MNT_READONLY;
	return mnt;
}

struct vfsmount *lookup_mnt(const struct path *path)
{
	struct vfsmount *m, *found = NULL;
	if (!READ_ONCE(path->dentry->d_mounted))
		return NULL;
	spin_lock(&mount_lock);
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_parent == path->mnt && m->mnt_mountpoint == path->dentry &&
		    m != path->mnt) {
			found = mntget(m);
			break;
		}
	spin_unlock(&mount_lock);
	return found;
}

/* Move path up from the root of its mount to the dentry it covers in the
 * parent mount. False at the root of the whole tree (or of a detached
 * mount), whose parent is itself. */
bool follow_up(struct path *path)
{
	spin_lock(&mount_lock);
	struct vfsmount *mnt = path->mnt, *parent = mnt->mnt_parent;
	if (parent == mnt) {
		spin_unlock(&mount_lock);
		return false;
	}
	struct dentry *mp = dget(mnt->mnt_mountpoint);
	mntget(parent);
	spin_unlock(&mount_lock);
	dput(path->dentry);
	path->dentry = mp;
	mntput(path->mnt);
	path->mnt = parent;
	return true;
}

/* Go down through every mount stacked on path. */
void follow_mount(struct path *path)
{
	struct vfsmount *m;
	while ((m = lookup_mnt(path))) {
		dput(path->dentry);
		mntput(path->mnt);
		path->mnt = m;
		path->dentry = dget(m->mnt_root);
	}
}

/* Attach mnt (we take over its reference as the tree's) on mp. */
static void attach_mnt(struct vfsmount *mnt, const struct path *mp)
{
	struct dentry *old_mp;
	mntget(mp->mnt);
	dget(mp->dentry);
	spin_lock(&mount_lock);
	old_mp = mnt->mnt_mountpoint;
	mnt->mnt_parent = mp->mnt;
	mnt->mnt_mountpoint = mp->dentry;
	mp->dentry->d_mounted++;
	mnt->mnt_attached = true;
	list_add_tail(&mnt->mnt_list, &mount_list);
	spin_unlock(&mount_lock);
	dput(old_mp);
}

static bool is_descendant(struct vfsmount *m, struct vfsmount *top)
{
	while (m != top) {
		if (m->mnt_parent == m)
			return false;
		m = m->mnt_parent;
	}
	return true;
}

/* Take mnt (and, for MNT_DETACH, every mount below it) out of the tree.
 * Called with namespace_sem held. The references the tree held are dropped
 * after mount_lock is released (mntput may sleep). */
static void umount_tree(struct vfsmount *top)
{
	LIST_HEAD(gone);
	struct vfsmount *m, *n;
	spin_lock(&mount_lock);
	/* list_move to the head reverses mount order: children (mounted after
	 * their parents) come off first. */
	list_for_each_entry_safe(m, n, &mount_list, mnt_list) {
		if (!is_descendant(m, top))
			continue;
		list_move(&m->mnt_list, &gone);
		m->mnt_attached = false;
	}
	spin_unlock(&mount_lock);
	list_for_each_entry_safe(m, n, &gone, mnt_list) {
		spin_lock(&mount_lock);
		struct vfsmount *parent = m->mnt_parent;
		struct dentry *mp = m->mnt_mountpoint;
		mp->d_mounted--;
		m->mnt_parent = m;
		m->mnt_mountpoint = dget(m->mnt_root);
		list_del_init(&m->mnt_list);
		spin_unlock(&mount_lock);
		dput(mp);
		mntput(parent);
		mntput(m);	/* the tree's reference */
	}
}

static bool mount_has_children(struct vfsmount *mnt)
{
	struct vfsmount *m;
	bool busy = false;
	spin_lock(&mount_lock);
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_parent == mnt && m != mnt)
			busy = true;
	spin_unlock(&mount_lock);
	return busy;
}

static bool may_mount(void)
{
	return current->cred.euid == 0;	/* [LINUX-DIFF] CAP_SYS_ADMIN */
}

static int sb_flags_from_ms(unsigned long flags)
{
	return flags & MS_RDONLY ? SB_RDONLY : 0;
}

static int mnt_flags_from_ms(unsigned long flags)
{
	int f = 0;
	if (flags & MS_RDONLY)
		f |= MNT_READONLY;
	if (flags & MS_NOSUID)
		f |= MNT_NOSUID;
	if (flags & MS_NODEV)
		f |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		f |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		f |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		f |= MNT_NODIRATIME;
	if (!(flags & (MS_NOATIME | MS_STRICTATIME)))
		f |= MNT_RELATIME;	/* Linux's default */
	return f;
}

static bool mnt_is_root_of(const struct path *p)
{
	return p->dentry == p->mnt->mnt_root;
}

static int do_new_mount(const struct path *mp, const char *type, unsigned long flags,
			const char *dev_name, void *data)
{
	if (!type)
		return -EINVAL;
	struct file_system_type *fs = get_fs_type(type);
	if (!fs)
		return -ENODEV;
	struct vfsmount *mnt = vfs_kern_mount(fs, sb_flags_from_ms(flags), dev_name, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	mnt->mnt_flags = mnt_flags_from_ms(flags);
	if (flags & MS_RDONLY)
		mnt->mnt_sb->s_flags |= SB_RDONLY;
	if (!S_ISDIR(mp->dentry->d_inode->i_mode)) {
		mntput(mnt);
		return -ENOTDIR;
	}
	attach_mnt(mnt, mp);
	return 0;
}

/* MS_BIND: make the subtree at old visible at mp too. */
static int do_loopback(const struct path *mp, const char *old_name, unsigned long flags)
{
	struct path old;
	if (!old_name)
		return -EFAULT;
	int err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	struct vfsmount *mnt = alloc_vfsmnt(old.mnt->mnt_devname);
	err = -ENOMEM;
	if (!mnt)
		goto out;
	err = -ENOTDIR;
	if (S_ISDIR(mp->dentry->d_inode->i_mode) != S_ISDIR(old.dentry->d_inode->i_mode)) {
		kfree(mnt->mnt_devname);
		kfree(mnt);
		goto out;
	}
	mnt->mnt_sb = old.mnt->mnt_sb;
	atomic_inc(&mnt->mnt_sb->s_active);
	mnt->mnt_root = dget(old.dentry);
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = dget(old.dentry);
	mnt->mnt_flags = old.mnt->mnt_flags & ~MNT_READONLY;
	mnt->mnt_flags |= mnt->mnt_sb->s_flags & SB_RDONLY ? MNT_READONLY : 0;
	attach_mnt(mnt, mp);
	err = 0;
	(void)flags;
out:
	path_put(&old);
	return err;
}

/* MS_REMOUNT: change the flags of a mounted filesystem (or, with MS_BIND,
 * of this mount only). */
static int do_remount(const struct path *p, unsigned long flags)
{
	if (!mnt_is_root_of(p))
		return -EINVAL;
	struct vfsmount *mnt = p->mnt;
	struct super_block *sb = mnt->mnt_sb;
	if (flags & MS_BIND) {
		/* Per-mount read-only differing from the super block's: not yet. */
		if (!!(flags & MS_RDONLY) != !!(sb->s_flags & SB_RDONLY))
			return -EINVAL;
	} else {
		spin_lock(&sb->s_lock);
		sb->s_flags = (sb->s_flags & ~SB_RDONLY) | sb_flags_from_ms(flags);
		spin_unlock(&sb->s_lock);
	}
	spin_lock(&mount_lock);
	mnt->mnt_flags = mnt_flags_from_ms(flags);
	spin_unlock(&mount_lock);
	return 0;
}

/* MS_SHARED/MS_PRIVATE/MS_SLAVE/MS_UNBINDABLE: exactly one of them, on a
 * mount root. Every mount here is private, so only the checks remain. */
static int do_change_type(const struct path *p, unsigned long flags)
{
	static bool logged;
	unsigned long type = flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE);
	if (!mnt_is_root_of(p))
		return -EINVAL;
	if (type & (type - 1))
		return -EINVAL;
	if (type != MS_PRIVATE && !logged) {
		logged = true;
		pr_info("mount: propagation types are not supported; mounts stay private\n");
	}
	return 0;
}

int do_mount(const char *dev_name, const char *dir_name, const char *type,
	     unsigned long flags, void *data)
{
	struct path p;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	int err = kern_path(dir_name, LOOKUP_FOLLOW, &p);
	if (err)
		return err;
	if (flags & MS_NOUSER)
		err = -EINVAL;
	else if (!may_mount())
		err = -EPERM;
	if (err)
		goto out;
	mutex_lock(&namespace_sem);
	/* A mount may have landed on p since the walk: mount on top of it. */
	follow_mount(&p);
	if ((flags & (MS_REMOUNT | MS_BIND)) == (MS_REMOUNT | MS_BIND))
		err = do_remount(&p, flags);
	else if (flags & MS_REMOUNT)
		err = do_remount(&p, flags);
	else if (flags & MS_BIND)
		err = do_loopback(&p, dev_name, flags);
	else if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		err = do_change_type(&p, flags);
	else if (flags & MS_MOVE) {
		static bool logged;
		if (!logged) {
			logged = true;
			pr_info("mount: MS_MOVE is not supported (EINVAL)\n");
		}
		err = -EINVAL;
	} else
		err = do_new_mount(&p, type, flags, dev_name, data);
	mutex_unlock(&namespace_sem);
out:
	path_put(&p);
	return err;
}

static int do_umount(struct path *p, int flags)
{
	struct vfsmount *mnt = p->mnt;
	if (!may_mount())
		return -EPERM;
	if (!mnt_is_root_of(p))
		return -EINVAL;
	mutex_lock(&namespace_sem);
	int err = 0;
	if (!mnt->mnt_attached)
		err = -EINVAL;
	else if (mnt->mnt_parent == mnt)
		err = -EBUSY;	/* [LINUX-DIFF] the root: Linux remounts it read-only */
	else if (!(flags & MNT_DETACH) &&
		 (atomic_read(&mnt->mnt_count) > 2 || mount_has_children(mnt)))
		err = -EBUSY;	/* the tree's and our walk's are the only references allowed */
	if (!err)
		umount_tree(mnt);
	mutex_unlock(&namespace_sem);
	return err;
}

int do_umount_path(const char *dir_name, int flags)
{
	struct path p;
	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (flags & MNT_EXPIRE) {
		static bool logged;
		if (!logged) {
			logged = true;
			pr_info("umount2: MNT_EXPIRE is not supported (EINVAL)\n");
		}
		return -EINVAL;
	}
	int err = kern_path(dir_name, flags & UMOUNT_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &p);
	if (err)
		return err;
	err = do_umount(&p, flags);
	path_put(&p);
	return err;
}

int init_mount(const char *dev_name, const char *dir_name, const char *type,
	       unsigned long flags, void *data)
{
	struct path parent;
	struct dentry *d = kern_path_create(dir_name, &parent);
	if (!IS_ERR(d)) {
		if (!d->d_inode)
			vfs_mkdir(parent.dentry->d_inode, d, 0755);
		done_path_create(&parent, d);
	}
	return do_mount(dev_name, dir_name, type, flags, data);
}

/* Build the path of (mnt, dentry) from the root into the end of buf;
 * returns its start. Called with namespace_sem held (the tree is stable).
 * [LINUX-DIFF] names are read without the dcache lock: safe while rename
 * cannot change a mount point's ancestors' names under us (no rename yet);
 * to move to d_path() when it lands. */
static char *mount_path(struct vfsmount *mnt, struct dentry *d, char *buf, size_t size)
{
	char *p = buf + size;
	*--p = 0;
	for (;;) {
		if (d == mnt->mnt_root) {
			if (mnt->mnt_parent == mnt)
				break;
			d = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		size_t len = d->d_name.len;
		if ((size_t)(p - buf) < len + 2)
			break;
		p -= len;
		memcpy(p, d->d_name.name, len);
		*--p = '/';
		d = d->d_parent;
	}
	if (!*p)
		*--p = '/';
	return p;
}

int iterate_mounts(int (*show)(void *arg, const char *dev, const char *dir,
			       const char *type, const char *opts), void *arg)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	int ret = 0;
	mutex_lock(&namespace_sem);
	struct vfsmount *m;
	/* The list only changes under namespace_sem, which we hold. */
	list_for_each_entry(m, &mount_list, mnt_list) {
		char opts[64];
		int f = m->mnt_flags;
		snprintf(opts, sizeof(opts), "%s%s%s%s%s%s",
			 m->mnt_sb->s_flags & SB_RDONLY ? "ro" : "rw",
			 f & MNT_NOSUID ? ",nosuid" : "", f & MNT_NODEV ? ",nodev" : "",
			 f & MNT_NOEXEC ? ",noexec" : "", f & MNT_NOATIME ? ",noatime" : "",
			 f & MNT_RELATIME ? ",relatime" : "");
		char *dir = mount_path(m, m->mnt_root, buf, PATH_MAX);
		ret = show(arg, m->mnt_devname, dir, m->mnt_sb->s_type->name, opts);
		if (ret)
			break;
	}
	mutex_unlock(&namespace_sem);
	kfree(buf);
	return ret;
}

/* The root mount: made by init_rootfs before anything else is mounted. */
void mnt_init_root(struct vfsmount *mnt)
{
	spin_lock(&mount_lock);
	mnt->mnt_attached = true;
	list_add_tail(&mnt->mnt_list, &mount_list);
	spin_unlock(&mount_lock);
}

/* ---- mount(2), umount2(2) ---- */

/* A user string into a new kernel buffer of at most max bytes (NULL user
 * pointer -> NULL, for optional arguments). */
static char *copy_mount_string(const char __user *u, long max)
{
	if (!u)
		return NULL;
	char *s = kmalloc(max, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	long n = strncpy_from_user(s, u, max);
	if (n < 0 || n >= max) {
		kfree(s);
		return ERR_PTR(n < 0 ? -EFAULT : (max == PATH_MAX ? -ENAMETOOLONG : -EINVAL));
	}
	return s;
}

long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type,
	       unsigned long flags, void __user *data)
{
	char *kdev = NULL, *kdir = NULL, *ktype = NULL, *kdata = NULL;
	long err;
	ktype = copy_mount_string(type, PAGE_SIZE);
	if (IS_ERR(ktype)) {
		err = PTR_ERR(ktype);
		ktype = NULL;
		goto out;
	}
	kdev = copy_mount_string(dev_name, PATH_MAX);
	if (IS_ERR(kdev)) {
		err = PTR_ERR(kdev);
		kdev = NULL;
		goto out;
	}
	/* [LINUX-DIFF] options are taken as a string (every filesystem here
	 * parses text options); Linux copies a raw page. */
	kdata = copy_mount_string(data, PAGE_SIZE);
	if (IS_ERR(kdata)) {
		err = PTR_ERR(kdata);
		kdata = NULL;
		goto out;
	}
	kdir = copy_mount_string(dir_name, PATH_MAX);
	if (!kdir)
		err = -EFAULT;
	else if (IS_ERR(kdir)) {
		err = PTR_ERR(kdir);
		kdir = NULL;
	} else
		err = do_mount(kdev, kdir, ktype, flags, kdata);
out:
	kfree(kdev);
	kfree(kdir);
	kfree(ktype);
	kfree(kdata);
	return err;
}

long sys_umount(char __user *name, int flags)
{
	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	char *kname = copy_mount_string(name, PATH_MAX);
	if (!kname)
		return -EFAULT;
	if (IS_ERR(kname))
		return PTR_ERR(kname);
	long err = do_umount_path(kname, flags);
	kfree(kname);
	return err;
}
