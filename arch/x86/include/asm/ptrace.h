/* struct pt_regs: the registers saved on kernel entry, in Linux's layout
 * (lowest address first), so ptrace, signal frames and our entry code agree. */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#define PTREGS_R15 0
#define PTREGS_ORIG_AX (15 * 8)
#define PTREGS_IP (16 * 8)
#define PTREGS_CS (17 * 8)
#define PTREGS_FLAGS (18 * 8)
#define PTREGS_SP (19 * 8)
#define PTREGS_SS (20 * 8)
#define PTREGS_SIZE (21 * 8)

/* RFLAGS bits the entry code cares about beyond IF/TF/DF/AC (asm/irqflags.h). */
#define X86_EFLAGS_NT 0x4000	/* nested task: IRET would task-switch */
#define X86_EFLAGS_RF 0x10000	/* resume flag: SYSRET cannot restore it */

#ifndef __ASSEMBLY__
#include <linux/types.h>
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di;
	unsigned long orig_ax;	/* syscall number, or the exception's error code */
	unsigned long ip, cs, flags, sp, ss;	/* the CPU's interrupt frame */
};
static inline bool user_mode(const struct pt_regs *regs) { return (regs->cs & 3) == 3; }
void show_regs(const struct pt_regs *regs);
#endif
#endif
