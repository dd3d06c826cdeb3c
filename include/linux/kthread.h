/* Kernel threads (kernel/kthread.c, seed concept: kernel threads). */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H
#include <linux/sched.h>

__printf(3, 4) struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *namefmt, ...);
/* kthread_create() and start it. */
__printf(3, 4) struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *namefmt, ...);
/* Ask @k to stop, wait for it to exit and return its result. @k must not
 * exit on its own before being asked (as on Linux). */
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void kthread_bind(struct task_struct *k, int cpu);
#endif
