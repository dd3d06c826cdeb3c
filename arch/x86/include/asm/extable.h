/* The exception table (arch/x86/mm/extable.c): pairs {insn, fixup} saying
 * "if the instruction at insn faults in kernel mode, continue at fixup".
 * uaccess and the nofault probes are built on it (seed concept: the
 * user/kernel boundary: a bad pointer is an error, not a crash).
 *
 * In assembly:        1: movb (%rsi), %al  ...  2: <error path>
 *                     _ASM_EXTABLE(1b, 2b)
 * In C inline asm:    "1: ud2\n2:\n" _ASM_EXTABLE_STR(1b, 2b)
 * [LINUX-DIFF] Entries are two absolute addresses, not Linux's 32-bit
 * relative offsets with a handler type: a few bytes more per entry, and one
 * fixup kind (resume at the fixup address) is all Lucid uses. */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

#ifdef __ASSEMBLY__
#define _ASM_EXTABLE(from, to) \
	.pushsection __ex_table, "a"; \
	.balign 8; \
	.quad from, to; \
	.popsection
#else
#include <linux/types.h>

#define _ASM_EXTABLE_STR(from, to) \
	".pushsection __ex_table, \"a\"\n\t" \
	".balign 8\n\t" \
	".quad " #from ", " #to "\n\t" \
	".popsection\n\t"

struct exception_table_entry {
	unsigned long insn, fixup;
};

struct pt_regs;
/* Kernel-mode fault at regs->ip: if the table has it, point regs->ip at the
 * fixup and return true. */
bool fixup_exception(struct pt_regs *regs);
/* Sort the table (once, at boot, before rodata becomes read-only). */
void sort_extable(void);
const struct exception_table_entry *search_exception_tables(unsigned long ip);
#endif
#endif
