/* Consoles: where printk's text goes (kernel/printk/printk.c walks the list). */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H
#include <linux/types.h>
#include <linux/list.h>

struct console {
	const char *name;
	/* Called with the console lock held and interrupts off; must not sleep. */
	void (*write)(struct console *con, const char *s, size_t n);
	struct list_head node;
};

void register_console(struct console *con);
void console_write(const char *s, size_t n);
void unregister_console(struct console *con);

extern struct console early_serial_console;
void serial8250_early_init(void);
void serial8250_putc(char c);
#endif
