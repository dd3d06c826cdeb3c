/* Wait queues: sleep until a condition becomes true (kernel/sched/wait.c).
 * The condition is always re-checked after setting the task state, so a
 * wakeup between the check and the sleep is never lost. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq, unsigned int mode, void *key);

struct wait_queue_entry {
	unsigned int flags;
	struct task_struct *private;
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;
#define WQ_FLAG_EXCLUSIVE 0x01

typedef struct {
	spinlock_t lock;		/* irqsave: wakeups come from interrupts */
	struct list_head head;
} wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(n) { __SPIN_LOCK_UNLOCKED(n.lock), LIST_HEAD_INIT(n.head) }
#define DECLARE_WAIT_QUEUE_HEAD(n) wait_queue_head_t n = __WAIT_QUEUE_HEAD_INITIALIZER(n)

void init_waitqueue_head(wait_queue_head_t *wq);
int default_wake_function(wait_queue_entry_t *wq, unsigned int mode, void *key);
void init_wait_entry(wait_queue_entry_t *w, int flags);
void add_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *w);
void remove_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *w);
void prepare_to_wait(wait_queue_head_t *wq, wait_queue_entry_t *w, int state);
void prepare_to_wait_exclusive(wait_queue_head_t *wq, wait_queue_entry_t *w, int state);
void finish_wait(wait_queue_head_t *wq, wait_queue_entry_t *w);
void __wake_up(wait_queue_head_t *wq, unsigned int mode, int nr_exclusive, void *key);
static inline bool waitqueue_active(wait_queue_head_t *wq) { return !list_empty(&wq->head); }

#define wake_up(x) __wake_up(x, 3, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, 3, nr, NULL)
#define wake_up_all(x) __wake_up(x, 3, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, 1, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, 1, 0, NULL)
#define wake_up_interruptible_poll(x, m) __wake_up(x, 1, 1, (void *)(unsigned long)(m))
#define wake_up_poll(x, m) __wake_up(x, 3, 1, (void *)(unsigned long)(m))

/* Core loop. @state: TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE. @cmd sleeps.
 * Evaluates to 0 when @cond is true, -ERESTARTSYS on a signal (interruptible). */
#define ___wait_event(wq, cond, state, exclusive, ret, cmd) ({ \
	wait_queue_entry_t __we; \
	long __ret = ret; \
	init_wait_entry(&__we, exclusive ? WQ_FLAG_EXCLUSIVE : 0); \
	for (;;) { \
		prepare_to_wait(&(wq), &__we, state); \
		if (cond) \
			break; \
		if ((state) == TASK_INTERRUPTIBLE && signal_pending(current)) { \
			__ret = -ERESTARTSYS; \
			break; \
		} \
		cmd; \
	} \
	finish_wait(&(wq), &__we); \
	__ret; })

#define wait_event(wq, cond) do { \
	if (!(cond)) \
		(void)___wait_event(wq, cond, TASK_UNINTERRUPTIBLE, 0, 0, schedule()); \
} while (0)
#define wait_event_interruptible(wq, cond) ({ \
	int __r = 0; \
	if (!(cond)) \
		__r = ___wait_event(wq, cond, TASK_INTERRUPTIBLE, 0, 0, schedule()); \
	__r; })
#define wait_event_interruptible_exclusive(wq, cond) ({ \
	int __r = 0; \
	if (!(cond)) \
		__r = ___wait_event(wq, cond, TASK_INTERRUPTIBLE, 1, 0, schedule()); \
	__r; })
/* Returns remaining jiffies (>= 1) if @cond became true, 0 on timeout. */
#define wait_event_timeout(wq, cond, timeout) ({ \
	long __t = (timeout); \
	if (!(cond)) \
		(void)___wait_event(wq, (cond) || !__t, TASK_UNINTERRUPTIBLE, 0, 0, \
				    __t = schedule_timeout(__t)); \
	(cond) && !__t ? 1 : __t; })
/* Remaining jiffies, 0 on timeout, -ERESTARTSYS on a signal. */
#define wait_event_interruptible_timeout(wq, cond, timeout) ({ \
	long __t = (timeout); \
	long __r = 0; \
	if (!(cond)) \
		__r = ___wait_event(wq, (cond) || !__t, TASK_INTERRUPTIBLE, 0, 0, \
				    __t = schedule_timeout(__t)); \
	__r ? __r : ((cond) && !__t ? 1 : __t); })
#endif
