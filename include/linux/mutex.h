/* Sleeping locks with an owner (kernel/locking/mutex.c). May sleep: never
 * take one in interrupt context or with a spinlock held. */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H
#include <linux/wait.h>

struct task_struct;
struct mutex {
	struct task_struct *owner;	/* wait.lock */
	wait_queue_head_t wait;
};
#define __MUTEX_INITIALIZER(n) { NULL, __WAIT_QUEUE_HEAD_INITIALIZER(n.wait) }
#define DEFINE_MUTEX(n) struct mutex n = __MUTEX_INITIALIZER(n)
void mutex_init(struct mutex *m);
void mutex_lock(struct mutex *m);
int mutex_lock_interruptible(struct mutex *m);
bool mutex_trylock(struct mutex *m);
void mutex_unlock(struct mutex *m);
static inline bool mutex_is_locked(struct mutex *m) { return READ_ONCE(m->owner) != NULL; }
#endif
