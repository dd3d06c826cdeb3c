/* The per-task signal state embedded in task_struct (kernel/signal.c). */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H
#include <linux/types.h>
#include <uapi/asm/signal.h>

/* As rt_sigaction(2) passes it on x86-64 (struct kernel_sigaction). */
struct k_sigaction {
	unsigned long handler;	/* SIG_DFL, SIG_IGN or the user function */
	unsigned long flags;	/* SA_* */
	unsigned long restorer;	/* SA_RESTORER: calls rt_sigreturn */
	u64 mask;		/* blocked while the handler runs */
};

/* What a handler's siginfo_t will say about one pending signal. */
struct sigpending_info {
	int code;		/* si_code: SI_USER, SI_KERNEL, SEGV_MAPERR, CLD_EXITED... */
	int pid;		/* sender (kill) or child (SIGCHLD) */
	unsigned long addr;	/* fault address */
	int status;		/* SIGCHLD: exit status */
	unsigned int uid;	/* sender's real uid (kill, sigqueue, SIGCHLD) */
	u64 value;		/* rt_sigqueueinfo: si_value (sigval), as the sender gave it */
};

/* One queued instance of a real-time signal (SIGRTMIN..64): unlike the
 * standard signals, each is delivered, in the order sent. */
struct sigqueue {
	struct sigqueue *next;
	int sig;
	struct sigpending_info info;
};
#define SIGRTMIN_KERNEL 32	/* the kernel's first real-time signal (libc reserves a few) */

/* task_signals.jobctl: job-control state (seed concept: process states). */
#define SIGNAL_STOP_STOPPED 0x1		/* stopped by SIGSTOP/SIGTSTP/SIGTTIN/SIGTTOU */
#define SIGNAL_STOP_CONTINUED 0x2	/* SIGCONT continued it; wait(WCONTINUED) not yet told */
#define SIGNAL_CLD_CONTINUED 0x4	/* the parent is still to get SIGCHLD/CLD_CONTINUED */

/* Allocated for user tasks (fork, or the first exec of a kernel thread).
 * [LINUX-DIFF] Each task has its own table: no shared sighand_struct until
 * CLONE_SIGHAND threads exist. Everything is under signal_lock. */
struct task_signals {
	u64 pending;				/* bit sig-1: queued (one of each, like Linux's standard signals) */
	u64 blocked;				/* bit sig-1: not delivered now */
	u64 saved_mask;				/* sigsuspend: the mask to go back to */
	u64 real_blocked;			/* rt_sigtimedwait: the set it waits for (unblocked meanwhile) */
	bool restore_saved_mask;		/* ... after the next delivery */
	unsigned long altstack_sp;		/* sigaltstack: base, size (0: none) */
	unsigned long altstack_size;
	unsigned int altstack_flags;		/* the ss_flags it was set with (0, SS_AUTODISARM...), SS_DISABLE if none */
	struct k_sigaction action[_NSIG];	/* index sig-1 */
	struct sigpending_info info[_NSIG];
	struct sigqueue *queue;			/* real-time instances, oldest first (not copied by fork) */
	int nr_queued;				/* entries in queue (RLIMIT_SIGPENDING) */
	u64 bare;				/* real-time signals pending without a queue entry (kmalloc failed) */
	unsigned int jobctl;			/* SIGNAL_* above */
	int group_exit_code;			/* the signal that stopped it, until wait(WUNTRACED) reports it */
};
#endif
