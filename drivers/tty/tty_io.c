/* The tty character devices: /dev/console (5,1), /dev/tty (5,0) and
 * /dev/ttyS0 (4,64) are, for now, all the one serial console tty. Output
 * goes to the 8250 (polled); input arrives in the 8250's receive interrupt
 * and goes through N_TTY (drivers/tty/n_tty.c). ioctls: the termios
 * (TCGETS/TCSETS*), window size (TIOCGWINSZ 80x24 by default), FIONREAD,
 * TCFLSH, and the session/foreground-group bookkeeping (TIOCSCTTY,
 * TIOCGPGRP, TIOCSPGRP, TIOCGSID, TIOCNOTTY) that job control builds on.
 * Seed concept: "character device driver".
 *
 * The ttys are the console and the pty slaves (drivers/tty/pty.c), all on
 * tty_list. A session's controlling tty is the tty whose session field is
 * that session: /dev/tty opens the caller's (ENXIO without one); a session
 * leader without one acquires ttyS0 or a pty slave it opens (not with
 * O_NOCTTY; never /dev/console or /dev/tty), or takes one with TIOCSCTTY.
 * [LINUX-DIFF] no per-process signal->tty pointer: the tty's session field
 * is the one record, so TIOCNOTTY by a process that is not the leader
 * changes nothing (Linux drops that process's pointer only). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/tty.h>
#include <linux/serial.h>
#include <linux/console.h>
#include <linux/device.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/poll.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <uapi/linux/fcntl.h>

#define TTYAUX_MAJOR 5
#define TTY_MAJOR 4

struct tty_struct console_tty = { .name = "console" };

/* Every tty that can be someone's controlling terminal: the console and
 * the pty slaves. tty_list_lock (irqsave) guards the list and the ttys'
 * flags and count. */
DEFINE_SPINLOCK(tty_list_lock);
static LIST_HEAD(tty_list);

void tty_register_tty(struct tty_struct *tty)
{
	unsigned long flags;
	spin_lock_irqsave(&tty_list_lock, flags);
	list_add_tail(&tty->list, &tty_list);
	spin_unlock_irqrestore(&tty_list_lock, flags);
}

void tty_unregister_tty(struct tty_struct *tty)
{
	list_del_init(&tty->list);
}

/* The controlling tty of session sid, or NULL: the tty whose session it
 * is (Linux keeps signal->tty; here the tty's session field is the one
 * record of the pairing, so they cannot disagree). tty_list_lock held. */
static struct tty_struct *session_tty_locked(pid_t sid)
{
	struct tty_struct *tty;
	if (sid <= 0)
		return NULL;
	list_for_each_entry(tty, &tty_list, list)
		if (READ_ONCE(tty->session) == sid)
			return tty;
	return NULL;
}

static void serial_tty_write(struct tty_struct *tty, const char *s, size_t n)
{
	(void)tty;
	for (size_t i = 0; i < n; i++)
		serial8250_putc(s[i]);
}

static const struct tty_operations serial_tty_ops = {
	.write = serial_tty_write,
};

static void console_rx(char c)
{
	n_tty_receive_char(&console_tty, (unsigned char)c);
}

/* Take the serial input over on the first open: until then the 8250 keeps
 * received bytes in its own ring (the serial ktest reads them there). */
static void claim_serial_input(void)
{
	static DEFINE_SPINLOCK(claim_lock);
	static bool claimed;	/* [claim_lock] */
	char buf[64];
	int n;
	spin_lock(&claim_lock);
	bool first = !claimed;
	claimed = true;
	spin_unlock(&claim_lock);
	if (!first)
		return;
	serial8250_set_rx_hook(console_rx);
	/* Bytes typed before now: in order, before anything new (a byte that
	 * lands between the two lines above may overtake them). */
	while ((n = serial8250_read(buf, sizeof(buf))) > 0)
		for (int i = 0; i < n; i++)
			console_rx(buf[i]);
}

static int tty_open(struct inode *inode, struct file *f)
{
	dev_t d = inode->i_rdev;
	struct tty_struct *tty = &console_tty;
	unsigned long flags;
	if (MAJOR(d) == TTYAUX_MAJOR && MINOR(d) == 0) {
		/* /dev/tty: the caller's controlling terminal, ENXIO without. */
		spin_lock_irqsave(&tty_list_lock, flags);
		tty = session_tty_locked(current->session);
		if (tty && (tty->flags & TTY_HUPPED))
			tty = NULL;
		if (tty) {
			tty->count++;	/* keeps a pty pair alive */
			if (tty->link)	/* a pty slave is open again */
				tty->link->flags &= ~TTY_OTHER_CLOSED;
		}
		spin_unlock_irqrestore(&tty_list_lock, flags);
		if (!tty)
			return -ENXIO;
	}
	f->private_data = tty;
	if (tty == &console_tty) {
		claim_serial_input();
		/* ttyS0 becomes a session leader's terminal on open, as on
		 * Linux; /dev/console and /dev/tty never do. */
		if (MAJOR(d) == TTY_MAJOR)
			tty_open_set_ctty(tty, f);
	}
	return nonseekable_open(inode, f);	/* pread/pwrite: ESPIPE, as Linux */
}

int tty_release(struct inode *inode, struct file *f)
{
	struct tty_struct *tty = f->private_data;
	(void)inode;
	if (tty && tty->ops && tty->ops->close)
		tty->ops->close(tty, f);
	return 0;
}

void tty_open_set_ctty(struct tty_struct *tty, struct file *f)
{
	unsigned long flags;
	if ((f->f_flags & O_NOCTTY) || current->session != current->pid)
		return;
	spin_lock_irqsave(&tty_list_lock, flags);
	if (!session_tty_locked(current->session) && !tty->session &&
	    !(tty->flags & TTY_HUPPED)) {
		spin_lock(&tty->lock);
		tty->session = current->session;
		tty->pgrp = current->pgrp;
		spin_unlock(&tty->lock);
	}
	spin_unlock_irqrestore(&tty_list_lock, flags);
}

/* Take tty away from its session. A hang-up (@hangup) sends SIGHUP and
 * SIGCONT to the session leader (Linux's tty_signal_session_leader);
 * otherwise the foreground group gets SIGHUP, and SIGCONT too unless the
 * leader is exiting (@on_exit), as Linux's disassociate_ctty. */
static void tty_drop_session(struct tty_struct *tty, bool hangup, bool on_exit)
{
	unsigned long flags;
	spin_lock_irqsave(&tty->lock, flags);
	pid_t sid = tty->session, pgrp = tty->pgrp;
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (!hangup && pgrp > 0) {
		kill_pgrp_kernel(pgrp, SIGHUP);
		if (!on_exit)
			kill_pgrp_kernel(pgrp, SIGCONT);
	}
	if (hangup && sid > 0) {
		struct sigpending_info info = { .code = SI_KERNEL };
		struct task_struct *t;
		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry(t, &task_list, tasks)
			if (t->pid == sid && t->mm && !t->exit_state) {
				send_signal(t, SIGHUP, &info);
				send_signal(t, SIGCONT, &info);
			}
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
}

void tty_vhangup(struct tty_struct *tty)
{
	unsigned long flags;
	spin_lock_irqsave(&tty_list_lock, flags);
	tty->flags |= TTY_HUPPED;
	spin_unlock_irqrestore(&tty_list_lock, flags);
	tty_drop_session(tty, true, false);
	wake_up_interruptible(&tty->read_wait);
	wake_up_interruptible(&tty->write_wait);
}

/* [LINUX-DIFF] for a tty that is not a pty Linux hangs the whole tty up
 * here (tty_vhangup_session: the files open on it then read 0); a hang-up
 * is a per-tty flag here that would never clear on the console, so every
 * tty gets Linux's pty treatment: SIGHUP to the foreground group. */
void disassociate_ctty(void)
{
	unsigned long flags;
	if (current->session != current->pid)
		return;
	spin_lock_irqsave(&tty_list_lock, flags);
	struct tty_struct *tty = session_tty_locked(current->session);
	if (tty)
		tty->count++;	/* a pty pair stays while we use it */
	spin_unlock_irqrestore(&tty_list_lock, flags);
	if (!tty)
		return;
	tty_drop_session(tty, false, true);
	if (tty->ops && tty->ops->close) {
		tty->ops->close(tty, NULL);	/* the pty's put: may free the pair */
	} else {
		spin_lock_irqsave(&tty_list_lock, flags);
		tty->count--;
		spin_unlock_irqrestore(&tty_list_lock, flags);
	}
}

static bool is_current_tty(struct tty_struct *tty);

/* Job control (Linux's __tty_check_change): a process of the tty's session
 * but not of its foreground group that reads (sig SIGTTIN), writes with
 * TOSTOP or changes the tty's settings (SIGTTOU) gets the signal sent to
 * its whole group and the call restarts once it is continued. When it
 * ignores or blocks the signal, reads are EIO and the rest go ahead; an
 * orphaned group (no one to continue it) gets EIO. Files opened as
 * /dev/console are exempt, as Linux's redirected console. */
static bool opened_as_console(struct file *f)
{
	dev_t d = f->f_inode->i_rdev;
	return MAJOR(d) == TTYAUX_MAJOR && MINOR(d) == 1;
}

static bool tty_hung_up(struct tty_struct *tty)
{
	return READ_ONCE(tty->flags) & TTY_HUPPED;
}

static int tty_check_change(struct file *f, int sig)
{
	struct tty_struct *tty = f->private_data;
	if (opened_as_console(f) || !is_current_tty(tty))
		return 0;
	pid_t fg = READ_ONCE(tty->pgrp);
	if (!fg || current->pgrp == fg)
		return 0;
	struct task_signals *s = current->signals;
	/* Only the task itself changes these: a racy read is its own view. */
	bool ignored = s && (((READ_ONCE(s->blocked) >> (sig - 1)) & 1) ||
			     READ_ONCE(s->action[sig - 1].handler) == SIG_IGN);
	if (ignored)
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp_kernel(current->pgrp, sig);
	return -ERESTARTSYS;
}

ssize_t tty_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)pos;
	if (tty_hung_up(f->private_data))
		return 0;	/* as Linux's hung_up_tty_read */
	int err = tty_check_change(f, SIGTTIN);
	if (err)
		return err;
	return n_tty_read(f->private_data, f, buf, count);
}

ssize_t tty_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = f->private_data;
	(void)pos;
	if (tty_hung_up(tty))
		return -EIO;
	if (READ_ONCE(tty->termios.c_lflag) & TOSTOP) {
		int err = tty_check_change(f, SIGTTOU);
		if (err)
			return err;
	}
	return n_tty_write(tty, f, buf, count);
}

static loff_t tty_llseek(struct file *f, loff_t off, int whence)
{
	(void)f; (void)off; (void)whence;
	return -ESPIPE;
}

/* Readable when a line (canonical) or a byte (raw) is waiting; output
 * never blocks. n_tty_receive_char wakes read_wait. */
unsigned int tty_poll(struct file *f, poll_table *pt)
{
	struct tty_struct *tty = f->private_data;
	poll_wait(f, &tty->read_wait, pt);
	if (tty->ops->write_room)
		poll_wait(f, &tty->write_wait, pt);
	if (tty_hung_up(tty))
		return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
	unsigned int mask = 0;
	if (!tty->ops->write_room || tty->ops->write_room(tty) >= 128)
		mask |= POLLOUT | POLLWRNORM;
	if (n_tty_input_available(tty))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	struct sigpending_info info = { .code = SI_KERNEL };
	struct task_struct *t;
	unsigned long flags;
	spin_lock_irqsave(&tty->lock, flags);
	pid_t pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (pgrp <= 0)
		return;
	/* tasklist_lock is always taken with interrupts off: safe here. */
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (t->pgrp == pgrp && t->mm && !t->exit_state)
			send_signal(t, sig, &info);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* Does a live process of session sid remain? [LINUX-DIFF] Linux drops the
 * controlling tty when the session leader exits; we notice at the next
 * TIOCSCTTY that nobody is left. */
static bool session_alive(pid_t sid)
{
	struct task_struct *t;
	unsigned long flags;
	bool alive = false;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (t->session == sid && t->mm && !t->exit_state) {
			alive = true;
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return alive;
}

/* TIOCSPGRP: is there a live process of group pgrp (in session sid)? */
static bool pgrp_member(pid_t pgrp, pid_t sid, bool any_session)
{
	struct task_struct *t;
	unsigned long flags;
	bool found = false;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (t->pgrp == pgrp && !t->exit_state && (any_session || t->session == sid)) {
			found = true;
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static bool pgrp_in_session(pid_t pgrp, pid_t sid)
{
	return pgrp_member(pgrp, sid, false);
}

static bool pgrp_exists(pid_t pgrp)
{
	return pgrp_member(pgrp, 0, true);
}

/* Is tty the caller's controlling terminal? (See the LINUX-DIFF above.) */
static bool is_current_tty(struct tty_struct *tty)
{
	return tty->session && tty->session == current->session;
}

long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = f->private_data;
	void __user *p = (void __user *)arg;
	unsigned long flags;
	if (tty->flags & TTY_PTY_MASTER) {
		/* The master's own calls; the termios, window and job-control
		 * ones act on the slave, as Linux's tty_mode_ioctl. */
		long r = pty_master_ioctl(tty, cmd, arg);
		if (r != -ENOIOCTLCMD)
			return r;
		tty = tty->link;
	} else if (tty_hung_up(tty)) {
		return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
	}
	switch (cmd) {
	case TCGETS: {
		struct termios t;
		spin_lock_irqsave(&tty->lock, flags);
		t = tty->termios;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	}
	case TCSETS:
	case TCSETSW:	/* output is synchronous: nothing to drain */
	case TCSETSF: {
		struct termios t;
		int err = tty_check_change(f, SIGTTOU);
		if (err)
			return err;
		if (copy_from_user(&t, p, sizeof(t)))
			return -EFAULT;
		if (cmd == TCSETSF)
			n_tty_flush_input(tty);
		spin_lock_irqsave(&tty->lock, flags);
		tty->termios = t;
		spin_unlock_irqrestore(&tty->lock, flags);
		n_tty_set_termios(tty);
		return 0;
	}
	case TIOCGWINSZ: {
		struct winsize w;
		spin_lock_irqsave(&tty->lock, flags);
		w = tty->winsize;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user(p, &w, sizeof(w)) ? -EFAULT : 0;
	}
	case TIOCSWINSZ: {
		struct winsize w;
		if (copy_from_user(&w, p, sizeof(w)))
			return -EFAULT;
		spin_lock_irqsave(&tty->lock, flags);
		bool changed = memcmp(&tty->winsize, &w, sizeof(w)) != 0;
		tty->winsize = w;
		pid_t fg = tty->pgrp;
		spin_unlock_irqrestore(&tty->lock, flags);
		if (changed && fg > 0)
			kill_pgrp_kernel(fg, SIGWINCH);
		return 0;
	}
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(tty), (int __user *)p);
	case TCFLSH: {
		int err = tty_check_change(f, SIGTTOU);
		if (err)
			return err;
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			n_tty_flush_input(tty);
		return 0;
	}
	case TCSBRK:
	case TCXONC:
		return 0;	/* no break to send, no flow control */
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);	/* output is synchronous */
	case TIOCSCTTY:
		/* A session leader without a terminal takes this one (root
		 * may steal it from another session with arg 1). */
		if (is_current_tty(tty))
			return 0;	/* already ours */
		if (current->session != current->pid)
			return -EPERM;
		spin_lock_irqsave(&tty_list_lock, flags);
		bool has_other = session_tty_locked(current->session) != NULL;
		spin_unlock_irqrestore(&tty_list_lock, flags);
		if (has_other)
			return -EPERM;
		pid_t old = READ_ONCE(tty->session);
		bool stale = old && old != current->session && !session_alive(old);
		spin_lock_irqsave(&tty->lock, flags);
		if (tty->session && tty->session != current->session && !stale &&
		    !(arg == 1 && current->cred.euid == 0)) {
			spin_unlock_irqrestore(&tty->lock, flags);
			return -EPERM;
		}
		tty->session = current->session;
		tty->pgrp = current->pgrp;
		spin_unlock_irqrestore(&tty->lock, flags);
		return 0;
	case TIOCNOTTY:
		if (!is_current_tty(tty))
			return -ENOTTY;
		/* The leader gives the terminal up for the whole session:
		 * SIGHUP and SIGCONT to the foreground group, as Linux. */
		if (current->session == current->pid)
			tty_drop_session(tty, false, false);
		return 0;
	case TIOCGPGRP:
		if (!is_current_tty(tty))
			return -ENOTTY;
		return put_user(tty->pgrp, (pid_t __user *)p);
	case TIOCSPGRP: {
		pid_t pgrp;
		if (!is_current_tty(tty))
			return -ENOTTY;
		int err = tty_check_change(f, SIGTTOU);
		if (err)
			return err;
		if (get_user(pgrp, (pid_t __user *)p))
			return -EFAULT;
		if (pgrp < 0)
			return -EINVAL;
		if (!pgrp_in_session(pgrp, tty->session))
			return pgrp_exists(pgrp) ? -EPERM : -ESRCH;
		spin_lock_irqsave(&tty->lock, flags);
		tty->pgrp = pgrp;
		spin_unlock_irqrestore(&tty->lock, flags);
		return 0;
	}
	case TIOCGSID:
		if (!is_current_tty(tty))
			return -ENOTTY;
		return put_user(tty->session, (pid_t __user *)p);
	}
	return -ENOTTY;
}

const struct file_operations tty_fops = {
	.llseek = tty_llseek,
	.read = tty_read,
	.write = tty_write,
	.unlocked_ioctl = tty_ioctl,
	.poll = tty_poll,
	.open = tty_open,
	.release = tty_release,
};

dev_t tty_devnum_of_session(pid_t sid, pid_t *fg_pgrp)
{
	unsigned long flags;
	dev_t dev = 0;
	*fg_pgrp = -1;
	if (sid <= 0)
		return 0;
	spin_lock_irqsave(&tty_list_lock, flags);
	struct tty_struct *tty = session_tty_locked(sid);
	if (tty) {
		dev = tty->dev;	/* the console is ttyS0, as Linux reports it */
		pid_t fg = READ_ONCE(tty->pgrp);
		*fg_pgrp = fg ? fg : -1;
	}
	spin_unlock_irqrestore(&tty_list_lock, flags);
	return dev;
}

static int __init tty_init(void)
{
	console_tty.ops = &serial_tty_ops;
	console_tty.dev = MKDEV(TTY_MAJOR, 64);
	n_tty_init(&console_tty);
	tty_register_tty(&console_tty);
	int err = __register_chrdev(TTYAUX_MAJOR, 0, 2, "tty/console", &tty_fops);
	if (err >= 0)
		err = __register_chrdev(TTY_MAJOR, 64, 1, "ttyS", &tty_fops);
	if (err < 0) {
		pr_err("tty: cannot register the console devices: %d\n", err);
		return err;
	}
	devtmpfs_create_node("tty", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 0));
	devtmpfs_create_node("console", S_IFCHR | 0600, MKDEV(TTYAUX_MAJOR, 1));
	devtmpfs_create_node("ttyS0", S_IFCHR | 0600, MKDEV(TTY_MAJOR, 64));
	return 0;
}
device_initcall(tty_init);
