/* The system-call table as the kernel sees it (arch/x86/entry/syscall_64.c,
 * generated from arch/x86/entry/syscalls/syscall_64.tbl). */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H
#include <linux/types.h>
#include <asm/ptrace.h>

typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long, unsigned long);
extern const sys_call_ptr_t sys_call_table[];
long sys_ni_syscall(void);
/* The call's name for the log ("openat"), NULL for a number Linux leaves unused. */
const char *syscall_name(unsigned int nr);
/* Entry points listed in the table that nothing defines; each is logged. */
int syscall_check_table(void);
bool do_syscall_64(struct pt_regs *regs);
#endif
