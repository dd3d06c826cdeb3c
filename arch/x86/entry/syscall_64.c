/* System-call dispatch (seed concept: syscall flow: rax = number,
 * sys_call_table[rax](args), -errno back in rax). The table is generated from
 * syscalls/syscall_64.tbl. Rules on this path: interrupts are on while the
 * handler runs, it may sleep, and it touches user memory only through
 * <linux/uaccess.h>. */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/bitmap.h>
#include <asm/ptrace.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/irqflags.h>
#include <asm/traps.h>
#include <asm/syscall.h>
#include <asm/page.h>

#define MSR_CSTAR 0xc0000083	/* SYSCALL target from compatibility mode */

/* Not <linux/syscalls.h>: the weak fallbacks below are declared without
 * prototypes, which must not meet the real prototypes in one file. */

long sys_ni_syscall(void)
{
	return -ENOSYS;
}

/* [LINUX-DIFF] Handlers are plain C functions with their own prototypes,
 * called through one pointer type with six register arguments; Linux wraps
 * each in a pt_regs-taking stub instead. On x86-64 the extra arguments are
 * simply ignored registers.
 * Every entry point named in the table gets a weak alias of sys_ni_syscall:
 * a call whose file has not landed yet is "not implemented", not a link
 * error, and syscall_check_table() names it at boot. */
#define __SYSCALL_ENTRY(sym) long sym() __attribute__((weak, alias("sys_ni_syscall")));
#include <asm/syscall_table.h>
#undef __SYSCALL_ENTRY

#define SYS_PTR(sym) ((sys_call_ptr_t)(void (*)(void))(sym))

#define __SYSCALL(nr, name, sym) [nr] = SYS_PTR(sym),
#define __SYSCALL_NI(nr, name) [nr] = SYS_PTR(sys_ni_syscall),
#define __SYSCALL_HOLE(nr) [nr] = SYS_PTR(sys_ni_syscall),
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include <asm/syscall_table.h>
};
#undef __SYSCALL
#undef __SYSCALL_NI
#undef __SYSCALL_HOLE
const unsigned int nr_syscalls = NR_syscalls;

#define __SYSCALL(nr, name, sym) [nr] = #name,
#define __SYSCALL_NI(nr, name) [nr] = #name,
#define __SYSCALL_HOLE(nr)
static const char *const sys_call_names[NR_syscalls] = {
#include <asm/syscall_table.h>
};
#undef __SYSCALL
#undef __SYSCALL_NI
#undef __SYSCALL_HOLE

/* Bit nr: "not implemented" already logged for nr; the last bit stands for
 * every number beyond the table. */
static unsigned long enosys_logged[BITS_TO_LONGS(NR_syscalls + 1)];

const char *syscall_name(unsigned int nr)
{
	return nr < NR_syscalls ? sys_call_names[nr] : NULL;
}

static long unknown_syscall(unsigned int nr)
{
	unsigned long bit = nr < NR_syscalls ? nr : NR_syscalls;
	if (test_and_set_bit(bit, enosys_logged))
		return -ENOSYS;
	if (syscall_name(nr))
		pr_info("%s[%d]: system call %s (%u) not implemented\n", current->comm, current->pid,
			syscall_name(nr), nr);
	else
		pr_info("%s[%d]: unknown system call %u\n", current->comm, current->pid, nr);
	return -ENOSYS;
}

/* Calls the table names an entry point for, but which nothing defines (so
 * they fell back to sys_ni_syscall). Returns how many; logs each. */
int syscall_check_table(void)
{
	int missing = 0;
#define __SYSCALL(nr, name, sym) \
	if (sys_call_table[nr] == SYS_PTR(sys_ni_syscall)) { \
		pr_warn("syscall: %s (%d) lists %s, which is not defined\n", #name, nr, #sym); \
		missing++; \
	}
#define __SYSCALL_NI(nr, name)
#define __SYSCALL_HOLE(nr)
#include <asm/syscall_table.h>
#undef __SYSCALL
#undef __SYSCALL_NI
#undef __SYSCALL_HOLE
	return missing;
}

static int __init syscall_table_init(void)
{
	syscall_check_table();
	return 0;
}
late_initcall(syscall_table_init);

extern char entry_SYSCALL_64[], entry_SYSCALL_compat[];

/* Per CPU (from cpu_init). STAR: SYSCALL loads CS = __KERNEL_CS, SS = +8
 * (__KERNEL_DS); SYSRET loads CS = __USER32_CS + 16 (__USER_CS) and SS =
 * __USER32_CS + 8 (__USER_DS), all with RPL 3: hence the GDT order. */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_CSTAR, (u64)entry_SYSCALL_compat);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_AC |
				X86_EFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* SYSRET loads RIP from RCX and RFLAGS from R11, so it can only return a
 * frame where they already agree, as after an ordinary system call. A frame
 * the kernel rewrote (exec, signal delivery, sigreturn: all registers
 * restored) goes back by IRET. SYSRET also needs a canonical user RIP
 * (Intel CPUs fault in ring 0 otherwise) and cannot restore TF or RF. */
static bool can_sysret(const struct pt_regs *regs)
{
	if (regs->cs != __USER_CS || regs->ss != __USER_DS)
		return false;
	if (regs->cx != regs->ip || regs->r11 != regs->flags)
		return false;
	if (regs->ip >= TASK_SIZE_MAX)
		return false;
	return !(regs->flags & (X86_EFLAGS_TF | X86_EFLAGS_RF));
}

void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
}

/* The number is the low 32 bits of rax, as on Linux (which sign-extends
 * eax and compares unsigned): rax = 1 << 32 | 39 is getpid there too. */
bool do_syscall_64(struct pt_regs *regs)
{
	unsigned int nr = (unsigned int)regs->orig_ax;
	local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr] != SYS_PTR(sys_ni_syscall))
		regs->ax = sys_call_table[nr](regs->di, regs->si, regs->dx, regs->r10, regs->r8, regs->r9);
	else
		regs->ax = unknown_syscall(nr);
	syscall_exit_to_user_mode(regs);
	return can_sysret(regs);
}
