/* N_TTY, the default line discipline: what a terminal does between the
 * wire and read(2)/write(2). Input: CR/NL mapping (ICRNL, INLCR, IGNCR),
 * and in canonical mode (ICANON) line editing — erase (VERASE, and ^H),
 * kill (VKILL), word erase (VWERASE), end of file (VEOF) — with reads
 * returning whole lines; in raw mode every byte is readable at once.
 * Echo (ECHO, ECHOE, ECHOK, ECHOCTL, ECHONL) and output processing (OPOST,
 * ONLCR). Seed concept: "character device driver" (the terminal).
 *
 * n_tty_receive_char runs in the serial receive interrupt and takes
 * tty->lock with interrupts off; readers take the same lock briefly and
 * sleep on tty->read_wait. Echo is written from the interrupt, so the
 * driver's write must not sleep (the 8250 polls its transmitter).
 * ISIG: ^C, ^\ and ^Z send SIGINT, SIGQUIT and SIGTSTP to the tty's
 * foreground process group (none until a session leader takes the tty
 * with TIOCSCTTY, as Linux's console for an init without a terminal) and
 * drop pending input unless NOFLSH.
 * Raw reads honour VMIN and VTIME (n_tty_wait).
 * [LINUX-DIFF] no flow control (IXON), no VLNEXT/VREPRINT; tabs erase as
 * one column. */
#include <linux/kernel.h>
#include <linux/tty.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <linux/signal.h>
#include <uapi/linux/fcntl.h>

#define L(tty, f) ((tty)->termios.c_lflag & (f))
#define I(tty, f) ((tty)->termios.c_iflag & (f))
#define O(tty, f) ((tty)->termios.c_oflag & (f))
#define CC(tty, i) ((tty)->termios.c_cc[i])

static bool is_cntrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

void n_tty_init(struct tty_struct *tty)
{
	static const cc_t init_cc[NCCS] = {
		[VINTR] = 3, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 4, [VTIME] = 0, [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023,
		[VSUSP] = 032, [VREPRINT] = 022, [VDISCARD] = 017, [VWERASE] = 027,
		[VLNEXT] = 026,
	};
	spin_lock_init(&tty->lock);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	mutex_init(&tty->read_mutex);
	mutex_init(&tty->write_mutex);
	/* Linux's tty_std_termios. */
	tty->termios.c_iflag = ICRNL | IXON;
	tty->termios.c_oflag = OPOST | ONLCR;
	tty->termios.c_cflag = B38400 | CS8 | CREAD | HUPCL;
	tty->termios.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(tty->termios.c_cc, init_cc, sizeof(init_cc));
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
}

/* Output one byte with OPOST processing into out (room for 2); returns
 * the bytes produced. Caller holds tty->lock (column). */
static size_t process_out(struct tty_struct *tty, unsigned char c, char *out)
{
	size_t n = 0;
	if (c == '\n' && O(tty, OPOST) && O(tty, ONLCR)) {
		out[n++] = '\r';
		tty->column = 0;
	} else if (c == '\r') {
		tty->column = 0;
	} else if (c == '\b') {
		if (tty->column)
			tty->column--;
	} else if (c == '\t') {
		tty->column = (tty->column | 7) + 1;
	} else if (!is_cntrl(c)) {
		tty->column++;
	}
	out[n++] = c;
	return n;
}

static void out_bytes(struct tty_struct *tty, const char *s, size_t n)
{
	char buf[2];
	for (size_t i = 0; i < n; i++)
		tty->ops->write(tty, buf, process_out(tty, s[i], buf));
}

/* Echo an input byte: controls as ^X under ECHOCTL (not NL or TAB). */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (!L(tty, ECHO)) {
		if (c == '\n' && L(tty, ECHONL) && L(tty, ICANON))
			out_bytes(tty, "\n", 1);
		return;
	}
	if (L(tty, ECHOCTL) && is_cntrl(c) && c != '\n' && c != '\t') {
		char s[2] = { '^', (char)(c ^ 0x40) };
		out_bytes(tty, s, 2);
	} else {
		out_bytes(tty, (char *)&c, 1);
	}
}

static unsigned int room(struct tty_struct *tty)
{
	return N_TTY_BUF_SIZE - (tty->read_head - tty->read_tail);
}

static void put_byte(struct tty_struct *tty, unsigned char c, unsigned char flag)
{
	unsigned int i = tty->read_head++ % N_TTY_BUF_SIZE;
	tty->read_buf[i] = c;
	tty->read_flags[i] = flag;
}

/* Remove the last byte of the line being edited; false if there is none. */
static bool erase_one(struct tty_struct *tty, bool echo)
{
	if (tty->read_head == tty->canon_head)
		return false;
	unsigned char c = tty->read_buf[--tty->read_head % N_TTY_BUF_SIZE];
	if (echo && L(tty, ECHO)) {
		if (L(tty, ECHOE)) {
			int w = (L(tty, ECHOCTL) && is_cntrl(c) && c != '\t') ? 2 : 1;
			while (w--)
				tty->ops->write(tty, "\b \b", 3);
			if (tty->column)
				tty->column--;
		} else {
			echo_char(tty, CC(tty, VERASE));
		}
	}
	return true;
}

static bool is_cc(struct tty_struct *tty, unsigned char c, int idx)
{
	return CC(tty, idx) && c == CC(tty, idx);	/* 0 disables a control char */
}

void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	unsigned long flags;
	bool wake = false;
	int sig = 0;
	spin_lock_irqsave(&tty->lock, flags);
	if (L(tty, ISIG)) {
		if (is_cc(tty, c, VINTR))
			sig = SIGINT;
		else if (is_cc(tty, c, VQUIT))
			sig = SIGQUIT;
		else if (is_cc(tty, c, VSUSP))
			sig = SIGTSTP;
		if (sig) {
			if (!L(tty, NOFLSH))
				tty->read_tail = tty->canon_head = tty->read_head;
			echo_char(tty, c);
			goto out;
		}
	}
	if (c == '\r') {
		if (I(tty, IGNCR))
			goto out;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (!L(tty, ICANON)) {
		if (!room(tty))
			goto out;	/* full: the byte is lost, as on Linux */
		put_byte(tty, c, 0);
		echo_char(tty, c);
		tty->canon_head = tty->read_head;
		wake = true;
		goto out;
	}
	if (is_cc(tty, c, VERASE) || c == '\b') {
		erase_one(tty, true);
		goto out;
	}
	if (is_cc(tty, c, VKILL)) {
		while (erase_one(tty, L(tty, ECHOKE) || L(tty, ECHOE)))
			;
		if (L(tty, ECHO) && L(tty, ECHOK) && !L(tty, ECHOKE) && !L(tty, ECHOE))
			out_bytes(tty, "\n", 1);
		goto out;
	}
	if (L(tty, IEXTEN) && is_cc(tty, c, VWERASE)) {
		/* Trailing blanks, then the word before them. */
		while (tty->read_head != tty->canon_head &&
		       tty->read_buf[(tty->read_head - 1) % N_TTY_BUF_SIZE] == ' ')
			erase_one(tty, true);
		while (tty->read_head != tty->canon_head &&
		       tty->read_buf[(tty->read_head - 1) % N_TTY_BUF_SIZE] != ' ')
			erase_one(tty, true);
		goto out;
	}
	if (is_cc(tty, c, VEOF)) {
		if (!room(tty))
			goto out;
		put_byte(tty, 0, N_TTY_EOF);	/* ends the line; read returns what is before it */
		tty->canon_head = tty->read_head;
		wake = true;
		goto out;
	}
	if (c == '\n' || is_cc(tty, c, VEOL) || is_cc(tty, c, VEOL2)) {
		if (!room(tty))
			goto out;
		put_byte(tty, c, N_TTY_EOL);
		echo_char(tty, c);
		tty->canon_head = tty->read_head;
		wake = true;
		goto out;
	}
	/* Keep one slot for the newline that ends the line. */
	if (room(tty) <= 1)
		goto out;
	put_byte(tty, c, 0);
	echo_char(tty, c);
out:
	spin_unlock_irqrestore(&tty->lock, flags);
	if (wake)
		wake_up_interruptible(&tty->read_wait);
	if (sig)
		tty_signal_pgrp(tty, sig);
}

bool n_tty_input_available(struct tty_struct *tty)
{
	unsigned long flags;
	spin_lock_irqsave(&tty->lock, flags);
	bool r = tty->canon_head != tty->read_tail;
	spin_unlock_irqrestore(&tty->lock, flags);
	return r;
}

unsigned int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	unsigned long flags;
	unsigned int n = 0;
	spin_lock_irqsave(&tty->lock, flags);
	for (unsigned int i = tty->read_tail; i != tty->canon_head; i++)
		if (tty->read_flags[i % N_TTY_BUF_SIZE] != N_TTY_EOF)
			n++;
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

void n_tty_flush_input(struct tty_struct *tty)
{
	unsigned long flags;
	spin_lock_irqsave(&tty->lock, flags);
	tty->read_tail = tty->canon_head = tty->read_head;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (tty->link)
		wake_up_interruptible(&tty->link->write_wait);
}

unsigned int n_tty_receive_room(struct tty_struct *tty)
{
	unsigned long flags;
	spin_lock_irqsave(&tty->lock, flags);
	unsigned int r = room(tty);
	/* A canonical line that filled the buffer: nothing a reader takes
	 * frees room, so the bytes go (and are dropped) rather than wait. */
	if (L(tty, ICANON) && tty->canon_head == tty->read_tail && r < 1)
		r = 1;
	spin_unlock_irqrestore(&tty->lock, flags);
	return r;
}

/* A pty slave writer: room for a whole chunk in the master, or the master
 * gone (then EIO). */
static bool n_tty_can_write(struct tty_struct *tty, unsigned int want)
{
	return (READ_ONCE(tty->flags) & (TTY_HUPPED | TTY_OTHER_CLOSED)) ||
	       tty->ops->write_room(tty) >= want;
}

/* Called after termios changed (tty->lock not held). Leaving canonical
 * mode makes the partial line readable. */
void n_tty_set_termios(struct tty_struct *tty)
{
	unsigned long flags;
	spin_lock_irqsave(&tty->lock, flags);
	if (!L(tty, ICANON))
		tty->canon_head = tty->read_head;
	spin_unlock_irqrestore(&tty->lock, flags);
	wake_up_interruptible(&tty->read_wait);
}

/* At least want bytes readable (canonical: complete-line bytes)? */
static bool n_tty_has(struct tty_struct *tty, unsigned int want)
{
	unsigned long flags;
	spin_lock_irqsave(&tty->lock, flags);
	bool r = tty->canon_head - tty->read_tail >= want;
	spin_unlock_irqrestore(&tty->lock, flags);
	/* A pty whose other side went away: stop waiting (EIO or EOF). */
	return r || (READ_ONCE(tty->flags) & (TTY_OTHER_CLOSED | TTY_HUPPED));
}

/* Sleep until a read of count bytes may go ahead. Canonical: a complete
 * line. Raw, by VMIN and VTIME (tenths of a second) as POSIX says:
 * 0/0 never waits; 0/T waits up to T for one byte; M/0 waits for
 * min(M, count) bytes; M/T waits for one byte, then up to T for the rest
 * ([LINUX-DIFF] T bounds the whole rest, not each gap between bytes).
 * O_NONBLOCK: EAGAIN when nothing is there, else no waiting. 0 (go and
 * take what is there, maybe nothing), -EAGAIN or -ERESTARTSYS. */
static int n_tty_wait(struct tty_struct *tty, struct file *f, size_t count)
{
	if (L(tty, ICANON) || (f->f_flags & O_NONBLOCK)) {
		if (n_tty_has(tty, 1))
			return 0;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		return wait_event_interruptible(tty->read_wait, n_tty_has(tty, 1));
	}
	unsigned int vmin = CC(tty, VMIN), vtime = CC(tty, VTIME);
	unsigned int want = vmin ? (unsigned int)min((size_t)vmin, count) : 1;
	long timeout = max(1L, (long)vtime * HZ / 10);
	long r;
	if (!vmin && !vtime)
		return 0;
	if (!vmin) {
		r = wait_event_interruptible_timeout(tty->read_wait, n_tty_has(tty, 1), timeout);
		return r < 0 ? (int)r : 0;
	}
	if (!vtime)
		return wait_event_interruptible(tty->read_wait, n_tty_has(tty, want));
	int err = wait_event_interruptible(tty->read_wait, n_tty_has(tty, 1));
	if (err)
		return err;
	r = wait_event_interruptible_timeout(tty->read_wait, n_tty_has(tty, want), timeout);
	return r < 0 ? (int)r : 0;
}

ssize_t n_tty_read(struct tty_struct *tty, struct file *f, char *buf, size_t count)
{
	unsigned long flags;
	size_t n = 0;
	if (!count)
		return 0;
	mutex_lock(&tty->read_mutex);
	int err = n_tty_wait(tty, f, count);
	if (err) {
		mutex_unlock(&tty->read_mutex);
		return err;
	}
	spin_lock_irqsave(&tty->lock, flags);
	bool canon = L(tty, ICANON);
	while (n < count && tty->read_tail != tty->canon_head) {
		unsigned int i = tty->read_tail % N_TTY_BUF_SIZE;
		unsigned char flag = canon ? tty->read_flags[i] : 0;
		tty->read_tail++;
		if (flag == N_TTY_EOF)
			break;		/* ^D: the line so far, or 0 (end of file) */
		buf[n++] = tty->read_buf[i];
		if (flag == N_TTY_EOL)
			break;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	mutex_unlock(&tty->read_mutex);
	/* Room again for the other side of a pty, if it waits to write. */
	if (n && tty->link)
		wake_up_interruptible(&tty->link->write_wait);
	if (!n && (READ_ONCE(tty->flags) & TTY_OTHER_CLOSED))
		return -EIO;	/* a pty master whose slave is closed, as Linux */
	return n;
}

ssize_t n_tty_write(struct tty_struct *tty, struct file *f, const char *buf, size_t count)
{
	char chunk[128];
	size_t done = 0;
	mutex_lock(&tty->write_mutex);
	while (done < count) {
		size_t k = 0;
		unsigned long flags;
		if (tty->ops->write_room && !n_tty_can_write(tty, sizeof(chunk))) {
			/* A pty whose master has not read: wait (as Linux) rather
			 * than lose output. */
			int err = (f && (f->f_flags & O_NONBLOCK)) ? -EAGAIN :
				  wait_event_interruptible(tty->write_wait,
							   n_tty_can_write(tty, sizeof(chunk)));
			if (err) {
				mutex_unlock(&tty->write_mutex);
				return done ? (ssize_t)done : err;
			}
		}
		if (READ_ONCE(tty->flags) & (TTY_HUPPED | TTY_OTHER_CLOSED)) {
			mutex_unlock(&tty->write_mutex);
			return done ? (ssize_t)done : -EIO;
		}
		spin_lock_irqsave(&tty->lock, flags);	/* column, termios */
		while (done < count && k + 2 <= sizeof(chunk))
			k += process_out(tty, buf[done++], chunk + k);
		spin_unlock_irqrestore(&tty->lock, flags);
		tty->ops->write(tty, chunk, k);
	}
	mutex_unlock(&tty->write_mutex);
	return done;
}
