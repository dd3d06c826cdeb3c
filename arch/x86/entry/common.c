/* The way out of the kernel after an interrupt or exception: reschedule if
 * asked, and (returning to user mode) deliver pending signals. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <asm/traps.h>
#include <asm/irqflags.h>
#include <asm/segment.h>
#include <asm/page.h>
#include <linux/signal.h>


#define X86_EFLAGS_IOPL 0x3000
#define X86_EFLAGS_VM 0x20000

/* Can IRET load this frame without faulting in kernel mode? Only frames the
 * kernel rewrote (exec, signal return) can be wrong; an IRET that faulted
 * here would do so with the user's GS already loaded. */
static bool user_frame_valid(const struct pt_regs *regs)
{
	if (regs->ss != __USER_DS)
		return false;
	if (regs->cs == __USER_CS)
		return regs->ip < TASK_SIZE_MAX;
	if (regs->cs == __USER32_CS)
		return regs->ip <= 0xffffffffUL;
	return false;
}

void exit_to_user_mode(struct pt_regs *regs)
{
	/* User mode always runs with interrupts on, at IOPL 0, never in
	 * virtual-8086 mode or with a nested-task IRET. */
	regs->flags = (regs->flags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_VM | X86_EFLAGS_NT)) | X86_EFLAGS_IF;
	bool signalled = false;
	for (;;) {
		if (!user_frame_valid(regs)) {
			local_irq_enable();
			/* As Linux does for a faulting IRET: SIGSEGV; if the
			 * frame is still bad after that, the task cannot go on. */
			if (signalled)
				do_exit(SIGSEGV);
			signalled = true;
			force_sig_fault(SIGSEGV, SI_KERNEL, NULL);
			continue;
		}
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		if (signal_pending(current)) {
			local_irq_enable();
			arch_do_signal_or_restart(regs);
			continue;
		}
		return;
	}
}

void irqentry_exit(struct pt_regs *regs)
{
	if (user_mode(regs)) {
		exit_to_user_mode(regs);
		return;
	}
	/* Kernel preemption: only where the interrupted code allowed it. */
	if (preempt_count() == 0 && (regs->flags & X86_EFLAGS_IF) && need_resched())
		preempt_schedule_irq();
}
