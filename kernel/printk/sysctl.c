/* The printk sysctls: /proc/sys/kernel/printk (the four console levels)
 * and /proc/sys/kernel/dmesg_restrict (who may read the log). Written as
 * Linux's proc_dointvec: decimal integers separated by white space; fewer
 * than the file holds change only the first ones. */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/cred.h>

/* Parse up to @max integers from @buf; -EINVAL on anything else. Returns
 * how many were found. */
static int parse_ints(const char *buf, size_t count, int *vals, int max)
{
	size_t i = 0;
	int n = 0;
	for (;;) {
		while (i < count && (isspace(buf[i]) || !buf[i]))
			i++;
		if (i >= count)
			break;
		if (n == max)
			return -EINVAL;
		bool neg = buf[i] == '-';
		if (neg)
			i++;
		if (i >= count || !isdigit(buf[i]))
			return -EINVAL;
		long v = 0;
		while (i < count && isdigit(buf[i])) {
			v = v * 10 + (buf[i++] - '0');
			if (v > INT_MAX)
				return -EINVAL;
		}
		if (i < count && !isspace(buf[i]) && buf[i])
			return -EINVAL;
		vals[n++] = neg ? (int)-v : (int)v;
	}
	return n;
}

int printk_sysctl_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\t%d\t%d\t%d\n", console_loglevel, default_message_loglevel,
		   minimum_console_loglevel, default_console_loglevel);
	return 0;
}

ssize_t printk_sysctl_write(const char *buf, size_t count)
{
	int vals[4];
	int n = parse_ints(buf, count, vals, 4);
	if (n < 0)
		return n;
	for (int i = 0; i < n; i++)
		WRITE_ONCE(console_printk[i], vals[i]);
	return count;
}

int dmesg_restrict_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\n", dmesg_restrict);
	return 0;
}

/* Linux's proc_dointvec_minmax_sysadmin: CAP_SYS_ADMIN, 0 or 1. */
ssize_t dmesg_restrict_write(const char *buf, size_t count)
{
	int val;
	if (current->cred.euid != 0)	/* [LINUX-DIFF] euid 0 stands for CAP_SYS_ADMIN */
		return -EPERM;
	int n = parse_ints(buf, count, &val, 1);
	if (n < 0)
		return n;
	if (n == 1) {
		if (val < 0 || val > 1)
			return -EINVAL;
		WRITE_ONCE(dmesg_restrict, val);
	}
	return count;
}

/* /proc/sys/kernel/printk_devkmsg: on, off or ratelimit. */
int devkmsg_sysctl_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%s\n", devkmsg_mode());
	return 0;
}
