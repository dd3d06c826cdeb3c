/* printk: the kernel log (seed concept: printk levels, dmesg).
 *
 * Every message becomes a record in a ring buffer (kept for dmesg, syslog and
 * /dev/kmsg) and, if its level is below console_loglevel, is also written to
 * every registered console with a "[seconds.micros]" timestamp. Records are
 * variable-length and stored back to back; when the buffer is full the oldest
 * records are dropped. logbuf_lock (irqsave) protects the buffer, the
 * sequence numbers, clear_seq and the console list; consoles are called
 * under it. Readers (syslog(2) and /dev/kmsg, at the end of this file) copy
 * one record at a time out under the lock and format it outside. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/console.h>
#include <linux/spinlock.h>
#include <linux/printk_ringbuffer.h>
#include <linux/init.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/jiffies.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/syslog.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/fs.h>

/* console, default message, minimum console and default console levels
 * (/proc/sys/kernel/printk); plain ints read racily, as Linux. */
int console_printk[4] = {
	CONSOLE_LOGLEVEL_DEFAULT, MESSAGE_LOGLEVEL_DEFAULT,
	CONSOLE_LOGLEVEL_MIN, CONSOLE_LOGLEVEL_DEFAULT,
};
/* 1: only root may read the log (Debian's CONFIG_SECURITY_DMESG_RESTRICT=y);
 * 0: everyone may read it (READ_ALL, SIZE_BUFFER, /dev/kmsg). */
int dmesg_restrict = 1;

#define LOG_BUF_LEN (128 * 1024)	/* Debian's CONFIG_LOG_BUF_SHIFT=17 */
static char log_buf[LOG_BUF_LEN] __aligned(8);
static DEFINE_SPINLOCK(logbuf_lock);
static LIST_HEAD(console_list);
/* Readers of syslog(2) READ, /dev/kmsg and poll sleep here until a record
 * with their sequence number exists. */
static DECLARE_WAIT_QUEUE_HEAD(log_wait);
/* A message stored with interrupts off (maybe under the scheduler's locks)
 * cannot wake anyone itself; the next tick does (printk_tick). */
static bool log_wake_pending;

/* Record layout in log_buf; len == 0 marks "wrap to the start". */
struct log_rec {
	u64 seq;
	u64 ts_nsec;
	u16 len;	/* bytes of the whole record, header included, 8-aligned */
	u16 text_len;
	u8 level;
	u8 facility;
	u8 flags;
	u8 pad;
	char text[];
};

static u32 log_first_idx, log_next_idx;	/* byte offsets of oldest and next record */
static u64 log_first_seq, log_next_seq;
static u64 clear_seq;	/* first record READ_ALL shows (SYSLOG_ACTION_CLEAR moves it) */
/* Where the last lookup ended, so reading records in order is not
 * quadratic: valid while cache_seq >= log_first_seq. */
static u64 cache_seq;
static u32 cache_idx;
static bool oops_in_progress;

u64 __weak local_clock(void)
{
	return 0;
}

static struct log_rec *rec_at(u32 idx)
{
	struct log_rec *r = (struct log_rec *)(log_buf + idx);
	if (idx + sizeof(*r) > LOG_BUF_LEN || r->len == 0)
		r = (struct log_rec *)log_buf;	/* wrapped */
	return r;
}

static u32 next_idx(u32 idx)
{
	struct log_rec *r = rec_at(idx);
	return (u32)((char *)r - log_buf) + r->len;
}

/* Free space for a record of @size bytes, dropping the oldest as needed;
 * returns the byte offset at which to store it. */
static u32 make_room(u32 size)
{
	for (;;) {
		u32 idx = log_next_idx;
		bool wrap = idx + size + sizeof(struct log_rec) > LOG_BUF_LEN;
		u32 start = wrap ? 0 : idx;
		bool empty = log_first_seq == log_next_seq;
		bool fits;
		if (empty)
			fits = true;
		else if (log_first_idx >= idx)	/* the free gap is [idx, first) */
			fits = !wrap && idx + size <= log_first_idx;
		else		/* free: [idx, end) and [0, first) */
			fits = wrap ? size <= log_first_idx : true;
		if (fits) {
			if (empty) {
				log_first_idx = start;
			}
			if (wrap && idx + sizeof(struct log_rec) <= LOG_BUF_LEN)
				((struct log_rec *)(log_buf + idx))->len = 0;
			return start;
		}
		log_first_idx = next_idx(log_first_idx);
		log_first_idx = (u32)((char *)rec_at(log_first_idx) - log_buf);
		log_first_seq++;
	}
}

static void log_store(int facility, int level, u64 ts, const char *text, u16 text_len)
{
	u32 size = ALIGN((u32)sizeof(struct log_rec) + text_len, 8);
	u32 idx = make_room(size);
	struct log_rec *r = (struct log_rec *)(log_buf + idx);
	r->seq = log_next_seq++;
	r->ts_nsec = ts;
	r->len = size;
	r->text_len = text_len;
	r->level = level;
	r->facility = facility;
	r->flags = 0;
	memcpy(r->text, text, text_len);
	log_next_idx = idx + size;
}

static void console_emit(const char *s, size_t n)
{
	struct console *con;
	list_for_each_entry(con, &console_list, node)
		con->write(con, s, n);
}

/* Store one message (without its trailing newline) and print it on the
 * consoles. Caller holds logbuf_lock. @level < 0: a continuation of the
 * previous line, if that is still open. */
static void log_output(int facility, int level, u64 ts, const char *text, int len)
{
	static bool line_open;		/* last message did not end in '\n' */
	bool cont = level < 0 && line_open;
	if (level < 0)
		level = default_message_loglevel;
	bool has_nl = len > 0 && text[len - 1] == '\n';
	int text_len = has_nl ? len - 1 : len;

	/* A continuation is appended to the console line; the ring buffer keeps
	 * it as its own record. [LINUX-DIFF] Linux merges it into the open
	 * record; nothing in Lucid prints continuations today. */
	if (!cont || text_len)
		log_store(facility, level, ts, text, text_len);

	if (level < console_loglevel) {
		if (!cont) {
			char hdr[32];
			if (line_open)
				console_emit("\n", 1);
			int h = scnprintf(hdr, sizeof(hdr), "[%5llu.%06llu] ",
					  (unsigned long long)(ts / 1000000000),
					  (unsigned long long)(ts % 1000000000) / 1000);
			console_emit(hdr, h);
		}
		console_emit(text, len);
		if (!has_nl && facility)	/* user messages are whole lines */
			console_emit("\n", 1);
	}
	line_open = !has_nl && !facility;
}

/* Wake the readers now if that is safe (interrupts were on, so the caller
 * holds no irq-safe lock such as the scheduler's), else from the tick. */
static void log_wake(unsigned long irqflags)
{
	if (irqflags & X86_EFLAGS_IF)
		wake_up_interruptible_all(&log_wait);
	else
		WRITE_ONCE(log_wake_pending, true);
}

/* From every CPU's timer tick (interrupt context, no locks held). */
void printk_tick(void)
{
	if (READ_ONCE(log_wake_pending)) {
		WRITE_ONCE(log_wake_pending, false);
		wake_up_interruptible_all(&log_wait);
	}
}

int vprintk(const char *fmt, va_list ap)
{
	static char textbuf[1024];	/* under logbuf_lock */
	int level = -1;
	unsigned long flags;
	u64 ts = local_clock();

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;	/* 'c' (KERN_CONT) keeps level -1 */
	}

	local_irq_save(flags);
	if (oops_in_progress && spin_is_locked(&logbuf_lock) && logbuf_lock.owner_cpu != smp_processor_id())
		spin_lock_init(&logbuf_lock);	/* panic: never wait for a CPU that is gone */
	preempt_disable();
	arch_spin_lock(&logbuf_lock);

	int len = vscnprintf(textbuf, sizeof(textbuf), fmt, ap);
	log_output(0, level, ts, textbuf, len);

	arch_spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
	preempt_enable_no_resched();
	if (!oops_in_progress)
		log_wake(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* Raw console output for user programs writing to the console (no log
 * record, no timestamp). */
void console_write(const char *s, size_t n)
{
	unsigned long flags;
	spin_lock_irqsave(&logbuf_lock, flags);
	console_emit(s, n);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

void early_printk(const char *s)
{
	console_emit(s, strlen(s));
}

void register_console(struct console *con)
{
	unsigned long flags;
	spin_lock_irqsave(&logbuf_lock, flags);
	list_add_tail(&con->node, &console_list);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

void unregister_console(struct console *con)
{
	unsigned long flags;
	spin_lock_irqsave(&logbuf_lock, flags);
	list_del(&con->node);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

void printk_enter_panic(void)
{
	oops_in_progress = true;
}

/* The record with sequence number @seq; caller holds logbuf_lock and has
 * checked log_first_seq <= seq < log_next_seq. */
static struct log_rec *find_record(u64 seq)
{
	u64 s = log_first_seq;
	u32 idx = log_first_idx;
	if (cache_seq >= log_first_seq && cache_seq <= seq && cache_seq < log_next_seq) {
		s = cache_seq;
		idx = cache_idx;
	}
	for (; s < seq; s++)
		idx = next_idx(idx);
	struct log_rec *r = rec_at(idx);
	cache_seq = seq;
	cache_idx = (u32)((char *)r - log_buf);
	return r;
}

/* Copy out record @seq (or the oldest still kept, if it was dropped).
 * Returns the seq of the record copied, or -1 if @seq is not yet written. */
long printk_read_record(u64 seq, struct printk_info *info, char *text, size_t size)
{
	unsigned long flags;
	long ret = -1;
	spin_lock_irqsave(&logbuf_lock, flags);
	if (seq < log_first_seq)
		seq = log_first_seq;
	if (seq < log_next_seq) {
		struct log_rec *r = find_record(seq);
		info->seq = r->seq;
		info->ts_nsec = r->ts_nsec;
		info->level = r->level;
		info->facility = r->facility;
		info->text_len = r->text_len;
		size_t n = min((size_t)r->text_len, size ? size - 1 : 0);
		memcpy(text, r->text, n);
		if (size)
			text[n] = 0;
		ret = (long)r->seq;
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return ret;
}

u64 printk_next_seq(void)
{
	return READ_ONCE(log_next_seq);
}

/* Sleep until record @seq has been written: 0, or -ERESTARTSYS on a
 * signal. */
int printk_wait_for(u64 seq)
{
	return wait_event_interruptible(log_wait, printk_next_seq() > seq);
}

u64 printk_first_seq(void)
{
	return READ_ONCE(log_first_seq);
}

/* dmesg -c: later READ_ALLs start after what is there now. The records
 * stay (/dev/kmsg still shows them), as Linux. */
void printk_clear(void)
{
	unsigned long flags;
	spin_lock_irqsave(&logbuf_lock, flags);
	clear_seq = log_next_seq;
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

static u64 printk_clear_seq(void)
{
	unsigned long flags;
	spin_lock_irqsave(&logbuf_lock, flags);
	u64 s = max(clear_seq, log_first_seq);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return s;
}

/* ---- Readers: syslog(2) and /dev/kmsg ---- */

#define PRINTK_TEXT_MAX 1024		/* a record's text, NUL included (vprintk's textbuf) */
#define PRINTK_MESSAGE_MAX 2048		/* one record as syslog text, as Linux */
#define DEVKMSG_LINE_MAX (1024 - 32)	/* longest write to /dev/kmsg (Linux 6.1's LOG_LINE_MAX) */
#define DEVKMSG_BUF_MAX (PRINTK_TEXT_MAX * 4 + 64)	/* escaped text + header */

/* "<prio>[seconds.micros] " before every line of the record, '\n' after:
 * syslog's format (busybox dmesg strips the <prio>, dmesg -r keeps it).
 * Truncated at @size as Linux's record_print_text. Returns the length. */
static size_t record_print_text(const struct printk_info *info, const char *text,
				char *out, size_t size)
{
	char prefix[48];
	u64 ts = info->ts_nsec;
	size_t plen = scnprintf(prefix, sizeof(prefix), "<%u>[%5llu.%06llu] ",
				(info->facility << 3) | info->level,
				(unsigned long long)(ts / 1000000000),
				(unsigned long long)(ts % 1000000000) / 1000);
	size_t len = 0, i = 0, n = info->text_len;
	for (;;) {
		size_t e = i;
		while (e < n && text[e] != '\n')
			e++;
		if (len + plen + (e - i) + 1 > size)
			break;
		memcpy(out + len, prefix, plen);
		memcpy(out + len + plen, text + i, e - i);
		len += plen + (e - i);
		out[len++] = '\n';
		if (e >= n)
			break;
		i = e + 1;
	}
	return len;
}

/* Record @seq (or the oldest kept) formatted for syslog into @out; its seq
 * in *@got. Returns the length, or -1 if there is no record at or after seq. */
static long syslog_record(u64 seq, u64 *got, char *text, char *out)
{
	struct printk_info info;
	long s = printk_read_record(seq, &info, text, PRINTK_TEXT_MAX);
	if (s < 0)
		return -1;
	*got = (u64)s;
	return (long)record_print_text(&info, text, out, PRINTK_MESSAGE_MAX);
}

/* [LINUX-DIFF] No capability sets yet: effective uid 0 has CAP_SYSLOG. */
static bool syslog_capable(void)
{
	return current->cred.euid == 0;
}

/* Linux: unless dmesg_restrict, READ_ALL and SIZE_BUFFER are for everyone;
 * everything else needs CAP_SYSLOG. Checked before the type is validated,
 * so a bad type from an unprivileged caller is EPERM. */
static int check_syslog_permissions(int type)
{
	bool restricted = dmesg_restrict ||
		(type != SYSLOG_ACTION_READ_ALL && type != SYSLOG_ACTION_SIZE_BUFFER);
	if (restricted && !syslog_capable())
		return -EPERM;
	return 0;
}

/* SYSLOG_ACTION_READ's position: shared by every caller, as Linux. */
static DEFINE_MUTEX(syslog_lock);
static u64 syslog_seq;		/* [syslog_lock] next record READ returns */
static size_t syslog_partial;	/* [syslog_lock] bytes of it already returned */
static int saved_console_loglevel = -1;	/* [syslog_lock] CONSOLE_OFF's saved level */

/* @kbuf: @buf is a kernel buffer (/proc/kmsg's read), not a user one. */
static long syslog_read(char __user *buf, int size, char *text, char *out, bool kbuf)
{
	long len = 0;
	mutex_lock(&syslog_lock);
	for (;;) {	/* wait for the record at syslog_seq; it may move meanwhile */
		u64 seq = syslog_seq;
		mutex_unlock(&syslog_lock);
		int err = printk_wait_for(seq);
		mutex_lock(&syslog_lock);
		if (err) {
			mutex_unlock(&syslog_lock);
			return err;
		}
		if (syslog_seq == seq)
			break;
	}
	while (size > 0) {
		u64 got;
		long n = syslog_record(syslog_seq, &got, text, out);
		if (n < 0)
			break;
		if (got != syslog_seq) {	/* overwritten: go on from the oldest */
			syslog_seq = got;
			syslog_partial = 0;
		}
		size_t skip = syslog_partial;
		if ((size_t)n - syslog_partial <= (size_t)size) {
			syslog_seq = got + 1;
			n -= syslog_partial;
			syslog_partial = 0;
		} else if (!len) {	/* only the first record may be split */
			n = size;
			syslog_partial += n;
		} else {
			break;
		}
		if (!n)
			break;
		if (kbuf)
			memcpy((char *)buf, out + skip, n);
		else if (copy_to_user(buf, out + skip, n)) {
			if (!len)
				len = -EFAULT;
			break;
		}
		len += n;
		size -= n;
		buf += n;
	}
	mutex_unlock(&syslog_lock);
	return len;
}

/* READ_ALL: the newest records since the last CLEAR that fit in @size,
 * oldest first; READ_CLEAR also clears what it returned. */
static long syslog_read_all(char __user *buf, int size, bool clear, char *text, char *out)
{
	u64 start = printk_clear_seq(), end = printk_next_seq(), got;
	/* Total length from start, then drop records from the front until
	 * the rest fits. */
	size_t total = 0;
	for (u64 seq = start; seq < end; seq = got + 1) {
		long n = syslog_record(seq, &got, text, out);
		if (n < 0 || got >= end)
			break;
		total += n;
	}
	u64 seq = start;
	while (total > (size_t)size && seq < end) {
		long n = syslog_record(seq, &got, text, out);
		if (n < 0 || got >= end)
			break;
		total -= n;
		seq = got + 1;
	}
	long len = 0;
	while (seq < end) {
		long n = syslog_record(seq, &got, text, out);
		if (n < 0 || got >= end)
			break;
		if (len + n > size)
			break;
		if (copy_to_user(buf + len, out, n))
			return -EFAULT;
		len += n;
		seq = got + 1;
	}
	if (clear) {
		unsigned long flags;
		spin_lock_irqsave(&logbuf_lock, flags);
		clear_seq = seq;
		spin_unlock_irqrestore(&logbuf_lock, flags);
	}
	return len;
}

static long syslog_size_unread(char *text, char *out)
{
	long total = 0;
	mutex_lock(&syslog_lock);
	u64 end = printk_next_seq(), got;
	for (u64 seq = syslog_seq; seq < end; seq = got + 1) {
		long n = syslog_record(seq, &got, text, out);
		if (n < 0)
			break;
		if (seq == syslog_seq && got != syslog_seq) {	/* overwritten */
			syslog_seq = got;
			syslog_partial = 0;
		}
		total += n;
	}
	if (total)
		total -= syslog_partial;
	mutex_unlock(&syslog_lock);
	return total;
}

long do_syslog(int type, char __user *buf, int len)
{
	int err = check_syslog_permissions(type);
	if (err)
		return err;
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_CLEAR:
	case SYSLOG_ACTION_READ_ALL: {
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		if (!access_ok(buf, len))
			return -EFAULT;
		char *text = kmalloc(PRINTK_TEXT_MAX + PRINTK_MESSAGE_MAX, GFP_KERNEL);
		if (!text)
			return -ENOMEM;
		long r;
		if (type == SYSLOG_ACTION_READ)
			r = syslog_read(buf, len, text, text + PRINTK_TEXT_MAX, false);
		else
			r = syslog_read_all(buf, len, type == SYSLOG_ACTION_READ_CLEAR,
					    text, text + PRINTK_TEXT_MAX);
		kfree(text);
		return r;
	}
	case SYSLOG_ACTION_CLEAR:
		printk_clear();
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		mutex_lock(&syslog_lock);
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = minimum_console_loglevel;
		mutex_unlock(&syslog_lock);
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		mutex_lock(&syslog_lock);
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		mutex_unlock(&syslog_lock);
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		mutex_lock(&syslog_lock);
		console_loglevel = max(len, minimum_console_loglevel);
		saved_console_loglevel = -1;	/* a level also turns the console on */
		mutex_unlock(&syslog_lock);
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD: {
		char *text = kmalloc(PRINTK_TEXT_MAX + PRINTK_MESSAGE_MAX, GFP_KERNEL);
		if (!text)
			return -ENOMEM;
		long r = syslog_size_unread(text, text + PRINTK_TEXT_MAX);
		kfree(text);
		return r;
	}
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}

long sys_syslog(int type, char __user *buf, int len)
{
	return do_syslog(type, buf, len);
}

/* /proc/kmsg: SYSLOG_ACTION_READ as a file (what klogd reads). The right
 * to read is checked once, at open (SYSLOG_ACTION_OPEN: CAP_SYSLOG, even
 * with dmesg_restrict 0), as Linux. */
static int proc_kmsg_open(struct inode *inode, struct file *f)
{
	int err = do_syslog(SYSLOG_ACTION_OPEN, NULL, 0);
	if (err)
		return err;
	/* [LINUX-DIFF] not seekable (Linux: seeks succeed and mean nothing):
	 * the read path calls a seekable file again after a full chunk, and a
	 * second READ could sleep after data was already returned. */
	return nonseekable_open(inode, f);
}

static ssize_t proc_kmsg_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)pos;
	char *text = kmalloc(PRINTK_TEXT_MAX + PRINTK_MESSAGE_MAX, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	long r;
	if ((f->f_flags & O_NONBLOCK) && !syslog_size_unread(text, text + PRINTK_TEXT_MAX))
		r = -EAGAIN;
	else
		r = syslog_read((char __user *)buf, (int)min(count, (size_t)INT_MAX), text,
				text + PRINTK_TEXT_MAX, true);
	kfree(text);
	return r;
}

static unsigned int proc_kmsg_poll(struct file *f, poll_table *pt)
{
	poll_wait(f, &log_wait, pt);
	/* Unread records exist (a partly read one counts). */
	return READ_ONCE(syslog_seq) < printk_next_seq() ? POLLIN | POLLRDNORM : 0;
}

const struct file_operations proc_kmsg_operations = {
	.open = proc_kmsg_open,
	.read = proc_kmsg_read,
	.poll = proc_kmsg_poll,
};

/* /dev/kmsg (char 1:11): one record per read(), "prio,seq,usec,-;text\n"
 * with non-printable bytes escaped as \xNN; every open file has its own
 * position. Writes become records of facility LOG_USER (or the one in a
 * "<N>" prefix). */
struct devkmsg_user {
	struct mutex lock;	/* serialises readers of this file */
	u64 seq;		/* [lock] next record to return */
	/* Ratelimit of writes (Linux's default printk.devkmsg=ratelimit:
	 * 10 messages per 5 seconds per open file). [lock] */
	unsigned long rs_begin;
	int rs_printed, rs_missed;
	char text[PRINTK_TEXT_MAX];	/* [lock] */
	char buf[DEVKMSG_BUF_MAX];	/* [lock] */
};

/* printk.devkmsg= / /proc/sys/kernel/printk_devkmsg: "on" (writes are
 * logged), "off" (opening /dev/kmsg is EPERM), "ratelimit" (the default).
 * Set on the command line, the sysctl can no longer change it. */
enum { DEVKMSG_RATELIMIT, DEVKMSG_ON, DEVKMSG_OFF };
static const char *const devkmsg_names[] = { "ratelimit", "on", "off" };
static int devkmsg_log = DEVKMSG_RATELIMIT;	/* read racily, as Linux */
static bool devkmsg_locked;			/* set by printk.devkmsg= */

/* The mode a string starts with (Linux's __control_devkmsg); the length
 * of its name in *len. */
static int devkmsg_parse(const char *str, size_t count, size_t *len)
{
	for (int i = 0; i < (int)ARRAY_SIZE(devkmsg_names); i++) {
		size_t n = strlen(devkmsg_names[i]);
		if (count >= n && !memcmp(str, devkmsg_names[i], n)) {
			*len = n;
			return i;
		}
	}
	return -EINVAL;
}

const char *devkmsg_mode(void)
{
	return devkmsg_names[READ_ONCE(devkmsg_log)];
}

/* The sysctl: Linux takes a known name plus exactly one more byte (the
 * newline of `echo on >`); "on" alone or with more after it is EINVAL. */
ssize_t devkmsg_mode_write(const char *buf, size_t count)
{
	size_t len;
	if (devkmsg_locked)
		return -EINVAL;
	int mode = devkmsg_parse(buf, count, &len);
	if (mode < 0 || len + 1 != count)
		return -EINVAL;
	WRITE_ONCE(devkmsg_log, mode);
	return count;
}

static int __init devkmsg_setup(char *val)
{
	size_t len;
	int mode = val ? devkmsg_parse(val, strlen(val), &len) : -EINVAL;
	if (mode < 0)
		return -EINVAL;
	devkmsg_log = mode;
	devkmsg_locked = true;
	return 0;
}
__setup("printk.devkmsg", devkmsg_setup);

#define DEVKMSG_RATELIMIT_INTERVAL (5 * HZ)
#define DEVKMSG_RATELIMIT_BURST 10

static size_t devkmsg_format(const struct printk_info *info, const char *text, char *out, size_t size)
{
	size_t len = scnprintf(out, size, "%u,%llu,%llu,-;",
			       (info->facility << 3) | info->level,
			       (unsigned long long)info->seq,
			       (unsigned long long)(info->ts_nsec / 1000));
	for (size_t i = 0; i < info->text_len && len + 5 < size; i++) {
		unsigned char c = text[i];
		if (c < ' ' || c >= 127 || c == '\\')
			len += scnprintf(out + len, size - len, "\\x%02x", c);
		else
			out[len++] = c;
	}
	out[len++] = '\n';
	return len;
}

static int devkmsg_open(struct inode *inode, struct file *f)
{
	(void)inode;
	if (READ_ONCE(devkmsg_log) == DEVKMSG_OFF)
		return -EPERM;
	/* Writers need no right to read the log. */
	if ((f->f_flags & O_ACCMODE) != O_WRONLY) {
		int err = check_syslog_permissions(SYSLOG_ACTION_READ_ALL);
		if (err)
			return err;
	}
	struct devkmsg_user *u = kmalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	mutex_init(&u->lock);
	u->seq = printk_first_seq();
	u->rs_begin = 0;
	u->rs_printed = u->rs_missed = 0;
	f->private_data = u;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *f)
{
	(void)inode;
	struct devkmsg_user *u = f->private_data;
	if (u && u->rs_missed)
		pr_warn("printk: %s: %d output lines suppressed due to ratelimiting\n",
			current->comm, u->rs_missed);
	kfree(u);
	return 0;
}

static ssize_t devkmsg_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	struct devkmsg_user *u = f->private_data;
	struct printk_info info;
	(void)pos;
	int err = mutex_lock_interruptible(&u->lock);
	if (err)
		return err;
	ssize_t ret;
	long s = printk_read_record(u->seq, &info, u->text, sizeof(u->text));
	if (s < 0) {
		if (f->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out;
		}
		ret = printk_wait_for(u->seq);
		if (ret)
			goto out;
		s = printk_read_record(u->seq, &info, u->text, sizeof(u->text));
	}
	if ((u64)s != u->seq) {	/* our next record was overwritten */
		u->seq = (u64)s;
		ret = -EPIPE;
		goto out;
	}
	size_t len = devkmsg_format(&info, u->text, u->buf, sizeof(u->buf));
	u->seq = (u64)s + 1;	/* consumed even if it does not fit, as Linux */
	if (len > count) {
		ret = -EINVAL;
		goto out;
	}
	memcpy(buf, u->buf, len);
	ret = (ssize_t)len;
out:
	mutex_unlock(&u->lock);
	return ret;
}

static bool devkmsg_ratelimit(struct devkmsg_user *u)
{
	if (!u->rs_begin || time_after_eq(jiffies, u->rs_begin + DEVKMSG_RATELIMIT_INTERVAL)) {
		u->rs_begin = jiffies ? jiffies : 1;
		u->rs_printed = 0;
	}
	if (u->rs_printed < DEVKMSG_RATELIMIT_BURST) {
		u->rs_printed++;
		return true;
	}
	u->rs_missed++;
	return false;
}

static ssize_t devkmsg_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	struct devkmsg_user *u = f->private_data;
	int level = default_message_loglevel, facility = 1;	/* LOG_USER */
	(void)pos;
	if (count > DEVKMSG_LINE_MAX)
		return -EINVAL;
	int mode = READ_ONCE(devkmsg_log);
	if (mode == DEVKMSG_OFF)
		return count;	/* switched off after the open: ignored */
	mutex_lock(&u->lock);
	bool ok = mode == DEVKMSG_ON || devkmsg_ratelimit(u);
	mutex_unlock(&u->lock);
	if (!ok)
		return count;	/* dropped silently, as Linux */
	char *line = kmalloc(count + 1, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	memcpy(line, buf, count);
	line[count] = 0;
	char *p = line;
	/* "<N>": N's low 3 bits are the level, the rest the facility; no
	 * facility (0, the kernel's) becomes LOG_USER so that user messages
	 * can always be told from the kernel's. */
	if (p[0] == '<') {
		char *end;
		unsigned long v = simple_strtoul(p + 1, &end, 10);
		if (end && *end == '>') {
			level = v & 7;
			if ((v & 0x3f8) >> 3)
				facility = (v & 0x3f8) >> 3;
			p = end + 1;
		}
	}
	unsigned long flags;
	u64 ts = local_clock();
	spin_lock_irqsave(&logbuf_lock, flags);
	log_output(facility, level, ts, p, strlen(p));
	spin_unlock_irqrestore(&logbuf_lock, flags);
	log_wake(flags);
	kfree(line);
	return count;
}

/* Only position changes, offset 0: the first record, the first after the
 * last CLEAR (SEEK_DATA), after the last (SEEK_END). */
static loff_t devkmsg_llseek(struct file *f, loff_t off, int whence)
{
	struct devkmsg_user *u = f->private_data;
	if (off)
		return -ESPIPE;
	mutex_lock(&u->lock);
	loff_t ret = 0;
	switch (whence) {
	case SEEK_SET:
		u->seq = printk_first_seq();
		break;
	case SEEK_DATA:
		u->seq = printk_clear_seq();
		break;
	case SEEK_END:
		u->seq = printk_next_seq();
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&u->lock);
	return ret;
}

static unsigned int devkmsg_poll(struct file *f, poll_table *pt)
{
	struct devkmsg_user *u = f->private_data;
	poll_wait(f, &log_wait, pt);
	u64 seq = READ_ONCE(u->seq);
	if (printk_next_seq() <= seq)
		return 0;
	if (printk_first_seq() > seq)	/* its next record is gone */
		return POLLIN | POLLRDNORM | POLLERR | POLLPRI;
	return POLLIN | POLLRDNORM;
}

const struct file_operations kmsg_fops = {
	.open = devkmsg_open,
	.read = devkmsg_read,
	.write = devkmsg_write,
	.llseek = devkmsg_llseek,
	.poll = devkmsg_poll,
	.release = devkmsg_release,
};

static int __init loglevel_setup(char *val)
{
	int lvl;
	if (!val || kstrtoint(val, 10, &lvl))
		return -EINVAL;
	console_loglevel = lvl;
	return 0;
}
early_param("loglevel", loglevel_setup);

/* console=ttyS0[,115200]: the only console Lucid has is COM1, which is always
 * on; other names are accepted as Linux does (it ignores consoles it lacks). */
static char preferred_console[32] = "ttyS0";

static int __init console_setup(char *val)
{
	if (!val || !*val)
		return -EINVAL;
	strlcpy(preferred_console, val, sizeof(preferred_console));
	if (strncmp(val, "ttyS0", 5))
		pr_info("console=%s: no such console; staying on ttyS0\n", val);
	return 0;
}
__setup("console", console_setup);

static int __init quiet_setup(char *val)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_setup);

static int __init debug_setup(char *val)
{
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_setup);
