/* The page-fault handler: decode what the CPU reports and decide (seed
 * concept: page faults). Kernel faults on user addresses through uaccess are
 * fixed up; other kernel faults are bugs (oops). User faults go to
 * handle_mm_fault() once address spaces exist; a fault it cannot resolve
 * becomes SIGSEGV, one it has no memory for wakes the OOM killer. */
#include <linux/kernel.h>
#include <linux/signal.h>
#include <asm/traps.h>
#include <asm/processor.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <linux/sched.h>
#include <linux/mm_struct.h>
#include <linux/preempt.h>
#include <linux/uaccess.h>
#include <linux/oom.h>

static int handle_user_fault(struct pt_regs *regs, unsigned long addr, unsigned long error_code)
{
	struct mm_struct *mm = current->mm;
	if (!mm || addr >= TASK_SIZE_MAX || (error_code & X86_PF_RSVD))
		return -EFAULT;
	/* A kernel access to user memory outside uaccess (which would be in
	 * the exception table) is a bug, not something to fix up silently. */
	if (in_interrupt())
		return -EFAULT;
	local_irq_enable();
	int ret = handle_mm_fault(mm, addr, error_code);
	if (ret == 0)
		current->min_flt++;	/* [LINUX-DIFF] no fault waits for I/O yet: none is major */
	return ret;
}

/* With SMAP the kernel touches user memory only between stac and clac
 * (RFLAGS.AC set, arch/x86/lib/usercopy.S). A kernel fault on a user address
 * without AC is a kernel bug, never a page to fault in: handle_mm_fault
 * would find the page present and the access would fault again, forever. */
static bool smap_violation(const struct pt_regs *regs, unsigned long error_code)
{
	return smap_enabled && !(error_code & X86_PF_USER) && !(regs->flags & X86_EFLAGS_AC);
}

void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long addr = read_cr2();

	if (user_mode(regs) || (addr < 0x0000800000000000UL && !(error_code & X86_PF_INSTR) &&
				!smap_violation(regs, error_code))) {
		int ret = handle_user_fault(regs, addr, error_code), oom = OOM_RETRY, tries = 0;
		/* No page to give (a user access, or a copy to or from user
		 * memory): not the program's fault. The OOM killer makes room
		 * and the access is tried again, unless the faulting task was
		 * the one killed: a user access then returns to die of its
		 * SIGKILL, a copy fails (EFAULT) and the syscall returns to die.
		 * The victim may be waiting for us (a lock a copy holds, a vfork
		 * parent waiting for its child), so after a second of retries
		 * a copy fails (EFAULT) and a user access kills its own task. */
		while (ret == -ENOMEM && tries++ < HZ && (oom = pagefault_out_of_memory()) == OOM_RETRY)
			ret = handle_user_fault(regs, addr, error_code);
		if (ret == 0)
			return;
		if (user_mode(regs) && ret == -ENOMEM && oom == OOM_RETRY && current->pid > 1) {
			oom_kill_current();
			return;
		}
		if (user_mode(regs) && oom == OOM_KILLED_CURRENT)
			return;
		if (user_mode(regs)) {
			/* As Linux: ACCERR when a mapping exists but forbids the
			 * access (even a page never touched, so "not present" to
			 * the CPU), MAPERR when nothing is mapped there (kernel
			 * addresses included, though their pages are present). */
			force_sig_fault(SIGSEGV, ret == -EACCES ? SEGV_ACCERR : SEGV_MAPERR, (void __user *)addr);
			return;
		}
	}
	if (fixup_exception(regs))
		return;
	printk(KERN_EMERG "BUG: unable to handle page fault for address %#lx (%s, %s, %s)\n", addr,
	       error_code & X86_PF_PROT ? "protection violation" : "not present",
	       error_code & X86_PF_WRITE ? "write" : (error_code & X86_PF_INSTR ? "instruction fetch" : "read"),
	       error_code & X86_PF_USER ? "user mode" : "kernel mode");
	die("page fault", regs, error_code);
}
