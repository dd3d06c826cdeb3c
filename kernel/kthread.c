/* Kernel threads (seed concept: kernel threads): tasks that live entirely in
 * the kernel, with no user address space. They appear in `ps` in brackets.
 * kthread_stop() is the polite way to end one: it sets a flag the thread
 * polls with kthread_should_stop() and waits for the thread's exit. */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/string.h>

struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list ap;
	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	return create_kernel_thread(fn, data, name);
}

struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list ap;
	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	struct task_struct *k = create_kernel_thread(fn, data, name);
	if (k)
		wake_up_new_task(k);
	return k;
}

bool kthread_should_stop(void)
{
	return READ_ONCE(current->kthread_should_stop);
}

void kthread_bind(struct task_struct *k, int cpu)
{
	k->cpus_mask = 1UL << cpu;
	k->cpu = cpu;
}

int kthread_stop(struct task_struct *k)
{
	get_task_struct(k);
	WRITE_ONCE(k->kthread_should_stop, true);
	if (READ_ONCE(k->__state) == TASK_NEW)
		wake_up_new_task(k);
	wake_up_process(k);
	wait_for_completion(&k->kthread_exited);
	int ret = k->kthread_result;
	put_task_struct(k);
	return ret;
}
