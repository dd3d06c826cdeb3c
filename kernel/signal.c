/* Signals (seed concept: signals): sending (kill, faults, a child's exit),
 * blocking (sigprocmask), dispositions (sigaction) and choosing the signal
 * to deliver on the way back to user mode. The x86 frame that makes a
 * handler run and sigreturn undo it is arch/x86/kernel/signal.c.
 *
 * A signal is a bit in the target's pending set. If it is deliverable (not
 * blocked) the target gets TIF_SIGPENDING and, if it sleeps interruptibly,
 * a wakeup; exit_to_user_mode() then calls arch_do_signal_or_restart(),
 * which takes one signal with get_signal() and builds the handler's frame,
 * or performs the default action: ignore, terminate, terminate with a
 * "core dump" (the 0x80 bit of the wait status), or stop.
 *
 * Job control (seed concept: process states): a stop signal's default
 * action puts the task in TASK_STOPPED and tells the parent (SIGCHLD with
 * CLD_STOPPED, unless it set SA_NOCLDSTOP; wait with WUNTRACED sees it).
 * SIGCONT, whatever its disposition, wakes a stopped task when it is sent
 * and throws away pending stop signals (a stop signal throws away a
 * pending SIGCONT); the continued task tells its parent (CLD_CONTINUED,
 * wait with WCONTINUED). SIGKILL also ends a stop.
 *
 * Standard signals (1-31) are pending at most once (a bit and one
 * siginfo); real-time signals (32-64) queue every instance, in order, each
 * with its own siginfo, up to RLIMIT_SIGPENDING.
 *
 * [LINUX-DIFF] Core files are never written (the wait status says "dumped"
 * exactly when Linux would have written one: RLIMIT_CORE of at least a
 * page). */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/jiffies.h>
#include <asm/sigframe.h>
#include <asm/ptrace.h>
#include <linux/string.h>
#include <asm/page.h>

/* [LINUX-DIFF] One lock for every task's signal state instead of a
 * per-process siglock: simple, and signals are rare. Lock order:
 * tasklist_lock, then signal_lock, then the run-queue locks (wakeups). */
static DEFINE_SPINLOCK(signal_lock);

#define sigmask(sig) (1ULL << ((sig) - 1))
#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIGSETSIZE 8	/* bytes of sigset_t the kernel accepts */

struct pt_regs *task_pt_regs(struct task_struct *t);

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

#define STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | sigmask(SIGABRT) | \
		       sigmask(SIGBUS) | sigmask(SIGFPE) | sigmask(SIGSEGV) | sigmask(SIGXCPU) | \
		       sigmask(SIGXFSZ) | sigmask(SIGSYS))

static bool sig_kernel_stop(int sig) { return sigmask(sig) & STOP_MASK; }
bool sig_kernel_coredump(int sig) { return sigmask(sig) & COREDUMP_MASK; }

/* Default action "ignore": SIGCHLD, SIGURG, SIGWINCH, and SIGCONT (whose
 * "continue" happens when it is sent, in prepare_signal()). */
static bool ignored_by_default(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
		return true;
	default:
		return false;
	}
}

/* The disposition says "ignore" (what sigaction's SIG_IGN discards). */
static bool sig_handler_ignored(struct task_struct *t, int sig)
{
	unsigned long h = t->signals->action[sig - 1].handler;
	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	return h == SIG_IGN || (h == SIG_DFL && ignored_by_default(sig));
}

/* Is @sig dropped when sent to @t? A blocked signal never is (the action
 * may change before it is unblocked; sigwaitinfo may take it), including
 * one rt_sigtimedwait is waiting for. */
static bool sig_ignored(struct task_struct *t, int sig)
{
	if ((t->signals->blocked | t->signals->real_blocked) & sigmask(sig) & ~UNBLOCKABLE)
		return false;
	/* init takes only the signals it has handlers for (Linux's
	 * SIGNAL_UNKILLABLE), even SIGKILL and SIGSTOP: kill -9 1 does nothing. */
	if (t == child_reaper && t->signals->action[sig - 1].handler == SIG_DFL)
		return true;
	return sig_handler_ignored(t, sig);
}

/* Caller holds signal_lock. What sending @sig does before it is queued:
 * stop and continue signals cancel each other, and SIGCONT continues a
 * stopped task at once. Returns the task states to wake. */
static unsigned int prepare_signal(struct task_struct *t, int sig)
{
	struct task_signals *s = t->signals;
	if (sig_kernel_stop(sig)) {
		s->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		s->pending &= ~STOP_MASK;
		if (s->jobctl & SIGNAL_STOP_STOPPED) {
			/* A stop wait() has not reported yet is forgotten. */
			s->jobctl = SIGNAL_STOP_CONTINUED | SIGNAL_CLD_CONTINUED;
			s->group_exit_code = 0;
			set_bit(TIF_SIGPENDING, &t->ti_flags);	/* it reports to its parent */
			return __TASK_STOPPED;
		}
	}
	return 0;
}

/* Caller holds signal_lock. TIF_SIGPENDING: something is deliverable. */
static bool recalc_sigpending(struct task_struct *t)
{
	u64 ready = t->signals->pending & ~(t->signals->blocked & ~UNBLOCKABLE);
	if (t->signals->jobctl & SIGNAL_CLD_CONTINUED)
		ready = 1;	/* not a signal: the parent is to be told it continued */
	if (ready)
		set_bit(TIF_SIGPENDING, &t->ti_flags);
	else
		clear_bit(TIF_SIGPENDING, &t->ti_flags);
	return ready != 0;
}

int send_signal(struct task_struct *t, int sig, const struct sigpending_info *info)
{
	unsigned long flags;
	unsigned int wake = 0;

	if (!valid_signal(sig))
		return -EINVAL;
	if (!t->mm || !t->signals)
		return 0;	/* kernel threads take no signals */
	/* A real-time signal is queued, every instance: the entry is
	 * allocated before the lock (this may run in a timer interrupt). */
	struct sigqueue *q = NULL;
	int ret = 0;
	if (sig >= SIGRTMIN_KERNEL) {
		q = kmalloc(sizeof(*q), GFP_ATOMIC);
		if (q) {
			q->next = NULL;
			q->sig = sig;
			q->info = *info;
		}
	}
	spin_lock_irqsave(&signal_lock, flags);
	if (t != child_reaper || t->signals->action[sig - 1].handler != SIG_DFL)
		wake = prepare_signal(t, sig);
	if (!sig_ignored(t, sig)) {
		struct task_signals *s = t->signals;
		if (sig < SIGRTMIN_KERNEL) {
			/* Standard signals: one pending instance at most. */
			if (!(s->pending & sigmask(sig)))
				s->info[sig - 1] = *info;
		} else if (q && (u64)s->nr_queued < task_rlimit(t, RLIMIT_SIGPENDING)) {
			struct sigqueue **pp = &s->queue;
			while (*pp)
				pp = &(*pp)->next;
			*pp = q;
			q = NULL;
			s->nr_queued++;
		} else if (!(s->pending & sigmask(sig))) {
			s->info[sig - 1] = *info;	/* no room: one bare instance */
			s->bare |= sigmask(sig);
		} else if (info->code < 0 || info->code == SI_TKILL) {
			ret = -EAGAIN;	/* sigqueue(3) over RLIMIT_SIGPENDING, as Linux */
		}
		if (!ret)
			s->pending |= sigmask(sig);
	}
	if (recalc_sigpending(t))
		wake |= TASK_INTERRUPTIBLE | (sig == SIGKILL ? TASK_WAKEKILL : 0);
	spin_unlock_irqrestore(&signal_lock, flags);
	/* A sleeper wakes with -EINTR (or a restart code); a running task sees
	 * TIF_SIGPENDING at its next return to user mode (at the latest, the
	 * next tick). SIGKILL and SIGCONT also wake a stopped task. */
	kfree(q);	/* not queued */
	if (wake)
		wake_up_state(t, wake);
	return ret;
}

/* Caller holds signal_lock: take one pending instance of @sig (its info
 * to *info) and update the pending set. */
static void dequeue_one(struct task_signals *s, int sig, struct sigpending_info *info)
{
	if (sig < SIGRTMIN_KERNEL) {
		s->pending &= ~sigmask(sig);
		*info = s->info[sig - 1];
		return;
	}
	struct sigqueue **pp = &s->queue, *q = NULL;
	for (; *pp; pp = &(*pp)->next)
		if ((*pp)->sig == sig) {
			q = *pp;
			*pp = q->next;
			break;
		}
	if (q) {
		*info = q->info;
		kfree(q);
		s->nr_queued--;
	} else {
		*info = s->info[sig - 1];
		s->bare &= ~sigmask(sig);
	}
	bool more = s->bare & sigmask(sig);
	for (q = s->queue; q && !more; q = q->next)
		more = q->sig == sig;
	if (!more)
		s->pending &= ~sigmask(sig);
}

/* Caller holds signal_lock: forget every pending instance of @sig. */
static void flush_sig(struct task_signals *s, int sig)
{
	struct sigpending_info dummy;
	while (s->pending & sigmask(sig))
		dequeue_one(s, sig, &dummy);
}

/* Core files are not written; the status says "dumped" when Linux would
 * have written one (RLIMIT_CORE at least a page). */
static int exit_code_for(int sig)
{
	if (sig_kernel_coredump(sig) && current->dumpable && task_rlimit(current, RLIMIT_CORE) >= PAGE_SIZE)
		return sig | 0x80;
	return sig;
}

void force_sig_fault(int sig, int code, void __user *addr)
{
	struct task_struct *tsk = current;
	struct sigpending_info info = { .code = code, .addr = (unsigned long)addr };
	unsigned long flags;

	bool handled = false;
	spin_lock_irqsave(&signal_lock, flags);
	if (tsk->signals) {
		unsigned long h = tsk->signals->action[sig - 1].handler;
		handled = h != SIG_DFL && h != SIG_IGN && !(tsk->signals->blocked & sigmask(sig));
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	if (handled) {
		send_signal(tsk, sig, &info);
		return;
	}
	/* No handler, or the signal is blocked or ignored: a fault cannot be
	 * ignored (the instruction would fault again), so the task dies. */
	pr_info("%s[%d]: signal %d (code %d) at %p\n", tsk->comm, tsk->pid, sig, code, addr);
	/* Trap handlers run with interrupts off; exiting closes files and
	 * takes mutexes (a pipe's), so it must be able to sleep. */
	local_irq_enable();
	do_exit(exit_code_for(sig));
}

/* A child's exit: its exit_signal (normally SIGCHLD) to the parent. Called
 * with tasklist_lock held. */
void do_notify_parent(struct task_struct *child, int status)
{
	struct sigpending_info info = { .code = CLD_EXITED, .pid = child->tgid, .uid = child->cred.uid };
	if ((status & 0x7f) != 0) {
		info.code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		info.status = status & 0x7f;
	} else {
		info.status = (status >> 8) & 0xff;
	}
	if (child->exit_signal > 0 && child->real_parent)
		send_signal(child->real_parent, child->exit_signal, &info);
}

/* A child stopped or continued (@why: CLD_STOPPED, CLD_CONTINUED): SIGCHLD
 * to the parent unless it asked for none (SA_NOCLDSTOP, or SIGCHLD
 * ignored), and in any case a wakeup for its wait(). tasklist_lock held,
 * signal_lock not. */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why, int status)
{
	struct task_struct *parent = tsk->real_parent;
	struct sigpending_info info = { .code = why, .pid = tsk->tgid, .uid = tsk->cred.uid, .status = status };
	unsigned long flags;
	bool send = false;

	if (!parent)
		return;
	spin_lock_irqsave(&signal_lock, flags);
	if (parent->signals) {
		struct k_sigaction *ka = &parent->signals->action[SIGCHLD - 1];
		send = ka->handler != SIG_IGN && !(ka->flags & SA_NOCLDSTOP);
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	if (send)
		send_signal(parent, SIGCHLD, &info);
	wake_up_interruptible_all(&parent->wait_chldexit);
}

/* wait(WUNTRACED), tasklist_lock held: is @c stopped with the stop not
 * yet reported? Then the stop signal in *code, and (unless @keep, for
 * WNOWAIT) reported it is. */
bool task_stop_report(struct task_struct *c, bool keep, int *code)
{
	bool ret = false;
	spin_lock(&signal_lock);
	if ((c->signals->jobctl & SIGNAL_STOP_STOPPED) && c->signals->group_exit_code) {
		*code = c->signals->group_exit_code;
		if (!keep)
			c->signals->group_exit_code = 0;
		ret = true;
	}
	spin_unlock(&signal_lock);
	return ret;
}

/* wait(WCONTINUED), tasklist_lock held: continued since the last report? */
bool task_continued_report(struct task_struct *c, bool keep)
{
	bool ret = false;
	spin_lock(&signal_lock);
	if (c->signals->jobctl & SIGNAL_STOP_CONTINUED) {
		if (!keep)
			c->signals->jobctl &= ~SIGNAL_STOP_CONTINUED;
		ret = true;
	}
	spin_unlock(&signal_lock);
	return ret;
}

/* tasklist_lock held. Linux's orphaned process group: no member (but
 * @ignored, which is exiting) has a parent in another group of the same
 * session, so no shell is there to continue it; SIGTSTP, SIGTTIN and
 * SIGTTOU then do not stop it. */
static bool will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored)
{
	struct task_struct *t;
	list_for_each_entry(t, &task_list, tasks) {
		if (t->pgrp != pgrp || t->exit_state || !t->mm || t == ignored)
			continue;
		struct task_struct *p = t->real_parent;
		if (!p || p == child_reaper)
			continue;
		if (p->pgrp != pgrp && p->session == t->session)
			return false;
	}
	return true;
}

/* For the tty (SIGTTIN/SIGTTOU): a background job in an orphaned group
 * gets EIO instead of a stop signal nobody could undo. */
bool is_current_pgrp_orphaned(void)
{
	unsigned long flags;
	spin_lock_irqsave(&tasklist_lock, flags);
	bool ret = will_become_orphaned_pgrp(current->pgrp, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* The kernel signals every process of @pgrp (the tty's ^C, SIGTTOU...):
 * 0 if at least one got it, else -ESRCH. */
int kill_pgrp_kernel(pid_t pgrp, int sig)
{
	struct sigpending_info info = { .code = SI_KERNEL };
	struct task_struct *t;
	unsigned long flags;
	int ret = -ESRCH;
	if (pgrp <= 0)
		return -ESRCH;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks)
		if (t->pgrp == pgrp && t->mm && !t->exit_state && !send_signal(t, sig, &info))
			ret = 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* tasklist_lock held: does a member of @pgrp sit stopped? */
static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *t;
	bool ret = false;
	spin_lock(&signal_lock);
	list_for_each_entry(t, &task_list, tasks)
		if (t->pgrp == pgrp && !t->exit_state && t->signals && (t->signals->jobctl & SIGNAL_STOP_STOPPED))
			ret = true;
	spin_unlock(&signal_lock);
	return ret;
}

/* tasklist_lock held, @tsk exiting, its children already handed to init.
 * POSIX: a process group that this exit orphans, and that has a stopped
 * member, gets SIGHUP then SIGCONT (nobody is left to continue it). Two
 * ways: @tsk's own group loses the member that linked it to its session
 * (@tsk's parent), or a child's group loses its link (@tsk). */
void kill_orphaned_pgrps(struct task_struct *tsk, struct list_head *moved)
{
	struct sigpending_info info = { .code = SI_KERNEL };
	pid_t groups[16];
	int n = 0;
	struct task_struct *p = tsk->real_parent, *c, *t;

	if (p && p != child_reaper && p->pgrp != tsk->pgrp && p->session == tsk->session)
		groups[n++] = tsk->pgrp;
	list_for_each_entry(c, moved, sibling) {
		if (n == (int)ARRAY_SIZE(groups))
			break;
		if (c->pgrp != tsk->pgrp && c->session == tsk->session)
			groups[n++] = c->pgrp;
	}
	for (int i = 0; i < n; i++) {
		bool dup = false;
		for (int j = 0; j < i; j++)
			dup |= groups[j] == groups[i];
		if (dup || !will_become_orphaned_pgrp(groups[i], tsk) || !has_stopped_jobs(groups[i]))
			continue;
		list_for_each_entry(t, &task_list, tasks) {
			if (t->pgrp != groups[i] || t->exit_state || !t->mm || t == tsk)
				continue;
			send_signal(t, SIGHUP, &info);
			send_signal(t, SIGCONT, &info);
		}
	}
}

/* do_exit, tasklist_lock held: does the parent want no zombie (SIGCHLD
 * ignored, or SA_NOCLDWAIT)? Then the child is reaped at once. Sets
 * *send_sig false when SIGCHLD is ignored. */
bool parent_autoreaps(struct task_struct *parent, bool *send_sig)
{
	bool ret = false;
	*send_sig = true;
	spin_lock(&signal_lock);
	if (parent->signals) {
		struct k_sigaction *ka = &parent->signals->action[SIGCHLD - 1];
		if (ka->handler == SIG_IGN) {
			ret = true;
			*send_sig = false;
		} else if (ka->flags & SA_NOCLDWAIT) {
			ret = true;
		}
	}
	spin_unlock(&signal_lock);
	return ret;
}

int copy_signal_state(struct task_struct *child, struct task_struct *parent)
{
	unsigned long flags;
	struct task_signals *sigs = kzalloc(sizeof(*sigs), GFP_KERNEL);
	if (!sigs)
		return -ENOMEM;
	spin_lock_irqsave(&signal_lock, flags);
	if (parent->signals) {
		*sigs = *parent->signals;
		sigs->pending = 0;	/* pending signals are not inherited */
		sigs->queue = NULL;
		sigs->nr_queued = 0;
		sigs->bare = 0;
		sigs->jobctl = 0;	/* nor a stop or its report */
		sigs->group_exit_code = 0;
	}
	child->signals = sigs;
	spin_unlock_irqrestore(&signal_lock, flags);
	clear_bit(TIF_SIGPENDING, &child->ti_flags);
	return 0;
}

void free_task_signals(struct task_struct *t)
{
	if (t->signals) {
		struct sigqueue *q = t->signals->queue, *n;
		for (; q; q = n) {
			n = q->next;
			kfree(q);
		}
	}
	kfree(t->signals);
	t->signals = NULL;
}

int flush_signal_handlers(struct task_struct *t)
{
	unsigned long flags;
	if (!t->signals) {	/* a kernel thread becoming a process (init) */
		struct task_signals *sigs = kzalloc(sizeof(*sigs), GFP_KERNEL);
		if (!sigs)
			return -ENOMEM;
		spin_lock_irqsave(&signal_lock, flags);
		t->signals = sigs;
		spin_unlock_irqrestore(&signal_lock, flags);
		return 0;
	}
	spin_lock_irqsave(&signal_lock, flags);
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->signals->action[i];
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
	t->signals->altstack_sp = t->signals->altstack_size = 0;
	t->signals->altstack_flags = SS_DISABLE;
	spin_unlock_irqrestore(&signal_lock, flags);
	return 0;
}

/* Caller holds signal_lock: end a sigsuspend whose signal had no handler. */
static void restore_saved_mask(struct task_struct *t)
{
	if (!t->signals->restore_saved_mask)
		return;
	t->signals->blocked = t->signals->saved_mask;
	t->signals->restore_saved_mask = false;
}

/* Sleep until a signal is deliverable. */
static void wait_for_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

static bool on_altstack(const struct task_signals *s, unsigned long sp)
{
	return s->altstack_size && sp - s->altstack_sp < s->altstack_size;
}

/* Caller holds signal_lock: where the handler's frame goes. */
static void fill_altstack(struct task_struct *t, struct ksignal *k)
{
	struct task_signals *s = t->signals;
	unsigned long sp = task_pt_regs(t)->sp;
	k->altstack_sp = s->altstack_sp;
	k->altstack_size = s->altstack_size;
	k->altstack_flags = s->altstack_size ? s->altstack_flags : SS_DISABLE;
	k->on_altstack = on_altstack(s, sp);
	k->stack_top = 0;
	if ((k->ka.flags & SA_ONSTACK) && s->altstack_size && !k->on_altstack) {
		k->stack_top = s->altstack_sp + s->altstack_size;
		/* SS_AUTODISARM: the handler runs with no alternate stack (so it
		 * may swapcontext away safely); sigreturn sets it back from the
		 * frame's uc_stack, which still describes it. */
		if (s->altstack_flags & SS_AUTODISARM) {
			s->altstack_sp = s->altstack_size = 0;
			s->altstack_flags = SS_DISABLE;
		}
	}
}

#define MINSIGSTKSZ 2048

/* sigaltstack(2) on kernel copies. Caller holds nothing. */
static long do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_signals *s = current->signals;
	unsigned long flags;
	long err = 0;

	if (!s)
		return -ENOMEM;
	spin_lock_irqsave(&signal_lock, flags);
	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void __user *)s->altstack_sp;
		oss->ss_size = s->altstack_size;
		oss->ss_flags = (on_altstack(s, sp) ? SS_ONSTACK : s->altstack_size ? 0 : SS_DISABLE) |
				(s->altstack_flags & SS_AUTODISARM);
	}
	if (ss) {
		int mode = ss->ss_flags & ~SS_AUTODISARM;
		if (on_altstack(s, sp))
			err = -EPERM;
		else if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
			err = -EINVAL;
		else if (mode == SS_DISABLE) {
			s->altstack_sp = s->altstack_size = 0;
			s->altstack_flags = SS_DISABLE;
		} else if (ss->ss_size < MINSIGSTKSZ)
			err = -ENOMEM;
		else {
			s->altstack_sp = (unsigned long)ss->ss_sp;
			s->altstack_size = ss->ss_size;
			s->altstack_flags = ss->ss_flags;
		}
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	return err;
}

int restore_altstack(const stack_t *ss, unsigned long sp)
{
	do_sigaltstack(ss, NULL, sp);	/* EPERM, EINVAL, ENOMEM: ignored, as Linux */
	return 0;
}

long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss)
{
	stack_t ss, oss;

	if (uss && copy_from_user(&ss, uss, sizeof(ss)))
		return -EFAULT;
	long err = do_sigaltstack(uss ? &ss : NULL, &oss, task_pt_regs(current)->sp);
	if (!err && uoss && copy_to_user(uoss, &oss, sizeof(oss)))
		return -EFAULT;
	return err;
}

/* Stop current for @sig (default action of a stop signal). Called with
 * tasklist_lock and signal_lock held; returns with both released, after
 * the task has been continued (SIGCONT) or woken by SIGKILL. */
static void do_signal_stop(int sig, unsigned long flags)
{
	struct task_struct *tsk = current;
	struct task_signals *s = tsk->signals;

	s->jobctl = SIGNAL_STOP_STOPPED;
	s->group_exit_code = sig;
	set_current_state(TASK_STOPPED);
	spin_unlock(&signal_lock);
	do_notify_parent_cldstop(tsk, CLD_STOPPED, sig);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	for (;;) {
		schedule();
		/* Only SIGCONT (which clears the flag) and SIGKILL end a stop. */
		spin_lock_irqsave(&signal_lock, flags);
		if (!(s->jobctl & SIGNAL_STOP_STOPPED) || (s->pending & sigmask(SIGKILL))) {
			__set_current_state(TASK_RUNNING);
			spin_unlock_irqrestore(&signal_lock, flags);
			return;
		}
		set_current_state(TASK_STOPPED);
		spin_unlock_irqrestore(&signal_lock, flags);
	}
}

/* Take the lowest deliverable signal of current. Default actions happen
 * here (ignore; stop: returns when continued; terminate: does not return);
 * with a handler, block what the handler's mask says and return true with
 * @k filled. */
bool get_signal(struct ksignal *k)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	if (!tsk->signals)
		return false;
	for (;;) {
		/* tasklist_lock too: a stop looks at the process group and
		 * tells the parent. */
		spin_lock_irqsave(&tasklist_lock, flags);
		spin_lock(&signal_lock);
		if (tsk->signals->jobctl & SIGNAL_CLD_CONTINUED) {
			tsk->signals->jobctl &= ~SIGNAL_CLD_CONTINUED;
			spin_unlock(&signal_lock);
			do_notify_parent_cldstop(tsk, CLD_CONTINUED, SIGCONT);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			continue;
		}
		u64 ready = tsk->signals->pending & ~(tsk->signals->blocked & ~UNBLOCKABLE);
		if (!ready) {
			restore_saved_mask(tsk);
			recalc_sigpending(tsk);
			spin_unlock(&signal_lock);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			return false;
		}
		/* SIGKILL first (it ends a stop), then the lowest number. */
		int sig = (ready & sigmask(SIGKILL)) ? SIGKILL : __builtin_ctzll(ready) + 1;
		dequeue_one(tsk->signals, sig, &k->info);
		k->sig = sig;
		k->ka = tsk->signals->action[sig - 1];
		if (k->ka.handler != SIG_DFL && k->ka.handler != SIG_IGN && sig != SIGKILL) {
			/* After sigsuspend the handler's frame restores the
			 * caller's mask, not the temporary one. */
			k->oldmask = tsk->signals->restore_saved_mask ? tsk->signals->saved_mask : tsk->signals->blocked;
			tsk->signals->restore_saved_mask = false;
			fill_altstack(tsk, k);
			tsk->signals->blocked |= k->ka.mask | ((k->ka.flags & SA_NODEFER) ? 0 : sigmask(sig));
			tsk->signals->blocked &= ~UNBLOCKABLE;
			if (k->ka.flags & SA_RESETHAND)
				tsk->signals->action[sig - 1].handler = SIG_DFL;
			recalc_sigpending(tsk);
			spin_unlock(&signal_lock);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			return true;
		}
		recalc_sigpending(tsk);
		if (k->ka.handler == SIG_IGN || (sig != SIGKILL && ignored_by_default(sig))) {
			spin_unlock(&signal_lock);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			continue;
		}
		/* init never takes a default action (it could only be to die,
		 * or stop); a signal it had blocked ends here. */
		if (tsk == child_reaper) {
			spin_unlock(&signal_lock);
			spin_unlock_irqrestore(&tasklist_lock, flags);
			continue;
		}
		if (sig_kernel_stop(sig)) {
			if (sig != SIGSTOP && will_become_orphaned_pgrp(tsk->pgrp, NULL)) {
				spin_unlock(&signal_lock);
				spin_unlock_irqrestore(&tasklist_lock, flags);
				continue;	/* nobody could continue it */
			}
			do_signal_stop(sig, flags);	/* drops both locks */
			continue;
		}
		spin_unlock(&signal_lock);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		do_exit(exit_code_for(sig));	/* default action: terminate (wait status: the signal) */
	}
}

long sys_rt_sigaction(int sig, const struct k_sigaction __user *act, struct k_sigaction __user *oact,
		      size_t sigsetsize)
{
	struct k_sigaction new, old;
	unsigned long flags;

	if (!current->signals)
		return -ENOMEM;
	if (sigsetsize != SIGSETSIZE || !valid_signal(sig))
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	spin_lock_irqsave(&signal_lock, flags);
	old = current->signals->action[sig - 1];
	if (act) {
		new.mask &= ~UNBLOCKABLE;
		current->signals->action[sig - 1] = new;
		/* POSIX: setting "ignore" discards a pending instance. */
		if (sig_handler_ignored(current, sig))
			flush_sig(current->signals, sig);
		recalc_sigpending(current);
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const u64 __user *set, u64 __user *oset, size_t sigsetsize)
{
	u64 new = 0, old;
	unsigned long flags;

	if (!current->signals)
		return -ENOMEM;
	if (sigsetsize != SIGSETSIZE)
		return -EINVAL;
	if (set && copy_from_user(&new, set, sizeof(new)))
		return -EFAULT;
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
		return -EINVAL;
	spin_lock_irqsave(&signal_lock, flags);
	old = current->signals->blocked;
	if (set) {
		u64 b = how == SIG_BLOCK ? old | new : how == SIG_UNBLOCK ? old & ~new : new;
		current->signals->blocked = b & ~UNBLOCKABLE;
		recalc_sigpending(current);
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(u64 __user *uset, size_t sigsetsize)
{
	unsigned long flags;
	if (!current->signals)
		return -ENOMEM;
	if (sigsetsize > SIGSETSIZE)
		return -EINVAL;
	spin_lock_irqsave(&signal_lock, flags);
	u64 p = current->signals->pending & current->signals->blocked;
	spin_unlock_irqrestore(&signal_lock, flags);
	return copy_to_user(uset, &p, sigsetsize) ? -EFAULT : 0;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long flags;
	u64 mask;

	if (!current->signals || arch_rt_sigreturn(regs, &mask)) {
		pr_info("%s[%d]: bad signal frame at %#lx\n", current->comm, current->pid, regs->sp);
		do_exit(SIGSEGV);
	}
	/* A restart_syscall(2) after a handler ran would resume a stale call. */
	current->restart_block.fn = do_no_restart_syscall;
	spin_lock_irqsave(&signal_lock, flags);
	current->signals->blocked = mask & ~UNBLOCKABLE;
	recalc_sigpending(current);
	spin_unlock_irqrestore(&signal_lock, flags);
	return regs->ax;	/* the interrupted code's rax, as the frame had it */
}

/* Caller holds tasklist_lock. The task with this pid (by_tgid: this
 * process id), and for a thread also in process @tgid (0: any). Zombies
 * have left task_list but are still on their parent's children list. */
static struct task_struct *find_target(pid_t id, bool by_tgid, pid_t tgid)
{
	struct task_struct *t, *c;
	list_for_each_entry(t, &task_list, tasks) {
		if ((by_tgid ? t->tgid : t->pid) == id && (!tgid || t->tgid == tgid))
			return t;
		list_for_each_entry(c, &t->children, sibling)
			if (c->exit_state && (by_tgid ? c->tgid : c->pid) == id && (!tgid || c->tgid == tgid))
				return c;
	}
	return NULL;
}

/* Caller holds tasklist_lock. May current signal @t? Linux's rule: root
 * (CAP_KILL), or the sender's real or effective uid is the target's real
 * or saved uid; SIGCONT also within the sender's session. */
static bool kill_permitted(struct task_struct *t, int sig)
{
	const struct cred *c = &current->cred, *tc = &t->cred;
	if (c->euid == 0)
		return true;
	if (c->euid == tc->suid || c->euid == tc->uid || c->uid == tc->suid || c->uid == tc->uid)
		return true;
	return sig == SIGCONT && t->session == current->session;
}

static void user_info(struct sigpending_info *info, int code)
{
	memset(info, 0, sizeof(*info));
	info->code = code;
	info->pid = current->tgid;
	info->uid = current->cred.uid;
}

/* Send @sig to one process or thread; -ESRCH if there is none, -EPERM if
 * it is not ours to signal. */
static long kill_one_info(pid_t id, bool by_tgid, pid_t tgid, int sig, const struct sigpending_info *info)
{
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_target(id, by_tgid, tgid);
	/* A zombie still exists (kill succeeds) but takes no signals. */
	if (t && !kill_permitted(t, sig))
		ret = -EPERM;
	else if (t)
		ret = sig && !t->exit_state ? send_signal(t, sig, info) : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static long kill_one(pid_t id, bool by_tgid, pid_t tgid, int sig, int code)
{
	struct sigpending_info info;
	user_info(&info, code);
	return kill_one_info(id, by_tgid, tgid, sig, &info);
}

/* kill(-1, sig): every process but init and the caller that we may
 * signal. As Linux: -ESRCH only if there is no other process at all;
 * processes we may not signal are skipped without an error. */
static long kill_all(int sig)
{
	struct sigpending_info info;
	struct task_struct *t;
	unsigned long flags;
	long ret = 0;
	int count = 0;

	user_info(&info, SI_USER);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (t->tgid <= 1 || t->tgid == current->tgid)
			continue;
		count++;
		if (!kill_permitted(t, sig) || !sig || t->exit_state || !t->mm)
			continue;
		long r = send_signal(t, sig, &info);
		if (r)
			ret = r;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return count ? ret : -ESRCH;
}

/* kill(0, sig) and kill(-pgrp, sig): every process in the group. A group
 * whose members are all zombies still exists (success, nothing sent).
 * Success if at least one was signalled, else the last error. */
static long kill_pgrp(pid_t pgrp, int sig)
{
	struct sigpending_info info;
	struct task_struct *t;
	unsigned long flags;
	long ret = -ESRCH;
	bool success = false;

	user_info(&info, SI_USER);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (t->pgrp != pgrp || (!t->mm && !t->exit_state))
			continue;	/* other groups, and kernel threads */
		long r;
		if (!kill_permitted(t, sig))
			r = -EPERM;
		else
			r = sig && !t->exit_state ? send_signal(t, sig, &info) : 0;
		success |= r == 0;
		ret = r;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return success ? 0 : ret;
}

long sys_kill(pid_t pid, int sig)
{
	if (sig && !valid_signal(sig))
		return -EINVAL;
	if (pid > 0)
		return kill_one(pid, true, 0, sig, SI_USER);
	if (pid == -1)
		return kill_all(sig);
	if (pid == INT_MIN)
		return -ESRCH;
	return kill_pgrp(pid ? -pid : current->pgrp, sig);
}

long sys_tkill(pid_t tid, int sig)
{
	if (tid <= 0 || (sig && !valid_signal(sig)))
		return -EINVAL;
	return kill_one(tid, false, 0, sig, SI_TKILL);
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	if (tgid <= 0 || tid <= 0 || (sig && !valid_signal(sig)))
		return -EINVAL;
	return kill_one(tid, false, tgid, sig, SI_TKILL);
}

/* The sender chooses the siginfo (sigqueue(3) uses SI_QUEUE and si_value);
 * but it may not pretend to be the kernel or kill(2) (si_code >= 0) or
 * tkill (SI_TKILL), except towards itself. */
static long do_sigqueueinfo(pid_t pid, pid_t tid, int sig, const siginfo_t __user *uinfo)
{
	siginfo_t si;
	struct sigpending_info info;

	if (copy_from_user(&si, uinfo, sizeof(si)))
		return -EFAULT;
	if ((si.si_code >= 0 || si.si_code == SI_TKILL) && (pid ? pid : tid) != current->tgid)
		return -EPERM;
	if ((pid ? pid : tid) <= 0)
		return -ESRCH;	/* (pid 0 is not "my group" here, as on Linux) */
	memset(&info, 0, sizeof(info));
	info.code = si.si_code;
	info.pid = si.si_pid;
	info.uid = si.si_uid;
	memcpy(&info.value, (const char *)&si + 24, sizeof(info.value));	/* si_value */
	if (pid)
		return kill_one_info(pid, true, 0, sig, &info);
	return kill_one_info(tid, false, 0, sig, &info);
}

long sys_rt_sigqueueinfo(pid_t pid, int sig, const siginfo_t __user *uinfo)
{
	return do_sigqueueinfo(pid, 0, sig, uinfo);
}

long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, const siginfo_t __user *uinfo)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	/* [LINUX-DIFF] one thread per process: tid must be the process */
	if (tgid != tid)
		return -ESRCH;
	return do_sigqueueinfo(0, tid, sig, uinfo);
}

/* Replace the mask, sleep until a signal is delivered, and (through the
 * handler's frame, or get_signal) go back to the old mask. Always EINTR. */
long sys_rt_sigsuspend(const u64 __user *umask, size_t sigsetsize)
{
	unsigned long flags;
	u64 mask;

	if (!current->signals)
		return -ENOMEM;
	if (sigsetsize != SIGSETSIZE)
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	spin_lock_irqsave(&signal_lock, flags);
	current->signals->saved_mask = current->signals->blocked;
	current->signals->restore_saved_mask = true;
	current->signals->blocked = mask & ~UNBLOCKABLE;
	recalc_sigpending(current);
	spin_unlock_irqrestore(&signal_lock, flags);
	wait_for_signal();
	/* EINTR once a handler ran; a signal without one (a stop and
	 * continue) restarts the call, as on Linux. */
	return -ERESTARTNOHAND;
}

long sys_pause(void)
{
	wait_for_signal();
	return -ERESTARTNOHAND;
}

long do_no_restart_syscall(struct restart_block *rb)
{
	return -EINTR;
}

/* Entered (as system call 219) when a call that returned
 * -ERESTART_RESTARTBLOCK is resumed after a signal without handler. */
long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;
	return rb->fn ? rb->fn(rb) : -EINTR;
}

struct sigwait_timespec {	/* struct __kernel_timespec */
	s64 tv_sec;
	long tv_nsec;
};

/* Caller holds signal_lock: take one of @set if pending. */
static int dequeue_from(struct task_struct *t, u64 set, struct sigpending_info *info)
{
	u64 hit = t->signals->pending & set;
	if (!hit)
		return 0;
	int sig = __builtin_ctzll(hit) + 1;
	dequeue_one(t->signals, sig, info);
	recalc_sigpending(t);
	return sig;
}

static long timespec_to_timeout(const struct sigwait_timespec __user *uts, long *timeout)
{
	struct sigwait_timespec ts;
	*timeout = MAX_SCHEDULE_TIMEOUT;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	u64 ms = (u64)ts.tv_sec * 1000 + (ts.tv_nsec + 999999) / 1000000;
	*timeout = ms > (u64)LONG_MAX / HZ ? MAX_SCHEDULE_TIMEOUT : (long)msecs_to_jiffies(ms);
	return 0;
}

/* Wait for one of @uthese (normally blocked) and take it without running a
 * handler: its number, with the siginfo in @uinfo. As Linux, the set is
 * unblocked while sleeping so its arrival wakes us. */
long sys_rt_sigtimedwait(const u64 __user *uthese, siginfo_t __user *uinfo,
			 const struct sigwait_timespec __user *uts, size_t sigsetsize)
{
	struct sigpending_info info;
	unsigned long flags;
	long timeout, err;
	u64 these;
	int sig;

	if (!current->signals)
		return -ENOMEM;
	if (sigsetsize != SIGSETSIZE)
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	these &= ~UNBLOCKABLE;
	err = timespec_to_timeout(uts, &timeout);
	if (err)
		return err;
	spin_lock_irqsave(&signal_lock, flags);
	sig = dequeue_from(current, these, &info);
	if (!sig && timeout) {
		u64 saved = current->signals->blocked;
		current->signals->real_blocked = these;	/* still "blocked" for sig_ignored() */
		current->signals->blocked &= ~these;
		recalc_sigpending(current);
		spin_unlock_irqrestore(&signal_lock, flags);
		schedule_timeout_interruptible(timeout);
		spin_lock_irqsave(&signal_lock, flags);
		current->signals->real_blocked = 0;
		current->signals->blocked = saved;
		sig = dequeue_from(current, these, &info);
		recalc_sigpending(current);
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	if (!sig)
		return signal_pending(current) ? -EINTR : -EAGAIN;
	if (uinfo) {
		siginfo_t si;
		struct ksignal k = { .sig = sig, .info = info };
		fill_siginfo(&si, &k);
		if (copy_to_user(uinfo, &si, sizeof(si)))
			return -EFAULT;
	}
	return sig;
}

/* ppoll and pselect6: run with a temporary mask (NULL: keep the current
 * one). The old mask is saved as sigsuspend saves it; the caller ends with
 * restore_saved_sigmask_unless(). 0, -EINVAL (bad size) or -EFAULT. */
int set_user_sigmask(const u64 __user *umask, size_t sigsetsize)
{
	unsigned long flags;
	u64 mask;

	if (!umask)
		return 0;
	if (sigsetsize != SIGSETSIZE)
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	if (!current->signals)
		return -ENOMEM;
	spin_lock_irqsave(&signal_lock, flags);
	current->signals->saved_mask = current->signals->blocked;
	current->signals->restore_saved_mask = true;
	current->signals->blocked = mask & ~UNBLOCKABLE;
	recalc_sigpending(current);
	spin_unlock_irqrestore(&signal_lock, flags);
	return 0;
}

/* End of ppoll/pselect6: put the caller's mask back now, unless the call
 * was interrupted (@interrupted) by a signal the temporary mask let
 * through. Then get_signal() delivers it first and the handler's frame
 * carries the old mask (as after sigsuspend), so the handler runs even if
 * the old mask blocks that signal. */
void restore_saved_sigmask_unless(bool interrupted)
{
	unsigned long flags;

	if (!current->signals)
		return;
	spin_lock_irqsave(&signal_lock, flags);
	if (!(interrupted && recalc_sigpending(current)))
		restore_saved_mask(current);
	recalc_sigpending(current);
	spin_unlock_irqrestore(&signal_lock, flags);
}
