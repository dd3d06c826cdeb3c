/* Filesystem types and super blocks: the registry that mount(2) consults
 * by name, and the allocation of one mounted instance. Seed concept: "VFS
 * objects: super_block". */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/dcache.h>

static DEFINE_SPINLOCK(file_systems_lock);
static struct file_system_type *file_systems;	/* [file_systems_lock] */
static DEFINE_SPINLOCK(super_lock);
static LIST_HEAD(super_blocks);			/* [super_lock] */
static unsigned long next_anon_dev = 1;		/* [super_lock] minor of major 0 */

int register_filesystem(struct file_system_type *fs)
{
	int err = 0;
	spin_lock(&file_systems_lock);
	for (struct file_system_type *p = file_systems; p; p = p->next)
		if (!strcmp(p->name, fs->name))
			err = -EBUSY;
	if (!err) {
		fs->next = file_systems;
		file_systems = fs;
	}
	spin_unlock(&file_systems_lock);
	return err;
}

/* The registered type called name, or NULL (mount(2) turns it to ENODEV). */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *p;
	spin_lock(&file_systems_lock);
	for (p = file_systems; p; p = p->next)
		if (!strcmp(p->name, name))
			break;
	spin_unlock(&file_systems_lock);
	return p;
}

/* /proc/filesystems: one line per registered type, "nodev" for those that
 * need no block device (all of ours). Returns the length written. */
int get_filesystem_list(char *buf, size_t size)
{
	int len = 0;
	spin_lock(&file_systems_lock);
	for (struct file_system_type *p = file_systems; p; p = p->next)
		len += scnprintf(buf + len, size - len, "nodev\t%s\n", p->name);
	spin_unlock(&file_systems_lock);
	return len;
}

/* A fresh super block with an anonymous device number, for filesystems
 * without a backing device (tmpfs, proc, sysfs, devtmpfs). */
struct super_block *sget_nodev(struct file_system_type *type, const struct super_operations *ops,
			       unsigned long magic)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_type = type;
	sb->s_op = ops;
	sb->s_magic = magic;
	spin_lock_init(&sb->s_lock);
	atomic_set(&sb->s_active, 1);
	spin_lock(&super_lock);
	sb->s_dev = next_anon_dev++;
	list_add(&sb->s_list, &super_blocks);
	spin_unlock(&super_lock);
	return sb;
}

/* The generic teardown of a memory filesystem: every name goes, then the
 * root, then the super block. Runs when the last mount went, so no path
 * into the filesystem remains. */
void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root) {
		d_genocide(sb->s_root);
		dput(sb->s_root);
	}
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	spin_lock(&super_lock);
	list_del(&sb->s_list);
	spin_unlock(&super_lock);
	kfree(sb);
}

void deactivate_super(struct super_block *sb)
{
	if (atomic_dec_return(&sb->s_active) > 0)
		return;
	if (sb->s_type->kill_sb)
		sb->s_type->kill_sb(sb);
	else
		kill_litter_super(sb);
}
