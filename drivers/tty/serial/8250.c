/* The 16550 UART on COM1, interrupt-driven receive (drivers/tty/serial/).
 * Output stays polled (8250_early.c): the console must work even from panic.
 * Input arrives on IRQ 4; the handler moves bytes from the FIFO into a ring
 * buffer and wakes readers. The tty layer reads from here.
 * rx_lock (irqsave) protects the ring. */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/serial.h>
#include <asm/io.h>

#define COM1 0x3f8
#define COM1_IRQ 4
#define UART_RBR 0
#define UART_IER 1
#define UART_IIR 2
#define UART_LSR 5
#define UART_IER_RDI 0x01
#define UART_LSR_DR 0x01
#define RX_SIZE 4096

static char rx_buf[RX_SIZE];
static unsigned int rx_head, rx_tail;	/* rx_lock */
static u64 rx_overruns;			/* rx_lock */
static DEFINE_SPINLOCK(rx_lock);
DECLARE_WAIT_QUEUE_HEAD(serial8250_rx_wait);
static void (*rx_hook)(char c);

/* The tty layer may take each byte as it arrives instead of the ring. */
void serial8250_set_rx_hook(void (*hook)(char c))
{
	rx_hook = hook;
}

static irqreturn_t serial8250_interrupt(int irq, void *dev)
{
	bool got = false;
	spin_lock(&rx_lock);
	while (inb(COM1 + UART_LSR) & UART_LSR_DR) {
		char c = inb(COM1 + UART_RBR);
		got = true;
		if (rx_hook) {
			spin_unlock(&rx_lock);
			rx_hook(c);
			spin_lock(&rx_lock);
			continue;
		}
		if (rx_head - rx_tail < RX_SIZE)
			rx_buf[rx_head++ % RX_SIZE] = c;
		else
			rx_overruns++;
	}
	spin_unlock(&rx_lock);
	if (got)
		wake_up_interruptible(&serial8250_rx_wait);
	return got ? IRQ_HANDLED : IRQ_NONE;
}

/* Copy up to @n received bytes; 0 if none are waiting. */
int serial8250_read(char *buf, int n)
{
	unsigned long flags;
	int got = 0;
	spin_lock_irqsave(&rx_lock, flags);
	while (got < n && rx_tail != rx_head)
		buf[got++] = rx_buf[rx_tail++ % RX_SIZE];
	spin_unlock_irqrestore(&rx_lock, flags);
	return got;
}

bool serial8250_rx_ready(void)
{
	return READ_ONCE(rx_head) != READ_ONCE(rx_tail);
}

static int __init serial8250_init(void)
{
	int err = request_irq(COM1_IRQ, serial8250_interrupt, 0, "serial", NULL);
	if (err) {
		pr_err("serial8250: cannot get IRQ %d (%d); input disabled\n", COM1_IRQ, err);
		return err;
	}
	outb(UART_IER_RDI, COM1 + UART_IER);
	/* Bytes typed before now raised no interrupt: collect them. */
	serial8250_interrupt(COM1_IRQ, NULL);
	pr_info("serial8250: ttyS0 at I/O 0x%x (irq = %d) is a 16550A\n", COM1, COM1_IRQ);
	return 0;
}
device_initcall(serial8250_init);
