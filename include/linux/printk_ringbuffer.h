/* Reading the printk ring buffer: for syslog(2), /dev/kmsg and dmesg. */
#ifndef _LINUX_PRINTK_RINGBUFFER_H
#define _LINUX_PRINTK_RINGBUFFER_H
#include <linux/types.h>

struct printk_info {
	u64 seq;
	u64 ts_nsec;
	u8 level;
	u8 facility;
	u16 text_len;
};

long printk_read_record(u64 seq, struct printk_info *info, char *text, size_t size);
u64 printk_next_seq(void);
int printk_wait_for(u64 seq);	/* sleep until record seq exists (interruptible) */
u64 printk_first_seq(void);
void printk_clear(void);
void printk_enter_panic(void);
u64 local_clock(void);	/* ns since boot, for timestamps; 0 until a clock exists */
#endif
