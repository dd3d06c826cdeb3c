/* Completions: wait for "this has happened" once (kernel/sched/completion.c). */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H
#include <linux/wait.h>

struct completion {
	unsigned int done;	/* wait.lock */
	wait_queue_head_t wait;
};

void init_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
long wait_for_completion_timeout(struct completion *x, long timeout);
bool completion_done(struct completion *x);
static inline void reinit_completion(struct completion *x) { x->done = 0; }
#endif
