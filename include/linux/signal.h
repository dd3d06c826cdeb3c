/* Signals: the kernel-side interface (kernel/signal.c). */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <uapi/asm/signal.h>

#include <linux/signal_types.h>
#include <uapi/asm/sigcontext.h>
#include <uapi/asm/siginfo.h>

struct task_struct;
/* A synchronous fault in the current task (SIGSEGV, SIGBUS, SIGFPE...):
 * delivered to its handler if it has one and the signal is not blocked,
 * else the task dies of it. */
void force_sig_fault(int sig, int code, void __user *addr);
/* Queue @sig for @t (any context that may take signal_lock): 0 or -EINVAL. */
int send_signal(struct task_struct *t, int sig, const struct sigpending_info *info);
/* do_exit: the child's exit_signal to its parent (tasklist_lock held). */
void do_notify_parent(struct task_struct *child, int status);
/* fork: the child gets its own signal state with the parent's actions and
 * mask, not its pending signals. 0 or -ENOMEM. */
/* wait(), tasklist_lock held: an unreported stop (its signal in *code) or
 * continue of child @c; reported unless @keep (WNOWAIT). */
bool task_stop_report(struct task_struct *c, bool keep, int *code);
bool task_continued_report(struct task_struct *c, bool keep);
bool sig_kernel_coredump(int sig);
/* do_exit (tasklist_lock held): SIGHUP+SIGCONT to process groups with
 * stopped members that @tsk's exit orphans (@moved: its former children). */
struct list_head;
void kill_orphaned_pgrps(struct task_struct *tsk, struct list_head *moved);
/* Job control for the tty: is current's process group orphaned (then a
 * background read/write is EIO, not SIGTTIN/SIGTTOU)? And a signal from
 * the kernel to a whole process group (0, or -ESRCH if it has nobody). */
bool is_current_pgrp_orphaned(void);
int kill_pgrp_kernel(pid_t pgrp, int sig);
/* do_exit: SIGCHLD ignored or SA_NOCLDWAIT in @parent: no zombie. */
bool parent_autoreaps(struct task_struct *parent, bool *send_sig);
int copy_signal_state(struct task_struct *child, struct task_struct *parent);
/* When the task_struct is freed. */
void free_task_signals(struct task_struct *t);
/* exec: handlers back to SIG_DFL (ignored signals stay ignored); a kernel
 * thread becoming a process gets its signal state here. 0 or -ENOMEM. */
int flush_signal_handlers(struct task_struct *t);

/* ppoll/pselect6: a temporary signal mask for the call (NULL umask: none).
 * 0, -EINVAL (sigsetsize) or -EFAULT. */
int set_user_sigmask(const u64 __user *umask, size_t sigsetsize);
/* ...and the caller's mask back, unless @interrupted and a signal is
 * deliverable: then the handler's frame restores it (see kernel/signal.c). */
void restore_saved_sigmask_unless(bool interrupted);

/* One signal taken for delivery by get_signal(). */
struct ksignal {
	int sig;
	struct k_sigaction ka;
	struct sigpending_info info;
	u64 oldmask;		/* the mask sigreturn restores */
	unsigned long stack_top;	/* SA_ONSTACK: the alternate stack's top, else 0 */
	unsigned long altstack_sp, altstack_size;	/* reported in the frame's uc_stack */
	unsigned int altstack_flags;	/* its ss_flags as set (the frame reports these, as Linux) */
	bool on_altstack;		/* the interrupted code already runs on it */
};
bool get_signal(struct ksignal *k);
/* The siginfo_t user space sees for @k (arch/x86/kernel/signal.c). */
void fill_siginfo(siginfo_t *si, const struct ksignal *k);
struct pt_regs;
void arch_do_signal_or_restart(struct pt_regs *regs);	/* arch/x86/kernel/signal.c */
/* rt_sigreturn: set the alternate stack from the frame's uc_stack (a
 * handler may change it there; SS_AUTODISARM gets it back). @sp is the
 * restored user stack pointer. -EFAULT only; other errors are ignored. */
int restore_altstack(const stack_t *ss, unsigned long sp);
#endif
