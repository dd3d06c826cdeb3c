/* The way out of the kernel after an interrupt or exception: reschedule if
 * asked, and (returning to user mode) deliver pending signals. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <asm/traps.h>
#include <asm/irqflags.h>

void __weak arch_do_signal_or_restart(struct pt_regs *regs)
{
}

void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
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
