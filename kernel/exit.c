/* Ending tasks (seed concepts: exit, zombie, wait, reparenting to init).
 * An exiting process releases its memory, hands its children to init, and
 * stays as a zombie, holding only its exit status, until its parent collects
 * it with wait4/waitid; kernel threads are reaped at once. The task_struct
 * itself goes when the last reference is dropped: its own, taken away by the
 * scheduler after the final switch, and the parent's, dropped at reaping. */
#include <linux/filelock.h>
#include <linux/kernel.h>
#include <linux/tty.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/mm_struct.h>
#include <linux/string.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <linux/ktime.h>
#include <linux/wait.h>
#include <linux/jiffies.h>

struct task_struct *child_reaper;	/* init: inherits orphans */

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_BOTH (-2)	/* internal: self and reaped children (wait4) */
#define RUSAGE_THREAD 1
static unsigned long sample_maxrss(struct task_struct *t);

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;
	if (!mm)
		return;
	sample_maxrss(tsk);
	/* As Linux: only when another task still uses the mm (a CLONE_VM
	 * child, a thread) is there anyone to see the zero. [LINUX-DIFF] no
	 * futex wake yet (no futex). */
	if (tsk->clear_child_tid && atomic_read(&mm->mm_users) > 1)
		put_user(0, tsk->clear_child_tid);
	tsk->clear_child_tid = NULL;
	unsigned long flags;
	spin_lock_irqsave(&tsk->pi_lock, flags);	/* /proc readers count the mm under it */
	tsk->mm = NULL;
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	tsk->active_mm = NULL;
	switch_mm(mm, NULL);
	complete_all(&tsk->vfork_done);	/* a vfork parent may go on */
	mmput(mm);
}

/* tasklist_lock held: who adopts the orphans of @tsk? The nearest living
 * ancestor that asked to (PR_SET_CHILD_SUBREAPER), else init. */
static struct task_struct *find_new_reaper(struct task_struct *tsk)
{
	for (struct task_struct *a = tsk->real_parent; a && a != child_reaper && a->pid > 0; a = a->real_parent)
		if (a->is_child_subreaper && !(a->flags & PF_EXITING) && !a->exit_state)
			return a;
	return child_reaper;
}

/* Hand the children of @tsk to their new reaper (init, or a subreaper),
 * send those that asked their PR_SET_PDEATHSIG signal, and hang up process
 * groups this exit orphans with stopped members in them; tasklist_lock
 * held. */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *c, *n, *reaper = find_new_reaper(tsk);
	struct sigpending_info info = { .code = SI_USER, .pid = tsk->tgid, .uid = tsk->cred.uid };
	LIST_HEAD(moved);
	bool zombie = false;
	list_for_each_entry_safe(c, n, &tsk->children, sibling) {
		c->real_parent = c->parent = reaper;
		/* As Linux: the new parent never asked for another exit signal,
		 * and wait() without __WCLONE must find the child, or a
		 * clone(exit_signal=0) orphan stays a zombie for ever. */
		if (c->exit_signal >= 0)
			c->exit_signal = SIGCHLD;
		list_move_tail(&c->sibling, &moved);
		zombie |= c->exit_state == EXIT_ZOMBIE;
		if (c->pdeath_signal && !c->exit_state)
			send_signal(c, c->pdeath_signal, &info);
	}
	if (tsk->mm || tsk->signals)
		kill_orphaned_pgrps(tsk, &moved);
	list_splice_init(&moved, &reaper->children);
	if (zombie)
		wake_up_interruptible_all(&reaper->wait_chldexit);
}

void do_exit(long code)
{
	struct task_struct *tsk = current;
	unsigned long flags;
	bool autoreap = false;

	if (tsk == child_reaper)
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = (int)code;
	tsk->kthread_result = (int)code;
	itimers_exit(tsk);
	exit_mm(tsk);
	exit_files(tsk);	/* closes the files: pipe readers see EOF now */
	locks_exit();		/* record locks on files still open elsewhere (CLONE_FILES) */
	exit_fs(tsk);
	/* A session leader's exit hangs up its controlling tty's foreground
	 * group (SIGHUP, SIGCONT) and frees the tty for another session. */
	if (tsk->pid == tsk->session && tsk->pid == tsk->tgid)
		disassociate_ctty();

	/* No preemption from here to the last schedule(): waking the parent
	 * below would otherwise switch to it at once when it shares our CPU,
	 * and this zombie would stay queued, its stack and task_struct held,
	 * until the scheduler picked it again just to run the lines below
	 * (with -smp 1, 1000 fork+exec+wait cycles ended with up to 64 such
	 * tasks still queued: tools/testing/user/proc.c's leak check). */
	preempt_disable();
	spin_lock_irqsave(&tasklist_lock, flags);
	if (child_reaper)
		forget_original_parent(tsk);
	if (tsk->exit_signal < 0) {
		tsk->exit_state = EXIT_DEAD;	/* kernel thread: nobody waits */
		list_del_init(&tsk->tasks);
	} else {
		/* A zombie stays in the task list (its pid, group and session
		 * still exist) until its parent reaps it; unless the parent
		 * ignores SIGCHLD or set SA_NOCLDWAIT: then no zombie at all
		 * (its wait() sleeps until the last child is gone: ECHILD). */
		bool send = true;
		if (tsk->exit_signal == SIGCHLD && parent_autoreaps(tsk->real_parent, &send))
			autoreap = true;
		tsk->exit_state = EXIT_ZOMBIE;
		if (send)
			do_notify_parent(tsk, (int)code);
		if (autoreap) {
			tsk->exit_state = EXIT_DEAD;
			list_del_init(&tsk->sibling);
			list_del_init(&tsk->tasks);
		}
		wake_up_interruptible_all(&tsk->real_parent->wait_chldexit);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (autoreap)
		put_task_struct(tsk);	/* the reference the parent would have dropped */
	complete_all(&tsk->kthread_exited);

	__set_current_state(TASK_DEAD);
	preempt_enable_no_resched();
	schedule();
	BUG();	/* a dead task is never scheduled again */
	for (;;)
		;
}

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002	/* = WSTOPPED of waitid */
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000
#define P_ALL 0
#define P_PID 1
#define P_PGID 2

/* Which children a wait is for: by_pgrp selects process group @pgrp;
 * otherwise pid > 0 is one child and -1 any child. */
struct wait_sel {
	pid_t pid;
	pid_t pgrp;
	bool by_pgrp;
};

static bool pid_matches(struct task_struct *c, struct wait_sel w)
{
	if (w.by_pgrp)
		return c->pgrp == w.pgrp;
	return w.pid == -1 || c->pid == w.pid;
}

/* struct rusage of the ABI (144 bytes). */
struct rusage {
	struct { long tv_sec, tv_usec; } ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

/* What one wait found. */
struct wait_result {
	pid_t pid;
	uid_t uid;
	int status;		/* wait4's status word */
	int why;		/* CLD_EXITED, CLD_KILLED, CLD_DUMPED, CLD_STOPPED, CLD_CONTINUED */
	int chld_status;		/* waitid's si_status: exit code or signal */
	struct rusage ru;	/* the child's own and its reaped children's usage */
	struct task_struct *reaped;	/* its last reference is ours to drop */
};

static void ns_to_tv(u64 ns, long *sec, long *usec)
{
	*sec = (long)(ns / NSEC_PER_SEC);
	*usec = (long)(ns % NSEC_PER_SEC / 1000);
}

/* Peak resident pages seen so far (sampled here and at exit). */
static unsigned long sample_maxrss(struct task_struct *t)
{
	if (t->mm) {
		unsigned long rss = (unsigned long)atomic64_read(&t->mm->rss);
		if (rss > t->maxrss)
			t->maxrss = rss;
	}
	return t->maxrss;
}

/* getrusage's figures (tasklist_lock held, or @t is current). */
void fill_rusage(struct task_struct *t, int who, struct rusage *ru)
{
	u64 ut = 0, st = 0;
	memset(ru, 0, sizeof(*ru));
	if (who != RUSAGE_CHILDREN) {
		task_cputime_adjusted(t, &ut, &st);
		ru->ru_minflt = (long)t->min_flt;
		ru->ru_majflt = (long)t->maj_flt;
		ru->ru_nvcsw = (long)t->nvcsw;
		ru->ru_nivcsw = (long)t->nivcsw;
		ru->ru_maxrss = (long)sample_maxrss(t);
	}
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH) {
		ut += t->cutime;
		st += t->cstime;
		ru->ru_minflt += (long)t->cmin_flt;
		ru->ru_majflt += (long)t->cmaj_flt;
		ru->ru_nvcsw += (long)t->cnvcsw;
		ru->ru_nivcsw += (long)t->cnivcsw;
		if ((long)t->cmaxrss > ru->ru_maxrss)
			ru->ru_maxrss = (long)t->cmaxrss;
	}
	ru->ru_maxrss *= PAGE_SIZE / 1024;	/* kilobytes */
	ns_to_tv(ut, &ru->ru_utime.tv_sec, &ru->ru_utime.tv_usec);
	ns_to_tv(st, &ru->ru_stime.tv_sec, &ru->ru_stime.tv_usec);
}

/* tasklist_lock held: the parent takes over a reaped child's usage. */
static void account_reaped(struct task_struct *me, struct task_struct *c)
{
	u64 ut, st;
	task_cputime_adjusted(c, &ut, &st);
	me->cutime += ut + c->cutime;
	me->cstime += st + c->cstime;
	me->cmin_flt += c->min_flt + c->cmin_flt;
	me->cmaj_flt += c->maj_flt + c->cmaj_flt;
	me->cnvcsw += c->nvcsw + c->cnvcsw;
	me->cnivcsw += c->nivcsw + c->cnivcsw;
	unsigned long rss = max(c->maxrss, c->cmaxrss);
	if (rss > me->cmaxrss)
		me->cmaxrss = rss;
}

/* tasklist_lock held: does child @c have something for this wait? */
static bool wait_consider(struct task_struct *c, int options, struct wait_result *r)
{
	bool keep = options & WNOWAIT;
	if (c->exit_state == EXIT_ZOMBIE) {
		if (!(options & WEXITED))
			return false;
		int code = c->exit_code;
		r->pid = c->pid;
		r->uid = c->cred.uid;
		r->status = code;
		if (code & 0x7f) {
			r->why = (code & 0x80) ? CLD_DUMPED : CLD_KILLED;
			r->chld_status = code & 0x7f;
		} else {
			r->why = CLD_EXITED;
			r->chld_status = (code >> 8) & 0xff;
		}
		fill_rusage(c, RUSAGE_BOTH, &r->ru);
		if (!keep) {
			list_del_init(&c->sibling);
			list_del_init(&c->tasks);
			c->exit_state = EXIT_DEAD;
			account_reaped(current, c);
			r->reaped = c;
		}
		return true;
	}
	if (c->exit_state || !c->signals)
		return false;	/* being reaped by someone else */
	int code = 0, why = 0;
	if ((options & WUNTRACED) && task_stop_report(c, keep, &code))
		why = CLD_STOPPED;
	else if ((options & WCONTINUED) && task_continued_report(c, keep))
		why = CLD_CONTINUED;
	if (!why)
		return false;
	r->pid = c->pid;
	r->uid = c->cred.uid;
	r->why = why;
	r->chld_status = why == CLD_STOPPED ? code : SIGCONT;
	r->status = why == CLD_STOPPED ? (code << 8) | 0x7f : 0xffff;
	fill_rusage(c, RUSAGE_BOTH, &r->ru);
	return true;
}

/* Scan the children: 1 with @r filled, 0 if some match but none is
 * ready, -ECHILD if none match. */
static int wait_scan(struct wait_sel sel, int options, struct wait_result *r)
{
	struct task_struct *c;
	unsigned long flags;
	int ret = -ECHILD;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(c, &current->children, sibling) {
		if (!pid_matches(c, sel))
			continue;
		/* A "clone child" (exit signal other than SIGCHLD) is waited for
		 * only with __WCLONE, the others only without; __WALL: both. */
		if (!(options & __WALL) && ((c->exit_signal != SIGCHLD) ^ !!(options & __WCLONE)))
			continue;
		ret = 0;
		if (wait_consider(c, options, r)) {
			ret = 1;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Wait for a child event: 1 with @r filled, 0 for WNOHANG with nothing
 * ready, or -ECHILD / -ERESTARTSYS. Children post their events (exit,
 * stop, continue) on our wait_chldexit. */
static long do_wait(struct wait_sel sel, int options, struct wait_result *r)
{
	wait_queue_entry_t we;
	long ret;
	memset(r, 0, sizeof(*r));
	init_wait_entry(&we, 0);
	for (;;) {
		prepare_to_wait(&current->wait_chldexit, &we, TASK_INTERRUPTIBLE);
		ret = wait_scan(sel, options, r);
		if (ret || (options & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&current->wait_chldexit, &we);
	if (r->reaped)
		put_task_struct(r->reaped);
	return ret;
}

long sys_wait4(pid_t pid, int __user *status, int options, struct rusage __user *ru)
{
	struct wait_result r;
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT_MIN)
		return -ESRCH;
	struct wait_sel sel = { pid, 0, false };
	if (pid == 0)
		sel = (struct wait_sel){ 0, current->pgrp, true };
	else if (pid < -1)
		sel = (struct wait_sel){ 0, -pid, true };
	long ret = do_wait(sel, options | WEXITED, &r);
	if (ret <= 0)
		return ret;
	if (status && put_user(r.status, status))
		return -EFAULT;
	if (ru && copy_to_user(ru, &r.ru, sizeof(r.ru)))
		return -EFAULT;
	return r.pid;
}

/* waitid's siginfo_t, SIGCHLD layout. */
struct siginfo_chld {
	int signo, errno_, code, pad;
	int pid, uid, status, pad2;
	long utime, stime;	/* clock ticks */
	int rest[20];
};

long sys_waitid(int which, pid_t upid, void __user *infop, int options, struct rusage __user *ru)
{
	struct wait_result r;
	if (!(options & (WEXITED | WUNTRACED | WCONTINUED)) ||
	    (options & ~(WNOHANG | WEXITED | WUNTRACED | WCONTINUED | WNOWAIT | __WNOTHREAD | __WALL | __WCLONE)))
		return -EINVAL;
	struct wait_sel sel = { -1, 0, false };
	if (which == P_ALL)
		sel.pid = -1;
	else if (which == P_PID && upid > 0)
		sel.pid = upid;
	else if (which == P_PGID && upid >= 0)
		sel = (struct wait_sel){ 0, upid ? upid : current->pgrp, true };
	else
		return -EINVAL;
	long ret = do_wait(sel, options, &r);
	if (ret < 0)
		return ret;
	if (ret && ru && copy_to_user(ru, &r.ru, sizeof(r.ru)))
		return -EFAULT;
	struct siginfo_chld info;
	memset(&info, 0, sizeof(info));
	if (ret) {
		info.signo = SIGCHLD;
		info.code = r.why;
		info.pid = r.pid;
		info.uid = r.uid;
		info.status = r.chld_status;
		info.utime = r.ru.ru_utime.tv_sec * USER_HZ + r.ru.ru_utime.tv_usec / (1000000 / USER_HZ);
		info.stime = r.ru.ru_stime.tv_sec * USER_HZ + r.ru.ru_stime.tv_usec / (1000000 / USER_HZ);
	}
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}

long sys_getrusage(int who, struct rusage __user *ru)
{
	struct rusage r;
	unsigned long flags;
	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	/* [LINUX-DIFF] one thread per process: THREAD is SELF. */
	fill_rusage(current, who == RUSAGE_THREAD ? RUSAGE_SELF : who, &r);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}
