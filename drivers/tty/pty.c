/* Pseudo-terminals (Unix98): opening /dev/ptmx (5,2) makes a pair, the
 * master on the opened file and the slave at /dev/pts/<n> (136,n) in the
 * devpts file system (fs/devpts). Bytes written to the master are the
 * slave's typed input, through the slave's N_TTY (editing, echo, ^C...);
 * what the slave writes (after its output processing), echo included,
 * is the master's input. The master has an N_TTY of its own held raw
 * (no echo, no editing, no signals): its termios ioctls act on the slave,
 * as on Linux. Seed concept: "character device driver" (a tty with no
 * hardware behind it: terminal emulators, script, sshd).
 *
 * Lifetime: pty_mutex guards the table of pairs; each side counts its open
 * files under tty_list_lock. The master's last close hangs the slave up
 * (SIGHUP+SIGCONT to its session, reads 0, writes EIO) and removes
 * /dev/pts/<n>; the slave's last close makes master reads EIO. The pair is
 * freed when neither side is open.
 * Lock order: slave->lock, then master->lock (the slave's echo feeds the
 * master under the slave's lock; the master never echoes).
 * A writer on either side waits while the other side's input is full
 * (master: the slave's N_TTY buffer; slave: the master's), woken by reads
 * (n_tty_read wakes link->write_wait); echo cannot wait and is dropped
 * then. [LINUX-DIFF] one devpts instance (no newinstance); no packet mode. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/tty.h>
#include <linux/device.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/poll.h>
#include <linux/mutex.h>
#include <linux/file.h>
#include <uapi/linux/fcntl.h>

#define TTYAUX_MAJOR 5
#define UNIX98_PTY_SLAVE_MAJOR 136
#define NR_PTYS 64

#define TIOCGPTN	0x80045430
#define TIOCSPTLCK	0x40045431
#define TIOCGPTLCK	0x80045439
#define TIOCGPTPEER	0x5441

struct pty_pair {
	struct tty_struct master, slave;
};

static DEFINE_MUTEX(pty_mutex);
static struct pty_pair *ptys[NR_PTYS];	/* [pty_mutex] */

/* Slave output (and echo) becomes the master's input. Any context. */
static void pty_slave_write(struct tty_struct *tty, const char *s, size_t n)
{
	struct tty_struct *m = tty->link;
	if (READ_ONCE(tty->flags) & TTY_HUPPED)
		return;
	for (size_t i = 0; i < n; i++)
		n_tty_receive_char(m, (unsigned char)s[i]);
}

/* The master's N_TTY is raw and never echoes: nothing goes out. */
static void pty_master_write_out(struct tty_struct *tty, const char *s, size_t n)
{
	(void)tty; (void)s; (void)n;
}

/* Room in the master's input for the slave's output. */
static unsigned int pty_slave_write_room(struct tty_struct *tty)
{
	return n_tty_receive_room(tty->link);
}

static void pty_free_if_unused(struct pty_pair *p)
{
	/* pty_mutex held */
	unsigned long flags;
	spin_lock_irqsave(&tty_list_lock, flags);
	bool unused = !p->master.count && !p->slave.count;
	if (unused)
		tty_unregister_tty(&p->slave);
	spin_unlock_irqrestore(&tty_list_lock, flags);
	if (!unused)
		return;
	ptys[p->slave.index] = NULL;
	kfree(p);
}

static void pty_close(struct tty_struct *tty, struct file *f)
{
	unsigned long flags;
	struct pty_pair *p;
	(void)f;
	mutex_lock(&pty_mutex);
	bool master = tty->flags & TTY_PTY_MASTER;
	p = master ? container_of(tty, struct pty_pair, master) :
		     container_of(tty, struct pty_pair, slave);
	spin_lock_irqsave(&tty_list_lock, flags);
	bool last = --tty->count == 0;
	/* Either side's last close: a read asleep on the other side wakes
	 * to EIO, as Linux (a hung-up slave's new reads see 0). */
	if (last)
		tty->link->flags |= TTY_OTHER_CLOSED;
	spin_unlock_irqrestore(&tty_list_lock, flags);
	if (last && master) {
		devpts_pty_kill(tty->index);
		tty_vhangup(tty->link);
	} else if (last) {
		wake_up_interruptible(&tty->link->read_wait);
		wake_up_interruptible(&tty->link->write_wait);
	}
	pty_free_if_unused(p);
	mutex_unlock(&pty_mutex);
}

static int pty_count_open(struct tty_struct *tty, struct file *f)
{
	(void)f;
	unsigned long flags;
	spin_lock_irqsave(&tty_list_lock, flags);
	tty->count++;
	spin_unlock_irqrestore(&tty_list_lock, flags);
	return 0;
}

static const struct tty_operations pty_master_ops = {
	.write = pty_master_write_out,
	.close = pty_close,
};

static const struct tty_operations pty_slave_ops = {
	.write = pty_slave_write,
	.write_room = pty_slave_write_room,
	.open = pty_count_open,
	.close = pty_close,
};

/* Master read: what the slave wrote. */
static ssize_t ptm_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)pos;
	return n_tty_read(f->private_data, f, buf, count);
}

static bool ptm_can_write(struct tty_struct *m)
{
	return n_tty_receive_room(m->link) || (READ_ONCE(m->flags) & TTY_OTHER_CLOSED);
}

/* Master write: the slave's typed input. Waits while the slave's input
 * buffer is full (EAGAIN with O_NONBLOCK) and the slave is open. */
static ssize_t ptm_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *m = f->private_data, *s = m->link;
	size_t done = 0;
	(void)pos;
	mutex_lock(&m->write_mutex);
	while (done < count) {
		unsigned int r = n_tty_receive_room(s);
		if (!r && (READ_ONCE(m->flags) & TTY_OTHER_CLOSED))
			r = count - done;	/* nobody will read: as a full line, dropped */
		if (!r) {
			int err = (f->f_flags & O_NONBLOCK) ? -EAGAIN :
				  wait_event_interruptible(m->write_wait, ptm_can_write(m));
			if (err) {
				mutex_unlock(&m->write_mutex);
				return done ? (ssize_t)done : err;
			}
			continue;
		}
		for (size_t end = done + min((size_t)r, count - done); done < end; done++)
			n_tty_receive_char(s, (unsigned char)buf[done]);
	}
	mutex_unlock(&m->write_mutex);
	return done;
}

static unsigned int ptm_poll(struct file *f, poll_table *pt)
{
	struct tty_struct *m = f->private_data;
	poll_wait(f, &m->read_wait, pt);
	poll_wait(f, &m->write_wait, pt);
	unsigned int mask = 0;
	if (n_tty_receive_room(m->link))
		mask |= POLLOUT | POLLWRNORM;
	if (n_tty_input_available(m))
		mask |= POLLIN | POLLRDNORM;
	if (READ_ONCE(m->flags) & TTY_OTHER_CLOSED)
		mask |= POLLHUP;
	return mask;
}

static int ptm_release(struct inode *inode, struct file *f)
{
	return tty_release(inode, f);
}

static loff_t pty_llseek(struct file *f, loff_t off, int whence)
{
	(void)f; (void)off; (void)whence;
	return -ESPIPE;
}

static const struct file_operations ptm_fops;

static int ptmx_open(struct inode *inode, struct file *f)
{
	struct pty_pair *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int idx;
	if (!p)
		return -ENOMEM;
	mutex_lock(&pty_mutex);
	for (idx = 0; idx < NR_PTYS && ptys[idx]; idx++)
		;
	if (idx == NR_PTYS) {
		mutex_unlock(&pty_mutex);
		kfree(p);
		return -ENOSPC;
	}
	struct tty_struct *m = &p->master, *s = &p->slave;
	n_tty_init(m);
	n_tty_init(s);
	/* Linux's pty master init_termios: raw, 8 bits. */
	m->termios.c_iflag = 0;
	m->termios.c_oflag = 0;
	m->termios.c_lflag = 0;
	m->termios.c_cflag = B38400 | CS8 | CREAD;
	m->name = "ptm";
	s->name = "pts";
	m->ops = &pty_master_ops;
	s->ops = &pty_slave_ops;
	m->link = s;
	s->link = m;
	m->index = s->index = idx;
	m->dev = MKDEV(TTYAUX_MAJOR, 2);
	s->dev = MKDEV(UNIX98_PTY_SLAVE_MAJOR, idx);
	m->flags = TTY_PTY_MASTER;
	s->flags = TTY_PTY_LOCK;
	m->count = 1;
	INIT_LIST_HEAD(&m->list);
	int err = devpts_pty_new(idx);
	if (err) {
		mutex_unlock(&pty_mutex);
		kfree(p);
		return err;
	}
	ptys[idx] = p;
	tty_register_tty(s);
	mutex_unlock(&pty_mutex);
	f->private_data = m;
	f->f_op = &ptm_fops;
	return nonseekable_open(inode, f);
}

static const struct file_operations ptm_fops = {
	.llseek = pty_llseek,
	.read = ptm_read,
	.write = ptm_write,
	.unlocked_ioctl = tty_ioctl,
	.poll = ptm_poll,
	.open = ptmx_open,
	.release = ptm_release,
};

/* Open the slave of pair p (pty_mutex held): EIO while locked, as Linux. */
static int pts_open_pair(struct pty_pair *p, struct file *f)
{
	unsigned long flags;
	int err = 0;
	spin_lock_irqsave(&tty_list_lock, flags);
	if (p->slave.flags & TTY_PTY_LOCK)
		err = -EIO;
	else if (!p->master.count)
		err = -EIO;
	else {
		p->slave.count++;
		p->master.flags &= ~TTY_OTHER_CLOSED;
	}
	spin_unlock_irqrestore(&tty_list_lock, flags);
	if (err)
		return err;
	f->private_data = &p->slave;
	tty_open_set_ctty(&p->slave, f);
	return 0;
}

static int pts_open(struct inode *inode, struct file *f)
{
	unsigned int idx = MINOR(inode->i_rdev);
	int err;
	mutex_lock(&pty_mutex);
	if (idx >= NR_PTYS || !ptys[idx])
		err = -ENXIO;
	else
		err = pts_open_pair(ptys[idx], f);
	mutex_unlock(&pty_mutex);
	if (err)
		return err;
	return nonseekable_open(inode, f);
}

static const struct file_operations pts_fops = {
	.llseek = pty_llseek,
	.read = tty_read,
	.write = tty_write,
	.unlocked_ioctl = tty_ioctl,
	.poll = tty_poll,
	.open = pts_open,
	.release = tty_release,
};

long pty_master_ioctl(struct tty_struct *m, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	unsigned long flags;
	switch (cmd) {
	case TIOCGPTN:
		return put_user((unsigned int)m->index, (unsigned int __user *)p);
	case TIOCSPTLCK: {
		int lock;
		if (get_user(lock, (int __user *)p))
			return -EFAULT;
		spin_lock_irqsave(&tty_list_lock, flags);
		if (lock)
			m->link->flags |= TTY_PTY_LOCK;
		else
			m->link->flags &= ~TTY_PTY_LOCK;
		spin_unlock_irqrestore(&tty_list_lock, flags);
		return 0;
	}
	case TIOCGPTLCK:
		return put_user((READ_ONCE(m->link->flags) & TTY_PTY_LOCK) ? 1 : 0, (int __user *)p);
	case TIOCGPTPEER: {
		/* Linux's ptm_open_peer: the slave opened through its devpts
		 * node, whatever the caller's /dev/pts is. */
		int fd = get_unused_fd_flags((unsigned int)arg & O_CLOEXEC);
		if (fd < 0)
			return fd;
		struct file *f = devpts_open_pty(m->index, (int)arg & ~O_CLOEXEC);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			return PTR_ERR(f);
		}
		fd_install(fd, f);
		return fd;
	}
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(m), (int __user *)p);
	case TIOCSCTTY:
	case TIOCNOTTY:
		return -ENOTTY;	/* [LINUX-DIFF] a master is nobody's terminal here */
	}
	return -ENOIOCTLCMD;
}

static int __init pty_init(void)
{
	int err = __register_chrdev(TTYAUX_MAJOR, 2, 1, "ptmx", &ptm_fops);
	if (err >= 0)
		err = __register_chrdev(UNIX98_PTY_SLAVE_MAJOR, 0, NR_PTYS, "pts", &pts_fops);
	if (err < 0) {
		pr_err("pty: cannot register: %d\n", err);
		return err;
	}
	devtmpfs_create_node("ptmx", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 2));
	return 0;
}
device_initcall(pty_init);
