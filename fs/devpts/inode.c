/* devpts: the file system of pty slaves, /dev/pts/<n> (and /dev/pts/ptmx),
 * mounted at boot and again with `mount -t devpts devpts /dev/pts`. Like
 * devtmpfs it is one tmpfs instance inside that drivers/tty/pty.c fills:
 * a node appears when /dev/ptmx makes a pair and goes when the master
 * closes. devpts_lock (mutex) guards making the instance; names in it are
 * serialised by its root directory's i_mutex.
 * [LINUX-DIFF] every mount shows the same instance (Linux: one per mount
 * unless the kernel's; options such as ptmxmode, gid, mode are ignored).
 * Seed concept: "file system" (a synthetic one). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/mount.h>
#include <linux/kdev_t.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/init.h>
#include <linux/tty.h>

#define DEVPTS_SUPER_MAGIC 0x1cd1

static DEFINE_MUTEX(devpts_lock);
static struct vfsmount *devpts_mnt;	/* [devpts_lock] internal mount */
static struct file_system_type devpts_fs_type;

static int devpts_node(struct vfsmount *m, const char *name, umode_t mode, dev_t dev, bool remove);

static struct vfsmount *devpts_get(void)
{
	mutex_lock(&devpts_lock);
	if (!devpts_mnt) {
		char opts[] = "mode=755";
		struct vfsmount *m = vfs_kern_mount(&tmpfs_fs_type, 0, "devpts", opts);
		if (!IS_ERR(m)) {
			m->mnt_sb->s_type = &devpts_fs_type;
			m->mnt_sb->s_magic = DEVPTS_SUPER_MAGIC;
			devpts_mnt = m;
			/* Linux's ptmxmode=000 default. */
			devpts_node(m, "ptmx", S_IFCHR, MKDEV(5, 2), false);
		} else {
			pr_err("devpts: cannot make the instance: %ld\n", PTR_ERR(m));
		}
	}
	mutex_unlock(&devpts_lock);
	return devpts_mnt;
}

static struct super_block *devpts_mount_sb(struct file_system_type *type, int flags, void *data)
{
	(void)type; (void)flags; (void)data;
	struct vfsmount *m = devpts_get();
	if (!m)
		return ERR_PTR(-ENOMEM);
	atomic_inc(&m->mnt_sb->s_active);
	return m->mnt_sb;
}

static struct file_system_type devpts_fs_type = {
	.name = "devpts",
	.mount = devpts_mount_sb,
};

static int devpts_node(struct vfsmount *m, const char *name, umode_t mode, dev_t dev, bool remove)
{
	struct dentry *root = m->mnt_root, *d;
	struct inode *dir = root->d_inode;
	unsigned int len = strlen(name);
	struct qstr q = { full_name_hash(root, name, len), len, name };
	int err = 0;
	mutex_lock(&dir->i_mutex);
	d = d_lookup(root, &q);
	if (remove) {
		if (d && d->d_inode)
			err = vfs_unlink(dir, d);
	} else {
		if (!d)
			d = d_alloc(root, &q);
		if (!d)
			err = -ENOMEM;
		else if (d->d_inode)
			err = -EEXIST;
		else
			err = vfs_mknod(dir, d, mode, dev);
	}
	mutex_unlock(&dir->i_mutex);
	if (d)
		dput(d);
	return err;
}

int devpts_pty_new(int index)
{
	char name[16];
	struct vfsmount *m = devpts_get();
	if (!m)
		return -ENOMEM;
	snprintf(name, sizeof(name), "%d", index);
	/* Linux's default mode=600 (owned by the opener: [LINUX-DIFF] root). */
	return devpts_node(m, name, S_IFCHR | 0600, MKDEV(136, index), false);
}

void devpts_pty_kill(int index)
{
	char name[16];
	struct vfsmount *m = devpts_get();
	if (!m)
		return;
	snprintf(name, sizeof(name), "%d", index);
	devpts_node(m, name, 0, 0, true);
}

struct file *devpts_open_pty(int index, int flags)
{
	char name[16];
	struct vfsmount *m = devpts_get();
	if (!m)
		return ERR_PTR(-ENOMEM);
	snprintf(name, sizeof(name), "%d", index);
	struct dentry *root = m->mnt_root;
	struct inode *dir = root->d_inode;
	unsigned int len = strlen(name);
	struct qstr q = { full_name_hash(root, name, len), len, name };
	mutex_lock(&dir->i_mutex);
	struct dentry *d = d_lookup(root, &q);
	mutex_unlock(&dir->i_mutex);
	if (!d)
		return ERR_PTR(-EIO);
	if (!d->d_inode) {
		dput(d);
		return ERR_PTR(-EIO);
	}
	struct path path = { .mnt = m, .dentry = d };
	struct file *f = dentry_open(&path, flags);	/* takes its own references */
	dput(d);
	return f;
}

int devpts_mount(void)
{
	int err = init_mount("devpts", "/dev/pts", "devpts", 0, NULL);
	if (err)
		pr_err("devpts: cannot mount on /dev/pts: %d\n", err);
	return err;
}

static int __init devpts_init(void)
{
	return register_filesystem(&devpts_fs_type);
}
fs_initcall(devpts_init);
