/* The fixed files at the top of /proc and /proc/sys: version, cmdline,
 * mounts, filesystems, interrupts, devices, and the kernel.* sysctls. The
 * table at the end is the root directory's listing. */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <linux/utsname.h>
#include <linux/seq_file.h>
#include "internal.h"

int version_proc_show(struct seq_file *m, void *v)
{
	char release[__NEW_UTS_LEN + 1], version[__NEW_UTS_LEN + 1];
	(void)v;
	uts_get_field(UTS_RELEASE, release, sizeof(release));
	uts_get_field(UTS_VERSION, version, sizeof(version));
	seq_printf(m, "Linux version %s (lucid@lucid) (%s) %s\n", release,
#ifdef __clang__
		   "clang version " __clang_version__,
#else
		   "gcc version " __VERSION__,
#endif
		   version);
	return 0;
}

int cmdline_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%s\n", boot_command_line);
	return 0;
}

static int mounts_one(void *arg, const char *dev, const char *dir, const char *type, const char *opts)
{
	struct seq_file *m = arg;
	seq_escape(m, dev, " \t\n\\");
	seq_putc(m, ' ');
	seq_escape(m, dir, " \t\n\\");
	seq_printf(m, " %s %s 0 0\n", type, opts);
	return seq_has_overflowed(m);	/* stop early: the record is redone bigger */
}

int mounts_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	int err = iterate_mounts(mounts_one, m);
	return err > 0 ? 0 : err;
}

int filesystems_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	get_filesystem_list(buf, PAGE_SIZE);
	seq_puts(m, buf);
	kfree(buf);
	return 0;
}

int interrupts_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	size_t size = 16384;
	char *buf = kmalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	show_interrupts(buf, size);
	seq_puts(m, buf);
	kfree(buf);
	return 0;
}

int devices_proc_show(struct seq_file *m, void *v)
{
	(void)v;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	chrdev_show(buf, PAGE_SIZE);
	/* No block devices yet: the section is empty. */
	seq_printf(m, "Character devices:\n%s\nBlock devices:\n", buf);
	kfree(buf);
	return 0;
}

/* ---- /proc/sys/kernel ---- */

static int show_uts(struct seq_file *m, enum uts_field f)
{
	char s[__NEW_UTS_LEN + 1];
	uts_get_field(f, s, sizeof(s));
	seq_printf(m, "%s\n", s);
	return 0;
}

static int ostype_show(struct seq_file *m, void *v) { (void)v; return show_uts(m, UTS_SYSNAME); }
static int osrelease_show(struct seq_file *m, void *v) { (void)v; return show_uts(m, UTS_RELEASE); }
static int kversion_show(struct seq_file *m, void *v) { (void)v; return show_uts(m, UTS_VERSION); }
static int hostname_show(struct seq_file *m, void *v) { (void)v; return show_uts(m, UTS_NODENAME); }
static int domainname_show(struct seq_file *m, void *v) { (void)v; return show_uts(m, UTS_DOMAINNAME); }

/* Linux's proc_dostring: the value is what was written, up to the first
 * newline; too long is EINVAL. Privilege: the file is 0644 root. */
static ssize_t write_uts(enum uts_field f, const char *buf, size_t count)
{
	size_t len = 0;
	while (len < count && buf[len] != '\n' && buf[len])
		len++;
	int err = uts_set_field(f, buf, len);
	return err ? err : (ssize_t)count;
}

static ssize_t hostname_write(const char *buf, size_t count) { return write_uts(UTS_NODENAME, buf, count); }
static ssize_t domainname_write(const char *buf, size_t count) { return write_uts(UTS_DOMAINNAME, buf, count); }

static int pid_max_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\n", pid_max);
	return 0;
}

static int threads_max_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\n", pid_max);
	return 0;
}

static int ngroups_max_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\n", NGROUPS_MAX);
	return 0;
}

#define RO(n, fn) { .name = n, .mode = S_IFREG | 0444, .show = fn }

static const struct proc_entry sys_kernel_entries[] = {
	{ .name = "dmesg_restrict", .mode = S_IFREG | 0644, .show = dmesg_restrict_show, .write = dmesg_restrict_write },
	{ .name = "domainname", .mode = S_IFREG | 0644, .show = domainname_show, .write = domainname_write },
	{ .name = "hostname", .mode = S_IFREG | 0644, .show = hostname_show, .write = hostname_write },
	RO("ngroups_max", ngroups_max_show),
	RO("osrelease", osrelease_show),
	RO("ostype", ostype_show),
	RO("pid_max", pid_max_show),
	{ .name = "printk", .mode = S_IFREG | 0644, .show = printk_sysctl_show, .write = printk_sysctl_write },
	{ .name = "printk_devkmsg", .mode = S_IFREG | 0644, .show = devkmsg_sysctl_show, .write = devkmsg_mode_write },
	RO("threads-max", threads_max_show),
	RO("version", kversion_show),
	{ 0 }
};

const struct proc_entry proc_sys_entries[] = {
	{ .name = "kernel", .mode = S_IFDIR | 0555, .kind = PROC_STATIC, .children = sys_kernel_entries },
	{ 0 }
};

static int proc_mounts_link(struct proc_inode *pi, char *buf)
{
	(void)pi;
	strlcpy(buf, "self/mounts", PATH_MAX);
	return 0;
}

const struct proc_entry proc_root_entries[] = {
	RO("buddyinfo", buddyinfo_proc_show),
	RO("cmdline", cmdline_proc_show),
	RO("cpuinfo", cpuinfo_proc_show),
	RO("devices", devices_proc_show),
	RO("filesystems", filesystems_proc_show),
	RO("interrupts", interrupts_proc_show),
	{ .name = "kmsg", .mode = S_IFREG | 0400, .proc_fops = &proc_kmsg_operations },
	RO("loadavg", loadavg_proc_show),
	RO("meminfo", meminfo_proc_show),
	{ .name = "mounts", .mode = S_IFLNK | 0777, .link = proc_mounts_link },
	{ .name = "self", .mode = S_IFLNK | 0777, .link = proc_self_link },
	{ .name = "slabinfo", .mode = S_IFREG | 0400, .show = slabinfo_proc_show },
	RO("stat", stat_proc_show),
	{ .name = "sys", .mode = S_IFDIR | 0555, .kind = PROC_STATIC, .children = proc_sys_entries },
	{ .name = "thread-self", .mode = S_IFLNK | 0777, .link = proc_thread_self_link },
	RO("uptime", uptime_proc_show),
	RO("version", version_proc_show),
	{ .name = "vmallocinfo", .mode = S_IFREG | 0400, .show = vmallocinfo_proc_show },
	RO("vmstat", vmstat_proc_show),
	{ 0 }
};
