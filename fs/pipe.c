/* Pipes and FIFOs. Seed concept: "pipes".
 *
 * A pipe is a ring of page-sized slots (struct pipe_inode_info,
 * <linux/pipe_fs_i.h>) hanging off an inode: pipe(2) makes an inode with no
 * name (on the internal pipefs) and two open files on it, one reading and
 * one writing; a FIFO is an S_IFIFO inode with a name, whose ring is made by
 * the first open and freed by the last close.
 *
 * Writers fill slots at head, readers drain them at tail, both under
 * pipe->mutex. A writer out of room sleeps on wr_wait, a reader with
 * nothing to read on rd_wait; each side wakes the other after changing the
 * ring, and poll()/select() sleep on the same queues (pipe_poll).
 *
 * The rules user space relies on, all as Linux:
 *  - a write of at most PIPE_BUF bytes lands in one piece: it either merges
 *    whole into the last slot or takes one fresh slot, never waiting half
 *    done (so writers never interleave inside it);
 *  - a read returns what is there (at least one byte), blocking only when
 *    the ring is empty; 0 (EOF) when it is empty and no writer is left;
 *  - writing with no reader left is EPIPE plus SIGPIPE;
 *  - O_NONBLOCK turns each wait into EAGAIN (a partial large write returns
 *    its count);
 *  - opening a FIFO for reading or writing blocks until the other side is
 *    open (O_RDWR never blocks; O_NONBLOCK reader: no wait; O_NONBLOCK
 *    writer without a reader: ENXIO).
 * O_DIRECT pipes ("packet mode") keep each write in its own slot and each
 * read takes at most one slot, dropping what does not fit. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/init.h>
#include <linux/err.h>
#include <uapi/linux/fcntl.h>
#include <uapi/asm/ioctls.h>

#define PIPEFS_MAGIC 0x50495045	/* statfs f_type, as Linux */
#define PIPE_MAX_SIZE (1024 * 1024)	/* /proc/sys/fs/pipe-max-size default */

static struct super_block *pipe_sb;

/* ---- the ring ---- */

static inline bool pipe_empty(const struct pipe_inode_info *pipe)
{
	return pipe->head == pipe->tail;
}

static inline unsigned int pipe_occupancy(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

static inline bool pipe_full(const struct pipe_inode_info *pipe)
{
	return pipe_occupancy(pipe) >= pipe->ring_size;
}

static inline struct pipe_buffer *pipe_slot(struct pipe_inode_info *pipe, unsigned int i)
{
	return &pipe->bufs[i & (pipe->ring_size - 1)];
}

/* Unlocked checks for the wait conditions: a stale answer only means one
 * more trip round the loop, which re-checks under the mutex. */
static bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) != READ_ONCE(pipe->tail) || !READ_ONCE(pipe->writers);
}

static bool pipe_writable(const struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) - READ_ONCE(pipe->tail) < READ_ONCE(pipe->ring_size) ||
	       !READ_ONCE(pipe->readers);
}

/* Caller holds the mutex: a drained slot gives its page back (keeping one
 * spare for the next write). */
static void pipe_buf_release(struct pipe_inode_info *pipe, struct pipe_buffer *b)
{
	if (!pipe->tmp_page)
		pipe->tmp_page = b->page;
	else
		free_page((unsigned long)b->page);
	b->page = NULL;
	b->offset = b->len = b->flags = 0;
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	if (!pipe)
		return NULL;
	pipe->bufs = kzalloc(PIPE_DEF_BUFFERS * sizeof(struct pipe_buffer), GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->ring_size = PIPE_DEF_BUFFERS;
	/* Counters start at 1 so that a file whose f_pipe is 0 (every file
	 * but a FIFO reader opened before any writer) sees POLLHUP. */
	pipe->r_counter = pipe->w_counter = 1;
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		free_page((unsigned long)pipe_slot(pipe, i)->page);
	if (pipe->tmp_page)
		free_page((unsigned long)pipe->tmp_page);
	kfree(pipe->bufs);
	kfree(pipe);
}

/* One open file less on the pipe; the last one frees the ring. */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool last;
	spin_lock(&inode->i_lock);
	last = --pipe->files == 0;
	if (last)
		inode->i_pipe = NULL;
	spin_unlock(&inode->i_lock);
	if (last)
		free_pipe_info(pipe);
}

/* ---- reading and writing ---- */

static ssize_t pipe_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	size_t done = 0;
	ssize_t ret = 0;

	(void)pos;
	if (!count)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		while (!pipe_empty(pipe) && done < count) {
			struct pipe_buffer *b = pipe_slot(pipe, pipe->tail);
			size_t n = min((size_t)b->len, count - done);
			memcpy(buf + done, (char *)b->page + b->offset, n);
			done += n;
			b->offset += n;
			b->len -= n;
			/* Packet mode: one read, one packet; the rest is lost. */
			bool packet = b->flags & PIPE_BUF_FLAG_PACKET;
			if (packet)
				b->len = 0;
			if (!b->len) {
				pipe_buf_release(pipe, b);
				pipe->tail++;
			}
			if (packet)
				break;
		}
		if (done)
			break;
		if (!pipe->writers)
			break;		/* EOF */
		if (f->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe)))
			return -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (done) {
		wake_up_interruptible_poll(&pipe->wr_wait, POLLOUT | POLLWRNORM);
		return done;
	}
	return ret;
}

/* Caller holds the mutex: the writer finds no reader. */
static void pipe_sigpipe(void)
{
	struct sigpending_info info = { .code = 0 /* SI_USER */, .pid = current->tgid };
	send_signal(current, SIGPIPE, &info);
}

static ssize_t pipe_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = f->private_data;
	bool packet = f->f_flags & O_DIRECT;
	size_t done = 0;
	ssize_t ret = 0;

	(void)pos;
	if (!count)
		return 0;
	mutex_lock(&pipe->mutex);
	if (!pipe->readers) {
		pipe_sigpipe();
		ret = -EPIPE;
		goto out;
	}
	/* The part that is not a whole number of pages goes into the last
	 * slot if it fits there completely; a write of at most PIPE_BUF
	 * bytes is thus either merged whole or given one fresh slot below. */
	size_t chars = count & (PAGE_SIZE - 1);
	if (chars && !packet && !pipe_empty(pipe)) {
		struct pipe_buffer *b = pipe_slot(pipe, pipe->head - 1);
		if (!(b->flags & PIPE_BUF_FLAG_PACKET) && b->offset + b->len + chars <= PAGE_SIZE) {
			memcpy((char *)b->page + b->offset + b->len, buf, chars);
			b->len += chars;
			done = chars;
			if (done == count)
				goto out;
		}
	}
	for (;;) {
		if (!pipe->readers) {
			pipe_sigpipe();
			if (!done)
				ret = -EPIPE;
			break;
		}
		if (!pipe_full(pipe)) {
			void *page = pipe->tmp_page;
			if (!page)
				page = (void *)__get_free_page(GFP_KERNEL);
			if (!page) {
				if (!done)
					ret = -ENOMEM;
				break;
			}
			pipe->tmp_page = NULL;
			size_t n = min((size_t)PAGE_SIZE, count - done);
			memcpy(page, buf + done, n);
			struct pipe_buffer *b = pipe_slot(pipe, pipe->head);
			b->page = page;
			b->offset = 0;
			b->len = n;
			b->flags = packet ? PIPE_BUF_FLAG_PACKET : 0;
			pipe->head++;
			done += n;
			if (done == count)
				break;
			continue;
		}
		if (f->f_flags & O_NONBLOCK) {
			if (!done)
				ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!done)
				ret = -ERESTARTSYS;
			break;
		}
		/* Full: let the readers at what is there, then wait for room. */
		mutex_unlock(&pipe->mutex);
		if (done)
			wake_up_interruptible_poll(&pipe->rd_wait, POLLIN | POLLRDNORM);
		wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe));
		mutex_lock(&pipe->mutex);
	}
out:
	mutex_unlock(&pipe->mutex);
	if (done) {
		wake_up_interruptible_poll(&pipe->rd_wait, POLLIN | POLLRDNORM);
		return done;
	}
	return ret;
}

static unsigned int pipe_poll(struct file *f, poll_table *pt)
{
	struct pipe_inode_info *pipe = f->private_data;
	unsigned int mask = 0;

	if (f->f_mode & FMODE_READ)
		poll_wait(f, &pipe->rd_wait, pt);
	if (f->f_mode & FMODE_WRITE)
		poll_wait(f, &pipe->wr_wait, pt);
	/* A snapshot without the mutex (->poll must not sleep): registered
	 * first, so a change after this reading wakes the poller. */
	unsigned int head = READ_ONCE(pipe->head), tail = READ_ONCE(pipe->tail);
	if (f->f_mode & FMODE_READ) {
		if (head != tail)
			mask |= POLLIN | POLLRDNORM;
		if (!READ_ONCE(pipe->writers) && f->f_pipe != READ_ONCE(pipe->w_counter))
			mask |= POLLHUP;
	}
	if (f->f_mode & FMODE_WRITE) {
		if (head - tail < READ_ONCE(pipe->ring_size))
			mask |= POLLOUT | POLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = f->private_data;
	int count = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&pipe->mutex);
	for (unsigned int i = pipe->tail; i != pipe->head; i++)
		count += pipe_slot(pipe, i)->len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

static int pipe_release(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *pipe = f->private_data;

	mutex_lock(&pipe->mutex);
	if (f->f_mode & FMODE_READ)
		pipe->readers--;
	if (f->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	/* The other side may be waiting for data, room or a partner that
	 * will not come: all of them re-check (EOF, EPIPE, POLLHUP...). */
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	put_pipe_info(inode, pipe);
	return 0;
}

/* ---- FIFOs: opening a named pipe ---- */

/* Sleep until *cnt moves on from what it was (the partner opened). The
 * mutex is dropped while sleeping. 0, or -ERESTARTSYS on a signal. */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *cnt)
{
	unsigned int cur = *cnt;
	mutex_unlock(&pipe->mutex);
	int err = wait_event_interruptible(pipe->rd_wait, READ_ONCE(*cnt) != cur);
	mutex_lock(&pipe->mutex);
	return err ? -ERESTARTSYS : 0;
}

static void wake_up_partner(struct pipe_inode_info *pipe)
{
	wake_up_interruptible_all(&pipe->rd_wait);
}

/* ->open of an S_IFIFO inode: find or make the inode's ring and wait, as
 * the access mode says, for the other side. */
static int fifo_open(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *pipe, *fresh = NULL;
	int ret = 0;

	spin_lock(&inode->i_lock);
	pipe = inode->i_pipe;
	if (pipe)
		pipe->files++;
	spin_unlock(&inode->i_lock);
	if (!pipe) {
		fresh = alloc_pipe_info();
		if (!fresh)
			return -ENOMEM;
		spin_lock(&inode->i_lock);
		pipe = inode->i_pipe;	/* another opener may have been first */
		if (pipe) {
			pipe->files++;
		} else {
			pipe = inode->i_pipe = fresh;
			pipe->files = 1;
			fresh = NULL;
		}
		spin_unlock(&inode->i_lock);
		if (fresh)
			free_pipe_info(fresh);
	}
	f->private_data = pipe;
	f->f_pipe = 0;

	mutex_lock(&pipe->mutex);
	switch (f->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		if (pipe->readers++ == 0)
			wake_up_partner(pipe);
		if (!pipe->writers) {
			if (f->f_flags & O_NONBLOCK) {
				/* No POLLHUP until a writer has come and gone. */
				f->f_pipe = pipe->w_counter;
			} else if (wait_for_partner(pipe, &pipe->w_counter)) {
				if (!--pipe->readers)
					wake_up_interruptible_all(&pipe->wr_wait);
				ret = -ERESTARTSYS;
			}
		}
		break;
	case FMODE_WRITE:
		if ((f->f_flags & O_NONBLOCK) && !pipe->readers) {
			ret = -ENXIO;
			break;
		}
		pipe->w_counter++;
		if (pipe->writers++ == 0)
			wake_up_partner(pipe);
		if (!pipe->readers && wait_for_partner(pipe, &pipe->r_counter)) {
			if (!--pipe->writers)
				wake_up_interruptible_all(&pipe->rd_wait);
			ret = -ERESTARTSYS;
		}
		break;
	case FMODE_READ | FMODE_WRITE:
		/* POSIX leaves O_RDWR undefined; Linux opens without waiting. */
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		if (pipe->readers == 1 || pipe->writers == 1)
			wake_up_partner(pipe);
		break;
	default:
		ret = -EINVAL;
		break;
	}
	mutex_unlock(&pipe->mutex);
	if (ret)
		put_pipe_info(inode, pipe);	/* a failed open gets no ->release */
	return ret;
}

/* The file operations of every pipe and FIFO file (pipe(2) files never
 * call ->open: they are set up by create_pipe_files). */
const struct file_operations pipefifo_fops = {
	.llseek = no_llseek,	/* ESPIPE; the open clears FMODE_PREAD/PWRITE */
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.open = fifo_open,
	.release = pipe_release,
};

/* ---- fcntl F_GETPIPE_SZ / F_SETPIPE_SZ ---- */

static struct pipe_inode_info *get_pipe_info(struct file *f)
{
	if (f->f_op != &pipefifo_fops)
		return NULL;
	return f->private_data;
}

/* Move the ring into nr_slots slots (a power of two). -EBUSY if what is
 * in it would not fit, as Linux. Caller holds the mutex. */
static long pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	unsigned int n = pipe_occupancy(pipe);
	if (n > nr_slots)
		return -EBUSY;
	struct pipe_buffer *bufs = kzalloc(nr_slots * sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (unsigned int i = 0; i < n; i++)
		bufs[i] = *pipe_slot(pipe, pipe->tail + i);
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->tail = 0;
	pipe->head = n;
	pipe->ring_size = nr_slots;
	return 0;
}

long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(f);
	long ret;

	if (!pipe)
		return -EBADF;
	mutex_lock(&pipe->mutex);
	switch (cmd) {
	case F_GETPIPE_SZ:
		ret = (long)pipe->ring_size * PAGE_SIZE;
		break;
	case F_SETPIPE_SZ: {
		/* Whole pages, rounded up to a power of two slots. */
		unsigned long size = arg < PAGE_SIZE ? PAGE_SIZE : arg;
		if (arg > (1UL << 31)) {
			ret = -EINVAL;
			break;
		}
		unsigned int slots = 1;
		while ((unsigned long)slots * PAGE_SIZE < size)
			slots <<= 1;
		if ((unsigned long)slots * PAGE_SIZE > PIPE_MAX_SIZE && current->cred.euid != 0) {
			ret = -EPERM;
			break;
		}
		ret = pipe_resize_ring(pipe, slots);
		if (!ret)
			ret = (long)slots * PAGE_SIZE;
		break;
	}
	default:
		ret = -EINVAL;
		break;
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0 && cmd == F_SETPIPE_SZ)
		wake_up_interruptible_all(&pipe->wr_wait);	/* maybe more room */
	return ret;
}

/* ---- pipe(2) and pipe2(2) ---- */

/* An unnamed S_IFIFO inode on pipefs with its ring, both ends open. */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_sb);
	if (!inode)
		return NULL;
	struct pipe_inode_info *pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	inode_init_owner(inode, NULL, S_IFIFO | 0600);
	inode->i_fop = &pipefifo_fops;
	inode->i_pipe = pipe;
	pipe->files = 2;
	pipe->readers = pipe->writers = 1;
	return inode;
}

/* res[0] reads, res[1] writes. flags: O_NONBLOCK and O_DIRECT. */
static int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	if (!inode)
		return -ENFILE;
	/* The name /proc/<pid>/fd shows, as Linux's pipefs_dname. */
	char name[32];
	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	struct file *wf = alloc_file_pseudo(inode, name, O_WRONLY | flags, &pipefifo_fops);
	if (IS_ERR(wf)) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
		iput(inode);
		return PTR_ERR(wf);
	}
	wf->private_data = inode->i_pipe;
	/* The write end now owns the inode reference; the read end takes its
	 * own. */
	struct file *rf = alloc_file_pseudo(ihold(inode), name, O_RDONLY | flags, &pipefifo_fops);
	if (IS_ERR(rf)) {
		iput(inode);
		/* Closing the write end alone must not leave a reader count
		 * behind: drop the reader the ring was made with first. */
		inode->i_pipe->readers = 0;
		inode->i_pipe->files = 1;
		fput(wf);
		return PTR_ERR(rf);
	}
	rf->private_data = inode->i_pipe;
	res[0] = rf;
	res[1] = wf;
	return 0;
}

#define O_NOTIFICATION_PIPE O_EXCL	/* Linux's watch-queue pipes */

static long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2] = { NULL, NULL };
	int fd[2];
	int err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE))
		return -EINVAL;
	if (flags & O_NOTIFICATION_PIPE) {
		/* [LINUX-DIFF] no watch queues (kernel notifications) */
		pr_warn_once("pipe2: O_NOTIFICATION_PIPE not supported\n");
		return -EINVAL;
	}
	err = create_pipe_files(files, flags & (O_NONBLOCK | O_DIRECT));
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_files;
	}
	fd[1] = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd[1] < 0) {
		err = fd[1];
		goto out_fd0;
	}
	/* Install only once user space can learn the numbers. */
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		err = -EFAULT;
		put_unused_fd(fd[1]);
		goto out_fd0;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
out_fd0:
	put_unused_fd(fd[0]);
out_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

long sys_pipe2(int __user *fildes, int flags)
{
	return do_pipe2(fildes, flags);
}

long sys_pipe(int __user *fildes)
{
	return do_pipe2(fildes, 0);
}

/* pipefs: the super block unnamed pipe inodes live on (st_dev of a pipe).
 * Never mounted anywhere a path can reach. */
static struct file_system_type pipefs_fs_type = {
	.name = "pipefs",
};

static int __init init_pipe_fs(void)
{
	struct super_block *sb = sget_nodev(&pipefs_fs_type, NULL, PIPEFS_MAGIC);
	if (IS_ERR(sb))
		panic("pipefs: cannot make its super block");
	pipe_sb = sb;
	return 0;
}
fs_initcall(init_pipe_fs);
