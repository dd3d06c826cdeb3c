/* The exception table: for each instruction allowed to fault (user-memory
 * access in copy_from_user and friends, the nofault probes), where to
 * continue instead (seed concept: the user/kernel boundary). The linker
 * gathers the {insn, fixup} pairs into __ex_table in link order; trap_init()
 * sorts them once so a fault looks its address up by binary search. */
#include <linux/kernel.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

extern struct exception_table_entry __start___ex_table[], __stop___ex_table[];

/* Insertion sort: the table is small and nearly sorted already (each file's
 * entries are in address order). Runs before the kernel's page tables make
 * .rodata read-only (setup_memory), while the boot mapping is writable. */
void sort_extable(void)
{
	struct exception_table_entry *t = __start___ex_table;
	long n = __stop___ex_table - __start___ex_table;

	for (long i = 1; i < n; i++) {
		struct exception_table_entry e = t[i];
		long j = i - 1;
		while (j >= 0 && t[j].insn > e.insn) {
			t[j + 1] = t[j];
			j--;
		}
		t[j + 1] = e;
	}
}

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *lo = __start___ex_table, *hi = __stop___ex_table;

	while (lo < hi) {
		const struct exception_table_entry *mid = lo + (hi - lo) / 2;
		if (mid->insn == ip)
			return mid;
		if (mid->insn < ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);
	if (!e)
		return false;
	regs->ip = e->fixup;
	return true;
}
