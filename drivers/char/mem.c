/* The memory devices of major 1: /dev/null, /dev/zero, /dev/full,
 * /dev/random and /dev/urandom (Linux's numbers and semantics). Seed
 * concept: "character device driver" — the smallest ones there are.
 *   null (1,3): reads are EOF, writes vanish (all count bytes "written").
 *   zero (1,5): reads give zero bytes, writes vanish.
 *   full (1,7): reads give zero bytes, writes fail with ENOSPC.
 *   random (1,8), urandom (1,9): reads give get_random_bytes() output,
 *     writes are accepted (Linux mixes them in; [LINUX-DIFF] we drop them).
 *   kmsg (1,11): the kernel log, one record per read (kernel/printk/printk.c).
 * Seeking any of them succeeds and leaves the position at 0 (null, zero,
 * full), or changes nothing (random, urandom), as Linux. No state: no
 * locks. [LINUX-DIFF] mmap of /dev/zero is not there yet (ENODEV). */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/string.h>
#include <linux/device.h>
#include <linux/init.h>

#define MEM_MAJOR 1

void get_random_bytes(void *buf, size_t n);	/* drivers/char/random.c */

static ssize_t read_null(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)f; (void)buf; (void)count; (void)pos;
	return 0;
}

static ssize_t write_null(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	(void)f; (void)buf; (void)pos;
	return count;
}

/* What write(2) calls (->write_user): as on Linux the data is never read,
 * so a buffer that is not mapped still "writes" (only a range outside user
 * space is EFAULT), and no bounce copy is made. */
static ssize_t write_null_user(struct file *f, const char __user *buf, size_t count, loff_t *pos)
{
	(void)f; (void)buf; (void)pos;
	return count;
}

static ssize_t read_zero(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)f; (void)pos;
	memset(buf, 0, count);
	return count;
}

static ssize_t write_full(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	(void)f; (void)buf; (void)count; (void)pos;
	return -ENOSPC;
}

static ssize_t read_random(struct file *f, char *buf, size_t count, loff_t *pos)
{
	(void)f; (void)pos;
	get_random_bytes(buf, count);
	return count;
}

/* null, zero, full: every seek lands on 0. */
static loff_t null_lseek(struct file *f, loff_t off, int whence)
{
	(void)off; (void)whence;
	f->f_pos = 0;
	return 0;
}

/* random, urandom: seeking is allowed and changes nothing. */
static loff_t noop_llseek(struct file *f, loff_t off, int whence)
{
	(void)off; (void)whence;
	return f->f_pos;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek, .read = read_null, .write = write_null, .write_user = write_null_user,
};
static const struct file_operations zero_fops = {
	.llseek = null_lseek, .read = read_zero, .write = write_null, .write_user = write_null_user,
};
static const struct file_operations full_fops = {
	.llseek = null_lseek, .read = read_zero, .write = write_full,
};
static const struct file_operations random_fops = {
	.llseek = noop_llseek, .read = read_random, .write = write_null,
};

static const struct memdev {
	const char *name;
	unsigned int minor;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	{ "null", 3, 0666, &null_fops },
	{ "zero", 5, 0666, &zero_fops },
	{ "full", 7, 0666, &full_fops },
	{ "random", 8, 0666, &random_fops },
	{ "urandom", 9, 0666, &random_fops },
	{ "kmsg", 11, 0644, &kmsg_fops },	/* kernel/printk/printk.c */
};

/* The major's open: pick the minor's fops (Linux's memory_open). */
static int memory_open(struct inode *inode, struct file *f)
{
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++)
		if (devlist[i].minor == MINOR(inode->i_rdev)) {
			f->f_op = devlist[i].fops;
			return f->f_op->open ? f->f_op->open(inode, f) : 0;
		}
	return -ENXIO;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

static int __init chr_dev_init(void)
{
	int err = register_chrdev(MEM_MAJOR, "mem", &memory_fops);
	if (err < 0) {
		pr_err("mem: cannot register major %d: %d\n", MEM_MAJOR, err);
		return err;
	}
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++)
		devtmpfs_create_node(devlist[i].name, S_IFCHR | devlist[i].mode,
				     MKDEV(MEM_MAJOR, devlist[i].minor));
	return 0;
}
device_initcall(chr_dev_init);
