/* The serial port's receive side (drivers/tty/serial/8250.c). */
#ifndef _LINUX_SERIAL_H
#define _LINUX_SERIAL_H
#include <linux/wait.h>
extern wait_queue_head_t serial8250_rx_wait;
int serial8250_read(char *buf, int n);
bool serial8250_rx_ready(void);
void serial8250_set_rx_hook(void (*hook)(char c));
#endif
