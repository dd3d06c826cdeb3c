/* syslog(2)'s actions (kernel/printk/printk.c: do_syslog). Values from
 * Linux's include/linux/syslog.h (the ABI of klogctl(3)). */
#ifndef _LINUX_SYSLOG_H
#define _LINUX_SYSLOG_H
#include <linux/compiler.h>

#define SYSLOG_ACTION_CLOSE 0		/* no-op */
#define SYSLOG_ACTION_OPEN 1		/* no-op */
#define SYSLOG_ACTION_READ 2		/* consume; blocks until there is something */
#define SYSLOG_ACTION_READ_ALL 3	/* the newest records that fit, since CLEAR */
#define SYSLOG_ACTION_READ_CLEAR 4	/* READ_ALL, then CLEAR */
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_OFF 6	/* console_loglevel = minimum */
#define SYSLOG_ACTION_CONSOLE_ON 7	/* undo CONSOLE_OFF */
#define SYSLOG_ACTION_CONSOLE_LEVEL 8	/* console_loglevel = len (1..8) */
#define SYSLOG_ACTION_SIZE_UNREAD 9	/* bytes READ would return */
#define SYSLOG_ACTION_SIZE_BUFFER 10	/* size of the ring buffer */

long do_syslog(int type, char __user *buf, int len);
#endif
