/* Creating tasks (seed concept: fork). For now: kernel threads. A task is a
 * task_struct plus a THREAD_SIZE kernel stack; it enters the scheduler through
 * wake_up_new_task(). */
#include <uapi/linux/sched.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <asm/tlbflush.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/mm_struct.h>
#include <linux/syscalls.h>
#include <linux/signal.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <asm/fpu.h>
#include <asm/ptrace.h>

static struct kmem_cache *task_struct_cachep;
atomic_t nr_threads = ATOMIC_INIT(1);
atomic64_t total_forks;		/* tasks ever created (/proc/stat "processes") */

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
	init_completion(&t->vfork_done);
	init_waitqueue_head(&t->wait_chldexit);
	t->start_time = ktime_get_ns();
	t->restart_block.fn = do_no_restart_syscall;
	t->dumpable = 1;
	t->timer_slack_ns = 50000;
	itimer_init_task(t);
	rlimits_init(t);
	atomic_inc(&nr_threads);
	atomic64_inc(&total_forks);
	return t;
}

void put_task_struct(struct task_struct *t)
{
	if (!atomic_dec_and_test(&t->usage))
		return;
	if (t->pid > 0)
		free_pid(t->pid);
	fpu_free(t);
	free_task_signals(t);
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
	/* Kernel threads share init_fs and have no fd table. */
	spin_lock(&init_fs.lock);
	init_fs.users++;
	spin_unlock(&init_fs.lock);
	p->fs = &init_fs;
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

/* ---- processes (seed concept: fork with copy-on-write) ---- */


struct pt_regs *task_pt_regs(struct task_struct *t);
void copy_thread_user(struct task_struct *p, const struct pt_regs *parent_regs, unsigned long newsp,
		      unsigned long tls, bool set_tls);

/* Copy the parent's address space. Private pages become shared read-only
 * with a reference each (the first write copies: mm/memory.c:do_wp_page);
 * MAP_SHARED pages stay shared and writable. */
static struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	if (!mm)
		return NULL;
	if (old->exe_file)
		mm->exe_file = get_file(old->exe_file);
	down_write(&old->mmap_lock);
	struct vm_area_struct *v;
	list_for_each_entry(v, &old->mmap, vm_list) {
		if (insert_vm_area(mm, v->vm_start, v->vm_end, v->vm_flags))
			goto fail;
		spin_lock(&old->page_table_lock);
		bool shared_anon = (v->vm_flags & VM_SHARED) && !v->vm_file;
		for (unsigned long a = v->vm_start; a < v->vm_end; a += PAGE_SIZE) {
			if (!shared_anon) {
				unsigned long next = pt_next_present(old->pgd, a);
				if (next != a) {	/* nothing mapped up to next */
					a = next - PAGE_SIZE;
					continue;
				}
			}
			pteval_t *src = walk_page_table(old->pgd, a, shared_anon, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
			/* MAP_SHARED|MAP_ANONYMOUS: a page neither process touched
			 * yet must also be the same page in both. [LINUX-DIFF] No
			 * shmem object behind the mapping: the parent's missing pages
			 * are filled (zeroed) now, so that both map them. */
			if (src && !pte_mapped(*src) && shared_anon) {
				struct page *page = alloc_page(GFP_HIGHUSER | __GFP_ZERO);
				if (!page) {
					spin_unlock(&old->page_table_lock);
					goto fail;
				}
				atomic_set(&page->_mapcount, 1);
				*src = page_to_phys(page) | vm_flags_to_prot(v->vm_flags);
				atomic64_inc(&old->rss);
			}
			if (!src || !pte_mapped(*src))
				continue;
			pteval_t *dst = walk_page_table(mm->pgd, a, true, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
			if (!dst) {
				spin_unlock(&old->page_table_lock);
				goto fail;
			}
			if (!(v->vm_flags & VM_SHARED) && (*src & _PAGE_RW))
				*src = (*src & ~_PAGE_RW) | _PAGE_COW;
			*dst = *src;
			get_page(pfn_to_page(pte_pfn(*src)));
			atomic64_inc(&mm->rss);
		}
		spin_unlock(&old->page_table_lock);
	}
	mm->start_code = old->start_code; mm->end_code = old->end_code;
	mm->start_data = old->start_data; mm->end_data = old->end_data;
	mm->start_brk = old->start_brk; mm->brk = old->brk; mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start; mm->arg_end = old->arg_end;
	mm->env_start = old->env_start; mm->env_end = old->env_end;
	memcpy(mm->saved_auxv, old->saved_auxv, sizeof(mm->saved_auxv));
	up_write(&old->mmap_lock);
	/* The parent's writable entries just became read-only: drop stale TLB
	 * entries on every CPU running one of its threads, not only here. */
	flush_tlb_mm(old);
	return mm;
fail:
	up_write(&old->mmap_lock);
	mmput(mm);
	return NULL;
}

static long kernel_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
			 int __user *child_tid, unsigned long tls)
{
	struct task_struct *parent = current, *p;
	unsigned long irqflags;
	if (flags & (CLONE_THREAD | CLONE_SIGHAND))
		return -EINVAL;	/* threads: not yet */
	if (!parent->mm)
		return -EINVAL;
	p = alloc_task_struct();
	if (!p)
		return -ENOMEM;
	atomic_set(&p->usage, 2);	/* its own (dropped when it dies) + the parent's (dropped at reap) */
	long err = -EAGAIN;
	p->pid = alloc_pid();
	if (p->pid < 0) {
		p->pid = 0;
		goto fail;
	}
	p->tgid = p->pid;
	memcpy(p->comm, parent->comm, sizeof(p->comm));
	p->cred = parent->cred;
	p->pgrp = parent->pgrp;
	p->session = parent->session;
	p->exit_signal = flags & CSIGNAL;
	rlimits_fork(p, parent);
	p->no_new_privs = parent->no_new_privs;
	p->keep_caps = parent->keep_caps;
	p->dumpable = parent->dumpable;
	p->timer_slack_ns = parent->timer_slack_ns;
	err = -ENOMEM;
	if (fpu_copy(p, parent))
		goto fail;
	if (copy_signal_state(p, parent))
		goto fail;
	err = copy_files(flags, p);
	if (err)
		goto fail;
	err = copy_fs(flags, p);
	if (err)
		goto fail;
	err = -ENOMEM;
	if (flags & CLONE_VM) {
		atomic_inc(&parent->mm->mm_users);
		p->mm = parent->mm;
	} else if (!(p->mm = dup_mm(parent->mm))) {
		goto fail;
	}
	p->active_mm = p->mm;
	p->thread.fsbase = parent->thread.fsbase;
	p->thread.gsbase = parent->thread.gsbase;
	sched_fork(p);
	copy_thread_user(p, task_pt_regs(parent), newsp, tls, flags & CLONE_SETTLS);
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tid;
	init_completion(&p->vfork_done);
	spin_lock_irqsave(&tasklist_lock, irqflags);
	p->real_parent = p->parent = (flags & CLONE_PARENT) ? parent->real_parent : parent;
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, irqflags);
	if (flags & CLONE_PARENT_SETTID)
		put_user(p->pid, parent_tid);
	pid_t pid = p->pid;
	bool vfork = flags & CLONE_VFORK;
	if (vfork)
		get_task_struct(p);
	wake_up_new_task(p);
	if (vfork) {
		/* The parent sleeps until the child has left the shared mm. */
		wait_for_completion(&p->vfork_done);
		put_task_struct(p);
	}
	return pid;
fail:
	exit_files(p);
	exit_fs(p);
	atomic_set(&p->usage, 1);
	put_task_struct(p);
	return err;
}

long sys_fork(void)
{
	return kernel_clone(SIGCHLD, 0, NULL, NULL, 0);
}

long sys_vfork(void)
{
	return kernel_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, NULL, NULL, 0);
}

long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls)
{
	return kernel_clone(flags, newsp, parent_tid, child_tid, tls);
}
