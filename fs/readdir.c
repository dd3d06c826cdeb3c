/* getdents64: a directory's entries as struct linux_dirent64 records,
 * through the filesystem's ->iterate_shared. Seed concept: "VFS objects"
 * (a directory read through its open file). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <asm/page.h>

/* struct linux_dirent64 (Linux UAPI <linux/dirent.h>): d_ino, d_off,
 * d_reclen, d_type, then the NUL-terminated name, padded to 8 bytes. */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* The entries are gathered in a kernel buffer (the actor may run under the
 * filesystem's spinlocks and must not fault), then copied out at once. */
struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t used, size;
	bool too_small;		/* the first entry did not fit */
};

static bool filldir64(struct dir_context *dc, const char *name, int len, loff_t pos,
		      u64 ino, unsigned int type)
{
	struct getdents_ctx *g = (struct getdents_ctx *)dc;
	size_t reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + len + 1, sizeof(u64));
	if (g->used + reclen > g->size) {
		if (!g->used)
			g->too_small = true;
		return false;
	}
	struct linux_dirent64 *d = (struct linux_dirent64 *)(g->buf + g->used);
	d->d_ino = ino;
	d->d_off = pos + 1;	/* where the next read starts */
	d->d_reclen = reclen;
	d->d_type = type;
	memcpy(d->d_name, name, len);
	d->d_name[len] = 0;
	g->used += reclen;
	return true;
}

long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long r;
	if (!S_ISDIR(f->f_inode->i_mode) || !f->f_op->iterate_shared) {
		r = -ENOTDIR;
		goto out;
	}
	if (!access_ok(dirent, count)) {
		r = -EFAULT;
		goto out;
	}
	struct getdents_ctx g = { .ctx.actor = filldir64, .size = min(count, 16u * PAGE_SIZE) };
	g.buf = kmalloc(max(g.size, (size_t)1), GFP_KERNEL);
	if (!g.buf) {
		r = -ENOMEM;
		goto out;
	}
	mutex_lock(&f->f_pos_lock);
	g.ctx.pos = f->f_pos;
	r = f->f_op->iterate_shared(f, &g.ctx);
	if (!r && g.too_small)
		r = -EINVAL;
	if (!r && g.used && copy_to_user(dirent, g.buf, g.used))
		r = -EFAULT;
	if (!r) {
		f->f_pos = g.ctx.pos;
		r = g.used;
	}
	mutex_unlock(&f->f_pos_lock);
	kfree(g.buf);
out:
	fput(f);
	return r;
}
