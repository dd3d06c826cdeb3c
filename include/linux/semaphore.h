/* Counting semaphores (kernel/locking/semaphore.c). */
#ifndef _LINUX_SEMAPHORE_H
#define _LINUX_SEMAPHORE_H
#include <linux/wait.h>
struct semaphore {
	unsigned int count;	/* wait.lock */
	wait_queue_head_t wait;
};
void sema_init(struct semaphore *s, int val);
void down(struct semaphore *s);
int down_interruptible(struct semaphore *s);
bool down_trylock_ok(struct semaphore *s);
void up(struct semaphore *s);

/* Reader-writer semaphore: many readers or one writer (for mmap_lock). */
struct rw_semaphore {
	long count;	/* wait.lock: >0 readers, -1 writer, 0 free */
	wait_queue_head_t wait;
};
void init_rwsem(struct rw_semaphore *s);
void down_read(struct rw_semaphore *s);
void up_read(struct rw_semaphore *s);
void down_write(struct rw_semaphore *s);
void up_write(struct rw_semaphore *s);
#endif
