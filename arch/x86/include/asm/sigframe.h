/* Building and undoing the x86-64 signal frame (arch/x86/kernel/signal.c).
 * For the generic signal code (kernel/signal.c):
 *   - on the way to user mode, with a handler to run:
 *         setup_rt_frame(regs, &args)   0, or -EFAULT (then: force SIGSEGV)
 *   - in rt_sigreturn(2):
 *         arch_rt_sigreturn(regs, &mask) restores registers and FPU state,
 *         hands back the signal mask to reinstate; 0 or -EFAULT (SIGSEGV).
 *         sys_rt_sigreturn must then return regs->ax, the interrupted rax.
 * Both may sleep (they touch user memory). */
#ifndef _ASM_X86_SIGFRAME_H
#define _ASM_X86_SIGFRAME_H
#include <linux/types.h>
#include <uapi/asm/sigcontext.h>
#include <uapi/asm/siginfo.h>

struct pt_regs;
struct rt_frame_args {
	int sig;
	unsigned long handler;		/* sa_handler / sa_sigaction */
	unsigned long restorer;		/* sa_restorer (SA_RESTORER): calls rt_sigreturn */
	u64 blocked;			/* the mask to restore at sigreturn */
	const siginfo_t *info;		/* NULL: zeros */
	unsigned long stack_top;	/* 0: the interrupted stack; else the top of the altstack (SA_ONSTACK) */
	const stack_t *altstack;	/* reported in uc_stack; NULL: SS_DISABLE */
};

int setup_rt_frame(struct pt_regs *regs, const struct rt_frame_args *args);
long arch_rt_sigreturn(struct pt_regs *regs, u64 *blocked);
#endif
