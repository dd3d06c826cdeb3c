/* Per-process root, current directory and umask (struct fs_struct): shared
 * by CLONE_FS, copied by fork, dropped at exit. Seed concept: "the current
 * directory". fs->lock (a spinlock) guards root, pwd and umask; references
 * on the old paths are dropped after unlocking. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/dcache.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <uapi/linux/sched.h>

/* Shared by the kernel threads; its root and pwd are the VFS root once
 * it is mounted (init_rootfs calls set_fs_root/set_fs_pwd). */
struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 022,
};


static void set_path(struct fs_struct *fs, struct path *slot, const struct path *path)
{
	path_get(path);
	spin_lock(&fs->lock);
	struct path old = *slot;
	*slot = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	set_path(fs, &fs->root, path);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	set_path(fs, &fs->pwd, path);
}

static void get_path(struct fs_struct *fs, struct path *slot, struct path *out)
{
	if (fs) {
		spin_lock(&fs->lock);
		*out = *slot;
		if (out->dentry)
			path_get(out);
		spin_unlock(&fs->lock);
		if (out->dentry)
			return;
	}
	*out = vfs_root;
	path_get(out);
}

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	get_path(fs, fs ? &fs->root : NULL, root);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	get_path(fs, fs ? &fs->pwd : NULL, pwd);
}

umode_t current_umask(void)
{
	return current->fs ? READ_ONCE(current->fs->umask) : 022;
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	if (fs->root.dentry)
		path_get(&fs->root);
	if (fs->pwd.dentry)
		path_get(&fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

static void free_fs_struct(struct fs_struct *fs)
{
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
	kfree(fs);
}

int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;
	tsk->fs = NULL;
	if (!fs)
		return 0;
	if (clone_flags & CLONE_FS) {
		spin_lock(&fs->lock);
		fs->users++;
		spin_unlock(&fs->lock);
		tsk->fs = fs;
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	unsigned long flags;
	if (!fs)
		return;
	spin_lock_irqsave(&tsk->pi_lock, flags);	/* /proc reads another task's fs under it */
	tsk->fs = NULL;
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	spin_lock(&fs->lock);
	bool last = --fs->users == 0;
	spin_unlock(&fs->lock);
	if (last)
		free_fs_struct(fs);	/* never init_fs: its first user never leaves */
}
