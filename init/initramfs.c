/* The initramfs unpacker: the cpio "newc" archive the boot loader handed us
 * becomes files in the root tmpfs, before /init runs. Seed concept: "boot:
 * bootloader -> start_kernel -> initramfs -> /init".
 *
 * Accepted: uncompressed newc only (magic 070701; 070702 "crc" entries are
 * refused by lib/cpio.c). [LINUX-DIFF] gzip/xz-compressed archives are
 * rejected with a log line: there is no inflate in lib/ yet. Corrupt input
 * stops the unpacking with a log line, never a crash: every header field is
 * validated by cpio_next() before it is used. Once unpacked, the archive's
 * pages go back to the page allocator, as on Linux ("Freeing initrd
 * memory"); boot_info.initrd_start stays set as "there was an initramfs". */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/kdev_t.h>
#include <linux/cpio.h>
#include <uapi/linux/fcntl.h>
#include <asm/bootinfo.h>
#include <asm/page.h>

/* Hard links: the first name seen for an (ino) with nlink > 1. */
struct link_seen {
	struct link_seen *next;
	u32 ino;
	char *path;
};

/* A directory whose mtime is set once everything is unpacked: creating
 * its entries would move it on (Linux's dir_utime list). */
struct dir_mtime {
	struct dir_mtime *next;
	struct dentry *dentry;		/* a reference held */
	u32 mtime;
};

struct unpack_state {
	struct link_seen *links;
	struct dir_mtime *dirs;
	char path[PATH_MAX];
	unsigned int files;
};

static void set_attrs(struct inode *inode, const struct cpio_entry *e)
{
	spin_lock(&inode->i_lock);
	inode->i_mode = (inode->i_mode & S_IFMT) | (e->mode & 07777);
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	inode->i_mtime.tv_sec = e->mtime;
	inode->i_mtime.tv_nsec = 0;
	spin_unlock(&inode->i_lock);
}

/* Make a non-regular node (dir, symlink, device, FIFO) named s->path. */
static int make_node(struct unpack_state *s, const struct cpio_entry *e)
{
	struct path parent;
	struct dentry *d = kern_path_create(s->path, &parent);
	if (IS_ERR(d))
		return PTR_ERR(d);
	struct inode *dir = parent.dentry->d_inode;
	umode_t mode = e->mode & (S_IFMT | 07777);
	int err;
	if (S_ISDIR(mode))
		err = d->d_inode ? 0 : vfs_mkdir(dir, d, mode);
	else if (S_ISLNK(mode)) {
		char *target = kmalloc(e->size + 1, GFP_KERNEL);
		err = -ENOMEM;
		if (target) {
			memcpy(target, e->data, e->size);
			target[e->size] = 0;
			err = vfs_symlink(dir, d, target);
			kfree(target);
		}
	} else
		err = vfs_mknod(dir, d, mode, MKDEV(e->rdev_major, e->rdev_minor));
	if (!err && d->d_inode)
		set_attrs(d->d_inode, e);
	if (!err && d->d_inode && S_ISDIR(mode)) {
		struct dir_mtime *m = kmalloc(sizeof(*m), GFP_KERNEL);
		if (m) {	/* without memory the directory keeps today's mtime */
			m->dentry = dget(d);
			m->mtime = e->mtime;
			m->next = s->dirs;
			s->dirs = m;
		}
	}
	done_path_create(&parent, d);
	return err;
}

static void set_dir_mtimes(struct unpack_state *s)
{
	while (s->dirs) {
		struct dir_mtime *m = s->dirs;
		struct inode *inode = m->dentry->d_inode;
		spin_lock(&inode->i_lock);
		inode->i_mtime.tv_sec = m->mtime;
		inode->i_mtime.tv_nsec = 0;
		spin_unlock(&inode->i_lock);
		dput(m->dentry);
		s->dirs = m->next;
		kfree(m);
	}
}

/* A hard link to a name unpacked before, if this ino was seen. */
static int link_if_seen(struct unpack_state *s, const struct cpio_entry *e)
{
	struct link_seen *l;
	for (l = s->links; l; l = l->next)
		if (l->ino == e->ino)
			break;
	if (!l)
		return 1;
	struct path old, parent;
	int err = kern_path(l->path, 0, &old);
	if (err)
		return err;
	struct dentry *d = kern_path_create(s->path, &parent);
	if (!IS_ERR(d)) {
		err = vfs_link(old.dentry, parent.dentry->d_inode, d);
		done_path_create(&parent, d);
	} else
		err = PTR_ERR(d);
	path_put(&old);
	return err;
}

static void remember_link(struct unpack_state *s, const struct cpio_entry *e)
{
	struct link_seen *l = kmalloc(sizeof(*l), GFP_KERNEL);
	char *p = kmalloc(strlen(s->path) + 1, GFP_KERNEL);
	if (!l || !p) {
		kfree(l);
		kfree(p);
		return;		/* later names become copies, not links */
	}
	strcpy(p, s->path);
	l->ino = e->ino;
	l->path = p;
	l->next = s->links;
	s->links = l;
}

static int make_file(struct unpack_state *s, const struct cpio_entry *e)
{
	if (e->nlink > 1) {
		int err = link_if_seen(s, e);
		if (err <= 0)
			return err;
	}
	struct file *f = filp_open(s->path, O_WRONLY | O_CREAT | O_EXCL, e->mode & 07777);
	if (IS_ERR(f))
		return PTR_ERR(f);
	loff_t pos = 0;
	ssize_t n = kernel_write(f, e->data, e->size, &pos);
	set_attrs(f->f_inode, e);
	filp_close(f);
	if (n != (ssize_t)e->size)
		return n < 0 ? (int)n : -ENOSPC;
	if (e->nlink > 1)
		remember_link(s, e);
	return 0;
}

/* "./bin/sh", "bin/sh" -> "/bin/sh"; false for "." or an over-long name. */
static bool entry_path(struct unpack_state *s, const struct cpio_entry *e)
{
	const char *n = e->name;
	size_t len = e->name_len;
	while (len && (*n == '/' || (*n == '.' && (len == 1 || n[1] == '/')))) {
		n++;
		len--;
	}
	if (!len || len + 2 > PATH_MAX)
		return false;
	s->path[0] = '/';
	memcpy(s->path + 1, n, len);
	s->path[len + 1] = 0;
	return true;
}

static int unpack_entry(struct unpack_state *s, const struct cpio_entry *e)
{
	if (!entry_path(s, e))
		return 0;
	s->files++;
	if (S_ISREG(e->mode))
		return make_file(s, e);
	return make_node(s, e);
}

/* Unpack archive into the VFS root; returns 0 or the first error. */
int unpack_to_rootfs(const void *archive, size_t size)
{
	const unsigned char *b = archive;
	if (size >= 2 && b[0] == 0x1f && (b[1] == 0x8b || b[1] == 0x9e)) {
		pr_err("initramfs: compressed archive (gzip) is not supported; use an uncompressed newc cpio\n");
		return -EINVAL;
	}
	struct unpack_state *s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	size_t pos = 0;
	struct cpio_entry e;
	int r, err = 0;
	while ((r = cpio_next(archive, size, &pos, &e)) > 0) {
		int ferr = unpack_entry(s, &e);
		if (ferr && ferr != -EEXIST)
			pr_warn("initramfs: %s: error %d\n", s->path, ferr);
	}
	if (r < 0) {
		pr_err("initramfs: corrupt archive at offset %zu; stopped\n", pos);
		err = r;
	}
	pr_info("initramfs: unpacked %u entries into the root tmpfs\n", s->files);
	set_dir_mtimes(s);
	while (s->links) {
		struct link_seen *l = s->links;
		s->links = l->next;
		kfree(l->path);
		kfree(l);
	}
	kfree(s);
	return err;
}

static int __init populate_rootfs(void)
{
	if (!boot_info.initrd_start || !vfs_root.dentry)
		return 0;
	void *start = __va(boot_info.initrd_start);
	unpack_to_rootfs(start, boot_info.initrd_size);
	free_reserved_area(start, start + boot_info.initrd_size, -1, "initrd");
	return 0;
}
device_initcall(populate_rootfs);
