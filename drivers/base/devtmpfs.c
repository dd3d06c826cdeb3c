/* devtmpfs: one tmpfs instance that drivers fill with their device nodes,
 * mounted on /dev before /init runs (and mountable again anywhere with
 * `mount -t devtmpfs`: every mount shows the same instance, as on Linux).
 * Seed concept: "device model" (the part that makes /dev).
 *
 * The instance is made on first use (the first driver to create a node,
 * or the first mount): drivers register at device_initcall, after the
 * dentry cache and tmpfs exist. devtmpfs_lock (mutex) guards its creation;
 * names inside it are serialised by the root directory's i_mutex as for
 * any tmpfs directory. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/mount.h>
#include <linux/device.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/init.h>

static DEFINE_MUTEX(devtmpfs_lock);
static struct vfsmount *devtmpfs_mnt;	/* [devtmpfs_lock] internal mount, never attached */
static struct file_system_type devtmpfs_fs_type;

static struct vfsmount *devtmpfs_get(void)
{
	mutex_lock(&devtmpfs_lock);
	if (!devtmpfs_mnt) {
		char opts[] = "mode=755";
		struct vfsmount *m = vfs_kern_mount(&tmpfs_fs_type, 0, "devtmpfs", opts);
		if (!IS_ERR(m)) {
			/* A tmpfs inside, "devtmpfs" in /proc/mounts as on Linux. */
			m->mnt_sb->s_type = &devtmpfs_fs_type;
			devtmpfs_mnt = m;
		}
		else
			pr_err("devtmpfs: cannot make the instance: %ld\n", PTR_ERR(m));
	}
	mutex_unlock(&devtmpfs_lock);
	return devtmpfs_mnt;
}

/* Every mount of "devtmpfs" is the one instance: hand out its super block
 * with one more active reference. Mount flags (ro) apply to the instance. */
static struct super_block *devtmpfs_mount_sb(struct file_system_type *type, int flags, void *data)
{
	(void)type;
	(void)flags;
	(void)data;
	struct vfsmount *m = devtmpfs_get();
	if (!m)
		return ERR_PTR(-ENOMEM);
	atomic_inc(&m->mnt_sb->s_active);
	return m->mnt_sb;
}

static struct file_system_type devtmpfs_fs_type = {
	.name = "devtmpfs",
	.mount = devtmpfs_mount_sb,
};

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct vfsmount *m = devtmpfs_get();
	if (!m)
		return -ENOMEM;
	struct dentry *root = m->mnt_root, *d;
	struct inode *dir = root->d_inode;
	unsigned int len = strlen(name);
	if (!len || len > NAME_MAX || strchr(name, '/'))
		return -EINVAL;
	struct qstr q = { full_name_hash(root, name, len), len, name };
	int err;
	mutex_lock(&dir->i_mutex);
	d = d_lookup(root, &q);
	if (!d)
		d = d_alloc(root, &q);
	if (!d)
		err = -ENOMEM;
	else
		err = vfs_mknod(dir, d, mode, dev);
	mutex_unlock(&dir->i_mutex);
	dput(d);
	return err;
}

int devtmpfs_mount(void)
{
	int err = init_mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	if (err)
		pr_err("devtmpfs: cannot mount on /dev: %d\n", err);
	else
		pr_info("devtmpfs: mounted\n");
	return err;
}

static int __init devtmpfs_init(void)
{
	return register_filesystem(&devtmpfs_fs_type);
}
fs_initcall(devtmpfs_init);
