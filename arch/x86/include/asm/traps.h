/* Exception vectors and the handlers entry code calls. */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H
#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0, X86_TRAP_DB, X86_TRAP_NMI, X86_TRAP_BP, X86_TRAP_OF, X86_TRAP_BR,
	X86_TRAP_UD, X86_TRAP_NM, X86_TRAP_DF, X86_TRAP_OLD_MF, X86_TRAP_TS, X86_TRAP_NP,
	X86_TRAP_SS, X86_TRAP_GP, X86_TRAP_PF, X86_TRAP_SPURIOUS, X86_TRAP_MF, X86_TRAP_AC,
	X86_TRAP_MC, X86_TRAP_XF,
};

/* Page-fault error code bits (SDM 3A §4.7). */
#define X86_PF_PROT (1UL << 0)	/* 0: not present, 1: protection violation */
#define X86_PF_WRITE (1UL << 1)
#define X86_PF_USER (1UL << 2)
#define X86_PF_RSVD (1UL << 3)
#define X86_PF_INSTR (1UL << 4)

void exc_page_fault(struct pt_regs *regs, unsigned long error_code);	/* arch/x86/mm/fault.c */
bool fixup_exception(struct pt_regs *regs);				/* arch/x86/mm/extable.c */
void x86_paranoid_entry(struct pt_regs *regs, unsigned long vector);	/* NMI, #DF, #MC */
#include <asm/percpu.h>
DECLARE_PER_CPU(unsigned long, nmi_count);	/* NMIs this CPU has taken */
void do_IRQ(struct pt_regs *regs, unsigned long vector);		/* arch/x86/kernel/irq.c */
void irqentry_exit(struct pt_regs *regs);
void exit_to_user_mode(struct pt_regs *regs);
void syscall_init(void);				/* arch/x86/entry/common.c */
__attribute__((noreturn)) void die(const char *what, struct pt_regs *regs, unsigned long error_code);
#endif
