/* The 16550 UART on COM1, polled: the boot console (drivers/tty/serial/).
 * The interrupt-driven side that feeds the tty lives in 8250.c. */
#include <linux/kernel.h>
#include <linux/console.h>
#include <asm/io.h>

#define COM1 0x3f8
#define UART_THR 0	/* transmit holding */
#define UART_IER 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_LSR_THRE 0x20

static bool uart_present;

void serial8250_early_init(void)
{
	outb(0x00, COM1 + UART_IER);	/* no interrupts yet */
	outb(0x80, COM1 + UART_LCR);	/* DLAB: set the divisor */
	outb(0x01, COM1 + 0);		/* 115200 baud */
	outb(0x00, COM1 + 1);
	outb(0x03, COM1 + UART_LCR);	/* 8N1 */
	outb(0xc7, COM1 + UART_FCR);	/* FIFO on, cleared, 14-byte threshold */
	outb(0x0b, COM1 + UART_MCR);	/* DTR, RTS, OUT2 */
	uart_present = inb(COM1 + UART_LSR) != 0xff;
}

void serial8250_putc(char c)
{
	if (!uart_present)
		return;
	for (int spins = 0; !(inb(COM1 + UART_LSR) & UART_LSR_THRE) && spins < 100000; spins++)
		__asm__ volatile("pause");
	outb(c, COM1 + UART_THR);
}

/* Console output adds the CR a terminal needs before each LF. */
static void early_serial_write(struct console *con, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial8250_putc('\r');
		serial8250_putc(s[i]);
	}
}

struct console early_serial_console = {
	.name = "ttyS0",
	.write = early_serial_write,
};
