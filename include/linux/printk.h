/* printk: Linux's eight log levels into a ring buffer (kernel/printk/printk.c). */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/compiler.h>
#include <linux/types.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE 5
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7
#define LOGLEVEL_DEFAULT 4	/* level of a message without a prefix */

/* Debian's CONFIG_CONSOLE_LOGLEVEL_DEFAULT, _QUIET, MESSAGE_LOGLEVEL_DEFAULT */
#define CONSOLE_LOGLEVEL_DEFAULT 7
#define CONSOLE_LOGLEVEL_QUIET 4
#define CONSOLE_LOGLEVEL_MIN 1
#define MESSAGE_LOGLEVEL_DEFAULT LOGLEVEL_DEFAULT

/* /proc/sys/kernel/printk: the four levels, in that order. */
extern int console_printk[4];
#define console_loglevel (console_printk[0])		/* messages below it reach the console */
#define default_message_loglevel (console_printk[1])	/* level of messages without one */
#define minimum_console_loglevel (console_printk[2])	/* lowest console_loglevel allowed */
#define default_console_loglevel (console_printk[3])
extern int dmesg_restrict;	/* /proc/sys/kernel/dmesg_restrict */

struct file_operations;
extern const struct file_operations kmsg_fops;	/* /dev/kmsg (drivers/char/mem.c) */
extern const struct file_operations proc_kmsg_operations;	/* /proc/kmsg (fs/proc/misc.c) */
/* From the timer tick: wake log readers for messages stored with
 * interrupts off. */
void printk_tick(void);
struct seq_file;
/* /proc/sys/kernel/{printk,dmesg_restrict} (kernel/printk/sysctl.c) */
int printk_sysctl_show(struct seq_file *m, void *v);
ssize_t printk_sysctl_write(const char *buf, size_t count);
int dmesg_restrict_show(struct seq_file *m, void *v);
ssize_t dmesg_restrict_write(const char *buf, size_t count);
int devkmsg_sysctl_show(struct seq_file *m, void *v);
ssize_t devkmsg_mode_write(const char *buf, size_t count);
const char *devkmsg_mode(void);

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list ap);
/* Write straight to the console, bypassing the buffer: panic and early boot. */
void early_printk(const char *s);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) ({ static bool _once; \
	if (!_once) { _once = true; pr_warn(fmt, ##__VA_ARGS__); } })
#define pr_info_once(fmt, ...) ({ static bool _once; \
	if (!_once) { _once = true; pr_info(fmt, ##__VA_ARGS__); } })

#endif
