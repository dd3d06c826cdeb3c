/* Creating tasks (seed concept: fork). For now: kernel threads. A task is a
 * task_struct plus a THREAD_SIZE kernel stack; it enters the scheduler through
 * wake_up_new_task(). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/ktime.h>

static struct kmem_cache *task_struct_cachep;
atomic_t nr_threads = ATOMIC_INIT(1);

struct task_struct *alloc_task_struct(void)
{
	if (!task_struct_cachep)
		task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 64,
						       SLAB_PANIC, NULL);
	struct task_struct *t = kmem_cache_zalloc(task_struct_cachep, GFP_KERNEL);
	if (!t)
		return NULL;
	t->stack = (void *)__get_free_pages(GFP_KERNEL, get_order(THREAD_SIZE));
	if (!t->stack) {
		kmem_cache_free(task_struct_cachep, t);
		return NULL;
	}
	atomic_set(&t->usage, 1);
	spin_lock_init(&t->pi_lock);
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->tasks);
	init_completion(&t->kthread_exited);
	t->start_time = ktime_get_ns();
	atomic_inc(&nr_threads);
	return t;
}

void put_task_struct(struct task_struct *t)
{
	if (!atomic_dec_and_test(&t->usage))
		return;
	if (t->pid > 0)
		free_pid(t->pid);
	free_pages((unsigned long)t->stack, get_order(THREAD_SIZE));
	kmem_cache_free(task_struct_cachep, t);
	atomic_dec(&nr_threads);
}

/* A kernel thread running fn(arg), child of @parent (kthreadd or init_task).
 * It is created stopped (TASK_NEW); wake_up_new_task() starts it. */
struct task_struct *create_kernel_thread(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = alloc_task_struct();
	unsigned long flags;
	if (!p)
		return NULL;
	p->pid = alloc_pid();
	if (p->pid < 0) {
		p->pid = 0;
		put_task_struct(p);
		return NULL;
	}
	p->tgid = p->pid;
	p->flags = PF_KTHREAD;
	p->active_mm = init_task.active_mm;
	p->exit_signal = -1;
	strlcpy(p->comm, name, sizeof(p->comm));
	sched_fork(p);
	copy_thread_kernel(p, fn, arg);
	spin_lock_irqsave(&tasklist_lock, flags);
	p->real_parent = p->parent = &init_task;
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}
