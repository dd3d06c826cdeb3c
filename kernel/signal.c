/* Signals (seed concept: signals). So far only what CPU faults need: a task
 * that takes a fatal fault is terminated with that signal. Handlers, masks,
 * queues and delivery on return to user space are the next step. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>

/* [LINUX-DIFF] No handlers yet: every fault signal terminates the task, which
 * is Linux's default action for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGTRAP. */
void force_sig_fault(int sig, int code, void __user *addr)
{
	struct task_struct *tsk = current;
	pr_info("%s[%d]: signal %d (code %d) at %p\n", tsk->comm, tsk->pid, sig, code, addr);
	do_exit(sig);	/* wait status: terminated by signal @sig */
}
