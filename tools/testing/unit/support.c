/* What kernel code under host unit tests calls outside itself: printk
 * (to stdout, or silenced), panic (abort, so a test fails loudly). */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

int unit_preempt_count;
int unit_quiet = 1;
_Bool virt_spin_lock_enabled;	/* <linux/spinlock.h>: one host thread, ticket locks */

int printk(const char *fmt, ...)
{
	va_list ap;
	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	if (unit_quiet)
		return 0;
	va_start(ap, fmt);
	int n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "panic: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	abort();
}

void dump_stack(void)
{
}

__attribute__((weak)) int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (size == 0)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	return snprintf(buf, size, "sym_%lx", addr);
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	return snprintf(buf, size, "ret_%lx", addr);
}

void preempt_schedule(void)
{
}
