/* Architecture side of tasks: the kernel stack of a new task, and the state
 * that must change on every context switch (seed concept: context switch). */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <asm/desc.h>
#include <asm/asm-offsets.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/fsgsbase.h>
#include <asm/fpu.h>
#include <linux/mm_struct.h>

extern char ret_from_kernel_thread[];

/* The frame __switch_to_asm pops when it first switches to a new task. */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

void copy_thread_kernel(struct task_struct *p, int (*fn)(void *), void *arg)
{
	BUILD_BUG_ON(offsetof(struct task_struct, thread.sp) != TASK_THREAD_SP);
	/* Keep the top of the stack free for the pt_regs of a later exec. */
	struct inactive_task_frame *f = (void *)((char *)p->stack + THREAD_SIZE - sizeof(struct pt_regs)) - sizeof(*f);
	memset(f, 0, sizeof(*f));
	f->bx = (unsigned long)fn;
	f->r12 = (unsigned long)arg;
	f->ret_addr = (unsigned long)ret_from_kernel_thread;
	p->thread.sp = (unsigned long)f;
}

extern char ret_from_fork[];

/* A forked user task: the parent's registers (rax = 0 in the child), then
 * its first switch lands in ret_from_fork, which returns to user mode. */
void copy_thread_user(struct task_struct *p, const struct pt_regs *parent_regs, unsigned long newsp,
		      unsigned long tls, bool set_tls)
{
	struct pt_regs *regs = (struct pt_regs *)((char *)p->stack + THREAD_SIZE) - 1;
	*regs = *parent_regs;
	regs->ax = 0;
	if (newsp)
		regs->sp = newsp;
	/* The parent (current) may have changed its bases with wrfsbase. */
	p->thread.fsbase = rdmsr(MSR_FS_BASE);
	p->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	if (set_tls)
		p->thread.fsbase = tls;
	struct inactive_task_frame *f = (void *)regs - sizeof(*f);
	memset(f, 0, sizeof(*f));
	f->ret_addr = (unsigned long)ret_from_fork;
	p->thread.sp = (unsigned long)f;
}

/* Everything but the stack switch: who is current, where the next entry from
 * user mode lands (TSS.sp0), and the page tables if the address space changes. */
/* Load next's page tables unless they are loaded already. Kernel threads run
 * on the kernel's own tables (active_mm NULL). [LINUX-DIFF] Linux lets them
 * borrow the previous mm to save a CR3 load; that needs lazy-TLB reference
 * counting, which Lucid does not have yet. */
void arch_switch_mm(struct task_struct *prev, struct task_struct *next)
{
	next->active_mm = next->mm;
	switch_mm(prev->active_mm, next->mm);
}

void save_fsgs(struct task_struct *t)
{
	t->thread.fsbase = rdmsr(MSR_FS_BASE);
	t->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
}

void __switch_to(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm)
		save_fsgs(prev);
	this_cpu_write(pcpu_hot.current_task, next);
	update_task_stack((unsigned long)next->stack + THREAD_SIZE);
	fpu_switch(prev, next);
	arch_switch_mm(prev, next);
	if (next->mm) {
		/* The user's TLS base (and GS base, loaded by the next swapgs). */
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	}
}
