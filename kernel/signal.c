/* Signals (seed concept: signals): sending (kill, faults, a child's exit),
 * blocking (sigprocmask), dispositions (sigaction) and choosing the signal
 * to deliver on the way back to user mode. The x86 frame that makes a
 * handler run and sigreturn undo it is arch/x86/kernel/signal.c.
 *
 * A signal is a bit in the target's pending set. If it is deliverable (not
 * blocked) the target gets TIF_SIGPENDING and, if it sleeps interruptibly,
 * a wakeup; exit_to_user_mode() then calls arch_do_signal_or_restart(),
 * which takes one signal with get_signal() and builds the handler's frame,
 * or performs the default action (terminate, or ignore).
 *
 * [LINUX-DIFF] Not yet: real-time signal queues (one of each signal is
 * pending, as for Linux's standard signals), stopping and continuing (job
 * control: SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU are ignored), process groups for
 * kill(0) and kill(-pgrp), core dumps. */
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

/* Default action "ignore": SIGCHLD, SIGURG, SIGWINCH, SIGCONT; and the stop
 * signals, since Lucid has no job control yet. */
static bool ignored_by_default(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return true;
	default:
		return false;
	}
}

static bool sig_ignored(struct task_struct *t, int sig)
{
	unsigned long h = t->signals->action[sig - 1].handler;
	if (sig == SIGKILL)
		return false;
	return h == SIG_IGN || (h == SIG_DFL && ignored_by_default(sig));
}

/* Caller holds signal_lock. TIF_SIGPENDING: something is deliverable. */
static bool recalc_sigpending(struct task_struct *t)
{
	u64 ready = t->signals->pending & ~(t->signals->blocked & ~UNBLOCKABLE);
	if (ready)
		set_bit(TIF_SIGPENDING, &t->ti_flags);
	else
		clear_bit(TIF_SIGPENDING, &t->ti_flags);
	return ready != 0;
}

int send_signal(struct task_struct *t, int sig, const struct sigpending_info *info)
{
	unsigned long flags;
	bool wake;

	if (!valid_signal(sig))
		return -EINVAL;
	if (!t->mm || !t->signals)
		return 0;	/* kernel threads take no signals */
	spin_lock_irqsave(&signal_lock, flags);
	if (!sig_ignored(t, sig)) {
		if (!(t->signals->pending & sigmask(sig)))
			t->signals->info[sig - 1] = *info;
		t->signals->pending |= sigmask(sig);
	}
	wake = recalc_sigpending(t);
	spin_unlock_irqrestore(&signal_lock, flags);
	/* A sleeper wakes with -EINTR; a running task sees TIF_SIGPENDING at
	 * its next return to user mode (at the latest, the next tick). */
	if (wake)
		wake_up_state(t, TASK_INTERRUPTIBLE);
	return 0;
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
	do_exit(sig);
}

/* A child's exit: its exit_signal (normally SIGCHLD) to the parent. Called
 * with tasklist_lock held. */
void do_notify_parent(struct task_struct *child, int status)
{
	struct sigpending_info info = { .code = CLD_EXITED, .pid = child->tgid, .status = status };
	if ((status & 0x7f) != 0) {
		info.code = CLD_KILLED;
		info.status = status & 0x7f;
	} else {
		info.status = (status >> 8) & 0xff;
	}
	if (child->exit_signal > 0 && child->real_parent)
		send_signal(child->real_parent, child->exit_signal, &info);
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
	}
	child->signals = sigs;
	spin_unlock_irqrestore(&signal_lock, flags);
	clear_bit(TIF_SIGPENDING, &child->ti_flags);
	return 0;
}

void free_task_signals(struct task_struct *t)
{
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
	k->on_altstack = on_altstack(s, sp);
	k->stack_top = 0;
	if ((k->ka.flags & SA_ONSTACK) && s->altstack_size && !k->on_altstack)
		k->stack_top = s->altstack_sp + s->altstack_size;
}

#define MINSIGSTKSZ 2048
#define SS_AUTODISARM (1U << 31)

long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss)
{
	struct task_signals *s = current->signals;
	unsigned long sp = task_pt_regs(current)->sp, flags;
	stack_t ss, oss;

	if (!s)
		return -ENOMEM;
	if (uss && copy_from_user(&ss, uss, sizeof(ss)))
		return -EFAULT;
	spin_lock_irqsave(&signal_lock, flags);
	memset(&oss, 0, sizeof(oss));
	oss.ss_sp = (void __user *)s->altstack_sp;
	oss.ss_size = s->altstack_size;
	oss.ss_flags = on_altstack(s, sp) ? SS_ONSTACK : s->altstack_size ? 0 : SS_DISABLE;
	long err = 0;
	if (uss) {
		int mode = ss.ss_flags & ~SS_AUTODISARM;
		if (on_altstack(s, sp))
			err = -EPERM;
		else if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
			err = -EINVAL;
		else if (mode == SS_DISABLE)
			s->altstack_sp = s->altstack_size = 0;
		else if (ss.ss_size < MINSIGSTKSZ)
			err = -ENOMEM;
		else {
			s->altstack_sp = (unsigned long)ss.ss_sp;
			s->altstack_size = ss.ss_size;
		}
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	if (!err && uoss && copy_to_user(uoss, &oss, sizeof(oss)))
		return -EFAULT;
	return err;
}

/* Take the lowest deliverable signal of current. Default actions happen
 * here (ignore, or terminate: does not return); with a handler, block what
 * the handler's mask says and return true with @k filled. */
bool get_signal(struct ksignal *k)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	if (!tsk->signals)
		return false;
	for (;;) {
		spin_lock_irqsave(&signal_lock, flags);
		u64 ready = tsk->signals->pending & ~(tsk->signals->blocked & ~UNBLOCKABLE);
		if (!ready) {
			restore_saved_mask(tsk);
			recalc_sigpending(tsk);
			spin_unlock_irqrestore(&signal_lock, flags);
			return false;
		}
		int sig = __builtin_ctzll(ready) + 1;
		tsk->signals->pending &= ~sigmask(sig);
		k->sig = sig;
		k->ka = tsk->signals->action[sig - 1];
		k->info = tsk->signals->info[sig - 1];
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
			spin_unlock_irqrestore(&signal_lock, flags);
			return true;
		}
		recalc_sigpending(tsk);
		spin_unlock_irqrestore(&signal_lock, flags);
		if (k->ka.handler == SIG_IGN || (sig != SIGKILL && ignored_by_default(sig)))
			continue;
		do_exit(sig);	/* default action: terminate (wait status: the signal) */
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
		if (sig_ignored(current, sig))
			current->signals->pending &= ~sigmask(sig);
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

/* Send @sig to one process or thread; -ESRCH if there is none. */
static long kill_one(pid_t id, bool by_tgid, pid_t tgid, int sig)
{
	struct sigpending_info info = { .code = SI_USER, .pid = current->tgid };
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	struct task_struct *t = find_target(id, by_tgid, tgid);
	/* A zombie still exists (kill succeeds) but takes no signals. */
	if (t)
		ret = sig && !t->exit_state ? send_signal(t, sig, &info) : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* kill(-1, sig): every process but init and the caller. */
static long kill_all(int sig)
{
	struct sigpending_info info = { .code = SI_USER, .pid = current->tgid };
	struct task_struct *t;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (t->tgid <= 1 || t->tgid == current->tgid || t->exit_state || !t->mm)
			continue;
		ret = sig ? send_signal(t, sig, &info) : 0;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* kill(0, sig) and kill(-pgrp, sig): every process in the group. A group
 * whose members are all zombies still exists (success, nothing sent). */
static long kill_pgrp(pid_t pgrp, int sig)
{
	struct sigpending_info info = { .code = SI_USER, .pid = current->tgid };
	struct task_struct *t;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (t->pgrp != pgrp || (!t->mm && !t->exit_state))
			continue;	/* other groups, and kernel threads */
		long r = sig && !t->exit_state ? send_signal(t, sig, &info) : 0;
		if (ret)
			ret = r;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long sys_kill(pid_t pid, int sig)
{
	if (sig && !valid_signal(sig))
		return -EINVAL;
	if (pid > 0)
		return kill_one(pid, true, 0, sig);
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
	return kill_one(tid, false, 0, sig);
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	if (tgid <= 0 || tid <= 0 || (sig && !valid_signal(sig)))
		return -EINVAL;
	return kill_one(tid, false, tgid, sig);
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
	return -EINTR;
}

long sys_pause(void)
{
	wait_for_signal();
	return -EINTR;
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
	t->signals->pending &= ~sigmask(sig);
	*info = t->signals->info[sig - 1];
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
		current->signals->blocked &= ~these;
		recalc_sigpending(current);
		spin_unlock_irqrestore(&signal_lock, flags);
		schedule_timeout_interruptible(timeout);
		spin_lock_irqsave(&signal_lock, flags);
		current->signals->blocked = saved;
		sig = dequeue_from(current, these, &info);
		recalc_sigpending(current);
	}
	spin_unlock_irqrestore(&signal_lock, flags);
	if (!sig)
		return signal_pending(current) ? -EINTR : -EAGAIN;
	if (uinfo) {
		siginfo_t si;
		memset(&si, 0, sizeof(si));
		si.si_signo = sig;
		si.si_code = info.code;
		if (info.addr)
			si.si_addr = (void __user *)info.addr;
		else
			si.si_pid = info.pid;
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
