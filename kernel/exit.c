/* Ending tasks (seed concepts: exit, zombie, wait, reparenting to init).
 * An exiting process releases its memory, hands its children to init, and
 * stays as a zombie, holding only its exit status, until its parent collects
 * it with wait4/waitid; kernel threads are reaped at once. The task_struct
 * itself goes when the last reference is dropped: its own, taken away by the
 * scheduler after the final switch, and the parent's, dropped at reaping. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/mm_struct.h>
#include <linux/string.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <asm/irqflags.h>

struct task_struct *child_reaper;	/* init: inherits orphans */

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;
	if (!mm)
		return;
	if (tsk->clear_child_tid)
		put_user(0, tsk->clear_child_tid);
	unsigned long flags;
	spin_lock_irqsave(&tsk->pi_lock, flags);	/* /proc readers count the mm under it */
	tsk->mm = NULL;
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	tsk->active_mm = NULL;
	switch_mm(mm, NULL);
	complete_all(&tsk->vfork_done);	/* a vfork parent may go on */
	mmput(mm);
}

/* Hand the children of @tsk to init; tasklist_lock held. */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *c, *n;
	bool zombie = false;
	list_for_each_entry_safe(c, n, &tsk->children, sibling) {
		c->real_parent = c->parent = child_reaper;
		list_move_tail(&c->sibling, &child_reaper->children);
		zombie |= c->exit_state == EXIT_ZOMBIE;
	}
	if (zombie)
		wake_up_interruptible_all(&child_reaper->wait_chldexit);
}

void do_exit(long code)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	if (tsk == child_reaper)
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = (int)code;
	tsk->kthread_result = (int)code;
	exit_mm(tsk);
	exit_files(tsk);	/* closes the files: pipe readers see EOF now */
	exit_fs(tsk);

	spin_lock_irqsave(&tasklist_lock, flags);
	if (child_reaper)
		forget_original_parent(tsk);
	if (tsk->exit_signal < 0) {
		tsk->exit_state = EXIT_DEAD;	/* kernel thread: nobody waits */
		list_del_init(&tsk->tasks);
	} else {
		/* A zombie stays in the task list (its pid, group and session
		 * still exist) until its parent reaps it. */
		tsk->exit_state = EXIT_ZOMBIE;
		do_notify_parent(tsk, (int)code);
		wake_up_interruptible_all(&tsk->real_parent->wait_chldexit);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	complete_all(&tsk->kthread_exited);

	preempt_disable();
	__set_current_state(TASK_DEAD);
	preempt_enable_no_resched();
	schedule();
	BUG();	/* a dead task is never scheduled again */
	for (;;)
		;
}

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000
#define P_ALL 0
#define P_PID 1
#define P_PGID 2

/* Which children a wait is for: pgrp > 0 selects a process group; otherwise
 * pid > 0 is one child and -1 any child. */
struct wait_sel {
	pid_t pid;
	pid_t pgrp;
};

static bool pid_matches(struct task_struct *c, struct wait_sel w)
{
	if (w.pgrp > 0)
		return c->pgrp == w.pgrp;
	return w.pid == -1 || c->pid == w.pid;
}

/* A zombie child matching @pid, unlinked from the children list unless
 * @keep (WNOWAIT); or NULL. Sets *any if @pid matches some child at all. */
static struct task_struct *find_zombie(struct wait_sel pid, bool keep, bool *any)
{
	struct task_struct *c, *found = NULL;
	unsigned long flags;
	*any = false;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(c, &current->children, sibling) {
		if (!pid_matches(c, pid))
			continue;
		*any = true;
		if (c->exit_state == EXIT_ZOMBIE) {
			found = c;
			if (!keep) {
				list_del_init(&c->sibling);
				list_del_init(&c->tasks);
				c->exit_state = EXIT_DEAD;
			}
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static bool zombie_ready(struct wait_sel pid)
{
	struct task_struct *c;
	bool ready = false;
	unsigned long flags;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(c, &current->children, sibling)
		if (pid_matches(c, pid) && c->exit_state == EXIT_ZOMBIE)
			ready = true;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ready;
}

/* Wait for a child to exit. Returns its task (a reference the caller drops
 * unless @keep), NULL with *err = 0 for WNOHANG, or NULL with *err < 0. */
static struct task_struct *do_wait(struct wait_sel pid, int options, bool keep, long *err)
{
	for (;;) {
		bool any;
		struct task_struct *c = find_zombie(pid, keep, &any);
		if (c) {
			*err = 0;
			return c;
		}
		if (!any) {
			*err = -ECHILD;
			return NULL;
		}
		if (options & WNOHANG) {
			*err = 0;
			return NULL;
		}
		if (wait_event_interruptible(current->wait_chldexit, zombie_ready(pid))) {
			*err = -ERESTARTSYS;
			return NULL;
		}
	}
}

struct rusage;
long sys_wait4(pid_t pid, int __user *status, int options, struct rusage __user *ru)
{
	long err;
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH;
	struct wait_sel sel = { pid, 0 };
	if (pid == 0)
		sel.pgrp = current->pgrp;
	else if (pid < -1)
		sel.pgrp = -pid;
	struct task_struct *c = do_wait(sel, options, false, &err);
	if (!c)
		return err;
	pid_t ret = c->pid;
	int code = c->exit_code;
	put_task_struct(c);
	if (status && put_user(code, status))
		return -EFAULT;
	if (ru && clear_user(ru, 144))	/* sizeof(struct rusage): times not tracked yet */
		return -EFAULT;
	return ret;
}

struct siginfo_chld {
	int si_signo, si_errno, si_code, pad;
	int si_pid, si_uid, si_status;
	int rest[25];
};

long sys_waitid(int which, pid_t upid, void __user *infop, int options, struct rusage __user *ru)
{
	long err;
	if (!(options & (WEXITED | WUNTRACED | WCONTINUED)) ||
	    (options & ~(WNOHANG | WEXITED | WUNTRACED | WCONTINUED | WNOWAIT | __WNOTHREAD | __WALL | __WCLONE)))
		return -EINVAL;
	struct wait_sel pid = { -1, 0 };
	if (which == P_ALL)
		pid.pid = -1;
	else if (which == P_PID && upid > 0)
		pid.pid = upid;
	else if (which == P_PGID && upid >= 0)
		pid.pgrp = upid ? upid : current->pgrp;
	else
		return -EINVAL;
	if (!(options & WEXITED))
		return do_wait(pid, options | WNOHANG, true, &err) ? 0 : (err ? err : -ECHILD);
	struct task_struct *c = do_wait(pid, options, options & WNOWAIT, &err);
	struct siginfo_chld info;
	memset(&info, 0, sizeof(info));
	if (c) {
		int code = c->exit_code;
		info.si_signo = SIGCHLD;
		info.si_pid = c->pid;
		if (code & 0x7f) {
			info.si_code = CLD_KILLED;
			info.si_status = code & 0x7f;
		} else {
			info.si_code = CLD_EXITED;
			info.si_status = (code >> 8) & 0xff;
		}
		if (!(options & WNOWAIT))
			put_task_struct(c);
	} else if (err) {
		return err;
	}
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	if (ru && clear_user(ru, 144))
		return -EFAULT;
	return 0;
}
