/* The exception table: for each instruction allowed to fault (user-memory
 * access in copy_from_user and friends), where to continue instead. The
 * linker gathers the {insn, fixup} pairs into __ex_table. */
#include <linux/kernel.h>
#include <asm/traps.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};
extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	}
	return false;
}
