/* tmpfs: the in-memory filesystem that is the root at boot. Every name
 * lives only in the dentry cache (each positive dentry is pinned by one
 * extra reference while its name exists), and a regular file's contents are
 * an array of pages. Seed concept: "filesystems: tmpfs".
 *
 * [LINUX-DIFF] Linux's tmpfs keeps contents in the page cache (mm/shmem.c);
 * our page array per inode (struct tmpfs_inode_info) has the same shape —
 * page index -> page — so a page cache can replace it without changing the
 * VFS side. Contents are protected by the inode's i_mutex. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <asm/page.h>
#include <uapi/linux/fcntl.h>

#define TMPFS_MAGIC 0x01021994	/* statfs f_type, as Linux */

/* A regular file's contents: pages[i] holds bytes [i*PAGE_SIZE, ...), or is
 * NULL for a hole (reads as zeros). [i_mutex] */
struct tmpfs_inode_info {
	void **pages;
	unsigned long nr_pages;		/* length of the pages array */
};

static const struct inode_operations tmpfs_dir_inode_operations;
static const struct inode_operations tmpfs_symlink_inode_operations;
static const struct inode_operations tmpfs_file_inode_operations;
static const struct file_operations tmpfs_file_operations;
static const struct file_operations tmpfs_dir_operations;

static struct inode *tmpfs_get_inode(struct super_block *sb, const struct inode *dir,
				     umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);
	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_private = kzalloc(sizeof(struct tmpfs_inode_info), GFP_KERNEL);
		if (!inode->i_private) {
			iput(inode);
			return NULL;
		}
		inode->i_op = &tmpfs_file_inode_operations;
		inode->i_fop = &tmpfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &tmpfs_dir_inode_operations;
		inode->i_fop = &tmpfs_dir_operations;
		inode->i_nlink = 2;	/* "." and the name in the parent */
		break;
	case S_IFLNK:
		inode->i_op = &tmpfs_symlink_inode_operations;
		break;
	default:	/* device nodes, FIFOs, sockets: fops come at open */
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

/* Give dentry its inode and pin it: the name now exists. */
static void tmpfs_instantiate(struct inode *dir, struct dentry *dentry, struct inode *inode)
{
	d_add(dentry, inode);
	dget(dentry);
	inode_touch(dir, false, true, true);
}

static int tmpfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = tmpfs_get_inode(dir->i_sb, dir, mode, dev);
	if (!inode)
		return -ENOSPC;
	tmpfs_instantiate(dir, dentry, inode);
	return 0;
}

static int tmpfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	(void)excl;
	return tmpfs_mknod(dir, dentry, (mode & 07777) | S_IFREG, 0);
}

static int tmpfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = tmpfs_mknod(dir, dentry, (mode & 07777) | S_IFDIR, 0);
	if (!err) {
		spin_lock(&dir->i_lock);
		dir->i_nlink++;		/* the child's ".." */
		spin_unlock(&dir->i_lock);
	}
	return err;
}

static int tmpfs_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname);
	char *target = kmalloc(len + 1, GFP_KERNEL);
	if (!target)
		return -ENOSPC;
	memcpy(target, symname, len + 1);
	struct inode *inode = tmpfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(target);
		return -ENOSPC;
	}
	inode->i_private = target;
	inode->i_size = len;
	tmpfs_instantiate(dir, dentry, inode);
	return 0;
}

static int tmpfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;
	spin_lock(&inode->i_lock);
	inode->i_nlink++;
	spin_unlock(&inode->i_lock);
	inode_touch(inode, false, false, true);
	tmpfs_instantiate(dir, dentry, ihold(inode));
	return 0;
}

/* Remove the name: unhash it and drop the pin. The inode lives on while
 * an open file or another dentry holds it. */
static int tmpfs_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;
	spin_lock(&inode->i_lock);
	inode->i_nlink--;
	spin_unlock(&inode->i_lock);
	inode_touch(inode, false, false, true);
	inode_touch(dir, false, true, true);
	d_delete(dentry);
	dput(dentry);
	return 0;
}

static int tmpfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	spin_lock(&dentry->d_inode->i_lock);
	dentry->d_inode->i_nlink--;	/* its "." */
	spin_unlock(&dentry->d_inode->i_lock);
	spin_lock(&dir->i_lock);
	dir->i_nlink--;			/* its ".." */
	spin_unlock(&dir->i_lock);
	return tmpfs_unlink(dir, dentry);
}

static const char *tmpfs_get_link(struct dentry *dentry, struct inode *inode)
{
	(void)dentry;
	return inode->i_private;
}

/* Make sure the page array covers index; returns the page or NULL. */
static void *tmpfs_get_page(struct tmpfs_inode_info *info, unsigned long index)
{
	if (index >= info->nr_pages) {
		unsigned long n = max(index + 1, info->nr_pages * 2);
		void **p = krealloc(info->pages, n * sizeof(void *), GFP_KERNEL);
		if (!p)
			return NULL;
		memset(p + info->nr_pages, 0, (n - info->nr_pages) * sizeof(void *));
		info->pages = p;
		info->nr_pages = n;
	}
	if (!info->pages[index]) {
		void *page = (void *)__get_free_page(GFP_KERNEL);
		if (!page)
			return NULL;
		memset(page, 0, PAGE_SIZE);
		info->pages[index] = page;
	}
	return info->pages[index];
}

static ssize_t tmpfs_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	struct tmpfs_inode_info *info = inode->i_private;
	size_t done = 0;
	mutex_lock(&inode->i_mutex);
	while (done < count && *pos < inode->i_size) {
		unsigned long index = *pos / PAGE_SIZE, off = *pos % PAGE_SIZE;
		size_t n = min(min(count - done, PAGE_SIZE - off), (size_t)(inode->i_size - *pos));
		if (index < info->nr_pages && info->pages[index])
			memcpy(buf + done, (char *)info->pages[index] + off, n);
		else
			memset(buf + done, 0, n);
		done += n;
		*pos += n;
	}
	mutex_unlock(&inode->i_mutex);
	if (done)
		inode_touch(inode, true, false, false);
	return done;
}

static ssize_t tmpfs_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	struct tmpfs_inode_info *info = inode->i_private;
	size_t done = 0;
	mutex_lock(&inode->i_mutex);
	if (f->f_flags & O_APPEND)
		*pos = inode->i_size;	/* under i_mutex: appends never interleave */
	while (done < count) {
		unsigned long index = *pos / PAGE_SIZE, off = *pos % PAGE_SIZE;
		size_t n = min(count - done, PAGE_SIZE - off);
		char *page = tmpfs_get_page(info, index);
		if (!page)
			break;
		memcpy(page + off, buf + done, n);
		done += n;
		*pos += n;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
	}
	mutex_unlock(&inode->i_mutex);
	if (!done && count)
		return -ENOSPC;
	inode_touch(inode, false, true, true);
	return done;
}

/* Free the pages wholly past size and zero the tail of the last one, so a
 * later extension reads zeros. i_mutex held. */
static void tmpfs_truncate_pages(struct inode *inode, loff_t size)
{
	struct tmpfs_inode_info *info = inode->i_private;
	unsigned long keep = DIV_ROUND_UP(size, PAGE_SIZE);
	for (unsigned long i = keep; i < info->nr_pages; i++) {
		if (info->pages[i]) {
			free_page((unsigned long)info->pages[i]);
			info->pages[i] = NULL;
		}
	}
	if ((size % PAGE_SIZE) && keep - 1 < info->nr_pages && info->pages[keep - 1])
		memset((char *)info->pages[keep - 1] + size % PAGE_SIZE, 0, PAGE_SIZE - size % PAGE_SIZE);
}

/* Attribute changes; a size change of a regular file resizes its contents.
 * [LINUX-DIFF] minimal (the fd engineer's, for O_TRUNC): size, mode, owner
 * and times are copied without the generic permission checks, which the
 * callers have done. i_mutex held. */
static int tmpfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	if (attr->ia_valid & ATTR_SIZE) {
		if (!S_ISREG(inode->i_mode))
			return -EINVAL;
		if (attr->ia_size < inode->i_size)
			tmpfs_truncate_pages(inode, attr->ia_size);
		inode->i_size = attr->ia_size;
	}
	spin_lock(&inode->i_lock);
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & 07777);
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (attr->ia_valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	spin_unlock(&inode->i_lock);
	return 0;
}

static void tmpfs_evict_inode(struct inode *inode)
{
	if (S_ISREG(inode->i_mode) && inode->i_private) {
		struct tmpfs_inode_info *info = inode->i_private;
		for (unsigned long i = 0; i < info->nr_pages; i++)
			if (info->pages[i])
				free_page((unsigned long)info->pages[i]);
		kfree(info->pages);
	}
	kfree(inode->i_private);	/* the info, or a symlink's target */
}

static const struct inode_operations tmpfs_dir_inode_operations = {
	.create = tmpfs_create,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.symlink = tmpfs_symlink,
	.mkdir = tmpfs_mkdir,
	.rmdir = tmpfs_rmdir,
	.mknod = tmpfs_mknod,
};

static const struct inode_operations tmpfs_file_inode_operations = {
	.setattr = tmpfs_setattr,
};

static const struct inode_operations tmpfs_symlink_inode_operations = {
	.get_link = tmpfs_get_link,
};

static const struct file_operations tmpfs_file_operations = {
	.read = tmpfs_read,
	.write = tmpfs_write,
};

static const struct file_operations tmpfs_dir_operations = {
	.iterate_shared = dcache_readdir,
};

static const struct super_operations tmpfs_super_operations = {
	.evict_inode = tmpfs_evict_inode,
};

/* Mount options: mode=, uid=, gid= set the root directory's; size=,
 * nr_blocks= and nr_inodes= are accepted and not enforced ([LINUX-DIFF]:
 * no tmpfs size limit yet). Anything else -> EINVAL, as Linux's tmpfs. */
struct tmpfs_options {
	umode_t mode;
	uid_t uid;
	gid_t gid;
};

static int tmpfs_parse_options(char *data, struct tmpfs_options *o)
{
	char *opt;
	while ((opt = strsep(&data, ",")) != NULL) {
		if (!*opt)
			continue;
		char *val = strchr(opt, '=');
		unsigned long v = 0;
		if (val)
			*val++ = 0;
		if (!strcmp(opt, "mode")) {
			if (!val || kstrtoul(val, 8, &v) || v > 07777)
				return -EINVAL;
			o->mode = v;
		} else if (!strcmp(opt, "uid") || !strcmp(opt, "gid")) {
			if (!val || kstrtoul(val, 10, &v) || v > 0xfffffffeUL)
				return -EINVAL;
			if (opt[0] == 'u')
				o->uid = v;
			else
				o->gid = v;
		} else if (strcmp(opt, "size") && strcmp(opt, "nr_blocks") &&
			   strcmp(opt, "nr_inodes") && strcmp(opt, "huge") &&
			   strcmp(opt, "inode64") && strcmp(opt, "inode32")) {
			return -EINVAL;
		}
	}
	return 0;
}

/* A new tmpfs instance; data is the option string (a kernel copy that we
 * may modify) or NULL. */
static struct super_block *tmpfs_mount(struct file_system_type *type, int flags, void *data)
{
	struct tmpfs_options o = { .mode = 01777, .uid = 0, .gid = 0 };
	int err = data ? tmpfs_parse_options(data, &o) : 0;
	if (err)
		return ERR_PTR(err);
	struct super_block *sb = sget_nodev(type, &tmpfs_super_operations, TMPFS_MAGIC);
	if (IS_ERR(sb))
		return sb;
	sb->s_flags = flags & SB_RDONLY;
	struct inode *root = tmpfs_get_inode(sb, NULL, S_IFDIR | o.mode, 0);
	if (root) {
		root->i_uid = o.uid;
		root->i_gid = o.gid;
	}
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		deactivate_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return sb;
}

struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = tmpfs_mount,
};

/* The root of the VFS: a tmpfs mounted at boot, before /init runs. Its
 * mount is its own parent; the references in vfs_root are the tree's. */
struct path vfs_root;

static int __init init_rootfs(void)
{
	dcache_init();
	register_filesystem(&tmpfs_fs_type);
	struct vfsmount *mnt = vfs_kern_mount(&tmpfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(mnt)) {
		pr_err("vfs: cannot mount the root tmpfs: %ld\n", PTR_ERR(mnt));
		return PTR_ERR(mnt);
	}
	mnt->mnt_flags = MNT_RELATIME;
	mnt_init_root(mnt);
	vfs_root.mnt = mnt;
	vfs_root.dentry = mnt->mnt_root;
	set_fs_root(&init_fs, &vfs_root);	/* kernel threads' and init's / and cwd */
	set_fs_pwd(&init_fs, &vfs_root);
	pr_info("vfs: tmpfs mounted as the root\n");
	return 0;
}
fs_initcall(init_rootfs);
