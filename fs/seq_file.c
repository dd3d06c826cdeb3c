/* seq_file: generated files read through a growing kernel buffer (every
 * /proc file). Seed concept: "read(): fd -> file -> VFS -> filesystem"
 * (here the filesystem computes the bytes on demand).
 *
 * One record is generated at a time (start, show, next, stop), into m->buf;
 * a record that does not fit is printed again into a buffer twice as big.
 * read() copies the buffer out, generating the next record when it is
 * empty; a read at another offset than where the last one ended (after
 * lseek or pread) regenerates from the first record, discarding bytes up to
 * that offset. A single_open file is one record, so the first read takes a
 * snapshot of the whole file that later reads continue: `cat` of a file
 * never sees two states of the kernel mixed. */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <asm/page.h>

/* A record bigger than this is an error (Linux's limit is memory). */
#define SEQ_BUF_MAX (4UL << 20)

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	mutex_init(&m->lock);
	m->op = op;
	m->file = file;
	file->private_data = m;
	return 0;
}

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;
	(void)inode;
	kfree(m->buf);
	kfree(m);
	return 0;
}

/* Generate the record at m->index into an empty buffer and advance the
 * index past it. Returns 1 with text in the buffer, 0 at the end, or
 * -errno. */
static int seq_fill(struct seq_file *m)
{
	for (;;) {
		if (!m->buf) {
			m->size = PAGE_SIZE;
			m->buf = kmalloc(m->size, GFP_KERNEL);
			if (!m->buf)
				return -ENOMEM;
		}
		m->from = 0;
		m->count = 0;
		loff_t pos = m->index;
		void *p = m->op->start(m, &pos);
		if (!p || IS_ERR(p)) {
			m->op->stop(m, p);
			return p ? PTR_ERR(p) : 0;
		}
		int err = m->op->show(m, p);
		if (err < 0) {
			m->op->stop(m, p);
			m->count = 0;
			return err;
		}
		if (!seq_has_overflowed(m)) {
			p = m->op->next(m, p, &pos);
			m->op->stop(m, p);
			m->index = pos;
			if (err > 0)
				m->count = 0;	/* show asked to skip this record */
			if (m->count)
				return 1;
			if (!p || IS_ERR(p))
				return p ? PTR_ERR(p) : 0;
			continue;	/* an empty record: go on to the next */
		}
		m->op->stop(m, p);
		/* Too small: print the same record again into twice the room. */
		size_t size = m->size * 2;
		kfree(m->buf);
		m->buf = NULL;
		m->count = 0;
		if (size > SEQ_BUF_MAX)
			return -ENOMEM;
		m->buf = kmalloc(size, GFP_KERNEL);
		if (!m->buf)
			return -ENOMEM;
		m->size = size;
	}
}

/* Start again from the first record and skip to offset. */
static int seq_traverse(struct seq_file *m, loff_t offset)
{
	m->index = 0;
	m->count = 0;
	m->from = 0;
	m->read_pos = 0;
	while (m->read_pos < offset) {
		int r = seq_fill(m);
		if (r <= 0)
			return r;	/* past the end: reads there return 0 */
		size_t skip = min_t(loff_t, m->count, offset - m->read_pos);
		m->from += skip;
		m->count -= skip;
		m->read_pos += skip;
	}
	return 0;
}

ssize_t seq_read(struct file *file, char *buf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t copied = 0;
	int err = 0;
	mutex_lock(&m->lock);
	if (*ppos != m->read_pos) {
		err = seq_traverse(m, *ppos);
		if (err || m->read_pos != *ppos)
			goto out;
	}
	while (copied < size) {
		if (!m->count) {
			err = seq_fill(m);
			if (err <= 0)
				break;
			err = 0;
		}
		size_t n = min(m->count, size - copied);
		memcpy(buf + copied, m->buf + m->from, n);
		m->from += n;
		m->count -= n;
		m->read_pos += n;
		copied += n;
	}
	*ppos = m->read_pos;
out:
	mutex_unlock(&m->lock);
	return copied ? (ssize_t)copied : err;
}

/* SEEK_SET and SEEK_CUR only, as Linux (a generated file has no end to seek
 * from: SEEK_END is EINVAL). */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t ret = -EINVAL;
	mutex_lock(&m->lock);
	if (whence == 1 /* SEEK_CUR */)
		offset += file->f_pos;
	if ((whence == 0 /* SEEK_SET */ || whence == 1) && offset >= 0) {
		ret = offset;
		if (offset != m->read_pos && seq_traverse(m, offset) < 0) {
			/* Could not regenerate: the next read starts over. */
			m->read_pos = -1;
		}
		file->f_pos = offset;
	}
	mutex_unlock(&m->lock);
	return ret;
}

void seq_vprintf(struct seq_file *m, const char *fmt, va_list ap)
{
	if (m->count < m->size) {
		size_t room = m->size - m->count;
		int n = vsnprintf(m->buf + m->count, room, fmt, ap);
		if (n >= 0 && (size_t)n < room) {
			m->count += n;
			return;
		}
	}
	m->count = m->size;	/* overflowed */
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	seq_vprintf(m, fmt, ap);
	va_end(ap);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
	} else {
		m->count = m->size;
	}
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 32 || c == 127 || strchr(esc, c)) {
			char o[5] = { '\\', '0' + (c >> 6), '0' + ((c >> 3) & 7), '0' + (c & 7), 0 };
			seq_write(m, o, 4);
		} else {
			seq_putc(m, (char)c);
		}
	}
}

void seq_pad_to(struct seq_file *m, size_t c)
{
	if (seq_has_overflowed(m))
		return;
	size_t line = m->count;
	while (line > 0 && m->buf[line - 1] != '\n')
		line--;
	while (m->count - line < c && !seq_has_overflowed(m))
		seq_putc(m, ' ');
}

/* single_open: one record, printed by the opener's show. */
static void *single_start(struct seq_file *m, loff_t *pos)
{
	(void)m;
	return *pos == 0 ? (void *)1 : NULL;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)m;
	(void)v;
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
	(void)m;
	(void)v;
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct seq_operations *op = kzalloc(sizeof(*op), GFP_KERNEL);
	if (!op)
		return -ENOMEM;
	op->start = single_start;
	op->next = single_next;
	op->stop = single_stop;
	op->show = show;
	int err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;
	int r = seq_release(inode, file);
	kfree(op);
	return r;
}
