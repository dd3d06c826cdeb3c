/* Ending tasks (seed concept: exit, zombie, reaping). For now: kernel
 * threads, which are reaped at once: the task leaves the task list, marks
 * itself TASK_DEAD and switches away for the last time; the next task drops
 * its reference in finish_task_switch(), which frees it when no one else
 * (e.g. kthread_stop) still holds one. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <asm/irqflags.h>
#include <linux/mm_struct.h>

void do_exit(long code)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	if (tsk->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	tsk->flags |= PF_EXITING;
	if (tsk->mm) {
		/* Leave the address space before freeing it. */
		struct mm_struct *mm = tsk->mm;
		tsk->mm = NULL;
		tsk->active_mm = NULL;
		switch_mm(mm, NULL);
		mmput(mm);
	}
	tsk->exit_code = (int)code;
	tsk->kthread_result = (int)code;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&tsk->tasks);
	tsk->exit_state = EXIT_DEAD;
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
