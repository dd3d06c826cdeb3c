/* Delays: busy-waits (udelay/mdelay) and sleeps (msleep). */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H
void udelay(unsigned long us);
void ndelay(unsigned long ns);
void mdelay(unsigned long ms);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
#endif
