/* Character devices: the registry that maps a device number (major,
 * minor) to a driver's file_operations, and the open that dispatches an
 * S_IFCHR inode to its driver. Seed concept: "character device driver".
 *
 * A driver registers a range of minors of one major (register_chrdev: all
 * 256 of the classic range). Opening /dev/null runs chrdev_open (the
 * inode's i_fop, set by init_special_inode), which looks i_rdev up here,
 * puts the driver's fops into the file and calls the driver's ->open.
 * [LINUX-DIFF] no struct cdev/kobj_map: a short list searched linearly, as
 * there are a handful of drivers. chrdevs_lock (spinlock) guards the list;
 * entries are never freed while registered, and drivers are built in. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#define CHRDEV_MAJOR_MAX 512
#define CHRDEV_MAJOR_DYN_END 234	/* dynamic majors: 254 down to here, as Linux */

struct char_device_struct {
	struct list_head list;		/* [chrdevs_lock] */
	unsigned int major, baseminor, count;
	const char *name;
	const struct file_operations *fops;
};

static LIST_HEAD(chrdevs);
static DEFINE_SPINLOCK(chrdevs_lock);

static bool overlaps(const struct char_device_struct *cd, unsigned int major,
		     unsigned int baseminor, unsigned int count)
{
	return cd->major == major && baseminor < cd->baseminor + cd->count &&
	       cd->baseminor < baseminor + count;
}

static bool major_in_use(unsigned int major)
{
	struct char_device_struct *cd;
	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == major)
			return true;
	return false;
}

/* /proc/devices' character section: "major name" once per major, in
 * increasing order (Linux's chrdev_show). Returns the length written. */
int chrdev_show(char *buf, size_t size)
{
	int len = 0;
	unsigned int last = 0;
	spin_lock(&chrdevs_lock);
	for (;;) {	/* the smallest major above the last printed */
		struct char_device_struct *cd, *best = NULL;
		list_for_each_entry(cd, &chrdevs, list)
			if (cd->major > last && (!best || cd->major < best->major))
				best = cd;
		if (!best)
			break;
		len += scnprintf(buf + len, size - len, "%3u %s\n", best->major, best->name);
		last = best->major;
	}
	spin_unlock(&chrdevs_lock);
	return len;
}

/* Register minors [baseminor, baseminor + count) of major for fops.
 * Returns the major (useful when major was 0: dynamic) or -errno. */
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops)
{
	if (major >= CHRDEV_MAJOR_MAX || !count || baseminor + count > MINORMASK + 1)
		return -EINVAL;
	struct char_device_struct *cd = kzalloc(sizeof(*cd), GFP_KERNEL), *p;
	if (!cd)
		return -ENOMEM;
	int ret = 0;
	spin_lock(&chrdevs_lock);
	if (!major) {
		for (unsigned int m = 254; m >= CHRDEV_MAJOR_DYN_END; m--)
			if (!major_in_use(m)) {
				major = m;
				break;
			}
		if (!major)
			ret = -EBUSY;
	}
	if (!ret)
		list_for_each_entry(p, &chrdevs, list)
			if (overlaps(p, major, baseminor, count))
				ret = -EBUSY;
	if (!ret) {
		cd->major = major;
		cd->baseminor = baseminor;
		cd->count = count;
		cd->name = name;
		cd->fops = fops;
		list_add_tail(&cd->list, &chrdevs);
	}
	spin_unlock(&chrdevs_lock);
	if (ret) {
		kfree(cd);
		return ret;
	}
	return major;
}

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}

void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name)
{
	struct char_device_struct *cd, *found = NULL;
	(void)name;
	spin_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == major && cd->baseminor == baseminor && cd->count == count) {
			list_del(&cd->list);
			found = cd;
			break;
		}
	spin_unlock(&chrdevs_lock);
	kfree(found);
}

void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

static const struct file_operations *chrdev_lookup(dev_t dev)
{
	const struct file_operations *fops = NULL;
	struct char_device_struct *cd;
	spin_lock(&chrdevs_lock);
	list_for_each_entry(cd, &chrdevs, list)
		if (cd->major == MAJOR(dev) && MINOR(dev) >= cd->baseminor &&
		    MINOR(dev) < cd->baseminor + cd->count) {
			fops = cd->fops;
			break;
		}
	spin_unlock(&chrdevs_lock);
	return fops;
}

/* The open of every character device inode: become the driver's file. */
static int chrdev_open(struct inode *inode, struct file *f)
{
	const struct file_operations *fops = chrdev_lookup(inode->i_rdev);
	if (!fops)
		return -ENXIO;
	f->f_op = fops;
	if (fops->open)
		return fops->open(inode, f);
	return 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

/* Block devices do not exist yet: opening one is ENXIO, as a block device
 * number with no driver is on Linux. */
static int no_blkdev_open(struct inode *inode, struct file *f)
{
	(void)inode;
	(void)f;
	return -ENXIO;
}

static const struct file_operations bad_blk_fops = {
	.open = no_blkdev_open,
};

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = (inode->i_mode & ~S_IFMT) | (mode & S_IFMT);
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if ((mode & S_IFMT) == S_IFBLK) {
		inode->i_fop = &bad_blk_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;	/* fs/pipe.c: fifo_open */
	}
	/* Sockets cannot be opened (ENXIO, do_dentry_open's NULL-f_op rule
	 * applies). */
}
