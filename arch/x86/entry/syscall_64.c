/* System-call dispatch (seed concept: syscall flow: rax = number,
 * sys_call_table[rax](args), -errno back in rax). The table is generated from
 * syscalls/syscall_64.tbl. Rules on this path: interrupts are on while the
 * handler runs, it may sleep, and it touches user memory only through
 * <linux/uaccess.h>. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/bitmap.h>
#include <asm/ptrace.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/irqflags.h>
#include <asm/traps.h>

typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);

/* [LINUX-DIFF] Handlers are plain C functions with their own prototypes,
 * called through one pointer type with six register arguments; Linux wraps
 * each in a pt_regs-taking stub instead. On x86-64 the extra arguments are
 * simply ignored registers. */
#define __SYSCALL(nr, name, sym) long sym();
#include <asm/syscall_table.h>
#undef __SYSCALL

#define __SYSCALL(nr, name, sym) [nr] = (sys_call_ptr_t)(void (*)(void))sym,
static const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include <asm/syscall_table.h>
};
#undef __SYSCALL

#define __SYSCALL(nr, name, sym) [nr] = #name,
static const char *const sys_call_names[NR_syscalls] = {
#include <asm/syscall_table.h>
};
#undef __SYSCALL

static unsigned long enosys_logged[BITS_TO_LONGS(NR_syscalls + 1)];

long sys_ni_syscall(void)
{
	return -ENOSYS;
}

static long unknown_syscall(unsigned long nr)
{
	unsigned long bit = nr < NR_syscalls ? nr : NR_syscalls;
	if (!test_and_set_bit(bit, enosys_logged)) {
		if (nr < NR_syscalls && sys_call_names[nr])
			pr_info("%s[%d]: system call %s (%lu) not implemented\n", current->comm, current->pid,
				sys_call_names[nr], nr);
		else
			pr_info("%s[%d]: unknown system call %lu\n", current->comm, current->pid, nr);
	}
	return -ENOSYS;
}

extern char entry_SYSCALL_64[];

void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_AC | 0x4000 /* NT */);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* SYSRET is only safe for a canonical user RIP (Intel CPUs fault in ring 0
 * otherwise) and when RCX/R11 still hold RIP/RFLAGS; else return by IRET. */
static bool can_sysret(struct pt_regs *regs)
{
	if (regs->cs != __USER_CS || regs->ss != __USER_DS)
		return false;
	if (regs->ip >= 0x00007ffffffff000UL)
		return false;
	if (regs->flags & (X86_EFLAGS_TF | 0x10000 /* RF */))
		return false;
	regs->cx = regs->ip;
	regs->r11 = regs->flags;
	return true;
}

void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
}

bool do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr] != (sys_call_ptr_t)(void (*)(void))sys_ni_syscall)
		regs->ax = sys_call_table[nr](regs->di, regs->si, regs->dx, regs->r10, regs->r8, regs->r9);
	else
		regs->ax = unknown_syscall(nr);
	syscall_exit_to_user_mode(regs);
	return can_sysret(regs);
}
