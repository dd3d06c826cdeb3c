/* The tty layer: the serial console and the pty pairs (drivers/tty/pty.c),
 * each a tty_struct with the N_TTY line discipline's input buffer, echo and
 * line editing (drivers/tty/n_tty.c), and the character-device side
 * (drivers/tty/tty_io.c: /dev/console, /dev/tty, /dev/ttyS0, /dev/ptmx,
 * /dev/pts/N). Seed concept: "character device driver" (the terminal). */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H
#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/list.h>
#include <uapi/asm/termbits.h>

#define N_TTY_BUF_SIZE 4096

/* The kernel's termios: the ABI struct is all it holds for now. */
struct ktermios {
	struct termios t;
};

struct file;
struct inode;
struct poll_table_struct;
struct tty_struct;

struct tty_operations {
	/* Send n bytes to the device (after output processing). Must not
	 * sleep: echo calls it from the receive interrupt. */
	void (*write)(struct tty_struct *tty, const char *s, size_t n);
	/* Optional: a file on this tty was opened (0 or -errno; the ptys
	 * count their openers) / closed. */
	int (*open)(struct tty_struct *tty, struct file *f);
	/* Optional: bytes write may take now without loss (a pty slave:
	 * room in the master's input); n_tty_write waits for room. */
	unsigned int (*write_room)(struct tty_struct *tty);
	void (*close)(struct tty_struct *tty, struct file *f);
};

/* tty->flags, [tty_list_lock] */
#define TTY_OTHER_CLOSED	0x1	/* pty: the other side has no openers */
#define TTY_HUPPED		0x2	/* hung up: read 0, write EIO (vhangup) */
#define TTY_PTY_LOCK		0x4	/* pty slave: locked until unlockpt */
#define TTY_PTY_MASTER		0x8	/* pty master: termios ioctls act on link */

/* Fields marked [l] are protected by tty->lock (spin_lock_irqsave: the
 * receive interrupt fills the buffer). */
struct tty_struct {
	const char *name;
	const struct tty_operations *ops;
	spinlock_t lock;
	struct termios termios;		/* [l] */
	struct winsize winsize;		/* [l] */
	pid_t pgrp, session;		/* [l] foreground group, owning session (0: none) */
	wait_queue_head_t read_wait;	/* readers wait here for input */
	wait_queue_head_t write_wait;	/* pty writers wait here for room */
	struct mutex read_mutex;	/* one reader at a time (keeps lines whole) */
	struct mutex write_mutex;	/* one writer at a time (keeps writes whole) */
	/* N_TTY input ring: bytes in [read_tail, read_head); [read_tail,
	 * canon_head) is complete lines (canonical mode) or everything (raw).
	 * read_flags[i] marks a line end: N_TTY_EOL (the byte is part of the
	 * line) or N_TTY_EOF (a ^D marker, not data). Indexes run freely and
	 * are taken modulo N_TTY_BUF_SIZE. */
	char read_buf[N_TTY_BUF_SIZE];		/* [l] */
	unsigned char read_flags[N_TTY_BUF_SIZE];	/* [l] */
	unsigned int read_head, read_tail, canon_head;	/* [l] */
	unsigned int column;			/* [l] output column, for erase */
	dev_t dev;			/* [i] its device number (/proc/<pid>/stat) */
	struct tty_struct *link;	/* [i] pty: the other side */
	unsigned int flags;		/* [tty_list_lock] TTY_* above */
	int count;			/* [tty_list_lock] open files (ptys) */
	int index;			/* [i] pty number */
	struct list_head list;		/* [tty_list_lock] on tty_list (ctty lookup) */
};

#define N_TTY_EOL 1
#define N_TTY_EOF 2

/* drivers/tty/n_tty.c: the line discipline. */
void n_tty_init(struct tty_struct *tty);
/* A byte from the device (interrupt context). */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c);
/* read(2) of the tty: kernel buffer; blocks unless O_NONBLOCK (EAGAIN). */
ssize_t n_tty_read(struct tty_struct *tty, struct file *f, char *buf, size_t count);
/* write(2): output processing (ONLCR) to the driver. */
/* f: the writing file (O_NONBLOCK), or NULL (kernel callers: may wait). */
ssize_t n_tty_write(struct tty_struct *tty, struct file *f, const char *buf, size_t count);
/* Bytes tty can take in now without dropping any (a pty writer waits
 * while it is 0; a canonical line with no room left drops, so 1). */
unsigned int n_tty_receive_room(struct tty_struct *tty);
/* Bytes a read would return now (FIONREAD). */
unsigned int n_tty_chars_in_buffer(struct tty_struct *tty);
/* Readable now (poll): a complete line, or any byte in raw mode. */
bool n_tty_input_available(struct tty_struct *tty);
/* Drop pending input (TCFLSH, TCSETSF). */
void n_tty_flush_input(struct tty_struct *tty);
/* A termios change: in raw mode everything buffered becomes readable. */
void n_tty_set_termios(struct tty_struct *tty);

/* drivers/tty/tty_io.c */
extern spinlock_t tty_list_lock;
/* Make tty findable as someone's controlling terminal (/dev/tty, stat). */
void tty_register_tty(struct tty_struct *tty);
void tty_unregister_tty(struct tty_struct *tty);	/* tty_list_lock held */
/* Opening tty (not O_NOCTTY) as a session leader without a controlling
 * terminal makes it ours, as Linux's tty_open_proc_set_tty. */
void tty_open_set_ctty(struct tty_struct *tty, struct file *f);
/* Hang-up of tty (its pty master went away): SIGHUP and SIGCONT to its
 * session leader and foreground group, which lose it. */
void tty_vhangup(struct tty_struct *tty);
/* The exiting session leader's controlling tty: SIGHUP+SIGCONT to its
 * foreground group, and the session loses it (Linux's disassociate_ctty). */
void disassociate_ctty(void);
ssize_t tty_read(struct file *f, char *buf, size_t count, loff_t *pos);
ssize_t tty_write(struct file *f, const char *buf, size_t count, loff_t *pos);
long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
unsigned int tty_poll(struct file *f, struct poll_table_struct *pt);
int tty_release(struct inode *inode, struct file *f);
/* drivers/tty/pty.c: the master's own ioctls (TIOCGPTN...), -ENOIOCTLCMD
 * for the rest, which act on the slave. */
long pty_master_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
/* fs/devpts: the /dev/pts/<index> node of a pty slave. */
int devpts_pty_new(int index);
void devpts_pty_kill(int index);
/* TIOCGPTPEER: an open file on /dev/pts/<index> without a name lookup. */
struct file *devpts_open_pty(int index, int flags);
int devpts_mount(void);

/* Send sig to tty's foreground process group, if it has one. Any context
 * (the receive interrupt calls it). */
void tty_signal_pgrp(struct tty_struct *tty, int sig);
extern struct tty_struct console_tty;
/* /proc/<pid>/stat's tty_nr and tpgid: the device number of the tty whose
 * session is sid (0 if none) and its foreground group (-1 if none). */
dev_t tty_devnum_of_session(pid_t sid, pid_t *fg_pgrp);
#endif
