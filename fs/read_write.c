/* read, write, lseek and their vectored and positioned forms: fd -> struct
 * file -> the filesystem's file_operations. Seed concept: "read(): fd ->
 * file -> VFS -> filesystem" (walked through in Documentation/vfs.md).
 *
 * [LINUX-DIFF] ->read and ->write take kernel buffers (see fs.h), so user
 * data is bounced through a kernel buffer here, at most RW_BOUNCE bytes per
 * call of the filesystem. A bad user buffer found only after ->read has run
 * gives EFAULT and, for seekable files, puts f_pos back; for streams (pipes,
 * ttys) the bytes read are lost.
 *
 * f_pos of regular files and directories is updated under f->f_pos_lock, so
 * processes sharing the file (fork, dup) never read the same bytes twice;
 * streams are not serialised here (a blocking reader must not stall a
 * writer of the same file). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/err.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/fs.h>
#include <uapi/linux/uio.h>
#include <asm/page.h>

#define RW_BOUNCE (16 * PAGE_SIZE)
#define MAX_RW_COUNT (INT_MAX & ~(PAGE_SIZE - 1))	/* as Linux: one call moves at most this */

loff_t no_llseek(struct file *f, loff_t off, int whence)
{
	(void)f; (void)off; (void)whence;
	return -ESPIPE;
}

int nonseekable_open(struct inode *inode, struct file *f)
{
	(void)inode;
	f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

/* SEEK_SET/CUR/END against i_size; SEEK_DATA/HOLE see one data extent
 * (tmpfs reports holes as data too, as Linux's generic code does). */
loff_t generic_file_llseek(struct file *f, loff_t off, int whence)
{
	struct inode *inode = f->f_inode;
	loff_t size = READ_ONCE(inode->i_size), pos;
	switch (whence) {
	case SEEK_SET:
		pos = off;
		break;
	case SEEK_CUR:
		if (__builtin_add_overflow(f->f_pos, off, &pos))
			return -EINVAL;
		break;
	case SEEK_END:
		if (__builtin_add_overflow(size, off, &pos))
			return -EINVAL;
		break;
	case SEEK_DATA:
		if (off < 0 || off >= size)
			return -ENXIO;
		pos = off;
		break;
	case SEEK_HOLE:
		if (off < 0 || off >= size)
			return -ENXIO;
		pos = size;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

static bool pos_locked(struct file *f)
{
	umode_t m = f->f_inode->i_mode;
	return S_ISREG(m) || S_ISDIR(m);
}

loff_t vfs_llseek(struct file *f, loff_t off, int whence)
{
	if (!(f->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	if (whence < 0 || whence > SEEK_MAX)
		return -EINVAL;
	bool lock = pos_locked(f);
	if (lock)
		mutex_lock(&f->f_pos_lock);
	loff_t r = f->f_op->llseek ? f->f_op->llseek(f, off, whence) :
				     generic_file_llseek(f, off, whence);
	if (lock)
		mutex_unlock(&f->f_pos_lock);
	return r;
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long r = vfs_llseek(f, offset, whence > INT_MAX ? -1 : (int)whence);
	fput(f);
	return r;
}

static void *alloc_bounce(size_t count, size_t *size)
{
	*size = min(count, (size_t)RW_BOUNCE);
	if (!*size)
		*size = 1;
	void *b = kmalloc(*size, GFP_KERNEL);
	if (!b && *size > PAGE_SIZE) {
		*size = PAGE_SIZE;
		b = kmalloc(*size, GFP_KERNEL);
	}
	return b;
}

static int rw_check(struct file *f, size_t count, loff_t *pos, bool write)
{
	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (!write && S_ISDIR(f->f_inode->i_mode))
		return -EISDIR;
	if (write ? !f->f_op->write : !f->f_op->read)
		return -EINVAL;
	if ((ssize_t)count < 0)
		return -EINVAL;
	if (pos && *pos < 0)
		return -EINVAL;
	return 0;
}

/* Read up to count bytes at *pos into user memory. Seekable files (regular
 * files, /dev/zero...) are read chunk by chunk until count or a short
 * chunk; a stream (no_llseek: pipe, FIFO, tty) gets one ->read call: it
 * returns what it has, and a second call could block. */
static ssize_t do_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	int err = rw_check(f, count, pos, false);
	if (err)
		return err;
	count = min(count, (size_t)MAX_RW_COUNT);
	if (!count)
		return 0;
	size_t bsize;
	char *bounce = alloc_bounce(count, &bsize);
	if (!bounce)
		return -ENOMEM;
	bool stream = !(f->f_mode & FMODE_LSEEK);
	ssize_t done = 0;
	while ((size_t)done < count) {
		size_t want = min(count - done, bsize);
		ssize_t n = f->f_op->read(f, bounce, want, pos);
		if (n <= 0) {
			if (!done)
				done = n;
			break;
		}
		size_t left = copy_to_user(buf + done, bounce, n);
		if (left) {
			if (f->f_mode & FMODE_LSEEK)
				*pos -= left;	/* those bytes were not delivered */
			done += n - left;
			if (!done)
				done = -EFAULT;
			break;
		}
		done += n;
		if (stream || (size_t)n < want)
			break;
	}
	kfree(bounce);
	return done;
}

/* Write count bytes from user memory at *pos; stops at the first short
 * write or error (returning what was written, if anything). */
static ssize_t do_write(struct file *f, const char __user *buf, size_t count, loff_t *pos)
{
	int err = rw_check(f, count, pos, true);
	if (err)
		return err;
	count = min(count, (size_t)MAX_RW_COUNT);
	if (!count)
		return 0;
	if (f->f_op->write_user) {	/* takes the user buffer itself: no bounce */
		if (!access_ok(buf, count))
			return -EFAULT;
		return f->f_op->write_user(f, buf, count, pos);
	}
	size_t bsize;
	char *bounce = alloc_bounce(count, &bsize);
	if (!bounce)
		return -ENOMEM;
	ssize_t done = 0;
	while ((size_t)done < count) {
		size_t want = min(count - done, bsize);
		size_t left = copy_from_user(bounce, buf + done, want);
		if (left == want) {
			if (!done)
				done = -EFAULT;
			break;
		}
		ssize_t n = f->f_op->write(f, bounce, want - left, pos);
		if (n <= 0) {
			if (!done)
				done = n;
			break;
		}
		done += n;
		if ((size_t)n < want - left)
			break;
		if (left) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	kfree(bounce);
	return done;
}

typedef ssize_t (*rw_fn)(struct file *f, char __user *buf, size_t count, loff_t *pos);

static ssize_t do_read_any(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	return do_read(f, buf, count, pos);
}

static ssize_t do_write_any(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	return do_write(f, buf, count, pos);
}

/* Run op at the file position, under f_pos_lock for regular files and
 * directories. */
static ssize_t rw_at_fpos(struct file *f, char __user *buf, size_t count, rw_fn op)
{
	bool lock = pos_locked(f);
	if (lock)
		mutex_lock(&f->f_pos_lock);
	loff_t pos = f->f_pos;
	ssize_t r = op(f, buf, count, &pos);
	if (r >= 0)
		f->f_pos = pos;
	if (lock)
		mutex_unlock(&f->f_pos_lock);
	return r;
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	ssize_t r = rw_at_fpos(f, buf, count, do_read_any);
	fput(f);
	return r;
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	ssize_t r = rw_at_fpos(f, (char __user *)buf, count, do_write_any);
	fput(f);
	return r;
}

/* The file for a positioned read or write (pread, preadv...): EINVAL for a
 * negative offset, EBADF, ESPIPE where there is no position. */
static struct file *fget_positioned(unsigned long fd, loff_t pos, bool write, long *err)
{
	if (pos < 0) {
		*err = -EINVAL;
		return NULL;
	}
	struct file *f = fget(fd);
	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	if (!(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))) {
		fput(f);
		*err = -ESPIPE;
		return NULL;
	}
	return f;
}

static long rw_positioned(unsigned int fd, char __user *buf, size_t count, loff_t pos, bool write)
{
	long r;
	struct file *f = fget_positioned(fd, pos, write, &r);
	if (!f)
		return r;
	r = write ? do_write(f, buf, count, &pos) : do_read(f, buf, count, &pos);
	fput(f);
	return r;
}

long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	return rw_positioned(fd, buf, count, pos, false);
}

long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos)
{
	return rw_positioned(fd, (char __user *)buf, count, pos, true);
}

/* Copy in and check an iovec array: at most UIO_MAXIOV entries, the total
 * must fit in ssize_t. Returns the array (kfree it) or an ERR_PTR. */
static struct iovec *import_iovec(const struct iovec __user *uvec, unsigned long nr)
{
	if (nr > UIO_MAXIOV)
		return ERR_PTR(-EINVAL);
	struct iovec *iov = kmalloc(max(nr, 1UL) * sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(iov, uvec, nr * sizeof(*iov))) {
		kfree(iov);
		return ERR_PTR(-EFAULT);
	}
	size_t total = 0;
	for (unsigned long i = 0; i < nr; i++) {
		if ((ssize_t)iov[i].iov_len < 0 || __builtin_add_overflow(total, iov[i].iov_len, &total) ||
		    (ssize_t)total < 0) {
			kfree(iov);
			return ERR_PTR(-EINVAL);
		}
	}
	return iov;
}

/* One segment after another at *pos; a short transfer ends the call. */
static ssize_t do_rw_vec(struct file *f, const struct iovec __user *uvec, unsigned long nr,
			 loff_t *pos, bool write)
{
	int err = rw_check(f, 0, pos, write);
	if (err)
		return err;
	struct iovec *iov = import_iovec(uvec, nr);
	if (IS_ERR(iov))
		return PTR_ERR(iov);
	ssize_t total = 0;
	for (unsigned long i = 0; i < nr; i++) {
		if (!iov[i].iov_len)
			continue;
		ssize_t n = write ? do_write(f, iov[i].iov_base, iov[i].iov_len, pos) :
				    do_read(f, iov[i].iov_base, iov[i].iov_len, pos);
		if (n < 0) {
			if (!total)
				total = n;
			break;
		}
		total += n;
		if ((size_t)n < iov[i].iov_len)
			break;
	}
	kfree(iov);
	return total;
}

static long rw_vec_fpos(unsigned long fd, const struct iovec __user *vec, unsigned long vlen, bool write)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	bool lock = pos_locked(f);
	if (lock)
		mutex_lock(&f->f_pos_lock);
	loff_t pos = f->f_pos;
	long r = do_rw_vec(f, vec, vlen, &pos, write);
	if (r >= 0)
		f->f_pos = pos;
	if (lock)
		mutex_unlock(&f->f_pos_lock);
	fput(f);
	return r;
}

long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return rw_vec_fpos(fd, vec, vlen, false);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return rw_vec_fpos(fd, vec, vlen, true);
}

static long rw_vec_positioned(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
			      loff_t pos, bool write)
{
	long r;
	struct file *f = fget_positioned(fd, pos, write, &r);
	if (!f)
		return r;
	r = do_rw_vec(f, vec, vlen, &pos, write);
	fput(f);
	return r;
}

/* preadv/pwritev pass the offset split in two registers (low, high). */
long sys_preadv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		unsigned long pos_l, unsigned long pos_h)
{
	(void)pos_h;	/* x86-64: pos_l holds all 64 bits */
	return rw_vec_positioned(fd, vec, vlen, (loff_t)pos_l, false);
}

long sys_pwritev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h)
{
	(void)pos_h;
	return rw_vec_positioned(fd, vec, vlen, (loff_t)pos_l, true);
}

/* preadv2/pwritev2: pos -1 means the file position. RWF_HIPRI, RWF_DSYNC
 * and RWF_SYNC change nothing for memory filesystems; [LINUX-DIFF]
 * RWF_NOWAIT and RWF_APPEND are EOPNOTSUPP (as for a file that cannot do
 * them). */
static long rw_vec2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		    unsigned long pos_l, int flags, bool write)
{
	if (flags & ~(RWF_HIPRI | RWF_DSYNC | RWF_SYNC))
		return -EOPNOTSUPP;
	if ((loff_t)pos_l == -1)
		return rw_vec_fpos(fd, vec, vlen, write);
	return rw_vec_positioned(fd, vec, vlen, (loff_t)pos_l, write);
}

long sys_preadv2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h, int flags)
{
	(void)pos_h;
	return rw_vec2(fd, vec, vlen, pos_l, flags, false);
}

long sys_pwritev2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		  unsigned long pos_l, unsigned long pos_h, int flags)
{
	(void)pos_h;
	return rw_vec2(fd, vec, vlen, pos_l, flags, true);
}

/* sendfile: copy from in_fd to out_fd in the kernel, through one bounce
 * buffer. With offset, in_fd's f_pos is left alone and *offset advances;
 * without, in_fd's f_pos does. A short write puts the unwritten input
 * back (seekable input) and ends the call. */
long sys_sendfile64(int out_fd, int in_fd, loff_t __user *offset, size_t count)
{
	struct file *in = fget(in_fd), *out = fget(out_fd);
	long r = 0;
	if (!in || !out || !(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE)) {
		r = -EBADF;
		goto out;
	}
	if (!in->f_op->read || !out->f_op->write || (out->f_flags & O_APPEND) || in == out ||
	    S_ISDIR(in->f_inode->i_mode)) {
		r = -EINVAL;
		goto out;
	}
	loff_t pos;
	if (offset) {
		if (!(in->f_mode & FMODE_PREAD)) {
			r = -ESPIPE;
			goto out;
		}
		if (copy_from_user(&pos, offset, sizeof(pos))) {
			r = -EFAULT;
			goto out;
		}
		if (pos < 0) {
			r = -EINVAL;
			goto out;
		}
	}
	count = min(count, (size_t)MAX_RW_COUNT);
	size_t bsize;
	char *bounce = count ? alloc_bounce(count, &bsize) : NULL;
	if (count && !bounce) {
		r = -ENOMEM;
		goto out;
	}
	/* Only the input's position lock: taking both could deadlock two
	 * opposite sendfiles (Linux takes neither). */
	bool lock_in = !offset && pos_locked(in);
	if (lock_in)
		mutex_lock(&in->f_pos_lock);
	if (!offset)
		pos = in->f_pos;
	loff_t opos = out->f_pos;
	size_t done = 0;
	while (done < count) {
		size_t want = min(count - done, bsize);
		ssize_t n = in->f_op->read(in, bounce, want, &pos);
		if (n <= 0) {
			if (!done)
				r = n;
			break;
		}
		ssize_t w = out->f_op->write(out, bounce, n, &opos);
		if (w < n) {
			if (in->f_mode & FMODE_LSEEK)
				pos -= n - max(w, (ssize_t)0);
			if (w > 0)
				done += w;
			else if (!done)
				r = w;
			break;
		}
		done += n;
		if (!S_ISREG(in->f_inode->i_mode) || (size_t)n < want)
			break;
	}
	if (done)
		r = done;
	if (r >= 0) {
		out->f_pos = opos;
		if (!offset)
			in->f_pos = pos;
	}
	if (lock_in)
		mutex_unlock(&in->f_pos_lock);
	kfree(bounce);
	if (r >= 0 && offset && put_user(pos, offset))
		r = -EFAULT;
out:
	if (in)
		fput(in);
	if (out)
		fput(out);
	return r;
}
