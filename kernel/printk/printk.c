/* printk: the kernel log (seed concept: printk levels, dmesg).
 *
 * Every message becomes a record in a ring buffer (kept for dmesg, syslog and
 * /dev/kmsg) and, if its level is below console_loglevel, is also written to
 * every registered console with a "[seconds.micros]" timestamp. Records are
 * variable-length and stored back to back; when the buffer is full the oldest
 * records are dropped. logbuf_lock (irqsave) protects the buffer, the
 * sequence numbers and the console list; consoles are called under it. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/console.h>
#include <linux/spinlock.h>
#include <linux/printk_ringbuffer.h>
#include <linux/init.h>

int console_loglevel = 7;
static int default_message_loglevel = LOGLEVEL_DEFAULT;

#define LOG_BUF_LEN (128 * 1024)
static char log_buf[LOG_BUF_LEN] __aligned(8);
static DEFINE_SPINLOCK(logbuf_lock);
static LIST_HEAD(console_list);

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

static void log_store(int level, u64 ts, const char *text, u16 text_len)
{
	u32 size = ALIGN((u32)sizeof(struct log_rec) + text_len, 8);
	u32 idx = make_room(size);
	struct log_rec *r = (struct log_rec *)(log_buf + idx);
	r->seq = log_next_seq++;
	r->ts_nsec = ts;
	r->len = size;
	r->text_len = text_len;
	r->level = level;
	r->facility = 0;
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

int vprintk(const char *fmt, va_list ap)
{
	static char textbuf[1024];	/* under logbuf_lock */
	static bool line_open;		/* last message did not end in '\n' */
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
	bool cont = level < 0 && line_open;
	if (level < 0)
		level = default_message_loglevel;
	bool has_nl = len > 0 && textbuf[len - 1] == '\n';
	int text_len = has_nl ? len - 1 : len;

	/* A continuation is appended to the console line; the ring buffer keeps
	 * it as its own record (dmesg joins nothing; Linux merges, we do not). */
	if (!cont || text_len)
		log_store(level, ts, textbuf, text_len);

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
		console_emit(textbuf, len);
	}
	line_open = !has_nl;

	arch_spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
	preempt_enable_no_resched();
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
		u32 idx = log_first_idx;
		for (u64 s = log_first_seq; s < seq; s++)
			idx = next_idx(idx);
		struct log_rec *r = rec_at(idx);
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

u64 printk_first_seq(void)
{
	return READ_ONCE(log_first_seq);
}

void printk_clear(void)
{
	unsigned long flags;
	spin_lock_irqsave(&logbuf_lock, flags);
	log_first_seq = log_next_seq;
	log_first_idx = log_next_idx;
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

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
	console_loglevel = 4;
	return 0;
}
early_param("quiet", quiet_setup);

static int __init debug_setup(char *val)
{
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_setup);
