/* Kernel timers: run a function at a given jiffy (kernel/time/timer.c). The
 * function runs in interrupt context on the CPU that armed the timer. */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H
#include <linux/list.h>
#include <linux/jiffies.h>

struct timer_list {
	struct list_head entry;		/* base->lock */
	unsigned long expires;
	void (*function)(struct timer_list *t);
	int cpu;			/* base it is queued on, -1 if none (base->lock) */
};
void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *), unsigned int flags);
/* Arm (or re-arm) to fire at @expires. Returns 1 if it was pending. */
int mod_timer(struct timer_list *t, unsigned long expires);
int del_timer(struct timer_list *t);
int del_timer_sync(struct timer_list *t);
void run_local_timers(void);
void init_timers(void);
#define from_timer(var, t, field) container_of(t, __typeof__(*var), field)
#endif
