/* Symbol lookup for backtraces: the table is generated at link time by
 * scripts/kallsyms.sh (see the Makefile's two-pass link). */
#include <linux/kernel.h>
#include <asm/page.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addr[];
extern const char *const kallsyms_name[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset)
{
	unsigned long lo = 0, hi = kallsyms_num;
	if (!hi || addr < kallsyms_addr[0] || addr >= (unsigned long)_etext)
		return NULL;
	while (hi - lo > 1) {		/* last symbol with address <= addr */
		unsigned long mid = (lo + hi) / 2;
		if (kallsyms_addr[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - kallsyms_addr[lo];
	return kallsyms_name[lo];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num; i++)
		if (!strcmp(kallsyms_name[i], name))
			return kallsyms_addr[i];
	return 0;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long off;
	const char *name = kallsyms_lookup(addr, &off);
	if (!name)
		return scnprintf(buf, size, "%#lx", addr);
	return scnprintf(buf, size, "%s+0x%lx", name, off);
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	unsigned long off;
	const char *name = kallsyms_lookup(addr - 1, &off);
	if (!name)
		return scnprintf(buf, size, "%#lx", addr);
	return scnprintf(buf, size, "%s+0x%lx", name, off + 1);
}
