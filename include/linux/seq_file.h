/* seq_file: files whose contents are generated, one record at a time, when
 * read (every /proc file). The generator prints into a kernel buffer that
 * grows until a record fits; read() copies out of it and lseek() regenerates
 * up to the new position. Implementation: fs/seq_file.c. */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/compiler.h>
#include <linux/fs.h>

struct seq_file;

/* The iterator a seq file walks: start returns the record at *pos (or NULL
 * at the end, or an ERR_PTR), next the one after v (advancing *pos), stop
 * undoes start (it is called after every start, even a failed one). show
 * prints one record; returning nonzero (a -errno) fails the read. */
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

/* Everything below is protected by lock (one reader of an open file at a
 * time, as Linux's seq_file). */
struct seq_file {
	char *buf;		/* the generated text of the current record(s) */
	size_t size;		/* bytes allocated in buf */
	size_t from;		/* next byte of buf to copy out */
	size_t count;		/* bytes of buf not yet copied out */
	loff_t index;		/* the next record to generate */
	loff_t read_pos;	/* file offset of buf[from] */
	const struct seq_operations *op;
	void *private;		/* the opener's (single_open: its data) */
	struct file *file;
	struct mutex lock;
};

int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);

/* The common case: the whole file is one record printed by show. */
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);

/* Output helpers: text that does not fit marks the buffer overflowed, and
 * the record is printed again into a bigger one. */
__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list ap);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
/* s with every byte of esc (and control characters) written as \ooo, as
 * /proc/mounts does for spaces in paths. */
void seq_escape(struct seq_file *m, const char *s, const char *esc);
/* Pad with spaces to column c (maps: the path column). */
void seq_pad_to(struct seq_file *m, size_t c);
static inline bool seq_has_overflowed(struct seq_file *m) { return m->count == m->size; }
#endif
